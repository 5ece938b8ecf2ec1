//! BENCHMARKS.md from one `cargo xtask bench` run: a summary with the goal beside each figure,
//! then the details, the method, the commands and the machine. The `## History` section at the
//! end (what was changed to reach the goals, measured before and after) is written by people
//! and kept as it is across runs.

use crate::bench::{Figures, FRAGMENT};
use crate::bench_fleet;
use crate::bench_native::human;
use crate::bench_size::{kib, BUDGET, GOAL};
use std::fmt::Write;
use xshell::{cmd, Cmd, Shell};

const HISTORY: &str = "## History";
const NEW_HISTORY: &str = "## History\n\nWhat was changed to reach the goals, with the figures \
measured before and after (kept across runs; edit by hand).\n";

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
        let chromium = crate::tools::CHROMIUM;
        let out = |line: &dyn Fn(&Shell) -> Cmd| {
            sh.as_ref()
                .and_then(|sh| crate::tools::probe(line(sh)))
                .unwrap_or_else(|| "unknown".to_string())
        };
        let proc_field = |file: &str, key: &str| {
            std::fs::read_to_string(file)
                .ok()
                .and_then(|t| {
                    t.lines()
                        .find(|l| l.starts_with(key))
                        .and_then(|l| l.split_once(':'))
                        .map(|(_, v)| v.trim().to_string())
                })
                .unwrap_or_else(|| "unknown".to_string())
        };
        let memory = proc_field("/proc/meminfo", "MemTotal");
        let memory = memory
            .trim_end_matches(" kB")
            .parse::<f64>()
            .map_or(memory.clone(), |kb| {
                format!("{:.1} GiB", kb / 1024.0 / 1024.0)
            });
        let dirty = !out(&|sh| cmd!(sh, "git status --porcelain")).is_empty();
        let commit = out(&|sh| cmd!(sh, "git rev-parse --short HEAD"));
        Machine {
            date: out(&|sh| cmd!(sh, "date -u +%Y-%m-%d_%H:%M_UTC")).replace('_', " "),
            commit: if dirty {
                format!("{commit} with uncommitted changes")
            } else {
                commit
            },
            nproc: std::thread::available_parallelism()
                .map_or("unknown".to_string(), |n| n.to_string()),
            memory,
            cpu: proc_field("/proc/cpuinfo", "model name"),
            chromium: out(&|sh| cmd!(sh, "{chromium} --version")),
            node: out(&|sh| cmd!(sh, "node --version")),
            rustc: out(&|sh| cmd!(sh, "rustc --version")),
        }
    }
}

/// The whole file; `old` is the current BENCHMARKS.md, whose history section is kept.
/// The interactions the browser bench times by Event Timing (SPEC §12): key, what, the 75th
/// percentile goal where there is one, and the worst-case goal (ms).
const INTERACTIONS: [(&str, &str, Option<f64>, f64); 6] = [
    (
        "type",
        "a keystroke in the target field, built-in catalog",
        Some(16.0),
        32.0,
    ),
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
];

/// The floor under the interaction goals: bare controls on the static page, no script.
const FLOORS: [(&str, &str); 2] = [
    (
        "floor_type",
        "floor: a keystroke in a bare text field (static page, no script)",
    ),
    (
        "floor_click",
        "floor: a bare checkbox clicked (static page, no script)",
    ),
];

