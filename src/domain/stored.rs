//! State saved in local storage between visits, and its defensive decoding: nothing panics,
//! and nothing that reads is lost. [`read`] keeps every line that reads and names each line it
//! drops and why (a bad escape, an unknown key, a missing `end`: one line, not the record); a
//! record a newer version wrote is read as far as this version knows it and flagged, so the
//! page does not save over it ([`Read::newer`]). Only text that is not planner state at all
//! (or is too long to be) is an error value, reported once by the UI and then replaced.
//!
//! # Format (version 1)
//!
//! Text lines, `\n`-separated:
//!
//! ```text
//! asa-planner-state v1
//! fragment=from%3D8.2(5)%26to%3D9.1(7)
//! link=from%3D8.2(5)%26to%3D9.1(7)
//! server=10.0.0.5
//! image=8.4(7)=asa847-k8.bin
//! list_draft=8.4(7)%2C%209.0(4)
//! minutes=25
//! end
//! ```
//!
//! The header names the format and its version; every value (and an image's release key) is
//! percent-encoded so it holds no line break and no `=`; `end` closes the record so that a
//! truncated write is detected. [`decode`] is strict: an unknown or repeated key, a bad escape,
//! a missing `end`, a newer version or text over [`MAX_STORED`] bytes is an error. [`read`],
//! which the page uses, drops only the line at fault and says so.
//!
//! The envelope (header, `key=value` lines, `end`, the checks) is [`Format`] and [`Writer`],
//! shared with the fleet view's own saved text (`fleet::saved`), so both decode alike.

use super::query::{decode_strict, percent_encode, PlanQuery, StrictError};
use std::fmt;

/// The first line of the current format.
pub const HEADER: &str = "asa-planner-state v1";

/// Largest text decoded (bytes). Local storage holds about 5 MB per origin; a planner's state is
/// a few KiB, so anything near this is not ours.
pub const MAX_STORED: usize = 1024 * 1024;

const END: &str = "end";

/// What is kept between visits.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Stored {
    /// The last plan, as a share fragment (without `#`): the whole query, even where a link
    /// could not carry all of it (`query::Fitted::whole`); a page opened without a link reads
    /// it (`query::PlanQuery::parse_saved`).
    pub fragment: String,
    /// The link the page showed for it (`query::Fitted::fragment`; empty when not written): a
    /// reload of that link takes back from `fragment` what it left out of the release fields
    /// ([`left_out_fields_into`]).
    pub link: String,
    /// TFTP server for the runbook.
    pub server: String,
    /// Image names the person typed, keyed by canonical release.
    pub images: Vec<(String, String)>,
    /// The custom-list box as typed (may be longer than a link can carry).
    pub list_draft: String,
    /// "Minutes per reload" as typed: the person's estimate (written only when not empty).
    pub minutes: String,
}

/// Saved text that was not read, with why ([`Unread`]).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StoredError(pub Unread);

/// Why a saved text was not read, as facts; its `Display` says it in a few words
/// (`not planner state`, `line 3: unknown key 'x'`), which [`StoredError`]'s frames.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Unread {
    /// More than [`MAX_STORED`] bytes.
    TooLong { bytes: usize },
    /// The header of a newer or unknown version (cut to 30 characters).
    NewerVersion { header: String },
    /// Text that is not this kind of saved text at all.
    NotOurs(Kind),
    /// A line after `end` that is not blank.
    AfterEnd { line: usize },
    /// A line that is not `key=value`.
    NotKeyValue { line: usize },
    /// A key the format does not have (cut to 30 characters).
    UnknownKey { line: usize, key: String },
    /// A key given twice that is not a list.
    Repeated { line: usize, key: &'static str },
    /// No `end` line.
    Truncated,
    /// An `image` line that is not `release=file`.
    NotImage { line: usize },
    /// A value that is not percent-encoded as the planner writes it.
    Value { line: usize, error: StrictError },
}

