//! Platform preset and per-train on/off switches, each exclusion with its reason as text.
//! A view function (ARCHITECTURE.md › Size). The switches are markup text (`view::train_list`) under one `change` listener: a hundred
//! elements built by Yew one DOM call at a time were the largest part of the first render.

use crate::domain::presets::PRESETS;
use crate::domain::release::Train;
use crate::domain::session::TrainState;
use crate::ui::browser;
use crate::view::train_list;
use crate::view::words::page;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrainTogglesProps {
    /// The id of the preset in force (`Session::preset`: the default, or the model's, when
    /// the query names none): the select shows the preset the plan uses.
    pub preset: &'static str,
    pub trains: Vec<TrainState>,
    /// True when the train set was chosen by hand (offers a reset).
    pub custom_set: bool,
    /// True when a custom list is in use (presets do not filter it).
    pub custom_list: bool,
    /// Messages about the preset or trains (e.g. an unknown preset in a link).
    pub messages: Vec<String>,
    pub onpreset: Callback<String>,
    /// The trains switched on, read from the switches a paint after one changed.
    pub ontrains: Callback<Vec<Train>>,
    pub onreset: Callback<()>,
}

/// Marks a switch clicked whose train set is not yet in the state (it is applied a paint later).
const PENDING: &str = "data-pending";

/// The trains whose switches are on in `list` (the element holding the switches), by each
/// switch's `data-index` into `trains`; `None` when a switch names no train (a list drawn
/// for other trains).
fn switched_on(list: &web_sys::Element, trains: &[Train]) -> Option<Vec<Train>> {
    let inputs = list.query_selector_all("input[data-index]").ok()?;
    let mut on = Vec::new();
    for i in 0..inputs.length() {
        let input: web_sys::HtmlInputElement = inputs.get(i)?.dyn_into().ok()?;
        let train = *trains.get(input.get_attribute("data-index")?.parse::<usize>().ok()?)?;
        if input.checked() {
            on.push(train);
        }
    }
    Some(on)
}

/// Sets each switch's `checked` property to its train's state (the list's text does not carry
/// it: `view::train_list`). Run after every render in which the states changed; a box a person
/// clicked whose change is not applied yet (`PENDING`) is left alone.
pub fn show_states(trains: &[TrainState]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for t in trains {
        if let Some(input) = document
            .get_element_by_id(&train_list::checkbox_id(t.train))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|input| input.checked() != t.enabled && !input.has_attribute(PENDING))
        {
            input.set_checked(t.enabled);
        }
    }
}

/// "Trains: 30 of 34 on (as the preset)" or "… (modified by hand)".
fn summary(props: &TrainTogglesProps) -> String {
    let on = props.trains.iter().filter(|t| t.enabled).count();
    page::trains_summary(on, props.trains.len(), props.custom_list, props.custom_set)
}

/// The preset `<select>` and one checkbox per train.
pub fn train_toggles(props: &TrainTogglesProps) -> Html {
    let selected = props.preset;
    let onpreset = browser::on_value::<Event>(&props.onpreset);
    let onswitch = {
        let ontrains = props.ontrains.clone();
        let trains: Vec<Train> = props.trains.iter().map(|t| t.train).collect();
        Callback::from(move |e: Event| {
            // The list's text does not change with a switch, so the box keeps its focus.
            // The box shows its new state at once; the plan and the graph follow a paint
            // later (Event Timing measures input → next paint, and redrawing the graph's
            // columns in the click's frame doubled it). The set is read from the boxes when
            // the work runs, so switches clicked within one frame all count.
            let (Some(input), Some(list)) = (
                browser::closest(&e, "input[data-index]"),
                browser::closest(&e, "[data-train-switches]"),
            ) else {
                return;
            };
            // Until then the box is the person's, not the state's (`show_states`).
            let _ = input.set_attribute(PENDING, "");
            let ontrains = ontrains.clone();
            let trains = trains.clone();
            browser::after_paint(move || {
                let on = switched_on(&list, &trains);
                let _ = input.remove_attribute(PENDING);
                if let Some(on) = on {
                    ontrains.emit(on);
                }
            });
        })
    };
    let onreset = {
        let cb = props.onreset.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <fieldset class="train-toggles">
            <legend>{ page::TRAINS_HEADING }</legend>
            <label for="preset">{ "Platform preset" }</label>
            <select id="preset" onchange={onpreset} disabled={props.custom_list}>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.id} selected={p.id == selected}>{ p.label }</option>
                }) }
            </select>
            if props.custom_list {
                <p class="train-toggles-note">{ page::PRESETS_NO_FILTER }</p>
            }
            { for props.messages.iter().map(|m| html! { <p class="train-toggles-message">{ m.clone() }</p> }) }
            // Folded until asked for: the preset is what most people need; a train set
            // changed by hand says so and stays open.
            <details class="train-toggles-details" open={props.custom_set}>
                <summary>{ summary(props) }</summary>
                <div data-train-switches="" onchange={onswitch}>
                    { Html::from_html_unchecked(train_list::checkboxes(&props.trains).into()) }
                </div>
            </details>
            if props.custom_set {
                <button type="button" onclick={onreset}>{ page::USE_PRESET_TRAINS }</button>
            }
        </fieldset>
    }
}
