//! What the units print (SPEC §14): `show failover`, `show failover state` and `show version`
//! output, pasted together from either unit in any order, read into typed facts per unit
//! ([`Snapshot`]). [`parse`] is total and linear: every line is looked at once, nothing panics,
//! and what it could not read is listed by line number ([`Unread`]) — never by its text, which
//! may hold serial numbers and addresses. Nothing of the pasted text is kept but releases,
//! states, image file names, the hardware model and interface names.
//!
//! Units are named by Primary/Secondary as the output says (`Failover unit Primary`, `This
//! host: Primary - Active`), never by the prompt a command was typed at: output relayed by
//! `failover exec mate` names its own unit. A `show version` output names no unit; it is
//! given to the unit a failover-aware prompt names (`fw/pri/act#`; the other unit when the
//! command was `failover exec mate show version`; for `failover exec standby|active`, the
//! unit the prompt's `act`/`stby` says has that role), else to the unit the nearest `show
//! failover` of the same paste says it was typed on, else left unattributed. Two `show version`
//! outputs are never given to one unit by proximity: when they would be, neither is used and
//! each is said by line ([`UnreadWhy::Ambiguous`]). Where its
//! release contradicts what a `show failover` says of that unit, it is not used and its line
//! is said ([`UnreadWhy::Conflict`]): a `show failover` names both units unambiguously, the
//! nearest one only suggests where the person typed.
//!
//! Two `show failover` outputs that disagree about a unit (its release, its state or group
//! states) or about `Failover On|Off` are never merged silently ([`Disagreement`]): nothing in
//! an output says when it was taken, so the paste's order is read as the order they were
//! taken in, the later reading is used, and every reading is kept with its line to be said.
//! Except for the roles: when each unit's own output claims the same one (both Active, or both
//! Standby Ready), a failover between the outputs and a pair in that state now look the same,
//! so no output is read as the newer; each unit keeps what its own output says of it, and the
//! position stops ([`Disagreement::Roles`]).
//!
//! The line formats were checked against public parsers of the same output, read, not
//! copied: networktocode's ntc-templates `cisco_asa_show_failover` TextFSM template (seen in
//! its Go mirror, github.com/wessrow/go-ntc-templates, `models/cisco_asa_show_failover.go`:
//! host sections, `Group N State:`, slot lines, context-prefixed interface lines, service
//! module lines `<name>, <version>, <status>`, the statistics section) and genieparser's ASA
//! `show failover` parser (slot lines such as `slot 0: ASAv hw/sw rev (/9.14(1)) status (Up
//! Sys)`, with no hardware revision). The samples in `tests/fixtures/show/` are this
//! project's own.

mod parse;

pub use parse::parse;

use super::release::Release;
use super::runbook::Unit;

/// A failover state as `show failover` prints it (SPEC §14's list).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum State {
    Active,
    StandbyReady,
    Failed,
    ColdStandby,
    SyncConfig,
    SyncFileSystem,
    BulkSync,
    Negotiation,
    Disabled,
    NotDetected,
    JustActive,
    ActiveDrain,
    ActiveApplyingConfig,
    ActiveConfigApplied,
}

impl State {
    pub const ALL: [State; 14] = [
        State::Active,
        State::StandbyReady,
        State::Failed,
        State::ColdStandby,
        State::SyncConfig,
        State::SyncFileSystem,
        State::BulkSync,
        State::Negotiation,
        State::Disabled,
        State::NotDetected,
        State::JustActive,
        State::ActiveDrain,
        State::ActiveApplyingConfig,
        State::ActiveConfigApplied,
    ];

