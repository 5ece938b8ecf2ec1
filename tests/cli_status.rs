//! `asa-planner status` (SPEC §14), run as a person runs it: the units' output from files or
//! stdin, text and JSON, exit 0 on track or done, 1 a stop, 2 output that names neither unit.

#![cfg(not(target_arch = "wasm32"))]

mod util;

use util::{run, show_arg, Run};

const PLAN: [&str; 5] = ["status", "9.8(4)", "9.12(4)", "--rules", "guide-9x"];

fn status(extra: &[&str], stdin: &str) -> Run {
    let args: Vec<&str> = PLAN.iter().copied().chain(extra.iter().copied()).collect();
    run(&args, stdin)
}

#[test]
fn mid_upgrade_from_a_file_says_the_next_step_and_exits_0() {
    let out = status(&["--show", &show_arg("mid-standby-reloaded.txt")], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected = "\
Plan 9.8(4) → 9.12(4): 1 hop (Active/Standby, rules guide-9x)
Primary unit: 9.8(4), Active
Secondary unit: 9.12(4), Standby Ready, image asa9-12-4-smp-k8.bin
Inside hop 1 (9.8(4) → 9.12(4)) after step 2: the standby reloaded onto 9.12(4) and Standby Ready.
Next, step 3 on the primary unit (the active unit): no failover active (the upgraded unit takes over; a management session to the active address drops and is reopened to the same address).
";
    assert!(out.stdout.starts_with(expected), "{}", out.stdout);
    assert!(out
        .stdout
        .contains("Or, if you failed back after step 3 (a rollback)"));
    assert!(!out.stdout.contains("TST0000"), "no serials");
}

#[test]
fn stdin_when_no_file_and_several_files_together() {
    let text = std::fs::read_to_string(show_arg("after-failover.txt")).unwrap();
    let out = status(&[], &text);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("after step 3"), "{}", out.stdout);
    let out = status(
        &[
            "--show",
            &show_arg("exec-mate.txt"),
            "--show",
            &show_arg("state-table.txt"),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("configuration Sync Done - STANDBY"));
}

#[test]
fn ticks_settle_the_reading() {
    let out = status(
        &["--show", &show_arg("after-failover.txt"), "--tick", "1.4"],
        "",
    );
    assert!(
        out.stdout.contains(
            "Next, step 5 on the secondary unit (the active unit): failover reload-standby"
        ),
        "{}",
        out.stdout
    );
    let bad = status(&["--tick", "1.x"], "");
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("is not HOP.STEP"), "{}", bad.stderr);
    // A step the hop's runbook does not have (an Active/Standby hop has 7).
    let bad = status(&["--tick", "1.9"], "");
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("--tick 1.9: hop 1's runbook has steps 1 to 7"),
        "{}",
        bad.stderr
    );
    let bad = status(&["--previous", "2.1"], "");
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("the plan has 1 hop"), "{}", bad.stderr);
}

#[test]
fn a_stop_exits_1_and_json_carries_it() {
    let out = status(&["--show", &show_arg("failed.txt"), "--format", "json"], "");
    assert_eq!(out.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["kind"], "status");
    assert_eq!(doc["stops"][0]["kind"], "mate-failed");
    assert_eq!(doc["stops"][0]["unit"], "secondary");
    assert_eq!(doc["units"][1]["state"], "failed");
    assert_eq!(doc["position"]["hop"], "1");
    assert_eq!(doc["position"]["step"], "2");
    for kind in [
        "off-plan.txt",
        "failover-off.txt",
        "unknown-release.txt",
        "mate-unknown.txt",
    ] {
        let out = status(&["--show", &show_arg(kind)], "");
        assert_eq!(out.code, 1, "{kind}: {}", out.stdout);
    }
}

