//! The zero-downtime rules (SPEC §3): the seed's own examples and the pinned semantics, with
//! every reason asserted verbatim; Cisco's 9.x guidance (SPEC §3.2): every exception with its
//! reason, and the rule sets.

mod util;

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::rules::{exception, judge, judge_guide, Block, Rule, RuleSet, EXCEPTIONS};
use asa_planner::domain::sources::Confidence;
use util::{catalog, preset, r, t};

#[track_caller]
fn allowed(c: &Catalog, a: &str, b: &str, rule: Rule) {
    assert_eq!(judge(c, r(a), r(b)), Ok(rule), "{a} → {b}");
}

#[track_caller]
fn blocked(c: &Catalog, a: &str, b: &str, reason: &str) {
    match judge(c, r(a), r(b)) {
        Ok(rule) => panic!("{a} → {b} allowed as {}", rule.as_str()),
        Err(block) => assert_eq!(block.to_string(), reason, "{a} → {b}"),
    }
}

/// The seed's catalog of examples: 7.0, 7.1, 7.2 (the last 7.x minor), 8.0.
fn seed() -> Catalog {
    catalog(&[
        "7.0(1)", "7.0(2)", "7.0(4)", "7.1(1)", "7.2(1)", "7.2(2)", "8.0(1)", "8.0(2)",
    ])
}

#[test]
fn seed_examples() {
    let c = seed();
    allowed(&c, "7.0(1)", "7.0(4)", Rule::Maintenance);
    allowed(&c, "7.0(1)", "7.1(1)", Rule::Minor);
    blocked(&c, "7.0(1)", "7.2(1)", "skips minor release 7.1");
    allowed(&c, "7.2(1)", "8.0(1)", Rule::Major);
}

#[test]
fn maintenance_hops_go_any_to_any_within_a_train() {
    let c = seed();
    allowed(&c, "7.0(2)", "7.0(4)", Rule::Maintenance);
    allowed(&c, "7.0(1)", "7.0(1.4)", Rule::Maintenance);
    allowed(&c, "7.0(1)4", "7.0(8)", Rule::Maintenance);
    allowed(&c, "8.0(1)", "8.0(2)", Rule::Maintenance);
}

#[test]
fn major_hops_need_the_last_minor_and_the_first_of_the_next_major() {
    let c = seed();
    blocked(
        &c,
        "7.1(1)",
        "8.0(1)",
        "7.1 is not the last minor release of 7.x (7.2 is)",
    );
    blocked(
        &c,
        "7.0(1)",
        "8.0(2)",
        "7.0 is not the last minor release of 7.x (7.2 is)",
    );
    let c = catalog(&["7.2(1)", "8.0(1)", "8.1(1)", "9.0(1)"]);
    blocked(
        &c,
        "7.2(1)",
        "8.1(1)",
        "8.1 is not the first minor release of 8.x (8.0 is)",
    );
    blocked(
        &c,
        "7.2(1)",
        "9.0(1)",
        "skips major release 8.x (its first train is 8.0)",
    );
}

#[test]
fn same_and_downgrade() {
    let c = seed();
    blocked(&c, "7.0(4)", "7.0(4)", "same release: nothing to upgrade");
    blocked(&c, "7.0(4)", "7.0.4", "same release: nothing to upgrade");
    let down = "downgrade: there is no zero-downtime path to an earlier release";
    blocked(&c, "7.0(4)", "7.0(2)", down);
    blocked(&c, "7.0(4)5", "7.0(4)", down);
    blocked(&c, "8.0(1)", "7.2(2)", down);
}

#[test]
fn trains_not_in_the_catalog() {
    let c = seed();
    blocked(
        &c,
        "7.3(1)",
        "8.0(1)",
        "train 7.3 is not in the active catalog",
    );
    blocked(
        &c,
        "7.0(1)",
        "7.3(1)",
        "train 7.3 is not in the active catalog",
    );
    assert_eq!(
        judge(&c, r("6.9(1)"), r("7.0(1)")),
        Err(Block::UnknownTrain(t("6.9")))
    );
    // A release not listed whose train is counts as if listed.
    allowed(&c, "7.0(3)", "7.1(9)", Rule::Minor);
}

