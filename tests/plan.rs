//! Plans (SPEC §4) and the session built on them: table tests for the seed's and the issue's
//! examples, messages and notes asserted verbatim.

mod util;

use asa_planner::domain::catalog::{Catalog, Entry};
use asa_planner::domain::plan::{plan, plan_with, HopNote, Pick, Plan, Unused, Verdict};
use asa_planner::domain::presets;

use asa_planner::domain::fleet::json::pair_document;
use asa_planner::domain::fleet::PairPlan;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::rules::{judge, judge_guide, Block, Rule, RuleSet};
use asa_planner::domain::runbook::Unit;
use asa_planner::domain::session::{
    analyse, FieldProblem, Hint, Mark, Message, Note, Origin, OtherAnswer, Problem, Session,
    UnitStart,
};
use util::{catalog, default_catalog, r, session, t};

/// The plan as text: `8.2(5) →minor 8.3(2) →major …`.
fn path(p: &Plan) -> String {
    let mut out = p
        .hops
        .first()
        .map(|h| h.from.to_string())
        .unwrap_or_default();
    for h in &p.hops {
        out.push_str(&format!(" →{} {}", h.rule.as_str(), h.to));
    }
    out
}

#[track_caller]
fn planned(c: &Catalog, from: &str, to: &str, via: &[&str], expected: &str) -> Plan {
    let via: Vec<Release> = via.iter().map(|s| r(s)).collect();
    let p = plan(c, r(from), r(to), &via);
    assert_eq!(p.verdict, Verdict::Ok, "{from} → {to}");
    assert_eq!(path(&p), expected, "{from} → {to}");
    for h in &p.hops {
        assert_eq!(
            judge(c, h.from, h.to),
            Ok(h.rule),
            "hop {} → {}",
            h.from,
            h.to
        );
    }
    p
}

#[track_caller]
fn verdict(c: &Catalog, from: &str, to: &str, expected: Verdict) {
    let p = plan(c, r(from), r(to), &[]);
    assert_eq!(p.verdict, expected, "{from} → {to}");
    assert!(p.hops.is_empty(), "{from} → {to} has hops");
}

#[test]
fn issue_examples_on_the_default_preset() {
    let c = default_catalog();
    let p = planned(
        &c,
        "8.2(5)",
        "9.1(7)",
        &[],
        "8.2(5) →minor 8.3(2) →minor 8.4(7) →major 9.0(4) →minor 9.1(7)",
    );
    assert!(p.hops.iter().all(|h| h.notes.is_empty()));
    let picks: Vec<Pick> = p.hops.iter().map(|h| h.pick).collect();
    assert_eq!(
        picks,
        [
            Pick::Recommended,
            Pick::Recommended,
            Pick::Recommended,
            Pick::Target
        ]
    );
    assert_eq!(
        p.direct.map_err(|b| b.to_string()),
        Err("8.2 is not the last minor release of 8.x (8.4 is)".to_string())
    );

    let p = planned(&c, "7.0(1)", "7.0(4)", &[], "7.0(1) →maintenance 7.0(4)");
    assert_eq!(p.direct, Ok(Rule::Maintenance));
    planned(
        &c,
        "7.0(1)",
        "7.2(1)",
        &[],
        "7.0(1) →minor 7.1(2) →minor 7.2(1)",
    );
    planned(&c, "8.4(7)", "9.0(4)", &[], "8.4(7) →major 9.0(4)");
}

#[test]
fn intermediates_skip_withdrawn_and_fall_back_to_interim_builds() {
    let c = default_catalog();
    // 9.6(3) and 9.7(1) are withdrawn; 9.9 has only interim builds in the data.
    let p = planned(
        &c,
        "9.5(3)",
        "9.10(1)",
        &[],
        "9.5(3) →minor 9.6(2) →minor 9.7(1)29 →minor 9.8(4) →minor 9.9(2)85 →minor 9.10(1)",
    );
    assert!(p.hops.iter().all(|h| h.notes.is_empty()));
    planned(
        &c,
        "9.14(4)",
        "9.16(4)",
        &[],
        "9.14(4) →minor 9.15(1)21 →minor 9.16(4)",
    );
    planned(
        &c,
        "9.20(3)",
        "9.23(1)",
        &[],
        "9.20(3) →minor 9.22(2)14 →minor 9.23(1)",
    );
}

#[test]
fn overrides_are_used_and_marked() {
    let c = default_catalog();
    let p = planned(
        &c,
        "9.5(3)",
        "9.8(4)",
        &["9.7(1)", "9.6(3)", "9.6(2)"],
        "9.5(3) →minor 9.6(3) →minor 9.7(1) →minor 9.8(4)",
    );
    assert_eq!(p.hops[0].pick, Pick::Override);
    assert_eq!(p.hops[0].notes, [HopNote::Withdrawn(r("9.6(3)"))]);
    assert_eq!(p.hops[1].notes, [HopNote::Withdrawn(r("9.7(1)"))]);
    let unused: Vec<String> = p
        .unused_via
        .iter()
        .map(|(r, why)| format!("{r}: {why}"))
        .collect();
    assert_eq!(unused, ["9.6(2): 9.6(3) is already the pick for 9.6"]);

    let p = planned(
        &c,
        "9.1(7)",
        "9.3(5)",
        &["9.2(9)", "9.1(1)", "9.4(1)", "9.3(1)"],
        "9.1(7) →minor 9.2(9) →minor 9.3(5)",
    );
    assert_eq!(p.hops[0].notes, [HopNote::NotInCatalog(r("9.2(9)"))]);
    let unused: Vec<String> = p
        .unused_via
        .iter()
        .map(|(r, why)| format!("{r}: {why}"))
        .collect();
    assert_eq!(
        unused,
        [
            "9.1(1): 9.1 is where the plan starts or ends, not a step between",
            "9.4(1): 9.4 is not a step on the way from 9.1 to 9.3",
            "9.3(1): 9.3 is where the plan starts or ends, not a step between",
        ]
    );
}