/// Which saved text a format reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// The planner's own state.
    Planner,
    /// The fleet view's saved fleet.
    Fleet,
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::TooLong { bytes } => write!(f, "{bytes} bytes, more than {MAX_STORED}"),
            Unread::NewerVersion { header } => {
                write!(f, "written by a newer or unknown version: '{header}'")
            }
            Unread::NotOurs(Kind::Planner) => f.write_str("not planner state"),
            Unread::NotOurs(Kind::Fleet) => f.write_str("not a saved fleet"),
            Unread::AfterEnd { line } => write!(f, "line {line}: text after the end"),
            Unread::NotKeyValue { line } => write!(f, "line {line}: expected key=value"),
            Unread::UnknownKey { line, key } => write!(f, "line {line}: unknown key '{key}'"),
            Unread::Repeated { line, key } => write!(f, "line {line}: {key} is repeated"),
            Unread::Truncated => f.write_str("truncated: the end line is missing"),
            Unread::NotImage { line } => write!(f, "line {line}: expected image=release=file"),
            Unread::Value { line, error } => write!(f, "line {line}: {error}"),
        }
    }
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "saved state could not be read ({}); it was replaced",
            self.0
        )
    }
}

impl std::error::Error for StoredError {}

/// The planner's own state: its header and keys (`image`, key 2, is a list, one line each).
const FORMAT: Format = Format {
    header: HEADER,
    kind: Kind::Planner,
    keys: &[
        "fragment",
        "server",
        "image",
        "list_draft",
        "minutes",
        "link",
    ],
    lists: 1 << 2,
    max: MAX_STORED,
};

/// Encodes `stored` as text (versioned). [`decode`] reads it back exactly.
pub fn encode(stored: &Stored) -> String {
    let mut out = Writer::start(HEADER);
    out.line("fragment", &stored.fragment);
    if !stored.link.is_empty() {
        out.line("link", &stored.link);
    }
    out.line("server", &stored.server);
    for (release, image) in &stored.images {
        let pair = format!(
            "{}={}",
            percent_encode(release, true),
            percent_encode(image, true)
        );
        out.raw("image", &pair);
    }
    out.line("list_draft", &stored.list_draft);
    if !stored.minutes.is_empty() {
        out.line("minutes", &stored.minutes);
    }
    out.end()
}

/// Decodes text written by [`encode`]; anything else is an error: the first thing [`read`]
/// would drop or flag.
///
/// The error says what was wrong in a few words (`not planner state`, `line 3: unknown key
/// 'x'`); [`StoredError`]'s `Display` frames it for the person.
pub fn decode(text: &str) -> Result<Stored, StoredError> {
    let read = read(text)?;
    if let Some(header) = read.newer {
        return Err(StoredError(Unread::NewerVersion { header }));
    }
    if let Some(unread) = read.dropped.into_iter().next() {
        return Err(StoredError(unread));
    }
    match read.loose.into_iter().next() {
        Some(Loose { line, error, .. }) => Err(StoredError(Unread::Value { line, error })),
        None => Ok(read.stored),
    }
}

/// What [`read`] made of a saved text: every line that read, and what it left (the page's
/// banner says it: `view::words::saved_state_read`).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Read {
    pub stored: Stored,
    /// What was not read, in the order of the text: each a line dropped (the rest of the
    /// record kept), or [`Unread::Truncated`] when the `end` line is missing (every line that
    /// read kept; the last one may be cut short).
    pub dropped: Vec<Unread>,
    /// The header, when a newer version of the planner wrote the record (cut to 30
    /// characters): this version read the keys it knows, and the page must not save over the
    /// record, whose other lines this version cannot write back.
    pub newer: Option<String>,
    /// The lines kept whose value had a bad escape (`%` not followed by two hex digits, or
    /// escapes that are not UTF-8): read with each such escape as its own characters
    /// ([`decode_lenient`]), so a damaged plan is kept for the person to see and mend.
    pub loose: Vec<Loose>,
}

/// A line of saved text kept although its value had a bad escape: the value was read with the
/// escape as its literal characters.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Loose {
    /// The 1-based line.
    pub line: usize,
    /// The line's key (`fragment`, `csv`).
    pub key: &'static str,
    /// The first bad escape in it.
    pub error: StrictError,
}

