//! The address bar and the page, in a binary of its own (one app, one `location`): every change
//! is written with `replaceState` (no history entries), a train switched off travels in the
//! link, and a fragment edited by hand (`hashchange`) reloads the page.

#![cfg(target_arch = "wasm32")]

mod web_util;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_util::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_address_bar_follows_the_page_and_the_page_follows_the_address_bar() {
    clear_storage();
    set_fragment("");
    let root = mount_page();
    until("the verdict", || query(&root, "[data-verdict]").is_some()).await;
    let history = web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history");
    let before = history.length().expect("length");

    type_into(&root, "#from", "9.8.4");
    type_into(&root, "#to", "9.12(4)");
    until("the fragment", || {
        fragment() == "#from=9.8.4&to=9.12(4)" || fragment() == "#from=9.8(4)&to=9.12(4)"
    })
    .await;
    assert_eq!(
        history.length().expect("length"),
        before,
        "no history entry per keystroke"
    );

    let checkbox: web_sys::HtmlInputElement =
        get(&root, "#train-9-10").dyn_into().expect("a checkbox");
    checkbox.set_checked(false);
    fire(&checkbox, "change");
    until("trains in the link", || fragment().contains("trains=")).await;
    assert!(!fragment().contains("9.10"), "{}", fragment());
    let reset: web_sys::HtmlElement = get(&root, ".train-toggles button")
        .dyn_into()
        .expect("a button");
    reset.click();
    until("no trains in the link", || !fragment().contains("trains=")).await;

    // A fragment edited by hand reloads the page.
    web_sys::window()
        .expect("a window")
        .location()
        .set_hash("from=9.1(7)&to=9.2(4)")
        .expect("set hash");
    until("the new plan", || {
        query_all(&root, "ol[data-plan] li[data-hop]")
            .iter()
            .map(|li| format!("{}→{}", attr(li, "data-from"), attr(li, "data-to")))
            .eq(["9.1(7)→9.2(4)".to_owned()])
    })
    .await;
    let from: web_sys::HtmlInputElement = get(&root, "#from").dyn_into().expect("an input");
    assert_eq!(from.value(), "9.1(7)");
}
