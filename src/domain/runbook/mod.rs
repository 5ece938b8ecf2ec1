//! The per-hop runbook's model (SPEC §6): the pair's setup ([`Mode`], multiple-context mode),
//! the units ([`Unit`]) and where each command block is typed ([`Role`]), one hop as the
//! runbook needs it ([`HopSpec`]), and the [`Runbook`] of [`Step`]s, [`Block`]s and
//! [`Check`]s; the facts the commands depend on (the first release with `failover exec`,
//! `verify /sha-512`, `backup`, the one-way train), the backup's file name and, in `images`,
//! each hop's image names. Every [`Step`] and [`Block`] is typed on one unit, so its command
//! block can be copied whole and pasted in one place.
//!
//! The procedures that fill a [`Runbook`] with steps and word them (one module per procedure:
//! Active/Standby, Active/Active, one-unit hops) are `view::runbook`; the names a person reads
//! (`Mode::label`, `Unit::label`, `Role::label`) are `view::words`'.

mod images;

pub use images::{
    asdm_key, default_image, doubtful_names, file_problem, hop_images, image_doubt, image_of,
    minutes_per_reload, name_problem, path_default_image, plan_default_image, plan_family,
    server_or_placeholder, server_problem, typed_name, unused_names, DoubtfulName, ImageDoubt,
    NameProblem, UnusedName, ASDM_KEY_PREFIX, IMAGE_ENDINGS, MAX_MINUTES_PER_RELOAD,
    SERVER_PLACEHOLDER,
};

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
    /// The unit a hop's configuration is typed on: the active unit, or for Active/Active the
    /// primary (both groups are made active there first).
    pub fn lead(self) -> Role {
        match self {
            Mode::ActiveStandby => Role::Active,
            Mode::ActiveActive => Role::Primary,
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

/// The unit a command block is typed on (the `data-unit` hook value).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Role {
    #[default]
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
}

/// How the runbook is written for this pair.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Setup {
    pub mode: Mode,
    /// Multiple-context mode: image, boot and failover commands go in the system execution
    /// space. Always true for Active/Active (it exists only in multiple-context mode).
    pub multi_context: bool,
    /// The model takes a single `boot system` line, which unpacks the image when entered
    /// (Firepower 1000, 2100 in appliance mode, Secure Firewall 3100 and 4200): no fallback
    /// line for the old image.
    pub single_boot_line: bool,
}

impl Setup {
    /// Whether image, boot and failover commands are typed in the system execution space.
    pub fn system_space(self) -> bool {
        self.multi_context || self.mode == Mode::ActiveActive
    }

    /// The save once both units run the new release (the runbook's `write memory` step, and
    /// the position's next step naming it): in the system execution space `write memory all
    /// /noconfirm`, since a plain `write memory` there saves the system configuration only and
    /// the contexts' migrated configurations would be lost at the next reload; `/noconfirm`
    /// because `all` asks for a confirmation, which a pasted next line would answer.
    pub fn save_command(self) -> &'static str {
        if self.system_space() {
            "write memory all /noconfirm"
        } else {
            "write memory"
        }
    }
}

/// The file names a hop's commands use; the person fills them in, defaults are derived.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct HopImages {
    /// TFTP server (host or address) the images are copied from and backups go to.
    pub server: String,
    /// Image the reloaded unit boots now (removed from `boot system`, kept as the fallback).
    pub old_image: String,
    /// Image of the release the hop lands on.
    pub new_image: String,
    /// ASDM image to stage and set with the new image; empty leaves it out (with a note).
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

/// A mismatched pair's unit that is active when a two-unit hop starts, when it runs another
/// release than the hop's start (it is reloaded second, from its own release).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ActiveUnit {
    pub unit: Unit,
    /// The release it runs when the hop starts (newer than the hop's start).
    pub on: Release,
    /// The image it boots now.
    pub image: String,
    /// The unit reloaded first (the standby), which runs the hop's start release.
    pub standby: Unit,
}

/// One hop as the runbook needs it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HopSpec {
    pub from: Release,
    pub to: Release,
    pub reloads: Reloads,
    /// A two-unit hop whose units start from different releases: the newer one is made the
    /// active unit and is reloaded second. `None` when both units run `from`.
    pub active: Option<ActiveUnit>,
    /// The boot lines the plan's previous hop set (its new image, then its fallbacks), which
    /// this hop takes out before setting its own: left in place, an earlier hop's fallback
    /// would end up first and the next reload would boot a release two hops back. Empty
    /// for the first hop.
    pub left: Vec<String>,
}

impl HopSpec {
    /// An ordinary hop: both units run `from` and are reloaded onto `to`.
    pub fn both(from: Release, to: Release) -> HopSpec {
        HopSpec {
            from,
            to,
            reloads: Reloads::Both,
            active: None,
            left: Vec::new(),
        }
    }

