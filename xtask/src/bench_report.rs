//! BENCHMARKS.md from one `cargo xtask bench` run. The browser scripts (benches/browser) write
//! one JSON document of figures, read here into [`Browser`]; [`summary`] puts each SPEC §12
//! figure beside its goal, one small function per part; [`markdown`] fills [`TEMPLATE`] with
//! them, the size table, the runs behind the two ratios, the audits and the machine. The
//! `## History` section at the end is written by people and kept across runs.

use crate::bench::{Figures, FRAGMENT};
use crate::bench_size::BUDGET;
use serde::Deserialize;
use std::collections::BTreeMap;
use xshell::cmd;

/// BENCHMARKS.md, up to its history. `{name}` is filled by [`markdown`]; only full runs write
/// the file, so every part is there.
const TEMPLATE: &str = "# Benchmarks

Written by `cargo xtask bench` from one run on {date}, commit {commit}; the History section at the
end is kept across runs. Goals: SPEC §12. Only the size budget fails the command. How each figure
is measured: [benches/README.md](benches/README.md).

## Summary

{summary}
## Size

{size}
## The app beside its static floor

The shared link is `/#{fragment}` ({hops} hops).

{runs}
## Audits

{audits}
## Machine

| nproc | memory | CPU | Chromium | Node | rustc |
|---|---|---|---|---|---|
{machine}

## Commands

`cargo xtask bench{criterion}` (cold runs per page: {runs_per_page}) runs all of it; `cargo xtask
bench --only size|browser|lighthouse|native|fleet-cli` one part (it prints, and leaves this file).

";

const HISTORY: &str = "## History";
const NEW_HISTORY: &str = "## History\n\nWhat was changed to reach the goals, with the figures \
measured before and after (kept across runs; edit by hand).\n";

/// The JSON document the browser scripts write (benches/browser/cli.mjs's `record`); a part
/// that was not run is absent.
#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
pub struct Browser {
    pub plan: Option<Pages>,
    pub first_screen: Option<FirstScreen>,
    pub layout: Vec<Layout>,
    pub wasm_layout: Vec<AtSize>,
    pub hover: Option<Hover>,
    /// By key: `type`, `train`, `list2k`, `type2k`, `list10k`, `fleet1k`, `paste`.
    pub interactions: BTreeMap<String, Interaction>,
    pub fleet_table: Option<Spread>,
    pub axe: Option<Axe>,
    pub lighthouse: Vec<Lighthouse>,
}

/// The app against its static floor, ms since navigation start: medians and every run.
#[derive(Deserialize, Debug, PartialEq)]
pub struct Pages {
    pub runs: u32,
    pub app_ms: f64,
    pub static_ms: f64,
    pub app_runs_ms: Vec<f64>,
    pub static_runs_ms: Vec<f64>,
    /// The app's phases, on the shared link only: wasm requested, downloaded, `main` run.
    pub wasm_requested_ms: Option<f64>,
    pub wasm_loaded_ms: Option<f64>,
    pub started_ms: Option<f64>,
}

/// First contentful paint of the app and of the static first screen, and the app's layout
/// shift until it has taken the first screen over.
#[derive(Deserialize, Debug, PartialEq)]
pub struct FirstScreen {
    #[serde(flatten)]
    pub paint: Pages,
    pub cls_median: f64,
    pub cls_max: f64,
    pub static_cls_max: f64,
}

#[derive(Deserialize, Debug, PartialEq)]
pub struct Layout {
    pub n: u32,
    pub dom_ms: f64,
    pub frame_ms: f64,
    pub runs: u32,
}

/// A time at a number of releases.
#[derive(Deserialize, Debug, PartialEq)]
pub struct AtSize {
    pub n: u32,
    pub ms: f64,
}

#[derive(Deserialize, Debug, PartialEq)]
pub struct Hover {
    pub median_ms: f64,
    pub max_ms: f64,
    pub count: u32,
    pub with_legal: u32,
}

/// One kind of interaction: Event Timing's p75 and worst, and the bench's own timing.
#[derive(Deserialize, Debug, PartialEq)]
pub struct Interaction {
    pub p75_ms: Option<f64>,
    pub max_ms: Option<f64>,
    pub own_median_ms: Option<f64>,
    pub own_max_ms: Option<f64>,
    pub runs: u32,
}

