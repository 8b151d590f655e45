//! What the Media Manager does after it accepts a file, end to end through `items add`: files
//! are PENDING before READY (the client waits, asking for many at once with get-files, and shows
//! the wait), videos come back with renditions and posters, large files go through the resumable
//! upload and survive dropped connections, and "never add twice" holds after the local hash
//! cache is gone (through the Media Manager's own hashes, whatever their form) or when it was
//! written by an older version.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::*;
use crate::common::fake_server::{Answer, FakeServer, Gate};

/// Every line of every cache file under the data dir's media cache.
fn cache_files(home: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let root = home.join("data/media-cache");
    for site in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(site.unwrap().path()).unwrap() {
            found.push(file.unwrap().path());
        }
    }
    found
}

#[test]
fn pending_images_and_a_video_are_waited_for_and_each_item_is_created_once() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--media-ready-after",
        "700",
        "--video-ready-after",
        "2000",
    ]);
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.png", &png(640, 480, 3000));
    write(dir.path(), "b.jpg", &jpeg(1024, 768, 3000));
    write(dir.path(), "c.gif", &gif(33, 44, 300));
    write(dir.path(), "d.mp4", &mp4(1280, 720, 12_500, 30_000));
    let added = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["items", "add", &g])
        .arg(dir.path())
        .args(["-o", "jsonl"]));
    added.success();
    assert!(
        added.stderr.contains(" processing ["),
        "the wait is shown: {}",
        added.stderr
    );
    let items = sandbox.items(&g);
    assert_eq!(titles(&items), ["a", "b", "c", "d"]);
    // Created once each: a PENDING file has no sizes, so no item could be made before READY.
    let creates = sandbox.logged("POST", &format!("/galleries/{g}/items"));
    assert_eq!(creates.len(), 4, "{creates:?}");
    assert_eq!(
        image_sizes(&items[..3]),
        [(640, 480), (1024, 768), (33, 44)]
    );
    // The files waiting together were asked for together.
    let log = sandbox.request_log();
    let first_create = log
        .iter()
        .position(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/items"))
        .unwrap();
    let polls_before = log[..first_create]
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("/files/get-files"))
        .count();
    assert!(polls_before >= 1, "no get-files before the first create");

    // The video as Wix builds it: playable renditions best first, posters, duration.
    let video = &items[3]["video"];
    assert_eq!(items[3]["type"], "VIDEO");
    assert_eq!(video["type"], "WIX_MEDIA");
    assert_eq!(video["durationInMillis"], 12_500);
    let info = &video["videoInfo"];
    let qualities: Vec<(u64, u64)> = info["resolutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["width"].as_u64().unwrap(), r["height"].as_u64().unwrap()))
        .collect();
    assert_eq!(qualities, [(1280, 720), (854, 480), (640, 360)]);
    assert!(
        info["resolutions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["format"] != "storyboard"),
        "{info}"
    );
    assert_eq!(info["url"], info["resolutions"][0]["url"]);
    assert_eq!(info["filename"], "d.mp4");
    let posters = info["posters"].as_array().unwrap();
    assert_eq!(posters.len(), 2, "{info}");
    assert_eq!(posters[0]["width"], 1280);
    let id = info["id"].as_str().unwrap();
    assert_eq!(posters[0]["id"], format!("{id}f000.jpg"));
    // Printed as created: the poster is in the item's JSON on stdout too.
    let printed = added.json_lines();
    assert_eq!(
        printed[3]["item"]["video"]["videoInfo"]["posters"][0],
        posters[0]
    );
}

#[test]
fn fifty_files_added_again_after_the_hash_cache_is_deleted_add_nothing() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Fifty");
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50u32 {
        write(
            dir.path(),
            &format!("f{i:02}.png"),
            &png(10 + i, 10, 200 + i as usize),
        );
    }
    let add = || {
        let mut cmd = sandbox.cli();
        cmd.args(["items", "add", &g])
            .arg(dir.path())
            .args(["--concurrency", "8", "-o", "id"]);
        cmd
    };
    run(&mut add()).success();
    assert_eq!(sandbox.items(&g).len(), 50);

    for unknown_ids in ["omit", "fail"] {
        // The other reading of get-files, with an item whose media the Media Manager lacks.
        if unknown_ids == "fail" {
            sandbox.set_media_settings(json!({ "getFilesUnknownIds": "fail" }));
            sandbox.add_item(&g, image_item("stock"));
        }
        std::fs::remove_dir_all(sandbox.home.path().join("data/media-cache")).unwrap();
        sandbox.clear_request_log();
        let again = run(&mut add());
        again.success();
        assert!(
            again.stderr.contains("50 already there"),
            "{unknown_ids}: {}",
            again.stderr
        );
        assert_eq!(again.lines().len(), 50);
        assert_eq!(sandbox.logged("PUT", "/_sandbox/upload/").len(), 0);
        assert_eq!(sandbox.logged("POST", "generate-upload-url").len(), 0);
        assert_eq!(
            sandbox
                .logged("POST", &format!("/galleries/{g}/items"))
                .len(),
            0
        );
        let bulk = sandbox.logged("POST", "/files/get-files").len();
        let single = sandbox.logged("GET", "get-file-by-id").len();
        match unknown_ids {
            // One request for the 50: the media of a gallery are asked for together.
            "omit" => assert_eq!((bulk, single), (1, 0)),
            // Refused as a whole: asked one by one instead.
            _ => assert_eq!((bulk, single), (1, 51)),
        }
    }
    assert_eq!(sandbox.items(&g).len(), 51);
}

