//! The fleet view (SPEC §13), mounted by `ui::start` into its `<main id="fleet">` instead of
//! the planner when the fragment is `#fleet` (the planner is never booted on `#fleet`). Plain
//! web-sys, no Yew: the view is a form and markup text.
//!
//! Everything it shows is written by `view::fleet_html` (natively tested) from a
//! [`PlannedFleet`]; this file only moves text between the page and the domain: it reads the
//! form, plans, fills the markup, saves the form to local storage and offers the exports.
//! Events are delegated (one listener on the root for clicks, one for input and change), so
//! redrawing the results never leaves a dead listener behind.

use crate::domain::fleet::saved::{self, SavedFleet};
use crate::domain::fleet::PlannedFleet;
use crate::ui::browser;
use crate::view::words::fleet as words;
use crate::view::{fleet_export, fleet_html};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The local-storage key of the saved fleet (apart from the single-pair state's).
pub const STORAGE_KEY: &str = "asa-planner-fleet";

/// Rows drawn with the rest of the results, then per batch after it. The stylesheet leaves the
/// rows far from the screen undrawn (`fleet_html::ROWS_PER_BODY`), so the click's own frame
/// draws the whole table of a thousand pairs (SPEC §13); a longer fleet's rest follows a
/// thousand rows a frame, the page answering in between.
const FIRST_ROWS: usize = 1000;
const BATCH_ROWS: usize = 1000;

thread_local! {
    /// The fleet last applied: what the table shows and the exports write.
    static PLANNED: RefCell<Option<PlannedFleet>> = const { RefCell::new(None) };
    /// Counts the applies, so that the batches of a fleet replaced meanwhile stop.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Fills `root` with the fleet view, puts the saved fleet back in the box and plans it (with
/// none, warms the planner up: [`warm_up`]). A saved fleet that read only in part is said and
/// kept as it is in storage: until the person changes something here, or, written by a newer
/// version, for the whole visit ([`HOLD`]). Text that is no saved fleet at all is reported
/// and replaced. A second call on the same root does nothing (its listeners would answer
/// every click twice).
pub fn mount(root: Element) {
    if root.has_attribute("data-fleet-mounted") {
        return;
    }
    let _ = root.set_attribute("data-fleet-mounted", "");
    // The stylesheet's root class, whatever element the page gave.
    let _ = root.class_list().add_1("fleet-view");
    let (fleet, problem) = match stored_text() {
        None => (SavedFleet::default(), None),
        // What reads is kept: a bad line of the saved text never wipes the whole fleet.
        Some(text) => match saved::read(&text) {
            Ok(read) => {
                let hold = if read.newer.is_some() {
                    Hold::Visit
                } else if read.whole() {
                    Hold::None
                } else {
                    Hold::UntilChange
                };
                HOLD.with(|h| h.set(hold));
                (read.saved.clone(), words::saved_read(&read))
            }
            Err(e) => (
                SavedFleet::default(),
                Some(words::saved_unreadable(&e.0.to_string())),
            ),
        },
    };
    root.set_inner_html(&fleet_html::shell(&fleet));
    listen(&root, "click", on_click);
    listen(&root, "input", on_edit);
    listen(&root, "change", on_change);
    if let Some(message) = &problem {
        notice(&root, message, "saved");
        save_or_say(&root, &fleet);
    }
    if fleet.csv.trim().is_empty() {
        warm_up(root, WARM_UP_ROUNDS);
    } else {
        // The notice about the saved text stays (apply says nothing when it saves).
        apply(&root);
    }
}

/// Whether the saved fleet may be written over.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hold {
    /// Saved as the form changes.
    None,
    /// Not saved during this visit: a newer version wrote it, with lines this one cannot
    /// write back.
    Visit,
    /// Not saved until the person changes something: it read only in part, and stays as it
    /// was while the box shows what read of it.
    UntilChange,
}

thread_local! {
    /// Whether the saved fleet may be written over ([`Hold`]).
    static HOLD: Cell<Hold> = const { Cell::new(Hold::None) };
}

/// Plans and writes a made-up fleet with the form's settings, a round per frame once the empty
/// view is painted, and drops it: the catalog is read, the planner's index built, and the wasm
/// that plans and writes compiled, then optimised, while the page waits for a fleet. Without
/// it the first "Plan the fleet" did all that in its own frame (a trace of 1,000 pairs: about
/// 300 functions compiled in the click, 50 ms of optimising beside it). Rounds of about 200
/// pairs keep each frame short; a fleet applied meanwhile ends the warm-up.
fn warm_up(root: Element, rounds: usize) {
    browser::after_paint(move || {
        if rounds == 0 || GENERATION.with(Cell::get) > 0 {
            return;
        }
        let mut text = String::new();
        for i in 0..WARM_UP_PAIRS {
            let from = WARM_UP_FROM[i % WARM_UP_FROM.len()];
            text.push_str(&format!("warm-up-{i},{from},,{WARM_UP_TO}\n"));
        }
        let planned = PlannedFleet::plan(form(&root).defaults(), &text);
        std::hint::black_box((
            fleet_html::errors(&planned.errors),
            fleet_html::results(&planned),
        ));
        warm_up(root, rounds - 1);
    });
}

/// The warm-up's fleet: a real one's shape (paths of one to three hops, a pair without a path,
/// name lists long enough to fold), 1,000 pairs in all (V8 optimises what has run enough).
const WARM_UP_FROM: [&str; 6] = ["8.2(5)", "8.4(7)", "9.0(4)", "9.1(1)", "9.2(4)", "9.8(4)"];
const WARM_UP_TO: &str = "9.12(4)";
const WARM_UP_PAIRS: usize = 6 * 34;
const WARM_UP_ROUNDS: usize = 5;

/// One delegated listener on `root`, kept for the page's lifetime (the view is mounted once).
fn listen(root: &Element, kind: &str, handler: fn(&Element, &Event)) {
    let target = root.clone();
    let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| handler(&target, &e));
    if root
        .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
        .is_ok()
    {
        closure.forget();
    }
}

