//! ASA release numbers: parsing every spelling Cisco uses, canonical display, domain order.

use std::fmt;
use std::str::FromStr;

/// One ASA software release, `M.m(p)` with an optional interim build `i`.
///
/// # Syntax
///
/// Cisco spells the same release three ways, and all are accepted (surrounding blanks too):
///
/// | spelling           | example      | where Cisco uses it              |
/// |--------------------|--------------|----------------------------------|
/// | `M.m(p)i`          | `8.4(7)30`   | `show version`, image names      |
/// | `M.m(p.i)`         | `8.4(7.30)`  | advisories, bug toolkit          |
/// | `M.m.p.i`          | `8.4.7.30`   | CVE JSON, NVD, openVuln          |
///
/// Without an interim build: `8.2(5)` or `8.2.5`. Display is canonical: `8.2(5)`, `9.8(4)15`,
/// and `parse(display(r)) == r` for every release.
///
/// # Ordering
///
/// Numeric on (major, minor, maintenance, interim), a missing interim first:
/// `8.4(7) < 8.4(7)30 < 8.4(8) < 9.10(1) < 9.12(1)` (minors are numbers, not text).
///
/// ```
/// use asa_planner::domain::release::Release;
/// let a: Release = "8.4(7.30)".parse().unwrap();
/// assert_eq!(a.to_string(), "8.4(7)30");
/// assert!(a < "8.4(8)".parse().unwrap());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Release {
    pub major: u16,
    pub minor: u16,
    pub maintenance: u16,
    pub interim: Option<u16>,
}

/// A release train, (major, minor): `8.2`, `9.12`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Train {
    pub major: u16,
    pub minor: u16,
}

impl Release {
    pub const fn new(major: u16, minor: u16, maintenance: u16, interim: Option<u16>) -> Self {
        Release {
            major,
            minor,
            maintenance,
            interim,
        }
    }

    pub const fn train(self) -> Train {
        Train {
            major: self.major,
            minor: self.minor,
        }
    }

    /// An interim build carries a fourth number; a maintenance release does not.
    pub const fn is_interim(self) -> bool {
        self.interim.is_some()
    }
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}({})", self.major, self.minor, self.maintenance)?;
        if let Some(i) = self.interim {
            write!(f, "{i}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Train {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Why a text is not a release (or a train). The message names what and where; positions are
/// 1-based character positions in the text as given (blanks included).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseError {
    kind: ErrorKind,
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum ErrorKind {
    Empty,
    UnexpectedChar { ch: char, pos: usize, part: Part },
    UnexpectedEnd { part: Part },
    Overflow { pos: usize, part: Part },
    Trailing { ch: char, pos: usize },
    TrainOnly { text: String },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Major,
    Minor,
    Maintenance,
    Interim,
    CloseParen,
}

/// The part of a release a message names ("the major number").
impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Major => "the major number",
            Part::Minor => "the minor number",
            Part::Maintenance => "the maintenance number",
            Part::Interim => "the interim build number",
            Part::CloseParen => "the closing ')'",
        })
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Empty => f.write_str("empty release: expected e.g. 9.8(4) or 8.4(7)30"),
            ErrorKind::UnexpectedChar { ch, pos, part } => write!(
                f,
                "unexpected character {} at position {pos} in {}",
                Shown(*ch),
                part
            ),
            ErrorKind::UnexpectedEnd { part } => {
                write!(f, "release ends too early: {} is missing", part)
            }
            ErrorKind::Overflow { pos, part } => {
                write!(
                    f,
                    "{} at position {pos} is too large (at most {})",
                    part,
                    u16::MAX
                )
            }
            ErrorKind::Trailing { ch, pos } => {
                write!(
                    f,
                    "unexpected character {} at position {pos} after the release",
                    Shown(*ch)
                )
            }
            ErrorKind::TrainOnly { text } => write!(
                f,
                "{text} is a train, not a release: add the maintenance number, e.g. {text}(1)"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Shows a character so that an invisible or control one is still readable in a message.
struct Shown(char);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.is_control() || c.is_whitespace() {
            write!(f, "U+{:04X}", c as u32)
        } else {
            write!(f, "'{c}'")
        }
    }
}

/// A cursor over the characters of the input, tracking 1-based positions.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    /// Number of characters before the trimmed text (so positions refer to the text as given).
    offset: usize,
    consumed: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next().map(|(_, c)| c);
        if c.is_some() {
            self.consumed += 1;
        }
        c
    }
    /// Position (1-based) of the next character.
    fn pos(&self) -> usize {
        self.offset + self.consumed + 1
    }

    fn number(&mut self, part: Part) -> Result<u16, ParseError> {
        let start = self.pos();
        let mut value: u32 = 0;
        let mut digits = 0;
        while let Some(c) = self.peek() {
            let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
                break;
            };
            value = value * 10 + d;
            if value > u32::from(u16::MAX) {
                return Err(ParseError {
                    kind: ErrorKind::Overflow { pos: start, part },
                });
            }
            digits += 1;
            self.bump();
        }
        if digits == 0 {
            let pos = self.pos();
            return Err(match self.peek() {
                Some(ch) => ParseError {
                    kind: ErrorKind::UnexpectedChar { ch, pos, part },
                },
                None => ParseError {
                    kind: ErrorKind::UnexpectedEnd { part },
                },
            });
        }
        Ok(value as u16)
    }

    fn expect(&mut self, want: char, part: Part) -> Result<(), ParseError> {
        let pos = self.pos();
        match self.bump() {
            Some(c) if c == want => Ok(()),
            Some(ch) => Err(ParseError {
                kind: ErrorKind::UnexpectedChar { ch, pos, part },
            }),
            None => Err(ParseError {
                kind: ErrorKind::UnexpectedEnd { part },
            }),
        }
    }

    fn end(&mut self) -> Result<(), ParseError> {
        let pos = self.pos();
        match self.bump() {
            None => Ok(()),
            Some(ch) => Err(ParseError {
                kind: ErrorKind::Trailing { ch, pos },
            }),
        }
    }
}

