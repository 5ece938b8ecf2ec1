//! Everything the page shows, derived from one `PlanQuery`: the active catalog, the parsed
//! fields with their messages, the plan and its notes. The UI renders this and nothing else.
//!
//! Where each message goes: a release field's own problem (empty, does not parse, unknown train)
//! is in its [`Field::error`]; everything else that a person must act on (preset, trains, custom
//! list, via overrides, why there is no path) is a [`Message`] with its [`Origin`]; what a
//! person should know about a plan is in [`Session::notes`] and, per hop, [`Session::hop_facts`]
//! (units reloaded, caveats crossed, warnings). Notes, marks and warnings are facts (enums
//! carrying releases and trains); `view::words` says them, once for every medium.

use super::catalog::{is_pre_release, Catalog};
use super::caveats::{self, Caveat, CAVEATS};
use super::custom_list::{self, ListError};
use super::plan::{self, Hop, JoinBlock, Plan, Unused, Verdict};
use super::platform::{Limit, Platform, Procedure, ProcedureNotice};
use super::presets::{self, Exclusion, Preset, PRESETS};
use super::query::PlanQuery;
use super::release::{Release, Train};
use super::release_text::{self, ReadError, Reading};
use super::rules::{self, Block, Rule, RuleSet};
use super::runbook::{ActiveUnit, HopSpec, Mode, Reloads, Setup, Unit};
use std::sync::Arc;

/// Where an input came from, so its message is shown next to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    From,
    From2,
    To,
    Via,
    Releases,
    Trains,
    Preset,
    Fragment,
    Storage,
}

/// A problem a person must act on, with the input it came from ([`Origin`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Message {
    pub origin: Origin,
    /// What is wrong, as facts.
    pub problem: Problem,
    /// `problem` worded (its `Display`, written in `view::words`); kept for the page's callers.
    pub text: String,
}

impl Message {
    fn new(origin: Origin, problem: Problem) -> Message {
        Message {
            origin,
            text: problem.to_string(),
            problem,
        }
    }
}

/// What is wrong with an input other than a release field, as a typed value (in the manner of
/// codespan's `Diagnostic`: a kind and its facts; the input is the [`Message`]'s origin).
/// `view::words` words it, the same for every medium.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Problem {
    /// The custom list has no line that reads as a release (the list is the catalog anyway).
    EmptyList,
    /// A preset id that names no preset (`id` as quoted, cut to 40 characters): the default
    /// (`using`) is used; `known` are the ids there are.
    UnknownPreset {
        id: String,
        known: Vec<&'static str>,
        using: &'static str,
    },
    /// Trains of an explicit set that the base catalog does not have: ignored.
    UnknownTrains(Vec<Train>),
    /// A via release the plan does not use, with the planner's reason.
    ViaUnused { release: Release, why: Unused },
    /// A via text that gives no release (`text` as quoted, cut to 40 characters).
    ViaUnread { text: String, why: FieldProblem },
    /// A train at an end of the request is switched off (by hand, or absent from a custom
    /// list's switches).
    EndTrainOff(Train),
    /// A train at an end of the request is left out by the preset, with the preset's reason
    /// (`None`: simply switched off) and the presets that have it.
    EndTrainExcluded {
        train: Train,
        preset: &'static str,
        exclusion: Option<&'static Exclusion>,
        with: Vec<&'static str>,
    },
    /// A train between the ends has only withdrawn or pre-release builds and no via pick.
    NothingRecommended(Train),
    /// Trains the chosen model does not run (within its range, its own preset leaves them
    /// out, each exclusion with its reason and source) that `asked` would have used: no plan
    /// goes through them all the same (SPEC §5.1).
    ModelDoesNotRun {
        platform: Platform,
        exclusions: Vec<&'static Exclusion>,
        asked: Asked,
    },
    /// The intermediate releases chosen by hand (`pins`, those the plan would use) leave no
    /// zero-downtime path, where the recommended ones give one of `hops` hops; `blocked` is a
    /// hop onto a pin that the rules block (from where that plan enters the pin's train), with
    /// the reason.
    PinsBlock {
        pins: Vec<Release>,
        hops: usize,
        blocked: Option<(Release, Release, Block)>,
    },
}

/// Where a train the model does not run came from ([`Problem::ModelDoesNotRun`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Asked {
    /// The preset chosen (its id) keeps them.
    Preset(&'static str),
    /// The train set picked by hand has them.
    Trains,
    /// A typed release is in one of them: the plan would start or end there.
    End,
}

/// What is wrong with one release field, as a typed value; `view::words` words it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum FieldProblem {
    /// The field is blank: what to enter (a hint rather than an error until something is typed).
    Blank(Hint),
    /// The text gives no release (the reader's error).
    Unread(ReadError),
    /// The release reads, but the base catalog has no such train; `nearest` are its nearest
    /// trains (at most two).
    NoTrain { train: Train, nearest: Vec<Train> },
}

/// Which blank field a hint is for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Hint {
    /// The current release.
    Current,
    /// The target release.
    Target,
}

/// What is known about a typed release beyond its number.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mark {
    /// Its train is in the catalog, the release is not: planned as if listed.
    NotInCatalog,
    /// Pulled from Cisco.com: never recommended.
    Withdrawn,
    /// Listed by Cisco advisories but never orderable: never recommended.
    PreRelease,
}

/// One release field as interpreted. `release` is `Some` exactly when `error` is `None` and
/// the text is not blank.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Field {
    pub text: String,
    pub release: Option<Release>,
    /// Parse error or unknown train, worded for a person (names the nearest trains): the
    /// wording of `problem` (its `Display`, in `view::words`), kept for the page's callers.
    pub error: Option<String>,
    /// What is wrong with the field, as facts.
    pub problem: Option<FieldProblem>,
    pub marks: Vec<Mark>,
}

impl Field {
    /// What the field's text was read as (a plain release, a `show version` line, a
    /// `Version: Ours …, Mate …` line with the mate's release, an image file name), when it
    /// reads: the field says "read 9.12(4)37 from an image file name".
    pub fn reading(&self) -> Option<Reading> {
        release_text::read(&self.text).ok()
    }
}

/// A train of the base catalog and whether it is on, with the reason when a preset left it out.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TrainState {
    pub train: Train,
    pub enabled: bool,
    pub excluded_by_preset: Option<&'static Exclusion>,
}

