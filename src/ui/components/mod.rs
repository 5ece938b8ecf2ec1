//! The page's components, one per file; each takes what it shows as props and reports changes
//! through `on<verb>` callbacks (containers wire them to `use_planner()` verbs).

pub mod banner;
pub mod command_block;
pub mod custom_list;
pub mod graph_canvas;
pub mod graph_list;
pub mod graph_panel;
pub mod hop_runbook;
pub mod inline_code;
pub mod legal_layer;
pub mod mode_select;
pub mod plan_hop;
pub mod plan_inputs;
pub mod plan_list;
pub mod release_field;
pub mod release_graph;
pub mod release_options;
pub mod runbook_panel;
pub mod share_bar;
pub mod train_toggles;
pub mod verdict;
