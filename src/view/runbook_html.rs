//! A hop's runbook as HTML text (data from `domain::runbook`, sentences from `words`):
//! pre-checks, numbered steps each with the unit it is typed on, what it does, its exact
//! commands in a copyable block (`pre[data-unit]`), what output to expect and what to check,
//! the point of no return with its undo, and the check after the hop.
//!
//! The copy buttons carry `data-copy`; the page handles their clicks in one listener on the
//! runbook (`ui::components::runbook_panel`), which copies the block's `<code>` text and writes
//! the outcome into the block's `.command-block-status`.

use super::markup::{attr, escape, inline_code};
use super::words;
use crate::domain::runbook::{Check, Role, Runbook, Step};

/// A copyable block of commands typed on `role` (`pre[data-unit]`), with its copy button.
pub fn command_block(out: &mut String, role: Role, commands: &str, label: &str) {
    out.push_str("<div class=\"command-block\"><p class=\"command-block-unit\">On ");
    escape(out, role.label());
    out.push_str(":</p><pre");
    attr(out, "data-unit", role.as_str());
    out.push_str("><code>");
    escape(out, commands);
    out.push_str("</code></pre><button type=\"button\" data-copy=\"\"");
    attr(out, "aria-label", label);
    out.push_str(
        ">Copy</button><span class=\"command-block-status\" aria-live=\"polite\"></span></div>",
    );
}

/// A check; its commands are typed on `check.role`, else on `role` (the step's unit).
fn check(out: &mut String, role: Role, check: &Check, label: &str) {
    let role = check.role.unwrap_or(role);
    out.push_str("<div class=\"hop-runbook-check\"><p><strong>");
    escape(out, words::CHECK);
    out.push_str(":</strong> ");
    inline_code(out, &check.shows);
    out.push_str("</p>");
    if !check.commands.is_empty() {
        command_block(out, role, &check.commands.join("\n"), label);
    }
    out.push_str("</div>");
}

/// One step as a list item; `label` names it for the copy buttons ("step 2 of hop 1").
fn step(out: &mut String, step: &Step, label: &str, number: Option<usize>) {
    out.push_str("<li");
    if let Some(n) = number {
        // The point of no return sits between two steps in the same list: numbers stay right.
        attr(out, "value", &n.to_string());
    }
    attr(out, "data-step-unit", step.role.as_str());
    out.push_str("><p>");
    inline_code(out, &step.what);
    if step.optional {
        out.push_str("<em> (optional)</em>");
    }
    out.push_str("</p>");
    if !step.commands.is_empty() {
        command_block(
            out,
            step.role,
            &step.commands.join("\n"),
            &format!("Copy the commands of {label}"),
        );
    }
    if let Some(expect) = &step.expect {
        out.push_str("<p class=\"hop-runbook-expect\"><strong>");
        escape(out, words::EXPECTED);
        out.push_str(":</strong> ");
        inline_code(out, expect);
        out.push_str("</p>");
    }
    if let Some(c) = &step.check {
        check(out, step.role, c, &format!("Copy the check of {label}"));
    }
    out.push_str("</li>");
}

fn heading(out: &mut String, text: &str) {
    out.push_str("<h4>");
    escape(out, text);
    out.push_str("</h4>");
}

/// The steps before the first hop (backup, record the state).
pub fn before_first_hop(steps: &[Step]) -> String {
    let mut out = String::from("<ol class=\"hop-runbook-steps\">");
    for (i, s) in steps.iter().enumerate() {
        step(&mut out, s, &format!("preparation step {}", i + 1), None);
    }
    out.push_str("</ol>");
    out
}

/// Pre-checks, steps (with the point of no return before its step) and the final check of hop
/// number `hop` (1-based).
pub fn steps(runbook: &Runbook, hop: usize) -> String {
    let mut out = String::with_capacity(1024 * runbook.steps.len());
    heading(&mut out, words::PRECHECKS);
    out.push_str("<ul class=\"hop-runbook-prechecks\">");
    for (i, s) in runbook.prechecks.iter().enumerate() {
        step(
            &mut out,
            s,
            &format!("pre-check {} of hop {hop}", i + 1),
            None,
        );
    }
    out.push_str("</ul>");
    heading(&mut out, words::STEPS);
    out.push_str("<ol class=\"hop-runbook-steps\">");
    for (i, s) in runbook.steps.iter().enumerate() {
        let n = i + 1;
        if let Some(no_return) = runbook.no_return.as_ref().filter(|r| r.before_step == n) {
            out.push_str("<li class=\"hop-runbook-no-return\" data-no-return=\"\"><p><strong>");
            escape(&mut out, words::NO_RETURN);
            out.push_str(":</strong> ");
            inline_code(&mut out, &no_return.undo.what);
            out.push_str("</p>");
            command_block(
                &mut out,
                no_return.undo.role,
                &no_return.undo.commands.join("\n"),
                &format!("Copy the undo commands of hop {hop}"),
            );
            if let Some(c) = &no_return.undo.check {
                check(
                    &mut out,
                    no_return.undo.role,
                    c,
                    &format!("Copy the check after undoing hop {hop}"),
                );
            }
            out.push_str("</li>");
        }
        step(&mut out, s, &format!("step {n} of hop {hop}"), Some(n));
    }
    out.push_str("</ol>");
    heading(&mut out, words::AFTER_THIS_HOP);
    check(
        &mut out,
        Role::Active,
        &runbook.after,
        &format!("Copy the final check of hop {hop}"),
    );
    out
}
