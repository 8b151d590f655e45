//! The resumable upload (spec §6): generate-resumable-upload-url, tus creation, PATCH with
//! Upload-Offset, HEAD to resume, the commit PUT; the offset rules; and a connection dropped
//! mid-PATCH by the fault, after which the upload resumes from what the server kept.

use base64::Engine as _;
use serde_json::{json, Value};

use super::*;
use crate::common::http::Request;
use crate::common::*;

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// `(uploadUrl, uploadToken)` for a resumable upload.
fn resumable_url(sandbox: &Sandbox, mime: &str) -> (String, String) {
    let resp = sandbox
        .request("POST", "/site-media/v1/files/generate-resumable-upload-url")
        .json(&json!({"mimeType": mime, "fileName": "big.bin", "uploadProtocol": "TUS"}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let body = resp.json();
    assert_eq!(body["uploadProtocol"], "TUS");
    (
        body["uploadUrl"].as_str().unwrap().to_string(),
        body["uploadToken"].as_str().unwrap().to_string(),
    )
}

/// tus creation; the upload's location.
fn create(endpoint: &str, token: &str, name: &str, mime: &str, length: usize) -> String {
    let resp = Request::new("POST", endpoint)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", &length.to_string())
        .header(
            "Upload-Metadata",
            &format!(
                "filename {},contentType {},token {}",
                b64(name),
                b64(mime),
                b64(token)
            ),
        )
        .send();
    assert_eq!(resp.status, 201, "{}", resp.body);
    resp.header("location").expect("a Location").to_string()
}

fn patch(
    location: &str,
    offset: usize,
    bytes: &[u8],
) -> Result<crate::common::http::Response, String> {
    Request::new("PATCH", location)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", &offset.to_string())
        .raw_body("application/offset+octet-stream", bytes)
        .try_send()
}

fn offset(location: &str) -> usize {
    let resp = Request::new("HEAD", location)
        .header("Tus-Resumable", "1.0.0")
        .send();
    assert_eq!(resp.status, 200);
    resp.header("upload-offset").unwrap().parse().unwrap()
}

fn commit(endpoint: &str, token: &str, name: &str) -> crate::common::http::Response {
    Request::new("PUT", &format!("{endpoint}/{token}?filename={name}")).send()
}

#[test]
fn a_resumable_upload_in_pieces_ends_in_one_file() {
    let sandbox = Sandbox::empty();
    let bytes = png(800, 600, 300_000);
    let (endpoint, token) = resumable_url(&sandbox, "image/png");
    assert_eq!(endpoint, sandbox.url("/_sandbox/resumable"));
    let location = create(&endpoint, &token, "big.png", "image/png", bytes.len());
    assert_eq!(offset(&location), 0);

    // Committing before every byte is there is refused.
    assert_eq!(commit(&endpoint, &token, "big.png").status, 400);
    let first = patch(&location, 0, &bytes[..100_000]).unwrap();
    assert_eq!(first.status, 204, "{}", first.body);
    assert_eq!(first.header("upload-offset"), Some("100000"));
    // An offset that is not the server's is a conflict that names the server's.
    let wrong = patch(&location, 50_000, &bytes[50_000..]).unwrap();
    assert_eq!(wrong.status, 409, "{}", wrong.body);
    assert_eq!(wrong.header("upload-offset"), Some("100000"));
    let rest = patch(&location, 100_000, &bytes[100_000..]).unwrap();
    assert_eq!(rest.status, 204, "{}", rest.body);
    assert_eq!(offset(&location), bytes.len());
    // Wrong media type of a PATCH; no tus header.
    let resp = Request::new("PATCH", &location)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", &bytes.len().to_string())
        .raw_body("application/json", b"{}")
        .send();
    assert_eq!(resp.status, 415);

    let done = commit(&endpoint, &token, "big.png");
    assert_eq!(done.status, 200, "{}", done.body);
    let file = done.json()["file"].clone();
    assert_eq!(file["operationStatus"], "PENDING");
    assert_eq!(file["displayName"], "big.png");
    assert_eq!(file["hash"], md5_hex(&bytes));
    assert_eq!(file["sizeInBytes"], bytes.len().to_string());
    // A repeated commit (its answer lost) answers the same file.
    let again = commit(&endpoint, &token, "big.png");
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["file"]["id"], file["id"]);
    let ready = wait_until_processed(&sandbox, DEFAULT_TEST_SITE, file["id"].as_str().unwrap());
    assert_eq!(ready["media"]["image"]["image"]["width"], 800);
    assert!(fetch(ready["url"].as_str().unwrap()).raw == bytes);
}

#[test]
fn creation_needs_a_valid_token_and_a_length() {
    let sandbox = Sandbox::empty();
    let endpoint = sandbox.url("/_sandbox/resumable");
    let no_token = Request::new("POST", &endpoint)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "10")
        .send();
    assert_eq!(no_token.status, 403, "{}", no_token.body);
    let forged = Request::new("POST", &endpoint)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "10")
        .header("Upload-Metadata", &format!("token {}", b64("made-up")))
        .send();
    assert_eq!(forged.status, 403, "{}", forged.body);
    let (_, token) = resumable_url(&sandbox, "video/mp4");
    let no_length = Request::new("POST", &endpoint)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Metadata", &format!("token {}", b64(&token)))
        .send();
    assert_eq!(no_length.status, 400, "{}", no_length.body);
    sandbox.set_media_settings(json!({"maxUploadBytes": 1000}));
    let too_big = Request::new("POST", &endpoint)
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "1001")
        .header("Upload-Metadata", &format!("token {}", b64(&token)))
        .send();
    assert_eq!(too_big.status, 413, "{}", too_big.body);
    let bad = sandbox
        .request("POST", "/site-media/v1/files/generate-resumable-upload-url")
        .json(&json!({"mimeType": "video/mp4", "uploadProtocol": "FTP"}))
        .send();
    assert_eq!(bad.status, 400, "{}", bad.body);
}

