//! Where the pair stands on the plan (SPEC §14 "What it says", "Stops"): from a [`Session`]
//! (its hops, releases and mode), a [`Snapshot`] of what the units print, and what else is
//! known ([`Known`]: the previous position, the ticked steps, the image names the person
//! typed). Facts only; `view::words::position` says them.
//!
//! The steps are SPEC §6's, numbered the same in every hop: 1 stage the images, 2 reload the
//! standby, 3 fail over, 4 the validation window, 5 reload the former active, 6 `write memory`
//! (and restore the roles). A position "inside hop N after step K" says the effect of step K
//! is what the output shows; the next step is K + 1.
//!
//! A snapshot alone can fit two readings: both units on the hop's start release (before the
//! hop, or after step 1: staging shows only in `show bootvar` or `dir`); the standby upgraded
//! and Standby Ready (after step 2, or in a rollback after failing back); both units on the
//! hop's landing release (after step 5, or the hop done with step 6's optional part skipped).
//! The forward reading is taken and the other named ([`Position::alternative`]), unless a tick
//! or the previous position settles it.

use super::plan::Hop;
use super::release::Release;
use super::runbook::{default_image, Mode, Role, Unit, SERVER_PLACEHOLDER};
use super::session::Session;
use super::show::{other, ConfigSync, Snapshot, State, UnitFacts};

/// Where the pair stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// Nothing to place: no plan, or the units' releases are not known or not on the plan.
    Unknown,
    /// Both units on the plan's start release, no step of hop 1 taken.
    Before,
    /// Inside hop `hop` (1-based), step `step` done (1–5).
    InHop { hop: usize, step: u8 },
    /// Inside hop `hop`, failed back to the old release (rollback step (a) done).
    Rollback { hop: usize },
    /// Hop `after` done (1-based), the next hop not started.
    Between { after: usize },
    /// Both units on the target.
    Done,
}

impl Place {
    /// The hook values: `data-hop` (1-based, `done`, or empty) and `data-step` (the last step
    /// whose effect the output shows; 0 before the hop starts; empty when unknown).
    pub fn hook(self) -> (String, String) {
        match self {
            Place::Unknown => (String::new(), String::new()),
            Place::Before => ("1".into(), "0".into()),
            Place::InHop { hop, step } => (hop.to_string(), step.to_string()),
            Place::Rollback { hop } => (hop.to_string(), "rollback".into()),
            Place::Between { after } => ((after + 1).to_string(), "0".into()),
            Place::Done => ("done".into(), "done".into()),
        }
    }
}

/// What the next step does (its number is [`NextStep::step`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StepKind {
    /// 1: copy the images to both units, set the boot lines.
    Stage,
    /// Active/Active, before step 2: make both failover groups active on the primary.
    GroupsToPrimary,
    /// 2: reload the standby onto the hop's release.
    ReloadStandby,
    /// 3: fail over to the upgraded unit.
    FailOver,
    /// 4: the validation window on the upgraded unit.
    Validate,
    /// 5: reload the former active unit.
    ReloadFormer,
    /// 6: save the configuration on both units.
    Save,
    /// A one-unit hop: the unit to reload is active; make it the standby first.
    MakeStandby,
    /// Rollback (b): take the new image out of the boot lines on the active unit.
    RollbackBoot,
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

/// A stop with what it is about.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Stop {
    pub kind: StopKind,
    pub unit: Option<Unit>,
    /// The release the unit runs, when it matters.
    pub release: Option<Release>,
    /// The unit's failover state, when it matters.
    pub state: Option<State>,
    /// What the plan expects instead (an off-plan unit: the releases it could be on; a
    /// booted-the-old-image unit: the hop's release).
    pub expected: Vec<Release>,
    /// A wrong image: (the file it booted, the file the runbook names).
    pub images: Option<(String, String)>,
    /// Interfaces not Normal (names), for a step-3 precondition stop.
    pub interfaces: Vec<String>,
    /// The configuration sync state, for a step-3 precondition stop.
    pub sync: Option<ConfigSync>,
}

impl Stop {
    fn new(kind: StopKind, unit: Option<Unit>) -> Stop {
        Stop {
            kind,
            unit,
            release: None,
            state: None,
            expected: Vec::new(),
            images: None,
            interfaces: Vec::new(),
            sync: None,
        }
    }
}