#[test]
fn skipped_minors_are_named() {
    let c = catalog(&["9.0(1)", "9.1(1)", "9.2(1)", "9.3(1)"]);
    blocked(&c, "9.0(1)", "9.3(1)", "skips minor releases 9.1, 9.2");
    let many: Vec<String> = (0..12).map(|m| format!("9.{m}(1)")).collect();
    let refs: Vec<&str> = many.iter().map(String::as_str).collect();
    let c = catalog(&refs);
    blocked(
        &c,
        "9.0(1)",
        "9.11(1)",
        "skips minor releases 9.1, 9.2, 9.3, 9.4, 9.5, 9.6, 9.7, 9.8 and 2 more",
    );
}

#[test]
fn successor_is_the_next_train_present() {
    // 9.11 and 9.21 were never released: 9.10 → 9.12 is a minor hop (SPEC §3).
    let c = preset("asa5500");
    allowed(&c, "9.10(1)", "9.12(4)", Rule::Minor);
    allowed(&c, "9.20(3)", "9.22(1)1", Rule::Minor);
    blocked(&c, "9.10(1)", "9.13(1)", "skips minor release 9.12");
    // A missing major: from the last minor of 7.x the first train of the next major present.
    let c = catalog(&["7.2(1)", "9.0(1)", "9.1(1)"]);
    allowed(&c, "7.2(1)", "9.0(1)", Rule::Major);
    blocked(
        &c,
        "7.2(1)",
        "9.1(1)",
        "9.1 is not the first minor release of 9.x (9.0 is)",
    );
}

#[test]
fn the_default_preset_makes_8_4_the_last_minor_of_8x() {
    let c = preset("asa5500");
    allowed(&c, "8.4(7)", "9.0(4)", Rule::Major);
    allowed(&c, "8.4(7)30", "9.0(1)", Rule::Major);
    blocked(
        &c,
        "8.2(5)",
        "9.1(7)",
        "8.2 is not the last minor release of 8.x (8.4 is)",
    );
    allowed(&c, "8.0(5)", "8.2(5)", Rule::Minor);
    allowed(&c, "8.2(5)", "8.3(2)", Rule::Minor);
    allowed(&c, "7.2(5)", "8.0(2)", Rule::Major);
}

#[test]
fn other_presets_move_the_last_minor() {
    let all = preset("all");
    blocked(
        &all,
        "8.4(7)",
        "9.0(4)",
        "8.4 is not the last minor release of 8.x (8.7 is)",
    );
    allowed(&all, "8.7(1)", "9.0(1)", Rule::Major);
    blocked(&all, "8.0(5)", "8.2(5)", "skips minor release 8.1");
    let asasm = preset("asasm");
    allowed(&asasm, "8.4(7)", "8.5(1)", Rule::Minor);
    allowed(&asasm, "8.5(1)", "9.0(1)", Rule::Major);
    blocked(
        &asasm,
        "8.4(7)",
        "9.0(1)",
        "8.4 is not the last minor release of 8.x (8.5 is)",
    );
    let asa5580 = preset("asa5580");
    allowed(&asa5580, "8.0(5)", "8.1(2)", Rule::Minor);
    allowed(&asa5580, "8.4(7)", "9.0(1)", Rule::Major);
}

#[test]
fn rule_names_are_the_hook_values() {
    let names: Vec<&str> = [Rule::Maintenance, Rule::Minor, Rule::Major]
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(names, ["maintenance", "minor", "major"]);
}

// Cisco's 9.x guidance (SPEC §3.2).

#[track_caller]
fn direct_9x(c: &Catalog, a: &str, b: &str) {
    assert_eq!(judge_guide(c, r(a), r(b)), Ok(Rule::Direct), "{a} → {b}");
}

/// Blocked by the exception `id`, with exactly this reason.
#[track_caller]
fn excepted(c: &Catalog, a: &str, b: &str, id: &str, reason: &str) {
    match judge_guide(c, r(a), r(b)) {
        Ok(rule) => panic!("{a} → {b} allowed as {}", rule.as_str()),
        Err(block) => {
            assert_eq!(block.to_string(), reason, "{a} → {b}");
            match block {
                Block::Exception {
                    exception,
                    from,
                    to,
                } => {
                    assert_eq!(exception.id, id, "{a} → {b}");
                    assert_eq!((from, to), (r(a), r(b)));
                }
                other => panic!("{a} → {b} blocked by {other:?}, not an exception"),
            }
        }
    }
}

const CSCUG88962: &str = "cscug88962";

