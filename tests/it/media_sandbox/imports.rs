//! Imports from a scripted loopback server: READY with dimensions, FAILED on 404, non-image,
//! timeout and size cap, and the 400s of a bad import request.

use std::time::{Duration, Instant};

use serde_json::json;

use super::*;
use crate::common::fake_server::{Answer, FakeServer, Gate};
use crate::common::*;

#[test]
fn imports_from_a_loopback_server_end_ready_or_failed() {
    let image = png(321, 123, 20_000);
    let served = image.clone();
    // The slow file is not served until the test is over: only the import timeout can end it.
    let slow = Gate::new();
    let held = slow.handle();
    let server = FakeServer::start(move |seen, _| match seen.target.as_str() {
        "/photos/sunset.png" => Answer::raw(200, "image/png", &served),
        "/readme.txt" => Answer::raw(200, "text/plain", b"just text"),
        "/slow.png" => {
            held.wait();
            Answer::raw(200, "image/png", &served)
        }
        _ => Answer::raw(404, "text/plain", b"no such file"),
    })
    .expect_targets(&[
        "/photos/sunset.png",
        "/missing.png",
        "/readme.txt",
        "/slow.png",
    ]);
    let sandbox = Sandbox::empty();

    let url = format!("{}/photos/sunset.png", server.base_url);
    let pending = import(&sandbox, json!({"url": url}));
    let id = pending["id"].as_str().unwrap().to_string();
    assert!(id.ends_with("~mv2.png"), "{id}");
    assert_eq!(pending["displayName"], "sunset.png");
    assert_eq!(pending["sourceUrl"], url);
    let ready = wait_for_import(&sandbox, &id);
    assert_eq!(ready["operationStatus"], "READY", "{ready}");
    assert_eq!(ready["mediaType"], "IMAGE");
    assert_eq!(ready["media"]["image"]["image"]["width"], 321);
    assert_eq!(ready["media"]["image"]["image"]["height"], 123);
    assert_eq!(ready["sizeInBytes"], image.len().to_string());
    assert_eq!(ready["hash"], md5_hex(&image));
    assert!(fetch(ready["url"].as_str().unwrap()).raw == image);
    assert!(server
        .requests()
        .iter()
        .any(|r| r.target == "/photos/sunset.png"));

    for (path, body) in [
        ("/missing.png", json!({"displayName": "Gone"})),
        // Said to be a PNG, but it is text: processing fails.
        ("/readme.txt", json!({"mimeType": "image/png"})),
    ] {
        let mut body = body;
        body["url"] = json!(format!("{}{path}", server.base_url));
        let pending = import(&sandbox, body);
        let failed = wait_for_import(&sandbox, pending["id"].as_str().unwrap());
        assert_eq!(failed["operationStatus"], "FAILED", "{path}: {failed}");
        assert!(failed.get("media").is_none());
        assert_eq!(
            fetch(failed["url"].as_str().unwrap()).status,
            404,
            "a FAILED file has no bytes"
        );
    }

    sandbox.set_media_settings(json!({"importTimeoutMs": 300}));
    let pending = import(
        &sandbox,
        json!({"url": format!("{}/slow.png", server.base_url)}),
    );
    // FAILED while the server still holds the answer back: the timeout ended it.
    let failed = wait_for_import(&sandbox, pending["id"].as_str().unwrap());
    assert_eq!(failed["operationStatus"], "FAILED");
    slow.open();

    for bad in [
        json!({}),
        json!({"url": "ftp://x/y.png"}),
        json!({"url": "not a url"}),
    ] {
        let resp = sandbox
            .request("POST", "/site-media/v1/files/import")
            .json(&bad)
            .send();
        assert_eq!(resp.status, 400, "{bad}: {}", resp.body);
    }
}

