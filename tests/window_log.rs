//! SPEC §14 "Running the window": the executed log (`view::window_log`) writes each step with
//! the local time it was ticked, the units' releases and states and the position read from
//! pasted output, and never a serial number or an address from that output; the runbook's tick
//! boxes are addressed by hop and step as `domain::ticks` keeps them.

use asa_planner::domain::position::{locate, Known};
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook;
use asa_planner::domain::session::{analyse, Session};
use asa_planner::domain::show::parse;
use asa_planner::domain::ticks::{self, Ticks};
use asa_planner::view::export::{self, Extras};
use asa_planner::view::{position_html, window_log};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/show")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn session(fragment: &str) -> Session {
    analyse(&fragment.parse::<PlanQuery>().unwrap())
}

/// What the sample says that must never leave the paste box: the serial numbers (`Serial
/// Number: Ours …, Mate …`, `Serial Number: …`) and every dotted-quad address.
fn secrets(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        if let Some((_, rest)) = line.split_once("Serial Number:") {
            for word in rest.split([',', ' ']) {
                let w = word.trim();
                if w.len() >= 6 && !["Ours", "Mate", "Unknown"].contains(&w) {
                    found.push(w.to_owned());
                }
            }
        }
        for token in line.split(|c: char| !(c.is_ascii_digit() || c == '.')) {
            let parts: Vec<&str> = token.split('.').collect();
            if parts.len() == 4
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
            {
                found.push(token.to_owned());
            }
        }
    }
    found
}

fn log_of(s: &Session, sample: &str, ticks: &Ticks) -> (String, String) {
    let snap = parse(sample);
    let ticked = ticks.steps();
    let pos = locate(
        s,
        &snap,
        &Known {
            ticked: &ticked,
            ..Known::default()
        },
    );
    let log = window_log::markdown(
        s,
        "",
        &[],
        ticks,
        &snap,
        Some(&pos),
        Some("2026-03-03"),
        "https://example.invalid/#from=9.8(4)&to=9.12(4)",
    );
    let html = position_html::html(s.hops(), &snap, &pos, |r| s.base.has_train(r.train()));
    (log, html)
}

#[test]
fn the_executed_log_has_each_step_with_its_time_and_the_units_read() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let mut t = Ticks::default();
    t.set(0, "1", Some("01:58".into()));
    t.set(1, "pre1", Some("02:01".into()));
    t.set(1, "1", Some("02:05".into()));
    t.set(1, "2", Some("02:14".into()));
    let (log, _) = log_of(&s, &fixture("mid-standby-reloaded.txt"), &t);
    // The plan itself comes first, as the plan's Markdown writes it.
    let plan = export::markdown(
        &s,
        &Extras {
            made_on: Some("2026-03-03"),
            ..Extras::default()
        },
        "https://example.invalid/#from=9.8(4)&to=9.12(4)",
    );
    assert!(log.starts_with(plan.trim_end()), "{log}");
    assert!(log.contains("## Executed log"));
    assert!(log.contains("- [x] 02:05 Step 1:"), "{log}");
    assert!(log.contains("- [x] 02:14 Step 2:"), "{log}");
    assert!(log.contains("- [ ] Step 3:"), "{log}");
    assert!(log.contains("- [x] 02:01 Pre-check 1:"), "{log}");
    assert!(
        log.contains("- [x] 01:58 Step 1:"),
        "before the first hop: {log}"
    );
    // A rollback block runs only if needed: never an open task.
    assert!(
        log.contains("  - Rollback block 1, only if needed (not ticked):"),
        "{log}"
    );
    assert!(!log.contains("[ ] Rollback"), "{log}");
    // The units as read: releases and states.
    assert!(
        log.contains("9.12(4)") && log.contains("Standby Ready"),
        "{log}"
    );
    assert!(log.contains("- Position: "), "{log}");
    assert!(log.contains("- Next: "), "{log}");
    // Commands in the log's sentences stay code, as in the runbook above them.
    let next = log
        .lines()
        .find(|l| l.starts_with("- Next: "))
        .expect("a Next line");
    assert!(next.contains('`') && !next.contains("\\`"), "{next}");
}