/// The releases a plan would start from, read off the units (`from` the primary's, `from2`
/// the secondary's when it differs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PlanFrom {
    pub from: Release,
    pub from2: Option<Release>,
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
}

/// What is known besides the snapshot.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known<'a> {
    /// The position read from the previous paste.
    pub previous: Option<Place>,
    /// Ticked runbook steps as (hop, step), 1-based.
    pub ticked: &'a [(usize, u8)],
    /// Image names the person typed, keyed by canonical release (as `runbook::hop_images`).
    pub images: &'a [(String, String)],
    /// The TFTP server the person typed (empty: the runbook's placeholder).
    pub server: &'a str,
}

impl Known<'_> {
    fn ticked(&self, hop: usize, step: u8) -> bool {
        self.ticked.contains(&(hop, step))
    }
    fn any_tick(&self, hop: usize) -> bool {
        self.ticked.iter().any(|(h, _)| *h == hop)
    }
    /// A reload the runbook issued may still be running: the last step taken reloads.
    fn reloading(&self) -> bool {
        matches!(self.previous, Some(Place::InHop { step: 1 | 4, .. }))
            || self
                .ticked
                .iter()
                .max()
                .is_some_and(|(_, s)| matches!(s, 2 | 5))
    }
    fn image(&self, release: Release) -> Option<&str> {
        let key = release.to_string();
        self.images
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
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
    let system = session.setup.multi_context || session.setup.mode == Mode::ActiveActive;
    let alt = pos.alternative.as_mut().and_then(|(_, n)| n.as_mut());
    for n in pos.next.iter_mut().chain(alt) {
        n.system = system;
    }
    pos
}

