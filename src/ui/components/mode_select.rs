//! The failover mode of the pair: Active/Standby (the default) or Active/Active. A view
//! function (no hooks), not a component.

use crate::domain::runbook::Mode;
use yew::prelude::*;

/// Two radio buttons in a fieldset; `onchange` gets the mode picked.
pub fn mode_select(mode: Mode, onchange: &Callback<Mode>) -> Html {
    let option = |option: Mode, label: &'static str| {
        let id = format!("mode-{}", option.as_str());
        html! {
            <label for={id.clone()}>
                <input
                    {id}
                    type="radio"
                    name="mode"
                    value={option.as_str()}
                    checked={mode == option}
                    onchange={onchange.reform(move |_: Event| option)}
                />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="mode-select">
            <legend>{ "Failover mode" }</legend>
            { option(Mode::ActiveStandby, "Active/Standby") }
            { option(Mode::ActiveActive, "Active/Active") }
        </fieldset>
    }
}
