//! Every sentence a person reads about a plan, written once: the page (`plan_html`,
//! `runbook_html`, the verdict) and the Markdown export use these, so a verdict, a hop note or
//! a warning cannot say one thing on screen and another in the change ticket. Sentences may
//! hold `backtick` spans (commands); each medium renders them its own way. Sources come apart
//! from the text, so each medium can link them.

use crate::domain::custom_list::{ListProblem, MAX_ENTRIES};
use crate::domain::fleet::{LineProblem, FIELDS};
use crate::domain::plan::{HopNote, Unused, Verdict};
use crate::domain::presets::Exclusion;
use crate::domain::query::{quoted, LinkProblem, Notice};
use crate::domain::release::{Release, Train};
use crate::domain::release_text::{Reading, Source as ReadSource};
use crate::domain::rules::{Block, Rule, RuleSet};
use crate::domain::runbook::{
    DoubtfulName, ImageDoubt, NameProblem, UnusedName, ASDM_KEY_PREFIX, SERVER_PLACEHOLDER,
};
use crate::domain::session::{
    Asked, FieldProblem, Hint, HopFacts, HopWarning, Mark, Note, Origin, PlatformLimit, Problem,
    Session,
};
use crate::domain::sources::{
    Source, GUIDE_8X, GUIDE_92_UPGRADE, PATH_TABLE_91, SCC_HA_UPGRADE, UPGRADE_PLANNING,
};
use std::fmt;

/// A problem with an input, as the page, the Markdown and the command line say it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::EmptyList => f.write_str(
                "the custom release list has no release that reads: enter releases such as \
                 9.8(4), 9.12(4), or clear the list to use the built-in catalog",
            ),
            Problem::UnknownPreset { id, known, using } => write!(
                f,
                "unknown preset \"{id}\": use one of {}; using {using}",
                known.join(", ")
            ),
            Problem::UnknownTrains(trains) => {
                let plural = if trains.len() == 1 { "train" } else { "trains" };
                write!(f, "{plural} {} not in the catalog: ignored", joined(trains))
            }
            Problem::ViaUnused { release, why } => write!(f, "via {release} is not used: {why}"),
            Problem::ViaUnread { text, why } => write!(f, "via \"{text}\" is not used: {why}"),
            Problem::EndTrainOff(train) => write!(
                f,
                "train {train} is switched off: switch it on to plan through it"
            ),
            Problem::EndTrainExcluded {
                train,
                preset,
                exclusion,
                with,
            } => {
                let reason = exclusion.map_or_else(
                    || "it is switched off".to_owned(),
                    |e| format!("{} ({})", e.reason, exclusion_basis(e)),
                );
                write!(
                    f,
                    "train {train} is left out by the preset {preset}: {reason}. Switch {train} \
                     on under trains, or choose a preset that has it ({})",
                    with.join(", ")
                )
            }
            Problem::PinsBlock {
                pins,
                hops,
                blocked,
            } => {
                write!(f, "{} leaves no zero-downtime path", chosen_releases(pins))?;
                if let Some((from, to, block)) = blocked {
                    write!(f, " ({from} → {to} is blocked: {block})")?;
                }
                write!(
                    f,
                    "; the recommended releases give {}: use them, or choose another release",
                    plural(*hops, "hop", "hops")
                )
            }
            Problem::NothingRecommended(train) => write!(
                f,
                "train {train} has only withdrawn or pre-release builds, which are never \
                 recommended: to go through it anyway, pick one of them as the via release for \
                 {train}"
            ),
            Problem::ModelDoesNotRun {
                platform,
                exclusions,
                asked,
            } => {
                let trains: Vec<Train> = exclusions.iter().map(|e| e.train).collect();
                let it = if trains.len() == 1 { "it" } else { "them" };
                let why: Vec<String> = exclusions
                    .iter()
                    .map(|e| format!("{} ({})", e.reason, exclusion_basis(e)))
                    .collect();
                let (label, trains, why) = (platform.label(), joined(&trains), why.join("; "));
                match asked {
                    Asked::Preset(id) => write!(
                        f,
                        "the {label} does not run {trains}, which the preset {id} keeps: {why}. \
                         No plan goes through {it} on this model"
                    ),
                    Asked::Trains => write!(
                        f,
                        "the {label} does not run {trains}, which the trains picked by hand \
                         include: {why}. No plan goes through {it} on this model"
                    ),
                    Asked::End => write!(
                        f,
                        "the {label} does not run {trains}: {why}. Choose another model, or \
                         none, to plan from or to {it}"
                    ),
                }
            }
        }
    }
}

/// A release field's problem, as the field, the Markdown and the command line say it.
impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Blank(Hint::Current) => {
                f.write_str("enter the current release, e.g. 9.8(4)")
            }
            FieldProblem::Blank(Hint::Target) => {
                f.write_str("enter the target release, e.g. 9.12(4)")
            }
            FieldProblem::Unread(e) => write!(f, "{e}"),
            FieldProblem::NoTrain { train, nearest } if nearest.is_empty() => {
                write!(f, "no train {train} in the catalog")
            }
            FieldProblem::NoTrain { train, nearest } => write!(
                f,
                "no train {train} in the catalog (nearest: {})",
                joined(nearest)
            ),
        }
    }
}

/// Why the chosen model refuses a typed release, as the verdict, the command line's text and
/// the JSON's `platform-limit` warning say it ([`platform::limit`]).
impl fmt::Display for PlatformLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&platform::limit(self))
    }
}

/// A model's procedure notice as the JSON's `procedure` warning says it: the runbook's
/// words, without the code marks (plain text, as the command line prints it).
impl fmt::Display for crate::domain::platform::ProcedureNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&platform::procedure(*self).replace('`', ""))
    }
}

/// A plan-wide note as the page and the text say it (the JSON's `no-single-box` reason).
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&note(self))
    }
}

/// What was ignored in a link and why, as the banner and the command line say it (each
/// message names its key).
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = &self.key;
        match &self.problem {
            LinkProblem::Repeated => {
                write!(f, "{key} is given more than once: the last one is used")
            }
            LinkProblem::UnknownKey => write!(f, "unknown key {} was ignored", quoted(key)),
            LinkProblem::Platform(e) => write!(f, "platform {e}: it was ignored"),
            LinkProblem::Preset(v) => {
                let ids: Vec<&str> = crate::domain::presets::PRESETS
                    .iter()
                    .map(|p| p.id)
                    .collect();
                write!(
                    f,
                    "preset {} is not a preset ({}): it was ignored",
                    quoted(v),
                    or_list(&ids)
                )
            }
            LinkProblem::Mode(v) => write!(
                f,
                "mode {} is not a failover mode (active-standby or active-active): it was ignored",
                quoted(v)
            ),
            LinkProblem::Rules(v) => write!(
                f,
                "rules {} is not a rule set (table-81-1 or guide-9x): it was ignored",
                quoted(v)
            ),
            LinkProblem::Interim(v) => write!(
                f,
                "interim {} is not 1, 0, true or false: it was ignored",
                quoted(v)
            ),
            LinkProblem::Contexts(v) => write!(
                f,
                "contexts {} is not multi or single: it was ignored",
                quoted(v)
            ),
            LinkProblem::Minutes(v) => write!(f, "min {}: it was ignored", minutes_refused(v)),
            LinkProblem::Train { item, error } => write!(
                f,
                "trains: {} is not a train ({error}): the list was ignored",
                quoted(item)
            ),
            LinkProblem::Version(v) => write!(
                f,
                "version {} is not a format version: the link was read as v{}",
                quoted(v),
                crate::domain::query::VERSION
            ),
            LinkProblem::NewerVersion { v, read_as } => write!(
                f,
                "this link was made by a newer version of the planner (format v{v}): it was read \
                 as v{read_as}, so parts of it may be missing"
            ),
            LinkProblem::Name { name, problem } => write!(
                f,
                "{key}: {} {}: the commands do not use it (the runbook's field keeps it)",
                quoted(name),
                name_problem(*problem)
            ),
            LinkProblem::Files { key, items } => {
                write!(
                f,
                "{key}: {} is not release:file (e.g. 9.12(4):asa9-12-4-smp-k8.bin): the list was \
                 ignored",
                items.iter().map(|i| quoted(i)).collect::<Vec<_>>().join(", ")
            )
            }
        }
    }
}

/// What the banner says of saved state that read in part (`stored::read`): the lines dropped
/// and why, the rest kept; a missing end; a newer version's record left as it is. `None` when
/// the record read whole.
pub fn saved_state_read(read: &crate::domain::stored::Read) -> Option<String> {
    use crate::domain::stored::Unread;
    /// How many dropped lines a message names.
    const LISTED: usize = 5;
    let lines = |dropped: &[Unread]| {
        let named: Vec<String> = dropped
            .iter()
            .take(LISTED)
            .map(ToString::to_string)
            .collect();
        let more = if dropped.len() > named.len() {
            "; …"
        } else {
            ""
        };
        format!("{}{more}", named.join("; "))
    };
    let (cut, dropped): (Vec<Unread>, Vec<Unread>) = read
        .dropped
        .iter()
        .cloned()
        .partition(|u| matches!(u, Unread::Truncated));
    if let Some(header) = &read.newer {
        // Nothing is dropped: the record stays as it is.
        let unread = if dropped.is_empty() {
            String::new()
        } else {
            format!(" (not {})", lines(&dropped))
        };
        return Some(format!(
            "saved state was written by a newer version of the planner ('{header}'): this page \
             read what it knows of it{unread} and does not save over it, so nothing of it is \
             lost; what changes here is not kept between visits"
        ));
    }
    let mut parts = Vec::new();
    if !read.loose.is_empty() {
        parts.push(loose_lines("saved state", &read.loose));
    }
    if !dropped.is_empty() {
        let (count, it) = match dropped.len() {
            1 => ("a line".to_owned(), "it was"),
            n => (format!("{n} lines"), "they were"),
        };
        parts.push(format!(
            "saved state had {count} that could not be read ({}): {it} dropped, the rest was \
             kept",
            lines(&dropped)
        ));
    }
    if !cut.is_empty() {
        parts.push(
            "saved state has no end line, so it may be cut short: every line of it that reads \
             was kept, the last one perhaps not whole"
                .to_owned(),
        );
    }
    (!parts.is_empty()).then(|| {
        format!(
            "{}; the saved text is left as it is until you change something here",
            parts.join("; ")
        )
    })
}

/// What a saved text (`what`: "saved state", "the saved fleet") says of its lines kept with a
/// bad escape (`stored::Read::loose`): where, and that the escape was kept as written.
pub fn loose_lines(what: &str, loose: &[crate::domain::stored::Loose]) -> String {
    let named: Vec<String> = loose.iter().take(5).map(ToString::to_string).collect();
    let more = if loose.len() > named.len() {
        "; …"
    } else {
        ""
    };
    let (count, it) = match loose.len() {
        1 => ("a line", "it was"),
        _ => ("lines", "they were"),
    };
    format!(
        "{what} had {count} with a bad escape ({}{more}): {it} kept as written, each bad escape \
         as its own characters, for you to check",
        named.join("; ")
    )
}

/// What of this plan's saved ticks was not read (SPEC §11), as the banner says it.
impl fmt::Display for crate::domain::ticks::Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count > 0 {
            let listed: Vec<String> = self.lines.iter().map(usize::to_string).collect();
            let more = if self.count > self.lines.len() {
                ", …"
            } else {
                ""
            };
            write!(
                f,
                "the ticked steps saved for this plan had {} that could not be read ({} {}{more}): \
                 {} dropped, the other ticks are kept",
                plural(self.count, "line", "lines"),
                if self.lines.len() == 1 { "line" } else { "lines" },
                listed.join(", "),
                if self.count == 1 { "it was" } else { "they were" },
            )?;
        }
        if self.cut {
            if self.count > 0 {
                f.write_str("; ")?;
            }
            write!(
                f,
                "only the first {} ticked steps saved for this plan were read",
                crate::domain::ticks::MAX_TICKS
            )?;
        }
        Ok(())
    }
}

/// "the release chosen by hand, 8.4(6)" / "the releases chosen by hand, 8.4(6) and 9.0(2)".
fn chosen_releases(pins: &[Release]) -> String {
    let names: Vec<String> = pins.iter().map(Release::to_string).collect();
    let list = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    };
    if pins.len() == 1 {
        format!("the release chosen by hand, {list},")
    } else {
        format!("the releases chosen by hand, {list},")
    }
}

/// "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// What is wrong with an entry of a pasted list, as the page and the Markdown say it.
impl fmt::Display for ListProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListProblem::TooMany => write!(
                f,
                "too many entries: only the first {MAX_ENTRIES} are used, the rest are ignored"
            ),
            ListProblem::Unread(e) => write!(f, "{e}"),
        }
    }
}

/// Why a via release is not used, as the page, the Markdown and the command line say it.
impl fmt::Display for Unused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unused::EndTrain(train) => write!(
                f,
                "{train} is where the plan starts or ends, not a step between"
            ),
            Unused::NotOnTheWay { train, a, b } => {
                write!(f, "{train} is not a step on the way from {a} to {b}")
            }
            Unused::NotOnPlan(train) => write!(f, "{train} is not on the plan"),
            Unused::AlreadyPicked { kept, train } => {
                write!(f, "{kept} is already the pick for {train}")
            }
            Unused::NotBetween { release, from, to } => {
                write!(f, "{release} is not between {from} and {to}")
            }
            Unused::NoGuideStop(train) => write!(
                f,
                "the fewest hops under Cisco's 9.x guidance do not stop in {train}"
            ),
            Unused::NoPairStop(train) => write!(
                f,
                "the fewest hops both units can take do not stop in {train}"
            ),
        }
    }
}

/// What is wrong with a fleet line's field or a fleet-wide setting, as the fleet view, its
/// exports and the command line say it.
impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::NoName => f.write_str("empty: every pair needs a name"),
            LineProblem::NoUnit1 => {
                f.write_str("empty: enter the release the first unit runs, e.g. 9.8(4)")
            }
            LineProblem::NoTarget => f.write_str(
                "empty, and the fleet has no target: give one on the line or for the whole fleet",
            ),
            LineProblem::Unread(e) => write!(f, "{e}"),
            LineProblem::Field(p) => write!(f, "{p}"),
            LineProblem::Mode(text) => write!(
                f,
                "{} is not a failover mode: active-standby or active-active",
                quoted(text)
            ),
            LineProblem::UnknownPreset { text, known } => write!(
                f,
                "unknown preset {}: use one of {}",
                quoted(text),
                known.join(", ")
            ),
            LineProblem::Platform(e) => write!(f, "{e}"),
            LineProblem::Extra { fields } => write!(
                f,
                "{fields} fields; a line has at most {}: {}",
                FIELDS.len(),
                FIELDS.join(", ")
            ),
            LineProblem::UnknownColumnValue(name) if name.is_empty() => f.write_str(
                "a value under a column the header leaves unnamed: name the column or move the value",
            ),
            LineProblem::UnknownColumnValue(name) => write!(
                f,
                "a value under the header's column {}, which is not a field: the line is not planned",
                quoted(name)
            ),
            LineProblem::UnusableDefault(setting) => write!(
                f,
                "empty, and the {setting} for the whole fleet cannot be used: give one on the line \
                 or correct the fleet's {setting}"
            ),
            LineProblem::UnclosedQuote => f.write_str(
                "a quoted field is never closed: this line is not planned, the lines after it are \
                 read on their own (close the quote, or double a quote inside a quoted field)",
            ),
            LineProblem::Separator(c) => write!(
                f,
                "one field holding {}: the fields are separated by commas ({})",
                match c {
                    ';' => "semicolons",
                    '\t' => "tabs",
                    _ => "another separator",
                },
                FIELDS.join(",")
            ),
            LineProblem::UnknownColumn(name) => write!(
                f,
                "the header's column {} is not a field: the fields are {}",
                quoted(name),
                FIELDS.join(", ")
            ),
            LineProblem::RepeatedColumn(name) => {
                write!(f, "the header names the column {name} twice")
            }
            LineProblem::MissingColumn(name) => {
                write!(f, "the header has no {name} column: every line needs one")
            }
        }
    }
}

