//! Bad fleet inputs (SPEC §13: bad lines are reported by line number, the other lines plan),
//! each on the command line (`asa-planner fleet`, the text through standard input) and in the
//! page's fleet view alike (`PlannedFleet`, `view::fleet_html`): the audit of bad inputs.

#![cfg(not(target_arch = "wasm32"))]

use asa_planner::domain::fleet::saved::{self, SavedFleet};
use asa_planner::domain::fleet::{InputError, PlannedFleet};
use asa_planner::domain::query::PlanQuery;
use asa_planner::view::fleet_html;
use asa_planner::view::words::fleet as words;
use std::io::Write;
use std::process::{Command, Stdio};

/// `asa-planner fleet - [--target T]` fed `csv`: (exit code, stdout, stderr).
fn cli(csv: &str, target: Option<&str>, format: &str) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_asa-planner"));
    command.args(["fleet", "-", "--format", format]);
    if let Some(target) = target {
        command.args(["--target", target]);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(csv.as_bytes()).expect("written");
    drop(stdin);
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

/// The page's planning of `csv` with the fleet-wide target `target`.
fn page(csv: &str, target: &str) -> PlannedFleet {
    PlannedFleet::plan(
        PlanQuery {
            to: target.to_string(),
            ..PlanQuery::default()
        },
        csv,
    )
}

/// (line, name) of each planned pair.
fn planned(fleet: &PlannedFleet) -> Vec<(u64, String)> {
    fleet
        .pairs
        .iter()
        .map(|p| (p.line.unwrap_or(0), p.name.clone().unwrap_or_default()))
        .collect()
}

/// (line, name) of each row of the command line's CSV.
fn rows(csv: &str) -> Vec<(u64, String)> {
    csv.lines()
        .skip(1)
        .map(|row| {
            let mut cells = row.split(',');
            let line = cells.next().and_then(|l| l.parse().ok()).unwrap_or(0);
            (line, cells.next().unwrap_or_default().to_string())
        })
        .collect()
}

fn expect(pairs: &[(u64, &str)]) -> Vec<(u64, String)> {
    pairs.iter().map(|(l, n)| (*l, n.to_string())).collect()
}

fn messages(errors: &[InputError]) -> Vec<String> {
    errors.iter().map(InputError::to_string).collect()
}

/// Audit item 1: a quote never closed swallowed the rest of the file and was reported as an
/// empty unit1; it is said as such on its line, and the lines after it plan.
#[test]
fn a_quote_never_closed_is_said_on_its_line_and_the_lines_after_it_plan() {
    let csv = "a,9.8(4),,9.12(4)\n\"b,9.8(4),,9.12(4)\nc,9.8(4),,9.12(4)\nd,9.8(4),,9.12(4)\n";
    let fleet = page(csv, "");
    assert_eq!(planned(&fleet), expect(&[(1, "a"), (3, "c"), (4, "d")]));
    let said = messages(&fleet.errors);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("line 2: a quoted field is never closed"),
        "{said:?}"
    );
    assert_eq!(fleet.summary.tally.bad_lines, 1);
    let html = fleet_html::errors(&fleet.errors);
    assert!(html.contains("data-line=\"2\""), "{html}");
    assert!(
        html.contains("line 2: a quoted field is never closed"),
        "{html}"
    );

    let (code, out, err) = cli(csv, None, "csv");
    assert_eq!(code, 2);
    assert_eq!(rows(&out), expect(&[(1, "a"), (3, "c"), (4, "d")]));
    assert!(
        err.starts_with("asa-planner: line 2: a quoted field is never closed"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    // A quoted field across lines that is closed stays legal (RFC 4180).
    let csv = "\"multi\nline\",9.8(4),,9.12(4)\nz,9.8(4),,9.12(4)\n";
    assert_eq!(
        planned(&page(csv, "")),
        expect(&[(1, "multi\nline"), (3, "z")])
    );
    let (code, _, err) = cli(csv, None, "csv");
    assert_eq!((code, err.as_str()), (0, ""));
}

/// Audit item 2: a header in another order was ignored and its lines read by position,
/// planning the wrong pair with `ok`; they are read by the header's names.
#[test]
fn a_header_in_another_order_is_read_by_its_names() {
    let csv = "name,target,unit1\nedge-1,9.12(4),9.8(4)\n";
    let fleet = page(csv, "");
    assert!(fleet.errors.is_empty(), "{:?}", messages(&fleet.errors));
    let pair = &fleet.pairs[0];
    assert_eq!(
        (pair.units.clone(), pair.target.as_str(), pair.line),
        (vec!["9.8(4)".to_string()], "9.12(4)", Some(2))
    );
    let (code, out, err) = cli(csv, None, "csv");
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("\n2,edge-1,9.8(4),,9.12(4),active-standby,"),
        "{out}"
    );

    // A column that is no field is said by name; a value under it keeps its line from planning
    // (it may be a misspelt target).
    let csv = "Name,Unit1,taget\nedge-1,9.8(4),9.14(1)\nedge-2,9.8(4),\n";
    let fleet = page(csv, "9.12(4)");
    let said = messages(&fleet.errors);
    assert_eq!(
        said,
        [
            "line 1: the header's column 'taget' is not a field: the fields are name, unit1, \
             unit2, target, mode, preset, platform",
            "line 2, field extra: a value under the header's column 'taget', which is not a \
             field: the line is not planned",
        ]
    );
    assert_eq!(planned(&fleet), expect(&[(3, "edge-2")]));
    let (code, out, err) = cli(csv, Some("9.12(4)"), "csv");
    assert_eq!(code, 2);
    assert_eq!(rows(&out), expect(&[(3, "edge-2")]));
    assert!(
        err.contains("line 1: the header's column 'taget' is not a field"),
        "{err}"
    );
}

/// Audit item 3: with a fleet-wide target that cannot be used nothing was planned, and the
/// counts said "0 lines not planned"; lines with their own target plan, the count is true.
#[test]
fn a_bad_fleet_wide_target_leaves_lines_with_their_own_target_planned() {
    let csv = "a,9.8(4)\nb,9.8(4),,9.12(4)\nc,9.8(4)\n";
    let fleet = page(csv, "banana");
    assert_eq!(planned(&fleet), expect(&[(2, "b")]));
    let said = messages(&fleet.errors);
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said[0].starts_with("target: "), "{said:?}");
    assert!(
        said[1].starts_with("line 1, field target: empty, and the target for the whole fleet"),
        "{said:?}"
    );
    assert!(said[2].starts_with("line 3, field target: "), "{said:?}");
    assert_eq!(fleet.summary.tally.bad_lines, 2);
    let html = fleet_html::results(&fleet);
    assert!(html.contains("data-bad-lines=\"2\""), "{html}");
    assert!(html.contains("2 lines not planned."), "{html}");

    let (code, out, err) = cli(csv, Some("banana"), "csv");
    assert_eq!(code, 2);
    assert_eq!(rows(&out), expect(&[(2, "b")]));
    assert!(err.starts_with("asa-planner: --target: "), "{err}");
    assert!(err.contains("line 1, field target: "), "{err}");
    assert!(err.contains("line 3, field target: "), "{err}");
    // The JSON carries the setting's error with the lines'.
    let (_, json, _) = cli(csv, Some("banana"), "json");
    assert!(
        json.contains("{\"line\":null,\"field\":\"target\""),
        "{json}"
    );
    assert!(json.contains("{\"line\":3,\"field\":\"target\""), "{json}");
}

