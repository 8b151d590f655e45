//! Bad input, swept across the verbs: each case must end with the documented exit code, exactly one
//! `progallery: error:` line followed by one `hint:` line, nothing on stdout, no panic, and —
//! checked once the whole batch has run — nothing sent to the sandbox that changes anything and
//! nothing written to the data dir.

use std::path::Path;

use serde_json::Value;

use crate::common::*;

/// One bad invocation: what it is, its arguments, its stdin, the exit code and a piece of the
/// error line that says what is wrong.
struct Case {
    name: &'static str,
    args: Vec<String>,
    stdin: Option<&'static str>,
    code: i32,
    says: &'static str,
}

fn case(name: &'static str, args: &[&str], code: i32, says: &'static str) -> Case {
    Case {
        name,
        args: args.iter().map(|a| a.to_string()).collect(),
        stdin: None,
        code,
        says,
    }
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write input file");
    path.display().to_string()
}

#[test]
fn a_batch_of_bad_inputs_gets_one_error_line_a_hint_and_changes_nothing() {
    let sandbox = Sandbox::empty();
    let gallery = sandbox.new_gallery("Mine");
    let other = sandbox.new_gallery("Other");
    let item = ok(sandbox.call(
        "POST",
        &format!("/galleries/{gallery}/items"),
        Some(serde_json::json!({ "item": image_item("Dunes") })),
    ))["item"]["id"]
        .as_str()
        .expect("item id")
        .to_string();
    let foreign = ok(sandbox.call(
        "POST",
        &format!("/galleries/{other}/items"),
        Some(serde_json::json!({ "item": image_item("Elsewhere") })),
    ))["item"]["id"]
        .as_str()
        .expect("item id")
        .to_string();
    let before = sandbox_state(&sandbox, &[&gallery, &other]);
    sandbox.clear_request_log();

    let inputs = tempfile::tempdir().unwrap();
    let dir = inputs.path();
    let bad_json = write(dir, "bad.json", b"{\"name\": ");
    let broken_json = write(dir, "broken.json", b"{bad");
    let empty = write(dir, "empty.json", b"");
    let not_utf8 = write(dir, "binary.txt", b"\xff\xfe\x00bad\n");
    let bad_csv = write(dir, "bad.csv", b"source,title\n\"unterminated,x\n");
    let bad_ids = write(dir, "ids.txt", b"not-a-guid\n");
    let empty_ids = write(dir, "none.txt", b"# nothing here\n");
    let torn_journal = write(dir, "torn.jsonl", b"{\"kind\":\"run\",\"comm");
    let typo_journal = write(dir, "typo.jsonl", b"{\"kind\":\"run\"}\n{bad\n");
    let folder = dir.display().to_string();
    let missing = dir.join("missing.json").display().to_string();
    let zero = "00000000-0000-0000-0000-000000000000";
    let g = gallery.as_str();
    let i = item.as_str();
    let after_foreign = format!("after:{foreign}");

    #[rustfmt::skip]
    let mut cases = vec![
        case("unknown gallery name", &["galleries", "get", "nope"], 2, "no gallery is named \"nope\""),
        case("unknown gallery", &["galleries", "get", zero], 5, "does not exist"),
        case("unknown item", &["items", "get", g, zero], 5, "does not exist"),
        case("non-GUID item", &["items", "delete", g, "x", "--yes"], 2, "not a valid id"),
        case("gallery JSON cut short", &["galleries", "create", "--from-file", &bad_json], 2, "not valid JSON"),
        case("gallery JSON typo", &["galleries", "create", "--from-file", &broken_json], 2, "not valid JSON"),
        case("empty gallery file", &["galleries", "create", "--from-file", &empty], 2, "not valid JSON"),
        case("gallery file is a folder", &["galleries", "create", "--from-file", &folder], 2, "cannot read"),
        case("missing gallery file", &["galleries", "create", "--from-file", &missing], 2, "cannot read"),
        case("gallery file not UTF-8", &["galleries", "create", "--from-file", &not_utf8], 2, "cannot read"),
        case("gallery sort order NaN", &["galleries", "update", g, "--sort-order", "nan"], 2, "not a finite number"),
        case("gallery sort order inf", &["galleries", "create", "--sort-order", "inf"], 2, "not a finite number"),
        case("gallery update with nothing", &["galleries", "update", g], 2, "nothing to change"),
        case("limit out of range", &["items", "list", g, "--limit", "101"], 2, "101"),
        case("negative offset", &["items", "list", g, "--offset", "-1"], 2, "-1"),
        case("bad search filter JSON", &["items", "search", "--filter", "{title: x}"], 2, "--filter is not valid JSON"),
        case("search filter not an object", &["items", "search", "--filter", "[1]"], 2, "JSON object"),
        case("search filter file missing", &["items", "search", "--filter", &format!("@{missing}")], 2, "cannot read"),
        case("position in another gallery", &["items", "add", g, "--text", "<p>x</p>", "--position", &after_foreign,], 5, "is not in gallery"),
        case("position nonsense", &["items", "add", g, "--text", "<p>x</p>", "--position", "sideways",], 2, "--position"),
        case("manifest CSV broken", &["items", "add", g, "--from-file", &bad_csv], 2, "never closed"),
        case("manifest empty", &["items", "add", g, "--from-file", &empty], 2, "no rows"),
        case("manifest is a folder", &["items", "add", g, "--from-file", &folder], 2, "cannot read"),
        case("focal point out of range", &["items", "update", g, i, "--focal-point", "2,3"], 2, "outside 0..1"),
        case("link not http", &["items", "update", g, i, "--link", "javascript:alert(1)"], 2, "http(s) URL"),
        case("item update with nothing", &["items", "update", g, i], 2, "nothing to change"),
        case("edits JSON broken", &["items", "update", g, "--from-file", &broken_json], 2, "not valid JSON"),
        case("edits empty", &["items", "update", g, "--from-file", &empty], 2, "holds no edits"),
        case("move next to itself", &["items", "move", g, i, "--after", i], 2, "next to itself"),
        case("move after foreign item", &["items", "move", g, i, "--after", &foreign], 5, "is not in gallery"),
        case("reorder with no ids", &["items", "reorder", g, "--ids-from", &empty_ids], 2, "no item ids"),
        case("reorder with a bad id", &["items", "reorder", g, "--ids-from", &bad_ids], 2, "not a valid id"),
        case("bulk-delete with a bad id", &["items", "bulk-delete", g, "--ids-from", &bad_ids, "--yes"], 2, "not a valid id"),
        case("bulk-delete ids not UTF-8", &["items", "bulk-delete", g, "--ids-from", &not_utf8, "--yes"], 2, "not contain valid UTF-8"),
        case("delete without --yes", &["items", "delete", g, i], 2, "refusing without --yes"),
        case("restore a torn journal", &["items", "restore", "--journal", &torn_journal], 2, "not a progallery journal"),
        case("restore a JSON typo", &["items", "restore", "--journal", &typo_journal], 2, "not a journal entry"),
        case("restore a missing journal", &["galleries", "restore", "--journal", &missing], 2, "cannot read the journal"),
        case("api body broken", &["api", "POST", "/progallery/v2/galleries", "--data", "{bad"], 2, "not valid JSON"),
        case("api body file is a folder", &["api", "POST", "/progallery/v2/galleries", "--data", &format!("@{folder}"),], 2, "cannot read"),
        case("api unknown method", &["api", "FETCH", "/progallery/v2/galleries"], 2, "unsupported method"),
        case("unknown profile", &["--profile", "nope", "galleries", "list"], 2, "no profile named"),
        case("base URL not http", &["--base-url", "ftp://x", "galleries", "list"], 2, "http:// or https://"),
        case("webhooks verify key not PEM", &["webhooks", "verify", &bad_json, "--public-key", &bad_json], 2, "not an RSA public key"),
        case("webhooks trigger unknown type", &["webhooks", "trigger", "nope"], 2, "unknown event type"),
        case("webhooks listen bad path", &["webhooks", "listen", "--addr", "127.0.0.1:0", "--path", "x"], 2, "--path"),
        case("webhooks listen bad port", &["webhooks", "listen", "--addr", "127.0.0.1:99999"], 2, "cannot listen"),
        case("completions unknown shell", &["completions", "tcsh"], 2, "tcsh"),
        case("sandbox fail rate out of range", &["sandbox", "serve", "--memory", "--fail-rate", "2"], 2, "between 0 and 1"),
    ];
    cases.push(Case {
        name: "gallery JSON on stdin is empty",
        args: vec![
            "galleries".into(),
            "create".into(),
            "--from-file".into(),
            "-".into(),
        ],
        stdin: Some(""),
        code: 2,
        says: "not valid JSON",
    });

    for case in &cases {
        let mut cmd = sandbox.cli();
        cmd.args(&case.args);
        let run = run_with_stdin(&mut cmd, case.stdin.map(str::as_bytes));
        assert_one_error_and_a_hint(case.name, &run, case.code, case.says);
    }

    // Bad input sends nothing that changes anything (reads to check an id are fine) ...
    let writes: Vec<Value> = sandbox
        .request_log()
        .into_iter()
        .filter(|r| r["method"] != "GET")
        .collect();
    assert!(
        writes.is_empty(),
        "bad input reached the service: {writes:#?}"
    );
    assert_eq!(sandbox_state(&sandbox, &[&gallery, &other]), before);
    // ... and writes nothing locally: no journal, no config, no webhook key pair.
    let home = sandbox.home.path();
    for written in [
        "data/journals",
        "config/config.toml",
        "data/webhook-private-key.pem",
    ] {
        assert!(!home.join(written).exists(), "{written} was written");
    }
}

/// Every gallery and item of the site, for before/after comparisons.
fn sandbox_state(sandbox: &Sandbox, galleries: &[&str]) -> Value {
    let list = ok(sandbox.call("GET", "/galleries", None));
    let items: Vec<Value> = galleries
        .iter()
        .map(|g| ok(sandbox.call("GET", &format!("/galleries/{g}/items?limit=100"), None)))
        .collect();
    serde_json::json!({ "galleries": list, "items": items })
}
