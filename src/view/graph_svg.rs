//! The release graph's SVG as text: the static canvas (train columns, release nodes, the plan's
//! edges, the blocked direct hop) and the hover layer (the hops from one release, as the rule
//! set in force decides them, and the keyboard cursor's ring). The page puts each in its own
//! `<g>`; the bench's static floor page draws the same canvas.
//!
//! Hooks (SPEC §9): nodes `[data-release]` with an `id` from [`node_id`]; plan edges
//! `[data-on-plan]`, the blocked hop `[data-blocked]`, legal hops `[data-legal][data-rule]`, each
//! edge with `data-edge-from`/`data-edge-to`. Under Cisco's 9.x guidance the hover layer also
//! has a ring `[data-reachable="<release>"]` on each release reachable in one hop (the ring
//! is the legal hop's element, with its hooks, where the hop is not drawn as an edge) and an
//! edge `[data-excepted][data-exception="<id>"]` (with the reason as its `<title>`) for each hop
//! one of the exceptions blocks. An excepted edge whose way the edges before it have drawn
//! already carries a `stroke-dasharray` of its own: the same dashes, from where its way
//! leaves theirs ([`EXCEPTED_DASH`]).

use super::graph_model::{node_id, GraphModel};
use super::markup::{attr, escape, px, px_attr};
use super::words;
use crate::domain::catalog::Catalog;
use crate::domain::layout::{Column, Layout, Node};
use crate::domain::release::{Release, Train};
use crate::domain::rules::{judge, judge_guide, Block, Rule, RuleSet};

/// The marker drawn at the end of plan edges (the page's `<defs>` defines it).
pub const ARROW_DEFS: &str = "<defs><marker id=\"release-graph-arrow\" viewBox=\"0 0 10 10\" \
refX=\"9\" refY=\"5\" markerWidth=\"4\" markerHeight=\"4\" orient=\"auto-start-reverse\">\
<path class=\"release-graph-arrowhead\" d=\"M0 0L10 5L0 10z\"/></marker></defs>";

/// The canvas as the page draws it: the plan's edges and the blocked hop in one piece, then
/// one piece per train column. A column is drawn at x = 0 and placed by the `transform` of
/// the `<g>` around it ([`column_transform`]), and names its nodes by row (`data-row`; the
/// group says which column, `data-column`): switching a train off moves the columns to its
/// right without changing their markup, so the page rewrites only the columns whose releases
/// changed (a node's marks, the plan), not the whole graph.
pub struct CanvasParts {
    /// The plan's edges and the blocked direct hop, in the canvas's own coordinates.
    pub edges: String,
    pub columns: Vec<ColumnPart>,
}

/// One train's column: its header and its nodes, drawn around x = 0.
pub struct ColumnPart {
    /// Its index in the layout's columns (`data-column`).
    pub index: usize,
    pub train: Train,
    /// Where the column's centre goes on the canvas.
    pub x: f64,
    pub markup: String,
}

/// Graphs of more releases than this are drawn a window of columns at a time: all of a
/// 10,000-release list at once costs the browser alone about 0.6 s here (BENCHMARKS.md, the
/// floor rows).
/// The built-in catalog (94 releases, 684 with interim builds) is always drawn whole.
pub const DRAWN_WHOLE_UP_TO: usize = 1000;
/// The window: this many columns (3,776 px, wider than a screen), starting this many left of
/// the one at the box's left edge.
pub const WINDOW_COLUMNS: usize = 32;
pub const WINDOW_BEFORE: usize = 8;

/// The columns the page draws when the column `left` is at its box's left edge: all of them
/// for a graph of up to [`DRAWN_WHOLE_UP_TO`] releases, else the window around `left`.
pub fn drawn_columns(layout: &Layout, left: usize) -> std::ops::Range<usize> {
    let all = layout.columns.len();
    if layout.nodes.len() <= DRAWN_WHOLE_UP_TO {
        return 0..all;
    }
    let first = left
        .saturating_sub(WINDOW_BEFORE)
        .min(all.saturating_sub(WINDOW_COLUMNS));
    first..(first + WINDOW_COLUMNS).min(all)
}

