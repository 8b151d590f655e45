//! The Printer: everything that reaches stdout (data, in the chosen format) and the notices,
//! prompts, progress bars and errors that go to stderr. Nothing else in the crate prints.
//!
//! Lists are written as a stream (`ListWriter`): jsonl, tsv, id and even json (one array, written
//! element by element) print each page as it arrives, so memory does not grow with the list. Only
//! the table collects its rows, since column widths depend on all of them.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::Mutex;

use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table};
use serde_json::Value;

use crate::api::model::{number_text, Gallery, Item};
use crate::cli::{ColorWhen, OutputFormat};
use crate::error;

/// What the Printer needs to know about the terminal, resolved once in `main`.
#[derive(Debug, Clone)]
pub struct Terminal {
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Width for tables when it cannot be detected (`COLUMNS`).
    pub columns: Option<u16>,
    pub no_color: bool,
    pub clicolor_force: bool,
}

impl Terminal {
    /// Detects the terminal; `force_tty` (the hidden `PROGALLERY_FORCE_TTY`, for tests) pretends
    /// every stream is one.
    pub fn detect(
        force_tty: bool,
        columns: Option<u16>,
        no_color: bool,
        clicolor_force: bool,
    ) -> Terminal {
        Terminal {
            stdin_tty: force_tty || io::stdin().is_terminal(),
            stdout_tty: force_tty || io::stdout().is_terminal(),
            stderr_tty: force_tty || io::stderr().is_terminal(),
            columns: columns.or(if force_tty { Some(120) } else { None }),
            no_color,
            clicolor_force,
        }
    }
}

pub struct Printer {
    pub format: OutputFormat,
    pub terminal: Terminal,
    pub quiet: bool,
    color_stderr: bool,
    out: Mutex<BufWriter<Stdout>>,
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
            color_stderr,
            out: Mutex::new(BufWriter::new(io::stdout())),
        }
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
            eprintln!("{message}");
        }
    }

    /// A warning, on stderr even under `--quiet`.
    pub fn warn(&self, message: &str) {
        eprintln!("progallery: warning: {message}");
    }

    /// Starts a streamed list of records.
    pub fn list<R: Record>(&self) -> io::Result<ListWriter<'_, R>> {
        let writer = ListWriter {
            printer: self,
            rows: Vec::new(),
            count: 0,
            _marker: std::marker::PhantomData,
        };
        if self.format == OutputFormat::Json {
            writer.printer.write_out("[")?;
        }
        Ok(writer)
    }

    /// Prints a single record.
    pub fn one<R: Record>(&self, record: &R) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&record.to_json()),
            _ => {
                let mut list = self.list::<R>()?;
                list.push(record)?;
                list.finish()
            }
        }
    }

    /// Prints a JSON value: pretty for `json` (and `table`, which has no better form for it),
    /// compact on one line for `jsonl`.
    pub fn json(&self, value: &Value) -> io::Result<()> {
        let text = match self.format {
            OutputFormat::Jsonl | OutputFormat::Tsv | OutputFormat::Id => value.to_string(),
            _ => serde_json::to_string_pretty(value).unwrap_or_default(),
        };
        self.write_out(&text)?;
        self.write_out("\n")?;
        self.flush()
    }

    /// Prints a JSON value as one compact line and flushes, whatever the format: a stream of
    /// events (`webhooks listen` in a pipe) is JSON lines.
    pub fn json_line(&self, value: &Value) -> io::Result<()> {
        self.write_out(&value.to_string())?;
        self.write_out("\n")?;
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

    /// A progress bar on stderr, hidden unless stderr is a terminal and `--quiet` is off.
    pub fn progress(&self, length: u64, message: &str) -> indicatif::ProgressBar {
        if self.quiet || !self.terminal.stderr_tty {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new(length);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {pos}/{len} ({rate}, ETA {eta})",
        ) {
            // Whole items per second: indicatif's own `per_sec` prints four decimals.
            let style = style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            );
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_string());
        bar
    }

    /// The progress bar of a transfer (`items add`): bytes sent when there are bytes to send,
    /// with the items done in its message; items alone otherwise. Hidden like `progress`.
    pub fn transfer_progress(&self, items: u64, bytes: u64) -> indicatif::ProgressBar {
        if self.quiet || !self.terminal.stderr_tty {
            return indicatif::ProgressBar::hidden();
        }
        let (length, template) = if bytes > 0 {
            (
                bytes,
                "{msg} [{bar:30}] {bytes}/{total_bytes} ({binary_bytes_per_sec}, {eta})",
            )
        } else {
            (items, "{msg} [{bar:30}] ({eta})")
        };
        // Drawn on whatever stderr is once the Printer judged it a terminal (indicatif's own
        // check would hide it under PROGALLERY_FORCE_TTY, which tests use to see it).
        let width = self.terminal.columns.unwrap_or(100);
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(length),
            indicatif::ProgressDrawTarget::term_like_with_hz(Box::new(StderrTerm { width }), 10),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(format!("adding items 0/{items}"));
        bar
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

    /// Asks for a secret without echoing it.
    pub fn ask_secret(&self, prompt: &str) -> io::Result<String> {
        rpassword::prompt_password(prompt)
    }

    fn table(&self) -> Table {
        let mut table = Table::new();
        // Borderless, like gh: a header line and rows; columns wrap to fit the terminal.
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(columns) = self.terminal.columns {
            table.set_width(columns);
        }
        table
    }
}

