//! `asa-planner status`: where a pair stands on its plan, from what the units print (SPEC §14).
//!
//! ```text
//! Usage: asa-planner status <FROM> <TO> [--from2 R] [--mode active-active] [--contexts multi]
//!                           [--preset P]
//!                           [--platform ID] [--trains 8.4,9.0,…] [--rules guide-9x|table-81-1]
//!                           [--show FILE]… [--tick HOP.STEP]… [--previous HOP.STEP]
//!                           [--image RELEASE=FILE]… [--format text|json]
//!
//!   ssh fw 'show failover' | asa-planner status '9.8(4)' '9.12(4)' --rules guide-9x
//!   asa-planner status '9.8(4)' '9.12(4)' --show primary.txt --show secondary.txt --format json
//!   asa-planner status 9.8.4 asa9-12-4-smp-k8.bin --show out.txt --tick 1.1 --tick 1.2
//! ```
//!
//! The output files (or stdin, when no `--show` is given or for `--show -`) hold `show
//! failover`, `show failover state` and/or `show version` from either unit, prompts and `more`
//! markers included. Printed: each unit as read, the stops, the position, the next step with
//! its commands, the other reading, the plan from what the units run, the lines not read.
//! Only releases, states, image file names and interface names are printed: never the pasted
//! text (serial numbers, addresses). Text, or JSON (schema 1, `"kind":"status"`, README).
//!
//! Exit status: 0 on track or done, 1 a stop (or no zero-downtime plan to place the pair
//! on: `no-path`, `downgrade`, or a hop ahead whose runbook is a stop), 2 output that names neither unit (or a file that cannot be
//! read, or a release argument that does not read).

use super::{contexts, from2, mode, platform, preset, rule_set, train, Status};
use asa_planner::domain::fleet::canonical;
use asa_planner::domain::platform::Platform;
use asa_planner::domain::position::{
    hop_outline, locate, no_steps, place_after, Known, NextStep, NoSteps, Place, Position,
};
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::{Mode, Unit};
use asa_planner::domain::session::{self, Session};
use asa_planner::domain::show::{parse, Disagreement, Said, Snapshot, UnitFacts, UnreadWhy};
use asa_planner::view::words::position as words;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::io::{self, Read, Write};

const EXAMPLES: &str = "\
Examples:
  ssh fw 'show failover' | asa-planner status '9.8(4)' '9.12(4)' --rules guide-9x
  asa-planner status '9.8(4)' '9.12(4)' --show primary.txt --show secondary.txt --format json
  asa-planner status 9.8.4 asa9-12-4-smp-k8.bin --show out.txt --tick 1.1 --tick 1.2

Steps are numbered as in the runbook: 1 stage, 2 reload the standby, 3 fail over,
4 validation window, 5 reload the former active, 6 write memory, 7 restore the roles;
Active/Active: 1 failover active (both groups to the primary), 2 stage, 3 reload the
secondary, 4 fail over, 5 validation window, 6 reload the primary, 7 write memory,
8-9 restore the groups; a mismatched pair's hop that reloads one unit only: 1 make it
the standby, 2 stage, 3 reload it, 4 write memory (5-6 restore the groups).
A block of the validation window's rollback is ticked as HOP.STEPrBLOCK: 1.4r1 is hop 1's
(a), the failback (Active/Active: 1.5r1).
Exit status: 0 on track or done, 1 a stop (or a hop ahead whose runbook is a stop),
2 output that names neither unit.";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The release the pair ran when the plan started (the first unit's).
    from: String,
    /// The target release.
    to: String,
    /// The second unit's release when the plan started, when it differed.
    #[arg(long, value_name = "R", value_parser = from2)]
    from2: Option<String>,
    /// Failover mode: active-standby (default) or active-active.
    #[arg(long, value_parser = mode, default_value = "active-standby")]
    mode: Mode,
    /// Context mode: single (default) or multi (the next step's commands are typed in the
    /// system execution space; always so for Active/Active).
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
    /// Explicit train set, comma separated (overrides the preset).
    #[arg(long, value_name = "TRAINS", value_delimiter = ',', value_parser = train)]
    trains: Option<Vec<Train>>,
    /// Rule set: table-81-1 or guide-9x (the planner's default when absent).
    #[arg(long, value_parser = rule_set)]
    rules: Option<RuleSet>,
    /// A file of pasted output (repeatable; `-` is stdin). Without it, stdin is read.
    #[arg(long = "show", value_name = "FILE")]
    show: Vec<String>,
    /// A runbook step already done, as HOP.STEP (repeatable), e.g. 1.2; a block of a step's
    /// rollback as HOP.STEPrBLOCK, e.g. 1.4r1 for the failback (a) of hop 1.
    #[arg(long, value_name = "HOP.STEP", value_parser = tick)]
    tick: Vec<(usize, u8, Option<u8>)>,
    /// The position read before, as HOP.STEP (e.g. 1.3 after the failover of hop 1).
    #[arg(long, value_name = "HOP.STEP", value_parser = hop_step)]
    previous: Option<(usize, u8)>,
    /// The image file the runbook names for a release, as RELEASE=FILE (repeatable).
    #[arg(long, value_name = "RELEASE=FILE", value_parser = image)]
    image: Vec<(String, String)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// `HOP.STEP`, both 1-based; whether the hop has that step is checked against the plan
