//! The runbook section: the opening lines, the TFTP server and minutes fields, each hop's
//! image-name fields, the steps before the first hop and each hop's section (markup from
//! `view::runbook_html`), drawn from the page's `Session` and the runbook's fields in the
//! page's state (`state::RunbookSettings`).
//!
//! A component: its markup is memoised per plan and fields, and it is drawn from the session
//! the page hands it one paint after the interaction (`app`: `deferred`), so that a keystroke in
//! a release field is on screen before the runbook is written. Until the first such paint the
//! section says the runbook is being written (`data-steps="loading"`, then `"ready"`).
//!
//! The fields are plain inputs whose values are the reducer's: what a person types goes to the
//! planner's verbs (`set_server`, `set_minutes`, `set_image`) through one delegated `input`
//! listener; after a render each field shows the state's value unless a person is typing in it
//! (the markup of the fields changes only with the hops, so typing keeps focus and caret).
//! Copy buttons (`button[data-copy]`) are served by one delegated click listener.
//!
//! The change window (`ui::window`): each step's tick box (`input[data-step-done]`) is set
//! from this plan's ticks after a render, with the local time beside it; a tick goes to
//! `ontick` through one delegated `change` listener. The hop in progress (the pasted output's,
//! else the first hop not all ticked) is open and the others fold (`details[data-hop-fold]`);
//! they are folded again only when the hop in progress changes, so a hop a person opened stays
//! open.

use crate::domain::release::Release;
use crate::domain::runbook;
use crate::domain::session::Session;
use crate::domain::ticks::{self, TickTime, Ticks};
use crate::ui::browser;
use crate::ui::hooks::Planner;
use crate::ui::shared::Shared;
use crate::ui::state::RunbookSettings;
use crate::view::runbook::{before_first_hop, hop_runbook};
use crate::view::runbook_html;
use crate::view::words::page;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// What the section says before its first drawing.
const STEPS_LOADING: &str = "Writing the runbook…";

#[derive(Properties, PartialEq)]
pub struct RunbookPanelProps {
    /// The plan to write, or `None` before the page's first paint.
    pub session: Option<Shared<Session>>,
    pub settings: Rc<RunbookSettings>,
    pub planner: Planner,
    /// This plan's ticked steps.
    #[prop_or_default]
    pub ticks: Rc<Ticks>,
    /// (hop, step id, ticked), from a tick box.
    #[prop_or_default]
    pub ontick: Callback<(usize, String, bool)>,
    /// The hop the pasted output places the pair in, if any.
    #[prop_or_default]
    pub position_hop: Option<usize>,
}

/// The section's markup and the values its fields show.
#[derive(PartialEq)]
struct Drawn {
    head: String,
    fields: String,
    images: String,
    steps: String,
    /// `(id, value)` of every field.
    values: Vec<(String, String)>,
    /// The line under the minutes field.
    minutes_message: String,
    /// Which typed names the commands leave out.
    names_message: String,
}

fn draw(session: &Session, settings: &RunbookSettings) -> Drawn {
    let hops = session.hops();
    let images = runbook::hop_images(hops, &settings.server, &settings.images, session.platform);
    let minutes = runbook::minutes_per_reload(&settings.minutes);
    let mut values = vec![
        (runbook_html::SERVER_ID.to_owned(), settings.server.clone()),
        (
            runbook_html::MINUTES_ID.to_owned(),
            settings.minutes.clone(),
        ),
    ];
    values.extend(runbook_html::image_values(hops, &images, &settings.images));
    let minutes_message = runbook_html::minutes_message(session, &settings.minutes, minutes);
    let names_message = runbook_html::names_message(&settings.server, &settings.images);
    // On the FXOS path the head's notice replaces the ASA command-line steps.
    if hops.is_empty() || !runbook_html::cli_steps_apply(session) {
        return Drawn {
            head: runbook_html::head(session),
            fields: String::new(),
            images: String::new(),
            steps: String::new(),
            values,
            minutes_message,
            names_message,
        };
    }
    let setup = session.setup;
    let server = images
        .first()
        .map_or(runbook::SERVER_PLACEHOLDER, |i| i.server.as_str());
    let mut steps = String::new();
    let before = before_first_hop(setup, server);
    runbook_html::before_first_hop(&mut steps, &before);
    for (i, (hop, hop_images)) in hops.iter().zip(&images).enumerate() {
        let Some(spec) =
            session.hop_spec(i, |r| runbook::image_of(hops, &images, r, session.platform))
        else {
            continue;
        };
        let book = hop_runbook(setup, &spec, hop_images);
        let facts = session.hop_facts.get(i);
        let stop = crate::view::words::hop_stop(session, i);
        runbook_html::hop_section(
            &mut steps,
            i + 1,
            hop,
            facts,
            minutes,
            &book,
            stop.as_deref(),
        );
    }
    Drawn {
        head: runbook_html::head(session),
        fields: runbook_html::fields(),
        images: runbook_html::image_fields(hops),
        steps,
        values,
        minutes_message,
        names_message,
    }
}