#[derive(Deserialize, Debug, PartialEq)]
pub struct Spread {
    pub median_ms: f64,
    pub max_ms: f64,
}

#[derive(Deserialize, Debug, PartialEq)]
pub struct Axe {
    pub states: u32,
    pub violations: Vec<String>,
}

/// The median-performance run of one form factor (`mobile`, `desktop`).
#[derive(Deserialize, Debug, PartialEq)]
pub struct Lighthouse {
    pub form: String,
    pub version: String,
    pub performance: f64,
    pub accessibility: f64,
    pub best_practices: f64,
    pub metrics: String,
    pub failing: Vec<String>,
    pub performance_runs: Vec<f64>,
}

/// The interactions SPEC §12 sets goals for: key, worst-case goal (ms), what.
const INTERACTIONS: [(&str, f64, &str); 7] = [
    ("type", 32.0, "a keystroke, built-in catalog"),
    ("train", 16.0, "a train switched off or on"),
    ("list2k", 100.0, "a 2,000-release list applied"),
    ("type2k", 32.0, "a keystroke with the 2,000-release list"),
    ("list10k", 300.0, "a 10,000-release list applied"),
    ("fleet1k", 100.0, "the fleet view: 1,000 pairs applied"),
    (
        "paste",
        32.0,
        "pasting a show failover output → position drawn",
    ),
];
/// The one interaction with a goal at the 75th percentile too: a keystroke, ≤ 16 ms.
const P75_GOAL: (&str, f64) = ("type", 16.0);

/// One line of the summary table: figure, measured, goal, and whether it is met (`None` where
/// the figure has no goal).
#[derive(Debug, PartialEq)]
pub struct Row(String, String, String, Option<bool>);

fn row(figure: impl Into<String>, measured: impl Into<String>) -> Row {
    Row(figure.into(), measured.into(), String::new(), None)
}

impl Row {
    /// The row with its goal, met or not.
    fn goal(self, goal: impl Into<String>, met: bool) -> Row {
        Row(self.0, self.1, goal.into(), Some(met))
    }
}

/// Every figure the run measured, beside its SPEC §12 goal, part by part.
pub fn summary(f: &Figures) -> Vec<Row> {
    let parts: [fn(&Figures) -> Vec<Row>; 7] =
        [size, pages, layout, interactions, native, fleet, audits];
    parts.iter().flat_map(|part| part(f)).collect()
}

fn size(f: &Figures) -> Vec<Row> {
    let Some(size) = &f.size else { return vec![] };
    let (gz, br) = (size.total(|x| x.gzip), size.total(|x| x.brotli));
    let first = format!("first load, gzip -9 ({} files)", size.files.len());
    let ceiling = format!("≤ {} (a ceiling)", kib(BUDGET));
    let gzip = row(first, kib(gz)).goal(ceiling, gz <= BUDGET);
    vec![gzip, row("first load, brotli", kib(br))]
}

/// The two ratios of the app to its static floor, and the layout shift.
fn pages(f: &Figures) -> Vec<Row> {
    let ratio = |what: &str, p: &Pages, goal: f64| {
        let (app, floor, r) = (ms(p.app_ms, 0), ms(p.static_ms, 0), p.app_ms / p.static_ms);
        let runs = p.runs;
        let figure = format!("{what}, app / static (median of {runs} cold runs: {app} / {floor})");
        row(figure, format!("{r:.2}×")).goal(format!("≤ {goal}×"), r <= goal)
    };
    let (b, mut rows) = (&f.browser, Vec::new());
    if let Some(p) = &b.plan {
        rows.push(ratio("shared link → plan drawn", p, 2.0));
    }
    if let Some(s) = &b.first_screen {
        let (runs, floor) = (s.paint.runs, s.static_cls_max);
        let what = "first screen painted (first contentful paint)";
        rows.push(ratio(what, &s.paint, 1.2));
        let figure = format!("layout shift when the app takes over: CLS median / worst ({runs} runs; static page worst {floor})");
        let measured = format!("{} / {}", s.cls_median, s.cls_max);
        rows.push(row(figure, measured).goal("≤ 0.02", s.cls_max <= 0.02));
    }
    rows
}