impl fmt::Display for Loose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} ({}): {}", self.line, self.key, self.error)
    }
}

/// Reads a saved text line by line, keeping every line that reads (see [`Read`]). An error
/// only for text that is not planner state at all, or too long to be.
///
/// A value with a bad escape is kept, the escape read as its own characters, and said
/// ([`Read::loose`]): the saved plan is what the person typed, and a damaged `%` in it must not
/// empty the release fields.
pub fn read(text: &str) -> Result<Read, StoredError> {
    let mut out = Read::default();
    let stored = &mut out.stored;
    let loose = &mut out.loose;
    let (newer, dropped) = FORMAT.read_lenient(text, |entry| {
        let slot = match entry.key {
            0 => &mut stored.fragment,
            1 => &mut stored.server,
            3 => &mut stored.list_draft,
            4 => &mut stored.minutes,
            5 => &mut stored.link,
            _ => {
                let Some((release, image)) = entry.raw.split_once('=') else {
                    return Err(StoredError(Unread::NotImage { line: entry.number }));
                };
                let image = (entry.keep(release, loose), entry.keep(image, loose));
                stored.images.push(image);
                return Ok(());
            }
        };
        *slot = entry.keep(entry.raw, loose);
        Ok(())
    })?;
    out.newer = newer;
    out.dropped = dropped;
    Ok(out)
}

/// Decodes a saved value as [`decode_strict`] does, but keeps what it would refuse: a `%` not
/// followed by two hex digits, and escapes whose bytes are not UTF-8, stay as their own
/// characters (`%ZZ`, `%E2`). `+` is not special. The first thing refused comes with it.
pub fn decode_lenient(text: &str) -> (String, Option<StrictError>) {
    let error = decode_strict(text).err();
    if error.is_none() {
        return (decode_strict(text).unwrap_or_default(), None);
    }
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let escape = |bytes: &[u8], i: usize| -> Option<u8> {
        Some(hex(*bytes.get(i + 1)?)? << 4 | hex(*bytes.get(i + 2)?)?)
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if escape(bytes, i).is_none() {
            // Literal text up to the next good escape: `text` is UTF-8, so this is too.
            let mut end = i + 1;
            while end < bytes.len() && !(bytes[end] == b'%' && escape(bytes, end).is_some()) {
                end += 1;
            }
            out.push_str(&text[i..end]);
            i = end;
            continue;
        }
        // A run of escapes: what is UTF-8 decoded, the rest kept as written.
        let start = i;
        let mut run = Vec::new();
        while let Some(b) = escape(bytes, i) {
            run.push(b);
            i += 3;
        }
        let mut at = start;
        for chunk in run.utf8_chunks() {
            out.push_str(chunk.valid());
            at += 3 * chunk.valid().len();
            let bad = 3 * chunk.invalid().len();
            out.push_str(&text[at..at + bad]);
            at += bad;
        }
    }
    (out, error)
}

/// Puts back into `query`, read from the link `hash` (without `#`), the text of the release
/// fields that link left out when it is the link the page last wrote here: a text too long for
/// a link that reads as no release (`query::Dropped::Unread`), which the saved plan kept
/// (`query::Fitted::whole`). A reload of the tab then shows what was typed. Nothing else comes
/// from storage: another link that happens to read the same (a colleague's) plans the same
/// whatever this browser holds, and the custom list left out of a link stays in its box.
pub fn left_out_fields_into(stored: &Stored, hash: &str, query: &mut PlanQuery) {
    if stored.link.is_empty() || stored.link != hash {
        return;
    }
    let (saved, _) = PlanQuery::parse_saved(&stored.fragment);
    let blank = |text: &str| text.trim().is_empty();
    if blank(&query.from) {
        query.from = saved.from;
    }
    if blank(&query.to) {
        query.to = saved.to;
    }
    if let (Some(from2), Some(saved2)) = (&mut query.from2, saved.from2) {
        if blank(from2) {
            *from2 = saved2;
        }
    }
}

