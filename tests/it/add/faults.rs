//! Ambiguous failures: writes answered 504 after they were committed (upload URL, the PUT, the
//! create) are reconciled before any retry, so nothing lands twice and the order holds.

use std::collections::HashSet;

use super::*;

#[test]
fn failures_after_commit_make_no_duplicates_and_keep_the_order() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--fail-after-commit-rate",
        "0.3",
        "--fault-seed",
        "11",
    ]);
    // Made by the CLI, which settles its own create if that is a write the faults answer 504.
    let created = run(sandbox
        .cli()
        .args(["galleries", "create", "--name", "Media", "-o", "id"]));
    created.success();
    let g = created.stdout.trim().to_string();
    let dir = tempfile::tempdir().unwrap();
    // 24 files: with 30% of writes failing, a run in which no create is hit (the check below)
    // has a chance of 0.7^24 (about 2 in 10,000), whatever order the requests come in.
    for i in 0..24u32 {
        write(
            dir.path(),
            &format!("f{i:02}.png"),
            &png(10 + i, 10, 200 + i as usize),
        );
    }
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path())
        .args(["--concurrency", "4", "--retries", "12", "-o", "id"]));
    added.success();
    let items = sandbox.items(&g);
    let expected: Vec<String> = (0..24).map(|i| format!("f{i:02}")).collect();
    assert_eq!(
        titles(&items),
        expected,
        "exactly one item per file, in order"
    );
    let media: HashSet<&str> = items
        .iter()
        .map(|i| i["image"]["imageInfo"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(media.len(), 24);
    // The faults really hit creates, so reconciling was exercised.
    let log = sandbox.request_log();
    let ambiguous_creates = log
        .iter()
        .filter(|r| {
            r["method"] == "POST"
                && r["path"].as_str().unwrap().ends_with("/items")
                && r["status"] == 504
        })
        .count();
    assert!(
        ambiguous_creates > 0,
        "no create was answered 504; the test proves nothing"
    );
    assert_eq!(added.lines().len(), 24);

    // And a re-run under the same faults adds nothing.
    let again = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path())
        .args(["--retries", "12"]));
    again.success();
    assert_eq!(sandbox.items(&g).len(), 24);
}
