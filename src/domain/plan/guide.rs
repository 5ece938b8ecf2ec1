//! Plans under Cisco's guidance by release era (SPEC §3.2): a hop landing on 7.x or 8.x follows
//! Table 81-1, a hop landing on 9.x may go anywhere later, and [`EXCEPTIONS`] block hops either
//! way. So a plan climbs the 7.x/8.x trains one at a time (as far as it needs), then goes into
//! 9.x with as few hops as the exceptions allow ([`stops`]).
//!
//! The search never walks the catalog for the common cases. A hop `x → y` is blocked exactly
//! when some exception's `from` spans hold `x` and its `to` spans hold `y`, so the releases a
//! two-hop plan can stop at are those between the ends outside a handful of spans, found by
//! binary searches that jump over each span. Only plans of three hops or more (and no-path
//! verdicts the spans alone do not settle) take the general search, one pass over the releases
//! between the ends.

use super::{mark, sort_via, Hop, Pick, Plan, Unused, Verdict};
use crate::domain::catalog::{Catalog, Entry};
use crate::domain::release::Release;
use crate::domain::rules::{
    forward_trains, judge_guide_forward, judge_trains, Block, Rule, Span, EXCEPTIONS, NINE,
};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The exceptions, as bits of a mask (bit `i` is `EXCEPTIONS[i]`).
pub(super) type Rows = u32;

/// The exceptions whose `from` spans hold `release`: a hop from it to a release of their `to`
/// spans is blocked.
pub(super) fn rows_from(release: Release) -> Rows {
    mask(|i| EXCEPTIONS[i].from.iter().any(|s| s.contains(release)))
}

/// The exceptions whose `to` spans hold `release`.
pub(super) fn rows_to(release: Release) -> Rows {
    mask(|i| EXCEPTIONS[i].to.iter().any(|s| s.contains(release)))
}

fn mask(holds: impl Fn(usize) -> bool) -> Rows {
    (0..EXCEPTIONS.len())
        .filter(|&i| holds(i))
        .fold(0, |m, i| m | 1 << i)
}

/// See [`super::plan_with`] with [`crate::domain::rules::RuleSet::Guide9x`].
pub(super) fn plan(catalog: &Catalog, from: Release, to: Release, via: &[Release]) -> Plan {
    let (first, last) = match forward_trains(catalog, from, to) {
        Ok(trains) => trains,
        Err(block) => {
            let verdict = match block {
                Block::Same => Verdict::Same,
                Block::Downgrade => Verdict::Downgrade,
                _ => Verdict::NoPath,
            };
            return Plan {
                verdict,
                hops: Vec::new(),
                direct: Err(block),
                unused_via: Vec::new(),
            };
        }
    };
    let direct = judge_guide_forward(catalog, (first, last), from, to);
    let (inside, outside): (Vec<Release>, Vec<Release>) =
        via.iter().partition(|&&r| from < r && r < to);
    let (picks, mut unused_via) = if inside.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        // Any train from the start's to the target's may hold a stop (9.1(1) → 9.1(2) → 9.1(7)).
        let span = catalog.trains().get(first..=last).unwrap_or(&[]);
        sort_via(&inside, span, span)
    };
    unused_via.extend(
        outside
            .into_iter()
            .map(|release| (release, Unused::NotBetween { release, from, to })),
    );
    // A `via` release is the only stop its train offers.
    let work = if picks.is_empty() {
        Cow::Borrowed(catalog)
    } else {
        let mut entries: Vec<Entry> = catalog
            .entries()
            .iter()
            .filter(|e| !picks.iter().any(|p| p.train() == e.release.train()))
            .cloned()
            .collect();
        entries.extend(picks.iter().map(|&r| Entry::listed(r)));
        Cow::Owned(Catalog::from_entries(entries))
    };
    // `work` has the same trains as `catalog` (a via release is only taken for a train of it).
    let Some(stops) = stops(&work, from, to, (first, last), direct.is_ok()) else {
        return Plan {
            verdict: Verdict::NoPath,
            hops: Vec::new(),
            direct,
            unused_via,
        };
    };
    let mut hops = Vec::with_capacity(stops.len() + 1);
    let mut at = from;
    for (k, &land) in stops.iter().chain([&to]).enumerate() {
        let pick = if k == stops.len() {
            Pick::Target
        } else if picks.contains(&land) {
            Pick::Override
        } else {
            Pick::Recommended
        };
        let mut notes = Vec::new();
        match pick {
            Pick::Target => mark(catalog, last, land, &mut notes),
            Pick::Override => {
                if let Some(index) = catalog.train_index(land.train()) {
                    mark(catalog, index, land, &mut notes);
                }
            }
            Pick::Recommended => {}
        }
        // Every hop of `stops` is legal: direct into 9.x, below it Table 81-1's rule, which
        // for a legal hop to another train is minor within a major and major across.
        let rule = if land >= NINE {
            Rule::Direct
        } else if at.train() == land.train() {
            Rule::Maintenance
        } else if at.major == land.major {
            Rule::Minor
        } else {
            Rule::Major
        };
        hops.push(Hop {
            from: at,
            to: land,
            rule,
            pick,
            notes,
        });
        at = land;
    }
    for &r in &picks {
        if !stops.contains(&r) {
            unused_via.push((r, Unused::NoGuideStop(r.train())));
        }
    }
    Plan {
        verdict: Verdict::Ok,
        hops,
        direct,
        unused_via,
    }
}

