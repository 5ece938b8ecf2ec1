//! The change window in this browser (SPEC §14): the pasted `show failover` / `show version`
//! output, read once per input event into a `Snapshot`, the position it gives on the plan
//! (`domain::position::locate`, with the ticks, the previous position and the runbook's image
//! names), and the ticked runbook steps per plan.
//!
//! Privacy: the pasted text is kept only under its own local-storage key ([`SHOW_KEY`]),
//! never in the share link, the Markdown, a request or the console; "Forget" removes it.
//! Ticks are kept under `domain::ticks::storage_key` (one key per plan, the runbook's own
//! settings left out).

use super::browser;
use super::hooks::Planner;
use super::shared::Shared;
use super::state::{BannerLine, RunbookSettings};
use crate::domain::position::{locate, Known, Place, Position};
use crate::domain::query::PlanQuery;
use crate::domain::session::Session;
use crate::domain::show::{self, Snapshot};
use crate::domain::ticks::{self, Ticks};
use crate::view::position_html;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Local-storage key of the pasted output (this browser only; "Forget" removes it).
pub const SHOW_KEY: &str = "asa-planner.show";

/// At most this much pasted text is kept in storage (the parser reads any length).
const MAX_STORED: usize = 1 << 20;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn load(key: &str) -> String {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .unwrap_or_default()
}

fn store(key: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = if text.is_empty() {
            s.remove_item(key)
        } else {
            s.set_item(key, text)
        };
    }
}

/// The local time now with its date and offset from UTC, `2026-12-08T23:50+01:00`
/// (`domain::ticks::TickTime`).
fn now() -> String {
    let d = js_sys::Date::new_0();
    // Minutes west of UTC, as JavaScript gives it: the offset is its negation.
    let east = -(d.get_timezone_offset() as i32);
    let sign = if east < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}{sign}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        east.abs() / 60,
        east.abs() % 60
    )
}

/// A plan's ticks under its storage key: those in use, or those a clearing took away.
type Kept = (String, Rc<Ticks>);

/// The pasted text and what it reads (parsed once, when it changes).
#[derive(PartialEq)]
struct Pasted {
    text: AttrValue,
    snap: Rc<Snapshot>,
    /// The text has something other than blanks: when it reads as nothing, that is said.
    typed: bool,
}

impl Pasted {
    fn new(text: String) -> Pasted {
        let snap = Rc::new(show::parse(&text));
        Pasted {
            typed: !text.trim().is_empty(),
            text: AttrValue::from(text),
            snap,
        }
    }
}

/// What the panel and the runbook need of the change window.
#[derive(Clone, PartialEq)]
pub struct Window {
    /// The pasted text, as typed.
    pub text: AttrValue,
    /// The position and its markup (`view::position_html`); `None` while nothing is pasted
    /// (blanks only). Text that reads as nothing has one that says so, and which lines could
    /// not be read, as the command line does.
    pub position: Option<Rc<(Position, String)>>,
    pub snap: Shared<Snapshot>,
    /// This plan's ticks.
    pub ticks: Rc<Ticks>,
    /// The hop the position says is in progress (1-based), when the output places the pair.
    pub position_hop: Option<usize>,
    pub onpaste: Callback<String>,
    pub onforget: Callback<()>,
    /// Takes the other reading of the snapshot.
    pub onchoose: Callback<()>,
    /// (hop, step id, ticked).
    pub ontick: Callback<(usize, String, bool)>,
    /// Clears every tick of this plan.
    pub onclearticks: Callback<()>,
    /// How many ticks of this plan the last clearing took away, while they can be put back
    /// (until a box is ticked or the plan changes; kept in memory only).
    pub cleared: Option<usize>,
    /// Puts back the ticks the last clearing took away.
    pub onrestoreticks: Callback<()>,
}

/// The hop a place is in (1-based), if any.
fn hop_of(place: Place, hops: usize) -> Option<usize> {
    match place {
        Place::Unknown => None,
        Place::Before => Some(1),
        Place::InHop { hop, .. }
        | Place::Rollback { hop }
        | Place::RolledBack { hop }
        | Place::Midway { hop } => Some(hop),
        Place::Between { after } => Some(after + 1),
        Place::Done => Some(hops),
    }
    .filter(|h| (1..=hops).contains(h))
}