/// Audit item 4: a lone carriage return started a record without counting a line (two rows
/// said line 2); every line break is a line.
#[test]
fn a_lone_carriage_return_counts_as_a_line() {
    let csv = "a,9.8(4),,9.12(4)\r\nb,9.8(4),,9.12(4)\rc,9.8(4),,9.12(4)\nd,8.2(\n";
    let fleet = page(csv, "");
    assert_eq!(planned(&fleet), expect(&[(1, "a"), (2, "b"), (3, "c")]));
    assert_eq!(fleet.errors[0].line, Some(4));
    let (_, out, err) = cli(csv, None, "csv");
    assert_eq!(rows(&out), expect(&[(1, "a"), (2, "b"), (3, "c")]));
    assert!(err.starts_with("asa-planner: line 4, field unit1"), "{err}");
}

/// Audit item 5: an empty or header-only fleet said nothing on the page; it says what the
/// command line says.
#[test]
fn an_empty_fleet_is_said_on_the_page_as_on_the_command_line() {
    for csv in [
        "",
        "\n\n",
        "name,unit1,unit2,target\n",
        "name,unit1\r\n\r\n",
    ] {
        let fleet = page(csv, "9.12(4)");
        let html = fleet_html::results(&fleet);
        assert!(html.contains("data-fleet-empty"), "{csv:?}: {html}");
        assert!(html.contains(words::NO_PAIR_IN_BOX), "{csv:?}: {html}");
        let (code, _, err) = cli(csv, Some("9.12(4)"), "csv");
        assert_eq!(code, 2);
        assert_eq!(err, format!("asa-planner: {}\n", words::no_pair_in("-")));
    }
    // Not with a pair, nor with only bad lines (they are said beside the box).
    for csv in ["a,9.8(4)\n", "a,9.8(\n"] {
        let html = fleet_html::results(&page(csv, "9.12(4)"));
        assert!(!html.contains("data-fleet-empty"), "{csv:?}: {html}");
    }
}

