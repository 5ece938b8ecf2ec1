//! The page's second wasm (`src/later`): the runbook section's body and the Markdown export, loaded
//! after the first paint so that they do not weigh on the first load (ARCHITECTURE.md › Size).
//!
//! index.html defines `asaLoadLater()` (adds the glue and fetches the wasm, both checked by
//! their integrity) and, once loaded, the global `asaLater` holds the exports. Every call here
//! catches what JavaScript throws (`asaLater` not there yet, a failed load): the page says so
//! instead of stopping.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = asaLoadLater)]
    fn load_later() -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaLater, js_name = runbook_render)]
    fn later_runbook_render(
        root: &web_sys::Element,
        state: &str,
        on_change: &js_sys::Function,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaLater, js_name = markup)]
    fn later_markup(kind: &str, state: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, js_namespace = asaLater, js_name = fleet_mount)]
    fn later_fleet_mount(root: &web_sys::Element) -> Result<(), JsValue>;

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

/// Loads the second wasm (once; a failed load is tried again on the next call) and says how it
/// went.
pub async fn load() -> Later {
    let promise = match load_later() {
        Ok(promise) => promise,
        Err(e) => return Later::Failed(reason(&e)),
    };
    match JsFuture::from(promise).await {
        Ok(_) => Later::Ready,
        Err(e) => Later::Failed(reason(&e)),
    }
}

/// Draws (or brings up to date) the runbook section's body in `root` for the page state
/// `state` (`domain::stored` text). What a person types there comes back through
/// `on_change(field, key, value)` (`src/later/runbook_section.rs`).
pub fn render_runbook(
    root: &web_sys::Element,
    state: &str,
    on_change: &js_sys::Function,
) -> Result<(), String> {
    loaded()?;
    later_runbook_render(root, state, on_change).map_err(|e| reason(&e))
}

/// Markup of a part the first paint does without, for the page state `state`: `"notes"` or
/// `"release-lists"` (`src/later/main.rs`).
pub fn markup(kind: &str, state: &str) -> Result<String, String> {
    loaded()?;
    later_markup(kind, state).map_err(|e| reason(&e))
}

/// Copies (`action` `"markdown"`) or downloads (`"download"`) the Markdown export of the page
/// state `state`, whose share link is `link`; returns what the share bar's status says.
pub fn share(action: &str, state: &str, link: &str) -> Result<String, String> {
    loaded()?;
    later_share(action, state, link).map_err(|e| reason(&e))
}

/// Draws the fleet view in `root` (an empty element the page gives it; SPEC §13).
pub fn fleet_mount(root: &web_sys::Element) -> Result<(), String> {
    loaded()?;
    later_fleet_mount(root).map_err(|e| reason(&e))
}

/// Whether `asaLater` holds the loaded exports (a call before would only say "null"). It is
/// wasm-bindgen's init function, which carries the exports.
fn loaded() -> Result<(), String> {
    let exports = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("asaLater"));
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
