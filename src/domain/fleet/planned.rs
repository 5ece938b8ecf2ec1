//! A whole fleet planned from the text of a CSV box, kept in memory: what the page's fleet view
//! draws and exports. The command line streams instead (`src/cli/fleet.rs`); both read with
//! [`Records`] and plan with [`Fleet`], so a line plans the same in either.

use super::csv_input::Records;
use super::json::FleetJson;
use super::{csv_output, Fleet, InputError, LineOutcome, PairPlan, Summary};
use crate::domain::query::{absolute_link, PlanQuery};

/// Every line of a fleet: the planned pairs in input order, the bad lines' errors (and those of
/// the fleet-wide settings, without a line), and the counts, groups and images.
#[derive(Default, Debug)]
pub struct PlannedFleet {
    pub pairs: Vec<PairPlan>,
    pub errors: Vec<InputError>,
    pub summary: Summary,
}

impl PlannedFleet {
    /// Plans every line of `text` against `defaults` (its `to`, `preset`, `rules`, `mode` and
    /// catalog settings, as [`Fleet::new`] takes them). Total: a fleet-wide setting that cannot
    /// be used is reported in `errors` and the lines that fall back to it are bad
    /// ([`Fleet::with_settings`]); a bad line is reported and the other lines plan.
    pub fn plan(defaults: PlanQuery, text: &str) -> PlannedFleet {
        let mut planned = PlannedFleet::default();
        let (mut fleet, errors) = Fleet::with_settings(defaults);
        planned.errors = errors;
        let mut records = Records::new(text.as_bytes());
        // Reading from memory has no I/O to fail; should it ever, the lines read so far stand.
        while let Some(Ok(outcome)) = records.plan_next(&mut fleet) {
            planned.summary.add(&outcome);
            match outcome {
                LineOutcome::Planned(pair) => planned.pairs.push(*pair),
                LineOutcome::Bad(errors) => planned.errors.extend(errors),
                LineOutcome::Skipped => {}
            }
        }
        planned
    }

    /// The fleet document of JSON schema 1, as `asa-planner fleet --format json` writes it.
    pub fn json(&self) -> String {
        self.json_linked(None)
    }

    /// [`PlannedFleet::json`] with each pair's `share` an absolute link on the page at `base`
    /// (`query::absolute_link`), as `asa-planner fleet --format json --link-base URL` writes it.
    pub fn json_linked(&self, base: Option<&str>) -> String {
        let mut out = String::new();
        let mut writer = FleetJson::start(&mut out).link_base(base);
        for pair in &self.pairs {
            match base {
                Some(base) => {
                    let mut linked = pair.clone();
                    linked.share = absolute_link(base, &pair.share);
                    writer.pair(&mut out, &linked);
                }
                None => writer.pair(&mut out, pair),
            }
        }
        writer.end(&mut out, &self.errors, &self.summary);
        out
    }

    /// One row per planned pair, as `asa-planner fleet --format csv` writes them.
    pub fn csv(&self) -> String {
        csv_output::text(&self.pairs)
    }

    /// [`PlannedFleet::csv`] with each `share` an absolute link on the page at `base`
    /// (`CsvRows::link_base`), as `asa-planner fleet --format csv --link-base URL` writes it.
    pub fn csv_linked(&self, base: Option<&str>) -> String {
        let mut bytes = Vec::new();
        let written = csv_output::CsvRows::start(&mut bytes).and_then(|rows| {
            let mut rows = rows.link_base(base);
            self.pairs.iter().try_for_each(|p| rows.pair(p))?;
            rows.end()
        });
        // Writing to memory fails only if memory runs out; what was written is kept either way.
        let _ = written;
        String::from_utf8_lossy(&bytes).into_owned()
    }
}
