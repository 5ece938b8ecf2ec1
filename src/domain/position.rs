//! Where the pair stands on the plan (SPEC §14 "What it says", "Stops"): from a [`Session`]
//! (its hops, releases and mode), a [`Snapshot`] of what the units print, and what else is
//! known ([`Known`]: the previous position, the ticked steps, the image names the person
//! typed). Facts only; `view::words::position` says them.
//!
//! The steps are each hop's runbook's own (SPEC §6), numbered by the hop's outline
//! (`runbook::outline`), the list the runbook itself is written from. Active/Standby, both
//! units: 1 stage the images, 2 reload the standby, 3 fail over, 4 the validation window, 5
//! reload the former active, 6 `write memory`, 7 restore the roles. Active/Active, both units:
//! 1 both groups to the primary, 2 stage, 3 reload the secondary, 4 fail over, 5 the window, 6
//! reload the primary, 7 `write memory`, 8–9 the groups restored. A mismatched pair's hop that
//! reloads one unit only (SPEC §4): 1 make that unit the standby (only if it is active), 2
//! stage its image, 3 reload it from the active unit, 4 `write memory` (only when the other
//! unit already runs the hop's release). A position "inside hop N after step K" says the
//! effect of step K is what the output shows; the next step is K + 1.
//!
//! Each unit walks the plan on its own path ([`Walk`]): its start release (`from` for the
//! primary, `from2` for the secondary), then the landing of each hop that reloads it. The pair
//! is at rest after hop K when both units are where their paths have them after hop K, and
//! inside a hop that reloads both when one unit is on the hop's landing and the other still on
//! its start.
//!
//! A snapshot alone can fit two readings: both units on the hop's start release (before the
//! hop, or after staging: staging shows only in `show bootvar` or `dir`); the standby upgraded
//! and Standby Ready (after step 2, or in a rollback after failing back); both units on the
//! hop's landing release (after its reloads, or the hop done with its `write memory` skipped).
//! The forward reading is taken and the other named ([`Position::alternative`]), unless a tick,
//! a pasted `show bootvar` or `dir`, or the previous position settles it. Both units on a
//! hop's start after the hop had begun are either a reload that booted the old image or the
//! hop rolled back to its end ([`Place::RolledBack`]): the previous position or a tick past
//! the first reload settles it as rolled back.
//!
//! The output wins over a tick it contradicts: boot lines (or a `dir`) that show the images
//! not staged make the staging not done, and the pair before a ticked failover is read as it
//! stands, with the rollback the other reading (only what showed the failover, or a block of
//! the rollback ticked, settles that); the tick is said ([`Position::ticked_not_shown`]).

use super::plan::Hop;
use super::platform::{Platform, ProcedureNotice};
use super::release::Release;
use super::runbook::{
    backup_name, has_failover_exec, hop_images, image_of, outline, plan_default_image, HopImages,
    Mode, Phase, Reloads, Role, Unit, ONE_WAY_SINCE,
};
use super::session::Session;
use super::show::{other, ConfigSync, Side, Snapshot, State, UnitFacts};

/// Where the pair stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// Nothing to place: no plan, or the units' releases are not known or not on the plan.
    Unknown,
    /// Both units on the plan's start releases, no step of hop 1 taken.
    Before,
    /// Inside hop `hop` (1-based), step `step` done, numbered as the hop's runbook numbers
    /// it; `done` is what that step did. `one_unit`: the unit a mismatched pair's hop reloads
    /// alone.
    InHop {
        hop: usize,
        step: u8,
        done: Phase,
        one_unit: Option<Unit>,
    },
    /// Inside hop `hop`, failed back to the old release (rollback step (a) done).
    Rollback { hop: usize },
    /// Hop `hop` rolled back to its end (the runbook's rollback (a) to (c)): both units on
    /// their start releases again after the hop had begun, so the pair stands before the hop.
    RolledBack { hop: usize },
    /// Inside hop `hop`, whose runbook numbers no steps ([`NoSteps`]): one unit on the hop's
    /// landing, the other still on its start.
    Midway { hop: usize },
    /// Hop `after` done (1-based), the next hop not started.
    Between { after: usize },
    /// Both units on the target.
    Done,
}

impl Place {
    /// Inside an Active/Standby hop that reloads both units, after `step` (1 stage … 7 the
    /// roles restored). Other hops: [`place_after`].
    pub fn in_hop(hop: usize, step: u8) -> Place {
        let steps = outline(
            Mode::ActiveStandby,
            &Reloads::Both,
            Release::new(0, 0, 0, None),
        );
        Place::InHop {
            hop,
            step,
            done: steps
                .get(usize::from(step).wrapping_sub(1))
                .copied()
                .unwrap_or(Phase::Stage),
            one_unit: None,
        }
    }

    /// The hop rolled back to its end: the hooks say "before the hop" ([`Place::hook`]), and
    /// this says why the pair is there again (`data-rolled-back`, JSON `rolled_back`).
    pub fn rolled_back(self) -> bool {
        matches!(self, Place::RolledBack { .. })
    }

    /// The hook values: `data-hop` (1-based, `done`, or empty) and `data-step` (the last step
    /// whose effect the output shows; 0 before the hop starts; empty when unknown).
    pub fn hook(self) -> (String, String) {
        match self {
            Place::Unknown => (String::new(), String::new()),
            Place::Before => ("1".into(), "0".into()),
            Place::InHop { hop, step, .. } => (hop.to_string(), step.to_string()),
            Place::Rollback { hop } => (hop.to_string(), "rollback".into()),
            // Back where the hop started: before it, as SPEC §14's hooks say it.
            Place::RolledBack { hop } => (hop.to_string(), "0".into()),
            // The hop's runbook has no step whose effect the output could show.
            Place::Midway { hop } => (hop.to_string(), String::new()),
            Place::Between { after } => ((after + 1).to_string(), "0".into()),
            Place::Done => ("done".into(), "done".into()),
        }
    }
}

/// What the next step does (its number is [`NextStep::step`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StepKind {
    /// Copy the images to both units, set the boot lines.
    Stage,
    /// Active/Active, step 1: make both failover groups active on the primary.
    GroupsToPrimary,
    /// Reload the standby onto the hop's release (a one-unit hop: the unit it reloads).
    ReloadStandby,
    /// Fail over to the upgraded unit.
    FailOver,
    /// The validation window on the upgraded unit.
    Validate,
    /// Reload the former active unit.
    ReloadFormer,
    /// Save the configuration on both units.
    Save,
    /// A one-unit hop's step 1: the unit it reloads is active; make it the standby first.
    MakeStandby,
    /// A one-unit hop's step 1 (Active/Standby) when the output does not show whether the
    /// unit it reloads is active: it must be the standby, so `no failover active` on it only
    /// if `show failover` shows it Active.
    MakeStandbyIfActive,
    /// A mismatched pair's hop that reloads both units, before step 1: the unit on the hop's
    /// start release is reloaded first, and it is active; make it the standby (the runbook's
    /// pre-check).
    FirstToStandby,
    /// [`StepKind::FirstToStandby`] when the output does not show which unit is active: paste
    /// `show failover`, and `no failover active` on the unit reloaded first only if it shows
    /// that unit Active. Never a reload from "the active unit" while which unit that is, and
    /// so which unit the reload would reload, is not known.
    FirstToStandbyIfActive,
    /// A one-unit hop's step 2: stage the images on that unit only.
    StageOne(Unit),
    /// Rollback (b): take the new image out of the boot lines on the active unit.
    RollbackBoot,
}

impl StepKind {
    /// The step hands the active role (or a failover group) to the other unit: its
    /// precondition is SPEC §6 step 3's (the unit taking over Standby Ready, every interface
    /// Normal).
    pub fn fails_over(self) -> bool {
        matches!(
            self,
            StepKind::FailOver
                | StepKind::GroupsToPrimary
                | StepKind::MakeStandby
                | StepKind::MakeStandbyIfActive
                | StepKind::FirstToStandby
                | StepKind::FirstToStandbyIfActive
        )
    }
}

/// The next step: its number, where to type it (the role, and the unit when the output says
/// which one has it) and its main commands (the runbook has the whole block).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NextStep {
    pub hop: usize,
    pub step: u8,
    pub kind: StepKind,
    pub role: Role,
    pub unit: Option<Unit>,
    pub commands: Vec<String>,
    /// Typed in the system execution space (multiple-context mode, always for Active/Active).
    pub system: bool,
    /// A stop of the position forbids it now: it is shown, but as the step that follows once
    /// every stop is cleared, never as something to do now (SPEC §14: stops are shown above
    /// the next step). So does a tick the output does not show ([`Position::ticked_not_shown`]):
    /// which reading holds waits for output typed now.
    pub held: bool,
    /// Held by such a tick alone, no stop.
    pub awaits_output: bool,
    /// The hop has not started: its pre-checks and its backup (this file name, which a
    /// rollback of the hop restores) come before this step, as the runbook orders them.
    pub prechecks: Option<String>,
}

/// Why the window should stop (SPEC §14), each a `[data-stop]` of its kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StopKind {
    FailoverOff,
    MateSyncing,
    MateFailed,
    MateUnknown,
    OffPlan,
    WrongImage,
    Parity,
    UnknownRelease,
}

