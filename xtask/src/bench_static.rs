//! The static floors the browser bench measures the app against, each a page with no script:
//!
//! - [`plan_page`]: the plan a shared link shows, generated from the domain
//!   (`session::analyse` and the graph model). It carries the app's automation hooks (SPEC §9:
//!   `[data-verdict]`, `ol[data-plan] li[data-hop]`, `svg[data-graph]` with `[data-release]`
//!   nodes and `[data-on-plan]` edges), so one in-page observer times both pages; its graph is
//!   the app's own canvas markup (`view::graph_svg::canvas`), so both draw the very same SVG.
//! - [`first_screen_page`]: index.html's first screen (the empty planner between its markers)
//!   with the stylesheet Trunk linked in the built page.

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::session::analyse;
use asa_planner::view::markup::{escape, px};
use asa_planner::view::{first_screen, graph_model, graph_svg};
use scraper::{Html, Selector};

/// The floor for one shared link: the whole static page and the number of hops the plan draws.
pub struct StaticPlan {
    pub page: String,
    pub hops: usize,
}

/// The static plan for the shared-link fragment `fragment`.
pub fn plan_page(fragment: &str) -> Result<StaticPlan, String> {
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
    let mut main = String::from("<main><h1>ASA zero-downtime upgrade planner</h1>\n");
    main += &format!("<p data-verdict=\"{}\">From ", session.verdict.as_str());
    escape(&mut main, &session.from.text);
    main += " to ";
    escape(&mut main, &session.to.text);
    main += &format!(": {hops} hops</p>\n<ol data-plan>\n");
    for hop in session.hops() {
        let (from, to, rule) = (&hop.from, &hop.to, hop.rule.as_str());
        main += &format!("<li data-hop data-from=\"{from}\" data-to=\"{to}\" data-rule=\"{rule}\">{from} → {to} ({rule} upgrade)</li>\n");
    }
    let graph = graph_model::build(&session, false);
    let (w, h) = (px(graph.layout.width), px(graph.layout.height));
    main += &format!(
        "</ol>\n<svg data-graph role=\"img\" aria-label=\"Release graph\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n{}<g class=\"graph-canvas\">{}</g></svg>\n</main>\n",
        graph_svg::ARROW_DEFS,
        graph_svg::canvas(&graph)
    );
    let head = "<title>ASA upgrade plan (static floor)</title>\n";
    let page = format!(
        "{}{STYLE}\n</head>\n<body>\n{main}</body>\n</html>\n",
        start(head)
    );
    Ok(StaticPlan { page, hops })
}

/// The static plan page's only stylesheet, inline: what a hand-written page would be.
const STYLE: &str = "<style>\
body{font:14px system-ui,sans-serif;margin:1rem}\
svg text{font-size:11px}\
.graph-canvas-node rect{fill:#fff;stroke:#888}\
.graph-canvas-node.is-plan rect{stroke:#05a;stroke-width:2}\
.graph-canvas-train{font-weight:600}\
.release-graph-edge{fill:none;stroke:#05a;stroke-width:2}\
</style>";

/// The page's first screen without the app: the markup between index.html's first-screen
/// markers (`source_index`, the repository's) and the stylesheet link of the built page
/// (`built_index`, dist/index.html: the same file, with its hash and integrity).
pub fn first_screen_page(source_index: &str, built_index: &str) -> Result<String, String> {
    let markup = first_screen::in_page(source_index).ok_or_else(crate::no_markers)?;
    let stylesheet = Selector::parse("link[rel=stylesheet]").map_err(crate::text)?;
    let link = Html::parse_document(built_index)
        .select(&stylesheet)
        .next()
        .map(|link| link.html())
        .ok_or("dist/index.html links no stylesheet")?;
    let head = format!(
        "<meta name=\"color-scheme\" content=\"light dark\">\n<title>{}</title>\n{link}\n",
        first_screen::TITLE
    );
    Ok(format!(
        "{}</head>\n<body>\n{markup}\n</body>\n</html>\n",
        start(&head)
    ))
}

/// The start of a page, up to the end of its head's `extra`.
fn start(extra: &str) -> String {
    format!("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{extra}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_plan_with_the_app_hooks() {
        let Ok(StaticPlan { page: html, hops }) = plan_page("from=8.2(5)&to=9.1(7)") else {
            panic!("the shared-link example must plan");
        };
        assert!(html.contains("<body>\n<main>") && html.contains("</main>\n</body>"));
        assert!(html.contains(STYLE) && !html.contains("<script"));
        assert_eq!(html.matches("<li data-hop ").count(), hops);
        assert_eq!(html.matches(" data-on-plan=\"\"").count(), hops);
        assert!(html.contains("data-from=\"8.2(5)\"") && html.contains("data-release=\"9.1(7)\""));
        assert!(html.contains("data-verdict=\"ok\""));
        assert_eq!(
            plan_page("from=9.1(7)&to=9.1(7)").map(|p| p.hops),
            Err("the bench fragment `from=9.1(7)&to=9.1(7)` gives no plan (verdict same): pick a pair with hops".to_string())
        );
    }

    #[test]
    fn the_first_screen_page_has_the_markup_and_the_stylesheet_only() {
        let source = format!(
            "<body>{}\n<p>x</p>\n{}<noscript>n</noscript>",
            first_screen::BEGIN,
            first_screen::END
        );
        let built = "<html><script type=module>init()</script>\
            <link href=./app-0123456789abcdef.css integrity=sha384-x rel=stylesheet><body>";
        let page = first_screen_page(&source, built).unwrap();
        assert!(page.contains("<body>\n<p>x</p>\n</body>"), "{page}");
        let link =
            r#"<link href="./app-0123456789abcdef.css" integrity="sha384-x" rel="stylesheet">"#;
        assert!(page.contains(link), "{page}");
        assert!(!page.contains("<script") && !page.contains("noscript"));
        assert_eq!(
            first_screen_page(&source, "<html><body>"),
            Err("dist/index.html links no stylesheet".to_string())
        );
        assert!(first_screen_page("<body>", built).is_err());
    }
}
