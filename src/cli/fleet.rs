//! `asa-planner fleet`: every pair of a CSV file, planned and written as it is read.
//!
//! ```text
//! Usage: asa-planner fleet <FILE.csv|-> [--target R] [--preset P] [--platform ID]
//!                          [--rules guide-9x|table-81-1] [--link-base URL]
//!                          [--format csv|json|markdown]
//!
//!   asa-planner fleet pairs.csv --target '9.12(4)'
//!   asa-planner fleet pairs.csv --target '9.12(4)' --format json > plan.json
//!   cat pairs.csv | asa-planner fleet - --target '9.1(7)' --format markdown > change.md
//! ```
//!
//! A line is `name,unit1,unit2,target,mode,preset,platform` (RFC 4180 quoting; everything after
//! `unit1` optional; a header line and blank lines are skipped). `--target`, `--preset` and
//! `--platform` apply where a line has none. CSV: one row per pair. JSON: the fleet document of schema 1, pairs written as
//! they are planned, groups and images at the end. Markdown: counts, images to stage, then one
//! change plan per group of pairs with the same path.
//!
//! Memory stays flat on the CSV path (a line is read, planned, written and dropped); the JSON
//! and Markdown paths also keep each pair's name for the groups and images.

use super::{link_base, platform, preset, report, rule_set, Status};
use asa_planner::domain::fleet::csv_input::Records;
use asa_planner::domain::fleet::csv_output::CsvRows;
use asa_planner::domain::fleet::{json::FleetJson, Fleet, InputError, LineOutcome, Summary, Tally};
use asa_planner::domain::platform::Platform;
use asa_planner::domain::query::{absolute_link, PlanQuery};
use asa_planner::domain::rules::RuleSet;
use asa_planner::view::fleet_export;
use asa_planner::view::words::fleet as words;
use clap::ValueEnum;
use std::fs::File;
use std::io::{self, Read, Write};

const EXAMPLES: &str = "\
Examples:
  asa-planner fleet pairs.csv --target '9.12(4)'
  asa-planner fleet pairs.csv --target '9.12(4)' --format json > plan.json
  cat pairs.csv | asa-planner fleet - --target '9.1(7)' --format markdown > change.md

A line: name,unit1,unit2,target,mode,preset,platform (all after unit1 optional), e.g.
  name,unit1,unit2,target,mode,preset,platform
  edge-1,8.2(5),,9.1(7)
  dc-core,9.1(1),9.1(2),9.12(4),active-active,asa5500
  branch-7,9.8(4),,9.14(4),,,asa5525x

Exit status: 0 all planned, 1 some pair has no zero-downtime path, 2 bad input (each bad line
on stderr by line and field; the other lines are still planned and written).";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The fleet as CSV, or - for standard input.
    #[arg(value_name = "FILE.csv|-")]
    file: String,
    /// Target for lines that give none.
    #[arg(long, value_name = "R")]
    target: Option<String>,
    /// Preset for lines that give none: asa5500 (default), asa5580, asasm, asa5500x, all.
    #[arg(long, value_name = "P", value_parser = preset)]
    preset: Option<&'static str>,
    /// Hardware model for lines that give none (e.g. asa5525x, fp2100).
    #[arg(long, value_name = "ID", value_parser = platform)]
    platform: Option<Platform>,
    /// Rule set: guide-9x (the default: Cisco's guidance by release era, Table 81-1 for hops
    /// landing on 7.x/8.x, the 9.x guides for hops landing on 9.x) or table-81-1 (the 8.x
    /// guide's Table 81-1 for every hop).
    #[arg(long, value_parser = rule_set, default_value = "guide-9x")]
    rules: RuleSet,
    /// The planner page's address: each pair's share link becomes absolute (without it the
    /// links are fragments, `#from=…`).
    #[arg(long, value_name = "URL", value_parser = link_base)]
    link_base: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Csv,
    Json,
    Markdown,
}