/// The canvas in pieces (see [`CanvasParts`]), with the columns of `drawn` only.
pub fn canvas_parts(model: &GraphModel, drawn: std::ops::Range<usize>) -> CanvasParts {
    let mut edges = String::with_capacity(256 * (model.plan_edges.len() + 1) + 64);
    edges.push_str("<g class=\"graph-canvas-plan\">");
    for &(a, b) in &model.plan_edges {
        edge_open(&mut edges, model, a, b, "release-graph-edge is-plan");
        edges.push_str(" data-on-plan=\"\" marker-end=\"url(#release-graph-arrow)\"/>");
    }
    edges.push_str("</g>");
    if let Some((a, b, reason)) = &model.blocked {
        edges.push_str("<g class=\"graph-canvas-blocked\">");
        edge_open(&mut edges, model, *a, *b, "release-graph-edge is-blocked");
        edges.push_str(" data-blocked=\"\"><title>Direct hop blocked: ");
        escape(&mut edges, reason);
        // The reason is said beside the graph (`graph_panel`), never drawn over its nodes.
        edges.push_str("</title></path></g>");
    }
    let columns = model
        .layout
        .columns
        .iter()
        .enumerate()
        .skip(drawn.start)
        .take(drawn.len())
        .map(|(index, c)| ColumnPart {
            index,
            train: c.train,
            x: c.x,
            markup: column(model, c),
        })
        .collect();
    CanvasParts { edges, columns }
}

/// The `transform` that puts a column drawn around x = 0 at `x`.
pub fn column_transform(x: f64) -> String {
    format!("translate({} 0)", px(x))
}

/// The whole canvas as one text, as [`canvas_parts`] draws it and the page assembles it (the
/// bench's static page and the tests read this): `<g>` groups of the plan's edges, the
/// blocked hop (if any) and the columns of nodes.
pub fn canvas(model: &GraphModel) -> String {
    let parts = canvas_parts(model, 0..model.layout.columns.len());
    let mut out = parts.edges;
    out.push_str("<g class=\"graph-canvas-nodes\">");
    for c in &parts.columns {
        out.push_str("<g class=\"graph-canvas-column\"");
        attr(&mut out, "data-column", &c.index.to_string());
        attr(&mut out, "transform", &column_transform(c.x));
        out.push('>');
        out.push_str(&c.markup);
        out.push_str("</g>");
    }
    out.push_str("</g>");
    out
}

