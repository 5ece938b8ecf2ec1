//! The JSON export, schema 1: one planned pair, or a fleet. Shared by the command line and the
//! page; documented in the README ("JSON schema").
//!
//! Written by hand rather than with serde: the format is write-only (nothing reads it back
//! here), a fleet is written pair by pair as it streams, and the page can export it without
//! serde and serde_json in its wasm (tens of KB of its size budget). Keys come in a fixed order
//! and every key is always present (`null` or `[]` when empty), so the output of the same
//! input is byte-identical (the golden file in `tests/fixtures/` holds it).
//!
//! A fleet document is one JSON object spread over lines, a pair per line, so that a fleet of
//! any size is written as it is planned:
//!
//! ```text
//! {"schema":1,"kind":"fleet","pairs":[
//! {"line":2,"name":"edge-1",…},
//! {"line":3,"name":"edge-2",…}
//! ],
//! "errors":[…],
//! "groups":[…],
//! "images":[…],
//! "counts":{…}}
//! ```

use super::pair::mark_kind;
use super::{InputError, PairPlan, PairWarning, Summary, MEMO_LIMIT};
use crate::domain::caveats::Caveat;
use crate::domain::runbook::Unit;
use crate::domain::session::HopWarning;
use std::collections::HashMap;
use std::fmt::Write;

/// The schema version written as `"schema"`.
pub const SCHEMA: u32 = 1;

/// One pair as a document: `{"schema":1,"kind":"pair",…the pair's keys…}` and a line break.
pub fn pair_document(pair: &PairPlan) -> String {
    let mut out = format!("{{\"schema\":{SCHEMA},\"kind\":\"pair\",");
    identity(&mut out, pair);
    request(&mut out, pair);
    out.push_str("}\n");
    out
}

/// Writes a fleet document in three parts: [`FleetJson::start`], a [`FleetJson::pair`] per
/// planned pair as it comes, [`FleetJson::end`] with what was gathered.
///
/// Pairs with the same share link are the same request and differ only in line and name, so
/// the rest of their JSON is written once and copied (a fleet repeats a few paths; this halves
/// the time of 100,000 pairs). Bounded like [`super::Fleet`]'s memo.
#[derive(Default)]
pub struct FleetJson {
    pairs: u64,
    /// Share link → the request's keys as written (the link carries every setting).
    requests: HashMap<String, String>,
    /// The planner page's address, when the groups' share links are to be absolute, as the
    /// pairs' are (`--link-base`).
    base: Option<String>,
}

impl FleetJson {
    pub fn start(out: &mut String) -> FleetJson {
        let _ = write!(out, "{{\"schema\":{SCHEMA},\"kind\":\"fleet\",\"pairs\":[");
        FleetJson::default()
    }

    /// Makes the groups' share links absolute on the page at `base` (the caller does the
    /// pairs', which it writes).
    pub fn link_base(mut self, base: Option<&str>) -> FleetJson {
        self.base = base.map(str::to_owned);
        self
    }

    pub fn pair(&mut self, out: &mut String, pair: &PairPlan) {
        out.push_str(if self.pairs == 0 { "\n{" } else { ",\n{" });
        identity(out, pair);
        match self.requests.get(pair.share.as_str()) {
            Some(text) => out.push_str(text),
            None => {
                let mut text = String::new();
                request(&mut text, pair);
                out.push_str(&text);
                if self.requests.len() >= MEMO_LIMIT {
                    self.requests.clear();
                }
                self.requests.insert(pair.share.clone(), text);
            }
        }
        out.push('}');
        self.pairs += 1;
    }

