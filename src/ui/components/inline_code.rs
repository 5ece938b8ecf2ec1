//! Text with `backtick` spans (as the domain writes commands inside sentences), shown with the
//! spans as `<code>`. Plain text nodes only: nothing in the text is ever read as markup.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InlineCodeProps {
    pub text: AttrValue,
}

/// Alternating text and `<code>` runs.
#[function_component(InlineCode)]
pub fn inline_code(props: &InlineCodeProps) -> Html {
    html! {
        <span class="inline-code">
            { for props.text.split('`').enumerate().map(|(i, part)| {
                if i % 2 == 1 {
                    html! { <code>{ part.to_owned() }</code> }
                } else {
                    html! { { part.to_owned() } }
                }
            }) }
        </span>
    }
}