/// Trains joined with ", ".
fn joined(trains: &[Train]) -> String {
    trains
        .iter()
        .map(Train::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl crate::domain::caveats::Kind {
    /// A few words for a label: "configuration migration", …
    pub fn label(self) -> &'static str {
        use crate::domain::caveats::Kind;
        match self {
            Kind::Migration => "configuration migration",
            Kind::Change => "configuration change",
            Kind::OneWay => "one-way upgrade",
            Kind::NoZeroDowntime => "not zero-downtime",
            Kind::Unclear => "unclear in Cisco's note",
        }
    }
}

impl crate::domain::rules::RuleSet {
    /// How a person names it.
    pub fn label(self) -> &'static str {
        match self {
            RuleSet::Table811 => "Table 81-1 of Cisco's 8.x configuration guide",
            RuleSet::Guide9x => "Cisco's guidance by release era",
        }
    }
}

impl crate::domain::runbook::Mode {
    /// How a person names it: "Active/Standby" | "Active/Active".
    pub fn label(self) -> &'static str {
        use crate::domain::runbook::Mode;
        match self {
            Mode::ActiveStandby => "Active/Standby",
            Mode::ActiveActive => "Active/Active",
        }
    }
}

impl crate::domain::runbook::Unit {
    /// "primary unit" | "secondary unit".
    pub fn label(self) -> &'static str {
        use crate::domain::runbook::Unit;
        match self {
            Unit::Primary => "primary unit",
            Unit::Secondary => "secondary unit",
        }
    }
}

impl crate::domain::runbook::Role {
    /// Where to type it, for a person: "the active unit", "each unit", …
    pub fn label(self) -> &'static str {
        use crate::domain::runbook::Role;
        match self {
            Role::Active => "the active unit",
            Role::Standby => "the standby unit",
            Role::Primary => "the primary unit",
            Role::Secondary => "the secondary unit",
            Role::Both => "each unit",
        }
    }
}

/// The rule in words.
pub fn rule(rule: Rule) -> &'static str {
    match rule {
        Rule::Maintenance => "maintenance release upgrade (same train)",
        Rule::Minor => "minor release upgrade (next train)",
        Rule::Major => "major release upgrade (last minor to the next major)",
        Rule::Direct => "direct upgrade (no exception of Cisco's 9.x guidance applies)",
    }
}

/// A hop note in words.
pub fn hop_note(note: &HopNote) -> String {
    match note {
        HopNote::NotInCatalog(r) => format!("{r} is not in the catalog: planned as if listed."),
        HopNote::Withdrawn(r) => {
            format!("{r} was withdrawn by Cisco: never recommended; choose another release.")
        }
        HopNote::PreRelease(r) => format!(
            "{r} is a pre-release build (listed by Cisco advisories, never orderable): never \
             recommended; choose another release."
        ),
    }
}

/// A typed release's mark.
/// Why a typed name is not pasted (after the name it is about).
pub fn name_problem(problem: NameProblem) -> &'static str {
    match problem {
        NameProblem::Blank => "holds a blank, and the runbook pastes a name as one word",
        NameProblem::Invisible => {
            "holds a character that shows as nothing (a zero-width space or the like), so the \
             unit would look for a file or host other than the one you read"
        }
        NameProblem::Control => {
            "holds a line break or another control character, which would start another \
             command where the runbook pastes it"
        }
        NameProblem::Path => {
            "holds a path: type the file name alone, as 'dir disk0:' lists it (the runbook \
             writes 'disk0:/' before it; a folder on the TFTP server goes in the server field, \
             after the host)"
        }
        NameProblem::Scheme => {
            "holds a scheme or a device ('tftp://', 'tftp:', 'disk0:'): type the host alone, \
             with a folder after it if any (10.0.0.5/images); the runbook writes 'tftp://' \
             itself"
        }
        NameProblem::Ipv6 => {
            "is an IPv6 address: type it in brackets ([2001:db8::5]), as a URL needs it, or \
             its colons would read as a port"
        }
        NameProblem::Folder => {
            "is not a host with a folder after it: type the host first, then a folder after \
             one slash if any (10.0.0.5/images), with no empty folder ('//') or backslash"
        }
    }
}

/// A typed image name the commands use although it may not be the file it is typed for
/// (`runbook::doubtful_names`): the page's runbook panel and the command line's warnings.
impl fmt::Display for DoubtfulName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, release) = match self.key.strip_prefix(ASDM_KEY_PREFIX) {
            Some(release) => (format!("The ASDM image for {release}"), release),
            None => (format!("The image of {}", self.key), self.key.as_str()),
        };
        let name = quoted(&self.name);
        match self.doubt {
            ImageDoubt::OtherRelease(read) => write!(
                f,
                "{what} {name} reads as release {read}, not {release}: check it is the file \
                 you mean (a renamed file?); the commands use it as typed."
            ),
            // An ASDM image's name is not read for a release: only its ending counts.
            ImageDoubt::NotAnImage if self.key.starts_with(ASDM_KEY_PREFIX) => write!(
                f,
                "{what} {name} has no image file ending (.bin): it may not be an image; the \
                 commands use it as typed."
            ),
            ImageDoubt::NotAnImage => write!(
                f,
                "{what} {name} names no release and has no image file ending (.bin, .SPA, \
                 .csp, .pkg): it may not be an image; the commands use it as typed."
            ),
            ImageDoubt::AsdmFile => write!(
                f,
                "{what} {name} reads as an ASDM image, not an ASA image: a unit told to boot \
                 it does not boot {release}. Check the image fields (the ASA and ASDM names \
                 swapped?); the commands use it as typed."
            ),
            ImageDoubt::AsaFile(read) => write!(
                f,
                "{what} {name} reads as the ASA image of {read}, not an ASDM image: ASDM does \
                 not load from it. Check the image fields (the ASA and ASDM names swapped?); \
                 the commands use it as typed."
            ),
        }
    }
}

/// A typed name the runbook does not use, and what it uses instead.
pub fn unused_name(unused: &UnusedName) -> String {
    let (what, instead) = match unused.key.strip_prefix(ASDM_KEY_PREFIX) {
        _ if unused.key.is_empty() => ("The TFTP server".to_owned(), SERVER_PLACEHOLDER),
        Some(release) => (format!("The ASDM image for {release}"), "no ASDM image"),
        None => (format!("The image of {}", unused.key), "the default name"),
    };
    format!(
        "{what} {} {}: it is not used, the commands show {instead}.",
        quoted(&unused.name),
        name_problem(unused.problem)
    )
}

pub fn mark(mark: Mark) -> &'static str {
    match mark {
        Mark::NotInCatalog => "not in catalog",
        Mark::Withdrawn => "withdrawn by Cisco (never recommended)",
        Mark::PreRelease => "pre-release build, never orderable (never recommended)",
    }
}

/// How the exports name a release field: "Current release" (or "Primary unit" when the pair's
/// units differ), "Secondary unit", "Target release".
pub fn field_label(field: Origin, mismatched: bool) -> &'static str {
    match field {
        Origin::From if mismatched => "Primary unit",
        Origin::From2 => "Secondary unit",
        Origin::To => "Target release",
        _ => "Current release",
    }
}

/// The train set a plan uses, as the exports name it: "preset asa5500", "trains chosen by hand:
/// 8.2, 8.4 and 9.0", or "the trains of the list".
pub fn train_set(session: &Session) -> String {
    if session.custom {
        "the trains of the list".to_owned()
    } else if session.trains_by_hand {
        let on: Vec<Train> = session
            .trains
            .iter()
            .filter(|t| t.enabled)
            .map(|t| t.train)
            .collect();
        format!("trains chosen by hand: {}", trains(&on))
    } else {
        format!("preset {}", session.preset.id)
    }
}

/// Said wherever a what-if preset in force is named (SPEC §5): "The preset all is a what-if: no
/// single platform runs 8.1, 8.5, 8.6 and 8.7." `None` for a platform's preset, and where the
/// preset is not in force (trains chosen by hand, or a custom list).
pub fn what_if(session: &Session) -> Option<String> {
    if session.custom || session.trains_by_hand {
        return None;
    }
    let preset = session.preset;
    let trains = preset.what_if_trains()?;
    Some(format!(
        "The preset {} is a what-if: no single platform runs {}.",
        preset.id,
        self::trains(&trains)
    ))
}

/// What a release field read, when it was more than a plain release (SPEC §2): "read
/// 9.12(4)37 from an image file name". `None` for a release typed as such.
pub fn release_read(reading: &Reading) -> Option<String> {
    let from = match reading.source {
        ReadSource::Plain => return None,
        ReadSource::ShowVersion => "the first line of `show version`",
        ReadSource::FailoverVersion => "the `Version:` line of `show failover` (\"Ours\")",
        ReadSource::ImageFile => "an image file name",
    };
    Some(format!("read {} from {from}", reading.release))
}

