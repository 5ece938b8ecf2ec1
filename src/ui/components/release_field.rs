//! One release input: any spelling accepted, suggestions from the catalog (native `<datalist>`,
//! keyboard-operable), and its parse error or marks right under it.
//! A view function (ARCHITECTURE.md › Size).

use crate::domain::session::Field;
use crate::ui::browser;
use crate::view::words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseFieldProps {
    /// Element id; the message below is `{id}-msg`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub field: Field,
    /// Id of the shared `<datalist>` of suggestions.
    pub list: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Said under the field when the share link leaves its text out (too long, and it reads
    /// as no release): it is kept in this browser only.
    #[prop_or_default]
    pub left_out: Option<AttrValue>,
    /// The text as typed, on every keystroke (kept even when it does not parse).
    pub oninput: Callback<String>,
}

/// A labelled release input with its message.
pub fn release_field(props: &ReleaseFieldProps) -> Html {
    // Applied at once, not a paint later: Yew sets a field's value from the state whenever
    // they differ, so a render between a keystroke and its deferred state would take the
    // character back out and move the caret to the end.
    let oninput = browser::on_value::<InputEvent>(&props.oninput);
    let msg_id = format!("{}-msg", props.id);
    let field = &props.field;
    // An empty field is not wrong yet: its message reads as a hint until something is typed.
    let wrong = field.error.is_some() && !field.text.trim().is_empty();
    // What the field read, when it was not a plain release (a `show version` line, a
    // `Version:` line, an image file name), and the mate's release a `Version:` line offers.
    let reading = field.error.is_none().then(|| field.reading()).flatten();
    let message = match &field.error {
        Some(error) => error.clone(),
        None => {
            let mut parts: Vec<String> = reading
                .as_ref()
                .and_then(words::release_read)
                .into_iter()
                .collect();
            parts.extend(field.marks.iter().map(|m| words::mark(*m).to_owned()));
            parts.join("; ")
        }
    };
    let mate = reading
        .and_then(|r| r.mate)
        .filter(|_| props.id == "from")
        .map(|mate| {
            html! {
                <button type="button" class="release-field-mate" data-use-mate={mate.to_string()}>
                    { words::mate_offer(mate) }
                </button>
            }
        });
    let message = match &props.left_out {
        Some(left_out) => format!("{message} {left_out}"),
        None => message,
    };
    let invalid = if wrong { "true" } else { "false" };
    html! {
        <div class="release-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                list={props.list.clone()}
                value={field.text.clone()}
                placeholder={props.placeholder.clone()}
                autocomplete="off"
                spellcheck="false"
                aria-invalid={invalid}
                aria-describedby={msg_id.clone()}
                {oninput}
            />
            <p id={msg_id} class="release-field-message">{ message }</p>
            { for mate }
        </div>
    }
}
