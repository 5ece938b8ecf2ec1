//! The change window's ticks (SPEC §14 "Running the window"): which runbook steps a person
//! ticked off, each with the local time it was ticked, kept in this browser per plan.
//!
//! A step is addressed as the runbook writes it: its hop (1-based; 0 for the steps before the
//! first hop) and its id within the hop (`"2"` for step 2, `"2r1"` for the first rollback
//! block of step 2, `"pre1"` for the first pre-check, `"1"` … for the steps before the first
//! hop). The stored text is one tick a line, `hop step time`, read defensively: a line that
//! does not read is skipped, never a panic, and said ([`Ticks::read`], [`Unread`]).

use super::position::Place;
use super::query::PlanQuery;

/// Ticks are kept per plan under this prefix followed by [`plan_key`].
pub const STORAGE_PREFIX: &str = "asa-planner.ticks:";

/// At most this many ticks are kept per plan (a longer stored text is cut, not trusted).
pub const MAX_TICKS: usize = 1_000;

/// One ticked step.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Tick {
    pub hop: usize,
    pub step: String,
    /// The local time it was ticked, as the browser wrote it: `YYYY-MM-DDTHH:MM` and the
    /// offset from UTC (`2026-12-08T23:50+01:00`), or `HH:MM` alone (written before the date
    /// was kept). [`TickTime`] reads it.
    pub time: String,
}

/// The ticked steps of one plan, in the order they were ticked.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Ticks {
    pub done: Vec<Tick>,
}

/// Whether `step` is a step id the runbook writes: digits, optionally `r` and digits, or
/// `pre` and digits; at most 12 characters.
pub fn valid_step(step: &str) -> bool {
    if step.is_empty() || step.len() > 12 {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = step.strip_prefix("pre") {
        return digits(rest);
    }
    match step.split_once('r') {
        Some((a, b)) => digits(a) && digits(b),
        None => digits(step),
    }
}

/// A stored line `hop step time`, when it reads as one.
fn tick_line(line: &str) -> Option<(usize, &str, &str)> {
    let mut parts = line.split(' ');
    let (Some(hop), Some(step), Some(time), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let hop = hop.parse::<usize>().ok()?;
    (hop <= 1_000 && valid_step(step) && valid_time(time)).then_some((hop, step, time))
}

/// Whether `time` reads as a [`TickTime`].
fn valid_time(time: &str) -> bool {
    TickTime::read(time).is_some()
}

/// When a step was ticked, read from its stored text ([`Tick::time`]). A window can run past
/// midnight and a change ticket is read elsewhere: the date and the offset from UTC say which
/// night and which clock; a tick stored as `HH:MM` alone has neither.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct TickTime<'a> {
    /// `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// `HH:MM`, 24-hour.
    pub clock: &'a str,
    /// `+HH:MM` or `-HH:MM`.
    pub offset: Option<&'a str>,
}

impl<'a> TickTime<'a> {
    /// `2026-12-08T23:50+01:00` or `23:50`; `None` for anything else.
    pub fn read(time: &'a str) -> Option<TickTime<'a>> {
        if clock(time) {
            return Some(TickTime {
                date: None,
                clock: time,
                offset: None,
            });
        }
        let (date, rest) = time.split_once('T')?;
        let (clock_part, offset) = (rest.get(..5)?, rest.get(5..)?);
        let d = date.as_bytes();
        let date_ok = d.len() == 10
            && d[4] == b'-'
            && d[7] == b'-'
            && d.iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
            && number(date, 5..7).is_some_and(|m| (1..=12).contains(&m))
            && number(date, 8..10).is_some_and(|day| (1..=31).contains(&day));
        // Offsets in use run from UTC-12:00 to UTC+14:00.
        let offset_ok = offset.len() == 6
            && matches!(offset.as_bytes()[0], b'+' | b'-')
            && clock(&offset[1..])
            && number(offset, 1..3).is_some_and(|h| h <= 14);
        (date_ok && clock(clock_part) && offset_ok).then_some(TickTime {
            date: Some(date),
            clock: clock_part,
            offset: Some(offset),
        })
    }
}

/// The digits of `text` at `at` as a number, if they are digits.
fn number(text: &str, at: std::ops::Range<usize>) -> Option<u8> {
    text.get(at)?.parse().ok()
}

/// Whether `time` is `HH:MM` (24-hour).
fn clock(time: &str) -> bool {
    let b = time.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit)
        && (b[0] - b'0') * 10 + (b[1] - b'0') < 24
        && b[3] < b'6'
}

/// What of a stored tick list was not read, as facts (SPEC §11: stored state gets a clear
/// message; `view::words` words it). The ticks that read are kept.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Unread {
    /// How many lines did not read as `hop step time`.
    pub count: usize,
    /// The first of them (1-based), at most [`Unread::LISTED`].
    pub lines: Vec<usize>,
    /// Lines after the [`MAX_TICKS`]th tick, not read.
    pub cut: bool,
}

