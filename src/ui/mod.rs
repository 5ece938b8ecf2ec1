//! The Yew front end: renders a `domain::session::Session` and dispatches changes. No rules
//! here: whether a hop is legal, what a plan is and what a runbook says are the domain's.
//!
//! Codemap: `state` (the reducer), `hooks` (`use_planner()` verbs), `app` (wiring, URL and
//! storage sync), `components/` (one piece of the page per file; markup text from `crate::view`),
//! `browser` (location, history, storage, clipboard, downloads, focus after a render, work after
//! the paint), `fleet_page` (the fleet view's place, `#fleet`, chosen before the planner is
//! mounted) and `fleet_view` (the fleet view itself), `shared`
//! (pointer-equal props).

pub mod app;
pub mod browser;
pub mod components;
pub mod fleet_page;
pub mod fleet_view;
pub mod hooks;
pub mod shared;
pub mod state;

pub use app::App;

/// Mounts the planner on `<body>`, or the fleet view when the fragment is `#fleet`.
pub fn start() {
    let fleet = fleet_page::is_fleet(&browser::hash());
    fleet_page::reload_on_view_change(fleet);
    if fleet {
        fleet_page::start();
    } else {
        yew::Renderer::<App>::new().render();
    }
}
