//! The fleet view's results as markup (SPEC §13): the bad lines, the counts, one table row per
//! planned pair, the groups of pairs with the same path and the images to stage. Written as
//! text for the same reason as the graph (`super`): a fleet is hundreds of rows without a field
//! of their own. Every name, release and message goes through [`markup`]'s escaping; headings
//! and sentences are [`words::fleet`]'s, shared with the fleet's Markdown.
//!
//! Hooks: `[data-fleet-empty]` when the box holds no pair and no bad line,
//! `[data-fleet-errors]` with a `li[data-line][data-field]` per bad field (a fleet-wide
//! setting's error is next to its field: `p[data-fleet-setting-error]`), `[data-fleet-counts]`, `table[data-fleet]` with a
//! `tr[data-pair]` per pair, [`ROWS_PER_BODY`] to a `<tbody>` (`data-line`, `data-name`, `data-verdict`, `data-hops`; the name
//! links to the pair's own plan), `[data-fleet-group]` per group (`data-hops`, `data-mode`, and
//! a `li[data-name]` per pair), `[data-fleet-images]` with a `tr[data-release]` per image.

use super::markup::{attr, escape};
use super::platform_html;
use super::words::fleet as words;
use crate::domain::fleet::saved::SavedFleet;
use crate::domain::fleet::{InputError, PairPlan, PlannedFleet, Summary, Tally};
use crate::domain::platform::Platform;
use crate::domain::presets::{default_preset, PRESETS};
use crate::domain::rules::RuleSet;
use std::fmt::Write;

/// The view before any result: heading, the CSV format, the fleet-wide settings, the box (with
/// `saved`'s text), the file upload, the apply and export buttons, and the empty places
/// the results go (`[data-fleet-notice]`, `[data-fleet-error-area]` beside the box,
/// `[data-fleet-results]` under it). It fills the view's root, which carries the class
/// `fleet-view` (styles/later-fleet.css).
///
/// Hooks: `input[data-fleet-target]`, `select[data-fleet-rules]`, `select[data-fleet-preset]`,
/// `select[data-fleet-platform]`,
/// `textarea[data-fleet-input]`, `input[data-fleet-file]`, `button[data-fleet-apply]`,
/// `button[data-fleet-export="csv|json|markdown"]`.
pub fn shell(saved: &SavedFleet) -> String {
    let mut out = String::with_capacity(4096 + saved.csv.len());
    out.push_str("<h2 id=\"fleet-title\">");
    escape(&mut out, words::VIEW_TITLE);
    out.push_str("</h2><p><a href=\"#\" data-fleet-single>");
    escape(&mut out, words::SINGLE_PAIR);
    out.push_str("</a></p><p class=\"fleet-help\">");
    escape(&mut out, words::FORMAT);
    out.push_str(" <code>name,unit1,unit2,target,mode,preset,platform</code>. ");
    escape(&mut out, words::FORMAT_DETAILS);
    out.push_str("</p><div class=\"fleet-defaults\"><div class=\"fleet-setting\"><label>");
    escape(&mut out, words::TARGET);
    out.push_str(" <input type=\"text\" data-fleet-target spellcheck=\"false\"");
    attr(&mut out, "value", &saved.target);
    out.push_str("></label>");
    setting_error_place(&mut out, "target");
    out.push_str("</div><label>");
    escape(&mut out, words::RULES);
    out.push_str(" <select data-fleet-rules>");
    let rules = RuleSet::from_value(&saved.rules).unwrap_or_default();
    for r in RuleSet::ALL {
        option(&mut out, r.as_str(), r.label(), r == rules);
    }
    out.push_str("</select></label><label>");
    escape(&mut out, words::PRESET);
    out.push_str(" <select data-fleet-preset>");
    let chosen = saved.preset.trim();
    let default = format!("{} ({})", words::DEFAULT_PRESET, default_preset().label);
    option(&mut out, "", &default, chosen.is_empty());
    for p in PRESETS {
        option(&mut out, p.id, p.label, p.id == chosen);
    }
    out.push_str("</select></label><label>");
    escape(&mut out, words::PLATFORM);
    out.push_str(" <select data-fleet-platform>");
    let model = saved.platform.parse::<Platform>().ok();
    out.push_str(&platform_html::options(model));
    out.push_str(
        "</select></label></div><div class=\"fleet-input\"><div class=\"fleet-box\">\
         <label for=\"fleet-csv\">",
    );
    escape(&mut out, words::BOX);
    // The parser drops one line break right after `<textarea>`: this one, never the text's.
    out.push_str(
        "</label><textarea id=\"fleet-csv\" data-fleet-input rows=\"12\" spellcheck=\"false\" \
         autocomplete=\"off\">\n",
    );
    escape(&mut out, &saved.csv);
    out.push_str("</textarea><label class=\"fleet-file\">");
    escape(&mut out, words::UPLOAD);
    out.push_str(
        " <input type=\"file\" accept=\".csv,text/csv,text/plain\" data-fleet-file></label>\
         <p><button type=\"button\" data-fleet-apply>",
    );
    escape(&mut out, words::APPLY);
    out.push_str(
        "</button></p><p class=\"fleet-notice\" data-fleet-notice role=\"status\"></p>\
         </div><div class=\"fleet-error-area\" data-fleet-error-area></div></div>\
         <p class=\"fleet-exports\">",
    );
    for (format, label) in words::EXPORTS {
        out.push_str("<button type=\"button\"");
        attr(&mut out, "data-fleet-export", format);
        out.push('>');
        escape(&mut out, label);
        out.push_str("</button> ");
    }
    out.push_str("</p><div data-fleet-results></div>");
    out
}

