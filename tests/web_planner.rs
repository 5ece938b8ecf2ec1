//! The whole page rendered in headless Chromium: a link restores the plan, typing keeps the
//! text and shows messages under the field, hover lights legal hops without redrawing the
//! graph, clicks pick releases, trains switch off, a bad fragment raises a dismissable banner,
//! the runbook, notes, legend and list view are drawn from the same plan, the runbook's fields
//! go through the reducer and a copy button waits for the clipboard. (The address bar is
//! tested alone in `web_share.rs`: every page mounted here shares one `location`; each test's
//! page replaces the one before, `web_util::mount_page`.)

#![cfg(target_arch = "wasm32")]

mod web_util;

use wasm_bindgen_test::*;
use web_sys::Element;
use web_util::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `from→to:rule` of each `li[data-hop]`.
fn hops(root: &Element) -> Vec<String> {
    query_all(root, "ol[data-plan] li[data-hop]")
        .iter()
        .map(|li| {
            format!(
                "{}→{}:{}",
                attr(li, "data-from"),
                attr(li, "data-to"),
                attr(li, "data-rule")
            )
        })
        .collect()
}

#[track_caller]
fn assert_hops(root: &Element, expected: &[&str]) {
    assert_eq!(hops(root), expected);
}

/// The message under a field is the domain's parse error for what was typed.
#[track_caller]
fn assert_message(root: &Element, selector: &str, typed: &str) {
    let expected = match typed.parse::<asa_planner::domain::release::Release>() {
        Err(e) => e.to_string(),
        Ok(r) => panic!("{typed} parses as {r}"),
    };
    let shown = text(&get(root, selector));
    assert!(
        shown.contains(&expected),
        "{shown:?} does not say {expected:?}"
    );
}

#[wasm_bindgen_test]
async fn a_link_restores_the_plan_and_the_graph() {
    let root = open("from=8.2(5)&to=9.1(7)&rules=table-81-1").await;
    until("ok", || verdict(&root) == "ok").await;
    assert_eq!(query_all(&root, "[data-verdict]").len(), 1);
    assert_hops(
        &root,
        &[
            "8.2(5)→8.3(2):minor",
            "8.3(2)→8.4(7):minor",
            "8.4(7)→9.0(4):major",
            "9.0(4)→9.1(7):minor",
        ],
    );
    let on_plan: Vec<String> = query_all(&root, "svg[data-graph] [data-on-plan]")
        .iter()
        .map(|e| format!("{}→{}", attr(e, "data-edge-from"), attr(e, "data-edge-to")))
        .collect();
    assert_eq!(
        on_plan,
        [
            "8.2(5)→8.3(2)",
            "8.3(2)→8.4(7)",
            "8.4(7)→9.0(4)",
            "9.0(4)→9.1(7)"
        ]
    );
    let blocked = get(&root, "svg[data-graph] [data-blocked]");
    assert_eq!(attr(&blocked, "data-edge-from"), "8.2(5)");
    assert_eq!(attr(&blocked, "data-edge-to"), "9.1(7)");
    assert!(text(&blocked).contains("8.2 is not the last minor release of 8.x (8.4 is)"));
    // The runbook's hop sections are the second wasm's (tests/e2e, through the built page).
}

#[wasm_bindgen_test]
async fn typing_keeps_the_text_and_shows_the_error_under_the_field() {
    let root = open("").await;
    assert_eq!(verdict(&root), "empty");
    // Empty fields are not marked wrong; their message is a hint.
    assert_eq!(attr(&get(&root, "#from"), "aria-invalid"), "false");
    assert!(query(&root, "#from[aria-invalid=\"true\"] ~ #from-msg").is_none());
    type_into(&root, "#from", "8.2(");
    until("an error under the field", || {
        query(&root, "#from[aria-invalid=\"true\"] ~ #from-msg").is_some()
    })
    .await;
    let input = get(&root, "#from");
    assert_eq!(attr(&input, "aria-invalid"), "true");
    // The verdict is a component of its own: it follows a render later.
    until("the verdict invalid", || verdict(&root) == "invalid").await;
    assert_message(&root, "#from-msg", "8.2(");
    assert_eq!(attr(&input, "aria-describedby"), "from-msg");
    assert_eq!(
        input
            .dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .ok()
            .as_deref(),
        Some("8.2(")
    );
    type_into(&root, "#from", " 8.2.5 ");
    type_into(&root, "#to", "8.3(2)");
    // The verdict and the field are drawn in separate render passes: wait for both.
    until("ok with the field no longer marked", || {
        verdict(&root) == "ok" && attr(&get(&root, "#from"), "aria-invalid") == "false"
    })
    .await;
    assert_hops(&root, &["8.2(5)→8.3(2):minor"]);
}

