//! JSON manifests: an array of rows, `{"items": […]}`, one object, or JSON lines. A row that holds
//! a whole item (`image`, `video` or a `text` object), as `items list -o json` prints it, is
//! taken as that item; any other object is a row of columns.

use serde_json::{Map, Value};

use super::row::{build_row, CellValue, Row, RowProblems};
use crate::commands::items::metadata::Meta;

pub(super) fn parse_json(name: &str, text: &str) -> Result<(Vec<Row>, RowProblems), Vec<String>> {
    // Each row with where it is (for messages) and its number (for ordering the problems).
    let values: Vec<(String, usize, Value)> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(list)) => numbered("entry", list),
        Ok(Value::Object(mut map)) => match map.remove("items") {
            Some(Value::Array(list)) => numbered("entry", list),
            _ => match map.remove("item") {
                Some(item) => vec![("line 1".to_string(), 1, item)],
                None => vec![("line 1".to_string(), 1, Value::Object(map))],
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
                    Ok(v) => values.push((format!("line {}", number + 1), number + 1, v)),
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
    for (place, order, value) in values {
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

fn numbered(word: &str, list: Vec<Value>) -> Vec<(String, usize, Value)> {
    list.into_iter()
        .enumerate()
        .map(|(i, v)| (format!("{word} {}", i + 1), i + 1, v))
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
