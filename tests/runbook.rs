//! Runbooks (SPEC §6): exact commands in order, each on one unit, checks, the point of no
//! return, one-unit hops, multiple-context mode, and the default image names.

use asa_planner::domain::release::Release;
use asa_planner::domain::runbook::{
    before_first_hop, default_image, hop_runbook, HopImages, HopSpec, Mode, Reloads, Role, Runbook,
    Setup, Unit,
};

fn images() -> HopImages {
    HopImages {
        server: "10.1.1.5".into(),
        old_image: "asa825-k8.bin".into(),
        new_image: "asa832-k8.bin".into(),
        asdm_image: String::new(),
    }
}

fn r(text: &str) -> Release {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn both(from: &str, to: &str) -> HopSpec {
    HopSpec {
        from: r(from),
        to: r(to),
        reloads: Reloads::Both,
    }
}

fn setup(mode: Mode, multi_context: bool) -> Setup {
    Setup {
        mode,
        multi_context,
    }
}

/// Every command of the steps, each prefixed with the unit it is typed on (`data-unit`).
fn script(runbook: &Runbook) -> Vec<String> {
    runbook
        .steps
        .iter()
        .flat_map(|s| {
            s.commands
                .iter()
                .map(move |c| format!("{}: {c}", s.role.as_str()))
        })
        .collect()
}

#[track_caller]
fn image(release: &str, expected: &str) {
    assert_eq!(default_image(r(release)), expected, "image of {release}");
}

#[test]
fn active_standby_is_the_guides_sequence_with_fallback_and_no_bare_reload() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    assert_eq!(rb.mode, Mode::ActiveStandby);
    assert!(!rb.reconstructed);
    assert_eq!(
        script(&rb),
        [
            "both: copy tftp://10.1.1.5/asa832-k8.bin disk0:/asa832-k8.bin",
            "both: verify /md5 disk0:/asa832-k8.bin",
            "active: configure terminal",
            "active: no boot system disk0:/asa825-k8.bin",
            "active: boot system disk0:/asa832-k8.bin",
            "active: boot system disk0:/asa825-k8.bin",
            "active: write memory",
            "active: failover reload-standby",
            "active: no failover active",
            "active: failover reload-standby",
            "standby: failover active",
        ]
    );
    // The former active unit is reloaded from the new active unit: no block holds a bare
    // `reload` that could be pasted on the active unit.
    assert!(rb
        .steps
        .iter()
        .all(|s| !s.commands.iter().any(|c| c == "reload")));
    let optional: Vec<bool> = rb.steps.iter().map(|s| s.optional).collect();
    assert_eq!(optional, [false, false, false, false, false, true]);
}

#[test]
fn the_asdm_image_is_set_with_the_boot_lines_or_left_out_with_a_note() {
    let hop = both("8.2(5)", "8.3(2)");
    let rb = hop_runbook(setup(Mode::ActiveStandby, false), &hop, &images());
    assert!(rb.steps[1].what.contains("The ASDM image is left as it is"));
    let with_asdm = HopImages {
        asdm_image: "asdm-647.bin".into(),
        ..images()
    };
    let rb = hop_runbook(setup(Mode::ActiveStandby, false), &hop, &with_asdm);
    assert_eq!(
        rb.steps[1].commands[4..],
        ["asdm image disk0:/asdm-647.bin", "write memory"]
    );
    assert!(!rb.steps[1].what.contains("ASDM"));
}

#[test]
fn checks_expected_warning_and_the_point_of_no_return() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    let reload = &rb.steps[2];
    assert_eq!(
        reload.expect.as_deref(),
        Some(
            "Once the reloaded unit is back, this unit warns `Mate version 8.3(2) is not identical \
             with ours 8.2(5)`: expected while the units run different releases."
        )
    );
    let check = reload.check.as_ref().map(|c| c.commands.clone());
    assert_eq!(
        check,
        Some(vec![
            "show failover".to_string(),
            "failover exec standby show version".to_string()
        ])
    );
    let no_return = rb
        .no_return
        .as_ref()
        .map(|n| (n.before_step, n.undo.commands.clone()));
    assert_eq!(
        no_return,
        Some((
            4,
            vec![
                "configure terminal".to_string(),
                "no boot system disk0:/asa832-k8.bin".to_string(),
                "no boot system disk0:/asa825-k8.bin".to_string(),
                "boot system disk0:/asa825-k8.bin".to_string(),
                "write memory".to_string(),
                "failover reload-standby".to_string(),
            ]
        ))
    );
    assert_eq!(rb.steps[3].commands, ["no failover active"]);
    let pre: Vec<&str> = rb
        .prechecks
        .iter()
        .flat_map(|s| s.commands.iter().map(String::as_str))
        .collect();
    assert_eq!(pre, ["show failover", "dir disk0:"]);
    assert!(rb
        .after
        .shows
        .contains("`Version: Ours 8.3(2), Mate 8.3(2)`"));
}

