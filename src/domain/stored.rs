//! State saved in local storage between visits, and its defensive decoding: corrupt or foreign
//! data is an error value (reported once by the UI, then replaced), never a panic.
//!
//! # Format (version 1)
//!
//! Text lines, `\n`-separated:
//!
//! ```text
//! asa-planner-state v1
//! fragment=from%3D8.2(5)%26to%3D9.1(7)
//! server=10.0.0.5
//! image=8.4(7)=asa847-k8.bin
//! list_draft=8.4(7)%2C%209.0(4)
//! minutes=25
//! end
//! ```
//!
//! The header names the format and its version; every value (and an image's release key) is
//! percent-encoded so it holds no line break and no `=`; `end` closes the record so that a
//! truncated write is detected. Decoding is strict: an unknown or repeated key, a bad escape, a
//! missing `end`, a newer version or text over [`MAX_STORED`] bytes is an error.

use super::query::{decode_strict, percent_encode};
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
    /// The last plan, as a share fragment (without `#`).
    pub fragment: String,
    /// TFTP server for the runbook.
    pub server: String,
    /// Image names the person typed, keyed by canonical release.
    pub images: Vec<(String, String)>,
    /// The custom-list box as typed (may be longer than a link can carry).
    pub list_draft: String,
    /// "Minutes per reload" as typed: the person's estimate (written only when not empty).
    pub minutes: String,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StoredError(pub String);

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

/// Encodes `stored` as text (versioned). [`decode`] reads it back exactly.
pub fn encode(stored: &Stored) -> String {
    let mut out = String::from(HEADER);
    let mut line = |key: &str, value: &str| {
        out.push('\n');
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    };
    line("fragment", &percent_encode(&stored.fragment, true));
    line("server", &percent_encode(&stored.server, true));
    for (release, image) in &stored.images {
        let pair = format!(
            "{}={}",
            percent_encode(release, true),
            percent_encode(image, true)
        );
        line("image", &pair);
    }
    line("list_draft", &percent_encode(&stored.list_draft, true));
    if !stored.minutes.is_empty() {
        line("minutes", &percent_encode(&stored.minutes, true));
    }
    out.push('\n');
    out.push_str(END);
    out
}

/// Decodes text written by [`encode`]; anything else is an error.
///
/// The error says what was wrong in a few words (`not planner state`, `line 3: unknown key
/// 'x'`); [`StoredError`]'s `Display` frames it for the person.
pub fn decode(text: &str) -> Result<Stored, StoredError> {
    let fail = |message: String| Err(StoredError(message));
    if text.len() > MAX_STORED {
        return fail(format!("{} bytes, more than {MAX_STORED}", text.len()));
    }
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    match lines.next() {
        Some(HEADER) => {}
        Some(other) if other.starts_with("asa-planner-state v") => {
            return fail(format!(
                "written by a newer or unknown version: {}",
                short(other)
            ));
        }
        _ => return fail("not planner state".to_string()),
    }
    let mut stored = Stored::default();
    let mut seen = [false; 4];
    let mut ended = false;
    for (i, line) in lines.enumerate() {
        let number = i + 2;
        if ended {
            if line.is_empty() {
                continue;
            }
            return fail(format!("line {number}: text after the end"));
        }
        if line == END {
            ended = true;
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return fail(format!("line {number}: expected key=value"));
        };
        let value_of = |text: &str| {
            decode_strict(text).map_err(|e| StoredError(format!("line {number}: {e}")))
        };
        let once = |slot: usize, seen: &mut [bool; 4]| {
            if std::mem::replace(&mut seen[slot], true) {
                Err(StoredError(format!("line {number}: {key} is repeated")))
            } else {
                Ok(())
            }
        };
        match key {
            "fragment" => {
                once(0, &mut seen)?;
                stored.fragment = value_of(value)?;
            }
            "server" => {
                once(1, &mut seen)?;
                stored.server = value_of(value)?;
            }
            "list_draft" => {
                once(2, &mut seen)?;
                stored.list_draft = value_of(value)?;
            }
            "minutes" => {
                once(3, &mut seen)?;
                stored.minutes = value_of(value)?;
            }
            "image" => {
                let Some((release, image)) = value.split_once('=') else {
                    return fail(format!("line {number}: expected image=release=file"));
                };
                stored.images.push((value_of(release)?, value_of(image)?));
            }
            _ => return fail(format!("line {number}: unknown key {}", short(key))),
        }
    }
    if !ended {
        return fail("truncated: the end line is missing".to_string());
    }
    Ok(stored)
}

/// A piece of foreign text, quoted and cut short for a message.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(30).filter(|c| !c.is_control()).collect();
    if text.chars().count() > 30 {
        out.push('…');
    }
    format!("'{out}'")
}
