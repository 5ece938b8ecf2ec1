//! The share format (SPEC §8): table tests for parsing, canonical display and notices, and
//! property tests for the round trip and totality.

mod util;

use asa_planner::domain::platform::Platform;
use asa_planner::domain::query::{
    Dropped, LinkProblem, Notice, PlanQuery, QueryError, ReleaseKey, MAX_FRAGMENT, VERSION,
};
use asa_planner::domain::release::Train;
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::runbook::Mode;
use proptest::prelude::*;
use util::t;

#[track_caller]
fn parse(fragment: &str) -> (PlanQuery, Vec<Notice>) {
    PlanQuery::parse_with_notices(fragment).unwrap_or_else(|e| panic!("{fragment:?}: {e}"))
}

/// Parses `fragment` and checks that it reads without notices and prints as `canonical`.
#[track_caller]
fn canonical(fragment: &str, expected: &str) {
    let (q, notices) = parse(fragment);
    assert_eq!(notices, vec![], "notices for {fragment:?}");
    assert_eq!(q.to_string(), expected, "display of {fragment:?}");
}

/// Parses `fragment` and checks the notices as (key, message, is_error), verbatim.
#[track_caller]
fn notices(fragment: &str, expected: &[(&str, &str, bool)]) -> PlanQuery {
    let (q, notices) = parse(fragment);
    let got: Vec<(&str, &str, bool)> = notices
        .iter()
        .map(|n| {
            assert_eq!(
                n.message,
                n.to_string(),
                "a notice's message is its wording"
            );
            (n.key.as_str(), n.message.as_str(), n.is_error)
        })
        .collect();
    assert_eq!(got, expected, "notices for {fragment:?}");
    q
}

/// A link's notices are facts (the key, the value as decoded, the parser's error); the
/// sentences the tests above read are their wording in `view::words`.
#[test]
fn notices_are_typed() {
    let (_, n) = parse("mode=foo%20bar&img=9.8(4)&trains=8.4,8.x&v=7&zz=1&zz=2&from=1&from=2");
    let got: Vec<(&str, &LinkProblem)> = n.iter().map(|n| (n.key.as_str(), &n.problem)).collect();
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[0], ("zz", &LinkProblem::UnknownKey));
    assert_eq!(got[1], ("from", &LinkProblem::Repeated));
    assert_eq!(got[2], ("mode", &LinkProblem::Mode("foo bar".to_string())));
    assert!(matches!(got[3], ("trains", LinkProblem::Train { item, .. }) if item == "8.x"));
    assert_eq!(
        got[4],
        (
            "img",
            &LinkProblem::Files {
                key: "img",
                items: vec!["9.8(4)".to_string()]
            }
        )
    );
    assert_eq!(
        got[5],
        (
            "v",
            &LinkProblem::NewerVersion {
                v: 7,
                read_as: VERSION
            }
        )
    );
}

#[test]
fn the_spec_example_reads_and_prints_as_written() {
    let (q, n) = parse("#from=8.2(5)&to=9.1(7)");
    assert_eq!(n, vec![]);
    assert_eq!(
        q,
        PlanQuery {
            from: "8.2(5)".into(),
            to: "9.1(7)".into(),
            ..PlanQuery::default()
        }
    );
    assert_eq!(q.to_string(), "from=8.2(5)&to=9.1(7)");
}

