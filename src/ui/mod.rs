//! The Yew front end: renders a `domain::session::Session` and dispatches changes. No rules here.
//!
//! TODO(ui): the real app.

use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main class="planner"><h1>{ "ASA zero-downtime upgrade planner" }</h1></main> }
}

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
