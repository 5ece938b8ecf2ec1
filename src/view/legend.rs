//! The graph's legend (`[data-legend]`): every colour and line style of the release graph, each
//! drawn with the same classes as the graph itself, so the stylesheets that colour the graph
//! colour its legend (light and dark alike).

/// One swatch: an edge (`path` classes) or a node (`g` classes), and what it means.
enum Swatch {
    Edge(&'static str),
    Node(&'static str),
    /// The ring the hover layer draws around a node (`rect` classes).
    Ring(&'static str),
    CaveatDot,
}

const ITEMS: [(Swatch, &str); 12] = [
    (
        Swatch::Edge("release-graph-edge is-plan"),
        "a hop of the plan",
    ),
    (
        Swatch::Edge("release-graph-edge is-blocked"),
        "the direct hop asked for, not zero-downtime (its reason is written above the graph)",
    ),
    (
        Swatch::Edge("release-graph-edge is-legal maintenance"),
        "legal hop of the hovered release: maintenance (same train)",
    ),
    (
        Swatch::Edge("release-graph-edge is-legal minor"),
        "legal hop: minor (next train)",
    ),
    (
        Swatch::Edge("release-graph-edge is-legal major"),
        "legal hop: major (last minor to the next major)",
    ),
    (
        Swatch::Edge("release-graph-edge is-legal direct"),
        "under Cisco's 9.x guidance: a direct hop, drawn to the newest release of each train \
         the hovered one reaches",
    ),
    (
        Swatch::Ring("legal-layer-reachable"),
        "under Cisco's 9.x guidance: a release the hovered one reaches in one hop",
    ),
    (
        Swatch::Edge("release-graph-edge is-excepted"),
        "under Cisco's 9.x guidance: a hop of the hovered release that an exception blocks",
    ),
    (
        Swatch::Node("graph-canvas-node is-plan"),
        "a release on the plan",
    ),
    (
        Swatch::Node("graph-canvas-node is-unlisted"),
        "typed, not in the catalog",
    ),
    (
        Swatch::Node("graph-canvas-node is-withdrawn"),
        "withdrawn by Cisco (struck through)",
    ),
    (
        Swatch::CaveatDot,
        "the release has caveats (see its tooltip and the plan)",
    ),
];

/// The legend as a list of swatches with their meaning.
pub fn html() -> String {
    let mut out =
        String::from("<ul class=\"graph-legend\" data-legend=\"\" aria-label=\"Legend\">");
    for (swatch, meaning) in ITEMS {
        out.push_str("<li><svg width=\"34\" height=\"16\" aria-hidden=\"true\">");
        match swatch {
            Swatch::Edge(class) => {
                out.push_str("<path d=\"M2 8H32\" class=\"");
                out.push_str(class);
                out.push_str("\"/>");
            }
            Swatch::Node(class) => {
                out.push_str("<g class=\"");
                out.push_str(class);
                out.push_str(
                    "\"><rect x=\"2\" y=\"2\" width=\"30\" height=\"12\" rx=\"3\"/><text x=\"17\" \
                     y=\"12\" text-anchor=\"middle\">9.1</text></g>",
                );
            }
            Swatch::Ring(class) => {
                out.push_str("<rect x=\"2\" y=\"2\" width=\"30\" height=\"12\" rx=\"4\" class=\"");
                out.push_str(class);
                out.push_str("\"/>");
            }
            Swatch::CaveatDot => {
                out.push_str(
                    "<g class=\"graph-canvas-node\"><rect x=\"2\" y=\"2\" width=\"30\" \
                     height=\"12\" rx=\"3\"/></g><circle class=\"graph-canvas-caveat\" cx=\"31\" \
                     cy=\"3\" r=\"3\"/>",
                );
            }
        }
        out.push_str("</svg>");
        out.push_str(meaning);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}