    /// The bad lines, then the groups, images and counts of `summary`.
    pub fn end(self, out: &mut String, errors: &[InputError], summary: &Summary) {
        out.push_str("\n],\n\"errors\":[");
        list(out, errors, error);
        // Each group's names are escaped once: the images repeat them, a group per release
        // it lands on.
        let names: Vec<String> = summary
            .groups()
            .iter()
            .map(|g| {
                let mut names = String::new();
                list(&mut names, &g.pairs, |out, name| string(out, name));
                names
            })
            .collect();
        out.push_str("],\n\"groups\":[");
        list(
            out,
            summary.groups().iter().zip(&names),
            |out, (g, names)| {
                out.push_str("{\"path\":");
                releases(out, &g.path);
                let _ = write!(out, ",\"mode\":\"{}\",\"other_unit\":", g.mode.as_str());
                optional(out, g.other_unit.as_deref());
                let _ = write!(out, ",\"platform\":");
                optional(out, g.platform.map(|p| p.as_str()));
                let _ = write!(out, ",\"hops\":{},\"share\":", g.hops());
                match &self.base {
                    Some(base) => string(out, &crate::domain::query::absolute_link(base, &g.share)),
                    None => string(out, &g.share),
                }
                let _ = write!(out, ",\"pairs\":[{names}]}}");
            },
        );
        out.push_str("],\n\"images\":[");
        list(out, summary.image_groups(), |out, (release, groups)| {
            let _ = write!(out, "{{\"release\":\"{release}\",\"files\":");
            strings(
                out,
                summary.files(release, groups).iter().map(String::as_str),
            );
            out.push_str(",\"pairs\":[");
            let written = groups.iter().filter_map(|&g| names.get(g));
            list(out, written, |out, names| out.push_str(names));
            out.push_str("]}");
        });
        let t = &summary.tally;
        let _ = writeln!(
            out,
            "],\n\"counts\":{{\"pairs\":{},\"ok\":{},\"same\":{},\"downgrade\":{},\
             \"no-path\":{},\"bad-lines\":{},\"not-zero-downtime\":{}}}}}",
            t.pairs(),
            t.ok,
            t.same,
            t.downgrade,
            t.no_path,
            t.bad_lines,
            // Of the `ok` pairs, those Cisco later said are not zero-downtime (added later).
            t.not_zero_downtime
        );
    }
}

/// The pair's first keys, `line` and `name`, and a comma.
fn identity(out: &mut String, p: &PairPlan) {
    out.push_str("\"line\":");
    number(out, p.line);
    out.push_str(",\"name\":");
    optional(out, p.name.as_deref());
    out.push(',');
}

/// The pair's other keys (what was asked and the plan), in schema order, without braces.
fn request(out: &mut String, p: &PairPlan) {
    out.push_str("\"units\":");
    strings(out, p.units.iter().map(String::as_str));
    out.push_str(",\"target\":");
    string(out, &p.target);
    let _ = write!(
        out,
        ",\"mode\":\"{}\",\"preset\":\"{}\",\"platform\":{},\"rules\":\"{}\",\"verdict\":\"{}\",\"hops\":[",
        p.mode.as_str(),
        p.preset,
        p.platform
            .map_or_else(|| "null".to_owned(), |p| format!("\"{p}\"")),
        p.rules,
        p.verdict.as_str()
    );
    for (i, h) in p.hops.iter().enumerate() {
        let comma = if i > 0 { "," } else { "" };
        let _ = write!(
            out,
            "{comma}{{\"from\":\"{}\",\"to\":\"{}\",\"rule\":\"{}\",\"caveats\":[",
            h.from,
            h.to,
            h.rule.as_str()
        );
        list(out, &h.caveats, |out, c| caveat(out, c));
        out.push_str("],\"warnings\":[");
        list(out, &h.warnings, hop_warning);
        // Additive: the marks of the release landed on, as warnings like the others.
        if !h.warnings.is_empty() && !h.marks.is_empty() {
            out.push(',');
        }
        list(out, &h.marks, |out, (mark, release)| {
            let _ = write!(
                out,
                "{{\"kind\":\"{}\",\"release\":\"{release}\"}}",
                mark_kind(*mark)
            );
        });
        // Additive: the units the hop reloads, each from its release.
        out.push_str("],\"reloads\":[");
        list(out, &h.reloads, |out, u| {
            let _ = write!(
                out,
                "{{\"unit\":\"{}\",\"from\":\"{}\"}}",
                unit(u.unit),
                u.from
            );
        });
        out.push_str("]}");
    }
    out.push_str("],\"path\":");
    releases(out, &p.path().collect::<Vec<_>>());
    out.push_str(",\"share\":");
    string(out, &p.share);
    out.push_str(",\"errors\":[");
    list(out, &p.errors, error);
    // Additive keys of schema 1 (issue #20): the other rule set's answer, caveats, warnings.
    let _ = write!(
        out,
        "],\"other_rules\":\"{}\",\"other_rules_hops\":",
        p.other_rules
    );
    number(out, p.other_rules_hops.map(|n| n as u64));
    // Added after `other_rules_hops`: its hops are legal by Table 81-1, yet Cisco later said
    // one is not zero-downtime (these bugs), so the count is no zero-downtime alternative.
    out.push_str(",\"other_rules_not_zero_downtime\":");
    strings(out, p.other_rules_not_zero_downtime.iter().copied());
    // The plan's caveats by reference (each is written whole in its hops).
    out.push_str(",\"caveats\":[");
    list(out, &p.caveats, |out, c| {
        let _ = write!(
            out,
            "{{\"release\":\"{}\",\"id\":\"{}\",\"kind\":\"{}\",\"blocking\":{}}}",
            c.release,
            c.id,
            c.kind.as_str(),
            c.blocking()
        );
    });
    out.push_str("],\"warnings\":[");
    list(out, &p.warnings, pair_warning);
    out.push(']');
}

