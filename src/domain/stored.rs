//! State saved in local storage between visits, and its defensive decoding: corrupt or foreign
//! data is an error value (reported once by the UI, then replaced), never a panic.
//!
//! TODO(domain-aux): implement.

use std::fmt;

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
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StoredError(pub String);

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "saved state could not be read ({}); it was replaced", self.0)
    }
}

/// Encodes `stored` as text (versioned).
pub fn encode(stored: &Stored) -> String {
    todo!()
}

/// Decodes text written by [`encode`]; anything else is an error.
pub fn decode(text: &str) -> Result<Stored, StoredError> {
    todo!()
}