/// The mate's release a `Version: Ours …, Mate …` line offers for the second unit.
pub fn mate_offer(mate: Release) -> String {
    format!("the mate runs {mate}: use it as the second unit's release")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Trains as a list: "7.1", "8.3, 8.4 and 9.0".
pub fn trains(list: &[Train]) -> String {
    let names: Vec<String> = list.iter().map(Train::to_string).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// "holds only if 8.3 and 9.0 do not exist for your platform" (SPEC §4: trains switched off
/// that a plan passes over).
fn holds_only_if(off: &[Train]) -> String {
    format!(
        "holds only if {} {} not exist for your platform",
        trains(off),
        if off.len() == 1 { "does" } else { "do" }
    )
}

/// The verdict in one sentence, naming the release the plan starts from.
pub fn verdict(session: &Session) -> String {
    let start = session.start.map(|r| r.to_string()).unwrap_or_default();
    let to = session
        .to
        .release
        .map(|r| r.to_string())
        .unwrap_or_default();
    match session.verdict {
        Verdict::Ok => {
            let hops = plural(session.hops().len(), "hop", "hops");
            let doubted = not_zero_downtime(session);
            let mut text = if doubted.is_empty() {
                format!("Zero-downtime upgrade from {start} to {to} in {hops}.")
            } else {
                // SPEC §3.3: legal by the table, never read as a plain zero-downtime upgrade.
                let (which, bugs) = doubted_hops(session, &doubted);
                let mut text = format!(
                    "Legal by Table 81-1 from {start} to {to} in {hops}, but Cisco later said \
                     {which} not zero-downtime ({bugs}): this is not a zero-downtime upgrade as \
                     planned."
                );
                if let Some(other) = other_rules(session) {
                    text.push(' ');
                    text.push_str(&other);
                }
                text
            };
            if let Some(Note::TrainsOff(off)) = session
                .notes
                .iter()
                .find(|n| matches!(n, Note::TrainsOff(_)))
            {
                text.push_str(&format!(" It {}.", holds_only_if(off)));
            }
            text
        }
        Verdict::Same if session.from2.is_some() => {
            format!("Nothing to do: both units already run {to}.")
        }
        Verdict::Same => format!("Nothing to do: the pair already runs {to}."),
        Verdict::Downgrade => match session.past_target {
            Some((unit, on)) if session.from2.is_some() => format!(
                "No zero-downtime path: the {} runs {on}, past the target {to}; taking it \
                 to {to} is a downgrade, which needs an outage.",
                unit.label()
            ),
            _ => format!(
                "No zero-downtime path: {to} is older than {start}; a downgrade needs an outage."
            ),
        },
        Verdict::NoPath if !session.platform_limits.is_empty() => {
            let limits: Vec<String> = session
                .platform_limits
                .iter()
                .map(platform::limit)
                .collect();
            format!("Not planned: {}", limits.join(" "))
        }
        Verdict::NoPath if pins_block(session).is_some() => {
            // SPEC §4, §11: the person's own choice is what blocks; say so, not another cause.
            let Some(Problem::PinsBlock {
                pins,
                hops,
                blocked,
            }) = pins_block(session)
            else {
                return String::new();
            };
            let mut text = format!(
                "No zero-downtime path from {start} to {to} through {}",
                chosen_releases(pins).trim_end_matches(',')
            );
            match blocked {
                Some((from, to, block)) => {
                    text.push_str(&format!(": {from} → {to} is blocked: {block}."))
                }
                None => text.push('.'),
            }
            text.push_str(&format!(
                " With the recommended releases the plan has {}: use them, or choose another \
                 release to land on.",
                plural(*hops, "hop", "hops")
            ));
            text
        }
        Verdict::NoPath => match (no_path_reason(session), &session.unjoinable) {
            // SPEC §4: the newer unit of a mismatched pair can join no plan.
            (Some(why), Some(u)) => format!(
                "No zero-downtime path from {start} to {to} that the {}, on {}, can join: {why}.",
                u.unit.label(),
                u.from
            ),
            // SPEC §3.2: an exception's no-path names the bug and what Cisco says instead.
            (Some(why), None) => format!("No zero-downtime path from {start} to {to}: {why}."),
            (None, _) => format!(
                "No zero-downtime path from {start} to {to} with the trains in use; switch \
                 trains on or change the preset."
            ),
        },
        Verdict::Empty => "Enter the release the pair runs now (the first line of `show version`) \
            and the target release, or open an example below."
            .to_owned(),
        Verdict::Invalid => {
            "Check the releases entered: see the messages under the fields.".to_owned()
        }
    }
}

/// The hops (0-based) that carry a caveat of Cisco's saying the hop is not zero-downtime
/// (SPEC §3.3; only Table 81-1 plans such hops).
pub fn not_zero_downtime(session: &Session) -> Vec<usize> {
    session
        .hop_facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.caveats.iter().any(|c| c.blocking()))
        .map(|(i, _)| i)
        .collect()
}

/// What is written in place of hop `i`'s runbook when Cisco later said the hop is not
/// zero-downtime (SPEC §3.3, §3.2 item 2): no standby-first steps, and where to go instead.
pub fn hop_stop(session: &Session, i: usize) -> Option<String> {
    if !not_zero_downtime(session).contains(&i) {
        return None;
    }
    let (which, bugs) = doubted_hops(session, &[i]);
    let outage = session
        .notes
        .iter()
        .any(|n| matches!(n, Note::OutagePlan { .. }));
    let instead = if outage {
        "Follow the outage plan in the notes instead: Cisco's own way, in a maintenance window."
    } else {
        "Plan it as an outage in a maintenance window, or follow the plan under Cisco's \
         guidance by release era, which goes another way where it can."
    };
    Some(format!(
        "Stop: Cisco later said {which} not zero-downtime ({bugs}), so no zero-downtime steps \
         are written for it: reloading the standby first and failing over would not keep the \
         traffic up. {instead}"
    ))
}

/// Hop `i` as a doubted hop: its releases, or, when Cisco ruled out only the hop a mismatched
/// pair's newer unit makes onto it, that unit's ("the secondary unit's 9.1(1) → 9.1(7)").
fn doubted_hop(session: &Session, i: usize) -> String {
    let Some(hop) = session.hops().get(i) else {
        return String::new();
    };
    let ruled_out = |from| {
        session.hop_facts.get(i).is_some_and(|f| {
            f.caveats
                .iter()
                .any(|c| c.blocking() && c.belongs_to(from, hop.to))
        })
    };
    let joining = session.hop_facts.get(i).and_then(|f| {
        f.reloads
            .iter()
            .find(|u| u.from != hop.from && ruled_out(u.from) && !ruled_out(hop.from))
    });
    match joining {
        Some(u) => format!("the {}'s {} → {}", u.unit.label(), u.from, hop.to),
        None => format!("{} → {}", hop.from, hop.to),
    }
}

/// "this hop is" / "hop 2 (8.4(5) → 8.4(6)) is" / "hops 1 and 3 are", and the bugs named.
fn doubted_hops(session: &Session, doubted: &[usize]) -> (String, String) {
    let which = match doubted {
        [i] if session.hops().len() == 1 => format!("this hop ({}) is", doubted_hop(session, *i)),
        [i] => format!("hop {} ({}) is", i + 1, doubted_hop(session, *i)),
        _ => {
            let n: Vec<String> = doubted.iter().map(|i| (i + 1).to_string()).collect();
            format!("hops {} are", n.join(", "))
        }
    };
    let mut bugs: Vec<&str> = doubted
        .iter()
        .filter_map(|&i| session.hop_facts.get(i))
        .flat_map(|f| f.caveats.iter().filter(|c| c.blocking()))
        .filter_map(|c| c.bug())
        .collect();
    bugs.sort_unstable();
    bugs.dedup();
    (which, bugs.join(", "))
}

/// The chosen intermediate releases that leave no path ([`Problem::PinsBlock`]), if they do.
fn pins_block(session: &Session) -> Option<&Problem> {
    session
        .messages
        .iter()
        .map(|m| &m.problem)
        .find(|p| matches!(p, Problem::PinsBlock { .. }))
}

/// Why there is no path when the newer unit of a mismatched pair cannot join (its hop's reason),
/// or one of Cisco's exceptions is the cause (under the guidance by release era): the
/// exception's reason, naming the bug and what Cisco says instead.
fn no_path_reason(session: &Session) -> Option<String> {
    let reason = match &session.unjoinable {
        Some(u) => u.block.to_string(),
        None if session.rules == RuleSet::Guide9x => {
            let (start, to) = (session.start?, session.to.release?);
            crate::domain::rules::exception(start, to)?.reason_for(start, to)
        }
        None => return None,
    };
    let off = session.messages.iter().any(|m| {
        matches!(
            m.origin,
            crate::domain::session::Origin::Trains | crate::domain::session::Origin::Preset
        )
    });
    Some(if off {
        format!("{reason}; and some trains are switched off: switch them on or change the preset")
    } else {
        reason
    })
}

/// What the session says is wrong with the values a link (or the plan saved here) gave, beyond
/// what reading the link already reported, each a sentence for the error banner (SPEC §8: a
/// bad value shows an error banner): trains it names that the catalog lacks, a train set that
/// leaves every train off (`trains_given`: the link has `trains=`), and intermediate picks that
/// do not read or are not used. They are also said where they apply (the trains, the plan).
pub fn link_value_problems(session: &Session, trains_given: bool) -> Vec<String> {
    // Each line names its key, as the link's notices do (the via messages start with it).
    let mut out: Vec<String> = session
        .messages
        .iter()
        .filter_map(|m| match m.problem {
            Problem::UnknownTrains(_) => Some(format!("trains: {}", m.text)),
            Problem::ViaUnread { .. } | Problem::ViaUnused { .. } => Some(m.text.clone()),
            _ => None,
        })
        .collect();
    if trains_given && !session.trains.iter().any(|t| t.enabled) {
        out.insert(
            0,
            "trains: no train of the catalog is in the list, so every train is switched off and \
             nothing can be planned: switch trains on, or use the preset's trains"
                .to_owned(),
        );
    }
    out
}

/// The other rule set's answer in a sentence: "Under Cisco's 9.x upgrade guidance: 1 hop
/// (9.8(4) → 9.20(3))." or why it has none.
pub fn other_rules(session: &Session) -> Option<String> {
    let other = session.other.as_ref()?;
    let label = other.rules.label();
    Some(match other.verdict {
        Verdict::Ok => {
            let path: Vec<String> = other.path.iter().map(Release::to_string).collect();
            let mut text = format!(
                "Under {label}: {} ({})",
                plural(other.hops, "hop", "hops"),
                path.join(" → ")
            );
            // SPEC §3.3 and §4: the other answer is qualified as the verdict would qualify it,
            // never a plain zero-downtime upgrade when it is not one.
            if !other.not_zero_downtime.is_empty() {
                let which = match other.not_zero_downtime.as_slice() {
                    [_] if other.hops == 1 => "this hop is".to_owned(),
                    [i] => format!("hop {} is", i + 1),
                    many => {
                        let n: Vec<String> = many.iter().map(|i| (i + 1).to_string()).collect();
                        format!("hops {} are", n.join(", "))
                    }
                };
                text.push_str(&format!(
                    ", but Cisco later said {which} not zero-downtime ({})",
                    other.bugs.join(", ")
                ));
            }
            if !other.trains_off.is_empty() {
                text.push_str(&format!("; {}", holds_only_if(&other.trains_off)));
            }
            text.push('.');
            text
        }
        Verdict::Same => format!("Under {label}: nothing to do either."),
        _ => match &other.why {
            Some(why) => format!("Under {label}: no zero-downtime path ({why})."),
            None => format!("Under {label}: no zero-downtime path."),
        },
    })
}

/// Why a plan is not a plain zero-downtime upgrade, as its own text says it (a fleet's pair
/// without one, SPEC §13): the verdict's sentence, then the other rule set's answer when Cisco
/// later said one of its hops is not zero-downtime (never a bare hop count). Empty for a plain
/// zero-downtime path and for nothing to do.
pub fn verdict_reason(session: &Session) -> String {
    let doubted = !not_zero_downtime(session).is_empty();
    let mut parts = Vec::new();
    match session.verdict {
        Verdict::Ok if !doubted => {}
        Verdict::Same => {}
        _ => parts.push(verdict(session)),
    }
    // A doubted plan's verdict already gives the other rule set's answer.
    let other_doubted = session
        .other
        .as_ref()
        .is_some_and(|o| !o.not_zero_downtime.is_empty());
    if other_doubted && !(session.verdict == Verdict::Ok && doubted) {
        parts.extend(other_rules(session));
    }
    parts.join(" ")
}

/// Cisco's documents behind [`verdict_reason`]: the exception that leaves no path, the model's
/// limits, and the caveats that make a hop (of either rule set) not zero-downtime.
pub fn verdict_sources(session: &Session) -> Vec<Source> {
    use crate::domain::caveats::CAVEATS;
    let mut sources: Vec<Source> = Vec::new();
    if session.verdict == Verdict::NoPath {
        sources.extend(
            session
                .platform_limits
                .iter()
                .flat_map(platform::limit_sources),
        );
        let exception = match (&session.unjoinable, session.start, session.to.release) {
            (Some(u), ..) => match u.block {
                Block::Exception { exception, .. } => Some(exception),
                _ => None,
            },
            (None, Some(a), Some(b)) if session.rules == RuleSet::Guide9x => {
                crate::domain::rules::exception(a, b)
            }
            _ => None,
        };
        sources.extend(exception.map(|e| e.source));
    }
    let in_force = session
        .hop_facts
        .iter()
        .flat_map(|f| &f.caveats)
        .filter(|c| c.blocking())
        .map(|c| c.source);
    let other_bugs = session.other.iter().flat_map(|o| &o.bugs);
    let other = CAVEATS
        .iter()
        .filter(|c| c.blocking() && other_bugs.clone().any(|b| c.bug() == Some(*b)))
        .map(|c| c.source);
    for source in in_force.chain(other) {
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    sources
}

/// [`verdict_reason`] with its documents' links in brackets, as the command line's text gives
/// them: the fleet CSV's `reason` column.
impl fmt::Display for crate::domain::fleet::Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = verdict_reason(self.0);
        if reason.is_empty() {
            return Ok(());
        }
        f.write_str(&reason)?;
        let urls: Vec<&str> = verdict_sources(self.0).iter().map(|s| s.url).collect();
        if !urls.is_empty() {
            write!(f, " ({})", urls.join(", "))?;
        }
        Ok(())
    }
}

/// The blocked direct hop from the plan's start to the target, with its reason (none when the
/// direct hop is legal, or there is nothing to upgrade or only a downgrade).
pub fn direct_blocked(session: &Session) -> Option<String> {
    let plan = session.plan.as_ref()?;
    let (start, to) = (session.start?, session.to.release?);
    // The verdict already gives an exception's reason for a no-path: not said twice.
    if session.verdict == Verdict::NoPath
        && no_path_reason(session).is_some()
        && pins_block(session).is_none()
    {
        return None;
    }
    match &plan.direct {
        Err(block) if !matches!(block, Block::Same | Block::Downgrade) => Some(format!(
            "Why not in one hop: {start} → {to} directly is not zero-downtime: {block}."
        )),
        _ => None,
    }
}

/// The summary of a hop's fold in the plan: "2 caveats", "1 note", "1 caveat, 1 note".
pub fn folded_summary(caveats: usize, notes: usize) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (caveats, notes) {
        (c, 0) => count(c, "caveat"),
        (0, n) => count(n, "note"),
        (c, n) => format!("{}, {}", count(c, "caveat"), count(n, "note")),
    }
}

/// Which units a hop reloads, from which release.
pub fn reloads(facts: &HopFacts) -> String {
    let units: Vec<String> = facts
        .reloads
        .iter()
        .map(|u| format!("the {} (from {})", u.unit.label(), u.from))
        .collect();
    match (&facts.reloads[..], facts.stays) {
        ([_], Some((other, on))) => format!(
            "Reloads {} only: the {} already runs {on} and stays on it.",
            units[0],
            other.label()
        ),
        ([a, b], _) if a.from == b.from => format!("Reloads both units (from {}).", a.from),
        _ => format!("Reloads {}.", units.join(" and ")),
    }
}

/// A hop warning in words.
pub fn warning(warning: &HopWarning) -> String {
    match warning {
        HopWarning::TrainsOff(off) => {
            let (it, them, does) = if off.len() == 1 {
                ("it", "it", "does")
            } else {
                ("they", "them", "do")
            };
            format!(
                "Passes over {}, switched off by hand or missing from your list, though Cisco \
                 released {them}: this hop is legal only if {it} {does} not exist for your \
                 platform (Table 81-1: you cannot skip a minor release).",
                trains(off)
            )
        }
        HopWarning::PresetLeavesOut(exclusions) => {
            // Each reason is beside its train switch; the sources follow this sentence.
            let passed: Vec<Train> = exclusions.iter().map(|e| e.train).collect();
            // An assumption is said where it shapes the plan, not only beside a switch.
            let assumed: Vec<String> = exclusions
                .iter()
                .filter(|e| e.assumed)
                .map(|e| {
                    format!(
                        " {}: {} (assumed: commonly cited, not verified here).",
                        e.train, e.reason
                    )
                })
                .collect();
            let who = if assumed.is_empty() {
                "the platform preset"
            } else {
                "the platform preset or the model"
            };
            format!(
                "Passes over {}, which {who} leaves out.{}",
                trains(&passed),
                assumed.concat()
            )
        }
        HopWarning::CheckPlanningPage => "This hop spans more than one train: check your start \
            release on Cisco's planning page (the 9.x rule rests on a 2013 note; later \
            exceptions or interim stops may exist)."
            .to_owned(),
        HopWarning::AvoidsPathTableStop { stop } => format!(
            "From this hop's start Cisco's 9.1 path table stops at {stop}, but its CSCug88962 \
             note says landing on {stop} is not zero-downtime: this plan goes another way."
        ),
    }
}

/// A warning in words with its sources' links written out (plain text and table cells).
pub fn warning_with_links(warning: &HopWarning) -> String {
    let urls: Vec<&str> = warning_sources(warning).iter().map(|s| s.url).collect();
    if urls.is_empty() {
        self::warning(warning)
    } else {
        format!("{} ({})", self::warning(warning), urls.join(", "))
    }
}

/// The documents a warning rests on.
pub fn warning_sources(warning: &HopWarning) -> Vec<Source> {
    match warning {
        HopWarning::TrainsOff(_) => vec![GUIDE_8X],
        HopWarning::CheckPlanningPage => vec![UPGRADE_PLANNING],
        HopWarning::AvoidsPathTableStop { .. } => vec![PATH_TABLE_91, GUIDE_92_UPGRADE],
        HopWarning::PresetLeavesOut(exclusions) => {
            let mut sources: Vec<Source> = exclusions.iter().map(|e| e.source).collect();
            sources.dedup();
            sources
        }
    }
}