/// A column's header and nodes, around x = 0.
fn column(model: &GraphModel, c: &Column) -> String {
    let layout = &model.layout;
    let mut out = String::with_capacity(256 * (c.len + 1));
    out.push_str("<text class=\"graph-canvas-train\" x=\"0\"");
    px_attr(&mut out, "y", c.label_y);
    out.push_str(" text-anchor=\"middle\">");
    escape(&mut out, &c.train.to_string());
    out.push_str("</text>");
    let nodes = layout
        .nodes
        .iter()
        .zip(&model.info)
        .skip(c.first)
        .take(c.len);
    let (w, h) = (layout.node_width, layout.node_height);
    for (row, (n, info)) in nodes.enumerate() {
        // Drawn around the column's centre: only the row's height is the canvas's own.
        let n = &Node {
            x: n.x - c.x,
            ..n.clone()
        };
        let label = n.release.to_string();
        out.push_str("<g class=\"graph-canvas-node");
        for (on, mark) in [
            (info.on_plan, " is-plan"),
            (info.withdrawn, " is-withdrawn"),
            (info.unlisted, " is-unlisted"),
            (!info.role.is_empty(), " is-typed"),
            (!info.caveats.is_empty(), " has-caveat"),
        ] {
            if on {
                out.push_str(mark);
            }
        }
        out.push('"');
        attr(&mut out, "id", &node_id(n.release));
        attr(&mut out, "data-release", &label);
        attr(&mut out, "data-row", &row.to_string());
        // The accessible name stays short; the tooltip adds the release date and caveats. Where
        // the catalog found a release (scanner lists, advisories) stays in the repository's
        // data: a person needs Cisco's documents, which the plan and runbook link.
        let mut name = label.clone();
        for (on, what) in [
            (!info.role.is_empty(), info.role),
            (info.on_plan, "on the plan"),
            (info.withdrawn, "withdrawn by Cisco"),
            (info.unlisted, "not in catalog"),
            (!info.caveats.is_empty(), "has caveats"),
        ] {
            if on {
                name.push_str(", ");
                name.push_str(what);
            }
        }
        if let Some(first) = info.caveats.first() {
            attr(&mut out, "data-caveat-release", &first.release.to_string());
        }
        out.push_str(" role=\"img\"");
        attr(&mut out, "aria-label", &name);
        out.push_str("><title>");
        escape(&mut out, &name);
        if let Some(date) = info.date {
            out.push_str("\nreleased ");
            escape(&mut out, date);
        }
        for caveat in &info.caveats {
            out.push_str("\ncaveat ");
            escape(
                &mut out,
                &words::caveat_heading(caveat.release, caveat.kind.label()),
            );
            out.push_str(" — ");
            escape(&mut out, &caveat.text.replace('`', ""));
        }
        out.push_str("</title><rect");
        centred_box(&mut out, n, w, h);
        out.push_str(" rx=\"4\"/>");
        if !info.caveats.is_empty() {
            // A dot on the box's top-right corner: this release has caveats (see the tooltip).
            out.push_str("<circle class=\"graph-canvas-caveat\" r=\"3\"");
            px_attr(&mut out, "cx", n.x + w / 2.0 - 1.0);
            px_attr(&mut out, "cy", n.y - h / 2.0 + 1.0);
            out.push_str("/>");
        }
        out.push_str("<text");
        px_attr(&mut out, "x", n.x);
        px_attr(&mut out, "y", n.y + 4.0);
        out.push_str(" text-anchor=\"middle\">");
        escape(&mut out, &label);
        out.push_str("</text></g>");
    }
    out
}

/// The hover layer for the release `active` and the keyboard cursor's node.
///
/// Under Table 81-1 ([`GraphModel::rules`]): a `[data-legal]` edge to every drawn release
/// `judge` accepts from `active`. Under Cisco's 9.x guidance nearly every later release is
/// legal, and as many edges would bury the graph: a `[data-reachable]` ring on every drawn
/// release `judge_guide` accepts, an edge for the hops landing on 7.x/8.x and for the direct
/// hop to each train's newest reachable release, the other legal hops' `[data-legal]` hooks on
/// their rings, and a `[data-excepted]` edge, titled with its reason, to every drawn release
/// one of the exceptions blocks. Then the ring around the cursor's node.
pub fn legal_layer(
    model: &GraphModel,
    catalog: &Catalog,
    active: Option<Release>,
    cursor: Option<usize>,
) -> String {
    write_legal_layer(model, catalog, active, cursor, None)
}

/// [`legal_layer`] in two parts, as the page writes it: the layer without the `<title>` of
/// its excepted edges, and those titles, to put into their edges a frame later.
///
/// From a release before 8.4 with interim builds shown, about 500 edges are excepted. Their
/// titles are never shown (the layer takes no pointer, so no tooltip, and is hidden from
/// screen readers), and styling them costs the hover's frame about 6 ms: each edge has a
/// `stroke-dasharray` of its own (see [`EXCEPTED_DASH`]), an inherited property, so the browser styles
/// a child of each from scratch. Written after the paint, the layer ends the same.
pub fn legal_layer_apart(
    model: &GraphModel,
    catalog: &Catalog,
    active: Option<Release>,
    cursor: Option<usize>,
) -> LegalLayer {
    let mut titles = Vec::new();
    let markup = write_legal_layer(model, catalog, active, cursor, Some(&mut titles));
    LegalLayer { markup, titles }
}

