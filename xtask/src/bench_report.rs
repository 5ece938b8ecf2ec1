//! BENCHMARKS.md from one `cargo xtask bench` run. The browser scripts (benches/browser) write
//! one JSON document of figures, read here into [`Browser`]; [`summary`] puts each SPEC §12
//! figure beside its goal, one small function per part; [`markdown`] adds the size table, the
//! runs behind the two ratios, the method paragraphs, the machine and the commands. The
//! `## History` section at the end is written by people and kept across runs.

use crate::bench::{Figures, FRAGMENT};
use crate::bench_size::BUDGET;
use serde::Deserialize;
use std::collections::BTreeMap;
use xshell::cmd;

const HISTORY: &str = "## History";
const NEW_HISTORY: &str = "## History\n\nWhat was changed to reach the goals, with the figures \
measured before and after (kept across runs; edit by hand).\n";

const INTRO: &str = "Written by `cargo xtask bench` from one run: every figure below comes from \
it, except the History section at the end, which is kept across runs. Budgets and goals: SPEC §12. \
The bench prints figures; only the size budget fails the command.";

const SIZE_METHOD: &str = "Counted (SPEC §12): index.html and every dist/ file it names \
(the stylesheet, the wasm and its glue, sw-register.js, icon, manifest): what a single-pair visit \
fetches by itself. Reported apart (`later:`): sw.js and what its precache list adds for offline \
use, the fleet page (fleet.html with its own wasm and glue) among it. Sizes in bytes; gzip -9 -n \
and brotli -q 11 of each file.";

const PAGES_METHOD: &str = "Chromium (playwright-core) opens each page from one loopback server \
(gzip like a static host, `Cache-Control: no-cache`), each run in a fresh browser context (empty \
cache, service workers blocked); the app and its static floor take turns, after one discarded \
warm-up of each. A probe installed before any page script reports by a console message: nothing \
of the harness runs in the page before that.\n\n\
- Shared link: the app on the link against `static-plan.html`, the same plan as an ordered list \
of its hops and the very SVG graph the app draws (`xtask/src/bench_static.rs`, from the domain); \
timed until `svg[data-graph] [data-on-plan]` reaches the hop count.\n\
- First screen: the app without a fragment against `static-first-screen.html`, index.html's \
first screen with the same stylesheet and no script; first contentful paint (`paint` entries) \
of each, and the layout shift (`layout-shift` entries) until the app has started (Trunk's \
`TrunkApplicationStarted`) and replaced the first screen, then one frame.";

const LAYOUT_METHOD: &str = "Layout alone: `domain::layout` compiled to wasm by itself \
(`benches/wasm-layout`, with the app's release profile), run by Chromium over synthetic \
catalogs: median of 15 batches of layouts (each ≥ 5 ms, for performance.now()'s coarse clock). \
In the app: a synthetic list of N releases (trains of 20) is pasted into the custom-list box and \
applied; timed from the click until the graph is drawn (all nodes up to 1,000 releases, over that \
the columns in view) and until the next frame. Hover: `mouseover` on a sample of the plan's \
nodes, timed until the graph's DOM changed.\n\n\
Interactions by Event Timing (input to the next paint, as INP reports it; under the browser's \
16 ms threshold it reports nothing, shown as < 16 ms). Event Timing can end an interaction at a \
paint before the page's deferred render, so the verdict also takes the bench's own timing (event \
to the first task after the next frame) when it is larger. The floor rows are the same measure \
of bare controls on the static page, no script: what no page answers faster. The paste is one \
Control+V of a `show failover` output into \"Where is the pair?\" on a shared link, until the \
position is drawn.";

const NATIVE_METHOD: &str = "Criterion (`benches/domain.rs`), medians. \
`plan/all_pairs_builtin`: a plan for every (from, to) pair of the default preset's catalog under \
Table 81-1; `…_guide_9x`: the same under Cisco's 9.x guidance. `parse/builtin_spellings`: every \
built-in release in each of Cisco's spellings.\n\n\
`fleet-cli`: `asa-planner fleet <100,000-line CSV> --format json`, the release binary (the \
profile `cargo install` uses), output to a file. The fleet is \
`domain::fleet::sample_csv(100000)`: releases across the built-in catalog, four targets, every \
10th pair mismatched, every 7th Active/Active. Wall time around the process; CPU time and peak \
memory by GNU time; median of the runs after a warm-up.";