impl Unread {
    /// How many unread lines are named.
    pub const LISTED: usize = 5;
}

impl Ticks {
    /// Reads the stored text; lines that do not read are skipped.
    pub fn decode(text: &str) -> Ticks {
        Ticks::read(text).0
    }

    /// Reads the stored text, and says what it skipped: lines that do not read as
    /// `hop step time` (blank lines aside), and what follows the [`MAX_TICKS`]th tick. `None`
    /// when every line read.
    pub fn read(text: &str) -> (Ticks, Option<Unread>) {
        let mut ticks = Ticks::default();
        let mut unread = Unread {
            count: 0,
            lines: Vec::new(),
            cut: false,
        };
        let mut lines = text.lines().enumerate();
        for (i, line) in lines.by_ref() {
            if line.trim().is_empty() {
                continue;
            }
            match tick_line(line) {
                Some((hop, step, time)) => ticks.set(hop, step, Some(time.to_owned())),
                None => {
                    unread.count += 1;
                    if unread.lines.len() < Unread::LISTED {
                        unread.lines.push(i + 1);
                    }
                }
            }
            if ticks.done.len() >= MAX_TICKS {
                break;
            }
        }
        unread.cut = lines.any(|(_, l)| !l.trim().is_empty());
        let problem = (unread.count > 0 || unread.cut).then_some(unread);
        (ticks, problem)
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for t in &self.done {
            out.push_str(&format!("{} {} {}\n", t.hop, t.step, t.time));
        }
        out
    }

    /// Ticks (`Some(time)`) or unticks (`None`) a step; an invalid step id is ignored.
    pub fn set(&mut self, hop: usize, step: &str, time: Option<String>) {
        if !valid_step(step) {
            return;
        }
        self.done.retain(|t| !(t.hop == hop && t.step == step));
        if let Some(time) = time {
            if self.done.len() < MAX_TICKS {
                self.done.push(Tick {
                    hop,
                    step: step.to_owned(),
                    time,
                });
            }
        }
    }

    /// The time a step was ticked, if it was.
    pub fn time(&self, hop: usize, step: &str) -> Option<&str> {
        self.done
            .iter()
            .find(|t| t.hop == hop && t.step == step)
            .map(|t| t.time.as_str())
    }

    /// The ticks as `position::locate` reads them (`Known::ticked`): `(hop, step)` for a
    /// numbered step (hop 0: the steps before the first hop), `(hop, 0)` for a pre-check (done
    /// before step 1). Rollback blocks are left out: they are not numbered steps. Every hop's
    /// steps are numbered as its runbook numbers them (`runbook::outline`), which is how the
    /// position reads them.
    pub fn steps(&self) -> Vec<(usize, u8)> {
        self.done
            .iter()
            .filter_map(|t| {
                let step = match t.step.strip_prefix("pre") {
                    Some(_) => 0,
                    None => t.step.parse::<u8>().ok()?,
                };
                Some((t.hop, step))
            })
            .collect()
    }

