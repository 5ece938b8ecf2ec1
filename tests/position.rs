//! SPEC §14: where the pair stands on the plan, from the units' output (the samples in
//! `tests/fixtures/show/`), the ticks and the previous position; the next step, the other
//! reading of an ambiguous snapshot, every stop kind; the words and the markup's hooks.

mod util;

use asa_planner::domain::position::{locate, Known, Place, PlanFrom, Position, StepKind, StopKind};
use asa_planner::domain::runbook::{Phase, Role, Unit};
use asa_planner::domain::session::Session;
use asa_planner::domain::show::{parse, Snapshot};
use asa_planner::view::position_html::html;
use asa_planner::view::words::position as words;
use util::{one, r, select, session, show_output};

/// The one-hop plan of the samples: 9.8(4) → 9.12(4) under Cisco's 9.x guidance.
fn one_hop() -> Session {
    let s = session("#from=9.8(4)&to=9.12(4)&rules=guide-9x");
    assert_eq!(s.hops().len(), 1);
    s
}

fn at(s: &Session, name: &str, known: &Known) -> (Snapshot, Position) {
    let snap = parse(&show_output(name));
    let pos = locate(s, &snap, known);
    (snap, pos)
}

fn kinds(pos: &Position) -> Vec<StopKind> {
    pos.stops.iter().map(|s| s.kind).collect()
}

/// `show failover` typed on `this`, naming both units' releases and states.
fn pair(this: &str, ours: &str, this_state: &str, mate: &str, mate_state: &str) -> String {
    let other = if this == "Primary" {
        "Secondary"
    } else {
        "Primary"
    };
    format!(
        "Failover On\nFailover unit {this}\nVersion: Ours {ours}, Mate {mate}\n\
         This host: {this} - {this_state}\nOther host: {other} - {mate_state}\n"
    )
}

#[test]
fn healthy_at_the_start_reads_forward_as_after_step_1_and_names_before() {
    let s = one_hop();
    let (_, pos) = at(&s, "as-healthy.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 1));
    let next = pos.next.as_ref().unwrap();
    assert_eq!((next.step, next.kind), (2, StepKind::ReloadStandby));
    assert_eq!((next.role, next.unit), (Role::Active, Some(Unit::Primary)));
    assert_eq!(next.commands, vec!["failover reload-standby"]);
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Before);
    assert_eq!(
        alt_next.unwrap().commands,
        vec![
            "copy /noconfirm tftp://<tftp-server>/asa9-12-4-smp-k8.bin disk0:/asa9-12-4-smp-k8.bin"
        ]
    );
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.plan_from, None, "the units run the plan's start");
    // A tick settles it either way.
    let (_, pos) = at(
        &s,
        "as-healthy.txt",
        &Known {
            ticked: &[(1, 1)],
            ..Known::default()
        },
    );
    assert_eq!((pos.place, pos.alternative), (Place::in_hop(1, 1), None));
    let ticks = [(0, 0)];
    let (_, pos) = at(
        &s,
        "as-healthy.txt",
        &Known {
            ticked: &ticks,
            ..Known::default()
        },
    );
    assert_eq!(pos.place, Place::Before);
    assert_eq!(pos.next.unwrap().kind, StepKind::Stage);
}

#[test]
fn standby_reloaded_and_standby_ready_next_is_step_3_on_the_primary() {
    let s = one_hop();
    let (snap, pos) = at(&s, "mid-standby-reloaded.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 2));
    let next = pos.next.as_ref().unwrap();
    assert_eq!((next.step, next.unit), (3, Some(Unit::Primary)));
    assert_eq!(next.commands, vec!["no failover active"]);
    assert_eq!(
        pos.alternative.as_ref().unwrap().0,
        Place::Rollback { hop: 1 }
    );
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(
        pos.plan_from,
        Some(PlanFrom {
            from: r("9.8(4)"),
            from2: Some(r("9.12(4)"))
        })
    );
    let said = words::sentences(s.hops(), &snap, &pos, |r| s.base.has_train(r.train()));
    assert!(
        said.contains(&"Inside hop 1 (9.8(4) → 9.12(4)) after step 2: the standby reloaded onto 9.12(4) and Standby Ready.".to_string()),
        "{said:#?}"
    );
    assert!(said.iter().any(|l| l
        .starts_with("Next, step 3 on the primary unit (the active unit): `no failover active`")));
    // The previous position was past the failover: this is a rollback.
    let known = Known {
        previous: Some(Place::in_hop(1, 3)),
        ..Known::default()
    };
    let (_, pos) = at(&s, "mid-standby-reloaded.txt", &known);
    assert_eq!(pos.place, Place::Rollback { hop: 1 });
    let next = pos.next.unwrap();
    assert_eq!(next.kind, StepKind::RollbackBoot);
    // The runbook's rollback block (b) up to `end`, the save included (SPEC §6 (b)).
    assert_eq!(
        next.commands,
        vec![
            "configure terminal",
            "no boot system disk0:/asa9-12-4-smp-k8.bin",
            "write memory",
            "end"
        ]
    );
}

/// Audit window 2: step 3 ticked, and pasted output that shows the pair after step 2 (the old
/// unit Active, the reloaded one Standby Ready on the new release). The output predates the
/// failover, or the failover did not happen: read as the output shows it (step 3 next), the
/// rollback named as the other reading, and the tick said with a call for output typed now;
/// never rollback (b) as the one next step on a tick alone. What showed the failover (the
/// previous position at or after it, failed back, a block of the rollback ticked) settles the
/// rollback.
#[test]
fn a_ticked_failover_alone_never_reads_as_rolling_back() {
    let s = session("#from=9.8(4)&to=9.16(4)&rules=guide-9x");
    let ticks = [(1, 1), (1, 2), (1, 3)];
    let known = Known {
        previous: Some(Place::in_hop(1, 2)),
        ticked: &ticks,
        ..Known::default()
    };
    let (snap, pos) = at(&s, "after-step-2-9-16-4.txt", &known);
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    let next = pos.next.clone().unwrap();
    assert_eq!((next.step, next.kind), (3, StepKind::FailOver));
    assert_eq!(next.commands, vec!["no failover active"]);
    // Held, no stop: the failover would move the traffic onto the release the pair may just
    // have failed back from; output typed now says which reading holds.
    assert!(next.held && next.awaits_output && pos.stops.is_empty());
    assert!(
        words::next(&next)
            .starts_with("next, once output typed now shows the pair there (not now): step 3"),
        "{}",
        words::next(&next)
    );
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Rollback { hop: 1 });
    assert_eq!(alt_next.unwrap().kind, StepKind::RollbackBoot);
    let t = pos.ticked_not_shown.unwrap();
    assert_eq!((t.hop, t.ticked, t.not_shown), (1, 3, (3, Phase::FailOver)));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Step 3 of hop 1 (the failover) is ticked, but this output shows the pair before \
              it: the output was typed before the failover, or the failover did not happen. \
              Paste `show failover` typed now, and go by where that output puts the pair before \
              any next step (failed back already? then the other reading below is where the \
              pair is)."
                .to_string()
        ),
        "{said:#?}"
    );
    let html = html(s.hops(), &snap, &pos, |_| true);
    one(
        &html,
        "p[data-ticked-not-shown][data-hop=\"1\"][data-step=\"3\"]",
    );
    assert_eq!(
        one(&html, "p[data-position]").attrs_of(&["data-hop", "data-step"]),
        ["1", "2"]
    );
    assert_eq!(one(&html, "p[data-next-step]").attr("data-step"), Some("3"));
    one(&html, "p[data-alternative][data-step=\"rollback\"]");
    // A later step ticked: the same, said as the step before which the output stands.
    let ticks = [(1, 1), (1, 2), (1, 3), (1, 4)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "after-step-2-9-16-4.txt", &known);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    let t = pos.ticked_not_shown.unwrap();
    assert_eq!((t.ticked, t.not_shown.0), (4, 3));
    assert!(words::ticked_not_shown(&t).starts_with(
        "Step 4 of hop 1 is ticked, but this output shows the pair before step 3, the failover:"
    ));
    // What showed the failover settles the rollback, and nothing is said of the tick.
    let ticks = [(1, 1), (1, 2), (1, 3)];
    for (previous, rollback) in [
        (Some(Place::in_hop(1, 3)), &[][..]),
        (Some(Place::in_hop(1, 4)), &[][..]),
        (Some(Place::Rollback { hop: 1 }), &[][..]),
        (Some(Place::in_hop(1, 2)), &[(1, 4, 1)][..]),
        (None, &[(1, 4, 1)][..]),
    ] {
        let known = Known {
            previous,
            ticked: &ticks,
            rollback,
            ..Known::default()
        };
        let (_, pos) = at(&s, "after-step-2-9-16-4.txt", &known);
        assert_eq!(pos.place, Place::Rollback { hop: 1 }, "{previous:?}");
        assert_eq!(pos.next.unwrap().kind, StepKind::RollbackBoot);
        assert_eq!(pos.alternative, None);
        assert_eq!(pos.ticked_not_shown, None);
    }
    // A block of another step's rollback, or of another hop, says nothing of this failback.
    let known = Known {
        ticked: &ticks,
        rollback: &[(1, 2, 1), (2, 4, 1)],
        ..Known::default()
    };
    let (_, pos) = at(&s, "after-step-2-9-16-4.txt", &known);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    // Steps 1 and 2 ticked only: the reload settles the forward reading, nothing to say.
    let known = Known {
        ticked: &[(1, 1), (1, 2)],
        ..Known::default()
    };
    let (_, pos) = at(&s, "after-step-2-9-16-4.txt", &known);
    assert_eq!(
        (pos.place, pos.alternative, pos.ticked_not_shown),
        (Place::in_hop(1, 2), None, None)
    );
}

