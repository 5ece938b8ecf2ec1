//! Runbooks (SPEC §6): exact commands in order, each on one unit, paste-safe staging of both
//! images on both units, a backup per hop, the validation window with its rollback, the point
//! of no return at the second reload, one-unit hops, Active/Active, multiple-context mode, and
//! the default image names. Hops come from real catalog releases, through `session` where the
//! pair matters.

mod util;

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::{
    backup_name, default_image, hop_images, image_of, HopImages, HopSpec, Mode, Reloads, Role,
    Runbook, Setup, Step, Unit, SERVER_PLACEHOLDER,
};
use asa_planner::domain::session::{analyse, Session};
use asa_planner::view::runbook::{before_first_hop, caveat_steps, hop_runbook};
use util::r;

fn images() -> HopImages {
    HopImages {
        server: "10.1.1.5".into(),
        old_image: "asa825-k8.bin".into(),
        new_image: "asa832-k8.bin".into(),
        asdm_image: "asdm-645.bin".into(),
    }
}

fn images_for(from: &str, to: &str) -> HopImages {
    HopImages {
        server: "10.1.1.5".into(),
        old_image: default_image(r(from)),
        new_image: default_image(r(to)),
        asdm_image: "asdm-7221.bin".into(),
    }
}

fn both(from: &str, to: &str) -> HopSpec {
    HopSpec::both(r(from), r(to))
}

fn setup(mode: Mode, multi_context: bool) -> Setup {
    Setup {
        mode,
        multi_context,
        single_boot_line: false,
    }
}

/// A block's commands after its `terminal pager 0`, if it has one.
fn past_pager(commands: &[String]) -> &[String] {
    match commands.first() {
        Some(c) if c == "terminal pager 0" => &commands[1..],
        _ => commands,
    }
}

/// A block's commands after its `terminal pager 0` and `changeto system`.
fn past_preamble(commands: &[String]) -> &[String] {
    let commands = past_pager(commands);
    match commands.first() {
        Some(c) if c == "changeto system" => &commands[1..],
        _ => commands,
    }
}

/// Every command block of a step, each line prefixed with the unit it is typed on.
fn step_script(s: &Step) -> Vec<String> {
    let mut out: Vec<String> = s
        .commands
        .iter()
        .map(|c| format!("{}: {c}", s.role.as_str()))
        .collect();
    for b in s.blocks.iter().chain(&s.rollback) {
        out.extend(
            b.commands
                .iter()
                .map(|c| format!("{}: {c}", b.role.as_str())),
        );
    }
    if let Some(check) = &s.check {
        let role = check.role.unwrap_or(s.role);
        out.extend(
            check
                .commands
                .iter()
                .map(|c| format!("{}: {c}", role.as_str())),
        );
    }
    out
}

/// Every command of the pre-checks and steps, each prefixed with its unit.
fn script(runbook: &Runbook) -> Vec<String> {
    runbook
        .prechecks
        .iter()
        .chain(&runbook.steps)
        .flat_map(step_script)
        .collect()
}

/// Every sentence of a runbook (steps, notes, blocks, checks).
fn prose(runbook: &Runbook) -> String {
    let mut out = String::new();
    for s in runbook.prechecks.iter().chain(&runbook.steps) {
        out.push_str(&s.what);
        out.push('\n');
        for n in &s.notes {
            out.push_str(n);
            out.push('\n');
        }
        for b in s.blocks.iter().chain(&s.rollback) {
            out.push_str(&b.what);
            out.push('\n');
            out.push_str(b.aside.as_deref().unwrap_or(""));
            out.push('\n');
            out.push_str(b.shows.as_deref().unwrap_or(""));
            out.push('\n');
        }
        if let Some(e) = &s.expect {
            out.push_str(e);
            out.push('\n');
        }
        if let Some(c) = &s.check {
            out.push_str(&c.shows);
            out.push('\n');
        }
    }
    out.push_str(&runbook.after.shows);
    out
}

/// The runbooks of a plan a share fragment describes, with the image names the page derives.
fn runbooks(fragment: &str) -> (Session, Vec<Runbook>) {
    runbooks_on(fragment, "10.1.1.5")
}

/// [`runbooks`] with the TFTP server as given (empty: the runbook's placeholder).
fn runbooks_on(fragment: &str, server: &str) -> (Session, Vec<Runbook>) {
    let query: PlanQuery = fragment.parse().unwrap();
    let session = analyse(&query);
    let hops = session.hops();
    let images = asa_planner::domain::runbook::hop_images(hops, server, &[], session.platform);
    let books = (0..hops.len())
        .map(|i| {
            let spec = session
                .hop_spec(i, |r| image_of(hops, &images, r, session.platform))
                .unwrap();
            hop_runbook(session.setup, &spec, &images[i])
        })
        .collect();
    (session, books)
}

#[track_caller]
fn image(release: &str, expected: &str) {
    assert_eq!(default_image(r(release)), expected, "image of {release}");
}

/// Issue #20, 5: every copy is `copy /noconfirm`; the standby is staged from the active's
/// session with `failover exec mate copy /noconfirm`.
#[test]
fn every_copy_is_paste_safe_and_the_standby_is_staged_from_the_active() {
    for (mode, multi) in [
        (Mode::ActiveStandby, false),
        (Mode::ActiveStandby, true),
        (Mode::ActiveActive, false),
    ] {
        let rb = hop_runbook(setup(mode, multi), &both("9.8(4)", "9.12(4)"), &images());
        let all = script(&rb);
        let copies: Vec<&String> = all
            .iter()
            .filter(|l| l.contains(" copy ") || l.contains(": copy"))
            .collect();
        assert!(copies.len() >= 6, "{all:#?}");
        for line in &copies {
            assert!(line.contains("copy /noconfirm "), "{line}");
        }
        let lead = match mode {
            Mode::ActiveStandby => "active",
            Mode::ActiveActive => "primary",
        };
        assert!(all.contains(&format!(
            "{lead}: failover exec mate copy /noconfirm tftp://10.1.1.5/asa832-k8.bin disk0:/asa832-k8.bin"
        )));
        // No block says `failover exec standby` or any other peer than the mate.
        assert!(!all
            .iter()
            .any(|l| l.contains("failover exec standby") || l.contains("failover exec active")));
        // No bare `reload` anywhere.
        assert!(!all
            .iter()
            .any(|l| l.ends_with(": reload") || l.contains(": reload ")));
    }
}

/// Issue #20, 6: the ASDM image is staged and verified on both units, with the ASA image.
#[test]
fn both_images_are_staged_and_verified_on_both_units() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    let stage = step_script(&rb.steps[0]);
    for file in ["asa832-k8.bin", "asdm-645.bin"] {
        for prefix in ["active: ", "active: failover exec mate "] {
            assert!(
                stage.contains(&format!(
                    "{prefix}copy /noconfirm tftp://10.1.1.5/{file} disk0:/{file}"
                )),
                "{stage:#?}"
            );
            // 9.8(4) has `verify /sha-512` (9.3(2) on).
            assert!(stage.contains(&format!("{prefix}verify /sha-512 disk0:/{file}")));
        }
    }
    assert!(stage.contains(&"active: asdm image disk0:/asdm-645.bin".to_string()));
    // Verify before the boot lines.
    let verify = stage.iter().position(|l| l.contains("verify")).unwrap();
    let boot = stage
        .iter()
        .position(|l| l.contains("boot system"))
        .unwrap();
    assert!(verify < boot);
    assert!(stage.contains(&"active: show bootvar".to_string()));
    assert!(stage.contains(&"active: show running-config boot system".to_string()));
    // Before 9.3(2): `verify /md5`.
    let old = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    let old_stage = step_script(&old.steps[0]);
    assert!(old_stage
        .contains(&"active: failover exec mate verify /md5 disk0:/asdm-645.bin".to_string()));
    assert!(!old_stage.iter().any(|l| l.contains("sha-512")));
    // An empty ASDM name: left out with a note.
    let none = HopImages {
        asdm_image: String::new(),
        ..images()
    };
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.8(4)", "9.12(4)"),
        &none,
    );
    assert!(!script(&rb).iter().any(|l| l.contains("asdm")));
    assert!(rb.steps[0]
        .notes
        .iter()
        .any(|n| n.contains("No ASDM image was given")));
}