    /// The words the unit prints: `Standby Ready`, `Active Applying Config`.
    pub fn label(self) -> &'static str {
        match self {
            State::Active => "Active",
            State::StandbyReady => "Standby Ready",
            State::Failed => "Failed",
            State::ColdStandby => "Cold Standby",
            State::SyncConfig => "Sync Config",
            State::SyncFileSystem => "Sync File System",
            State::BulkSync => "Bulk Sync",
            State::Negotiation => "Negotiation",
            State::Disabled => "Disabled",
            State::NotDetected => "Not Detected",
            State::JustActive => "Just Active",
            State::ActiveDrain => "Active Drain",
            State::ActiveApplyingConfig => "Active Applying Config",
            State::ActiveConfigApplied => "Active Config Applied",
        }
    }

    /// The hook value (`data-role`): the label in lower case, dashed (`standby-ready`).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Active => "active",
            State::StandbyReady => "standby-ready",
            State::Failed => "failed",
            State::ColdStandby => "cold-standby",
            State::SyncConfig => "sync-config",
            State::SyncFileSystem => "sync-file-system",
            State::BulkSync => "bulk-sync",
            State::Negotiation => "negotiation",
            State::Disabled => "disabled",
            State::NotDetected => "not-detected",
            State::JustActive => "just-active",
            State::ActiveDrain => "active-drain",
            State::ActiveApplyingConfig => "active-applying-config",
            State::ActiveConfigApplied => "active-config-applied",
        }
    }

    /// The unit carries the traffic (or is taking it over).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            State::Active
                | State::JustActive
                | State::ActiveDrain
                | State::ActiveApplyingConfig
                | State::ActiveConfigApplied
        )
    }

    /// The unit is on its way to Standby Ready after a reload: wait and look again.
    pub fn is_syncing(self) -> bool {
        matches!(
            self,
            State::ColdStandby
                | State::SyncConfig
                | State::SyncFileSystem
                | State::BulkSync
                | State::Negotiation
        )
    }
}

/// `show failover state`'s `====Configuration State===`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConfigSync {
    /// `Sync Done` (the active unit's view).
    Done,
    /// `Sync Done - STANDBY` (the standby unit's view).
    DoneStandby,
    /// `Sync Skipped`.
    Skipped,
}

/// Where a unit's release was read.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum ReleaseFrom {
    /// A `slot N: <model> hw/sw rev (<hw>/<release>)` line of `show failover`.
    Slot,
    /// The "Mate" of another unit's `Version:` line.
    MateVersion,
    /// The "Ours" of the unit's own `Version:` line.
    Version,
    /// The unit's own `show version`.
    ShowVersion,
}

/// The role a failover-aware prompt names (`fw/pri/act#`, `fw/sec/stby#`): the unit typed at
/// is the active or the standby unit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    Active,
    Standby,
}

/// The monitored interfaces' health as `show failover` lists them (names only, never
/// addresses). Feeds step 3's precondition (all Normal, none Waiting or Failed).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Interfaces {
    pub normal: usize,
    /// `Normal (Waiting)`, `Unknown (Waiting)`, …: names (context-prefixed as printed).
    pub waiting: Vec<String>,
    /// `Failed`, `No Link`, `Link Down`: names.
    pub failed: Vec<String>,
}

impl Interfaces {
    pub fn is_empty(&self) -> bool {
        self.normal == 0 && self.waiting.is_empty() && self.failed.is_empty()
    }
    pub fn healthy(&self) -> bool {
        self.waiting.is_empty() && self.failed.is_empty()
    }
}

/// What the output says about one unit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnitFacts {
    pub unit: Unit,
    /// A `show failover` names this unit as its own (`Failover unit Secondary`), whatever
    /// else it says of it (`Failover Off` says nothing more).
    pub named: bool,
    /// The release it runs, when a line of the output names one that reads (a release the
    /// catalog does not know, such as an internal build `98.1(1)86`, is kept as read; the
    /// position says it is unknown).
    pub release: Option<Release>,
    pub release_from: Option<ReleaseFrom>,
    /// A release field was there but did not read (e.g. `Version: Ours 9.x(1)`).
    pub release_unreadable: bool,
    /// Active/Standby: its failover state.
    pub state: Option<State>,
    /// Active/Active: each failover group's state on this unit, by group number.
    pub groups: Vec<(u8, State)>,
    /// The role the last failover-aware prompt typed at this unit names (`pri/act`): what a
    /// prompt says, not a failover state (`show failover` says that).
    pub prompt_role: Option<Side>,
    /// `System image file is "disk0:/<file>"`: the file name.
    pub image: Option<String>,
    /// `show bootvar`: the files the boot lines name, in order (file names only).
    pub boot: Vec<String>,
    /// `dir`: the image files (ASA and ASDM) on its flash (file names only).
    pub files: Vec<String>,
    /// `Device Manager Version <r>`.
    pub asdm: Option<Release>,
    /// The model of the `Hardware:` line (`ASA5516`).
    pub hardware: Option<String>,
    pub interfaces: Interfaces,
    pub config_sync: Option<ConfigSync>,
}

