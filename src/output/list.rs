//! Lists as a stream (`ListWriter`): jsonl, tsv, id and even json (one array, written element
//! by element) print each page as it arrives, so memory does not grow with the list. Only the
//! table collects its rows, since column widths depend on all of them.

use std::io;

use comfy_table::{presets, ColumnConstraint, ContentArrangement, Table};
use serde_json::Value;

use super::Printer;
use crate::cli::OutputFormat;

impl Printer {
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