#[wasm_bindgen_test]
async fn hover_lights_exactly_the_judged_hops_and_leaves_the_graph_alone() {
    let root = open("from=8.4(1)&to=9.0(4)&rules=table-81-1").await;
    until("ok", || verdict(&root) == "ok").await;
    let node = get(
        &root,
        "svg[data-graph] .graph-canvas-nodes [data-release=\"8.4(7)\"]",
    );
    let canvas_before = get(&root, "svg[data-graph] .graph-canvas");
    mouse(&node, "mouseover", false);
    until("legal edges", || query(&root, "[data-legal]").is_some()).await;
    let legal = query_all(&root, "svg[data-graph] [data-legal]");
    assert!(legal.iter().all(|e| attr(e, "data-edge-from") == "8.4(7)"));
    let targets: Vec<String> = legal.iter().map(|e| attr(e, "data-edge-to")).collect();
    // Later 8.4 releases are maintenance hops; 9.0 (the first train of 9.x) a major one.
    assert!(targets.contains(&"9.0(4)".to_owned()), "{targets:?}");
    assert!(!targets.contains(&"9.1(7)".to_owned()), "{targets:?}");
    assert!(
        !targets
            .iter()
            .any(|t| t.starts_with("8.3(") || t.starts_with("8.2(")),
        "{targets:?}"
    );
    let rule_of_9_0 = legal
        .iter()
        .find(|e| attr(e, "data-edge-to") == "9.0(4)")
        .map(|e| attr(e, "data-rule"));
    assert_eq!(rule_of_9_0.as_deref(), Some("major"));
    // The static layer is the very same DOM: only the small highlight layer changed.
    let canvas_after = get(&root, "svg[data-graph] .graph-canvas");
    assert!(canvas_before.is_same_node(Some(&canvas_after)));
    mouse(&get(&root, "svg[data-graph]"), "mouseleave", false);
    until("no legal edges", || query(&root, "[data-legal]").is_none()).await;
}

#[wasm_bindgen_test]
async fn click_sets_the_target_and_shift_click_the_current_release() {
    let root = open("from=9.1(7)&to=9.2(4)&rules=table-81-1").await;
    until("ok", || verdict(&root) == "ok").await;
    let node = get(
        &root,
        "svg[data-graph] .graph-canvas-nodes [data-release=\"9.3(3)\"]",
    );
    mouse(&node, "click", false);
    until("target 9.3(3)", || {
        hops(&root).last().is_some_and(|h| h.contains("→9.3(3)"))
    })
    .await;
    let node = get(
        &root,
        "svg[data-graph] .graph-canvas-nodes [data-release=\"9.2(4)\"]",
    );
    mouse(&node, "click", true);
    until("one hop from 9.2(4)", || {
        hops(&root) == ["9.2(4)→9.3(3):minor"]
    })
    .await;
}

#[wasm_bindgen_test]
async fn switching_a_train_off_leaves_it_out_of_the_graph_and_the_plan() {
    let root = open("from=8.4(7)&to=9.0(4)").await;
    until("ok", || verdict(&root) == "ok").await;
    assert!(query(&root, "svg[data-graph] [data-release=\"9.0(4)\"]").is_some());
    let checkbox: web_sys::HtmlInputElement =
        get(&root, "#train-9-0").dyn_into().expect("a checkbox");
    // A column no plan touches, and a train switch the person does not touch.
    let untouched_column = get(&root, "svg[data-graph] [data-release=\"8.2(5)\"]");
    let other_box = get(&root, "#train-9-1");
    checkbox.set_checked(false);
    fire(&checkbox, "change");
    until("no-path", || verdict(&root) == "no-path").await;
    assert!(query(
        &root,
        "svg[data-graph] .graph-canvas-nodes [data-release^=\"9.0(\"]"
    )
    .is_none());
    // Neither the other columns nor the switches were drawn again: the same elements, the
    // switch still off as the person left it.
    let column_after = get(&root, "svg[data-graph] [data-release=\"8.2(5)\"]");
    assert!(untouched_column.is_same_node(Some(&column_after)));
    assert!(other_box.is_same_node(Some(&get(&root, "#train-9-1"))));
    assert!(!checkbox.checked());
    let reset = query_all(&root, ".train-toggles button");
    assert_eq!(reset.len(), 1);
    reset[0]
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .expect("a button")
        .click();
    until("ok again", || verdict(&root) == "ok").await;
    // The reset drew no new switch: the page set the state of the box the person clicked (a
    // replaced box would never be checked again). The state is set after the render that
    // draws the verdict, so it is waited for: a busy machine showed the verdict a tick first.
    until("9.0 on again, on the same box", || checkbox.checked()).await;
    assert!(checkbox.is_same_node(Some(&get(&root, "#train-9-0"))));
}

