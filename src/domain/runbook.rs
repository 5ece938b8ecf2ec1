//! The per-hop runbook (SPEC §6) as data: pre-checks with this hop's backup, numbered steps
//! typed on one unit each with their exact commands and checks, the validation window with its
//! rollback (one block per unit), the point of no return, and the checks after the hop. Wording
//! for a medium (page, Markdown) is the presentation layer's job; the sentences here are the
//! procedure itself.
//!
//! Active/Standby follows the 8.x guide's steps 1–3 and their continuation (Cisco tech note
//! 111867): both images staged on both units from the active's session (`failover exec mate
//! copy /noconfirm`, paste-safe), checked with `verify /sha-512` where the hop's start release
//! has it (9.3(2), the release that brought image signing and `backup`) else `verify /md5`;
//! the second reload is `failover reload-standby` typed on the new active unit, as Cisco's
//! later walk-throughs do, so no block holds a bare `reload` that could be pasted on the
//! active unit. A hop that starts before 8.0(2) has no `failover exec`: each unit is staged
//! and checked from its own session. Active/Active is a reconstruction of the guide's
//! structure and says so ([`Runbook::reconstructed`]). Every [`Step`] and [`Block`] is typed
//! on one unit ([`Role`]), so its command block can be copied whole and pasted in one place.

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
}