fn cursor(text: &str) -> Result<Cursor<'_>, ParseError> {
    let trimmed = text.trim_start();
    let offset = text[..text.len() - trimmed.len()].chars().count();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return Err(ParseError {
            kind: ErrorKind::Empty,
        });
    }
    Ok(Cursor {
        chars: trimmed.char_indices().peekable(),
        offset,
        consumed: 0,
    })
}

impl FromStr for Release {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, ParseError> {
        let mut c = cursor(text)?;
        let major = c.number(Part::Major)?;
        c.expect('.', Part::Minor)?;
        let minor = c.number(Part::Minor)?;
        let (maintenance, interim) = match c.peek() {
            None => {
                let text = Train { major, minor }.to_string();
                return Err(ParseError {
                    kind: ErrorKind::TrainOnly { text },
                });
            }
            Some('(') => {
                c.bump();
                let maintenance = c.number(Part::Maintenance)?;
                let mut interim = None;
                if c.peek() == Some('.') {
                    c.bump();
                    interim = Some(c.number(Part::Interim)?);
                }
                c.expect(')', Part::CloseParen)?;
                if interim.is_none() && c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
                    interim = Some(c.number(Part::Interim)?);
                }
                (maintenance, interim)
            }
            Some('.') => {
                c.bump();
                let maintenance = c.number(Part::Maintenance)?;
                let mut interim = None;
                if c.peek() == Some('.') {
                    c.bump();
                    interim = Some(c.number(Part::Interim)?);
                }
                (maintenance, interim)
            }
            Some(ch) => {
                let pos = c.pos();
                return Err(ParseError {
                    kind: ErrorKind::UnexpectedChar {
                        ch,
                        pos,
                        part: Part::Minor,
                    },
                });
            }
        };
        c.end()?;
        Ok(Release {
            major,
            minor,
            maintenance,
            interim,
        })
    }
}

impl FromStr for Train {
    type Err = ParseError;

    /// `8.2`, `9.12` (blanks around are fine).
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let mut c = cursor(text)?;
        let major = c.number(Part::Major)?;
        c.expect('.', Part::Minor)?;
        let minor = c.number(Part::Minor)?;
        c.end()?;
        Ok(Train { major, minor })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(text: &str, canonical: &str) {
        let r: Release = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(r.to_string(), canonical, "display of {text:?}");
    }

    #[track_caller]
    fn err(text: &str, message: &str) {
        match text.parse::<Release>() {
            Ok(r) => panic!("{text:?} parsed as {r}"),
            Err(e) => assert_eq!(e.to_string(), message, "message for {text:?}"),
        }
    }

    #[test]
    fn spellings() {
        ok("8.4(7)30", "8.4(7)30");
        ok("8.4(7.30)", "8.4(7)30");
        ok("8.4.7.30", "8.4(7)30");
        ok("8.2(5)", "8.2(5)");
        ok("8.2.5", "8.2(5)");
        ok("  9.8(4)15 \t", "9.8(4)15");
        ok("9.12(4)72", "9.12(4)72");
        ok("9.2(0.0)", "9.2(0)0");
    }

    #[test]
    fn order() {
        let v: Vec<Release> = ["8.4(7)", "8.4(7)30", "8.4(8)", "9.10(1)", "9.12(1)"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(v.windows(2).all(|w| w[0] < w[1]));
        assert!("9.2(1)".parse::<Release>().unwrap() < "9.10(1)".parse().unwrap());
    }

    #[test]
    fn errors() {
        err("", "empty release: expected e.g. 9.8(4) or 8.4(7)30");
        err("   ", "empty release: expected e.g. 9.8(4) or 8.4(7)30");
        err(
            "8.2",
            "8.2 is a train, not a release: add the maintenance number, e.g. 8.2(1)",
        );
        err(
            "8.2(",
            "release ends too early: the maintenance number is missing",
        );
        err(
            "8.2(5",
            "release ends too early: the closing ')' is missing",
        );
        err(
            "banana",
            "unexpected character 'b' at position 1 in the major number",
        );
        err(
            "8.4(x)",
            "unexpected character 'x' at position 5 in the maintenance number",
        );
        err(
            "8.4(7)3x",
            "unexpected character 'x' at position 8 after the release",
        );
        err(
            " 8.4(7]",
            "unexpected character ']' at position 7 in the closing ')'",
        );
        err(
            "8,4(7)",
            "unexpected character ',' at position 2 in the minor number",
        );
        err(
            "12345678901234567890.1(1)",
            "the major number at position 1 is too large (at most 65535)",
        );
        err(
            "8.4(7)\0",
            "unexpected character U+0000 at position 7 after the release",
        );
        err(
            "8.4(7.30)1",
            "unexpected character '1' at position 10 after the release",
        );
        err(
            "9.8(4)😀",
            "unexpected character '😀' at position 7 after the release",
        );
        err(
            "８.4(7)",
            "unexpected character '８' at position 1 in the major number",
        );
    }

    #[test]
    fn trains() {
        assert_eq!("9.12".parse::<Train>().unwrap().to_string(), "9.12");
        assert_eq!(
            "9.12(1)".parse::<Train>().unwrap_err().to_string(),
            "unexpected character '(' at position 5 after the release"
        );
    }
}