/// ([`steps_problem`]).
fn hop_step(value: &str) -> Result<(usize, u8), String> {
    let bad = || format!("{value:?} is not HOP.STEP (e.g. 1.2)");
    let (hop, step) = value.trim().split_once('.').ok_or_else(bad)?;
    let hop: usize = hop.parse().map_err(|_| bad())?;
    let step: u8 = step.parse().map_err(|_| bad())?;
    if hop == 0 || step == 0 {
        return Err(bad());
    }
    Ok((hop, step))
}

/// `HOP.STEP`, or `HOP.STEPrBLOCK` for a block of the step's rollback (the runbook's tick id,
/// `4r1`), all 1-based.
fn tick(value: &str) -> Result<(usize, u8, Option<u8>), String> {
    let bad = || format!("{value:?} is not HOP.STEP (e.g. 1.2) or HOP.STEPrBLOCK (e.g. 1.4r1)");
    let (step, block) = match value.trim().split_once('r') {
        Some((step, block)) => {
            let block: u8 = block.parse().map_err(|_| bad())?;
            if block == 0 {
                return Err(bad());
            }
            (step, Some(block))
        }
        None => (value, None),
    };
    let (hop, step) = hop_step(step).map_err(|_| bad())?;
    Ok((hop, step, block))
}

/// A `--tick` or `--previous` naming a step the plan's hop does not have (each hop's runbook
/// numbers its own steps: `position::hop_outline`), said as the option and its value.
fn steps_problem(session: &Session, option: &str, (hop, step): (usize, u8)) -> Option<String> {
    let hops = session.hops().len();
    if hops == 0 {
        return None;
    }
    if hop > hops {
        return Some(format!(
            "{option} {hop}.{step}: the plan has {hops} hop{}",
            if hops == 1 { "" } else { "s" }
        ));
    }
    let count = hop_outline(session, hop - 1).map_or(0, |o| o.len());
    if count == 0 {
        // Its runbook is a stop, or the model's procedure is not the ASA command line.
        let why = no_steps(session, hop - 1).map_or("", |w| match w {
            NoSteps::RunbookStop => " (a stop: Cisco later said the hop is not zero-downtime)",
            NoSteps::Procedure(_) => " (the model is upgraded through FXOS)",
        });
        return Some(format!(
            "{option} {hop}.{step}: hop {hop}'s runbook has no numbered steps{why}"
        ));
    }
    (usize::from(step) > count)
        .then(|| format!("{option} {hop}.{step}: hop {hop}'s runbook has steps 1 to {count}"))
}

/// `RELEASE=FILE`, the release in any spelling a release field reads.
fn image(value: &str) -> Result<(String, String), String> {
    let (release, file) = value
        .split_once('=')
        .ok_or_else(|| format!("{value:?} is not RELEASE=FILE"))?;
    let release = asa_planner::domain::release_text::read(release)
        .map_err(|e| format!("{release:?}: {e}"))?
        .release;
    if file.trim().is_empty() {
        return Err(format!("{value:?}: the file name is empty"));
    }
    // As `plan --image` reads it: a name the runbook would not use is refused, never dropped.
    if let Some(problem) = asa_planner::domain::runbook::file_problem(file) {
        return Err(format!(
            "{:?} {}",
            file.trim(),
            asa_planner::view::words::name_problem(problem)
        ));
    }
    Ok((release.to_string(), file.trim().to_string()))
}

