//! `cargo xtask <task>`: the project's build and test automation, in Rust (matklad's
//! cargo-xtask). It depends on the app's own library (the benchmark draws its static floors with
//! the app's own rendering) and on well-kept crates: `xshell` to run commands, `clap` for
//! options, `serde_json` for JSON, `scraper` for HTML, `walkdir` for directory trees, `sha2`
//! and `base64` for digests. Each task is a small function that shells out and checks the
//! status; every error says what to do about it.

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

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xshell::Shell;

/// `cargo xtask <task>`: the project's build, test and benchmark automation.
#[derive(Parser)]
#[command(bin_name = "cargo xtask")]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Install what is missing, then build and serve the app on http://127.0.0.1:8080
    Serve,
    /// Release build into dist/, then print the size of what a first visit fetches (fails over
    /// the 192 KiB gzip ceiling)
    Dist,
    /// Install what tests need, then fmt, clippy, native, wasm (Chromium) and e2e tests
    Test,
    /// Regenerate data/catalog.txt from data/reference/asa-releases.json
    Catalog,
    /// Rewrite index.html's first screen (the empty planner, painted before any script) from
    /// src/view/first_screen.rs
    FirstScreen,
    /// Run every fuzz target for SECS seconds each
    Fuzz {
        #[arg(default_value_t = 30)]
        secs: u64,
    },
    /// Benchmarks and audits (size, time to a plan, layout, interactions, Lighthouse, axe,
    /// criterion, the fleet command line): prints figures and writes BENCHMARKS.md
    Bench(bench::Options),
    /// (Run by Trunk's post_build hook) service worker, CSP hashes, build id
    PostBuild,
}

/// Rewrites index.html's first screen from `view::first_screen` (tests/first_screen.rs fails
/// when it is stale).
fn first_screen() -> Result<(), String> {
    use asa_planner::view::first_screen;
    let path = repo_root().join("index.html");
    let written = first_screen::write_into(&read(&path)?).ok_or_else(no_markers)?;
    write(&path, written)?;
    println!("xtask: index.html's first screen written");
    Ok(())
}

fn main() -> ExitCode {
    let task = Xtask::parse().task;
    tools::set_env();
    let result = match task {
        Task::Serve => serve::run(),
        Task::Dist => dist::run(),
        Task::Test => test::run(),
        Task::PostBuild => post_build::run(),
        Task::Catalog => catalog::run(&repo_root()),
        Task::FirstScreen => first_screen(),
        Task::Fuzz { secs } => fuzz::run(secs),
        Task::Bench(options) => bench::run(options),
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
    let sh = Shell::new().map_err(text)?;
    sh.change_dir(repo_root());
    Ok(sh)
}

/// xshell's error (`command not found: …`, `command exited with non-zero code …`) followed by
/// what to do about it.
pub fn fix(hint: impl std::fmt::Display) -> impl FnOnce(xshell::Error) -> String {
    move |e| format!("{e}\n{hint}")
}

/// What to say when index.html has lost `view::first_screen`'s markers.
pub fn no_markers() -> String {
    use asa_planner::view::first_screen::{BEGIN, END};
    format!("index.html has no `{BEGIN}` … `{END}` markers")
}

/// The message of an error that already names what failed (xshell's names the command or the
/// file, serde's the line and column).
pub fn text(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// A file's text; the error names the file.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes a file; the error names the file.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Cargo's target directory (`CARGO_TARGET_DIR`, else `target/` in the repository).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| repo_root().join("target"), PathBuf::from)
}

/// The repository root (xtask/..), whatever directory cargo was run from.
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
