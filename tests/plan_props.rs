//! Property tests for the planner (in the manner of petgraph's `tests/quickcheck.rs`): on random
//! small catalogs with gaps in minors, missing majors, interim builds, withdrawn releases and
//! two-digit minors, `plan()` must agree with a brute-force breadth-first search over the graph
//! of hops that `judge()` allows, and every hop of every plan must pass `judge()`. The same for
//! Cisco's 9.x guidance (`plan_with(RuleSet::Guide9x, ..)` against `judge_guide()`), whose
//! brute force also makes the stop choices.

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::plan::{plan, plan_pair, plan_with, Pick, Plan, Verdict};
use asa_planner::domain::presets::{default_preset, PRESETS};
use asa_planner::domain::release::Release;
use asa_planner::domain::rules::{judge, judge_guide, Rule, RuleSet, EXCEPTIONS};
use proptest::prelude::*;
use std::collections::VecDeque;

/// A release near the small version space the strategies draw from.
fn release() -> impl Strategy<Value = Release> {
    (
        prop::sample::select(vec![7u16, 8, 9, 10]),
        prop_oneof![0u16..4, 9u16..13],
        0u16..4,
        prop::option::weighted(0.4, 0u16..60),
    )
        .prop_map(|(major, minor, maintenance, interim)| {
            Release::new(major, minor, maintenance, interim)
        })
}

/// A catalog of up to 24 releases, about one in eight withdrawn.
fn catalog() -> impl Strategy<Value = Catalog> {
    catalog_of(release())
}

/// [`catalog`] of releases drawn from `release`.
fn catalog_of(release: impl Strategy<Value = Release>) -> impl Strategy<Value = Catalog> {
    prop::collection::vec((release, prop::bool::weighted(0.12)), 0..24).prop_map(|list| {
        Catalog::from_entries(
            list.into_iter()
                .map(|(release, withdrawn)| Entry {
                    withdrawn,
                    ..Entry::listed(release)
                })
                .collect(),
        )
    })
}

/// Two endpoints: listed releases (by index) or any release near the catalog's versions.
fn endpoint(c: &Catalog) -> BoxedStrategy<Release> {
    endpoint_of(c, release().boxed())
}

/// [`endpoint`], the unlisted ones drawn from `release`.
fn endpoint_of(c: &Catalog, release: BoxedStrategy<Release>) -> BoxedStrategy<Release> {
    let listed: Vec<Release> = c.entries().iter().map(|e| e.release).collect();
    if listed.is_empty() {
        return release;
    }
    prop_oneof![3 => prop::sample::select(listed), 1 => release].boxed()
}

fn case() -> impl Strategy<Value = (Catalog, Release, Release, Vec<Release>)> {
    catalog().prop_flat_map(|c| {
        let via = prop::collection::vec(endpoint(&c), 0..4);
        (Just(c.clone()), endpoint(&c), endpoint(&c), via)
    })
}

/// Fewest legal hops from `from` to `to` through releases a plan may land on (listed and not
/// withdrawn, or the target itself), by breadth-first search over `judge`.
fn bfs(c: &Catalog, from: Release, to: Release) -> Option<usize> {
    let mut nodes: Vec<Release> = c
        .entries()
        .iter()
        .filter(|e| !e.withdrawn)
        .map(|e| e.release)
        .collect();
    nodes.push(to);
    let mut seen = vec![false; nodes.len()];
    let mut queue = VecDeque::from([(from, 0usize)]);
    while let Some((at, depth)) = queue.pop_front() {
        if at == to {
            return Some(depth);
        }
        for (i, &next) in nodes.iter().enumerate() {
            if !seen[i] && judge(c, at, next).is_ok() {
                seen[i] = true;
                queue.push_back((next, depth + 1));
            }
        }
    }
    None
}