#[test]
fn releases_not_listed_plan_as_if_listed() {
    let c = default_catalog();
    let p = planned(
        &c,
        "9.8(4)99",
        "9.12(4)99",
        &[],
        "9.8(4)99 →minor 9.9(2)85 →minor 9.10(1) →minor 9.12(4)99",
    );
    assert_eq!(p.hops[2].notes, [HopNote::NotInCatalog(r("9.12(4)99"))]);
    let p = planned(&c, "9.6(1)", "9.6(3)", &[], "9.6(1) →maintenance 9.6(3)");
    assert_eq!(p.hops[0].notes, [HopNote::Withdrawn(r("9.6(3)"))]);
}

#[test]
fn a_hop_crossing_into_8_3_carries_the_8_3_migration_even_when_it_lands_on_8_4() {
    let mut q = query("8.2(1)", "8.4(1)");
    q.releases = Some(vec!["8.2(1)".into(), "8.4(1)".into(), "9.0(1)".into()]);
    let s = analyse(&q);
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("8.2(1) →minor 8.4(1)")
    );
    let on: Vec<String> = s.hop_facts[0]
        .caveats
        .iter()
        .map(|c| c.release.to_string())
        .collect();
    assert_eq!(on, ["8.3(1)", "8.4(1)"]);
    q.from = "8.4(1)".into();
    q.to = "9.0(1)".into();
    let s = analyse(&q);
    let on: Vec<String> = s.hop_facts[0]
        .caveats
        .iter()
        .map(|c| c.release.to_string())
        .collect();
    assert_eq!(on, ["9.0(1)"]);
}

#[test]
fn verdicts_without_hops() {
    let c = default_catalog();
    verdict(&c, "9.8(4)", "9.8(4)", Verdict::Same);
    verdict(&c, "9.8(4)", "9.8(3)30", Verdict::Downgrade);
    verdict(&c, "9.8(4)", "9.1(7)", Verdict::Downgrade);
    verdict(&c, "8.4(7)", "8.5(1)", Verdict::NoPath);
    verdict(&c, "8.5(1)", "9.0(1)", Verdict::NoPath);
    // A train whose only release is withdrawn cannot be recommended: no path without a via.
    let mut entries: Vec<Entry> = ["9.6(1)", "9.7(1)", "9.8(1)"]
        .iter()
        .map(|s| Entry::listed(r(s)))
        .collect();
    entries[1].withdrawn = true;
    let c = Catalog::from_entries(entries);
    verdict(&c, "9.6(1)", "9.8(1)", Verdict::NoPath);
    planned(
        &c,
        "9.6(1)",
        "9.8(1)",
        &["9.7(1)"],
        "9.6(1) →minor 9.7(1) →minor 9.8(1)",
    );
}

#[test]
fn a_ten_thousand_release_catalog_plans_without_recursion() {
    // 10 majors × 100 minors × 10 releases, every other minor missing from major 5 on.
    let mut entries = Vec::new();
    for major in 1..=10u16 {
        for minor in 0..100u16 {
            if major >= 5 && minor % 2 == 1 {
                continue;
            }
            for m in 1..=10u16 {
                entries.push(Entry::listed(Release::new(major, minor, m, None)));
            }
        }
    }
    let c = Catalog::from_entries(entries);
    let trains = c.trains().len();
    let (first, last) = (
        c.entries()[0].release,
        c.entries()[c.entries().len() - 1].release,
    );
    let p = plan(&c, first, last, &[]);
    assert_eq!(p.verdict, Verdict::Ok);
    assert_eq!(p.hops.len(), trains - 1);
    assert!(p.hops.windows(2).all(|w| w[0].to == w[1].from));
    assert_eq!(p.hops.iter().filter(|h| h.rule == Rule::Major).count(), 9);
}

// ---- session ----

/// A query under Table 81-1: these session tests are about that rule set's plans (named
/// explicitly since the default became the guidance by release era, SPEC §3).
fn query(from: &str, to: &str) -> PlanQuery {
    PlanQuery {
        from: from.to_string(),
        to: to.to_string(),
        rules: RuleSet::Table811,
        ..PlanQuery::default()
    }
}

fn messages(s: &Session) -> Vec<(Origin, &str)> {
    s.messages
        .iter()
        .map(
            |Message {
                 origin,
                 problem,
                 text,
             }| {
                assert_eq!(
                    *text,
                    problem.to_string(),
                    "a message's text is its problem worded"
                );
                (*origin, text.as_str())
            },
        )
        .collect()
}

