//! Auth rules, fault injection (503 before, 504 after commit, latency, rate limit with
//! Retry-After, ids that always fail), runtime fault changes, the request log and the other admin
//! endpoints.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::ureq_like::Request;
use crate::common::{Sandbox, TEST_API_KEY};
use crate::sandbox_helpers::*;

fn put_faults(sb: &Sandbox, body: Value) -> Value {
    let resp = Request::new("PUT", &sb.url("/_sandbox/faults"))
        .json(&body)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json()
}

#[test]
fn auth_needs_a_header_and_with_api_key_the_right_one() {
    let open = Sandbox::empty();
    let resp = open
        .request("GET", &format!("{P}/galleries"))
        .without_header("Authorization")
        .send();
    assert_app_error(&resp, 401, "UNAUTHENTICATED");
    ok(open
        .request("GET", &format!("{P}/galleries"))
        .header("Authorization", "anything")
        .send());

    let locked = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    ok(call(&locked, "GET", "/galleries", None));
    ok(locked
        .request("GET", &format!("{P}/galleries"))
        .header("Authorization", &format!("Bearer {TEST_API_KEY}"))
        .send());
    let wrong = locked
        .request("POST", &format!("{P}/galleries"))
        .header("Authorization", "IST.wrong")
        .json(&json!({}))
        .send();
    assert_app_error(&wrong, 403, "PERMISSION_DENIED");
    let missing = locked
        .request("GET", &format!("{P}/galleries"))
        .without_header("Authorization")
        .send();
    assert_app_error(&missing, 401, "UNAUTHENTICATED");
    assert_eq!(
        ok(call(&locked, "GET", "/galleries", None))["totalGalleries"],
        0,
        "the refused create did nothing"
    );
    // Admin endpoints need no auth.
    assert_eq!(
        Request::new("GET", &locked.url("/_sandbox/health"))
            .send()
            .json(),
        json!({"ok": true})
    );
}

#[test]
fn fail_rate_answers_503_before_doing_anything() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--fail-rate", "1"]);
    let resp = call(
        &sb,
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "never"}})),
    );
    assert_app_error(&resp, 503, "UNAVAILABLE");
    put_faults(&sb, json!({"failRate": 0}));
    assert_eq!(
        ok(call(&sb, "GET", "/galleries", None))["totalGalleries"],
        0
    );
}

#[test]
fn fail_after_commit_answers_504_but_the_write_landed() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--fail-after-commit-rate", "1"]);
    ok(call(&sb, "GET", "/galleries", None));
    let resp = call(
        &sb,
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "ambiguous"}})),
    );
    assert_app_error(&resp, 504, "DEADLINE_EXCEEDED");
    let list = ok(call(&sb, "GET", "/galleries", None));
    assert_eq!(list["totalGalleries"], 1);
    assert_eq!(list["galleries"][0]["name"], "ambiguous");
    // A write refused by validation is not turned into a 504.
    assert_violation(
        &call(&sb, "POST", "/galleries", Some(json!({"gallery": 1}))),
        "gallery",
    );
}

#[test]
fn latency_delays_api_requests() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--latency", "150"]);
    let start = Instant::now();
    ok(call(&sb, "GET", "/galleries", None));
    assert!(start.elapsed() >= Duration::from_millis(150));
    put_faults(&sb, json!({"latencyMs": 0}));
    let start = Instant::now();
    ok(call(&sb, "GET", "/galleries", None));
    assert!(start.elapsed() < Duration::from_millis(150));
}

#[test]
fn rate_limit_answers_429_with_retry_after_per_site() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--rate-limit", "3"]);
    for _ in 0..3 {
        ok(call(&sb, "GET", "/galleries", None));
    }
    let limited = call(&sb, "GET", "/galleries", None);
    assert_app_error(&limited, 429, "RESOURCE_EXHAUSTED");
    let retry: u64 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // Another site has its own budget.
    ok(sb
        .request("GET", &format!("{P}/galleries"))
        .header("wix-site-id", "another")
        .send());
    put_faults(&sb, json!({"rateLimitPerMin": 0}));
    ok(call(&sb, "GET", "/galleries", None));
}

