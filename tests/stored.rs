//! Stored state: the versioned text round-trips, and anything else is an error value.

use asa_planner::domain::stored::{
    decode, encode, read, Kind, Stored, StoredError, Unread, HEADER, MAX_STORED,
};
use asa_planner::view::words::saved_state_read;
use proptest::prelude::*;

/// Decoding `text` fails with `reason` (the part inside the framed message).
#[track_caller]
fn refused(text: &str, reason: &str) {
    match decode(text) {
        Ok(s) => panic!(
            "{:?} decoded as {s:?}",
            text.chars().take(60).collect::<String>()
        ),
        Err(e) => {
            let start: String = text.chars().take(60).collect();
            assert_eq!(e.0.to_string(), reason, "for {start:?}…");
            assert_eq!(
                e.to_string(),
                format!("saved state could not be read ({reason}); it was replaced")
            );
        }
    }
}

/// Why a text was not read is a fact (the line, the key, the kind of saved text); the reasons
/// above are its wording.
#[test]
fn unread_is_typed() {
    assert_eq!(
        decode("hello"),
        Err(StoredError(Unread::NotOurs(Kind::Planner)))
    );
    assert_eq!(
        decode(&format!("{HEADER}\nfragment=a\nfragment=b\nend\n")),
        Err(StoredError(Unread::Repeated {
            line: 3,
            key: "fragment"
        }))
    );
    assert_eq!(
        decode(&format!("{HEADER}\nfragment=a")),
        Err(StoredError(Unread::Truncated))
    );
}

fn sample() -> Stored {
    Stored {
        fragment: "from=8.2(5)&to=9.1(7)".into(),
        link: String::new(),
        server: "10.0.0.5".into(),
        images: vec![
            ("8.4(7)".into(), "asa847-k8.bin".into()),
            ("9.0(4)".into(), "a=b\nc".into()),
        ],
        list_draft: "8.4(7), 9.0(4)\n9.1(7)".into(),
        minutes: "25".into(),
    }
}

#[test]
fn the_text_is_versioned_and_line_based() {
    assert_eq!(
        encode(&sample()),
        "asa-planner-state v1\n\
         fragment=from%3D8.2(5)%26to%3D9.1(7)\n\
         server=10.0.0.5\n\
         image=8.4(7)=asa847-k8.bin\n\
         image=9.0(4)=a%3Db%0Ac\n\
         list_draft=8.4(7),%209.0(4)%0A9.1(7)\n\
         minutes=25\n\
         end"
    );
    assert_eq!(decode(&encode(&sample())), Ok(sample()));
    assert_eq!(decode(&encode(&Stored::default())), Ok(Stored::default()));
}

#[test]
fn tolerable_variations_still_decode() {
    // Windows line ends, a trailing newline, keys in another order, missing optional keys.
    let text = "asa-planner-state v1\r\nserver=s\r\nfragment=f\r\nend\r\n";
    let expected = Stored {
        fragment: "f".into(),
        server: "s".into(),
        ..Stored::default()
    };
    assert_eq!(decode(text), Ok(expected));
}

#[test]
fn foreign_garbage_truncated_and_huge_text_is_refused() {
    refused("", "not planner state");
    refused("{\"fragment\":\"from=8.2(5)\"}", "not planner state");
    refused("\u{0}\u{1}garbage", "not planner state");
    refused(
        "asa-planner-state v2\nend",
        "written by a newer or unknown version: 'asa-planner-state v2'",
    );
    refused(
        &format!("{HEADER}\nfragment=x"),
        "truncated: the end line is missing",
    );
    refused(
        &format!("{HEADER}\nfragment=x\nend\nserver=y"),
        "line 4: text after the end",
    );
    refused(&format!("{HEADER}\nfragment"), "line 2: expected key=value");
    refused(
        &format!("{HEADER}\ncolour=red\nend"),
        "line 2: unknown key 'colour'",
    );
    refused(
        &format!("{HEADER}\nserver=a\nserver=b\nend"),
        "line 3: server is repeated",
    );
    refused(
        &format!("{HEADER}\nserver=a%4\nend"),
        "line 2: bad escape at byte 2",
    );
    refused(
        &format!("{HEADER}\nserver=%C3\nend"),
        "line 2: invalid UTF-8 at byte 1",
    );
    refused(
        &format!("{HEADER}\nimage=8.4(7)\nend"),
        "line 2: expected image=release=file",
    );
    let huge = format!("{HEADER}\nlist_draft={}\nend", "a".repeat(MAX_STORED));
    refused(&huge, "1048612 bytes, more than 1048576");
}

