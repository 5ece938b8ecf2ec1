//! `cargo xtask fuzz [secs]`: runs every cargo-fuzz target of `fuzz/` for `secs` seconds each
//! (default 30) and reports executions and crashes per target. Exits non-zero on a crash.
//!
//! Needs the nightly toolchain (installed on the project's machines) and cargo-fuzz, which is
//! installed by package name when missing. libFuzzer's chatter goes to
//! `fuzz/logs/<target>.log`; a crash prints the end of that log and the input's file.

use crate::repo_root;
use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The targets, in the order they run (the names of `fuzz/Cargo.toml`'s `[[bin]]`s).
const TARGETS: [&str; 8] =
    ["release", "fragment", "custom_list", "stored", "fleet", "fleet_csv", "fleet_saved", "show"];
const DEFAULT_SECS: u64 = 30;
/// Fragments up to the 8 KiB limit and a little over it; the other inputs are short.
const FRAGMENT_MAX_LEN: usize = 9 * 1024;

/// What one target's run gave.
struct Outcome {
    target: &'static str,
    runs: Option<u64>,
    crashed: bool,
    artifact: Option<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let secs = match args {
        [] => DEFAULT_SECS,
        [secs] => secs
            .parse()
            .map_err(|_| format!("`cargo xtask fuzz {secs}`: expected a number of seconds, e.g. `cargo xtask fuzz 60`"))?,
        _ => return Err("usage: cargo xtask fuzz [seconds per target]".to_string()),
    };
    let root = repo_root();
    ensure_cargo_fuzz()?;
    status(
        cargo_fuzz(&root)
            .arg("build")
            .arg("--release")
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit()),
    )
    .map_err(|e| format!("building the fuzz targets failed: {e}"))?;
    let mut outcomes = Vec::new();
    for target in TARGETS {
        println!("fuzzing {target} for {secs} s …");
        outcomes.push(fuzz_one(&root, target, secs)?);
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
    let crashed: Vec<&str> = outcomes.iter().filter(|o| o.crashed).map(|o| o.target).collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets crashed: {}. Reproduce with `cargo +nightly fuzz run <target> <input file>` in the repository root",
            crashed.join(", ")
        ))
    }
}

fn fuzz_one(root: &Path, target: &'static str, secs: u64) -> Result<Outcome, String> {
    // Not in artifacts/: cargo-fuzz reports the newest file there as the failing input.
    let dir = root.join("fuzz").join("logs");
    let corpus = root.join("fuzz").join("corpus").join(target);
    for d in [&dir, &corpus] {
        fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let log_path = dir.join(format!("{target}.log"));
    let log =
        File::create(&log_path).map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let log_err = log.try_clone().map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut cmd = cargo_fuzz(root);
    cmd.args(["run", "--release", target])
        .arg(&corpus)
        .arg("--")
        .arg(format!("-max_total_time={secs}"))
        .arg(format!(
            "-dict={}",
            root.join("fuzz").join("dicts").join(format!("{target}.dict")).display()
        ))
        .arg("-print_final_stats=1")
        .stdout(log)
        .stderr(log_err);
    if target == "fragment" {
        cmd.arg(format!("-max_len={FRAGMENT_MAX_LEN}"));
    }
    let started = Instant::now();
    let ok = status(&mut cmd).is_ok();
    let text = fs::read_to_string(&log_path).unwrap_or_default();
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
            line.trim().strip_prefix("stat::number_of_executed_units:")?.trim().parse().ok()
        })
    })
}

fn crashed(log: &str) -> bool {
    ["ERROR: libFuzzer", "SUMMARY: libFuzzer", "ERROR: AddressSanitizer", "panicked at"]
        .iter()
        .any(|marker| log.contains(marker))
}

/// `Test unit written to ./fuzz/artifacts/release/crash-…`
fn artifact(log: &str) -> Option<String> {
    log.lines()
        .find_map(|line| Some(line.split("Test unit written to ").nth(1)?.trim().to_string()))
}

fn ensure_cargo_fuzz() -> Result<(), String> {
    let installed = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if installed {
        return Ok(());
    }
    println!("$ cargo install --locked cargo-fuzz");
    status(Command::new("cargo").args(["install", "--locked", "cargo-fuzz"])).map_err(|e| {
        format!(
            "installing cargo-fuzz failed ({e}); run `cargo install --locked cargo-fuzz` by hand"
        )
    })
}

/// `cargo +nightly fuzz …` in the repository root, with the variables of the outer (stable)
/// cargo removed so that they do not leak into the nightly build.
fn cargo_fuzz(root: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args(["+nightly", "fuzz"]).current_dir(root);
    for var in ["RUSTUP_TOOLCHAIN", "RUSTC", "RUSTDOC", "CARGO", "CARGO_TARGET_DIR", "RUSTFLAGS"] {
        cmd.env_remove(var);
    }
    cmd
}

fn status(cmd: &mut Command) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("could not start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(status.to_string())
    }
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
        assert_eq!(artifact(crash).as_deref(), Some("/r/fuzz/artifacts/fragment/crash-ab12"));
    }
}
