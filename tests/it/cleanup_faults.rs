//! Cleanup under faults: random 503s and committed-then-504 answers still delete exactly the
//! selection; permanently failing ids are isolated and listed (exit 3); 429s beyond the client's
//! retries slow the run instead of failing it; Ctrl-C stops after the batches in flight, leaves a
//! complete journal, exits 130, and re-running finishes the job.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::cleanup_support::*;
use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;

const SELECTION: &str = "title~\"item 1\"";

/// A scripted service's answer to `GET` gallery `g`: text items `ids` (titled by their ids), in
/// this order.
fn gallery_of_texts(g: &str, ids: &[&str]) -> Answer {
    let items: Vec<Value> = ids
        .iter()
        .zip(1..)
        .map(|(id, n)| json!({"id": id, "sortOrder": n, "title": id, "type": "TEXT", "text": {"html": "x"}}))
        .collect();
    let body = json!({"gallery": {"id": g, "totalItems": ids.len(), "items": items}});
    Answer::json(200, &body.to_string())
}

/// The CLI against a scripted service (API key, no site): `items bulk-delete G --all --yes -o
/// jsonl` with `retries` attempts a request.
fn bulk_delete_all(
    home: &std::path::Path,
    base_url: &str,
    g: &str,
    retries: &str,
) -> std::process::Command {
    let mut cmd = cli_in(home);
    cmd.env("PROGALLERY_BASE_URL", base_url)
        .env("WIX_API_KEY", TEST_API_KEY)
        .args([
            "--retries",
            retries,
            "items",
            "bulk-delete",
            g,
            "--all",
            "--yes",
            "-o",
            "jsonl",
        ]);
    cmd
}

fn selected_and_kept(items: &[Value]) -> (Vec<Value>, Vec<Value>) {
    items
        .iter()
        .cloned()
        .partition(|i| i["title"].as_str().unwrap().contains("item 1"))
}

#[test]
fn under_random_faults_a_2000_item_cleanup_deletes_exactly_the_selection() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--fail-rate",
        "0.2",
        "--fail-after-commit-rate",
        "0.05",
        "--fault-seed",
        "7",
    ]);
    // Seed without faults, then turn them on.
    sandbox.set_faults(json!({"failRate": 0.0, "failAfterCommitRate": 0.0}));
    let g = sandbox.generated_gallery(2000);
    let bystander = sandbox.generated_gallery(50);
    let before = sandbox.items(&g);
    let bystander_before = sandbox.items(&bystander);
    let (selected, kept) = selected_and_kept(&before);
    assert_eq!(selected.len(), 1111);
    sandbox.set_faults(json!({"failRate": 0.2, "failAfterCommitRate": 0.05, "seed": 7}));

    let done = run(sandbox.cli().args([
        "--retries",
        "10",
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--yes",
        "-o",
        "jsonl",
    ]));
    done.success();
    let outcomes = done.json_lines();
    assert_eq!(
        with_status(&outcomes, "deleted"),
        ids_of(&selected),
        "{}",
        done.stderr
    );
    assert_eq!(outcomes.len(), 1111);
    let log = sandbox.request_log();
    assert!(
        log.iter().any(|r| r["status"] == 503),
        "faults were injected"
    );

    sandbox.set_faults(json!({"failRate": 0.0, "failAfterCommitRate": 0.0}));
    let after = sandbox.items(&g);
    assert_eq!(after, kept, "no selected item left, no other item touched");
    assert_eq!(sandbox.items(&bystander), bystander_before);
}

