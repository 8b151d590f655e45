//! Every whole-resource read goes through one paginator per resource: the request counts each
//! walk promises hold at the edges (an empty resource, an exact multiple of the page size), and
//! selections read the first page through get-gallery. The stop rules themselves (short or empty
//! pages, a total that disagrees) are unit-tested with a fake in `src/api/paging.rs`.
//!
//! Fixtures are made through the CLI itself (`progallery api`), so this file needs nothing from
//! the shared helpers but a sandbox and a way to run the binary.

use serde_json::{json, Value};

use crate::common::*;

/// The API requests of the sandbox's log as `(method, path, query)`.
fn requests(sandbox: &Sandbox) -> Vec<(String, String, String)> {
    sandbox
        .request_log()
        .iter()
        .map(|r| {
            let text = |v: &Value| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (text(&r["method"]), text(&r["path"]), text(&r["query"]))
        })
        .collect()
}

fn listed_items(requests: &[(String, String, String)]) -> usize {
    requests
        .iter()
        .filter(|(method, path, _)| method == "GET" && path.ends_with("/items"))
        .count()
}

#[test]
fn items_list_all_reads_no_page_past_a_total_that_fills_its_pages() {
    let sandbox = Sandbox::empty();
    let g = generated_by_cli(&sandbox, 200);
    sandbox.clear_request_log();
    let out = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "id"]));
    out.success();
    assert_eq!(out.lines().len(), 200);
    let log = requests(&sandbox);
    assert_eq!(
        log.len(),
        3,
        "1 get-gallery + 2 pages, no empty third: {log:?}"
    );
    assert_eq!(listed_items(&log), 2);
    assert!(out.stderr.is_empty(), "no warning: {}", out.stderr);

    // An empty gallery: the count alone, and an empty list.
    let made = run(sandbox
        .cli()
        .args(["galleries", "create", "--name", "Empty", "-o", "id"]));
    made.success();
    let empty = made.stdout.trim().to_string();
    sandbox.clear_request_log();
    let out = run(sandbox
        .cli()
        .args(["items", "list", &empty, "--all", "-o", "json"]));
    out.success();
    assert_eq!(out.json(), json!([]));
    assert_eq!(requests(&sandbox).len(), 1);
}

#[test]
fn a_selection_reads_its_first_page_through_get_gallery() {
    let sandbox = Sandbox::empty();
    let g = generated_by_cli(&sandbox, 250);
    sandbox.clear_request_log();
    let out = run(sandbox
        .cli()
        .args(["items", "list", &g, "--where", "type=IMAGE", "-o", "id"]));
    out.success();
    assert_eq!(out.lines().len(), 250);
    let log = requests(&sandbox);
    assert_eq!(log.len(), 3, "ceil(250/100) reads: {log:?}");
    let (method, path, query) = &log[0];
    assert_eq!(method, "GET");
    assert!(path.ends_with(&format!("/galleries/{g}")), "{path}");
    assert!(query.contains("itemLimit=100"), "{query}");
    assert_eq!(listed_items(&log), 2);

    // The same walk behind bulk-delete: a dry run reads exactly as much.
    sandbox.clear_request_log();
    let dry =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--all", "--dry-run", "-o", "id"]));
    dry.success();
    assert_eq!(dry.lines(), out.lines(), "gallery order, every item once");
    assert_eq!(requests(&sandbox).len(), 3);
}

#[test]
fn moving_an_item_reads_the_gallery_with_one_count_and_its_pages() {
    let sandbox = Sandbox::empty();
    let g = generated_by_cli(&sandbox, 230);
    let ids = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "id"]))
    .lines()
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>();
    sandbox.clear_request_log();
    let moved = run(sandbox
        .cli()
        .args(["items", "move", &g, &ids[229], "--first", "-o", "id"]));
    moved.success();
    assert_eq!(moved.stdout.trim(), ids[229]);
    let log = requests(&sandbox);
    let reads: Vec<_> = log.iter().filter(|(m, _, _)| m == "GET").collect();
    assert_eq!(
        reads.len(),
        1 + 3,
        "one count, ceil(230/100) pages: {log:?}"
    );
    let after = run(sandbox
        .cli()
        .args(["items", "list", &g, "--limit", "1", "-o", "id"]));
    assert_eq!(after.stdout.trim(), ids[229]);
}

#[test]
fn galleries_list_all_at_an_exact_multiple_of_the_page() {
    let sandbox = Sandbox::empty();
    for i in 0..20 {
        run(sandbox.cli().args([
            "galleries",
            "create",
            "--name",
            &format!("g{i:02}"),
            "-o",
            "id",
        ]))
        .success();
    }
    sandbox.clear_request_log();
    let all = run(sandbox
        .cli()
        .args(["galleries", "list", "--all", "-o", "tsv"]));
    all.success();
    let names: Vec<&str> = all
        .lines()
        .iter()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        names,
        (0..20).map(|i| format!("g{i:02}")).collect::<Vec<_>>()
    );
    assert_eq!(requests(&sandbox).len(), 2, "two full pages, nothing more");
}
