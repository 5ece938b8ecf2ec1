//! The markup written as text (`src/view`): the hooks the page and its tests rely on (SPEC §9)
//! are there, every node and edge is drawn once, the legal hops drawn are exactly
//! `domain::rules::judge`'s, and typed text is escaped wherever it lands.

mod util;

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::Train;
use asa_planner::domain::rules::{judge, judge_guide, Block, Rule, RuleSet};
use asa_planner::domain::runbook::{HopImages, HopSpec, Setup};
use asa_planner::domain::session::{analyse, Session};
use asa_planner::view::graph_model::{self, GraphModel, PickAs};
use asa_planner::view::runbook::hop_runbook;
use asa_planner::view::{graph_svg, plan_html, release_list, release_options, runbook_html};
use util::{r, select, session, values};

fn model_of(s: &Session) -> GraphModel {
    graph_model::build(s, false)
}

/// The drawn releases, in the layout's order.
fn drawn(model: &GraphModel) -> Vec<String> {
    model
        .layout
        .nodes
        .iter()
        .map(|n| n.release.to_string())
        .collect()
}

#[test]
fn the_canvas_draws_every_release_once_and_the_plan_edges() {
    let s = session("from=8.2(5)&to=9.1(7)&rules=table-81-1");
    let model = model_of(&s);
    let canvas = graph_svg::canvas(&model);
    let drawn = drawn(&model);
    assert_eq!(values(&canvas, "data-release"), drawn);
    let mut ids = values(&canvas, "id");
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "node ids are unique");
    let plan: Vec<(String, String)> = s
        .hops()
        .iter()
        .map(|h| (h.from.to_string(), h.to.to_string()))
        .collect();
    assert_eq!(select(&canvas, "[data-on-plan=\"\"]").len(), plan.len());
    let froms = values(&canvas, "data-edge-from");
    let tos = values(&canvas, "data-edge-to");
    for (from, to) in &plan {
        assert!(
            froms.iter().zip(&tos).any(|(f, t)| f == from && t == to),
            "plan edge {from} → {to}"
        );
    }
    // The requested direct hop is drawn blocked, its reason in its tooltip (and beside the
    // graph, not over it: no text but the node labels and train headers).
    assert_eq!(select(&canvas, "[data-blocked=\"\"]").len(), 1);
    assert!(canvas.contains(
        "<title>Direct hop blocked: 8.2 is not the last minor release of 8.x (8.4 is)</title>"
    ));
    assert_eq!(
        select(&canvas, "text").len(),
        model.layout.nodes.len() + model.layout.columns.len()
    );
}

#[test]
fn a_column_is_drawn_around_zero_and_keeps_its_markup_when_a_train_to_its_left_goes() {
    // The page rewrites only the columns whose markup changed: switching off a train that no
    // plan crosses must leave every other column's markup as it was, only moved.
    let all = session("from=9.8(4)&to=9.12(4)&trains=9.6,9.7,9.8,9.9,9.10,9.12");
    let fewer = session("from=9.8(4)&to=9.12(4)&trains=9.6,9.8,9.9,9.10,9.12");
    let (a, b) = (
        graph_svg::canvas_parts(&model_of(&all), 0..usize::MAX),
        graph_svg::canvas_parts(&model_of(&fewer), 0..usize::MAX),
    );
    assert_eq!(a.columns.len(), b.columns.len() + 1);
    let column = |parts: &graph_svg::CanvasParts, train: &str| {
        let c = parts
            .columns
            .iter()
            .find(|c| c.train.to_string() == train)
            .unwrap_or_else(|| panic!("column {train}"));
        (c.x, c.markup.clone())
    };
    for train in ["9.6", "9.8", "9.9", "9.10", "9.12"] {
        let ((xa, ma), (xb, mb)) = (column(&a, train), column(&b, train));
        assert_eq!(ma, mb, "column {train} redrawn");
        if train != "9.6" {
            assert!(xb < xa, "column {train} moved left");
        }
    }
    // Drawn around x = 0, rows counted within the column.
    let (_, nine_eight) = column(&a, "9.8");
    assert!(values(&nine_eight, "x")
        .iter()
        .all(|x| x.starts_with('-') || *x == "0"));
    let rows = values(&nine_eight, "data-row");
    assert_eq!(rows.first().map(String::as_str), Some("0"));
    assert_eq!(rows.len(), values(&nine_eight, "data-release").len());
}

