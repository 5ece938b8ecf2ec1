//! BENCHMARKS.md from one `cargo xtask bench` run. The browser scripts (benches/browser) write
//! one JSON document of figures, read here into [`Browser`]; [`summary`] puts each SPEC §12
//! figure beside its goal (figure / measured / goal / met); [`markdown`] adds the details, the
//! method paragraphs (constants), the machine and the commands. The `## History` section at the
//! end is written by people and kept across runs.

use crate::bench::{Figures, FRAGMENT};
use crate::bench_fleet::BUDGET_MS;
use crate::bench_native::human;
use crate::bench_size::{kib, BUDGET};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use xshell::{cmd, Cmd, Shell};

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

const PLAN_METHOD: &str = "Chromium (playwright-core) opens the shared link on dist/ and the \
generated static page (`static-plan.html`: the same plan as an ordered list of its hops and the \
very SVG graph the app draws, made by `xtask/src/bench_static.rs` from the domain), both from one \
loopback server (gzip like a static host, `Cache-Control: no-cache`). Each run is a fresh browser \
context (empty cache, service workers blocked); the pages take turns in rotating order, after one \
discarded warm-up of each. A MutationObserver installed before any page script stamps \
`performance.now()` when `svg[data-graph] [data-on-plan]` reaches the hop count and reports it by \
a console message: nothing of the harness runs in the page before that.";

const LAYOUT_METHOD: &str = "Layout alone: `domain::layout` compiled to wasm by itself \
(`benches/wasm-layout`, the domain's `layout.rs` and `release.rs` with the app's release \
profile), run by Chromium over synthetic catalogs: median of 15 batches of layouts (each ≥ 5 ms, \
for performance.now()'s coarse clock). In the app: a synthetic list of N releases (trains of 20) \
is pasted into the custom-list box and applied; timed from the click until the graph is drawn \
(all nodes up to 1,000 releases, over that the 32 columns in view) and until the next frame. \
Hover: `mouseover` on a sample of the plan's nodes, timed until the graph's DOM changed.";

const INTERACTION_METHOD: &str = "Interactions by Event Timing (input to the next paint, as INP \
reports it; 0 means under the browser's 16 ms threshold, shown as < 16 ms). Event Timing can end \
an interaction at a paint before the page's deferred render, so the verdict also takes the bench's \
own timing (event to the first task after the next frame) when it is larger. The floor rows are \
the same measure of bare controls on the static page, no script: what no page answers faster. \
The paste is one Control+V of a `show failover` output into \"Where is the pair?\" on a shared link \
(a keydown, a paste and an input event: one interaction), until the position is drawn.";

const NATIVE_NOTE: &str = "`plan/all_pairs_builtin`: a plan for every (from, to) pair of the \
default preset's catalog under Table 81-1; `plan/all_pairs_builtin_guide_9x`: the same under \
Cisco's 9.x guidance. `parse/builtin_spellings`: every built-in release in each of Cisco's \
spellings.";

const FLEET_METHOD: &str = "`asa-planner fleet <100,000-line CSV> --format json`, the release \
binary (the profile `cargo install` uses), output to a file. The fleet is \
`domain::fleet::sample_csv(100000)`: releases across the built-in catalog, four targets, every \
10th pair mismatched, every 7th Active/Active. Wall time around the process; CPU time and peak \
memory by GNU time; median of the runs after a warm-up.";

