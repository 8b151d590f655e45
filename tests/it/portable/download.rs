//! `items download`: the selected items' files in gallery order and `mapping.jsonl` (item id, media
//! id, type, path, original URL), with `--where` and ids, and a rerun that fetches nothing twice.

use super::*;

#[test]
fn the_selected_items_files_and_their_mapping() {
    let sandbox = Sandbox::empty();
    let g = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Shop", 20);
    let out = tempfile::tempdir().unwrap();
    let videos = out.path().join("videos");
    let result = run(sandbox
        .cli()
        .args(["items", "download", &g])
        .arg(&videos)
        .args(["--where", "type=VIDEO", "-o", "jsonl"]));
    result.success();
    // Items 6, 7, 16, 17 are Wix videos; 9 and 19 YouTube links (no file).
    assert_eq!(
        names_in(&videos),
        [
            "0001-item-0006.mp4",
            "0002-item-0007.mp4",
            "0004-item-0016.mp4",
            "0005-item-0017.mp4",
            "mapping.jsonl",
        ]
    );
    let mapping = read_lines(&videos.join("mapping.jsonl"));
    assert_eq!(mapping.len(), 6);
    let items = sandbox.items(&g);
    let six = items.iter().find(|i| i["title"] == "Item 0006").unwrap();
    assert_eq!(mapping[0]["itemId"], six["id"]);
    assert_eq!(mapping[0]["mediaId"], six["video"]["videoInfo"]["id"]);
    assert_eq!(mapping[0]["type"], "VIDEO");
    assert_eq!(mapping[0]["path"], "0001-item-0006.mp4");
    assert_eq!(mapping[0]["url"], six["video"]["videoInfo"]["url"]);
    assert_eq!(
        std::fs::read(videos.join("0001-item-0006.mp4")).unwrap(),
        VIDEO
    );
    assert_eq!(mapping[0]["sha256"], sha256_hex(VIDEO));
    assert_eq!(
        mapping[2]["path"],
        Value::Null,
        "a YouTube link has no file"
    );
    assert_eq!(mapping[2]["url"], "https://www.youtube.com/watch?v=video9");
    // stdout: the same lines.
    let printed = result.json_lines();
    assert_eq!(printed, mapping);

    sandbox.clear_request_log();
    run(sandbox
        .cli()
        .args(["items", "download", &g])
        .arg(&videos)
        .args(["--where", "type=VIDEO"]))
    .success();
    assert!(sandbox
        .logged("POST", "generate-file-download-url")
        .is_empty());

    // Ids select too; an id not in the gallery is said, not fatal.
    let two = out.path().join("two");
    let first = items[0]["id"].as_str().unwrap();
    let result = run(sandbox
        .cli()
        .args(["items", "download", &g])
        .arg(&two)
        .args([first, "4c1e2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a31"]));
    result.success();
    assert!(
        result.stderr.contains("is not in gallery"),
        "{}",
        result.stderr
    );
    assert_eq!(names_in(&two), ["0001-item-0000.jpg", "mapping.jsonl"]);
    // A bad filter is exit 2 before anything.
    let bad = run(sandbox
        .cli()
        .args(["items", "download", &g])
        .arg(out.path().join("bad"))
        .args(["--where", "type="]));
    bad.code(2);
    assert!(!out.path().join("bad").exists());
}
