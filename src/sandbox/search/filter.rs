//! The `filter` of a PROGALLERY_ITEM search (spec/api.md §7): the Wix query language restricted to
//! what the schema allows — `title` with `$in`, `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte`;
//! `isVideo` with `$eq`, `$ne`, `$exists` — combined with `$and`, `$or`, `$not`. Several keys in
//! one object are all required (an implicit `$and`), and a bare value means `$eq`.
//!
//! Parsing checks everything up front and reports every violation at once, each naming its full
//! path (`search.filter.$or[1].title.$regex`), so nothing is half-evaluated against a bad filter.
//!
//! Decisions where the spec is silent: string comparisons are exact and case-sensitive, ordered by
//! Unicode code point; a document without a title matches `$ne` (it is not equal to the value) and
//! nothing else. Every gallery item has an `isVideo`, so `{"$exists": false}` matches nothing.

use serde_json::{json, Value};

use crate::sandbox::errors::Violation;

const TITLE_OPERATORS: [&str; 7] = ["$in", "$eq", "$ne", "$gt", "$gte", "$lt", "$lte"];
const IS_VIDEO_OPERATORS: [&str; 3] = ["$eq", "$ne", "$exists"];
const FILTERABLE: &str = "title, isVideo";

/// A parsed filter.
#[derive(Debug, Clone)]
pub enum Filter {
    All(Vec<Filter>),
    Any(Vec<Filter>),
    Not(Box<Filter>),
    Title(TitleCondition),
    IsVideo(VideoCondition),
}

#[derive(Debug, Clone)]
pub enum TitleCondition {
    Eq(String),
    Ne(String),
    In(Vec<String>),
    Gt(String),
    Gte(String),
    Lt(String),
    Lte(String),
}

#[derive(Debug, Clone)]
pub enum VideoCondition {
    Eq(bool),
    Ne(bool),
    Exists(bool),
}

/// The fields of one document a filter looks at.
pub struct Fields<'a> {
    pub title: Option<&'a str>,
    pub is_video: bool,
}

impl Filter {
    /// Parses `value` found at `path`, or returns every violation found in it.
    pub fn parse(value: &Value, path: &str) -> Result<Filter, Vec<Violation>> {
        let mut violations = Vec::new();
        let filter = parse_object(value, path, &mut violations);
        if violations.is_empty() {
            Ok(filter)
        } else {
            Err(violations)
        }
    }

    pub fn matches(&self, doc: &Fields<'_>) -> bool {
        match self {
            Filter::All(parts) => parts.iter().all(|f| f.matches(doc)),
            Filter::Any(parts) => parts.iter().any(|f| f.matches(doc)),
            Filter::Not(inner) => !inner.matches(doc),
            Filter::Title(condition) => condition.matches(doc.title),
            Filter::IsVideo(condition) => condition.matches(doc.is_video),
        }
    }
}

impl TitleCondition {
    fn matches(&self, title: Option<&str>) -> bool {
        let Some(title) = title else {
            return matches!(self, TitleCondition::Ne(_));
        };
        match self {
            TitleCondition::Eq(v) => title == v,
            TitleCondition::Ne(v) => title != v,
            TitleCondition::In(list) => list.iter().any(|v| v == title),
            TitleCondition::Gt(v) => title > v.as_str(),
            TitleCondition::Gte(v) => title >= v.as_str(),
            TitleCondition::Lt(v) => title < v.as_str(),
            TitleCondition::Lte(v) => title <= v.as_str(),
        }
    }
}

impl VideoCondition {
    fn matches(&self, is_video: bool) -> bool {
        match self {
            VideoCondition::Eq(v) => is_video == *v,
            VideoCondition::Ne(v) => is_video != *v,
            VideoCondition::Exists(v) => *v,
        }
    }
}

