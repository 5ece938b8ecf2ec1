//! The hardware model (SPEC §5.1, `platform=`): a `<select>` whose options are
//! `view::platform_html::options` (value = the model's id, empty = no model). A view function
//! (ARCHITECTURE.md › Size); its value goes to `Planner::set_platform`.
//!
//! The options are markup text: the chosen one carries `selected`, so the text changes with the
//! model and Yew rewrites it; the `<select>`'s own value is set after the render too, since a
//! person's earlier choice leaves the element's selection apart from its markup.

use crate::domain::platform::Platform;
use crate::ui::browser;
use crate::view::{platform_html, words};
use yew::prelude::*;

/// Id of the model `<select>`.
pub const MODEL_ID: &str = "platform";

/// The model choice in a fieldset, with the chosen model's range under it.
pub fn model_select(platform: Option<Platform>, onplatform: &Callback<String>) -> Html {
    let onchange = browser::on_value::<Event>(onplatform);
    let options = AttrValue::from(platform_html::options(platform));
    let value = platform.map_or("", Platform::as_str);
    html! {
        <fieldset class="model-select">
            <legend>{ words::platform::MODEL_HEADING }</legend>
            <label for={MODEL_ID}>{ words::platform::MODEL_LABEL }</label>
            <select id={MODEL_ID} data-model={value} {onchange}>
                { Html::from_html_unchecked(options) }
            </select>
            if let Some(p) = platform {
                <p class="model-select-range">
                    { format!("{}: {}.", p.label(), words::platform::range(p)) }
                </p>
            }
        </fieldset>
    }
}

/// Makes the `<select>` show `platform` (its markup's `selected` attribute only sets the
/// default selection, which a person's earlier pick overrides). Run after every render.
pub fn show_model(platform: Option<Platform>) {
    use wasm_bindgen::JsCast;
    let value = platform.map_or("", Platform::as_str);
    if let Some(select) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MODEL_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .filter(|s| s.value() != value)
    {
        select.set_value(value);
    }
}
