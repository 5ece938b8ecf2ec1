//! Messages about the page as a whole: a bad link, unreadable saved state, a list too long to
//! share. Errors are announced (`role=alert`); each line can be dismissed.
//!
//! A view function (ARCHITECTURE.md › Size): no hooks, cheap to rebuild with the page.

use crate::ui::state::BannerLine;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub lines: Vec<BannerLine>,
    /// Index of the line to remove.
    pub ondismiss: Callback<usize>,
}

/// The banner; renders nothing when there is nothing to say.
pub fn banner(props: &BannerProps) -> Html {
    if props.lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="banner">
            { for props.lines.iter().enumerate().map(|(i, line)| {
                let onclick = props.ondismiss.reform(move |_: MouseEvent| i);
                // Errors are alerts, the rest status lines; the stylesheet tells them apart by
                // role. (A class chosen at run time would bring Yew's `Classes` set into the wasm.)
                let role = if line.is_error { "alert" } else { "status" };
                html! {
                    <div class="banner-line" {role} data-banner={line.source}>
                        <span class="banner-source">{ line.source }{ ": " }</span>
                        <span class="banner-text">{ line.text.clone() }</span>
                        <button type="button" class="banner-dismiss" aria-label="Dismiss" {onclick}>
                            { "×" }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
