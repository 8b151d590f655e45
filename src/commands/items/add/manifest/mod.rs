//! Manifests for `items add --from-file`: one row per item, as CSV (a header row naming the
//! columns), JSON (an array, or `{"items": […]}`) or JSONL. Columns: source, text, title,
//! description, alt, link, linkText, linkTarget, tags, sortOrder, focalPoint (names compare
//! without case, `_` or `-`). A JSON row holding a whole item (`image`, `video` or a `text`
//! object), as `items list -o json` prints it, is taken as that item.
//!
//! The whole file is read and every row checked before anything is sent; all the problems found
//! are reported together, each naming its line (or entry) and column.
//!
//! The pieces: `row` (the columns and the checks of one row, shared by both readers),
//! `from_csv` and `from_json` (the two readers); this file picks the reader.

mod from_csv;
mod from_json;
mod row;

pub use row::{Row, RowProblems};

/// Reads a manifest: the good rows and the problems of the others (so the caller can check the
/// good rows' sources too and report everything at once). `Err` is a file that holds no rows at
/// all (unreadable JSON, a bad header), one message each.
pub fn parse(name: &str, bytes: &[u8]) -> Result<(Vec<Row>, RowProblems), Vec<String>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let rows = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(vec![format!("{name} holds no rows")]),
        Some(b'{' | b'[') => from_json::parse_json(name, utf8(name, bytes)?)?,
        // The CSV reader checks UTF-8 itself, so a bad byte is named by line and column.
        Some(_) => from_csv::parse_csv(name, bytes)?,
    };
    if rows.0.is_empty() && rows.1.is_empty() {
        return Err(vec![format!("{name} holds no rows")]);
    }
    Ok(rows)
}

/// The text of a JSON manifest, or the line of its first byte that is not UTF-8.
fn utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<String>> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        vec![format!(
            "{name} line {line}: not valid UTF-8 (save the manifest as UTF-8)"
        )]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes_and_errors() {
        let text = "source,title,tags,sortOrder\r\na.jpg,\"Hello, world\",\"x, y\",5\n\nb.png,\"multi\nline\",,\n";
        let (rows, problems) = parse("m.csv", text.as_bytes()).unwrap();
        assert!(problems.is_empty());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].meta.title.as_deref(), Some("Hello, world"));
        assert_eq!(
            rows[0].meta.tags,
            Some(vec!["x".to_string(), "y".to_string()])
        );
        assert_eq!(rows[0].meta.sort_order, Some(5.0));
        assert_eq!(rows[1].place, "line 4");
        assert_eq!(rows[1].meta.title.as_deref(), Some("multi\nline"));

        let bad = "source,title,sortOrder,colour\na.jpg,x,abc,red\n";
        let errors = parse("m.csv", bad.as_bytes()).unwrap_err();
        assert!(
            errors[0].contains("line 1, column colour: unknown column"),
            "{errors:?}"
        );
        let bad = "source,sortOrder,focalPoint,link\na.jpg,abc,2,ftp://x\n,1,,\n";
        let errors: Vec<String> = parse("m.csv", bad.as_bytes())
            .unwrap()
            .1
            .into_iter()
            .map(|p| p.1)
            .collect();
        assert!(
            errors
                .iter()
                .any(|e| e.contains("line 2, column sortOrder")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("line 2, column focalPoint")),
            "{errors:?}"
        );
        assert!(
            errors.iter().any(|e| e.contains("line 2, column link")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("line 3, column source: missing")),
            "{errors:?}"
        );
    }

    #[test]
    fn json_rows_and_whole_items() {
        let text = r#"[{"source":"a.jpg","tags":["p","q"],"focalPoint":{"x":0.1,"y":0.2}},{"title":"t","text":{"html":"<p/>"}}]"#;
        let (rows, _) = parse("m.json", text.as_bytes()).unwrap();
        assert_eq!(rows[0].meta.focal_point, Some((0.1, 0.2)));
        assert!(rows[1].item.is_some());
        let errors = parse(
            "m.jsonl",
            b"{\"source\":\"a\",\"titel\":\"x\"}\n{\"source\": \n",
        )
        .unwrap_err();
        assert!(errors[0].contains("line 2: not valid JSON"), "{errors:?}");
        let errors: Vec<String> = parse("m.jsonl", b"{\"source\":\"a\",\"titel\":\"x\"}\n")
            .unwrap()
            .1
            .into_iter()
            .map(|p| p.1)
            .collect();
        assert!(errors[0].contains("line 1, column titel"), "{errors:?}");
    }
}