#[test]
fn no_serial_or_address_of_any_sample_reaches_an_export_or_the_position() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let mut t = Ticks::default();
    t.set(1, "1", Some("02:05".into()));
    let mut checked = 0;
    for entry in
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/show"))
            .unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let sample = fixture(&name);
        let hidden = secrets(&sample);
        let (log, html) = log_of(&s, &sample, &t);
        for secret in &hidden {
            assert!(
                !log.contains(secret.as_str()),
                "{name}: {secret} in the log"
            );
            assert!(
                !html.contains(secret.as_str()),
                "{name}: {secret} in the markup"
            );
        }
        checked += hidden.len();
    }
    // The samples do carry serials and addresses: the test is not vacuous.
    assert!(checked > 20, "only {checked} serials and addresses found");
    assert!(secrets(&fixture("mid-standby-reloaded.txt")).contains(&"TST0000P001".to_owned()));
    assert!(secrets(&fixture("mid-standby-reloaded.txt")).contains(&"192.0.2.1".to_owned()));
}

#[test]
fn a_log_without_output_or_plan_says_so_and_does_not_panic() {
    let s = session("from=9.8(4)&to=banana");
    let (log, _) = log_of(&s, "", &Ticks::default());
    assert!(log.contains("No output of the units was read."));
    let (log, _) = log_of(
        &s,
        "\u{0}garbage\r\nVersion: Ours 9.x(1)",
        &Ticks::default(),
    );
    assert!(log.contains("## Executed log"));
}

#[test]
fn ticks_are_kept_per_plan_not_per_runbook_setting() {
    let a: PlanQuery = "from=9.8(4)&to=9.12(4)".parse().unwrap();
    let mut b = a.clone();
    b.images
        .push(("9.12(4)".into(), "asa9-12-4-smp-k8.bin".into()));
    assert_eq!(ticks::storage_key(&a), ticks::storage_key(&b));
    let other: PlanQuery = "from=9.8(4)&to=9.14(4)".parse().unwrap();
    assert_ne!(ticks::storage_key(&a), ticks::storage_key(&other));
}

/// A window that runs past midnight, read the next day in a ticket: each tick carries its date
/// and offset from UTC, and the log says them; a tick saved as `HH:MM` alone (before the date
/// was kept) still reads, with its clock only.
#[test]
fn a_tick_keeps_its_date_and_offset_into_the_log() {
    use asa_planner::domain::ticks::TickTime;
    assert_eq!(
        TickTime::read("2026-12-08T23:50+01:00"),
        Some(TickTime {
            date: Some("2026-12-08"),
            clock: "23:50",
            offset: Some("+01:00"),
        })
    );
    assert_eq!(TickTime::read("00:10").map(|t| t.clock), Some("00:10"));
    for bad in [
        "2026-12-08T24:00+01:00",
        "2026-12-08 23:50",
        "2026-12-08T23:50",
        "2026-12-08T23:50Z",
        "2026-13-45T23:50+01:00",
        "2026-00-08T23:50+01:00",
        "2026-12-00T23:50+01:00",
        "2026-12-08T23:50+23:59",
        "2026-1a-08T23:50+01:00",
        "23:50+01:00",
        "",
    ] {
        assert_eq!(TickTime::read(bad), None, "{bad}");
    }
    let stored = "1 1 2026-12-08T23:50+01:00\n1 2 2026-12-09T00:10-05:30\n1 pre1 23:41\n";
    let (t, unread) = Ticks::read(stored);
    assert_eq!(unread, None);
    assert_eq!(t.encode(), stored);
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let (log, _) = log_of(&s, &fixture("mid-standby-reloaded.txt"), &t);
    assert!(
        log.contains("- [x] 2026-12-08 23:50 UTC+01:00 Step 1:"),
        "{log}"
    );
    assert!(
        log.contains("- [x] 2026-12-09 00:10 UTC-05:30 Step 2:"),
        "{log}"
    );
    assert!(log.contains("- [x] 23:41 Pre-check 1:"), "{log}");
}

