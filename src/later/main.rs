//! The page's second wasm: what the single-pair page shows below the fold or on request, loaded
//! after the first paint so that the first load stays within its budget (SPEC §12; the reasoning
//! is in ARCHITECTURE.md › Size). It draws the plan's notes, the graph's legend, the list view
//! and the runbook section's body (`parts`, `runbook_section`) and writes the Markdown export,
//! all with the same domain and `view` code the native tests pin. (The fleet view is a wasm of
//! its own, `src/fleet`.)
//!
//! Its input is the page's own saved state (`domain::stored`'s text: the plan's full fragment,
//! the server, the image names and the minutes per reload), so it reads the plan with the same
//! parsers as the page and cannot drift from it. The page loads it with
//! `asaLoad("asa-later", "asaLater")` (index.html) and calls its exports through the global
//! `asaLater`.

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::{self, HopImages};
use asa_planner::domain::session::{analyse_reusing, Reuse, Session};
use asa_planner::domain::stored::{self, Stored};
use asa_planner::ui::browser;
use asa_planner::view::export::{self, Extras};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

mod parts;
mod runbook_section;

/// The plan of the page's state.
struct Plan {
    session: Session,
    stored: Stored,
    /// Each hop's file names (typed, else the defaults).
    images: Vec<HopImages>,
    /// Interim builds drawn in the graph (and its list view).
    interim: bool,
}

thread_local! {
    /// The built-in catalog and a pasted list are read once, not on every call.
    static REUSE: RefCell<Reuse> = RefCell::new(Reuse::default());
    /// The last state read and its plan: one change of the page calls several exports.
    static LAST: RefCell<Option<(String, Rc<Plan>)>> = const { RefCell::new(None) };
}

/// The plan `state` (stored text) describes; `None` when the text is not the page's state.
fn read(state: &str) -> Option<Rc<Plan>> {
    if let Some(plan) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(text, _)| text == state)
            .map(|(_, plan)| Rc::clone(plan))
    }) {
        return Some(plan);
    }
    let stored = stored::decode(state).ok()?;
    let (query, _) = PlanQuery::parse_with_notices(&stored.fragment).ok()?;
    let session = REUSE.with(|reuse| analyse_reusing(&query, &mut reuse.borrow_mut()));
    let images = runbook::hop_images(
        session.hops(),
        &stored.server,
        &stored.images,
        session.platform,
    );
    let plan = Rc::new(Plan {
        session,
        stored,
        images,
        interim: query.interim,
    });
    LAST.with(|last| *last.borrow_mut() = Some((state.to_owned(), Rc::clone(&plan))));
    Some(plan)
}

/// The plan as Markdown for a change ticket (`view::export`), copied (`action` `"markdown"`) or
/// downloaded (`"download"`) as `asa-upgrade-plan.md`; `link` is its share link. Returns what
/// the share bar's status line says.
#[wasm_bindgen]
pub fn share(action: &str, state: &str, link: &str) -> String {
    let Some(plan) = read(state) else {
        return "Export failed: the page's state could not be read.".to_owned();
    };
    let today = browser::today();
    let extras = Extras {
        images: &plan.images,
        minutes_per_reload: runbook::minutes_per_reload(&plan.stored.minutes),
        made_on: today.as_deref(),
    };
    let md = export::markdown(&plan.session, &extras, link);
    let (ok, done, failed) = if action == "markdown" {
        (browser::copy(&md), "Markdown copied.", "Copy failed.")
    } else {
        (
            browser::download("asa-upgrade-plan.md", "text/markdown", &md),
            "Markdown downloaded.",
            "Download failed.",
        )
    };
    (if ok { done } else { failed }).to_owned()
}

fn main() {}
