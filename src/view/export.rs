//! Markdown export of a plan for a change ticket: verdict, the plan's link, rule set, train
//! set and date, hops with rules, units, warnings and caveats, notes with their sources, and
//! each hop's runbook with per-unit commands and checks. Sentences come from `words`, shared
//! with the page.
//!
//! Everything typed by a person (release texts that did not parse, image names, the server,
//! messages quoting input) is escaped for where it lands: inline text gets backslash escapes,
//! table cells lose their line breaks and pipes, and code blocks use a fence longer than any run
//! of backticks inside, so an image named ``a```b`` cannot close its block early.

use super::words;
use crate::domain::caveats::Caveat;
use crate::domain::plan::Pick;
use crate::domain::rules::RuleSet;
use crate::domain::runbook::{
    asdm_key, image_doubt, image_of, plan_default_image, plan_family, Block, DoubtfulName,
    HopImages, Role, Setup, Step, SERVER_PLACEHOLDER,
};
use crate::domain::session::{Field, HopWarning, Origin, Session};
use crate::domain::sources::Source;
use crate::view::runbook::{before_first_hop, hop_runbook};
use std::fmt::Write;

/// What the page knows beyond the share link: image names per hop, the person's estimate of a
/// reload, and the day the export was made.
#[derive(Clone, Debug, Default)]
pub struct Extras<'a> {
    /// `images[i]` are the file names of hop `i`; hops without one get the model's default names
    /// and a placeholder server.
    pub images: &'a [HopImages],
    pub minutes_per_reload: Option<u32>,
    /// `YYYY-MM-DD`, when known.
    pub made_on: Option<&'a str>,
    /// Typed names the commands do not use, and why (`runbook_html::names_message`; empty
    /// when every name is used): said beside the server, as the page says it.
    pub names_not_used: &'a str,
}

/// The Markdown text for a change ticket; `link` is the share URL of the same plan.
pub fn markdown(session: &Session, extras: &Extras, link: &str) -> String {
    let mut md = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_all(&mut md, session, extras, link);
    md
}

