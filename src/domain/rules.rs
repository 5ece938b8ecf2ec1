//! The zero-downtime rules (SPEC §3): two rule sets, one judge each, deciding a hop and saying
//! why.
//!
//! [`RuleSet::Table811`] is the seed's Table 81-1 of the 8.x configuration guide, every hop:
//! [`judge`]. It runs on the *active* catalog (preset or custom list, trains switched off
//! removed): which train is "the next minor" or "the last minor of 8.x" depends on what is in
//! it. In version order, the train a legal hop may land on is always the next train present:
//! the next minor of the same major, or, from the last minor, the first train of the next major.
//!
//! [`RuleSet::Guide9x`] (the default) is Cisco's guidance by release era: [`judge_guide`]. A hop
//! landing on 7.x or 8.x follows Table 81-1; a hop landing on 9.0 or later is a
//! [`Rule::Direct`] upgrade; either way the hops of the [`EXCEPTIONS`] table are blocked, each
//! with its reason, the bug or document it comes from, its source link and a confidence level.

use super::catalog::Catalog;
use super::release::{Release, Train};
use super::sources::{
    Confidence, Source, GUIDE_8X, GUIDE_92_UPGRADE, MIGRATION_83, NEW_FEATURES_924, PATH_TABLE_91,
    UPGRADE_PLANNING,
};
use std::fmt;

/// The rule that allows a hop.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rule {
    Maintenance,
    Minor,
    Major,
    /// Any forward hop that no exception blocks ([`RuleSet::Guide9x`]).
    Direct,
}

impl Rule {
    /// `maintenance` | `minor` | `major` | `direct` (the `data-rule` hook value).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Maintenance => "maintenance",
            Rule::Minor => "minor",
            Rule::Major => "major",
            Rule::Direct => "direct",
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
    /// One of Cisco's 9.x exceptions ([`EXCEPTIONS`]) blocks the hop `from → to`; `Display` is
    /// the exception's reason with the releases put in.
    Exception {
        exception: &'static Exception,
        from: Release,
        to: Release,
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
            Block::Exception {
                exception,
                from,
                to,
            } => exception.write_reason(f, *from, *to),
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
    let (i, j) = forward_trains(catalog, a, b)?;
    judge_trains(catalog, i, j)
}

/// What both rule sets decide first (SPEC §3.1, §3.2 item 6): `a = b` is [`Block::Same`],
/// `b < a` is [`Block::Downgrade`], a train absent from the catalog is [`Block::UnknownTrain`];
/// otherwise the positions of both trains in [`Catalog::trains`].
pub(crate) fn forward_trains(
    catalog: &Catalog,
    a: Release,
    b: Release,
) -> Result<(usize, usize), Block> {
    if a == b {
        return Err(Block::Same);
    }
    if b < a {
        return Err(Block::Downgrade);
    }
    let (from, to) = (a.train(), b.train());
    let i = catalog.train_index(from).ok_or(Block::UnknownTrain(from))?;
    let j = catalog.train_index(to).ok_or(Block::UnknownTrain(to))?;
    Ok((i, j))
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

/// The rule set a plan follows (SPEC §3; `rules=` in the share URL).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum RuleSet {
    /// The seed's Table 81-1 (SPEC §3.1) applied to every hop: maintenance, minor and major
    /// hops.
    Table811,
    /// Cisco's guidance by release era (SPEC §3.2), the default: Table 81-1 for hops landing on
    /// 7.x or 8.x, any forward hop for hops landing on 9.x, and the [`EXCEPTIONS`] either way.
    #[default]
    Guide9x,
}

impl RuleSet {
    /// Both rule sets, the default first.
    pub const ALL: [RuleSet; 2] = [RuleSet::Guide9x, RuleSet::Table811];

    /// URL value and hook value (`data-rules`): `table-81-1` | `guide-9x`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleSet::Table811 => "table-81-1",
            RuleSet::Guide9x => "guide-9x",
        }
    }

    /// Reads a URL value (ASCII case and surrounding blanks ignored); `None` if it is neither.
    pub fn from_value(value: &str) -> Option<RuleSet> {
        let value = value.trim();
        RuleSet::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(value))
    }

    /// What the rule set rests on and what it does not know (SPEC §3.2: said wherever the rule
    /// set is shown, with the links of [`RuleSet::sources`]).
    pub fn basis(self) -> &'static str {
        match self {
            RuleSet::Table811 => TABLE_811_BASIS,
            RuleSet::Guide9x => GUIDE_9X_BASIS,
        }
    }

    /// The documents [`RuleSet::basis`] names, with their links.
    pub fn sources(self) -> &'static [Source] {
        match self {
            RuleSet::Table811 => &[GUIDE_8X, UPGRADE_PLANNING],
            RuleSet::Guide9x => &[
                GUIDE_92_UPGRADE,
                PATH_TABLE_91,
                MIGRATION_83,
                NEW_FEATURES_924,
                UPGRADE_PLANNING,
            ],
        }
    }

    /// The other rule set (the page shows its answer beside the verdict).
    pub fn other(self) -> RuleSet {
        match self {
            RuleSet::Table811 => RuleSet::Guide9x,
            RuleSet::Guide9x => RuleSet::Table811,
        }
    }

    /// Judges the direct hop `a → b` under this rule set: [`judge`] or [`judge_guide`].
    pub fn judge(self, catalog: &Catalog, a: Release, b: Release) -> Result<Rule, Block> {
        match self {
            RuleSet::Table811 => judge(catalog, a, b),
            RuleSet::Guide9x => judge_guide(catalog, a, b),
        }
    }
}

