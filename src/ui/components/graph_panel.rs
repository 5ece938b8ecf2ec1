//! The graph section: "show interim builds", the graph/list switch, and the graph or its list.
//! A view function, not a component: its props carry page callbacks (new on every page
//! render), and the list/graph switch lives in the page state. Hovering is the graph's own.

use super::graph_list::{graph_list, GraphListProps};
use super::release_graph::ReleaseGraph;
use crate::domain::release::Release;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::graph_model::{GraphModel, PickAs};
use crate::view::{legend, words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphPanelProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    pub interim: bool,
    /// Shows the list view instead of the drawing.
    pub as_list: bool,
    /// The list view's markup (`view::release_list`; empty while the drawing is shown).
    pub lists: AttrValue,
    pub oninterim: Callback<bool>,
    /// The list/graph switch pressed: the list view wanted (`true`) or not.
    pub onlistview: Callback<bool>,
    pub onpick: Callback<(Release, PickAs)>,
}

/// Controls and the graph (or the list view).
pub fn graph_panel(props: &GraphPanelProps) -> Html {
    let as_list = props.as_list;
    let oninterim = browser::on_checked(&props.oninterim);
    let ontoggle = props.onlistview.reform(move |_: MouseEvent| !as_list);
    html! {
        <section class="graph-panel" aria-labelledby="graph-heading">
            <h2 id="graph-heading">{ "Release graph" }</h2>
            <div class="graph-panel-controls">
                <input id="interim" type="checkbox" checked={props.interim} onchange={oninterim} />
                <label for="interim">{ words::page::SHOW_INTERIM }</label>
                <button type="button" aria-pressed={if as_list { "true" } else { "false" }}
                    onclick={ontoggle}>{ "List view" }</button>
            </div>
            if let Some(text) = words::direct_blocked(&props.session) {
                <p class="graph-panel-blocked" data-direct-blocked="">{ text }</p>
            }
            if as_list {
                { graph_list(&GraphListProps {
                    model: props.model.clone(),
                    lists: props.lists.clone(),
                    onpick: props.onpick.clone(),
                }) }
            } else {
                <ReleaseGraph model={props.model.clone()} session={props.session.clone()}
                    onpick={props.onpick.clone()} />
            }
            <p class="graph-panel-help">
                { words::page::GRAPH_HELP }
            </p>
            { Html::from_html_unchecked(AttrValue::from(legend::html())) }
        </section>
    }
}
