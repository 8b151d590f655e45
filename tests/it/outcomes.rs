//! One contract for bulk outcomes: every write verb that acts on many objects prints the same
//! per-object shape in `-o json`/`-o jsonl` (`{"id", "status", "error"}` first, then what the
//! verb knows: `originalId`, `source`, `item` or `gallery`), `-o id` lists the ids done or
//! present, and the summary and exit code come from one builder ("deleted 2 of 3 item(s) from
//! gallery G; 1 failed (listed above)", exit 3).
//!
//! Fixtures are made through the CLI itself (`progallery api` for the sandbox's admin endpoints),
//! so this file needs nothing from the shared helpers but a sandbox and a way to run the binary.

use std::io::{Read, Write};
use std::process::Stdio;
use std::sync::mpsc;

use serde_json::{json, Value};

use crate::common::*;

const STRANGER: &str = "99999999-9999-4999-8999-999999999999";

/// A gallery of `count` generated items; returns its id and the item ids in gallery order.
fn generated(sandbox: &Sandbox, count: u64) -> (String, Vec<String>) {
    let gallery = generated_by_cli(sandbox, count);
    let ids = run(sandbox
        .cli()
        .args(["items", "list", &gallery, "--all", "-o", "id"]));
    ids.success();
    let ids = ids.lines().iter().map(|s| s.to_string()).collect();
    (gallery, ids)
}

fn keys(outcome: &Value) -> Vec<String> {
    outcome.as_object().unwrap().keys().cloned().collect()
}

fn statuses(outcomes: &[Value]) -> Vec<&str> {
    outcomes
        .iter()
        .map(|o| o["status"].as_str().unwrap())
        .collect()
}

fn item_count(sandbox: &Sandbox, gallery: &str) -> usize {
    run(sandbox
        .cli()
        .args(["items", "list", gallery, "--all", "-o", "id"]))
    .lines()
    .len()
}

#[test]
fn items_delete_and_bulk_delete_print_the_same_outcomes() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 8);

    let deleted = run(sandbox.cli().args([
        "items", "delete", &g, &ids[0], &ids[1], "--yes", "-o", "jsonl",
    ]));
    deleted.success();
    let by_delete = deleted.json_lines();
    assert_eq!(statuses(&by_delete), ["deleted", "deleted"]);
    for (outcome, id) in by_delete.iter().zip(&ids) {
        assert_eq!(keys(outcome), ["id", "status", "error", "item"]);
        assert_eq!(outcome["id"], id.as_str());
        assert_eq!(outcome["item"]["id"], id.as_str(), "the item as it was");
        assert!(outcome["error"].is_null());
    }
    assert!(
        deleted
            .stderr
            .contains(&format!("deleted 2 of 2 item(s) from gallery {g}")),
        "{}",
        deleted.stderr
    );

    let bulk = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        &ids[2],
        &ids[3],
        STRANGER,
        "--yes",
        "-o",
        "jsonl",
    ]));
    bulk.success();
    let by_bulk = bulk.json_lines();
    let deleted_by_bulk: Vec<&Value> = by_bulk
        .iter()
        .filter(|o| o["status"] == "deleted")
        .collect();
    assert_eq!(deleted_by_bulk.len(), 2);
    for outcome in &deleted_by_bulk {
        assert_eq!(
            keys(outcome),
            keys(&by_delete[0]),
            "one shape for both verbs"
        );
        assert_eq!(outcome["item"]["id"], outcome["id"]);
    }
    let stranger = by_bulk.iter().find(|o| o["id"] == STRANGER).unwrap();
    assert_eq!(
        stranger,
        &json!({"id": STRANGER, "status": "skipped", "error": "not in the gallery"})
    );
    assert!(
        bulk.stderr.contains(&format!(
            "deleted 2 of 3 item(s) from gallery {g}; 1 skipped (already gone)"
        )),
        "{}",
        bulk.stderr
    );

    // -o json is one array of the same objects; -o id the ids that went, for either verb.
    let as_json = run(sandbox
        .cli()
        .args(["items", "delete", &g, &ids[4], "--yes", "-o", "json"]));
    as_json.success();
    let array = as_json.json();
    assert_eq!(array.as_array().unwrap().len(), 1);
    assert_eq!(keys(&array[0]), ["id", "status", "error", "item"]);
    let as_ids = run(sandbox
        .cli()
        .args(["items", "delete", &g, &ids[5], &ids[6], "--yes", "-o", "id"]));
    assert_eq!(as_ids.lines(), [ids[5].as_str(), ids[6].as_str()]);
    let bulk_ids = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        &ids[7],
        STRANGER,
        "--yes",
        "-o",
        "id",
    ]));
    assert_eq!(
        bulk_ids.lines(),
        [ids[7].as_str()],
        "the skipped id is not listed"
    );
    assert_eq!(item_count(&sandbox, &g), 0);
}