/// Under the guidance by release era, a hop landing on 7.x or 8.x is judged by Table 81-1.
#[track_caller]
fn table_rule_9x(c: &Catalog, a: &str, b: &str, rule: Rule) {
    assert_eq!(judge_guide(c, r(a), r(b)), Ok(rule), "{a} → {b}");
}

// Issue #20 item 2: CSCug88962 lands on 8.4(6), 9.0(2) and 9.1(2) (the note's lead), interim
// builds included; 9.1(3) is allowed (old code: 9.1(3) refused, 9.1(2) allowed).
#[test]
fn cscug88962_blocks_landing_on_8_4_6_9_0_2_and_9_1_2_and_their_builds() {
    let c = preset("asa5500");
    let why = |to: &str| {
        format!(
            "no zero-downtime upgrade to {to} (CSCug88962): Cisco names 8.4(5), and 9.0(3) or \
             later, as the zero-downtime landings instead"
        )
    };
    for (a, b) in [
        ("8.4(5)", "8.4(6)"),
        ("8.4(2)", "8.4(6)"),
        ("8.4(5)", "8.4(6)4"),
        ("9.0(1)", "9.0(2)"),
        ("8.4(7)", "9.0(2)"),
        ("8.4(7)", "9.0(2)10"),
        ("8.4(2)", "9.1(2)"),
        ("9.0(4)", "9.1(2)"),
        ("9.0(4)", "9.1(2)8"),
    ] {
        excepted(&c, a, b, CSCUG88962, &why(b));
    }
    table_rule_9x(&c, "8.4(5)", "8.4(7)", Rule::Maintenance);
    direct_9x(&c, "9.0(1)", "9.0(3)");
    direct_9x(&c, "9.1(2)", "9.1(4)");
    // 9.1(3) is a fixed release: allowed (it carries a caveat instead).
    direct_9x(&c, "9.1(2)8", "9.1(3)");
    direct_9x(&c, "9.1(2)", "9.1(3)");
    direct_9x(&c, "9.0(4)", "9.1(3)1");
    let e = EXCEPTIONS.iter().find(|e| e.id == CSCUG88962).unwrap();
    assert_eq!((e.basis, e.confidence), ("CSCug88962", Confidence::High));
    // Cisco's inconsistency is shown where the exception is explained.
    assert!(
        e.note.contains("lead names 8.4(6), 9.0(2) and 9.1(2)")
            && e.note.contains("8.4(6), 9.0(2) or 9.1(3)"),
        "{}",
        e.note
    );
}

// Issue #20 item 2: from 9.1(1) (and its builds) nothing at or past 9.1(2) is zero-downtime.
#[test]
fn from_9_1_1_there_is_no_zero_downtime_hop_to_9_1_2_or_later() {
    let c = preset("asa5500");
    let why = |a: &str| {
        format!(
            "from {a} Cisco gives no zero-downtime path to 9.1(2) or later (CSCuh25271, \
             CSCug88962): Cisco says to upgrade to 9.1(2) first, which reloads both units at \
             once (an outage), then to go on with zero-downtime upgrades"
        )
    };
    for (a, b) in [
        ("9.1(1)", "9.1(2)"),
        ("9.1(1)", "9.1(2)8"),
        ("9.1(1)", "9.1(3)"),
        ("9.1(1)", "9.1(7)"),
        ("9.1(1)", "9.12(4)"),
        ("9.1(1)4", "9.1(7)"),
    ] {
        excepted(&c, a, b, "cscuh25271", &why(a));
    }
    direct_9x(&c, "9.1(1)", "9.1(1)4");
    direct_9x(&c, "9.1(2)", "9.1(7)");
}

// Issue #20 item 3: a hop landing on 7.x or 8.x follows Table 81-1 under the 9.x rule set.
#[test]
fn hops_landing_on_7_x_and_8_x_follow_table_81_1() {
    let c = preset("asa5500");
    assert_eq!(
        judge_guide(&c, r("7.0(1)"), r("8.4(7)")).map_err(|e| e.to_string()),
        Err("7.0 is not the last minor release of 7.x (7.2 is)".to_string())
    );
    assert_eq!(
        judge_guide(&c, r("8.0(5)"), r("8.3(2)")).map_err(|e| e.to_string()),
        Err("skips minor release 8.2".to_string())
    );
    table_rule_9x(&c, "8.2(5)", "8.3(2)", Rule::Minor);
    table_rule_9x(&c, "7.2(5)", "8.0(5)", Rule::Major);
    table_rule_9x(&c, "8.4(2)", "8.4(7)", Rule::Maintenance);
    // Landing on 9.0 or later: direct, whatever the trains between.
    direct_9x(&c, "8.4(7)", "9.24(1)");
}

