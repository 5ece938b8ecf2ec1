//! The page's first screen as markup, written into index.html at build time (`cargo xtask
//! first-screen`; `tests/first_screen.rs` fails when index.html's copy is stale): the empty
//! planner's header, its one-line explanation and the example plans (`[data-verdict="empty"]`),
//! painted before any script runs. The app replaces it whole, in the frame of its first render
//! (`ui::start`), so nothing that was painted moves.
//!
//! The same words and classes as the app's own header and plan section (`ui::app`,
//! `ui::components::plan_list`), from the session of the empty query.

use crate::domain::query::PlanQuery;
use crate::domain::session;
use crate::view::markup::{attr, escape, inline_code};
use crate::view::words;

/// The page's title, its `h1` (the planner's and the fleet view's).
pub const TITLE: &str = "ASA zero-downtime upgrade planner";

/// The attribute on the first screen's root: the app removes the element carrying it.
pub const SHELL_ATTR: &str = "data-shell";

/// The first screen: `<div class="planner" data-shell>` with the header and the plan section
/// of the empty planner. Before it, an empty `#fleet` marker, so that the stylesheet hides the
/// planner's first screen when the address is `#fleet` (`:target`).
pub fn html() -> String {
    let session = session::analyse(&PlanQuery::default());
    let mut out = String::with_capacity(2048);
    out.push_str("<i id=\"fleet\" hidden></i><div class=\"planner\" ");
    out.push_str(SHELL_ATTR);
    out.push_str("><header class=\"planner-header\"><h1>");
    escape(&mut out, TITLE);
    out.push_str("</h1><p class=\"planner-purpose\">");
    inline_code(&mut out, words::PURPOSE);
    out.push_str("</p></header><main class=\"planner-main\"><div class=\"planner-results\">");
    out.push_str("<section class=\"plan-result\" aria-labelledby=\"plan-heading\">");
    out.push_str("<h2 id=\"plan-heading\">Plan</h2><p class=\"verdict\"");
    attr(&mut out, "data-verdict", session.verdict.as_str());
    out.push_str(" role=\"status\">");
    escape(&mut out, &words::verdict(&session));
    out.push_str("</p><div class=\"plan-summary\"><p class=\"plan-list-rules\"");
    attr(&mut out, "data-rules", session.rules.as_str());
    out.push('>');
    escape(&mut out, &format!("Rules: {}. ", session.rules.label()));
    out.push_str("</p><ul class=\"plan-list-examples\" aria-label=\"Example plans\">");
    for (fragment, label) in words::EXAMPLES {
        out.push_str("<li><a");
        attr(&mut out, "href", &format!("#{fragment}"));
        out.push('>');
        escape(&mut out, label);
        out.push_str("</a></li>");
    }
    out.push_str("</ul></div></section></div></main></div>");
    out
}

/// The markers between which index.html holds [`html`].
pub const BEGIN: &str = "<!-- BEGIN first screen (cargo xtask first-screen) -->";
pub const END: &str = "<!-- END first screen -->";

/// What index.html holds between [`BEGIN`] and [`END`], or `None` without them.
pub fn in_page(index: &str) -> Option<&str> {
    let start = index.find(BEGIN)? + BEGIN.len();
    let end = index[start..].find(END)? + start;
    Some(index[start..end].trim())
}

/// `index` with [`html`] between the markers, or `None` without them.
pub fn write_into(index: &str) -> Option<String> {
    let start = index.find(BEGIN)? + BEGIN.len();
    let end = index[start..].find(END)? + start;
    Some(format!(
        "{}\n  {}\n  {}",
        &index[..start],
        html(),
        &index[end..]
    ))
}
