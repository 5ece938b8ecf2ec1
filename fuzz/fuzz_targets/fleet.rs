//! Fleet lines: never panic; a line is skipped, planned or reported by its own line number.
#![no_main]

use asa_planner::domain::fleet::{Fleet, LineOutcome};
use asa_planner::domain::query::PlanQuery;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let defaults = PlanQuery {
        to: "9.12(4)".to_string(),
        ..PlanQuery::default()
    };
    let Ok(mut fleet) = Fleet::new(defaults) else {
        panic!("the fleet-wide target reads");
    };
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        let fields: Vec<&str> = line.split(',').collect();
        match fleet.plan_record(n, &fields) {
            LineOutcome::Skipped => {}
            LineOutcome::Planned(pair) => assert_eq!(pair.line, Some(n)),
            LineOutcome::Bad(errors) => {
                assert!(!errors.is_empty());
                assert!(errors.iter().all(|e| e.line == Some(n) && !e.message.is_empty()));
            }
        }
    }
});