/// The place next to a fleet-wide setting's field where its error goes (`fleet_view` fills it
/// and marks the field `aria-invalid`, described by it): `p[data-fleet-setting-error=field]`,
/// id `fleet-{field}-error`, hidden while empty.
fn setting_error_place(out: &mut String, field: &str) {
    out.push_str("<p class=\"fleet-setting-error\" role=\"alert\" hidden");
    attr(out, "id", &setting_error_id(field));
    attr(out, "data-fleet-setting-error", field);
    out.push_str("></p>");
}

/// The id of the place of a fleet-wide setting's error (`target`: `fleet-target-error`).
pub fn setting_error_id(field: &str) -> String {
    format!("fleet-{field}-error")
}

/// What to say next to the fleet-wide setting `field` (`target`, `preset`), whose field holds
/// `value`, when it cannot be used: its label and the value quoted
/// ([`words::setting_problem`]). `None` when it can be used.
pub fn setting_error(errors: &[InputError], field: &str, value: &str) -> Option<String> {
    let error = errors
        .iter()
        .find(|e| e.line.is_none() && e.field == field)?;
    let label = match field {
        "preset" => words::PRESET,
        _ => words::TARGET,
    };
    Some(words::setting_problem(label, value, &error.problem))
}

fn option(out: &mut String, value: &str, label: &str, selected: bool) {
    out.push_str("<option");
    attr(out, "value", value);
    if selected {
        out.push_str(" selected");
    }
    out.push('>');
    escape(out, label);
    out.push_str("</option>");
}

/// Everything under the box once a fleet is applied: counts, table, groups and images.
/// The bad lines are apart ([`errors`]): they are shown next to the box.
pub fn results(fleet: &PlannedFleet) -> String {
    results_first(fleet, fleet.pairs.len())
}

/// [`results`] with only the first `rows` pairs in the table, the table marked
/// `aria-busy="true"` when pairs are left: the page draws the table of a fleet of up to a
/// thousand pairs whole, and a longer one's rest a batch at a time ([`rows`]).
pub fn results_first(fleet: &PlannedFleet, rows: usize) -> String {
    let now = fleet.pairs.get(..rows).unwrap_or(&fleet.pairs);
    let mut out = String::with_capacity(256 + now.len() * 320);
    counts(&mut out, &fleet.summary.tally, fleet.summary.groups().len());
    if fleet.pairs.is_empty() && fleet.errors.is_empty() {
        // Nothing planned and nothing wrong: a box of blank lines or only the header.
        out.push_str("<p class=\"fleet-empty\" data-fleet-empty>");
        escape(&mut out, words::NO_PAIR_IN_BOX);
        out.push_str("</p>");
    }
    if !fleet.pairs.is_empty() {
        out.push_str("<table class=\"fleet-table\" data-fleet");
        if now.len() < fleet.pairs.len() {
            out.push_str(" aria-busy=\"true\"");
        }
        out.push_str(
            "><thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Pair</th>\
             <th scope=\"col\">Units</th><th scope=\"col\">Target</th>\
             <th scope=\"col\">Verdict</th><th scope=\"col\">Hops</th>\
             <th scope=\"col\">Path</th></tr></thead>",
        );
        write_bodies(&mut out, now);
        out.push_str("</table>");
    }
    groups(&mut out, &fleet.summary);
    images(&mut out, &fleet.summary);
    out
}

/// The table bodies of `pairs`, appended at the end of the table (after its last body).
pub fn rows(pairs: &[PairPlan]) -> String {
    let mut out = String::with_capacity(pairs.len() * 320);
    write_bodies(&mut out, pairs);
    out
}

/// Rows per `<tbody>`. A body is the box the stylesheet leaves undrawn while it is far from the
/// screen (`content-visibility: auto`, styles/app.css › fleet): a thousand rows cost the frame
/// that shows them little more than the twenty bodies around them. One box per row instead
/// kept a thousand boxes to style and watch, measured slower than bodies of this size.
pub const ROWS_PER_BODY: usize = 50;

fn write_bodies(out: &mut String, pairs: &[PairPlan]) {
    for body in pairs.chunks(ROWS_PER_BODY) {
        out.push_str("<tbody>");
        write_rows(out, body);
        out.push_str("</tbody>");
    }
}

