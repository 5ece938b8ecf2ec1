//! `cargo xtask post-build`, run by Trunk's `post_build` hook on the staging dir, after every
//! build (serve and dist alike). It makes the build safe to host anywhere and to redeploy:
//!
//! - a **build id** (digest of every file Trunk wrote) stamped into index.html as
//!   `<meta name="asa-planner-build">`; the service worker's cache is named after it;
//! - **subresource integrity** for the wasm loader (Trunk.toml `pattern_script`): each
//!   `sri:<file>` becomes `sha256-…` of that file;
//! - **CSP hashes**: the sha256 of each inline script (Trunk's wasm loader) appended to the
//!   `script-src` of index.html's Content-Security-Policy, so nothing else may run inline;
//! - **short import names** (`import_names`): the wasm's imports from its glue renamed `$0`,
//!   `$1`, … in both files (3.6 KB gzip less to download);
//! - **one stylesheet** (`css_bundle`): the per-component files concatenated, linked once;
//! - **the wasm files loaded after the first paint** (`src/later`, the second wasm, and
//!   `src/fleet`, the fleet view's; Trunk builds each as an unhashed "worker" asset): renamed
//!   by content hash and named, with their integrity and the later stylesheet, in
//!   `<meta name="asa-later">` and `<meta name="asa-fleet">`, where the page's `asaLoad()`
//!   (index.html) reads them;
//! - **sw-register.js** (a Trunk copy-file) renamed by content hash and named in
//!   `<meta name="asa-sw">`: the page adds it once the app has started;
//! - **sw.js** from `web/sw.js`: the precache list is exactly the files of this build, the ones
//!   with a content hash in their name are served cache-first. Hand-written lists go stale
//!   (eframe_template #102, #168); a generated one cannot.

use crate::css_bundle;
use crate::sha256;
use crate::{dist, import_names, repo_root};
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
    // Rewrite first: the build id, the integrity hashes and the precache list are of the
    // files actually shipped.
    shorten_imports(staging)?;
    let workers = WORKERS
        .iter()
        .map(|bin| Ok((*bin, hash_worker_names(staging, bin)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let sw_register = hash_name(
        staging,
        SW_REGISTER,
        "index.html's copy-file of web/sw-register.js",
    )?;
    let css_bundle::Bundled {
        html: index,
        later: later_css,
    } = css_bundle::bundle(&index, staging)?;
    std::fs::write(&index_path, &index)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))?;
    let files = collect_files(staging)?;
    let id = build_id(&files);

    let mut index = with_integrity(&index, &files)?;
    for (bin, [js, wasm]) in workers {
        let named: Vec<(&str, String)> = [("js", js), ("wasm", wasm)]
            .into_iter()
            .chain(later_css.clone().map(|name| ("css", name)))
            .collect();
        index = with_worker_meta(&index, bin, &named, &files)?;
    }
    index = with_worker_meta(&index, SW_META, &[("js", sw_register)], &files)?;
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

/// Renames the wasm's imports from its glue in both files, in place (`import_names`).
fn shorten_imports(staging: &Path) -> Result<(), String> {
    let (wasm_path, glue_path) = dist::app_files(staging)?;
    let read_err = |p: &Path, e: std::io::Error| format!("cannot read {}: {e}", p.display());
    let wasm = std::fs::read(&wasm_path).map_err(|e| read_err(&wasm_path, e))?;
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| read_err(&glue_path, e))?;
    let (wasm, glue) = import_names::shorten(&wasm, &glue)
        .map_err(|e| format!("{} and {}: {e}", wasm_path.display(), glue_path.display()))?;
    let write_err = |p: &Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    std::fs::write(&wasm_path, wasm).map_err(|e| write_err(&wasm_path, e))?;
    std::fs::write(&glue_path, glue).map_err(|e| write_err(&glue_path, e))
}

/// The wasm files loaded after the first paint, by bin name: the second wasm (`src/later`) and
/// the fleet view's (`src/fleet`, loaded only on `#fleet`). Trunk writes each as a "worker"
/// asset under its bare name: `<bin>.js` and `<bin>_bg.wasm`.
const WORKERS: [&str; 2] = ["asa-later", "asa-fleet"];

/// The service worker's registration script, copied by Trunk under this name and named by
/// content in `<meta name="asa-sw">`: the page adds it once the app has started (index.html),
/// as it registers the worker only after the first paint anyway. Fetched with the page, it
/// competed with the wasm for the first load.
const SW_REGISTER: &str = "sw-register.js";
const SW_META: &str = "asa-sw";

/// Renames a worker's glue and wasm to `<bin>-<hash>.js` / `…_bg.wasm` (see [`hash_name`]).
/// Returns the new names, glue first.
fn hash_worker_names(staging: &Path, bin: &str) -> Result<[String; 2], String> {
    let asset = format!("index.html's {bin} rust asset");
    Ok([
        hash_name(staging, &format!("{bin}.js"), &asset)?,
        hash_name(staging, &format!("{bin}_bg.wasm"), &asset)?,
    ])
}

/// Renames `bare`, a file Trunk wrote under a fixed name (made by `asset`), to
/// `<stem>-<hash>[_bg].<ext>` (16 hex digits of its own sha256), so it is cached forever like
/// Trunk's hashed files and a redeploy can never pair one build's file with another's.
fn hash_name(staging: &Path, bare: &str, asset: &str) -> Result<String, String> {
    let from = staging.join(bare);
    let bytes = std::fs::read(&from)
        .map_err(|e| format!("cannot read {} ({asset} makes it): {e}", from.display()))?;
    let (stem, ext) = bare.rsplit_once('.').unwrap_or((bare, ""));
    let (stem, bg) = match stem.strip_suffix("_bg") {
        Some(stem) => (stem, "_bg"),
        None => (stem, ""),
    };
    let name = format!("{stem}-{}{bg}.{ext}", &sha256::hex(&bytes)[..16]);
    std::fs::rename(&from, staging.join(&name))
        .map_err(|e| format!("cannot rename {}: {e}", from.display()))?;
    Ok(name)
}

