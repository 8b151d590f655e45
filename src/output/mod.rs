//! The Printer: everything that reaches stdout (data, in the chosen format) and the notices,
//! prompts, progress bars and errors that go to stderr. Nothing else in the crate prints.
//!
//! This file owns the Printer itself, its plain writes (JSON, text), notices, prompts and the
//! top-level error report. The rest lives beside it: `terminal.rs` (what the terminal can do),
//! `list.rs` (streamed lists and tables), `records.rs` (the columns of galleries and items) and
//! `progress.rs` (progress bars on stderr).

mod fields;
mod jq;
mod list;
mod printable;
mod progress;
mod records;
mod terminal;
mod waits;

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Mutex;

use serde_json::Value;

use crate::cli::{ColorWhen, OutputFormat};
use crate::error;

pub use fields::Fields;
pub use jq::Jq;
pub use list::{ListWriter, Record};
pub use printable::printable;
pub(crate) use records::shorten;
pub use terminal::Terminal;

pub struct Printer {
    pub format: OutputFormat,
    pub terminal: Terminal,
    pub quiet: bool,
    /// `--fields`: the columns of table and tsv output.
    fields: Option<Fields>,
    /// `--jq`: the filter of json and jsonl output.
    jq: Option<Jq>,
    color_stderr: bool,
    out: Mutex<BufWriter<Stdout>>,
    /// Where progress bars and wait notices are drawn (`progress.rs`).
    bars: std::sync::OnceLock<indicatif::MultiProgress>,
}

impl Printer {
    pub fn new(
        format: Option<OutputFormat>,
        terminal: Terminal,
        quiet: bool,
        color: ColorWhen,
    ) -> Printer {
        let format = format.unwrap_or(if terminal.stdout_tty {
            OutputFormat::Table
        } else {
            OutputFormat::Tsv
        });
        let color_stderr = match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                !terminal.no_color && (terminal.stderr_tty || terminal.clicolor_force)
            }
        };
        Printer {
            format,
            terminal,
            quiet,
            fields: None,
            jq: None,
            color_stderr,
            out: Mutex::new(BufWriter::new(io::stdout())),
            bars: std::sync::OnceLock::new(),
        }
    }

    /// Applies `--fields` and `--jq` (already checked against the format by `main`).
    pub fn with_filters(mut self, fields: Option<Fields>, jq: Option<Jq>) -> Printer {
        self.fields = fields;
        self.jq = jq;
        self
    }

    /// True when `--fields` chose the columns.
    pub fn has_fields(&self) -> bool {
        self.fields.is_some()
    }

    fn write_out(&self, text: &str) -> io::Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.write_all(text.as_bytes())
    }

    /// Pushes buffered data out, so a pipe sees each page as it arrives.
    pub fn flush(&self) -> io::Result<()> {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        out.flush()
    }

    /// A notice for people, on stderr; silent under `--quiet`.
    pub fn notice(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}", printable(message));
        }
    }

    /// A warning, on stderr even under `--quiet`.
    pub fn warn(&self, message: &str) {
        eprintln!("progallery: warning: {}", printable(message));
    }

    /// A warning after reading a whole resource whose count (`what`: "items", "galleries", …)
    /// differed from the total the service gave: `whole` (the gallery, the site) changed while it
    /// was read, so the list is of what was there at each page's turn.
    pub fn warn_changed(
        &self,
        mismatch: Option<crate::api::paging::Mismatch>,
        what: &str,
        whole: &str,
    ) {
        if let Some(m) = mismatch {
            self.warn(&format!(
                "the service counted {} {what} but {} were read: {whole} changed while it was read",
                m.claimed, m.read
            ));
        }
    }

    /// Prints a JSON value: pretty for `json` (and `table`, which has no better form for it),
    /// compact on one line for `jsonl`.
    pub fn json(&self, value: &Value) -> io::Result<()> {
        let pretty = !matches!(
            self.format,
            OutputFormat::Jsonl | OutputFormat::Tsv | OutputFormat::Id
        );
        self.write_json(value, pretty)?;
        self.flush()
    }

    /// Prints a JSON value as one compact line and flushes, whatever the format: a stream of
    /// events (`webhooks listen` in a pipe) is JSON lines.
    pub fn json_line(&self, value: &Value) -> io::Result<()> {
        self.write_json(value, false)?;
        self.flush()
    }

    /// Prints lines of plain text as data (e.g. `auth status` in table form).
    pub fn text(&self, text: &str) -> io::Result<()> {
        self.write_out(text)?;
        if !text.ends_with('\n') {
            self.write_out("\n")?;
        }
        self.flush()
    }

    /// Asks a yes/no question on the terminal; anything but y/yes is no.
    pub fn confirm(&self, question: &str) -> io::Result<bool> {
        let answer = self.ask(&format!("{question} [y/N] "))?;
        Ok(matches!(
            answer.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    /// Asks for a line of input on the terminal.
    pub fn ask(&self, prompt: &str) -> io::Result<String> {
        eprint!("{prompt}");
        io::stderr().flush()?;
        let mut line = String::new();
        io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }

    /// True when a list can be offered to pick from: stdin and stderr are a real terminal (the
    /// picker draws on it and reads keys from it; `PROGALLERY_FORCE_TTY` does not make one).
    pub fn can_prompt(&self) -> bool {
        use std::io::IsTerminal;
        self.terminal.stdin_tty
            && self.terminal.stderr_tty
            && io::stdin().is_terminal()
            && io::stderr().is_terminal()
    }

    /// Offers `choices` on the terminal (arrow keys and Enter; Esc or q to give up): the index
    /// picked, `None` when the user gave up.
    pub fn pick(&self, prompt: &str, choices: &[String]) -> io::Result<Option<usize>> {
        dialoguer::Select::new()
            .with_prompt(prompt)
            .items(choices)
            .default(0)
            .report(false)
            .interact_on_opt(&console::Term::stderr())
            .map_err(|dialoguer::Error::IO(e)| e)
    }

    /// Asks for a secret without echoing it.
    pub fn ask_secret(&self, prompt: &str) -> io::Result<String> {
        rpassword::prompt_password(prompt)
    }

    pub fn color_stderr(&self) -> bool {
        self.color_stderr
    }
}

/// One line of diagnostics on stderr (the `-v` HTTP log).
pub fn diagnostic(line: &str) {
    eprintln!("{}", printable(line));
}

/// True when the error chain is a write to a closed stdout pipe: the reader has gone, which is
/// not a failure (`progallery items list G | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints an error once, at the top: `progallery: error: …` and the hint line.
pub fn report_error(err: &anyhow::Error, color: bool) {
    // A declined confirmation or a Ctrl-C is the user's choice, not a failure: say what happened
    // without the error label (the exit code, 130, still tells scripts).
    if error::kind_of(err) == error::Kind::Interrupted {
        eprintln!("progallery: {}", printable(&format!("{err:#}")));
        if let Some(hint) = error::hint_of(err) {
            eprintln!("hint: {}", printable(&hint));
        }
        return;
    }
    let label = if color {
        "\x1b[31merror\x1b[0m"
    } else {
        "error"
    };
    // The whole chain, outermost context first ("items.txt line 2: item id … is not valid").
    eprintln!("progallery: {label}: {}", printable(&format!("{err:#}")));
    if let Some(hint) = error::hint_of(err) {
        eprintln!("hint: {}", printable(&hint));
    }
}