#[test]
fn after_the_failover_the_validation_window_then_the_second_reload() {
    let s = one_hop();
    let (_, pos) = at(&s, "after-failover.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 3));
    let next = pos.next.unwrap();
    assert_eq!((next.step, next.kind), (4, StepKind::Validate));
    assert_eq!(next.unit, Some(Unit::Secondary));
    let (_, pos) = at(
        &s,
        "after-failover.txt",
        &Known {
            ticked: &[(1, 4)],
            ..Known::default()
        },
    );
    assert_eq!(pos.place, Place::in_hop(1, 4));
    let next = pos.next.unwrap();
    assert_eq!((next.step, next.unit), (5, Some(Unit::Secondary)));
    assert_eq!(next.commands, vec!["failover reload-standby"]);
}

#[test]
fn after_the_second_reload_done_or_step_6_still_to_do() {
    let s = one_hop();
    let (snap, pos) = at(&s, "after-second-reload.txt", &Known::default());
    assert_eq!(pos.place, Place::Done);
    let (alt, next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::in_hop(1, 5));
    let next = next.unwrap();
    assert_eq!((next.step, next.unit), (6, Some(Unit::Secondary)));
    assert_eq!(next.commands, vec!["write memory"]);
    let html = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(
        one(&html, "p[data-position]").attrs_of(&["data-hop", "data-step"]),
        ["done", "done"]
    );
    one(&html, "[data-alternative][data-hop=\"1\"][data-step=\"5\"]");
    let (_, pos) = at(
        &s,
        "after-second-reload.txt",
        &Known {
            ticked: &[(1, 5)],
            ..Known::default()
        },
    );
    assert_eq!(pos.place, Place::in_hop(1, 5));
}

#[test]
fn both_on_the_target_is_done() {
    let s = one_hop();
    let (snap, pos) = at(
        &s,
        "both-on-target.txt",
        &Known {
            ticked: &[(1, 6)],
            ..Known::default()
        },
    );
    assert_eq!(
        (pos.place, pos.next.clone(), pos.alternative.clone()),
        (Place::Done, None, None)
    );
    assert_eq!(kinds(&pos), vec![]);
    let html = html(s.hops(), &snap, &pos, |_| true);
    let units = select(&html, "li[data-unit-state]");
    let units: Vec<[&str; 3]> = units
        .iter()
        .map(|li| li.attrs_of(&["data-unit", "data-release", "data-role"]))
        .map(|a| [a[0], a[1], a[2]])
        .collect();
    assert_eq!(
        units,
        [
            ["primary", "9.12(4)", "active"],
            ["secondary", "9.12(4)", "standby-ready"]
        ]
    );
}

#[test]
fn a_unit_off_the_plan_stops() {
    let s = one_hop();
    let (_, pos) = at(&s, "off-plan.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    let stop = &pos.stops[0];
    assert_eq!(
        (stop.unit, stop.release),
        (Some(Unit::Secondary), Some(r("9.10(1)")))
    );
    assert_eq!(stop.expected, vec![r("9.8(4)"), r("9.12(4)")]);
    assert_eq!(pos.place, Place::Unknown);
    assert!(pos.plan_from.is_some());
    assert_eq!(
        words::stop(stop),
        "The secondary unit runs 9.10(1), which is on no hop of this plan (expected 9.8(4) or \
         9.12(4)): it may have booted the wrong image. Check `show bootvar` before going on."
    );
}

/// The first reload issued (ticked), yet the standby is back on the hop's start: it booted the
/// old image (SPEC §6), a stop; a finished rollback fits too and is named, one click away.
#[test]
fn a_reloaded_unit_back_on_the_old_release_stops() {
    let s = one_hop();
    let known = Known {
        ticked: &[(1, 2)],
        ..Known::default()
    };
    let (_, pos) = at(&s, "as-healthy.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Secondary));
    assert!(words::stop(&pos.stops[0]).contains("came back on 9.8(4), not 9.12(4)"));
    assert_eq!(pos.place, Place::in_hop(1, 1));
    let (alt, _) = pos.alternative.unwrap();
    assert_eq!(alt, Place::RolledBack { hop: 1 });
}

/// SPEC §14 ("after step 2 and mid-rollback look alike") and §6's rollback (a) to (c): both
/// units back on the hop's start after the previous position saw the standby on the new
/// release (or failed back) is the hop rolled back, before the hop again: its pre-checks and
/// step 1 next, never the bare reload of step 2 nor a "booted the old image" stop.
#[test]
fn a_finished_rollback_is_before_the_hop_again() {
    let s = one_hop();
    for previous in [
        Place::in_hop(1, 2),
        Place::in_hop(1, 4),
        Place::Rollback { hop: 1 },
        Place::RolledBack { hop: 1 },
    ] {
        let known = Known {
            previous: Some(previous),
            ..Known::default()
        };
        let (snap, pos) = at(&s, "rolled-back.txt", &known);
        assert_eq!(kinds(&pos), vec![], "{previous:?}");
        assert_eq!(pos.place, Place::RolledBack { hop: 1 }, "{previous:?}");
        assert_eq!(pos.alternative, None, "{previous:?}");
        let next = pos.next.clone().unwrap();
        assert_eq!((next.hop, next.step, next.kind), (1, 1, StepKind::Stage));
        assert_eq!(next.prechecks.as_deref(), Some("pre-9.12.4-from-9.8.4.cfg"));
        let html = html(s.hops(), &snap, &pos, |_| true);
        assert_eq!(
            one(&html, "p[data-position][data-rolled-back]").attrs_of(&["data-hop", "data-step"]),
            ["1", "0"]
        );
        assert_eq!(one(&html, "p[data-next-step]").attr("data-step"), Some("1"));
        assert!(!html.contains("failover reload-standby"), "{html}");
    }
    // A later step ticked settles it too; the words say where the pair is and what first.
    let known = Known {
        ticked: &[(1, 1), (1, 2), (1, 3), (1, 4)],
        ..Known::default()
    };
    let (snap, pos) = at(&s, "rolled-back.txt", &known);
    assert_eq!(pos.place, Place::RolledBack { hop: 1 });
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Hop 1 (9.8(4) → 9.12(4)) rolled back: the pair is back where the hop started, \
              before hop 1, both units on 9.8(4); start it again only once what made you roll it \
              back is settled."
                .to_string()
        ),
        "{said:#?}"
    );
    // Only the reload ticked: the forward reading stops, the rollback is the other reading,
    // and choosing it (it becomes the previous position) settles it.
    let known = Known {
        ticked: &[(1, 1), (1, 2)],
        ..Known::default()
    };
    let (snap, pos) = at(&s, "rolled-back.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    let html = html(s.hops(), &snap, &pos, |_| true);
    one(
        &html,
        "p[data-alternative][data-rolled-back][data-hop=\"1\"][data-step=\"0\"]",
    );
    let known = Known {
        previous: Some(Place::RolledBack { hop: 1 }),
        ..known
    };
    let (_, pos) = at(&s, "rolled-back.txt", &known);
    assert_eq!(
        (kinds(&pos), pos.place),
        (vec![], Place::RolledBack { hop: 1 })
    );
    // Nothing says the hop began: the forward reading, as before.
    let (_, pos) = at(&s, "rolled-back.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 1));
    // The previous position before the reload (after staging): not begun.
    let known = Known {
        previous: Some(Place::in_hop(1, 1)),
        ..Known::default()
    };
    let (_, pos) = at(&s, "rolled-back.txt", &known);
    assert_eq!(pos.place, Place::in_hop(1, 1));
}

/// Around the rollback: its (c) reloads the upgraded unit, so Not Detected after failing back
/// is that reload; the hop started again after its rollback reads forward, whatever the
/// ticks of the attempt rolled back say.
#[test]
fn around_a_rollback_the_reload_and_the_hop_started_again() {
    let s = one_hop();
    let known = Known {
        previous: Some(Place::Rollback { hop: 1 }),
        ..Known::default()
    };
    let (_, pos) = at(&s, "mate-unknown.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::MateSyncing]);
    let ticks = [(1, 1), (1, 2), (1, 3), (1, 4)];
    let known = Known {
        previous: Some(Place::RolledBack { hop: 1 }),
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "mid-standby-reloaded.txt", &known);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    assert_eq!(pos.next.unwrap().kind, StepKind::FailOver);
}

/// After a finished rollback the hop is started again: the first attempt's ticks stay on the
/// page (steps 1 to 4, the rollback's blocks), yet once "rolled back" was read they say
/// nothing of the second attempt, also after the previous position has moved on from "rolled
/// back" (the page keeps only the position read from the output before; `ticks::Carried`
/// keeps the ticks of the attempt rolled back). Pasted as the page does: each paste makes the
/// position read before it the previous one.
#[test]
fn a_hop_started_again_after_its_rollback_is_not_read_by_the_first_attempts_ticks() {
    use asa_planner::domain::ticks::{Carried, Ticks};
    let s = one_hop();
    let mut ticks = Ticks::default();
    let mut carried = Carried::default();
    let mut last: Option<Place> = None;
    let mut paste = |ticks: &Ticks, name: &str| {
        carried.pasted(last, ticks);
        let read = carried.ticks(ticks);
        let (ticked, rollback) = (read.steps(), read.rollback_blocks());
        let known = Known {
            previous: carried.previous,
            ticked: &ticked,
            rollback: &rollback,
            ..Known::default()
        };
        let (_, pos) = at(&s, name, &known);
        last = Some(pos.place);
        pos
    };
    let tick = |ticks: &mut Ticks, step: &str, time: &str| ticks.set(1, step, Some(time.into()));
    // The first attempt: staged, reloaded, failed over, failed back, rolled back.
    tick(&mut ticks, "1", "01:00");
    tick(&mut ticks, "2", "01:10");
    assert_eq!(
        paste(&ticks, "mid-standby-reloaded.txt").place,
        Place::in_hop(1, 2)
    );
    tick(&mut ticks, "3", "01:20");
    assert_eq!(
        paste(&ticks, "after-failover.txt").place,
        Place::in_hop(1, 3)
    );
    tick(&mut ticks, "4r1", "01:30");
    let pos = paste(&ticks, "mid-standby-reloaded.txt");
    assert_eq!(pos.place, Place::Rollback { hop: 1 });
    tick(&mut ticks, "4r2", "01:31");
    tick(&mut ticks, "4r3", "01:35");
    assert_eq!(
        paste(&ticks, "rolled-back.txt").place,
        Place::RolledBack { hop: 1 }
    );
    // Started again, the first attempt's ticks left as they are: staged and reloaded again.
    let pos = paste(&ticks, "rolled-back.txt");
    assert_eq!(pos.place, Place::RolledBack { hop: 1 });
    assert_eq!(pos.next.unwrap().kind, StepKind::Stage);
    let pos = paste(&ticks, "mid-standby-reloaded.txt");
    assert_eq!(pos.place, Place::in_hop(1, 2));
    // Pasted again (the previous position now "after step 2", no longer "rolled back"): still
    // the output's own reading, never "rolling back" on the first attempt's failback.
    let pos = paste(&ticks, "mid-standby-reloaded.txt");
    assert_eq!(pos.place, Place::in_hop(1, 2), "{pos:?}");
    assert_eq!(pos.next.clone().unwrap().kind, StepKind::FailOver);
    assert_eq!(pos.ticked_not_shown, None);
    assert_eq!(pos.alternative.unwrap().0, Place::Rollback { hop: 1 });
    // Failed over again: the validation window next, not the first attempt's ticked window
    // (which would skip it, straight to the second reload).
    let pos = paste(&ticks, "after-failover.txt");
    assert_eq!(pos.place, Place::in_hop(1, 3));
    assert_eq!(pos.next.unwrap().kind, StepKind::Validate);
    // The window ticked again (unticked, then ticked: a new time): it counts.
    ticks.set(1, "4", None);
    tick(&mut ticks, "4", "02:40");
    let pos = paste(&ticks, "after-failover.txt");
    assert_eq!(pos.place, Place::in_hop(1, 4));
    assert_eq!(pos.next.unwrap().kind, StepKind::ReloadFormer);
    // Failed back in the second attempt (its own failback ticked): rolling back again.
    ticks.set(1, "4r1", None);
    tick(&mut ticks, "4r1", "02:50");
    let pos = paste(&ticks, "mid-standby-reloaded.txt");
    assert_eq!(pos.place, Place::Rollback { hop: 1 });
}

/// The attempt rolled back is kept with the ticks (`Carried::rolled_back_text`): a reload of
/// the page in the hop started again, which forgets the previous position, still leaves the
/// first attempt's failback out of the reading.
#[test]
fn the_attempt_rolled_back_stays_out_across_a_reload() {
    use asa_planner::domain::ticks::{Carried, Ticks};
    let s = one_hop();
    let mut ticks = Ticks::default();
    for (step, time) in [("1", "01:00"), ("2", "01:10"), ("3", "01:20")] {
        ticks.set(1, step, Some(time.into()));
    }
    for (step, time) in [("4r1", "01:30"), ("4r2", "01:31"), ("4r3", "01:35")] {
        ticks.set(1, step, Some(time.into()));
    }
    let read = |carried: &Carried, name: &str| {
        let read = carried.ticks(&ticks);
        let (ticked, rollback) = (read.steps(), read.rollback_blocks());
        let known = Known {
            previous: carried.previous,
            ticked: &ticked,
            rollback: &rollback,
            ..Known::default()
        };
        at(&s, name, &known).1
    };
    let mut carried = Carried::default();
    carried.pasted(Some(Place::in_hop(1, 3)), &ticks);
    let rolled = read(&carried, "rolled-back.txt");
    assert_eq!(rolled.place, Place::RolledBack { hop: 1 });
    carried.pasted(Some(rolled.place), &ticks);
    let kept = carried.rolled_back_text();
    assert!(kept.starts_with("1\n"), "{kept:?}");
    // The page reloaded: no previous position, the attempt rolled back read back.
    let mut reloaded = Carried::default();
    reloaded.read_rolled_back(&kept);
    let pos = read(&reloaded, "mid-standby-reloaded.txt");
    assert_eq!(pos.place, Place::in_hop(1, 2), "{pos:?}");
    assert_eq!(pos.next.unwrap().kind, StepKind::FailOver);
    // Without it, the first attempt's failback tick reads the restarted hop as rolling back.
    let forgot = read(&Carried::default(), "mid-standby-reloaded.txt");
    assert_eq!(forgot.place, Place::Rollback { hop: 1 });
    // What does not read is no attempt rolled back.
    for text in ["", "x\n1 1 01:00\n", "0\n", "1"] {
        let mut c = Carried::default();
        c.read_rolled_back(text);
        assert_eq!(c.rolled_back_text(), "", "{text:?}");
    }
}

/// A hop landing where there is no downgrade (9.24 on): its rollback is the failback alone,
/// the upgraded unit stays, so both units back on the start is never read as rolled back.
#[test]
fn a_one_way_hop_is_never_read_as_rolled_back() {
    let s = session("#from=9.22(1)&to=9.24(1)&rules=guide-9x&preset=all");
    assert_eq!(s.hops().len(), 1);
    let text = pair("Primary", "9.22(1)", "Active", "9.22(1)", "Standby Ready");
    let known = Known {
        previous: Some(Place::in_hop(1, 4)),
        ..Known::default()
    };
    let pos = locate(&s, &parse(&text), &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.alternative, None);
}

#[test]
fn failover_off_stops() {
    let s = one_hop();
    let (_, pos) = at(&s, "failover-off.txt", &Known::default());
    assert!(kinds(&pos).contains(&StopKind::FailoverOff));
}

#[test]
fn mate_unknown_stops_unless_a_reload_is_under_way() {
    let s = one_hop();
    let (_, pos) = at(&s, "mate-unknown.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateUnknown]);
    let known = Known {
        previous: Some(Place::in_hop(1, 1)),
        ..Known::default()
    };
    let (_, pos) = at(&s, "mate-unknown.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::MateSyncing]);
    assert_eq!(pos.place, Place::in_hop(1, 1), "kept from before");
}

#[test]
fn a_syncing_mate_stops_with_wait() {
    let s = one_hop();
    let (_, pos) = at(&s, "mate-syncing.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 2));
    assert_eq!(kinds(&pos), vec![StopKind::MateSyncing]);
    assert!(words::stop(&pos.stops[0]).contains("Bulk Sync"));
}

#[test]
fn a_failed_mate_stops_before_the_failover() {
    let s = one_hop();
    let (_, pos) = at(&s, "failed.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert!(words::stop(&pos.stops[0]).starts_with("The secondary unit is Failed"));
    // Interfaces alone: Failed ones fail the precondition, and so do Waiting ones (SPEC §6
    // step 3: every interface Normal; the pair is not ready for the failover).
    let text = pair("Primary", "9.8(4)", "Active", "9.12(4)", "Standby Ready")
        + "Other host: Secondary - Standby Ready\n  Interface inside (198.51.100.2): Normal (Waiting)\n";
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.stops[0].interfaces, vec!["inside"]);
    assert!(pos.stops[0].waiting);
}

#[test]
fn an_unknown_release_is_never_guessed() {
    let s = one_hop();
    let (snap, pos) = at(&s, "unknown-release.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::UnknownRelease]);
    assert_eq!(pos.place, Place::Unknown);
    let html = html(s.hops(), &snap, &pos, |r| s.base.has_train(r.train()));
    one(&html, "li[data-unit=secondary][data-release=\"\"]");
    assert!(html.contains("98.1(1)86 (a release the catalog does not know)"));
    one(&html, "[data-stop=unknown-release]");
}

#[test]
fn a_wrong_image_stops_when_both_names_are_known() {
    let s = one_hop();
    let images = [("9.12(4)".to_string(), "asa9-12-4-lfbff-k8.SPA".to_string())];
    let known = Known {
        images: &images,
        ..Known::default()
    };
    let (_, pos) = at(&s, "exec-mate.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::WrongImage]);
    assert_eq!(
        pos.stops[0].images,
        Some((
            "asa9-12-4-smp-k8.bin".into(),
            "asa9-12-4-lfbff-k8.SPA".into()
        ))
    );
    // The default name is a guess, not a known name: no stop.
    let (_, pos) = at(&s, "exec-mate.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![]);
}

#[test]
fn parity_when_the_units_are_more_than_one_hop_apart() {
    let s = session("#from=8.4(7)&to=9.1(7)&rules=table-81-1");
    assert_eq!(s.hops().len(), 2);
    let text = pair("Primary", "9.1(7)", "Active", "8.4(7)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::Parity]);
    assert_eq!(pos.stops[0].expected, vec![r("8.4(7)"), r("9.1(7)")]);
}

#[test]
fn between_hops_of_a_longer_plan() {
    let s = session("#from=8.4(7)&to=9.1(7)&rules=table-81-1");
    let mid = s.hops()[0].to;
    let text = pair(
        "Primary",
        &mid.to_string(),
        "Active",
        &mid.to_string(),
        "Standby Ready",
    );
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.place, Place::Between { after: 1 });
    let next = pos.next.clone().unwrap();
    assert_eq!((next.hop, next.step, next.kind), (2, 1, StepKind::Stage));
    assert_eq!(pos.alternative.as_ref().unwrap().0, Place::in_hop(1, 5));
    let html = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(
        one(&html, "p[data-position]").attrs_of(&["data-hop", "data-step"]),
        ["2", "0"]
    );
    // Inside hop 2 after its failover.
    let text = pair(
        "Secondary",
        "9.1(7)",
        "Active",
        &mid.to_string(),
        "Standby Ready",
    );
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.place, Place::in_hop(2, 3));
}

#[test]
fn active_active_positions() {
    let s = session("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    // Groups split at rest: step 1 makes both groups active on the primary.
    let (_, pos) = at(&s, "aa-without-version.txt", &Known::default());
    assert_eq!(pos.place, Place::Before);
    let next = pos.next.unwrap();
    assert_eq!((next.step, next.kind), (1, StepKind::GroupsToPrimary));
    assert_eq!(
        (next.role, next.commands),
        (Role::Primary, vec!["failover active".to_string()])
    );
    // Upgraded unit standby for both groups, the other active for both: the failover (step
    // 4 of the Active/Active runbook) on the active.
    let (snap, pos) = at(&s, "aa-with-version.txt", &Known::default());
    assert_eq!(
        pos.place,
        Place::InHop {
            hop: 1,
            step: 3,
            done: Phase::FirstReload,
            one_unit: None
        }
    );
    let next = pos.next.as_ref().unwrap();
    assert_eq!(
        (next.role, next.unit),
        (Role::Secondary, Some(Unit::Secondary))
    );
    assert!(next.system, "Active/Active: in the system execution space");
    assert!(
        words::next(next).starts_with(
            "next, once every stop above is cleared (not now): step 4 on the secondary unit in \
             the system execution space (`changeto system` first): `no failover active`"
        ),
        "{}",
        words::next(next)
    );
    // ctxb's inside interface is Waiting on the upgraded unit: not ready for the failover,
    // which the stop holds.
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert!(pos.stops[0].waiting && next.held);
    let html = html(s.hops(), &snap, &pos, |_| true);
    one(
        &html,
        "li[data-unit-state][data-role=\"group1:standby-ready group2:standby-ready\"]",
    );
}

#[test]
fn nothing_planned_offers_the_plan_from_the_units() {
    let s = session("#");
    let (_, pos) = at(&s, "mid-standby-reloaded.txt", &Known::default());
    assert_eq!(pos.place, Place::Unknown);
    let p = pos.plan_from.unwrap();
    assert_eq!((p.from, p.from2), (r("9.8(4)"), Some(r("9.12(4)"))));
    assert_eq!(
        words::plan_from(&p),
        "Plan from what the units run: 9.8(4) (primary) and 9.12(4) (secondary)."
    );
}

#[test]
fn a_user_context_says_what_it_lacks() {
    let s = one_hop();
    let (snap, pos) = at(&s, "user-context.txt", &Known::default());
    assert_eq!(pos.place, Place::Unknown);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(said.contains(&words::context().to_string()));
}

#[test]
fn the_markup_keeps_no_serial_or_address_and_escapes_what_it_shows() {
    let s = one_hop();
    let text = show_output("as-healthy.txt")
        + "Failover On\nFailover unit Primary\nThis host: Primary - Active\n  Interface <img src=x> (192.0.2.9): Failed (Monitored)\n";
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    let html = html(s.hops(), &snap, &pos, |_| true);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true).join("\n");
    for secret in [
        "TST0000P001",
        "TST0000S002",
        "192.0.2.1",
        "198.51.100",
        "0000.5e00",
    ] {
        assert!(!html.contains(secret), "{secret} in {html}");
        assert!(!said.contains(secret), "{secret} in {said}");
    }
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img"));
}

#[test]
fn unread_lines_are_said_by_number() {
    let snap =
        parse("Failover On\nFailover unit Primary\nrandom words\nThis host: Primary - Dancing\n");
    assert_eq!(
        words::unread(&snap.unread).unwrap(),
        "Lines 3, 4 (a state show failover does not print) could not be read."
    );
    assert_eq!(words::unread(&[]), None);
}

#[test]
fn interfaces_down_on_both_units_are_the_pairs_not_the_mates() {
    let s = session("#from=9.18(4)50&to=9.20(3)&rules=guide-9x");
    assert_eq!(s.hops().len(), 1);
    let (_, pos) = at(&s, "asav-diagnostic.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 2));
    assert_eq!(
        kinds(&pos),
        vec![],
        "diagnostic and management are down on both"
    );
}

#[test]
fn show_bootvar_shows_step_1() {
    let s = one_hop();
    let (_, pos) = at(&s, "bootvar-staged.txt", &Known::default());
    assert_eq!((pos.place, pos.alternative), (Place::in_hop(1, 1), None));
    // Boot lines that still start with the old image: not staged.
    let text = pair("Primary", "9.8(4)", "Active", "9.8(4)", "Standby Ready")
        + "BOOT variable = disk0:/asa984-smp-k8.bin\n";
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!((pos.place, pos.alternative), (Place::Before, None));
}

/// Audit window 2: step 1 ticked, yet the pasted `show bootvar` does not name the hop's image
/// first. The boot lines win over the tick: step 1 is not done (a reload now would not boot
/// the new image), so step 1 is next, never step 2's reload, and the tick is said. Another
/// release's image first is a `wrong-image` stop (SPEC §14) that holds step 1.
#[test]
fn boot_lines_that_do_not_name_the_new_image_first_win_over_the_tick_of_step_1() {
    let s = session("#from=9.8(4)&to=9.16(4)&rules=guide-9x");
    let known = Known {
        ticked: &[(1, 1)],
        ..Known::default()
    };
    // Only the old image in the boot lines.
    let (snap, pos) = at(&s, "bootvar-old-image-first.txt", &known);
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!((pos.place, pos.alternative.clone()), (Place::Before, None));
    let next = pos.next.clone().unwrap();
    assert_eq!((next.hop, next.step, next.kind), (1, 1, StepKind::Stage));
    // Output typed now asks for step 1 again: not held (only a failover waits for output).
    assert!(!next.held && !next.awaits_output, "{next:?}");
    let t = pos.ticked_not_shown.unwrap();
    assert_eq!((t.hop, t.ticked, t.not_shown), (1, 1, (1, Phase::Stage)));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Step 1 of hop 1 (the staging) is ticked, but the pasted `show bootvar` (or `dir`) \
              shows the new image not staged: the first boot line does not name it (or the flash \
              lacks it), so a reload would not boot it. Do step 1 again, its boot lines above \
              all, and paste `show bootvar` to check before any reload."
                .to_string()
        ),
        "{said:#?}"
    );
    let markup = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(
        one(&markup, "p[data-next-step]").attr("data-step"),
        Some("1")
    );
    one(&markup, "p[data-ticked-not-shown][data-step=\"1\"]");
    assert!(!markup.contains("reload-standby"), "{markup}");
    // Not ticked: before the plan, as before, nothing to say of a tick.
    let (_, pos) = at(&s, "bootvar-old-image-first.txt", &Known::default());
    assert_eq!((pos.place, pos.ticked_not_shown), (Place::Before, None));
    // The reload ticked too: it booted the old image (the stop), and step 1 again is next,
    // not the reload again.
    let ticks = [(1, 1), (1, 2)];
    let known2 = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "bootvar-old-image-first.txt", &known2);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.place, Place::Before);
    let next = pos.next.unwrap();
    assert_eq!(
        (next.step, next.kind, next.held),
        (1, StepKind::Stage, true)
    );
    // Another release's image first: a wrong-image stop on the unit whose boot lines show
    // it, holding step 1.
    for known in [Known::default(), known] {
        let (snap, pos) = at(&s, "bootvar-other-release-first.txt", &known);
        assert_eq!(kinds(&pos), vec![StopKind::WrongImage]);
        let stop = &pos.stops[0];
        assert_eq!(
            (stop.unit, stop.release, stop.images.clone(), stop.boot_line),
            (
                Some(Unit::Primary),
                Some(r("9.16(4)")),
                Some((
                    "asa9-16-3-smp-k8.bin".to_string(),
                    "asa9-16-4-smp-k8.bin".to_string()
                )),
                true
            )
        );
        assert_eq!(
            words::stop(stop),
            "The primary unit's first boot line names asa9-16-3-smp-k8.bin, not \
             asa9-16-4-smp-k8.bin, the runbook's file for 9.16(4): the next reload would boot \
             asa9-16-3-smp-k8.bin. Do not reload: set the boot lines as the runbook's staging \
             step does (`asa9-16-4-smp-k8.bin` first) and paste `show bootvar` to check."
        );
        assert_eq!(pos.place, Place::Before);
        let next = pos.next.clone().unwrap();
        assert_eq!(
            (next.step, next.kind, next.held),
            (1, StepKind::Stage, true)
        );
        let html = html(s.hops(), &snap, &pos, |_| true);
        one(&html, "p[data-stop=\"wrong-image\"]");
        one(&html, "p[data-next-step][data-held][data-step=\"1\"]");
    }
    // The image the person typed for the release is the runbook's file: it first is staged.
    let images = [("9.16(4)".to_string(), "asa9-16-3-smp-k8.bin".to_string())];
    let known = Known {
        ticked: &[(1, 1)],
        images: &images,
        ..Known::default()
    };
    let (_, pos) = at(&s, "bootvar-other-release-first.txt", &known);
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::in_hop(1, 1));
    // A pasted `dir` without the image wins over the tick too.
    let s = one_hop();
    let known = Known {
        ticked: &[(1, 1)],
        ..Known::default()
    };
    let (_, pos) = at(&s, "dir-not-staged.txt", &known);
    assert_eq!(pos.place, Place::Before);
    assert_eq!(pos.next.unwrap().step, 1);
}

#[test]
fn a_one_unit_hop_of_a_mismatched_pair() {
    let s = session("#from=9.1(7)&from2=9.12(4)&to=9.12(4)&rules=guide-9x");
    assert_eq!(s.hops().len(), 1);
    assert_eq!(s.hop_facts[0].reloads.len(), 1, "only the primary reloads");
    // The unit to reload is active: it becomes the standby first.
    let text = pair("Primary", "9.1(7)", "Active", "9.12(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.plan_from, None, "the units run the plan's start");
    let next = pos.next.unwrap();
    assert_eq!(next.kind, StepKind::MakeStandby);
    assert_eq!(
        (next.unit, next.commands),
        (Some(Unit::Primary), vec!["no failover active".to_string()])
    );
    // Then it is reloaded from the active unit.
    let text = pair("Secondary", "9.12(4)", "Active", "9.1(7)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    let next = pos.next.unwrap();
    assert_eq!(next.kind, StepKind::ReloadStandby);
    assert_eq!(
        (next.unit, next.commands),
        (
            Some(Unit::Secondary),
            vec!["failover reload-standby".to_string()]
        )
    );
    // Both on the target: done.
    let text = pair("Secondary", "9.12(4)", "Active", "9.12(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.place, Place::Done);
}

/// The audit's mm9: a mismatched pair whose older unit (the primary, on 8.2(5)) is active. Hop 1
/// reloads the primary only: its runbook makes it the standby first (step 1), stages its image
/// (step 2) and reloads it from the active secondary (step 3). `failover reload-standby` typed
/// on the primary now would reload the secondary, on 8.4(7), onto 8.3(2): a downgrade.
#[test]
fn a_one_unit_hop_follows_its_own_steps_and_reloads_the_unit_it_names() {
    let s = session("#from=8.2(5)&from2=8.4(7)&to=9.1(7)&rules=guide-9x");
    assert_eq!(s.hops().len(), 3);
    assert_eq!(
        s.hop_facts[0].reloads.len(),
        1,
        "hop 1 reloads the primary only"
    );
    let (snap, pos) = at(&s, "mismatched-older-active.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!((pos.place, pos.alternative.clone()), (Place::Before, None));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.hop, next.step, next.kind, next.unit),
        (1, 1, StepKind::MakeStandby, Some(Unit::Primary))
    );
    assert_eq!(next.commands, vec!["no failover active"]);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Before the plan: the primary unit on 8.2(5), the secondary unit on 8.4(7)."
                .to_string()
        ),
        "{said:#?}"
    );
    assert!(
        !said.iter().any(|l| l.contains("reload-standby")),
        "{said:#?}"
    );
    // Step 1 done: the secondary is active. Staging is not shown: the forward reading is
    // step 2 done (next, the reload from the secondary), the other step 1 done.
    let text = pair("Secondary", "8.4(7)", "Active", "8.2(5)", "Standby Ready");
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    let staged = Place::InHop {
        hop: 1,
        step: 2,
        done: Phase::Stage,
        one_unit: Some(Unit::Primary),
    };
    assert_eq!(pos.place, staged);
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.step, next.kind, next.role, next.unit),
        (
            3,
            StepKind::ReloadStandby,
            Role::Active,
            Some(Unit::Secondary)
        )
    );
    assert_eq!(next.commands, vec!["failover reload-standby"]);
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Before);
    let alt_next = alt_next.unwrap();
    assert_eq!(
        (alt_next.step, alt_next.kind, alt_next.unit),
        (2, StepKind::StageOne(Unit::Primary), Some(Unit::Secondary))
    );
    assert_eq!(
        alt_next.commands,
        vec!["failover exec mate copy /noconfirm tftp://<tftp-server>/asa832-k8.bin disk0:/asa832-k8.bin"]
    );
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Inside hop 1 (8.2(5) → 8.3(2)) after step 2: the images staged on the primary unit \
              (staging shows only in `show bootvar` or `dir`)."
                .to_string()
        ),
        "{said:#?}"
    );
    // The primary reloaded onto 8.3(2): hop 1 done, hop 2 reloads the primary only again.
    let text = pair("Secondary", "8.4(7)", "Active", "8.3(2)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::Between { after: 1 });
    let next = pos.next.unwrap();
    assert_eq!(
        (next.hop, next.step, next.kind),
        (2, 2, StepKind::StageOne(Unit::Primary))
    );
    // Its reload ticked, yet the primary still runs 8.2(5): it booted the old image.
    let ticks = [(1, 2), (1, 3)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let text = pair("Secondary", "8.4(7)", "Active", "8.2(5)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(
        (pos.stops[0].unit, pos.stops[0].release),
        (Some(Unit::Primary), Some(r("8.2(5)")))
    );
    assert_eq!(pos.stops[0].expected, vec![r("8.3(2)")]);
    // Hop 3 reloads both units: at its start both run 8.4(7), as any two-unit hop.
    let text = pair("Secondary", "8.4(7)", "Active", "8.4(7)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::Between { after: 2 });
    assert_eq!(pos.next.unwrap().kind, StepKind::Stage);
    // Mid hop 3: the primary reloaded onto 9.1(7) first.
    let text = pair("Secondary", "8.4(7)", "Active", "9.1(7)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.place, Place::in_hop(3, 2));
}

/// The audit's mm4: the units run the plan's own start (the primary 9.1(7), the secondary
/// 9.8(4)); the hop reloads both, the unit on 9.1(7) first, so it must be the standby.
#[test]
fn a_mismatched_pairs_own_start_is_on_the_plan() {
    let s = session("#from=9.1(7)&from2=9.8(4)&to=9.12(4)&rules=guide-9x");
    assert_eq!(s.hops().len(), 1);
    assert_eq!(s.hop_facts[0].reloads.len(), 2);
    let (snap, pos) = at(&s, "mismatched-join-older-active.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![], "9.8(4) is the secondary's start");
    assert_eq!(pos.plan_from, None);
    assert_eq!(pos.place, Place::Before);
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.step, next.kind, next.unit),
        (1, StepKind::FirstToStandby, Some(Unit::Primary))
    );
    assert_eq!(next.commands, vec!["no failover active"]);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Before the plan: the primary unit on 9.1(7), the secondary unit on 9.8(4)."
                .to_string()
        ),
        "{said:#?}"
    );
    // The secondary active: step 2 reloads the primary from it.
    let text = pair("Secondary", "9.8(4)", "Active", "9.1(7)", "Standby Ready");
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::in_hop(1, 1));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.step, next.kind, next.unit),
        (2, StepKind::ReloadStandby, Some(Unit::Secondary))
    );
    let (alt, _) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Before);
    let alt = words::alternative(s.hops(), alt, None, &snap);
    assert!(
        alt.contains("the primary unit on 9.1(7), the secondary unit on 9.8(4)"),
        "{alt}"
    );
    // The primary reloaded onto 9.12(4): step 3 on the secondary.
    let text = pair("Secondary", "9.8(4)", "Active", "9.12(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    assert_eq!(pos.next.unwrap().unit, Some(Unit::Secondary));
    // Failed over: the other unit still runs its own 9.8(4).
    let text = pair("Primary", "9.12(4)", "Active", "9.8(4)", "Standby Ready");
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 3));
    assert!(
        words::place_read(s.hops(), pos.place, &snap).ends_with("the other still runs 9.8(4)"),
        "{}",
        words::place_read(s.hops(), pos.place, &snap)
    );
    let text = pair("Primary", "9.12(4)", "Active", "9.12(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.place, Place::Done);
}