fn write_all(md: &mut String, s: &Session, extras: &Extras, link: &str) -> std::fmt::Result {
    let setup = s.setup;
    let start = s.start.map_or_else(|| field(&s.from), |r| r.to_string());
    writeln!(md, "# ASA upgrade plan: {start} → {}", field(&s.to))?;
    writeln!(md)?;
    // SPEC §3.3: a plan Cisco later said is not zero-downtime never reads as a plain `ok`.
    let doubt = if words::not_zero_downtime(s).is_empty() {
        ""
    } else {
        ", legal by Table 81-1 but not zero-downtime"
    };
    writeln!(
        md,
        "**Verdict: {}{doubt}.** {}",
        s.verdict.as_str(),
        inline(&words::verdict(s))
    )?;
    if s.verdict == crate::domain::plan::Verdict::Invalid {
        let errors: Vec<String> = [Some(&s.from), s.from2.as_ref(), Some(&s.to)]
            .into_iter()
            .flatten()
            .filter_map(|f| {
                f.error
                    .as_ref()
                    .map(|e| format!("{}: {}", field(f), inline(e)))
            })
            .collect();
        if !errors.is_empty() {
            writeln!(md, "\n{}", errors.join("; "))?;
        }
    }
    writeln!(md)?;
    let mismatched = s.from2.is_some();
    for (origin, f) in [
        (Origin::From, Some(&s.from)),
        (Origin::From2, s.from2.as_ref()),
        (Origin::To, Some(&s.to)),
    ] {
        if let Some(f) = f {
            let label = words::field_label(origin, mismatched);
            writeln!(md, "- {label}: {}", field_with_marks(f))?;
        }
    }
    let contexts =
        if setup.multi_context || setup.mode == crate::domain::runbook::Mode::ActiveActive {
            ", multiple-context mode"
        } else {
            ""
        };
    writeln!(md, "- Failover mode: {}{contexts}", setup.mode.label())?;
    if let Some(p) = s.platform {
        writeln!(
            md,
            "- Model: {}: {}",
            p.label(),
            inline(&words::platform::range(p))
        )?;
    }
    let rules = match s.rules {
        RuleSet::Table811 => "Table 81-1 (Cisco's 8.x configuration guide) for every hop",
        RuleSet::Guide9x => {
            "Cisco's guidance by release era (Table 81-1 for hops landing on 7.x or 8.x; any \
             later release, except Cisco's listed exceptions, for hops landing on 9.x)"
        }
    };
    // SPEC §3: the other rule set's answer beside the rule set, as the page shows it.
    let other = words::other_rules(s)
        .map(|o| format!(". {}", inline(&o)))
        .unwrap_or_default();
    writeln!(md, "- Rules: {rules}{other}")?;
    let trains = words::train_set(s);
    let (kind, n) = (
        if s.custom { "custom list" } else { "built-in" },
        s.catalog.entries().len(),
    );
    let what_if = words::what_if(s)
        .map(|w| format!(". {}", inline(&w)))
        .unwrap_or_default();
    writeln!(
        md,
        "- Catalog: {kind}, {n} releases in {} trains ({trains}){what_if}",
        s.catalog.trains().len()
    )?;
    for limit in &s.platform_limits {
        writeln!(
            md,
            "- **Platform limit:** {}{}",
            inline(&words::platform::limit(limit)),
            sources(&words::platform::limit_sources(limit))
        )?;
    }
    if let Some(day) = extras.made_on {
        writeln!(md, "- Made on: {}", inline(day))?;
    }
    writeln!(md, "- Plan link: {}", link_text(link))?;
    if link.starts_with('#') {
        writeln!(md, "- {}", inline(words::LINKS_ARE_FRAGMENTS))?;
    }
    if let Some(m) = extras.minutes_per_reload {
        let reloads: usize = s.hop_facts.iter().map(|f| f.reloads.len()).sum();
        if reloads > 0 {
            writeln!(md, "- {}", inline(&words::plan_estimate(m, reloads)))?;
        }
    }

    let hops = s.hops();
    if !hops.is_empty() {
        heading(md, "## Hops");
        writeln!(md, "| # | From | To | Rule | Units | Notes |")?;
        writeln!(md, "|---|---|---|---|---|---|")?;
        for (i, hop) in hops.iter().enumerate() {
            // Each note escaped on its own; a warning's sources follow it as links.
            let mut notes: Vec<String> = hop
                .notes
                .iter()
                .map(|n| inline(&words::hop_note(n)))
                .collect();
            if hop.pick == Pick::Override {
                notes.push(inline(&format!("{} chosen by hand", hop.to)));
            }
            let facts = s.hop_facts.get(i);
            if let Some(f) = facts {
                notes.extend(f.warnings.iter().map(|w| {
                    format!(
                        "{}{}",
                        inline(&words::warning(w)),
                        sources(&words::warning_sources(w))
                    )
                }));
                notes.extend(
                    f.caveats
                        .iter()
                        .map(|c| inline(&format!("caveat {}: {}", c.release, c.kind.label()))),
                );
            }
            let units = facts.map(words::reloads).unwrap_or_default();
            writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} |",
                i + 1,
                hop.from,
                hop.to,
                hop.rule.as_str(),
                inline(&units),
                notes.join("; ")
            )?;
        }
    }
    if let Some(text) = words::direct_blocked(s) {
        writeln!(md, "\n{}", inline(&text))?;
    }
    if let Some(plan) = &s.plan {
        for (release, why) in &plan.unused_via {
            writeln!(
                md,
                "\nThe chosen intermediate {release} was not used: {}.",
                inline(&why.to_string())
            )?;
        }
    }

    let messages: Vec<String> = s
        .notes
        .iter()
        .map(|n| {
            format!(
                "{}{}",
                inline_keep_code(&words::note(n)),
                sources(&words::note_sources(n))
            )
        })
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

    if !hops.is_empty() {
        heading(md, &format!("## Runbook ({})", setup.mode.label()));
        if setup.mode == crate::domain::runbook::Mode::ActiveActive {
            writeln!(md, "> {}\n", inline(words::RECONSTRUCTED))?;
        }
        writeln!(
            md,
            "{}\n",
            inline_keep_code(&words::platform::image_names(
                s.platform,
                hops.first().and_then(|h| plan_family(hops, h.from)),
            ))
        )?;
        let notice = s.procedure_notice();
        if let Some(n) = notice {
            writeln!(
                md,
                "> **Procedure:** {}{}\n",
                inline_keep_code(&words::platform::procedure(n)),
                sources(&n.sources())
            )?;
        }
        // On the FXOS path the ASA command-line steps do not apply: only the hops, their units
        // and caveats are written.
        let cli = notice.is_none_or(|n| n.cli_runbook_applies());
        if cli {
            writeln!(md, "{}\n", inline_keep_code(words::TASK_LIST))?;
            writeln!(
                md,
                "{}{}\n",
                inline_keep_code(words::RUNBOOK_COMMANDS),
                sources(&words::RUNBOOK_SOURCES)
            )?;
        }
        let server = extras
            .images
            .first()
            .map_or(SERVER_PLACEHOLDER, |i| i.server.as_str());
        if cli {
            writeln!(md, "- {}: {}", words::SERVER_LABEL, code_span(server))?;
        }
        if !extras.names_not_used.is_empty() {
            writeln!(md, "\n> **Warning:** {}\n", inline(extras.names_not_used))?;
        }
        if let Some(m) = extras.minutes_per_reload {
            writeln!(
                md,
                "- {}: {}",
                words::MINUTES_LABEL,
                inline(&words::minutes(m))
            )?;
        }
        if cli {
            heading(md, &format!("### {}", words::BEFORE_FIRST_HOP));
            for (n, step) in before_first_hop(setup, server).iter().enumerate() {
                write_step(md, Some(n + 1), step)?;
            }
        }
        for (i, hop) in hops.iter().enumerate() {
            let defaults = HopImages {
                server: SERVER_PLACEHOLDER.to_string(),
                old_image: plan_default_image(hops, s.platform, hop.from),
                new_image: plan_default_image(hops, s.platform, hop.to),
                asdm_image: String::new(),
            };
            let images = extras.images.get(i).unwrap_or(&defaults);
            let Some(spec) = s.hop_spec(i, |r| image_of(hops, extras.images, r, s.platform)) else {
                continue;
            };
            let runbook = hop_runbook(setup, &spec, images);
            let title = format!(
                "### {} ({} upgrade)",
                words::hop_title(i + 1, hop.from, hop.to),
                hop.rule.as_str()
            );
            heading(md, &title);
            if let Some(facts) = s.hop_facts.get(i) {
                writeln!(md, "{}\n", inline(&words::reloads(facts)))?;
                if let Some(m) = extras.minutes_per_reload {
                    writeln!(md, "{}\n", inline(&words::estimate(m, facts.reloads.len())))?;
                }
                for w in &facts.warnings {
                    // A preset's own exclusions are sourced facts; the rest make the hop
                    // conditional.
                    let label = match w {
                        HopWarning::PresetLeavesOut(_) => "Note",
                        _ => "Warning",
                    };
                    writeln!(
                        md,
                        "> **{label}:** {}{}\n",
                        inline(&words::warning(w)),
                        sources(&words::warning_sources(w))
                    )?;
                }
                if !facts.caveats.is_empty() {
                    writeln!(md, "**{}:**\n", words::BEFORE_THIS_HOP)?;
                    for c in &facts.caveats {
                        write_caveat(md, c, setup, facts.stays)?;
                    }
                    writeln!(md)?;
                }
            }
            // SPEC §3.3: a hop Cisco later said is not zero-downtime gets no zero-downtime steps.
            if let Some(stop) = words::hop_stop(s, i) {
                writeln!(md, "> **{}**\n", inline(&stop))?;
                continue;
            }
            if !cli {
                continue;
            }
            writeln!(
                md,
                "{}: {} → {}; ASDM: {}\n",
                words::IMAGES_LABEL,
                code_span(&images.old_image),
                code_span(&images.new_image),
                if images.asdm_image.trim().is_empty() {
                    words::NO_ASDM.to_string()
                } else {
                    code_span(&images.asdm_image)
                }
            )?;
            // A name that may not be the file it is named for is said where it is shown (it is
            // used as typed: a renamed file reads as anything).
            let named = [
                (hop.from.to_string(), &images.old_image),
                (hop.to.to_string(), &images.new_image),
                (asdm_key(hop.to), &images.asdm_image),
            ];
            for (key, name) in named {
                if let Some(doubt) = image_doubt(&key, name) {
                    let doubtful = DoubtfulName {
                        key,
                        name: name.clone(),
                        doubt,
                    };
                    writeln!(md, "> **Warning:** {}\n", inline(&doubtful.to_string()))?;
                }
            }
            if runbook.own_sessions {
                writeln!(md, "> {}\n", inline_keep_code(words::OWN_SESSIONS))?;
            }
            writeln!(md, "**{}:**\n", words::PRECHECKS)?;
            for step in &runbook.prechecks {
                write_step(md, None, step)?;
            }
            writeln!(md, "**{}:**\n", words::STEPS)?;
            for (n, step) in runbook.steps.iter().enumerate() {
                write_step(md, Some(n + 1), step)?;
            }
            writeln!(
                md,
                "**{}:** {}\n",
                words::AFTER_THIS_HOP,
                inline_keep_code(&runbook.after.shows)
            )?;
            let role = runbook.after.role.unwrap_or(Role::Active);
            if !runbook.after.commands.is_empty() {
                writeln!(md, "{}\n", inline(&words::typed_on(role, None)))?;
                write_fenced(md, "", &runbook.after.commands)?;
                writeln!(md)?;
            }
        }
    }
    Ok(())
}