    /// The images the units boot when the hop starts, in the order they stay as fallbacks:
    /// the reloaded unit's (`old_image`) and the active unit's where it runs another
    /// release; for a one-unit hop the image of the unit that stays comes first (it reads
    /// the same replicated lines and must find its own image before the old one).
    pub fn running_images<'a>(&'a self, old_image: &'a str) -> Vec<&'a str> {
        match (&self.reloads, &self.active) {
            (Reloads::One { stays_image, .. }, _) => vec![stays_image.as_str(), old_image],
            (Reloads::Both, Some(a)) => vec![old_image, a.image.as_str()],
            (Reloads::Both, None) => vec![old_image],
        }
    }

    /// The boot lines this hop sets, in order: `new_image` first, then the running images as
    /// fallbacks, or `new_image` alone where the model takes a single line.
    pub fn boot_set<'a>(
        &'a self,
        setup: Setup,
        old_image: &'a str,
        new_image: &'a str,
    ) -> Vec<&'a str> {
        let mut lines = vec![new_image];
        if !setup.single_boot_line {
            for image in self.running_images(old_image) {
                if !lines.contains(&image) {
                    lines.push(image);
                }
            }
        }
        lines
    }

    /// The hop's steps, in the runbook's order ([`outline`]).
    pub fn outline(&self, mode: Mode) -> Vec<Phase> {
        outline(mode, &self.reloads, self.to)
    }

    /// The release the active unit runs when the hop starts.
    pub fn active_from(&self) -> Release {
        match (&self.reloads, &self.active) {
            (Reloads::One { stays_on, .. }, _) => *stays_on,
            (Reloads::Both, Some(a)) => a.on,
            (Reloads::Both, None) => self.from,
        }
    }
}

/// What a numbered step of a hop's runbook does (SPEC §6). A hop's steps, in order, are its
/// [`outline`]: `view::runbook` writes one step per entry, in that order, and
/// `position` numbers the steps it names by it, so the runbook's numbers and the position's
/// are one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// A one-unit hop: the unit it reloads made the standby (Active/Active: both groups made
    /// active on the unit that stays).
    MakeStandby,
    /// Active/Active: both failover groups made active on the primary unit.
    GroupsToPrimary,
    /// The images staged and checked, the boot lines set.
    Stage,
    /// The first reload (`failover reload-standby`): the standby, or the one unit a one-unit
    /// hop reloads.
    FirstReload,
    /// `no failover active`: the upgraded unit takes over.
    FailOver,
    /// The validation window, with its rollback.
    Window,
    /// The point of no return: the former active reloaded.
    SecondReload,
    /// `write memory` once both units run the hop's release.
    Save,
    /// Active/Standby, optional: the roles restored.
    RestoreRoles,
    /// Active/Active, optional: group N made active again on the unit that owns it.
    RestoreGroup(u8),
}

/// A hop's steps, in the runbook's order (step `i + 1` does `outline[i]`).
///
/// - Active/Standby, both units: stage, reload the standby, fail over, the validation window,
///   reload the former active, `write memory`, the roles restored (optional).
/// - Active/Active, both units: both groups to the primary first (the system configuration
///   replicates from the unit where group 1 is active), then the same, and each group
///   restored (optional).
/// - One unit: that unit made the standby, staged, reloaded; `write memory` (and, for
///   Active/Active, the groups restored) only when the other unit already runs the hop's
///   release.
pub fn outline(mode: Mode, reloads: &Reloads, to: Release) -> Vec<Phase> {
    use Phase::*;
    let restore: &[Phase] = match mode {
        Mode::ActiveStandby => &[RestoreRoles],
        Mode::ActiveActive => &[RestoreGroup(1), RestoreGroup(2)],
    };
    match reloads {
        Reloads::Both => {
            let mut steps = match mode {
                Mode::ActiveStandby => vec![],
                Mode::ActiveActive => vec![GroupsToPrimary],
            };
            steps.extend([Stage, FirstReload, FailOver, Window, SecondReload, Save]);
            steps.extend_from_slice(restore);
            steps
        }
        Reloads::One { stays_on, .. } => {
            let mut steps = vec![MakeStandby, Stage, FirstReload];
            if *stays_on == to {
                steps.push(Save);
                if mode == Mode::ActiveActive {
                    steps.extend_from_slice(restore);
                }
            }
            steps
        }
    }
}