/// A plan note in words.
pub fn note(note: &Note) -> String {
    match note {
        Note::RuleSource(RuleSet::Guide9x) => format!("Rules: {}.", RuleSet::Guide9x.basis()),
        Note::RuleSource(RuleSet::Table811) => {
            "Rules: Table 81-1 of Cisco's 8.x configuration guide. Later Cisco \
            guides publish their own upgrade paths for 9.x: check your start release there."
                .to_owned()
        }
        Note::NearZeroDowntime => "Cisco calls this near-zero downtime: a brief interruption or \
            a few dropped packets may occur during each failover."
            .to_owned(),
        Note::MixedVersions => "The two units run different releases between the steps of each \
            hop: failover still works (Cisco: version parity is not needed during the upgrade), \
            and both end on the same release."
            .to_owned(),
        Note::Parity {
            older,
            newer,
            same_train,
        } => {
            let which = if *same_train {
                format!("different releases of one train ({older} and {newer})")
            } else {
                format!("different major or minor releases ({older} and {newer})")
            };
            format!(
                "The units run {which}. Cisco recommends the same version on both units: bring \
                 them together as soon as possible. The plan starts from the older unit, {older}."
            )
        }
        Note::NewerUnit { unit, on, joins } => {
            let unit = unit.label();
            match joins {
                None => format!(
                    "The {unit} already runs {on}: every hop reloads the other unit only, as the \
                     standby."
                ),
                Some(1) => format!("The {unit}, on {on}, joins at hop 1 from its own release."),
                Some(2) => format!(
                    "The {unit}, on {on}, is already at or past where hop 1 lands: that hop \
                     reloads the other unit only, as the standby; the {unit} joins at hop 2."
                ),
                Some(k) => format!(
                    "The {unit}, on {on}, is already at or past where hops 1–{} land: those hops \
                     reload the other unit only, as the standby; the {unit} joins at hop {k}.",
                    k - 1
                ),
            }
        }
        Note::FarApart { apart } => format!(
            "The units are {apart} legal hops apart. Cisco supports mixed versions during an \
             upgrade (one hop at a time): check that `show failover` is healthy before the \
             first hop, and upgrade the older unit first."
        ),
        Note::TrainsOff(off) => format!(
            "This plan passes over {}, which Cisco released: it holds only if {} not exist \
             for your platform.",
            trains(off),
            if off.len() == 1 {
                "that train does"
            } else {
                "those trains do"
            }
        ),
        Note::NoSingleBox { old, new } => platform::no_single_box(*old, *new),
        Note::ModeNotOnModel {
            platform: p,
            active_active,
        } => platform::mode_not_on_model(*p, *active_active),
        Note::Exception(e) => format!(
            "About {} ({}): {}.",
            e.basis,
            confidence(e.confidence.letter()),
            e.note.trim_end_matches('.')
        ),
        Note::OutagePlan {
            from,
            outage_to,
            then,
            then_holds,
        } => {
            let mut text = format!(
                "Outage plan (not zero-downtime), Cisco's own way from {from}: first {from} → \
                 {outage_to} reloading both units at once, a traffic outage (CSCuh25271: there \
                 is no workaround for a zero-downtime upgrade from 9.1(1); CSCug88962: 9.1(2) \
                 is not a zero-downtime landing)."
            );
            if !then.is_empty() && *then_holds {
                let path: Vec<String> = std::iter::once(outage_to)
                    .chain(then)
                    .map(Release::to_string)
                    .collect();
                text.push_str(&format!(
                    " Then zero-downtime hops under Cisco's guidance by release era: {}.",
                    path.join(" → ")
                ));
            } else if !then_holds {
                text.push_str(&format!(
                    " From {outage_to} there is no zero-downtime path on to the target either."
                ));
            }
            text.push_str(" Never reload both units straight to a later release from 9.1(1).");
            text
        }
    }
}

/// The documents a note rests on.
pub fn note_sources(note: &Note) -> Vec<Source> {
    match note {
        Note::RuleSource(rules) => rules.sources().to_vec(),
        Note::NearZeroDowntime => vec![SCC_HA_UPGRADE],
        Note::MixedVersions | Note::Parity { .. } | Note::FarApart { .. } => vec![GUIDE_8X],
        Note::NewerUnit { .. } | Note::TrainsOff(_) => Vec::new(),
        Note::NoSingleBox { .. } => vec![crate::domain::platform::ASA_COMPATIBILITY],
        Note::ModeNotOnModel { active_active, .. } => {
            use crate::domain::sources::{ACTIVE_ACTIVE_NEEDS_CONTEXTS, ASA5505_NO_CONTEXTS};
            if *active_active {
                vec![ASA5505_NO_CONTEXTS, ACTIVE_ACTIVE_NEEDS_CONTEXTS]
            } else {
                vec![ASA5505_NO_CONTEXTS]
            }
        }
        Note::OutagePlan { .. } => vec![GUIDE_92_UPGRADE],
        Note::Exception(e) => vec![e.source],
    }
}

/// A hop's title: "Hop 2: 8.3(2) → 8.4(7)".
pub fn hop_title(n: usize, from: Release, to: Release) -> String {
    format!("Hop {n}: {from} → {to}")
}

/// Why a typed "minutes per reload" gives no estimate (`runbook::minutes_per_reload` read
/// none), after the value quoted: the link's notice, the page's field and the command line say
/// the same.
pub fn minutes_refused(typed: &str) -> String {
    use crate::domain::runbook::MAX_MINUTES_PER_RELOAD;
    let typed = typed.trim();
    // Digits only, not all zeros: a number, just too large.
    let large = !typed.is_empty()
        && typed.bytes().all(|b| b.is_ascii_digit())
        && typed.bytes().any(|b| b != b'0');
    if large {
        format!(
            "{} is more than {MAX_MINUTES_PER_RELOAD} minutes (a day) for one reload",
            quoted(typed)
        )
    } else {
        format!("{} is not a whole number of minutes above 0", quoted(typed))
    }
}

/// The person's estimate of a hop's duration: two reloads, or one for a one-unit hop.
pub fn estimate(minutes_per_reload: u32, reloads: usize) -> String {
    let total = minutes_per_reload.saturating_mul(reloads as u32);
    format!(
        "About {} ({} × your estimate of {} a reload).",
        minutes(total),
        reloads,
        minutes(minutes_per_reload)
    )
}

/// The whole plan's estimated time, at the top of an export.
pub fn plan_estimate(minutes_per_reload: u32, reloads: usize) -> String {
    let total = minutes_per_reload.saturating_mul(reloads as u32);
    format!(
        "Estimated time: about {} of reloads ({} × your estimate of {} a reload; your \
         estimate, not Cisco's).",
        minutes(total),
        reloads,
        minutes(minutes_per_reload)
    )
}

/// What a copied link leaves out to stay within the length a link may have (empty when it
/// leaves out nothing): the page says it where the link was copied.
pub fn link_drops(dropped: &[crate::domain::query::Dropped]) -> String {
    use crate::domain::query::{Dropped, ReleaseKey, MAX_FRAGMENT};
    if dropped.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = dropped
        .iter()
        .map(|d| match d {
            Dropped::CustomList(n) => {
                format!("the custom list ({})", plural(*n, "release", "releases"))
            }
            Dropped::RunbookSettings => {
                "the runbook settings (server, image names, ASDM image names, minutes per reload)"
                    .to_owned()
            }
            Dropped::Via => "the intermediate releases chosen by hand".to_owned(),
            Dropped::Unread(key) => format!(
                "the text of the {} field (it reads as no release)",
                match key {
                    ReleaseKey::From => "current release",
                    ReleaseKey::From2 => "second unit's release",
                    ReleaseKey::To => "target release",
                }
            ),
        })
        .collect();
    let list = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.concat(),
    };
    format!(
        "This link leaves out {list}: a link holds at most {} KB. They stay in this browser; \
         send them another way (the Markdown export carries the plan and the runbook settings, \
         not a custom list's releases).",
        MAX_FRAGMENT / 1024
    )
}

/// What a copied share link leaves out ([`link_drops`]), and, when even without it the link is
/// longer than a link may be, that too; empty when the link carries the whole plan.
pub fn link_left_out(dropped: &[crate::domain::query::Dropped], too_long: bool) -> String {
    let mut out = link_drops(dropped);
    if too_long {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!(
            "Even so the link is longer than {} KB: some browsers and chat tools cut it; \
             send the Markdown export instead.",
            crate::domain::query::MAX_FRAGMENT / 1024
        ));
    }
    out
}

/// Said under a link that is only a fragment (no page address was known).
pub const LINKS_ARE_FRAGMENTS: &str = "The links here are fragments of the planner's address: \
    open them on the planner's page (the command line makes them whole with --link-base URL).";

/// "1 minute", "45 minutes", "2 h 10 min".
pub fn minutes(m: u32) -> String {
    match m {
        1 => "1 minute".to_owned(),
        m if m < 120 => format!("{m} minutes"),
        m => format!("{} h {:02} min", m / 60, m % 60),
    }
}

/// One line under the title: what the page is for.
pub const PURPOSE: &str = "Plans a zero-downtime software upgrade of a Cisco ASA failover pair: \
    the shortest chain of legal hops, the graph of releases, and a runbook with the exact CLI. \
    The current release is on the first line of `show version`.";

/// Example plans offered on an empty page: a share fragment and what it shows.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "from=8.2(5)&to=9.1(7)",
        "8.2(5) → 9.1(7): one 8.x train at a time to 8.4, then one hop into 9.x",
    ),
    (
        "from=9.8(4)&to=9.20(3)",
        "9.8(4) → 9.20(3): a 9.x upgrade in one hop",
    ),
    (
        "from=8.4(7)&from2=8.3(2)&to=9.0(4)&mode=active-active",
        "A mismatched Active/Active pair: 8.3(2) and 8.4(7) → 9.0(4)",
    ),
];

/// Labels for the parts of a runbook.
pub const BEFORE_FIRST_HOP: &str = "Before the first hop";
/// The runbook section without a plan.
pub const RUNBOOK_NEEDS_PLAN: &str = "The runbook appears when there is a plan.";
pub const BEFORE_THIS_HOP: &str = "Before this hop";
pub const PRECHECKS: &str = "Pre-checks";
pub const STEPS: &str = "Steps";
pub const AFTER_THIS_HOP: &str = "After this hop";
pub const NO_RETURN: &str = "Point of no return";
/// What the runbook's commands rest on, beside its sources (`RUNBOOK_SOURCES`).
pub const RUNBOOK_COMMANDS: &str = "Commands by release: `failover exec mate` (the standby staged \
    and checked from the active's session) from 8.0(2); `backup /noconfirm` and `verify \
    /sha-512` from 9.3(2), the release that brought image signing (the `verify` page's own \
    history was not read here: if a unit refuses `/sha-512`, use `verify /md5`); before them \
    `copy /noconfirm running-config` with `crypto ca export`, and `verify /md5`.";

/// The documents [`RUNBOOK_COMMANDS`] rests on.
pub const RUNBOOK_SOURCES: [crate::domain::sources::Source; 3] = [
    crate::domain::sources::GUIDE_8X,
    crate::domain::sources::CMD_FAILOVER_EXEC,
    crate::domain::sources::CMD_SOFTWARE_AUTHENTICITY,
];

/// How the Markdown runbook is meant to be used.
pub const TASK_LIST: &str = "Each step is a task: tick it when done. Every command block is \
    typed on the unit it names, as the units stand at that moment.";
/// The runbook settings as the Markdown lists them.
pub const SERVER_LABEL: &str = "TFTP server";
pub const MINUTES_LABEL: &str = "Minutes per reload (your estimate)";
pub const IMAGES_LABEL: &str = "Images";
pub const NO_ASDM: &str = "none given (not staged, `asdm image` unchanged)";
/// The rollback blocks of a validation window.
pub const ROLLBACK: &str = "Rollback (each block on the unit it names, in order)";
/// A rollback block the executed log lists that was not ticked ("Rollback block 1"): run only
/// if needed, so never an open to-do in a finished window's ticket.
pub fn rollback_not_ticked(label: &str) -> String {
    format!("{label}, only if needed (not ticked)")
}
/// A hop whose start release has no `failover exec`.
pub const OWN_SESSIONS: &str = "This hop starts on a release without `failover exec` (it came \
    with 8.0(2)): each unit is staged and checked from its own session, and each block says \
    which unit it is typed on.";
pub const EXPECTED: &str = "Expected";
pub const CHECK: &str = "Check";
pub const RECONSTRUCTED: &str = "These Active/Active steps are reconstructed from the structure \
    of the 8.x guide's Active/Active section, not quoted from it: check them against Cisco's \
    text.";
pub const IMAGE_NAMES: &str = "Image names are a guess: no one image family fits every \
    model that runs this plan's releases, so they follow the ASA 5500/5500-X pattern of the \
    plan's highest release. Choose your model, or check each name against Cisco's download \
    page and correct it in the image fields.";

/// Where a block is typed, as the person stands at that moment: "On the standby unit (the
/// former active, still on 9.8(4)):".
pub fn typed_on(role: crate::domain::runbook::Role, aside: Option<&str>) -> String {
    match aside {
        Some(aside) => format!("On {} ({aside}):", role.label()),
        None => format!("On {}:", role.label()),
    }
}

/// A caveat's heading: "9.23(1) — configuration change".
pub fn caveat_heading(release: Release, kind_label: &str) -> String {
    format!("{release}: {kind_label}")
}

/// "confidence H" with what it means.
/// What an exclusion rests on, after its reason: its document, said to be an assumption
/// where it is one (SPEC §5.1: never silently).
pub fn exclusion_basis(e: &Exclusion) -> String {
    if e.assumed {
        format!(
            "assumed: commonly cited, not verified here; {}",
            e.source.title
        )
    } else {
        e.source.title.to_owned()
    }
}

pub fn confidence(letter: &str) -> String {
    let meaning = match letter {
        "H" => "read in Cisco's document",
        "M" => "Cisco's text as copied by others",
        _ => "a single source or an inference",
    };
    format!("confidence {letter}: {meaning}")
}

/// Fleets (SPEC §13): the headings and sentences the page's fleet view and the fleet's
/// Markdown both show.
pub mod fleet {
    use super::plural;
    use crate::domain::fleet::{Group, PairPlan, Tally};
    use crate::domain::plan::Verdict;

    pub const TITLE: &str = "ASA fleet upgrade plan";
    pub const IMAGES: &str = "Images to stage";
    /// Under the images: what the file names are.
    pub const FILES_HINT: &str = "File names are the defaults of each model's image family \
        (the ASA 5500/5500-X guess where a pair names no model): check each against Cisco's \
        download page.";
    pub const WITHOUT_PATH: &str = "Without a zero-downtime path";
    pub const SAME: &str = "Already on the target";
    pub const NOT_PLANNED: &str = "Lines not planned";

    /// The page's fleet view: its heading, the way back, the CSV format and its controls.
    pub const VIEW_TITLE: &str = "Fleet: plan many failover pairs at once";
    pub const SINGLE_PAIR: &str = "Back to the single-pair planner";
    pub const FORMAT: &str = "One pair a line:";
    pub const FORMAT_DETAILS: &str = "Everything after unit1 is optional: unit2 only when the \
        second unit runs another release; mode is active-standby (the default) or \
        active-active; preset and platform (the hardware model: asa5525x, fp2100, …) as \
        below. The settings below apply where a line gives none. A \
        first line naming the fields is a header. Quote a field that holds a comma, a quote or a \
        line break (RFC 4180: \"edge, 1\"; a quote inside is doubled).";
    pub const TARGET: &str = "Target for lines without one";

    /// A fleet-wide setting that cannot be used, said next to its field (`label`, e.g.
    /// [`TARGET`]), quoting the `value` typed; the lines that fall back to it are not planned
    /// (each said with its line).
    pub fn setting_problem(
        label: &str,
        value: &str,
        problem: &crate::domain::fleet::LineProblem,
    ) -> String {
        format!(
            "{label} {}: {problem}. The lines without their own are not planned.",
            super::quoted(value.trim())
        )
    }
    pub const RULES: &str = "Rule set";
    pub const PRESET: &str = "Preset for lines without one";
    pub const DEFAULT_PRESET: &str = "The default";
    pub const PLATFORM: &str = "Model for lines without one";
    pub const BOX: &str = "Fleet (CSV)";
    pub const UPLOAD: &str = "Or load a .csv file into the box:";
    pub const APPLY: &str = "Plan the fleet";
    pub const FILE_UNREADABLE: &str = "The file could not be read: the box is unchanged.";
    pub const EXPORT_FAILED: &str = "This browser refused the download.";
    /// When the box holds no pair and no bad line.
    pub const NO_PAIR_IN_BOX: &str =
        "No pair in the box: every line is blank or the header. Enter one pair a line.";
    /// The command line's same message about its input (`source`: a file name or `-`).
    pub fn no_pair_in(source: &str) -> String {
        format!("no pair in {source}: every line is blank or the header")
    }
    /// When the browser refuses to keep the fleet (storage off or full).
    pub const NOT_SAVED: &str = "This browser does not keep data for this page (storage is off \
        or full): the fleet is not saved between visits. Download it or keep the file.";
    /// The saved fleet not read at all (`problem`: what, the stored text's words): not a saved
    /// fleet, so the page writes its own over it.
    pub fn saved_unreadable(problem: &str) -> String {
        format!("The saved fleet could not be read ({problem}); it was replaced.")
    }

