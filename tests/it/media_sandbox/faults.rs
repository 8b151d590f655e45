//! The gate applies to media endpoints like the others: request log, injected failures (before
//! and after commit); and two processes on one database share tokens, files and bytes.

use serde_json::json;

use super::*;
use crate::common::*;

#[test]
fn media_requests_are_logged_and_faults_apply_to_them() {
    let sandbox = Sandbox::empty();
    sandbox.clear_request_log();
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let file = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "a.png",
        "image/png",
        &png(2, 2, 10),
    );
    let id = file["id"].as_str().unwrap();
    assert_eq!(get_file(&sandbox, DEFAULT_TEST_SITE, id).status, 200);
    fetch(file["url"].as_str().unwrap());

    let log = sandbox.request_log();
    let summary: Vec<(String, String, u64)> = log
        .iter()
        .map(|e| {
            (
                e["method"].as_str().unwrap().to_string(),
                e["path"].as_str().unwrap().to_string(),
                e["status"].as_u64().unwrap(),
            )
        })
        .collect();
    let generate = "/site-media/v1/files/generate-upload-url".to_string();
    assert_eq!(
        summary
            .iter()
            .filter(|(m, p, s)| m == "POST" && *p == generate && *s == 200)
            .count(),
        2,
        "{summary:?}"
    );
    let put_entry = log
        .iter()
        .find(|e| e["method"] == "PUT")
        .expect("upload PUT logged");
    assert!(put_entry["path"]
        .as_str()
        .unwrap()
        .starts_with("/_sandbox/upload/"));
    assert_eq!(put_entry["query"], "filename=a.png");
    assert_eq!(put_entry["status"], 200);
    assert!(put_entry["body"].is_null(), "upload bytes are not logged");
    assert!(summary
        .iter()
        .any(|(m, p, s)| m == "GET" && p.ends_with("get-file-by-id") && *s == 200));
    // Serving the bytes is a static URL, not an API call.
    assert!(!summary
        .iter()
        .any(|(_, p, _)| p.starts_with("/_sandbox/media/")));

    sandbox.set_faults(json!({"failRate": 1.0}));
    sandbox.clear_request_log();
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .json(&json!({"mimeType": "image/png"}))
        .send();
    assert_eq!(resp.status, 503, "{}", resp.body);
    // The refused PUT's body is drained, so its sender still reads a clean 503.
    let resp = put(&url, "b.png", "image/png", &png(2, 2, 3 * 1024 * 1024));
    assert_eq!(resp.status, 503, "{}", resp.body);
    assert_eq!(code_of(&resp), "UNAVAILABLE");
    assert_eq!(get_file(&sandbox, DEFAULT_TEST_SITE, id).status, 503);
    let statuses: Vec<u64> = sandbox
        .request_log()
        .iter()
        .map(|e| e["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, vec![503, 503, 503]);
    sandbox.set_faults(json!({"failRate": 0.0}));
    assert_eq!(get_file(&sandbox, DEFAULT_TEST_SITE, id).status, 200);
}

#[test]
fn two_servers_on_one_database_share_tokens_files_and_bytes() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("shared.db");
    let db = db.to_str().unwrap();
    let first = Sandbox::start_with(&["--db", db, "--no-seed"]);
    let second = Sandbox::start_with(&["--db", db, "--no-seed"]);
    // An upload URL made by one process is accepted by the other (the token is in the database).
    let url = upload_url(&first, DEFAULT_TEST_SITE, "image/webp");
    let token = url.rsplit('/').next().unwrap();
    let bytes = webp(64, 32, 500);
    let resp = put(
        &second.url(&format!("/_sandbox/upload/{token}")),
        "w.webp",
        "image/webp",
        &bytes,
    );
    assert_eq!(resp.status, 200, "{}", resp.body);
    let id = resp.json()["file"]["id"].as_str().unwrap().to_string();
    // Processed, as the other process reads it too.
    let seen = wait_until_processed(&first, DEFAULT_TEST_SITE, &id);
    assert_eq!(seen["media"]["image"]["image"]["width"], 64);
    assert!(fetch(&first.url(&format!("/_sandbox/media/{id}"))).raw == bytes);
}

#[test]
fn a_put_retried_after_a_failure_after_commit_stores_one_file() {
    let (sandbox, media_dir) = file_sandbox();
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let bytes = png(30, 40, 5000);
    sandbox.set_faults(json!({"failAfterCommitRate": 1.0}));
    let resp = put(&url, "p.png", "image/png", &bytes);
    assert_eq!(resp.status, 504, "{}", resp.body);
    // The ambiguous failure did store the file...
    assert_eq!(names_in(&media_dir).len(), 1);
    sandbox.set_faults(json!({"failAfterCommitRate": 0.0}));
    // ...and the retry of the same PUT answers it rather than storing a second copy.
    let resp = put(&url, "p.png", "image/png", &bytes);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let files = names_in(&media_dir);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(resp.json()["file"]["id"], files[0].as_str());
}

#[test]
fn fail_ids_apply_to_file_ids() {
    let sandbox = Sandbox::empty();
    let file = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "a.gif",
        "image/gif",
        &gif(1, 1, 5),
    );
    let id = file["id"].as_str().unwrap();
    sandbox.set_faults(json!({"failIds": [id]}));
    let resp = get_file(&sandbox, DEFAULT_TEST_SITE, id);
    assert_eq!(resp.status, 500, "{}", resp.body);
    sandbox.set_faults(json!({"failIds": []}));
    assert_eq!(get_file(&sandbox, DEFAULT_TEST_SITE, id).status, 200);
}