#[test]
fn a_dropped_connection_keeps_what_arrived_and_the_upload_resumes_from_there() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--drop-upload-after",
        "200000",
        "--drop-upload-times",
        "2",
    ]);
    let faults: Value = sandbox.set_faults(json!({}));
    assert_eq!(faults["dropUploadAfterBytes"], 200000);
    let bytes = mp4(640, 360, 3000, 700_000);
    let (endpoint, token) = resumable_url(&sandbox, "video/mp4");
    let location = create(&endpoint, &token, "clip.mp4", "video/mp4", bytes.len());
    let mut starts = Vec::new();
    let mut cuts = 0;
    loop {
        let at = offset(&location);
        if at == bytes.len() {
            break;
        }
        starts.push(at);
        match patch(&location, at, &bytes[at..]) {
            Ok(resp) if resp.status == 204 => {}
            // Cut: a reset connection, or at best the 503 sent before closing it.
            Ok(resp) => {
                assert_eq!(resp.status, 503, "{}", resp.body);
                cuts += 1;
            }
            Err(_) => cuts += 1,
        }
        assert!(cuts <= 2, "cut more often than asked");
    }
    assert_eq!(cuts, 2);
    // Each resume started where the server's kept bytes ended, not from the start.
    assert_eq!(starts, [0, 200_000, 400_000]);
    let file = commit(&endpoint, &token, "clip.mp4").json()["file"].clone();
    assert_eq!(
        file["hash"],
        md5_hex(&bytes),
        "the pieces joined are the file"
    );
    let ready = wait_until_processed(&sandbox, DEFAULT_TEST_SITE, file["id"].as_str().unwrap());
    assert_eq!(ready["media"]["video"]["duration"], "3000");

    // A plain PUT is cut the same way, once armed again; its retry goes through.
    sandbox.set_faults(json!({"dropUploadAfterBytes": 1000, "dropUploadTimes": 1}));
    let url = upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let image = png(9, 9, 5000);
    let cut = Request::new("PUT", &format!("{url}?filename=x.png"))
        .raw_body("image/png", &image)
        .try_send();
    if let Ok(resp) = cut {
        assert_eq!(resp.status, 503, "not cut: {}", resp.body);
    }
    assert_eq!(put(&url, "x.png", "image/png", &image).status, 200);
}
