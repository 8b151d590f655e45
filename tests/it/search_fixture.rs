//! The Site Search fixture shared by the search tests: six items of known title, description and
//! kind in two galleries of a site, and helpers to search the sandbox directly over HTTP.

use serde_json::{json, Value};

use crate::common::*;

pub const SEARCH: &str = "/site-search/v1/search";

/// The fixture, in the order search answers it (gallery "First", then "Second", each by
/// sortOrder): (title, description, is a video).
pub const FIXTURE: [(Option<&str>, &str, bool); 6] = [
    (Some("Alpine Lake"), "Calm water at dawn", false),
    (Some("Beach Sunset"), "Red sky over the sea", true),
    (Some("Lighthouse"), "Old lighthouse at dusk", false),
    (Some("Desert Dunes"), "Sand and wind", true),
    (None, "Untitled sketch of a harbour", false),
    (Some("beach"), "Pebbles", false),
];

fn item_json(title: Option<&str>, description: &str, video: bool, n: usize) -> Value {
    let mut item = if video {
        json!({"video": {"type": "YOUTUBE", "videoInfo": {"url": format!("https://www.youtube.com/watch?v=v{n}")}}})
    } else if n % 2 == 0 {
        let media = format!("fixture{n}~mv2.jpg");
        json!({"image": {"type": "WIX_MEDIA", "imageInfo": {"id": media, "url": format!("https://static.wixstatic.com/media/{media}"), "width": 10, "height": 10}}})
    } else {
        json!({"text": {"html": format!("<p>{n}</p>")}})
    };
    if let Some(title) = title {
        item["title"] = json!(title);
    }
    item["description"] = json!(description);
    item
}

/// Creates the fixture's two galleries in `site`; returns the item ids in answer order.
pub fn seed_fixture(sandbox: &Sandbox, site: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (name, range) in [("First", 0..3), ("Second", 3..6)] {
        let items: Vec<Value> = range
            .clone()
            .map(|n| {
                let (title, description, video) = FIXTURE[n];
                item_json(title, description, video, n)
            })
            .collect();
        let gallery = sandbox.gallery_on_site(site, name, items);
        let listed = sandbox
            .request("GET", &format!("{API}/galleries/{gallery}/items"))
            .header("wix-site-id", site)
            .send();
        assert_eq!(listed.status, 200, "{}", listed.body);
        for item in listed.json()["items"].as_array().unwrap() {
            ids.push(item["id"].as_str().unwrap().to_string());
        }
        // Galleries are ordered by creation time in ms: keep the two apart.
        next_millisecond();
    }
    assert_eq!(ids.len(), FIXTURE.len());
    ids
}

pub fn search_in(sandbox: &Sandbox, site: &str, search: Value) -> http::Response {
    sandbox
        .request("POST", SEARCH)
        .header("wix-site-id", site)
        .json(&json!({"documentType": "PROGALLERY_ITEM", "search": search}))
        .send()
}

pub fn search_ok(sandbox: &Sandbox, search: Value) -> Value {
    let resp = search_in(sandbox, DEFAULT_TEST_SITE, search.clone());
    assert_eq!(resp.status, 200, "{search}: {}", resp.body);
    resp.json()
}

/// The titles found ("-" for an item without one), in answer order.
pub fn titles(answer: &Value) -> Vec<String> {
    answer["siteDocumentItems"]
        .as_array()
        .unwrap_or_else(|| panic!("no siteDocumentItems in {answer}"))
        .iter()
        .map(|d| d["document"]["title"].as_str().unwrap_or("-").to_string())
        .collect()
}
