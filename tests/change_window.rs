//! Plans a network engineer runs in a change window (issue 11, SPEC §3.3, §4, §6): each
//! finding of the issue pinned through the session and the words the page and the export share.

mod util;

use asa_planner::domain::caveats::{crossed, Applies, CAVEATS};
use asa_planner::domain::plan::{HopNote, Verdict};
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::Release;
use asa_planner::domain::runbook::{default_image, Reloads, Unit};
use asa_planner::domain::session::{analyse, HopWarning, Mark, Note, Session, UnitStart};
use asa_planner::view::export::{markdown, Extras};
use asa_planner::view::{graph_model, plan_html, words};
use util::{one, r, runbook_markup, select, session, t};

fn export(fragment: &str) -> String {
    markdown(
        &session(fragment),
        &Extras::default(),
        &format!("https://h/#{fragment}"),
    )
}

/// Every text the page and the export show for a session, joined.
fn all_words(s: &Session) -> String {
    let mut out = words::verdict(s);
    out.extend(words::direct_blocked(s));
    for note in &s.notes {
        out.push_str(&words::note(note));
    }
    for (hop, facts) in s.hops().iter().zip(&s.hop_facts) {
        out.push_str(&plan_html::hop_text(hop, Some(facts)));
    }
    out
}

#[test]
fn a_mismatched_pair_names_the_release_the_plan_starts_from_everywhere() {
    let fragment = "from=8.4(7)&from2=8.3(2)&to=9.0(4)";
    let s = session(fragment);
    assert_eq!(s.start, Some(r("8.3(2)")));
    assert_eq!(
        words::direct_blocked(&s).as_deref(),
        Some(
            "Why not in one hop: 8.3(2) → 9.0(4) directly is not zero-downtime: releases \
             before 8.4 go to 8.4 first, then 9.x (the 8.3 and 9.0 configuration migrations)."
        )
    );
    assert_eq!(
        words::verdict(&s),
        "Zero-downtime upgrade from 8.3(2) to 9.0(4) in 2 hops."
    );
    assert!(!all_words(&s).contains("8.4(7) → 9.0(4) directly"));
    // The graph's blocked edge starts at the older unit too.
    let model = graph_model::build(&s, false);
    let (a, b, _) = model
        .blocked
        .clone()
        .unwrap_or_else(|| panic!("no blocked edge"));
    assert_eq!(
        (model.layout.nodes[a].release, model.layout.nodes[b].release),
        (r("8.3(2)"), r("9.0(4)"))
    );
    let md = export(fragment);
    assert!(
        md.starts_with("# ASA upgrade plan: 8.3(2) → 9.0(4)\n"),
        "{md}"
    );
    assert!(md.contains("Why not in one hop: 8.3(2) → 9.0(4) directly"));
    assert!(!md.contains("8.4(7) → 9.0(4) directly"));
}