#[test]
fn permanently_failing_ids_are_isolated_and_listed_with_exit_3() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--fault-seed", "3"]);
    let g = sandbox.generated_gallery(2000);
    let before = sandbox.items(&g);
    let (selected, kept) = selected_and_kept(&before);
    // One in each batch (1000 + 111).
    let failing: BTreeSet<String> = [&selected[3], &selected[1050]]
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    sandbox.set_faults(json!({"failIds": failing.iter().collect::<Vec<_>>()}));

    sandbox.clear_request_log();
    let done = run(sandbox.cli().args([
        "--retries",
        "2",
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--yes",
        "-o",
        "jsonl",
    ]));
    done.code(3);
    // Isolated by splitting, not one id at a time: per batch at most two attempts of the batch
    // and of the failing part at each of three levels of ten.
    let deletes = sandbox.logged("POST", "/items/delete").len();
    assert!(deletes <= 2 * 2 * (1 + 3 * 10), "{deletes} delete requests");
    let outcomes = done.json_lines();
    assert_eq!(with_status(&outcomes, "failed"), failing);
    assert_eq!(with_status(&outcomes, "deleted").len(), selected.len() - 2);
    for o in outcomes.iter().filter(|o| o["status"] == "failed") {
        assert!(o["error"].as_str().unwrap().contains("HTTP 500"), "{o}");
    }
    let listed: BTreeSet<String> = done
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("progallery: warning: failed: "))
        .map(|l| l.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(listed, failing, "{}", done.stderr);
    assert!(
        done.stderr.contains(&format!(
            "deleted {} of {} item(s)",
            selected.len() - 2,
            selected.len()
        )),
        "{}",
        done.stderr
    );
    assert!(done.stderr.contains("2 failed"), "{}", done.stderr);

    sandbox.set_faults(json!({"failIds": []}));
    let left = ids_of(&sandbox.items(&g));
    let expected: BTreeSet<String> = ids_of(&kept).union(&failing).cloned().collect();
    assert_eq!(left, expected);
    // Re-running finishes the job.
    let rerun = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--yes",
        "-o",
        "id",
    ]));
    rerun.success();
    assert_eq!(printed_ids(&rerun), failing);
    assert_eq!(ids_of(&sandbox.items(&g)), ids_of(&kept));
}