#[test]
fn releases_before_8_4_go_to_8_4_first() {
    let c = preset("asa5500");
    let why = "releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration \
               migrations)";
    // 8.2 and earlier: the 8.3 migration guide (H); 8.3: the 9.1 path table (M).
    excepted(&c, "8.2(5)", "9.0(4)", "migration-8.3", why);
    excepted(&c, "7.0(1)", "9.12(4)", "migration-8.3", why);
    excepted(&c, "8.3(2)", "9.1(7)", "path-table-8.3", why);
    excepted(&c, "8.3(1)4", "9.0(1)", "path-table-8.3", why);
    table_rule_9x(&c, "8.3(2)", "8.4(7)", Rule::Minor);
    direct_9x(&c, "8.4(1)", "9.0(1)");
    let all = preset("all");
    table_rule_9x(&all, "8.6(1)", "8.7(1)", Rule::Minor);
}

#[test]
fn the_9_1_path_table_does_not_go_from_early_8_4_8_5_8_6_and_9_0_1_to_9_1_3_or_later() {
    let c = preset("all");
    let id = "path-table-9.1-2";
    for (a, b) in [
        ("8.4(1)", "9.1(4)"),
        ("8.4(2)", "9.1(7)"),
        ("8.4(4)", "9.2(1)"),
        ("8.4(4)10", "9.12(4)"),
        ("8.5(1)", "9.1(7)"),
        ("8.5(1)7", "9.1(7)"),
        ("8.6(1)", "9.8(4)"),
        ("9.0(1)", "9.1(4)"),
    ] {
        excepted(
            &c,
            a,
            b,
            id,
            &format!(
                "the 9.1 path table does not go from {a} straight to 9.1(3) or later (its \
                 stop, 9.1(2), is not a zero-downtime landing: CSCug88962): go through a later \
                 8.4 or 9.0 release first"
            ),
        );
    }
    direct_9x(&c, "8.4(2)", "9.0(4)");
    direct_9x(&c, "8.4(5)", "9.1(7)");
    direct_9x(&c, "8.5(2)", "9.1(7)");
    direct_9x(&c, "9.0(1)", "9.0(4)");
    direct_9x(&c, "9.0(3)", "9.1(7)");
}

#[test]
fn after_9_24_every_upgrade_goes_through_9_24() {
    let c = catalog(&[
        "9.22(1)1", "9.23(1)", "9.24(1)", "9.24(2)", "9.25(1)", "10.0(1)",
    ]);
    let why = "upgrade to 9.24 first: after 9.24 there is no downgrade and later versions \
               require it";
    excepted(&c, "9.22(1)1", "9.25(1)", "one-way-9.24", why);
    excepted(&c, "9.23(1)", "10.0(1)", "one-way-9.24", why);
    direct_9x(&c, "9.22(1)1", "9.24(2)");
    direct_9x(&c, "9.24(1)", "9.25(1)");
    direct_9x(&c, "9.24(1)", "10.0(1)");
    direct_9x(&c, "9.25(1)", "10.0(1)");
}

#[test]
fn same_downgrade_and_unknown_trains_are_as_under_table_81_1() {
    let c = preset("asa5500");
    for (a, b, why) in [
        ("9.8(4)", "9.8.4", "same release: nothing to upgrade"),
        (
            "9.8(4)",
            "9.8(3)",
            "downgrade: there is no zero-downtime path to an earlier release",
        ),
        (
            "9.1(1)",
            "8.4(6)",
            "downgrade: there is no zero-downtime path to an earlier release",
        ),
        (
            "9.8(4)",
            "9.11(1)",
            "train 9.11 is not in the active catalog",
        ),
        ("8.5(1)", "9.8(4)", "train 8.5 is not in the active catalog"),
    ] {
        let got = judge_guide(&c, r(a), r(b)).map_err(|e| e.to_string());
        assert_eq!(got, Err(why.to_string()), "{a} → {b}");
    }
    assert_eq!(
        judge_guide(&c, r("9.8(4)"), r("9.11(1)")),
        Err(Block::UnknownTrain(t("9.11")))
    );
    // Releases not listed whose train is count as if listed.
    direct_9x(&c, "9.8(99)", "9.12(99)");
}

