//! The per-hop runbook (SPEC §6) as data: pre-checks, numbered steps typed on one unit each with
//! their exact commands and checks, the point of no return with its undo, and the checks after
//! the hop. Wording for a medium (page, Markdown) is the presentation layer's job; the sentences
//! here are the procedure itself.
//!
//! Active/Standby follows the 8.x guide's steps 1–3 and their continuation (Cisco tech note
//! 111867); the second reload is `failover reload-standby` typed on the new active unit, as
//! Cisco's later walk-throughs do, so no block holds a bare `reload` that could be pasted on the
//! active unit. Active/Active is a reconstruction of the guide's structure and says so
//! ([`Runbook::reconstructed`]). Every [`Step`] is typed on one unit ([`Role`]), so its
//! command block can be copied whole and pasted in one place.

use super::plan::Hop;
use super::platform::{self, Platform};
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

/// One unit of the pair as the person entered it: the primary unit's release is the first
/// field, the secondary's the second (a mismatched pair).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Primary,
    Secondary,
}

impl Unit {
    /// "primary unit" | "secondary unit".
    pub fn label(self) -> &'static str {
        match self {
            Unit::Primary => "primary unit",
            Unit::Secondary => "secondary unit",
        }
    }
}

/// The unit a command block is typed on (the `data-unit` hook value).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Active,
    Standby,
    Primary,
    Secondary,
    Both,
}

impl Role {
    /// `active` | `standby` | `primary` | `secondary` | `both`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Active => "active",
            Role::Standby => "standby",
            Role::Primary => "primary",
            Role::Secondary => "secondary",
            Role::Both => "both",
        }
    }

    /// Where to type it, for a person: "the active unit", "each unit", …
    pub fn label(self) -> &'static str {
        match self {
            Role::Active => "the active unit",
            Role::Standby => "the standby unit",
            Role::Primary => "the primary unit",
            Role::Secondary => "the secondary unit",
            Role::Both => "each unit",
        }
    }
}

/// How the runbook is written for this pair.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Setup {
    pub mode: Mode,
    /// Multiple-context mode: image, boot and failover commands go in the system execution
    /// space. Always true for Active/Active (it exists only in multiple-context mode).
    pub multi_context: bool,
}

impl Setup {
    fn system_space(self) -> bool {
        self.multi_context || self.mode == Mode::ActiveActive
    }
}

/// The file names a hop's commands use; the person fills them in, defaults are derived.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct HopImages {
    /// TFTP server (host or address) the image is copied from.
    pub server: String,
    /// Image the reloaded unit boots now (removed from `boot system`, kept as the fallback).
    pub old_image: String,
    /// Image of the release the hop lands on.
    pub new_image: String,
    /// ASDM image to set with the new image; empty leaves `asdm image` out (with a note).
    pub asdm_image: String,
}

/// Which units a hop reloads.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Reloads {
    /// Both units, one after the other, with a failover between (the ordinary hop).
    Both,
    /// One unit only (a mismatched pair): `unit` moves to the hop's release while the other
    /// unit stays on `stays_on`, which boots `stays_image`.
    One {
        unit: Unit,
        stays_on: Release,
        stays_image: String,
    },
}

/// One hop as the runbook needs it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HopSpec {
    pub from: Release,
    pub to: Release,
    pub reloads: Reloads,
}

/// One numbered step, typed on one unit.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Step {
    pub role: Role,
    /// What the step does, in a sentence (`backtick` spans are commands).
    pub what: String,
    /// Exact CLI lines, in order.
    pub commands: Vec<String>,
    /// What the unit prints that is expected, not an error (e.g. the mate-version warning).
    pub expect: Option<String>,
    /// What must be true before going on, with the commands that show it (typed on `role`).
    pub check: Option<Check>,
    pub optional: bool,
}

/// A check after a step: commands and what they must show.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Check {
    /// Where the check's commands are typed when not on the step's own unit (after a failover
    /// the unit you are on has changed role).
    pub role: Option<Role>,
    pub commands: Vec<String>,
    /// What the output must show (`backtick` spans are commands or output).
    pub shows: String,
}

