//! Hardware models (SPEC §5.1), through the session, the runbook's file names and the view:
//! each model's range against its reference data, the refusal of a release the model cannot
//! run (verdict `no-path`, `[data-platform-limit]`), no plan through such a release, image names
//! per family and version spelling, the FXOS and single `boot system` line procedures, and the
//! note when no model is chosen.

#![cfg(not(target_arch = "wasm32"))]

mod util;

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::plan::Verdict;
use asa_planner::domain::platform::{
    self, Basis, ImageFamily, Limit, Platform, Procedure, ProcedureNotice, FACTS,
};
use asa_planner::domain::presets;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::{Release, Train};
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::{self, Unit};
use asa_planner::domain::session::{analyse, Limited, Note, Session};
use asa_planner::view::export::{markdown, Extras};
use asa_planner::view::{platform_html, runbook_html, words};
use std::path::PathBuf;
use util::{one, r, select, t};

fn session(from: &str, to: &str, platform: Option<Platform>, rules: RuleSet) -> Session {
    analyse(&PlanQuery {
        from: from.into(),
        to: to.into(),
        platform,
        rules,
        ..PlanQuery::default()
    })
}

// ---------------------------------------------------------------------------------------------
// The table and its reference data

fn reference() -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/reference/asa-platforms.json");
    let text = std::fs::read_to_string(&path).expect("data/reference/asa-platforms.json");
    serde_json::from_str(&text).expect("asa-platforms.json is JSON")
}

/// The bound as the reference file writes it.
fn bound_json(b: &platform::Bound) -> (String, String, Option<String>, Option<String>) {
    match b.basis {
        Basis::Assumed => (b.train.to_string(), "assumed".into(), None, None),
        Basis::Read { source, confidence } => (
            b.train.to_string(),
            "read".into(),
            Some(confidence.letter().to_string()),
            Some(source.url.to_string()),
        ),
    }
}

fn bound_of(v: &serde_json::Value) -> (String, String, Option<String>, Option<String>) {
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    (
        s("train").expect("train"),
        s("basis").expect("basis"),
        s("confidence"),
        s("source"),
    )
}

#[test]
fn the_table_is_the_reference_data() {
    let data = reference();
    let rows = data["platforms"].as_array().expect("platforms");
    assert_eq!(rows.len(), FACTS.len());
    for (row, facts) in rows.iter().zip(FACTS.iter()) {
        let id = row["id"].as_str().expect("id");
        assert_eq!(id, facts.id);
        assert_eq!(row["label"].as_str(), Some(facts.label), "{id}");
        assert_eq!(
            bound_of(&row["first"]),
            bound_json(&facts.first),
            "{id} first"
        );
        match facts.last {
            Some(last) => assert_eq!(bound_of(&row["last"]), bound_json(&last), "{id} last"),
            None => assert!(row["last"].is_null(), "{id}: still current"),
        }
        assert_eq!(
            row["image_family"].as_str(),
            Some(facts.image.as_str()),
            "{id}"
        );
        assert_eq!(
            row["procedure"].as_str(),
            Some(facts.procedure.as_str()),
            "{id}"
        );
        let platform_mode = matches!(
            facts.procedure,
            Procedure::SingleBootLine {
                platform_mode: true
            }
        );
        assert_eq!(
            row.get("platform_mode").and_then(|v| v.as_str()) == Some("fxos"),
            platform_mode,
            "{id}"
        );
        assert_eq!(row["preset"].as_str(), Some(facts.preset), "{id}");
        // The implied preset exists and keeps the model's own 7.x/8.x trains.
        let preset = presets::find(facts.preset).expect("the implied preset exists");
        let first = facts.first.train;
        if first.major < 9 {
            assert_eq!(preset.exclusion(first), None, "{id} keeps {first}");
        }
        // Every read bound links a public document; an assumed one carries none.
        for b in [Some(facts.first), facts.last].into_iter().flatten() {
            match b.basis {
                Basis::Read { source, .. } => assert!(source.url.starts_with("https://")),
                Basis::Assumed => assert_eq!(b.source(), None),
            }
        }
        if let Some(last) = facts.last {
            assert!(first <= last.train, "{id}: first after last");
        }
    }
    // Ids are unique and round trip.
    for p in Platform::ALL {
        assert_eq!(p.as_str().parse::<Platform>(), Ok(p));
        assert_eq!(
            Platform::ALL
                .iter()
                .filter(|q| q.as_str() == p.as_str())
                .count(),
            1
        );
    }
    let families = data["image_families"].as_object().expect("image_families");
    for f in FACTS {
        assert_eq!(
            families[f.image.as_str()].as_str(),
            Some(words::platform::pattern(f.image)),
            "{}",
            f.id
        );
    }
}

