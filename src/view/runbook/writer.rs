//! What every procedure shares: the [`Writer`] of one hop, the roles at its start ([`Cast`]),
//! the system-space prefix, staging and hashes, boot lines, the validation window's commands,
//! the freeze, the first reload and the session notes.

use crate::domain::release::Release;
use crate::domain::runbook::{
    has_failover_exec, system_space, verify_command, Block, Check, HopImages, HopSpec, Mode, Phase,
    Reloads, Role, Setup, Step, Unit, CONTEXT_NAME, ONE_WAY_SINCE, SERVER_PLACEHOLDER,
    SHA512_SINCE,
};

/// Writes one hop's runbook: the pair's setup, the hop and its file names.
pub(super) struct Writer<'a> {
    pub(super) setup: Setup,
    pub(super) hop: &'a HopSpec,
    pub(super) images: &'a HopImages,
}

/// The roles of a hop as the person stands at its start: the unit the first block is typed
/// on, the unit reloaded first, and their names.
pub(super) struct Cast {
    /// Where the hop's commands are typed (the active unit, or the primary for Active/Active).
    pub(super) lead: Role,
    /// The unit reloaded first.
    pub(super) first: Role,
}

impl Writer<'_> {
    /// `changeto system` first where the commands belong in the system execution space.
    pub(super) fn sys(&self, commands: &[&str]) -> Vec<String> {
        let mut commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
        system_space(self.setup, &mut commands);
        commands
    }

    pub(super) fn sys_owned(&self, mut commands: Vec<String>) -> Vec<String> {
        system_space(self.setup, &mut commands);
        commands
    }

    /// The unit a one-unit hop types on: the active unit, or (Active/Active) the unit that
    /// stays, named.
    pub(super) fn staying(&self, reloaded: Unit) -> Role {
        match (self.setup.mode, reloaded) {
            (Mode::ActiveStandby, _) => Role::Active,
            (Mode::ActiveActive, Unit::Primary) => Role::Secondary,
            (Mode::ActiveActive, Unit::Secondary) => Role::Primary,
        }
    }

    pub(super) fn cast(&self) -> Cast {
        match self.setup.mode {
            Mode::ActiveStandby => Cast {
                lead: Role::Active,
                first: Role::Standby,
            },
            Mode::ActiveActive => Cast {
                lead: Role::Primary,
                first: Role::Secondary,
            },
        }
    }

    /// Active/Active: the releases the primary (where both groups are made active) and the
    /// secondary (reloaded first) run when the hop starts, whichever of them is a mismatched
    /// pair's newer unit.
    pub(super) fn primary_secondary(&self) -> (Release, Release) {
        match &self.hop.active {
            Some(a) if a.unit == Unit::Secondary => (self.hop.from, a.on),
            Some(a) => (a.on, self.hop.from),
            None => (self.hop.from, self.hop.from),
        }
    }

    /// Whether both units have `failover exec` for this whole hop (its start release has it).
    pub(super) fn exec(&self) -> bool {
        has_failover_exec(self.hop.from)
    }

    /// Rollback (b): on `lead` (`lead_aside`), the new image out of the boot lines, saved, and
    /// the upgraded unit (`upgraded`, e.g. "upgraded unit") given back this hop's backup as its
    /// startup configuration; where the start release has no `failover exec`, a second block
    /// typed in the upgraded unit's own session (`own` and its `own_aside` prefix).
    pub(super) fn restore_backup(
        &self,
        lead: (Role, String),
        upgraded: &str,
        own: (Role, &str),
        new_image: &str,
        backup: &str,
    ) -> Vec<Block> {
        let mut commands = vec![
            "configure terminal".to_string(),
            format!("no boot system disk0:/{new_image}"),
        ];
        // A single-line model boots nothing else: the old package is set (unpacked) again.
        if self.setup.single_boot_line {
            commands.push(format!("boot system disk0:/{}", self.images.old_image));
        }
        commands.push("write memory".to_string());
        commands.push("end".to_string());
        let exec = self.exec();
        if exec {
            commands.push(format!(
                "failover exec mate copy /noconfirm disk0:/{backup} startup-config"
            ));
            commands.push("failover exec mate show bootvar".to_string());
        }
        let mut blocks = vec![Block {
            role: lead.0,
            aside: Some(lead.1),
            what: format!(
                "(b) Take the new image out of the boot lines, save, and restore the \
                 {upgraded}'s startup configuration from this hop's backup (`{backup}`)."
            ),
            commands: self.sys_owned(commands),
            // Without `failover exec` the upgraded unit's own block below reads it.
            shows: exec
                .then(|| format!("`show bootvar` of the {upgraded} no longer names {new_image}.")),
        }];
        if !exec {
            let from = self.hop.from;
            blocks.push(Block {
                role: own.0,
                aside: Some(format!(
                    "{}its own session ({from} has no failover exec)",
                    own.1
                )),
                what: "(b) continued: restore its startup configuration from this hop's backup."
                    .to_string(),
                commands: self.sys_owned(vec![
                    format!("copy /noconfirm disk0:/{backup} startup-config"),
                    "show bootvar".to_string(),
                ]),
                shows: Some(format!("`show bootvar` no longer names {new_image}.")),
            });
        }
        blocks
    }

    /// The save once both units run the new release (`Setup::save_command`, which the
    /// position's next step names too), `changeto system` first where it belongs there.
    pub(super) fn save_all(&self) -> Vec<String> {
        self.sys(&[self.setup.save_command()])
    }

    /// The save of [`Writer::save_all`], as prose names it: `write memory all /noconfirm` in
    /// the system execution space, else `write memory`.
    pub(super) fn save_words(&self) -> String {
        let save = self.save_all();
        format!(
            "`{}`",
            save.last().map(String::as_str).unwrap_or("write memory")
        )
    }

    /// How rollback (c) reads the reloaded unit once it is back: its block holds the reload
    /// alone, since `show` lines pasted with it would run before the unit is up.
    pub(super) fn once_back(&self) -> String {
        match self.mate_show("show version") {
            Some(version) => {
                format!("Once it is back, read it here with `show failover` and `{version}`. ")
            }
            None => "Once it is back, read it with `show failover` here and `show version` in \
                     its own session. "
                .to_string(),
        }
    }

    /// The hop lands on a release that cannot be downgraded.
    pub(super) fn one_way(&self) -> bool {
        self.hop.to >= ONE_WAY_SINCE
    }

    pub(super) fn images_to_stage(&self) -> Vec<&str> {
        let HopImages {
            new_image,
            asdm_image,
            ..
        } = self.images;
        let mut files = vec![new_image.as_str()];
        if !asdm_image.trim().is_empty() {
            files.push(asdm_image.as_str());
        }
        files
    }

    pub(super) fn asdm_note(&self) -> Option<String> {
        self.images.asdm_image.trim().is_empty().then(|| {
            "No ASDM image was given: it is not staged and `asdm image` is left as it is. \
             Enter its file name to stage and set it with this hop."
                .to_string()
        })
    }

    /// Said at each step that copies from the TFTP server (the backup, the staging) while its
    /// name is still the placeholder: pasted
    /// as it is, the copy fails, and a failed backup copy is easy to miss (a failed image
    /// copy is caught by its hash check).
    pub(super) fn server_note(&self) -> Option<String> {
        (self.images.server == SERVER_PLACEHOLDER).then(|| {
            format!(
                "Replace `{SERVER_PLACEHOLDER}` with your TFTP server's address before pasting \
                 (the page's TFTP server field, or `--server` on the command line, fills it in \
                 everywhere): pasted as it is, the copy fails."
            )
        })
    }

    /// What the hash check must show, on `units` ("each unit", or the one unit staged).
    pub(super) fn hash_shows(&self, units: &str) -> String {
        let algorithm = if self.hop.from >= SHA512_SINCE {
            "SHA-512"
        } else {
            "MD5"
        };
        format!(
            "Each file's {algorithm} hash, on {units}, equals the one Cisco publishes for it on \
             its download page. A file that differs is copied again; never boot it."
        )
    }

    /// Copy and verify commands for one unit; `prefix` is `failover exec mate ` for the mate.
    pub(super) fn stage_commands(&self, prefix: &str) -> Vec<String> {
        let server = &self.images.server;
        let files = self.images_to_stage();
        let mut commands: Vec<String> = files
            .iter()
            .map(|f| format!("{prefix}copy /noconfirm tftp://{server}/{f} disk0:/{f}"))
            .collect();
        commands.extend(
            files
                .iter()
                .map(|f| format!("{prefix}{}", verify_command(self.hop.from, f))),
        );
        commands
    }

    /// Commands typed on `lead` for itself and, through `failover exec mate`, for its mate; or,
    /// without `failover exec`, the mate's own block (typed in its own session), labelled "the
    /// same" only when it holds the same commands, else with `theirs_what` (what it does).
    pub(super) fn on_both(
        &self,
        mate: Role,
        mate_aside: &str,
        mine: Vec<String>,
        (theirs, theirs_what): (Vec<String>, &str),
    ) -> (Vec<String>, Vec<Block>) {
        if self.exec() {
            let mut commands = mine;
            commands.extend(
                theirs
                    .into_iter()
                    .map(|c| format!("failover exec mate {c}")),
            );
            (self.sys_owned(commands), Vec::new())
        } else {
            let what = if theirs == mine {
                "The same on the other unit"
            } else {
                theirs_what
            };
            (
                self.sys_owned(mine),
                vec![Block {
                    role: mate,
                    aside: Some(mate_aside.to_string()),
                    what: format!(
                        "{what}, in its own session: {} has no `failover exec` (it came with \
                         8.0(2)).",
                        self.hop.from
                    ),
                    commands: self.sys_owned(theirs),
                    shows: None,
                }],
            )
        }
    }

    /// A `show` typed on `lead` about its mate: through `failover exec mate` where it exists.
    pub(super) fn mate_show(&self, command: &str) -> Option<String> {
        self.exec().then(|| format!("failover exec mate {command}"))
    }

    /// Step 1: both images on both units, verified, then the boot lines (`boot`) on `lead`.
    pub(super) fn stage(&self, lead: Role, first: Role, first_aside: &str, boot: Step) -> Step {
        let theirs = self.stage_commands("");
        let (commands, blocks) =
            self.on_both(first, first_aside, theirs.clone(), (theirs, "The same"));
        let files = self.images_to_stage().join(" and ");
        let mut blocks = blocks;
        blocks.push(into_block(boot));
        Step {
            role: lead,
            what: format!(
                "Stage {files} on both units and check each file's hash, then set the boot \
                 lines. Every copy is `copy /noconfirm`, so no prompt takes the next pasted \
                 line as its answer."
            ),
            commands,
            blocks,
            // Every block that names the TFTP server says so where it is pasted.
            notes: self
                .server_note()
                .into_iter()
                .chain(std::iter::once(self.hash_shows("each unit")))
                .chain(self.asdm_note())
                .collect(),
            ..Step::default()
        }
    }

    /// `configure terminal` … `write memory`: the lines the units boot now and those the
    /// previous hop left out, then this hop's lines (`HopSpec::boot_set`: the new image
    /// first, the running images after it as fallbacks, used in order if an image cannot
    /// load; the new image alone where the model takes a single line), and the ASDM image
    /// when one is given.
    pub(super) fn boot_lines(&self, role: Role) -> Step {
        let HopImages {
            old_image,
            new_image,
            asdm_image,
            ..
        } = self.images;
        let mut remove = self.hop.running_images(old_image);
        remove.extend(self.hop.left.iter().map(String::as_str));
        dedup_all(&mut remove);
        let set = self.hop.boot_set(self.setup, old_image, new_image);
        let mut commands = vec!["configure terminal".to_string()];
        for image in remove {
            commands.push(format!("no boot system disk0:/{image}"));
        }
        for image in &set {
            commands.push(format!("boot system disk0:/{image}"));
        }
        if !asdm_image.trim().is_empty() {
            commands.push(format!("asdm image disk0:/{asdm_image}"));
        }
        commands.push("write memory".to_string());
        commands.push("end".to_string());
        let fallbacks = &set[1..];
        let listed: Vec<String> = fallbacks
            .iter()
            .map(|f| format!("`boot system disk0:/{f}`"))
            .collect();
        // Both units read the replicated list and boot the first image on their own flash.
        let mismatched = self.hop.active.as_ref().map(|a| {
            format!(
                " Neither unit may hold the other's current image: a unit that cannot load the \
                 new image would boot the other's release. Delete {} from the {} and {} from \
                 the {} if an earlier upgrade left them.",
                a.image,
                a.standby.label(),
                old_image,
                a.unit.label()
            )
        });
        let (keep, order) = if self.setup.single_boot_line {
            (
                " (this model takes a single line, which unpacks the image when entered)"
                    .to_string(),
                " is the only boot line".to_string(),
            )
        } else if listed.is_empty() {
            (String::new(), " is listed first".to_string())
        } else {
            (
                format!(
                    ", keep {} as fallback (used in order if the new image cannot load)",
                    fallbacks.join(" then ")
                ),
                format!(" is listed first, then {}", listed.join(", then ")),
            )
        };
        Step {
            role,
            what: format!(
                "Boot the new image from now on{keep}, and save; failover replicates the boot \
                 lines to the other unit."
            ),
            commands: self.sys_owned(commands),
            check: Some(Check {
                role: None,
                commands: self.sys(&["show running-config boot system", "show bootvar"]),
                shows: format!(
                    "`boot system disk0:/{new_image}`{order}; `show bootvar` shows the same \
                     list as the startup configuration's boot variable.{}",
                    mismatched.unwrap_or_default()
                ),
            }),
            ..Step::default()
        }
    }

    /// The validation window's commands; in multiple-context mode the traffic checks are
    /// typed in each context, so the system space gets `show failover` only (and a note).
    pub(super) fn window_commands(&self) -> Vec<String> {
        if self.setup.system_space() {
            self.sys(&["show failover"])
        } else {
            self.sys(&[
                "show failover",
                "show conn count",
                "show xlate count",
                "show vpn-sessiondb summary",
                "show route summary",
            ])
        }
    }

    pub(super) fn window_context_note(&self) -> Option<String> {
        self.setup.system_space().then(|| {
            format!(
                "In each context (`changeto context {CONTEXT_NAME}`): `show conn count`, `show \
                 xlate count`, `show route summary`."
            )
        })
    }

    /// The freeze, said where it starts. Only a hop whose rollback restores this hop's backup
    /// (both units reloaded, onto a release that can be downgraded) loses changes on a
    /// rollback: the others have none to give as a reason.
    pub(super) fn freeze_note(&self, until: usize) -> String {
        let rollback = matches!(self.hop.reloads, Reloads::Both) && !self.one_way();
        format!(
            "Freeze from here until the `write memory` of step {until}: no configuration \
             changes and no `write memory` (the unit on the older release may reject commands \
             of the newer one{}).",
            if rollback {
                ", and changes are lost on a rollback"
            } else {
                ""
            }
        )
    }

    /// The point of no return of the unit a reload puts on a release with no downgrade.
    pub(super) fn one_way_note(&self, unit: &str) -> String {
        format!(
            "Point of no return for the {unit}: once it boots {} it cannot be downgraded (no \
             downgrade from 9.24 on).",
            self.hop.to
        )
    }

    /// Step 2: the first reload. `ours` is the release of the unit typed on.
    /// `(ours, from)`: the releases of the unit typed on and of the unit reloaded, at the start.
    pub(super) fn first_reload(
        &self,
        (lead, first): (Role, Role),
        first_name: &str,
        (ours, from): (Release, Release),
        freeze_until: usize,
    ) -> Step {
        let to = self.hop.to;
        let mut notes = vec![self.freeze_note(freeze_until)];
        if self.one_way() {
            notes.push(format!(
                "{} A failover back to the other unit stays possible until the second reload, \
                 but the {first_name} stays on {to}.",
                self.one_way_note(first_name)
            ));
        }
        let mut check_commands = vec!["show failover"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            check_commands.push(c);
        }
        let mut step = Step {
            role: lead,
            what: format!("Reload the {first_name} so that it boots {to}."),
            commands: self.sys(&["failover reload-standby"]),
            expect: mate_warning(to, ours),
            check: Some(Check {
                role: None,
                commands: self.sys(&check_commands),
                shows: format!(
                    "The reloaded unit is Standby Ready and its `show version` reads {to}. If \
                     it still reads {from}, it booted the old image: stop here (traffic never \
                     left this unit), check `show bootvar` and `dir disk0:` on it, correct the \
                     boot lines on this unit and reload it again."
                ),
            }),
            notes,
            ..Step::default()
        };
        if mate_version.is_none() {
            step.blocks.push(Block {
                role: first,
                aside: Some("its own session".to_string()),
                what: "Read the reloaded unit's release there.".to_string(),
                commands: self.sys(&["show version"]),
                shows: Some(format!("The first line reads {to}.")),
            });
        }
        step
    }

    /// A group given back to the unit that owns it, where `preempt` does not do it: one
    /// optional step per group, each typed on the unit that should own it (SPEC §6: two
    /// blocks for two units, never one).
    pub(super) fn restore_group(&self, group: u8) -> Step {
        let to = self.hop.to;
        if group == 1 {
            return Step {
                role: Role::Primary,
                what: "Where group 1 has no `preempt`, make it active again on the unit that \
                       should own it (usually the primary): typed on that unit."
                    .to_string(),
                commands: self.sys(&["failover active group 1"]),
                optional: true,
                ..Step::default()
            };
        }
        Step {
            role: Role::Secondary,
            what: format!(
                "Where group {group} has no `preempt`, make it active again on the unit that \
                 should own it (usually the secondary): typed on that unit."
            ),
            commands: self.sys(&[&format!("failover active group {group}")]),
            optional: true,
            check: Some(Check {
                role: Some(Role::Both),
                commands: self.sys(&["show failover"]),
                shows: format!(
                    "On each unit: each group Active on the unit that owns it and Standby \
                     Ready on the other, both units on {to}."
                ),
            }),
            ..Step::default()
        }
    }

    /// The number the runbook gives the step that does `phase` in this hop (its place in
    /// `domain::runbook::outline`, 1-based); 0 if the hop has no such step.
    pub(super) fn number(&self, phase: Phase) -> usize {
        self.hop
            .outline(self.setup.mode)
            .iter()
            .position(|p| *p == phase)
            .map_or(0, |i| i + 1)
    }

    /// How to put the new image first again after a unit booted the old one.
    pub(super) fn fix_boot_hint(&self) -> String {
        let new_image = &self.images.new_image;
        if self.setup.single_boot_line {
            format!(
                "`configure terminal`, `no boot system` for the line there, then `boot system \
                 disk0:/{new_image}` (this model takes a single line)"
            )
        } else {
            format!("`configure terminal`, `boot system disk0:/{new_image}` first")
        }
    }

    /// The SSH/ASDM note at a failover.
    pub(super) fn session_note(&self, address: &str, now: &str) -> String {
        format!(
            "A management session (SSH, ASDM) to {address} drops here: open it again to the \
             same address, which now reaches {now}."
        )
    }
}

