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
    pub timed: Timed,
    pub output_bytes: u64,
    /// How the runs were pinned ("one core (taskset -c 0)" or why not).
    pub pinned: &'static str,
    /// The machine's load average when the runs began (other work shares the core: wall time
    /// grows with it, CPU time much less).
    pub load: String,
}

/// One command of hyperfine's `--export-json`, the fields read here: seconds, `user` and
/// `system` as means, and each run's peak resident memory where hyperfine can measure it.
#[derive(Deserialize, Debug, PartialEq)]
pub struct Timed {
    pub median: f64,
    pub user: f64,
    pub system: f64,
    pub times: Vec<f64>,
    #[serde(default)]
    pub memory_usage_byte: Vec<u64>,
}

#[derive(Deserialize, Debug)]
struct Export {
    results: [Timed; 1],
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
        .map(|name| target.join("bench").join(name).display().to_string());
    let csv = asa_planner::domain::fleet::sample_csv(PAIRS);
    sh.write_file(&input, csv).map_err(text)?;

    let load = std::fs::read_to_string("/proc/loadavg").map_or("unknown".to_string(), |l| {
        l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    });
    let (taskset, pinned) = match tools::probe(cmd!(sh, "taskset -c 0 true")) {
        Some(_) => ("taskset -c 0 ", "one core (taskset -c 0)"),
        None => ("", "not pinned (no taskset)"),
    };
    let command = format!(
        "{taskset}'{}' fleet '{input}' --format json",
        binary.display()
    );
    // The sample fleet has downgrades and pairs on trains the preset leaves out: exit 1. Any
    // other status fails hyperfine.
    let runs = RUNS.to_string();
    cmd!(sh, "hyperfine -N --warmup 1 --runs {runs} --ignore-failure=1 --output {output} --export-json {export} {command}")
        .run()
        .map_err(text)?;
    let json = sh.read_file(&export).map_err(text)?;
    let read: Export = serde_json::from_str(&json).map_err(|e| format!("{export}: {e}"))?;
    let [timed] = read.results;
    let output_bytes = std::fs::metadata(&output).map_or(0, |m| m.len());
    Ok(FleetFigure {
        timed,
        output_bytes,
        pinned,
        load,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hyperfines_export_of_one_command() {
        let json = r#"{"results": [{"command": "asa-planner fleet x.csv --format json",
            "mean": 0.2, "median": 0.179, "user": 0.1, "system": 0.04, "min": 0.17,
            "times": [0.17, 0.179, 0.25], "memory_usage_byte": [20000000, 20500000, 19000000],
            "exit_codes": [1, 1, 0]}]}"#;
        let [timed] = serde_json::from_str::<Export>(json).unwrap().results;
        let expected = Timed {
            median: 0.179,
            user: 0.1,
            system: 0.04,
            times: vec![0.17, 0.179, 0.25],
            memory_usage_byte: vec![20_000_000, 20_500_000, 19_000_000],
        };
        assert_eq!(timed, expected);
        assert!(serde_json::from_str::<Export>(r#"{"results": []}"#).is_err());
    }
}
