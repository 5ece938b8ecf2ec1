//! `cargo xtask post-build`, run by Trunk's `post_build` hook on the staging dir, after every
//! build (serve and dist alike). Trunk hashes the files, minifies them, links them with their
//! integrity and writes the wasm loader; this adds only what Trunk cannot:
//!
//! - **CSP hashes**: the sha256 of each inline script (Trunk's wasm loader) appended to the
//!   `script-src` of index.html's Content-Security-Policy, so nothing else may run inline;
//! - a **build id** (digest of every file of the build) stamped into the pages as
//!   `<meta name="asa-planner-build">`; the service worker's cache is named after it;
//! - **sw.js** from `web/sw.js`: the precache list is exactly the files of this build, the ones
//!   with a content hash in their name are served cache-first. Hand-written lists go stale
//!   (eframe_template #102, #168); a generated one cannot.
//!
//! `cargo xtask dist` builds the planner's and the fleet view's pages apart (each Trunk build
//! runs this hook), then [`stamp`]s one build id and one sw.js over both.

use crate::{read, repo_root, text, write};
use base64::prelude::{Engine as _, BASE64_STANDARD};
use scraper::{Html, Selector};
use sha2::{Digest as _, Sha256};
use std::path::Path;
use walkdir::WalkDir;

/// The part of the CSP (index.html) that the script hashes are appended to.
const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";
/// The service worker template and its output name (unhashed: its URL must stay stable).
const SW_TEMPLATE: &str = "web/sw.js";
const SW_NAME: &str = "sw.js";
/// The start of the build id's tag (see [`with_build_meta`]).
const META: &str = "<meta name=\"asa-planner-build\" content=\"";

pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").ok_or(
        "TRUNK_STAGING_DIR is not set: `cargo xtask post-build` is run by Trunk's post_build hook \
         (Trunk.toml); use `cargo xtask dist` or `cargo xtask serve`",
    )?;
    let index = Path::new(&staging).join("index.html");
    write(&index, &with_csp_hashes(&read(&index)?)?)?;
    stamp(Path::new(&staging), &["index.html"])
}

/// One build id over every file of `dir`, stamped into each of `pages` (in place of the one
/// stamped before, if any), and `sw.js` precaching every file.
pub fn stamp(dir: &Path, pages: &[&str]) -> Result<(), String> {
    let files = collect_files(dir)?;
    let id = build_id(&files);
    for page in pages {
        let path = dir.join(page);
        write(&path, &with_build_meta(&read(&path)?, &id)?)?;
    }
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let template = read(&repo_root().join(SW_TEMPLATE))?;
    write(&dir.join(SW_NAME), &service_worker(&template, &id, &names)?)?;
    let (pages, count) = (pages.join(" and "), names.len());
    println!("xtask post-build: build {id} over {pages}, {count} files precached");
    Ok(())
}

/// Every file under `dir` (relative, `/`-separated, sorted) with its bytes, except sw.js itself
/// and Trunk's hidden working files.
fn collect_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let visible = |e: &walkdir::DirEntry| {
        e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b".")
    };
    for entry in WalkDir::new(dir).into_iter().filter_entry(visible) {
        let entry = entry.map_err(text)?; // walkdir's error names the path
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_file() && rel != SW_NAME {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            out.push((rel, bytes));
        }
    }
    out.sort();
    Ok(out)
}

/// 16 hex digits of the sha256 over names and contents: the same build gives the same id (so an
/// unchanged redeploy does not prompt an update), any change gives a new one.
fn build_id(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Sha256::new();
    for (name, bytes) in files {
        all.update(name.as_bytes());
        all.update([0]);
        all.update((bytes.len() as u64).to_le_bytes());
        all.update(bytes);
    }
    let first = all.finalize().into_iter().take(8);
    first.map(|b| format!("{b:02x}")).collect()
}

/// The sha256 of `data` in lower-case hex (64 digits): npm lockfile stamps.
pub fn hex(data: &[u8]) -> String {
    let digest = Sha256::digest(data);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends `'sha256-…'` for each inline script (one without `src`, its text as the browser's
/// HTML parser reads it: what the browser hashes to check the CSP) to the CSP's script-src.
fn with_csp_hashes(html: &str) -> Result<String, String> {
    if html.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "index.html must contain `{SCRIPT_SRC}` exactly once (in its Content-Security-Policy \
             meta tag) so the inline scripts' hashes can be added"
        ));
    }
    let inline = Selector::parse("script:not([src])").map_err(text)?;
    let hashes: String = Html::parse_document(html)
        .select(&inline)
        .map(|script| {
            let digest = Sha256::digest(script.text().collect::<String>());
            format!(" 'sha256-{}'", BASE64_STANDARD.encode(digest))
        })
        .collect();
    Ok(html.replacen(SCRIPT_SRC, &format!("{SCRIPT_SRC}{hashes}"), 1))
}

/// The page with the build id's tag: in place of the one stamped before, else at the end of its
/// head (a minified page may leave out `</head>`: then before `<body`).
fn with_build_meta(html: &str, id: &str) -> Result<String, String> {
    let tag = format!("{META}{id}\">");
    let old = html
        .find(META)
        .and_then(|at| Some(at..at + html[at..].find('>')? + 1));
    let at = old.or_else(|| {
        let at = html.find("</head>").or_else(|| html.find("<body"))?;
        Some(at..at)
    });
    let at = at.ok_or("the page has neither </head> nor <body>: cannot stamp the build id")?;
    Ok(format!("{}{tag}{}", &html[..at.start], &html[at.end..]))
}

