//! Site Search over the gallery items of one site (spec/api.md §7): the request
//! (`documentType`, `search.search` free text, `search.filter`, `search.paging`) is checked whole
//! before anything is read, then one scan over the site's items answers it.
//!
//! The scan reads only what a PROGALLERY_ITEM document holds — id, and title, description and type
//! pulled out of the stored item JSON by SQLite's `json_extract` — in a stable order: galleries by
//! creation (as List galleries orders them), then items by `sortOrder` (as List items does). It
//! counts every match for `total` but keeps only the requested page, so memory stays at one page
//! however large the site is. `tooManyToCount` is therefore always false.

mod filter;
mod text;

use rusqlite::types::ValueRef;
use rusqlite::Transaction;
use serde_json::{json, Map, Value};

use super::errors::{ApiError, ApiResult, Violation};
use filter::{Fields, Filter};
use text::TextQuery;

/// The one document type this index holds.
pub const DOCUMENT_TYPE: &str = "PROGALLERY_ITEM";
/// Page size when `search.paging.limit` is absent.
pub const DEFAULT_LIMIT: i64 = 10;
/// Largest `search.paging.limit`.
pub const MAX_LIMIT: i64 = 100;

const SEARCHABLE: [&str; 2] = ["title", "description"];

/// A checked search request.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    text: TextQuery,
    in_title: bool,
    in_description: bool,
    filter: Option<Filter>,
    limit: i64,
    offset: i64,
}

/// Checks a request body, reporting every problem in one 400.
pub fn parse_request(body: &Map<String, Value>) -> ApiResult<SearchRequest> {
    let mut violations = Vec::new();
    match body.get("documentType") {
        None | Some(Value::Null) => violations.push(Violation::required("documentType")),
        Some(Value::String(s)) if s == DOCUMENT_TYPE => {}
        Some(Value::String(other)) => violations.push(
            Violation::new(
                "documentType",
                format!("must be {DOCUMENT_TYPE}, got {other:?}: gallery items are the only documents searched here"),
                "OTHER",
            )
            .with_data(json!({"supportedDocumentTypes": [DOCUMENT_TYPE]})),
        ),
        Some(_) => violations.push(Violation::wrong_type("documentType", "a string")),
    }
    let empty = Map::new();
    let search = object_at(body.get("search"), "search", &mut violations).unwrap_or(&empty);
    let free_text =
        object_at(search.get("search"), "search.search", &mut violations).unwrap_or(&empty);

    let expression = match free_text.get("expression") {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s.as_str(),
        Some(_) => {
            violations.push(Violation::wrong_type(
                "search.search.expression",
                "a string",
            ));
            ""
        }
    };
    let fuzzy = match free_text.get("fuzzy") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            violations.push(Violation::wrong_type("search.search.fuzzy", "a boolean"));
            false
        }
    };
    let (in_title, in_description) = searched_fields(free_text.get("fields"), &mut violations);

    let filter = match search.get("filter") {
        None | Some(Value::Null) => None,
        Some(value) => match Filter::parse(value, "search.filter") {
            Ok(filter) => Some(filter),
            Err(found) => {
                violations.extend(found);
                None
            }
        },
    };

    let paging =
        object_at(search.get("paging"), "search.paging", &mut violations).unwrap_or(&empty);
    let limit = whole_number(
        paging.get("limit"),
        "search.paging.limit",
        DEFAULT_LIMIT,
        1,
        Some(MAX_LIMIT),
        &mut violations,
    );
    let offset = whole_number(
        paging.get("offset"),
        "search.paging.offset",
        0,
        0,
        None,
        &mut violations,
    );

    // The schema makes nothing sortable or facetable: asking for it is an error, not a no-op.
    for (key, what) in [
        ("sort", "sortable"),
        ("facets", "facetable"),
        ("aggregations", "facetable"),
    ] {
        let asked = match search.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Array(list)) => !list.is_empty(),
            Some(_) => true,
        };
        if asked {
            violations.push(Violation::new(
                format!("search.{key}"),
                format!("no field of {DOCUMENT_TYPE} is {what}"),
                "OTHER",
            ));
        }
    }

    if !violations.is_empty() {
        return Err(ApiError::validation(violations));
    }
    Ok(SearchRequest {
        text: TextQuery::new(expression, fuzzy),
        in_title,
        in_description,
        filter,
        limit,
        offset,
    })
}

/// An optional object member: absent or null is `None` without complaint.
fn object_at<'a>(
    value: Option<&'a Value>,
    path: &str,
    violations: &mut Vec<Violation>,
) -> Option<&'a Map<String, Value>> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => Some(map),
        Some(_) => {
            violations.push(Violation::wrong_type(path, "an object"));
            None
        }
    }
}

