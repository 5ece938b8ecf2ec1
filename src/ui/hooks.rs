//! `use_planner()`: the verbs components use to change the page, instead of raw dispatch.
//!
//! The context carries only the reducer's dispatcher, which never changes, so components that
//! use verbs do not re-render when the state changes (a hover must not redraw the page); they
//! get what they show through props.

use super::state::{Action, BannerLine, State};
use crate::domain::query::PlanQuery;
use crate::domain::release::{Release, Train};
use crate::domain::runbook::Mode;
use crate::domain::session::TrainState;
use yew::prelude::*;

/// The dispatcher shared through context by [`super::app::App`].
pub type PlannerContext = UseReducerDispatcher<State>;

/// The page's verbs.
#[derive(Clone, PartialEq)]
pub struct Planner {
    dispatch: PlannerContext,
}

impl Planner {
    pub fn new(dispatch: PlannerContext) -> Self {
        Planner { dispatch }
    }
    fn send(&self, action: Action) {
        self.dispatch.dispatch(action);
    }
    pub fn set_from(&self, text: String) {
        self.send(Action::SetFrom(text));
    }
    /// `None` when both units run the same release.
    pub fn set_from2(&self, text: Option<String>) {
        self.send(Action::SetFrom2(text));
    }
    pub fn set_to(&self, text: String) {
        self.send(Action::SetTo(text));
    }
    pub fn set_mode(&self, mode: Mode) {
        self.send(Action::SetMode(mode));
    }
    pub fn set_preset(&self, id: String) {
        self.send(Action::SetPreset(id));
    }
    /// Switches one train on or off, starting from the trains as shown.
    pub fn toggle_train(&self, trains: &[TrainState], train: Train, on: bool) {
        let set = trains
            .iter()
            .filter(|t| if t.train == train { on } else { t.enabled })
            .map(|t| t.train)
            .collect();
        self.send(Action::SetTrains(Some(set)));
    }
    /// Back to the preset's train set.
    pub fn reset_trains(&self) {
        self.send(Action::SetTrains(None));
    }
    pub fn set_interim(&self, on: bool) {
        self.send(Action::SetInterim(on));
    }
    pub fn pin_via(&self, release: Release) {
        self.send(Action::PinVia(release));
    }
    pub fn clear_via(&self) {
        self.send(Action::ClearVia);
    }
    pub fn set_list_draft(&self, text: String) {
        self.send(Action::SetListDraft(text));
    }
    /// Uses these entries as the catalog; `None` returns to the built-in catalog.
    pub fn set_releases(&self, entries: Option<Vec<String>>) {
        self.send(Action::SetReleases(entries));
    }
    pub fn hover(&self, release: Option<Release>) {
        self.send(Action::Hover(release));
    }
    pub fn set_image(&self, release: Release, name: String) {
        self.send(Action::SetImage(release, name));
    }
    pub fn set_server(&self, server: String) {
        self.send(Action::SetServer(server));
    }
    pub fn load(&self, query: PlanQuery, lines: Vec<BannerLine>) {
        self.send(Action::Load(query, lines));
    }
    pub fn report(&self, line: BannerLine) {
        self.send(Action::Report(line));
    }
    pub fn dismiss(&self, index: usize) {
        self.send(Action::DismissBanner(index));
    }
    pub fn restore(&self, images: Vec<(String, String)>, server: String, list_draft: String) {
        self.send(Action::Restore {
            images,
            server,
            list_draft,
        });
    }
}

/// The page's verbs. Outside a provider (a component rendered alone, as in tests) they go to
/// a private reducer instead of panicking.
#[hook]
pub fn use_planner() -> Planner {
    let context = use_context::<PlannerContext>();
    let fallback = use_reducer(State::default);
    Planner::new(context.unwrap_or_else(|| fallback.dispatcher()))
}
