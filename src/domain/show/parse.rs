//! The line reader behind [`parse`]. One pass over the lines (ended by LF, CR LF or a lone
//! CR); each line is normalised once (`<--- More --->` markers, backspaces, controls and tabs
//! removed, blanks collapsed) into one reused buffer and matched against a fixed set of prefixes, so the time is linear in
//! the text. Outputs are cut into blocks at prompts and at the first line of each output
//! (`Failover On|Off`, the `show version` banner, the `show failover state` header); facts
//! inside a block are relative ("this host", "other host", "ours", "mate") until the block
//! says which unit it was typed on.

use super::{
    other, ConfigSync, ContextFacts, Disagreement, Interfaces, ReleaseFrom, Said, Seen, Side,
    Snapshot, State, UnitFacts, Unread, UnreadWhy,
};
use crate::domain::release::Release;
use crate::domain::runbook::Unit;

/// Reads pasted output into a [`Snapshot`]. Total: any text gives a snapshot.
pub fn parse(text: &str) -> Snapshot {
    let mut p = Parser::default();
    let mut buf = String::new();
    for (i, raw) in lines(text).enumerate() {
        normalise(raw, &mut buf);
        p.line(i + 1, &buf);
    }
    p.finish()
}

/// The lines of `text`, ended by a line feed, a carriage return and line feed, or a carriage
/// return alone (old terminals and their logs): a browser's text box reads a paste so (every
/// CR LF and lone CR becomes a line feed), and the command line reads a file the same way, so
/// both read the same lines and number them alike.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        line.split('\r')
    })
}

/// `raw` without `<--- More --->` markers, backspaces and controls, its blanks collapsed to one
/// space, trimmed.
fn normalise(raw: &str, out: &mut String) {
    out.clear();
    let mut rest = raw;
    let mut blank = true;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<--- More --->") {
            rest = after;
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() || c.is_control() {
            if !blank && c != '\u{8}' {
                out.push(' ');
                blank = true;
            }
            continue;
        }
        out.push(c);
        blank = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum Kind {
    /// Before any output, or after a bare prompt.
    #[default]
    None,
    Failover,
    FailoverState,
    Version,
    /// `show bootvar`.
    Bootvar,
    /// `dir` (of the flash).
    Dir,
    /// A command whose output is not read.
    Other,
}

/// One host section of a `show failover` (this host or the other host).
#[derive(Default)]
struct Host {
    unit: Option<Unit>,
    state: Option<State>,
    groups: Vec<(u8, State)>,
    slot: Option<Release>,
    slot_unreadable: bool,
    interfaces: Interfaces,
    seen: bool,
    /// The host line (`This host: Primary - Active`), and the ASA's slot line.
    line: usize,
    slot_line: usize,
}

/// How a command reached the unit whose output follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum Relay {
    /// Typed on the unit itself.
    #[default]
    None,
    /// `failover exec mate …`: the other unit's output.
    Mate,
    /// `failover exec active|standby …`: the output of the unit in that role, which is the unit
    /// typed at or its mate; only a prompt that names both the unit and its role says which.
    To(Side),
}

/// Where a block's output comes from, as its prompt and command say.
#[derive(Clone, Copy, Default)]
struct Origin {
    /// The unit whose output it is, when the prompt says (already the mate for a relayed
    /// command).
    unit: Option<Unit>,
    relay: Relay,
    /// The unit the person typed at, when the prompt says.
    typed_at: Option<Unit>,
}

impl Origin {
    /// The origin of a command typed at `prompt`.
    fn of(prompt: &Prompt, relay: Relay) -> Origin {
        let unit = match relay {
            Relay::None => prompt.unit,
            Relay::Mate => prompt.unit.map(other),
            Relay::To(side) => match (prompt.unit, prompt.side) {
                (Some(u), Some(s)) if s == side => Some(u),
                (Some(u), Some(_)) => Some(other(u)),
                _ => None,
            },
        };
        Origin {
            unit,
            relay,
            typed_at: prompt.unit,
        }
    }

    /// The unit a `show failover` block naming `this` as its own was typed at.
    fn typed_at(self, this: Unit) -> Option<Unit> {
        match self.relay {
            Relay::None => Some(this),
            Relay::Mate => Some(other(this)),
            Relay::To(_) => self.typed_at,
        }
    }

    /// The unit whose output it is, from the unit the nearest `show failover` was typed at.
    fn unit_from(self, session: Unit) -> Option<Unit> {
        match self.relay {
            Relay::None => Some(session),
            Relay::Mate => Some(other(session)),
            // Typed at that unit, but relayed to the active or the standby: which one that is
            // was not said where it was typed.
            Relay::To(_) => None,
        }
    }
}

#[derive(Default)]
struct Block {
    kind: Kind,
    first_line: usize,
    origin: Origin,
    /// `Failover unit Primary|Secondary`.
    this_unit: Option<Unit>,
    failover_on: Option<bool>,
    /// The lines of `Failover On|Off` and of `Version: Ours …, Mate …`.
    failover_line: usize,
    version_line: usize,
    ours: Option<Option<Release>>,
    /// `Some(None)`: `Mate Unknown`.
    mate: Option<Option<Release>>,
    hosts: [Host; 2],
    /// Index into `hosts` of the section being read.
    current: Option<usize>,
    in_stats: bool,
    /// `show failover state`: the host whose state is on the next line.
    pending_state: Option<usize>,
    section: Section,
    config_sync: Option<ConfigSync>,
    context: ContextFacts,
    context_seen: bool,
    // show version
    version: Option<Option<Release>>,
    image: Option<String>,
    asdm: Option<Release>,
    hardware: Option<String>,
    // show bootvar, dir
    boot: Option<Vec<String>>,
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    #[default]
    None,
    Configuration,
    Communication,
}

