//! Cheap checks on the source tree, in the manner of rust-analyzer's `xtask/src/tidy.rs`:
//! architecture invariants and build settings that drift silently.

#![cfg(not(target_arch = "wasm32"))]

mod util;

use std::path::{Path, PathBuf};
use util::read;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in
            std::fs::read_dir(&current).unwrap_or_else(|e| panic!("{}: {e}", current.display()))
        {
            let path = entry
                .unwrap_or_else(|e| panic!("{}: {e}", current.display()))
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `file:line: text` for each line of `text` that mentions one of `words` as a path segment.
fn mentions(file: &Path, text: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let hit = words.iter().any(|w| {
            line.match_indices(w).any(|(i, _)| {
                let before = line[..i].chars().next_back();
                let after = line[i + w.len()..].chars().next();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
        });
        if hit {
            found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
        }
    }
    found
}

/// [`mentions`] of `words` in every `.rs` file under these folders (relative to the root).
fn mentions_under(dirs: &[&str], words: &[&str]) -> Vec<String> {
    dirs.iter()
        .flat_map(|dir| rust_files(&root().join(dir)))
        .flat_map(|f| mentions(&f, &read(&f), words))
        .collect()
}

#[track_caller]
fn assert_none(found: Vec<String>, rule: &str) {
    assert!(found.is_empty(), "{rule}:\n{}", found.join("\n"));
}

/// Architecture Invariant: the domain and the pure view layer (`src/view`: markup written as
/// text) are plain Rust, tested natively; they never name a browser crate (not even in a
/// comment, so nobody reads it as an invitation).
#[test]
fn domain_and_view_never_mention_browser_crates() {
    let words = [
        "yew",
        "web_sys",
        "web-sys",
        "gloo",
        "wasm_bindgen",
        "wasm-bindgen",
        "js_sys",
        "js-sys",
    ];
    assert!(
        rust_files(&root().join("src/domain")).len() >= 5,
        "src/domain has the domain modules"
    );
    assert_none(
        mentions_under(&["src/domain", "src/view"], &words),
        "src/domain and src/view must not mention browser crates",
    );
}

/// The mention checker itself: whole path segments only.
#[test]
fn mentions_finds_whole_words_only() {
    let file = Path::new("x.rs");
    assert_eq!(
        mentions(file, "use yew::prelude::*;", &["yew"]),
        vec!["x.rs:1: use yew::prelude::*;"]
    );
    assert_eq!(
        mentions(file, "let yewish = 1;\nfn gloom() {}", &["yew", "gloo"]),
        Vec::<String>::new()
    );
}

/// No `todo!()`/`unimplemented!()` left in shipped code: they are panics on some input.
#[test]
fn no_todo_in_shipped_code() {
    let found = rust_files(&root().join("src"))
        .iter()
        .flat_map(|f| mentions(f, &read(f), &["todo!", "unimplemented!"]))
        .collect();
    assert_none(found, "src/ must not contain todo!() or unimplemented!()");
}

/// Tests that cannot fail or never run are not allowed (STYLE.md).
#[test]
fn no_should_panic_or_ignore() {
    let mut files = rust_files(&root().join("src"));
    files.extend(rust_files(&root().join("tests")));
    let found = files
        .iter()
        .filter(|f| !f.ends_with("tidy.rs"))
        .flat_map(|f| mentions(f, &read(f), &["#[should_panic", "#[ignore"]))
        .collect();
    assert_none(found, "no #[should_panic] or #[ignore]");
}

/// The version of `package` a Cargo.lock pins (its first entry of that name).
fn locked(lock_path: &Path, package: &str) -> String {
    let lock = read(lock_path);
    let mut lines = lock.lines();
    let name = format!("name = \"{package}\"");
    while let Some(line) = lines.next() {
        if line == name {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
            {
                return v.to_string();
            }
        }
    }
    panic!("{package} is not in {}", lock_path.display())
}

/// Trunk must find the installed wasm-bindgen-cli, or it would try a download (no internet).
#[test]
fn trunk_pins_the_locked_wasm_bindgen() {
    let version = locked(&root().join("Cargo.lock"), "wasm-bindgen");
    let trunk = read(&root().join("Trunk.toml"));
    let wanted = format!("wasm_bindgen = \"{version}\"");
    assert!(
        trunk.contains(&wanted),
        "Trunk.toml must say `{wanted}` (the Cargo.lock version)"
    );
}

/// Nothing in the page may come from elsewhere (SPEC §10): no absolute URLs in index.html, the
/// styles or the web assets.
#[test]
fn page_assets_name_no_other_origin() {
    let mut files = vec![root().join("index.html")];
    for dir in ["styles", "web"] {
        let entries = std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        files.extend(
            entries
                .map(|e| e.unwrap_or_else(|e| panic!("{dir}: {e}")).path())
                .filter(|p| {
                    p.extension().is_some_and(|e| {
                        ["css", "js", "html", "webmanifest"].contains(&e.to_string_lossy().as_ref())
                    })
                }),
        );
    }
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = read(f);
            let lines: Vec<String> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| {
                    l.contains("http://") || l.contains("https://") || l.contains("//cdn")
                })
                .map(|(n, l)| format!("{}:{}: {}", f.display(), n + 1, l.trim()))
                .collect();
            lines
        })
        .collect();
    assert_none(found, "the page must not reference other origins");
}