#[test]
fn a_large_graph_is_drawn_a_window_of_columns_around_the_view() {
    // 2,000 releases in trains of 20: 100 columns; the built-in catalog is always drawn whole.
    let list: Vec<String> = (0..2000)
        .map(|i| {
            let train = i / 20;
            format!("{}.{}({})", 1 + train / 20, train % 20, i % 20 + 1)
        })
        .collect();
    // (Too long for a link: the query is built as the page builds it from a pasted list.)
    let query = PlanQuery {
        releases: Some(list),
        ..PlanQuery::default()
    };
    let big = model_of(&analyse(&query));
    let layout = &big.layout;
    assert_eq!(layout.columns.len(), 100);
    // The column under each x, clamped at both ends.
    assert_eq!(layout.column_at(0.0), 0);
    assert_eq!(layout.column_at(layout.columns[57].x), 57);
    assert_eq!(layout.column_at(layout.width * 2.0), 99);
    let window = graph_svg::WINDOW_COLUMNS;
    assert_eq!(graph_svg::drawn_columns(layout, 0), 0..window);
    assert_eq!(
        graph_svg::drawn_columns(layout, 50),
        50 - graph_svg::WINDOW_BEFORE..50 - graph_svg::WINDOW_BEFORE + window
    );
    assert_eq!(graph_svg::drawn_columns(layout, 99), 100 - window..100);
    // Only the window's columns are written, each with its index in the layout.
    let parts = graph_svg::canvas_parts(&big, graph_svg::drawn_columns(layout, 50));
    let indexes: Vec<usize> = parts.columns.iter().map(|c| c.index).collect();
    assert_eq!(indexes, (42..74).collect::<Vec<_>>());
    assert_eq!(
        parts.columns[0].markup,
        graph_svg::canvas_parts(&big, 42..43).columns[0].markup
    );
    let small = graph_model::build(&session("from=8.2(5)&to=9.1(7)&interim=1"), true);
    let all = small.layout.columns.len();
    assert!(small.layout.nodes.len() > 600);
    assert_eq!(graph_svg::drawn_columns(&small.layout, all - 1), 0..all);
}

#[test]
fn the_legal_layer_draws_exactly_the_judged_hops() {
    let s = session("from=8.2(5)&to=9.1(7)&rules=table-81-1");
    let model = model_of(&s);
    for from in ["8.4(7)", "8.2(5)", "9.0(4)", "9.1(7)"] {
        let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r(from)), None);
        let expected: Vec<String> = model
            .layout
            .nodes
            .iter()
            .filter(|n| judge(&s.catalog, r(from), n.release).is_ok())
            .map(|n| n.release.to_string())
            .collect();
        assert_eq!(
            values(&layer, "data-edge-to"),
            expected,
            "legal hops from {from}"
        );
        assert!(values(&layer, "data-edge-from").iter().all(|f| *f == from));
        assert_eq!(select(&layer, "[data-legal=\"\"]").len(), expected.len());
    }
    assert_eq!(graph_svg::legal_layer(&model, &s.catalog, None, None), "");
    let ring = graph_svg::legal_layer(&model, &s.catalog, None, Some(0));
    assert!(ring.starts_with("<rect class=\"legal-layer-cursor\""));
}

/// Audit 3, item 4 (SPEC §9: highlighted legal hops carry `data-legal`, with `data-edge-from`
/// and `data-edge-to`; §7: hovering any release highlights its legal hops): under the 9.x
/// guidance too, every legal hop of the hovered release is one `[data-legal]` element. The
/// hops landing on 7.x/8.x and the direct hop to each train's newest reachable release are
/// edges; the direct hops to a train's other releases are their rings.
#[test]
fn under_the_9x_guidance_every_legal_hop_carries_the_legal_hooks() {
    let s = session("from=8.2(5)&to=9.1(7)");
    let model = model_of(&s);
    assert_eq!(model.rules, RuleSet::Guide9x);
    // The nodes are in release order, so the last legal one of a train is its newest.
    assert!(model
        .layout
        .nodes
        .windows(2)
        .all(|w| w[0].release < w[1].release));
    for from in ["8.2(5)", "7.0(1)", "8.3(2)", "8.4(7)", "9.0(4)", "9.8(4)"] {
        let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r(from)), None);
        let mut legal = Vec::new();
        let mut newest_direct: Vec<(Train, String)> = Vec::new();
        let mut not_direct = Vec::new();
        for n in &model.layout.nodes {
            if let Ok(rule) = judge_guide(&s.catalog, r(from), n.release) {
                legal.push(n.release.to_string());
                if rule == Rule::Direct {
                    newest_direct.retain(|(t, _)| *t != n.release.train());
                    newest_direct.push((n.release.train(), n.release.to_string()));
                } else {
                    not_direct.push(n.release.to_string());
                }
            }
        }
        assert!(!legal.is_empty(), "{from} has legal hops");
        let hooked = select(&layer, "[data-legal=\"\"]");
        let mut to: Vec<String> = hooked
            .iter()
            .map(|e| e.get("data-edge-to").to_string())
            .collect();
        to.sort_by_key(|t| r(t));
        assert_eq!(to, legal, "the legal hops of {from}, each once");
        assert!(hooked.iter().all(|e| e.get("data-edge-from") == from));
        assert!(hooked.iter().all(|e| !e.get("data-rule").is_empty()));
        // The edges: every hop that is not direct, and one direct hop per train.
        let mut edges: Vec<String> = select(&layer, "path[data-legal]")
            .iter()
            .map(|e| e.get("data-edge-to").to_string())
            .collect();
        edges.sort_by_key(|t| r(t));
        let mut expected: Vec<String> = not_direct
            .iter()
            .cloned()
            .chain(newest_direct.iter().map(|(_, newest)| newest.clone()))
            .collect();
        expected.sort_by_key(|t| r(t));
        assert_eq!(edges, expected, "the edges drawn from {from}");
        // Every reachable release keeps its ring.
        assert_eq!(values(&layer, "data-reachable"), legal, "{from}");
    }
    // 8.2(5) reaches only its own train and 8.3 (Table 81-1's hops): all of them edges.
    let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r("8.2(5)")), None);
    let edges: Vec<String> = select(&layer, "path[data-legal]")
        .iter()
        .map(|e| format!("{} {}", e.get("data-edge-to"), e.get("data-rule")))
        .collect();
    assert!(edges.contains(&"8.3(2) minor".to_string()), "{edges:?}");
    assert!(select(&layer, "rect[data-legal]").is_empty());
    // From 9.0(4) a hundred releases are legal, a couple of dozen edges are drawn.
    let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r("9.0(4)")), None);
    let drawn = select(&layer, "path[data-legal]").len();
    assert!(drawn <= s.catalog.trains().len(), "{drawn} edges");
    assert!(select(&layer, "[data-legal]").len() > drawn);
}