/// State saved before the share link carried the runbook settings still reads, and its
/// settings fill a link that has none (a link's own settings win).
#[test]
fn old_saved_runbook_settings_fill_the_query() {
    use asa_planner::domain::query::PlanQuery;
    use asa_planner::domain::stored::settings_into;
    let old = format!(
        "{HEADER}\nfragment=from%3D8.4(7)%26to%3D9.1(7)\nserver=10.0.0.5\n\
         image=9.1(7)=asa917-k8.bin\nimage=asdm%209.1(7)=asdm-7221.bin\nlist_draft=\n\
         minutes=25\nend"
    );
    let stored = decode(&old).expect("old state reads");
    let mut query: PlanQuery = stored.fragment.parse().unwrap();
    settings_into(&stored, &mut query);
    assert_eq!(query.server, "10.0.0.5");
    assert_eq!(
        query.images,
        vec![("9.1(7)".into(), "asa917-k8.bin".into())]
    );
    assert_eq!(query.asdm, vec![("9.1(7)".into(), "asdm-7221.bin".into())]);
    assert_eq!(query.minutes, Some(25));
    assert_eq!(
        query.to_string(),
        "from=8.4(7)&to=9.1(7)&server=10.0.0.5&img=9.1(7):asa917-k8.bin\
         &asdm=9.1(7):asdm-7221.bin&min=25"
    );
    // A link's own settings win.
    let mut linked: PlanQuery = "from=8.4(7)&to=9.1(7)&server=tftp2&min=40".parse().unwrap();
    settings_into(&stored, &mut linked);
    assert_eq!(linked.server, "tftp2");
    assert_eq!(linked.minutes, Some(40));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~\n\r\t]{0,20}",
        any::<String>().prop_map(|s| s.chars().take(20).collect())
    ]
}

proptest! {
    #[test]
    fn encode_then_decode_is_the_identity(
        fragment in text(),
        link in text(),
        server in text(),
        images in proptest::collection::vec((text(), text()), 0..4),
        list_draft in text(),
        minutes in text(),
    ) {
        let stored = Stored { fragment, link, server, images, list_draft, minutes };
        prop_assert_eq!(decode(&encode(&stored)), Ok(stored));
    }

    #[test]
    fn decode_never_panics(body in "[a-z_=%0-9A-F\n\r]{0,80}", header in any::<bool>()) {
        let text = if header { format!("{HEADER}\n{body}") } else { body };
        if let Ok(stored) = decode(&text) {
            prop_assert_eq!(decode(&encode(&stored)), Ok(stored));
        }
    }

    #[test]
    fn decode_never_panics_on_any_string(text in any::<String>()) {
        let _ = decode(&text);
        let _ = read(&text);
    }

    /// One line that does not read, anywhere among the keys, costs that line only.
    #[test]
    fn a_bad_line_anywhere_costs_that_line_only(
        fragment in text(),
        server in text(),
        images in proptest::collection::vec((text(), text()), 0..3),
        list_draft in text(),
        at in 1usize..8,
        bad in prop_oneof![
            Just("colour=red".to_owned()),
            Just("image=8.4(7)".to_owned()),
            Just("no equals sign".to_owned()),
            Just("end=1".to_owned()),
        ],
    ) {
        let stored = Stored { fragment, server, images, list_draft, ..Stored::default() };
        let text = encode(&stored);
        let mut lines: Vec<&str> = text.lines().collect();
        // Anywhere between the header and `end`.
        let at = 1 + at % (lines.len() - 1);
        lines.insert(at, &bad);
        let got = read(&lines.join("\n")).expect("planner state");
        prop_assert_eq!(&got.stored, &stored);
        prop_assert_eq!(got.dropped.len(), 1, "{:?}", got.dropped);
        prop_assert!(got.newer.is_none());
    }
}

