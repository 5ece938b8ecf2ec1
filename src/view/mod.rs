//! Pure presentation, compiled and tested natively: every sentence a person reads (`words`),
//! the Markdown export (`export`), what the release graph draws
//! (`graph_model`), and the parts of the page that are plain markup written as text
//! (`graph_svg`, `plan_html`, `platform_html`, `fleet_html`, `runbook_html`, `release_list`, `release_options`,
//! `train_list`, with `markup`'s escaping).
//!
//! Why text: the static graph is hundreds of nodes and the runbook a few dozen steps, neither
//! with a field of its own; the train switches are a hundred elements served by one listener.
//! Written as one string and handed to the browser's HTML parser (Yew's
//! `Html::from_html_unchecked`), they draw in one call instead of thousands of DOM calls from
//! wasm, and take much less wasm code than the same markup through `html!` (SPEC §12).
//! Every text and attribute value goes through `markup::escape`, so nothing typed or pasted
//! is ever read as markup. The bench's static floor page draws its graph with the same code.

pub mod export;
pub mod first_screen;
pub mod fleet_export;
pub mod fleet_html;
pub mod graph_model;
pub mod graph_svg;
pub mod legend;
pub mod markup;
pub mod plan_html;
pub mod platform_html;
pub mod position_html;
pub mod release_list;
pub mod release_options;
pub mod runbook;
pub mod runbook_html;
pub mod train_list;
pub mod window_log;
pub mod words;