/// [`RuleSet::basis`] of Table 81-1.
const TABLE_811_BASIS: &str = "Table 81-1 of the Cisco ASA 5500 Series Configuration Guide \
    (8.x), chapter 81: a maintenance hop stays in its train, a minor hop goes to the next train, \
    a major hop goes from the last minor release of a major to the first train of the next. Later \
    Cisco guides replaced these rules for 9.x with per-version upgrade paths";

/// [`RuleSet::basis`] of the guidance by release era.
const GUIDE_9X_BASIS: &str = "Cisco's guidance by release era: a hop landing on a 7.x or 8.x \
    release follows Table 81-1 of the 8.x configuration guide (the releases that guide governs); \
    a hop landing on 9.0 or later may go to any later release, except the exceptions Cisco \
    lists: the Upgrade Path note of the ASA 9.2 CLI configuration guide (CSCug88962, \
    CSCuh25271), the ASA 9.1 release notes' upgrade-path table, the ASA 8.3 migration guide and \
    the ASA 9.24 release notes. The 9.x rule rests on notes from 2013 on; it does not know the \
    path table of Cisco's current upgrade guide, which could not be read here and may require \
    interim stops for some releases: check your start release on its planning page";

/// An inclusive range of releases, `lo..=hi` in release order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Span {
    pub lo: Release,
    pub hi: Release,
}

impl Span {
    pub fn contains(self, release: Release) -> bool {
        self.lo <= release && release <= self.hi
    }
}

/// A hop of Cisco's 9.x guidance that is not zero-downtime: which hops, why, and where it is
/// written. One row of [`EXCEPTIONS`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Exception {
    /// Stable id, e.g. `cscug88962`.
    pub id: &'static str,
    /// The bug id or the document the exception comes from, e.g. `CSCug88962`.
    pub basis: &'static str,
    /// The reason as a person reads it; `{from}` and `{to}` stand for the hop's releases.
    pub reason: &'static str,
    /// The document it is read in, with its link.
    pub source: Source,
    pub confidence: Confidence,
    /// What else a person should know about the source (empty when nothing).
    pub note: &'static str,
    /// The releases a blocked hop starts from (any of these spans).
    pub from: &'static [Span],
    /// The releases a blocked hop lands on (any of these spans).
    pub to: &'static [Span],
}

impl Exception {
    /// Whether the exception blocks the hop `a → b` (whatever the catalog).
    pub fn blocks(&self, a: Release, b: Release) -> bool {
        self.from.iter().any(|s| s.contains(a)) && self.to.iter().any(|s| s.contains(b))
    }

    /// [`Exception::reason`] with the hop's releases put in.
    pub fn reason_for(&'static self, from: Release, to: Release) -> String {
        Block::Exception {
            exception: self,
            from,
            to,
        }
        .to_string()
    }

    fn write_reason(&self, f: &mut fmt::Formatter<'_>, from: Release, to: Release) -> fmt::Result {
        let mut rest = self.reason;
        while let Some(i) = rest.find('{') {
            f.write_str(&rest[..i])?;
            let tail = &rest[i..];
            rest = if let Some(after) = tail.strip_prefix("{from}") {
                write!(f, "{from}")?;
                after
            } else if let Some(after) = tail.strip_prefix("{to}") {
                write!(f, "{to}")?;
                after
            } else {
                f.write_str("{")?;
                &tail[1..]
            };
        }
        f.write_str(rest)
    }
}

const fn rel(major: u16, minor: u16, maintenance: u16) -> Release {
    Release::new(major, minor, maintenance, None)
}

/// The newest interim build a maintenance release could have: spans ending here take in the
/// interim builds of `major.minor(maintenance)`.
const fn builds_of(major: u16, minor: u16, maintenance: u16) -> Release {
    Release::new(major, minor, maintenance, Some(u16::MAX))
}

/// The last release a train could have.
const fn end_of_train(major: u16, minor: u16) -> Release {
    Release::new(major, minor, u16::MAX, Some(u16::MAX))
}

