//! Site Search rules in the sandbox over raw HTTP: the 400 body for what the schema does not allow
//! (each violation naming its field), site isolation, the gate shared with the Pro Gallery
//! endpoints (auth, faults, request log), and a site without the Search app answering 404.

use serde_json::{json, Value};

use crate::common::*;
use crate::search_fixture::{search_in, seed_fixture, titles, SEARCH};

fn violations(resp: &http::Response) -> Vec<String> {
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
    sandbox.gallery_on_site(
        OTHER_SITE,
        "Elsewhere",
        vec![
            json!({"title": "Beach Hut", "description": "Other site's beach", "text": {"html": "<p>x</p>"}}),
        ],
    );
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

    sandbox.set_faults(json!({"failRate": 1.0}));
    let failed = sandbox.request("POST", SEARCH).json(&body).send();
    assert_eq!(failed.status, 503, "{}", failed.body);
}

fn not_installed(resp: &http::Response) {
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
    assert_eq!(
        sandbox.set_faults(json!({"noSearchSites": ["*"]}))["noSearchSites"],
        json!(["*"])
    );
    not_installed(&search_in(&sandbox, DEFAULT_TEST_SITE, json!({})));
    sandbox.set_faults(json!({"noSearchSites": []}));
    assert_eq!(search_in(&sandbox, OTHER_SITE, json!({})).status, 200);
    let bad = sandbox
        .admin("PUT", "/_sandbox/faults")
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
