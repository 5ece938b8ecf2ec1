//! Plans for a mismatched pair (SPEC §4): the plan is the older unit's chain, and the newer unit
//! joins it at the first hop that lands past its release, with a hop of its own from that
//! release to the hop's landing. That hop must be legal under the same rules, or the pair would
//! be told "zero-downtime" while one unit makes a hop Cisco rules out (from 9.1(1) to 9.1(7),
//! from 9.0(1) straight to 9.1(3) or later).
//!
//! The older unit's plan is kept whenever the newer unit can join it: that is the common case,
//! and it costs one judged hop. Otherwise the newer unit's own way to the target is looked at
//! (without one, no chain serves both units), and only then are the chains searched for the
//! fewest hops on which it can join ([`joinable`]), with the same choice of stops as a plan of
//! one unit.

use super::guide::{can_stop, rows_from, rows_to, Rows};
use super::{mark, plan_with, sort_via, Hop, Pick, Plan, Unused, Verdict};
use crate::domain::catalog::Catalog;
use crate::domain::release::Release;
use crate::domain::rules::{judge_trains, Block, RuleSet, NINE};

/// The newer unit's hop onto a plan (from its release `from` to `to`, where the hop it joins
/// lands) and why that hop is not legal.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct JoinBlock {
    pub from: Release,
    pub to: Release,
    pub block: Block,
}

/// Plans a pair whose units run `from` (the older) and `newer` to `to` under `rules`.
///
/// The fewest hops from `from` such that each is legal, and the hop the newer unit joins (the
/// first landing past `newer`) is legal from `newer` too; of as many, the stops
/// [`plan_with`] would choose (the earliest train, the newest maintenance release, else the
/// newest interim build). With `newer <= from`, or `newer >= to` (a unit on or past the target
/// joins nothing), it is [`plan_with`]'s plan.
///
/// Returns the plan and, when its verdict is [`Verdict::NoPath`] because of the newer unit
/// alone, the hop that unit could not make onto the older unit's own plan, with the reason.
///
/// O([`plan_with`]) when the newer unit can join the older unit's plan or has no way of its
/// own to the target; otherwise O(N²) for the N releases between `from` and `to` (each hop
/// judged in constant time: about 2 ms natively for the whole built-in catalog).
pub fn plan_pair(
    rules: RuleSet,
    catalog: &Catalog,
    from: Release,
    newer: Release,
    to: Release,
    via: &[Release],
) -> (Plan, Option<JoinBlock>) {
    let plan = plan_with(rules, catalog, from, to, via);
    let Some(join) = blocked_join(rules, catalog, &plan.hops, newer) else {
        return (plan, None);
    };
    // Once it has joined, the newer unit takes the plan's hops to the target: without a way of
    // its own there, no chain serves both units, and none is searched.
    let own = plan_with(rules, catalog, newer, to, via);
    let found = if own.verdict == Verdict::Ok {
        joinable(rules, catalog, (from, newer, to), via)
    } else {
        None
    };
    match found {
        Some(hops) => {
            let unused_via = still_unused(&plan, &hops, catalog, (from, to), via);
            let plan = Plan {
                hops,
                unused_via,
                ..plan
            };
            (plan, None)
        }
        None => {
            let plan = Plan {
                verdict: Verdict::NoPath,
                hops: Vec::new(),
                ..plan
            };
            (plan, Some(join))
        }
    }
}

/// The newer unit's hop onto `hops` when it is not legal: it joins the first hop landing past
/// its release, from its release (a hop starting there is its own, and legal).
fn blocked_join(
    rules: RuleSet,
    catalog: &Catalog,
    hops: &[Hop],
    newer: Release,
) -> Option<JoinBlock> {
    let hop = hops.iter().find(|h| h.to > newer)?;
    if hop.from >= newer {
        return None;
    }
    let block = rules.judge(catalog, newer, hop.to).err()?;
    Some(JoinBlock {
        from: newer,
        to: hop.to,
        block,
    })
}