/// Saved state is not all-or-nothing: a line that does not read is dropped and named, the
/// rest of the record (the plan, the server, the custom-list draft) is kept; a value with a bad
/// escape is kept as written and named.
#[test]
fn a_line_that_does_not_read_is_dropped_and_named_the_rest_kept() {
    let text = format!(
        "{HEADER}\n\
         fragment=from%3D9.8(4)%26to%3D9.12(4)\n\
         server=10.0.0.5\n\
         minutes=2%G0\n\
         list_draft=9.8(4)%2C%209.12(4)\n\
         colour=red\n\
         end"
    );
    let got = read(&text).expect("planner state");
    assert_eq!(got.stored.fragment, "from=9.8(4)&to=9.12(4)");
    assert_eq!(got.stored.server, "10.0.0.5");
    assert_eq!(got.stored.list_draft, "9.8(4), 9.12(4)");
    assert_eq!(got.stored.minutes, "2%G0");
    assert_eq!(
        got.dropped,
        [Unread::UnknownKey {
            line: 6,
            key: "colour".into()
        }]
    );
    assert_eq!(
        saved_state_read(&got).as_deref(),
        Some(
            "saved state had a line with a bad escape (line 4 (minutes): bad escape at byte 2): \
             it was kept as written, each bad escape as its own characters, for you to check; \
             saved state had a line that could not be read (line 6: unknown key 'colour'): it \
             was dropped, the rest was kept; the saved text is left as it is until you change \
             something here"
        )
    );
    // One line: said in the singular. A repeated key keeps the first.
    let got = read(&format!("{HEADER}\nserver=a\nserver=b\nend")).unwrap();
    assert_eq!(got.stored.server, "a");
    assert_eq!(
        saved_state_read(&got).as_deref(),
        Some(
            "saved state had a line that could not be read (line 3: server is repeated): it \
             was dropped, the rest was kept; the saved text is left as it is until you change \
             something here"
        )
    );
    // A record that reads whole says nothing.
    assert_eq!(saved_state_read(&read(&encode(&sample())).unwrap()), None);
    // Text that is not planner state at all is still refused whole.
    assert_eq!(
        read("{\"fragment\":1}"),
        Err(StoredError(Unread::NotOurs(Kind::Planner)))
    );
}

/// Page audit 3, item 2: a bad escape in the saved `fragment=` line dropped the saved plan
/// (the release fields came up empty). The line is kept, the escape as its own characters, and
/// the plan reads from it.
#[test]
fn a_bad_escape_in_the_saved_plan_keeps_the_plan() {
    let text = format!(
        "{HEADER}\n\
         fragment=from%3D9.8(4)%ZZ%26to%3D9.12(4)%26server%3D10.0.0.5\n\
         link=from%3D9.8(4)%26to%3D9.12(4)%26server%3D10.0.0.5\n\
         server=\n\
         list_draft=8.2(5)%2C9.1(7)\n\
         end"
    );
    let got = read(&text).expect("planner state");
    assert!(got.dropped.is_empty(), "{:?}", got.dropped);
    assert_eq!(
        got.stored.fragment,
        "from=9.8(4)%ZZ&to=9.12(4)&server=10.0.0.5"
    );
    let (query, _) = asa_planner::domain::query::PlanQuery::parse_saved(&got.stored.fragment);
    assert_eq!(
        (
            query.from.as_str(),
            query.to.as_str(),
            query.server.as_str()
        ),
        ("9.8(4)%ZZ", "9.12(4)", "10.0.0.5")
    );
    assert_eq!(got.stored.list_draft, "8.2(5),9.1(7)");
    let said = saved_state_read(&got).expect("said");
    assert!(
        said.starts_with(
            "saved state had a line with a bad escape (line 2 (fragment): bad escape at byte 14)"
        ),
        "{said}"
    );
    // Escapes that are not UTF-8 are kept as written, the good ones around them decoded.
    let got = read(&format!("{HEADER}\nlist_draft=8.2(5)%E2%2C9.1(7)\nend")).unwrap();
    assert_eq!(got.stored.list_draft, "8.2(5)%E2,9.1(7)");
    assert_eq!(got.loose.len(), 1);
    // The strict decoder still refuses such a record.
    assert!(decode(&text).is_err());
}

