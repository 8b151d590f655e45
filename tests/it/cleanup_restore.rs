//! Undo: restore after `items bulk-delete`, `items delete` and `galleries delete` gives back
//! identical items (apart from ids and dates: same sortOrder, titles, descriptions, media, links,
//! tags and everything else), and running a restore twice duplicates nothing.

use serde_json::Value;

use crate::cleanup_support::*;
use crate::common::*;

#[test]
fn restore_after_bulk_delete_gives_back_identical_items_and_twice_adds_nothing() {
    let sandbox = Sandbox::empty();
    let (g, ids) = mixed_gallery(&sandbox);
    let before = sandbox.items(&g);
    let deleted = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        "duplicate-media or type=TEXT or alt-missing",
        "--yes",
        "-o",
        "jsonl",
    ]));
    deleted.success();
    assert_eq!(with_status(&deleted.json_lines(), "deleted").len(), 5);
    assert_eq!(sandbox.items(&g).len(), 3);
    let journal = journal_path(&deleted);

    let restored =
        run(sandbox
            .cli()
            .args(["items", "restore", "--journal", &journal, "-o", "jsonl"]));
    restored.success();
    let outcomes = restored.json_lines();
    assert_eq!(outcomes.len(), 5);
    assert!(
        outcomes.iter().all(|o| o["status"] == "restored"),
        "{outcomes:?}"
    );
    let original: std::collections::BTreeSet<String> = outcomes
        .iter()
        .map(|o| o["originalId"].as_str().unwrap().to_string())
        .collect();
    assert!(original.contains(&ids["sunset-copy"]) && original.contains(&ids["notes"]));
    assert!(
        restored.stderr.contains("restored 5 of 5 item(s)"),
        "{}",
        restored.stderr
    );
    let after = sandbox.items(&g);
    assert_eq!(after.len(), 8);
    assert_eq!(
        contents_by_position(&after),
        contents_by_position(&before),
        "identical apart from ids and dates"
    );
    // Gallery order is the same too (sortOrder kept).
    let titles = |items: &[Value]| items.iter().map(|i| i["title"].clone()).collect::<Vec<_>>();
    assert_eq!(titles(&after), titles(&before));

    sandbox.clear_request_log();
    let again = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal, "-o", "jsonl"]));
    again.success();
    let outcomes = again.json_lines();
    let statuses: Vec<&str> = outcomes
        .iter()
        .map(|o| o["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["present"; 5], "{}", again.stdout);
    assert!(
        again.stderr.contains("restored 0 of 5 item(s)")
            && again.stderr.contains("5 already there"),
        "{}",
        again.stderr
    );
    assert!(
        sandbox.writes().is_empty(),
        "the second restore creates nothing"
    );
    assert_eq!(sandbox.items(&g).len(), 8);
}

#[test]
fn restore_after_item_delete_and_into_another_gallery() {
    let sandbox = Sandbox::empty();
    let (g, ids) = mixed_gallery(&sandbox);
    let before = sandbox.items(&g);
    let gone = run(sandbox.cli().args([
        "items",
        "delete",
        &g,
        &ids["sunset"],
        &ids["launch"],
        "--yes",
    ]));
    gone.success();
    let journal = journal_path(&gone);
    assert_eq!(sandbox.items(&g).len(), 6);
    for _ in 0..2 {
        run(sandbox
            .cli()
            .args(["items", "restore", "--journal", &journal]))
        .success();
        let after = sandbox.items(&g);
        assert_eq!(contents_by_position(&after), contents_by_position(&before));
    }
    // --gallery puts them elsewhere (same positions, same content), once.
    let other = sandbox.new_gallery("Elsewhere");
    for _ in 0..2 {
        run(sandbox.cli().args([
            "items",
            "restore",
            "--journal",
            &journal,
            "--gallery",
            &other,
        ]))
        .success();
    }
    let moved = sandbox.items(&other);
    assert_eq!(moved.len(), 2);
    let expected: Vec<Value> = before
        .iter()
        .filter(|i| i["id"] == ids["sunset"].as_str() || i["id"] == ids["launch"].as_str())
        .map(content)
        .collect();
    assert_eq!(moved.iter().map(content).collect::<Vec<_>>(), expected);
    // A journal that is not one is a usage error.
    let bogus = temp_file(sandbox.home.path(), "bogus.jsonl", "{\"hello\": 1}\n");
    run(sandbox
        .cli()
        .args(["items", "restore", "--journal", bogus.to_str().unwrap()]))
    .code(2);
}

#[test]
fn galleries_restore_brings_back_the_gallery_and_its_items_once() {
    let sandbox = Sandbox::empty();
    let (g, _) = mixed_gallery(&sandbox);
    let big = sandbox.generated_gallery(230);
    let gallery_before =
        sandbox.call_ok("GET", &format!("/galleries/{big}?itemLimit=1"), None)["gallery"].clone();
    let items_before = sandbox.items(&big);
    let mixed_before = sandbox.items(&g);

    let gone = run(sandbox.cli().args(["galleries", "delete", &big, "--yes"]));
    gone.success();
    let journal = journal_path(&gone);
    assert!(
        gone.stderr.contains("galleries restore --journal"),
        "{}",
        gone.stderr
    );
    assert_eq!(
        sandbox
            .call("GET", &format!("/galleries/{big}"), None)
            .status,
        404
    );
    // Items restore alone cannot go back into a deleted gallery: it says what to do.
    let wrong = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal]));
    wrong.code(5);
    assert!(
        wrong.stderr.contains("galleries restore"),
        "{}",
        wrong.stderr
    );

    let back =
        run(sandbox
            .cli()
            .args(["galleries", "restore", "--journal", &journal, "-o", "json"]));
    back.success();
    // One outcome per item, then the gallery's own, as it is with its items back.
    let outcomes = back.json();
    let outcomes = outcomes.as_array().unwrap();
    assert_eq!(outcomes.len(), 231, "230 items, then the gallery");
    assert!(outcomes[..230]
        .iter()
        .all(|o| o["status"] == "restored" && o["item"]["id"] == o["id"]));
    let last = &outcomes[230];
    assert_eq!(last["status"], "restored");
    assert_eq!(last["originalId"], big.as_str());
    let restored = &last["gallery"];
    let new_id = restored["id"].as_str().unwrap().to_string();
    assert_eq!(last["id"], new_id.as_str());
    assert_ne!(new_id, big);
    assert_eq!(restored["name"], gallery_before["name"]);
    assert_eq!(restored["sortOrder"], gallery_before["sortOrder"]);
    assert_eq!(restored["totalItems"], 230);
    let items_after = sandbox.items(&new_id);
    assert_eq!(
        contents_by_position(&items_after),
        contents_by_position(&items_before)
    );

    let again =
        run(sandbox
            .cli()
            .args(["galleries", "restore", "--journal", &journal, "-o", "id"]));
    again.success();
    assert_eq!(again.stdout.trim(), new_id, "the same gallery, found again");
    assert!(again.stderr.contains("already back"), "{}", again.stderr);
    assert_eq!(sandbox.items(&new_id).len(), 230);
    let galleries = sandbox.call_ok("GET", "/galleries?limit=10", None);
    assert_eq!(
        galleries["totalGalleries"], 2,
        "no second copy: {galleries}"
    );
    assert_eq!(
        sandbox.items(&g),
        mixed_before,
        "the other gallery is untouched"
    );
}

