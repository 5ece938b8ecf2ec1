//! Markdown export of a plan for a change ticket: verdict, hops with rules and reasons, notes,
//! and each hop's runbook.
//!
//! TODO(domain-aux): implement.

use super::runbook::HopImages;
use super::session::Session;

/// The Markdown text. `images[i]` are the file names of hop `i`; `link` is the share URL.
pub fn markdown(session: &Session, images: &[HopImages], link: &str) -> String {
    todo!()
}
