//! `cargo xtask dist`: the release build into dist/ and its size table (`bench_size`).

use crate::{fix, repo_root, shell, tools};
use std::path::Path;
use xshell::cmd;

/// The fleet view's page (its own Trunk target and wasm), written beside index.html.
pub const FLEET_PAGE: &str = "fleet.html";

/// Builds dist/ and prints the size table. Over the ceiling it says so, but the build in dist/
/// is complete and usable either way, so `dist` succeeds; `cargo xtask bench` is the gate that
/// fails over the ceiling (SPEC §12 checks bytes by benchmarks).
pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    let dist = repo_root().join("dist");
    build(&dist, &[])?;
    let sizes = crate::bench_size::measure(&dist)?;
    println!("\n{}", crate::bench_size::table(&sizes));
    if let Err(over) = crate::bench_size::check(&sizes) {
        println!("warning: {over}");
    }
    Ok(())
}

/// Dependencies fetched once, online, so every later cargo call (Trunk's included) can be offline.
pub fn fetch() -> Result<(), String> {
    let sh = shell()?;
    cmd!(sh, "cargo fetch --locked").run().map_err(fix(
        "cargo could not fetch the locked dependencies: check the network, or run `cargo update` if Cargo.lock is stale",
    ))
}

/// `trunk build --release --offline` of the planner's page into `dist` and of the fleet view's
/// page (`fleet.html`) beside it (with `env` for both builds, e.g. a different profile), then
/// the build id and `sw.js` over the two (`post_build::stamp`), then checks the layout.
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
    let name = dist.file_name().unwrap_or_default().to_string_lossy();
    let fleet = repo_root()
        .join("target/trunk-fleet")
        .join(format!("{name}-fleet"));
    trunk(FLEET_PAGE, &fleet)?;
    for name in list(&fleet)? {
        let to = match name.as_str() {
            "index.html" => dist.join(FLEET_PAGE),
            // The one sw.js is written over both pages below.
            "sw.js" => continue,
            _ => dist.join(&name),
        };
        sh.copy_file(fleet.join(&name), to).map_err(crate::text)?;
    }
    crate::post_build::stamp(dist, &["index.html", FLEET_PAGE])?;
    check_layout(dist)
}

/// Checks that `dist` holds index.html, fleet.html, sw.js and exactly one planner wasm with its
/// glue (Trunk names them after the crate: `asa-planner-<hash>_bg.wasm`, `…-<hash>.js`).
pub fn check_layout(dist: &Path) -> Result<(), String> {
    let names = list(dist)?;
    let planner = |ext: &str| {
        let named = |n: &&String| n.starts_with("asa-planner-") && n.ends_with(ext);
        names.iter().filter(named).count()
    };
    let (wasm, js) = (planner(".wasm"), planner(".js"));
    if (wasm, js) != (1, 1) {
        let dist = dist.display();
        return Err(format!(
            "{dist} must hold exactly one asa-planner-*.wasm and one asa-planner-*.js, found {wasm} and {js}"
        ));
    }
    let needed = ["index.html", FLEET_PAGE, "sw.js"];
    let missing = needed
        .into_iter()
        .find(|needed| !names.iter().any(|n| n == needed));
    match missing.map(|name| dist.join(name)) {
        Some(path) => Err(format!("{} is missing after the build", path.display())),
        None => Ok(()),
    }
}

/// The names of the files directly in `dir`, sorted, without Trunk's hidden `.trunk-lock` and
/// `.stage`.
pub fn list(dir: &Path) -> Result<Vec<String>, String> {
    // xshell's `read_dir` sorts, and its error names the directory.
    let paths = shell()?.read_dir(dir).map_err(crate::text)?;
    let files = paths.into_iter().filter(|p| p.is_file());
    let names = files.filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned()));
    Ok(names.filter(|n| !n.starts_with('.')).collect())
}