#[track_caller]
fn field_error(s: &Session, which: Origin, expected: &str) {
    let field = match which {
        Origin::From => &s.from,
        Origin::To => &s.to,
        _ => s.from2.as_ref().unwrap_or_else(|| panic!("no second unit")),
    };
    assert_eq!(
        field.error.as_deref(),
        Some(expected),
        "error of {:?}",
        field.text
    );
    assert_eq!(
        field.problem.as_ref().map(ToString::to_string).as_deref(),
        Some(expected),
        "the error is the field's problem worded"
    );
    assert_eq!(field.release, None);
    // A blank field is a hint (the page is not filled in yet); anything typed wrong is invalid.
    let expected = if field.text.trim().is_empty() {
        Verdict::Empty
    } else {
        Verdict::Invalid
    };
    assert_eq!(s.verdict, expected);
    assert!(s.plan.is_none());
}

#[test]
fn session_plans_the_issue_example() {
    let s = analyse(&query("8.2(5)", "9.1.7"));
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(s.to.release, Some(r("9.1(7)")));
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("8.2(5) →minor 8.3(2) →minor 8.4(7) →major 9.0(4) →minor 9.1(7)")
    );
    assert_eq!(
        s.notes,
        [
            Note::NearZeroDowntime,
            Note::MixedVersions,
            Note::RuleSource(RuleSet::Table811)
        ]
    );
    assert!(s.messages.is_empty());
    assert!(!s.custom);
    let off: Vec<String> = s
        .trains
        .iter()
        .filter(|ts| !ts.enabled)
        .map(|ts| ts.train.to_string())
        .collect();
    assert_eq!(off, ["8.1", "8.5", "8.6", "8.7"]);
    assert!(s
        .trains
        .iter()
        .all(|ts| ts.enabled == ts.excluded_by_preset.is_none()));
}

/// The session's problems are facts (the train, its nearest trains, the preset ids): the
/// sentences above are their wording in `view::words`.
#[test]
fn session_problems_are_typed() {
    let t = |major, minor| Train { major, minor };
    let s = analyse(&query("9.11(1)", ""));
    assert_eq!(
        s.from.problem,
        Some(FieldProblem::NoTrain {
            train: t(9, 11),
            nearest: vec![t(9, 10), t(9, 12)],
        })
    );
    assert_eq!(s.to.problem, Some(FieldProblem::Blank(Hint::Target)));
    assert!(matches!(
        analyse(&query("9.8(4)", "9.2")).to.problem,
        Some(FieldProblem::Unread(_))
    ));
    assert_eq!(analyse(&query("9.8(4)", "9.12(4)")).from.problem, None);

    let mut q = query("9.1(7)", "9.4(4)");
    q.preset = Some("asa9999".to_string());
    q.trains = Some(vec![t(9, 1), t(9, 4), t(9, 11)]);
    let problems: Vec<(Origin, Problem)> = analyse(&q)
        .messages
        .into_iter()
        .map(|m| (m.origin, m.problem))
        .collect();
    assert_eq!(
        problems[..2],
        [
            (
                Origin::Preset,
                Problem::UnknownPreset {
                    id: "asa9999".to_string(),
                    known: presets::PRESETS.iter().map(|p| p.id).collect(),
                    using: presets::default_preset().id,
                }
            ),
            (Origin::Trains, Problem::UnknownTrains(vec![t(9, 11)])),
        ]
    );
}

#[test]
fn session_field_errors() {
    field_error(
        &analyse(&query("", "9.1(7)")),
        Origin::From,
        "enter the current release, e.g. 9.8(4)",
    );
    field_error(
        &analyse(&query("9.1(7)", " ")),
        Origin::To,
        "enter the target release, e.g. 9.12(4)",
    );
    field_error(
        &analyse(&query("9.11(1)", "9.12(1)")),
        Origin::From,
        "no train 9.11 in the catalog (nearest: 9.10, 9.12)",
    );
    field_error(
        &analyse(&query("9.8(4)", "9.2")),
        Origin::To,
        "9.2 is a train, not a release: add the maintenance number at position 4, e.g. 9.2(1)",
    );
    let mut q = query("9.8(4)", "9.12(4)");
    q.from2 = Some("banana".to_string());
    field_error(
        &analyse(&q),
        Origin::From2,
        "unexpected character 'b' at position 1 in the major number",
    );
    // A blank second unit is simply absent.
    q.from2 = Some(String::new());
    assert_eq!(analyse(&q).verdict, Verdict::Ok);
}

#[test]
fn session_marks_fields() {
    let s = analyse(&query("9.6(3)", "9.8(4)99"));
    assert_eq!(s.from.marks, [Mark::Withdrawn]);
    assert_eq!(s.to.marks, [Mark::NotInCatalog]);
    assert_eq!(s.verdict, Verdict::Ok);
}