/// An object of conditions; its keys are all required.
fn parse_object(value: &Value, path: &str, violations: &mut Vec<Violation>) -> Filter {
    let Value::Object(map) = value else {
        violations.push(Violation::wrong_type(path, "an object of conditions"));
        return Filter::All(Vec::new());
    };
    let mut parts = Vec::with_capacity(map.len());
    for (key, value) in map {
        let at = format!("{path}.{key}");
        match key.as_str() {
            "$and" | "$or" => {
                let list = parse_list(value, &at, violations);
                parts.push(if key == "$and" {
                    Filter::All(list)
                } else {
                    Filter::Any(list)
                });
            }
            "$not" => parts.push(Filter::Not(Box::new(parse_object(value, &at, violations)))),
            "title" => parts.push(parse_field(value, &at, violations, parse_title)),
            "isVideo" => parts.push(parse_field(value, &at, violations, parse_is_video)),
            operator if operator.starts_with('$') => violations.push(
                Violation::new(
                    at,
                    format!(
                        "is not a supported operator here; combine conditions with $and, $or, $not \
                         and put comparison operators under a field ({FILTERABLE})"
                    ),
                    "OTHER",
                )
                .with_data(json!({"allowedOperators": ["$and", "$or", "$not"]})),
            ),
            field => violations.push(
                Violation::new(
                    at,
                    format!(
                        "field {field:?} cannot be filtered in PROGALLERY_ITEM (filterable: {FILTERABLE})"
                    ),
                    "OTHER",
                )
                .with_data(json!({"filterableFields": ["title", "isVideo"]})),
            ),
        }
    }
    if parts.len() == 1 {
        parts.pop().unwrap_or(Filter::All(Vec::new()))
    } else {
        Filter::All(parts)
    }
}

fn parse_list(value: &Value, path: &str, violations: &mut Vec<Violation>) -> Vec<Filter> {
    let Value::Array(list) = value else {
        violations.push(Violation::wrong_type(path, "an array of filter objects"));
        return Vec::new();
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| parse_object(v, &format!("{path}[{i}]"), violations))
        .collect()
}

type OperatorParser = fn(&str, &Value, &str, &mut Vec<Violation>) -> Option<Filter>;

/// The conditions on one field: `{"$op": value, …}` (all required), or a bare value for `$eq`.
fn parse_field(
    value: &Value,
    path: &str,
    violations: &mut Vec<Violation>,
    parse_operator: OperatorParser,
) -> Filter {
    let operators: Vec<(&str, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        bare => vec![("$eq", bare)],
    };
    if operators.is_empty() {
        violations.push(Violation::new(
            path,
            "must name at least one operator",
            "REQUIRED_FIELD",
        ));
    }
    let mut parts: Vec<Filter> = operators
        .into_iter()
        .filter_map(|(op, v)| {
            // A bare value reports its type problem at the field itself.
            let at = if value.is_object() {
                format!("{path}.{op}")
            } else {
                path.to_string()
            };
            parse_operator(op, v, &at, violations)
        })
        .collect();
    if parts.len() == 1 {
        parts.pop().unwrap_or(Filter::All(Vec::new()))
    } else {
        Filter::All(parts)
    }
}

fn unsupported(field: &str, op: &str, allowed: &[&str], path: &str) -> Violation {
    Violation::new(
        path,
        format!(
            "operator {op} is not supported for {field} (allowed: {})",
            allowed.join(", ")
        ),
        "OTHER",
    )
    .with_data(json!({"allowedOperators": allowed}))
}

