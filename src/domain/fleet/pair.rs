//! One planned pair as the exports carry it (JSON schema 1, the fleet's CSV and tables): what
//! was asked, the verdict and the hops, nothing the page needs only for drawing.

use super::{InputError, LineProblem};
use crate::domain::caveats::Caveat;
use crate::domain::plan::{HopNote, Verdict};
use crate::domain::platform::{Platform, ProcedureNotice, ASA_COMPATIBILITY};
use crate::domain::query::PlanQuery;
use crate::domain::release::{Release, Train};
use crate::domain::rules::{self, Rule, RuleSet};
use crate::domain::runbook::{Mode, Unit};
use crate::domain::session::{Field, HopWarning, Limited, Mark, Note, Session, UnitStart};

/// One hop of a pair's plan, with what travels with it (SPEC §3.3: caveats and warnings go
/// wherever the plan goes).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PathHop {
    pub from: Release,
    pub to: Release,
    pub rule: Rule,
    /// The caveats of the releases the hop crosses or lands on, in release order.
    pub caveats: Vec<&'static Caveat>,
    pub warnings: Vec<HopWarning>,
    /// The release landed on, when the catalog does not list it or lists it as withdrawn or
    /// pre-release (the text's note under the hop).
    pub marks: Vec<(Mark, Release)>,
    /// The units the hop reloads, each with the release it starts from (one unit only where a
    /// mismatched pair's newer unit is already at or past the landing release).
    pub reloads: Vec<UnitStart>,
}

/// Something a person must know about a pair's plan as a whole (the JSON's pair `warnings`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PairWarning {
    /// A release typed in `field` (the share link's key: `from`, `from2`, `to`) is not in the
    /// catalog, or withdrawn, or a pre-release build.
    Mark {
        field: &'static str,
        release: Release,
        mark: Mark,
    },
    /// The chosen model cannot run the release typed in `field`: the request is refused, for
    /// `reason` (worded as the text words it).
    PlatformLimit {
        field: &'static str,
        release: Release,
        reason: String,
        /// The fact's document, or, for an assumed bound that has none, Cisco's compatibility
        /// guide to check it against.
        source: &'static str,
        /// The fact is an assumption ("commonly cited, not verified here").
        assumed: bool,
        /// How sure the reading is (`H`/`M`/`L`) for a bound read with a confidence.
        confidence: Option<&'static str>,
    },
    /// With no model chosen, the plan spans a release of 8.1 or older and one of 9.3 or later,
    /// which no single box runs both (SPEC §5.1), resting on the models' assumed ranges.
    NoSingleBox {
        old: Release,
        new: Release,
        reason: String,
    },
    /// The chosen model has no multiple context mode, yet the runbook was asked for it (or
    /// for Active/Active failover, which needs it): the note worded, with its documents.
    ModeNotOnModel {
        reason: String,
        sources: Vec<&'static str>,
    },
    /// How the chosen model is upgraded on this plan, beyond (or instead of) the ASA
    /// command-line runbook: the notice, worded as the runbook words it, with its documents.
    Procedure {
        notice: ProcedureNotice,
        reason: String,
    },
    /// A unit runs `release`, past the target: a downgrade. `unit` is `None` for a matched
    /// pair (both units).
    Downgrade {
        unit: Option<Unit>,
        release: Release,
    },
    /// The preset in force is a what-if: no single platform runs `trains` together (SPEC §5).
    WhatIf {
        preset: &'static str,
        trains: Vec<Train>,
    },
    /// Legal by Table 81-1, but Cisco later said these hops (1-based) are not zero-downtime
    /// (the bugs named).
    NotZeroDowntime {
        hops: Vec<usize>,
        bugs: Vec<&'static str>,
    },
    /// Why there is no zero-downtime path (the exception's reason, naming the bug and what
    /// Cisco says instead, or the direct hop's reason).
    NoPath { reason: String },
    /// Cisco's own way from 9.1(1), an outage: the path, its first hop reloading both units.
    OutagePlan {
        path: Vec<Release>,
        then_holds: bool,
    },
    /// Trains passed over by hand: the plan holds only if they do not exist for the platform.
    TrainsOff(Vec<Train>),
    /// The units of a mismatched pair are this many legal hops apart.
    FarApart { apart: usize },
    /// The units run different releases; the plan starts from the older.
    Parity {
        older: Release,
        newer: Release,
        same_train: bool,
    },
    /// A mismatched pair's newer unit joins the plan at hop `joins` (1-based; `None` when it
    /// already runs the target).
    NewerUnit {
        unit: Unit,
        on: Release,
        joins: Option<usize>,
    },
    /// An image name typed for `release` (`field`: the share link's key, `img` or `asdm`)
    /// that the commands use although it may not be that release's file: it reads as
    /// `reads_as`, or (`None`) as no release and has no image file ending
    /// (`runbook::image_doubt`); `reason` worded as the text words it.
    ImageName {
        field: &'static str,
        release: String,
        name: String,
        reads_as: Option<Release>,
        /// The JSON's `doubt` ([`doubt_kind`]).
        doubt: &'static str,
        reason: String,
    },
}