/// A unit reloaded by a hop and the release it starts from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UnitStart {
    pub unit: Unit,
    pub from: Release,
}

/// Something a person must know about one hop that the plan alone does not say.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum HopWarning {
    /// Trains the built-in catalog has between the hop's trains, switched off by hand or absent
    /// from the custom list: the hop is legal only if they do not exist for this platform.
    TrainsOff(Vec<Train>),
    /// Trains between the hop's trains that the preset leaves out, each with its source.
    PresetLeavesOut(Vec<&'static Exclusion>),
    /// A `direct` hop that spans more than one train (its releases are in different trains,
    /// whatever is switched off): the 9.x rule rests on a 2013 note, so the person checks the
    /// start release on Cisco's planning page (SPEC §3.2).
    CheckPlanningPage,
    /// Cisco's 9.1 path table stops at `stop` from this hop's start, but CSCug88962 says that
    /// landing is not zero-downtime: the plan lands elsewhere (SPEC §3.2).
    AvoidsPathTableStop { stop: Release },
}

impl HopWarning {
    /// The hook and export value (`data-warning`, the JSON's `kind`).
    /// Advice rather than a condition of the plan: the hop holds whatever the person does with
    /// it (check Cisco's planning page; why a stop of the 9.1 path table is avoided).
    pub fn is_advice(&self) -> bool {
        matches!(
            self,
            HopWarning::CheckPlanningPage | HopWarning::AvoidsPathTableStop { .. }
        )
    }

    pub fn kind(&self) -> &'static str {
        match self {
            HopWarning::TrainsOff(_) => "train-off",
            HopWarning::PresetLeavesOut(_) => "preset",
            HopWarning::CheckPlanningPage => "check-planning-page",
            HopWarning::AvoidsPathTableStop { .. } => "avoids-path-table-stop",
        }
    }
}

/// Everything about one hop of the plan beyond the hop itself.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HopFacts {
    /// The units this hop reloads, each with the release it starts from: both units for an
    /// ordinary hop, one for a mismatched pair's unit that is already at or past the landing
    /// release.
    pub reloads: Vec<UnitStart>,
    /// A one-unit hop's other unit and the release it stays on.
    pub stays: Option<(Unit, Release)>,
    /// Caveats of the releases the hop crosses (or lands on), in release order.
    pub caveats: Vec<&'static Caveat>,
    pub warnings: Vec<HopWarning>,
}

/// What a person should know about a plan, as facts; the presentation layer words them.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Note {
    /// Which rule set the plan follows, what it rests on and what it does not know (SPEC §3,
    /// §5).
    RuleSource(RuleSet),
    /// Cisco's own wording: each failover may drop a few packets.
    NearZeroDowntime,
    /// The units run different releases between the steps of each hop, which failover allows.
    MixedVersions,
    /// A mismatched pair: the two releases, whether of one train, and where the plan starts.
    Parity {
        older: Release,
        newer: Release,
        same_train: bool,
    },
    /// The newer unit of a mismatched pair: the hops before `joins` (1-based) reload the older
    /// unit only; `None` when it already runs the target and takes no hop.
    NewerUnit {
        unit: Unit,
        on: Release,
        joins: Option<usize>,
    },
    /// The units are `apart` legal hops apart: more than the one Cisco's mixed-version window
    /// covers.
    FarApart { apart: usize },
    /// Trains passed over by hand (or absent from the list) on the way: the plan holds only if
    /// they do not exist for the person's platform.
    TrainsOff(Vec<Train>),
    /// No model chosen, and the request spans a release of 8.1 or older and one of 9.3 or
    /// later: no single box runs both (SPEC §5.1).
    NoSingleBox { old: Release, new: Release },
    /// From 9.1(1) Cisco gives no zero-downtime path to 9.1(2) or later (CSCuh25271,
    /// CSCug88962); its own way, an outage: `from → outage_to` reloading both units at once,
    /// then `then` (the releases after `outage_to`, empty when it is the target) as
    /// zero-downtime hops under the guidance by release era; `then_holds` is false when those
    /// have no zero-downtime path either.
    OutagePlan {
        from: Release,
        outage_to: Release,
        then: Vec<Release>,
        then_holds: bool,
    },
    /// The chosen model has no multiple context mode, yet the runbook is asked for multiple
    /// contexts or for Active/Active failover, which needs them (the ASA 5505).
    ModeNotOnModel {
        platform: Platform,
        active_active: bool,
    },
    /// One of Cisco's exceptions blocks the direct hop from the start to the target: what its
    /// source says beyond the reason (Cisco's own inconsistencies, how conservative it is).
    Exception(&'static rules::Exception),
}

/// Which typed release a platform limit concerns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Limited {
    /// A unit's current release (the second unit's only when the pair is mismatched).
    Unit(Unit),
    Target,
}

/// A typed release the chosen model cannot run (SPEC §5.1): the request is refused, verdict
/// `no-path`, with this as the reason.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PlatformLimit {
    pub platform: Platform,
    pub release: Release,
    pub which: Limited,
    /// Whether the pair is mismatched (a second unit's release given, another than the
    /// first's): a unit's limit then names the unit; otherwise both units run `release`.
    pub mismatched: bool,
    /// The bound it falls outside of, with its source or "assumed".
    pub limit: Limit,
}

