//! Custom release lists pasted by a person (comma, blank or newline separated).
//!
//! TODO(domain-core): implement.

use super::catalog::Catalog;

/// A bad entry of a pasted list: its 1-based position in the list, the text, and why.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ListError {
    pub index: usize,
    pub text: String,
    pub message: String,
}

/// Parses a pasted list. The good entries form the catalog (source "pasted list"); each bad one
/// is reported. Duplicates (in any spelling) are merged silently.
pub fn parse(text: &str) -> (Catalog, Vec<ListError>) {
    todo!()
}
