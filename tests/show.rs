//! SPEC §14: what the units print, read into typed facts per unit. One test per variant, each
//! on its own sample in `tests/fixtures/show/` (written for this project from Cisco's
//! documented formats; serials and addresses are made up, from the documentation ranges).

mod util;

use asa_planner::domain::runbook::Unit;
use asa_planner::domain::show::{
    parse, ConfigSync, Disagreement, ReleaseFrom, Said, Snapshot, State, UnitFacts, Unread,
    UnreadWhy,
};
use proptest::prelude::*;
use util::{r, show_output};

fn read(name: &str) -> Snapshot {
    parse(&show_output(name))
}

#[track_caller]
fn unit<'a>(
    s: &'a Snapshot,
    unit: Unit,
    release: Option<&str>,
    state: Option<State>,
) -> &'a UnitFacts {
    let f = s.unit(unit);
    assert_eq!(f.release, release.map(r), "{unit:?} release in {s:#?}");
    assert_eq!(f.state, state, "{unit:?} state");
    f
}

#[test]
fn active_standby_healthy_with_show_version() {
    let s = read("as-healthy.txt");
    assert_eq!(s.failover, Some(true));
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.release_from, Some(ReleaseFrom::ShowVersion));
    assert_eq!(p.image.as_deref(), Some("asa984-smp-k8.bin"));
    assert_eq!(p.asdm, Some(r("7.8(2)")));
    assert_eq!(p.hardware.as_deref(), Some("ASA5525"));
    assert_eq!(p.interfaces.normal, 3);
    assert!(p.interfaces.healthy());
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.8(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(sec.release_from, Some(ReleaseFrom::MateVersion));
    assert_eq!(sec.interfaces.normal, 3);
    assert_eq!(sec.image, None);
    assert!(!s.mate_unknown);
    assert_eq!(
        s.unread,
        vec![],
        "statistics, modules and licences are skipped"
    );
    assert_eq!((s.seen.show_failover, s.seen.show_version), (1, 1));
}

#[test]
fn standby_reloaded_onto_the_new_release_and_standby_ready() {
    let s = read("mid-standby-reloaded.txt");
    unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    // The relayed `show version` belongs to the mate of the prompt's unit.
    assert_eq!(sec.image.as_deref(), Some("asa9-12-4-smp-k8.bin"));
    assert_eq!(sec.release_from, Some(ReleaseFrom::ShowVersion));
    assert_eq!(s.unread, vec![]);
}

#[test]
fn after_the_failover_the_secondary_is_active() {
    let s = read("after-failover.txt");
    unit(&s, Unit::Secondary, Some("9.12(4)"), Some(State::Active));
    unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::StandbyReady));
    assert_eq!(s.unread, vec![]);
}

#[test]
fn after_the_second_reload_both_run_the_target() {
    let s = read("after-second-reload.txt");
    unit(&s, Unit::Secondary, Some("9.12(4)"), Some(State::Active));
    unit(
        &s,
        Unit::Primary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
}

#[test]
fn both_on_target_with_the_state_table() {
    let s = read("both-on-target.txt");
    let p = unit(&s, Unit::Primary, Some("9.12(4)"), Some(State::Active));
    assert_eq!(p.config_sync, Some(ConfigSync::Done));
    unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(s.seen.show_failover_state, 1);
    assert_eq!(s.unread, vec![]);
}

#[test]
fn a_unit_that_came_up_off_the_plan() {
    let s = read("off-plan.txt");
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.10(1)"),
        Some(State::StandbyReady),
    );
    assert_eq!(sec.image.as_deref(), Some("asa9101-smp-k8.bin"));
}

#[test]
fn failover_off() {
    let s = read("failover-off.txt");
    assert_eq!(s.failover, Some(false));
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), None);
    assert_eq!(p.image.as_deref(), Some("asa984-smp-k8.bin"));
    assert!(!s.secondary.is_known());
    assert_eq!(s.unread, vec![]);
}

#[test]
fn mate_unknown_and_not_detected() {
    let s = read("mate-unknown.txt");
    assert!(s.mate_unknown);
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.interfaces.waiting, vec!["outside", "inside"]);
    let sec = unit(&s, Unit::Secondary, None, Some(State::NotDetected));
    assert_eq!(sec.interfaces.waiting.len(), 2, "Unknown counts as waiting");
    assert_eq!(s.unread, vec![]);
}