impl HopSpec {
    /// An ordinary hop: both units run `from` and are reloaded onto `to`.
    pub fn both(from: Release, to: Release) -> HopSpec {
        HopSpec {
            from,
            to,
            reloads: Reloads::Both,
            active: None,
        }
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
    pub mode: Mode,
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
    format!("pre-{}-from-{}.cfg", dotted(to), dotted(from))
}

/// `9.1(7)` as `9.1.7`, `8.4(7)30` as `8.4.7.30`.
pub fn dotted(release: Release) -> String {
    let Release {
        major,
        minor,
        maintenance,
        interim,
    } = release;
    match interim {
        Some(i) => format!("{major}.{minor}.{maintenance}.{i}"),
        None => format!("{major}.{minor}.{maintenance}"),
    }
}

/// Before the first hop: record both units' release and failover state for the change
/// ticket (each hop backs up its own configuration).
pub fn before_first_hop(setup: Setup, _server: &str) -> Vec<Step> {
    let mut record = vec!["show version".to_string(), "show failover".to_string()];
    system_space(setup, &mut record);
    vec![Step {
        role: Role::Both,
        what: "Record each unit's release and failover state for the change ticket: type \
               these on each unit and keep the output."
            .to_string(),
        commands: record,
        ..Step::default()
    }]
}

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
    let steps = match (&hop.reloads, setup.mode) {
        (Reloads::One { unit, stays_on, .. }, _) => writer.one_unit(*unit, *stays_on),
        (Reloads::Both, Mode::ActiveStandby) => writer.active_standby(),
        (Reloads::Both, Mode::ActiveActive) => writer.active_active(),
    };
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
                "Both units run {to}: `show failover` reads `Version: Ours {to}, Mate {to}`; both \
                 groups Active on this unit and Standby Ready on the other (move a group back \
                 with `failover active group 1` or `group 2` on the unit that should own it)."
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
    Runbook {
        mode: setup.mode,
        reconstructed: setup.mode == Mode::ActiveActive,
        prechecks: writer.prechecks(),
        steps,
        after,
        own_sessions: !writer.exec(),
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

/// The roles of a hop as the person stands at its start: the unit the first block is typed
/// on, the unit reloaded first, and their names.
struct Cast {
    /// Where the hop's commands are typed (the active unit, or the primary for Active/Active).
    lead: Role,
    /// The unit reloaded first.
    first: Role,
}

impl Writer<'_> {
    /// `changeto system` first where the commands belong in the system execution space.
    fn sys(&self, commands: &[&str]) -> Vec<String> {
        let mut commands: Vec<String> = commands.iter().map(|c| c.to_string()).collect();
        system_space(self.setup, &mut commands);
        commands
    }

    fn sys_owned(&self, mut commands: Vec<String>) -> Vec<String> {
        system_space(self.setup, &mut commands);
        commands
    }

    /// The unit a one-unit hop types on: the active unit, or (Active/Active) the unit that
    /// stays, named.
    fn staying(&self, reloaded: Unit) -> Role {
        match (self.setup.mode, reloaded) {
            (Mode::ActiveStandby, _) => Role::Active,
            (Mode::ActiveActive, Unit::Primary) => Role::Secondary,
            (Mode::ActiveActive, Unit::Secondary) => Role::Primary,
        }
    }

    fn cast(&self) -> Cast {
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

    /// Whether both units have `failover exec` for this whole hop (its start release has it).
    fn exec(&self) -> bool {
        has_failover_exec(self.hop.from)
    }

    /// The hop lands on a release that cannot be downgraded.
    fn one_way(&self) -> bool {
        self.hop.to >= ONE_WAY_SINCE
    }

    fn images_to_stage(&self) -> Vec<&str> {
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

    fn asdm_note(&self) -> Option<String> {
        self.images.asdm_image.trim().is_empty().then(|| {
            "No ASDM image was given: it is not staged and `asdm image` is left as it is. \
             Enter its file name to stage and set it with this hop."
                .to_string()
        })
    }

    fn hash_shows(&self) -> String {
        let algorithm = if self.hop.from >= SHA512_SINCE {
            "SHA-512"
        } else {
            "MD5"
        };
        format!(
            "Each file's {algorithm} hash, on each unit, equals the one Cisco publishes for it \
             on its download page. A file that differs is copied again; never boot it."
        )
    }

    /// Copy and verify commands for one unit; `prefix` is `failover exec mate ` for the mate.
    fn stage_commands(&self, prefix: &str) -> Vec<String> {
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
    /// without `failover exec`, the mate's own block (typed in its own session).
    fn on_both(
        &self,
        mate: Role,
        mate_aside: &str,
        mine: Vec<String>,
        theirs: Vec<String>,
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
            (
                self.sys_owned(mine),
                vec![Block {
                    role: mate,
                    aside: Some(mate_aside.to_string()),
                    what: format!(
                        "The same on the other unit, in its own session: {} has no `failover \
                         exec` (it came with 8.0(2)).",
                        self.hop.from
                    ),
                    commands: self.sys_owned(theirs),
                    shows: None,
                }],
            )
        }
    }

    /// A `show` typed on `lead` about its mate: through `failover exec mate` where it exists.
    fn mate_show(&self, command: &str) -> Option<String> {
        self.exec().then(|| format!("failover exec mate {command}"))
    }

    fn prechecks(&self) -> Vec<Step> {
        let (from, to) = (self.hop.from, self.hop.to);
        let Cast { lead, first } = self.cast();
        let active_from = self.hop.active_from();
        let mut health_commands = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            health_commands.push(c);
        }
        let health_shows = match (self.setup.mode, &self.hop.reloads, &self.hop.active) {
            (Mode::ActiveActive, _, _) => format!(
                "Each failover group Active on one unit and Standby Ready on the other, no \
                 interface `Failed` or `Waiting`; the unit to reload first (the secondary) \
                 runs {from}."
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
            vec!["dir disk0:".to_string()],
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
        vec![health, space, self.backup(lead, first, active_from, to)]
    }

    /// This hop's backup, with the commands its start release has: on both units' flash (the
    /// rollback restores the upgraded unit's startup configuration from it) and off the box.
    fn backup(&self, lead: Role, first: Role, active_from: Release, to: Release) -> Step {
        let from = self.hop.from;
        let name = backup_name(from, to);
        let server = &self.images.server;
        let local = format!("copy /noconfirm running-config disk0:/{name}");
        let mut mine = vec![local.clone()];
        let oldest = from.min(active_from);
        let mut notes = Vec::new();
        if oldest >= BACKUP_SINCE {
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
            mine.push(format!(
                "crypto ca export {TRUSTPOINT} pkcs12 {EXPORT_PASSPHRASE}"
            ));
            notes.push(format!(
                "{oldest} has no `backup` command (it came with 9.3(2)): the configuration is \
                 copied off the box and each trustpoint's keys and certificates exported \
                 (`crypto ca export`, once per trustpoint named in `show crypto ca \
                 trustpoints`; keep the printed text with the backup). Replace \
                 `{TRUSTPOINT}` and `{EXPORT_PASSPHRASE}` before pasting."
            ));
        }
        if self.setup.system_space() {
            notes.push(
                "In multiple-context mode this is the system configuration: copy each \
                 context's configuration too (the file its `config-url` names)."
                    .to_string(),
            );
        }
        let (commands, blocks) = self.on_both(first, "its own session", mine, vec![local]);
        Step {
            role: lead,
            what: format!(
                "Back up the configuration as it is before this hop, on each unit's flash and \
                 off the box, as `{name}`: a rollback of this hop restores it."
            ),
            commands,
            blocks,
            notes,
            ..Step::default()
        }
    }

    /// Step 1: both images on both units, verified, then the boot lines (`boot`) on `lead`.
    fn stage(&self, lead: Role, first: Role, first_aside: &str, boot: Step) -> Vec<Step> {
        let theirs = self.stage_commands("");
        let (commands, blocks) = self.on_both(first, first_aside, theirs.clone(), theirs);
        let files = self.images_to_stage().join(" and ");
        let mut blocks = blocks;
        blocks.push(into_block(boot));
        let stage = Step {
            role: lead,
            what: format!(
                "Stage {files} on both units and check each file's hash, then set the boot \
                 lines. Every copy is `copy /noconfirm`, so no prompt takes the next pasted \
                 line as its answer."
            ),
            commands,
            blocks,
            notes: std::iter::once(self.hash_shows())
                .chain(self.asdm_note())
                .collect(),
            ..Step::default()
        };
        vec![stage]
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
        dedup_all(&mut fallbacks);
        let mut remove: Vec<&str> = remove.to_vec();
        dedup_all(&mut remove);
        let mut commands = vec!["configure terminal".to_string()];
        for image in remove {
            commands.push(format!("no boot system disk0:/{image}"));
        }
        for image in std::iter::once(new_image.as_str()).chain(fallbacks.iter().copied()) {
            commands.push(format!("boot system disk0:/{image}"));
        }
        if !asdm_image.trim().is_empty() {
            commands.push(format!("asdm image disk0:/{asdm_image}"));
        }
        commands.push("write memory".to_string());
        commands.push("end".to_string());
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
                    "`boot system disk0:/{new_image}` is listed first{then}; `show bootvar` \
                     shows the same list as the startup configuration's boot variable."
                ),
            }),
            ..Step::default()
        }
    }

