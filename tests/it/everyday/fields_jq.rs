//! `--fields` (table/tsv columns as dotted JSON paths) and `--jq` (a built-in jq over json and
//! jsonl) on every list verb: galleries list, items list (a page, --all, --where), items search,
//! items bulk-delete --dry-run and journals; mistakes are exit 2 with the column, before any
//! request.

use serde_json::{json, Value};

use crate::common::*;

fn site() -> (Sandbox, String, Vec<Value>) {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items(
        "Trip",
        vec![image_item("Dunes"), video_item("Launch"), text_item("Note")],
    );
    let items = sandbox.items(&g);
    (sandbox, g, items)
}

fn stdout_of(sandbox: &Sandbox, args: &[&str]) -> String {
    let out = run(sandbox.cli().args(args));
    out.success();
    out.stdout
}

#[test]
fn fields_choose_the_tsv_and_table_columns_of_every_list_verb() {
    let (sandbox, g, items) = site();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    let url = items[0]["image"]["imageInfo"]["url"].as_str().unwrap();
    let expected = format!("1\t{}\t{url}\n2\t{}\t\n3\t{}\t\n", ids[0], ids[1], ids[2]);
    let fields = ["--fields", "#,id,image.imageInfo.url"];
    for args in [
        &["items", "list", &g][..],
        &["items", "list", &g, "--all"][..],
        &["items", "list", &g, "--where", "title~n"][..],
        &["items", "bulk-delete", &g, "--all", "--dry-run"][..],
    ] {
        let out = run(sandbox.cli().args(args).args(fields));
        out.success();
        assert_eq!(out.stdout, expected, "{args:?}");
    }
    assert_eq!(
        stdout_of(
            &sandbox,
            &["galleries", "list", "--fields", "name,totalItems"]
        ),
        "Trip\t3\n"
    );
    assert_eq!(
        stdout_of(
            &sandbox,
            &["items", "search", "dunes", "--fields", "id,title,isVideo"]
        ),
        format!("{}\tDunes\tfalse\n", ids[0])
    );
    // A table: the paths are the headers.
    let out = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .env("COLUMNS", "80")
        .args(["items", "list", &g, "--fields", "#,title,type"]));
    out.success();
    let lines: Vec<String> = out
        .lines()
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect();
    assert_eq!(
        lines,
        [
            " #  title   type",
            " 1  Dunes   IMAGE",
            " 2  Launch  VIDEO",
            " 3  Note    TEXT"
        ]
    );
}

#[test]
fn jq_filters_json_and_jsonl_of_every_list_verb() {
    let (sandbox, g, items) = site();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    // jsonl: the filter runs per object, streaming; strings print raw.
    for args in [
        &["items", "list", &g][..],
        &["items", "list", &g, "--all"][..],
        &["items", "list", &g, "--where", "title~n"][..],
        &["items", "bulk-delete", &g, "--all", "--dry-run"][..],
    ] {
        let out = run(sandbox
            .cli()
            .args(args)
            .args(["-o", "jsonl", "--jq", ".title"]));
        out.success();
        assert_eq!(out.stdout, "Dunes\nLaunch\nNote\n", "{args:?}");
        // json: once over the whole array; --jq alone means json.
        let out = run(sandbox.cli().args(args).args(["--jq", "map(.id)"]));
        out.success();
        assert_eq!(out.json(), json!(ids), "{args:?}");
    }
    assert_eq!(
        stdout_of(
            &sandbox,
            &[
                "galleries",
                "list",
                "--jq",
                ".[] | \"\\(.name): \\(.totalItems)\""
            ]
        ),
        "Trip: 3\n"
    );
    assert_eq!(
        stdout_of(
            &sandbox,
            &[
                "items",
                "search",
                "-o",
                "jsonl",
                "--jq",
                "select(.isVideo) | .id"
            ]
        ),
        format!("{}\n", ids[1])
    );
    // `get` and a single object too.
    assert_eq!(
        stdout_of(
            &sandbox,
            &[
                "items",
                "get",
                "Trip",
                ids[0],
                "--jq",
                ".image.imageInfo.width"
            ]
        ),
        "640\n"
    );
}

#[test]
fn journals_take_fields_and_jq_like_any_list() {
    let (sandbox, g, items) = site();
    let first = items[0]["id"].as_str().unwrap();
    run(sandbox.cli().args(["items", "delete", &g, first, "--yes"])).success();
    let out = run(sandbox
        .cli()
        .args(["journals", "--fields", "command,galleryId,items"]));
    out.success();
    assert_eq!(out.stdout, format!("items delete\t{g}\t1\n"));
    let out = run(sandbox
        .cli()
        .args(["journals", "-o", "jsonl", "--jq", ".restoreCommand"]));
    out.success();
    assert!(
        out.stdout
            .starts_with("progallery items restore --journal /"),
        "{}",
        out.stdout
    );
}

#[test]
fn mistakes_are_exit_2_with_the_column_before_any_request() {
    let (sandbox, g, _) = site();
    sandbox.clear_request_log();
    let out = run(sandbox
        .cli()
        .args(["items", "list", &g, "--jq", ".[] | select(.title =="]));
    out.code(2);
    assert_eq!(
        out.stderr,
        "progallery: error: --jq: expected closing parenthesis at column 23\n  .[] | select(.title ==\n                        ^\n\
         hint: fix the expression; it is jq's language (`.[] | .title`, `map(.id)`, `select(.type == \"IMAGE\")`)\n"
    );
    let out = run(sandbox
        .cli()
        .args(["items", "list", &g, "--jq", "map(nosuch)"]));
    out.code(2);
    assert!(
        out.stderr
            .starts_with("progallery: error: --jq: undefined filter nosuch at column 5\n"),
        "{}",
        out.stderr
    );
    for (args, message) in [
        (
            &["--fields", "id", "-o", "json"][..],
            "progallery: error: --fields chooses the columns of table and tsv output, not of -o json\n",
        ),
        (
            &["--jq", ".", "-o", "tsv"][..],
            "progallery: error: --jq filters json and jsonl output, not -o tsv\n",
        ),
        (
            &["--fields", "a..b"][..],
            "progallery: error: --fields: \"a..b\" has an empty part between dots\n",
        ),
    ] {
        let out = run(sandbox.cli().args(["galleries", "list"]).args(args));
        out.code(2);
        assert!(out.stderr.starts_with(message), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("\nhint: "), "{}", out.stderr);
    }
    assert!(
        sandbox.request_log().is_empty(),
        "{:?}",
        sandbox.request_log()
    );
    // An expression that fails on the data: exit 2 as well.
    let out = run(sandbox
        .cli()
        .args(["galleries", "list", "--jq", ".[] | .name + 1"]));
    out.code(2);
    assert!(
        out.stderr.contains("--jq: cannot calculate"),
        "{}",
        out.stderr
    );
}
