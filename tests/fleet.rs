//! Fleets in the domain: lines read into pairs (defaults, header, bad fields by line and
//! field), pairs grouped by path, images to stage, and the JSON of schema 1 against its golden
//! file.

#![cfg(not(target_arch = "wasm32"))]

mod util;

use asa_planner::domain::fleet::json::{pair_document, FleetJson};
use asa_planner::domain::fleet::{
    sample_csv, Fleet, InputError, LineOutcome, LineProblem, PairPlan, Summary,
};
use asa_planner::domain::plan::Verdict;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::runbook::Mode;
use asa_planner::domain::session::analyse;
use util::fixture_path;

fn fleet(target: &str) -> Fleet {
    Fleet::new(PlanQuery {
        to: target.to_string(),
        ..PlanQuery::default()
    })
    .unwrap_or_else(|e| panic!("{e:?}"))
}

/// Splits a line at its commas (the tests' lines hold no quotes; the command line's CSV
/// reader is tested in `tests/cli.rs`).
fn outcome(fleet: &mut Fleet, line: u64, text: &str) -> LineOutcome {
    let fields: Vec<&str> = text.split(',').collect();
    fleet.plan_record(line, &fields)
}

#[track_caller]
fn planned(fleet: &mut Fleet, line: u64, text: &str) -> PairPlan {
    match outcome(fleet, line, text) {
        LineOutcome::Planned(pair) => *pair,
        other => panic!("{text}: {other:?}"),
    }
}

/// The messages of a bad line, as the command line prints them.
#[track_caller]
fn errors(fleet: &mut Fleet, line: u64, text: &str) -> Vec<String> {
    match outcome(fleet, line, text) {
        LineOutcome::Bad(errors) => errors
            .iter()
            .map(|e| {
                assert_eq!(
                    e.message,
                    e.problem.to_string(),
                    "the message is the problem worded"
                );
                e.to_string()
            })
            .collect(),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn a_line_plans_like_the_page_with_the_fleet_defaults() {
    let mut f = fleet("9.1(7)");
    let pair = planned(&mut f, 2, "edge-1, 8.2.5");
    assert_eq!(pair.line, Some(2));
    assert_eq!(pair.name.as_deref(), Some("edge-1"));
    assert_eq!(pair.units, ["8.2(5)"]);
    assert_eq!(pair.target, "9.1(7)");
    assert_eq!(pair.verdict, Verdict::Ok);
    // The default rule set (issue #20 item 4): the guidance by release era.
    assert_eq!(pair.rules, "guide-9x");
    assert_eq!(pair.path_text(), "8.2(5) → 8.3(2) → 8.4(7) → 9.1(7)");
    assert_eq!(
        (pair.other_rules, pair.other_rules_hops),
        ("table-81-1", Some(4))
    );
    // The share link is the page's fragment: it plans the same pair.
    assert_eq!(pair.share, "#from=8.2(5)&to=9.1(7)");
    let query: PlanQuery = pair.share.parse().unwrap();
    let page: Vec<_> = analyse(&query).hops().iter().map(|h| h.to).collect();
    assert_eq!(pair.path().skip(1).collect::<Vec<_>>(), page);

    // What the line gives wins over the defaults.
    let own = planned(&mut f, 3, "dc,9.1(1),9.1(2),9.2(4),Active-Active,all");
    assert_eq!(own.units, ["9.1(1)", "9.1(2)"]);
    assert_eq!((own.mode, own.preset), (Mode::ActiveActive, "all"));
    assert_eq!(
        own.share,
        "#from=9.1(1)&from2=9.1(2)&to=9.2(4)&mode=active-active&preset=all"
    );
    // A second unit on the same release is not a mismatched pair.
    let same = planned(&mut f, 4, "x,9.1(2),9.1.2,9.2(4)");
    assert_eq!(same.units, ["9.1(2)"]);
    assert_eq!(same.share, "#from=9.1(2)&to=9.2(4)");
}

#[test]
fn verdicts_other_than_ok_are_planned_pairs_without_hops() {
    let mut f = fleet("9.1(7)");
    let cases = [
        ("a,9.1(7)", Verdict::Same),
        ("b,9.2(4)", Verdict::Downgrade),
        // 8.1 runs on the ASA 5580 only: the default preset leaves it out.
        ("c,8.1(2)", Verdict::NoPath),
    ];
    for (line, verdict) in cases {
        let pair = planned(&mut f, 1, line);
        assert_eq!(pair.verdict, verdict, "{line}");
        assert!(
            pair.hops.is_empty() && pair.path().next().is_none(),
            "{line}"
        );
    }
}

#[test]
fn a_header_is_skipped_only_as_the_first_record_and_blank_lines_always() {
    let mut f = fleet("9.1(7)");
    assert_eq!(outcome(&mut f, 1, " , ,"), LineOutcome::Skipped);
    assert_eq!(
        outcome(&mut f, 2, "Name, UNIT1,unit2,target,mode,preset"),
        LineOutcome::Skipped
    );
    assert_eq!(outcome(&mut f, 3, ""), LineOutcome::Skipped);
    assert_eq!(
        errors(&mut f, 4, "name,unit1"),
        ["line 4, field unit1: unexpected character 'u' at position 1 in the major number"]
    );
    // Without a header the first line is a pair.
    let mut g = fleet("9.1(7)");
    assert!(matches!(
        outcome(&mut g, 1, "edge,9.0(4)"),
        LineOutcome::Planned(_)
    ));
}

#[test]
fn bad_fields_are_facts_worded_apart() {
    let mut f = fleet("");
    let LineOutcome::Bad(errors) = outcome(&mut f, 3, ",9.11(1),,,active-passive,,,extra") else {
        panic!("planned");
    };
    let got: Vec<(Option<u64>, &str, &LineProblem)> = errors
        .iter()
        .map(|e| (e.line, e.field, &e.problem))
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], (Some(3), "name", &LineProblem::NoName));
    assert_eq!(got[1], (Some(3), "target", &LineProblem::NoTarget));
    assert_eq!(
        got[2],
        (
            Some(3),
            "mode",
            &LineProblem::Mode("active-passive".to_string())
        )
    );
    assert_eq!(
        got[3],
        (Some(3), "extra", &LineProblem::Extra { fields: 8 })
    );
}

