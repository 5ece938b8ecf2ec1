//! The release catalog: the built-in list of real ASA releases (embedded, generated from the
//! reference data) or a custom list, restricted to a set of trains.
//!
//! TODO(domain-core): implement. Signatures are the contract the UI and other modules use.

use super::release::{Release, Train};

/// One release of a catalog, with what is known about it.
#[derive(Clone, PartialEq, Debug)]
pub struct Entry {
    pub release: Release,
    /// Pulled from Cisco.com (9.6(3), 9.7(1)): never recommended, marked where shown.
    pub withdrawn: bool,
    /// Where the release is documented (built-in) or "pasted list" (custom).
    pub source: &'static str,
    /// Cisco release date, `YYYY-MM`, where one was found.
    pub date: Option<&'static str>,
    /// The reference data's note on the release's train or the release itself.
    pub note: &'static str,
}

/// A sorted, duplicate-free set of releases and the trains they form.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    trains: Vec<Train>,
}

impl Catalog {
    /// Every release of the reference data except `pre-release` builds, in order.
    pub fn builtin() -> Catalog {
        todo!()
    }
    /// A catalog of exactly these entries (sorted and de-duplicated here).
    pub fn from_entries(entries: Vec<Entry>) -> Catalog {
        todo!()
    }
    /// The same catalog without the trains for which `keep` is false.
    pub fn retain_trains(&self, keep: impl Fn(Train) -> bool) -> Catalog {
        todo!()
    }
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
    /// Trains present, ascending.
    pub fn trains(&self) -> &[Train] {
        &self.trains
    }
    pub fn has_train(&self, train: Train) -> bool {
        todo!()
    }
    /// Entries of one train, ascending (empty if absent).
    pub fn train_entries(&self, train: Train) -> &[Entry] {
        todo!()
    }
    pub fn get(&self, release: Release) -> Option<&Entry> {
        todo!()
    }
    /// SPEC §3: the next train present: the next minor of the same major, or, from the last minor
    /// of a major, the first train of the next major present.
    pub fn successor(&self, train: Train) -> Option<Train> {
        todo!()
    }
    /// The last (highest) minor train of `major` present.
    pub fn last_minor(&self, major: u16) -> Option<Train> {
        todo!()
    }
    /// SPEC §4: the release to recommend in a train: the newest that is neither withdrawn nor
    /// pre-release, preferring maintenance releases; an interim build only when the train has no
    /// maintenance release.
    pub fn recommended(&self, train: Train) -> Option<Release> {
        todo!()
    }
    /// Up to `n` trains of the catalog nearest to `train` (for "unknown train" messages).
    pub fn nearest_trains(&self, train: Train, n: usize) -> Vec<Train> {
        todo!()
    }
}