/// Puts the runbook settings of saved state (its `server`, `image` and `minutes` lines, as
/// this page saved them before the share link carried them) into `query` where the query has
/// none: what a link says wins, and nothing an older visit typed is lost.
pub fn settings_into(stored: &Stored, query: &mut super::query::PlanQuery) {
    use super::runbook::{minutes_per_reload, ASDM_KEY_PREFIX};
    if query.server.is_empty() {
        query.server = stored.server.clone();
    }
    if query.images.is_empty() && query.asdm.is_empty() {
        for (key, file) in &stored.images {
            match key.strip_prefix(ASDM_KEY_PREFIX) {
                Some(release) => query.asdm.push((release.to_string(), file.clone())),
                None => query.images.push((key.clone(), file.clone())),
            }
        }
    }
    if query.minutes.is_none() {
        query.minutes = minutes_per_reload(&stored.minutes);
    }
}

/// A versioned text format of `key=value` lines between a header and `end` (the envelope every
/// saved text shares; see the module's documentation).
pub(crate) struct Format {
    /// The first line: a name and ` v` and the version.
    pub header: &'static str,
    /// Which saved text it is (named when a text does not start with the name).
    pub kind: Kind,
    /// Every key the format has (at most 32); each may appear once, except the lists.
    pub keys: &'static [&'static str],
    /// The keys that may repeat, as bits by index in `keys`.
    pub lists: u32,
    /// Largest text read (bytes; [`MAX_STORED`] for the planner's state).
    pub max: usize,
}

/// One `key=value` line of a saved text, its value not yet decoded.
pub(crate) struct Entry<'t> {
    /// The 1-based line.
    pub number: usize,
    /// The key's index in [`Format::keys`].
    pub key: usize,
    /// The key.
    pub name: &'static str,
    pub raw: &'t str,
}

impl Entry<'_> {
    /// The value, percent-decoded.
    pub fn value(&self) -> Result<String, StoredError> {
        self.decode(self.raw)
    }

    /// A part of the value, decoded leniently ([`decode_lenient`]): its first bad escape,
    /// if any, is added to `loose`.
    pub fn keep(&self, text: &str, loose: &mut Vec<Loose>) -> String {
        let (value, error) = decode_lenient(text);
        if let Some(error) = error {
            if !loose.iter().any(|l| l.line == self.number) {
                loose.push(Loose {
                    line: self.number,
                    key: self.name,
                    error,
                });
            }
        }
        value
    }

    /// A part of the value, percent-decoded.
    pub fn decode(&self, text: &str) -> Result<String, StoredError> {
        decode_strict(text).map_err(|error| {
            StoredError(Unread::Value {
                line: self.number,
                error,
            })
        })
    }
}

impl Format {
    /// Hands each entry of `text` to `entry`, in order, checking the envelope on the way: size,
    /// header and version, `key=value` lines of known keys, none repeated but the lists, `end`
    /// last. The first error, the envelope's or `entry`'s, ends the reading.
    pub fn read<'t>(
        &self,
        text: &'t str,
        mut entry: impl FnMut(Entry<'t>) -> Result<(), StoredError>,
    ) -> Result<(), StoredError> {
        let fail = |unread: Unread| Err(StoredError(unread));
        if text.len() > MAX_STORED {
            return fail(Unread::TooLong { bytes: text.len() });
        }
        // The header without its version number: `asa-planner-state v`.
        let family = self.header.trim_end_matches(|c: char| c.is_ascii_digit());
        let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        match lines.next() {
            Some(first) if first == self.header => {}
            Some(other) if other.starts_with(family) => {
                return fail(Unread::NewerVersion {
                    header: short(other),
                });
            }
            _ => return fail(Unread::NotOurs(self.kind)),
        }
        let mut seen = 0u32;
        let mut ended = false;
        for (i, line) in lines.enumerate() {
            let number = i + 2;
            if ended {
                if line.is_empty() {
                    continue;
                }
                return fail(Unread::AfterEnd { line: number });
            }
            if line == END {
                ended = true;
                continue;
            }
            let Some((key, raw)) = line.split_once('=') else {
                return fail(Unread::NotKeyValue { line: number });
            };
            let Some(index) = self.keys.iter().position(|k| *k == key) else {
                return fail(Unread::UnknownKey {
                    line: number,
                    key: short(key),
                });
            };
            let bit = 1 << index;
            if seen & bit & !self.lists != 0 {
                return fail(Unread::Repeated {
                    line: number,
                    key: self.keys[index],
                });
            }
            seen |= bit;
            entry(Entry {
                number,
                key: index,
                name: self.keys[index],
                raw,
            })?;
        }
        if !ended {
            return fail(Unread::Truncated);
        }
        Ok(())
    }
}