/// A caveat: `{"release","id","kind","blocking","text","before","commands","source",
/// "confidence"}`.
fn caveat(out: &mut String, c: &Caveat) {
    let _ = write!(
        out,
        "{{\"release\":\"{}\",\"id\":\"{}\",\"kind\":\"{}\",\"blocking\":{},\"text\":",
        c.release,
        c.id,
        c.kind.as_str(),
        c.blocking()
    );
    string(out, c.text);
    out.push_str(",\"before\":");
    string(out, c.before);
    out.push_str(",\"commands\":");
    strings(out, c.commands.iter().copied());
    out.push_str(",\"source\":");
    string(out, c.source.url);
    let _ = write!(out, ",\"confidence\":\"{}\"}}", c.confidence.letter());
}

/// A hop's warning: `{"kind", …its facts}`.
fn hop_warning(out: &mut String, w: &HopWarning) {
    let _ = write!(out, "{{\"kind\":\"{}\"", w.kind());
    match w {
        HopWarning::TrainsOff(trains) => {
            out.push_str(",\"trains\":");
            let trains: Vec<String> = trains.iter().map(|t| t.to_string()).collect();
            strings(out, trains.iter().map(String::as_str));
        }
        HopWarning::PresetLeavesOut(exclusions) => {
            out.push_str(",\"trains\":");
            let trains: Vec<String> = exclusions.iter().map(|e| e.train.to_string()).collect();
            strings(out, trains.iter().map(String::as_str));
            // Additive: why each train is left out, its source and whether it is assumed.
            out.push_str(",\"exclusions\":[");
            list(out, exclusions, |out, e| {
                let _ = write!(out, "{{\"train\":\"{}\",\"reason\":", e.train);
                string(out, e.reason);
                out.push_str(",\"source\":");
                string(out, e.source.url);
                let _ = write!(out, ",\"assumed\":{}}}", e.assumed);
            });
            out.push(']');
        }
        HopWarning::CheckPlanningPage => {
            out.push_str(",\"source\":");
            string(out, crate::domain::sources::UPGRADE_PLANNING.url);
        }
        HopWarning::AvoidsPathTableStop { stop } => {
            let _ = write!(out, ",\"stop\":\"{stop}\",\"source\":");
            string(out, crate::domain::sources::PATH_TABLE_91.url);
        }
    }
    out.push('}');
}

