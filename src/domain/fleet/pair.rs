//! One planned pair as the exports carry it (JSON schema 1, the fleet's CSV and tables): what
//! was asked, the verdict and the hops, nothing the page needs only for drawing.

use super::InputError;
use crate::domain::plan::Verdict;
use crate::domain::platform::Platform;
use crate::domain::query::PlanQuery;
use crate::domain::release::Release;
use crate::domain::rules::Rule;
use crate::domain::runbook::Mode;
use crate::domain::session::{Field, Session};

/// One hop of a pair's plan.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct PathHop {
    pub from: Release,
    pub to: Release,
    pub rule: Rule,
}

/// A pair and its plan, as exported. Releases are canonical where they parse; a field that does
/// not parse keeps the text as typed (its error says why).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PairPlan {
    /// The fleet line it came from (1-based); `None` for a single plan.
    pub line: Option<u64>,
    /// The pair's name in a fleet; `None` for a single plan.
    pub name: Option<String>,
    /// The first unit's release, then the second's when the pair is mismatched.
    pub units: Vec<String>,
    pub target: String,
    pub mode: Mode,
    /// The preset id in force (the default when none was given).
    pub preset: &'static str,
    /// The hardware model (`None`: no model given).
    pub platform: Option<Platform>,
    /// The rule set's hook value, e.g. `table-81-1`.
    pub rules: &'static str,
    pub verdict: Verdict,
    /// Empty unless the verdict is `ok`.
    pub hops: Vec<PathHop>,
    /// The pair's own single-pair plan: `#` and the query's canonical fragment.
    pub share: String,
    /// What could not be read (only a single plan carries these; a fleet reports bad lines
    /// apart and does not plan them).
    pub errors: Vec<InputError>,
}

impl PairPlan {
    /// The export of `session`, which was derived from `query`. `preset` is the preset id in
    /// force (the session falls back to the default for an unknown one and says so).
    pub fn new(query: &PlanQuery, session: &Session, preset: &'static str) -> PairPlan {
        let hops = session
            .hops()
            .iter()
            .map(|h| PathHop {
                from: h.from,
                to: h.to,
                rule: h.rule,
            })
            .collect();
        let mut units = vec![shown(&session.from)];
        units.extend(session.from2.as_ref().map(shown));
        let field_errors = [
            ("from", Some(&session.from)),
            ("from2", session.from2.as_ref()),
            ("to", Some(&session.to)),
        ];
        let errors = field_errors
            .into_iter()
            .filter_map(|(name, field)| {
                let message = field?.error.clone()?;
                Some(InputError {
                    line: None,
                    field: name,
                    message,
                })
            })
            .collect();
        PairPlan {
            line: None,
            name: None,
            units,
            target: shown(&session.to),
            mode: query.mode,
            preset,
            platform: query.platform,
            rules: query.rules.as_str(),
            verdict: session.verdict,
            hops,
            share: format!("#{query}"),
            errors,
        }
    }

    /// The releases the pair passes through: where the plan starts, then where each hop lands.
    /// Empty when there is no hop.
    pub fn path(&self) -> impl Iterator<Item = Release> + '_ {
        self.hops
            .first()
            .map(|h| h.from)
            .into_iter()
            .chain(self.hops.iter().map(|h| h.to))
    }

    /// The path as one text, `8.2(5) → 8.3(2) → 8.4(7)` (empty when there is no hop).
    pub fn path_text(&self) -> String {
        let releases: Vec<String> = self.path().map(|r| r.to_string()).collect();
        releases.join(" → ")
    }
}

/// A release field as exported: canonical when it parsed, else the text as typed.
fn shown(field: &Field) -> String {
    field
        .release
        .map_or_else(|| field.text.trim().to_string(), |r| r.to_string())
}
