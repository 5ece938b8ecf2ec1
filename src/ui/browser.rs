//! The few browser services the page uses (location, history, local storage, clipboard,
//! downloads, the element a delegated click came from, focus after a render, work after the
//! first paint), each failing quietly into a `Result` or `None`: a locked-down browser
//! (storage disabled, no clipboard permission) must never break the page.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use yew::Callback;

thread_local! {
    /// The id of the element to focus once the page has re-rendered (see `focus_after_render`).
    static PENDING_FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The address-bar and storage write waiting for the next paint (see `write_soon`).
    static PENDING_WRITE: RefCell<Option<Write>> = const { RefCell::new(None) };
    /// Whether the `pagehide` listener that flushes a pending write is installed.
    static FLUSH_ON_HIDE: RefCell<bool> = const { RefCell::new(false) };
}

/// What the page wants in the address bar and in local storage.
struct Write {
    fragment: String,
    /// Adds a history entry (a pick that Back undoes) instead of replacing the current one.
    push: bool,
    /// The saved-state text, made only when written (a 10,000-entry draft is not encoded per
    /// keystroke).
    stored: Box<dyn FnOnce() -> String>,
    on_refused: Box<dyn FnOnce()>,
}

/// Writes `fragment` to the address bar and `stored()` to local storage once, in a task after
/// the next paint: a burst of keystrokes costs one history call and one storage write, not
/// one per keystroke, and neither delays the paint that shows the person what they did (a
/// history call costs a few milliseconds; in an animation frame it was inside every
/// interaction's measured time). A later call before that write replaces this one (a `push`
/// asked for is kept). The page leaving (`pagehide`) writes what is pending at once, so
/// nothing typed is lost. `on_refused` runs when the browser refuses storage.
pub fn write_soon(
    fragment: String,
    push: bool,
    stored: impl FnOnce() -> String + 'static,
    on_refused: impl FnOnce() + 'static,
) {
    let scheduled = PENDING_WRITE.with(|p| {
        let mut pending = p.borrow_mut();
        let push = push || pending.as_ref().is_some_and(|w| w.push);
        let scheduled = pending.is_some();
        *pending = Some(Write {
            fragment,
            push,
            stored: Box::new(stored),
            on_refused: Box::new(on_refused),
        });
        scheduled
    });
    if scheduled {
        return;
    }
    let Some(w) = window() else { return };
    if !FLUSH_ON_HIDE.with(|f| f.replace(true)) {
        let flush = Closure::<dyn Fn()>::new(flush_write);
        let _ = w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
        // Lives as long as the page.
        flush.forget();
    }
    after_paint(flush_write);
}

/// Writes the pending address and saved state, if any.
fn flush_write() {
    let Some(write) = PENDING_WRITE.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if write.push {
        push_fragment(&write.fragment);
    } else {
        replace_fragment(&write.fragment);
    }
    if !save(&(write.stored)()) {
        (write.on_refused)();
    }
}

/// Adds a history entry with `fragment` (Back returns to the plan before it).
fn push_fragment(fragment: &str) {
    if hash() == fragment {
        return;
    }
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// The element an event happened in, or its nearest ancestor, that matches `selector`: how one
/// listener on a section serves the controls of markup drawn as text inside it.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// Asks for the element with `id` to get the focus after the next render. For controls drawn
/// as markup text, which a render replaces when their surroundings change: the element that
/// had the focus is gone, its successor has the same id.
pub fn focus_after_render(id: String) {
    PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(id));
}

/// Moves the focus to the element with `id` (HTML or SVG) and scrolls it into view.
pub fn focus(id: &str) {
    let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    element.scroll_into_view();
    if let Some(e) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = e.focus();
    } else if let Some(e) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = e.focus();
    }
}

