//! Item ids read from `--ids-from`: the shape is detected, not declared, so the output of any of
//! our own commands can be piped back in. Accepted: plain lines (one id per line, or the first
//! tab-separated column, as `-o id` and `-o tsv` print; blank lines and `#` comments skipped), a
//! JSON array of ids or of objects with an `id` (`-o json`), one such object, or JSONL objects with
//! an `id` (`-o jsonl`, including the outcome lines of the bulk verbs; an outcome whose `id` is
//! null — a source that failed to become an item — names nothing and is passed over).

use serde_json::Value;

use crate::commands::input::require_guid;
use crate::error::CliError;

/// Parses ids from `text`; `source` names the input in errors. Every id is checked (GUID shape);
/// an error names the line or array position.
pub fn parse_ids(text: &str, source: &str) -> anyhow::Result<Vec<String>> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(trimmed).map_err(|e| {
            CliError::usage(format!(
                "{source} looks like a JSON array but is not valid JSON: {e}"
            ))
        })?;
        let list = value.as_array().cloned().unwrap_or_default();
        let mut ids = Vec::new();
        for (index, entry) in list.iter().enumerate() {
            let at = format!("{source} element {}", index + 1);
            if let Some(id) = id_of(entry).map_err(|e| e.context(at.clone()))? {
                ids.push(checked(id, &at)?);
            }
        }
        return Ok(ids);
    }
    if trimmed.starts_with('{') {
        // One (possibly pretty-printed) object, else one object per line.
        if let Ok(value) = serde_json::from_str::<Value>(trimmed) {
            return match id_of(&value).map_err(|e| e.context(source.to_string()))? {
                Some(id) => Ok(vec![checked(id, source)?]),
                None => Ok(Vec::new()),
            };
        }
        let mut ids = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let at = format!("{source} line {}", number + 1);
            let value: Value = serde_json::from_str(line).map_err(|e| {
                CliError::usage(format!("{at}: not a JSON object (JSONL input): {e}"))
            })?;
            if let Some(id) = id_of(&value).map_err(|e| e.context(at.clone()))? {
                ids.push(checked(id, &at)?);
            }
        }
        return Ok(ids);
    }
    let mut ids = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let first = line.split('\t').next().unwrap_or(line).trim();
        ids.push(checked(first, &format!("{source} line {}", number + 1))?);
    }
    Ok(ids)
}

/// The id of one JSON entry: a string, or an object's `id` (or bulk-delete's older `itemId`);
/// `None` for an outcome line whose object has no id (`{"id": null, "status": "failed", …}`).
fn id_of(value: &Value) -> anyhow::Result<Option<&str>> {
    match value {
        Value::String(id) => Ok(Some(id)),
        Value::Object(map) if map.get("id") == Some(&Value::Null) && map.contains_key("status") => {
            Ok(None)
        }
        Value::Object(map) => map
            .get("id")
            .or_else(|| map.get("itemId"))
            .and_then(Value::as_str)
            .map(Some)
            .ok_or_else(|| CliError::usage("an object without a string \"id\" field").into()),
        _ => Err(CliError::usage("neither an id string nor an object with an \"id\"").into()),
    }
}

fn checked(id: &str, at: &str) -> anyhow::Result<String> {
    require_guid(id, "item id").map_err(|e| e.context(at.to_string()))?;
    Ok(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";
    const B: &str = "2b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";

    #[test]
    fn detects_each_shape() {
        let want = vec![A.to_string(), B.to_string()];
        assert_eq!(
            parse_ids(&format!("# x\n{A}\n\n{B}\tIMAGE\n"), "f").unwrap(),
            want
        );
        assert_eq!(
            parse_ids(&format!("[\"{A}\", {{\"id\": \"{B}\"}}]"), "f").unwrap(),
            want
        );
        assert_eq!(
            parse_ids(
                &format!("{{\"id\":\"{A}\",\"status\":\"failed\"}}\n{{\"id\":\"{B}\"}}\n"),
                "f"
            )
            .unwrap(),
            want
        );
        assert_eq!(
            parse_ids(&format!("{{\n  \"id\": \"{A}\"\n}}\n"), "f").unwrap(),
            vec![A.to_string()]
        );
        // The outcomes of an add: a source that failed has no item, so no id to name.
        let outcomes = format!(
            "{{\"id\":\"{A}\",\"status\":\"added\",\"error\":null}}\n{{\"id\":null,\"status\":\"failed\",\"error\":\"x\"}}\n{{\"id\":\"{B}\",\"status\":\"present\",\"error\":null}}\n"
        );
        assert_eq!(parse_ids(&outcomes, "f").unwrap(), want);
        let array = format!("[{{\"id\":null,\"status\":\"duplicate\"}}, {{\"id\":\"{A}\"}}]");
        assert_eq!(parse_ids(&array, "f").unwrap(), vec![A.to_string()]);
        // A null id on anything else is still an error.
        assert!(parse_ids("[{\"id\": null}]", "f").is_err());
    }

    #[test]
    fn errors_say_where() {
        let e = parse_ids(&format!("{A}\nnope\n"), "ids.txt").unwrap_err();
        assert!(format!("{e:#}").contains("ids.txt line 2"), "{e:#}");
        let e = parse_ids(&format!("[\"{A}\", 5]"), "f").unwrap_err();
        assert!(format!("{e:#}").contains("element 2"), "{e:#}");
        let e = parse_ids(&format!("{{\"id\":\"{A}\"}}\n{{\"title\":1}}\n"), "f").unwrap_err();
        assert!(format!("{e:#}").contains("line 2"), "{e:#}");
    }
}
