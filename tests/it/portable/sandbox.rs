//! The sandbox's side: `generate-file-download-url` answers a URL of the original for a file of
//! the site's Media Manager (and 404 for anything else, as stock media is not there), the URL serves
//! the exact bytes without credentials until it expires, and the seeded media have real bytes.

use super::*;

fn download_url(sandbox: &Sandbox, site: &str, body: Value) -> crate::common::http::Response {
    sandbox
        .request("POST", "/site-media/v1/files/generate-file-download-url")
        .header("wix-site-id", site)
        .json(&body)
        .send()
}

/// An empty sandbox whose test site holds one real picture, "dunes.jpg"; its file descriptor.
fn sandbox_with_dunes() -> (Sandbox, Value) {
    let sandbox = Sandbox::empty();
    let file = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "dunes.jpg",
        "image/jpeg",
        DUNES,
    );
    (sandbox, file)
}

#[test]
fn a_download_url_serves_the_original_bytes_and_only_for_the_sites_own_files() {
    let (sandbox, file) = sandbox_with_dunes();
    let id = file["id"].as_str().unwrap();
    let answer = ok(download_url(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"fileId": id, "downloadFileName": "sunset \"dunes\".jpg"}),
    ));
    let urls = answer["downloadUrls"].as_array().unwrap();
    assert_eq!(urls.len(), 1, "{answer}");
    assert_eq!(urls[0]["assetKey"], "src");
    let url = urls[0]["url"].as_str().unwrap();
    // No credentials: the URL is the credential.
    let got = crate::common::http::Request::new("GET", url).send();
    assert_eq!(got.status, 200);
    assert_eq!(got.raw, DUNES);
    assert_eq!(got.header("content-type"), Some("image/jpeg"));
    assert_eq!(
        got.header("content-disposition"),
        Some("attachment; filename=\"sunset _dunes_.jpg\"")
    );
    // The Wix media URL form of the id is taken too.
    let wix_url = format!("wix:image://v1/{id}/dunes.jpg#originWidth=480&originHeight=320");
    ok(download_url(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"fileId": wix_url}),
    ));

    // Another site's file, an unknown id, no id: as Wix would answer.
    let other = download_url(&sandbox, OTHER_SITE, json!({"fileId": id}));
    assert_app_error(&other, 404, "FILE_NOT_FOUND");
    let stock = download_url(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"fileId": "nsplsh_5033495a6d5a6a4e6c5f6e~mv2.jpg"}),
    );
    assert_app_error(&stock, 404, "FILE_NOT_FOUND");
    assert_violation(
        &download_url(&sandbox, DEFAULT_TEST_SITE, json!({})),
        "fileId",
    );
    assert_violation(
        &download_url(
            &sandbox,
            DEFAULT_TEST_SITE,
            json!({"fileId": id, "assetKeys": ["720p"]}),
        ),
        "assetKeys",
    );
    // It is an API call (logged, authenticated); the download itself is not.
    assert_eq!(
        sandbox.logged("POST", "generate-file-download-url").len(),
        6
    );
    assert!(sandbox.logged("GET", "/_sandbox/download/").is_empty());
    let anonymous = sandbox
        .request("POST", "/site-media/v1/files/generate-file-download-url")
        .without_header("Authorization")
        .json(&json!({"fileId": id}))
        .send();
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
}

#[test]
fn an_expired_download_url_is_refused() {
    let (sandbox, file) = sandbox_with_dunes();
    let answer = ok(download_url(
        &sandbox,
        DEFAULT_TEST_SITE,
        json!({"fileId": file["id"], "expirationInMinutes": 1}),
    ));
    let url = answer["downloadUrls"][0]["url"]
        .as_str()
        .unwrap()
        .to_string();
    // The same URL with an expiry in the past (the query is the sandbox's own token).
    let (base, query) = url.split_once('?').unwrap();
    let past: String = query
        .split('&')
        .map(|pair| {
            if pair.starts_with("expires=") {
                format!("expires={}", now_millis() - 1)
            } else {
                pair.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("&");
    let expired = crate::common::http::Request::new("GET", &format!("{base}?{past}")).send();
    assert_eq!(expired.status, 403, "{}", expired.body);
    assert_eq!(
        expired.json()["details"]["applicationError"]["code"],
        "DOWNLOAD_URL_EXPIRED"
    );
    let fine = crate::common::http::Request::new("GET", &url).send();
    assert_eq!(fine.status, 200);
}

#[test]
fn every_seeded_media_file_has_real_bytes_behind_its_download_url() {
    let sandbox = Sandbox::start();
    let seeded = [
        (
            "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
            "image/jpeg",
        ),
        (
            "468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg",
            "image/jpeg",
        ),
        ("11062b_20125b6ebe434abd96c4d7773634d1db", "video/mp4"),
        (
            "11062b_20125b6ebe434abd96c4d7773634d1dbf000.jpg",
            "image/jpeg",
        ),
        (
            "11062b_20125b6ebe434abd96c4d7773634d1dbf003.jpg",
            "image/jpeg",
        ),
    ];
    for (id, mime) in seeded {
        let answer = ok(download_url(&sandbox, SEED_SITE, json!({"fileId": id})));
        let url = answer["downloadUrls"][0]["url"].as_str().unwrap();
        assert!(
            url.starts_with(&sandbox.base_url),
            "{url}: served by the sandbox, offline"
        );
        let got = crate::common::http::Request::new("GET", url).send();
        assert_eq!(got.status, 200, "{id}");
        assert_eq!(got.header("content-type"), Some(mime), "{id}");
        match mime {
            "image/jpeg" => assert!(got.raw.starts_with(&[0xFF, 0xD8, 0xFF]), "{id}"),
            _ => assert_eq!(&got.raw[4..8], b"ftyp", "{id}"),
        }
    }
}
