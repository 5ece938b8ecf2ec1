//! The command line `asa-planner`, run as a person runs it: output, stderr and exit codes
//! (0 all planned, 1 some pair without a zero-downtime path, 2 bad input).

#![cfg(not(target_arch = "wasm32"))]

mod util;

use asa_planner::domain::fleet::sample_csv;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::session::analyse;
use asa_planner::view::fleet_export::change_plan;
use util::{fixture_arg, run};

/// The wording is pinned by the snapshot `tests/snapshots/cli__plan_text_8_2_5_to_9_1_7.snap`;
/// the assertions say what the layout must hold whatever the words.
#[test]
fn plan_prints_the_verdict_and_hops_in_words() {
    let r = run(&["plan", "8.2.5", "9.1(7)", "--rules", "table-81-1"], "");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // The sentences are the page's (`view::words`); the layout is the command line's.
    insta::assert_snapshot!("plan_text_8_2_5_to_9_1_7", r.stdout);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("8.2(5) → 9.1(7): ok. "),
        "{}",
        r.stdout
    );
    assert_eq!(lines[1], "Active/Standby, preset asa5500, rules table-81-1");
    // One numbered line per hop, in order, the release read in any spelling.
    let hops: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("  ")?.split_once(". "))
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, hop)| hop)
        .filter_map(|hop| hop.split_once(':').map(|(releases, _)| releases))
        .collect();
    assert_eq!(
        hops,
        [
            "8.2(5) → 8.3(2)",
            "8.3(2) → 8.4(7)",
            "8.4(7) → 9.0(4)",
            "9.0(4) → 9.1(7)"
        ],
        "{}",
        r.stdout
    );
    // Each hop's caveats follow it, with their source.
    let first_hop = lines.iter().position(|l| l.starts_with("  1. ")).unwrap();
    let caveats: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("     Caveat "))
        .collect();
    assert!(!caveats.is_empty(), "{}", r.stdout);
    for &i in &caveats {
        assert!(i > first_hop, "{}", lines[i]);
        assert!(lines[i].ends_with(')') && lines[i].contains("(https://www.cisco.com/"));
    }
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("Why not in one hop: 8.2(5) → 9.1(7) directly"))
            .count(),
        1,
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().all(|l| !l.contains('`')),
        "code spans are plain text"
    );
    // The link is a fragment (no --link-base): said after it.
    assert_eq!(
        lines[lines.len() - 2],
        "Share: #from=8.2(5)&to=9.1(7)&rules=table-81-1"
    );
    assert!(lines
        .last()
        .unwrap()
        .starts_with("Note: The links here are fragments"));
}

#[test]
fn plan_exit_codes_say_planned_no_path_or_bad_input() {
    let same = run(&["plan", "9.1(7)", "9.1.7"], "");
    assert_eq!(same.code, 0, "{}", same.stdout);
    assert!(same
        .stdout
        .starts_with("9.1(7) → 9.1(7): same. Nothing to do: the pair already runs 9.1(7)."));

    let down = run(&["plan", "9.1(7)", "8.4(7)"], "");
    assert_eq!((down.code, down.stderr.as_str()), (1, ""));
    assert!(
        down.stdout.contains(": downgrade. No zero-downtime path"),
        "{}",
        down.stdout
    );

    let off = run(&["plan", "8.1(2)", "9.1(7)"], "");
    assert_eq!(off.code, 1);
    assert!(off
        .stdout
        .contains("train 8.1 is left out by the preset asa5500"));
    // The same pair with a preset that has 8.1 plans.
    assert_eq!(
        run(&["plan", "8.1(2)", "9.1(7)", "--preset", "ASA5580"], "").code,
        0
    );

    let bad = run(&["plan", "8.2(", "9.1(7)", "--from2", "x"], "");
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr,
        "asa-planner: from: release ends too early: the maintenance number is missing at \
         position 5\n\
         asa-planner: from2: unexpected character 'x' at position 1 in the major number\n"
    );
    assert!(bad.stdout.starts_with(
        "8.2( and x → 9.1(7): invalid. Not planned: from: release ends too early: the \
         maintenance number is missing at position 5; from2: unexpected character 'x' at position 1 in the \
         major number.\n"
    ));
}

#[test]
fn the_9x_guidance_plans_in_one_hop_where_table_81_1_takes_many() {
    // Issue #20 item 4: the default rule set is the guidance by release era.
    let r = run(&["plan", "9.8(4)", "9.20(3)"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "9.8(4) → 9.20(3): ok. Zero-downtime upgrade from 9.8(4) to 9.20(3) in 1 hop.\n\
         Active/Standby, preset asa5500, rules guide-9x\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Share: #from=9.8(4)&to=9.20(3)\n"));
    // The one hop over many trains links Cisco's planning page (the sentence's wording is
    // tests/snapshots/renderings__cli_text_single_hop_9x.snap's).
    let warning = r
        .stdout
        .lines()
        .find(|l| l.starts_with("     This hop spans more than one train"))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(
        warning.contains("Cisco's planning page")
            && warning.ends_with(
                "(https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade/planning.html)"
            ),
        "{warning}"
    );
    let table = run(&["plan", "9.8(4)", "9.20(3)", "--rules", "table-81-1"], "");
    assert!(table.stdout.contains("in 11 hops."), "{}", table.stdout);
    assert!(table
        .stdout
        .contains("Share: #from=9.8(4)&to=9.20(3)&rules=table-81-1"));
    let fleet = run(&["fleet", "-", "--format", "csv"], "a,9.8(4),,9.20(3)\n");
    assert_eq!(fleet.code, 0, "{}", fleet.stderr);
    assert!(fleet.stdout.contains(",guide-9x,ok,1,"), "{}", fleet.stdout);
    // The other rule set's hop count travels in the CSV.
    assert!(
        fleet.stdout.contains("#from=9.8(4)&to=9.20(3),11,"),
        "{}",
        fleet.stdout
    );
    let help = run(&["plan", "--help"], "");
    assert!(help.stdout.contains("guide-9x") && help.stdout.contains("table-81-1"));
}

