//! The page's address and this browser's storage: the state at start (the link's fragment,
//! else the last plan saved here), and, while the page is open, the address bar and local
//! storage kept in step with the state, and a fragment changed by hand read back in.

use super::browser;
use super::fleet_page;
use super::hooks::Planner;
use super::state::{notice_lines, BannerLine, State};
use crate::domain::query::{Fitted, PlanQuery};
use crate::domain::session::analyse;
use crate::domain::stored::{self, Stored};
use crate::view::words::{self, page};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The state at start: the link's fragment, else the last plan saved in this browser; the list
/// draft from storage. A reload of the link the page last wrote takes back the text it left
/// out of a release field (`stored::left_out_fields_into`); a link the page refuses (too long)
/// leaves the saved plan in place. Runbook settings that an older visit kept in storage only
/// (before the link carried them) join the query where the link has none
/// (`stored::settings_into`). What could not be read goes to the banner.
pub fn initial_state() -> State {
    let mut lines = Vec::new();
    let hash = browser::hash();
    let mut saved = None;
    let mut held = browser::Hold::None;
    if let Some(text) = browser::load_saved() {
        match stored::read(&text) {
            Ok(read) => {
                // Lines that did not read are dropped one by one, and said; a record a newer
                // version wrote is not saved over (its other lines would be lost), and one that
                // read in part not until the person changes something.
                if let Some(text) = words::saved_state_read(&read) {
                    lines.push(BannerLine {
                        source: "saved state",
                        text,
                        is_error: true,
                    });
                    held = browser::Hold::UntilChange;
                }
                if read.newer.is_some() {
                    held = browser::Hold::Visit;
                }
                saved = Some(read.stored);
            }
            Err(e) => lines.push(BannerLine {
                source: "saved state",
                text: e.to_string(),
                is_error: true,
            }),
        }
    }
    browser::hold_saved(held);
    let from_saved =
        |saved: &Option<Stored>| saved.as_ref().map(|s| PlanQuery::parse_saved(&s.fragment));
    let (mut query, notices, source) = if hash.is_empty() {
        let (query, notices) = from_saved(&saved).unwrap_or_default();
        (query, notices, "saved state")
    } else {
        match PlanQuery::parse_with_notices(&hash) {
            Ok((mut query, notices)) => {
                if let Some(saved) = &saved {
                    stored::left_out_fields_into(saved, &hash, &mut query);
                }
                (query, notices, "link")
            }
            Err(e) => {
                lines.push(BannerLine {
                    source: "link",
                    text: e.to_string(),
                    is_error: true,
                });
                // Nothing already entered is lost: the plan saved here stays.
                let (query, notices) = from_saved(&saved).unwrap_or_default();
                (query, notices, "saved state")
            }
        }
    };
    lines.extend(
        notice_lines(notices)
            .into_iter()
            .map(|l| BannerLine { source, ..l }),
    );
    lines.extend(value_lines(&query, source));
    if let Some(saved) = &saved {
        stored::settings_into(saved, &mut query);
    }
    let mut state = State::with_query(query);
    if let Some(saved) = saved {
        state.list_draft = saved.list_draft;
    }
    if let Some(list) = &state.query.releases {
        if super::components::custom_list::entries(&state.list_draft) != *list {
            state.list_draft = list.join(", ");
        }
    }
    state.banner = lines;
    state
}

/// Banner lines for what the plan says is wrong with the train set or the via picks a link
/// (or the saved plan, `source`) gave (`words::link_value_problems`). The plan is worked out
/// for that only when the link has either.
fn value_lines(query: &PlanQuery, source: &'static str) -> Vec<BannerLine> {
    if query.trains.is_none() && query.via.is_empty() {
        return Vec::new();
    }
    words::link_value_problems(&analyse(query), query.trains.is_some())
        .into_iter()
        .map(|text| BannerLine {
            source,
            text,
            is_error: true,
        })
        .collect()
}

/// Keeps the address bar and local storage in step with `state`, and reads a fragment changed
/// by hand. Returns the share link's fragment, which leaves out what a link cannot carry
/// (`PlanQuery::fitted`) and says so, with the whole query as text (`Fitted::whole`, what this
/// browser saves), both in canonical spelling.
#[hook]
pub fn use_address(state: &State, planner: &Planner) -> Rc<Fitted> {
    let query = &state.query;
    let fitted = use_memo(query.clone(), |q| q.fitted());
    let last_written = use_mut_ref(String::new);

    // Keep the address bar and local storage in step with the page: at most once per paint,
    // after it (`browser::write_soon`). A pick in the graph adds a history entry, so Back
    // undoes it.
    {
        let last_written = last_written.clone();
        let picks_written = use_mut_ref(|| state.picks);
        let first = use_mut_ref(|| true);
        let deps = (query.clone(), state.list_draft.clone(), state.picks);
        let fitted = fitted.clone();
        let planner = planner.clone();
        use_effect_with(deps, move |deps| {
            // The first run writes the state the page opened with; any later one a change, which
            // lets a record that read only in part be written over (`browser::Hold`).
            if !first.replace(false) {
                browser::saved_changed();
            }
            let (_, list_draft, picks) = deps.clone();
            let shown = fitted.fragment.clone();
            *last_written.borrow_mut() = shown.clone();
            let push = picks_written.replace(picks) != picks;
            let fragment = fitted.whole.clone();
            let link = shown.clone();
            // The runbook settings are in the fragment now: storage keeps none of its own.
            let stored = move || {
                stored::encode(&Stored {
                    fragment,
                    link,
                    list_draft,
                    ..Stored::default()
                })
            };
            browser::write_soon(shown, push, stored, move || {
                planner.report(BannerLine {
                    source: "saved state",
                    text: page::NOT_SAVED.to_owned(),
                    is_error: false,
                })
            });
        });
    }
    // A fragment changed by hand (or a pasted link) while the page is open.
    {
        let planner = planner.clone();
        let last_written = last_written.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                let hash = browser::hash();
                // The fleet view is another page (`ui::fleet_page` goes there).
                if *last_written.borrow() == hash || fleet_page::is_fleet(&hash) {
                    return;
                }
                match PlanQuery::parse_with_notices(&hash) {
                    Ok((query, notices)) => {
                        let mut lines = notice_lines(notices);
                        lines.extend(value_lines(&query, "link"));
                        planner.load(query, lines);
                    }
                    Err(e) => {
                        // Not read: the address bar shows the page's own link again, so a
                        // reload opens the plan on screen rather than the refused text.
                        browser::show_fragment(&last_written.borrow());
                        planner.report(BannerLine {
                            source: "link",
                            text: e.to_string(),
                            is_error: true,
                        });
                    }
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    fitted
}
