//! `cargo xtask dist`: the release build into dist/ and a size report (raw and gzip -9).

use crate::{fix, repo_root, shell, tools};
use std::path::{Path, PathBuf};
use xshell::cmd;

/// Trunk names the app's files after the crate: `asa-planner-<hash>.js`, `…_bg.wasm`.
const APP_PREFIX: &str = "asa-planner-";

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    let dist = repo_root().join("dist");
    build(&dist, &[])?;
    report(&dist)
}

/// Dependencies fetched once, online, so every later cargo call (Trunk's included) can be offline.
pub fn fetch() -> Result<(), String> {
    let sh = shell()?;
    cmd!(sh, "cargo fetch --locked").run().map_err(fix(
        "cargo could not fetch the locked dependencies: check the network, or run `cargo update` if Cargo.lock is stale",
    ))
}

/// The fleet view's page (its own Trunk target and wasm), written beside index.html.
pub const FLEET_PAGE: &str = "fleet.html";

/// `trunk build --release --offline` of the planner's page into `dist` and of the fleet view's
/// page (`fleet.html`) beside it (with `env` for both builds, e.g. a different profile), then
/// the build id and `sw.js` over the two (`post_build::stamp`), then checks the layout:
/// index.html, exactly one planner .wasm and its .js, fleet.html, sw.js.
pub fn build(dist: &Path, env: &[(&str, &str)]) -> Result<(), String> {
    fetch()?;
    let sh = shell()?;
    let trunk = |target: &str, out: &Path| {
        cmd!(sh, "trunk build --release --offline --locked --dist {out} {target}")
            .envs(env.iter().copied())
            .run()
            .map_err(fix("the release build failed: the messages above say why (`cargo xtask dist` installs trunk when it is missing)"))
    };
    trunk("index.html", dist)?;
    // Trunk replaces the whole of its dist dir: the fleet page is built apart, then copied in.
    let name = dist
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fleet = repo_root()
        .join("target")
        .join("trunk-fleet")
        .join(format!("{name}-fleet"));
    trunk(FLEET_PAGE, &fleet)?;
    for file in list(&fleet)? {
        let Some(file_name) = file.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let to = match file_name.as_str() {
            "index.html" => dist.join(FLEET_PAGE),
            // The one sw.js is written over both pages below.
            "sw.js" => continue,
            _ => dist.join(&file_name),
        };
        std::fs::copy(&file, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", file.display(), to.display()))?;
    }
    crate::post_build::stamp(dist, &["index.html", FLEET_PAGE])?;
    check_layout(dist).map(|_| ())
}

/// The wasm file of a dist dir, after checking it is alone and has its glue next to it (Trunk
/// hashes the two separately: the glue is the one `.js` named after the crate).
pub fn check_layout(dist: &Path) -> Result<PathBuf, String> {
    let (wasm, _glue) = app_files(dist)?;
    for needed in [
        dist.join("index.html"),
        dist.join(FLEET_PAGE),
        dist.join("sw.js"),
    ] {
        if !needed.is_file() {
            return Err(format!("{} is missing after the build", needed.display()));
        }
    }
    Ok(wasm)
}

/// The app's wasm and its JS glue in `dist` (exactly one of each).
pub fn app_files(dist: &Path) -> Result<(PathBuf, PathBuf), String> {
    let files = list(dist)?;
    let named = |ext: &str| -> Vec<&PathBuf> {
        files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(APP_PREFIX))
            })
            .collect()
    };
    let (wasm, glue) = (named("wasm"), named("js"));
    let ([wasm], [glue]) = (wasm.as_slice(), glue.as_slice()) else {
        return Err(format!(
            "{} must hold exactly one {APP_PREFIX}*.wasm and one {APP_PREFIX}*.js, found {} and {}",
            dist.display(),
            wasm.len(),
            glue.len()
        ));
    };
    Ok((wasm.to_path_buf(), glue.to_path_buf()))
}

/// Files directly in `dir`, sorted, without Trunk's hidden `.trunk-lock`/`.stage`.
pub fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Prints the size table (`bench_size`) and, over the ceiling, says so: the build in dist/ is
/// complete and usable either way, so `dist` succeeds; `cargo xtask bench` is the gate that fails
/// over the ceiling (SPEC §12 checks bytes by benchmarks).
pub fn report(dist: &Path) -> Result<(), String> {
    let sizes = crate::bench_size::measure(dist)?;
    println!("\n{}", crate::bench_size::table(&sizes));
    if let Err(over) = crate::bench_size::check(&sizes) {
        println!("warning: {over}");
    }
    Ok(())
}