impl StopKind {
    /// The hook value (`data-stop`).
    pub fn as_str(self) -> &'static str {
        match self {
            StopKind::FailoverOff => "failover-off",
            StopKind::MateSyncing => "mate-syncing",
            StopKind::MateFailed => "mate-failed",
            StopKind::MateUnknown => "mate-unknown",
            StopKind::OffPlan => "off-plan",
            StopKind::WrongImage => "wrong-image",
            StopKind::Parity => "parity",
            StopKind::UnknownRelease => "unknown-release",
        }
    }
}

/// Why a unit is off the plan (an `off-plan` stop's detail).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OffPlan {
    /// A reload the runbook issued brought it back on the hop's start: it booted the old image.
    OldImage,
    /// Past the plan's target (`expected`: the target): for that unit the plan is a downgrade.
    PastTarget,
    /// Below the release the plan starts it from (`expected`: that release).
    BelowStart,
    /// Between releases of its path, on no hop of it (`expected`: the releases either side).
    Between,
}

/// What the output lacks to place the pair (the detail of a stop that says so).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unplaced {
    /// A unit's release is not in the output (an `unknown-release` stop).
    ReleaseNotShown,
    /// Inside a hop, the failover state that says which step is not in the output (a
    /// `mate-unknown` stop; about the pair when `unit` is `None`).
    StateNotShown,
    /// Active/Active, inside a hop: the unit holds an active group and a standby one, while
    /// the runbook keeps both groups on one unit between the reloads (a `mate-failed` stop).
    GroupsSplit,
    /// The outputs disagree about which unit is active: each unit's own output claims the
    /// same role (the stop's `state`), and the paste cannot tell a failover between the
    /// outputs from both units in that role now (a `mate-failed` stop about the pair;
    /// `show::Disagreement::Roles`).
    OutputsDisagree,
}

/// A stop with what it is about.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Stop {
    pub kind: StopKind,
    /// The unit it is about; `None` for the pair (a `mate-failed` stop with a `state`: both
    /// units are in that state, Active or Standby Ready).
    pub unit: Option<Unit>,
    /// The release the unit runs, when it matters.
    pub release: Option<Release>,
    /// The unit's failover state, when it matters.
    pub state: Option<State>,
    /// What the plan expects instead (an off-plan unit: the releases it could be on; a
    /// booted-the-old-image unit: the hop's release).
    pub expected: Vec<Release>,
    /// An off-plan unit whose release the plan has, but not for this unit (a mismatched pair's
    /// releases given for the wrong units?).
    pub on_plan: bool,
    /// Why an off-plan unit is off the plan.
    pub off: Option<OffPlan>,
    /// What the output lacks to place the pair, for a stop that says so.
    pub unplaced: Option<Unplaced>,
    /// A wrong image: (the file it booted, the file the runbook names).
    pub images: Option<(String, String)>,
    /// Interfaces not Normal (names), for a step-3 precondition stop: Failed, or Waiting
    /// when `waiting` says so.
    pub interfaces: Vec<String>,
    /// The `interfaces` are Waiting, not Failed.
    pub waiting: bool,
    /// The configuration sync state, for a step-3 precondition stop.
    pub sync: Option<ConfigSync>,
    /// A wrong image named first by the boot lines (`images`: that file, and the runbook's
    /// for the hop's release), not booted: the next reload would boot it. `unit`: the unit
    /// whose `show bootvar` shows it, when the output says.
    pub boot_line: bool,
}

impl Stop {
    fn new(kind: StopKind, unit: Option<Unit>) -> Stop {
        Stop {
            kind,
            unit,
            release: None,
            state: None,
            expected: Vec::new(),
            on_plan: false,
            off: None,
            unplaced: None,
            images: None,
            interfaces: Vec::new(),
            waiting: false,
            sync: None,
            boot_line: false,
        }
    }

    /// Both units Active, or both Standby Ready: no step leaves a pair so.
    fn is_both(&self) -> bool {
        self.kind == StopKind::MateFailed && self.unit.is_none() && self.state.is_some()
    }
}

/// The releases a plan would start from, read off the units (`from` the primary's, `from2`
/// the secondary's when it differs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PlanFrom {
    pub from: Release,
    pub from2: Option<Release>,
}

/// Why a hop's runbook gives no ASA command-line steps, so that the position offers none of
/// them either (the page's hop section has `data-steps="0"`, or no hop sections at all).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NoSteps {
    /// Cisco later said the hop is not zero-downtime: its runbook is a stop, not steps (SPEC
    /// §3.3; the page's `[data-runbook-stop]`).
    RunbookStop,
    /// The model is not upgraded with the ASA command line on this plan (FXOS, or a Firepower
    /// 2100 in platform mode): the runbook shows its procedure notice instead of steps.
    Procedure(ProcedureNotice),
}

impl NoSteps {
    /// The hook value (`data-no-steps`): `runbook-stop`, or the procedure notice's kind
    /// (`fxos`, `platform-mode`).
    pub fn as_str(self) -> &'static str {
        match self {
            NoSteps::RunbookStop => "runbook-stop",
            NoSteps::Procedure(notice) => notice.as_str(),
        }
    }
}

/// Why hop `i`'s (0-based) runbook gives no ASA command-line steps, if it gives none: the
/// procedure notice of the model (the runbook shows no steps for any hop), else a caveat of
/// Cisco's saying the hop is not zero-downtime (its runbook is a stop).
pub fn no_steps(session: &Session, i: usize) -> Option<NoSteps> {
    if let Some(notice) = session
        .procedure_notice()
        .filter(|n| !n.cli_runbook_applies())
    {
        return Some(NoSteps::Procedure(notice));
    }
    session
        .hop_facts
        .get(i)
        .is_some_and(|f| f.caveats.iter().any(|c| c.blocking()))
        .then_some(NoSteps::RunbookStop)
}

/// The position: where, what next, the other reading, the stops.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Position {
    pub place: Place,
    pub next: Option<NextStep>,
    /// The other reading of an ambiguous snapshot, with its own next step.
    pub alternative: Option<(Place, Option<NextStep>)>,
    pub stops: Vec<Stop>,
    /// Offered when nothing is planned or the units do not run the plan's start.
    pub plan_from: Option<PlanFrom>,
    /// The hop (1-based) the pair is before or inside whose runbook gives no command-line
    /// steps, and why: no next step is offered for it.
    pub no_steps: Option<(usize, NoSteps)>,
    /// A step ticked that the output shows not done yet: said above the position, never
    /// read as done.
    pub ticked_not_shown: Option<TickedNotShown>,
}

/// A ticked step whose effect the output does not show (SPEC §14: the snapshot, the ticks
/// and the previous position): the output was typed before it (a stale paste), or it did not
/// happen. Nothing but the output says which, so the output's own state is read forward, the
/// other reading named, and output typed now asked for. Not a stop (SPEC §14 lists those).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TickedNotShown {
    pub hop: usize,
    /// The last step of the hop ticked.
    pub ticked: u8,
    /// The first step whose effect the output does not show, and what it does.
    pub not_shown: (u8, Phase),
}

/// What is known besides the snapshot.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known<'a> {
    /// The position read from the previous paste.
    pub previous: Option<Place>,
    /// Ticked runbook steps as (hop, step), 1-based, numbered as each hop's runbook numbers
    /// them.
    pub ticked: &'a [(usize, u8)],
    /// Image names the person typed, keyed by canonical release (as `runbook::hop_images`).
    pub images: &'a [(String, String)],
    /// The TFTP server the person typed (empty: the runbook's placeholder).
    pub server: &'a str,
    /// Ticked rollback blocks as (hop, step, block), block 1-based in the runbook's order
    /// (`Ticks::rollback_blocks`): block 1 of the validation window's rollback is its (a),
    /// the failback.
    pub rollback: &'a [(usize, u8, u8)],
}

impl Known<'_> {
    fn ticked(&self, hop: usize, step: u8) -> bool {
        self.ticked.contains(&(hop, step))
    }
    /// The previous position inside hop `hop`: the last step whose effect it showed.
    fn previous_step(&self, hop: usize) -> Option<u8> {
        match self.previous {
            Some(Place::InHop { hop: h, step, .. }) if h == hop => Some(step),
            _ => None,
        }
    }
    /// A block of hop `hop`'s rollback is ticked: the pair failed back (its (a) comes first).
    fn failed_back(&self, walk: &Walk, hop: usize) -> bool {
        walk.find(hop, Phase::Window).is_some_and(|window| {
            self.rollback
                .iter()
                .any(|&(h, step, _)| h == hop && step == window)
        })
    }
    /// The last step of hop `hop` ticked.
    fn last_ticked(&self, hop: usize) -> Option<u8> {
        self.ticked
            .iter()
            .filter(|&&(h, _)| h == hop)
            .map(|&(_, s)| s)
            .max()
    }
    /// A reload the runbook issued may still be running: the last step taken reloads.
    fn reloading(&self, walk: &Walk) -> bool {
        // The previous position after a reload (it may not be back yet) or just before one;
        // or failed back, its rollback's (c) reloading the upgraded unit.
        matches!(self.previous, Some(Place::InHop { hop, step, .. })
            if walk.reloads_at(hop, step) || walk.reloads_at(hop, step.saturating_add(1)))
            || matches!(self.previous, Some(Place::Rollback { .. }))
            || self
                .ticked
                .iter()
                .max()
                .is_some_and(|&(hop, step)| walk.reloads_at(hop, step))
    }
    /// The image name the person typed for `release`, when the runbook uses it.
    fn image(&self, release: Release) -> Option<&str> {
        crate::domain::runbook::typed_name(self.images, &release.to_string())
    }
}