// Issue #20 item 10: the JSON carries the caveats and warnings the text shows.
#[test]
fn plan_json_carries_caveats_and_warnings() {
    let r = run(
        &[
            "plan",
            "8.4(5)",
            "8.4(6)",
            "--rules",
            "table-81-1",
            "--format",
            "json",
        ],
        "",
    );
    // Legal by Table 81-1 but not zero-downtime: exit 1, as for no path.
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    insta::assert_snapshot!("plan_json_8_4_5_to_8_4_6_table", r.stdout);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(json["verdict"], "ok");
    // The hop carries the caveat in full; the document lists it once more in short.
    let caveat = &json["hops"][0]["caveats"][0];
    assert_eq!(
        (
            &caveat["release"],
            &caveat["id"],
            &caveat["kind"],
            &caveat["blocking"]
        ),
        (
            &"8.4(6)".into(),
            &"cscug88962".into(),
            &"not-zero-downtime".into(),
            &true.into()
        ),
        "{json}"
    );
    assert!(
        caveat["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Cisco later said there is no zero-downtime upgrade")),
        "{json}"
    );
    assert_eq!(
        json["warnings"],
        serde_json::json!([{"kind": "not-zero-downtime", "hops": [1], "bugs": ["CSCug88962"]}])
    );
    assert_eq!(json["caveats"][0]["id"], "cscug88962", "{json}");
    // The text says the same.
    let text = run(&["plan", "8.4(5)", "8.4(6)", "--rules", "table-81-1"], "");
    // Not zero-downtime: exit 1 as for no path.
    assert_eq!(text.code, 1);
    assert!(
        text.stdout.starts_with(
            "8.4(5) → 8.4(6): ok. Legal by Table 81-1 from 8.4(5) to 8.4(6) in 1 hop, but Cisco \
             later said this hop (8.4(5) → 8.4(6)) is not zero-downtime (CSCug88962)"
        ),
        "{}",
        text.stdout
    );
    // Under the default rules: no path, with the reason and the bug.
    let r = run(&["plan", "8.4(5)", "8.4(6)", "--format", "json"], "");
    assert_eq!(r.code, 1);
    insta::assert_snapshot!("plan_json_8_4_5_to_8_4_6", r.stdout);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(json["verdict"], "no-path");
    assert_eq!(json["warnings"][0]["kind"], "no-path", "{json}");
    assert!(
        json["warnings"][0]["reason"]
            .as_str()
            .is_some_and(|t| t.contains("8.4(6) (CSCug88962)")),
        "{json}"
    );
    // 9.1(1) → 9.1(7): the outage plan travels, never a plain zero-downtime upgrade.
    let r = run(&["plan", "9.1(1)", "9.1(7)", "--format", "json"], "");
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert!(
        json["warnings"]
            .as_array()
            .is_some_and(|w| w.contains(&serde_json::json!({
                "kind": "outage-plan",
                "path": ["9.1(1)", "9.1(2)", "9.1(7)"],
                "then_holds": true
            }))),
        "{json}"
    );
    let r = run(&["plan", "9.1(1)", "9.1(7)", "--rules", "table-81-1"], "");
    assert!(
        r.stdout
            .contains("Legal by Table 81-1 from 9.1(1) to 9.1(7) in 1 hop, but Cisco later"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Outage plan (not zero-downtime)"),
        "{}",
        r.stdout
    );
}

