//! Uploads: generate-upload-url, the PUT of each format and of videos, refusals, the size cap,
//! tokens, per-site isolation, retried PUTs and clients hanging up mid-body.

use serde_json::json;

use super::*;
use crate::common::*;

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
        assert_eq!(file["hash"], md5_hex(&bytes));
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

    // An MP4 whose boxes cannot be read: processed as 1280×720 of unknown length.
    let clip = b"\x00\x00\x00\x18ftypmp42 not really a movie".to_vec();
    let video = upload(&sandbox, DEFAULT_TEST_SITE, "clip.mp4", "video/mp4", &clip);
    assert_eq!(video["mediaType"], "VIDEO");
    assert_eq!(video["operationStatus"], "READY");
    assert_eq!(
        video["media"]["video"]["resolutions"][0]["height"], 360,
        "{video}"
    );
    assert!(video["media"]["video"].get("duration").is_none(), "{video}");
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
    assert_eq!(put(&url, "empty.png", "image/png", b"").status, 400);
    // Declared an image, but the bytes are not one the header reader recognises: accepted, then
    // its processing fails (FAILED), and no bytes are kept.
    for (name, bytes) in [
        ("fake.png", b"this is not a png at all".to_vec()),
        ("cut.png", png(10, 10, 0)[..15].to_vec()),
    ] {
        let resp = put(&url, name, "image/png", &bytes);
        assert_eq!(resp.status, 200, "{}", resp.body);
        let pending = resp.json()["file"].clone();
        assert_eq!(pending["operationStatus"], "PENDING", "{pending}");
        let failed =
            wait_until_processed(&sandbox, DEFAULT_TEST_SITE, pending["id"].as_str().unwrap());
        assert_eq!(failed["operationStatus"], "FAILED", "{failed}");
        assert!(failed.get("media").is_none(), "{failed}");
        assert_eq!(fetch(failed["url"].as_str().unwrap()).status, 404);
    }
    // The other reading: refused at once.
    sandbox.set_media_settings(json!({"refuseUnreadableUploads": true}));
    let resp = put(&url, "fake.png", "image/png", b"this is not a png at all");
    assert_eq!(resp.status, 400, "{}", resp.body);
    assert!(resp.body.contains("not a readable image"), "{}", resp.body);
    assert!(
        names_in(&media_dir).is_empty(),
        "{:?}",
        names_in(&media_dir)
    );
}

#[test]
fn the_size_cap_answers_413_and_leaves_no_partial_file() {
    let (sandbox, media_dir) = file_sandbox();
    sandbox.set_media_settings(json!({"maxUploadBytes": 200_000}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let resp = put(&url, "huge.png", "image/png", &png(10, 10, 600_000));
    assert_eq!(resp.status, 413, "{}", resp.body);
    assert_eq!(code_of(&resp), "PAYLOAD_TOO_LARGE");
    assert!(
        names_in(&media_dir).is_empty(),
        "{:?}",
        names_in(&media_dir)
    );
    // Under the cap still works, on the same URL.
    let resp = put(&url, "small.png", "image/png", &png(10, 10, 100_000));
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(names_in(&media_dir).len(), 1);

    let bad = sandbox
        .admin("PUT", "/_sandbox/media-settings")
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
    let other = wait_until_processed(&sandbox, DEFAULT_TEST_SITE, other["id"].as_str().unwrap());
    assert_eq!(other["media"]["image"]["image"]["height"], 11);
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
    wait_for("the upload to reach the disk", || {
        !names_in(&media_dir).is_empty()
    });
    drop(stream);
    wait_for("the partial file to be removed", || {
        names_in(&media_dir).is_empty()
    });
    // The server is fine afterwards.
    let resp = put(&url, "ok.png", "image/png", &png(10, 10, 10));
    assert_eq!(resp.status, 200, "{}", resp.body);
}

#[test]
fn an_expired_upload_url_is_refused() {
    let sandbox = Sandbox::empty();
    sandbox.set_media_settings(json!({"uploadUrlLifetimeMs": 1}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    // Issued by the time the call returned, so expired a millisecond later; wait past that.
    wait_until_millis(now_millis() + 2);
    let resp = put(&url, "late.png", "image/png", &png(1, 1, 10));
    assert_eq!(resp.status, 403, "{}", resp.body);
    assert!(resp.body.contains("expired"), "{}", resp.body);
    sandbox.set_media_settings(json!({"uploadUrlLifetimeMs": 3_600_000}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    assert_eq!(put(&url, "ok.png", "image/png", &png(1, 1, 10)).status, 200);
}

#[test]
fn a_client_expecting_100_continue_is_refused_before_sending_its_body() {
    use std::io::{Read, Write};
    let sandbox = Sandbox::empty();
    sandbox.set_media_settings(json!({"maxUploadBytes": 1000}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let path = url.strip_prefix(&sandbox.base_url).unwrap();
    let host = sandbox.base_url.strip_prefix("http://").unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(CEILING)).unwrap();
    // Headers only: a client that honours Expect sends the body after `100 Continue`, never here.
    let head = format!(
        "PUT {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: image/png\r\n\
         Content-Length: 5000000\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = [0u8; 512];
    let n = stream.read(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}
