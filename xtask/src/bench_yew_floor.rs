//! The bench's third page, between the app and the static page: the leanest Yew page showing
//! the same plan (`xtask/bench/yew-floor`). It renders the static page's `<main>` as one raw-HTML
//! node and does nothing else, built by Trunk with the app's size-tuned release settings and the
//! app's wasm loader. Its time to a drawn plan is what the stack alone costs (download, compile
//! and instantiate a Yew wasm, mount one component), so the report can show how much of the
//! app's time is the app's own work and how much any Yew page pays here.

use crate::bench_size::kib;
use crate::bench_static::STYLE;
use crate::cmd::Cmd;
use crate::dist::{self, gzip_size};
use crate::repo_root;
use std::path::Path;

/// The page's name inside the bench site.
pub const PAGE: &str = "yew-floor.html";

/// What a first visit of the Yew floor downloads: its page, glue and wasm, gzip -9.
pub struct FloorSize {
    pub wasm_gzip: u64,
    pub total_gzip: u64,
}

/// Builds the Yew floor around `main` (the static page's `<main>`) into `site`: `yew-floor.html`
/// plus its hashed `.js` and `.wasm`.
pub fn build(main: &str, work: &Path, site: &Path) -> Result<FloorSize, String> {
    let markup = work.join("yew-floor-markup.html");
    write(&markup, main.trim_end())?;
    let out = work.join("yew-floor-dist");
    let crate_dir = repo_root().join("xtask").join("bench").join("yew-floor");
    let cmd = Cmd::new("trunk")
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&out)
        .env("ASA_BENCH_FLOOR_MARKUP", &markup)
        // Its own workspace: its artifacts under the project's target/, not beside its source.
        .env(
            "CARGO_TARGET_DIR",
            repo_root().join("target").join("yew-floor"),
        )
        .dir(&crate_dir);
    cmd.run()?;

    let index = std::fs::read_to_string(out.join("index.html"))
        .map_err(|e| format!("cannot read the Yew floor's index.html: {e}"))?;
    let page = with_style(&index)?;
    let page_path = site.join(PAGE);
    write(&page_path, &page)?;
    let mut size = FloorSize {
        wasm_gzip: 0,
        total_gzip: gzip_size(&page_path)?,
    };
    for file in dist::list(&out)? {
        let Some(name) = file.file_name() else {
            continue;
        };
        let is_wasm = file.extension().is_some_and(|e| e == "wasm");
        if !(is_wasm || file.extension().is_some_and(|e| e == "js")) {
            continue;
        }
        let copy = site.join(name);
        std::fs::copy(&file, &copy).map_err(|e| format!("cannot copy {}: {e}", file.display()))?;
        let gz = gzip_size(&copy)?;
        size.total_gzip += gz;
        if is_wasm {
            size.wasm_gzip = gz;
        }
    }
    if size.wasm_gzip == 0 {
        return Err(format!(
            "the Yew floor build left no .wasm in {}",
            out.display()
        ));
    }
    Ok(size)
}

/// Trunk's page with the static page's stylesheet at the end of its head, so that both floors
/// style the same markup the same way.
fn with_style(index: &str) -> Result<String, String> {
    let at = index
        .find("</head>")
        .ok_or("the Yew floor's index.html has no </head>")?;
    Ok(format!("{}{STYLE}{}", &index[..at], &index[at..]))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn print(size: &FloorSize) {
    println!(
        "Yew floor page (xtask/bench/yew-floor): first load {} gzip, of which wasm {}",
        kib(size.total_gzip),
        kib(size.wasm_gzip)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puts_the_style_in_the_head() {
        assert_eq!(
            with_style("<head><title>t</title></head><body></body>"),
            Ok(format!("<head><title>t</title>{STYLE}</head><body></body>"))
        );
        assert_eq!(
            with_style("<body></body>"),
            Err("the Yew floor's index.html has no </head>".to_string())
        );
    }
}
