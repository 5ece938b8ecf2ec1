//! One stylesheet for the page: the styles stay one file per component in `styles/` (and Trunk
//! links and minifies each), but a first visit should not pay a request, a render-blocking round
//! trip and a 64-character integrity hash for each of twenty-odd files of a few hundred bytes.
//! This step, part of `cargo xtask post-build`, concatenates the page's stylesheets in document
//! order into one content-hashed file with its own SRI hash and links that instead.
//!
//! The styles of what the second wasm draws (`styles/later-*.css`: the runbook's body, the list
//! view, the fleet view) are bundled apart into `asa-later-<hash>.css` and unlinked: the page adds
//! that sheet when it loads the second wasm, so the first load does not carry them.

use crate::sha256;
use std::path::Path;

/// A `<link … rel=stylesheet>` of index.html that points at a local `.css` file.
struct Link {
    /// Byte range of the whole tag in the page.
    start: usize,
    end: usize,
    /// The file name as written in `href`, relative to the page (`./tokens-1a2b.css`).
    href: String,
}

/// Trunk's name of a `styles/later-*.css` file starts with this.
const LATER_PREFIX: &str = "later-";

/// The page's stylesheets after [`bundle`], and the second wasm's sheet, if any.
#[derive(Debug)]
pub struct Bundled {
    pub html: String,
    /// `asa-later-<hash>.css`, written to the dir and linked nowhere.
    pub later: Option<String>,
}

/// Replaces the local stylesheet links of `html` with one link to a bundle written to `dir`,
/// and bundles the `later-*` ones apart, unlinked. The individual files are removed from `dir`.
/// A page with fewer than two local stylesheets of its own keeps them as they are.
pub fn bundle(html: &str, dir: &Path) -> Result<Bundled, String> {
    let links = stylesheet_links(html);
    let is_later = |link: &Link| link.href.trim_start_matches("./").starts_with(LATER_PREFIX);
    let (later, page): (Vec<&Link>, Vec<&Link>) = links.iter().partition(|l| is_later(l));
    let later_name = if later.is_empty() {
        None
    } else {
        let css = concatenate(&later, dir)?;
        let name = format!("asa-later-{}.css", &sha256::hex(css.as_bytes())[..16]);
        std::fs::write(dir.join(&name), &css).map_err(|e| format!("cannot write {name}: {e}"))?;
        Some(name)
    };
    let tag = if page.len() < 2 {
        None
    } else {
        let css = concatenate(&page, dir)?;
        let name = format!("app-{}.css", &sha256::hex(css.as_bytes())[..16]);
        std::fs::write(dir.join(&name), &css).map_err(|e| format!("cannot write {name}: {e}"))?;
        Some(format!(
            "<link href=\"./{name}\" integrity=\"{}\" rel=\"stylesheet\">",
            sha256::integrity(css.as_bytes())
        ))
    };
    // Drop the bundled links (the page's bundle takes the place of its first one).
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    let mut first = true;
    for link in &links {
        let bundled = if is_later(link) { true } else { tag.is_some() };
        if !bundled {
            continue;
        }
        out.push_str(&html[at..link.start]);
        if !is_later(link) && first {
            out.push_str(tag.as_deref().unwrap_or_default());
            first = false;
        }
        at = link.end;
    }
    out.push_str(&html[at..]);
    Ok(Bundled {
        html: out,
        later: later_name,
    })
}

