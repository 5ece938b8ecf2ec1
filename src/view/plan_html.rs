//! The plan's hops as HTML text: each hop's releases, rule and notes, and the `<option>`s of an
//! intermediate hop's "release to land on" choice (the `<select>` around them stays a Yew
//! element, so it keeps its place and focus while the plan changes).

use super::markup::{attr, escape};
use crate::domain::plan::{Hop, HopNote, Pick};
use crate::domain::release::Release;
use crate::domain::rules::Rule;

/// The rule in words.
pub fn rule_words(rule: Rule) -> &'static str {
    match rule {
        Rule::Maintenance => "maintenance release upgrade (same train)",
        Rule::Minor => "minor release upgrade (next train)",
        Rule::Major => "major release upgrade (last minor to the next major)",
        Rule::Direct => "direct upgrade (no exception of Cisco's 9.x guidance applies)",
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

/// The hop's releases, its rule (and whether the landing release is the recommended one or the
/// person's choice) and its notes.
pub fn hop_text(hop: &Hop) -> String {
    let pick = match hop.pick {
        Pick::Target => "",
        Pick::Recommended => " (recommended)",
        Pick::Override => " (your choice)",
    };
    let mut out = String::from("<span class=\"plan-hop-releases\">");
    escape(&mut out, &format!("{} → {}", hop.from, hop.to));
    out.push_str("</span><span class=\"plan-hop-rule\">");
    escape(&mut out, &format!(": {}{pick}", rule_words(hop.rule)));
    out.push_str("</span>");
    if !hop.notes.is_empty() {
        out.push_str("<ul class=\"plan-hop-notes\">");
        for note in &hop.notes {
            out.push_str("<li>");
            escape(&mut out, &note_words(note));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

/// `<option>`s for the releases of the landing train, newest first, `selected` marked;
/// withdrawn ones say so.
pub fn choice_options(choices: &[(Release, bool)], selected: Release) -> String {
    let mut out = String::new();
    for (release, withdrawn) in choices.iter().rev() {
        let label = release.to_string();
        out.push_str("<option");
        attr(&mut out, "value", &label);
        if *release == selected {
            out.push_str(" selected");
        }
        out.push('>');
        escape(&mut out, &label);
        if *withdrawn {
            out.push_str(" (withdrawn)");
        }
        out.push_str("</option>");
    }
    out
}