/// Why a mismatched pair has no plan when the older unit alone has one (SPEC §4): no chain of
/// legal hops lets the newer `unit` join with a legal hop of its own. `from → to` is the hop it
/// would make onto the older unit's plan, `block` why that hop is not legal.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Unjoinable {
    pub unit: Unit,
    pub from: Release,
    pub to: Release,
    pub block: Block,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Session {
    /// Built-in catalog or the custom list, before trains are switched off. Shared: the same
    /// `Arc` from one query to the next while the list is the same (see [`Reuse`]).
    pub base: Arc<Catalog>,
    /// What the rules run on (shared the same way).
    pub catalog: Arc<Catalog>,
    pub custom: bool,
    /// The platform preset in force (an unknown id in a link falls back to the default; with a
    /// model and no preset given, the model's).
    pub preset: &'static Preset,
    /// The hardware model chosen (`platform=`): the catalog holds only the trains it runs.
    pub platform: Option<Platform>,
    /// Typed releases the model cannot run; when not empty the verdict is `no-path` and
    /// nothing is planned.
    pub platform_limits: Vec<PlatformLimit>,
    /// The train set was chosen by hand (`trains=`), overriding the preset.
    pub trains_by_hand: bool,
    pub trains: Vec<TrainState>,
    /// Failover mode and multiple-context mode: how the runbook is written.
    pub setup: Setup,
    pub from: Field,
    pub from2: Option<Field>,
    pub to: Field,
    /// The release the plan starts from: the older unit's (the only one for a matched pair).
    pub start: Option<Release>,
    /// A unit past the target (the verdict is then `downgrade`, said of that unit).
    pub past_target: Option<(Unit, Release)>,
    /// The newer unit of a mismatched pair cannot join any plan (the verdict is then
    /// `no-path`, said of that unit).
    pub unjoinable: Option<Unjoinable>,
    pub verdict: Verdict,
    pub plan: Option<Plan>,
    /// The rule set the plan follows (`rules=` of the query).
    pub rules: RuleSet,
    /// The other rule set's answer to the same request (SPEC §3: shown beside the verdict);
    /// `None` when there is no plan (a field is empty or invalid).
    pub other: Option<OtherAnswer>,
    /// Parallel to the plan's hops.
    pub hop_facts: Vec<HopFacts>,
    /// Plan-level notes, in the order shown.
    pub notes: Vec<Note>,
    /// Errors and notices, each with where it came from.
    pub messages: Vec<Message>,
    pub list_errors: Vec<ListError>,
}

/// What the rule set not in force says about the same request.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OtherAnswer {
    pub rules: RuleSet,
    pub verdict: Verdict,
    /// The number of hops (0 unless the verdict is `ok`).
    pub hops: usize,
    /// The releases of its plan from the start to the target (empty unless `ok`).
    pub path: Vec<Release>,
    /// Why it has no plan (the direct hop's reason) when the verdict is not `ok`.
    pub why: Option<String>,
    /// Trains switched off by hand (or absent from a custom list) that its hops pass over, as
    /// [`Note::TrainsOff`] says of the plan in force: it holds only if they do not exist for
    /// the person's platform (SPEC §4).
    pub trains_off: Vec<Train>,
    /// Its hops (0-based) that a caveat of Cisco's says are not zero-downtime (SPEC §3.3), and
    /// the bugs those caveats come from.
    pub not_zero_downtime: Vec<usize>,
    pub bugs: Vec<&'static str>,
}

/// What [`analyse_reusing`] keeps from one query to the next, so that typing a release neither
/// re-parses a pasted list nor copies a catalog to filter its trains: the last custom list
/// with its catalog and errors, and the last active catalog with the base and train set it was
/// made from. The page keeps one for its lifetime.
#[derive(Default)]
pub struct Reuse {
    list: Option<(Vec<String>, Arc<Catalog>, Vec<ListError>)>,
    active: Option<(Arc<Catalog>, Vec<Train>, Arc<Catalog>)>,
}

impl Reuse {
    /// The custom list's catalog and errors, parsed once per list.
    fn list(&mut self, list: &[String]) -> (Arc<Catalog>, Vec<ListError>) {
        match &self.list {
            Some((kept, catalog, errors)) if kept.as_slice() == list => {
                (Arc::clone(catalog), errors.clone())
            }
            _ => {
                let (catalog, errors) = custom_list::parse(&list.join("\n"));
                let catalog = Arc::new(catalog);
                self.list = Some((list.to_vec(), Arc::clone(&catalog), errors.clone()));
                (catalog, errors)
            }
        }
    }

    /// `base` without the trains not in `enabled` (sorted), filtered once per base and set;
    /// `base` itself when every train is on.
    fn active(&mut self, base: &Arc<Catalog>, enabled: Vec<Train>) -> Arc<Catalog> {
        if enabled.len() == base.trains().len() {
            return Arc::clone(base);
        }
        match &self.active {
            Some((b, set, catalog)) if Arc::ptr_eq(b, base) && *set == enabled => {
                Arc::clone(catalog)
            }
            _ => {
                let catalog = Arc::new(base.retain_trains(|t| enabled.binary_search(&t).is_ok()));
                self.active = Some((Arc::clone(base), enabled, Arc::clone(&catalog)));
                catalog
            }
        }
    }
}

/// How many trains an "unknown train" error names.
const NEAREST: usize = 2;

impl Session {
    /// What the runbook shows about how the chosen model is upgraded on this plan (SPEC §5.1):
    /// by the model, and for a Firepower 2100 by where the plan starts (platform mode before
    /// 9.13).
    pub fn procedure_notice(&self) -> Option<ProcedureNotice> {
        ProcedureNotice::of(self.platform, self.start)
    }

    /// The plan's hops (none unless the verdict is `ok`).
    pub fn hops(&self) -> &[Hop] {
        self.plan
            .as_ref()
            .map(|p| p.hops.as_slice())
            .unwrap_or_default()
    }

    /// Hop `i` as the runbook needs it: which units it reloads; for a one-unit hop, the
    /// image the other unit boots; the boot lines the previous hop left (`image_of` names a
    /// release's image).
    pub fn hop_spec(&self, i: usize, image_of: impl Fn(Release) -> String) -> Option<HopSpec> {
        let mut spec = self.hop_alone(i, &image_of)?;
        if let Some(previous) = i.checked_sub(1).and_then(|p| self.hop_alone(p, &image_of)) {
            let (old, new) = (image_of(previous.from), image_of(previous.to));
            spec.left = previous
                .boot_set(self.setup, &old, &new)
                .into_iter()
                .map(str::to_owned)
                .collect();
        }
        Some(spec)
    }

    /// Hop `i` without what the previous hop left.
    fn hop_alone(&self, i: usize, image_of: &impl Fn(Release) -> String) -> Option<HopSpec> {
        let hop = self.hops().get(i)?;
        let facts = self.hop_facts.get(i)?;
        let reloads = match (&facts.reloads[..], facts.stays) {
            ([one], Some((_, stays_on))) => Reloads::One {
                unit: one.unit,
                stays_on,
                stays_image: image_of(stays_on),
            },
            _ => Reloads::Both,
        };
        // Units starting from different releases: the newer one is active, reloaded second.
        let active = match &facts.reloads[..] {
            [a, b] if a.from != b.from => {
                let (older, newer) = if a.from < b.from { (a, b) } else { (b, a) };
                Some(ActiveUnit {
                    unit: newer.unit,
                    on: newer.from,
                    image: image_of(newer.from),
                    standby: older.unit,
                })
            }
            _ => None,
        };
        Some(HopSpec {
            from: hop.from,
            to: hop.to,
            reloads,
            active,
            left: Vec::new(),
        })
    }

