//! The change window's executed log as Markdown (SPEC §14 "Running the window"): the plan's
//! own Markdown (`export`), then where the pair was as read from the pasted output (each
//! unit's release and failover state, where the outputs disagreed and which reading was used,
//! the position, the next step and the stops) and every
//! step of every hop with the local time it was ticked.
//!
//! Only typed facts reach it: releases, states, image file names, the words' sentences. The
//! pasted text itself never does, so its serial numbers and addresses cannot leak into it.

use super::export::{self, inline_keep_code, Extras};
use super::words::position as pwords;
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

fn step_line(
    md: &mut String,
    ticks: &Ticks,
    hop: usize,
    id: &str,
    label: &str,
    what: &str,
) -> std::fmt::Result {
    match ticks.time(hop, id) {
        Some(time) => writeln!(md, "- [x] {time} {label}: {}", inline_keep_code(what)),
        None => writeln!(md, "- [ ] {label}: {}", inline_keep_code(what)),
    }
}

fn steps(md: &mut String, ticks: &Ticks, hop: usize, steps: &[Step]) -> std::fmt::Result {
    for (i, s) in steps.iter().enumerate() {
        let id = (i + 1).to_string();
        step_line(md, ticks, hop, &id, &format!("Step {id}"), &s.what)?;
        for (j, b) in s.rollback.iter().enumerate() {
            let rid = format!("{id}r{}", j + 1);
            md.push_str("  ");
            step_line(
                md,
                ticks,
                hop,
                &rid,
                &format!("Rollback block {}", j + 1),
                &b.what,
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
                writeln!(md, "- {}", inline_keep_code(&pwords::unit(f, known)))?;
            }
        }
        for d in &snap.disagreements {
            writeln!(md, "- Read: {}", inline_keep_code(&pwords::disagreement(d)))?;
        }
        if let Some(pos) = position {
            for stop in &pos.stops {
                writeln!(md, "- Stop: {}", inline_keep_code(&pwords::stop(stop)))?;
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
            inline_keep_code(&crate::view::words::platform::procedure(notice))
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
        if let Some(stop) = crate::view::words::hop_stop(session, i) {
            writeln!(md, "{}", inline_keep_code(&stop))?;
            continue;
        }
        for (j, s) in book.prechecks.iter().enumerate() {
            let id = format!("pre{}", j + 1);
            step_line(
                md,
                ticks,
                i + 1,
                &id,
                &format!("Pre-check {}", j + 1),
                &s.what,
            )?;
        }
        steps(md, ticks, i + 1, &book.steps)?;
    }
    Ok(())
}