pub fn run(args: &Args, out: &mut impl Write) -> io::Result<Status> {
    let query = PlanQuery {
        from: canonical(&args.from),
        to: canonical(&args.to),
        from2: args.from2.as_deref().map(canonical),
        mode: args.mode,
        multi_context: args.contexts,
        preset: args.preset.map(str::to_string),
        platform: args.platform,
        trains: args.trains.clone(),
        rules: args.rules.unwrap_or_default(),
        ..PlanQuery::default()
    };
    let session = session::analyse(&query);
    let mut bad = false;
    for (name, field) in [
        ("FROM", Some(&session.from)),
        ("TO", Some(&session.to)),
        ("--from2", session.from2.as_ref()),
    ] {
        if let Some(error) = field.and_then(|f| f.error.as_ref()) {
            eprintln!("asa-planner: {name}: {error}");
            bad = true;
        }
    }
    let mut text = String::new();
    let sources: Vec<&str> = if args.show.is_empty() {
        vec!["-"]
    } else {
        args.show.iter().map(String::as_str).collect()
    };
    for source in sources {
        let mut bytes = Vec::new();
        let read = if source == "-" {
            io::stdin().lock().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(source).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        if let Err(e) = read {
            eprintln!("asa-planner: cannot read {source}: {e}");
            return Ok(Status::BadInput);
        }
        text.push_str(&String::from_utf8_lossy(&bytes));
        text.push('\n');
    }
    let named = args
        .tick
        .iter()
        .map(|&(hop, step, _)| ("--tick", (hop, step)))
        .chain(args.previous.map(|p| ("--previous", p)));
    for (option, value) in named {
        if let Some(problem) = steps_problem(&session, option, value) {
            eprintln!("asa-planner: {problem}");
            return Ok(Status::BadInput);
        }
    }
    let snap = parse(&text);
    drop(text);
    let previous = args
        .previous
        .and_then(|(hop, step)| place_after(&session, hop, step));
    let ticked: Vec<(usize, u8)> = args
        .tick
        .iter()
        .filter(|t| t.2.is_none())
        .map(|&(hop, step, _)| (hop, step))
        .collect();
    let rollback: Vec<(usize, u8, u8)> = args
        .tick
        .iter()
        .filter_map(|&(hop, step, block)| Some((hop, step, block?)))
        .collect();
    let known = Known {
        previous,
        ticked: &ticked,
        rollback: &rollback,
        images: &args.image,
        server: "",
    };
    let pos = locate(&session, &snap, &known);
    let in_catalog = |r: Release| session.base.has_train(r.train());
    let written = match args.format {
        Format::Text => text_report(&session, &snap, &pos, in_catalog),
        Format::Json => json_report(&session, &snap, &pos, in_catalog),
    };
    out.write_all(written.as_bytes())?;
    let planned = !session.hops().is_empty() || pos.place == Place::Done;
    if !bad && !planned {
        eprintln!(
            "asa-planner: no plan to place the pair on ({})",
            session.verdict.as_str()
        );
    }
    Ok(
        if bad || (!snap.primary.is_known() && !snap.secondary.is_known()) {
            Status::BadInput
        } else if !pos.stops.is_empty()
            || !planned
            || matches!(pos.no_steps, Some((_, NoSteps::RunbookStop)))
        {
            // A hop whose runbook is a stop is not a zero-downtime hop to go on with (as
            // `plan` exits 1 for it).
            Status::NoPath
        } else {
            Status::Planned
        },
    )
}

fn plain(sentence: &str) -> String {
    sentence.replace('`', "")
}

fn text_report(
    session: &Session,
    snap: &Snapshot,
    pos: &Position,
    in_catalog: impl Fn(Release) -> bool,
) -> String {
    let mut s = String::new();
    let hops = session.hops();
    match (session.start, session.to.release) {
        (Some(from), Some(to)) => {
            let _ = writeln!(
                s,
                "Plan {from} → {to}: {} ({}, rules {})",
                match hops.len() {
                    0 => session.verdict.as_str().to_string(),
                    1 => "1 hop".to_string(),
                    n => format!("{n} hops"),
                },
                session.setup.mode.label(),
                session.rules.as_str()
            );
        }
        _ => {
            let _ = writeln!(s, "No plan: {}", session.verdict.as_str());
        }
    }
    for line in words::sentences(hops, snap, pos, in_catalog) {
        let _ = writeln!(s, "{}", plain(&line));
    }
    s
}

/// JSON string literal.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn optional(out: &mut String, text: Option<&str>) {
    match text {
        Some(t) => string(out, t),
        None => out.push_str("null"),
    }
}

