//! The size table of `cargo xtask dist` and `cargo xtask bench`: every file of dist/, raw,
//! gzip -9 and brotli (quality 11), and the first load's total against SPEC §12 (≤ 192 KiB
//! gzip, a ceiling).
//!
//! The first load (SPEC §12, the budget): index.html and every dist file it names (the
//! stylesheet, the wasm glue and the wasm, the icon, the manifest). Trunk's names carry a
//! content hash, so "named in index.html" is a plain substring test of the page. Reported
//! apart: sw.js (registered after the first paint) and what it precaches beyond the first load:
//! every other file of the build (`post_build::stamp`), the fleet view's page and wasm among
//! them.

use crate::bench_report::kib;
use crate::{fix, shell};
use std::path::Path;
use xshell::cmd;

/// SPEC §12: everything a single-pair visit fetches by itself, gzip, must not exceed this (a
/// ceiling, not a goal).
pub const BUDGET: u64 = 192 * 1024;

pub struct FileSize {
    pub name: String,
    /// Why a visit downloads it.
    pub why: &'static str,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

pub struct SizeReport {
    /// The first load: what the budget counts.
    pub files: Vec<FileSize>,
    /// Fetched after the first paint: the service worker and what it precaches beyond `files`.
    pub later: Vec<FileSize>,
}

impl SizeReport {
    pub fn total(&self, pick: fn(&FileSize) -> u64) -> u64 {
        self.files.iter().map(pick).sum()
    }
}

/// Why a visit downloads the file `name` of a build whose page is `index`.
fn why(name: &str, index: &str) -> &'static str {
    match name {
        "index.html" => "the page",
        // (index.html names fleet.html only to go there on `#fleet`.)
        _ if index.contains(name) && name != crate::dist::FLEET_PAGE => "named in index.html",
        "sw.js" => "service worker",
        _ => "sw.js precache",
    }
}

/// Measures `dist`: which files count and their three sizes.
pub fn measure(dist: &Path) -> Result<SizeReport, String> {
    let sh = shell()?;
    if crate::tools::probe(cmd!(sh, "brotli --version")).is_none() {
        crate::tools::apt_install("brotli", &["brotli"])?;
    }
    let index = crate::read(&dist.join("index.html"))?;
    let (mut files, mut later) = (Vec::new(), Vec::new());
    for name in crate::dist::list(dist)? {
        let path = dist.join(&name);
        let raw = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let size = FileSize {
            why: why(&name, &index),
            name,
            raw: raw.len(),
            gzip: packed(cmd!(sh, "gzip -9 -c -n {path}"))?,
            brotli: packed(cmd!(sh, "brotli -c -q 11 {path}"))?,
        };
        let first_load = matches!(size.why, "the page" | "named in index.html");
        if first_load { &mut files } else { &mut later }.push(size);
    }
    Ok(SizeReport { files, later })
}

/// The size in bytes of what a compressor (`gzip -9 -c -n`, `brotli -c -q 11`) writes.
fn packed(cmd: xshell::Cmd) -> Result<u64, String> {
    let out = cmd.quiet().output();
    let out = out.map_err(fix("the size report needs gzip and brotli"))?;
    Ok(out.stdout.len() as u64)
}

/// The size table in Markdown, as `dist` and `bench` print it and BENCHMARKS.md shows it: the
/// first load with its total against the ceiling, then what comes later.
pub fn table(r: &SizeReport) -> String {
    let mut s = "| file | raw | gzip -9 | brotli | counted because |\n|---|---:|---:|---:|---|\n"
        .to_string();
    let later = r.later.iter().map(|f| (format!("later: {}", f.name), f));
    for (name, f) in r.files.iter().map(|f| (f.name.clone(), f)).chain(later) {
        let (raw, gzip, brotli, why) = (f.raw, f.gzip, f.brotli, f.why);
        s += &format!("| {name} | {raw} | {gzip} | {brotli} | {why} |\n");
    }
    let (raw, gz, br) = (
        r.total(|f| f.raw),
        r.total(|f| f.gzip),
        r.total(|f| f.brotli),
    );
    let within = if gz <= BUDGET { "within" } else { "OVER" };
    let (count, total, budget) = (r.files.len(), kib(gz), kib(BUDGET));
    s += &format!("| **first load ({count} files)** | **{raw}** | **{gz}** | **{br}** | {total} gzip: {within} the {budget} ceiling |\n");
    s
}

/// Fails when the first load is over [`BUDGET`].
pub fn check(report: &SizeReport) -> Result<(), String> {
    let gz = report.total(|f| f.gzip);
    if gz <= BUDGET {
        return Ok(());
    }
    let (total, budget) = (kib(gz), kib(BUDGET));
    Err(format!("the first load is {total} gzip, over the {budget} ceiling (SPEC §12); the size table above says which file grew"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_page_and_what_it_names() {
        let index =
            "<link href=./app-1.css><script src=./sw-register-2.js></script>fleet.html#fleet";
        for (name, expected) in [
            ("index.html", "the page"),
            ("app-1.css", "named in index.html"),
            ("sw-register-2.js", "named in index.html"),
            ("fleet.html", "sw.js precache"),
            ("sw.js", "service worker"),
            ("icon-192.png", "sw.js precache"),
        ] {
            assert_eq!(why(name, index), expected, "{name}");
        }
        assert_eq!(kib(BUDGET), "192.0 KiB");
    }
}
