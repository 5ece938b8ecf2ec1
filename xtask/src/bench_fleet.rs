//! The `fleet-cli` figure of `cargo xtask bench` (SPEC §12: 100,000 pairs on the command line
//! in under 1 s): the release binary, as `cargo install --path .` builds it, plans a generated
//! fleet of 100,000 lines and writes it as JSON, pinned to one core. Median of [`RUNS`] runs of
//! wall time and CPU time, and the peak memory, as GNU time reports them.

use crate::shell;
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;
use xshell::cmd;

/// Pairs in the generated fleet (SPEC §12).
pub const PAIRS: usize = 100_000;
/// Runs measured (after one warm-up run that fills the page cache).
pub const RUNS: usize = 11;
/// SPEC §12: under one second.
pub const BUDGET_MS: f64 = 1000.0;

const TIME: &str = "/usr/bin/time";
const TASKSET: &str = "taskset";

pub struct FleetFigure {
    pub runs: usize,
    pub wall_ms: f64,
    pub cpu_ms: f64,
    /// Largest peak resident set size over the runs, when GNU time is there to say.
    pub peak_kib: Option<u64>,
    pub output_bytes: u64,
    /// How the runs were pinned ("one core (taskset -c 0)" or why not).
    pub pinned: String,
    /// The machine's load average when the runs began (other work shares the core: wall time
    /// grows with it, CPU time much less).
    pub load: String,
}

/// Builds the release binary, generates the fleet and times the runs (median of [`RUNS`]).
pub fn measure() -> Result<FleetFigure, String> {
    let sh = shell()?;
    cmd!(sh, "cargo build --release --locked --bin asa-planner")
        .run()
        .map_err(|e| e.to_string())?;
    let target = crate::target_dir();
    let binary = target.join("release").join("asa-planner");
    let (input, output) = (
        target.join("bench/fleet-100k.csv"),
        target.join("bench/fleet-100k.json"),
    );
    let csv = asa_planner::domain::fleet::sample_csv(PAIRS);
    sh.write_file(&input, csv).map_err(|e| e.to_string())?;

    let load = std::fs::read_to_string("/proc/loadavg").map_or("unknown".to_string(), |l| {
        l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    });
    // Pinned to one core when taskset works; CPU time and peak memory when GNU time is there.
    let mut prefix: Vec<&str> = Vec::new();
    if Path::new(TIME).exists() {
        prefix.extend([TIME, "-f", "usage %U %S %M"]);
    }
    let pinned = Command::new(TASKSET).args(["-c", "0", "true"]).status();
    let pinned = pinned.is_ok_and(|s| s.success());
    if pinned {
        prefix.extend([TASKSET, "-c", "0"]);
    }
    let mut argv: Vec<&OsStr> = prefix.iter().map(OsStr::new).collect();
    argv.extend([binary.as_os_str(), "fleet".as_ref(), input.as_os_str()]);
    argv.extend(["--format", "json"].map(OsStr::new));
    let mut run = Command::new(argv[0]);
    run.args(&argv[1..]);
    println!("$ {run:?} > {}", output.display());
    let (mut walls, mut cpus, mut peak) = (Vec::new(), Vec::new(), None);
    for i in 0..=RUNS {
        let out = std::fs::File::create(&output)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
        let started = Instant::now();
        let result = run.stdout(out).stderr(Stdio::piped()).output();
        let wall = started.elapsed().as_secs_f64() * 1000.0;
        let result = result.map_err(|e| format!("cannot run {run:?}: {e}"))?;
        let stderr = String::from_utf8_lossy(&result.stderr);
        // The sample fleet has downgrades and pairs on trains the preset leaves out: exit 1.
        if !matches!(result.status.code(), Some(0 | 1)) {
            return Err(format!("{run:?} failed ({}): {stderr}", result.status));
        }
        if i == 0 {
            continue; // the warm-up
        }
        walls.push(wall);
        if let Some((cpu_ms, peak_kib)) = usage(&stderr) {
            cpus.push(cpu_ms);
            peak = peak.max(Some(peak_kib));
        }
    }
    let pinned = if pinned {
        "one core (taskset -c 0)"
    } else {
        "not pinned (no taskset)"
    };
    Ok(FleetFigure {
        runs: RUNS,
        wall_ms: median(&mut walls),
        cpu_ms: median(&mut cpus),
        peak_kib: peak,
        output_bytes: std::fs::metadata(&output).map_or(0, |m| m.len()),
        pinned: pinned.to_string(),
        load,
    })
}

/// GNU time's `usage <user s> <system s> <max RSS KiB>` line: CPU ms and peak KiB.
fn usage(stderr: &str) -> Option<(f64, u64)> {
    let line = stderr.lines().rev().find_map(|l| l.strip_prefix("usage "));
    let mut parts = line?.split_whitespace().map(str::parse::<f64>);
    let (user, system, peak) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    Some(((user + system) * 1000.0, peak as u64))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gnu_times_line_and_takes_medians() {
        let (cpu, peak) = usage("asa-planner: something\nusage 0.41 0.09 28792\n").unwrap();
        assert_eq!((cpu.round(), peak), (500.0, 28792));
        assert!(usage("Command exited with non-zero status 1\n").is_none());
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