#[test]
fn bad_options_are_bad_input() {
    for (args, says) in [
        (
            &["plan", "8.4(7)", "9.0(4)", "--rules", "9x"][..],
            "not a rule set: use guide-9x or table-81-1",
        ),
        (
            &["plan", "8.4(7)", "9.0(4)", "--mode", "active-passive"][..],
            "not a failover mode",
        ),
        (
            &["plan", "8.4(7)", "9.0(4)", "--preset", "asa9999"][..],
            "unknown preset 'asa9999'",
        ),
        (
            &["plan", "8.4(7)", "9.0(4)", "--trains", "8.4,9.x"][..],
            "--trains",
        ),
        (&["plan", "8.4(7)"][..], "<TO>"),
        (&["fleet", "-", "--format", "xml"][..], "xml"),
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn help_shows_examples() {
    for args in [&["--help"][..], &["plan", "--help"], &["fleet", "--help"]] {
        let r = run(args, "");
        assert_eq!(r.code, 0, "{args:?}");
        assert!(
            r.stdout.contains("Examples:\n  asa-planner "),
            "{args:?}: {}",
            r.stdout
        );
    }
}

#[test]
fn plan_json_is_the_pair_document() {
    let r = run(
        &[
            "plan",
            "8.4.7",
            "9.1(7)",
            "--from2",
            "8.4(7.30)",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let golden = std::fs::read_to_string(fixture_arg("pair.json")).unwrap();
    assert_eq!(
        Some(r.stdout.as_str()),
        golden.lines().next().map(|l| format!("{l}\n")).as_deref()
    );
}

#[test]
fn plan_markdown_is_the_pages_export() {
    let r = run(
        &[
            "plan",
            "8.2(5)",
            "9.1(7)",
            "--mode",
            "active-active",
            "--format",
            "markdown",
        ],
        "",
    );
    assert_eq!(r.code, 0);
    let query: PlanQuery = "from=8.2(5)&to=9.1(7)&mode=active-active".parse().unwrap();
    let expected = change_plan(&query, &analyse(&query), &format!("#{query}"));
    assert_eq!(r.stdout, expected);
    assert!(r.stdout.contains("## Runbook (Active/Active)"));
}

#[test]
fn fleet_csv_has_one_row_per_pair_and_reports_bad_lines_by_number() {
    let r = run(
        &["fleet", &fixture_arg("fleet.csv"), "--target", "9.1(7)"],
        "",
    );
    assert_eq!(
        r.code, 2,
        "a bad line is bad input, even with no-path pairs"
    );
    assert_eq!(
        r.stderr,
        "asa-planner: line 6, field unit1: release ends too early: the maintenance number is \
         missing at position 5\n"
    );
    let rows: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        rows,
        [
            "line,name,unit1,unit2,target,mode,preset,rules,verdict,hops,path,share,\
             other_rules_hops,caveats,warnings,reason",
            "2,edge-1,8.2(5),,9.1(7),active-standby,asa5500,guide-9x,ok,3,\
             8.2(5) → 8.3(2) → 8.4(7) → 9.1(7),#from=8.2(5)&to=9.1(7),4,\
             migration-8.3 migration-8.4 migration-9.0 migration-9.1,\
             avoids-path-table-stop check-planning-page,",
            "3,\"edge \"\"2\"\", lab\",8.2(5),,9.1(7),active-standby,asa5500,guide-9x,ok,3,\
             8.2(5) → 8.3(2) → 8.4(7) → 9.1(7),#from=8.2(5)&to=9.1(7),4,\
             migration-8.3 migration-8.4 migration-9.0 migration-9.1,\
             avoids-path-table-stop check-planning-page,",
            // Why, in the words of the pair's own plan, with Cisco's link; the other rule
            // set's hop is not a bare count: Cisco later said it is not zero-downtime.
            "4,dc-core,9.1(1),9.1(2),9.2(4),active-active,asa5500,guide-9x,no-path,0,,\
             #from=9.1(1)&from2=9.1(2)&to=9.2(4)&mode=active-active,1,,\
             no-path parity outage-plan,\"No zero-downtime path from 9.1(1) to 9.2(4): from \
             9.1(1) Cisco gives no zero-downtime path to 9.1(2) or later (CSCuh25271, \
             CSCug88962): Cisco says to upgrade to 9.1(2) first, which reloads both units at \
             once (an outage), then to go on with zero-downtime upgrades. Under Table 81-1 of \
             Cisco's 8.x configuration guide: 1 hop (9.1(1) → 9.2(4)), but Cisco later said this \
             hop is not zero-downtime (CSCuh25271). (https://www.cisco.com/c/en/us/td/docs/\
             security/asa/asa92/configuration/general/asa-general-cli/admin-swconfig.html)\"",
            "7,old,9.2(4),,9.1(7),active-standby,asa5500,guide-9x,downgrade,0,,\
             #from=9.2(4)&to=9.1(7),,,downgrade,No zero-downtime path: 9.1(7) is older than \
             9.2(4); a downgrade needs an outage.",
            "8,done,9.1(7),,9.1(7),active-standby,asa5500,guide-9x,same,0,,\
             #from=9.1(7)&to=9.1(7),,,,",
            "9,asa5580,8.1(2),,9.1(7),active-standby,asa5500,guide-9x,no-path,0,,\
             #from=8.1(2)&to=9.1(7),,,no-path,\"No zero-downtime path from 8.1(2) to 9.1(7): \
             releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration \
             migrations); and some trains are switched off: switch them on or change the preset. \
             (https://www.cisco.com/c/en/us/td/docs/security/asa/asa83/upgrading/migrating.epub)\"",
        ]
    );
}

#[test]
fn fleet_json_from_a_file_is_the_golden_document() {
    let r = run(
        &[
            "fleet",
            &fixture_arg("fleet.csv"),
            "--target",
            "9.1(7)",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stdout,
        std::fs::read_to_string(fixture_arg("fleet.json")).unwrap()
    );
}

#[test]
fn fleet_exit_codes_and_stdin() {
    let ok = run(
        &["fleet", "-", "--target", "9.1(7)"],
        "a,9.0(4)\nb,9.1(7)\n",
    );
    assert_eq!((ok.code, ok.stderr.as_str()), (0, ""));
    assert_eq!(ok.stdout.lines().count(), 3);

    let no_path = run(&["fleet", "-"], "a,9.0(4),,9.1(7)\nb,9.1(7),,9.0(4)\n");
    assert_eq!((no_path.code, no_path.stderr.as_str()), (1, ""));
    // Legal by Table 81-1 but not zero-downtime (CSCug88962): exit 1 too.
    let doubted = run(
        &["fleet", "-", "--rules", "table-81-1"],
        "a,8.4(5),,8.4(6)\n",
    );
    assert_eq!((doubted.code, doubted.stderr.as_str()), (1, ""));
    assert!(
        doubted
            .stdout
            .contains(",cscug88962,not-zero-downtime,\"Legal by Table 81-1 from 8.4(5) to 8.4(6)"),
        "{}",
        doubted.stdout
    );

    let empty = run(&["fleet", "-"], "name,unit1\n\n");
    assert_eq!(empty.code, 2);
    assert_eq!(
        empty.stderr,
        "asa-planner: no pair in -: every line is blank or the header\n"
    );

    let missing = run(&["fleet", "/nonexistent/pairs.csv"], "");
    assert_eq!(missing.code, 2);
    assert!(missing
        .stderr
        .starts_with("asa-planner: cannot read /nonexistent/pairs.csv: "));

    // A fleet-wide target that cannot be used is said; the lines that fall back to it are bad
    // lines, and those with their own target still plan (audit of bad inputs, item 3).
    let target = run(
        &["fleet", "-", "--target", "9.1("],
        "a,9.0(4)\nb,9.0(4),,9.1(7)\n",
    );
    assert_eq!(
        (target.code, target.stderr.as_str()),
        (
            2,
            "asa-planner: --target: release ends too early: the maintenance number is \
             missing at position 5\n\
             asa-planner: line 1, field target: empty, and the target for the whole fleet \
             cannot be used: give one on the line or correct the fleet's target\n",
        )
    );
    assert!(
        target.stdout.contains("\n2,b,9.0(4),,9.1(7),"),
        "{}",
        target.stdout
    );
}

#[test]
fn fleet_reads_rfc_4180_and_names_the_line_a_person_sees() {
    // Quotes with commas, doubled quotes and a line break inside; blank lines (also CRLF);
    // a byte that is not UTF-8.
    let csv = "name,unit1\r\n\r\n\"a, \"\"quoted\"\"\",8.2(\r\n\"multi\nline\",9.0(4)\n\n\
               c,9.0(x)\nd,9.\u{0}\n";
    let mut bytes = csv.as_bytes().to_vec();
    bytes.extend_from_slice(b"e,9.0(\xff)\n");
    let r = run(
        &["fleet", "-", "--target", "9.1(7)"],
        &String::from_utf8_lossy(&bytes),
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "asa-planner: line 3, field unit1: release ends too early: the maintenance number is \
         missing at position 5\n\
         asa-planner: line 7, field unit1: unexpected character 'x' at position 5 in the \
         maintenance number\n\
         asa-planner: line 8, field unit1: unexpected character U+0000 at position 3 in the \
         minor number\n\
         asa-planner: line 9, field unit1: unexpected character '\u{FFFD}' at position 5 in the \
         maintenance number\n"
    );
    assert!(
        r.stdout.contains("\n4,\"multi\nline\",9.0(4),"),
        "{}",
        r.stdout
    );
}

#[test]
fn fleet_markdown_has_images_and_one_change_plan_per_group() {
    let csv = "a,8.4(7)\nb,9.0(4)\nc,8.4(7)\nd,9.2(4)\n";
    let r = run(
        &["fleet", "-", "--target", "9.1(7)", "--format", "markdown"],
        csv,
    );
    assert_eq!(r.code, 1, "d is a downgrade");
    let md = &r.stdout;
    for line in [
        "# ASA fleet upgrade plan",
        "4 pairs planned: 3 with a zero-downtime path in 2 groups, 0 already on the target, 1 \
         without a zero-downtime path. 0 lines not planned.",
        "| 9.1(7) | `asa917-k8.bin` | 3 | a, c, b |",
        "| 4 | [d](<#from=9.2(4)&to=9.1(7)>) | 9.2(4) | 9.1(7) | downgrade | No zero-downtime \
         path: 9.1(7) is older than 9.2(4); a downgrade needs an outage. |",
        "## Group 1: 8.4(7) → 9.1(7) (Active/Standby, 1 hop, 2 pairs)",
        "Pairs: a, c",
        "### ASA upgrade plan: 8.4(7) → 9.1(7)",
        "#### Runbook (Active/Standby)",
        "## Group 2: 9.0(4) → 9.1(7) (Active/Standby, 1 hop, 1 pair)",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
}

#[test]
fn a_generated_fleet_of_100_000_lines_streams_through() {
    let r = run(&["fleet", "-", "--format", "csv"], &sample_csv(100_000));
    assert_eq!(r.code, 1, "the sample has downgrades: {}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(r.stdout.lines().count(), 100_001);
    assert!(r
        .stdout
        .lines()
        .last()
        .unwrap_or_default()
        .starts_with("100001,fw-099999,"));
}

#[test]
fn plan_takes_a_model_and_refuses_what_it_cannot_run() {
    let r = run(&["plan", "9.8(4)", "9.20(3)", "--platform", "asa5525x"], "");
    assert_eq!(r.code, 1, "no path: {}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "9.8(4) → 9.20(3): no-path. Not planned: ASA 5525-X/5545-X/5555-X runs releases up to \
         9.14 (assumed: commonly cited, not verified here); the target 9.20(3) is past it: \
         choose a target it runs, or another model."
    );
    assert!(lines.contains(&"Active/Standby, preset asa5500x, rules guide-9x"));
    assert!(lines.iter().any(|l| l.starts_with("Platform limit: ")
        && l.ends_with(
            "(https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html)"
        )));
    assert!(lines.contains(&"Share: #from=9.8(4)&to=9.20(3)&platform=asa5525x"));
    // Within the range it plans; any spelling of the id reads.
    let r = run(
        &[
            "plan",
            "9.8(4)",
            "9.14(4)",
            "--platform",
            "ASA5525-X",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stdout
        .contains("\"preset\":\"asa5500x\",\"platform\":\"asa5525x\""));
    // The FXOS model says so in the text.
    let r = run(&["plan", "9.8(4)", "9.14(4)", "--platform", "fp4100"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stdout
        .lines()
        .any(|l| l.starts_with("Procedure: The Firepower 4100/9300 is upgraded through FXOS")));
}

#[test]
fn an_unknown_model_is_bad_input_naming_the_ids() {
    let r = run(&["plan", "9.8(4)", "9.14(4)", "--platform", "asa9999"], "");
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(
            "'asa9999' is not a model id: use one of asa5505, asa5510, asa5580, asa5512x, \
             asa5525x, asa5585x, asa5506x, asasm, fp1000, fp2100, fp3100, fp4200, fp4100, \
             asav, isa3000"
        ),
        "{}",
        r.stderr
    );
    let r = run(&["fleet", "-", "--platform", "nope"], "a,9.8(4),,9.14(4)\n");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("'nope' is not a model id"),
        "{}",
        r.stderr
    );
}

#[test]
fn fleet_takes_a_platform_column_and_a_fleet_wide_model() {
    let csv = "name,unit1,unit2,target,mode,preset,platform\n\
               a,9.8(4),,9.14(4),,,asa5525x\n\
               b,9.8(4),,9.14(4),,,fp2100\n\
               c,9.8(4),,9.20(3),,,asa5525x\n\
               d,9.8(4),,9.14(4)\n\
               e,9.8(4),,9.14(4),,,fp9999\n";
    let r = run(
        &["fleet", "-", "--rules", "guide-9x", "--format", "markdown"],
        csv,
    );
    assert_eq!(r.code, 2, "line 6 is bad");
    assert!(r
        .stderr
        .contains("line 6, field platform: 'fp9999' is not a model id"));
    let md = &r.stdout;
    for line in [
        "| Release | Files | Pairs | Names |",
        "| 9.14(4) | `asa9-14-4-smp-k8.bin`, `cisco-asa-fp2k.9.14.4.SPA` | 3 | a, b, d |",
        "| 4 | [c](<#from=9.8(4)&to=9.20(3)&platform=asa5525x>) | 9.8(4) | 9.20(3) | no-path | \
         Not planned: ASA 5525-X/5545-X/5555-X runs releases up to 9.14 (assumed: commonly cited, \
         not verified here); the target 9.20(3) is past it: choose a target it runs, or another \
         model. (Source: [Cisco Secure Firewall ASA Compatibility](https://www.cisco.com/c/en/us/\
         td/docs/security/asa/compatibility/asamatrx.html)) |",
        "## Group 2: 9.8(4) → 9.14(4) (Firepower 2100, Active/Standby, 1 hop, 1 pair)",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
    // The fleet-wide model applies where a line gives none: d now names the 5506-X family's file.
    let r = run(
        &[
            "fleet",
            "-",
            "--rules",
            "guide-9x",
            "--platform",
            "asa5506x",
            "--format",
            "json",
        ],
        "d,9.8(4),,9.14(4)\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "\"images\":[{\"release\":\"9.14(4)\",\"files\":[\"asa9-14-4-lfbff-k8.SPA\"],\
             \"pairs\":[\"d\"]}]"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\"platform\":\"asa5506x\""));
}

/// Issue #20, 11 and the command line's parity with the page: the runbook settings go into
/// the share link and the Markdown, links are absolute with --link-base, and bad values are
/// bad input.
#[test]
fn plan_takes_the_runbook_settings_and_a_link_base() {
    let r = run(
        &[
            "plan",
            "9.8(4)",
            "9.20.3",
            "--rules",
            "guide-9x",
            "--contexts",
            "multi",
            "--image",
            "asa9-20-3-smp-k8.bin",
            "--asdm-image",
            "asdm-7203.bin",
            "--server",
            "10.0.0.5",
            "--minutes",
            "20",
            "--link-base",
            "https://tools.example.net/asa/",
            "--format",
            "markdown",
        ],
        "",
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let link = "https://tools.example.net/asa/#from=9.8(4)&to=9.20(3)\
                &contexts=multi&server=10.0.0.5&img=9.20(3):asa9-20-3-smp-k8.bin\
                &asdm=9.20(3):asdm-7203.bin&min=20";
    assert!(
        r.stdout.contains(&format!("- Plan link: <{link}>")),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("fragments"));
    assert!(r
        .stdout
        .contains("- Estimated time: about 40 minutes of reloads"));
    assert!(r.stdout.contains(
        "   failover exec mate copy /noconfirm tftp://10.0.0.5/asdm-7203.bin disk0:/asdm-7203.bin"
    ));
    assert!(r.stdout.contains("     asdm image disk0:/asdm-7203.bin"));
    assert!(r.stdout.contains("   changeto system"));
    // The link read back on the page gives the same Markdown.
    let query: PlanQuery = link.split_once('#').unwrap().1.parse().unwrap();
    assert_eq!(r.stdout, change_plan(&query, &analyse(&query), link));
    // JSON and text carry the absolute link too.
    let json = run(
        &[
            "plan",
            "9.8(4)",
            "9.20(3)",
            "--server",
            "s1",
            "--link-base",
            "https://x.example/p",
            "--format",
            "json",
        ],
        "",
    );
    assert!(
        json.stdout
            .contains("\"share\":\"https://x.example/p#from=9.8(4)&to=9.20(3)"),
        "{}",
        json.stdout
    );
    assert!(json.stdout.contains("server=s1"), "{}", json.stdout);
    for (args, says) in [
        (
            &["plan", "9.8(4)", "9.20(3)", "--minutes", "0"][..],
            "--minutes",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--minutes", "ten"][..],
            "--minutes",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--minutes", "0"][..],
            "'0' is not a whole number of minutes above 0",
        ),
        // A reload takes minutes: a number past a day is a slip, not an estimate.
        (
            &["plan", "9.8(4)", "9.20(3)", "--minutes", "4294967295"][..],
            "'4294967295' is more than 1440 minutes (a day) for one reload",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--minutes", "1441"][..],
            "more than 1440 minutes",
        ),
        // An empty second unit is a missing release, not "no second unit".
        (
            &["plan", "9.8(4)", "9.20(3)", "--from2", ""][..],
            "empty: give the second unit's release, or leave --from2 out",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--from2", "  "][..],
            "leave --from2 out",
        ),
        (
            &["status", "9.8(4)", "9.20(3)", "--from2", ""][..],
            "leave --from2 out",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--contexts", "many"][..],
            "not a context mode",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--image", "a b.bin"][..],
            "holds a blank",
        ),
        (
            &[
                "plan",
                "9.8(4)",
                "9.20(3)",
                "--image",
                "disk0:/asa9-20-3-smp-k8.bin",
            ][..],
            "holds a path: type the file name alone",
        ),
        (
            &[
                "plan",
                "9.8(4)",
                "9.20(3)",
                "--asdm-image",
                "disk0:/asdm-7203.bin",
            ][..],
            "holds a path",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--server", "tftp://10.0.0.5"][..],
            "holds a scheme",
        ),
        (
            &[
                "status",
                "9.8(4)",
                "9.20(3)",
                "--image",
                "9.20(3)=disk0:/asa9-20-3-smp-k8.bin",
            ][..],
            "holds a path",
        ),
        (
            &["plan", "9.8(4)", "9.20(3)", "--link-base", "tools.example"][..],
            "not an http",
        ),
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn plan_help_lists_both_rule_sets_and_the_runbook_options() {
    let r = run(&["plan", "--help"], "");
    assert_eq!(r.code, 0);
    for needle in [
        "guide-9x",
        "table-81-1",
        "--contexts",
        "--image",
        "--asdm-image",
        "--server",
        "--minutes",
        "--link-base",
    ] {
        assert!(r.stdout.contains(needle), "{needle}: {}", r.stdout);
    }
}

/// Issue #20, 11: the fleet's CSV and Markdown link to the page when its address is known,
/// and say their links are fragments when it is not.
#[test]
fn fleet_links_are_absolute_with_a_link_base() {
    let input = "a,8.4(7),,9.1(7)\nb,9.8(4),,9.20(3)\n";
    let base = "https://tools.example.net/asa/";
    let csv = run(&["fleet", "-", "--link-base", base], input);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    for row in csv.stdout.lines().skip(1) {
        assert!(
            row.contains(&format!(",{base}#from=8.4(7)&to=9.1(7),"))
                || row.contains(&format!(",{base}#from=9.8(4)")),
            "{row}"
        );
    }
    let md = run(
        &["fleet", "-", "--link-base", base, "--format", "markdown"],
        input,
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(!md.stdout.contains("<#from="), "{}", md.stdout);
    assert!(
        md.stdout
            .contains(&format!("<{base}#from=8.4(7)&to=9.1(7)>")),
        "{}",
        md.stdout
    );
    let bare = run(&["fleet", "-", "--format", "markdown"], input);
    assert!(
        bare.stdout.contains("The links here are fragments"),
        "{}",
        bare.stdout
    );
}

// SPEC §3.3, §4: the JSON carries every warning the text shows, per hop and per pair.

/// The pair document `asa-planner plan <args> --format json` writes, with the exit code.
fn plan_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let r = run(&all, "");
    let json = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    (r.code, json)
}

/// Whether `list` (a JSON array) holds `item`.
fn holds(list: &serde_json::Value, item: serde_json::Value) -> bool {
    list.as_array().is_some_and(|l| l.contains(&item))
}

#[test]
fn json_says_why_a_model_refuses_the_plan() {
    let (code, json) = plan_json(&["9.8(4)", "9.16(4)", "--platform", "asa5525x"]);
    assert_eq!((code, &json["verdict"]), (1, &"no-path".into()), "{json}");
    let warnings = json["warnings"].as_array().expect("warnings");
    let limit = warnings
        .iter()
        .find(|w| w["kind"] == "platform-limit")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(
        (&limit["field"], &limit["release"]),
        (&"to".into(), &"9.16(4)".into())
    );
    // The reason is the text's, its assumption said.
    let text = run(&["plan", "9.8(4)", "9.16(4)", "--platform", "asa5525x"], "");
    let reason = limit["reason"].as_str().expect("reason");
    assert!(
        reason.starts_with("ASA 5525-X/5545-X/5555-X runs releases up to 9.14 (assumed")
            && text.stdout.contains(reason),
        "{reason}\n{}",
        text.stdout
    );
    // A refused start names its field; the fleet's CSV names the warning too.
    let (_, json) = plan_json(&[
        "9.8(4)",
        "9.16(4)",
        "--from2",
        "8.4(7)",
        "--platform",
        "asa5525x",
    ]);
    assert!(
        json["warnings"].as_array().is_some_and(|w| w
            .iter()
            .any(|w| w["kind"] == "platform-limit" && w["field"] == "from2")),
        "{json}"
    );
    let csv = run(&["fleet", "-"], "edge,9.8(4),,9.16(4),,,asa5525x\n");
    assert_eq!(csv.code, 1, "{}", csv.stderr);
    let row = csv.stdout.lines().nth(1).expect("a row");
    assert!(
        row.ends_with(
            ",platform-limit,\"Not planned: ASA 5525-X/5545-X/5555-X runs releases up to 9.14 \
             (assumed: commonly cited, not verified here); the target 9.16(4) is past it: choose \
             a target it runs, or another model. \
             (https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html)\""
        ),
        "{}",
        csv.stdout
    );
}

#[test]
fn json_says_which_unit_a_downgrade_is_for() {
    let (code, json) = plan_json(&["9.1(7)", "9.1(5)", "--from2", "9.1(3)"]);
    assert_eq!((code, &json["verdict"]), (1, &"downgrade".into()), "{json}");
    assert!(
        holds(
            &json["warnings"],
            serde_json::json!({"kind": "downgrade", "unit": "primary", "release": "9.1(7)"})
        ),
        "{json}"
    );
    // A matched pair: both units are past the target.
    let (_, json) = plan_json(&["9.1(7)", "9.1(5)"]);
    assert!(
        holds(
            &json["warnings"],
            serde_json::json!({"kind": "downgrade", "unit": null, "release": "9.1(7)"})
        ),
        "{json}"
    );
}

#[test]
fn json_says_which_units_each_hop_reloads_and_where_the_newer_unit_joins() {
    let (code, json) = plan_json(&["8.3(2)", "9.0(4)", "--from2", "8.4(7)"]);
    assert_eq!((code, &json["verdict"]), (0, &"ok".into()), "{json}");
    assert_eq!(
        json["hops"][0]["reloads"],
        serde_json::json!([{"unit": "primary", "from": "8.3(2)"}]),
        "{json}"
    );
    assert_eq!(
        json["hops"][1]["reloads"],
        serde_json::json!([
            {"unit": "primary", "from": "8.4(7)"},
            {"unit": "secondary", "from": "8.4(7)"}
        ]),
        "{json}"
    );
    for warning in [
        serde_json::json!({"kind": "parity", "older": "8.3(2)", "newer": "8.4(7)", "same_train": false}),
        serde_json::json!({"kind": "newer-unit", "unit": "secondary", "on": "8.4(7)", "joins": 2}),
    ] {
        assert!(
            holds(&json["warnings"], warning.clone()),
            "{warning} in {json}"
        );
    }
    // A matched pair's hop reloads both units from its start.
    let (_, json) = plan_json(&["9.8(4)", "9.12(4)"]);
    assert_eq!(
        json["hops"][0]["reloads"],
        serde_json::json!([
            {"unit": "primary", "from": "9.8(4)"},
            {"unit": "secondary", "from": "9.8(4)"}
        ]),
        "{json}"
    );
}

#[test]
fn json_marks_a_typed_release_not_in_the_catalog_withdrawn_or_pre_release() {
    for (args, field, release, kind) in [
        (["8.4(7)", "8.4(8)"], "to", "8.4(8)", "not-in-catalog"),
        (["9.5(3)", "9.6(3)"], "to", "9.6(3)", "withdrawn"),
        (["9.6(3)", "9.8(4)"], "from", "9.6(3)", "withdrawn"),
        (["8.4(0)", "8.4(7)"], "from", "8.4(0)", "pre-release"),
        (["8.4(8)", "9.10(1)"], "from", "8.4(8)", "not-in-catalog"),
    ] {
        let (_, json) = plan_json(&args);
        let mark = serde_json::json!({"kind": kind, "field": field, "release": release});
        assert!(holds(&json["warnings"], mark), "{args:?}: {json}");
    }
    // A hop landing on such a release says so, as the text does under the hop.
    let (_, json) = plan_json(&["9.5(3)", "9.6(3)"]);
    assert!(
        holds(
            &json["hops"][0]["warnings"],
            serde_json::json!({"kind": "withdrawn", "release": "9.6(3)"})
        ),
        "{json}"
    );
    let csv = run(&["fleet", "-"], "edge,8.4(7),,8.4(8)\n");
    let row = csv.stdout.lines().nth(1).expect("a row");
    assert!(row.ends_with(",not-in-catalog,"), "{}", csv.stdout);
}

/// The Markdown export's line for a release field (`- Current release: …`), without its dash.
fn markdown_field_line(args: &[&str], label: &str) -> String {
    let mut all = vec!["plan"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "markdown"]);
    let md = run(&all, "").stdout;
    md.lines()
        .find_map(|l| l.strip_prefix("- ").filter(|l| l.starts_with(label)))
        .unwrap_or_else(|| panic!("no {label} in {md}"))
        .to_string()
}

// SPEC §4: a typed release that is withdrawn, pre-release or not in the catalog is marked in
// the text as in the Markdown.
#[test]
fn text_marks_a_typed_release_as_the_markdown_does() {
    for (args, label, mark) in [
        (&["9.6(3)", "9.8(4)"][..], "Current release", "withdrawn"),
        (&["8.4(0)", "8.4(7)"][..], "Current release", "pre-release"),
        (
            &["8.4(8)", "9.10(1)"][..],
            "Current release",
            "not in catalog",
        ),
        (&["9.5(3)", "9.6(3)"][..], "Target release", "withdrawn"),
        (
            &["9.8(4)", "9.12(4)", "--from2", "9.6(3)"][..],
            "Secondary unit",
            "withdrawn",
        ),
    ] {
        let line = markdown_field_line(args, label);
        assert!(line.contains(mark), "{args:?}: {line}");
        let mut all = vec!["plan"];
        all.extend_from_slice(args);
        let text = run(&all, "").stdout;
        assert!(
            text.lines().any(|l| l == line),
            "{args:?}: no line {line:?} in\n{text}"
        );
    }
    // A release with nothing to mark is not repeated.
    let text = run(&["plan", "9.8(4)", "9.12(4)"], "").stdout;
    assert!(!text.contains("Current release"), "{text}");
}

// SPEC §3.3: a caveat's commands (9.23's SSH host keys) are in the text, as in the JSON and
// the Markdown.
#[test]
fn text_prints_a_caveats_commands_under_it() {
    let (_, json) = plan_json(&["9.8(4)", "9.24(1)"]);
    let with_commands: Vec<&serde_json::Value> = json["hops"][0]["caveats"]
        .as_array()
        .expect("caveats")
        .iter()
        .filter(|c| c["commands"].as_array().is_some_and(|l| !l.is_empty()))
        .collect();
    assert!(!with_commands.is_empty(), "{json}");
    let text = run(&["plan", "9.8(4)", "9.24(1)"], "").stdout;
    let lines: Vec<&str> = text.lines().collect();
    for caveat in with_commands {
        let heading = format!("     Caveat {}:", caveat["release"].as_str().unwrap());
        let at = lines
            .iter()
            .position(|l| l.starts_with(&heading))
            .unwrap_or_else(|| panic!("no {heading:?} in\n{text}"));
        let commands: Vec<String> = caveat["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("         {}", c.as_str().unwrap()))
            .collect();
        // Where they are typed, then each command on its own line, as a person pastes them.
        assert_eq!(
            lines.get(at + 1),
            Some(&"       On the active unit:"),
            "{text}"
        );
        assert_eq!(
            lines[at + 2..at + 2 + commands.len()],
            commands.iter().map(String::as_str).collect::<Vec<_>>()[..],
            "{text}"
        );
    }
}

// SPEC §5: "The `all` preset is a what-if (no single platform runs 8.1, 8.5, 8.6 and 8.7) and
// says so", wherever the preset is named.
#[test]
fn the_all_preset_says_it_is_a_what_if_wherever_it_is_named() {
    let args = [
        "plan",
        "8.4(7)",
        "9.0(4)",
        "--preset",
        "all",
        "--rules",
        "table-81-1",
    ];
    let says = |text: &str| {
        text.contains("what-if") && text.contains("no single platform runs 8.1, 8.5, 8.6 and 8.7")
    };
    let text = run(&args, "").stdout;
    assert!(says(&text), "{text}");
    let markdown = run(&[&args[..], &["--format", "markdown"]].concat(), "").stdout;
    let catalog = markdown
        .lines()
        .find(|l| l.starts_with("- Catalog: "))
        .unwrap_or_else(|| panic!("{markdown}"));
    assert!(says(catalog), "{catalog}");
    let (_, json) = plan_json(&args[1..]);
    assert!(
        holds(
            &json["warnings"],
            serde_json::json!({"kind": "what-if", "preset": "all", "trains": ["8.1", "8.5", "8.6", "8.7"]})
        ),
        "{json}"
    );
    // The page's preset choice shows the preset's label.
    let all = asa_planner::domain::presets::find("all").expect("the all preset");
    assert!(says(all.label), "{}", all.label);
    // Another preset, or trains chosen by hand over `all`, is no what-if.
    for args in [
        &["plan", "8.4(7)", "9.0(4)"][..],
        &[
            "plan", "8.4(7)", "9.0(4)", "--preset", "all", "--trains", "8.4,9.0",
        ],
    ] {
        let text = run(args, "").stdout;
        assert!(!text.contains("what-if"), "{args:?}: {text}");
        let (_, json) = plan_json(&args[1..]);
        assert!(!json.to_string().contains("what-if"), "{args:?}: {json}");
    }
}

// SPEC §2: "a parse error with a precise message naming the position"; a train is not a
// release.
#[test]
fn parse_errors_name_the_position_and_what_was_expected() {
    for (args, says) in [
        (
            &["plan", "8.2", "9.1(7)"][..],
            "from: 8.2 is a train, not a release: add the maintenance number at position 4, e.g. \
             8.2(1)",
        ),
        (
            &["plan", "8.2(", "9.1(7)"],
            "from: release ends too early: the maintenance number is missing at position 5",
        ),
        (
            &["plan", "8.4(7)", " 9.1(7"],
            "to: release ends too early: the closing ')' is missing at position 7",
        ),
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(r.stderr, format!("asa-planner: {says}\n"), "{args:?}");
    }
    for (trains, says) in [
        ("", "empty train: expected e.g. 9.12 or 8.4"),
        (
            "8.4,9.",
            "train ends too early: the minor number is missing at position 3",
        ),
        (
            "9.12(1)",
            "unexpected character '(' at position 5 after the train",
        ),
    ] {
        let r = run(&["plan", "8.4(7)", "9.0(4)", "--trains", trains], "");
        assert_eq!(r.code, 2, "{trains:?}");
        assert!(r.stderr.contains(says), "{trains:?}: {}", r.stderr);
        assert!(!r.stderr.contains("release"), "{trains:?}: {}", r.stderr);
    }
}

// The text names the train set as the Markdown does: trains chosen by hand are no preset.
#[test]
fn text_names_trains_chosen_by_hand_as_the_markdown_does() {
    let args = [
        "plan",
        "8.2(5)",
        "9.1(7)",
        "--trains",
        "8.2,8.3,8.4,9.0,9.1",
    ];
    let markdown = run(&[&args[..], &["--format", "markdown"]].concat(), "").stdout;
    let catalog = markdown
        .lines()
        .find(|l| l.starts_with("- Catalog: "))
        .unwrap_or_else(|| panic!("{markdown}"));
    let trains = catalog
        .split_once(" (")
        .and_then(|(_, t)| t.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{catalog}"));
    assert!(
        trains.starts_with("trains chosen by hand: 8.2"),
        "{catalog}"
    );
    let text = run(&args, "").stdout;
    let header = text.lines().nth(1).unwrap_or_default();
    assert_eq!(
        header,
        format!("Active/Standby, {trains}, rules guide-9x"),
        "{text}"
    );
    // A preset is still named as one.
    let text = run(&["plan", "8.2(5)", "9.1(7)", "--preset", "asa5580"], "").stdout;
    assert_eq!(
        text.lines().nth(1),
        Some("Active/Standby, preset asa5580, rules guide-9x")
    );
}

// SPEC §3: the other rule set's answer is shown beside the verdict, in the page's words, in
// the text and the Markdown too (the JSON has `other_rules_hops`).
#[test]
fn text_and_markdown_show_the_other_rule_sets_answer_in_the_pages_words() {
    for (args, fragment) in [
        (&["9.8(4)", "9.20(3)"][..], "from=9.8(4)&to=9.20(3)"),
        (
            &["9.8(4)", "9.20(3)", "--rules", "table-81-1"],
            "from=9.8(4)&to=9.20(3)&rules=table-81-1",
        ),
        (&["8.4(5)", "8.4(6)"], "from=8.4(5)&to=8.4(6)"),
    ] {
        let other = asa_planner::view::words::other_rules(&util::session(fragment))
            .unwrap_or_else(|| panic!("{fragment}: no other answer"));
        let text = run(&[&["plan"], args].concat(), "").stdout;
        assert!(
            text.lines().any(|l| l == other),
            "{fragment}: no line {other:?} in\n{text}"
        );
        let markdown = run(&[&["plan"], args, &["--format", "markdown"]].concat(), "").stdout;
        let rules = markdown
            .lines()
            .find(|l| l.starts_with("- Rules: "))
            .unwrap_or_else(|| panic!("{markdown}"));
        assert!(
            rules.ends_with(&format!(". {other}")),
            "{fragment}: {rules}"
        );
    }
    let text = run(&["plan", "9.8(4)", "9.20(3)"], "").stdout;
    assert!(
        text.contains("Under Table 81-1 of Cisco's 8.x configuration guide: 11 hops ("),
        "{text}"
    );
}

/// SPEC §5.1: a start or target on a train the model does not run, inside its range, is
/// refused with a `platform-limit` warning in the JSON (not a `no-path` one blaming the
/// catalog or the 9.1 path table), in the text, and in a fleet's CSV and JSON lines.
#[test]
fn a_train_the_model_does_not_run_is_a_platform_limit_everywhere() {
    for (from, to, model, field, train) in [
        ("8.3(2)", "9.1(7)", "asa5585x", "from", "8.3"),
        ("8.7(1)", "9.1(7)", "asa5512x", "from", "8.7"),
        ("8.6(1)", "9.1(7)", "asa5505", "from", "8.6"),
        ("8.2(5)", "8.3(2)", "asa5585x", "to", "8.3"),
    ] {
        let (code, json) = plan_json(&[from, to, "--platform", model]);
        assert_eq!((code, &json["verdict"]), (1, &"no-path".into()), "{json}");
        let warnings = json["warnings"].as_array().expect("warnings");
        let kinds: Vec<&str> = warnings.iter().filter_map(|w| w["kind"].as_str()).collect();
        assert_eq!(kinds, ["platform-limit"], "{json}");
        assert_eq!(warnings[0]["field"], field, "{json}");
        let reason = warnings[0]["reason"].as_str().expect("reason");
        assert!(
            reason.contains(&format!("does not run the {train} train")),
            "{reason}"
        );
        let text = run(&["plan", from, to, "--platform", model], "");
        assert_eq!(text.code, 1);
        let first = text.stdout.lines().next().unwrap_or_default();
        assert!(first.contains(reason), "{first}");
        assert!(!text.stdout.contains("switched off"), "{}", text.stdout);
        assert!(
            !text.stdout.contains("not in the active catalog"),
            "{}",
            text.stdout
        );
        // A fleet line says the same.
        let csv = format!("p,{from},,{to},,,{model}\n");
        let r = run(&["fleet", "-", "--format", "csv"], &csv);
        let row = r.stdout.lines().nth(1).unwrap_or_default();
        assert!(
            row.contains(",no-path,")
                && row.contains(&format!(",platform-limit,\"Not planned: {reason}")),
            "{row}"
        );
        let r = run(&["fleet", "-", "--format", "json"], &csv);
        assert!(
            r.stdout.contains("\"kind\":\"platform-limit\""),
            "{}",
            r.stdout
        );
        assert!(!r.stdout.contains("\"kind\":\"no-path\""), "{}", r.stdout);
    }
}

/// The JSON carries, with its source, every model fact and notice the text and the page show
/// (schema 1, additive): the platform limit's source and assumption, the "no single box runs
/// both" note, the procedure notices, and why a model's exclusion leaves a train out of a hop.
#[test]
fn json_carries_the_model_facts_and_notices_with_their_sources() {
    const COMPAT: &str =
        "https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html";
    let kind = |json: &serde_json::Value, kind: &str| -> serde_json::Value {
        json["warnings"]
            .as_array()
            .and_then(|ws| ws.iter().find(|w| w["kind"] == kind))
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} in {json}"))
    };
    // A platform limit: the fact's source and whether it is assumed.
    let (_, json) = plan_json(&["9.8(4)", "9.20(3)", "--platform", "asa5525x"]);
    let limit = kind(&json, "platform-limit");
    assert_eq!(limit["source"], COMPAT, "{limit}");
    assert_eq!(limit["assumed"], true, "{limit}");
    assert_eq!(limit["confidence"], serde_json::Value::Null, "{limit}");
    let (_, json) = plan_json(&["8.7(1)", "9.1(7)", "--platform", "asa5512x"]);
    let limit = kind(&json, "platform-limit");
    assert!(
        limit["source"]
            .as_str()
            .is_some_and(|s| s.contains("asa1000v")),
        "{limit}"
    );
    assert_eq!(limit["assumed"], false, "{limit}");
    // No model, 8.0 to 9.8: no single box runs both.
    let (code, json) = plan_json(&["8.0(5)", "9.8(4)"]);
    let text = run(&["plan", "8.0(5)", "9.8(4)"], "");
    let note = kind(&json, "no-single-box");
    assert_eq!(
        (
            &note["old"],
            &note["new"],
            &note["source"],
            &note["assumed"]
        ),
        (
            &"8.0(5)".into(),
            &"9.8(4)".into(),
            &COMPAT.into(),
            &true.into()
        ),
        "{code} {note}"
    );
    let reason = note["reason"].as_str().expect("reason");
    assert!(reason.starts_with("No single box runs both") && text.stdout.contains(reason));
    // The procedure notices, each with its documents and whether the ASA runbook applies.
    for (model, from, procedure, runbook) in [
        ("fp4100", "9.8(4)", "fxos", false),
        ("fp1000", "9.14(4)", "single-boot-line", true),
        ("fp2100", "9.14(4)", "single-boot-line", true),
        ("fp3100", "9.18(4)", "single-boot-line", true),
        ("fp4200", "9.20(3)", "single-boot-line", true),
        ("fp2100", "9.8(4)", "platform-mode", false),
    ] {
        let (_, json) = plan_json(&[from, "9.20(3)", "--platform", model]);
        let notice = kind(&json, "procedure");
        assert_eq!(notice["procedure"], procedure, "{model}: {notice}");
        assert_eq!(notice["runbook"], runbook, "{model}: {notice}");
        let sources = notice["sources"].as_array().expect("sources");
        assert!(!sources.is_empty(), "{model}");
        let text = run(&["plan", from, "9.20(3)", "--platform", model], "");
        let reason = notice["reason"].as_str().expect("reason");
        assert!(
            text.stdout.contains(reason),
            "{model}: {reason}\n{}",
            text.stdout
        );
    }
    let (_, json) = plan_json(&["9.8(4)", "9.20(3)", "--platform", "asa5525x"]);
    assert!(!json.to_string().contains("\"procedure\""), "{json}");
    // A hop passing over a train the model leaves out says why, with the source.
    let (_, json) = plan_json(&["8.2(5)", "9.1(7)", "--platform", "asa5585x"]);
    let preset = json["hops"][0]["warnings"]
        .as_array()
        .and_then(|ws| ws.iter().find(|w| w["kind"] == "preset"))
        .cloned()
        .unwrap_or_else(|| panic!("{json}"));
    let exclusion = &preset["exclusions"][0];
    assert_eq!(
        (
            &exclusion["train"],
            &exclusion["source"],
            &exclusion["assumed"]
        ),
        (&"8.3".into(), &COMPAT.into(), &true.into()),
        "{preset}"
    );
    assert!(exclusion["reason"]
        .as_str()
        .is_some_and(|r| r.contains("5585-X")));
}

/// A typed image name that reads as another release (or as no image) is used, and every output
/// says so where it shows the name: the text's warning, the JSON's `image-name`, the Markdown's
/// warning under the hop's images. Exit 0: it is a warning, the plan stands.
#[test]
fn an_image_name_for_another_release_is_warned_in_every_format() {
    let args = ["plan", "9.8(4)", "9.12(4)", "--image", "asa821-k8.bin"];
    let said = "The image of 9.12(4) 'asa821-k8.bin' reads as release 8.2(1), not 9.12(4): \
                check it is the file you mean (a renamed file?); the commands use it as typed.";
    let text = run(&args, "");
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains(&format!("\nWarning: {said}\n")),
        "{}",
        text.stdout
    );
    let json = run(&[&args[..], &["--format", "json"]].concat(), "");
    assert!(
        json.stdout.contains(&format!(
            "{{\"kind\":\"image-name\",\"field\":\"img\",\"release\":\"9.12(4)\",\
             \"name\":\"asa821-k8.bin\",\"reads_as\":\"8.2(1)\",\"doubt\":\"other-release\",\
             \"reason\":\"{said}\"}}"
        )),
        "{}",
        json.stdout
    );
    let md = run(&[&args[..], &["--format", "markdown"]].concat(), "");
    assert!(
        md.stdout.contains(
            "Images: `asa984-smp-k8.bin` → `asa821-k8.bin`; ASDM: none given (not staged, \
             `asdm image` unchanged)\n\n> **Warning:** The image of 9.12(4)"
        ),
        "{}",
        md.stdout
    );
    // Still used as typed.
    assert!(md.stdout.contains("boot system disk0:/asa821-k8.bin"));
    // A name that reads as no release and has no image ending may not be an image.
    let notes = run(
        &[
            "plan",
            "9.8(4)",
            "9.12(4)",
            "--image",
            "notes.txt",
            "--asdm-image",
            "asdm.txt",
        ],
        "",
    );
    assert!(
        notes.stdout.contains(
            "Warning: The image of 9.12(4) 'notes.txt' names no release and has no image file \
             ending (.bin, .SPA, .csp, .pkg): it may not be an image"
        ),
        "{}",
        notes.stdout
    );
    assert!(
        notes
            .stdout
            .contains("Warning: The ASDM image for 9.12(4) 'asdm.txt' has no image file ending"),
        "{}",
        notes.stdout
    );
    // The target's own image says nothing.
    let own = run(
        &[
            "plan",
            "9.8(4)",
            "9.12(4)",
            "--image",
            "asa9-12-4-smp-k8.bin",
            "--format",
            "json",
        ],
        "",
    );
    assert!(!own.stdout.contains("image-name"), "{}", own.stdout);
    assert!(!run(
        &[
            "plan",
            "9.8(4)",
            "9.12(4)",
            "--image",
            "asa9-12-4-smp-k8.bin"
        ],
        ""
    )
    .stdout
    .contains("Warning:"));
}

/// With --link-base every share link of a fleet's JSON is absolute: the groups' as well as the
/// pairs' (a group's link opens its change plan from a ticket).
#[test]
fn a_fleets_json_groups_links_are_absolute_with_a_link_base() {
    let csv = "name,unit1\na,8.2(5)\nb,9.8(4)\n";
    let r = run(
        &[
            "fleet",
            "-",
            "--target",
            "9.12(4)",
            "--format",
            "json",
            "--link-base",
            "https://tools.example.net/asa/",
        ],
        csv,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let shares: Vec<&str> = doc["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .chain(doc["pairs"].as_array().expect("pairs"))
        .map(|g| g["share"].as_str().expect("a share link"))
        .collect();
    assert_eq!(shares.len(), 4);
    assert!(
        shares
            .iter()
            .all(|s| s.starts_with("https://tools.example.net/asa/#from=")),
        "{shares:?}"
    );
}