/// Issue #20, 7: a backup before every hop, with the commands of the hop's start release,
/// named after the hop without parentheses.
#[test]
fn every_hop_backs_up_with_its_start_releases_commands() {
    // Table 81-1, one train at a time: hops starting before and after 9.3(2).
    let (session, books) = runbooks("from=9.1(7)&to=9.5(3)&rules=table-81-1");
    assert!(books.len() >= 3, "{}", books.len());
    assert!(session.hops().iter().any(|h| h.from < r("9.3(2)")));
    assert!(session.hops().iter().any(|h| h.from >= r("9.3(2)")));
    for (hop, book) in session.hops().iter().zip(&books) {
        let name = backup_name(hop.from, hop.to);
        assert!(!name.contains('(') && !name.contains(')'), "{name}");
        let all = script(book);
        assert!(all.contains(&format!(
            "active: copy /noconfirm running-config disk0:/{name}"
        )));
        assert!(all.contains(&format!(
            "active: failover exec mate copy /noconfirm running-config disk0:/{name}"
        )));
        let backup = all.iter().find(|l| l.contains("backup /noconfirm"));
        if hop.from >= r("9.3(2)") {
            let backup = backup.expect("backup command from 9.3(2)");
            assert!(backup.contains("passphrase") && backup.contains("location tftp://10.1.1.5/"));
        } else {
            assert!(backup.is_none(), "{backup:?}");
            assert!(all.contains(&format!(
                "active: copy /noconfirm running-config tftp://10.1.1.5/{name}"
            )));
            assert!(all
                .iter()
                .any(|l| l.contains("crypto ca export") && l.contains("pkcs12")));
        }
        // The rollback restores this hop's own backup.
        assert!(all.iter().any(|l| l
            == &format!(
                "active: failover exec mate copy /noconfirm disk0:/{name} startup-config"
            )));
    }
    assert_eq!(
        backup_name(r("9.0(4)"), r("9.1(7)")),
        "pre-9.1.7-from-9.0.4.cfg"
    );
    assert_eq!(
        backup_name(r("8.4(7)30"), r("9.1(7)")),
        "pre-9.1.7-from-8.4.7.30.cfg"
    );
    // The steps before the first hop record both units; they back nothing up.
    let before = before_first_hop(setup(Mode::ActiveStandby, false), "10.1.1.5");
    assert_eq!(before[0].role, Role::Both);
    assert_eq!(
        before[0].commands,
        ["terminal pager 0", "show version", "show failover"]
    );
}

/// Issue #20, 8: the validation window with its rollback comes before the point of no return,
/// which is the second reload; the freeze is said at step 2.
#[test]
fn the_point_of_no_return_is_the_second_reload_after_a_validation_window() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    let commands: Vec<(Role, Vec<String>)> = rb
        .steps
        .iter()
        .map(|s| (s.role, s.commands.clone()))
        .collect();
    assert_eq!(
        commands[1],
        (Role::Active, vec!["failover reload-standby".to_string()])
    );
    assert_eq!(
        commands[2],
        (Role::Active, vec!["no failover active".to_string()])
    );
    assert_eq!(
        commands[4],
        (Role::Active, vec!["failover reload-standby".to_string()])
    );
    assert_eq!(
        commands[5],
        (Role::Active, vec!["write memory".to_string()])
    );
    assert_eq!(
        commands[6],
        (Role::Standby, vec!["failover active".to_string()])
    );
    assert!(rb.steps[6].optional);
    assert_eq!(rb.no_return_step(), Some(5));
    // Step 2: the expected warning, the freeze.
    assert_eq!(
        rb.steps[1].expect.as_deref(),
        Some(
            "Once the reloaded unit is back, this unit warns `Mate version 9.12(4) is not \
             identical with ours 9.8(4)`: expected while the units run different releases."
        )
    );
    assert!(rb.steps[1].notes[0].starts_with("Freeze from here until the `write memory` of step 6"));
    // Step 3's precondition and the session note.
    let failover = rb.steps[2].notes.join(" ");
    for needle in [
        "Standby Ready",
        "`Normal`",
        "`Waiting`",
        "`Failed`",
        "`Sync Done`",
        "reads 9.12(4)",
        "SSH",
        "same address",
    ] {
        assert!(failover.contains(needle), "{needle}: {failover}");
    }
    // Step 4: the rollback, each block on its unit, as SPEC §6 (a)(b)(c).
    let window = &rb.steps[3];
    let blocks: Vec<(Role, Vec<String>)> = window
        .rollback
        .iter()
        .map(|b| (b.role, b.commands.clone()))
        .collect();
    assert_eq!(
        blocks,
        [
            (Role::Standby, vec!["failover active".to_string()]),
            (
                Role::Active,
                [
                    "terminal pager 0",
                    "configure terminal",
                    "no boot system disk0:/asa832-k8.bin",
                    "write memory",
                    "end",
                    "failover exec mate copy /noconfirm disk0:/pre-9.12.4-from-9.8.4.cfg startup-config",
                    "failover exec mate show bootvar",
                ]
                .map(String::from)
                .to_vec()
            ),
            // The reload alone: `show` lines pasted with it would run before the unit is up.
            (Role::Active, vec!["failover reload-standby".to_string()]),
        ]
    );
    assert!(window.rollback[2].shows.as_deref().unwrap().starts_with(
        "Once it is back, read it here with `show failover` and `failover exec mate show version`."
    ));
    assert_eq!(
        window.rollback[0].aside.as_deref(),
        Some("the former active, still on 9.8(4)")
    );
    assert!(window.rollback[2]
        .shows
        .as_deref()
        .unwrap()
        .contains("`write memory`"));
    assert!(window
        .notes
        .iter()
        .any(|n| n.contains("expect a brief interruption")));
    // A hop landing on 9.24: only (a), and step 2 says it is the point of no return for the
    // upgraded unit.
    let one_way = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.23(1)", "9.24(1)"),
        &images(),
    );
    assert_eq!(one_way.steps[3].rollback.len(), 1);
    assert_eq!(one_way.steps[3].rollback[0].commands, ["failover active"]);
    assert!(one_way.steps[1]
        .notes
        .iter()
        .any(|n| n.starts_with("Point of no return for the standby unit")));
    assert!(!prose(&one_way).contains("undo"));
}

/// Issue #20, 8: a hop starting before 8.0(2) has no `failover exec`: each unit is staged and
/// checked from its own session.
#[test]
fn a_hop_from_before_8_0_2_stages_each_unit_from_its_own_session() {
    let (session, books) = runbooks("from=7.2(4)&to=8.0(5)&rules=guide-9x");
    assert_eq!(session.hops().len(), 1);
    let rb = &books[0];
    assert!(rb.own_sessions);
    let all = script(rb);
    assert!(!all.iter().any(|l| l.contains("failover exec")), "{all:#?}");
    let stage = step_script(&rb.steps[0]);
    assert!(stage.contains(
        &"standby: copy /noconfirm tftp://10.1.1.5/asa805-k8.bin disk0:/asa805-k8.bin".to_string()
    ));
    assert!(stage.contains(&"standby: verify /md5 disk0:/asa805-k8.bin".to_string()));
    assert!(stage.contains(&"active: verify /md5 disk0:/asa805-k8.bin".to_string()));
    // The rollback restores the upgraded unit's configuration in its own session.
    assert!(all.contains(
        &"standby: copy /noconfirm disk0:/pre-8.0.5-from-7.2.4.cfg startup-config".to_string()
    ));
    // From 8.0(2) on, `failover exec` is used.
    let (_, later) = runbooks("from=8.0(2)&to=8.0(5)");
    assert!(!later[0].own_sessions);
    assert!(script(&later[0])
        .iter()
        .any(|l| l.contains("failover exec mate")));
}

/// Issue #20, 9: a mismatched pair's texts name the releases the units really run.
#[test]
fn a_mismatched_pair_names_the_releases_the_units_really_run() {
    let (session, books) = runbooks("from=9.8(4)&from2=9.10(1)&to=9.12(4)&rules=guide-9x");
    assert_eq!(session.hops().len(), 1);
    let rb = &books[0];
    let text = prose(rb);
    assert!(
        text.contains("`Mate version 9.12(4) is not identical with ours 9.10(1)`"),
        "{text}"
    );
    assert!(!text.contains("ours 9.8(4)"), "{text}");
    assert!(text.contains("The active unit must be the secondary unit (on 9.10(1))"));
    // The rollback reloads the upgraded unit onto its own release, 9.8(4); the fail-back unit
    // is the one on 9.10(1).
    assert!(text.contains("(c) Reload the upgraded unit onto 9.8(4)."));
    assert!(text.contains("(a) Fail back: this unit, on 9.10(1)"));
    // No dangling reference.
    assert!(
        !text.contains("(below)") && !text.contains("undo"),
        "{text}"
    );
    // Both units' images are fallbacks; the newer unit's is named.
    assert!(script(rb).contains(&"active: boot system disk0:/asa9101-smp-k8.bin".to_string()));
}

