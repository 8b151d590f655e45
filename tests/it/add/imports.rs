//! URL imports served from a loopback HTTP server: the Media Manager fetches them, the CLI polls
//! until READY or FAILED (or its timeout), a 404 fails alone, and a re-run imports nothing again.

use super::*;
use crate::common::fake_server::{Answer, FakeServer, Gate};

#[test]
fn imports_from_a_loopback_server_with_failures_and_rerun() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    // The slow file is held back until the first run has given up on it.
    let slow_gate = Gate::new();
    let held = slow_gate.handle();
    let server = FakeServer::start(move |seen, _| match seen.target.as_str() {
        "/photos/cat.png" => Answer::raw(200, "image/png", &png(640, 480, 2000)),
        "/photos/dog.jpg" => Answer::raw(200, "image/jpeg", &jpeg(800, 600, 100)),
        "/slow.gif" => {
            held.wait();
            Answer::raw(200, "image/gif", &gif(5, 5, 10))
        }
        _ => Answer::raw(404, "text/plain", b"not here"),
    })
    .expect_targets(&[
        "/photos/cat.png",
        "/photos/dog.jpg",
        "/photos/missing.png",
        "/slow.gif",
    ]);
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
    let items = sandbox.items(&g);
    // The Vimeo link is titled by its video id.
    assert_eq!(titles(&items), ["cat", "76979871", "dog"]);
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
            .any(|l| l.contains("slow.gif") && l.contains("--ready-timeout")),
        "{}",
        first.stderr
    );
    assert_eq!(sandbox.logged("POST", "/files/import").len(), 4);
    // One waiting file is asked about with get-file-by-id, several at once with get-files:
    // which one a run uses depends on timing, so both count.
    let polled = polled_file_ids(&sandbox);
    assert!(polled.len() >= 3, "imports are polled: {polled:?}");

    // Again: cat, dog and the video are there; the slow import finished meanwhile and is used
    // without importing it again; only the missing one is tried again.
    let slow_import = polled
        .into_iter()
        .find(|id| id.ends_with("~mv2.gif"))
        .expect("the slow import was polled");
    slow_gate.open();
    let done = crate::media_sandbox::wait_for_import(&sandbox, &slow_import);
    assert_eq!(done["operationStatus"], "READY", "{done}");
    sandbox.clear_request_log();
    let second = run(&mut cmd);
    second.code(3);
    assert_eq!(sandbox.logged("POST", "/files/import").len(), 1);
    assert_eq!(
        titles(&sandbox.items(&g)),
        ["cat", "76979871", "dog", "slow"]
    );
    assert!(
        second.stderr.contains("3 already there"),
        "{}",
        second.stderr
    );
}

/// The distinct media ids the CLI asked the Media Manager about, by get-file-by-id or get-files.
fn polled_file_ids(sandbox: &Sandbox) -> std::collections::BTreeSet<String> {
    let one_by_one = sandbox.logged("GET", "get-file-by-id");
    let by_id = one_by_one.iter().flat_map(|r| {
        url::form_urlencoded::parse(r["query"].as_str().unwrap_or_default().as_bytes())
            .filter(|(name, _)| name == "fileId")
            .map(|(_, id)| id.into_owned())
            .collect::<Vec<_>>()
    });
    let together = sandbox.logged("POST", "/files/get-files");
    let in_bulk = together.iter().flat_map(|r| {
        r["body"]["fileIds"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| id.as_str().map(str::to_string))
    });
    by_id.chain(in_bulk).collect()
}