/// The point of no return: before step `before_step` (1-based) the hop is undone by `undo`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct NoReturn {
    pub before_step: usize,
    pub undo: Step,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Runbook {
    pub mode: Mode,
    /// Active/Active steps are reconstructed, not verbatim from the guide.
    pub reconstructed: bool,
    /// Checks before the hop starts.
    pub prechecks: Vec<Step>,
    pub steps: Vec<Step>,
    /// `None` for a one-unit hop (no failover: nothing to undo but the reload itself).
    pub no_return: Option<NoReturn>,
    /// What is true when the hop is done, and how to see it.
    pub after: Check,
}

/// Before the first hop: save the configuration and record both units' state.
pub fn before_first_hop(setup: Setup, server: &str) -> Vec<Step> {
    let mut backup = vec![
        "copy running-config disk0:/pre-upgrade.cfg".to_string(),
        format!("copy running-config tftp://{server}/pre-upgrade.cfg"),
    ];
    system_space(setup, &mut backup);
    let mut record = vec!["show version".to_string(), "show failover".to_string()];
    system_space(setup, &mut record);
    let what = if setup.system_space() {
        "Back up the configuration, on the unit's flash and off the box. In multiple-context \
         mode this is the system configuration: copy each context's configuration too (the file \
         its `config-url` names)."
    } else {
        "Back up the configuration, on the unit's flash and off the box."
    };
    vec![
        Step {
            role: Role::Active,
            what: what.to_string(),
            commands: backup,
            expect: None,
            check: None,
            optional: false,
        },
        Step {
            role: Role::Both,
            what: "Record each unit's release and failover state for the change ticket."
                .to_string(),
            commands: record,
            expect: None,
            check: None,
            optional: false,
        },
    ]
}

/// The runbook of one hop.
///
/// Active/Standby, both units: copy (and verify) on each unit; boot lines on the active unit
/// (new image first, old as fallback, ASDM image); `failover reload-standby`; point of no
/// return; `no failover active`; `failover reload-standby` on the new active unit; optionally
/// `failover active` on the former active to restore the roles. One unit only: that unit made
/// the standby, the image copied to it alone, its boot line first, `failover reload-standby`.
/// Active/Active (reconstructed): both groups made active on the primary first (the system
/// configuration replicates from the unit where group 1 is active), then the same scheme, and
/// each group restored on its own unit, one block per unit.
pub fn hop_runbook(setup: Setup, hop: &HopSpec, images: &HopImages) -> Runbook {
    let writer = Writer { setup, hop, images };
    let (prechecks, steps, no_return) = match (&hop.reloads, setup.mode) {
        (Reloads::One { unit, stays_on, .. }, _) => {
            (writer.prechecks(), writer.one_unit(*unit, *stays_on), None)
        }
        (Reloads::Both, Mode::ActiveStandby) => {
            let (steps, no_return) = writer.active_standby();
            (writer.prechecks(), steps, Some(no_return))
        }
        (Reloads::Both, Mode::ActiveActive) => {
            let (steps, no_return) = writer.active_active();
            (writer.prechecks(), steps, Some(no_return))
        }
    };
    let to = hop.to;
    let lead = match setup.mode {
        Mode::ActiveStandby => Role::Active,
        Mode::ActiveActive => Role::Primary,
    };
    let after = match &hop.reloads {
        Reloads::Both => Check {
            role: Some(lead),
            commands: vec!["show failover".to_string()],
            shows: format!(
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`, one \
                 unit Active and the other Standby Ready."
            ),
        },
        Reloads::One { stays_on, .. } if *stays_on == to => Check {
            role: Some(lead),
            commands: vec!["show failover".to_string()],
            shows: format!(
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`, one \
                 unit Active and the other Standby Ready."
            ),
        },
        Reloads::One { unit, stays_on, .. } => Check {
            role: Some(lead),
            commands: vec!["show failover".to_string()],
            shows: format!(
                "The {} runs {to} and the other unit still runs {stays_on}: `show failover` \
                 shows both versions, one unit Active and the other Standby Ready.",
                unit.label()
            ),
        },
    };
    Runbook {
        mode: setup.mode,
        reconstructed: setup.mode == Mode::ActiveActive,
        prechecks,
        steps,
        no_return,
        after,
    }
}

