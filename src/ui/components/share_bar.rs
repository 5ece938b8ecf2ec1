//! Share and export: copy the link, copy or download the plan as Markdown for a change ticket,
//! print (the print stylesheet keeps the plan and runbook).

use crate::domain::export::markdown;
use crate::domain::runbook::HopImages;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub session: Shared<Session>,
    pub images: Vec<HopImages>,
    /// The fragment the page shows (without `#`); empty when it could not be put in a link.
    pub fragment: AttrValue,
}

/// What a button of the bar does.
#[derive(Clone, Copy)]
enum Share {
    CopyLink,
    CopyMarkdown,
    DownloadMarkdown,
}

/// Buttons and a polite status line. One callback serves the three buttons: a closure per
/// button would repeat the export call and the status handling in the wasm.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let status = use_state(|| "");
    let onshare = {
        let status = status.clone();
        let session = props.session.clone();
        let images = props.images.clone();
        let fragment = props.fragment.clone();
        Callback::from(move |what: Share| {
            let link = browser::link(&fragment);
            let (ok, done, failed) = match what {
                Share::CopyLink => (
                    browser::copy(&link),
                    "Link copied.",
                    "Copy failed: copy the address bar.",
                ),
                Share::CopyMarkdown => (
                    browser::copy(&markdown(&session, &images, &link)),
                    "Markdown copied.",
                    "Copy failed.",
                ),
                Share::DownloadMarkdown => (
                    browser::download(
                        "asa-upgrade-plan.md",
                        "text/markdown",
                        &markdown(&session, &images, &link),
                    ),
                    "Markdown downloaded.",
                    "Download failed.",
                ),
            };
            status.set(if ok { done } else { failed });
        })
    };
    let button = |what: Share, label: &'static str| {
        html! {
            <button type="button" onclick={onshare.reform(move |_: MouseEvent| what)}>{ label }</button>
        }
    };
    html! {
        <div class="share-bar">
            { button(Share::CopyLink, "Copy link") }
            { button(Share::CopyMarkdown, "Copy as Markdown") }
            { button(Share::DownloadMarkdown, "Download Markdown") }
            <span class="share-bar-status" role="status">{ *status }</span>
        </div>
    }
}