#[test]
fn every_key_reads_into_its_field() {
    let (q, n) = parse(
        "from=8.4.7.30&from2=8.4(7)&to=9.1(7)&mode=active-active&preset=asa5500&platform=asa5525x\
         &trains=8.4,9.0,9.1&releases=8.4(7),9.0(4),9.1(7)&via=9.0(2)&interim=1&rules=guide-9x&contexts=multi\
         &server=10.0.0.5&img=9.0(4):asa904-k8.bin,9.1(7):asa917-k8.bin\
         &asdm=9.1(7):asdm-7221.bin&min=25",
    );
    assert_eq!(n, vec![]);
    let expected = PlanQuery {
        from: "8.4.7.30".into(),
        from2: Some("8.4(7)".into()),
        to: "9.1(7)".into(),
        mode: Mode::ActiveActive,
        preset: Some("asa5500".into()),
        platform: Some(Platform::Asa5525x),
        trains: Some(vec![t("8.4"), t("9.0"), t("9.1")]),
        releases: Some(vec!["8.4(7)".into(), "9.0(4)".into(), "9.1(7)".into()]),
        via: vec!["9.0(2)".into()],
        interim: true,
        rules: RuleSet::Guide9x,
        multi_context: true,
        server: "10.0.0.5".into(),
        images: vec![
            ("9.0(4)".into(), "asa904-k8.bin".into()),
            ("9.1(7)".into(), "asa917-k8.bin".into()),
        ],
        asdm: vec![("9.1(7)".into(), "asdm-7221.bin".into())],
        minutes: Some(25),
    };
    assert_eq!(q, expected);
}

/// Issue #20, 11: the runbook settings travel with the plan: read from the link, written
/// back in the canonical order, defaults omitted, bad values reported and the rest kept.
#[test]
fn runbook_settings_are_share_keys() {
    let q = notices(
        "from=9.8(4)&to=9.12(4)&min=15&server=tftp%2Dhost&asdm=9.12(4):asdm%2C1.bin\
         &img=9.8(4):asa984-smp-k8.bin,9.12(4):a:b.bin",
        // The release ends at the first colon; the file name after it, with a colon of its
        // own, reads as a path: kept for its field, never pasted.
        &[(
            "img",
            "img: 'a:b.bin' holds a path: type the file name alone, as 'dir disk0:' lists it \
             (the runbook writes 'disk0:/' before it; a folder on the TFTP server goes in the \
             server field, after the host): the commands do not use it (the runbook's field \
             keeps it)",
            true,
        )],
    );
    assert_eq!(q.server, "tftp-host");
    assert_eq!(q.minutes, Some(15));
    assert_eq!(
        q.asdm,
        vec![("9.12(4)".to_string(), "asdm,1.bin".to_string())]
    );
    assert_eq!(q.images[1], ("9.12(4)".to_string(), "a:b.bin".to_string()));
    assert_eq!(
        q.to_string(),
        "from=9.8(4)&to=9.12(4)&server=tftp-host\
         &img=9.8(4):asa984-smp-k8.bin,9.12(4):a:b.bin&asdm=9.12(4):asdm%2C1.bin&min=15"
    );
    // The runbook reads them under the release's canonical spelling.
    let typed = PlanQuery {
        images: vec![("9.12.4".into(), "x.bin".into())],
        asdm: vec![("9.12(4)".into(), "y.bin".into())],
        ..PlanQuery::default()
    }
    .typed_images();
    assert_eq!(
        typed,
        vec![
            ("9.12(4)".to_string(), "x.bin".to_string()),
            ("asdm 9.12(4)".to_string(), "y.bin".to_string())
        ]
    );
    // Defaults are omitted.
    assert_eq!(
        PlanQuery::default().to_string(),
        "",
        "no key for unset runbook settings"
    );
    // Bad values: an error each, the rest kept.
    let q = notices(
        "from=9.8(4)&to=9.12(4)&min=0&img=asa984.bin&asdm=:x.bin&server=s",
        &[
            ("img", "img: 'asa984.bin' is not release:file (e.g. 9.12(4):asa9-12-4-smp-k8.bin): the list was ignored", true),
            ("asdm", "asdm: ':x.bin' is not release:file (e.g. 9.12(4):asa9-12-4-smp-k8.bin): the list was ignored", true),
            ("min", "min '0' is not a whole number of minutes above 0: it was ignored", true),
        ],
    );
    assert_eq!(q.server, "s");
    assert!(q.images.is_empty() && q.asdm.is_empty() && q.minutes.is_none());
    notices(
        "min=ten",
        &[(
            "min",
            "min 'ten' is not a whole number of minutes above 0: it was ignored",
            true,
        )],
    );
    // A reload takes minutes: past a day is a slip ("about 71582788 h 15 min" helps no one).
    let q = notices(
        "min=4294967295",
        &[(
            "min",
            "min '4294967295' is more than 1440 minutes (a day) for one reload: it was ignored",
            true,
        )],
    );
    assert_eq!(q.minutes, None);
    assert_eq!("min=1440".parse::<PlanQuery>().unwrap().minutes, Some(1440));
}