fn raw(markup: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup.to_owned()))
}

/// The runbook section.
#[function_component(RunbookPanel)]
pub fn runbook_panel(props: &RunbookPanelProps) -> Html {
    let body = use_node_ref();
    let drawn = use_memo(
        (props.session.clone(), props.settings.clone()),
        |(session, settings)| session.as_ref().map(|s| draw(s, settings)),
    );
    {
        let body = body.clone();
        use_effect_with(drawn.clone(), move |drawn| {
            if let (Some(drawn), Some(root)) = (drawn.as_ref(), body.cast::<Element>()) {
                for (id, value) in &drawn.values {
                    set_unless_typing(&root, id, value);
                    mark_unused(&root, id);
                }
                if let Some(message) =
                    find(&root, &format!("#{}", runbook_html::MINUTES_MESSAGE_ID))
                {
                    message.set_text_content(Some(&drawn.minutes_message));
                }
                if let Some(message) = find(&root, &format!("#{}", runbook_html::NAMES_MESSAGE_ID))
                {
                    message.set_text_content(Some(&drawn.names_message));
                }
            }
        });
    }
    {
        let body = body.clone();
        use_effect_with((drawn.clone(), props.ticks.clone()), move |(_, ticks)| {
            if let Some(root) = body.cast::<Element>() {
                show_ticks(&root, ticks);
            }
        });
    }
    {
        let body = body.clone();
        let folded = use_mut_ref(|| None::<(usize, usize)>);
        use_effect_with(
            (drawn.clone(), props.ticks.clone(), props.position_hop),
            move |(drawn, ticks, position_hop)| {
                if let Some(root) = body.cast::<Element>() {
                    let drawn_at = drawn
                        .as_ref()
                        .as_ref()
                        .map_or(0, |d| d as *const Drawn as usize);
                    fold(
                        &root,
                        ticks,
                        *position_hop,
                        drawn_at,
                        &mut folded.borrow_mut(),
                    );
                }
            },
        );
    }
    let onchange = {
        let ontick = props.ontick.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = ticked(&e) {
                ontick.emit(t);
            }
        })
    };
    let oninput = {
        let planner = props.planner.clone();
        let session = props.session.clone();
        Callback::from(move |e: InputEvent| typed(&e, &planner, session.as_deref()))
    };
    let onclick = Callback::from(|e: MouseEvent| copy_clicked(&e));
    let state = if drawn.is_some() { "ready" } else { "loading" };
    html! {
        <section class="runbook-panel" aria-labelledby="runbook-heading" data-steps={state}>
            <h2 id="runbook-heading">{ "Runbook" }</h2>
            <div class="runbook-panel-body" ref={body} {oninput} {onclick} {onchange}>
                if let Some(drawn) = drawn.as_ref() {
                    <div data-part="head">{ raw(&drawn.head) }</div>
                    <div data-part="fields">{ raw(&drawn.fields) }</div>
                    <div data-part="images">{ raw(&drawn.images) }</div>
                    <div data-part="steps">{ raw(&drawn.steps) }</div>
                }
            </div>
            if drawn.is_none() {
                <p class="runbook-panel-pending">{ STEPS_LOADING }</p>
            }
        </section>
    }
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Marks the name field `id` invalid, pointing at the panel's message, while its text is a
/// name the commands do not use (`runbook::server_problem`, `file_problem`); other fields are left alone.
fn mark_unused(root: &Element, id: &str) {
    let Some(input) = find(root, &format!("#{id}"))
        .filter(|e| id == runbook_html::SERVER_ID || e.has_attribute("data-image-key"))
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let value = input.value();
    let unused = if id == runbook_html::SERVER_ID {
        runbook::server_problem(&value)
    } else {
        runbook::file_problem(&value)
    }
    .is_some();
    let _ = input.set_attribute("aria-invalid", if unused { "true" } else { "false" });
    if unused {
        let _ = input.set_attribute("aria-describedby", runbook_html::NAMES_MESSAGE_ID);
    } else {
        let _ = input.remove_attribute("aria-describedby");
    }
}

