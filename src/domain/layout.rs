//! Geometry of the release graph: trains as columns in version order, releases stacked by
//! version. Plain numbers; drawing is the UI's. Linear time, no recursion.
//!
//! The graph has a natural order (releases sort by version, trains by number), so no general
//! graph layout (crossing minimisation, layering) is needed: one pass over the sorted releases
//! opens a column at each new train and stacks the release below the previous one. Loops only,
//! never recursion, because the wasm stack is 1 MiB and a catalog may hold 10,000 releases.

use super::release::{Release, Train};
use std::fmt;

#[derive(Clone, PartialEq, Debug)]
pub struct Node {
    pub release: Release,
    /// Centre of the node box.
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Column {
    pub train: Train,
    /// Centre x of the column and the y of its header label.
    pub x: f64,
    pub label_y: f64,
    /// Index range of its nodes in [`Layout::nodes`].
    pub first: usize,
    pub len: usize,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub node_width: f64,
    pub node_height: f64,
    pub columns: Vec<Column>,
    /// In the order of the input (ascending releases).
    pub nodes: Vec<Node>,
}

/// Box of a release, wide enough for `9.15(1)21` in the page's monospace font with room to
/// spare (checked in the browser by the e2e label-fit test).
pub const NODE_WIDTH: f64 = 84.0;
pub const NODE_HEIGHT: f64 = 22.0;
/// Space between two columns (wide enough for a hop's arrowhead to be seen), and between two
/// boxes of a column.
pub const COLUMN_GAP: f64 = 34.0;
pub const ROW_GAP: f64 = 6.0;
/// Space around the drawing, and the band above the first row holding the train labels.
pub const MARGIN: f64 = 10.0;
pub const HEADER: f64 = 26.0;
/// The y of the lane an edge spanning columns runs along: in the header band, below the train
/// labels and above every release box (boxes start at `MARGIN + HEADER`).
pub const LANE_Y: f64 = MARGIN + HEADER - 4.0;

impl Layout {
    /// Index of a release's node (binary search; nodes are ascending).
    pub fn index_of(&self, release: Release) -> Option<usize> {
        self.nodes
            .binary_search_by(|n| n.release.cmp(&release))
            .ok()
    }

    /// The index of the column under canvas x (the nearest one at either end; 0 when there is
    /// none). Columns are evenly spaced, so this is arithmetic, not a search.
    pub fn column_at(&self, x: f64) -> usize {
        let step = self.node_width + COLUMN_GAP;
        let column = ((x - MARGIN) / step).floor().max(0.0) as usize;
        column.min(self.columns.len().saturating_sub(1))
    }

    /// The column of a train (binary search; columns are ascending).
    pub fn column_of(&self, train: Train) -> Option<&Column> {
        let i = self
            .columns
            .binary_search_by(|c| c.train.cmp(&train))
            .ok()?;
        self.columns.get(i)
    }
}

/// How to show two nodes of a layout together in a view: the canvas x at the view's left edge
/// and the scale to draw the canvas at.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Fit {
    pub left: f64,
    /// 1 when both fit as drawn; below 1 the columns are drawn closer (and smaller), never
    /// below [`MIN_SCALE`].
    pub scale: f64,
}

/// The smallest scale [`fit_between`] draws at: below it labels are no longer readable.
pub const MIN_SCALE: f64 = 0.5;

/// How to show nodes `a` and `b` (a plan's start and target) in a view `view_width` wide
/// (canvas units at scale 1): the span from the left edge of the first's box to the right edge
/// of the second's, with a margin, centred when it fits; otherwise drawn at the scale that
/// makes it fit, and when even [`MIN_SCALE`] does not, at that scale from the start's column
/// (the start is always in view). `None` for a node that does not exist or a view that is not
/// a positive width.
///
/// ```
/// use asa_planner::domain::layout::{fit_between, layout};
/// let releases = ["9.8(4)", "9.9(1)", "9.10(1)", "9.12(4)"].map(|s| s.parse().unwrap());
/// let l = layout(&releases);
/// let fit = fit_between(&l, 0, 3, 300.0).unwrap();
/// assert!(fit.scale < 1.0 && fit.left <= l.nodes[0].x - l.node_width / 2.0);
/// ```
pub fn fit_between(layout: &Layout, a: usize, b: usize, view_width: f64) -> Option<Fit> {
    let (na, nb) = (layout.nodes.get(a)?, layout.nodes.get(b)?);
    if !(view_width.is_finite() && view_width > 0.0) {
        return None;
    }
    let half = layout.node_width / 2.0;
    let lo = na.x.min(nb.x) - half - MARGIN;
    let hi = na.x.max(nb.x) + half + MARGIN;
    let span = hi - lo;
    if span <= view_width {
        let left =
            (lo - (view_width - span) / 2.0).clamp(0.0, (layout.width - view_width).max(0.0));
        return Some(Fit { left, scale: 1.0 });
    }
    let scale = (view_width / span).max(MIN_SCALE);
    let start = if na.x <= nb.x {
        lo
    } else {
        hi - view_width / scale
    };
    Some(Fit {
        left: start.max(0.0),
        scale,
    })
}

