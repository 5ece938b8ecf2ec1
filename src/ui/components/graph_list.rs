//! The release graph as lists, for screen readers and keyboards: per train, each release with
//! its marks and its legal hops (from `domain::rules::judge`), and a button to pick it.
//!
//! A view function, not a component: `onpick` is a page callback, new on every page render,
//! so a component here would re-render with the page anyway (and it is shown only while the
//! drawing, the source of hovers, is not).

use crate::domain::release::Release;
use crate::domain::rules::judge;
use crate::domain::session::Session;
use crate::ui::graph_model::GraphModel;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphListProps {
    pub model: Shared<GraphModel>,
    pub session: Shared<Session>,
    /// `(release, as_current)` as in the graph.
    pub onpick: Callback<(Release, bool)>,
}

/// The legal hops from `a` to the drawn releases, grouped by rule, in words.
fn legal_words(session: &Session, model: &GraphModel, a: Release) -> String {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for n in &model.layout.nodes {
        if let Ok(rule) = judge(&session.catalog, a, n.release) {
            match groups.iter_mut().find(|(r, _)| *r == rule.as_str()) {
                Some((_, list)) => list.push(n.release.to_string()),
                None => groups.push((rule.as_str(), vec![n.release.to_string()])),
            }
        }
    }
    if groups.is_empty() {
        return "no legal hop to a drawn release".to_owned();
    }
    groups
        .iter()
        .map(|(rule, list)| format!("{rule}: {}", list.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Trains as headed lists.
pub fn graph_list(props: &GraphListProps) -> Html {
    let model = &props.model;
    let layout = &model.layout;
    html! {
        <div class="graph-list">
            if let Some((Some(a), Some(b), reason)) = model.blocked.as_ref()
                .map(|(a, b, reason)| (layout.nodes.get(*a), layout.nodes.get(*b), reason)) {
                <p>{ format!("Requested direct hop {} → {} is blocked: {reason}.", a.release, b.release) }</p>
            }
            { for layout.columns.iter().map(|c| html! {
                <section class="graph-list-train">
                    <h3>{ format!("Train {}", c.train) }</h3>
                    <ul>
                        { for (c.first..c.first + c.len).filter_map(|i| {
                            let node = layout.nodes.get(i)?;
                            let info = model.info.get(i).cloned().unwrap_or_default();
                            let r = node.release;
                            let mut marks = Vec::new();
                            if !info.role.is_empty() { marks.push(info.role); }
                            if info.on_plan { marks.push("on the plan"); }
                            if info.withdrawn { marks.push("withdrawn by Cisco"); }
                            if info.unlisted { marks.push("not in catalog"); }
                            let target = { let cb = props.onpick.clone(); Callback::from(move |_: MouseEvent| cb.emit((r, false))) };
                            let current = { let cb = props.onpick.clone(); Callback::from(move |_: MouseEvent| cb.emit((r, true))) };
                            Some(html! {
                                <li data-list-release={r.to_string()}>
                                    <span class="graph-list-release">{ r.to_string() }</span>
                                    if !marks.is_empty() { { format!(" ({})", marks.join(", ")) } }
                                    { format!(" — legal hops: {}. ", legal_words(&props.session, model, r)) }
                                    <button type="button" onclick={target}
                                        aria-label={format!("Set {r} as target")}>{ "Target" }</button>
                                    <button type="button" onclick={current}
                                        aria-label={format!("Set {r} as current")}>{ "Current" }</button>
                                    if !info.source.is_empty() {
                                        <small class="graph-list-source">
                                            { info.date.map(|d| format!("Released {d}. ")).unwrap_or_default() }
                                            { format!("Source: {}", info.source) }
                                        </small>
                                    }
                                </li>
                            })
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
