//! Caveats of the releases a hop crosses (SPEC §3.3), as data: each belongs to a release V and
//! says what to do before a hop that reaches it, with its Cisco source and how sure we are.
//!
//! Cisco's current upgrade guide asks to "consider configuration guidelines for all versions
//! between the starting version and the ending version": a caveat of V belongs to every hop
//! a → b with a < V ≤ b ([`Applies::Crossing`]). The CSCug88962 entries are different: they
//! concern landing on one release or its interim builds ([`Applies::LandingOnBuilds`]); the
//! CSCuh25271 one concerns leaving 9.1(1) ([`Applies::LeavingBuildsOf`]); the 9.1(3) one
//! landing exactly there ([`Applies::LandingOn`]).

use super::release::Release;
use super::sources::{
    Confidence, Source, GUIDE_92_UPGRADE, MIGRATION_83, NEW_FEATURES_924, UPGRADE_PLANNING,
};

/// What kind of thing a caveat warns about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// The configuration is rewritten at the first boot of the release.
    Migration,
    /// Configuration or behaviour that changes and needs action.
    Change,
    /// No way back once the release runs.
    OneWay,
    /// Cisco says the hop is not zero-downtime despite the table: a blocking-weight caveat.
    NoZeroDowntime,
    /// Cisco's own text is unclear about the release: worth a look, not blocking.
    Unclear,
}

impl Kind {
    /// The export value (JSON): `migration`, `change`, `one-way`, `not-zero-downtime`,
    /// `unclear`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Migration => "migration",
            Kind::Change => "change",
            Kind::OneWay => "one-way",
            Kind::NoZeroDowntime => "not-zero-downtime",
            Kind::Unclear => "unclear",
        }
    }
}

/// Which hops a caveat of release V belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Applies {
    /// Every hop a → b with a < V ≤ b.
    Crossing,
    /// Hops that land exactly on V.
    LandingOn,
    /// Hops that land on V or one of its interim builds.
    LandingOnBuilds,
    /// Hops from this release or one of its interim builds to V or later.
    LeavingBuildsOf(Release),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Caveat {
    /// Stable id (the JSON's `id`), e.g. `cscug88962`, `migration-8.3`.
    pub id: &'static str,
    pub release: Release,
    pub kind: Kind,
    pub applies: Applies,
    /// What Cisco says, in a sentence or two (`backtick` spans are commands).
    pub text: &'static str,
    /// What to do before the hop.
    pub before: &'static str,
    /// Exact commands for `before`, where the source gives them (typed on the active unit).
    pub commands: &'static [&'static str],
    pub source: Source,
    pub confidence: Confidence,
}

impl Caveat {
    /// Whether this caveat belongs to the hop `a → b`.
    pub fn belongs_to(&self, a: Release, b: Release) -> bool {
        match self.applies {
            Applies::Crossing => a < self.release && self.release <= b,
            Applies::LandingOn => b == self.release,
            Applies::LandingOnBuilds => same_maintenance(b, self.release),
            Applies::LeavingBuildsOf(from) => same_maintenance(a, from) && self.release <= b,
        }
    }

    /// Whether Cisco says a hop carrying it is not zero-downtime (SPEC §3.3: it weighs like a
    /// block, though Table 81-1 allows the hop).
    pub fn blocking(&self) -> bool {
        self.kind == Kind::NoZeroDowntime
    }

    /// The Cisco bug id the caveat comes from, where it comes from one.
    pub fn bug(&self) -> Option<&'static str> {
        match self.id {
            "cscug88962" | "cscug88962-body" => Some("CSCug88962"),
            "cscuh25271" => Some("CSCuh25271"),
            _ => None,
        }
    }
}

/// Whether `r` is `of` or one of its interim builds.
fn same_maintenance(r: Release, of: Release) -> bool {
    (r.major, r.minor, r.maintenance) == (of.major, of.minor, of.maintenance)
}

const fn release(major: u16, minor: u16, maintenance: u16) -> Release {
    Release {
        major,
        minor,
        maintenance,
        interim: None,
    }
}

