//! CSV manifests for `items add --from-file`: the first record names the columns, each later
//! record is one row. Splitting records (RFC 4180 quoting, `""` for a quote, commas and line
//! breaks inside quoted fields, CRLF or LF) is the `csv` crate's job; this file owns what the
//! crate leaves to us: the line each record starts on for messages, a quote left open at the end
//! of the file, rows longer than the header, and bytes that are not UTF-8 — each reported as
//! `NAME line N[, column C]: …`.

use ::csv::{ByteRecord, ReaderBuilder, StringRecord};

use super::row::{build_row, column, CellValue, Row, RowProblems, KNOWN};

/// Appended to the input after a line break: it comes back as a record of its own unless an
/// opening quote is still unclosed, in which case the crate (which ends an open quoted field at
/// the end of the input without complaint) folds it into that field — so its absence is how an
/// unclosed quote is detected.
const SENTINEL: &[u8] = b"\n\x01";

/// The records of `bytes` with the line each starts on; a record that is not UTF-8 comes back as
/// `Err` with its line and the index of the first bad field.
type Records = Vec<(usize, Result<StringRecord, usize>)>;

fn read_records(name: &str, bytes: &[u8]) -> Result<Records, String> {
    let mut input = Vec::with_capacity(bytes.len() + SENTINEL.len());
    input.extend_from_slice(bytes);
    input.extend_from_slice(SENTINEL);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        // Rows may stop short of the header (the missing columns are not given); rows that run
        // longer are reported below with the header's count.
        .flexible(true)
        .from_reader(input.as_slice());
    let mut records = Vec::new();
    let mut record = ByteRecord::new();
    let mut lines = LineCounter::default();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading from memory with flexible rows, the crate has no other error to give.
            Err(e) => return Err(format!("{name}: cannot read as CSV: {e}")),
        }
        let line = lines.line_at(&input, record.position().map_or(0, |p| p.byte() as usize));
        let text =
            StringRecord::from_byte_record(record.clone()).map_err(|e| e.utf8_error().field());
        records.push((line, text));
    }
    match records.pop() {
        Some((_, Ok(last))) if last.len() == 1 && last.as_byte_record()[0] == SENTINEL[1..] => {}
        popped => {
            let line = popped.map_or(1, |(line, _)| line);
            return Err(format!(
                "{name} line {line}: a quoted field is never closed"
            ));
        }
    }
    Ok(records)
}

/// The line each record starts on. The crate's own line count lags behind blank lines and CRLF
/// endings, so the line breaks before each record are counted instead, stepping over the blank
/// lines the crate skipped (its offset points at the first of them). Records come in order, so the
/// count carries on from the previous record: each byte is looked at once, whatever the file's
/// length (counting from the start for every record made a 50,000-row manifest take a minute).
#[derive(Debug, Default)]
struct LineCounter {
    /// Bytes before this offset are counted.
    counted_to: usize,
    /// Line breaks in `input[..counted_to]`.
    breaks: usize,
}