#[test]
fn the_spec_ids_are_all_there_and_read_in_any_case() {
    let ids: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
    assert_eq!(
        ids,
        [
            "asa5505", "asa5510", "asa5580", "asa5512x", "asa5525x", "asa5585x", "asa5506x",
            "asasm", "fp1000", "fp2100", "fp3100", "fp4200", "fp4100", "asav", "isa3000"
        ]
    );
    assert_eq!(" ASA5525-X ".parse::<Platform>(), Ok(Platform::Asa5525x));
    assert_eq!("Fp_2100".parse::<Platform>(), Ok(Platform::Fp2100));
    for bad in ["", "asa", "asa 5525x", "5525", "fp9300", "asa5525x\u{0}"] {
        let e = bad.parse::<Platform>().expect_err(bad);
        assert!(e.to_string().contains("asa5505, asa5510"), "{bad:?}: {e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Ceilings, floors and the refusal

#[test]
fn a_target_above_the_models_last_release_is_refused_with_the_reason() {
    // The case: 9.8(4) → 9.20(3) on an ASA 5525-X.
    for rules in RuleSet::ALL {
        let s = session("9.8(4)", "9.20(3)", Some(Platform::Asa5525x), rules);
        assert_eq!(s.verdict, Verdict::NoPath, "{rules:?}");
        assert!(s.hops().is_empty());
        assert_eq!(s.platform_limits.len(), 1);
        let limit = s.platform_limits[0];
        assert_eq!(limit.which, Limited::Target);
        assert_eq!(limit.release, r("9.20(3)"));
        assert!(matches!(limit.limit, Limit::AboveLast(b) if b.train == t("9.14")));
        let text = words::platform::limit(&limit);
        assert_eq!(
            text,
            "ASA 5525-X/5545-X/5555-X runs releases up to 9.14 (assumed: commonly cited, not \
             verified here); the target 9.20(3) is past it: choose a target it runs, or \
             another model."
        );
        assert!(words::verdict(&s).contains(&text));
        // The markup hook, with Cisco's compatibility guide to check the assumption against.
        let html = platform_html::limits(&s);
        assert!(html.starts_with("<p class=\"platform-limit\""), "{html}");
        let limit = one(&html, "p.platform-limit");
        assert_eq!(
            limit.attrs_of(&["data-platform-limit", "data-platform"]),
            ["target", "asa5525x"]
        );
        assert_eq!(
            one(&html, "p.platform-limit a").attr("href"),
            Some("https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html")
        );
    }
    // The last release of the last train is fine.
    let s = session(
        "9.8(4)",
        "9.14(4)",
        Some(Platform::Asa5525x),
        RuleSet::Guide9x,
    );
    assert_eq!(s.verdict, Verdict::Ok);
    assert!(s.platform_limits.is_empty());
    assert_eq!(platform_html::limits(&s), "");
}

#[test]
fn each_models_ceiling_and_floor_refuse_and_its_range_plans() {
    let catalog = Catalog::builtin();
    let newest_of = |t: Train| catalog.recommended(t);
    for p in Platform::ALL {
        let first = p.first().train;
        // A release of the first train plans to one of the last train (or the newest).
        let last = p.last().map_or(t("9.24"), |b| b.train);
        let (Some(low), Some(high)) = (newest_of(first), newest_of(last)) else {
            panic!("{p}: the catalog has {first} and {last}");
        };
        let s = session(
            &low.to_string(),
            &high.to_string(),
            Some(p),
            RuleSet::Guide9x,
        );
        assert_eq!(s.verdict, Verdict::Ok, "{p}: {low} → {high}");
        // Above the ceiling: refused, naming the ceiling.
        if let Some(last) = p.last() {
            let above = catalog
                .trains()
                .iter()
                .copied()
                .find(|t| *t > last.train)
                .and_then(newest_of)
                .expect("a later train");
            let s = session(
                &low.to_string(),
                &above.to_string(),
                Some(p),
                RuleSet::Guide9x,
            );
            assert_eq!(s.verdict, Verdict::NoPath, "{p}: {above}");
            assert!(matches!(
                s.platform_limits[..],
                [l] if l.which == Limited::Target && l.limit == Limit::AboveLast(last)
            ));
            assert!(
                words::platform::limit(&s.platform_limits[0]).contains(&format!(
                    "{} runs releases up to {}",
                    p.label(),
                    last.train
                ))
            );
        }
        // Below the floor: refused, naming the unit.
        if let Some(below) = catalog
            .trains()
            .iter()
            .copied()
            .rev()
            .find(|t| *t < first)
            .and_then(newest_of)
        {
            let s = session(
                &below.to_string(),
                &high.to_string(),
                Some(p),
                RuleSet::Guide9x,
            );
            assert_eq!(s.verdict, Verdict::NoPath, "{p}: {below}");
            assert_eq!(
                s.platform_limits[0].which,
                Limited::Unit(Unit::Primary),
                "{p}"
            );
            assert!(words::platform::limit(&s.platform_limits[0])
                .contains(&format!("runs releases from {first} on")));
        }
    }
}

/// Page audit 3, item 4b: a refused start release said "…and the primary unit runs 8.3(2)"
/// when only one release was typed (both units run it): it says "the pair"; a mismatched pair
/// names the unit.
#[test]
fn a_refused_start_release_names_the_pair_unless_the_units_differ() {
    let refusal = |from2: Option<&str>| {
        let s = analyse(&PlanQuery {
            from: "8.3(2)".into(),
            from2: from2.map(Into::into),
            to: "9.8(4)".into(),
            platform: Some(Platform::Asa5525x),
            ..PlanQuery::default()
        });
        assert_eq!(s.verdict, Verdict::NoPath);
        s.platform_limits
            .iter()
            .map(words::platform::limit)
            .collect::<Vec<_>>()
    };
    for said in [refusal(None), refusal(Some("8.3(2)"))] {
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("the pair runs 8.3(2)"), "{said:?}");
        assert!(!said[0].contains("unit runs"), "{said:?}");
    }
    let said = refusal(Some("8.6(1)"));
    assert!(said[0].contains("the primary unit runs 8.3(2)"), "{said:?}");
}

#[test]
fn a_second_unit_outside_the_range_is_refused_too() {
    let s = analyse(&PlanQuery {
        from: "9.12(4)".into(),
        from2: Some("9.16(4)".into()),
        to: "9.14(4)".into(),
        platform: Some(Platform::Asa5525x),
        ..PlanQuery::default()
    });
    assert_eq!(s.verdict, Verdict::NoPath);
    assert_eq!(s.platform_limits[0].which, Limited::Unit(Unit::Secondary));
    assert!(platform_html::limits(&s).contains("data-platform-limit=\"secondary\""));
}

#[test]
fn asasm_pairs_no_longer_plan_to_9_20() {
    // The issue: the fleet planned `asasm` pairs to 9.20(3).
    let s = session("9.8(4)", "9.20(3)", Some(Platform::Asasm), RuleSet::Guide9x);
    assert_eq!(s.verdict, Verdict::NoPath);
    // The model implies its preset: 8.5 is the ASASM's 8.x.
    let s = session("8.5(1)", "9.1(7)", Some(Platform::Asasm), RuleSet::Table811);
    assert_eq!(s.preset.id, "asasm");
    assert_eq!(s.verdict, Verdict::Ok, "{:?}", s.messages);
}

// ---------------------------------------------------------------------------------------------
// No plan through a release the model cannot run

#[test]
fn the_catalog_holds_only_the_trains_the_model_runs() {
    for p in Platform::ALL {
        let s = session("", "", Some(p), RuleSet::Guide9x);
        assert!(!s.catalog.trains().is_empty(), "{p}");
        for t in s.catalog.trains() {
            assert!(p.runs(*t), "{p} does not run {t}");
        }
        for t in &s.trains {
            assert!(p.runs(t.train), "{p}: switch for {}", t.train);
        }
        // Switching every train on by hand does not bring the others back.
        let all: Vec<Train> = Catalog::builtin().trains().to_vec();
        let s = analyse(&PlanQuery {
            platform: Some(p),
            trains: Some(all),
            ..PlanQuery::default()
        });
        assert!(s.catalog.trains().iter().all(|t| p.runs(*t)), "{p} by hand");
    }
}

#[test]
fn no_plan_passes_through_a_release_the_model_cannot_run() {
    let catalog = Catalog::builtin();
    let releases: Vec<Release> = catalog
        .entries()
        .iter()
        .filter(|e| !e.withdrawn && !e.pre_release && !e.release.is_interim())
        .map(|e| e.release)
        .step_by(7)
        .collect();
    for p in Platform::ALL {
        for rules in RuleSet::ALL {
            for (i, &from) in releases.iter().enumerate() {
                for &to in releases[i..].iter().step_by(5) {
                    let s = session(&from.to_string(), &to.to_string(), Some(p), rules);
                    let outside = p.limit(from).is_some() || p.limit(to).is_some();
                    if outside {
                        assert_eq!(s.verdict, Verdict::NoPath, "{p}: {from} → {to}");
                        assert!(!s.platform_limits.is_empty());
                    }
                    for hop in s.hops() {
                        assert!(
                            p.runs(hop.from.train()) && p.runs(hop.to.train()),
                            "{p} {rules:?}: {from} → {to} passes {} → {}",
                            hop.from,
                            hop.to
                        );
                    }
                }
            }
        }
    }
}

/// The trains `p` runs: within its range, and for 7.x/8.x those of the preset it implies
/// (SPEC §5.1: "the existing train presets stay (they are what a model implies for 7.x/8.x)").
fn model_runs(p: Platform, train: Train) -> bool {
    let own = presets::find(p.preset()).expect("the model's preset");
    p.limit(Release::new(train.major, train.minor, 1, None))
        .is_none()
        && own.exclusion(train).is_none()
}

#[test]
fn a_preset_or_a_train_set_never_takes_the_plan_through_a_train_the_model_cannot_run() {
    // The ASA 5580's own train set leaves out 8.6 (its preset is asa5580); the 5500-X preset
    // keeps it. The model wins: no hop lands on 8.6, and the person is told why.
    let s = analyse(&PlanQuery {
        from: "8.4(7)".into(),
        to: "9.0(4)".into(),
        platform: Some(Platform::Asa5580),
        preset: Some("asa5500x".into()),
        rules: RuleSet::Table811,
        ..PlanQuery::default()
    });
    assert_eq!(s.verdict, Verdict::Ok, "{:?}", s.messages);
    let path: Vec<String> = s.hops().iter().map(|h| h.to.to_string()).collect();
    assert_eq!(path, ["9.0(4)"]);
    assert!(!s.catalog.has_train(t("8.6")));
    let told: Vec<&str> = s.messages.iter().map(|m| m.text.as_str()).collect();
    assert!(
        told.iter()
            .any(|m| m.contains("ASA 5580") && m.contains("8.6") && m.contains("asa5500x")),
        "{told:?}"
    );
    // The hop passes over 8.6 for a sourced reason, not as a train switched off by hand.
    let said = words::verdict(&s);
    assert!(!said.contains("holds only if"), "{said}");
    // A train set picked by hand does not bring it back either.
    let s = analyse(&PlanQuery {
        from: "8.4(7)".into(),
        to: "9.0(4)".into(),
        platform: Some(Platform::Asa5580),
        trains: Some(vec![t("8.4"), t("8.6"), t("9.0")]),
        rules: RuleSet::Table811,
        ..PlanQuery::default()
    });
    assert!(s.hops().iter().all(|h| h.to.train() != t("8.6")));
    assert!(
        s.messages
            .iter()
            .any(|m| m.text.contains("ASA 5580") && m.text.contains("8.6")),
        "{:?}",
        s.messages
    );
    // A release typed in such a train: the model does not run it, whatever the preset.
    let s = analyse(&PlanQuery {
        from: "8.6(1)".into(),
        to: "9.0(4)".into(),
        platform: Some(Platform::Asa5580),
        preset: Some("asa5500x".into()),
        ..PlanQuery::default()
    });
    // It is refused like a release outside the range (SPEC §5.1), with the reason.
    assert_eq!(s.verdict, Verdict::NoPath);
    assert!(matches!(
        s.platform_limits[..],
        [l] if l.which == Limited::Unit(Unit::Primary)
            && matches!(l.limit, Limit::NotRun(e) if e.train == t("8.6"))
    ));
    let said = words::platform::limit(&s.platform_limits[0]);
    assert!(
        said.starts_with(
            "ASA 5580 does not run the 8.6 train, and the pair runs 8.6(1): 8.6 is a \
             platform train"
        ),
        "{said}"
    );
    // Every model under every preset: only trains the model runs.
    for p in Platform::ALL {
        for preset in presets::PRESETS {
            let s = analyse(&PlanQuery {
                from: "7.0(1)".into(),
                to: "9.24(1)".into(),
                platform: Some(p),
                preset: Some(preset.id.into()),
                ..PlanQuery::default()
            });
            for train in s.catalog.trains() {
                assert!(model_runs(p, *train), "{p} with {}: {train}", preset.id);
            }
        }
    }
}

#[test]
fn the_5500_x_plans_its_8_x_through_8_6() {
    // 8.6 is the ASA 5512-X…5555-X's 8.x train (assumed), so under Table 81-1 it is the last
    // minor of 8.x: the major hop goes from 8.6.
    let s = session(
        "8.6(1)",
        "9.1(7)",
        Some(Platform::Asa5512x),
        RuleSet::Table811,
    );
    assert_eq!(s.preset.id, "asa5500x");
    assert_eq!(s.verdict, Verdict::Ok, "{:?}", s.messages);
    assert_eq!(s.hops()[0].from, r("8.6(1)"));
    assert_eq!(s.hops()[0].to.train(), t("9.0"));
}

// ---------------------------------------------------------------------------------------------
// Image names per family and version spelling

#[test]
fn default_image_names_follow_the_family_and_its_spelling() {
    let cases: [(ImageFamily, &str, &str); 14] = [
        (ImageFamily::Legacy, "8.4(7)30", "asa847-30-k8.bin"),
        (ImageFamily::Legacy, "9.1(7)", "asa917-k8.bin"),
        (ImageFamily::Smp, "9.8(4)", "asa984-smp-k8.bin"),
        (ImageFamily::Smp, "9.10(1)", "asa9101-smp-k8.bin"),
        (ImageFamily::Smp, "9.10(1)44", "asa9101-44-smp-k8.bin"),
        (ImageFamily::Smp, "9.12(4)37", "asa9-12-4-37-smp-k8.bin"),
        (ImageFamily::Smp, "9.8(10)", "asa9-8-10-smp-k8.bin"),
        (ImageFamily::Lfbff, "9.8(4)", "asa984-lfbff-k8.SPA"),
        (ImageFamily::Lfbff, "9.16(4)85", "asa9-16-4-85-lfbff-k8.SPA"),
        (
            ImageFamily::Fp1k,
            "9.20(2)10",
            "cisco-asa-fp1k.9.20.2.10.SPA",
        ),
        (ImageFamily::Fp2k, "9.16(4)", "cisco-asa-fp2k.9.16.4.SPA"),
        (ImageFamily::Fp3k, "9.18(4)", "cisco-asa-fp3k.9.18.4.SPA"),
        (
            ImageFamily::Fp4200,
            "9.22(1)1",
            "cisco-asa-fp4200.9.22.1.1.SPA",
        ),
        (ImageFamily::Csp, "9.17(1)", "cisco-asa.9.17.1.SPA.csp"),
    ];
    for (family, release, file) in cases {
        assert_eq!(family.file(r(release)), file, "{family:?} {release}");
    }
    let by_model = [
        (Platform::Asa5505, "9.2(4)", "asa924-k8.bin"),
        (Platform::Asa5525x, "9.14(4)", "asa9-14-4-smp-k8.bin"),
        (Platform::Asa5506x, "9.16(4)", "asa9-16-4-lfbff-k8.SPA"),
        (Platform::Isa3000, "9.16(4)", "asa9-16-4-lfbff-k8.SPA"),
        (Platform::Asav, "9.20(3)", "asa9-20-3-smp-k8.bin"),
        (Platform::Fp2100, "9.20(3)", "cisco-asa-fp2k.9.20.3.SPA"),
        (Platform::Fp4100, "9.20(3)", "cisco-asa.9.20.3.SPA.csp"),
    ];
    for (p, release, file) in by_model {
        assert_eq!(platform::default_image(Some(p), r(release)), file, "{p}");
    }
    // No model: the ASA 5500/5500-X guess, as before.
    assert_eq!(platform::default_image(None, r("9.1(7)")), "asa917-k8.bin");
    assert_eq!(
        platform::default_image(None, r("9.2(4)")),
        "asa924-smp-k8.bin"
    );
    assert_eq!(runbook::default_image(r("9.10(1)")), "asa9101-smp-k8.bin");
}

#[test]
fn the_runbook_names_the_models_files_and_typed_names_still_win() {
    // From 9.13 on (appliance mode: a plan from before it is on the FXOS path, no commands).
    let s = session(
        "9.14(4)",
        "9.20(3)",
        Some(Platform::Fp2100),
        RuleSet::Guide9x,
    );
    let images = runbook::hop_images(s.hops(), "", &[], s.platform);
    assert_eq!(images[0].old_image, "cisco-asa-fp2k.9.14.4.SPA");
    assert_eq!(images[0].new_image, "cisco-asa-fp2k.9.20.3.SPA");
    let typed = [("9.20(3)".to_string(), "my-own.SPA".to_string())];
    let images = runbook::hop_images(s.hops(), "", &typed, s.platform);
    assert_eq!(images[0].new_image, "my-own.SPA");
    // The change ticket's commands name the family's files, never the 5500-X guess.
    let md = markdown(&s, &Extras::default(), "#x");
    assert!(md.contains("cisco-asa-fp2k.9.20.3.SPA"), "{md}");
    assert!(!md.contains("-smp-k8.bin"), "{md}");
    assert!(md.contains("`cisco-asa-fp2k.<dotted>.SPA`"));
}

// ---------------------------------------------------------------------------------------------
// Procedures

#[test]
fn every_procedure_notice_links_what_the_reference_data_names_for_its_kind() {
    let data = reference();
    let procedures = data["procedures"].as_object().expect("procedures");
    for p in Platform::ALL {
        let kind = p.procedure().as_str();
        let note = procedures[kind]
            .as_str()
            .expect("a note per procedure kind");
        let Some(notice) = ProcedureNotice::of(Some(p), None) else {
            assert_eq!(
                kind, "boot-system",
                "{p}: only the fallback kind has no notice"
            );
            continue;
        };
        for source in notice.sources() {
            // The upgrade guide is the general link every notice may add; each other document
            // the page links is the one the reference data cites for that kind.
            if source.url == platform::ASA_UPGRADE_GUIDE.url {
                continue;
            }
            assert!(
                note.contains(source.url),
                "{p} {kind}: {} not in the data",
                source.url
            );
        }
    }
    // The FXOS notice links the chassis manager's startup-version page (read, H) beside the
    // compatibility page; the unverified single-line behaviour is listed as not found.
    let fxos = ProcedureNotice::of(Some(Platform::Fp4100), None).expect("a notice");
    assert!(fxos.sources().contains(&platform::FXOS_IMAGE_MANAGEMENT));
    assert!(words::platform::procedure(fxos).contains("startup version"));
    // The single-line behaviour is not stated as checked: the words say so.
    let single = ProcedureNotice::of(Some(Platform::Fp1000), None).expect("a notice");
    assert!(words::platform::procedure(single).contains("could not check"));
    let not_found = data["not_found"].as_array().expect("not_found");
    assert!(not_found
        .iter()
        .any(|v| v.as_str().is_some_and(|t| t.contains("boot system"))));
}

#[test]
fn on_the_firepower_4100_9300_the_page_says_fxos_and_shows_no_asa_cli_runbook() {
    let s = session(
        "9.8(4)",
        "9.20(3)",
        Some(Platform::Fp4100),
        RuleSet::Guide9x,
    );
    assert_eq!(s.verdict, Verdict::Ok);
    let notice = s.procedure_notice().expect("a notice");
    assert_eq!(
        notice,
        ProcedureNotice::Fxos {
            platform: Platform::Fp4100
        }
    );
    assert!(!notice.cli_runbook_applies());
    assert!(!runbook_html::cli_steps_apply(&s));
    let head = runbook_html::head(&s);
    assert!(head.contains("data-procedure=\"fxos\""), "{head}");
    assert!(!head.contains("Commands by release"), "{head}");
    assert!(head.contains(
        "href=\"https://www.cisco.com/c/en/us/td/docs/security/firepower/fxos/upgrade/b_FXOSUpgrade/compatibility.html\""
    ));
    let text = words::platform::procedure(notice);
    assert!(text.contains("FXOS first"));
    assert!(text.contains("the standby unit first"));
    // The change ticket: the notice, the hops, and no ASA command that would not apply.
    let md = markdown(&s, &Extras::default(), "#x");
    assert!(md.contains("**Procedure:** The Firepower 4100/9300 is upgraded through FXOS"));
    assert!(!md.contains("Commands by release"), "{md}");
    assert!(md.contains("### Hop 1: 9.8(4) → 9.20(3)"));
    for command in [
        "boot system disk0:",
        "failover reload-standby",
        "copy /noconfirm",
    ] {
        assert!(!md.contains(command), "{command} in\n{md}");
    }
}

#[test]
fn the_single_boot_line_models_are_noted_and_keep_their_runbook() {
    for p in [
        Platform::Fp1000,
        Platform::Fp2100,
        Platform::Fp3100,
        Platform::Fp4200,
    ] {
        let notice = ProcedureNotice::of(Some(p), None).expect("a notice");
        assert!(
            matches!(notice, ProcedureNotice::SingleBootLine { .. }),
            "{p}"
        );
        assert!(notice.cli_runbook_applies());
        let text = words::platform::procedure(notice);
        assert!(text.contains("single `boot system` line"), "{p}");
        assert_eq!(text.contains("platform mode"), p == Platform::Fp2100, "{p}");
    }
    let s = session(
        "9.18(4)",
        "9.20(3)",
        Some(Platform::Fp3100),
        RuleSet::Guide9x,
    );
    assert!(runbook_html::head(&s).contains("data-procedure=\"single-boot-line\""));
    assert!(runbook_html::cli_steps_apply(&s));
    // The `boot system` with fallback models have no notice.
    for p in [Platform::Asa5525x, Platform::Asav, Platform::Asa5505] {
        assert_eq!(ProcedureNotice::of(Some(p), None), None);
    }
    assert_eq!(ProcedureNotice::of(None, None), None);
}

// ---------------------------------------------------------------------------------------------
// No model chosen

#[test]
fn with_no_model_a_plan_from_8_1_or_older_to_9_3_or_later_says_no_box_runs_both() {
    let s = analyse(&PlanQuery {
        from: "8.0(5)".into(),
        to: "9.4(4)".into(),
        preset: Some("all".into()),
        rules: RuleSet::Guide9x,
        ..PlanQuery::default()
    });
    let note = s
        .notes
        .iter()
        .find(|n| matches!(n, Note::NoSingleBox { .. }))
        .expect("the note");
    assert_eq!(
        *note,
        Note::NoSingleBox {
            old: r("8.0(5)"),
            new: r("9.4(4)")
        }
    );
    assert!(words::note(note).starts_with("No single box runs both 8.0(5) and 9.4(4)"));
    // Not for 8.2 → 9.4, not for 8.0 → 9.2, not with a model.
    for (from, to, p) in [
        ("8.2(5)", "9.4(4)", None),
        ("8.0(5)", "9.2(4)", None),
        ("8.1(2)", "9.1(7)", Some(Platform::Asa5580)),
    ] {
        let s = session(from, to, p, RuleSet::Guide9x);
        assert!(
            !s.notes
                .iter()
                .any(|n| matches!(n, Note::NoSingleBox { .. })),
            "{from} → {to}"
        );
    }
}

#[test]
fn the_model_choice_lists_every_family_with_its_range() {
    let html = platform_html::options(Some(Platform::Fp2100));
    assert!(html.starts_with("<option value=\"\">Any model (no range check)</option>"));
    assert_eq!(select(&html, "option").len(), 16);
    assert!(
        html.contains("<option value=\"fp2100\" selected>Firepower 2100 (9.8 to 9.20)</option>")
    );
    assert!(
        html.contains("<option value=\"fp3100\">Secure Firewall 3100 (9.17 and later)</option>")
    );
    assert!(platform_html::options(None).starts_with("<option value=\"\" selected>"));
    let choices: Vec<(&str, &str)> = Platform::choices().collect();
    assert_eq!(choices.len(), 15);
    assert_eq!(choices[4], ("asa5525x", "ASA 5525-X/5545-X/5555-X"));
}

#[test]
fn the_pages_notes_carry_the_refusal_first() {
    use asa_planner::view::plan_html;
    let s = session(
        "9.8(4)",
        "9.20(3)",
        Some(Platform::Asa5525x),
        RuleSet::Guide9x,
    );
    let html = plan_html::notes(&s);
    assert!(html.starts_with("<p class=\"platform-limit\" data-platform-limit=\"target\""));
    assert_eq!(select(&html, "[data-platform-limit]").len(), 1);
    // No refusal, no element.
    let s = session(
        "9.8(4)",
        "9.14(4)",
        Some(Platform::Asa5525x),
        RuleSet::Guide9x,
    );
    assert!(!plan_html::notes(&s).contains("data-platform-limit"));
}

/// SPEC §5.1's fact to check, "the 5585-X has no 8.3": the model's plans pass over 8.3, and
/// the hop says it is an assumption, with where to check it (never silently).
#[test]
fn the_asa_5585x_passes_over_83_and_says_it_is_an_assumption() {
    let s = session(
        "8.2(5)",
        "8.4(7)",
        Some(Platform::Asa5585x),
        RuleSet::Table811,
    );
    assert_eq!(s.verdict, Verdict::Ok);
    let path: Vec<String> = s.hops().iter().map(|h| h.to.to_string()).collect();
    assert_eq!(path, ["8.4(7)"]);
    let warned: Vec<String> = s.hop_facts[0].warnings.iter().map(words::warning).collect();
    assert!(
        warned
            .iter()
            .any(|w| w.contains("8.3: the ASA 5585-X is said not to run 8.3")
                && w.contains("not verified here")),
        "{warned:?}"
    );
    // Without a model, 8.3 is a stop as Table 81-1 has it.
    let any = session("8.2(5)", "8.4(7)", None, RuleSet::Table811);
    assert_eq!(any.hops().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// A train inside the range that the model does not run

/// The audit's cases: a start or target on a train the model does not run, inside its first
/// and last train, is refused like one outside the range (SPEC §5.1): the reason names the
/// model, the train, the fact's source and whether it is assumed, and blames neither switched
/// off trains nor a path table.
#[test]
fn a_train_the_model_does_not_run_inside_its_range_is_refused_with_the_reason() {
    const COMPAT: &str =
        "https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html";
    const ROADMAP: &str =
        "https://www.cisco.com/c/en/us/td/docs/security/asa/roadmap/licenseroadmap.html";
    let cases = [
        (
            "8.3(2)",
            "9.1(7)",
            Platform::Asa5585x,
            "primary",
            "8.3",
            true,
            COMPAT,
        ),
        (
            "8.2(5)",
            "8.3(2)",
            Platform::Asa5585x,
            "target",
            "8.3",
            true,
            COMPAT,
        ),
        (
            "8.7(1)",
            "9.1(7)",
            Platform::Asa5512x,
            "primary",
            "8.7",
            false,
            "asa1000v",
        ),
        (
            "8.6(1)",
            "9.1(7)",
            Platform::Asa5505,
            "primary",
            "8.6",
            false,
            ROADMAP,
        ),
    ];
    for (from, to, p, which, train, assumed, source) in cases {
        for rules in RuleSet::ALL {
            let s = session(from, to, Some(p), rules);
            let case = format!("{p} {from} → {to} {rules:?}");
            assert_eq!(s.verdict, Verdict::NoPath, "{case}");
            assert!(s.hops().is_empty(), "{case}");
            assert_eq!(s.platform_limits.len(), 1, "{case}");
            let text = words::platform::limit(&s.platform_limits[0]);
            assert!(
                text.starts_with(&format!("{} does not run the {train} train", p.label())),
                "{case}: {text}"
            );
            assert_eq!(
                text.contains("assumed: commonly cited, not verified here"),
                assumed,
                "{case}: {text}"
            );
            let verdict = words::verdict(&s);
            assert_eq!(verdict, format!("Not planned: {text}"), "{case}");
            for wrong in ["switched off", "change the preset", "path table"] {
                assert!(!verdict.contains(wrong), "{case}: {verdict}");
            }
            // The page's message, with the fact's source.
            let html = platform_html::limits(&s);
            let limit = one(&html, "p.platform-limit");
            assert_eq!(limit.attr("data-platform-limit"), Some(which), "{case}");
            assert!(
                select(&html, "p.platform-limit a")
                    .iter()
                    .any(|a| a.attr("href").is_some_and(|h| h.contains(source))),
                "{case}: {html}"
            );
            // The Markdown says the same, with the link.
            let md = markdown(&s, &Extras::default(), "#x");
            let line = md
                .lines()
                .find(|l| l.starts_with("- **Platform limit:**"))
                .unwrap_or_else(|| panic!("{case}: {md}"));
            assert!(line.contains(source), "{case}: {line}");
        }
    }
}

/// The repository's facts file says what the code does with "the 5585-X has no 8.3" (SPEC
/// §5.1's fact to check): applied as a labelled assumption, not "left in"; and the reason
/// names the model's own first train (8.2, assumed), not a release nothing here sources.
#[test]
fn the_facts_file_says_what_the_code_does_with_8_3_on_the_5585_x() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/reference/asa-facts.md");
    let facts = std::fs::read_to_string(&path).expect("data/reference/asa-facts.md");
    let e = Platform::Asa5585x
        .exclusion(t("8.3"))
        .expect("the 5585-X leaves out 8.3");
    assert!(e.assumed);
    assert!(!facts.contains("8.3 on the 5585-X is left in"));
    let said = facts
        .lines()
        .find(|l| l.contains("8.3 on the 5585-X"))
        .expect("§1.6 says what is done with 8.3 on the 5585-X");
    for part in [
        "`presets::NO_83_ON_5585X`",
        "labelled assumption",
        "refused",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    let first = Platform::Asa5585x.first();
    assert!(first.is_assumed());
    assert!(
        e.reason
            .contains(&format!("its first train is taken to be {}", first.train)),
        "{}",
        e.reason
    );
}

// ---------------------------------------------------------------------------------------------
// Firepower 2100 before 9.13: platform mode

/// Appliance mode came to the Firepower 2100 with ASA 9.13(1) (assumed); before it the 2100
/// ran only in platform mode, and a pair upgraded from 9.12 or earlier stays there. So a plan
/// starting before 9.13 is on the FXOS path: the page, the Markdown and the text say so, link
/// Cisco's procedure and the release notes, and hand out no ASA `boot system` runbook (SPEC
/// §5.1, as on the 4100/9300). From 9.13 on the runbook stays, its platform-mode note giving
/// the whole procedure (facts §4.3: make the upgraded unit active).
#[test]
fn a_firepower_2100_plan_starting_before_9_13_is_on_the_platform_mode_path() {
    const NOTES_913: &str =
        "https://www.cisco.com/c/en/us/td/docs/security/asa/asa913/release/notes/asarn913.html";
    const CHAPTER: &str =
        "https://www.cisco.com/c/zh_cn/td/docs/security/asa/upgrade/asa-upgrade/asa-upgrade_chapter_01.html";
    for (from, to) in [("9.8(4)", "9.12(4)"), ("9.12(4)", "9.20(3)")] {
        let s = session(from, to, Some(Platform::Fp2100), RuleSet::Guide9x);
        assert_eq!(s.verdict, Verdict::Ok, "{from} → {to}");
        assert!(!runbook_html::cli_steps_apply(&s), "{from} → {to}");
        assert!(!s.setup.single_boot_line, "{from} → {to}");
        let head = runbook_html::head(&s);
        let notice = one(&head, "[data-procedure]");
        assert_eq!(notice.attr("data-procedure"), Some("platform-mode"));
        for url in [NOTES_913, CHAPTER] {
            assert!(head.contains(&format!("href=\"{url}\"")), "{url}: {head}");
        }
        let md = markdown(&s, &Extras::default(), "#x");
        assert!(
            md.contains(
                "**Procedure:** Before ASA 9.13 the Firepower 2100 runs in platform mode only"
            ),
            "{md}"
        );
        // Page audit 3, item 4a: no ASA command steps, so no paragraph on their commands.
        assert!(!head.contains("Commands by release"), "{head}");
        assert!(!md.contains("Commands by release"), "{md}");
        assert!(md.contains("assumed: commonly cited, not verified here"));
        assert!(md.contains("make the upgraded unit active"));
        for command in [
            "boot system disk0:",
            "failover reload-standby",
            "copy /noconfirm",
        ] {
            assert!(!md.contains(command), "{from} → {to}: {command} in\n{md}");
        }
    }
    // From 9.13 on: appliance mode, today's runbook, the platform-mode note whole.
    let s = session(
        "9.14(4)",
        "9.20(3)",
        Some(Platform::Fp2100),
        RuleSet::Guide9x,
    );
    assert!(runbook_html::cli_steps_apply(&s));
    assert!(s.setup.single_boot_line);
    let notice = s.procedure_notice().expect("a notice");
    assert_eq!(notice.as_str(), "single-boot-line");
    let text = words::platform::procedure(notice);
    assert!(
        text.contains(
            "upgrade the standby unit first, make the upgraded unit active, then \
                       upgrade the former active"
        ),
        "{text}"
    );
    assert!(notice.sources().iter().any(|s| s.url == CHAPTER));
    // The reference data says the same.
    let data = reference();
    let row = data["platforms"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == "fp2100"))
        .expect("fp2100 row");
    assert_eq!(
        row["appliance_mode_from"],
        serde_json::json!({"train": platform::APPLIANCE_MODE_FROM.train.to_string(),
            "basis": "assumed", "check": NOTES_913})
    );
    assert!(platform::APPLIANCE_MODE_FROM.is_assumed());
}

/// Cisco: "The ASA 5505 does not support multiple context mode", and Active/Active failover
/// runs only in multiple context mode. Asked for either on a 5505, the plan says so with both
/// documents, in the notes and the JSON; Active/Standby in single context mode says nothing.
#[test]
fn the_asa_5505_has_no_multiple_context_mode_and_so_no_active_active() {
    use asa_planner::domain::fleet::PairPlan;
    let noted = |fragment: &str| {
        let query: PlanQuery = fragment.parse().expect("a link");
        let s = analyse(&query);
        let found = s
            .notes
            .iter()
            .any(|n| matches!(n, Note::ModeNotOnModel { .. }));
        let json =
            asa_planner::domain::fleet::json::pair_document(&PairPlan::new(&query, &s, "asa5500"));
        (found, json.contains("\"kind\":\"mode-not-on-model\""))
    };
    let base = "from=9.1(7)&to=9.2(4)&platform=asa5505";
    assert_eq!(noted(&format!("{base}&mode=active-active")), (true, true));
    assert_eq!(noted(&format!("{base}&contexts=multi")), (true, true));
    assert_eq!(noted(base), (false, false));
    assert_eq!(
        noted("from=9.1(7)&to=9.2(4)&platform=asa5510&mode=active-active"),
        (false, false)
    );
    let s = analyse(
        &format!("{base}&mode=active-active")
            .parse()
            .expect("a link"),
    );
    let note = s
        .notes
        .iter()
        .find(|n| matches!(n, Note::ModeNotOnModel { .. }))
        .expect("the note");
    let sources = asa_planner::view::words::note_sources(note);
    assert!(
        sources.iter().all(|s| s.url.contains("cisco.com/")),
        "{sources:?}"
    );
    assert_eq!(sources.len(), 2);
}