/// Trunk names hashed files `<stem>-<hex>.<ext>` (`asa-planner-1f0c…_bg.wasm`); their content
/// never changes under that name, so they can be served from the cache without asking.
fn is_hashed(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = file.rsplit_once('.').map_or("", |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit_once('-').map_or("", |(_, hash)| hash);
    (8..=16).contains(&hash.len()) && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Fills the template's `__BUILD_ID__`, `["__PRECACHE__"]` and `["__HASHED__"]` (the lists as
/// JSON arrays, which are JavaScript too).
fn service_worker(template: &str, id: &str, names: &[&str]) -> Result<String, String> {
    let hashed: Vec<&str> = names.iter().copied().filter(|n| is_hashed(n)).collect();
    let json = |names: &[&str]| serde_json::to_string(names).map_err(text);
    let mut sw = without_comment_lines(template);
    for (placeholder, value) in [
        ("\"__BUILD_ID__\"", format!("\"{id}\"")),
        ("[\"__PRECACHE__\"]", json(names)?),
        ("[\"__HASHED__\"]", json(&hashed)?),
    ] {
        if sw.matches(placeholder).count() != 1 {
            return Err(format!(
                "{SW_TEMPLATE} must contain {placeholder} exactly once"
            ));
        }
        sw = sw.replace(placeholder, &value);
    }
    Ok(sw)
}

/// The script without its whole-line `//` comments, blank lines and indentation: every first
/// visit downloads sw.js, and its comments were a third of its gzip size. Only whole lines go
/// (each kept line ends where it did), so the code itself is untouched.
fn without_comment_lines(script: &str) -> String {
    let lines = script.lines().map(str::trim_start);
    let kept = lines.filter(|line| !line.is_empty() && !line.starts_with("//"));
    kept.map(|line| format!("{line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts_and_needs_the_csp() {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
            script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\"><script src=\"a-0123456789abcdef.js\" defer></script>\
            </head><body><script type=\"module\">alert(1)</script></body></html>";
        let html = with_csp_hashes(page).unwrap();
        let hash = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
        assert!(
            html.contains(&format!("'wasm-unsafe-eval' {hash}; style-src")),
            "{html}"
        );
        assert_eq!(html.matches("'sha256-").count(), 1);
        let refused = with_csp_hashes("<html><head></head></html>").unwrap_err();
        assert!(
            refused.starts_with("index.html must contain `script-src 'self' 'wasm-unsafe-eval'`")
        );
    }

    #[test]
    fn stamps_the_build_id_once_even_when_minified() {
        let stamped = with_build_meta("<html><head><title>x</title></head>", "ab").unwrap();
        let meta = "<meta name=\"asa-planner-build\" content=\"ab\">";
        assert_eq!(
            stamped,
            format!("<html><head><title>x</title>{meta}</head>")
        );
        let minified = with_build_meta("<html lang=en><title>x</title><body><p>", "ab");
        assert_eq!(
            minified.unwrap(),
            format!("<html lang=en><title>x</title>{meta}<body><p>")
        );
        let again = with_build_meta(&stamped, "cd").unwrap();
        assert_eq!(again, stamped.replace("\"ab\"", "\"cd\""));
        let refused = with_build_meta("<p>x", "ab").unwrap_err();
        assert_eq!(
            refused,
            "the page has neither </head> nor <body>: cannot stamp the build id"
        );
    }

    #[test]
    fn digests() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(hex(b"abc"), abc);
        let file = |bytes: &[u8]| vec![("index.html".to_string(), bytes.to_vec())];
        assert_eq!(build_id(&file(b"a")), build_id(&file(b"a")));
        assert_ne!(build_id(&file(b"a")), build_id(&file(b"b")));
        assert_eq!(build_id(&file(b"a")).len(), 16);
    }

    #[test]
    fn fills_the_service_worker_template() {
        let template = "// about\nconst BUILD = \"__BUILD_ID__\";\n\n  // note\n  const PRECACHE = [\"__PRECACHE__\"]; // why\nconst HASHED = [\"__HASHED__\"];\n";
        let names = [
            "index.html",
            "x-0123456789abcdef.js",
            "a\"b-0123456789abcdef.js",
            "icon-192.png",
        ];
        let sw = service_worker(template, "0011", &names).unwrap();
        let expected = r#"const BUILD = "0011";
const PRECACHE = ["index.html","x-0123456789abcdef.js","a\"b-0123456789abcdef.js","icon-192.png"]; // why
const HASHED = ["x-0123456789abcdef.js","a\"b-0123456789abcdef.js"];
"#;
        assert_eq!(sw, expected);
        let refused = service_worker("nothing", "0011", &[]).unwrap_err();
        assert_eq!(
            refused,
            "web/sw.js must contain \"__BUILD_ID__\" exactly once"
        );
        for (name, hashed) in [
            ("asa-planner-1f0c2a9d3b4e5f60_bg.wasm", true),
            ("sw-register-00ab12cd.js", true),
            ("icon-192.png", false),
            ("index.html", false),
            ("manifest.webmanifest", false),
            ("app-DEADBEEFDEADBEEF.js", false),
        ] {
            assert_eq!(is_hashed(name), hashed, "{name}");
        }
    }
}