    /// The validation window's commands; in multiple-context mode the traffic checks are
    /// typed in each context, so the system space gets `show failover` only (and a note).
    fn window_commands(&self) -> Vec<String> {
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

    fn window_context_note(&self) -> Option<String> {
        self.setup.system_space().then(|| {
            format!(
                "In each context (`changeto context {CONTEXT_NAME}`): `show conn count`, `show \
                 xlate count`, `show route summary`."
            )
        })
    }

    /// The freeze, said where it starts.
    fn freeze_note(&self, until: usize) -> String {
        format!(
            "Freeze from here until the `write memory` of step {until}: no configuration \
             changes and no `write memory` (the unit on the older release may reject commands \
             of the newer one, and changes are lost on a rollback)."
        )
    }

    /// Step 2: the first reload. `ours` is the release of the unit typed on.
    fn first_reload(&self, lead: Role, first: Role, first_name: &str, freeze_until: usize) -> Step {
        let (from, to) = (self.hop.from, self.hop.to);
        let ours = self.hop.active_from();
        let mut notes = vec![self.freeze_note(freeze_until)];
        if self.one_way() {
            notes.push(format!(
                "Point of no return for the {first_name}: once it boots {to} it cannot be \
                 downgraded (no downgrade from 9.24 on). A failover back to the other unit \
                 stays possible until the second reload, but the {first_name} stays on {to}."
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
            expect: (ours != to).then(|| {
                format!(
                    "Once the reloaded unit is back, this unit warns `Mate version {to} is not \
                     identical with ours {ours}`: expected while the units run different \
                     releases."
                )
            }),
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

    /// The SSH/ASDM note at a failover.
    fn session_note(&self, address: &str, now: &str) -> String {
        format!(
            "A management session (SSH, ASDM) to {address} drops here: open it again to the \
             same address, which now reaches {now}."
        )
    }

    fn active_standby(&self) -> Vec<Step> {
        let HopImages {
            old_image,
            new_image,
            ..
        } = self.images;
        let (from, to) = (self.hop.from, self.hop.to);
        let ours = self.hop.active_from();
        let active_image = self
            .hop
            .active
            .as_ref()
            .map_or(old_image.as_str(), |a| a.image.as_str());
        let former = format!("the former active, still on {ours}");
        let upgraded = format!("the upgraded unit, on {to}");
        let boot = self.boot_lines(
            Role::Active,
            &[old_image, active_image],
            &[old_image, active_image],
        );
        let mut steps = self.stage(Role::Active, Role::Standby, "its own session", boot);
        // SPEC §6's numbers: 1 staging, 2 reload, 3 failover, 4 window, 5 no return, 6 save.
        let save_at = steps.len() + 5;
        steps.push(self.first_reload(Role::Active, Role::Standby, "standby unit", save_at));

        // Fail over.
        let mut precondition = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            precondition.push(c);
        }
        let mut failover = Step {
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
                     Type these first: {}.",
                    precondition
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                self.session_note("the active address", "the upgraded unit"),
            ],
            ..Step::default()
        };
        if mate_version.is_none() {
            failover.blocks.push(Block {
                role: Role::Standby,
                aside: Some("the unit just reloaded, its own session".to_string()),
                what: "Read its release before the failover.".to_string(),
                commands: self.sys(&["show version"]),
                shows: Some(format!("The first line reads {to}.")),
            });
        }
        steps.push(failover);

        // Validation window.
        let window_commands = self.window_commands();
        let mut window = Step {
            role: Role::Active,
            aside: Some(upgraded.clone()),
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
                 still on {ours}; the upgraded unit stays on {to}. Expect a brief interruption."
            ));
        } else {
            window.notes.push(
                "Until the next step the hop can be rolled back; failing back from the newer \
                 release is not a documented zero-downtime direction: expect a brief \
                 interruption."
                    .to_string(),
            );
        }
        steps.push(window);

        // Point of no return.
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
            aside: Some(upgraded.clone()),
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
                     `dir disk0:` on it, correct the boot lines on this unit (`configure \
                     terminal`, `boot system disk0:/{new_image}` first) and reload it again \
                     with `failover reload-standby` here."
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
        steps.push(second);

        // Save, then optionally restore the roles.
        steps.push(Step {
            role: Role::Active,
            aside: Some(upgraded),
            what: format!(
                "Once the other unit is Standby Ready and its `show version` reads {to}: save \
                 the migrated configuration (on both units). The freeze ends here."
            ),
            commands: self.sys(&["write memory"]),
            ..Step::default()
        });
        steps.push(Step {
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
        });
        steps
    }

    /// The rollback of an Active/Standby validation window (SPEC §6 (a), (b), (c)).
    fn rollback_active_standby(
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
        let exec = self.exec();
        let mut b_commands = vec![
            "configure terminal".to_string(),
            format!("no boot system disk0:/{new_image}"),
            "write memory".to_string(),
            "end".to_string(),
        ];
        if exec {
            b_commands.push(format!(
                "failover exec mate copy /noconfirm disk0:/{backup} startup-config"
            ));
            b_commands.push("failover exec mate show bootvar".to_string());
        }
        let mut blocks = vec![
            a,
            Block {
                role: Role::Active,
                aside: Some(format!("the former active again, on {ours}")),
                what: format!(
                    "(b) Take the new image out of the boot lines, save, and restore the \
                     upgraded unit's startup configuration from this hop's backup \
                     (`{backup}`)."
                ),
                commands: self.sys_owned(b_commands),
                shows: Some(format!(
                    "`show bootvar` of the upgraded unit no longer names {new_image}."
                )),
            },
        ];
        if !exec {
            blocks.push(Block {
                role: Role::Standby,
                aside: Some(format!(
                    "the upgraded unit, its own session ({from} has no `failover exec`)"
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
        let mut c_commands = vec!["failover reload-standby".to_string()];
        let shows = format!(
            "When the reloaded unit is Standby Ready and its `show version` reads {from}, type \
             `write memory` here: both units run {from} again."
        );
        if exec {
            c_commands.push("show failover".to_string());
            c_commands.push("failover exec mate show version".to_string());
        }
        blocks.push(Block {
            role: Role::Active,
            aside: Some(format!("the former active again, on {ours}")),
            what: format!("(c) Reload the upgraded unit onto {from}."),
            commands: self.sys_owned(c_commands),
            shows: Some(shows),
        });
        blocks
    }

    fn active_active(&self) -> Vec<Step> {
        let HopImages {
            old_image,
            new_image,
            ..
        } = self.images;
        let (from, to) = (self.hop.from, self.hop.to);
        let ours = self.hop.active_from();
        let active_image = self
            .hop
            .active
            .as_ref()
            .map_or(old_image.as_str(), |a| a.image.as_str());
        let mut steps = Vec::new();
        let take = Step {
            role: Role::Primary,
            what: "Make both failover groups active on the primary unit: the system \
                   configuration replicates from the unit where group 1 is active. Where group 2 \
                   moves, expect a brief interruption."
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
        };
        steps.push(take);
        let boot = self.boot_lines(
            Role::Primary,
            &[old_image, active_image],
            &[old_image, active_image],
        );
        steps.extend(self.stage(Role::Primary, Role::Secondary, "its own session", boot));
        let save_at = steps.len() + 5;
        steps.push(self.first_reload(Role::Primary, Role::Secondary, "secondary unit", save_at));
        let mut precondition = vec!["show failover", "show failover state"];
        let mate_version = self.mate_show("show version");
        if let Some(c) = &mate_version {
            precondition.push(c);
        }
        steps.push(Step {
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
        });
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
        let backup = backup_name(from, to);
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
                 on {to}. Expect a brief interruption."
            ));
        } else {
            let mut b = vec![
                "configure terminal".to_string(),
                format!("no boot system disk0:/{new_image}"),
                "write memory".to_string(),
                "end".to_string(),
            ];
            let mut c = vec!["failover reload-standby".to_string()];
            if self.exec() {
                b.push(format!(
                    "failover exec mate copy /noconfirm disk0:/{backup} startup-config"
                ));
                b.push("failover exec mate show bootvar".to_string());
                c.push("show failover".to_string());
                c.push("failover exec mate show version".to_string());
            }
            let mut rollback = vec![
                a,
                Block {
                    role: Role::Primary,
                    aside: Some(format!("active for both groups again, on {ours}")),
                    what: format!(
                        "(b) Take the new image out of the boot lines, save, and restore the \
                         secondary unit's startup configuration from this hop's backup \
                         (`{backup}`)."
                    ),
                    commands: self.sys_owned(b),
                    shows: Some(format!(
                        "`show bootvar` of the secondary unit no longer names {new_image}."
                    )),
                },
            ];
            if !self.exec() {
                rollback.push(Block {
                    role: Role::Secondary,
                    aside: Some(format!("its own session ({from} has no `failover exec`)")),
                    what: "(b) continued: restore its startup configuration from this hop's \
                           backup."
                        .to_string(),
                    commands: self.sys_owned(vec![
                        format!("copy /noconfirm disk0:/{backup} startup-config"),
                        "show bootvar".to_string(),
                    ]),
                    shows: Some(format!("`show bootvar` no longer names {new_image}.")),
                });
            }
            rollback.push(Block {
                role: Role::Primary,
                aside: Some(format!("active for both groups again, on {ours}")),
                what: format!("(c) Reload the secondary unit onto {from}."),
                commands: self.sys_owned(c),
                shows: Some(format!(
                    "When the secondary unit is Standby Ready and its `show version` reads \
                         {from}, type `write memory` here."
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
        steps.push(window);
        let mut check_commands = vec!["show failover"];
        if let Some(c) = &mate_version {
            check_commands.push(c);
        }
        steps.push(Step {
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
        });
        steps.push(Step {
            role: Role::Secondary,
            aside: Some(format!("active for both groups, on {to}")),
            what: format!(
                "Once the primary unit is Standby Ready and its `show version` reads {to}: save \
                 the migrated configuration (on both units). The freeze ends here."
            ),
            commands: self.sys(&["write memory"]),
            ..Step::default()
        });
        steps.push(Step {
            role: Role::Primary,
            what: "Where group 1 has no `preempt`, make it active again on the unit that should \
                   own it (usually the primary): typed on that unit."
                .to_string(),
            commands: self.sys(&["failover active group 1"]),
            optional: true,
            ..Step::default()
        });
        steps.push(Step {
            role: Role::Secondary,
            what: "Where group 2 has no `preempt`, make it active again on the unit that should \
                   own it (usually the secondary): typed on that unit."
                .to_string(),
            commands: self.sys(&["failover active group 2"]),
            optional: true,
            check: Some(Check {
                role: Some(Role::Both),
                commands: self.sys(&["show failover"]),
                shows: format!(
                    "On each unit: each group Active on the unit that owns it and Standby Ready \
                     on the other, both units on {to}."
                ),
            }),
            ..Step::default()
        });
        steps
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
        let mut steps = Vec::new();
        let standby = match self.setup.mode {
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
        };
        steps.push(standby);
        let files = self.images_to_stage().join(" and ");
        let what = if stays_on == to {
            format!(
                "Stage {files} on the {name} only (the standby) and check each hash; the other \
                 unit already runs {to}."
            )
        } else {
            format!(
                "Stage {files} on the {name} only (the standby) and check each hash. The \
                 other unit, on {stays_on}, must not have {new_image} on its flash (it would \
                 boot it at its next reload): delete it there if an earlier upgrade left it."
            )
        };
        let mine = self.stage_commands("");
        let mut stage = if self.exec() {
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
                    "the {name}, its own session ({from} has no `failover exec`)"
                )),
                what,
                commands: self.sys_owned(mine),
                ..Step::default()
            }
        };
        stage.notes.push(self.hash_shows());
        stage.notes.extend(self.asdm_note());
        // The other unit reads the same lines: it finds its own image second; this unit keeps
        // its old image as the last resort.
        let mut boot = self.boot_lines(lead, &[old_image, stays_image], &[stays_image, old_image]);
        boot.aside = Some(format!("on {stays_on}"));
        stage.blocks.push(into_block(boot));
        steps.push(stage);
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
            expect: (stays_on != to).then(|| {
                format!(
                    "Once the reloaded unit is back, this unit warns `Mate version {to} is not \
                     identical with ours {stays_on}`: expected while the units run different \
                     releases."
                )
            }),
            check: Some(Check {
                role: None,
                commands: self.sys(&check_commands),
                shows: format!(
                    "The {name} is Standby Ready and its `show version` reads {to}. If it still \
                     reads {from}, it booted the old image: check `show bootvar` and `dir \
                     disk0:` on it, correct the boot lines on this unit and reload it again."
                ),
            }),
            ..Step::default()
        };
        if mate_version.is_none() {
            reload.blocks.push(Block {
                role: first,
                aside: Some(format!("the {name}, its own session")),
                what: "Read its release once it is back.".to_string(),
                commands: self.sys(&["show version"]),
                shows: Some(format!("The first line reads {to}.")),
            });
        }
        steps.push(reload);
        if stays_on == to {
            steps.push(Step {
                role: lead,
                aside: Some(format!("on {stays_on}")),
                what: format!("Both units now run {to}: save the configuration (on both units)."),
                commands: self.sys(&["write memory"]),
                ..Step::default()
            });
        }
        steps
    }
}

/// The boot-lines step as a block of step 1: set once every hash matched, its check's
/// commands typed after it on the same unit.
fn into_block(boot: Step) -> Block {
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
fn dedup_all(names: &mut Vec<&str>) {
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