/// The JSON document the browser scripts write (benches/browser/cli.mjs's `record`); a part
/// that was not run is absent.
#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
pub struct Browser {
    pub chromium: Option<String>,
    pub plan: Option<Pages>,
    pub first_screen: Option<FirstScreen>,
    pub layout: Vec<Layout>,
    pub wasm_layout: Vec<WasmLayout>,
    pub hover: Option<Hover>,
    /// By key: `type`, `train`, `list2k`, `type2k`, `list10k`, `fleet1k`, `paste`, and the floors
    /// `floor_type`, `floor_click`.
    pub interactions: BTreeMap<String, Interaction>,
    pub graph_floor: Vec<GraphFloor>,
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

#[derive(Deserialize, Debug, PartialEq)]
pub struct WasmLayout {
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
pub struct GraphFloor {
    pub n: u32,
    pub frame_ms: f64,
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

/// The interactions SPEC §12 sets goals for: key, what, goal at p75 if any, worst-case goal (ms).
const INTERACTIONS: [(&str, &str, Option<f64>, f64); 7] = [
    ("type", "a keystroke, built-in catalog", Some(16.0), 32.0),
    ("train", "a train switched off or on", None, 16.0),
    ("list2k", "a 2,000-release list applied", None, 100.0),
    (
        "type2k",
        "a keystroke with the 2,000-release list",
        None,
        32.0,
    ),
    ("list10k", "a 10,000-release list applied", None, 300.0),
    (
        "fleet1k",
        "the fleet view: 1,000 pairs applied",
        None,
        100.0,
    ),
    (
        "paste",
        "pasting a show failover output → position drawn",
        None,
        32.0,
    ),
];
const FLOORS: [(&str, &str); 2] = [
    ("floor_type", "floor: a keystroke in a bare text field"),
    ("floor_click", "floor: a bare checkbox clicked"),
];

/// One line of the summary table.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub figure: String,
    pub measured: String,
    pub goal: String,
    /// `None` where the figure has no goal.
    pub met: Option<bool>,
}

fn row(
    figure: impl Into<String>,
    measured: impl Into<String>,
    goal: &str,
    met: Option<bool>,
) -> Row {
    let (figure, measured, goal) = (figure.into(), measured.into(), goal.to_string());
    Row {
        figure,
        measured,
        goal,
        met,
    }
}

/// Every figure the run measured, beside its SPEC §12 goal, part by part.
pub fn summary(f: &Figures) -> Vec<Row> {
    let parts: [fn(&Figures) -> Vec<Row>; 8] = [
        size,
        shared_link,
        first_screen,
        layout,
        interactions,
        native,
        fleet,
        audits,
    ];
    parts.iter().flat_map(|part| part(f)).collect()
}

fn size(f: &Figures) -> Vec<Row> {
    let Some(size) = &f.size else { return vec![] };
    let gz = size.total(|x| x.gzip);
    let first = format!("first load, gzip -9 ({} files)", size.files.len());
    let ceiling = format!("≤ {} (a ceiling)", kib(BUDGET));
    vec![
        row(first, kib(gz), &ceiling, Some(gz <= BUDGET)),
        row(
            "first load, brotli",
            kib(size.total(|x| x.brotli)),
            "",
            None,
        ),
    ]
}

fn shared_link(f: &Figures) -> Vec<Row> {
    let Some(p) = &f.browser.plan else {
        return vec![];
    };
    let ratio = p.app_ms / p.static_ms;
    let figure = format!(
        "shared link → plan drawn, app / static page (median of {} cold runs: {} / {})",
        p.runs,
        ms(p.app_ms, 0),
        ms(p.static_ms, 0)
    );
    vec![row(
        figure,
        format!("{ratio:.2}×"),
        "≤ 2×",
        Some(ratio <= 2.0),
    )]
}

fn first_screen(f: &Figures) -> Vec<Row> {
    let Some(s) = &f.browser.first_screen else {
        return vec![];
    };
    let p = &s.paint;
    let ratio = p.app_ms / p.static_ms;
    let figure = format!(
        "first screen painted, app / static (first contentful paint, median of {} cold runs: {} / {})",
        p.runs,
        ms(p.app_ms, 0),
        ms(p.static_ms, 0)
    );
    let shift = format!(
        "layout shift when the app takes over: CLS median / worst ({} runs; static page worst {})",
        p.runs, s.static_cls_max
    );
    vec![
        row(figure, format!("{ratio:.2}×"), "≤ 1.2×", Some(ratio <= 1.2)),
        row(
            shift,
            format!("{} / {}", s.cls_median, s.cls_max),
            "≤ 0.02",
            Some(s.cls_max <= 0.02),
        ),
    ]
}

fn layout(f: &Figures) -> Vec<Row> {
    let b = &f.browser;
    let mut rows = Vec::new();
    for l in &b.layout {
        let figure = format!(
            "{} releases applied → graph in the DOM (next frame {}; {} runs)",
            thousands(l.n),
            ms(l.frame_ms, 1),
            l.runs
        );
        let done = (l.n == 10_000).then_some(true);
        rows.push(row(
            figure,
            ms(l.dom_ms, 1),
            if done.is_some() { "completes" } else { "" },
            done,
        ));
    }
    for w in &b.wasm_layout {
        let (goal, met) = match w.n {
            2000 => ("≤ 20 ms", Some(w.ms <= 20.0)),
            10_000 => ("completes", Some(true)),
            _ => ("", None),
        };
        let figure = format!("`domain::layout` of {} releases in wasm", thousands(w.n));
        rows.push(row(figure, ms(w.ms, 3), goal, met));
    }
    if let Some(h) = &b.hover {
        let figure = format!(
            "hover → highlight (median over {} nodes, {} with legal hops; max {} ms)",
            h.count, h.with_legal, h.max_ms
        );
        rows.push(row(
            figure,
            ms(h.median_ms, 1),
            "≤ 16 ms",
            Some(h.median_ms <= 16.0),
        ));
    }
    for g in &b.graph_floor {
        let figure = format!(
            "floor: the {}-release graph written into the static page, to the next frame",
            thousands(g.n)
        );
        rows.push(row(figure, ms(g.frame_ms, 0), "the floor", None));
    }
    if let Some(t) = &b.fleet_table {
        let figure = format!(
            "the fleet view: 1,000 pairs, click → whole table (max {} ms)",
            t.max_ms
        );
        rows.push(row(figure, ms(t.median_ms, 0), "", None));
    }
    rows
}

fn interactions(f: &Figures) -> Vec<Row> {
    let timed = |key: &str| {
        let i = f.browser.interactions.get(key)?;
        let (p75, max) = (i.p75_ms?, i.max_ms?);
        Some((
            i,
            p75,
            max,
            format!("{} / {}", event_ms(p75), event_ms(max)),
        ))
    };
    let mut rows = Vec::new();
    for (key, what, p75_goal, max_goal) in INTERACTIONS {
        let Some((i, p75, max, measured)) = timed(key) else {
            continue;
        };
        let goal = match p75_goal {
            Some(g) => format!("≤ {g} ms at p75, ≤ {max_goal} ms worst"),
            None => format!("≤ {max_goal} ms"),
        };
        let met = p75.max(i.own_median_ms.unwrap_or(0.0)) <= p75_goal.unwrap_or(max_goal)
            && max.max(i.own_max_ms.unwrap_or(0.0)) <= max_goal;
        let figure = format!("{what}: Event Timing p75 / worst ({} runs)", i.runs);
        rows.push(row(figure, measured, &goal, Some(met)));
    }
    for (key, what) in FLOORS {
        if let Some((_, _, _, measured)) = timed(key) {
            rows.push(row(what, measured, "the floor", None));
        }
    }
    rows
}

fn native(f: &Figures) -> Vec<Row> {
    let rows = f.native.iter().map(|r| {
        let rate = r
            .per_second()
            .map_or(String::new(), |p| format!(", {:.2} M elements/s", p / 1e6));
        let measured = format!("{}{rate}", human(r.median_ns));
        let figure = format!("`{}` (criterion median)", r.id);
        match r.budget() {
            Some((limit, words)) => row(figure, measured, words, Some(r.median_ns <= limit)),
            None => row(figure, measured, "", None),
        }
    });
    rows.collect()
}

fn fleet(f: &Figures) -> Vec<Row> {
    let Some(fl) = &f.fleet else { return vec![] };
    let peak = fl
        .peak_kib
        .map_or("n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
    let figure = format!(
        "command line: 100,000 pairs → JSON ({:.1} MB), {} (median of {} runs; load {})",
        fl.output_bytes as f64 / 1e6,
        fl.pinned,
        fl.runs,
        fl.load
    );
    let measured = format!(
        "{:.0} ms wall, {:.0} ms CPU; peak {peak}",
        fl.wall_ms, fl.cpu_ms
    );
    let met = fl.wall_ms < crate::bench_fleet::BUDGET_MS;
    vec![row(figure, measured, "< 1 s", Some(met))]
}

fn audits(f: &Figures) -> Vec<Row> {
    let b = &f.browser;
    let mut rows = Vec::new();
    for lh in &b.lighthouse {
        let figure = format!(
            "Lighthouse {}: performance / accessibility / best practices (median of {} runs)",
            lh.form,
            lh.performance_runs.len()
        );
        let (p, a, bp) = (lh.performance, lh.accessibility, lh.best_practices);
        let met = p >= 95.0 && a >= 100.0 && bp >= 100.0;
        rows.push(row(
            figure,
            format!("{p:.0} / {a:.0} / {bp:.0}"),
            "≥ 95 / 100 / 100",
            Some(met),
        ));
    }
    if let Some(axe) = &b.axe {
        let figure = format!("axe-core violations ({} page states)", axe.states);
        let count = axe.violations.len();
        rows.push(row(figure, count.to_string(), "0", Some(count == 0)));
    }
    rows
}

/// The summary rows as a Markdown table (BENCHMARKS.md, and what `cargo xtask bench` prints).
pub fn table(rows: &[Row]) -> String {
    let mut s = String::from("| figure | measured | goal | met |\n|---|---|---|---|\n");
    for r in rows {
        let met = match r.met {
            Some(true) => "met",
            Some(false) => "**not met**",
            None => "",
        };
        s += &format!("| {} | {} | {} | {met} |\n", r.figure, r.measured, r.goal);
    }
    s
}

/// The whole file; `old` is the current BENCHMARKS.md, whose history section is kept.
pub fn markdown(f: &Figures, m: &Machine, old: &str) -> String {
    let b = &f.browser;
    let mut s = format!(
        "# Benchmarks\n\n{INTRO}\n\nRun {} on commit {}.\n\n",
        m.date, m.commit
    );
    s += &format!("## Summary\n\n{}", table(&summary(f)));
    if let Some(size) = &f.size {
        s += &format!(
            "\n## Size\n\n{SIZE_METHOD}\n\n{}",
            crate::bench_size::table(size)
        );
    }
    if b.plan.is_some() || b.first_screen.is_some() {
        s += &format!("\n## The app beside its static floor\n\n{PAGES_METHOD}\n\n");
        let first = b.first_screen.as_ref().map(|x| &x.paint);
        for (what, pages) in [("shared link", b.plan.as_ref()), ("first screen", first)] {
            let Some(p) = pages else { continue };
            s += &format!("- {what}, app runs (ms): {}\n", joined(&p.app_runs_ms));
            s += &format!(
                "- {what}, static runs (ms): {}\n",
                joined(&p.static_runs_ms)
            );
        }
        if let Some(p) = &b.plan {
            let phase = |x: Option<f64>| x.map_or("n/a".to_string(), |v| v.to_string());
            s += &format!(
                "- the shared link `/#{FRAGMENT}` ({} hops), the app's medians (ms): wasm requested {}, downloaded {}, `main` run {}, plan drawn {}\n",
                f.hops, phase(p.wasm_requested_ms), phase(p.wasm_loaded_ms), phase(p.started_ms), p.app_ms
            );
        }
    }
    if !b.layout.is_empty() || !b.interactions.is_empty() {
        s += &format!("\n## Layout and interactions\n\n{LAYOUT_METHOD}\n");
    }
    if !f.native.is_empty() || f.fleet.is_some() {
        s += &format!("\n## Native and the command line\n\n{NATIVE_METHOD}\n");
    }
    if !b.lighthouse.is_empty() || b.axe.is_some() {
        s += "\n## Audits\n\n";
        for lh in &b.lighthouse {
            let failing = or_none(&lh.failing);
            s += &format!("- Lighthouse {} {} (`/#{FRAGMENT}`, gzip served): performance of each run {}; the median run: {}; audits below 90: {failing}\n", lh.version, lh.form, joined(&lh.performance_runs), lh.metrics);
        }
        if let Some(axe) = &b.axe {
            let found = or_none(&axe.violations);
            s += &format!(
                "- axe-core ({} states: empty page, plan light, plan dark): {found}\n",
                axe.states
            );
        }
    }
    let chromium = match &b.chromium {
        Some(v) => format!("{} (headless {v})", m.chromium),
        None => m.chromium.clone(),
    };
    s += &format!("\n## Machine\n\n| nproc | memory | CPU | Chromium | Node | rustc |\n|---|---|---|---|---|---|\n| {} | {} | {} | {chromium} | {} | {} |\n", m.nproc, m.memory, m.cpu, m.node, m.rustc);
    let criterion = if f.criterion_args.is_empty() {
        String::new()
    } else {
        format!(" -- {}", f.criterion_args.join(" "))
    };
    s += &format!(
        "\n## Commands\n\n- `cargo xtask bench{criterion}` runs all of it: `trunk build --release` into dist/ (skip with `--no-build`), the size table, `node benches/browser/browser.mjs` (runs: {}), `node benches/browser/lighthouse.mjs` (after `npm ci` in benches/browser), `cargo bench --bench domain{criterion}`, the release `asa-planner fleet` on 100,000 generated pairs.\n- One part only: `cargo xtask bench --only size|browser|lighthouse|native|fleet-cli` (prints, does not rewrite this file).\n",
        f.runs
    );
    let history = old.find(HISTORY).map_or(NEW_HISTORY, |i| &old[i..]);
    s += "\n";
    s += history;
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
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
pub fn human(ns: f64) -> String {
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
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join("; ")
    }
}

/// Where the numbers came from.
pub struct Machine {
    pub date: String,
    pub commit: String,
    pub nproc: String,
    pub memory: String,
    pub cpu: String,
    pub chromium: String,
    pub node: String,
    pub rustc: String,
}

impl Machine {
    pub fn probe() -> Result<Machine, String> {
        let sh = crate::shell()?;
        let out =
            |cmd| crate::tools::probe(cmd).map_or("unknown".to_string(), |s| s.trim().to_string());
        let proc_field = |file: &str, key: &str| {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let line = text.lines().find(|l| l.starts_with(key));
            line.and_then(|l| Some(l.split_once(':')?.1.trim().to_string()))
        };
        let memory = proc_field("/proc/meminfo", "MemTotal")
            .and_then(|m| m.trim_end_matches(" kB").parse::<f64>().ok());
        let commit = out(cmd!(sh, "git rev-parse --short HEAD"));
        let dirty = !out(cmd!(sh, "git status --porcelain")).is_empty();
        let chromium = crate::tools::CHROMIUM;
        Ok(Machine {
            date: out(cmd!(sh, "date -u '+%Y-%m-%d %H:%M UTC'")),
            commit: if dirty {
                format!("{commit} with uncommitted changes")
            } else {
                commit
            },
            nproc: std::thread::available_parallelism().map_or("unknown".into(), |n| n.to_string()),
            memory: memory.map_or("unknown".into(), |kb| {
                format!("{:.1} GiB", kb / 1024.0 / 1024.0)
            }),
            cpu: proc_field("/proc/cpuinfo", "model name").unwrap_or("unknown".into()),
            chromium: out(cmd!(sh, "{chromium} --version")),
            node: out(cmd!(sh, "node --version")),
            rustc: out(cmd!(sh, "rustc --version")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_fleet::FleetFigure;
    use crate::bench_native::NativeResult;

    fn machine() -> Machine {
        let m = |s: &str| s.to_string();
        Machine {
            date: m("2025-01-01 00:00 UTC"),
            commit: m("abc"),
            nproc: m("2"),
            memory: m("1.0 GiB"),
            cpu: m("cpu"),
            chromium: m("Chromium 1"),
            node: m("v20"),
            rustc: m("rustc 1"),
        }
    }

    /// A document as benches/browser writes it (the shape `record` in cli.mjs gives).
    const BROWSER: &str = r#"{
      "chromium": "140.0",
      "plan": { "runs": 9, "app_ms": 300, "static_ms": 100, "app_runs_ms": [300, 310],
                "static_runs_ms": [100, 99], "wasm_requested_ms": 20.5, "wasm_loaded_ms": null,
                "started_ms": 150 },
      "first_screen": { "runs": 9, "app_ms": 110, "static_ms": 100, "app_runs_ms": [110],
                "static_runs_ms": [100], "cls_median": 0, "cls_max": 0.03, "static_cls_max": 0 },
      "layout": [{ "n": 10000, "dom_ms": 70.25, "frame_ms": 120, "runs": 3 }],
      "wasm_layout": [{ "n": 2000, "ms": 4.25 }, { "n": 10000, "ms": 30.1 }],
      "interactions": {
        "type": { "p75_ms": 0, "max_ms": 24, "own_median_ms": 20.2, "own_max_ms": 30, "runs": 9 },
        "floor_type": { "p75_ms": 0, "max_ms": 0, "own_median_ms": 3.1, "own_max_ms": 5, "runs": 9 }
      },
      "axe": { "states": 3, "violations": [] },
      "lighthouse": [{ "form": "mobile", "version": "12.2.3", "performance": 96,
        "accessibility": 100, "best_practices": 100, "metrics": "FCP 1 s", "failing": [],
        "performance_runs": [95, 96, 97] }]
    }"#;

    fn figures(browser: &str) -> Figures {
        Figures {
            size: None,
            browser: serde_json::from_str(browser).expect("the sample reads"),
            native: vec![NativeResult {
                id: "plan/all_pairs_builtin".into(),
                median_ns: 60e6,
                elements: Some(4),
            }],
            fleet: Some(FleetFigure {
                runs: 11,
                wall_ms: 640.0,
                cpu_ms: 455.0,
                peak_kib: Some(28_792),
                output_bytes: 104_000_000,
                pinned: "one core".into(),
                load: "0.10".into(),
            }),
            hops: 4,
            runs: 9,
            criterion_args: Vec::new(),
        }
    }

    #[track_caller]
    fn assert_row(rows: &[Row], figure: &str, measured: &str, goal: &str, met: Option<bool>) {
        let found = rows.iter().find(|r| r.figure == figure);
        assert_eq!(found, Some(&row(figure, measured, goal, met)), "{rows:#?}");
    }

    #[test]
    fn puts_each_goal_beside_its_figure() {
        let rows = summary(&figures(BROWSER));
        let link =
            "shared link → plan drawn, app / static page (median of 9 cold runs: 300 ms / 100 ms)";
        assert_row(&rows, link, "3.00×", "≤ 2×", Some(false));
        let paint = "first screen painted, app / static (first contentful paint, median of 9 cold runs: 110 ms / 100 ms)";
        assert_row(&rows, paint, "1.10×", "≤ 1.2×", Some(true));
        // The median is within the goal, the worst run is not.
        let shift = "layout shift when the app takes over: CLS median / worst (9 runs; static page worst 0)";
        assert_row(&rows, shift, "0 / 0.03", "≤ 0.02", Some(false));
        let applied = "10,000 releases applied → graph in the DOM (next frame 120.0 ms; 3 runs)";
        assert_row(&rows, applied, "70.2 ms", "completes", Some(true));
        let wasm = "`domain::layout` of 2,000 releases in wasm";
        assert_row(&rows, wasm, "4.250 ms", "≤ 20 ms", Some(true));
        // p75 under the threshold, but the bench's own median (20.2 ms) is over 16 ms.
        let typing = "a keystroke, built-in catalog: Event Timing p75 / worst (9 runs)";
        let goal = "≤ 16 ms at p75, ≤ 32 ms worst";
        assert_row(&rows, typing, "< 16 ms / 24 ms", goal, Some(false));
        let floor = "floor: a keystroke in a bare text field";
        assert_row(&rows, floor, "< 16 ms / < 16 ms", "the floor", None);
        let plans = "`plan/all_pairs_builtin` (criterion median)";
        let goal = "all-pairs plans ≤ 50 ms native";
        assert_row(
            &rows,
            plans,
            "60.00 ms, 0.00 M elements/s",
            goal,
            Some(false),
        );
        let cli = "command line: 100,000 pairs → JSON (104.0 MB), one core (median of 11 runs; load 0.10)";
        assert_row(
            &rows,
            cli,
            "640 ms wall, 455 ms CPU; peak 28.1 MiB",
            "< 1 s",
            Some(true),
        );
        let lh =
            "Lighthouse mobile: performance / accessibility / best practices (median of 3 runs)";
        assert_row(&rows, lh, "96 / 100 / 100", "≥ 95 / 100 / 100", Some(true));
        assert_row(
            &rows,
            "axe-core violations (3 page states)",
            "0",
            "0",
            Some(true),
        );
        let md = markdown(&figures(BROWSER), &machine(), "");
        assert!(
            md.contains(&format!("| {link} | 3.00× | ≤ 2× | **not met** |\n")),
            "{md}"
        );
        assert!(
            md.contains("- shared link, app runs (ms): 300 310\n"),
            "{md}"
        );
        assert!(
            md.contains("- first screen, static runs (ms): 100\n"),
            "{md}"
        );
        assert!(md.contains("wasm requested 20.5, downloaded n/a"), "{md}");
        assert!(md.ends_with(NEW_HISTORY), "{md}");
        let counts = [
            thousands(10_000),
            thousands(300),
            thousands(2000),
            thousands(1005),
        ];
        assert_eq!(counts, ["10,000", "300", "2,000", "1,005"]);
    }

    #[test]
    fn the_paste_row_takes_its_goal_and_the_larger_timing() {
        let rows = |p75: u32, max: u32, own_max: f64| {
            let text = format!(
                r#"{{"interactions": {{"paste": {{ "p75_ms": {p75}, "max_ms": {max},
                  "own_median_ms": 12.5, "own_max_ms": {own_max}, "runs": 5 }}}}}}"#
            );
            summary(&figures(&text))
        };
        let paste =
            "pasting a show failover output → position drawn: Event Timing p75 / worst (5 runs)";
        assert_row(
            &rows(24, 32, 30.0),
            paste,
            "24 ms / 32 ms",
            "≤ 32 ms",
            Some(true),
        );
        assert_row(
            &rows(24, 40, 30.0),
            paste,
            "24 ms / 40 ms",
            "≤ 32 ms",
            Some(false),
        );
        // Event Timing under its threshold, but the bench's own timing over the goal.
        assert_row(
            &rows(0, 0, 33.5),
            paste,
            "< 16 ms / < 16 ms",
            "≤ 32 ms",
            Some(false),
        );
        assert!(rows(24, 32, 30.0)
            .iter()
            .all(|r| !r.figure.starts_with("a keystroke")));
    }

    #[test]
    fn an_empty_run_reads_bad_figures_do_not_and_the_history_stays() {
        let empty = serde_json::from_str::<Browser>("{}");
        assert_eq!(empty.ok(), Some(Browser::default()));
        assert!(serde_json::from_str::<Browser>(r#"{"plan": {"runs": "nine"}}"#).is_err());
        let old =
            "# Benchmarks\nold figures\n## History\n\n- 2025: catalog packed, 160 → 110 KiB\n";
        let md = markdown(&figures("{}"), &machine(), old);
        assert!(
            !md.contains("## The app beside") && !md.contains("## Audits"),
            "{md}"
        );
        assert!(
            md.ends_with("## History\n\n- 2025: catalog packed, 160 → 110 KiB\n"),
            "{md}"
        );
        assert!(!md.contains("old figures"));
    }
}