/// Issue #20, 9: Active/Active texts of its own.
#[test]
fn active_active_names_units_and_groups_and_restores_each_group_on_its_unit() {
    let rb = hop_runbook(
        setup(Mode::ActiveActive, false),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    assert_eq!(rb.setup.mode, Mode::ActiveActive);
    assert!(rb.reconstructed);
    let text = prose(&rb);
    assert!(!text.contains("the active unit"), "{text}");
    assert!(!text.contains("one unit Active and the other"), "{text}");
    let roles: Vec<Role> = rb.steps.iter().map(|s| s.role).collect();
    assert!(!roles.contains(&Role::Active) && !roles.contains(&Role::Standby));
    let commands: Vec<(Role, Vec<String>)> = rb
        .steps
        .iter()
        .map(|s| (s.role, past_preamble(&s.commands).to_vec()))
        .collect();
    // `failover active` on the primary first, then staging and boot lines there.
    assert_eq!(
        commands[0],
        (Role::Primary, vec!["failover active".to_string()])
    );
    assert!(step_script(&rb.steps[1]).contains(&"primary: write memory".to_string()));
    assert_eq!(
        commands[2],
        (Role::Primary, vec!["failover reload-standby".to_string()])
    );
    assert_eq!(
        commands[3],
        (Role::Primary, vec!["no failover active".to_string()])
    );
    assert_eq!(
        commands[5],
        (Role::Secondary, vec!["failover reload-standby".to_string()])
    );
    assert!(rb.steps[5].no_return);
    // The system execution space: `write memory all` saves the contexts' configurations too.
    assert_eq!(
        commands[6],
        (
            Role::Secondary,
            vec!["write memory all /noconfirm".to_string()]
        )
    );
    // The groups: two blocks, one per unit.
    assert_eq!(
        commands[7],
        (Role::Primary, vec!["failover active group 1".to_string()])
    );
    assert_eq!(
        commands[8],
        (Role::Secondary, vec!["failover active group 2".to_string()])
    );
    // After the hop, per group.
    assert!(rb
        .after
        .shows
        .contains("group 1 Active on the primary unit"));
    assert!(rb
        .after
        .shows
        .contains("group 2 Active on the secondary unit"));
    // One way of reaching the mate throughout, in the system execution space.
    let all = script(&rb);
    assert!(all
        .iter()
        .all(|l| !l.contains("failover exec") || l.contains("failover exec mate ")));
    for s in rb.prechecks.iter().chain(&rb.steps) {
        assert_eq!(past_pager(&s.commands)[0], "changeto system", "{s:?}");
    }
}

#[test]
fn multiple_context_mode_types_image_and_failover_commands_in_the_system_space() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, true),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    for step in rb.prechecks.iter().chain(&rb.steps) {
        assert_eq!(past_pager(&step.commands)[0], "changeto system", "{step:?}");
        for b in step.blocks.iter().chain(&step.rollback) {
            assert_eq!(past_pager(&b.commands)[0], "changeto system", "{b:?}");
        }
    }
    let first = before_first_hop(setup(Mode::ActiveStandby, true), "10.1.1.5");
    assert_eq!(past_pager(&first[0].commands)[0], "changeto system");
    let single = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    assert!(!script(&single).iter().any(|l| l.contains("changeto")));
}

#[test]
fn a_one_unit_hop_upgrades_the_standby_only_and_keeps_the_other_units_image_as_fallback() {
    let hop = HopSpec {
        from: r("8.3(2)"),
        to: r("8.4(7)"),
        reloads: Reloads::One {
            unit: Unit::Secondary,
            stays_on: r("8.4(7)"),
            stays_image: "asa847-k8.bin".into(),
        },
        active: None,
        left: Vec::new(),
    };
    let images = images_for("8.3(2)", "8.4(7)");
    let rb = hop_runbook(setup(Mode::ActiveStandby, false), &hop, &images);
    assert_eq!(rb.no_return_step(), None);
    let all = script(&rb);
    assert!(all.contains(&"active: failover exec mate copy /noconfirm tftp://10.1.1.5/asa847-k8.bin disk0:/asa847-k8.bin".to_string()));
    // The hop brings both units onto 8.4(7): the unit that stays gets the file too, under the
    // name the replicated boot lines use.
    assert!(all.contains(
        &"active: copy /noconfirm tftp://10.1.1.5/asa847-k8.bin disk0:/asa847-k8.bin".to_string()
    ));
    assert!(all.contains(&"active: failover reload-standby".to_string()));
    assert!(rb.steps[0].optional);
    // Both end on 8.4(7): saved; no mismatch warning expected.
    assert_eq!(rb.steps.last().unwrap().commands, ["write memory"]);
    assert!(rb.steps.iter().all(|s| s.expect.is_none()));
    assert!(rb.after.shows.starts_with("Both units run 8.4(7)"));
    let ahead = HopSpec {
        reloads: Reloads::One {
            unit: Unit::Primary,
            stays_on: r("9.0(4)"),
            stays_image: "asa904-k8.bin".into(),
        },
        ..hop
    };
    let rb2 = hop_runbook(setup(Mode::ActiveStandby, false), &ahead, &images);
    let text = prose(&rb2);
    assert!(
        text.contains("`Mate version 8.4(7) is not identical with ours 9.0(4)`"),
        "{text}"
    );
    assert!(text.contains("must not have asa847-k8.bin on its flash"));
    assert!(rb2.after.shows.contains("the other unit still runs 9.0(4)"));
    // The other unit is on a later release: no `write memory` to a mismatched pair.
    assert!(!rb2.steps.iter().any(|s| s.commands == ["write memory"]));
}

#[test]
fn image_names_and_server_are_parameters() {
    let odd = HopImages {
        server: "tftp.example".into(),
        old_image: "old`1`.bin".into(),
        new_image: "n e w".into(),
        asdm_image: String::new(),
    };
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("8.2(5)", "8.3(2)"),
        &odd,
    );
    let all = script(&rb).join("\n");
    assert!(all.contains("copy /noconfirm tftp://tftp.example/n e w disk0:/n e w"));
    assert!(all.contains("no boot system disk0:/old`1`.bin"));
    assert!(!all.contains("asa832"));
}

#[test]
fn labels_say_who_each_unit_is_at_that_moment() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    let text = prose(&rb);
    assert!(!text.contains("typed where you now are"), "{text}");
    assert_eq!(
        rb.steps[4].aside.as_deref(),
        Some("the upgraded unit, on 9.12(4)")
    );
    assert_eq!(
        rb.steps[6].aside.as_deref(),
        Some("the former active, now on 9.12(4)")
    );
    assert_eq!(rb.after.role, Some(Role::Active));
}

#[test]
fn default_images_follow_ciscos_styles() {
    image("8.4(7)30", "asa847-30-k8.bin");
    image("8.2(5)", "asa825-k8.bin");
    image("7.0(1)", "asa701-k8.bin");
    image("9.1(7)", "asa917-k8.bin");
    image("9.2(4)6", "asa924-6-smp-k8.bin");
    image("9.3(3)8", "asa933-8-smp-k8.bin");
    image("9.12(4)72", "asa9-12-4-72-smp-k8.bin");
    image("9.12(4)37", "asa9-12-4-37-smp-k8.bin");
    image("9.24(1)", "asa9-24-1-smp-k8.bin");
    image("9.8(10)", "asa9-8-10-smp-k8.bin");
}

#[test]
fn mode_values_read_back() {
    for mode in [Mode::ActiveStandby, Mode::ActiveActive] {
        assert_eq!(Mode::from_value(mode.as_str()), Some(mode));
    }
    assert_eq!(
        Mode::from_value(" Active-Active "),
        Some(Mode::ActiveActive)
    );
    assert_eq!(Mode::from_value("active/active"), None);
    assert_eq!(Mode::ActiveActive.label(), "Active/Active");
}

/// Issue #20, 9: an Active/Active one-unit hop names the units, never "the active unit".
#[test]
fn an_active_active_one_unit_hop_names_its_units() {
    let (session, books) =
        runbooks("from=8.4(7)&from2=8.3(2)&to=9.0(4)&mode=active-active&rules=table-81-1");
    assert_eq!(session.hop_facts[0].reloads.len(), 1);
    let rb = &books[0];
    // Every step is typed on the primary (it keeps both groups) but the optional ones that
    // give each group back to the unit that owns it, one per unit.
    let roles: Vec<Role> = rb
        .steps
        .iter()
        .filter(|s| !s.optional)
        .map(|s| s.role)
        .collect();
    assert!(roles.iter().all(|r| *r == Role::Primary), "{roles:?}");
    let restore: Vec<(Role, Vec<String>)> = rb
        .steps
        .iter()
        .filter(|s| s.optional)
        .map(|s| (s.role, s.commands.clone()))
        .collect();
    assert_eq!(
        restore,
        [
            (
                Role::Primary,
                vec!["changeto system".into(), "failover active group 1".into()]
            ),
            (
                Role::Secondary,
                vec!["changeto system".into(), "failover active group 2".into()]
            ),
        ]
    );
    assert_eq!(rb.steps[0].commands, ["changeto system", "failover active"]);
    assert_eq!(rb.after.role, Some(Role::Primary));
    let text = prose(rb);
    assert!(
        !text.contains("the active unit") && !text.contains("one unit Active"),
        "{text}"
    );
}

/// The plans whose pasted text is walked line by line (ARCHITECTURE.md's "Pasted runbook text
/// is safe to paste"): mismatched pairs, Active/Active, a start before `failover exec`, a
/// single-line model, multiple-context mode.
const PASTE_MATRIX: [&str; 9] = [
    "from=8.2(5)&to=9.1(7)",
    "from=8.2(5)&to=9.1(7)&rules=table-81-1",
    "from=8.2(5)&from2=9.0(4)&to=9.1(7)&rules=table-81-1",
    "from=8.4(7)&from2=8.3(2)&to=9.0(4)&mode=active-active&rules=table-81-1",
    "from=7.0(1)&to=8.0(4)",
    "from=9.14(4)&to=9.20(3)&platform=fp1000",
    "from=9.1(7)&to=9.12(4)&rules=table-81-1&platform=asa5525x",
    "from=9.1(7)&to=9.8(4)&contexts=multi",
    "from=9.20(3)&to=9.24(1)&platform=asav",
];

