//! Property tests for the planner (in the manner of petgraph's `tests/quickcheck.rs`): on random
//! small catalogs with gaps in minors, missing majors, interim builds, withdrawn releases and
//! two-digit minors, `plan()` must agree with a brute-force breadth-first search over the graph
//! of hops that `judge()` allows, and every hop of every plan must pass `judge()`.

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::plan::{plan, Pick, Plan, Verdict};
use asa_planner::domain::presets::PRESETS;
use asa_planner::domain::release::Release;
use asa_planner::domain::rules::judge;
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
    prop::collection::vec((release(), prop::bool::weighted(0.12)), 0..24).prop_map(|list| {
        Catalog::from_entries(
            list.into_iter()
                .map(|(release, withdrawn)| Entry {
                    withdrawn,
                    ..Entry::listed(release, "prop")
                })
                .collect(),
        )
    })
}

/// Two endpoints: listed releases (by index) or any release near the catalog's versions.
fn endpoint(c: &Catalog) -> BoxedStrategy<Release> {
    let listed: Vec<Release> = c.entries().iter().map(|e| e.release).collect();
    if listed.is_empty() {
        return release().boxed();
    }
    prop_oneof![3 => prop::sample::select(listed), 1 => release()].boxed()
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