    /// The releases typed in the fields that parse: current, other unit, target.
    pub fn typed(&self) -> [Option<Release>; 3] {
        [
            self.from.release,
            self.from2.as_ref().and_then(|f| f.release),
            self.to.release,
        ]
    }

    /// The releases a graph of this session shows, ascending: every release of the active
    /// catalog, interim builds only with `interim`, except the newest of a train that has
    /// nothing else (so no train disappears) and those typed or on the plan. Used by the page
    /// and by the benchmark's static page, which must draw the same nodes.
    pub fn drawn_releases(&self, interim: bool) -> Vec<Release> {
        let catalog = &self.catalog;
        let mut drawn = Vec::with_capacity(catalog.entries().len());
        for &train in catalog.trains() {
            let entries = catalog.train_entries(train);
            let before = drawn.len();
            drawn.extend(
                entries
                    .iter()
                    .map(|e| e.release)
                    .filter(|r| interim || !r.is_interim()),
            );
            if drawn.len() == before {
                drawn.extend(entries.last().map(|e| e.release));
            }
        }
        let planned = self.hops().iter().flat_map(|h| [h.from, h.to]);
        drawn.extend(
            self.typed()
                .into_iter()
                .flatten()
                .chain(planned)
                .filter(|r| catalog.has_train(r.train())),
        );
        drawn.sort_unstable();
        drawn.dedup();
        drawn
    }
}

/// Derives the session for `query`. Total: never panics, whatever the query holds.
///
/// The base catalog is the built-in one, or the custom list when `query.releases` is given
/// (presets do not filter a custom list); the active catalog is the base without the trains the
/// preset or the explicit train set switch off. A field is invalid when it does not parse or its
/// train is unknown to the base catalog; a train that exists but is switched off gives `no-path`
/// with a message saying how to switch it on. With a mismatched pair the plan starts from the
/// older unit and a note says what the other unit does.
pub fn analyse(query: &PlanQuery) -> Session {
    analyse_reusing(query, &mut Reuse::default())
}

/// [`analyse`], reusing what `reuse` kept from the previous query (same result).
pub fn analyse_reusing(query: &PlanQuery, reuse: &mut Reuse) -> Session {
    let mut messages = Vec::new();
    let (base, custom, list_errors) = base_catalog(query, reuse, &mut messages);
    let platform = query.platform;
    // A model implies its preset for 7.x/8.x unless one is given.
    let preset_id = query
        .preset
        .as_deref()
        .or_else(|| platform.map(Platform::preset));
    let preset = choose_preset(preset_id, &mut messages);
    let explicit = explicit_trains(query.trains.as_deref(), &base, &mut messages);
    if let Some(p) = platform {
        let given = query.preset.as_deref().map(|_| preset);
        messages.extend(model_overrides(p, &base, given, explicit.as_deref()));
    }
    let trains = train_states(&base, custom, platform, preset, explicit.as_deref());
    let on: Vec<Train> = trains
        .iter()
        .filter(|t| t.enabled)
        .map(|t| t.train)
        .collect();
    let catalog = reuse.active(&base, on);
    let (from, to, from2) = read_fields(query, &base);
    let via = via_releases(&query.via, &base, &mut messages);

    let mut session = Session {
        base,
        catalog,
        custom,
        preset,
        platform,
        platform_limits: Vec::new(),
        trains_by_hand: explicit.is_some(),
        trains,
        setup: Setup {
            mode: query.mode,
            multi_context: query.multi_context,
            single_boot_line: platform
                .is_some_and(|p| matches!(p.procedure(), Procedure::SingleBootLine { .. })),
        },
        from,
        from2,
        to,
        start: None,
        past_target: None,
        unjoinable: None,
        verdict: Verdict::Invalid,
        plan: None,
        rules: query.rules,
        other: None,
        hop_facts: Vec::new(),
        notes: Vec::new(),
        messages,
        list_errors,
    };
    let Some((units, to)) = typed_units(&mut session) else {
        return session;
    };
    let start = units[0].1.min(units[1].1);
    let newer = units[0].1.max(units[1].1);
    session.start = Some(start);
    // A Firepower 2100 plan starting before appliance mode is on the FXOS path: no boot line.
    session.setup.single_boot_line = matches!(
        session.procedure_notice(),
        Some(ProcedureNotice::SingleBootLine { .. })
    );
    single_box_note(&mut session, start, newer.max(to));
    mode_note(&mut session);
    if refused_by_platform(&mut session, units, to) {
        return session;
    }
    // SPEC §4: a unit past the target would need a downgrade, whatever the other one needs.
    session.past_target = units.iter().copied().find(|&(_, r)| r > to);
    let plan = plan_both_rule_sets(&mut session, preset, explicit.is_some(), units, to, &via);
    if start != newer {
        session.notes.push(Note::Parity {
            older: start,
            newer,
            same_train: start.train() == newer.train(),
        });
    }
    if plan.verdict == Verdict::Ok {
        session.hop_facts = hop_facts(&session, preset, &plan.hops, units);
        plan_notes(&mut session, units, start, newer);
    }
    closing_notes(&mut session, start, newer, to);
    session.verdict = plan.verdict;
    session.plan = Some(plan);
    session
}

/// Choose the catalog: the custom list's (parsed once per list, a message when nothing in it
/// reads) or the built-in one; says whether it is custom and gives the list's bad lines.
fn base_catalog(
    query: &PlanQuery,
    reuse: &mut Reuse,
    messages: &mut Vec<Message>,
) -> (Arc<Catalog>, bool, Vec<ListError>) {
    match &query.releases {
        Some(list) => {
            let (catalog, errors) = reuse.list(list);
            if catalog.entries().is_empty() {
                messages.push(Message::new(Origin::Releases, Problem::EmptyList));
            }
            (catalog, true, errors)
        }
        None => (Arc::clone(Catalog::builtin_arc()), false, Vec::new()),
    }
}

