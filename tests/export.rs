//! Markdown export for a change ticket: end to end from a share fragment through
//! `session::analyse`, and robustness against text that could break the Markdown.

use asa_planner::domain::export::markdown;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::HopImages;
use asa_planner::domain::session::analyse;

const BASE: &str = "https://tools.example.net/asa/";

/// The export of the plan a fragment describes, linked as the page would link it.
#[track_caller]
fn export(fragment: &str, images: &[HopImages]) -> String {
    let query: PlanQuery = fragment
        .parse()
        .unwrap_or_else(|e| panic!("{fragment}: {e}"));
    markdown(&analyse(&query), images, &format!("{BASE}#{query}"))
}

/// `expected` lines occur in `md`, in this order (other lines may come between).
#[track_caller]
fn lines_in_order(md: &str, expected: &[&str]) {
    let mut lines = md.lines();
    for want in expected {
        assert!(
            lines.any(|l| l == *want),
            "missing or out of order: {want:?}\n--- in ---\n{md}"
        );
    }
}

fn count(md: &str, line: &str) -> usize {
    md.lines().filter(|l| *l == line).count()
}

#[test]
fn a_plan_exports_verdict_hops_reason_notes_runbooks_and_link() {
    let md = export("from=8.2(5)&to=9.1(7)", &[]);
    lines_in_order(
        &md,
        &[
            "# ASA upgrade plan: 8.2(5) → 9.1(7)",
            "**Verdict: ok.** A zero-downtime upgrade path exists: 4 hops.",
            "- Current release: 8.2(5)",
            "- Target release: 9.1(7)",
            "- Failover mode: Active/Standby",
            "## Hops",
            "| # | From | To | Rule | Notes |",
            "| 1 | 8.2(5) | 8.3(2) | minor | migrates the configuration (8.2 → 8.3); still zero-downtime |",
            "| 2 | 8.3(2) | 8.4(7) | minor |  |",
            "| 3 | 8.4(7) | 9.0(4) | major |  |",
            "| 4 | 9.0(4) | 9.1(7) | minor |  |",
            "The direct upgrade 8.2(5) → 9.1(7) is not a zero-downtime upgrade: 8.2 is not the last \
             minor release of 8.x (8.4 is).",
            "## Notes",
            "## Runbook (Active/Standby)",
            "### Hop 1: 8.2(5) → 8.3(2) (minor upgrade)",
            "   copy tftp://<tftp-server>/asa832-k8.bin disk0:/asa832-k8.bin",
            "   no boot system disk0:/asa825-k8.bin",
            "   boot system disk0:/asa832-k8.bin",
            "   failover reload-standby",
            "   no failover active",
            "   reload",
            "6. **Former active unit** (optional): Optionally make this unit active again to restore \
             the original roles.",
            "### Hop 4: 9.0(4) → 9.1(7) (minor upgrade)",
            "   no boot system disk0:/asa904-k8.bin",
            "## Link",
            "<https://tools.example.net/asa/#from=8.2(5)&to=9.1(7)>",
        ],
    );
    assert_eq!(count(&md, "   failover reload-standby"), 4);
    assert_eq!(count(&md, "   ```"), 4 * 2 * 6);
    assert!(!md.contains("reconstructed"));
    assert!(!md.contains("\n\n\n"), "no doubled blank lines:\n{md}");
}

#[test]
fn the_runbook_follows_the_mode_in_the_link() {
    let md = export("from=7.0(1)&to=7.0(4)&mode=active-active", &[]);
    lines_in_order(
        &md,
        &[
            "**Verdict: ok.** A zero-downtime upgrade path exists: 1 hop.",
            "- Failover mode: Active/Active",
            "| 1 | 7.0(1) | 7.0(4) | maintenance |  |",
            "## Runbook (Active/Active)",
            "> These Active/Active steps are reconstructed from the guide's structure (asa-facts §3.3), \
             not quoted from it: check them against Cisco's text.",
            "   failover active",
            "   failover reload-standby",
            "   failover active group 1",
            "   failover active group 2",
            "<https://tools.example.net/asa/#from=7.0(1)&to=7.0(4)&mode=active-active>",
        ],
    );
}

#[test]
fn typed_image_names_are_used_and_cannot_break_the_code_block() {
    let images = [HopImages {
        server: "10.0.0.9".into(),
        old_image: "old```x.bin".into(),
        new_image: "new`.bin".into(),
    }];
    let md = export("from=7.0(1)&to=7.0(4)", &images);
    lines_in_order(
        &md,
        &[
            "   ```",
            "   copy tftp://10.0.0.9/new`.bin disk0:/new`.bin",
            "   verify /md5 disk0:/new`.bin",
            "   ```",
            // Our prose around a backtick typed by a person is escaped whole, never left open.
            "   Check: \\`dir disk0:\\` on each unit lists new\\`.bin",
            "   ````",
            "   no boot system disk0:/old```x.bin",
            "   ````",
        ],
    );
    // Steps whose commands hold no backticks keep the usual fence.
    lines_in_order(&md, &["   ```", "   failover reload-standby", "   ```"]);
}

#[test]
fn text_typed_by_a_person_cannot_break_the_markdown() {
    let md = export("from=8.2%60%7C*(5)%0A%23%20x&to=9.1(7)", &[]);
    lines_in_order(
        &md,
        &[
            "# ASA upgrade plan: ``8.2`|*(5)\u{FFFD}# x`` → 9.1(7)",
            "**Verdict: invalid.** The request could not be planned. ``8.2`|*(5)\u{FFFD}# x``: \
             unexpected character '\\`' at position 4 in the minor number",
        ],
    );
    assert!(
        !md.lines().any(|l| l.starts_with("# x")),
        "a line break in the input started a heading:\n{md}"
    );
    assert!(!md.contains("## Runbook"));
}

#[test]
fn downgrade_and_same_say_so_in_words_and_have_no_runbook() {
    let md = export("from=9.1(7)&to=8.2(5)", &[]);
    lines_in_order(
        &md,
        &[
            "# ASA upgrade plan: 9.1(7) → 8.2(5)",
            "**Verdict: downgrade.** No zero-downtime path: the target is older than the current \
             release (a downgrade).",
        ],
    );
    assert!(!md.contains("## Hops") && !md.contains("## Runbook"));
    let md = export("from=9.1(7)&to=9.1.7", &[]);
    lines_in_order(
        &md,
        &["**Verdict: same.** Nothing to do: the pair already runs the target release."],
    );
    assert!(!md.contains("is not a zero-downtime upgrade"));
}

#[test]
fn a_link_that_is_not_a_plain_url_is_quoted_as_code() {
    let query: PlanQuery = "from=7.0(1)&to=7.0(4)".parse().unwrap_or_default();
    let md = markdown(&analyse(&query), &[], "see <here> and `there`");
    assert!(
        md.ends_with("## Link\n\n`` see <here> and `there` ``\n"),
        "{md}"
    );
}
