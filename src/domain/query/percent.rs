//! Percent-encoding as the share format and the stored state use it. Written by hand because
//! the URL crates either pull in too much for the bundle or cannot encode our comma lists.

/// Bytes kept as they are when encoding: letters, digits and the punctuation that is harmless
/// in a fragment and keeps `from=8.2(5)` readable. Everything else (`%`, `&`, `=`, `#`, `+`,
/// `,` where asked, blanks, controls, quotes, brackets, backticks, non-ASCII) is `%XX`.
fn is_kept(b: u8, keep_comma: bool) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.' | b'_' | b'~' | b'(' | b')' | b'!' | b'*' | b'\'' | b'$'
        )
        || matches!(b, b';' | b':' | b'@' | b'/' | b'?')
        || (keep_comma && b == b',')
}

/// Appends `text` to `out`, percent-encoding every byte that is not kept. `keep_comma` is
/// false for the items of a comma-separated list, whose own commas must not split them.
pub(crate) fn encode_into(out: &mut String, text: &str, keep_comma: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        if is_kept(b, keep_comma) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
}

pub(crate) fn encode(text: &str, keep_comma: bool) -> String {
    let mut out = String::with_capacity(text.len());
    encode_into(&mut out, text, keep_comma);
    out
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes like URLSearchParams: `+` is a blank, `%XX` a byte, and a `%` that does not start a
/// valid escape is kept literally. Invalid UTF-8 becomes U+FFFD. Never fails.
pub(crate) fn decode_lenient(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match escape_at(bytes, i) {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why `decode_strict` refused a text: the 1-based byte where it went wrong.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StrictError {
    /// A `%` not followed by two hex digits.
    BadEscape { at: usize },
    /// The decoded bytes are not UTF-8.
    InvalidUtf8 { at: usize },
}

impl std::fmt::Display for StrictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StrictError::BadEscape { at } => write!(f, "bad escape at byte {at}"),
            StrictError::InvalidUtf8 { at } => write!(f, "invalid UTF-8 at byte {at}"),
        }
    }
}

/// Decodes text written by [`encode`], refusing anything it would not have written: a bad
/// escape or invalid UTF-8 is an error naming the byte offset. `+` is not special here.
pub(crate) fn decode_strict(text: &str) -> Result<String, StrictError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let b = escape_at(bytes, i).ok_or(StrictError::BadEscape { at: i + 1 })?;
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|e| StrictError::InvalidUtf8 {
        at: e.utf8_error().valid_up_to() + 1,
    })
}

/// The byte of the escape `%XX` starting at `i`, if it is one.
fn escape_at(bytes: &[u8], i: usize) -> Option<u8> {
    let hi = hex_value(*bytes.get(i + 1)?)?;
    let lo = hex_value(*bytes.get(i + 2)?)?;
    Some(hi << 4 | lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_only_what_must_be() {
        assert_eq!(encode("8.2(5)", true), "8.2(5)");
        assert_eq!(encode("a b&c=d#e+f%g", true), "a%20b%26c%3Dd%23e%2Bf%25g");
        assert_eq!(encode("x,y", true), "x,y");
        assert_eq!(encode("x,y", false), "x%2Cy");
        assert_eq!(encode("é\0`", true), "%C3%A9%00%60");
    }

    #[test]
    fn lenient_decoding_keeps_bad_escapes() {
        assert_eq!(decode_lenient("a+b%20c"), "a b c");
        assert_eq!(decode_lenient("100%"), "100%");
        assert_eq!(decode_lenient("%zz%4"), "%zz%4");
        assert_eq!(decode_lenient("%C3%A9"), "é");
        assert_eq!(decode_lenient("%FF"), "\u{FFFD}");
    }

    #[test]
    fn strict_decoding_refuses_bad_escapes() {
        assert_eq!(decode_strict("a+b%20c"), Ok("a+b c".to_string()));
        assert_eq!(
            decode_strict("ab%2").map_err(|e| e.to_string()),
            Err("bad escape at byte 3".to_string())
        );
        assert_eq!(decode_strict("ab%2"), Err(StrictError::BadEscape { at: 3 }));
        assert_eq!(
            decode_strict("%FF").map_err(|e| e.to_string()),
            Err("invalid UTF-8 at byte 1".to_string())
        );
    }
}
