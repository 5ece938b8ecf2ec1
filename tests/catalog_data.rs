//! The built-in catalog: `data/catalog.txt` must be exactly what the generator makes from the
//! reference data (`cargo xtask catalog` regenerates it), and it must hold what SPEC §5 says.

#[allow(dead_code)] // `run` serves the xtask binary only.
#[path = "../xtask/src/catalog.rs"]
mod generator;

mod util;

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::release::{Release, Train};
use serde_json::Value;
use std::path::Path;
use util::read;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog.txt");
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/reference/asa-releases.json"
);

#[track_caller]
fn render_err(json: &str, expected: &str) {
    match generator::render(json) {
        Ok(text) => panic!("rendered {json:?} as {text:?}"),
        Err(e) => assert_eq!(e, expected),
    }
}

/// The reference entries as JSON objects, read apart from the generator.
fn reference() -> Vec<Value> {
    match serde_json::from_str(&read(Path::new(REFERENCE))) {
        Ok(Value::Array(items)) => items,
        other => panic!("reference data is not an array: {other:?}"),
    }
}

fn flags(item: &Value) -> Vec<&str> {
    item["flags"]
        .as_array()
        .map(|flags| flags.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn committed_data_is_what_the_generator_makes() {
    let expected = generator::render(&read(Path::new(REFERENCE))).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        read(Path::new(DATA)) == expected,
        "data/catalog.txt is out of date with the reference data: run `cargo xtask catalog`"
    );
}

#[test]
fn the_generator_notices_every_change() {
    let json = read(Path::new(REFERENCE));
    let data = read(Path::new(DATA));
    for (from, to) in [
        ("\"maintenance\": 4,", "\"maintenance\": 5,"),
        ("\"2025-12\"", "\"2025-11\""),
        ("\"withdrawn\"", "\"pre-release\""),
    ] {
        let changed = json.replacen(from, to, 1);
        assert!(changed != json, "{from} is not in the reference data");
        // Either the generator refuses the change or its output differs.
        let rendered = generator::render(&changed).ok();
        assert!(
            rendered.as_ref() != Some(&data),
            "{from} → {to} went unnoticed"
        );
    }
}

#[test]
fn the_generator_refuses_odd_data() {
    let entry = r#"[{"major": 9, "minor": 1, "maintenance": 7, "interim": null, "flags": [],
        "date": null, "note": "n", "source": "s"}]"#;
    assert!(generator::render(entry).is_ok());
    render_err(
        "{}",
        "invalid type: map, expected a sequence at line 1 column 0",
    );
    render_err(
        &entry.replace("}]", "},]"),
        "trailing comma at line 2 column 51",
    );
    render_err(
        &entry.replace("[]", r#"["beta"]"#),
        "unknown variant `beta`, expected `pre-release` or `withdrawn` at line 1 column 77",
    );
    render_err(
        &entry.replace("null, \"flags\"", "70000, \"flags\""),
        "invalid value: integer `70000`, expected u16 at line 1 column 60",
    );
    render_err(
        &entry.replace("\"date\": null", "\"date\": \"2025\""),
        "release 9.1(7): `date` is not YYYY-MM or null: \"2025\"",
    );
    render_err(
        &entry.replace("\"major\": 9,", ""),
        "missing field `major` at line 2 column 49",
    );
    let object = entry.trim_start_matches('[').trim_end_matches(']');
    render_err(
        &format!("[{object}, {object}]"),
        "release 9.1(7) is listed twice",
    );
}

#[test]
fn builtin_catalog_holds_every_release_but_pre_release_builds() {
    let catalog = Catalog::builtin();
    assert_eq!(catalog.entries().len(), 736);
    let trains = catalog.trains();
    assert_eq!(trains.first(), Some(&Train { major: 7, minor: 0 }));
    assert_eq!(
        trains.last(),
        Some(&Train {
            major: 9,
            minor: 24
        })
    );
    assert_eq!(trains.len(), 34);

    let items = reference();
    assert_eq!(items.len(), 748);
    let mut kept = 0;
    for item in &items {
        let version = item["version"]
            .as_str()
            .unwrap_or_else(|| panic!("no version in {item:?}"));
        let release: Release = version.parse().unwrap_or_else(|e| panic!("{version}: {e}"));
        let flags = flags(item);
        let entry = catalog.get(release);
        if flags.contains(&"pre-release") {
            assert!(entry.is_none(), "pre-release {version} is in the catalog");
            continue;
        }
        kept += 1;
        let entry = entry.unwrap_or_else(|| panic!("{version} is missing"));
        assert_eq!(entry.withdrawn, flags.contains(&"withdrawn"), "{version}");
        // Where the release was found stays in the reference data, for maintainers.
        assert!(
            item["source"].as_str().is_some_and(|s| !s.is_empty()),
            "{version}"
        );
        assert_eq!(entry.date, item["date"].as_str(), "{version}");
    }
    assert_eq!(kept, 736);
}

#[test]
fn builtin_catalog_facts() {
    let catalog = Catalog::builtin();
    let withdrawn: Vec<String> = catalog
        .entries()
        .iter()
        .filter(|e| e.withdrawn)
        .map(|e| e.release.to_string())
        .collect();
    assert_eq!(withdrawn, ["9.6(3)", "9.7(1)"]);
    let r = |s: &str| s.parse::<Release>().ok();
    let t = |s: &str| s.parse::<Train>().unwrap_or_else(|e| panic!("{s}: {e}"));
    // Trains with only interim builds recommend their newest one (SPEC §4).
    assert_eq!(catalog.recommended(t("9.9")), r("9.9(2)85"));
    assert_eq!(catalog.recommended(t("9.15")), r("9.15(1)21"));
    assert_eq!(catalog.recommended(t("9.22")), r("9.22(2)14"));
    // Withdrawn releases are never recommended.
    assert_eq!(catalog.recommended(t("9.6")), r("9.6(2)"));
    assert_eq!(catalog.recommended(t("9.7")), r("9.7(1)29"));
    assert_eq!(catalog.recommended(t("8.4")), r("8.4(7)"));
    for &train in catalog.trains() {
        let rec = catalog
            .recommended(train)
            .unwrap_or_else(|| panic!("nothing in {train}"));
        let entries = catalog.train_entries(train);
        let has_maintenance = entries
            .iter()
            .any(|e| !e.withdrawn && !e.release.is_interim());
        assert_eq!(rec.is_interim(), !has_maintenance, "{train}");
        assert!(entries.iter().all(|e| e.withdrawn
            || e.release.is_interim() != rec.is_interim()
            || e.release <= rec));
    }
    assert!(!catalog.has_train(t("9.11")) && !catalog.has_train(t("9.21")));
}

#[test]
fn the_pre_release_list_is_what_the_reference_data_flags() {
    use asa_planner::domain::catalog::PRE_RELEASE;
    let mut flagged: Vec<Release> = reference()
        .iter()
        .filter(|item| flags(item).contains(&"pre-release"))
        .map(|item| {
            let text = item["version"].as_str().unwrap_or_default();
            text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
        })
        .collect();
    flagged.sort_unstable();
    let mut listed = PRE_RELEASE.to_vec();
    listed.sort_unstable();
    assert_eq!(listed, flagged);
}