#[test]
fn rate_limit_answers_beyond_the_retries_slow_the_run_instead_of_failing_it() {
    let g = "0c0c0c0c-0000-4000-8000-000000000001";
    let a = "0c0c0c0c-0000-4000-8000-00000000000a";
    let b = "0c0c0c0c-0000-4000-8000-00000000000b";
    let posts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = posts.clone();
    let server = FakeServer::start(move |seen, _| {
        if seen.method == "GET" {
            return gallery_of_texts(g, &[a, b]);
        }
        // Five 429s in a row: more than the client's two attempts, twice over.
        if counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < 5 {
            return Answer::json(429, r#"{"message":"RESOURCE_EXHAUSTED: slow down"}"#)
                .header("Retry-After", "0");
        }
        Answer::json(200, &json!({"itemIds": [a, b]}).to_string())
    });
    let home = tempfile::tempdir().unwrap();
    let done = run(&mut bulk_delete_all(home.path(), &server.base_url, g, "2"));
    done.success();
    assert_eq!(
        with_status(&done.json_lines(), "deleted"),
        [a, b].iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(posts.load(std::sync::atomic::Ordering::SeqCst), 6);
}

#[test]
fn ctrl_c_stops_after_the_batches_in_flight_and_a_rerun_finishes() {
    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(3000);
    // Interrupt once the first delete is on its way.
    let stopped = sandbox.ctrl_c_at_first_post(
        sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--all", "--yes", "-o", "jsonl"]),
        300,
    );
    let stderr = &stopped.stderr;
    assert!(stderr.contains("interrupted: deleted"), "{stderr}");
    let outcomes = stopped.json_lines();
    let deleted = with_status(&outcomes, "deleted");
    assert!(
        (1000..3000).contains(&deleted.len()),
        "{} deleted; {stderr}",
        deleted.len()
    );
    assert_eq!(
        with_status(&outcomes, "not_sent").len(),
        3000 - deleted.len()
    );
    let left = sandbox.items(&g);
    assert_eq!(
        left.len(),
        3000 - deleted.len(),
        "what was reported is what happened"
    );
    assert!(ids_of(&left).is_disjoint(&deleted));
    // The journal holds at least everything that went.
    let path = stderr
        .lines()
        .find_map(|l| l.strip_prefix("journal: "))
        .map(|l| l.split(" (undo").next().unwrap().to_string())
        .unwrap();
    let journaled: BTreeSet<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["kind"] == "item")
        .map(|l| l["item"]["id"].as_str().unwrap().to_string())
        .collect();
    assert!(journaled.is_superset(&deleted));
    // The same command again finishes the job.
    let rerun = run(sandbox
        .cli()
        .args(["items", "bulk-delete", &g, "--all", "--yes", "-o", "id"]));
    rerun.success();
    assert_eq!(printed_ids(&rerun), ids_of(&left));
    assert!(sandbox.items(&g).is_empty());
}

#[test]
fn answers_are_verified_against_the_ids_asked_for() {
    let g = "0d0d0d0d-0000-4000-8000-000000000001";
    let a = "0d0d0d0d-0000-4000-8000-00000000000a";
    let b = "0d0d0d0d-0000-4000-8000-00000000000b";
    let stranger = "0d0d0d0d-0000-4000-8000-0000000000ff";
    let posts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = posts.clone();
    let server = FakeServer::start(move |seen, _| {
        if seen.method == "GET" {
            return gallery_of_texts(g, &[a, b]);
        }
        match counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) {
            // Run 1: the delete is applied but its answer is lost; the retry finds both gone.
            0 => Answer::json(504, r#"{"message":"DEADLINE_EXCEEDED: committed"}"#),
            1 => Answer::json(200, r#"{"itemIds": []}"#),
            // Run 2: the service claims an id nobody asked for, and not b.
            _ => Answer::json(200, &json!({"itemIds": [a, stranger]}).to_string()),
        }
    });
    let home = tempfile::tempdir().unwrap();
    let bulk = || run(&mut bulk_delete_all(home.path(), &server.base_url, g, "3"));
    let lost_answer = bulk();
    lost_answer.success();
    let both: BTreeSet<String> = [a, b].iter().map(|s| s.to_string()).collect();
    assert_eq!(
        with_status(&lost_answer.json_lines(), "deleted"),
        both,
        "deleted by the attempt whose answer was lost"
    );

    let odd = bulk();
    odd.code(3);
    let outcomes = odd.json_lines();
    assert_eq!(
        with_status(&outcomes, "deleted"),
        [a.to_string()].into_iter().collect()
    );
    assert_eq!(
        with_status(&outcomes, "skipped"),
        [b.to_string()].into_iter().collect()
    );
    assert_eq!(
        with_status(&outcomes, "failed"),
        [stranger.to_string()].into_iter().collect()
    );
    assert!(odd.stderr.contains("not asked for"), "{}", odd.stderr);
}

#[test]
fn ctrl_c_does_not_wait_out_a_rate_limit() {
    let g = "0e0e0e0e-0000-4000-8000-000000000001";
    let a = "0e0e0e0e-0000-4000-8000-00000000000a";
    let server = FakeServer::start(move |seen, _| {
        if seen.method == "GET" {
            return gallery_of_texts(g, &[a]);
        }
        Answer::json(429, r#"{"message":"RESOURCE_EXHAUSTED: slow down"}"#)
            .header("Retry-After", "0")
    });
    let home = tempfile::tempdir().unwrap();
    let child = Process::spawn(&mut bulk_delete_all(home.path(), &server.base_url, g, "1"));
    // Let it meet the limit three times (pauses of 0.5 s and 1 s), then interrupt it during its
    // third pause (2 s). Waiting that pause out would end in a fourth attempt.
    let posts = || {
        server
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .count()
    };
    wait_for("a third attempt", || posts() >= 3);
    let attempts = posts();
    let output = child.stop(Signal::Interrupt);
    assert_eq!(posts(), attempts, "an attempt after Ctrl-C");
    let stderr = &output.stderr;
    assert_eq!(output.code, 130, "{stderr}");
    let stdout = &output.stdout;
    let outcome: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(outcome["status"], "not_sent", "{stdout}");
    assert!(stderr.contains("interrupted: deleted 0 of 1"), "{stderr}");
}