/// Audit 3, item 5 (SPEC §11): garbage in a plan's saved ticks is said, line by line, and the
/// ticks that read are kept.
#[test]
fn saved_ticks_that_do_not_read_are_said() {
    let (read, unread) =
        Ticks::read("garbage\n\u{0}\n99999999999999999999 1 12:00\n1 zz 99:99\n2 3 23:59\n");
    assert_eq!(read.time(2, "3"), Some("23:59"));
    assert_eq!(
        unread.map(|u| u.to_string()).as_deref(),
        Some(
            "the ticked steps saved for this plan had 4 lines that could not be read (lines 1, \
             2, 3, 4): they were dropped, the other ticks are kept"
        )
    );
    let (_, one) = Ticks::read("1 2 02:14\nx\n");
    assert_eq!(
        one.map(|u| u.to_string()).as_deref(),
        Some(
            "the ticked steps saved for this plan had 1 line that could not be read (line 2): \
             it was dropped, the other ticks are kept"
        )
    );
    let seven: String = (0..7).map(|_| "?\n").collect();
    let (_, seven) = Ticks::read(&seven);
    assert!(seven
        .map(|u| u.to_string())
        .unwrap_or_default()
        .contains("7 lines that could not be read (lines 1, 2, 3, 4, 5, …)"));
    let many: String = (0..ticks::MAX_TICKS + 1)
        .map(|i| format!("1 {i} 01:00\n"))
        .collect();
    let (_, cut) = Ticks::read(&many);
    assert_eq!(
        cut.map(|u| u.to_string()).as_deref(),
        Some("only the first 1000 ticked steps saved for this plan were read")
    );
    assert_eq!(Ticks::read("1 2 02:14\n").1, None);
}

/// Ticks feed the position by the runbook's step numbers: on an Active/Standby hop that
/// reloads both units they are SPEC §6's (2 reloads the standby, 3 fails over, 5 is the point
/// of no return, 6 saves, 7 restores the roles); every other hop's are its own runbook's
/// (`runbook::outline`), and are passed on too.
#[test]
fn an_active_standby_hop_numbers_its_steps_as_the_position_does() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let hops = s.hops();
    let images = runbook::hop_images(hops, "", &[], s.platform);
    let spec = s
        .hop_spec(0, |r| runbook::image_of(hops, &images, r, s.platform))
        .unwrap();
    let book = asa_planner::view::runbook::hop_runbook(s.setup, &spec, &images[0]);
    // Seven: SPEC §6's six, then restoring the roles (step 6's optional part).
    assert_eq!(book.steps.len(), 7);
    let has = |i: usize, cmd: &str| book.steps[i].commands.iter().any(|c| c.contains(cmd));
    assert!(has(1, "failover reload-standby"));
    assert!(has(2, "no failover active"));
    assert!(book.steps[4].no_return);
    assert!(has(5, "write memory"));
    assert!(has(6, "failover active"));
    assert!(book.steps[6].optional && !book.steps[5].optional);
    let mut html = String::new();
    asa_planner::view::runbook_html::hop_section(
        &mut html,
        1,
        &hops[0],
        s.hop_facts.first(),
        None,
        &book,
        None,
    );
    assert!(
        html.contains("data-steps=\"7\" data-steps-required=\"6\""),
        "{html}"
    );
    let mut t = Ticks::default();
    t.set(0, "1", Some("01:00".into()));
    t.set(1, "2", Some("01:10".into()));
    t.set(2, "2", Some("01:20".into()));
    assert_eq!(t.steps(), vec![(0, 1), (1, 2), (2, 2)]);
}

