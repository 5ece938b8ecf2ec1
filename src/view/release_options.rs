//! The release suggestions shared by every release field: a `<datalist>` with one option per
//! release of the catalog in use, newest first (what people usually want). One element with
//! its options inside, so the page inserts one node, not one per release: options inserted one
//! by one into a `<datalist>` the fields already use cost a notification each.

use super::markup::attr;
use crate::domain::catalog::Catalog;

/// `<datalist id="…">` with an `<option value="…">` for each release of `catalog`.
pub fn datalist(id: &str, catalog: &Catalog) -> String {
    let mut out = String::with_capacity(24 * catalog.entries().len() + 64);
    out.push_str("<datalist");
    attr(&mut out, "id", id);
    out.push('>');
    for entry in catalog.entries().iter().rev() {
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
        let markup = datalist("x", &catalog);
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