/// Lays out `releases` (ascending, no duplicates).
///
/// Column `c` is centred at `MARGIN + c·(NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH/2`, its label at
/// `MARGIN + HEADER/2`; row `r` of a column at `MARGIN + HEADER + r·(NODE_HEIGHT + ROW_GAP) +
/// NODE_HEIGHT/2`. The canvas fits the widest row count.
///
/// Input that is not ascending or has duplicates is sorted and de-duplicated first rather than
/// trusted, so the result always passes [`check`].
///
/// Complexity: O(n) for ascending input (the sort only confirms the order), O(n log n) else.
///
/// ```
/// use asa_planner::domain::layout::{check, layout};
/// let releases = ["8.4(7)", "8.4(7)30", "9.0(4)"].map(|s| s.parse().unwrap());
/// let l = layout(&releases);
/// assert_eq!(l.columns.len(), 2);
/// assert!(l.nodes[1].y > l.nodes[0].y && l.nodes[2].x > l.nodes[0].x);
/// assert_eq!(check(&l), Ok(()));
/// ```
pub fn layout(releases: &[Release]) -> Layout {
    let mut sorted = releases.to_vec();
    // Unstable is exact here (equal releases are identical) and shares the one release sort
    // in the wasm bundle.
    sorted.sort_unstable();
    sorted.dedup();
    let mut columns: Vec<Column> = Vec::new();
    let mut nodes = Vec::with_capacity(sorted.len());
    let mut tallest = 0;
    for (i, release) in sorted.into_iter().enumerate() {
        let train = release.train();
        if columns.last().is_none_or(|c| c.train != train) {
            let x = MARGIN + columns.len() as f64 * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH / 2.0;
            columns.push(Column {
                train,
                x,
                label_y: MARGIN + HEADER / 2.0,
                first: i,
                len: 0,
            });
        }
        let Some(column) = columns.last_mut() else {
            continue;
        };
        let y = MARGIN + HEADER + column.len as f64 * (NODE_HEIGHT + ROW_GAP) + NODE_HEIGHT / 2.0;
        nodes.push(Node {
            release,
            x: column.x,
            y,
        });
        column.len += 1;
        tallest = tallest.max(column.len);
    }
    let n_columns = columns.len() as f64;
    let width = 2.0 * MARGIN + n_columns * NODE_WIDTH + (n_columns - 1.0).max(0.0) * COLUMN_GAP;
    let rows = tallest as f64;
    let height = 2.0 * MARGIN + HEADER + rows * NODE_HEIGHT + (rows - 1.0).max(0.0) * ROW_GAP;
    Layout {
        width,
        height,
        node_width: NODE_WIDTH,
        node_height: NODE_HEIGHT,
        columns,
        nodes,
    }
}