impl PairWarning {
    /// The JSON's `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            PairWarning::NotZeroDowntime { .. } => "not-zero-downtime",
            PairWarning::NoPath { .. } => "no-path",
            PairWarning::OutagePlan { .. } => "outage-plan",
            PairWarning::TrainsOff(_) => "train-off",
            PairWarning::FarApart { .. } => "far-apart",
            PairWarning::Mark { mark, .. } => mark_kind(*mark),
            PairWarning::PlatformLimit { .. } => "platform-limit",
            PairWarning::NoSingleBox { .. } => "no-single-box",
            PairWarning::ModeNotOnModel { .. } => "mode-not-on-model",
            PairWarning::Procedure { .. } => "procedure",
            PairWarning::Downgrade { .. } => "downgrade",
            PairWarning::Parity { .. } => "parity",
            PairWarning::NewerUnit { .. } => "newer-unit",
            PairWarning::WhatIf { .. } => "what-if",
            PairWarning::ImageName { .. } => "image-name",
        }
    }
}

/// A typed or landed-on release's mark as the exports name it (the JSON's `kind`).
pub fn mark_kind(mark: Mark) -> &'static str {
    match mark {
        Mark::NotInCatalog => "not-in-catalog",
        Mark::Withdrawn => "withdrawn",
        Mark::PreRelease => "pre-release",
    }
}

/// A hop's note on the release it lands on, as a mark.
fn hop_mark(note: &HopNote) -> (Mark, Release) {
    match *note {
        HopNote::NotInCatalog(r) => (Mark::NotInCatalog, r),
        HopNote::Withdrawn(r) => (Mark::Withdrawn, r),
        HopNote::PreRelease(r) => (Mark::PreRelease, r),
    }
}

/// A pair and its plan, as exported. Releases are canonical where they parse; a field that does
/// not parse keeps the text as typed (its error says why).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PairPlan {
    /// The fleet line it came from (1-based); `None` for a single plan.
    pub line: Option<u64>,
    /// The pair's name in a fleet; `None` for a single plan.
    pub name: Option<String>,
    /// The first unit's release, then the second's when the pair is mismatched.
    pub units: Vec<String>,
    pub target: String,
    pub mode: Mode,
    /// The preset id in force (the default when none was given).
    pub preset: &'static str,
    /// The hardware model (`None`: no model given).
    pub platform: Option<Platform>,
    /// The rule set's hook value, e.g. `table-81-1`.
    pub rules: &'static str,
    pub verdict: Verdict,
    /// Empty unless the verdict is `ok`.
    pub hops: Vec<PathHop>,
    /// The other rule set (SPEC §3: its answer is shown beside the verdict).
    pub other_rules: &'static str,
    /// The other rule set's hop count; `None` when it has no path (or nothing was planned).
    pub other_rules_hops: Option<usize>,
    /// The bugs for which Cisco later said a hop of the other rule set's plan is not
    /// zero-downtime (SPEC §3.3): its hop count is then no zero-downtime alternative.
    pub other_rules_not_zero_downtime: Vec<&'static str>,
    /// Every caveat of the plan, once each, in release order.
    pub caveats: Vec<&'static Caveat>,
    pub warnings: Vec<PairWarning>,
    /// The pair's own single-pair plan: `#` and the query's canonical fragment.
    pub share: String,
    /// What could not be read (only a single plan carries these; a fleet reports bad lines
    /// apart and does not plan them).
    pub errors: Vec<InputError>,
    /// Why the pair has no zero-downtime path, with Cisco's documents ([`Reason`]); empty for
    /// a plain zero-downtime path or a pair already on its target.
    pub reason: String,
}

/// Why a session's plan is not a plain zero-downtime upgrade, as its own plan's text says it:
/// the verdict's sentence, the other rule set's answer when Cisco later said one of its hops
/// is not zero-downtime, and the links of Cisco's documents. `Display` (in `view::words`) is
/// the text; empty when there is nothing to say.
pub struct Reason<'a>(pub &'a Session);

