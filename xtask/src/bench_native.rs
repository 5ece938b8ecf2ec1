//! The native part of `cargo xtask bench`: runs the criterion benchmarks of `benches/domain.rs`
//! and returns each benchmark's median, with the SPEC §12 budget where one applies.
//!
//! Criterion prints a mean-based estimate (and the throughput, shown as it runs); the median is
//! read with serde from the `estimates.json` it writes under
//! `<target>/criterion/<benchmark id>/new/`, the id from `benchmark.json` beside it. Arguments
//! are passed on to criterion (`cargo xtask bench --quick`, or a filter such as `layout`).

use crate::{fix, shell};
use serde::Deserialize;
use std::fs;
use std::path::Path;
use std::time::SystemTime;
use xshell::cmd;

/// One criterion benchmark: its id and median time per iteration.
pub struct NativeResult {
    pub id: String,
    pub median_ns: f64,
}

impl NativeResult {
    /// The SPEC §12 budget this benchmark checks: (limit ns, wording).
    pub fn budget(&self) -> Option<(f64, &'static str)> {
        let budget = match self.id.as_str() {
            "plan/all_pairs_builtin" => (50e6, "all-pairs plans ≤ 50 ms native"),
            "plan/all_pairs_builtin_guide_9x" => (50e6, "all-pairs plans under the 9.x guidance ≤ 50 ms native"),
            "fleet/view_1000" => (100e6, "1,000 pairs planned and their table written ≤ 100 ms native (the page adds drawing)"),
            _ => return None,
        };
        Some(budget)
    }
}

/// Runs the criterion benchmarks (arguments passed on) and returns their medians, in the order
/// criterion ran them.
pub fn measure(args: &[String]) -> Result<Vec<NativeResult>, String> {
    let (sh, started) = (shell()?, SystemTime::now());
    // Progress goes to stderr (shown live); results to stdout, shown once the run ends.
    let bench = cmd!(sh, "cargo bench --bench domain -- {args...}");
    println!("$ {bench}");
    let stdout = bench.read().map_err(fix(
        "the benchmarks did not build or run: the messages above say why",
    ))?;
    println!("{stdout}");
    let mut results = fresh_results(&crate::target_dir().join("criterion"), started);
    if results.is_empty() {
        return Err(
            "`cargo bench --bench domain` ran no benchmark (is the filter right?)".to_string(),
        );
    }
    results.sort_by_key(|r| stdout.find(r.id.as_str()).unwrap_or(usize::MAX));
    Ok(results)
}

/// criterion's `new/benchmark.json` (the field read here).
#[derive(Deserialize)]
struct Benchmark {
    full_id: String,
}

/// criterion's `new/estimates.json`: the median's point estimate, in nanoseconds.
#[derive(Deserialize)]
struct Estimates {
    median: Estimate,
}

#[derive(Deserialize)]
struct Estimate {
    point_estimate: f64,
}

/// Every benchmark whose `new/estimates.json` was written since `since`, under `criterion`,
/// with `benchmark.json` beside it; one whose files do not read is left out.
fn fresh_results(criterion: &Path, since: SystemTime) -> Vec<NativeResult> {
    let files = walkdir::WalkDir::new(criterion).into_iter().flatten();
    let estimates = files.filter(|e| e.path().ends_with("new/estimates.json"));
    let modified = |e: &walkdir::DirEntry| fs::metadata(e.path()).and_then(|m| m.modified());
    let fresh = estimates.filter(|e| modified(e).is_ok_and(|t| t >= since));
    let read = |path: &Path| fs::read_to_string(path).ok();
    let result = |e: walkdir::DirEntry| {
        let id = read(&e.path().with_file_name("benchmark.json"))?;
        let id = serde_json::from_str::<Benchmark>(&id).ok()?.full_id;
        let estimates = serde_json::from_str::<Estimates>(&read(e.path())?).ok()?;
        let median_ns = estimates.median.point_estimate;
        Some(NativeResult { id, median_ns })
    };
    fresh.filter_map(result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_criterions_output() {
        let dir = std::env::temp_dir().join(format!("xtask-criterion-{}", std::process::id()));
        let since = SystemTime::now() - std::time::Duration::from_secs(60);
        let estimates = r#"{"mean":{"point_estimate":1.5},"median":{"confidence_interval":{"lower_bound":2.9e3,"upper_bound":3.1e3},"point_estimate":2998.25}}"#;
        let plan = r#"{"group_id":"plan","throughput":null,"full_id":"plan/all_pairs_builtin"}"#;
        let parse = r#"{"full_id":"parse/builtin_spellings","throughput":{"Elements":2208}}"#;
        // A benchmark whose estimates do not read is left out, not guessed.
        for (path, benchmark, estimates) in [
            ("plan/all_pairs_builtin", plan, estimates),
            ("parse", parse, estimates),
            ("broken", parse, "{}"),
        ] {
            let new = dir.join(path).join("new");
            fs::create_dir_all(&new).unwrap();
            fs::write(new.join("benchmark.json"), benchmark).unwrap();
            fs::write(new.join("estimates.json"), estimates).unwrap();
        }
        let results = fresh_results(&dir, since).into_iter();
        let mut found: Vec<_> = results.map(|r| (r.id, r.median_ns)).collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let parse = ("parse/builtin_spellings".to_string(), 2998.25);
        let plan = ("plan/all_pairs_builtin".to_string(), 2998.25);
        assert_eq!(found, [parse, plan]);
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert!(fresh_results(&dir, later).is_empty());
        let _ = fs::remove_dir_all(&dir);
    }
}
