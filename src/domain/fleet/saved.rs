//! The page's fleet between visits: the box's text and the fleet-wide settings, kept in local
//! storage under its own key (a fleet is too long for a link, and SPEC §13 keeps it out of the
//! URL). Decoded strictly, like the single-pair state ([`crate::domain::stored`], whose
//! envelope it shares): anything else is an error value, never a panic.
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
use crate::domain::stored::{Entry, Format, Kind, StoredError, Writer};

/// The first line of the current format.
pub const HEADER: &str = "asa-planner-fleet v1";

const FORMAT: Format = Format {
    header: HEADER,
    kind: Kind::Fleet,
    keys: &["target", "rules", "preset", "platform", "csv"],
    lists: 0,
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

/// A saved fleet that did not read whole: the first thing wrong, and whether anything of it
/// was kept.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PartlyRead {
    pub error: StoredError,
    pub kept: bool,
}

/// Reads what can be read of a saved fleet: [`decode`]'s fleet when the text reads whole;
/// otherwise every `key=value` line of the current format that reads (a line that does not,
/// a repeated key or text after `end` is passed over) and the first error. A text longer than
/// the saved texts' limit is read too: the fleet is what the person typed. Nothing of a text
/// of another format or version is kept.
pub fn decode_partly(text: &str) -> (SavedFleet, Option<PartlyRead>) {
    let error = match decode(text) {
        Ok(saved) => return (saved, None),
        Err(error) => error,
    };
    let mut saved = SavedFleet::default();
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut kept = false;
    if lines.next() == Some(HEADER) {
        let mut seen = [false; 5];
        for (i, line) in lines.enumerate() {
            if line == "end" {
                break;
            }
            let Some((key, raw)) = line.split_once('=') else {
                continue;
            };
            let Some(index) = FORMAT.keys.iter().position(|k| *k == key) else {
                continue;
            };
            if seen[index] {
                continue;
            }
            let entry = Entry {
                number: i + 2,
                key: index,
                raw,
            };
            if let Ok(value) = entry.value() {
                seen[index] = true;
                kept = true;
                *slot(&mut saved, index) = value;
            }
        }
    }
    (saved, Some(PartlyRead { error, kept }))
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
