//! Before the first hop: what the change ticket records.

use crate::domain::runbook::{system_space, Role, Setup, Step};

/// Before the first hop: record both units' release and failover state for the change
/// ticket (each hop backs up its own configuration).
pub fn before_first_hop(setup: Setup, _server: &str) -> Vec<Step> {
    let mut record = vec!["show version".to_string(), "show failover".to_string()];
    system_space(setup, &mut record);
    vec![Step {
        role: Role::Both,
        what: "Record each unit's release and failover state for the change ticket: type \
               these on each unit and keep the output."
            .to_string(),
        commands: record,
        ..Step::default()
    }]
}
