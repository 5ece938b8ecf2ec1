//! `cargo xtask fuzz [secs]`: runs every cargo-fuzz target of `fuzz/` (as `cargo fuzz list`
//! names them) for `secs` seconds each (default 30) and reports executions and crashes per
//! target. Exits non-zero on a crash.
//!
//! Needs the nightly toolchain (installed on the project's machines) and cargo-fuzz, which is
//! installed by package name when missing. libFuzzer's output goes to `fuzz/logs/<target>.log`
//! (not in artifacts/: cargo-fuzz reports the newest file there as the failing input); a crash
//! prints the end of that log, which names the input's file.

use crate::{fix, repo_root, shell, text, tools};
use xshell::{cmd, Cmd};

pub fn run(secs: u64) -> Result<(), String> {
    let (root, sh) = (repo_root(), shell()?);
    if tools::probe(cmd!(sh, "cargo +nightly fuzz --version")).is_none() {
        tools::install("cargo-fuzz", cmd!(sh, "cargo install --locked cargo-fuzz"))?;
    }
    let built = nightly(cmd!(sh, "cargo +nightly fuzz build --release")).run();
    built.map_err(fix(
        "building the fuzz targets failed: the messages above say why",
    ))?;
    let targets = nightly(cmd!(sh, "cargo +nightly fuzz list")).read();
    let targets = targets.map_err(text)?;
    let logs = root.join("fuzz").join("logs");
    let mut table = format!("\n{:<12} {:>14}  result\n", "target", "executions");
    let mut crashed = Vec::new();
    for target in targets.lines() {
        println!("fuzzing {target} for {secs} s …");
        let corpus = root.join("fuzz").join("corpus").join(target);
        sh.create_dir(&logs).map_err(text)?;
        sh.create_dir(&corpus).map_err(text)?;
        let time = format!("-max_total_time={secs}");
        let dict = root.join(format!("fuzz/dicts/{target}.dict"));
        let dict = format!("-dict={}", dict.display());
        // Fragments up to the 8 KiB limit and a little over it; the other inputs are short.
        let max_len = (target == "fragment").then(|| format!("-max_len={}", 9 * 1024));
        let run = cmd!(sh, "cargo +nightly fuzz run --release {target} {corpus} -- {time} {dict} -print_final_stats=1 {max_len...}");
        let out = nightly(run).quiet().ignore_status().output();
        let out = out.map_err(text)?;
        let log = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        let log_path = logs.join(format!("{target}.log"));
        crate::write(&log_path, log.as_bytes())?;
        let runs = executions(&log).map_or("?".to_string(), |n| n.to_string());
        println!("  {runs} executions");
        let result = if out.status.success() {
            "no crash".to_string()
        } else {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            tail.iter().rev().for_each(|line| eprintln!("  {line}"));
            crashed.push(target);
            format!("CRASH (see {})", log_path.display())
        };
        table += &format!("{target:<12} {runs:>14}  {result}\n");
    }
    println!("{table}");
    match crashed.as_slice() {
        [] if targets.trim().is_empty() => Err("`cargo fuzz list` names no target".to_string()),
        [] => Ok(()),
        _ => Err(format!(
            "fuzz targets crashed: {}. Reproduce with `cargo +nightly fuzz run <target> <input file>` in the repository root",
            crashed.join(", ")
        )),
    }
}

/// libFuzzer's last line, `Done 12345 runs in 30 second(s)`, or its final stats
/// `stat::number_of_executed_units: 12345` when the run stopped early.
fn executions(log: &str) -> Option<u64> {
    let done = |line: &str| line.strip_prefix("Done ")?.split(' ').next()?.parse().ok();
    let stat = |line: &str| {
        let n = line.strip_prefix("stat::number_of_executed_units:")?;
        n.trim().parse().ok()
    };
    let last = |read: &dyn Fn(&str) -> Option<u64>| log.lines().rev().find_map(|l| read(l.trim()));
    last(&done).or_else(|| last(&stat))
}

/// `cmd` (a `cargo +nightly fuzz …`) without the variables of the outer (stable) cargo, so that
/// they do not leak into the nightly build.
fn nightly(cmd: Cmd<'_>) -> Cmd<'_> {
    let outer = [
        "RUSTUP_TOOLCHAIN",
        "RUSTC",
        "RUSTDOC",
        "CARGO",
        "CARGO_TARGET_DIR",
        "RUSTFLAGS",
    ];
    outer.iter().fold(cmd, |cmd, var| cmd.env_remove(var))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_summary() {
        let log = "#1048576\tpulse  cov: 300 ft: 900 corp: 80/1Kb exec/s: 34952 rss: 60Mb\n\
                   Done 1048577 runs in 31 second(s)\nstat::number_of_executed_units: 1048577\n";
        assert_eq!(executions(log), Some(1_048_577));
        let crash = "thread '<unnamed>' panicked at src/domain/query.rs:10:5:\n==123== ERROR: libFuzzer: deadly signal\n\
                     stat::number_of_executed_units: 4242\n";
        assert_eq!(executions(crash), Some(4242));
        assert_eq!(executions("INFO: Seed: 1\n"), None);
    }
}
