//! The fleet view (`#fleet`, SPEC §13) is a wasm of its own (`src/fleet`): this gives it a place
//! on the page instead of the planner and loads it (the single-pair page never does). The page switches between the two views by
//! reloading when the fragment crosses from one to the other, so each starts from its own state.

use crate::ui::later::{self, Later};
use wasm_bindgen::prelude::*;

/// The fragment of the fleet view.
pub const FRAGMENT: &str = "fleet";

/// Whether the fragment `hash` (without `#`) opens the fleet view.
pub fn is_fleet(hash: &str) -> bool {
    hash == FRAGMENT
}

/// Puts an empty `<main id="fleet">` in the body and hands it to the fleet view's wasm once
/// loaded.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(root)) = (document.body(), document.create_element("main")) else {
        return;
    };
    root.set_id(FRAGMENT);
    root.set_class_name("fleet-view");
    root.set_text_content(Some("Loading the fleet view…"));
    if body.append_child(&root).is_err() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let failed = match later::load_fleet().await {
            Later::Ready => later::fleet_mount(&root).err(),
            Later::Failed(why) => Some(why),
            Later::Loading => None,
        };
        if let Some(why) = failed {
            root.set_text_content(Some(&format!(
                "The fleet view could not be loaded ({why}): check the connection and reload the page."
            )));
        }
    });
}

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
