//! The share format (SPEC §8): the plan in the URL fragment, URLSearchParams syntax.
//! `#from=8.2(5)&to=9.1(7)`. `PlanQuery` parses with `FromStr` and prints with `Display`
//! (without the `#`), and `parse(display(q)) == q`.
//!
//! # Syntax
//!
//! `&`-separated `key=value` pairs; `+` is a blank and `%XX` a byte (UTF-8), a `%` that does not
//! start an escape is kept as typed. A leading `#` is optional. Keys:
//!
//! | key        | value                                        | default          |
//! |------------|----------------------------------------------|------------------|
//! | `from`     | current release (any spelling, or a line or  | empty            |
//! |            | image name a unit prints: `release_text`)    |                  |
//! | `from2`    | the second unit's release, if it differs     | absent           |
//! | `to`       | target release                               | empty            |
//! | `mode`     | `active-standby` or `active-active`          | `active-standby` |
//! | `preset`   | platform preset id (any case)                | default preset   |
//! | `platform` | hardware model id (`asa5525x`, `fp2100`, …)  | none             |
//! | `trains`   | comma list of trains, `8.4,9.0`              | the preset's     |
//! | `releases` | comma list of releases (custom catalog)      | built-in catalog |
//! | `via`      | comma list of intermediate overrides         | none             |
//! | `interim`  | `1`/`0`, `true`/`false` (bare `interim` = 1) | `0`              |
//! | `rules`    | `guide-9x` or `table-81-1` (SPEC §3)         | `guide-9x`       |
//! | `contexts` | `multi` or `single` (multiple-context mode)  | `single`         |
//! | `server`   | the runbook's TFTP server                    | empty            |
//! | `img`      | image names, `release:file` comma list       | derived names    |
//! | `asdm`     | ASDM image names, `release:file` comma list  | none             |
//! | `min`      | minutes per reload (whole, 1 to 1440)        | none             |
//! | `v`        | format version, `1`                          | `1`              |
//!
//! `img` and `asdm` name the file of the release before the colon (the page writes canonical
//! spellings: `img=8.4(7):asa847-k8.bin`); an item without a colon is an error, the other
//! items are kept.
//!
//! A key given twice: the last value wins, with a notice. Unknown keys: a notice, ignored. A bad
//! value (`mode=foo`, `trains=8.x`, `rules=9x`, `preset=nope`): an error notice, that key's
//! value ignored, the rest kept.
//! Empty items of a comma list are dropped. Over [`MAX_FRAGMENT`] bytes: [`QueryError::TooLong`].
//!
//! # Versions
//!
//! The format is version 1. `Display` does not write `v` (links stay short and every link
//! without it is v1); a link with a higher `v` is read as v1 with a notice, so a link from a
//! newer page still opens as much as this page understands.
//!
//! # Display
//!
//! Canonical: defaults omitted, keys in the order of the table, only what must be encoded is
//! encoded (`( ) , .` stay readable; `% & = # +`, blanks, controls, quotes, brackets, backticks
//! and non-ASCII are `%XX`; commas inside a list item are `%2C`). Release texts are written as
//! held; the page writes its links from [`PlanQuery::canonical`] ([`PlanQuery::fitted`]), so
//! they read `from=8.2(5)` whatever spelling or pasted output the field holds.
//!
//! ```
//! use asa_planner::domain::query::PlanQuery;
//! let q: PlanQuery = "#to=9.1.7&from=8.2(5)&mode=active-standby".parse().unwrap();
//! assert_eq!(q.from, "8.2(5)");
//! assert_eq!(q.to_string(), "from=8.2(5)&to=9.1.7");
//! ```

mod percent;

pub use percent::StrictError;
pub(crate) use percent::{decode_strict, encode as percent_encode};

use super::platform::{Platform, UnknownPlatform};
use super::release::{ParseError, Train};
use super::rules::RuleSet;
use super::runbook::Mode;
use std::fmt;
use std::str::FromStr;

/// Longest fragment accepted (bytes, without `#`). Longer input is refused with a message.
pub const MAX_FRAGMENT: usize = 8 * 1024;

/// The format version this code writes and reads.
pub const VERSION: u32 = 1;