#[test]
fn a_unit_past_the_target_is_a_downgrade_for_that_unit_never_same() {
    let s = session("from=9.1(7)&from2=9.2(1)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::Downgrade);
    assert_eq!(
        words::verdict(&s),
        "No zero-downtime path: the secondary unit runs 9.2(1), past the target 9.1(7); taking \
         it to 9.1(7) is a downgrade, which needs an outage."
    );
    let s = session("from=9.2(1)&from2=9.0(4)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::Downgrade);
    assert!(words::verdict(&s).contains("the primary unit runs 9.2(1), past the target 9.1(7)"));
    assert!(s.hops().is_empty());
    // Both units on the target: nothing to do.
    let s = session("from=9.1(7)&from2=9.1.7&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::Same);
    assert_eq!(
        words::verdict(&s),
        "Nothing to do: both units already run 9.1(7)."
    );
}

#[test]
fn a_hop_the_newer_unit_is_already_past_reloads_one_unit_with_its_own_procedure() {
    let s = session("from=8.4(7)&from2=8.3(2)&to=9.0(4)");
    let reloads: Vec<Vec<UnitStart>> = s.hop_facts.iter().map(|f| f.reloads.clone()).collect();
    assert_eq!(
        reloads,
        [
            vec![UnitStart {
                unit: Unit::Secondary,
                from: r("8.3(2)")
            }],
            vec![
                UnitStart {
                    unit: Unit::Primary,
                    from: r("8.4(7)")
                },
                UnitStart {
                    unit: Unit::Secondary,
                    from: r("8.4(7)")
                }
            ],
        ]
    );
    assert_eq!(
        words::reloads(&s.hop_facts[0]),
        "Reloads the secondary unit (from 8.3(2)) only: the primary unit already runs 8.4(7) and \
         stays on it."
    );
    let spec = s.hop_spec(0, default_image).map(|h| h.reloads);
    assert_eq!(
        spec,
        Some(Reloads::One {
            unit: Unit::Secondary,
            stays_on: r("8.4(7)"),
            stays_image: "asa847-k8.bin".into()
        })
    );
    assert_eq!(
        s.hop_spec(1, default_image).map(|h| h.reloads),
        Some(Reloads::Both)
    );
    let md = export("from=8.4(7)&from2=8.3(2)&to=9.0(4)");
    assert!(md
        .contains("| 1 | 8.3(2) | 8.4(7) | minor | Reloads the secondary unit (from 8.3(2)) only"));
    assert!(md.contains("must be the standby"));
}

#[test]
fn the_newer_unit_joins_from_its_own_release_and_units_far_apart_are_warned() {
    let s = session("from=8.2(5)&from2=8.4(2)&to=9.0(4)");
    assert_eq!(
        s.hop_facts[1].reloads,
        [
            UnitStart {
                unit: Unit::Primary,
                from: r("8.3(2)")
            },
            UnitStart {
                unit: Unit::Secondary,
                from: r("8.4(2)")
            }
        ]
    );
    assert_eq!(
        words::reloads(&s.hop_facts[1]),
        "Reloads the primary unit (from 8.3(2)) and the secondary unit (from 8.4(2))."
    );
    assert!(s.notes.contains(&Note::FarApart { apart: 2 }));
    assert!(s.notes.contains(&Note::NewerUnit {
        unit: Unit::Secondary,
        on: r("8.4(2)"),
        joins: Some(2)
    }));
    // One legal hop apart: the mixed-version window Cisco supports, no warning.
    let s = session("from=9.1(2)&from2=9.1(7)&to=9.2(4)");
    assert!(!s.notes.iter().any(|n| matches!(n, Note::FarApart { .. })));
    // Counted between the two units' own releases, not by the plan's hops: 8.2(2) → 8.3(2)37
    // is one minor hop, though the plan lands on 8.3(2) and then needs another hop.
    let s = session("from=8.2(2)&from2=8.3(2)37&to=9.9(2)50");
    assert!(
        !s.notes.iter().any(|n| matches!(n, Note::FarApart { .. })),
        "{:?}",
        s.notes
    );
    let s = session("from=8.2(5)&from2=9.1(7)&to=9.12(4)");
    assert!(
        s.notes.contains(&Note::FarApart { apart: 3 }),
        "{:?}",
        s.notes
    );
}

/// SPEC §4: a unit past the target is a downgrade for that unit, said as such, even when the
/// other unit would have no zero-downtime path either.
#[test]
fn a_unit_past_the_target_is_a_downgrade_whatever_the_other_needs() {
    for fragment in [
        "from=8.4(4)1&from2=9.6(4)3&to=8.4(6)",
        "from=9.1(3)&from2=7.2(4)6&to=8.5(1)8",
    ] {
        let s = session(fragment);
        let plan = s.plan.as_ref().expect("a plan");
        assert_eq!(plan.verdict, Verdict::Downgrade, "{fragment}");
        assert!(s.past_target.is_some(), "{fragment}");
    }
}

#[test]
fn parity_means_the_same_release_not_only_the_same_train() {
    let s = session("from=9.1(2)&from2=9.1(7)&to=9.2(4)");
    let parity = s
        .notes
        .iter()
        .find(|n| matches!(n, Note::Parity { .. }))
        .map(words::note)
        .unwrap_or_default();
    assert!(
        parity.contains("Cisco recommends the same version on both units"),
        "{parity}"
    );
    assert!(!parity.contains("fine"), "{parity}");
}

#[test]
fn a_train_switched_off_by_hand_makes_the_hop_and_the_verdict_conditional() {
    let s = session("from=7.0(1)&to=7.2(1)&trains=7.0,7.2");
    assert_eq!(s.verdict, Verdict::Ok);
    assert_eq!(
        s.hop_facts[0].warnings,
        [HopWarning::TrainsOff(vec![t("7.1")])]
    );
    assert_eq!(
        words::verdict(&s),
        "Zero-downtime upgrade from 7.0(1) to 7.2(1) in 1 hop. It holds only if 7.1 does not \
         exist for your platform."
    );
    assert!(plan_html::hop_text(&s.hops()[0], s.hop_facts.first())
        .contains("data-warning=\"train-off\""));

    // Under the default rules (guidance by release era) 8.2 never goes straight to 9.x.
    let s = session("from=8.2(5)&to=9.1(7)&trains=8.2,9.1");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert!(words::verdict(&s).contains("releases before 8.4 go to 8.4 first"));
    let s = session("from=8.2(5)&to=9.1(7)&trains=8.2,9.1&rules=table-81-1");
    assert_eq!(s.hops().len(), 1);
    let warnings = &s.hop_facts[0].warnings;
    assert_eq!(
        warnings[0],
        HopWarning::TrainsOff(vec![t("8.3"), t("8.4"), t("9.0")])
    );
    // The default preset's own exclusions carry their source instead.
    assert!(
        matches!(&warnings[1], HopWarning::PresetLeavesOut(e) if e.iter().map(|x| x.train).eq([t("8.5"), t("8.6"), t("8.7")]))
    );
    assert!(words::verdict(&s).contains("It holds only if 8.3, 8.4 and 9.0 do not exist"));
    let md = export("from=8.2(5)&to=9.1(7)&trains=8.2,9.1&rules=table-81-1");
    assert!(
        md.contains("> **Warning:** Passes over 8.3, 8.4 and 9.0"),
        "{md}"
    );
    // A custom list that leaves out a train the built-in catalog has: the same warning.
    let s = session("from=7.0(1)&to=7.2(1)&releases=7.0(1),7.2(1)");
    assert_eq!(
        s.hop_facts[0].warnings,
        [HopWarning::TrainsOff(vec![t("7.1")])]
    );
    // The preset alone (nothing switched off by hand): no train-off warning.
    let s = session("from=8.4(7)&to=9.0(4)");
    assert!(!s.hop_facts[0]
        .warnings
        .iter()
        .any(|w| matches!(w, HopWarning::TrainsOff(_))));
}

#[test]
fn pre_release_builds_are_marked_and_never_recommended() {
    let s = session("from=8.4(0)&to=8.4(7)");
    assert_eq!(s.from.marks, [Mark::PreRelease]);
    let s = session("from=9.5(3)&to=9.6(0)");
    assert_eq!(s.to.marks, [Mark::PreRelease]);
    assert_eq!(s.hops()[0].notes, [HopNote::PreRelease(r("9.6(0)"))]);
    // In a custom list: never the recommended landing release of its train.
    let s =
        session("from=9.5(3)&to=9.7(1)4&releases=9.5(3),9.6(0),9.6(2),9.7(1)4&rules=table-81-1");
    let landings: Vec<String> = s.hops().iter().map(|h| h.to.to_string()).collect();
    assert_eq!(landings, ["9.6(2)", "9.7(1)4"]);
    let s = session("from=9.5(3)&to=9.7(1)4&releases=9.5(3),9.6(0),9.7(1)4&rules=table-81-1");
    assert_eq!(s.verdict, Verdict::NoPath);
    let s = session(
        "from=9.5(3)&to=9.7(1)4&releases=9.5(3),9.6(0),9.7(1)4&via=9.6(0)&rules=table-81-1",
    );
    assert_eq!(s.hops()[0].notes, [HopNote::PreRelease(r("9.6(0)"))]);
}

#[test]
fn caveats_belong_to_every_hop_that_crosses_their_release() {
    for caveat in CAVEATS {
        let v = caveat.release;
        let before = Release::new(v.major, v.minor.saturating_sub(1), 0, None);
        let after = Release::new(v.major, v.minor, v.maintenance, Some(1));
        match caveat.applies {
            // a < V ≤ b: the hop landing on V carries it, one from V does not.
            Applies::Crossing => {
                assert!(caveat.belongs_to(before, v), "{v}: landing on it");
                assert!(caveat.belongs_to(before, after), "{v}: crossing it");
                assert!(!caveat.belongs_to(v, after), "{v}: starting from it");
            }
            Applies::LandingOn => {
                assert!(caveat.belongs_to(before, v), "{v}");
                assert!(!caveat.belongs_to(before, after), "{v}: past it");
            }
            // The release and its interim builds, nothing past them.
            Applies::LandingOnBuilds => {
                assert!(caveat.belongs_to(before, v), "{v}");
                assert!(caveat.belongs_to(before, after), "{v}: its build");
                let next = Release::new(v.major, v.minor, v.maintenance + 1, None);
                assert!(!caveat.belongs_to(before, next), "{v}: past it");
            }
            // From the release or its builds to V or later.
            Applies::LeavingBuildsOf(from) => {
                let build = Release::new(from.major, from.minor, from.maintenance, Some(4));
                assert!(caveat.belongs_to(from, v), "{v}");
                assert!(caveat.belongs_to(build, after), "{v}: from a build");
                assert!(!caveat.belongs_to(before, v), "{v}: from elsewhere");
            }
        }
        assert!(caveat.source.url.starts_with("https://"), "{v}");
    }
    let releases: Vec<Release> = CAVEATS.iter().map(|c| c.release).collect();
    assert!(
        releases.windows(2).all(|w| w[0] <= w[1]),
        "ordered by release"
    );
}

#[test]
fn a_caveat_heavy_plan_carries_each_caveat_on_its_hop_with_commands_and_source() {
    let s = session("from=9.20(1)&to=9.23(1)");
    let on: Vec<String> = s
        .hop_facts
        .iter()
        .flat_map(|f| &f.caveats)
        .map(|c| c.release.to_string())
        .collect();
    assert_eq!(on, ["9.20(2)", "9.22(1)", "9.23(1)"]);
    let md = export("from=9.20(1)&to=9.23(1)");
    assert!(md.contains("  no ssh key-exchange hostkey eddsa"), "{md}");
    assert!(md.contains(
        "(https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade/planning.html)"
    ));
    let on: Vec<String> = crossed(r("8.2(5)"), r("9.23(1)"))
        .map(|c| c.release.to_string())
        .collect();
    assert_eq!(
        on,
        // Landing-on caveats (8.4(6), 9.0(2), 9.1(2), 9.1(3)) and 9.1(1)'s are not crossed.
        ["8.3(1)", "8.4(1)", "9.0(1)", "9.1(1)", "9.2(1)", "9.20(2)", "9.22(1)", "9.23(1)"]
    );
}

#[test]
fn landing_on_a_cscug88962_release_carries_ciscos_later_word() {
    let s = session("from=8.4(5)&to=8.4(6)&rules=table-81-1");
    let caveats: Vec<String> = s.hop_facts[0]
        .caveats
        .iter()
        .map(|c| c.release.to_string())
        .collect();
    assert_eq!(caveats, ["8.4(6)"]);
    assert!(s.hop_facts[0].caveats[0].blocking());
    // Cisco's inconsistency is shown where the exception is explained.
    assert!(s.hop_facts[0].caveats[0]
        .text
        .contains("its lead names 8.4(6), 9.0(2) and 9.1(2), its body 8.4(6), 9.0(2) and 9.1(3)"));
    // Issue #20 item 2: interim builds of the three count, 9.1(2) is one of them, 9.1(3) only
    // gets a non-blocking caveat.
    for (fragment, release) in [
        ("from=9.0(4)&to=9.1(2)&rules=table-81-1", "9.1(2)"),
        ("from=9.0(1)&to=9.0(2)10&rules=table-81-1", "9.0(2)"),
    ] {
        let s = session(fragment);
        let c = s.hop_facts[0].caveats.iter().find(|c| c.id == "cscug88962");
        assert_eq!(
            c.map(|c| c.release.to_string()).as_deref(),
            Some(release),
            "{fragment}"
        );
    }
    let s = session("from=9.1(2)8&to=9.1(3)");
    assert_eq!(s.verdict, Verdict::Ok);
    let on: Vec<(&str, bool)> = s.hop_facts[0]
        .caveats
        .iter()
        .map(|c| (c.id, c.blocking()))
        .collect();
    assert_eq!(on, [("cscug88962-body", false)]);
    assert!(words::verdict(&s).starts_with("Zero-downtime upgrade"));
}

// Issue #20 item 1: 9.1(1) → 9.1(7) never reads as a plain zero-downtime upgrade (§3.3).
#[test]
fn nine_one_one_to_nine_one_seven_is_never_a_plain_zero_downtime_upgrade() {
    let s = session("from=9.1(1)&to=9.1(7)&rules=table-81-1");
    assert_eq!(s.verdict, Verdict::Ok);
    let ids: Vec<&str> = s.hop_facts[0].caveats.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["cscuh25271"]);
    let verdict = words::verdict(&s);
    assert!(
        verdict.starts_with(
            "Legal by Table 81-1 from 9.1(1) to 9.1(7) in 1 hop, but Cisco later said this hop \
             (9.1(1) → 9.1(7)) is not zero-downtime (CSCuh25271)"
        ),
        "{verdict}"
    );
    // The 9.x guidance's answer beside it.
    assert!(
        verdict
            .contains("Under Cisco's guidance by release era: no zero-downtime path (from 9.1(1)"),
        "{verdict}"
    );
    let md = export("from=9.1(1)&to=9.1(7)&rules=table-81-1");
    assert!(
        md.contains("**Verdict: ok, legal by Table 81-1 but not zero-downtime.**"),
        "{md}"
    );
    assert!(md.contains("Outage plan (not zero-downtime)"), "{md}");
    // Under the default rules: no path, Cisco's outage way labelled as such.
    let s = session("from=9.1(1)&to=9.1(7)");
    assert_eq!(s.verdict, Verdict::NoPath);
    assert_eq!(
        words::verdict(&s),
        "No zero-downtime path from 9.1(1) to 9.1(7): from 9.1(1) Cisco gives no zero-downtime \
         path to 9.1(2) or later (CSCuh25271, CSCug88962): Cisco says to upgrade to 9.1(2) \
         first, which reloads both units at once (an outage), then to go on with zero-downtime \
         upgrades."
    );
    let outage = s
        .notes
        .iter()
        .find_map(|n| match n {
            Note::OutagePlan {
                from,
                outage_to,
                then,
                then_holds,
            } => Some((*from, *outage_to, then.clone(), *then_holds)),
            _ => None,
        })
        .expect("an outage plan");
    assert_eq!(outage, (r("9.1(1)"), r("9.1(2)"), vec![r("9.1(7)")], true));
    let said = words::note(&Note::OutagePlan {
        from: outage.0,
        outage_to: outage.1,
        then: outage.2,
        then_holds: outage.3,
    });
    assert!(
        said.starts_with(
            "Outage plan (not zero-downtime), Cisco's own way from 9.1(1): first 9.1(1) → 9.1(2) \
             reloading both units at once"
        ) && said.contains(
            "Then zero-downtime hops under Cisco's guidance by release era: 9.1(2) → 9.1(7)."
        ),
        "{said}"
    );
    // Never a reload of both units straight to the target.
    assert!(!said.contains("9.1(1) → 9.1(7)"), "{said}");
    // Nothing like it where 9.1(1) is not the start.
    assert!(!session("from=9.0(4)&to=9.1(7)")
        .notes
        .iter()
        .any(|n| matches!(n, Note::OutagePlan { .. })));
}

// Issue #20 (bullets): a no-path from an exception names the bug and what Cisco says; a plan
// avoiding a path-table stop says why; a direct hop across trains links the planning page.
#[test]
fn exception_no_paths_avoided_stops_and_long_direct_hops_say_why() {
    let s = session("from=8.4(5)&to=9.0(2)");
    assert_eq!(s.verdict, Verdict::NoPath);
    let v = words::verdict(&s);
    assert!(
        v.contains("(CSCug88962): Cisco names 8.4(5), and 9.0(3) or later, as the"),
        "{v}"
    );
    assert!(!v.contains("switch trains"), "{v}");
    // Where the exception is explained, Cisco's inconsistency is shown, with its source.
    let about = s
        .notes
        .iter()
        .find(|n| matches!(n, Note::Exception(e) if e.id == "cscug88962"))
        .map(words::note)
        .expect("the exception's note");
    assert!(
        about.starts_with("About CSCug88962 (confidence H")
            && about.contains("its lead names 8.4(6), 9.0(2) and 9.1(2), its body says"),
        "{about}"
    );
    let md = export("from=8.4(5)&to=9.0(2)");
    assert!(md.contains("- About CSCug88962"), "{md}");
    assert!(md.contains("asa92/configuration/general/asa-general-cli/admin-swconfig.html"));
    let s = session("from=8.4(4)&to=9.1(7)");
    assert_eq!(
        s.hop_facts[0].warnings,
        [HopWarning::AvoidsPathTableStop { stop: r("9.1(2)") }]
    );
    let said = words::warning(&s.hop_facts[0].warnings[0]);
    assert_eq!(
        said,
        "From this hop's start Cisco's 9.1 path table stops at 9.1(2), but its CSCug88962 note \
         says landing on 9.1(2) is not zero-downtime: this plan goes another way."
    );
    let s = session("from=8.3(2)&to=9.0(4)");
    assert!(s.hop_facts[0]
        .warnings
        .contains(&HopWarning::AvoidsPathTableStop { stop: r("8.4(6)") }));
    // 9.8(4) → 9.20(3): one direct hop over many trains, with Cisco's planning page.
    let s = session("from=9.8(4)&to=9.20(3)");
    assert_eq!(s.hops().len(), 1);
    assert_eq!(s.hop_facts[0].warnings, [HopWarning::CheckPlanningPage]);
    let html = plan_html::hop_text(&s.hops()[0], s.hop_facts.first());
    let warning = one(&html, "[data-warning=check-planning-page]");
    assert!(
        warning
            .text
            .contains("check your start release on Cisco's planning page"),
        "{html}"
    );
    assert_eq!(
        one(&html, "[data-warning=check-planning-page] a").attr("href"),
        Some(
            "https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade/planning.html"
        )
    );
    // A direct hop within one train does not (one to the next train does: see below).
    let s = session("from=9.8(1)&to=9.8(4)");
    assert!(s.hop_facts[0].warnings.is_empty());
}

// SPEC §3.2: every `direct` hop that spans more than one train links Cisco's planning page,
// whatever trains are switched off: a hop spans more than one train when its two releases are
// in different trains.
#[test]
fn a_direct_hop_across_trains_links_the_planning_page_whatever_trains_are_off() {
    for fragment in [
        "from=8.4(7)&to=9.1(7)&trains=8.4,9.1",
        "from=9.8(4)&to=9.24(1)&trains=9.8,9.24",
        "from=8.4(7)&to=9.1(7)&trains=8.4,9.0,9.1",
        "from=9.8(4)&to=9.24(1)&releases=9.8(4),9.24(1)",
        "from=9.0(4)&to=9.1(7)",
    ] {
        let s = session(fragment);
        assert_eq!(s.hops().len(), 1, "{fragment}");
        assert!(
            s.hop_facts[0]
                .warnings
                .contains(&HopWarning::CheckPlanningPage),
            "{fragment}: {:?}",
            s.hop_facts[0].warnings
        );
    }
    // Within one train, no.
    let s = session("from=9.8(1)&to=9.8(4)&trains=9.8");
    assert!(s.hop_facts[0].warnings.is_empty());
}

#[test]
fn what_a_person_reads_cites_ciscos_documents_never_this_projects_files() {
    for fragment in [
        "from=8.2(5)&to=9.1(7)&trains=8.2,9.1",
        "from=8.4(7)&from2=8.3(2)&to=9.0(4)",
        "from=9.20(1)&to=9.24(1)&mode=active-active",
        "from=8.5(1)&to=9.0(4)",
    ] {
        let md = export(fragment);
        assert!(
            !md.contains("asa-facts") && !md.contains("shared/"),
            "{fragment}:\n{md}"
        );
        assert!(!all_words(&session(fragment)).contains("asa-facts"));
    }
}

/// The text of each `pre[data-unit]` block with its unit.
fn blocks(html: &str) -> Vec<(String, String)> {
    select(html, "pre[data-unit]")
        .into_iter()
        .map(|pre| (pre.get("data-unit").to_string(), pre.text))
        .collect()
}

/// Issue #20, 5 and 9, read as the engineer pastes them at 2 a.m.: SPEC §3.2's examples,
/// every block on one unit it names, no prompt-raising `copy`, no bare `reload`, no dangling
/// "below".
#[test]
fn the_spec_examples_runbooks_paste_safely_block_by_block() {
    for fragment in [
        "from=8.2(5)&to=9.1(7)&rules=guide-9x",
        "from=8.4(4)&to=9.1(7)&rules=guide-9x",
        "from=9.8(4)&to=9.20(3)&rules=guide-9x&asdm=9.20(3):asdm-7203.bin",
        "from=9.23(1)&to=9.24(1)&rules=guide-9x",
        "from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x",
        "from=9.8(4)&from2=9.10(1)&to=9.12(4)&rules=guide-9x",
        "from=8.4(7)&from2=8.3(2)&to=9.0(4)&rules=table-81-1",
        "from=7.2(4)&to=8.0(5)&rules=guide-9x",
    ] {
        let html = runbook_markup(fragment);
        let all = blocks(&html);
        assert!(!all.is_empty(), "{fragment}");
        for (unit, code) in &all {
            assert!(
                ["active", "standby", "primary", "secondary", "both"].contains(&unit.as_str()),
                "{fragment}: {unit}"
            );
            for line in code.lines() {
                let bare = line.strip_prefix("failover exec mate ").unwrap_or(line);
                assert!(
                    !bare.starts_with("copy ") || bare.starts_with("copy /noconfirm "),
                    "{fragment}: {line}"
                );
                assert_ne!(line.trim(), "reload", "{fragment}");
                assert!(
                    !line.starts_with("failover exec standby"),
                    "{fragment}: {line}"
                );
            }
        }
        assert!(
            !html.contains("(below)") && !html.contains("where you now are"),
            "{fragment}"
        );
        // Each block says where it is typed, just above it.
        assert_eq!(
            select(&html, "p.command-block-unit")
                .iter()
                .filter(|p| p.text.starts_with("On "))
                .count(),
            all.len(),
            "{fragment}"
        );
        // Exactly one point of no return per two-unit hop.
        let s = session(fragment);
        let two_unit = s.hop_facts.iter().filter(|f| f.reloads.len() == 2).count();
        assert_eq!(
            select(&html, "[data-no-return]").len(),
            two_unit,
            "{fragment}"
        );
    }
    // The ASDM image is staged on both units.
    let html = runbook_markup("from=9.8(4)&to=9.20(3)&rules=guide-9x&asdm=9.20(3):asdm-7203.bin");
    let staged: Vec<(String, String)> = blocks(&html)
        .into_iter()
        .filter(|(_, c)| c.contains("tftp://<tftp-server>/asdm-7203.bin"))
        .collect();
    assert_eq!(staged.len(), 1, "{staged:?}");
    assert_eq!(staged[0].0, "active");
    for line in [
        "copy /noconfirm tftp://<tftp-server>/asdm-7203.bin disk0:/asdm-7203.bin",
        "failover exec mate copy /noconfirm tftp://<tftp-server>/asdm-7203.bin disk0:/asdm-7203.bin",
        "verify /sha-512 disk0:/asdm-7203.bin",
        "failover exec mate verify /sha-512 disk0:/asdm-7203.bin",
    ] {
        assert!(staged[0].1.lines().any(|l| l == line), "{line}: {}", staged[0].1);
    }
}

/// Issue #20, 8 and 11: the minutes per reload and the image names come from the link, and
/// each hop's section and the export say the person's estimate.
#[test]
fn runbook_settings_from_the_link_reach_the_runbook_and_the_export() {
    let fragment =
        "from=8.4(7)&to=9.1(7)&rules=guide-9x&server=10.9.9.9&img=9.1(7):asa917-custom.bin&min=30";
    let html = runbook_markup(fragment);
    assert!(
        html.contains("copy /noconfirm tftp://10.9.9.9/asa917-custom.bin disk0:/asa917-custom.bin")
    );
    assert!(html.contains("About 60 minutes (2 × your estimate of 30 minutes a reload)."));
    let query: PlanQuery = fragment.parse().unwrap();
    let md = asa_planner::view::fleet_export::change_plan(
        &query,
        &analyse(&query),
        &format!("https://h/#{query}"),
    );
    assert!(md.contains(
        "- Plan link: <https://h/#from=8.4(7)&to=9.1(7)&server=10.9.9.9\
         &img=9.1(7):asa917-custom.bin&min=30>"
    ));
    assert!(
        md.contains("Estimated time: about 60 minutes of reloads"),
        "{md}"
    );
    assert!(md.contains("- TFTP server: `10.9.9.9`"));
    assert!(md.contains("Images: `asa847-k8.bin` → `asa917-custom.bin`"));
}