/// SPEC §6: "a unit that booted the old image must be caught here, before any failover" —
/// also when only the ticks say that the reload was issued.
#[test]
fn a_reload_ticked_that_came_back_on_the_old_release_stops() {
    let s = one_hop();
    let ticks = [(1, 1), (1, 2)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "as-healthy.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Secondary));
    assert_eq!(pos.stops[0].expected, vec![r("9.12(4)")]);
    // The second reload ticked, the former active back Standby Ready on 9.8(4).
    let ticks = [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "after-failover.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(
        (pos.stops[0].unit, pos.stops[0].release),
        (Some(Unit::Primary), Some(r("9.8(4)")))
    );
    assert!(
        words::stop(&pos.stops[0]).contains("came back on 9.8(4), not 9.12(4)"),
        "{}",
        words::stop(&pos.stops[0])
    );
}

/// Both units Active (each carries traffic, or thinks it does) or both Standby Ready (none
/// does): no step of the runbook leaves a pair so, and every next step would reload or fail
/// over a unit it should not. A stop, and no next step.
#[test]
fn both_units_active_or_both_standby_ready_stop() {
    let s = one_hop();
    let (_, pos) = at(&s, "both-active.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
    assert!(
        words::stop(&pos.stops[0]).starts_with("Both units are Active"),
        "{}",
        words::stop(&pos.stops[0])
    );
    let (_, pos) = at(&s, "both-standby-ready.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
    assert!(words::stop(&pos.stops[0]).starts_with("Both units are Standby Ready"));
    let text = pair("Primary", "9.8(4)", "Active", "9.12(4)", "Active");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.next, None);
}

/// SPEC §14: "Step 1 shows only in a pasted `show bootvar` or `dir`": a flash without the
/// hop's image is before step 1, one with it on every unit listed is after it.
#[test]
fn a_pasted_dir_shows_step_1() {
    let s = one_hop();
    let (_, pos) = at(&s, "dir-not-staged.txt", &Known::default());
    assert_eq!((pos.place, pos.alternative), (Place::Before, None));
    let (_, pos) = at(&s, "dir-staged.txt", &Known::default());
    assert_eq!((pos.place, pos.alternative), (Place::in_hop(1, 1), None));
}

/// A `show version` typed at a plain prompt between the two units' `show failover` outputs
/// was given to the primary and overrode its `Version: Ours` line: a false "done".
#[test]
fn a_show_version_that_contradicts_show_failover_is_not_used() {
    let s = one_hop();
    let (snap, pos) = at(&s, "plain-prompts-version-between.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 2));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.iter()
            .any(|l| l.starts_with("Line 13: a `show version`")),
        "{said:#?}"
    );
}

/// A unit on a release of the plan that its own path never has (the secondary below the
/// `from2` it was planned from): where it stands is not known, and the plan's start is to be
/// checked.
#[test]
fn a_unit_off_its_own_path_stops() {
    let s = session("#from=8.2(5)&from2=8.4(7)&to=9.1(7)&rules=guide-9x");
    let text = pair("Primary", "8.4(7)", "Active", "8.2(5)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    let stop = &pos.stops[0];
    assert_eq!((stop.unit, stop.on_plan), (Some(Unit::Secondary), true));
    assert_eq!(stop.expected, vec![r("8.4(7)")]);
    assert_eq!(
        words::stop(stop),
        "The secondary unit runs 8.2(5), but this plan has it on 8.4(7): check the releases \
         the plan starts from (the primary's, then the secondary's) before going on."
    );
    assert_eq!(pos.place, Place::Unknown);
}

/// The hook pair of a place (`data-hop`, `data-step`), as strings.
fn hook(place: Place) -> (String, String) {
    place.hook()
}

fn hook_of(hop: &str, step: &str) -> (String, String) {
    (hop.to_string(), step.to_string())
}

/// The audit's d3/d9/d10: an Active/Active hop follows its own runbook's numbers: 1 `failover
/// active` on the primary (both groups there), 2 stage, 3 reload the secondary, 4 fail over,
/// 5 the validation window, 6 reload the primary, 7 `write memory`, 8–9 the groups restored.
/// The Active/Standby numbers (1 stage, 2 reload, 3 fail over …) read a person's ticks as
/// other steps: 1.2 ticked (staged) was read as the reload issued, 1.3 (the reload) as the
/// failover done.
#[test]
fn active_active_follows_its_own_runbooks_steps() {
    let s = session("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    // Groups split at rest: before the plan; step 1 moves both groups to the primary.
    let (_, pos) = at(&s, "aa-without-version.txt", &Known::default());
    assert_eq!(hook(pos.place), hook_of("1", "0"));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.hop, next.step, next.unit),
        (1, 1, Some(Unit::Primary))
    );
    assert_eq!(next.commands, vec!["failover active"]);
    assert_eq!(pos.alternative, None);
    // Both groups on the secondary at rest: the same step 1, never the staging first.
    let (snap, pos) = at(&s, "aa-groups-on-secondary.txt", &Known::default());
    assert_eq!(hook(pos.place), hook_of("1", "0"));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.step, next.commands.clone()),
        (1, vec!["failover active".to_string()])
    );
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.iter()
            .any(|l| l.contains("then step 1 of hop 1 on the primary unit")),
        "{said:#?}"
    );
    assert_eq!(pos.alternative, None);
    // Both groups on the primary: step 1 done; staging does not show, so the forward
    // reading is step 2 done (next, step 3 reloads the secondary), the other step 1 done.
    let (_, pos) = at(&s, "aa-groups-on-primary.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(hook(pos.place), hook_of("1", "2"));
    let next = pos.next.clone().unwrap();
    assert_eq!((next.step, next.unit), (3, Some(Unit::Primary)));
    assert_eq!(next.commands, vec!["failover reload-standby"]);
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(hook(alt), hook_of("1", "1"));
    let alt_next = alt_next.unwrap();
    assert_eq!(alt_next.step, 2);
    assert!(
        words::next(&alt_next).starts_with("next, step 2 of hop 1 on the primary unit")
            && words::next(&alt_next).contains("(the runbook's step 2 has the whole block)"),
        "{}",
        words::next(&alt_next)
    );
    // Ticked 1.1 and 1.2 (staged): the reload is next, not a "booted the old image" stop.
    let ticks = [(1, 1), (1, 2)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "aa-groups-on-primary.txt", &known);
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(
        (hook(pos.place), pos.alternative.clone()),
        (hook_of("1", "2"), None)
    );
    assert_eq!(pos.next.clone().unwrap().step, 3);
    // Only 1.1 ticked: staging is next.
    let (_, pos) = at(
        &s,
        "aa-groups-on-primary.txt",
        &Known {
            ticked: &[(1, 1)],
            ..Known::default()
        },
    );
    assert_eq!(hook(pos.place), hook_of("1", "1"));
    assert_eq!(pos.next.clone().unwrap().step, 2);
    // The reload (step 3) ticked, yet the secondary still runs 9.8(4): it booted the old image.
    let (_, pos) = at(
        &s,
        "aa-groups-on-primary.txt",
        &Known {
            ticked: &[(1, 1), (1, 2), (1, 3)],
            ..Known::default()
        },
    );
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Secondary));
    // The secondary reloaded onto 9.12(4), both groups still on the primary: step 3 done,
    // next step 4 on the primary; ticks up to 1.3 do not make it a rollback.
    let ticks = [(1, 1), (1, 2), (1, 3)];
    let known = Known {
        ticked: &ticks,
        ..Known::default()
    };
    let (_, pos) = at(&s, "aa-secondary-reloaded.txt", &known);
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(
        (hook(pos.place), pos.alternative.clone()),
        (hook_of("1", "3"), None)
    );
    let next = pos.next.clone().unwrap();
    assert_eq!((next.step, next.unit), (4, Some(Unit::Primary)));
    assert_eq!(next.commands, vec!["no failover active"]);
    // Without ticks the other reading is a rollback after the failover of step 4.
    let (snap, pos) = at(&s, "aa-secondary-reloaded.txt", &Known::default());
    assert_eq!(hook(pos.place), hook_of("1", "3"));
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Rollback { hop: 1 });
    let said = words::alternative(s.hops(), alt, alt_next.as_ref(), &snap);
    assert!(!said.contains("step 3"), "{said}");
    // Step 4 ticked alone: this output may predate the failover (never read as failed back
    // on a tick alone): the output's own state, the rollback the other reading, and the tick
    // said. Its rollback's (a) ticked (step 5's block 1): failed back, a rollback.
    let (_, pos) = at(
        &s,
        "aa-secondary-reloaded.txt",
        &Known {
            ticked: &[(1, 4)],
            ..Known::default()
        },
    );
    assert_eq!(hook(pos.place), hook_of("1", "3"));
    assert_eq!(pos.alternative.unwrap().0, Place::Rollback { hop: 1 });
    assert_eq!(
        pos.ticked_not_shown
            .map(|t| (t.hop, t.ticked, t.not_shown.0)),
        Some((1, 4, 4))
    );
    let (_, pos) = at(
        &s,
        "aa-secondary-reloaded.txt",
        &Known {
            ticked: &[(1, 4)],
            rollback: &[(1, 5, 1)],
            ..Known::default()
        },
    );
    assert_eq!(pos.place, Place::Rollback { hop: 1 });
    assert_eq!(pos.ticked_not_shown, None);
    // Failed over: both groups on the secondary, on 9.12(4). Step 4 done, the window next;
    // then step 6 reloads the primary.
    let (_, pos) = at(&s, "aa-failed-over.txt", &Known::default());
    assert_eq!(hook(pos.place), hook_of("1", "4"));
    let next = pos.next.clone().unwrap();
    assert_eq!((next.step, next.unit), (5, Some(Unit::Secondary)));
    let (_, pos) = at(
        &s,
        "aa-failed-over.txt",
        &Known {
            ticked: &[(1, 5)],
            ..Known::default()
        },
    );
    assert_eq!(hook(pos.place), hook_of("1", "5"));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.step, next.commands),
        (6, vec!["failover reload-standby".to_string()])
    );
    // Both on 9.12(4): done, or step 7 (`write memory`) still to do.
    let (_, pos) = at(&s, "aa-both-new-on-secondary.txt", &Known::default());
    assert_eq!(pos.place, Place::Done);
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(hook(alt), hook_of("1", "6"));
    assert_eq!(alt_next.unwrap().step, 7);
    let (_, pos) = at(
        &s,
        "aa-both-new-on-secondary.txt",
        &Known {
            ticked: &[(1, 7)],
            ..Known::default()
        },
    );
    assert_eq!((pos.place, pos.alternative), (Place::Done, None));
}