impl PairPlan {
    /// The export of `session`, which was derived from `query`. `preset` is the preset id in
    /// force (the session falls back to the default for an unknown one and says so).
    pub fn new(query: &PlanQuery, session: &Session, preset: &'static str) -> PairPlan {
        let hops: Vec<PathHop> = session
            .hops()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let facts = session.hop_facts.get(i);
                PathHop {
                    from: h.from,
                    to: h.to,
                    rule: h.rule,
                    caveats: facts.map(|f| f.caveats.clone()).unwrap_or_default(),
                    warnings: facts.map(|f| f.warnings.clone()).unwrap_or_default(),
                    marks: h.notes.iter().map(hop_mark).collect(),
                    reloads: facts.map(|f| f.reloads.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let mut caveats: Vec<&'static Caveat> = Vec::new();
        for c in hops.iter().flat_map(|h| &h.caveats) {
            if !caveats.iter().any(|k| std::ptr::eq(*k, *c)) {
                caveats.push(c);
            }
        }
        caveats.sort_by_key(|c| c.release);
        let mut warnings = pair_warnings(session, &hops);
        warnings.extend(image_warnings(query));
        let mut units = vec![shown(&session.from)];
        units.extend(session.from2.as_ref().map(shown));
        let field_errors = [
            ("from", Some(&session.from)),
            ("from2", session.from2.as_ref()),
            ("to", Some(&session.to)),
        ];
        let errors = field_errors
            .into_iter()
            .filter_map(|(name, field)| {
                let problem = field?.problem.clone()?;
                Some(InputError::new(None, name, LineProblem::Field(problem)))
            })
            .collect();
        PairPlan {
            line: None,
            name: None,
            units,
            target: shown(&session.to),
            mode: query.mode,
            preset,
            platform: query.platform,
            rules: query.rules.as_str(),
            verdict: session.verdict,
            hops,
            other_rules: query.rules.other().as_str(),
            other_rules_hops: session
                .other
                .as_ref()
                .filter(|o| o.verdict == Verdict::Ok)
                .map(|o| o.hops),
            other_rules_not_zero_downtime: session
                .other
                .as_ref()
                .filter(|o| o.verdict == Verdict::Ok)
                .map(|o| o.bugs.clone())
                .unwrap_or_default(),
            caveats,
            warnings,
            share: format!("#{query}"),
            errors,
            reason: Reason(session).to_string(),
        }
    }

    /// The releases the pair passes through: where the plan starts, then where each hop lands.
    /// Empty when there is no hop.
    pub fn path(&self) -> impl Iterator<Item = Release> + '_ {
        self.hops
            .first()
            .map(|h| h.from)
            .into_iter()
            .chain(self.hops.iter().map(|h| h.to))
    }

    /// Whether Cisco later said a hop of this plan (legal by Table 81-1) is not zero-downtime.
    pub fn not_zero_downtime(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| matches!(w, PairWarning::NotZeroDowntime { .. }))
    }

    /// The path as one text, `8.2(5) → 8.3(2) → 8.4(7)` (empty when there is no hop).
    pub fn path_text(&self) -> String {
        let releases: Vec<String> = self.path().map(|r| r.to_string()).collect();
        releases.join(" → ")
    }
}

