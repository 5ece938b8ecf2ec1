//! `cargo xtask test`: every check and test layer, in order, on a fresh machine:
//! format, clippy (native, then wasm), native tests, wasm-bindgen tests in headless Chromium,
//! then the end-to-end tests against two release builds served on loopback. Each layer's count
//! is parsed from its runner's summary; a layer that ran zero tests fails the run.

use crate::{dist, fix, repo_root, shell, tools};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;
use xshell::{cmd, Cmd, Shell};

const WASM: &str = "wasm32-unknown-unknown";
/// Browser tests are the integration tests named `tests/web_*.rs` (each `#![cfg(target_arch =
/// "wasm32")]`): the other test files use native-only crates (proptest) and do not compile for
/// wasm, so the wasm layer and its clippy name these by glob.
const WASM_TESTS: &str = "web_*";

/// What one layer ran.
struct Layer {
    name: &'static str,
    passed: u64,
    failed: u64,
    /// The runner itself failed (build error, crash) beyond the counted failures.
    runner_failed: bool,
}

impl Layer {
    /// Runs `cmd` with its standard output shown live and kept for `counts` (test runners
    /// print their summaries there); standard error goes straight to the terminal.
    fn run(name: &'static str, cmd: Cmd, counts: fn(&str) -> (u64, u64)) -> Result<Layer, String> {
        println!("$ {cmd}");
        let shown = cmd.to_string();
        let mut child = Command::from(cmd)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start `{shown}`: {e}"))?;
        let mut out = String::new();
        if let Some(stdout) = child.stdout.take() {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                println!("{line}");
                out += &line;
                out.push('\n');
            }
        }
        let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
        let (passed, failed) = counts(&out);
        let runner_failed = !status.success();
        Ok(Layer {
            name,
            passed,
            failed,
            runner_failed,
        })
    }

    fn ok(&self) -> bool {
        self.failed == 0 && !self.runner_failed && self.passed > 0
    }
}

pub fn run() -> Result<(), String> {
    let started = Instant::now();
    tools::ensure_test_tools()?;
    let sh = shell()?;
    cmd!(sh, "cargo fmt --all --check")
        .run()
        .map_err(fix("run `cargo fmt --all`"))?;
    let lints = "fix the warnings clippy printed above";
    let clippy = cmd!(
        sh,
        "cargo clippy --workspace --all-targets --locked -- -D warnings"
    );
    clippy.run().map_err(fix(lints))?;
    cmd!(sh, "cargo clippy -p asa-planner --target {WASM} --lib --bins --locked --test {WASM_TESTS} -- -D warnings")
        .run()
        .map_err(fix(lints))?;

    let native = cmd!(sh, "cargo test --workspace --locked");
    let wasm = cmd!(
        sh,
        "cargo test -p asa-planner --target {WASM} --locked --test {WASM_TESTS}"
    )
    .env("CHROMEDRIVER", tools::CHROMEDRIVER)
    .env("WASM_BINDGEN_USE_BROWSER", "1");
    let layers = [
        Layer::run("native (cargo test)", native, cargo_test_counts)?,
        Layer::run("wasm (headless Chromium)", wasm, cargo_test_counts)?,
        e2e_layer(&sh)?,
    ];

    println!("\n{:<28} {:>7} {:>7}", "layer", "passed", "failed");
    for layer in &layers {
        let note = match (layer.runner_failed, layer.passed + layer.failed) {
            (true, _) => "  (runner failed)",
            (false, 0) => "  (ran no tests)",
            _ => "",
        };
        let (name, passed, failed) = (layer.name, layer.passed, layer.failed);
        println!("{name:<28} {passed:>7} {failed:>7}{note}");
    }
    let passed: u64 = layers.iter().map(|l| l.passed).sum();
    let failed: u64 = layers.iter().map(|l| l.failed).sum();
    println!("(took {:.0} s)", started.elapsed().as_secs_f64());
    println!("{passed} passed, {failed} failed");
    let bad: Vec<&str> = layers.iter().filter(|l| !l.ok()).map(|l| l.name).collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("failing layers: {}", bad.join(", ")))
    }
}

/// Builds A (dist/) and B (the same app with opt-level "s", so its wasm and hashes differ) for
/// the redeploy tests, then runs `node --test` in tests/e2e against them.
fn e2e_layer(sh: &Shell) -> Result<Layer, String> {
    let root = repo_root();
    let (dist_a, dist_b) = (root.join("dist"), root.join("target").join("e2e-dist-b"));
    dist::build(&dist_a, &[])?;
    dist::build(&dist_b, &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "s")])?;
    let _in_e2e = sh.push_dir(tools::e2e_dir());
    let node = cmd!(sh, "node --test --test-reporter=spec")
        .env("E2E_DIST", &dist_a)
        .env("E2E_DIST_B", &dist_b)
        .env("CHROMIUM_PATH", tools::CHROMIUM);
    Layer::run("end-to-end (node --test)", node, node_test_counts)
}

/// Sums libtest's `test result: ok. 3 passed; 1 failed; …` lines (wasm-bindgen-test-runner
/// prints the same).
fn cargo_test_counts(output: &str) -> (u64, u64) {
    let lines = output
        .lines()
        .filter(|l| l.trim().starts_with("test result: "));
    // `ok. 3 passed`, `1 failed`, `0 ignored`: the number is the word before the label.
    let parts: Vec<&str> = lines.flat_map(|l| l.split(';')).map(str::trim).collect();
    let count = |label: &str| -> u64 {
        let before = parts.iter().filter_map(|p| p.strip_suffix(label));
        before
            .filter_map(|p| p.split(' ').next_back()?.parse::<u64>().ok())
            .sum()
    };
    (count(" passed"), count(" failed"))
}

/// Node's spec reporter ends with `ℹ pass 7`, `ℹ fail 0`, `ℹ cancelled 0` (tap: `# pass 7`).
fn node_test_counts(output: &str) -> (u64, u64) {
    let lines = output
        .lines()
        .map(|l| l.trim().trim_start_matches(['ℹ', '#']).trim());
    let count = |label: &str| -> u64 {
        let numbers = lines
            .clone()
            .filter_map(|l| l.strip_prefix(label)?.parse::<u64>().ok());
        numbers.sum()
    };
    (count("pass "), count("fail ") + count("cancelled "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_runners_summaries() {
        let out = "running 2 tests\ntest a ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                   test result: FAILED. 10 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out\n   Doc-tests x\ntest result: ok. 0 passed; 0 failed;";
        assert_eq!(cargo_test_counts(out), (12, 3));
        assert_eq!(cargo_test_counts("error: could not compile"), (0, 0));
        let out = "✔ offline (812ms)\nℹ tests 9\nℹ suites 0\nℹ pass 8\nℹ fail 1\nℹ cancelled 1\nℹ skipped 0\nℹ duration_ms 5000.2\n";
        assert_eq!(node_test_counts(out), (8, 2));
        assert_eq!(node_test_counts("# pass 4\n# fail 0\n"), (4, 0));
    }

    #[test]
    fn a_layer_with_no_tests_or_a_failed_runner_fails() {
        let layer = |passed, runner_failed| Layer {
            name: "x",
            passed,
            failed: 0,
            runner_failed,
        };
        assert!(!layer(0, false).ok());
        assert!(!layer(5, true).ok());
        assert!(layer(5, false).ok());
    }
}