/// Issue #20, 11: a link that cannot carry everything says what it leaves out.
#[test]
fn a_link_over_the_limit_says_what_it_leaves_out() {
    let small = PlanQuery {
        from: "8.4(7)".into(),
        to: "9.1(7)".into(),
        server: "10.0.0.5".into(),
        minutes: Some(20),
        ..PlanQuery::default()
    };
    let fitted = small.fitted();
    assert_eq!(fitted.fragment, small.to_string());
    assert!(fitted.dropped.is_empty() && !fitted.too_long);
    // A 1,674-entry custom list: the list goes, the runbook settings stay.
    let list: Vec<String> = (0..1674)
        .map(|i| format!("9.{}({})", i / 10, i % 10))
        .collect();
    let big = PlanQuery {
        releases: Some(list),
        ..small.clone()
    };
    assert!(big.to_string().len() > MAX_FRAGMENT);
    let fitted = big.fitted();
    assert_eq!(fitted.dropped, vec![Dropped::CustomList(1674)]);
    assert!(fitted.fragment.len() <= MAX_FRAGMENT);
    assert!(fitted.fragment.contains("server=10.0.0.5") && fitted.fragment.contains("min=20"));
    let said = asa_planner::view::words::link_drops(&fitted.dropped);
    assert!(said.contains("1674") || said.contains("1,674"), "{said}");
    assert!(said.contains("custom list"), "{said}");
    // Too many image names as well: those go next, and the sentence says so.
    let images: Vec<(String, String)> = (0..400)
        .map(|i| (format!("9.{i}(1)"), format!("asa9-{i}-1-smp-k8.bin")))
        .collect();
    let bigger = PlanQuery { images, ..big };
    let fitted = bigger.fitted();
    assert_eq!(
        fitted.dropped,
        vec![Dropped::CustomList(1674), Dropped::RunbookSettings]
    );
    assert!(!fitted.fragment.contains("server="));
    let said = asa_planner::view::words::link_drops(&fitted.dropped);
    assert!(said.contains("image names"), "{said}");
}

/// What "Copy link" says after the outcome (`words::link_left_out`): nothing for a link that
/// carries the whole plan; what was left out; and a link still over 8 KB without all of it.
#[test]
fn copy_link_says_what_the_link_leaves_out() {
    use asa_planner::view::words::link_left_out;
    let small: PlanQuery = "from=9.8(4)&to=9.12(4)".parse().unwrap();
    let fitted = small.fitted();
    assert_eq!(link_left_out(&fitted.dropped, fitted.too_long), "");
    let big = PlanQuery {
        releases: Some(
            (0..1674)
                .map(|i| format!("9.{}({})", i / 10, i % 10))
                .collect(),
        ),
        ..small.clone()
    };
    let fitted = big.fitted();
    let said = link_left_out(&fitted.dropped, fitted.too_long);
    assert!(said.contains("the custom list (1674 releases)"), "{said}");
    assert!(!said.contains("Even so"), "{said}");
    // A preset id of 9,000 characters (no link or control gives one): nothing the link may
    // leave out makes it fit.
    let huge = PlanQuery {
        preset: Some("9".repeat(9000)),
        ..big
    };
    let fitted = huge.fitted();
    assert!(fitted.too_long);
    let said = link_left_out(&fitted.dropped, fitted.too_long);
    assert!(
        said.contains("the custom list") && said.contains("Even so the link is longer than 8 KB"),
        "{said}"
    );
}