/// The change window's state for the page's session, query and runbook fields. Saved ticks
/// that do not read are reported to the banner ("saved ticks") once, and replaced by those
/// that do.
#[hook]
pub fn use_window(
    session: &Shared<Session>,
    query: &Rc<PlanQuery>,
    settings: &Rc<RunbookSettings>,
    planner: &Planner,
) -> Window {
    let pasted = use_state(|| Rc::new(Pasted::new(load(SHOW_KEY))));
    // The previous position, and the ticks of an attempt rolled back (`ticks::Carried`).
    let carried = use_mut_ref(ticks::Carried::default);
    let last = use_mut_ref(|| None::<Place>);
    // The reading chosen, and the plan (its ticks' key) it was chosen on: another plan's is
    // no reading of this one.
    let chosen = use_state_eq(|| None::<(String, Place)>);

    // Ticks: loaded when the plan changes, written when a box is ticked.
    let key = use_memo(query.clone(), |q| ticks::storage_key(q));
    let cache: Rc<RefCell<Kept>> = use_mut_ref(|| (String::new(), Rc::new(Ticks::default())));
    let unread = use_mut_ref(|| None::<String>);
    {
        let mut c = cache.borrow_mut();
        if c.0 != *key {
            let (ticks, problem) = Ticks::read(&load(&key));
            if let Some(problem) = problem {
                // Said once: what is kept is what read.
                store(&key, &ticks.encode());
                *unread.borrow_mut() = Some(problem.to_string());
            }
            *c = ((*key).clone(), Rc::new(ticks));
            // Another plan: the position read before was on the old one (a unit on this plan's
            // start would read as "booted the old image"). This plan's attempt rolled back, as
            // kept: its ticks stay out of the reading across a reload.
            let mut kept = ticks::Carried::default();
            kept.read_rolled_back(&load(&ticks::rolled_back_key(&key)));
            *carried.borrow_mut() = kept;
        }
    }
    {
        let unread = unread.clone();
        let planner = planner.clone();
        use_effect_with((*key).clone(), move |_| {
            if let Some(text) = unread.borrow_mut().take() {
                planner.report(BannerLine {
                    source: "saved ticks",
                    text,
                    is_error: true,
                });
            }
        });
    }
    let ticks = cache.borrow().1.clone();
    let update = use_force_update();
    // The ticks a clearing took away, under their plan's key: one click puts them back.
    let cleared: Rc<RefCell<Option<Kept>>> = use_mut_ref(|| None);
    let ontick = {
        let cache = cache.clone();
        let update = update.clone();
        let cleared = cleared.clone();
        Callback::from(move |(hop, step, on): (usize, String, bool)| {
            // A new tick starts the new record: the cleared one is not put back over it.
            cleared.borrow_mut().take();
            let mut c = cache.borrow_mut();
            let mut t = (*c.1).clone();
            t.set(hop, &step, on.then(now));
            store(&c.0, &t.encode());
            c.1 = Rc::new(t);
            drop(c);
            update.force_update();
        })
    };
    let onclearticks = {
        let cache = cache.clone();
        let cleared = cleared.clone();
        let update = update.clone();
        Callback::from(move |()| {
            let mut c = cache.borrow_mut();
            store(&c.0, "");
            let gone = std::mem::replace(&mut c.1, Rc::new(Ticks::default()));
            *cleared.borrow_mut() = Some((c.0.clone(), gone));
            drop(c);
            update.force_update();
        })
    };
    let onrestoreticks = {
        let cache = cache.clone();
        let cleared = cleared.clone();
        let update = update.clone();
        Callback::from(move |()| {
            let mut c = cache.borrow_mut();
            if let Some((key, ticks)) = cleared.borrow_mut().take().filter(|(k, _)| *k == c.0) {
                store(&key, &ticks.encode());
                c.1 = ticks;
            }
            drop(c);
            update.force_update();
        })
    };

    let snap = Shared(pasted.snap.clone());
    let position = {
        let last = last.clone();
        let carried = carried.clone();
        use_memo(
            (
                session.clone(),
                snap.clone(),
                ticks.clone(),
                settings.clone(),
                chosen
                    .as_ref()
                    .filter(|(plan, _)| *plan == *key)
                    .map(|(_, place)| *place),
                pasted.typed,
            ),
            move |(session, snap, ticks, settings, chosen, typed)| {
                if snap.is_empty() {
                    *last.borrow_mut() = None;
                    // Text that reads as nothing is said to (SPEC §14: what cannot be read is
                    // said by line), never left without a word.
                    return typed.then(|| {
                        let pos = locate(session, snap, &Known::default());
                        let html = position_html::html(session.hops(), snap, &pos, |_| true);
                        Rc::new((pos, html))
                    });
                }
                // Every hop's ticks: the position numbers each hop's steps as its runbook does
                // (`runbook::outline`), Active/Active and one-unit hops included.
                // Without the ticks of an attempt rolled back (the hop started again).
                let carried = carried.borrow();
                let read = carried.ticks(ticks);
                let ticked = read.steps();
                let rollback = read.rollback_blocks();
                let known = Known {
                    previous: chosen.or(carried.previous),
                    ticked: &ticked,
                    rollback: &rollback,
                    images: &settings.images,
                    server: &settings.server,
                };
                let mut pos = locate(session, snap, &known);
                // The other reading chosen: it is the position, the forward one the other.
                if let Some(c) = chosen {
                    if let Some((alt, alt_next)) = pos.alternative.clone() {
                        if alt == *c {
                            pos.alternative = Some((pos.place, pos.next.take()));
                            pos.place = alt;
                            pos.next = alt_next;
                        }
                    }
                }
                *last.borrow_mut() = Some(pos.place).filter(|p| *p != Place::Unknown);
                let html = position_html::html(session.hops(), snap, &pos, |r| {
                    session.base.has_train(r.train())
                });
                Some(Rc::new((pos, html)))
            },
        )
    };
    let position: Option<Rc<(Position, String)>> = (*position).clone();
    let position_hop = position
        .as_ref()
        .and_then(|p| hop_of(p.0.place, session.hops().len()));

    let onpaste = {
        let pasted = pasted.setter();
        let chosen = chosen.setter();
        let last = last.clone();
        let carried = carried.clone();
        let cache = cache.clone();
        Callback::from(move |text: String| {
            // The position read from the text before this one settles an ambiguous reading;
            // read rolled back, the ticks of that attempt stop counting.
            let mut kept = carried.borrow_mut();
            kept.pasted(*last.borrow(), &cache.borrow().1);
            let key = ticks::rolled_back_key(&cache.borrow().0);
            store(&key, &kept.rolled_back_text());
            drop(kept);
            chosen.set(None);
            if text.len() <= MAX_STORED {
                let saved = text.clone();
                browser::after_paint(move || store(SHOW_KEY, &saved));
            } else {
                store(SHOW_KEY, "");
            }
            pasted.set(Rc::new(Pasted::new(text)));
        })
    };
    let onforget = {
        let pasted = pasted.setter();
        let chosen = chosen.setter();
        let cache = cache.clone();
        Callback::from(move |()| {
            *carried.borrow_mut() = ticks::Carried::default();
            store(&ticks::rolled_back_key(&cache.borrow().0), "");
            chosen.set(None);
            store(SHOW_KEY, "");
            pasted.set(Rc::new(Pasted::new(String::new())));
        })
    };
    let onchoose = {
        let chosen = chosen.setter();
        let position = position.clone();
        let plan = (*key).clone();
        Callback::from(move |()| {
            if let Some((place, _)) = position.as_ref().and_then(|p| p.0.alternative.clone()) {
                chosen.set(Some((plan.clone(), place)));
            }
        })
    };
    let cleared_count = cleared
        .borrow()
        .as_ref()
        .filter(|(key, _)| *key == cache.borrow().0)
        .map(|(_, t)| t.done.len());
    Window {
        text: pasted.text.clone(),
        position,
        snap,
        ticks,
        position_hop,
        onpaste,
        onforget,
        onchoose,
        ontick,
        onclearticks,
        cleared: cleared_count,
        onrestoreticks,
    }
}
