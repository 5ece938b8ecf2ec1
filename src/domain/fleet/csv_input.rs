//! A fleet read from CSV text: the one reader the command line and the page share.
//!
//! RFC 4180, read here byte by byte: fields separated by commas, a field in double quotes may
//! hold commas, doubled quotes and line breaks; records end at a line break (`\n`, `\r\n`, or a
//! lone `\r`); a UTF-8 byte-order mark at the start is dropped. Records may have any number of
//! fields (everything after `unit1` is optional); no header is assumed (the fleet recognises
//! one). Each record is handed to [`Fleet::plan_record`] with the line it starts on as a person
//! counts it in an editor: every line break counts, a lone `\r` too, and blank lines. Bytes
//! that are not UTF-8 become U+FFFD, which the release parser then names by position.
//!
//! A quote that is never closed would swallow every line after it into one field. So a quoted
//! field that runs to the end of the input, past [`MAX_QUOTED`] bytes, or across lines and then
//! is closed by a quote followed by more text (a stray quote meeting another) is reported on
//! the line it opened ([`LineProblem::UnclosedQuote`]), and reading starts again on the next
//! line: the lines after it still plan. Memory stays flat: what is held back is at most one
//! record of [`MAX_QUOTED`] bytes.
//!
//! ```
//! use asa_planner::domain::fleet::{csv_input::Records, Fleet, LineOutcome};
//! use asa_planner::domain::query::PlanQuery;
//! let mut fleet = Fleet::new(PlanQuery { to: "9.1(7)".into(), ..PlanQuery::default() }).unwrap();
//! let mut records = Records::new("name,unit1\n\n\"edge, 1\",8.2(5)\nx,8.2(".as_bytes());
//! assert!(matches!(records.plan_next(&mut fleet), Some(Ok(LineOutcome::Skipped))));
//! assert!(matches!(records.plan_next(&mut fleet), Some(Ok(LineOutcome::Skipped))));
//! let Some(Ok(LineOutcome::Planned(pair))) = records.plan_next(&mut fleet) else { panic!() };
//! assert_eq!((pair.line, pair.name.as_deref()), (Some(3), Some("edge, 1")));
//! let Some(Ok(LineOutcome::Bad(errors))) = records.plan_next(&mut fleet) else { panic!() };
//! assert_eq!(errors[0].line, Some(4));
//! assert!(records.plan_next(&mut fleet).is_none());
//! ```

use super::{Fleet, LineOutcome, LineProblem};
use std::borrow::Cow;
use std::fmt;
use std::io::{self, Read};

/// The longest quoted field read (bytes): a longer one is taken for a quote never closed.
pub const MAX_QUOTED: usize = 64 * 1024;

/// The records of a CSV input, read one at a time (memory stays flat however long the input).
pub struct Records<R: Read> {
    input: R,
    /// Bytes read from `input` and not yet used: `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
    /// Bytes given back after an unclosed quote, read before `buf`: `replay[replayed..]`.
    replay: Vec<u8>,
    replayed: usize,
    /// The line the next byte is on.
    line: u64,
    /// `input` has ended.
    ended: bool,
    /// Whether the byte-order mark was looked for.
    started: bool,
    /// The current record's fields and its raw bytes.
    fields: Vec<Vec<u8>>,
    raw: Vec<u8>,
    /// Set once reading failed: the input is not read further.
    failed: bool,
}

/// Reading stopped: the input itself could not be read (an I/O error; text never fails).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Unreadable {
    /// The line reading stopped at, when the reader knows it.
    pub line: Option<u64>,
    /// The reader's own message.
    pub message: String,
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        write!(f, "cannot read the fleet: {}", self.message)
    }
}

/// What reading one record gave.
enum Read1 {
    /// A record, starting on this line, its fields in `Records::fields`.
    Record(u64),
    /// A quote opened on this line was never closed; reading goes on from the next line.
    Unclosed(u64),
    End,
}

impl<R: Read> Records<R> {
    pub fn new(input: R) -> Records<R> {
        Records {
            input,
            buf: Vec::new(),
            pos: 0,
            replay: Vec::new(),
            replayed: 0,
            line: 1,
            ended: false,
            started: false,
            fields: Vec::new(),
            raw: Vec::new(),
            failed: false,
        }
    }

