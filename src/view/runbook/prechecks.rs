//! The checks and the backup before a hop: failover health, free flash, this hop's backup
//! with the commands its start release has.

use super::writer::{Cast, Writer};
use crate::domain::release::Release;
use crate::domain::runbook::{
    backup_name, Block, Check, Mode, Reloads, Role, Step, Unit, BACKUP_PASSPHRASE, BACKUP_SINCE,
    CONTEXT_NAME, EXPORT_PASSPHRASE, TRUSTPOINT,
};

impl Writer<'_> {
    pub(super) fn prechecks(&self) -> Vec<Step> {
        let (from, to) = (self.hop.from, self.hop.to);
        let Cast { lead, first } = self.cast();
        let mut health_commands = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            health_commands.push(c);
        }
        let health_shows = match (self.setup.mode, &self.hop.reloads, &self.hop.active) {
            (Mode::ActiveActive, Reloads::One { unit, stays_on, .. }, _) => format!(
                "Each failover group Active on one unit and Standby Ready on the other, no \
                 interface `Failed` or `Waiting`; the {} (the unit to reload) runs {from}, the \
                 other unit {stays_on}.",
                unit.label()
            ),
            (Mode::ActiveActive, _, Some(_)) => {
                let (primary, secondary) = self.primary_secondary();
                format!(
                    "Each failover group Active on one unit and Standby Ready on the other, no \
                     interface `Failed` or `Waiting`; the secondary unit (reloaded first) runs \
                     {secondary}, the primary unit {primary}."
                )
            }
            (Mode::ActiveActive, _, _) => format!(
                "Each failover group Active on one unit and Standby Ready on the other, no \
                 interface `Failed` or `Waiting`; both units run {from}."
            ),
            (_, Reloads::One { unit, stays_on, .. }, _) => format!(
                "One unit Active and the other Standby Ready, no interface `Failed` or \
                 `Waiting`; the {} runs {from}, the other unit {stays_on}.",
                unit.label()
            ),
            (_, _, Some(a)) => format!(
                "This unit Active and the other Standby Ready, no interface `Failed` or \
                 `Waiting`. The active unit must be the {} (on {}) and the standby the {} (on \
                 {from}): if not, type `no failover active` on the {} first.",
                a.unit.label(),
                a.on,
                a.standby.label(),
                a.standby.label()
            ),
            _ => format!(
                "This unit Active and the other Standby Ready, no interface `Failed` or \
                 `Waiting`; both units run {from}."
            ),
        };
        let mut health = Step {
            role: lead,
            what: "Check that failover is healthy before you start.".to_string(),
            commands: self.sys(&health_commands),
            check: Some(Check {
                role: None,
                commands: Vec::new(),
                shows: health_shows,
            }),
            ..Step::default()
        };
        if mate_version.is_none() {
            health.blocks.push(Block {
                role: first,
                aside: Some("its own session".to_string()),
                what: format!(
                    "Read the other unit's state and release there ({from} has no `failover \
                     exec`)."
                ),
                commands: self.sys(&["show failover", "show version"]),
                shows: None,
            });
        }
        let (space, space_blocks) = self.on_both(
            first,
            "its own session",
            vec!["dir disk0:".to_string()],
            (vec!["dir disk0:".to_string()], "The same"),
        );
        let space = Step {
            role: lead,
            what: "Check the free space on each unit's flash.".to_string(),
            commands: space,
            blocks: space_blocks,
            check: Some(Check {
                role: None,
                commands: Vec::new(),
                shows: "The free bytes on each unit exceed the size of the images to stage \
                        (delete an image that no boot line names if not)."
                    .to_string(),
            }),
            ..Step::default()
        };
        vec![
            health,
            space,
            self.backup(lead, first, self.lead_release(), to),
        ]
    }

    /// The release of the unit the hop's commands are typed on (the active unit, or the
    /// primary for Active/Active) when the hop starts.
    fn lead_release(&self) -> Release {
        let on = |u: Unit| match (&self.hop.reloads, &self.hop.active) {
            (Reloads::One { unit, stays_on, .. }, _) if *unit != u => *stays_on,
            (Reloads::Both, Some(a)) if a.unit == u => a.on,
            _ => self.hop.from,
        };
        match (self.setup.mode, &self.hop.reloads) {
            // A one-unit hop makes its unit the standby after these checks: either unit may
            // still be active here, so the older release's commands (the hop's start).
            (Mode::ActiveStandby, Reloads::One { .. }) => self.hop.from,
            (Mode::ActiveStandby, Reloads::Both) => self.hop.active_from(),
            (Mode::ActiveActive, _) => on(Unit::Primary),
        }
    }

    /// This hop's backup, with the commands its start release has: on both units' flash (the
    /// rollback restores the upgraded unit's startup configuration from it) and off the box.
    pub(super) fn backup(&self, lead: Role, first: Role, lead_on: Release, to: Release) -> Step {
        let from = self.hop.from;
        let name = backup_name(from, to);
        let server = &self.images.server;
        let local = format!("copy /noconfirm running-config disk0:/{name}");
        let mut mine = vec![local.clone()];
        let mut notes: Vec<String> = self.server_note().into_iter().collect();
        // `backup` is typed on the lead unit only (its mate gets the flash copy through
        // `failover exec`): the lead's release decides.
        if lead_on >= BACKUP_SINCE {
            notes.push(format!(
                "Replace `{BACKUP_PASSPHRASE}` with your passphrase before pasting: the unit \
                 would take the placeholder as typed."
            ));
            let archive = name.trim_end_matches(".cfg");
            mine.push(format!(
                "backup /noconfirm passphrase {BACKUP_PASSPHRASE} location \
                 tftp://{server}/{archive}.tar.gz"
            ));
        } else {
            mine.push(format!(
                "copy /noconfirm running-config tftp://{server}/{name}"
            ));
            let export = format!("crypto ca export {TRUSTPOINT} pkcs12 {EXPORT_PASSPHRASE}");
            if self.setup.system_space() {
                // Trustpoints belong to the contexts: the system space has none to export.
                notes.push(format!(
                    "{lead_on} has no `backup` command (it came with 9.3(2)): the system \
                     configuration is copied off the box here. Each context's trustpoints are \
                     exported in that context: `changeto context {CONTEXT_NAME}`, then \
                     `configure terminal`, `{export}` (once per trustpoint named in `show \
                     crypto ca trustpoints` there), `end`; keep the printed text with the \
                     backup."
                ));
            } else {
                // A global configuration command: pasted at the `#` prompt it is refused and
                // the keys are silently not exported.
                mine.push("configure terminal".to_string());
                mine.push(export);
                mine.push("end".to_string());
                notes.push(format!(
                    "{lead_on} has no `backup` command (it came with 9.3(2)): the configuration \
                     is copied off the box and each trustpoint's keys and certificates exported \
                     (`crypto ca export`, once per trustpoint named in `show crypto ca \
                     trustpoints`; keep the printed text with the backup). Replace \
                     `{TRUSTPOINT}` and `{EXPORT_PASSPHRASE}` before pasting."
                ));
            }
        }
        if self.setup.system_space() {
            notes.push(
                "In multiple-context mode this is the system configuration: copy each \
                 context's configuration too (the file its `config-url` names)."
                    .to_string(),
            );
        }
        // The copy off the box is made once, from this unit: the other unit keeps its own
        // copy on its flash only.
        let (commands, blocks) = self.on_both(
            first,
            "its own session",
            mine,
            (
                vec![local],
                "On the other unit, only the copy to its own flash (the copy off the box is \
                 made above)",
            ),
        );
        // What the backup is for: only a hop with a rollback (b) restores it.
        let purpose = match &self.hop.reloads {
            // Onto a release with no downgrade there is no return to the start at all.
            Reloads::One { .. } if self.one_way() => format!(
                "this hop reloads one unit and has no rollback (a unit on {to} cannot be \
                 downgraded): keep it as the configuration before the hop"
            ),
            Reloads::One { .. } => format!(
                "this hop reloads one unit and has no rollback step: keep it as the \
                 configuration before the hop, what a return to {from} (an outage) would start \
                 from"
            ),
            Reloads::Both if self.one_way() => format!(
                "this hop has no rollback (a unit on {to} cannot be downgraded), only a \
                 fail-back to the unit not yet reloaded: keep it as the configuration before \
                 the hop"
            ),
            Reloads::Both => "a rollback of this hop restores it".to_string(),
        };
        Step {
            role: lead,
            what: format!(
                "Back up the configuration as it is before this hop, on each unit's flash and \
                 off the box, as `{name}`: {purpose}."
            ),
            commands,
            blocks,
            notes,
            ..Step::default()
        }
    }
}
