//! SPEC §2, turn 3: a release field reads what a person copies off a unit — the `show version`
//! line, a `Version: Ours …, Mate …` line, an image file name — and says what it read; through
//! the session (the page's fields and the share link) and the fleet/command line reader.

mod util;

use asa_planner::domain::fleet::canonical;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::Release;
use asa_planner::domain::release_text::{read, ReadError, Source};
use asa_planner::domain::session::analyse;
use asa_planner::view::words;
use proptest::prelude::*;
use util::r;

#[track_caller]
fn reads(text: &str, release: &str, source: Source) {
    let got = read(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    assert_eq!(got.release, r(release), "release of {text:?}");
    assert_eq!(got.source, source, "source of {text:?}");
}

#[test]
fn plain_releases_in_every_spelling() {
    reads("8.4(7)30", "8.4(7)30", Source::Plain);
    reads(" 8.4(7.30) ", "8.4(7)30", Source::Plain);
    reads("8.4.7.30", "8.4(7)30", Source::Plain);
    reads("9.8(4)", "9.8(4)", Source::Plain);
    assert_eq!(words::release_read(&read("9.8(4)").unwrap()), None);
}

#[test]
fn the_show_version_first_line_with_and_without_a_context() {
    reads(
        "Cisco Adaptive Security Appliance Software Version 9.8(4)",
        "9.8(4)",
        Source::ShowVersion,
    );
    reads(
        "Cisco Adaptive Security Appliance Software Version 9.12(4)37 <context>",
        "9.12(4)37",
        Source::ShowVersion,
    );
    reads(
        "  cisco adaptive security appliance software version 8.2(5)\r",
        "8.2(5)",
        Source::ShowVersion,
    );
    let reading =
        read("Cisco Adaptive Security Appliance Software Version 9.8(4) <admin>").unwrap();
    assert_eq!(
        words::release_read(&reading).as_deref(),
        Some("read 9.8(4) from the first line of `show version`")
    );
}

#[test]
fn the_failover_version_line_gives_ours_and_offers_the_mate() {
    let reading = read("Version: Ours 9.8(4), Mate 9.12(4)").unwrap();
    assert_eq!(reading.release, r("9.8(4)"));
    assert_eq!(reading.source, Source::FailoverVersion);
    assert_eq!(reading.mate, Some(r("9.12(4)")));
    let unknown = read("Version: Ours 9.12(4)37, Mate Unknown").unwrap();
    assert_eq!(unknown.release, r("9.12(4)37"));
    assert_eq!(unknown.mate, None);
    assert_eq!(
        words::mate_offer(r("9.12(4)")),
        "the mate runs 9.12(4): use it as the second unit's release"
    );
}

#[test]
fn image_file_names_of_every_family() {
    for (name, release) in [
        ("asa9-12-4-37-smp-k8.bin", "9.12(4)37"),
        ("asa847-30-k8.bin", "8.4(7)30"),
        ("asa924-smp-k8.bin", "9.2(4)"),
        ("asa924-6-smp-k8.bin", "9.2(4)6"),
        ("asa9101-smp-k8.bin", "9.10(1)"),
        ("asa9151-1-smp-k8.bin", "9.15(1)1"),
        ("asa917-12-k8.bin", "9.1(7)12"),
        ("asa9-16-4-85-lfbff-k8.SPA", "9.16(4)85"),
        ("asa933-8-lfbff-k8.SPA", "9.3(3)8"),
        ("cisco-asa-fp2k.9.16.4.SPA", "9.16(4)"),
        ("cisco-asa-fp1k.9.18.2.7.SPA", "9.18(2)7"),
        ("cisco-asa-fp3k.9.20.3.SPA", "9.20(3)"),
        ("cisco-asa.9.17.1.SPA.csp", "9.17(1)"),
        ("asav9-14-1.qcow2", "9.14(1)"),
        ("asav981.qcow2", "9.8(1)"),
        ("disk0:/asa9-12-4-37-smp-k8.bin", "9.12(4)37"),
        ("\"disk0:/asa847-30-k8.bin\"", "8.4(7)30"),
        ("ASA9-12-4-SMP-K8.BIN", "9.12(4)"),
    ] {
        reads(name, release, Source::ImageFile);
    }
    assert_eq!(
        words::release_read(&read("asa9-12-4-37-smp-k8.bin").unwrap()).as_deref(),
        Some("read 9.12(4)37 from an image file name")
    );
}

#[test]
fn precise_errors() {
    // Plain text keeps the release parser's message, with its position.
    assert_eq!(
        read("banana").unwrap_err().to_string(),
        "unexpected character 'b' at position 1 in the major number"
    );
    assert!(matches!(read("8.2(").unwrap_err(), ReadError::Release(_)));
    assert_eq!(
        read("Cisco Adaptive Security Appliance Software Version 9.x(4)")
            .unwrap_err()
            .to_string(),
        "the show version line names no release that reads: unexpected character 'x' at \
         position 3 in the minor number"
    );
    assert_eq!(
        read("Version: Ours banana, Mate 9.8(4)")
            .unwrap_err()
            .to_string(),
        "the Version line's \"Ours\" release does not read: unexpected character 'b' at \
         position 1 in the major number"
    );
    for name in [
        "asa-smp-k8.bin",
        "asa99999-k8.bin",
        "cisco-asa-fp2k.9.SPA",
        "asa9-12-smp-k8.bin",
        "asa9-99999-1-k8.bin",
        "firmware.bin",
    ] {
        let e = read(name).unwrap_err();
        assert!(matches!(e, ReadError::ImageFile { .. }), "{name}: {e:?}");
        assert!(e.to_string().contains("image file name"), "{name}: {e}");
    }
}

#[test]
fn the_share_link_and_the_fields_read_it_too() {
    let q: PlanQuery = "#from=Cisco%20Adaptive%20Security%20Appliance%20Software%20Version%209.8(4)%20%3Cadmin%3E&from2=asa9-12-4-smp-k8.bin&to=Version:%20Ours%209.20(3),%20Mate%209.8(4)"
        .parse()
        .unwrap();
    let s = analyse(&q);
    assert_eq!(s.from.release, Some(r("9.8(4)")), "{:?}", s.from.error);
    assert_eq!(s.from.reading().unwrap().source, Source::ShowVersion);
    assert_eq!(s.from2.as_ref().unwrap().release, Some(r("9.12(4)")));
    assert_eq!(s.to.release, Some(r("9.20(3)")));
    assert_eq!(s.start, Some(r("9.8(4)")));
    // A line that does not read keeps its message in the field.
    let q: PlanQuery = "#from=asa-k8.bin&to=9.8(4)".parse().unwrap();
    let s = analyse(&q);
    assert!(s.from.release.is_none());
    assert!(s.from.error.as_deref().unwrap().contains("image file name"));
}

#[test]
fn the_command_line_reader_canonicalises_them() {
    assert_eq!(canonical("asa847-30-k8.bin"), "8.4(7)30");
    assert_eq!(
        canonical("Cisco Adaptive Security Appliance Software Version 9.8(4)"),
        "9.8(4)"
    );
    assert_eq!(canonical("banana"), "banana");
}

proptest! {
    #[test]
    fn nothing_panics(text in "\\PC{0,60}") {
        let _ = read(&text);
    }

    #[test]
    fn image_like_text_never_panics(text in "(asa|cisco-asa|asav)[0-9a-z.\\-é]{0,30}(\\.bin|\\.SPA|)") {
        let _ = read(&text);
    }

    #[test]
    fn every_release_reads_back_from_its_show_version_line(
        major in 0u16..100, minor in 0u16..100, maint in 0u16..100, interim in proptest::option::of(0u16..1000)
    ) {
        let release = Release::new(major, minor, maint, interim);
        let line = format!("Cisco Adaptive Security Appliance Software Version {release} <system>");
        prop_assert_eq!(read(&line).unwrap().release, release);
    }
}