fn layout(f: &Figures) -> Vec<Row> {
    let b = &f.browser;
    let mut rows = Vec::new();
    for l in &b.layout {
        let (n, frame, runs) = (thousands(l.n), ms(l.frame_ms, 1), l.runs);
        let figure =
            format!("{n} releases applied → graph in the DOM (next frame {frame}; {runs} runs)");
        let r = row(figure, ms(l.dom_ms, 1));
        rows.push(if l.n == 10_000 {
            r.goal("completes", true)
        } else {
            r
        });
    }
    for w in &b.wasm_layout {
        let figure = format!("`domain::layout` of {} releases in wasm", thousands(w.n));
        let r = row(figure, ms(w.ms, 3));
        rows.push(match w.n {
            2000 => r.goal("≤ 20 ms", w.ms <= 20.0),
            10_000 => r.goal("completes", true),
            _ => r,
        });
    }
    if let Some(h) = &b.hover {
        let (count, legal, max) = (h.count, h.with_legal, h.max_ms);
        let figure = format!(
            "hover → highlight (median over {count} nodes, {legal} with legal hops; max {max} ms)"
        );
        let median = h.median_ms;
        rows.push(row(figure, ms(median, 1)).goal("≤ 16 ms", median <= 16.0));
    }
    if let Some(t) = &b.fleet_table {
        let max = t.max_ms;
        let figure = format!("the fleet view: 1,000 pairs, click → whole table (max {max} ms)");
        rows.push(row(figure, ms(t.median_ms, 0)));
    }
    rows
}

fn interactions(f: &Figures) -> Vec<Row> {
    let one = |(key, max_goal, what): (&str, f64, &str)| {
        let i = f.browser.interactions.get(key)?;
        let (p75, max) = (i.p75_ms?, i.max_ms?);
        let measured = format!("{} / {}", event_ms(p75), event_ms(max));
        let p75_goal = (key == P75_GOAL.0).then_some(P75_GOAL.1);
        let goal = match p75_goal {
            Some(g) => format!("≤ {g} ms at p75, ≤ {max_goal} ms worst"),
            None => format!("≤ {max_goal} ms"),
        };
        let met = p75.max(i.own_median_ms.unwrap_or(0.0)) <= p75_goal.unwrap_or(max_goal)
            && max.max(i.own_max_ms.unwrap_or(0.0)) <= max_goal;
        let figure = format!("{what}: Event Timing p75 / worst ({} runs)", i.runs);
        Some(row(figure, measured).goal(goal, met))
    };
    INTERACTIONS.into_iter().filter_map(one).collect()
}

fn native(f: &Figures) -> Vec<Row> {
    let one = |r: &crate::bench_native::NativeResult| {
        let line = row(format!("`{}` (criterion median)", r.id), human(r.median_ns));
        match r.budget() {
            Some((limit, words)) => line.goal(words, r.median_ns <= limit),
            None => line,
        }
    };
    f.native.iter().map(one).collect()
}

fn fleet(f: &Figures) -> Vec<Row> {
    let Some(fl) = &f.fleet else { return vec![] };
    let (t, mb) = (&fl.timed, fl.output_bytes as f64 / 1e6);
    let peak = t.memory_usage_byte.iter().max();
    let peak = peak.map_or("n/a".into(), |&b| {
        format!("{:.1} MiB", b as f64 / 1048576.0)
    });
    let (pinned, runs, load) = (fl.pinned, t.times.len(), &fl.load);
    let figure = format!("command line: 100,000 pairs → JSON ({mb:.1} MB), {pinned} (median of {runs} runs; load {load})");
    let (wall, cpu) = (t.median * 1000.0, (t.user + t.system) * 1000.0);
    let measured = format!("{wall:.0} ms wall, {cpu:.0} ms CPU (mean); peak {peak}");
    vec![row(figure, measured).goal("< 1 s", wall < crate::bench_fleet::BUDGET_MS)]
}

fn audits(f: &Figures) -> Vec<Row> {
    let b = &f.browser;
    let mut rows = Vec::new();
    for lh in &b.lighthouse {
        let (form, runs) = (&lh.form, lh.performance_runs.len());
        let figure = format!("Lighthouse {form}: performance / accessibility / best practices (median of {runs} runs)");
        let (p, a, bp) = (lh.performance, lh.accessibility, lh.best_practices);
        let met = p >= 95.0 && a >= 100.0 && bp >= 100.0;
        let measured = format!("{p:.0} / {a:.0} / {bp:.0}");
        rows.push(row(figure, measured).goal("≥ 95 / 100 / 100", met));
    }
    if let Some(axe) = &b.axe {
        let figure = format!("axe-core violations ({} page states)", axe.states);
        let count = axe.violations.len();
        rows.push(row(figure, count.to_string()).goal("0", count == 0));
    }
    rows
}

