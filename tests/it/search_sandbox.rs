//! Site Search in the sandbox over raw HTTP (not through the code under test): the documents and
//! their order, every filter operator, `$and`/`$or`/`$not`, free text and fuzzy, offset paging to
//! the end. The 400s, isolation, gate and 404 are in `search_sandbox_rules.rs`.

use serde_json::{json, Value};

use crate::common::*;
use crate::search_fixture::{search_ok as search, seed_fixture, titles};

fn filtered(sandbox: &Sandbox, filter: Value) -> Vec<String> {
    titles(&search(
        sandbox,
        json!({"filter": filter, "paging": {"limit": 100}}),
    ))
}

#[test]
fn documents_pages_and_order() {
    let sandbox = Sandbox::empty();
    let ids = seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let answer = search(&sandbox, json!({}));
    assert_eq!(
        titles(&answer),
        [
            "Alpine Lake",
            "Beach Sunset",
            "Lighthouse",
            "Desert Dunes",
            "-",
            "beach"
        ]
    );
    let first = &answer["siteDocumentItems"][0];
    assert_eq!(first["id"], ids[0].as_str());
    assert_eq!(
        first["document"],
        json!({"documentType": "PROGALLERY_ITEM", "id": ids[0], "title": "Alpine Lake",
               "description": "Calm water at dawn", "isVideo": false})
    );
    assert_eq!(answer["siteDocumentItems"][1]["document"]["isVideo"], true);
    assert!(answer["siteDocumentItems"][4]["document"]
        .get("title")
        .is_none());
    assert_eq!(
        answer["pagingOffsetMetadata"],
        json!({"count": 6, "offset": 0, "total": 6, "tooManyToCount": false})
    );
    // The public client's path answers the same.
    let public = sandbox
        .request("POST", "/_api/site-search/v1/search")
        .json(&json!({"documentType": "PROGALLERY_ITEM"}))
        .send();
    assert_eq!(public.status, 200, "{}", public.body);
    assert_eq!(public.json(), answer);
}

#[test]
fn every_filter_operator() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let all = [
        "Alpine Lake",
        "Beach Sunset",
        "Lighthouse",
        "Desert Dunes",
        "-",
        "beach",
    ];
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!({"title": "Lighthouse"}), vec!["Lighthouse"]),
        (json!({"title": {"$eq": "Lighthouse"}}), vec!["Lighthouse"]),
        // Exact and case-sensitive.
        (json!({"title": {"$eq": "lighthouse"}}), vec![]),
        (json!({"title": {"$eq": "Beach"}}), vec![]),
        (
            json!({"title": {"$ne": "Lighthouse"}}),
            vec!["Alpine Lake", "Beach Sunset", "Desert Dunes", "-", "beach"],
        ),
        (
            json!({"title": {"$in": ["beach", "Desert Dunes", "Nope"]}}),
            vec!["Desert Dunes", "beach"],
        ),
        (json!({"title": {"$in": []}}), vec![]),
        (
            json!({"title": {"$gt": "Beach Sunset"}}),
            vec!["Lighthouse", "Desert Dunes", "beach"],
        ),
        (
            json!({"title": {"$gte": "Beach Sunset"}}),
            vec!["Beach Sunset", "Lighthouse", "Desert Dunes", "beach"],
        ),
        (
            json!({"title": {"$lt": "Beach Sunset"}}),
            vec!["Alpine Lake"],
        ),
        (
            json!({"title": {"$lte": "Beach Sunset"}}),
            vec!["Alpine Lake", "Beach Sunset"],
        ),
        // Two operators on one field are both required.
        (
            json!({"title": {"$gte": "B", "$lt": "E"}}),
            vec!["Beach Sunset", "Desert Dunes"],
        ),
        (
            json!({"isVideo": true}),
            vec!["Beach Sunset", "Desert Dunes"],
        ),
        (
            json!({"isVideo": {"$eq": false}}),
            vec!["Alpine Lake", "Lighthouse", "-", "beach"],
        ),
        (
            json!({"isVideo": {"$ne": true}}),
            vec!["Alpine Lake", "Lighthouse", "-", "beach"],
        ),
        (json!({"isVideo": {"$exists": true}}), all.to_vec()),
        (json!({"isVideo": {"$exists": false}}), vec![]),
        (json!({}), all.to_vec()),
    ];
    for (filter, expected) in cases {
        assert_eq!(filtered(&sandbox, filter.clone()), expected, "{filter}");
    }
}

