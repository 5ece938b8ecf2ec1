//! The release suggestions shared by every release field: a `<datalist>` with one option per
//! release of the catalog in use, newest first (what people usually want). One element with
//! its options inside, so the page inserts one node, not one per release: options inserted one
//! by one into a `<datalist>` the fields already use cost a notification each.

use super::markup::attr;
use crate::domain::catalog::Catalog;
use crate::domain::platform::Platform;

/// `<datalist id="…">` with an `<option value="…">` for each release of `catalog` that the
/// chosen model runs (every one with no model: a release it does not run would be refused).
pub fn datalist(id: &str, catalog: &Catalog, platform: Option<Platform>) -> String {
    let mut out = String::with_capacity(24 * catalog.entries().len() + 64);
    out.push_str("<datalist");
    attr(&mut out, "id", id);
    out.push('>');
    let runs =
        |e: &&crate::domain::catalog::Entry| platform.is_none_or(|p| p.limit(e.release).is_none());
    for entry in catalog.entries().iter().rev().filter(runs) {
        out.push_str("<option");
        attr(&mut out, "value", &entry.release.to_string());
        out.push('>');
    }
    out.push_str("</datalist>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_release_newest_first() {
        let catalog = Catalog::builtin();
        let markup = datalist("x", &catalog, None);
        assert_eq!(
            markup.matches("<option value=").count(),
            catalog.entries().len()
        );
        let first = catalog.entries().last().map(|e| e.release.to_string());
        let head = format!(
            "<datalist id=\"x\"><option value=\"{}\">",
            first.unwrap_or_default()
        );
        assert!(markup.starts_with(&head));
        assert!(markup.ends_with("</datalist>"));
    }
}