#[test]
fn session_no_path_says_how_to_switch_the_train_on() {
    let s = analyse(&query("8.5(1)", "9.0(4)"));
    assert_eq!(s.verdict, Verdict::NoPath);
    assert_eq!(
        messages(&s),
        [(
            Origin::Preset,
            "train 8.5 is left out by the preset asa5500: 8.5 runs on the ASA Services Module only \
             (Cisco ASA license roadmap). Switch 8.5 on under trains, or choose a preset that has \
             it (asasm, all)"
        )]
    );
    let mut q = query("8.5(1)", "9.0(4)");
    q.preset = Some("asasm".to_string());
    let s = analyse(&q);
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("8.5(1) →major 9.0(4)")
    );

    let mut q = query("9.1(7)", "9.3(5)");
    q.trains = Some(vec![t("9.1"), t("9.2"), t("9.11")]);
    let s = analyse(&q);
    assert_eq!(s.verdict, Verdict::NoPath);
    assert_eq!(
        messages(&s),
        [
            (Origin::Trains, "train 9.11 not in the catalog: ignored"),
            (
                Origin::Trains,
                "train 9.3 is switched off: switch it on to plan through it"
            ),
        ]
    );
}

#[test]
fn session_reports_bad_presets_and_via() {
    let mut q = query("9.1(7)", "9.4(4)");
    q.preset = Some("asa9999".to_string());
    q.via = vec![
        "9.2(x)".to_string(),
        "9.11(1)".to_string(),
        "9.3(2)".to_string(),
        "9.8(1)".to_string(),
    ];
    let s = analyse(&q);
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(
        messages(&s),
        [
            (Origin::Preset, "unknown preset \"asa9999\": use one of asa5500, asa5580, asasm, asa5500x, all; using asa5500"),
            (Origin::Via, "via \"9.2(x)\" is not used: unexpected character 'x' at position 5 in the maintenance number"),
            (Origin::Via, "via \"9.11(1)\" is not used: no train 9.11 in the catalog (nearest: 9.10, 9.12)"),
            (Origin::Via, "via 9.8(1) is not used: 9.8 is not a step on the way from 9.1 to 9.4"),
        ]
    );
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("9.1(7) →minor 9.2(4) →minor 9.3(2) →minor 9.4(4)")
    );
}

#[test]
fn session_custom_lists_are_not_filtered_by_presets() {
    let mut q = query("8.4(7)", "9.0(1)");
    q.releases = Some(vec![
        "8.4(7)".into(),
        "8.5(1)".into(),
        "9.0(1)".into(),
        "bad".into(),
    ]);
    let s = analyse(&q);
    assert!(s.custom);
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("8.4(7) →minor 8.5(1) →major 9.0(1)")
    );
    assert_eq!(s.list_errors.len(), 1);
    assert_eq!(
        (s.list_errors[0].index, s.list_errors[0].text.as_str()),
        (4, "bad")
    );
    assert!(s
        .trains
        .iter()
        .all(|ts| ts.enabled && ts.excluded_by_preset.is_none()));

    q.releases = Some(vec!["nonsense".into()]);
    let s = analyse(&q);
    assert_eq!(s.from.error.as_deref(), Some("no train 8.4 in the catalog"));
    assert_eq!(
        messages(&s),
        [(
            Origin::Releases,
            "the custom release list has no release that reads: enter releases such as 9.8(4), \
             9.12(4), or clear the list to use the built-in catalog"
        )]
    );
}

#[test]
fn session_mismatched_pair_plans_from_the_older_unit() {
    let mut q = query("9.1(7)", "9.3(5)");
    q.from2 = Some("9.0(4)".to_string());
    let s = analyse(&q);
    assert_eq!(s.start, Some(r("9.0(4)")));
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("9.0(4) →minor 9.1(7) →minor 9.2(4) →minor 9.3(5)")
    );
    assert_eq!(
        s.notes[..2],
        [
            Note::Parity {
                older: r("9.0(4)"),
                newer: r("9.1(7)"),
                same_train: false
            },
            Note::NewerUnit {
                unit: Unit::Primary,
                on: r("9.1(7)"),
                joins: Some(2)
            },
        ]
    );
}

/// Every unit a hop reloads may make that hop from the release it starts on, under the rule set
/// in force (SPEC §4: the newer unit of a mismatched pair joins the first hop that lands past
/// its release, from its own release).
#[track_caller]
fn every_unit_hops_legally(s: &Session) {
    for (hop, facts) in s.hops().iter().zip(&s.hop_facts) {
        for unit in &facts.reloads {
            assert!(
                s.rules.judge(&s.catalog, unit.from, hop.to).is_ok(),
                "{:?}: the {} goes {} → {}",
                s.rules,
                unit.unit.label(),
                unit.from,
                hop.to
            );
        }
    }
}

