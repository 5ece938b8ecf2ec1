//! Plans (SPEC §4): the shortest chain of legal hops between two releases, under either rule
//! set: [`plan`] follows Table 81-1, [`plan_with`] the rule set it is given, and [`plan_pair`]
//! the chain of a mismatched pair, on which the newer unit can join.

mod guide;
mod pair;

pub use pair::{plan_pair, JoinBlock};

use super::catalog::{is_pre_release, Catalog};
use super::release::{Release, Train};
use super::rules::{judge, judge_trains, Block, Rule, RuleSet};

/// The outcome of a request (the `data-verdict` hook value).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    Ok,
    Same,
    Downgrade,
    Invalid,
    NoPath,
    /// Nothing entered yet (a blank field, nothing wrong): a hint, not an error.
    Empty,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Same => "same",
            Verdict::Downgrade => "downgrade",
            Verdict::Invalid => "invalid",
            Verdict::NoPath => "no-path",
            Verdict::Empty => "empty",
        }
    }
}

/// How the release a hop lands on was chosen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pick {
    /// The target the person asked for (last hop).
    Target,
    /// The planner's pick for an intermediate stop: under Table 81-1 the catalog's
    /// recommendation for the train; under the 9.x guidance the newest release of the train
    /// that keeps the fewest hops (the recommendation when it does).
    Recommended,
    /// An intermediate the person chose (`via`).
    Override,
}

/// Something a person must know about one hop.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum HopNote {
    /// The release landed on is not in the catalog (its train is): planned as if listed.
    NotInCatalog(Release),
    /// The release landed on was withdrawn by Cisco.
    Withdrawn(Release),
    /// The release landed on is a pre-release build (never orderable).
    PreRelease(Release),
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
    pub unused_via: Vec<(Release, Unused)>,
}

/// Why a `via` release is not used, as facts; its `Display` is written in `view::words`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Unused {
    /// Its train is the one the plan starts or ends in.
    EndTrain(Train),
    /// Its train is not between the plan's first train `a` and its last `b`.
    NotOnTheWay { train: Train, a: Train, b: Train },
    /// The plan spans no train at all.
    NotOnPlan(Train),
    /// Another release of its train, `kept`, was given first.
    AlreadyPicked { kept: Release, train: Train },
    /// It is not between the request's start and target.
    NotBetween {
        release: Release,
        from: Release,
        to: Release,
    },
    /// The fewest hops under Cisco's 9.x guidance do not stop in its train.
    NoGuideStop(Train),
    /// The fewest hops both units of a mismatched pair can take do not stop in its train.
    NoPairStop(Train),
}