/// A pair's warning: `{"kind", …its facts}`.
fn pair_warning(out: &mut String, w: &PairWarning) {
    let _ = write!(out, "{{\"kind\":\"{}\"", w.kind());
    match w {
        PairWarning::NotZeroDowntime { hops, bugs } => {
            out.push_str(",\"hops\":[");
            list(out, hops, |out, n| {
                let _ = write!(out, "{n}");
            });
            out.push_str("],\"bugs\":");
            strings(out, bugs.iter().copied());
        }
        PairWarning::NoPath { reason } => {
            out.push_str(",\"reason\":");
            string(out, reason);
        }
        PairWarning::OutagePlan { path, then_holds } => {
            out.push_str(",\"path\":");
            releases(out, path);
            let _ = write!(out, ",\"then_holds\":{then_holds}");
        }
        PairWarning::TrainsOff(trains) => {
            out.push_str(",\"trains\":");
            let trains: Vec<String> = trains.iter().map(|t| t.to_string()).collect();
            strings(out, trains.iter().map(String::as_str));
        }
        PairWarning::FarApart { apart } => {
            let _ = write!(out, ",\"hops\":{apart}");
        }
        PairWarning::Mark { field, release, .. } => {
            let _ = write!(out, ",\"field\":\"{field}\",\"release\":\"{release}\"");
        }
        PairWarning::PlatformLimit {
            field,
            release,
            reason,
            source,
            assumed,
            confidence,
        } => {
            let _ = write!(
                out,
                ",\"field\":\"{field}\",\"release\":\"{release}\",\"reason\":"
            );
            string(out, reason);
            // Additive: the fact's source and how sure it is.
            out.push_str(",\"source\":");
            string(out, source);
            let _ = write!(out, ",\"assumed\":{assumed},\"confidence\":");
            optional(out, *confidence);
        }
        PairWarning::NoSingleBox { old, new, reason } => {
            let _ = write!(out, ",\"old\":\"{old}\",\"new\":\"{new}\",\"reason\":");
            string(out, reason);
            out.push_str(",\"source\":");
            string(out, crate::domain::platform::ASA_COMPATIBILITY.url);
            out.push_str(",\"assumed\":true");
        }
        PairWarning::ModeNotOnModel { reason, sources } => {
            out.push_str(",\"reason\":");
            string(out, reason);
            out.push_str(",\"sources\":[");
            for (i, url) in sources.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, url);
            }
            out.push(']');
        }
        PairWarning::Procedure { notice, reason } => {
            let _ = write!(out, ",\"procedure\":\"{}\",\"reason\":", notice.as_str());
            string(out, reason);
            let _ = write!(
                out,
                ",\"runbook\":{},\"sources\":",
                notice.cli_runbook_applies()
            );
            strings(out, notice.sources().iter().map(|s| s.url));
        }
        PairWarning::Downgrade { unit: u, release } => {
            out.push_str(",\"unit\":");
            optional(out, u.map(unit));
            let _ = write!(out, ",\"release\":\"{release}\"");
        }
        PairWarning::Parity {
            older,
            newer,
            same_train,
        } => {
            let _ = write!(
                out,
                ",\"older\":\"{older}\",\"newer\":\"{newer}\",\"same_train\":{same_train}"
            );
        }
        PairWarning::WhatIf { preset, trains } => {
            let _ = write!(out, ",\"preset\":\"{preset}\",\"trains\":");
            let trains: Vec<String> = trains.iter().map(|t| t.to_string()).collect();
            strings(out, trains.iter().map(String::as_str));
        }
        PairWarning::NewerUnit { unit: u, on, joins } => {
            let _ = write!(out, ",\"unit\":\"{}\",\"on\":\"{on}\",\"joins\":", unit(*u));
            number(out, joins.map(|n| n as u64));
        }
        PairWarning::ImageName {
            field,
            release,
            name,
            reads_as,
            doubt,
            reason,
        } => {
            let _ = write!(out, ",\"field\":\"{field}\",\"release\":");
            string(out, release);
            out.push_str(",\"name\":");
            string(out, name);
            out.push_str(",\"reads_as\":");
            optional(out, reads_as.map(|r| r.to_string()).as_deref());
            let _ = write!(out, ",\"doubt\":\"{doubt}\"");
            out.push_str(",\"reason\":");
            string(out, reason);
        }
    }
    out.push('}');
}

/// A unit as the JSON names it.
fn unit(unit: Unit) -> &'static str {
    match unit {
        Unit::Primary => "primary",
        Unit::Secondary => "secondary",
    }
}

fn error(out: &mut String, e: &InputError) {
    out.push_str("{\"line\":");
    number(out, e.line);
    let _ = write!(out, ",\"field\":\"{}\",\"message\":", e.field);
    string(out, &e.message);
    out.push('}');
}

/// Items separated by commas.
fn list<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut String, T),
) {
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, x);
    }
}

fn releases(out: &mut String, releases: &[crate::domain::release::Release]) {
    out.push('[');
    list(out, releases, |out, r| {
        let _ = write!(out, "\"{r}\"");
    });
    out.push(']');
}

fn strings<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    out.push('[');
    list(out, items, string);
    out.push(']');
}

fn number(out: &mut String, n: Option<u64>) {
    match n {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

fn optional(out: &mut String, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.push_str("null"),
    }
}

/// A JSON string: quotes, backslashes and control characters escaped (RFC 8259 §7); everything
/// else, non-ASCII included, as it is (the document is UTF-8).
fn string(out: &mut String, text: &str) {
    out.push('"');
    if !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(text);
        out.push('"');
        return;
    }
    // Runs of bytes that need no escape are copied whole; the bytes escaped are all ASCII, so
    // every cut falls on a character boundary.
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            b if b < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out.push('"');
}