const EVERY_RELEASE: Span = Span {
    lo: rel(0, 0, 0),
    hi: end_of_train(u16::MAX, u16::MAX),
};

/// A maintenance release and its interim builds.
const fn with_builds(major: u16, minor: u16, maintenance: u16) -> Span {
    Span {
        lo: rel(major, minor, maintenance),
        hi: builds_of(major, minor, maintenance),
    }
}

/// `release` and everything later.
const fn from_release(release: Release) -> Span {
    Span {
        lo: release,
        hi: EVERY_RELEASE.hi,
    }
}

/// Everything up to the end of the train `major.minor`.
const fn up_to_train(major: u16, minor: u16) -> Span {
    Span {
        lo: EVERY_RELEASE.lo,
        hi: end_of_train(major, minor),
    }
}

/// The reason of both sources of "releases before 8.4 go to 8.4 first".
const BEFORE_8_4: &str =
    "releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration migrations)";

/// The releases CSCug88962 names in its lead, with their interim builds (no source says which
/// builds carry the fix, so all count as affected).
const CSCUG88962_RELEASES: &[Span] = &[
    with_builds(8, 4, 6),
    with_builds(9, 0, 2),
    with_builds(9, 1, 2),
];

/// Cisco's zero-downtime exceptions (SPEC §3.2), in the order they are checked: the first that
/// [`Exception::blocks`] a hop is its reason. They block hops of either era: a hop landing on
/// 7.x or 8.x must also be legal by Table 81-1, a hop landing on 9.x is otherwise
/// [`Rule::Direct`].
///
/// The sources: the ASA 9.2 CLI configuration guide's "Upgrade Path" note ("There are no special
/// requirements for Zero Downtime Upgrades for failover and ASA clustering with the following
/// exceptions"), the Cisco ASA 5500 Migration to Version 8.3, the ASA 9.1 release notes'
/// upgrade-path table (read in a third-party copy) and the ASA 9.24 release notes.
pub static EXCEPTIONS: [Exception; 6] = [
    Exception {
        id: "cscuh25271",
        basis: "CSCuh25271",
        reason: "from {from} Cisco gives no zero-downtime path to 9.1(2) or later (CSCuh25271, \
                 CSCug88962): Cisco says to upgrade to 9.1(2) first, which reloads both units \
                 at once (an outage), then to go on with zero-downtime upgrades",
        source: GUIDE_92_UPGRADE,
        confidence: Confidence::High,
        note: "Cisco: \"To upgrade 9.1(1), you cannot upgrade directly to the 9.1(3) release due \
               to CSCuh25271, so there is no workaround for a Zero Downtime Upgrade; you must \
               upgrade to 9.1(2) before you upgrade to 9.1(3) or later\"; and 9.1(2) itself is \
               not a zero-downtime landing (CSCug88962)",
        from: &[with_builds(9, 1, 1)],
        to: &[from_release(rel(9, 1, 2))],
    },
    Exception {
        id: "cscug88962",
        basis: "CSCug88962",
        // Cisco's alternatives, worded so that they read right from 8.4(5) itself too.
        reason: "no zero-downtime upgrade to {to} (CSCug88962): Cisco names 8.4(5), and 9.0(3) or \
                 later, as the zero-downtime landings instead",
        source: GUIDE_92_UPGRADE,
        confidence: Confidence::High,
        note: CSCUG88962_NOTE,
        from: &[EVERY_RELEASE],
        to: CSCUG88962_RELEASES,
    },
    Exception {
        id: "migration-8.3",
        basis: "Cisco ASA 5500 Migration to Version 8.3",
        reason: BEFORE_8_4,
        source: MIGRATION_83,
        confidence: Confidence::High,
        note: "Cisco: \"we suggest that you upgrade to Version 8.4 first, and then to Version \
               9.0\". Conservative: later path tables may allow 8.2 to 9.0(4) directly \
               (unverified here)",
        from: &[up_to_train(8, 2)],
        to: &[from_release(rel(9, 0, 0))],
    },
    Exception {
        id: "path-table-8.3",
        basis: "ASA 9.1 upgrade path table",
        reason: BEFORE_8_4,
        source: PATH_TABLE_91,
        confidence: Confidence::Medium,
        note: "The table's row for 8.3(x): first upgrade to 8.4(6), then to 9.1(3) or later",
        from: &[Span {
            lo: rel(8, 3, 0),
            hi: end_of_train(8, 3),
        }],
        to: &[from_release(rel(9, 0, 0))],
    },
    Exception {
        id: "path-table-9.1-2",
        basis: "ASA 9.1 upgrade path table",
        reason: "the 9.1 path table does not go from {from} straight to 9.1(3) or later (its \
                 stop, 9.1(2), is not a zero-downtime landing: CSCug88962): go through a later \
                 8.4 or 9.0 release first",
        source: PATH_TABLE_91,
        confidence: Confidence::Medium,
        note: "The table's rows for 8.4(1)–8.4(4), 8.5(1), 8.6(1) and 9.0(1): first upgrade to \
               9.1(2), then to 9.1(3) or later",
        from: &[
            Span {
                lo: rel(8, 4, 1),
                hi: builds_of(8, 4, 4),
            },
            with_builds(8, 5, 1),
            with_builds(8, 6, 1),
            with_builds(9, 0, 1),
        ],
        to: &[from_release(rel(9, 1, 3))],
    },
    Exception {
        id: "one-way-9.24",
        basis: "ASA 9.24 release notes",
        reason: "upgrade to 9.24 first: after 9.24 there is no downgrade and later versions \
                 require it",
        source: NEW_FEATURES_924,
        confidence: Confidence::Low,
        note: "Cisco's words are read verbatim (\"To upgrade to later versions, you must first \
               upgrade to 9.24\"), but they sit in the ASA Virtual bootloader row, so they may \
               apply to ASA Virtual only",
        from: &[up_to_train(9, 23)],
        to: &[from_release(rel(9, 25, 0))],
    },
];

