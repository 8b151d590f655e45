//! `items add` in the embedded `--sandbox` mode, as the README shows it: the seeded site's Media
//! Manager knows the seed's own media (so a seeded media id can be added without --width and
//! --height), and a failing single source is reported once.

use std::path::Path;

use super::*;

const SEED_IMAGE: &str = "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg";
const SEED_VIDEO: &str = "11062b_20125b6ebe434abd96c4d7773634d1db";

fn embedded(home: &Path, args: &[&str]) -> Run {
    run(cli_in(home).arg("--sandbox").args(args))
}

fn embedded_gallery(home: &Path) -> String {
    let created = embedded(
        home,
        &["galleries", "create", "--name", "Media", "-o", "id"],
    );
    created.success();
    created.stdout.trim().to_string()
}

#[test]
fn the_seeded_media_can_be_added_by_id_in_the_embedded_sandbox() {
    let home = tempfile::tempdir().unwrap();
    let g = embedded_gallery(home.path());
    let image = embedded(
        home.path(),
        &[
            "items", "add", &g, SEED_IMAGE, "--alt", "Dunes", "-o", "json",
        ],
    );
    image.success();
    let info = &image.json()["image"]["imageInfo"];
    assert_eq!(info["id"], SEED_IMAGE);
    assert_eq!(
        info["url"],
        format!("https://static.wixstatic.com/media/{SEED_IMAGE}")
    );
    assert_eq!(
        (info["width"].as_u64(), info["height"].as_u64()),
        (Some(6446), Some(4298))
    );
    assert_eq!(info["altText"], "Dunes");

    let video = embedded(home.path(), &["items", "add", &g, SEED_VIDEO, "-o", "json"]);
    video.success();
    let info = &video.json()["video"]["videoInfo"];
    assert_eq!(info["id"], SEED_VIDEO);
    assert_eq!(
        info["url"],
        format!("https://video.wixstatic.com/video/{SEED_VIDEO}/1080p/mp4/file.mp4")
    );

    let listed = embedded(home.path(), &["items", "list", &g, "-o", "json"]);
    listed.success();
    assert_eq!(listed.json().as_array().map(Vec::len), Some(2));
}

#[test]
fn a_single_failing_source_is_reported_once() {
    let home = tempfile::tempdir().unwrap();
    let g = embedded_gallery(home.path());
    let unknown = "0a1b2c_00000000000000000000000000000000~mv2.jpg";
    let failed = embedded(home.path(), &["items", "add", &g, unknown, "--alt", "x"]);
    // Every source failed: not a partial failure (3) but the failure's own code, here a local 1.
    failed.code(1);
    assert_eq!(
        failed.stderr.matches("no media file").count(),
        1,
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains(unknown), "{}", failed.stderr);
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
}

/// The `image.imageInfo.url` of the only item of `gallery`, listed by an embedded command.
fn embedded_image_url(home: &Path, gallery: &str) -> String {
    let listed = embedded(home, &["items", "list", gallery, "-o", "json"]);
    listed.success();
    listed.json()[0]["image"]["imageInfo"]["url"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn files_added_in_embedded_mode_are_served_by_a_sandbox_serve_on_the_same_database() {
    let home = tempfile::tempdir().unwrap();
    let g = embedded_gallery(home.path());
    let dir = tempfile::tempdir().unwrap();
    let bytes = png(12, 7, 900);
    write(dir.path(), "dune.png", &bytes);
    let added = embedded(
        home.path(),
        &[
            "items",
            "add",
            &g,
            &dir.path().join("dune.png").to_string_lossy(),
            "-o",
            "id",
        ],
    );
    added.success();

    // A server on the same database (its default one in the data dir) is up: every answer,
    // also an embedded command's, names the media at that server, and it serves the bytes.
    let serve = Sandbox::start_in(home, &[]);
    let home = serve.home.path();
    let url = embedded_image_url(home, &g);
    assert!(
        url.starts_with(&format!("{}/_sandbox/media/", serve.base_url)),
        "{url} is not at {}",
        serve.base_url
    );
    let fetched = http::Request::new("GET", &url).send();
    assert_eq!(fetched.status, 200, "{url}: {}", fetched.body);
    assert_eq!(fetched.raw, bytes);
    assert_eq!(fetched.header("content-type"), Some("image/png"));

    // The server's own answers agree, and the seed's Wix URLs are left alone.
    let resp = http::Request::new(
        "GET",
        &serve.url(&format!("/progallery/v2/galleries/{g}/items")),
    )
    .header("Authorization", "any")
    .header("wix-site-id", crate::common::SEEDED_SITE)
    .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(resp.json()["items"][0]["image"]["imageInfo"]["url"], url);
    let seeded = embedded(
        home,
        &[
            "items",
            "list",
            "a59d43f0-0023-4ef2-8593-e38d2b668795",
            "-o",
            "json",
        ],
    );
    seeded.success();
    assert_eq!(
        seeded.json()[0]["image"]["imageInfo"]["url"],
        format!("https://static.wixstatic.com/media/{SEED_IMAGE}")
    );
}