/// The command line's argument parser stays native: the domain and the page never use it, and
/// Cargo.toml lists it only for targets other than wasm32, so it never reaches the wasm. CSV
/// (the `csv` crate) is read and written in one place, `domain::fleet::csv_input` and
/// `csv_output`, shared by the command line and the fleet view; nothing else in the domain,
/// the view or the single-pair page names it.
#[test]
fn command_line_crates_stay_out_of_the_domain_and_the_wasm() {
    let words = ["clap::", "serde::", "serde_json::"];
    assert_none(
        mentions_under(&["src/domain", "src/view", "src/ui"], &words),
        "src/domain, src/view and src/ui must not use the CLI's crates",
    );
    let csv_modules = ["csv_input.rs", "csv_output.rs"];
    let csv_users: Vec<String> = ["src/domain", "src/view", "src/ui"]
        .iter()
        .flat_map(|dir| rust_files(&root().join(dir)))
        .filter(|f| {
            let in_fleet = f.parent().is_some_and(|p| p.ends_with("domain/fleet"));
            !(in_fleet && csv_modules.iter().any(|m| f.ends_with(m)))
        })
        .flat_map(|f| mentions(&f, &read(&f), &["csv::"]))
        .collect();
    assert_none(
        csv_users,
        "only domain::fleet's csv_input and csv_output use the csv crate",
    );

    let manifest = read(&root().join("Cargo.toml"));
    let mut section = "";
    let mut seen = Vec::new();
    for line in manifest.lines() {
        if line.starts_with('[') {
            section = line;
        } else if let Some(name) = ["clap", "csv"]
            .iter()
            .find(|n| line.starts_with(&format!("{n} =")))
        {
            let wanted = match *name {
                "clap" => "[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]",
                _ => "[dependencies]",
            };
            assert_eq!(section, wanted, "{name} belongs under {wanted}");
            seen.push(*name);
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, ["clap", "csv"], "Cargo.toml names the CLI's crates");
}

/// Every file git tracks, relative to the root, sorted.
fn tracked_files() -> Vec<PathBuf> {
    let out = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run `git ls-files` (is git installed?): {e}"));
    assert!(out.status.success(), "`git ls-files` failed: {out:?}");
    let mut files: Vec<PathBuf> = String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|name| !name.is_empty())
        .map(PathBuf::from)
        .collect();
    files.sort();
    files
}

