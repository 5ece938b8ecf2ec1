//! The line a CSV record starts on, counted from the bytes themselves.
//!
//! The `csv` crate skips blank lines, and the position it reports for the record after them
//! is where the blank lines began, its line count short by them: `a\n\nb` reports `b` on line
//! 2. Errors must name the line a person sees in their editor, so this reader notes where each
//! line break is as the bytes go by, and [`Lines::record_line`] moves past the blank lines the
//! reported position points at. Used by [`super::csv_input`] only.

use std::collections::VecDeque;
use std::io::{self, Read};

/// A reader that remembers the offsets of the `\r` and `\n` bytes not yet passed.
pub struct Lines<R> {
    inner: R,
    /// Bytes read so far.
    read: u64,
    /// Offsets and bytes of the line breaks at or after `passed`, in order.
    breaks: VecDeque<(u64, u8)>,
    /// `\n` bytes before `passed`.
    newlines: u64,
    passed: u64,
}

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            read: 0,
            breaks: VecDeque::new(),
            newlines: 0,
            passed: 0,
        }
    }

    /// The 1-based line of the record whose reading began at byte `start` (the csv reader's
    /// `position().byte()`): past the blank lines there, counting every `\n` before.
    ///
    /// Records come in order, so what lies before `start` is forgotten: memory holds only the
    /// line breaks read ahead.
    pub fn record_line(&mut self, start: u64) -> u64 {
        let mut at = start.max(self.passed);
        while let Some(&(offset, byte)) = self.breaks.front() {
            if offset > at {
                break;
            }
            if offset == at {
                // A blank line (or the end of the last record's): the record starts after it.
                at += 1;
            }
            self.newlines += u64::from(byte == b'\n');
            self.breaks.pop_front();
        }
        self.passed = at;
        self.newlines + 1
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &byte) in buf[..n].iter().enumerate() {
            if byte == b'\n' || byte == b'\r' {
                self.breaks.push_back((self.read + i as u64, byte));
            }
        }
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    /// The line of each record as the csv crate reads `data` through [`Lines`].
    fn lines(data: &str) -> Vec<(String, u64)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Lines::new(data.as_bytes()));
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            let start = record.position().map_or(0, |p| p.byte());
            let first = String::from_utf8_lossy(&record[0]).into_owned();
            out.push((first, reader.get_mut().record_line(start)));
        }
        out
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
        let expected: Vec<(String, u64)> =
            expected.iter().map(|(s, n)| (s.to_string(), *n)).collect();
        assert_eq!(lines(data), expected);
    }
}