/// The boot lines of every hop of a plan, pasted in order as the runbook gives them, onto
/// the lines the pair boots from before the first hop: each `no boot system` takes out a line
/// that is there, each `boot system` adds one that is not, and after every hop the new image
/// is first, with no line of an earlier hop left (a fallback two hops old, first in the list,
/// would boot a release two hops back). Where the model takes a single line, that line alone.
#[test]
fn boot_lines_pasted_hop_after_hop_boot_each_hops_release_first() {
    for fragment in PASTE_MATRIX {
        let query: PlanQuery = fragment.parse().unwrap();
        let session = analyse(&query);
        let hops = session.hops();
        assert!(!hops.is_empty(), "{fragment}");
        let images =
            asa_planner::domain::runbook::hop_images(hops, "10.1.1.5", &[], session.platform);
        let first = session
            .hop_spec(0, |r| image_of(hops, &images, r, session.platform))
            .unwrap();
        let mut lines: Vec<String> = first
            .running_images(&images[0].old_image)
            .into_iter()
            .map(str::to_owned)
            .collect();
        for (i, hop_images) in images.iter().enumerate() {
            let spec = session
                .hop_spec(i, |r| image_of(hops, &images, r, session.platform))
                .unwrap();
            let book = hop_runbook(session.setup, &spec, hop_images);
            let pasted = book.steps.iter().flat_map(|s| {
                s.commands
                    .iter()
                    .chain(s.blocks.iter().flat_map(|b| &b.commands))
            });
            for line in pasted {
                if let Some(image) = line.strip_prefix("no boot system disk0:/") {
                    let at = lines.iter().position(|l| l == image);
                    let at = at.unwrap_or_else(|| panic!("{fragment}, hop {i}: {line} takes out a line that is not there: {lines:?}"));
                    lines.remove(at);
                } else if let Some(image) = line.strip_prefix("boot system disk0:/") {
                    assert!(
                        !lines.iter().any(|l| l == image),
                        "{fragment}, hop {i}: {line} twice"
                    );
                    lines.push(image.to_owned());
                }
            }
            assert_eq!(
                lines[0], hop_images.new_image,
                "{fragment}, hop {i}: {lines:?}"
            );
            assert!(lines.len() <= 3, "{fragment}, hop {i}: {lines:?}");
            let expected: Vec<&str> =
                spec.boot_set(session.setup, &hop_images.old_image, &hop_images.new_image);
            assert_eq!(lines, expected, "{fragment}, hop {i}");
            if session.setup.single_boot_line {
                assert_eq!(lines.len(), 1, "{fragment}, hop {i}: {lines:?}");
            }
        }
    }
}

/// A global configuration command pasted at the `#` prompt is refused: the pre-9.3(2) backup
/// exports the keys from configuration mode, and the save in the system execution space saves
/// the contexts' configurations too (`write memory all`).
#[test]
fn backup_exports_keys_in_configuration_mode_and_the_system_space_saves_every_context() {
    let (_, books) = runbooks("from=8.4(7)&to=9.1(7)");
    let lines = script(&books[0]);
    let export = lines
        .iter()
        .position(|l| l.contains("crypto ca export"))
        .unwrap();
    assert_eq!(lines[export - 1], "active: configure terminal");
    assert_eq!(lines[export + 1], "active: end");
    let (_, books) = runbooks("from=9.8(4)&to=9.12(4)&contexts=multi");
    let saves: Vec<&Step> = books[0]
        .steps
        .iter()
        .filter(|s| s.commands.iter().any(|c| c.starts_with("write memory")))
        .collect();
    assert_eq!(saves.len(), 1);
    assert_eq!(
        saves[0].commands,
        [
            "terminal pager 0",
            "changeto system",
            "write memory all /noconfirm"
        ]
    );
    let (_, books) = runbooks("from=9.8(4)&to=9.12(4)");
    assert!(script(&books[0]).contains(&"active: write memory".to_string()));
}

/// Before 8.0(2) (no `failover exec`) the upgraded unit's release is read in its own session
/// before the failover: said before `no failover active`, never in a block after it.
#[test]
fn without_failover_exec_the_release_is_read_before_the_failover() {
    let (_, books) = runbooks("from=7.0(1)&to=7.0(8)");
    let failover = books[0]
        .steps
        .iter()
        .find(|s| s.commands.iter().any(|c| c == "no failover active"))
        .unwrap();
    assert!(failover.blocks.is_empty(), "{:?}", failover.blocks);
    assert!(
        failover.notes[0].contains("then `show version` on the other unit, in its own session"),
        "{}",
        failover.notes[0]
    );
}

/// A mismatched pair's rollback ends where the hop started: each unit on its own release.
#[test]
fn a_mismatched_pairs_rollback_returns_each_unit_to_its_own_release() {
    let (session, books) = runbooks("from=9.1(7)&from2=9.8(4)&to=9.14(4)");
    assert_eq!(session.hops().len(), 1);
    let window = books[0]
        .steps
        .iter()
        .find(|s| !s.rollback.is_empty())
        .unwrap();
    let c = window.rollback.last().unwrap();
    let shows = c.shows.as_deref().unwrap();
    assert!(
        shows.contains("the upgraded unit on 9.1(7), this unit on 9.8(4)"),
        "{shows}"
    );
    assert!(!shows.contains("both units run 9.1(7)"), "{shows}");
    // The backup is typed on the active unit, on 9.8(4): it has `backup`.
    assert!(script(&books[0])
        .iter()
        .any(|l| l.starts_with("active: backup /noconfirm passphrase")));
}

/// A one-unit hop reads the boot lines replicated to the unit it reloads.
#[test]
fn a_one_unit_hop_reads_the_replicated_boot_lines_on_the_reloaded_unit() {
    let (session, books) = runbooks("from=8.4(7)&from2=9.1(7)&to=9.1(7)");
    assert_eq!(session.hop_facts[0].reloads.len(), 1);
    assert!(script(&books[0]).contains(&"active: failover exec mate show bootvar".to_string()));
}

/// The 9.23 SSH-key block is paste-safe (`noconfirm`: an existing key's replace prompt would
/// take the next pasted line as its answer) and, in a runbook, is labelled with the unit the
/// hop's configuration is typed on: the primary for Active/Active, never "the active unit".
#[test]
fn the_ssh_key_caveat_block_is_paste_safe_and_typed_on_the_hops_lead_unit() {
    let ssh = asa_planner::domain::caveats::CAVEATS
        .iter()
        .find(|c| c.id == "ssh-stack-9.23")
        .unwrap();
    let generate = ssh
        .commands
        .iter()
        .find(|c| c.starts_with("crypto key generate"))
        .unwrap();
    assert!(generate.ends_with(" noconfirm"), "{generate}");
    for (mode, multi, unit) in [
        (Mode::ActiveStandby, false, "active"),
        (Mode::ActiveStandby, true, "active"),
        (Mode::ActiveActive, true, "primary"),
    ] {
        let mut out = String::new();
        asa_planner::view::plan_html::caveats(&mut out, &[ssh], Some(setup(mode, multi)));
        assert!(out.contains(&format!("data-unit=\"{unit}\"")), "{out}");
        // Where the configuration lives in contexts, the block goes into one first: every
        // other block leaves the session in the system space.
        assert_eq!(
            out.contains("<code>changeto context &lt;context-name&gt;\nconfigure terminal\ncrypto key generate"),
            multi,
            "{out}"
        );
    }
    let mut hop_list = String::new();
    asa_planner::view::plan_html::caveats(&mut hop_list, &[ssh], None);
    assert!(!hop_list.contains("data-unit"), "{hop_list}");
}

/// The second read of the runbook (issue #21's turn): what a 2 a.m. paste would still get
/// wrong. Multiple-context mode exports keys in each context, never in the system space; a
/// one-unit hop backs up with the commands of the older release (either unit may still be
/// active then); a two-unit hop of a mismatched pair says neither unit may hold the other's
/// image; after a fail-back from a one-way hop the boot lines are said to still name the new
/// image; a single-line model's correction takes the old line out first.
#[test]
fn the_second_read_of_the_runbook() {
    // Pre-9.3(2) in multiple-context mode: no `crypto ca export` in the system space.
    let (_, books) = runbooks("from=9.1(7)&to=9.8(4)&contexts=multi");
    let lines = script(&books[0]);
    assert!(
        !lines.iter().any(|l| l.contains("crypto ca export")),
        "{lines:?}"
    );
    assert!(prose(&books[0]).contains("Each context's trustpoints are exported in that context"));
    // One-unit hop: the older release's backup commands.
    let (session, books) = runbooks("from=9.1(7)&from2=9.8(4)&to=9.8(4)");
    assert_eq!(session.hop_facts[0].reloads.len(), 1);
    let lines = script(&books[0]);
    assert!(
        !lines.iter().any(|l| l.contains("backup /noconfirm")),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("copy /noconfirm running-config tftp://")));
    // Two-unit hop of a mismatched pair.
    let (session, books) = runbooks("from=9.8(4)&from2=9.1(7)&to=9.12(4)");
    assert_eq!(session.hop_facts[0].reloads.len(), 2);
    assert!(prose(&books[0]).contains("Neither unit may hold the other's current image"));
    // A fail-back from a hop onto 9.24.
    let (_, books) = runbooks("from=9.22(2)14&to=9.24(1)");
    assert!(
        prose(&books[0]).contains("The boot lines still name"),
        "{}",
        prose(&books[0])
    );
    // A single-line model.
    let query: PlanQuery = "from=9.16(4)&to=9.18(4)&platform=fp1000".parse().unwrap();
    let session = analyse(&query);
    let hops = session.hops();
    let images = asa_planner::domain::runbook::hop_images(hops, "10.1.1.5", &[], session.platform);
    let spec = session
        .hop_spec(0, |r| image_of(hops, &images, r, session.platform))
        .unwrap();
    let text = prose(&hop_runbook(session.setup, &spec, &images[0]));
    assert!(
        text.contains("`no boot system` for the line there"),
        "{text}"
    );
    assert!(
        !text.contains("`boot system disk0:/cisco-asa-fp1k.9.18.4.SPA` first"),
        "{text}"
    );
}

