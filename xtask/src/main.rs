//! `cargo xtask <task>`: the project's build and test automation, in Rust (matklad's
//! cargo-xtask). It depends on the app's own library (the benchmark draws its static page from
//! the domain) and on well-kept crates: `xshell` to run commands, `serde_json` for JSON, `toml`
//! for Cargo.lock, `sha2` and `base64` for digests. Each task is a small function that shells
//! out and checks the status; every error says what to do about it.

mod bench;
mod bench_fleet;
mod bench_native;
mod bench_report;
mod bench_size;
mod bench_static;
mod catalog;
mod dist;
mod fuzz;
mod post_build;
mod serve;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;
use xshell::Shell;

const HELP: &str = "\
usage: cargo xtask <task>

tasks:
  serve         install what is missing, then build and serve the app on http://127.0.0.1:8080
  dist          release build into dist/, then print each file's raw and gzip size
  test          install what tests need, then fmt, clippy, native, wasm (Chromium) and e2e tests
  catalog       regenerate data/catalog.txt from data/reference/asa-releases.json
  first-screen  rewrite index.html's first screen (the empty planner, painted before any
                script) from src/view/first_screen.rs
  fuzz [secs]   run every fuzz target for secs seconds each
  bench         benchmarks and audits (size, time to a plan, layout, Lighthouse, axe):
                prints figures and writes BENCHMARKS.md; fails over the 192 KiB budget
  post-build    (run by Trunk's post_build hook) service worker, CSP hashes, build id
";

/// Rewrites index.html's first screen from `view::first_screen` (tests/first_screen.rs fails
/// when it is stale).
fn first_screen() -> Result<(), String> {
    use asa_planner::view::first_screen;
    let path = repo_root().join("index.html");
    let index = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let written = first_screen::write_into(&index).ok_or_else(|| {
        format!(
            "{} has no `{}` … `{}` markers",
            path.display(),
            first_screen::BEGIN,
            first_screen::END
        )
    })?;
    std::fs::write(&path, written).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("xtask: index.html's first screen written");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    tools::set_path();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(),
        Some("dist") => dist::run(),
        Some("test") => test::run(),
        Some("post-build") => post_build::run(),
        Some("catalog") => catalog::run(),
        Some("first-screen") => first_screen(),
        Some("fuzz") => fuzz::run(rest),
        Some("bench") => bench::run(rest),
        Some("help" | "-h" | "--help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A shell in the repository root, where every task's commands run (xshell prints each
/// command before running it and fails on a non-zero exit).
pub fn shell() -> Result<Shell, String> {
    let sh = Shell::new().map_err(|e| e.to_string())?;
    sh.change_dir(repo_root());
    Ok(sh)
}

/// xshell's error (`command not found: …`, `command exited with non-zero code …`) followed by
/// what to do about it.
pub fn fix(hint: impl std::fmt::Display) -> impl FnOnce(xshell::Error) -> String {
    move |e| format!("{e}\n{hint}")
}

/// The repository root (xtask/..), whatever directory cargo was run from.
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