/// How many folders deep `dir` (relative to the root) is.
fn depth(dir: &Path) -> usize {
    dir.components().count()
}

/// The folder of the Cargo package `file` belongs to (nearest ancestor with a Cargo.toml).
fn package_dir(file: &Path) -> PathBuf {
    file.ancestors()
        .skip(1)
        .find(|dir| root().join(dir).join("Cargo.toml").is_file())
        .map_or_else(PathBuf::new, Path::to_path_buf)
}

/// The relative path of the folder that sits beside the developers' checkouts (written in two
/// pieces so this file does not name it itself).
const SHARED: &str = concat!("..", "/shared");

/// `file:line: text` for each line of `text` (the file `file`, relative to the root) that
/// reaches outside the repository: one that names the shared folder beside the repository
/// (where the reference data once came from), or a relative path that climbs above the root. A path is read from the
/// file's own folder (`include_str!`, `#[path]`, `import`), or, when it is a string starting
/// with `/..`, from its package's folder (`concat!(env!("CARGO_MANIFEST_DIR"), "/../x")`).
fn reaches_outside(file: &Path, text: &str) -> Vec<String> {
    let from_file = depth(file.parent().unwrap_or(Path::new("")));
    let from_package = depth(&package_dir(file));
    let is_path_char = |c: char| c.is_alphanumeric() || "_.-/".contains(c);
    let climbs_out = |line: &str| {
        let mut rest = line;
        while let Some(start) = rest.find(is_path_char) {
            let after = &rest[start..];
            let end = after.find(|c| !is_path_char(c)).unwrap_or(after.len());
            let token = &after[..end];
            let base = match token.strip_prefix('/') {
                None => Some(from_file),
                Some(_) if rest[..start].ends_with('"') => Some(from_package),
                Some(_) => None, // an absolute path: a tool of the system, not a file we read
            };
            if let Some(mut level) =
                base.filter(|_| token.contains("../") || token.ends_with("/.."))
            {
                for segment in token.split('/') {
                    match segment {
                        ".." if level == 0 => return true,
                        ".." => level -= 1,
                        "" | "." => {}
                        _ => level += 1,
                    }
                }
            }
            rest = &after[end..];
        }
        false
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(SHARED) || climbs_out(line))
        .map(|(n, line)| format!("{}:{}: {}", file.display(), n + 1, line.trim()))
        .collect()
}

/// A clone has nothing beside it: no tracked file but the Markdown docs names the shared folder
/// folder or reads a path above the repository root (the reference data is in `data/reference/`).
#[test]
fn nothing_reads_outside_the_repository() {
    let files = tracked_files();
    assert!(
        files.iter().any(|f| f.ends_with("xtask/src/catalog.rs")),
        "git lists the tracked files"
    );
    let found = files
        .iter()
        .filter(|f| f.extension().is_none_or(|e| e != "md") && !f.ends_with("tests/tidy.rs"))
        .filter_map(|f| {
            let text = std::fs::read_to_string(root().join(f)).ok()?; // binary files name no path
            Some(reaches_outside(f, &text))
        })
        .flatten()
        .collect();
    assert_none(found, "tracked files must not read outside the repository");
}

