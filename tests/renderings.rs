//! What a person reads, pinned as reviewed snapshots (insta; the files are in
//! `tests/snapshots/`): for four representative plans, the page's markup of the plan and its
//! runbook, the Markdown export for a change ticket, and the command line's text and JSON; for
//! two pasted device outputs, the page's "where the pair stands" markup.
//!
//! A wording change shows here as a diff to review, not as a broken `contains`. `cargo test`
//! fails on any difference and writes nothing under CI (insta's `INSTA_UPDATE` defaults to
//! `no` when `CI` is set, and elsewhere to writing a `.snap.new` beside the snapshot, never over
//! it). After a deliberate change: `INSTA_UPDATE=always cargo test --test renderings`, then read
//! the diff of `tests/snapshots/` before committing it.
//!
//! The short assertions beside each snapshot say what the rendering must hold whatever its
//! wording (the verdict, the exit status, the hop count).

#![cfg(not(target_arch = "wasm32"))]

mod util;

use asa_planner::domain::plan::Verdict;
use asa_planner::domain::position::{locate, Known};
use asa_planner::domain::runbook::hop_images;
use asa_planner::domain::session::Session;
use asa_planner::domain::show::parse;
use asa_planner::view::export::{markdown, Extras};
use asa_planner::view::{plan_html, position_html, words};
use util::{markup_lines, query, run, runbook_markup, select, session, show_output};

/// A plan a person asks for, as a share fragment and as the command line's arguments.
struct Example {
    /// The snapshots' name.
    name: &'static str,
    fragment: &'static str,
    args: &'static [&'static str],
    verdict: Verdict,
    hops: usize,
}

const EXAMPLES: &[Example] = &[
    // One hop into 9.x under Cisco's 9.x guidance.
    Example {
        name: "single_hop_9x",
        fragment: "from=9.8(4)&to=9.12(4)&rules=guide-9x",
        args: &["9.8(4)", "9.12(4)", "--rules", "guide-9x"],
        verdict: Verdict::Ok,
        hops: 1,
    },
    // SPEC §3.2's example: three hops through the 8.3 and 8.4 migrations, with caveats.
    Example {
        name: "multi_hop_8_2_5_to_9_1_7",
        fragment: "from=8.2(5)&to=9.1(7)&rules=guide-9x",
        args: &["8.2(5)", "9.1(7)", "--rules", "guide-9x"],
        verdict: Verdict::Ok,
        hops: 3,
    },
    // Active/Active, the units on different releases.
    Example {
        name: "active_active_mismatched",
        fragment: "from=9.8(4)&from2=9.10(1)&to=9.12(4)&mode=active-active&rules=guide-9x",
        args: &[
            "9.8(4)",
            "9.12(4)",
            "--from2",
            "9.10(1)",
            "--mode",
            "active-active",
            "--rules",
            "guide-9x",
        ],
        verdict: Verdict::Ok,
        hops: 1,
    },
    // A target past the model's last release: refused, with the reason.
    Example {
        name: "model_refused",
        fragment: "from=9.8(4)&to=9.20(3)&platform=asa5525x&rules=guide-9x",
        args: &[
            "9.8(4)",
            "9.20(3)",
            "--platform",
            "asa5525x",
            "--rules",
            "guide-9x",
        ],
        verdict: Verdict::NoPath,
        hops: 0,
    },
];

/// Snapshot settings: the fragment in the snapshot's header, so a reviewer sees which plan.
fn settings(description: &str) -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_description(description);
    s.set_omit_expression(true);
    s
}

/// The plan as the page shows it: the verdict, each hop, the notes and the runbook section,
/// the markup one tag a line.
fn page(s: &Session, fragment: &str) -> String {
    let mut out = format!("<!-- verdict -->\n{}\n<!-- hops -->\n", words::verdict(s));
    for (i, hop) in s.hops().iter().enumerate() {
        out.push_str(&markup_lines(&plan_html::hop_text(hop, s.hop_facts.get(i))));
    }
    out.push_str("<!-- notes -->\n");
    out.push_str(&markup_lines(&plan_html::notes(s)));
    out.push_str("<!-- runbook -->\n");
    out.push_str(&markup_lines(&runbook_markup(fragment)));
    out
}