#[test]
fn active_active_with_a_version_line() {
    let s = read("aa-with-version.txt");
    assert!(s.active_active());
    let p = unit(&s, Unit::Primary, Some("9.12(4)"), None);
    assert_eq!(
        p.groups,
        vec![(1, State::StandbyReady), (2, State::StandbyReady)]
    );
    assert_eq!(p.interfaces.waiting, vec!["ctxb inside"]);
    assert_eq!(p.interfaces.normal, 3);
    let sec = unit(&s, Unit::Secondary, Some("9.8(4)"), None);
    assert_eq!(sec.groups, vec![(1, State::Active), (2, State::Active)]);
    assert_eq!(s.unread, vec![]);
}

#[test]
fn active_active_without_a_version_line_reads_the_slot_lines() {
    let s = read("aa-without-version.txt");
    let sec = unit(&s, Unit::Secondary, Some("9.8(4)"), None);
    assert_eq!(sec.release_from, Some(ReleaseFrom::Slot));
    assert_eq!(
        sec.groups,
        vec![(1, State::StandbyReady), (2, State::Active)]
    );
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), None);
    assert_eq!(p.groups, vec![(1, State::Active), (2, State::StandbyReady)]);
    assert_eq!(s.seen.other_commands, 1, "changeto system");
    assert_eq!(s.unread, vec![]);
}

#[test]
fn the_asa_in_slot_1_and_its_firepower_module_skipped() {
    let s = read("slot1-5508.txt");
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.16(4)85"),
        Some(State::StandbyReady),
    );
    assert_eq!(sec.release_from, Some(ReleaseFrom::Slot));
    unit(&s, Unit::Primary, Some("9.16(4)85"), Some(State::Active));
    assert_eq!(s.unread, vec![]);
}

#[test]
fn show_failover_state_tables_from_both_units() {
    let s = read("state-table.txt");
    let p = unit(&s, Unit::Primary, None, Some(State::Active));
    assert_eq!(p.config_sync, Some(ConfigSync::Done));
    let sec = unit(&s, Unit::Secondary, None, Some(State::StandbyReady));
    assert_eq!(sec.config_sync, Some(ConfigSync::DoneStandby));
    assert_eq!(s.seen.show_failover_state, 2);
    assert_eq!(s.unread, vec![]);
}

#[test]
fn a_user_context_says_no_unit_and_no_release() {
    let s = read("user-context.txt");
    let c = s.context.expect("context facts");
    assert_eq!(c.this, Some(State::Active));
    assert_eq!(c.peer, Some(State::StandbyReady));
    assert!(!s.primary.is_known() && !s.secondary.is_known());
    assert_eq!(s.failover, Some(true));
}

#[test]
fn output_relayed_by_failover_exec_mate_names_its_own_unit() {
    let s = read("exec-mate.txt");
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(sec.image.as_deref(), Some("asa9-12-4-smp-k8.bin"));
    assert_eq!(sec.asdm, Some(r("7.12(2)")));
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.image.as_deref(), Some("asa984-smp-k8.bin"));
}

#[test]
fn sync_states_and_sync_skipped() {
    let s = read("mate-syncing.txt");
    // The state table came last: Bulk Sync.
    let sec = unit(&s, Unit::Secondary, Some("9.12(4)"), Some(State::BulkSync));
    assert!(sec.state.unwrap().is_syncing());
    assert_eq!(s.primary.config_sync, Some(ConfigSync::Skipped));
    assert_eq!(s.unread, vec![]);
}

#[test]
fn a_failed_mate_and_its_failed_interfaces() {
    let s = read("failed.txt");
    let sec = unit(&s, Unit::Secondary, Some("9.12(4)"), Some(State::Failed));
    assert_eq!(sec.interfaces.failed, vec!["outside", "inside"]);
}

#[test]
fn a_release_the_catalog_does_not_know_is_kept_as_read() {
    let s = read("unknown-release.txt");
    unit(
        &s,
        Unit::Secondary,
        Some("98.1(1)86"),
        Some(State::StandbyReady),
    );
}