/// The outside-reach checker itself: climbs are counted from the file's folder, or from its
/// package's folder for a string appended to the manifest dir.
#[test]
fn reaches_outside_counts_the_climb() {
    let named = format!("const R: &str = \"{SHARED}/x.json\";");
    let outside = [
        ("xtask/src/catalog.rs", named.as_str()),
        (
            "src/domain/catalog.rs",
            r#"include_str!("../../../data/x.txt")"#,
        ),
        (
            "tests/catalog_data.rs",
            r#"concat!(env!("CARGO_MANIFEST_DIR"), "/../x")"#,
        ),
        (
            "benches/browser/browser.mjs",
            "import x from '../../../elsewhere/x.mjs';",
        ),
    ];
    let inside = [
        (
            "src/domain/catalog.rs",
            r#"include_str!("../../data/catalog.txt")"#,
        ),
        (
            "xtask/src/main.rs",
            r#"concat!(env!("CARGO_MANIFEST_DIR"), "/../data")"#,
        ),
        (
            "benches/browser/browser.mjs",
            "import x from '../../tests/e2e/harness.mjs';",
        ),
        (
            "xtask/src/tools.rs",
            r#"const C: &str = "/usr/bin/../bin/chromium";"#,
        ),
        ("src/domain/plan.rs", "let all = &hops[..];"),
    ];
    for (file, line) in outside {
        assert_eq!(
            reaches_outside(Path::new(file), line).len(),
            1,
            "{file}: {line}"
        );
    }
    for (file, line) in inside {
        assert_eq!(reaches_outside(Path::new(file), line), Vec::<String>::new());
    }
}

/// The string literals of a line of code (between unescaped double quotes).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut escaped = false;
    for c in line.chars() {
        match (&mut current, c) {
            (Some(lit), _) if escaped => {
                lit.push(c);
                escaped = false;
            }
            (Some(_), '\\') => escaped = true,
            (Some(_), '"') => out.extend(current.take()),
            (Some(lit), c) => lit.push(c),
            (None, '"') => current = Some(String::new()),
            (None, _) => {}
        }
    }
    out
}

