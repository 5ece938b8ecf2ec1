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
    /// What was being read: a message speaks of a train where a train was asked for.
    subject: Subject,
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum ErrorKind {
    Empty,
    UnexpectedChar {
        ch: char,
        pos: usize,
        part: Part,
    },
    /// The text ends where `part` was expected, at `pos` (one past its last character).
    UnexpectedEnd {
        part: Part,
        pos: usize,
    },
    Overflow {
        pos: usize,
        part: Part,
    },
    Trailing {
        ch: char,
        pos: usize,
    },
    /// A train where a release was asked for: the maintenance number belongs at `pos`.
    TrainOnly {
        text: String,
        pos: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Subject {
    Release,
    Train,
}

impl ParseError {
    fn new(kind: ErrorKind) -> ParseError {
        ParseError {
            kind,
            subject: Subject::Release,
        }
    }

    /// The same error, about a train.
    fn of_train(self) -> ParseError {
        ParseError {
            subject: Subject::Train,
            ..self
        }
    }
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
        let subject = match self.subject {
            Subject::Release => "release",
            Subject::Train => "train",
        };
        match &self.kind {
            ErrorKind::Empty => match self.subject {
                Subject::Release => f.write_str("empty release: expected e.g. 9.8(4) or 8.4(7)30"),
                Subject::Train => f.write_str("empty train: expected e.g. 9.12 or 8.4"),
            },
            ErrorKind::UnexpectedChar { ch, pos, part } => write!(
                f,
                "unexpected character {} at position {pos} in {}",
                Shown(*ch),
                part
            ),
            ErrorKind::UnexpectedEnd { part, pos } => {
                write!(
                    f,
                    "{subject} ends too early: {part} is missing at position {pos}"
                )
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
                    "unexpected character {} at position {pos} after the {subject}",
                    Shown(*ch)
                )
            }
            ErrorKind::TrainOnly { text, pos } => write!(
                f,
                "{text} is a train, not a release: add the maintenance number at position \
                 {pos}, e.g. {text}(1)"
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Whether `c` shows as nothing (or as a blank) where it is printed, so a message quoting it
/// names it by code point instead (`U+200B`): a zero-width space, a byte order mark, a joiner,
/// a direction mark or a variation selector (Unicode's format characters and their like).
/// Control characters and blanks are the callers' own test.
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Shows a character so that an invisible or control one is still readable in a message.
struct Shown(char);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.is_control() || c.is_whitespace() || invisible(c) {
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
                return Err(ParseError::new(ErrorKind::Overflow { pos: start, part }));
            }
            digits += 1;
            self.bump();
        }
        if digits == 0 {
            let pos = self.pos();
            return Err(ParseError::new(match self.peek() {
                Some(ch) => ErrorKind::UnexpectedChar { ch, pos, part },
                None => ErrorKind::UnexpectedEnd { part, pos },
            }));
        }
        Ok(value as u16)
    }

    fn expect(&mut self, want: char, part: Part) -> Result<(), ParseError> {
        let pos = self.pos();
        match self.bump() {
            Some(c) if c == want => Ok(()),
            Some(ch) => Err(ParseError::new(ErrorKind::UnexpectedChar { ch, pos, part })),
            None => Err(ParseError::new(ErrorKind::UnexpectedEnd { part, pos })),
        }
    }

    fn end(&mut self) -> Result<(), ParseError> {
        let pos = self.pos();
        match self.bump() {
            None => Ok(()),
            Some(ch) => Err(ParseError::new(ErrorKind::Trailing { ch, pos })),
        }
    }
}

fn cursor(text: &str) -> Result<Cursor<'_>, ParseError> {
    let trimmed = text.trim_start();
    let offset = text[..text.len() - trimmed.len()].chars().count();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return Err(ParseError::new(ErrorKind::Empty));
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
                let pos = c.pos();
                return Err(ParseError::new(ErrorKind::TrainOnly { text, pos }));
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
                return Err(ParseError::new(ErrorKind::UnexpectedChar {
                    ch,
                    pos,
                    part: Part::Minor,
                }));
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
        let read = || {
            let mut c = cursor(text)?;
            let major = c.number(Part::Major)?;
            c.expect('.', Part::Minor)?;
            let minor = c.number(Part::Minor)?;
            c.end()?;
            Ok(Train { major, minor })
        };
        read().map_err(ParseError::of_train)
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
            "8.2 is a train, not a release: add the maintenance number at position 4, e.g. \
             8.2(1)",
        );
        err(
            " 9.12 ",
            "9.12 is a train, not a release: add the maintenance number at position 6, e.g. \
             9.12(1)",
        );
        err(
            "8.2(",
            "release ends too early: the maintenance number is missing at position 5",
        );
        err(
            "8.2(5",
            "release ends too early: the closing ')' is missing at position 6",
        );
        err(
            "8.",
            "release ends too early: the minor number is missing at position 3",
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
        // Invisible characters are named, not printed: "unexpected character '' at …".
        err(
            "9.8(4)\u{200B}",
            "unexpected character U+200B at position 7 after the release",
        );
        err(
            "\u{FEFF}9.8(4)",
            "unexpected character U+FEFF at position 1 in the major number",
        );
        err(
            "9.8\u{00A0}(4)",
            "unexpected character U+00A0 at position 4 in the minor number",
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
        // A train's errors speak of a train.
        for (text, message) in [
            (
                "9.12(1)",
                "unexpected character '(' at position 5 after the train",
            ),
            ("", "empty train: expected e.g. 9.12 or 8.4"),
            (
                "9.",
                "train ends too early: the minor number is missing at position 3",
            ),
            (
                "9",
                "train ends too early: the minor number is missing at position 2",
            ),
            (
                "x",
                "unexpected character 'x' at position 1 in the major number",
            ),
        ] {
            assert_eq!(
                text.parse::<Train>().unwrap_err().to_string(),
                message,
                "{text:?}"
            );
        }
    }
}
