//! The fleet view (`#fleet`, SPEC §13) in the same wasm as the planner, chosen by `ui::start`
//! before anything is drawn: on `#fleet` the planner is never mounted. The page switches
//! between the two views by reloading when the fragment crosses from one to the other, so
//! each starts from its own state (the wasm comes from the browser's cache).

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

/// Reloads the page when the fragment moves between the planner and the fleet view (the one
/// shown now is the fleet view when `fleet`).
pub fn reload_on_view_change(fleet: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(move || {
        if is_fleet(&crate::ui::browser::hash()) != fleet {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    // The page's lifetime: the listener is never removed.
    listener.forget();
}
