//! The plan's hops as HTML text: each hop's releases, rule and notes, and the `<option>`s of an
//! intermediate hop's "release to land on" choice (the `<select>` around them stays a Yew
//! element, so it keeps its place and focus while the plan changes).

use super::markup::{attr, escape, inline_code, source_link};
use super::words;
use crate::domain::caveats::Caveat;
use crate::domain::plan::{Hop, Pick};
use crate::domain::release::Release;
use crate::domain::runbook::{Setup, Unit};
use crate::domain::session::{HopFacts, HopWarning, Session};
use crate::domain::sources::Source;

/// The hop's releases, its rule (and whether the landing release is the recommended one or the
/// person's choice), the units it reloads, its warnings (`data-warning`), its notes and the
/// caveats it crosses (`data-caveat`).
pub fn hop_text(hop: &Hop, facts: Option<&HopFacts>) -> String {
    let pick = match hop.pick {
        Pick::Target => "",
        Pick::Recommended => " (recommended)",
        Pick::Override => " (your choice)",
    };
    let mut out = String::from("<span class=\"plan-hop-releases\">");
    escape(&mut out, &format!("{} → {}", hop.from, hop.to));
    out.push_str("</span><span class=\"plan-hop-rule\">");
    escape(&mut out, &format!(": {}{pick}", words::rule(hop.rule)));
    out.push_str("</span>");
    if let Some(facts) = facts {
        // Said when it is news: a mismatched pair's units start from different releases, or
        // one stays; "both units from the hop's start" is every ordinary hop.
        if facts.stays.is_some() || facts.reloads.iter().any(|u| u.from != hop.from) {
            out.push_str("<p class=\"plan-hop-units\">");
            escape(&mut out, &words::reloads(facts));
            out.push_str("</p>");
        }
        for warning in facts.warnings.iter().filter(|w| !w.is_advice()) {
            warning_line(&mut out, warning);
        }
    }
    if !hop.notes.is_empty() {
        out.push_str("<ul class=\"plan-hop-notes\">");
        for note in &hop.notes {
            out.push_str("<li>");
            escape(&mut out, &words::hop_note(note));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    // Folded in the plan (the runbook section shows them in full): the plan and its graph stay
    // in view together. Warnings that make the plan conditional stay above, unfolded; advice
    // (check the planning page, why a path-table stop is avoided) folds with the caveats.
    if let Some(facts) = facts {
        let advice: Vec<_> = facts.warnings.iter().filter(|w| w.is_advice()).collect();
        if !facts.caveats.is_empty() || !advice.is_empty() {
            out.push_str("<details class=\"plan-hop-caveats\"><summary>");
            escape(
                &mut out,
                &words::folded_summary(facts.caveats.len(), advice.len()),
            );
            out.push_str("</summary>");
            for warning in advice {
                warning_line(&mut out, warning);
            }
            caveats(&mut out, &facts.caveats, None);
            out.push_str("</details>");
        }
    }
    out
}

/// One hop warning as a line, `[data-warning]` naming its kind, with its sources.
fn warning_line(out: &mut String, warning: &HopWarning) {
    out.push_str("<p class=\"plan-hop-warning\"");
    attr(out, "data-warning", warning.kind());
    out.push('>');
    escape(out, &words::warning(warning));
    sources(out, &words::warning_sources(warning));
    out.push_str("</p>");
}

/// " (Source: <a>…</a>; <a>…</a>)" after a sentence.
pub fn sources(out: &mut String, sources: &[Source]) {
    for (i, source) in sources.iter().enumerate() {
        out.push_str(if i == 0 { " (Source: " } else { "; " });
        source_link(out, source);
    }
    if !sources.is_empty() {
        out.push(')');
    }
}

/// The caveats as a list of `[data-caveat]` items: what Cisco says, with its source and
/// confidence; in a runbook (`runbook`: how the pair is set up), also what to do before the hop
/// and its commands ([`caveat_block`]).
pub fn caveats(out: &mut String, caveats: &[&Caveat], runbook: Option<Setup>) {
    hop_caveats(out, caveats, runbook, None);
}

/// [`caveats`] in a hop's runbook; `stays`: a one-unit hop's other unit and the release it
/// keeps (`HopFacts::stays`), on which the hop's commands are typed.
pub fn hop_caveats(
    out: &mut String,
    caveats: &[&Caveat],
    runbook: Option<Setup>,
    stays: Option<(Unit, Release)>,
) {
    if caveats.is_empty() {
        return;
    }
    out.push_str("<ul class=\"caveats\">");
    for caveat in caveats {
        out.push_str("<li class=\"caveat\" data-caveat=\"\"");
        attr(out, "data-caveat-release", &caveat.release.to_string());
        attr(out, "data-caveat-kind", caveat.kind.label());
        out.push_str("><strong>");
        escape(
            out,
            &words::caveat_heading(caveat.release, caveat.kind.label()),
        );
        out.push_str("</strong> ");
        inline_code(out, caveat.text);
        let steps = runbook.map(|setup| super::runbook::caveat_steps(caveat, setup, stays));
        if let Some(steps) = &steps {
            out.push_str("<br>");
            inline_code(out, &steps.before);
        }
        out.push_str(" <span class=\"caveat-source\">(");
        source_link(out, &caveat.source);
        out.push_str("; ");
        escape(out, &words::confidence(caveat.confidence.letter()));
        out.push_str(")</span>");
        if let Some(block) = steps.and_then(|s| s.block) {
            // Its callouts first, as a step's notes: said before the block is pasted.
            for note in &block.notes {
                out.push_str("<p class=\"hop-runbook-note\">");
                inline_code(out, note);
                out.push_str("</p>");
            }
            super::runbook_html::command_block_aside(
                out,
                block.role,
                block.aside,
                &block.commands.join("\n"),
                &format!("Copy the commands for the {} caveat", caveat.release),
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// `<option>`s for the releases of the landing train, newest first, `selected` marked;
/// withdrawn ones say so. An option's value is the release's index in `choices`: the page
/// reads the release back from its own list, never by parsing the option's text.
pub fn choice_options(choices: &[(Release, bool)], selected: Release) -> String {
    let mut out = String::new();
    for (i, (release, withdrawn)) in choices.iter().enumerate().rev() {
        let label = release.to_string();
        out.push_str("<option");
        attr(&mut out, "value", &i.to_string());
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

/// The refusal for the chosen model (`[data-platform-limit]`, if any), then the plan's notes (rule
/// source, parity, near-zero downtime …) as list items, each with its
/// Cisco sources; empty when there are none.
pub fn notes(session: &Session) -> String {
    // A refusal for the chosen model comes first: `[data-platform-limit]` with its source.
    let mut out = super::platform_html::limits(session);
    if session.notes.is_empty() {
        return out;
    }
    out.push_str("<ul class=\"plan-list-notes\">");
    for note in &session.notes {
        out.push_str("<li>");
        inline_code(&mut out, &words::note(note));
        sources(&mut out, &words::note_sources(note));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}
