//! Lists as a stream (`ListWriter`): jsonl, tsv, id and even json (one array, written element
//! by element) print each page as it arrives, so memory does not grow with the list. Only the
//! table collects its rows, since column widths depend on all of them.

use std::io;

use comfy_table::{presets, ColumnConstraint, ContentArrangement, Row, Table};
use serde_json::Value;

use super::printable::printable_cell;
use super::Printer;
use crate::cli::OutputFormat;

impl Printer {
    /// Starts a streamed list of records.
    pub fn list<R: Record>(&self) -> io::Result<ListWriter<'_, R>> {
        let writer = ListWriter {
            printer: self,
            rows: Vec::new(),
            collected: Vec::new(),
            count: 0,
            _marker: std::marker::PhantomData,
        };
        if self.format == OutputFormat::Json && self.jq.is_none() {
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

    /// Prints one record a person asked to look at (`get`): on a table, one `FIELD  value` line
    /// per column with nothing shortened or dropped, as `gh issue view` does, since a one-row
    /// table squeezed to the terminal shows less of the object than the person asked for.
    /// Every other format prints exactly what `one` prints.
    pub fn detail<R: Record>(&self, record: &R) -> io::Result<()> {
        if self.format != OutputFormat::Table {
            return self.one(record);
        }
        let details: Vec<(String, String)> = match &self.fields {
            Some(fields) => fields
                .headers()
                .into_iter()
                .zip(fields.cells(&record.to_json(), None))
                .collect(),
            None => record
                .details()
                .into_iter()
                .map(|(h, v)| (h.to_string(), v))
                .collect(),
        };
        let width = details
            .iter()
            .map(|(h, _)| h.chars().count())
            .max()
            .unwrap_or(0);
        let mut text = String::new();
        for (header, value) in details {
            // Continuation lines (the HTML of a text item) stay under the value, not the label.
            let value = printable_cell(&value).replace('\n', &format!("\n{:width$}  ", ""));
            text.push_str(format!("{header:width$}  {value}").trim_end());
            text.push('\n');
        }
        self.write_out(&text)?;
        self.flush()
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

    /// Prints the results of `--jq` on `value`, or `value` itself when there is no `--jq`.
    pub(super) fn write_json(&self, value: &Value, pretty: bool) -> io::Result<()> {
        match &self.jq {
            Some(jq) => {
                let printed = jq.run(value, pretty).map_err(io::Error::other)?;
                for text in printed {
                    self.write_out(&text)?;
                    self.write_out("\n")?;
                }
                Ok(())
            }
            None => {
                let text = if pretty {
                    serde_json::to_string_pretty(value).unwrap_or_default()
                } else {
                    value.to_string()
                };
                self.write_out(&text)?;
                self.write_out("\n")
            }
        }
    }
}

/// A row of output: the same columns in `table` and `tsv`, the service's object in json.
pub trait Record {
    const HEADERS: &'static [&'static str];
    /// The cells; `for_table` shortens what a person does not need in full.
    fn cells(&self, for_table: bool) -> Vec<String>;
    fn id(&self) -> String;
    fn to_json(&self) -> Value;
    /// The `FIELD  value` lines of the detail view (`get` on a terminal): every column in full
    /// unless a record has more worth showing.
    fn details(&self) -> Vec<(&'static str, String)> {
        Self::HEADERS
            .iter()
            .copied()
            .zip(self.cells(false))
            .collect()
    }
}

pub struct ListWriter<'p, R: Record> {
    printer: &'p Printer,
    /// Table rows, each with its position in the gallery when the list has one.
    rows: Vec<(Option<u64>, Vec<String>)>,
    /// `-o json` with `--jq`: the objects, filtered as one array at the end.
    collected: Vec<Value>,
    count: usize,
    _marker: std::marker::PhantomData<R>,
}

impl<R: Record> ListWriter<'_, R> {
    pub fn push(&mut self, record: &R) -> io::Result<()> {
        self.push_at(None, record)
    }

    /// Pushes a record at its 1-based position in its gallery: tables of items show it in a
    /// `#` column (`--fields` as `#`).
    pub fn push_at(&mut self, position: Option<u64>, record: &R) -> io::Result<()> {
        let printer = self.printer;
        match (printer.format, &printer.fields) {
            (OutputFormat::Table, Some(fields)) => self
                .rows
                .push((position, fields.cells(&record.to_json(), position))),
            (OutputFormat::Table, None) => self.rows.push((position, record.cells(true))),
            (OutputFormat::Tsv, fields) => {
                let cells = match fields {
                    Some(fields) => fields.cells(&record.to_json(), position),
                    None => record.cells(false),
                };
                let cells: Vec<String> = cells.iter().map(|c| tsv_escape(c)).collect();
                printer.write_out(&cells.join("\t"))?;
                printer.write_out("\n")?;
            }
            (OutputFormat::Json, _) if printer.jq.is_some() => {
                self.collected.push(record.to_json())
            }
            (OutputFormat::Json, _) => {
                let pretty = serde_json::to_string_pretty(&record.to_json()).unwrap_or_default();
                let indented = pretty.replace('\n', "\n  ");
                printer.write_out(if self.count == 0 { "\n  " } else { ",\n  " })?;
                printer.write_out(&indented)?;
            }
            (OutputFormat::Jsonl, _) => printer.write_json(&record.to_json(), false)?,
            (OutputFormat::Id, _) => {
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
                let text = match &printer.fields {
                    Some(fields) => {
                        let rows = self.rows.into_iter().map(|(_, cells)| cells).collect();
                        render_chosen(printer.table(), fields.headers(), rows)
                    }
                    None => render::<R>(printer.table(), self.rows),
                };
                printer.write_out(&text)?;
                printer.write_out("\n")?;
            }
            OutputFormat::Json if printer.jq.is_some() => {
                printer.write_json(&Value::Array(self.collected), true)?
            }
            OutputFormat::Json => {
                printer.write_out(if self.count == 0 { "]\n" } else { "\n]\n" })?
            }
            _ => {}
        }
        printer.flush()
    }
}

