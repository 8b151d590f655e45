//! The sandbox's Media Manager slice (spec §6) over raw HTTP. This file holds hand-built images
//! (valid headers, then filler: the sandbox never decodes pixels) and request helpers; the tests
//! are in `uploads.rs` (upload URLs, PUTs, the size cap, tokens, sites), `imports.rs` (imports
//! from a loopback server) and `faults.rs` (request log, fault injection, two processes).

mod faults;
mod imports;
mod uploads;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::common::*;

pub const OTHER_SITE: &str = "99999999-8888-7777-6666-555555555555";

// ---- hand-built images: valid headers, then filler (the sandbox never decodes pixels) ----------

pub fn filler(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31) ^ seed)
        .collect()
}

pub fn png(width: u32, height: u32, extra: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b.extend(filler(extra, 1));
    b
}

pub fn jpeg(width: u16, height: u16, extra: usize) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    // An EXIF-sized APP1 before the frame header, as cameras write.
    b.extend_from_slice(&[0xFF, 0xE1, 0x4E, 0x22]);
    b.extend(filler(0x4E20, 2));
    b.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
    b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x0C]);
    b.extend(filler(10 + extra, 3));
    b.extend_from_slice(&[0xFF, 0xD9]);
    b
}

pub fn gif(width: u16, height: u16, extra: usize) -> Vec<u8> {
    let mut b = b"GIF89a".to_vec();
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&[0xF7, 0, 0]);
    b.extend(filler(extra, 4));
    b
}

pub fn webp(width: u32, height: u32, extra: usize) -> Vec<u8> {
    let mut payload = vec![0x10, 0, 0, 0];
    payload.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    payload.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut b = b"RIFF".to_vec();
    b.extend_from_slice(&((payload.len() + 12 + extra) as u32).to_le_bytes());
    b.extend_from_slice(b"WEBPVP8X");
    b.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    b.extend(payload);
    b.extend(filler(extra, 5));
    b
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---- helpers ------------------------------------------------------------------------------------

/// A file-database sandbox, so its media directory (`<data dir>/sandbox-media`) can be inspected.
pub fn file_sandbox() -> (Sandbox, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("media.db");
    let sandbox = Sandbox::start_in(home, &["--db", db.to_str().unwrap(), "--no-seed"]);
    let media_dir = sandbox.home.path().join("data").join("sandbox-media");
    (sandbox, media_dir)
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
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
pub fn put(url: &str, name: &str, content_type: &str, bytes: &[u8]) -> ureq_like::Response {
    ureq_like::Request::new("PUT", &format!("{url}?filename={name}"))
        .raw_body(content_type, bytes)
        .send()
}

pub fn upload(sandbox: &Sandbox, site: &str, name: &str, mime: &str, bytes: &[u8]) -> Value {
    let url = upload_url(sandbox, site, mime);
    let resp = put(&url, name, mime, bytes);
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json()["file"].clone()
}

pub fn get_file(sandbox: &Sandbox, site: &str, id: &str) -> ureq_like::Response {
    sandbox
        .request(
            "GET",
            &format!("/site-media/v1/files/get-file-by-id?fileId={id}"),
        )
        .header("wix-site-id", site)
        .send()
}

pub fn fetch(url: &str) -> ureq_like::Response {
    ureq_like::Request::new("GET", url).send()
}

pub fn code_of(resp: &ureq_like::Response) -> String {
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

/// Polls get-file-by-id until the import leaves PENDING (bounded).
pub fn wait_for_import(sandbox: &Sandbox, id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let resp = get_file(sandbox, DEFAULT_TEST_SITE, id);
        assert_eq!(resp.status, 200, "{}", resp.body);
        let file = resp.json()["file"].clone();
        if file["operationStatus"] != "PENDING" {
            return file;
        }
        assert!(Instant::now() < deadline, "import {id} still PENDING");
        std::thread::sleep(Duration::from_millis(50));
    }
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

pub fn set_media_settings(sandbox: &Sandbox, settings: Value) {
    let resp = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/media-settings"))
        .json(&settings)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
}
