//! The `fleet-cli` figure of `cargo xtask bench` (SPEC §12: 100,000 pairs on the command line
//! in under 1 s): the release binary, as `cargo install --path .` builds it, plans a generated
//! fleet of 100,000 lines and writes it as JSON to a file, pinned to one core. hyperfine runs it
//! once to fill the page cache, then [`RUNS`] times; its JSON export gives the median wall time,
//! the mean CPU time and each run's peak memory.

use crate::{shell, text, tools};
use serde::Deserialize;
use xshell::cmd;

/// Pairs in the generated fleet (SPEC §12).
pub const PAIRS: usize = 100_000;
/// Runs measured (after one warm-up run that fills the page cache).
pub const RUNS: usize = 11;
/// SPEC §12: under one second.
pub const BUDGET_MS: f64 = 1000.0;

#[derive(Debug, PartialEq)]
pub struct FleetFigure {
    pub runs: usize,
    pub wall_ms: f64,
    pub cpu_ms: f64,
    /// Largest peak resident set size over the runs, where hyperfine measures it.
    pub peak_bytes: Option<u64>,
    pub output_bytes: u64,
    /// How the runs were pinned ("one core (taskset -c 0)" or why not).
    pub pinned: String,
    /// The machine's load average when the runs began (other work shares the core: wall time
    /// grows with it, CPU time much less).
    pub load: String,
}

/// hyperfine's `--export-json`, the fields read here (seconds; `user` and `system` are means).
#[derive(Deserialize)]
struct Export {
    results: Vec<Timed>,
}

#[derive(Deserialize)]
struct Timed {
    median: f64,
    user: f64,
    system: f64,
    times: Vec<f64>,
    #[serde(default)]
    memory_usage_byte: Vec<u64>,
}

/// Builds the release binary, generates the fleet and times the runs with hyperfine.
pub fn measure() -> Result<FleetFigure, String> {
    tools::ensure_hyperfine()?;
    let sh = shell()?;
    let build = cmd!(sh, "cargo build --release --locked --bin asa-planner").run();
    build.map_err(text)?;
    let target = crate::target_dir();
    let binary = target.join("release").join("asa-planner");
    let [input, output, export] = ["fleet-100k.csv", "fleet-100k.json", "fleet-hyperfine.json"]
        .map(|name| {
            let path = target.join("bench").join(name);
            path.display().to_string()
        });
    let csv = asa_planner::domain::fleet::sample_csv(PAIRS);
    sh.write_file(&input, csv).map_err(text)?;

    let load = std::fs::read_to_string("/proc/loadavg").map_or("unknown".to_string(), |l| {
        l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    });
    let pinned = tools::probe(cmd!(sh, "taskset -c 0 true")).is_some();
    let fleet = format!("'{}' fleet '{input}' --format json", binary.display());
    let command = if pinned {
        format!("taskset -c 0 {fleet}")
    } else {
        fleet
    };
    // The sample fleet has downgrades and pairs on trains the preset leaves out: exit 1. Any
    // other status fails hyperfine.
    let runs = RUNS.to_string();
    cmd!(sh, "hyperfine -N --warmup 1 --runs {runs} --ignore-failure=1 --output {output} --export-json {export} {command}")
        .run()
        .map_err(text)?;
    let json = sh.read_file(&export).map_err(text)?;
    let mut figure = read_export(&json).map_err(|e| format!("{export}: {e}"))?;
    figure.output_bytes = std::fs::metadata(&output).map_or(0, |m| m.len());
    figure.load = load;
    figure.pinned = match pinned {
        true => "one core (taskset -c 0)",
        false => "not pinned (no taskset)",
    }
    .to_string();
    Ok(figure)
}

/// The figure from hyperfine's JSON export (output size, pinning and load left empty).
fn read_export(json: &str) -> Result<FleetFigure, String> {
    let export: Export = serde_json::from_str(json).map_err(text)?;
    let [timed] = export.results.as_slice() else {
        return Err("not hyperfine's export of one command".to_string());
    };
    Ok(FleetFigure {
        runs: timed.times.len(),
        wall_ms: timed.median * 1000.0,
        cpu_ms: (timed.user + timed.system) * 1000.0,
        peak_bytes: timed.memory_usage_byte.iter().copied().max(),
        output_bytes: 0,
        pinned: String::new(),
        load: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hyperfines_export() {
        let json = r#"{"results": [{"command": "asa-planner fleet x.csv --format json",
            "mean": 0.2, "median": 0.179, "user": 0.1, "system": 0.04, "min": 0.17,
            "times": [0.17, 0.179, 0.25], "memory_usage_byte": [20000000, 20500000, 19000000],
            "exit_codes": [1, 1, 0]}]}"#;
        let figure = read_export(json).unwrap();
        let read = (figure.runs, figure.wall_ms, figure.cpu_ms.round());
        assert_eq!(
            (read, figure.peak_bytes),
            ((3, 179.0, 140.0), Some(20_500_000))
        );
        assert!(read_export(r#"{"results": []}"#).is_err());
    }
}
