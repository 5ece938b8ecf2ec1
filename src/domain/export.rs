//! Markdown export of a plan for a change ticket: verdict, hops with rules and reasons, notes,
//! and each hop's runbook.
//!
//! Everything typed by a person (release texts that did not parse, image names, the server,
//! messages quoting input) is escaped for where it lands: inline text gets backslash escapes,
//! table cells lose their line breaks and pipes, and code blocks use a fence longer than any run
//! of backticks inside, so an image named ``a```b`` cannot close its block early.

use super::plan::{Hop, HopNote, Pick, Verdict};
use super::query::PlanQuery;
use super::rules::Block;
use super::runbook::{default_image, hop_runbook, HopImages, Mode, Step};
use super::session::{Field, Origin, Session};
use std::fmt::Write;

/// What a person is told the server is when no image names were given for a hop.
const SERVER_PLACEHOLDER: &str = "<tftp-server>";

/// The Markdown text. `images[i]` are the file names of hop `i`; `link` is the share URL.
///
/// The runbooks are written for the failover mode the link carries (`mode=` in its fragment,
/// Active/Standby when absent): [`Session`] does not hold the mode, and reading it from the link
/// keeps the export and the link it quotes in agreement. Hops without an `images` entry get
/// [`default_image`] names and a placeholder server.
pub fn markdown(session: &Session, images: &[HopImages], link: &str) -> String {
    let mode = link
        .split_once('#')
        .and_then(|(_, fragment)| fragment.parse::<PlanQuery>().ok())
        .map_or(Mode::default(), |q| q.mode);
    let mut md = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_all(&mut md, session, mode, images, link);
    md
}

fn write_all(
    md: &mut String,
    s: &Session,
    mode: Mode,
    images: &[HopImages],
    link: &str,
) -> std::fmt::Result {
    writeln!(
        md,
        "# ASA upgrade plan: {} → {}",
        field(&s.from),
        field(&s.to)
    )?;
    writeln!(md)?;
    writeln!(
        md,
        "**Verdict: {}.** {}",
        s.verdict.as_str(),
        verdict_words(s)
    )?;
    writeln!(md)?;
    writeln!(md, "- Current release: {}", field_with_marks(&s.from))?;
    if let Some(from2) = &s.from2 {
        writeln!(md, "- Second unit: {}", field_with_marks(from2))?;
    }
    writeln!(md, "- Target release: {}", field_with_marks(&s.to))?;
    writeln!(md, "- Failover mode: {}", mode.label())?;
    let (kind, n) = (
        if s.custom { "custom list" } else { "built-in" },
        s.catalog.entries().len(),
    );
    writeln!(
        md,
        "- Catalog: {kind}, {n} releases in {} trains",
        s.catalog.trains().len()
    )?;

    if let Some(plan) = &s.plan {
        if !plan.hops.is_empty() {
            heading(md, "## Hops");
            writeln!(md, "| # | From | To | Rule | Notes |")?;
            writeln!(md, "|---|---|---|---|---|")?;
            for (i, hop) in plan.hops.iter().enumerate() {
                let notes = hop_notes(hop).join("; ");
                writeln!(
                    md,
                    "| {} | {} | {} | {} | {} |",
                    i + 1,
                    hop.from,
                    hop.to,
                    hop.rule.as_str(),
                    inline(&notes)
                )?;
            }
        }
        match (&plan.direct, s.from.release, s.to.release) {
            (Err(block), Some(a), Some(b)) if *block != Block::Same => {
                let reason = inline(&block.to_string());
                writeln!(
                    md,
                    "\nThe direct upgrade {a} → {b} is not a zero-downtime upgrade: {reason}."
                )?;
            }
            _ => {}
        }
        for (release, why) in &plan.unused_via {
            writeln!(
                md,
                "\nThe chosen intermediate {release} was not used: {}.",
                inline(why)
            )?;
        }
    }

    let messages: Vec<String> = s
        .notes
        .iter()
        .map(|n| inline(n))
        .chain(
            s.messages
                .iter()
                .map(|m| format!("{}: {}", origin(m.origin), inline(&m.text))),
        )
        .chain(s.list_errors.iter().map(|e| {
            format!(
                "custom list entry {} ({}): {}",
                e.index,
                code_span(&e.text),
                inline(&e.message)
            )
        }))
        .collect();
    if !messages.is_empty() {
        heading(md, "## Notes");
        for m in messages {
            writeln!(md, "- {m}")?;
        }
    }

    if let Some(plan) = s.plan.as_ref().filter(|p| !p.hops.is_empty()) {
        heading(md, &format!("## Runbook ({})", mode.label()));
        for (i, hop) in plan.hops.iter().enumerate() {
            let defaults = HopImages {
                server: SERVER_PLACEHOLDER.to_string(),
                old_image: default_image(hop.from),
                new_image: default_image(hop.to),
            };
            let runbook = hop_runbook(mode, images.get(i).unwrap_or(&defaults));
            let title = format!(
                "### Hop {}: {} → {} ({} upgrade)",
                i + 1,
                hop.from,
                hop.to,
                hop.rule.as_str()
            );
            heading(md, &title);
            if runbook.reconstructed {
                writeln!(
                    md,
                    "> These Active/Active steps are reconstructed from the guide's structure \
                     (asa-facts §3.3), not quoted from it: check them against Cisco's text.\n"
                )?;
            }
            for (n, step) in runbook.steps.iter().enumerate() {
                write_step(md, n + 1, step)?;
            }
        }
    }

    heading(md, "## Link");
    writeln!(md, "{}", link_text(link))?;
    Ok(())
}

