//! The native part of `cargo xtask bench` (called by `bench.rs`): runs the criterion benchmarks of `benches/domain.rs`
//! and prints each benchmark's median, with the SPEC §12 budget where one applies.
//!
//! Criterion prints a mean-based estimate; the median is read from the `estimates.json` it
//! writes under `<target>/criterion/<benchmark id>/new/`. Arguments are passed on to criterion
//! (`cargo xtask bench --quick`, or a filter such as `layout`).

use crate::repo_root;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

/// SPEC §12 budgets that a native benchmark measures: (benchmark id, limit in ns, wording).
const BUDGETS: [(&str, f64, &str); 3] = [
    (
        "plan/all_pairs_builtin",
        50e6,
        "all-pairs plans ≤ 50 ms native",
    ),
    (
        "plan/all_pairs_builtin_guide_9x",
        50e6,
        "all-pairs plans under the 9.x guidance ≤ 50 ms native",
    ),
    (
        "fleet/view_1000",
        100e6,
        "1,000 pairs planned and their table written ≤ 100 ms native (the page adds drawing)",
    ),
];

/// One criterion benchmark: its id, median time per iteration and, when it declared a
/// throughput, the elements one iteration handles.
pub struct NativeResult {
    pub id: String,
    pub median_ns: f64,
    pub elements: Option<u64>,
}

impl NativeResult {
    /// Elements per second at the median, when the benchmark has a throughput.
    pub fn per_second(&self) -> Option<f64> {
        self.elements
            .filter(|_| self.median_ns > 0.0)
            .map(|n| n as f64 * 1e9 / self.median_ns)
    }

    /// The SPEC §12 budget this benchmark checks: (limit ns, wording).
    pub fn budget(&self) -> Option<(f64, &'static str)> {
        BUDGETS
            .iter()
            .find(|(b, _, _)| *b == self.id)
            .map(|&(_, limit, words)| (limit, words))
    }
}

/// Runs the criterion benchmarks (arguments passed on), prints the medians and returns them.
pub fn measure(args: &[String]) -> Result<Vec<NativeResult>, String> {
    let root = repo_root();
    let started = SystemTime::now();
    let mut cmd = Command::new("cargo");
    cmd.args(["bench", "--bench", "domain", "--"])
        .args(args)
        .current_dir(&root);
    println!("$ cargo bench --bench domain -- {}", args.join(" "));
    // Progress goes to stderr (shown live); results to stdout, shown once the run ends.
    let output = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    if !output.status.success() {
        return Err(format!(
            "`cargo bench --bench domain` failed ({})",
            output.status
        ));
    }
    let mut results = fresh_results(&target_dir(&root).join("criterion"), started);
    if results.is_empty() {
        return Err(
            "`cargo bench --bench domain` ran no benchmark (is the filter right?)".to_string(),
        );
    }
    // In the order criterion ran them (their ids appear in its report in that order).
    results.sort_by_key(|r| stdout.find(r.id.as_str()).unwrap_or(usize::MAX));
    println!("\n{:<32} {:>12}  budget", "benchmark", "median");
    for r in &results {
        let budget = r.budget().map_or(String::new(), |(limit, words)| {
            let verdict = if r.median_ns <= limit {
                "within"
            } else {
                "OVER"
            };
            format!("{verdict} ({words})")
        });
        println!("{:<32} {:>12}  {budget}", r.id, human(r.median_ns));
    }
    Ok(results)
}

/// Every benchmark whose `new/estimates.json` was written since `since`.
/// Walks the criterion directory with an explicit stack.
fn fresh_results(criterion: &Path, since: SystemTime) -> Vec<NativeResult> {
    let mut results = Vec::new();
    let mut stack = vec![criterion.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "report") {
                stack.push(path);
            }
        }
        let estimates = dir.join("new").join("estimates.json");
        let fresh = fs::metadata(&estimates)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if !fresh {
            continue;
        }
        let benchmark = fs::read_to_string(dir.join("new").join("benchmark.json")).ok();
        let id = benchmark.as_deref().and_then(full_id);
        let elements = benchmark.as_deref().and_then(elements);
        let median = fs::read_to_string(&estimates)
            .ok()
            .and_then(|j| median_ns(&j));
        if let (Some(id), Some(median_ns)) = (id, median) {
            results.push(NativeResult {
                id,
                median_ns,
                elements,
            });
        }
    }
    results
}

/// The value at `pointer` (`/median/point_estimate`) of a JSON file criterion wrote.
fn json_at(json: &str, pointer: &str) -> Option<serde_json::Value> {
    let mut value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.pointer_mut(pointer).map(serde_json::Value::take)
}

/// `full_id` of criterion's `benchmark.json` (`plan/all_pairs_builtin`).
fn full_id(json: &str) -> Option<String> {
    json_at(json, "/full_id")?.as_str().map(str::to_string)
}

/// `throughput.Elements` of criterion's `benchmark.json` (the throughput is `null` when the
/// benchmark declared none).
fn elements(json: &str) -> Option<u64> {
    json_at(json, "/throughput/Elements")?.as_u64()
}

/// `median.point_estimate` (nanoseconds) of criterion's `estimates.json`.
fn median_ns(json: &str) -> Option<f64> {
    json_at(json, "/median/point_estimate")?.as_f64()
}

pub fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.2} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.0} ns"),
    }
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_criterions_output() {
        let bench = r#"{"group_id":"plan","function_id":"all_pairs_builtin","value_str":null,"throughput":null,"full_id":"plan/all_pairs_builtin","directory_name":"plan/all_pairs_builtin","title":"plan/all_pairs_builtin"}"#;
        assert_eq!(full_id(bench).as_deref(), Some("plan/all_pairs_builtin"));
        assert_eq!(full_id("{}"), None);
        assert_eq!(elements(bench), None);
        let with = r#"{"full_id":"parse/builtin_spellings","throughput":{"Elements":2208}}"#;
        assert_eq!(elements(with), Some(2208));
        let json = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":1.5,"standard_error":0.1},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":2.9e3,"upper_bound":3.1e3},"point_estimate":2998.25,"standard_error":3.0}}"#;
        assert_eq!(median_ns(json), Some(2998.25));
        assert_eq!(median_ns("{}"), None);
        assert_eq!(human(2998.25), "3.00 µs");
        assert_eq!(human(88.1e6), "88.10 ms");
    }
}