/// The base catalog's trains with their switches: on by the explicit set when one is given,
/// else by the preset (a custom list is not filtered by presets). The trains a model does not
/// run are not in its catalog at all (not even as switches), so no plan passes through them,
/// whatever the preset, the train set or the list say.
fn train_states(
    base: &Catalog,
    custom: bool,
    platform: Option<Platform>,
    preset: &'static Preset,
    explicit: Option<&[Train]>,
) -> Vec<TrainState> {
    let enabled = |t: Train| match explicit {
        Some(set) => set.binary_search(&t).is_ok(),
        None => custom || preset.exclusion(t).is_none(),
    };
    base.trains()
        .iter()
        .filter(|&&train| platform.is_none_or(|p| p.runs(train)))
        .map(|&train| TrainState {
            train,
            enabled: enabled(train),
            excluded_by_preset: if custom {
                None
            } else {
                preset.exclusion(train)
            },
        })
        .collect()
}

/// The trains a preset given with a model, or a train set picked by hand, would switch on
/// that the model does not run: they stay off (SPEC §5.1: a model's limits apply on top of any
/// preset or train set), and the person is told so where the choice contradicts the model.
fn model_overrides(
    platform: Platform,
    base: &Catalog,
    preset: Option<&'static Preset>,
    explicit: Option<&[Train]>,
) -> Option<Message> {
    let (origin, asked, kept): (Origin, Asked, Vec<Train>) = match (explicit, preset) {
        (Some(set), _) => (Origin::Trains, Asked::Trains, set.to_vec()),
        (None, Some(preset)) => {
            let kept = base.trains().iter().copied();
            let kept = kept.filter(|t| preset.exclusion(*t).is_none()).collect();
            (Origin::Preset, Asked::Preset(preset.id), kept)
        }
        (None, None) => return None,
    };
    let exclusions: Vec<&'static Exclusion> = kept
        .into_iter()
        .filter(|t| base.has_train(*t))
        .filter_map(|t| platform.exclusion(t))
        .collect();
    (!exclusions.is_empty()).then(|| {
        Message::new(
            origin,
            Problem::ModelDoesNotRun {
                platform,
                exclusions,
                asked,
            },
        )
    })
}

/// Read the release fields against the base catalog: the current release, the target and the
/// second unit's release when one is given (a blank second unit is simply absent).
fn read_fields(query: &PlanQuery, base: &Catalog) -> (Field, Field, Option<Field>) {
    let from = field(&query.from, base, Some(Hint::Current));
    let to = field(&query.to, base, Some(Hint::Target));
    let from2 = query.from2.as_deref().map(|text| field(text, base, None));
    (from, to, from2)
}

/// The two units with their releases and the target, when every field reads; otherwise
/// `None`, the verdict `empty` if only blank fields (their hints) stand in the way.
fn typed_units(session: &mut Session) -> Option<([(Unit, Release); 2], Release)> {
    let fields = [
        Some(&session.from),
        Some(&session.to),
        session.from2.as_ref(),
    ];
    if fields.iter().flatten().any(|f| f.error.is_some()) {
        // Only blank fields (their hints), nothing typed wrong: the page is not filled in yet.
        if fields
            .iter()
            .flatten()
            .all(|f| f.error.is_none() || f.text.trim().is_empty())
        {
            session.verdict = Verdict::Empty;
        }
        return None;
    }
    let (Some(primary), Some(to)) = (session.from.release, session.to.release) else {
        return None;
    };
    let secondary = session.from2.as_ref().and_then(|f| f.release);
    Some((
        [
            (Unit::Primary, primary),
            (Unit::Secondary, secondary.unwrap_or(primary)),
        ],
        to,
    ))
}

/// With no model chosen, a pair on 8.1 or older going to 9.3 or later: no single box runs
/// both (`new` is the newest release of the request).
fn single_box_note(session: &mut Session, start: Release, new: Release) {
    if session.platform.is_none()
        && start.train() <= (Train { major: 8, minor: 1 })
        && new.train() >= (Train { major: 9, minor: 3 })
    {
        session.notes.push(Note::NoSingleBox { old: start, new });
    }
}

/// The failover or context mode asked for, on a model that has no multiple context mode.
fn mode_note(session: &mut Session) {
    let active_active = session.setup.mode == Mode::ActiveActive;
    if let Some(platform) = session
        .platform
        .filter(|&p| !super::platform::has_contexts(p))
    {
        if active_active || session.setup.multi_context {
            session.notes.push(Note::ModeNotOnModel {
                platform,
                active_active,
            });
        }
    }
}

/// The chosen model's refusal (SPEC §5.1): each typed release it cannot run is a
/// [`PlatformLimit`]; when there is one, the verdict is `no-path` and nothing is planned
/// (returns true).
fn refused_by_platform(session: &mut Session, units: [(Unit, Release); 2], to: Release) -> bool {
    let Some(p) = session.platform else {
        return false;
    };
    let secondary = session.from2.as_ref().and_then(|f| f.release);
    // A second unit on the first's release is the same refusal: said once, of the pair.
    let secondary = secondary.filter(|&s| s != units[0].1);
    let mismatched = secondary.is_some();
    let typed = [
        (Limited::Unit(Unit::Primary), Some(units[0].1)),
        (Limited::Unit(Unit::Secondary), secondary),
        (Limited::Target, Some(to)),
    ];
    for (which, release) in typed {
        let Some(release) = release else { continue };
        if let Some(limit) = p.limit(release) {
            session.platform_limits.push(PlatformLimit {
                platform: p,
                release,
                which,
                mismatched,
                limit,
            });
        }
    }
    if session.platform_limits.is_empty() {
        return false;
    }
    session.verdict = Verdict::NoPath;
    session.notes.push(Note::RuleSource(session.rules));
    true
}

