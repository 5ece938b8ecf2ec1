//! The per-hop runbook (SPEC §6) worded for a person: pre-checks with this hop's backup,
//! numbered steps typed on one unit each with their exact commands and checks, the validation
//! window with its rollback (one block per unit), the point of no return, and the checks after
//! the hop. The model (`Step`, `Block`, `Check`, `Runbook`, which unit is which, the commands'
//! facts, the image and backup names) is `domain::runbook`; this module writes one hop's steps
//! with it, one file per procedure.
//!
//! Active/Standby follows the 8.x guide's steps 1–3 and their continuation (Cisco tech note
//! 111867): both images staged on both units from the active's session (`failover exec mate
//! copy /noconfirm`, paste-safe), checked with `verify /sha-512` where the hop's start release
//! has it (9.3(2), the release that brought image signing and `backup`) else `verify /md5`;
//! the second reload is `failover reload-standby` typed on the new active unit, as Cisco's
//! later walk-throughs do, so no block holds a bare `reload` that could be pasted on the
//! active unit. A hop that starts before 8.0(2) has no `failover exec`: each unit is staged
//! and checked from its own session. Active/Active is a reconstruction of the guide's
//! structure and says so (`Runbook::reconstructed`). Every `Step` and `Block` is typed
//! on one unit (`Role`), so its command block can be copied whole and pasted in one place.
//!
//! - `before`: what the change ticket records before the first hop;
//! - `prechecks`: failover health, free flash and the hop's backup;
//! - `writer`: what the procedures share (staging, boot lines, the first reload, the freeze);
//! - `active_standby`, `active_active`, `one_unit`: one procedure each.

mod active_active;
mod active_standby;
mod before;
mod caveat;
mod one_unit;
mod prechecks;
mod writer;

pub use before::before_first_hop;
pub use caveat::{caveat_block, caveat_steps, context_note, CaveatBlock, CaveatSteps};

use crate::domain::runbook::{
    Check, HopImages, HopSpec, Mode, Reloads, Role, Runbook, Setup, Step, PAGER_OFF,
};
use writer::Writer;

/// The runbook of one hop (SPEC §6).
///
/// Active/Standby, both units: stage and verify both images on both units from the active's
/// session; boot lines; `failover reload-standby` (the freeze starts); `no failover active`
/// once the upgraded unit is Standby Ready on the new release; the validation window with its
/// rollback; the point of no return, `failover reload-standby` from the new active; `write
/// memory`; optionally the roles restored. One unit only: that unit made the standby, the
/// images staged on it alone, its boot line first, `failover reload-standby`. Active/Active
/// (reconstructed): both groups made active on the primary first (the system configuration
/// replicates from the unit where group 1 is active), then the same scheme, and each group
/// restored on its own unit, one block per unit.
pub fn hop_runbook(setup: Setup, hop: &HopSpec, images: &HopImages) -> Runbook {
    let writer = Writer { setup, hop, images };
    // One step per entry of the hop's outline, in its order: the numbers a person reads here
    // are those the position names (`domain::position`).
    let steps = hop
        .outline(setup.mode)
        .into_iter()
        .filter_map(|phase| match (&hop.reloads, setup.mode) {
            (Reloads::One { unit, stays_on, .. }, _) => writer.one_unit(phase, *unit, *stays_on),
            (Reloads::Both, Mode::ActiveStandby) => writer.active_standby(phase),
            (Reloads::Both, Mode::ActiveActive) => writer.active_active(phase),
        })
        .collect();
    let to = hop.to;
    let after = match (&hop.reloads, setup.mode) {
        (Reloads::One { unit, stays_on, .. }, mode) if *stays_on != to => Check {
            role: Some(writer.staying(*unit)),
            commands: writer.sys(&["show failover"]),
            shows: format!(
                "The {} runs {to} and the other unit still runs {stays_on}: `show failover` \
                 shows both versions, {}.",
                unit.label(),
                match mode {
                    Mode::ActiveStandby =>
                        "the unit on the newer release Active and the other Standby Ready",
                    Mode::ActiveActive => "both failover groups Active on the unit on the newer release and Standby Ready on the other",
                }
            ),
        },
        (Reloads::One { unit, .. }, Mode::ActiveActive) => Check {
            role: Some(writer.staying(*unit)),
            commands: writer.sys(&["show failover"]),
            shows: format!(
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`; each \
                 group Active on the unit that owns it (or both on this unit, where you left \
                 them) and Standby Ready on the other."
            ),
        },
        (_, Mode::ActiveStandby) => Check {
            role: Some(Role::Active),
            commands: writer.sys(&["show failover"]),
            shows: format!(
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`, \
                 this unit Active and the other Standby Ready."
            ),
        },
        (_, Mode::ActiveActive) => Check {
            role: Some(Role::Primary),
            commands: writer.sys(&["show failover"]),
            shows: format!(
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`; \
                 group 1 Active on the primary unit and Standby Ready on the secondary, group \
                 2 Active on the secondary unit and Standby Ready on the primary (or each \
                 group on the unit you chose for it)."
            ),
        },
    };
    let mut runbook = Runbook {
        setup,
        reconstructed: setup.mode == Mode::ActiveActive,
        prechecks: writer.prechecks(),
        steps,
        after,
        own_sessions: !writer.exec(),
    };
    // Every block whose output can run past a screen turns the pager off first: a `<--- More
    // --->` prompt would swallow the lines pasted after it (`before_first_hop` says why).
    for step in runbook.prechecks.iter_mut().chain(&mut runbook.steps) {
        step_pager_off(step);
    }
    pager_off(&mut runbook.after.commands);
    runbook
}

/// Whether a command's output can run past a screen (and so stop at the pager's prompt):
/// `show`, `dir`, `more`, a `verify` or `copy` with its progress marks, `crypto ca export`'s
/// PKCS12 text, `backup`, `write memory all`; also relayed by `failover exec mate`.
pub fn prints_long(command: &str) -> bool {
    let command = command.trim();
    let command = command
        .strip_prefix("failover exec mate ")
        .unwrap_or(command);
    [
        "show ",
        "dir",
        "more ",
        "verify ",
        "copy ",
        "crypto ca export",
        "backup ",
        "write memory all",
    ]
    .iter()
    .any(|p| command.starts_with(p))
}

/// Puts [`PAGER_OFF`] first in a block whose output can run past a screen, once.
pub fn pager_off(commands: &mut Vec<String>) {
    if commands.first().map(String::as_str) != Some(PAGER_OFF)
        && commands.iter().any(|c| prints_long(c))
    {
        commands.insert(0, PAGER_OFF.to_string());
    }
}

/// [`pager_off`] on every command block of a step: its own, its check's, its further blocks'
/// and its rollback's.
pub(crate) fn step_pager_off(step: &mut Step) {
    pager_off(&mut step.commands);
    if let Some(check) = &mut step.check {
        pager_off(&mut check.commands);
    }
    for block in step.blocks.iter_mut().chain(&mut step.rollback) {
        pager_off(&mut block.commands);
    }
}