/// Names a worker's files (`(attribute, file)`: its glue, wasm and stylesheet) and their
/// integrity in `<meta name="<bin>">` (in the head).
fn with_worker_meta(
    html: &str,
    bin: &str,
    names: &[(&str, String)],
    files: &[(String, Vec<u8>)],
) -> Result<String, String> {
    let mut meta = format!("<meta name=\"{bin}\"");
    for (key, name) in names {
        let bytes = files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| format!("the build has no {name}"))?;
        meta.push_str(&format!(
            " data-{key}=\"./{name}\" data-{key}-integrity=\"{}\"",
            sha256::integrity(bytes)
        ));
    }
    meta.push('>');
    in_head(html, &meta).ok_or_else(|| format!("index.html has no <head>: cannot name {bin}"))
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
    sha256::hex(&all)[..16].to_string()
}

/// The bodies of inline `<script>` elements (those without `src`), in order.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|i| i + from) {
        let Some(open_end) = lower[start..].find('>').map(|i| i + start + 1) else {
            break;
        };
        let Some(close) = lower[open_end..].find("</script").map(|i| i + open_end) else {
            break;
        };
        let tag = &lower[start..open_end];
        if !tag.contains(" src=") {
            scripts.push(&html[open_end..close]);
        }
        from = close;
    }
    scripts
}

/// The page with each `sri:<file>` (written by the loader pattern in Trunk.toml, where Trunk
/// knows only the file names) replaced by `sha256-<base64>` of that file of this build.
fn with_integrity(html: &str, files: &[(String, Vec<u8>)]) -> Result<String, String> {
    const MARK: &str = "sri:";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARK.len()..];
        let end = after
            .find(|c: char| matches!(c, '"' | '\'' | '`' | '>') || c.is_whitespace())
            .unwrap_or(after.len());
        let name = &after[..end];
        let bytes = files
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| {
                format!(
                    "index.html asks for the integrity of `{name}`, which this build does not have"
                )
            })?;
        out.push_str(&sha256::integrity(bytes));
        rest = &after[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Appends `'sha256-…'` for each inline script to the CSP's script-src.
fn with_csp_hashes(html: &str) -> Result<String, String> {
    if html.matches(SCRIPT_SRC).count() != 1 {
        return Err(format!(
            "index.html must contain `{SCRIPT_SRC}` exactly once (in its Content-Security-Policy \
             meta tag) so the inline scripts' hashes can be added"
        ));
    }
    let hashes: String = inline_scripts(html)
        .iter()
        .map(|script| format!(" '{}'", sha256::integrity(script.as_bytes())))
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
    fn fills_integrity_of_the_files_named() {
        let files = vec![("a-1.js".to_string(), b"alert(1)".to_vec())];
        let html =
            "<link integrity=\"sri:a-1.js\"><script>f(\"x\",{integrity:\"sri:a-1.js\"})</script>";
        let sri = "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=";
        assert_eq!(
            with_integrity(html, &files),
            Ok(format!(
                "<link integrity=\"{sri}\"><script>f(\"x\",{{integrity:\"{sri}\"}})</script>"
            ))
        );
        check_err(
            with_integrity("<link integrity=sri:gone.wasm>", &files),
            "index.html asks for the integrity of `gone.wasm`, which this build does not have",
        );
    }

    #[test]
    fn hashes_only_inline_scripts() {
        assert_eq!(inline_scripts(PAGE), vec!["alert(1)"]);
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
    fn names_a_worker_wasm_by_content_with_its_integrity() {
        let dir = std::env::temp_dir().join(format!("asa-post-build-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("asa-later.js"), b"glue").unwrap();
        std::fs::write(dir.join("asa-later_bg.wasm"), b"wasm").unwrap();
        let names = hash_worker_names(&dir, "asa-later").unwrap();
        let hex = |b: &[u8]| sha256::hex(b)[..16].to_string();
        assert_eq!(
            names,
            [
                format!("asa-later-{}.js", hex(b"glue")),
                format!("asa-later-{}_bg.wasm", hex(b"wasm"))
            ]
        );
        assert!(names.iter().all(|n| is_hashed(n) && dir.join(n).is_file()));
        assert!(!dir.join("asa-later.js").exists());
        let files = vec![
            (names[0].clone(), b"glue".to_vec()),
            (names[1].clone(), b"wasm".to_vec()),
        ];
        let named = [("js", names[0].clone()), ("wasm", names[1].clone())];
        let page = with_worker_meta("<head></head>", "asa-later", &named, &files).unwrap();
        assert_eq!(
            page,
            format!(
                "<head><meta name=\"asa-later\" data-js=\"./{}\" data-js-integrity=\"{}\" \
                 data-wasm=\"./{}\" data-wasm-integrity=\"{}\"></head>",
                names[0],
                sha256::integrity(b"glue"),
                names[1],
                sha256::integrity(b"wasm")
            )
        );
        // A build without a worker's files fails and says which asset makes them.
        let err = hash_worker_names(&dir, "asa-fleet").unwrap_err();
        assert!(
            err.contains("asa-fleet.js") && err.contains("asa-fleet rust asset"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
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