/// The JSON document the browser scripts write (benches/browser/cli.mjs's `record`); a part
/// that was not run is absent.
#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
pub struct Browser {
    pub chromium: Option<String>,
    pub plan: Option<Plan>,
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

/// Shared link → plan drawn, app against the static page (ms since navigation start).
#[derive(Deserialize, Debug, PartialEq)]
pub struct Plan {
    pub runs: u32,
    pub app_ms: f64,
    pub static_ms: f64,
    pub app_runs_ms: Vec<f64>,
    pub static_runs_ms: Vec<f64>,
    pub wasm_requested_ms: Option<f64>,
    pub wasm_loaded_ms: Option<f64>,
    pub started_ms: Option<f64>,
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

fn row(figure: impl Into<String>, measured: String, goal: &str, met: Option<bool>) -> Row {
    let (figure, goal) = (figure.into(), goal.to_string());
    Row {
        figure,
        measured,
        goal,
        met,
    }
}

/// Every figure the run measured, beside its SPEC §12 goal.
pub fn summary(f: &Figures) -> Vec<Row> {
    let b = &f.browser;
    let mut rows = Vec::new();
    if let Some(size) = &f.size {
        let gz = size.total(|x| x.gzip);
        let first = format!("first load, gzip -9 ({} files)", size.files.len());
        rows.push(row(
            first,
            kib(gz),
            &format!("≤ {} (a ceiling)", kib(BUDGET)),
            Some(gz <= BUDGET),
        ));
        rows.push(row(
            "first load, brotli",
            kib(size.total(|x| x.brotli)),
            "",
            None,
        ));
    }
    if let Some(p) = &b.plan {
        let runs = format!("median of {} cold runs", p.runs);
        rows.push(row(
            format!("shared link → plan drawn, app ({runs})"),
            ms(p.app_ms, 0),
            "",
            None,
        ));
        rows.push(row(
            "same plan, static HTML page (same runs)",
            ms(p.static_ms, 0),
            "",
            None,
        ));
        let ratio = p.app_ms / p.static_ms;
        rows.push(row(
            "ratio app / static",
            format!("{ratio:.2}×"),
            "≤ 2×",
            Some(ratio <= 2.0),
        ));
    }
    for l in &b.layout {
        let (goal, met) = if l.n == 10_000 {
            ("completes", Some(true))
        } else {
            ("", None)
        };
        let figure = format!("{} releases applied → graph in the DOM", thousands(l.n));
        rows.push(row(figure, ms(l.dom_ms, 1), goal, met));
    }
    for w in &b.wasm_layout {
        let (goal, met) = match w.n {
            2000 => ("≤ 20 ms", Some(w.ms <= 20.0)),
            10_000 => ("completes", Some(true)),
            _ => ("", None),
        };
        rows.push(row(
            format!("`domain::layout` of {} releases in wasm", thousands(w.n)),
            ms(w.ms, 3),
            goal,
            met,
        ));
    }
    if let Some(h) = &b.hover {
        let figure = format!(
            "hover → highlight (median over {} nodes; max {} ms)",
            h.count, h.max_ms
        );
        rows.push(row(
            figure,
            ms(h.median_ms, 1),
            "≤ 16 ms",
            Some(h.median_ms <= 16.0),
        ));
    }
    for (key, what, p75_goal, max_goal) in INTERACTIONS {
        let Some((i, p75, max)) = interaction(b, key) else {
            continue;
        };
        let goal = match p75_goal {
            Some(g) => format!("≤ {g} ms at p75, ≤ {max_goal} ms worst"),
            None => format!("≤ {max_goal} ms"),
        };
        let met = p75.max(i.own_median_ms.unwrap_or(0.0)) <= p75_goal.unwrap_or(max_goal)
            && max.max(i.own_max_ms.unwrap_or(0.0)) <= max_goal;
        let figure = format!("{what}: Event Timing p75 / worst ({} runs)", i.runs);
        rows.push(row(
            figure,
            format!("{} / {}", event_ms(p75), event_ms(max)),
            &goal,
            Some(met),
        ));
    }
    for (key, what) in FLOORS {
        if let Some((_, p75, max)) = interaction(b, key) {
            rows.push(row(
                what,
                format!("{} / {}", event_ms(p75), event_ms(max)),
                "the floor",
                None,
            ));
        }
    }
    for g in &b.graph_floor {
        let figure = format!(
            "floor: the {}-release graph written into the static page, to the next frame",
            thousands(g.n)
        );
        rows.push(row(figure, ms(g.frame_ms, 0), "the floor", None));
    }
    for r in &f.native {
        if let Some((limit, words)) = r.budget() {
            rows.push(row(
                format!("{} (criterion median)", r.id),
                human(r.median_ns),
                words,
                Some(r.median_ns <= limit),
            ));
        }
    }
    if let Some(t) = &b.fleet_table {
        let figure = format!(
            "the fleet view: 1,000 pairs, click → whole table (max {} ms)",
            t.max_ms
        );
        rows.push(row(figure, ms(t.median_ms, 0), "", None));
    }
    if let Some(fl) = &f.fleet {
        let peak = fl
            .peak_kib
            .map_or("n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0));
        let figure = format!(
            "command line: 100,000 pairs → JSON, {} (median of {} runs)",
            fl.pinned, fl.runs
        );
        let measured = format!(
            "{:.0} ms wall, {:.0} ms CPU; peak {peak}",
            fl.wall_ms, fl.cpu_ms
        );
        rows.push(row(figure, measured, "< 1 s", Some(fl.wall_ms < BUDGET_MS)));
    }
    if let Some(rate) = f
        .native
        .iter()
        .find(|r| r.id.starts_with("parse/"))
        .and_then(|r| r.per_second())
    {
        rows.push(row(
            "parse throughput, native",
            format!("{:.1} M releases/s", rate / 1e6),
            "",
            None,
        ));
    }
    for lh in &b.lighthouse {
        let figure = format!(
            "Lighthouse {}: performance / accessibility / best practices (median of {} runs)",
            lh.form,
            lh.performance_runs.len()
        );
        let measured = format!(
            "{:.0} / {:.0} / {:.0}",
            lh.performance, lh.accessibility, lh.best_practices
        );
        let met = lh.performance >= 95.0 && lh.accessibility >= 100.0 && lh.best_practices >= 100.0;
        rows.push(row(figure, measured, "≥ 95 / 100 / 100", Some(met)));
    }
    if let Some(axe) = &b.axe {
        let figure = format!("axe-core violations ({} page states)", axe.states);
        rows.push(row(
            figure,
            axe.violations.len().to_string(),
            "0",
            Some(axe.violations.is_empty()),
        ));
    }
    rows
}

fn interaction<'a>(b: &'a Browser, key: &str) -> Option<(&'a Interaction, f64, f64)> {
    let i = b.interactions.get(key)?;
    Some((i, i.p75_ms?, i.max_ms?))
}

/// The whole file; `old` is the current BENCHMARKS.md, whose history section is kept.
pub fn markdown(f: &Figures, m: &Machine, old: &str) -> String {
    let b = &f.browser;
    let mut s = format!(
        "# Benchmarks\n\n{INTRO}\n\nRun {} on commit {}.\n\n## Summary\n\n",
        m.date, m.commit
    );
    s.push_str("| figure | measured | goal | met |\n|---|---|---|---|\n");
    for r in summary(f) {
        let met = match r.met {
            Some(true) => "met",
            Some(false) => "**not met**",
            None => "",
        };
        let _ = writeln!(s, "| {} | {} | {} | {met} |", r.figure, r.measured, r.goal);
    }
    if let Some(size) = &f.size {
        let _ = write!(
            s,
            "\n## Size\n\n{SIZE_METHOD}\n\n{}",
            crate::bench_size::table(size)
        );
    }
    if let Some(p) = &b.plan {
        let phase = |x: Option<f64>| x.map_or("n/a".to_string(), |v| format!("{v}"));
        let _ = writeln!(
            s,
            "\n## Time to a drawn plan\n\n{PLAN_METHOD} The link: `/#{FRAGMENT}` ({} hops).\n\n- app runs (ms): {}\n- static runs (ms): {}\n- the app's medians (ms since navigation start): wasm requested {}, downloaded {}, `main` run {}, plan drawn {}",
            f.hops, joined(&p.app_runs_ms), joined(&p.static_runs_ms), phase(p.wasm_requested_ms), phase(p.wasm_loaded_ms), phase(p.started_ms), p.app_ms
        );
    }
    if !b.layout.is_empty() || !b.interactions.is_empty() {
        let _ = writeln!(s, "\n## Layout and interactions\n\n{LAYOUT_METHOD}\n\n{INTERACTION_METHOD}\n\n| releases | click → DOM | click → next frame | runs |\n|---:|---:|---:|---:|");
        for l in &b.layout {
            let _ = writeln!(
                s,
                "| {} | {} ms | {} ms | {} |",
                thousands(l.n),
                l.dom_ms,
                l.frame_ms,
                l.runs
            );
        }
        if let Some(h) = &b.hover {
            let _ = writeln!(
                s,
                "\nHover: {} of the {} nodes had legal hops drawn.",
                h.with_legal, h.count
            );
        }
    }
    if !f.native.is_empty() {
        let _ = writeln!(s, "\n## Native (criterion, `benches/domain.rs`)\n\n| benchmark | median | throughput |\n|---|---:|---:|");
        for r in &f.native {
            let rate = r
                .per_second()
                .map_or(String::new(), |p| format!("{:.2} M elements/s", p / 1e6));
            let _ = writeln!(s, "| {} | {} | {rate} |", r.id, human(r.median_ns));
        }
        let _ = writeln!(s, "\n{NATIVE_NOTE}");
    }
    if let Some(fl) = &f.fleet {
        let _ = writeln!(s, "\n## Command line (`fleet-cli`)\n\n{FLEET_METHOD} {} runs, {}; output {:.1} MB; load average when they began: {}.", fl.runs, fl.pinned, fl.output_bytes as f64 / 1e6, fl.load);
    }
    if !b.lighthouse.is_empty() || b.axe.is_some() {
        let _ = writeln!(s, "\n## Audits\n");
        for lh in &b.lighthouse {
            let _ = writeln!(s, "- Lighthouse {} {} (`/#{FRAGMENT}`, gzip served): performance of each run {}; the median run: {}; audits below 90: {}", lh.version, lh.form, joined(&lh.performance_runs), lh.metrics, or_none(&lh.failing));
        }
        if let Some(axe) = &b.axe {
            let _ = writeln!(
                s,
                "- axe-core ({} states: empty page, plan light, plan dark): {}",
                axe.states,
                or_none(&axe.violations)
            );
        }
    }
    let chromium = b.chromium.as_ref().map_or(m.chromium.clone(), |v| {
        format!("{} (headless {v})", m.chromium)
    });
    let _ = writeln!(s, "\n## Machine\n\n| nproc | memory | CPU | Chromium | Node | rustc |\n|---|---|---|---|---|---|\n| {} | {} | {} | {chromium} | {} | {} |", m.nproc, m.memory, m.cpu, m.node, m.rustc);
    let criterion = if f.criterion_args.is_empty() {
        String::new()
    } else {
        format!(" -- {}", f.criterion_args.join(" "))
    };
    let _ = writeln!(
        s,
        "\n## Commands\n\n- `cargo xtask bench{criterion}` runs all of it: `trunk build --release` into dist/ (skip with `--no-build`), the size table, `node benches/browser/browser.mjs` (runs: {}), `node benches/browser/lighthouse.mjs` (after `npm ci` in benches/browser), `cargo bench --bench domain{criterion}`, the release `asa-planner fleet` on 100,000 generated pairs.\n- One part only: `cargo xtask bench --only size|browser|lighthouse|native|fleet-cli` (prints, does not rewrite this file).",
        f.runs
    );
    let history = old.find(HISTORY).map_or(NEW_HISTORY, |i| &old[i..]);
    let _ = write!(s, "\n{history}");
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

/// `10000` → `10,000`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
    pub fn probe() -> Machine {
        let sh = crate::shell().ok();
        let out = |line: &dyn Fn(&Shell) -> Cmd| {
            let found = sh.as_ref().and_then(|sh| crate::tools::probe(line(sh)));
            found.unwrap_or_else(|| "unknown".to_string())
        };
        let proc_field = |file: &str, key: &str| {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let line = text
                .lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_once(':'));
            line.map_or("unknown".to_string(), |(_, v)| v.trim().to_string())
        };
        let memory = proc_field("/proc/meminfo", "MemTotal");
        let memory = memory.trim_end_matches(" kB").parse::<f64>();
        let dirty = !out(&|sh| cmd!(sh, "git status --porcelain")).is_empty();
        let commit = out(&|sh| cmd!(sh, "git rev-parse --short HEAD"));
        let chromium = crate::tools::CHROMIUM;
        Machine {
            date: out(&|sh| cmd!(sh, "date -u +%Y-%m-%d_%H:%M_UTC")).replace('_', " "),
            commit: if dirty {
                format!("{commit} with uncommitted changes")
            } else {
                commit
            },
            nproc: std::thread::available_parallelism().map_or("unknown".into(), |n| n.to_string()),
            memory: memory.map_or("unknown".into(), |kb| {
                format!("{:.1} GiB", kb / 1024.0 / 1024.0)
            }),
            cpu: proc_field("/proc/cpuinfo", "model name"),
            chromium: out(&|sh| cmd!(sh, "{chromium} --version")),
            node: out(&|sh| cmd!(sh, "node --version")),
            rustc: out(&|sh| cmd!(sh, "rustc --version")),
        }
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
        let expected = row(figure, measured.to_string(), goal, met);
        assert_eq!(found, Some(&expected), "{rows:#?}");
    }

