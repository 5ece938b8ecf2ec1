//! The zero-downtime rules (SPEC §3): the seed's own examples and the pinned semantics, with
//! every reason asserted verbatim.

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::presets;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::rules::{judge, Block, Rule};

fn r(text: &str) -> Release {
    text.parse()
        .unwrap_or_else(|e| panic!("test release {text:?}: {e}"))
}

fn t(text: &str) -> Train {
    text.parse()
        .unwrap_or_else(|e| panic!("test train {text:?}: {e}"))
}

/// A catalog of exactly these releases.
fn catalog(list: &[&str]) -> Catalog {
    Catalog::from_entries(list.iter().map(|s| Entry::listed(r(s), "test")).collect())
}

/// The built-in catalog under a preset.
fn preset(id: &str) -> Catalog {
    let p = presets::find(id).unwrap_or_else(|| panic!("no preset {id}"));
    Catalog::builtin().retain_trains(|tr| p.exclusion(tr).is_none())
}

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
