pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod view;