fn unit_id(unit: Unit) -> &'static str {
    match unit {
        Unit::Primary => "primary",
        Unit::Secondary => "secondary",
    }
}

fn unit_json(out: &mut String, f: &UnitFacts, in_catalog: &impl Fn(Release) -> bool) {
    out.push_str("{\"unit\":");
    string(out, unit_id(f.unit));
    out.push_str(",\"release\":");
    optional(out, f.release.map(|r| r.to_string()).as_deref());
    let _ = write!(out, ",\"known\":{}", f.release.is_some_and(in_catalog));
    out.push_str(",\"state\":");
    optional(out, f.state.map(|s| s.as_str()));
    out.push_str(",\"groups\":[");
    for (i, (g, s)) in f.groups.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{{\"group\":{g},\"state\":\"{}\"}}", s.as_str());
    }
    out.push_str("],\"image\":");
    optional(out, f.image.as_deref());
    out.push('}');
}

fn next_json(out: &mut String, n: Option<&NextStep>) {
    let Some(n) = n else {
        out.push_str("null");
        return;
    };
    let _ = write!(out, "{{\"hop\":{},\"step\":{},\"on\":", n.hop, n.step);
    string(out, n.role.as_str());
    out.push_str(",\"unit\":");
    optional(out, n.unit.map(unit_id));
    out.push_str(",\"commands\":[");
    for (i, c) in n.commands.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, c);
    }
    let _ = write!(out, "],\"held\":{},\"prechecks\":", n.held);
    optional(out, n.prechecks.as_deref());
    out.push_str(",\"text\":");
    string(out, &plain(&words::next(n)));
    out.push('}');
}

fn place_json(
    out: &mut String,
    hops: &[asa_planner::domain::plan::Hop],
    place: Place,
    snap: &Snapshot,
) {
    let (hop, step) = place.hook();
    out.push_str("{\"hop\":");
    string(out, &hop);
    out.push_str(",\"step\":");
    string(out, &step);
    out.push_str(",\"text\":");
    string(out, &words::place_read(hops, place, snap));
    rolled_back_json(out, place);
    out.push('}');
}

/// `"rolled_back"`: the hop was rolled back to its end (`hop` and `step` then say "before the
/// hop", as for a hop not begun).
fn rolled_back_json(out: &mut String, place: Place) {
    let _ = write!(out, ",\"rolled_back\":{}", place.rolled_back());
}

