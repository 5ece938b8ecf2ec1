//! Cisco's 9.x guidance (SPEC §3.2): every exception with its reason asserted verbatim, the
//! spec's plan examples, `via` under this rule set, and the session's rule set and other answer.

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::plan::{plan, plan_with, HopNote, Pick, Plan, Verdict};
use asa_planner::domain::presets;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::rules::{
    exception, judge_guide, Block, Confidence, Rule, RuleSet, EXCEPTIONS,
};
use asa_planner::domain::session::{analyse, OtherAnswer};

fn r(text: &str) -> Release {
    text.parse()
        .unwrap_or_else(|e| panic!("test release {text:?}: {e}"))
}

fn t(text: &str) -> Train {
    text.parse()
        .unwrap_or_else(|e| panic!("test train {text:?}: {e}"))
}

fn catalog(list: &[&str]) -> Catalog {
    Catalog::from_entries(list.iter().map(|s| Entry::listed(r(s), "test")).collect())
}

fn preset(id: &str) -> Catalog {
    let p = presets::find(id).unwrap_or_else(|| panic!("no preset {id}"));
    Catalog::builtin().retain_trains(|tr| p.exclusion(tr).is_none())
}

fn default_catalog() -> Catalog {
    let p = presets::default_preset();
    Catalog::builtin().retain_trains(|tr| p.exclusion(tr).is_none())
}

#[track_caller]
fn direct(c: &Catalog, a: &str, b: &str) {
    assert_eq!(judge_guide(c, r(a), r(b)), Ok(Rule::Direct), "{a} → {b}");
}

/// Blocked by the exception `id`, with exactly this reason.
#[track_caller]
fn blocked(c: &Catalog, a: &str, b: &str, id: &str, reason: &str) {
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

#[test]
fn cscug88962_blocks_landing_on_8_4_6_9_0_2_and_9_1_3_only() {
    let c = default_catalog();
    let why = |to: &str| {
        format!("no zero-downtime upgrade to {to} (CSCug88962); use 8.4(5) or 9.0(3) or later")
    };
    for (a, b) in [
        ("8.4(5)", "8.4(6)"),
        ("8.2(5)", "8.4(6)"),
        ("9.0(1)", "9.0(2)"),
        ("8.4(7)", "9.0(2)"),
        ("9.1(2)", "9.1(3)"),
        ("9.1(1)", "9.1(3)"),
    ] {
        blocked(&c, a, b, CSCUG88962, &why(b));
    }
    direct(&c, "8.4(5)", "8.4(7)");
    direct(&c, "9.0(1)", "9.0(3)");
    direct(&c, "9.1(2)", "9.1(4)");
    // Exactly those releases: not their interim builds, and not 9.1(2), which only Cisco's
    // lead sentence names.
    direct(&c, "9.1(2)", "9.1(3)1");
    direct(&c, "9.0(1)", "9.1(2)");
    let e = &EXCEPTIONS[0];
    assert_eq!(
        (e.id, e.basis, e.confidence),
        (CSCUG88962, "CSCug88962", Confidence::High)
    );
    assert!(
        e.note
            .contains("lead sentence names 8.4(6), 9.0(2) and 9.1(2)")
            && e.note.contains("8.4(6), 9.0(2) or 9.1(3)"),
        "{}",
        e.note
    );
}

#[test]
fn cscuh25271_sends_9_1_1_through_9_1_2() {
    let c = default_catalog();
    let why = "from 9.1(1) upgrade to 9.1(2) first (CSCuh25271)";
    blocked(&c, "9.1(1)", "9.1(4)", "cscuh25271", why);
    blocked(&c, "9.1(1)", "9.12(4)", "cscuh25271", why);
    blocked(&c, "9.1(1)4", "9.1(7)", "cscuh25271", why);
    direct(&c, "9.1(1)", "9.1(2)");
    direct(&c, "9.1(1)", "9.1(2)8");
    direct(&c, "9.1(2)", "9.1(7)");
}

#[test]
fn releases_before_8_4_go_to_8_4_first() {
    let c = default_catalog();
    let why = "releases before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration \
               migrations)";
    // 8.2 and earlier: the 8.3 migration guide (H); 8.3: the 9.1 path table (M).
    blocked(&c, "8.2(5)", "9.0(4)", "migration-8.3", why);
    blocked(&c, "7.0(1)", "9.12(4)", "migration-8.3", why);
    blocked(&c, "8.3(2)", "9.1(7)", "path-table-8.3", why);
    blocked(&c, "8.3(1)4", "9.0(1)", "path-table-8.3", why);
    direct(&c, "8.2(5)", "8.4(7)");
    direct(&c, "8.3(2)", "8.4(7)");
    direct(&c, "7.0(1)", "8.3(2)");
    direct(&c, "8.4(1)", "9.0(1)");
    let all = preset("all");
    direct(&all, "8.2(5)", "8.7(1)");
}

#[test]
fn the_9_1_path_table_routes_early_8_4_8_5_8_6_and_9_0_1_through_9_1_2() {
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
        blocked(
            &c,
            a,
            b,
            id,
            &format!("the 9.1 path table routes {a} through 9.1(2)"),
        );
    }
    direct(&c, "8.4(2)", "9.1(2)");
    direct(&c, "8.4(2)", "9.0(4)");
    direct(&c, "8.4(5)", "9.1(7)");
    direct(&c, "8.5(2)", "9.1(7)");
    direct(&c, "9.0(1)", "9.0(4)");
    direct(&c, "9.0(3)", "9.1(7)");
}