#[test]
fn more_markers_crlf_and_tabs() {
    let s = read("more-crlf.txt");
    unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 14,
            why: UnreadWhy::Unknown
        }]
    );
}

#[test]
fn lines_ended_by_a_lone_carriage_return_read_as_a_text_box_reads_them() {
    // Old terminals and their logs end lines with CR alone; a browser's text box turns every
    // CR LF and lone CR into a line feed, and the command line reads files the same way.
    for name in [
        "as-healthy.txt",
        "more-crlf.txt",
        "mid-standby-reloaded.txt",
    ] {
        let text = show_output(name);
        let boxed = text.replace("\r\n", "\n").replace('\r', "\n");
        let cr_only = boxed.replace('\n', "\r");
        let (boxed, cr_only) = (parse(&boxed), parse(&cr_only));
        assert!(boxed.primary.is_known(), "{name}");
        assert_eq!(cr_only, boxed, "{name}");
    }
    // Numbered alike: each line ended by CR is a line of its own.
    let s = parse("hello\rworld\r\nagain\n\rFailover On");
    assert_eq!(s.failover, Some(true));
    let lines: Vec<usize> = s.unread.iter().map(|u| u.line).collect();
    assert_eq!(lines, vec![1, 2, 3]);
}

#[test]
fn every_state_spec_14_lists() {
    for state in State::ALL {
        let text = format!(
            "Failover On\nFailover unit Primary\nThis host: Primary - Active\nOther host: Secondary - {}\n",
            state.label()
        );
        let s = parse(&text);
        assert_eq!(s.secondary.state, Some(state), "{}", state.label());
        assert_eq!(s.unread, vec![]);
    }
}

#[test]
fn bad_lines_are_said_by_number_never_by_text() {
    let s = parse(
        "Failover On\nFailover unit Primary\nVersion: Ours 9.x(4), Mate 9.8(4)\nThis host: Primary - Dancing\nserial FCH1234 at 10.0.0.1\n",
    );
    assert_eq!(
        s.unread,
        vec![
            Unread {
                line: 3,
                why: UnreadWhy::Release
            },
            Unread {
                line: 4,
                why: UnreadWhy::State
            },
            Unread {
                line: 5,
                why: UnreadWhy::Unknown
            },
        ]
    );
    assert!(s.primary.release_unreadable);
    assert_eq!(s.secondary.release, Some(r("9.8(4)")));
    // A show version alone names no unit.
    let s = parse("Cisco Adaptive Security Appliance Software Version 9.8(4)\n");
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 1,
            why: UnreadWhy::NoUnit
        }]
    );
    assert!(parse("").is_empty());
    assert!(parse("hello\nworld").unread.len() == 2);
}

#[test]
fn several_outputs_in_any_order() {
    // Outputs of one moment (`as-healthy.txt` is of another: its `Mate 9.8(4)` disagrees with
    // `exec-mate.txt`'s secondary on 9.12(4), which is said and settled by the paste's order:
    // `outputs_that_disagree_are_said_and_the_later_is_used`).
    let all = [
        show_output("exec-mate.txt"),
        show_output("state-table.txt"),
        show_output("mid-standby-reloaded.txt"),
    ];
    let forward = parse(&all.concat());
    // Reversed: the show version outputs still reach their units.
    let mut rev = all.clone();
    rev.reverse();
    let backward = parse(&rev.concat());
    for s in [&forward, &backward] {
        assert_eq!(s.primary.image.as_deref(), Some("asa984-smp-k8.bin"));
        assert_eq!(s.secondary.image.as_deref(), Some("asa9-12-4-smp-k8.bin"));
        assert_eq!(s.primary.config_sync, Some(ConfigSync::Done));
        assert_eq!(s.secondary.config_sync, Some(ConfigSync::DoneStandby));
        assert_eq!(s.disagreements, vec![]);
        assert_eq!(s.unread, vec![]);
    }
}

