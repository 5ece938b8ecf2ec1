//! A fleet written as CSV, one row per planned pair: the command line's `--format csv` and the
//! page's CSV export, byte for byte the same. Quoting is the `csv` crate's (RFC 4180); a cell a
//! spreadsheet would take for a formula is written as text ([`inert`]).

use super::pair::mark_kind;
use super::{PairPlan, MEMO_LIMIT};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

/// The CSV columns, one row per planned pair.
///
/// `other_rules_hops` (the other rule set's hop count, empty without a path), `caveats` (the
/// plan's caveat ids, space separated) and `warnings` (its warnings' kinds, plan-wide then per
/// hop, space separated) were appended in issue #20; then `reason` (why there is no
/// zero-downtime path, with Cisco's links: [`PairPlan::reason`]).
pub const COLUMNS: [&str; 16] = [
    "line",
    "name",
    "unit1",
    "unit2",
    "target",
    "mode",
    "preset",
    "rules",
    "verdict",
    "hops",
    "path",
    "share",
    "other_rules_hops",
    "caveats",
    "warnings",
    "reason",
];

/// Writes the header row, then a row per pair as it comes.
///
/// A fleet repeats a few paths: each is written as text once per share link (bounded like
/// the fleet's memo).
pub struct CsvRows<W: Write> {
    writer: csv::Writer<W>,
    paths: HashMap<String, String>,
    /// The page's address, when known: the `share` column holds absolute links.
    base: Option<String>,
}

impl<W: Write> CsvRows<W> {
    /// Starts the output with the header row.
    pub fn start(out: W) -> io::Result<CsvRows<W>> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(COLUMNS)?;
        Ok(CsvRows {
            writer,
            paths: HashMap::new(),
            base: None,
        })
    }

    /// Writes each `share` as an absolute link on the page at `base` (its own address)
    /// instead of a bare fragment.
    pub fn link_base(mut self, base: Option<&str>) -> CsvRows<W> {
        self.base = base.map(str::to_string);
        self
    }

    pub fn pair(&mut self, pair: &PairPlan) -> io::Result<()> {
        if !self.paths.contains_key(pair.share.as_str()) {
            if self.paths.len() >= MEMO_LIMIT {
                self.paths.clear();
            }
            self.paths.insert(pair.share.clone(), pair.path_text());
        }
        let path = self
            .paths
            .get(pair.share.as_str())
            .map_or("", String::as_str);
        let mut fields = row(pair, path);
        if let (Some(base), Some(i)) = (&self.base, COLUMNS.iter().position(|c| *c == "share")) {
            fields[i] = Cow::Owned(crate::domain::query::absolute_link(base, &pair.share));
        }
        self.writer
            .write_record(fields.iter().map(|f| match inert(f) {
                Cow::Borrowed(f) => Cow::Borrowed(f.as_bytes()),
                Cow::Owned(f) => Cow::Owned(f.into_bytes()),
            }))?;
        Ok(())
    }

    /// Writes what the writer still buffers.
    pub fn end(mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// A cell a spreadsheet would not run as a formula: one starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (a pair named `=cmd|' /C calc'!A0`) gets a `'` in front, which
/// spreadsheets show as text (OWASP's advice on CSV injection). Only typed text can start so
/// (a name); the JSON keeps names exactly as typed.
pub fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The rows of `pairs` as one text (the page's export).
pub fn text<'a>(pairs: impl IntoIterator<Item = &'a PairPlan>) -> String {
    let mut bytes = Vec::new();
    let written = CsvRows::start(&mut bytes).and_then(|mut rows| {
        pairs.into_iter().try_for_each(|p| rows.pair(p))?;
        rows.end()
    });
    // Writing to memory fails only if memory runs out; what was written is kept either way.
    let _ = written;
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A pair's CSV row, in the order of [`COLUMNS`]; `path` is [`PairPlan::path_text`].
fn row<'a>(pair: &'a PairPlan, path: &'a str) -> [Cow<'a, str>; COLUMNS.len()] {
    let unit = |i: usize| Cow::Borrowed(pair.units.get(i).map_or("", String::as_str));
    [
        Cow::Owned(pair.line.unwrap_or_default().to_string()),
        Cow::Borrowed(pair.name.as_deref().unwrap_or_default()),
        unit(0),
        unit(1),
        Cow::Borrowed(&pair.target),
        Cow::Borrowed(pair.mode.as_str()),
        Cow::Borrowed(pair.preset),
        Cow::Borrowed(pair.rules),
        Cow::Borrowed(pair.verdict.as_str()),
        Cow::Owned(pair.hops.len().to_string()),
        Cow::Borrowed(path),
        Cow::Borrowed(&pair.share),
        Cow::Owned(
            pair.other_rules_hops
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
        Cow::Owned(
            pair.caveats
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Cow::Owned(warning_kinds(pair)),
        Cow::Borrowed(&pair.reason),
    ]
}

/// The kinds of a pair's warnings, plan-wide then per hop, each once, space separated.
fn warning_kinds(pair: &PairPlan) -> String {
    let hops = pair.hops.iter().flat_map(|h| {
        let marks = h.marks.iter().map(|(mark, _)| mark_kind(*mark));
        h.warnings.iter().map(|w| w.kind()).chain(marks)
    });
    let mut kinds: Vec<&str> = Vec::new();
    for kind in pair.warnings.iter().map(|w| w.kind()).chain(hops) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.join(" ")
}
