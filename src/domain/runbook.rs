//! The per-hop runbook (SPEC §6) as data: ordered steps with exact commands and checkpoints.
//! Rendering as text is the UI's (and `export`'s) job.
//!
//! Active/Standby follows the 8.x guide's steps 1–3 and their continuation (asa-facts §3.2).
//! The guide's step 1 is two records here, because its commands are typed in two places (the
//! copy on each unit, the boot configuration once on the active unit, which replicates it): every
//! [`Step`] is typed on one unit (or the same on each), so its command block can be copied whole.
//! Active/Active is the reconstruction of asa-facts §3.3 and says so ([`Runbook::reconstructed`]).

use super::release::Release;

/// The failover mode of the pair.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Mode {
    #[default]
    ActiveStandby,
    ActiveActive,
}

impl Mode {
    /// URL value: `active-standby` | `active-active`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::ActiveStandby => "active-standby",
            Mode::ActiveActive => "active-active",
        }
    }

    /// Reads a URL value (ASCII case and surrounding blanks ignored); `None` if it is neither.
    pub fn from_value(value: &str) -> Option<Mode> {
        let value = value.trim();
        [Mode::ActiveStandby, Mode::ActiveActive]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(value))
    }

    /// How a person names it: "Active/Standby" | "Active/Active".
    pub fn label(self) -> &'static str {
        match self {
            Mode::ActiveStandby => "Active/Standby",
            Mode::ActiveActive => "Active/Active",
        }
    }
}

/// The file names a hop's commands use; the person fills them in, defaults are derived.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HopImages {
    /// TFTP server (host or address) the image is copied from.
    pub server: String,
    /// Image the pair boots now (removed from `boot system`).
    pub old_image: String,
    /// Image of the release the hop lands on.
    pub new_image: String,
}

/// One numbered step.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Step {
    /// Where the commands are typed, e.g. "both units", "active unit", "former active unit".
    pub unit: &'static str,
    /// What the step does, in a sentence.
    pub what: String,
    /// Exact CLI lines, in order (empty for a pure checkpoint).
    pub commands: Vec<String>,
    /// What must be true before going on, e.g. "`show failover` shows the other unit in Standby Ready".
    pub checkpoint: Option<String>,
    pub optional: bool,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Runbook {
    pub mode: Mode,
    /// Active/Active steps are reconstructed (asa-facts §3.3), not verbatim from the guide.
    pub reconstructed: bool,
    pub steps: Vec<Step>,
}

/// The steps of one hop in `mode`.
///
/// Active/Standby (6 records, the guide's 5 steps): copy (and optionally verify) on both units;
/// boot configuration on the active unit; `failover reload-standby`; when the standby is
/// Standby Ready, `no failover active`; `reload` on the former active; optionally
/// `failover active` on it to restore the roles.
///
/// Active/Active (7 records, reconstructed): the same preparation, then on the primary unit
/// `failover active`, `failover reload-standby`, `no failover active`, `reload`, and optionally
/// `failover active group 1` / `group 2` for groups without `preempt`.
///
/// Image names and the server are inserted as given; the person fills them in.
pub fn hop_runbook(mode: Mode, images: &HopImages) -> Runbook {
    let mut steps = preparation(mode, images);
    match mode {
        Mode::ActiveStandby => steps.extend(active_standby()),
        Mode::ActiveActive => steps.extend(active_active()),
    }
    Runbook {
        mode,
        reconstructed: mode == Mode::ActiveActive,
        steps,
    }
}

/// The guide's step 1: the image on both units' flash, the boot configuration saved.
fn preparation(mode: Mode, images: &HopImages) -> Vec<Step> {
    let HopImages {
        server,
        old_image,
        new_image,
    } = images;
    let (copy_where, config_unit) = match mode {
        Mode::ActiveStandby => ("", "active unit"),
        Mode::ActiveActive => (" (in the system execution space)", "primary unit"),
    };
    vec![
        Step {
            unit: "both units",
            what: format!(
                "Copy the new image to the flash of each unit{copy_where}; `verify /md5` is \
                 optional and prints the checksum to compare with the one Cisco publishes."
            ),
            commands: vec![
                format!("copy tftp://{server}/{new_image} disk0:/{new_image}"),
                format!("verify /md5 disk0:/{new_image}"),
            ],
            checkpoint: Some(format!("`dir disk0:` on each unit lists {new_image}")),
            optional: false,
        },
        Step {
            unit: config_unit,
            what: "Boot the new image from now on and save the configuration; failover \
                   replicates it to the other unit."
                .to_string(),
            commands: vec![
                "configure terminal".to_string(),
                format!("no boot system disk0:/{old_image}"),
                format!("boot system disk0:/{new_image}"),
                "write memory".to_string(),
            ],
            checkpoint: Some(format!(
                "`show running-config boot system` shows boot system disk0:/{new_image}"
            )),
            optional: false,
        },
    ]
}