    /// What the view says of a saved fleet that read in part (`fleet::saved::read`): a newer
    /// version's record read as far as this version knows it and left as it is; the lines
    /// dropped and why; the lines kept with a bad escape; a missing end. `None` when it read
    /// whole.
    pub fn saved_read(read: &crate::domain::fleet::saved::Read) -> Option<String> {
        use crate::domain::stored::Unread;
        let named = |dropped: &[&Unread]| {
            let named: Vec<String> = dropped.iter().take(5).map(ToString::to_string).collect();
            let more = if dropped.len() > named.len() {
                "; …"
            } else {
                ""
            };
            format!("{}{more}", named.join("; "))
        };
        let (cut, dropped): (Vec<&Unread>, Vec<&Unread>) = read
            .dropped
            .iter()
            .partition(|u| matches!(u, Unread::Truncated));
        let mut parts = Vec::new();
        if let Some(header) = &read.newer {
            let not = if dropped.is_empty() {
                String::new()
            } else {
                format!(" (not {})", named(&dropped))
            };
            parts.push(format!(
                "The saved fleet was written by a newer version of the planner ('{header}'): \
                 this page read what it knows of it{not} and does not save over it, so nothing \
                 of it is lost; what changes here is not kept between visits."
            ));
        } else if !dropped.is_empty() {
            let (count, it) = match dropped.len() {
                1 => ("a line".to_owned(), "it was"),
                n => (format!("{n} lines"), "they were"),
            };
            parts.push(format!(
                "The saved fleet had {count} that could not be read ({}): {it} dropped, the \
                 rest was kept.",
                named(&dropped)
            ));
        }
        if !read.loose.is_empty() {
            let mut said = super::loose_lines("The saved fleet", &read.loose);
            said.push('.');
            parts.push(said);
        }
        if !cut.is_empty() {
            parts.push(
                "The saved fleet has no end line, so it may be cut short: every line of it that \
                 reads was kept, the last one perhaps not whole."
                    .to_owned(),
            );
        }
        if parts.is_empty() {
            return None;
        }
        if read.newer.is_none() {
            parts.push("The saved text is left as it is until you change something here.".into());
        }
        Some(parts.join(" "))
    }
    /// The export buttons: the format (the hook value) and the label.
    pub const EXPORTS: [(&str, &str); 3] = [
        ("csv", "Download CSV"),
        ("json", "Download JSON"),
        ("markdown", "Download Markdown"),
    ];

    /// The counts in one sentence: "7 pairs planned: 5 with a zero-downtime path in 3 groups,
    /// 1 already on the target, 1 without a zero-downtime path. 1 line not planned."
    ///
    /// Pairs legal by Table 81-1 that Cisco later said are not zero-downtime are counted apart
    /// ("… 1 with a zero-downtime path and 2 legal by Table 81-1 but not zero-downtime in 3
    /// groups, …"), never as having a zero-downtime path.
    pub fn counts(t: &Tally, groups: usize) -> String {
        let doubted = match t.not_zero_downtime {
            0 => String::new(),
            n => format!(" and {n} legal by Table 81-1 but not zero-downtime"),
        };
        format!(
            "{} planned: {} with a zero-downtime path{doubted} in {}, {} already on the target, \
             {} without a zero-downtime path. {}.",
            plural(t.pairs() as usize, "pair", "pairs"),
            t.ok - t.not_zero_downtime,
            plural(groups, "group", "groups"),
            t.same,
            t.downgrade + t.no_path,
            plural(
                t.bad_lines as usize,
                "line not planned",
                "lines not planned"
            ),
        )
    }

    /// A group's heading: "Group 2: 8.4(7) → 9.0(4) (Active/Standby, 1 hop, 3 pairs)"; a
    /// path Cisco later said is not zero-downtime says so (SPEC §3.3: never a plain path).
    pub fn group_title(n: usize, group: &Group) -> String {
        let path: Vec<String> = group.path.iter().map(|r| r.to_string()).collect();
        let model = group
            .platform
            .map_or_else(String::new, |p| format!("{}, ", p.label()));
        let doubt = if group.not_zero_downtime {
            ": legal by Table 81-1, but not zero-downtime"
        } else {
            ""
        };
        format!(
            "Group {n}: {} ({model}{}, {}, {}){doubt}",
            path.join(" → "),
            group.mode.label(),
            plural(group.hops(), "hop", "hops"),
            plural(group.pairs.len(), "pair", "pairs"),
        )
    }

    /// The summary of a folded list of pair names: "Pair names (3)".
    pub fn pair_names(count: usize) -> String {
        format!("Pair names ({count})")
    }

    /// A pair's verdict in a few words (the table's cell; the pair's own plan says why). A
    /// plan legal by Table 81-1 that Cisco later said is not zero-downtime never reads as a
    /// zero-downtime path (SPEC §3.3).
    pub fn verdict(pair: &PairPlan) -> &'static str {
        match pair.verdict {
            Verdict::Ok if pair.not_zero_downtime() => "legal by Table 81-1, but not zero-downtime",
            Verdict::Ok => "zero-downtime path",
            Verdict::Same => "already on the target",
            Verdict::Downgrade => "downgrade: needs an outage",
            Verdict::NoPath => "no zero-downtime path",
            Verdict::Invalid | Verdict::Empty => "not planned",
        }
    }
}

/// Hardware models (SPEC §5.1): the limits of a model's range, the procedure notices and the
/// image-name hint, said once for the page, the Markdown export and the command line.
pub mod platform {
    /// The model choice's heading and its field's label on the page.
    pub const MODEL_HEADING: &str = "Hardware model";
    pub const MODEL_LABEL: &str = "Model of the pair";

    use crate::domain::platform::{
        Basis, Bound, ImageFamily, Limit, Platform, ProcedureNotice, ASA_COMPATIBILITY,
    };
    use crate::domain::release::Release;
    use crate::domain::session::{Limited, PlatformLimit};
    use crate::domain::sources::Source;

    /// What a model choice offers when none is chosen.
    pub const NO_MODEL: &str = "Any model (no range check)";

    /// "(assumed: commonly cited, not verified here)" or "(confidence H)" after a bound.
    pub fn basis(bound: &Bound) -> String {
        match bound.basis {
            Basis::Assumed => "assumed: commonly cited, not verified here".to_owned(),
            Basis::Read { confidence, .. } => super::confidence(confidence.letter()),
        }
    }

    /// "ASA 5525-X/5545-X/5555-X runs releases up to 9.14 (assumed: …): the target 9.20(3) is
    /// past it."
    pub fn limit(limit: &PlatformLimit) -> String {
        let label = limit.platform.label();
        let what = match limit.which {
            Limited::Target => "choose a target it runs, or another model",
            Limited::Unit(_) => "check the release typed and the model chosen",
        };
        let (range, side) = match limit.limit {
            Limit::AboveLast(b) => (format!("up to {} ({})", b.train, basis(&b)), "past"),
            Limit::BelowFirst(b) => (format!("from {} on ({})", b.train, basis(&b)), "before"),
            Limit::NotRun(e) => {
                // Inside the range: the train itself is what the model does not run, and no
                // preset or switch brings it back (SPEC §5.1).
                let which = match limit.which {
                    Limited::Target => format!("the target is {}", limit.release),
                    Limited::Unit(unit) => format!("{} runs {}", runs(limit, unit), limit.release),
                };
                let what = match limit.which {
                    Limited::Target => "Choose a target it runs, or another model",
                    Limited::Unit(_) => "Check the release typed and the model chosen",
                };
                return format!(
                    "{label} does not run the {} train, and {which}: {} ({}). {what}.",
                    e.train,
                    e.reason,
                    super::exclusion_basis(e),
                );
            }
        };
        let which = match limit.which {
            Limited::Target => format!("the target {} is {side} it", limit.release),
            Limited::Unit(unit) => {
                format!("{} runs {}, {side} it", runs(limit, unit), limit.release)
            }
        };
        format!("{label} runs releases {range}; {which}: {what}.")
    }

    /// Who runs a unit's refused release: "the pair" when only one release was given (both
    /// units run it), the unit of a mismatched pair otherwise.
    fn runs(limit: &PlatformLimit, unit: crate::domain::runbook::Unit) -> String {
        if limit.mismatched {
            format!("the {}", unit.label())
        } else {
            "the pair".to_owned()
        }
    }

    /// The documents behind a limit: the fact's source, and Cisco's compatibility guide to
    /// check an assumed one against.
    pub fn limit_sources(limit: &PlatformLimit) -> Vec<Source> {
        let mut sources: Vec<Source> = limit.limit.source().into_iter().collect();
        if !sources.contains(&ASA_COMPATIBILITY) {
            sources.push(ASA_COMPATIBILITY);
        }
        sources
    }

    /// The range of a model in words: "7.2 to 9.2 (first assumed, last assumed)".
    pub fn range(p: Platform) -> String {
        let first = p.first();
        match p.last() {
            Some(last) => format!(
                "releases {} to {}; first train {}; last train {}",
                first.train,
                last.train,
                basis(&first),
                basis(&last)
            ),
            None => format!(
                "releases {} and later; first train {}",
                first.train,
                basis(&first)
            ),
        }
    }

    /// A model choice's option text: "ASA 5525-X/5545-X/5555-X (8.6 to 9.14)".
    pub fn choice(p: Platform) -> String {
        match p.last() {
            Some(last) => format!("{} ({} to {})", p.label(), p.first().train, last.train),
            None => format!("{} ({} and later)", p.label(), p.first().train),
        }
    }

    pub fn no_single_box(old: Release, new: Release) -> String {
        format!(
            "No single box runs both {old} and {new}: the models that ran 8.1 and earlier \
             stop before 9.3. Choose your model so that the plan uses only releases it runs."
        )
    }

    /// The model has no multiple context mode, yet it was asked for (or Active/Active, which
    /// needs it).
    pub fn mode_not_on_model(p: Platform, active_active: bool) -> String {
        let asked = if active_active {
            "Active/Active failover, which runs only in multiple context mode"
        } else {
            "multiple context mode"
        };
        format!(
            "The {} does not support multiple context mode, and this runbook is for {asked}: \
             check the model and the failover and context modes chosen (the {} runs \
             Active/Standby in single context mode).",
            p.label(),
            p.label()
        )
    }

    /// The runbook's image-name hint for the chosen model; with none, for the family every
    /// model that runs the plan's releases shares (`shared`), or a guess when there is none.
    pub fn image_names(p: Option<Platform>, shared: Option<ImageFamily>) -> String {
        match (p, shared) {
            (Some(p), _) => format!(
                "Image names follow the {} family's pattern `{}`: check each against Cisco's \
                 download page for your model.",
                p.label(),
                pattern(p.image())
            ),
            (None, Some(family)) => format!(
                "Image names follow the pattern `{}`, the one every model that runs all of \
                 this plan's releases uses: check each against Cisco's download page for your \
                 model.",
                pattern(family)
            ),
            (None, None) => super::IMAGE_NAMES.to_owned(),
        }
    }

    /// A family's file name pattern, as the page and the README show it.
    pub fn pattern(family: ImageFamily) -> &'static str {
        match family {
            ImageFamily::Legacy => "asa<version>-k8.bin",
            ImageFamily::Smp => "asa<version>-smp-k8.bin",
            ImageFamily::Lfbff => "asa<version>-lfbff-k8.SPA",
            ImageFamily::Fp1k => "cisco-asa-fp1k.<dotted>.SPA",
            ImageFamily::Fp2k => "cisco-asa-fp2k.<dotted>.SPA",
            ImageFamily::Fp3k => "cisco-asa-fp3k.<dotted>.SPA",
            ImageFamily::Fp4200 => "cisco-asa-fp4200.<dotted>.SPA",
            ImageFamily::Csp => "cisco-asa.<dotted>.SPA.csp",
        }
    }

    /// What the runbook shows about a model's procedure.
    pub fn procedure(notice: ProcedureNotice) -> String {
        match notice {
            ProcedureNotice::Fxos { platform } => format!(
                "The {} is upgraded through FXOS or the chassis manager, not with ASA \
                 `boot system` commands: this runbook gives no ASA command steps for it. Cisco \
                 orders the steps FXOS first: upgrade FXOS to the highest release that still \
                 supports the ASA release the pair runs, then the ASA to the highest release \
                 that FXOS supports (the standby unit first, make it active, then the former \
                 active), and repeat FXOS then ASA until the target. In the chassis manager, \
                 setting the ASA's startup version to the new release is what upgrades it (its \
                 configuration is kept). Follow Cisco's procedure for each step.",
                platform.label()
            ),
            ProcedureNotice::SingleBootLine {
                platform,
                platform_mode,
            } => {
                let mut text = format!(
                    "On the {} the ASA takes a single `boot system` line, and entering it \
                     unpacks the image package (this planner could not check that in Cisco's \
                     text): the steps below set that one line and keep no fallback line for \
                     the old image (a rollback sets the old package again). Check every boot \
                     line of the \
                     steps against Cisco's command reference and upgrade guide for this model \
                     before the change, and keep the old package on the disk until the pair is \
                     healthy on the new release.",
                    platform.label()
                );
                if platform_mode {
                    text.push_str(
                        " In platform mode the ASA is upgraded through FXOS or the chassis \
                         manager instead: upgrade the standby unit first, make the upgraded \
                         unit active, then upgrade the former active.",
                    );
                }
                text
            }
            ProcedureNotice::PlatformModeOnly { platform } => format!(
                "Before ASA {appliance} the {label} runs in platform mode only: appliance mode \
                 came with ASA {appliance}(1) (Cisco's ASA {appliance} release notes; assumed: \
                 commonly cited, not verified here), and a pair upgraded from an earlier \
                 release stays in platform mode unless it is converted. This plan starts \
                 before {appliance}, so the ASA is upgraded through FXOS or the chassis \
                 manager, not with ASA `boot system` commands: this runbook gives no ASA \
                 command steps for it. Cisco's procedure for a failover pair in platform mode: \
                 find which unit is active with `show failover` on the ASA (the FXOS prompt \
                 does not know the failover state), upgrade the standby unit, make the \
                 upgraded unit active, then upgrade the former active. Follow Cisco's \
                 procedure for each hop; if your pair was converted to appliance mode, its \
                 single `boot system` line procedure applies instead.",
                appliance = crate::domain::platform::APPLIANCE_MODE_FROM.train,
                label = platform.label()
            ),
        }
    }
}