/// Everything that defines a plan. Release fields keep the text as typed (any spelling, even
/// text that does not parse) so nothing a person entered is lost; `session` interprets them.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct PlanQuery {
    pub from: String,
    pub to: String,
    /// The second unit's release when the pair is mismatched.
    pub from2: Option<String>,
    pub mode: Mode,
    /// Preset id (a link's is one of `presets::PRESETS`, in its own spelling; `session` reports
    /// any other a caller sets); `None` means the default preset, or the model's.
    pub preset: Option<String>,
    /// The hardware model (`platform=`): restricts the catalog to the releases it runs and
    /// names its image files; `None` means no model chosen.
    pub platform: Option<Platform>,
    /// Explicit train set (overrides the preset); `None` means "the preset's".
    pub trains: Option<Vec<Train>>,
    /// Custom release list entries as typed (replaces the built-in catalog).
    pub releases: Option<Vec<String>>,
    /// Intermediate overrides, one release per train, as typed.
    pub via: Vec<String>,
    /// Show interim builds in the graph.
    pub interim: bool,
    /// The rule set the plan follows (absent = Table 81-1).
    pub rules: RuleSet,
    /// Multiple-context mode (`contexts=multi`): image and boot commands are typed in the
    /// system execution space. Active/Active implies it whatever this says.
    pub multi_context: bool,
    /// The runbook's TFTP server (`server=`), as typed; empty for the placeholder.
    pub server: String,
    /// Image file names by release (`img=release:file,…`), as typed, in order.
    pub images: Vec<(String, String)>,
    /// ASDM image file names by the release they go with (`asdm=release:file,…`).
    pub asdm: Vec<(String, String)>,
    /// The person's estimate of one reload, in minutes (`min=`).
    pub minutes: Option<u32>,
}

/// One of the query's release fields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReleaseKey {
    /// `from`: the current release (of the first unit).
    From,
    /// `from2`: the second unit's release.
    From2,
    /// `to`: the target.
    To,
}

/// What a share link leaves out so that it fits in [`MAX_FRAGMENT`] bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dropped {
    /// The text of a release field that reads as no release (a release, or what a unit
    /// prints, is written in its canonical spelling and never left out).
    Unread(ReleaseKey),
    /// The custom release list (`releases=`), with its number of entries.
    CustomList(usize),
    /// The runbook settings: server, image names, ASDM names, minutes per reload.
    RunbookSettings,
    /// The intermediate overrides (`via=`).
    Via,
}

/// A share link as it can be carried: its fragment and what it leaves out of the query.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Fitted {
    pub fragment: String,
    /// The whole query's fragment in the same spelling ([`PlanQuery::canonical`]), nothing left
    /// out: what this browser keeps (it may be longer than a link may be).
    pub whole: String,
    pub dropped: Vec<Dropped>,
    /// Even without everything it may leave out, the fragment is longer than a link may be.
    pub too_long: bool,
}

impl PlanQuery {
    /// The query as the page writes it into its link and this browser's storage (SPEC §2:
    /// canonical display, also in URLs): each release field (`from`, `from2`, `to` and the
    /// `via` items) whose text reads as a release (`release_text::read`: any spelling, a
    /// `show version` output, a `Version:` line, an image file name) in its canonical spelling,
    /// so a pasted output of kilobytes is written as `9.8(4)`. A text that reads as no release
    /// is kept as typed: nothing a person entered is lost.
    ///
    /// ```
    /// use asa_planner::domain::query::PlanQuery;
    /// let q: PlanQuery = "from=8.2.5&to=asa9-12-4-37-smp-k8.bin&via=banana".parse().unwrap();
    /// assert_eq!(q.canonical().to_string(), "from=8.2(5)&to=9.12(4)37&via=banana");
    /// ```
    pub fn canonical(&self) -> PlanQuery {
        let mut query = self.clone();
        let spell = |text: &mut String| {
            if let Some(release) = read_release(text) {
                *text = release;
            }
        };
        spell(&mut query.from);
        spell(&mut query.to);
        if let Some(from2) = &mut query.from2 {
            spell(from2);
        }
        query.via.iter_mut().for_each(spell);
        query
    }

    /// The release fields whose text is not blank and reads as no release.
    fn unread_fields(&self) -> Vec<ReleaseKey> {
        let unread = |text: &str| !text.trim().is_empty() && read_release(text).is_none();
        let mut keys = Vec::new();
        if unread(&self.from) {
            keys.push(ReleaseKey::From);
        }
        if self.from2.as_deref().is_some_and(unread) {
            keys.push(ReleaseKey::From2);
        }
        if unread(&self.to) {
            keys.push(ReleaseKey::To);
        }
        keys
    }