#[test]
fn restore_under_faults_brings_everything_back_exactly_once() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--fault-seed", "11"]);
    // Over 1000 items even after the delete, so a restored item sits in the middle, never on
    // the last page a create's reconciliation looks at.
    let g = sandbox.generated_gallery(1200);
    let before = sandbox.items(&g);
    let deleted = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        "title~\"item 55\"",
        "--yes",
        "-o",
        "id",
    ]));
    deleted.success();
    assert_eq!(deleted.lines().len(), 11);
    let journal = journal_path(&deleted);
    // Random 503s, and creates committed but answered 504 (the ambiguous case).
    sandbox
        .set_faults(serde_json::json!({"failRate": 0.1, "failAfterCommitRate": 0.5, "seed": 11}));
    let restored = run(sandbox.cli().args([
        "--retries",
        "10",
        "items",
        "restore",
        "--journal",
        &journal,
        "-o",
        "jsonl",
    ]));
    restored.success();
    assert_eq!(
        with_status(&restored.json_lines(), "restored").len(),
        11,
        "{}",
        restored.stderr
    );
    // Some creates landed unseen and their retry met the taken position: settled, not failed.
    assert!(sandbox.request_log().iter().any(|r| r["status"] == 409));
    sandbox.set_faults(serde_json::json!({"failRate": 0.0, "failAfterCommitRate": 0.0}));
    let after = sandbox.items(&g);
    assert_eq!(after.len(), 1200, "nothing duplicated");
    assert_eq!(contents_by_position(&after), contents_by_position(&before));
}

