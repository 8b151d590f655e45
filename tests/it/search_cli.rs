//! `items search` end to end: each filter flag and what it sends, `--filter` merged with `$and`,
//! free text and fuzzy, the output formats, one page and `--all` to the end (counting requests).
//! Empty results, bad input, a site without search and older services: `search_cli_errors.rs`.

use serde_json::{json, Value};

use crate::common::*;
use crate::search_fixture::{seed_fixture, SEARCH};

pub fn search_run(sandbox: &Sandbox, args: &[&str]) -> Run {
    run(sandbox.cli().args(["items", "search"]).args(args))
}

/// Titles printed by `-o jsonl` ("-" for none).
pub fn titles(run: &Run) -> Vec<String> {
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
pub fn last_search_body(sandbox: &Sandbox) -> Value {
    sandbox
        .logged("POST", SEARCH)
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
    sandbox.generated_gallery(230);
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
    let requests = sandbox.logged("POST", SEARCH);
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