/// The summary rows as a Markdown table (BENCHMARKS.md, and what `cargo xtask bench` prints).
pub fn table(rows: &[Row]) -> String {
    let mut s = String::from("| figure | measured | goal | met |\n|---|---|---|---|\n");
    for Row(figure, measured, goal, met) in rows {
        let met = match met {
            Some(true) => "met",
            Some(false) => "**not met**",
            None => "",
        };
        s += &format!("| {figure} | {measured} | {goal} | {met} |\n");
    }
    s
}

/// The whole file; `old` is the current BENCHMARKS.md, whose history section is kept.
pub fn markdown(f: &Figures, m: &Machine, old: &str) -> String {
    let b = &f.browser;
    let mut runs = String::new();
    let first = b.first_screen.as_ref().map(|x| &x.paint);
    for (what, pages) in [("shared link", b.plan.as_ref()), ("first screen", first)] {
        let Some(p) = pages else { continue };
        for (page, times) in [("app", &p.app_runs_ms), ("static", &p.static_runs_ms)] {
            runs += &format!("- {what}, {page} runs (ms): {}\n", joined(times));
        }
    }
    if let Some(p) = &b.plan {
        let phase = |x: Option<f64>| x.map_or("n/a".to_string(), |v| v.to_string());
        let (requested, loaded) = (phase(p.wasm_requested_ms), phase(p.wasm_loaded_ms));
        let (started, drawn) = (phase(p.started_ms), p.app_ms);
        runs += &format!("- shared link, the app's medians (ms): wasm requested {requested}, downloaded {loaded}, `main` run {started}, plan drawn {drawn}\n");
    }
    let mut audits = String::new();
    for lh in &b.lighthouse {
        let (version, form, metrics) = (&lh.version, &lh.form, &lh.metrics);
        let (runs, failing) = (joined(&lh.performance_runs), or_none(&lh.failing));
        audits += &format!("- Lighthouse {version} {form} (`/#{FRAGMENT}`, gzip served): performance of each run {runs}; the median run: {metrics}; audits below 90: {failing}\n");
    }
    if let Some(axe) = &b.axe {
        let (states, found) = (axe.states, or_none(&axe.violations));
        audits +=
            &format!("- axe-core ({states} states: empty page, plan light, plan dark): {found}\n");
    }
    let criterion = match f.criterion_args.as_slice() {
        [] => String::new(),
        args => format!(" -- {}", args.join(" ")),
    };
    let size = f.size.as_ref().map(crate::bench_size::table);
    let filled = [
        ("{date}", m.date.clone()),
        ("{commit}", m.commit.clone()),
        ("{summary}", table(&summary(f))),
        ("{size}", size.unwrap_or_default()),
        ("{fragment}", FRAGMENT.to_string()),
        ("{hops}", f.hops.to_string()),
        ("{runs}", runs),
        ("{audits}", audits),
        ("{machine}", format!("| {} |", m.cells.join(" | "))),
        ("{criterion}", criterion),
        ("{runs_per_page}", f.runs.to_string()),
    ];
    let text = filled.iter().fold(TEMPLATE.to_string(), |t, (key, value)| {
        t.replace(key, value)
    });
    let history = old.find(HISTORY).map_or(NEW_HISTORY, |i| &old[i..]);
    let end = if history.ends_with('\n') { "" } else { "\n" };
    format!("{text}{history}{end}")
}

fn ms(value: f64, digits: usize) -> String {
    format!("{value:.digits$} ms")
}

/// An Event Timing duration: 0 is an interaction under the browser's 16 ms threshold.
fn event_ms(value: f64) -> String {
    if value == 0.0 {
        "< 16 ms".to_string()
    } else {
        ms(value, 0)
    }
}

/// A duration in nanoseconds (criterion's unit), in the unit that reads best.
fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.2} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.0} ns"),
    }
}

pub fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// `10000` → `10,000` (the bench's counts stay under a million).
fn thousands(n: u32) -> String {
    match n {
        0..1000 => n.to_string(),
        _ => format!("{},{:03}", n / 1000, n % 1000),
    }
}