#[wasm_bindgen_test]
async fn two_switches_clicked_in_one_frame_both_count() {
    let root = open("from=8.4(7)&to=9.1(7)").await;
    until("ok", || verdict(&root) == "ok").await;
    // The plan follows a paint after a switch: both boxes are clicked before it, and each
    // box's click is kept even if the page draws in between.
    for id in ["#train-9-0", "#train-9-1"] {
        let checkbox: web_sys::HtmlInputElement = get(&root, id).dyn_into().expect("a checkbox");
        checkbox.set_checked(false);
        fire(&checkbox, "change");
    }
    until("no-path", || verdict(&root) == "no-path").await;
    for release in ["9.0(4)", "9.1(7)"] {
        let node = format!("svg[data-graph] .graph-canvas-nodes [data-release=\"{release}\"]");
        until("both trains out of the graph", || {
            query(&root, &node).is_none()
        })
        .await;
    }
    for id in ["#train-9-0", "#train-9-1"] {
        let checkbox: web_sys::HtmlInputElement = get(&root, id).dyn_into().expect("a checkbox");
        assert!(!checkbox.checked(), "{id} stays off");
    }
}

#[wasm_bindgen_test]
async fn a_bad_fragment_raises_a_banner_that_can_be_dismissed() {
    let root = open("from=8.2(5)&to=8.3(2)&mode=sideways").await;
    until("a banner", || {
        query(&root, ".banner [role=alert]").is_some()
    })
    .await;
    let banner = text(&get(&root, ".banner"));
    assert!(banner.contains("mode"), "{banner}");
    // The rest of the link was kept.
    assert_eq!(verdict(&root), "ok");
    get(&root, ".banner-dismiss")
        .dyn_into::<web_sys::HtmlElement>()
        .expect("a button")
        .click();
    until("no banner", || query(&root, ".banner").is_none()).await;
}

#[wasm_bindgen_test]
async fn the_runbook_notes_and_legend_are_drawn_from_the_same_plan_and_its_fields_go_through_the_reducer(
) {
    // Table 81-1: 8.4(7) → 9.1(7) below is two hops (one under the default guidance).
    let root = open("from=8.4(7)&to=9.0(4)&rules=table-81-1").await;
    until("ok", || verdict(&root) == "ok").await;
    // Drawn one paint after the plan, by the same app.
    until("the runbook", || {
        query(
            &root,
            ".runbook-panel[data-steps=\"ready\"] [data-runbook-hop]",
        )
        .is_some()
    })
    .await;
    assert_eq!(query_all(&root, "[data-runbook-hop]").len(), 1);
    assert!(query(&root, "[data-runbook-hop] pre[data-unit]").is_some());
    assert!(query(&root, "[data-legend]").is_some(), "the legend");
    assert!(query(&root, ".plan-notes").is_some(), "the notes");

    // The TFTP server typed goes to the reducer, and the commands are written with it.
    type_into(&root, "#tftp-server", "192.0.2.10");
    until("the server in the commands", || {
        text(&get(&root, "[data-runbook-hop]")).contains("192.0.2.10")
    })
    .await;
    // An image name typed for the target likewise.
    type_into(&root, "#image-new-1", "asa904-smp-k8.bin");
    until("the image in the commands", || {
        text(&get(&root, "[data-runbook-hop]")).contains("asa904-smp-k8.bin")
    })
    .await;
    // A new plan keeps what was typed for it: the fields show the state's values.
    type_into(&root, "#to", "9.1(7)");
    until("two runbook hops", || {
        query_all(&root, "[data-runbook-hop]").len() == 2
    })
    .await;
    let server: web_sys::HtmlInputElement =
        get(&root, "#tftp-server").dyn_into().expect("an input");
    assert_eq!(server.value(), "192.0.2.10");
    assert!(text(&get(&root, ".runbook-panel")).contains("192.0.2.10"));

    // Minutes per reload: the whole plan's estimate under the field.
    type_into(&root, "#minutes-per-reload", "15");
    until("the estimate", || {
        !text(&get(&root, "#minutes-per-reload-msg")).is_empty()
    })
    .await;

    // A copy button says nothing until the clipboard has answered, then what it answered.
    let button: web_sys::HtmlElement = get(&root, "[data-runbook-hop] button[data-copy]")
        .dyn_into()
        .expect("a button");
    button.click();
    let status = || {
        let block = button
            .closest(".command-block")
            .ok()
            .flatten()
            .expect("its block");
        text(&get(&block, ".command-block-status"))
    };
    assert_eq!(status(), "", "nothing said before the clipboard answered");
    until("the clipboard's answer", || !status().is_empty()).await;
    assert!(
        ["Copied", "Copy failed: select the text"].contains(&status().as_str()),
        "{}",
        status()
    );
}

