//! Share and export: copy the link, copy or download the plan as Markdown for a change ticket,
//! print (the print stylesheet keeps the plan and runbook).
//!
//! A view function (ARCHITECTURE.md › Size): the outcome of a button ("Link copied.") is
//! written straight into the status line, which Yew renders empty and never touches again.

use crate::ui::{browser, later};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

pub struct ShareBarProps {
    /// The page's state as the second wasm reads it (`domain::stored` text), for the export.
    pub state: Rc<String>,
    /// The fragment the page shows (without `#`); empty when it could not be put in a link.
    pub fragment: AttrValue,
}

/// Does what the clicked `button[data-share]` says; returns the status line's element and its
/// new text, or `None` for a click elsewhere in the bar.
fn share(e: &MouseEvent, props: &ShareBarProps) -> Option<(Element, String)> {
    let button = browser::closest(e, "button[data-share]")?;
    let status = button
        .parent_element()?
        .query_selector(".share-bar-status")
        .ok()??;
    let link = browser::link(&props.fragment);
    let text = match button.get_attribute("data-share")?.as_str() {
        "link" if browser::copy(&link) => "Link copied.".to_owned(),
        "link" => "Copy failed: copy the address bar.".to_owned(),
        // The Markdown export is the second wasm's; while it is not there, the status says so.
        action => later::share(action, &props.state, &link)
            .unwrap_or_else(|why| format!("{EXPORT_MISSING} ({why}).")),
    };
    Some((status, text))
}

/// The export's status while the second wasm is not loaded (yet, or at all).
const EXPORT_MISSING: &str =
    "The export is not loaded yet: try again in a moment, or reload the page";

/// Buttons and a polite status line; one click listener serves the three buttons.
pub fn share_bar(props: ShareBarProps) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some((status, text)) = share(&e, &props) {
            status.set_text_content(Some(&text));
        }
    });
    html! {
        <div class="share-bar" {onclick}>
            <button type="button" data-share="link">{ "Copy link" }</button>
            <button type="button" data-share="markdown">{ "Copy as Markdown" }</button>
            <button type="button" data-share="download">{ "Download Markdown" }</button>
            <span class="share-bar-status" role="status"></span>
        </div>
    }
}
