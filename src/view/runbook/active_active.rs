//! Active/Active, both units: a reconstruction of the guide's structure (both groups made
//! active on the primary first, then the same scheme, each group restored on its own unit).

use super::writer::Writer;
use crate::domain::runbook::{backup_name, Block, Check, HopImages, Phase, Role, Step};

impl Writer<'_> {
    /// The step that does `phase` of an Active/Active hop that reloads both units (1 both
    /// groups to the primary, 2 staging, 3 reload the secondary, 4 failover, 5 window, 6 no
    /// return, 7 save, 8–9 the groups restored, as `domain::runbook::outline` orders them);
    /// `None` for a phase this procedure does not have.
    pub(super) fn active_active(&self, phase: Phase) -> Option<Step> {
        let to = self.hop.to;
        Some(match phase {
            Phase::GroupsToPrimary => Step {
                role: Role::Primary,
                what: "Make both failover groups active on the primary unit: the system \
                       configuration replicates from the unit where group 1 is active. Where \
                       group 2 moves, expect a brief interruption."
                    .to_string(),
                commands: self.sys(&["failover active"]),
                check: Some(Check {
                    role: None,
                    commands: self.sys(&["show failover"]),
                    shows: "Both groups are Active on the primary unit, Standby Ready on the \
                            secondary."
                        .to_string(),
                }),
                ..Step::default()
            },
            Phase::Stage => {
                let boot = self.boot_lines(Role::Primary);
                self.stage(Role::Primary, Role::Secondary, "its own session", boot)
            }
            Phase::FirstReload => self.first_reload(
                (Role::Primary, Role::Secondary),
                "secondary unit",
                self.primary_secondary(),
                self.number(Phase::Save),
            ),
            Phase::FailOver => self.aa_failover(),
            Phase::Window => self.aa_window(),
            Phase::SecondReload => self.aa_second_reload(),
            Phase::Save => Step {
                role: Role::Secondary,
                aside: Some(format!("active for both groups, on {to}")),
                what: format!(
                    "Once the primary unit is Standby Ready and its `show version` reads {to}: \
                     save the migrated configuration (on both units). The freeze ends here."
                ),
                commands: self.save_all(),
                ..Step::default()
            },
            Phase::RestoreGroup(group) => self.restore_group(group),
            Phase::MakeStandby | Phase::RestoreRoles => return None,
        })
    }

    /// Step 4: both groups fail over to the secondary unit, once it is ready.
    fn aa_failover(&self) -> Step {
        let to = self.hop.to;
        let (ours, _) = self.primary_secondary();
        let mut precondition = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            precondition.push(c);
        }
        Step {
            role: Role::Primary,
            aside: Some(format!("active for both groups, on {ours}")),
            what: format!(
                "When the secondary unit is Standby Ready on {to} for both groups, fail over: \
                 both groups move to the secondary unit. First check, then type `no failover \
                 active` here."
            ),
            commands: self.sys(&["no failover active"]),
            check: Some(Check {
                role: Some(Role::Secondary),
                commands: self.sys(&["show failover"]),
                shows: format!(
                    "On the secondary unit: both groups Active there on {to}, Standby Ready on \
                     the primary unit ({ours})."
                ),
            }),
            notes: vec![
                format!(
                    "Before `no failover active`: `show failover` shows both groups Standby \
                     Ready on the secondary unit with every interface `Normal` (none `Waiting` \
                     or `Failed`), `show failover state` reads `Sync Done`, and its `show \
                     version` reads {to}. Type these first: {}.",
                    precondition
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "Management sessions (SSH, ASDM) to the contexts' addresses drop here: open \
                 them again to the same addresses, which now reach the secondary unit."
                    .to_string(),
            ],
            ..Step::default()
        }
    }

    /// Step 5: the validation window on the secondary unit, with its rollback.
    fn aa_window(&self) -> Step {
        let HopImages { new_image, .. } = self.images;
        let to = self.hop.to;
        // The primary leads and the secondary is reloaded first (SPEC §6), whichever runs the
        // newer release of a mismatched pair: `ours` is the primary's, `from` the secondary's.
        let (ours, from) = self.primary_secondary();
        let mut window = Step {
            role: Role::Secondary,
            aside: Some(format!("active for both groups, on {to}")),
            what: format!(
                "Validation window: traffic of both groups runs on the secondary unit ({to}) \
                 while the primary still runs {ours}. Check what matters to you in each \
                 context: connections, VPN tunnels, NAT, routing neighbours, `show failover` \
                 healthy."
            ),
            commands: self.window_commands(),
            notes: self.window_context_note().into_iter().collect(),
            ..Step::default()
        };
        let backup = backup_name(self.hop.from, to);
        let a = Block {
            role: Role::Primary,
            aside: Some(format!("standby for both groups, still on {ours}")),
            what: format!("(a) Fail back: both groups return to the primary unit, on {ours}."),
            commands: self.sys(&["failover active"]),
            shows: Some(
                "Management sessions to the contexts' addresses drop and are opened again to the \
                 same addresses."
                    .to_string(),
            ),
        };
        if self.one_way() {
            window.rollback = vec![a];
            window.notes.push(format!(
                "{to} cannot be downgraded: the only way back is (a); the secondary unit stays \
                 on {to}. Expect a brief interruption. The boot lines still name {new_image} \
                 first: the primary unit boots {to}, one-way, at its next reload, so plan that \
                 reload rather than meet it."
            ));
        } else {
            let mut rollback = vec![a];
            rollback.extend(self.restore_backup(
                (
                    Role::Primary,
                    format!("active for both groups again, on {ours}"),
                ),
                "secondary unit",
                (Role::Secondary, ""),
                new_image,
                &backup,
            ));
            rollback.push(Block {
                role: Role::Primary,
                aside: Some(format!("active for both groups again, on {ours}")),
                what: format!("(c) Reload the secondary unit onto {from}."),
                commands: self.sys(&["failover reload-standby"]),
                shows: Some(format!(
                    "{}When the secondary unit is Standby Ready and its `show version` reads \
                     {from}, type {} here.",
                    self.once_back(),
                    self.save_words()
                )),
            });
            window.rollback = rollback;
            window.notes.push(
                "Until the next step the hop can be rolled back; failing back from the newer \
                 release is not a documented zero-downtime direction: expect a brief \
                 interruption."
                    .to_string(),
            );
        }
        window
    }

    /// Step 6, the point of no return: the primary unit reloaded from the secondary.
    fn aa_second_reload(&self) -> Step {
        let to = self.hop.to;
        let (ours, _) = self.primary_secondary();
        let mut check_commands = vec!["show failover"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            check_commands.push(c);
        }
        Step {
            role: Role::Secondary,
            aside: Some(format!("active for both groups, on {to}")),
            what: format!(
                "Reload the primary unit (standby for both groups, on {ours}) so that it \
                 boots {to}."
            ),
            commands: self.sys(&["failover reload-standby"]),
            check: Some(Check {
                role: None,
                commands: self.sys(&check_commands),
                shows: format!(
                    "The primary unit is Standby Ready for both groups and its `show version` \
                     reads {to}. If it still reads {ours}, it booted the old image: check `show \
                     bootvar` and `dir disk0:` on it, correct the boot lines here and reload it \
                     again with `failover reload-standby`."
                ),
            }),
            notes: vec![if self.one_way() {
                format!(
                    "After this both units run {to}, and there is no downgrade from it: no \
                     rollback is offered past this point."
                )
            } else {
                format!(
                    "After this both units run {to}: going back is a downgrade of both (Cisco \
                     documents no zero-downtime downgrade)."
                )
            }],
            no_return: true,
            ..Step::default()
        }
    }
}
