//! The train switches as HTML text: one checkbox per train (`input[data-train]`), each train
//! the preset leaves out with its reason beside it. One `change` listener on the list serves
//! them all. Whether a box is checked (the train is in the catalog the rules run on) is not in
//! the text: the page sets each box's `checked` property after a render, so switching a train
//! leaves the text as it was and the list is not redrawn (nor the focus lost) on a click. The
//! text changes only with the trains themselves or the preset's exclusions. A box's id is
//! [`checkbox_id`].

use super::markup::{attr, escape, source_link};
use crate::domain::release::Train;
use crate::domain::session::TrainState;

/// The id of a train's checkbox (`train-9-12`), stable across redraws.
pub fn checkbox_id(train: Train) -> String {
    format!("train-{}-{}", train.major, train.minor)
}

/// `<ul class="train-toggles-list">` with one `<li>` per train, in the order given.
pub fn checkboxes(trains: &[TrainState]) -> String {
    let mut out = String::from("<ul class=\"train-toggles-list\">");
    for (i, t) in trains.iter().enumerate() {
        let id = checkbox_id(t.train);
        let name = t.train.to_string();
        out.push_str("<li");
        if t.excluded_by_preset.is_some() {
            attr(&mut out, "data-excluded", "");
        }
        out.push_str("><input type=\"checkbox\"");
        attr(&mut out, "id", &id);
        attr(&mut out, "data-train", &name);
        attr(&mut out, "data-index", &i.to_string());
        out.push_str("><label");
        attr(&mut out, "for", &id);
        out.push('>');
        escape(&mut out, &name);
        out.push_str("</label>");
        if let Some(exclusion) = t.excluded_by_preset {
            out.push_str("<span class=\"train-toggles-reason\">");
            escape(&mut out, exclusion.reason);
            out.push_str(" (");
            source_link(&mut out, &exclusion.source);
            out.push_str(")</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::presets::Exclusion;
    use crate::domain::sources::Source;

    static ODD: Exclusion = Exclusion {
        train: Train {
            major: 9,
            minor: 12,
        },
        reason: "not on <this> platform & that",
        source: Source {
            title: "A \"guide\"",
            url: "https://example.com/a?b=1&c=2",
        },
        assumed: false,
    };

    fn state(
        major: u16,
        minor: u16,
        enabled: bool,
        reason: Option<&'static Exclusion>,
    ) -> TrainState {
        TrainState {
            train: Train { major, minor },
            enabled,
            excluded_by_preset: reason,
        }
    }

    #[test]
    fn writes_one_checkbox_per_train_with_its_state_and_reason() {
        let html = checkboxes(&[state(9, 1, true, None), state(9, 12, false, Some(&ODD))]);
        assert_eq!(
            html,
            "<ul class=\"train-toggles-list\">\
             <li><input type=\"checkbox\" id=\"train-9-1\" data-train=\"9.1\" data-index=\"0\">\
             <label for=\"train-9-1\">9.1</label></li>\
             <li data-excluded=\"\"><input type=\"checkbox\" id=\"train-9-12\" data-train=\"9.12\" data-index=\"1\">\
             <label for=\"train-9-12\">9.12</label>\
             <span class=\"train-toggles-reason\">not on &lt;this&gt; platform &amp; that (<a \
             href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener\" target=\"_blank\">A \
             &quot;guide&quot;</a>)</span></li></ul>"
        );
    }

    #[test]
    fn switching_a_train_leaves_the_text_as_it_was() {
        // The page redraws the list only when its text changes: a click must not.
        assert_eq!(
            checkboxes(&[state(9, 1, true, None), state(9, 12, true, None)]),
            checkboxes(&[state(9, 1, true, None), state(9, 12, false, None)])
        );
    }

    #[test]
    fn the_data_attribute_reads_back_as_the_train() {
        let train = Train {
            major: 9,
            minor: 12,
        };
        let html = checkboxes(&[state(9, 12, true, None)]);
        let value = html
            .split("data-train=\"")
            .nth(1)
            .and_then(|r| r.split('"').next());
        assert_eq!(value.and_then(|v| v.parse::<Train>().ok()), Some(train));
        assert_eq!(checkbox_id(train), "train-9-12");
    }
}
