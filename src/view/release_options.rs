//! The release suggestions shared by every release field: the options of the page's
//! `<datalist>`, one per release of the catalog in use, newest first (what people usually
//! want). Written as one string, so the page sets them in one call, not one per release.

use super::markup::attr;
use crate::domain::catalog::Catalog;

/// An `<option value="…">` for each release of `catalog`, newest first.
pub fn options(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(24 * catalog.entries().len());
    for entry in catalog.entries().iter().rev() {
        out.push_str("<option");
        attr(&mut out, "value", &entry.release.to_string());
        out.push('>');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_release_newest_first() {
        let catalog = Catalog::builtin();
        let markup = options(&catalog);
        assert_eq!(
            markup.matches("<option value=").count(),
            catalog.entries().len()
        );
        let first = catalog.entries().last().map(|e| e.release.to_string());
        let head = format!("<option value=\"{}\">", first.unwrap_or_default());
        assert!(markup.starts_with(&head));
    }
}
