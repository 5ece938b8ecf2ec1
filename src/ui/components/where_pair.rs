//! "Where is the pair?" (SPEC §14): one box (`textarea[data-show-input]`) for `show failover`
//! and/or `show version` output from either unit, read once per input event (`ui::window`),
//! the position drawn beside it (`view::position_html`: units, stops, position, next step),
//! the other reading with one click (`button[data-choose-reading]`), the plan from what the
//! units run (`button[data-plan-from]` sets `from`/`from2`), the executed log and "Forget".
//!
//! A view function (ARCHITECTURE.md › Size); its state is `ui::window`'s. The pasted text goes
//! nowhere but this box and its own local-storage key.

use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::hooks::Planner;
use crate::ui::shared::Shared;
use crate::ui::state::RunbookSettings;
use crate::ui::window::Window;
use crate::view::markup::inline_code;
use crate::view::window_log;
use crate::view::words::page;
use crate::view::words::position as words;
use std::rc::Rc;
use yew::prelude::*;

pub struct WherePairProps {
    pub window: Window,
    pub session: Shared<Session>,
    pub settings: Rc<RunbookSettings>,
    pub planner: Planner,
}

fn code(text: &str) -> Html {
    let mut out = String::new();
    inline_code(&mut out, text);
    Html::from_html_unchecked(AttrValue::from(out))
}

/// A click on the panel's markup: plan from the units, or take the other reading.
fn clicked(e: &MouseEvent, window: &Window, planner: &Planner) {
    if let Some(b) = browser::closest(e, "button[data-plan-from]") {
        if let Some(from) = b.get_attribute("data-from").filter(|f| !f.is_empty()) {
            let from2 = b.get_attribute("data-from2").filter(|f| !f.is_empty());
            planner.plan_from(from, from2);
        }
    } else if browser::closest(e, "button[data-choose-reading]").is_some() {
        window.onchoose.emit(());
    }
}

/// The panel.
pub fn where_pair(props: &WherePairProps) -> Html {
    let window = &props.window;
    let oninput = browser::on_value::<InputEvent>(&window.onpaste);
    let onforget = window.onforget.reform(|_: MouseEvent| ());
    let onclick = {
        let window = window.clone();
        let planner = props.planner.clone();
        Callback::from(move |e: MouseEvent| clicked(&e, &window, &planner))
    };
    let onlog = {
        let window = window.clone();
        let session = props.session.clone();
        let settings = props.settings.clone();
        Callback::from(move |_: MouseEvent| {
            let text = window_log::markdown(
                &session,
                &settings.server,
                &settings.images,
                &window.ticks,
                &window.snap,
                window.position.as_ref().map(|p| &p.0),
                browser::today().as_deref(),
                &browser::link(&browser::hash()),
            );
            browser::download("asa-upgrade-executed-log.md", "text/markdown", &text);
        })
    };
    let drawn = window
        .position
        .as_ref()
        .map(|p| Html::from_html_unchecked(AttrValue::from(p.1.clone())));
    let has_text = !window.text.is_empty();
    html! {
        <section class="where-pair" aria-labelledby="where-heading">
            <h2 id="where-heading">{ page::WHERE_HEADING }</h2>
            <label for="show-input">{ code(words::SHOW_LABEL) }</label>
            <textarea id="show-input" data-show-input="" rows="6" spellcheck="false"
                autocomplete="off" aria-describedby="show-input-hint"
                value={window.text.clone()} {oninput} />
            <p id="show-input-hint" class="where-pair-hint">{ code(words::SHOW_HINT) }</p>
            <div class="where-pair-buttons">
                <button type="button" data-show-forget="" disabled={!has_text} onclick={onforget}>
                    { words::FORGET }
                </button>
                <button type="button" data-executed-log="" onclick={onlog}>
                    { page::EXECUTED_LOG }
                </button>
                if let Some(count) = window.cleared.filter(|_| window.ticks.done.is_empty()) {
                    <button type="button" data-ticks-restore=""
                        onclick={window.onrestoreticks.reform(|_: MouseEvent| ())}>
                        { page::restore_ticks(count) }
                    </button>
                } else {
                    <button type="button" data-ticks-clear="" disabled={window.ticks.done.is_empty()}
                        onclick={window.onclearticks.reform(|_: MouseEvent| ())}>
                        { page::CLEAR_TICKS }
                    </button>
                }
            </div>
            <div class="where-pair-position" aria-live="polite" {onclick}>
                { for drawn }
            </div>
        </section>
    }
}
