//! Pasted `show failover` / `show version` output (SPEC §14): the parser never panics on any
//! text, every line it could not read is numbered within the text, and placing the snapshot on
//! a plan, wording it and writing its markup never panic either. Release fields' reader too.
#![no_main]

use asa_planner::domain::position::{locate, Known};
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release_text;
use asa_planner::domain::session::analyse;
use asa_planner::domain::show::parse;
use asa_planner::view::position_html::html;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let snap = parse(text);
    let lines = text.split('\n').count();
    assert!(snap.unread.iter().all(|u| u.line >= 1 && u.line <= lines));
    let query: PlanQuery = "#from=9.8(4)&to=9.12(4)&rules=guide-9x".parse().unwrap();
    let session = analyse(&query);
    let pos = locate(&session, &snap, &Known::default());
    let _ = html(session.hops(), &snap, &pos, |_| true);
    for line in text.lines().take(4) {
        let _ = release_text::read(line);
    }
});