const MIGRATION_BEFORE: &str = "Keep the configuration saved before this hop; once the standby \
    has reloaded, read its migrated configuration (`show running-config`) before failing over.";

const fn migration(
    id: &'static str,
    major: u16,
    minor: u16,
    text: &'static str,
    source: Source,
) -> Caveat {
    Caveat {
        id,
        release: release(major, minor, 1),
        kind: Kind::Migration,
        applies: Applies::Crossing,
        text,
        before: MIGRATION_BEFORE,
        commands: &[],
        source,
        confidence: Confidence::High,
    }
}

const CSCUG88962_TEXT: &str = "Cisco later said there is no zero-downtime upgrade to 8.4(6), \
    9.0(2) or 9.1(2), interim builds included (CSCug88962), though Table 81-1 allows the hop; \
    it names 8.4(5), or 9.0(3) or later, instead. Cisco's note is inconsistent: its lead names \
    8.4(6), 9.0(2) and 9.1(2), its body 8.4(6), 9.0(2) and 9.1(3); the lead is the reading that \
    fits the rest of the note.";
const CSCUG88962_BEFORE: &str = "Land on another release of this train (the hop's \"release to \
    land on\"), or plan this hop as an outage (both units reloaded at once).";

const fn cscug88962(major: u16, minor: u16, maintenance: u16) -> Caveat {
    Caveat {
        id: "cscug88962",
        release: release(major, minor, maintenance),
        kind: Kind::NoZeroDowntime,
        applies: Applies::LandingOnBuilds,
        text: CSCUG88962_TEXT,
        before: CSCUG88962_BEFORE,
        commands: &[],
        source: GUIDE_92_UPGRADE,
        confidence: Confidence::High,
    }
}