/// Audit item 6: a fleet separated by semicolons or tabs said "field unit1: empty"; it says
/// the fields are separated by commas.
#[test]
fn semicolons_and_tabs_are_said_to_be_no_separator() {
    for (csv, which) in [
        ("name;unit1;target\nedge-1;9.8(4);9.12(4)\n", "semicolons"),
        ("edge-1\t9.8(4)\t\t9.12(4)\n", "tabs"),
    ] {
        let fleet = page(csv, "");
        let said = messages(&fleet.errors);
        let expected = format!(
            "one field holding {which}: the fields are separated by commas \
             (name,unit1,unit2,target,mode,preset,platform)"
        );
        assert!(!said.is_empty());
        assert!(said.iter().all(|m| m.ends_with(&expected)), "{said:?}");
        assert!(said[0].starts_with("line 1: "), "{said:?}");
        let (code, _, err) = cli(csv, None, "csv");
        assert_eq!(code, 2);
        assert!(err.contains(&expected), "{err}");
    }
}

/// Audit item 7: a name such as `=cmd|calc` went into the CSV as it is, a formula to a
/// spreadsheet; the CSV writes it as text, the JSON as typed.
#[test]
fn the_csv_export_writes_formula_like_names_as_text() {
    let csv = "=cmd|calc,9.8(4),,9.12(4)\n+a,9.8(4),,9.12(4)\n-b,9.8(4),,9.12(4)\n@c,9.8(4),,9.12(4)\nok,9.8(4),,9.12(4)\n";
    let fleet = page(csv, "");
    let export = fleet.csv();
    for name in ["'=cmd|calc", "'+a", "'-b", "'@c"] {
        assert!(
            export
                .lines()
                .any(|row| row.split(',').nth(1) == Some(name)),
            "{name}: {export}"
        );
    }
    assert!(export
        .lines()
        .any(|row| row.split(',').nth(1) == Some("ok")));
    assert!(fleet.json().contains("\"name\":\"=cmd|calc\""));
    let (_, out, _) = cli(csv, None, "csv");
    assert_eq!(out, export);
}