impl UnitFacts {
    fn new(unit: Unit) -> Self {
        UnitFacts {
            unit,
            named: false,
            release: None,
            release_from: None,
            release_unreadable: false,
            state: None,
            groups: Vec::new(),
            prompt_role: None,
            image: None,
            boot: Vec::new(),
            files: Vec::new(),
            asdm: None,
            hardware: None,
            interfaces: Interfaces::default(),
            config_sync: None,
        }
    }

    /// Anything at all is known of this unit.
    pub fn is_known(&self) -> bool {
        self.named
            || self.release.is_some()
            || self.release_unreadable
            || self.state.is_some()
            || !self.groups.is_empty()
            || self.image.is_some()
            || self.config_sync.is_some()
            || !self.interfaces.is_empty()
    }

    /// Active in the Active/Standby sense, or active for every group it shows.
    pub fn is_active(&self) -> bool {
        self.state.is_some_and(State::is_active)
    }
}

/// A user context's `show failover`: it names no unit and no release (SPEC §14: say what it
/// lacks).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct ContextFacts {
    pub this: Option<State>,
    pub peer: Option<State>,
}

/// Which outputs the paste held.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Seen {
    pub show_failover: usize,
    pub show_failover_state: usize,
    pub show_version: usize,
    pub show_bootvar: usize,
    pub dir: usize,
    /// Prompt lines of commands it does not read (their output is skipped).
    pub other_commands: usize,
}

/// Why a line was not read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnreadWhy {
    /// Not a line of the outputs it knows.
    Unknown,
    /// A release field that does not read.
    Release,
    /// A host or group line whose state is not one `show failover` prints.
    State,
    /// A `show version` output that names no unit (no `show failover` and no failover-aware
    /// prompt with it).
    NoUnit,
    /// A `show version` output given to a unit by the nearest `show failover` or by its prompt,
    /// whose release contradicts what a `show failover` says of that unit: which unit it came
    /// from is uncertain, and it is not used (the `show failover` line is).
    Conflict,
    /// A `show version` output given to a unit by the nearest `show failover` only, when
    /// another `show version` of the paste is that unit's too: the outputs cannot be told
    /// apart by unit, and none given by proximity is used.
    Ambiguous,
}

/// A line the parser could not read: its 1-based number and why (never its text).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Unread {
    pub line: usize,
    pub why: UnreadWhy,
}

/// One reading of a fact that `show failover` outputs can disagree about.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Said {
    /// `Failover On` (`true`) or `Off`.
    Failover(bool),
    /// A unit's release (its `Version:` line, else its `slot` line, in that output).
    Release(Release),
    /// A unit's Active/Standby failover state.
    State(State),
    /// A unit's Active/Active group states, by group number.
    Groups(Vec<(u8, State)>),
}

impl Said {
    /// The role a unit's state reading gives it: `Active` (active, or every group active),
    /// `Standby Ready` (or every group so), else `None`.
    pub fn role(&self) -> Option<State> {
        match self {
            Said::State(s) if s.is_active() => Some(State::Active),
            Said::State(State::StandbyReady) => Some(State::StandbyReady),
            Said::Groups(g) if !g.is_empty() && g.iter().all(|(_, s)| s.is_active()) => {
                Some(State::Active)
            }
            Said::Groups(g)
                if !g.is_empty() && g.iter().all(|(_, s)| *s == State::StandbyReady) =>
            {
                Some(State::StandbyReady)
            }
            _ => None,
        }
    }
}