/// The files of `links`, read from `dir` in order, one after the other; each is then removed.
fn concatenate(links: &[&Link], dir: &Path) -> Result<String, String> {
    let mut css = String::new();
    for link in links {
        let path = dir.join(link.href.trim_start_matches("./"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read stylesheet {}: {e}", path.display()))?;
        css.push_str(&text);
        css.push('\n');
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(css)
}

/// The `<link>` tags with `rel=stylesheet` and a relative `.css` href, in document order.
fn stylesheet_links(html: &str) -> Vec<Link> {
    let lower = html.to_ascii_lowercase();
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<link").map(|i| i + from) {
        let Some(end) = lower[start..].find('>').map(|i| i + start + 1) else {
            break;
        };
        from = end;
        let tag = &html[start..end];
        let is_stylesheet =
            attribute(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("stylesheet"));
        // A media attribute would be lost in a plain concatenation: leave such links alone.
        if !is_stylesheet || attribute(tag, "media").is_some() {
            continue;
        }
        if let Some(href) = attribute(tag, "href") {
            if href.ends_with(".css") && !href.contains(':') && !href.starts_with('/') {
                links.push(Link {
                    start,
                    end,
                    href: href.to_string(),
                });
            }
        }
    }
    links
}

/// The value of attribute `name` in one tag, quoted or not (Trunk's minifier drops quotes).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| i + from) {
        from = i + name.len();
        let before_ok = i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace();
        if !before_ok || !lower[from..].starts_with('=') {
            continue;
        }
        let rest = &tag[from + 1..];
        return Some(match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_end_matches('/'),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_local_stylesheets_in_order_and_keeps_the_rest() {
        let dir = std::env::temp_dir().join(format!("css-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a-1.css"), "a{}").unwrap();
        std::fs::write(dir.join("b-2.css"), "b{}").unwrap();
        std::fs::write(dir.join("p.css"), "p{}").unwrap();
        std::fs::write(dir.join("later-r-3.css"), "r{}").unwrap();
        let page = "<head><link href=./a-1.css integrity=sha384-x rel=stylesheet>\
            <link rel=\"icon\" href=\"i.svg\"><script type=module>x</script><link href=./later-r-3.css rel=stylesheet>\
            <link rel=\"stylesheet\" href=\"b-2.css\"/><link href=p.css rel=stylesheet media=print></head>";
        let Bundled { html: out, later } = bundle(page, &dir).unwrap();
        // The second wasm's sheet: bundled apart, linked nowhere.
        let later_name = format!("asa-later-{}.css", &sha256::hex(b"r{}\n")[..16]);
        assert_eq!(later.as_deref(), Some(later_name.as_str()));
        assert_eq!(
            std::fs::read_to_string(dir.join(&later_name)).unwrap(),
            "r{}\n"
        );
        assert!(!dir.join("later-r-3.css").exists() && !out.contains("later-"));
        let expected_css = "a{}\nb{}\n";
        let name = format!("app-{}.css", &sha256::hex(expected_css.as_bytes())[..16]);
        assert_eq!(
            std::fs::read_to_string(dir.join(&name)).unwrap(),
            expected_css
        );
        assert!(!dir.join("a-1.css").exists() && !dir.join("b-2.css").exists());
        assert!(
            dir.join("p.css").exists(),
            "a media-specific sheet stays on its own"
        );
        assert!(out.starts_with(&format!(
            "<head><link href=\"./{name}\" integrity=\"sha256-"
        )));
        assert!(out.contains(
            "<link rel=\"icon\" href=\"i.svg\"><script type=module>x</script><link href=p.css"
        ));
        assert_eq!(out.matches("stylesheet").count(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reads_quoted_and_bare_attributes() {
        assert_eq!(
            attribute("<link href=./a.css rel=stylesheet>", "rel"),
            Some("stylesheet")
        );
        assert_eq!(
            attribute("<link rel='x y' href=\"b.css\"/>", "href"),
            Some("b.css")
        );
        assert_eq!(attribute("<link data-href=a.css>", "href"), None);
        assert_eq!(attribute("<link href=a.css/>", "href"), Some("a.css"));
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let dir = std::env::temp_dir().join(format!("css-bundle-missing-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = "<link href=x.css rel=stylesheet><link href=y.css rel=stylesheet>";
        let err = bundle(page, &dir).unwrap_err();
        assert!(
            err.starts_with("cannot read stylesheet ") && err.contains("x.css"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