/// " (Source: [title](url); …)".
pub(crate) fn sources(sources: &[Source]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    let links: Vec<String> = sources.iter().map(source_link).collect();
    format!(" (Source: {})", links.join("; "))
}

fn source_link(source: &Source) -> String {
    format!("[{}]({})", inline(source.title), source.url)
}

fn write_caveat(
    md: &mut String,
    c: &Caveat,
    setup: Setup,
    stays: Option<(
        crate::domain::runbook::Unit,
        crate::domain::release::Release,
    )>,
) -> std::fmt::Result {
    let steps = crate::view::runbook::caveat_steps(c, setup, stays);
    writeln!(
        md,
        "- **{}** {} {} ({}; {})",
        inline(&words::caveat_heading(c.release, c.kind.label())),
        inline_keep_code(c.text),
        inline_keep_code(&steps.before),
        source_link(&c.source),
        inline(&words::confidence(c.confidence.letter()))
    )?;
    if let Some(block) = steps.block {
        let body: Vec<String> = block.commands.iter().map(|l| code_line(l)).collect();
        let fence = fence_for(&body.join("\n"));
        // Its callouts first, as a step's notes.
        for note in &block.notes {
            writeln!(md, "\n  > {}", inline_keep_code(note))?;
        }
        // Typed on the unit the hop's configuration is typed on (it replicates).
        writeln!(
            md,
            "\n  {}\n",
            inline(&words::typed_on(block.role, block.aside))
        )?;
        writeln!(md, "  {fence}")?;
        for line in &body {
            writeln!(md, "  {line}")?;
        }
        writeln!(md, "  {fence}\n")?;
    }
    Ok(())
}