/// Plans `from → to` in `catalog`: the shortest chain of legal zero-downtime hops.
///
/// # Semantics
///
/// The fewest hops such that each is legal under [`judge`] (fewest reloads of each unit). A
/// legal hop either stays in its train (maintenance) or lands in the next train of the catalog
/// (minor or major), so a plan from train *i* to train *j* has exactly *j − i* hops (one when
/// both are in the same train), each landing in the next train. Each intermediate release is the
/// `via` release of its train if one is given, else [`Catalog::recommended`]. Releases not in the
/// catalog whose train is plan as if listed ([`HopNote::NotInCatalog`]); a withdrawn release
/// or pre-release build landed on is marked ([`HopNote::Withdrawn`], [`HopNote::PreRelease`]).
/// What a hop crosses (configuration migrations, …) is `caveats`' to say.
///
/// # Arguments
///
/// * `catalog`: the active catalog (preset or custom list, switched-off trains removed).
/// * `from`, `to`: the unit's release and the target; neither needs to be listed, but their
///   trains must be in `catalog`.
/// * `via`: intermediate overrides, at most one per train (the first of a train is used). Those
///   whose train is not an intermediate step of the plan are returned in
///   [`Plan::unused_via`] with the reason.
///
/// # Returns
///
/// A [`Plan`] whose `verdict` is [`Verdict::Same`] (`from = to`), [`Verdict::Downgrade`]
/// (`to < from`), [`Verdict::NoPath`] (a train of `from` or `to` is not in the catalog, or an
/// intermediate train has no release to recommend, i.e. only withdrawn ones, and no `via`), or
/// [`Verdict::Ok`] with the hops. `direct` is always the judged direct hop. Never
/// [`Verdict::Invalid`]: input that does not parse is the session's to report.
///
/// # Complexity
///
/// O(log T + H + V log V) for T trains in the catalog, H hops and V via entries; the catalog is
/// neither scanned nor copied, and the only allocations are the hop list and the via list.
///
/// # Example
///
/// ```
/// use asa_planner::domain::{catalog::Catalog, plan::{plan, Verdict}, presets, release::Release};
/// let preset = presets::default_preset();
/// let catalog = Catalog::builtin().retain_trains(|t| preset.exclusion(t).is_none());
/// let r = |s: &str| s.parse::<Release>().unwrap();
/// let p = plan(&catalog, r("8.2(5)"), r("9.1(7)"), &[]);
/// assert_eq!(p.verdict, Verdict::Ok);
/// let path: Vec<String> = p.hops.iter().map(|h| h.to.to_string()).collect();
/// assert_eq!(path, ["8.3(2)", "8.4(7)", "9.0(4)", "9.1(7)"]);
/// assert_eq!(p.direct.unwrap_err().to_string(), "8.2 is not the last minor release of 8.x (8.4 is)");
/// ```
pub fn plan(catalog: &Catalog, from: Release, to: Release, via: &[Release]) -> Plan {
    let stop = |verdict, direct| Plan {
        verdict,
        hops: Vec::new(),
        direct,
        unused_via: Vec::new(),
    };
    if from == to {
        return stop(Verdict::Same, Err(Block::Same));
    }
    if to < from {
        return stop(Verdict::Downgrade, Err(Block::Downgrade));
    }
    let (first, last) = match (
        catalog.train_index(from.train()),
        catalog.train_index(to.train()),
    ) {
        (Some(first), Some(last)) => (first, last),
        _ => return stop(Verdict::NoPath, judge(catalog, from, to)),
    };
    let direct = judge_trains(catalog, first, last);
    let trains = catalog.trains();
    let (picks, unused_via) = if via.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let span = &trains[first..=last];
        sort_via(via, span, span.get(1..span.len() - 1).unwrap_or(&[]))
    };
    // The release landed on in the intermediate train at `k`.
    let pick = |k: usize| match picks.binary_search_by_key(&trains[k], |r| r.train()) {
        Ok(p) => Some((picks[p], Pick::Override)),
        Err(_) => catalog.recommended_at(k).map(|r| (r, Pick::Recommended)),
    };
    if first == last {
        let mut notes = Vec::new();
        mark(catalog, last, to, &mut notes);
        let hop = Hop {
            from,
            to,
            rule: Rule::Maintenance,
            pick: Pick::Target,
            notes,
        };
        return Plan {
            verdict: Verdict::Ok,
            hops: vec![hop],
            direct,
            unused_via,
        };
    }
    let mut hops = Vec::with_capacity(last - first);
    let mut at = from;
    for k in first + 1..=last {
        let (land, how) = match (k == last, pick(k)) {
            (true, _) => (to, Pick::Target),
            (false, Some(picked)) => picked,
            (false, None) => return stop(Verdict::NoPath, direct),
        };
        let rule = if trains[k].major == trains[k - 1].major {
            Rule::Minor
        } else {
            Rule::Major
        };
        let mut notes = Vec::new();
        if how != Pick::Recommended {
            mark(catalog, k, land, &mut notes);
        }
        hops.push(Hop {
            from: at,
            to: land,
            rule,
            pick: how,
            notes,
        });
        at = land;
    }
    Plan {
        verdict: Verdict::Ok,
        hops,
        direct,
        unused_via,
    }
}