/// Plan under the rule set in force and ask the other one (SPEC §3), each for both units (the
/// newer one must be able to join, SPEC §4); a unit past the target makes it a downgrade; the
/// via releases not used and why there is no path are reported.
fn plan_both_rule_sets(
    session: &mut Session,
    preset: &Preset,
    explicit: bool,
    units: [(Unit, Release); 2],
    to: Release,
    via: &[Release],
) -> Plan {
    let rules = session.rules;
    // The plan starts from the older unit; the newer one joins it.
    let [(_, start), (unit, newer)] = if units[0].1 <= units[1].1 {
        units
    } else {
        [units[1], units[0]]
    };
    let (mut plan, join) = plan::plan_pair(rules, &session.catalog, start, newer, to, via);
    session.unjoinable = join.map(|JoinBlock { from, to, block }| Unjoinable {
        unit,
        from,
        to,
        block,
    });
    session.other = Some(other_answer(
        session,
        preset,
        rules.other(),
        (start, newer, to),
        via,
    ));
    // A unit past the target is a downgrade for that unit, said as such, even where the
    // other unit has no path either (SPEC §4).
    if session.past_target.is_some() {
        plan.verdict = Verdict::Downgrade;
        plan.hops.clear();
    }
    for (release, why) in &plan.unused_via {
        session.messages.push(Message::new(
            Origin::Via,
            Problem::ViaUnused {
                release: *release,
                why: why.clone(),
            },
        ));
    }
    if plan.verdict == Verdict::NoPath {
        pins_block(session, rules, (start, newer, to), via, &plan);
        explain_no_path(session, preset, explicit, [start, newer, to], via);
    }
    plan
}

/// When the intermediate releases the person chose are what leaves no path (SPEC §4, §11: say
/// the cause): the plan without them, and why landing on the first chosen release is blocked
/// (judged from where the plan without them enters its train), as [`Problem::PinsBlock`].
fn pins_block(
    session: &mut Session,
    rules: RuleSet,
    (start, newer, to): (Release, Release, Release),
    via: &[Release],
    plan: &Plan,
) {
    let used: Vec<Release> = via
        .iter()
        .copied()
        .filter(|v| !plan.unused_via.iter().any(|(u, _)| u == v))
        .collect();
    if used.is_empty() {
        return;
    }
    let (free, _) = plan::plan_pair(rules, &session.catalog, start, newer, to, &[]);
    if free.verdict != Verdict::Ok {
        return;
    }
    let blocked = used.iter().find_map(|&pin| {
        let hop = free.hops.iter().find(|h| h.to.train() == pin.train())?;
        let block = rules.judge(&session.catalog, hop.from, pin).err()?;
        Some((hop.from, pin, block))
    });
    session.messages.push(Message::new(
        Origin::Via,
        Problem::PinsBlock {
            pins: used,
            hops: free.hops.len(),
            blocked,
        },
    ));
}

/// The notes of a plan that runs (its hop facts known): where a mismatched pair's newer unit
/// joins and how far apart the units are, the trains switched off that a hop passes over,
/// and the two notes every zero-downtime plan carries.
fn plan_notes(session: &mut Session, units: [(Unit, Release); 2], start: Release, newer: Release) {
    if start != newer {
        let unit = units
            .iter()
            .find(|(_, r)| *r == newer)
            .map_or(Unit::Secondary, |u| u.0);
        let joins = session
            .hop_facts
            .iter()
            .position(|f| f.reloads.iter().any(|u| u.unit == unit))
            .map(|k| k + 1);
        session.notes.push(Note::NewerUnit {
            unit,
            on: newer,
            joins,
        });
        // How many legal hops apart the units are: the fewest from the older unit's release to
        // the newer one's (SPEC §4). The plan's own hops do not say it: they land on the
        // trains' picks, not on the newer unit's build.
        let between = plan::plan_with(session.rules, &session.catalog, start, newer, &[]);
        let apart = between.hops.len();
        if between.verdict == Verdict::Ok && apart > 1 {
            session.notes.push(Note::FarApart { apart });
        }
    }
    let mut off: Vec<Train> = session
        .hop_facts
        .iter()
        .flat_map(|f| &f.warnings)
        .filter_map(|w| match w {
            HopWarning::TrainsOff(trains) => Some(trains.iter().copied()),
            _ => None,
        })
        .flatten()
        .collect();
    off.dedup();
    if !off.is_empty() {
        session.notes.push(Note::TrainsOff(off));
    }
    session.notes.push(Note::NearZeroDowntime);
    session.notes.push(Note::MixedVersions);
}

/// The notes every answer ends with: Cisco's outage plan from 9.1(1), the note of the exception
/// that blocks the request (or the newer unit's hop onto it) under the guidance, and the rule
/// set's source.
fn closing_notes(session: &mut Session, start: Release, newer: Release, to: Release) {
    if let Some(outage) = outage_plan(&session.catalog, start, newer, to) {
        session.notes.push(outage);
    }
    if session.rules == RuleSet::Guide9x && start < to {
        let joining = session.unjoinable.as_ref().and_then(|u| match u.block {
            Block::Exception { exception, .. } => Some(exception),
            _ => None,
        });
        let blocking = rules::exception(start, to).or(joining);
        if let Some(e) = blocking.filter(|e| !e.note.is_empty()) {
            session.notes.push(Note::Exception(e));
        }
    }
    session.notes.push(Note::RuleSource(session.rules));
}

/// Cisco's own way from 9.1(1) (or one of its builds) to 9.1(2) or later, an outage (SPEC §3.2
/// item 2): 9.1(2) reloading both units, then zero-downtime hops under the guidance by release
/// era. `None` for any other request. Never a reload of both units straight to a later target.
///
/// The way is the one of a pair on 9.1(1): it is offered when the older unit (`start`) runs it
/// and the other unit (`newer`) is not past the outage hop's landing, which it would have to
/// go back to. A newer unit on 9.1(1) whose mate runs an older release has no such way: the
/// verdict says why ([`Unjoinable`]).
fn outage_plan(catalog: &Catalog, start: Release, newer: Release, to: Release) -> Option<Note> {
    let blocked = rules::EXCEPTIONS
        .iter()
        .find(|e| e.id == "cscuh25271")
        .is_some_and(|e| e.blocks(start, to));
    if !blocked {
        return None;
    }
    let stop = Release::new(9, 1, 2, None);
    // A target among 9.1(2)'s own builds is where the outage hop lands.
    let outage_to = if (to.major, to.minor, to.maintenance) == (9, 1, 2) {
        to
    } else {
        stop
    };
    if newer > outage_to {
        return None;
    }
    let (then, then_holds) = if outage_to == to {
        (Vec::new(), true)
    } else {
        let rest = plan::plan_with(RuleSet::Guide9x, catalog, outage_to, to, &[]);
        let then: Vec<Release> = rest.hops.iter().map(|h| h.to).collect();
        (then, rest.verdict == Verdict::Ok)
    };
    Some(Note::OutagePlan {
        from: start,
        outage_to,
        then,
        then_holds,
    })
}

