//! The change window on the whole page, in headless Chromium (SPEC §14): pasted output draws
//! the position (`[data-position]`, `[data-unit-state]`, `[data-stop]`) and stays out of the
//! address bar, the saved state and the page's other text; Forget clears it; the other reading
//! and the plan from the units are one click; tick boxes keep their time across a remount and
//! feed the position; the hop in progress is open and finished hops fold; a release field says
//! what it read and offers the mate's release.

#![cfg(target_arch = "wasm32")]

mod web_util;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use web_util::*;

wasm_bindgen_test_configure!(run_in_browser);

const MID: &str = include_str!("fixtures/show/mid-standby-reloaded.txt");
const HEALTHY: &str = include_str!("fixtures/show/as-healthy.txt");
const FAILED: &str = include_str!("fixtures/show/failed.txt");
const ROLLED_BACK: &str = include_str!("fixtures/show/rolled-back.txt");
const FAILED_OVER_HOP_1: &str = include_str!("fixtures/show/failed-over-9-15-1-21.txt");

const ONE_HOP: &str = "from=9.8(4)&to=9.12(4)&rules=guide-9x";

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage")
}

fn stored(key: &str) -> Option<String> {
    storage().get_item(key).ok().flatten()
}

fn paste(root: &Element, text: &str) {
    let area: HtmlTextAreaElement = get(root, "textarea[data-show-input]")
        .dyn_into()
        .expect("a textarea");
    area.set_value(text);
    fire(&area, "input");
}

fn click(root: &Element, selector: &str) {
    let e: HtmlElement = get(root, selector).dyn_into().expect("an element");
    e.click();
}

fn position(root: &Element) -> Option<(String, String)> {
    query(root, "[data-position]").map(|p| (attr(&p, "data-hop"), attr(&p, "data-step")))
}