/// Active/Active with a mismatched pair: the primary leads and the secondary is reloaded
/// first whichever runs the newer release, and every text names each unit's own release
/// (both orders of the same two releases).
#[test]
fn an_active_active_mismatched_pair_names_each_units_own_release() {
    for (primary, secondary) in [("9.8(4)", "9.12(4)"), ("9.12(4)", "9.8(4)")] {
        let (_, books) = runbooks(&format!(
            "from={primary}&from2={secondary}&to=9.14(4)&mode=active-active"
        ));
        let text = prose(&books[0]);
        for needle in [
            format!(
                "the secondary unit (reloaded first) runs {secondary}, the primary unit {primary}"
            ),
            format!("not identical with ours {primary}"),
            format!("If it still reads {secondary}, it booted the old image"),
            format!("both groups return to the primary unit, on {primary}"),
            format!("(c) Reload the secondary unit onto {secondary}"),
        ] {
            assert!(
                text.contains(&needle),
                "{primary}/{secondary}: {needle}\n{text}"
            );
        }
    }
}

/// The runbook writes one step per entry of the hop's outline (`runbook::outline`), in its
/// order: the numbers the position names are the runbook's own. Active/Active: 1 both groups
/// to the primary, 2 stage, 3 reload the secondary, 4 fail over, 5 the window, 6 reload the
/// primary, 7 `write memory`, 8–9 the groups restored.
#[test]
fn every_runbook_follows_its_hops_outline() {
    use asa_planner::domain::runbook::Phase;
    let first_command = |b: &Runbook, n: usize| {
        b.steps[n - 1]
            .commands
            .iter()
            .find(|c| *c != "changeto system" && *c != "terminal pager 0")
            .cloned()
            .unwrap_or_default()
    };
    for fragment in [
        "#from=9.8(4)&to=9.12(4)&rules=guide-9x",
        "#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x",
        "#from=8.2(5)&from2=8.4(7)&to=9.1(7)&rules=guide-9x",
        "#from=8.2(5)&from2=8.4(7)&to=9.1(7)&mode=active-active&rules=guide-9x",
        "#from=9.1(7)&from2=9.12(4)&to=9.12(4)&mode=active-active&rules=guide-9x",
        "#from=7.2(4)&to=8.4(7)&rules=table-81-1",
    ] {
        let (session, books) = runbooks(fragment);
        assert!(!books.is_empty(), "{fragment}");
        for (i, book) in books.iter().enumerate() {
            let spec = session.hop_spec(i, default_image).unwrap();
            let outline = spec.outline(session.setup.mode);
            assert_eq!(book.steps.len(), outline.len(), "{fragment} hop {}", i + 1);
            for (n, phase) in outline.iter().enumerate() {
                let step = &book.steps[n];
                let command = first_command(book, n + 1);
                let expected: &[&str] = match phase {
                    Phase::GroupsToPrimary => &["failover active"],
                    Phase::MakeStandby => &["no failover active", "failover active"],
                    Phase::FirstReload | Phase::SecondReload => &["failover reload-standby"],
                    Phase::FailOver => &["no failover active"],
                    Phase::Save => &["write memory", "write memory all /noconfirm"],
                    Phase::RestoreRoles => &["failover active"],
                    Phase::RestoreGroup(1) => &["failover active group 1"],
                    Phase::RestoreGroup(_) => &["failover active group 2"],
                    Phase::Stage | Phase::Window => &[],
                };
                assert!(
                    expected.is_empty() || expected.contains(&command.as_str()),
                    "{fragment} hop {} step {}: {phase:?} is {command:?}",
                    i + 1,
                    n + 1
                );
                assert_eq!(step.no_return, *phase == Phase::SecondReload);
            }
        }
    }
    let (session, books) = runbooks("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    let outline = session
        .hop_spec(0, default_image)
        .unwrap()
        .outline(Mode::ActiveActive);
    assert_eq!(
        outline,
        [
            Phase::GroupsToPrimary,
            Phase::Stage,
            Phase::FirstReload,
            Phase::FailOver,
            Phase::Window,
            Phase::SecondReload,
            Phase::Save,
            Phase::RestoreGroup(1),
            Phase::RestoreGroup(2)
        ]
    );
    assert_eq!(first_command(&books[0], 1), "failover active");
    assert_eq!(first_command(&books[0], 7), "write memory all /noconfirm");
}

/// Whether a line's output can run past a screen: the ASA's default pager would stop it at
/// `<--- More --->`, and that prompt takes the lines pasted after it as keystrokes.
fn prints_long(line: &str) -> bool {
    let line = line.strip_prefix("failover exec mate ").unwrap_or(line);
    [
        "show ",
        "dir ",
        "more ",
        "verify ",
        "copy ",
        "crypto ca export",
        "backup ",
        "write memory all",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// Every command block of a runbook (pre-checks, steps, their checks, further and rollback
/// blocks, the final check), as pasted.
fn blocks_of(book: &Runbook) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for s in book.prechecks.iter().chain(&book.steps) {
        out.push(s.commands.clone());
        if let Some(c) = &s.check {
            out.push(c.commands.clone());
        }
        for b in s.blocks.iter().chain(&s.rollback) {
            out.push(b.commands.clone());
        }
    }
    out.push(book.after.commands.clone());
    out
}

/// Paste safety against the pager: every block with a command whose output can run past a
/// screen (`show failover`, `show version`, `dir`, `crypto ca export`'s PKCS12 text, …)
/// starts with `terminal pager 0` (this session only), never with `pager lines`
/// (configuration); the steps before the first hop too, and they say why once.
#[test]
fn every_block_that_prints_long_turns_the_pager_off_first() {
    let check = |fragment: &str, what: &str, block: &[String]| {
        assert!(
            !block.iter().any(|l| l.starts_with("pager ")),
            "{fragment} {what}: {block:?}"
        );
        if block.iter().any(|l| prints_long(l)) {
            assert_eq!(
                block.first().map(String::as_str),
                Some("terminal pager 0"),
                "{fragment} {what}: {block:?}"
            );
        }
    };
    for fragment in PASTE_MATRIX {
        let (session, books) = runbooks(fragment);
        assert!(!books.is_empty(), "{fragment}");
        for (i, book) in books.iter().enumerate() {
            for block in blocks_of(book) {
                check(fragment, &format!("hop {}", i + 1), &block);
            }
        }
        for step in before_first_hop(session.setup, "10.1.1.5") {
            check(fragment, "before the first hop", &step.commands);
        }
    }
    let before = before_first_hop(setup(Mode::ActiveStandby, false), "10.1.1.5");
    let notes = before[0].notes.join(" ");
    assert!(
        notes.contains("`terminal pager 0`") && notes.contains("never the saved configuration"),
        "{notes}"
    );
}

/// A one-unit hop whose other unit already runs the hop's release never tells that unit to
/// copy the image it runs (a cut copy over it would leave it nothing to boot): it lists the
/// file with `dir`, and copies it only in a block labelled for when the file is missing. The
/// fallback line it keeps (the reloaded unit's old image) is said to be that unit's only.
#[test]
fn a_unit_is_never_told_to_overwrite_the_image_it_runs() {
    let mut seen = 0;
    for fragment in [
        "from=8.2(5)&from2=8.4(7)&to=9.1(7)&mode=active-active&platform=asa5510",
        "from=8.3(2)&from2=8.2(5)&to=9.1(7)&platform=asa5510",
        "from=8.2(5)&from2=8.4(7)&to=9.1(7)",
        "from=7.2(5)&from2=8.0(5)&to=8.0(5)",
        "from=9.14(4)&from2=9.16(4)&to=9.16(4)&platform=fp1000",
    ] {
        let (session, books) = runbooks(fragment);
        assert!(!books.is_empty(), "{fragment}");
        let hops = session.hops();
        let images =
            asa_planner::domain::runbook::hop_images(hops, "10.1.1.5", &[], session.platform);
        for (i, book) in books.iter().enumerate() {
            let spec = session
                .hop_spec(i, |r| image_of(hops, &images, r, session.platform))
                .unwrap();
            let Reloads::One {
                stays_on,
                stays_image,
                ..
            } = &spec.reloads
            else {
                continue;
            };
            if *stays_on != spec.to {
                continue;
            }
            seen += 1;
            let copy =
                format!("copy /noconfirm tftp://10.1.1.5/{stays_image} disk0:/{stays_image}");
            let stage = book
                .steps
                .iter()
                .find(|s| {
                    s.commands
                        .iter()
                        .chain(s.blocks.iter().flat_map(|b| &b.commands))
                        .any(|c| c.contains(&copy))
                })
                .unwrap_or_else(|| panic!("{fragment} hop {}: no staging", i + 1));
            // The unit that stays types the step's own block: it lists the file, copies nothing.
            assert!(
                stage
                    .commands
                    .contains(&format!("dir disk0:/{stays_image}")),
                "{fragment} hop {}: {:?}",
                i + 1,
                stage.commands
            );
            assert!(
                !stage.commands.contains(&copy),
                "{fragment} hop {}: {:?}",
                i + 1,
                stage.commands
            );
            for b in &stage.blocks {
                if b.commands.contains(&copy) && b.role == stage.role {
                    let aside = b.aside.as_deref().unwrap_or("");
                    assert!(aside.contains("only if"), "{fragment} hop {}: {b:?}", i + 1);
                    assert!(b.what.starts_with("Only if"), "{fragment}: {b:?}");
                }
            }
            if !session.setup.single_boot_line {
                let old = &images[i].old_image;
                assert!(
                    stage
                        .notes
                        .iter()
                        .any(|n| n.contains(&format!("The fallback boot line, {old}, is for the"))),
                    "{fragment} hop {}: {:?}",
                    i + 1,
                    stage.notes
                );
            }
        }
    }
    assert!(seen >= 5, "{seen} converging one-unit hops");
}

/// The backup says what it is for: a rollback of the hop restores it only where the hop has
/// a rollback (b). A hop onto 9.24 offers only a fail-back, a one-unit hop no rollback step.
#[test]
fn the_backup_promises_a_rollback_only_where_the_hop_has_one() {
    for (fragment, has_rollback) in [
        ("from=9.20(3)&to=9.24(1)&platform=asav", false),
        ("from=9.22(2)14&to=9.24(1)", false),
        ("from=9.1(7)&from2=9.8(4)&to=9.8(4)", false),
        ("from=9.8(4)&to=9.12(4)", true),
    ] {
        let (_, books) = runbooks(fragment);
        let book = &books[0];
        let restores = book
            .steps
            .iter()
            .flat_map(|s| &s.rollback)
            .any(|b| b.commands.iter().any(|c| c.contains("startup-config")));
        assert_eq!(restores, has_rollback, "{fragment}");
        let backup = book
            .prechecks
            .iter()
            .find(|s| s.what.starts_with("Back up"))
            .unwrap();
        assert_eq!(
            backup.what.contains("a rollback of this hop restores it"),
            has_rollback,
            "{fragment}: {}",
            backup.what
        );
    }
}

/// With no model chosen, a plan's default image names take the family of the models that run
/// every release of the plan, when they share one (8.2(5) → 9.2(4): the ASA 5505 and 5580,
/// `-k8.bin`; no `-smp` image existed for 7.x or 8.3); where none or several do, the 5500/5500-X
/// guess of the plan's highest release stands and the runbook says the names are a guess.
/// Either way a plan's default names keep one family.
#[test]
fn without_a_model_default_names_follow_the_models_that_run_the_whole_plan() {
    use asa_planner::domain::runbook::hop_images;
    use asa_planner::view::export::{markdown, Extras};
    for (fragment, suffix, guess) in [
        ("from=8.2(5)&to=9.2(4)", "-k8.bin", false),
        ("from=7.0(1)&to=7.2(5)", "-k8.bin", false),
        ("from=7.0(1)&to=9.24(1)", "-smp-k8.bin", true),
        ("from=9.8(4)&to=9.20(3)", "-smp-k8.bin", true),
    ] {
        let query: PlanQuery = fragment.parse().unwrap();
        let session = analyse(&query);
        let hops = session.hops();
        assert!(!hops.is_empty(), "{fragment}");
        let images = hop_images(hops, "", &[], None);
        for i in &images {
            for name in [&i.old_image, &i.new_image] {
                assert!(name.ends_with(suffix), "{fragment}: {name}");
                if suffix == "-k8.bin" {
                    assert!(!name.contains("-smp-"), "{fragment}: {name}");
                }
            }
        }
        let md = markdown(&session, &Extras::default(), "#x");
        assert_eq!(md.contains("Image names are a guess"), guess, "{fragment}");
    }
    let (_, books) = runbooks("from=8.2(5)&to=9.2(4)");
    let text = script(&books[0]).join("\n");
    assert!(
        text.contains("asa825-k8.bin") && !text.contains("asa825-smp"),
        "{text}"
    );
}

/// A shared link, a saved state or a typed field cannot put a command into a pasted block: a
/// server or file name with a blank or a control character is not used (the link's notice
/// or the page's message says why), so no line of the runbook, the Markdown or the position's
/// next step starts with what followed the line break.
#[test]
fn a_name_with_a_line_break_never_reaches_a_pasted_line() {
    use asa_planner::domain::position::{locate, Known};
    use asa_planner::domain::show::parse;
    use asa_planner::view::fleet_export::change_plan;
    let evil = [
        "a.bin\nwrite erase",
        "a.bin\r\nreload noconfirm",
        "a.bin ; reload",
        "a.bin\treload",
    ];
    for name in evil {
        let mut query: PlanQuery = "from=9.8(4)&to=9.12(4)".parse().expect("a link");
        query.server = name.replace("a.bin", "10.0.0.5");
        query.images = vec![
            ("9.12(4)".into(), name.into()),
            ("9.8(4)".into(), name.into()),
        ];
        query.asdm = vec![("9.12(4)".into(), name.into())];
        let session = analyse(&query);
        let md = change_plan(&query, &session, "#x");
        let images = hop_images(session.hops(), &query.server, &query.typed_images(), None);
        assert!(images.iter().all(|i| i.server == SERVER_PLACEHOLDER
            && !i.new_image.contains(char::is_whitespace)
            && !i.old_image.contains(char::is_whitespace)
            && i.asdm_image.is_empty()));
        let snap = parse(include_str!("fixtures/show/mid-standby-reloaded.txt"));
        let typed = query.typed_images();
        let known = Known {
            previous: None,
            ticked: &[],
            images: &typed,
            rollback: &[],
            server: &query.server,
        };
        let next = format!("{:?}", locate(&session, &snap, &known).next);
        for text in [md.as_str(), next.as_str()] {
            for line in text.lines() {
                let line = line.trim_start();
                assert!(
                    !line.starts_with("write erase") && !line.starts_with("reload"),
                    "{name:?} reached a line: {line}"
                );
            }
            // Only the warning that quotes it (a blockquote line) may hold the name.
            let commands = text.lines().filter(|l| !l.trim_start().starts_with('>'));
            for line in commands {
                assert!(
                    !line.contains("a.bin ;") && !line.contains("a.bin\t"),
                    "{name:?}: {line}"
                );
            }
        }
    }
    // From a link (or saved state), each is kept for its field, said naming its key, and
    // never reaches a command.
    for key in ["server", "img", "asdm"] {
        let value = match key {
            "server" => "10.0.0.5%0Awrite%20erase".to_owned(),
            _ => "9.12(4):a.bin%0Awrite%20erase".to_owned(),
        };
        let (query, notices) =
            PlanQuery::parse_with_notices(&format!("from=9.8(4)&to=9.12(4)&{key}={value}"))
                .expect("read");
        let kept = match key {
            "server" => query.server.contains('\n'),
            "img" => query.images.iter().any(|(_, f)| f.contains('\n')),
            _ => query.asdm.iter().any(|(_, f)| f.contains('\n')),
        };
        assert!(kept, "{key}: the value is kept for its field");
        assert!(
            notices
                .iter()
                .any(|n| n.key == key && n.is_error && n.message.contains("U+000A")),
            "{key}: {notices:?}"
        );
        let session = analyse(&query);
        let md = change_plan(&query, &session, "#x");
        assert!(
            !md.lines()
                .any(|l| l.trim_start().starts_with("write erase")),
            "{key}"
        );
    }
}

/// A name typed as `show version` or `dir` print it (`disk0:/asa9-12-4-smp-k8.bin`), or a server
/// typed as a URL (`tftp://10.0.0.5/`), would have given `disk0:/disk0:/…` and
/// `tftp://tftp://10.0.0.5//…` in every copy and boot line: neither is pasted (the default name
/// and the placeholder stand, the panel and a link's banner say why), a slash after a server
/// is dropped, and a folder after the host is kept.
#[test]
fn a_path_or_a_url_is_never_pasted_as_a_name() {
    use asa_planner::domain::runbook::{file_problem, server_problem, NameProblem};
    use asa_planner::view::fleet_export::change_plan;
    for name in [
        "disk0:/asa9-12-4-smp-k8.bin",
        "images/asa9-12-4-smp-k8.bin",
        "flash:asa.bin",
        "images\\asa.bin",
    ] {
        assert_eq!(file_problem(name), Some(NameProblem::Path), "{name}");
    }
    assert_eq!(file_problem("asa9-12-4-smp-k8.bin"), None);
    for (server, problem) in [
        ("tftp://10.0.0.5", NameProblem::Scheme),
        ("TFTP://10.0.0.5", NameProblem::Scheme),
        ("tftp:/10.0.0.5", NameProblem::Scheme),
        ("tftp:10.0.0.5", NameProblem::Scheme),
        ("disk0:", NameProblem::Scheme),
        ("2001:db8::5", NameProblem::Ipv6),
        ("/10.0.0.5", NameProblem::Folder),
        ("/", NameProblem::Folder),
        ("10.0.0.5//images", NameProblem::Folder),
        ("10.0.0.5\\images", NameProblem::Folder),
    ] {
        assert_eq!(server_problem(server), Some(problem), "{server}");
    }
    for server in [
        "",
        "10.0.0.5",
        "10.0.0.5/",
        "10.0.0.5/images",
        "10.0.0.5/images/",
        "10.0.0.5:69",
        "tftp.example.net",
        "[2001:db8::5]",
        "[2001:db8::5]:69/images",
    ] {
        assert_eq!(server_problem(server), None, "{server}");
    }
    let (query, notices) = PlanQuery::parse_with_notices(
        "from=9.8(4)&to=9.12(4)&server=tftp://10.0.0.5/&img=9.12(4):disk0:/asa9-12-4-smp-k8.bin\
         &asdm=9.12(4):disk0:/asdm-7181.bin",
    )
    .expect("read");
    for key in ["server", "img", "asdm"] {
        assert!(
            notices.iter().any(|n| n.key == key && n.is_error),
            "{key}: {notices:?}"
        );
    }
    let session = analyse(&query);
    let md = change_plan(&query, &session, "#x");
    let commands: Vec<&str> = md
        .lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect();
    for line in &commands {
        assert!(
            !line.contains("disk0:/disk0:") && !line.contains("tftp://tftp:"),
            "{line}"
        );
    }
    assert!(commands.iter().any(|l| l.contains(
        "copy /noconfirm tftp://<tftp-server>/asa9-12-4-smp-k8.bin disk0:/asa9-12-4-smp-k8.bin"
    )));
    // A slash after the server is dropped; a folder after it is the copy's source.
    for (server, source) in [
        ("10.0.0.5/", "tftp://10.0.0.5/asa9-12-4-smp-k8.bin "),
        (
            "10.0.0.5/images",
            "tftp://10.0.0.5/images/asa9-12-4-smp-k8.bin ",
        ),
    ] {
        let images = hop_images(session.hops(), server, &[], None);
        assert_eq!(images[0].server, server.trim_end_matches('/'));
        let mut q = query.clone();
        q.server = server.into();
        q.images.clear();
        q.asdm.clear();
        let md = change_plan(&q, &analyse(&q), "#x");
        assert!(md.contains(source), "{server}: {md}");
    }
}

/// A typed image name that reads as another release, or as no image at all, is used as typed
/// (a renamed file reads as anything) and said where the name is shown.
#[test]
fn an_image_name_for_another_release_is_used_and_said() {
    use asa_planner::domain::runbook::{doubtful_names, image_doubt, DoubtfulName, ImageDoubt};
    assert_eq!(
        image_doubt("9.12(4)", "asa821-k8.bin"),
        Some(ImageDoubt::OtherRelease(r("8.2(1)")))
    );
    assert_eq!(
        image_doubt("9.12(4)", "notes.txt"),
        Some(ImageDoubt::NotAnImage)
    );
    assert_eq!(
        image_doubt("asdm 9.12(4)", "notes.txt"),
        Some(ImageDoubt::NotAnImage)
    );
    // The release's own name, any family, an interim build's, a renamed file with an image
    // ending, an ASDM image: nothing to say.
    for (key, name) in [
        ("9.12(4)", "asa9-12-4-smp-k8.bin"),
        ("9.12(4)", "ASA9-12-4-SMP-K8.BIN"),
        ("9.16(4)", "cisco-asa-fp2k.9.16.4.SPA"),
        ("9.17(1)", "cisco-asa.9.17.1.SPA.csp"),
        ("9.12(4)37", "asa9-12-4-37-smp-k8.bin"),
        ("9.12(4)", "golden-image.bin"),
        ("9.12(4)", "fxos-k9.2.10.1.pkg"),
        ("asdm 9.12(4)", "asdm-7124.bin"),
        ("9.12(4)", ""),
    ] {
        assert_eq!(image_doubt(key, name), None, "{key} {name}");
    }
    // An interim build is another build.
    assert_eq!(
        image_doubt("9.12(4)", "asa9-12-4-37-smp-k8.bin"),
        Some(ImageDoubt::OtherRelease(r("9.12(4)37")))
    );
    // The name the commands use (the last typed under its key) is the one judged; a name
    // with a blank is not used, so it has its own message.
    let typed = vec![
        ("9.12(4)".to_owned(), "asa9-12-4-smp-k8.bin".to_owned()),
        ("9.12(4)".to_owned(), "asa821-k8.bin".to_owned()),
        ("9.8(4)".to_owned(), "a b.txt".to_owned()),
    ];
    assert_eq!(
        doubtful_names(&typed),
        [DoubtfulName {
            key: "9.12(4)".into(),
            name: "asa821-k8.bin".into(),
            doubt: ImageDoubt::OtherRelease(r("8.2(1)")),
        }]
    );
    // Still used: the commands stage and boot it.
    let session = analyse(&"from=9.8(4)&to=9.12(4)".parse::<PlanQuery>().unwrap());
    let images = hop_images(session.hops(), "", &typed, None);
    assert_eq!(images[0].new_image, "asa821-k8.bin");
}

/// The ASA and ASDM image names swapped (the commonest slip with two file fields): the boot
/// line would name ASDM's file and the standby would not boot the release; `asdm image` would
/// name the ASA's. Both are said, the names still used as typed.
#[test]
fn an_asa_and_asdm_image_name_swapped_are_said() {
    use asa_planner::domain::runbook::{doubtful_names, image_doubt, ImageDoubt};
    assert_eq!(
        image_doubt("9.12(4)", "asdm-7181.bin"),
        Some(ImageDoubt::AsdmFile)
    );
    assert_eq!(
        image_doubt("9.12(4)", "disk0:/ASDM-7181.bin"),
        Some(ImageDoubt::AsdmFile)
    );
    assert_eq!(
        image_doubt("asdm 9.12(4)", "asa9-12-4-smp-k8.bin"),
        Some(ImageDoubt::AsaFile(r("9.12(4)")))
    );
    assert_eq!(
        image_doubt("asdm 9.16(4)", "cisco-asa-fp2k.9.16.4.SPA"),
        Some(ImageDoubt::AsaFile(r("9.16(4)")))
    );
    // An ASDM image under its own field is fine, whatever its version.
    assert_eq!(image_doubt("asdm 9.12(4)", "asdm-7181.bin"), None);
    let typed = vec![
        ("9.12(4)".to_owned(), "asdm-7181.bin".to_owned()),
        ("asdm 9.12(4)".to_owned(), "asa9-12-4-smp-k8.bin".to_owned()),
    ];
    let said: Vec<String> = doubtful_names(&typed)
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].contains("reads as an ASDM image") && said[0].contains("does not boot 9.12(4)")
    );
    assert!(said[1].contains("reads as the ASA image of 9.12(4), not an ASDM image"));
    let query =
        "from=9.8(4)&to=9.12(4)&img=9.12(4):asdm-7181.bin&asdm=9.12(4):asa9-12-4-smp-k8.bin";
    let session = analyse(&query.parse::<PlanQuery>().unwrap());
    let images = hop_images(session.hops(), "", &typed, None);
    let extras = asa_planner::view::export::Extras {
        images: &images,
        ..Default::default()
    };
    let md = asa_planner::view::export::markdown(&session, &extras, "#x");
    for s in &said {
        assert!(md.contains(s.as_str()), "{s}\n{md}");
    }
}

