//! Layout of the release graph: the invariants hold for the real catalog and for large synthetic
//! ones, and the checker catches broken layouts.

mod util;

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::layout::{check, layout, Layout};
use asa_planner::domain::release::{Release, Train};
use asa_planner::view::graph_svg::edge_path;
use util::r;

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
    assert_eq!(
        check(l).map_err(|v| v.to_string()),
        Err(message.to_string())
    );
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
            ("8.4".to_string(), 52.0, 0, 2),
            ("9.0".to_string(), 170.0, 2, 1),
            ("9.2".to_string(), 288.0, 3, 1),
            ("9.10".to_string(), 406.0, 4, 1)
        ]
    );
    let ys: Vec<f64> = l.nodes.iter().map(|n| n.y).collect();
    assert_eq!(ys, [47.0, 75.0, 47.0, 47.0, 47.0]);
    assert_eq!((l.width, l.height), (458.0, 96.0));
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
    broken(&l, "node 9.0(4) at (341, 47) is outside the canvas");

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

/// The axis-aligned segments of a path written as `M x y` then `H x` / `V y` steps.
fn segments(path: &str) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut number = String::new();
    for ch in path.chars() {
        if ch.is_ascii_digit() || ch == '-' || ch == '.' {
            number.push(ch);
        } else {
            if !number.is_empty() {
                tokens.push(number.clone());
                number.clear();
            }
            if ch.is_ascii_alphabetic() {
                tokens.push(ch.to_string());
            }
        }
    }
    if !number.is_empty() {
        tokens.push(number);
    }
    let num = |t: &String| t.parse::<f64>().expect("a number");
    let mut at = (0.0, 0.0);
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "M" => {
                at = (num(&tokens[i + 1]), num(&tokens[i + 2]));
                i += 3;
            }
            "H" => {
                let to = (num(&tokens[i + 1]), at.1);
                out.push((at, to));
                at = to;
                i += 2;
            }
            "V" => {
                let to = (at.0, num(&tokens[i + 1]));
                out.push((at, to));
                at = to;
                i += 2;
            }
            other => panic!("unexpected {other} in {path}"),
        }
    }
    out
}

/// Whether the segment passes through the inside of the box centred at (x, y).
fn crosses(seg: ((f64, f64), (f64, f64)), x: f64, y: f64, w: f64, h: f64) -> bool {
    let ((x1, y1), (x2, y2)) = seg;
    let (left, right) = (x1.min(x2), x1.max(x2));
    let (top, bottom) = (y1.min(y2), y1.max(y2));
    left < x + w / 2.0 && right > x - w / 2.0 && top < y + h / 2.0 && bottom > y - h / 2.0
}

// Issue #20 item 12: a hop that spans columns never runs through the boxes between its ends.
#[test]
fn an_edge_spanning_columns_goes_around_the_boxes_between() {
    let releases: Vec<Release> = Catalog::builtin()
        .entries()
        .iter()
        .map(|e| e.release)
        .filter(|r| !r.is_interim())
        .collect();
    let l = passes(&releases);
    let at = |s: &str| l.index_of(r(s)).expect("drawn");
    let path = edge_path(&l, at("9.8(4)"), at("9.20(3)"));
    assert!(path.contains('H') && path.contains('V'), "{path}");
    let mut checked = 0;
    for a in 0..l.nodes.len() {
        for b in (a + 1..l.nodes.len()).step_by(3) {
            let (ca, cb) = (l.column_at(l.nodes[a].x), l.column_at(l.nodes[b].x));
            if cb < ca + 2 {
                continue;
            }
            let path = edge_path(&l, a, b);
            let segs = segments(&path);
            assert!(!segs.is_empty(), "{path}");
            // It starts at the start's box and ends at the target's.
            let (first, last) = (segs[0].0, segs[segs.len() - 1].1);
            assert_eq!(first.1, l.nodes[a].y.round(), "{path}");
            assert_eq!(last.1, l.nodes[b].y.round(), "{path}");
            for (k, n) in l.nodes.iter().enumerate() {
                if k == a || k == b {
                    continue;
                }
                for &seg in &segs {
                    assert!(
                        !crosses(seg, n.x, n.y, l.node_width, l.node_height),
                        "{} → {} crosses {} ({path})",
                        l.nodes[a].release,
                        l.nodes[b].release,
                        n.release
                    );
                }
            }
            // Inside the canvas.
            for &((x1, y1), (x2, y2)) in &segs {
                for (x, y) in [(x1, y1), (x2, y2)] {
                    assert!(
                        x >= 0.0 && x <= l.width && y >= 0.0 && y <= l.height,
                        "{path}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");
    // Neighbouring columns keep their curve.
    assert!(edge_path(&l, at("9.18(4)"), at("9.19(1)")).contains('C'));
}

// Issue #20 item 12: a shared link shows the plan's start and target together.
#[test]
fn the_start_and_the_target_fit_in_view() {
    use asa_planner::domain::layout::{fit_between, MIN_SCALE};
    let releases: Vec<Release> = Catalog::builtin()
        .entries()
        .iter()
        .map(|e| e.release)
        .filter(|r| !r.is_interim())
        .collect();
    let l = passes(&releases);
    let at = |s: &str| l.index_of(r(s)).expect("drawn");
    let (a, b) = (at("9.8(4)"), at("9.20(3)"));
    let shown = |fit: asa_planner::domain::layout::Fit, view: f64, n: usize| {
        let x = l.nodes[n].x;
        let half = l.node_width / 2.0;
        x - half >= fit.left && x + half <= fit.left + view / fit.scale
    };
    for view in [1200.0, 900.0, 700.0] {
        let fit = fit_between(&l, a, b, view).expect("a fit");
        assert!(fit.scale <= 1.0 && fit.scale >= MIN_SCALE, "{fit:?}");
        assert!(
            shown(fit, view, a) && shown(fit, view, b),
            "{view}: {fit:?}"
        );
    }
    // Close together: drawn as is, the pair centred.
    let fit = fit_between(&l, at("9.8(4)"), at("9.10(1)"), 1200.0).expect("a fit");
    assert_eq!(fit.scale, 1.0);
    assert!(shown(fit, 1200.0, at("9.8(4)")) && shown(fit, 1200.0, at("9.10(1)")));
    // Too far apart even at the smallest scale: the start stays in view.
    let fit = fit_between(&l, at("7.0(1)"), at("9.24(1)"), 600.0).expect("a fit");
    assert_eq!(fit.scale, MIN_SCALE);
    assert!(shown(fit, 600.0, at("7.0(1)")));
    // Bad input is no fit, never a panic.
    assert_eq!(fit_between(&l, 0, 99_999, 800.0), None);
    assert_eq!(fit_between(&l, a, b, 0.0), None);
    assert_eq!(fit_between(&l, a, b, f64::NAN), None);
}