#[test]
fn a_mismatched_pair_plans_only_hops_the_newer_unit_can_join() {
    // From 9.1(1) no hop to 9.1(2) or later is zero-downtime (SPEC §3.2 exception 2): the
    // pair has no path, and the verdict names the unit and the exception's reason.
    let s = util::session("from=8.4(7)&from2=9.1(1)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert!(s.hops().is_empty());
    let said = asa_planner::view::words::verdict(&s);
    assert!(
        said.starts_with(
            "No zero-downtime path from 8.4(7) to 9.1(7) that the secondary unit, on 9.1(1), \
             can join: from 9.1(1) Cisco gives no zero-downtime path to 9.1(2) or later \
             (CSCuh25271"
        ),
        "{said}"
    );
    assert_eq!(
        s.unjoinable.as_ref().map(|u| (u.unit, u.from, u.to)),
        Some((Unit::Secondary, r("9.1(1)"), r("9.1(7)")))
    );
    // Cisco's note on the exception, as for one unit; its outage way is a pair's on 9.1(1)
    // (both units reloaded at once to 9.1(2)), not offered to a pair whose other unit runs
    // 8.4(7).
    assert!(s
        .notes
        .iter()
        .any(|n| matches!(n, Note::Exception(e) if e.id == "cscuh25271")));
    let outage = |s: &Session| s.notes.iter().any(|n| matches!(n, Note::OutagePlan { .. }));
    assert!(!outage(&s));
    assert!(outage(&util::session(
        "from=9.1(1)&from2=9.1(1)4&to=9.1(7)"
    )));
    assert!(outage(&util::session("from=9.1(1)&from2=9.1(2)&to=9.2(4)")));
    // Never taking a unit back: the other unit already runs past 9.1(2).
    assert!(!outage(&util::session(
        "from=9.1(1)&from2=9.1(4)&to=9.1(7)"
    )));
    // A newer unit on a train switched off joins nothing: said of that unit and its train.
    let s = util::session("from=8.4(7)&from2=8.5(1)&to=9.0(4)");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert!(asa_planner::view::words::verdict(&s)
        .contains("that the secondary unit, on 8.5(1), can join: train 8.5 is not in the active"));
    assert!(s.messages.iter().any(|m| matches!(
        m.problem,
        Problem::EndTrainExcluded { train, .. } if train == t("8.5")
    )));
    // Whichever unit runs it.
    let s = util::session("from=9.1(1)&from2=8.4(7)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert!(asa_planner::view::words::verdict(&s)
        .contains("that the primary unit, on 9.1(1), can join"));
    // 9.0(1) may not go straight to 9.1(3) or later (exception 4), but a chain both units can
    // take exists: the 9.0(1) unit joins the first hop with a maintenance hop to 9.0(4).
    let s = util::session("from=8.4(7)&from2=9.0(1)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(
        s.plan.as_ref().map(path).as_deref(),
        Some("8.4(7) →direct 9.0(4) →direct 9.1(7)")
    );
    assert_eq!(
        s.hop_facts[0].reloads,
        [
            UnitStart {
                unit: Unit::Primary,
                from: r("8.4(7)")
            },
            UnitStart {
                unit: Unit::Secondary,
                from: r("9.0(1)")
            }
        ]
    );
    every_unit_hops_legally(&s);
    assert!(
        asa_planner::view::words::verdict(&s)
            .starts_with("Zero-downtime upgrade from 8.4(7) to 9.1(7) in 2 hops."),
        "{}",
        asa_planner::view::words::verdict(&s)
    );
    // The JSON says the same: no `ok` with a warning beside it.
    let q = util::query("from=8.4(7)&from2=9.1(1)&to=9.1(7)");
    let pair = PairPlan::new(&q, &analyse(&q), "asa5500");
    let json = pair_document(&pair);
    assert!(json.contains("\"verdict\":\"no-path\""), "{json}");
    assert!(
        json.contains("{\"kind\":\"no-path\",\"reason\":\"from 9.1(1) Cisco gives no"),
        "{json}"
    );
    assert!(!json.contains("join-blocked"), "{json}");
}

#[test]
fn under_table_81_1_the_newer_units_own_hop_keeps_its_caveats() {
    // Table 81-1 allows 9.1(1) → 9.1(7), but Cisco later said it is not zero-downtime (SPEC
    // §3.3): the hop the 9.1(1) unit joins carries that caveat, so the plan never reads as a
    // plain zero-downtime upgrade.
    let s = util::session("from=8.4(7)&from2=9.1(1)&to=9.1(7)&rules=table-81-1");
    assert_eq!(s.verdict, Verdict::Ok);
    every_unit_hops_legally(&s);
    let ids: Vec<&str> = s.hop_facts[1].caveats.iter().map(|c| c.id).collect();
    assert!(ids.contains(&"cscuh25271"), "{ids:?}");
    let said = asa_planner::view::words::verdict(&s);
    assert!(
        said.starts_with(
            "Legal by Table 81-1 from 8.4(7) to 9.1(7) in 2 hops, but Cisco later said"
        ),
        "{said}"
    );
    // The guidance's answer beside it is the pair's, not the older unit's alone.
    assert!(
        said.contains("Under Cisco's guidance by release era: no zero-downtime path (from 9.1(1)"),
        "{said}"
    );
}

#[test]
fn every_unit_of_a_planned_mismatched_pair_hops_legally() {
    let builtin = Catalog::builtin();
    let releases: Vec<Release> = builtin
        .entries()
        .iter()
        .filter(|e| !e.withdrawn && !e.pre_release && e.release.train() >= t("8.2"))
        .filter(|e| e.release.train() <= t("9.2"))
        .map(|e| e.release)
        .step_by(5)
        .collect();
    for rules in RuleSet::ALL {
        for (i, &a) in releases.iter().enumerate() {
            for (j, &b) in releases.iter().enumerate().skip(i + 1).step_by(2) {
                for &to in releases[j + 1..].iter().step_by(3) {
                    let s = analyse(&PlanQuery {
                        from: a.to_string(),
                        from2: Some(b.to_string()),
                        to: to.to_string(),
                        rules,
                        ..PlanQuery::default()
                    });
                    every_unit_hops_legally(&s);
                }
            }
        }
    }
}

#[test]
fn session_notes_the_one_way_release_as_a_caveat_of_the_hop() {
    let s = analyse(&query("9.23(1)", "9.24(1)"));
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(s.hop_facts[0].caveats[0].release, r("9.24(1)"));
    let s = analyse(&query("9.22(1)1", "9.23(1)"));
    assert!(s.hop_facts[0].caveats.iter().all(|c| c.release.minor != 24));
}

#[test]
fn session_same_and_downgrade() {
    let s = analyse(&query("9.8(4)", "9.8.4"));
    assert_eq!(s.verdict, Verdict::Same);
    let s = analyse(&query("9.8(4)", "9.1(7)"));
    assert_eq!(s.verdict, Verdict::Downgrade);
    assert_eq!(
        s.plan.map(|p| p.direct.map_err(|b| b.to_string())),
        Some(Err(
            "downgrade: there is no zero-downtime path to an earlier release".to_string()
        ))
    );
}

#[test]
fn session_survives_hostile_input() {
    let big = "9".repeat(1 << 20);
    let mut q = query(&big, "\0😀");
    q.from2 = Some("8.4(7".to_string());
    q.preset = Some(big.clone());
    q.via = vec![big.clone(), "".to_string()];
    q.trains = Some(vec![t("0.0"), t("65535.65535")]);
    q.releases = Some(vec![big.clone(), "9.1(1)".to_string()]);
    let s = analyse(&q);
    assert_eq!(s.verdict, Verdict::Invalid);
    assert_eq!(
        s.from.error.as_deref(),
        Some("the major number at position 1 is too large (at most 65535)")
    );
    assert!(s.messages.iter().all(|m| m.text.len() < 300));
}

#[test]
fn the_graph_draws_every_train_and_what_the_plan_touches() {
    let s = analyse(&query("8.4(7.30)", "9.9(2)85"));
    let hidden = s.drawn_releases(false);
    let shown = s.drawn_releases(true);
    assert!(
        hidden.windows(2).all(|w| w[0] < w[1]),
        "ascending, no duplicates"
    );
    // Interim builds are hidden, except the ones typed and the newest of an interim-only train.
    assert!(hidden.contains(&r("8.4(7)30")), "typed");
    assert!(
        hidden.contains(&r("9.9(2)85")),
        "9.9 has only interim builds"
    );
    assert!(!hidden.contains(&r("8.4(7)31")));
    assert!(shown.contains(&r("8.4(7)31")));
    // No train of the active catalog disappears.
    let trains: Vec<Train> = hidden.iter().map(|x| x.train()).collect();
    assert!(s.catalog.trains().iter().all(|t| trains.contains(t)));
    assert_eq!(
        shown.len(),
        s.catalog.entries().len(),
        "with interim builds: all of them"
    );
}

// Plans under Cisco's 9.x guidance (SPEC §3.2) and the session's other answer.

/// A plan under Cisco's guidance by release era, its path as [`path`] writes it (the rule
/// names dropped), every hop checked to be legal under `judge_guide` with its rule.
#[track_caller]
fn planned_9x(c: &Catalog, from: &str, to: &str, via: &[&str], expected: &str) -> Plan {
    let via: Vec<Release> = via.iter().map(|s| r(s)).collect();
    let p = plan_with(RuleSet::Guide9x, c, r(from), r(to), &via);
    assert_eq!(p.verdict, Verdict::Ok, "{from} → {to}");
    let plain = ["direct", "maintenance", "minor", "major"]
        .iter()
        .fold(path(&p), |text, rule| {
            text.replace(&format!(" →{rule} "), " → ")
        });
    assert_eq!(plain, expected, "{from} → {to}");
    for h in &p.hops {
        assert_eq!(
            judge_guide(c, h.from, h.to),
            Ok(h.rule),
            "{} → {}",
            h.from,
            h.to
        );
    }
    // Hops landing on 9.x are direct; below 9.0 they keep Table 81-1's rule.
    for h in &p.hops {
        assert_eq!(
            h.rule == Rule::Direct,
            h.to.major >= 9,
            "{} → {}",
            h.from,
            h.to
        );
    }
    p
}

/// No zero-downtime plan under the guidance by release era.
#[track_caller]
fn no_path_9x(c: &Catalog, from: &str, to: &str) -> Plan {
    let p = plan_with(RuleSet::Guide9x, c, r(from), r(to), &[]);
    assert_eq!(p.verdict, Verdict::NoPath, "{from} → {to}: {}", path(&p));
    assert!(p.hops.is_empty());
    p
}

#[test]
fn spec_examples() {
    let c = default_catalog();
    // Issue #20 item 3: the 7.x/8.x part climbs one train at a time (Table 81-1).
    let p = planned_9x(
        &c,
        "8.2(5)",
        "9.1(7)",
        &[],
        "8.2(5) → 8.3(2) → 8.4(7) → 9.1(7)",
    );
    let rules: Vec<Rule> = p.hops.iter().map(|h| h.rule).collect();
    assert_eq!(rules, [Rule::Minor, Rule::Minor, Rule::Direct]);
    assert!(p.hops[0].notes.is_empty());
    assert_eq!(p.hops[0].pick, Pick::Recommended);
    assert_eq!(p.hops[2].pick, Pick::Target);
    assert!(p.hops[2].notes.is_empty());
    planned_9x(
        &c,
        "7.0(1)",
        "9.24(1)",
        &[],
        "7.0(1) → 7.1(2) → 7.2(5) → 8.0(5) → 8.2(5) → 8.3(2) → 8.4(7) → 9.24(1)",
    );
    planned_9x(&c, "8.4(4)", "9.1(7)", &[], "8.4(4) → 8.4(7) → 9.1(7)");
    planned_9x(
        &c,
        "7.0(1)",
        "8.4(7)",
        &[],
        "7.0(1) → 7.1(2) → 7.2(5) → 8.0(5) → 8.2(5) → 8.3(2) → 8.4(7)",
    );
    planned_9x(&c, "8.0(5)", "8.3(2)", &[], "8.0(5) → 8.2(5) → 8.3(2)");
    // Issue #20 item 2: 9.1(1) → 9.1(7) has no zero-downtime path (CSCuh25271).
    no_path_9x(&c, "9.1(1)", "9.1(7)");
    no_path_9x(&c, "9.1(1)4", "9.22(1)1");
    no_path_9x(&c, "8.4(2)", "9.1(2)");
    planned_9x(&c, "9.1(2)8", "9.1(3)", &[], "9.1(2)8 → 9.1(3)");
    let p = planned_9x(&c, "9.8(4)", "9.20(3)", &[], "9.8(4) → 9.20(3)");
    assert_eq!(p.direct, Ok(Rule::Direct));
    let p = no_path_9x(&c, "8.4(5)", "9.0(2)");
    assert_eq!(
        p.direct.map_err(|e| e.to_string()),
        Err(
            "no zero-downtime upgrade to 9.0(2) (CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the zero-downtime landings instead"
                .to_string()
        )
    );
}

#[test]
fn stops_come_from_the_earliest_train_that_works() {
    let c = default_catalog();
    // 8.4(2) cannot go straight to 9.1(7), but the newest 8.4 release can.
    planned_9x(&c, "8.4(2)", "9.1(7)", &[], "8.4(2) → 8.4(7) → 9.1(7)");
    // 9.0(1) cannot go straight to 9.1(3) or later: the newest 9.0 release can.
    planned_9x(&c, "9.0(1)", "9.1(7)", &[], "9.0(1) → 9.0(4) → 9.1(7)");
    // Maintenance releases before interim builds; interim builds when a train has nothing else.
    let c = catalog(&["8.2(1)", "8.4(5)", "8.4(5)9", "8.4(6)", "9.0(1)", "9.2(1)"]);
    planned_9x(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5) → 9.2(1)");
    let c = catalog(&["8.2(1)", "8.4(4)", "8.4(5)3", "8.4(5)9", "8.4(6)", "9.2(1)"]);
    planned_9x(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5)9 → 9.2(1)");
    // Never a withdrawn release.
    let mut entries: Vec<Entry> = ["8.2(1)", "8.4(5)", "8.4(7)", "9.2(1)"]
        .iter()
        .map(|s| Entry::listed(r(s)))
        .collect();
    entries[2].withdrawn = true;
    let c = Catalog::from_entries(entries);
    planned_9x(&c, "8.2(1)", "9.2(1)", &[], "8.2(1) → 8.4(5) → 9.2(1)");
}

#[test]
fn three_hops_and_no_path() {
    let c = catalog(&[
        "8.2(5)", "8.4(7)", "9.1(1)", "9.22(1)1", "9.24(1)", "9.25(1)",
    ]);
    planned_9x(
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
    let p = planned_9x(
        &c,
        "8.2(5)",
        "9.1(7)",
        &["8.4(1)"],
        "8.2(5) → 8.3(2) → 8.4(1) → 9.0(4) → 9.1(7)",
    );
    assert_eq!(p.hops[1].pick, Pick::Override);
    assert_eq!(p.hops[2].pick, Pick::Recommended);
    assert!(p.unused_via.is_empty());
    let p = planned_9x(
        &c,
        "8.2(5)",
        "9.1(7)",
        &["8.4(5)"],
        "8.2(5) → 8.3(2) → 8.4(5) → 9.1(7)",
    );
    assert_eq!(p.hops[1].pick, Pick::Override);
    // Withdrawn and unlisted overrides are taken and marked.
    let p = planned_9x(&c, "9.6(2)", "9.8(4)", &["9.6(3)"], "9.6(2) → 9.8(4)");
    assert_eq!(
        p.unused_via,
        [(
            r("9.6(3)"),
            Unused::NoGuideStop(Train { major: 9, minor: 6 })
        )]
    );
    assert_eq!(
        p.unused_via[0].1.to_string(),
        "the fewest hops under Cisco's 9.x guidance do not stop in 9.6"
    );
    let p = planned_9x(
        &c,
        "9.0(1)",
        "9.1(7)",
        &["9.0(3)99"],
        "9.0(1) → 9.0(3)99 → 9.1(7)",
    );
    assert_eq!(p.hops[0].notes, [HopNote::NotInCatalog(r("9.0(3)99"))]);
    let p = planned_9x(
        &c,
        "9.0(1)",
        "9.1(7)",
        &["9.0(1)", "8.4(7)", "9.0(3)", "9.0(4)"],
        "9.0(1) → 9.0(3) → 9.1(7)",
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
            "9.0(4): 9.0(3) is already the pick for 9.0",
            "9.0(1): 9.0(1) is not between 9.0(1) and 9.1(7)",
            "8.4(7): 8.4(7) is not between 9.0(1) and 9.1(7)",
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

#[test]
fn the_session_follows_the_chosen_rule_set_and_gives_the_others_answer() {
    let s = session("from=8.2(5)&to=9.1(7)&rules=guide-9x");
    assert_eq!(s.rules, RuleSet::Guide9x);
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(s.hops().len(), 3);
    let other = s.other.expect("the other answer");
    assert_eq!(
        (other.rules, other.verdict, other.hops, other.why),
        (RuleSet::Table811, Verdict::Ok, 4, None)
    );
    let shown: Vec<String> = other.path.iter().map(Release::to_string).collect();
    assert_eq!(shown, ["8.2(5)", "8.3(2)", "8.4(7)", "9.0(4)", "9.1(7)"]);

    // Issue #20 item 4: no `rules` key is the guidance by release era.
    let s = session("from=8.2(5)&to=9.1(7)");
    assert_eq!((s.rules, s.hops().len()), (RuleSet::Guide9x, 3));
    let other = s.other.expect("the other answer");
    assert_eq!((other.rules, other.hops), (RuleSet::Table811, 4));
    let s = session("from=9.8(4)&to=9.20(3)");
    assert_eq!((s.rules, s.hops().len()), (RuleSet::Guide9x, 1));
    let s = session("from=8.2(5)&to=9.1(7)&rules=table-81-1");
    assert_eq!((s.rules, s.hops().len()), (RuleSet::Table811, 4));

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
            trains_off: vec![],
            not_zero_downtime: vec![0],
            bugs: vec!["CSCug88962"],
        })
    );
    let s = session("from=8.4(5)&to=9.0(2)&rules=table-81-1");
    let other = s.other.expect("the other answer");
    assert_eq!((other.verdict, other.hops), (Verdict::NoPath, 0));
    assert!(other.path.is_empty());
    assert_eq!(
        other.why.as_deref(),
        Some(
            "no zero-downtime upgrade to 9.0(2) (CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the zero-downtime landings instead"
        )
    );
    // The rule source says what the 9.x guidance rests on and where to check.
    let s = session("from=9.8(4)&to=9.20(3)&rules=guide-9x");
    assert_eq!(s.notes.last(), Some(&Note::RuleSource(RuleSet::Guide9x)));
    let source = asa_planner::view::words::note(&Note::RuleSource(RuleSet::Guide9x));
    assert!(
        source.starts_with("Rules: Cisco's guidance by release era"),
        "{source}"
    );
    assert!(source.contains("check your start release"), "{source}");
    // No answer without both releases.
    assert_eq!(session("from=8.2(5)&rules=guide-9x").other, None);
}

#[test]
fn reusing_gives_the_same_session_and_shares_the_catalogs() {
    use asa_planner::domain::session::{analyse_reusing, Reuse};
    use std::sync::Arc;
    let mut reuse = Reuse::default();
    let mut q = query("9.1(7)", "9.3(5)");
    q.releases = Some(vec![
        "9.1(7)".into(),
        "9.2(4)".into(),
        "9.3(5)".into(),
        "x".into(),
    ]);
    let first = analyse_reusing(&q, &mut reuse);
    assert_eq!(first, analyse(&q));
    // A keystroke in a field: the list is neither parsed again nor copied.
    q.to = "9.3(".into();
    let typing = analyse_reusing(&q, &mut reuse);
    assert_eq!(typing, analyse(&q));
    assert!(Arc::ptr_eq(&first.base, &typing.base));
    // Trains switched off: filtered once, then shared while the set stays.
    let mut q = query("9.1(7)", "9.3(5)");
    q.trains = Some(vec![t("9.1"), t("9.2"), t("9.3")]);
    let a = analyse_reusing(&q, &mut reuse);
    q.to = "9.3(3)".into();
    let b = analyse_reusing(&q, &mut reuse);
    assert_eq!(b, analyse(&q));
    assert!(Arc::ptr_eq(&a.catalog, &b.catalog));
    assert_eq!(b.catalog.trains(), [t("9.1"), t("9.2"), t("9.3")]);
    // The built-in catalog is one for every session.
    assert!(Arc::ptr_eq(&analyse(&query("", "")).base, &b.base));
}