/// The releases a fewest-hops plan `a → b` stops at, in order (empty for one hop), or `None`
/// when no chain of legal hops connects them. `a < b`, both trains in `c`; a stop is any
/// release of `c` that is neither withdrawn nor pre-release.
///
/// A plan climbs the 7.x and 8.x trains by Table 81-1 (a hop landing below 9.0 goes to the
/// next train, or stays in its train), then goes on into 9.x with hops that only the
/// exceptions restrict ([`nine`]). So every plan is: a climb of `k` trains (its stops are the
/// trains' picks), perhaps one more stop `x` in the train reached, then [`nine`] from there.
/// Each launch point `x` is tried (one per set of exceptions a hop from it meets: the others
/// would give the same hops), and the fewest hops win; of as many, the one whose stops come
/// from the earliest trains, newest maintenance release first ([`better`]).
fn stops(
    c: &Catalog,
    a: Release,
    b: Release,
    (ia, ib): (usize, usize),
    direct: bool,
) -> Option<Vec<Release>> {
    if direct {
        return Some(Vec::new());
    }
    let owned;
    let ix = match c.memo(Index::new) {
        Some(ix) => ix,
        None => {
            owned = Index::new(c);
            &owned
        }
    };
    let (trains, entries) = (c.trains(), c.entries());
    let (from_a, to_b) = (rows_from(a), rows_to(b));
    let mut best: Option<Vec<Release>> = None;
    let offer = |candidate: Vec<Release>, best: &mut Option<Vec<Release>>| {
        if best.as_ref().is_none_or(|kept| better(c, &candidate, kept)) {
            *best = Some(candidate);
        }
    };
    // Straight into 9.x from `a`, unless nothing in its train may go there.
    if b >= NINE && !ix.closed.get(ia).copied().unwrap_or(false) {
        if let Some(rest) = nine(c, (a, from_a), (b, to_b), ib) {
            offer(rest, &mut best);
        }
    }
    let mut climbed: Vec<Release> = Vec::with_capacity(ib - ia + 2);
    let mut from_prev = from_a;
    for t in ia..=ib {
        let Some(&train) = trains.get(t) else { break };
        if train.major >= 9 {
            break;
        }
        // A candidate from here has at least one more stop than the climb so far.
        if best
            .as_ref()
            .is_some_and(|kept| kept.len() < climbed.len() + 1)
        {
            break;
        }
        if t > ia {
            if judge_trains(c, t - 1, t).is_err() {
                break;
            }
            if t == ib {
                if from_prev & to_b == 0 {
                    offer(climbed.clone(), &mut best);
                }
                break;
            }
        }
        if b >= NINE && !ix.closed[t] {
            let after = if t == ia { Some(a) } else { None };
            for (x, from_x) in ix.launch_points(entries, t, after, from_prev) {
                // At least this many stops: `x`, and one more unless it goes straight to `b`.
                let fewest = climbed.len() + 1 + usize::from(from_x & to_b != 0);
                if best.as_ref().is_some_and(|kept| kept.len() < fewest) {
                    continue;
                }
                if let Some(rest) = nine(c, (x, from_x), (b, to_b), ib) {
                    let mut candidate = climbed.clone();
                    candidate.push(x);
                    candidate.extend(rest);
                    offer(candidate, &mut best);
                }
            }
        }
        if t > ia {
            let Some(k) = ix.climb_pick(t, from_prev) else {
                break;
            };
            climbed.push(entries[k].release);
            from_prev = ix.masks[k].0;
        }
    }
    best
}

