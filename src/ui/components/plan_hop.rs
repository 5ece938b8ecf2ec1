//! One hop of the plan (`li[data-hop]`): the releases, the rule, its notes, and for an
//! intermediate release a choice of any release of that train.

use crate::domain::plan::{Hop, HopNote, Pick};
use crate::domain::release::Release;
use crate::domain::rules::Rule;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanHopProps {
    /// 0-based position in the plan.
    pub index: usize,
    pub hop: Hop,
    /// Releases of the landing train (and whether withdrawn) for an intermediate hop; empty
    /// for the last hop.
    pub choices: Vec<(Release, bool)>,
    /// An intermediate release picked by the person.
    pub onpin: Callback<Release>,
}

/// The rule in words.
pub fn rule_words(rule: Rule) -> &'static str {
    match rule {
        Rule::Maintenance => "maintenance release upgrade (same train)",
        Rule::Minor => "minor release upgrade (next train)",
        Rule::Major => "major release upgrade (last minor to the next major)",
    }
}

/// A hop note in words.
pub fn note_words(note: &HopNote) -> String {
    match note {
        HopNote::ConfigMigration => {
            "Migrates the configuration (8.2 → 8.3); still zero-downtime: review the migrated configuration on the standby unit before failing over.".to_owned()
        }
        HopNote::NotInCatalog(r) => format!("{r} is not in the catalog: planned as if listed."),
        HopNote::Withdrawn(r) => format!("{r} was withdrawn by Cisco: choose another release."),
    }
}

/// The hop as a list item with the hook attributes.
#[function_component(PlanHop)]
pub fn plan_hop(props: &PlanHopProps) -> Html {
    let hop = &props.hop;
    let select_id = format!("via-{}", props.index);
    let onchange = {
        let cb = props.onpin.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok());
            if let Some(release) = value.and_then(|s| s.value().parse::<Release>().ok()) {
                cb.emit(release);
            }
        })
    };
    let pick = match hop.pick {
        Pick::Target => "",
        Pick::Recommended => " (recommended)",
        Pick::Override => " (your choice)",
    };
    html! {
        <li class="plan-hop" data-hop="" data-from={hop.from.to_string()} data-to={hop.to.to_string()}
            data-rule={hop.rule.as_str()}>
            <span class="plan-hop-releases">
                { format!("{} → {}", hop.from, hop.to) }
            </span>
            <span class="plan-hop-rule">{ format!(": {}{pick}", rule_words(hop.rule)) }</span>
            if !hop.notes.is_empty() {
                <ul class="plan-hop-notes">
                    { for hop.notes.iter().map(|n| html! { <li>{ note_words(n) }</li> }) }
                </ul>
            }
            if !props.choices.is_empty() {
                <div class="plan-hop-choice">
                    <label for={select_id.clone()}>
                        { format!("Release of {} to land on", hop.to.train()) }
                    </label>
                    <select id={select_id} {onchange}>
                        { for props.choices.iter().rev().map(|(r, withdrawn)| {
                            let label = if *withdrawn { format!("{r} (withdrawn)") } else { r.to_string() };
                            html! { <option value={r.to_string()} selected={*r == hop.to}>{ label }</option> }
                        }) }
                    </select>
                </div>
            }
        </li>
    }
}