/// `search.search.fields`: which of title and description the expression is matched against
/// (absent or empty: both).
fn searched_fields(value: Option<&Value>, violations: &mut Vec<Violation>) -> (bool, bool) {
    let list = match value {
        None | Some(Value::Null) => return (true, true),
        Some(Value::Array(list)) if list.is_empty() => return (true, true),
        Some(Value::Array(list)) => list,
        Some(_) => {
            violations.push(Violation::wrong_type(
                "search.search.fields",
                "an array of field names",
            ));
            return (true, true);
        }
    };
    let (mut title, mut description) = (false, false);
    for (i, entry) in list.iter().enumerate() {
        let at = format!("search.search.fields[{i}]");
        match entry.as_str() {
            Some("title") => title = true,
            Some("description") => description = true,
            Some(other) => violations.push(
                Violation::new(
                    at,
                    format!(
                        "field {other:?} cannot be searched in {DOCUMENT_TYPE} (searchable: {})",
                        SEARCHABLE.join(", ")
                    ),
                    "OTHER",
                )
                .with_data(json!({"searchableFields": SEARCHABLE})),
            ),
            None => violations.push(Violation::wrong_type(at, "a string")),
        }
    }
    (title, description)
}

fn whole_number(
    value: Option<&Value>,
    path: &str,
    default: i64,
    min: i64,
    max: Option<i64>,
    violations: &mut Vec<Violation>,
) -> i64 {
    let number = match value {
        None | Some(Value::Null) => return default,
        Some(v) => match v.as_i64() {
            Some(n) => n,
            None => {
                violations.push(Violation::wrong_type(path, "a whole number"));
                return default;
            }
        },
    };
    let range = match max {
        Some(max) => format!("must be between {min} and {max}"),
        None => format!("must be at least {min}"),
    };
    if number < min {
        violations.push(Violation::new(path, range, "MIN").with_data(json!({"threshold": min})));
        return default;
    }
    if let Some(max) = max.filter(|max| number > *max) {
        violations.push(Violation::new(path, range, "MAX").with_data(json!({"threshold": max})));
        return default;
    }
    number
}

/// Every item of the site in answer order, with just the document's fields. `g.pk` changes no
/// order (a gallery id is unique in its site) but tells SQLite the gallery order is total, so it
/// walks both indexes in order instead of sorting each gallery's items in a temporary B-tree
/// (about 20% of a 100,000-item scan; see scripts/bench_search.sh).
const SCAN: &str = "
    SELECT i.id,
           json_extract(i.body, '$.title'),
           json_extract(i.body, '$.description'),
           json_extract(i.body, '$.type')
    FROM galleries g
    JOIN items i ON i.gallery_pk = g.pk
    WHERE g.site = ?1
    ORDER BY g.created_ms, g.id, g.pk, i.sort_order";

/// Runs a checked search over the items of `site`; answers the response body.
pub fn run(tx: &Transaction, site: &str, request: &SearchRequest) -> ApiResult<Value> {
    let mut stmt = tx.prepare_cached(SCAN)?;
    let mut rows = stmt.query([site])?;
    let mut total: i64 = 0;
    let mut page = Vec::new();
    while let Some(row) = rows.next()? {
        let title = text(row.get_ref(1)?);
        let description = text(row.get_ref(2)?);
        let is_video = text(row.get_ref(3)?) == Some("VIDEO");
        if let Some(filter) = &request.filter {
            if !filter.matches(&Fields { title, is_video }) {
                continue;
            }
        }
        if !request.text.is_empty() {
            let searched = [
                title.filter(|_| request.in_title),
                description.filter(|_| request.in_description),
            ];
            if !request.text.matches(&searched) {
                continue;
            }
        }
        total += 1;
        if total > request.offset && (page.len() as i64) < request.limit {
            let id: String = row.get(0)?;
            page.push(document_item(id, title, description, is_video));
        }
    }
    Ok(json!({
        "siteDocumentItems": page,
        "pagingOffsetMetadata": {
            "count": page.len(),
            "offset": request.offset,
            "total": total,
            "tooManyToCount": false,
        }
    }))
}

/// A text column (what `json_extract` gives for a JSON string); anything else counts as absent.
fn text(value: ValueRef<'_>) -> Option<&str> {
    match value {
        ValueRef::Text(bytes) => std::str::from_utf8(bytes).ok(),
        _ => None,
    }
}

fn document_item(
    id: String,
    title: Option<&str>,
    description: Option<&str>,
    is_video: bool,
) -> Value {
    let mut document = Map::new();
    document.insert("documentType".into(), json!(DOCUMENT_TYPE));
    document.insert("id".into(), json!(id));
    if let Some(title) = title {
        document.insert("title".into(), json!(title));
    }
    if let Some(description) = description {
        document.insert("description".into(), json!(description));
    }
    document.insert("isVideo".into(), json!(is_video));
    json!({"id": id, "document": document})
}