fn step(unit: &'static str, what: &str, command: &str, checkpoint: Option<&str>) -> Step {
    Step {
        unit,
        what: what.to_string(),
        commands: vec![command.to_string()],
        checkpoint: checkpoint.map(str::to_string),
        optional: false,
    }
}

/// asa-facts §3.2 steps 2–5.
fn active_standby() -> Vec<Step> {
    let mut restore = step(
        "former active unit",
        "Optionally make this unit active again to restore the original roles.",
        "failover active",
        Some("`show failover` shows this unit Active and the other unit Standby Ready"),
    );
    restore.optional = true;
    vec![
        step(
            "active unit",
            "Reload the standby unit so that it boots the new image.",
            "failover reload-standby",
            Some("`show failover` shows the other unit in Standby Ready"),
        ),
        step(
            "active unit",
            "Fail over: the upgraded unit becomes active.",
            "no failover active",
            Some("`show failover` on the upgraded unit shows it Active"),
        ),
        step(
            "former active unit",
            "Reload the former active unit (now standby) so that it boots the new image.",
            "reload",
            Some("`show failover` shows this unit in Standby Ready again"),
        ),
        restore,
    ]
}

/// asa-facts §3.3 steps 2–6 (reconstructed; all in the primary's system execution space).
fn active_active() -> Vec<Step> {
    vec![
        step(
            "primary unit",
            "Make both failover groups active on the primary unit.",
            "failover active",
            Some("`show failover` shows both groups Active on the primary unit"),
        ),
        step(
            "primary unit",
            "Reload the secondary unit so that it boots the new image.",
            "failover reload-standby",
            Some("`show failover` shows both groups in Standby Ready on the secondary unit"),
        ),
        step(
            "primary unit",
            "Fail over: both groups move to the upgraded secondary unit.",
            "no failover active",
            Some("`show failover` shows both groups Active on the secondary unit"),
        ),
        step(
            "primary unit",
            "Reload the primary unit so that it boots the new image.",
            "reload",
            Some("`show failover` shows both groups in Standby Ready on the primary unit"),
        ),
        Step {
            unit: "unit that should own each group",
            what: "Groups with `preempt` return to their preferred unit after the preempt \
                   delay; make each other group active on the unit that should own it."
                .to_string(),
            commands: vec![
                "failover active group 1".to_string(),
                "failover active group 2".to_string(),
            ],
            checkpoint: Some(
                "`show failover` shows each group Active on its preferred unit".to_string(),
            ),
            optional: true,
        },
    ]
}

/// A plausible default image file name for a release (the person edits it), e.g.
/// `asa847-30-k8.bin` for 8.4(7)30, `asa9-12-4-72-smp-k8.bin` for 9.12(4)72.
///
/// The styles of asa-facts §2: numbers run together (`asa924-6-smp-k8.bin`) while the minor and
/// the maintenance number are single digits, dashed (`asa9-12-4-37-smp-k8.bin`) otherwise; the
/// interim build follows a dash. Releases from 9.2 on get the `-smp` suffix of the 5500-X /
/// Firepower images; earlier ones the plain `-k8.bin` of the ASA 5500 series.
pub fn default_image(release: Release) -> String {
    let Release {
        major,
        minor,
        maintenance,
        interim,
    } = release;
    let mut name = if major < 10 && minor < 10 && maintenance < 10 {
        format!("asa{major}{minor}{maintenance}")
    } else {
        format!("asa{major}-{minor}-{maintenance}")
    };
    if let Some(i) = interim {
        name.push_str(&format!("-{i}"));
    }
    if (major, minor) >= (9, 2) {
        name.push_str("-smp");
    }
    name.push_str("-k8.bin");
    name
}
