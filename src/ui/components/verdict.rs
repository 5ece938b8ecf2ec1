//! The answer in one line: the `data-verdict` hook and the verdict in words.
//!
//! A component, though it has no hooks: automation waits for `[data-verdict]` and then reads
//! the plan and the graph, so the verdict must not change before they do. Yew renders the
//! page, then its child components together (the graph's among them), and may yield to the
//! browser in between; drawn by the page itself, the verdict could be new while the graph
//! is not yet.

use crate::domain::plan::Verdict as Outcome;
use crate::domain::session::Session;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub session: Shared<Session>,
}

/// The verdict in words for `session`.
pub fn words(session: &Session) -> String {
    let from = session
        .from
        .release
        .map(|r| r.to_string())
        .unwrap_or_default();
    let to = session
        .to
        .release
        .map(|r| r.to_string())
        .unwrap_or_default();
    match session.verdict {
        Outcome::Ok => {
            let hops = session.plan.as_ref().map_or(0, |p| p.hops.len());
            let noun = if hops == 1 { "hop" } else { "hops" };
            format!("Zero-downtime upgrade from {from} to {to} in {hops} {noun}.")
        }
        Outcome::Same => format!("Nothing to do: the pair already runs {to}."),
        Outcome::Downgrade => format!(
            "No zero-downtime path: {to} is older than {from}; a downgrade needs an outage."
        ),
        Outcome::NoPath => format!(
            "No zero-downtime path from {from} to {to} with the trains in use; switch trains on or change the preset."
        ),
        Outcome::Invalid if session.from.text.trim().is_empty() || session.to.text.trim().is_empty() => {
            "Enter the current and the target release.".to_owned()
        }
        Outcome::Invalid => "Check the releases entered: see the messages under the fields.".to_owned(),
    }
}

/// The verdict line (`[data-verdict]`, exactly one on the page).
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let session = &props.session;
    html! {
        <p class="verdict" data-verdict={session.verdict.as_str()} role="status">
            { words(session) }
        </p>
    }
}