#[test]
fn bad_fields_are_named_by_line_and_field_with_the_parsers_words() {
    let mut f = fleet("");
    assert_eq!(
        errors(
            &mut f,
            7,
            "edge,8.2(,9.1(7)x,,active-passive,asa9999,fp9999,extra"
        ),
        [
            "line 7, field unit1: release ends too early: the maintenance number is missing at \
             position 5",
            "line 7, field unit2: unexpected character 'x' at position 7 after the release",
            "line 7, field target: empty, and the fleet has no target: give one on the line or \
             for the whole fleet",
            "line 7, field mode: 'active-passive' is not a failover mode: active-standby or \
             active-active",
            "line 7, field preset: unknown preset 'asa9999': use one of asa5500, asa5580, asasm, \
             asa5500x, all",
            "line 7, field platform: 'fp9999' is not a model id: use one of asa5505, asa5510, \
             asa5580, asa5512x, asa5525x, asa5585x, asa5506x, asasm, fp1000, fp2100, fp3100, \
             fp4200, fp4100, asav, isa3000",
            "line 7, field extra: 8 fields; a line has at most 7: name, unit1, unit2, target, \
             mode, preset, platform",
        ]
    );
    assert_eq!(
        errors(&mut f, 8, ",,,9.1(7)"),
        [
            "line 8, field name: empty: every pair needs a name",
            "line 8, field unit1: empty: enter the release the first unit runs, e.g. 9.8(4)",
        ]
    );
    // A train the catalog does not have: the session's message, named as the line's field.
    assert_eq!(
        errors(&mut f, 9, "edge,6.9(1),,9.1(7)"),
        ["line 9, field unit1: no train 6.9 in the catalog (nearest: 7.0, 7.1)"]
    );
    // Remembered requests keep their line: the same request on another line names that line.
    assert_eq!(
        errors(&mut f, 10, "other,6.9(1),,9.1(7)"),
        ["line 10, field unit1: no train 6.9 in the catalog (nearest: 7.0, 7.1)"]
    );
    // One field too many.
    assert_eq!(
        errors(&mut f, 11, "edge,8.4(7),,9.0(4),,,,x"),
        [
            "line 11, field extra: 8 fields; a line has at most 7: name, unit1, unit2, target, \
          mode, preset, platform"
        ]
    );
    // Blank trailing fields (spreadsheets write them) are not extra.
    assert!(matches!(
        outcome(&mut f, 11, "edge,8.4(7),,9.0(4),,,,"),
        LineOutcome::Planned(_)
    ));
}

