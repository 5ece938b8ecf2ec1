//! The share format (SPEC §8): the plan in the URL fragment, URLSearchParams syntax.
//! `#from=8.2(5)&to=9.1(7)`. `PlanQuery` parses with `FromStr` and prints with `Display`
//! (without the `#`), and `parse(display(q)) == q`.
//!
//! TODO(domain-aux): implement.

use super::release::Train;
use super::runbook::Mode;
use std::fmt;
use std::str::FromStr;

/// Longest fragment accepted (bytes, without `#`). Longer input is refused with a message.
pub const MAX_FRAGMENT: usize = 8 * 1024;

/// Everything that defines a plan. Release fields keep the text as typed (any spelling, even
/// text that does not parse) so nothing a person entered is lost; `session` interprets them.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct PlanQuery {
    pub from: String,
    pub to: String,
    /// The second unit's release when the pair is mismatched.
    pub from2: Option<String>,
    pub mode: Mode,
    /// Preset id as given (validated by `session`); `None` means the default preset.
    pub preset: Option<String>,
    /// Explicit train set (overrides the preset); `None` means "the preset's".
    pub trains: Option<Vec<Train>>,
    /// Custom release list entries as typed (replaces the built-in catalog).
    pub releases: Option<Vec<String>>,
    /// Intermediate overrides, one release per train, as typed.
    pub via: Vec<String>,
    /// Show interim builds in the graph.
    pub interim: bool,
}

/// Something in a fragment that was ignored or could not be used; the rest was kept.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Notice {
    /// The key it concerns (`mode`, `trains`, an unknown key …).
    pub key: String,
    pub message: String,
    /// Unknown keys are notices; bad values are errors (shown in the error banner).
    pub is_error: bool,
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

impl PlanQuery {
    /// Parses a fragment (with or without the leading `#`), reporting what was ignored.
    pub fn parse_with_notices(fragment: &str) -> Result<(PlanQuery, Vec<Notice>), QueryError> {
        todo!()
    }
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
        todo!()
    }
}
