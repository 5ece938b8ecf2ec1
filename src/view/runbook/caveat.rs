//! A caveat's commands as a hop's runbook types them (SPEC §6 "Before this hop"): on the unit
//! the hop's configuration is typed on; in multiple-context mode in each context, its
//! `changeto context` line first, with the callout for the context's name; and nothing where
//! that unit already runs the caveat's release, so that its configuration (the one the pair
//! keeps) needs no preparation for it.

use crate::domain::caveats::{Applies, Caveat};
use crate::domain::release::Release;
use crate::domain::runbook::{Mode, Role, Setup, Unit, CONTEXT_NAME};

/// A caveat's block: where it is typed, its commands and the callouts said with it.
pub struct CaveatBlock {
    pub role: Role,
    pub aside: Option<&'static str>,
    pub commands: Vec<String>,
    /// "Replace `<…>` … before pasting", one per placeholder of the block.
    pub notes: Vec<String>,
}

/// What a caveat asks of a hop in its runbook: the words before it and its block, if any.
pub struct CaveatSteps {
    pub before: String,
    pub block: Option<CaveatBlock>,
}

/// The callout of the context name in a block that starts with `changeto context`.
pub fn context_note() -> String {
    format!(
        "Replace `{CONTEXT_NAME}` with the context's name before pasting, once per context: \
         pasted as it is, `changeto context` fails and the lines after it run in whatever \
         context the session is in."
    )
}

/// A caveat's words and block in the runbook of a hop; `stays`: a one-unit hop's other unit
/// and the release it keeps (the hop's commands are typed on it).
pub fn caveat_steps(caveat: &Caveat, setup: Setup, stays: Option<(Unit, Release)>) -> CaveatSteps {
    // A one-unit hop is typed on the unit that stays; the reloaded unit takes that unit's
    // configuration when it joins again as the standby. Past the caveat's release, that
    // configuration was already carried across it: nothing to prepare.
    if let Some((unit, on)) = stays.filter(|(_, on)| {
        !caveat.commands.is_empty() && caveat.applies == Applies::Crossing && *on >= caveat.release
    }) {
        return CaveatSteps {
            before: format!(
                "Nothing to type for this hop: the hop's commands are typed on the {}, which \
                 already runs {on} (past {}), and the unit this hop reloads takes that unit's \
                 configuration when it joins again as the standby.",
                unit.label(),
                caveat.release
            ),
            block: None,
        };
    }
    CaveatSteps {
        before: caveat.before.to_string(),
        block: (!caveat.commands.is_empty()).then(|| caveat_block(caveat, setup)),
    }
}

/// Where a caveat's commands are typed, and the commands: on the unit the hop's configuration
/// is typed on; where the configuration lives in contexts (multiple-context mode, always for
/// Active/Active) in each context, where that context is active, the `changeto context` line
/// first (every other block of the runbook leaves the session in the system space).
pub fn caveat_block(caveat: &Caveat, setup: Setup) -> CaveatBlock {
    let mut commands: Vec<String> = caveat.commands.iter().map(|c| c.to_string()).collect();
    if !setup.system_space() {
        return CaveatBlock {
            role: setup.mode.lead(),
            aside: None,
            commands,
            notes: Vec::new(),
        };
    }
    commands.insert(0, format!("changeto context {CONTEXT_NAME}"));
    let aside = match setup.mode {
        Mode::ActiveStandby => "in each context",
        Mode::ActiveActive => {
            "in each context whose failover group is active here; for a group 2 context, the \
             secondary until step 1 makes both groups active on the primary"
        }
    };
    CaveatBlock {
        role: setup.mode.lead(),
        aside: Some(aside),
        commands,
        notes: vec![context_note()],
    }
}