    /// Empties a release field (a second unit's field stays, empty).
    fn clear(&mut self, key: ReleaseKey) {
        match key {
            ReleaseKey::From => self.from.clear(),
            ReleaseKey::From2 => self.from2 = self.from2.as_ref().map(|_| String::new()),
            ReleaseKey::To => self.to.clear(),
        }
    }

    /// The fragment of a share link for this query, in [`PlanQuery::canonical`] spelling, and
    /// what it must leave out to stay within [`MAX_FRAGMENT`] bytes. Nothing is dropped from a
    /// query that fits. Otherwise the text of the release fields that read as no release goes
    /// first when that alone is enough (it plans nothing); else, in this order, the custom
    /// list, the runbook settings, the intermediate overrides and, last, those fields' text.
    /// A query the page holds then always fits (only a preset id or a train list longer than
    /// a link, which no link or control gives, would not: [`Fitted::too_long`]). The page
    /// says the result's [`Fitted::dropped`] where the link is copied
    /// (`view::words::link_drops`) and keeps the whole query ([`Fitted::whole`]) in this
    /// browser.
    pub fn fitted(&self) -> Fitted {
        let mut query = self.canonical();
        let whole = query.to_string();
        let mut dropped = Vec::new();
        let mut fragment = whole.clone();
        let unread = if fragment.len() > MAX_FRAGMENT {
            query.unread_fields()
        } else {
            Vec::new()
        };
        if !unread.is_empty() {
            let mut without = query.clone();
            unread.iter().for_each(|k| without.clear(*k));
            let shorter = without.to_string();
            if shorter.len() <= MAX_FRAGMENT {
                return Fitted {
                    fragment: shorter,
                    whole,
                    dropped: unread.into_iter().map(Dropped::Unread).collect(),
                    too_long: false,
                };
            }
        }
        let steps: [fn(&mut PlanQuery) -> Vec<Dropped>; 4] = [
            |q| {
                q.releases
                    .take()
                    .map(|list| Dropped::CustomList(list.len()))
                    .into_iter()
                    .collect()
            },
            |q| {
                let had = q.has_runbook_settings();
                q.server.clear();
                q.images.clear();
                q.asdm.clear();
                q.minutes = None;
                had.then_some(Dropped::RunbookSettings)
                    .into_iter()
                    .collect()
            },
            |q| {
                (!std::mem::take(&mut q.via).is_empty())
                    .then_some(Dropped::Via)
                    .into_iter()
                    .collect()
            },
            |q| {
                let keys = q.unread_fields();
                keys.iter().for_each(|k| q.clear(*k));
                keys.into_iter().map(Dropped::Unread).collect()
            },
        ];
        for step in steps {
            if fragment.len() <= MAX_FRAGMENT {
                break;
            }
            let now = step(&mut query);
            if !now.is_empty() {
                dropped.extend(now);
                fragment = query.to_string();
            }
        }
        Fitted {
            too_long: fragment.len() > MAX_FRAGMENT,
            fragment,
            whole,
            dropped,
        }
    }

    /// Whether any runbook setting (server, image names, minutes) is set.
    pub fn has_runbook_settings(&self) -> bool {
        !self.server.is_empty()
            || !self.images.is_empty()
            || !self.asdm.is_empty()
            || self.minutes.is_some()
    }

    /// The image names as the runbook reads them (`runbook::hop_images`' `typed`): each
    /// release key in its canonical spelling when it parses, ASDM names under
    /// `runbook::asdm_key`.
    pub fn typed_images(&self) -> Vec<(String, String)> {
        let canonical = |key: &str| {
            key.parse::<super::release::Release>()
                .map_or_else(|_| key.trim().to_string(), |r| r.to_string())
        };
        self.images
            .iter()
            .map(|(k, v)| (canonical(k), v.clone()))
            .chain(self.asdm.iter().map(|(k, v)| {
                (
                    format!("{}{}", super::runbook::ASDM_KEY_PREFIX, canonical(k)),
                    v.clone(),
                )
            }))
            .collect()
    }
}

