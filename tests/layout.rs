//! Layout of the release graph: the invariants hold for the real catalog and for large synthetic
//! ones, and the checker catches broken layouts.

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::layout::{check, layout, Layout};
use asa_planner::domain::release::{Release, Train};
use asa_planner::view::graph_svg::edge_path;

/// `n` ascending releases over trains of uneven sizes (1 to 40 releases, some interim builds),
/// with gaps in the minors and two-digit minors: deterministic, no randomness needed.
fn synthetic(n: usize) -> Vec<Release> {
    let mut out = Vec::with_capacity(n);
    let (mut major, mut minor) = (1u16, 0u16);
    let mut seed = 12_345u32;
    while out.len() < n {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let size = 1 + (seed >> 16) as usize % 40;
        for k in 0..size.min(n - out.len()) {
            let maintenance = (k / 3) as u16 + 1;
            let interim = (k % 3 != 0).then_some(k as u16);
            out.push(Release::new(major, minor, maintenance, interim));
        }
        minor += 1 + (seed >> 8) as u16 % 2;
        if minor > 14 {
            major += 1;
            minor = 0;
        }
    }
    out
}

#[track_caller]
fn passes(releases: &[Release]) -> Layout {
    let l = layout(releases);
    assert_eq!(check(&l), Ok(()));
    assert_eq!(l.nodes.len(), releases.len());
    l
}

#[track_caller]
fn broken(l: &Layout, message: &str) {
    assert_eq!(check(l), Err(message.to_string()));
}

fn r(text: &str) -> Release {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn the_builtin_catalog_lays_out_cleanly() {
    let catalog = Catalog::builtin();
    let releases: Vec<Release> = catalog.entries().iter().map(|e| e.release).collect();
    let l = passes(&releases);
    assert_eq!(
        l.columns.iter().map(|c| c.train).collect::<Vec<_>>(),
        catalog.trains()
    );
    for (i, release) in releases.iter().enumerate() {
        assert_eq!(l.index_of(*release), Some(i));
    }
}

#[test]
fn synthetic_catalogs_of_300_2000_and_10000_releases_lay_out_cleanly() {
    for n in [300, 2_000, 10_000] {
        let releases = synthetic(n);
        assert!(
            releases.windows(2).all(|w| w[0] < w[1]),
            "generator must ascend"
        );
        let l = passes(&releases);
        assert!(
            l.columns.len() > n / 40,
            "{n} releases in {} columns",
            l.columns.len()
        );
    }
}

#[test]
fn trains_are_columns_and_releases_stack_by_version() {
    let l = passes(&[
        r("8.4(7)"),
        r("8.4(7)30"),
        r("9.0(4)"),
        r("9.10(1)"),
        r("9.2(1)"),
    ]);
    let columns: Vec<(String, f64, usize, usize)> = l
        .columns
        .iter()
        .map(|c| (c.train.to_string(), c.x, c.first, c.len))
        .collect();
    assert_eq!(
        columns,
        [
            ("8.4".to_string(), 48.0, 0, 2),
            ("9.0".to_string(), 142.0, 2, 1),
            ("9.2".to_string(), 236.0, 3, 1),
            ("9.10".to_string(), 330.0, 4, 1)
        ]
    );
    let ys: Vec<f64> = l.nodes.iter().map(|n| n.y).collect();
    assert_eq!(ys, [47.0, 75.0, 47.0, 47.0, 47.0]);
    assert_eq!((l.width, l.height), (378.0, 96.0));
    assert_eq!(l.index_of(r("9.2(1)")), Some(3));
    assert_eq!(l.index_of(r("9.2(2)")), None);
    assert_eq!(
        l.column_of(Train {
            major: 9,
            minor: 10
        })
        .map(|c| c.first),
        Some(4)
    );
}

#[test]
fn unsorted_or_duplicate_input_is_sorted_first() {
    let l = layout(&[r("9.0(4)"), r("8.4(7)"), r("9.0(4)")]);
    assert_eq!(check(&l), Ok(()));
    assert_eq!(
        l.nodes
            .iter()
            .map(|n| n.release.to_string())
            .collect::<Vec<_>>(),
        ["8.4(7)", "9.0(4)"]
    );
    let empty = passes(&[]);
    assert!(empty.columns.is_empty() && empty.width > 0.0 && empty.height > 0.0);
}

#[test]
fn check_catches_broken_layouts() {
    let good = layout(&[r("8.4(6)"), r("8.4(7)"), r("9.0(4)"), r("9.1(7)")]);
    assert_eq!(check(&good), Ok(()));

    let mut l = good.clone();
    l.nodes[1].y = l.nodes[0].y + 5.0;
    broken(
        &l,
        "node 8.4(7) overlaps node 8.4(6) in column 8.4 (or is above it)",
    );

    let mut l = good.clone();
    l.columns[2].x = l.columns[1].x + 10.0;
    l.nodes[3].x = l.columns[2].x;
    broken(&l, "column 9.1 overlaps column 9.0 along x");

    let mut l = good.clone();
    l.columns.swap(1, 2);
    broken(
        &l,
        "column 9.1 holds nodes 3..4, expected to start at 2 and be non-empty",
    );

    let mut l = good.clone();
    l.nodes[2].x = l.width + 1.0;
    broken(&l, "node 9.0(4) at (285, 47) is outside the canvas");

    let mut l = good.clone();
    l.nodes[3].x = l.columns[1].x;
    broken(&l, "node 9.1(7) is not in column 9.1");

    let mut l = good.clone();
    l.nodes.swap(0, 1);
    broken(&l, "nodes 8.4(7) and 8.4(6) are not ascending");

    let mut l = good.clone();
    l.columns[0].len = usize::MAX;
    broken(&l, "column 8.4 reaches past the last node");

    let mut l = good.clone();
    l.columns.pop();
    broken(&l, "1 nodes are in no column");

    let mut l = good.clone();
    l.columns[0].label_y = l.nodes[0].y;
    broken(&l, "label of column 8.4 at y 47 is not above its nodes");

    let mut l = good;
    l.height = f64::NAN;
    broken(&l, "height is NaN, not a positive number");
}

#[test]
fn edges_curve_between_columns_and_bow_within_one() {
    let releases: Vec<Release> = ["8.4(1)", "8.4(7)", "9.0(1)"]
        .iter()
        .map(|s| s.parse().expect("test release"))
        .collect();
    let l = layout(&releases);
    let within = edge_path(&l, 0, 1);
    let across = edge_path(&l, 1, 2);
    assert!(within.starts_with('M') && within.contains('C'), "{within}");
    assert!(across.starts_with('M') && across.contains('C'), "{across}");
    // Within a train both ends sit on the column's right edge; across, they face each other.
    let xs = |p: &str| -> Vec<i64> {
        p.trim_start_matches('M')
            .replace('C', " ")
            .split(' ')
            .filter_map(|n| n.parse().ok())
            .step_by(2)
            .collect()
    };
    let w = xs(&within);
    assert_eq!(w.first(), w.last(), "{within}");
    let a = xs(&across);
    assert!(a.first() < a.last(), "{across}");
    assert_eq!(edge_path(&l, 0, 9), "", "a missing node draws nothing");
}