pub fn markdown(f: &Figures, m: &Machine, old: &str) -> String {
    let b = &f.browser;
    let get = |key: &str| b.get(key).map_or("n/a", String::as_str);
    let num = |key: &str| b.get(key).and_then(|v| v.parse::<f64>().ok());
    let mut s = String::new();
    let _ = writeln!(s, "# Benchmarks\n");
    let _ = writeln!(
        s,
        "Written by `cargo xtask bench` from one run: every figure below comes from it, except the \
         History section at the end, which is kept across runs. Budgets and goals: SPEC §12. The \
         bench prints figures; only the size budget fails the command.\n"
    );
    let _ = writeln!(s, "Run {} on commit {}.\n", m.date, m.commit);

    let _ = writeln!(s, "## Summary\n");
    let _ = writeln!(s, "| figure | measured | goal | |\n|---|---|---|---|");
    if let Some(size) = &f.size {
        let gz = size.total(|x| x.gzip);
        let _ = writeln!(
            s,
            "| first load, gzip -9 total ({} files) | {} | ≤ {} budget, goal ≤ {} | {} |",
            size.files.len(),
            kib(gz),
            kib(BUDGET),
            kib(GOAL),
            if gz <= GOAL {
                "goal met"
            } else if gz <= BUDGET {
                "within budget, goal not met"
            } else {
                "**over budget**"
            }
        );
        let _ = writeln!(
            s,
            "| first load, brotli total | {} | (hosts that serve brotli) | |",
            kib(size.total(|x| x.brotli))
        );
    }
    if let (Some(app), Some(floor), Some(ratio)) =
        (num("plan.app_ms"), num("plan.static_ms"), num("plan.ratio"))
    {
        let _ = writeln!(
            s,
            "| shared link → plan drawn, app (median of {} cold runs) | {app:.0} ms | | |",
            get("plan.runs")
        );
        let _ = writeln!(
            s,
            "| same plan, static HTML page (the floor, same runs) | {floor:.0} ms | | |"
        );
        let _ = writeln!(
            s,
            "| ratio app / static | {ratio:.2}× | ≤ 2× | {} |",
            verdict(ratio <= 2.0)
        );
    }
    for n in ["300", "2000", "10000"] {
        let Some(dom) = num(&format!("layout.{n}.dom_ms")) else {
            continue;
        };
        let goal = if n == "10000" {
            "completes | met"
        } else {
            "(no goal: includes the Yew render) | "
        };
        let _ = writeln!(s, "| custom list of {} releases applied → graph in the DOM (median) | {dom:.1} ms | {goal} |", thousands(n));
    }
    for n in ["300", "2000", "10000"] {
        let Some(ms) = num(&format!("wasm_layout.{n}.ms")) else {
            continue;
        };
        let goal = match n {
            "2000" => format!("≤ 20 ms | {}", verdict(ms <= 20.0)),
            "10000" => "completes | met".to_string(),
            _ => " | ".to_string(),
        };
        let _ = writeln!(
            s,
            "| `domain::layout` of {} releases in wasm, Chromium (median) | {ms:.3} ms | {goal} |",
            thousands(n)
        );
    }
    if let Some(layout) = f.native.iter().find(|r| r.id == "layout/2000") {
        let _ = writeln!(s, "| layout of 2,000 releases, native (criterion median) | {} | lower bound of the wasm figure | |", human(layout.median_ns));
    }
    if let Some(hover) = num("hover.median_ms") {
        let _ = writeln!(
            s,
            "| hover → highlight (median over {} nodes; max {} ms) | {hover:.1} ms | ≤ 16 ms | {} |",
            get("hover.count"),
            get("hover.max_ms"),
            verdict(hover <= 16.0)
        );
    }
    for (key, what, p75_goal, max_goal) in INTERACTIONS {
        let (Some(p75), Some(max)) = (
            num(&format!("inp.{key}.p75_ms")),
            num(&format!("inp.{key}.max_ms")),
        ) else {
            continue;
        };
        let goal = match p75_goal {
            Some(g) => format!("≤ {g} ms at p75, ≤ {max_goal} ms worst"),
            None => format!("≤ {max_goal} ms"),
        };
        // Event Timing can end an interaction at a paint before the page's deferred render;
        // the bench's own timing (event → first task after the next frame) catches that, so
        // the verdict takes the larger of the two.
        let own = |k: &str| num(&format!("inp.{key}.{k}")).unwrap_or(0.0);
        let met = p75.max(own("own_median_ms")) <= p75_goal.unwrap_or(max_goal)
            && max.max(own("own_max_ms")) <= max_goal;
        let _ = writeln!(
            s,
            "| {what}: Event Timing p75 / worst (own timing median {} ms; {} runs) | {} / {} | {goal} | {} |",
            get(&format!("inp.{key}.own_median_ms")),
            get(&format!("inp.{key}.runs")),
            shown(p75),
            shown(max),
            verdict(met)
        );
    }
    // What no page answers faster than on this machine (issue 14 asks for the measured floor
    // where a goal is not met): the same measure of bare controls on the static page.
    for (key, what) in FLOORS {
        if let (Some(p75), Some(max)) = (
            num(&format!("inp.{key}.p75_ms")),
            num(&format!("inp.{key}.max_ms")),
        ) {
            let _ = writeln!(
                s,
                "| {what}: Event Timing p75 / worst (own timing median {} ms) | {} / {} | the floor | — |",
                get(&format!("inp.{key}.own_median_ms")),
                shown(p75),
                shown(max),
            );
        }
    }
    for n in ["2000", "10000"] {
        if let Some(ms) = num(&format!("floor.graph{n}.frame_ms")) {
            let _ = writeln!(
                s,
                "| floor: the app's {n}-release graph written into the static page (one `innerHTML`, to the next frame) | {ms:.0} ms | the floor | — |"
            );
        }
    }
    for r in &f.native {
        if let Some((limit, words)) = r.budget() {
            let _ = writeln!(
                s,
                "| {} (criterion median) | {} | {words} | {} |",
                r.id,
                human(r.median_ns),
                verdict(r.median_ns <= limit)
            );
        }
    }
    if let Some(whole) = num("fleet1k.whole_median_ms") {
        let _ = writeln!(
            s,
            "| the fleet view: 1,000 pairs, from the click to the whole table (rows after the first 40 in batches of 200; max {} ms) | {whole:.0} ms | (no goal: the table is usable from the first frame) | |",
            get("fleet1k.whole_max_ms")
        );
    }
    if let Some(fleet) = &f.fleet {
        let _ = writeln!(
            s,
            "| command line: 100,000 pairs planned and written as JSON, release binary, {} (median of {} runs) | {:.0} ms wall, {:.0} ms CPU; peak {} | < 1 s | {} |",
            fleet.pinned,
            fleet.runs,
            fleet.wall_ms,
            fleet.cpu_ms,
            fleet
                .peak_kib
                .map_or("n/a".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0)),
            verdict(fleet.wall_ms < bench_fleet::BUDGET_MS)
        );
    }
    if let Some(rate) = f
        .native
        .iter()
        .find(|r| r.id.starts_with("parse/"))
        .and_then(|r| r.per_second())
    {
        let _ = writeln!(
            s,
            "| parse throughput, native | {:.1} M releases/s | | |",
            rate / 1e6
        );
    }
    for form in ["mobile", "desktop"] {
        let scores: Vec<Option<f64>> = ["performance", "accessibility", "best-practices"]
            .iter()
            .map(|c| num(&format!("lh.{form}.{c}")))
            .collect();
        if let [Some(p), Some(a), Some(bp)] = scores.as_slice() {
            let _ = writeln!(
                s,
                "| Lighthouse {form}: performance / accessibility / best practices (median of {} runs) | {p:.0} / {a:.0} / {bp:.0} | ≥ 95 / 100 / 100 | {} |",
                get(&format!("lh.{form}.runs")).split(", ").count(),
                verdict(*p >= 95.0 && *a >= 100.0 && *bp >= 100.0)
            );
        }
    }
    if let Some(v) = num("axe.violations") {
        let _ = writeln!(
            s,
            "| axe-core violations ({} page states) | {v:.0} | 0 | {} |",
            get("axe.states"),
            verdict(v == 0.0)
        );
    }

    if let Some(size) = &f.size {
        let _ = writeln!(s, "\n## Size: the first load, and what is fetched later\n");
        let _ = writeln!(
            s,
            "Counted (SPEC §12): index.html and every dist/ file it names (stylesheets, wasm glue \
             and wasm, icon, manifest). Reported apart, fetched after the first paint: the \
             second wasm and sw-register.js (named only in their `<meta>`), sw.js and what its \
             precache list adds; fetched only on `#fleet`: the fleet view's wasm. Sizes in \
             bytes; gzip -9 -n and brotli -q 11 of each file.\n"
        );
        let _ = writeln!(
            s,
            "| file | raw | gzip -9 | brotli | counted because |\n|---|---:|---:|---:|---|"
        );
        for x in &size.files {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                x.name, x.raw, x.gzip, x.brotli, x.why
            );
        }
        let _ = writeln!(
            s,
            "| **total** | **{}** | **{}** | **{}** | |",
            size.total(|x| x.raw),
            size.total(|x| x.gzip),
            size.total(|x| x.brotli)
        );
        for x in &size.later {
            let _ = writeln!(
                s,
                "| later: {} | {} | {} | {} | {} |",
                x.name, x.raw, x.gzip, x.brotli, x.why
            );
        }
        if !size.not_counted.is_empty() {
            let _ = writeln!(
                s,
                "\nIn dist/ but not downloaded on a first visit: {}.",
                size.not_counted.join(", ")
            );
        }
    }
    if b.contains_key("plan.app_ms") {
        let _ = writeln!(s, "\n## Time to a drawn plan\n");
        let _ = writeln!(
            s,
            "Chromium (playwright-core) opens `/#{FRAGMENT}` of dist/ and the generated static page \
             (`static-plan.html`: the same plan as an ordered list of its {} hops and the very \
             SVG graph the app draws, `view::graph_svg::canvas` of the same graph model, made by \
             `xtask/src/bench_static.rs` from `domain::session::analyse`), both from one loopback server \
             (gzip like a static host, `Cache-Control: no-cache`). Each run is a fresh browser \
             context (empty cache, service workers blocked); the pages take turns in rotating \
             order, after one discarded warm-up of each. A MutationObserver installed before any \
             page script stamps `performance.now()` (ms since navigation start) when \
             `svg[data-graph] [data-on-plan]` reaches the hop count and reports it by a console \
             message: nothing of the harness runs in the page before that.\n",
            f.hops
        );
        let _ = writeln!(
            s,
            "- app runs (ms): {}\n- static runs (ms): {}\n- where the \
             app's time goes (medians, ms since navigation start): wasm requested {}, downloaded {}, \
             instantiated and `main` run (Trunk's `TrunkApplicationStarted`) {}, plan drawn {}",
            get("plan.app_all"),
            get("plan.static_all"),
            get("plan.wasm_requested_ms"),
            get("plan.wasm_loaded_ms"),
            get("plan.started_ms"),
            get("plan.app_ms")
        );
    }
    if b.contains_key("layout.300.dom_ms") {
        let _ = writeln!(s, "\n## Layout and interaction in wasm\n");
        let _ = writeln!(
            s,
            "Layout alone: `domain::layout` compiled to wasm by itself (`xtask/bench/wasm-layout`, \
             which compiles the domain's `layout.rs` and `release.rs` with the app's release \
             profile), run in the bench page by Chromium over the same synthetic catalogs: median \
             of 15 batches of layouts (batches last ≥ 5 ms, for performance.now()'s coarse clock).\n"
        );
        let _ = writeln!(
            s,
            "Layout at scale in the app: a synthetic list of N releases without interim builds (trains of 20) \
             is pasted into the custom-list box of the running app and applied with its button; \
             timed in the page from the click until the graph is drawn (`domain::layout` in \
             wasm plus the Yew render into the DOM: all N nodes up to 1,000 releases; over that, \
             the window of 32 columns in view, 640 nodes), and until the first frame after it. Fresh \
             context per run. Hover: `mouseover` on a sample of the plan page's nodes, timed until \
             the graph's DOM changed (the `data-legal` edges drawn).\n"
        );
        let _ = writeln!(s, "| releases | layout alone (wasm) | click → DOM (median) | click → next frame (median) | runs |\n|---:|---:|---:|---:|---:|");
        for n in ["300", "2000", "10000"] {
            let _ = writeln!(
                s,
                "| {} | {} ms | {} ms | {} ms | {} |",
                thousands(n),
                get(&format!("wasm_layout.{n}.ms")),
                get(&format!("layout.{n}.dom_ms")),
                get(&format!("layout.{n}.frame_ms")),
                get(&format!("layout.{n}.runs"))
            );
        }
        let _ = writeln!(
            s,
            "\nHover → highlight: median {} ms, max {} ms over {} nodes ({} of them with legal hops drawn).",
            get("hover.median_ms"),
            get("hover.max_ms"),
            get("hover.count"),
            get("hover.with_legal")
        );
    }
    if !f.native.is_empty() {
        let _ = writeln!(
            s,
            "\n## Native (criterion, `benches/domain.rs`)\n\n| benchmark | median | throughput |\n|---|---:|---:|"
        );
        for r in &f.native {
            let rate = r
                .per_second()
                .map_or(String::new(), |p| format!("{:.2} M elements/s", p / 1e6));
            let _ = writeln!(s, "| {} | {} | {rate} |", r.id, human(r.median_ns));
        }
        let _ = writeln!(
            s,
            "\n`plan/all_pairs_builtin`: a plan for every (from, to) pair of the default preset's \
             catalog under Table 81-1; `plan/all_pairs_builtin_guide_9x`: the same under Cisco's \
             9.x guidance. `parse/builtin_spellings`: every built-in release in each of Cisco's spellings."
        );
    }
    if let Some(fleet) = &f.fleet {
        let _ = writeln!(
            s,
            "\n## Command line (`fleet-cli`)\n\n`asa-planner fleet <100,000-line CSV> --format json`, \
             the release binary (`cargo build --release`, the profile `cargo install` uses), {}, \
             output to a file ({:.1} MB). The fleet is `domain::fleet::sample_csv(100000)`: \
             releases across the built-in catalog, four targets, every 10th pair mismatched, \
             every 7th Active/Active. Wall time measured around the process; CPU time (user + \
             system) and peak resident memory by GNU time. Median of {} runs after a warm-up; \
             load average when they began: {} (wall time includes waiting for the core).",
            fleet.pinned,
            fleet.output_bytes as f64 / 1e6,
            fleet.runs,
            fleet.load
        );
    }
    if b.contains_key("lh.mobile.performance") || b.contains_key("axe.violations") {
        let _ = writeln!(s, "\n## Audits\n");
        for form in ["mobile", "desktop"] {
            if b.contains_key(&format!("lh.{form}.performance")) {
                let _ = writeln!(
                    s,
                    "- Lighthouse {} {form} (`/#{FRAGMENT}`, gzip served): performance of each run {}; the median run: {}; audits below 90: {}",
                    get("lh.version"),
                    get(&format!("lh.{form}.runs")),
                    get(&format!("lh.{form}.metrics")),
                    get(&format!("lh.{form}.failing"))
                );
            }
        }
        let _ = writeln!(
            s,
            "- axe-core ({} states: empty page, plan light, plan dark): {} violations; {}",
            get("axe.states"),
            get("axe.violations"),
            get("axe.list")
        );
    }

    let _ = writeln!(s, "\n## Machine\n");
    let _ = writeln!(
        s,
        "| nproc | memory | CPU | Chromium | Node | rustc |\n|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} |",
        m.nproc,
        m.memory,
        m.cpu,
        b.get("chromium.version").map_or(m.chromium.clone(), |v| format!("{} (headless {v})", m.chromium)),
        m.node,
        m.rustc
    );
    let _ = writeln!(s, "\n## Commands\n");
    let criterion = if f.criterion_args.is_empty() {
        String::new()
    } else {
        format!(" -- {}", f.criterion_args.join(" "))
    };
    let _ = writeln!(
        s,
        "- `cargo xtask bench{criterion}` runs all of it: `trunk build --release` into dist/ \
         (skip with `--no-build`), the size table, `node xtask/bench/browser.mjs` (runs: {}), \
         `node xtask/bench/lighthouse.mjs` (after `npm ci` in xtask/bench), \
         `cargo bench --bench domain{criterion}`, the release `asa-planner fleet` on 100,000 \
         generated pairs.\n- One part only: `cargo xtask bench --only \
         size|browser|lighthouse|native|fleet-cli` (prints, does not rewrite this file).",
        f.runs
    );
    let history = old.find(HISTORY).map_or(NEW_HISTORY, |i| &old[i..]);
    let _ = write!(s, "\n{}", history);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// An Event Timing duration as the table shows it: 0 is an interaction the browser did not
