//! Hardware models as markup (SPEC §5.1): the options of a model `<select>` and the refusal's
//! `[data-platform-limit]` messages, written as text like the other plain parts of the page.
//! The page puts `options` inside its `<select>` (value = the `platform=` id, empty = no model)
//! and `limits` next to the verdict.

use super::markup::{attr, escape, inline_code};
use super::plan_html::sources;
use super::words;
use crate::domain::platform::Platform;
use crate::domain::runbook::Unit;
use crate::domain::session::{Limited, Session};

/// `<option>`s of a model choice: "any model" (value empty), then every family in the order of
/// SPEC §5.1 with its range, the chosen one `selected`.
pub fn options(selected: Option<Platform>) -> String {
    let mut out = String::with_capacity(1200);
    out.push_str("<option value=\"\"");
    if selected.is_none() {
        out.push_str(" selected");
    }
    out.push('>');
    escape(&mut out, words::platform::NO_MODEL);
    out.push_str("</option>");
    for p in Platform::ALL {
        out.push_str("<option");
        attr(&mut out, "value", p.as_str());
        if selected == Some(p) {
            out.push_str(" selected");
        }
        out.push('>');
        escape(&mut out, &words::platform::choice(p));
        out.push_str("</option>");
    }
    out
}

/// The reasons a request is refused for the chosen model: one `p[data-platform-limit]` each
/// (value `target`, `primary` or `secondary`: the release it concerns), with its source or
/// "assumed" and Cisco's compatibility guide. Empty when nothing is refused.
pub fn limits(session: &Session) -> String {
    let mut out = String::new();
    for limit in &session.platform_limits {
        let which = match limit.which {
            Limited::Target => "target",
            Limited::Unit(Unit::Primary) => "primary",
            Limited::Unit(Unit::Secondary) => "secondary",
        };
        out.push_str("<p class=\"platform-limit\"");
        attr(&mut out, "data-platform-limit", which);
        attr(&mut out, "data-platform", limit.platform.as_str());
        out.push('>');
        inline_code(&mut out, &words::platform::limit(limit));
        sources(&mut out, &words::platform::limit_sources(limit));
        out.push_str("</p>");
    }
    out
}