#[test]
fn multiple_context_mode_types_image_and_failover_commands_in_the_system_space() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, true),
        &both("9.8(4)", "9.12(4)"),
        &images(),
    );
    for step in &rb.steps {
        assert_eq!(step.commands[0], "changeto system", "{step:?}");
    }
    let first = before_first_hop(setup(Mode::ActiveStandby, true), "10.1.1.5");
    assert_eq!(first[0].commands[0], "changeto system");
    let plain = before_first_hop(setup(Mode::ActiveStandby, false), "10.1.1.5");
    assert_eq!(
        plain[0].commands,
        [
            "copy running-config disk0:/pre-upgrade.cfg",
            "copy running-config tftp://10.1.1.5/pre-upgrade.cfg"
        ]
    );
}

#[test]
fn active_active_is_reconstructed_and_each_group_is_restored_on_its_own_unit() {
    let rb = hop_runbook(
        setup(Mode::ActiveActive, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    assert_eq!(rb.mode, Mode::ActiveActive);
    assert!(rb.reconstructed);
    let script = script(&rb);
    let without_changeto: Vec<&str> = script
        .iter()
        .map(String::as_str)
        .filter(|l| !l.ends_with(": changeto system"))
        .collect();
    assert_eq!(
        without_changeto,
        [
            "both: copy tftp://10.1.1.5/asa832-k8.bin disk0:/asa832-k8.bin",
            "both: verify /md5 disk0:/asa832-k8.bin",
            "primary: failover active",
            "primary: configure terminal",
            "primary: no boot system disk0:/asa825-k8.bin",
            "primary: boot system disk0:/asa832-k8.bin",
            "primary: boot system disk0:/asa825-k8.bin",
            "primary: write memory",
            "primary: failover reload-standby",
            "primary: no failover active",
            "secondary: failover reload-standby",
            "primary: failover active group 1",
            "secondary: failover active group 2",
        ]
    );
    // Every block starts in the system execution space (Active/Active is multiple-context).
    assert!(rb.steps.iter().all(|s| s.commands[0] == "changeto system"));
    // The two groups are never in one block: pasted on one unit, both would go active there.
    assert!(rb
        .steps
        .iter()
        .all(|s| !(s.commands.iter().any(|c| c.ends_with("group 1"))
            && s.commands.iter().any(|c| c.ends_with("group 2")))));
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
    };
    let imgs = HopImages {
        old_image: "asa832-k8.bin".into(),
        new_image: "asa847-k8.bin".into(),
        ..images()
    };
    let rb = hop_runbook(setup(Mode::ActiveStandby, false), &hop, &imgs);
    assert!(rb.no_return.is_none());
    assert_eq!(
        script(&rb),
        [
            "active: no failover active",
            "standby: copy tftp://10.1.1.5/asa847-k8.bin disk0:/asa847-k8.bin",
            "standby: verify /md5 disk0:/asa847-k8.bin",
            "active: configure terminal",
            "active: no boot system disk0:/asa832-k8.bin",
            "active: no boot system disk0:/asa847-k8.bin",
            "active: boot system disk0:/asa847-k8.bin",
            "active: boot system disk0:/asa832-k8.bin",
            "active: write memory",
            "active: failover reload-standby",
        ]
    );
    // The other unit ahead of the landing release: its image stays as the fallback line, and
    // the new image must be kept off its flash.
    let ahead = HopSpec {
        reloads: Reloads::One {
            unit: Unit::Secondary,
            stays_on: r("8.4(7)"),
            stays_image: "asa847-k8.bin".into(),
        },
        ..both("8.2(5)", "8.3(2)")
    };
    let rb2 = hop_runbook(setup(Mode::ActiveStandby, false), &ahead, &images());
    assert_eq!(
        rb2.steps[2].commands[3..6],
        [
            "boot system disk0:/asa832-k8.bin",
            "boot system disk0:/asa847-k8.bin",
            "boot system disk0:/asa825-k8.bin"
        ]
    );
    assert!(rb2.steps[1]
        .what
        .contains("must not have asa832-k8.bin on its flash"));
    assert!(rb.steps[0].optional);
    assert!(rb.steps[0]
        .what
        .contains("The secondary unit (on 8.3(2)) must be the standby"));
    assert!(rb.after.shows.starts_with("Both units run 8.4(7)"));
    assert!(rb2.after.shows.contains("the other unit still runs 8.4(7)"));
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
    assert!(all.contains("copy tftp://tftp.example/n e w disk0:/n e w"));
    assert!(all.contains("no boot system disk0:/old`1`.bin"));
    assert!(!all.contains("asa832"));
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

#[test]
fn a_check_after_a_failover_is_typed_where_you_now_are() {
    let rb = hop_runbook(
        setup(Mode::ActiveStandby, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    let roles: Vec<(Role, Option<Role>)> = rb
        .steps
        .iter()
        .map(|s| (s.role, s.check.as_ref().and_then(|c| c.role)))
        .collect();
    assert_eq!(
        roles[3..],
        [
            // `no failover active` on the active unit, which then is the standby.
            (Role::Active, Some(Role::Standby)),
            (Role::Active, None),
            // `failover active` on the standby, which then is the active unit.
            (Role::Standby, Some(Role::Active)),
        ]
    );
    assert_eq!(rb.after.role, Some(Role::Active));
    let aa = hop_runbook(
        setup(Mode::ActiveActive, false),
        &both("8.2(5)", "8.3(2)"),
        &images(),
    );
    assert_eq!(aa.after.role, Some(Role::Primary));
}