#[test]
fn after_9_24_every_upgrade_goes_through_9_24() {
    let c = catalog(&[
        "9.22(1)1", "9.23(1)", "9.24(1)", "9.24(2)", "9.25(1)", "10.0(1)",
    ]);
    let why = "upgrade to 9.24 first: after 9.24 there is no downgrade and later versions \
               require it";
    blocked(&c, "9.22(1)1", "9.25(1)", "one-way-9.24", why);
    blocked(&c, "9.23(1)", "10.0(1)", "one-way-9.24", why);
    direct(&c, "9.22(1)1", "9.24(2)");
    direct(&c, "9.24(1)", "9.25(1)");
    direct(&c, "9.24(1)", "10.0(1)");
    direct(&c, "9.25(1)", "10.0(1)");
}

#[test]
fn same_downgrade_and_unknown_trains_are_as_under_table_81_1() {
    let c = default_catalog();
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
    direct(&c, "9.8(99)", "9.12(99)");
}

#[test]
fn the_exceptions_table_is_sourced_and_checked_in_order() {
    let ids: Vec<&str> = EXCEPTIONS.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        [
            "cscug88962",
            "cscuh25271",
            "migration-8.3",
            "path-table-8.3",
            "path-table-9.1-2",
            "one-way-9.24"
        ]
    );
    let confidence: Vec<&str> = EXCEPTIONS.iter().map(|e| e.confidence.as_str()).collect();
    assert_eq!(confidence, ["H", "H", "H", "M", "M", "L"]);
    for e in &EXCEPTIONS {
        assert!(e.url.starts_with("https://"), "{}: {}", e.id, e.url);
        assert!(!e.document.is_empty() && !e.basis.is_empty(), "{}", e.id);
        assert!(!e.from.is_empty() && !e.to.is_empty(), "{}", e.id);
    }
    for e in &EXCEPTIONS[..2] {
        assert!(e.url.contains("/asa92/"), "{}: the 9.2 guide", e.id);
    }
    // The first that blocks a hop is its reason: 9.1(1) → 9.1(3) is CSCug88962's.
    assert_eq!(
        exception(r("9.1(1)"), r("9.1(3)")).map(|e| e.id),
        Some(CSCUG88962)
    );
    assert_eq!(exception(r("9.8(4)"), r("9.20(3)")), None);
    assert_eq!(
        EXCEPTIONS[4].reason_for(r("8.4(2)"), r("9.1(7)")),
        "the 9.1 path table routes 8.4(2) through 9.1(2)"
    );
}