/// No default name the planner writes, for any catalog release and model, reads as another
/// release or as no image (the Markdown checks every name it shows).
#[test]
fn every_default_image_name_reads_as_its_release() {
    use asa_planner::domain::catalog::Catalog;
    use asa_planner::domain::platform::{default_image as model_image, Platform};
    use asa_planner::domain::runbook::image_doubt;
    let models = std::iter::once(None).chain(Platform::ALL.into_iter().map(Some));
    for model in models {
        for entry in Catalog::builtin().entries() {
            let release = entry.release;
            let name = model_image(model, release);
            assert_eq!(
                image_doubt(&release.to_string(), &name),
                None,
                "{model:?} {release}: {name}"
            );
        }
    }
}

/// A name with a character that shows as nothing is not pasted either: the unit would look
/// for a file other than the one the person reads.
#[test]
fn a_name_with_an_invisible_character_is_not_used() {
    use asa_planner::domain::runbook::{name_problem, NameProblem};
    for name in ["asa9\u{200B}.bin", "\u{FEFF}asa9.bin", "10.0.0.5\u{200E}"] {
        assert_eq!(name_problem(name), Some(NameProblem::Invisible), "{name:?}");
        let images = hop_images(
            analyse(&"from=9.8(4)&to=9.12(4)".parse().expect("a link")).hops(),
            name,
            &[("9.12(4)".to_owned(), name.to_owned())],
            None,
        );
        assert_eq!(images[0].server, SERVER_PLACEHOLDER);
        assert_ne!(images[0].new_image, name);
    }
    assert_eq!(name_problem("asa9-12-4-smp-k8.bin"), None);
}

