//! The runbook section's body, drawn and kept by this module in the element the page gives it:
//! the opening lines, the TFTP server and minutes fields, every hop's image-name fields, the
//! steps before the first hop and each hop's section (markup from `view::runbook_html`).
//!
//! `parts::draw` calls [`render`] after every change of the page's state. Each part is rewritten only when
//! its markup changed, and a field's value is set only while nobody types in it: typing keeps
//! its focus and caret. What a person types goes back to the page through its `on_change`
//! function, `(field, key, value)`: `("server", "", v)`, `("minutes", "", v)` or
//! `("image", key, v)` with the key the name is kept under (`data-image-key`).

use crate::Plan;
use asa_planner::domain::runbook;
use asa_planner::ui::browser;
use asa_planner::view::runbook_html;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement};

/// The parts of the body, in order (each a `<div data-part>`).
const PARTS: [&str; 4] = ["head", "fields", "images", "steps"];

struct Mounted {
    root: Element,
    /// What each of [`PARTS`] was last set to.
    last: [String; 4],
    _oninput: Closure<dyn Fn(Event)>,
    _onclick: Closure<dyn Fn(Event)>,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    /// The page's `on_change` of the last [`render`].
    static ON_CHANGE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Draws the runbook of `plan` into `root`.
pub fn render(root: Element, plan: &Plan, on_change: js_sys::Function) {
    ON_CHANGE.with(|f| *f.borrow_mut() = Some(on_change));
    let session = &plan.session;
    let hops = session.hops();
    let minutes = runbook::minutes_per_reload(&plan.stored.minutes);
    // On the FXOS path the head's notice replaces the ASA command-line steps.
    let parts = if hops.is_empty() || !runbook_html::cli_steps_apply(session) {
        [
            runbook_html::head(session),
            String::new(),
            String::new(),
            String::new(),
        ]
    } else {
        let setup = session.setup;
        let server = plan
            .images
            .first()
            .map_or(runbook::SERVER_PLACEHOLDER, |i| i.server.as_str());
        let mut steps = String::new();
        let before = runbook::before_first_hop(setup, server);
        runbook_html::before_first_hop(&mut steps, &before);
        for (i, (hop, images)) in hops.iter().zip(&plan.images).enumerate() {
            let Some(spec) = session.hop_spec(i, |r| {
                runbook::image_of(hops, &plan.images, r, session.platform)
            }) else {
                continue;
            };
            let book = runbook::hop_runbook(setup, &spec, images);
            let facts = session.hop_facts.get(i);
            runbook_html::hop_section(&mut steps, i + 1, hop, facts, minutes, &book);
        }
        [
            runbook_html::head(session),
            runbook_html::fields(),
            runbook_html::image_fields(hops),
            steps,
        ]
    };
    MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        if mounted.as_ref().is_none_or(|m| m.root != root) {
            *mounted = mount(root);
        }
        let Some(mounted) = mounted.as_mut() else {
            return;
        };
        for ((name, last), markup) in PARTS.iter().zip(&mut mounted.last).zip(parts) {
            if *last != markup {
                if let Some(part) = find(&mounted.root, &format!("[data-part=\"{name}\"]")) {
                    part.set_inner_html(&markup);
                }
                *last = markup;
            }
        }
        let mut values = vec![
            (
                runbook_html::SERVER_ID.to_owned(),
                plan.stored.server.clone(),
            ),
            (
                runbook_html::MINUTES_ID.to_owned(),
                plan.stored.minutes.clone(),
            ),
        ];
        values.extend(runbook_html::image_values(&plan.images));
        for (id, value) in values {
            set_unless_typing(&mounted.root, &id, &value);
        }
        if let Some(message) = find(
            &mounted.root,
            &format!("#{}", runbook_html::MINUTES_MESSAGE_ID),
        ) {
            let text = runbook_html::minutes_message(session, &plan.stored.minutes, minutes);
            message.set_text_content(Some(&text));
        }
    });
}

/// Empties `root`, puts the parts' `<div>`s in it and listens to its fields and copy buttons.
fn mount(root: Element) -> Option<Mounted> {
    let divs: String = PARTS
        .iter()
        .map(|p| format!("<div data-part=\"{p}\"></div>"))
        .collect();
    root.set_inner_html(&divs);
    let oninput = Closure::<dyn Fn(Event)>::new(typed);
    let onclick = Closure::<dyn Fn(Event)>::new(copy_clicked);
    root.add_event_listener_with_callback("input", oninput.as_ref().unchecked_ref())
        .ok()?;
    root.add_event_listener_with_callback("click", onclick.as_ref().unchecked_ref())
        .ok()?;
    Some(Mounted {
        root,
        last: Default::default(),
        _oninput: oninput,
        _onclick: onclick,
    })
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Sets the input `id` to `value` unless it already holds it or has the focus (a person typing).
fn set_unless_typing(root: &Element, id: &str, value: &str) {
    let Some(input) =
        find(root, &format!("#{id}")).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == **input);
    if !focused && input.value() != value {
        input.set_value(value);
    }
}

/// A field typed in: tells the page which one and what it now holds.
fn typed(e: Event) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let id = input.id();
    let (field, key) = if id == runbook_html::SERVER_ID {
        ("server", String::new())
    } else if id == runbook_html::MINUTES_ID {
        ("minutes", String::new())
    } else if let Some(key) = input.get_attribute("data-image-key") {
        ("image", key)
    } else {
        return;
    };
    ON_CHANGE.with(|f| {
        if let Some(f) = &*f.borrow() {
            let args = js_sys::Array::of3(
                &JsValue::from_str(field),
                &JsValue::from_str(&key),
                &JsValue::from_str(&input.value()),
            );
            // What the page's handler throws is the page's to report; the field keeps its text.
            let _ = f.apply(&JsValue::NULL, &args);
        }
    });
}

/// A click on a step's copy button (`button[data-copy]`): copies its block's commands and
/// says in the block's status whether it worked. Other clicks are left alone.
fn copy_clicked(e: Event) {
    let Some(block) = browser::closest(&e, "button[data-copy]")
        .and_then(|button| button.closest(".command-block").ok().flatten())
    else {
        return;
    };
    let text = find(&block, "code")
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    if let Some(status) = find(&block, ".command-block-status") {
        status.set_text_content(Some(if browser::copy(&text) {
            "Copied"
        } else {
            "Copy failed: select the text"
        }));
    }
}