    /// Reads the next record and plans it with `fleet`; `None` at the end of the input (and
    /// after an error, which ends the reading).
    pub fn plan_next(&mut self, fleet: &mut Fleet) -> Option<Result<LineOutcome, Unreadable>> {
        if self.failed {
            return None;
        }
        match self.read_record() {
            Ok(Read1::End) => None,
            Ok(Read1::Unclosed(line)) => {
                Some(Ok(fleet.unread_record(line, LineProblem::UnclosedQuote)))
            }
            Ok(Read1::Record(line)) => {
                let fields: Vec<Cow<str>> = self
                    .fields
                    .iter()
                    .map(|f| String::from_utf8_lossy(f))
                    .collect();
                let fields: Vec<&str> = fields.iter().map(|f| f.as_ref()).collect();
                Some(Ok(fleet.plan_record(line, &fields)))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(Unreadable {
                    line: Some(self.line),
                    message: e.to_string(),
                }))
            }
        }
    }

    /// The next byte without taking it.
    fn peek(&mut self) -> io::Result<Option<u8>> {
        if let Some(&b) = self.replay.get(self.replayed) {
            return Ok(Some(b));
        }
        if self.pos >= self.buf.len() {
            if self.ended {
                return Ok(None);
            }
            self.buf.resize(64 * 1024, 0);
            let n = loop {
                match self.input.read(&mut self.buf) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        self.buf.clear();
                        self.pos = 0;
                        return Err(e);
                    }
                }
            };
            self.buf.truncate(n);
            self.pos = 0;
            if n == 0 {
                self.ended = true;
                return Ok(None);
            }
            if !self.started {
                self.started = true;
                if self.buf.starts_with(b"\xEF\xBB\xBF") {
                    self.pos = 3;
                    return self.peek();
                }
            }
        }
        Ok(self.buf.get(self.pos).copied())
    }

    /// Takes the next byte (into the record's raw bytes).
    fn next(&mut self) -> io::Result<Option<u8>> {
        let b = self.peek()?;
        if let Some(b) = b {
            if self.replayed < self.replay.len() {
                self.replayed += 1;
                if self.replayed == self.replay.len() {
                    self.replay.clear();
                    self.replayed = 0;
                }
            } else {
                self.pos += 1;
            }
            self.raw.push(b);
        }
        Ok(b)
    }

    /// Takes a line break whose first byte `b` was just taken (a `\n` after a `\r` too) and
    /// counts the line.
    fn line_break(&mut self, b: u8) -> io::Result<()> {
        if b == b'\r' && self.peek()? == Some(b'\n') {
            self.next()?;
        }
        self.line += 1;
        Ok(())
    }

    fn read_record(&mut self) -> io::Result<Read1> {
        self.fields.clear();
        self.raw.clear();
        let start = self.line;
        if self.peek()?.is_none() {
            return Ok(Read1::End);
        }
        let mut field = Vec::new();
        loop {
            // The start of a field.
            if self.peek()? == Some(b'"') {
                self.next()?;
                // Where the quote opened: its line, and the raw bytes before it.
                let (open_line, open_at) = (self.line, self.raw.len() - 1);
                let mut spans_lines = false;
                loop {
                    let Some(b) = self.next()? else {
                        return self.unclosed(open_line, open_at);
                    };
                    match b {
                        b'"' if self.peek()? == Some(b'"') => {
                            self.next()?;
                            field.push(b'"');
                        }
                        b'"' => break,
                        b'\r' | b'\n' => {
                            field.push(b);
                            if b == b'\r' && self.peek()? == Some(b'\n') {
                                self.next()?;
                                field.push(b'\n');
                            }
                            self.line += 1;
                            spans_lines = true;
                        }
                        _ => field.push(b),
                    }
                    if field.len() > MAX_QUOTED {
                        return self.unclosed(open_line, open_at);
                    }
                }
                // After the closing quote: blanks, then the end of the field. Text there, after
                // a field across lines, is a stray quote that met another.
                while matches!(self.peek()?, Some(b' ' | b'\t')) {
                    self.next()?;
                }
                match self.peek()? {
                    None | Some(b',' | b'\r' | b'\n') => {}
                    Some(_) if spans_lines => return self.unclosed(open_line, open_at),
                    Some(_) => {}
                }
            }
            // The rest of the field, unquoted (a quote inside it is kept as it is).
            loop {
                match self.next()? {
                    None => {
                        self.fields.push(field);
                        return Ok(Read1::Record(start));
                    }
                    Some(b',') => {
                        self.fields.push(std::mem::take(&mut field));
                        break;
                    }
                    Some(b @ (b'\r' | b'\n')) => {
                        self.line_break(b)?;
                        self.fields.push(field);
                        return Ok(Read1::Record(start));
                    }
                    Some(b) => field.push(b),
                }
            }
        }
    }

    /// A quote opened on `line` at byte `at` of the record is taken for one never closed: the
    /// bytes after that line's end are read again, from the next line.
    fn unclosed(&mut self, line: u64, at: usize) -> io::Result<Read1> {
        let rest = self.raw.get(at..).unwrap_or_default();
        let after = match rest.iter().position(|&b| b == b'\r' || b == b'\n') {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => at + i + 2,
            Some(i) => at + i + 1,
            None => {
                // The line itself is longer than the limit: the rest of it is passed over.
                loop {
                    self.raw.clear();
                    match self.next()? {
                        None => break,
                        Some(b @ (b'\r' | b'\n')) => {
                            self.line_break(b)?;
                            break;
                        }
                        Some(_) => {}
                    }
                }
                self.raw.clear();
                self.line = line + 1;
                return Ok(Read1::Unclosed(line));
            }
        };
        let mut again = self.raw.split_off(after.min(self.raw.len()));
        again.extend_from_slice(self.replay.get(self.replayed..).unwrap_or_default());
        self.replay = again;
        self.replayed = 0;
        self.line = line + 1;
        Ok(Read1::Unclosed(line))
    }
}

