//! Helpers the integration tests share (as dtolnay/semver's `tests/util`): each test file says
//! `mod util;` and takes what it needs, so no helper is copied between files.
//!
//! - releases, trains, catalogs and sessions read from text, panicking with the text that did
//!   not read (a test's input is the test's fault, never a silent default);
//! - the fixtures under `tests/fixtures/`;
//! - the command line run as a person runs it;
//! - one HTML query helper, [`select`], on the `scraper` crate: a test asks for elements by a
//!   CSS selector and reads their attributes and text, instead of scanning markup by hand;
//! - [`markup_lines`], the page markup one tag a line, for snapshots a reviewer can read.

#![allow(dead_code)]

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::presets;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::session::{analyse, Session};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

// ---------------------------------------------------------------------------------------------
// The domain's inputs, read from text

/// The release `text` names, e.g. `r("9.1(7)")`.
#[track_caller]
pub fn r(text: &str) -> Release {
    text.parse()
        .unwrap_or_else(|e| panic!("test release {text:?}: {e}"))
}

/// The train `text` names, e.g. `t("9.1")`.
#[track_caller]
pub fn t(text: &str) -> Train {
    text.parse()
        .unwrap_or_else(|e| panic!("test train {text:?}: {e}"))
}

/// A catalog of exactly these releases, each listed.
#[track_caller]
pub fn catalog(list: &[&str]) -> Catalog {
    Catalog::from_entries(list.iter().map(|s| Entry::listed(r(s))).collect())
}

/// The built-in catalog under the preset `id`.
#[track_caller]
pub fn preset(id: &str) -> Catalog {
    let p = presets::find(id).unwrap_or_else(|| panic!("no preset {id}"));
    Catalog::builtin().retain_trains(|tr| p.exclusion(tr).is_none())
}

/// The built-in catalog under the default preset, as the page starts.
pub fn default_catalog() -> Catalog {
    preset(presets::default_preset().id)
}

/// The plan query a share fragment describes (with or without its leading `#`).
#[track_caller]
pub fn query(fragment: &str) -> PlanQuery {
    fragment
        .parse()
        .unwrap_or_else(|e| panic!("test fragment {fragment:?}: {e}"))
}

/// The session the page shows for a share fragment.
#[track_caller]
pub fn session(fragment: &str) -> Session {
    analyse(&query(fragment))
}