/// Run after every render (the page's effect): focuses the element asked for, but only when
/// the focus was lost (it is on `<body>`); never takes it from where the person put it.
pub fn restore_focus() {
    let Some(id) = PENDING_FOCUS.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let lost = document
        .active_element()
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    if let Some(element) = document
        .get_element_by_id(&id)
        .filter(|_| lost)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Runs `f` after the browser has drawn the page as it is now (the next frame, then a task
/// after it): for work nobody needs for the first look.
pub fn after_paint(f: impl FnOnce() + 'static) {
    // One body for every caller: generic, the two JS closures were compiled once per call site.
    after_paint_boxed(Box::new(f));
}

fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    let Some(w) = window() else { return };
    let later = Closure::once_into_js(move || {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback(Closure::once_into_js(f).unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(later.unchecked_ref());
}

/// Replaces what is inside the element `node` refers to by `html` (markup built by
/// `crate::view`). Only for an element Yew draws empty: Yew then never touches its children.
pub fn fill(node: &yew::NodeRef, html: &str) {
    if let Some(element) = node.cast::<web_sys::Element>() {
        element.set_inner_html(html);
    }
}

/// Gives the `i`-th element child of the SVG element `node` refers to a `<title>` with the
/// text `titles[i]`: for children that [`fill`] wrote without one. One element per title, not
/// markup: an `innerHTML` costs a parser each (about 25 µs).
pub fn add_svg_titles(node: &yew::NodeRef, titles: &[String]) {
    let (Some(parent), Some(document)) = (
        node.cast::<web_sys::Element>(),
        window().and_then(|w| w.document()),
    ) else {
        return;
    };
    let mut child = parent.first_element_child();
    for text in titles {
        let Some(element) = child else { return };
        if let Ok(title) = document.create_element_ns(Some("http://www.w3.org/2000/svg"), "title") {
            title.set_text_content(Some(text));
            let _ = element.append_child(&title);
        }
        child = element.next_element_sibling();
    }
}

/// Local-storage key of the saved state (`domain::stored` text).
pub const STORAGE_KEY: &str = "asa-planner.state";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The fragment without `#` (empty when there is none).
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.strip_prefix('#').map(str::to_owned).unwrap_or(h))
        .unwrap_or_default()
}

/// The page address with `fragment` (the share link).
pub fn link(fragment: &str) -> String {
    let base = window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    }
}

/// Shows `fragment` in the address bar now, without a history entry and without firing
/// `hashchange`: the page's own link put back after a fragment it refused.
pub fn show_fragment(fragment: &str) {
    replace_fragment(fragment);
}

/// Shows `fragment` in the address bar without adding a history entry (so Back does not step
/// through keystrokes) and without firing `hashchange`.
fn replace_fragment(fragment: &str) {
    // Already shown (a page opened from a link): no history call, which costs a few ms of the
    // first render.
    if hash() == fragment {
        return;
    }
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let url = if fragment.is_empty() {
        // Keep path and query, drop the `#`.
        let l = w.location();
        format!(
            "{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// A listener handing `cb` the value of the field its event (`input`, `change`) came from: the
/// one shape of every text field, select and textarea of the page.
pub fn on_value<E: AsRef<web_sys::Event> + 'static>(cb: &Callback<String>) -> Callback<E> {
    let cb = cb.clone();
    Callback::from(move |e: E| {
        if let Some(value) = field_value(e.as_ref()) {
            cb.emit(value);
        }
    })
}

/// A `change` listener handing `cb` whether the checkbox is now checked.
pub fn on_checked(cb: &Callback<bool>) -> Callback<web_sys::Event> {
    let cb = cb.clone();
    Callback::from(move |e: web_sys::Event| {
        if let Some(checked) = field_checked(&e) {
            cb.emit(checked);
        }
    })
}

/// The `value` of the field (input, select or textarea) an event came from. Read as a
/// property by name, so one function serves every kind of field: a typed cast per element
/// type would add code and glue to the wasm for the same result.
pub fn field_value(event: &web_sys::Event) -> Option<String> {
    field_property(event, "value")?.as_string()
}

/// The `checked` state of the checkbox an event came from.
pub fn field_checked(event: &web_sys::Event) -> Option<bool> {
    field_property(event, "checked")?.as_bool()
}

fn field_property(event: &web_sys::Event, name: &str) -> Option<JsValue> {
    let target = event.target()?;
    js_sys::Reflect::get(&target, &JsValue::from_str(name)).ok()
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// The raw saved text, if storage is available and holds some.
pub fn load_saved() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Saves `text`; false when the browser refused (quota, privacy mode). Nothing is written, and
/// that is no refusal, while [`hold_saved`] holds it.
fn save(text: &str) -> bool {
    if SAVED_HELD.with(Cell::get) != Hold::None {
        return true;
    }
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}

/// Whether the saved state may be written over ([`hold_saved`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Hold {
    /// Written as the page changes.
    None,
    /// Not written during this visit: a record a newer version of the planner wrote holds
    /// lines this version cannot write back (`stored::Read::newer`).
    Visit,
    /// Not written until the person changes something ([`saved_changed`]): a record that read
    /// only in part stays as it was while the page shows what read of it.
    UntilChange,
}

thread_local! {
    /// Whether the saved state is written over ([`hold_saved`]).
    static SAVED_HELD: Cell<Hold> = const { Cell::new(Hold::None) };
}

/// Keeps the saved state as it is (see [`Hold`]), or writes it again (`Hold::None`).
pub fn hold_saved(hold: Hold) {
    SAVED_HELD.with(|h| h.set(hold));
}

/// The person changed something: a record held until then is written from now on.
pub fn saved_changed() {
    SAVED_HELD.with(|h| {
        if h.get() == Hold::UntilChange {
            h.set(Hold::None);
        }
    });
}

/// Puts `text` on the clipboard, then calls `done` with whether the browser took it: `true`
/// only once the clipboard's write has resolved; `false` when it refused (no permission, the
/// page not focused) or has no clipboard API here. A status saying "Copied" is written in
/// `done`, never before.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    // One body for every caller (see `after_paint`).
    copy_boxed(text, Box::new(done));
}

fn copy_boxed(text: &str, done: Box<dyn FnOnce(bool)>) {
    let Some(w) = window() else {
        return done(false);
    };
    let clipboard = w.navigator().clipboard();
    if clipboard.is_undefined() {
        return done(false);
    }
    let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text));
    wasm_bindgen_futures::spawn_local(async move { done(written.await.is_ok()) });
}

/// Offers `text` as a file download (a Blob link clicked once, then revoked).
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Result<(), JsValue> {
        let w = window().ok_or(JsValue::NULL)?;
        let document = w.document().ok_or(JsValue::NULL)?;
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    };
    run().is_ok()
}

/// Today's date in this browser, `YYYY-MM-DD` (for the export's "made on" line).
pub fn today() -> Option<String> {
    let iso = js_sys::Date::new_0().to_iso_string().as_string()?;
    iso.get(..10).map(str::to_owned)
}
