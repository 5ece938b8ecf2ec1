//! The runbook section. Its body (opening lines, the TFTP server, minutes and image-name
//! fields, the steps before the first hop, each hop's section) is drawn and kept by the second
//! wasm (`ui::later::render_runbook`) in a `<div>` Yew draws empty and never touches. Until the
//! second wasm is there, a paragraph says so; `data-steps` on the section is `loading`, then
//! `ready` or `failed`.
//!
//! A view function (ARCHITECTURE.md › Size): the page owns the body's node and its state.

use crate::ui::later::Later;
use yew::prelude::*;

/// Where the steps will be while the second wasm loads.
const STEPS_LOADING: &str = "Loading the runbook…";
/// Where the steps would be when the second wasm could not be loaded.
const STEPS_FAILED: &str =
    "The runbook could not be loaded: check the connection and reload the page";

/// The runbook section around the body `body` (drawn by the second wasm once `later` is ready).
pub fn runbook_panel(later: &Later, body: &NodeRef) -> Html {
    let (state, pending) = match later {
        Later::Ready => ("ready", None),
        Later::Failed(why) => ("failed", Some(format!("{STEPS_FAILED} ({why})."))),
        Later::Loading => ("loading", Some(STEPS_LOADING.to_owned())),
    };
    html! {
        <section class="runbook-panel" aria-labelledby="runbook-heading" data-steps={state}>
            <h2 id="runbook-heading">{ "Runbook" }</h2>
            <div class="runbook-panel-body" ref={body.clone()}></div>
            if let Some(text) = pending {
                <p class="runbook-panel-pending">{ text }</p>
            }
        </section>
    }
}
