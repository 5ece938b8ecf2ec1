//! The release graph as lists (markup from `view::release_list`), and its "Target"/"Current"
//! buttons: one click listener for them all. A pick redraws the list (the plan changed), so the
//! pressed button's id is handed to `browser::focus_after_render`: keyboard and screen-reader
//! users stay where they were.
//!
//! A view function, not a component: `onpick` is a page callback, new on every page render,
//! so a component here would re-render with the page anyway (and it is shown only while the
//! drawing, the source of hovers, is not).

use crate::domain::release::Release;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::graph_model::GraphModel;
use crate::view::release_list::{self, pick_button_id};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphListProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    /// `(release, as_current)` as in the graph.
    pub onpick: Callback<(Release, bool)>,
}

/// The release and role of a pick button clicked (`None` for any other click).
fn picked(e: &MouseEvent) -> Option<(Release, bool)> {
    let button = browser::closest(e, "button[data-pick]")?;
    let as_current = button.get_attribute("data-pick")? == "current";
    let item = button.closest("[data-list-release]").ok()??;
    let release = item.get_attribute("data-list-release")?.parse().ok()?;
    Some((release, as_current))
}

/// Trains as headed lists.
pub fn graph_list(props: &GraphListProps) -> Html {
    let onclick = {
        let onpick = props.onpick.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((release, as_current)) = picked(&e) {
                browser::focus_after_render(pick_button_id(release, as_current));
                onpick.emit((release, as_current));
            }
        })
    };
    let markup = release_list::lists(&props.session.catalog, &props.model);
    html! {
        <div class="graph-list" {onclick}>{ Html::from_html_unchecked(markup.into()) }</div>
    }
}
