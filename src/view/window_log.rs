//! The change window's executed log as Markdown (SPEC §14 "Running the window"): the plan's
//! own Markdown (`export`), then where the pair was as read from the pasted output (each
//! unit's release and failover state, where the outputs disagreed and which reading was used,
//! the position, the next step and the stops) and every
//! step of every hop with the local time it was ticked.
//!
//! Only typed facts reach it: releases, states, image file names, the words' sentences. The
//! pasted text itself never does, so its serial numbers and addresses cannot leak into it;
//! nor do the interface names the parser kept (a stop they cause counts them). A rollback
//! block not ticked reads "only if needed", not as an open task.

use super::export::{self, inline_keep_code, Extras};
use super::words::{self, position as pwords, position::Interfaces};
use crate::domain::position::Position;
use crate::domain::runbook::{self, Step};
use crate::domain::session::Session;
use crate::domain::show::Snapshot;
use crate::domain::ticks::Ticks;
use std::fmt::Write;

/// The executed log: the plan (`link` its share link) and what was done when.
#[allow(clippy::too_many_arguments)]
pub fn markdown(
    session: &Session,
    server: &str,
    images: &[(String, String)],
    ticks: &Ticks,
    snap: &Snapshot,
    position: Option<&Position>,
    made_on: Option<&str>,
    link: &str,
) -> String {
    let hops = session.hops();
    let hop_images = runbook::hop_images(hops, server, images, session.platform);
    let not_used = super::runbook_html::names_message(server, images);
    let extras = Extras {
        images: &hop_images,
        minutes_per_reload: None,
        made_on,
        names_not_used: &not_used,
    };
    let mut md = export::markdown(session, &extras, link);
    let _ = log(&mut md, session, &hop_images, ticks, snap, position);
    md
}

/// Whether a step is to be done, or run only if needed (a rollback block).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    ToDo,
    IfNeeded,
}

/// A step's line: ticked, with its time; else an open task, or, for a rollback block, a plain
/// item saying it runs only if needed.
fn step_line(
    md: &mut String,
    ticks: &Ticks,
    (hop, id): (usize, &str),
    label: &str,
    what: &str,
    kind: Kind,
) -> std::fmt::Result {
    let what = inline_keep_code(what);
    match (ticks.time(hop, id), kind) {
        (Some(time), _) => writeln!(md, "- [x] {} {label}: {what}", pwords::tick_time(time)),
        (None, Kind::ToDo) => writeln!(md, "- [ ] {label}: {what}"),
        (None, Kind::IfNeeded) => {
            writeln!(md, "- {}: {what}", words::rollback_not_ticked(label))
        }
    }
}

fn steps(md: &mut String, ticks: &Ticks, hop: usize, steps: &[Step]) -> std::fmt::Result {
    for (i, s) in steps.iter().enumerate() {
        let id = (i + 1).to_string();
        step_line(
            md,
            ticks,
            (hop, &id),
            &format!("Step {id}"),
            &s.what,
            Kind::ToDo,
        )?;
        for (j, b) in s.rollback.iter().enumerate() {
            let rid = format!("{id}r{}", j + 1);
            md.push_str("  ");
            step_line(
                md,
                ticks,
                (hop, &rid),
                &format!("Rollback block {}", j + 1),
                &b.what,
                Kind::IfNeeded,
            )?;
        }
    }
    Ok(())
}

fn log(
    md: &mut String,
    session: &Session,
    hop_images: &[runbook::HopImages],
    ticks: &Ticks,
    snap: &Snapshot,
    position: Option<&Position>,
) -> std::fmt::Result {
    let hops = session.hops();
    writeln!(md)?;
    writeln!(md, "## Executed log")?;
    writeln!(md)?;
    if snap.is_empty() {
        writeln!(md, "No output of the units was read.")?;
    } else {
        writeln!(
            md,
            "Where the pair was, read from the units' output (releases and states only):"
        )?;
        writeln!(md)?;
        for f in [&snap.primary, &snap.secondary] {
            if f.is_known() {
                let known = f.release.is_none_or(|r| session.base.has_train(r.train()));
                let unit = pwords::unit_saying(f, known, Interfaces::Counted);
                writeln!(md, "- {}", inline_keep_code(&unit))?;
            }
        }
        for d in &snap.disagreements {
            writeln!(md, "- Read: {}", inline_keep_code(&pwords::disagreement(d)))?;
        }
        if let Some(pos) = position {
            for stop in &pos.stops {
                let stop = pwords::stop_saying(stop, Interfaces::Counted);
                writeln!(md, "- Stop: {}", inline_keep_code(&stop))?;
            }
            writeln!(
                md,
                "- Position: {}",
                inline_keep_code(&pwords::place_read(hops, pos.place, snap))
            )?;
            if let Some(n) = &pos.next {
                writeln!(md, "- Next: {}", inline_keep_code(&pwords::next(n)))?;
            }
            if let Some((h, why)) = pos.no_steps {
                writeln!(
                    md,
                    "- Next: {}",
                    inline_keep_code(&pwords::no_steps(hops, h, why))
                )?;
            }
        }
    }
    if hops.is_empty() {
        return Ok(());
    }
    // On the FXOS path the page shows no command-line steps and no tick boxes: none to log.
    if let Some(notice) = session
        .procedure_notice()
        .filter(|n| !n.cli_runbook_applies())
    {
        writeln!(md)?;
        writeln!(
            md,
            "No command-line steps to tick: {}",
            inline_keep_code(&words::platform::procedure(notice))
        )?;
        return Ok(());
    }
    writeln!(md)?;
    writeln!(md, "### Steps, with the local time each was ticked")?;
    let server = hop_images
        .first()
        .map_or(runbook::SERVER_PLACEHOLDER, |i| i.server.as_str());
    let before = crate::view::runbook::before_first_hop(session.setup, server);
    writeln!(md)?;
    writeln!(md, "Before the first hop:")?;
    writeln!(md)?;
    steps(md, ticks, 0, &before)?;
    for (i, (hop, images)) in hops.iter().zip(hop_images).enumerate() {
        let Some(spec) = session.hop_spec(i, |r| {
            runbook::image_of(hops, hop_images, r, session.platform)
        }) else {
            continue;
        };
        let book = crate::view::runbook::hop_runbook(session.setup, &spec, images);
        writeln!(md)?;
        writeln!(md, "Hop {}: {} → {}", i + 1, hop.from, hop.to)?;
        writeln!(md)?;
        if let Some(stop) = words::hop_stop(session, i) {
            writeln!(md, "{}", inline_keep_code(&stop))?;
            continue;
        }
        for (j, s) in book.prechecks.iter().enumerate() {
            let id = format!("pre{}", j + 1);
            step_line(
                md,
                ticks,
                (i + 1, &id),
                &format!("Pre-check {}", j + 1),
                &s.what,
                Kind::ToDo,
            )?;
        }
        steps(md, ticks, i + 1, &book.steps)?;
    }
    Ok(())
}
