//! One manifest row, whatever the file's format: the known columns (names compare without case,
//! `_`, `-` or spaces) and the checks of each cell, so CSV and JSON rows are held to the same
//! rules and report problems in the same words.

use serde_json::Value;

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
