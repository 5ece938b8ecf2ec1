//! The release graph (`svg[data-graph]`): one tab stop; arrow keys move a cursor between
//! releases (left/right across train columns, up/down within one), Enter sets the target and
//! Shift+Enter the current release; a click does the same (Shift+click: current). Hover or
//! focus lights the release's legal hops in a layer of their own.
//!
//! Both layers are markup text from `view::graph_svg`. The canvas is written once per graph
//! model (`use_memo`) and handed to Yew as it is: on hover Yew compares the same string and
//! leaves the canvas's DOM alone; only the small legal-hop layer is replaced.

use crate::domain::release::Release;
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::graph_model::{node_id, GraphModel};
use crate::view::graph_svg;
use crate::view::markup::px;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseGraphProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    pub hovered: Option<Release>,
    pub onhover: Callback<Option<Release>>,
    /// A release picked; `true` means "as the current release", else as the target.
    pub onpick: Callback<(Release, bool)>,
}

/// The release of the node an event happened in, if any.
fn release_of(e: &MouseEvent) -> Option<Release> {
    let node = browser::closest(e, "[data-release]")?;
    node.get_attribute("data-release")?.parse().ok()
}

/// Where an arrow key moves the cursor from node `i`.
fn step(model: &GraphModel, i: usize, key: &str) -> Option<usize> {
    let layout = &model.layout;
    let col = layout
        .columns
        .iter()
        .position(|c| i >= c.first && i < c.first + c.len)?;
    let column = layout.columns.get(col)?;
    let y = layout.nodes.get(i)?.y;
    let nearest_in = |c: usize| {
        let column = layout.columns.get(c)?;
        (column.first..column.first + column.len).min_by(|&a, &b| {
            let distance = |i: usize| {
                layout
                    .nodes
                    .get(i)
                    .map_or(f64::INFINITY, |n| (n.y - y).abs())
            };
            let (da, db) = (distance(a), distance(b));
            da.total_cmp(&db)
        })
    };
    match key {
        "ArrowUp" => (i > column.first).then(|| i - 1),
        "ArrowDown" => (i + 1 < column.first + column.len).then_some(i + 1),
        "ArrowLeft" => col.checked_sub(1).and_then(nearest_in),
        "ArrowRight" => nearest_in(col + 1),
        "Home" => Some(0),
        "End" => layout.nodes.len().checked_sub(1),
        _ => None,
    }
}

/// The graph with its keyboard cursor.
#[function_component(ReleaseGraph)]
pub fn release_graph(props: &ReleaseGraphProps) -> Html {
    let cursor = use_state(|| None::<usize>);
    let scroller = use_node_ref();
    let model = &props.model;
    let canvas = use_memo(model.clone(), |m| AttrValue::from(graph_svg::canvas(m)));
    let legal = graph_svg::legal_layer(model, &props.session.catalog, props.hovered, *cursor);
    let layout = &model.layout;

    let release_at = {
        let model = model.clone();
        move |i: usize| model.layout.nodes.get(i).map(|n| n.release)
    };
    // Keep the cursor's node in view inside the horizontally scrolling box.
    let reveal = {
        let scroller = scroller.clone();
        let model = model.clone();
        move |i: usize| {
            let (Some(node), Some(boxed)) =
                (model.layout.nodes.get(i), scroller.cast::<HtmlElement>())
            else {
                return;
            };
            let (left, width) = (boxed.scroll_left() as f64, boxed.client_width() as f64);
            if node.x < left + 60.0 || node.x > left + width - 60.0 {
                boxed.set_scroll_left((node.x - width / 2.0).max(0.0) as i32);
            }
        }
    };
    let onmouseover = {
        let onhover = props.onhover.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(r) = release_of(&e) {
                onhover.emit(Some(r));
            }
        })
    };
    let onmouseleave = {
        let onhover = props.onhover.clone();
        let cursor = cursor.clone();
        let release_at = release_at.clone();
        Callback::from(move |_: MouseEvent| onhover.emit(cursor.and_then(&release_at)))
    };
    let onclick = {
        let onpick = props.onpick.clone();
        let cursor = cursor.clone();
        let model = model.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(r) = release_of(&e) {
                cursor.set(model.layout.index_of(r));
                onpick.emit((r, e.shift_key()));
            }
        })
    };
    let onfocus = {
        let onhover = props.onhover.clone();
        let cursor = cursor.clone();
        let session = props.session.clone();
        let model = model.clone();
        let release_at = release_at.clone();
        Callback::from(move |_: FocusEvent| {
            let start = cursor.or_else(|| {
                let typed = session.to.release.or(session.from.release);
                typed
                    .and_then(|r| model.layout.index_of(r))
                    .or((!model.layout.nodes.is_empty()).then_some(0))
            });
            cursor.set(start);
            onhover.emit(start.and_then(&release_at));
        })
    };
    let onblur = {
        let onhover = props.onhover.clone();
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| {
            cursor.set(None);
            onhover.emit(None);
        })
    };
    let onkeydown = {
        let onhover = props.onhover.clone();
        let onpick = props.onpick.clone();
        let cursor = cursor.clone();
        let model = model.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let Some(i) = *cursor else { return };
            if key == "Enter" || key == " " {
                e.prevent_default();
                if let Some(r) = release_at(i) {
                    onpick.emit((r, e.shift_key()));
                }
                return;
            }
            if let Some(next) = step(&model, i, &key) {
                e.prevent_default();
                cursor.set(Some(next));
                onhover.emit(release_at(next));
                reveal(next);
            }
        })
    };
    let active_id = cursor
        .and_then(|i| layout.nodes.get(i))
        .map(|n| node_id(n.release));
    let (width, height) = (layout.width.max(1.0), layout.height.max(1.0));
    html! {
        <div class="release-graph" ref={scroller}>
            <svg data-graph="" tabindex="0" role="application" aria-roledescription="release graph"
                aria-label="Release graph: arrow keys move between releases, Enter sets the target, Shift+Enter the current release"
                aria-activedescendant={active_id}
                width={px(width)} height={px(height)}
                viewBox={format!("0 0 {} {}", px(width), px(height))}
                {onmouseover} {onmouseleave} {onclick} {onfocus} {onblur} {onkeydown}>
                { Html::from_html_unchecked(AttrValue::Static(graph_svg::ARROW_DEFS)) }
                <g class="graph-canvas">{ Html::from_html_unchecked((*canvas).clone()) }</g>
                <g class="legal-layer" aria-hidden="true">{ Html::from_html_unchecked(legal.into()) }</g>
            </svg>
        </div>
    }
}
