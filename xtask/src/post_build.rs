//! `cargo xtask post-build`, run by Trunk's `post_build` hook on the staging dir, after every
//! build (serve and dist alike). Trunk hashes the files, minifies them, links them with their
//! integrity and writes the wasm loader; this adds only what Trunk cannot:
//!
//! - a **build id** (digest of every file Trunk wrote) stamped into index.html as
//!   `<meta name="asa-planner-build">`; the service worker's cache is named after it;
//! - **CSP hashes**: the sha256 of each inline script (Trunk's wasm loader) appended to the
//!   `script-src` of index.html's Content-Security-Policy, so nothing else may run inline;
//! - **sw.js** from `web/sw.js`: the precache list is exactly the files of this build, the ones
//!   with a content hash in their name are served cache-first. Hand-written lists go stale
//!   (eframe_template #102, #168); a generated one cannot.

use crate::repo_root;
use base64::prelude::{Engine as _, BASE64_STANDARD};
use scraper::{Html, Selector};
use sha2::{Digest as _, Sha256};
use std::path::Path;

/// The part of the CSP (index.html) that the script hashes are appended to.
const SCRIPT_SRC: &str = "script-src 'self' 'wasm-unsafe-eval'";
/// The service worker template and its output name (unhashed: its URL must stay stable).
const SW_TEMPLATE: &str = "web/sw.js";
const SW_NAME: &str = "sw.js";

pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").ok_or(
        "TRUNK_STAGING_DIR is not set: `cargo xtask post-build` is run by Trunk's post_build hook \
         (Trunk.toml); use `cargo xtask dist` or `cargo xtask serve`",
    )?;
    let staging = Path::new(&staging);
    let template_path = repo_root().join(SW_TEMPLATE);
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let index_path = staging.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let files = collect_files(staging)?;
    let id = build_id(&files);
    let index = with_csp_hashes(&index)?;
    let index = with_build_meta(&index, &id)?;
    std::fs::write(&index_path, index)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;

    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let sw = service_worker(&template, &id, &names)?;
    let sw_path = staging.join(SW_NAME);
    std::fs::write(&sw_path, sw).map_err(|e| format!("cannot write {}: {e}", sw_path.display()))?;
    println!(
        "xtask post-build: build {id}, {} files precached, CSP hashes added",
        names.len()
    );
    Ok(())
}

/// After the planner's and the fleet view's pages were built into `dist` (each by its own
/// Trunk build, each with its CSP hashes): one build id over every file, stamped into each
/// of `pages` in place of the one its own build stamped, and one `sw.js` precaching them all.
pub fn finish(dist: &Path, pages: &[&str]) -> Result<(), String> {
    let template_path = repo_root().join(SW_TEMPLATE);
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("cannot read {}: {e}", template_path.display()))?;
    let read = |name: &str| {
        let path = dist.join(name);
        std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
            .map(|html| (path, html))
    };
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    for page in pages {
        let (path, html) = read(page)?;
        write(&path, &without_build_meta(&html))?;
    }
    let files = collect_files(dist)?;
    let id = build_id(&files);
    for page in pages {
        let (path, html) = read(page)?;
        write(&path, &with_build_meta(&html, &id)?)?;
    }
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    write(
        &dist.join(SW_NAME),
        &service_worker(&template, &id, &names)?,
    )?;
    println!(
        "xtask: build {id} over {}, {} files precached",
        pages.join(" and "),
        names.len()
    );
    Ok(())
}

/// The page without the build id its own build stamped (see [`with_build_meta`]).
fn without_build_meta(html: &str) -> String {
    const META: &str = "<meta name=\"asa-planner-build\" content=\"";
    let Some(start) = html.find(META) else {
        return html.to_owned();
    };
    match html[start..].find('>') {
        Some(end) => format!("{}{}", &html[..start], &html[start + end + 1..]),
        None => html.to_owned(),
    }
}