/// The element of `selector` the event came from (itself or an ancestor).
fn origin(event: &Event, selector: &str) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

fn on_click(root: &Element, event: &Event) {
    if origin(event, "[data-fleet-apply]").is_some() {
        apply(root);
    } else if let Some(button) = origin(event, "[data-fleet-export]") {
        let format = button
            .get_attribute("data-fleet-export")
            .unwrap_or_default();
        export(root, &format);
    }
}

/// Typing in the box or a setting: saved at once, so nothing typed is lost on a reload.
fn on_edit(root: &Element, _event: &Event) {
    changed();
    save_or_say(root, &form(root));
}

fn on_change(root: &Element, event: &Event) {
    changed();
    match origin(event, "input[data-fleet-file]") {
        Some(input) => load_file(root, input),
        None => save_or_say(root, &form(root)),
    }
}

/// The person changed something: a saved fleet held until then is saved over from now on.
fn changed() {
    HOLD.with(|h| {
        if h.get() == Hold::UntilChange {
            h.set(Hold::None);
        }
    });
}

/// Reads the file chosen into the box (replacing its text: the person asked for the file),
/// then saves and plans it.
fn load_file(root: &Element, input: Element) {
    let Some(file) = input
        .dyn_into::<HtmlInputElement>()
        .ok()
        .and_then(|i| i.files())
        .and_then(|files| files.get(0))
    else {
        return;
    };
    let root = root.clone();
    let text = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(text).await {
            Ok(text) => {
                let text = text.as_string().unwrap_or_default();
                if let Some(area) = field::<HtmlTextAreaElement>(&root, "[data-fleet-input]") {
                    area.set_value(&text);
                }
                notice(&root, "", "file");
                apply(&root);
            }
            Err(_) => notice(&root, words::FILE_UNREADABLE, "file"),
        }
    });
}

/// Plans every line of the box with the settings: bad lines beside the box, the rest under
/// it. The box itself is never written.
fn apply(root: &Element) {
    let fleet = form(root);
    save_or_say(root, &fleet);
    let planned = PlannedFleet::plan(fleet.defaults(), &fleet.csv);
    fill(
        root,
        "[data-fleet-error-area]",
        &fleet_html::errors(&planned.errors),
    );
    let target = fleet_html::setting_error(&planned.errors, "target", &fleet.target);
    mark_setting(root, "target", "[data-fleet-target]", target.as_deref());
    fill(
        root,
        "[data-fleet-results]",
        &fleet_html::results_first(&planned, FIRST_ROWS),
    );
    let more = planned.pairs.len() > FIRST_ROWS;
    PLANNED.with(|p| *p.borrow_mut() = Some(planned));
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    if more {
        append_later(root.clone(), generation, FIRST_ROWS);
    }
}

/// Says a fleet-wide setting's error (`message`, none when it can be used) next to its field
/// (`selector`), and marks the field invalid, described by it.
fn mark_setting(root: &Element, field: &str, selector: &str, message: Option<&str>) {
    let (Ok(Some(input)), Ok(Some(place))) = (
        root.query_selector(selector),
        root.query_selector(&format!("[data-fleet-setting-error=\"{field}\"]")),
    ) else {
        return;
    };
    match message {
        Some(message) => {
            place.set_text_content(Some(message));
            let _ = place.remove_attribute("hidden");
            let _ = input.set_attribute("aria-invalid", "true");
            let _ = input.set_attribute("aria-describedby", &fleet_html::setting_error_id(field));
        }
        None => {
            place.set_text_content(None);
            let _ = place.set_attribute("hidden", "");
            let _ = input.remove_attribute("aria-invalid");
            let _ = input.remove_attribute("aria-describedby");
        }
    }
}

