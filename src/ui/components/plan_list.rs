//! The plan: `ol[data-plan]` of hops (the blocked direct hop's reason is the graph's), overrides that
//! were not used; beside it the rule-set summary (`plan_summary`). The plan's notes are
//! drawn by the page a paint later (`view::plan_html::notes`, `ui::app`).
//!
//! A view function (ARCHITECTURE.md › Size): its props carry the page's callbacks, new on
//! every page render, so a component here would re-render with the page anyway.

use super::plan_hop::plan_hop;
use crate::domain::plan::{Pick, Verdict};
use crate::domain::release::Release;
use crate::domain::rules::RuleSet;
use crate::domain::session::{Origin, Session};
use crate::ui::shared::Shared;
use crate::view::words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanListProps {
    pub session: Shared<Session>,
    /// True when the person pinned intermediate releases (offers to drop them).
    pub pinned: bool,
    pub onpin: Callback<Release>,
    pub onclearpins: Callback<()>,
    /// Switch to this rule set.
    pub onrules: Callback<RuleSet>,
}

/// The hops and everything said about them.
pub fn plan_list(props: &PlanListProps) -> Html {
    let session = &props.session;
    let plan = session.plan.as_ref();
    let hops = session.hops();
    let unused = plan.map(|p| p.unused_via.as_slice()).unwrap_or_default();
    let via_messages: Vec<&str> = session
        .messages
        .iter()
        .filter(|m| m.origin == Origin::Via)
        .map(|m| m.text.as_str())
        .collect();
    let onclear = {
        let cb = props.onclearpins.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <div class="plan-list">
            <ol class="plan-list-hops" data-plan="">
                { for hops.iter().enumerate().map(|(i, hop)| {
                    let choices: Vec<(Release, bool)> = if hop.pick == Pick::Target {
                        Vec::new()
                    } else {
                        session.catalog.train_entries(hop.to.train()).iter()
                            .map(|e| (e.release, e.withdrawn)).collect()
                    };
                    plan_hop(i, hop, session.hop_facts.get(i), &choices, &props.onpin)
                }) }
            </ol>
            if !unused.is_empty() || !via_messages.is_empty() {
                <ul class="plan-list-unused">
                    { for unused.iter().map(|(r, why)| html! { <li>{ words::page::override_unused(r, why) }</li> }) }
                    { for via_messages.iter().map(|m| html! { <li>{ *m }</li> }) }
                </ul>
            }
            if props.pinned {
                <button type="button" onclick={onclear}>{ words::page::USE_RECOMMENDED }</button>
            }
        </div>
    }
}

/// Under the verdict: the rule set in force and the other one's answer with its switch, and on
/// an empty page the example plans.
pub fn plan_summary(props: &PlanListProps) -> Html {
    let session = &props.session;
    let rules = session.rules;
    let other = words::other_rules(session);
    let other_hops = session
        .other
        .as_ref()
        .filter(|o| o.verdict == Verdict::Ok)
        .map(|o| o.hops.to_string())
        .unwrap_or_default();
    let onswitch = props.onrules.reform(move |_: MouseEvent| rules.other());
    html! {
        <div class="plan-summary">
            <p class="plan-list-rules" data-rules={rules.as_str()}>
                { format!("Rules: {}. ", rules.label()) }
                if let Some(other) = other {
                    { other }
                    <span hidden=true data-other-rules-hops={other_hops.clone()}>{ other_hops }</span>
                    { " " }
                    <button type="button" onclick={onswitch}>
                        { format!("Plan with {}", rules.other().label()) }
                    </button>
                }
            </p>
            if session.verdict == Verdict::Empty {
                <ul class="plan-list-examples" aria-label="Example plans">
                    { for words::EXAMPLES.iter().map(|(fragment, label)| html! {
                        <li><a href={format!("#{fragment}")}>{ *label }</a></li>
                    }) }
                </ul>
            }
        </div>
    }
}
