//! A fleet read from CSV text: the one reader the command line and the page share.
//!
//! RFC 4180 is the `csv` crate's (quotes, doubled quotes, line breaks inside quotes, CRLF);
//! records may have any number of fields (everything after `unit1` is optional); no header is
//! assumed (the fleet recognises one). Each record is handed to [`Fleet::plan_record`] with
//! the line it starts on as a person counts it in an editor ([`super::lines`]: the crate's own
//! count skips blank lines). Bytes that are not UTF-8 become U+FFFD, which the release parser
//! then names by position.
//!
//! ```
//! use asa_planner::domain::fleet::{csv_input::Records, Fleet, LineOutcome};
//! use asa_planner::domain::query::PlanQuery;
//! let mut fleet = Fleet::new(PlanQuery { to: "9.1(7)".into(), ..PlanQuery::default() }).unwrap();
//! let mut records = Records::new("name,unit1\n\n\"edge, 1\",8.2(5)\nx,8.2(".as_bytes());
//! assert!(matches!(records.plan_next(&mut fleet), Some(Ok(LineOutcome::Skipped))));
//! let Some(Ok(LineOutcome::Planned(pair))) = records.plan_next(&mut fleet) else { panic!() };
//! assert_eq!((pair.line, pair.name.as_deref()), (Some(3), Some("edge, 1")));
//! let Some(Ok(LineOutcome::Bad(errors))) = records.plan_next(&mut fleet) else { panic!() };
//! assert_eq!(errors[0].line, Some(4));
//! assert!(records.plan_next(&mut fleet).is_none());
//! ```

use super::lines::Lines;
use super::{Fleet, LineOutcome};
use std::borrow::Cow;
use std::fmt;
use std::io::Read;

/// The records of a CSV input, read one at a time (memory stays flat however long the input).
pub struct Records<R: Read> {
    reader: csv::Reader<Lines<R>>,
    record: csv::ByteRecord,
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

impl<R: Read> Records<R> {
    pub fn new(input: R) -> Records<R> {
        Records {
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(Lines::new(input)),
            record: csv::ByteRecord::new(),
            failed: false,
        }
    }

    /// Reads the next record and plans it with `fleet`; `None` at the end of the input (and
    /// after an error, which ends the reading).
    pub fn plan_next(&mut self, fleet: &mut Fleet) -> Option<Result<LineOutcome, Unreadable>> {
        if self.failed {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => {
                self.failed = true;
                return Some(Err(Unreadable {
                    line: e.position().map(|p| p.line()),
                    message: e.to_string(),
                }));
            }
        }
        let start = self.record.position().map_or(0, |p| p.byte());
        let line = self.reader.get_mut().record_line(start);
        let fields: Vec<Cow<str>> = self.record.iter().map(String::from_utf8_lossy).collect();
        let fields: Vec<&str> = fields.iter().map(|f| f.as_ref()).collect();
        Some(Ok(fleet.plan_record(line, &fields)))
    }
}