#[test]
fn rule_sets_have_ids_labels_and_bases() {
    assert_eq!(RuleSet::default(), RuleSet::Table811);
    let ids: Vec<&str> = RuleSet::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(ids, ["table-81-1", "guide-9x"]);
    assert_eq!(RuleSet::from_value(" Guide-9X "), Some(RuleSet::Guide9x));
    assert_eq!(RuleSet::from_value("table-81-1"), Some(RuleSet::Table811));
    assert_eq!(RuleSet::from_value("9x"), None);
    assert_eq!(RuleSet::Table811.other(), RuleSet::Guide9x);
    assert_eq!(RuleSet::Guide9x.other(), RuleSet::Table811);
    assert_eq!(RuleSet::Guide9x.label(), "Cisco's 9.x upgrade guidance");
    assert_eq!(
        RuleSet::Table811.label(),
        "Table 81-1 of Cisco's 8.x configuration guide"
    );
    let basis = RuleSet::Guide9x.basis();
    assert!(basis.contains("asa-upgrade/planning.html"), "{basis}");
    assert!(basis.contains("/asa92/"), "{basis}");
    assert_eq!(Rule::Direct.as_str(), "direct");
    let c = default_catalog();
    assert_eq!(
        RuleSet::Table811
            .judge(&c, r("8.2(5)"), r("8.4(7)"))
            .map_err(|e| e.to_string()),
        Err("skips minor release 8.3".to_string())
    );
    assert_eq!(
        RuleSet::Guide9x.judge(&c, r("8.2(5)"), r("8.4(7)")),
        Ok(Rule::Direct)
    );
}

/// The plan as text: `8.2(5) → 8.4(7) → 9.1(7)`, every hop checked to be `direct` and legal.
fn path(c: &Catalog, p: &Plan) -> String {
    let mut out = p
        .hops
        .first()
        .map(|h| h.from.to_string())
        .unwrap_or_default();
    for h in &p.hops {
        assert_eq!(h.rule, Rule::Direct, "{} → {}", h.from, h.to);
        assert_eq!(judge_guide(c, h.from, h.to), Ok(Rule::Direct));
        out.push_str(&format!(" → {}", h.to));
    }
    out
}

#[track_caller]
fn planned(c: &Catalog, from: &str, to: &str, via: &[&str], expected: &str) -> Plan {
    let via: Vec<Release> = via.iter().map(|s| r(s)).collect();
    let p = plan_with(RuleSet::Guide9x, c, r(from), r(to), &via);
    assert_eq!(p.verdict, Verdict::Ok, "{from} → {to}");
    assert_eq!(path(c, &p), expected, "{from} → {to}");
    p
}

#[test]
fn spec_examples() {
    let c = default_catalog();
    let p = planned(&c, "8.2(5)", "9.1(7)", &[], "8.2(5) → 8.4(7) → 9.1(7)");
    assert_eq!(p.hops[0].notes, [HopNote::ConfigMigration]);
    assert_eq!(p.hops[0].pick, Pick::Recommended);
    assert_eq!(p.hops[1].pick, Pick::Target);
    assert!(p.hops[1].notes.is_empty());
    planned(&c, "9.1(1)", "9.1(7)", &[], "9.1(1) → 9.1(2) → 9.1(7)");
    let p = planned(&c, "9.8(4)", "9.20(3)", &[], "9.8(4) → 9.20(3)");
    assert_eq!(p.direct, Ok(Rule::Direct));
    let p = plan_with(RuleSet::Guide9x, &c, r("8.4(5)"), r("9.0(2)"), &[]);
    assert_eq!(p.verdict, Verdict::NoPath);
    assert!(p.hops.is_empty());
    assert_eq!(
        p.direct.map_err(|e| e.to_string()),
        Err(
            "no zero-downtime upgrade to 9.0(2) (CSCug88962); use 8.4(5) or 9.0(3) or later"
                .to_string()
        )
    );
}