/// The stops a train of the catalog offers, grouped by the exceptions a hop from and to them
/// meets: within a group every release leads to the same hops, so the newest stands for all.
struct Set {
    from: Rows,
    to: Rows,
    /// The newest maintenance release and the newest interim build (indexes in the entries).
    maintenance: Option<usize>,
    interim: Option<usize>,
}

/// What the planner reads for every pair, derived once per catalog ([`Catalog::memo`]).
struct Index {
    /// Per entry: [`rows_from`] and [`rows_to`].
    masks: Vec<(Rows, Rows)>,
    /// Per train: its [`Set`]s of stops (never withdrawn or pre-release).
    sets: Vec<Vec<Set>>,
    /// Per train: an exception blocks every hop from any of its releases into 9.x (releases
    /// before 8.4), so no launch point is there.
    closed: Vec<bool>,
}

impl Index {
    fn new(c: &Catalog) -> Index {
        let entries = c.entries();
        let masks: Vec<(Rows, Rows)> = entries
            .iter()
            .map(|e| (rows_from(e.release), rows_to(e.release)))
            .collect();
        let mut sets = Vec::with_capacity(c.trains().len());
        for t in 0..c.trains().len() {
            let mut train: Vec<Set> = Vec::new();
            for k in c.train_range(t).rev().filter(|&k| can_stop(&entries[k])) {
                let (from, to) = masks[k];
                let i = match train.iter().position(|s| (s.from, s.to) == (from, to)) {
                    Some(i) => i,
                    None => {
                        train.push(Set {
                            from,
                            to,
                            maintenance: None,
                            interim: None,
                        });
                        train.len() - 1
                    }
                };
                let set = &mut train[i];
                let slot = if entries[k].release.is_interim() {
                    &mut set.interim
                } else {
                    &mut set.maintenance
                };
                slot.get_or_insert(k);
            }
            sets.push(train);
        }
        let closed = c.trains().iter().map(|&t| closed_to_nine(t)).collect();
        Index {
            masks,
            sets,
            closed,
        }
    }

    /// The stop of a climb in the train at `t`, coming from a release whose hops meet the
    /// exceptions `from_prev`: the newest maintenance release that can be landed on, else the
    /// newest interim build that can.
    fn climb_pick(&self, t: usize, from_prev: Rows) -> Option<usize> {
        let sets = self.sets.get(t)?;
        let landable = || sets.iter().filter(|s| s.to & from_prev == 0);
        landable()
            .filter_map(|s| s.maintenance)
            .max()
            .or_else(|| landable().filter_map(|s| s.interim).max())
    }

