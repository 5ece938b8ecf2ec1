//! The release graph as lists (markup from `view::release_list`, memoised by the page per
//! graph), and its "Target"/"Current" buttons: one click listener for them all. A pick redraws the list (the plan changed), so the
//! pressed button's id is handed to `browser::focus_after_render`: keyboard and screen-reader
//! users stay where they were.
//!
//! A view function, not a component: `onpick` is a page callback, new on every page render,
//! so a component here would re-render with the page anyway (and it is shown only while the
//! drawing, the source of hovers, is not).

use crate::domain::release::Release;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::graph_model::{GraphModel, PickAs};
use crate::view::release_list::pick_button_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphListProps {
    pub model: Shared<GraphModel>,
    /// The lists' markup for `model` (`view::release_list::lists`).
    pub lists: AttrValue,
    /// A release picked, and as what (as in the graph).
    pub onpick: Callback<(Release, PickAs)>,
}

/// The release and role of a pick button clicked (`None` for any other click): the release is
/// the model's node at the item's `data-node` index.
fn picked(e: &MouseEvent, model: &GraphModel) -> Option<(Release, PickAs)> {
    let button = browser::closest(e, "button[data-pick]")?;
    let pick = match button.get_attribute("data-pick")?.as_str() {
        "current" => PickAs::Current,
        _ => PickAs::Target,
    };
    let item = button.closest("[data-node]").ok()??;
    let i: usize = item.get_attribute("data-node")?.parse().ok()?;
    Some((model.layout.nodes.get(i)?.release, pick))
}

/// Trains as headed lists.
pub fn graph_list(props: &GraphListProps) -> Html {
    let onclick = {
        let onpick = props.onpick.clone();
        let model = props.model.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((release, pick)) = picked(&e, &model) {
                browser::focus_after_render(pick_button_id(release, pick));
                onpick.emit((release, pick));
            }
        })
    };
    html! {
        <div class="graph-list" {onclick}>{ Html::from_html_unchecked(props.lists.clone()) }</div>
    }
}
