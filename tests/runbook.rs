//! Runbooks (SPEC §6, asa-facts §3.2/§3.3): exact commands in order, checkpoints, and the
//! default image names.

use asa_planner::domain::release::Release;
use asa_planner::domain::runbook::{default_image, hop_runbook, HopImages, Mode, Runbook};

fn images() -> HopImages {
    HopImages {
        server: "10.1.1.5".into(),
        old_image: "asa825-k8.bin".into(),
        new_image: "asa832-k8.bin".into(),
    }
}

/// Every command of the runbook, each prefixed with the unit it is typed on.
fn script(runbook: &Runbook) -> Vec<String> {
    runbook
        .steps
        .iter()
        .flat_map(|s| s.commands.iter().map(move |c| format!("{}: {c}", s.unit)))
        .collect()
}

#[track_caller]
fn image(release: &str, expected: &str) {
    let r: Release = release.parse().unwrap_or_else(|e| panic!("{release}: {e}"));
    assert_eq!(default_image(r), expected, "image of {release}");
}

#[test]
fn active_standby_is_the_guides_sequence() {
    let rb = hop_runbook(Mode::ActiveStandby, &images());
    assert_eq!(rb.mode, Mode::ActiveStandby);
    assert!(!rb.reconstructed);
    assert_eq!(
        script(&rb),
        [
            "both units: copy tftp://10.1.1.5/asa832-k8.bin disk0:/asa832-k8.bin",
            "both units: verify /md5 disk0:/asa832-k8.bin",
            "active unit: configure terminal",
            "active unit: no boot system disk0:/asa825-k8.bin",
            "active unit: boot system disk0:/asa832-k8.bin",
            "active unit: write memory",
            "active unit: failover reload-standby",
            "active unit: no failover active",
            "former active unit: reload",
            "former active unit: failover active",
        ]
    );
}

#[test]
fn active_standby_checkpoints_and_the_optional_last_step() {
    let rb = hop_runbook(Mode::ActiveStandby, &images());
    let checkpoints: Vec<Option<&str>> = rb.steps.iter().map(|s| s.checkpoint.as_deref()).collect();
    assert_eq!(
        checkpoints,
        [
            Some("`dir disk0:` on each unit lists asa832-k8.bin"),
            Some("`show running-config boot system` shows boot system disk0:/asa832-k8.bin"),
            Some("`show failover` shows the other unit in Standby Ready"),
            Some("`show failover` on the upgraded unit shows it Active"),
            Some("`show failover` shows this unit in Standby Ready again"),
            Some("`show failover` shows this unit Active and the other unit Standby Ready"),
        ]
    );
    let optional: Vec<bool> = rb.steps.iter().map(|s| s.optional).collect();
    assert_eq!(optional, [false, false, false, false, false, true]);
    assert!(rb.steps[0].what.contains("`verify /md5` is optional"));
}

#[test]
fn active_active_is_reconstructed_and_runs_on_the_primary() {
    let rb = hop_runbook(Mode::ActiveActive, &images());
    assert_eq!(rb.mode, Mode::ActiveActive);
    assert!(rb.reconstructed);
    assert_eq!(
        script(&rb),
        [
            "both units: copy tftp://10.1.1.5/asa832-k8.bin disk0:/asa832-k8.bin",
            "both units: verify /md5 disk0:/asa832-k8.bin",
            "primary unit: configure terminal",
            "primary unit: no boot system disk0:/asa825-k8.bin",
            "primary unit: boot system disk0:/asa832-k8.bin",
            "primary unit: write memory",
            "primary unit: failover active",
            "primary unit: failover reload-standby",
            "primary unit: no failover active",
            "primary unit: reload",
            "unit that should own each group: failover active group 1",
            "unit that should own each group: failover active group 2",
        ]
    );
    let last = rb
        .steps
        .last()
        .map(|s| (s.optional, s.what.contains("preempt")));
    assert_eq!(last, Some((true, true)));
    assert!(rb.steps[0].what.contains("system execution space"));
}

#[test]
fn image_names_and_server_are_parameters() {
    let odd = HopImages {
        server: "tftp.example".into(),
        old_image: "old`1`.bin".into(),
        new_image: "n e w".into(),
    };
    let rb = hop_runbook(Mode::ActiveStandby, &odd);
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