#[test]
fn json_of_a_healthy_pair() {
    let out = status(
        &[
            "--show",
            &show_arg("both-on-target.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["position"]["hop"], "done");
    assert_eq!(doc["units"][0]["release"], "9.12(4)");
    assert_eq!(doc["units"][0]["known"], true);
    assert_eq!(doc["alternative"]["next"]["commands"][0], "write memory");
    assert_eq!(doc["plan_from"]["from"], "9.12(4)");
    assert_eq!(doc["unread"].as_array().unwrap().len(), 0);
}

#[test]
fn output_that_names_no_unit_exits_2() {
    let out = status(&[], "hello\nthis is not a unit\n");
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.contains("Lines 1, 2 could not be read."),
        "{}",
        out.stdout
    );
    let out = status(&["--show", &show_arg("user-context.txt")], "");
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("user context"));
    let out = status(&["--show", "/nonexistent/file.txt"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot read /nonexistent/file.txt"));
}

#[test]
fn release_arguments_read_what_the_units_print() {
    let text = std::fs::read_to_string(show_arg("mid-standby-reloaded.txt")).unwrap();
    let out = run(
        &[
            "status",
            "Cisco Adaptive Security Appliance Software Version 9.8(4)",
            "asa9-12-4-smp-k8.bin",
            "--rules",
            "guide-9x",
        ],
        &text,
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.starts_with("Plan 9.8(4) → 9.12(4): 1 hop"));
    let out = run(&["plan", "asa847-30-k8.bin", "9.1(7)"], "");
    assert!(
        out.stdout.starts_with("8.4(7)30 → 9.1(7)"),
        "{}",
        out.stdout
    );
    let out = run(&["status", "banana", "9.1(7)"], "Failover On\n");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("FROM: unexpected character 'b'"),
        "{}",
        out.stderr
    );
}

#[test]
fn help_shows_examples() {
    let out = run(&["status", "--help"], "");
    assert_eq!(out.code, 0);
    assert!(out
        .stdout
        .contains("asa-planner status '9.8(4)' '9.12(4)' --show primary.txt"));
}

#[test]
fn nothing_to_do_is_done_and_no_plan_exits_1() {
    let text = std::fs::read_to_string(show_arg("both-on-target.txt")).unwrap();
    let out = run(&["status", "9.12(4)", "9.12(4)"], &text);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("Done: both units on 9.12(4)") || out.stdout.contains("Done."),
        "{}",
        out.stdout
    );
    let out = run(&["status", "9.12(4)", "9.8(4)"], &text);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("no plan to place the pair on (downgrade)"),
        "{}",
        out.stderr
    );
}

/// Issue #23: `status` takes the model as `plan` does; a target the model cannot run is no
/// plan to place the pair on (exit 1, said), and an unknown id is bad input (exit 2).
#[test]
fn status_takes_a_model() {
    let mid = show_arg("mid-standby-reloaded.txt");
    let within = status(&["--platform", "asa5525x", "--show", &mid], "");
    assert_eq!(within.code, 0, "{}", within.stderr);
    assert!(within.stdout.contains("after step 2"), "{}", within.stdout);
    let past = run(
        &[
            "status",
            "9.8(4)",
            "9.20(3)",
            "--platform",
            "asa5525x",
            "--show",
            &mid,
        ],
        "",
    );
    assert_eq!(past.code, 1, "{}{}", past.stdout, past.stderr);
    let bad = status(&["--platform", "asa9999", "--show", &mid], "");
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("'asa9999' is not a model id"),
        "{}",
        bad.stderr
    );
}

