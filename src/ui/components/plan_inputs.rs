//! The inputs of a plan: current release (and the other unit's, when they differ), target,
//! failover mode, hardware model, platform and trains, and the custom list. Wires leaf inputs to the verbs.
//!
//! A view function rendered with the page, not a component: the verdict and plan are drawn by
//! the page itself, and a component here would update a scheduler step later, so the page
//! could show a new verdict next to a stale field for a frame.

use super::custom_list::{custom_list, entries, CustomListProps};
use super::mode_select::mode_select;
use super::model_select::model_select;
use super::release_field::{release_field, ReleaseFieldProps};
use super::train_toggles::{train_toggles, TrainTogglesProps};
use crate::domain::query::{PlanQuery, ReleaseKey};
use crate::domain::session::{Origin, Session};
use crate::ui::browser;
use crate::ui::hooks::Planner;
use crate::ui::shared::Shared;
use crate::view::words::page;
use yew::prelude::*;

/// Id of the shared release suggestions.
pub const OPTIONS_ID: &str = "release-options";

pub struct PlanInputsProps {
    pub session: Shared<Session>,
    pub query: Shared<PlanQuery>,
    pub list_draft: AttrValue,
    /// Extra messages for the custom list (e.g. too long to share).
    pub list_messages: Vec<String>,
    /// The release fields whose text the link leaves out (it reads as no release and is too
    /// long for a link): each says so under it.
    pub left_out: Vec<ReleaseKey>,
    /// The page's verbs.
    pub planner: Planner,
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
pub fn plan_inputs(props: &PlanInputsProps) -> Html {
    let planner = &props.planner;
    let session = &props.session;
    let query = &props.query;
    let onfrom = planner.on(Planner::set_from);
    let onfrom2 = planner.on(|p, t| p.set_from2(Some(t)));
    let onto = planner.on(Planner::set_to);
    let onmode = planner.on(Planner::set_mode);
    let onmulti = planner.on(Planner::set_multi_context);
    let onpreset = planner.on(Planner::set_preset);
    let onplatform = planner.on(Planner::set_platform);
    let ontrains = planner.on(Planner::set_trains);
    let onreset = planner.on(|p, ()| p.reset_trains());
    let ondraft = planner.on(Planner::set_list_draft);
    let p = planner.clone();
    let draft = props.list_draft.clone();
    let onapply = Callback::from(move |_| {
        let list = entries(&draft);
        p.set_releases(if list.is_empty() { None } else { Some(list) });
    });
    let onclear = planner.on(|p, ()| p.set_releases(None));
    let onsecond =
        browser::on_checked(&planner.on(|p, checked: bool| p.set_from2(checked.then(String::new))));
    let left_out = |key: ReleaseKey| {
        props
            .left_out
            .contains(&key)
            .then(|| AttrValue::from(page::FIELD_LEFT_OUT_OF_LINK))
    };
    let mut list_messages = props.list_messages.clone();
    list_messages.extend(messages(session, &[Origin::Releases]));
    html! {
        <section class="plan-inputs" aria-labelledby="inputs-heading">
            <h2 id="inputs-heading">{ "The pair" }</h2>
            { release_field(&ReleaseFieldProps {
                id: "from".into(),
                label: if query.from2.is_some() { "Current release (primary unit)" } else { "Current release" }.into(),
                field: session.from.clone(),
                list: OPTIONS_ID.into(),
                placeholder: "e.g. 9.8(4)".into(),
                left_out: left_out(ReleaseKey::From),
                oninput: onfrom,
            }) }
            <div class="plan-inputs-second">
                <input id="mixed" type="checkbox" checked={query.from2.is_some()} onchange={onsecond} />
                <label for="mixed">{ page::UNITS_DIFFER }</label>
            </div>
            if query.from2.is_some() {
                { release_field(&ReleaseFieldProps {
                    id: "from2".into(),
                    label: "Current release (secondary unit)".into(),
                    field: session.from2.clone().unwrap_or_default(),
                    list: OPTIONS_ID.into(),
                    placeholder: AttrValue::default(),
                    left_out: left_out(ReleaseKey::From2),
                    oninput: onfrom2,
                }) }
            }
            { release_field(&ReleaseFieldProps {
                id: "to".into(),
                label: "Target release".into(),
                field: session.to.clone(),
                list: OPTIONS_ID.into(),
                placeholder: "e.g. 9.12(4)".into(),
                left_out: left_out(ReleaseKey::To),
                oninput: onto,
            }) }
            { mode_select(query.mode, query.multi_context, &onmode, &onmulti) }
            { model_select(query.platform, &onplatform) }
            { train_toggles(&TrainTogglesProps {
                preset: session.preset.id,
                trains: session.trains.clone(),
                custom_set: query.trains.is_some(),
                custom_list: session.custom,
                messages: messages(session, &[Origin::Preset, Origin::Trains]),
                onpreset,
                ontrains,
                onreset,
            }) }
            { custom_list(&CustomListProps {
                draft: props.list_draft.clone(),
                active: session.custom,
                errors: &session.list_errors,
                messages: list_messages,
                ondraft,
                onapply,
                onclear,
            }) }
        </section>
    }
}
