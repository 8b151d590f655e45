//! Manifests for `items add --from-file`: one row per item, as CSV (a header row naming the
//! columns), JSON (an array, or `{"items": […]}`) or JSONL. Columns: source, text, title,
//! description, alt, link, linkText, linkTarget, tags, sortOrder, focalPoint (names compare
//! without case, `_` or `-`). A JSON row holding a whole item (`image`, `video` or a `text`
//! object), as `items list -o json` prints it, is taken as that item.
//!
//! The whole file is read and every row checked before anything is sent; all the problems found
//! are reported together, each naming its line (or entry) and column.

use serde_json::{Map, Value};

use crate::commands::items::metadata::{
    check_link_target, check_link_url, check_sort_order, clean_tags, parse_focal_point, LinkSpec,
    Meta,
};

/// One checked row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Where it is, for messages: `line 4` (CSV, JSONL) or `entry 2` (JSON).
    pub place: String,
    /// Its line (CSV, JSONL) or entry number (JSON), to sort problems by.
    pub order: usize,
    pub source: Option<String>,
    pub text: Option<String>,
    pub meta: Meta,
    /// A whole item, created as it is (metadata columns do not apply).
    pub item: Option<Value>,
}

/// The known columns, by normalised name.
pub(super) fn column(name: &str) -> Option<&'static str> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "source" | "file" | "url" | "path" => "source",
        "text" | "html" => "text",
        "title" => "title",
        "description" => "description",
        "alt" | "alttext" => "alt",
        "link" | "linkurl" => "link",
        "linktext" => "linkText",
        "linktarget" => "linkTarget",
        "tags" => "tags",
        "sortorder" => "sortOrder",
        "focalpoint" => "focalPoint",
        _ => return None,
    })
}

pub(super) const KNOWN: &str = "source, text, title, description, alt, link, linkText, linkTarget, tags, sortOrder, focalPoint";

/// Problems found in rows: `(order, message)`.
pub type RowProblems = Vec<(usize, String)>;

/// Reads a manifest: the good rows and the problems of the others (so the caller can check the
/// good rows' sources too and report everything at once). `Err` is a file that holds no rows at
/// all (unreadable JSON, a bad header), one message each.
pub fn parse(name: &str, bytes: &[u8]) -> Result<(Vec<Row>, RowProblems), Vec<String>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let rows = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(vec![format!("{name} holds no rows")]),
        Some(b'{' | b'[') => parse_json(name, utf8(name, bytes)?)?,
        // The CSV reader checks UTF-8 itself, so a bad byte is named by line and column.
        Some(_) => super::manifest_csv::parse_csv(name, bytes)?,
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

fn parse_json(name: &str, text: &str) -> Result<(Vec<Row>, RowProblems), Vec<String>> {
    let values: Vec<(String, Value)> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(list)) => numbered("entry", list),
        Ok(Value::Object(mut map)) => match map.remove("items") {
            Some(Value::Array(list)) => numbered("entry", list),
            _ => match map.remove("item") {
                Some(item) => vec![("line 1".to_string(), item)],
                None => vec![("line 1".to_string(), Value::Object(map))],
            },
        },
        Ok(_) => return Err(vec![format!("{name} must hold JSON objects (rows)")]),
        Err(_) => {
            // Not one JSON document: JSON lines.
            let mut values = Vec::new();
            let mut errors = Vec::new();
            for (number, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => values.push((format!("line {}", number + 1), v)),
                    Err(e) => {
                        errors.push(format!("{name} line {}: not valid JSON: {e}", number + 1))
                    }
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            values
        }
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (order, (place, value)) in values.into_iter().enumerate() {
        let order = place
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(order + 1);
        match value {
            Value::Object(map) => match json_row(&map) {
                Ok(mut row) => {
                    row.place = place;
                    row.order = order;
                    rows.push(row);
                }
                Err(problems) => errors.extend(
                    problems
                        .into_iter()
                        .map(|p| (order, format!("{name} {place}, {p}"))),
                ),
            },
            _ => errors.push((
                order,
                format!("{name} {place}: a row must be a JSON object"),
            )),
        }
    }
    Ok((rows, errors))
}

fn numbered(word: &str, list: Vec<Value>) -> Vec<(String, Value)> {
    list.into_iter()
        .enumerate()
        .map(|(i, v)| (format!("{word} {}", i + 1), v))
        .collect()
}

