//! The per-hop runbook (SPEC §6) as data: ordered steps with exact commands and checkpoints.
//! Rendering as text is the UI's (and `export`'s) job.
//!
//! TODO(domain-aux): implement.

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
pub fn hop_runbook(mode: Mode, images: &HopImages) -> Runbook {
    todo!()
}

/// A plausible default image file name for a release (the person edits it), e.g.
/// `asa847-30-k8.bin` for 8.4(7)30, `asa9-12-4-72-smp-k8.bin` for 9.12(4)72.
pub fn default_image(release: Release) -> String {
    todo!()
}
