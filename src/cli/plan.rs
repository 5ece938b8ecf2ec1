//! `asa-planner plan`: one failover pair.
//!
//! ```text
//! Usage: asa-planner plan <FROM> <TO> [--from2 R] [--mode active-active] [--contexts multi]
//!                         [--preset P] [--platform ID] [--trains 8.4,9.0,…]
//!                         [--rules guide-9x|table-81-1] [--image NAME] [--asdm-image NAME]
//!                         [--server HOST] [--minutes N] [--link-base URL]
//!                         [--format text|json|markdown]
//!
//!   asa-planner plan '8.2(5)' '9.1(7)'
//!   asa-planner plan 8.4.7.30 '9.12(4)' --from2 '8.4(7)' --format json
//!   asa-planner plan '9.8(4)' '9.20(3)' --mode active-active --format markdown > change.md
//!   asa-planner plan '9.8(4)' '9.14(4)' --platform asa5525x
//! ```
//!
//! Text: the verdict in words, the other rule set's answer, each hop with its rule, the notes
//! and the share link. JSON: the
//! pair document of schema 1 (README, "JSON schema"). Markdown: the page's change-plan export.
//! The runbook settings (`--image`, `--asdm-image`, `--server`, `--minutes`) are part of the
//! share link, as on the page; `--link-base` makes the link absolute.

use super::{contexts, from2, link_base, mode, platform, preset, report, rule_set, train, Status};
use asa_planner::domain::fleet::{canonical, json, PairPlan, PairWarning};
use asa_planner::domain::plan::Verdict;
use asa_planner::domain::platform::Platform;
use asa_planner::domain::query::{absolute_link, PlanQuery};
use asa_planner::domain::release::Train;
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::Mode;
use asa_planner::domain::session::{self, Origin, Session};
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
  asa-planner plan '9.8(4)' '9.14(4)' --platform asa5525x
  asa-planner plan '9.8(4)' '9.20(3)' --image asa9-20-3-smp-k8.bin --asdm-image asdm-7203.bin \\
      --server 10.0.0.5 --minutes 20 --link-base https://tools.example.net/asa/ --format markdown

Models (--platform): asa5505, asa5510, asa5580, asa5512x, asa5525x, asa5585x, asa5506x,
asasm, fp1000, fp2100, fp3100, fp4200, fp4100, asav, isa3000. A model limits the plan to the
releases it runs, names its image files and says how it is upgraded.

Rule sets (--rules): guide-9x (Table 81-1 where it governs, Cisco's 9.x guidance into 9.x)
and table-81-1 (the 8.x guide's Table 81-1 for every hop); without --rules, the page's default.
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
    #[arg(long, value_name = "R", value_parser = from2)]
    from2: Option<String>,
    /// Failover mode: active-standby (default) or active-active.
    #[arg(long, value_parser = mode, default_value = "active-standby")]
    mode: Mode,
    /// Context mode: single (default) or multi (commands in the system execution space;
    /// always so for Active/Active).
    #[arg(
        long,
        value_name = "single|multi",
        value_parser = contexts,
        default_value = "single",
        action = clap::ArgAction::Set
    )]
    contexts: bool,
    /// Platform preset: asa5500 (default), asa5580, asasm, asa5500x, all (a --platform implies its own).
    #[arg(long, value_name = "P", value_parser = preset)]
    preset: Option<&'static str>,
    /// Hardware model: the plan uses only the releases it runs (e.g. asa5525x, fp2100).
    #[arg(long, value_name = "ID", value_parser = platform)]
    platform: Option<Platform>,
    /// Explicit train set, comma separated (overrides the preset), e.g. 8.2,8.3,8.4,9.0.
    #[arg(long, value_name = "TRAINS", value_delimiter = ',', value_parser = train)]
    trains: Option<Vec<Train>>,
    /// Rule set: guide-9x (Table 81-1 where it governs, Cisco's 9.x guidance into 9.x) or
    /// table-81-1 (the 8.x guide's Table 81-1 for every hop); absent, the page's default.
    #[arg(long, value_name = "guide-9x|table-81-1", value_parser = rule_set)]
    rules: Option<RuleSet>,
    /// The target release's image file name (default: a name derived from the release, to
    /// check against Cisco's download page).
    #[arg(long, value_name = "NAME", value_parser = file_name)]
    image: Option<String>,
    /// The ASDM image to stage and set with the target (none by default).
    #[arg(long, value_name = "NAME", value_parser = file_name)]
    asdm_image: Option<String>,
    /// The TFTP server the images are copied from and backups go to (a host, and a folder
    /// after it if any: 10.0.0.5/images).
    #[arg(long, value_name = "HOST", value_parser = server_name)]
    server: Option<String>,
    /// Your estimate of one reload, in minutes (whole number above 0, at most 1440): each
    /// hop's and the plan's duration.
    #[arg(long, value_name = "N", value_parser = minutes)]
    minutes: Option<u32>,
    /// The planner page's address: share links become absolute (without it they are
    /// fragments, `#from=…`).
    #[arg(long, value_name = "URL", value_parser = link_base)]
    link_base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// `--minutes`: a whole number of minutes above 0, at most a day, as the page and a link read
/// it (`runbook::minutes_per_reload`), refused in their words.
fn minutes(value: &str) -> Result<u32, String> {
    asa_planner::domain::runbook::minutes_per_reload(value)
        .ok_or_else(|| words::minutes_refused(value))
}

/// An image file name: one word, no path (it is pasted into command lines after `disk0:/`).
fn file_name(value: &str) -> Result<String, String> {
    checked_name(value, asa_planner::domain::runbook::file_problem)
}

/// The TFTP server: one word, no scheme (the commands write `tftp://`).
fn server_name(value: &str) -> Result<String, String> {
    checked_name(value, asa_planner::domain::runbook::server_problem)
}