/// Audit item 8: a bad line in the saved fleet wiped the whole saved fleet, and the page said
/// "saved state"; what reads is kept, and the message names the saved fleet.
#[test]
fn a_bad_line_in_the_saved_fleet_keeps_the_rest() {
    let good = SavedFleet {
        target: "9.12(4)".into(),
        csv: "edge-1,9.8(4)\nedge-2,9.8(4)".into(),
        ..SavedFleet::default()
    };
    let text = saved::encode(&good).replace("\nrules=", "\ncolour=blue\nrules=");
    let read = saved::read(&text).expect("a saved fleet");
    assert_eq!(read.saved, good);
    assert_eq!(
        words::saved_read(&read).as_deref(),
        Some(
            "The saved fleet had a line that could not be read (line 3: unknown key 'colour'): \
             it was dropped, the rest was kept. The saved text is left as it is until you \
             change something here."
        )
    );
    // A missing end loses nothing.
    let text = saved::encode(&good).replace("\nend", "");
    assert_eq!(saved::read(&text).expect("read").saved, good);
    // A text that is no saved fleet keeps nothing, and says it was replaced.
    let error = saved::read("{\"json\":1}").expect_err("not a saved fleet");
    assert_eq!(
        words::saved_unreadable(&error.0.to_string()),
        "The saved fleet could not be read (not a saved fleet); it was replaced."
    );
    // A text that reads whole has nothing to say.
    let read = saved::read(&saved::encode(&good)).expect("read");
    assert!(read.whole());
    assert_eq!((words::saved_read(&read), read.saved), (None, good));
}

/// Page audit 3, item 2: one bad percent escape in the saved fleet's `csv=` line lost the
/// whole fleet (the box came up empty) while the message said "what read was kept". The line
/// is kept, the bad escape as its own characters, and the message names the line.
#[test]
fn a_bad_escape_in_the_saved_fleet_keeps_the_line_as_written() {
    let good = SavedFleet {
        target: "9.12(4)".into(),
        csv: "name,unit1\nedge-1,9.8(4)\n\"edge, 2\",9.8(3)\n".into(),
        ..SavedFleet::default()
    };
    let text = saved::encode(&good).replace("edge-1", "edge%ZZ1");
    let read = saved::read(&text).expect("a saved fleet");
    assert_eq!(read.saved.target, "9.12(4)");
    assert_eq!(
        read.saved.csv,
        "name,unit1\nedge%ZZ1,9.8(4)\n\"edge, 2\",9.8(3)\n"
    );
    assert!(read.dropped.is_empty() && !read.whole());
    let said = words::saved_read(&read).expect("said");
    assert!(
        said.starts_with(
            "The saved fleet had a line with a bad escape (line 5 (csv): bad escape at byte "
        ),
        "{said}"
    );
    assert!(
        said.contains("kept as written, each bad escape as its own characters"),
        "{said}"
    );
    assert!(
        said.ends_with("left as it is until you change something here."),
        "{said}"
    );
    // Escapes that are not UTF-8 are kept as written too; the good ones around them decode.
    let text = saved::encode(&good).replace("target=9.12(4)", "target=9.12%28%E2%284)");
    assert_eq!(
        saved::read(&text).expect("read").saved.target,
        "9.12(%E2(4)"
    );
    // The strict decoder still refuses it.
    assert!(saved::decode(&text).is_err());
}

/// Page audit 3, item 1: a saved fleet a newer version wrote (`asa-planner-fleet v2`) was
/// wiped: "could not be read …; it was replaced", the box and target empty. It is read as far
/// as this version knows it, and said, like the single-pair page's `v2` record.
#[test]
fn a_saved_fleet_of_a_newer_version_is_read_and_left_as_it_is() {
    let good = SavedFleet {
        target: "9.12(4)".into(),
        csv: "edge-1,9.8(4)\n".into(),
        ..SavedFleet::default()
    };
    let text = saved::encode(&good)
        .replace(" v1", " v2")
        .replace("\nend", "\ntheme=dark\nend");
    let read = saved::read(&text).expect("a saved fleet");
    assert_eq!(read.saved, good);
    assert_eq!(read.newer.as_deref(), Some("asa-planner-fleet v2"));
    assert_eq!(
        words::saved_read(&read).as_deref(),
        Some(
            "The saved fleet was written by a newer version of the planner ('asa-planner-fleet \
             v2'): this page read what it knows of it (not line 6: unknown key 'theme') and \
             does not save over it, so nothing of it is lost; what changes here is not kept \
             between visits."
        )
    );
}