pub fn run(args: &Args, out: &mut impl Write) -> io::Result<Status> {
    let defaults = PlanQuery {
        to: args.target.clone().unwrap_or_default(),
        preset: args.preset.map(str::to_string),
        platform: args.platform,
        rules: args.rules,
        ..PlanQuery::default()
    };
    // A fleet-wide setting that cannot be used is said, and the lines that give their own
    // still plan (the others are bad lines, said by line).
    let (mut fleet, setting_errors) = Fleet::with_settings(defaults);
    for e in &setting_errors {
        eprintln!("asa-planner: --{e}");
    }
    let input: Box<dyn Read> = if args.file == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(&args.file) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("asa-planner: cannot read {}: {e}", args.file);
                return Ok(Status::BadInput);
            }
        }
    };
    let mut records = Records::new(input);
    let mut output = Output::start(args.format, out, args.link_base.as_deref())?;
    output.errors(&setting_errors);
    let mut tally = Tally::default();
    let mut unreadable = false;
    // A pair whose plan is legal by Table 81-1 only (Cisco later said a hop is not
    // zero-downtime) has no zero-downtime path: exit 1.
    let mut doubted = false;
    while let Some(read) = records.plan_next(&mut fleet) {
        let outcome = match read {
            Ok(outcome) => outcome,
            Err(e) => {
                eprintln!("asa-planner: {e}");
                unreadable = true;
                break;
            }
        };
        tally.add(&outcome);
        doubted |= matches!(&outcome, LineOutcome::Planned(p) if p.not_zero_downtime());
        if let LineOutcome::Bad(errors) = &outcome {
            errors.iter().for_each(report);
        }
        output.add(outcome)?;
    }
    output.end()?;
    Ok(
        if unreadable || tally.bad_lines > 0 || !setting_errors.is_empty() {
            Status::BadInput
        } else if tally.pairs() == 0 {
            eprintln!("asa-planner: {}", words::no_pair_in(&args.file));
            Status::BadInput
        } else if tally.some_without_path() || doubted {
            Status::NoPath
        } else {
            Status::Planned
        },
    )
}

/// Where planned lines go, per format.
enum Output<'w, W: Write> {
    /// Rows as the page's CSV export writes them (buffered, flushed at the end).
    Csv(CsvRows<&'w mut W>),
    Json {
        out: &'w mut W,
        writer: FleetJson,
        buffer: String,
        summary: Summary,
        errors: Vec<InputError>,
        base: Option<&'w str>,
    },
    Markdown {
        out: &'w mut W,
        summary: Summary,
        errors: Vec<InputError>,
        base: Option<&'w str>,
    },
}

impl<'w, W: Write> Output<'w, W> {
    fn start(format: Format, out: &'w mut W, base: Option<&'w str>) -> io::Result<Self> {
        Ok(match format {
            Format::Csv => Output::Csv(CsvRows::start(out)?.link_base(base)),
            Format::Json => {
                let mut buffer = String::new();
                let writer = FleetJson::start(&mut buffer).link_base(base);
                Output::Json {
                    out,
                    writer,
                    buffer,
                    summary: Summary::default(),
                    errors: Vec::new(),
                    base,
                }
            }
            Format::Markdown => Output::Markdown {
                out,
                summary: Summary::default(),
                errors: Vec::new(),
                base,
            },
        })
    }

    /// Errors that are no line's (the fleet-wide settings'): in the JSON's and the Markdown's
    /// errors, first (the CSV has rows of pairs only).
    fn errors(&mut self, bad: &[InputError]) {
        match self {
            Output::Csv(_) => {}
            Output::Json { errors, .. } | Output::Markdown { errors, .. } => {
                errors.extend_from_slice(bad)
            }
        }
    }

    fn add(&mut self, outcome: LineOutcome) -> io::Result<()> {
        match self {
            Output::Csv(rows) => match &outcome {
                LineOutcome::Planned(pair) => rows.pair(pair),
                _ => Ok(()),
            },
            Output::Json {
                out,
                writer,
                buffer,
                summary,
                errors,
                base,
            } => {
                summary.add(&outcome);
                match outcome {
                    LineOutcome::Planned(mut pair) => {
                        if let Some(base) = base {
                            pair.share = absolute_link(base, &pair.share);
                        }
                        writer.pair(buffer, &pair)
                    }
                    LineOutcome::Bad(bad) => errors.extend(bad),
                    LineOutcome::Skipped => {}
                }
                out.write_all(buffer.as_bytes())?;
                buffer.clear();
                Ok(())
            }
            Output::Markdown {
                summary, errors, ..
            } => {
                summary.add(&outcome);
                if let LineOutcome::Bad(bad) = outcome {
                    errors.extend(bad);
                }
                Ok(())
            }
        }
    }

    fn end(self) -> io::Result<()> {
        match self {
            Output::Csv(rows) => rows.end(),
            Output::Json {
                out,
                writer,
                mut buffer,
                summary,
                errors,
                ..
            } => {
                writer.end(&mut buffer, &errors, &summary);
                out.write_all(buffer.as_bytes())
            }
            Output::Markdown {
                out,
                summary,
                errors,
                base,
            } => out.write_all(fleet_export::fleet_linked(&summary, &errors, base).as_bytes()),
        }
    }
}