/// Puts `changeto system` first when the commands belong in the system execution space.
fn system_space(setup: Setup, commands: &mut Vec<String>) {
    if setup.system_space() {
        commands.insert(0, "changeto system".to_string());
    }
}

struct Writer<'a> {
    setup: Setup,
    hop: &'a HopSpec,
    images: &'a HopImages,
}

impl Writer<'_> {
    fn step(&self, role: Role, what: impl Into<String>, commands: &[&str]) -> Step {
        let mut commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
        system_space(self.setup, &mut commands);
        Step {
            role,
            what: what.into(),
            commands,
            expect: None,
            check: None,
            optional: false,
        }
    }

    /// `show failover` typed on `role`: the step just changed which unit is active.
    fn check_on(&self, role: Role, shows: String) -> Option<Check> {
        Some(Check {
            role: Some(role),
            ..self.check(&["show failover"], shows)?
        })
    }

    fn check(&self, commands: &[&str], shows: String) -> Option<Check> {
        Some(Check {
            role: None,
            commands: commands.iter().map(|c| c.to_string()).collect(),
            shows,
        })
    }

    fn prechecks(&self) -> Vec<Step> {
        let from = self.hop.from;
        let lead = match self.setup.mode {
            Mode::ActiveStandby => Role::Active,
            Mode::ActiveActive => Role::Primary,
        };
        let mut health = self.step(
            lead,
            "Check that failover is healthy before you start.",
            &["show failover"],
        );
        health.check = self.check(
            &[],
            match self.setup.mode {
                Mode::ActiveStandby => format!(
                    "This host Active, the other host Standby Ready; the unit to upgrade runs \
                     {from}."
                ),
                Mode::ActiveActive => format!(
                    "Each failover group Active on one unit and Standby Ready on the other; the \
                     unit to upgrade runs {from}."
                ),
            },
        );
        let mut space = self.step(
            Role::Both,
            "Check the free space on each unit's flash.",
            &["dir disk0:"],
        );
        space.check = self.check(
            &[],
            "The free bytes exceed the new image's size (delete an image no boot line names if \
             not)."
                .to_string(),
        );
        vec![health, space]
    }

    fn copy(&self, role: Role, what: &str) -> Step {
        let HopImages {
            server, new_image, ..
        } = self.images;
        let mut step = self.step(
            role,
            what,
            &[
                &format!("copy tftp://{server}/{new_image} disk0:/{new_image}"),
                &format!("verify /md5 disk0:/{new_image}"),
            ],
        );
        step.check = self.check(
            &[],
            "The MD5 checksum printed equals the one on Cisco's download page for this image."
                .to_string(),
        );
        step
    }

    /// `configure terminal` … `write memory`: the lines of `remove` out, then the new image
    /// first and each of `fallbacks` after it (used in order if an image cannot load), and the
    /// ASDM image when one is given.
    fn boot_lines(&self, role: Role, remove: &[&str], fallbacks: &[&str]) -> Step {
        let HopImages {
            new_image,
            asdm_image,
            ..
        } = self.images;
        let mut fallbacks: Vec<&str> = fallbacks.to_vec();
        fallbacks.retain(|f| *f != new_image.as_str());
        fallbacks.dedup();
        let mut remove: Vec<&str> = remove.to_vec();
        remove.dedup();
        let mut commands = vec!["configure terminal".to_string()];
        for image in remove {
            commands.push(format!("no boot system disk0:/{image}"));
        }
        for image in std::iter::once(new_image.as_str()).chain(fallbacks.iter().copied()) {
            commands.push(format!("boot system disk0:/{image}"));
        }
        let asdm = if asdm_image.trim().is_empty() {
            " The ASDM image is left as it is: enter its file name to set it with this hop."
        } else {
            commands.push(format!("asdm image disk0:/{asdm_image}"));
            ""
        };
        commands.push("write memory".to_string());
        let commands: Vec<&str> = commands.iter().map(String::as_str).collect();
        let listed: Vec<String> = fallbacks
            .iter()
            .map(|f| format!("`boot system disk0:/{f}`"))
            .collect();
        let (keep, then) = if listed.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!(
                    ", keep {} as fallback (used in order if the new image cannot load)",
                    fallbacks.join(" then ")
                ),
                format!(", then {}", listed.join(", then ")),
            )
        };
        let mut step = self.step(
            role,
            format!(
                "Boot the new image from now on{keep}, and save; failover replicates the boot \
                 lines to the other unit.{asdm}"
            ),
            &commands,
        );
        step.check = self.check(
            &["show running-config boot system"],
            format!("`boot system disk0:/{new_image}` is listed first{then}."),
        );
        step
    }

    /// The standby reloads onto the new image; its version is read from where the person is.
    /// The first reload of a hop meets a mate on the old release (the mismatch warning is
    /// expected, and a unit that booted the old image means undoing the hop); the second meets
    /// a mate already on the new one.
    fn reload_standby(&self, role: Role, what: &str, mate: &str, first: bool) -> Step {
        let (from, to) = (self.hop.from, self.hop.to);
        let mut step = self.step(role, what, &["failover reload-standby"]);
        let if_old = if first {
            format!(
                "If it still reads {from}, it booted the old image: stop here and undo (below)."
            )
        } else {
            format!(
                "If it still reads {from}, it booted the old image: check `show running-config \
                 boot system` and `dir disk0:` there, correct the boot lines on the active unit, \
                 `write memory`, and reload it again."
            )
        };
        if first {
            step.expect = Some(format!(
                "Once the reloaded unit is back, this unit warns `Mate version {to} is not \
                 identical with ours {from}`: expected while the units run different releases."
            ));
        }
        step.check = self.check(
            &[
                "show failover",
                &format!("failover exec {mate} show version"),
            ],
            format!(
                "The reloaded unit is Standby Ready and its `show version` reads {to}. {if_old}"
            ),
        );
        step
    }

    fn undo(&self, role: Role) -> Step {
        let HopImages {
            old_image,
            new_image,
            ..
        } = self.images;
        let mut undo = self.step(
            role,
            "Until this point the hop is undone with zero downtime: put the boot lines back, \
             save, and reload the standby onto the old image.",
            &[
                "configure terminal",
                &format!("no boot system disk0:/{new_image}"),
                &format!("no boot system disk0:/{old_image}"),
                &format!("boot system disk0:/{old_image}"),
                "write memory",
                "failover reload-standby",
            ],
        );
        undo.check = self.check(
            &["show failover"],
            format!(
                "Both units run {} again, Active and Standby Ready.",
                self.hop.from
            ),
        );
        undo
    }

    fn active_standby(&self) -> (Vec<Step>, NoReturn) {
        let HopImages { old_image, .. } = self.images;
        let to = self.hop.to;
        let mut failover = self.step(
            Role::Active,
            "Fail over: the upgraded unit becomes active. After this, going back is a \
             downgrade, with no zero-downtime path.",
            &["no failover active"],
        );
        // Typed where you are: the unit that was active is the standby now.
        failover.check = self.check_on(
            Role::Standby,
            "This unit is now Standby; the upgraded unit is Active.".to_string(),
        );
        let second = self.reload_standby(
            Role::Active,
            "On the new active unit (the one you upgraded), reload the former active unit so \
             that it boots the new image. The same command as before, typed where you now \
             are; or type `reload` on the former active unit's own console, never on the \
             active one.",
            "standby",
            false,
        );
        let mut restore = self.step(
            Role::Standby,
            "Make the former active unit active again to restore the roles.",
            &["failover active"],
        );
        restore.optional = true;
        restore.check = self.check_on(
            Role::Active,
            format!("This unit is Active on {to}, the other Standby Ready."),
        );
        let steps = vec![
            self.copy(Role::Both, "Copy the new image to the flash of each unit."),
            self.boot_lines(Role::Active, &[old_image], &[old_image]),
            self.reload_standby(
                Role::Active,
                "Reload the standby unit so that it boots the new image.",
                "standby",
                true,
            ),
            failover,
            second,
            restore,
        ];
        let no_return = NoReturn {
            before_step: 4,
            undo: self.undo(Role::Active),
        };
        (steps, no_return)
    }

    fn active_active(&self) -> (Vec<Step>, NoReturn) {
        let HopImages { old_image, .. } = self.images;
        let mut take = self.step(
            Role::Primary,
            "Make both failover groups active on the primary unit: the system configuration \
             replicates from the unit where group 1 is active.",
            &["failover active"],
        );
        take.check = self.check(
            &["show failover"],
            "Both groups are Active on the primary unit.".to_string(),
        );
        let mut failover = self.step(
            Role::Primary,
            "Fail over: both groups move to the upgraded secondary unit. After this, going \
             back is a downgrade, with no zero-downtime path.",
            &["no failover active"],
        );
        failover.check = self.check(
            &["show failover"],
            "Both groups are Active on the secondary unit.".to_string(),
        );
        let second = self.reload_standby(
            Role::Secondary,
            "On the secondary unit (now active for both groups), reload the primary unit so \
             that it boots the new image; or type `reload` on the primary unit's own console.",
            "mate",
            false,
        );
        let mut group1 = self.step(
            Role::Primary,
            "Where group 1 has no `preempt`, make it active again on the unit that should own \
             it (usually the primary).",
            &["failover active group 1"],
        );
        group1.optional = true;
        let mut group2 = self.step(
            Role::Secondary,
            "Where group 2 has no `preempt`, make it active again on the unit that should own \
             it (usually the secondary).",
            &["failover active group 2"],
        );
        group2.optional = true;
        group2.check = self.check(
            &["show failover"],
            "Each group is Active on its preferred unit.".to_string(),
        );
        let steps = vec![
            self.copy(
                Role::Both,
                "Copy the new image to the flash of each unit (system execution space).",
            ),
            take,
            self.boot_lines(Role::Primary, &[old_image], &[old_image]),
            self.reload_standby(
                Role::Primary,
                "Reload the secondary unit so that it boots the new image.",
                "mate",
                true,
            ),
            failover,
            second,
            group1,
            group2,
        ];
        let no_return = NoReturn {
            before_step: 5,
            undo: self.undo(Role::Primary),
        };
        (steps, no_return)
    }

    /// A hop that reloads `unit` only: the other unit already runs `stays_on` (≥ the hop's
    /// release) and keeps it.
    fn one_unit(&self, unit: Unit, stays_on: Release) -> Vec<Step> {
        let HopImages {
            old_image,
            new_image,
            ..
        } = self.images;
        let stays_image = match &self.hop.reloads {
            Reloads::One { stays_image, .. } => stays_image.as_str(),
            Reloads::Both => old_image,
        };
        let name = unit.label();
        let (to, from) = (self.hop.to, self.hop.from);
        let mut standby = self.step(
            Role::Active,
            format!(
                "The {name} (on {from}) must be the standby, holding no active group. Only if \
                 `show failover` on it shows it Active: type this on the {name}, and the other \
                 unit, on {stays_on}, takes over."
            ),
            &["no failover active"],
        );
        standby.optional = true;
        standby.check = self.check_on(
            Role::Standby,
            format!("The {name} is Standby Ready; the unit on {stays_on} is Active."),
        );
        // The boot lines replicate to both units: the other unit, on a later release, must not
        // have this image on its flash, or it would boot it (a downgrade) at its next reload.
        let what = if stays_on == to {
            format!(
                "Copy the new image to the {name} (the standby); the other unit already runs {to}."
            )
        } else {
            format!(
                "Copy the new image to the {name} only (the standby). The other unit, on \
                 {stays_on}, must not have {new_image} on its flash (it would boot it at its \
                 next reload): delete it there if an earlier upgrade left it."
            )
        };
        let copy = self.copy(Role::Standby, &what);
        // The other unit reads the same lines: it finds its own image second; this unit keeps
        // its old image as the last resort.
        let boot = self.boot_lines(
            Role::Active,
            &[old_image, stays_image],
            &[stays_image, old_image],
        );
        let reload = self.reload_standby(
            Role::Active,
            &format!("Reload the {name} so that it boots {to}. The other unit keeps running."),
            "standby",
            true,
        );
        vec![standby, copy, boot, reload]
    }
}