#[test]
fn under_the_9x_guidance_the_hover_layer_rings_reachable_releases_and_draws_exceptions() {
    let s = session("from=8.2(5)&to=9.1(7)&rules=guide-9x");
    let model = model_of(&s);
    assert_eq!(model.rules, RuleSet::Guide9x);
    let canvas = graph_svg::canvas(&model);
    assert_eq!(select(&canvas, "[data-on-plan=\"\"]").len(), 3);
    assert!(canvas.contains(
        "blocked: releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration \
         migrations)"
    ));
    for from in ["8.4(7)", "8.2(5)", "9.1(1)", "9.8(4)"] {
        let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r(from)), None);
        let (mut reachable, mut excepted) = (Vec::new(), Vec::new());
        for n in &model.layout.nodes {
            match judge_guide(&s.catalog, r(from), n.release) {
                Ok(_) => reachable.push(n.release.to_string()),
                Err(Block::Exception { .. }) => excepted.push(n.release.to_string()),
                Err(_) => {}
            }
        }
        assert_eq!(values(&layer, "data-reachable"), reachable, "{from}");
        let to_excepted: Vec<String> = select(&layer, "[data-excepted=\"\"]")
            .iter()
            .map(|e| e.get("data-edge-to").to_string())
            .collect();
        assert_eq!(to_excepted, excepted, "{from}");
        assert!(values(&layer, "data-edge-from").iter().all(|f| *f == from));
    }
    let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r("8.4(7)")), None);
    let to_excepted: Vec<String> = select(&layer, "[data-excepted]")
        .iter()
        .map(|e| e.get("data-edge-to").to_string())
        .collect();
    assert_eq!(to_excepted, ["9.0(2)", "9.1(2)"]);
    assert_eq!(
        values(&layer, "data-exception"),
        ["cscug88962", "cscug88962"]
    );
    assert!(layer.contains(
        "<title>Blocked: no zero-downtime upgrade to 9.0(2) (CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the zero-downtime landings instead</title>"
    ));
    // The legend explains both.
    let legend = asa_planner::view::legend::html();
    assert!(
        legend.contains("class=\"legal-layer-reachable\""),
        "{legend}"
    );
    assert!(
        legend.contains("class=\"release-graph-edge is-excepted\""),
        "{legend}"
    );
    // The list view follows the same rule set.
    let words = release_list::legal_words(&s.catalog, &model, r("9.20(3)"));
    assert!(words.starts_with("direct: "), "{words}");
    assert!(!words.contains("maintenance"), "{words}");
}

/// The corners of an excepted edge's way across columns, read from its `d`
/// (`M x y H x V y H x V y H x`, see `graph_svg::edge_path`); `None` for a curve.
fn lane_corners(d: &str) -> Option<Vec<(i64, i64)>> {
    if d.contains('C') {
        return None;
    }
    let n: Vec<i64> = d
        .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap_or_else(|_| panic!("{d}")))
        .collect();
    let [sx, ya, g1, lane, g2, yb, ex] = n[..] else {
        panic!("not a way across columns: {d}")
    };
    Some(vec![
        (sx, ya),
        (g1, ya),
        (g1, lane),
        (g2, lane),
        (g2, yb),
        (ex, yb),
    ])
}

/// One whole pixel of a way: its distance from the way's start, where it starts and ends.
type WayPixel = (i64, (i64, i64), (i64, i64));

/// Each whole pixel of a way, from its start.
fn way_pixels(corners: &[(i64, i64)]) -> Vec<WayPixel> {
    let mut out = Vec::new();
    let mut at = 0;
    for pair in corners.windows(2) {
        let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
        let (dx, dy) = ((x1 - x0).signum(), (y1 - y0).signum());
        for i in 0..(x1 - x0).abs() + (y1 - y0).abs() {
            let from = (x0 + dx * i, y0 + dy * i);
            out.push((at, from, (from.0 + dx, from.1 + dy)));
            at += 1;
        }
    }
    out
}

