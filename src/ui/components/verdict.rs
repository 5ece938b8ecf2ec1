//! The answer in one line: the `data-verdict` hook and the verdict in words, with the chosen
//! hardware model's refusals under it (`view::platform_html::limits`, `[data-platform-limit]`).
//!
//! A component, though it has no hooks: automation waits for `[data-verdict]` and then reads
//! the plan and the graph, so the verdict must not change before they do. Yew renders the
//! page, then its child components together (the graph's among them), and may yield to the
//! browser in between; drawn by the page itself, the verdict could be new while the graph
//! is not yet.

use crate::domain::session::Session;
use crate::ui::shared::Shared;
use crate::view::{platform_html, words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub session: Shared<Session>,
}

/// The verdict line (`[data-verdict]`, exactly one on the page).
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let session = &props.session;
    let limits = platform_html::limits(session);
    html! {
        <>
        <p class="verdict" data-verdict={session.verdict.as_str()} role="status">
            { words::verdict(session) }
        </p>
        if !limits.is_empty() {
            <div class="platform-limits">{ Html::from_html_unchecked(AttrValue::from(limits)) }</div>
        }
        </>
    }
}