impl LineCounter {
    /// The line of the record starting at byte `start` (never before the previous record's).
    fn line_at(&mut self, input: &[u8], start: usize) -> usize {
        let start = start.min(input.len()).max(self.counted_to);
        let skipped = input[start..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let end = start + skipped;
        // A line ends at LF, or at a CR not followed by LF (the crate takes a lone CR as a record
        // terminator too).
        self.breaks += (self.counted_to..end)
            .filter(|&i| {
                input[i] == b'\n' || (input[i] == b'\r' && input.get(i + 1) != Some(&b'\n'))
            })
            .count();
        self.counted_to = end;
        self.breaks + 1
    }
}

/// CSV with a header row: the good rows and the problems of the others. `Err` is a file that
/// holds no rows at all (an unclosed quote, a bad header), one message each.
pub(super) fn parse_csv(name: &str, bytes: &[u8]) -> Result<(Vec<Row>, RowProblems), Vec<String>> {
    let mut records = read_records(name, bytes).map_err(|e| vec![e])?.into_iter();
    let Some((header_line, header)) = records.next() else {
        return Err(vec![format!("{name} holds no rows")]);
    };
    let header = header.map_err(|field| {
        vec![format!(
            "{name} line {header_line}, column {}: not valid UTF-8 (save the manifest as UTF-8)",
            field + 1
        )]
    })?;
    let mut errors = Vec::new();
    let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    for h in &header {
        if column(h).is_none() {
            errors.push(format!(
                "{name} line {header_line}, column {h}: unknown column (known: {KNOWN})"
            ));
        }
    }
    if !header
        .iter()
        .any(|h| matches!(column(h), Some("source" | "text")))
    {
        errors.push(format!(
            "{name} line {header_line}: the header needs a source (or text) column; the first line of a CSV manifest names its columns"
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (line, fields) in records {
        let fields = match fields {
            Ok(fields) => fields,
            Err(field) => {
                let column = header
                    .get(field)
                    .cloned()
                    .unwrap_or_else(|| (field + 1).to_string());
                problems.push((
                    line,
                    format!(
                        "{name} line {line}, column {column}: not valid UTF-8 (save the manifest as UTF-8)"
                    ),
                ));
                continue;
            }
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if fields.len() > header.len() {
            problems.push((line, format!(
                "{name} line {line}: {} fields but the header names {} columns (quote fields that hold commas)",
                fields.len(),
                header.len()
            )));
            continue;
        }
        let cells = header
            .iter()
            .cloned()
            .zip(fields.iter().map(|f| CellValue::Csv(f.to_string())))
            .collect();
        match build_row(cells) {
            Ok(mut row) => {
                row.place = format!("line {line}");
                row.order = line;
                rows.push(row);
            }
            Err(found) => problems.extend(
                found
                    .into_iter()
                    .map(|p| (line, format!("{name} line {line}, {p}"))),
            ),
        }
    }
    Ok((rows, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &[u8]) -> Vec<String> {
        parse_csv("m.csv", text)
            .unwrap()
            .1
            .into_iter()
            .map(|p| p.1)
            .collect()
    }

    #[test]
    fn quotes_newlines_and_line_numbers() {
        let records = read_records(
            "m.csv",
            b"a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n",
        )
        .unwrap();
        let text: Vec<(usize, Vec<String>)> = records
            .into_iter()
            .map(|(line, r)| (line, r.unwrap().iter().map(str::to_string).collect()))
            .collect();
        assert_eq!(text[0], (1, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(
            text[1],
            (2, vec!["x, \"y\"".to_string(), "two\nlines".to_string()])
        );
        // The blank line 4 is skipped; the record after it keeps its own line.
        assert_eq!(text[2], (5, vec!["last".to_string(), String::new()]));
        assert_eq!(text.len(), 3);
    }

    #[test]
    fn line_numbers_count_blank_lines_crlf_and_lone_cr() {
        let lines = |input: &[u8]| -> Vec<usize> {
            read_records("m.csv", input)
                .unwrap()
                .into_iter()
                .map(|(line, _)| line)
                .collect()
        };
        assert_eq!(lines(b"a,b\nc\n\nd\ne,\"x\ny\"\nf\n"), [1, 2, 4, 5, 7]);
        assert_eq!(lines(b"a,b\r\nc\r\n\r\nd"), [1, 2, 4]);
        assert_eq!(lines(b"\n\na\rb\r\rc\n"), [3, 4, 6]);
    }

    #[test]
    fn line_numbers_hold_over_many_records() {
        // Every third record spans two lines, every fifth is followed by a blank line, and the
        // endings alternate between LF and CRLF: the count carried from record to record must
        // agree with counting from the start of the file each time.
        let mut input = b"a,b\n".to_vec();
        let mut expected = vec![1];
        let mut line = 2;
        for i in 0..1000 {
            expected.push(line);
            let ending: &[u8] = if i % 2 == 0 { b"\n" } else { b"\r\n" };
            if i % 3 == 0 {
                input.extend_from_slice(format!("x{i},\"two\nlines\"").as_bytes());
                line += 1;
            } else {
                input.extend_from_slice(format!("x{i},y").as_bytes());
            }
            input.extend_from_slice(ending);
            line += 1;
            if i % 5 == 0 {
                input.extend_from_slice(ending);
                line += 1;
            }
        }
        let lines: Vec<usize> = read_records("m.csv", &input)
            .unwrap()
            .into_iter()
            .map(|(line, _)| line)
            .collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn quoted_field_with_embedded_newline_and_comma_is_one_cell() {
        let text = "source,title,description\n\
                    a.jpg,\"Dunes, at dusk\nsecond line\",\"said \"\"hi\"\"\"\n\
                    b.jpg,B,\n";
        let (rows, problems) = parse_csv("m.csv", text.as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].meta.title.as_deref(),
            Some("Dunes, at dusk\nsecond line")
        );
        assert_eq!(rows[0].meta.description.as_deref(), Some("said \"hi\""));
        assert_eq!(rows[0].place, "line 2");
        // The quoted line break moves the next record to line 4.
        assert_eq!(rows[1].place, "line 4");
        assert_eq!(rows[1].meta.description, None, "an empty cell is not given");
    }

    #[test]
    fn unclosed_quote_is_an_error_naming_its_line() {
        let errors = parse_csv("m.csv", b"source,title\na.jpg,\"open\nb.jpg,B\n").unwrap_err();
        assert_eq!(errors, ["m.csv line 2: a quoted field is never closed"]);
        // A quote closed on the very last byte is fine.
        let (rows, _) = parse_csv("m.csv", b"source,title\na.jpg,\"shut\"").unwrap();
        assert_eq!(rows[0].meta.title.as_deref(), Some("shut"));
    }

    #[test]
    fn long_rows_are_problems_and_short_rows_leave_columns_out() {
        let found = problems(b"source,title\na.jpg,x,y\nb.jpg\n");
        assert_eq!(
            found,
            ["m.csv line 2: 3 fields but the header names 2 columns (quote fields that hold commas)"]
        );
        let (rows, _) = parse_csv("m.csv", b"source,title\nb.jpg\n").unwrap();
        assert_eq!(rows[0].source.as_deref(), Some("b.jpg"));
        assert_eq!(rows[0].meta.title, None);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let found = problems(b"source,title\na.jpg,ok\nb.jpg,caf\xe9\n");
        assert_eq!(
            found,
            ["m.csv line 3, column title: not valid UTF-8 (save the manifest as UTF-8)"]
        );
        let errors = parse_csv("m.csv", b"source,t\xffitle\n").unwrap_err();
        assert!(
            errors[0].starts_with("m.csv line 1, column 2: not valid UTF-8"),
            "{errors:?}"
        );
    }

    #[test]
    fn header_and_empty_file() {
        assert_eq!(
            parse_csv("m.csv", b"").unwrap_err(),
            ["m.csv holds no rows"]
        );
        let errors = parse_csv("m.csv", b"title\nx\n").unwrap_err();
        assert!(
            errors[0].contains("line 1: the header needs a source"),
            "{errors:?}"
        );
    }
}