/// Every hop is legal under `judge` with the rule it claims, and the hops chain from → to.
fn assert_legal_chain(
    c: &Catalog,
    p: &Plan,
    from: Release,
    to: Release,
) -> Result<(), TestCaseError> {
    let mut at = from;
    for h in &p.hops {
        prop_assert_eq!(h.from, at);
        prop_assert_eq!(
            judge(c, h.from, h.to),
            Ok(h.rule),
            "hop {} → {}",
            h.from,
            h.to
        );
        at = h.to;
    }
    prop_assert_eq!(at, to);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn plan_equals_brute_force_search((c, from, to, _via) in case()) {
        let p = plan(&c, from, to, &[]);
        prop_assert_eq!(&p.direct, &judge(&c, from, to));
        if from == to {
            prop_assert_eq!(p.verdict, Verdict::Same);
        } else if to < from {
            prop_assert_eq!(p.verdict, Verdict::Downgrade);
        } else {
            match bfs(&c, from, to) {
                None => prop_assert_eq!(p.verdict, Verdict::NoPath),
                Some(n) => {
                    prop_assert_eq!(p.verdict, Verdict::Ok);
                    prop_assert_eq!(p.hops.len(), n);
                    assert_legal_chain(&c, &p, from, to)?;
                    for h in &p.hops[..n - 1] {
                        prop_assert_eq!(h.pick, Pick::Recommended);
                        prop_assert_eq!(Some(h.to), c.recommended(h.to.train()));
                        prop_assert!(c.get(h.to).is_some_and(|e| !e.withdrawn));
                    }
                }
            }
        }
        if p.verdict != Verdict::Ok {
            prop_assert!(p.hops.is_empty());
        }
        if p.direct.is_ok() {
            prop_assert_eq!(p.hops.len(), 1);
        }
    }

    #[test]
    fn overrides_keep_every_hop_legal((c, from, to, via) in case()) {
        let p = plan(&c, from, to, &via);
        if p.verdict == Verdict::Ok {
            assert_legal_chain(&c, &p, from, to)?;
            // The number of hops is the train distance, whatever the picks.
            let plain = plan(&c, from, to, &[]);
            if plain.verdict == Verdict::Ok {
                prop_assert_eq!(p.hops.len(), plain.hops.len());
            }
            for h in &p.hops {
                if h.pick == Pick::Override {
                    let first = via.iter().find(|r| r.train() == h.to.train());
                    prop_assert_eq!(first, Some(&h.to));
                }
            }
            let used = p.hops.iter().filter(|h| h.pick == Pick::Override).count();
            prop_assert_eq!(used + p.unused_via.len(), via.len());
        }
    }
}

/// Every pair of the built-in catalog under every preset: ascending pairs plan, with one hop
/// per train crossed, every hop legal; descending pairs are downgrades.
#[test]
fn all_pairs_of_the_builtin_catalog() {
    let builtin = Catalog::builtin();
    for preset in PRESETS {
        let c = builtin.retain_trains(|t| preset.exclusion(t).is_none());
        let entries = c.entries();
        for (i, a) in entries.iter().enumerate() {
            let ta = c.train_index(a.release.train()).unwrap_or(usize::MAX);
            for b in &entries[i + 1..] {
                let p = plan(&c, a.release, b.release, &[]);
                assert_eq!(
                    p.verdict,
                    Verdict::Ok,
                    "{} → {} ({})",
                    a.release,
                    b.release,
                    preset.id
                );
                let tb = c.train_index(b.release.train()).unwrap_or(usize::MAX);
                assert_eq!(
                    p.hops.len(),
                    (tb - ta).max(1),
                    "{} → {}",
                    a.release,
                    b.release
                );
                let mut at = a.release;
                for h in &p.hops {
                    assert_eq!(judge(&c, at, h.to), Ok(h.rule), "{} → {}", at, h.to);
                    at = h.to;
                }
                assert_eq!(at, b.release);
                let back = plan(&c, b.release, a.release, &[]);
                assert_eq!(back.verdict, Verdict::Downgrade);
            }
        }
    }
}

