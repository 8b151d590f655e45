//! `items search` end to end: each filter flag and what it sends, `--filter` merged with `$and`,
//! free text and fuzzy, the output formats, one page and `--all` to the end (counting requests),
//! an empty result, bad input (exit 2, nothing sent), a site without the Search app (exit 5 and
//! the hint), another site's items, and an older service's `siteDocuments` answer.

use serde_json::{json, Value};

use crate::cli_galleries::logged;
use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;
use crate::search_sandbox::{seed_fixture, OTHER_SITE, SEARCH};

fn search_run(sandbox: &Sandbox, args: &[&str]) -> Run {
    run(sandbox.cli().args(["items", "search"]).args(args))
}

/// Titles printed by `-o jsonl` ("-" for none).
fn titles(run: &Run) -> Vec<String> {
    run.success();
    run.lines()
        .iter()
        .map(|line| {
            let doc: Value = serde_json::from_str(line).unwrap();
            doc["title"].as_str().unwrap_or("-").to_string()
        })
        .collect()
}

/// The body of the last search request the sandbox saw.
fn last_search_body(sandbox: &Sandbox) -> Value {
    logged(sandbox, "POST", SEARCH)
        .last()
        .expect("a search request")["body"]
        .clone()
}

#[test]
fn each_filter_flag_sends_its_condition() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let cases: Vec<(Vec<&str>, Value, Vec<&str>)> = vec![
        (
            vec!["--title-eq", "Lighthouse"],
            json!({"title": {"$eq": "Lighthouse"}}),
            vec!["Lighthouse"],
        ),
        (
            vec!["--title-ne", "Lighthouse"],
            json!({"title": {"$ne": "Lighthouse"}}),
            vec!["Alpine Lake", "Beach Sunset", "Desert Dunes", "-", "beach"],
        ),
        (
            vec!["--title-in", "beach,Desert Dunes"],
            json!({"title": {"$in": ["beach", "Desert Dunes"]}}),
            vec!["Desert Dunes", "beach"],
        ),
        (
            vec!["--title-gt", "Beach Sunset"],
            json!({"title": {"$gt": "Beach Sunset"}}),
            vec!["Lighthouse", "Desert Dunes", "beach"],
        ),
        (
            vec!["--title-ge", "Beach Sunset"],
            json!({"title": {"$gte": "Beach Sunset"}}),
            vec!["Beach Sunset", "Lighthouse", "Desert Dunes", "beach"],
        ),
        (
            vec!["--title-lt", "Beach Sunset"],
            json!({"title": {"$lt": "Beach Sunset"}}),
            vec!["Alpine Lake"],
        ),
        (
            vec!["--title-le", "Beach Sunset"],
            json!({"title": {"$lte": "Beach Sunset"}}),
            vec!["Alpine Lake", "Beach Sunset"],
        ),
        (
            vec!["--video"],
            json!({"isVideo": {"$eq": true}}),
            vec!["Beach Sunset", "Desert Dunes"],
        ),
        (
            vec!["--no-video"],
            json!({"isVideo": {"$eq": false}}),
            vec!["Alpine Lake", "Lighthouse", "-", "beach"],
        ),
    ];
    for (args, filter, expected) in cases {
        let found = search_run(&sandbox, &[&args[..], &["-o", "jsonl"]].concat());
        assert_eq!(titles(&found), expected, "{args:?}");
        assert_eq!(last_search_body(&sandbox)["search"]["filter"], filter);
    }
    // No flag, no filter sent; the spec's request shape otherwise.
    search_run(&sandbox, &["-o", "id"]).success();
    assert_eq!(
        last_search_body(&sandbox),
        json!({"documentType": "PROGALLERY_ITEM", "search": {
            "search": {"expression": "", "fields": [], "fuzzy": false},
            "paging": {"limit": 10, "offset": 0}}})
    );
    // --video and --no-video exclude each other.
    search_run(&sandbox, &["--video", "--no-video"]).code(2);
}

