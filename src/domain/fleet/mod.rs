//! Fleets (SPEC §13): tens to hundreds of thousands of failover pairs planned at once, one
//! CSV line a pair.
//!
//! # Lines
//!
//! `name,unit1,unit2,target,mode,preset,platform`: the pair's name, the release of each unit
//! (the second only when it differs), the target, `active-standby` or `active-active`, a preset
//! id and a hardware model id (`asa5525x`, `fp2100`, … as in the share link's `platform=`).
//! Everything after `unit1` is optional; a fleet-wide target, preset, model (and rule set) apply
//! where a line has none. A first line naming the fields (`name,unit1,…`, or `name,target,unit1`
//! in any order) is a header: the lines after it are read by its columns' names, and a column
//! it names that is no field is said by name. Blank lines are skipped. Releases take every spelling the page takes.
//!
//! The CSV itself (quotes, line breaks inside quotes) is [`csv_input`]'s: [`Fleet::plan_record`]
//! takes one record already split into fields, with the line it starts on; the command line and
//! the page read with the same [`csv_input::Records`], and write CSV with the same
//! [`csv_output`].
//!
//! # Planning
//!
//! Each good line becomes a [`PlanQuery`] planned by [`session::analyse`], exactly as the page
//! plans one pair: no rule is written twice, and the pair's share link is that query's
//! fragment. Bad lines become [`InputError`]s naming the line and the field, worded by the
//! release parser and the session; the other lines still plan.
//!
//! Planning a line needs no other line, so a fleet streams: read a record, plan it, write it.
//! The aggregates (groups of pairs with the same path, images to stage) are built on the side by
//! [`Summary`] when an output needs them.
//!
//! ```
//! use asa_planner::domain::fleet::{Fleet, LineOutcome};
//! use asa_planner::domain::query::PlanQuery;
//! let defaults = PlanQuery { to: "9.1(7)".into(), ..PlanQuery::default() };
//! let mut fleet = Fleet::new(defaults).unwrap();
//! assert!(matches!(fleet.plan_record(1, &["name", "unit1"]), LineOutcome::Skipped));
//! let LineOutcome::Planned(pair) = fleet.plan_record(2, &["edge-1", "8.2.5"]) else { panic!() };
//! assert_eq!(pair.share, "#from=8.2(5)&to=9.1(7)");
//! assert_eq!(pair.path_text(), "8.2(5) → 8.3(2) → 8.4(7) → 9.1(7)");
//! let LineOutcome::Bad(errors) = fleet.plan_record(3, &["edge-2", "8.2("]) else { panic!() };
//! assert_eq!(
//!     errors[0].to_string(),
//!     "line 3, field unit1: release ends too early: the maintenance number is missing at \
//!      position 5"
//! );
//! ```

pub mod csv_input;
pub mod csv_output;
pub mod json;
mod pair;
mod planned;
pub mod saved;
mod summary;

pub use pair::{PairPlan, PairWarning, PathHop, Reason};
pub use planned::PlannedFleet;
pub use summary::{Group, Image, PairWithoutHops, Summary, Tally};

use super::platform::{Platform, UnknownPlatform};
use super::presets::{self, PRESETS};
use super::query::PlanQuery;
use super::release::Release;
use super::release_text::ReadError;
use super::runbook::Mode;
use super::session::{self, FieldProblem};
use std::collections::HashMap;
use std::fmt::{self, Write as _};

/// The fields of a line, in order.
pub const FIELDS: [&str; 7] = [
    "name", "unit1", "unit2", "target", "mode", "preset", "platform",
];

/// The field of an [`InputError`] about a whole line (a quote never closed, a header), not one
/// field: its message reads `line 2: …`.
pub const WHOLE_LINE: &str = "";

/// Something in the input that could not be used, with where it is.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct InputError {
    /// The 1-based line of a fleet; `None` for a single plan or a fleet-wide setting.
    pub line: Option<u64>,
    /// One of [`FIELDS`] (or `extra` for fields after them, [`WHOLE_LINE`] for the line) in a
    /// fleet; `from`, `from2`, `to` for a single plan; `target`, `preset` for a fleet-wide
    /// setting.
    pub field: &'static str,
    /// What is wrong, as facts.
    pub problem: LineProblem,
    /// `problem` worded (its `Display`, written in `view::words`); kept for the exports.
    pub message: String,
}