// Cisco's 9.x guidance (SPEC §3.2): the planner against a brute-force search that also makes
// the stop choices the slow way (distances to the target from every release, then, stop by
// stop, the earliest train, the newest maintenance release, else the newest interim build).

/// Releases on both sides of every exception's edges, mixed with the general ones.
fn guide_release() -> impl Strategy<Value = Release> {
    let edges: Vec<Release> = [
        "7.2(1)", "8.2(5)", "8.2(5)3", "8.3(1)", "8.3(2)", "8.4(1)", "8.4(2)", "8.4(4)", "8.4(4)5",
        "8.4(5)", "8.4(6)", "8.4(6)1", "8.4(7)", "8.5(1)", "8.5(1)3", "8.5(2)", "8.6(1)", "9.0(1)",
        "9.0(1)2", "9.0(2)", "9.0(3)", "9.1(1)", "9.1(1)4", "9.1(2)", "9.1(2)7", "9.1(3)",
        "9.1(3)1", "9.1(4)", "9.2(1)", "9.23(1)", "9.24(1)", "9.24(1)2", "9.25(1)", "10.0(1)",
    ]
    .iter()
    .map(|s| s.parse().expect("edge release"))
    .collect();
    prop_oneof![1 => release(), 3 => prop::sample::select(edges)]
}

/// A catalog, the two units' releases and the target, in order, and via releases.
fn pair_case() -> impl Strategy<Value = (Catalog, [Release; 3], Vec<Release>)> {
    catalog_of(guide_release()).prop_flat_map(|c| {
        let end = endpoint_of(&c, guide_release().boxed());
        let ends = [end.clone(), end.clone(), end.clone()].prop_map(|mut ends| {
            ends.sort_unstable();
            ends
        });
        (Just(c), ends, prop::collection::vec(end, 0..3))
    })
}

fn guide_case() -> impl Strategy<Value = (Catalog, Release, Release, Vec<Release>)> {
    catalog_of(guide_release()).prop_flat_map(|c| {
        let end = endpoint_of(&c, guide_release().boxed());
        let via = prop::collection::vec(end.clone(), 0..3);
        (Just(c), end.clone(), end, via)
    })
}

/// The stops of the plan `from → to` under `judge_guide`, found the slow way, or `None` when
/// nothing connects them. A stop is a listed release that is not withdrawn; a `via` release
/// strictly between `from` and `to` (the first of its train) is the only stop of its train.
fn guide_brute_force(
    c: &Catalog,
    from: Release,
    to: Release,
    via: &[Release],
) -> Option<Vec<Release>> {
    pair_brute_force(RuleSet::Guide9x, c, [from, from, to], via)
}

