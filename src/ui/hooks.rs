//! `use_planner()`: the page's one reducer and the verbs that change it, instead of raw
//! dispatch.
//!
//! The page calls it once and wires the verbs to the sections' `on<verb>` callbacks (or hands
//! a [`Planner`] to a section that wires its own). No context: every section is rendered by
//! the page, so a provider would only add Yew code to the wasm.

use super::state::{Action, BannerLine, State};
use crate::domain::platform::Platform;
use crate::domain::query::PlanQuery;
use crate::domain::release::{Release, Train};
use crate::domain::rules::RuleSet;
use crate::domain::runbook::{Mode, ASDM_KEY_PREFIX};
use crate::view::graph_model::PickAs;
use yew::prelude::*;

/// The page's verbs.
#[derive(Clone, PartialEq)]
pub struct Planner {
    dispatch: UseReducerDispatcher<State>,
}

impl Planner {
    pub fn new(dispatch: UseReducerDispatcher<State>) -> Self {
        Planner { dispatch }
    }
    /// A callback running `verb` with the value it gets. One closure type per value type, not
    /// one per verb: the page wires many verbs, and each closure type is code in the wasm.
    pub fn on<T: 'static>(&self, verb: fn(&Planner, T)) -> Callback<T> {
        let planner = self.clone();
        Callback::from(move |value| verb(&planner, value))
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
    /// Plans from what the units run (Back returns to the plan before).
    pub fn plan_from(&self, from: String, from2: Option<String>) {
        self.send(Action::PlanFrom(from, from2));
    }
    /// A release picked in the graph or its list (Back undoes it).
    pub fn pick(&self, release: Release, pick: PickAs) {
        self.send(Action::Pick(release, pick));
    }
    pub fn set_mode(&self, mode: Mode) {
        self.send(Action::SetMode(mode));
    }
    pub fn set_preset(&self, id: String) {
        self.send(Action::SetPreset(id));
    }
    /// The trains whose switches are on, as the switches show them.
    pub fn set_trains(&self, on: Vec<Train>) {
        self.send(Action::SetTrains(Some(on)));
    }
    /// Back to the preset's train set.
    pub fn reset_trains(&self) {
        self.send(Action::SetTrains(None));
    }
    pub fn set_interim(&self, on: bool) {
        self.send(Action::SetInterim(on));
    }
    /// The graph as lists (`true`) or as the drawing.
    pub fn set_list_view(&self, on: bool) {
        self.send(Action::SetListView(on));
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
    /// An image name typed, under the key it is kept by: a canonical release, or
    /// `runbook::asdm_key` of one for an ASDM image. Any other key is not an image name and
    /// is ignored (the runbook's fields are markup, `data-image-key` carries the key).
    pub fn set_image(&self, key: String, name: String) {
        let release = key.strip_prefix(ASDM_KEY_PREFIX).unwrap_or(&key);
        if release
            .parse::<Release>()
            .is_ok_and(|r| r.to_string() == release)
        {
            self.send(Action::SetImage(key, name));
        }
    }
    pub fn set_rules(&self, rules: RuleSet) {
        self.send(Action::SetRules(rules));
    }
    /// A model `<select>`'s value: a `platform=` id, or empty for no model. Any other text is
    /// not a model and is ignored.
    pub fn set_platform(&self, id: String) {
        let platform = match id.trim() {
            "" => None,
            id => match id.parse::<Platform>() {
                Ok(p) => Some(p),
                Err(_) => return,
            },
        };
        self.send(Action::SetPlatform(platform));
    }
    pub fn set_multi_context(&self, on: bool) {
        self.send(Action::SetMultiContext(on));
    }
    pub fn set_minutes(&self, text: String) {
        self.send(Action::SetMinutes(text));
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
}

/// The page state, starting from `init()`, and its verbs.
#[hook]
pub fn use_planner(init: fn() -> State) -> (UseReducerHandle<State>, Planner) {
    let state = use_reducer(init);
    let planner = Planner::new(state.dispatcher());
    (state, planner)
}