/// A row of output: the same columns in `table` and `tsv`, the service's object in json.
pub trait Record {
    const HEADERS: &'static [&'static str];
    /// The cells; `for_table` shortens what a person does not need in full.
    fn cells(&self, for_table: bool) -> Vec<String>;
    fn id(&self) -> String;
    fn to_json(&self) -> Value;
}

pub struct ListWriter<'p, R: Record> {
    printer: &'p Printer,
    rows: Vec<Vec<String>>,
    count: usize,
    _marker: std::marker::PhantomData<R>,
}

impl<R: Record> ListWriter<'_, R> {
    pub fn push(&mut self, record: &R) -> io::Result<()> {
        let printer = self.printer;
        match printer.format {
            OutputFormat::Table => self.rows.push(record.cells(true)),
            OutputFormat::Tsv => {
                let cells: Vec<String> =
                    record.cells(false).iter().map(|c| tsv_escape(c)).collect();
                printer.write_out(&cells.join("\t"))?;
                printer.write_out("\n")?;
            }
            OutputFormat::Json => {
                let pretty = serde_json::to_string_pretty(&record.to_json()).unwrap_or_default();
                let indented = pretty.replace('\n', "\n  ");
                printer.write_out(if self.count == 0 { "\n  " } else { ",\n  " })?;
                printer.write_out(&indented)?;
            }
            OutputFormat::Jsonl => {
                printer.write_out(&record.to_json().to_string())?;
                printer.write_out("\n")?;
            }
            OutputFormat::Id => {
                printer.write_out(&record.id())?;
                printer.write_out("\n")?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Ends a page: flushes so a pipe reader sees it now.
    pub fn page_done(&self) -> io::Result<()> {
        if self.printer.format != OutputFormat::Table {
            self.printer.flush()?;
        }
        Ok(())
    }

    pub fn finish(self) -> io::Result<()> {
        let printer = self.printer;
        match printer.format {
            OutputFormat::Table => {
                let mut table = printer.table();
                table.set_header(R::HEADERS.to_vec());
                for row in self.rows {
                    table.add_row(row);
                }
                // Ids (what people copy), numbers and dates never wrap; free text takes the squeeze.
                for (index, header) in R::HEADERS.iter().enumerate() {
                    if !matches!(
                        *header,
                        "NAME" | "TITLE" | "MEDIA" | "OUTCOME" | "DESCRIPTION" | "ERROR"
                    ) {
                        if let Some(column) = table.column_mut(index) {
                            column.set_constraint(ColumnConstraint::ContentWidth);
                        }
                    }
                }
                printer.write_out(&table.to_string())?;
                printer.write_out("\n")?;
            }
            OutputFormat::Json => {
                printer.write_out(if self.count == 0 { "]\n" } else { "\n]\n" })?
            }
            _ => {}
        }
        printer.flush()
    }
}

/// TSV cells hold no tabs or newlines: escape them (and the backslash) rather than cut anything.
fn tsv_escape(cell: &str) -> String {
    if !cell.contains(['\t', '\n', '\r', '\\']) {
        return cell.to_string();
    }
    cell.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// `2021-01-19T11:40:09.208Z` → `2021-01-19 11:40` for tables; tsv keeps RFC 3339.
fn short_time(value: &Option<String>, for_table: bool) -> String {
    let Some(text) = value else {
        return String::new();
    };
    if !for_table {
        return text.clone();
    }
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => text.clone(),
    }
}

pub(crate) fn shorten(text: &str, max: usize, for_table: bool) -> String {
    if !for_table || text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

impl Record for Gallery {
    const HEADERS: &'static [&'static str] = &["ID", "NAME", "ITEMS", "SORT ORDER", "CREATED"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.name.clone().unwrap_or_default(),
            self.total_items.map(|n| n.to_string()).unwrap_or_default(),
            number_text(&self.sort_order),
            short_time(&self.created_date, for_table),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl Record for Item {
    const HEADERS: &'static [&'static str] =
        &["ID", "TYPE", "TITLE", "MEDIA", "SORT ORDER", "CREATED"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.kind().to_string(),
            shorten(self.title.as_deref().unwrap_or_default(), 40, for_table),
            shorten(&self.media(), 40, for_table),
            number_text(&self.sort_order),
            short_time(&self.created_date, for_table),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// stderr as indicatif's terminal: plain ANSI cursor moves.
#[derive(Debug)]
struct StderrTerm {
    width: u16,
}

impl StderrTerm {
    fn put(&self, text: &str) -> io::Result<()> {
        io::stderr().write_all(text.as_bytes())
    }
}

impl indicatif::TermLike for StderrTerm {
    fn width(&self) -> u16 {
        self.width
    }
    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}A"))?;
        }
        Ok(())
    }
    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}B"))?;
        }
        Ok(())
    }
    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}C"))?;
        }
        Ok(())
    }
    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}D"))?;
        }
        Ok(())
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        self.put(s)?;
        self.put("\n")
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        self.put(s)
    }
    fn clear_line(&self) -> io::Result<()> {
        self.put("\r\x1b[2K")
    }
    fn flush(&self) -> io::Result<()> {
        io::stderr().flush()
    }
}

/// One line of diagnostics on stderr (the `-v` HTTP log).
pub fn diagnostic(line: &str) {
    eprintln!("{line}");
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
    let label = if color {
        "\x1b[31merror\x1b[0m"
    } else {
        "error"
    };
    // The whole chain, outermost context first ("items.txt line 2: item id … is not valid").
    eprintln!("progallery: {label}: {err:#}");
    if let Some(hint) = error::hint_of(err) {
        eprintln!("hint: {hint}");
    }
}

impl Printer {
    pub fn color_stderr(&self) -> bool {
        self.color_stderr
    }
}
