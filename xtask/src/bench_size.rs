//! The size table of `cargo xtask dist` and `cargo xtask bench`: every file a first visit
//! downloads, raw, gzip -9 and brotli (quality 11), and the total against SPEC §12 (≤ 192 KiB
//! gzip, a ceiling).
//!
//! The first load (SPEC §12, the budget): index.html and every dist file it names (the
//! stylesheet, the wasm glue and the wasm, the icon, the manifest). Reported apart: sw.js
//! (registered after the first paint) and whatever its precache list adds (the fleet view's
//! page, `fleet.html`, and its own wasm).
//! Trunk's names carry a content hash, so "named in index.html" is a plain substring test of
//! the page. Files of dist/ outside these sets are listed as not downloaded.

use crate::bench_report::kib;
use crate::{fix, shell};
use std::path::Path;
use xshell::cmd;

/// SPEC §12: everything a single-pair visit fetches by itself, gzip, must not exceed this (a
/// ceiling, not a goal).
pub const BUDGET: u64 = 192 * 1024;

pub struct FileSize {
    pub name: String,
    /// Why a first visit downloads it.
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
    /// Files of dist/ a first visit does not download.
    pub not_counted: Vec<String>,
}

impl SizeReport {
    pub fn total(&self, pick: fn(&FileSize) -> u64) -> u64 {
        self.files.iter().map(pick).sum()
    }
}

/// Measures `dist`: which files count and their three sizes.
pub fn measure(dist: &Path) -> Result<SizeReport, String> {
    let sh = shell()?;
    if crate::tools::probe(cmd!(sh, "brotli --version")).is_none() {
        crate::tools::apt_install("brotli", &["brotli"])?;
    }
    let read = |name: &str| {
        let path = dist.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let index = read("index.html")?;
    let precache = precache_list(&read("sw.js")?)?;
    let (mut files, mut later, mut not_counted) = (Vec::new(), Vec::new(), Vec::new());
    for name in crate::dist::list(dist)? {
        let why = if name == "index.html" {
            "the page"
        } else if index.contains(&name) && name != crate::dist::FLEET_PAGE {
            // (index.html names fleet.html only to go there on `#fleet`.)
            "named in index.html"
        } else if name == "sw.js" {
            "service worker"
        } else if precache.contains(&name) {
            "sw.js precache"
        } else {
            not_counted.push(name);
            continue;
        };
        let path = dist.join(&name);
        let raw = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let raw = raw.len();
        let gzip = packed(cmd!(sh, "gzip -9 -c -n {path}"))?;
        let brotli = packed(cmd!(sh, "brotli -c -q 11 {path}"))?;
        let size = FileSize {
            name,
            why,
            raw,
            gzip,
            brotli,
        };
        let first_load = matches!(why, "the page" | "named in index.html");
        if first_load { &mut files } else { &mut later }.push(size);
    }
    Ok(SizeReport {
        files,
        later,
        not_counted,
    })
}

/// The file names of sw.js's `const PRECACHE = ["…", …];` (a JSON array, written by
/// `cargo xtask post-build`).
fn precache_list(sw: &str) -> Result<Vec<String>, String> {
    const START: &str = "const PRECACHE = ";
    let missing = || {
        "dist/sw.js has no `const PRECACHE = [...]` list (was it built by `cargo xtask dist`?)"
            .to_string()
    };
    let rest = &sw[sw.find(START).ok_or_else(missing)? + START.len()..];
    // The array is the first JSON value of the rest; the script goes on after it.
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Vec<String>>();
    values.next().and_then(Result::ok).ok_or_else(missing)
}

/// The size table in Markdown, as `dist` and `bench` print it and BENCHMARKS.md shows it: the
/// first load with its total against the ceiling, then what comes later.
pub fn table(r: &SizeReport) -> String {
    let mut s = "| file | raw | gzip -9 | brotli | counted because |\n|---|---:|---:|---:|---|\n"
        .to_string();
    let later = r.later.iter().map(|f| (format!("later: {}", f.name), f));
    for (name, f) in r.files.iter().map(|f| (f.name.clone(), f)).chain(later) {
        s += &format!(
            "| {name} | {} | {} | {} | {} |\n",
            f.raw, f.gzip, f.brotli, f.why
        );
    }
    let (raw, gz, br) = (
        r.total(|f| f.raw),
        r.total(|f| f.gzip),
        r.total(|f| f.brotli),
    );
    let within = if gz <= BUDGET { "within" } else { "OVER" };
    s += &format!("| **first load ({} files)** | **{raw}** | **{gz}** | **{br}** | {} gzip: {within} the {} ceiling |\n", r.files.len(), kib(gz), kib(BUDGET));
    if !r.not_counted.is_empty() {
        s += &format!(
            "\nIn dist/ but not downloaded on a first visit: {}.\n",
            r.not_counted.join(", ")
        );
    }
    s
}

/// Fails when the first load is over [`BUDGET`].
pub fn check(report: &SizeReport) -> Result<(), String> {
    let gz = report.total(|f| f.gzip);
    if gz <= BUDGET {
        return Ok(());
    }
    Err(format!(
        "the first load is {} gzip, over the {} ceiling (SPEC §12); the size table above says which file grew",
        kib(gz),
        kib(BUDGET)
    ))
}

/// The size in bytes of what a compressor (`gzip -9 -c -n`, `brotli -c -q 11`) writes.
fn packed(cmd: xshell::Cmd) -> Result<u64, String> {
    let out = cmd
        .quiet()
        .output()
        .map_err(fix("the size report needs gzip and brotli"))?;
    Ok(out.stdout.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_precache_list() {
        let sw = "const BUILD = \"1\";\nconst PRECACHE = [\"a-1.wasm\", \"index.html\"];\nconst HASHED = [\"a-1.wasm\"];";
        assert_eq!(
            precache_list(sw),
            Ok(vec!["a-1.wasm".to_string(), "index.html".to_string()])
        );
        assert_eq!(precache_list("const PRECACHE = [];"), Ok(Vec::new()));
        assert_eq!(
            precache_list(r#"const PRECACHE = ["a]b.png"];"#),
            Ok(vec!["a]b.png".to_string()])
        );
        let missing =
            "dist/sw.js has no `const PRECACHE = [...]` list (was it built by `cargo xtask dist`?)";
        assert_eq!(
            precache_list("const HASHED = [];"),
            Err(missing.to_string())
        );
        assert_eq!(kib(BUDGET), "192.0 KiB");
    }
}