/// The boot-lines step as a block of step 1: set once every hash matched, its check's
/// commands typed after it on the same unit.
pub(super) fn into_block(boot: Step) -> Block {
    let mut commands = boot.commands;
    let mut shows = None;
    if let Some(check) = boot.check {
        let extra = check
            .commands
            .into_iter()
            .filter(|c| c != "changeto system");
        commands.extend(extra);
        shows = Some(check.shows);
    }
    Block {
        role: boot.role,
        aside: boot.aside,
        what: format!("Only once every hash matched: {}", boot.what),
        commands,
        shows,
    }
}

/// Removes repeated names, keeping the first of each.
pub(super) fn dedup_all(names: &mut Vec<&str>) {
    let mut seen: Vec<&str> = Vec::with_capacity(names.len());
    names.retain(|n| {
        if seen.contains(n) {
            false
        } else {
            seen.push(n);
            true
        }
    });
}

/// What the unit that stays (on `ours`) prints once its mate is back on `to` (SPEC §6 step 2):
/// nothing when both run the same release.
pub(super) fn mate_warning(to: Release, ours: Release) -> Option<String> {
    (ours != to).then(|| {
        format!(
            "Once the reloaded unit is back, this unit warns `Mate version {to} is not \
             identical with ours {ours}`: expected while the units run different releases."
        )
    })
}
