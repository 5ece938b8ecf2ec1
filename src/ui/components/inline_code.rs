//! Text with `backtick` spans (as the domain writes commands inside sentences), shown with the
//! spans as `<code>`. Plain text nodes only: nothing in the text is ever read as markup.
//! A view function (no hooks), not a component.

use yew::prelude::*;

/// Alternating text and `<code>` runs.
pub fn inline_code(text: &str) -> Html {
    html! {
        <span class="inline-code">
            { for text.split('`').enumerate().map(|(i, part)| {
                if i % 2 == 1 {
                    html! { <code>{ part.to_owned() }</code> }
                } else {
                    html! { { part.to_owned() } }
                }
            }) }
        </span>
    }
}