    #[test]
    fn puts_each_goal_beside_its_figure() {
        let rows = summary(&figures(BROWSER));
        assert_row(&rows, "ratio app / static", "3.00×", "≤ 2×", Some(false));
        assert_row(
            &rows,
            "`domain::layout` of 2,000 releases in wasm",
            "4.250 ms",
            "≤ 20 ms",
            Some(true),
        );
        // p75 under the threshold, but the bench's own median (20.2 ms) is over 16 ms.
        let typing = "a keystroke, built-in catalog: Event Timing p75 / worst (9 runs)";
        assert_row(
            &rows,
            typing,
            "< 16 ms / 24 ms",
            "≤ 16 ms at p75, ≤ 32 ms worst",
            Some(false),
        );
        assert_row(
            &rows,
            "floor: a keystroke in a bare text field",
            "< 16 ms / < 16 ms",
            "the floor",
            None,
        );
        assert_row(
            &rows,
            "plan/all_pairs_builtin (criterion median)",
            "60.00 ms",
            "all-pairs plans ≤ 50 ms native",
            Some(false),
        );
        let cli = "command line: 100,000 pairs → JSON, one core (median of 11 runs)";
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
            md.contains("| ratio app / static | 3.00× | ≤ 2× | **not met** |"),
            "{md}"
        );
        assert!(md.contains("- app runs (ms): 300 310\n"), "{md}");
        assert!(md.contains("wasm requested 20.5, downloaded n/a"), "{md}");
        assert!(md.ends_with(NEW_HISTORY), "{md}");
    }