fn json_report(
    session: &Session,
    snap: &Snapshot,
    pos: &Position,
    in_catalog: impl Fn(Release) -> bool,
) -> String {
    let hops = session.hops();
    let mut out = String::from("{\"schema\":1,\"kind\":\"status\",\"plan\":{\"from\":");
    optional(&mut out, session.start.map(|r| r.to_string()).as_deref());
    out.push_str(",\"to\":");
    optional(
        &mut out,
        session.to.release.map(|r| r.to_string()).as_deref(),
    );
    let _ = write!(
        out,
        ",\"mode\":\"{}\",\"rules\":\"{}\",\"verdict\":\"{}\",\"hops\":{}}}",
        session.setup.mode.as_str(),
        session.rules.as_str(),
        session.verdict.as_str(),
        hops.len()
    );
    out.push_str(",\"failover\":");
    out.push_str(match snap.failover {
        Some(true) => "\"on\"",
        Some(false) => "\"off\"",
        None => "null",
    });
    out.push_str(",\"units\":[");
    let mut first = true;
    for f in [&snap.primary, &snap.secondary] {
        if f.is_known() {
            if !first {
                out.push(',');
            }
            first = false;
            unit_json(&mut out, f, &in_catalog);
        }
    }
    out.push_str("],\"ticked_not_shown\":");
    match &pos.ticked_not_shown {
        Some(t) => {
            let _ = write!(
                out,
                "{{\"hop\":{},\"step\":{},\"not_shown\":{},\"text\":",
                t.hop, t.ticked, t.not_shown.0
            );
            string(&mut out, &plain(&words::ticked_not_shown(t)));
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"position\":");
    place_json(&mut out, hops, pos.place, snap);
    out.push_str(",\"next\":");
    next_json(&mut out, pos.next.as_ref());
    out.push_str(",\"no_steps\":");
    match pos.no_steps {
        Some((hop, why)) => {
            let _ = write!(
                out,
                "{{\"hop\":{hop},\"why\":\"{}\",\"text\":",
                why.as_str()
            );
            string(&mut out, &plain(&words::no_steps(hops, hop, why)));
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"alternative\":");
    match &pos.alternative {
        Some((place, n)) => {
            let (hop, step) = place.hook();
            out.push_str("{\"hop\":");
            string(&mut out, &hop);
            out.push_str(",\"step\":");
            string(&mut out, &step);
            out.push_str(",\"text\":");
            string(
                &mut out,
                &plain(&words::alternative(hops, *place, n.as_ref(), snap)),
            );
            rolled_back_json(&mut out, *place);
            out.push_str(",\"next\":");
            next_json(&mut out, n.as_ref());
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"stops\":[");
    for (i, stop) in pos.stops.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"kind\":");
        string(&mut out, stop.kind.as_str());
        out.push_str(",\"unit\":");
        optional(&mut out, stop.unit.map(unit_id));
        out.push_str(",\"text\":");
        string(&mut out, &plain(&words::stop(stop)));
        out.push('}');
    }
    out.push_str("],\"plan_from\":");
    match &pos.plan_from {
        Some(p) => {
            out.push_str("{\"from\":");
            string(&mut out, &p.from.to_string());
            out.push_str(",\"from2\":");
            optional(&mut out, p.from2.map(|r| r.to_string()).as_deref());
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"unread\":[");
    for (i, u) in snap.unread.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let why = match u.why {
            UnreadWhy::Unknown => "unknown",
            UnreadWhy::Release => "release",
            UnreadWhy::State => "state",
            UnreadWhy::NoUnit => "no-unit",
            UnreadWhy::Conflict => "conflict",
            UnreadWhy::Ambiguous => "ambiguous",
        };
        let _ = write!(out, "{{\"line\":{},\"why\":\"{why}\"}}", u.line);
    }
    out.push_str("],\"disagreements\":[");
    for (i, d) in snap.disagreements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        disagreement_json(&mut out, d);
    }
    out.push_str("]}\n");
    out
}

/// `{"about", "unit", "lines", "used", "text"}`: what the outputs disagree about (`failover`,
/// `release`, `state`, `groups`, or `roles`: each unit's own output claims the same role), the
/// unit (`null`: the pair), the lines, the line whose reading is used (`null`: none).
fn disagreement_json(out: &mut String, d: &Disagreement) {
    let (about, unit) = match d {
        Disagreement::Changed { unit, readings } => (
            match readings.last().map(|(s, _)| s) {
                Some(Said::Failover(_)) | None => "failover",
                Some(Said::Release(_)) => "release",
                Some(Said::State(_)) => "state",
                Some(Said::Groups(_)) => "groups",
            },
            *unit,
        ),
        Disagreement::Roles { .. } => ("roles", None),
    };
    let _ = write!(out, "{{\"about\":\"{about}\",\"unit\":");
    optional(out, unit.map(unit_id));
    out.push_str(",\"lines\":[");
    for (i, line) in d.lines().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{line}");
    }
    out.push_str("],\"used\":");
    match d.used() {
        Some(line) => {
            let _ = write!(out, "{line}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"text\":");
    string(out, &plain(&words::disagreement(d)));
    out.push('}');
}
