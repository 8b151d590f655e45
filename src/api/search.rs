//! Typed call for Site Search over gallery items (spec/api.md §7): `POST /site-search/v1/search`
//! with `documentType: PROGALLERY_ITEM`. It never prints.
//!
//! Answers are read leniently, because the service's shape has moved over time: documents come in
//! `siteDocumentItems` (`[{id, document}]`) or, from older services, `siteDocuments` (where each
//! entry may be the document itself); the paging metadata may be missing, in which case
//! `SearchPages` reads one page after another until a short page.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::client::{Call, Client, Idempotency};
use super::error::ApiError;
use super::paging::{self, Fetch, Mismatch, Walk};

/// The search endpoint (the path the REST reference documents; `/_api/…` is the browser's).
pub const PATH: &str = "/site-search/v1/search";
/// The document type of gallery items.
pub const DOCUMENT_TYPE: &str = "PROGALLERY_ITEM";

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Free text matched against title and description; empty matches everything.
    pub expression: Option<String>,
    pub fuzzy: bool,
    /// A Wix query-language filter object (`{"title": {"$eq": …}}`), if any.
    pub filter: Option<Value>,
}

/// One document found: a gallery item as Site Search indexes it. Unknown fields are kept, so `-o
/// json` prints what the service sent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemDocument {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_video: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of results.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub documents: Vec<ItemDocument>,
    /// Matches in all, when the service counted them.
    pub total: Option<u64>,
}

/// The request body for one page.
pub fn request_body(query: &Query, offset: u64, limit: u32) -> Value {
    let mut search = Map::new();
    search.insert(
        "search".into(),
        json!({
            "expression": query.expression.clone().unwrap_or_default(),
            "fields": [],
            "fuzzy": query.fuzzy,
        }),
    );
    if let Some(filter) = &query.filter {
        search.insert("filter".into(), filter.clone());
    }
    search.insert("paging".into(), json!({"limit": limit, "offset": offset}));
    json!({"documentType": DOCUMENT_TYPE, "search": search})
}

/// `POST /site-search/v1/search`: one page of gallery items matching `query`. A search changes
/// nothing, so it retries like a read.
pub async fn search(
    client: &Client,
    query: &Query,
    offset: u64,
    limit: u32,
) -> Result<Page, ApiError> {
    let what = format!("searching gallery items (offset {offset})");
    let body = request_body(query, offset, limit);
    let call = Call::new(Method::POST, PATH.to_string(), &what)
        .body(&body)
        .idempotency(Idempotency::Safe);
    let answer = client.send(call).await?;
    parse_page(&what, &answer)
}

/// Every match of a query, from the start, page by page (pages of 100): the first answer says
/// how many there are, then the other pages are read a few at a time; without a count, one page
/// after another until a short one (see `paging`).
pub struct SearchPages<'a> {
    walk: Walk<'a, ItemDocument>,
}

impl<'a> SearchPages<'a> {
    pub fn new(client: &'a Client, query: &'a Query) -> Self {
        let fetch: Fetch<'a, ItemDocument> = Box::new(move |offset, limit| {
            Box::pin(async move {
                let page = search(client, query, offset, limit).await?;
                Ok(paging::Page {
                    entries: page.documents,
                    total: page.total,
                })
            })
        });
        let recount: paging::Recount<'a> = Box::new(move || {
            Box::pin(async move { search(client, query, 0, 1).await.map(|page| page.total) })
        });
        SearchPages {
            walk: Walk::from_start(fetch, |d: &ItemDocument| d.id.clone(), paging::SEARCH.max)
                .recount("searching gallery items".to_string(), "matches", recount),
        }
    }

    /// The number of matches the service counted, once the first page was read.
    pub fn total(&self) -> Option<u64> {
        self.walk.total()
    }

    /// The next page of matches; `None` at the end.
    pub async fn next_page(&mut self) -> Option<Result<Vec<ItemDocument>, ApiError>> {
        self.walk.next_page().await
    }

    /// After the walk: how many were read, when that differs from the total counted.
    pub fn mismatch(&self) -> Option<Mismatch> {
        self.walk.mismatch()
    }
}

/// Reads a search answer: `siteDocumentItems` or the older `siteDocuments`, either as
/// `{id, document}` wrappers or bare documents.
pub fn parse_page(what: &str, answer: &Value) -> Result<Page, ApiError> {
    let bad = |detail: String| ApiError::BadBody {
        what: what.to_string(),
        detail,
    };
    let entries = match (answer.get("siteDocumentItems"), answer.get("siteDocuments")) {
        (Some(Value::Array(list)), _) | (None | Some(Value::Null), Some(Value::Array(list))) => {
            list.as_slice()
        }
        (None | Some(Value::Null), None | Some(Value::Null)) => &[],
        _ => {
            return Err(bad(
                "the answer's `siteDocumentItems` is not a list of documents".to_string(),
            ))
        }
    };
    let mut documents = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let wrapper_id = entry.get("id").and_then(Value::as_str);
        let document = match entry.get("document") {
            Some(inner @ Value::Object(_)) => inner,
            _ => entry,
        };
        let mut parsed = ItemDocument::deserialize(document)
            .map_err(|e| bad(format!("search result {i} is not a document: {e}")))?;
        if parsed.id.is_none() {
            parsed.id = wrapper_id.map(str::to_string);
        }
        documents.push(parsed);
    }
    let total = answer
        .get("pagingOffsetMetadata")
        .filter(|m| m.get("tooManyToCount").and_then(Value::as_bool) != Some(true))
        .and_then(|m| m.get("total"))
        .and_then(Value::as_u64);
    Ok(Page { documents, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_result_shapes() {
        let current = json!({
            "siteDocumentItems": [{"id": "a", "document": {"documentType": "PROGALLERY_ITEM", "id": "a", "title": "T", "isVideo": true, "future": 1}}],
            "pagingOffsetMetadata": {"count": 1, "offset": 0, "total": 7, "tooManyToCount": false}
        });
        let page = parse_page("s", &current).unwrap();
        assert_eq!(page.total, Some(7));
        assert_eq!(page.documents[0].title.as_deref(), Some("T"));
        assert_eq!(page.documents[0].is_video, Some(true));
        assert_eq!(
            serde_json::to_value(&page.documents[0]).unwrap()["future"],
            1
        );

        let older = json!({"siteDocuments": [{"id": "b", "title": "U", "isVideo": false}, {"id": "c", "document": {"title": "V"}}]});
        let page = parse_page("s", &older).unwrap();
        assert_eq!(page.total, None);
        assert_eq!(page.documents[0].id.as_deref(), Some("b"));
        assert_eq!(page.documents[1].id.as_deref(), Some("c"));
        assert_eq!(page.documents[1].title.as_deref(), Some("V"));

        assert!(parse_page("s", &json!({})).unwrap().documents.is_empty());
        assert!(parse_page("s", &json!({"siteDocumentItems": 3})).is_err());
        let uncounted = json!({"siteDocumentItems": [], "pagingOffsetMetadata": {"total": 10000, "tooManyToCount": true}});
        assert_eq!(parse_page("s", &uncounted).unwrap().total, None);
    }

    #[test]
    fn body_follows_the_spec() {
        let query = Query {
            expression: Some("sun".into()),
            fuzzy: true,
            filter: Some(json!({"isVideo": true})),
        };
        assert_eq!(
            request_body(&query, 20, 10),
            json!({"documentType": "PROGALLERY_ITEM", "search": {
                "search": {"expression": "sun", "fields": [], "fuzzy": true},
                "filter": {"isVideo": true},
                "paging": {"limit": 10, "offset": 20}}})
        );
    }
}