/// Plans `from → to` in `catalog` under `rules`: the fewest hops that are legal under
/// [`RuleSet::judge`].
///
/// # Semantics
///
/// [`RuleSet::Table811`] is [`plan`]. [`RuleSet::Guide9x`] (SPEC §3.2): a hop landing on 7.x or
/// 8.x follows Table 81-1, every other forward hop is [`Rule::Direct`], and either is blocked
/// when one of [`EXCEPTIONS`](super::rules::EXCEPTIONS) blocks it, so the plan is the direct hop
/// when that is legal. Otherwise it is the fewest hops through releases of
/// the catalog that are neither withdrawn nor pre-release; of the plans with that many hops, each stop comes from
/// the earliest train that still allows the fewest hops, and within it is the newest
/// maintenance release that does, else the newest interim build that does (so the train's
/// [`Catalog::recommended`] release whenever that works). A stop may be in the start's or the
/// target's own train (8.4(4) → 8.4(7) → 9.1(7)). A `via` release is the only stop its train
/// offers: the plan stops there if it stops in that train at all (marked
/// [`Pick::Override`]), perhaps at the cost of a hop; those of a train the fewest hops do not
/// stop in, or not strictly between `from` and `to`, are returned in [`Plan::unused_via`].
/// Notes are as in [`plan`]: [`HopNote::NotInCatalog`], [`HopNote::Withdrawn`] and
/// [`HopNote::PreRelease`] on the target and overrides; stops are never withdrawn or
/// pre-release.
///
/// # Returns
///
/// A [`Plan`] whose `verdict` is [`Verdict::Same`], [`Verdict::Downgrade`], [`Verdict::NoPath`]
/// (a train of `from` or `to` is not in the catalog, or every chain of hops meets an exception,
/// e.g. any hop landing on 9.0(2)) or [`Verdict::Ok`]. `direct` is the direct hop judged under
/// `rules`.
///
/// # Complexity
///
/// Under [`RuleSet::Guide9x`], with S spans in the exceptions table: O(log N + S) when the
/// direct hop is legal; otherwise, for T 7.x/8.x trains climbed, the 9.x part is searched from
/// each launch point (one per set of exceptions in a climbed train whose releases may go on
/// into 9.x; trains before 8.4 have none): O((log N + S) · J + W) for a two-hop 9.x part (J
/// spans jumped over, W releases of the stop's train looked at when its recommended release
/// does not work), O(N · K) for a longer one (N releases between, K distinct sets of
/// exceptions holding them). The launch points and climb stops come from an index of the
/// catalog's releases by the exceptions they meet, built once per catalog (O(N · S)) and kept
/// with it. With `via`, the catalog is first copied with the overrides in
/// (O(N log N)).
///
/// # Example
///
/// ```
/// use asa_planner::domain::{catalog::Catalog, plan::{plan_with, Verdict}, presets};
/// use asa_planner::domain::{release::Release, rules::{Rule, RuleSet}};
/// let preset = presets::default_preset();
/// let catalog = Catalog::builtin().retain_trains(|t| preset.exclusion(t).is_none());
/// let r = |s: &str| s.parse::<Release>().unwrap();
/// let p = plan_with(RuleSet::Guide9x, &catalog, r("8.2(5)"), r("9.1(7)"), &[]);
/// let path: Vec<String> = p.hops.iter().map(|h| h.to.to_string()).collect();
/// assert_eq!(path, ["8.3(2)", "8.4(7)", "9.1(7)"]);
/// let rules: Vec<Rule> = p.hops.iter().map(|h| h.rule).collect();
/// assert_eq!(rules, [Rule::Minor, Rule::Minor, Rule::Direct]);
/// assert_eq!(
///     p.direct.unwrap_err().to_string(),
///     "releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration migrations)"
/// );
/// let none = plan_with(RuleSet::Guide9x, &catalog, r("8.4(5)"), r("9.0(2)"), &[]);
/// assert_eq!(none.verdict, Verdict::NoPath);
/// ```
pub fn plan_with(
    rules: RuleSet,
    catalog: &Catalog,
    from: Release,
    to: Release,
    via: &[Release],
) -> Plan {
    match rules {
        RuleSet::Table811 => plan(catalog, from, to, via),
        RuleSet::Guide9x => guide::plan(catalog, from, to, via),
    }
}

/// Marks a release landed on that the catalog does not list, or lists as withdrawn; `index`
/// is its train's position in the catalog's trains.
fn mark(catalog: &Catalog, index: usize, release: Release, notes: &mut Vec<HopNote>) {
    let entry = catalog.get_in(index, release);
    if is_pre_release(release) || entry.is_some_and(|e| e.pre_release) {
        notes.push(HopNote::PreRelease(release));
        return;
    }
    match entry {
        None => notes.push(HopNote::NotInCatalog(release)),
        Some(e) if e.withdrawn => notes.push(HopNote::Withdrawn(release)),
        Some(_) => {}
    }
}

/// Splits the via entries into the picks for the trains of `inner` (the trains a stop may be
/// in, part of `span`: the trains from the plan's start to its end, both included), sorted by
/// train, and the unused ones with why.
fn sort_via(
    via: &[Release],
    span: &[Train],
    inner: &[Train],
) -> (Vec<Release>, Vec<(Release, Unused)>) {
    let (candidates, outside): (Vec<Release>, Vec<Release>) = via
        .iter()
        .partition(|r| inner.binary_search(&r.train()).is_ok());
    let mut unused: Vec<(Release, Unused)> = outside
        .into_iter()
        .map(|r| {
            let train = r.train();
            let why = match (span.first(), span.last()) {
                (Some(a), Some(b)) if train == *a || train == *b => Unused::EndTrain(train),
                (Some(&a), Some(&b)) => Unused::NotOnTheWay { train, a, b },
                _ => Unused::NotOnPlan(train),
            };
            (r, why)
        })
        .collect();
    // By train, in the span's order; of several picks for one train the first given is kept.
    // A pass per inner train (a few dozen at most) instead of a stable sort: same order, and
    // no extra sort instantiation in the wasm bundle.
    let mut picks: Vec<Release> = Vec::with_capacity(inner.len());
    for &train in inner {
        let mut kept: Option<Release> = None;
        for &r in candidates.iter().filter(|r| r.train() == train) {
            match kept {
                Some(kept) => unused.push((r, Unused::AlreadyPicked { kept, train })),
                None => kept = Some(r),
            }
        }
        picks.extend(kept);
    }
    (picks, unused)
}