#[test]
fn display_is_canonical() {
    // Fixed key order, defaults omitted, `v` not written.
    canonical(
        "to=9.1(7)&interim=0&from=8.2(5)&mode=active-standby&v=1",
        "from=8.2(5)&to=9.1(7)",
    );
    canonical(
        "rules=Table-81-1&interim=true&via=9.0(4)&releases=9.0(4)&trains=9.0&preset=all&mode=Active-Active&to=b&from2=c&from=a",
        "from=a&from2=c&to=b&mode=active-active&preset=all&trains=9.0&releases=9.0(4)&via=9.0(4)&interim=1&rules=table-81-1",
    );
    // Issue #20 item 4: the default rule set (guide-9x, SPEC §8) is not written; spelled out,
    // it reads as the default; Table 81-1 is written.
    canonical("from=8.2(5)&rules=guide-9x", "from=8.2(5)");
    canonical(
        "rules=+table-81-1+&from=8.2(5)",
        "from=8.2(5)&rules=table-81-1",
    );
    assert_eq!(
        "from=8.2(5)".parse::<PlanQuery>().map(|q| q.rules),
        Ok(RuleSet::Guide9x)
    );
    canonical("", "");
    canonical("#", "");
    canonical("&&from=1&&", "from=1");
    // Explicitly empty sets are kept: no trains at all, an empty custom list.
    canonical("trains=&releases=", "trains=&releases=");
    // An empty `via` is the default and disappears; empty list items are dropped.
    canonical("via=&releases=,a,,b,", "releases=a,b");
    canonical("interim", "interim=1");
}

#[test]
fn decoding_follows_url_search_params() {
    let (q, _) = parse("from=8.4%287%2930&to=+9.1(7)+&preset=a%73asm&releases=a%2Cb,c");
    assert_eq!(q.from, "8.4(7)30");
    assert_eq!(q.to, " 9.1(7) ");
    assert_eq!(q.preset.as_deref(), Some("asasm"));
    assert_eq!(q.releases, Some(vec!["a,b".to_string(), "c".to_string()]));
    // Bad escapes are kept as typed; invalid UTF-8 becomes U+FFFD; keys are decoded too.
    let (q, _) = parse("from=100%&to=%zz%4&%66rom2=%FF%C3%A9");
    assert_eq!((q.from.as_str(), q.to.as_str()), ("100%", "%zz%4"));
    assert_eq!(q.from2.as_deref(), Some("\u{FFFD}é"));
    // `=` inside a value belongs to the value.
    assert_eq!(parse("from=a=b").0.from, "a=b");
}

#[test]
fn display_encodes_only_what_must_be_encoded() {
    let q = PlanQuery {
        from: "8.2(5), x".into(),
        to: "a&b=c#d+e%f".into(),
        from2: Some("é`\n".into()),
        releases: Some(vec!["8.4(7),30".into()]),
        ..PlanQuery::default()
    };
    assert_eq!(
        q.to_string(),
        "from=8.2(5),%20x&from2=%C3%A9%60%0A&to=a%26b%3Dc%23d%2Be%25f&releases=8.4(7)%2C30"
    );
}

#[test]
fn unknown_keys_are_notices_and_the_rest_is_kept() {
    let q = notices(
        "from=8.2(5)&colour=red&to=9.1(7)&colour=blue&%00x=1",
        &[
            ("colour", "unknown key 'colour' was ignored", false),
            ("\0x", "unknown key 'U+0000x' was ignored", false),
        ],
    );
    // Invisible characters are named, not printed as nothing.
    notices(
        "from=8.2(5)&to=9.1(7)&min=1%E2%80%8B&%EF%BB%BFfrom=1",
        &[
            (
                "\u{FEFF}from",
                "unknown key 'U+FEFFfrom' was ignored",
                false,
            ),
            (
                "min",
                "min '1U+200B' is not a whole number of minutes above 0: it was ignored",
                true,
            ),
        ],
    );
    assert_eq!(q.to_string(), "from=8.2(5)&to=9.1(7)");
    let long = "k".repeat(50);
    notices(
        &format!("{long}=1"),
        &[(
            long.as_str(),
            "unknown key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…' was ignored",
            false,
        )],
    );
}

