//! The fleet view (`#fleet`, SPEC §13) is a page of its own, `fleet.html`, with its own wasm
//! (the `asa-fleet` package, `fleet/`): the single-pair page's wasm carries none of its code
//! (ARCHITECTURE.md › Size). An address `#fleet` of the planner's page goes there before the
//! planner's wasm is asked for (index.html's first inline script; `ui::start` does the same
//! when the fragment changes to `#fleet`); a fragment other than `#fleet` on the fleet page
//! goes back to the planner with it (its "single pair" link is `#`).

use wasm_bindgen::prelude::*;

/// The fragment of the fleet view.
pub const FRAGMENT: &str = "fleet";

/// Whether the fragment `hash` (without `#`) opens the fleet view.
pub fn is_fleet(hash: &str) -> bool {
    hash == FRAGMENT
}

/// Puts the planner's header (its `h1`, styled as on the planner) and a `<main id="fleet">` in
/// the body and draws the fleet view in it (`ui::fleet_view`).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(header), Ok(root)) = (
        document.body(),
        document.create_element("header"),
        document.create_element("main"),
    ) else {
        return;
    };
    header.set_class_name("planner-header fleet-header");
    let mut title = String::from("<h1>");
    crate::view::markup::escape(&mut title, TITLE);
    title.push_str("</h1>");
    header.set_inner_html(&title);
    root.set_id(FRAGMENT);
    root.set_class_name("fleet-view");
    if body.append_child(&header).is_ok() && body.append_child(&root).is_ok() {
        super::fleet_view::mount(root);
    }
}

/// The page's title, the planner's `h1` (`ui::app`).
pub const TITLE: &str = crate::view::first_screen::TITLE;

/// The fleet view's page, beside index.html.
pub const PAGE: &str = "fleet.html";

/// Goes to the fleet view's page (`fleet`) or to the planner's with the fragment `hash`,
/// replacing the current history entry (Back does not return to a page that would only go
/// away again).
pub fn go(fleet: bool, hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = if fleet {
        format!("{PAGE}#{FRAGMENT}")
    } else if hash.is_empty() {
        "./".to_owned()
    } else {
        format!("./#{hash}")
    };
    let _ = window.location().replace(&url);
}

/// The fleet page's entry (`fleet/src/main.rs`): the fleet view, unless the address names a
/// plan (then the planner's page, with it).
pub fn start_page() {
    let hash = crate::ui::browser::hash();
    if !hash.is_empty() && !is_fleet(&hash) {
        go(false, &hash);
        return;
    }
    switch_on_view_change(true);
    start();
}

/// Leaves for the other page when the fragment moves between the planner and the fleet view
/// (the one shown now is the fleet view when `fleet`).
pub fn switch_on_view_change(fleet: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(move || {
        let hash = crate::ui::browser::hash();
        if is_fleet(&hash) != fleet {
            go(!fleet, &hash);
        }
    });
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    // The page's lifetime: the listener is never removed.
    listener.forget();
}