proptest! {
    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn output_like_text_never_panics(lines in proptest::collection::vec(
        prop_oneof![
            Just("Failover On".to_string()),
            Just("Failover unit Secondary".to_string()),
            Just("fw/pri/act# failover exec mate show version".to_string()),
            Just("Cisco Adaptive Security Appliance Software Version 9.8(4)".to_string()),
            Just("This host  -   Primary".to_string()),
            Just("====Configuration State===".to_string()),
            Just("Group 1 State: Active".to_string()),
            "(This|Other) host: (Primary|Secondary) - [A-Za-z ]{0,20}",
            "slot [0-9]: [A-Z0-9]{0,8} hw/sw rev \\([0-9./()A-Z]{0,14}\\) status \\([A-Za-z ]{0,8}\\)",
            "[a-z]{0,5} ?Interface [a-z]{0,6} \\([0-9.]{0,9}\\): [A-Za-z() ]{0,20}",
            "Version: Ours [0-9.()]{0,9}, Mate [0-9.()A-Za-z]{0,9}",
            "\\PC{0,40}",
        ],
        0..40,
    )) {
        let _ = parse(&lines.join("\r\n"));
    }
}

#[test]
fn asav_slot_without_hardware_revision_and_a_state_link() {
    let s = read("asav-diagnostic.txt");
    let p = unit(&s, Unit::Primary, Some("9.18(4)50"), Some(State::Active));
    // Unnumbered (0.0.0.0): failover cannot test it, so its Waiting or No Link decides
    // nothing, as a Not-Monitored interface's does.
    assert!(p.interfaces.waiting.is_empty(), "{:?}", p.interfaces);
    assert!(p.interfaces.failed.is_empty(), "{:?}", p.interfaces);
    assert_eq!(
        p.interfaces.normal, 5,
        "a Not-Monitored or unnumbered interface decides nothing"
    );
    unit(
        &s,
        Unit::Secondary,
        Some("9.20(3)"),
        Some(State::StandbyReady),
    );
    assert_eq!(s.unread, vec![]);
}

#[test]
fn show_bootvar_and_dir() {
    let s = read("bootvar-staged.txt");
    assert_eq!(
        s.boot,
        Some(vec![
            "asa9-12-4-smp-k8.bin".to_string(),
            "asa984-smp-k8.bin".to_string()
        ])
    );
    assert_eq!(
        s.primary.boot.first().map(String::as_str),
        Some("asa9-12-4-smp-k8.bin")
    );
    // The relayed `dir` is the secondary's flash: its image files (ASA and ASDM), not the
    // log directory.
    assert_eq!(
        s.secondary.files,
        vec!["asa984-smp-k8.bin", "asa9-12-4-smp-k8.bin", "asdm-7122.bin"]
    );
    assert_eq!((s.seen.show_bootvar, s.seen.dir), (1, 1));
    assert_eq!(s.unread, vec![]);
}

#[test]
fn a_slot_line_ending_in_a_wide_character_reads_without_panic() {
    let s = parse("Failover On\nFailover unit Primary\nThis host: Primary - Active\nslot 0: ASA5525 hw/sw rev (1.0/9.8(4)é) status (Up Sys)\n");
    assert_eq!(s.primary.release, None);
    assert!(s.primary.release_unreadable);
}

proptest! {
    /// Every sample, cut and spliced with random text (wide characters included) at random
    /// places, still reads, places on a plan and renders without a panic.
    #[test]
    fn spliced_samples_never_panic(
        which in 0usize..8,
        cuts in proptest::collection::vec((0usize..4000, "\\PC{0,12}"), 0..6),
    ) {
        let names = [
            "as-healthy.txt", "aa-with-version.txt", "state-table.txt", "exec-mate.txt",
            "more-crlf.txt", "slot1-5508.txt", "bootvar-staged.txt", "user-context.txt",
        ];
        let mut text = show_output(names[which]);
        for (at, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, &insert);
        }
        let snap = parse(&text);
        let q: asa_planner::domain::query::PlanQuery =
            "#from=9.8(4)&to=9.12(4)&rules=guide-9x".parse().unwrap();
        let session = asa_planner::domain::session::analyse(&q);
        let pos = asa_planner::domain::position::locate(
            &session,
            &snap,
            &asa_planner::domain::position::Known::default(),
        );
        let _ = asa_planner::view::position_html::html(session.hops(), &snap, &pos, |_| true);
    }
}