/// The lines (and fleet-wide settings) that could not be used, one item per field; empty when
/// there are none.
///
/// A fleet-wide setting's error is not among them: it goes next to its field
/// ([`setting_error`]).
pub fn errors(errors: &[InputError]) -> String {
    let errors: Vec<&InputError> = errors.iter().filter(|e| e.line.is_some()).collect();
    if errors.is_empty() {
        return String::new();
    }
    let mut out = String::from("<div class=\"fleet-errors\" role=\"alert\"><h3>");
    escape(&mut out, words::NOT_PLANNED);
    out.push_str("</h3><ul data-fleet-errors>");
    for e in errors {
        out.push_str("<li");
        if let Some(line) = e.line {
            attr(&mut out, "data-line", &line.to_string());
        }
        attr(&mut out, "data-field", e.field);
        out.push('>');
        escape(&mut out, &e.to_string());
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
    out
}

fn counts(out: &mut String, t: &Tally, groups: usize) {
    out.push_str("<p class=\"fleet-counts\" data-fleet-counts");
    for (name, n) in [
        ("data-pairs", t.pairs()),
        ("data-ok", t.ok),
        ("data-same", t.same),
        ("data-downgrade", t.downgrade),
        ("data-no-path", t.no_path),
        ("data-bad-lines", t.bad_lines),
        // Of `data-ok`, the pairs legal by Table 81-1 that Cisco later said are not
        // zero-downtime.
        ("data-not-zero-downtime", t.not_zero_downtime),
    ] {
        attr(out, name, &n.to_string());
    }
    out.push('>');
    escape(out, &words::counts(t, groups));
    out.push_str("</p>");
}

fn write_rows(out: &mut String, pairs: &[PairPlan]) {
    for pair in pairs {
        let line = pair.line.map_or(String::new(), |l| l.to_string());
        let name = pair.name.as_deref().unwrap_or_default();
        out.push_str("<tr data-pair");
        attr(out, "data-line", &line);
        attr(out, "data-name", name);
        attr(out, "data-verdict", pair.verdict.as_str());
        attr(out, "data-hops", &pair.hops.len().to_string());
        let _ = write!(out, "><td>{line}</td><th scope=\"row\"><a");
        attr(out, "href", &pair.share);
        out.push('>');
        escape(out, name);
        out.push_str("</a></th><td>");
        escape(out, &pair.units.join(", "));
        out.push_str("</td><td>");
        escape(out, &pair.target);
        out.push_str("</td><td>");
        escape(out, words::verdict(pair));
        let _ = write!(out, "</td><td>{}</td><td>", pair.hops.len());
        escape(out, &pair.path_text());
        out.push_str("</td></tr>");
    }
}

/// Lists of more names than this start folded: a change board reads the counts first, and a
/// thousand names laid out at once took most of the time between "Apply" and the table.
const SHOWN_NAMES: usize = 20;

/// Opens a `<details>` around a list of `count` pair names (open when short), closed by the
/// caller.
fn names_open(out: &mut String, count: usize) {
    out.push_str(if count > SHOWN_NAMES {
        "<details>"
    } else {
        "<details open>"
    });
    let _ = write!(out, "<summary>{}</summary>", words::pair_names(count));
}

fn groups(out: &mut String, summary: &Summary) {
    for (i, group) in summary.groups().iter().enumerate() {
        out.push_str("<section class=\"fleet-group\" data-fleet-group");
        attr(out, "data-hops", &group.hops().to_string());
        attr(out, "data-mode", group.mode.as_str());
        out.push_str("><h3>");
        escape(out, &words::group_title(i + 1, group));
        out.push_str("</h3><p><a");
        attr(out, "href", &group.share);
        out.push_str(">Open the change plan</a></p>");
        names_open(out, group.pairs.len());
        out.push_str("<ul class=\"fleet-names\">");
        for name in &group.pairs {
            out.push_str("<li");
            attr(out, "data-name", name);
            out.push('>');
            escape(out, name);
            out.push_str("</li>");
        }
        out.push_str("</ul></details></section>");
    }
}

fn images(out: &mut String, summary: &Summary) {
    let mut images = summary.images().peekable();
    if images.peek().is_none() {
        return;
    }
    out.push_str("<section class=\"fleet-images\"><h3>");
    escape(out, words::IMAGES);
    out.push_str(
        "</h3><table data-fleet-images><thead><tr><th scope=\"col\">Release</th>\
         <th scope=\"col\">Files</th><th scope=\"col\">Pairs</th><th scope=\"col\">Names</th>\
         </tr></thead><tbody>",
    );
    for image in images {
        let release = image.release.to_string();
        out.push_str("<tr");
        attr(out, "data-release", &release);
        attr(out, "data-pairs", &image.pairs.len().to_string());
        out.push_str("><th scope=\"row\">");
        escape(out, &release);
        out.push_str("</th><td>");
        for (i, file) in image.files.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("<code data-file>");
            escape(out, file);
            out.push_str("</code>");
        }
        let _ = write!(out, "</td><td>{}</td><td>", image.pairs.len());
        names_open(out, image.pairs.len());
        escape(out, &image.pairs.join(", "));
        out.push_str("</details></td></tr>");
    }
    out.push_str("</tbody></table></section>");
}
