//! Platform preset and per-train on/off switches, each exclusion with its reason as text.
//! A view function (no hooks), not a component: Yew's per-component code is
//! several KB of wasm each, and the section that calls it already decides when to re-render.

use crate::domain::presets::{default_preset, PRESETS};
use crate::domain::release::Train;
use crate::domain::session::TrainState;
use crate::ui::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrainTogglesProps {
    /// The preset id as in the query (`None`: the default).
    pub preset: Option<String>,
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

/// The preset `<select>` and one checkbox per train.
pub fn train_toggles(props: &TrainTogglesProps) -> Html {
    let selected = props
        .preset
        .clone()
        .unwrap_or_else(|| default_preset().id.to_owned());
    let onpreset = browser::on_value::<Event>(&props.onpreset);
    let onreset = {
        let cb = props.onreset.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <fieldset class="train-toggles">
            <legend>{ "Platform and trains" }</legend>
            <label for="preset">{ "Platform preset" }</label>
            <select id="preset" onchange={onpreset} disabled={props.custom_list}>
                { for PRESETS.iter().map(|p| html! {
                    <option value={p.id} selected={p.id == selected}>{ p.label }</option>
                }) }
            </select>
            if props.custom_list {
                <p class="train-toggles-note">{ "Presets do not filter a custom list." }</p>
            }
            { for props.messages.iter().map(|m| html! { <p class="train-toggles-message">{ m.clone() }</p> }) }
            <ul class="train-toggles-list">
                { for props.trains.iter().map(|t| {
                    let train = t.train;
                    let id = format!("train-{}-{}", train.major, train.minor);
                    let onchange =
                        browser::on_checked(&props.ontoggle.reform(move |on| (train, on)));
                    // An attribute, not a class chosen at run time: that would bring Yew's
                    // `Classes` set into the wasm.
                    let excluded = t.excluded_by_preset.map(|_| "");
                    html! {
                        <li data-excluded={excluded}>
                            <input id={id.clone()} type="checkbox" checked={t.enabled} {onchange} />
                            <label for={id}>{ train.to_string() }</label>
                            if let Some(reason) = t.excluded_by_preset {
                                <span class="train-toggles-reason">{ reason }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if props.custom_set {
                <button type="button" onclick={onreset}>{ "Use the preset's trains" }</button>
            }
        </fieldset>
    }
}