/// The hops of the fewest-hops chain `from → to` on which the newer unit can join, or `None`.
///
/// The stops are the releases strictly between the ends that a plan may stop at (never
/// withdrawn or pre-release; a `via` release is the only stop of its train, as for one unit).
/// The distance to `to` is found from every stop, from the last backwards; then, stop by stop,
/// the earliest train that keeps the fewest hops, its newest maintenance release, else its
/// newest interim build.
fn joinable(
    rules: RuleSet,
    catalog: &Catalog,
    (from, newer, to): (Release, Release, Release),
    via: &[Release],
) -> Option<Vec<Hop>> {
    let picks = via_picks(catalog, from, to, via);
    let search = Search::new(
        rules,
        catalog,
        newer,
        stops_between(catalog, from, to, &picks),
    )?;
    let start = Node::new(catalog, from)?;
    let dist = search.distances();
    let mut left = search.fewest(&start, &dist)?;
    let mut landings = Vec::with_capacity(left);
    let mut at = &start;
    while left > 1 {
        at = search.next(at, left, &dist)?;
        landings.push(at.release);
        left -= 1;
    }
    landings.push(to);
    hops(rules, catalog, from, &landings, &picks)
}

/// The stops of [`joinable`]'s search, the last one the target, and where the newer unit may
/// land from its own release.
struct Search<'a> {
    rules: RuleSet,
    catalog: &'a Catalog,
    nodes: Vec<Node>,
    newer: Release,
    /// Per node: whether the newer unit may land there with a hop from its release (true for a
    /// node not past that release, where it does not join).
    joins: Vec<bool>,
}

impl<'a> Search<'a> {
    /// `None` when a release's train is not in the catalog.
    fn new(
        rules: RuleSet,
        catalog: &'a Catalog,
        newer: Release,
        stops: Vec<Release>,
    ) -> Option<Search<'a>> {
        let nodes: Vec<Node> = stops
            .into_iter()
            .map(|r| Node::new(catalog, r))
            .collect::<Option<_>>()?;
        let from_newer = Node::new(catalog, newer)?;
        let joins = nodes
            .iter()
            .map(|y| y.release <= newer || legal(rules, catalog, &from_newer, y))
            .collect();
        Some(Search {
            rules,
            catalog,
            nodes,
            newer,
            joins,
        })
    }

    /// Whether a chain may hop from `x` to node `j`: the hop is legal and, if it is the one the
    /// newer unit joins (`x < newer < y`), the newer unit may make its own hop to `y`.
    fn usable(&self, x: &Node, j: usize) -> bool {
        let y = &self.nodes[j];
        let joined = x.release >= self.newer || y.release <= self.newer || self.joins[j];
        joined && legal(self.rules, self.catalog, x, y)
    }

    /// The fewest hops from each node to the target (the last node), from the last backwards.
    fn distances(&self) -> Vec<Option<usize>> {
        let n = self.nodes.len();
        let mut dist: Vec<Option<usize>> = vec![None; n];
        dist[n - 1] = Some(0);
        for i in (0..n - 1).rev() {
            dist[i] = self.fewest_after(&self.nodes[i], i + 1, &dist);
        }
        dist
    }

    /// The fewest hops from `x`, whatever its first landing.
    fn fewest(&self, x: &Node, dist: &[Option<usize>]) -> Option<usize> {
        self.fewest_after(x, 0, dist)
    }

    /// The fewest hops from `x` through a first landing among the nodes from `first` on.
    fn fewest_after(&self, x: &Node, first: usize, dist: &[Option<usize>]) -> Option<usize> {
        (first..self.nodes.len())
            .filter(|&j| self.usable(x, j))
            .filter_map(|j| dist[j].map(|d| d + 1))
            .min()
    }

    /// The stop after `at` with `left` hops to go: of the stops that keep the fewest hops, one
    /// in the earliest train, its newest maintenance release, else its newest interim build.
    fn next(&self, at: &Node, left: usize, dist: &[Option<usize>]) -> Option<&Node> {
        let last = self.nodes.len() - 1;
        let candidates: Vec<&Node> = (0..last)
            .filter(|&j| dist[j] == Some(left - 1) && self.usable(at, j))
            .map(|j| &self.nodes[j])
            .collect();
        let train = candidates.iter().map(|y| y.train).min()?;
        let in_train = candidates.iter().filter(|y| y.train == train);
        in_train
            .clone()
            .filter(|y| !y.release.is_interim())
            .max_by_key(|y| y.release)
            .or_else(|| in_train.max_by_key(|y| y.release))
            .copied()
    }
}

/// A release as the search judges it, with what the judges read, found once: its train's
/// position in the catalog and the exceptions a hop from it and to it meet.
struct Node {
    release: Release,
    train: usize,
    from: Rows,
    to: Rows,
}

