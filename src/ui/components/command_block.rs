//! A block of CLI lines with a copy button (`navigator.clipboard`).

use crate::ui::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CommandBlockProps {
    pub lines: Vec<String>,
    /// What the button copies, for its accessible name (e.g. "step 1 of hop 2").
    pub what: AttrValue,
}

/// `<pre>` with the commands and a "Copy" button that says when it worked.
#[function_component(CommandBlock)]
pub fn command_block(props: &CommandBlockProps) -> Html {
    let status = use_state(|| "");
    let text = props.lines.join("\n");
    let onclick = {
        let status = status.clone();
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(if browser::copy(&text) {
                "Copied"
            } else {
                "Copy failed: select the text"
            });
        })
    };
    html! {
        <div class="command-block">
            <pre><code>{ text }</code></pre>
            <button type="button" {onclick} aria-label={format!("Copy the commands of {}", props.what)}>
                { "Copy" }
            </button>
            <span class="command-block-status" aria-live="polite">{ *status }</span>
        </div>
    }
}
