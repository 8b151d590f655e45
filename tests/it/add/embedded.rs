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
    failed.code(3);
    assert_eq!(
        failed.stderr.matches("no media file").count(),
        1,
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains(unknown), "{}", failed.stderr);
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
}
