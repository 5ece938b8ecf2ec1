//! The static part of the release graph: train columns, release nodes, the plan's edges and the
//! blocked direct hop. It depends only on the graph model, so hovering never redraws it.

use crate::ui::graph_model::{edge_path, node_id, px, GraphModel};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphCanvasProps {
    pub model: Shared<GraphModel>,
}

/// Columns, nodes and plan edges as SVG groups (rendered inside the graph's `<svg>`).
#[function_component(GraphCanvas)]
pub fn graph_canvas(props: &GraphCanvasProps) -> Html {
    let model = &props.model;
    let layout = &model.layout;
    let (w, h) = (layout.node_width, layout.node_height);
    let release_at = |i: usize| {
        layout
            .nodes
            .get(i)
            .map(|n| n.release.to_string())
            .unwrap_or_default()
    };
    html! {
        <g class="graph-canvas">
            <g class="graph-canvas-columns">
                { for layout.columns.iter().map(|c| html! {
                    <text class="graph-canvas-train" x={px(c.x)} y={px(c.label_y)}
                        text-anchor="middle">{ c.train.to_string() }</text>
                }) }
            </g>
            <g class="graph-canvas-plan">
                { for model.plan_edges.iter().map(|&(a, b)| html! {
                    <path class="release-graph-edge is-plan" d={edge_path(layout, a, b)}
                        data-edge-from={release_at(a)} data-edge-to={release_at(b)} data-on-plan=""
                        marker-end="url(#release-graph-arrow)" />
                }) }
            </g>
            if let Some((a, b, reason)) = &model.blocked {
                <g class="graph-canvas-blocked">
                    <path class="release-graph-edge is-blocked" d={edge_path(layout, *a, *b)}
                        data-edge-from={release_at(*a)} data-edge-to={release_at(*b)} data-blocked="">
                        <title>{ format!("Direct hop blocked: {reason}") }</title>
                    </path>
                    { blocked_label(model, *a, *b, reason) }
                </g>
            }
            <g class="graph-canvas-nodes">
                { for layout.nodes.iter().zip(&model.info).map(|(n, info)| {
                    let label = n.release.to_string();
                    // A plain string, not `classes!`: keeps Yew's `Classes` set out of the wasm.
                    let mut class = String::from("graph-canvas-node");
                    for (on, mark) in [(info.on_plan, " is-plan"), (info.withdrawn, " is-withdrawn"),
                        (info.unlisted, " is-unlisted"), (!info.role.is_empty(), " is-typed")] {
                        if on {
                            class.push_str(mark);
                        }
                    }
                    let mut title = label.clone();
                    for (on, what) in [(!info.role.is_empty(), info.role), (info.on_plan, "on the plan"),
                        (info.withdrawn, "withdrawn by Cisco"), (info.unlisted, "not in catalog")] {
                        if on {
                            title.push_str(", ");
                            title.push_str(what);
                        }
                    }
                    // The tooltip also says where the release is documented; the accessible
                    // name stays short (the list view carries the same facts).
                    let aria_label = title.clone();
                    if let Some(date) = info.date {
                        title.push_str("\nreleased ");
                        title.push_str(date);
                    }
                    if !info.source.is_empty() {
                        title.push_str("\nsource: ");
                        title.push_str(info.source);
                    }
                    html! {
                        <g {class} id={node_id(n.release)} data-release={label.clone()} role="img"
                            aria-label={aria_label}>
                            <title>{ title }</title>
                            <rect x={px(n.x - w / 2.0)} y={px(n.y - h / 2.0)}
                                width={px(w)} height={px(h)} rx="4" />
                            <text x={px(n.x)} y={px(n.y + 4.0)} text-anchor="middle">
                                { label }
                            </text>
                        </g>
                    }
                }) }
            </g>
        </g>
    }
}

/// The reason of a blocked direct hop, written near the middle of its edge.
fn blocked_label(model: &GraphModel, a: usize, b: usize, reason: &str) -> Html {
    let nodes = &model.layout.nodes;
    let (Some(na), Some(nb)) = (nodes.get(a), nodes.get(b)) else {
        return html! {};
    };
    let x = (na.x + nb.x) / 2.0;
    let y = (na.y + nb.y) / 2.0 - 8.0;
    html! {
        <text class="graph-canvas-reason" x={px(x)} y={px(y)} text-anchor="middle">
            { format!("blocked: {reason}") }
        </text>
    }
}
