//! `cargo xtask test`: every check and test layer, in order, on a fresh machine:
//! format, clippy (native, then wasm), native tests, wasm-bindgen tests in headless Chromium,
//! then the end-to-end tests against two release builds served on loopback. Each layer's count
//! is parsed from its runner's summary; a layer that ran zero tests fails the run.

use crate::{dist, fix, repo_root, shell, tools};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
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
    fn ok(&self) -> bool {
        self.failed == 0 && !self.runner_failed && self.passed > 0
    }
}

pub fn run() -> Result<(), String> {
    let started = Instant::now();
    tools::ensure_test_tools()?;
    let root = repo_root();
    let sh = shell()?;
    cmd!(sh, "cargo fmt --all --check")
        .run()
        .map_err(fix("run `cargo fmt --all`"))?;
    let lints = "fix the warnings clippy printed above";
    cmd!(
        sh,
        "cargo clippy --workspace --all-targets --locked -- -D warnings"
    )
    .run()
    .map_err(fix(lints))?;
    let wasm_tests = has_wasm_tests(&root);
    let only_web = if wasm_tests {
        &["--test", WASM_TESTS][..]
    } else {
        &[]
    };
    cmd!(sh, "cargo clippy -p asa-planner --target {WASM} --lib --bins --locked {only_web...} -- -D warnings")
        .run()
        .map_err(fix(lints))?;

    let layers = [
        native_tests(&sh)?,
        wasm_tests_layer(&sh, wasm_tests)?,
        e2e_layer(&sh)?,
    ];

    println!("\n{:<28} {:>7} {:>7}", "layer", "passed", "failed");
    for layer in &layers {
        let note = match (layer.runner_failed, layer.passed + layer.failed) {
            (true, _) => "  (runner failed)",
            (false, 0) => "  (ran no tests)",
            _ => "",
        };
        println!(
            "{:<28} {:>7} {:>7}{note}",
            layer.name, layer.passed, layer.failed
        );
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

/// Runs `cmd` showing its standard output live and also returning it (test runners print their
/// summaries there), with whether it succeeded; standard error goes straight to the terminal.
fn run_tee(cmd: Cmd) -> Result<(bool, String), String> {
    println!("$ {cmd}");
    let shown = cmd.to_string();
    let mut child = Command::from(cmd)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let mut text = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            text.push_str(&line);
            text.push('\n');
        }
    }
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    Ok((status.success(), text))
}

fn has_wasm_tests(root: &Path) -> bool {
    std::fs::read_dir(root.join("tests"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("web_") && name.ends_with(".rs")
        })
}

fn native_tests(sh: &Shell) -> Result<Layer, String> {
    let (ok, out) = run_tee(cmd!(sh, "cargo test --workspace --locked"))?;
    let (passed, failed) = cargo_test_counts(&out);
    Ok(Layer {
        name: "native (cargo test)",
        passed,
        failed,
        runner_failed: !ok,
    })
}

fn wasm_tests_layer(sh: &Shell, present: bool) -> Result<Layer, String> {
    let name = "wasm (headless Chromium)";
    if !present {
        println!("xtask: no browser tests (tests/{WASM_TESTS}.rs)");
        return Ok(Layer {
            name,
            passed: 0,
            failed: 0,
            runner_failed: false,
        });
    }
    let test = cmd!(
        sh,
        "cargo test -p asa-planner --target {WASM} --locked --test {WASM_TESTS}"
    )
    .env("CHROMEDRIVER", tools::CHROMEDRIVER)
    .env("WASM_BINDGEN_USE_BROWSER", "1");
    let (ok, out) = run_tee(test)?;
    let (passed, failed) = cargo_test_counts(&out);
    Ok(Layer {
        name,
        passed,
        failed,
        runner_failed: !ok,
    })
}

/// Builds A (dist/) and B (the same app with opt-level "s", so its wasm and hashes differ) for
/// the redeploy tests, then runs `node --test` in tests/e2e against them.
fn e2e_layer(sh: &Shell) -> Result<Layer, String> {
    let root = repo_root();
    let dist_a = root.join("dist");
    let dist_b: PathBuf = root.join("target").join("e2e-dist-b");
    dist::build(&dist_a, &[])?;
    dist::build(&dist_b, &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "s")])?;
    let _in_e2e = sh.push_dir(tools::e2e_dir());
    let node = cmd!(sh, "node --test --test-reporter=spec")
        .env("E2E_DIST", &dist_a)
        .env("E2E_DIST_B", &dist_b)
        .env("CHROMIUM_PATH", tools::CHROMIUM);
    let (ok, out) = run_tee(node)?;
    let (passed, failed) = node_test_counts(&out);
    Ok(Layer {
        name: "end-to-end (node --test)",
        passed,
        failed,
        runner_failed: !ok,
    })
}

/// Sums libtest's `test result: ok. 3 passed; 1 failed; …` lines (wasm-bindgen-test-runner
/// prints the same).
fn cargo_test_counts(output: &str) -> (u64, u64) {
    output
        .lines()
        .filter_map(|line| line.trim().strip_prefix("test result: "))
        .fold((0, 0), |(p, f), rest| {
            (
                p + count_before(rest, " passed"),
                f + count_before(rest, " failed"),
            )
        })
}

/// The number just before `label` (`… 12 passed; …` → 12), 0 when absent.
fn count_before(text: &str, label: &str) -> u64 {
    text.find(label)
        .and_then(|end| {
            text[..end]
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

/// Node's spec reporter ends with `ℹ pass 7`, `ℹ fail 0`, `ℹ cancelled 0` (tap: `# pass 7`).
fn node_test_counts(output: &str) -> (u64, u64) {
    let mut passed = 0;
    let mut failed = 0;
    for line in output.lines() {
        let line = line.trim().trim_start_matches(['ℹ', '#']).trim();
        let mut words = line.split_whitespace();
        let (Some(key), Some(value), None) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = value.parse::<u64>() else {
            continue;
        };
        match key {
            "pass" => passed = n,
            "fail" | "cancelled" => failed += n,
            _ => {}
        }
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_libtest_summaries() {
        let out = "running 2 tests\ntest a ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                   test result: FAILED. 10 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out\n   Doc-tests x\ntest result: ok. 0 passed; 0 failed;";
        assert_eq!(cargo_test_counts(out), (12, 3));
        assert_eq!(cargo_test_counts("error: could not compile"), (0, 0));
    }

    #[test]
    fn counts_node_summaries() {
        let out = "✔ offline (812ms)\nℹ tests 9\nℹ suites 0\nℹ pass 8\nℹ fail 1\nℹ cancelled 1\nℹ skipped 0\nℹ duration_ms 5000.2\n";
        assert_eq!(node_test_counts(out), (8, 2));
        assert_eq!(node_test_counts("# pass 4\n# fail 0\n"), (4, 0));
    }

    #[test]
    fn a_layer_with_no_tests_fails() {
        let empty = Layer {
            name: "x",
            passed: 0,
            failed: 0,
            runner_failed: false,
        };
        let broken = Layer {
            name: "x",
            passed: 5,
            failed: 0,
            runner_failed: true,
        };
        let good = Layer {
            name: "x",
            passed: 5,
            failed: 0,
            runner_failed: false,
        };
        assert!(!empty.ok());
        assert!(!broken.ok());
        assert!(good.ok());
    }
}
