//! The release graph as lists, as HTML text (the graph's "List view", for screen readers and
//! keyboards): per train, each drawn release with its marks, its legal hops in words (decided by
//! `domain::rules::judge`), where it is documented, and two buttons to pick it.
//!
//! Buttons: `button[data-pick="target"|"current"]` inside `li[data-list-release]` (which also
//! carries `data-node`, the release's index in the graph's layout, for the page's handler), with
//! an `id` from [`pick_button_id`] so the page can give focus back to the button pressed once
//! the list is redrawn with the new plan.

use super::graph_model::{node_id, GraphModel, PickAs};
use super::markup::{attr, escape};
use crate::domain::catalog::Catalog;
use crate::domain::release::Release;
use crate::domain::rules::judge;

/// The id of a release's "Target" or "Current" button.
pub fn pick_button_id(release: Release, pick: PickAs) -> String {
    format!("pick-{}-{}", pick.as_str(), node_id(release))
}

/// The legal hops from `a` to the drawn releases, grouped by rule, in words.
pub fn legal_words(catalog: &Catalog, model: &GraphModel, a: Release) -> String {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for n in &model.layout.nodes {
        if let Ok(rule) = judge(catalog, a, n.release) {
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

/// The blocked direct hop (if any) and one headed list per train.
pub fn lists(catalog: &Catalog, model: &GraphModel) -> String {
    let layout = &model.layout;
    let mut out = String::new();
    if let Some((Some(a), Some(b), reason)) = model
        .blocked
        .as_ref()
        .map(|(a, b, reason)| (layout.nodes.get(*a), layout.nodes.get(*b), reason))
    {
        out.push_str("<p>");
        escape(
            &mut out,
            &format!(
                "Requested direct hop {} → {} is blocked: {reason}.",
                a.release, b.release
            ),
        );
        out.push_str("</p>");
    }
    for c in &layout.columns {
        out.push_str("<section class=\"graph-list-train\"><h3>Train ");
        escape(&mut out, &c.train.to_string());
        out.push_str("</h3><ul>");
        for i in c.first..c.first + c.len {
            let (Some(node), Some(info)) = (layout.nodes.get(i), model.info.get(i)) else {
                continue;
            };
            let r = node.release;
            let label = r.to_string();
            out.push_str("<li");
            attr(&mut out, "data-list-release", &label);
            attr(&mut out, "data-node", &i.to_string());
            out.push_str("><span class=\"graph-list-release\">");
            escape(&mut out, &label);
            out.push_str("</span>");
            let marks: Vec<&str> = [
                (!info.role.is_empty(), info.role),
                (info.on_plan, "on the plan"),
                (info.withdrawn, "withdrawn by Cisco"),
                (info.unlisted, "not in catalog"),
            ]
            .into_iter()
            .filter_map(|(on, mark)| on.then_some(mark))
            .collect();
            if !marks.is_empty() {
                escape(&mut out, &format!(" ({})", marks.join(", ")));
            }
            escape(
                &mut out,
                &format!(" — legal hops: {}. ", legal_words(catalog, model, r)),
            );
            for (pick, text) in [(PickAs::Target, "Target"), (PickAs::Current, "Current")] {
                out.push_str("<button type=\"button\"");
                attr(&mut out, "id", &pick_button_id(r, pick));
                attr(&mut out, "data-pick", pick.as_str());
                attr(
                    &mut out,
                    "aria-label",
                    &format!("Set {label} as {}", pick.as_str()),
                );
                out.push('>');
                out.push_str(text);
                out.push_str("</button>");
            }
            if let Some(date) = info.date {
                out.push_str("<small class=\"graph-list-source\">");
                escape(&mut out, &format!("Released {date}."));
                out.push_str("</small>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></section>");
    }
    out
}