/// A record without its `end` line keeps every line that reads, and says it may be cut short.
#[test]
fn a_record_without_its_end_keeps_its_lines() {
    let got = read(&format!(
        "{HEADER}\nfragment=from%3D9.8(4)%26to%3D9.12(4)\nserver=10.0.0.5\nlist_draft=9.8"
    ))
    .expect("planner state");
    assert_eq!(got.stored.fragment, "from=9.8(4)&to=9.12(4)");
    assert_eq!(got.stored.server, "10.0.0.5");
    assert_eq!(got.stored.list_draft, "9.8");
    assert_eq!(got.dropped, [Unread::Truncated]);
    assert_eq!(
        saved_state_read(&got).as_deref(),
        Some(
            "saved state has no end line, so it may be cut short: every line of it that reads \
             was kept, the last one perhaps not whole; the saved text is left as it is until you \
             change something here"
        )
    );
}

/// A record a newer version wrote is read as far as this version knows it, flagged (the page
/// then does not save over it), and its lines this version does not know are named.
#[test]
fn a_newer_version_s_record_is_read_and_flagged_not_replaced() {
    let got = read(
        "asa-planner-state v2\n\
         fragment=from%3D9.8(4)%26to%3D9.12(4)\n\
         theme=dark\n\
         list_draft=9.8(4)\n\
         end",
    )
    .expect("planner state of another version");
    assert_eq!(got.newer.as_deref(), Some("asa-planner-state v2"));
    assert_eq!(got.stored.fragment, "from=9.8(4)&to=9.12(4)");
    assert_eq!(got.stored.list_draft, "9.8(4)");
    assert_eq!(
        saved_state_read(&got).as_deref(),
        Some(
            "saved state was written by a newer version of the planner ('asa-planner-state \
             v2'): this page read what it knows of it (not line 3: unknown key 'theme') and does \
             not save over it, so nothing of it is lost; what changes here is not kept between \
             visits"
        )
    );
}

/// The fleet view's saved text (`domain::fleet::saved`): its own header, the same envelope.
mod fleet {
    use asa_planner::domain::fleet::saved::{decode, encode, SavedFleet, HEADER};
    use asa_planner::domain::rules::RuleSet;
    use asa_planner::domain::stored::{Kind, StoredError, Unread};
    use proptest::prelude::*;

    fn sample() -> SavedFleet {
        SavedFleet {
            target: "9.12(4)".into(),
            rules: "guide-9x".into(),
            preset: "asa5580".into(),
            platform: "asa5525x".into(),
            csv: "name,unit1\n\"edge, 1\",8.2(5)\r\nx=y,9.1(7)%\n".into(),
        }
    }

    #[test]
    fn unread_names_the_fleet() {
        assert_eq!(decode("x"), Err(StoredError(Unread::NotOurs(Kind::Fleet))));
    }

    #[track_caller]
    fn refused(text: &str, reason: &str) {
        let e = decode(text).expect_err("refused");
        assert_eq!(e.0.to_string(), reason);
        assert_eq!(
            e.to_string(),
            format!("saved state could not be read ({reason}); it was replaced")
        );
    }

    #[test]
    fn the_box_and_the_settings_round_trip_as_versioned_lines() {
        assert_eq!(
            encode(&sample()),
            "asa-planner-fleet v1\n\
             target=9.12(4)\n\
             rules=guide-9x\n\
             preset=asa5580\n\
             platform=asa5525x\n\
             csv=name,unit1%0A%22edge,%201%22,8.2(5)%0D%0Ax%3Dy,9.1(7)%25%0A\n\
             end"
        );
        assert_eq!(decode(&encode(&sample())), Ok(sample()));
        assert_eq!(
            decode(&encode(&SavedFleet::default())),
            Ok(SavedFleet::default())
        );
        let defaults = sample().defaults();
        assert_eq!(defaults.to, "9.12(4)");
        assert_eq!(defaults.rules, RuleSet::Guide9x);
        assert_eq!(defaults.preset.as_deref(), Some("asa5580"));
        assert_eq!(
            defaults.platform,
            Some(asa_planner::domain::platform::Platform::Asa5525x)
        );
        // A rule set the page does not know falls back to the default; no preset is none.
        let other = SavedFleet {
            rules: "table-99".into(),
            ..SavedFleet::default()
        };
        assert_eq!(other.defaults().rules, RuleSet::Guide9x);
        assert_eq!(other.defaults().preset, None);
        // No model, or one the page does not know, is none; none is not written.
        assert_eq!(other.defaults().platform, None);
        let unknown = SavedFleet {
            platform: "asa9999".into(),
            ..SavedFleet::default()
        };
        assert_eq!(unknown.defaults().platform, None);
        assert!(!encode(&other).contains("platform="));
    }