#[test]
fn flags_and_filter_json_are_joined_with_and() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let or = json!({"$or": [{"title": "Lighthouse"}, {"title": {"$lt": "C"}}]});
    let found = search_run(
        &sandbox,
        &[
            "--no-video",
            "--title-ne",
            "Alpine Lake",
            "--filter",
            &or.to_string(),
            "-o",
            "jsonl",
        ],
    );
    assert_eq!(titles(&found), ["Lighthouse"]);
    assert_eq!(
        last_search_body(&sandbox)["search"]["filter"],
        json!({"$and": [
            {"title": {"$ne": "Alpine Lake"}},
            {"isVideo": {"$eq": false}},
            or
        ]})
    );
    // A range from two flags; --filter alone is sent as given; from a file too.
    let range = search_run(
        &sandbox,
        &["--title-ge", "B", "--title-lt", "E", "-o", "jsonl"],
    );
    assert_eq!(titles(&range), ["Beach Sunset", "Desert Dunes"]);
    let not = json!({"$not": {"isVideo": true}});
    let file = temp_file(sandbox.home.path(), "filter.json", &not.to_string());
    let from_file = run(sandbox
        .cli()
        .args(["items", "search", "--filter"])
        .arg(format!("@{}", file.display()))
        .args(["-o", "jsonl"]));
    assert_eq!(
        titles(&from_file),
        ["Alpine Lake", "Lighthouse", "-", "beach"]
    );
    assert_eq!(last_search_body(&sandbox)["search"]["filter"], not);
}

#[test]
fn free_text_and_fuzzy() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    // Several words, as separate arguments or one.
    assert_eq!(
        titles(&search_run(&sandbox, &["red", "sea", "-o", "jsonl"])),
        ["Beach Sunset"]
    );
    assert_eq!(
        last_search_body(&sandbox)["search"]["search"]["expression"],
        "red sea"
    );
    assert_eq!(
        titles(&search_run(
            &sandbox,
            &["BEACH", "--no-video", "-o", "jsonl"]
        )),
        ["beach"]
    );
    assert!(titles(&search_run(&sandbox, &["lighthuose", "-o", "jsonl"])).is_empty());
    assert_eq!(
        titles(&search_run(
            &sandbox,
            &["lighthuose", "--fuzzy", "-o", "jsonl"]
        )),
        ["Lighthouse"]
    );
    assert_eq!(
        last_search_body(&sandbox)["search"]["search"]["fuzzy"],
        true
    );
}

#[test]
fn output_formats() {
    let sandbox = Sandbox::empty();
    let ids = seed_fixture(&sandbox, DEFAULT_TEST_SITE);

    let json_run = search_run(&sandbox, &["beach", "-o", "json"]);
    json_run.success();
    let expected = json!([
        {"documentType": "PROGALLERY_ITEM", "id": ids[1], "title": "Beach Sunset",
         "description": "Red sky over the sea", "isVideo": true},
        {"documentType": "PROGALLERY_ITEM", "id": ids[5], "title": "beach",
         "description": "Pebbles", "isVideo": false},
    ]);
    assert_eq!(json_run.json(), expected);

    let ids_run = search_run(&sandbox, &["beach", "-o", "id"]);
    ids_run.success();
    assert_eq!(ids_run.lines(), [ids[1].as_str(), ids[5].as_str()]);

    // tsv is the default off a terminal: the table's columns, no header.
    let tsv = search_run(&sandbox, &["beach"]);
    tsv.success();
    assert_eq!(
        tsv.lines(),
        [
            format!("{}\tBeach Sunset\tyes\tRed sky over the sea", ids[1]),
            format!("{}\tbeach\tno\tPebbles", ids[5]),
        ]
    );

    let table = search_run(&sandbox, &["harbour", "-o", "table"]);
    table.success();
    for header in ["ID", "TITLE", "VIDEO", "DESCRIPTION"] {
        assert!(table.stdout.contains(header), "{}", table.stdout);
    }
    assert!(table.stdout.contains(&ids[4]), "{}", table.stdout);
    assert!(table.stdout.contains("Untitled sketch of a harbour"));
    assert!(table.stderr.is_empty(), "{}", table.stderr);
}