#[test]
fn an_import_larger_than_the_cap_fails_without_leaving_a_file() {
    let big = png(5, 5, 300_000);
    let server = FakeServer::start(move |_, _| Answer::raw(200, "image/png", &big));
    let (sandbox, media_dir) = file_sandbox();
    sandbox.set_media_settings(json!({"maxUploadBytes": 100_000}));
    let pending = import(
        &sandbox,
        json!({"url": format!("{}/big.png", server.base_url)}),
    );
    let failed = wait_for_import(&sandbox, pending["id"].as_str().unwrap());
    assert_eq!(failed["operationStatus"], "FAILED");
    assert!(
        names_in(&media_dir).is_empty(),
        "{:?}",
        names_in(&media_dir)
    );
}

#[test]
fn an_import_whose_process_died_ends_failed_for_the_others() {
    // Never answered while the test runs: the fetch outlives the process that started it.
    let never = Gate::new();
    let held = never.handle();
    let server = FakeServer::start(move |_, _| {
        held.wait();
        Answer::raw(200, "image/png", &png(1, 1, 10))
    });
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("shared.db");
    let db = db.to_str().unwrap();
    let first = Sandbox::start_with(&["--db", db, "--no-seed"]);
    let second = Sandbox::start_with(&["--db", db, "--no-seed"]);
    // Long enough that the kill below, as soon as the fetch has started, surely comes first.
    first.set_media_settings(json!({"importTimeoutMs": 1000}));
    let pending = import(
        &first,
        json!({"url": format!("{}/never.png", server.base_url)}),
    );
    let started = Instant::now();
    // The process fetching it dies before its own timeout could mark it FAILED.
    wait_for("the fetch to reach the server", || {
        !server.requests().is_empty()
    });
    first.kill();
    let id = pending["id"].as_str().unwrap();
    let resp = get_file(&second, DEFAULT_TEST_SITE, id);
    assert_eq!(resp.json()["file"]["operationStatus"], "PENDING");
    let settled = wait_for_import(&second, id);
    assert_eq!(settled["operationStatus"], "FAILED", "{settled}");
    // Not before the fetch timeout plus the grace for storing a result.
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn an_import_needs_a_type_from_its_request_or_a_head_answer_never_from_its_bytes() {
    let image = gif(7, 8, 100);
    let served = image.clone();
    let server =
        FakeServer::start(
            move |seen, _| match (seen.method.as_str(), seen.target.as_str()) {
                // Typed by HEAD.
                (_, "/typed") => Answer::raw(200, "image/gif", &served),
                // Says nothing useful when asked with HEAD: a GET would have shown a GIF.
                ("HEAD", _) => Answer::raw(200, "application/octet-stream", b""),
                _ => Answer::raw(200, "application/octet-stream", &served),
            },
        );
    let sandbox = Sandbox::empty();
    let untyped = format!("{}/blob", server.base_url);
    let refused = sandbox
        .request("POST", "/site-media/v1/files/import")
        .json(&json!({ "url": untyped }))
        .send();
    assert_eq!(refused.status, 400, "{}", refused.body);
    assert!(refused.body.contains("mimeType"), "{}", refused.body);
    let asked: Vec<String> = server.requests().iter().map(|r| r.method.clone()).collect();
    assert!(
        !asked.is_empty() && asked.iter().all(|m| m == "HEAD"),
        "asked with HEAD, the bytes not fetched to guess the type: {asked:?}"
    );

    // Each of the ways Wix documents tells it.
    for body in [
        json!({ "url": untyped, "mimeType": "image/gif" }),
        json!({ "url": untyped, "displayName": "Blob.gif" }),
        json!({ "url": format!("{}/typed", server.base_url) }),
        json!({ "url": format!("{}/pic.GIF?v=2", server.base_url) }),
    ] {
        let pending = import(&sandbox, body.clone());
        let id = pending["id"].as_str().unwrap();
        assert!(id.ends_with("~mv2.gif"), "{body}: {id}");
        let ready = wait_for_import(&sandbox, id);
        assert_eq!(ready["operationStatus"], "READY", "{body}: {ready}");
        assert_eq!(ready["media"]["image"]["image"]["height"], 8);
    }
    // A type it does not take is refused too.
    let resp = sandbox
        .request("POST", "/site-media/v1/files/import")
        .json(&json!({ "url": untyped, "displayName": "notes.pdf", "mimeType": "application/pdf" }))
        .send();
    assert_eq!(resp.status, 400, "{}", resp.body);
}