#[cfg(test)]
mod tests {
    use super::{Read1, Records};

    /// Each record of `data`: its line and its fields (an unclosed quote as `["(unclosed)"]`).
    fn records(data: &str) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(data.as_bytes());
        let mut out = Vec::new();
        loop {
            match records.read_record().unwrap() {
                Read1::End => return out,
                Read1::Unclosed(line) => out.push((line, vec!["(unclosed)".to_string()])),
                Read1::Record(line) => out.push((
                    line,
                    records
                        .fields
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect(),
                )),
            }
        }
    }

    fn firsts(data: &str) -> Vec<(String, u64)> {
        records(data)
            .into_iter()
            .filter(|(_, f)| f.iter().any(|f| !f.is_empty()))
            .map(|(line, f)| (f[0].clone(), line))
            .collect()
    }

    fn expect(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
        pairs.iter().map(|(s, n)| (s.to_string(), *n)).collect()
    }

    #[test]
    fn counts_blank_lines_and_breaks_inside_quotes() {
        let data = "a\n\nb\n\"c\nc\",x\nd\r\n\r\n\r\ne\n  \nf";
        let expected = [
            ("a", 1),
            ("b", 3),
            ("c\nc", 4),
            ("d", 6),
            ("e", 9),
            ("  ", 10),
            ("f", 11),
        ];
        assert_eq!(firsts(data), expect(&expected));
    }

    #[test]
    fn a_lone_carriage_return_is_a_line() {
        assert_eq!(
            firsts("a,1\nb,2\rc,3\nd,4"),
            expect(&[("a", 1), ("b", 2), ("c", 3), ("d", 4)])
        );
        assert_eq!(
            firsts("a\r\rb\r\nc"),
            expect(&[("a", 1), ("b", 3), ("c", 4)])
        );
    }

    #[test]
    fn quotes_and_the_byte_order_mark() {
        let rows = records("\u{feff}\"x, \"\"y\"\"\",2,,\n\"\",\"a\r\nb\"");
        assert_eq!(
            rows[0],
            (1, vec!["x, \"y\"".into(), "2".into(), "".into(), "".into()])
        );
        assert_eq!(rows[1], (2, vec!["".into(), "a\r\nb".into()]));
    }

    #[test]
    fn a_quote_never_closed_is_reported_and_the_next_lines_read() {
        let data = "a,1\n\"b,2\nc,3\r\nd,4";
        assert_eq!(
            firsts(data),
            expect(&[("a", 1), ("(unclosed)", 2), ("c", 3), ("d", 4)])
        );
        // A stray quote meeting another further down: both are reported, nothing swallowed.
        let data = "a,1\n\"b,2\nc,3\n\"d,4\ne,5";
        assert_eq!(
            firsts(data),
            expect(&[
                ("a", 1),
                ("(unclosed)", 2),
                ("c", 3),
                ("(unclosed)", 4),
                ("e", 5)
            ])
        );
        // A quoted field past the limit.
        let long = format!("\"{}\nb,2", "x".repeat(super::MAX_QUOTED + 10));
        assert_eq!(firsts(&long), expect(&[("(unclosed)", 1), ("b", 2)]));
        let long = format!("\"x\n{}\nb,2", "y".repeat(super::MAX_QUOTED + 10));
        assert_eq!(
            firsts(&long),
            expect(&[
                ("(unclosed)", 1),
                (&"y".repeat(super::MAX_QUOTED + 10), 2),
                ("b", 3)
            ])
        );
    }

    #[test]
    fn a_quote_closed_on_a_later_line_is_legal() {
        assert_eq!(
            firsts("\"multi\nline\",9.8(4)\nb,1"),
            expect(&[("multi\nline", 1), ("b", 3)])
        );
        // A quote closed mid-field on its own line is kept as the csv crate kept it.
        assert_eq!(
            records("\"ab\"c,1")[0].1,
            vec!["abc".to_string(), "1".into()]
        );
    }
}