/// The hover layer with the titles of its excepted edges apart ([`legal_layer_apart`]).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct LegalLayer {
    /// The layer's markup. Its first elements are the excepted edges, each written empty.
    pub markup: String,
    /// The `<title>` of each excepted edge, in their order: its text (not markup).
    pub titles: Vec<String>,
}

/// [`legal_layer`], the titles of the excepted edges in `titles` if given, else in their edges.
fn write_legal_layer(
    model: &GraphModel,
    catalog: &Catalog,
    active: Option<Release>,
    cursor: Option<usize>,
    titles: Option<&mut Vec<String>>,
) -> String {
    let layout = &model.layout;
    let mut out = String::new();
    if let Some((release, a)) = active.and_then(|r| layout.index_of(r).map(|i| (r, i))) {
        match model.rules {
            RuleSet::Table811 => legal_edges(&mut out, model, catalog, release, a),
            RuleSet::Guide9x => guide_hops(&mut out, model, catalog, release, a, titles),
        }
    }
    if let Some(n) = cursor.and_then(|i| layout.nodes.get(i)) {
        let (w, h) = (layout.node_width + 6.0, layout.node_height + 6.0);
        out.push_str("<rect class=\"legal-layer-cursor\"");
        centred_box(&mut out, n, w, h);
        out.push_str(" rx=\"6\"/>");
    }
    out
}

/// Table 81-1: an edge per legal hop from `release` (node `a`).
fn legal_edges(
    out: &mut String,
    model: &GraphModel,
    catalog: &Catalog,
    release: Release,
    a: usize,
) {
    for (b, n) in model.layout.nodes.iter().enumerate() {
        if let Ok(rule) = judge(catalog, release, n.release) {
            legal_edge(out, model, a, b, rule);
        }
    }
}

/// The edge of a legal hop from node `a` to node `b` under `rule`.
fn legal_edge(out: &mut String, model: &GraphModel, a: usize, b: usize, rule: Rule) {
    let class = match rule {
        Rule::Maintenance => "release-graph-edge is-legal maintenance",
        Rule::Minor => "release-graph-edge is-legal minor",
        Rule::Major => "release-graph-edge is-legal major",
        Rule::Direct => "release-graph-edge is-legal direct",
    };
    edge_open(out, model, a, b, class);
    out.push_str(" data-legal=\"\"");
    attr(out, "data-rule", rule.as_str());
    out.push_str("/>");
}

