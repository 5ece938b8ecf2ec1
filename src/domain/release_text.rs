//! A release field reads what a person copies off a unit (SPEC §2): a plain release in any
//! spelling, the first line of `show version`, a `Version: Ours …, Mate …` line of
//! `show failover`, or an image file name of any platform family. [`read`] says which of these
//! it read ([`Source`]), so the field can show "read 9.12(4)37 from an image file name".
//!
//! | text                                                           | reads      |
//! |----------------------------------------------------------------|------------|
//! | `8.4(7)30`, `8.4(7.30)`, `8.4.7.30`                            | `8.4(7)30` |
//! | `Cisco Adaptive Security Appliance Software Version 9.8(4) <admin>` | `9.8(4)` |
//! | `Version: Ours 9.8(4), Mate 9.12(4)`                            | `9.8(4)`, offers `9.12(4)` |
//! | `asa9-12-4-37-smp-k8.bin`, `asa9-16-4-85-lfbff-k8.SPA`          | `9.12(4)37`, `9.16(4)85` |
//! | `asa847-30-k8.bin`, `asa924-smp-k8.bin`, `asa9101-smp-k8.bin`   | `8.4(7)30`, `9.2(4)`, `9.10(1)` |
//! | `cisco-asa-fp2k.9.16.4.SPA`, `cisco-asa.9.17.1.SPA.csp`         | `9.16(4)`, `9.17(1)` |
//! | `asav9-14-1.qcow2`, `disk0:/asa917-k8.bin`                      | `9.14(1)`, `9.1(7)` |
//!
//! Image names (facts §1.5): the version runs together while every number is one digit
//! (`asa924` = 9.2(4)) and is dashed otherwise (`asa9-12-4`); Cisco also ran the two-digit
//! minor of 9.10 to 9.15 together (`asa9101` = 9.10(1), `asa9151` = 9.15(1)). A compact token
//! of three digits after the major is read as a two-digit minor and a one-digit maintenance
//! number (no ASA maintenance number has two digits). The interim build follows a dash
//! (`asa847-30` = 8.4(7)30). Firepower, Secure Firewall and FXOS-managed images carry the
//! dotted release (`cisco-asa-fp1k.9.18.2.7.SPA` = 9.18(2)7).
//!
//! Anything else is read as a plain release, so its error is the release parser's, naming the
//! position. Nothing panics.

use super::release::{ParseError, Release};
use std::fmt;

/// What the text was.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Source {
    /// A release in one of Cisco's spellings.
    Plain,
    /// `show version`'s first line: `Cisco Adaptive Security Appliance Software Version …`.
    ShowVersion,
    /// `show failover`'s `Version: Ours …, Mate …` line (the release read is "Ours").
    FailoverVersion,
    /// An image file name (`asa9-12-4-37-smp-k8.bin`, `cisco-asa-fp2k.9.16.4.SPA`, …).
    ImageFile,
}

/// A release read from a field, where it came from, and the mate's release a `Version:` line
/// offers for the second unit (`None` when absent or `Mate Unknown`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Reading {
    pub release: Release,
    pub source: Source,
    pub mate: Option<Release>,
}

