//! The failover mode of the pair: Active/Standby (the default) or Active/Active.

use crate::domain::runbook::Mode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModeSelectProps {
    pub mode: Mode,
    pub onchange: Callback<Mode>,
}

/// Two radio buttons in a fieldset.
#[function_component(ModeSelect)]
pub fn mode_select(props: &ModeSelectProps) -> Html {
    let option = |mode: Mode, label: &'static str| {
        let cb = props.onchange.clone();
        let id = format!("mode-{}", mode.as_str());
        html! {
            <label for={id.clone()}>
                <input
                    {id}
                    type="radio"
                    name="mode"
                    value={mode.as_str()}
                    checked={props.mode == mode}
                    onchange={Callback::from(move |_: Event| cb.emit(mode))}
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
