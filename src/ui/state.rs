//! The page state in one reducer (yew `function_todomvc` shape): the share query (the runbook's
//! settings among its keys, so they travel with the link) plus what only this browser knows
//! (the list draft, banner lines, the minutes field as typed). The `Session` is not stored
//! here: it is derived from `query` with `use_memo`, so it can never go stale.

use crate::domain::platform::Platform;
use crate::domain::query::{Notice, PlanQuery};
use crate::domain::release::{Release, Train};
use crate::domain::rules::RuleSet;
use crate::domain::runbook::{minutes_per_reload, Mode, ASDM_KEY_PREFIX};
use crate::view::graph_model::PickAs;
use std::rc::Rc;
use yew::prelude::*;

/// One line of the banner at the top of the page, with where it came from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BannerLine {
    /// `link`, `saved state`, `share` … (shown before the text).
    pub source: &'static str,
    pub text: String,
    /// Errors are announced (`role=alert`); notices are not.
    pub is_error: bool,
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct State {
    /// Shared so that cheap actions do not copy a 10,000-entry custom list.
    pub query: Rc<PlanQuery>,
    /// The runbook's fields (image names, server, minutes per reload) as the runbook reads
    /// them: derived from `query` (`server`, `img`, `asdm`, `min`) after every action, never
    /// set apart from it; read through [`State::runbook`].
    runbook: Rc<RunbookSettings>,
    /// The minutes field as typed: `query.minutes` is its number when it is one
    /// (`runbook::minutes_per_reload`), so text that is not a number stays in the field and
    /// the page says why it gives no estimate.
    minutes_typed: String,
    /// The custom-list box as typed; applied to `query.releases` on demand, because parsing and
    /// drawing 10,000 entries on every keystroke would freeze the page.
    pub list_draft: String,
    pub banner: Vec<BannerLine>,
    /// How many releases were picked in the graph or its list: each pick is a history entry
    /// (Back undoes it), unlike typing.
    pub picks: u32,
    /// The release graph shown as lists (for screen readers) instead of the drawing.
    pub list_view: bool,
}

/// What a person types into the runbook: its fields' values, as typed.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct RunbookSettings {
    /// Image file names the person typed, keyed by canonical release (ASDM images under
    /// `runbook::asdm_key`).
    pub images: Vec<(String, String)>,
    /// TFTP server for the runbook commands.
    pub server: String,
    /// "Minutes per reload" as typed: the person's estimate for the change window.
    pub minutes: String,
}

impl State {
    /// A state showing `query`, its minutes field the query's number.
    pub fn with_query(query: PlanQuery) -> State {
        let mut state = State {
            query: Rc::new(query),
            ..State::default()
        };
        state.minutes_typed = minutes_text(&state.query);
        state.sync_runbook();
        state
    }
    /// The runbook's fields, shared (a prop compared by value, copied by pointer).
    pub fn runbook(&self) -> &Rc<RunbookSettings> {
        &self.runbook
    }
    /// Derives the runbook's fields from the query (and the minutes as typed); keeps the same
    /// `Rc` when they did not change.
    fn sync_runbook(&mut self) {
        let minutes = if minutes_per_reload(&self.minutes_typed) == self.query.minutes {
            self.minutes_typed.clone()
        } else {
            minutes_text(&self.query)
        };
        let settings = RunbookSettings {
            images: self.query.typed_images(),
            server: self.query.server.clone(),
            minutes,
        };
        if *self.runbook != settings {
            self.runbook = Rc::new(settings);
        }
    }
}

/// The query's minutes per reload as the field shows them (empty for none).
fn minutes_text(query: &PlanQuery) -> String {
    query.minutes.map(|m| m.to_string()).unwrap_or_default()
}

/// Writes the image name typed for `key` (a canonical release, or `runbook::asdm_key` of one)
/// into the query's `img` or `asdm` list, replacing that release's earlier name. An empty name
/// is no setting (the runbook shows the default; the runbook panel sends a name typed back to
/// the plan's default as empty). Any other name is kept: a name that only reads like some
/// release's default may be the right file for this plan.
fn set_image(query: &mut PlanQuery, key: &str, name: String) {
    let (asdm, release_text) = match key.strip_prefix(ASDM_KEY_PREFIX) {
        Some(r) => (true, r),
        None => (false, key),
    };
    let Ok(release) = release_text.parse::<Release>() else {
        return;
    };
    let name = name.trim().to_owned();
    let keep = !name.is_empty();
    let list = if asdm {
        &mut query.asdm
    } else {
        &mut query.images
    };
    list.retain(|(k, _)| !k.parse::<Release>().is_ok_and(|r| r == release));
    if keep {
        list.push((release.to_string(), name));
    }
}

