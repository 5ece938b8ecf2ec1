//! The runbook for the whole plan: the TFTP server field and one [`hop_runbook`] per hop.
//! Active/Active steps are marked as reconstructed. The steps' copy buttons are markup text
//! (`view::runbook_html`); one click listener here serves them all.
//!
//! A view function, not a component: its props carry the page's callbacks, which are new on
//! every page render, so a component here would re-render with the page anyway; as a
//! function it saves Yew's per-component code in the wasm.

use super::hop_runbook::hop_runbook;
use crate::domain::release::Release;
use crate::domain::runbook::{self, HopImages, Mode};
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use yew::prelude::*;

/// A click on a step's copy button (`button[data-copy]`): copies its block's commands and
/// says in the block's status whether it worked. Other clicks are left alone.
fn copy_clicked(e: MouseEvent) {
    let Some(block) = browser::closest(&e, "button[data-copy]")
        .and_then(|button| button.closest(".command-block").ok().flatten())
    else {
        return;
    };
    let find = |selector: &str| block.query_selector(selector).ok().flatten();
    let text = find("code")
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    if let Some(status) = find(".command-block-status") {
        status.set_text_content(Some(if browser::copy(&text) {
            "Copied"
        } else {
            "Copy failed: select the text"
        }));
    }
}

#[derive(Properties, PartialEq)]
pub struct RunbookPanelProps {
    pub session: Shared<Session>,
    pub mode: Mode,
    /// File names per hop, parallel to the plan's hops.
    pub images: Vec<HopImages>,
    pub server: AttrValue,
    pub onimage: Callback<(Release, String)>,
    pub onserver: Callback<String>,
}

/// The runbook section (empty text when there is no plan).
pub fn runbook_panel(props: &RunbookPanelProps) -> Html {
    let hops = props.session.hops();
    let onserver = browser::on_value::<InputEvent>(&props.onserver);
    html! {
        <section class="runbook-panel" aria-labelledby="runbook-heading" onclick={copy_clicked}>
            <h2 id="runbook-heading">{ "Runbook" }</h2>
            if hops.is_empty() {
                <p>{ "The runbook appears when there is a plan." }</p>
            } else {
                if props.mode == Mode::ActiveActive {
                    <p class="runbook-panel-warning">
                        { "Active/Active steps are reconstructed — check against Cisco's guide." }
                    </p>
                }
                <div class="runbook-panel-server">
                    <label for="tftp-server">{ "TFTP server" }</label>
                    <input id="tftp-server" type="text" value={props.server.clone()}
                        placeholder="server address" spellcheck="false" autocomplete="off" oninput={onserver} />
                </div>
                { for hops.iter().zip(&props.images).enumerate().map(|(i, (hop, images))| {
                    hop_runbook(i, hop, images, &runbook::hop_runbook(props.mode, images), &props.onimage)
                }) }
            }
        </section>
    }
}
