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

/// Buttons and a polite status line.
#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let status = use_state(String::new);
    let text = {
        let session = props.session.clone();
        let images = props.images.clone();
        let fragment = props.fragment.clone();
        move || markdown(&session, &images, &browser::link(&fragment))
    };
    let oncopylink = {
        let status = status.clone();
        let fragment = props.fragment.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = browser::copy(&browser::link(&fragment));
            status.set(
                if ok {
                    "Link copied."
                } else {
                    "Copy failed: copy the address bar."
                }
                .to_owned(),
            );
        })
    };
    let oncopymd = {
        let status = status.clone();
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = browser::copy(&text());
            status.set(
                if ok {
                    "Markdown copied."
                } else {
                    "Copy failed."
                }
                .to_owned(),
            );
        })
    };
    let ondownload = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = browser::download("asa-upgrade-plan.md", "text/markdown", &text());
            status.set(
                if ok {
                    "Markdown downloaded."
                } else {
                    "Download failed."
                }
                .to_owned(),
            );
        })
    };
    html! {
        <div class="share-bar">
            <button type="button" onclick={oncopylink}>{ "Copy link" }</button>
            <button type="button" onclick={oncopymd}>{ "Copy as Markdown" }</button>
            <button type="button" onclick={ondownload}>{ "Download Markdown" }</button>
            <span class="share-bar-status" role="status">{ (*status).clone() }</span>
        </div>
    }
}
