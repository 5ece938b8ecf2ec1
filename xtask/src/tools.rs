//! Installing what the tasks need, idempotently and only by package name: a tool already there at
//! the right version is left alone, so a second run installs nothing. A tool that cannot be
//! installed stops the task with the command to install it by hand.

use crate::{fix, repo_root, shell};
use std::path::{Path, PathBuf};
use std::time::Instant;
use xshell::{cmd, Cmd};

/// Trunk release that builds on the pinned rustc (newer ones need a newer toolchain).
pub const TRUNK_VERSION: &str = "0.22.1";
/// hyperfine release that builds on the pinned rustc (2.x needs a newer toolchain).
const HYPERFINE_VERSION: &str = "1.20.0";
/// The WebAssembly target the app is built for.
const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's browser and its WebDriver, for wasm-bindgen-test and the end-to-end tests.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where `npm ci` puts the e2e packages (playwright-core, axe-core, binaryen's wasm-opt).
pub fn e2e_dir() -> PathBuf {
    repo_root().join("tests").join("e2e")
}

/// Everything `trunk build`/`trunk serve` need, offline.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    let what = "npm packages for tests/e2e (playwright-core, axe-core, binaryen)";
    npm_ci(&e2e_dir(), what)
}

/// Build tools plus the browser the tests drive.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    apt_install(
        "Chromium and chromedriver",
        &["chromium", "chromium-driver"],
    )
}

/// Puts cargo's bin dir (installed trunk, wasm-bindgen) and the e2e packages' bin dir (wasm-opt)
/// first on PATH for every child process. Every wasm build names the dependencies' sources
/// `/registry/…` in its panic locations, not `<cargo home>/registry/src/…`: a person's build
/// then has the same bytes as CI's, whoever and wherever they are.
pub fn set_env() {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from);
    let home = home.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let home = home.unwrap_or_else(|| PathBuf::from(".cargo"));
    let sources = home.join("registry/src").display().to_string();
    let remap = format!("--remap-path-prefix={sources}=/registry");
    std::env::set_var("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", remap);
    let npm_bin = e2e_dir().join("node_modules/.bin");
    let mut dirs = vec![npm_bin, home.join("bin")];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", joined);
    }
}

/// Runs an install step, timing it (the cold cost of each step is worth knowing).
pub fn install(what: &str, cmd: Cmd) -> Result<(), String> {
    println!("xtask: installing {what}");
    let started = Instant::now();
    let shown = cmd.to_string();
    let by_hand = format!("installing {what} failed; install it by hand with `{shown}`");
    cmd.run().map_err(fix(by_hand))?;
    let took = started.elapsed().as_secs_f64();
    println!("xtask: installed {what} in {took:.1} s");
    Ok(())
}

/// The wasm target of the toolchain in use (rust-toolchain.toml lists it, so rustup normally
/// installed it with the toolchain).
fn ensure_wasm_target() -> Result<(), String> {
    let sh = shell()?;
    let sysroot = probe(cmd!(sh, "rustc --print sysroot")).unwrap_or_default();
    let target = Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(WASM_TARGET);
    if target.is_dir() {
        return Ok(());
    }
    let what = format!("the {WASM_TARGET} target");
    install(&what, cmd!(sh, "rustup target add {WASM_TARGET}"))
}

/// The second word of `<tool> --version` (`trunk 0.22.1`, `wasm-bindgen 0.2.130`).
fn installed_version(tool: &str) -> Option<String> {
    let sh = shell().ok()?;
    let out = probe(cmd!(sh, "{tool} --version"))?;
    out.split_whitespace().nth(1).map(str::to_string)
}

/// Runs `cmd` (a `cargo install`) unless `<tool> --version` already says `version`.
fn cargo_install(tool: &str, version: &str, cmd: Cmd) -> Result<(), String> {
    if installed_version(tool).as_deref() == Some(version) {
        return Ok(());
    }
    install(&format!("{tool} {version}"), cmd)
}

fn ensure_trunk() -> Result<(), String> {
    // LTO off and many codegen units: the install takes minutes instead of a quarter hour.
    let sh = shell()?;
    let cmd = cmd!(
        sh,
        "cargo install --locked --ignore-rust-version trunk --version {TRUNK_VERSION}"
    )
    .env("CARGO_PROFILE_RELEASE_LTO", "false")
    .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    cargo_install("trunk", TRUNK_VERSION, cmd)
}

