//! `--fields a,b,c`: the columns of `table` and `tsv` output, chosen by the user as dotted paths
//! into each object's JSON (`id`, `title`, `image.imageInfo.url`, `tags.values.0`), plus `#`, the
//! position of an item in its gallery. A path that leads nowhere gives an empty cell; an object or
//! array gives its compact JSON.

use serde_json::Value;

use crate::error::CliError;

#[derive(Debug, Clone)]
pub struct Fields {
    paths: Vec<(String, Vec<String>)>,
}

/// The pseudo-field of the position column.
pub const POSITION: &str = "#";

impl Fields {
    /// Parses the comma-separated list; an empty one or an empty segment is a usage error.
    pub fn parse(list: &[String]) -> Result<Fields, CliError> {
        let mut paths = Vec::new();
        for text in list.iter().map(|t| t.trim()) {
            if text.is_empty() {
                continue;
            }
            let segments: Vec<String> = if text == POSITION {
                Vec::new()
            } else {
                text.split('.').map(str::to_string).collect()
            };
            if segments.iter().any(String::is_empty) {
                return Err(CliError::usage(format!(
                    "--fields: {text:?} has an empty part between dots"
                ))
                .with_hint("give dotted JSON paths such as id,title,image.imageInfo.url"));
            }
            paths.push((text.to_string(), segments));
        }
        if paths.is_empty() {
            return Err(CliError::usage("--fields names no field")
                .with_hint("give dotted JSON paths such as id,title,image.imageInfo.url (`-o json` shows them all)"));
        }
        Ok(Fields { paths })
    }

    /// The column headers: the paths as given.
    pub fn headers(&self) -> Vec<String> {
        self.paths.iter().map(|(text, _)| text.clone()).collect()
    }

    /// The cells of one object; `position` fills `#`.
    pub fn cells(&self, json: &Value, position: Option<u64>) -> Vec<String> {
        self.paths
            .iter()
            .map(|(text, segments)| {
                if text == POSITION {
                    return position.map(|p| p.to_string()).unwrap_or_default();
                }
                let mut value = json;
                for segment in segments {
                    let next = match value {
                        Value::Object(map) => map.get(segment),
                        Value::Array(list) => {
                            segment.parse::<usize>().ok().and_then(|i| list.get(i))
                        }
                        _ => None,
                    };
                    match next {
                        Some(next) => value = next,
                        None => return String::new(),
                    }
                }
                match value {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn dotted_paths_position_and_missing_values() {
        let fields = Fields::parse(&[
            "#".into(),
            "id".into(),
            "image.imageInfo.url".into(),
            "tags.values.1".into(),
            "nope.deeper".into(),
            "image".into(),
            "n".into(),
        ])
        .unwrap();
        let item = json!({"id": "a", "n": 1.5, "image": {"imageInfo": {"url": "u"}}, "tags": {"values": ["x", "y"]}});
        assert_eq!(
            fields.cells(&item, Some(3)),
            vec![
                "3",
                "a",
                "u",
                "y",
                "",
                r#"{"imageInfo":{"url":"u"}}"#,
                "1.5"
            ]
        );
        assert!(Fields::parse(&["a..b".into()]).is_err());
        assert!(Fields::parse(&[" ".into()]).is_err());
    }
}
