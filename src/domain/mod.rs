//! The domain core: what the planner knows. Pure Rust, no browser crates (checked by
//! `tests/tidy.rs`), tested natively.

pub mod catalog;
pub mod caveats;
pub mod custom_list;
pub mod fleet;
pub mod layout;
pub mod plan;
pub mod platform;
pub mod position;
pub mod presets;
pub mod query;
pub mod release;
pub mod release_text;
pub mod rules;
pub mod runbook;
pub mod session;
pub mod show;
pub mod sources;
pub mod stored;
pub mod ticks;