async fn runbook(root: &Element) {
    until("the runbook", || {
        query(
            root,
            ".runbook-panel[data-steps=\"ready\"] input[data-step-done]",
        )
        .is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn pasted_output_draws_the_position_and_stays_in_this_browser_only() {
    let root = open_page(ONE_HOP, false).await;
    paste(&root, MID);
    until("the position", || {
        position(&root) == Some(("1".into(), "2".into()))
    })
    .await;
    let units = query_all(&root, "[data-unit-state]");
    let unit = |name: &str| {
        units
            .iter()
            .find(|u| attr(u, "data-unit") == name)
            .unwrap_or_else(|| panic!("no {name} unit"))
            .clone()
    };
    assert_eq!(attr(&unit("primary"), "data-release"), "9.8(4)");
    assert_eq!(attr(&unit("secondary"), "data-release"), "9.12(4)");
    assert_eq!(attr(&unit("secondary"), "data-role"), "standby-ready");
    assert!(query(&root, "[data-stop]").is_none(), "no stop on track");
    assert!(text(&get(&root, "[data-next-step]")).contains("no failover active"));
    // Kept in this browser, under its own key; written after the paint.
    frame().await;
    frame().await;
    assert_eq!(stored("asa-planner.show").as_deref(), Some(MID));
    // Never in the link, the saved plan or the page's text outside the box.
    for secret in ["TST0000P001", "TST0000S002", "192.0.2.1", "198.51.100"] {
        assert!(!fragment().contains(secret), "{secret} in the address bar");
        let saved = stored("asa-planner.state").unwrap_or_default();
        assert!(!saved.contains(secret), "{secret} in the saved state");
        assert!(
            !text(&get(&root, ".where-pair-position")).contains(secret),
            "{secret} in the position"
        );
        assert!(
            !text(&get(&root, ".runbook-panel")).contains(secret),
            "{secret} in the runbook"
        );
    }
    // A reload reads it again from this browser.
    let root = open_page(ONE_HOP, true).await;
    until("the position after a remount", || {
        position(&root) == Some(("1".into(), "2".into()))
    })
    .await;
    // Forget: the box, the position and the stored text are gone.
    click(&root, "button[data-show-forget]");
    until("forgotten", || position(&root).is_none()).await;
    let area: HtmlTextAreaElement = get(&root, "textarea[data-show-input]")
        .dyn_into()
        .expect("a textarea");
    assert_eq!(area.value(), "");
    assert_eq!(stored("asa-planner.show"), None);
}

#[wasm_bindgen_test]
async fn a_stop_is_shown_and_the_other_reading_is_one_click() {
    let root = open_page(ONE_HOP, false).await;
    paste(&root, FAILED);
    until("a stop", || query(&root, "[data-stop]").is_some()).await;
    assert_eq!(attr(&get(&root, "[data-stop]"), "data-stop"), "mate-failed");
    // Forgotten, then both units on the start: after step 1 is read forward, before the plan
    // one click away.
    click(&root, "button[data-show-forget]");
    until("forgotten", || query(&root, "[data-stop]").is_none()).await;
    paste(&root, HEALTHY);
    until("after step 1", || {
        position(&root) == Some(("1".into(), "1".into()))
    })
    .await;
    let stops: Vec<String> = query_all(&root, "[data-stop]")
        .iter()
        .map(|s| attr(s, "data-stop"))
        .collect();
    assert!(stops.is_empty(), "{stops:?}");
    click(&root, "[data-alternative] button[data-choose-reading]");
    until("before the plan", || {
        position(&root) == Some(("1".into(), "0".into()))
    })
    .await;
    // The reading not taken is still named, one click back.
    assert_eq!(attr(&get(&root, "[data-alternative]"), "data-step"), "1");
}

#[wasm_bindgen_test]
async fn the_units_releases_plan_the_pair_in_one_click() {
    let root = open_page("from=9.6(1)&to=9.12(4)&rules=guide-9x", false).await;
    paste(&root, MID);
    until("the plan-from button", || {
        query(&root, "button[data-plan-from]").is_some()
    })
    .await;
    let button = get(&root, "button[data-plan-from]");
    assert_eq!(attr(&button, "data-from"), "9.8(4)");
    assert_eq!(attr(&button, "data-from2"), "9.12(4)");
    click(&root, "button[data-plan-from]");
    until("from set", || {
        query(&root, "#from2").is_some() && fragment().contains("from2=9.12(4)")
    })
    .await;
    let from: HtmlInputElement = get(&root, "#from").dyn_into().expect("an input");
    assert_eq!(from.value(), "9.8(4)");
    // One history entry: Back returns to the plan the pair was on (its ticks are keyed by it).
    web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history")
        .back()
        .expect("back");
    until("the plan before", || {
        let from: HtmlInputElement = get(&root, "#from").dyn_into().expect("an input");
        from.value() == "9.6(1)" && !fragment().contains("from2=")
    })
    .await;
}

fn tick_box(root: &Element, hop: &str, step: &str) -> HtmlInputElement {
    get(
        root,
        &format!("input[data-step-done][data-hop=\"{hop}\"][data-step=\"{step}\"]"),
    )
    .dyn_into()
    .expect("a checkbox")
}

fn tick_time(root: &Element, hop: &str, step: &str) -> String {
    let label = tick_box(root, hop, step)
        .parent_element()
        .expect("its label");
    text(&get(&label, "time[data-step-time]"))
}

#[wasm_bindgen_test]
async fn ticks_keep_their_time_across_a_remount_and_feed_the_position() {
    let root = open_page(ONE_HOP, false).await;
    runbook(&root).await;
    assert!(!tick_box(&root, "1", "1").checked());
    tick_box(&root, "1", "1").click();
    until("the tick's time", || tick_time(&root, "1", "1").len() == 5).await;
    let time = tick_time(&root, "1", "1");
    assert_eq!(&time[2..3], ":");
    // Its date and offset from UTC are kept (a window can run past midnight): the `datetime`.
    let label = tick_box(&root, "1", "1")
        .parent_element()
        .expect("its label");
    let when = get(&label, "time[data-step-time]")
        .get_attribute("datetime")
        .unwrap_or_default();
    assert!(
        asa_planner::domain::ticks::TickTime::read(&when)
            .is_some_and(|t| t.date.is_some() && t.offset.is_some() && t.clock == time),
        "{when}"
    );
    // A rollback block has a box of its own.
    assert!(query(
        &root,
        "input[data-step-done][data-hop=\"1\"][data-step$=\"r1\"]"
    )
    .is_some());
    // Remounted with what this browser saved: the same box ticked, the same time.
    let root = open_page(ONE_HOP, true).await;
    runbook(&root).await;
    until("the tick restored", || tick_box(&root, "1", "1").checked()).await;
    assert_eq!(tick_time(&root, "1", "1"), time);
    // The tick settles the ambiguous reading: after step 1, no other reading.
    paste(&root, HEALTHY);
    until("after step 1", || {
        position(&root) == Some(("1".into(), "1".into()))
    })
    .await;
    assert!(query(&root, "[data-alternative]").is_none());
    // Unticked: the time goes; another plan has its own ticks.
    tick_box(&root, "1", "1").click();
    until("unticked", || tick_time(&root, "1", "1").is_empty()).await;
    let root = open_page("from=9.8(4)&to=9.14(4)&rules=guide-9x", true).await;
    runbook(&root).await;
    assert!(query_all(&root, "input[data-step-done]").iter().all(|b| !b
        .clone()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .checked()));
}

/// Ticks are per plan: the next pair on the same plan (or a hop started again after its
/// rollback) clears them with one button, and they stay cleared across a reload.
#[wasm_bindgen_test]
async fn a_plans_ticks_clear_for_the_next_pair() {
    let root = open_page(ONE_HOP, false).await;
    runbook(&root).await;
    let clear = || get(&root, "button[data-ticks-clear]");
    until("nothing to clear", || clear().has_attribute("disabled")).await;
    tick_box(&root, "1", "1").click();
    tick_box(&root, "1", "2").click();
    until("two ticks", || {
        tick_box(&root, "1", "2").checked() && !clear().has_attribute("disabled")
    })
    .await;
    let before = tick_time(&root, "1", "1");
    click(&root, "button[data-ticks-clear]");
    until("cleared", || {
        !tick_box(&root, "1", "1").checked()
            && !tick_box(&root, "1", "2").checked()
            && tick_time(&root, "1", "1").is_empty()
    })
    .await;
    // One click puts them back, times and all, until a box is ticked.
    assert!(text(&get(&root, "button[data-ticks-restore]")).contains("2 ticks"));
    click(&root, "button[data-ticks-restore]");
    until("put back", || {
        tick_box(&root, "1", "2").checked() && tick_time(&root, "1", "1") == before
    })
    .await;
    click(&root, "button[data-ticks-clear]");
    until("cleared again", || !tick_box(&root, "1", "1").checked()).await;
    tick_box(&root, "1", "3").click();
    until("no undo over a new tick", || {
        query(&root, "button[data-ticks-restore]").is_none()
            && query(&root, "button[data-ticks-clear]").is_some()
    })
    .await;
    assert!(!tick_box(&root, "1", "1").checked());
    click(&root, "button[data-ticks-clear]");
    let root = open_page(ONE_HOP, true).await;
    runbook(&root).await;
    assert!(!tick_box(&root, "1", "1").checked());
    assert!(get(&root, "button[data-ticks-clear]").has_attribute("disabled"));
}

/// A hop rolled back and started again: the first attempt's failback tick stays out of the
/// reading, also after a reload of the page (which forgets the previous position).
#[wasm_bindgen_test]
async fn a_hop_started_again_after_its_rollback_reads_forward_after_a_reload() {
    let root = open_page(ONE_HOP, false).await;
    runbook(&root).await;
    for step in ["1", "2", "3", "4r1", "4r2", "4r3"] {
        tick_box(&root, "1", step).click();
    }
    paste(&root, ROLLED_BACK);
    until("rolled back", || {
        query(&root, "[data-position][data-rolled-back]").is_some()
    })
    .await;
    paste(&root, MID);
    until("after step 2", || {
        position(&root) == Some(("1".into(), "2".into()))
    })
    .await;
    let root = open_page(ONE_HOP, true).await;
    runbook(&root).await;
    paste(&root, "");
    paste(&root, MID);
    until("after step 2 again", || {
        position(&root) == Some(("1".into(), "2".into()))
    })
    .await;
    assert!(query(&root, "[data-position][data-step=\"rollback\"]").is_none());
}

/// The position read before belongs to its plan: after "Plan from what the units run" the
/// same output is read on the new plan alone (its previous position on the old plan read a
/// unit on the new plan's start as "booted the old image").
#[wasm_bindgen_test]
async fn the_position_read_before_stays_with_its_plan() {
    // Two hops under Table 81-1: 9.14(4) → 9.15(1)21 → 9.16(4); hop 1 failed over.
    let root = open_page("from=9.14(4)&to=9.16(4)&rules=table-81-1", false).await;
    runbook(&root).await;
    paste(&root, FAILED_OVER_HOP_1);
    until("after step 3", || {
        position(&root) == Some(("1".into(), "3".into()))
    })
    .await;
    paste(&root, &format!("{FAILED_OVER_HOP_1}\n"));
    until("the plan-from button", || {
        query(&root, "button[data-plan-from]").is_some()
    })
    .await;
    click(&root, "button[data-plan-from]");
    until("the units' plan", || fragment().contains("from2=9.15(1)21")).await;
    until("read on the new plan", || {
        query(&root, "[data-unit-state]").is_some() && query(&root, "[data-position]").is_some()
    })
    .await;
    let stops: Vec<String> = query_all(&root, "[data-stop]")
        .iter()
        .map(|s| attr(s, "data-stop"))
        .collect();
    assert!(!stops.contains(&"off-plan".to_string()), "{stops:?}");
}

fn open_hops(root: &Element) -> Vec<bool> {
    query_all(root, "section[data-runbook-hop] details[data-hop-fold]")
        .iter()
        .map(|d| d.has_attribute("open"))
        .collect()
}

#[wasm_bindgen_test]
async fn the_hop_in_progress_is_open_and_finished_hops_fold() {
    let root = open_page("from=8.4(7)&to=9.1(7)&rules=table-81-1", false).await;
    runbook(&root).await;
    frame().await;
    frame().await;
    let hops = open_hops(&root);
    assert!(hops.len() >= 2, "{hops:?}");
    assert!(hops[0] && hops[1..].iter().all(|o| !o), "{hops:?}");
    let steps: usize = attr(
        &get(&root, "section[data-runbook-hop=\"1\"]"),
        "data-steps-required",
    )
    .parse()
    .expect("a step count");
    assert!(steps >= 5);
    for s in 1..=steps {
        tick_box(&root, "1", &s.to_string()).click();
    }
    until("hop 1 folded, hop 2 open", || {
        let hops = open_hops(&root);
        !hops[0] && hops[1] && hops[2..].iter().all(|o| !o)
    })
    .await;
    // A hop opened by hand stays open while the hop in progress does not change.
    let hop1 = get(
        &root,
        "section[data-runbook-hop=\"1\"] details[data-hop-fold]",
    );
    hop1.set_attribute("open", "").unwrap();
    tick_box(&root, "2", "pre1").click();
    until("the pre-check ticked", || {
        tick_time(&root, "2", "pre1").len() == 5
    })
    .await;
    let hops = open_hops(&root);
    assert!(hops[0] && hops[1], "{hops:?}");
}

#[wasm_bindgen_test]
async fn a_release_field_says_what_it_read_and_offers_the_mate() {
    let root = open_page("to=9.12(4)", false).await;
    type_into(&root, "#from", "Version: Ours 9.8(4), Mate 9.12(4)");
    until("the reading", || {
        text(&get(&root, "#from-msg")).contains("read 9.8(4) from the `Version:` line")
    })
    .await;
    click(&root, "button[data-use-mate]");
    until("the second unit", || query(&root, "#from2").is_some()).await;
    until("its release", || {
        get(&root, "#from2")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .value()
            == "9.12(4)"
    })
    .await;
    type_into(&root, "#to", "asa9-12-4-37-smp-k8.bin");
    until("the image file name read", || {
        text(&get(&root, "#to-msg")).contains("read 9.12(4)37 from an image file name")
    })
    .await;
}

#[wasm_bindgen_test]
async fn text_that_reads_as_nothing_is_said_with_its_lines() {
    let root = open_page(ONE_HOP, false).await;
    // As the command line says it (SPEC §14: what cannot be read is said by line).
    paste(&root, "hello world");
    until("nothing read", || {
        query(&root, "[data-show-empty]").is_some()
    })
    .await;
    assert!(text(&get(&root, "[data-show-empty]")).contains(
        "Nothing in this text reads as show failover, show failover state or show version output"
    ));
    assert_eq!(
        text(&get(&root, "[data-show-unread]")),
        "Line 1 could not be read."
    );
    assert!(query(&root, "[data-next-step]").is_none());
    // A prompt and its command alone: nothing read, no line unread.
    paste(&root, "fw# show failover");
    until("no unread line", || {
        query(&root, "[data-show-unread]").is_none()
    })
    .await;
    assert!(query(&root, "[data-show-empty]").is_some());
    // Blanks only: nothing to say.
    paste(&root, "  \n ");
    until("nothing said", || {
        query(&root, "[data-show-empty]").is_none()
    })
    .await;
    // Output that reads replaces it.
    paste(&root, MID);
    until("the position", || {
        position(&root) == Some(("1".into(), "2".into()))
    })
    .await;
    assert!(query(&root, "[data-show-empty]").is_none());
}