/// On the FXOS path the page shows the procedure notice, no command-line steps and no tick
/// boxes: the executed log lists none either, and says why there is no next step.
#[test]
fn on_the_fxos_path_the_log_lists_no_command_line_steps() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x&platform=fp4100");
    assert_eq!(s.hops().len(), 1);
    let healthy = "Failover On\nFailover unit Primary\nVersion: Ours 9.8(4), Mate 9.8(4)\n\
                   This host: Primary - Active\nOther host: Secondary - Standby Ready\n";
    let (log, _) = log_of(&s, healthy, &Ticks::default());
    let executed = &log[log.find("## Executed log").expect("the log")..];
    for cli in ["failover reload-standby", "Step 1", "Pre-check", "- [ ]"] {
        assert!(!executed.contains(cli), "{cli} in {executed}");
    }
    assert!(
        executed.contains("No command-line steps to tick"),
        "{executed}"
    );
    assert!(
        executed.contains("- Next: No ASA command-line step for hop 1"),
        "{executed}"
    );
}

proptest::proptest! {
    /// Stored ticks are read defensively: any text gives ticks (perhaps none), never a panic,
    /// and what is read writes back to the same ticks.
    #[test]
    fn any_stored_text_reads_without_panic(text in "(\\PC|\n| |:|[0-9]|r|pre){0,200}") {
        let t = Ticks::decode(&text);
        proptest::prop_assert_eq!(Ticks::decode(&t.encode()), t.clone());
        let _ = t.steps();
        let _ = ticks::hop_in_progress(&t, &[6, 6, 1]);
    }
}

/// The executed log says a next step a stop holds as the page does: once the stops are
/// cleared, not now.
#[test]
fn the_executed_log_holds_the_next_step_a_stop_forbids() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let (log, html) = log_of(&s, &fixture("waiting-both-units.txt"), &Ticks::default());
    assert!(
        log.contains("- Stop: The primary unit's 2 interfaces are still Waiting"),
        "{log}"
    );
    assert!(
        log.contains("- Next: next, once every stop above is cleared (not now): step 3"),
        "{log}"
    );
    assert!(
        html.contains("data-next-step") && html.contains("data-held"),
        "{html}"
    );
}

/// A finished window's log reads finished: every step ticked leaves no open task, a rollback
/// block that was not run reads "only if needed", and one that was run keeps its tick and time.
#[test]
fn a_rollback_block_is_a_task_only_once_ticked() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let mut t = Ticks::default();
    for n in 1..=9 {
        t.set(0, &n.to_string(), Some("01:50".into()));
        t.set(1, &format!("pre{n}"), Some("02:00".into()));
        t.set(1, &n.to_string(), Some("02:10".into()));
    }
    t.set(1, "4r1", Some("02:40".into()));
    let (log, _) = log_of(&s, &fixture("mid-standby-reloaded.txt"), &t);
    let executed = &log[log.find("## Executed log").expect("the log")..];
    assert!(!executed.contains("- [ ]"), "{executed}");
    assert!(
        executed.contains("  - [x] 02:40 Rollback block 1:"),
        "{executed}"
    );
    assert!(
        executed.contains("  - Rollback block 2, only if needed (not ticked):"),
        "{executed}"
    );
}

/// SPEC §14: the log carries releases and states only. Interface names read from the pasted
/// output stay out of it; the stop they caused is kept, its interfaces counted.
#[test]
fn the_executed_log_names_no_interface() {
    let s = session("from=9.8(4)&to=9.12(4)&rules=guide-9x");
    let (log, html) = log_of(&s, &fixture("waiting-both-units.txt"), &Ticks::default());
    let executed = &log[log.find("## Executed log").expect("the log")..];
    // ("inside hop 1" is the position's own word.)
    let named = executed.replace("inside hop", "");
    for name in ["outside", "inside", "oob"] {
        assert!(!named.contains(name), "{name} in {executed}");
    }
    assert!(
        executed.contains("- Stop: The primary unit's 2 interfaces are still Waiting"),
        "{executed}"
    );
    assert!(executed.contains("2 interfaces waiting"), "{executed}");
    // The page, local to this browser, still names them.
    assert!(html.contains("interfaces outside, inside"), "{html}");
}