/// Every file under `dir` (relative, `/`-separated, sorted) with its bytes, except sw.js itself
/// and Trunk's hidden working dirs.
fn collect_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|e| format!("cannot list {}: {e}", current.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", current.display()))?
                .path();
            let rel = path
                .strip_prefix(dir)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .to_string_lossy()
                .replace('\\', "/");
            if rel.starts_with('.') || rel.contains("/.") || rel == SW_NAME {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                out.push((rel, bytes));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// 16 hex digits of the sha256 over names and contents: the same build gives the same id (so an
/// unchanged redeploy does not prompt an update), any change gives a new one.
fn build_id(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (name, bytes) in files {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        all.extend_from_slice(bytes);
    }
    hex(&all)[..16].to_string()
}

/// The text of each inline `<script>` (one without `src`), in order, as the browser's HTML
/// parser reads it (`scraper`): what the browser hashes to check the CSP.
fn inline_scripts(html: &str) -> Result<Vec<String>, String> {
    let inline = Selector::parse("script:not([src])").map_err(|e| e.to_string())?;
    Ok(Html::parse_document(html)
        .select(&inline)
        .map(|script| script.text().collect())
        .collect())
}

/// The sha256 of `data` in lower-case hex (64 digits): the build id, npm lockfile stamps.
pub fn hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Appends `'sha256-…'` for each inline script to the CSP's script-src.
fn with_csp_hashes(html: &str) -> Result<String, String> {
    if html.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "index.html must contain `{SCRIPT_SRC}` exactly once (in its Content-Security-Policy \
             meta tag) so the inline scripts' hashes can be added"
        ));
    }
    let hashes: String = inline_scripts(html)?
        .iter()
        .map(|script| {
            format!(
                " 'sha256-{}'",
                BASE64_STANDARD.encode(Sha256::digest(script))
            )
        })
        .collect();
    Ok(html.replacen(SCRIPT_SRC, &format!("{SCRIPT_SRC}{hashes}"), 1))
}

/// Stamps the build id into the head, where the registration script and the tests read it.
fn with_build_meta(html: &str, id: &str) -> Result<String, String> {
    in_head(
        html,
        &format!("<meta name=\"asa-planner-build\" content=\"{id}\">"),
    )
    .ok_or_else(|| "index.html has no <head>: cannot stamp the build id".to_string())
}

/// `html` with `tag` at the end of its head (a minified page may leave out `</head>`).
fn in_head(html: &str, tag: &str) -> Option<String> {
    if let Some(at) = html.find("</head>") {
        return Some(format!("{}{tag}{}", &html[..at], &html[at..]));
    }
    let lower = html.to_ascii_lowercase();
    let at = lower
        .find("<head")
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))?;
    Some(format!("{}{tag}{}", &html[..at], &html[at..]))
}