#[test]
fn stops_come_from_the_earliest_train_that_works() {
    let c = default_catalog();
    // 8.4(2) cannot go straight to 9.1(7), but the newest 8.4 release can.
    planned(&c, "8.4(2)", "9.1(7)", &[], "8.4(2) → 8.4(7) → 9.1(7)");
    planned(&c, "7.0(1)", "9.12(4)", &[], "7.0(1) → 8.4(7) → 9.12(4)");
    planned(
        &c,
        "9.1(1)4",
        "9.22(1)1",
        &[],
        "9.1(1)4 → 9.1(2) → 9.22(1)1",
    );
    // A train whose newest release does not work gives the newest that does: 9.1(2), the
    // newest below 9.1(3), on the way from 9.1(1) to 9.1(3)1.
    planned(&c, "9.1(1)", "9.1(3)1", &[], "9.1(1) → 9.1(2) → 9.1(3)1");
    // Maintenance releases before interim builds; interim builds when a train has nothing else.
    let c = catalog(&["8.2(1)", "8.4(5)", "8.4(5)9", "8.4(6)", "9.0(1)", "9.2(1)"]);
    planned(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5) → 9.2(1)");
    let c = catalog(&["8.2(1)", "8.4(4)", "8.4(5)3", "8.4(5)9", "8.4(6)", "9.2(1)"]);
    planned(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5)9 → 9.2(1)");
    // Never a withdrawn release.
    let mut entries: Vec<Entry> = ["8.2(1)", "8.4(5)", "8.4(7)", "9.2(1)"]
        .iter()
        .map(|s| Entry::listed(r(s), "test"))
        .collect();
    entries[2].withdrawn = true;
    let c = Catalog::from_entries(entries);
    planned(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5) → 9.2(1)");
}

#[test]
fn three_hops_and_no_path() {
    let c = catalog(&[
        "8.2(5)", "8.4(7)", "9.1(1)", "9.22(1)1", "9.24(1)", "9.25(1)",
    ]);
    planned(
        &c,
        "8.2(5)",
        "9.25(1)",
        &[],
        "8.2(5) → 8.4(7) → 9.24(1) → 9.25(1)",
    );
    // Without 8.4 nothing takes 8.2 to 9.x.
    let c = catalog(&["8.2(5)", "8.3(2)", "9.0(4)", "9.1(7)"]);
    let p = plan_with(RuleSet::Guide9x, &c, r("8.2(5)"), r("9.1(7)"), &[]);
    assert_eq!(p.verdict, Verdict::NoPath);
    // A train switched off is no path, as under Table 81-1.
    let p = plan_with(
        RuleSet::Guide9x,
        &default_catalog(),
        r("8.5(1)"),
        r("9.1(7)"),
        &[],
    );
    assert_eq!(p.verdict, Verdict::NoPath);
    assert_eq!(p.direct, Err(Block::UnknownTrain(t("8.5"))));
}

#[test]
fn same_and_downgrade_verdicts() {
    let c = default_catalog();
    let same = plan_with(RuleSet::Guide9x, &c, r("9.8(4)"), r("9.8.4"), &[]);
    assert_eq!(
        (same.verdict, same.direct),
        (Verdict::Same, Err(Block::Same))
    );
    let down = plan_with(RuleSet::Guide9x, &c, r("9.8(4)"), r("9.1(7)"), &[]);
    assert_eq!(
        (down.verdict, down.direct),
        (Verdict::Downgrade, Err(Block::Downgrade))
    );
}