    #[test]
    fn an_empty_run_reads_and_bad_figures_do_not() {
        assert_eq!(
            serde_json::from_str::<Browser>("{}").ok(),
            Some(Browser::default())
        );
        let text = r#"{"plan": {"runs": "nine"}}"#;
        assert!(serde_json::from_str::<Browser>(text).is_err());
        let md = markdown(&figures("{}"), &machine(), "");
        assert!(
            !md.contains("## Time to a drawn plan") && !md.contains("## Audits"),
            "{md}"
        );
    }

    #[test]
    fn the_paste_row_takes_its_goal_and_the_larger_timing() {
        let sample = |p75: u32, max: u32, own_max: f64| {
            let text = format!(
                r#"{{"interactions": {{"paste": {{ "p75_ms": {p75}, "max_ms": {max},
                  "own_median_ms": 12.5, "own_max_ms": {own_max}, "runs": 5 }}}}}}"#
            );
            summary(&figures(&text))
        };
        let figure =
            "pasting a show failover output → position drawn: Event Timing p75 / worst (5 runs)";
        assert_row(
            &sample(24, 32, 30.0),
            figure,
            "24 ms / 32 ms",
            "≤ 32 ms",
            Some(true),
        );
        assert_row(
            &sample(24, 40, 30.0),
            figure,
            "24 ms / 40 ms",
            "≤ 32 ms",
            Some(false),
        );
        // Event Timing under its threshold, but the bench's own timing over the goal.
        assert_row(
            &sample(0, 0, 33.5),
            figure,
            "< 16 ms / < 16 ms",
            "≤ 32 ms",
            Some(false),
        );
        let md = markdown(
            &figures(r#"{"interactions": {"paste": {"p75_ms": 24, "max_ms": 32, "runs": 5}}}"#),
            &machine(),
            "",
        );
        assert!(
            md.contains(&format!("| {figure} | 24 ms / 32 ms | ≤ 32 ms | met |")),
            "{md}"
        );
        assert!(sample(24, 32, 30.0)
            .iter()
            .all(|r| !r.figure.starts_with("a keystroke")));
    }

    #[test]
    fn keeps_the_history() {
        let old =
            "# Benchmarks\nold figures\n## History\n\n- 2025: catalog packed, 160 → 110 KiB\n";
        let md = markdown(&figures("{}"), &machine(), old);
        assert!(
            md.ends_with("## History\n\n- 2025: catalog packed, 160 → 110 KiB\n"),
            "{md}"
        );
        assert!(!md.contains("old figures"));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(
            (thousands(10_000), thousands(300), thousands(2000)),
            ("10,000".into(), "300".into(), "2,000".into())
        );
    }
}