/// Appends the rows from `from` on, a batch per frame, each after the browser has painted what
/// came before (`browser::after_paint`): the click's own frame shows the first rows without
/// waiting for a batch, and no frame draws more than one. The table's `aria-busy` goes once
/// the last is in. Stops when another apply came since.
fn append_later(root: Element, generation: u64, from: usize) {
    browser::after_paint(move || {
        if GENERATION.with(Cell::get) != generation {
            return;
        }
        let (rows, done) = PLANNED.with(|p| {
            let planned = p.borrow();
            let pairs = planned.as_ref().map_or(&[][..], |p| &p.pairs[..]);
            let to = (from + BATCH_ROWS).min(pairs.len());
            let rows = pairs.get(from..to).map_or(String::new(), fleet_html::rows);
            (rows, to >= pairs.len())
        });
        let Ok(Some(table)) = root.query_selector("table[data-fleet]") else {
            return;
        };
        let _ = table.insert_adjacent_html("beforeend", &rows);
        if done {
            let _ = table.remove_attribute("aria-busy");
        } else {
            append_later(root, generation, from + BATCH_ROWS);
        }
    });
}

/// Offers the fleet last applied (applied now if it never was) as a file.
fn export(root: &Element, format: &str) {
    if PLANNED.with(|p| p.borrow().is_none()) {
        apply(root);
    }
    // The exports' links are whole: the planner's page beside this one, then the pair's plan.
    let base = planner_address();
    let base = base.as_deref();
    let file = PLANNED.with(|p| {
        let planned = p.borrow();
        let planned = planned.as_ref()?;
        Some(match format {
            "csv" => ("asa-fleet-plan.csv", "text/csv", planned.csv_linked(base)),
            "json" => (
                "asa-fleet-plan.json",
                "application/json",
                planned.json_linked(base),
            ),
            _ => (
                "asa-fleet-plan.md",
                "text/markdown",
                fleet_export::fleet_linked(&planned.summary, &planned.errors, base),
            ),
        })
    });
    if let Some((name, mime, text)) = file {
        if !browser::download(name, mime, &text) {
            notice(root, words::EXPORT_FAILED, "export");
        }
    }
}

/// The planner's page address, beside this one: this page's address without its fragment
/// and without the `fleet.html` it ends with (the directory serves the planner's index.html).
/// `None` when the page has no address to read (the exports then keep bare fragments).
fn planner_address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split('#').next().unwrap_or_default();
    let (path, search) = match page.split_once('?') {
        Some((path, search)) => (path, Some(search)),
        None => (page, None),
    };
    let dir = path.strip_suffix("fleet.html").unwrap_or(path);
    (!dir.is_empty()).then(|| match search {
        Some(s) => format!("{dir}?{s}"),
        None => dir.to_owned(),
    })
}

/// The form as it stands.
fn form(root: &Element) -> SavedFleet {
    let select = |selector| field::<HtmlSelectElement>(root, selector).map(|s| s.value());
    SavedFleet {
        target: field::<HtmlInputElement>(root, "[data-fleet-target]")
            .map(|i| i.value())
            .unwrap_or_default(),
        rules: select("[data-fleet-rules]").unwrap_or_default(),
        preset: select("[data-fleet-preset]").unwrap_or_default(),
        platform: select("[data-fleet-platform]").unwrap_or_default(),
        csv: field::<HtmlTextAreaElement>(root, "[data-fleet-input]")
            .map(|a| a.value())
            .unwrap_or_default(),
    }
}

fn field<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector).ok()??.dyn_into::<T>().ok()
}

fn fill(root: &Element, selector: &str, html: &str) {
    if let Ok(Some(place)) = root.query_selector(selector) {
        place.set_inner_html(html);
    }
}

/// A line in the status place; `source` (`saved`, `file`, `export`) says what it is about.
fn notice(root: &Element, text: &str, source: &str) {
    if let Ok(Some(place)) = root.query_selector("[data-fleet-notice]") {
        place.set_text_content(Some(text));
        let _ = place.set_attribute("data-source", source);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the form; false when the browser refused (no storage, quota, privacy mode). Nothing
/// is written, and that is no refusal, while the saved fleet is held ([`Hold`]).
fn save(fleet: &SavedFleet) -> bool {
    if HOLD.with(Cell::get) != Hold::None {
        return true;
    }
    storage().is_some_and(|s| {
        let saved: Result<(), JsValue> = s.set_item(STORAGE_KEY, &saved::encode(fleet));
        saved.is_ok()
    })
}

/// Saves the form, and says so in the status place when the browser refuses (the planner's
/// page says it too); a later save that works takes the notice away.
fn save_or_say(root: &Element, fleet: &SavedFleet) {
    let refused = !save(fleet);
    let Ok(Some(place)) = root.query_selector("[data-fleet-notice]") else {
        return;
    };
    let said = place.get_attribute("data-source").as_deref() == Some("storage");
    if refused && !said {
        notice(root, words::NOT_SAVED, "storage");
    } else if !refused && said {
        notice(root, "", "storage");
    }
}