impl Format {
    /// Hands each entry of `text` that reads to `entry`, in order, as [`Format::read`] does,
    /// but drops only what is at fault: a line that is not `key=value`, has an unknown key,
    /// repeats a key (the first stays), or that `entry` refuses; lines after `end`. A missing
    /// `end` is said ([`Unread::Truncated`]), the lines before it kept. A header of a newer
    /// version of the format reads the same way and is returned. An error only for text over
    /// [`MAX_STORED`] bytes or not of this kind at all.
    #[allow(clippy::type_complexity)]
    pub fn read_lenient<'t>(
        &self,
        text: &'t str,
        mut entry: impl FnMut(Entry<'t>) -> Result<(), StoredError>,
    ) -> Result<(Option<String>, Vec<Unread>), StoredError> {
        if text.len() > self.max {
            return Err(StoredError(Unread::TooLong { bytes: text.len() }));
        }
        let family = self.header.trim_end_matches(|c: char| c.is_ascii_digit());
        let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        let newer = match lines.next() {
            Some(first) if first == self.header => None,
            Some(other) if other.starts_with(family) => Some(short(other)),
            _ => return Err(StoredError(Unread::NotOurs(self.kind))),
        };
        let mut dropped = Vec::new();
        let mut seen = 0u32;
        let mut ended = false;
        for (i, line) in lines.enumerate() {
            let number = i + 2;
            if ended {
                if !line.is_empty() {
                    dropped.push(Unread::AfterEnd { line: number });
                }
                continue;
            }
            if line == END {
                ended = true;
                continue;
            }
            let Some((key, raw)) = line.split_once('=') else {
                dropped.push(Unread::NotKeyValue { line: number });
                continue;
            };
            let Some(index) = self.keys.iter().position(|k| *k == key) else {
                dropped.push(Unread::UnknownKey {
                    line: number,
                    key: short(key),
                });
                continue;
            };
            let bit = 1 << index;
            if seen & bit & !self.lists != 0 {
                dropped.push(Unread::Repeated {
                    line: number,
                    key: self.keys[index],
                });
                continue;
            }
            let read = entry(Entry {
                number,
                key: index,
                name: self.keys[index],
                raw,
            });
            match read {
                Ok(()) => seen |= bit,
                Err(StoredError(unread)) => dropped.push(unread),
            }
        }
        if !ended {
            dropped.push(Unread::Truncated);
        }
        Ok((newer, dropped))
    }
}

/// Writes a saved text: the header, `key=value` lines, `end`.
pub(crate) struct Writer(String);

impl Writer {
    pub fn start(header: &str) -> Writer {
        Writer(header.to_string())
    }

    /// A line whose value is percent-encoded here.
    pub fn line(&mut self, key: &str, value: &str) {
        self.raw(key, &percent_encode(value, true));
    }

    /// A line whose value is already encoded.
    pub fn raw(&mut self, key: &str, value: &str) {
        self.0.push('\n');
        self.0.push_str(key);
        self.0.push('=');
        self.0.push_str(value);
    }

    pub fn end(mut self) -> String {
        self.0.push('\n');
        self.0.push_str(END);
        self.0
    }
}

/// A piece of foreign text, cut short for a message (its `Display` quotes it), control and
/// invisible characters named by code point (`U+200B`).
fn short(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().take(30) {
        if c.is_control() || super::release::invisible(c) {
            out.push_str(&format!("U+{:04X}", c as u32));
        } else {
            out.push(c);
        }
    }
    if text.chars().count() > 30 {
        out.push('…');
    }
    out
}
