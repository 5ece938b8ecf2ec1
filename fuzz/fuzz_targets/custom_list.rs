//! Pasted custom lists: never panic; every entry is either in the catalog or reported.
#![no_main]

use asa_planner::domain::custom_list::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (catalog, errors) = parse(text);
    let entries = catalog.entries();
    assert!(
        entries.windows(2).all(|w| w[0].release < w[1].release),
        "catalog not sorted"
    );
    for error in &errors {
        assert!(error.index >= 1, "positions are 1-based: {error:?}");
        assert!(!error.message.is_empty());
    }
});
