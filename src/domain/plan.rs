//! Plans (SPEC §4): the shortest chain of legal hops between two releases.
//!
//! TODO(domain-core): implement.

use super::catalog::Catalog;
use super::release::Release;
use super::rules::{Block, Rule};

/// The outcome of a request (the `data-verdict` hook value).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    Ok,
    Same,
    Downgrade,
    Invalid,
    NoPath,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Same => "same",
            Verdict::Downgrade => "downgrade",
            Verdict::Invalid => "invalid",
            Verdict::NoPath => "no-path",
        }
    }
}

/// How the release a hop lands on was chosen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pick {
    /// The target the person asked for (last hop).
    Target,
    /// The catalog's recommendation for an intermediate train.
    Recommended,
    /// An intermediate the person chose (`via`).
    Override,
}

/// Something a person must know about one hop.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum HopNote {
    /// The hop migrates configuration (8.2 → 8.3): still zero-downtime.
    ConfigMigration,
    /// The release landed on is not in the catalog (its train is): planned as if listed.
    NotInCatalog(Release),
    /// The release landed on was withdrawn by Cisco.
    Withdrawn(Release),
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Hop {
    pub from: Release,
    pub to: Release,
    pub rule: Rule,
    pub pick: Pick,
    pub notes: Vec<HopNote>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Plan {
    pub verdict: Verdict,
    /// Empty unless the verdict is `Ok`.
    pub hops: Vec<Hop>,
    /// The direct hop the person asked for, judged (shown with its reason when blocked).
    pub direct: Result<Rule, Block>,
    /// `via` entries that were not used, with why (e.g. their train is not on the path).
    pub unused_via: Vec<(Release, String)>,
}

/// Plans `from → to` in `catalog`.
///
/// Semantics: the fewest hops such that each is legal under [`super::rules::judge`]; each
/// intermediate release is the `via` release of its train if one is given, else
/// [`Catalog::recommended`]. Releases not in the catalog whose train is plan as if listed.
///
/// Complexity: O(T + V log V) for T trains in the catalog and V via entries.
pub fn plan(catalog: &Catalog, from: Release, to: Release, via: &[Release]) -> Plan {
    todo!()
}
