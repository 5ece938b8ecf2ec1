//! The release graph's SVG as text: the static canvas (train columns, release nodes, the plan's
//! edges, the blocked direct hop) and the hover layer (the legal hops from one release, as
//! `domain::rules::judge` decides them, and the keyboard cursor's ring). The page puts each in
//! its own `<g>`; the bench's static floor page draws the same canvas.
//!
//! Hooks (SPEC §9): nodes `[data-release]` with an `id` from [`node_id`]; plan edges
//! `[data-on-plan]`, the blocked hop `[data-blocked]`, legal hops `[data-legal][data-rule]`, each
//! edge with `data-edge-from`/`data-edge-to`.

use super::graph_model::{node_id, GraphModel};
use super::markup::{attr, escape, px_attr};
use super::words;
use crate::domain::catalog::Catalog;
use crate::domain::layout::{Layout, Node};
use crate::domain::release::Release;
use crate::domain::rules::{judge, Rule};

/// The marker drawn at the end of plan edges (the page's `<defs>` defines it).
pub const ARROW_DEFS: &str = "<defs><marker id=\"release-graph-arrow\" viewBox=\"0 0 10 10\" \
refX=\"9\" refY=\"5\" markerWidth=\"4\" markerHeight=\"4\" orient=\"auto-start-reverse\">\
<path class=\"release-graph-arrowhead\" d=\"M0 0L10 5L0 10z\"/></marker></defs>";

/// The canvas: `<g>` groups of columns, plan edges, the blocked hop (if any) and nodes.
pub fn canvas(model: &GraphModel) -> String {
    let layout = &model.layout;
    let mut out = String::with_capacity(256 * (layout.nodes.len() + 4));
    out.push_str("<g class=\"graph-canvas-columns\">");
    for c in &layout.columns {
        out.push_str("<text class=\"graph-canvas-train\"");
        px_attr(&mut out, "x", c.x);
        px_attr(&mut out, "y", c.label_y);
        out.push_str(" text-anchor=\"middle\">");
        escape(&mut out, &c.train.to_string());
        out.push_str("</text>");
    }
    out.push_str("</g><g class=\"graph-canvas-plan\">");
    for &(a, b) in &model.plan_edges {
        edge_open(&mut out, model, a, b, "release-graph-edge is-plan");
        out.push_str(" data-on-plan=\"\" marker-end=\"url(#release-graph-arrow)\"/>");
    }
    out.push_str("</g>");
    if let Some((a, b, reason)) = &model.blocked {
        out.push_str("<g class=\"graph-canvas-blocked\">");
        edge_open(&mut out, model, *a, *b, "release-graph-edge is-blocked");
        out.push_str(" data-blocked=\"\"><title>Direct hop blocked: ");
        escape(&mut out, reason);
        out.push_str("</title></path>");
        blocked_label(&mut out, model, *a, *b, reason);
        out.push_str("</g>");
    }
    out.push_str("<g class=\"graph-canvas-nodes\">");
    let (w, h) = (layout.node_width, layout.node_height);
    for (i, (n, info)) in layout.nodes.iter().zip(&model.info).enumerate() {
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
        attr(&mut out, "data-node", &i.to_string());
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
    out.push_str("</g>");
    out
}

/// The hover layer: a `[data-legal]` edge to every drawn release `judge` accepts from
/// `active`, and the ring around the keyboard cursor's node.
pub fn legal_layer(
    model: &GraphModel,
    catalog: &Catalog,
    active: Option<Release>,
    cursor: Option<usize>,
) -> String {
    let layout = &model.layout;
    let mut out = String::new();
    if let Some((release, a)) = active.and_then(|r| layout.index_of(r).map(|i| (r, i))) {
        for (b, n) in layout.nodes.iter().enumerate() {
            let Ok(rule) = judge(catalog, release, n.release) else {
                continue;
            };
            let class = match rule {
                Rule::Maintenance => "release-graph-edge is-legal maintenance",
                Rule::Minor => "release-graph-edge is-legal minor",
                Rule::Major => "release-graph-edge is-legal major",
            };
            edge_open(&mut out, model, a, b, class);
            out.push_str(" data-legal=\"\"");
            attr(&mut out, "data-rule", rule.as_str());
            out.push_str("/>");
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

/// `<path class d data-edge-from data-edge-to` of the edge between nodes `a` and `b`, left
/// open for the caller's own attributes.
fn edge_open(out: &mut String, model: &GraphModel, a: usize, b: usize, class: &str) {
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
    attr(out, "d", &edge_path(&model.layout, a, b));
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

/// The reason of a blocked direct hop, written near the middle of its edge.
fn blocked_label(out: &mut String, model: &GraphModel, a: usize, b: usize, reason: &str) {
    let nodes = &model.layout.nodes;
    let (Some(na), Some(nb)) = (nodes.get(a), nodes.get(b)) else {
        return;
    };
    out.push_str("<text class=\"graph-canvas-reason\"");
    px_attr(out, "x", (na.x + nb.x) / 2.0);
    px_attr(out, "y", (na.y + nb.y) / 2.0 - 8.0);
    out.push_str(" text-anchor=\"middle\">blocked: ");
    escape(out, reason);
    out.push_str("</text>");
}

/// An SVG path from node `a` to node `b`: a curve between columns, or a bow to the right of
/// the column for a hop within one train. Whole pixels: no float formatting in the bundle.
pub fn edge_path(layout: &Layout, a: usize, b: usize) -> String {
    let (Some(na), Some(nb)) = (layout.nodes.get(a), layout.nodes.get(b)) else {
        return String::new();
    };
    let half = layout.node_width / 2.0;
    let (ya, yb) = (na.y.round() as i64, nb.y.round() as i64);
    if (na.x - nb.x).abs() < 0.5 {
        let sx = (na.x + half).round() as i64;
        let bow = (12 + (yb - ya).abs() / 4).min(48);
        let cx = sx + bow;
        return format!("M{sx} {ya}C{cx} {ya} {cx} {yb} {sx} {yb}");
    }
    let dir = if nb.x > na.x { 1.0 } else { -1.0 };
    let sx = (na.x + dir * half).round() as i64;
    let ex = (nb.x - dir * half).round() as i64;
    let mid = (sx + ex) / 2;
    format!("M{sx} {ya}C{mid} {ya} {mid} {yb} {ex} {yb}")
}