/// A hop that has no rollback never promises one: a one-unit hop onto a release with no
/// downgrade says its backup is kept, not what "a return" would start from, and marks the
/// reload that puts the unit on that release as its point of no return, as the two-unit hop
/// does; and the freeze of a hop without rollback (b) gives no rollback as its reason.
#[test]
fn a_hop_without_a_rollback_never_promises_one() {
    for fragment in [
        "from=9.16(4)&from2=9.24(1)&to=9.24(1)",
        "from=9.16(4)&from2=9.24(1)&to=9.24(1)&mode=active-active",
        "from=9.16(4)&from2=9.24(1)&to=9.24(1)&contexts=multi",
    ] {
        let (session, books) = runbooks(fragment);
        assert_eq!(session.hop_facts[0].reloads.len(), 1, "{fragment}");
        let book = &books[0];
        let backup = book
            .prechecks
            .iter()
            .find(|s| s.what.starts_with("Back up"))
            .unwrap();
        assert!(
            !backup.what.contains("a return to") && backup.what.contains("cannot be downgraded"),
            "{fragment}: {}",
            backup.what
        );
        let reload = book
            .steps
            .iter()
            .find(|s| s.commands.iter().any(|c| c == "failover reload-standby"))
            .unwrap();
        assert!(
            reload
                .notes
                .iter()
                .any(|n| n.starts_with("Point of no return for the primary unit")),
            "{fragment}: {:?}",
            reload.notes
        );
    }
    for fragment in [
        "from=9.16(4)&from2=9.24(1)&to=9.24(1)",
        "from=9.1(7)&from2=9.8(4)&to=9.8(4)",
        "from=9.8(4)&from2=9.12(4)&to=9.12(4)&mode=active-active",
        "from=9.22(2)14&to=9.24(1)",
        "from=9.22(2)14&to=9.24(1)&mode=active-active",
    ] {
        let (_, books) = runbooks(fragment);
        let text = prose(&books[0]);
        assert!(!text.contains("on a rollback"), "{fragment}\n{text}");
    }
    // A hop with a rollback still says why the freeze matters to it.
    let (_, books) = runbooks("from=9.8(4)&to=9.12(4)");
    assert!(prose(&books[0]).contains("changes are lost on a rollback"));
}

