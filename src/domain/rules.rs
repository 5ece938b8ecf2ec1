//! The zero-downtime rules (SPEC §3, seed Table 81-1): one function decides a hop and says why.
//!
//! The rules run on the *active* catalog (preset or custom list, trains switched off removed):
//! which train is "the next minor" or "the last minor of 8.x" depends on what is in it. In
//! version order, the train a legal hop may land on is always the next train present: the next
//! minor of the same major, or, from the last minor, the first train of the next major.

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
    NotLastMinor {
        from: Train,
        last: Train,
    },
    /// The hop crosses a major but does not land on the first train of the next major present.
    NotFirstOfNextMajor {
        to: Train,
        first: Train,
    },
}

/// At most this many skipped trains are named in a reason; the rest are counted.
const NAMED_SKIPS: usize = 8;

impl fmt::Display for Block {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Block::Same => f.write_str("same release: nothing to upgrade"),
            Block::Downgrade => {
                f.write_str("downgrade: there is no zero-downtime path to an earlier release")
            }
            Block::UnknownTrain(t) => write!(f, "train {t} is not in the active catalog"),
            Block::SkipsMinor(skipped) => {
                let plural = if skipped.len() == 1 { "" } else { "s" };
                write!(f, "skips minor release{plural} ")?;
                for (i, t) in skipped.iter().take(NAMED_SKIPS).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{t}")?;
                }
                if skipped.len() > NAMED_SKIPS {
                    write!(f, " and {} more", skipped.len() - NAMED_SKIPS)?;
                }
                Ok(())
            }
            Block::NotLastMinor { from, last } => write!(
                f,
                "{from} is not the last minor release of {}.x ({last} is)",
                from.major
            ),
            Block::NotFirstOfNextMajor { to, first } if to.major == first.major => write!(
                f,
                "{to} is not the first minor release of {}.x ({first} is)",
                to.major
            ),
            Block::NotFirstOfNextMajor { first, .. } => {
                write!(
                    f,
                    "skips major release {}.x (its first train is {first})",
                    first.major
                )
            }
        }
    }
}

/// Judges the direct hop `a → b` in `catalog`: the rule that allows it, or why not.
///
/// In this order: `a = b` is [`Block::Same`]; `b < a` is [`Block::Downgrade`]; a train absent
/// from the catalog is [`Block::UnknownTrain`] (`a` and `b` themselves need not be listed: a
/// release of a known train counts as if listed); then the same train is a maintenance hop, the
/// same major a minor hop when no train of the catalog lies between, and a new major a major hop
/// from the last minor of `a`'s major to the first train of the next major present.
///
/// O(log T) for T trains; allocates only for [`Block::SkipsMinor`].
///
/// ```
/// use asa_planner::domain::{catalog::Catalog, rules::{judge, Rule}};
/// let catalog = Catalog::builtin();
/// let r = |s: &str| s.parse().unwrap();
/// assert_eq!(judge(&catalog, r("7.0(1)"), r("7.0(4)")), Ok(Rule::Maintenance));
/// let blocked = judge(&catalog, r("7.0(1)"), r("7.2(1)")).unwrap_err();
/// assert_eq!(blocked.to_string(), "skips minor release 7.1");
/// ```
pub fn judge(catalog: &Catalog, a: Release, b: Release) -> Result<Rule, Block> {
    if a == b {
        return Err(Block::Same);
    }
    if b < a {
        return Err(Block::Downgrade);
    }
    let (from, to) = (a.train(), b.train());
    let i = catalog.train_index(from).ok_or(Block::UnknownTrain(from))?;
    let j = catalog.train_index(to).ok_or(Block::UnknownTrain(to))?;
    judge_trains(catalog, i, j)
}

/// [`judge`] of a forward hop between the trains at positions `i <= j` of
/// [`Catalog::trains`] (the planner has them already: no search).
pub(crate) fn judge_trains(catalog: &Catalog, i: usize, j: usize) -> Result<Rule, Block> {
    let trains = catalog.trains();
    let (Some(&from), Some(&to)) = (trains.get(i), trains.get(j)) else {
        return Err(Block::Downgrade);
    };
    if i >= j {
        return if i == j {
            Ok(Rule::Maintenance)
        } else {
            Err(Block::Downgrade)
        };
    }
    if from.major == to.major {
        return if j == i + 1 {
            Ok(Rule::Minor)
        } else {
            Err(Block::SkipsMinor(trains[i + 1..j].to_vec()))
        };
    }
    // `from` is present, so its major has a last minor; `to` is later, so a successor exists.
    let last = catalog.last_minor(from.major).unwrap_or(from);
    if last != from {
        return Err(Block::NotLastMinor { from, last });
    }
    let first = trains.get(i + 1).copied().unwrap_or(to);
    if first != to {
        return Err(Block::NotFirstOfNextMajor { to, first });
    }
    Ok(Rule::Major)
}