/// Trunk names hashed files `<stem>-<hex>.<ext>` (`asa-planner-1f0c…_bg.wasm`); their content
/// never changes under that name, so they can be served from the cache without asking.
fn is_hashed(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    let Some((stem, _ext)) = file.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// A JavaScript array literal of the names: JSON strings (`serde_json` escapes them), spaced
/// after each comma as sw.js always was.
fn json_strings<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = items
        .map(|s| serde_json::Value::from(s).to_string())
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// Fills the template's `__BUILD_ID__`, `["__PRECACHE__"]` and `["__HASHED__"]`.
fn service_worker(template: &str, id: &str, names: &[&str]) -> Result<String, String> {
    for placeholder in ["\"__BUILD_ID__\"", "[\"__PRECACHE__\"]", "[\"__HASHED__\"]"] {
        if template.matches(placeholder).count() != 1 {
            return Err(format!(
                "{SW_TEMPLATE} must contain {placeholder} exactly once"
            ));
        }
    }
    Ok(without_comment_lines(template)
        .replace("\"__BUILD_ID__\"", &format!("\"{id}\""))
        .replace("[\"__PRECACHE__\"]", &json_strings(names.iter().copied()))
        .replace(
            "[\"__HASHED__\"]",
            &json_strings(names.iter().copied().filter(|n| is_hashed(n))),
        ))
}

/// The script without its whole-line `//` comments, blank lines and indentation: every first
/// visit downloads sw.js, and its comments were a third of its gzip size. Only whole lines go
/// (each kept line ends where it did), so the code itself is untouched.
fn without_comment_lines(script: &str) -> String {
    script
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
        script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\"><script src=\"a-0123456789abcdef.js\" defer></script>\
        </head><body><script type=\"module\">alert(1)</script></body></html>";

    #[track_caller]
    fn check_err<T: std::fmt::Debug>(result: Result<T, String>, expected: &str) {
        assert_eq!(result.unwrap_err(), expected);
    }

    #[test]
    fn drops_comment_lines_only() {
        assert_eq!(
            without_comment_lines("// about\nconst a = 'x // y';\n\n  // note\n  f(a); // why\n"),
            "const a = 'x // y';\nf(a); // why\n"
        );
    }

    #[test]
    fn hashes_only_inline_scripts() {
        assert_eq!(inline_scripts(PAGE), Ok(vec!["alert(1)".to_string()]));
        let html = with_csp_hashes(PAGE).unwrap();
        assert!(html.contains(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; style-src"
        ));
    }

    #[test]
    fn refuses_a_page_without_the_csp() {
        check_err(
            with_csp_hashes("<html><head></head></html>"),
            "index.html must contain `script-src 'self' 'wasm-unsafe-eval'` exactly once (in its \
             Content-Security-Policy meta tag) so the inline scripts' hashes can be added",
        );
    }

    #[test]
    fn stamps_build_id_in_head_even_when_minified() {
        assert_eq!(
            with_build_meta("<html><head><title>x</title></head>", "ab").unwrap(),
            "<html><head><title>x</title><meta name=\"asa-planner-build\" content=\"ab\"></head>"
        );
        assert_eq!(
            with_build_meta("<html><head lang=en><title>x", "ab").unwrap(),
            "<html><head lang=en><meta name=\"asa-planner-build\" content=\"ab\"><title>x"
        );
        check_err(
            with_build_meta("<p>x", "ab"),
            "index.html has no <head>: cannot stamp the build id",
        );
    }

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed("asa-planner-1f0c2a9d3b4e5f60_bg.wasm"));
        assert!(is_hashed("asa-planner-1f0c2a9d3b4e5f60.js"));
        assert!(is_hashed("sw-register-00ab12cd34ef5678.js"));
        assert!(!is_hashed("icon-192.png"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("manifest.webmanifest"));
        assert!(!is_hashed("app-DEADBEEFDEADBEEF.js"));
    }

    #[test]
    fn the_build_id_is_stamped_again_not_twice() {
        let page = "<html><head><title>x</title></head>";
        let once = with_build_meta(page, "ab").unwrap();
        assert_eq!(without_build_meta(&once), page);
        let again = with_build_meta(&without_build_meta(&once), "cd").unwrap();
        assert_eq!(again.matches("asa-planner-build").count(), 1);
        assert!(again.contains("content=\"cd\""));
        assert_eq!(without_build_meta(page), page);
    }

    #[test]
    fn hex_is_the_fips_digest() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(hex(b"abc"), abc);
    }

    #[test]
    fn build_id_changes_with_any_byte() {
        let a = vec![("index.html".to_string(), b"a".to_vec())];
        let b = vec![("index.html".to_string(), b"b".to_vec())];
        assert_eq!(build_id(&a), build_id(&a.clone()));
        assert_ne!(build_id(&a), build_id(&b));
        assert_eq!(build_id(&a).len(), 16);
    }

    #[test]
    fn json_strings_escape_names() {
        assert_eq!(
            json_strings(["a\"b", "c\\d", "e"].into_iter()),
            r#"["a\"b", "c\\d", "e"]"#
        );
        assert_eq!(json_strings(std::iter::empty()), "[]");
    }

    #[test]
    fn fills_the_service_worker_template() {
        let template = "const BUILD = \"__BUILD_ID__\";\nconst PRECACHE = [\"__PRECACHE__\"];\nconst HASHED = [\"__HASHED__\"];\n";
        let sw =
            service_worker(template, "0011", &["index.html", "x-0123456789abcdef.js"]).unwrap();
        assert_eq!(
            sw,
            "const BUILD = \"0011\";\nconst PRECACHE = [\"index.html\", \"x-0123456789abcdef.js\"];\nconst HASHED = [\"x-0123456789abcdef.js\"];\n"
        );
        check_err(
            service_worker("nothing", "0011", &[]),
            "web/sw.js must contain \"__BUILD_ID__\" exactly once",
        );
    }
}
