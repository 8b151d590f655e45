//! The sandbox's Media Manager slice (spec §6) over HTTP. This file holds the media request
//! helpers (the images are built in `common::media`); the tests
//! are in `uploads.rs` (upload URLs, PUTs, the size cap, tokens, sites), `imports.rs` (imports
//! from a loopback server, and what tells an import's type), `processing.rs` (PENDING, then
//! READY or FAILED; get-files; video descriptors), `resumable.rs` (the tus upload and the
//! dropped connection) and `faults.rs` (request log, fault injection, two processes).

mod faults;
mod imports;
mod processing;
mod resumable;
mod uploads;

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::common::http::{Request, Response};
pub use crate::common::media::*;
use crate::common::*;

// ---- helpers ------------------------------------------------------------------------------------

/// A file-database sandbox, so its media directory (`<data dir>/sandbox-media`) can be inspected.
pub fn file_sandbox() -> (Sandbox, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("media.db");
    let sandbox = Sandbox::start_in(home, &["--db", db.to_str().unwrap(), "--no-seed"]);
    let media_dir = sandbox.home.path().join("data").join("sandbox-media");
    (sandbox, media_dir)
}

pub fn upload_url(sandbox: &Sandbox, site: &str, mime: &str) -> String {
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .header("wix-site-id", site)
        .json(&json!({"mimeType": mime, "fileName": "ignored.bin"}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let url = resp.json()["uploadUrl"].as_str().unwrap().to_string();
    assert!(
        url.starts_with(&format!("{}/_sandbox/upload/", sandbox.base_url)),
        "{url}"
    );
    url
}

/// PUT of raw bytes to an upload URL: no Authorization, no site header, as a client does.
pub fn put(url: &str, name: &str, content_type: &str, bytes: &[u8]) -> Response {
    Request::new("PUT", &format!("{url}?filename={name}"))
        .raw_body(content_type, bytes)
        .send()
}

/// Uploads the bytes (answered PENDING) and waits until they are processed; the descriptor then.
#[track_caller]
pub fn upload(sandbox: &Sandbox, site: &str, name: &str, mime: &str, bytes: &[u8]) -> Value {
    let pending = upload_pending(sandbox, site, name, mime, bytes);
    wait_until_processed(sandbox, site, pending["id"].as_str().unwrap())
}

/// Uploads the bytes; the descriptor the PUT answered (PENDING).
#[track_caller]
pub fn upload_pending(
    sandbox: &Sandbox,
    site: &str,
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> Value {
    let url = upload_url(sandbox, site, mime);
    let resp = put(&url, name, mime, bytes);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let file = resp.json()["file"].clone();
    assert_eq!(file["operationStatus"], "PENDING", "{file}");
    file
}

pub fn get_file(sandbox: &Sandbox, site: &str, id: &str) -> Response {
    sandbox
        .request(
            "GET",
            &format!("/site-media/v1/files/get-file-by-id?fileId={id}"),
        )
        .header("wix-site-id", site)
        .send()
}

pub fn fetch(url: &str) -> Response {
    Request::new("GET", url).send()
}

pub fn code_of(resp: &Response) -> String {
    let body = resp.json();
    body["details"]["applicationError"]["code"]
        .as_str()
        .or_else(|| {
            body["details"]["validationError"]["fieldViolations"][0]["field"]
                .as_str()
                .map(|_| "INVALID_ARGUMENT")
        })
        .unwrap_or("")
        .to_string()
}

/// Polls get-file-by-id until the import leaves PENDING.
#[track_caller]
pub fn wait_for_import(sandbox: &Sandbox, id: &str) -> Value {
    wait_until_processed(sandbox, DEFAULT_TEST_SITE, id)
}

/// Polls get-file-by-id until the file of `site` leaves PENDING; its descriptor then.
#[track_caller]
pub fn wait_until_processed(sandbox: &Sandbox, site: &str, id: &str) -> Value {
    let mut file = Value::Null;
    wait_for(&format!("file {id} to leave PENDING"), || {
        let resp = get_file(sandbox, site, id);
        assert_eq!(resp.status, 200, "{}", resp.body);
        file = resp.json()["file"].clone();
        file["operationStatus"] != "PENDING"
    });
    file
}

pub fn import(sandbox: &Sandbox, body: Value) -> Value {
    let resp = sandbox
        .request("POST", "/site-media/v1/files/import")
        .json(&body)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let file = resp.json()["file"].clone();
    assert_eq!(file["operationStatus"], "PENDING", "{file}");
    file
}