#[test]
fn an_item_delete_that_fails_for_one_id_goes_on_and_exits_3() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 3);
    // On a terminal the items are read, then the question waits for an answer: the failure is
    // switched on while it waits, so the reads went through and only the delete of ids[1] fails.
    let mut child = sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args([
            "items", "delete", &g, &ids[0], &ids[1], &ids[2], "-o", "jsonl",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let (sender, chunks) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    while !seen.contains("[y/N]") {
        let chunk = chunks
            .recv_timeout(CEILING)
            .unwrap_or_else(|e| panic!("no confirmation question ({e}): {seen}"));
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let faults = json!({ "failIds": [ids[1]] }).to_string();
    run(sandbox
        .cli()
        .args(["api", "PUT", "/_sandbox/faults", "--data", &faults]))
    .success();
    child.stdin.take().unwrap().write_all(b"y\n").unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    seen.extend(
        chunks
            .try_iter()
            .map(|c| String::from_utf8_lossy(&c).into_owned()),
    );
    assert_eq!(status.code(), Some(3), "{seen}");

    let outcomes: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(statuses(&outcomes), ["deleted", "failed", "deleted"]);
    let failed = &outcomes[1];
    assert_eq!(failed["id"], ids[1].as_str());
    assert!(
        failed["error"].as_str().unwrap().contains("HTTP 500"),
        "{failed}"
    );
    assert_eq!(
        failed["item"]["id"],
        ids[1].as_str(),
        "what was asked to go"
    );
    assert!(
        seen.contains(&format!("progallery: warning: failed: {} (", ids[1])),
        "{seen}"
    );
    assert!(
        seen.contains(&format!(
            "progallery: error: deleted 2 of 3 item(s) from gallery {g}; 1 failed (listed above)"
        )),
        "{seen}"
    );
    assert!(seen.contains("hint: run the same command again"), "{seen}");
    run(sandbox.cli().args([
        "api",
        "PUT",
        "/_sandbox/faults",
        "--data",
        r#"{"failIds": []}"#,
    ]))
    .success();
    assert_eq!(item_count(&sandbox, &g), 1);
}

#[test]
fn restore_outcomes_name_the_new_and_the_original_id() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 4);
    let gone = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        &ids[1],
        &ids[2],
        "--yes",
        "-o",
        "id",
    ]));
    gone.success();
    let journal = gone
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("journal: "))
        .unwrap()
        .trim()
        .to_string();
    let back = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal, "-o", "jsonl"]));
    back.success();
    let outcomes = back.json_lines();
    assert_eq!(statuses(&outcomes), ["restored", "restored"]);
    let mut originals = Vec::new();
    for outcome in &outcomes {
        assert_eq!(
            keys(outcome),
            ["id", "status", "error", "originalId", "item"]
        );
        assert_eq!(outcome["item"]["id"], outcome["id"], "the new item");
        assert_ne!(outcome["id"], outcome["originalId"]);
        originals.push(outcome["originalId"].as_str().unwrap().to_string());
    }
    originals.sort();
    let mut expected = vec![ids[1].clone(), ids[2].clone()];
    expected.sort();
    assert_eq!(originals, expected);

    // Again: both already there, listed by -o id with their current ids.
    let again = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal, "-o", "json"]));
    again.success();
    let again = again.json();
    assert_eq!(statuses(again.as_array().unwrap()), ["present", "present"]);
    let listed = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal, "-o", "id"]));
    let mut listed: Vec<String> = listed.lines().iter().map(|s| s.to_string()).collect();
    let mut new_ids: Vec<String> = outcomes
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    new_ids.sort();
    assert_eq!(listed, new_ids);
}