    /// The releases of the train at `t` (later than `after`) a plan may land on (coming from
    /// `from_prev`) and go on into 9.x from: one per set of exceptions a hop from it meets,
    /// the newest maintenance release of that set, else its newest interim build.
    fn launch_points(
        &self,
        entries: &[Entry],
        t: usize,
        after: Option<Release>,
        from_prev: Rows,
    ) -> Vec<(Release, Rows)> {
        let Some(sets) = self.sets.get(t) else {
            return Vec::new();
        };
        let later = |k: &usize| after.is_none_or(|a| entries[*k].release > a);
        // (rows, newest maintenance release, newest interim build), by the rows from it.
        let mut by_from: Vec<(Rows, Option<usize>, Option<usize>)> = Vec::new();
        for s in sets.iter().filter(|s| s.to & from_prev == 0) {
            let (m, i) = (s.maintenance.filter(later), s.interim.filter(later));
            match by_from.iter_mut().find(|g| g.0 == s.from) {
                Some(g) => {
                    g.1 = g.1.max(m);
                    g.2 = g.2.max(i);
                }
                None => by_from.push((s.from, m, i)),
            }
        }
        by_from
            .into_iter()
            .filter_map(|(rows, m, i)| Some((entries[m.or(i)?].release, rows)))
            .collect()
    }
}

/// Whether an exception blocks every hop from every release of `train` into 9.x (releases
/// before 8.4): no launch point there.
fn closed_to_nine(train: crate::domain::release::Train) -> bool {
    let lo = Release::new(train.major, train.minor, 0, None);
    let hi = Release::new(train.major, train.minor, u16::MAX, Some(u16::MAX));
    EXCEPTIONS.iter().any(|e| {
        e.from.iter().any(|s| s.contains(lo) && s.contains(hi))
            && e.to.iter().any(|s| s.lo <= NINE && s.hi.major == u16::MAX)
    })
}

/// Whether the stops `x` are a better plan than `y`: fewer, or as many and, at the first stop
/// where they differ, from an earlier train, else a maintenance release before an interim
/// build, else the newer release.
fn better(c: &Catalog, x: &[Release], y: &[Release]) -> bool {
    if x.len() != y.len() {
        return x.len() < y.len();
    }
    let key = |r: Release| {
        (
            c.train_index(r.train()),
            r.is_interim(),
            std::cmp::Reverse(r),
        )
    };
    x.iter().map(|&r| key(r)).lt(y.iter().map(|&r| key(r)))
}

/// The stops of the fewest hops `a → b` that all land on 9.0 or later (`b` is, `ib` is its
/// train's position): only the exceptions restrict them. Each end comes with its
/// exceptions: those a hop from `a` meets, those a hop to `b` meets.
fn nine(
    c: &Catalog,
    (a, from_a): (Release, Rows),
    (b, to_b): (Release, Rows),
    ib: usize,
) -> Option<Vec<Release>> {
    if from_a & to_b == 0 {
        return Some(Vec::new());
    }
    let ia = c.train_index(a.train())?;
    let (lo, hi) = between(c, a, b, (ia, ib));
    // Stops below 9.0 are the climb's (Table 81-1), not this search's.
    let lo = lo.max(c.entries().partition_point(|e| e.release < NINE));
    let range = (lo, hi.max(lo));
    if let Some(stop) = two_hops(c, a, b, range, from_a, to_b) {
        return Some(vec![stop]);
    }
    // Nothing after `a` can be reached from it, or nothing before `b` can reach it.
    let none = |from_a, to_b| first_stop(c, range, &Forbidden::new(from_a, to_b)).is_none();
    if none(from_a, 0) || none(0, to_b) || trapped(c, range, from_a) {
        return None;
    }
    general(c, a, b, range)
}