#[test]
fn via_is_the_only_stop_of_its_train() {
    let c = default_catalog();
    // Landing on 8.4(1) costs a hop: 8.4(1) cannot go straight to 9.1(7).
    let p = planned(
        &c,
        "8.2(5)",
        "9.1(7)",
        &["8.4(1)"],
        "8.2(5) → 8.4(1) → 9.0(4) → 9.1(7)",
    );
    assert_eq!(p.hops[0].pick, Pick::Override);
    assert_eq!(p.hops[1].pick, Pick::Recommended);
    assert!(p.unused_via.is_empty());
    let p = planned(
        &c,
        "8.2(5)",
        "9.1(7)",
        &["8.4(5)"],
        "8.2(5) → 8.4(5) → 9.1(7)",
    );
    assert_eq!(p.hops[0].pick, Pick::Override);
    // Withdrawn and unlisted overrides are taken and marked.
    let p = planned(&c, "9.6(2)", "9.8(4)", &["9.6(3)"], "9.6(2) → 9.8(4)");
    assert_eq!(
        p.unused_via,
        [(
            r("9.6(3)"),
            "the fewest hops under Cisco's 9.x guidance do not stop in 9.6".to_string()
        )]
    );
    let p = planned(
        &c,
        "9.1(1)",
        "9.1(7)",
        &["9.1(2)99"],
        "9.1(1) → 9.1(2)99 → 9.1(7)",
    );
    assert_eq!(p.hops[0].notes, [HopNote::NotInCatalog(r("9.1(2)99"))]);
    let p = planned(
        &c,
        "9.1(1)",
        "9.1(7)",
        &["9.1(1)", "9.0(4)", "9.1(2)", "9.1(2)8"],
        "9.1(1) → 9.1(2) → 9.1(7)",
    );
    assert_eq!(p.hops[0].pick, Pick::Override);
    let unused: Vec<String> = p
        .unused_via
        .iter()
        .map(|(r, why)| format!("{r}: {why}"))
        .collect();
    assert_eq!(
        unused,
        [
            "9.1(2)8: 9.1(2) is already the pick for 9.1",
            "9.1(1): 9.1(1) is not between 9.1(1) and 9.1(7)",
            "9.0(4): 9.0(4) is not between 9.1(1) and 9.1(7)",
        ]
    );
}

#[test]
fn plan_still_follows_table_81_1() {
    let c = default_catalog();
    let a = plan(&c, r("8.2(5)"), r("9.1(7)"), &[]);
    let b = plan_with(RuleSet::Table811, &c, r("8.2(5)"), r("9.1(7)"), &[]);
    assert_eq!(a, b);
    assert_eq!(a.hops.len(), 4);
}

fn session(fragment: &str) -> asa_planner::domain::session::Session {
    analyse(&fragment.parse::<PlanQuery>().expect("fragment"))
}

#[test]
fn the_session_follows_the_chosen_rule_set_and_gives_the_others_answer() {
    let s = session("from=8.2(5)&to=9.1(7)&rules=guide-9x");
    assert_eq!(s.rules, RuleSet::Guide9x);
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(s.hops().len(), 2);
    let other = s.other.expect("the other answer");
    assert_eq!(
        (other.rules, other.verdict, other.hops, other.why),
        (RuleSet::Table811, Verdict::Ok, 4, None)
    );
    let shown: Vec<String> = other.path.iter().map(Release::to_string).collect();
    assert_eq!(shown, ["8.2(5)", "8.3(2)", "8.4(7)", "9.0(4)", "9.1(7)"]);

    let s = session("from=8.2(5)&to=9.1(7)");
    assert_eq!((s.rules, s.hops().len()), (RuleSet::Table811, 4));
    let other = s.other.expect("the other answer");
    assert_eq!((other.rules, other.hops), (RuleSet::Guide9x, 2));

    let s = session("from=8.4(5)&to=9.0(2)&rules=guide-9x");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert_eq!(
        s.other,
        Some(OtherAnswer {
            rules: RuleSet::Table811,
            verdict: Verdict::Ok,
            hops: 1,
            path: vec![r("8.4(5)"), r("9.0(2)")],
            why: None,
        })
    );
    let s = session("from=8.4(5)&to=9.0(2)");
    let other = s.other.expect("the other answer");
    assert_eq!((other.verdict, other.hops), (Verdict::NoPath, 0));
    assert!(other.path.is_empty());
    assert_eq!(
        other.why.as_deref(),
        Some("no zero-downtime upgrade to 9.0(2) (CSCug88962); use 8.4(5) or 9.0(3) or later")
    );
    // No answer without both releases.
    assert_eq!(session("from=8.2(5)&rules=guide-9x").other, None);
}
