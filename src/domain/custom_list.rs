//! Custom release lists pasted by a person (comma, blank or newline separated).
//!
//! A pasted list replaces the built-in catalog (internal builds, what-if). It is read leniently:
//! every entry that parses is used, every one that does not is reported with its position, so a
//! typo never throws away the rest. Releases the built-in catalog knows as withdrawn by Cisco
//! stay withdrawn in a pasted list (a pulled image is never recommended, whoever lists it).

use super::catalog::{Catalog, Entry};
use super::release::{ParseError, Release};

/// A bad entry of a pasted list: its 1-based position in the list, the text, and why.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ListError {
    pub index: usize,
    pub text: String,
    /// What is wrong with the entry, as facts.
    pub problem: ListProblem,
    /// `problem` worded (its `Display`, written in `view::words`); kept for the page's callers.
    pub message: String,
}

/// What is wrong with an entry of a pasted list.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ListProblem {
    /// The entry after [`MAX_ENTRIES`]: it and the rest are ignored.
    TooMany,
    /// The entry is not a release (the parser's error).
    Unread(ParseError),
}

impl ListError {
    fn new(index: usize, token: &str, problem: ListProblem) -> ListError {
        ListError {
            index,
            text: shown(token),
            message: problem.to_string(),
            problem,
        }
    }
}

/// Most entries read from one list; the rest are reported once and ignored. Ten thousand
/// releases is far beyond any real catalog (the built-in one has 736) and still plans and lays
/// out fast; it bounds the work a 1 MB paste can cause.
pub const MAX_ENTRIES: usize = 10_000;

/// A bad entry's text is shown up to this many characters, then `…`.
const SHOWN_CHARS: usize = 40;

/// Parses a pasted list. The good entries form the catalog; each bad one
/// is reported. Duplicates (in any spelling) are merged silently.
///
/// Entries are separated by commas and blanks (spaces, tabs, newlines) in any mix; positions
/// count entries, not characters. At most [`MAX_ENTRIES`] are read.
pub fn parse(text: &str) -> (Catalog, Vec<ListError>) {
    let builtin = Catalog::builtin();
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let tokens = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty());
    for (i, token) in tokens.enumerate() {
        let index = i + 1;
        if i == MAX_ENTRIES {
            errors.push(ListError::new(index, token, ListProblem::TooMany));
            break;
        }
        match token.parse::<Release>() {
            Ok(release) => {
                let mut entry = Entry::listed(release);
                entry.withdrawn = builtin.get(release).is_some_and(|e| e.withdrawn);
                entry.pre_release = super::catalog::is_pre_release(release);
                entries.push(entry);
            }
            Err(e) => errors.push(ListError::new(index, token, ListProblem::Unread(e))),
        }
    }
    (Catalog::from_entries(entries), errors)
}

/// The text of a bad entry, cut to a readable length.
fn shown(token: &str) -> String {
    match token.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &token[..cut]),
        None => token.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn listed(text: &str, expected: &[&str]) {
        let (catalog, _) = parse(text);
        let got: Vec<String> = catalog
            .entries()
            .iter()
            .map(|e| e.release.to_string())
            .collect();
        assert_eq!(got, expected, "releases of {text:?}");
    }

    #[track_caller]
    fn errors(text: &str, expected: &[(usize, &str, &str)]) {
        let (_, errs) = parse(text);
        let got: Vec<(usize, &str, &str)> = errs
            .iter()
            .map(|e| (e.index, e.text.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(got, expected, "errors of {text:?}");
    }

    #[test]
    fn separators_mix_and_duplicates_merge() {
        listed(
            "9.8(4), 9.12(1)\n8.4.7.30\t8.4(7)30,,9.8(4)  ",
            &["8.4(7)30", "9.8(4)", "9.12(1)"],
        );
        listed("", &[]);
        listed(" ,\n, ", &[]);
    }

    #[test]
    fn bad_entries_are_named_and_good_ones_kept() {
        let text = "9.8(4), banana, 9.12(1) 8.2, 9.1(x)";
        listed(text, &["9.8(4)", "9.12(1)"]);
        errors(
            text,
            &[
                (
                    2,
                    "banana",
                    "unexpected character 'b' at position 1 in the major number",
                ),
                (
                    4,
                    "8.2",
                    "8.2 is a train, not a release: add the maintenance number at position 4, e.g. \
                     8.2(1)",
                ),
                (
                    5,
                    "9.1(x)",
                    "unexpected character 'x' at position 5 in the maintenance number",
                ),
            ],
        );
    }

    #[test]
    fn withdrawn_releases_stay_withdrawn_and_pasted_entries_have_no_date() {
        let (catalog, errs) = parse("9.7(1) 9.7(1.4) 9.8(1)");
        assert!(errs.is_empty());
        let withdrawn: Vec<bool> = catalog.entries().iter().map(|e| e.withdrawn).collect();
        assert_eq!(withdrawn, [true, false, false]);
        assert!(catalog.entries().iter().all(|e| e.date.is_none()));
    }

    #[test]
    fn long_bad_entries_are_cut() {
        let long = "x".repeat(1000);
        let (_, errs) = parse(&long);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].text, format!("{}…", "x".repeat(SHOWN_CHARS)));
    }

    #[test]
    fn entries_past_the_limit_are_reported_once() {
        let text: String = (0..MAX_ENTRIES + 5)
            .map(|i| format!("9.{}({}) ", i / 100, i % 100))
            .collect();
        let (catalog, errs) = parse(&text);
        assert_eq!(catalog.entries().len(), MAX_ENTRIES);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].index, MAX_ENTRIES + 1);
        assert_eq!(
            errs[0].message,
            "too many entries: only the first 10000 are used, the rest are ignored"
        );
    }

    #[test]
    fn a_megabyte_of_garbage_is_reported_not_fatal() {
        let garbage: String = "(\u{0}😀,8.4(7 ".chars().cycle().take(1 << 20).collect();
        let (catalog, errs) = parse(&garbage);
        assert!(catalog.entries().is_empty());
        assert!(!errs.is_empty() && errs.len() <= MAX_ENTRIES + 1);
    }
}
