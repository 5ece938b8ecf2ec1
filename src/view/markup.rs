//! Writing HTML/SVG as text: escaping and attributes. The only way text reaches the markup
//! of `graph_svg` and `runbook_html`, so a pasted `<img onerror=…>` stays text.

use crate::domain::sources::Source;

/// Appends `s` with the five characters that could end a text run or an attribute value
/// replaced by their references.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends ` name="value"` (the value escaped).
pub fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape(out, value);
    out.push('"');
}

/// Appends ` name="n"` for a coordinate, as whole pixels.
pub fn px_attr(out: &mut String, name: &str, v: f64) {
    attr(out, name, &px(v));
}

/// A coordinate as whole pixels for an SVG attribute.
pub fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// Appends text with `backtick` spans (as the domain writes commands inside sentences), the
/// spans as `<code>`, in a `<span class="inline-code">`.
pub fn inline_code(out: &mut String, text: &str) {
    out.push_str("<span class=\"inline-code\">");
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            escape(out, part);
            out.push_str("</code>");
        } else {
            escape(out, part);
        }
    }
    out.push_str("</span>");
}

/// A link to a Cisco document, opening in a new tab: its title as the text.
pub fn source_link(out: &mut String, source: &Source) {
    out.push_str("<a");
    attr(out, "href", source.url);
    out.push_str(" rel=\"noopener\" target=\"_blank\">");
    escape(out, source.title);
    out.push_str("</a>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_text_or_an_attribute() {
        let mut out = String::new();
        escape(&mut out, "<img src=x onerror='a&b'>\"");
        assert_eq!(out, "&lt;img src=x onerror=&#39;a&amp;b&#39;&gt;&quot;");
        let mut out = String::new();
        attr(&mut out, "title", "9.1(7) \"x\"");
        px_attr(&mut out, "x", 12.5);
        assert_eq!(out, " title=\"9.1(7) &quot;x&quot;\" x=\"13\"");
    }

    #[test]
    fn backtick_spans_become_code_and_stay_escaped() {
        let mut out = String::new();
        inline_code(&mut out, "type `write memory` then <b>`x<y`");
        assert_eq!(
            out,
            "<span class=\"inline-code\">type <code>write memory</code> then &lt;b&gt;<code>x&lt;y</code></span>"
        );
    }
}