/// A JSON object as a row: a whole item, or columns.
fn json_row(map: &Map<String, Value>) -> Result<Row, Vec<String>> {
    let whole_item = map.contains_key("image")
        || map.contains_key("video")
        || map.get("text").is_some_and(Value::is_object);
    if whole_item {
        let kinds = ["image", "video", "text"]
            .iter()
            .filter(|k| map.contains_key(**k))
            .count();
        if kinds != 1 {
            return Err(vec![format!(
                "column image/video/text: an item needs exactly one of image, video or text (found {kinds})"
            )]);
        }
        return Ok(Row {
            place: String::new(),
            order: 0,
            source: None,
            text: None,
            meta: Meta::default(),
            item: Some(Value::Object(map.clone())),
        });
    }
    let cells: Vec<(String, CellValue)> = map
        .iter()
        .map(|(k, v)| (k.clone(), CellValue::Json(v.clone())))
        .collect();
    build_row(cells)
}

pub(super) enum CellValue {
    Csv(String),
    Json(Value),
}

impl CellValue {
    /// The cell as text; `None` when blank or null (a column not given for this row).
    fn text(&self) -> Result<Option<String>, String> {
        match self {
            CellValue::Csv(s) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
            CellValue::Json(Value::Null) => Ok(None),
            CellValue::Json(Value::String(s)) => {
                Ok(Some(s.clone()).filter(|s| !s.trim().is_empty()))
            }
            CellValue::Json(Value::Number(n)) => Ok(Some(n.to_string())),
            CellValue::Json(other) => Err(format!("must be text, not {other}")),
        }
    }
}

pub(super) fn build_row(cells: Vec<(String, CellValue)>) -> Result<Row, Vec<String>> {
    let mut row = Row {
        place: String::new(),
        order: 0,
        source: None,
        text: None,
        meta: Meta::default(),
        item: None,
    };
    let mut errors = Vec::new();
    let mut link = LinkSpec::default();
    for (name, value) in cells {
        let Some(col) = column(&name) else {
            errors.push(format!("column {name}: unknown column (known: {KNOWN})"));
            continue;
        };
        let result: Result<(), String> = (|| {
            if col == "tags" {
                if let CellValue::Json(Value::Array(list)) = &value {
                    let mut tags = Vec::new();
                    for tag in list {
                        tags.push(
                            tag.as_str()
                                .ok_or_else(|| format!("tags must be text, not {tag}"))?
                                .to_string(),
                        );
                    }
                    row.meta.tags = Some(clean_tags(tags));
                    return Ok(());
                }
            }
            if col == "focalPoint" {
                if let CellValue::Json(Value::Object(point)) = &value {
                    let x = point.get("x").and_then(Value::as_f64);
                    let y = point.get("y").and_then(Value::as_f64);
                    let (Some(x), Some(y)) = (x, y) else {
                        return Err("must be {\"x\": …, \"y\": …} or \"X,Y\"".to_string());
                    };
                    row.meta.focal_point = Some(parse_focal_point(&format!("{x},{y}"))?);
                    return Ok(());
                }
            }
            let Some(text) = value.text()? else {
                return Ok(());
            };
            match col {
                "source" => row.source = Some(text.trim().to_string()),
                "text" => row.text = Some(text),
                "title" => row.meta.title = Some(text),
                "description" => row.meta.description = Some(text),
                "alt" => row.meta.alt = Some(text),
                "link" => link.url = Some(check_link_url(text.trim())?),
                "linkText" => link.text = Some(text),
                "linkTarget" => link.target = Some(check_link_target(text.trim())?),
                "tags" => row.meta.tags = Some(clean_tags(text.split(',').map(str::to_string))),
                "sortOrder" => {
                    let number: f64 = text
                        .trim()
                        .parse()
                        .map_err(|_| format!("{text:?} is not a number"))?;
                    row.meta.sort_order = Some(check_sort_order(number)?);
                }
                "focalPoint" => row.meta.focal_point = Some(parse_focal_point(&text)?),
                _ => {}
            }
            Ok(())
        })();
        if let Err(why) = result {
            errors.push(format!("column {name}: {why}"));
        }
    }
    if link != LinkSpec::default() {
        row.meta.link = Some(link);
    }
    match (&row.source, &row.text) {
        (None, None) => errors.push(
            "column source: missing (give a file, folder, URL or media id, or a text column)"
                .to_string(),
        ),
        (Some(_), Some(_)) => {
            errors.push("column text: give either source or text, not both".to_string())
        }
        _ => {}
    }
    if row.text.is_some() && row.meta.touches_image() {
        errors
            .push("column alt/focalPoint: applies to images only, not to a text item".to_string());
    }
    if errors.is_empty() {
        Ok(row)
    } else {
        Err(errors)
    }
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