/// The audit's e3: a mismatched Active/Active pair whose third hop reloads both units, both
/// groups active on the secondary: the hop starts with step 1, `failover active` on the
/// primary, before anything is staged.
#[test]
fn an_active_active_two_unit_hop_after_one_unit_hops_starts_with_the_groups() {
    let s = session("#from=8.2(5)&from2=8.4(7)&to=9.1(7)&mode=active-active&rules=guide-9x");
    assert_eq!(s.hops().len(), 3);
    let text = "Failover On\nFailover unit Primary\nVersion: Ours 8.4(7), Mate 8.4(7)\n\
                This host: Primary\nGroup 1 State: Standby Ready\nGroup 2 State: Standby Ready\n\
                Other host: Secondary\nGroup 1 State: Active\nGroup 2 State: Active\n";
    let pos = locate(&s, &parse(text), &Known::default());
    assert_eq!(pos.place, Place::Between { after: 2 });
    let next = pos.next.unwrap();
    assert_eq!(
        (next.hop, next.step, next.unit),
        (3, 1, Some(Unit::Primary))
    );
    assert_eq!(next.commands, vec!["failover active"]);
}

/// The audit's c1: both units' `show version` at failover-aware prompts, no `show failover`.
/// The one-unit hop reloads the primary, which its prompt (`pri/act`) says is active: the next
/// step is the runbook's step 1 (make it the standby), never the reload from "the active
/// secondary". Where no prompt says a role, step 1 is said as the runbook says it: `no
/// failover active` on the primary only if it is active.
#[test]
fn a_one_unit_hop_with_roles_only_at_the_prompts_starts_at_step_1() {
    let s = session("#from=8.2(5)&from2=8.4(7)&to=9.1(7)&rules=guide-9x");
    let (snap, pos) = at(&s, "versions-at-prompts.txt", &Known::default());
    assert_eq!(
        (snap.primary.release, snap.secondary.release),
        (Some(r("8.2(5)")), Some(r("8.4(7)")))
    );
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!((pos.place, pos.alternative.clone()), (Place::Before, None));
    let next = pos.next.clone().unwrap();
    assert_eq!(
        (next.hop, next.step, next.kind, next.unit),
        (1, 1, StepKind::MakeStandby, Some(Unit::Primary))
    );
    assert_eq!(next.commands, vec!["no failover active"]);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        !said.iter().any(|l| l.contains("reload-standby")),
        "{said:#?}"
    );
    // The prompts name the units but no role.
    let (snap, pos) = at(&s, "versions-at-unit-prompts.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!((pos.place, pos.alternative.clone()), (Place::Before, None));
    let next = pos.next.clone().unwrap();
    assert_eq!((next.step, next.unit), (1, Some(Unit::Primary)));
    assert_eq!(next.commands, vec!["no failover active"]);
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.iter()
            .any(|l| l.contains("only if `show failover` shows it Active")),
        "{said:#?}"
    );
    assert!(
        !said.iter().any(|l| l.contains("reload-standby")),
        "{said:#?}"
    );
    // Step 1 ticked: the person made it the standby; the staging is next.
    let (_, pos) = at(
        &s,
        "versions-at-unit-prompts.txt",
        &Known {
            ticked: &[(1, 1)],
            ..Known::default()
        },
    );
    assert_eq!(pos.next.unwrap().step, 2);
}

