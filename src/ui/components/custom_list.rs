//! The box for pasting a custom release list. Typing only updates the draft; the list is used
//! when the person applies it (button or leaving the box), so a 10,000-entry paste is parsed
//! once, not per keystroke. Entries are shown as text, never as markup.
//! A view function (ARCHITECTURE.md › Size).

use crate::domain::custom_list::ListError;
use crate::ui::browser;
use crate::view::words::page;
use yew::prelude::*;

/// At most this many list errors are listed (the rest are counted).
const SHOWN_ERRORS: usize = 50;

pub struct CustomListProps<'a> {
    pub draft: AttrValue,
    /// True while the catalog is a custom list.
    pub active: bool,
    pub errors: &'a [ListError],
    /// Other messages about the list (e.g. too long to share).
    pub messages: Vec<String>,
    pub ondraft: Callback<String>,
    /// Use the draft as the catalog.
    pub onapply: Callback<()>,
    /// Back to the built-in catalog.
    pub onclear: Callback<()>,
}

/// Splits a pasted list into entries (comma, blank or newline separated).
pub fn entries(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The textarea, its buttons and its errors by position.
pub fn custom_list(props: &CustomListProps) -> Html {
    let oninput = browser::on_value::<InputEvent>(&props.ondraft);
    let onapply = {
        let cb = props.onapply.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onchange = {
        let cb = props.onapply.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let onclear = {
        let cb = props.onclear.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let hidden = props.errors.len().saturating_sub(SHOWN_ERRORS);
    html! {
        <details class="custom-list" open={props.active || !props.draft.is_empty()}>
            <summary>{ page::CUSTOM_LIST_HEADING }</summary>
            <label for="custom-list">
                { page::CUSTOM_LIST_LABEL }
            </label>
            <textarea
                id="custom-list"
                rows="4"
                spellcheck="false"
                value={props.draft.clone()}
                aria-describedby="custom-list-errors"
                {oninput}
                {onchange}
            />
            <div class="custom-list-actions">
                <button type="button" onclick={onapply}>{ page::CUSTOM_LIST_APPLY }</button>
                if props.active {
                    <button type="button" onclick={onclear}>{ page::CUSTOM_LIST_CLEAR }</button>
                }
            </div>
            <div id="custom-list-errors" class="custom-list-errors">
                { for props.messages.iter().map(|m| html! { <p>{ m.clone() }</p> }) }
                if !props.errors.is_empty() {
                    <ul>
                        { for props.errors.iter().take(SHOWN_ERRORS).map(|e| html! {
                            <li>{ format!("entry {} “{}”: {}", e.index, e.text, e.message) }</li>
                        }) }
                        if hidden > 0 {
                            <li>{ format!("… and {hidden} more") }</li>
                        }
                    </ul>
                }
            </div>
        </details>
    }
}