#[test]
fn a_hash_cache_written_by_an_older_version_is_still_used() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Old cache");
    let dir = tempfile::tempdir().unwrap();
    let files = [("x.png", png(3, 4, 100)), ("y.gif", gif(5, 6, 100))];
    for (name, bytes) in &files {
        write(dir.path(), name, bytes);
    }
    add_path(&sandbox, &g, dir.path());
    // Rewritten as the older version wrote it: the content's SHA-256 in `hash`, no wixHash.
    let caches = cache_files(sandbox.home.path());
    let [cache] = &caches[..] else {
        panic!("one cache file expected: {caches:?}");
    };
    let items = sandbox.items(&g);
    let old: String = items
        .iter()
        .zip(&files)
        .map(|(item, (_, bytes))| {
            json!({
                "hash": sha256_hex(bytes),
                "mediaId": item["image"]["imageInfo"]["id"],
                "itemId": item["id"],
            })
            .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(cache, old).unwrap();
    sandbox.clear_request_log();
    let again = add_path(&sandbox, &g, dir.path());
    assert!(again.stderr.contains("2 already there"), "{}", again.stderr);
    // Known from the cache alone: the Media Manager was not even asked.
    let media_calls: Vec<Value> = sandbox
        .request_log()
        .into_iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/site-media/"))
        .collect();
    assert!(media_calls.is_empty(), "{media_calls:?}");
}

#[test]
fn every_reading_of_the_media_managers_hash_works_and_none_fails_an_upload() {
    for form in ["sha256", "opaque"] {
        let sandbox = Sandbox::empty();
        sandbox.set_media_settings(json!({ "hashForm": form }));
        let g = sandbox.new_gallery(form);
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "p.png", &png(7, 7, 900));
        write(dir.path(), "q.jpg", &jpeg(8, 9, 900));
        let added = add_path(&sandbox, &g, dir.path());
        assert_eq!(sandbox.items(&g).len(), 2, "{form}: {}", added.stderr);
        std::fs::remove_dir_all(sandbox.home.path().join("data/media-cache")).unwrap();
        let again = add_path(&sandbox, &g, dir.path());
        assert!(
            again.stderr.contains("2 already there"),
            "{form}: {}",
            again.stderr
        );
        assert_eq!(sandbox.items(&g).len(), 2, "{form}");
    }
}