#[test]
fn failing_ids_fail_every_request_naming_them_and_batches_fail_whole() {
    let sb = Sandbox::empty();
    let g = new_gallery(&sb, "G");
    let good = add_item(&sb, &g, image_item("good"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let bad = add_item(&sb, &g, image_item("bad"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let faults = put_faults(&sb, json!({"failIds": [bad]}));
    assert_eq!(faults["failIds"], json!([bad]));
    assert_app_error(
        &call(&sb, "GET", &format!("/galleries/{g}/items/{bad}"), None),
        500,
        "INTERNAL",
    );
    assert_app_error(
        &call(
            &sb,
            "PATCH",
            &format!("/galleries/{g}/items/{bad}"),
            Some(json!({"item": {"title": "x"}})),
        ),
        500,
        "INTERNAL",
    );
    assert_app_error(
        &call(&sb, "DELETE", &format!("/galleries/{g}/items/{bad}"), None),
        500,
        "INTERNAL",
    );
    let batch = call(
        &sb,
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": [good, bad]})),
    );
    assert_app_error(&batch, 500, "INTERNAL");
    assert_app_error(
        &call(
            &sb,
            "DELETE",
            &format!("/galleries/{g}/items?itemsIds={good}&itemsIds={bad}"),
            None,
        ),
        500,
        "INTERNAL",
    );
    assert_eq!(
        ok(call(&sb, "GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        2,
        "the failed batch deleted nothing"
    );
    ok(call(
        &sb,
        "GET",
        &format!("/galleries/{g}/items/{good}"),
        None,
    ));
    put_faults(&sb, json!({"failIds": []}));
    ok(call(
        &sb,
        "DELETE",
        &format!("/galleries/{g}/items/{bad}"),
        None,
    ));
}

#[test]
fn fail_id_flag_fails_a_gallery_id_from_the_start() {
    let sb = Sandbox::start_with(&[
        "--memory",
        "--fail-id",
        "e481d9b4-14b9-4a98-ae52-67f4170e3a63,other",
    ]);
    let resp = sb
        .request(
            "GET",
            &format!("{P}/galleries/e481d9b4-14b9-4a98-ae52-67f4170e3a63"),
        )
        .without_header("wix-site-id")
        .send();
    assert_app_error(&resp, 500, "INTERNAL");
    let faults = Request::new("GET", &sb.url("/_sandbox/faults"))
        .send()
        .json();
    assert_eq!(
        faults["failIds"],
        json!(["e481d9b4-14b9-4a98-ae52-67f4170e3a63", "other"])
    );
    let bad = Request::new("PUT", &sb.url("/_sandbox/faults"))
        .json(&json!({"failRate": 2}))
        .send();
    assert_violation(&bad, "failRate");
}

#[test]
fn the_request_log_records_api_requests_with_masked_auth() {
    let sb = Sandbox::empty();
    let g = new_gallery(&sb, "Logged");
    ok(call(
        &sb,
        "GET",
        &format!("/galleries/{g}?itemLimit=5"),
        None,
    ));
    call(&sb, "GET", "/galleries/missing", None);
    Request::new("GET", &sb.url("/_sandbox/health")).send();
    let log = sb.request_log();
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["path"], format!("{P}/galleries"));
    assert_eq!(log[0]["status"], 200);
    assert_eq!(log[0]["body"], json!({"gallery": {"name": "Logged"}}));
    assert_eq!(log[0]["headers"]["content-type"], "application/json");
    assert_eq!(
        log[0]["headers"]["wix-site-id"],
        crate::common::DEFAULT_TEST_SITE
    );
    assert_eq!(log[0]["headers"]["authorization"], "****");
    assert_eq!(log[1]["query"], "itemLimit=5");
    assert_eq!(log[1]["body"], Value::Null);
    assert_eq!(log[2]["status"], 404);
    let text = serde_json::to_string(&log).unwrap();
    assert!(
        !text.contains(TEST_API_KEY) && !text.contains("SECRET"),
        "the key leaked into the log"
    );
    sb.clear_request_log();
    assert!(sb.request_log().is_empty());
    // Rejected requests are logged with their status too.
    sb.request("GET", &format!("{P}/galleries"))
        .without_header("Authorization")
        .send();
    assert_eq!(sb.request_log()[0]["status"], 401);
}

#[test]
fn events_record_committed_mutations_in_order() {
    let sb = Sandbox::empty();
    let g = new_gallery(&sb, "E");
    let item = add_item(&sb, &g, image_item("e"));
    let id = item["id"].as_str().unwrap();
    ok(call(
        &sb,
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"title": "f"}})),
    ));
    ok(call(
        &sb,
        "PATCH",
        &format!("/galleries/{g}"),
        Some(json!({"gallery": {"name": "F"}})),
    ));
    ok(call(
        &sb,
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": [id, "missing"]})),
    ));
    call(
        &sb,
        "POST",
        &format!("/galleries/{g}/items"),
        Some(json!({"item": {}})),
    );
    let events = Request::new("GET", &sb.url("/_sandbox/events"))
        .send()
        .json();
    let kinds: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "GalleryCreated",
            "ItemCreated",
            "ItemUpdated",
            "GalleryUpdated",
            "ItemDeleted"
        ]
    );
    assert_eq!(events[1]["item"], item);
    assert_eq!(events[1]["galleryId"], g.as_str());
    assert_eq!(events[2]["item"]["title"], "f");
    assert_eq!(events[3]["gallery"]["name"], "F");
    assert_eq!(events[3]["gallery"]["items"], json!([]));
    assert_eq!(events[4]["itemId"], id);
    assert_eq!(events[4]["galleryDeleted"], false);
    Request::new("DELETE", &sb.url("/_sandbox/events")).send();
    assert_eq!(
        Request::new("GET", &sb.url("/_sandbox/events"))
            .send()
            .json(),
        json!([])
    );
}

#[test]
fn generate_fills_a_gallery_for_benchmarks() {
    let sb = Sandbox::empty();
    let made = Request::new("POST", &sb.url("/_sandbox/generate"))
        .header("wix-site-id", crate::common::DEFAULT_TEST_SITE)
        .json(&json!({"count": 250}))
        .send()
        .json();
    let g = made["galleryId"].as_str().unwrap().to_string();
    assert_eq!(made["totalItems"], 250);
    let more = Request::new("POST", &sb.url("/_sandbox/generate"))
        .header("wix-site-id", crate::common::DEFAULT_TEST_SITE)
        .json(&json!({"count": 10, "galleryId": g}))
        .send()
        .json();
    assert_eq!(more["totalItems"], 260);
    let page = ok(call(
        &sb,
        "GET",
        &format!("/galleries/{g}/items?itemOffset=255&itemLimit=10"),
        None,
    ));
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    assert_eq!(page["items"][0]["type"], "IMAGE");
    let bad = Request::new("POST", &sb.url("/_sandbox/generate"))
        .json(&json!({"count": 0}))
        .send();
    assert_violation(&bad, "count");
    assert_eq!(
        sb.request_log().len(),
        1,
        "only the API call is logged, not the admin ones"
    );
}
