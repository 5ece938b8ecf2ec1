//! Markdown for change tickets: one pair's change plan, and a fleet's (an overview, the images
//! to stage, then one change plan per group of pairs with the same path).

use super::export::{self, inline, linked, sources, Extras};
use super::words::fleet as words;
use crate::domain::fleet::{InputError, Summary};
use crate::domain::plan::Verdict;
use crate::domain::query::{absolute_link, PlanQuery};
use crate::domain::runbook::hop_images;
use crate::domain::session::{self, Session};
use std::collections::HashMap;
use std::fmt::Write;

/// The change plan of one pair: the page's Markdown export, with the runbook settings the
/// query carries (server, image names, minutes per reload; default names where it has none).
/// The command line and the fleet export reach the export only through here, so that moving
/// it touches this one call.
pub fn change_plan(query: &PlanQuery, session: &Session, link: &str) -> String {
    let typed = query.typed_images();
    let images = hop_images(session.hops(), &query.server, &typed, session.platform);
    let not_used = super::runbook_html::names_message(&query.server, &typed);
    let extras = Extras {
        images: &images,
        minutes_per_reload: query.minutes,
        made_on: None,
        names_not_used: &not_used,
    };
    export::markdown(session, &extras, link)
}

/// A fleet's Markdown: counts, images to stage, pairs without hops, lines not planned, then each
/// group's change plan (the plan of its first pair, headings two levels down). Its links are
/// fragments; [`fleet_linked`] makes them absolute.
pub fn fleet(summary: &Summary, errors: &[InputError]) -> String {
    fleet_linked(summary, errors, None)
}

/// [`fleet`] with each group's plan linked on the page at `base` (the page's own address, or
/// the command line's `--link-base`); without one the Markdown says its links are fragments.
pub fn fleet_linked(summary: &Summary, errors: &[InputError], base: Option<&str>) -> String {
    let mut md = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_fleet(&mut md, summary, errors, base);
    md
}

fn write_fleet(
    md: &mut String,
    s: &Summary,
    errors: &[InputError],
    base: Option<&str>,
) -> std::fmt::Result {
    writeln!(md, "# {}\n", words::TITLE)?;
    writeln!(md, "{}", words::counts(&s.tally, s.groups().len()))?;
    if base.is_none() && !s.groups().is_empty() {
        writeln!(md, "\n{}", inline(super::words::LINKS_ARE_FRAGMENTS))?;
    }
    let mut images = s.images().peekable();
    if images.peek().is_some() {
        writeln!(md, "\n## {}\n", words::IMAGES)?;
        writeln!(md, "| Release | Files | Pairs | Names |\n|---|---|---|---|")?;
        for image in images {
            let files: Vec<String> = image.files.iter().map(|f| format!("`{f}`")).collect();
            writeln!(
                md,
                "| {} | {} | {} | {} |",
                image.release,
                files.join(", "),
                image.pairs.len(),
                names(image.pairs.iter().copied())
            )?;
        }
        writeln!(md, "\n{}", words::FILES_HINT)?;
    }
    let mut without = s
        .without_hops()
        .iter()
        .filter(|p| p.verdict != Verdict::Same)
        .peekable();
    if without.peek().is_some() {
        writeln!(md, "\n## {}\n", words::WITHOUT_PATH)?;
        writeln!(
            md,
            "| Line | Pair | Units | Target | Verdict | Why |\n|---|---|---|---|---|---|"
        )?;
        // Pairs asking the same thing share a link, and so the reason: worded once per link.
        let mut reasons: HashMap<&str, String> = HashMap::new();
        for p in without {
            let why = reasons
                .entry(p.share.as_str())
                .or_insert_with(|| reason(&p.share));
            writeln!(
                md,
                "| {} | {} | {} | {} | {} | {why} |",
                p.line.map_or(String::new(), |l| l.to_string()),
                linked(&p.name, &link(base, &p.share)),
                inline(&p.units.join(", ")),
                inline(&p.target),
                p.verdict.as_str()
            )?;
        }
    }
    let mut same = s
        .without_hops()
        .iter()
        .filter(|p| p.verdict == Verdict::Same)
        .peekable();
    if same.peek().is_some() {
        writeln!(md, "\n## {}\n", words::SAME)?;
        writeln!(md, "{}", names(same.map(|p| p.name.as_str())))?;
    }
    if !errors.is_empty() {
        writeln!(md, "\n## {}\n", words::NOT_PLANNED)?;
        for e in errors {
            writeln!(md, "- {}", inline(&e.to_string()))?;
        }
    }
    for (i, group) in s.groups().iter().enumerate() {
        writeln!(md, "\n## {}\n", words::group_title(i + 1, group))?;
        writeln!(
            md,
            "Pairs: {}\n",
            names(group.pairs.iter().map(String::as_str))
        )?;
        let query: PlanQuery = group.share.parse().unwrap_or_default();
        let plan = change_plan(&query, &session::analyse(&query), &link(base, &group.share));
        md.push_str(&demote(&plan, 2));
    }
    Ok(())
}

/// A pair's or group's share link, absolute on the page at `base` when there is one.
fn link(base: Option<&str>, share: &str) -> String {
    base.map_or_else(|| share.to_owned(), |b| absolute_link(b, share))
}

/// Why the plan of `share` has no zero-downtime path, as its own Markdown says it: the
/// verdict's sentence with Cisco's documents as links.
fn reason(share: &str) -> String {
    let query: PlanQuery = share.parse().unwrap_or_default();
    let session = session::analyse(&query);
    format!(
        "{}{}",
        inline(&super::words::verdict_reason(&session)),
        sources(&super::words::verdict_sources(&session))
    )
}

/// Names as inline Markdown, comma separated.
fn names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(inline).collect::<Vec<_>>().join(", ")
}

/// `md` with every ATX heading `levels` deeper (at most `######`); code blocks are left alone.
fn demote(md: &str, levels: usize) -> String {
    let mut out = String::with_capacity(md.len() + 64);
    // The backtick run that opened the code block we are in.
    let mut fence: Option<usize> = None;
    for line in md.lines() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        match fence {
            Some(open) if ticks >= open && trimmed[ticks..].trim().is_empty() => fence = None,
            Some(_) => {}
            None if ticks >= 3 => fence = Some(ticks),
            None if line.starts_with('#') => {
                let level = line.len() - line.trim_start_matches('#').len();
                let deeper = (level + levels).min(6);
                out.push_str(&"#".repeat(deeper));
                out.push_str(&line[level..]);
                out.push('\n');
                continue;
            }
            None => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::demote;

    #[test]
    fn demotes_headings_outside_code_blocks() {
        let md = "# Plan\n\ntext # not a heading\n\n   ````\n# typed\n```\n   ````\n## Hops\n";
        assert_eq!(
            demote(md, 2),
            "### Plan\n\ntext # not a heading\n\n   ````\n# typed\n```\n   ````\n#### Hops\n"
        );
        assert_eq!(demote("##### Deep\n", 2), "###### Deep\n");
    }
}