/// Something in a fragment that was ignored or could not be used; the rest was kept.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Notice {
    /// The key it concerns (`mode`, `trains`, an unknown key …).
    pub key: String,
    /// What was ignored and why, as facts.
    pub problem: LinkProblem,
    /// The notice worded (its `Display`, written in `view::words`); kept for the page's callers.
    pub message: String,
    /// Unknown keys are notices; bad values are errors (shown in the error banner).
    pub is_error: bool,
}

impl Notice {
    fn new(key: &str, problem: LinkProblem, is_error: bool) -> Notice {
        let mut notice = Notice {
            key: key.to_string(),
            problem,
            message: String::new(),
            is_error,
        };
        notice.message = notice.to_string();
        notice
    }
}

/// What a fragment's key or value is that was ignored, as facts (each value as decoded, before
/// it is quoted); `view::words` words it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum LinkProblem {
    /// A key given more than once (the last value is used).
    Repeated,
    /// A key the planner does not know.
    UnknownKey,
    /// `platform=` names no model.
    Platform(UnknownPlatform),
    /// `preset=` names no preset (a blank one is the default, as if absent).
    Preset(String),
    /// `mode=` is not a failover mode.
    Mode(String),
    /// `rules=` is not a rule set.
    Rules(String),
    /// `interim=` is not a flag.
    Interim(String),
    /// `contexts=` is neither multi nor single.
    Contexts(String),
    /// `min=` is not a whole number of minutes above 0 and at most a day
    /// (`runbook::minutes_per_reload`).
    Minutes(String),
    /// An item of `trains=` is not a train (the whole list is ignored).
    Train { item: String, error: ParseError },
    /// `v=` is not a format version.
    Version(String),
    /// `v=` is newer than this planner's format.
    NewerVersion { v: u32, read_as: u32 },
    /// `server=` or an `img=`/`asdm=` file name the runbook cannot paste as one word: kept
    /// (its field shows it) but not used by the commands.
    Name {
        name: String,
        problem: super::runbook::NameProblem,
    },
    /// Items of a `release:file` list that are not `release:file` (the whole list is ignored).
    Files {
        key: &'static str,
        items: Vec<String>,
    },
}

/// A fragment that cannot be read at all.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum QueryError {
    TooLong { bytes: usize },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::TooLong { bytes } => write!(
                f,
                "the link is too long ({bytes} bytes; at most {MAX_FRAGMENT}): it was not read"
            ),
        }
    }
}

impl std::error::Error for QueryError {}

/// The keys in canonical order; `v` is read but not written.
const KEYS: [&str; 17] = [
    "from", "from2", "to", "mode", "preset", "platform", "trains", "releases", "via", "interim",
    "rules", "contexts", "server", "img", "asdm", "min", "v",
];

/// The last raw (still encoded) value of each known key and how often the key appeared.
#[derive(Default)]
struct Raw<'a> {
    values: [Option<&'a str>; KEYS.len()],
    counts: [usize; KEYS.len()],
}

impl PlanQuery {
    /// Parses a fragment (with or without the leading `#`), reporting what was ignored.
    ///
    /// Total: every input up to [`MAX_FRAGMENT`] bytes gives a query (possibly the default one)
    /// and its notices: first those about keys (repeated, unknown) in the order they appear,
    /// then those about values in canonical key order. Longer input is an error.
    pub fn parse_with_notices(fragment: &str) -> Result<(PlanQuery, Vec<Notice>), QueryError> {
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        if body.len() > MAX_FRAGMENT {
            return Err(QueryError::TooLong { bytes: body.len() });
        }
        Ok(Self::parse_body(body))
    }

    /// Parses the whole query this browser saved ([`Fitted::whole`]) as
    /// [`PlanQuery::parse_with_notices`] does a link, whatever its length: what a link had to
    /// leave out (a long custom list, a long text that reads as no release) is kept there, and
    /// saved state is already bounded (`stored::MAX_STORED`).
    pub fn parse_saved(fragment: &str) -> (PlanQuery, Vec<Notice>) {
        Self::parse_body(fragment.strip_prefix('#').unwrap_or(fragment))
    }

