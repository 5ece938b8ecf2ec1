//! The failover mode of the pair: Active/Standby (the default) or Active/Active. A view
//! function (no hooks), not a component.

use crate::domain::runbook::Mode;
use crate::ui::browser;
use crate::view::words::page;
use yew::prelude::*;

/// Two radio buttons and the multiple-context switch in a fieldset; `onchange` gets the mode
/// picked, `onmulti` the switch. Active/Active exists only in multiple-context mode, so the
/// switch then shows on and cannot be turned off.
pub fn mode_select(
    mode: Mode,
    multi_context: bool,
    onchange: &Callback<Mode>,
    onmulti: &Callback<bool>,
) -> Html {
    let always = mode == Mode::ActiveActive;
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
            <label for="contexts-multi" class="mode-select-contexts">
                <input id="contexts-multi" type="checkbox" checked={multi_context || always}
                    disabled={always} onchange={browser::on_checked(onmulti)} />
                { page::MULTIPLE_CONTEXT }
            </label>
        </fieldset>
    }
}