/// Where the pair is (SPEC §14): the units as read, the position on the plan, the next step,
/// the other reading, the stops. Releases and states only: nothing of the pasted text but
/// what the parser kept (never serials or addresses).
pub mod position {
    use crate::domain::plan::Hop;
    use crate::domain::platform::ProcedureNotice;
    use crate::domain::position::{
        NextStep, NoSteps, OffPlan, Place, PlanFrom, Position, StepKind, Stop, StopKind,
        TickedNotShown, Unplaced,
    };
    use crate::domain::release::Release;
    use crate::domain::runbook::{outline, Mode, Phase, Reloads, Role, Unit};
    use crate::domain::show::{
        ConfigSync, Disagreement, Said, Side, Snapshot, State, UnitFacts, Unread, UnreadWhy,
    };

    /// A tick's time in the executed log: `2026-12-08 23:50 UTC+01:00` (a window may run past
    /// midnight and the ticket is read elsewhere), or the clock alone for a tick stored
    /// without its date; as stored when it does not read.
    pub fn tick_time(stored: &str) -> String {
        match crate::domain::ticks::TickTime::read(stored) {
            Some(t) => match (t.date, t.offset) {
                (Some(date), Some(offset)) => format!("{date} {} UTC{offset}", t.clock),
                _ => t.clock.to_owned(),
            },
            None => stored.to_owned(),
        }
    }