/// A command block typed on one unit, beside a step's own block: a rollback line, or what a
/// unit without `failover exec` types in its own session.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Block {
    pub role: Role,
    /// Who that unit is at this moment ("the former active, on 9.8(4)"), when the role alone
    /// could mislead.
    pub aside: Option<String>,
    /// What the block does, in a sentence (`backtick` spans are commands).
    pub what: String,
    pub commands: Vec<String>,
    /// What must be true afterwards (`backtick` spans are commands or output).
    pub shows: Option<String>,
}

/// One numbered step, typed on one unit.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Step {
    pub role: Role,
    /// Who that unit is at this moment, when the role alone could mislead ("the upgraded
    /// unit, on 9.12(4)").
    pub aside: Option<String>,
    /// What the step does, in a sentence (`backtick` spans are commands).
    pub what: String,
    /// Exact CLI lines, in order.
    pub commands: Vec<String>,
    /// What the unit prints that is expected, not an error (e.g. the mate-version warning).
    pub expect: Option<String>,
    /// What must be true before going on, with the commands that show it (typed on `role`).
    pub check: Option<Check>,
    pub optional: bool,
    /// Further blocks, each typed on its own unit (after the step's own block).
    pub blocks: Vec<Block>,
    /// What a person must know at this step: the freeze, the session that drops, the point of
    /// no return.
    pub notes: Vec<String>,
    /// The rollback of a validation window, one block per unit, in order ((a), (b), (c)).
    pub rollback: Vec<Block>,
    /// This step is the point of no return of its hop.
    pub no_return: bool,
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

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Runbook {
    /// How the pair is set up (the mode, the system execution space, the boot lines).
    pub setup: Setup,
    /// Active/Active steps are reconstructed, not verbatim from the guide.
    pub reconstructed: bool,
    /// Checks and the backup before the hop starts.
    pub prechecks: Vec<Step>,
    pub steps: Vec<Step>,
    /// What is true when the hop is done, and how to see it.
    pub after: Check,
    /// `failover exec` is not available for this hop (it starts before 8.0(2)): each unit is
    /// staged and checked from its own session.
    pub own_sessions: bool,
}

impl Runbook {
    /// The 1-based number of the step that is the point of no return, if the hop has one.
    pub fn no_return_step(&self) -> Option<usize> {
        self.steps.iter().position(|s| s.no_return).map(|i| i + 1)
    }
}

/// The first release with `failover exec` (the command reference's history: 8.0(2)).
pub const FAILOVER_EXEC_SINCE: Release = Release::new(8, 0, 2, None);
/// The first release with `verify /sha-512` and with the `backup` command (9.3(2)).
pub const SHA512_SINCE: Release = Release::new(9, 3, 2, None);
/// The first release with `backup /noconfirm passphrase … location …` (9.3(2)).
pub const BACKUP_SINCE: Release = Release::new(9, 3, 2, None);
/// From this train on there is no downgrade (the 9.24 one-way note).
pub const ONE_WAY_SINCE: Release = Release::new(9, 24, 0, None);

/// What the person puts in place of the backup's passphrase.
pub const BACKUP_PASSPHRASE: &str = "<backup-passphrase>";
/// A trustpoint's name, for `crypto ca export`.
pub const TRUSTPOINT: &str = "<trustpoint-name>";
/// The passphrase of a `crypto ca export … pkcs12`.
pub const EXPORT_PASSPHRASE: &str = "<export-passphrase>";
/// A security context's name.
pub const CONTEXT_NAME: &str = "<context-name>";

/// Whether a unit running `release` has `failover exec`.
pub fn has_failover_exec(release: Release) -> bool {
    release >= FAILOVER_EXEC_SINCE
}

/// The hash a unit running `release` computes: `verify /sha-512` where it has it, else
/// `verify /md5`.
pub fn verify_command(release: Release, file: &str) -> String {
    if release >= SHA512_SINCE {
        format!("verify /sha-512 disk0:/{file}")
    } else {
        format!("verify /md5 disk0:/{file}")
    }
}

/// The name of hop `from → to`'s configuration backup, without parentheses (scp's remote
/// shell parses them): `pre-9.1.7-from-9.0.4.cfg`.
pub fn backup_name(from: Release, to: Release) -> String {
    let dotted = super::platform::dotted_version;
    format!("pre-{}-from-{}.cfg", dotted(to), dotted(from))
}

/// The line that turns the pager off for the current session only (privileged EXEC): the
/// ASA's default pager stops long output at `<--- More --->`, and that prompt takes the lines
/// pasted after it as keystrokes. `pager lines` would change the configuration instead.
pub const PAGER_OFF: &str = "terminal pager 0";

/// Puts `changeto system` first when the commands belong in the system execution space.
pub fn system_space(setup: Setup, commands: &mut Vec<String>) {
    if setup.system_space() {
        commands.insert(0, "changeto system".to_string());
    }
}