/// [`guide_brute_force`] under `rules` for a pair whose units run `from` and `newer`: a hop
/// `x → y` with `x < newer < y` (the one the newer unit joins) is taken only when `newer → y`
/// is legal too (SPEC §4).
fn pair_brute_force(
    rules: RuleSet,
    c: &Catalog,
    [from, newer, to]: [Release; 3],
    via: &[Release],
) -> Option<Vec<Release>> {
    let legal = |x: Release, y: Release| rules.judge(c, x, y).is_ok();
    let usable =
        |x: Release, y: Release| legal(x, y) && (x >= newer || y <= newer || legal(newer, y));
    let mut picks: Vec<Release> = Vec::new();
    for &v in via {
        if from < v
            && v < to
            && c.has_train(v.train())
            && !picks.iter().any(|p| p.train() == v.train())
        {
            picks.push(v);
        }
    }
    let mut nodes: Vec<Release> = c
        .entries()
        .iter()
        .filter(|e| {
            !e.withdrawn && !e.pre_release && !picks.iter().any(|p| p.train() == e.release.train())
        })
        .map(|e| e.release)
        .chain(picks.iter().copied())
        .filter(|&r| from < r && r < to)
        .collect();
    nodes.sort_unstable();
    nodes.push(to);
    // Fewest hops from each node to `to`, from the last node backwards.
    let mut dist = vec![None::<usize>; nodes.len()];
    dist[nodes.len() - 1] = Some(0);
    for i in (0..nodes.len() - 1).rev() {
        dist[i] = (i + 1..nodes.len())
            .filter(|&j| usable(nodes[i], nodes[j]))
            .filter_map(|j| dist[j].map(|d| d + 1))
            .min();
    }
    let nodes = &nodes;
    let usable = &usable;
    let legal_from = |at: Release| (0..nodes.len()).filter(move |&j| usable(at, nodes[j]));
    let mut left = legal_from(from)
        .filter_map(|j| dist[j].map(|d| d + 1))
        .min()?;
    let mut at = from;
    let mut stops = Vec::new();
    while left > 1 {
        let candidates: Vec<Release> = legal_from(at)
            .filter(|&j| dist[j] == Some(left - 1) && nodes[j] != to)
            .map(|j| nodes[j])
            .collect();
        let train = candidates.iter().map(|r| r.train()).min()?;
        let in_train = candidates.iter().filter(|r| r.train() == train);
        let stop = in_train
            .clone()
            .filter(|r| !r.is_interim())
            .max()
            .or_else(|| in_train.max())
            .copied()?;
        stops.push(stop);
        at = stop;
        left -= 1;
    }
    Some(stops)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn guide_plan_equals_brute_force_search((c, from, to, via) in guide_case()) {
        let p = plan_with(RuleSet::Guide9x, &c, from, to, &via);
        prop_assert_eq!(&p.direct, &judge_guide(&c, from, to));
        if from == to {
            prop_assert_eq!(p.verdict, Verdict::Same);
        } else if to < from {
            prop_assert_eq!(p.verdict, Verdict::Downgrade);
        } else {
            match guide_brute_force(&c, from, to, &via) {
                None => prop_assert_eq!(p.verdict, Verdict::NoPath),
                Some(stops) => {
                    prop_assert_eq!(p.verdict, Verdict::Ok);
                    let planned: Vec<Release> =
                        p.hops[..p.hops.len() - 1].iter().map(|h| h.to).collect();
                    prop_assert_eq!(planned, stops);
                    let mut at = from;
                    for h in &p.hops {
                        prop_assert_eq!(h.from, at);
                        // Landing on 9.x: direct; below: Table 81-1's rule (SPEC §3.2).
                        prop_assert_eq!(judge_guide(&c, h.from, h.to), Ok(h.rule));
                        prop_assert_eq!(h.rule == Rule::Direct, h.to.major >= 9);
                        if h.pick == Pick::Override {
                            prop_assert!(via.contains(&h.to));
                        }
                        at = h.to;
                    }
                    prop_assert_eq!(at, to);
                    let used = p.hops.iter().filter(|h| h.pick == Pick::Override).count();
                    prop_assert_eq!(used + p.unused_via.len(), via.len());
                }
            }
        }
        if p.verdict != Verdict::Ok {
            prop_assert!(p.hops.is_empty());
        }
        if p.direct.is_ok() {
            prop_assert_eq!(p.hops.len(), 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// A mismatched pair's plan is the fewest hops on which the newer unit can join (SPEC §4),
    /// with the stops a plan of one unit would choose, under either rule set; when the newer
    /// unit cannot join, the blocked hop is its own hop onto the older unit's plan.
    #[test]
    fn pair_plan_equals_brute_force_search((c, [from, newer, to], via) in pair_case(),
        table in prop::bool::ANY) {
        let (rules, via) = if table {
            // Table 81-1's plan takes `via` for the trains between the ends only: compared
            // without, as the brute force takes them as the guidance does.
            (RuleSet::Table811, Vec::new())
        } else {
            (RuleSet::Guide9x, via)
        };
        let (p, join) = plan_pair(rules, &c, from, newer, to, &via);
        let alone = plan_with(rules, &c, from, to, &via);
        // A newer unit on the older one's release, or on the target, joins no hop of its own.
        if !(from < newer && newer < to) {
            prop_assert_eq!((p, join), (alone, None));
            return Ok(());
        }
        prop_assert_eq!(&p.direct, &alone.direct);
        match pair_brute_force(rules, &c, [from, newer, to], &via) {
            None => {
                prop_assert_eq!(p.verdict, Verdict::NoPath);
                prop_assert!(p.hops.is_empty());
                // The older unit alone has a plan: the newer unit's hop onto it is named.
                if alone.verdict == Verdict::Ok {
                    let join = join.expect("the blocked hop");
                    let onto = alone.hops.iter().find(|h| h.to > newer).expect("a hop past it");
                    prop_assert_eq!((join.from, join.to), (newer, onto.to));
                    prop_assert_eq!(Err(join.block), rules.judge(&c, newer, onto.to));
                }
            }
            Some(stops) => {
                prop_assert_eq!(p.verdict, Verdict::Ok);
                prop_assert_eq!(join, None);
                let planned: Vec<Release> =
                    p.hops[..p.hops.len() - 1].iter().map(|h| h.to).collect();
                prop_assert_eq!(planned, stops);
                let mut at = from;
                for h in &p.hops {
                    prop_assert_eq!(h.from, at);
                    prop_assert_eq!(rules.judge(&c, h.from, h.to), Ok(h.rule));
                    if h.from < newer && newer < h.to {
                        prop_assert!(rules.judge(&c, newer, h.to).is_ok());
                    }
                    at = h.to;
                }
                prop_assert_eq!(at, to);
                // The older unit's own plan whenever the newer unit can join it.
                let joins = alone.hops.iter().find(|h| h.to > newer).is_some_and(|h| {
                    h.from >= newer || rules.judge(&c, newer, h.to).is_ok()
                });
                if joins {
                    prop_assert_eq!(&p, &alone);
                }
            }
        }
    }
}

/// Every ascending pair of the built-in catalog under the default and the `all` presets plans
/// with legal hops, at most two of them landing on 9.x (the 7.x and 8.x part climbs one train
/// at a time), or has no path because it lands on a release CSCug88962 rules out or starts
/// from 9.1(1) (CSCuh25271).
#[test]
fn guide_all_pairs_of_the_builtin_catalog() {
    let builtin = Catalog::builtin();
    let cscug88962 = EXCEPTIONS
        .iter()
        .find(|e| e.id == "cscug88962")
        .expect("row");
    let cscuh25271 = EXCEPTIONS
        .iter()
        .find(|e| e.id == "cscuh25271")
        .expect("row");
    for id in [default_preset().id, "all"] {
        let preset = PRESETS.iter().find(|p| p.id == id).expect("preset");
        let c = builtin.retain_trains(|t| preset.exclusion(t).is_none());
        let entries = c.entries();
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                let (a, b) = (a.release, b.release);
                let p = plan_with(RuleSet::Guide9x, &c, a, b, &[]);
                match p.verdict {
                    Verdict::Ok => {
                        let nine = p.hops.iter().filter(|h| h.to.major >= 9).count();
                        assert!(nine <= 2, "{a} → {b} ({id})");
                        for h in &p.hops {
                            assert_eq!(judge_guide(&c, h.from, h.to), Ok(h.rule), "{a} → {b}");
                        }
                    }
                    Verdict::NoPath => assert!(
                        cscug88962.to.iter().any(|s| s.contains(b)) || cscuh25271.blocks(a, b),
                        "{a} → {b} ({id})"
                    ),
                    other => panic!("{a} → {b} ({id}): {other:?}"),
                }
            }
        }
    }
}