/// The audit's mm9 and mm4: a mismatched pair at its plan's own start is on the plan, and the
/// next step is the one-unit runbook's own (never `failover reload-standby` on the unit the
/// hop reloads).
#[test]
fn a_mismatched_pair_at_its_start() {
    let out = run(
        &[
            "status",
            "8.2(5)",
            "9.1(7)",
            "--from2",
            "8.4(7)",
            "--show",
            &show_arg("mismatched-older-active.txt"),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "then step 1 of hop 1 on the primary unit (the active unit): no failover active"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("reload-standby"), "{}", out.stdout);
    let out = run(
        &[
            "status",
            "9.1(7)",
            "9.12(4)",
            "--from2",
            "9.8(4)",
            "--show",
            &show_arg("mismatched-join-older-active.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["stops"].as_array().unwrap().len(), 0, "{}", out.stdout);
    assert_eq!(doc["position"]["step"], "0");
    assert_eq!(doc["next"]["unit"], "primary");
    assert_eq!(doc["next"]["commands"][0], "no failover active");
}

#[test]
fn stops_the_audit_found_exit_1() {
    // Both units Active; both Standby Ready.
    for name in ["both-active.txt", "both-standby-ready.txt"] {
        let out = status(&["--show", &show_arg(name)], "");
        assert_eq!(out.code, 1, "{name}: {}", out.stdout);
        assert!(!out.stdout.contains("Next,"), "{name}: {}", out.stdout);
    }
    // The second reload ticked, the former active back on the old release.
    let out = status(
        &[
            "--show",
            &show_arg("after-failover.txt"),
            "--tick",
            "1.1",
            "--tick",
            "1.2",
            "--tick",
            "1.3",
            "--tick",
            "1.4",
            "--tick",
            "1.5",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("came back on 9.8(4)"), "{}", out.stdout);
    // Failover Off alone: a stop (exit 1), the unit it names listed.
    let out = status(
        &[
            "--show",
            &show_arg("failover-off-alone.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["stops"][0]["kind"], "failover-off");
    assert_eq!(doc["units"][0]["unit"], "secondary");
}

#[test]
fn a_show_version_of_uncertain_unit_never_makes_a_false_done() {
    let out = status(
        &["--show", &show_arg("plain-prompts-version-between.txt")],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("after step 2"), "{}", out.stdout);
    assert!(!out.stdout.contains("Done"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Line 13: a show version"),
        "{}",
        out.stdout
    );
}

/// Step 1's own check prints `show bootvar`, and a person pastes just that: its boot lines are
/// said as read, with what they lack to place the pair, never "nothing reads".
#[test]
fn lone_boot_lines_are_said_as_read() {
    let text = "fw/sec/act# show bootvar\n\nBOOT variable = disk0:/asa984-smp-k8.bin\n\
                Current BOOT variable = disk0:/asa984-smp-k8.bin\nCONFIG_FILE variable =\n";
    let out = status(&[], text);
    assert_eq!(out.code, 2, "places nothing: {}", out.stdout);
    assert!(
        out.stdout.contains(
            "The boot lines read (asa984-smp-k8.bin first), but nothing says where the pair \
             stands: paste show failover (and show version) with them"
        ),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("Nothing in this text"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_lone_show_version_is_said_as_read() {
    let out = status(&["--show", &show_arg("lone-show-version.txt")], "");
    assert_eq!(out.code, 2, "names neither unit: {}", out.stdout);
    assert!(
        !out.stdout.contains("Nothing in this text"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("A show version reads 9.12(4), but nothing in the text says which unit"),
        "{}",
        out.stdout
    );
}

/// SPEC §14: step 1 shows in a pasted `dir` too; `failover exec standby` typed at
/// `fw/pri/act#` is the secondary's output.
#[test]
fn a_pasted_dir_and_an_exec_standby_relay() {
    let out = status(&["--show", &show_arg("dir-not-staged.txt")], "");
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "Before the plan: both units on 9.8(4).\nNext, hop 1's pre-checks and backup first"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Or,"), "{}", out.stdout);
    let out = status(&["--show", &show_arg("exec-standby.txt")], "");
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "Primary unit: 9.8(4), Active, image asa984-smp-k8.bin\nSecondary unit: 9.12(4), \
             Standby Ready, image asa9-12-4-smp-k8.bin\n"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("after step 2"), "{}", out.stdout);
}

/// The audit's d3 and d9: an Active/Active hop's ticks are its own runbook's steps (1 to 9),
/// numbered as `status --help` says; a step the hop does not have is bad input.
#[test]
fn active_active_ticks_are_its_runbooks_steps() {
    let aa = |extra: &[&str]| {
        let args: Vec<&str> = ["status", "9.8(4)", "9.12(4)", "--mode", "active-active"]
            .into_iter()
            .chain(extra.iter().copied())
            .collect();
        run(&args, "")
    };
    let reloaded = show_arg("aa-secondary-reloaded.txt");
    let out = aa(&[
        "--show", &reloaded, "--tick", "1.1", "--tick", "1.2", "--tick", "1.3",
    ]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("Next, step 4 on the primary unit"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("rolling back"), "{}", out.stdout);
    let on_primary = show_arg("aa-groups-on-primary.txt");
    let out = aa(&["--show", &on_primary, "--tick", "1.1", "--tick", "1.2"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        !out.stdout.contains("booted the old image"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Next, step 3 "), "{}", out.stdout);
    // Step 7 (`write memory`) and the optional steps 8–9 are ticks too.
    let done = show_arg("aa-both-new-on-secondary.txt");
    for step in ["1.7", "1.9"] {
        let out = aa(&["--show", &done, "--tick", step]);
        assert_eq!(out.code, 0, "{step}: {}{}", out.stdout, out.stderr);
    }
    let out = aa(&["--show", &done, "--tick", "1.10"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("1.10"), "{}", out.stderr);
    // An Active/Standby hop has 7 (the 7th, optional, restores the roles).
    let out = status(
        &["--show", &show_arg("both-on-target.txt"), "--tick", "1.7"],
        "",
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let help = run(&["status", "--help"], "");
    assert!(
        help.stdout.contains("1 failover active"),
        "the help names the Active/Active steps: {}",
        help.stdout
    );
}

/// The audit's c1: `show version` of both units at failover-aware prompts only: the primary's
/// prompt says it is active, and the one-unit hop reloads it: step 1 first, never a reload.
#[test]
fn a_prompts_role_is_the_units_role_when_show_failover_is_absent() {
    let out = run(
        &[
            "status",
            "8.2(5)",
            "9.1(7)",
            "--from2",
            "8.4(7)",
            "--show",
            &show_arg("versions-at-prompts.txt"),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "then step 1 of hop 1 on the primary unit (the active unit): no failover active"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("reload-standby"), "{}", out.stdout);
}

/// SPEC §14: exit 0 is on track or done. Output that reads but does not place the pair (the
/// audit's n1: each unit's failover state, no release used) is a stop, exit 1.
#[test]
fn a_position_that_is_not_known_is_no_exit_0() {
    let out = status(&["--show", &show_arg("state-versions-first.txt")], "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Where the pair stands on the plan is not known."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("release is not shown"),
        "{}",
        out.stdout
    );
}

/// SPEC §14: outputs that disagree are said by line in the text and the JSON, with the line
/// whose reading is used; each unit's own output claiming to be Active is a stop (exit 1, no
/// next step), not the later output's reading.
#[test]
fn outputs_that_disagree_are_said_in_text_and_json() {
    let out = status(&["--show", &show_arg("each-unit-says-active.txt")], "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Lines 5 and 13 disagree about which unit is active"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Next,"), "{}", out.stdout);
    let out = status(
        &[
            "--show",
            &show_arg("each-unit-says-active.txt"),
            "--format",
            "json",
        ],
        "",
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["disagreements"][0]["about"], "roles");
    assert_eq!(doc["disagreements"][0]["lines"], serde_json::json!([5, 13]));
    assert_eq!(doc["disagreements"][0]["used"], serde_json::Value::Null);
    assert_eq!(doc["stops"][0]["kind"], "mate-failed");
    assert_eq!(doc["next"], serde_json::Value::Null);
    // The same unit before and after a reload: the later output is used, and said.
    let out = status(
        &[
            "--show",
            &show_arg("same-unit-before-after-reload.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let d = &doc["disagreements"][0];
    assert_eq!(
        (&d["about"], &d["unit"], &d["used"]),
        (
            &serde_json::json!("release"),
            &serde_json::json!("secondary"),
            &serde_json::json!(18)
        )
    );
    assert!(
        d["text"]
            .as_str()
            .unwrap()
            .contains("so 9.12(4) (line 18) is used"),
        "{d}"
    );
    assert_eq!(doc["units"][1]["release"], "9.12(4)");
    // Two files: read in the order given, the later file's output the newer.
    let text = std::fs::read_to_string(show_arg("same-unit-before-after-reload.txt")).unwrap();
    let cut = text.find("gw/pri/act# failover reload-standby").unwrap();
    let dir = std::env::temp_dir().join(format!("asa-window3-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (before, after) = (dir.join("before.txt"), dir.join("after.txt"));
    std::fs::write(&before, &text[..cut]).unwrap();
    std::fs::write(&after, &text[cut..]).unwrap();
    let (before, after) = (before.to_string_lossy(), after.to_string_lossy());
    let out = status(&["--show", &after, "--show", &before], "");
    assert!(
        out.stdout.contains("Secondary unit: 9.8(4), Standby Ready"),
        "{}",
        out.stdout
    );
    assert!(out
        .stdout
        .contains("disagree about the secondary unit's release"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A mismatched pair's hop that reloads both units, with no output saying which unit is
/// active: never "step 2 on the active unit: failover reload-standby" (it would reload
/// whichever unit is the standby, and the unit on the hop's start must go first); the
/// pre-check, on the unit the plan names, once `show failover` shows it Active.
#[test]
fn a_mismatched_pair_with_no_roles_shown_is_not_told_to_reload_from_the_active_unit() {
    let show = show_arg("mismatched-versions-no-roles.txt");
    for tick in [&[][..], &["--tick", "1.1"][..]] {
        let args: Vec<&str> = [
            "status", "9.8(4)", "9.16(4)", "--from2", "9.12(4)", "--rules", "guide-9x", "--show",
        ]
        .into_iter()
        .chain([show.as_str()])
        .chain(tick.iter().copied())
        .collect();
        let out = run(&args, "");
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert!(!out.stdout.contains("reload-standby"), "{}", out.stdout);
        assert!(!out.stdout.contains("on the active unit"), "{}", out.stdout);
        assert!(
            out.stdout.contains(
                "the output does not show which unit is active: paste show failover from either \
                 unit, and only if it shows the primary unit Active, type no failover active on it"
            ),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn output_with_lines_ended_by_a_lone_cr_reads_as_on_the_page() {
    // An old terminal's log: every line ended by CR alone. The page's text box reads it; so
    // does the command line, line for line.
    let text = std::fs::read_to_string(show_arg("mid-standby-reloaded.txt")).unwrap();
    let cr_only = text.replace("\r\n", "\n").replace('\n', "\r");
    let out = status(&[], &cr_only);
    let lf = status(&[], &text);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, lf.stdout);
    assert!(out.stdout.contains("after step 2"), "{}", out.stdout);
    let out = status(&[], "hello\rworld\r");
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.contains("Lines 1, 2 could not be read."),
        "{}",
        out.stdout
    );
}

/// `show failover` on the primary, both units' releases and states.
fn pair(ours: &str, mate: &str) -> String {
    format!(
        "Failover On\nFailover unit Primary\nVersion: Ours {ours}, Mate {mate}\n\
         This host: Primary - Active\nOther host: Secondary - Standby Ready\n"
    )
}

#[test]
fn a_hop_whose_runbook_is_a_stop_gets_no_command_line_step_and_exits_1() {
    let plan = ["status", "9.1(1)", "9.1(7)", "--rules", "table-81-1"];
    for (ours, mate, place) in [
        ("9.1(1)", "9.1(1)", "Before the plan: both units on 9.1(1)."),
        (
            "9.1(1)",
            "9.1(7)",
            "Inside hop 1 (9.1(1) → 9.1(7)): the primary unit on 9.1(1), the secondary unit on 9.1(7).",
        ),
    ] {
        let out = run(&plan, &pair(ours, mate));
        assert_eq!(out.code, 1, "{}", out.stdout);
        assert!(out.stdout.contains(place), "{}", out.stdout);
        assert!(out.stdout.contains("its runbook is a stop"), "{}", out.stdout);
        for cli in [
            "failover reload-standby",
            "boot system",
            "copy /noconfirm",
            "no failover active",
            "Next, step",
            "after step",
        ] {
            assert!(!out.stdout.contains(cli), "{cli}: {}", out.stdout);
        }
    }
    let json: Vec<&str> = plan.iter().copied().chain(["--format", "json"]).collect();
    let out = run(&json, &pair("9.1(1)", "9.1(1)"));
    assert!(out.stdout.contains("\"next\":null"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("\"no_steps\":{\"hop\":1,\"why\":\"runbook-stop\""),
        "{}",
        out.stdout
    );
    // Its runbook has no numbered steps to tick.
    let ticked: Vec<&str> = plan.iter().copied().chain(["--tick", "1.1"]).collect();
    let out = run(&ticked, &pair("9.1(1)", "9.1(1)"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("has no numbered steps"),
        "{}",
        out.stderr
    );
}

#[test]
fn on_the_fxos_path_status_offers_no_asa_command_line_step() {
    for (args, from, kind) in [
        (["9.8(4)", "9.12(4)", "fp4100"], "9.8(4)", "fxos"),
        (["9.8(2)", "9.12(4)", "fp2100"], "9.8(2)", "platform-mode"),
    ] {
        let cmd = [
            "status",
            args[0],
            args[1],
            "--platform",
            args[2],
            "--rules",
            "guide-9x",
        ];
        let out = run(&cmd, &pair(from, from));
        assert_eq!(out.code, 0, "{}", out.stdout);
        assert!(
            out.stdout
                .contains(&format!("Before the plan: both units on {from}.")),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("FXOS or the chassis manager"),
            "{}",
            out.stdout
        );
        for cli in [
            "failover reload-standby",
            "boot system",
            "copy /noconfirm",
            "Next, step",
            "after step",
        ] {
            assert!(!out.stdout.contains(cli), "{cli}: {}", out.stdout);
        }
        let json: Vec<&str> = cmd.iter().copied().chain(["--format", "json"]).collect();
        let out = run(&json, &pair(from, from));
        assert!(
            out.stdout.contains(&format!("\"why\":\"{kind}\"")),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn the_next_step_copies_the_file_the_runbook_names() {
    // No model: 8.2(5) → 9.2(4) names the 5500 series' `-k8.bin` files throughout.
    let out = run(
        &["status", "8.2(5)", "9.2(4)", "--rules", "guide-9x"],
        &pair("8.4(7)", "8.4(7)"),
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("copy /noconfirm tftp://<tftp-server>/asa924-k8.bin disk0:/asa924-k8.bin"),
        "{}",
        out.stdout
    );
    // A Firepower 2100 in appliance mode: its own package names.
    let out = run(
        &[
            "status",
            "9.14(1)",
            "9.16(4)",
            "--platform",
            "fp2100",
            "--rules",
            "guide-9x",
        ],
        &pair("9.14(1)", "9.14(1)"),
    );
    assert!(
        out.stdout.contains(
            "copy /noconfirm tftp://<tftp-server>/cisco-asa-fp2k.9.16.4.SPA disk0:/cisco-asa-fp2k.9.16.4.SPA"
        ),
        "{}",
        out.stdout
    );
}

/// `status` takes the plan's context mode as `plan` does: in multiple-context mode the next
/// step is typed in the system execution space, as the runbook types it.
#[test]
fn status_takes_the_context_mode() {
    let show = show_arg("mid-standby-reloaded.txt");
    let multi = status(&["--contexts", "multi", "--show", &show], "");
    assert_eq!(multi.code, 0, "{}", multi.stderr);
    let next = multi
        .stdout
        .lines()
        .find(|l| l.starts_with("Next,"))
        .expect("a next step");
    assert!(next.contains("changeto system first"), "{next}");
    let single = status(&["--show", &show], "");
    assert!(
        !single.stdout.contains("changeto system"),
        "{}",
        single.stdout
    );
    let bad = status(&["--contexts", "several", "--show", &show], "");
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("single or multi"), "{}", bad.stderr);
}

/// SPEC §6 step 3 and §14: interfaces still Waiting stop the failover (exit 1), and the JSON
/// keeps the next step, marked held (`"held": true`), never as a step to take now.
#[test]
fn waiting_interfaces_stop_and_the_json_holds_the_next_step() {
    let out = status(&["--show", &show_arg("waiting-both-units.txt")], "");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "Next, once every stop above is cleared (not now): step 3 on the primary unit"
        ),
        "{}",
        out.stdout
    );
    let json = status(
        &[
            "--show",
            &show_arg("waiting-both-units.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(json.code, 1);
    assert!(
        json.stdout.contains(
            "\"next\":{\"hop\":1,\"step\":3,\"on\":\"active\",\"unit\":\"primary\",\"commands\":[\"no failover active\"],\"held\":true,\"prechecks\":null,"
        ),
        "{}",
        json.stdout
    );
    assert!(json
        .stdout
        .contains("\"kind\":\"mate-failed\",\"unit\":\"primary\""));
    // On track: not held; a hop not started names its backup.
    let json = status(
        &[
            "--show",
            &show_arg("dir-not-staged.txt"),
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(json.code, 0, "{}", json.stdout);
    assert!(
        json.stdout
            .contains("\"held\":false,\"prechecks\":\"pre-9.12.4-from-9.8.4.cfg\""),
        "{}",
        json.stdout
    );
}

/// `--previous` feeds the checks `--tick` feeds: past the second reload (1.5) a unit still on
/// the old release booted the old image; after the first (1.2) Not Detected is the reload.
#[test]
fn previous_feeds_the_old_image_and_reload_checks() {
    let out = status(
        &[
            "--show",
            &show_arg("after-failover.txt"),
            "--previous",
            "1.5",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("it booted the old image"),
        "{}",
        out.stdout
    );
    let out = status(
        &["--show", &show_arg("mate-unknown.txt"), "--previous", "1.2"],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("still joining after its reload"),
        "{}",
        out.stdout
    );
}

/// Multiple-context mode: the save step is the runbook's `write memory all /noconfirm`.
#[test]
fn the_save_step_in_multiple_context_mode() {
    let out = status(
        &[
            "--contexts",
            "multi",
            "--tick",
            "1.5",
            "--show",
            &show_arg("both-on-target.txt"),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(": write memory all /noconfirm."),
        "{}",
        out.stdout
    );
}

/// A finished rollback (SPEC §6 (a) to (c); §14 "after step 2 and mid-rollback look alike"):
/// both units back on the hop's start, Active and Standby Ready, after the previous position
/// had the standby on the new release. The pair is before the hop again: its pre-checks and
/// step 1 next, never step 2's bare reload and no "booted the old image" stop; text and JSON.
#[test]
fn a_finished_rollback_is_before_the_hop_again() {
    let rolled_back = show_arg("rolled-back.txt");
    for known in [["--previous", "1.2"], ["--previous", "1.4"]] {
        let out = status(&["--show", &rolled_back, known[0], known[1]], "");
        assert_eq!(out.code, 0, "{known:?}: {}", out.stdout);
        assert!(
            out.stdout.contains(
                "\nHop 1 (9.8(4) → 9.12(4)) rolled back: the pair is back where the hop started, \
                 before hop 1, both units on 9.8(4); start it again only once what made you roll \
                 it back is settled.\nNext, hop 1's pre-checks and backup first"
            ),
            "{known:?}: {}",
            out.stdout
        );
        assert!(
            out.stdout
                .contains("; then step 1 of hop 1 on the primary unit"),
            "{}",
            out.stdout
        );
        assert!(
            !out.stdout.contains("booted the old image"),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("reload-standby"), "{}", out.stdout);
    }
    let out = status(
        &[
            "--show",
            &rolled_back,
            "--previous",
            "1.3",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["position"]["hop"], "1");
    assert_eq!(doc["position"]["step"], "0");
    assert_eq!(doc["position"]["rolled_back"], true);
    assert_eq!(doc["next"]["step"], 1);
    assert_eq!(doc["next"]["prechecks"], "pre-9.12.4-from-9.8.4.cfg");
    assert_eq!(doc["alternative"], serde_json::Value::Null);
    assert_eq!(doc["stops"].as_array().unwrap().len(), 0);
    // Only the reload ticked: it may have booted the old image (the stop, exit 1), and the
    // finished rollback is the other reading.
    let out = status(
        &[
            "--show",
            &rolled_back,
            "--tick",
            "1.1",
            "--tick",
            "1.2",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["stops"][0]["kind"], "off-plan");
    assert_eq!(doc["position"]["rolled_back"], false);
    assert_eq!(doc["alternative"]["rolled_back"], true);
    assert_eq!(doc["alternative"]["step"], "0");
    assert!(
        doc["alternative"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Or, if you rolled the hop back (failed back, then reloaded the upgraded unit onto its old release): hop 1"),
        "{}",
        doc["alternative"]["text"]
    );
}

/// Audit window 2: step 3 ticked, output showing the pair after step 2 (9.8(4) → 9.16(4)).
/// A tick alone never reads "rolling back": the output's own state and step 3 next, the tick
/// said, the rollback the other reading; the failback ticked (`1.4r1`) settles the rollback.
/// Text and JSON.
#[test]
fn a_ticked_failover_alone_is_said_never_read_as_rolling_back() {
    let show = show_arg("after-step-2-9-16-4.txt");
    let plan = ["status", "9.8(4)", "9.16(4)", "--rules", "guide-9x"];
    let ticks = ["--tick", "1.1", "--tick", "1.2", "--tick", "1.3"];
    let with = |extra: &[&str]| {
        let args: Vec<&str> = plan
            .iter()
            .chain(&["--show", show.as_str()])
            .chain(&ticks)
            .chain(extra)
            .copied()
            .collect();
        run(&args, "")
    };
    let out = with(&["--previous", "1.2"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "\nStep 3 of hop 1 (the failover) is ticked, but this output shows the pair before \
             it: the output was typed before the failover, or the failover did not happen. Paste \
             show failover typed now, and go by where that output puts the pair before any next \
             step (failed back already? then the other reading below is where the pair is).\n\
             Inside hop 1 (9.8(4) → 9.16(4)) after step 2: the standby reloaded onto 9.16(4) and \
             Standby Ready.\nNext, once output typed now shows the pair there (not now): step \
             3 on the primary unit (the active unit): no failover active"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\nOr, if you failed back after step 3 (a rollback): inside hop 1"),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("\nNext, rollback step"),
        "{}",
        out.stdout
    );
    let out = with(&["--previous", "1.2", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["ticked_not_shown"]["hop"], 1);
    assert_eq!(doc["ticked_not_shown"]["step"], 3);
    assert_eq!(doc["ticked_not_shown"]["not_shown"], 3);
    assert_eq!(doc["position"]["step"], "2");
    assert_eq!(doc["next"]["step"], 3);
    assert_eq!(doc["alternative"]["step"], "rollback");
    // The failback ticked, or the previous position after the failover: rolling back.
    for extra in [&["--tick", "1.4r1"][..], &["--previous", "1.3"][..]] {
        let out = with(&[extra, &["--format", "json"]].concat());
        assert_eq!(out.code, 0, "{extra:?}: {}{}", out.stdout, out.stderr);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(doc["position"]["step"], "rollback", "{extra:?}");
        assert_eq!(doc["ticked_not_shown"], serde_json::Value::Null);
        assert_eq!(doc["alternative"], serde_json::Value::Null);
    }
    // A rollback block's tick that does not read is bad input.
    for bad in ["1.4r0", "1.4rx", "1.r1"] {
        assert_eq!(with(&["--tick", bad]).code, 2, "{bad}");
    }
}

/// Audit window 2: step 1 ticked, and a pasted `show bootvar` that does not name the hop's
/// image first. The boot lines win over the tick: step 1 next, never step 2's reload; another
/// release's image first is a `wrong-image` stop (exit 1) that holds step 1. Text and JSON.
#[test]
fn boot_lines_without_the_new_image_first_win_over_the_tick_of_step_1() {
    let status = |name: &str, extra: &[&str]| {
        let show = show_arg(name);
        let args: Vec<&str> = [
            "status", "9.8(4)", "9.16(4)", "--rules", "guide-9x", "--tick", "1.1", "--show",
        ]
        .iter()
        .copied()
        .chain([show.as_str()])
        .chain(extra.iter().copied())
        .collect();
        run(&args, "")
    };
    let out = status("bootvar-old-image-first.txt", &[]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains(
            "\nStep 1 of hop 1 (the staging) is ticked, but the pasted show bootvar (or dir) \
             shows the new image not staged"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\nBefore the plan: both units on 9.8(4).\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("; then step 1 of hop 1 on the primary unit"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("reload-standby"), "{}", out.stdout);
    let out = status("bootvar-other-release-first.txt", &["--format", "json"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["stops"][0]["kind"], "wrong-image");
    assert_eq!(doc["stops"][0]["unit"], "primary");
    assert!(
        doc["stops"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("The primary unit's first boot line names asa9-16-3-smp-k8.bin, not asa9-16-4-smp-k8.bin"),
        "{}",
        doc["stops"][0]["text"]
    );
    assert_eq!(doc["position"]["step"], "0");
    assert_eq!(doc["next"]["step"], 1);
    assert_eq!(doc["next"]["held"], true);
    assert_eq!(doc["ticked_not_shown"]["not_shown"], 1);
}