/// report, under its smallest threshold.
fn shown(ms: f64) -> String {
    if ms == 0.0 {
        "< 16 ms".to_owned()
    } else {
        format!("{ms:.0} ms")
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**not met**"
    }
}

/// `10000` → `10,000`.
fn thousands(n: &str) -> String {
    let mut out = String::new();
    for (i, c) in n.chars().enumerate() {
        if i > 0 && (n.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_native::NativeResult;

    fn machine() -> Machine {
        Machine {
            date: "2025-01-01 00:00 UTC".into(),
            commit: "abc".into(),
            nproc: "2".into(),
            memory: "1.0 GiB".into(),
            cpu: "cpu".into(),
            chromium: "Chromium 1".into(),
            node: "v20".into(),
            rustc: "rustc 1".into(),
        }
    }

    fn figures(browser: &[(&str, &str)]) -> Figures {
        Figures {
            size: None,
            browser: browser
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            native: vec![NativeResult {
                id: "plan/all_pairs_builtin".into(),
                median_ns: 60e6,
                elements: Some(4),
            }],
            fleet: Some(bench_fleet::FleetFigure {
                runs: 11,
                wall_ms: 640.0,
                cpu_ms: 455.0,
                peak_kib: Some(28_792),
                output_bytes: 104_000_000,
                pinned: "one core (taskset -c 0)".into(),
                load: "0.10 0.20 0.30".into(),
            }),
            hops: 4,
            runs: 9,
            criterion_args: Vec::new(),
        }
    }

    #[test]
    fn puts_each_goal_beside_its_figure() {
        let f = figures(&[
            ("plan.app_ms", "300"),
            ("plan.static_ms", "100"),
            ("plan.ratio", "3.00"),
            ("plan.runs", "9"),
        ]);
        let md = markdown(&f, &machine(), "");
        assert!(
            md.contains("| ratio app / static | 3.00× | ≤ 2× | **not met** |"),
            "{md}"
        );
        assert!(!md.contains("Yew floor"), "{md}");
        assert!(md.contains("| plan/all_pairs_builtin (criterion median) | 60.00 ms | all-pairs plans ≤ 50 ms native | **not met** |"), "{md}");
        assert!(md.contains("| command line: 100,000 pairs planned and written as JSON, release binary, one core (taskset -c 0) (median of 11 runs) | 640 ms wall, 455 ms CPU; peak 28.1 MiB | < 1 s | met |"), "{md}");
        assert!(md.ends_with(NEW_HISTORY), "{md}");
    }

    #[test]
    fn keeps_the_history() {
        let old =
            "# Benchmarks\nold figures\n## History\n\n- 2025: catalog packed, 160 → 110 KiB\n";
        let md = markdown(&figures(&[]), &machine(), old);
        assert!(
            md.ends_with("## History\n\n- 2025: catalog packed, 160 → 110 KiB\n"),
            "{md}"
        );
        assert!(!md.contains("old figures"));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands("10000"), "10,000");
        assert_eq!(thousands("300"), "300");
        assert_eq!(thousands("2000"), "2,000");
    }
}
