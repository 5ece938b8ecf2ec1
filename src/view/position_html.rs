//! Where the pair is (SPEC §14) as HTML text, for the page to embed beside its paste box:
//! each unit as read (`[data-unit-state]` with `data-unit`, `data-release`, `data-role`), where
//! the pasted outputs disagree and which reading is used (`[data-show-disagree]`), the stops above the next step (`[data-stop]`), a ticked step the output shows not done
//! (`[data-ticked-not-shown]` with `data-hop` and `data-step`, the step ticked), the position (`[data-position]` with `data-hop`
//! and `data-step`, and `data-rolled-back` when its hop was rolled back to its end), the
//! next step with its commands (`[data-next-step]`, with `data-held`
//! when a stop holds it: the step that follows once the stops are cleared, not one to take
//! now) (or, for a hop whose runbook gives no
//! command-line steps, why: `[data-no-steps]` with its kind and `data-hop`), the other
//! reading, the plan from what the units run (`button[data-plan-from]` with `data-from`, `data-from2`), the button that
//! takes the other reading (`button[data-choose-reading]`) and the lines not read.
//! Sentences are `words::position`'s; everything is escaped (`markup`). Nothing of the pasted
//! text reaches it but releases, states, image file names and interface names.

use super::markup::{attr, escape, inline_code};
use super::words::position as words;
use crate::domain::plan::Hop;
use crate::domain::position::{Place, Position};
use crate::domain::release::Release;
use crate::domain::show::Snapshot;

/// ` data-rolled-back` on a reading whose hop was rolled back to its end: its `data-step` is
/// 0, before the hop, as for a hop not begun.
fn rolled_back(out: &mut String, place: Place) {
    if place.rolled_back() {
        out.push_str(" data-rolled-back");
    }
}

/// The position's markup. `in_catalog` says whether a release's train is known (a release
/// that is not is shown as unknown, never guessed).
pub fn html(
    hops: &[Hop],
    snap: &Snapshot,
    pos: &Position,
    in_catalog: impl Fn(Release) -> bool,
) -> String {
    let mut out = String::from("<div class=\"position\">");
    if snap.is_empty() {
        out.push_str("<p data-show-empty>");
        inline_code(&mut out, &words::nothing_read(snap));
        out.push_str("</p>");
    }
    out.push_str("<ul class=\"position-units\">");
    for f in [&snap.primary, &snap.secondary] {
        if !f.is_known() {
            continue;
        }
        out.push_str("<li data-unit-state");
        attr(
            &mut out,
            "data-unit",
            match f.unit {
                crate::domain::runbook::Unit::Primary => "primary",
                crate::domain::runbook::Unit::Secondary => "secondary",
            },
        );
        let known = f.release.filter(|r| in_catalog(*r));
        attr(
            &mut out,
            "data-release",
            &known.map(|r| r.to_string()).unwrap_or_default(),
        );
        attr(&mut out, "data-role", &words::role_hook(f));
        out.push('>');
        escape(&mut out, &words::unit(f, f.release.is_none_or(&in_catalog)));
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    for d in &snap.disagreements {
        out.push_str("<p data-show-disagree>");
        inline_code(&mut out, &words::disagreement(d));
        out.push_str("</p>");
    }
    if snap.context.is_some() && !snap.primary.is_known() && !snap.secondary.is_known() {
        out.push_str("<p data-show-context>");
        inline_code(&mut out, words::context());
        out.push_str("</p>");
    }
    if let Some(release) = snap.unplaced {
        out.push_str("<p data-show-unplaced>");
        inline_code(&mut out, &words::unplaced(release));
        out.push_str("</p>");
    }
    for stop in &pos.stops {
        out.push_str("<p role=\"alert\"");
        attr(&mut out, "data-stop", stop.kind.as_str());
        out.push('>');
        inline_code(&mut out, &words::stop(stop));
        out.push_str("</p>");
    }
    if let Some(t) = &pos.ticked_not_shown {
        out.push_str("<p role=\"alert\" data-ticked-not-shown");
        attr(&mut out, "data-hop", &t.hop.to_string());
        attr(&mut out, "data-step", &t.ticked.to_string());
        out.push('>');
        inline_code(&mut out, &words::ticked_not_shown(t));
        out.push_str("</p>");
    }
    let (hop, step) = pos.place.hook();
    out.push_str("<p data-position");
    attr(&mut out, "data-hop", &hop);
    attr(&mut out, "data-step", &step);
    rolled_back(&mut out, pos.place);
    out.push('>');
    escape(&mut out, &words::place_read(hops, pos.place, snap));
    out.push_str("</p>");
    if let Some(n) = &pos.next {
        out.push_str("<p data-next-step");
        attr(&mut out, "data-step", &n.step.to_string());
        attr(&mut out, "data-unit", n.role.as_str());
        if n.held {
            out.push_str(" data-held");
        }
        out.push('>');
        inline_code(&mut out, &words::next(n));
        out.push_str("</p>");
    }
    if let Some((hop, why)) = pos.no_steps {
        out.push_str("<p");
        attr(&mut out, "data-no-steps", why.as_str());
        attr(&mut out, "data-hop", &hop.to_string());
        out.push('>');
        inline_code(&mut out, &words::no_steps(hops, hop, why));
        out.push_str("</p>");
    }
    if let Some((place, n)) = &pos.alternative {
        let (hop, step) = place.hook();
        out.push_str("<p data-alternative");
        attr(&mut out, "data-hop", &hop);
        attr(&mut out, "data-step", &step);
        rolled_back(&mut out, *place);
        if n.as_ref().is_some_and(|n| n.held) {
            out.push_str(" data-held");
        }
        out.push('>');
        inline_code(
            &mut out,
            &words::alternative(hops, *place, n.as_ref(), snap),
        );
        out.push_str(" <button type=\"button\" data-choose-reading=\"\">");
        escape(&mut out, words::CHOOSE_READING);
        out.push_str("</button></p>");
    }
    if let Some(p) = &pos.plan_from {
        out.push_str("<p><button type=\"button\" data-plan-from");
        attr(&mut out, "data-from", &p.from.to_string());
        attr(
            &mut out,
            "data-from2",
            &p.from2.map(|r| r.to_string()).unwrap_or_default(),
        );
        out.push('>');
        escape(&mut out, &words::plan_from(p));
        out.push_str("</button></p>");
    }
    if let Some(lines) = words::unread(&snap.unread) {
        out.push_str("<p data-show-unread>");
        escape(&mut out, &lines);
        out.push_str("</p>");
    }
    out.push_str("</div>");
    out
}