    #[test]
    fn corrupt_or_foreign_text_is_an_error_value() {
        refused("", "not a saved fleet");
        // The single-pair state is not a fleet.
        refused("asa-planner-state v1\nfragment=x\nend", "not a saved fleet");
        refused(
            "asa-planner-fleet v2\nend",
            "written by a newer or unknown version: 'asa-planner-fleet v2'",
        );
        refused(
            &format!("{HEADER}\ncsv=a"),
            "truncated: the end line is missing",
        );
        refused(
            &format!("{HEADER}\ncsv=a\ncsv=b\nend"),
            "line 3: csv is repeated",
        );
        refused(
            &format!("{HEADER}\nfragment=a\nend"),
            "line 2: unknown key 'fragment'",
        );
        refused(
            &format!("{HEADER}\ncsv=%ZZ\nend"),
            "line 2: bad escape at byte 1",
        );
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ -~\n\r\t]{0,40}",
            any::<String>().prop_map(|s| s.chars().take(40).collect())
        ]
    }

    proptest! {
        #[test]
        fn encode_then_decode_is_the_identity(
            target in text(), rules in text(), preset in text(), platform in text(),
            csv in text()
        ) {
            let saved = SavedFleet { target, rules, preset, platform, csv };
            prop_assert_eq!(decode(&encode(&saved)), Ok(saved));
        }

        #[test]
        fn decode_never_panics(body in "[a-z_=%0-9A-F\n\r]{0,80}", header in any::<bool>()) {
            let text = if header { format!("{HEADER}\n{body}") } else { body };
            if let Ok(saved) = decode(&text) {
                prop_assert_eq!(decode(&encode(&saved)), Ok(saved));
            }
        }

        #[test]
        fn decode_never_panics_on_any_string(text in any::<String>()) {
            let _ = decode(&text);
        }
    }
}

/// Audit 3, item 1: the saved plan is the whole query with the link the page wrote for it; a
/// reload of that link takes back the text it left out of a release field (a long text that
/// reads as no release), and nothing else: any other link is read as it is.
#[test]
fn a_reload_of_the_page_s_own_link_takes_back_the_field_it_left_out() {
    use asa_planner::domain::query::PlanQuery;
    use asa_planner::domain::stored::left_out_fields_into;
    let typed = "x ".repeat(4500);
    let query = PlanQuery {
        from: typed.clone(),
        from2: Some(typed.clone()),
        to: "9.1(7)".into(),
        releases: Some((1..=1500).map(|i| format!("9.1({i})")).collect()),
        ..PlanQuery::default()
    };
    let fitted = query.fitted();
    assert_eq!(fitted.fragment, "from2=&to=9.1(7)");
    let saved = Stored {
        fragment: fitted.whole.clone(),
        link: fitted.fragment.clone(),
        ..Stored::default()
    };
    let text = encode(&saved);
    assert!(text.contains("\nlink=from2%3D%26to%3D9.1(7)\n"), "{text}");
    assert_eq!(decode(&text), Ok(saved.clone()));
    let reloaded = |hash: &str| {
        let mut q: PlanQuery = hash.parse().unwrap();
        left_out_fields_into(&saved, hash, &mut q);
        q
    };
    let back = reloaded("from2=&to=9.1(7)");
    assert_eq!(
        (back.from.as_str(), back.from2.as_deref()),
        (typed.as_str(), Some(typed.as_str()))
    );
    // The custom list the link left out stays out (its box keeps the draft).
    assert_eq!(back.releases, None);
    // Another link is read as it is.
    let other = reloaded("to=9.1(7)");
    assert_eq!((other.from.as_str(), other.from2), ("", None));
    // Saved by an earlier version (no link line): nothing is taken back.
    let older = Stored {
        fragment: fitted.whole,
        ..Stored::default()
    };
    assert!(!encode(&older).contains("link="));
    let mut q: PlanQuery = "from2=&to=9.1(7)".parse().unwrap();
    left_out_fields_into(&older, "from2=&to=9.1(7)", &mut q);
    assert_eq!(q.from, "");
}