/// With interim builds shown, a release before 8.4 has about 500 excepted edges, nearly all of
/// their way the same (out of its box, along the lane, down beside a column). The browser
/// dashes each edge once per tile it crosses, which cost 0.2–0.9 s a hover: so an edge whose
/// way was drawn already is dashed only from where it leaves the ways before it. The picture
/// is the same: every pixel it skips is, at the same distance from the hovered release (the
/// same place in the dash pattern), a pixel of an edge before it; its own dashes are the
/// stylesheet's, in step; the hooks are every excepted hop's, as before.
#[test]
fn excepted_edges_dash_a_shared_way_once_and_draw_the_same_dashes() {
    let s = session("from=8.2(5)&to=9.1(7)&interim=1");
    let model = graph_model::build(&s, true);
    let (on, off) = graph_svg::EXCEPTED_DASH;
    let period = on + off;
    for from in ["7.0(1)", "8.2(5)", "8.4(3)4", "9.1(1)2"] {
        let layer = graph_svg::legal_layer(&model, &s.catalog, Some(r(from)), None);
        let edges = select(&layer, "path[data-excepted]");
        let expected: Vec<String> = model
            .layout
            .nodes
            .iter()
            .filter(|n| {
                matches!(
                    judge_guide(&s.catalog, r(from), n.release),
                    Err(Block::Exception { .. })
                )
            })
            .map(|n| n.release.to_string())
            .collect();
        let to: Vec<&str> = edges.iter().map(|e| e.get("data-edge-to")).collect();
        assert_eq!(to, expected, "the excepted hops of {from}");
        assert!(edges.len() > 100, "{from}: {} excepted edges", edges.len());
        // The first edge to stroke each pixel at each distance from the start.
        let mut first: std::collections::HashMap<WayPixel, usize> =
            std::collections::HashMap::new();
        let (mut whole, mut dashed) = (0, 0);
        for (k, e) in edges.iter().enumerate() {
            let Some(corners) = lane_corners(e.get("d")) else {
                assert!(!e.has("stroke-dasharray"), "a curve is dashed whole");
                continue;
            };
            let pixels = way_pixels(&corners);
            let length = pixels.len() as i64;
            let skip = match e.attr("stroke-dasharray") {
                None => 0,
                Some(dash) => {
                    let v: Vec<i64> = dash.split(' ').map(|t| t.parse().unwrap()).collect();
                    assert_eq!(v[0], 0, "{dash}");
                    assert_eq!(v[1] % period, 0, "{from}: skips whole patterns: {dash}");
                    assert!(v[2..].chunks(2).all(|p| p == [on, off]), "{dash}");
                    let patterns = (v.len() as i64 - 2) / 2;
                    assert!(v[1] + patterns * period >= length, "dashed to its end");
                    v[1]
                }
            };
            for pixel in &pixels {
                let by = *first.entry(*pixel).or_insert(k);
                if pixel.0 < skip {
                    assert!(
                        by < k,
                        "{from} → {}: pixel {pixel:?} skipped but not drawn before",
                        e.get("data-edge-to")
                    );
                }
            }
            whole += length;
            dashed += length - skip;
        }
        assert!(
            dashed * 10 < whole,
            "{from}: dashes {dashed} of {whole} pixels of way"
        );
    }
}

/// The page writes the layer without the excepted edges' titles, then puts each into its
/// edge: the layer ends as `legal_layer` writes it.
#[test]
fn the_hover_layer_apart_is_the_layer_with_its_titles_apart() {
    let s = session("from=8.2(5)&to=9.1(7)&interim=1");
    let model = graph_model::build(&s, true);
    let table = session("from=8.2(5)&to=9.1(7)&rules=table-81-1");
    let table_model = model_of(&table);
    let cases = [
        (&s, &model, "7.0(1)", Some(3)),
        (&s, &model, "8.4(7)", None),
        (&s, &model, "9.12(4)", Some(600)),
        (&table, &table_model, "8.2(5)", Some(1)),
    ];
    for (s, model, from, cursor) in cases {
        let whole = graph_svg::legal_layer(model, &s.catalog, Some(r(from)), cursor);
        let apart = graph_svg::legal_layer_apart(model, &s.catalog, Some(r(from)), cursor);
        let mut spliced = String::new();
        let mut rest = apart.markup.as_str();
        for title in &apart.titles {
            let at = rest
                .find(" data-excepted=\"\"")
                .and_then(|i| rest[i..].find("></path>").map(|j| i + j + 1))
                .expect("an excepted edge per title");
            spliced.push_str(&rest[..at]);
            spliced.push_str("<title>");
            let mut escaped = String::new();
            asa_planner::view::markup::escape(&mut escaped, title);
            spliced.push_str(&escaped);
            spliced.push_str("</title>");
            rest = &rest[at..];
        }
        spliced.push_str(rest);
        assert_eq!(spliced, whole, "{from}");
        assert_eq!(
            apart.titles.len(),
            select(&whole, "[data-excepted]").len(),
            "{from}"
        );
        // The excepted edges come first: the page puts the i-th title into the i-th element.
        let first: Vec<String> = select(&apart.markup, "path, rect")
            .iter()
            .take(apart.titles.len())
            .map(|e| e.get("class").to_string())
            .collect();
        assert!(
            first.iter().all(|c| c == "release-graph-edge is-excepted"),
            "{from}"
        );
    }
}

/// The excepted edges' dashes are written twice: in the stylesheet, and by `graph_svg` for an
/// edge dashed from where its way leaves the others'.
#[test]
fn the_stylesheet_dashes_excepted_edges_as_graph_svg_does() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/app.css"))
        .expect("styles/app.css");
    let (on, off) = graph_svg::EXCEPTED_DASH;
    let rule = ".release-graph-edge.is-excepted:not([stroke-dasharray]) {";
    let body = &css[css.find(rule).expect(rule) + rule.len()..];
    let body = &body[..body.find('}').expect("the rule's end")];
    assert_eq!(body.trim(), format!("stroke-dasharray: {on} {off};"));
}

