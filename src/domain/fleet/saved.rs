//! The page's fleet between visits: the box's text and the fleet-wide settings, kept in local
//! storage under its own key (a fleet is too long for a link, and SPEC §13 keeps it out of the
//! URL). [`decode`] is strict; [`read`], which the page uses, keeps what reads, like the
//! single-pair state ([`crate::domain::stored`], whose envelope it shares): never a panic.
//!
//! # Format (version 1)
//!
//! ```text
//! asa-planner-fleet v1
//! target=9.12(4)
//! rules=table-81-1
//! preset=asa5500
//! platform=asa5525x
//! csv=name%2Cunit1%0Aedge-1%2C8.2(5)
//! end
//! ```
//!
//! Values are percent-encoded; every key is optional and may appear once. The rule set is kept
//! as typed by the page (`table-81-1` or `guide-9x`); a value the page does not know falls back
//! to its default when read into a [`PlanQuery`].

use crate::domain::query::PlanQuery;
use crate::domain::rules::RuleSet;
use crate::domain::stored::{Format, Kind, Loose, StoredError, Unread, Writer, MAX_STORED};

/// The first line of the current format.
pub const HEADER: &str = "asa-planner-fleet v1";

const FORMAT: Format = Format {
    header: HEADER,
    kind: Kind::Fleet,
    keys: &["target", "rules", "preset", "platform", "csv"],
    lists: 0,
    max: MAX_STORED,
};

/// What the fleet view keeps: the box as typed and the fleet-wide settings.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SavedFleet {
    /// The fleet-wide target as typed.
    pub target: String,
    /// The rule set's value (`table-81-1`, `guide-9x`).
    pub rules: String,
    /// The fleet-wide preset id, empty for none.
    pub preset: String,
    /// The fleet-wide hardware model id, empty for none.
    pub platform: String,
    /// The CSV box, exactly as typed.
    pub csv: String,
}

impl SavedFleet {
    /// The fleet-wide defaults these settings give [`super::Fleet::new`]: an unknown rule set
    /// is the default one (the page offers only the two), an unknown model none (the page
    /// offers only the ids).
    pub fn defaults(&self) -> PlanQuery {
        PlanQuery {
            to: self.target.trim().to_string(),
            rules: RuleSet::from_value(&self.rules).unwrap_or_default(),
            preset: Some(self.preset.trim().to_string()).filter(|p| !p.is_empty()),
            platform: self.platform.parse().ok(),
            ..PlanQuery::default()
        }
    }
}

/// Encodes `saved` as text; [`decode`] reads it back exactly.
pub fn encode(saved: &SavedFleet) -> String {
    let mut out = Writer::start(HEADER);
    out.line("target", &saved.target);
    out.line("rules", &saved.rules);
    out.line("preset", &saved.preset);
    // Written only when chosen, so a fleet saved without a model reads as before.
    if !saved.platform.is_empty() {
        out.line("platform", &saved.platform);
    }
    out.line("csv", &saved.csv);
    out.end()
}

/// Decodes text written by [`encode`]; anything else is an error saying what was wrong
/// (`not a saved fleet`, `line 3: unknown key 'x'`).
pub fn decode(text: &str) -> Result<SavedFleet, StoredError> {
    let mut saved = SavedFleet::default();
    FORMAT.read(text, |entry| {
        *slot(&mut saved, entry.key) = entry.value()?;
        Ok(())
    })?;
    Ok(saved)
}

/// What [`read`] made of a saved fleet: every line that read, and what it left (the view says
/// it: `view::words::fleet::saved_read`).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Read {
    pub saved: SavedFleet,
    /// The lines dropped (a line that is not `key=value`, an unknown or repeated key, text after
    /// `end`), and [`Unread::Truncated`] when the `end` line is missing.
    pub dropped: Vec<Unread>,
    /// The header, when a newer version wrote the record (cut to 30 characters): this version
    /// read the keys it knows, and the page must not save over the record.
    pub newer: Option<String>,
    /// The lines kept whose value had a bad escape, read with the escape as its own characters
    /// (`stored::decode_lenient`).
    pub loose: Vec<Loose>,
}

impl Read {
    /// Whether the record read whole: nothing dropped, nothing kept loosely, this version's.
    pub fn whole(&self) -> bool {
        self.dropped.is_empty() && self.newer.is_none() && self.loose.is_empty()
    }
}

/// Reads what can be read of a saved fleet, as the single-pair page reads its state
/// (`stored::read`): every line of a known key, a value with a bad escape kept with the
/// escape as its own characters, a record of a newer version read as far as this version knows
/// it. A text longer than the saved texts' limit is read too: the fleet is what the person
/// typed. An error only for text that is not a saved fleet at all.
pub fn read(text: &str) -> Result<Read, StoredError> {
    let mut out = Read::default();
    let saved = &mut out.saved;
    let loose = &mut out.loose;
    // The limit is for the single-pair state: a fleet of thousands of pairs is longer.
    let format = Format {
        max: usize::MAX,
        ..FORMAT
    };
    let (newer, dropped) = format.read_lenient(text, |entry| {
        *slot(saved, entry.key) = entry.keep(entry.raw, loose);
        Ok(())
    })?;
    out.newer = newer;
    out.dropped = dropped;
    Ok(out)
}

/// The field of `saved` for the key at `index` of the format's keys.
fn slot(saved: &mut SavedFleet, index: usize) -> &mut String {
    match index {
        0 => &mut saved.target,
        1 => &mut saved.rules,
        2 => &mut saved.preset,
        3 => &mut saved.platform,
        _ => &mut saved.csv,
    }
}