    /// The ticked rollback blocks as `position::locate` reads them (`Known::rollback`):
    /// `(hop, step, block)`, `block` 1-based in the runbook's order (block 1 of the validation
    /// window's rollback is its (a), the failback).
    pub fn rollback_blocks(&self) -> Vec<(usize, u8, u8)> {
        self.done
            .iter()
            .filter_map(|t| {
                let (step, block) = t.step.split_once('r')?;
                Some((t.hop, step.parse::<u8>().ok()?, block.parse::<u8>().ok()?))
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }
}

/// What the change window carries from one paste to the next (SPEC §14: position = the
/// snapshot, the ticks and the previous position): the position read from the output before,
/// and, once a hop was read rolled back to its end ([`Place::RolledBack`]), the ticks of that
/// hop from the attempt rolled back. Those stay ticked on the page, yet say nothing of the hop
/// started again: the position reads the ticks without them ([`Carried::ticks`]), so that a
/// tick of the first attempt's failover, window or rollback never puts the second attempt
/// back, or ahead, once the previous position has moved on from "rolled back".
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Carried {
    /// The position read from the output before this one.
    pub previous: Option<Place>,
    /// A hop read rolled back to its end, and its ticks then (as ticked: a step unticked and
    /// ticked again since has another time, and counts).
    rolled_back: Option<(usize, Vec<Tick>)>,
}

impl Carried {
    /// New output pasted: `last`, the position read from the output before it (`None`: none
    /// read), becomes the previous one; read rolled back, the ticks of its hop as they stand
    /// now are the attempt rolled back's (ticked up to this paste: the rollback's own blocks
    /// are often ticked after its output was read).
    pub fn pasted(&mut self, last: Option<Place>, ticks: &Ticks) {
        let Some(place) = last else {
            return;
        };
        self.previous = Some(place);
        if let Place::RolledBack { hop } = place {
            let before = ticks.done.iter().filter(|t| t.hop == hop).cloned();
            self.rolled_back = Some((hop, before.collect()));
        }
    }

    /// The attempt rolled back as this browser keeps it (a reload must not bring its ticks
    /// back into the reading): its hop on the first line, then its ticks as [`Ticks::encode`]
    /// writes them; empty when there is none.
    pub fn rolled_back_text(&self) -> String {
        match &self.rolled_back {
            None => String::new(),
            Some((hop, before)) => format!(
                "{hop}\n{}",
                Ticks {
                    done: before.clone()
                }
                .encode()
            ),
        }
    }

    /// Takes the attempt rolled back from what [`Carried::rolled_back_text`] wrote; anything
    /// else (nothing kept, or text that does not read) is no attempt rolled back.
    pub fn read_rolled_back(&mut self, text: &str) {
        self.rolled_back = text.split_once('\n').and_then(|(hop, rest)| {
            let hop = hop.trim().parse::<usize>().ok().filter(|&h| h > 0)?;
            let before = Ticks::decode(rest).done;
            Some((hop, before))
        });
    }

    /// The ticks the position reads: the plan's, without those of an attempt rolled back.
    pub fn ticks(&self, ticks: &Ticks) -> Ticks {
        match &self.rolled_back {
            None => ticks.clone(),
            Some((hop, before)) => Ticks {
                done: ticks
                    .done
                    .iter()
                    .filter(|t| t.hop != *hop || !before.contains(t))
                    .cloned()
                    .collect(),
            },
        }
    }
}

/// The plan a tick list belongs to: the query's fragment without the runbook's own settings
/// (image names, server, minutes), so typing a file name keeps the ticks, and in the spelling
/// of the page's link (`PlanQuery::canonical`), so a reload of that link (`8.2(5)` where
/// `8.2.5` was typed) finds them.
pub fn plan_key(query: &PlanQuery) -> String {
    PlanQuery {
        server: String::new(),
        images: Vec::new(),
        asdm: Vec::new(),
        minutes: None,
        ..query.canonical()
    }
    .to_string()
}

/// The local-storage key of a plan's ticks: [`STORAGE_PREFIX`] and a 64-bit FNV-1a digest of
/// its [`plan_key`] in hex (a custom list can make the fragment long; the key stays short).
/// Where this browser keeps the attempt rolled back of the plan whose ticks are under
/// `ticks_key` ([`storage_key`]): [`Carried::rolled_back_text`].
pub fn rolled_back_key(ticks_key: &str) -> String {
    format!("{ticks_key}:rolled-back")
}

pub fn storage_key(query: &PlanQuery) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in plan_key(query).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{STORAGE_PREFIX}{h:016x}")
}

/// The hop in progress (1-based) for `hops` hops, each with `steps[i]` main steps: the first
/// hop whose main steps are not all ticked (the last one when every step is ticked); `None`
/// without hops.
pub fn hop_in_progress(ticks: &Ticks, steps: &[usize]) -> Option<usize> {
    if steps.is_empty() {
        return None;
    }
    let ticked = ticks.steps();
    let finished = |hop: usize, count: usize| {
        count > 0 && (1..=count).all(|s| ticked.contains(&(hop, s as u8)))
    };
    Some(
        steps
            .iter()
            .enumerate()
            .find(|(i, n)| !finished(i + 1, **n))
            .map_or(steps.len(), |(i, _)| i + 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_bad_lines() {
        let mut t = Ticks::default();
        t.set(1, "2", Some("02:14".into()));
        t.set(1, "2r1", Some("02:20".into()));
        t.set(0, "pre1", Some("01:59".into()));
        let back = Ticks::decode(&t.encode());
        assert_eq!(back, t);
        let bad = "1 2 25:00\n1 x 01:00\nnonsense\n\u{0}\n3 4 01:02 extra\n2 3 23:59\n";
        let read = Ticks::decode(bad);
        assert_eq!(read.done.len(), 1);
        assert_eq!(read.time(2, "3"), Some("23:59"));
        assert_eq!(read.steps(), vec![(2, 3)]);
        assert_eq!(back.steps(), vec![(1, 2), (0, 0)]);
        // Rollback blocks apart: (hop, step, block).
        assert_eq!(back.rollback_blocks(), vec![(1, 2, 1)]);
        assert_eq!(read.rollback_blocks(), vec![]);
    }

    /// Audit 3, item 5 (SPEC §11): what does not read is said, not dropped silently; the
    /// ticks that read are kept.
    #[test]
    fn what_does_not_read_is_said() {
        let (read, unread) = Ticks::read("1 2 02:14\n\n2 3 23:59\n");
        assert_eq!((read.done.len(), unread), (2, None));
        let garbage = "garbage\n\u{0}\n99999999999999999999 1 12:00\n1 zz 99:99\n2 3 23:59\n";
        let (read, unread) = Ticks::read(garbage);
        assert_eq!(read.time(2, "3"), Some("23:59"));
        assert_eq!(
            unread,
            Some(Unread {
                count: 4,
                lines: vec![1, 2, 3, 4],
                cut: false
            })
        );
        let many: String = (0..MAX_TICKS + 3)
            .map(|i| format!("1 {i} 01:00\n"))
            .collect();
        let (read, unread) = Ticks::read(&many);
        assert_eq!(read.done.len(), MAX_TICKS);
        assert_eq!(unread.map(|u| (u.count, u.cut)), Some((0, true)));
    }

    #[test]
    fn unticking_removes_and_ids_are_checked() {
        let mut t = Ticks::default();
        t.set(1, "1", Some("10:00".into()));
        t.set(1, "1", None);
        assert!(t.is_empty());
        t.set(1, "1; rm", Some("10:00".into()));
        assert!(t.is_empty());
        assert!(valid_step("12r3") && valid_step("pre2") && !valid_step("r") && !valid_step(""));
    }

    #[test]
    fn the_key_ignores_the_runbook_settings_but_not_the_plan() {
        let q: PlanQuery = "from=9.8(4)&to=9.12(4)".parse().unwrap();
        let mut typed = q.clone();
        typed.server = "192.0.2.1".into();
        typed.minutes = Some(20);
        assert_eq!(storage_key(&q), storage_key(&typed));
        let other: PlanQuery = "from=9.8(4)&to=9.14(4)".parse().unwrap();
        assert_ne!(storage_key(&q), storage_key(&other));
        // Typed in another spelling, or pasted as a unit prints it: the link's plan, its ticks.
        let spelled: PlanQuery = "from=9.8.4&to=asa9-12-4-smp-k8.bin".parse().unwrap();
        assert_eq!(storage_key(&q), storage_key(&spelled));
        assert!(storage_key(&q).starts_with(STORAGE_PREFIX));
    }

    #[test]
    fn the_hop_in_progress_is_the_first_not_all_ticked() {
        let mut t = Ticks::default();
        assert_eq!(hop_in_progress(&t, &[6, 6]), Some(1));
        for s in 1..=6 {
            t.set(1, &s.to_string(), Some("01:00".into()));
        }
        assert_eq!(hop_in_progress(&t, &[6, 6]), Some(2));
        assert_eq!(hop_in_progress(&t, &[6]), Some(1));
        assert_eq!(hop_in_progress(&t, &[]), None);
    }
}
