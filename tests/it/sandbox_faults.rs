//! Auth rules, fault injection (503 before, 504 after commit, latency, rate limit with
//! Retry-After, ids that always fail), runtime fault changes, the request log and the other admin
//! endpoints.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::http::Request;
use crate::common::*;

#[test]
fn auth_needs_a_header_and_with_api_key_the_right_one() {
    let open = Sandbox::empty();
    let resp = open
        .request("GET", &format!("{API}/galleries"))
        .without_header("Authorization")
        .send();
    assert_app_error(&resp, 401, "UNAUTHENTICATED");
    ok(open
        .request("GET", &format!("{API}/galleries"))
        .header("Authorization", "anything")
        .send());

    let locked = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    ok(locked.call("GET", "/galleries", None));
    ok(locked
        .request("GET", &format!("{API}/galleries"))
        .header("Authorization", &format!("Bearer {TEST_API_KEY}"))
        .send());
    let wrong = locked
        .request("POST", &format!("{API}/galleries"))
        .header("Authorization", "IST.wrong")
        .json(&json!({}))
        .send();
    assert_app_error(&wrong, 403, "PERMISSION_DENIED");
    let missing = locked
        .request("GET", &format!("{API}/galleries"))
        .without_header("Authorization")
        .send();
    assert_app_error(&missing, 401, "UNAUTHENTICATED");
    assert_eq!(
        ok(locked.call("GET", "/galleries", None))["totalGalleries"],
        0,
        "the refused create did nothing"
    );
    // The health check needs no auth, even with --api-key (the other admin endpoints need the
    // key then: tests/it/hostile_sandbox.rs).
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
    let resp = sb.call(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "never"}})),
    );
    assert_app_error(&resp, 503, "UNAVAILABLE");
    sb.set_faults(json!({"failRate": 0}));
    assert_eq!(ok(sb.call("GET", "/galleries", None))["totalGalleries"], 0);
}

#[test]
fn fail_after_commit_answers_504_but_the_write_landed() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--fail-after-commit-rate", "1"]);
    ok(sb.call("GET", "/galleries", None));
    let resp = sb.call(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "ambiguous"}})),
    );
    assert_app_error(&resp, 504, "DEADLINE_EXCEEDED");
    let list = ok(sb.call("GET", "/galleries", None));
    assert_eq!(list["totalGalleries"], 1);
    assert_eq!(list["galleries"][0]["name"], "ambiguous");
    // A write refused by validation is not turned into a 504.
    assert_violation(
        &sb.call("POST", "/galleries", Some(json!({"gallery": 1}))),
        "gallery",
    );
}

#[test]
fn latency_delays_api_requests() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--latency", "150"]);
    let start = Instant::now();
    ok(sb.call("GET", "/galleries", None));
    assert!(start.elapsed() >= Duration::from_millis(150));
    // The longest latency, then none: the next call must not sit out the minute. It is given
    // half of that, far more than an undelayed call ever needs.
    sb.set_faults(json!({"latencyMs": 60_000}));
    let faults = sb.set_faults(json!({"latencyMs": 0}));
    assert_eq!(faults["latencyMs"], 0);
    let undelayed = sb
        .request("GET", &format!("{API}/galleries"))
        .timeout(Duration::from_secs(30))
        .send();
    ok(undelayed);
}

#[test]
fn rate_limit_answers_429_with_retry_after_per_site() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--rate-limit", "3"]);
    for _ in 0..3 {
        ok(sb.call("GET", "/galleries", None));
    }
    let limited = sb.call("GET", "/galleries", None);
    assert_app_error(&limited, 429, "RESOURCE_EXHAUSTED");
    let retry: u64 = limited
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    // Another site has its own budget.
    ok(sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", "another")
        .send());
    sb.set_faults(json!({"rateLimitPerMin": 0}));
    ok(sb.call("GET", "/galleries", None));
}

#[test]
fn failing_ids_fail_every_request_naming_them_and_batches_fail_whole() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let good = sb.add_item(&g, image_item("good"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let bad = sb.add_item(&g, image_item("bad"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let faults = sb.set_faults(json!({"failIds": [bad]}));
    assert_eq!(faults["failIds"], json!([bad]));
    assert_app_error(
        &sb.call("GET", &format!("/galleries/{g}/items/{bad}"), None),
        500,
        "INTERNAL",
    );
    assert_app_error(
        &sb.call(
            "PATCH",
            &format!("/galleries/{g}/items/{bad}"),
            Some(json!({"item": {"title": "x"}})),
        ),
        500,
        "INTERNAL",
    );
    assert_app_error(
        &sb.call("DELETE", &format!("/galleries/{g}/items/{bad}"), None),
        500,
        "INTERNAL",
    );
    let batch = sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": [good, bad]})),
    );
    assert_app_error(&batch, 500, "INTERNAL");
    assert_app_error(
        &sb.call(
            "DELETE",
            &format!("/galleries/{g}/items?itemsIds={good}&itemsIds={bad}"),
            None,
        ),
        500,
        "INTERNAL",
    );
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        2,
        "the failed batch deleted nothing"
    );
    ok(sb.call("GET", &format!("/galleries/{g}/items/{good}"), None));
    sb.set_faults(json!({"failIds": []}));
    ok(sb.call("DELETE", &format!("/galleries/{g}/items/{bad}"), None));
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
            &format!("{API}/galleries/e481d9b4-14b9-4a98-ae52-67f4170e3a63"),
        )
        .header("wix-site-id", SEEDED_SITE)
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
    let g = sb.new_gallery("Logged");
    ok(sb.call("GET", &format!("/galleries/{g}?itemLimit=5"), None));
    sb.call("GET", "/galleries/missing", None);
    Request::new("GET", &sb.url("/_sandbox/health")).send();
    let log = sb.request_log();
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["path"], format!("{API}/galleries"));
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
    sb.request("GET", &format!("{API}/galleries"))
        .without_header("Authorization")
        .send();
    assert_eq!(sb.request_log()[0]["status"], 401);
}

#[test]
fn events_record_committed_mutations_in_order() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("E");
    let item = sb.add_item(&g, image_item("e"));
    let id = item["id"].as_str().unwrap();
    ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"title": "f"}})),
    ));
    ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}"),
        Some(json!({"gallery": {"name": "F"}})),
    ));
    ok(sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": [id, "missing"]})),
    ));
    sb.call(
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
    let page = ok(sb.call(
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