#[test]
fn no_field_panics_whatever_it_holds() {
    let mut f = fleet("9.1(7)");
    let long = "9".repeat(100_000);
    let texts = [
        long.as_str(),
        "\0",
        "8.4(7)\u{FFFD}",
        "ü.1(2)",
        "99999.1(1)",
        "\"",
        "(",
    ];
    for text in texts {
        for at in 0..6 {
            let mut fields = ["edge", "8.4(7)", "", "", "", ""];
            fields[at] = text;
            let _ = f.plan_record(1, &fields);
        }
    }
    // A huge name is kept whole; a message quoting a value shortens it.
    let pair = planned(&mut f, 2, &format!("{long},8.4(7)"));
    assert_eq!(pair.name.map(|n| n.len()), Some(100_000));
    let message = &errors(&mut f, 3, &format!("edge,8.4(7),,,{long}"))[0];
    assert!(message.len() < 200, "{message}");
}

#[test]
fn fleet_wide_settings_that_cannot_be_used_are_errors() {
    let bad = Fleet::new(PlanQuery {
        to: "6.9(1)".to_string(),
        preset: Some("asa9999".to_string()),
        ..PlanQuery::default()
    });
    let messages: Vec<String> = bad
        .err()
        .unwrap_or_default()
        .iter()
        .map(InputError::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            "preset: unknown preset 'asa9999': use one of asa5500, asa5580, asasm, asa5500x, all",
            "target: no train 6.9 in the catalog (nearest: 7.0, 7.1)",
        ]
    );
    // The fleet-wide target is written canonically into each pair's link.
    let mut f = fleet(" 9.1.7 ");
    assert_eq!(
        planned(&mut f, 1, "a,9.0(4)").share,
        "#from=9.0(4)&to=9.1(7)"
    );
}

/// A summary of these lines (comma-split).
fn summary(lines: &[&str]) -> Summary {
    let mut f = fleet("9.1(7)");
    let mut summary = Summary::default();
    for (i, line) in lines.iter().enumerate() {
        summary.add(&outcome(&mut f, i as u64 + 1, line));
    }
    summary
}

#[test]
fn pairs_with_the_same_path_and_mode_form_one_group() {
    let s = summary(&[
        "a,8.4(7)",
        "b,9.0(4)",
        "c,8.4(7)",
        "d,8.4(7),,,active-active",
        "e,8.4(7),8.4(7)",
        "f,8.4(7),9.0(1)",
        "g,9.1(7)",
        "h,banana",
    ]);
    let groups: Vec<(String, &str, Option<&str>, Vec<&str>)> = s
        .groups()
        .iter()
        .map(|g| {
            let path: Vec<String> = g.path.iter().map(|r| r.to_string()).collect();
            let pairs = g.pairs.iter().map(String::as_str).collect();
            (
                path.join(" "),
                g.mode.as_str(),
                g.other_unit.as_deref(),
                pairs,
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "8.4(7) 9.1(7)".to_string(),
                "active-standby",
                None,
                vec!["a", "c", "e"]
            ),
            (
                "9.0(4) 9.1(7)".to_string(),
                "active-standby",
                None,
                vec!["b"]
            ),
            (
                "8.4(7) 9.1(7)".to_string(),
                "active-active",
                None,
                vec!["d"]
            ),
            // The 9.0(1) unit may not go straight to 9.1(7) (SPEC §3.2, exception 4): it joins
            // a first hop to 9.0(4), its own hop a maintenance one.
            (
                "8.4(7) 9.0(4) 9.1(7)".to_string(),
                "active-standby",
                Some("9.0(1)"),
                vec!["f"]
            ),
        ]
    );
    assert_eq!(s.groups()[0].hops(), 1);
    assert_eq!(s.groups()[0].share, "#from=8.4(7)&to=9.1(7)");
    let t = s.tally;
    assert_eq!((t.ok, t.same, t.bad_lines, t.pairs()), (6, 1, 1, 7));
    let without: Vec<&str> = s.without_hops().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(without, ["g"]);
}