/// The pair's plan `start → to` under `rules` (the rule set not in force), in short, with what
/// qualifies it as the plan in force's own hops are qualified: the trains switched off that it
/// passes over and the hops Cisco later said are not zero-downtime (the newer unit's own hop
/// onto the plan included). Why it has none is the newer unit's blocked hop when that is the
/// reason, else the direct hop's.
fn other_answer(
    session: &Session,
    preset: &Preset,
    rules: RuleSet,
    (start, newer, to): (Release, Release, Release),
    via: &[Release],
) -> OtherAnswer {
    let (plan, join) = plan::plan_pair(rules, &session.catalog, start, newer, to, via);
    let ok = plan.verdict == Verdict::Ok;
    let mut trains_off = Vec::new();
    let mut not_zero_downtime = Vec::new();
    let mut bugs = Vec::new();
    for (i, hop) in plan.hops.iter().enumerate() {
        // As for the plan in force (`hop_facts`): a direct hop may cross any number of trains.
        if hop.rule != Rule::Direct {
            for warning in passed_over(session, preset, hop) {
                if let HopWarning::TrainsOff(trains) = warning {
                    trains_off.extend(trains);
                }
            }
        }
        // The newer unit joins on the first hop that lands past its release, from there.
        let joins = (hop.from < newer && newer < hop.to).then(|| caveats::crossed(newer, hop.to));
        let mut blocking = caveats::crossed(hop.from, hop.to)
            .chain(joins.into_iter().flatten())
            .filter(|c| c.blocking())
            .peekable();
        if blocking.peek().is_some() {
            not_zero_downtime.push(i);
            bugs.extend(blocking.filter_map(|c| c.bug()));
        }
    }
    trains_off.dedup();
    bugs.sort_unstable();
    bugs.dedup();
    OtherAnswer {
        rules,
        verdict: plan.verdict,
        hops: plan.hops.len(),
        path: plan
            .hops
            .first()
            .map(|h| h.from)
            .into_iter()
            .chain(plan.hops.iter().map(|h| h.to))
            .collect(),
        why: join
            .map(|j| j.block)
            .or(plan.direct.err())
            .filter(|_| !ok)
            .map(|b| b.to_string()),
        trains_off,
        not_zero_downtime,
        bugs,
    }
}

/// Per hop: the units it reloads (a mismatched pair's newer unit skips the hops that land at
/// or below its release), the caveats it crosses, and its warnings.
fn hop_facts(
    session: &Session,
    preset: &Preset,
    hops: &[Hop],
    units: [(Unit, Release); 2],
) -> Vec<HopFacts> {
    let mut at = units;
    let exception_from = |id: &str, r: Release| {
        rules::EXCEPTIONS
            .iter()
            .find(|e| e.id == id)
            .is_some_and(|e| e.from.iter().any(|s| s.contains(r)))
    };
    let target = hops.last().map(|h| h.to);
    hops.iter()
        .map(|hop| {
            let mut warnings = Vec::new();
            let mut reloads = Vec::with_capacity(2);
            let mut stays = None;
            for (unit, on) in at.iter_mut() {
                if *on >= hop.to {
                    stays = Some((*unit, *on));
                    continue;
                }
                reloads.push(UnitStart {
                    unit: *unit,
                    from: *on,
                });
                *on = hop.to;
            }
            // Trains passed over matter to Table 81-1's minor and major hops only: a hop
            // landing on 9.x under the guidance by release era may cross any number of trains.
            if hop.rule != Rule::Direct {
                warnings.extend(passed_over(session, preset, hop));
            }
            // SPEC §3.2: a `direct` hop from one train to another links Cisco's planning page
            // (its path table may stop in between), whatever trains are switched off here.
            if hop.rule == Rule::Direct && hop.from.train() != hop.to.train() {
                warnings.push(HopWarning::CheckPlanningPage);
            }
            // Where Cisco's 9.1 path table would stop, and CSCug88962 says not to land.
            let lands_on = |r: Release, stop: Release| {
                (r.major, r.minor, r.maintenance) == (stop.major, stop.minor, stop.maintenance)
            };
            let (s846, s912) = (Release::new(8, 4, 6, None), Release::new(9, 1, 2, None));
            if exception_from("path-table-8.3", hop.from)
                && target.is_some_and(|t| t >= rules::NINE)
                && hop.to.train() == s846.train()
                && !lands_on(hop.to, s846)
            {
                warnings.push(HopWarning::AvoidsPathTableStop { stop: s846 });
            }
            if exception_from("path-table-9.1-2", hop.from)
                && target.is_some_and(|t| t >= Release::new(9, 1, 3, None))
                && hop.to < s912
            {
                warnings.push(HopWarning::AvoidsPathTableStop { stop: s912 });
            }
            HopFacts {
                caveats: hop_caveats(hop, &reloads),
                reloads,
                stays,
                warnings,
            }
        })
        .collect()
}

/// The caveats of a hop, in release order: those of the releases it crosses or lands on, and
/// those of each unit's own hop onto its landing. A newer unit joining from 9.1(1) carries
/// CSCuh25271's, which the hop from the older unit's release does not (SPEC §3.3: legal by
/// Table 81-1, never read as a plain zero-downtime upgrade).
fn hop_caveats(hop: &Hop, reloads: &[UnitStart]) -> Vec<&'static Caveat> {
    CAVEATS
        .iter()
        .filter(|c| {
            c.belongs_to(hop.from, hop.to) || reloads.iter().any(|u| c.belongs_to(u.from, hop.to))
        })
        .collect()
}

/// The trains of the built-in catalog strictly between a hop's trains that the active catalog
/// does not have: those the preset leaves out (sourced), and the others (switched off by hand,
/// or absent from the custom list), which make the hop legal only if they do not exist for the
/// person's platform (SPEC §4).
fn passed_over(session: &Session, preset: &Preset, hop: &Hop) -> Vec<HopWarning> {
    let (a, b) = (hop.from.train(), hop.to.train());
    let builtin = Catalog::shared_builtin();
    let mut by_preset = Vec::new();
    let mut by_hand = Vec::new();
    for &train in builtin.trains().iter().filter(|t| a < **t && **t < b) {
        if session.catalog.has_train(train) {
            continue;
        }
        // The preset's reason (it does not filter a custom list), else the model's own: a
        // train the model does not run is left out whatever the preset or list says.
        let by_model = || session.platform.and_then(|p| p.exclusion(train));
        match preset
            .exclusion(train)
            .filter(|_| !session.custom)
            .or_else(by_model)
        {
            Some(exclusion) => by_preset.push(exclusion),
            None => by_hand.push(train),
        }
    }
    let mut warnings = Vec::new();
    if !by_hand.is_empty() {
        warnings.push(HopWarning::TrainsOff(by_hand));
    }
    if !by_preset.is_empty() {
        warnings.push(HopWarning::PresetLeavesOut(by_preset));
    }
    warnings
}