/// Starts a heading on its own block: exactly one blank line before it and one after.
fn heading(md: &mut String, title: &str) {
    md.truncate(md.trim_end_matches('\n').len());
    md.push_str("\n\n");
    md.push_str(title);
    md.push_str("\n\n");
}

/// A step as a task-list item (`- [ ]`), numbered when it is one of the hop's steps.
fn write_step(md: &mut String, n: Option<usize>, step: &Step) -> std::fmt::Result {
    let optional = if step.optional { " (optional)" } else { "" };
    let number = n.map_or(String::new(), |n| format!("Step {n}. "));
    let no_return = if step.no_return {
        format!("{}: ", words::NO_RETURN)
    } else {
        String::new()
    };
    writeln!(
        md,
        "- [ ] **{number}{no_return}{}**{optional} {}",
        inline(&words::typed_on(step.role, step.aside.as_deref())),
        inline_keep_code(&step.what)
    )?;
    for note in &step.notes {
        writeln!(md, "\n   > {}", inline_keep_code(note))?;
    }
    write_lines(md, "   ", &step.commands)?;
    for b in &step.blocks {
        write_block(md, b)?;
    }
    if let Some(expect) = &step.expect {
        writeln!(md, "\n   {}: {}", words::EXPECTED, inline_keep_code(expect))?;
    }
    if let Some(check) = &step.check {
        writeln!(
            md,
            "\n   {}: {}",
            words::CHECK,
            inline_keep_code(&check.shows)
        )?;
        if !check.commands.is_empty() {
            if let Some(role) = check.role.filter(|r| *r != step.role) {
                writeln!(md, "\n   {}", inline(&words::typed_on(role, None)))?;
            }
            write_lines(md, "   ", &check.commands)?;
        }
    }
    if !step.rollback.is_empty() {
        writeln!(md, "\n   **{}:**", words::ROLLBACK)?;
        for b in &step.rollback {
            write_block(md, b)?;
        }
    }
    writeln!(md)
}

