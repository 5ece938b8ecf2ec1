//! `asa-planner plan`: one failover pair.
//!
//! ```text
//! Usage: asa-planner plan <FROM> <TO> [--from2 R] [--mode active-active] [--preset P]
//!                         [--trains 8.4,9.0,…] [--rules guide-9x|table-81-1] [--format text|json|markdown]
//!
//!   asa-planner plan '8.2(5)' '9.1(7)'
//!   asa-planner plan 8.4.7.30 '9.12(4)' --from2 '8.4(7)' --format json
//!   asa-planner plan '9.8(4)' '9.20(3)' --mode active-active --format markdown > change.md
//! ```
//!
//! Text: the verdict in words, each hop with its rule, the notes and the share link. JSON: the
//! pair document of schema 1 (README, "JSON schema"). Markdown: the page's change-plan export.

use super::{mode, preset, report, rule_set, train, Status};
use asa_planner::domain::fleet::{canonical, json, PairPlan};
use asa_planner::domain::plan::Verdict;
use asa_planner::domain::presets;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::Train;
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::Mode;
use asa_planner::domain::session::{self, Session};
use asa_planner::view::fleet_export::change_plan;
use asa_planner::view::words;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::io::{self, Write};

const EXAMPLES: &str = "\
Examples:
  asa-planner plan '8.2(5)' '9.1(7)'
  asa-planner plan 8.4.7.30 '9.12(4)' --from2 '8.4(7)' --format json
  asa-planner plan '9.8(4)' '9.20(3)' --mode active-active --format markdown > change.md

Releases take every spelling Cisco uses: 8.4(7)30, 8.4(7.30), 8.4.7.30.
Exit status: 0 planned (or nothing to do), 1 no zero-downtime path, 2 bad input.";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The release the pair runs (the first unit's).
    from: String,
    /// The target release.
    to: String,
    /// The second unit's release, when it differs from the first's.
    #[arg(long, value_name = "R")]
    from2: Option<String>,
    /// Failover mode: active-standby (default) or active-active.
    #[arg(long, value_parser = mode, default_value = "active-standby")]
    mode: Mode,
    /// Platform preset: asa5500 (default), asa5580, asasm, all.
    #[arg(long, value_name = "P", value_parser = preset)]
    preset: Option<&'static str>,
    /// Explicit train set, comma separated (overrides the preset), e.g. 8.2,8.3,8.4,9.0.
    #[arg(long, value_name = "TRAINS", value_delimiter = ',', value_parser = train)]
    trains: Option<Vec<Train>>,
    /// Rule set: guide-9x (the default: Cisco's guidance by release era, Table 81-1 for hops
    /// landing on 7.x/8.x, the 9.x guides for hops landing on 9.x) or table-81-1 (the 8.x
    /// guide's Table 81-1 for every hop).
    #[arg(long, value_parser = rule_set, default_value = "guide-9x")]
    rules: RuleSet,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: &Args, out: &mut impl Write) -> io::Result<Status> {
    let query = PlanQuery {
        from: canonical(&args.from),
        to: canonical(&args.to),
        from2: args.from2.as_deref().map(canonical),
        mode: args.mode,
        preset: args.preset.map(str::to_string),
        trains: args.trains.clone(),
        rules: args.rules,
        ..PlanQuery::default()
    };
    let session = session::analyse(&query);
    let preset = args.preset.unwrap_or(presets::default_preset().id);
    let pair = PairPlan::new(&query, &session, preset);
    let text = match args.format {
        Format::Text => text(&session, &pair),
        Format::Json => json::pair_document(&pair),
        Format::Markdown => change_plan(&session, &pair.share),
    };
    out.write_all(text.as_bytes())?;
    for error in &pair.errors {
        report(error);
    }
    Ok(match pair.verdict {
        // Legal by Table 81-1, but Cisco later said a hop is not zero-downtime: not planned.
        Verdict::Ok if pair.not_zero_downtime() => Status::NoPath,
        Verdict::Ok | Verdict::Same => Status::Planned,
        Verdict::Downgrade | Verdict::NoPath => Status::NoPath,
        Verdict::Invalid | Verdict::Empty => Status::BadInput,
    })
}

/// The plan in plain words, worded by the page's `view::words`: verdict, hops with their rule,
/// units, notes and warnings, why the direct hop is blocked, notes, link.
fn text(session: &Session, pair: &PairPlan) -> String {
    let mut s = String::new();
    // The page's sentence for input that does not read points at its fields; here the errors
    // themselves are what to read (they also go to stderr).
    let verdict = if pair.errors.is_empty() {
        plain(&words::verdict(session))
    } else {
        let errors: Vec<String> = pair.errors.iter().map(|e| e.to_string()).collect();
        format!("Not planned: {}.", errors.join("; "))
    };
    let _ = writeln!(
        s,
        "{} → {}: {}. {verdict}",
        pair.units.join(" and "),
        pair.target,
        pair.verdict.as_str(),
    );
    let _ = writeln!(
        s,
        "{}, preset {}, rules {}",
        pair.mode.label(),
        pair.preset,
        pair.rules
    );
    for (i, hop) in session.hops().iter().enumerate() {
        let _ = writeln!(
            s,
            "  {}. {} → {}: {}",
            i + 1,
            hop.from,
            hop.to,
            words::rule(hop.rule)
        );
        let facts = session.hop_facts.get(i);
        let lines = facts
            .map(words::reloads)
            .into_iter()
            .chain(hop.notes.iter().map(words::hop_note))
            .chain(
                facts
                    .into_iter()
                    .flat_map(|f| f.warnings.iter().map(words::warning_with_links)),
            )
            .chain(facts.into_iter().flat_map(|f| {
                f.caveats.iter().map(|c| {
                    format!(
                        "Caveat {} {} Before this hop: {} ({})",
                        words::caveat_heading(c.release, c.kind.label()),
                        c.text,
                        c.before,
                        c.source.url
                    )
                })
            }));
        for line in lines {
            let _ = writeln!(s, "     {}", plain(&line));
        }
    }
    if let Some(blocked) = words::direct_blocked(session) {
        let _ = writeln!(s, "{}", plain(&blocked));
    }
    for note in &session.notes {
        let urls: Vec<&str> = words::note_sources(note).iter().map(|s| s.url).collect();
        let links = if urls.is_empty() {
            String::new()
        } else {
            format!(" ({})", urls.join(", "))
        };
        let _ = writeln!(s, "Note: {}{links}", plain(&words::note(note)));
    }
    for message in &session.messages {
        let _ = writeln!(s, "Note: {}", plain(&message.text));
    }
    let _ = writeln!(s, "Share: {}", pair.share);
    s
}

/// A sentence of `words` as plain text: its `code` spans lose their backticks.
fn plain(sentence: &str) -> String {
    sentence.replace('`', "")
}
