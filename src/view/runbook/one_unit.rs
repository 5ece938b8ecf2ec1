//! A hop that reloads one unit of a mismatched pair: the other already runs a release at or
//! past the hop's and keeps it.

use super::writer::{into_block, mate_warning, Writer};
use crate::domain::release::Release;
use crate::domain::runbook::{
    verify_command, Block, Check, HopImages, Mode, Phase, Role, Step, Unit,
};

/// The freeze of a one-unit hop after which the units still run different releases.
const FREEZE_WHILE_MIXED: &str = "Freeze from here while the units run different releases: no \
    configuration changes and no `write memory` of your own (the boot lines of this plan's next \
    hops are the only exception) until the hop that brings both onto the same release saves the \
    configuration (the unit on the older release may reject commands of the newer one).";

impl Writer<'_> {
    /// The step that does `phase` of a hop that reloads `unit` only: the other unit already
    /// runs `stays_on` (≥ the hop's release) and keeps it. 1 that unit made the standby, 2 its
    /// images staged, 3 its reload; 4 `write memory` (and, Active/Active, 5–6 the groups
    /// restored) only when the other unit already runs the hop's release, as
    /// `domain::runbook::outline` orders them. `None` for a phase this procedure does not
    /// have.
    pub(super) fn one_unit(&self, phase: Phase, unit: Unit, stays_on: Release) -> Option<Step> {
        let HopImages { new_image, .. } = self.images;
        let name = unit.label();
        let (to, from) = (self.hop.to, self.hop.from);
        // Active/Active names the units: the one that stays holds both groups.
        let unit_role = |u: Unit| match u {
            Unit::Primary => Role::Primary,
            Unit::Secondary => Role::Secondary,
        };
        let other = match unit {
            Unit::Primary => Unit::Secondary,
            Unit::Secondary => Unit::Primary,
        };
        let (lead, first) = match self.setup.mode {
            Mode::ActiveStandby => (Role::Active, Role::Standby),
            Mode::ActiveActive => (unit_role(other), unit_role(unit)),
        };
        Some(match phase {
            Phase::MakeStandby => match self.setup.mode {
                Mode::ActiveStandby => Step {
                    role: Role::Active,
                    aside: Some(format!("only if the {name} is active, typed on it")),
                    what: format!(
                    "The {name} (on {from}) must be the standby. Only if `show failover` shows \
                     it Active: type this on the {name}, and the other unit, on {stays_on}, \
                     takes over."
                ),
                    commands: self.sys(&["no failover active"]),
                    optional: true,
                    check: Some(Check {
                        role: Some(Role::Active),
                        commands: self.sys(&["show failover"]),
                        shows: format!(
                            "On the unit on {stays_on}, now active: it is Active, the {name} \
                         Standby Ready."
                        ),
                    }),
                    notes: vec![
                        self.session_note("the active address", &format!("the unit on {stays_on}"))
                    ],
                    ..Step::default()
                },
                Mode::ActiveActive => Step {
                    role: lead,
                    aside: Some(format!("on {stays_on}")),
                    what: format!(
                    "The {name} (on {from}) must hold no active group: make both groups active \
                     on the {} (where a group moves, expect a brief interruption).",
                    other.label()
                ),
                    commands: self.sys(&["failover active"]),
                    check: Some(Check {
                        role: None,
                        commands: self.sys(&["show failover"]),
                        shows: format!(
                            "Both groups Active on the {}, Standby Ready on the {name}.",
                            other.label()
                        ),
                    }),
                    notes: vec![
                        "Management sessions (SSH, ASDM) to the addresses of a context whose \
                             group moves drop here: open them again to the same addresses."
                            .to_string(),
                    ],
                    ..Step::default()
                },
            },
            Phase::Stage => {
                let files = self.images_to_stage().join(" and ");
                let converges = stays_on == to;
                let what = if converges {
                    // The boot lines and `asdm image` replicate to the unit that stays: the files they
                    // name must be on its flash too, or its next reload (and ASDM) would miss them.
                    format!(
                        "Stage {files} on the {name} (the standby), which boots it, and check each \
                         hash. The other unit already runs {to}: the replicated boot lines and \
                         `asdm image` name the same files there, so `dir` checks that it holds \
                         them, and a file is copied to it only if missing: never copy over the \
                         image a unit runs (a failed or cut copy would leave it nothing to boot)."
                    )
                } else {
                    format!(
                        "Stage {files} on the {name} only (the standby) and check each hash. The \
                         other unit, on {stays_on}, must not have {new_image} on its flash (it would \
                         boot it at its next reload): delete it there if an earlier upgrade left it."
                    )
                };
                let mine = self.stage_commands("");
                let mut stage = if converges {
                    // The unit that stays runs `to`: it is only asked whether it holds the
                    // files, and copies one only if it lacks it.
                    let files = self.images_to_stage();
                    let dirs = files.iter().map(|f| format!("dir disk0:/{f}")).collect();
                    let theirs_what = format!(
                        "On the {name}, which boots them: copy each file and check its hash"
                    );
                    let (commands, mut blocks) = self.on_both(
                        first,
                        &format!("the {name}, its own session"),
                        dirs,
                        (mine, &theirs_what),
                    );
                    let server = &self.images.server;
                    blocks.extend(files.iter().map(|f| {
                        Block {
                        role: lead,
                        aside: Some(format!("on {stays_on}, only if {f} is missing there")),
                        what: format!(
                            "Only if the `dir` above found no {f} on this unit: copy it and \
                             check its hash. Skip this block when the file is there."
                        ),
                        commands: self.sys_owned(vec![
                            format!("copy /noconfirm tftp://{server}/{f} disk0:/{f}"),
                            verify_command(stays_on, f),
                        ]),
                        shows: Some(
                            "Its hash equals the one Cisco publishes for it on its download page."
                                .to_string(),
                        ),
                    }
                    }));
                    Step {
                        role: lead,
                        aside: Some(format!("on {stays_on}")),
                        what,
                        commands,
                        blocks,
                        ..Step::default()
                    }
                } else if self.exec() {
                    Step {
                        role: lead,
                        aside: Some(format!("on {stays_on}")),
                        what,
                        commands: self.sys_owned(
                            mine.into_iter()
                                .map(|c| format!("failover exec mate {c}"))
                                .collect(),
                        ),
                        ..Step::default()
                    }
                } else {
                    Step {
                        role: first,
                        aside: Some(format!(
                            "the {name}, its own session ({from} has no failover exec)"
                        )),
                        what,
                        commands: self.sys_owned(mine),
                        ..Step::default()
                    }
                };
                stage.notes.extend(self.server_note());
                stage.notes.push(self.hash_shows(&format!("the {name}")));
                if converges {
                    let mut note = format!(
                        "On this unit `dir disk0:/{new_image}` lists the image it runs (the \
                         \"System image file\" line of its `show version`)."
                    );
                    // The fallback line is the reloaded unit's old image: the unit that stays
                    // may lack it (a one-unit hop before had it deleted there, so that it
                    // could not boot an older release), and needs it not.
                    if !self.setup.single_boot_line {
                        note.push_str(&format!(
                            " The fallback boot line, {}, is for the {name} only: this unit \
                             need not hold it.",
                            self.images.old_image
                        ));
                    }
                    stage.notes.push(note);
                }
                if !converges {
                    stage.notes.push(format!(
                        "The boot lines name the image the other unit boots now as {}: check the \
                         \"System image file\" line of its `show version` and correct that name in the \
                         image fields if it differs, or its next reload finds no such file.",
                        self.hop.running_images(&self.images.old_image)[0]
                    ));
                }
                stage.notes.extend(self.asdm_note());
                // The other unit reads the same lines: it finds its own image second; this unit keeps
                // its old image as the last resort (`HopSpec::running_images`).
                let mut boot = self.boot_lines(lead);
                boot.aside = Some(format!("on {stays_on}"));
                // The reloaded unit boots from the lines replicated to it: read them there too.
                if let (Some(check), Some(mate)) = (&mut boot.check, self.mate_show("show bootvar"))
                {
                    check.commands.push(mate);
                    check.shows.push_str(&format!(
                        " On the {name}, `failover exec mate show bootvar` lists the same lines."
                    ));
                }
                stage.blocks.push(into_block(boot));
                stage
            }
            Phase::FirstReload => {
                let mut check_commands = vec!["show failover"];
                let mate_version = self.mate_show("show version");
                if let Some(c) = &mate_version {
                    check_commands.push(c);
                }
                let mut reload = Step {
                    role: lead,
                    aside: Some(format!("on {stays_on}")),
                    what: format!("Reload the {name} so that it boots {to}. The other unit keeps running."),
                    commands: self.sys(&["failover reload-standby"]),
                    expect: mate_warning(to, stays_on),
                    check: Some(Check {
                        role: None,
                        commands: self.sys(&check_commands),
                        shows: format!(
                            "The {name} is Standby Ready and its `show version` reads {to}. If it still \
                             reads {from}, it booted the old image: check `show bootvar` and `dir \
                             disk0:` on it, correct the boot lines on this unit and reload it again."
                        ),
                    }),
                    notes: vec![if stays_on == to {
                        self.freeze_note(self.number(Phase::Save))
                    } else {
                        FREEZE_WHILE_MIXED.to_string()
                    }],
                    ..Step::default()
                };
                // As the two-unit hop's first reload: onto a release with no downgrade this
                // reload is where the way back ends for the unit.
                if self.one_way() {
                    reload.notes.push(self.one_way_note(name));
                }
                if mate_version.is_none() {
                    reload.blocks.push(Block {
                        role: first,
                        aside: Some(format!("the {name}, its own session")),
                        what: "Read its release once it is back.".to_string(),
                        commands: self.sys(&["show version"]),
                        shows: Some(format!("The first line reads {to}.")),
                    });
                }
                reload
            }
            Phase::Save => Step {
                role: lead,
                aside: Some(format!("on {stays_on}")),
                what: format!("Both units now run {to}: save the configuration (on both units)."),
                commands: self.save_all(),
                ..Step::default()
            },
            Phase::RestoreGroup(group) => self.restore_group(group),
            Phase::GroupsToPrimary
            | Phase::FailOver
            | Phase::Window
            | Phase::SecondReload
            | Phase::RestoreRoles => return None,
        })
    }
}