/// Cisco's 9.x guidance: an edge per hop from `release` (node `a`) an exception blocks, the
/// legal hops, and a ring per release reachable in one hop.
///
/// Every legal hop is one element with `data-legal`, `data-edge-from`, `data-edge-to` and
/// `data-rule` (SPEC §9). A 9.x release reaches nearly every later release, a hundred edges
/// that would bury the graph, so only these are drawn as edges: every hop landing on 7.x/8.x
/// (Table 81-1's hops, a few) and the direct hop to the newest release each train offers;
/// the direct hops to a train's other releases are their rings, which carry the same hooks.
fn guide_hops(
    out: &mut String,
    model: &GraphModel,
    catalog: &Catalog,
    release: Release,
    a: usize,
    mut titles: Option<&mut Vec<String>>,
) {
    let layout = &model.layout;
    let mut reachable: Vec<(usize, Rule)> = Vec::new();
    let mut excepted: Vec<(usize, Option<Way>, Block)> = Vec::new();
    for (b, n) in layout.nodes.iter().enumerate() {
        match judge_guide(catalog, release, n.release) {
            Ok(rule) => reachable.push((b, rule)),
            Err(block @ Block::Exception { .. }) => excepted.push((b, way(layout, a, b), block)),
            Err(_) => {}
        }
    }
    let dashes = excepted_dashes(excepted.iter().map(|(_, way, _)| way.as_ref()));
    for ((b, way, block), dash) in excepted.iter().zip(dashes) {
        edge_open_on(
            out,
            model,
            a,
            *b,
            way.as_ref(),
            "release-graph-edge is-excepted",
        );
        if let Some(dash) = dash {
            dash.write(out);
        }
        out.push_str(" data-excepted=\"\"");
        if let Block::Exception { exception, .. } = block {
            attr(out, "data-exception", exception.id);
        }
        out.push('>');
        match titles.as_deref_mut() {
            Some(titles) => titles.push(excepted_title(block)),
            None => {
                out.push_str("<title>");
                escape(out, &excepted_title(block));
                out.push_str("</title>");
            }
        }
        out.push_str("</path>");
    }
    // Whether each hop is drawn as an edge: not direct, or direct to the newest reachable
    // release of its train. The nodes are in release order, a train's together: going back,
    // the first direct hop met in a train is its newest.
    let mut drawn = vec![true; reachable.len()];
    let mut train = None;
    for (i, &(b, rule)) in reachable.iter().enumerate().rev() {
        if rule == Rule::Direct {
            let this = Some(layout.nodes[b].release.train());
            drawn[i] = train != this;
            train = this;
        }
    }
    for (&(b, rule), _) in reachable.iter().zip(&drawn).filter(|(_, d)| **d) {
        legal_edge(out, model, a, b, rule);
    }
    let (w, h) = (layout.node_width + 4.0, layout.node_height + 4.0);
    for (&(b, rule), edge) in reachable.iter().zip(&drawn) {
        let n = &layout.nodes[b];
        out.push_str("<rect class=\"legal-layer-reachable\"");
        attr(out, "data-reachable", &n.release.to_string());
        if !edge {
            out.push_str(" data-legal=\"\"");
            attr(out, "data-rule", rule.as_str());
            attr(out, "data-edge-from", &release.to_string());
            attr(out, "data-edge-to", &n.release.to_string());
        }
        centred_box(out, n, w, h);
        out.push_str(" rx=\"5\"/>");
    }
}

/// The `<title>` of an excepted edge, as text: `Blocked: <reason>`.
fn excepted_title(block: &Block) -> String {
    format!("Blocked: {block}")
}

/// `<path class d data-edge-from data-edge-to` of the edge between nodes `a` and `b`, left
/// open for the caller's own attributes.
fn edge_open(out: &mut String, model: &GraphModel, a: usize, b: usize, class: &str) {
    edge_open_on(out, model, a, b, way(&model.layout, a, b).as_ref(), class);
}

/// [`edge_open`] with the edge's way worked out already.
fn edge_open_on(
    out: &mut String,
    model: &GraphModel,
    a: usize,
    b: usize,
    way: Option<&Way>,
    class: &str,
) {
    let release_at = |i: usize| {
        model
            .layout
            .nodes
            .get(i)
            .map(|n| n.release.to_string())
            .unwrap_or_default()
    };
    out.push_str("<path");
    attr(out, "class", class);
    out.push_str(" d=\"");
    if let Some(way) = way {
        way.write_d(out);
    }
    out.push('"');
    attr(out, "data-edge-from", &release_at(a));
    attr(out, "data-edge-to", &release_at(b));
}

/// The `x`, `y`, `width` and `height` of a `w` × `h` box centred on node `n`.
fn centred_box(out: &mut String, n: &Node, w: f64, h: f64) {
    px_attr(out, "x", n.x - w / 2.0);
    px_attr(out, "y", n.y - h / 2.0);
    px_attr(out, "width", w);
    px_attr(out, "height", h);
}

/// An SVG path from node `a` to node `b`: a curve between neighbouring columns, a bow to the
/// right of the column for a hop within one train, and around the boxes for a hop that spans
/// columns (issue #20: a line through the boxes between reads as stops): out into the gap
/// beside its start, up to the lane above every box, along it to the gap
/// before its end, and down into it ([`crate::domain::layout::LANE_Y`]). Whole pixels: no float formatting in the bundle.
pub fn edge_path(layout: &Layout, a: usize, b: usize) -> String {
    let mut d = String::new();
    if let Some(way) = way(layout, a, b) {
        way.write_d(&mut d);
    }
    d
}