#[test]
fn images_to_stage_are_every_landing_release_with_the_pairs_that_need_it() {
    let s = summary(&[
        "a,8.4(7)",
        "b,9.0(4)",
        "c,8.4(7)",
        "d,9.0(1),,9.0(4)",
        "e,9.1(7)",
    ]);
    let images: Vec<(String, Vec<&str>)> = s
        .images()
        .map(|i| (i.release.to_string(), i.pairs))
        .collect();
    assert_eq!(
        images,
        [
            ("9.0(4)".to_string(), vec!["d"]),
            ("9.1(7)".to_string(), vec!["a", "c", "b"]),
        ]
    );
}

/// The same text as the golden file: one small fleet covering every verdict, a mismatched
/// pair, Active/Active, quoting, a header, a blank and a bad line.
const GOLDEN_FLEET: &[&[&str]] = &[
    &["name", "unit1", "unit2", "target", "mode", "preset"],
    &["edge-1", "8.2(5)"],
    &["edge \"2\", lab", "8.2.5"],
    &["dc-core", "9.1(1)", "9.1(2)", "9.2(4)", "active-active"],
    &[""],
    &["bad", "8.2(", "", "9.1(7)"],
    &["old", "9.2(4)"],
    &["done", "9.1(7)"],
    &["asa5580", "8.1(2)"],
];

/// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
#[track_caller]
fn golden(name: &str, actual: &str) {
    let path = fixture_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(
        actual == expected,
        "{name} changed (schema 1 is a public format: a change needs a new schema version; \
         UPDATE_GOLDEN=1 rewrites the file)\n--- actual ---\n{actual}"
    );
}

#[test]
fn the_fleet_json_is_schema_1_as_in_the_golden_file() {
    let mut f = fleet("9.1(7)");
    let mut summary = Summary::default();
    let mut errors = Vec::new();
    let mut out = String::new();
    let mut writer = FleetJson::start(&mut out);
    for (i, fields) in GOLDEN_FLEET.iter().enumerate() {
        let outcome = f.plan_record(i as u64 + 1, fields);
        summary.add(&outcome);
        match outcome {
            LineOutcome::Planned(pair) => writer.pair(&mut out, &pair),
            LineOutcome::Bad(bad) => errors.extend(bad),
            LineOutcome::Skipped => {}
        }
    }
    writer.end(&mut out, &errors, &summary);
    golden("fleet.json", &out);

    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["kind"], "fleet");
    assert_eq!(doc["pairs"][1]["name"], "edge \"2\", lab");
    assert_eq!(doc["errors"][0]["line"], 6);
    assert_eq!(doc["errors"][0]["field"], "unit1");
    assert_eq!(doc["counts"]["bad-lines"], 1);
}

#[test]
fn the_pair_json_is_schema_1_as_in_the_golden_file() {
    let query: PlanQuery = "from=8.4(7)&from2=8.4(7)30&to=9.1(7)".parse().unwrap();
    let pair = PairPlan::new(&query, &analyse(&query), "asa5500");
    let invalid: PlanQuery = "from=8.4(&to=9.1(7)".parse().unwrap();
    let bad = PairPlan::new(&invalid, &analyse(&invalid), "asa5500");
    let text = pair_document(&pair) + &pair_document(&bad);
    golden("pair.json", &text);
    for line in text.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
        assert_eq!(
            (doc["schema"].as_u64(), doc["kind"].as_str()),
            (Some(1), Some("pair"))
        );
    }
}

