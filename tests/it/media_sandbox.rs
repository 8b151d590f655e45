//! The sandbox's Media Manager slice (spec §6) over raw HTTP: upload URLs and PUTs of each image
//! format with their header dimensions, the bytes served back, imports from a loopback server
//! (READY, FAILED on 404 / non-image / timeout), the size cap, bad tokens, per-site isolation, and
//! the request log and fault injection applying to the media endpoints like the others.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;

const OTHER_SITE: &str = "99999999-8888-7777-6666-555555555555";

// ---- hand-built images: valid headers, then filler (the sandbox never decodes pixels) ----------

fn filler(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31) ^ seed)
        .collect()
}

fn png(width: u32, height: u32, extra: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b.extend(filler(extra, 1));
    b
}

fn jpeg(width: u16, height: u16, extra: usize) -> Vec<u8> {
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

fn gif(width: u16, height: u16, extra: usize) -> Vec<u8> {
    let mut b = b"GIF89a".to_vec();
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&[0xF7, 0, 0]);
    b.extend(filler(extra, 4));
    b
}

fn webp(width: u32, height: u32, extra: usize) -> Vec<u8> {
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

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ---- helpers ------------------------------------------------------------------------------------

/// A file-database sandbox, so its media directory (`<data dir>/sandbox-media`) can be inspected.
fn file_sandbox() -> (Sandbox, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("media.db");
    let sandbox = Sandbox::start_in(home, &["--db", db.to_str().unwrap(), "--no-seed"]);
    let media_dir = sandbox.home.path().join("data").join("sandbox-media");
    (sandbox, media_dir)
}

fn files_in(dir: &Path) -> Vec<String> {
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

fn upload_url(sandbox: &Sandbox, site: &str, mime: &str) -> String {
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
fn put(url: &str, name: &str, content_type: &str, bytes: &[u8]) -> ureq_like::Response {
    ureq_like::Request::new("PUT", &format!("{url}?filename={name}"))
        .raw_body(content_type, bytes)
        .send()
}

fn upload(sandbox: &Sandbox, site: &str, name: &str, mime: &str, bytes: &[u8]) -> Value {
    let url = upload_url(sandbox, site, mime);
    let resp = put(&url, name, mime, bytes);
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json()["file"].clone()
}

fn get_file(sandbox: &Sandbox, site: &str, id: &str) -> ureq_like::Response {
    sandbox
        .request(
            "GET",
            &format!("/site-media/v1/files/get-file-by-id?fileId={id}"),
        )
        .header("wix-site-id", site)
        .send()
}

fn fetch(url: &str) -> ureq_like::Response {
    ureq_like::Request::new("GET", url).send()
}

fn code_of(resp: &ureq_like::Response) -> String {
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
fn wait_for_import(sandbox: &Sandbox, id: &str) -> Value {
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

fn import(sandbox: &Sandbox, body: Value) -> Value {
    let resp = sandbox
        .request("POST", "/site-media/v1/files/import")
        .json(&body)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let file = resp.json()["file"].clone();
    assert_eq!(file["operationStatus"], "PENDING", "{file}");
    file
}

fn set_media_settings(sandbox: &Sandbox, settings: Value) {
    let resp = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/media-settings"))
        .json(&settings)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
}

// ---- tests --------------------------------------------------------------------------------------

#[test]
fn uploads_of_each_format_report_dimensions_and_serve_the_same_bytes() {
    let sandbox = Sandbox::empty();
    let cases = [
        ("cat.png", "image/png", png(640, 480, 5000), 640, 480, "png"),
        (
            "dog.jpg",
            "image/jpeg",
            jpeg(1920, 1080, 7000),
            1920,
            1080,
            "jpg",
        ),
        ("spin.gif", "image/gif", gif(17, 9, 300), 17, 9, "gif"),
        (
            "wide.webp",
            "image/webp",
            webp(5000, 20, 900),
            5000,
            20,
            "webp",
        ),
    ];
    for (name, mime, bytes, width, height, ext) in cases {
        let file = upload(&sandbox, DEFAULT_TEST_SITE, name, mime, &bytes);
        let id = file["id"].as_str().unwrap().to_string();
        let (prefix, rest) = id.split_once('_').expect("wix-like id");
        assert_eq!(prefix.len(), 6, "{id}");
        assert!(rest.ends_with(&format!("~mv2.{ext}")), "{id}");
        assert_eq!(file["displayName"], name);
        assert_eq!(file["mediaType"], "IMAGE");
        assert_eq!(file["operationStatus"], "READY");
        assert_eq!(file["sizeInBytes"], bytes.len().to_string());
        assert_eq!(file["hash"], sha256_hex(&bytes));
        let url = file["url"].as_str().unwrap();
        assert_eq!(url, format!("{}/_sandbox/media/{id}", sandbox.base_url));
        let image = &file["media"]["image"]["image"];
        assert_eq!(image["id"], id.as_str());
        assert_eq!(image["url"], url);
        assert_eq!(image["width"], width, "{name}");
        assert_eq!(image["height"], height, "{name}");
        assert_eq!(image["filename"], name);

        let got = get_file(&sandbox, DEFAULT_TEST_SITE, &id);
        assert_eq!(got.status, 200, "{}", got.body);
        assert_eq!(got.json()["file"], file);

        let served = fetch(url);
        assert_eq!(served.status, 200);
        assert_eq!(served.header("content-type"), Some(mime));
        assert!(served.raw == bytes, "{name}: served bytes differ");
    }
}

#[test]
fn a_large_upload_streams_past_the_json_body_cap_and_videos_need_no_probe() {
    let sandbox = Sandbox::empty();
    // 6 MiB: far past the 1 MiB cap of JSON bodies, so the PUT must be streamed.
    let big = png(4000, 3000, 6 * 1024 * 1024);
    let file = upload(&sandbox, DEFAULT_TEST_SITE, "big.png", "image/png", &big);
    assert_eq!(file["sizeInBytes"], big.len().to_string());
    assert_eq!(file["media"]["image"]["image"]["width"], 4000);
    assert!(fetch(file["url"].as_str().unwrap()).raw == big);

    let clip = b"\x00\x00\x00\x18ftypmp42 not really a movie".to_vec();
    let video = upload(&sandbox, DEFAULT_TEST_SITE, "clip.mp4", "video/mp4", &clip);
    assert_eq!(video["mediaType"], "VIDEO");
    assert_eq!(video["operationStatus"], "READY");
    assert!(video.get("media").is_none(), "{video}");
    assert!(!video["id"].as_str().unwrap().contains("~mv2"));
    let served = fetch(video["url"].as_str().unwrap());
    assert_eq!(served.header("content-type"), Some("video/mp4"));
    assert!(served.raw == clip);
}

#[test]
fn unsupported_or_unreadable_uploads_are_refused_and_leave_no_file() {
    let (sandbox, media_dir) = file_sandbox();
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .json(&json!({"mimeType": "application/pdf"}))
        .send();
    assert_eq!(resp.status, 400, "{}", resp.body);
    assert!(resp.body.contains("mimeType"), "{}", resp.body);
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .json(&json!({}))
        .send();
    assert_eq!(resp.status, 400, "{}", resp.body);

    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let resp = put(&url, "notes.txt", "text/plain", b"hello");
    assert_eq!(resp.status, 400, "{}", resp.body);
    assert!(resp.body.contains("Content-Type"), "{}", resp.body);
    // Declared an image, but the bytes are not one the header reader recognises.
    let resp = put(&url, "fake.png", "image/png", b"this is not a png at all");
    assert_eq!(resp.status, 400, "{}", resp.body);
    assert!(resp.body.contains("not a readable image"), "{}", resp.body);
    let truncated = &png(10, 10, 0)[..15];
    assert_eq!(put(&url, "cut.png", "image/png", truncated).status, 400);
    assert_eq!(put(&url, "empty.png", "image/png", b"").status, 400);
    assert!(
        files_in(&media_dir).is_empty(),
        "{:?}",
        files_in(&media_dir)
    );
}

#[test]
fn the_size_cap_answers_413_and_leaves_no_partial_file() {
    let (sandbox, media_dir) = file_sandbox();
    set_media_settings(&sandbox, json!({"maxUploadBytes": 200_000}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let resp = put(&url, "huge.png", "image/png", &png(10, 10, 600_000));
    assert_eq!(resp.status, 413, "{}", resp.body);
    assert_eq!(code_of(&resp), "PAYLOAD_TOO_LARGE");
    assert!(
        files_in(&media_dir).is_empty(),
        "{:?}",
        files_in(&media_dir)
    );
    // Under the cap still works, on the same URL.
    let resp = put(&url, "small.png", "image/png", &png(10, 10, 100_000));
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(files_in(&media_dir).len(), 1);

    let bad = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/media-settings"))
        .json(&json!({"maxUploadBytes": -1}))
        .send();
    assert_eq!(bad.status, 400, "{}", bad.body);
}

#[test]
fn bad_tokens_and_missing_auth_are_refused() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .without_header("Authorization")
        .json(&json!({"mimeType": "image/png"}))
        .send();
    assert_eq!(resp.status, 401, "{}", resp.body);
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-upload-url")
        .header("Authorization", "wrong")
        .json(&json!({"mimeType": "image/png"}))
        .send();
    assert_eq!(resp.status, 403, "{}", resp.body);

    let made_up = sandbox.url("/_sandbox/upload/0123456789abcdef0123456789abcdef");
    let resp = put(&made_up, "a.png", "image/png", &png(1, 1, 10));
    assert_eq!(resp.status, 403, "{}", resp.body);
    assert_eq!(code_of(&resp), "PERMISSION_DENIED");
    let resp = put(
        &sandbox.url("/_sandbox/upload/"),
        "a.png",
        "image/png",
        b"x",
    );
    assert!(resp.status == 404 || resp.status == 405, "{}", resp.status);

    // The real token works without any Authorization header.
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    assert_eq!(put(&url, "a.png", "image/png", &png(1, 1, 10)).status, 200);
}

#[test]
fn files_are_per_site() {
    let sandbox = Sandbox::empty();
    let file = upload(
        &sandbox,
        OTHER_SITE,
        "mine.gif",
        "image/gif",
        &gif(3, 4, 10),
    );
    let id = file["id"].as_str().unwrap();
    assert_eq!(file["siteId"], OTHER_SITE);
    let resp = get_file(&sandbox, DEFAULT_TEST_SITE, id);
    assert_eq!(resp.status, 404, "{}", resp.body);
    assert_eq!(code_of(&resp), "FILE_NOT_FOUND");
    assert_eq!(get_file(&sandbox, OTHER_SITE, id).status, 200);
    let resp = get_file(
        &sandbox,
        OTHER_SITE,
        "abcdef_00000000000000000000000000000000~mv2.png",
    );
    assert_eq!(resp.status, 404);
    assert_eq!(code_of(&resp), "FILE_NOT_FOUND");
}

#[test]
fn a_retried_put_of_the_same_bytes_answers_the_same_file() {
    let sandbox = Sandbox::empty();
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/jpeg");
    let bytes = jpeg(20, 10, 100);
    let first = put(&url, "a.jpg", "image/jpeg", &bytes).json()["file"].clone();
    let again = put(&url, "a.jpg", "image/jpeg", &bytes).json()["file"].clone();
    assert_eq!(first["id"], again["id"]);
    let other = put(&url, "b.jpg", "image/jpeg", &jpeg(20, 11, 100)).json()["file"].clone();
    assert_ne!(first["id"], other["id"]);
    assert_eq!(other["media"]["image"]["image"]["height"], 11);
}

#[test]
fn imports_from_a_loopback_server_end_ready_or_failed() {
    let image = png(321, 123, 20_000);
    let served = image.clone();
    let server = FakeServer::start(move |seen, _| match seen.target.as_str() {
        "/photos/sunset.png" => Answer::raw(200, "image/png", &served),
        "/readme.txt" => Answer::raw(200, "text/plain", b"just text"),
        "/slow.png" => {
            std::thread::sleep(Duration::from_secs(3));
            Answer::raw(200, "image/png", &served)
        }
        _ => Answer::raw(404, "text/plain", b"no such file"),
    });
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
    assert_eq!(ready["hash"], sha256_hex(&image));
    assert!(fetch(ready["url"].as_str().unwrap()).raw == image);
    assert!(server
        .requests()
        .iter()
        .any(|r| r.target == "/photos/sunset.png"));

    for (path, body) in [
        ("/missing.png", json!({"displayName": "Gone"})),
        ("/readme.txt", json!({})),
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

    set_media_settings(&sandbox, json!({"importTimeoutMs": 300}));
    let started = Instant::now();
    let pending = import(
        &sandbox,
        json!({"url": format!("{}/slow.png", server.base_url)}),
    );
    let failed = wait_for_import(&sandbox, pending["id"].as_str().unwrap());
    assert_eq!(failed["operationStatus"], "FAILED");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "timeout not applied"
    );

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
    set_media_settings(&sandbox, json!({"maxUploadBytes": 100_000}));
    let pending = import(
        &sandbox,
        json!({"url": format!("{}/big.png", server.base_url)}),
    );
    let failed = wait_for_import(&sandbox, pending["id"].as_str().unwrap());
    assert_eq!(failed["operationStatus"], "FAILED");
    assert!(
        files_in(&media_dir).is_empty(),
        "{:?}",
        files_in(&media_dir)
    );
}

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

    let faults = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/faults"))
        .json(&json!({"failRate": 1.0}))
        .send();
    assert_eq!(faults.status, 200, "{}", faults.body);
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
    ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/faults"))
        .json(&json!({"failRate": 0.0}))
        .send();
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
    let seen = get_file(&first, DEFAULT_TEST_SITE, &id);
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert_eq!(seen.json()["file"]["media"]["image"]["image"]["width"], 64);
    assert!(fetch(&first.url(&format!("/_sandbox/media/{id}"))).raw == bytes);
}

#[test]
fn a_client_hanging_up_mid_upload_leaves_no_partial_file() {
    use std::io::Write;
    let (sandbox, media_dir) = file_sandbox();
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let path = url.strip_prefix(&sandbox.base_url).unwrap();
    let host = sandbox.base_url.strip_prefix("http://").unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    let head = format!(
        "PUT {path}?filename=cut.png HTTP/1.1\r\nHost: {host}\r\nContent-Type: image/png\r\n\
         Content-Length: 5000000\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&png(10, 10, 400_000)).unwrap();
    // Wait until the partial file exists, then hang up.
    let deadline = Instant::now() + Duration::from_secs(10);
    while files_in(&media_dir).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the upload never reached the disk"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(stream);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !files_in(&media_dir).is_empty() {
        assert!(
            Instant::now() < deadline,
            "partial file left behind: {:?}",
            files_in(&media_dir)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The server is fine afterwards.
    let resp = put(&url, "ok.png", "image/png", &png(10, 10, 10));
    assert_eq!(resp.status, 200, "{}", resp.body);
}
