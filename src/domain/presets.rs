//! Platform presets: which trains a platform runs, each exclusion citing its fact.
//!
//! TODO(domain-core): implement.

use super::release::Train;

/// A train left out by a preset and why (citing `asa-facts.md`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Exclusion {
    pub train: Train,
    pub reason: &'static str,
}

/// A named set of trains: every train of the catalog except the excluded ones.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Preset {
    /// URL value, e.g. `asa5500`.
    pub id: &'static str,
    pub label: &'static str,
    pub excluded: &'static [Exclusion],
}

/// All presets; the first is the default (ASA 5500 series: 8.4 is the last minor of 8.x).
pub const PRESETS: &[Preset] = &[];

pub fn default_preset() -> &'static Preset {
    todo!()
}

pub fn find(id: &str) -> Option<&'static Preset> {
    todo!()
}
