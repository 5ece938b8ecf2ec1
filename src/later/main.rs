//! The page's second wasm: what the single-pair page shows below the fold or on request, loaded
//! after the first paint so that the first load stays within its budget (SPEC §12; the reasoning
//! is in ARCHITECTURE.md › Size). It holds the runbook's steps and the Markdown export; both are
//! written by the same domain and `view` code the native tests pin.
//!
//! Its input is the page's own saved state (`domain::stored`'s text: the plan's full fragment,
//! the server, the image names and the minutes per reload), so it reads the plan with the same
//! parsers as the page and cannot drift from it. The page loads it with `asaLoadLater()`
//! (index.html) and calls its exports through the global `asaLater`.

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::{self, HopImages};
use asa_planner::domain::session::{analyse_reusing, Reuse, Session};
use asa_planner::domain::stored::{self, Stored};
use asa_planner::view::export::{self, Extras};
use asa_planner::view::runbook_html;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

mod fleet;

/// The plan of one call, read from the page's state.
struct Plan {
    session: Session,
    stored: Stored,
    images: Vec<HopImages>,
}

thread_local! {
    /// The built-in catalog and a pasted list are read once, not on every call.
    static REUSE: RefCell<Reuse> = RefCell::new(Reuse::default());
}

/// The plan `state` (stored text) describes; `None` when the text is not the page's state.
fn read(state: &str) -> Option<Plan> {
    let stored = stored::decode(state).ok()?;
    let (query, _) = PlanQuery::parse_with_notices(&stored.fragment).ok()?;
    let session = REUSE.with(|reuse| analyse_reusing(&query, &mut reuse.borrow_mut()));
    let images = runbook::hop_images(session.hops(), &stored.server, &stored.images);
    Some(Plan {
        session,
        stored,
        images,
    })
}

/// The runbook's markup: the steps before the first hop, then each hop's pre-checks, steps and
/// checks (`view::runbook_html`), one string each; empty when there is no plan.
#[wasm_bindgen]
pub fn runbook(state: &str) -> Vec<String> {
    let Some(Plan {
        session, images, ..
    }) = read(state)
    else {
        return Vec::new();
    };
    let hops = session.hops();
    if hops.is_empty() {
        return Vec::new();
    }
    let setup = session.setup;
    let mut parts = vec![runbook_html::before_first_hop(&runbook::before_first_hop(
        setup,
        images
            .first()
            .map_or(runbook::SERVER_PLACEHOLDER, |i| i.server.as_str()),
    ))];
    for (i, hop_images) in images.iter().enumerate() {
        let steps = session
            .hop_spec(i, |r| runbook::image_of(hops, &images, r))
            .map(|spec| runbook_html::steps(&runbook::hop_runbook(setup, &spec, hop_images), i + 1))
            .unwrap_or_default();
        parts.push(steps);
    }
    parts
}

/// The plan as Markdown for a change ticket (`view::export`); `link` is its share link and
/// `made_on` today's date (`YYYY-MM-DD`, or empty when unknown). Empty when `state` is not the
/// page's state.
#[wasm_bindgen]
pub fn markdown(state: &str, link: &str, made_on: &str) -> String {
    let Some(plan) = read(state) else {
        return String::new();
    };
    let extras = Extras {
        images: &plan.images,
        minutes_per_reload: runbook::minutes_per_reload(&plan.stored.minutes),
        made_on: Some(made_on).filter(|d| !d.is_empty()),
    };
    export::markdown(&plan.session, &extras, link)
}

/// The fleet view (SPEC §13) drawn into `root`, the page's empty `<section id="fleet">`
/// (`fleet.rs`). Mount once: its listeners live as long as the page.
#[wasm_bindgen]
pub fn fleet_mount(root: web_sys::Element) {
    fleet::mount(root);
}

fn main() {}
