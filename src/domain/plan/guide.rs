//! Plans under Cisco's 9.x guidance (SPEC §3.2): any forward hop is legal except the hops of
//! [`EXCEPTIONS`], so a plan is one hop unless an exception blocks the direct one.
//!
//! The search never walks the catalog for the common cases. A hop `x → y` is blocked exactly
//! when some exception's `from` spans hold `x` and its `to` spans hold `y`, so the releases a
//! two-hop plan can stop at are those between the ends outside a handful of spans, found by
//! binary searches that jump over each span. Only plans of three hops or more (and no-path
//! verdicts the spans alone do not settle) take the general search, one pass over the releases
//! between the ends.

use super::{mark, sort_via, Hop, HopNote, Pick, Plan, Verdict, CONFIG_MIGRATION};
use crate::domain::catalog::{Catalog, Entry};
use crate::domain::release::Release;
use crate::domain::rules::{judge_guide, Block, Rule, EXCEPTIONS};
use std::borrow::Cow;

/// The exceptions, as bits of a mask (bit `i` is `EXCEPTIONS[i]`).
type Rows = u32;

/// The exceptions whose `from` spans hold `release`: a hop from it to a release of their `to`
/// spans is blocked.
fn rows_from(release: Release) -> Rows {
    mask(|i| EXCEPTIONS[i].from.iter().any(|s| s.contains(release)))
}

/// The exceptions whose `to` spans hold `release`.
fn rows_to(release: Release) -> Rows {
    mask(|i| EXCEPTIONS[i].to.iter().any(|s| s.contains(release)))
}

fn mask(holds: impl Fn(usize) -> bool) -> Rows {
    (0..EXCEPTIONS.len())
        .filter(|&i| holds(i))
        .fold(0, |m, i| m | 1 << i)
}

/// See [`super::plan_with`] with [`crate::domain::rules::RuleSet::Guide9x`].
pub(super) fn plan(catalog: &Catalog, from: Release, to: Release, via: &[Release]) -> Plan {
    let direct = judge_guide(catalog, from, to);
    let verdict = match &direct {
        Err(Block::Same) => Some(Verdict::Same),
        Err(Block::Downgrade) => Some(Verdict::Downgrade),
        Err(Block::UnknownTrain(_)) => Some(Verdict::NoPath),
        _ => None,
    };
    if let Some(verdict) = verdict {
        return Plan {
            verdict,
            hops: Vec::new(),
            direct,
            unused_via: Vec::new(),
        };
    }
    let trains = catalog.trains();
    let first = catalog.train_index(from.train()).unwrap_or(0);
    let last = catalog.train_index(to.train()).unwrap_or(0);
    // Any train from the start's to the target's may hold a stop (9.1(1) → 9.1(2) → 9.1(7)).
    let span = trains.get(first..=last).unwrap_or(&[]);
    let (inside, outside): (Vec<Release>, Vec<Release>) =
        via.iter().partition(|&&r| from < r && r < to);
    let (picks, mut unused_via) = if inside.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        sort_via(&inside, span, span)
    };
    unused_via.extend(
        outside
            .into_iter()
            .map(|r| (r, format!("{r} is not between {from} and {to}"))),
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
        entries.extend(picks.iter().map(|&r| Entry::listed(r, "via")));
        Cow::Owned(Catalog::from_entries(entries))
    };
    let Some(stops) = stops(&work, from, to, direct.is_ok()) else {
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
        if at.train() < CONFIG_MIGRATION && land.train() >= CONFIG_MIGRATION {
            notes.push(HopNote::ConfigMigration);
        }
        if pick != Pick::Recommended {
            if let Some(index) = catalog.train_index(land.train()) {
                mark(catalog, index, land, &mut notes);
            }
        }
        hops.push(Hop {
            from: at,
            to: land,
            rule: Rule::Direct,
            pick,
            notes,
        });
        at = land;
    }
    for &r in &picks {
        if !stops.contains(&r) {
            let train = r.train();
            unused_via.push((
                r,
                format!("the fewest hops under Cisco's 9.x guidance do not stop in {train}"),
            ));
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
/// release of `c` that is not withdrawn.
fn stops(c: &Catalog, a: Release, b: Release, direct: bool) -> Option<Vec<Release>> {
    if direct {
        return Some(Vec::new());
    }
    let (from_a, to_b) = (rows_from(a), rows_to(b));
    if let Some(stop) = two_hops(c, a, b, from_a, to_b) {
        return Some(vec![stop]);
    }
    // Nothing after `a` can be reached from it, or nothing before `b` can reach it.
    if first_stop(c, a, b, from_a, 0).is_none() || first_stop(c, a, b, 0, to_b).is_none() {
        return None;
    }
    general(c, a, b)
}

/// Where the stops strictly between `a` and `b` lie in `c.entries()`.
fn between(c: &Catalog, a: Release, b: Release) -> (usize, usize) {
    let entries = c.entries();
    (
        entries.partition_point(|e| e.release <= a),
        entries.partition_point(|e| e.release < b),
    )
}

/// If `x` cannot be a stop (a hop `a → x` blocked by one of `from_a`, or `x → b` by one of
/// `to_b`), the end of the latest span that says so: no release up to it can be a stop either
/// for that reason.
fn blocked_until(x: Release, from_a: Rows, to_b: Rows) -> Option<Release> {
    let mut until = None;
    for (i, e) in EXCEPTIONS.iter().enumerate() {
        let bit = 1 << i;
        let spans = [
            (from_a & bit != 0).then_some(e.to),
            (to_b & bit != 0).then_some(e.from),
        ];
        for s in spans.into_iter().flatten().flatten() {
            if s.contains(x) {
                until = until.max(Some(s.hi));
            }
        }
    }
    until
}

/// The index of the first stop strictly between `a` and `b` that no exception of `from_a`
/// blocks reaching from `a` and none of `to_b` blocks leaving for `b`.
fn first_stop(c: &Catalog, a: Release, b: Release, from_a: Rows, to_b: Rows) -> Option<usize> {
    let entries = c.entries();
    let (mut i, end) = between(c, a, b);
    while i < end {
        let e = &entries[i];
        if e.withdrawn {
            i += 1;
            continue;
        }
        match blocked_until(e.release, from_a, to_b) {
            None => return Some(i),
            Some(hi) => i += 1 + entries[i + 1..end].partition_point(|e| e.release <= hi),
        }
    }
    None
}

/// The stop of a two-hop plan `a → x → b`: from the earliest train that has one, the newest
/// maintenance release that works, else the newest interim build that does.
fn two_hops(c: &Catalog, a: Release, b: Release, from_a: Rows, to_b: Rows) -> Option<Release> {
    let i = first_stop(c, a, b, from_a, to_b)?;
    let entries = c.entries();
    let train = entries[i].release.train();
    let t = c.train_index(train)?;
    let works = |e: &Entry| {
        !e.withdrawn
            && a < e.release
            && e.release < b
            && blocked_until(e.release, from_a, to_b).is_none()
    };
    // The train's own pick (newest maintenance release, else newest interim build) when it
    // works; otherwise the newest that does.
    if let Some(rec) = c.recommended_at(t).and_then(|r| c.get_in(t, r)) {
        if works(rec) {
            return Some(rec.release);
        }
    }
    let end = c.train_range(t).end.min(between(c, a, b).1);
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
fn general(c: &Catalog, a: Release, b: Release) -> Option<Vec<Release>> {
    let (lo, hi) = between(c, a, b);
    let nodes: Vec<Release> = c.entries()[lo..hi]
        .iter()
        .filter(|e| !e.withdrawn)
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
