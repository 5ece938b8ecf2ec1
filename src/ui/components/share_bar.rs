//! Share and export: copy the link, copy or download the plan as Markdown for a change ticket
//! (`view::export`, from the page's own session and runbook fields), print (the print
//! stylesheet keeps the plan and runbook).
//!
//! A view function (ARCHITECTURE.md › Size): the outcome of a button ("Link copied.") is
//! written straight into the status line, which Yew renders empty and never touches again. A
//! copy is reported only once the clipboard has taken the text (`browser::copy`). The link is
//! `PlanQuery::fitted`'s: when it had to leave something out to stay within 8 KB, the status
//! line says what (`words::link_drops`), so "Link copied" never hides a dropped list.

use crate::domain::query::Fitted;
use crate::domain::runbook;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::ui::state::RunbookSettings;
use crate::view::export::{self, Extras};
use crate::view::words;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

pub struct ShareBarProps {
    pub session: Shared<Session>,
    /// The runbook's fields (image names, server, minutes), which the export includes.
    pub settings: Rc<RunbookSettings>,
    /// The share link's fragment (without `#`, as the address bar shows it) and what it leaves
    /// out.
    pub fitted: Shared<Fitted>,
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
    let not_used = crate::view::runbook_html::names_message(&settings.server, &settings.images);
    let extras = Extras {
        images: &images,
        minutes_per_reload: runbook::minutes_per_reload(&settings.minutes),
        made_on: today.as_deref(),
        names_not_used: &not_used,
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
    let link = browser::link(&props.fitted.fragment);
    let link_status = status.clone();
    let say = |done: &'static str, failed: &'static str| {
        move |ok: bool| status.set_text_content(Some(if ok { done } else { failed }))
    };
    match button.get_attribute("data-share")?.as_str() {
        "link" => {
            // What the link leaves out is said with the outcome, either way.
            let left_out = words::link_left_out(&props.fitted.dropped, props.fitted.too_long);
            browser::copy(&link, move |ok| {
                let done = if ok {
                    words::page::LINK_COPIED
                } else {
                    words::page::LINK_COPY_FAILED
                };
                let text = if left_out.is_empty() {
                    done.to_owned()
                } else {
                    format!("{done} {left_out}")
                };
                link_status.set_text_content(Some(&text));
            })
        }
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
            <button type="button" data-share="markdown">{ words::page::COPY_MARKDOWN }</button>
            <button type="button" data-share="download">{ "Download Markdown" }</button>
            <span class="share-bar-status" role="status"></span>
        </div>
    }
}