#[test]
fn a_media_url_that_never_answers_is_given_up_after_the_timeout() {
    // With a hash no algorithm explains, a same-size file of the gallery is told apart by reading
    // its URL; here the URL's server holds the request until the test ends.
    let never = Gate::new();
    let held = never.handle();
    let stalled = FakeServer::start(move |_, _| {
        held.wait();
        Answer::raw(200, "image/png", b"")
    });
    let sandbox = Sandbox::empty();
    sandbox.set_media_settings(json!({ "hashForm": "opaque" }));
    let g = sandbox.new_gallery("Stalled");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.png", &png(7, 7, 900));
    add_path(&sandbox, &g, dir.path());
    let mut item = sandbox.items(&g).remove(0);
    let id = item["id"].as_str().unwrap().to_string();
    item["image"]["imageInfo"]["url"] = json!(format!("{}/p.png", stalled.base_url));
    sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({ "item": { "id": id, "image": item["image"] } })),
    );
    std::fs::remove_dir_all(sandbox.home.path().join("data/media-cache")).unwrap();

    // Ended by --timeout (not the harness's ceiling): the content could not be compared, so the
    // file counts as new and is added.
    let again = run(sandbox
        .cli()
        .args(["--timeout", "2", "items", "add", &g])
        .arg(dir.path())
        .args(["-o", "id"]));
    again.success();
    assert_eq!(again.lines().len(), 1, "{}", again.stderr);
    assert_eq!(sandbox.items(&g).len(), 2);
    let asked = stalled.requests();
    assert!(
        asked
            .iter()
            .any(|r| r.method == "GET" && r.path() == "/p.png"),
        "{asked:?}"
    );
    never.open();
}

#[test]
fn a_large_file_goes_through_the_resumable_upload_and_survives_dropped_connections() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--drop-upload-after",
        "4000000",
        "--drop-upload-times",
        "2",
    ]);
    let g = sandbox.new_gallery("Large");
    let dir = tempfile::tempdir().unwrap();
    // Past the 10 MB at which Wix recommends the resumable upload.
    let bytes = png(5000, 4000, 11 * 1024 * 1024);
    write(dir.path(), "huge.png", &bytes);
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("huge.png"))
        .args(["-o", "json"]));
    added.success();
    let item = added.json();
    assert_eq!(item["image"]["imageInfo"]["width"], 5000);
    assert_eq!(
        sandbox
            .logged("POST", "generate-resumable-upload-url")
            .len(),
        1
    );
    assert_eq!(sandbox.logged("POST", "generate-upload-url").len(), 0);
    // Cut twice, resumed twice: three PATCHes, each from the server's offset.
    let patches = sandbox.logged("PATCH", "/_sandbox/resumable/uploads/");
    assert_eq!(patches.len(), 3, "{patches:?}");
    assert!(sandbox.logged("HEAD", "/_sandbox/resumable/uploads/").len() >= 2);
    let id = item["image"]["imageInfo"]["id"].as_str().unwrap();
    let file = sandbox
        .request(
            "GET",
            &format!("/site-media/v1/files/get-file-by-id?fileId={id}"),
        )
        .send()
        .json();
    assert_eq!(file["file"]["hash"], md5_hex(&bytes));
    assert_eq!(file["file"]["sizeInBytes"], bytes.len().to_string());
}

#[test]
fn an_import_is_sent_with_its_type_and_a_name_with_an_extension() {
    let image = gif(12, 13, 50);
    let served = image.clone();
    let server = FakeServer::start(move |seen, _| match seen.method.as_str() {
        "HEAD" => Answer::raw(200, "image/gif", b""),
        _ => Answer::raw(200, "image/gif", &served),
    });
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Imports");
    let url = format!("{}/download/blob", server.base_url);
    let added = run(sandbox.cli().args(["items", "add", &g, &url, "-o", "json"]));
    added.success();
    assert_eq!(added.json()["image"]["imageInfo"]["height"], 13);
    let imports = sandbox.logged("POST", "/files/import");
    assert_eq!(imports.len(), 1);
    let body: Value = match &imports[0]["body"] {
        Value::String(text) => serde_json::from_str(text).unwrap(),
        other => other.clone(),
    };
    assert_eq!(body["mimeType"], "image/gif", "{body}");
    assert_eq!(body["displayName"], "blob.gif", "{body}");
    assert!(
        server.requests().iter().any(|r| r.method == "HEAD"),
        "the type came from HEAD"
    );
}