/// The runbook section the page draws for a share fragment, as the runbook panel assembles
/// it (`ui::components::runbook_panel`): the head, then on the ASA command-line path the steps
/// before the first hop and one section per hop, with the images and minutes of the link.
#[track_caller]
pub fn runbook_markup(fragment: &str) -> String {
    use asa_planner::domain::runbook::{hop_images, image_of};
    use asa_planner::view::runbook::{before_first_hop, hop_runbook};
    use asa_planner::view::runbook_html;
    let query = query(fragment);
    let s = analyse(&query);
    let hops = s.hops();
    let mut out = runbook_html::head(&s);
    if hops.is_empty() || !runbook_html::cli_steps_apply(&s) {
        return out;
    }
    let images = hop_images(hops, &query.server, &query.typed_images(), s.platform);
    let server = images
        .first()
        .map_or(asa_planner::domain::runbook::SERVER_PLACEHOLDER, |i| {
            i.server.as_str()
        });
    runbook_html::before_first_hop(&mut out, &before_first_hop(s.setup, server));
    for (i, hop) in hops.iter().enumerate() {
        let spec = s
            .hop_spec(i, |r| image_of(hops, &images, r, s.platform))
            .unwrap_or_else(|| panic!("{fragment}: hop {} has no runbook", i + 1));
        let book = hop_runbook(s.setup, &spec, &images[i]);
        let stop = asa_planner::view::words::hop_stop(&s, i);
        runbook_html::hop_section(
            &mut out,
            i + 1,
            hop,
            s.hop_facts.get(i),
            query.minutes,
            &book,
            stop.as_deref(),
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/// The path of `tests/fixtures/<name>`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The path of `tests/fixtures/<name>` as a command-line argument.
pub fn fixture_arg(name: &str) -> String {
    fixture_path(name).to_string_lossy().into_owned()
}

/// The text of a file; a missing one names its path.
#[track_caller]
pub fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of `tests/fixtures/<name>`.
#[track_caller]
pub fn fixture(name: &str) -> String {
    read(&fixture_path(name))
}

/// The device output `tests/fixtures/show/<name>` (our own samples, written for these tests).
#[track_caller]
pub fn show_output(name: &str) -> String {
    fixture(&format!("show/{name}"))
}

// ---------------------------------------------------------------------------------------------
// The command line

/// What one run of `asa-planner` did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asa-planner"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A writer thread: a large input must not deadlock against a full stdout pipe.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().expect("the binary ends");
    writer.join().expect("stdin written");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

// ---------------------------------------------------------------------------------------------
// Markup

/// One element [`select`] found: its tag, its attributes (values unescaped, in the order the
/// markup wrote them) and its text (every text node below it, joined, unescaped).
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
}

impl Element {
    /// The value of attribute `name`, if the element has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of attribute `name`; the test fails naming the element if it has none.
    #[track_caller]
    pub fn get(&self, name: &str) -> &str {
        self.attr(name)
            .unwrap_or_else(|| panic!("<{} {:?}> has no {name}", self.name, self.attrs))
    }

    pub fn has(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    /// The values of the attributes `names`, in that order (`""` for one it lacks).
    pub fn attrs_of(&self, names: &[&str]) -> Vec<&str> {
        names.iter().map(|n| self.attr(n).unwrap_or("")).collect()
    }
}

/// The elements of `markup` (a fragment, as the view functions write it) that match the CSS
/// `selector`, in document order. A selector that does not parse fails the test.
#[track_caller]
pub fn select(markup: &str, selector: &str) -> Vec<Element> {
    let css = scraper::Selector::parse(selector)
        .unwrap_or_else(|e| panic!("test selector {selector:?}: {e}"));
    // Table bodies, rows and cells only parse inside a table; the view writes some on their own.
    let doc = if markup.trim_start().starts_with("<tr") {
        let wrapped = format!("<table><tbody>{markup}</tbody></table>");
        scraper::Html::parse_fragment(&wrapped)
    } else if markup.trim_start().starts_with("<tbody") {
        scraper::Html::parse_fragment(&format!("<table>{markup}</table>"))
    } else {
        scraper::Html::parse_fragment(markup)
    };
    doc.select(&css)
        .map(|e| Element {
            name: e.value().name().to_string(),
            attrs: e
                .value()
                .attrs()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            text: e.text().collect(),
        })
        .collect()
}

/// The one element of `markup` that matches `selector`; the test fails, showing the markup,
/// if there is none or more than one.
#[track_caller]
pub fn one(markup: &str, selector: &str) -> Element {
    let mut found = select(markup, selector);
    match found.len() {
        1 => found.remove(0),
        n => panic!("{n} elements match {selector:?}, not one, in:\n{markup}"),
    }
}

/// The values of attribute `name` on every element of `markup` that has it, in order.
#[track_caller]
pub fn values(markup: &str, name: &str) -> Vec<String> {
    select(markup, &format!("[{name}]"))
        .iter()
        .map(|e| e.get(name).to_string())
        .collect()
}

/// `markup` one tag a line, for a snapshot a reviewer can read: a line break after every `>`
/// that a `<` follows, and nothing else changed (text, attributes and escapes stay as written).
pub fn markup_lines(markup: &str) -> String {
    let mut out = markup.replace("><", ">\n<");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The path of the device output `tests/fixtures/show/<name>` as a command-line argument.
pub fn show_arg(name: &str) -> String {
    fixture_arg(&format!("show/{name}"))
}
