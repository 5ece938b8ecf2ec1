//! The hover layer: the legal hops from the active release to every drawn release, as decided
//! by `domain::rules::judge`, and the keyboard cursor's ring. Small and redrawn alone, so a
//! hover costs one pass over the drawn releases, not a redraw of the graph.

use crate::domain::release::Release;
use crate::domain::rules::{judge, Rule};
use crate::domain::session::Session;
use crate::ui::graph_model::{edge_path, px, GraphModel};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegalLayerProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    /// The hovered or focused release.
    pub active: Option<Release>,
    /// Node index of the keyboard cursor while the graph has focus.
    pub cursor: Option<usize>,
}

/// The class of a legal-hop edge: `is-legal` and the rule. Static strings, not `classes!`:
/// that keeps Yew's `Classes` set out of the wasm.
fn edge_class(rule: Rule) -> &'static str {
    match rule {
        Rule::Maintenance => "release-graph-edge is-legal maintenance",
        Rule::Minor => "release-graph-edge is-legal minor",
        Rule::Major => "release-graph-edge is-legal major",
    }
}

/// Legal-hop edges (`data-legal`) and the cursor ring.
#[function_component(LegalLayer)]
pub fn legal_layer(props: &LegalLayerProps) -> Html {
    let layout = &props.model.layout;
    let from = props
        .active
        .and_then(|r| layout.index_of(r).map(|i| (r, i)));
    let edges = from.map(|(release, a)| {
        let label = release.to_string();
        layout
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(b, n)| {
                let rule = judge(&props.session.catalog, release, n.release).ok()?;
                Some(html! {
                    <path class={edge_class(rule)}
                        d={edge_path(layout, a, b)} data-legal="" data-rule={rule.as_str()}
                        data-edge-from={label.clone()} data-edge-to={n.release.to_string()} />
                })
            })
            .collect::<Html>()
    });
    let ring = props.cursor.and_then(|i| layout.nodes.get(i)).map(|n| {
        let (w, h) = (layout.node_width + 6.0, layout.node_height + 6.0);
        html! {
            <rect class="legal-layer-cursor" x={px(n.x - w / 2.0)}
                y={px(n.y - h / 2.0)} width={px(w)} height={px(h)} rx="6" />
        }
    });
    html! {
        <g class="legal-layer" aria-hidden="true">
            { edges.unwrap_or_default() }
            { ring.unwrap_or_default() }
        </g>
    }
}
