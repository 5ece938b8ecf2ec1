//! The Yew front end: renders a `domain::session::Session` and dispatches changes. No rules
//! here: whether a hop is legal, what a plan is and what a runbook says are the domain's.
//!
//! Codemap: `state` (the reducer), `hooks` (`use_planner()` verbs), `app` (wiring, URL and
//! storage sync), `components/` (one piece of the page per file; markup text from `crate::view`),
//! `browser` (location, history, storage, clipboard, downloads, focus after a render), `later`
//! (the second wasm: runbook steps and export, loaded after the first paint), `shared`
//! (pointer-equal props).

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod later;
pub mod shared;
pub mod state;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