/// Whether every stop a hop from `a` (meeting the exceptions `from_a`) may land on meets at
/// least those exceptions too: then no chain from `a` ever gets out of what `a` alone reaches,
/// and `b`, which `a` cannot reach, stays out of reach (9.1(1) and its builds).
fn trapped(c: &Catalog, range: (usize, usize), from_a: Rows) -> bool {
    let forbidden = Forbidden::new(from_a, 0);
    let entries = c.entries();
    let (mut i, end) = range;
    while i < end {
        let e = &entries[i];
        match forbidden.until(e.release) {
            Some(hi) => i += 1 + entries[i + 1..end].partition_point(|e| e.release <= hi),
            None => {
                if can_stop(e) && rows_from(e.release) & from_a != from_a {
                    return false;
                }
                i += 1;
            }
        }
    }
    true
}

/// Whether a plan may stop at the entry: never a withdrawn or pre-release build (SPEC §4).
pub(super) fn can_stop(e: &Entry) -> bool {
    !e.withdrawn && !e.pre_release
}

/// Where the stops strictly between `a` and `b` lie in `c.entries()`, given the positions of
/// their trains in `c.trains()`: searched within those two trains, not the whole catalog.
fn between(c: &Catalog, a: Release, b: Release, trains: (usize, usize)) -> (usize, usize) {
    let entries = c.entries();
    let (ra, rb) = (c.train_range(trains.0), c.train_range(trains.1));
    let (sa, sb) = (ra.start, rb.start);
    let (ta, tb) = (
        entries.get(ra).unwrap_or(&[]),
        entries.get(rb).unwrap_or(&[]),
    );
    (
        sa + ta.partition_point(|e| e.release <= a),
        sb + tb.partition_point(|e| e.release < b),
    )
}

/// The releases that cannot be the stop of a two-hop plan `a → x → b`, as sorted, merged
/// spans: the `to` spans of the exceptions that block hops from `a` (`from_a`) and the `from`
/// spans of those that block hops to `b` (`to_b`). Computed once per pair of masks and kept
/// (a few dozen pairs occur; 2^(2E) at most for E exceptions).
struct Forbidden<'a> {
    spans: &'a [Span],
}

impl Forbidden<'static> {
    fn new(from_a: Rows, to_b: Rows) -> Forbidden<'static> {
        static TABLE: OnceLock<Vec<OnceLock<Vec<Span>>>> = OnceLock::new();
        let bits = EXCEPTIONS.len();
        let table =
            TABLE.get_or_init(|| (0..1usize << (2 * bits)).map(|_| OnceLock::new()).collect());
        let key = (from_a as usize) << bits | to_b as usize;
        let spans = table
            .get(key)
            .map_or(&[][..], |slot| slot.get_or_init(|| merged(from_a, to_b)));
        Forbidden { spans }
    }
}

impl Forbidden<'_> {
    /// If `x` cannot be the stop, the end of the span that says so: nothing up to it can be.
    fn until(&self, x: Release) -> Option<Release> {
        self.spans
            .iter()
            .take_while(|s| s.lo <= x)
            .find(|s| x <= s.hi)
            .map(|s| s.hi)
    }
}

/// See [`Forbidden`].
fn merged(from_a: Rows, to_b: Rows) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (i, e) in EXCEPTIONS.iter().enumerate() {
        let bit = 1 << i;
        let sides = [
            (from_a & bit != 0).then_some(e.to),
            (to_b & bit != 0).then_some(e.from),
        ];
        // In order of `lo` as they come in (a handful: no sort in the wasm for this).
        for &s in sides.into_iter().flatten().flatten() {
            let at = spans.partition_point(|t| t.lo <= s.lo);
            spans.insert(at, s);
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.lo <= last.hi => last.hi = last.hi.max(s.hi),
            _ => out.push(s),
        }
    }
    out
}

/// The index in `c.entries()` of the first release in `range` that is neither withdrawn nor
/// pre-release, and not `forbidden`.
fn first_stop(c: &Catalog, range: (usize, usize), forbidden: &Forbidden<'_>) -> Option<usize> {
    let entries = c.entries();
    let (mut i, end) = range;
    while i < end {
        let e = &entries[i];
        if !can_stop(e) {
            i += 1;
            continue;
        }
        match forbidden.until(e.release) {
            None => return Some(i),
            Some(hi) => i += 1 + entries[i + 1..end].partition_point(|e| e.release <= hi),
        }
    }
    None
}