fn parse_title(op: &str, value: &Value, path: &str, v: &mut Vec<Violation>) -> Option<Filter> {
    let text = |v: &mut Vec<Violation>| match value {
        Value::String(s) => Some(s.clone()),
        _ => {
            v.push(Violation::wrong_type(path, "a string"));
            None
        }
    };
    let condition = match op {
        "$eq" => TitleCondition::Eq(text(v)?),
        "$ne" => TitleCondition::Ne(text(v)?),
        "$gt" => TitleCondition::Gt(text(v)?),
        "$gte" => TitleCondition::Gte(text(v)?),
        "$lt" => TitleCondition::Lt(text(v)?),
        "$lte" => TitleCondition::Lte(text(v)?),
        "$in" => {
            let list = value.as_array().and_then(|list| {
                list.iter()
                    .map(|item| item.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            });
            match list {
                Some(list) => TitleCondition::In(list),
                None => {
                    v.push(Violation::wrong_type(path, "an array of strings"));
                    return None;
                }
            }
        }
        other => {
            v.push(unsupported("title", other, &TITLE_OPERATORS, path));
            return None;
        }
    };
    Some(Filter::Title(condition))
}

fn parse_is_video(op: &str, value: &Value, path: &str, v: &mut Vec<Violation>) -> Option<Filter> {
    if !IS_VIDEO_OPERATORS.contains(&op) {
        v.push(unsupported("isVideo", op, &IS_VIDEO_OPERATORS, path));
        return None;
    }
    let Value::Bool(flag) = value else {
        v.push(Violation::wrong_type(path, "a boolean"));
        return None;
    };
    let condition = match op {
        "$eq" => VideoCondition::Eq(*flag),
        "$ne" => VideoCondition::Ne(*flag),
        _ => VideoCondition::Exists(*flag),
    };
    Some(Filter::IsVideo(condition))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(filter: Value, title: Option<&str>, is_video: bool) -> bool {
        Filter::parse(&filter, "f")
            .unwrap_or_else(|v| panic!("{filter}: {v:?}"))
            .matches(&Fields { title, is_video })
    }

    #[test]
    fn operators() {
        let t = Some("Beach");
        assert!(check(json!({"title": "Beach"}), t, false));
        assert!(check(json!({"title": {"$eq": "Beach"}}), t, false));
        assert!(!check(json!({"title": {"$eq": "beach"}}), t, false));
        assert!(check(json!({"title": {"$ne": "Dune"}}), t, false));
        assert!(check(json!({"title": {"$ne": "Dune"}}), None, false));
        assert!(!check(json!({"title": {"$eq": "Dune"}}), None, false));
        assert!(check(json!({"title": {"$in": ["A", "Beach"]}}), t, false));
        assert!(!check(json!({"title": {"$in": []}}), t, false));
        assert!(check(json!({"title": {"$gt": "A", "$lt": "C"}}), t, false));
        assert!(!check(json!({"title": {"$gt": "Beach"}}), t, false));
        assert!(check(json!({"title": {"$gte": "Beach"}}), t, false));
        assert!(check(json!({"title": {"$lte": "Beach"}}), t, false));
        assert!(!check(json!({"title": {"$lt": "Beach"}}), t, false));
        assert!(check(json!({"isVideo": true}), t, true));
        assert!(check(json!({"isVideo": {"$ne": true}}), t, false));
        assert!(check(json!({"isVideo": {"$exists": true}}), t, false));
        assert!(!check(json!({"isVideo": {"$exists": false}}), t, false));
    }

    #[test]
    fn combinations() {
        let f = json!({"$or": [{"title": "A"}, {"$and": [{"isVideo": true}, {"$not": {"title": "B"}}]}]});
        assert!(check(f.clone(), Some("A"), false));
        assert!(check(f.clone(), Some("C"), true));
        assert!(!check(f.clone(), Some("B"), true));
        assert!(!check(f, Some("C"), false));
        assert!(check(json!({}), None, false));
        assert!(check(json!({"$and": []}), None, false));
        assert!(!check(json!({"$or": []}), None, false));
    }

    #[test]
    fn violations_name_each_field() {
        let bad = json!({
            "description": {"$eq": "x"},
            "title": {"$regex": "x", "$eq": 3},
            "isVideo": {"$gt": true},
            "$or": [{"id": "1"}, {"isVideo": "yes"}],
            "$nor": [],
            "$not": [],
        });
        let violations = Filter::parse(&bad, "search.filter").unwrap_err();
        let fields: Vec<&str> = violations.iter().map(|v| v.field.as_str()).collect();
        for expected in [
            "search.filter.description",
            "search.filter.title.$regex",
            "search.filter.title.$eq",
            "search.filter.isVideo.$gt",
            "search.filter.$or[0].id",
            "search.filter.$or[1].isVideo",
            "search.filter.$nor",
            "search.filter.$not",
        ] {
            assert!(fields.contains(&expected), "{expected} in {fields:?}");
        }
        assert_eq!(fields.len(), 8, "{fields:?}");
        assert!(Filter::parse(&json!({"title": {}}), "f").is_err());
        assert!(Filter::parse(&json!({"title": null}), "f").is_err());
        assert!(Filter::parse(&json!([]), "f").is_err());
    }
}
