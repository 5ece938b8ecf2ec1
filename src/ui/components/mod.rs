//! The page's pieces, one per file; each takes what it shows as props and reports changes
//! through `on<verb>` callbacks (the page wires them to `use_planner()` verbs).
//!
//! Most are plain view functions (`fn banner(..) -> Html`; why: ARCHITECTURE.md › Size). Only
//! these are components, for their hooks or to skip a redraw:
//! `release_graph` (keyboard cursor and hover; the canvas markup memoised per graph, so a hover
//! replaces only the legal-hop layer and re-renders only the graph) and `verdict` (it changes together with the graph, not before it).
//! Markup without fields of its own comes from `crate::view` as text.

pub mod banner;
pub mod custom_list;
pub mod graph_list;
pub mod graph_panel;
pub mod mode_select;
pub mod model_select;
pub mod plan_hop;
pub mod plan_inputs;
pub mod plan_list;
pub mod release_field;
pub mod release_graph;
pub mod runbook_panel;
pub mod share_bar;
pub mod train_toggles;
pub mod verdict;
pub mod where_pair;