#[test]
fn one_page_or_all_pages_to_the_end() {
    let sandbox = Sandbox::empty();
    let resp = sandbox
        .request("POST", "/_sandbox/generate")
        .json(&json!({"count": 230}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    let raw = sandbox
        .request("POST", SEARCH)
        .json(&json!({"documentType": "PROGALLERY_ITEM", "search": {"paging": {"limit": 100, "offset": 200}}}))
        .send()
        .json();
    let last_page: Vec<&str> = raw["siteDocumentItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(last_page.len(), 30);

    // One page: the default 10, or --limit/--offset.
    assert_eq!(search_run(&sandbox, &["-o", "id"]).lines().len(), 10);
    let page = search_run(&sandbox, &["--limit", "7", "--offset", "223", "-o", "id"]);
    page.success();
    assert_eq!(page.lines(), last_page[23..]);

    sandbox.clear_request_log();
    let all = search_run(&sandbox, &["--all", "-o", "id"]);
    all.success();
    let lines = all.lines();
    assert_eq!(lines.len(), 230);
    assert_eq!(lines[200..], last_page[..]);
    let unique: std::collections::HashSet<&&str> = lines.iter().collect();
    assert_eq!(unique.len(), 230);
    // ceil(230/100) = 3 requests, each of the largest page.
    let requests = logged(&sandbox, "POST", SEARCH);
    let mut offsets: Vec<u64> = requests
        .iter()
        .map(|r| {
            assert_eq!(r["body"]["search"]["paging"]["limit"], 100);
            r["body"]["search"]["paging"]["offset"].as_u64().unwrap()
        })
        .collect();
    offsets.sort();
    assert_eq!(offsets, [0, 100, 200]);

    // --all with a filter pages over the matches only.
    let some = search_run(&sandbox, &["item", "1", "--all", "-o", "jsonl"]);
    some.success();
    // 1, 10-19, 100-199.
    assert_eq!(some.lines().len(), 1 + 10 + 100);

    search_run(&sandbox, &["--limit", "101"]).code(2);
    search_run(&sandbox, &["--all", "--offset", "3"]).code(2);
}

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
        bad.code(2);
        assert!(bad.stderr.contains(message), "{filter}: {}", bad.stderr);
        assert_eq!(bad.stderr.lines().count(), 1, "{}", bad.stderr);
        assert!(bad.stdout.is_empty());
    }
    assert!(logged(&sandbox, "POST", SEARCH).is_empty(), "nothing sent");

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
    assert_eq!(logged(&sandbox, "POST", SEARCH).len(), 3);
}

#[test]
fn a_site_without_search_is_exit_5_with_the_hint() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--no-search"]);
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    for args in [vec!["beach"], vec!["--all", "-o", "json"]] {
        let missing = search_run(&sandbox, &args);
        missing.code(5);
        assert!(missing.stdout.is_empty(), "{}", missing.stdout);
        let lines: Vec<&str> = missing.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{}", missing.stderr);
        assert!(
            lines[0].starts_with("progallery: error: site search is not available on this site"),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains("404"), "{}", lines[0]);
        assert!(
            lines[1].starts_with("hint: ") && lines[1].contains("Wix Site Search app"),
            "{}",
            lines[1]
        );
        assert!(!missing.stderr.contains(TEST_API_KEY));
    }
    // A 404 is not retried.
    assert_eq!(logged(&sandbox, "POST", SEARCH).len(), 2);
    // The rest of the CLI works on that site.
    run(sandbox.cli().args(["galleries", "list"])).success();
}

#[test]
fn each_profile_site_sees_its_own_items() {
    let sandbox = Sandbox::empty();
    seed_fixture(&sandbox, DEFAULT_TEST_SITE);
    let resp = sandbox
        .request("POST", "/progallery/v2/galleries")
        .header("wix-site-id", OTHER_SITE)
        .json(&json!({"gallery": {"items": [
            {"title": "Beach Hut", "text": {"html": "<p>x</p>"}}
        ]}}))
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
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
    let found = run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", &server.base_url)
        .env("WIX_API_KEY", TEST_API_KEY)
        .env("WIX_SITE_ID", DEFAULT_TEST_SITE)
        .args(["items", "search", "--all", "-o", "id"]));
    found.success();
    assert_eq!(found.lines().len(), 105);
    assert_eq!(found.lines()[104], "doc-104");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert!(seen
        .iter()
        .all(|s| s.target == SEARCH && s.method == "POST"));
}
