//! The fleet view's wasm (`#fleet`, SPEC §13): loaded only when the fleet view is opened, so
//! the single-pair page never downloads it (ARCHITECTURE.md › Size). The page
//! (`ui::fleet_page`) loads it with `asaLoad("asa-fleet", "asaFleet")` (index.html) and calls
//! `asaFleet.fleet_mount(root)`. Everything it shows is the library's: the domain plans, `view`
//! writes the markup (`view.rs` only moves text between the page and them).

use wasm_bindgen::prelude::*;

mod view;

/// The fleet view drawn into `root`, the page's empty `<main id="fleet">`. Mount once: its
/// listeners live as long as the page.
#[wasm_bindgen]
pub fn fleet_mount(root: web_sys::Element) {
    view::mount(root);
}

fn main() {}
