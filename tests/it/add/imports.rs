//! URL imports served from a loopback HTTP server: the Media Manager fetches them, the CLI polls
//! until READY or FAILED (or its timeout), a 404 fails alone, and a re-run imports nothing again.

use std::time::Duration;

use super::*;
use crate::common::fake_server::{Answer, FakeServer};

#[test]
fn imports_from_a_loopback_server_with_failures_and_rerun() {
    let sandbox = Sandbox::empty();
    let g = new_gallery(&sandbox);
    let server = FakeServer::start(|seen, _| match seen.target.as_str() {
        "/photos/cat.png" => Answer::raw(200, "image/png", &png(640, 480, 2000)),
        "/photos/dog.jpg" => Answer::raw(200, "image/jpeg", &jpeg(800, 600, 100)),
        "/slow.gif" => {
            std::thread::sleep(Duration::from_secs(4));
            Answer::raw(200, "image/gif", &gif(5, 5, 10))
        }
        _ => Answer::raw(404, "text/plain", b"not here"),
    });
    let cat = format!("{}/photos/cat.png", server.base_url);
    let dog = format!("{}/photos/dog.jpg", server.base_url);
    let missing = format!("{}/photos/missing.png", server.base_url);
    let slow = format!("{}/slow.gif", server.base_url);
    let mut cmd = sandbox.cli();
    cmd.args([
        "items",
        "add",
        &g,
        &cat,
        &missing,
        "https://vimeo.com/76979871",
        &dog,
        &slow,
    ])
    .args(["--import-timeout", "1", "-o", "jsonl"]);
    let first = run(&mut cmd);
    first.code(3);
    let items = gallery_items(&sandbox, &g);
    assert_eq!(titles(&items), ["cat", "", "dog"]);
    let info = &items[0]["image"]["imageInfo"];
    assert_eq!(
        (info["width"].as_u64(), info["height"].as_u64()),
        (Some(640), Some(480))
    );
    assert_eq!(items[1]["video"]["type"], "VIMEO");
    assert!(
        first
            .stderr
            .lines()
            .any(|l| l.contains("missing.png") && l.contains("FAILED")),
        "{}",
        first.stderr
    );
    assert!(
        first
            .stderr
            .lines()
            .any(|l| l.contains("slow.gif") && l.contains("--import-timeout")),
        "{}",
        first.stderr
    );
    assert_eq!(count_logged(&sandbox, "POST", "/files/import"), 4);
    assert!(
        count_logged(&sandbox, "GET", "get-file-by-id") >= 3,
        "imports are polled"
    );

    // Again: cat, dog and the video are there; the slow import finished meanwhile and is used
    // without importing it again; only the missing one is tried again.
    std::thread::sleep(Duration::from_secs(4));
    sandbox.clear_request_log();
    let second = run(&mut cmd);
    second.code(3);
    assert_eq!(count_logged(&sandbox, "POST", "/files/import"), 1);
    assert_eq!(
        titles(&gallery_items(&sandbox, &g)),
        ["cat", "", "dog", "slow"]
    );
    assert!(
        second.stderr.contains("3 already there"),
        "{}",
        second.stderr
    );
}