/// The way an edge takes between two nodes, in whole pixels: what [`edge_path`] writes.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Way {
    /// Within one column: a bow to the right of it, from `(sx, ya)` to `(sx, yb)`.
    Bow { sx: i64, ya: i64, cx: i64, yb: i64 },
    /// Between neighbouring columns: a curve from `(sx, ya)` to `(ex, yb)`.
    Curve {
        sx: i64,
        ya: i64,
        mid: i64,
        ex: i64,
        yb: i64,
    },
    /// Across columns, straight from corner to corner: out of the start's box into the gap
    /// beside it, up to the lane, along it, down the gap before the end's column, into the
    /// end's box.
    Lane([Point; 6]),
}

impl Way {
    /// The path's `d`.
    fn write_d(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = match *self {
            Way::Bow { sx, ya, cx, yb } => write!(out, "M{sx} {ya}C{cx} {ya} {cx} {yb} {sx} {yb}"),
            Way::Curve {
                sx,
                ya,
                mid,
                ex,
                yb,
            } => write!(out, "M{sx} {ya}C{mid} {ya} {mid} {yb} {ex} {yb}"),
            Way::Lane([(sx, ya), (g1, _), (_, lane), (g2, _), (_, yb), (ex, _)]) => {
                write!(out, "M{sx} {ya}H{g1}V{lane}H{g2}V{yb}H{ex}")
            }
        };
    }

    /// The straight runs of a way across columns, each as (start, direction, length); none
    /// for a curve.
    fn runs(&self) -> impl Iterator<Item = (Point, Point, i64)> + '_ {
        let corners: &[Point] = match self {
            Way::Lane(corners) => corners,
            _ => &[],
        };
        corners.windows(2).filter_map(|pair| {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let length = (x1 - x0).abs() + (y1 - y0).abs();
            (length > 0).then_some(((x0, y0), ((x1 - x0).signum(), (y1 - y0).signum()), length))
        })
    }
}

/// The way of the edge from node `a` to node `b` (see [`edge_path`]), if both are drawn.
fn way(layout: &Layout, a: usize, b: usize) -> Option<Way> {
    let (na, nb) = (layout.nodes.get(a)?, layout.nodes.get(b)?);
    let half = layout.node_width / 2.0;
    let (ya, yb) = (na.y.round() as i64, nb.y.round() as i64);
    if (na.x - nb.x).abs() < 0.5 {
        let sx = (na.x + half).round() as i64;
        let bow = (12 + (yb - ya).abs() / 4).min(48);
        let cx = sx + bow;
        return Some(Way::Bow { sx, ya, cx, yb });
    }
    let dir = if nb.x > na.x { 1.0 } else { -1.0 };
    let sx = (na.x + dir * half).round() as i64;
    let ex = (nb.x - dir * half).round() as i64;
    let spans = layout.column_at(na.x).abs_diff(layout.column_at(nb.x));
    if spans > 1 {
        // The middle of the gap after the start's column and before the end's.
        let gap = (crate::domain::layout::COLUMN_GAP / 2.0).round() as i64;
        let step = if dir > 0.0 { gap } else { -gap };
        let (g1, g2) = (sx + step, ex - step);
        let lane = crate::domain::layout::LANE_Y.round() as i64;
        return Some(Way::Lane([
            (sx, ya),
            (g1, ya),
            (g1, lane),
            (g2, lane),
            (g2, yb),
            (ex, yb),
        ]));
    }
    let mid = (sx + ex) / 2;
    Some(Way::Curve {
        sx,
        ya,
        mid,
        ex,
        yb,
    })
}

/// A point, in whole pixels.
type Point = (i64, i64);

