//! `domain::layout` in wasm, driven from JavaScript: `prepare(n)` builds `n` synthetic releases,
//! `run()` lays them out once and returns the node count. The domain's own source files are
//! compiled in (they are pure Rust and use only `super::` paths), so the figure is the shipped
//! code's, without the UI. No allocation is timed but the layout's own.

#[path = "../../../src/domain/layout.rs"]
pub mod layout;
#[path = "../../../src/domain/release.rs"]
pub mod release;

use release::Release;
use std::cell::RefCell;

thread_local! {
    static RELEASES: RefCell<Vec<Release>> = const { RefCell::new(Vec::new()) };
}

/// `n` ascending releases without interim builds, trains of 20: `1.0(1)` … `1.0(20)`, `1.1(1)` …
/// (the list the browser bench pastes into the page).
fn synthetic(n: u32) -> Vec<Release> {
    (0..n)
        .map(|i| {
            let train = i / 20;
            Release::new(
                (1 + train / 20) as u16,
                (train % 20) as u16,
                (i % 20 + 1) as u16,
                None,
            )
        })
        .collect()
}

/// Builds the input of the next `run` calls.
#[no_mangle]
pub extern "C" fn prepare(n: u32) {
    RELEASES.with(|r| *r.borrow_mut() = synthetic(n));
}

/// One layout of the prepared releases; returns how many nodes it placed. The layout passes
/// through `black_box`, so the optimiser cannot skip computing what is not returned.
#[no_mangle]
pub extern "C" fn run() -> u32 {
    RELEASES.with(|r| {
        std::hint::black_box(layout::layout(&r.borrow()))
            .nodes
            .len() as u32
    })
}