#[test]
fn service_module_lines_of_any_name_are_skipped() {
    let s = parse(
        "Failover On\nFailover unit Primary\nThis host: Primary - Active\n  slot 1: ASA-CX hw/sw rev (N/A/9.2.1) status (Up/Up)\n  ASA CX, 9.2.1.1-9, Up, (Monitored)\n  CXSC, 9.1.2, Up\nOther host: Secondary - Standby Ready\n",
    );
    assert_eq!(s.unread, vec![]);
    assert_eq!(
        s.primary.release, None,
        "a module's release is not the unit's"
    );
}

#[test]
fn a_host_line_without_its_unit_is_said_at_a_real_line() {
    // Found by the fuzz target: a `show failover state` host line with no unit word, pasted
    // without its header, was reported at line 0.
    let s = parse("\n\nOther host -   \n  Active None\n");
    assert!(!s.unread.is_empty());
    assert!(
        s.unread.iter().all(|u| (1..=4).contains(&u.line)),
        "{:?}",
        s.unread
    );
}

/// `failover exec standby|active …` typed at a failover-aware prompt: the prompt says which
/// unit typed it and which role it has, so the output is the standby's (or the active's).
#[test]
fn failover_exec_standby_and_active_name_their_unit_by_the_prompt() {
    let s = read("exec-standby.txt");
    let sec = unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(sec.image.as_deref(), Some("asa9-12-4-smp-k8.bin"));
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.image.as_deref(), Some("asa984-smp-k8.bin"));
    assert_eq!(s.unread, vec![]);
    // At a prompt that names no unit the relay's target is not known: not given to a unit.
    let s = parse(
        "Failover On\nFailover unit Primary\nVersion: Ours 9.8(4), Mate 9.12(4)\nThis host: Primary - Active\nOther host: Secondary - Standby Ready\nedge# failover exec standby show version\nCisco Adaptive Security Appliance Software Version 9.12(4)\nSystem image file is \"disk0:/asa9-12-4-smp-k8.bin\"\n",
    );
    assert_eq!(
        (s.primary.image.clone(), s.secondary.image.clone()),
        (None, None)
    );
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 6,
            why: UnreadWhy::NoUnit
        }]
    );
}

/// SPEC §14: releases are never guessed. A `show version` given to a unit by the nearest
/// `show failover` (plain prompts) that contradicts what a `show failover` says of that unit
/// is not used, and its line is said; the `show failover` lines name both units.
#[test]
fn a_show_version_that_contradicts_show_failover_is_said_not_used() {
    let s = read("plain-prompts-version-between.txt");
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.release_from, Some(ReleaseFrom::Version));
    assert_eq!(p.image, None, "its attribution was uncertain");
    unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 13,
            why: UnreadWhy::Conflict
        }]
    );
    // The same show version given to its unit by the order of the paste agrees: used.
    let text = show_output("plain-prompts-version-between.txt");
    let (first, rest) = text.split_at(text.find("edge# show version").unwrap());
    let (version, last) = rest.split_at(rest.rfind("edge# show failover").unwrap());
    let s = parse(&[first, last, version].concat());
    assert_eq!(s.secondary.image.as_deref(), Some("asa9-12-4-smp-k8.bin"));
    assert_eq!(s.unread, vec![]);
}

/// `Failover Off` with `Failover unit Secondary` and nothing else: the unit is named.
#[test]
fn failover_off_alone_names_its_unit() {
    let s = read("failover-off-alone.txt");
    assert_eq!(s.failover, Some(false));
    assert!(s.secondary.is_known());
    assert!(!s.primary.is_known());
    assert_eq!(s.unread, vec![]);
}

/// A lone `show version` reads its release; only its unit is not known.
#[test]
fn a_lone_show_version_is_read_though_it_names_no_unit() {
    let s = read("lone-show-version.txt");
    assert!(!s.is_empty());
    assert_eq!(s.unplaced, Some(r("9.12(4)")));
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 1,
            why: UnreadWhy::NoUnit
        }]
    );
}

/// A failover-aware prompt's role (`pri/act`, `sec/stby`) is kept for the unit typed at: the
/// position reads it where no `show failover` gives that unit's state.
#[test]
fn a_failover_aware_prompts_role_is_kept_per_unit() {
    use asa_planner::domain::show::Side;
    let s = read("versions-at-prompts.txt");
    assert_eq!(
        (s.primary.prompt_role, s.secondary.prompt_role),
        (Some(Side::Active), Some(Side::Standby))
    );
    assert_eq!((s.primary.state, s.secondary.state), (None, None));
    let s = read("versions-at-unit-prompts.txt");
    assert_eq!(
        (s.primary.prompt_role, s.secondary.prompt_role),
        (None, None)
    );
}