fn place(session: &Session, snap: &Snapshot, known: &Known) -> Position {
    let mut pos = Position {
        place: Place::Unknown,
        next: None,
        alternative: None,
        stops: Vec::new(),
        plan_from: None,
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
    let hops = session.hops();
    if hops.is_empty() {
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
    // The mate is not seen: nothing to place by, unless a reload is under way.
    if snap.mate_unknown || p.is_none() || s.is_none() {
        let missing = [&snap.primary, &snap.secondary]
            .into_iter()
            .find(|f| f.release.is_none() && !f.release_unreadable);
        if snap.mate_unknown || missing.is_some_and(|f| f.state == Some(State::NotDetected)) {
            let unit = missing.map(|f| f.unit);
            let kind = if known.reloading() {
                StopKind::MateSyncing
            } else {
                StopKind::MateUnknown
            };
            let mut stop = Stop::new(kind, unit);
            stop.state = missing.and_then(|f| f.state);
            pos.stops.push(stop);
        }
        pos.place = known.previous.unwrap_or(Place::Unknown);
        return pos;
    }
    let (p, s) = (p.unwrap_or(hops[0].from), s.unwrap_or(hops[0].from));
    if pos
        .stops
        .iter()
        .any(|st| st.kind == StopKind::UnknownRelease)
    {
        return pos;
    }
    let releases: Vec<Release> = std::iter::once(hops[0].from)
        .chain(hops.iter().map(|h| h.to))
        .collect();
    let index = |r: Release| releases.iter().position(|x| *x == r);
    let (ip, is) = (index(p), index(s));
    let (Some(ip), Some(is)) = (ip, is) else {
        for (f, i) in [(&snap.primary, ip), (&snap.secondary, is)] {
            if i.is_none() {
                let mut stop = Stop::new(StopKind::OffPlan, Some(f.unit));
                stop.release = f.release;
                stop.expected = expected_for(&releases, f.release);
                pos.stops.push(stop);
            }
        }
        pos.place = known.previous.unwrap_or(Place::Unknown);
        return pos;
    };
    wrong_images(&mut pos, snap, known);
    let (lo, hi) = (ip.min(is), ip.max(is));
    if hi - lo > 1 && !newer_waits(session, snap, hi, &releases) {
        let mut stop = Stop::new(StopKind::Parity, None);
        stop.expected = vec![releases[lo], releases[hi]];
        pos.stops.push(stop);
        return pos;
    }
    let active = active_unit(snap);
    let mode = session.setup.mode;
    if lo == hi || (hi - lo > 1) {
        at_rest(&mut pos, session, snap, known, lo.min(hi), hops, active);
        return pos;
    }
    let h = hi; // hop number (1-based): releases[hi] is hops[hi - 1].to
    let hop = &hops[h - 1];
    let (upgraded, old) = if ip == hi {
        (&snap.primary, &snap.secondary)
    } else {
        (&snap.secondary, &snap.primary)
    };
    let one_unit = session
        .hop_facts
        .get(h - 1)
        .is_some_and(|f| f.reloads.len() == 1);
    if one_unit {
        pos.place = Place::InHop { hop: h, step: 1 };
        pos.next = Some(if old.is_active() {
            next(
                h,
                2,
                StepKind::MakeStandby,
                Role::Active,
                Some(old.unit),
                &["no failover active"],
            )
        } else {
            next(
                h,
                2,
                StepKind::ReloadStandby,
                Role::Active,
                active,
                &["failover reload-standby"],
            )
        });
        return pos;
    }
    let upgraded_state = effective_state(upgraded);
    let old_state = effective_state(old);
    let old_active = old_state.is_some_and(State::is_active);
    let upgraded_active = upgraded_state.is_some_and(State::is_active);
    if old_active && !upgraded_active {
        // After step 2 (or a rollback's failback): the next step fails over.
        let rolled_back = known.ticked(h, 3)
            || matches!(
                known.previous,
                Some(Place::InHop { hop, step: 3.. }) | Some(Place::Rollback { hop }) if hop == h
            );
        let forward = (
            Place::InHop { hop: h, step: 2 },
            Some(step_three(h, mode, old.unit)),
        );
        let back = (
            Place::Rollback { hop: h },
            Some(rollback(h, hop, known, mode, old.unit)),
        );
        let ((place, n), alt) = if rolled_back {
            (back, None)
        } else if known.ticked(h, 2) {
            (forward, None)
        } else {
            (forward, Some(back))
        };
        pos.place = place;
        pos.next = n;
        pos.alternative = alt;
        if matches!(place, Place::InHop { .. }) {
            precondition(&mut pos, upgraded, old, known);
        }
        return pos;
    }
    if upgraded_active && !old_active {
        let step = if known.ticked(h, 4) || known.previous == Some(Place::InHop { hop: h, step: 4 })
        {
            4
        } else {
            3
        };
        pos.place = Place::InHop { hop: h, step };
        pos.next = Some(if step == 3 {
            next(
                h,
                4,
                StepKind::Validate,
                role_on(mode, Some(upgraded.unit)),
                Some(upgraded.unit),
                &["show failover"],
            )
        } else {
            next(
                h,
                5,
                StepKind::ReloadFormer,
                role_on(mode, Some(upgraded.unit)),
                Some(upgraded.unit),
                &["failover reload-standby"],
            )
        });
        standby_health(&mut pos, old, known, step == 4);
        return pos;
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
    pos
}

/// A mismatched pair whose newer unit still waits on its own release for the hop it joins.
fn newer_waits(session: &Session, snap: &Snapshot, hi: usize, releases: &[Release]) -> bool {
    let r = releases[hi];
    let on_field = |f: Option<&super::session::Field>, u: &UnitFacts| {
        f.and_then(|f| f.release) == Some(r) && u.release == Some(r)
    };
    on_field(Some(&session.from), &snap.primary)
        || on_field(session.from2.as_ref(), &snap.secondary)
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
    }
}

/// Where a block is typed: the active unit (Active/Standby), or the unit by name
/// (Active/Active, where both units carry traffic).
fn role_on(mode: Mode, unit: Option<Unit>) -> Role {
    match (mode, unit) {
        (Mode::ActiveStandby, _) => Role::Active,
        (Mode::ActiveActive, Some(Unit::Secondary)) => Role::Secondary,
        (Mode::ActiveActive, _) => Role::Primary,
    }
}

/// Step 3: `no failover active` on the active unit (Active/Active: on the primary, where both
/// groups are active).
fn step_three(h: usize, mode: Mode, old: Unit) -> NextStep {
    let role = match (mode, old) {
        (Mode::ActiveStandby, _) => Role::Active,
        (Mode::ActiveActive, Unit::Primary) => Role::Primary,
        (Mode::ActiveActive, Unit::Secondary) => Role::Secondary,
    };
    next(
        h,
        3,
        StepKind::FailOver,
        role,
        Some(old),
        &["no failover active"],
    )
}

/// Rollback (b) on the active (old-release) unit: the new image out of the boot lines.
fn rollback(h: usize, hop: &Hop, known: &Known, mode: Mode, on: Unit) -> NextStep {
    let image = known
        .image(hop.to)
        .map_or_else(|| default_image(hop.to), str::to_string);
    NextStep {
        hop: h,
        step: 4,
        kind: StepKind::RollbackBoot,
        role: role_on(mode, Some(on)),
        system: false,
        unit: Some(on),
        commands: vec![
            "configure terminal".into(),
            format!("no boot system disk0:/{image}"),
            "end".into(),
        ],
    }
}

/// Both units on `releases[k]`: before the plan, between hops, or done.
fn at_rest(
    pos: &mut Position,
    session: &Session,
    snap: &Snapshot,
    known: &Known,
    k: usize,
    hops: &[Hop],
    active: Option<Unit>,
) {
    let n = hops.len();
    let mode = session.setup.mode;
    let lead_role = match mode {
        Mode::ActiveStandby => Role::Active,
        Mode::ActiveActive => Role::Primary,
    };
    let lead = match mode {
        Mode::ActiveStandby => active,
        Mode::ActiveActive => Some(Unit::Primary),
    };
    // The hop that starts here (k < n) and the one that ended here (k > 0).
    let stage = |h: usize| {
        let hop = &hops[h - 1];
        let image = known
            .image(hop.to)
            .map_or_else(|| default_image(hop.to), str::to_string);
        let server = match known.server.trim() {
            "" => SERVER_PLACEHOLDER,
            s => s,
        };
        NextStep {
            system: false,
            hop: h,
            step: 1,
            kind: StepKind::Stage,
            role: lead_role,
            unit: lead,
            commands: vec![format!(
                "copy /noconfirm tftp://{server}/{image} disk0:/{image}"
            )],
        }
    };
    let reload = |h: usize| match mode {
        Mode::ActiveActive if effective_state(&snap.primary) != Some(State::Active) => next(
            h,
            2,
            StepKind::GroupsToPrimary,
            Role::Primary,
            Some(Unit::Primary),
            &["failover active"],
        ),
        _ => next(
            h,
            2,
            StepKind::ReloadStandby,
            lead_role,
            lead,
            &["failover reload-standby"],
        ),
    };
    let save = |h: usize| {
        next(
            h,
            6,
            StepKind::Save,
            role_on(mode, active),
            active,
            &["write memory"],
        )
    };
    // A unit the previous paste saw reloading came back on the old release.
    if k < n {
        if let Some(Place::InHop { hop, step: 2.. }) = known.previous {
            if hop == k + 1 {
                let mut stop = Stop::new(StopKind::OffPlan, standby_of(snap));
                stop.release = Some(hops[k].from);
                stop.expected = vec![hops[k].to];
                pos.stops.push(stop);
            }
        }
    }
    if k == 0 {
        let after_one = (Place::InHop { hop: 1, step: 1 }, Some(reload(1)));
        let before = (Place::Before, Some(stage(1)));
        if known.ticked(1, 1) {
            (pos.place, pos.next) = after_one;
        } else if known.any_tick(1) || !known.ticked.is_empty() {
            (pos.place, pos.next) = before;
        } else if let Some(staged) = staged(snap, known, &hops[0]) {
            (pos.place, pos.next) = if staged { after_one } else { before };
        } else {
            (pos.place, pos.next) = after_one;
            pos.alternative = Some(before);
        }
    } else {
        let done = if k == n {
            (Place::Done, None)
        } else {
            (Place::Between { after: k }, Some(stage(k + 1)))
        };
        let five = (Place::InHop { hop: k, step: 5 }, Some(save(k)));
        let next_staged = hops.get(k).and_then(|h| staged(snap, known, h));
        if known.ticked(k + 1, 1) || next_staged == Some(true) && !known.ticked(k, 5) {
            (pos.place, pos.next) = (
                Place::InHop {
                    hop: k + 1,
                    step: 1,
                },
                Some(reload(k + 1)),
            );
        } else if known.ticked(k, 6) {
            (pos.place, pos.next) = done;
        } else if known.ticked(k, 5) {
            (pos.place, pos.next) = five;
        } else {
            (pos.place, pos.next) = done;
            pos.alternative = Some(five);
        }
    }
    // The standby must be healthy at rest too.
    if let Some(standby) = [&snap.primary, &snap.secondary]
        .into_iter()
        .find(|f| Some(f.unit) != active && effective_state(f).is_some())
    {
        standby_health(pos, standby, known, false);
    }
}

/// Whether the boot lines a `show bootvar` showed put the hop's image first (step 1 done), or
/// `None` when no `show bootvar` was pasted.
fn staged(snap: &Snapshot, known: &Known, hop: &Hop) -> Option<bool> {
    let first = snap.boot.as_ref()?.first()?;
    let named = known
        .image(hop.to)
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(first));
    Some(named || super::release_text::image_release(first) == Some(hop.to))
}

/// The unit not active, when the output says which is.
fn standby_of(snap: &Snapshot) -> Option<Unit> {
    active_unit(snap).map(other)
}

/// Stops for a standby that is not Standby Ready; `fails_over_next` makes any state but
/// Standby Ready a stop (the next step depends on it).
fn standby_health(pos: &mut Position, standby: &UnitFacts, known: &Known, fails_over_next: bool) {
    let Some(state) = effective_state(standby) else {
        return;
    };
    let kind = match state {
        State::StandbyReady => return,
        s if s.is_syncing() => StopKind::MateSyncing,
        State::NotDetected if known.reloading() => StopKind::MateSyncing,
        State::NotDetected => StopKind::MateUnknown,
        _ if fails_over_next => StopKind::MateFailed,
        State::Failed | State::Disabled => StopKind::MateFailed,
        _ => return,
    };
    let mut stop = Stop::new(kind, Some(standby.unit));
    stop.state = Some(state);
    pos.stops.push(stop);
}

/// Step 3's precondition: the upgraded standby Standby Ready, its interfaces Normal, the
/// configuration synchronised.
fn precondition(pos: &mut Position, upgraded: &UnitFacts, old: &UnitFacts, known: &Known) {
    standby_health(pos, upgraded, known, true);
    if pos
        .stops
        .iter()
        .any(|s| matches!(s.kind, StopKind::MateFailed | StopKind::MateSyncing))
    {
        return;
    }
    // An interface in the same state on the active unit (an unused management port with no
    // link, a diagnostic interface without an address) is the pair's, not the mate's.
    let (i, o) = (&upgraded.interfaces, &old.interfaces);
    let only_mate = |names: &[String], active: &[String]| -> Vec<String> {
        names
            .iter()
            .filter(|n| !active.contains(n))
            .cloned()
            .collect()
    };
    let failed = only_mate(&i.failed, &o.failed);
    let waiting = only_mate(
        &i.waiting,
        &[o.waiting.as_slice(), o.failed.as_slice()].concat(),
    );
    if !failed.is_empty() {
        let mut stop = Stop::new(StopKind::MateFailed, Some(upgraded.unit));
        stop.interfaces = failed;
        pos.stops.push(stop);
    } else if !waiting.is_empty() {
        let mut stop = Stop::new(StopKind::MateSyncing, Some(upgraded.unit));
        stop.interfaces = waiting;
        pos.stops.push(stop);
    }
    let sync = old.config_sync.or(upgraded.config_sync);
    if let Some(sync @ ConfigSync::Skipped) = sync {
        let mut stop = Stop::new(StopKind::MateSyncing, Some(upgraded.unit));
        stop.sync = Some(sync);
        pos.stops.push(stop);
    }
}

/// The plan's releases next to an off-plan one (the hop it could belong to).
fn expected_for(releases: &[Release], release: Option<Release>) -> Vec<Release> {
    let Some(r) = release else {
        return releases.to_vec();
    };
    let at = releases.partition_point(|x| *x < r);
    let lo = at.saturating_sub(1);
    releases[lo..(at + 1).min(releases.len())].to_vec()
}

/// A unit whose system image file is not the one the person named for its release.
fn wrong_images(pos: &mut Position, snap: &Snapshot, known: &Known) {
    for f in [&snap.primary, &snap.secondary] {
        let (Some(release), Some(image)) = (f.release, f.image.as_deref()) else {
            continue;
        };
        if let Some(named) = known.image(release) {
            if !named.trim().eq_ignore_ascii_case(image) {
                let mut stop = Stop::new(StopKind::WrongImage, Some(f.unit));
                stop.release = Some(release);
                stop.images = Some((image.to_string(), named.trim().to_string()));
                pos.stops.push(stop);
            }
        }
    }
}
