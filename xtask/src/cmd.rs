//! Running programs: each task is a few of these, and every failure says which command failed
//! and, for a missing program, how to get it.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;

/// A command line to run, remembered as text for error messages.
pub struct Cmd {
    command: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: &str) -> Cmd {
        Cmd {
            command: Command::new(program),
            shown: program.to_string(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.shown.push(' ');
        self.shown.push_str(&arg.as_ref().to_string_lossy());
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        args.into_iter().fold(self, Cmd::arg)
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.command.env(key, value);
        self
    }

    pub fn dir(mut self, dir: &Path) -> Cmd {
        self.command.current_dir(dir);
        self
    }

    /// The command as typed, for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Runs with the terminal as stdio; a non-zero exit is an error naming the command.
    pub fn run(mut self) -> Result<(), String> {
        println!("$ {}", self.shown);
        let status = self
            .command
            .status()
            .map_err(|e| spawn_error(&self.shown, &e))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs quietly and returns stdout; `None` when the program is missing or fails (probes).
    pub fn probe(mut self) -> Option<String> {
        let output = self.command.stderr(Stdio::null()).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Runs quietly and returns stdout as bytes; a failure is an error naming the command.
    pub fn read_bytes(mut self) -> Result<Vec<u8>, String> {
        let output = self
            .command
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| spawn_error(&self.shown, &e))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(format!("`{}` failed ({})", self.shown, output.status))
        }
    }

    /// Runs showing its output live and also returns it (stdout and stderr interleaved by
    /// line), so test runners' summaries can be parsed. Returns whether it succeeded.
    pub fn run_tee(mut self) -> Result<(bool, String), String> {
        println!("$ {}", self.shown);
        let mut child = self
            .command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_error(&self.shown, &e))?;
        let (tx, rx) = mpsc::channel::<String>();
        let mut readers = Vec::new();
        if let Some(out) = child.stdout.take() {
            readers.push(forward(out, tx.clone(), false));
        }
        if let Some(err) = child.stderr.take() {
            readers.push(forward(err, tx.clone(), true));
        }
        drop(tx);
        let text: String = rx.iter().collect();
        for reader in readers {
            let _ = reader.join();
        }
        let status = child.wait().map_err(|e| format!("`{}`: {e}", self.shown))?;
        Ok((status.success(), text))
    }
}

/// Copies a child's stream to ours line by line and sends each line on.
fn forward(
    stream: impl Read + Send + 'static,
    tx: mpsc::Sender<String>,
    is_err: bool,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut buf = Vec::new();
        while matches!(reader.read_until(b'\n', &mut buf), Ok(n) if n > 0) {
            let line = String::from_utf8_lossy(&buf).into_owned();
            if is_err {
                eprint!("{line}");
            } else {
                print!("{line}");
            }
            if tx.send(line).is_err() {
                break;
            }
            buf.clear();
        }
    })
}

fn spawn_error(shown: &str, err: &std::io::Error) -> String {
    let program = shown.split(' ').next().unwrap_or(shown);
    if err.kind() == std::io::ErrorKind::NotFound {
        format!("`{program}` is not installed or not on PATH (needed for `{shown}`)")
    } else {
        format!("could not start `{shown}`: {err}")
    }
}
