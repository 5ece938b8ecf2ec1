//! The fleet view's saved text: decoding never panics, and whatever decodes encodes back to
//! text that decodes equal.
#![no_main]

use asa_planner::domain::fleet::saved::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(saved) = decode(text) {
        let again = encode(&saved);
        assert_eq!(decode(&again), Ok(saved), "{text:?} re-encoded as {again:?}");
    }
});