#[test]
fn multiple_context_mode_reads_and_writes_as_contexts_multi() {
    let q: PlanQuery = "from=9.8(4)&to=9.12(4)&contexts=Multi".parse().unwrap();
    assert!(q.multi_context);
    assert_eq!(q.to_string(), "from=9.8(4)&to=9.12(4)&contexts=multi");
    let single: PlanQuery = "from=9.8(4)&contexts=single".parse().unwrap();
    assert!(!single.multi_context);
    notices(
        "contexts=both",
        &[(
            "contexts",
            "contexts 'both' is not multi or single: it was ignored",
            true,
        )],
    );
}

#[test]
fn bad_values_are_errors_and_the_rest_is_kept() {
    let q = notices(
        "from=8.2(5)&mode=foo&to=9.1(7)&interim=maybe&rules=9x&trains=8.4,8.x&v=one",
        &[
            ("mode", "mode 'foo' is not a failover mode (active-standby or active-active): it was ignored", true),
            (
                "trains",
                "trains: '8.x' is not a train (unexpected character 'x' at position 3 in the minor number): \
                 the list was ignored",
                true,
            ),
            ("interim", "interim 'maybe' is not 1, 0, true or false: it was ignored", true),
            ("rules", "rules '9x' is not a rule set (table-81-1 or guide-9x): it was ignored", true),
            ("v", "version 'one' is not a format version: the link was read as v1", true),
        ],
    );
    assert_eq!(
        q,
        PlanQuery {
            from: "8.2(5)".into(),
            to: "9.1(7)".into(),
            ..PlanQuery::default()
        }
    );
}

#[test]
fn a_repeated_key_keeps_the_last_value() {
    let q = notices(
        "from=7.0(1)&mode=foo&from=8.2(5)&mode=active-active&from=8.3(1)",
        &[
            (
                "from",
                "from is given more than once: the last one is used",
                false,
            ),
            (
                "mode",
                "mode is given more than once: the last one is used",
                false,
            ),
        ],
    );
    assert_eq!((q.from.as_str(), q.mode), ("8.3(1)", Mode::ActiveActive));
}

#[test]
fn a_newer_version_is_read_as_v1_with_a_notice() {
    let q = notices(
        "v=2&from=8.2(5)&to=9.1(7)&shiny=1",
        &[
            ("shiny", "unknown key 'shiny' was ignored", false),
            (
                "v",
                "this link was made by a newer version of the planner (format v2): it was read as v1, \
                 so parts of it may be missing",
                false,
            ),
        ],
    );
    assert_eq!(q.to_string(), "from=8.2(5)&to=9.1(7)");
    notices("v=1", &[]);
    notices(
        "v=0",
        &[(
            "v",
            "version '0' is not a format version: the link was read as v1",
            true,
        )],
    );
}

#[test]
fn too_long_input_is_refused_with_a_message() {
    let at_limit = format!("from={}", "9".repeat(MAX_FRAGMENT - 5));
    assert_eq!(
        parse(&format!("#{at_limit}")).0.from.len(),
        MAX_FRAGMENT - 5
    );
    let over = format!("{at_limit}9");
    let err = over.parse::<PlanQuery>().unwrap_err();
    assert_eq!(
        err,
        QueryError::TooLong {
            bytes: MAX_FRAGMENT + 1
        }
    );
    assert_eq!(
        err.to_string(),
        "the link is too long (8193 bytes; at most 8192): it was not read"
    );
    let megabyte = "&".repeat(1 << 20);
    assert_eq!(
        megabyte.parse::<PlanQuery>(),
        Err(QueryError::TooLong { bytes: 1 << 20 })
    );
}

/// Any text, biased towards the characters the format gives a meaning to.
fn weird_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,12}",
        "[&=#+%, ()0-9a-f.]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
        Just("%".to_string()),
        Just("%2".to_string()),
    ]
}

