//! The zero-downtime rules (SPEC §3, seed Table 81-1): one function decides a hop and says why.
//!
//! TODO(domain-core): implement.

use super::catalog::Catalog;
use super::release::{Release, Train};
use std::fmt;

/// The rule that allows a hop.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rule {
    Maintenance,
    Minor,
    Major,
}

impl Rule {
    /// `maintenance` | `minor` | `major` (the `data-rule` hook value).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Maintenance => "maintenance",
            Rule::Minor => "minor",
            Rule::Major => "major",
        }
    }
}

/// Why a direct hop is not a zero-downtime upgrade. `Display` is the text a person reads.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Block {
    Same,
    Downgrade,
    /// A train of the hop is not in the active catalog.
    UnknownTrain(Train),
    /// "skips minor release 7.1" (or "skips minor releases 8.3, 8.4").
    SkipsMinor(Vec<Train>),
    /// "8.2 is not the last minor release of 8.x (8.4 is)".
    NotLastMinor { from: Train, last: Train },
    /// The hop crosses a major but does not land on the first train of the next major present.
    NotFirstOfNextMajor { to: Train, first: Train },
}

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

/// Judges the direct hop `a → b` in `catalog`: the rule that allows it, or why not.
pub fn judge(catalog: &Catalog, a: Release, b: Release) -> Result<Rule, Block> {
    todo!()
}
