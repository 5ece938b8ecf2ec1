//! Stored state: decoding never panics, and whatever decodes encodes back to state that decodes
//! equal (encode ∘ decode round trip); the page's line-by-line reading keeps state that writes
//! back whole.
#![no_main]

use asa_planner::domain::stored::{decode, encode, read};
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
    if let Ok(kept) = read(text) {
        let again = encode(&kept.stored);
        assert_eq!(
            decode(&again),
            Ok(kept.stored),
            "{text:?} kept, re-encoded as {again:?}"
        );
    }
});
