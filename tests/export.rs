//! Markdown export for a change ticket: end to end from a share fragment through
//! `session::analyse`, and robustness against text that could break the Markdown.

mod util;

use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::HopImages;
use asa_planner::domain::session::analyse;
use asa_planner::view::export::{markdown, Extras};
use util::query;

const BASE: &str = "https://tools.example.net/asa/";

/// The export of the plan a fragment describes, linked as the page would link it.
#[track_caller]
fn export(fragment: &str, images: &[HopImages]) -> String {
    let query = query(fragment);
    let extras = Extras {
        images,
        minutes_per_reload: Some(25),
        made_on: Some("2026-12-01"),
        names_not_used: "",
    };
    markdown(&analyse(&query), &extras, &format!("{BASE}#{query}"))
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

/// Lines starting with `expected` occur in `md`, in this order.
#[track_caller]
fn starts_in_order(md: &str, expected: &[&str]) {
    let mut lines = md.lines();
    for want in expected {
        assert!(
            lines.any(|l| l.starts_with(want)),
            "missing or out of order: {want:?}\n--- in ---\n{md}"
        );
    }
}

fn count(md: &str, line: &str) -> usize {
    md.lines().filter(|l| *l == line).count()
}

#[test]
fn a_plan_exports_link_rules_date_hops_caveats_notes_and_runbooks() {
    let md = export("from=8.2(5)&to=9.1(7)&rules=table-81-1", &[]);
    lines_in_order(
        &md,
        &[
            "# ASA upgrade plan: 8.2(5) → 9.1(7)",
            "**Verdict: ok.** Zero-downtime upgrade from 8.2(5) to 9.1(7) in 4 hops.",
            "- Current release: 8.2(5)",
            "- Target release: 9.1(7)",
            "- Failover mode: Active/Standby",
            // SPEC §3: the other rule set's answer beside it, as the page says it.
            "- Rules: Table 81-1 (Cisco's 8.x configuration guide) for every hop. Under Cisco's \
             guidance by release era: 3 hops (8.2(5) → 8.3(2) → 8.4(7) → 9.1(7)).",
            "- Catalog: built-in, 684 releases in 30 trains (preset asa5500)",
            "- Made on: 2026-12-01",
            "- Plan link: <https://tools.example.net/asa/#from=8.2(5)&to=9.1(7)&rules=table-81-1>",
            "## Hops",
            "| # | From | To | Rule | Units | Notes |",
            "| 1 | 8.2(5) | 8.3(2) | minor | Reloads both units (from 8.2(5)). | caveat 8.3(1): \
             configuration migration |",
            "| 4 | 9.0(4) | 9.1(7) | minor | Reloads both units (from 9.0(4)). | caveat 9.1(1): \
             configuration migration |",
            "Why not in one hop: 8.2(5) → 9.1(7) directly is not zero-downtime: 8.2 is not the \
             last minor release of 8.x (8.4 is).",
            "## Notes",
            "## Runbook (Active/Standby)",
            "### Before the first hop",
            "   show version",
            "### Hop 1: 8.2(5) → 8.3(2) (minor upgrade)",
            "About 50 minutes (2 × your estimate of 25 minutes a reload).",
            "**Before this hop:**",
            "**Pre-checks:**",
            // Each hop's own backup, with its start release's commands, named without
            // parentheses.
            "   copy /noconfirm running-config disk0:/pre-8.3.2-from-8.2.5.cfg",
            "   copy /noconfirm running-config tftp://<tftp-server>/pre-8.3.2-from-8.2.5.cfg",
            "   crypto ca export <trustpoint-name> pkcs12 <export-passphrase>",
            "   failover exec mate copy /noconfirm running-config disk0:/pre-8.3.2-from-8.2.5.cfg",
            "**Steps:**",
            "   copy /noconfirm tftp://<tftp-server>/asa832-k8.bin disk0:/asa832-k8.bin",
            "   verify /md5 disk0:/asa832-k8.bin",
            "   failover exec mate copy /noconfirm tftp://<tftp-server>/asa832-k8.bin disk0:/asa832-k8.bin",
            "   failover exec mate verify /md5 disk0:/asa832-k8.bin",
            "     no boot system disk0:/asa825-k8.bin",
            "     boot system disk0:/asa832-k8.bin",
            "     boot system disk0:/asa825-k8.bin",
            "- [ ] **Step 2. On the active unit:** Reload the standby unit so that it boots 8.3(2).",
            "   failover exec mate show version",
            "   no failover active",
            "### Hop 4: 9.0(4) → 9.1(7) (minor upgrade)",
            "   copy /noconfirm running-config disk0:/pre-9.1.7-from-9.0.4.cfg",
            "     no boot system disk0:/asa904-k8.bin",
        ],
    );
    // The wording of every line is the snapshot's; here, what the lines must say.
    insta::assert_snapshot!("markdown_8_2_5_to_9_1_7_table", md);
    starts_in_order(
        &md,
        &[
            "| 2 | 8.3(2) | 8.4(7) | minor | Reloads both units (from 8.3(2)). | From this hop's \
             start Cisco's 9.1 path table stops at 8.4(6), but its CSCug88962 note says landing \
             on 8.4(6) is not zero-downtime",
            "- [ ] **Step 1. On the active unit:** Stage asa832-k8.bin on both units",
            "- [ ] **Step 3. On the active unit:**",
            "- [ ] **Step 5. Point of no return: On the active unit (the upgraded unit, on \
             8.3(2)):** Reload the other unit (the former active, on 8.2(5))",
            "- [ ] **Step 7. On the standby unit (the former active, now on 8.3(2)):** \
             (optional)",
        ],
    );
    // The plan's total time sits at the top, labelled as the person's estimate.
    let top = md
        .find("Estimated time: about 3 h 20 min")
        .expect("total at the top");
    assert!(top < md.find("## Hops").unwrap());
    assert!(md[top..].lines().next().unwrap().contains("your estimate"));
    assert!(md.contains("- **8.3(1): configuration migration** 8.3 rewrites NAT"));
    assert!(md.contains(
        "[Cisco ASA 5500 Migration to Version 8.3](https://www.cisco.com/c/en/us/td/docs/security/asa/asa83/upgrading/migrating.epub)"
    ));
    assert!(md.contains("near-zero downtime"));
    // Two reloads per hop, each with its own block, and the rollback's reload; no bare
    // `reload` anywhere, no plain `copy` that would prompt.
    assert_eq!(count(&md, "   failover reload-standby"), 4 * 2);
    assert_eq!(count(&md, "     failover reload-standby"), 4);
    assert!(md
        .lines()
        .filter(|l| l.trim_start().starts_with("copy ")
            || l.trim_start().starts_with("failover exec mate copy "))
        .all(|l| l.contains("copy /noconfirm ")));
    // Every step is a task.
    assert!(!md.lines().any(|l| l.starts_with("1. ")));
    assert_eq!(count(&md, "   reload"), 0);
    assert!(!md.contains("reconstructed"));
    assert!(!md.contains("asa-facts"));
    assert!(!md.contains("\n\n\n"), "no doubled blank lines:\n{md}");
}

#[test]
fn the_runbook_follows_the_mode_in_the_link_with_a_block_per_unit() {
    let md = export("from=7.0(1)&to=7.0(4)&mode=active-active", &[]);
    lines_in_order(
        &md,
        &[
            "**Verdict: ok.** Zero-downtime upgrade from 7.0(1) to 7.0(4) in 1 hop.",
            "- Failover mode: Active/Active, multiple-context mode",
            "## Runbook (Active/Active)",
            "> These Active/Active steps are reconstructed from the structure of the 8.x guide's \
             Active/Active section, not quoted from it: check them against Cisco's text.",
            "   changeto system",
            "   failover active",
            "- [ ] **Step 8. On the primary unit:** (optional) Where group 1 has no `preempt`, \
             make it active again on the unit that should own it (usually the primary): typed \
             on that unit.",
            "   failover active group 1",
            "- [ ] **Step 9. On the secondary unit:** (optional) Where group 2 has no `preempt`, \
             make it active again on the unit that should own it (usually the secondary): typed \
             on that unit.",
            "   failover active group 2",
        ],
    );
}

#[test]
fn the_train_set_chosen_by_hand_is_named() {
    let md = export("from=7.0(1)&to=7.2(1)&trains=7.0,7.2", &[]);
    lines_in_order(
        &md,
        &["- Catalog: built-in, 64 releases in 2 trains (trains chosen by hand: 7.0 and 7.2)"],
    );
}

#[test]
fn typed_image_names_are_used_and_cannot_break_the_code_block() {
    let images = [HopImages {
        server: "10.0.0.9".into(),
        old_image: "old```x.bin".into(),
        new_image: "new`.bin".into(),
        asdm_image: String::new(),
    }];
    let md = export("from=7.0(1)&to=7.0(4)", &images);
    lines_in_order(
        &md,
        &[
            "   ```",
            "   copy /noconfirm tftp://10.0.0.9/new`.bin disk0:/new`.bin",
            "   verify /md5 disk0:/new`.bin",
            "   ```",
            "     ````",
            "     no boot system disk0:/old```x.bin",
            "     ````",
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
            "**Verdict: invalid.** Check the releases entered: see the messages under the fields.",
            "``8.2`|*(5)\u{FFFD}# x``: unexpected character '\\`' at position 4 in the minor number",
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
            "**Verdict: downgrade.** No zero-downtime path: 8.2(5) is older than 9.1(7); a \
             downgrade needs an outage.",
        ],
    );
    assert!(!md.contains("## Hops") && !md.contains("## Runbook"));
    let md = export("from=9.1(7)&to=9.1.7", &[]);
    lines_in_order(
        &md,
        &["**Verdict: same.** Nothing to do: the pair already runs 9.1(7)."],
    );
    assert!(!md.contains("Why not in one hop"));
}

#[test]
fn a_link_that_is_not_a_plain_url_is_quoted_as_code() {
    let query: PlanQuery = "from=7.0(1)&to=7.0(4)".parse().unwrap_or_default();
    let md = markdown(
        &analyse(&query),
        &Extras::default(),
        "see <here> and `there`",
    );
    assert!(
        md.contains("\n- Plan link: `` see <here> and `there` ``\n"),
        "{md}"
    );
}

#[test]
fn the_rule_set_is_named_and_hops_into_9x_are_direct_under_the_guidance_by_era() {
    // `rules=guide-9x` is the default: the link does not write it.
    let md = export("from=8.2(5)&to=9.1(7)&rules=guide-9x", &[]);
    lines_in_order(
        &md,
        &[
            "**Verdict: ok.** Zero-downtime upgrade from 8.2(5) to 9.1(7) in 3 hops.",
            "- Rules: Cisco's guidance by release era (Table 81-1 for hops landing on 7.x or \
             8.x; any later release, except Cisco's listed exceptions, for hops landing on \
             9.x). Under Table 81-1 of Cisco's 8.x configuration guide: 4 hops (8.2(5) → \
             8.3(2) → 8.4(7) → 9.0(4) → 9.1(7)).",
            "- Plan link: <https://tools.example.net/asa/#from=8.2(5)&to=9.1(7)>",
        ],
    );
    assert!(md.contains("| 1 | 8.2(5) | 8.3(2) | minor |"), "{md}");
    assert!(md.contains("| 2 | 8.3(2) | 8.4(7) | minor |"), "{md}");
    // The direct hop over 9.0 links Cisco's planning page in its row (the wording is
    // tests/snapshots/renderings__markdown_multi_hop_8_2_5_to_9_1_7.snap's).
    let row = md
        .lines()
        .find(|l| l.starts_with("| 3 | 8.4(7) | 9.1(7) | direct |"))
        .unwrap_or_else(|| panic!("hop 3 is direct: {md}"));
    assert!(
        row.contains("check your start release on Cisco's planning page")
            && row.contains(
                "(https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade/planning.html)"
            ),
        "{row}"
    );
    assert!(
        md.contains("Rules: Cisco's guidance by release era"),
        "{md}"
    );
    assert!(md.contains("asa-upgrade/planning.html"), "{md}");
}

/// Issue #20, 11: a change plan linked by a bare fragment says so; one linked on the page's
/// address does not; the runbook settings given are part of the export.
#[test]
fn a_fragment_link_is_said_to_be_one_and_the_settings_are_exported() {
    let query: PlanQuery = "from=9.8(4)&to=9.12(4)&rules=guide-9x".parse().unwrap();
    let session = analyse(&query);
    let bare = markdown(&session, &Extras::default(), &format!("#{query}"));
    assert!(bare.contains("- The links here are fragments of the planner's address"));
    let whole = markdown(&session, &Extras::default(), &format!("{BASE}#{query}"));
    assert!(!whole.contains("fragments"));
    let images = [HopImages {
        server: "10.0.0.7".into(),
        old_image: "asa984-smp-k8.bin".into(),
        new_image: "asa9-12-4-smp-k8.bin".into(),
        asdm_image: "asdm-7124.bin".into(),
    }];
    let md = export("from=9.8(4)&to=9.12(4)&rules=guide-9x", &images);
    lines_in_order(
        &md,
        &[
            "- Estimated time: about 50 minutes of reloads (2 × your estimate of 25 minutes a \
             reload; your estimate, not Cisco's).",
            "## Hops",
            "- TFTP server: `10.0.0.7`",
            "- Minutes per reload (your estimate): 25 minutes",
            "Images: `asa984-smp-k8.bin` → `asa9-12-4-smp-k8.bin`; ASDM: `asdm-7124.bin`",
            "   copy /noconfirm tftp://10.0.0.7/asdm-7124.bin disk0:/asdm-7124.bin",
            "   failover exec mate copy /noconfirm tftp://10.0.0.7/asdm-7124.bin disk0:/asdm-7124.bin",
            "     asdm image disk0:/asdm-7124.bin",
        ],
    );
}

/// A name the commands do not use is said in the export as on the page: a reviewer reading
/// the ticket learns the typed file was left out, and which the commands name instead.
#[test]
fn names_the_commands_do_not_use_are_said_in_the_export() {
    use asa_planner::view::fleet_export::change_plan;
    let typed = query("from=9.8(4)&to=9.12(4)&server=10.0.0.5%20x&img=9.12(4):my%20image.bin");
    let md = change_plan(&typed, &analyse(&typed), "#x");
    assert!(
        md.contains("> **Warning:** The TFTP server '10.0.0.5 x' holds a blank")
            && md.contains("The image of 9.12(4) 'my image.bin' holds a blank"),
        "{md}"
    );
    assert!(!md.contains("tftp://10.0.0.5 x") && !md.contains("disk0:/my image.bin"));
    let clean = query("from=9.8(4)&to=9.12(4)&server=10.0.0.5");
    assert!(!change_plan(&clean, &analyse(&clean), "#x").contains("not used"));
}