#[test]
fn and_or_not_and_implicit_and() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (
            json!({"$and": [{"isVideo": true}, {"title": {"$lt": "C"}}]}),
            vec!["Beach Sunset"],
        ),
        (
            json!({"isVideo": true, "title": {"$lt": "C"}}),
            vec!["Beach Sunset"],
        ),
        (
            json!({"$or": [{"title": "Lighthouse"}, {"isVideo": true}]}),
            vec!["Beach Sunset", "Lighthouse", "Desert Dunes"],
        ),
        (
            json!({"$not": {"isVideo": true}}),
            vec!["Alpine Lake", "Lighthouse", "-", "beach"],
        ),
        (
            json!({"$not": {"$or": [{"isVideo": true}, {"title": {"$in": ["beach", "Alpine Lake"]}}]}}),
            vec!["Lighthouse", "-"],
        ),
        (
            json!({"$or": [{"$and": [{"isVideo": false}, {"title": {"$gt": "L"}}]}, {"title": "Desert Dunes"}]}),
            vec!["Lighthouse", "Desert Dunes", "beach"],
        ),
        (json!({"$or": []}), vec![]),
    ];
    for (filter, expected) in cases {
        assert_eq!(filtered(&sandbox, filter.clone()), expected, "{filter}");
    }
}

#[test]
fn free_text_fields_and_fuzzy() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let text = |expression: &str, extra: Value| {
        let mut free = json!({"expression": expression});
        if let Value::Object(extra) = extra {
            for (k, v) in extra {
                free[k] = v;
            }
        }
        titles(&search(&sandbox, json!({"search": free})))
    };
    // Case-insensitive, word prefixes, every word somewhere in title or description.
    assert_eq!(text("BEACH", json!({})), ["Beach Sunset", "beach"]);
    assert_eq!(text("red sea", json!({})), ["Beach Sunset"]);
    assert_eq!(text("sun sky", json!({})), ["Beach Sunset"]);
    assert_eq!(text("harbour", json!({})), ["-"]);
    assert_eq!(text("lighthouse dusk", json!({})), ["Lighthouse"]);
    assert!(text("lighthouse dawn", json!({})).is_empty());
    assert!(
        text("ouse", json!({})).is_empty(),
        "a word's middle is no match"
    );
    assert_eq!(text("  ", json!({})).len(), 6, "no words: everything");
    // Restricted fields.
    assert!(text("red", json!({"fields": ["title"]})).is_empty());
    assert_eq!(
        text("lighthouse", json!({"fields": ["description"]})),
        ["Lighthouse"]
    );
    assert_eq!(
        text("beach", json!({"fields": ["title", "description"]})),
        ["Beach Sunset", "beach"]
    );
    // One typo per word with fuzzy: substitution, swap, insertion, deletion; never two.
    assert!(text("lighthuose", json!({})).is_empty());
    assert_eq!(text("lighthuose", json!({"fuzzy": true})), ["Lighthouse"]);
    assert_eq!(text("dsert dnes", json!({"fuzzy": true})), ["Desert Dunes"]);
    assert_eq!(text("sunsett", json!({"fuzzy": true})), ["Beach Sunset"]);
    assert_eq!(text("alpone", json!({"fuzzy": true})), ["Alpine Lake"]);
    assert!(text("lighthuoes", json!({"fuzzy": true})).is_empty());
    assert!(text("xed", json!({"fuzzy": false})).is_empty());
    assert_eq!(text("xed", json!({"fuzzy": true})), ["Beach Sunset"]);
    // Free text and filter together.
    let both = search(
        &sandbox,
        json!({"search": {"expression": "beach"}, "filter": {"isVideo": false}}),
    );
    assert_eq!(titles(&both), ["beach"]);
    assert_eq!(both["pagingOffsetMetadata"]["total"], 1);
}

#[test]
fn offset_paging_to_the_end() {
    let sandbox = Sandbox::empty();
    sandbox.generated_gallery(23);
    let everything = search(&sandbox, json!({"paging": {"limit": 100}}));
    let all_ids: Vec<Value> = everything["siteDocumentItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].clone())
        .collect();
    assert_eq!(all_ids.len(), 23);
    // Default page size is 10.
    let first = search(&sandbox, json!({}));
    assert_eq!(
        first["pagingOffsetMetadata"],
        json!({"count": 10, "offset": 0, "total": 23, "tooManyToCount": false})
    );
    let mut collected = Vec::new();
    let mut offset = 0;
    loop {
        let page = search(&sandbox, json!({"paging": {"limit": 10, "offset": offset}}));
        let meta = &page["pagingOffsetMetadata"];
        assert_eq!(meta["total"], 23);
        assert_eq!(meta["offset"], offset);
        let items = page["siteDocumentItems"].as_array().unwrap();
        assert_eq!(meta["count"], items.len());
        if items.is_empty() {
            break;
        }
        collected.extend(items.iter().map(|d| d["id"].clone()));
        offset += 10;
    }
    assert_eq!(offset, 30, "pages of 10, 10, 3, then an empty one");
    assert_eq!(collected, all_ids);
    // Paging applies after the filter: totals count matches, not items.
    let filtered = search(
        &sandbox,
        json!({"search": {"expression": "item 2"}, "paging": {"limit": 2, "offset": 1}}),
    );
    assert_eq!(
        titles(&filtered),
        ["Generated item 20", "Generated item 21"]
    );
    // "2" is a prefix of the words 2, 20, 21 and 22.
    assert_eq!(filtered["pagingOffsetMetadata"]["total"], 4);
}
