//! A hop's runbook steps as HTML text: numbered steps, each with the unit it is typed on, what
//! it does (the domain's `backtick` spans as `<code>`), its exact commands in a copyable block
//! and its "Standby Ready" checkpoint (data from `domain::runbook`).
//!
//! The copy buttons carry `data-copy`; the page handles their clicks in one listener on the
//! runbook (`ui::components::runbook_panel`), which copies the block's `<code>` text and writes
//! the outcome into the block's `.command-block-status`.

use super::markup::{attr, escape, inline_code};
use crate::domain::runbook::Runbook;

/// `<ol class="hop-runbook-steps">` for hop number `hop` (1-based).
pub fn steps(runbook: &Runbook, hop: usize) -> String {
    let mut out = String::with_capacity(512 * runbook.steps.len());
    out.push_str("<ol class=\"hop-runbook-steps\">");
    for (s, step) in runbook.steps.iter().enumerate() {
        out.push_str("<li><p><strong>");
        escape(&mut out, step.unit);
        out.push_str("</strong>: ");
        inline_code(&mut out, &step.what);
        if step.optional {
            out.push_str("<em> (optional)</em>");
        }
        out.push_str("</p>");
        if !step.commands.is_empty() {
            out.push_str("<div class=\"command-block\"><pre><code>");
            escape(&mut out, &step.commands.join("\n"));
            out.push_str("</code></pre><button type=\"button\" data-copy=\"\"");
            let what = format!("Copy the commands of step {} of hop {hop}", s + 1);
            attr(&mut out, "aria-label", &what);
            out.push_str(">Copy</button><span class=\"command-block-status\" aria-live=\"polite\"></span></div>");
        }
        if let Some(check) = &step.checkpoint {
            out.push_str("<p class=\"hop-runbook-checkpoint\"><strong>Checkpoint: </strong>");
            inline_code(&mut out, check);
            out.push_str("</p>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}
