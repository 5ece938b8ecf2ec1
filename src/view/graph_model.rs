//! What the release graph draws, derived once per session (not per hover): which releases
//! appear, their layout from `domain::layout`, the plan's edges and the blocked direct hop.
//! Choosing what to draw is presentation; whether a hop is legal is `domain::rules`' call.

use crate::domain::caveats::{Caveat, CAVEATS};
use crate::domain::layout::{layout, Layout};
use crate::domain::plan::Verdict;
use crate::domain::release::Release;
use crate::domain::rules::Block;
use crate::domain::session::Session;

/// What the page knows about one drawn release.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct NodeInfo {
    pub withdrawn: bool,
    /// Drawn because it was typed or planned, though the catalog does not list it.
    pub unlisted: bool,
    /// "current", "other unit", "target" (or empty).
    pub role: &'static str,
    pub on_plan: bool,
    /// Cisco's release date (`YYYY-MM`) where one was found.
    pub date: Option<&'static str>,
    /// Caveats of this release (SPEC §3.3): it is the first drawn release of its train at or
    /// after the caveat's release.
    pub caveats: Vec<&'static Caveat>,
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct GraphModel {
    pub layout: Layout,
    /// Parallel to `layout.nodes`.
    pub info: Vec<NodeInfo>,
    /// Plan hops as node indices.
    pub plan_edges: Vec<(usize, usize)>,
    /// The requested direct hop when blocked: node indices and the reason.
    pub blocked: Option<(usize, usize, String)>,
}

/// Builds the graph for `session`. Interim builds appear only with `interim`, except those on
/// the plan or typed, and the newest of a train that has nothing else (so no train vanishes).
pub fn build(session: &Session, interim: bool) -> GraphModel {
    let catalog = &session.catalog;
    let drawn = session.drawn_releases(interim);
    let typed = session.typed();
    let hops = session.hops();
    let layout = layout(&drawn);
    let mut info: Vec<NodeInfo> = layout
        .nodes
        .iter()
        .map(|n| match catalog.get(n.release) {
            Some(entry) => NodeInfo {
                withdrawn: entry.withdrawn,
                date: entry.date,
                ..NodeInfo::default()
            },
            None => NodeInfo {
                unlisted: true,
                ..NodeInfo::default()
            },
        })
        .collect();
    for (release, role) in typed.iter().zip(["current", "other unit", "target"]) {
        if let Some(i) = release.and_then(|r| layout.index_of(r)) {
            if let Some(node) = info.get_mut(i) {
                node.role = role;
            }
        }
    }
    for caveat in CAVEATS {
        let first = layout.nodes.iter().position(|n| {
            n.release >= caveat.release && n.release.train() == caveat.release.train()
        });
        if let Some(node) = first.and_then(|i| info.get_mut(i)) {
            node.caveats.push(caveat);
        }
    }
    let mut plan_edges = Vec::with_capacity(hops.len());
    for hop in hops {
        if let (Some(a), Some(b)) = (layout.index_of(hop.from), layout.index_of(hop.to)) {
            plan_edges.push((a, b));
            for i in [a, b] {
                if let Some(node) = info.get_mut(i) {
                    node.on_plan = true;
                }
            }
        }
    }
    let blocked = match (&session.plan, session.start, session.to.release) {
        (Some(plan), Some(from), Some(to)) if session.verdict != Verdict::Same => {
            match &plan.direct {
                Err(block) if *block != Block::Same => {
                    match (layout.index_of(from), layout.index_of(to)) {
                        (Some(a), Some(b)) => Some((a, b, block.to_string())),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    };
    GraphModel {
        layout,
        info,
        plan_edges,
        blocked,
    }
}

/// What a release picked in the graph or its list becomes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PickAs {
    Current,
    Target,
}

impl PickAs {
    /// `current` | `target` (the list view's `data-pick` value).
    pub fn as_str(self) -> &'static str {
        match self {
            PickAs::Current => "current",
            PickAs::Target => "target",
        }
    }

    /// Shift+click or Shift+Enter picks the current release; plain ones the target.
    pub fn with_shift(shift: bool) -> PickAs {
        if shift {
            PickAs::Current
        } else {
            PickAs::Target
        }
    }
}

/// The id of a node's element (for `aria-activedescendant`); stable and free of `(`.
pub fn node_id(release: Release) -> String {
    let mut id = format!(
        "rel-{}-{}-{}",
        release.major, release.minor, release.maintenance
    );
    if let Some(i) = release.interim {
        id.push('-');
        id.push_str(&i.to_string());
    }
    id
}