#[test]
fn json_strings_escape_what_json_requires_and_nothing_else() {
    let mut f = fleet("9.1(7)");
    let name = "q\"b\\s/\n\t\u{1}ü→";
    let pair = planned(&mut f, 1, &format!("{name},9.0(4)"));
    let mut out = String::new();
    let mut writer = FleetJson::start(&mut out);
    writer.pair(&mut out, &pair);
    assert!(out.contains(r#""name":"q\"b\\s/\n\t\u0001ü→""#), "{out}");
    writer.end(&mut out, &[], &Summary::default());
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["pairs"][0]["name"], name);
}

#[test]
fn a_generated_fleet_of_100_000_lines_plans_every_line() {
    let csv = sample_csv(100_000);
    let mut f = fleet("");
    let mut summary = Summary::default();
    for (i, line) in csv.lines().enumerate() {
        summary.add(&outcome(&mut f, i as u64 + 1, line));
    }
    let t = summary.tally;
    assert_eq!((t.pairs(), t.bad_lines), (100_000, 0));
    assert!(t.ok > 50_000 && t.downgrade > 0 && t.no_path > 0, "{t:?}");
    // A fleet repeats a few paths: far fewer groups than pairs.
    assert!(summary.groups().len() < 2_000, "{}", summary.groups().len());
}

#[test]
fn the_platform_column_restricts_each_pair_and_names_its_image_files() {
    use asa_planner::domain::platform::Platform;
    let mut f = Fleet::new(PlanQuery {
        to: "9.14(4)".to_string(),
        rules: asa_planner::domain::rules::RuleSet::Guide9x,
        platform: Some(Platform::Fp2100),
        ..PlanQuery::default()
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    // The column after preset; an empty one takes the fleet-wide model.
    let a = planned(&mut f, 2, "a,9.8(4),,,,,asa5525x");
    assert_eq!(a.platform, Some(Platform::Asa5525x));
    assert_eq!(a.preset, "asa5500x", "the model's preset");
    assert_eq!(a.share, "#from=9.8(4)&to=9.14(4)&platform=asa5525x");
    let b = planned(&mut f, 3, "b,9.8(4)");
    assert_eq!(b.platform, Some(Platform::Fp2100));
    // A target the line's model cannot run: planned, no path.
    let c = planned(&mut f, 4, "c,9.8(4),,9.20(3),,,asa5525x");
    assert_eq!(c.verdict, Verdict::NoPath);
    assert!(c.hops.is_empty());
    assert_eq!(
        errors(&mut f, 5, "d,9.8(4),,,,,5525"),
        [
            "line 5, field platform: '5525' is not a model id: use one of asa5505, asa5510, \
          asa5580, asa5512x, asa5525x, asa5585x, asa5506x, asasm, fp1000, fp2100, fp3100, \
          fp4200, fp4100, asav, isa3000"
        ]
    );
    // Same path, different models: two groups, and each model's file to stage.
    let mut summary = Summary::default();
    for pair in [a, b, c] {
        summary.add(&LineOutcome::Planned(Box::new(pair)));
    }
    assert_eq!(summary.groups().len(), 2);
    assert_eq!(summary.groups()[0].platform, Some(Platform::Asa5525x));
    let images: Vec<_> = summary.images().collect();
    assert_eq!(images.len(), 1);
    assert_eq!(images[0].release.to_string(), "9.14(4)");
    assert_eq!(
        images[0].files,
        ["asa9-14-4-smp-k8.bin", "cisco-asa-fp2k.9.14.4.SPA"]
    );
    assert_eq!(images[0].pairs, ["a", "b"]);
}

/// The fleet's images to stage name the files each pair's runbook copies: with no model, the
/// family of the models that run the group's whole path (8.2(5) → 9.2(4): the ASA 5505's
/// `-k8.bin`), as `plan` names them.
#[test]
fn images_to_stage_are_the_files_the_runbooks_copy() {
    use asa_planner::domain::runbook::{hop_images, image_of};
    let mut f = Fleet::new(PlanQuery {
        to: "9.2(4)".to_string(),
        rules: asa_planner::domain::rules::RuleSet::Guide9x,
        ..PlanQuery::default()
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let mut summary = Summary::default();
    for (i, line) in ["a,8.2(5)", "b,9.1(7)", "c,8.4(7)"].iter().enumerate() {
        summary.add(&LineOutcome::Planned(Box::new(planned(
            &mut f,
            i as u64 + 2,
            line,
        ))));
    }
    for image in summary.images() {
        for pair in &image.pairs {
            let from = match *pair {
                "a" => "8.2(5)",
                "b" => "9.1(7)",
                _ => "8.4(7)",
            };
            let query: PlanQuery = format!("from={from}&to=9.2(4)").parse().expect("a link");
            let s = analyse(&query);
            let hops = s.hops();
            let images = hop_images(hops, "", &[], None);
            let file = image_of(hops, &images, image.release, None);
            assert!(
                image.files.contains(&file),
                "{pair}: {file} not in {:?}",
                image.files
            );
        }
    }
    let first: Vec<_> = summary.images().collect();
    assert!(first
        .iter()
        .any(|i| i.files.iter().any(|f| f == "asa924-k8.bin")));
}
