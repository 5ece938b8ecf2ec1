//! Stored state: decoding never panics, and whatever decodes encodes back to state that decodes
//! equal (encode ∘ decode round trip).
#![no_main]

use asa_planner::domain::stored::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(stored) = decode(text) {
        let again = encode(&stored);
        assert_eq!(
            decode(&again),
            Ok(stored),
            "{text:?} re-encoded as {again:?}"
        );
    }
});
