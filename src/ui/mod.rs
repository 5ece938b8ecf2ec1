//! The Yew front end: renders a `domain::session::Session` and dispatches changes. No rules
//! here: whether a hop is legal, what a plan is and what a runbook says are the domain's.
//!
//! Codemap: `state` (the reducer), `hooks` (`use_planner()` verbs), `app` (wiring),
//! `address` (the state at start, the URL and storage kept in step), `components/` (one piece of the page per file; markup text from `crate::view`),
//! `browser` (location, history, storage, clipboard, downloads, focus after a render, work after
//! the paint), `window` (the change window: pasted output, position, ticks), `fleet_page` (the
//! fleet view's place, `#fleet`, chosen before the planner is mounted; its own page and wasm)
//! and `fleet_view` (the fleet view itself), `shared` (pointer-equal props).

pub mod address;
pub mod app;
pub mod browser;
pub mod components;
pub mod fleet_page;
pub mod fleet_view;
pub mod hooks;
pub mod shared;
pub mod state;
pub mod window;

pub use app::App;

/// Mounts the planner on `<body>`; on `#fleet`, goes to the fleet view's page instead
/// (index.html's first script normally has, before this wasm was asked for). The first
/// screen that index.html painted (`view::first_screen`) is removed by the app's first
/// render, in the same frame.
pub fn start() {
    let hash = browser::hash();
    if fleet_page::is_fleet(&hash) {
        fleet_page::go(true, &hash);
        return;
    }
    fleet_page::switch_on_view_change(false);
    yew::Renderer::<App>::new().render();
}

/// Removes index.html's first screen (`[data-shell]`, and the `#fleet` marker before it), if
/// it is there.
pub fn remove_first_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("i#fleet, [{}]", crate::view::first_screen::SHELL_ATTR);
    if let Ok(found) = document.query_selector_all(&selector) {
        for i in 0..found.length() {
            if let Some(node) = found.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}