#[test]
fn add_with_several_sources_prints_an_outcome_per_source() {
    let sandbox = Sandbox::empty();
    let made = run(sandbox
        .cli()
        .args(["galleries", "create", "--name", "Add", "-o", "id"]));
    made.success();
    let g = made.stdout.trim().to_string();
    let unknown = "0a1b2c_00000000000000000000000000000000~mv2.jpg";
    let manifest = [
        json!({"text": "<p>a</p>", "title": "A"}),
        json!({"text": "<p>a</p>", "title": "A again"}),
        json!({"source": unknown, "title": "Missing"}),
        json!({"text": "<p>b</p>", "title": "B"}),
    ]
    .iter()
    .map(Value::to_string)
    .collect::<Vec<_>>()
    .join("\n");
    let file = temp_file(sandbox.home.path(), "m.jsonl", &manifest);
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(&file)
        .args(["-o", "jsonl"]));
    added.code(3);
    let outcomes = added.json_lines();
    assert_eq!(
        statuses(&outcomes),
        ["added", "duplicate", "failed", "added"]
    );
    let name = file.display().to_string();
    for (k, outcome) in outcomes.iter().enumerate() {
        let source = outcome["source"].as_str().unwrap();
        assert!(
            source.starts_with(&format!("{name} line {}", k + 1)),
            "{outcome}"
        );
    }
    assert_eq!(
        outcomes[2]["source"],
        format!("{name} line 3 ({unknown})").as_str()
    );
    assert_eq!(
        keys(&outcomes[0]),
        ["id", "status", "error", "source", "item"]
    );
    assert_eq!(outcomes[0]["item"]["title"], "A");
    assert_eq!(outcomes[0]["id"], outcomes[0]["item"]["id"]);
    assert!(outcomes[1]["id"].is_null() && outcomes[2]["id"].is_null());
    assert!(
        outcomes[1]["error"].as_str().unwrap().contains("line 1"),
        "{}",
        outcomes[1]
    );
    assert!(
        outcomes[2]["error"]
            .as_str()
            .unwrap()
            .contains("no media file"),
        "{}",
        outcomes[2]
    );
    assert!(outcomes[2].get("item").is_none());
    assert!(
        added.stderr.contains(&format!(
            "added 2 of 4 item(s) to gallery {g}; 1 repeated in the input; 1 failed (listed above)"
        )),
        "{}",
        added.stderr
    );
    assert!(
        added
            .stderr
            .contains(&format!("failed: {name} line 3 ({unknown}) (no media file")),
        "{}",
        added.stderr
    );

    // Again: what the gallery holds is `present` (the repeated row too, now that its content is
    // there), and -o id lists an id per source that has an item.
    let again = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(&file)
        .args(["-o", "id"]));
    again.code(3);
    let (a, b) = (
        outcomes[0]["id"].as_str().unwrap(),
        outcomes[3]["id"].as_str().unwrap(),
    );
    assert_eq!(again.lines(), [a, a, b]);
    assert!(again.stderr.contains("3 already there"), "{}", again.stderr);
    assert_eq!(item_count(&sandbox, &g), 2);

    // The outcomes feed --ids-from as they are: the lines without an item are passed over, so
    // an add can be undone with its own output.
    let undo = bulk_delete_ids(
        &sandbox,
        &g,
        added.stdout.as_bytes(),
        &["--yes", "-o", "id"],
    );
    undo.success();
    assert_eq!(undo.lines(), [a, b]);
    assert_eq!(item_count(&sandbox, &g), 0);
}

