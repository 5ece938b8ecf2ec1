//! The built-in catalog: `data/catalog.txt` must be exactly what the generator makes from the
//! reference data (`cargo xtask catalog` regenerates it), and it must hold what SPEC §5 says.

#[allow(dead_code)] // `run` and the JSON value's accessors serve the xtask binary only.
#[path = "../xtask/src/catalog.rs"]
mod generator;

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::release::{Release, Train};
use generator::Json;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/catalog.txt");
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/reference/asa-releases.json"
);

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[track_caller]
fn render_err(json: &str, expected: &str) {
    match generator::render(json) {
        Ok(text) => panic!("rendered {json:?} as {text:?}"),
        Err(e) => assert_eq!(e, expected),
    }
}

/// The reference entries as JSON objects.
fn reference() -> Vec<Json> {
    match Json::parse(&read(REFERENCE)) {
        Ok(Json::Array(items)) => items,
        other => panic!("reference data is not an array: {other:?}"),
    }
}

fn text<'a>(item: &'a Json, name: &str) -> Option<&'a str> {
    let Json::Object(fields) = item else {
        return None;
    };
    fields
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| match v {
            Json::String(s) => Some(s.as_str()),
            _ => None,
        })
}

fn flags(item: &Json) -> Vec<&str> {
    let Json::Object(fields) = item else {
        return Vec::new();
    };
    match fields.iter().find(|(k, _)| k == "flags") {
        Some((_, Json::Array(items))) => items
            .iter()
            .filter_map(|f| {
                if let Json::String(s) = f {
                    Some(s.as_str())
                } else {
                    None
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn committed_data_is_what_the_generator_makes() {
    let expected = generator::render(&read(REFERENCE)).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        read(DATA) == expected,
        "data/catalog.txt is out of date with the reference data: run `cargo xtask catalog`"
    );
}

#[test]
fn the_generator_notices_every_change() {
    let json = read(REFERENCE);
    let data = read(DATA);
    for (from, to) in [
        ("\"9.12 train\"", "\"9.12 train!\""),
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
    let entry = |extra: &str| {
        format!(
            r#"[{{"major": 9, "minor": 1, "maintenance": 7, "interim": null, "flags": [],
            "date": null, "note": "n", "source": "s"{extra}}}]"#
        )
    };
    assert!(generator::render(&entry("")).is_ok());
    render_err("{}", "the reference data is not a JSON array");
    render_err("[1,]", "JSON error at byte 3: expected a value");
    render_err(
        &entry("").replace("[]", r#"["beta"]"#),
        "entry 1: unknown flag the text \"beta\"",
    );
    render_err(
        &entry("").replace("null, \"flags\"", "70000, \"flags\""),
        "entry 1: `interim` is not a number from 0 to 65535: the number 70000",
    );
    render_err(
        &entry("").replace("\"n\"", "\"a\\nb\""),
        "entry 1: `note` is not a non-empty one-line text: the text \"a\\nb\"",
    );
    render_err(
        &entry("").replace("\"date\": null", "\"date\": \"2025\""),
        "entry 1: `date` is not YYYY-MM or null: the text \"2025\"",
    );
    render_err(
        &entry("").replace("\"major\": 9,", ""),
        "entry 1: missing field `major`",
    );
    let object = entry("");
    let object = object.trim_start_matches('[').trim_end_matches(']');
    render_err(
        &format!("[{object}, {object}]"),
        "release 9.1(7) is listed twice",
    );
}

#[test]
fn json_strings_decode_escapes() {
    let parsed =
        Json::parse(r#"["a\"b\\c\/d\n\u00e9\ud83d\ude00", -1.5e1, true, false, null, {}]"#);
    assert_eq!(
        parsed,
        Ok(Json::Array(vec![
            Json::String("a\"b\\c/d\né😀".to_string()),
            Json::Number(-15.0),
            Json::Bool(true),
            Json::Bool(false),
            Json::Null,
            Json::Object(Vec::new()),
        ]))
    );
    assert_eq!(
        Json::parse(r#""\ud83d""#),
        Err("JSON error at byte 7: lone surrogate".to_string())
    );
    assert!(Json::parse(&"[".repeat(100_000)).is_err());
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
        let version = text(item, "version").unwrap_or_else(|| panic!("no version in {item:?}"));
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
        assert_eq!(Some(entry.source), text(item, "source"), "{version}");
        assert_eq!(Some(entry.note), text(item, "note"), "{version}");
        assert_eq!(entry.date, text(item, "date"), "{version}");
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
