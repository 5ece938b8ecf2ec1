//! The release graph (`svg[data-graph]`): one tab stop; arrow keys move a cursor between
//! releases (left/right across train columns, up/down within one), Enter sets the target and
//! Shift+Enter the current release; a click does the same (Shift+click: current). Hover or
//! focus lights the release's legal hops in a layer of their own.
//!
//! Both layers are markup text from `view::graph_svg`. The canvas is written once per graph
//! model (`use_memo`), in pieces: the plan's edges, then one keyed `<g>` per train column,
//! placed by its `transform`. Yew compares each piece's text with the one it drew and rewrites
//! only those that changed: a keystroke or a train switch redraws the columns whose releases
//! changed and moves the others, instead of rebuilding hundreds of nodes; on hover nothing
//! of the canvas changes and only the legal-hop layer is replaced, by hand in one `innerHTML`
//! (`browser::fill`; the titles of its excepted edges a frame later). The hovered release is
//! this component's own state: a mouseover re-renders the graph, not the page. A graph of more
//! than `graph_svg::DRAWN_WHOLE_UP_TO` releases draws the window of columns around the box's
//! left edge (`graph_svg::drawn_columns`) and moves it as the box scrolls.
//!
//! A node carries its row in its column (`data-row`) and its column group the column's index
//! (`data-column`): a handler reads the release from the model, never by parsing the text of
//! `data-release`.
//!
//! Under the graph, a live line says in words what the hovered or focused release's highlighted
//! hops are (screen readers hear it too). A tap on a touch screen does not pick: it shows the
//! release's hops and offers "set as current" / "set as target". The graph opens on the plan's
//! start and target together (`layout::fit_between`: scrolled, and scaled down when they are
//! farther apart than the box is wide) and follows the plan when it changes; "Whole catalog"
//! fits the whole graph in the box.

use crate::domain::layout::fit_between;
use crate::domain::release::{Release, Train};
use crate::domain::session::Session;
use crate::ui::browser;
use crate::ui::shared::Shared;
use crate::view::graph_model::{node_id, GraphModel, PickAs};
use crate::view::markup::px;
use crate::view::words::page;
use crate::view::{graph_svg, release_list};
use web_sys::{HtmlElement, PointerEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseGraphProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    /// A release picked, and as what.
    pub onpick: Callback<(Release, PickAs)>,
}

