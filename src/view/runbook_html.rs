//! A hop's runbook as HTML text (data from `domain::runbook`, sentences from `words`):
//! pre-checks, numbered steps each with the unit it is typed on, what it does, its exact
//! commands in a copyable block (`pre[data-unit]`), what output to expect and what to check,
//! the point of no return with its undo, and the check after the hop.
//!
//! The copy buttons carry `data-copy`; the page handles their clicks in one listener on the
//! runbook (`ui::components::runbook_panel`), which copies the block's `<code>` text and writes
//! the outcome into the block's `.command-block-status`.

use super::markup::{attr, escape, inline_code};
use super::{plan_html, words};
use crate::domain::plan::Hop;
use crate::domain::runbook::{asdm_key, Block, Check, HopImages, Mode, Role, Runbook, Step};
use crate::domain::session::{HopFacts, HopWarning, Session};

/// A copyable block of commands typed on `role` (`pre[data-unit]`), with its copy button.
pub fn command_block(out: &mut String, role: Role, commands: &str, label: &str) {
    command_block_aside(out, role, None, commands, label);
}

/// A copyable block typed on `role`, its unit named as the person stands at that moment
/// ("On the standby unit (the former active, still on 9.8(4)):").
pub fn command_block_aside(
    out: &mut String,
    role: Role,
    aside: Option<&str>,
    commands: &str,
    label: &str,
) {
    out.push_str("<div class=\"command-block\"><p class=\"command-block-unit\">");
    escape(out, &words::typed_on(role, aside));
    out.push_str("</p><pre");
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
fn check(out: &mut String, role: Role, aside: Option<&str>, check: &Check, label: &str) {
    let (role, aside) = match check.role {
        Some(r) if r != role => (r, None),
        _ => (role, aside),
    };
    out.push_str("<div class=\"hop-runbook-check\"><p><strong>");
    escape(out, words::CHECK);
    out.push_str(":</strong> ");
    inline_code(out, &check.shows);
    out.push_str("</p>");
    if !check.commands.is_empty() {
        command_block_aside(out, role, aside, &check.commands.join("\n"), label);
    }
    out.push_str("</div>");
}

/// A block beside a step (a rollback line, a unit's own session).
fn block(out: &mut String, b: &Block, label: &str) {
    out.push_str("<div class=\"hop-runbook-block\"><p>");
    inline_code(out, &b.what);
    out.push_str("</p>");
    if !b.commands.is_empty() {
        command_block_aside(
            out,
            b.role,
            b.aside.as_deref(),
            &b.commands.join("\n"),
            label,
        );
    }
    if let Some(shows) = &b.shows {
        out.push_str("<p class=\"hop-runbook-expect\">");
        inline_code(out, shows);
        out.push_str("</p>");
    }
    out.push_str("</div>");
}

/// A step's tick box (`input[type=checkbox][data-step-done]`, `data-hop`, `data-step`: the
/// step's id in `domain::ticks`) and the `<time>` the page writes the tick's local time into.
/// Unticked here: the page sets each box's state from this browser's ticks after a render.
pub fn tick_box(out: &mut String, hop: usize, step: &str, label: &str) {
    out.push_str("<label class=\"step-done\"><input type=\"checkbox\" data-step-done=\"\"");
    attr(out, "data-hop", &hop.to_string());
    attr(out, "data-step", step);
    attr(out, "aria-label", &format!("Done: {label}"));
    out.push_str(
        "><span aria-hidden=\"true\">Done</span> <time data-step-time=\"\"></time></label>",
    );
}

/// One step as a list item; `label` names it for the copy buttons ("step 2 of hop 1"), `tick`
/// its tick box (hop, step id).
fn step(out: &mut String, step: &Step, label: &str, number: Option<usize>, tick: (usize, &str)) {
    out.push_str("<li");
    if let Some(n) = number {
        attr(out, "value", &n.to_string());
    }
    attr(out, "data-step-unit", step.role.as_str());
    if step.no_return {
        out.push_str(" class=\"hop-runbook-no-return\" data-no-return=\"\"");
    }
    out.push('>');
    tick_box(out, tick.0, tick.1, label);
    out.push_str("<p>");
    inline_code(out, &step.what);
    if step.optional {
        out.push_str("<em> (optional)</em>");
    }
    out.push_str("</p>");
    for note in &step.notes {
        out.push_str("<p class=\"hop-runbook-note\">");
        inline_code(out, note);
        out.push_str("</p>");
    }
    if !step.commands.is_empty() {
        command_block_aside(
            out,
            step.role,
            step.aside.as_deref(),
            &step.commands.join("\n"),
            &format!("Copy the commands of {label}"),
        );
    }
    for (i, b) in step.blocks.iter().enumerate() {
        block(out, b, &format!("Copy block {} of {label}", i + 2));
    }
    if let Some(expect) = &step.expect {
        out.push_str("<p class=\"hop-runbook-expect\"><strong>");
        escape(out, words::EXPECTED);
        out.push_str(":</strong> ");
        inline_code(out, expect);
        out.push_str("</p>");
    }
    if let Some(c) = &step.check {
        check(
            out,
            step.role,
            step.aside.as_deref(),
            c,
            &format!("Copy the check of {label}"),
        );
    }
    if !step.rollback.is_empty() {
        out.push_str("<div class=\"hop-runbook-rollback\" data-rollback=\"\"><p><strong>");
        escape(out, words::ROLLBACK);
        out.push_str(":</strong></p>");
        for (i, b) in step.rollback.iter().enumerate() {
            tick_box(
                out,
                tick.0,
                &format!("{}r{}", tick.1, i + 1),
                &format!("rollback block {} of {label}", i + 1),
            );
            block(out, b, &format!("Copy rollback block {} of {label}", i + 1));
        }
        out.push_str("</div>");
    }
    out.push_str("</li>");
}

fn heading(out: &mut String, text: &str) {
    out.push_str("<h4>");
    escape(out, text);
    out.push_str("</h4>");
}

/// The runbook's section of the steps before the first hop (record the state), with its
/// heading.
pub fn before_first_hop(out: &mut String, steps: &[Step]) {
    out.push_str(
        "<section class=\"hop-runbook\" aria-labelledby=\"before-first-hop\"><h3 id=\"before-first-hop\">",
    );
    escape(out, words::BEFORE_FIRST_HOP);
    out.push_str("</h3><ol class=\"hop-runbook-steps\">");
    for (i, s) in steps.iter().enumerate() {
        let id = (i + 1).to_string();
        step(
            out,
            s,
            &format!("preparation step {}", i + 1),
            None,
            (0, &id),
        );
    }
    out.push_str("</ol></section>");
}

/// Pre-checks (with the hop's backup), steps (the point of no return marked) and the final
/// check of hop number `hop` (1-based).
pub fn steps(runbook: &Runbook, hop: usize) -> String {
    let mut out = String::with_capacity(2048 * runbook.steps.len());
    if runbook.own_sessions {
        out.push_str("<p class=\"hop-runbook-note\">");
        inline_code(&mut out, words::OWN_SESSIONS);
        out.push_str("</p>");
    }
    heading(&mut out, words::PRECHECKS);
    out.push_str("<ul class=\"hop-runbook-prechecks\">");
    for (i, s) in runbook.prechecks.iter().enumerate() {
        step(
            &mut out,
            s,
            &format!("pre-check {} of hop {hop}", i + 1),
            None,
            (hop, &format!("pre{}", i + 1)),
        );
    }
    out.push_str("</ul>");
    heading(&mut out, words::STEPS);
    out.push_str("<ol class=\"hop-runbook-steps\">");
    for (i, s) in runbook.steps.iter().enumerate() {
        let n = i + 1;
        step(
            &mut out,
            s,
            &format!("step {n} of hop {hop}"),
            Some(n),
            (hop, &n.to_string()),
        );
    }
    out.push_str("</ol>");
    heading(&mut out, words::AFTER_THIS_HOP);
    check(
        &mut out,
        runbook.after.role.unwrap_or(Role::Active),
        None,
        &runbook.after,
        &format!("Copy the final check of hop {hop}"),
    );
    out
}

/// Hop number `n`'s section of the runbook (`section[data-runbook-hop]`, `data-units`,
/// `data-steps`: how many numbered steps it has, and `data-steps-required`: the last one that
/// is not optional): its title, which units it reloads (with the
/// person's estimate of `minutes` per reload), its warnings, the caveats to handle before it
/// (`[data-caveat]`), then its [`steps`]. All but the title fold (`details[data-hop-fold]`,
/// open here: the page folds the finished hops and the ones not started).
pub fn hop_section(
    out: &mut String,
    n: usize,
    hop: &Hop,
    facts: Option<&HopFacts>,
    minutes: Option<u32>,
    runbook: &Runbook,
    stop: Option<&str>,
) {
    out.push_str("<section class=\"hop-runbook\"");
    attr(out, "data-runbook-hop", &n.to_string());
    if let Some(facts) = facts {
        attr(out, "data-units", &facts.reloads.len().to_string());
    }
    let steps_count = if stop.is_some() {
        0
    } else {
        runbook.steps.len()
    };
    attr(out, "data-steps", &steps_count.to_string());
    // The hop is done once its last step that is not optional is (restoring the roles is not).
    let required = runbook
        .steps
        .iter()
        .rposition(|s| !s.optional)
        .map_or(0, |i| i + 1)
        .min(steps_count);
    attr(out, "data-steps-required", &required.to_string());
    out.push_str("><details data-hop-fold=\"\" open><summary><h3>");
    escape(out, &words::hop_title(n, hop.from, hop.to));
    out.push_str("</h3></summary>");
    if let Some(facts) = facts {
        out.push_str("<p class=\"hop-runbook-units\">");
        escape(out, &words::reloads(facts));
        if let Some(m) = minutes {
            out.push(' ');
            escape(out, &words::estimate(m, facts.reloads.len()));
        }
        out.push_str("</p>");
        for warning in &facts.warnings {
            out.push_str(match warning {
                HopWarning::PresetLeavesOut(_) => "<p class=\"hop-runbook-note\">",
                _ => "<p class=\"hop-runbook-warning\">",
            });
            escape(out, &words::warning(warning));
            plan_html::sources(out, &words::warning_sources(warning));
            out.push_str("</p>");
        }
        if !facts.caveats.is_empty() {
            heading(out, words::BEFORE_THIS_HOP);
            plan_html::hop_caveats(out, &facts.caveats, Some(runbook.setup), facts.stays);
        }
    }
    match stop {
        // SPEC §3.3: no zero-downtime steps for a hop Cisco later said is not zero-downtime.
        Some(stop) => {
            out.push_str("<p class=\"hop-runbook-warning\" data-runbook-stop=\"\"><strong>");
            inline_code(out, stop);
            out.push_str("</strong></p>");
        }
        None => out.push_str(&steps(runbook, n)),
    }
    out.push_str("</details></section>");
}

/// The runbook's opening lines: the mode and the rules it follows, the Active/Active warning
/// and the note on image names; or, without a plan, that the runbook comes with one.
pub fn head(session: &Session) -> String {
    let mut out = String::new();
    if session.hops().is_empty() {
        out.push_str("<p>");
        escape(&mut out, words::RUNBOOK_NEEDS_PLAN);
        out.push_str("</p>");
        return out;
    }
    out.push_str("<p class=\"runbook-panel-rules\">");
    escape(
        &mut out,
        &format!(
            "{} pair; rules: {}.",
            session.setup.mode.label(),
            session.rules.label()
        ),
    );
    out.push_str("</p>");
    if session.setup.mode == Mode::ActiveActive {
        out.push_str("<p class=\"runbook-panel-warning\">");
        escape(&mut out, words::RECONSTRUCTED);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"runbook-panel-note\">");
    let hops = session.hops();
    let shared = hops
        .first()
        .and_then(|h| crate::domain::runbook::plan_family(hops, h.from));
    inline_code(
        &mut out,
        &words::platform::image_names(session.platform, shared),
    );
    out.push_str("</p>");
    // What the ASA commands rest on: only where the runbook gives them (not on the FXOS or
    // platform-mode path, as in the Markdown).
    if cli_steps_apply(session) {
        out.push_str("<p class=\"runbook-panel-note\">");
        inline_code(&mut out, words::RUNBOOK_COMMANDS);
        plan_html::sources(&mut out, &words::RUNBOOK_SOURCES);
        out.push_str("</p>");
    }
    procedure_notice(&mut out, session);
    out
}

/// The chosen model's procedure notice (`[data-procedure]`: `fxos`, `single-boot-line` or
/// `platform-mode`) with Cisco's documents; nothing for the `boot system` with fallback kind
/// or no model.
pub fn procedure_notice(out: &mut String, session: &Session) {
    let Some(notice) = session.procedure_notice() else {
        return;
    };
    let kind = notice.as_str();
    out.push_str("<p class=\"runbook-panel-warning\"");
    attr(out, "data-procedure", kind);
    out.push('>');
    inline_code(out, &words::platform::procedure(notice));
    plan_html::sources(out, &notice.sources());
    out.push_str("</p>");
}

/// Whether the ASA command-line steps are shown for this session's model (not on the FXOS
/// path, where the notice replaces them).
pub fn cli_steps_apply(session: &Session) -> bool {
    session
        .procedure_notice()
        .is_none_or(|n| n.cli_runbook_applies())
}

/// A labelled text input; `key` (`data-image-key`) is the image name it sets, if any.
fn text_input(out: &mut String, class: &str, id: &str, label: &str, key: Option<&str>) {
    out.push_str("<div");
    attr(out, "class", class);
    out.push_str("><label");
    attr(out, "for", id);
    out.push('>');
    escape(out, label);
    out.push_str("</label><input type=\"text\" spellcheck=\"false\" autocomplete=\"off\"");
    attr(out, "id", id);
    if let Some(key) = key {
        attr(out, "data-image-key", key);
    }
    if id == MINUTES_ID {
        out.push_str(
            " inputmode=\"numeric\" placeholder=\"e.g. 15\" aria-describedby=\"minutes-per-reload-msg\"",
        );
    } else if id == SERVER_ID {
        out.push_str(" placeholder=\"server address\"");
    }
    out.push_str("></div>");
}

/// The TFTP server field's id.
pub const SERVER_ID: &str = "tftp-server";
/// The "minutes per reload" field's id.
pub const MINUTES_ID: &str = "minutes-per-reload";
/// The paragraph under it (the whole plan's estimate, or why there is none).
pub const MINUTES_MESSAGE_ID: &str = "minutes-per-reload-msg";

/// The TFTP server and "minutes per reload" fields, empty: the page puts the values in, and
/// leaves fields alone while a person types in them.
pub fn fields() -> String {
    let mut out = String::from("<div class=\"runbook-panel-fields\">");
    text_input(
        &mut out,
        "runbook-panel-server",
        SERVER_ID,
        "TFTP server",
        None,
    );
    out.push_str("<div class=\"runbook-panel-minutes\">");
    text_input(
        &mut out,
        "runbook-panel-minutes-field",
        MINUTES_ID,
        "Minutes per reload (your estimate)",
        None,
    );
    out.push_str("<p class=\"runbook-panel-minutes-msg\"");
    attr(&mut out, "id", MINUTES_MESSAGE_ID);
    out.push_str("></p></div>");
    // Typed names the commands leave out (`names_message`), filled by the page.
    out.push_str("<p class=\"runbook-panel-names-msg\" data-unused-names=\"\" role=\"status\"");
    attr(&mut out, "id", NAMES_MESSAGE_ID);
    out.push_str("></p></div>");
    out
}

/// The paragraph saying which typed names the commands leave out.
pub const NAMES_MESSAGE_ID: &str = "runbook-names-msg";

/// Which typed names the commands leave out, and why, then which image names they use
/// although the names may not be the files they are typed for (`runbook::doubtful_names`: a
/// name reading as another release, or as no image); empty when there is nothing to say.
pub fn names_message(server: &str, typed: &[(String, String)]) -> String {
    use crate::domain::runbook::{doubtful_names, unused_names};
    let unused = unused_names(server, typed);
    unused
        .iter()
        .map(words::unused_name)
        .chain(doubtful_names(typed).iter().map(ToString::to_string))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each hop's file name fields (`#image-old-N`, `#image-new-N`, `#image-asdm-N`), empty, each
/// with the key its name is kept under (`data-image-key`: the release, or its ASDM key).
pub fn image_fields(hops: &[Hop]) -> String {
    let mut out = String::from("<div class=\"image-names\">");
    for (i, hop) in hops.iter().enumerate() {
        let n = i + 1;
        out.push_str("<fieldset class=\"image-names-hop\"><legend>");
        escape(&mut out, &words::hop_title(n, hop.from, hop.to));
        out.push_str("</legend>");
        let fields = [
            (
                "old",
                format!("Image {} boots now", hop.from),
                hop.from.to_string(),
            ),
            ("new", format!("Image of {}", hop.to), hop.to.to_string()),
            (
                "asdm",
                format!("ASDM image for {} (optional)", hop.to),
                asdm_key(hop.to),
            ),
        ];
        for (kind, label, key) in fields {
            let id = format!("image-{kind}-{n}");
            text_input(&mut out, "image-names-field", &id, &label, Some(&key));
        }
        out.push_str("</fieldset>");
    }
    out.push_str("</div>");
    out
}

/// What each field of [`image_fields`] holds for `images` (parallel to `hops`): `(id,
/// value)`, the defaults included. A typed name the commands leave out (a blank or a control
/// character in it) stays in its field as typed, beside the message saying why.
pub fn image_values(
    hops: &[Hop],
    images: &[HopImages],
    typed: &[(String, String)],
) -> Vec<(String, String)> {
    let unused = crate::domain::runbook::unused_names("", typed);
    let shown = |key: String, used: &str| {
        unused
            .iter()
            .rev()
            .find(|u| u.key == key)
            .map_or_else(|| used.to_owned(), |u| u.name.clone())
    };
    let mut values = Vec::with_capacity(images.len() * 3);
    for (i, (hop, images)) in hops.iter().zip(images).enumerate() {
        let n = i + 1;
        let old = shown(hop.from.to_string(), &images.old_image);
        let new = shown(hop.to.to_string(), &images.new_image);
        let asdm = shown(asdm_key(hop.to), &images.asdm_image);
        values.push((format!("image-old-{n}"), old));
        values.push((format!("image-new-{n}"), new));
        values.push((format!("image-asdm-{n}"), asdm));
    }
    values
}

/// Under the minutes field: the whole plan's estimate for `minutes` per reload, or why the text
/// typed gives none (empty when nothing is typed).
pub fn minutes_message(session: &Session, typed: &str, minutes: Option<u32>) -> String {
    let reloads: usize = session.hop_facts.iter().map(|f| f.reloads.len()).sum();
    match minutes {
        Some(m) => format!(
            "Whole plan: about {} of reloads (your estimate).",
            words::minutes(m.saturating_mul(reloads as u32))
        ),
        None if typed.trim().is_empty() => String::new(),
        None => format!("{}: no estimate is shown.", words::minutes_refused(typed)),
    }
}
