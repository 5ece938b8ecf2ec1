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
    pub ontoggle: Callback<(Train, bool)>,
    pub onreset: Callback<()>,
}

/// The train and new state of a switch that changed (`None` for any other change): the train
/// is `trains[i]` for the switch's `data-index`.
fn switched(e: &Event, trains: &[TrainState]) -> Option<(Train, bool)> {
    let input = browser::closest(e, "input[data-index]")?;
    let i: usize = input.get_attribute("data-index")?.parse().ok()?;
    let train = trains.get(i)?.train;
    let on = input
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .checked();
    Some((train, on))
}

/// Sets each switch's `checked` property to its train's state (the list's text does not carry
/// it: `view::train_list`). Run after every render in which the states changed; a box a person
/// just clicked already shows its new state and is left alone.
pub fn show_states(trains: &[TrainState]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for t in trains {
        if let Some(input) = document
            .get_element_by_id(&train_list::checkbox_id(t.train))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .filter(|input| input.checked() != t.enabled)
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
        let ontoggle = props.ontoggle.clone();
        let trains = props.trains.clone();
        Callback::from(move |e: Event| {
            // The list's text does not change with a switch, so the box keeps its focus.
            if let Some(switch) = switched(&e, &trains) {
                ontoggle.emit(switch);
            }
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
                <div onchange={onswitch}>
                    { Html::from_html_unchecked(train_list::checkboxes(&props.trains).into()) }
                </div>
            </details>
            if props.custom_set {
                <button type="button" onclick={onreset}>{ page::USE_PRESET_TRAINS }</button>
            }
        </fieldset>
    }
}