#[test]
fn update_from_a_file_prints_an_outcome_per_row() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 2);
    let ghost = "00000000-0000-4000-8000-000000000000";
    let edits = [
        json!({"id": ids[0], "title": "first"}),
        json!({"id": ghost, "title": "ghost"}),
        json!({"id": ids[1], "title": "second"}),
    ]
    .iter()
    .map(Value::to_string)
    .collect::<Vec<_>>()
    .join("\n");
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "update", &g, "--from-file", "-", "-o", "jsonl"]),
        Some(edits.as_bytes()),
    );
    out.code(3);
    let outcomes = out.json_lines();
    assert_eq!(statuses(&outcomes), ["updated", "failed", "updated"]);
    assert_eq!(outcomes[0]["item"]["title"], "first");
    assert_eq!(outcomes[2]["item"]["title"], "second");
    assert_eq!(outcomes[1]["id"], ghost);
    assert_eq!(outcomes[1]["source"], "stdin line 2");
    assert!(outcomes[1].get("item").is_none());
    assert!(
        outcomes[1]["error"].as_str().unwrap().contains("404"),
        "{}",
        outcomes[1]
    );
    assert!(
        out.stderr
            .contains(&format!("failed: stdin line 2 (item {ghost}) (")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!(
            "updated 2 of 3 item(s) in gallery {g}; 1 failed (listed above)"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn reorder_prints_what_moved_and_what_was_already_in_place() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 5);
    let mut wanted = ids.clone();
    let last = wanted.pop().unwrap();
    wanted.insert(0, last.clone());
    let list = wanted.join("\n");
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "reorder", &g, "--ids-from", "-", "-o", "jsonl"]),
        Some(list.as_bytes()),
    );
    out.success();
    let outcomes = out.json_lines();
    assert_eq!(
        statuses(&outcomes),
        ["moved", "skipped", "skipped", "skipped", "skipped"]
    );
    let listed: Vec<&str> = outcomes.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(listed, wanted, "in the wanted order");
    assert!(outcomes[0]["error"].is_null());
    assert_eq!(outcomes[1]["error"], "already in place");
    assert!(outcomes.iter().all(|o| o["item"]["id"] == o["id"]));
    assert!(
        out.stderr.contains(&format!(
            "moved 1 of 5 item(s) in gallery {g}; 4 already in place"
        )),
        "{}",
        out.stderr
    );
    // The same order again: nothing to move, and -o id lists nothing.
    let again = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "reorder", &g, "--ids-from", "-", "-o", "id"]),
        Some(list.as_bytes()),
    );
    again.success();
    assert!(again.stdout.is_empty(), "{}", again.stdout);
    let now = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "id"]));
    assert_eq!(now.lines(), wanted);
}

#[test]
fn an_id_named_twice_to_items_delete_is_deleted_and_journaled_once() {
    let sandbox = Sandbox::empty();
    let (g, ids) = generated(&sandbox, 2);
    let deleted = run(sandbox.cli().args([
        "items", "delete", &g, &ids[0], &ids[0], "--yes", "-o", "jsonl",
    ]));
    deleted.success();
    assert_eq!(statuses(&deleted.json_lines()), ["deleted"]);
    assert!(
        deleted
            .stderr
            .contains(&format!("deleted 1 of 1 item(s) from gallery {g}")),
        "{}",
        deleted.stderr
    );
    assert_eq!(item_count(&sandbox, &g), 1);
    // The journal holds it once, so its restore brings back one item, not two.
    let journal = deleted
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("journal: "))
        .and_then(|l| l.split(" (undo").next())
        .unwrap()
        .trim()
        .to_string();
    let back = run(sandbox
        .cli()
        .args(["items", "restore", "--journal", &journal, "-o", "jsonl"]));
    back.success();
    assert_eq!(statuses(&back.json_lines()), ["restored"]);
    assert_eq!(item_count(&sandbox, &g), 2);
}