/// The plan as each unit walks it: the release each runs after each hop, and the hops that
/// reload one unit only.
struct Walk<'a> {
    hops: &'a [Hop],
    mode: Mode,
    /// The primary's and the secondary's release after hop `k` (index 0: the plan's start).
    paths: [Vec<Release>; 2],
    /// Per hop: the unit it reloads alone (a mismatched pair's newer unit stays).
    one_unit: Vec<Option<Unit>>,
    /// Per hop: its steps in the runbook's order (`runbook::outline`).
    outlines: Vec<Vec<Phase>>,
    /// Per hop: why its runbook gives no command-line steps, if it gives none.
    no_steps: Vec<Option<NoSteps>>,
    /// Per hop: the file names its runbook's commands use (`runbook::hop_images`).
    images: Vec<HopImages>,
    platform: Option<Platform>,
    /// The model takes a single `boot system` line (the rollback sets the old one again).
    single_boot_line: bool,
    /// The save the runbook's `write memory` step types (`Setup::save_command`).
    save: &'static str,
}

impl<'a> Walk<'a> {
    fn new(session: &'a Session, known: &Known) -> Option<Walk<'a>> {
        let hops = session.hops();
        let primary = session.from.release.or(hops.first().map(|h| h.from))?;
        let secondary = session
            .from2
            .as_ref()
            .and_then(|f| f.release)
            .unwrap_or(primary);
        let mut paths = [vec![primary], vec![secondary]];
        let mut one_unit = Vec::with_capacity(hops.len());
        let mode = session.setup.mode;
        let outlines = (0..hops.len())
            .map(|i| {
                hop_outline(session, i).unwrap_or_else(|| outline(mode, &Reloads::Both, hops[i].to))
            })
            .collect();
        for (i, hop) in hops.iter().enumerate() {
            let reloads: Vec<Unit> = match session.hop_facts.get(i) {
                Some(f) => f.reloads.iter().map(|u| u.unit).collect(),
                None => vec![Unit::Primary, Unit::Secondary],
            };
            for (path, unit) in paths.iter_mut().zip([Unit::Primary, Unit::Secondary]) {
                let last = path.last().copied().unwrap_or(hop.from);
                path.push(if reloads.contains(&unit) {
                    hop.to
                } else {
                    last
                });
            }
            one_unit.push(match reloads.as_slice() {
                [unit] => Some(*unit),
                _ => None,
            });
        }
        Some(Walk {
            hops,
            mode,
            paths,
            one_unit,
            outlines,
            no_steps: (0..hops.len()).map(|i| no_steps(session, i)).collect(),
            images: hop_images(hops, known.server, known.images, session.platform),
            platform: session.platform,
            single_boot_line: session.setup.single_boot_line,
            save: session.setup.save_command(),
        })
    }

    /// The image file name the runbook gives `release` (typed, else the plan's default):
    /// the runbook's own function, so the position copies and names the same files.
    fn image(&self, release: Release) -> String {
        image_of(self.hops, &self.images, release, self.platform)
    }

    /// The TFTP server hop `hop`'s (1-based) commands name.
    fn server(&self, hop: usize) -> &str {
        self.images
            .get(hop.wrapping_sub(1))
            .map_or(crate::domain::runbook::SERVER_PLACEHOLDER, |i| {
                i.server.as_str()
            })
    }

    /// Why hop `hop`'s (1-based) runbook gives no command-line steps, if it gives none.
    fn no_steps(&self, hop: usize) -> Option<NoSteps> {
        self.no_steps.get(hop.wrapping_sub(1)).copied().flatten()
    }

    fn path(&self, unit: Unit) -> &[Release] {
        match unit {
            Unit::Primary => &self.paths[0],
            Unit::Secondary => &self.paths[1],
        }
    }

    /// The hop (1-based) reloads this unit alone.
    fn one_unit(&self, hop: usize) -> Option<Unit> {
        self.one_unit.get(hop.wrapping_sub(1)).copied().flatten()
    }

    /// Hop `hop`'s steps, in the runbook's order.
    fn outline(&self, hop: usize) -> &[Phase] {
        self.outlines
            .get(hop.wrapping_sub(1))
            .map_or(&[], Vec::as_slice)
    }

    /// The number hop `hop`'s runbook gives the step that does `phase`, if it has one.
    fn find(&self, hop: usize, phase: Phase) -> Option<u8> {
        let at = self.outline(hop).iter().position(|p| *p == phase)?;
        u8::try_from(at + 1).ok()
    }

    /// The number of the step that does `phase` (0 if the hop has none: never asked of a
    /// phase the hop's procedure lacks).
    fn number(&self, hop: usize, phase: Phase) -> u8 {
        self.find(hop, phase).unwrap_or(0)
    }

    /// What step `step` of hop `hop` does.
    fn phase(&self, hop: usize, step: u8) -> Option<Phase> {
        self.outline(hop)
            .get(usize::from(step).wrapping_sub(1))
            .copied()
    }

    /// Inside hop `hop`, the step that does `phase` done.
    fn after(&self, hop: usize, phase: Phase) -> Place {
        Place::InHop {
            hop,
            step: self.number(hop, phase),
            done: phase,
            one_unit: self.one_unit(hop),
        }
    }

    /// Whether the step that does `phase` of hop `hop` is ticked.
    fn ticked(&self, known: &Known, hop: usize, phase: Phase) -> bool {
        self.find(hop, phase)
            .is_some_and(|step| known.ticked(hop, step))
    }

    /// The previous position had hop `hop`'s step that does `phase` done (or a later one).
    fn previously(&self, known: &Known, hop: usize, phase: Phase) -> bool {
        match (self.find(hop, phase), known.previous_step(hop)) {
            (Some(step), Some(done)) => done >= step,
            _ => false,
        }
    }

    /// Hop `hop`'s runbook has a rollback that leaves both units on their start releases: a
    /// validation window whose rollback reloads the upgraded unit back (SPEC §6 (a) to (c)).
    /// None for a one-unit hop (no window) or a hop landing where there is no downgrade (its
    /// rollback is the failback (a) alone: the upgraded unit stays).
    fn rolls_back(&self, hop: usize) -> bool {
        self.find(hop, Phase::Window).is_some()
            && self
                .hops
                .get(hop.wrapping_sub(1))
                .is_some_and(|h| h.to < ONE_WAY_SINCE)
    }

    /// Step `step` of hop `hop` reloads a unit.
    fn reloads_at(&self, hop: usize, step: u8) -> bool {
        matches!(
            self.phase(hop, step),
            Some(Phase::FirstReload | Phase::SecondReload)
        )
    }

    /// The hop's `write memory` step, when it has one (a one-unit hop has one only when its
    /// other unit already runs the hop's release).
    fn save_step(&self, hop: usize) -> Option<u8> {
        self.find(hop, Phase::Save)
    }

    /// The hops `k` after which the unit's path has it on `release` (0: the plan's start).
    fn places(&self, unit: Unit, release: Release) -> Vec<usize> {
        let path = self.path(unit);
        (0..path.len()).filter(|&k| path[k] == release).collect()
    }

    /// The releases the unit's path has it on, in order, each once.
    fn releases(&self, unit: Unit) -> Vec<Release> {
        let mut list = self.path(unit).to_vec();
        list.dedup();
        list
    }

    /// Every release of the plan: each hop's start and landing, and each unit's start.
    fn on_plan(&self, release: Release) -> bool {
        self.paths.iter().flatten().any(|r| *r == release)
            || self
                .hops
                .iter()
                .any(|h| h.from == release || h.to == release)
    }

    /// Where a block is typed for a unit: Active/Standby by its role, Active/Active by name.
    fn role_of(&self, unit: Unit, active_standby: Role) -> Role {
        match self.mode {
            Mode::ActiveStandby => active_standby,
            Mode::ActiveActive => unit_role(unit),
        }
    }
}

/// Hop `i`'s (0-based) steps in its runbook's order, as the session's plan has the hop;
/// none for a hop whose runbook gives no command-line steps ([`no_steps`]: the page's hop
/// section has `data-steps="0"`, or there is none).
pub fn hop_outline(session: &Session, i: usize) -> Option<Vec<Phase>> {
    let hops = session.hops();
    let spec = session.hop_spec(i, |r| plan_default_image(hops, session.platform, r))?;
    if no_steps(session, i).is_some() {
        return Some(Vec::new());
    }
    Some(spec.outline(session.setup.mode))
}

/// The place "inside hop `hop` (1-based) after step `step`", numbered as that hop's runbook
/// numbers it (`None` when the plan has no such hop or step): a position read before, given
/// by number.
pub fn place_after(session: &Session, hop: usize, step: u8) -> Option<Place> {
    let i = hop.checked_sub(1)?;
    let steps = hop_outline(session, i)?;
    let done = *steps.get(usize::from(step).checked_sub(1)?)?;
    let one_unit = session
        .hop_facts
        .get(i)
        .and_then(|f| match f.reloads.as_slice() {
            [one] => Some(one.unit),
            _ => None,
        });
    Some(Place::InHop {
        hop,
        step,
        done,
        one_unit,
    })
}

/// The command that hands the active role to the other unit.
const NO_FAILOVER_ACTIVE: &str = "no failover active";

fn unit_role(unit: Unit) -> Role {
    match unit {
        Unit::Primary => Role::Primary,
        Unit::Secondary => Role::Secondary,
    }
}

/// The unit's state as one failover state: its own (Active/Standby), or for Active/Active
/// `Active` when every group is active there, `Standby Ready` when none is, the worst state
/// otherwise; `None` when its groups are split (the pair at rest) or nothing is known.
pub fn effective_state(f: &UnitFacts) -> Option<State> {
    if f.state.is_some() {
        return f.state;
    }
    if f.groups.is_empty() {
        return None;
    }
    let states = || f.groups.iter().map(|(_, s)| *s);
    if states().all(State::is_active) {
        Some(State::Active)
    } else if states().all(|s| s == State::StandbyReady) {
        Some(State::StandbyReady)
    } else if let Some(bad) = states().find(|s| matches!(s, State::Failed | State::Disabled)) {
        Some(bad)
    } else {
        states().find(|s| s.is_syncing() || *s == State::NotDetected)
    }
}

/// The position of the pair on the session's plan.
pub fn locate(session: &Session, snap: &Snapshot, known: &Known) -> Position {
    let mut pos = place(session, snap, known);
    // A plan, output that names a unit, and still no place and no stop: not on track (SPEC
    // §14: exit 0 is on track or done). Every path above says why; this keeps it so.
    let named = snap.primary.is_known() || snap.secondary.is_known();
    if pos.place == Place::Unknown && pos.stops.is_empty() && named && !session.hops().is_empty() {
        let mut stop = Stop::new(StopKind::MateUnknown, None);
        stop.unplaced = Some(Unplaced::StateNotShown);
        pos.stops.push(stop);
    }
    // Both units Active or both Standby Ready: every step would reload or fail over a unit
    // it must not; no next step is offered.
    // So too with the outputs disagreeing about which unit is active: every step names a
    // unit by its role, and the roles are what is not known (a held step would name a guess).
    if pos.stops.iter().any(Stop::is_both) {
        pos.next = None;
        pos.alternative = None;
    }
    interface_stops(&mut pos, snap);
    // Any stop forbids the next step now: it stays in view, held until the stops are cleared.
    // A tick the output does not show holds it too: the forward reading's step (a failover)
    // would move the traffic back onto a release the pair may just have failed back from.
    let stopped = !pos.stops.is_empty();
    // Not the staging's: boot lines that do not name the new image are output typed now, and
    // step 1 again is what they ask for.
    let awaits_output = !stopped
        && pos
            .ticked_not_shown
            .is_some_and(|t| t.not_shown.1 != Phase::Stage);
    let system = session.setup.system_space();
    let alt = pos.alternative.as_mut().and_then(|(_, n)| n.as_mut());
    for n in pos.next.iter_mut().chain(alt) {
        n.system = system;
        n.held = stopped || awaits_output;
        n.awaits_output = awaits_output;
    }
    pos
}

/// Both units Active, or both Standby Ready (a failover link down, or a pair that has lost
/// its active unit); or each unit's own output says so, while another output says otherwise
/// (the roles are not known: [`Unplaced::OutputsDisagree`]).
fn both_stop(snap: &Snapshot) -> Option<Stop> {
    if let Some(role) = snap.roles_disagree() {
        let mut stop = Stop::new(StopKind::MateFailed, None);
        stop.state = Some(role);
        stop.unplaced = Some(Unplaced::OutputsDisagree);
        return Some(stop);
    }
    let (p, s) = (
        effective_state(&snap.primary),
        effective_state(&snap.secondary),
    );
    match (p, s) {
        (Some(a @ (State::Active | State::StandbyReady)), Some(b)) if a == b => {
            let mut stop = Stop::new(StopKind::MateFailed, None);
            stop.state = Some(a);
            Some(stop)
        }
        _ => None,
    }
}

fn place(session: &Session, snap: &Snapshot, known: &Known) -> Position {
    let mut pos = Position {
        place: Place::Unknown,
        next: None,
        alternative: None,
        stops: Vec::new(),
        plan_from: None,
        no_steps: None,
        ticked_not_shown: None,
    };
    if snap.failover == Some(false) {
        pos.stops.push(Stop::new(StopKind::FailoverOff, None));
    }
    let units = [&snap.primary, &snap.secondary];
    for f in units {
        let unknown = f.release_unreadable && f.release.is_none()
            || f.release
                .is_some_and(|r| !session.base.has_train(r.train()));
        if unknown {
            let mut stop = Stop::new(StopKind::UnknownRelease, Some(f.unit));
            stop.release = f.release;
            pos.stops.push(stop);
        }
    }
    pos.stops.extend(both_stop(snap));
    let (p, s) = (snap.primary.release, snap.secondary.release);
    if let Some(from) = p.or(s) {
        let want_p = session.from.release;
        let want_s = session.from2.as_ref().and_then(|f| f.release).or(want_p);
        let differs = p.is_some_and(|p| Some(p) != want_p) || s.is_some_and(|s| Some(s) != want_s);
        let planned = session.plan.as_ref().is_some_and(|pl| !pl.hops.is_empty());
        if !planned || differs {
            pos.plan_from = Some(PlanFrom {
                from,
                from2: p.and(s).filter(|s| Some(*s) != p),
            });
        }
    }
    let walk = match Walk::new(session, known) {
        Some(walk) if !walk.hops.is_empty() => walk,
        _ => {
            // Nothing to do (`same`): done when both units run the target.
            if session.verdict == super::plan::Verdict::Same
                && p.is_some()
                && p == s
                && p == session.to.release
            {
                pos.place = Place::Done;
                pos.plan_from = None;
            }
            return pos;
        }
    };
    // The mate is not seen: nothing to place by, unless a reload is under way.
    let (Some(p), Some(s), false) = (p, s, snap.mate_unknown) else {
        let missing = [&snap.primary, &snap.secondary]
            .into_iter()
            .find(|f| f.release.is_none() && !f.release_unreadable);
        if snap.mate_unknown || missing.is_some_and(|f| f.state == Some(State::NotDetected)) {
            let unit = missing.map(|f| f.unit);
            let kind = if known.reloading(&walk) {
                StopKind::MateSyncing
            } else {
                StopKind::MateUnknown
            };
            let mut stop = Stop::new(kind, unit);
            stop.state = missing.and_then(|f| f.state);
            pos.stops.push(stop);
        }
        // Nothing else stops it: a unit's release is simply not in the output (SPEC §14:
        // exit 0 is on track or done, and this is neither).
        if pos.stops.is_empty() && (snap.primary.is_known() || snap.secondary.is_known()) {
            for f in [&snap.primary, &snap.secondary] {
                if f.release.is_none() && !f.release_unreadable {
                    let mut stop = Stop::new(StopKind::UnknownRelease, Some(f.unit));
                    stop.unplaced = Some(Unplaced::ReleaseNotShown);
                    pos.stops.push(stop);
                }
            }
        }
        pos.place = known.previous.unwrap_or(Place::Unknown);
        return pos;
    };
    if pos
        .stops
        .iter()
        .any(|st| st.kind == StopKind::UnknownRelease)
    {
        return pos;
    }
    let (kp, ks) = (
        walk.places(Unit::Primary, p),
        walk.places(Unit::Secondary, s),
    );
    if kp.is_empty() || ks.is_empty() {
        for (f, k) in [(&snap.primary, &kp), (&snap.secondary, &ks)] {
            if let (true, Some(release)) = (k.is_empty(), f.release) {
                pos.stops.push(off_path(&walk, f.unit, release));
            }
        }
        pos.place = known.previous.unwrap_or(Place::Unknown);
        return pos;
    }
    wrong_images(&mut pos, &walk, snap, known);
    if let Some(&k) = kp.iter().find(|k| ks.contains(k)) {
        at_rest(&mut pos, &walk, snap, known, k);
    } else if let Some((h, upgraded)) = mid_hop(&walk, &kp, &ks) {
        let (upgraded, old) = (snap.unit(upgraded), snap.unit(other(upgraded)));
        match walk.no_steps(h) {
            Some(why) => midway(&mut pos, &walk, snap, known, h, why),
            None => in_hop(&mut pos, &walk, known, h, upgraded, old),
        }
    } else {
        let mut stop = Stop::new(StopKind::Parity, None);
        stop.expected = vec![p.min(s), p.max(s)];
        pos.stops.push(stop);
    }
    pos
}

/// A hop (1-based) that reloads both units with one unit already on its landing and the other
/// still on its start: the hop and the upgraded unit.
fn mid_hop(walk: &Walk, kp: &[usize], ks: &[usize]) -> Option<(usize, Unit)> {
    (1..=walk.hops.len())
        .filter(|&h| walk.one_unit(h).is_none())
        .find_map(|h| {
            if kp.contains(&h) && ks.contains(&(h - 1)) {
                Some((h, Unit::Primary))
            } else if ks.contains(&h) && kp.contains(&(h - 1)) {
                Some((h, Unit::Secondary))
            } else {
                None
            }
        })
}

/// Inside hop `h`, whose runbook gives no command-line steps (`why`), one unit on its landing
/// and the other on its start: no step of it to name or offer, only the hop and why, and
/// the standby's health.
fn midway(pos: &mut Position, walk: &Walk, snap: &Snapshot, known: &Known, h: usize, why: NoSteps) {
    pos.place = Place::Midway { hop: h };
    pos.next = None;
    pos.alternative = None;
    pos.no_steps = Some((h, why));
    let active = active_unit(snap);
    if let Some(standby) = [&snap.primary, &snap.secondary]
        .into_iter()
        .find(|f| Some(f.unit) != active && effective_state(f).is_some())
    {
        standby_health(pos, standby, known.reloading(walk), false);
    }
}

/// Inside hop `h`, which reloads both units: `upgraded` runs its release, `old` its start.
fn in_hop(
    pos: &mut Position,
    walk: &Walk,
    known: &Known,
    h: usize,
    upgraded: &UnitFacts,
    old: &UnitFacts,
) {
    let hop = &walk.hops[h - 1];
    let reloading = known.reloading(walk);
    let upgraded_state = effective_state(upgraded);
    let old_state = effective_state(old);
    let old_active = old_state.is_some_and(State::is_active);
    let upgraded_active = upgraded_state.is_some_and(State::is_active);
    if old_active && !upgraded_active {
        // After the first reload (or a rollback's failback): the next step fails over.
        // Read before, the hop rolled back to its end: this is the hop started again, and the
        // ticks of the attempt rolled back say nothing of this one.
        let again = known.previous == Some(Place::RolledBack { hop: h });
        // Only what showed the failover settles the rollback: the previous position read at
        // or after it, or failed back, or a block of the rollback ticked. A tick of the
        // failover (or a later step) alone does not: this output may predate it.
        let rolled_back = !again
            && (walk.previously(known, h, Phase::FailOver)
                || known.previous == Some(Place::Rollback { hop: h })
                || known.failed_back(walk, h));
        let failover = walk.number(h, Phase::FailOver);
        let ahead = known.last_ticked(h).filter(|&t| !again && t >= failover);
        let forward = (
            walk.after(h, Phase::FirstReload),
            Some(fail_over(walk, h, old.unit)),
        );
        let back = (Place::Rollback { hop: h }, rollback(walk, h, hop, old.unit));
        let ((place, n), alt) = if rolled_back {
            (back, None)
        } else if ahead.is_none() && !again && walk.ticked(known, h, Phase::FirstReload) {
            (forward, None)
        } else {
            (forward, Some(back))
        };
        if let (false, Some(ticked)) = (rolled_back, ahead) {
            pos.ticked_not_shown = Some(TickedNotShown {
                hop: h,
                ticked,
                not_shown: (failover, Phase::FailOver),
            });
        }
        pos.place = place;
        pos.next = n;
        pos.alternative = alt;
        if matches!(place, Place::InHop { .. }) {
            precondition(pos, upgraded, old, reloading);
        }
        return;
    }
    if upgraded_active && !old_active {
        let window = walk.number(h, Phase::Window);
        let done = if walk.ticked(known, h, Phase::Window) || known.previous_step(h) == Some(window)
        {
            Phase::Window
        } else {
            Phase::FailOver
        };
        // The second reload was issued, yet the former active still runs its old release: it
        // booted the old image (SPEC §6: caught here, before any failover).
        let done = if walk.ticked(known, h, Phase::SecondReload)
            || walk.previously(known, h, Phase::SecondReload)
        {
            let mut stop = Stop::new(StopKind::OffPlan, Some(old.unit));
            stop.release = old.release;
            stop.expected = vec![hop.to];
            stop.off = Some(OffPlan::OldImage);
            pos.stops.push(stop);
            Phase::Window
        } else {
            done
        };
        pos.place = walk.after(h, done);
        let on = walk.role_of(upgraded.unit, Role::Active);
        pos.next = Some(if done == Phase::FailOver {
            next(
                h,
                window,
                StepKind::Validate,
                on,
                Some(upgraded.unit),
                &["show failover"],
            )
        } else {
            next(
                h,
                walk.number(h, Phase::SecondReload),
                StepKind::ReloadFormer,
                on,
                Some(upgraded.unit),
                &["failover reload-standby"],
            )
        });
        standby_health(pos, old, reloading, done == Phase::Window);
        return;
    }
    // No unit active, or both: the pair is not in a state any step leaves it in.
    pos.place = known.previous.unwrap_or(Place::Unknown);
    for f in [upgraded, old] {
        if let Some(st) =
            effective_state(f).filter(|st| !st.is_active() && *st != State::StandbyReady)
        {
            let kind = if st.is_syncing() || st == State::NotDetected {
                StopKind::MateSyncing
            } else {
                StopKind::MateFailed
            };
            let mut stop = Stop::new(kind, Some(f.unit));
            stop.state = Some(st);
            pos.stops.push(stop);
        }
    }
    if !pos.stops.is_empty() {
        return;
    }
    // Nothing above says why: the groups split between the units (Active/Active: between the
    // reloads the runbook keeps both groups on one unit), or no failover state shown.
    let split = [upgraded, old]
        .into_iter()
        .find(|f| f.groups.iter().any(|(_, s)| s.is_active()) && effective_state(f).is_none());
    let mut stop = match split {
        Some(f) => {
            let mut stop = Stop::new(StopKind::MateFailed, Some(f.unit));
            stop.unplaced = Some(Unplaced::GroupsSplit);
            stop
        }
        None => {
            let shown = |f: &UnitFacts| f.state.is_some() || !f.groups.is_empty();
            let unit = match (shown(upgraded), shown(old)) {
                (true, false) => Some(old.unit),
                (false, true) => Some(upgraded.unit),
                _ => None,
            };
            let mut stop = Stop::new(StopKind::MateUnknown, unit);
            stop.unplaced = Some(Unplaced::StateNotShown);
            stop
        }
    };
    stop.state = None;
    pos.stops.push(stop);
}

/// Active/Standby: whether `unit` carries the traffic, as the output shows it: its failover
/// state (Standby Ready and the like say its mate is active), else the role its
/// failover-aware prompt names, else the other unit shown active (`active`: the unit whose
/// state is active) or named active by its prompt; `None` when nothing says.
fn holds_traffic(snap: &Snapshot, unit: Unit, active: Option<Unit>) -> Option<bool> {
    let f = snap.unit(unit);
    let mate = snap.unit(other(unit));
    effective_state(f)
        .map(State::is_active)
        .or(f.prompt_role.map(|r| r == Side::Active))
        .or_else(|| {
            (active == Some(mate.unit) || mate.prompt_role == Some(Side::Active)).then_some(false)
        })
}

/// The unit whose (every group's) state is active, when one is.
fn active_unit(snap: &Snapshot) -> Option<Unit> {
    [&snap.primary, &snap.secondary]
        .into_iter()
        .find(|f| effective_state(f).is_some_and(State::is_active))
        .map(|f| f.unit)
}

fn next(
    hop: usize,
    step: u8,
    kind: StepKind,
    role: Role,
    unit: Option<Unit>,
    commands: &[&str],
) -> NextStep {
    NextStep {
        hop,
        step,
        kind,
        role,
        unit,
        commands: commands.iter().map(|c| c.to_string()).collect(),
        system: false,
        held: false,
        awaits_output: false,
        prechecks: None,
    }
}

/// The failover: `no failover active` on the active unit (Active/Active: on the unit where
/// both groups are active).
fn fail_over(walk: &Walk, h: usize, old: Unit) -> NextStep {
    let role = walk.role_of(old, Role::Active);
    next(
        h,
        walk.number(h, Phase::FailOver),
        StepKind::FailOver,
        role,
        Some(old),
        &[NO_FAILOVER_ACTIVE],
    )
}

/// Rollback (b) on the active (old-release) unit: the new image out of the boot lines (a
/// block of the validation window's step).
///
/// `None` for a hop landing on a release with no downgrade (9.24 on): its runbook's rollback
/// is the failback (a) alone, and the position offers no block the runbook does not give.
fn rollback(walk: &Walk, h: usize, hop: &Hop, on: Unit) -> Option<NextStep> {
    if hop.to >= ONE_WAY_SINCE {
        return None;
    }
    // The runbook's block (b) up to `end`: the new image out of the boot lines (a model with
    // a single boot line gets the old image's line again), saved.
    let mut commands = vec![
        "configure terminal".to_string(),
        format!("no boot system disk0:/{}", walk.image(hop.to)),
    ];
    if walk.single_boot_line {
        commands.push(format!("boot system disk0:/{}", walk.image(hop.from)));
    }
    commands.extend(["write memory".to_string(), "end".to_string()]);
    Some(NextStep {
        hop: h,
        step: walk.number(h, Phase::Window),
        kind: StepKind::RollbackBoot,
        role: walk.role_of(on, Role::Active),
        system: false,
        held: false,
        awaits_output: false,
        prechecks: None,
        unit: Some(on),
        commands,
    })
}

/// How a hop opens from its start: its first step, and where it stands once the ticks or a
/// pasted `show bootvar` or `dir` say its images are staged.
struct Opening {
    /// The first step to take from where the output shows the hop.
    first: NextStep,
    /// Where the output itself shows the hop when the effect of one of its steps is in it
    /// (Active/Active: both groups on the primary, step 1 done); `None`: at rest.
    shown: Option<Place>,
    /// Where a step already ticked puts the hop.
    ticked: Option<(Place, Option<NextStep>)>,
    /// A pasted `show bootvar` or `dir` says the images are staged (or not).
    staged: Option<bool>,
    /// The place and next step once the images are staged; `None` where another step must
    /// come first (the unit to reload first is active, or, Active/Active, the groups are not
    /// both on the primary).
    after_staging: Option<(Place, Option<NextStep>)>,
    /// The unit the hop's first reload reloads, and the step that reloads it.
    reloaded: (Option<Unit>, u8),
}

/// Hop `h` (1-based) opening with both units at rest on their start releases.
fn opening(walk: &Walk, snap: &Snapshot, known: &Known, h: usize) -> Opening {
    match (walk.one_unit(h), walk.mode) {
        (Some(unit), _) => opening_one(walk, snap, known, h, unit),
        (None, Mode::ActiveStandby) => opening_both(walk, snap, known, h),
        (None, Mode::ActiveActive) => opening_groups(walk, snap, known, h),
    }
}

/// The staging's first command: hop `h`'s new image copied to the unit typed on, named as
/// the runbook names it.
fn copy_image(walk: &Walk, h: usize) -> String {
    let image = walk.image(walk.hops[h - 1].to);
    format!(
        "copy /noconfirm tftp://{}/{image} disk0:/{image}",
        walk.server(h)
    )
}

/// An Active/Standby hop that reloads both units.
fn opening_both(walk: &Walk, snap: &Snapshot, known: &Known, h: usize) -> Opening {
    let hop = &walk.hops[h - 1];
    let active = active_unit(snap);
    let (stage_step, reload_step) = (
        walk.number(h, Phase::Stage),
        walk.number(h, Phase::FirstReload),
    );
    // A mismatched pair's units on different releases: the unit on the hop's start is
    // reloaded first, from the other (SPEC §4; the runbook's pre-check). `failover
    // reload-standby` reloads whichever unit is the standby, so it is offered only once the
    // output shows the unit to reload first is not the active one.
    let first_reloaded = [Unit::Primary, Unit::Secondary]
        .into_iter()
        .find(|u| walk.path(*u)[h - 1] == hop.from);
    let mixed = walk.path(Unit::Primary)[h - 1] != walk.path(Unit::Secondary)[h - 1];
    let mut active = active;
    if let (true, Some(first)) = (mixed, first_reloaded) {
        let holds = holds_traffic(snap, first, active);
        let unknown = holds.is_none();
        if holds != Some(false) {
            let to_standby = |step: u8| {
                next(
                    h,
                    step,
                    if unknown {
                        StepKind::FirstToStandbyIfActive
                    } else {
                        StepKind::FirstToStandby
                    },
                    // Typed on that unit; its role is not known, so it is not named.
                    if unknown {
                        unit_role(first)
                    } else {
                        Role::Active
                    },
                    Some(first),
                    &[NO_FAILOVER_ACTIVE],
                )
            };
            // Staging ticked, and still not known which unit is active: the pre-check comes
            // before the reload.
            let ticked = (unknown && walk.ticked(known, h, Phase::Stage))
                .then(|| (walk.after(h, Phase::Stage), Some(to_standby(reload_step))));
            return Opening {
                first: to_standby(stage_step),
                shown: None,
                ticked,
                staged: None,
                after_staging: None,
                reloaded: (Some(first), reload_step),
            };
        }
        // Not active: the other unit is, and the reload is typed on it.
        active = Some(other(first));
    }
    let stage = NextStep {
        commands: vec![copy_image(walk, h)],
        ..next(h, stage_step, StepKind::Stage, Role::Active, active, &[])
    };
    let reload = next(
        h,
        reload_step,
        StepKind::ReloadStandby,
        Role::Active,
        active,
        &["failover reload-standby"],
    );
    let after_staging = (walk.after(h, Phase::Stage), Some(reload));
    Opening {
        first: stage,
        shown: None,
        ticked: walk
            .ticked(known, h, Phase::Stage)
            .then(|| after_staging.clone()),
        staged: staged(snap, walk, hop, &[Unit::Primary, Unit::Secondary]),
        after_staging: Some(after_staging),
        reloaded: (active.map(other), reload_step),
    }
}

/// An Active/Active hop that reloads both units (SPEC §6: `failover active` on the primary
/// comes first, both groups active there, then the staging and the boot lines on it, then the
/// secondary reloaded from it).
fn opening_groups(walk: &Walk, snap: &Snapshot, known: &Known, h: usize) -> Opening {
    let hop = &walk.hops[h - 1];
    let primary = Some(Unit::Primary);
    let take = next(
        h,
        walk.number(h, Phase::GroupsToPrimary),
        StepKind::GroupsToPrimary,
        Role::Primary,
        primary,
        &["failover active"],
    );
    let stage = NextStep {
        commands: vec![copy_image(walk, h)],
        ..next(
            h,
            walk.number(h, Phase::Stage),
            StepKind::Stage,
            Role::Primary,
            primary,
            &[],
        )
    };
    let reload_step = walk.number(h, Phase::FirstReload);
    let reload = next(
        h,
        reload_step,
        StepKind::ReloadStandby,
        Role::Primary,
        primary,
        &["failover reload-standby"],
    );
    let reloaded = (Some(Unit::Secondary), reload_step);
    // Both groups active on the primary: step 1's effect; anything else (split, on the
    // secondary, not shown) is before it.
    let on_primary = !snap.primary.groups.is_empty()
        && effective_state(&snap.primary).is_some_and(State::is_active);
    if !on_primary {
        return Opening {
            first: take,
            shown: None,
            ticked: None,
            staged: None,
            after_staging: None,
            reloaded,
        };
    }
    let staged = staged(snap, walk, hop, &[Unit::Primary, Unit::Secondary]);
    let after_take = (walk.after(h, Phase::GroupsToPrimary), Some(stage.clone()));
    let after_staging = (walk.after(h, Phase::Stage), Some(reload));
    let ticked = if walk.ticked(known, h, Phase::Stage) {
        Some(after_staging.clone())
    } else if walk.ticked(known, h, Phase::GroupsToPrimary) && staged != Some(true) {
        Some(after_take.clone())
    } else {
        None
    };
    Opening {
        first: stage,
        shown: Some(after_take.0),
        ticked,
        staged,
        after_staging: Some(after_staging),
        reloaded,
    }
}

/// A one-unit hop: `unit` is reloaded, the other unit stays on its release (SPEC §6: that unit
/// must be the standby; copy the image to it, check the boot lines, `failover reload-standby`
/// from the active).
fn opening_one(walk: &Walk, snap: &Snapshot, known: &Known, h: usize, unit: Unit) -> Opening {
    let hop = &walk.hops[h - 1];
    let stays = other(unit);
    let lead = walk.role_of(stays, Role::Active);
    let f = snap.unit(unit);
    // Whether the unit to reload carries traffic: its failover state, or, Active/Standby,
    // the role its failover-aware prompt names when no `show failover` says; `None`: not
    // known.
    let holds_traffic = match walk.mode {
        Mode::ActiveStandby => effective_state(f)
            .map(State::is_active)
            .or(f.prompt_role.map(|r| r == Side::Active)),
        Mode::ActiveActive => {
            (!f.groups.is_empty()).then(|| effective_state(f) != Some(State::StandbyReady))
        }
    };
    let one = Some(unit);
    let (standby_step, stage_step, reload_step) = (
        walk.number(h, Phase::MakeStandby),
        walk.number(h, Phase::Stage),
        walk.number(h, Phase::FirstReload),
    );
    // Its role not known and no step of the hop ticked: step 1 first, never a reload that
    // could be typed on the unit it would reload.
    let unknown = holds_traffic.is_none()
        && !walk.ticked(known, h, Phase::MakeStandby)
        && !walk.ticked(known, h, Phase::Stage);
    if holds_traffic == Some(true) || unknown {
        let first = match walk.mode {
            Mode::ActiveStandby => next(
                h,
                standby_step,
                if unknown {
                    StepKind::MakeStandbyIfActive
                } else {
                    StepKind::MakeStandby
                },
                // Typed on that unit; its role is not known, so it is not named.
                if unknown {
                    unit_role(unit)
                } else {
                    Role::Active
                },
                one,
                &[NO_FAILOVER_ACTIVE],
            ),
            Mode::ActiveActive => next(
                h,
                standby_step,
                StepKind::MakeStandby,
                lead,
                Some(stays),
                &["failover active"],
            ),
        };
        return Opening {
            first,
            shown: None,
            ticked: None,
            staged: None,
            after_staging: None,
            reloaded: (one, reload_step),
        };
    }
    let copy = copy_image(walk, h);
    let stage = if has_failover_exec(hop.from) {
        NextStep {
            commands: vec![format!("failover exec mate {copy}")],
            ..next(
                h,
                stage_step,
                StepKind::StageOne(unit),
                lead,
                Some(stays),
                &[],
            )
        }
    } else {
        NextStep {
            commands: vec![copy],
            ..next(
                h,
                stage_step,
                StepKind::StageOne(unit),
                walk.role_of(unit, Role::Standby),
                one,
                &[],
            )
        }
    };
    let reload = next(
        h,
        reload_step,
        StepKind::ReloadStandby,
        lead,
        Some(stays),
        &["failover reload-standby"],
    );
    let after_staging = (walk.after(h, Phase::Stage), Some(reload));
    let ticked = if walk.ticked(known, h, Phase::Stage) {
        Some(after_staging.clone())
    } else if walk.ticked(known, h, Phase::MakeStandby) {
        Some((walk.after(h, Phase::MakeStandby), Some(stage.clone())))
    } else {
        None
    };
    Opening {
        first: stage,
        shown: None,
        ticked,
        staged: staged(snap, walk, hop, &[unit]),
        after_staging: Some(after_staging),
        reloaded: (one, reload_step),
    }
}

/// Both units where their paths have them after hop `k`: before the plan, between hops, or
/// done; or inside the next hop when the ticks or a pasted `show bootvar` or `dir` say it
/// started.
fn at_rest(pos: &mut Position, walk: &Walk, snap: &Snapshot, known: &Known, k: usize) {
    let n = walk.hops.len();
    // The next hop's runbook gives no command-line steps: no step of it is offered or read
    // (staged or not), only the hop and why.
    let blank = (k < n).then(|| walk.no_steps(k + 1)).flatten();
    let opening = (k < n && blank.is_none()).then(|| opening(walk, snap, known, k + 1));
    let first = opening.as_ref().map(|o| o.first.clone());
    let rest = match k {
        0 => Place::Before,
        k if k == n => Place::Done,
        k => Place::Between { after: k },
    };
    // Not started (no step of it shown): its pre-checks and backup come before its step 1.
    let shown = opening.as_ref().and_then(|o| o.shown);
    let first = first.map(|n| NextStep {
        prechecks: shown.is_none().then(|| {
            let hop = &walk.hops[k];
            backup_name(hop.from, hop.to)
        }),
        ..n
    });
    let rest = (shown.unwrap_or(rest), first);
    // The hop that ended here may still have its `write memory` to do.
    let saving = (k > 0).then(|| walk.save_step(k)).flatten().map(|save| {
        let active = active_unit(snap);
        let before = walk.phase(k, save - 1).unwrap_or(Phase::SecondReload);
        let place = walk.after(k, before);
        let on = walk.role_of(active.unwrap_or(Unit::Primary), Role::Active);
        (
            save,
            (
                place,
                Some(next(k, save, StepKind::Save, on, active, &[walk.save])),
            ),
        )
    });
    let saved_before = saving
        .as_ref()
        .is_some_and(|(save, _)| known.ticked(k, save - 1));
    // A pasted `show bootvar` or `dir` that shows the images not staged wins over a tick of
    // the staging: a reload now would not boot the new image, so step 1 is not done.
    let unstaged = opening
        .as_ref()
        .filter(|o| o.staged == Some(false))
        .and_then(|o| o.after_staging.as_ref())
        .map(|(place, _)| *place);
    let started = opening.as_ref().and_then(|o| {
        let ticked = o
            .ticked
            .clone()
            .filter(|(place, _)| Some(*place) != unstaged);
        if ticked.is_none() && o.ticked.is_some() {
            let stage = walk.number(k + 1, Phase::Stage);
            pos.ticked_not_shown = Some(TickedNotShown {
                hop: k + 1,
                ticked: known.last_ticked(k + 1).unwrap_or(stage).max(stage),
                not_shown: (stage, Phase::Stage),
            });
        }
        ticked.or_else(|| {
            let by_output = o.staged == Some(true) && (k == 0 || !saved_before);
            o.after_staging.clone().filter(|_| by_output)
        })
    });
    let ((place, next), alternative) = if let Some(started) = started {
        (started, None)
    } else if k == 0 {
        let o = opening.as_ref();
        let forward = o.and_then(|o| o.after_staging.clone());
        match forward {
            Some(forward) if known.ticked.is_empty() && o.is_some_and(|o| o.staged.is_none()) => {
                (forward, Some(rest))
            }
            _ => (rest, None),
        }
    } else {
        match saving {
            Some((save, _)) if known.ticked(k, save) => (rest, None),
            Some((_, reading)) if saved_before => (reading, None),
            Some((_, reading)) => (rest, Some(reading)),
            None => (rest, None),
        }
    };
    pos.place = place;
    pos.next = next;
    pos.alternative = alternative;
    // At rest before that hop (not inside the hop that ended here, its `write memory` next).
    if !matches!(place, Place::InHop { .. }) {
        pos.no_steps = blank.map(|why| (k + 1, why));
    }
    if let Some(o) = &opening {
        boot_lines(pos, walk, snap, k + 1);
        reload_came_back(pos, walk, snap, known, k + 1, o);
    }
    // The standby must be healthy at rest too, and Standby Ready when the next step fails
    // over to it (a mismatched pair's unit on the hop's start made the standby first).
    let active = active_unit(snap);
    let fails_over = pos.next.as_ref().is_some_and(|n| n.kind.fails_over());
    if let Some(standby) = [&snap.primary, &snap.secondary]
        .into_iter()
        .find(|f| Some(f.unit) != active && effective_state(f).is_some())
    {
        standby_health(pos, standby, known.reloading(walk), fails_over);
    }
}

/// Both units on hop `h`'s start releases, yet the hop had begun: its first reload was
/// issued (ticked, or seen done before), or a later step was. Either that reload brought the
/// unit back on its start release, which booted the old image (SPEC §6: caught here, before
/// any failover; the reload is to be done again once its boot lines are right), or the hop was
/// rolled back to its end ([`rolled_back`]), which leaves the pair where the hop started.
fn reload_came_back(
    pos: &mut Position,
    walk: &Walk,
    snap: &Snapshot,
    known: &Known,
    h: usize,
    o: &Opening,
) {
    let (unit, step) = o.reloaded;
    // A pasted `show bootvar` (not a `dir`: the rollback leaves the file on the flash) whose
    // first boot line is the new image.
    let boots_new = snap.boot.is_some() && o.staged == Some(true);
    let back = rolled_back(walk, known, h, step, boots_new).map(|settled| {
        // The hop's own start again, its pre-checks and backup first, as before its first
        // attempt: never the bare reload of a hop that had simply not gone on.
        let hop = &walk.hops[h - 1];
        let first = NextStep {
            prechecks: Some(backup_name(hop.from, hop.to)),
            ..o.first.clone()
        };
        (settled, (Place::RolledBack { hop: h }, Some(first)))
    });
    if let Some((true, (place, next))) = back {
        pos.place = place;
        pos.next = next;
        pos.alternative = None;
        return;
    }
    let issued = known.ticked(h, step) || known.previous_step(h).is_some_and(|done| done >= step);
    let (true, Some(unit)) = (issued, unit) else {
        return;
    };
    let mut stop = Stop::new(StopKind::OffPlan, Some(unit));
    stop.release = snap.unit(unit).release;
    stop.expected = vec![walk.hops[h - 1].to];
    stop.off = Some(OffPlan::OldImage);
    pos.stops.push(stop);
    // The output shows the images not staged: step 1 again (at rest said so), never the
    // reload again.
    if o.staged == Some(false) {
        return;
    }
    if let Some((place, next)) = o.after_staging.clone() {
        pos.place = place;
        pos.next = next;
        // Only the reload's tick says the hop began: a rollback fits too (SPEC §14: the
        // forward reading taken, the other named).
        pos.alternative = back.map(|(_, reading)| reading);
    }
}

/// Whether hop `h`, both units back on their start releases, reads as rolled back to its end
/// (its first reload is step `reload`): `Some(true)` when what is known puts the hop past that
/// reload (the previous position at or after it, failed back or rolled back, or a later step
/// ticked: the upgraded unit came up on the new release, and only the rollback's (c) reloads it
/// back); `Some(false)` when only the reload's tick says the hop began (it may as well have
/// booted the old image); `None` when the reading does not fit: nothing says the hop began,
/// its runbook has no rollback to its start ([`Walk::rolls_back`]), or the boot lines name the
/// new image first (`boots_new`: the rollback's (b) takes it out of them).
fn rolled_back(walk: &Walk, known: &Known, h: usize, reload: u8, boots_new: bool) -> Option<bool> {
    if !walk.rolls_back(h) || boots_new {
        return None;
    }
    let settled = matches!(
        known.previous,
        Some(Place::Rollback { hop } | Place::RolledBack { hop }) if hop == h
    ) || known.previous_step(h).is_some_and(|done| done >= reload)
        || known.ticked.iter().any(|&(hop, s)| hop == h && s > reload);
    (settled || known.ticked(h, reload)).then_some(settled)
}

/// Before hop `h`, a pasted `show bootvar` whose first boot line names another image than the
/// hop's own (the runbook's file, or any image of its release) and than the one each unit
/// runs: the next reload would boot it, a `wrong-image` stop (SPEC §14), on the unit whose
/// boot lines show it when the output says.
fn boot_lines(pos: &mut Position, walk: &Walk, snap: &Snapshot, h: usize) {
    let hop = &walk.hops[h - 1];
    let named = walk.image(hop.to);
    let release = super::release_text::image_release;
    // Each unit's release now (its start for this hop), and the image it runs when shown.
    let runs: Vec<Release> = [Unit::Primary, Unit::Secondary]
        .into_iter()
        .filter_map(|u| walk.path(u).get(h - 1).copied())
        .collect();
    let fits = |file: &str| {
        named.eq_ignore_ascii_case(file)
            || release(file).is_some_and(|r| r == hop.to || runs.contains(&r))
            || runs
                .iter()
                .any(|r| walk.image(*r).eq_ignore_ascii_case(file))
            || [&snap.primary, &snap.secondary].into_iter().any(|f| {
                f.image
                    .as_deref()
                    .is_some_and(|i| i.eq_ignore_ascii_case(file))
            })
    };
    let mut stop_for = |unit: Option<Unit>, first: &str| {
        let mut stop = Stop::new(StopKind::WrongImage, unit);
        stop.release = Some(hop.to);
        stop.images = Some((first.to_string(), named.clone()));
        stop.boot_line = true;
        pos.stops.push(stop);
    };
    let mut by_unit = false;
    for f in [&snap.primary, &snap.secondary] {
        if let Some(first) = f.boot.first() {
            by_unit = true;
            if !fits(first) {
                stop_for(Some(f.unit), first);
            }
        }
    }
    if let (false, Some(first)) = (by_unit, snap.boot.as_ref().and_then(|b| b.first())) {
        if !fits(first) {
            stop_for(None, first);
        }
    }
}

/// Whether the hop's image is staged: the first boot line a pasted `show bootvar` shows, or,
/// without one, the image on the flash of each unit in `units` whose `dir` was pasted; `None`
/// when neither says.
fn staged(snap: &Snapshot, walk: &Walk, hop: &Hop, units: &[Unit]) -> Option<bool> {
    let named = walk.image(hop.to);
    let is_image = |file: &str| {
        named.eq_ignore_ascii_case(file) || super::release_text::image_release(file) == Some(hop.to)
    };
    if let Some(boot) = &snap.boot {
        return boot.first().map(|first| is_image(first));
    }
    let listed: Vec<&UnitFacts> = units
        .iter()
        .map(|u| snap.unit(*u))
        .filter(|f| !f.files.is_empty())
        .collect();
    (!listed.is_empty()).then(|| {
        listed
            .iter()
            .all(|f| f.files.iter().any(|file| is_image(file)))
    })
}

/// Stops for a standby that is not Standby Ready; `fails_over_next` makes any state but
/// Standby Ready a stop (the next step depends on it).
fn standby_health(pos: &mut Position, standby: &UnitFacts, reloading: bool, fails_over_next: bool) {
    let Some(state) = effective_state(standby) else {
        return;
    };
    let kind = match state {
        State::StandbyReady => return,
        s if s.is_syncing() => StopKind::MateSyncing,
        State::NotDetected if reloading => StopKind::MateSyncing,
        State::NotDetected => StopKind::MateUnknown,
        _ if fails_over_next => StopKind::MateFailed,
        State::Failed | State::Disabled => StopKind::MateFailed,
        _ => return,
    };
    let mut stop = Stop::new(kind, Some(standby.unit));
    stop.state = Some(state);
    pos.stops.push(stop);
}

/// Step 3's precondition: the upgraded standby Standby Ready, the configuration
/// synchronised (its interfaces: [`interface_stops`], for every step that fails over).
fn precondition(pos: &mut Position, upgraded: &UnitFacts, old: &UnitFacts, reloading: bool) {
    standby_health(pos, upgraded, reloading, true);
    if pos
        .stops
        .iter()
        .any(|s| matches!(s.kind, StopKind::MateFailed | StopKind::MateSyncing))
    {
        return;
    }
    let sync = old.config_sync.or(upgraded.config_sync);
    if let Some(sync @ ConfigSync::Skipped) = sync {
        let mut stop = Stop::new(StopKind::MateSyncing, Some(upgraded.unit));
        stop.sync = Some(sync);
        pos.stops.push(stop);
    }
}

/// The interfaces before a step that fails over (SPEC §6 step 3: every interface Normal, none
/// Waiting or Failed), each a `mate-failed` stop (the pair is not ready for the failover):
/// Failed interfaces of the unit that takes over (one Failed on the other unit too, an unused
/// port with no link, is the pair's, not the mate's), and the Waiting interfaces of either
/// unit (still being tested: whether the unit taking over can pass traffic on them is not
/// known yet). A pair with a stop of a unit's failover state is left to that stop.
fn interface_stops(pos: &mut Position, snap: &Snapshot) {
    let failing_over = pos
        .next
        .iter()
        .chain(pos.alternative.as_ref().and_then(|(_, n)| n.as_ref()))
        .find(|n| n.kind.fails_over())
        .cloned();
    let Some(n) = failing_over else {
        return;
    };
    let taking_over = match n.kind {
        StepKind::GroupsToPrimary => Some(Unit::Primary),
        _ => n.unit.map(other),
    };
    // A unit not ready, or still joining, is stopped for already (its mate's interfaces
    // wait on it).
    if pos
        .stops
        .iter()
        .any(|s| matches!(s.kind, StopKind::MateFailed | StopKind::MateSyncing))
    {
        return;
    }
    for f in [&snap.primary, &snap.secondary] {
        let mate = &snap.unit(other(f.unit)).interfaces;
        let failed: Vec<String> = f
            .interfaces
            .failed
            .iter()
            .filter(|i| Some(f.unit) == taking_over && !mate.failed.contains(i))
            .cloned()
            .collect();
        if !failed.is_empty() {
            let mut stop = Stop::new(StopKind::MateFailed, Some(f.unit));
            stop.interfaces = failed;
            pos.stops.push(stop);
        } else if !f.interfaces.waiting.is_empty() {
            let mut stop = Stop::new(StopKind::MateFailed, Some(f.unit));
            stop.interfaces = f.interfaces.waiting.clone();
            stop.waiting = true;
            pos.stops.push(stop);
        }
    }
}

/// A unit on a release its path never has: past the target, below its start, or between two
/// releases of its path (or on one of the plan's releases that is not its own).
fn off_path(walk: &Walk, unit: Unit, release: Release) -> Stop {
    let path = walk.releases(unit);
    let mut stop = Stop::new(StopKind::OffPlan, Some(unit));
    stop.release = Some(release);
    stop.on_plan = walk.on_plan(release);
    let (first, last) = (path.first().copied(), path.last().copied());
    let target = walk.hops.last().map(|h| h.to).or(last);
    (stop.off, stop.expected) = match (first, target) {
        (_, Some(to)) if release > to => (Some(OffPlan::PastTarget), vec![to]),
        (Some(start), _) if release < start => (Some(OffPlan::BelowStart), vec![start]),
        _ => (Some(OffPlan::Between), expected_for(&path, release)),
    };
    stop
}

/// The releases of a unit's path next to an off-plan one (the hop it could belong to).
fn expected_for(releases: &[Release], r: Release) -> Vec<Release> {
    let at = releases.partition_point(|x| *x < r);
    let lo = at.saturating_sub(1);
    releases[lo..(at + 1).min(releases.len())].to_vec()
}

/// A unit whose system image file is not the runbook's file for its release, when the
/// person named that file (a default name is a guess to check against Cisco's download page,
/// not a known file: SPEC §14 "when both are known"). The name compared is the runbook's own
/// (`runbook::image_of`), so a stop names the file the runbook's commands copy and boot.
fn wrong_images(pos: &mut Position, walk: &Walk, snap: &Snapshot, known: &Known) {
    for f in [&snap.primary, &snap.secondary] {
        let (Some(release), Some(image)) = (f.release, f.image.as_deref()) else {
            continue;
        };
        if known.image(release).is_none() {
            continue;
        }
        let named = walk.image(release);
        if !named.eq_ignore_ascii_case(image) {
            let mut stop = Stop::new(StopKind::WrongImage, Some(f.unit));
            stop.release = Some(release);
            stop.images = Some((image.to_string(), named));
            pos.stops.push(stop);
        }
    }
}