impl InputError {
    /// The error of `field` (on `line`, if any) for `problem`, worded.
    pub fn new(line: Option<u64>, field: &'static str, problem: LineProblem) -> InputError {
        InputError {
            line,
            field,
            message: problem.to_string(),
            problem,
        }
    }
}

/// What is wrong with a fleet line's field or a fleet-wide setting, as facts; `view::words`
/// words it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LineProblem {
    /// A line without a name.
    NoName,
    /// A line without the first unit's release.
    NoUnit1,
    /// A line without a target, in a fleet without one.
    NoTarget,
    /// A release field that gives no release (the reader's error).
    Unread(ReadError),
    /// A release field the planner could not use (e.g. its train is not in the catalog).
    Field(FieldProblem),
    /// A mode that is not a failover mode (as typed).
    Mode(String),
    /// A preset id that names no preset (as typed); `known` are the ids there are.
    UnknownPreset {
        text: String,
        known: Vec<&'static str>,
    },
    /// A model id that names no model.
    Platform(UnknownPlatform),
    /// More fields than a line has (`fields` counted with the name).
    Extra { fields: usize },
    /// A value under a header's column that is not a field (the column's name as written).
    UnknownColumnValue(String),
    /// The line's field is empty and the fleet-wide setting it falls back to (`target`,
    /// `preset`) cannot be used (that setting's own error says why).
    UnusableDefault(&'static str),
    /// A quote opened on the line is never closed (the lines after it are read on their own).
    UnclosedQuote,
    /// A line of one field that holds this other separator (`;` or a tab): not comma-separated.
    Separator(char),
    /// A header's column that is not a field (its name as written).
    UnknownColumn(String),
    /// A header's column named twice.
    RepeatedColumn(&'static str),
    /// A header without this field's column (`name` or `unit1`: no line could be planned).
    MissingColumn(&'static str),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) if self.field == WHOLE_LINE => write!(f, "line {line}: {}", self.message),
            Some(line) => write!(f, "line {line}, field {}: {}", self.field, self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

/// What one record of a fleet gave.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LineOutcome {
    /// A blank line or the header.
    Skipped,
    /// Boxed: a plan with its caveats and warnings is much larger than the other variants.
    Planned(Box<PairPlan>),
    /// Every field of the line that could not be used (the line is not planned).
    Bad(Vec<InputError>),
}

/// Plans fleet lines against fleet-wide defaults.
///
/// Identical requests (lines that differ only in their names) are planned once:
/// a fleet repeats a few upgrade paths many times, and a session costs tens of microseconds even
/// with the catalogs shared ([`session::Reuse`], kept across lines too). The memo
/// is keyed by the line's fields after the name (the defaults are the fleet's) and bounded:
/// when it holds [`MEMO_LIMIT`] requests it starts again, so memory stays flat.
pub struct Fleet {
    defaults: PlanQuery,
    reuse: session::Reuse,
    memo: HashMap<String, Planned>,
    started: bool,
    /// The header's columns when it names them in another order or names others: for each
    /// column of a record, its index in [`FIELDS`], or its name when it is no field.
    columns: Option<Vec<Result<usize, String>>>,
    /// The fleet-wide target or preset could not be used: lines without their own are bad.
    unusable_target: bool,
    unusable_preset: bool,
}

/// A request's export, or the release fields the session could not use (by fleet field name).
type Planned = Result<PairPlan, Vec<(&'static str, LineProblem)>>;

/// Distinct requests remembered at most: a planned request is up to a few KB (a long path), so
/// a full memo stays under ~10 MB; a fleet with more distinct requests than this plans the
/// others without the memo's help (about 30 µs each), never with more memory.
pub const MEMO_LIMIT: usize = 1 << 12;

/// Longest request (a line's fields after the name, in bytes) the memo keeps.
const MEMO_KEY_MAX: usize = 256;

impl Fleet {
    /// A fleet whose lines default to `defaults`: its `to` (the fleet-wide target, may be
    /// empty), `preset`, `platform`, `mode` and catalog settings (`trains`, `releases`) apply where a line
    /// has none; its `from`, `from2` and `via` are not used. A fleet-wide target or preset that
    /// cannot be used is an error (field `target` or `preset`, no line).
    pub fn new(defaults: PlanQuery) -> Result<Fleet, Vec<InputError>> {
        let (fleet, errors) = Fleet::with_settings(defaults);
        if errors.is_empty() {
            Ok(fleet)
        } else {
            Err(errors)
        }
    }

    /// [`Fleet::new`] that plans whatever it can: a fleet-wide target or preset that cannot be
    /// used is returned as an error (field `target` or `preset`, no line), and only the lines
    /// that fall back to it are bad ([`LineProblem::UnusableDefault`]); lines that give their
    /// own still plan.
    pub fn with_settings(mut defaults: PlanQuery) -> (Fleet, Vec<InputError>) {
        let mut errors = Vec::new();
        let setting = |field, problem| InputError::new(None, field, problem);
        let mut unusable_preset = false;
        match preset_id(defaults.preset.as_deref()) {
            Ok(id) => defaults.preset = id.map(str::to_string),
            Err(problem) => {
                errors.push(setting("preset", problem));
                defaults.preset = None;
                unusable_preset = true;
            }
        }
        let mut unusable_target = false;
        if !defaults.to.trim().is_empty() {
            // Planned against itself, so that an unknown train is caught as well.
            let check = PlanQuery {
                from: defaults.to.clone(),
                ..defaults.clone()
            };
            let session = session::analyse(&check);
            match (session.to.release, session.to.problem) {
                (Some(target), None) => defaults.to = target.to_string(),
                (_, problem) => {
                    errors.push(setting(
                        "target",
                        LineProblem::Field(
                            problem.unwrap_or(FieldProblem::Blank(session::Hint::Target)),
                        ),
                    ));
                    defaults.to.clear();
                    unusable_target = true;
                }
            }
        }
        defaults.from.clear();
        defaults.from2 = None;
        defaults.via.clear();
        let fleet = Fleet {
            defaults,
            reuse: session::Reuse::default(),
            memo: HashMap::new(),
            started: false,
            columns: None,
            unusable_target,
            unusable_preset,
        };
        (fleet, errors)
    }

    /// A record that could not be read into fields (`problem`, e.g. a quote never closed),
    /// on `line`: a bad line about the whole line.
    pub fn unread_record(&mut self, line: u64, problem: LineProblem) -> LineOutcome {
        self.started = true;
        LineOutcome::Bad(vec![InputError::new(Some(line), WHOLE_LINE, problem)])
    }

    /// Plans one record: `fields` in the order of [`FIELDS`], `line` the 1-based line it starts
    /// on. Blank records and a header as the first record are [`LineOutcome::Skipped`].
    ///
    /// Total: any text in any field gives an outcome, never a panic.
    pub fn plan_record(&mut self, line: u64, fields: &[&str]) -> LineOutcome {
        if fields.iter().all(|f| f.trim().is_empty()) {
            return LineOutcome::Skipped;
        }
        let first = !self.started;
        self.started = true;
        if first && is_header(fields) {
            return self.header(line, fields);
        }
        if let [only] = fields {
            if let Some(separator) = only.chars().find(|c| matches!(c, ';' | '\t')) {
                return LineOutcome::Bad(vec![InputError::new(
                    Some(line),
                    WHOLE_LINE,
                    LineProblem::Separator(separator),
                )]);
            }
        }
        // A header's order: each field put where [`FIELDS`] has it; a value under a column that
        // is no field makes the line bad.
        let mut unknown = Vec::new();
        let ordered: Vec<&str>;
        let fields = match &self.columns {
            None => fields,
            Some(columns) => {
                let mut placed = vec![""; FIELDS.len()];
                let mut extra = Vec::new();
                for (i, field) in fields.iter().enumerate() {
                    match columns.get(i) {
                        Some(Ok(at)) => placed[*at] = field,
                        Some(Err(name)) if !field.trim().is_empty() => {
                            unknown.push(InputError::new(
                                Some(line),
                                "extra",
                                LineProblem::UnknownColumnValue(name.clone()),
                            ));
                        }
                        Some(Err(_)) => {}
                        None => extra.push(*field),
                    }
                }
                placed.extend(extra);
                ordered = placed;
                &ordered
            }
        };
        let Some((name, rest)) = fields.split_first() else {
            return LineOutcome::Skipped;
        };
        let name = name.trim();
        // The request is the line without its name: its fields, each with its length so that
        // no two lines give the same key.
        let mut key = String::new();
        for field in rest {
            let field = field.trim();
            let _ = write!(key, "{}:{field},", field.len());
        }
        let planned = match self.memo.get(&key) {
            Some(planned) => planned.clone(),
            None => {
                let planned = self
                    .request(rest)
                    .and_then(|query| plan(&query, &mut self.reuse));
                // A real request is a few dozen bytes; a line of huge fields is not kept.
                if key.len() <= MEMO_KEY_MAX {
                    if self.memo.len() >= MEMO_LIMIT {
                        self.memo.clear();
                    }
                    self.memo.insert(key, planned.clone());
                }
                planned
            }
        };
        let bad = |field, problem| InputError::new(Some(line), field, problem);
        let unnamed = name.is_empty().then(|| bad("name", LineProblem::NoName));
        match (planned, unnamed) {
            (Ok(mut pair), None) if unknown.is_empty() => {
                pair.line = Some(line);
                pair.name = Some(name.to_string());
                LineOutcome::Planned(Box::new(pair))
            }
            (Ok(_), unnamed) => LineOutcome::Bad(unnamed.into_iter().chain(unknown).collect()),
            (Err(errors), unnamed) => LineOutcome::Bad(
                unnamed
                    .into_iter()
                    .chain(
                        errors
                            .into_iter()
                            .map(|(field, problem)| bad(field, problem)),
                    )
                    .chain(unknown)
                    .collect(),
            ),
        }
    }

    /// The header on `line`: its columns are read by name from now on. Columns that are no
    /// field, named twice, or a missing `name` or `unit1` make it a bad line, each said by name.
    fn header(&mut self, line: u64, fields: &[&str]) -> LineOutcome {
        let mut errors = Vec::new();
        let mut bad = |problem| errors.push(InputError::new(Some(line), WHOLE_LINE, problem));
        let mut columns = Vec::with_capacity(fields.len());
        let mut seen = [false; FIELDS.len()];
        for field in fields {
            let name = field.trim();
            match FIELDS.iter().position(|f| f.eq_ignore_ascii_case(name)) {
                Some(at) if seen[at] => {
                    bad(LineProblem::RepeatedColumn(FIELDS[at]));
                    columns.push(Err(name.to_string()));
                }
                Some(at) => {
                    seen[at] = true;
                    columns.push(Ok(at));
                }
                None => {
                    if !name.is_empty() {
                        bad(LineProblem::UnknownColumn(name.to_string()));
                    }
                    columns.push(Err(name.to_string()));
                }
            }
        }
        for (at, field) in FIELDS.iter().enumerate().take(2) {
            if !seen[at] {
                bad(LineProblem::MissingColumn(field));
            }
        }
        // The header in the order of [`FIELDS`] reads by position, as a line without one.
        let in_order = columns
            .iter()
            .enumerate()
            .all(|(i, c)| matches!(c, Ok(at) if *at == i));
        self.columns = (!in_order).then_some(columns);
        if errors.is_empty() {
            LineOutcome::Skipped
        } else {
            LineOutcome::Bad(errors)
        }
    }

    /// The query of a line's fields after its name, releases in canonical spelling (so the
    /// share link reads like the page's), or every field that does not read.
    fn request(&self, fields: &[&str]) -> Result<PlanQuery, Vec<(&'static str, LineProblem)>> {
        let mut errors = Vec::new();
        let mut bad = |field, problem| errors.push((field, problem));
        // `fields` starts at unit1.
        let text = |i: usize| fields.get(i - 1).map_or("", |f| f.trim());
        let unit1 = match text(1) {
            "" => {
                bad("unit1", LineProblem::NoUnit1);
                None
            }
            t => release(t).map_err(|e| bad("unit1", e)).ok(),
        };
        let unit2 = match text(2) {
            "" => None,
            t => release(t).map_err(|e| bad("unit2", e)).ok(),
        };
        let target = match text(3) {
            "" if self.unusable_target => {
                bad("target", LineProblem::UnusableDefault("target"));
                None
            }
            "" if self.defaults.to.is_empty() => {
                bad("target", LineProblem::NoTarget);
                None
            }
            "" => Some(self.defaults.to.clone()),
            t => release(t).map_err(|e| bad("target", e)).ok(),
        };
        let mode = match text(4) {
            "" => Some(self.defaults.mode),
            t => {
                let mode = Mode::from_value(t);
                if mode.is_none() {
                    bad("mode", LineProblem::Mode(t.to_string()));
                }
                mode
            }
        };
        let preset = match text(5) {
            "" if self.unusable_preset => {
                bad("preset", LineProblem::UnusableDefault("preset"));
                None
            }
            "" => Some(self.defaults.preset.clone()),
            t => preset_id(Some(t))
                .map(|id| id.map(str::to_string))
                .map_err(|e| bad("preset", e))
                .ok(),
        };
        let platform = match text(6) {
            "" => Some(self.defaults.platform),
            t => t
                .parse::<Platform>()
                .map(Some)
                .map_err(|e| bad("platform", LineProblem::Platform(e)))
                .ok(),
        };
        let extra = fields
            .iter()
            .skip(FIELDS.len() - 1)
            .filter(|f| !f.trim().is_empty());
        if extra.count() > 0 {
            bad(
                "extra",
                LineProblem::Extra {
                    fields: fields.len() + 1,
                },
            );
        }
        match (unit1, target, mode, preset, platform) {
            (Some(unit1), Some(to), Some(mode), Some(preset), Some(platform))
                if errors.is_empty() =>
            {
                Ok(PlanQuery {
                    from2: unit2.filter(|u| *u != unit1),
                    from: unit1,
                    to,
                    mode,
                    preset,
                    platform,
                    ..self.defaults.clone()
                })
            }
            _ => Err(errors),
        }
    }
}

/// Plans one query: its export, or the release fields the session could not use (unknown
/// trains), named as a fleet line's fields.
fn plan(query: &PlanQuery, reuse: &mut session::Reuse) -> Planned {
    let session = session::analyse_reusing(query, reuse);
    // The preset in force: the line's, else the model's, else the default.
    let pair = PairPlan::new(query, &session, session.preset.id);
    if pair.errors.is_empty() {
        return Ok(pair);
    }
    Err(pair
        .errors
        .into_iter()
        .map(|e| {
            let field = match e.field {
                "from" => "unit1",
                "from2" => "unit2",
                _ => "target",
            };
            (field, e.problem)
        })
        .collect())
}

/// A release text in canonical spelling when it reads, else as it is: share links then read
/// like the page's (`from=8.2(5)`, not `from=8.2.5`).
pub fn canonical(text: &str) -> String {
    release(text).unwrap_or_else(|_| text.to_string())
}

/// A release in canonical spelling (read from any text a release field takes: a spelling, a
/// `show version` line, a `Version:` line, an image file name), or the reader's error.
fn release(text: &str) -> Result<String, LineProblem> {
    crate::domain::release_text::read(text)
        .map(|r| r.release.to_string())
        .map_err(LineProblem::Unread)
}

/// The canonical id of a preset given by a person (`None` when none was given), or why not.
pub fn preset_id(text: Option<&str>) -> Result<Option<&'static str>, LineProblem> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    match presets::find(text) {
        Some(p) => Ok(Some(p.id)),
        None => Err(LineProblem::UnknownPreset {
            text: text.trim().to_string(),
            known: PRESETS.iter().map(|p| p.id).collect(),
        }),
    }
}

/// A first record that names columns: it starts with `name`, or names two fields or more (any
/// case, any order, blanks around the names allowed).
fn is_header(fields: &[&str]) -> bool {
    let is_field = |f: &&&str| FIELDS.iter().any(|n| n.eq_ignore_ascii_case(f.trim()));
    fields.len() >= 2
        && (fields[0].trim().eq_ignore_ascii_case("name")
            || fields.iter().filter(is_field).count() >= 2)
}

/// A generated fleet of `pairs` lines (and a header) on releases of the built-in catalog, for
/// benchmarks and tests: the same text on every run. Most pairs are Active/Standby with both
/// units on one release; every 10th is mismatched, every 7th Active/Active; targets are four
/// recent releases, so some pairs are downgrades and many share a path, as in a real fleet.
pub fn sample_csv(pairs: usize) -> String {
    use super::catalog::Catalog;
    const TARGETS: [&str; 4] = ["9.12(4)", "9.16(4)", "9.18(4)", "9.20(3)"];
    let catalog = Catalog::builtin();
    let releases: Vec<Release> = catalog
        .entries()
        .iter()
        .filter(|e| !e.withdrawn && !e.release.is_interim())
        .map(|e| e.release)
        .collect();
    let mut csv = String::with_capacity(pairs * 48 + 64);
    csv.push_str("name,unit1,unit2,target,mode,preset\n");
    for i in 0..pairs {
        // A stride coprime with the count spreads the pairs over the whole catalog.
        let k = (i * 7919) % releases.len().max(1);
        let unit1 = releases.get(k).map_or(String::new(), |r| r.to_string());
        let unit2 = match releases.get(k + 1) {
            Some(r) if i % 10 == 9 => r.to_string(),
            _ => String::new(),
        };
        let mode = if i % 7 == 6 { "active-active" } else { "" };
        let target = TARGETS[i % TARGETS.len()];
        let _ = writeln!(csv, "fw-{i:06},{unit1},{unit2},{target},{mode},");
    }
    csv
}