#[test]
fn the_exceptions_table_is_sourced_and_checked_in_order() {
    let ids: Vec<&str> = EXCEPTIONS.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        [
            "cscuh25271",
            "cscug88962",
            "migration-8.3",
            "path-table-8.3",
            "path-table-9.1-2",
            "one-way-9.24"
        ]
    );
    let confidence: Vec<&str> = EXCEPTIONS.iter().map(|e| e.confidence.letter()).collect();
    assert_eq!(confidence, ["H", "H", "H", "M", "M", "L"]);
    for e in &EXCEPTIONS {
        assert!(
            e.source.url.starts_with("https://"),
            "{}: {}",
            e.id,
            e.source.url
        );
        assert!(
            !e.source.title.is_empty() && !e.basis.is_empty(),
            "{}",
            e.id
        );
        assert!(!e.from.is_empty() && !e.to.is_empty(), "{}", e.id);
    }
    for e in &EXCEPTIONS[..2] {
        assert!(e.source.url.contains("/asa92/"), "{}: the 9.2 guide", e.id);
    }
    // The first that blocks a hop is its reason: 9.1(1) → 9.1(2) is CSCuh25271's (from
    // 9.1(1)), 9.0(4) → 9.1(2) CSCug88962's.
    assert_eq!(
        exception(r("9.1(1)"), r("9.1(2)")).map(|e| e.id),
        Some("cscuh25271")
    );
    assert_eq!(
        exception(r("9.0(4)"), r("9.1(2)")).map(|e| e.id),
        Some(CSCUG88962)
    );
    assert_eq!(exception(r("9.8(4)"), r("9.20(3)")), None);
    assert_eq!(
        EXCEPTIONS[4].reason_for(r("8.4(2)"), r("9.1(7)")),
        "the 9.1 path table does not go from 8.4(2) straight to 9.1(3) or later (its stop, \
         9.1(2), is not a zero-downtime landing: CSCug88962): go through a later 8.4 or 9.0 \
         release first"
    );
}

#[test]
fn rule_sets_have_ids_labels_and_bases() {
    // Issue #20 item 4: the default is the guidance by release era (SPEC §3).
    assert_eq!(RuleSet::default(), RuleSet::Guide9x);
    let ids: Vec<&str> = RuleSet::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(ids, ["guide-9x", "table-81-1"]);
    assert_eq!(RuleSet::from_value(" Guide-9X "), Some(RuleSet::Guide9x));
    assert_eq!(RuleSet::from_value("table-81-1"), Some(RuleSet::Table811));
    assert_eq!(RuleSet::from_value("9x"), None);
    assert_eq!(RuleSet::Table811.other(), RuleSet::Guide9x);
    assert_eq!(RuleSet::Guide9x.other(), RuleSet::Table811);
    assert_eq!(RuleSet::Guide9x.label(), "Cisco's guidance by release era");
    assert_eq!(
        RuleSet::Table811.label(),
        "Table 81-1 of Cisco's 8.x configuration guide"
    );
    let basis = RuleSet::Guide9x.basis();
    assert!(basis.contains("check your start release"), "{basis}");
    assert!(
        basis.contains("7.x or 8.x release follows Table 81-1"),
        "{basis}"
    );
    let links: Vec<&str> = RuleSet::Guide9x.sources().iter().map(|s| s.url).collect();
    assert!(
        links
            .iter()
            .any(|u| u.ends_with("asa-upgrade/planning.html")),
        "{links:?}"
    );
    assert!(links.iter().any(|u| u.contains("/asa92/")), "{links:?}");
    assert_eq!(Rule::Direct.as_str(), "direct");
    let c = preset("asa5500");
    assert_eq!(
        RuleSet::Table811
            .judge(&c, r("8.2(5)"), r("8.4(7)"))
            .map_err(|e| e.to_string()),
        Err("skips minor release 8.3".to_string())
    );
    assert_eq!(
        RuleSet::Guide9x
            .judge(&c, r("8.2(5)"), r("8.4(7)"))
            .map_err(|e| e.to_string()),
        Err("skips minor release 8.3".to_string())
    );
    assert_eq!(
        RuleSet::Guide9x.judge(&c, r("8.4(7)"), r("9.12(4)")),
        Ok(Rule::Direct)
    );
}
