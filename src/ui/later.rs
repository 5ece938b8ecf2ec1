//! The wasm files loaded after the first paint: the page's second wasm (`src/later`: the
//! runbook section's body, the plan's notes, the legend, the list view, the Markdown export),
//! so that they do not weigh on the first load (ARCHITECTURE.md › Size), and the fleet view's
//! (`src/fleet`), loaded only when `#fleet` is opened.
//!
//! index.html defines `asaLoad(meta, global)` (adds the glue and fetches the wasm, both checked
//! by their integrity) and, once loaded, the global `asaLater` (or `asaFleet`) holds the
//! exports. Every call here catches what JavaScript throws (the exports not there yet, a
//! failed load): the page says so instead of stopping.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = asaLoad)]
    fn load_wasm(meta: &str, global: &str) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaLater, js_name = draw)]
    fn later_draw(
        state: &str,
        notes: Option<web_sys::Element>,
        legend: Option<web_sys::Element>,
        lists: Option<web_sys::Element>,
        runbook: Option<web_sys::Element>,
        on_change: &js_sys::Function,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaFleet, js_name = fleet_mount)]
    fn fleet_wasm_mount(root: &web_sys::Element) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaLater, js_name = share)]
    fn later_share(action: &str, state: &str, link: &str) -> Result<String, JsValue>;
}

/// Where the second wasm is.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Later {
    Loading,
    Ready,
    /// It could not be loaded: why, in a few words.
    Failed(String),
}

/// The second wasm's `<meta>` and global, and the fleet view's.
const LATER: (&str, &str) = ("asa-later", "asaLater");
const FLEET: (&str, &str) = ("asa-fleet", "asaFleet");

/// Loads the second wasm (once; a failed load is tried again on the next call) and says how it
/// went.
pub fn load() -> impl std::future::Future<Output = Later> {
    load_from(LATER)
}

/// Loads the fleet view's wasm, as [`load`] the second one.
pub fn load_fleet() -> impl std::future::Future<Output = Later> {
    load_from(FLEET)
}

async fn load_from((meta, global): (&str, &str)) -> Later {
    let promise = match load_wasm(meta, global) {
        Ok(promise) => promise,
        Err(e) => return Later::Failed(reason(&e)),
    };
    match JsFuture::from(promise).await {
        Ok(_) => Later::Ready,
        Err(e) => Later::Failed(reason(&e)),
    }
}

/// Where the second wasm draws its parts: elements Yew draws empty and never touches.
pub struct Places<'a> {
    pub notes: &'a yew::NodeRef,
    pub legend: &'a yew::NodeRef,
    /// The list view's (no element while the drawing is shown).
    pub lists: &'a yew::NodeRef,
    pub runbook: &'a yew::NodeRef,
}

/// Draws the second wasm's parts (the plan's notes, the legend, the list view, the runbook's
/// body) of the page state `state` (`domain::stored` text) in `places`. What a person types in
/// the runbook comes back through `on_change(field, key, value)` (`src/later/runbook_section.rs`).
pub fn draw(state: &str, places: &Places, on_change: &js_sys::Function) -> Result<(), String> {
    loaded(LATER)?;
    let element = |node: &yew::NodeRef| node.cast::<web_sys::Element>();
    later_draw(
        state,
        element(places.notes),
        element(places.legend),
        element(places.lists),
        element(places.runbook),
        on_change,
    )
    .map_err(|e| reason(&e))
}

/// Copies (`action` `"markdown"`) or downloads (`"download"`) the Markdown export of the page
/// state `state`, whose share link is `link`; returns what the share bar's status says.
pub fn share(action: &str, state: &str, link: &str) -> Result<String, String> {
    loaded(LATER)?;
    later_share(action, state, link).map_err(|e| reason(&e))
}

/// Draws the fleet view in `root` (an empty element the page gives it; SPEC §13).
/// Called once [`load_fleet`] said `Ready`.
pub fn fleet_mount(root: &web_sys::Element) -> Result<(), String> {
    fleet_wasm_mount(root).map_err(|e| reason(&e))
}

/// Whether the global holds the loaded exports (a call before would only say "null"). It is
/// wasm-bindgen's init function, which carries the exports.
fn loaded((_, global): (&str, &str)) -> Result<(), String> {
    let exports = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(global));
    match exports {
        Ok(e) if e.is_function() => Ok(()),
        _ => Err("not loaded".to_owned()),
    }
}

/// What a JavaScript error says (its message, else its text).
fn reason(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