/// A block that says it does "the same" on the other unit holds the very commands of the
/// block above it; a block that does something else says what (hop 1 of 7.2(5) → 8.4(7) from
/// a pair on 7.2(5) and 8.0(5): the unit that stays lists its image with `dir`, the reloaded
/// unit copies and checks it; the backup's copy off the box is typed on one unit only).
#[test]
fn a_block_labelled_the_same_holds_the_same_commands() {
    let mut seen = 0;
    for fragment in PASTE_MATRIX.iter().copied().chain([
        "from=7.2(5)&from2=8.0(5)&to=8.4(7)&contexts=multi",
        "from=7.2(5)&from2=8.0(5)&to=8.4(7)",
        "from=7.2(5)&to=8.0(5)&mode=active-active",
    ]) {
        let (_, books) = runbooks(fragment);
        for (i, book) in books.iter().enumerate() {
            for step in book.prechecks.iter().chain(&book.steps) {
                for block in &step.blocks {
                    if block.what.starts_with("The same") {
                        seen += 1;
                        assert_eq!(
                            past_preamble(&block.commands),
                            past_preamble(&step.commands),
                            "{fragment} hop {}: {}",
                            i + 1,
                            block.what
                        );
                    }
                }
            }
        }
    }
    assert!(seen > 0);
}

/// Rollback (c) names the save the runbook's own blocks use: `write memory all /noconfirm` in
/// the system execution space (a plain `write memory` there saves the system configuration
/// only), `write memory` elsewhere.
#[test]
fn rollback_c_names_the_save_the_blocks_use() {
    for (fragment, save) in [
        (
            "from=9.8(4)&to=9.12(4)&contexts=multi",
            "`write memory all /noconfirm`",
        ),
        (
            "from=9.8(4)&to=9.12(4)&mode=active-active",
            "`write memory all /noconfirm`",
        ),
        (
            "from=9.8(4)&from2=9.1(7)&to=9.12(4)&contexts=multi",
            "`write memory all /noconfirm`",
        ),
        ("from=9.8(4)&to=9.12(4)", "`write memory`"),
    ] {
        let (_, books) = runbooks(fragment);
        let c = books[0]
            .steps
            .iter()
            .flat_map(|s| &s.rollback)
            .find(|b| b.what.starts_with("(c)"))
            .unwrap();
        let shows = c.shows.as_deref().unwrap_or_default();
        assert!(
            shows.contains(&format!("type {save} here")),
            "{fragment}: {shows}"
        );
    }
}

/// The `<…>` placeholders of a line, each with its angle brackets.
fn placeholders(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find('<') {
        match rest[start..].find('>') {
            Some(end) => {
                out.push(rest[start..start + end + 1].to_string());
                rest = &rest[start + end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Whether `text` tells the person to replace `placeholder` before pasting.
fn calls_out(text: &str, placeholder: &str) -> bool {
    text.split_inclusive(['.', ':'])
        .any(|s| s.contains("Replace") && s.contains(&format!("`{placeholder}`")))
        || text.contains(&format!("Replace `{placeholder}`"))
}

/// The plans every placeholder check walks: the paste matrix, with multiple-context mode,
/// Active/Active, one-unit hops and hops onto 9.23 and 9.24 (the SSH-key caveat's block).
fn placeholder_matrix() -> Vec<String> {
    PASTE_MATRIX
        .iter()
        .map(|f| f.to_string())
        .chain(
            [
                "from=9.16(4)&from2=9.24(1)&to=9.24(1)",
                "from=9.16(4)&from2=9.24(1)&to=9.24(1)&contexts=multi",
                "from=9.16(4)&to=9.24(1)&contexts=multi",
                "from=9.16(4)&to=9.24(1)&mode=active-active",
                "from=9.16(4)&from2=9.23(1)&to=9.24(1)&mode=active-active",
                "from=7.2(5)&from2=8.0(5)&to=8.4(7)&contexts=multi",
                "from=8.2(5)&from2=8.4(7)&to=9.1(7)&mode=active-active",
            ]
            .map(String::from),
        )
        .collect()
}

/// Every `<…>` placeholder in a pasted block has its callout where the block is ("Replace
/// `<…>` … before pasting"): pasted as it is, the line fails, or takes the placeholder as
/// typed. A step's callouts are its notes, its blocks' own words and its check's.
#[test]
fn every_placeholder_in_a_block_has_its_callout() {
    let mut seen = std::collections::BTreeSet::new();
    for fragment in placeholder_matrix() {
        let (_, books) = runbooks_on(&fragment, "");
        for (i, book) in books.iter().enumerate() {
            for step in book.prechecks.iter().chain(&book.steps) {
                let mut said = step.notes.join("\n");
                said.push('\n');
                said.push_str(&step.what);
                let lines = step_script(step);
                for line in &lines {
                    for p in placeholders(line) {
                        seen.insert(p.clone());
                        assert!(
                            calls_out(&said, &p),
                            "{fragment} hop {}: {p} in `{line}` without its callout: {said}",
                            i + 1
                        );
                    }
                }
            }
            assert!(placeholders(&book.after.commands.join("\n")).is_empty());
        }
        // The caveats' blocks "before this hop" too.
        let (session, _) = runbooks_on(&fragment, "");
        for facts in &session.hop_facts {
            for c in &facts.caveats {
                let steps = caveat_steps(c, session.setup, facts.stays);
                let Some(block) = steps.block else { continue };
                let said = block.notes.join("\n");
                for line in &block.commands {
                    for p in placeholders(line) {
                        seen.insert(p.clone());
                        assert!(
                            calls_out(&said, &p),
                            "{fragment} caveat {}: {p} in `{line}` without its callout",
                            c.release
                        );
                    }
                }
            }
        }
    }
    assert!(seen.contains("<context-name>"), "{seen:?}");
    assert!(
        seen.contains("<tftp-server>") && seen.contains("<backup-passphrase>"),
        "{seen:?}"
    );
}

/// A one-unit hop whose other unit (the one its commands are typed on) already runs 9.23 or
/// later asks for no 9.23 SSH-key preparation: that unit's configuration, which the reloaded
/// unit takes, has crossed 9.23 already, and `crypto key generate` there would only give SSH
/// clients a new host key. Where the unit that stays runs an older release, the block stays.
#[test]
fn a_unit_past_9_23_is_given_no_pre_9_23_preparation() {
    for (fragment, block) in [
        ("from=9.16(4)&from2=9.24(1)&to=9.24(1)", false),
        (
            "from=9.16(4)&from2=9.24(1)&to=9.24(1)&contexts=multi",
            false,
        ),
        (
            "from=9.16(4)&from2=9.24(1)&to=9.24(1)&mode=active-active",
            false,
        ),
        ("from=9.16(4)&to=9.24(1)", true),
        ("from=9.16(4)&to=9.24(1)&contexts=multi", true),
    ] {
        let (session, _) = runbooks(fragment);
        let facts = &session.hop_facts[0];
        let ssh = facts
            .caveats
            .iter()
            .find(|c| c.id == "ssh-stack-9.23")
            .unwrap();
        let steps = caveat_steps(ssh, session.setup, facts.stays);
        assert_eq!(steps.block.is_some(), block, "{fragment}");
        assert_eq!(
            steps.before.starts_with("Nothing to type for this hop"),
            !block,
            "{fragment}: {}",
            steps.before
        );
    }
}