/// Every caveat, ordered by release.
pub static CAVEATS: &[Caveat] = &[
    migration(
        "migration-8.2",
        8,
        2,
        "8.2 migrates parts of the configuration: Cisco lists it first among the migrations \
         of an upgrade from 8.0 to 9.2.",
        GUIDE_92_UPGRADE,
    ),
    migration(
        "migration-8.3",
        8,
        3,
        "8.3 rewrites NAT and access lists at the first boot (the 8.3 migration). Still \
         zero-downtime: the 8.x guide says so for 8.2 → 8.3. Going straight to 8.4 applies the \
         8.3 migration too.",
        MIGRATION_83,
    ),
    migration(
        "migration-8.4",
        8,
        4,
        "8.4 migrates parts of the configuration (in Cisco's list of migrations from 8.0 to \
         9.2).",
        GUIDE_92_UPGRADE,
    ),
    cscug88962(8, 4, 6),
    migration(
        "migration-9.0",
        9,
        0,
        "9.0 migrates the configuration; Cisco suggests upgrading to 8.4 first, then to 9.0.",
        MIGRATION_83,
    ),
    cscug88962(9, 0, 2),
    migration(
        "migration-9.1",
        9,
        1,
        "9.1 migrates parts of the configuration (in Cisco's list of migrations from 8.0 to \
         9.2).",
        GUIDE_92_UPGRADE,
    ),
    cscug88962(9, 1, 2),
    Caveat {
        id: "cscuh25271",
        release: release(9, 1, 2),
        kind: Kind::NoZeroDowntime,
        applies: Applies::LeavingBuildsOf(release(9, 1, 1)),
        text: "Cisco: to upgrade 9.1(1) you cannot upgrade directly to 9.1(3) or later \
               (CSCuh25271), and 9.1(2) is not a zero-downtime landing either (CSCug88962): \
               \"there is no workaround for a Zero Downtime Upgrade\"; you must upgrade to \
               9.1(2) before you upgrade to 9.1(3) or later.",
        before: "Plan the hop to 9.1(2) as an outage (both units reloaded at once), then go on \
                 from 9.1(2) with zero-downtime hops.",
        commands: &[],
        source: GUIDE_92_UPGRADE,
        confidence: Confidence::High,
    },
    Caveat {
        id: "cscug88962-body",
        release: release(9, 1, 3),
        kind: Kind::Unclear,
        applies: Applies::LandingOn,
        text: "The body of Cisco's CSCug88962 note names 9.1(3) where its lead names 9.1(2); \
               the lead is the reading that fits the rest of the note, so 9.1(3) is allowed.",
        before: "Prefer 9.1(4) or later as the release to land on.",
        commands: &[],
        source: GUIDE_92_UPGRADE,
        confidence: Confidence::Medium,
    },
    migration(
        "migration-9.2",
        9,
        2,
        "9.2 migrates parts of the configuration (Cisco: \"Configuration Migration in 9.2\").",
        GUIDE_92_UPGRADE,
    ),
    Caveat {
        id: "ospfv3-redistribute-9.20",
        release: release(9, 20, 2),
        kind: Kind::Change,
        applies: Applies::Crossing,
        text: "9.20(2) removes OSPFv3 `redistribute` lines whose route-map matches a \
               prefix-list.",
        before: "Note such `redistribute` lines (in `show running-config`) so that you can \
                 re-create them in a supported form after the hop.",
        commands: &[],
        source: UPGRADE_PLANNING,
        confidence: Confidence::High,
    },
    Caveat {
        id: "smart-transport-9.22",
        release: release(9, 22, 1),
        kind: Kind::Change,
        applies: Applies::Crossing,
        text: "9.22 changes the Smart Licensing default transport to Smart Transport.",
        before: "If the pair reaches Cisco licensing another way, plan to check and set the \
                 transport after the hop.",
        commands: &[],
        source: UPGRADE_PLANNING,
        confidence: Confidence::High,
    },
    Caveat {
        id: "ssh-stack-9.23",
        release: release(9, 23, 1),
        kind: Kind::Change,
        applies: Applies::Crossing,
        text: "9.23 removes the ASA SSH stack: EDDSA host keys must be changed before \
               upgrading.",
        before: "Only if `show running-config ssh` lists `ssh key-exchange hostkey eddsa` \
                 (otherwise there is nothing to change): on the unit the hop's configuration is \
                 typed on (the keys and the configuration replicate), generate an ECDSA (or \
                 RSA) key and remove the EDDSA host-key setting, then save; where `show crypto \
                 key mypubkey ecdsa` already shows an ECDSA key, leave out the `crypto key \
                 generate` line, or SSH clients see a new host key. `noconfirm` keeps an existing key's replace \
                 prompt from taking the next pasted line as its answer. In multiple-context \
                 mode keys and SSH settings belong to each context: the block starts with \
                 `changeto context <context-name>`; name the context and paste it once per \
                 context that takes SSH.",
        commands: &[
            "configure terminal",
            "crypto key generate ecdsa elliptic-curve 256 noconfirm",
            "no ssh key-exchange hostkey eddsa",
            "end",
            "write memory",
        ],
        source: UPGRADE_PLANNING,
        confidence: Confidence::High,
    },
    Caveat {
        id: "one-way-9.24",
        release: release(9, 24, 1),
        kind: Kind::OneWay,
        applies: Applies::Crossing,
        text: "After upgrading to 9.24 you cannot downgrade to an earlier version, and later \
               versions must be reached through 9.24. Cisco states it in the ASA Virtual \
               bootloader row, so it may concern ASA Virtual only.",
        before: "There is no way back after this hop: keep the configuration and the old \
                 image saved off the box.",
        commands: &[],
        source: NEW_FEATURES_924,
        confidence: Confidence::Low,
    },
];

/// The caveats of the hop `a → b`, in release order.
///
/// ```
/// use asa_planner::domain::caveats::crossed;
/// let r = |s: &str| s.parse().unwrap();
/// let on: Vec<String> = crossed(r("9.20(1)"), r("9.23(1)")).map(|c| c.release.to_string()).collect();
/// assert_eq!(on, ["9.20(2)", "9.22(1)", "9.23(1)"]);
/// ```
pub fn crossed(a: Release, b: Release) -> impl Iterator<Item = &'static Caveat> {
    CAVEATS.iter().filter(move |c| c.belongs_to(a, b))
}
