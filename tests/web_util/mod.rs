//! Helpers for the wasm-bindgen-test component tests: a fresh mount point, a timer tick to let
//! Yew render, waiting for a DOM condition, and synthetic input/mouse events that bubble to
//! Yew's listeners like real ones.

#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlInputElement, MouseEvent, MouseEventInit};

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

thread_local! {
    // The page the last test mounted (see `mount_page`).
    static PAGE: RefCell<Option<yew::AppHandle<asa_planner::ui::App>>> = const { RefCell::new(None) };
}

/// Mounts the page in a fresh mount point, after destroying the page an earlier test mounted.
/// The page looks its controls up by id in the document (the focus given back after a render,
/// the train switches' states), as one page per document allows: a page left running would
/// act on the new page's controls when it renders again (a `hashchange`, a late write).
pub fn mount_page() -> Element {
    if let Some(earlier) = PAGE.with(|p| p.borrow_mut().take()) {
        earlier.destroy();
    }
    let root = mount_point();
    let page = yew::Renderer::<asa_planner::ui::App>::with_root(root.clone()).render();
    PAGE.with(|p| *p.borrow_mut() = Some(page));
    root
}

/// A fresh element to mount into, the only one in the document (the page's ids must be
/// unique: see `mount_page`).
pub fn mount_point() -> Element {
    let doc = document();
    let earlier = doc
        .query_selector_all("[data-test-root]")
        .expect("a valid selector");
    for i in 0..earlier.length() {
        if let Some(node) = earlier.item(i) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
    let div = doc.create_element("div").expect("a div");
    div.set_attribute("data-test-root", "")
        .expect("an attribute");
    doc.body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div
}

/// Resolves after one `setTimeout(0)`: Yew's scheduler has run by then.
pub struct Tick {
    done: Rc<Cell<bool>>,
    waker: Rc<RefCell<Option<Waker>>>,
    timer: Option<Closure<dyn FnMut()>>,
}

pub fn tick() -> Tick {
    Tick {
        done: Rc::default(),
        waker: Rc::default(),
        timer: None,
    }
}

impl Future for Tick {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.done.get() {
            return Poll::Ready(());
        }
        *self.waker.borrow_mut() = Some(cx.waker().clone());
        if self.timer.is_none() {
            let (done, waker) = (self.done.clone(), self.waker.clone());
            let timer = Closure::<dyn FnMut()>::new(move || {
                done.set(true);
                if let Some(w) = waker.borrow_mut().take() {
                    w.wake();
                }
            });
            web_sys::window()
                .expect("a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    timer.as_ref().unchecked_ref(),
                    0,
                )
                .expect("setTimeout");
            self.timer = Some(timer);
        }
        Poll::Pending
    }
}

/// Waits (up to 200 ticks) until `cond` holds; panics with `what` otherwise.
#[track_caller]
pub fn until<'a>(what: &'a str, cond: impl Fn() -> bool + 'a) -> impl Future<Output = ()> + 'a {
    let caller = std::panic::Location::caller();
    async move {
        for _ in 0..200 {
            if cond() {
                return;
            }
            tick().await;
        }
        panic!("timed out waiting for {what} (at {caller})");
    }
}

/// Waits for the next paint and a task after it: the page writes the address bar and storage
/// then (`browser::write_soon`), so a test that changes the address bar itself waits first.
pub async fn frame() {
    let ran = Rc::new(Cell::new(false));
    let flag = ran.clone();
    let after = Closure::once_into_js(move || {
        let set = Closure::once_into_js(move || flag.set(true));
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(set.unchecked_ref())
            .expect("setTimeout");
    });
    web_sys::window()
        .expect("a window")
        .request_animation_frame(after.unchecked_ref())
        .expect("requestAnimationFrame");
    until("a task after the next paint", || ran.get()).await;
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn query_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// The element or a panic naming the selector.
#[track_caller]
pub fn get(root: &Element, selector: &str) -> Element {
    match query(root, selector) {
        Some(e) => e,
        None => panic!("no element matches {selector}"),
    }
}

pub fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).expect("an event")
}

/// Sets an input's value and fires `input` (what typing does).
#[track_caller]
pub fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = get(root, selector).dyn_into().expect("an <input>");
    input.set_value(value);
    input
        .dispatch_event(&bubbling("input"))
        .expect("dispatched");
}

/// Fires a bare bubbling event (`change`, `mouseover` …) on the element.
pub fn fire(element: &Element, kind: &str) {
    element.dispatch_event(&bubbling(kind)).expect("dispatched");
}

/// A bubbling mouse event, optionally with Shift held.
pub fn mouse(element: &Element, kind: &str, shift: bool) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_shift_key(shift);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).expect("a mouse event");
    element.dispatch_event(&event).expect("dispatched");
}

/// Puts `fragment` in the address bar without navigating (as an opened link would have it).
pub fn set_fragment(fragment: &str) {
    let window = web_sys::window().expect("a window");
    let url = format!(
        "{}#{fragment}",
        window.location().pathname().unwrap_or_default()
    );
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("replaceState");
}

pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Forgets what earlier tests saved.
pub fn clear_storage() {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("cleared");
    }
}

/// Renders the whole page with `fragment` in the address bar, in a browser that kept nothing
/// (`keep`: with what earlier pages saved), once its verdict is drawn.
pub async fn open_page(fragment: &str, keep: bool) -> Element {
    // The pages of earlier tests write their address after a paint: let them finish first.
    frame().await;
    if !keep {
        clear_storage();
    }
    set_fragment(fragment);
    let root = mount_page();
    until("the verdict", || query(&root, "[data-verdict]").is_some()).await;
    root
}

/// [`open_page`] with nothing saved.
pub async fn open(fragment: &str) -> Element {
    open_page(fragment, false).await
}

/// The page's `data-verdict`.
pub fn verdict(root: &Element) -> String {
    attr(&get(root, "[data-verdict]"), "data-verdict")
}
