//! Share and export: copy the link, copy or download the plan as Markdown for a change ticket
//! (`view::export`, from the page's own session and runbook fields), print (the print
//! stylesheet keeps the plan and runbook).
//!
//! A view function (ARCHITECTURE.md › Size): the outcome of a button ("Link copied.") is
//! written straight into the status line, which Yew renders empty and never touches again. A
//! copy is reported only once the clipboard has taken the text (`browser::copy`).

use crate::domain::runbook;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::ui::state::RunbookSettings;
use crate::view::export::{self, Extras};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

pub struct ShareBarProps {
    pub session: Shared<Session>,
    /// The runbook's fields (image names, server, minutes), which the export includes.
    pub settings: Rc<RunbookSettings>,
    /// The fragment the page shows (without `#`); empty when it could not be put in a link.
    pub fragment: AttrValue,
}

/// The plan as Markdown for a change ticket, its share link `link`.
fn markdown(props: &ShareBarProps, link: &str) -> String {
    let settings = &props.settings;
    let images = runbook::hop_images(
        props.session.hops(),
        &settings.server,
        &settings.images,
        props.session.platform,
    );
    let today = browser::today();
    let extras = Extras {
        images: &images,
        minutes_per_reload: runbook::minutes_per_reload(&settings.minutes),
        made_on: today.as_deref(),
    };
    export::markdown(&props.session, &extras, link)
}

/// Does what the clicked `button[data-share]` says and writes the outcome in the status line;
/// a click elsewhere in the bar does nothing.
fn share(e: &MouseEvent, props: &ShareBarProps) -> Option<()> {
    let button = browser::closest(e, "button[data-share]")?;
    let status: Element = button
        .parent_element()?
        .query_selector(".share-bar-status")
        .ok()??;
    status.set_text_content(None);
    let link = browser::link(&props.fragment);
    let say = |done: &'static str, failed: &'static str| {
        move |ok: bool| status.set_text_content(Some(if ok { done } else { failed }))
    };
    match button.get_attribute("data-share")?.as_str() {
        "link" => browser::copy(
            &link,
            say("Link copied.", "Copy failed: copy the address bar."),
        ),
        "markdown" => browser::copy(
            &markdown(props, &link),
            say("Markdown copied.", "Copy failed."),
        ),
        _ => say("Markdown downloaded.", "Download failed.")(browser::download(
            "asa-upgrade-plan.md",
            "text/markdown",
            &markdown(props, &link),
        )),
    }
    Some(())
}

/// Buttons and a polite status line; one click listener serves the three buttons.
pub fn share_bar(props: ShareBarProps) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        let _ = share(&e, &props);
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
