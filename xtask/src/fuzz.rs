//! `cargo xtask fuzz [secs]`: runs every cargo-fuzz target of `fuzz/` for `secs` seconds each
//! (default 30) and reports executions and crashes per target. Exits non-zero on a crash.
//!
//! Needs the nightly toolchain (installed on the project's machines) and cargo-fuzz, which is
//! installed by package name when missing. libFuzzer's chatter goes to
//! `fuzz/logs/<target>.log`; a crash prints the end of that log and the input's file.

use crate::{fix, repo_root, shell, tools};
use std::fs;
use std::path::Path;
use std::time::Instant;
use xshell::{cmd, Cmd, Shell};

/// The targets, in the order they run (the names of `fuzz/Cargo.toml`'s `[[bin]]`s).
const TARGETS: [&str; 8] = [
    "release",
    "fragment",
    "custom_list",
    "stored",
    "fleet",
    "fleet_csv",
    "fleet_saved",
    "show",
];
/// Fragments up to the 8 KiB limit and a little over it; the other inputs are short.
const FRAGMENT_MAX_LEN: usize = 9 * 1024;

/// What one target's run gave.
struct Outcome {
    target: &'static str,
    runs: Option<u64>,
    crashed: bool,
    artifact: Option<String>,
}

pub fn run(secs: u64) -> Result<(), String> {
    let (root, sh) = (repo_root(), shell()?);
    if tools::probe(cmd!(sh, "cargo +nightly fuzz --version")).is_none() {
        let by_hand =
            "installing cargo-fuzz failed; run `cargo install --locked cargo-fuzz` by hand";
        cmd!(sh, "cargo install --locked cargo-fuzz")
            .run()
            .map_err(fix(by_hand))?;
    }
    nightly(cmd!(sh, "cargo +nightly fuzz build --release"))
        .run()
        .map_err(fix(
            "building the fuzz targets failed: the messages above say why",
        ))?;
    let mut outcomes = Vec::new();
    for target in TARGETS {
        println!("fuzzing {target} for {secs} s …");
        outcomes.push(fuzz_one(&sh, &root, target, secs)?);
    }
    println!("\n{:<12} {:>14}  result", "target", "executions");
    for o in &outcomes {
        let runs = o.runs.map_or_else(|| "?".to_string(), |n| n.to_string());
        let result = match (&o.artifact, o.crashed) {
            (Some(file), _) => format!("CRASH, input in {file}"),
            (None, true) => format!("CRASH (see fuzz/logs/{}.log)", o.target),
            (None, false) => "no crash".to_string(),
        };
        println!("{:<12} {runs:>14}  {result}", o.target);
    }
    let crashed: Vec<&str> = outcomes
        .iter()
        .filter(|o| o.crashed)
        .map(|o| o.target)
        .collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets crashed: {}. Reproduce with `cargo +nightly fuzz run <target> <input file>` in the repository root",
            crashed.join(", ")
        ))
    }
}

fn fuzz_one(sh: &Shell, root: &Path, target: &'static str, secs: u64) -> Result<Outcome, String> {
    // Not in artifacts/: cargo-fuzz reports the newest file there as the failing input.
    let dir = root.join("fuzz").join("logs");
    let corpus = root.join("fuzz").join("corpus").join(target);
    for d in [&dir, &corpus] {
        fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let log_path = dir.join(format!("{target}.log"));
    let time = format!("-max_total_time={secs}");
    let dict = format!(
        "-dict={}",
        root.join(format!("fuzz/dicts/{target}.dict")).display()
    );
    let max_len = format!("-max_len={FRAGMENT_MAX_LEN}");
    let extra = if target == "fragment" {
        &[max_len][..]
    } else {
        &[]
    };
    let started = Instant::now();
    let run = cmd!(
        sh,
        "cargo +nightly fuzz run --release {target} {corpus} -- {time} {dict} -print_final_stats=1 {extra...}"
    );
    let output = nightly(run)
        .quiet()
        .ignore_status()
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    fs::write(&log_path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let ok = output.status.success();
    if text.contains("failed to build fuzz script") {
        return Err(format!(
            "the fuzz target {target} does not build (see {}); fix the build, then run again",
            log_path.display()
        ));
    }
    let outcome = Outcome {
        target,
        runs: executions(&text),
        crashed: !ok || crashed(&text),
        artifact: artifact(&text),
    };
    if outcome.crashed {
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        for line in tail.iter().rev() {
            eprintln!("  {line}");
        }
    }
    println!(
        "  {} executions in {:.0} s",
        outcome.runs.unwrap_or(0),
        started.elapsed().as_secs_f64()
    );
    Ok(outcome)
}

/// libFuzzer's last line, `Done 12345 runs in 30 second(s)`, or its final stats
/// `stat::number_of_executed_units: 12345` when the run stopped early.
fn executions(log: &str) -> Option<u64> {
    let done = log.lines().rev().find_map(|line| {
        let rest = line.trim().strip_prefix("Done ")?;
        rest.split(' ').next()?.parse().ok()
    });
    done.or_else(|| {
        log.lines().rev().find_map(|line| {
            line.trim()
                .strip_prefix("stat::number_of_executed_units:")?
                .trim()
                .parse()
                .ok()
        })
    })
}

fn crashed(log: &str) -> bool {
    [
        "ERROR: libFuzzer",
        "SUMMARY: libFuzzer",
        "ERROR: AddressSanitizer",
        "panicked at",
    ]
    .iter()
    .any(|marker| log.contains(marker))
}

/// `Test unit written to ./fuzz/artifacts/release/crash-…`
fn artifact(log: &str) -> Option<String> {
    log.lines().find_map(|line| {
        Some(
            line.split("Test unit written to ")
                .nth(1)?
                .trim()
                .to_string(),
        )
    })
}

/// `cmd` (a `cargo +nightly fuzz …`) without the variables of the outer (stable) cargo, so that
/// they do not leak into the nightly build.
fn nightly(cmd: Cmd<'_>) -> Cmd<'_> {
    [
        "RUSTUP_TOOLCHAIN",
        "RUSTC",
        "RUSTDOC",
        "CARGO",
        "CARGO_TARGET_DIR",
        "RUSTFLAGS",
    ]
    .iter()
    .fold(cmd, |cmd, var| cmd.env_remove(var))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_summary() {
        let log = "#1048576\tpulse  cov: 300 ft: 900 corp: 80/1Kb exec/s: 34952 rss: 60Mb\n\
                   Done 1048577 runs in 31 second(s)\nstat::number_of_executed_units: 1048577\n";
        assert_eq!(executions(log), Some(1_048_577));
        assert!(!crashed(log));
        let crash = "thread '<unnamed>' panicked at src/domain/query.rs:10:5:\n==123== ERROR: libFuzzer: deadly signal\n\
                     artifact_prefix='/r/fuzz/artifacts/fragment/'; Test unit written to /r/fuzz/artifacts/fragment/crash-ab12\n\
                     stat::number_of_executed_units: 4242\n";
        assert_eq!(executions(crash), Some(4242));
        assert!(crashed(crash));
        for marker in [
            "==7== ERROR: libFuzzer: timeout",
            "SUMMARY: libFuzzer: out-of-memory",
            "x panicked at y",
        ] {
            assert!(crashed(marker), "{marker}");
        }
        assert_eq!(
            artifact(crash).as_deref(),
            Some("/r/fuzz/artifacts/fragment/crash-ab12")
        );
    }
}