#[wasm_bindgen_test]
async fn the_list_view_is_drawn_by_the_page_and_picks_from_it() {
    let root = open("from=9.1(7)&to=9.3(3)&releases=9.1(7),9.2(4),9.3(3)").await;
    until("ok", || verdict(&root) == "ok").await;
    let toggle: web_sys::HtmlElement = get(&root, ".graph-panel-controls button")
        .dyn_into()
        .expect("a button");
    toggle.click();
    until("the lists", || {
        query(&root, ".graph-list [data-node]").is_some()
    })
    .await;
    assert!(
        query(&root, "svg[data-graph]").is_none(),
        "the drawing is replaced"
    );
    let pick: web_sys::HtmlElement = get(
        &root,
        ".graph-list [data-list-release=\"9.2(4)\"] button[data-pick=\"target\"]",
    )
    .dyn_into()
    .expect("a pick button");
    pick.click();
    until("9.2(4) the target", || {
        get(&root, "#to")
            .dyn_into::<web_sys::HtmlInputElement>()
            .is_ok_and(|i| i.value() == "9.2(4)")
    })
    .await;
    // The list is redrawn with the new plan.
    until("9.2(4) on the plan in the list", || {
        text(&get(&root, ".graph-list [data-list-release=\"9.2(4)\"]")).contains("on the plan")
    })
    .await;
}

use wasm_bindgen::JsCast;

/// `value`s of the release suggestions, in order.
fn suggestions(root: &Element) -> Vec<String> {
    query_all(root, "datalist#release-options option")
        .iter()
        .map(|o| attr(o, "value"))
        .collect()
}

#[wasm_bindgen_test]
async fn suggestions_arrive_after_the_first_paint_from_the_catalog_in_use() {
    let root = open("from=9.1(7)&to=9.3(3)&releases=9.1(7),9.2(4),9.3(3)").await;
    until("three suggestions", || suggestions(&root).len() == 3).await;
    assert_eq!(suggestions(&root), ["9.3(3)", "9.2(4)", "9.1(7)"]);

    let root = open("from=8.2(5)&to=9.1(7)").await;
    let builtin = asa_planner::domain::catalog::Catalog::builtin();
    until("every built-in release suggested", || {
        suggestions(&root).len() == builtin.entries().len()
    })
    .await;
    let newest = builtin.entries().last().map(|e| e.release.to_string());
    assert_eq!(suggestions(&root).first(), newest.as_ref());

    // A list applied in the same page replaces them.
    let area: web_sys::HtmlTextAreaElement =
        get(&root, "#custom-list").dyn_into().expect("a <textarea>");
    area.set_value("8.2(5), 9.1(7)");
    fire(&area, "input");
    // The page draws the draft (the box stays open) before it is applied on `change`.
    until("the draft drawn", || {
        query(&root, "details.custom-list[open]").is_some()
    })
    .await;
    fire(&area, "change");
    until("the list's two suggestions", || {
        suggestions(&root).len() == 2
    })
    .await;
    assert_eq!(suggestions(&root), ["9.1(7)", "8.2(5)"]);
}
