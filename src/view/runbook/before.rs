//! Before the first hop: what the change ticket records.

use crate::domain::runbook::{system_space, Role, Setup, Step, PAGER_OFF};

/// Before the first hop: record both units' release and failover state for the change
/// ticket (each hop backs up its own configuration).
pub fn before_first_hop(setup: Setup, _server: &str) -> Vec<Step> {
    let mut record = vec!["show version".to_string(), "show failover".to_string()];
    system_space(setup, &mut record);
    let mut steps = vec![Step {
        role: Role::Both,
        what: "Record each unit's release and failover state for the change ticket: type \
               these on each unit and keep the output."
            .to_string(),
        commands: record,
        notes: vec![format!(
            "`{PAGER_OFF}` opens every command block whose output can run past a screen: the \
             unit's pager would stop that output at `<--- More --->`, and the prompt would take \
             the lines pasted after it as keystrokes, so they would never run. It changes only \
             this session, never the saved configuration; a new session (after a failover or \
             a reload) needs it again, so each such block carries it."
        )],
        ..Step::default()
    }];
    for step in &mut steps {
        super::step_pager_off(step);
    }
    steps
}