/// A table of a record's own columns, with `#` first when the rows have positions; columns are
/// dropped to fit the width (see `columns_to_hide`), then free text is cut.
fn render<R: Record>(mut table: Table, rows: Vec<(Option<u64>, Vec<String>)>) -> String {
    let positioned = rows.iter().any(|(position, _)| position.is_some());
    let mut headers: Vec<&str> = R::HEADERS.to_vec();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(position, cells)| {
            let mut cells: Vec<String> = cells.iter().map(|cell| printable_cell(cell)).collect();
            if positioned {
                cells.insert(0, position.map(|p| p.to_string()).unwrap_or_default());
            }
            cells
        })
        .collect();
    if positioned {
        headers.insert(0, "#");
    }
    table.set_header(headers.clone());
    let width = table.width().map(usize::from);
    let hidden = columns_to_hide(&headers, &rows, width);
    // One line per record, cut with "…", so a narrow terminal never stacks a long title letter
    // by letter; errors are the exception, they are read in full.
    let one_line = !headers.contains(&"ERROR");
    for row in rows {
        let mut row = Row::from(row);
        if one_line {
            row.max_height(1);
        }
        table.add_row(row);
    }
    table.set_truncation_indicator("…");
    for (index, header) in headers.iter().enumerate() {
        let Some(column) = table.column_mut(index) else {
            continue;
        };
        if hidden.contains(&index) {
            column.set_constraint(ColumnConstraint::Hidden);
        } else if !is_free_text(header) {
            // Ids (what people copy), numbers, dates and URLs never wrap.
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    table.to_string()
}

/// A table of the columns `--fields` chose: all kept, each row on one line, cut with "…".
fn render_chosen(mut table: Table, headers: Vec<String>, rows: Vec<Vec<String>>) -> String {
    table.set_header(headers);
    for row in rows {
        let mut row = Row::from(row.iter().map(|cell| printable_cell(cell)));
        row.max_height(1);
        table.add_row(row);
    }
    table.set_truncation_indicator("…");
    table.to_string()
}

/// Columns of free text: they take the squeeze when the terminal is narrow.
fn is_free_text(header: &str) -> bool {
    matches!(
        header,
        "NAME" | "TITLE" | "OUTCOME" | "DESCRIPTION" | "ERROR"
    )
}

/// What people read: counted at its full width (up to `READ_WIDTH`) when deciding which columns
/// fit, so technical columns go before a title is cut.
fn is_read(header: &str) -> bool {
    matches!(header, "NAME" | "TITLE")
}

/// The width a title or name is given before technical columns are kept instead.
const READ_WIDTH: usize = 60;

/// The narrowest other free text is squeezed to before whole columns are dropped instead.
const MIN_FREE_TEXT: usize = 12;

/// Columns a person can do without, the first to go when the terminal is too narrow for every
/// column: the technical ones first (sortOrder, the media's URL, dates), then the ones that
/// say least. `#`, ids, names, titles, statuses and errors are never dropped: once these are
/// gone, the title (or name) is cut.
const DROP_ORDER: &[&str] = &[
    "SORT ORDER",
    "MEDIA",
    "CREATED",
    "VIDEO",
    "ORIGINAL ID",
    "DESCRIPTION",
    "ITEMS",
    "TYPE",
];

/// Which columns to hide so the rest fit `width`: each kept column costs its content (a title at
/// most `READ_WIDTH`, other free text at most `MIN_FREE_TEXT`) plus the two spaces of padding
/// the borderless preset adds.
fn columns_to_hide(headers: &[&str], rows: &[Vec<String>], width: Option<usize>) -> Vec<usize> {
    let Some(width) = width else {
        return Vec::new();
    };
    let need: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let content = rows
                .iter()
                .filter_map(|row| row.get(index))
                .map(|cell| cell.lines().map(|l| l.chars().count()).max().unwrap_or(0))
                .chain(std::iter::once(header.chars().count()))
                .max()
                .unwrap_or(0);
            let content = if is_read(header) {
                content.min(READ_WIDTH)
            } else if is_free_text(header) {
                content.min(MIN_FREE_TEXT)
            } else {
                content
            };
            content + 2
        })
        .collect();
    let mut hidden = Vec::new();
    let mut total: usize = need.iter().sum();
    for drop in DROP_ORDER {
        if total <= width {
            break;
        }
        if let Some(index) = headers.iter().position(|h| h == drop) {
            hidden.push(index);
            total -= need[index];
        }
    }
    hidden
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