fn non_empty_weird_text() -> impl Strategy<Value = String> {
    weird_text().prop_filter("list items are never empty", |s| !s.is_empty())
}

fn any_query() -> impl Strategy<Value = PlanQuery> {
    let trains = proptest::collection::vec((any::<u16>(), any::<u16>()), 0..5).prop_map(|v| {
        v.into_iter()
            .map(|(major, minor)| Train { major, minor })
            .collect()
    });
    let list = || proptest::collection::vec(non_empty_weird_text(), 0..5);
    (
        (
            weird_text(),
            weird_text(),
            proptest::option::of(weird_text()),
        ),
        (
            prop_oneof![Just(Mode::ActiveStandby), Just(Mode::ActiveActive)],
            proptest::option::of(prop::sample::select(Platform::ALL.to_vec())),
        ),
        // A link's preset is one of the presets' ids (any other is a bad value).
        proptest::option::of(prop::sample::select(
            asa_planner::domain::presets::PRESETS
                .iter()
                .map(|p| p.id.to_owned())
                .collect::<Vec<_>>(),
        )),
        proptest::option::of(trains),
        (
            proptest::option::of(list()),
            list(),
            any::<bool>(),
            prop::sample::select(RuleSet::ALL.to_vec()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (from, to, from2),
                (mode, platform),
                preset,
                trains,
                (releases, via, interim, rules, multi_context),
            )| {
                PlanQuery {
                    from,
                    to,
                    from2,
                    mode,
                    preset,
                    platform,
                    trains,
                    releases,
                    via,
                    interim,
                    rules,
                    multi_context,
                    ..PlanQuery::default()
                }
            },
        )
        .prop_flat_map(|q| {
            let named = || proptest::collection::vec((non_empty_weird_text(), weird_text()), 0..4);
            (
                Just(q),
                (
                    weird_text(),
                    named(),
                    named(),
                    proptest::option::of(1u32..=1440),
                ),
            )
        })
        .prop_map(|(q, (server, images, asdm, minutes))| {
            // A name is one word (`runbook::name_problem`): a link with any other is refused
            // (`a_name_with_a_line_break_never_reaches_a_pasted_line`, tests/runbook.rs).
            let word = |s: String| -> String {
                s.chars()
                    .filter(|&c| {
                        !c.is_whitespace()
                            && !c.is_control()
                            && !asa_planner::domain::release::invisible(c)
                    })
                    .collect()
            };
            // A file name holds no path and a server no scheme (`runbook::file_problem`,
            // `server_problem`: `a_path_or_a_url_is_never_pasted_as_a_name`).
            let files = |named: Vec<(String, String)>| -> Vec<(String, String)> {
                named
                    .into_iter()
                    .map(|(r, f)| (r, word(f).replace(['/', '\\', ':'], "")))
                    .collect()
            };
            PlanQuery {
                server: {
                    // A server that is not a host and a folder is refused: none then.
                    let server = word(server);
                    if asa_planner::domain::runbook::server_problem(&server).is_some() {
                        String::new()
                    } else {
                        server
                    }
                },
                images: files(images),
                asdm: files(asdm),
                minutes,
                ..q
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn display_then_parse_is_the_identity(q in any_query()) {
        let text = q.to_string();
        let (back, notices) = PlanQuery::parse_with_notices(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &q, "via {}", text);
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(back.to_string(), text);
    }

    #[test]
    fn parse_never_panics_and_its_output_is_canonical(text in "[&=#+%,()a-z0-9.\u{0}-\u{7f}é😀]{0,64}") {
        if let Ok(q) = text.parse::<PlanQuery>() {
            let again: PlanQuery = q.to_string().parse().map_err(|e: QueryError| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again, q);
        }
    }

    #[test]
    fn parse_never_panics_on_any_string(text in any::<String>()) {
        let _ = PlanQuery::parse_with_notices(&text);
    }
}

/// The fragment fuzz target's dictionary names every key (and the rule set values), so the
/// fuzzer reaches every branch of `PlanQuery::set`.
#[test]
fn the_fuzz_dictionary_names_every_key() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/dicts/fragment.dict");
    let dict = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let entries: Vec<&str> = dict
        .lines()
        .filter_map(|l| l.strip_prefix('"')?.strip_suffix('"'))
        .collect();
    for key in [
        "from=",
        "from2=",
        "to=",
        "mode=",
        "preset=",
        "trains=",
        "releases=",
        "via=",
        "interim=",
        "rules=",
        "contexts=",
        "server=",
        "img=",
        "asdm=",
        "min=",
        "v=",
    ] {
        assert!(
            entries.iter().any(|e| e.starts_with(key)),
            "{key} is not in {path}"
        );
    }
    for rules in RuleSet::ALL {
        let entry = format!("rules={}", rules.as_str());
        assert!(
            entries.contains(&entry.as_str()),
            "{entry} is not in {path}"
        );
    }
}

#[test]
fn platform_reads_any_spelling_of_an_id_and_prints_canonically() {
    canonical(
        "from=9.8(4)&platform=asa5525x",
        "from=9.8(4)&platform=asa5525x",
    );
    let (q, n) = parse("platform=ASA5525-X&to=9.14(4)&preset=asa5500");
    assert_eq!(n, vec![]);
    assert_eq!(q.platform, Some(Platform::Asa5525x));
    // Canonical order: the model after the preset, before the trains.
    assert_eq!(q.to_string(), "to=9.14(4)&preset=asa5500&platform=asa5525x");
    for p in Platform::ALL {
        let text = format!("platform={}", p.as_str());
        assert_eq!(parse(&text).0.platform, Some(p), "{text}");
        assert_eq!(parse(&text).0.to_string(), text);
    }
    // An empty value is no model, silently.
    let (q, n) = parse("platform=&from=9.8(4)");
    assert_eq!((q.platform, n), (None, vec![]));
}

#[test]
fn an_unknown_platform_is_an_error_naming_the_ids_and_the_rest_is_kept() {
    let (q, n) = parse("from=9.8(4)&platform=asa9999&to=9.14(4)");
    assert_eq!(q.platform, None);
    assert_eq!((q.from.as_str(), q.to.as_str()), ("9.8(4)", "9.14(4)"));
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].key, "platform");
    assert!(n[0].is_error);
    assert_eq!(
        n[0].message,
        "platform 'asa9999' is not a model id: use one of asa5505, asa5510, asa5580, asa5512x, \
         asa5525x, asa5585x, asa5506x, asasm, fp1000, fp2100, fp3100, fp4200, fp4100, asav, \
         isa3000: it was ignored"
    );
    // Controls and long text are shown safely.
    let (_, n) = parse(&format!("platform=%07{}", "x".repeat(80)));
    assert!(n[0].message.chars().all(|c| !c.is_control()));
    assert!(n[0].message.contains('…'));
}

/// A `show version` output of about 9 KB pasted into a release field, as a person copies it.
fn pasted_show_version(release: &str) -> String {
    let mut text = format!("Cisco Adaptive Security Appliance Software Version {release}\n");
    text.push_str("Firepower Extensible Operating System Version 2.2(2.97)\n");
    text.push_str("Device Manager Version 7.8(2)\n\n");
    while text.len() < 9000 {
        text.push_str(" 1: Int: Not licensed    : irq 255 Ext: GigabitEthernet0/1  : address is 00a0.c900.0102, irq 255\n");
    }
    text
}

/// Audit 3, item 1: the link carries a release field's release in its canonical spelling
/// (SPEC §2: canonical display, also in URLs), never the pasted text, so a pasted `show
/// version` output gives a link that the page itself reads back.
#[test]
fn the_link_spells_a_field_that_reads_as_its_canonical_release() {
    let query = PlanQuery {
        from: pasted_show_version("9.8(4)"),
        from2: Some(" 9.8.4.15 ".into()),
        to: "asa9-12-4-37-smp-k8.bin".into(),
        via: vec!["9.10.1".into(), "banana".into()],
        ..PlanQuery::default()
    };
    assert!(query.to_string().len() > MAX_FRAGMENT);
    let fitted = query.fitted();
    assert_eq!(
        fitted.fragment,
        "from=9.8(4)&from2=9.8(4)15&to=9.12(4)37&via=9.10(1),banana"
    );
    assert_eq!(fitted.dropped, vec![]);
    assert!(!fitted.too_long);
    assert_eq!(fitted.whole, fitted.fragment);
    let (back, notices) = PlanQuery::parse_with_notices(&fitted.fragment).unwrap();
    assert_eq!(notices, vec![]);
    assert_eq!(back, query.canonical());
    // A field that reads as no release keeps its text: what a person typed survives a reload.
    let typed = PlanQuery {
        from: "8.2(".into(),
        to: "banana split".into(),
        ..PlanQuery::default()
    };
    assert_eq!(typed.fitted().fragment, "from=8.2(&to=banana%20split");
}

/// Audit 3, item 1: a release field whose text reads as no release and is too long for a link
/// is left out of it (and said, like the custom list), never written into a link the page would
/// refuse; the whole query, kept in this browser, holds it.
#[test]
fn a_long_field_that_reads_as_no_release_is_left_out_of_the_link_and_kept_whole() {
    let garbage = "not a release ".repeat(700);
    let query = PlanQuery {
        from: garbage.clone(),
        to: "9.1(7)".into(),
        releases: Some(vec!["9.1(7)".into(), "9.8(4)".into()]),
        ..PlanQuery::default()
    };
    let fitted = query.fitted();
    assert!(fitted.fragment.len() <= MAX_FRAGMENT && !fitted.too_long);
    assert_eq!(fitted.fragment, "to=9.1(7)&releases=9.1(7),9.8(4)");
    assert_eq!(fitted.dropped, vec![Dropped::Unread(ReleaseKey::From)]);
    let said = asa_planner::view::words::link_drops(&fitted.dropped);
    assert!(
        said.contains("the text of the current release field (it reads as no release)"),
        "{said}"
    );
    assert!(fitted.whole.len() > MAX_FRAGMENT);
    assert_eq!(
        PlanQuery::parse_saved(&fitted.whole),
        (query.clone(), vec![])
    );
    // The second unit's field stays (empty) when its text is left out.
    let second = PlanQuery {
        from2: Some(garbage.clone()),
        ..query.clone()
    };
    let fitted = second.fitted();
    assert_eq!(fitted.fragment, "from2=&to=9.1(7)&releases=9.1(7),9.8(4)");
    // A short field that reads as no release stays in a link that leaves out a long list.
    let list: Vec<String> = (0..1674)
        .map(|i| format!("9.{}({})", i / 10, i % 10))
        .collect();
    let banana = PlanQuery {
        from: "banana".into(),
        releases: Some(list),
        ..PlanQuery::default()
    };
    let fitted = banana.fitted();
    assert_eq!(fitted.dropped, vec![Dropped::CustomList(1674)]);
    assert_eq!(fitted.fragment, "from=banana");
}

/// Audit 3, item 2: an unknown preset is a bad value like any other (SPEC §8): an error notice
/// for the banner, the value ignored (so the link no longer carries it), the rest kept. A blank
/// one is the default, as a blank `platform=` is.
#[test]
fn an_unknown_preset_is_an_error_and_is_ignored() {
    let q = notices(
        "from=8.2(5)&to=9.1(7)&preset=nope",
        &[(
            "preset",
            "preset 'nope' is not a preset (asa5500, asa5580, asasm, asa5500x or all): it was \
             ignored",
            true,
        )],
    );
    assert_eq!(q.preset, None);
    assert_eq!(q.to_string(), "from=8.2(5)&to=9.1(7)");
    let (q, n) = parse("from=8.2(5)&preset=");
    assert_eq!((q.preset, n), (None, vec![]));
    // Any case of a known id, written in its own spelling.
    canonical("preset=+ASA5580+", "preset=asa5580");
}