/// Two or more `show failover` (or `show failover state`) outputs of one paste that say
/// different things (SPEC §14: several outputs, in any order). Nothing in an output says when
/// it was taken; the rule is the paste's order, said as such.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Disagreement {
    /// One fact read differently: each reading with its line, in the paste's order, each
    /// differing from the one before it. The later output in the paste is read as the newer:
    /// the last reading is the one used (a reload or a failover between the outputs explains
    /// the change).
    Changed {
        /// The unit it is about; `None`: the pair (`Failover On|Off`).
        unit: Option<Unit>,
        readings: Vec<(Said, usize)>,
    },
    /// Each unit's own output says it holds the same role, `role` (`Active`, or `Standby
    /// Ready`), while another output says otherwise: a failover between the outputs shows
    /// this, and so does a pair with both units in that role now (the failover link down).
    /// The paste's order does not tell them apart, so no output is read as the newer for the
    /// roles: each unit is shown as its own output says, and the position stops.
    Roles {
        role: State,
        /// The line of the primary's own output's host line, then the secondary's.
        lines: [usize; 2],
    },
}

impl Disagreement {
    /// The lines it is about, in order.
    pub fn lines(&self) -> Vec<usize> {
        match self {
            Disagreement::Changed { readings, .. } => readings.iter().map(|(_, l)| *l).collect(),
            Disagreement::Roles { lines, .. } => {
                let mut l = lines.to_vec();
                l.sort_unstable();
                l
            }
        }
    }

    /// The line whose reading is used (`None`: no reading was taken as the newer).
    pub fn used(&self) -> Option<usize> {
        match self {
            Disagreement::Changed { readings, .. } => readings.last().map(|(_, l)| *l),
            Disagreement::Roles { .. } => None,
        }
    }
}

/// Everything read from one paste.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Snapshot {
    /// `Failover On` / `Failover Off` (the last one read).
    pub failover: Option<bool>,
    pub primary: UnitFacts,
    pub secondary: UnitFacts,
    /// A `Version: Ours …, Mate Unknown` line, or a `show failover` without an other host.
    pub mate_unknown: bool,
    /// A user context's output (`This context:` / `Peer context:`).
    pub context: Option<ContextFacts>,
    /// The release of a `show version` that names no unit (the last one read).
    pub unplaced: Option<Release>,
    /// The boot lines of the last `show bootvar` read, whichever unit it came from (the
    /// active unit replicates them to the standby): file names, in order.
    pub boot: Option<Vec<String>>,
    pub seen: Seen,
    pub unread: Vec<Unread>,
    /// Where the paste's `show failover` outputs disagree, in the order of their first line.
    pub disagreements: Vec<Disagreement>,
}

impl Snapshot {
    pub fn unit(&self, unit: Unit) -> &UnitFacts {
        match unit {
            Unit::Primary => &self.primary,
            Unit::Secondary => &self.secondary,
        }
    }

    /// Nothing of any unit or context was read.
    pub fn is_empty(&self) -> bool {
        self.failover.is_none()
            && !self.primary.is_known()
            && !self.secondary.is_known()
            && self.context.is_none()
            && self.unplaced.is_none()
    }

    /// Each unit's own output claims the same role (a [`Disagreement::Roles`]): that role.
    pub fn roles_disagree(&self) -> Option<State> {
        self.disagreements.iter().find_map(|d| match d {
            Disagreement::Roles { role, .. } => Some(*role),
            Disagreement::Changed { .. } => None,
        })
    }

    /// Active/Active output (group lines) was read.
    pub fn active_active(&self) -> bool {
        !self.primary.groups.is_empty() || !self.secondary.groups.is_empty()
    }
}

/// The other unit of the pair.
pub fn other(unit: Unit) -> Unit {
    match unit {
        Unit::Primary => Unit::Secondary,
        Unit::Secondary => Unit::Primary,
    }
}