/// The audit's n1: `show version` then `show failover state`, on each unit, at the same plain
/// prompt. The second `show version` is as near the primary's `show failover state` (before
/// it) as the secondary's (after it): both outputs were given to the primary, the later one
/// winning. Two outputs that nothing tells apart by unit are said by line and neither is used.
#[test]
fn two_show_versions_that_nothing_tells_apart_are_not_used() {
    let s = read("state-versions-first.txt");
    assert_eq!(
        (s.primary.release, s.secondary.release),
        (None, None),
        "{s:#?}"
    );
    assert_eq!(
        (s.primary.image.clone(), s.secondary.image.clone()),
        (None, None)
    );
    assert_eq!(
        (s.primary.state, s.secondary.state),
        (Some(State::Active), Some(State::StandbyReady))
    );
    assert_eq!(
        s.unread,
        vec![
            Unread {
                line: 1,
                why: UnreadWhy::Ambiguous
            },
            Unread {
                line: 29,
                why: UnreadWhy::Ambiguous
            }
        ]
    );
    let said = asa_planner::view::words::position::unread(&s.unread).unwrap_or_default();
    assert!(said.contains("Lines 1 and 29"), "{said}");
    // The outputs after the state tables (n2's order) are told apart: each is nearest its
    // own unit's table, before it.
    let text = show_output("state-versions-first.txt");
    let (first, second) = text.split_at(text.find("hq-fw# show failover state").unwrap());
    let (version_p, state_p_rest) = (first, second);
    let state_p_end = state_p_rest.find("hq-fw# show version").unwrap();
    let (state_p, rest) = state_p_rest.split_at(state_p_end);
    let state_s_at = rest.find("hq-fw# show failover state").unwrap();
    let (version_s, state_s) = rest.split_at(state_s_at);
    let after = format!("{state_p}{version_p}{state_s}{version_s}");
    let s = parse(&after);
    assert_eq!(
        (s.primary.release, s.secondary.release),
        (Some(r("9.8(4)")), Some(r("9.12(4)")))
    );
    assert_eq!(s.unread, vec![]);
}

/// The audit's q1 and cx-7.0.1: a service module's slot line (`ASA5585-SSP-SFR40`, FirePOWER;
/// `ASA5585-SSP-CX40`, CX) carries the module's own release, which reads as an ASA release
/// (`6.2.3.4` is 6.2(3)4 in the dotted spelling). Only the ASA's own slot (status `Sys`)
/// gives the unit's release; module lines are skipped.
#[test]
fn a_service_modules_slot_line_is_not_the_asas_release() {
    let s = read("slot-service-modules.txt");
    assert_eq!(
        (s.primary.release, s.secondary.release),
        (Some(r("9.8(4)")), Some(r("9.12(4)")))
    );
    assert_eq!(s.primary.release_from, Some(ReleaseFrom::Slot));
    assert_eq!(s.unread, vec![]);
    // Without a status, the model decides: an ASA model that names no module.
    let bare = "Failover On\nFailover unit Primary\nThis host: Primary - Active\n\
                slot 0: ASA5555 hw/sw rev (2.0/9.8(4))\n\
                slot 1: ASA5585-SSP-SFR20 hw/sw rev (1.0/6.2.3.4)\n\
                Other host: Secondary - Standby Ready\n\
                slot 0: ASA5555 hw/sw rev (2.0/9.8(4))\n";
    let s = parse(bare);
    assert_eq!(s.primary.release, Some(r("9.8(4)")));
}

/// A later `show version` that contradicts the unit's release is not used, even when an
/// agreeing one came between (the order of the outputs must not decide, SPEC §14): the
/// primary stays on 9.8(4) and the line is said.
#[test]
fn a_show_version_that_contradicts_an_earlier_reading_is_said_not_used() {
    let s = read("versions-disagree-after-failover.txt");
    let p = unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    assert_eq!(p.image.as_deref(), Some("asa984-smp-k8.bin"));
    assert_eq!(
        s.unread,
        vec![Unread {
            line: 15,
            why: UnreadWhy::Conflict
        }]
    );
}