/// Starts a heading on its own block: exactly one blank line before it and one after.
fn heading(md: &mut String, title: &str) {
    md.truncate(md.trim_end_matches('\n').len());
    md.push_str("\n\n");
    md.push_str(title);
    md.push_str("\n\n");
}

fn write_step(md: &mut String, n: usize, step: &Step) -> std::fmt::Result {
    let optional = if step.optional { " (optional)" } else { "" };
    writeln!(
        md,
        "{n}. **{}**{optional}: {}",
        capitalised(step.unit),
        inline_keep_code(&step.what)
    )?;
    if !step.commands.is_empty() {
        let body: Vec<String> = step.commands.iter().map(|c| code_line(c)).collect();
        let fence = fence_for(&body.join("\n"));
        writeln!(md)?;
        writeln!(md, "   {fence}")?;
        for line in &body {
            writeln!(md, "   {line}")?;
        }
        writeln!(md, "   {fence}")?;
    }
    if let Some(check) = &step.checkpoint {
        writeln!(md, "\n   Check: {}", inline_keep_code(check))?;
    }
    writeln!(md)
}

fn verdict_words(s: &Session) -> String {
    match s.verdict {
        Verdict::Ok => {
            let n = s.plan.as_ref().map_or(0, |p| p.hops.len());
            let hops = if n == 1 {
                "1 hop".to_string()
            } else {
                format!("{n} hops")
            };
            format!("A zero-downtime upgrade path exists: {hops}.")
        }
        Verdict::Same => "Nothing to do: the pair already runs the target release.".to_string(),
        Verdict::Downgrade => {
            "No zero-downtime path: the target is older than the current release (a downgrade)."
                .to_string()
        }
        Verdict::Invalid => {
            let errors: Vec<String> = [Some(&s.from), s.from2.as_ref(), Some(&s.to)]
                .into_iter()
                .flatten()
                .filter_map(|f| {
                    f.error
                        .as_ref()
                        .map(|e| format!("{}: {}", field(f), inline(e)))
                })
                .collect();
            format!("The request could not be planned. {}", errors.join("; "))
        }
        Verdict::NoPath => {
            "No zero-downtime path connects these releases in the chosen catalog.".to_string()
        }
    }
}

/// A release field: its canonical spelling when it parsed, else the text as typed (escaped).
fn field(f: &Field) -> String {
    match f.release {
        Some(r) => r.to_string(),
        None if f.text.trim().is_empty() => "(empty)".to_string(),
        None => code_span(&f.text),
    }
}

fn field_with_marks(f: &Field) -> String {
    let mut out = field(f);
    for mark in &f.marks {
        let _ = write!(out, " ({})", inline(mark));
    }
    if let Some(e) = &f.error {
        let _ = write!(out, " — {}", inline(e));
    }
    out
}

fn hop_notes(hop: &Hop) -> Vec<String> {
    let mut notes: Vec<String> = hop
        .notes
        .iter()
        .map(|n| match n {
            HopNote::ConfigMigration => {
                format!(
                    "migrates the configuration ({} → {}); still zero-downtime",
                    hop.from.train(),
                    hop.to.train()
                )
            }
            HopNote::NotInCatalog(r) => format!("{r} is not in the catalog; planned as if listed"),
            HopNote::Withdrawn(r) => format!("{r} was withdrawn by Cisco"),
        })
        .collect();
    if hop.pick == Pick::Override {
        notes.push(format!("{} chosen by hand", hop.to));
    }
    notes
}

fn origin(o: Origin) -> &'static str {
    match o {
        Origin::From => "Current release",
        Origin::From2 => "Second unit",
        Origin::To => "Target release",
        Origin::Via => "Intermediate releases",
        Origin::Releases => "Custom list",
        Origin::Trains => "Trains",
        Origin::Preset => "Preset",
        Origin::Fragment => "Link",
        Origin::Storage => "Saved state",
    }
}

/// `text` with a capital first letter. Only the runbook's own unit names (ASCII) come here,
/// so ASCII case mapping is exact, and it keeps Unicode's case tables (13 KB) out of the wasm.
fn capitalised(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// Text as inline Markdown (also a table cell): line breaks become blanks, Markdown punctuation
/// and the table's `|` are escaped.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Our own prose with `code` spans: the spans are kept, the text between them is escaped.
/// Text with an odd number of backticks is escaped whole.
fn inline_keep_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return inline(text);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i % 2 == 1 { code_span(p) } else { inline(p) })
        .collect()
}

/// A code span that holds any text: delimited by more backticks than the longest run inside,
/// padded with blanks when the text starts or ends with a backtick.
fn code_span(text: &str) -> String {
    let body = code_line(text);
    let ticks = "`".repeat(longest_backtick_run(&body) + 1);
    let pad = if body.starts_with('`') || body.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{body}{pad}{ticks}")
}

/// A line of code: control characters (a line break would end the block) shown as U+FFFD.
fn code_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// A fence of at least three backticks, longer than any run of backticks in `body`.
fn fence_for(body: &str) -> String {
    "`".repeat((longest_backtick_run(body) + 1).max(3))
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// The link as an autolink when it is a plain URL, else as a code span.
fn link_text(link: &str) -> String {
    let plain = !link.is_empty()
        && link
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>');
    if plain {
        format!("<{link}>")
    } else {
        code_span(link)
    }
}