/// Where a straight run of an edge starts: the point, its direction (-1, 0 or 1 on each axis)
/// and how far from the edge's start.
type RunStart = (Point, Point, i64);

/// The dashes of an edge an exception blocks, whole pixels drawn and skipped: the
/// `stroke-dasharray` of `.release-graph-edge.is-excepted` in `styles/app.css` (a test keeps
/// the two equal).
pub const EXCEPTED_DASH: (i64, i64) = (3, 4);

/// The ways of the excepted edges drawn so far from the hovered release, to draw each part of
/// them once.
///
/// Hovering a release before 8.4 with interim builds shown draws about 500 excepted edges,
/// each a few thousand pixels of 3-on-4-off dashes, and nearly all of it is the same way: out
/// of the hovered box, along the lane, down beside a column. Dashing that once per edge cost
/// the browser's raster about 0.2–0.9 s a hover (software raster, dashes are cut per tile).
/// The edges all start at the hovered node, so where two share their way they share its
/// dashes too (the same distance from the start is the same place in the pattern): an edge
/// need only be dashed from where it leaves the ways drawn before it ([`excepted_dashes`]).
/// The picture has the same dashes, each drawn once instead of once per edge sharing it (so
/// only the antialiased rim of a shared dash comes out lighter, as that of an edge of its own).
#[derive(Default)]
struct DrawnWays {
    /// A straight run as (start, direction, distance from the edge's start), sorted, with the
    /// longest length drawn from there.
    runs: Vec<(RunStart, i64)>,
}

impl DrawnWays {
    /// How far from its start `way` runs along the ways recorded so far; then records it.
    fn shared_then_add(&mut self, way: &Way) -> i64 {
        let (mut at, mut shared, mut along) = (0, 0, true);
        for (start, direction, length) in way.runs() {
            let key = (start, direction, at);
            let drawn = match self.runs.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(i) => {
                    let drawn = self.runs[i].1;
                    self.runs[i].1 = drawn.max(length);
                    drawn
                }
                Err(i) => {
                    self.runs.insert(i, (key, length));
                    0
                }
            };
            if along {
                shared = at + drawn.min(length);
                along = drawn >= length;
            }
            at += length;
        }
        shared
    }
}

/// The length of a way across columns (0 for a curve).
fn way_length(way: &Way) -> i64 {
    way.runs().map(|(_, _, length)| length).sum()
}

/// The dashes of an excepted edge whose way is partly drawn already ([`DrawnWays`]): none for
/// its first `skip` pixels, then [`EXCEPTED_DASH`] this many times (from a whole pattern, so
/// in step with the edges it shares its way with).
#[derive(Clone, Copy, PartialEq, Debug)]
struct TrimmedDash {
    skip: i64,
    patterns: i64,
}

impl TrimmedDash {
    /// ` stroke-dasharray="0 skip 3 4 3 4 …"`.
    fn write(self, out: &mut String) {
        use std::fmt::Write as _;
        let (on, off) = EXCEPTED_DASH;
        let _ = write!(out, " stroke-dasharray=\"0 {}", self.skip);
        for _ in 0..self.patterns {
            let _ = write!(out, " {on} {off}");
        }
        out.push('"');
    }
}

/// The dashes of the excepted edges with these ways, in the order they are drawn: `None` for
/// an edge the stylesheet dashes whole (a curve, or one sharing less than a pattern with the
/// edges before it).
fn excepted_dashes<'w>(ways: impl Iterator<Item = Option<&'w Way>>) -> Vec<Option<TrimmedDash>> {
    let (on, off) = EXCEPTED_DASH;
    let period = on + off;
    let mut drawn = DrawnWays::default();
    ways.map(|way| {
        let way = way?;
        let skip = drawn.shared_then_add(way) / period * period;
        (skip > 0).then(|| TrimmedDash {
            skip,
            patterns: (way_length(way) - skip + period - 1).max(0) / period,
        })
    })
    .collect()
}
