//! `items search` at the edges: an empty result (exit 0), bad input (exit 2, nothing sent), a site
//! without the Search app (exit 5 and the hint), another site's items, and an older service's
//! `siteDocuments` answer without a total.

use serde_json::{json, Value};

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;
use crate::search_cli::{search_run, titles};
use crate::search_fixture::{seed_fixture, SEARCH};

#[test]
fn an_empty_result_is_exit_0() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let tsv = search_run(&sandbox, &["nothing-like-this"]);
    tsv.success();
    assert_eq!(tsv.stdout, "");
    let json_run = search_run(&sandbox, &["nothing-like-this", "-o", "json"]);
    json_run.success();
    assert_eq!(json_run.json(), json!([]));
    let all = search_run(&sandbox, &["--title-eq", "nope", "--all", "-o", "json"]);
    all.success();
    assert_eq!(all.json(), json!([]));
    let table = search_run(&sandbox, &["nothing-like-this", "-o", "table"]);
    table.success();
    assert!(table.stdout.contains("DESCRIPTION"), "{}", table.stdout);
    // An empty site, too.
    let bare = Sandbox::empty();
    let none = search_run(&bare, &["-o", "json"]);
    none.success();
    assert_eq!(none.json(), json!([]));
}

#[test]
fn bad_input_is_exit_2() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    sandbox.clear_request_log();
    for (filter, message) in [
        ("{bad", "--filter is not valid JSON"),
        ("[1]", "--filter must be a JSON object"),
        ("\"title\"", "--filter must be a JSON object"),
        ("@/nonexistent/filter.json", "cannot read the --filter JSON"),
    ] {
        let bad = search_run(&sandbox, &["--filter", filter]);
        // One error line, then the hint that says how to write the filter.
        assert_one_error_and_a_hint(filter, &bad, 2, message);
    }
    assert!(sandbox.logged("POST", SEARCH).is_empty(), "nothing sent");

    // What only the service can reject: its 400 names the field, exit 2.
    for (filter, field) in [
        (r#"{"description": "x"}"#, "search.filter.description"),
        (
            r#"{"title": {"$regex": "x"}}"#,
            "search.filter.title.$regex",
        ),
        (r#"{"isVideo": "yes"}"#, "search.filter.isVideo"),
    ] {
        let rejected = search_run(&sandbox, &["--filter", filter]);
        rejected.code(2);
        assert!(rejected.stderr.contains(field), "{}", rejected.stderr);
        assert!(rejected.stderr.contains("HTTP 400"), "{}", rejected.stderr);
        assert!(rejected.stdout.is_empty());
    }
    // A 400 is not retried.
    assert_eq!(sandbox.logged("POST", SEARCH).len(), 3);
}

#[test]
fn a_site_without_search_is_exit_5_with_the_hint() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--no-search"]);
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    for args in [vec!["beach"], vec!["--all", "-o", "json"]] {
        let missing = search_run(&sandbox, &args);
        assert_one_error_and_a_hint("no search", &missing, 5, "404");
        let lines: Vec<&str> = missing.stderr.lines().collect();
        assert!(
            lines[0].starts_with("progallery: error: site search is not available on this site"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("hint: ") && lines[1].contains("Wix Site Search app"),
            "{}",
            lines[1]
        );
        assert!(!missing.stderr.contains(TEST_API_KEY));
    }
    // A 404 is not retried.
    assert_eq!(sandbox.logged("POST", SEARCH).len(), 2);
    // The rest of the CLI works on that site.
    run(sandbox.cli().args(["galleries", "list"])).success();
}

#[test]
fn each_profile_site_sees_its_own_items() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    sandbox.gallery_on_site(
        OTHER_SITE,
        "Other",
        vec![json!({"title": "Beach Hut", "text": {"html": "<p>x</p>"}})],
    );
    let other = run(sandbox
        .cli()
        .env("WIX_SITE_ID", OTHER_SITE)
        .args(["items", "search", "beach", "-o", "jsonl"]));
    assert_eq!(titles(&other), ["Beach Hut"]);
    let mine = search_run(&sandbox, &["beach", "-o", "jsonl"]);
    assert_eq!(titles(&mine), ["Beach Sunset", "beach"]);
}

#[test]
fn an_older_service_answering_site_documents_without_a_total() {
    // Bare documents in `siteDocuments`, no paging metadata: --all pages until a short page.
    let server = FakeServer::start(|seen, _| {
        let body: Value = serde_json::from_str(&seen.body).unwrap_or(Value::Null);
        let offset = body["search"]["paging"]["offset"].as_u64().unwrap_or(0);
        let count = if offset == 0 { 100 } else { 5 };
        let docs: Vec<Value> = (0..count)
            .map(|i| json!({"id": format!("doc-{}", offset + i), "title": format!("T{}", offset + i), "isVideo": false}))
            .collect();
        Answer::json(200, &json!({"siteDocuments": docs}).to_string())
    });
    let home = tempfile::tempdir().unwrap();
    let found =
        run(cli_at(home.path(), &server.base_url).args(["items", "search", "--all", "-o", "id"]));
    found.success();
    assert_eq!(found.lines().len(), 105);
    assert_eq!(found.lines()[104], "doc-104");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert!(seen
        .iter()
        .all(|s| s.target == SEARCH && s.method == "POST"));
}

#[test]
fn a_search_is_retried_like_a_read() {
    // A search is a POST but changes nothing: a 504 (or 503) is retried, where a create's is not.
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    sandbox.set_faults(json!({"failAfterCommitRate": 1.0}));
    sandbox.clear_request_log();
    let failed = run(sandbox
        .cli()
        .args(["--retries", "3", "items", "search", "beach"]));
    failed.code(1);
    assert!(failed.stderr.contains("504"), "{}", failed.stderr);
    assert_eq!(sandbox.logged("POST", SEARCH).len(), 3);
}