/// The stop of a two-hop plan `a → x → b`: from the earliest train that has one, the newest
/// maintenance release that works, else the newest interim build that does.
fn two_hops(
    c: &Catalog,
    a: Release,
    b: Release,
    range: (usize, usize),
    from_a: Rows,
    to_b: Rows,
) -> Option<Release> {
    let forbidden = Forbidden::new(from_a, to_b);
    let i = first_stop(c, range, &forbidden)?;
    let entries = c.entries();
    let t = c.train_index(entries[i].release.train())?;
    let works = |e: &Entry| {
        can_stop(e) && a < e.release && e.release < b && forbidden.until(e.release).is_none()
    };
    // The train's own pick (newest maintenance release, else newest interim build) when it
    // works; otherwise the newest that does.
    if let Some(rec) = c.recommended_at(t).and_then(|r| c.get_in(t, r)) {
        if works(rec) {
            return Some(rec.release);
        }
    }
    let end = c.train_range(t).end.min(range.1);
    let candidates = || entries[i..end].iter().rev().filter(|e| works(e));
    candidates()
        .find(|e| !e.release.is_interim())
        .or_else(|| candidates().next())
        .map(|e| e.release)
}

/// Any number of hops: the fewest hops to `b` from every stop between `a` and `b`, in one pass
/// from `b` backwards (a stop's hops depend only on which exceptions its release is in), then
/// the stops chosen as [`two_hops`] chooses one, hop by hop.
///
/// O(N·K) for N releases between `a` and `b` and K distinct sets of exceptions holding them.
fn general(c: &Catalog, a: Release, b: Release, range: (usize, usize)) -> Option<Vec<Release>> {
    let (lo, hi) = range;
    let nodes: Vec<Release> = c.entries()[lo..hi]
        .iter()
        .filter(|e| can_stop(e))
        .map(|e| e.release)
        .collect();
    let from: Vec<Rows> = nodes.iter().map(|&r| rows_from(r)).collect();
    let to: Vec<Rows> = nodes.iter().map(|&r| rows_to(r)).collect();
    // Fewest hops to `b` from each node, and the fewest from any later node per `to` set.
    let mut hops = vec![usize::MAX; nodes.len()];
    let mut later: Vec<(Rows, usize)> = vec![(rows_to(b), 0)];
    let fewest = |later: &[(Rows, usize)], rows: Rows| {
        later
            .iter()
            .filter(|(t, _)| t & rows == 0)
            .map(|(_, n)| n + 1)
            .min()
    };
    for k in (0..nodes.len()).rev() {
        let Some(n) = fewest(&later, from[k]) else {
            continue;
        };
        hops[k] = n;
        match later.iter_mut().find(|(t, _)| *t == to[k]) {
            Some(entry) => entry.1 = entry.1.min(n),
            None => later.push((to[k], n)),
        }
    }
    let mut left = fewest(&later, rows_from(a))?;
    let (mut rows, mut next) = (rows_from(a), 0);
    let mut stops = Vec::with_capacity(left - 1);
    while left > 1 {
        let ok = |k: &usize| rows & to[*k] == 0 && hops[*k] == left - 1;
        let first = (next..nodes.len()).find(ok)?;
        let train = nodes[first].train();
        let in_train = || {
            (first..nodes.len())
                .take_while(|&k| nodes[k].train() == train)
                .filter(ok)
        };
        let k = in_train()
            .filter(|&k| !nodes[k].is_interim())
            .last()
            .or_else(|| in_train().last())?;
        stops.push(nodes[k]);
        (rows, next, left) = (from[k], k + 1, left - 1);
    }
    Some(stops)
}