pub enum Action {
    SetFrom(String),
    SetFrom2(Option<String>),
    SetTo(String),
    /// A release picked in the graph or its list, as the current release or the target.
    Pick(Release, PickAs),
    /// Plan from what the units run (SPEC §14): `from` and `from2` at once, and, like a pick,
    /// a history entry, so that Back returns to the plan (and its ticks) the pair was on.
    PlanFrom(String, Option<String>),
    SetMode(Mode),
    SetMultiContext(bool),
    SetRules(RuleSet),
    /// The hardware model (`None`: no model chosen).
    SetPlatform(Option<Platform>),
    SetMinutes(String),
    /// A preset id; switching presets drops a hand-made train set.
    SetPreset(String),
    SetTrains(Option<Vec<Train>>),
    SetInterim(bool),
    /// Shows the graph as lists (`true`) or as the drawing.
    SetListView(bool),
    /// Pins an intermediate release; replaces any pin of the same train.
    PinVia(Release),
    ClearVia,
    SetListDraft(String),
    /// Uses the draft as the catalog (`None` goes back to the built-in one).
    SetReleases(Option<Vec<String>>),
    /// An image (or, under [`asdm_key`], an ASDM image) name typed for a key.
    SetImage(String, String),
    SetServer(String),
    /// A whole new query (opened link, hash change, saved plan) and what was wrong with it.
    Load(PlanQuery, Vec<BannerLine>),
    /// Adds a banner line unless the same one is already shown.
    Report(BannerLine),
    DismissBanner(usize),
}

/// Turns URL notices into banner lines (each message already names its key).
pub fn notice_lines(notices: Vec<Notice>) -> Vec<BannerLine> {
    notices
        .into_iter()
        .map(|n| BannerLine {
            source: "link",
            text: n.message,
            is_error: n.is_error,
        })
        .collect()
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetFrom(text) => q(&mut next).from = text,
            Action::SetFrom2(text) => q(&mut next).from2 = text,
            Action::SetTo(text) => q(&mut next).to = text,
            Action::Pick(release, pick) => {
                let text = release.to_string();
                let query = q(&mut next);
                match pick {
                    PickAs::Current => query.from = text,
                    PickAs::Target => query.to = text,
                }
                next.picks = next.picks.wrapping_add(1);
            }
            Action::PlanFrom(from, from2) => {
                let query = q(&mut next);
                query.from = from;
                query.from2 = from2;
                next.picks = next.picks.wrapping_add(1);
            }
            Action::SetMode(mode) => q(&mut next).mode = mode,
            Action::SetMultiContext(on) => q(&mut next).multi_context = on,
            Action::SetRules(rules) => q(&mut next).rules = rules,
            Action::SetPlatform(platform) => q(&mut next).platform = platform,
            Action::SetMinutes(text) => {
                q(&mut next).minutes = minutes_per_reload(&text);
                next.minutes_typed = text;
            }
            Action::SetPreset(id) => {
                let query = q(&mut next);
                query.preset = Some(id);
                query.trains = None;
            }
            Action::SetTrains(trains) => q(&mut next).trains = trains,
            Action::SetInterim(on) => q(&mut next).interim = on,
            Action::SetListView(on) => next.list_view = on,
            Action::PinVia(release) => {
                let train = release.train();
                let query = q(&mut next);
                query.via.retain(|v| {
                    v.parse::<Release>()
                        .map(|r| r.train() != train)
                        .unwrap_or(true)
                });
                query.via.push(release.to_string());
            }
            Action::ClearVia => q(&mut next).via.clear(),
            Action::SetListDraft(text) => next.list_draft = text,
            Action::SetReleases(list) => q(&mut next).releases = list,
            Action::SetImage(key, name) => set_image(q(&mut next), &key, name),
            Action::SetServer(server) => q(&mut next).server = server,
            Action::Load(loaded, lines) => {
                next.minutes_typed = minutes_text(&loaded);
                next.query = Rc::new(loaded);
                next.banner.retain(|l| l.source != "link");
                add_lines(&mut next.banner, lines);
            }
            Action::Report(line) => add_lines(&mut next.banner, vec![line]),
            Action::DismissBanner(index) => {
                if index < next.banner.len() {
                    next.banner.remove(index);
                }
            }
        }
        next.sync_runbook();
        // No-op actions keep the same Rc so nothing re-renders.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The query for writing; copies it only when an action really changes it.
fn q(state: &mut State) -> &mut PlanQuery {
    Rc::make_mut(&mut state.query)
}

fn add_lines(banner: &mut Vec<BannerLine>, lines: Vec<BannerLine>) {
    for line in lines {
        if !banner.contains(&line) {
            banner.push(line);
        }
    }
}