/// Cisco's note on CSCug88962 contradicts itself; said wherever the exception is explained.
pub const CSCUG88962_NOTE: &str = "Cisco's note is inconsistent: its lead names 8.4(6), 9.0(2) \
    and 9.1(2), its body says you cannot perform a Zero Downtime Upgrade to 8.4(6), 9.0(2) or \
    9.1(3). The lead is applied here, interim builds included: it is the reading that fits the \
    rest of the note (9.1(3) is a fixed release that the body's own advice, 9.0(3) or later, \
    includes, and \"from 9.1(1) there is no workaround\" holds only if 9.1(2) is affected). A \
    hop landing on 9.1(3) carries a caveat instead";

/// The first of [`EXCEPTIONS`] that blocks `a → b`, if any (whatever the catalog).
pub fn exception(a: Release, b: Release) -> Option<&'static Exception> {
    EXCEPTIONS.iter().find(|e| e.blocks(a, b))
}

/// Judges the direct hop `a → b` under Cisco's guidance by release era (SPEC §3.2).
///
/// In this order: `a = b` is [`Block::Same`]; `b < a` is [`Block::Downgrade`]; a train absent
/// from the catalog is [`Block::UnknownTrain`] (exactly as [`judge`]); a hop landing on a 7.x or
/// 8.x release must be legal by Table 81-1 ([`judge`]'s rule and reason); then a hop one of the
/// [`EXCEPTIONS`] blocks is [`Block::Exception`] (the first that blocks it); every other hop
/// landing on 9.0 or later is [`Rule::Direct`], within a train or across any number of trains.
///
/// O(log T + S) for T trains and S spans in the exceptions table; allocates only for
/// [`Block::SkipsMinor`].
///
/// ```
/// use asa_planner::domain::{catalog::Catalog, rules::{judge_guide, Rule}};
/// let catalog = Catalog::builtin();
/// let r = |s: &str| s.parse().unwrap();
/// assert_eq!(judge_guide(&catalog, r("9.8(4)"), r("9.20(3)")), Ok(Rule::Direct));
/// assert_eq!(judge_guide(&catalog, r("8.2(5)"), r("8.3(2)")), Ok(Rule::Minor));
/// assert!(judge_guide(&catalog, r("7.0(1)"), r("8.4(7)")).is_err());
/// let blocked = judge_guide(&catalog, r("8.4(2)"), r("9.1(7)")).unwrap_err();
/// assert!(blocked.to_string().starts_with("the 9.1 path table does not go from 8.4(2) straight"));
/// ```
pub fn judge_guide(catalog: &Catalog, a: Release, b: Release) -> Result<Rule, Block> {
    let (i, j) = forward_trains(catalog, a, b)?;
    judge_guide_forward(catalog, (i, j), a, b)
}

/// Where the 9.x guides take over: a hop landing on this release or later is judged by them.
pub const NINE: Release = rel(9, 0, 0);

/// [`judge_guide`] of a forward hop between the trains at positions `i <= j` of
/// [`Catalog::trains`] (the planner has checked them already).
pub(crate) fn judge_guide_forward(
    catalog: &Catalog,
    (i, j): (usize, usize),
    a: Release,
    b: Release,
) -> Result<Rule, Block> {
    let rule = if b < NINE {
        judge_trains(catalog, i, j)?
    } else {
        Rule::Direct
    };
    match exception(a, b) {
        Some(exception) => Err(Block::Exception {
            exception,
            from: a,
            to: b,
        }),
        None => Ok(rule),
    }
}
