//! Request validation (spec §3 and §4 "Validation errors"): query paging parameters, and the item
//! and gallery bodies. Each check names the offending field with its full path (`item.image.
//! imageInfo.width`) so a client can point at it. Items are normalised here into the canonical
//! stored shape: every top-level field but those the service sets, nested objects (`image`,
//! `video`, …) kept whole, so unknown fields at any depth round-trip.

mod item;

pub use item::{check_item, is_kept_item_field, writable_item_fields, Kind};

use serde_json::{json, Map, Value};

use super::errors::{ApiError, ApiResult, Violation};

/// The query string as ordered (name, value) pairs; repeated names are kept (`itemsIds=a&itemsIds=b`).
pub struct Query(Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        Query(
            url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn first(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// An integer parameter with a default and an inclusive range; out of range is a 400 with the
    /// violated bound (`MIN`/`MAX`) and its threshold, as the service answers.
    /// `itemOffset` (≥ 0, default 0) and `itemLimit` (1..100, default 50): the item page of get
    /// gallery, list items and update gallery (spec §4 #3, #4, #6). `offset`/`limit` are not these
    /// endpoints' names and are ignored, like any unknown parameter.
    pub fn item_page(&self) -> ApiResult<(i64, i64)> {
        Ok((
            self.int("itemOffset", 0, 0, None)?,
            self.int("itemLimit", 50, 1, Some(100))?,
        ))
    }

    pub fn int(&self, name: &str, default: i64, min: i64, max: Option<i64>) -> ApiResult<i64> {
        let Some(text) = self.first(name) else {
            return Ok(default);
        };
        let value: i64 = text.trim().parse().map_err(|_| {
            ApiError::invalid(name, format!("must be an integer, got {text:?}"), "FORMAT")
        })?;
        if value < min {
            let description = match max {
                Some(max) => format!("must be between {min} and {max}"),
                None => format!("must be at least {min}"),
            };
            return Err(ApiError::validation(vec![Violation::new(
                name,
                description,
                "MIN",
            )
            .with_data(json!({"threshold": min}))]));
        }
        if let Some(max) = max {
            if value > max {
                return Err(ApiError::validation(vec![Violation::new(
                    name,
                    format!("must be between {min} and {max}"),
                    "MAX",
                )
                .with_data(json!({"threshold": max}))]));
            }
        }
        Ok(value)
    }
}

/// Parses a request body as a JSON object. An empty body counts as `{}`; anything that is not a
/// JSON object is a 400.
pub fn body_object(bytes: &[u8]) -> ApiResult<Map<String, Value>> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::invalid("body", "must be a JSON object", "FORMAT")),
        Err(err) => Err(ApiError::invalid(
            "body",
            format!("is not valid JSON: {err}"),
            "FORMAT",
        )),
    }
}

/// A required object member of a body (`item`, `gallery`).
pub fn required_object<'a>(
    body: &'a Map<String, Value>,
    field: &str,
) -> ApiResult<&'a Map<String, Value>> {
    match body.get(field) {
        Some(Value::Object(map)) => Ok(map),
        None | Some(Value::Null) => Err(ApiError::validation(vec![Violation::required(field)])),
        Some(_) => Err(ApiError::validation(vec![Violation::wrong_type(
            field,
            "an object",
        )])),
    }
}

/// An id list for the bulk delete endpoints: 1..=1000 strings.
pub fn id_list(value: Option<&Value>, field: &str) -> ApiResult<Vec<String>> {
    let ids: Vec<String> = match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => {
            let mut ids = Vec::with_capacity(list.len());
            for (i, v) in list.iter().enumerate() {
                match v.as_str() {
                    Some(s) => ids.push(s.to_string()),
                    None => {
                        return Err(ApiError::validation(vec![Violation::wrong_type(
                            format!("{field}[{i}]"),
                            "a string",
                        )]))
                    }
                }
            }
            ids
        }
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                field,
                "an array of strings",
            )]))
        }
    };
    check_id_count(ids, field)
}

pub fn check_id_count(ids: Vec<String>, field: &str) -> ApiResult<Vec<String>> {
    if ids.is_empty() {
        return Err(ApiError::validation(vec![Violation::new(
            field,
            "must have between 1 and 1000 ids",
            "MIN",
        )
        .with_data(json!({"threshold": 1}))]));
    }
    if ids.len() > 1000 {
        return Err(ApiError::validation(vec![Violation::new(
            field,
            "must have between 1 and 1000 ids",
            "MAX",
        )
        .with_data(json!({"threshold": 1000}))]));
    }
    Ok(ids)
}
