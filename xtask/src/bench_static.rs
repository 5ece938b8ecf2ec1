//! The floor of "time to a drawn plan": a static HTML page showing the same plan as the app
//! does for a shared link, generated from the domain (`session::analyse` + `layout::layout`).
//!
//! It carries the same automation hooks as the app (SPEC §9: `[data-verdict]`,
//! `ol[data-plan] li[data-hop]`, `svg[data-graph]` with `[data-release]` nodes and
//! `[data-on-plan]` edges), so the browser bench times both pages with one in-page observer.
//! The graph is the app's own canvas markup (`view::graph_svg::canvas` of the same graph
//! model), so both pages draw the very same SVG. No script, one inline stylesheet: what a
//! hand-written page would be.

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::session::{analyse, Session};
use asa_planner::view::graph_model::{self, GraphModel};
use asa_planner::view::graph_svg;
use asa_planner::view::markup::{escape, px};

/// The floor for one shared link: the whole static page and the number of hops the plan draws.
pub struct StaticPlan {
    pub page: String,
    pub hops: usize,
}

/// The static plan for the shared-link fragment `fragment`.
pub fn page(fragment: &str) -> Result<StaticPlan, String> {
    let query: PlanQuery = fragment
        .parse()
        .map_err(|e| format!("the bench fragment `{fragment}` does not read: {e}"))?;
    let session = analyse(&query);
    let hops = session.plan.as_ref().map_or(0, |p| p.hops.len());
    if hops == 0 {
        return Err(format!(
            "the bench fragment `{fragment}` gives no plan (verdict {}): pick a pair with hops",
            session.verdict.as_str()
        ));
    }
    let graph = graph_model::build(&session, false);
    let mut main = String::with_capacity(64 * 1024);
    main.push_str(&format!(
        "<main><h1>ASA zero-downtime upgrade planner</h1>\n<p data-verdict=\"{}\">From {} to {}: {} hops</p>\n",
        session.verdict.as_str(),
        text(&session.from.text),
        text(&session.to.text),
        hops
    ));
    main.push_str(&plan_list(&session));
    main.push_str(&svg(&graph));
    main.push_str("</main>\n");
    let page = format!("{HEAD}{STYLE}\n</head>\n<body>\n{main}</body>\n</html>\n");
    Ok(StaticPlan { page, hops })
}

const HEAD: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>ASA upgrade plan (static floor)</title>\n";

/// The static page's only stylesheet (the Yew floor page carries it too).
pub const STYLE: &str = "<style>\
body{font:14px system-ui,sans-serif;margin:1rem}\
svg text{font-size:11px}\
.graph-canvas-node rect{fill:#fff;stroke:#888}\
.graph-canvas-node.is-plan rect{stroke:#05a;stroke-width:2}\
.graph-canvas-train{font-weight:600}\
.release-graph-edge{fill:none;stroke:#05a;stroke-width:2}\
</style>";

fn plan_list(session: &Session) -> String {
    let mut out = String::from("<ol data-plan>\n");
    for hop in session.hops() {
        out.push_str(&format!(
            "<li data-hop data-from=\"{0}\" data-to=\"{1}\" data-rule=\"{2}\">{0} → {1} ({2} upgrade)</li>\n",
            hop.from,
            hop.to,
            hop.rule.as_str()
        ));
    }
    out.push_str("</ol>\n");
    out
}

fn svg(graph: &GraphModel) -> String {
    let (w, h) = (px(graph.layout.width), px(graph.layout.height));
    format!(
        "<svg data-graph role=\"img\" aria-label=\"Release graph\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n{}<g class=\"graph-canvas\">{}</g></svg>\n",
        graph_svg::ARROW_DEFS,
        graph_svg::canvas(graph)
    )
}

/// Text content escaped for HTML (the fields are as typed in the fragment).
fn text(s: &str) -> String {
    let mut out = String::new();
    escape(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_err(fragment: &str, expected: &str) {
        assert_eq!(page(fragment).map(|p| p.hops), Err(expected.to_string()));
    }

    #[test]
    fn draws_the_plan_with_the_app_hooks() {
        let Ok(StaticPlan { page: html, hops }) = page("from=8.2(5)&to=9.1(7)") else {
            panic!("the shared-link example must plan");
        };
        assert!(html.contains("<body>\n<main>") && html.contains("</main>\n</body>"));
        assert!(html.contains(STYLE));
        assert_eq!(html.matches("<li data-hop ").count(), hops);
        assert_eq!(html.matches(" data-on-plan=\"\"").count(), hops);
        assert!(html.contains("data-from=\"8.2(5)\""));
        assert!(html.contains("data-release=\"9.1(7)\""));
        assert!(html.contains("data-verdict=\"ok\""));
    }

    #[test]
    fn refuses_a_fragment_without_hops() {
        assert_err(
            "from=9.1(7)&to=9.1(7)",
            "the bench fragment `from=9.1(7)&to=9.1(7)` gives no plan (verdict same): pick a pair with hops",
        );
    }

    #[test]
    fn escapes_typed_text() {
        assert_eq!(text("<a&\"b\">"), "&lt;a&amp;&quot;b&quot;&gt;");
    }
}
