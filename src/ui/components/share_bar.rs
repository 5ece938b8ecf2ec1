//! Share and export: copy the link, copy or download the plan as Markdown for a change ticket,
//! print (the print stylesheet keeps the plan and runbook).
//!
//! A view function (ARCHITECTURE.md › Size): the outcome of a button ("Link copied.") is
//! written straight into the status line, which Yew renders empty and never touches again.

use crate::domain::runbook::HopImages;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::export::{markdown, Extras};
use web_sys::Element;
use yew::prelude::*;

pub struct ShareBarProps {
    pub session: Shared<Session>,
    pub images: Vec<HopImages>,
    /// The person's minutes per reload, for the estimate.
    pub minutes: Option<u32>,
    /// The fragment the page shows (without `#`); empty when it could not be put in a link.
    pub fragment: AttrValue,
}

/// Does what the clicked `button[data-share]` says; returns the status line's element and its
/// new text, or `None` for a click elsewhere in the bar.
fn share(e: &MouseEvent, props: &ShareBarProps) -> Option<(Element, &'static str)> {
    let button = browser::closest(e, "button[data-share]")?;
    let status = button
        .parent_element()?
        .query_selector(".share-bar-status")
        .ok()??;
    let link = browser::link(&props.fragment);
    let today = browser::today();
    let extras = Extras {
        images: &props.images,
        minutes_per_reload: props.minutes,
        made_on: today.as_deref(),
    };
    let export = || markdown(&props.session, &extras, &link);
    let (ok, done, failed) = match button.get_attribute("data-share")?.as_str() {
        "link" => (
            browser::copy(&link),
            "Link copied.",
            "Copy failed: copy the address bar.",
        ),
        "markdown" => (browser::copy(&export()), "Markdown copied.", "Copy failed."),
        _ => (
            browser::download("asa-upgrade-plan.md", "text/markdown", &export()),
            "Markdown downloaded.",
            "Download failed.",
        ),
    };
    Some((status, if ok { done } else { failed }))
}

/// Buttons and a polite status line; one click listener serves the three buttons.
pub fn share_bar(props: ShareBarProps) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some((status, text)) = share(&e, &props) {
            status.set_text_content(Some(text));
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