/// Why a field's text gives no release.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ReadError {
    /// Plain text that is not a release: the release parser's own message.
    Release(ParseError),
    /// A `show version` line whose release does not read.
    ShowVersion(ParseError),
    /// A `Version: Ours …` line whose "Ours" release does not read.
    FailoverVersion(ParseError),
    /// An image file name without a readable release in it.
    ImageFile { name: String },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Release(e) => write!(f, "{e}"),
            ReadError::ShowVersion(e) => {
                write!(f, "the show version line names no release that reads: {e}")
            }
            ReadError::FailoverVersion(e) => {
                write!(f, "the Version line's \"Ours\" release does not read: {e}")
            }
            ReadError::ImageFile { name } => write!(
                f,
                "{} looks like an image file name but holds no release that reads \
                 (expected e.g. asa9-12-4-37-smp-k8.bin or cisco-asa-fp2k.9.16.4.SPA)",
                super::query::quoted(name)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// The banner `show version` starts with; the release follows it.
const SHOW_VERSION: &str = "software version";

/// Reads a release field. See the module documentation for what it accepts.
///
/// ```
/// use asa_planner::domain::release_text::{read, Source};
/// let r = read("asa9-12-4-37-smp-k8.bin").unwrap();
/// assert_eq!((r.release.to_string(), r.source), ("9.12(4)37".to_string(), Source::ImageFile));
/// ```
pub fn read(text: &str) -> Result<Reading, ReadError> {
    let trimmed = text.trim();
    let plain = |source: Source, release: Release| Reading {
        release,
        source,
        mate: None,
    };
    if let Some(rest) = after_ci(trimmed, SHOW_VERSION) {
        return show_version_release(rest)
            .map(|r| plain(Source::ShowVersion, r))
            .map_err(ReadError::ShowVersion);
    }
    if let Some(rest) = strip_prefix_ci(trimmed, "version:") {
        if let Some(line) = failover_version(rest) {
            return line.map_err(ReadError::FailoverVersion);
        }
    }
    if let Some(name) = image_name(trimmed) {
        return image_release(name)
            .map(|r| plain(Source::ImageFile, r))
            .ok_or_else(|| ReadError::ImageFile {
                name: name.to_string(),
            });
    }
    text.parse::<Release>()
        .map(|r| plain(Source::Plain, r))
        .map_err(ReadError::Release)
}

/// The release after `Software Version`: its first word (a trailing ` <context>` and anything
/// after the release are ignored).
pub(crate) fn show_version_release(rest: &str) -> Result<Release, ParseError> {
    let word = rest.split_whitespace().next().unwrap_or("");
    word.parse()
}

/// `Ours <r>, Mate <r>|Unknown` after `Version:`; `None` when the text is no such line.
fn failover_version(rest: &str) -> Option<Result<Reading, ParseError>> {
    let rest = strip_prefix_ci(rest.trim_start(), "ours")?;
    let (ours, mate) = match rest.split_once(',') {
        Some((ours, mate)) => (ours, Some(mate)),
        None => (rest, None),
    };
    let mate = mate
        .and_then(|m| strip_prefix_ci(m.trim_start(), "mate"))
        .and_then(|m| m.split_whitespace().next())
        .and_then(|m| m.parse::<Release>().ok());
    Some(ours.trim().parse::<Release>().map(|release| Reading {
        release,
        source: Source::FailoverVersion,
        mate,
    }))
}

/// The file name of an image path (`disk0:/asa917-k8.bin` → `asa917-k8.bin`) when the text
/// looks like an ASA image file name: it starts with `asa` or `cisco-asa`, or ends with an
/// image extension.
pub(crate) fn image_name(text: &str) -> Option<&str> {
    let text = text.trim().trim_matches('"');
    let name = text.rsplit(['/', ':', '\\']).next().unwrap_or(text);
    let starts = |p: &str| {
        name.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let ends = |e: &str| {
        name.len()
            .checked_sub(e.len())
            .and_then(|at| name.get(at..))
            .is_some_and(|t| t.eq_ignore_ascii_case(e))
    };
    let image = starts("asa")
        || starts("cisco-asa")
        || [".bin", ".spa", ".csp", ".qcow2", ".zip", ".vhd.bz2", ".ova"]
            .iter()
            .any(|e| ends(e));
    (image && !name.is_empty() && !name.contains('(')).then_some(name)
}

/// The release an image file name carries, or `None`.
pub(crate) fn image_release(name: &str) -> Option<Release> {
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("cisco-asa") {
        // `cisco-asa-fp2k.9.16.4.SPA`, `cisco-asa.9.17.1.SPA.csp`: the dotted numbers after the
        // family, up to the first part that is not a number.
        let (_, dotted) = rest.split_once('.')?;
        let parts: Vec<&str> = dotted
            .split('.')
            .take_while(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        if !(3..=4).contains(&parts.len()) {
            return None;
        }
        return parts.join(".").parse().ok();
    }
    let rest = lower
        .strip_prefix("asav")
        .or_else(|| lower.strip_prefix("asa"))?;
    // The version token ends at the extension or the first word (`smp`, `k8`, `lfbff`).
    let token = rest.split('.').next().unwrap_or("");
    let numbers: Vec<&str> = token
        .split('-')
        .take_while(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    let number = |s: &str| s.parse::<u16>().ok();
    let (first, more) = numbers.split_first()?;
    if first.len() == 1 {
        // Dashed: `9-12-4-37`.
        let [minor, maintenance, interim @ ..] = more else {
            return None;
        };
        let interim = match interim {
            [] => None,
            [i] => Some(number(i)?),
            _ => return None,
        };
        return Some(Release::new(
            number(first)?,
            number(minor)?,
            number(maintenance)?,
            interim,
        ));
    }
    // Compact: `847`, `924`, `9101`, `9151`, then an optional `-<interim>`.
    let digits = first.as_bytes();
    let d = |range: std::ops::Range<usize>| number(&first[range]);
    let (major, minor, maintenance) = match digits.len() {
        3 => (d(0..1)?, d(1..2)?, d(2..3)?),
        4 => (d(0..1)?, d(1..3)?, d(3..4)?),
        _ => return None,
    };
    let interim = match more {
        [] => None,
        [i] => Some(number(i)?),
        _ => return None,
    };
    Some(Release::new(major, minor, maintenance, interim))
}

/// The text after the first occurrence of `needle` (ASCII case ignored).
fn after_ci<'a>(text: &'a str, needle: &str) -> Option<&'a str> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find(needle)?;
    // ASCII lowering keeps byte offsets.
    Some(&text[at + needle.len()..])
}

/// `text` without `prefix` (ASCII case ignored).
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
