//! Everything the page shows, derived from one `PlanQuery`: the active catalog, the parsed
//! fields with their messages, the plan and its notes. The UI renders this and nothing else.
//!
//! TODO(domain-core): implement.

use super::catalog::Catalog;
use super::custom_list::ListError;
use super::plan::{Plan, Verdict};
use super::query::PlanQuery;
use super::release::{Release, Train};

/// Where an input came from, so its message is shown next to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    From,
    From2,
    To,
    Via,
    Releases,
    Trains,
    Preset,
    Fragment,
    Storage,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Message {
    pub origin: Origin,
    pub text: String,
}

/// One release field as interpreted.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Field {
    pub text: String,
    pub release: Option<Release>,
    /// Parse error or unknown train, worded for a person (names the nearest trains).
    pub error: Option<String>,
    /// Marks such as "not in catalog", "withdrawn by Cisco".
    pub marks: Vec<String>,
}

/// A train of the base catalog and whether it is on, with the reason when a preset left it out.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TrainState {
    pub train: Train,
    pub enabled: bool,
    pub excluded_by_preset: Option<&'static str>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Session {
    /// Built-in catalog or the custom list, before trains are switched off.
    pub base: Catalog,
    /// What the rules run on.
    pub catalog: Catalog,
    pub custom: bool,
    pub trains: Vec<TrainState>,
    pub from: Field,
    pub from2: Option<Field>,
    pub to: Field,
    pub verdict: Verdict,
    pub plan: Option<Plan>,
    /// Plan-level notes: rule source, unit parity and the mixed-version window, one-way releases.
    pub notes: Vec<String>,
    /// Errors and notices, each with where it came from.
    pub messages: Vec<Message>,
    pub list_errors: Vec<ListError>,
}

/// Derives the session for `query`. Total: never panics, whatever the query holds.
pub fn analyse(query: &PlanQuery) -> Session {
    todo!()
}