/// The first invariant a [`Layout`] breaks, as [`check`] finds it; its `Display` words it for
/// a developer.
#[derive(Clone, PartialEq, Debug)]
pub enum Violation {
    /// A size that is not a finite number above 0.
    NotPositive { name: &'static str, value: f64 },
    /// Two nodes in the wrong order.
    NotAscending(Release, Release),
    /// A node's box is not inside the canvas.
    Outside { release: Release, x: f64, y: f64 },
    /// A column that does not start where the previous ended, or is empty.
    ColumnSpan {
        train: Train,
        first: usize,
        end: usize,
        expected: usize,
    },
    /// A column that reaches past the last node.
    PastLastNode(Train),
    /// Columns out of train order.
    ColumnOrder { train: Train, previous: Train },
    /// Columns closer than a box's width.
    ColumnsOverlap { train: Train, previous: Train },
    /// A column's label not above its nodes.
    LabelBelow { train: Train, y: f64 },
    /// A node in a column of another train or at another x.
    NotInColumn { release: Release, train: Train },
    /// Two boxes of a column closer than a box's height.
    NodesOverlap {
        release: Release,
        above: Release,
        train: Train,
    },
    /// Nodes after the last column.
    Unplaced(usize),
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::NotPositive { name, value } => {
                write!(f, "{name} is {value}, not a positive number")
            }
            Violation::NotAscending(a, b) => write!(f, "nodes {a} and {b} are not ascending"),
            Violation::Outside { release, x, y } => {
                write!(f, "node {release} at ({x}, {y}) is outside the canvas")
            }
            Violation::ColumnSpan {
                train,
                first,
                end,
                expected,
            } => write!(
                f,
                "column {train} holds nodes {first}..{end}, expected to start at {expected} and \
                 be non-empty"
            ),
            Violation::PastLastNode(train) => {
                write!(f, "column {train} reaches past the last node")
            }
            Violation::ColumnOrder { train, previous } => {
                write!(f, "column {train} comes after column {previous}")
            }
            Violation::ColumnsOverlap { train, previous } => {
                write!(f, "column {train} overlaps column {previous} along x")
            }
            Violation::LabelBelow { train, y } => {
                write!(f, "label of column {train} at y {y} is not above its nodes")
            }
            Violation::NotInColumn { release, train } => {
                write!(f, "node {release} is not in column {train}")
            }
            Violation::NodesOverlap {
                release,
                above,
                train,
            } => write!(
                f,
                "node {release} overlaps node {above} in column {train} (or is above it)"
            ),
            Violation::Unplaced(n) => write!(f, "{n} nodes are in no column"),
        }
    }
}

/// Checks the invariants: nodes inside the canvas, no two boxes overlap, columns ordered along x
/// by train, nodes ordered along y within a column.
///
/// Also: the columns partition the nodes in order, every node is in its train's column and at
/// its x, nodes are strictly ascending, labels lie inside the canvas above their column. With
/// columns at least a box width apart and boxes of a column at least a box height apart, no two
/// boxes overlap, so the check is linear rather than pairwise.
///
/// Returns the first violation found ([`Violation`], worded for a developer by its `Display`).
pub fn check(layout: &Layout) -> Result<(), Violation> {
    let Layout {
        width,
        height,
        node_width: w,
        node_height: h,
        columns,
        nodes,
    } = layout;
    for (name, value) in [
        ("width", width),
        ("height", height),
        ("node width", w),
        ("node height", h),
    ] {
        if !(value.is_finite() && *value > 0.0) {
            return Err(Violation::NotPositive {
                name,
                value: *value,
            });
        }
    }
    for pair in nodes.windows(2) {
        if pair[0].release >= pair[1].release {
            return Err(Violation::NotAscending(pair[0].release, pair[1].release));
        }
    }
    for node in nodes {
        let inside = node.x - w / 2.0 >= 0.0
            && node.x + w / 2.0 <= *width
            && node.y - h / 2.0 >= 0.0
            && node.y + h / 2.0 <= *height;
        if !inside {
            return Err(Violation::Outside {
                release: node.release,
                x: node.x,
                y: node.y,
            });
        }
    }
    let mut next_first = 0;
    let mut previous: Option<&Column> = None;
    for column in columns {
        let train = column.train;
        if column.first != next_first || column.len == 0 {
            return Err(Violation::ColumnSpan {
                train,
                first: column.first,
                end: column.first.saturating_add(column.len),
                expected: next_first,
            });
        }
        let end = column.first.checked_add(column.len);
        let Some(members) = end.and_then(|end| nodes.get(column.first..end)) else {
            return Err(Violation::PastLastNode(train));
        };
        next_first += column.len;
        if let Some(prev) = previous {
            if prev.train >= train {
                return Err(Violation::ColumnOrder {
                    train,
                    previous: prev.train,
                });
            }
            if column.x - prev.x < *w {
                return Err(Violation::ColumnsOverlap {
                    train,
                    previous: prev.train,
                });
            }
        }
        let first_top = members.first().map_or(*height, |n| n.y - h / 2.0);
        if !(column.label_y > 0.0 && column.label_y < first_top) {
            return Err(Violation::LabelBelow {
                train,
                y: column.label_y,
            });
        }
        for node in members {
            if node.release.train() != train || node.x != column.x {
                return Err(Violation::NotInColumn {
                    release: node.release,
                    train,
                });
            }
        }
        for pair in members.windows(2) {
            if pair[1].y - pair[0].y < *h {
                return Err(Violation::NodesOverlap {
                    release: pair[1].release,
                    above: pair[0].release,
                    train,
                });
            }
        }
        previous = Some(column);
    }
    if next_first != nodes.len() {
        return Err(Violation::Unplaced(nodes.len() - next_first));
    }
    Ok(())
}