impl Node {
    /// `None` when its train is not in the catalog.
    fn new(catalog: &Catalog, release: Release) -> Option<Node> {
        Some(Node {
            release,
            train: catalog.train_index(release.train())?,
            from: rows_from(release),
            to: rows_to(release),
        })
    }
}

/// Whether the hop `x → y` is legal under `rules`: [`RuleSet::judge`] read off the nodes. A
/// hop Table 81-1 judges (every hop under it; under the guidance, those landing below 9.0)
/// goes at most one train on; under the guidance, no exception may hold `x` in its `from`
/// and `y` in its `to`.
fn legal(rules: RuleSet, catalog: &Catalog, x: &Node, y: &Node) -> bool {
    if y.release <= x.release {
        return false;
    }
    let by_table = rules == RuleSet::Table811 || y.release < NINE;
    if by_table && (y.train > x.train + 1 || judge_trains(catalog, x.train, y.train).is_err()) {
        return false;
    }
    rules == RuleSet::Table811 || x.from & y.to == 0
}

/// The `via` releases taken as stops, one per train (the first given), as one unit's plan
/// under the guidance takes them: those strictly between `from` and `to`, in a train from the
/// start's to the target's.
fn via_picks(catalog: &Catalog, from: Release, to: Release, via: &[Release]) -> Vec<Release> {
    let inside: Vec<Release> = via
        .iter()
        .copied()
        .filter(|&r| from < r && r < to)
        .collect();
    let span = match (
        catalog.train_index(from.train()),
        catalog.train_index(to.train()),
    ) {
        (Some(a), Some(b)) => catalog.trains().get(a..=b).unwrap_or(&[]),
        _ => &[],
    };
    sort_via(&inside, span, span).0
}

/// The releases a chain `from → to` may stop at, in order, then `to`: those of the catalog
/// strictly between that are neither withdrawn nor pre-release, a train with a `via` pick
/// offering that pick alone.
fn stops_between(catalog: &Catalog, from: Release, to: Release, picks: &[Release]) -> Vec<Release> {
    let entries = catalog.entries();
    let lo = entries.partition_point(|e| e.release <= from);
    let hi = entries.partition_point(|e| e.release < to);
    let picked = |r: Release| picks.iter().any(|p| p.train() == r.train());
    let mut nodes: Vec<Release> = entries[lo..hi.max(lo)]
        .iter()
        .filter(|e| can_stop(e) && !picked(e.release))
        .map(|e| e.release)
        .chain(picks.iter().copied())
        .collect();
    nodes.sort_unstable();
    nodes.push(to);
    nodes
}

/// The hops `from → landings[0] → … → to`, each with its rule and how its landing was chosen
/// (the target, a `via` pick, or the planner's), marked as one unit's plan marks them.
fn hops(
    rules: RuleSet,
    catalog: &Catalog,
    from: Release,
    landings: &[Release],
    picks: &[Release],
) -> Option<Vec<Hop>> {
    let mut hops = Vec::with_capacity(landings.len());
    let mut at = from;
    for (k, &land) in landings.iter().enumerate() {
        let rule = rules.judge(catalog, at, land).ok()?;
        let pick = if k + 1 == landings.len() {
            Pick::Target
        } else if picks.contains(&land) {
            Pick::Override
        } else {
            Pick::Recommended
        };
        let mut notes = Vec::new();
        if pick != Pick::Recommended {
            if let Some(index) = catalog.train_index(land.train()) {
                mark(catalog, index, land, &mut notes);
            }
        }
        hops.push(Hop {
            from: at,
            to: land,
            rule,
            pick,
            notes,
        });
        at = land;
    }
    Some(hops)
}

/// The `via` releases the pair's hops do not land on, with why: as the older unit's plan said,
/// or, for a pick that plan used and these hops do not, that the fewest hops both units can
/// take do not stop in its train.
fn still_unused(
    plan: &Plan,
    hops: &[Hop],
    catalog: &Catalog,
    (from, to): (Release, Release),
    via: &[Release],
) -> Vec<(Release, Unused)> {
    let landed = |r: Release| hops.iter().any(|h| h.to == r && h.pick == Pick::Override);
    let mut unused: Vec<(Release, Unused)> = plan
        .unused_via
        .iter()
        .filter(|(r, _)| !landed(*r))
        .cloned()
        .collect();
    for r in via_picks(catalog, from, to, via) {
        if !landed(r) && !unused.iter().any(|(u, _)| *u == r) {
            unused.push((r, Unused::NoPairStop(r.train())));
        }
    }
    unused
}
