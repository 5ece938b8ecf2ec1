//! The share fragment: parsing never panics, display ∘ parse is stable, and the session derived
//! from any fragment is computed without panicking (`rules=` included: the session plans under
//! the chosen rule set and the other one, so both planners run on every fragment that reads).
#![no_main]

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::session::analyse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok((query, _notices)) = PlanQuery::parse_with_notices(text) else {
        return;
    };
    let shown = query.to_string();
    match PlanQuery::parse_with_notices(&shown) {
        Ok((again, notices)) => {
            assert_eq!(again, query, "{text:?} printed as {shown:?}");
            assert!(
                notices.is_empty(),
                "canonical text {shown:?} gave notices {notices:?}"
            );
        }
        // A parsed fragment can print longer than the limit (every byte escaped): refused, fine.
        Err(_) => assert!(shown.len() > asa_planner::domain::query::MAX_FRAGMENT),
    }
    let _ = analyse(&query);
});