/// hyperfine, which times the command line (`cargo xtask bench` only).
pub fn ensure_hyperfine() -> Result<(), String> {
    let sh = shell()?;
    let version = ["--version", HYPERFINE_VERSION];
    let cmd = cmd!(sh, "cargo install --locked hyperfine {version...}");
    cargo_install("hyperfine", HYPERFINE_VERSION, cmd)
}

/// The version of `package` recorded in Cargo.lock, as cargo reads it (`cargo pkgid` prints
/// `<source>#<name>@<version>`).
fn locked_version(package: &str) -> Result<String, String> {
    let sh = shell()?;
    let missing = format!("{package} must be in Cargo.lock once; run `cargo generate-lockfile`");
    let id = cmd!(sh, "cargo pkgid --offline {package}").quiet().read();
    let id = id.map_err(fix(&missing))?;
    let version = id.rsplit_once('@').map(|(_, version)| version.to_string());
    version.ok_or(missing)
}

/// wasm-bindgen-cli must match the wasm-bindgen crate exactly (the glue format changes between
/// versions), and Trunk.toml must name the same version or Trunk would try a download.
fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = locked_version("wasm-bindgen")?;
    let trunk_toml = std::fs::read_to_string(repo_root().join("Trunk.toml")).unwrap_or_default();
    if !trunk_toml.contains(&format!("wasm_bindgen = \"{wanted}\"")) {
        return Err(format!(
            "Trunk.toml's [tools] wasm_bindgen is not {wanted} (the version in Cargo.lock); set \
             `wasm_bindgen = \"{wanted}\"` there"
        ));
    }
    let has = |tool| installed_version(tool).as_deref() == Some(wanted.as_str());
    if has("wasm-bindgen") && has("wasm-bindgen-test-runner") {
        return Ok(());
    }
    let sh = shell()?;
    let cmd = cmd!(sh, "cargo install wasm-bindgen-cli --version {wanted}");
    install(&format!("wasm-bindgen-cli {wanted}"), cmd)
}

/// `npm ci` in `dir`, skipped when its node_modules was installed from this very lockfile (a
/// stamp of the lockfile's digest is kept in node_modules).
pub fn npm_ci(dir: &Path, what: &str) -> Result<(), String> {
    let lock = crate::read(&dir.join("package-lock.json"))?;
    let stamp_path = dir.join("node_modules").join(".xtask-lock-sha256");
    let stamp = crate::post_build::hex(lock.as_bytes());
    if std::fs::read_to_string(&stamp_path).ok().as_deref() == Some(stamp.as_str()) {
        return Ok(());
    }
    let sh = shell()?;
    if probe(cmd!(sh, "npm --version")).is_none() {
        apt_install("Node.js and npm", &["nodejs", "npm"])?;
    }
    sh.change_dir(dir);
    install(what, cmd!(sh, "npm ci --no-audit --no-fund"))?;
    crate::write(&stamp_path, stamp)
}

/// Installs Debian packages (as root: CI and these machines run as root).
pub fn apt_install(what: &str, packages: &[&str]) -> Result<(), String> {
    let by_hand = format!(
        "apt-get update && apt-get install -y {}",
        packages.join(" ")
    );
    // Without apt-get, xshell says `command not found` and the hint says what to install.
    let sh = shell()?;
    let update = cmd!(sh, "apt-get update -q").run();
    update.map_err(fix(format!("install {what} by hand with `{by_hand}`")))?;
    let cmd = cmd!(
        sh,
        "apt-get install -y -q --no-install-recommends {packages...}"
    )
    .env("DEBIAN_FRONTEND", "noninteractive");
    install(what, cmd).map_err(|e| format!("{e}\n(as root: `{by_hand}`)"))
}

/// Runs quietly and returns stdout; `None` when the program is missing or fails.
pub fn probe(cmd: Cmd) -> Option<String> {
    cmd.quiet().ignore_stderr().read().ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_locked_wasm_bindgen() {
        // The repository's own lockfile reads (the wasm-bindgen-cli install depends on it).
        let version = super::locked_version("wasm-bindgen");
        assert!(version.is_ok_and(|v| v.split('.').count() == 3));
        let missing = super::locked_version("no-such-package").unwrap_err();
        let hint = "no-such-package must be in Cargo.lock once; run `cargo generate-lockfile`";
        assert!(missing.ends_with(hint), "{missing}");
    }
}
