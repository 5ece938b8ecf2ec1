//! A fleet's whole CSV text, as the page reads it: never a panic; every planned pair and bad
//! line keeps a line number that rises through the text; the view's markup is written.
#![no_main]

use asa_planner::domain::fleet::PlannedFleet;
use asa_planner::domain::query::PlanQuery;
use asa_planner::view::fleet_html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let defaults = PlanQuery {
        to: "9.12(4)".to_string(),
        ..PlanQuery::default()
    };
    let fleet = PlannedFleet::plan(defaults, text);
    let lines: Vec<u64> = fleet.pairs.iter().filter_map(|p| p.line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
    let breaks = text.bytes().filter(|&b| b == b'\n').count() as u64;
    assert!(lines.iter().all(|&l| l >= 1 && l <= breaks + 1));
    assert!(fleet.errors.iter().all(|e| e.line.is_some()));
    let _ = fleet_html::errors(&fleet.errors);
    let _ = fleet_html::results(&fleet);
});
