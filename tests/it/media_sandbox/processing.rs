//! Nothing is usable at once (spec §6): uploads answer PENDING for their processing time (images
//! briefly, videos longer), then READY, or FAILED for bytes that cannot be processed; bulk
//! `get-files`; and video descriptors with renditions, storyboards, posters and a duration.

use serde_json::json;

use super::*;
use crate::common::*;

#[test]
fn uploads_stay_pending_for_their_processing_time_then_read_ready() {
    // Long enough that the reads below surely come first.
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--media-ready-after",
        "60000",
        "--video-ready-after",
        "60000",
    ]);
    assert_eq!(
        sandbox.set_media_settings(json!({}))["imageReadyAfterMs"],
        60000
    );
    let image = upload_pending(
        &sandbox,
        DEFAULT_TEST_SITE,
        "a.png",
        "image/png",
        &png(4, 3, 50),
    );
    let id = image["id"].as_str().unwrap();
    // Size and hash are known at once; sizes, renditions and the bytes are not.
    assert_eq!(image["hash"], md5_hex(&png(4, 3, 50)));
    assert!(image.get("media").is_none(), "{image}");
    let again = get_file(&sandbox, DEFAULT_TEST_SITE, id).json()["file"].clone();
    assert_eq!(again["operationStatus"], "PENDING");
    assert_eq!(fetch(image["url"].as_str().unwrap()).status, 404);

    // Processing ends: READY with its sizes.
    sandbox.set_media_settings(json!({"imageReadyAfterMs": 0, "videoReadyAfterMs": 0}));
    let ready = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "b.png",
        "image/png",
        &png(4, 3, 60),
    );
    assert_eq!(ready["operationStatus"], "READY");
    assert_eq!(ready["media"]["image"]["image"]["width"], 4);
    // The earlier file keeps the time it was given.
    assert_eq!(
        get_file(&sandbox, DEFAULT_TEST_SITE, id).json()["file"]["operationStatus"],
        "PENDING"
    );
    for bad in [
        json!({"imageReadyAfterMs": -1}),
        json!({"getFilesUnknownIds": "x"}),
    ] {
        let resp = sandbox
            .admin("PUT", "/_sandbox/media-settings")
            .json(&bad)
            .send();
        assert_eq!(resp.status, 400, "{bad}: {}", resp.body);
    }
}

#[test]
fn a_video_is_described_with_renditions_storyboards_posters_and_duration() {
    let sandbox = Sandbox::empty();
    let bytes = mp4(1280, 720, 12_500, 20_000);
    let pending = upload_pending(&sandbox, DEFAULT_TEST_SITE, "clip.mp4", "video/mp4", &bytes);
    assert_eq!(pending["mediaType"], "VIDEO");
    let video = wait_until_processed(&sandbox, DEFAULT_TEST_SITE, pending["id"].as_str().unwrap());
    assert_eq!(video["operationStatus"], "READY", "{video}");
    let id = video["id"].as_str().unwrap();
    let media = &video["media"]["video"];
    assert_eq!(media["id"], id);
    assert_eq!(media["duration"], "12500");
    let resolutions = media["resolutions"].as_array().unwrap();
    let described: Vec<(String, u64, u64)> = resolutions
        .iter()
        .map(|r| {
            (
                format!(
                    "{}/{}",
                    r["format"].as_str().unwrap(),
                    r["quality"].as_str().unwrap()
                ),
                r["width"].as_u64().unwrap(),
                r["height"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            ("mp4/360p".to_string(), 640, 360),
            ("mp4/480p".to_string(), 854, 480),
            ("mp4/720p".to_string(), 1280, 720),
            ("storyboard/144p".to_string(), 256, 144),
            ("storyboard/240p".to_string(), 426, 240),
        ]
    );
    // Renditions serve the bytes; posters an image.
    let best = resolutions[2]["url"].as_str().unwrap();
    assert!(fetch(best).raw == bytes);
    let posters = media["posters"].as_array().unwrap();
    assert_eq!(posters.len(), 2);
    assert_eq!(posters[0]["id"], format!("{id}f000.jpg"));
    assert_eq!(
        (posters[0]["width"].as_u64(), posters[0]["height"].as_u64()),
        (Some(1280), Some(720))
    );
    let poster = fetch(posters[0]["url"].as_str().unwrap());
    assert_eq!(poster.status, 200);
    assert!(poster.raw.starts_with(b"\x89PNG"));
    assert_eq!(video["thumbnailUrl"], posters[0]["url"]);

    // A "video" in no container the sandbox knows cannot be processed.
    let failed = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "x.mp4",
        "video/mp4",
        b"plain text, no video",
    );
    assert_eq!(failed["operationStatus"], "FAILED", "{failed}");
    assert!(failed.get("media").is_none());
    let failed_id = failed["id"].as_str().unwrap();
    assert_eq!(
        fetch(&sandbox.url(&format!("/_sandbox/media/{failed_id}f000.jpg"))).status,
        404
    );
}

fn get_files(sandbox: &Sandbox, site: &str, ids: &[&str]) -> crate::common::http::Response {
    sandbox
        .request("POST", "/site-media/v1/files/get-files")
        .header("wix-site-id", site)
        .json(&json!({ "fileIds": ids }))
        .send()
}

#[test]
fn get_files_answers_many_files_in_the_order_asked() {
    let sandbox = Sandbox::empty();
    let a = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "a.gif",
        "image/gif",
        &gif(1, 2, 5),
    );
    let b = upload_pending(
        &sandbox,
        DEFAULT_TEST_SITE,
        "b.gif",
        "image/gif",
        &gif(3, 4, 5),
    );
    let other = upload(&sandbox, OTHER_SITE, "c.gif", "image/gif", &gif(5, 6, 5));
    let (a, b, other) = (
        a["id"].as_str().unwrap(),
        b["id"].as_str().unwrap(),
        other["id"].as_str().unwrap(),
    );
    let unknown = "abcdef_00000000000000000000000000000000~mv2.gif";
    let resp = get_files(&sandbox, DEFAULT_TEST_SITE, &[b, unknown, a, other, a]);
    assert_eq!(resp.status, 200, "{}", resp.body);
    let files = resp.json()["files"].as_array().cloned().unwrap();
    let ids: Vec<&str> = files.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [b, a], "unknown ids and another site's are left out");
    assert_eq!(
        files[1],
        get_file(&sandbox, DEFAULT_TEST_SITE, a).json()["file"]
    );

    // The other reading: an unknown id fails the request.
    sandbox.set_media_settings(json!({"getFilesUnknownIds": "fail"}));
    let resp = get_files(&sandbox, DEFAULT_TEST_SITE, &[a, unknown]);
    assert_eq!(resp.status, 404, "{}", resp.body);
    assert_eq!(code_of(&resp), "FILE_NOT_FOUND");
    assert_eq!(get_files(&sandbox, DEFAULT_TEST_SITE, &[a]).status, 200);

    let many: Vec<String> = (0..101).map(|i| format!("abcdef_{i:032}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    for ids in [&many[..], &[][..]] {
        let resp = get_files(&sandbox, DEFAULT_TEST_SITE, ids);
        assert_eq!(resp.status, 400, "{}", resp.body);
    }
}