/// A block beside a step: its sentence, the unit it is typed on, its commands.
fn write_block(md: &mut String, b: &Block) -> std::fmt::Result {
    writeln!(
        md,
        "\n   - [ ] {} {}",
        inline_keep_code(&b.what),
        inline(&words::typed_on(b.role, b.aside.as_deref()))
    )?;
    write_lines(md, "     ", &b.commands)?;
    if let Some(shows) = &b.shows {
        writeln!(md, "\n     {}", inline_keep_code(shows))?;
    }
    Ok(())
}

/// A blank line, then the commands fenced (nothing when there are none).
fn write_lines(md: &mut String, indent: &str, commands: &[String]) -> std::fmt::Result {
    if commands.is_empty() {
        return Ok(());
    }
    writeln!(md)?;
    write_fenced(md, indent, commands)
}

/// The commands in a fence longer than any run of backticks inside, each line after `indent`.
fn write_fenced(md: &mut String, indent: &str, commands: &[String]) -> std::fmt::Result {
    let body: Vec<String> = commands.iter().map(|c| code_line(c)).collect();
    let fence = fence_for(&body.join("\n"));
    writeln!(md, "{indent}{fence}")?;
    for line in &body {
        writeln!(md, "{indent}{line}")?;
    }
    writeln!(md, "{indent}{fence}")
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
        let _ = write!(out, " ({})", inline(words::mark(*mark)));
    }
    if let Some(e) = &f.error {
        let _ = write!(out, " — {}", inline(e));
    }
    out
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
pub(crate) fn inline_keep_code(text: &str) -> String {
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
    if plain_link(link) {
        format!("<{link}>")
    } else {
        code_span(link)
    }
}

/// `[text](<link>)` (also a table cell), or the text then the link as text in brackets when
/// the link cannot sit between `<` and `>` (or holds a table's `|`).
pub(crate) fn linked(text: &str, link: &str) -> String {
    if plain_link(link) && !link.contains('|') {
        format!("[{}](<{link}>)", inline(text))
    } else {
        format!("{} ({})", inline(text), inline(link))
    }
}

/// Whether `link` can be written between `<` and `>` as it is.
fn plain_link(link: &str) -> bool {
    !link.is_empty()
        && link
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>')
}
