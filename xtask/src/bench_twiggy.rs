//! Why the wasm is as big as it is: twiggy's biggest items and the same bytes summed by crate
//! (by module for the app itself), printed when the first load is over budget.
//!
//! The shipped wasm has no names (wasm-opt strips them), so twiggy reads wasm-bindgen's output
//! of the same build, `<target>/wasm-bindgen/release/asa-planner_bg.wasm`: the same code before
//! wasm-opt, names kept. Sizes are shallow and uncompressed; wasm-opt shrinks code further.

use crate::cmd::Cmd;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How many of the biggest items and crates are listed.
const TOP: usize = 15;

pub struct Twiggy {
    pub wasm: PathBuf,
    /// twiggy's own table of the biggest items.
    pub top: String,
    /// (crate or module, bytes, items), biggest first.
    pub by_crate: Vec<(String, u64, usize)>,
    pub total: u64,
}

/// The named wasm of the last release build under `target`.
pub fn named_wasm(target: &Path) -> PathBuf {
    target
        .join("wasm-bindgen")
        .join("release")
        .join("asa-planner_bg.wasm")
}

pub fn run(wasm: &Path) -> Result<Twiggy, String> {
    ensure_twiggy()?;
    if !wasm.is_file() {
        return Err(format!(
            "{} is missing: run `cargo xtask dist` (Trunk's release build writes it)",
            wasm.display()
        ));
    }
    let top = Cmd::new("twiggy")
        .args(["top", "-n", &TOP.to_string()])
        .arg(wasm)
        .read_bytes()?;
    let csv = Cmd::new("twiggy")
        .args(["top", "-f", "csv"])
        .arg(wasm)
        .read_bytes()?;
    let (by_crate, total) = by_crate(&String::from_utf8_lossy(&csv));
    Ok(Twiggy {
        wasm: wasm.to_path_buf(),
        top: String::from_utf8_lossy(&top).into_owned(),
        by_crate,
        total,
    })
}

pub fn print(t: &Twiggy) {
    println!("\ntwiggy top -n {TOP} {}", t.wasm.display());
    print!("{}", t.top);
    println!("\nthe same bytes by crate (app by module), uncompressed:");
    for (name, bytes, items) in t.by_crate.iter().take(TOP) {
        println!(
            "{:>9} {:>5.1}%  {name} ({items} items)",
            bytes,
            100.0 * *bytes as f64 / t.total.max(1) as f64
        );
    }
}

/// Sums twiggy's CSV (`Name,ShallowSize,…`) by [`owner`], biggest first, and the total.
fn by_crate(csv: &str) -> (Vec<(String, u64, usize)>, u64) {
    let mut sums: BTreeMap<String, (u64, usize)> = BTreeMap::new();
    let mut total = 0;
    for line in csv.lines().skip(1) {
        // The name may hold commas (generics); the four numeric fields are the last ones.
        let mut fields = line.rsplitn(5, ',');
        let (Some(_), Some(_), Some(_), Some(size), Some(name)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let Ok(size) = size.parse::<u64>() else {
            continue;
        };
        // twiggy's summary rows are not items.
        if name.starts_with("\"Σ") || name.starts_with("Σ") || name.contains("more.") {
            continue;
        }
        total += size;
        let entry = sums.entry(owner(name)).or_default();
        entry.0 += size;
        entry.1 += 1;
    }
    let mut out: Vec<(String, u64, usize)> =
        sums.into_iter().map(|(k, (b, n))| (k, b, n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (out, total)
}

/// Who an item belongs to: the crate of its first path (`<yew::… as …>::run` is yew's), the
/// app's module (`asa_planner::domain::catalog`), or a kind of section.
fn owner(name: &str) -> String {
    let name = name.trim_matches('"');
    if name.contains("function names") || name.starts_with("custom section") {
        return "(names and custom sections: not shipped)".to_string();
    }
    if name.starts_with("data segment") || name.starts_with("data[") {
        return "(data segments: strings, tables, the embedded catalog)".to_string();
    }
    let path = name.trim_start_matches(['<', '&', '(', '*', ' ']);
    let path = path
        .strip_prefix("mut ")
        .or_else(|| path.strip_prefix("dyn "))
        .or_else(|| path.strip_prefix("const "))
        .unwrap_or(path);
    let segments: Vec<&str> = path
        .split("::")
        .map(|s| {
            s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
        })
        .collect();
    match segments.as_slice() {
        ["asa_planner", a, b, ..] => format!("asa_planner::{a}::{b}"),
        [krate, _, ..] if !krate.is_empty() => (*krate).to_string(),
        _ => "(unnamed: wasm-bindgen shims, tables, types)".to_string(),
    }
}

fn ensure_twiggy() -> Result<(), String> {
    if Cmd::new("twiggy").arg("--version").probe().is_some() {
        return Ok(());
    }
    Cmd::new("cargo")
        .args(["install", "--locked", "twiggy"])
        .run()
        .map_err(|e| format!("{e}\ninstall twiggy by hand with `cargo install --locked twiggy`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_owners() {
        assert_eq!(
            owner("<asa_planner::ui::app::App as yew::functional::FunctionProvider>::run::hc3c"),
            "asa_planner::ui::app"
        );
        assert_eq!(
            owner("<yew::html::component::lifecycle::CompStateInner<COMP> as X>::view::h0d"),
            "yew"
        );
        assert_eq!(owner("core::slice::sort::unstable::quicksort::h2f"), "core");
        assert_eq!(
            owner("\"data segment \"\".rodata\"\"\""),
            "(data segments: strings, tables, the embedded catalog)"
        );
        assert_eq!(
            owner("code[12]"),
            "(unnamed: wasm-bindgen shims, tables, types)"
        );
    }

    #[test]
    fn sums_by_owner() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
            core::fmt::write::h1,100,1.0,,\n\
            <alloc::vec::Vec<T, A> as core::Clone>::clone::h2,50,0.5,,\n\
            core::str::from_utf8::h3,20,0.2,,\n\
            Σ [3 Total Rows],170,100.0,,\n";
        assert_eq!(
            by_crate(csv),
            (
                vec![("core".to_string(), 120, 2), ("alloc".to_string(), 50, 1)],
                170
            )
        );
    }
}