/// The export the page's share bar writes, on a fixed day with an estimate of 25 minutes.
fn export(fragment: &str) -> String {
    let q = query(fragment);
    let s = session(fragment);
    let images = hop_images(s.hops(), &q.server, &q.typed_images(), s.platform);
    let extras = Extras {
        images: &images,
        minutes_per_reload: Some(25),
        made_on: Some("2026-12-01"),
        names_not_used: "",
    };
    markdown(&s, &extras, &format!("https://tools.example.net/asa/#{q}"))
}

#[test]
fn the_page_shows_each_plan_as_in_its_snapshot() {
    for e in EXAMPLES {
        let s = session(e.fragment);
        assert_eq!(s.verdict, e.verdict, "{}", e.fragment);
        assert_eq!(s.hops().len(), e.hops, "{}", e.fragment);
        let page = page(&s, e.fragment);
        // One copy block per unit the runbook types on, each said where it is typed.
        assert_eq!(
            select(&page, "pre[data-unit]").len(),
            select(&page, "p.command-block-unit").len(),
            "{}",
            e.fragment
        );
        settings(e.fragment).bind(|| insta::assert_snapshot!(format!("page_{}", e.name), page));
    }
}

#[test]
fn the_markdown_export_of_each_plan_is_as_in_its_snapshot() {
    for e in EXAMPLES {
        let md = export(e.fragment);
        assert!(md.starts_with("# "), "{}: {md}", e.fragment);
        settings(e.fragment).bind(|| insta::assert_snapshot!(format!("markdown_{}", e.name), md));
    }
}

/// The run as a person sees it: the exit status, then stdout and stderr.
fn transcript(args: &[&str]) -> (i32, String) {
    let out = run(args, "");
    let text = format!(
        "exit status: {}\n--- stdout ---\n{}--- stderr ---\n{}",
        out.code, out.stdout, out.stderr
    );
    (out.code, text)
}

#[test]
fn the_command_lines_text_and_json_of_each_plan_are_as_in_their_snapshots() {
    for e in EXAMPLES {
        let planned = if e.verdict == Verdict::Ok { 0 } else { 1 };
        let mut args = vec!["plan"];
        args.extend(e.args);
        let (code, text) = transcript(&args);
        assert_eq!(code, planned, "{text}");
        let command = format!("asa-planner {}", args.join(" "));
        settings(&command).bind(|| insta::assert_snapshot!(format!("cli_text_{}", e.name), text));

        args.extend(["--format", "json"]);
        let (code, json) = transcript(&args);
        assert_eq!(code, planned, "{json}");
        let command = format!("asa-planner {}", args.join(" "));
        settings(&command).bind(|| insta::assert_snapshot!(format!("cli_json_{}", e.name), json));
    }
}

#[test]
fn where_the_pair_stands_is_as_in_its_snapshot() {
    let fragment = "from=9.8(4)&to=9.12(4)&rules=guide-9x";
    let s = session(fragment);
    // Mid-hop (the standby reloaded onto the target), then a unit that came up off the plan.
    for (name, place) in [
        ("mid-standby-reloaded.txt", "mid_hop"),
        ("off-plan.txt", "off_plan"),
    ] {
        let snap = parse(&show_output(name));
        let pos = locate(&s, &snap, &Known::default());
        let html = position_html::html(s.hops(), &snap, &pos, |_| true);
        assert_eq!(select(&html, "[data-position]").len(), 1, "{name}: {html}");
        let description = format!("{fragment} with tests/fixtures/show/{name}");
        settings(&description)
            .bind(|| insta::assert_snapshot!(format!("position_{place}"), markup_lines(&html)));
    }
}

#[test]
fn the_command_lines_help_is_as_in_its_snapshots() {
    for (args, name) in [
        (&["--help"][..], "help"),
        (&["plan", "--help"], "help_plan"),
        (&["fleet", "--help"], "help_fleet"),
        (&["status", "--help"], "help_status"),
    ] {
        let out = run(args, "");
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{args:?}");
        // Every help shows how it is used, with examples to copy.
        assert!(out.stdout.contains("Usage: asa-planner"), "{args:?}");
        assert!(out.stdout.contains("\nExamples:\n  "), "{args:?}");
        let command = format!("asa-planner {}", args.join(" "));
        settings(&command).bind(|| insta::assert_snapshot!(name, out.stdout));
    }
}
