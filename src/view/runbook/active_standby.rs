//! Active/Standby, both units (the 8.x guide's steps and their continuation, Cisco tech note
//! 111867), with the validation window's rollback.

use super::writer::Writer;
use crate::domain::release::Release;
use crate::domain::runbook::{backup_name, Block, Check, HopImages, Phase, Role, Step};

impl Writer<'_> {
    /// The step that does `phase` of an Active/Standby hop that reloads both units (SPEC §6:
    /// 1 staging, 2 reload, 3 failover, 4 window, 5 no return, 6 save, 7 the roles restored,
    /// as `domain::runbook::outline` orders them); `None` for a phase this procedure does not
    /// have.
    pub(super) fn active_standby(&self, phase: Phase) -> Option<Step> {
        let to = self.hop.to;
        let upgraded = format!("the upgraded unit, on {to}");
        Some(match phase {
            Phase::Stage => {
                let boot = self.boot_lines(Role::Active);
                self.stage(Role::Active, Role::Standby, "its own session", boot)
            }
            Phase::FirstReload => self.first_reload(
                (Role::Active, Role::Standby),
                "standby unit",
                (self.hop.active_from(), self.hop.from),
                self.number(Phase::Save),
            ),
            Phase::FailOver => self.as_failover(),
            Phase::Window => self.as_window(&upgraded),
            Phase::SecondReload => self.as_second_reload(&upgraded),
            Phase::Save => Step {
                role: Role::Active,
                aside: Some(upgraded),
                what: format!(
                    "Once the other unit is Standby Ready and its `show version` reads {to}: save \
                     the migrated configuration (on both units). The freeze ends here."
                ),
                commands: self.save_all(),
                ..Step::default()
            },
            Phase::RestoreRoles => Step {
                role: Role::Standby,
                aside: Some(format!("the former active, now on {to}")),
                what: "Make this unit active again to restore the roles (a failover: expect a \
                       brief interruption)."
                    .to_string(),
                commands: self.sys(&["failover active"]),
                optional: true,
                check: Some(Check {
                    role: Some(Role::Both),
                    commands: self.sys(&["show failover"]),
                    shows: format!(
                        "On each unit: the unit you made active is Active on {to}, the other \
                         Standby Ready on {to}."
                    ),
                }),
                notes: vec![self.session_note("the active address", "this unit")],
                ..Step::default()
            },
            Phase::MakeStandby | Phase::GroupsToPrimary | Phase::RestoreGroup(_) => return None,
        })
    }

    /// Step 3: fail over to the upgraded unit, once it is ready.
    fn as_failover(&self) -> Step {
        let (from, to) = (self.hop.from, self.hop.to);
        let ours = self.hop.active_from();
        let mut precondition = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            precondition.push(c);
        }
        Step {
            role: Role::Active,
            what: format!(
                "When the other unit is Standby Ready on {to}, fail over: the upgraded unit \
                 becomes active. First check, then type `no failover active` here."
            ),
            commands: self.sys(&["no failover active"]),
            expect: None,
            check: Some(Check {
                role: Some(Role::Active),
                commands: self.sys(&["show failover"]),
                shows: format!(
                    "In the session opened again: this host Active on {to}, the other unit \
                     Standby Ready on {ours}."
                ),
            }),
            notes: vec![
                format!(
                    "Before `no failover active`: `show failover` shows the other unit Standby \
                     Ready with every interface `Normal` (none `Waiting` or `Failed`), `show \
                     failover state` reads `Sync Done`, and its `show version` reads {to}. \
                     Type these first: {}{}.",
                    precondition
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    // Without `failover exec` the release is read on the other unit itself,
                    // and that too comes before the failover, not after it.
                    if mate_version.is_none() {
                        format!(
                            " here, then `show version` on the other unit, in its own session \
                             ({from} has no `failover exec`)"
                        )
                    } else {
                        String::new()
                    }
                ),
                self.session_note("the active address", "the upgraded unit"),
            ],
            ..Step::default()
        }
    }

    /// Step 4: the validation window on the upgraded unit, with its rollback.
    fn as_window(&self, upgraded: &str) -> Step {
        let HopImages { new_image, .. } = self.images;
        let (from, to) = (self.hop.from, self.hop.to);
        let ours = self.hop.active_from();
        let former = format!("the former active, still on {ours}");
        let window_commands = self.window_commands();
        let mut window = Step {
            role: Role::Active,
            aside: Some(upgraded.to_string()),
            what: format!(
                "Validation window: traffic runs on the upgraded unit ({to}) while the other \
                 still runs {ours}. Check what matters to you: connections, VPN tunnels, NAT, \
                 routing neighbours, `show failover` healthy."
            ),
            commands: window_commands,
            notes: self.window_context_note().into_iter().collect(),
            ..Step::default()
        };
        window.rollback =
            self.rollback_active_standby(&former, ours, new_image, &backup_name(from, to));
        if self.one_way() {
            window.notes.push(format!(
                "{to} cannot be downgraded: the only way back is (a), a failover to the unit \
                 still on {ours}; the upgraded unit stays on {to}. Expect a brief interruption. \
                 The boot lines still name {new_image} first: the unit on {ours} boots {to}, \
                 one-way, at its next reload, so plan that reload rather than meet it."
            ));
        } else {
            window.notes.push(
                "Until the next step the hop can be rolled back; failing back from the newer \
                 release is not a documented zero-downtime direction: expect a brief \
                 interruption."
                    .to_string(),
            );
        }
        window
    }

    /// Step 5, the point of no return: the former active reloaded from the upgraded unit.
    fn as_second_reload(&self, upgraded: &str) -> Step {
        let to = self.hop.to;
        let ours = self.hop.active_from();
        let mate_version = self.mate_show("show version");
        let after = if self.one_way() {
            format!(
                "After this both units run {to}, and there is no downgrade from it: no rollback \
                 is offered past this point."
            )
        } else {
            format!(
                "After this both units run {to}: going back is a downgrade of both (Cisco \
                 documents no zero-downtime downgrade)."
            )
        };
        let mut check_commands = vec!["show failover"];
        if let Some(c) = &mate_version {
            check_commands.push(c);
        }
        let mut second = Step {
            role: Role::Active,
            aside: Some(upgraded.to_string()),
            what: format!(
                "Reload the other unit (the former active, on {ours}) so that it boots {to}."
            ),
            commands: self.sys(&["failover reload-standby"]),
            check: Some(Check {
                role: None,
                commands: self.sys(&check_commands),
                shows: format!(
                    "The reloaded unit is Standby Ready and its `show version` reads {to}. If \
                     it still reads {ours}, it booted the old image: check `show bootvar` and \
                     `dir disk0:` on it, correct the boot lines on this unit ({}) and reload \
                     it again with `failover reload-standby` here.",
                    self.fix_boot_hint()
                ),
            }),
            notes: vec![after],
            no_return: true,
            ..Step::default()
        };
        if mate_version.is_none() {
            second.blocks.push(Block {
                role: Role::Standby,
                aside: Some("the former active, its own session".to_string()),
                what: "Read its release once it is back.".to_string(),
                commands: self.sys(&["show version"]),
                shows: Some(format!("The first line reads {to}.")),
            });
        }
        second
    }

    /// The rollback of an Active/Standby validation window (SPEC §6 (a), (b), (c)).
    pub(super) fn rollback_active_standby(
        &self,
        former: &str,
        ours: Release,
        new_image: &str,
        backup: &str,
    ) -> Vec<Block> {
        let a = Block {
            role: Role::Standby,
            aside: Some(former.to_string()),
            what: format!("(a) Fail back: this unit, on {ours}, takes the traffic again."),
            commands: self.sys(&["failover active"]),
            shows: Some(self.session_note("the active address", "this unit")),
        };
        if self.one_way() {
            return vec![a];
        }
        let from = self.hop.from;
        let mut blocks = vec![a];
        blocks.extend(self.restore_backup(
            (Role::Active, format!("the former active again, on {ours}")),
            "upgraded unit",
            (Role::Standby, "the upgraded unit, "),
            new_image,
            backup,
        ));
        let back = if ours == from {
            format!("both units run {from} again")
        } else {
            format!("the pair is back where the hop started: the upgraded unit on {from}, this unit on {ours}")
        };
        let shows = format!(
            "{}When the reloaded unit is Standby Ready and its `show version` reads {from}, \
             type {} here: {back}.",
            self.once_back(),
            self.save_words()
        );
        blocks.push(Block {
            role: Role::Active,
            aside: Some(format!("the former active again, on {ours}")),
            what: format!("(c) Reload the upgraded unit onto {from}."),
            commands: self.sys(&["failover reload-standby"]),
            shows: Some(shows),
        });
        blocks
    }
}
