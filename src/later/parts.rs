//! The parts of the page the second wasm draws into elements the page gives it and Yew never
//! touches: the plan's notes, the graph's legend, the list view (markup from `src/view`) and the
//! runbook's body (`runbook_section`). An element is rewritten only when its markup changed.

use crate::{read, runbook_section};
use asa_planner::view::{graph_model, legend, plan_html, release_list};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Element;

thread_local! {
    /// The markup last put in each element.
    static DRAWN: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Draws every part of the page state `state` (`domain::stored` text) whose element is given
/// (the list view has none while the drawing is shown); what a person types in the runbook goes
/// back through `on_change` (`runbook_section`).
#[wasm_bindgen]
pub fn draw(
    state: &str,
    notes: Option<Element>,
    legend: Option<Element>,
    lists: Option<Element>,
    runbook: Option<Element>,
    on_change: js_sys::Function,
) {
    let Some(plan) = read(state) else {
        return;
    };
    if let Some(element) = notes {
        put(element, plan_html::notes(&plan.session));
    }
    if let Some(element) = legend {
        put(element, legend::html());
    }
    if let Some(element) = lists {
        let model = graph_model::build(&plan.session, plan.interim);
        put(element, release_list::lists(&plan.session.catalog, &model));
    }
    if let Some(root) = runbook {
        runbook_section::render(root, &plan, on_change);
    }
}

/// Puts `markup` in `element` unless it already holds it.
fn put(element: Element, markup: String) {
    DRAWN.with(|drawn| {
        let mut drawn = drawn.borrow_mut();
        // Elements the page has removed since (the list view switched off) are forgotten.
        drawn.retain(|(e, _)| e.is_connected());
        match drawn.iter_mut().find(|(e, _)| *e == element) {
            Some((_, last)) if *last == markup => {}
            Some((_, last)) => {
                redraw(&element, &markup);
                *last = markup;
            }
            None => {
                redraw(&element, &markup);
                drawn.push((element, markup));
            }
        }
    });
}

/// Replaces what `element` holds by `markup`; a control inside it that had the focus (a list
/// view's pick button) has it again in the new markup, found by its id.
fn redraw(element: &Element, markup: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    let focused = document
        .as_ref()
        .and_then(|d| d.active_element())
        .filter(|active| element.contains(Some(active)))
        .map(|active| active.id())
        .filter(|id| !id.is_empty());
    element.set_inner_html(markup);
    let again = focused.and_then(|id| document?.get_element_by_id(&id));
    if let Some(control) = again.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}