    fn parse_body(body: &str) -> (PlanQuery, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        let mut raw = Raw::default();
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent::decode_lenient(key);
            match KEYS.iter().position(|k| *k == key) {
                Some(i) => {
                    raw.values[i] = Some(value);
                    raw.counts[i] += 1;
                    if raw.counts[i] == 2 {
                        notices.push(Notice::new(&key, LinkProblem::Repeated, false));
                    }
                }
                None if !unknown.contains(&key) => {
                    notices.push(Notice::new(&key, LinkProblem::UnknownKey, false));
                    unknown.push(key);
                }
                None => {}
            }
        }
        let mut query = PlanQuery::default();
        for (i, value) in raw.values.iter().enumerate() {
            if let Some(value) = value {
                if let Err(problem) = query.set(KEYS[i], value) {
                    notices.push(Notice::new(KEYS[i], problem, true));
                }
                if KEYS[i] == "v" {
                    notices.extend(version_notice(value));
                }
            }
        }
        // A server or file name the runbook cannot paste as one word is kept (the field shows
        // it, nothing typed is lost) but never used: `runbook::hop_images` leaves it out.
        for unused in super::runbook::unused_names(&query.server, &query.typed_images()) {
            let key = match unused.key.strip_prefix(super::runbook::ASDM_KEY_PREFIX) {
                _ if unused.key.is_empty() => "server",
                Some(_) => "asdm",
                None => "img",
            };
            let problem = LinkProblem::Name {
                name: unused.name,
                problem: unused.problem,
            };
            notices.push(Notice::new(key, problem, true));
        }
        (query, notices)
    }

    /// Sets one key from its raw value; an `Err` says why a value was ignored.
    fn set(&mut self, key: &str, raw: &str) -> Result<(), LinkProblem> {
        let text = || percent::decode_lenient(raw);
        match key {
            "from" => self.from = text(),
            "from2" => self.from2 = Some(text()),
            "to" => self.to = text(),
            "preset" => {
                let value = text();
                self.preset = match value.trim() {
                    "" => None,
                    id => Some(
                        super::presets::find(id)
                            .ok_or(LinkProblem::Preset(value))?
                            .id
                            .to_owned(),
                    ),
                };
            }
            "platform" => {
                let value = text();
                self.platform = match value.trim() {
                    "" => None,
                    id => Some(id.parse::<Platform>().map_err(LinkProblem::Platform)?),
                };
            }
            "releases" => self.releases = Some(list(raw)),
            "via" => self.via = list(raw),
            "mode" => {
                let value = text();
                self.mode = Mode::from_value(&value).ok_or(LinkProblem::Mode(value))?;
            }
            "rules" => {
                let value = text();
                self.rules = RuleSet::from_value(&value).ok_or(LinkProblem::Rules(value))?;
            }
            "interim" => {
                let value = text();
                self.interim = flag(&value).ok_or(LinkProblem::Interim(value))?;
            }
            "contexts" => {
                let value = text();
                self.multi_context = match value.trim().to_ascii_lowercase().as_str() {
                    "multi" | "multiple" => true,
                    "single" | "" => false,
                    _ => return Err(LinkProblem::Contexts(value)),
                };
            }
            "server" => self.server = text(),
            "img" => self.images = named_files("img", raw)?,
            "asdm" => self.asdm = named_files("asdm", raw)?,
            "min" => {
                let value = text();
                self.minutes = Some(
                    super::runbook::minutes_per_reload(&value)
                        .ok_or(LinkProblem::Minutes(value))?,
                );
            }
            "trains" => {
                let mut trains = Vec::new();
                for item in list(raw) {
                    let train = match item.parse::<Train>() {
                        Ok(train) => train,
                        Err(error) => return Err(LinkProblem::Train { item, error }),
                    };
                    trains.push(train);
                }
                self.trains = Some(trains);
            }
            "v" => {
                let value = text();
                match value.trim().parse::<u32>() {
                    Ok(v) if v >= 1 => {}
                    _ => return Err(LinkProblem::Version(value)),
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The canonical spelling of the release `text` reads as (`release_text::read`), if any.
fn read_release(text: &str) -> Option<String> {
    super::release_text::read(text)
        .ok()
        .map(|reading| reading.release.to_string())
}

/// The notice for a link written by a newer format version.
fn version_notice(raw: &str) -> Option<Notice> {
    let v = percent::decode_lenient(raw).trim().parse::<u32>().ok()?;
    (v > VERSION).then(|| {
        Notice::new(
            "v",
            LinkProblem::NewerVersion {
                v,
                read_as: VERSION,
            },
            false,
        )
    })
}

/// A `release:file` list (`img`, `asdm`). An item without a colon or without a release
/// makes the whole list an error (as a bad train does for `trains`), naming every such item.
fn named_files(key: &'static str, raw: &str) -> Result<Vec<(String, String)>, LinkProblem> {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for item in raw.split(',').filter(|s| !s.is_empty()) {
        match item.split_once(':') {
            Some((release, file)) if !release.is_empty() => files.push((
                percent::decode_lenient(release),
                percent::decode_lenient(file),
            )),
            _ => bad.push(percent::decode_lenient(item)),
        }
    }
    if bad.is_empty() {
        Ok(files)
    } else {
        Err(LinkProblem::Files { key, items: bad })
    }
}

/// Writes a `release:file` list item: the release with its colons encoded, then the file.
fn named_file(out: &mut String, release: &str, file: &str) {
    let mut key = String::new();
    percent::encode_into(&mut key, release, false);
    out.push_str(&key.replace(':', "%3A"));
    out.push(':');
    percent::encode_into(out, file, false);
}

/// The absolute share link of `fragment` (with or without its `#`) on the page at `base`
/// (the page's own address; any fragment `base` has is replaced).
///
/// ```
/// use asa_planner::domain::query::absolute_link;
/// assert_eq!(
///     absolute_link("https://tools.example.net/asa/#old", "#from=8.2(5)"),
///     "https://tools.example.net/asa/#from=8.2(5)"
/// );
/// ```
pub fn absolute_link(base: &str, fragment: &str) -> String {
    let page = base.split('#').next().unwrap_or_default().trim();
    format!("{page}#{}", fragment.strip_prefix('#').unwrap_or(fragment))
}

/// Splits a raw list value at its commas, then decodes each item; empty items are dropped.
fn list(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(percent::decode_lenient)
        .collect()
}

fn flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// A value as shown in a message: quoted, shortened, with control characters, blanks other than
/// the space and invisible characters (`release::invisible`) named by code point (`U+200B`).
pub(crate) fn quoted(value: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut out = String::from("'");
    for (i, c) in value.chars().enumerate() {
        if i == MAX_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() || (c.is_whitespace() && c != ' ') || super::release::invisible(c) {
            out.push_str(&format!("U+{:04X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

impl FromStr for PlanQuery {
    type Err = QueryError;
    fn from_str(fragment: &str) -> Result<Self, QueryError> {
        Self::parse_with_notices(fragment).map(|(q, _)| q)
    }
}

impl fmt::Display for PlanQuery {
    /// Canonical fragment text without `#`; defaults are omitted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let mut pair = |key: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            out.push_str(value);
        };
        let items = |items: &mut dyn Iterator<Item = String>| {
            let mut joined = String::new();
            for (i, item) in items.enumerate() {
                if i > 0 {
                    joined.push(',');
                }
                percent::encode_into(&mut joined, &item, false);
            }
            joined
        };
        if !self.from.is_empty() {
            pair("from", &percent::encode(&self.from, true));
        }
        if let Some(from2) = &self.from2 {
            pair("from2", &percent::encode(from2, true));
        }
        if !self.to.is_empty() {
            pair("to", &percent::encode(&self.to, true));
        }
        if self.mode != Mode::default() {
            pair("mode", self.mode.as_str());
        }
        if let Some(preset) = &self.preset {
            pair("preset", &percent::encode(preset, true));
        }
        if let Some(platform) = self.platform {
            pair("platform", platform.as_str());
        }
        if let Some(trains) = &self.trains {
            pair("trains", &items(&mut trains.iter().map(Train::to_string)));
        }
        if let Some(releases) = &self.releases {
            pair("releases", &items(&mut releases.iter().cloned()));
        }
        if !self.via.is_empty() {
            pair("via", &items(&mut self.via.iter().cloned()));
        }
        if self.interim {
            pair("interim", "1");
        }
        if self.rules != RuleSet::default() {
            pair("rules", self.rules.as_str());
        }
        if self.multi_context {
            pair("contexts", "multi");
        }
        if !self.server.is_empty() {
            pair("server", &percent::encode(&self.server, true));
        }
        for (key, files) in [("img", &self.images), ("asdm", &self.asdm)] {
            if !files.is_empty() {
                let mut joined = String::new();
                for (i, (release, file)) in files.iter().enumerate() {
                    if i > 0 {
                        joined.push(',');
                    }
                    named_file(&mut joined, release, file);
                }
                pair(key, &joined);
            }
        }
        if let Some(m) = self.minutes {
            pair("min", &m.to_string());
        }
        f.write_str(&out)
    }
}
