//! Selection for cleanup: every `--where` term and their combinations (through `items list
//! --where` and `bulk-delete --dry-run`, which must agree), bad expressions (exit 2 with the
//! column, nothing sent), ids from each input shape, `--all`, and ids combined with a filter.

use std::collections::BTreeSet;

use crate::cleanup_support::*;
use crate::common::*;

fn set(ids: &std::collections::BTreeMap<&'static str, String>, names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| ids[n].clone()).collect()
}

#[test]
fn every_filter_term_and_combinations_select_exactly() {
    let sandbox = Sandbox::empty();
    let (g, ids) = mixed_gallery(&sandbox);
    // A millisecond after every item was made, then one update a millisecond after it.
    next_millisecond();
    let between = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    next_millisecond();
    sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{g}/items/{}", ids["notes"]),
        Some(serde_json::json!({"item": {"description": "edited"}})),
    );

    let all: Vec<&str> = ids.keys().copied().collect();
    let not_notes: Vec<&str> = all.iter().copied().filter(|n| *n != "notes").collect();
    let created_after = format!("created>{between}");
    let updated_after = format!("updated>{between}");
    let updated_before = format!("updated<{between}");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "type=IMAGE",
            vec!["sunset", "sunset-copy", "untitled", "portrait"],
        ),
        ("type=video", vec!["launch", "launch-again"]),
        ("type=TEXT", vec!["notes", "old-draft"]),
        ("title='Sunset beach'", vec!["sunset"]),
        ("title=Sunset", vec![]),
        ("title~DRAFT", vec!["portrait", "old-draft"]),
        ("description~draft", vec!["old-draft"]),
        ("description~\"product launch\"", vec!["launch"]),
        ("tag=summer", vec!["sunset", "sunset-copy"]),
        ("tag=dup", vec!["sunset-copy"]),
        ("media=m1~mv2.jpg", vec!["sunset", "sunset-copy"]),
        (
            "media=https://www.youtube.com/watch?v=v1",
            vec!["launch", "launch-again"],
        ),
        ("alt-missing", vec!["sunset-copy", "portrait"]),
        ("title-missing", vec!["untitled"]),
        ("duplicate-media", vec!["sunset-copy", "launch-again"]),
        ("created>2000-01-01", all.clone()),
        ("created<2000-01-01T00:00:00Z", vec![]),
        ("created<1d", vec![]),
        ("created>12h", all.clone()),
        (&created_after, vec![]),
        (&updated_after, vec!["notes"]),
        (&updated_before, not_notes),
        (
            "type=IMAGE and not duplicate-media",
            vec!["sunset", "untitled", "portrait"],
        ),
        (
            "(type=VIDEO or tag=draft) and not duplicate-media",
            vec!["launch", "portrait"],
        ),
        // `and` binds tighter than `or`.
        (
            "title~sunset or title~launch and not type=VIDEO",
            vec!["sunset", "sunset-copy"],
        ),
        ("not (type=IMAGE or type=VIDEO)", vec!["notes", "old-draft"]),
        (
            "alt-missing or title-missing or type=TEXT and description~draft",
            vec!["sunset-copy", "portrait", "untitled", "old-draft"],
        ),
    ];
    for (expr, expected) in cases {
        let listed = run(sandbox
            .cli()
            .args(["items", "list", &g, "--where", expr, "-o", "id"]));
        listed.success();
        assert_eq!(
            printed_ids(&listed),
            set(&ids, &expected),
            "items list --where {expr}"
        );
        assert!(
            listed
                .stderr
                .contains(&format!("{} of 8 item(s) match", expected.len())),
            "{}",
            listed.stderr
        );
        let dry = run(sandbox.cli().args([
            "items",
            "bulk-delete",
            &g,
            "--where",
            expr,
            "--dry-run",
            "-o",
            "id",
        ]));
        dry.success();
        assert_eq!(
            printed_ids(&dry),
            set(&ids, &expected),
            "bulk-delete --where {expr} --dry-run"
        );
    }
    assert!(sandbox
        .writes()
        .iter()
        .all(|w| w["method"] != "POST" || !w["path"].as_str().unwrap().ends_with("/items/delete")));
    assert_eq!(sandbox.items(&g).len(), 8);
}

#[test]
fn a_bad_expression_is_exit_2_with_its_column_and_nothing_is_sent() {
    let sandbox = Sandbox::empty();
    let (g, _) = mixed_gallery(&sandbox);
    sandbox.clear_request_log();
    for (expr, expected) in [
        ("type=IMAGE and", "column 15"),
        ("title~x )", "unexpected \")\" at column 9"),
        ("colour=red", "unknown term \"colour\" at column 1"),
        ("created<soon", "\"soon\" is not a date"),
        ("type=PHOTO", "column 6"),
        ("(type=IMAGE or tag=x", "expected \")\" at column 21"),
        ("title<x", "\"title\" takes = or ~"),
    ] {
        for verb in [
            vec!["items", "list", &g, "--where", expr],
            vec!["items", "bulk-delete", &g, "--where", expr, "--yes"],
        ] {
            let bad = run(sandbox.cli().args(&verb));
            bad.code(2);
            assert!(bad.stderr.contains(expected), "{expr}: {}", bad.stderr);
            assert!(
                bad.stderr.contains(&format!("  {expr}\n")),
                "the expression is shown: {}",
                bad.stderr
            );
            assert!(bad.stderr.contains('^'), "{}", bad.stderr);
        }
    }
    assert!(
        sandbox.request_log().is_empty(),
        "a bad expression sends nothing"
    );
}