fn joined(values: &[f64]) -> String {
    let shown: Vec<String> = values.iter().map(f64::to_string).collect();
    shown.join(" ")
}

fn or_none(items: &[String]) -> String {
    match items {
        [] => "none".to_string(),
        items => items.join("; "),
    }
}

/// Where the numbers came from: when, which commit, and the machine's table row (nproc,
/// memory, CPU, Chromium, Node, rustc).
#[derive(Default)]
pub struct Machine {
    pub date: String,
    pub commit: String,
    pub cells: [String; 6],
}

impl Machine {
    pub fn probe() -> Result<Machine, String> {
        let sh = crate::shell()?;
        let out = |cmd| crate::tools::probe(cmd).map_or("unknown".into(), |s| s.trim().to_string());
        // A `key: value` line of /proc/meminfo or /proc/cpuinfo.
        let proc_field = |file: &str, key: &str| {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let line = text.lines().find(|l| l.starts_with(key));
            line.and_then(|l| Some(l.split_once(':')?.1.trim().to_string()))
        };
        let memory = proc_field("/proc/meminfo", "MemTotal");
        let kib = memory.and_then(|m| m.trim_end_matches(" kB").parse::<f64>().ok());
        let memory = kib.map_or("unknown".into(), |kib| {
            format!("{:.1} GiB", kib / 1048576.0)
        });
        let cpu = proc_field("/proc/cpuinfo", "model name").unwrap_or("unknown".into());
        let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
        let mut commit = out(cmd!(sh, "git rev-parse --short HEAD"));
        if !out(cmd!(sh, "git status --porcelain")).is_empty() {
            commit += " with uncommitted changes";
        }
        let chromium = crate::tools::CHROMIUM;
        Ok(Machine {
            date: out(cmd!(sh, "date -u '+%Y-%m-%d %H:%M UTC'")),
            commit,
            cells: [
                nproc.to_string(),
                memory,
                cpu,
                out(cmd!(sh, "{chromium} --version")),
                out(cmd!(sh, "node --version")),
                out(cmd!(sh, "rustc --version")),
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_fleet::FleetFigure;
    use crate::bench_native::NativeResult;

    /// A document as benches/browser writes it (the shape `record` in cli.mjs gives).
    const BROWSER: &str = r#"{
      "plan": { "runs": 9, "app_ms": 300, "static_ms": 100, "app_runs_ms": [300, 310],
                "static_runs_ms": [100, 99], "wasm_requested_ms": 20.5, "wasm_loaded_ms": null,
                "started_ms": 150 },
      "first_screen": { "runs": 9, "app_ms": 110, "static_ms": 100, "app_runs_ms": [110],
                "static_runs_ms": [100], "cls_median": 0, "cls_max": 0.03, "static_cls_max": 0 },
      "layout": [{ "n": 10000, "dom_ms": 70.25, "frame_ms": 120, "runs": 3 }],
      "wasm_layout": [{ "n": 2000, "ms": 4.25 }, { "n": 300, "ms": 0.5 }],
      "interactions": {
        "type": { "p75_ms": 0, "max_ms": 24, "own_median_ms": 20.2, "own_max_ms": 30, "runs": 9 },
        "train": { "p75_ms": 16, "max_ms": 16, "own_median_ms": 10, "own_max_ms": 12, "runs": 5 },
        "paste": { "p75_ms": 0, "max_ms": 0, "own_median_ms": 12.5, "own_max_ms": 33.5, "runs": 5 }
      },
      "axe": { "states": 3, "violations": ["empty page: region (1)"] },
      "lighthouse": [{ "form": "mobile", "version": "12.2.3", "performance": 96,
        "accessibility": 100, "best_practices": 100, "metrics": "FCP 1 s", "failing": [],
        "performance_runs": [95, 96, 97] }]
    }"#;

    /// Each goal beside its figure: the ratios, the layout shift by its worst run, Event
    /// Timing under its threshold but the bench's own timing over the goal (keystroke, paste).
    const SUMMARY: &str = "| figure | measured | goal | met |
|---|---|---|---|
| shared link → plan drawn, app / static (median of 9 cold runs: 300 ms / 100 ms) | 3.00× | ≤ 2× | **not met** |
| first screen painted (first contentful paint), app / static (median of 9 cold runs: 110 ms / 100 ms) | 1.10× | ≤ 1.2× | met |
| layout shift when the app takes over: CLS median / worst (9 runs; static page worst 0) | 0 / 0.03 | ≤ 0.02 | **not met** |
| 10,000 releases applied → graph in the DOM (next frame 120.0 ms; 3 runs) | 70.2 ms | completes | met |
| `domain::layout` of 2,000 releases in wasm | 4.250 ms | ≤ 20 ms | met |
| `domain::layout` of 300 releases in wasm | 0.500 ms |  |  |
| a keystroke, built-in catalog: Event Timing p75 / worst (9 runs) | < 16 ms / 24 ms | ≤ 16 ms at p75, ≤ 32 ms worst | **not met** |
| a train switched off or on: Event Timing p75 / worst (5 runs) | 16 ms / 16 ms | ≤ 16 ms | met |
| pasting a show failover output → position drawn: Event Timing p75 / worst (5 runs) | < 16 ms / < 16 ms | ≤ 32 ms | **not met** |
| `plan/all_pairs_builtin` (criterion median) | 60.00 ms | all-pairs plans ≤ 50 ms native | **not met** |
| `parse/builtin_spellings` (criterion median) | 2.50 µs |  |  |
| command line: 100,000 pairs → JSON (104.0 MB), one core (median of 3 runs; load 0.10) | 640 ms wall, 455 ms CPU (mean); peak 28.1 MiB | < 1 s | met |
| Lighthouse mobile: performance / accessibility / best practices (median of 3 runs) | 96 / 100 / 100 | ≥ 95 / 100 / 100 | met |
| axe-core violations (3 page states) | 1 | 0 | **not met** |
";

    fn figures(browser: &str) -> Figures {
        let timed = r#"{"median": 0.64, "user": 0.355, "system": 0.1, "times": [0.6, 0.64, 0.7],
            "memory_usage_byte": [29483008, 1024]}"#;
        let fleet = FleetFigure {
            timed: serde_json::from_str(timed).expect("the sample reads"),
            output_bytes: 104_000_000,
            pinned: "one core",
            load: "0.10".into(),
        };
        let native = |id: &str, median_ns| NativeResult {
            id: id.to_string(),
            median_ns,
        };
        Figures {
            size: None,
            browser: serde_json::from_str(browser).expect("the sample reads"),
            native: vec![
                native("plan/all_pairs_builtin", 60e6),
                native("parse/builtin_spellings", 2500.0),
            ],
            fleet: Some(fleet),
            hops: 4,
            runs: 9,
            criterion_args: Vec::new(),
        }
    }

    #[test]
    fn puts_each_goal_beside_its_figure() {
        assert_eq!(table(&summary(&figures(BROWSER))), SUMMARY);
        let counts = [
            thousands(10_000),
            thousands(300),
            thousands(1005),
            human(2.5e9),
        ];
        assert_eq!(counts, ["10,000", "300", "1,005", "2.50 s"]);
    }

    #[test]
    fn fills_the_template_and_keeps_the_history() {
        let machine = Machine {
            date: "2025-01-01 00:00 UTC".into(),
            ..Machine::default()
        };
        let md = markdown(&figures(BROWSER), &machine, "");
        for part in [
            &format!("## Summary\n\n{SUMMARY}\n## Size"),
            "- shared link, app runs (ms): 300 310\n",
            "- first screen, static runs (ms): 100\n",
            "wasm requested 20.5, downloaded n/a",
            "one run on 2025-01-01 00:00 UTC, commit ;",
        ] {
            assert!(md.contains(part), "{part} is not in {md}");
        }
        // Every `{name}` of the template is filled.
        assert!(!md.contains('{') && !md.contains('}'), "{md}");
        assert!(md.ends_with(NEW_HISTORY), "{md}");
        let old =
            "# Benchmarks\nold figures\n## History\n\n- 2025: catalog packed, 160 → 110 KiB\n";
        let md = markdown(&figures("{}"), &machine, old);
        assert!(
            md.ends_with("## History\n\n- 2025: catalog packed, 160 → 110 KiB\n"),
            "{md}"
        );
        assert!(!md.contains("old figures"));
        assert!(serde_json::from_str::<Browser>(r#"{"plan": {"runs": "nine"}}"#).is_err());
    }
}