/// Markup or Markdown inside a string literal of a line of code (comments are skipped): a
/// tag (`<li`, `</`), `**`, a `## ` heading or a ``` fence. A literal that is one placeholder
/// of a command, as Cisco writes them (`<tftp-server>`: words joined by hyphens, which no
/// standard HTML element name has), is a command's text, not a tag.
fn markup_in(file: &Path, text: &str) -> Vec<String> {
    let is_placeholder = |lit: &str| {
        lit.strip_prefix('<')
            .and_then(|l| l.strip_suffix('>'))
            .is_some_and(|word| {
                word.contains('-') && word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
    };
    let is_markup = |lit: &str| {
        if is_placeholder(lit) {
            return false;
        }
        let tag = lit
            .find('<')
            .and_then(|i| lit[i + 1..].chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        tag || ["**", "## ", "```"].iter().any(|m| lit.contains(m))
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| literals(line).iter().any(|l| is_markup(l)))
        .map(|(i, line)| format!("{}:{}: {}", file.display(), i + 1, line.trim()))
        .collect()
}

#[test]
fn the_domain_returns_facts_not_markup() {
    let found = rust_files(&root().join("src/domain"))
        .iter()
        .flat_map(|f| markup_in(f, &read(f)))
        .collect();
    assert_none(
        found,
        "markup or Markdown in src/domain (the domain returns facts; src/view words them)",
    );
}

#[test]
fn markup_in_finds_tags_and_markdown_in_code_only() {
    let file = Path::new("x.rs");
    for code in [
        "out.push_str(\"<li>\");",
        "let s = \"**bold**\";",
        "writeln!(md, \"## Hops\");",
        "let fence = \"```\";",
        "let t = \"<p class=\\\"x\\\">\";",
    ] {
        assert_eq!(markup_in(file, code).len(), 1, "{code}");
    }
    for clean in [
        "// writes `<li>` here",
        "let a = b < c;",
        "if x <= y {}",
        ".filter(|t| a < **t && **t < b)",
        "let s = \"a < b and 8.2 → 8.3\";",
        "const SERVER: &str = \"<tftp-server>\";",
    ] {
        assert!(markup_in(file, clean).is_empty(), "{clean}");
    }
}

/// The string literals of a file's code with the line each starts on: comments are skipped,
/// a literal may run over several lines (`\` continuations), raw strings (`r#"…"#`) and char
/// literals (`'"'`) are read as Rust reads them. Everything from a `#[cfg(test)]` line on is
/// left out (the test modules sit at the end of a file).
fn file_literals(text: &str) -> Vec<(usize, String)> {
    let code = text.split("\n#[cfg(test)]").next().unwrap_or_default();
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' => {
                // A char literal ('x', '\n', '"'), else a lifetime.
                if next == Some('\\') {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 2;
                }
            }
            'r' if (next == Some('"') || next == Some('#'))
                && !chars[..i]
                    .last()
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                if chars.get(i + 1 + hashes) == Some(&'"') {
                    let start = line;
                    let close: String = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    let body_start = i + 2 + hashes;
                    let rest: String = chars[body_start..].iter().collect();
                    let end = rest.find(&close).unwrap_or(rest.len());
                    let body = &rest[..end];
                    line += body.matches('\n').count();
                    out.push((start, body.to_string()));
                    i = body_start + body.chars().count() + close.chars().count();
                    continue;
                }
            }
            '"' => {
                let start = line;
                let mut lit = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    match chars[i] {
                        '\\' if chars.get(i + 1) == Some(&'\n') => {
                            // A continuation: the newline and the next line's indent vanish.
                            line += 1;
                            i += 2;
                            while i < chars.len() && chars[i].is_whitespace() {
                                if chars[i] == '\n' {
                                    line += 1;
                                }
                                i += 1;
                            }
                            continue;
                        }
                        '\\' => {
                            lit.push(chars.get(i + 1).copied().unwrap_or('\\'));
                            i += 2;
                            continue;
                        }
                        '\n' => {
                            line += 1;
                            lit.push('\n');
                        }
                        c => lit.push(c),
                    }
                    i += 1;
                }
                out.push((start, lit));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Whether a literal reads as an English sentence: three or more words of letters (a word may
/// end in `,`, `.`, `:`, `;` or `?`), separated by spaces.
fn is_sentence(lit: &str) -> bool {
    lit.split_whitespace()
        .filter(|w| {
            let w = w.trim_end_matches([',', '.', ':', ';', '?']);
            w.len() > 1
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
        .count()
        >= 3
}

/// The lines of `text` (a file) inside an `impl … Display for …` block.
fn display_lines(text: &str) -> Vec<bool> {
    let mut inside = Vec::new();
    let mut depth: Option<i32> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if depth.is_none() && trimmed.starts_with("impl") && trimmed.contains("Display for ") {
            depth = Some(0);
        }
        inside.push(depth.is_some());
        if let Some(d) = depth.as_mut() {
            *d += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            if *d <= 0 && line.contains('}') {
                depth = None;
            }
        }
    }
    inside
}

/// `file:line: "literal"` for each English sentence in a literal of `text`'s code outside an
/// `impl … Display for …` block.
fn sentences_in(file: &Path, text: &str) -> Vec<String> {
    let display = display_lines(text);
    file_literals(text)
        .into_iter()
        .filter(|(line, lit)| is_sentence(lit) && !display.get(line - 1).copied().unwrap_or(false))
        .map(|(line, lit)| format!("{}:{line}: {lit:?}", file.display()))
        .collect()
}

#[test]
fn sentences_in_finds_english_literals_in_code_only() {
    let file = Path::new("x.rs");
    for code in [
        "let s = \"the pair is healthy\";",
        "let s = format!(\"train {t} is switched off: switch it on\");",
        "let s = \"one \\\n         two three\";",
        "let s = r#\"say \"this\" here and now\"#;",
    ] {
        assert_eq!(sentences_in(file, code).len(), 1, "{code}");
    }
    for clean in [
        "// the pair is healthy, says this comment",
        "/// the pair is healthy, says this doc line",
        "let s = \"changeto system\";",
        "let c = '\"'; let s = \"a b\";",
        "const SERVER: &str = \"<tftp-server>\";",
        "let s = \"9.8(4) 9.12(4) 9.20(1)\";",
        "impl fmt::Display for E {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        f.write_str(\"the release does not read\")\n    }\n}",
        "fn f() {}\n#[cfg(test)]\nmod tests { const S: &str = \"a test sentence here\"; }",
    ] {
        assert_eq!(sentences_in(file, clean), Vec::<String>::new(), "{clean}");
    }
    // After a Display block, literals count again; line numbers follow continuations.
    let code =
        "impl fmt::Display for E {\n}\nlet a = \"x \\\n  y\";\nlet s = \"the pair is healthy\";";
    assert_eq!(
        sentences_in(file, code),
        ["x.rs:5: \"the pair is healthy\""]
    );
}

/// Files that still hold sentences, with how many (exactly) and why. Cisco-sourced data tables
/// (caveats, exceptions, documents, models, presets: summarised from Cisco's documents, each
/// entry with its source) and the device output the `show` parser matches are facts kept where
/// they are; so are a few commands, and the page's components ("page"), whose sentences move to
/// `view::words` with the page's own changes. A count may only go down: lower it when a sentence moves.
#[rustfmt::skip]
const SENTENCES_KEPT: &[(&str, usize, &str)] = &[
    ("src/domain/caveats.rs", 23, "Cisco-sourced caveat texts and their commands"),
    ("src/domain/rules.rs", 17, "Cisco-sourced exceptions: reasons, notes, quotes"),
    ("src/domain/sources.rs", 14, "titles of Cisco's documents"),
    ("src/domain/platform.rs", 9, "models' names and their Cisco documents' titles"),
    ("src/domain/presets.rs", 9, "presets' names and exclusion reasons"),
    ("src/domain/show/parse.rs", 16, "lines of device output the parser matches"),
    ("src/domain/show/mod.rs", 3, "failover states as the device prints them"),
    ("src/domain/position.rs", 3, "commands (`no failover active`, `no boot system`)"),
    ("src/domain/runbook/mod.rs", 1, "a command (`write memory all /noconfirm`, the save the runbook and the position share)"),
];

/// Architecture Invariant: the domain returns facts and the components draw them; a sentence
/// a person reads is `view::words`' (error types may keep their `Display`). Checked in
/// `src/domain` and `src/ui` (the app and its components), with [`SENTENCES_KEPT`] as the only
/// exceptions.
#[test]
fn the_domain_and_the_components_say_no_sentence() {
    let mut found = Vec::new();
    for file in ["src/domain", "src/ui"]
        .iter()
        .flat_map(|dir| rust_files(&root().join(dir)))
    {
        let sentences = sentences_in(&file, &read(&file));
        let name = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let kept = SENTENCES_KEPT
            .iter()
            .find(|(f, ..)| *f == name)
            .map_or(0, |(_, n, _)| *n);
        if sentences.len() > kept {
            found.push(format!(
                "{name}: {} sentences, at most {kept} allowed:\n{}",
                sentences.len(),
                sentences.join("\n")
            ));
        } else if sentences.len() < kept {
            found.push(format!(
                "{name}: {} sentences: lower its count in SENTENCES_KEPT to {} (or remove it at 0)",
                sentences.len(),
                sentences.len()
            ));
        }
    }
    for (file, ..) in SENTENCES_KEPT {
        if !root().join(file).exists() {
            found.push(format!("{file}: listed in SENTENCES_KEPT but absent"));
        }
    }
    assert_none(
        found,
        "an English sentence in a literal of src/domain or src/ui (the domain returns facts and \
         the components draw them: sentences are view::words')",
    );
}

/// Architecture Invariant: the domain does not call into the view (the view words the
/// domain's facts, not the other way round), not even through a re-export.
#[test]
fn the_domain_names_the_view_nowhere() {
    let found: Vec<String> = mentions_under(&["src/domain"], &["view"])
        .into_iter()
        .filter(|line| line.contains("crate::view") || line.contains("super::view"))
        .collect();
    assert_none(found, "src/domain names src/view");
}
