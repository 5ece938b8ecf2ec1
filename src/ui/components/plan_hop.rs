//! One hop of the plan (`li[data-hop]`): the releases, the rule, its notes, and for an
//! intermediate release a choice of any release of that train. A view function (no hooks),
//! not a component: the plan list around it decides when to re-render.

use crate::domain::plan::{Hop, HopNote, Pick};
use crate::domain::release::Release;
use crate::domain::rules::Rule;
use crate::ui::browser;
use yew::prelude::*;

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

/// The hop as a list item with the hook attributes. `index` is 0-based; `choices` are the
/// releases of the landing train (and whether withdrawn) for an intermediate hop, empty for
/// the last hop; `onpin` gets an intermediate release picked by the person.
pub fn plan_hop(
    index: usize,
    hop: &Hop,
    choices: &[(Release, bool)],
    onpin: &Callback<Release>,
) -> Html {
    let select_id = format!("via-{index}");
    let onchange = {
        let cb = onpin.clone();
        Callback::from(move |e: Event| {
            if let Some(release) = browser::field_value(&e).and_then(|v| v.parse::<Release>().ok())
            {
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
            if !choices.is_empty() {
                <div class="plan-hop-choice">
                    <label for={select_id.clone()}>
                        { format!("Release of {} to land on", hop.to.train()) }
                    </label>
                    <select id={select_id} {onchange}>
                        { for choices.iter().rev().map(|(r, withdrawn)| {
                            let label = if *withdrawn { format!("{r} (withdrawn)") } else { r.to_string() };
                            html! { <option value={r.to_string()} selected={*r == hop.to}>{ label }</option> }
                        }) }
                    </select>
                </div>
            }
        </li>
    }
}