/// SPEC §14 (several outputs, in any order): two `show failover` outputs that disagree are
/// never merged silently. The later output in the paste is read as the newer (a reload or a
/// failover between them explains the change) and the disagreement is kept with its lines;
/// when each unit's own output claims the same role, no output is read as the newer: each
/// unit keeps what its own output says (`Disagreement::Roles`).
#[test]
fn outputs_that_disagree_are_said_and_the_later_is_used() {
    // The primary's output before and after the standby's reload (lines 5 and 18).
    let text = show_output("same-unit-before-after-reload.txt");
    let s = parse(&text);
    unit(
        &s,
        Unit::Secondary,
        Some("9.12(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(
        s.disagreements,
        vec![Disagreement::Changed {
            unit: Some(Unit::Secondary),
            readings: vec![
                (Said::Release(r("9.8(4)")), 5),
                (Said::Release(r("9.12(4)")), 18),
            ],
        }]
    );
    assert_eq!(s.disagreements[0].used(), Some(18));
    assert_eq!(s.roles_disagree(), None);
    // Pasted the other way round: the paste's order decides, and says so.
    let cut = text.find("gw/pri/act# failover reload-standby").unwrap();
    let s = parse(&[&text[cut..], &text[..cut]].concat());
    unit(
        &s,
        Unit::Secondary,
        Some("9.8(4)"),
        Some(State::StandbyReady),
    );
    assert_eq!(s.disagreements[0].used(), Some(18));
    assert_eq!(s.disagreements[0].lines(), vec![6, 18]);

    // Each unit's own output says it is Active (lines 5 and 13).
    let s = read("each-unit-says-active.txt");
    unit(&s, Unit::Primary, Some("9.8(4)"), Some(State::Active));
    unit(&s, Unit::Secondary, Some("9.12(4)"), Some(State::Active));
    assert_eq!(
        s.disagreements,
        vec![Disagreement::Roles {
            role: State::Active,
            lines: [5, 13],
        }]
    );
    assert_eq!(s.disagreements[0].used(), None);
    assert_eq!(s.roles_disagree(), Some(State::Active));

    // The same unit before and after a failover: its state changed, the later is used.
    let before = "Failover On\nFailover unit Primary\nThis host: Primary - Active\n\
                  Other host: Secondary - Standby Ready\n";
    let after = "Failover On\nFailover unit Primary\nThis host: Primary - Standby Ready\n\
                 Other host: Secondary - Active\n";
    let s = parse(&[before, after].concat());
    unit(&s, Unit::Primary, None, Some(State::StandbyReady));
    unit(&s, Unit::Secondary, None, Some(State::Active));
    assert_eq!(s.disagreements.len(), 2, "{:#?}", s.disagreements);
    assert_eq!(s.roles_disagree(), None);
    // Failover On, then Off.
    let s = parse("Failover On\nFailover unit Primary\nFailover Off\nFailover unit Primary\n");
    assert_eq!(s.failover, Some(false));
    assert_eq!(
        s.disagreements,
        vec![Disagreement::Changed {
            unit: None,
            readings: vec![(Said::Failover(true), 1), (Said::Failover(false), 3)],
        }]
    );
    // Active/Active: each unit's own output has every group active.
    let p = "Failover On\nFailover unit Primary\nThis host: Primary\nGroup 1 State: Active\n\
             Group 2 State: Active\nOther host: Secondary\nGroup 1 State: Standby Ready\n\
             Group 2 State: Standby Ready\n";
    let q = "Failover On\nFailover unit Secondary\nThis host: Secondary\nGroup 1 State: Active\n\
             Group 2 State: Active\nOther host: Primary\nGroup 1 State: Standby Ready\n\
             Group 2 State: Standby Ready\n";
    let s = parse(&[p, q].concat());
    assert_eq!(s.roles_disagree(), Some(State::Active));
    assert_eq!(
        s.primary.groups,
        vec![(1, State::Active), (2, State::Active)]
    );
    // The same output twice disagrees with nothing.
    assert_eq!(read("as-healthy.txt").disagreements, vec![]);
    let twice = show_output("as-healthy.txt").repeat(2);
    assert_eq!(parse(&twice).disagreements, vec![]);
}