/// The layout index of the node an event happened in, if any: its column's first node plus
/// its row.
fn node_of(e: &MouseEvent, model: &GraphModel) -> Option<usize> {
    let index = |selector: &str, name: &str| -> Option<usize> {
        browser::closest(e, selector)?
            .get_attribute(name)?
            .parse()
            .ok()
    };
    let row = index("[data-row]", "data-row")?;
    let column = model
        .layout
        .columns
        .get(index("[data-column]", "data-column")?)?;
    (row < column.len).then_some(column.first + row)
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

/// The x of the leftmost node of the plan or of a typed release: where the graph opens.
fn plan_left(model: &GraphModel) -> Option<f64> {
    model
        .layout
        .nodes
        .iter()
        .zip(&model.info)
        .filter(|(_, info)| info.on_plan || !info.role.is_empty())
        .map(|(n, _)| n.x)
        .reduce(f64::min)
}

/// The layout indexes of the plan's start (the lower of the two units' releases when they
/// differ) and its target, when both are drawn.
fn ends(model: &GraphModel) -> Option<(usize, usize)> {
    let nodes = || model.layout.nodes.iter().zip(&model.info).enumerate();
    let start = nodes()
        .filter(|(_, (_, info))| info.role == "current" || info.role == "other unit")
        .min_by(|(_, (a, _)), (_, (b, _))| a.x.total_cmp(&b.x))?
        .0;
    let target = nodes().find(|(_, (_, info))| info.role == "target")?.0;
    Some((start, target))
}

/// The graph with its keyboard cursor.
#[function_component(ReleaseGraph)]
pub fn release_graph(props: &ReleaseGraphProps) -> Html {
    let cursor = use_state(|| None::<usize>);
    let hovered = use_state(|| None::<Release>);
    // The node a touch tapped: its hops are shown and the two picks offered.
    let tapped = use_state(|| None::<usize>);
    let touch = use_mut_ref(|| false);
    let fit = use_state(|| false);
    // The scale the drawing opens at: below 1 when a plan's ends are farther apart than the
    // box is wide (`layout::fit_between`).
    let scale = use_state(|| 1.0_f64);
    let scroller = use_node_ref();
    // The column at the box's left edge, as last scrolled (`None`: where the plan opens it).
    let left_column = use_state(|| None::<usize>);
    let model = &props.model;
    let drawn = if *fit {
        0..model.layout.columns.len()
    } else {
        let left = left_column
            .unwrap_or_else(|| plan_left(model).map_or(0, |x| model.layout.column_at(x)));
        graph_svg::drawn_columns(&model.layout, left)
    };
    let canvas = use_memo((model.clone(), drawn), |(m, drawn)| {
        let parts = graph_svg::canvas_parts(m, drawn.clone());
        let columns: Vec<(usize, Train, f64, AttrValue)> = parts
            .columns
            .into_iter()
            .map(|c| (c.index, c.train, c.x, AttrValue::from(c.markup)))
            .collect();
        (AttrValue::from(parts.edges), columns)
    });
    // The legal-hop layer, written into its `<g>` by hand (`browser::fill`: one `innerHTML`),
    // in an effect: in the same task as the render, before the browser paints. Handed to Yew
    // as raw HTML, it was removed node by node and inserted node by node (from a release
    // before 8.4 with interim builds shown, about 500 edges each way). The titles of its
    // excepted edges, never shown, follow a frame later (`graph_svg::legal_layer_apart`), into
    // the layer they belong to only if it is still the one drawn.
    let legal_ref = use_node_ref();
    let legal = use_memo(
        (model.clone(), props.session.clone(), *hovered, *cursor),
        |(model, session, hovered, cursor)| {
            graph_svg::legal_layer_apart(model, &session.catalog, *hovered, *cursor)
        },
    );
    let layers_drawn = use_mut_ref(|| 0_u32);
    {
        let legal_ref = legal_ref.clone();
        use_effect_with(legal, move |legal| {
            let this = {
                let mut drawn = layers_drawn.borrow_mut();
                *drawn = drawn.wrapping_add(1);
                *drawn
            };
            browser::fill(&legal_ref, &legal.markup);
            if !legal.titles.is_empty() {
                let legal = legal.clone();
                browser::after_paint(move || {
                    if *layers_drawn.borrow() == this {
                        browser::add_svg_titles(&legal_ref, &legal.titles);
                    }
                });
            }
        });
    }
    let hover = {
        let hovered = hovered.clone();
        // `UseStateHandle::set` re-renders even for an equal value: only changes count.
        move |release: Option<Release>| {
            if *hovered != release {
                hovered.set(release);
            }
        }
    };
    let layout = &model.layout;

    let release_at = {
        let model = model.clone();
        move |i: usize| model.layout.nodes.get(i).map(|n| n.release)
    };
    // Keep the cursor's node in view inside the horizontally scrolling box.
    let reveal = {
        let scroller = scroller.clone();
        let model = model.clone();
        let zoom = if *fit { 1.0 } else { *scale };
        move |i: usize| {
            let (Some(node), Some(boxed)) =
                (model.layout.nodes.get(i), scroller.cast::<HtmlElement>())
            else {
                return;
            };
            let x = node.x * zoom;
            let (left, width) = (boxed.scroll_left() as f64, boxed.client_width() as f64);
            if x < left + 60.0 || x > left + width - 60.0 {
                boxed.set_scroll_left((x - width / 2.0).max(0.0) as i32);
            }
        }
    };
    // Open on the plan (or the typed releases). With a start and a target, both in view
    // together (`layout::fit_between`): centred when they fit as drawn, else the drawing
    // scaled down so they do (down to `layout::MIN_SCALE`, and then from the start), even for
    // one long hop. Otherwise the leftmost typed node near the box's left edge. After the
    // paint: the box's width is read from a laid-out page then, instead of forcing a layout
    // inside the interaction that changed the plan (Event Timing counts input → next paint).
    {
        let scroller = scroller.clone();
        let scale = scale.clone();
        // "Whole catalog" draws the whole graph in the box: nothing to scroll or scale then;
        // turned off, the graph opens on the plan again.
        use_effect_with((model.clone(), *fit), move |(model, whole)| {
            let model = model.clone();
            let whole = *whole;
            browser::after_paint(move || {
                let Some(boxed) = scroller.cast::<HtmlElement>().filter(|_| !whole) else {
                    return;
                };
                let width = boxed.client_width() as f64;
                let fit = ends(&model).and_then(|(a, b)| fit_between(&model.layout, a, b, width));
                let (left, zoom) = match fit {
                    Some(fit) => (fit.left, fit.scale),
                    None => match plan_left(&model) {
                        Some(x) => (x - model.layout.node_width / 2.0 - 24.0, 1.0),
                        None => return,
                    },
                };
                // The drawing's size is set here as well as by the next render, so that the
                // scroll below lands on a canvas of its new size.
                if let Some(svg) = boxed.first_element_child() {
                    let layout = &model.layout;
                    let _ = svg.set_attribute("width", &px(layout.width.max(1.0) * zoom));
                    let _ = svg.set_attribute("height", &px(layout.height.max(1.0) * zoom));
                }
                if *scale != zoom {
                    scale.set(zoom);
                }
                boxed.set_scroll_left((left * zoom).max(0.0) as i32);
            });
        });
    }
    let onpointerdown = {
        let touch = touch.clone();
        Callback::from(move |e: PointerEvent| *touch.borrow_mut() = e.pointer_type() == "touch")
    };
    let onmouseover = {
        let hover = hover.clone();
        let release_at = release_at.clone();
        let model = model.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = node_of(&e, &model) {
                hover(release_at(i));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        let cursor = cursor.clone();
        let release_at = release_at.clone();
        Callback::from(move |_: MouseEvent| hover(cursor.and_then(&release_at)))
    };
    let onclick = {
        let onpick = props.onpick.clone();
        let cursor = cursor.clone();
        let model = model.clone();
        let release_at = release_at.clone();
        let tapped = tapped.clone();
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(i) = node_of(&e, &model) else {
                return;
            };
            cursor.set(Some(i));
            if std::mem::take(&mut *touch.borrow_mut()) {
                // A finger has no hover and no Shift: show the hops, offer the two picks.
                tapped.set(Some(i));
                hover(release_at(i));
            } else if let Some(r) = release_at(i) {
                onpick.emit((r, PickAs::with_shift(e.shift_key())));
            }
        })
    };
    let onfocus = {
        let hover = hover.clone();
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
            hover(start.and_then(&release_at));
        })
    };
    let onblur = {
        let hover = hover.clone();
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| {
            cursor.set(None);
            hover(None);
        })
    };
    let onkeydown = {
        let onpick = props.onpick.clone();
        let cursor = cursor.clone();
        let model = model.clone();
        let release_at = release_at.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let Some(i) = *cursor else { return };
            if key == "Enter" || key == " " {
                e.prevent_default();
                if let Some(r) = release_at(i) {
                    onpick.emit((r, PickAs::with_shift(e.shift_key())));
                }
                return;
            }
            if let Some(next) = step(&model, i, &key) {
                e.prevent_default();
                cursor.set(Some(next));
                hover(release_at(next));
                reveal(next);
            }
        })
    };
    // What the highlighted hops are, in words; and the picks a tap offers.
    let shown = hovered.or_else(|| tapped.and_then(&release_at));
    let status = shown.map(|r| {
        format!(
            "{r}: {}",
            release_list::legal_words(&props.session.catalog, model, r)
        )
    });
    let offer = tapped.and_then(&release_at).map(|r| {
        let pick = |as_what: PickAs| {
            let onpick = props.onpick.clone();
            let tapped = tapped.clone();
            Callback::from(move |_: MouseEvent| {
                tapped.set(None);
                onpick.emit((r, as_what));
            })
        };
        html! {
            <span class="release-graph-offer">
                <button type="button" onclick={pick(PickAs::Current)}>{ page::set_as_current(r) }</button>
                <button type="button" onclick={pick(PickAs::Target)}>{ page::set_as_target(r) }</button>
            </span>
        }
    });
    // A large graph draws a window of columns (`graph_svg::drawn_columns`): scrolling moves it.
    let onscroll = {
        let left_column = left_column.clone();
        let model = model.clone();
        let scroller = scroller.clone();
        let zoom = *scale;
        Callback::from(move |_: Event| {
            if model.layout.nodes.len() <= graph_svg::DRAWN_WHOLE_UP_TO {
                return;
            }
            let Some(boxed) = scroller.cast::<HtmlElement>() else {
                return;
            };
            let column = Some(model.layout.column_at(boxed.scroll_left() as f64 / zoom));
            if *left_column != column {
                left_column.set(column);
            }
        })
    };
    let onfit = {
        let fit = fit.clone();
        Callback::from(move |_: MouseEvent| fit.set(!*fit))
    };
    let active_id = cursor
        .and_then(|i| layout.nodes.get(i))
        .map(|n| node_id(n.release));
    let (width, height) = (layout.width.max(1.0), layout.height.max(1.0));
    // Fitted, the drawing takes the box's width and keeps its proportions; else it is drawn at
    // the scale that shows the plan's ends together.
    let (svg_width, svg_height) = if *fit {
        ("100%".to_owned(), None)
    } else {
        (px(width * *scale), Some(px(height * *scale)))
    };
    html! {
        <>
        <div class="release-graph-tools">
            <button type="button" aria-pressed={if *fit { "true" } else { "false" }} onclick={onfit}>
                { "Whole catalog" }
            </button>
        </div>
        <div class="release-graph" ref={scroller} {onscroll}>
            <svg id="release-graph" data-graph="" tabindex="0" role="application" aria-roledescription="release graph"
                aria-label={page::GRAPH_LABEL}
                aria-activedescendant={active_id}
                width={svg_width} height={svg_height}
                viewBox={format!("0 0 {} {}", px(width), px(height))}
                {onpointerdown} {onmouseover} {onmouseleave} {onclick} {onfocus} {onblur} {onkeydown}>
                { Html::from_html_unchecked(AttrValue::Static(graph_svg::ARROW_DEFS)) }
                <g class="graph-canvas">
                    { Html::from_html_unchecked(canvas.0.clone()) }
                    <g class="graph-canvas-nodes">
                        { for canvas.1.iter().map(|(i, train, x, markup)| html! {
                            <g key={train.to_string()} class="graph-canvas-column" data-column={i.to_string()}
                                transform={graph_svg::column_transform(*x)}>
                                { Html::from_html_unchecked(markup.clone()) }
                            </g>
                        }) }
                    </g>
                </g>
                <g class="legal-layer" aria-hidden="true" ref={legal_ref}></g>
            </svg>
        </div>
        <p class="release-graph-status" aria-live="polite">
            { status.unwrap_or_default() }
            { for offer }
        </p>
        </>
    }
}
