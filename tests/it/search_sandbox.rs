//! Site Search in the sandbox, over raw HTTP (not through the code under test): every filter
//! operator, `$and`/`$or`/`$not`, free text and fuzzy, offset paging to the end, the 400 body for
//! what the schema does not allow, site isolation, the shared gate (auth, faults, request log),
//! and a site without the Search app answering 404.

use serde_json::{json, Value};

use crate::common::*;

pub const SEARCH: &str = "/site-search/v1/search";
pub const OTHER_SITE: &str = "99999999-8888-7777-6666-555555555555";

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
        let resp = sandbox
            .request("POST", "/progallery/v2/galleries")
            .header("wix-site-id", site)
            .json(&json!({"gallery": {"name": name, "items": items}}))
            .send();
        assert_eq!(resp.status, 200, "{}", resp.body);
        let gallery = resp.json()["gallery"]["id"].as_str().unwrap().to_string();
        let listed = sandbox
            .request("GET", &format!("/progallery/v2/galleries/{gallery}/items"))
            .header("wix-site-id", site)
            .send();
        for item in listed.json()["items"].as_array().unwrap() {
            ids.push(item["id"].as_str().unwrap().to_string());
        }
        // Galleries are ordered by creation time in ms: keep the two apart.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(ids.len(), FIXTURE.len());
    ids
}

pub fn search_in(sandbox: &Sandbox, site: &str, search: Value) -> ureq_like::Response {
    sandbox
        .request("POST", SEARCH)
        .header("wix-site-id", site)
        .json(&json!({"documentType": "PROGALLERY_ITEM", "search": search}))
        .send()
}

fn search(sandbox: &Sandbox, search: Value) -> Value {
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

fn filtered(sandbox: &Sandbox, filter: Value) -> Vec<String> {
    titles(&search(
        sandbox,
        json!({"filter": filter, "paging": {"limit": 100}}),
    ))
}

fn violations(resp: &ureq_like::Response) -> Vec<String> {
    assert_eq!(resp.status, 400, "{}", resp.body);
    let body = resp.json();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("INVALID_ARGUMENT: "),
        "{body}"
    );
    assert!(body.get("siteDocumentItems").is_none());
    body["details"]["validationError"]["fieldViolations"]
        .as_array()
        .unwrap_or_else(|| panic!("no fieldViolations in {body}"))
        .iter()
        .map(|v| {
            assert!(v["description"].as_str().is_some_and(|d| !d.is_empty()));
            assert!(v["violatedRule"].as_str().is_some(), "{v}");
            v["field"].as_str().unwrap().to_string()
        })
        .collect()
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
    let resp = sandbox
        .request("POST", "/_sandbox/generate")
        .json(&json!({"count": 23}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
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

#[test]
fn what_the_schema_does_not_allow_is_a_400_naming_the_field() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"filter": {"description": {"$eq": "x"}}}),
            "search.filter.description",
        ),
        (json!({"filter": {"id": "x"}}), "search.filter.id"),
        (
            json!({"filter": {"documentType": "PROGALLERY_ITEM"}}),
            "search.filter.documentType",
        ),
        (
            json!({"filter": {"title": {"$regex": "x"}}}),
            "search.filter.title.$regex",
        ),
        (
            json!({"filter": {"title": {"$exists": true}}}),
            "search.filter.title.$exists",
        ),
        (
            json!({"filter": {"isVideo": {"$in": [true]}}}),
            "search.filter.isVideo.$in",
        ),
        (
            json!({"filter": {"isVideo": {"$gt": false}}}),
            "search.filter.isVideo.$gt",
        ),
        (
            json!({"filter": {"isVideo": "yes"}}),
            "search.filter.isVideo",
        ),
        (
            json!({"filter": {"title": {"$eq": 5}}}),
            "search.filter.title.$eq",
        ),
        (
            json!({"filter": {"title": {"$in": "Dunes"}}}),
            "search.filter.title.$in",
        ),
        (json!({"filter": {"$nor": []}}), "search.filter.$nor"),
        (json!({"filter": {"$and": {}}}), "search.filter.$and"),
        (
            json!({"filter": {"$or": [{"title": "a"}, {"tags": "b"}]}}),
            "search.filter.$or[1].tags",
        ),
        (
            json!({"filter": {"$not": {"isVideo": {"$lt": true}}}}),
            "search.filter.$not.isVideo.$lt",
        ),
        (json!({"filter": "title = x"}), "search.filter"),
        (
            json!({"search": {"fields": ["tags"]}}),
            "search.search.fields[0]",
        ),
        (
            json!({"search": {"expression": 3}}),
            "search.search.expression",
        ),
        (json!({"search": {"fuzzy": "yes"}}), "search.search.fuzzy"),
        (json!({"paging": {"limit": 101}}), "search.paging.limit"),
        (json!({"paging": {"limit": 0}}), "search.paging.limit"),
        (json!({"paging": {"offset": -1}}), "search.paging.offset"),
        (json!({"paging": {"limit": "ten"}}), "search.paging.limit"),
        (json!({"sort": [{"fieldName": "title"}]}), "search.sort"),
    ];
    for (body, field) in cases {
        let resp = search_in(&sandbox, DEFAULT_TEST_SITE, body.clone());
        assert_eq!(violations(&resp), [field], "{body}");
    }
    // The allowed operators are listed for a client to show.
    let resp = search_in(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"filter": {"isVideo": {"$gt": false}}}),
    );
    assert_eq!(
        resp.json()["details"]["validationError"]["fieldViolations"][0]["data"]["allowedOperators"],
        json!(["$eq", "$ne", "$exists"])
    );
    // Every problem at once.
    let resp = search_in(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"filter": {"description": "x", "title": {"$regex": "y"}}, "paging": {"limit": 500}}),
    );
    assert_eq!(
        violations(&resp),
        [
            "search.filter.description",
            "search.filter.title.$regex",
            "search.paging.limit"
        ]
    );
    // documentType: required, and only PROGALLERY_ITEM.
    for (body, field) in [
        (json!({"search": {}}), "documentType"),
        (
            json!({"documentType": "BLOG_POSTS", "search": {}}),
            "documentType",
        ),
        (json!({"documentType": 1}), "documentType"),
    ] {
        let resp = sandbox.request("POST", SEARCH).json(&body).send();
        assert_eq!(violations(&resp), [field], "{body}");
    }
    let resp = sandbox
        .request("POST", SEARCH)
        .raw_body("application/json", b"{not json")
        .send();
    assert_eq!(violations(&resp), ["body"]);
}