/// A finished `show version`, `show bootvar` or `dir` block, waiting for its unit.
struct VersionFacts {
    kind: Kind,
    boot: Option<Vec<String>>,
    files: Vec<String>,
    index: usize,
    line: usize,
    origin: Origin,
    release: Option<Option<Release>>,
    image: Option<String>,
    asdm: Option<Release>,
    hardware: Option<String>,
}

#[derive(Default)]
struct Parser {
    block: Block,
    blocks: usize,
    /// (block index, the unit the person typed at) of each `show failover` block.
    sessions: Vec<(usize, Unit)>,
    versions: Vec<VersionFacts>,
    primary: Option<UnitFacts>,
    secondary: Option<UnitFacts>,
    failover: Option<bool>,
    mate_unknown: bool,
    context: Option<ContextFacts>,
    unplaced: Option<Release>,
    boot: Option<Vec<String>>,
    seen: Seen,
    unread: Vec<Unread>,
    /// The role the last failover-aware prompt of each unit names (primary, secondary).
    prompt_roles: [Option<Side>; 2],
    /// What the `show failover` outputs said, output after output.
    readings: Readings,
}

/// One fact as the paste's `show failover` outputs said it: each reading with its line, in
/// the paste's order, kept only where it differs from the one before.
#[derive(Default)]
struct Track(Vec<(Said, usize)>);

impl Track {
    fn note(&mut self, said: Said, line: usize) {
        if self.0.last().is_none_or(|(had, _)| *had != said) {
            self.0.push((said, line));
        }
    }

    /// The readings, when they disagree.
    fn changed(self, unit: Option<Unit>) -> Option<Disagreement> {
        (self.0.len() > 1).then_some(Disagreement::Changed {
            unit,
            readings: self.0,
        })
    }
}

/// The readings of the `show failover` outputs, by unit (primary, secondary).
#[derive(Default)]
struct Readings {
    failover: Track,
    release: [Track; 2],
    /// The state (Active/Standby) or the group states (Active/Active).
    state: [Track; 2],
    /// The last state a unit's own output (its `This host` section) gave it, with its line.
    own: [Option<(Said, usize)>; 2],
}

/// A unit's index in per-unit arrays.
fn ix(unit: Unit) -> usize {
    usize::from(unit == Unit::Secondary)
}

/// `text` after `prefix`, ASCII case ignored.
fn after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text[prefix.len()..].trim_start())
}

fn starts(text: &str, prefix: &str) -> bool {
    after(text, prefix).is_some()
}

/// `Primary` | `Secondary` at the start of `text`, and the rest.
fn unit_word(text: &str) -> Option<(Unit, &str)> {
    if let Some(rest) = after(text, "primary") {
        return Some((Unit::Primary, rest));
    }
    after(text, "secondary").map(|rest| (Unit::Secondary, rest))
}

/// The longest state label at the start of `text` (a whole word), and the rest.
fn state_prefix(text: &str) -> Option<(State, &str)> {
    let mut best: Option<(State, &str)> = None;
    for state in State::ALL {
        let label = state.label();
        if text
            .get(..label.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(label))
        {
            let tail = &text[label.len()..];
            if (tail.is_empty() || tail.starts_with(' ') || tail.starts_with('('))
                && best.is_none_or(|(b, _)| b.label().len() < label.len())
            {
                best = Some((state, tail.trim_start()));
            }
        }
    }
    best
}

/// A state that is the whole of `text` (a trailing `(…)` remark allowed).
fn state_whole(text: &str) -> Option<State> {
    state_prefix(text)
        .filter(|(_, rest)| rest.is_empty() || rest.starts_with('('))
        .map(|(s, _)| s)
}