#[test]
fn runbook_steps_escape_typed_names_and_number_their_copy_buttons() {
    let images = HopImages {
        server: "10.0.0.1\"><img src=x onerror=alert(1)>".into(),
        old_image: "old<b>.bin".into(),
        new_image: "new`&.bin".into(),
        asdm_image: "asdm<i>.bin".into(),
    };
    let hop = HopSpec::both(r("8.2(5)"), r("8.3(2)"));
    let runbook = hop_runbook(Setup::default(), &hop, &images);
    let html = runbook_html::steps(&runbook, 2);
    assert!(
        !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"),
        "{html}"
    );
    assert!(html.contains("10.0.0.1&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("new`&amp;.bin"));
    // One copy button per block: each step's commands, its further blocks, each check's
    // commands, each rollback block, the final check.
    let blocks = runbook
        .prechecks
        .iter()
        .chain(&runbook.steps)
        .map(|s| {
            usize::from(!s.commands.is_empty())
                + s.blocks.iter().filter(|b| !b.commands.is_empty()).count()
                + s.rollback.iter().filter(|b| !b.commands.is_empty()).count()
                + s.check
                    .as_ref()
                    .map_or(0, |c| usize::from(!c.commands.is_empty()))
        })
        .sum::<usize>()
        + 1;
    let labels = values(&html, "aria-label");
    let copy_labels = labels.iter().filter(|l| l.starts_with("Copy ")).count();
    assert_eq!(copy_labels, blocks);
    assert!(labels
        .iter()
        .any(|l| l == "Copy the commands of step 1 of hop 2"));
    // One tick box per pre-check, step and rollback block, addressed by hop and step id.
    let boxes = runbook.prechecks.len()
        + runbook.steps.len()
        + runbook
            .steps
            .iter()
            .map(|s| s.rollback.len())
            .sum::<usize>();
    assert_eq!(
        select(&html, "input[type=checkbox][data-step-done]").len(),
        boxes
    );
    assert_eq!(
        labels.iter().filter(|l| l.starts_with("Done: ")).count(),
        boxes
    );
    assert!(html.contains("data-hop=\"2\" data-step=\"1\" aria-label=\"Done: step 1 of hop 2\""));
    assert!(html.contains("data-hop=\"2\" data-step=\"pre1\""));
    assert_eq!(labels.len(), blocks + boxes);
    assert_eq!(select(&html, "[data-copy=\"\"]").len(), blocks);
    assert_eq!(select(&html, "pre[data-unit]").len(), blocks);
    // The point of no return is a numbered step of its own (the second reload, step 5).
    assert!(html.contains(
        "<li value=\"5\" data-step-unit=\"active\" class=\"hop-runbook-no-return\" data-no-return=\"\">"
    ));
    assert_eq!(select(&html, "[data-no-return]").len(), 1);
    // The ASDM image is staged like the ASA image (escaped).
    assert!(html.contains("copy /noconfirm tftp://10.0.0.1&quot;"));
    assert!(html.contains("asdm&lt;i&gt;.bin disk0:/asdm&lt;i&gt;.bin"));
}

#[test]
fn the_list_view_names_every_release_with_its_pick_buttons() {
    let s = session("from=9.1(7)&to=9.3(3)");
    let model = model_of(&s);
    let html = release_list::lists(&s.catalog, &model);
    let drawn = drawn(&model);
    assert_eq!(values(&html, "data-list-release"), drawn);
    let ids = values(&html, "id");
    assert_eq!(ids.len(), 2 * drawn.len());
    assert!(ids.contains(&release_list::pick_button_id(r("9.3(3)"), PickAs::Target)));
    assert!(html.contains("9.3(3)</span> (target, on the plan)"));
    assert!(html.contains("aria-label=\"Set 9.1(7) as current\""));
}

#[test]
fn a_hop_lists_its_landing_choices_with_the_chosen_one_selected() {
    let choices = [
        (r("9.0(1)"), false),
        (r("9.0(2)"), true),
        (r("9.0(4)"), false),
    ];
    let options = plan_html::choice_options(&choices, r("9.0(4)"));
    assert_eq!(
        options,
        "<option value=\"2\" selected>9.0(4)</option>\
         <option value=\"1\">9.0(2) (withdrawn)</option>\
         <option value=\"0\">9.0(1)</option>"
    );
    let s = session("from=8.2(5)&to=8.3(2)");
    let text = plan_html::hop_text(&s.hops()[0], s.hop_facts.first());
    assert!(text.starts_with("<span class=\"plan-hop-releases\">8.2(5) → 8.3(2)</span>"));
    assert!(text.contains("data-caveat-release=\"8.3(1)\""));
    assert!(text.contains("8.3 rewrites NAT and access lists"));
    assert!(text.contains("href=\"https://www.cisco.com/c/en/us/td/docs/security/asa/asa83/upgrading/migrating.epub\""));
}

#[test]
fn suggestions_come_from_the_catalog_in_use() {
    let s = session("from=9.1(7)&to=9.3(3)&releases=9.1(7),9.2(4),9.3(3)");
    assert_eq!(
        release_options::datalist("release-options", &s.catalog, None),
        "<datalist id=\"release-options\"><option value=\"9.3(3)\"><option value=\"9.2(4)\">\
         <option value=\"9.1(7)\"></datalist>"
    );
}

/// SPEC §5.1: a model's releases only. The ASA 5525-X runs 8.6 to 9.14, without 8.7: no
/// suggestion names a release it would refuse.
#[test]
fn suggestions_leave_out_what_the_chosen_model_does_not_run() {
    use asa_planner::domain::platform::Platform;
    let s = session("from=9.8(4)&to=9.12(4)&platform=asa5525x");
    let all = release_options::datalist("x", &s.base, None);
    let model = release_options::datalist("x", &s.base, Some(Platform::Asa5525x));
    assert!(all.contains("value=\"9.20(3)\"") && all.contains("value=\"8.2(5)\""));
    for refused in ["9.16(4)", "9.20(3)", "8.2(5)", "8.7(1)"] {
        assert!(
            !model.contains(&format!("value=\"{refused}\"")),
            "{refused}"
        );
    }
    for kept in ["9.14(4)", "9.8(4)", "8.6(1)"] {
        assert!(model.contains(&format!("value=\"{kept}\"")), "{kept}");
    }
}

#[test]
fn the_other_rule_sets_answer_is_said_beside_the_plan() {
    let s = session("from=9.8(4)&to=9.20(3)");
    assert_eq!(
        asa_planner::view::words::other_rules(&s).as_deref(),
        Some(
            "Under Table 81-1 of Cisco's 8.x configuration guide: 11 hops (9.8(4) → 9.9(2)85 → \
             9.10(1) → 9.12(4) → 9.13(1) → 9.14(4) → 9.15(1)21 → 9.16(4) → 9.17(1) → 9.18(4) → \
             9.19(1) → 9.20(3))."
        )
    );
    let s = session("from=9.8(4)&to=9.20(3)&rules=table-81-1");
    assert_eq!(
        asa_planner::view::words::other_rules(&s).as_deref(),
        Some("Under Cisco's guidance by release era: 1 hop (9.8(4) → 9.20(3)).")
    );
    let s = session("from=8.4(5)&to=9.0(2)&rules=table-81-1");
    let said = asa_planner::view::words::other_rules(&s).unwrap_or_default();
    assert!(
        said.starts_with("Under Cisco's guidance by release era: no zero-downtime path (")
            && said.contains("CSCug88962"),
        "{said}"
    );
    assert_eq!(
        asa_planner::view::words::other_rules(&session("from=9.8(4)")),
        None
    );
}

/// Audit 3, item 3: the other rule set's answer beside the verdict carries what qualifies it,
/// as the verdict under that rule set would: trains switched off that it passes over (SPEC §4:
/// `trains=8.2,9.1` never reads as a plain one-hop upgrade) and the hops Cisco later said are
/// not zero-downtime (SPEC §3.3: `9.1(1) → 9.1(7)` never reads as a plain upgrade).
#[test]
fn the_other_rule_sets_answer_keeps_its_caveats() {
    use asa_planner::view::words::{other_rules, verdict};
    let s = session("from=8.2(5)&to=9.1(7)&trains=8.2,9.1");
    assert_eq!(
        other_rules(&s).as_deref(),
        Some(
            "Under Table 81-1 of Cisco's 8.x configuration guide: 1 hop (8.2(5) → 9.1(7)); \
             holds only if 8.3, 8.4 and 9.0 do not exist for your platform."
        )
    );
    // The same words as the verdict under Table 81-1 itself.
    let table = session("from=8.2(5)&to=9.1(7)&trains=8.2,9.1&rules=table-81-1");
    assert!(
        verdict(&table)
            .contains("It holds only if 8.3, 8.4 and 9.0 do not exist for your platform."),
        "{}",
        verdict(&table)
    );
    let s = session("from=9.1(1)&to=9.1(7)");
    assert_eq!(
        other_rules(&s).as_deref(),
        Some(
            "Under Table 81-1 of Cisco's 8.x configuration guide: 1 hop (9.1(1) → 9.1(7)), but \
             Cisco later said this hop is not zero-downtime (CSCuh25271)."
        )
    );
    let s = session("from=8.4(5)&to=9.0(2)");
    assert_eq!(
        other_rules(&s).as_deref(),
        Some(
            "Under Table 81-1 of Cisco's 8.x configuration guide: 1 hop (8.4(5) → 9.0(2)), but \
             Cisco later said this hop is not zero-downtime (CSCug88962)."
        )
    );
    // Among several hops, the one Cisco doubts is named.
    let s = session("from=8.4(5)&to=9.1(2)");
    let said = other_rules(&s).unwrap_or_default();
    assert_eq!(
        said,
        "Under Table 81-1 of Cisco's 8.x configuration guide: 2 hops (8.4(5) → 9.0(4) → \
         9.1(2)), but Cisco later said hop 2 is not zero-downtime (CSCug88962)."
    );
    // A plain answer stays plain.
    let s = session("from=8.2(5)&to=9.1(7)");
    assert_eq!(
        other_rules(&s).as_deref(),
        Some(
            "Under Table 81-1 of Cisco's 8.x configuration guide: 4 hops (8.2(5) → 8.3(2) → \
             8.4(7) → 9.0(4) → 9.1(7))."
        )
    );
}

/// Audit 3, item 8 (SPEC §4, §11): an intermediate chosen by hand that the rules block is
/// named as the cause of the no-path, with the hop it blocks and the plan without it.
#[test]
fn a_chosen_intermediate_that_blocks_is_named_as_the_cause() {
    use asa_planner::view::words::{direct_blocked, verdict};
    let s = session("from=8.2(5)&to=9.1(7)&via=8.4(6)");
    assert_eq!(s.verdict, asa_planner::domain::plan::Verdict::NoPath);
    assert_eq!(
        verdict(&s),
        "No zero-downtime path from 8.2(5) to 9.1(7) through the release chosen by hand, 8.4(6): \
         8.3(2) → 8.4(6) is blocked: no zero-downtime upgrade to 8.4(6) (CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the zero-downtime landings instead. With the recommended \
         releases the plan has 3 hops: use them, or choose another release to land on."
    );
    // The direct hop's own reason stays beside the graph.
    assert!(direct_blocked(&s).is_some_and(|d| d.contains("releases before 8.4")));
    // Under the plan, with the other via messages.
    let said: Vec<&str> = s
        .messages
        .iter()
        .filter(|m| m.origin == asa_planner::domain::session::Origin::Via)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(
        said,
        [
            "the release chosen by hand, 8.4(6), leaves no zero-downtime path (8.3(2) → 8.4(6) is \
          blocked: no zero-downtime upgrade to 8.4(6) (CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the zero-downtime landings instead); the recommended releases give 3 hops: use \
          them, or choose another release"
        ]
    );
    // Under Table 81-1 the same pin plans (legal by the table, Cisco's caveat on it).
    let t = session("from=8.2(5)&to=9.1(7)&via=8.4(6)&rules=table-81-1");
    assert_eq!(t.verdict, asa_planner::domain::plan::Verdict::Ok);
    // A pin that plans says nothing of the kind; without a pin the reason is the exception's.
    let ok = session("from=8.2(5)&to=9.1(7)&via=8.4(5)");
    assert_eq!(ok.verdict, asa_planner::domain::plan::Verdict::Ok);
    let none = session("from=8.4(5)&to=9.0(2)");
    assert!(verdict(&none).contains("CSCug88962") && !verdict(&none).contains("chosen by hand"));
}

/// Audit 3, item 7 (SPEC §8: a bad value shows an error banner): what is wrong with a link's
/// train set or via picks is said for the banner, not only beside the trains or under the plan.
#[test]
fn bad_trains_and_via_values_of_a_link_are_said_for_the_banner() {
    use asa_planner::view::words::link_value_problems;
    let said = |fragment: &str| {
        let q: PlanQuery = fragment.parse().unwrap();
        link_value_problems(&analyse(&q), q.trains.is_some())
    };
    assert_eq!(
        said("from=8.2(5)&to=9.1(7)&trains=9.99"),
        [
            "trains: no train of the catalog is in the list, so every train is switched off and \
             nothing can be planned: switch trains on, or use the preset's trains",
            "trains: train 9.99 not in the catalog: ignored",
        ]
    );
    assert_eq!(
        said("from=8.2(5)&to=9.1(7)&trains="),
        [
            "trains: no train of the catalog is in the list, so every train is switched off and \
          nothing can be planned: switch trains on, or use the preset's trains"
        ]
    );
    assert_eq!(
        said("from=8.2(5)&to=9.1(7)&trains=8.2,8.3,8.4,9.0,9.1,9.99"),
        ["trains: train 9.99 not in the catalog: ignored"]
    );
    let via = said("from=8.2(5)&to=9.1(7)&via=banana");
    assert_eq!(via.len(), 1);
    assert!(
        via[0].starts_with("via \"banana\" is not used: "),
        "{via:?}"
    );
    assert_eq!(
        said("from=8.2(5)&to=9.1(7)&via=9.5(1)"),
        ["via 9.5(1) is not used: 9.5(1) is not between 8.2(5) and 9.1(7)"]
    );
    // Good values say nothing.
    assert!(said("from=8.2(5)&to=9.1(7)&trains=8.2,8.3,8.4,9.0,9.1&via=8.4(7)").is_empty());
    assert!(said("from=8.2(5)&to=9.1(7)").is_empty());
}

/// The page's controls take their words from `words::page`, with the release and the train
/// worded as everywhere else, and the trains' fold says which of its three cases holds.
#[test]
fn the_pages_controls_word_releases_and_the_trains_fold() {
    use asa_planner::view::words::page;
    let release = r("9.12(4)");
    assert_eq!(page::set_as_current(release), "Set 9.12(4) as current");
    assert_eq!(page::set_as_target(release), "Set 9.12(4) as target");
    assert_eq!(
        page::land_on_label(release.train()),
        "Release of 9.12 to land on"
    );
    assert_eq!(
        page::override_unused(release, "not on the path"),
        "Override 9.12(4) not used: not on the path"
    );
    assert_eq!(
        page::trains_summary(30, 34, false, false),
        "Trains: 30 of 34 on (as the preset)"
    );
    assert_eq!(
        page::trains_summary(29, 34, false, true),
        "Trains: 29 of 34 on (modified by hand)"
    );
    // A custom list's trains win over a hand-made set.
    assert_eq!(
        page::trains_summary(3, 3, true, true),
        "Trains: 3 of 3 on (the trains of your list)"
    );
}

/// SPEC §3.3 and §3.2 item 2: a hop Cisco later said is not zero-downtime (legal by Table 81-1
/// only: the command line exits 1) hands out no standby-first runbook: the page and the
/// Markdown write a stop in its place that points to the outage plan, and no command block.
#[test]
fn a_hop_cisco_said_is_not_zero_downtime_gets_a_stop_instead_of_steps() {
    use asa_planner::view::export::{markdown, Extras};
    let fragment = "from=9.1(1)&to=9.1(7)&rules=table-81-1";
    let page = util::runbook_markup(fragment);
    let hop = util::one(&page, "section[data-runbook-hop=\"1\"]");
    assert_eq!(hop.attr("data-steps"), Some("0"), "{page}");
    let stop = util::one(&page, "section[data-runbook-hop=\"1\"] [data-runbook-stop]");
    assert!(
        stop.text
            .starts_with("Stop: Cisco later said this hop (9.1(1) → 9.1(7)) is not zero-downtime")
            && stop.text.contains("outage plan"),
        "{}",
        stop.text
    );
    assert!(
        select(&page, "section[data-runbook-hop] pre[data-unit]").is_empty(),
        "{page}"
    );
    assert!(!page.contains("failover reload-standby"), "{page}");
    let s = session(fragment);
    let md = markdown(&s, &Extras::default(), "#x");
    assert!(!md.contains("failover reload-standby"), "{md}");
    assert!(
        md.contains("**Stop: Cisco later said this hop (9.1(1) → 9.1(7)) is not zero-downtime"),
        "{md}"
    );
    assert!(md.contains("Outage plan (not zero-downtime)"), "{md}");
    // A plan Cisco did not doubt keeps its steps.
    let page = util::runbook_markup("from=9.1(7)&to=9.8(4)");
    assert!(select(&page, "[data-runbook-stop]").is_empty());
    assert!(page.contains("failover reload-standby"));
}

/// A typed name the commands leave out stays in its field as typed, and the panel says why.
#[test]
fn unused_names_are_said_and_kept_in_their_fields() {
    use asa_planner::domain::runbook::hop_images;
    use asa_planner::view::runbook_html::{image_values, names_message};
    let typed = vec![("9.12(4)".to_owned(), "asa 9.bin".to_owned())];
    let message = names_message("10.0.0.5\nreload", &typed);
    assert!(
        message.contains("The TFTP server '10.0.0.5U+000Areload'"),
        "{message}"
    );
    assert!(
        message.contains("The image of 9.12(4) 'asa 9.bin' holds a blank"),
        "{message}"
    );
    assert!(names_message("10.0.0.5", &[]).is_empty());
    // A name for another release (typed, or from `img=9.12(4):asa821-k8.bin`) is used and said.
    let other = vec![("9.12(4)".to_owned(), "asa821-k8.bin".to_owned())];
    assert_eq!(
        names_message("", &other),
        "The image of 9.12(4) 'asa821-k8.bin' reads as release 8.2(1), not 9.12(4): check it is \
         the file you mean (a renamed file?); the commands use it as typed."
    );
    assert!(
        names_message("", &[("9.12(4)".to_owned(), "notes.txt".to_owned())])
            .contains("'notes.txt' names no release and has no image file ending")
    );
    assert!(names_message(
        "",
        &[("9.12(4)".to_owned(), "asa9-12-4-smp-k8.bin".to_owned())]
    )
    .is_empty());
    // The ASA and ASDM names swapped: both said in the panel.
    let swapped = names_message(
        "",
        &[
            ("9.12(4)".to_owned(), "asdm-7181.bin".to_owned()),
            ("asdm 9.12(4)".to_owned(), "asa9-12-4-smp-k8.bin".to_owned()),
        ],
    );
    assert!(
        swapped.contains("'asdm-7181.bin' reads as an ASDM image, not an ASA image")
            && swapped.contains("'asa9-12-4-smp-k8.bin' reads as the ASA image of 9.12(4)"),
        "{swapped}"
    );
    let query: asa_planner::domain::query::PlanQuery =
        "from=9.8(4)&to=9.12(4)".parse().expect("a link");
    let session = asa_planner::domain::session::analyse(&query);
    let images = hop_images(session.hops(), "", &typed, None);
    assert_ne!(images[0].new_image, "asa 9.bin");
    let values = image_values(session.hops(), &images, &typed);
    assert!(
        values.contains(&("image-new-1".to_owned(), "asa 9.bin".to_owned())),
        "{values:?}"
    );
}

/// The minutes field says why a value gives no estimate in the link notice's words: "above 0",
/// and a day at most (a reload takes minutes: "about 71582788 h" helps no one).
#[test]
fn the_minutes_field_says_above_0_and_at_most_a_day() {
    use asa_planner::domain::runbook::minutes_per_reload;
    use asa_planner::view::runbook_html::minutes_message;
    let session = session("from=9.8(4)&to=9.12(4)");
    let said = |typed: &str| minutes_message(&session, typed, minutes_per_reload(typed));
    assert_eq!(
        said("0"),
        "'0' is not a whole number of minutes above 0: no estimate is shown."
    );
    assert_eq!(
        said("4294967295"),
        "'4294967295' is more than 1440 minutes (a day) for one reload: no estimate is shown."
    );
    assert_eq!(minutes_per_reload("1441"), None);
    assert_eq!(
        said("1440"),
        "Whole plan: about 48 h 00 min of reloads (your estimate)."
    );
    assert_eq!(said(""), "");
}
