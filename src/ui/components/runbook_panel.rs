//! The runbook for the whole plan: the TFTP server and "minutes per reload" fields, the steps
//! before the first hop, and one [`hop_runbook`] per hop. Active/Active steps are marked as
//! reconstructed. The steps' copy buttons are markup text (`view::runbook_html`); one click
//! listener here serves them all.
//!
//! A view function (ARCHITECTURE.md › Size): its props carry the page's callbacks, new on
//! every page render, so a component here would re-render with the page anyway.

use super::hop_runbook::{hop_runbook, HopRunbook};
use crate::domain::release::Release;
use crate::domain::runbook::{self, HopImages, Mode, Setup};
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::{runbook_html, words};
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
    pub setup: Setup,
    /// File names per hop, parallel to the plan's hops.
    pub images: Vec<HopImages>,
    pub server: AttrValue,
    /// "Minutes per reload" as typed, and as a number when it reads.
    pub minutes_typed: AttrValue,
    pub minutes: Option<u32>,
    pub onimage: Callback<(Release, String)>,
    pub onasdm: Callback<(Release, String)>,
    pub onserver: Callback<String>,
    pub onminutes: Callback<String>,
}

/// The runbook section (empty text when there is no plan).
pub fn runbook_panel(props: &RunbookPanelProps) -> Html {
    let session = &props.session;
    let hops = session.hops();
    let onserver = browser::on_value::<InputEvent>(&props.onserver);
    let onminutes = browser::on_value::<InputEvent>(&props.onminutes);
    let server = props.images.first().map_or("", |i| i.server.as_str());
    let image_of = |r: Release| runbook::image_of(hops, &props.images, r);
    let total = props.minutes.map(|m| {
        let reloads: usize = session.hop_facts.iter().map(|f| f.reloads.len()).sum();
        words::minutes(m.saturating_mul(reloads as u32))
    });
    let before = runbook_html::before_first_hop(&runbook::before_first_hop(props.setup, server));
    html! {
        <section class="runbook-panel" aria-labelledby="runbook-heading" onclick={copy_clicked}>
            <h2 id="runbook-heading">{ "Runbook" }</h2>
            if !hops.is_empty() {
                <p class="runbook-panel-rules">
                    { format!("{} pair; rules: {}.", props.setup.mode.label(), session.rules.label()) }
                </p>
            }
            if hops.is_empty() {
                <p>{ "The runbook appears when there is a plan." }</p>
            } else {
                if props.setup.mode == Mode::ActiveActive {
                    <p class="runbook-panel-warning">{ words::RECONSTRUCTED }</p>
                }
                <p class="runbook-panel-note">{ words::IMAGE_NAMES }</p>
                <div class="runbook-panel-fields">
                    <div class="runbook-panel-server">
                        <label for="tftp-server">{ "TFTP server" }</label>
                        <input id="tftp-server" type="text" value={props.server.clone()}
                            placeholder="server address" spellcheck="false" autocomplete="off" oninput={onserver} />
                    </div>
                    <div class="runbook-panel-minutes">
                        <label for="minutes-per-reload">{ "Minutes per reload (your estimate)" }</label>
                        <input id="minutes-per-reload" type="text" inputmode="numeric" value={props.minutes_typed.clone()}
                            placeholder="e.g. 15" spellcheck="false" autocomplete="off" oninput={onminutes}
                            aria-describedby="minutes-per-reload-msg" />
                        <p id="minutes-per-reload-msg" class="runbook-panel-minutes-msg">
                            { minutes_message(&props.minutes_typed, props.minutes, total) }
                        </p>
                    </div>
                </div>
                <section class="hop-runbook" aria-labelledby="before-first-hop">
                    <h3 id="before-first-hop">{ words::BEFORE_FIRST_HOP }</h3>
                    { Html::from_html_unchecked(before.into()) }
                </section>
                { for hops.iter().zip(&props.images).enumerate().filter_map(|(i, (hop, images))| {
                    let spec = session.hop_spec(i, image_of)?;
                    Some(hop_runbook(&HopRunbook {
                        index: i,
                        hop,
                        facts: session.hop_facts.get(i),
                        images,
                        runbook: &runbook::hop_runbook(props.setup, &spec, images),
                        minutes: props.minutes,
                        onimage: &props.onimage,
                        onasdm: &props.onasdm,
                    }))
                }) }
            }
        </section>
    }
}

/// Under the minutes field: the whole plan's estimate, or why the text is not used.
fn minutes_message(typed: &str, minutes: Option<u32>, total: Option<String>) -> String {
    match (minutes, total) {
        (Some(_), Some(total)) => format!("Whole plan: about {total} of reloads (your estimate)."),
        _ if typed.trim().is_empty() => String::new(),
        _ => format!(
            "\"{}\" is not a whole number of minutes: no estimate is shown.",
            typed.trim()
        ),
    }
}