#[test]
fn a_large_restore_under_faults_outlasts_the_retries_and_duplicates_nothing() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--fault-seed", "7"]);
    let g = sandbox.generated_gallery(1200);
    let before = sandbox.items(&g);
    // Every fourth item, so the restored ones sit all over the gallery.
    let chosen: String = before
        .iter()
        .step_by(4)
        .map(|item| format!("{}\n", item["id"].as_str().unwrap()))
        .collect();
    let deleted = bulk_delete_ids(&sandbox, &g, chosen.as_bytes(), &["--yes", "-o", "id"]);
    deleted.success();
    assert_eq!(deleted.lines().len(), 300);
    let journal = journal_path(&deleted);
    sandbox.clear_request_log();
    sandbox.set_faults(serde_json::json!({"failRate": 0.2, "failAfterCommitRate": 0.05}));
    // Two attempts per request: many 503s outlast the client's retries; the restore must wait
    // them out, not fail the items (it exited 3 before), and settle the lost answers (504s).
    let restored = run(sandbox.cli().args([
        "--retries",
        "2",
        "items",
        "restore",
        "--journal",
        &journal,
        "-o",
        "jsonl",
    ]));
    restored.success();
    assert_eq!(
        with_status(&restored.json_lines(), "restored").len(),
        300,
        "{}",
        restored.stderr
    );
    let log = sandbox.request_log();
    let creates = |status: u64| {
        log.iter()
            .filter(|r| r["method"] == "POST" && r["status"] == status)
            .count()
    };
    assert!(creates(503) > 20, "faults were on: {} 503s", creates(503));
    assert!(creates(504) > 0, "some answers were lost after the commit");
    sandbox.set_faults(serde_json::json!({"failRate": 0.0, "failAfterCommitRate": 0.0}));
    let after = sandbox.items(&g);
    assert_eq!(after.len(), 1200, "nothing duplicated, nothing missing");
    assert_eq!(contents_by_position(&after), contents_by_position(&before));
}

#[test]
fn ctrl_c_stops_a_restore_after_the_creates_in_flight_and_a_rerun_finishes() {
    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(200);
    let before = sandbox.items(&g);
    let deleted =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--all", "--yes", "-o", "id"]));
    deleted.success();
    let journal = journal_path(&deleted);
    // Interrupt once the first create is on its way.
    let stopped = sandbox.ctrl_c_at_first_post(
        sandbox
            .cli()
            .args(["items", "restore", "--journal", &journal, "-o", "jsonl"]),
        200,
    );
    let stderr = &stopped.stderr;
    assert!(stderr.contains("interrupted: restored"), "{stderr}");
    let restored = with_status(&stopped.json_lines(), "restored").len();
    assert!(
        (1..200).contains(&restored),
        "{restored} restored; {stderr}"
    );
    assert_eq!(
        sandbox.items(&g).len(),
        restored,
        "the creates in flight finished and were reported"
    );
    let rerun = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal]));
    rerun.success();
    let after = sandbox.items(&g);
    assert_eq!(contents_by_position(&after), contents_by_position(&before));
}