#[test]
fn ids_from_every_input_shape_are_detected() {
    let sandbox = Sandbox::empty();
    let (g, ids) = mixed_gallery(&sandbox);
    let (a, b, c) = (&ids["sunset"], &ids["launch"], &ids["notes"]);
    let want: BTreeSet<String> = [a, b, c].iter().map(|s| s.to_string()).collect();
    let shapes = [
        ("plain lines", format!("# to go\n{a}\n\n{b}\tVIDEO\tLaunch\n{c}\n{a}\n")),
        ("json array of ids", format!("[\"{a}\", \"{b}\", \"{c}\"]")),
        (
            "json array of objects",
            format!("[\n  {{\"id\": \"{a}\", \"title\": \"x\"}},\n  {{\"id\": \"{b}\"}},\n  {{\"id\": \"{c}\", \"type\": \"TEXT\"}}\n]\n"),
        ),
        (
            "jsonl objects",
            format!("{{\"id\":\"{a}\",\"status\":\"failed\",\"error\":\"x\"}}\n{{\"id\":\"{b}\"}}\n\n{{\"id\":\"{c}\"}}\n"),
        ),
    ];
    for (shape, input) in shapes {
        let dry = bulk_delete_ids(&sandbox, &g, input.as_bytes(), &["--dry-run", "-o", "id"]);
        dry.success();
        assert_eq!(printed_ids(&dry), want, "{shape}");
    }
    // One pretty-printed object (`items get -o json`).
    let one = run(sandbox.cli().args(["items", "get", &g, a, "-o", "json"]));
    one.success();
    let dry = bulk_delete_ids(
        &sandbox,
        &g,
        one.stdout.as_bytes(),
        &["--dry-run", "-o", "id"],
    );
    assert_eq!(
        printed_ids(dry.success()),
        [a.clone()].into_iter().collect()
    );
    // Our own list output in every format feeds straight back in, from a file too.
    for format in ["id", "tsv", "json", "jsonl"] {
        let listed =
            run(sandbox
                .cli()
                .args(["items", "list", &g, "--where", "type=TEXT", "-o", format]));
        listed.success();
        let file = temp_file(
            sandbox.home.path(),
            &format!("ids.{format}"),
            &listed.stdout,
        );
        let dry = run(sandbox.cli().args([
            "items",
            "bulk-delete",
            &g,
            "--ids-from",
            file.to_str().unwrap(),
            "--dry-run",
            "-o",
            "id",
        ]));
        dry.success();
        assert_eq!(
            printed_ids(&dry),
            set(&ids, &["notes", "old-draft"]),
            "-o {format}"
        );
    }
    // Bad entries name where they are; nothing is sent.
    sandbox.clear_request_log();
    for (input, place) in [
        (format!("{a}\nnot-an-id\n"), "stdin line 2"),
        (format!("[\"{a}\", 7]"), "stdin element 2"),
        (
            format!("{{\"id\":\"{a}\"}}\n{{\"title\":\"no id\"}}\n"),
            "stdin line 2",
        ),
    ] {
        let bad = bulk_delete_ids(&sandbox, &g, input.as_bytes(), &["--yes"]);
        bad.code(2);
        assert!(bad.stderr.contains(place), "{place}: {}", bad.stderr);
    }
    assert!(sandbox.request_log().is_empty());
}

#[test]
fn all_ids_with_a_filter_and_unknown_ids() {
    let sandbox = Sandbox::empty();
    let (g, ids) = mixed_gallery(&sandbox);
    let all =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--all", "--dry-run", "-o", "id"]));
    all.success();
    assert_eq!(printed_ids(&all), ids.values().cloned().collect());
    // Ids and --where: only the given ids that match.
    let both = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        &ids["sunset"],
        &ids["launch"],
        &ids["portrait"],
        "--where",
        "type=IMAGE",
        "--dry-run",
        "-o",
        "id",
    ]));
    both.success();
    assert_eq!(printed_ids(&both), set(&ids, &["sunset", "portrait"]));
    // An id not in the gallery is skipped (not failed) and never sent.
    let stranger = "99999999-9999-4999-8999-999999999999";
    sandbox.clear_request_log();
    let done = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        &ids["notes"],
        stranger,
        "--yes",
        "-o",
        "jsonl",
    ]));
    done.success();
    let outcomes = done.json_lines();
    assert_eq!(with_status(&outcomes, "deleted"), set(&ids, &["notes"]));
    assert_eq!(
        with_status(&outcomes, "skipped"),
        [stranger.to_string()].into_iter().collect()
    );
    // The deleted item's outcome carries the item as it was; the stranger's has none.
    for o in &outcomes {
        let keys: Vec<String> = o.as_object().unwrap().keys().cloned().collect();
        if o["status"] == "deleted" {
            assert_eq!(keys, ["id", "status", "error", "item"], "{o}");
            assert_eq!(o["item"]["id"], o["id"]);
            assert!(o["error"].is_null(), "{o}");
        } else {
            assert_eq!(keys, ["id", "status", "error"], "{o}");
        }
    }
    assert!(
        done.stderr.contains("deleted 1 of 2 item(s)"),
        "{}",
        done.stderr
    );
    assert!(
        done.stderr.contains("1 skipped (already gone)"),
        "{}",
        done.stderr
    );
    let posts = sandbox.writes();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        posts[0]["body"]["itemIds"],
        serde_json::json!([ids["notes"]])
    );
    // Nothing selected at all is a usage error.
    let none = run(sandbox.cli().args(["items", "bulk-delete", &g, "--yes"]));
    none.code(2);
}