/// The plan-wide warnings of `session` (its hops already exported as `hops`).
fn pair_warnings(session: &Session, hops: &[PathHop]) -> Vec<PairWarning> {
    let mut warnings = Vec::new();
    let fields = [
        ("from", Some(&session.from)),
        ("from2", session.from2.as_ref()),
        ("to", Some(&session.to)),
    ];
    for (field, f) in fields {
        let Some(release) = f.and_then(|f| f.release) else {
            continue;
        };
        for &mark in f.iter().flat_map(|f| &f.marks) {
            warnings.push(PairWarning::Mark {
                field,
                release,
                mark,
            });
        }
    }
    for limit in &session.platform_limits {
        let field = match limit.which {
            Limited::Unit(Unit::Primary) => "from",
            Limited::Unit(Unit::Secondary) => "from2",
            Limited::Target => "to",
        };
        warnings.push(PairWarning::PlatformLimit {
            field,
            release: limit.release,
            reason: limit.to_string(),
            source: limit.limit.source().unwrap_or(ASA_COMPATIBILITY).url,
            assumed: limit.limit.is_assumed(),
            confidence: limit.limit.confidence().map(|c| c.letter()),
        });
    }
    if let Some(notice) = session.procedure_notice() {
        warnings.push(PairWarning::Procedure {
            notice,
            reason: notice.to_string(),
        });
    }
    // The preset is in force unless the trains were chosen by hand or a list replaces the
    // catalog.
    if !session.custom && !session.trains_by_hand {
        if let Some(trains) = session.preset.what_if_trains() {
            warnings.push(PairWarning::WhatIf {
                preset: session.preset.id,
                trains,
            });
        }
    }
    if let (Verdict::Downgrade, Some((unit, release))) = (session.verdict, session.past_target) {
        warnings.push(PairWarning::Downgrade {
            unit: session.from2.is_some().then_some(unit),
            release,
        });
    }
    let doubted: Vec<usize> = hops
        .iter()
        .enumerate()
        .filter(|(_, h)| h.caveats.iter().any(|c| c.blocking()))
        .map(|(i, _)| i + 1)
        .collect();
    if !doubted.is_empty() {
        let mut bugs: Vec<&'static str> = hops
            .iter()
            .flat_map(|h| h.caveats.iter().filter(|c| c.blocking()))
            .filter_map(|c| c.bug())
            .collect();
        bugs.sort_unstable();
        bugs.dedup();
        warnings.push(PairWarning::NotZeroDowntime {
            hops: doubted,
            bugs,
        });
    }
    // A model's refusal is the reason (its `platform-limit` warnings): nothing was planned,
    // so no rule is to blame.
    if session.verdict == Verdict::NoPath && session.platform_limits.is_empty() {
        // The newer unit's hop onto the plan, when it is what leaves the pair without one.
        let joining = session.unjoinable.as_ref().map(|u| u.block.to_string());
        let exception = match (session.rules, session.start, session.to.release) {
            (RuleSet::Guide9x, Some(a), Some(b)) => {
                rules::exception(a, b).map(|e| e.reason_for(a, b))
            }
            _ => None,
        };
        let direct = session
            .plan
            .as_ref()
            .and_then(|p| p.direct.as_ref().err())
            .map(|b| b.to_string());
        if let Some(reason) = joining.or(exception).or(direct) {
            warnings.push(PairWarning::NoPath { reason });
        }
    }
    for note in &session.notes {
        match note {
            Note::OutagePlan {
                from,
                outage_to,
                then,
                then_holds,
            } => {
                let mut path = vec![*from, *outage_to];
                path.extend(then);
                warnings.push(PairWarning::OutagePlan {
                    path,
                    then_holds: *then_holds,
                });
            }
            Note::TrainsOff(trains) => warnings.push(PairWarning::TrainsOff(trains.clone())),
            Note::NoSingleBox { old, new } => warnings.push(PairWarning::NoSingleBox {
                old: *old,
                new: *new,
                reason: note.to_string(),
            }),
            Note::FarApart { apart } => warnings.push(PairWarning::FarApart { apart: *apart }),
            Note::ModeNotOnModel { active_active, .. } => {
                use crate::domain::sources::{ACTIVE_ACTIVE_NEEDS_CONTEXTS, ASA5505_NO_CONTEXTS};
                let mut sources = vec![ASA5505_NO_CONTEXTS.url];
                if *active_active {
                    sources.push(ACTIVE_ACTIVE_NEEDS_CONTEXTS.url);
                }
                warnings.push(PairWarning::ModeNotOnModel {
                    reason: note.to_string(),
                    sources,
                });
            }
            Note::Parity {
                older,
                newer,
                same_train,
            } => warnings.push(PairWarning::Parity {
                older: *older,
                newer: *newer,
                same_train: *same_train,
            }),
            Note::NewerUnit { unit, on, joins } => warnings.push(PairWarning::NewerUnit {
                unit: *unit,
                on: *on,
                joins: *joins,
            }),
            _ => {}
        }
    }
    warnings
}

/// The typed image names of `query` that may not be the files they are typed for.
fn image_warnings(query: &PlanQuery) -> Vec<PairWarning> {
    use crate::domain::runbook::{doubtful_names, ImageDoubt, ASDM_KEY_PREFIX};
    doubtful_names(&query.typed_images())
        .into_iter()
        .map(|d| {
            let reason = d.to_string();
            let (field, release) = match d.key.strip_prefix(ASDM_KEY_PREFIX) {
                Some(release) => ("asdm", release.to_owned()),
                None => ("img", d.key),
            };
            PairWarning::ImageName {
                field,
                release,
                name: d.name,
                reads_as: match d.doubt {
                    ImageDoubt::OtherRelease(r) | ImageDoubt::AsaFile(r) => Some(r),
                    ImageDoubt::NotAnImage | ImageDoubt::AsdmFile => None,
                },
                doubt: doubt_kind(d.doubt),
                reason,
            }
        })
        .collect()
}

/// An [`ImageDoubt`] as the JSON names it (`doubt`).
pub fn doubt_kind(doubt: crate::domain::runbook::ImageDoubt) -> &'static str {
    use crate::domain::runbook::ImageDoubt;
    match doubt {
        ImageDoubt::OtherRelease(_) => "other-release",
        ImageDoubt::NotAnImage => "not-an-image",
        ImageDoubt::AsdmFile => "asdm-image",
        ImageDoubt::AsaFile(_) => "asa-image",
    }
}

/// A release field as exported: canonical when it parsed, else the text as typed.
fn shown(field: &Field) -> String {
    field
        .release
        .map_or_else(|| field.text.trim().to_string(), |r| r.to_string())
}