/// `value` trimmed, unless it is empty or has the problem `check` finds, said in the page's
/// words.
fn checked_name(
    value: &str,
    check: fn(&str) -> Option<asa_planner::domain::runbook::NameProblem>,
) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("empty: give a name".to_string());
    }
    if let Some(problem) = check(value) {
        return Err(words::name_problem(problem).to_string());
    }
    Ok(value.to_string())
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn run(args: &Args, out: &mut impl Write) -> io::Result<Status> {
    let mut query = PlanQuery {
        from: canonical(&args.from),
        to: canonical(&args.to),
        from2: args.from2.as_deref().map(canonical),
        mode: args.mode,
        preset: args.preset.map(str::to_string),
        platform: args.platform,
        trains: args.trains.clone(),
        rules: args.rules.unwrap_or_default(),
        multi_context: args.contexts,
        server: args.server.clone().unwrap_or_default(),
        minutes: args.minutes,
        ..PlanQuery::default()
    };
    // The target's names are keyed by its canonical spelling, as the page keys them.
    let target = query.to.clone();
    if let Some(image) = &args.image {
        query.images.push((target.clone(), image.clone()));
    }
    if let Some(asdm) = &args.asdm_image {
        query.asdm.push((target, asdm.clone()));
    }
    let session = session::analyse(&query);
    let mut pair = PairPlan::new(&query, &session, session.preset.id);
    if let Some(base) = &args.link_base {
        pair.share = absolute_link(base, &pair.share);
    }
    let text = match args.format {
        Format::Text => text(&session, &pair, args.link_base.is_none()),
        Format::Json => json::pair_document(&pair),
        Format::Markdown => change_plan(&query, &session, &pair.share),
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

/// The plan in plain words, worded by the page's `view::words`: verdict, mode, train set and
/// rule set (with a what-if preset said to be one), the other rule set's answer, the typed
/// releases' marks, the model, hops with their rule, units, notes, warnings and caveats (with
/// their commands), why the direct hop is blocked, notes, link.
fn text(session: &Session, pair: &PairPlan, fragment: bool) -> String {
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
        "{}, {}, rules {}",
        pair.mode.label(),
        words::train_set(session),
        pair.rules
    );
    if let Some(what_if) = words::what_if(session) {
        let _ = writeln!(s, "{what_if}");
    }
    // SPEC §3: the other rule set's answer beside the verdict, as the page words it.
    if let Some(other) = words::other_rules(session) {
        let _ = writeln!(s, "{}", plain(&other));
    }
    // SPEC §4: a typed release that is not in the catalog, withdrawn or pre-release is marked,
    // as the Markdown marks it.
    let fields = [
        (Origin::From, Some(&session.from)),
        (Origin::From2, session.from2.as_ref()),
        (Origin::To, Some(&session.to)),
    ];
    for (origin, field) in fields {
        // Only a release that reads has marks.
        let Some(field) = field.filter(|f| !f.marks.is_empty()) else {
            continue;
        };
        let release = field.release.map(|r| r.to_string()).unwrap_or_default();
        let label = words::field_label(origin, session.from2.is_some());
        let marks: String = field
            .marks
            .iter()
            .map(|m| format!(" ({})", words::mark(*m)))
            .collect();
        let _ = writeln!(s, "{label}: {release}{marks}");
    }
    // A typed image name that may not be the file it is typed for: said here, the one place
    // the text names it besides the link.
    for w in &pair.warnings {
        if let PairWarning::ImageName { reason, .. } = w {
            let _ = writeln!(s, "Warning: {reason}");
        }
    }
    if let Some(p) = session.platform {
        let _ = writeln!(
            s,
            "Model: {} ({}), {}",
            p.label(),
            p.as_str(),
            words::platform::range(p)
        );
    }
    for limit in &session.platform_limits {
        let sources: Vec<&str> = words::platform::limit_sources(limit)
            .iter()
            .map(|s| s.url)
            .collect();
        let _ = writeln!(
            s,
            "Platform limit: {} ({})",
            plain(&words::platform::limit(limit)),
            sources.join("; ")
        );
    }
    if let Some(notice) = session.procedure_notice() {
        let sources: Vec<&str> = notice.sources().iter().map(|s| s.url).collect();
        let _ = writeln!(
            s,
            "Procedure: {} ({})",
            plain(&words::platform::procedure(notice)),
            sources.join("; ")
        );
    }
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
            );
        for line in lines {
            let _ = writeln!(s, "     {}", plain(&line));
        }
        let stays = facts.and_then(|f| f.stays);
        for c in facts.into_iter().flat_map(|f| &f.caveats) {
            let steps = asa_planner::view::runbook::caveat_steps(c, session.setup, stays);
            let _ = writeln!(
                s,
                "     {}",
                plain(&format!(
                    "Caveat {} {} Before this hop: {} ({})",
                    words::caveat_heading(c.release, c.kind.label()),
                    c.text,
                    steps.before,
                    c.source.url
                ))
            );
            // The commands the source gives, each on its own line, where they are typed, after
            // their callouts.
            if let Some(block) = steps.block {
                for note in &block.notes {
                    let _ = writeln!(s, "       {}", plain(note));
                }
                let _ = writeln!(s, "       {}", words::typed_on(block.role, block.aside));
                for command in block.commands {
                    let _ = writeln!(s, "         {command}");
                }
            }
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
    if fragment {
        let _ = writeln!(s, "Note: {}", plain(words::LINKS_ARE_FRAGMENTS));
    }
    s
}

/// A sentence of `words` as plain text: its `code` spans lose their backticks.
fn plain(sentence: &str) -> String {
    sentence.replace('`', "")
}