/// The preset asked for; an unknown id is reported and the default used. A blank id is the
/// default, silently.
fn choose_preset(id: Option<&str>, messages: &mut Vec<Message>) -> &'static Preset {
    let Some(id) = id.filter(|id| !id.trim().is_empty()) else {
        return presets::default_preset();
    };
    presets::find(id).unwrap_or_else(|| {
        let default = presets::default_preset();
        messages.push(Message::new(
            Origin::Preset,
            Problem::UnknownPreset {
                id: shorten(id.trim()),
                known: PRESETS.iter().map(|p| p.id).collect(),
                using: default.id,
            },
        ));
        default
    })
}

/// The explicit train set, sorted, with trains the base catalog does not have reported.
fn explicit_trains(
    trains: Option<&[Train]>,
    base: &Catalog,
    messages: &mut Vec<Message>,
) -> Option<Vec<Train>> {
    // Sorted as the trains' `.0` releases (same order): the wasm then has one sort, of
    // releases, instead of a second one for trains.
    let mut firsts: Vec<Release> = trains?
        .iter()
        .map(|t| Release::new(t.major, t.minor, 0, None))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let set: Vec<Train> = firsts.into_iter().map(Release::train).collect();
    let unknown: Vec<Train> = set
        .iter()
        .copied()
        .filter(|t| !base.has_train(*t))
        .collect();
    if !unknown.is_empty() {
        messages.push(Message::new(
            Origin::Trains,
            Problem::UnknownTrains(unknown),
        ));
    }
    Some(set)
}

/// Interprets one release field against the base catalog. `empty` is the hint for a blank
/// field; `None` means a blank field is simply absent (the second unit).
fn field(text: &str, base: &Catalog, empty: Option<Hint>) -> Field {
    let mut field = Field {
        text: text.to_string(),
        ..Field::default()
    };
    if text.trim().is_empty() {
        field.problem = empty.map(FieldProblem::Blank);
        field.error = field.problem.as_ref().map(FieldProblem::to_string);
        return field;
    }
    match interpret(text, base) {
        Ok(release) => {
            let entry = base.get(release);
            if is_pre_release(release) || entry.is_some_and(|e| e.pre_release) {
                field.marks.push(Mark::PreRelease);
            } else if entry.is_none() {
                field.marks.push(Mark::NotInCatalog);
            } else if entry.is_some_and(|e| e.withdrawn) {
                field.marks.push(Mark::Withdrawn);
            }
            field.release = Some(release);
        }
        Err(problem) => {
            field.error = Some(problem.to_string());
            field.problem = Some(problem);
        }
    }
    field
}

/// A release whose train the base catalog knows, or the problem saying why not.
fn interpret(text: &str, base: &Catalog) -> Result<Release, FieldProblem> {
    // A release in any spelling, a `show version` line, a `Version:` line or an image name.
    let release = release_text::read(text)
        .map_err(FieldProblem::Unread)?
        .release;
    let train = release.train();
    if base.has_train(train) {
        return Ok(release);
    }
    Err(FieldProblem::NoTrain {
        train,
        nearest: base.nearest_trains(train, NEAREST),
    })
}

/// The via overrides that read; the others are reported.
fn via_releases(texts: &[String], base: &Catalog, messages: &mut Vec<Message>) -> Vec<Release> {
    let mut via = Vec::with_capacity(texts.len());
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        match interpret(text, base) {
            Ok(release) => via.push(release),
            Err(why) => messages.push(Message::new(
                Origin::Via,
                Problem::ViaUnread {
                    text: shorten(text.trim()),
                    why,
                },
            )),
        }
    }
    via
}

/// Says why nothing connects the two releases and how to change that.
fn explain_no_path(
    session: &mut Session,
    preset: &Preset,
    explicit: bool,
    [start, newer, to]: [Release; 3],
    via: &[Release],
) {
    // The trains the units run and the target's (the newer unit hops from its own), once each.
    let mut ends = Vec::with_capacity(3);
    for train in [start, newer, to].map(Release::train) {
        if !ends.contains(&train) {
            ends.push(train);
        }
    }
    for train in ends.into_iter().filter(|t| !session.catalog.has_train(*t)) {
        let message = end_train_off(session, preset, explicit, train);
        session.messages.push(message);
    }
    let trains = session.catalog.trains();
    let inner = trains
        .iter()
        .filter(|t| **t > start.train() && **t < to.train());
    for &train in inner {
        if session.catalog.recommended(train).is_none() && !via.iter().any(|r| r.train() == train) {
            session.messages.push(Message::new(
                Origin::Via,
                Problem::NothingRecommended(train),
            ));
        }
    }
}

/// Why a train the request starts or ends in is not in the active catalog, and how to bring it
/// back: the model does not run it (no switch brings it back: another model, or none, does),
/// it is switched off by hand or absent from the list, or the preset leaves it out.
fn end_train_off(session: &Session, preset: &Preset, explicit: bool, train: Train) -> Message {
    if let Some((platform, exclusion)) = session
        .platform
        .and_then(|p| Some((p, p.exclusion(train)?)))
    {
        return Message::new(
            Origin::Preset,
            Problem::ModelDoesNotRun {
                platform,
                exclusions: vec![exclusion],
                asked: Asked::End,
            },
        );
    }
    if explicit || session.custom {
        return Message::new(Origin::Trains, Problem::EndTrainOff(train));
    }
    let with: Vec<&str> = PRESETS
        .iter()
        .filter(|p| p.exclusion(train).is_none())
        .map(|p| p.id)
        .collect();
    Message::new(
        Origin::Preset,
        Problem::EndTrainExcluded {
            train,
            preset: preset.id,
            exclusion: preset.exclusion(train),
            with,
        },
    )
}

/// A text from the URL, cut for quoting in a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