#[test]
fn each_site_searches_only_its_own_items() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let resp = sandbox
        .request("POST", "/progallery/v2/galleries")
        .header("wix-site-id", OTHER_SITE)
        .json(&json!({"gallery": {"name": "Elsewhere", "items": [
            {"title": "Beach Hut", "description": "Other site's beach", "text": {"html": "<p>x</p>"}}
        ]}}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let beach = json!({"search": {"expression": "beach"}});
    let mine = search_in(&sandbox, DEFAULT_TEST_SITE, beach.clone()).json();
    assert_eq!(titles(&mine), ["Beach Sunset", "beach"]);
    let theirs = search_in(&sandbox, OTHER_SITE, beach.clone()).json();
    assert_eq!(titles(&theirs), ["Beach Hut"]);
    assert_eq!(theirs["pagingOffsetMetadata"]["total"], 1);
    let nobody = search_in(&sandbox, "12121212-1212-1212-1212-121212121212", beach).json();
    assert_eq!(
        nobody,
        json!({"siteDocumentItems": [], "pagingOffsetMetadata":
               {"count": 0, "offset": 0, "total": 0, "tooManyToCount": false}})
    );
}

#[test]
fn search_passes_the_same_gate_as_the_other_endpoints() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    sandbox.clear_request_log();
    let body =
        json!({"documentType": "PROGALLERY_ITEM", "search": {"search": {"expression": "dunes"}}});
    let no_auth = sandbox
        .request("POST", SEARCH)
        .without_header("Authorization")
        .json(&body)
        .send();
    assert_eq!(no_auth.status, 401, "{}", no_auth.body);
    let wrong = sandbox
        .request("POST", SEARCH)
        .header("Authorization", "IST.someone-else")
        .json(&body)
        .send();
    assert_eq!(wrong.status, 403, "{}", wrong.body);
    let ok = sandbox.request("POST", SEARCH).json(&body).send();
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert!(ok.header("x-wix-request-id").is_some());
    assert_eq!(titles(&ok.json()), ["Desert Dunes"]);

    let log = sandbox.request_log();
    let statuses: Vec<u64> = log.iter().map(|r| r["status"].as_u64().unwrap()).collect();
    assert_eq!(statuses, [401, 403, 200]);
    assert_eq!(log[2]["method"], "POST");
    assert_eq!(log[2]["path"], SEARCH);
    assert_eq!(log[2]["body"], body);
    assert_eq!(log[1]["headers"]["authorization"], "****");

    let faults = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/faults"))
        .json(&json!({"failRate": 1.0}))
        .send();
    assert_eq!(faults.status, 200, "{}", faults.body);
    let failed = sandbox.request("POST", SEARCH).json(&body).send();
    assert_eq!(failed.status, 503, "{}", failed.body);
}

fn not_installed(resp: &ureq_like::Response) {
    assert_eq!(resp.status, 404, "{}", resp.body);
    let body = resp.json();
    assert_eq!(
        body["details"]["applicationError"]["code"], "SITE_SEARCH_NOT_INSTALLED",
        "{body}"
    );
}

#[test]
fn a_site_without_the_search_app_answers_404() {
    // Only the named site lacks the app.
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--no-search", OTHER_SITE]);
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    seed_fixture(&sandbox, OTHER_SITE);
    not_installed(&search_in(&sandbox, OTHER_SITE, json!({})));
    assert_eq!(
        search_in(&sandbox, DEFAULT_TEST_SITE, json!({})).status,
        200
    );
    // Site Search missing is checked before the body: even a bad one gets the 404.
    not_installed(
        &sandbox
            .request("POST", SEARCH)
            .header("wix-site-id", OTHER_SITE)
            .raw_body("application/json", b"[]")
            .send(),
    );

    // At runtime through the faults endpoint: every site, then none.
    let faults = |patch: Value| {
        let resp = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/faults"))
            .json(&patch)
            .send();
        assert_eq!(resp.status, 200, "{}", resp.body);
        resp.json()
    };
    assert_eq!(
        faults(json!({"noSearchSites": ["*"]}))["noSearchSites"],
        json!(["*"])
    );
    not_installed(&search_in(&sandbox, DEFAULT_TEST_SITE, json!({})));
    faults(json!({"noSearchSites": []}));
    assert_eq!(search_in(&sandbox, OTHER_SITE, json!({})).status, 200);
    let bad = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/faults"))
        .json(&json!({"noSearchSites": "everyone"}))
        .send();
    assert_eq!(bad.status, 400, "{}", bad.body);

    // `--no-search` alone: every site.
    let none = Sandbox::start_with(&["--memory", "--no-search"]);
    not_installed(&search_in(&none, DEFAULT_TEST_SITE, json!({})));
    // The Pro Gallery endpoints are unaffected.
    assert_eq!(
        none.request("GET", "/progallery/v2/galleries")
            .send()
            .status,
        200
    );
}