/// Sets the input `id` to `value` unless it already holds it or has the focus (a person typing).
fn set_unless_typing(root: &Element, id: &str, value: &str) {
    let Some(input) =
        find(root, &format!("#{id}")).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == **input);
    if !focused && input.value() != value {
        input.set_value(value);
    }
}

/// A field typed in: its value goes to the reducer through the planner's verb for that field.
/// An image name typed back to the name the runbook shows by default is no setting (the link
/// stays short, and the name follows a model chosen later).
fn typed(e: &InputEvent, planner: &Planner, session: Option<&Session>) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let id = input.id();
    if id == runbook_html::SERVER_ID {
        planner.set_server(input.value());
    } else if id == runbook_html::MINUTES_ID {
        planner.set_minutes(input.value());
    } else if let Some(key) = input.get_attribute("data-image-key") {
        let name = input.value();
        let default = session
            .zip(key.parse::<Release>().ok())
            .map(|(s, release)| runbook::plan_default_image(s.hops(), s.platform, release));
        let is_default = default.is_some_and(|d| d == name.trim());
        planner.set_image(key, if is_default { String::new() } else { name });
    }
}

/// A click on a step's copy button (`button[data-copy]`): copies its block's commands; the
/// block's status says "Copied" once the clipboard has taken them, or that it refused.
fn copy_clicked(e: &MouseEvent) {
    let Some(block) = browser::closest(e, "button[data-copy]")
        .and_then(|button| button.closest(".command-block").ok().flatten())
    else {
        return;
    };
    let text = find(&block, "code")
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    let Some(status) = find(&block, ".command-block-status") else {
        return;
    };
    status.set_text_content(None);
    browser::copy(&text, move |copied| {
        status.set_text_content(Some(if copied {
            page::RUNBOOK_COPIED
        } else {
            page::RUNBOOK_COPY_FAILED
        }));
    });
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// A tick box's (hop, step id), from its attributes.
fn tick_of(e: &Element) -> Option<(usize, String)> {
    let hop = e.get_attribute("data-hop")?.parse().ok()?;
    let step = e.get_attribute("data-step")?;
    ticks::valid_step(&step).then_some((hop, step))
}

/// A tick box changed: (hop, step id, ticked).
fn ticked(e: &Event) -> Option<(usize, String, bool)> {
    let input = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .filter(|i| i.has_attribute("data-step-done"))?;
    let (hop, step) = tick_of(&input)?;
    Some((hop, step, input.checked()))
}

/// Sets every tick box and its time from `ticks`.
fn show_ticks(root: &Element, ticks: &Ticks) {
    for e in all(root, "input[data-step-done]") {
        let Some((hop, step)) = tick_of(&e) else {
            continue;
        };
        let time = ticks.time(hop, &step);
        if let Ok(input) = e.clone().dyn_into::<HtmlInputElement>() {
            input.set_checked(time.is_some());
        }
        if let Some(t) = e
            .parent_element()
            .and_then(|label| find(&label, "time[data-step-time]"))
        {
            // The clock beside the box (the window is now); the date and offset in `datetime`.
            let clock = time.and_then(TickTime::read).map(|t| t.clock);
            t.set_text_content(clock);
            match time {
                Some(time) => {
                    let _ = t.set_attribute("datetime", time);
                }
                None => {
                    let _ = t.remove_attribute("datetime");
                }
            }
        }
    }
}

/// Opens the hop in progress and folds the others, when the hop in progress or the markup
/// changed since the last time (`last`: the markup's address and the hop opened).
fn fold(
    root: &Element,
    ticks: &Ticks,
    position_hop: Option<usize>,
    drawn_at: usize,
    last: &mut Option<(usize, usize)>,
) {
    let sections = all(root, "section[data-runbook-hop]");
    let steps: Vec<usize> = sections
        .iter()
        .map(|s| {
            s.get_attribute("data-steps-required")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        })
        .collect();
    let Some(open) = position_hop.or_else(|| ticks::hop_in_progress(ticks, &steps)) else {
        return;
    };
    if *last == Some((drawn_at, open)) {
        return;
    }
    *last = Some((drawn_at, open));
    for (i, s) in sections.iter().enumerate() {
        if let Some(d) = find(s, "details[data-hop-fold]") {
            let _ = if i + 1 == open {
                d.set_attribute("open", "")
            } else {
                d.remove_attribute("open")
            };
        }
    }
}
