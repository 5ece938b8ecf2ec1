//! Release parsing: never panics, and whatever parses prints canonically and reads back equal.
#![no_main]

use asa_planner::domain::release::{Release, Train};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(release) = text.parse::<Release>() {
        let shown = release.to_string();
        assert_eq!(
            shown.parse::<Release>(),
            Ok(release),
            "{text:?} printed as {shown:?}"
        );
    }
    if let Ok(train) = text.parse::<Train>() {
        assert_eq!(train.to_string().parse::<Train>(), Ok(train));
    }
});