/// The audit's r1 and r2: a unit past the plan's target, or below the release the plan starts
/// it from, is off the plan (the `off-plan` kind stays), said as such: past the target is a
/// downgrade for that unit (SPEC §4), below the start is not on this plan's path. Neither is
/// "it booted the old image", which only a reload the runbook issued can say.
#[test]
fn a_unit_past_the_target_or_below_the_start_is_said_as_such() {
    let s = one_hop();
    let text = pair("Primary", "9.12(4)", "Active", "9.14(1)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    let said = words::stop(&pos.stops[0]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Secondary));
    assert!(!said.contains("booted the old image"), "{said}");
    assert!(
        said.starts_with("The secondary unit runs 9.14(1), past this plan's target 9.12(4)")
            && said.contains("downgrade"),
        "{said}"
    );
    let text = pair("Primary", "9.6(4)", "Active", "9.8(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Primary));
    let said = words::stop(&pos.stops[0]);
    assert!(!said.contains("booted the old image"), "{said}");
    assert!(
        said.starts_with("The primary unit runs 9.6(4), below 9.8(4)")
            && said.contains("not on this plan's path: check the releases the plan starts from"),
        "{said}"
    );
    // A reload ticked that came back on the start release: that is the old image.
    let known = Known {
        ticked: &[(1, 1), (1, 2)],
        ..Known::default()
    };
    let (_, pos) = at(&s, "as-healthy.txt", &known);
    assert!(words::stop(&pos.stops[0]).contains("it booted the old image"));
}

/// The audit's f1, d6 and n1: output that reads, yet does not place the pair (the releases
/// without the failover states mid-hop; the failover groups split between the units
/// mid-hop; the failover states without the releases) is not "on track": a stop says what is
/// missing, and no next step is offered.
#[test]
fn output_that_reads_but_does_not_place_the_pair_stops() {
    let s = one_hop();
    // Releases only, mid-hop: no failover state says which step.
    let text = show_output("versions-at-unit-prompts.txt")
        .replace("8.2(5)", "9.8(4)")
        .replace("8.4(7)", "9.12(4)");
    let snap = parse(&text);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(
        (snap.primary.release, snap.secondary.release),
        (Some(r("9.8(4)")), Some(r("9.12(4)")))
    );
    assert_eq!(pos.place, Place::Unknown);
    assert_eq!(kinds(&pos), vec![StopKind::MateUnknown]);
    assert_eq!(pos.next, None);
    let said = words::stop(&pos.stops[0]);
    assert!(said.contains("failover state"), "{said}");
    // Failover states only: no release.
    let (_, pos) = at(&s, "state-versions-first.txt", &Known::default());
    assert_eq!(pos.place, Place::Unknown);
    assert_eq!(
        kinds(&pos),
        vec![StopKind::UnknownRelease, StopKind::UnknownRelease]
    );
    let said = words::stop(&pos.stops[1]);
    assert!(
        said.starts_with("The secondary unit's release is not shown"),
        "{said}"
    );
    // Active/Active, mid-hop, each unit holding one group.
    let aa = session("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    let text = "Failover On\nFailover unit Primary\nVersion: Ours 9.8(4), Mate 9.12(4)\n\
                This host: Primary\nGroup 1 State: Active\nGroup 2 State: Standby Ready\n\
                Other host: Secondary\nGroup 1 State: Standby Ready\nGroup 2 State: Active\n";
    let pos = locate(&aa, &parse(text), &Known::default());
    assert_eq!(pos.place, Place::Unknown);
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.next, None);
    let said = words::stop(&pos.stops[0]);
    assert!(said.contains("split"), "{said}");
}

/// SPEC §14, several outputs pasted together: where they disagree it is said, with the lines
/// and the reading used, on the page as in the sentences. The same unit before and after the
/// standby's reload: the later output is read as the newer, the position is after step 2.
/// Each unit's own output claiming to be Active: a failover between the outputs and a pair with
/// both units Active look the same, so no reading is taken: a stop, and no next step.
#[test]
fn outputs_that_disagree_are_said_and_never_decide_the_roles_silently() {
    let s = one_hop();
    let (snap, pos) = at(&s, "same-unit-before-after-reload.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![]);
    assert_eq!(pos.place, Place::in_hop(1, 2));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.contains(
            &"Lines 5 and 18 disagree about the secondary unit's release: 9.8(4) (line 5), then \
              9.12(4) (line 18). The last of these in the paste is read as the newest, so \
              9.12(4) (line 18) is used: if it is not the newest, paste only outputs taken now."
                .to_string()
        ),
        "{said:#?}"
    );
    let markup = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(select(&markup, "[data-show-disagree]").len(), 1, "{markup}");

    let (snap, pos) = at(&s, "each-unit-says-active.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.stops[0].unit, None);
    assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.iter().any(|l| l.starts_with(
            "Lines 5 and 13 disagree about which unit is active: the primary unit's own output \
             says it is Active (line 5)"
        )),
        "{said:#?}"
    );
    assert!(
        words::stop(&pos.stops[0]).starts_with(
            "Each unit's own output says it is Active, and the outputs disagree: which unit is \
             active is not known. Do not reload or fail over either unit"
        ),
        "{}",
        words::stop(&pos.stops[0])
    );
    assert!(!said.iter().any(|l| l.starts_with("Next")), "{said:#?}");
    let markup = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(select(&markup, "[data-show-disagree]").len(), 1, "{markup}");
    assert_eq!(
        select(&markup, "[data-stop=mate-failed]").len(),
        1,
        "{markup}"
    );
    assert_eq!(select(&markup, "[data-next-step]").len(), 0, "{markup}");
    // Each unit's own output says it is Standby Ready: the same.
    let p = pair("Primary", "9.8(4)", "Standby Ready", "9.12(4)", "Active");
    let q = pair("Secondary", "9.12(4)", "Standby Ready", "9.8(4)", "Active");
    let pos = locate(&s, &parse(&[p, q].concat()), &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.next, None);
}

/// A mismatched pair's hop that reloads both units (9.8(4) and 9.12(4) → 9.16(4)): the unit on
/// the hop's start (the primary) is reloaded first, so it must be the standby; `failover
/// reload-standby` reloads whichever unit is the standby. With no output saying which unit is
/// active, the next step is never that reload (nor the staging) from "the active unit": it
/// says what is missing and names the unit the plan knows. Once the output shows the roles,
/// the unit is named.
#[test]
fn a_mismatched_pairs_first_reload_is_never_offered_from_an_unnamed_active_unit() {
    let s = session("#from=9.8(4)&from2=9.12(4)&to=9.16(4)&rules=guide-9x");
    assert_eq!(s.hops().len(), 1);
    assert_eq!(s.hop_facts[0].reloads.len(), 2, "hop 1 reloads both units");
    for ticked in [&[][..], &[(1, 1)][..]] {
        let known = Known {
            ticked,
            ..Known::default()
        };
        let (snap, pos) = at(&s, "mismatched-versions-no-roles.txt", &known);
        assert_eq!(kinds(&pos), vec![], "{ticked:?}");
        assert_eq!(pos.alternative, None, "{ticked:?}");
        let next = pos.next.clone().unwrap();
        assert_eq!(
            (next.kind, next.unit, next.role),
            (
                StepKind::FirstToStandbyIfActive,
                Some(Unit::Primary),
                Role::Primary
            ),
            "{ticked:?}"
        );
        assert_eq!(next.commands, vec!["no failover active"]);
        let said = words::sentences(s.hops(), &snap, &pos, |_| true);
        assert!(
            !said
                .iter()
                .any(|l| l.contains("reload-standby") || l.contains("copy ")),
            "{said:#?}"
        );
        assert!(
            said.iter().any(|l| l.contains(
                "the output does not show which unit is active: paste `show failover` from \
                 either unit, and only if it shows the primary unit Active, type `no failover \
                 active` on it"
            )),
            "{said:#?}"
        );
    }
    // The roles shown: the primary active, then made the standby.
    let text = pair("Primary", "9.8(4)", "Active", "9.12(4)", "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    let next = pos.next.unwrap();
    assert_eq!(
        (next.kind, next.unit, next.role),
        (StepKind::FirstToStandby, Some(Unit::Primary), Role::Active)
    );
    let text = pair("Primary", "9.8(4)", "Standby Ready", "9.12(4)", "Active");
    let pos = locate(&s, &parse(&text), &Known::default());
    let next = pos.next.unwrap();
    assert_eq!(
        (next.kind, next.unit),
        (StepKind::ReloadStandby, Some(Unit::Secondary))
    );
    // A failover-aware prompt that says the primary is the standby names the secondary.
    let text = show_output("mismatched-versions-no-roles.txt").replace("gw/pri#", "gw/pri/stby#");
    let pos = locate(&s, &parse(&text), &Known::default());
    let next = pos.next.unwrap();
    assert_eq!(
        (next.kind, next.unit),
        (StepKind::ReloadStandby, Some(Unit::Secondary))
    );
}

/// Every next step that names a role (the active unit, the standby unit) either names the unit
/// the output shows in it or says the output does not show which unit that is: over every
/// sample and plans of each kind (both units, a mismatched pair's both-unit and one-unit hops,
/// several hops, Active/Active), with and without ticks.
#[test]
fn a_role_is_never_named_as_if_the_output_showed_its_unit() {
    let plans = [
        "#from=9.8(4)&to=9.12(4)&rules=guide-9x",
        "#from=9.8(4)&from2=9.12(4)&to=9.16(4)&rules=guide-9x",
        "#from=8.2(5)&from2=8.4(7)&to=9.1(7)&rules=guide-9x",
        "#from=8.2(5)&to=9.1(7)&rules=guide-9x",
        "#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x",
        "#from=8.2(5)&from2=8.4(7)&to=9.1(7)&mode=active-active&rules=guide-9x",
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/show");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut checked = 0;
    for plan in plans {
        let s = session(plan);
        for name in &names {
            for ticked in [&[][..], &[(1, 1)][..], &[(1, 1), (1, 2)][..]] {
                let known = Known {
                    ticked,
                    ..Known::default()
                };
                let (_, pos) = at(&s, name, &known);
                let alt = pos.alternative.as_ref().and_then(|(_, n)| n.as_ref());
                for n in pos.next.iter().chain(alt) {
                    checked += 1;
                    let text = words::next(n);
                    if n.unit.is_none() && matches!(n.role, Role::Active | Role::Standby) {
                        assert!(
                            text.contains("(the output does not show which unit that is)"),
                            "{plan} {name} {ticked:?}: {text}"
                        );
                    }
                    let reloads_or_fails_over = n
                        .commands
                        .iter()
                        .any(|c| c.contains("reload-standby") || c.contains("no failover active"));
                    let mixed = s.from2.as_ref().and_then(|f| f.release).is_some();
                    if reloads_or_fails_over && mixed {
                        assert!(n.unit.is_some(), "{plan} {name} {ticked:?}: {text}");
                    }
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

// ---------------------------------------------------------------------------------------------
// The position agrees with the runbook: its file names, and no command-line step where the
// runbook gives none.

/// Hop 1's runbook as the page writes it (`ui::components::runbook_panel`), with no names typed.
fn runbook_of(s: &Session) -> asa_planner::domain::runbook::Runbook {
    use asa_planner::domain::runbook::{hop_images, image_of};
    let hops = s.hops();
    let images = hop_images(hops, "", &[], s.platform);
    let spec = s
        .hop_spec(0, |r| image_of(hops, &images, r, s.platform))
        .expect("hop 1");
    asa_planner::view::runbook::hop_runbook(s.setup, &spec, &images[0])
}

/// A block's commands without what the runbook puts before every block of its kind.
fn bare(commands: &[String]) -> Vec<String> {
    commands
        .iter()
        .filter(|c| *c != "changeto system" && *c != "terminal pager 0")
        .cloned()
        .collect()
}

#[test]
fn the_next_steps_files_are_the_runbooks_on_every_model_and_with_none() {
    use asa_planner::domain::platform::Platform;
    // With no model, 8.2(5) → 9.2(4) names the 5500 series' `-k8.bin` files throughout (the
    // family of the models that run the whole plan): the position copied another file.
    let s = session("#from=8.2(5)&to=9.2(4)&rules=guide-9x");
    assert_eq!(s.hops().len(), 3);
    let snap = parse(&pair(
        "Primary",
        "8.4(7)",
        "Active",
        "8.4(7)",
        "Standby Ready",
    ));
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.place, Place::Between { after: 2 });
    let next = pos.next.unwrap();
    assert_eq!(next.kind, StepKind::Stage);
    assert_eq!(
        next.commands,
        vec!["copy /noconfirm tftp://<tftp-server>/asa924-k8.bin disk0:/asa924-k8.bin"]
    );
    // Every model with the command-line runbook: the staging's copy is a line of the runbook's
    // step 1, and the rollback's lines are its block (b), to the last name.
    let mut checked = Vec::new();
    for p in Platform::ALL {
        let any = session(&format!("#from=9.8(4)&to=9.8(4)&platform={}", p.as_str()));
        let trains = any.catalog.trains().to_vec();
        let Some([a, b]) = trains
            .len()
            .checked_sub(2)
            .map(|i| [trains[i], trains[i + 1]])
        else {
            continue;
        };
        let newest = |t| any.catalog.train_entries(t).last().map(|e| e.release);
        let (Some(from), Some(to)) = (newest(a), newest(b)) else {
            continue;
        };
        let s = session(&format!(
            "#from={from}&to={to}&platform={}&rules=guide-9x",
            p.as_str()
        ));
        if s.hops().len() != 1 || asa_planner::domain::position::no_steps(&s, 0).is_some() {
            continue;
        }
        let book = runbook_of(&s);
        let (f, t) = (from.to_string(), to.to_string());
        // Both on the start: the other reading stages (copies) the new image.
        let snap = parse(&pair("Primary", &f, "Active", &f, "Standby Ready"));
        let pos = locate(&s, &snap, &Known::default());
        let stage = pos.alternative.and_then(|(_, n)| n).expect("staging");
        let copy = &stage.commands[0];
        let staged: Vec<&String> = book.steps[0]
            .commands
            .iter()
            .chain(book.steps[0].blocks.iter().flat_map(|b| &b.commands))
            .collect();
        assert!(staged.contains(&copy), "{p:?}: {copy} not in {staged:#?}");
        // Failed back after the failover: rollback (b), as the runbook's block (b) opens.
        let snap = parse(&pair("Primary", &f, "Active", &t, "Standby Ready"));
        let known = Known {
            previous: Some(Place::in_hop(1, 3)),
            ..Known::default()
        };
        let pos = locate(&s, &snap, &known);
        assert_eq!(pos.place, Place::Rollback { hop: 1 }, "{p:?}");
        let window = book
            .steps
            .iter()
            .find(|s| !s.rollback.is_empty())
            .expect("a validation window");
        match window.rollback.get(1) {
            Some(b) => {
                let rollback = pos.next.unwrap().commands;
                let b = bare(&b.commands);
                assert!(
                    b.starts_with(&rollback),
                    "{p:?}: {rollback:#?} is not how {b:#?} starts"
                );
            }
            // No downgrade from the hop's release: the failback is the whole rollback.
            None => assert_eq!(pos.next, None, "{p:?}: {to}"),
        }
        checked.push(p);
    }
    assert!(checked.len() >= 8, "{checked:?}");
    assert!(checked.contains(&Platform::Fp2100), "{checked:?}");
}

#[test]
fn a_wrong_image_stop_names_the_runbooks_file() {
    use asa_planner::domain::runbook::hop_images;
    // The person named 9.12(4)'s file; the upgraded unit booted another: the stop names the
    // file the runbook's commands copy and boot.
    let s = session("#from=9.8(4)&to=9.12(4)&rules=guide-9x&platform=asa5506x");
    assert_eq!(s.hops().len(), 1);
    let images = [(
        "9.12(4)".to_string(),
        "asa9-12-4-lfbff-k8-ours.SPA".to_string(),
    )];
    let known = Known {
        images: &images,
        ..Known::default()
    };
    let (_, pos) = at(&s, "mid-standby-reloaded.txt", &known);
    let stop = pos
        .stops
        .iter()
        .find(|st| st.kind == StopKind::WrongImage)
        .expect("a wrong-image stop");
    let named = &stop.images.as_ref().unwrap().1;
    let runbook = hop_images(s.hops(), "", &images, s.platform);
    assert_eq!(&runbook[0].new_image, named);
    // A name the person did not type is the model family's default, a guess to check against
    // Cisco's download page, not a known file: the unit booting another is no stop.
    let runbook = hop_images(s.hops(), "", &[], s.platform);
    assert_eq!(runbook[0].new_image, "asa9-12-4-lfbff-k8.SPA");
    let (snap, pos) = at(&s, "mid-standby-reloaded.txt", &Known::default());
    assert_eq!(
        snap.secondary.image.as_deref(),
        Some("asa9-12-4-smp-k8.bin")
    );
    assert!(
        !kinds(&pos).contains(&StopKind::WrongImage),
        "{:?}",
        pos.stops
    );
}

#[test]
fn a_hop_whose_runbook_is_a_stop_offers_no_step_of_it() {
    use asa_planner::domain::position::NoSteps;
    // Table 81-1 allows 9.1(1) → 9.1(7), Cisco later said it is not zero-downtime: the
    // runbook shows a stop and no steps, and so does the position.
    let s = session("#from=9.1(1)&to=9.1(7)&rules=table-81-1");
    let markup = util::runbook_markup("#from=9.1(1)&to=9.1(7)&rules=table-81-1");
    assert_eq!(select(&markup, "[data-runbook-stop]").len(), 1, "{markup}");
    assert_eq!(
        one(&markup, "section[data-runbook-hop]").attr("data-steps"),
        Some("0")
    );
    let start = pair("Primary", "9.1(1)", "Active", "9.1(1)", "Standby Ready");
    let snap = parse(&start);
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.place, Place::Before);
    assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
    assert_eq!(pos.no_steps, Some((1, NoSteps::RunbookStop)));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true).join("\n");
    for cli in [
        "failover reload-standby",
        "copy /noconfirm",
        "boot system",
        "step 1",
    ] {
        assert!(!said.contains(cli), "{cli} in {said}");
    }
    assert!(said.contains("its runbook is a stop"), "{said}");
    let markup = html(s.hops(), &snap, &pos, |_| true);
    assert_eq!(
        one(&markup, "[data-no-steps]").attr("data-no-steps"),
        Some("runbook-stop")
    );
    assert_eq!(select(&markup, "[data-next-step]").len(), 0, "{markup}");
    let p = one(&markup, "[data-position]");
    assert_eq!(
        (p.attr("data-hop"), p.attr("data-step")),
        (Some("1"), Some("0"))
    );
    // A tick cannot place it after a step the runbook does not have.
    let known = Known {
        ticked: &[(1, 1)],
        ..Known::default()
    };
    let pos = locate(&s, &snap, &known);
    assert_eq!((pos.place, pos.next), (Place::Before, None));
    // One unit on 9.1(7): inside the hop, at no step of it; then done.
    let snap = parse(&pair(
        "Primary",
        "9.1(1)",
        "Active",
        "9.1(7)",
        "Standby Ready",
    ));
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.place, Place::Midway { hop: 1 });
    assert_eq!(pos.place.hook(), ("1".to_string(), String::new()));
    assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
    assert_eq!(pos.no_steps, Some((1, NoSteps::RunbookStop)));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true).join("\n");
    assert!(
        said.contains("Inside hop 1 (9.1(1) → 9.1(7)): the primary unit on 9.1(1), the secondary unit on 9.1(7)."),
        "{said}"
    );
    assert!(!said.contains("no failover active"), "{said}");
    let snap = parse(&pair(
        "Primary",
        "9.1(7)",
        "Active",
        "9.1(7)",
        "Standby Ready",
    ));
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(
        (pos.place, pos.next, pos.no_steps),
        (Place::Done, None, None)
    );
    assert!(
        pos.alternative.is_none(),
        "no write memory of a hop with no steps"
    );
}

#[test]
fn on_the_fxos_path_the_position_offers_no_asa_command_line_step() {
    use asa_planner::domain::platform::ProcedureNotice;
    use asa_planner::domain::position::NoSteps;
    // Firepower 4100, and a Firepower 2100 from before 9.13 (platform mode): the runbook shows
    // the procedure notice and no steps.
    for (fragment, from, kind) in [
        ("#from=9.8(4)&to=9.12(4)&platform=fp4100", "9.8(4)", "fxos"),
        (
            "#from=9.8(2)&to=9.12(4)&platform=fp2100",
            "9.8(2)",
            "platform-mode",
        ),
    ] {
        let s = session(&format!("{fragment}&rules=guide-9x"));
        assert!(!s.hops().is_empty(), "{fragment}");
        let markup = util::runbook_markup(fragment);
        assert_eq!(select(&markup, "section[data-runbook-hop]").len(), 0);
        assert_eq!(
            one(&markup, "[data-procedure]").attr("data-procedure"),
            Some(kind)
        );
        let snap = parse(&pair("Primary", from, "Active", from, "Standby Ready"));
        let pos = locate(&s, &snap, &Known::default());
        assert_eq!(pos.place, Place::Before, "{fragment}");
        assert_eq!((pos.next.clone(), pos.alternative.clone()), (None, None));
        let (hop, why) = pos.no_steps.expect("why no step");
        assert_eq!((hop, why.as_str()), (1, kind));
        assert!(matches!(
            why,
            NoSteps::Procedure(
                ProcedureNotice::Fxos { .. } | ProcedureNotice::PlatformModeOnly { .. }
            )
        ));
        let said = words::sentences(s.hops(), &snap, &pos, |_| true).join("\n");
        for cli in ["failover reload-standby", "copy /noconfirm", "Next, step"] {
            assert!(!said.contains(cli), "{fragment}: {cli} in {said}");
        }
        assert!(said.contains("FXOS or the chassis manager"), "{said}");
        let markup = html(s.hops(), &snap, &pos, |_| true);
        assert_eq!(
            one(&markup, "[data-no-steps]").attr("data-no-steps"),
            Some(kind)
        );
        assert_eq!(select(&markup, "[data-next-step]").len(), 0, "{markup}");
        assert!(asa_planner::domain::position::hop_outline(&s, 0)
            .unwrap()
            .is_empty());
    }
    // A Firepower 2100 from 9.13 on (appliance mode) has the command-line runbook.
    let s = session("#from=9.14(1)&to=9.16(4)&platform=fp2100&rules=guide-9x");
    let snap = parse(&pair(
        "Primary",
        "9.14(1)",
        "Active",
        "9.14(1)",
        "Standby Ready",
    ));
    let pos = locate(&s, &snap, &Known::default());
    assert_eq!(pos.no_steps, None);
    assert!(pos.next.is_some());
}

/// Active/Active positions speak the Active/Active runbook's words: the reloaded unit is
/// standby for both groups, the failover moves both groups, and the sessions that drop are
/// those to the contexts' addresses; never Active/Standby's "the standby", "the former active"
/// or "the active address". Active/Standby keeps its own.
#[test]
fn active_active_positions_use_the_active_active_runbooks_words() {
    use asa_planner::domain::position::NextStep;
    let aa = session("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    let at = |step: u8, done: Phase| {
        words::place(
            aa.hops(),
            Place::InHop {
                hop: 1,
                step,
                done,
                one_unit: None,
            },
        )
    };
    let said = [
        at(3, Phase::FirstReload),
        at(4, Phase::FailOver),
        at(6, Phase::SecondReload),
    ];
    assert!(said[0].contains("standby for both groups"), "{}", said[0]);
    assert!(
        said[1].contains("both groups active on the unit on 9.12(4)"),
        "{}",
        said[1]
    );
    let next = |kind: StepKind, step: u8, role: Role| {
        words::next(&NextStep {
            hop: 1,
            step,
            kind,
            role,
            unit: Some(Unit::Primary),
            commands: vec!["no failover active".to_string()],
            system: true,
            held: false,
            awaits_output: false,
            prechecks: None,
        })
    };
    let nexts = [
        next(StepKind::FailOver, 4, Role::Primary),
        next(StepKind::ReloadFormer, 6, Role::Secondary),
    ];
    assert!(nexts[0].contains("the contexts' addresses"), "{}", nexts[0]);
    for text in said.iter().chain(&nexts) {
        for a_s in [
            "the standby reloaded",
            "former active",
            "the active address",
        ] {
            assert!(!text.contains(a_s), "{a_s}: {text}");
        }
    }
    // Active/Standby keeps its words.
    let s = one_hop();
    assert!(words::place(s.hops(), Place::in_hop(1, 2)).contains("the standby reloaded onto"));
    let n = words::next(&NextStep {
        hop: 1,
        step: 3,
        kind: StepKind::FailOver,
        role: Role::Active,
        unit: Some(Unit::Primary),
        commands: vec!["no failover active".to_string()],
        system: false,
        held: false,
        awaits_output: false,
        prechecks: None,
    });
    assert!(n.contains("the active address"), "{n}");
}

/// SPEC §6 step 3: every interface Normal, none Waiting or Failed, before a failover. Waiting
/// on either unit (both units' interfaces wait while they test each other after a reload) is
/// a `mate-failed` stop: the pair is not ready for the failover, and the failover is held.
#[test]
fn waiting_interfaces_on_either_unit_stop_a_failover() {
    let s = one_hop();
    let (snap, pos) = at(&s, "waiting-both-units.txt", &Known::default());
    assert_eq!(pos.place, Place::in_hop(1, 2));
    assert_eq!(
        kinds(&pos),
        vec![StopKind::MateFailed, StopKind::MateFailed]
    );
    for (stop, unit) in pos.stops.iter().zip([Unit::Primary, Unit::Secondary]) {
        assert_eq!(stop.unit, Some(unit));
        assert!(stop.waiting);
        assert_eq!(
            stop.interfaces,
            vec!["outside", "inside"],
            "oob is not monitored"
        );
    }
    assert_eq!(
        words::stop(&pos.stops[1]),
        "The secondary unit's interfaces outside, inside are still Waiting, and a failover \
         needs every interface Normal: do not fail over now. Wait until every one is Normal and \
         paste `show failover` again (one that stays Waiting, such as an interface with no \
         standby address, is one failover cannot test: find why first)."
    );
    let next = pos.next.as_ref().unwrap();
    assert_eq!((next.kind, next.held), (StepKind::FailOver, true));
    let said = words::sentences(s.hops(), &snap, &pos, |_| true);
    assert!(
        said.iter().any(|l| l.starts_with(
            "Next, once every stop above is cleared (not now): step 3 on the primary unit"
        )),
        "{said:#?}"
    );
    // A mismatched pair whose first step fails over to the unit on the newer release.
    let s = session("#from=9.8(4)&from2=9.12(4)&to=9.12(4)&rules=guide-9x");
    let (_, pos) = at(&s, "waiting-both-units.txt", &Known::default());
    let next = pos.next.as_ref().unwrap();
    assert_eq!((next.kind, next.held), (StepKind::MakeStandby, true));
    assert_eq!(
        kinds(&pos),
        vec![StopKind::MateFailed, StopKind::MateFailed]
    );
    // Active/Active: Waiting on the unit that holds both groups stops the failover too.
    let s = session("#from=9.8(4)&to=9.12(4)&mode=active-active&rules=guide-9x");
    let (_, pos) = at(&s, "aa-waiting-on-active.txt", &Known::default());
    let next = pos.next.as_ref().unwrap();
    assert_eq!((next.kind, next.held), (StepKind::FailOver, true));
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    assert_eq!(pos.stops[0].unit, Some(Unit::Primary));
    assert_eq!(pos.stops[0].interfaces, vec!["ctxa inside"]);
    // Waiting interfaces do not stop a step that does not fail over (the reload of step 2).
    let s = one_hop();
    let text = pair("Primary", "9.8(4)", "Active", "9.8(4)", "Standby Ready")
        + "Other host: Secondary - Standby Ready\n  Interface inside (198.51.100.2): Normal (Waiting)\n"
        + "BOOT variable = disk0:/asa9-12-4-smp-k8.bin;disk0:/asa984-smp-k8.bin\n";
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.next.as_ref().unwrap().kind, StepKind::ReloadStandby);
    assert_eq!(kinds(&pos), vec![]);
}

/// SPEC §14: stops are shown above the next step; a step a stop forbids stays in view, never
/// as something to do now: held in the words, `data-held` on the page. Both units Active (or
/// Standby Ready) leave no next step: which unit is active is what every step names.
#[test]
fn a_stop_holds_the_next_step() {
    let s = one_hop();
    let (snap, pos) = at(&s, "failed.txt", &Known::default());
    assert_eq!(kinds(&pos), vec![StopKind::MateFailed]);
    let next = pos.next.as_ref().unwrap();
    assert!(next.held);
    assert!(
        words::next(next).starts_with("next, once every stop above is cleared (not now): step 3"),
        "{}",
        words::next(next)
    );
    let page = html(s.hops(), &snap, &pos, |_| true);
    one(&page, "[data-next-step][data-held]");
    let stop_at = page.find("data-stop=").unwrap();
    assert!(
        stop_at < page.find("data-next-step").unwrap(),
        "the stop above"
    );
    // On track: not held.
    let (snap, pos) = at(&s, "mid-standby-reloaded.txt", &Known::default());
    assert!(!pos.next.as_ref().unwrap().held);
    let page = html(s.hops(), &snap, &pos, |_| true);
    assert!(!page.contains("data-held"), "{page}");
    // Both units Active: no next step at all.
    let (_, pos) = at(&s, "both-active.txt", &Known::default());
    assert_eq!(pos.next, None);
}

/// SPEC §6 (multiple-context mode, Active/Active): the save once both units run the release is
/// the runbook's `write memory all /noconfirm` in the system execution space, and the position
/// names the same command.
#[test]
fn the_save_step_is_the_runbooks_own_command() {
    for (fragment, tick, sample, step) in [
        (
            "#from=9.8(4)&to=9.12(4)&rules=guide-9x&contexts=multi",
            5,
            "both-on-target.txt",
            6,
        ),
        (
            "#from=9.8(4)&to=9.12(4)&rules=guide-9x&mode=active-active",
            6,
            "aa-both-new-on-secondary.txt",
            7,
        ),
    ] {
        let s = session(fragment);
        let ticked = [(1, tick)];
        let known = Known {
            ticked: &ticked,
            ..Known::default()
        };
        let (_, pos) = at(&s, sample, &known);
        let next = pos
            .next
            .as_ref()
            .unwrap_or_else(|| panic!("{fragment}: {pos:?}"));
        assert_eq!((next.kind, next.step), (StepKind::Save, step), "{fragment}");
        assert_eq!(
            next.commands,
            vec!["write memory all /noconfirm"],
            "{fragment}"
        );
        assert!(util::runbook_markup(fragment).contains("write memory all /noconfirm"));
    }
    // Single context: a plain `write memory`.
    let s = one_hop();
    let ticked = [(1, 5)];
    let known = Known {
        ticked: &ticked,
        ..Known::default()
    };
    let (_, pos) = at(&s, "both-on-target.txt", &known);
    assert_eq!(pos.next.unwrap().commands, vec!["write memory"]);
}

/// The previous position feeds the checks ticks feed: past the second reload, a unit still on
/// the old release booted the old image; after the first reload, Not Detected is the reload.
#[test]
fn the_previous_position_feeds_the_checks_ticks_feed() {
    let s = one_hop();
    let known = Known {
        previous: Some(Place::in_hop(1, 5)),
        ..Known::default()
    };
    let (_, pos) = at(&s, "after-failover.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::OffPlan]);
    assert_eq!(
        pos.stops[0].off,
        Some(asa_planner::domain::position::OffPlan::OldImage)
    );
    assert_eq!(pos.stops[0].unit, Some(Unit::Primary));
    let known = Known {
        previous: Some(Place::in_hop(1, 2)),
        ..Known::default()
    };
    let (_, pos) = at(&s, "mate-unknown.txt", &known);
    assert_eq!(kinds(&pos), vec![StopKind::MateSyncing]);
}

/// SPEC §6: before each hop, the pre-checks and the hop's backup, which rollback (b) restores:
/// the next step of a hop not started names them first (the step numbers stay the runbook's).
#[test]
fn a_hops_start_names_its_prechecks_and_backup_first() {
    let s = one_hop();
    let (snap, pos) = at(&s, "as-healthy.txt", &Known::default());
    let (alt, alt_next) = pos.alternative.clone().unwrap();
    assert_eq!(alt, Place::Before);
    let alt_next = alt_next.unwrap();
    assert_eq!((alt_next.step, alt_next.kind), (1, StepKind::Stage));
    assert_eq!(
        alt_next.prechecks.as_deref(),
        Some("pre-9.12.4-from-9.8.4.cfg")
    );
    let said = words::alternative(s.hops(), alt, Some(&alt_next), &snap);
    assert!(
        said.contains(
            "next, hop 1's pre-checks and backup first, as the runbook orders them (failover \
             healthy with every interface Normal, free flash on each unit, and the backup \
             `pre-9.12.4-from-9.8.4.cfg` that a rollback of this hop restores); then step 1 of \
             hop 1 on the primary unit (the active unit): stage the images"
        ),
        "{said}"
    );
    // The forward reading (staged) is past them.
    assert_eq!(pos.next.unwrap().prechecks, None);
    // Between hops: the next hop's.
    let s = session("#from=9.8(4)&to=9.12(4)&rules=table-81-1");
    assert!(s.hops().len() > 1);
    let mid = s.hops()[0].to.to_string();
    let text = pair("Primary", &mid, "Active", &mid, "Standby Ready");
    let pos = locate(&s, &parse(&text), &Known::default());
    assert_eq!(pos.place, Place::Between { after: 1 });
    let next = pos.next.unwrap();
    assert_eq!((next.hop, next.step), (2, 1));
    let to = s.hops()[1].to;
    assert_eq!(
        next.prechecks,
        Some(asa_planner::domain::runbook::backup_name(
            s.hops()[1].from,
            to
        ))
    );
}