/// What the commands name as the TFTP server until the person types one.
pub const SERVER_PLACEHOLDER: &str = "<tftp-server>";

/// The key an ASDM image name is kept under among the typed image names (a key no release
/// spelling can take), so that both are saved the same way.
pub fn asdm_key(release: Release) -> String {
    format!("{ASDM_KEY_PREFIX}{release}")
}

/// What [`asdm_key`] puts before the release.
pub const ASDM_KEY_PREFIX: &str = "asdm ";

/// The person's "minutes per reload" as a number, when what they typed is a whole number of
/// minutes above zero (anything else gives no estimate; the page says why).
pub fn minutes_per_reload(typed: &str) -> Option<u32> {
    typed.trim().parse().ok().filter(|m| *m > 0)
}

/// Each hop's file names: the server and the names the person typed (`typed`, keyed by
/// canonical release, ASDM images under [`asdm_key`]), else [`SERVER_PLACEHOLDER`] and
/// the default image of `platform`'s family ([`default_image`] with no model). The page and its
/// later-loaded runbook both derive them here.
pub fn hop_images(
    hops: &[Hop],
    server: &str,
    typed: &[(String, String)],
    platform: Option<Platform>,
) -> Vec<HopImages> {
    let find = |key: &str| {
        typed
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let image = |r: Release| {
        find(&r.to_string()).map_or_else(|| platform::default_image(platform, r), str::to_owned)
    };
    let server = match server.trim() {
        "" => SERVER_PLACEHOLDER,
        s => s,
    };
    hops.iter()
        .map(|h| HopImages {
            server: server.to_owned(),
            old_image: image(h.from),
            new_image: image(h.to),
            asdm_image: find(&asdm_key(h.to)).unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The image file name of `release` in a plan whose hops use `images` (parallel to `hops`):
/// the name given for a hop landing on or starting from it, else the default image of
/// `platform`'s family.
pub fn image_of(
    hops: &[Hop],
    images: &[HopImages],
    release: Release,
    platform: Option<Platform>,
) -> String {
    hops.iter()
        .zip(images)
        .find_map(|(hop, i)| {
            if hop.to == release {
                Some(i.new_image.clone())
            } else if hop.from == release {
                Some(i.old_image.clone())
            } else {
                None
            }
        })
        .unwrap_or_else(|| platform::default_image(platform, release))
}

/// A plausible default image file name for a release when no model is chosen (the person edits
/// it), e.g. `asa847-30-k8.bin` for 8.4(7)30, `asa9101-smp-k8.bin` for 9.10(1),
/// `asa9-12-4-72-smp-k8.bin` for 9.12(4)72.
///
/// Cisco's naming: numbers run together up to 9.10 while the maintenance number is a single
/// digit, dashed otherwise; the interim build follows a dash. Releases from 9.2 on get the
/// `-smp` suffix of the 5500-X images; earlier ones the plain `-k8.bin` of the ASA 5500 series.
/// A chosen model names its own family ([`platform::default_image`]): the page says to check
/// every name against Cisco's download page.
pub fn default_image(release: Release) -> String {
    platform::default_image(None, release)
}