    fn unit_name(unit: Unit) -> &'static str {
        match unit {
            Unit::Primary => "the primary unit",
            Unit::Secondary => "the secondary unit",
        }
    }

    /// The first letter in capitals. ASCII only (the words here are English): `char::to_uppercase`
    /// would bring Unicode's case tables into the page's wasm.
    fn capital(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
            .unwrap_or_default()
    }

    /// How interfaces not Normal are said: by name (the page, the command line), or only
    /// counted (the executed log, which carries releases and states only: SPEC §14).
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum Interfaces {
        Named,
        Counted,
    }

    impl Interfaces {
        /// "interfaces outside, inside" or "2 interfaces", and the verb that agrees with it.
        fn say(self, names: &[String]) -> (String, &'static str) {
            match (self, names.len()) {
                (Interfaces::Named, _) => (format!("interfaces {}", names.join(", ")), "are"),
                (Interfaces::Counted, 1) => ("1 interface".to_owned(), "is"),
                (Interfaces::Counted, n) => (format!("{n} interfaces"), "are"),
            }
        }

        /// "interfaces failed: outside, inside" or "2 interfaces failed".
        fn listed(self, names: &[String], state: &str) -> String {
            match self {
                Interfaces::Named => format!("interfaces {state}: {}", names.join(", ")),
                Interfaces::Counted => format!("{} {state}", self.say(names).0),
            }
        }
    }

    /// One unit as read: "primary unit: 9.8(4), Active, image asa984-smp-k8.bin".
    /// `in_catalog` is false for a release whose train the catalog does not know.
    pub fn unit(f: &UnitFacts, in_catalog: bool) -> String {
        unit_saying(f, in_catalog, Interfaces::Named)
    }

    /// [`unit`] with its interfaces said as `interfaces` says them.
    pub fn unit_saying(f: &UnitFacts, in_catalog: bool, interfaces: Interfaces) -> String {
        let mut parts = Vec::new();
        parts.push(match (f.release, f.release_unreadable) {
            (Some(r), _) if in_catalog => r.to_string(),
            (Some(r), _) => format!("{r} (a release the catalog does not know)"),
            (None, true) => "release not readable".to_string(),
            (None, false) => "release not shown".to_string(),
        });
        if let Some(state) = f.state {
            parts.push(state.label().to_string());
        }
        for (g, s) in &f.groups {
            parts.push(format!("group {g} {}", s.label()));
        }
        if f.state.is_none() && f.groups.is_empty() {
            parts.push(
                match f.prompt_role {
                    Some(Side::Active) => "failover state not shown (its prompt says active)",
                    Some(Side::Standby) => "failover state not shown (its prompt says standby)",
                    None => "failover state not shown",
                }
                .to_string(),
            );
        }
        if let Some(image) = &f.image {
            parts.push(format!("image {image}"));
        }
        if let Some(first) = f.boot.first() {
            parts.push(format!("boots {first} first"));
        }
        let i = &f.interfaces;
        if !i.failed.is_empty() {
            parts.push(interfaces.listed(&i.failed, "failed"));
        }
        if !i.waiting.is_empty() {
            parts.push(interfaces.listed(&i.waiting, "waiting"));
        }
        if let Some(sync) = f.config_sync {
            parts.push(format!("configuration {}", sync_words(sync)));
        }
        format!("{}: {}", f.unit.label(), parts.join(", "))
    }

    fn sync_words(sync: ConfigSync) -> &'static str {
        match sync {
            ConfigSync::Done => "Sync Done",
            ConfigSync::DoneStandby => "Sync Done - STANDBY",
            ConfigSync::Skipped => "Sync Skipped",
        }
    }

    /// The `data-role` hook value: the state (`standby-ready`), or per group
    /// (`group1:active group2:standby-ready`), or empty.
    pub fn role_hook(f: &UnitFacts) -> String {
        if let Some(s) = f.state {
            return s.as_str().to_string();
        }
        f.groups
            .iter()
            .map(|(g, s)| format!("group{g}:{}", s.as_str()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What a step of `hop` that did `done` did; `one_unit`: the unit a mismatched pair's
    /// one-unit hop reloads (its own steps); `old`: the release the unit not yet upgraded runs.
    fn step_done(
        (done, step): (Phase, u8),
        hop: &Hop,
        one_unit: Option<Unit>,
        old: Release,
    ) -> String {
        let to = hop.to;
        if let Some(unit) = one_unit {
            let name = unit_name(unit);
            return match done {
                Phase::MakeStandby => format!("{name} (the unit this hop reloads) is the standby"),
                Phase::Stage => format!(
                    "the images staged on {name} (staging shows only in `show bootvar` or `dir`)"
                ),
                Phase::Save | Phase::RestoreGroup(_) | Phase::RestoreRoles => {
                    format!("{name} reloaded onto {to}, the configuration saved")
                }
                _ => format!("{name} reloaded onto {to}"),
            };
        }
        // Active/Active speaks of groups, never of "the standby" or "the former active": the
        // reloaded unit is standby for both groups, the failover moves both.
        if active_active(done, step, hop) {
            match done {
                Phase::FirstReload => {
                    return format!("the unit standby for both groups reloaded onto {to}")
                }
                Phase::FailOver => {
                    return format!(
                        "failed over: both groups active on the unit on {to}, the other still \
                         runs {old}"
                    )
                }
                Phase::SecondReload => {
                    return format!("the other unit reloaded onto {to}: both units run {to}")
                }
                _ => {}
            }
        }
        match done {
            Phase::GroupsToPrimary => "both failover groups active on the primary unit".to_string(),
            Phase::Stage => {
                "images staged on both units (staging shows only in `show bootvar` or `dir`)"
                    .to_string()
            }
            Phase::FirstReload => format!("the standby reloaded onto {to}"),
            Phase::FailOver => {
                format!("failed over: the unit on {to} is active, the other still runs {old}")
            }
            Phase::Window => "the validation window checked".to_string(),
            Phase::Save => format!("both units run {to}, the configuration saved"),
            Phase::RestoreRoles | Phase::RestoreGroup(_) => {
                format!("both units run {to}, the configuration saved and the roles restored")
            }
            Phase::MakeStandby | Phase::SecondReload => {
                format!("the former active reloaded onto {to}: both units run {to}")
            }
        }
    }

    /// Whether step `step`, doing `done`, is numbered as the Active/Active runbook of a hop
    /// that reloads both units numbers it (its outline starts with both groups made active on
    /// the primary, so every later phase is one step further than Active/Standby's).
    fn active_active(done: Phase, step: u8, hop: &Hop) -> bool {
        let number = |mode| {
            outline(mode, &Reloads::Both, hop.to)
                .iter()
                .position(|p| *p == done)
                .map(|i| i + 1)
        };
        number(Mode::ActiveActive) == Some(usize::from(step))
            && number(Mode::ActiveStandby) != Some(usize::from(step))
    }

    /// Both units' releases at rest, as the output shows them: "both units on 9.8(4)", or "the
    /// primary unit on 8.2(5), the secondary unit on 8.4(7)" (a mismatched pair); `plan` when
    /// the output does not show both.
    fn at_rest(snap: Option<&Snapshot>, plan: Release) -> String {
        match snap.map(|s| (s.primary.release, s.secondary.release)) {
            Some((Some(p), Some(s))) if p != s => {
                format!(
                    "{} on {p}, {} on {s}",
                    unit_name(Unit::Primary),
                    unit_name(Unit::Secondary)
                )
            }
            Some((Some(p), Some(_))) => format!("both units on {p}"),
            _ => format!("both units on {plan}"),
        }
    }

    /// The release of the unit the output shows not on the hop's landing (the unit not yet
    /// upgraded, on its own start), else the hop's start.
    fn not_upgraded(snap: Option<&Snapshot>, hop: &Hop) -> Release {
        snap.and_then(|s| {
            [s.primary.release, s.secondary.release]
                .into_iter()
                .flatten()
                .find(|r| *r != hop.to)
        })
        .unwrap_or(hop.from)
    }

    /// The position in a sentence: "inside hop 1 (9.8(4) → 9.12(4)) after step 2: the
    /// standby reloaded onto 9.12(4) and Standby Ready".
    pub fn place(hops: &[Hop], place: Place) -> String {
        place_in(hops, place, None)
    }

    /// [`place`], with the releases the output shows where a mismatched pair's units differ.
    fn place_in(hops: &[Hop], place: Place, snap: Option<&Snapshot>) -> String {
        let hop = |h: usize| hops.get(h.wrapping_sub(1));
        match place {
            Place::Unknown => "where the pair stands on the plan is not known".to_string(),
            Place::Before => match hops.first() {
                Some(h) => format!("before the plan: {}", at_rest(snap, h.from)),
                None => "before the plan".to_string(),
            },
            Place::InHop {
                hop: h,
                step,
                done,
                one_unit,
            } => match hop(h) {
                Some(x) => format!(
                    "inside hop {h} ({} → {}) after step {step}: {}",
                    x.from,
                    x.to,
                    step_done((done, step), x, one_unit, not_upgraded(snap, x))
                ),
                None => format!("inside hop {h} after step {step}"),
            },
            Place::Rollback { hop: h } => match hop(h) {
                Some(x) => format!(
                    "inside hop {h} ({} → {}), rolling back: failed back to the unit on {}",
                    x.from,
                    x.to,
                    not_upgraded(snap, x)
                ),
                None => format!("inside hop {h}, rolling back"),
            },
            Place::RolledBack { hop: h } => match hop(h) {
                Some(x) => format!(
                    "hop {h} ({} → {}) rolled back: the pair is back where the hop started, \
                     before hop {h}, {}; start it again only once what made you roll it back is \
                     settled",
                    x.from,
                    x.to,
                    at_rest(snap, x.from)
                ),
                None => format!("hop {h} rolled back"),
            },
            Place::Midway { hop: h } => match hop(h) {
                Some(x) => format!(
                    "inside hop {h} ({} → {}): {}",
                    x.from,
                    x.to,
                    at_rest(snap, x.to)
                ),
                None => format!("inside hop {h}"),
            },
            Place::Between { after } => match hop(after) {
                Some(x) => format!(
                    "between hops {after} and {}: {}",
                    after + 1,
                    at_rest(snap, x.to)
                ),
                None => format!("between hops {after} and {}", after + 1),
            },
            Place::Done => match hops.last() {
                Some(h) => format!("done: both units on {}", h.to),
                None => "done".to_string(),
            },
        }
    }

    fn on(n: &NextStep) -> String {
        let role = match n.role {
            Role::Active => "the active unit",
            Role::Standby => "the standby unit",
            Role::Primary => "the primary unit",
            Role::Secondary => "the secondary unit",
            Role::Both => "each unit",
        };
        match (n.unit, n.role) {
            (Some(u), _) if unit_name(u) != role => format!("{} ({role})", unit_name(u)),
            // A role the output does not place on a unit: said, never guessed (the person
            // finds it at the prompt, `fw/pri/act#`, or in `show failover`).
            (None, Role::Active | Role::Standby) => {
                format!("{role} (the output does not show which unit that is)")
            }
            _ => role.to_string(),
        }
    }

    fn commands(n: &NextStep) -> String {
        n.commands
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The next step: "next, step 3 on the primary unit (the active unit): `no failover
    /// active`"; held by a stop, "next, once every stop above is cleared (not now): step 3 …";
    /// a hop not started, its pre-checks and backup first: "next, hop 2's pre-checks and
    /// backup first (…); then step 1 of hop 2 …".
    pub fn next(n: &NextStep) -> String {
        let said = step(n);
        let rest = said.strip_prefix("next, ").unwrap_or(&said);
        let mut s = String::from("next, ");
        if n.awaits_output {
            s.push_str("once output typed now shows the pair there (not now): ");
        } else if n.held {
            s.push_str("once every stop above is cleared (not now): ");
        }
        if let Some(backup) = &n.prechecks {
            s.push_str(&format!(
                "hop {}'s pre-checks and backup first, as the runbook orders them (failover \
                 healthy with every interface Normal, free flash on each unit, and the backup \
                 `{backup}` that a rollback of this hop restores); then ",
                n.hop
            ));
        }
        s.push_str(rest);
        s
    }

    /// The step itself, as [`next`] says it when nothing comes before it.
    fn step(n: &NextStep) -> String {
        let (step, cmds) = (n.step, commands(n));
        let on = if n.system {
            format!(
                "{} in the system execution space (`changeto system` first)",
                on(n)
            )
        } else {
            on(n)
        };
        match n.kind {
            StepKind::Stage => format!(
                "next, step {step} of hop {} on {on}: stage the images on both units, starting \
                 with {cmds} (the runbook's step {step} has the whole block)",
                n.hop
            ),
            StepKind::GroupsToPrimary => format!(
                "next, step {step} of hop {} on {on}: {cmds}, so that both failover groups are \
                 active there (the system configuration replicates from the unit where group 1 \
                 is active); then paste `show failover` again",
                n.hop
            ),
            StepKind::ReloadStandby => format!("next, step {step} on {on}: {cmds}"),
            // Active/Active names the units (primary, secondary), Active/Standby the roles.
            StepKind::FailOver if matches!(n.role, Role::Primary | Role::Secondary) => format!(
                "next, step {step} on {on}: {cmds} (both groups move to the upgraded unit; \
                 management sessions to the contexts' addresses drop and are reopened to the \
                 same addresses)"
            ),
            StepKind::FailOver => format!(
                "next, step {step} on {on}: {cmds} (the upgraded unit takes over; a management \
                 session to the active address drops and is reopened to the same address)"
            ),
            StepKind::ReloadFormer if matches!(n.role, Role::Primary | Role::Secondary) => {
                format!(
                    "next, step {step} on {on}: {cmds} (the point of no return: the unit not \
                     yet upgraded, standby for both groups, reloads onto the new release)"
                )
            }
            StepKind::Validate => format!(
                "next, step {step} on {on}: the validation window — check what matters \
                 (connections, VPN tunnels, NAT, routing neighbours) and {cmds}"
            ),
            StepKind::ReloadFormer => format!(
                "next, step {step} on {on}: {cmds} (the point of no return: the former active \
                 reloads onto the new release)"
            ),
            StepKind::Save => format!("next, step {step} on {on}: {cmds}"),
            StepKind::MakeStandby => format!(
                "next, step {step} of hop {} on {on}: {cmds}: the unit this hop reloads must be \
                 the standby",
                n.hop
            ),
            StepKind::MakeStandbyIfActive => format!(
                "next, step {step} of hop {}: {}, which this hop reloads, must be the standby, \
                 and the output does not show its failover state: only if `show failover` shows \
                 it Active, type {cmds} on it",
                n.hop,
                n.unit.map_or("the unit", unit_name)
            ),
            StepKind::FirstToStandby => format!(
                "next, before step 1 of hop {} on {on}: {cmds}: the unit on the hop's start \
                 release is reloaded first, so it must be the standby (the runbook's pre-check)",
                n.hop
            ),
            StepKind::FirstToStandbyIfActive => {
                let unit = n
                    .unit
                    .map_or("the unit on the hop's start release", unit_name);
                let space = if n.system {
                    " in the system execution space (`changeto system` first)"
                } else {
                    ""
                };
                format!(
                    "next, before step {step} of hop {}: {unit}, on the hop's start release, is \
                     reloaded first, so it must be the standby, and the output does not show \
                     which unit is active: paste `show failover` from either unit, and only if it \
                     shows {unit} Active, type {cmds} on it{space} (the runbook's pre-check)",
                    n.hop
                )
            }
            StepKind::StageOne(unit) => format!(
                "next, step {step} of hop {} on {on}: stage the images on {} only, starting \
                 with {cmds} (the runbook's step {step} has the whole block)",
                n.hop,
                unit_name(unit)
            ),
            StepKind::RollbackBoot => format!(
                "next, rollback step (b) on {on}: {cmds} (the runbook's rollback block has the \
                 rest)"
            ),
        }
    }

    /// Why no command-line step is offered for hop `h` (1-based): its runbook is a stop, or
    /// the model is upgraded another way; said where the next step would be.
    pub fn no_steps(hops: &[Hop], h: usize, why: NoSteps) -> String {
        let hop = hops.get(h.wrapping_sub(1)).map_or_else(
            || format!("hop {h}"),
            |x| format!("hop {h} ({} → {})", x.from, x.to),
        );
        let platform = |notice| match notice {
            ProcedureNotice::Fxos { platform }
            | ProcedureNotice::SingleBootLine { platform, .. }
            | ProcedureNotice::PlatformModeOnly { platform } => platform.label(),
        };
        match why {
            NoSteps::RunbookStop => format!(
                "No next step to type for {hop}: its runbook is a stop, not steps. Cisco later \
                 said this hop is not zero-downtime, so reloading the standby first and failing \
                 over would not keep the traffic up: do what the runbook's stop says instead."
            ),
            NoSteps::Procedure(notice @ ProcedureNotice::PlatformModeOnly { .. }) => format!(
                "No ASA command-line step for {hop}: this plan starts before ASA {}, so the {} \
                 runs in platform mode and is upgraded through FXOS or the chassis manager (the \
                 runbook's notice says how), not with the ASA's own commands: follow Cisco's \
                 procedure for it.",
                crate::domain::platform::APPLIANCE_MODE_FROM.train,
                platform(notice)
            ),
            NoSteps::Procedure(notice) => format!(
                "No ASA command-line step for {hop}: the {} is upgraded through FXOS or the \
                 chassis manager (the runbook's notice says how), not with the ASA's own \
                 commands: follow Cisco's procedure for it.",
                platform(notice)
            ),
        }
    }

    /// A ticked step the output shows not done: "Step 3 of hop 1 (the failover) is ticked,
    /// but this output shows the pair before it: …". Never an instruction to roll back: output
    /// typed now says which it is.
    pub fn ticked_not_shown(t: &TickedNotShown) -> String {
        let (step, phase) = t.not_shown;
        if phase == Phase::Stage {
            let ticked = if t.ticked == step {
                format!("Step {step} of hop {} (the staging) is ticked", t.hop)
            } else {
                format!(
                    "Step {} of hop {} is ticked, and step {step} (the staging) before it",
                    t.ticked, t.hop
                )
            };
            return format!(
                "{ticked}, but the pasted `show bootvar` (or `dir`) shows the new image not \
                 staged: the first boot line does not name it (or the flash lacks it), so a \
                 reload would not boot it. Do step {step} again, its boot lines above all, and \
                 paste `show bootvar` to check before any reload."
            );
        }
        let (what, it) = match phase {
            Phase::FailOver => ("the failover", "the failover"),
            _ => ("", "that step"),
        };
        let ticked = if t.ticked == step && !what.is_empty() {
            format!("Step {} of hop {} ({what}) is ticked", t.ticked, t.hop)
        } else {
            format!("Step {} of hop {} is ticked", t.ticked, t.hop)
        };
        let before = match (t.ticked == step, what.is_empty()) {
            (true, _) => "before it".to_string(),
            (false, true) => format!("before step {step}"),
            (false, false) => format!("before step {step}, {what}"),
        };
        format!(
            "{ticked}, but this output shows the pair {before}: the output was typed before \
             {it}, or {it} did not happen. Paste `show failover` typed now, and go by where \
             that output puts the pair before any next step (failed back already? then the \
             other reading below is where the pair is)."
        )
    }

    /// The other reading of the snapshot, with its next step.
    pub fn alternative(
        hops: &[Hop],
        place: Place,
        n: Option<&NextStep>,
        snap: &Snapshot,
    ) -> String {
        let next_step = n.map_or(0, |n| n.step);
        let when = match place {
            Place::Before
            | Place::InHop {
                done: Phase::GroupsToPrimary,
                ..
            } => "if the images are not staged yet".to_string(),
            // The rollback is a block of the validation window, the step after the failover.
            Place::Rollback { .. } if n.is_some() => format!(
                "if you failed back after step {} (a rollback)",
                next_step.saturating_sub(1)
            ),
            // A hop with no downgrade: the failback is the whole rollback, no step follows.
            Place::Rollback { .. } => "if you failed back (a rollback)".to_string(),
            Place::RolledBack { .. } => {
                "if you rolled the hop back (failed back, then reloaded the upgraded unit onto \
                 its old release)"
                    .to_string()
            }
            Place::InHop {
                done: Phase::FirstReload,
                one_unit: Some(_),
                ..
            }
            | Place::InHop {
                done: Phase::SecondReload,
                ..
            } => format!("if step {next_step} is not done yet"),
            Place::InHop {
                hop,
                done: Phase::FirstReload,
                step,
                ..
            } => match hops.get(hop.wrapping_sub(1)) {
                Some(h) if active_active(Phase::FirstReload, step, h) => {
                    format!("if the unit standby for both groups was reloaded by step {step}")
                }
                _ => format!("if the standby was reloaded by step {step}"),
            },
            _ => "otherwise".to_string(),
        };
        let mut s = format!("Or, {when}: {}", place_in(hops, place, Some(snap)));
        if let Some(n) = n {
            s.push_str("; ");
            s.push_str(&next(n));
        }
        s.push('.');
        s
    }

    fn releases(list: &[Release]) -> String {
        let names: Vec<String> = list.iter().map(Release::to_string).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.concat(),
        }
    }

    /// A stop in a sentence.
    pub fn stop(s: &Stop) -> String {
        stop_saying(s, Interfaces::Named)
    }

    /// [`stop`] with the interfaces it names said as `interfaces` says them.
    pub fn stop_saying(s: &Stop, interfaces: Interfaces) -> String {
        let who = s.unit.map_or("the other unit", unit_name);
        let state = s.state.map(State::label).unwrap_or("not ready");
        match s.kind {
            StopKind::FailoverOff => "Failover is off: this pair does not fail over, so no step \
                of a zero-downtime upgrade applies. Check that this is the right unit and turn \
                failover on before going on."
                .to_string(),
            StopKind::MateSyncing if s.sync.is_some() => format!(
                "The configuration state reads {}, not Sync Done: wait, then paste `show \
                 failover state` again before failing over.",
                sync_words(s.sync.unwrap_or(ConfigSync::Skipped))
            ),
            StopKind::MateSyncing => format!(
                "{} is {state}, still joining after its reload: wait a minute and paste `show \
                 failover` again.",
                capital(who)
            ),
            StopKind::MateFailed if s.unplaced == Some(Unplaced::GroupsSplit) => format!(
                "The failover groups are split between the units inside a hop ({} holds an \
                 Active group and a Standby Ready one), while the runbook keeps both groups on \
                 one unit between the reloads (`preempt` may have moved one back). Do not fail \
                 over or reload either unit: find why (`show failover history`), and paste \
                 `show failover` again once both groups are active on one unit.",
                who
            ),
            StopKind::MateFailed if s.waiting && !s.interfaces.is_empty() => {
                let (which, are) = interfaces.say(&s.interfaces);
                format!(
                    "{}'s {which} {are} still Waiting, and a failover needs every interface \
                     Normal: do not fail over now. Wait until every one is Normal and paste \
                     `show failover` again (one that stays Waiting, such as an interface with no \
                     standby address, is one failover cannot test: find why first).",
                    capital(who)
                )
            }
            StopKind::MateFailed if !s.interfaces.is_empty() => {
                let (which, are) = interfaces.say(&s.interfaces);
                format!(
                    "{}'s {which} {are} Failed: do not fail over; find why (`show failover \
                     history`, `show interface`) first.",
                    capital(who)
                )
            }
            StopKind::MateFailed if s.unplaced == Some(Unplaced::OutputsDisagree) => {
                let now = if s.state == Some(State::Active) {
                    " (if both are Active now, check the failover link and `show failover \
                     history` on both first)"
                } else {
                    " (if both are Standby Ready now, no unit is Active: find why, `show \
                     failover history` on both, first)"
                };
                format!(
                    "Each unit's own output says it is {state}, and the outputs disagree: which \
                     unit is active is not known. Do not reload or fail over either unit: paste \
                     `show failover` from both units again, taken one right after the other{now}."
                )
            }
            StopKind::MateFailed if s.unit.is_none() && s.state == Some(State::Active) => {
                "Both units are Active: each carries traffic or believes it does (the failover \
                 link may be down). Do not reload or fail over either unit: check the failover \
                 link and `show failover history` on both first."
                    .to_string()
            }
            StopKind::MateFailed if s.unit.is_none() && s.state.is_some() => format!(
                "Both units are {state}: no unit is Active. Do not reload or fail over either \
                 unit: find why (`show failover history` on both) first."
            ),
            StopKind::MateFailed => format!(
                "{} is {state}, not Standby Ready: do not fail over; find why (`show failover \
                 history`) before the next step.",
                capital(who)
            ),
            StopKind::MateUnknown if s.unplaced == Some(Unplaced::StateNotShown) => {
                let whose = match s.unit {
                    Some(u) => format!("{}'s failover state is", unit_name(u)),
                    None => "the units' failover states are".to_string(),
                };
                format!(
                    "{} not shown: the releases alone do not say which step of the hop was done \
                     last. Paste `show failover` from either unit before the next step.",
                    capital(&whose)
                )
            }
            StopKind::MateUnknown => format!(
                "{} is not seen (Mate Unknown or no other host) and no reload is under way: \
                 check the failover link and that unit before the next step.",
                capital(who)
            ),
            StopKind::OffPlan => match (s.release, s.expected.as_slice()) {
                (Some(r), [to]) if s.off == Some(OffPlan::PastTarget) => format!(
                    "{} runs {r}, past this plan's target {to}: for that unit this plan would \
                     be a downgrade, which no zero-downtime upgrade does. Check the target and \
                     the releases the plan starts from before going on.",
                    capital(who)
                ),
                (Some(r), want) if s.on_plan && !want.is_empty() => format!(
                    "{} runs {r}, but this plan has it on {}: check the releases the plan \
                     starts from (the primary's, then the secondary's) before going on.",
                    capital(who),
                    releases(want)
                ),
                (Some(r), [start]) if s.off == Some(OffPlan::BelowStart) => format!(
                    "{} runs {r}, below {start}, the release this plan starts it from, so it \
                     is not on this plan's path: check the releases the plan starts from (the \
                     primary's, then the secondary's) before going on.",
                    capital(who)
                ),
                (Some(r), [want]) if s.off == Some(OffPlan::OldImage) => format!(
                    "{} came back on {r}, not {want}: it booted the old image. Check its boot \
                     lines (`show bootvar`) before going on.",
                    capital(who)
                ),
                (Some(r), want) => format!(
                    "{} runs {r}, which is on no hop of this plan (expected {}): it may have \
                     booted the wrong image. Check `show bootvar` before going on.",
                    capital(who),
                    releases(want)
                ),
                (None, _) => format!("{} runs a release off this plan.", capital(who)),
            },
            StopKind::WrongImage if s.boot_line => match (&s.images, s.release) {
                (Some((first, named)), Some(r)) => format!(
                    "{} names {first}, not {named}, the runbook's file for {r}: the next \
                     reload would boot {first}. Do not reload: set the boot lines as the \
                     runbook's staging step does (`{named}` first) and paste `show bootvar` to \
                     check.",
                    match s.unit {
                        Some(u) => format!("{}'s first boot line", capital(unit_name(u))),
                        None => "The first boot line".to_string(),
                    }
                ),
                _ => "The first boot line names another image than the runbook's: do not \
                      reload; check `show bootvar`."
                    .to_string(),
            },
            StopKind::WrongImage => match (&s.images, s.release) {
                (Some((booted, named)), Some(r)) => format!(
                    "{} booted {booted}, not {named}, the runbook's file for {r}: check which \
                     file its boot lines name.",
                    capital(who)
                ),
                _ => format!("{} booted another image than the runbook's.", capital(who)),
            },
            StopKind::Parity => match s.expected.as_slice() {
                [a, b] => format!(
                    "The units are more than one hop apart ({a} and {b}): the plan is done on \
                     one unit only. Bring the other unit up to it before going on."
                ),
                _ => "The units are more than one hop apart.".to_string(),
            },
            StopKind::UnknownRelease if s.unplaced == Some(Unplaced::ReleaseNotShown) => format!(
                "{}'s release is not shown: paste its `show version` (at a failover-aware \
                 prompt, such as `fw/pri/act#`) or a `show failover` whose `Version:` line \
                 names both units' releases.",
                capital(who)
            ),
            StopKind::UnknownRelease => match s.release {
                Some(r) => format!(
                    "{} runs {r}, a release the catalog does not know (an internal build?): the \
                     planner does not guess where it stands.",
                    capital(who)
                ),
                None => format!("{}'s release could not be read.", capital(who)),
            },
        }
    }

    /// The releases a plan would start from: "Plan from what the units run: 9.8(4) (primary)
    /// and 9.12(4) (secondary)".
    /// The button that takes the other reading of a snapshot.
    pub const CHOOSE_READING: &str = "This is where we are";

    /// The paste box's label and its hint.
    pub const SHOW_LABEL: &str = "Paste `show failover` and/or `show version` from either unit";
    pub const SHOW_HINT: &str = "Several outputs together are fine, prompts and `more` markers included. The text stays in this browser (never in the link, the Markdown or any request); Forget removes it.";
    /// The button that removes the pasted text from this browser.
    pub const FORGET: &str = "Forget the pasted output";

    pub fn plan_from(p: &PlanFrom) -> String {
        match p.from2 {
            Some(r2) => format!(
                "Plan from what the units run: {} (primary) and {r2} (secondary).",
                p.from
            ),
            None => format!("Plan from what the units run: {}.", p.from),
        }
    }

    /// What a user context's output lacks.
    pub fn context() -> &'static str {
        "This is a user context's output: it names neither unit nor release. Paste `show \
         failover` and `show version` from the system execution space (`changeto system`)."
    }

    /// The lines not read, by number only: "Lines 3, 14 could not be read."; then each
    /// `show version` not used because it contradicts `show failover`, in a sentence of its own;
    /// then the `show version` outputs that nothing tells apart by unit, in one sentence.
    pub fn unread(lines: &[Unread]) -> Option<String> {
        const SHOWN: usize = 20;
        let (ambiguous, lines): (Vec<&Unread>, Vec<&Unread>) =
            lines.iter().partition(|u| u.why == UnreadWhy::Ambiguous);
        let (conflicts, lines): (Vec<&Unread>, Vec<&Unread>) = lines
            .into_iter()
            .partition(|u| u.why == UnreadWhy::Conflict);
        let mut sentences = Vec::new();
        if !lines.is_empty() {
            let mut numbers: Vec<String> = lines
                .iter()
                .take(SHOWN)
                .map(|u| match u.why {
                    UnreadWhy::Unknown | UnreadWhy::Conflict | UnreadWhy::Ambiguous => {
                        u.line.to_string()
                    }
                    UnreadWhy::Release => format!("{} (a release that does not read)", u.line),
                    UnreadWhy::State => {
                        format!("{} (a state show failover does not print)", u.line)
                    }
                    UnreadWhy::NoUnit => format!("{} (output that names no unit)", u.line),
                })
                .collect();
            if lines.len() > SHOWN {
                numbers.push(format!("and {} more", lines.len() - SHOWN));
            }
            let noun = if lines.len() == 1 { "Line" } else { "Lines" };
            sentences.push(format!("{noun} {} could not be read.", numbers.join(", ")));
        }
        sentences.extend(conflicts.iter().take(SHOWN).map(|u| {
            format!(
                "Line {}: a `show version` whose release contradicts what `show failover`, or \
                 an earlier `show version`, says of the unit it seemed to come from: which unit \
                 it came from, or when, is uncertain, so it was not used (the earlier reading \
                 was). Paste one output of each unit, taken at the same moment.",
                u.line
            )
        }));
        if !ambiguous.is_empty() {
            let numbers: Vec<String> = ambiguous
                .iter()
                .take(SHOWN)
                .map(|u| u.line.to_string())
                .collect();
            let listed = match numbers.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("Lines {} and {last}", rest.join(", "))
                }
                _ => format!("Line {}", numbers.concat()),
            };
            sentences.push(format!(
                "{listed}: `show version` outputs that nothing tells apart by unit (no \
                 failover-aware prompt names their unit, and the nearest `show failover` is the \
                 same unit's for each): which unit each came from is not guessed, so none of \
                 them was used. Type them at a failover-aware prompt (such as `fw/pri/act#`), \
                 or paste each `show version` right after its own unit's `show failover`."
            ));
        }
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }

    /// What one reading says: `9.12(4)`, `Standby Ready`, `group 1 Active, group 2 Standby
    /// Ready`, `On`.
    fn said(said: &Said) -> String {
        match said {
            Said::Failover(true) => "On".to_string(),
            Said::Failover(false) => "Off".to_string(),
            Said::Release(r) => r.to_string(),
            Said::State(s) => s.label().to_string(),
            Said::Groups(groups) => groups
                .iter()
                .map(|(g, s)| format!("group {g} {}", s.label()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// "Lines 3 and 12", "Lines 3, 12 and 20".
    fn lines_named(lines: &[usize]) -> String {
        let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
        match numbers.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("Lines {} and {last}", rest.join(", "))
            }
            _ => format!("Line {}", numbers.concat()),
        }
    }

    /// Where the paste's `show failover` outputs disagree, and which reading was used: "Lines
    /// 8 and 21 disagree about the secondary unit's failover state: Standby Ready (line 8),
    /// then Cold Standby (line 21). The last of these in the paste is read as the newest, so
    /// Cold Standby (line 21) is used: if it is not the newest, paste only outputs taken now."
    pub fn disagreement(d: &Disagreement) -> String {
        const SHOWN: usize = 10;
        match d {
            Disagreement::Changed { unit, readings } => {
                let what = match (unit, readings.last().map(|(s, _)| s)) {
                    (None, _) => "whether failover is on".to_string(),
                    (Some(u), Some(Said::Release(_))) => format!("{}'s release", unit_name(*u)),
                    (Some(u), Some(Said::Groups(_))) => {
                        format!("{}'s failover groups", unit_name(*u))
                    }
                    (Some(u), _) => format!("{}'s failover state", unit_name(*u)),
                };
                let each = |(s, l): &(Said, usize)| format!("{} (line {l})", said(s));
                let mut list: Vec<String> = if readings.len() > SHOWN {
                    let head = readings.iter().take(4).map(each);
                    let tail = readings.iter().skip(readings.len() - 5).map(each);
                    head.chain(std::iter::once(format!("{} more", readings.len() - 9)))
                        .chain(tail)
                        .collect()
                } else {
                    readings.iter().map(each).collect()
                };
                let used = list.pop().unwrap_or_default();
                list.push(used.clone());
                format!(
                    "{} disagree about {what}: {}. The last of these in the paste is read as the \
                     newest, so {used} is used: if it is not the newest, paste only outputs taken \
                     now.",
                    lines_named(&d.lines()),
                    list.join(", then ")
                )
            }
            Disagreement::Roles { role, lines } => {
                let both = if *role == State::Active {
                    "both units Active at once (the failover link down)"
                } else {
                    "both units Standby Ready at once (no unit active)"
                };
                format!(
                    "{} disagree about which unit is active: the primary unit's own output says \
                     it is {} (line {}), and the secondary unit's own output says the same of \
                     itself (line {}). A failover between the outputs shows this, and so do {both}; \
                     the paste's order cannot tell which, so neither output is read as the newer: \
                     each unit is shown as its own output says.",
                    lines_named(&d.lines()),
                    role.label(),
                    lines[0],
                    lines[1]
                )
            }
        }
    }

    /// A `show version` whose unit nothing in the text names.
    pub fn unplaced(release: Release) -> String {
        format!(
            "A `show version` reads {release}, but nothing in the text says which unit it came \
             from: paste `show failover` with it, or type it at a failover-aware prompt (such as \
             `fw/pri/act#`)."
        )
    }

    /// Nothing could be read of where the pair is: no `show failover`, `show failover state` or
    /// `show version`. Boot lines (`show bootvar`) read alone are said, with what they lack:
    /// step 1's own check prints them, and they place nothing without the units' roles.
    pub fn nothing_read(snap: &Snapshot) -> String {
        match snap.boot.as_deref() {
            Some(boot) => format!(
                "The boot lines read ({}), but nothing says where the pair stands: paste `show \
                 failover` (and `show version`) with them, from the same unit.",
                match boot.first() {
                    Some(first) => format!("`{first}` first"),
                    None => "none".to_string(),
                }
            ),
            None => "Nothing in this text reads as `show failover`, `show failover state` or \
                     `show version` output."
                .to_string(),
        }
    }

    /// [`place`], saying "and Standby Ready" after step 2 when the output shows the upgraded
    /// unit so (SPEC §14's example: "standby reloaded onto 9.12(4) and Standby Ready").
    pub fn place_read(hops: &[Hop], place: Place, snap: &Snapshot) -> String {
        let mut s = place_in(hops, place, Some(snap));
        if let Place::InHop {
            hop,
            done: Phase::FirstReload,
            one_unit: None,
            ..
        } = place
        {
            let to = hops.get(hop.wrapping_sub(1)).map(|h| h.to);
            let ready = [&snap.primary, &snap.secondary].into_iter().any(|f| {
                f.release.is_some() && f.release == to && f.state == Some(State::StandbyReady)
            });
            if ready {
                s.push_str(" and Standby Ready");
            }
        }
        s
    }

    /// The whole position as plain sentences, in the order shown: units, where the outputs
    /// disagree, stops, position, next step, the other reading, the plan from the units, lines
    /// not read.
    pub fn sentences(
        hops: &[Hop],
        snap: &Snapshot,
        pos: &Position,
        in_catalog: impl Fn(Release) -> bool,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if snap.is_empty() {
            out.push(nothing_read(snap));
        }
        for f in [&snap.primary, &snap.secondary] {
            if f.is_known() {
                out.push(capital(&unit(f, f.release.is_none_or(&in_catalog))));
            }
        }
        out.extend(snap.disagreements.iter().map(disagreement));
        if snap.context.is_some() && !snap.primary.is_known() && !snap.secondary.is_known() {
            out.push(context().to_string());
        }
        out.extend(snap.unplaced.map(unplaced));
        out.extend(pos.stops.iter().map(stop));
        out.extend(pos.ticked_not_shown.as_ref().map(ticked_not_shown));
        out.push(format!("{}.", capital(&place_read(hops, pos.place, snap))));
        if let Some(n) = &pos.next {
            out.push(format!("{}.", capital(&next(n))));
        }
        if let Some((h, why)) = pos.no_steps {
            out.push(no_steps(hops, h, why));
        }
        if let Some((p, n)) = &pos.alternative {
            out.push(alternative(hops, *p, n.as_ref(), snap));
        }
        if let Some(p) = &pos.plan_from {
            out.push(plan_from(p));
        }
        out.extend(unread(&snap.unread));
        out
    }
}

/// The page's own controls: headings, labels, buttons and short statuses that the components
/// draw (the components name these, never a sentence of their own).
pub mod page {
    use std::fmt;

    /// The custom list's fold.
    pub const CUSTOM_LIST_HEADING: &str = "Custom release list";
    /// The custom list's text box label.
    pub const CUSTOM_LIST_LABEL: &str =
        "Paste releases (comma, blank or newline separated) to replace the catalog";
    /// The button that plans over the pasted list.
    pub const CUSTOM_LIST_APPLY: &str = "Use this list";
    /// The button that leaves the pasted list for the built-in catalog.
    pub const CUSTOM_LIST_CLEAR: &str = "Back to the built-in catalog";

    /// The skip link at the top of the page (a button: the fragment holds the plan).
    pub const SKIP_TO_GRAPH: &str = "Skip to the release graph";
    /// The link from the planner to the fleet page.
    pub const TO_FLEET: &str = "Many pairs? Plan them as a fleet";
    /// The banner's line when this browser refuses local storage.
    pub const NOT_SAVED: &str =
        "this browser does not keep data for this page: nothing is saved between visits";

    /// Under a release field whose text reads as no release and is too long for a link.
    pub const FIELD_LEFT_OUT_OF_LINK: &str = "This text is too long to share in a link and reads \
        as no release: the link leaves it out, and it is kept in this browser only.";

    /// Under the custom list: the list is longer than a link may be (`bytes` of `at_most`).
    pub fn list_too_long_for_link(bytes: usize, at_most: usize) -> String {
        format!(
            "This list is too long to share in a link ({bytes} bytes; at most {at_most}): the link leaves it out, and it is kept in this browser only."
        )
    }

    /// The release graph's switch for interim builds.
    pub const SHOW_INTERIM: &str = "Show interim builds";
    /// How to use the release graph, under it.
    pub const GRAPH_HELP: &str = "Hover, focus or tap a release to see its legal hops. Click or Enter: set as target; Shift+click or Shift+Enter: set as current. Back undoes a pick.";
    /// The release graph's accessible name, with its keys.
    pub const GRAPH_LABEL: &str = "Release graph: arrow keys move between releases, Enter sets the target, Shift+Enter the current release";

    /// A tapped release's offer: make it the current release.
    pub fn set_as_current(release: impl fmt::Display) -> String {
        format!("Set {release} as current")
    }

    /// A tapped release's offer: make it the target.
    pub fn set_as_target(release: impl fmt::Display) -> String {
        format!("Set {release} as target")
    }

    /// The multiple-context mode's tick box.
    pub const MULTIPLE_CONTEXT: &str =
        "Multiple-context mode (commands in the system execution space)";

    /// The accessible name of a hop's release choice: "Release of 9.12 to land on".
    pub fn land_on_label(train: impl fmt::Display) -> String {
        format!("Release of {train} to land on")
    }

    /// The tick box that asks for the second unit's release.
    pub const UNITS_DIFFER: &str = "The units run different releases";

    /// An override the plan did not use, and why.
    pub fn override_unused(release: impl fmt::Display, why: impl fmt::Display) -> String {
        format!("Override {release} not used: {why}")
    }

    /// The button that drops the pinned releases.
    pub const USE_RECOMMENDED: &str = "Use the recommended releases";

    /// The runbook's copy status when the copy worked.
    pub const RUNBOOK_COPIED: &str = "Copied";
    /// The runbook's copy status when the copy failed.
    pub const RUNBOOK_COPY_FAILED: &str = "Copy failed: select the text";

    /// The share bar's status when the link is copied.
    pub const LINK_COPIED: &str = "Link copied.";
    /// The share bar's status when the link could not be copied.
    pub const LINK_COPY_FAILED: &str = "Copy failed: copy the address bar.";
    /// The share bar's Markdown copy button.
    pub const COPY_MARKDOWN: &str = "Copy as Markdown";

    /// The trains' box heading.
    pub const TRAINS_HEADING: &str = "Platform and trains";
    /// Said when a custom list is on and the preset does not apply.
    pub const PRESETS_NO_FILTER: &str = "Presets do not filter a custom list.";
    /// The button that puts the preset's trains back.
    pub const USE_PRESET_TRAINS: &str = "Use the preset's trains";

    /// The trains' fold: "Trains: 30 of 34 on (as the preset)", "… (modified by hand)" or
    /// "… (the trains of your list)".
    pub fn trains_summary(on: usize, of: usize, custom_list: bool, custom_set: bool) -> String {
        let how = if custom_list {
            "the trains of your list"
        } else if custom_set {
            "modified by hand"
        } else {
            "as the preset"
        };
        format!("Trains: {on} of {of} on ({how})")
    }

    /// The heading of the box that reads the pair's pasted output.
    pub const WHERE_HEADING: &str = "Where is the pair?";
    /// The button that downloads the executed log.
    pub const EXECUTED_LOG: &str = "Download the executed log (Markdown)";
    /// Ticks are kept per plan: the next pair on the same plan starts from none (the executed
    /// log of the last one first). A hop started again after its rollback needs no clearing:
    /// the attempt rolled back is left out of the reading (`ticks::Carried`).
    pub const CLEAR_TICKS: &str =
        "Clear this plan's ticks for the next pair (download the executed log first)";
    /// Offered in place of [`CLEAR_TICKS`] right after a clearing.
    pub fn restore_ticks(count: usize) -> String {
        format!(
            "Undo: put back the {} just cleared",
            super::plural(count, "tick", "ticks")
        )
    }
}
