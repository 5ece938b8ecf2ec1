//! The inputs of a plan: current release (and the other unit's, when they differ), target,
//! failover mode, platform and trains, and the custom list. Wires leaf inputs to the verbs.

use super::custom_list::{entries, CustomList};
use super::mode_select::ModeSelect;
use super::release_field::ReleaseField;
use super::train_toggles::TrainToggles;
use crate::domain::query::PlanQuery;
use crate::domain::release::Train;
use crate::domain::session::{Origin, Session};
use crate::ui::hooks::use_planner;
use crate::ui::shared::Shared;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Id of the shared release suggestions.
pub const OPTIONS_ID: &str = "release-options";

#[derive(Properties, PartialEq)]
pub struct PlanInputsProps {
    pub session: Shared<Session>,
    pub query: Shared<PlanQuery>,
    pub list_draft: AttrValue,
    /// Extra messages for the custom list (e.g. too long to share).
    pub list_messages: Vec<String>,
}

fn messages(session: &Session, origins: &[Origin]) -> Vec<String> {
    session
        .messages
        .iter()
        .filter(|m| origins.contains(&m.origin))
        .map(|m| m.text.clone())
        .collect()
}

/// The inputs section.
#[function_component(PlanInputs)]
pub fn plan_inputs(props: &PlanInputsProps) -> Html {
    let planner = use_planner();
    let session = &props.session;
    let query = &props.query;
    let p = planner.clone();
    let onfrom = Callback::from(move |t| p.set_from(t));
    let p = planner.clone();
    let onfrom2 = Callback::from(move |t| p.set_from2(Some(t)));
    let p = planner.clone();
    let onto = Callback::from(move |t| p.set_to(t));
    let p = planner.clone();
    let onmode = Callback::from(move |m| p.set_mode(m));
    let p = planner.clone();
    let onpreset = Callback::from(move |id| p.set_preset(id));
    let p = planner.clone();
    let trains = session.trains.clone();
    let ontoggle = Callback::from(move |(t, on): (Train, bool)| p.toggle_train(&trains, t, on));
    let p = planner.clone();
    let onreset = Callback::from(move |_| p.reset_trains());
    let p = planner.clone();
    let ondraft = Callback::from(move |t| p.set_list_draft(t));
    let p = planner.clone();
    let draft = props.list_draft.clone();
    let onapply = Callback::from(move |_| {
        let list = entries(&draft);
        p.set_releases(if list.is_empty() { None } else { Some(list) });
    });
    let p = planner.clone();
    let onclear = Callback::from(move |_| p.set_releases(None));
    let p = planner.clone();
    let onsecond = Callback::from(move |e: Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            p.set_from2(input.checked().then(String::new));
        }
    });
    let mut list_messages = props.list_messages.clone();
    list_messages.extend(messages(session, &[Origin::Releases]));
    html! {
        <section class="plan-inputs" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">{ "The pair" }</h2>
            <ReleaseField id="from" label={if query.from2.is_some() { "Current release (primary unit)" } else { "Current release" }}
                field={session.from.clone()} list={OPTIONS_ID} placeholder="e.g. 8.2(5)" oninput={onfrom} />
            <div class="plan-inputs-second">
                <input id="mixed" type="checkbox" checked={query.from2.is_some()} onchange={onsecond} />
                <label for="mixed">{ "The units run different releases" }</label>
            </div>
            if query.from2.is_some() {
                <ReleaseField id="from2" label="Current release (secondary unit)"
                    field={session.from2.clone().unwrap_or_default()}
                    list={OPTIONS_ID} oninput={onfrom2} />
            }
            <ReleaseField id="to" label="Target release" field={session.to.clone()} list={OPTIONS_ID}
                placeholder="e.g. 9.1(7)" oninput={onto} />
            <ModeSelect mode={query.mode} onchange={onmode} />
            <TrainToggles preset={query.preset.clone()} trains={session.trains.clone()}
                custom_set={query.trains.is_some()} custom_list={session.custom}
                messages={messages(session, &[Origin::Preset, Origin::Trains])}
                {onpreset} {ontoggle} {onreset} />
            <CustomList draft={props.list_draft.clone()} active={session.custom}
                errors={session.list_errors.clone()} messages={list_messages}
                {ondraft} {onapply} {onclear} />
        </section>
    }
}
