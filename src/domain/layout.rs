//! Geometry of the release graph: trains as columns in version order, releases stacked by
//! version. Plain numbers; drawing is the UI's. Linear time, no recursion.
//!
//! TODO(domain-aux): implement.

use super::release::{Release, Train};

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

impl Layout {
    /// Index of a release's node (binary search; nodes are ascending).
    pub fn index_of(&self, release: Release) -> Option<usize> {
        todo!()
    }
}

/// Lays out `releases` (ascending, no duplicates).
pub fn layout(releases: &[Release]) -> Layout {
    todo!()
}

/// Checks the invariants: nodes inside the canvas, no two boxes overlap, columns ordered along x
/// by train, nodes ordered along y within a column.
pub fn check(layout: &Layout) -> Result<(), String> {
    todo!()
}