/// The text inside the parentheses that open at the start of `text`, balanced (a release
/// holds its own parentheses: `(3.1/9.6(4)5)`).
fn balanced(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('(')?;
    let mut depth = 1usize;
    for (i, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&inner[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// A prompt line: `asa#`, `fw/pri/act# show failover`, `asa/admin> sh ver`, `asa(config)#`.
struct Prompt<'a> {
    unit: Option<Unit>,
    /// `act` or `stby` in a failover-aware prompt.
    side: Option<Side>,
    command: &'a str,
}

fn prompt(line: &str) -> Option<Prompt<'_>> {
    let end = line.find(['#', '>'])?;
    let token = &line[..end];
    let first = token.chars().next()?;
    if !first.is_ascii_alphanumeric()
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./()".contains(c))
    {
        return None;
    }
    let command = line[end + 1..].trim();
    let (mut unit, mut side) = (None, None);
    for tag in token.split('/').skip(1) {
        if tag.eq_ignore_ascii_case("pri") {
            unit = Some(Unit::Primary);
        } else if tag.eq_ignore_ascii_case("sec") {
            unit = Some(Unit::Secondary);
        } else if tag.eq_ignore_ascii_case("act") {
            side = Some(Side::Active);
        } else if tag.eq_ignore_ascii_case("stby") {
            side = Some(Side::Standby);
        }
    }
    Some(Prompt {
        unit,
        side,
        command,
    })
}

/// `word` abbreviates `full` (at least `min` letters).
fn abbreviates(word: &str, full: &str, min: usize) -> bool {
    word.len() >= min && full.len() >= word.len() && full[..word.len()].eq_ignore_ascii_case(word)
}

/// What a command line asks for, and whether it is relayed by `failover exec mate|active|
/// standby`.
fn command(text: &str) -> (Kind, Relay) {
    let text = text.split('|').next().unwrap_or("");
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    let (relay, rest) = match words.as_slice() {
        [f, e, to, rest @ ..] if abbreviates(f, "failover", 3) && abbreviates(e, "exec", 2) => {
            if abbreviates(to, "mate", 2) {
                (Relay::Mate, rest)
            } else if abbreviates(to, "active", 2) {
                (Relay::To(Side::Active), rest)
            } else if abbreviates(to, "standby", 2) {
                (Relay::To(Side::Standby), rest)
            } else {
                (Relay::None, words.as_slice())
            }
        }
        rest => (Relay::None, rest),
    };
    let kind = match rest {
        [] => Kind::None,
        [s, f] if abbreviates(s, "show", 2) && abbreviates(f, "failover", 3) => Kind::Failover,
        [s, f, st]
            if abbreviates(s, "show", 2)
                && abbreviates(f, "failover", 3)
                && abbreviates(st, "state", 2) =>
        {
            Kind::FailoverState
        }
        [s, v, ..] if abbreviates(s, "show", 2) && abbreviates(v, "version", 3) => Kind::Version,
        [s, b, ..] if abbreviates(s, "show", 2) && abbreviates(b, "bootvar", 5) => Kind::Bootvar,
        [d, ..] if abbreviates(d, "dir", 3) => Kind::Dir,
        _ => Kind::Other,
    };
    (kind, relay)
}

impl Parser {
    fn unread(&mut self, line: usize, why: UnreadWhy) {
        self.unread.push(Unread { line, why });
    }

    /// Ends the block being read and starts one of `kind`.
    fn start(&mut self, kind: Kind, line: usize, origin: Origin) {
        self.end_block();
        self.block = Block {
            kind,
            first_line: line,
            origin,
            ..Block::default()
        };
        match kind {
            Kind::Failover => self.seen.show_failover += 1,
            Kind::FailoverState => self.seen.show_failover_state += 1,
            Kind::Version => self.seen.show_version += 1,
            Kind::Bootvar => self.seen.show_bootvar += 1,
            Kind::Dir => self.seen.dir += 1,
            Kind::Other => self.seen.other_commands += 1,
            Kind::None => {}
        }
    }

    /// Starts a block of `kind` at an output's first line, unless a prompt already did.
    fn output_starts(&mut self, kind: Kind, line: usize, fresh: bool) {
        if self.block.kind != kind || !fresh {
            let origin = if self.block.kind == Kind::None {
                self.block.origin
            } else {
                Origin::default()
            };
            self.start(kind, line, origin);
        }
    }

    fn line(&mut self, n: usize, line: &str) {
        if line.is_empty() {
            return;
        }
        if self.block.first_line == 0 {
            // The paste's first block starts at its first line with text.
            self.block.first_line = n;
        }
        if let Some(p) = prompt(line) {
            match (p.unit, p.side) {
                (Some(Unit::Primary), Some(side)) => self.prompt_roles[0] = Some(side),
                (Some(Unit::Secondary), Some(side)) => self.prompt_roles[1] = Some(side),
                _ => {}
            }
            let (kind, relay) = command(p.command);
            self.start(kind, n, Origin::of(&p, relay));
            return;
        }
        // The first line of each output starts its block.
        if let Some(rest) = after(line, "failover") {
            if rest.eq_ignore_ascii_case("on") || rest.eq_ignore_ascii_case("off") {
                let fresh = self.block.failover_on.is_none() && self.block.hosts[0].unit.is_none();
                self.output_starts(Kind::Failover, n, fresh);
                self.block.failover_on = Some(rest.eq_ignore_ascii_case("on"));
                self.block.failover_line = n;
                return;
            }
        }
        if starts(line, "cisco adaptive security appliance software version") {
            let fresh = self.block.version.is_none();
            self.output_starts(Kind::Version, n, fresh);
            let rest = &line["cisco adaptive security appliance software version".len()..];
            let release = crate::domain::release_text::show_version_release(rest).ok();
            if release.is_none() {
                self.unread(n, UnreadWhy::Release);
            }
            self.block.version = Some(release);
            return;
        }
        if starts(line, "boot variable =") || starts(line, "current boot variable =") {
            let fresh = self.block.boot.is_none() || starts(line, "current");
            self.output_starts(Kind::Bootvar, n, fresh);
            self.bootvar_line(line);
            return;
        }
        if starts(line, "directory of ") {
            let fresh = self.block.files.is_empty();
            self.output_starts(Kind::Dir, n, fresh);
            return;
        }
        if starts(line, "state last failure reason") {
            let fresh = self.block.hosts[0].unit.is_none();
            self.output_starts(Kind::FailoverState, n, fresh);
            return;
        }
        match self.block.kind {
            Kind::Other => {}
            Kind::Version => self.version_line(line),
            Kind::Bootvar => self.bootvar_line(line),
            Kind::Dir => self.dir_line(line),
            Kind::Failover => self.failover_line(n, line),
            Kind::FailoverState => self.state_line(n, line),
            Kind::None => {
                // Output pasted without its first line: read what can be read.
                if !self.failover_line_known(n, line) {
                    self.unread(n, UnreadWhy::Unknown);
                }
            }
        }
    }

    /// `[Current ]BOOT variable = disk0:/a.bin;disk0:/b.bin`: the configured list (`Current`)
    /// wins over the one the unit booted with.
    fn bootvar_line(&mut self, line: &str) {
        let current = after(line, "current boot variable =");
        let Some(list) = current.or_else(|| after(line, "boot variable =")) else {
            return; // CONFIG_FILE lines and the like
        };
        if current.is_none() && self.block.boot.is_some() {
            return;
        }
        let files = list
            .split(';')
            .map(|p| p.trim().rsplit(['/', ':']).next().unwrap_or("").to_string())
            .filter(|f| !f.is_empty())
            .collect();
        self.block.boot = Some(files);
    }

    /// `122 -rwx 103174400 09:55:01 Mar 03 2026 asa984-smp-k8.bin`: image files (ASA and
    /// ASDM) only.
    fn dir_line(&mut self, line: &str) {
        let words: Vec<&str> = line.split(' ').collect();
        let (Some(mode), Some(name)) = (words.get(1), words.last()) else {
            return;
        };
        if words.len() >= 4 && mode.len() == 4 && mode.starts_with(['-', 'd']) {
            if let Some(image) = crate::domain::release_text::image_name(name) {
                self.block.files.push(image.to_string());
            }
        }
    }

    fn version_line(&mut self, line: &str) {
        let b = &mut self.block;
        if let Some(rest) = after(line, "device manager version") {
            b.asdm = rest.split(' ').next().and_then(|r| r.parse().ok());
        } else if let Some(rest) = after(line, "system image file is") {
            let path = rest.trim_matches('"');
            let name = path.rsplit(['/', ':']).next().unwrap_or(path);
            if !name.is_empty() {
                b.image = Some(name.to_string());
            }
        } else if let Some(rest) = after(line, "hardware:") {
            let model = rest.split([',', ' ']).next().unwrap_or("");
            if !model.is_empty() {
                b.hardware = Some(model.to_string());
            }
        }
        // Everything else of `show version` (uptime, licences, interfaces with their MAC
        // addresses, serial numbers, FXOS/SSP lines) is skipped on purpose.
    }

    fn failover_line(&mut self, n: usize, line: &str) {
        if self.block.in_stats {
            return;
        }
        if !self.failover_line_known(n, line) {
            self.unread(n, UnreadWhy::Unknown);
        }
    }

    /// Reads one line of `show failover`; `false` when it is not one.
    fn failover_line_known(&mut self, n: usize, line: &str) -> bool {
        if let Some(rest) = after(line, "failover unit") {
            match unit_word(rest) {
                Some((unit, _)) => self.block.this_unit = Some(unit),
                None => self.unread(n, UnreadWhy::Unknown),
            }
            if self.block.kind == Kind::None {
                self.block.kind = Kind::Failover;
                self.seen.show_failover += 1;
            }
            return true;
        }
        if let Some(rest) = after(line, "version:") {
            return self.version_pair(n, rest);
        }
        for (prefix, index) in [("this host", 0), ("other host", 1)] {
            if let Some(rest) = after(line, prefix) {
                if let Some(rest) = rest.strip_prefix(':') {
                    self.host(n, index, rest.trim_start());
                    return true;
                }
                if let Some(rest) = rest.strip_prefix('-') {
                    // `show failover state`'s host line, pasted without its header.
                    if self.block.kind == Kind::None {
                        self.block.kind = Kind::FailoverState;
                        self.seen.show_failover_state += 1;
                    }
                    self.state_host(n, index, rest.trim_start());
                    return true;
                }
            }
        }
        for (prefix, peer) in [("this context:", false), ("peer context:", true)] {
            if let Some(rest) = after(line, prefix) {
                let state = state_whole(rest);
                if state.is_none() {
                    self.unread(n, UnreadWhy::State);
                }
                let b = &mut self.block;
                b.context_seen = true;
                b.current = None;
                if peer {
                    b.context.peer = state;
                } else {
                    b.context.this = state;
                }
                return true;
            }
        }
        if let Some(rest) = after(line, "group") {
            let digits: &str = rest.split(' ').next().unwrap_or("");
            let Ok(group) = digits.parse::<u8>() else {
                return false;
            };
            let rest = rest[digits.len()..].trim_start();
            if let Some(state) = after(rest, "state:") {
                match (state_whole(state), self.block.current) {
                    (Some(s), Some(h)) => self.block.hosts[h].groups.push((group, s)),
                    (None, _) => self.unread(n, UnreadWhy::State),
                    (Some(_), None) => self.unread(n, UnreadWhy::NoUnit),
                }
            }
            // `Group 1 last failover at: …` and the like.
            return true;
        }
        if let Some(rest) = after(line, "slot") {
            return self.slot(n, rest);
        }
        if let Some(h) = self.interface(line) {
            if let Some(c) = self.block.current {
                let (name, health) = h;
                let i = &mut self.block.hosts[c].interfaces;
                match health {
                    Health::Normal => i.normal += 1,
                    Health::Waiting => i.waiting.push(name),
                    Health::Failed => i.failed.push(name),
                }
            }
            return true;
        }
        if starts(line, "stateful failover logical update statistics") {
            self.block.in_stats = true;
            return true;
        }
        const SKIPPED: [&str; 25] = [
            "failover lan interface",
            "failover state link",
            "failover link",
            "lan failover",
            "reconnect timeout",
            "unit poll frequency",
            "interface poll frequency",
            "interface policy",
            "monitored interfaces",
            "mac address move notification",
            "failover replication",
            "serial number",
            "last failover at",
            "active time",
            "failover health",
            "ips,",
            "asa firepower",
            "firepower",
            "sfr",
            "cxsc",
            "csc",
            "ssp",
            "link :",
            "logical update queue",
            "stateful obj",
        ];
        // A service module's own line: `<name>, <version>, <status>[, (Monitored)]`.
        let module = line.matches(", ").count() >= 2 && !line.contains(": ");
        module || SKIPPED.iter().any(|p| starts(line, p))
    }

    /// `Ours <r>, Mate <r>|Unknown`.
    fn version_pair(&mut self, n: usize, rest: &str) -> bool {
        let Some(rest) = after(rest, "ours") else {
            self.unread(n, UnreadWhy::Unknown);
            return true;
        };
        let (ours, mate) = rest.split_once(',').unwrap_or((rest, ""));
        let ours = ours.trim().parse::<Release>().ok();
        let mate_text = after(mate.trim(), "mate").unwrap_or("");
        let mate = if mate_text.is_empty() || starts(mate_text, "unknown") {
            None
        } else {
            mate_text
                .split(' ')
                .next()
                .and_then(|m| m.parse::<Release>().ok())
        };
        if ours.is_none() || (mate.is_none() && !starts(mate_text, "unknown")) {
            self.unread(n, UnreadWhy::Release);
        }
        self.block.ours = Some(ours);
        self.block.version_line = n;
        self.block.mate = Some(mate);
        if mate.is_none() && starts(mate_text, "unknown") {
            self.block.mate = Some(None);
        }
        true
    }

    /// `Primary - Active`, `Secondary - Standby Ready`, or `Primary` (Active/Active).
    fn host(&mut self, n: usize, index: usize, rest: &str) {
        self.block.current = Some(index);
        self.block.hosts[index].seen = true;
        self.block.hosts[index].line = n;
        let Some((unit, rest)) = unit_word(rest) else {
            self.unread(n, UnreadWhy::Unknown);
            return;
        };
        self.block.hosts[index].unit = Some(unit);
        if let Some(state) = rest.strip_prefix('-') {
            match state_whole(state.trim_start()) {
                Some(s) => self.block.hosts[index].state = Some(s),
                None => self.unread(n, UnreadWhy::State),
            }
        }
    }

    /// `slot N: <model> hw/sw rev (<hw>/<release>) status (Up Sys)`; other slots are modules.
    fn slot(&mut self, n: usize, rest: &str) -> bool {
        let Some((number, rest)) = rest.split_once(':') else {
            return false;
        };
        if number.trim().parse::<u8>().is_err() {
            return false;
        }
        let rest = rest.trim_start();
        let model = rest.split(' ').next().unwrap_or("");
        let Some(at) = rest.to_ascii_lowercase().find("rev (") else {
            // `slot 0: empty`.
            return true;
        };
        let Some(inner) = balanced(&rest[at + 4..]) else {
            self.unread(n, UnreadWhy::Unknown);
            return true;
        };
        // After the closing parenthesis: `rest[at + 4]` is the opening one.
        let status = rest
            .get(at + 4 + 1 + inner.len() + 1..)
            .unwrap_or("")
            .to_ascii_lowercase();
        let sw = inner.split_once('/').map_or("", |(_, sw)| sw);
        let release = sw.parse::<Release>().ok();
        // The ASA itself: its status says `Sys` (then a release that does not read is said);
        // a line without a status only on an ASA model that names no service module. A
        // module's line (`ASA5585-SSP-SFR20 … (1.0/6.2.3.4) status (Up/Up)`, FirePOWER; CX,
        // IPS, CSC) carries the module's own release, which may read as an ASA release.
        let lower = model.to_ascii_lowercase();
        let module = ["ips", "sfr", "cx", "ssm", "csc", "snort", "diskstatus"]
            .iter()
            .any(|p| lower.contains(p));
        let asa = if status.contains("status") {
            status.contains("sys")
        } else {
            release.is_some() && lower.starts_with("asa") && !module
        };
        if !asa {
            return true; // an IPS, CX or FirePOWER module
        }
        if let Some(h) = self.block.current {
            match release {
                Some(r) => {
                    self.block.hosts[h].slot = Some(r);
                    self.block.hosts[h].slot_line = n;
                }
                None => {
                    self.block.hosts[h].slot_unreadable = true;
                    self.unread(n, UnreadWhy::Release);
                }
            }
        }
        true
    }

    /// `[ctx] Interface <name> (<address>): <state> (<remark>)`: the name and its health.
    fn interface(&self, line: &str) -> Option<(String, Health)> {
        let at = line.to_ascii_lowercase().find("interface ")?;
        let head = &line[..at];
        // Nothing, or one word (the context): `admin Interface inside (…): Normal`.
        if head.trim().contains(' ') {
            return None;
        }
        let rest = &line[at + "interface ".len()..];
        let name = rest.split([' ', '(']).next()?;
        let (_, state) = rest.rsplit_once("): ")?;
        let prefix = head.trim();
        let name = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix} {name}")
        };
        let s = state.to_ascii_lowercase();
        // No address (`0.0.0.0`: a diagnostic or management interface left unnumbered):
        // failover has nothing to test it with, so it stays Waiting (or No Link) for good.
        let unnumbered = rest
            .split_once('(')
            .and_then(|(_, r)| r.split_once(')'))
            .is_some_and(|(address, _)| address.trim() == "0.0.0.0");
        let health = if s.contains("not-monitored") || unnumbered {
            // Not monitored, or not testable: its state decides nothing.
            Health::Normal
        } else if s.starts_with("failed") || s.starts_with("no link") || s.starts_with("link down")
        {
            Health::Failed
        } else if s.contains("waiting") || s.starts_with("unknown") {
            Health::Waiting
        } else if s.starts_with("normal") {
            Health::Normal
        } else {
            return None;
        };
        Some((name, health))
    }

    fn state_line(&mut self, n: usize, line: &str) {
        for (prefix, index) in [("this host", 0), ("other host", 1)] {
            if let Some(rest) = after(line, prefix) {
                if let Some(rest) = rest.strip_prefix('-') {
                    self.state_host(n, index, rest.trim_start());
                    return;
                }
            }
        }
        if starts(line, "====configuration state") {
            self.block.section = Section::Configuration;
            self.block.pending_state = None;
            return;
        }
        if starts(line, "====communication state") {
            self.block.section = Section::Communication;
            return;
        }
        match self.block.section {
            Section::Communication => return,
            Section::Configuration => {
                let sync = if starts(line, "sync done - standby") {
                    Some(ConfigSync::DoneStandby)
                } else if starts(line, "sync done") {
                    Some(ConfigSync::Done)
                } else if starts(line, "sync skipped") {
                    Some(ConfigSync::Skipped)
                } else {
                    None
                };
                match sync {
                    Some(s) => self.block.config_sync = Some(s),
                    None => self.unread(n, UnreadWhy::Unknown),
                }
                return;
            }
            Section::None => {}
        }
        // Active/Active: `Group 1 Active None`.
        if let Some(rest) = after(line, "group") {
            let digits = rest.split(' ').next().unwrap_or("");
            if let (Ok(group), Some(h)) = (digits.parse::<u8>(), self.block.current) {
                match state_prefix(rest[digits.len()..].trim_start()) {
                    Some((s, _)) => self.block.hosts[h].groups.push((group, s)),
                    None => self.unread(n, UnreadWhy::State),
                }
                self.block.pending_state = None;
                return;
            }
        }
        if let Some(h) = self.block.pending_state.take() {
            match state_prefix(line) {
                Some((s, _)) => self.block.hosts[h].state = Some(s),
                None => self.unread(n, UnreadWhy::State),
            }
            return;
        }
        self.unread(n, UnreadWhy::Unknown);
    }

    /// `- Primary` (the state on the next line) or `- Primary Active None` on one line.
    fn state_host(&mut self, n: usize, index: usize, rest: &str) {
        self.block.current = Some(index);
        self.block.hosts[index].seen = true;
        self.block.hosts[index].line = n;
        let Some((unit, rest)) = unit_word(rest) else {
            self.unread(n, UnreadWhy::Unknown);
            return;
        };
        let b = &mut self.block;
        b.hosts[index].unit = Some(unit);
        if index == 0 && b.this_unit.is_none() {
            b.this_unit = Some(unit);
        }
        if rest.is_empty() {
            b.pending_state = Some(index);
        } else {
            match state_prefix(rest) {
                Some((s, _)) => b.hosts[index].state = Some(s),
                None => self.unread(n, UnreadWhy::State),
            }
        }
    }

    fn facts(&mut self, unit: Unit) -> &mut UnitFacts {
        let slot = match unit {
            Unit::Primary => &mut self.primary,
            Unit::Secondary => &mut self.secondary,
        };
        slot.get_or_insert_with(|| UnitFacts::new(unit))
    }

    fn set_release(&mut self, unit: Unit, release: Option<Release>, from: ReleaseFrom) {
        let f = self.facts(unit);
        if f.release_from.is_some_and(|had| had > from) {
            return;
        }
        match release {
            Some(r) => {
                f.release = Some(r);
                f.release_from = Some(from);
                f.release_unreadable = false;
            }
            None if f.release.is_none() => f.release_unreadable = true,
            None => {}
        }
    }

    fn end_block(&mut self) {
        let b = std::mem::take(&mut self.block);
        let index = self.blocks;
        self.blocks += 1;
        match b.kind {
            Kind::Failover | Kind::FailoverState => self.end_failover(index, b),
            Kind::Version | Kind::Bootvar | Kind::Dir => self.versions.push(VersionFacts {
                kind: b.kind,
                boot: b.boot,
                files: b.files,
                index,
                line: b.first_line,
                origin: b.origin,
                release: b.version,
                image: b.image,
                asdm: b.asdm,
                hardware: b.hardware,
            }),
            Kind::None | Kind::Other => {
                // A `Version:` or host line pasted without its output's first line.
                if b.this_unit.is_some() || b.hosts[0].unit.is_some() || b.context_seen {
                    self.end_failover(index, b);
                }
            }
        }
    }

    fn end_failover(&mut self, index: usize, mut b: Block) {
        if let Some(on) = b.failover_on {
            self.failover = Some(on);
            self.readings
                .failover
                .note(Said::Failover(on), b.failover_line);
        }
        if b.context_seen {
            self.context = Some(b.context);
        }
        let this = b.this_unit.or(b.hosts[0].unit);
        let Some(this) = this else {
            if b.ours.is_some() || b.hosts.iter().any(|h| h.seen) {
                self.unread(b.first_line, UnreadWhy::NoUnit);
            }
            return;
        };
        self.facts(this).named = true;
        if let Some(typed_at) = b.origin.typed_at(this) {
            self.sessions.push((index, typed_at));
        }
        // What this output says each unit runs: its `Version:` line's "Ours" (this unit) or
        // "Mate" (the other), else the unit's slot line; a release that reads over one that
        // does not (`None`).
        let mut releases: [Option<(Option<Release>, usize, ReleaseFrom)>; 2] = [None, None];
        let mut offer = |unit: Unit, release: Option<Release>, line: usize, from: ReleaseFrom| {
            let had = &mut releases[ix(unit)];
            let better = match had {
                None => true,
                Some((r, _, f)) => (release.is_some(), from) > (r.is_some(), *f),
            };
            if better {
                *had = Some((release, line, from));
            }
        };
        if let Some(ours) = b.ours {
            offer(this, ours, b.version_line, ReleaseFrom::Version);
        }
        let mut mate_unknown = false;
        match b.mate {
            Some(Some(mate)) => offer(
                other(this),
                Some(mate),
                b.version_line,
                ReleaseFrom::MateVersion,
            ),
            Some(None) => mate_unknown = true,
            None => {}
        }
        for (i, host) in b.hosts.iter().enumerate() {
            let unit = host.unit.unwrap_or(if i == 0 { this } else { other(this) });
            if host.seen && (host.slot.is_some() || host.slot_unreadable) {
                offer(unit, host.slot, host.slot_line, ReleaseFrom::Slot);
            }
        }
        if b.kind == Kind::Failover
            && b.failover_on == Some(true)
            && b.hosts[0].seen
            && !b.hosts[1].seen
            && !b.context_seen
        {
            mate_unknown = true;
        }
        if b.kind == Kind::Failover || b.mate.is_some() {
            self.mate_unknown = mate_unknown;
        }
        // A later output's reading replaces an earlier one's (the paste's order is read as
        // the order the outputs were taken in); each change is kept to be said.
        for unit in [Unit::Primary, Unit::Secondary] {
            match releases[ix(unit)] {
                Some((Some(r), line, from)) => {
                    self.readings.release[ix(unit)].note(Said::Release(r), line);
                    let f = self.facts(unit);
                    // The same release read again keeps the better of its sources.
                    let from = match f.release_from {
                        Some(had) if f.release == Some(r) => had.max(from),
                        _ => from,
                    };
                    f.release = Some(r);
                    f.release_from = Some(from);
                    f.release_unreadable = false;
                }
                Some((None, ..)) => {
                    let f = self.facts(unit);
                    if f.release.is_none() {
                        f.release_unreadable = true;
                    }
                }
                None => {}
            }
        }
        for (i, host) in b.hosts.iter_mut().enumerate() {
            let unit = host.unit.unwrap_or(if i == 0 { this } else { other(this) });
            if !host.seen {
                continue;
            }
            let mut said = None;
            if let Some(state) = host.state {
                said = Some(Said::State(state));
                self.facts(unit).state = Some(state);
            }
            if !host.groups.is_empty() {
                let mut groups = std::mem::take(&mut host.groups);
                groups.sort_by_key(|(g, _)| *g);
                groups.dedup_by_key(|(g, _)| *g);
                said = Some(Said::Groups(groups.clone()));
                self.facts(unit).groups = groups;
            }
            if let Some(said) = said {
                if i == 0 {
                    self.readings.own[ix(unit)] = Some((said.clone(), host.line));
                }
                self.readings.state[ix(unit)].note(said, host.line);
            }
            if !host.interfaces.is_empty() {
                self.facts(unit).interfaces = std::mem::take(&mut host.interfaces);
            }
        }
        if let Some(sync) = b.config_sync {
            self.facts(this).config_sync = Some(sync);
        }
    }

    /// Where the outputs disagree ([`Disagreement`]). The later reading stands (it is already
    /// in the facts), except for the roles when each unit's own output claims the same one:
    /// then each unit keeps what its own output says of it, and that is said instead.
    fn disagreements(&mut self) -> Vec<Disagreement> {
        let r = std::mem::take(&mut self.readings);
        let [release_p, release_s] = r.release;
        let [state_p, state_s] = r.state;
        let mut out: Vec<Disagreement> = [
            r.failover.changed(None),
            release_p.changed(Some(Unit::Primary)),
            release_s.changed(Some(Unit::Secondary)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let states = [
            state_p.changed(Some(Unit::Primary)),
            state_s.changed(Some(Unit::Secondary)),
        ];
        let roles = match r.own {
            [Some((p, lp)), Some((s, ls))] if states.iter().any(Option::is_some) => {
                match (p.role(), s.role()) {
                    (Some(a), Some(b)) if a == b => Some((a, [(p, lp), (s, ls)])),
                    _ => None,
                }
            }
            _ => None,
        };
        match roles {
            Some((role, own)) => {
                let mut lines = [0; 2];
                for (unit, (said, line)) in [Unit::Primary, Unit::Secondary].into_iter().zip(own) {
                    lines[ix(unit)] = line;
                    let f = self.facts(unit);
                    match said {
                        Said::State(state) => f.state = Some(state),
                        Said::Groups(groups) => f.groups = groups,
                        Said::Failover(_) | Said::Release(_) => {}
                    }
                }
                out.push(Disagreement::Roles { role, lines });
            }
            None => out.extend(states.into_iter().flatten()),
        }
        out.sort_by_key(|d| d.lines().first().copied().unwrap_or(0));
        out
    }

    /// The unit a `show version`, `show bootvar` or `dir` output named by no prompt came from,
    /// by the nearest `show failover` of the paste (where the person typed; the earlier one
    /// on a tie).
    fn nearest(&self, v: &VersionFacts) -> Option<Unit> {
        let at = self.sessions.partition_point(|(i, _)| *i < v.index);
        let before = at.checked_sub(1).map(|k| self.sessions[k]);
        let after = self.sessions.get(at).copied();
        let nearest = match (before, after) {
            (Some(b), Some(a)) => {
                if v.index - b.0 <= a.0 - v.index {
                    Some(b.1)
                } else {
                    Some(a.1)
                }
            }
            (b, a) => b.or(a).map(|s| s.1),
        };
        nearest.and_then(|u| v.origin.unit_from(u))
    }

    fn finish(mut self) -> Snapshot {
        self.end_block();
        let versions = std::mem::take(&mut self.versions);
        // Each output's unit: the one its prompt names, else the one the nearest `show
        // failover` was typed at (`true`: by proximity).
        let placed: Vec<(Option<Unit>, bool)> = versions
            .iter()
            .map(|v| match v.origin.unit {
                Some(unit) => (Some(unit), false),
                None => (self.nearest(v), true),
            })
            .collect();
        // Two `show version` outputs given to one unit, one of them by proximity only: they
        // cannot be told apart by unit, and neither proximity one is used (SPEC §14: never
        // guessed).
        let versions_of = |unit: Unit| {
            versions
                .iter()
                .zip(&placed)
                .filter(|(v, (u, _))| v.kind == Kind::Version && *u == Some(unit))
                .count()
        };
        let crowded = [Unit::Primary, Unit::Secondary].map(|u| versions_of(u) > 1);
        // What each unit's release is before any `show version` is taken: a `show failover`
        // line's, then the first `show version` given to it. A later output that says
        // otherwise is a conflict whatever was read between (SPEC §14: in any order).
        let mut said: [Option<Release>; 2] = [&self.primary, &self.secondary].map(|f| {
            f.as_ref()
                .filter(|f| {
                    f.release_from
                        .is_some_and(|from| from < ReleaseFrom::ShowVersion)
                })
                .and_then(|f| f.release)
        });
        for (v, (unit, by_proximity)) in versions.into_iter().zip(placed) {
            let ambiguous = v.kind == Kind::Version
                && by_proximity
                && unit.is_some_and(|u| crowded[usize::from(u == Unit::Secondary)]);
            if ambiguous {
                self.unread(v.line, UnreadWhy::Ambiguous);
                continue;
            }
            if let Some(boot) = &v.boot {
                self.boot = Some(boot.clone());
            }
            let Some(unit) = unit else {
                // Boot lines are the pair's (replicated); a flash listing without its unit
                // says nothing.
                if v.kind == Kind::Version {
                    self.unread(v.line, UnreadWhy::NoUnit);
                    if let Some(Some(release)) = v.release {
                        self.unplaced = Some(release);
                    }
                }
                continue;
            };
            if let Some(Some(release)) = v.release {
                // Given to a unit whose release a `show failover` (or an earlier `show
                // version`) says otherwise: which unit it came from, or when, is uncertain
                // (SPEC §14: releases are never guessed). That output is not used.
                let known = &mut said[usize::from(unit == Unit::Secondary)];
                if known.is_some_and(|had| had != release) {
                    self.unread(v.line, UnreadWhy::Conflict);
                    continue;
                }
                *known = Some(release);
            }
            if let Some(boot) = v.boot {
                self.facts(unit).boot = boot;
            }
            if !v.files.is_empty() {
                self.facts(unit).files = v.files;
            }
            if let Some(release) = v.release {
                self.set_release(unit, release, ReleaseFrom::ShowVersion);
            }
            let f = self.facts(unit);
            if v.image.is_some() {
                f.image = v.image;
            }
            if v.asdm.is_some() {
                f.asdm = v.asdm;
            }
            if v.hardware.is_some() {
                f.hardware = v.hardware;
            }
        }
        for (unit, role) in [Unit::Primary, Unit::Secondary]
            .into_iter()
            .zip(self.prompt_roles)
        {
            if role.is_some() {
                self.facts(unit).prompt_role = role;
            }
        }
        let disagreements = self.disagreements();
        // A later output that shows the mate settles an earlier `Mate Unknown`.
        self.unread.sort_by_key(|u| u.line);
        self.unread.dedup();
        Snapshot {
            failover: self.failover,
            primary: self
                .primary
                .unwrap_or_else(|| UnitFacts::new(Unit::Primary)),
            secondary: self
                .secondary
                .unwrap_or_else(|| UnitFacts::new(Unit::Secondary)),
            mate_unknown: self.mate_unknown,
            context: self.context,
            unplaced: self.unplaced,
            boot: self.boot,
            seen: self.seen,
            unread: self.unread,
            disagreements,
        }
    }
}

enum Health {
    Normal,
    Waiting,
    Failed,
}
