//! The command line `asa-planner` (SPEC §13): the page's domain as a native program, in the
//! manner of xsv — one file per subcommand with its usage and examples at the top (`plan.rs`,
//! `fleet.rs`), records streamed through the `csv` crate, errors that name the line.
//!
//! Exit status: 0 every pair planned (or already on its target), 1 some pair has no
//! zero-downtime path (no path, or a downgrade), 2 bad input (each problem on stderr, naming
//! the line and field; a fleet's good lines are still planned and written). Bad input wins
//! over a missing path.

mod fleet;
mod plan;
mod status;

use asa_planner::domain::fleet::{preset_id, InputError};
use asa_planner::domain::platform::Platform;
use asa_planner::domain::release::Train;
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::Mode;
use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const ABOUT: &str = "Plans zero-downtime software upgrades of Cisco ASA failover pairs: the \
shortest chain of legal hops, for one pair or a whole fleet.";

const EXAMPLES: &str = "\
Examples:
  asa-planner plan '8.2(5)' '9.1(7)'
  asa-planner plan '9.1(1)' '9.12(4)' --from2 '9.1(2)' --mode active-active --format markdown
  asa-planner plan '9.8(4)' '9.14(4)' --platform asa5525x
  asa-planner fleet pairs.csv --target '9.12(4)' --format json > plan.json
  cat pairs.csv | asa-planner fleet - --target '9.12(4)' --format markdown
  asa-planner status '9.8(4)' '9.12(4)' --show show-failover.txt

Exit status: 0 all planned, 1 some pair has no zero-downtime path, 2 bad input.";

#[derive(Parser)]
#[command(name = "asa-planner", version, about = ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Plan one failover pair: verdict, hops and share link.
    Plan(plan::Args),
    /// Plan a fleet of pairs from a CSV file (name,unit1,unit2,target,mode,preset,platform).
    Fleet(fleet::Args),
    /// Where a pair stands on its plan, from pasted show failover / show version output.
    Status(status::Args),
}

/// How a run ended; the process exit code is the number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Status {
    Planned = 0,
    NoPath = 1,
    BadInput = 2,
}

pub fn main() -> ExitCode {
    // Usage errors exit 2 with clap's message; `--help` and `--version` exit 0.
    let cli = Cli::parse();
    // Large writes: a fleet's JSON runs to about a kilobyte a pair.
    let mut out = BufWriter::with_capacity(1 << 18, io::stdout().lock());
    let result = match cli.command {
        Command::Plan(args) => plan::run(&args, &mut out),
        Command::Fleet(args) => fleet::run(&args, &mut out),
        Command::Status(args) => status::run(&args, &mut out),
    };
    match result.and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => ExitCode::from(status as u8),
        // The reader of a pipe stopped early (`| head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(Status::BadInput as u8),
        Err(e) => {
            eprintln!("asa-planner: cannot write the output: {e}");
            ExitCode::from(Status::BadInput as u8)
        }
    }
}

/// Reports bad input on stderr, one problem a line.
fn report(error: &InputError) {
    eprintln!("asa-planner: {error}");
}

/// `--rules`: `guide-9x` (the default) or `table-81-1`, any case.
fn rule_set(value: &str) -> Result<RuleSet, String> {
    RuleSet::from_value(value).ok_or_else(|| {
        let ids: Vec<&str> = RuleSet::ALL.iter().map(|r| r.as_str()).collect();
        format!("not a rule set: use {}", ids.join(" or "))
    })
}

/// `--preset`: a preset id (any case).
fn preset(value: &str) -> Result<&'static str, String> {
    preset_id(Some(value))
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "empty: give a preset id".to_string())
}

/// `--platform`: a hardware model id (any case), e.g. `asa5525x`, `fp2100`.
fn platform(value: &str) -> Result<Platform, String> {
    value.parse::<Platform>().map_err(|e| e.to_string())
}

/// `--mode`: `active-standby` or `active-active`.
fn mode(value: &str) -> Result<Mode, String> {
    Mode::from_value(value)
        .ok_or_else(|| "not a failover mode: use active-standby or active-active".to_string())
}

/// `--link-base`: an `http://` or `https://` address.
pub(crate) fn link_base(value: &str) -> Result<String, String> {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        Ok(value.to_string())
    } else {
        Err("not an http:// or https:// address".to_string())
    }
}

/// One train of `--trains` (a comma-separated list).
/// `--contexts`: `single` or `multi`.
fn contexts(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "multi" | "multiple" => Ok(true),
        "single" => Ok(false),
        _ => Err("not a context mode: use single or multi".to_string()),
    }
}

fn train(value: &str) -> Result<Train, String> {
    value.parse::<Train>().map_err(|e| e.to_string())
}

/// `--from2`: the second unit's release; blank is refused (a missing release, not "no second
/// unit": leave the option out for that).
pub(crate) fn from2(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        return Err("empty: give the second unit's release, or leave --from2 out".to_string());
    }
    Ok(value.to_string())
}
