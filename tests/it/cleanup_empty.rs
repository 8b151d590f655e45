//! A pipeline that finds nothing to delete succeeds: empty `--ids-from` input (no lines, `[]`)
//! is an empty selection, exit 0 with a notice, nothing sent and no journal left behind, like a
//! `--where` that matches nothing; input that is not ids at all is still exit 2.

use crate::cleanup_support::*;
use crate::common::*;

#[test]
fn an_empty_selection_from_a_pipe_or_a_file_succeeds_and_sends_nothing() {
    let sandbox = Sandbox::empty();
    let (g, _) = mixed_gallery(&sandbox);
    let before = sandbox.items(&g);
    // The pipeline of the README: a listing that matches nothing feeds the delete.
    let listed = run(sandbox
        .cli()
        .args(["items", "list", &g, "--where", "tag=none", "-o", "id"]));
    listed.success();
    assert_eq!(listed.stdout, "");
    sandbox.clear_request_log();
    let piped = bulk_delete_ids(&sandbox, &g, listed.stdout.as_bytes(), &["--yes"]);
    piped.success();
    assert!(
        piped.stderr.contains("nothing to delete"),
        "{}",
        piped.stderr
    );
    assert_eq!(piped.stdout, "");
    assert!(sandbox.request_log().is_empty(), "nothing is sent");
    // An empty JSON array in a file, with -o json: an empty list on stdout.
    let file = sandbox.home.path().join("ids.json");
    std::fs::write(&file, "[]\n").unwrap();
    let from_file = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--ids-from",
        file.to_str().unwrap(),
        "--yes",
        "-o",
        "json",
    ]));
    from_file.success();
    assert_eq!(from_file.stdout.trim(), "[]");
    assert!(from_file.stderr.contains("nothing to delete"));
    // With a filter too: the empty id list selects nothing, it does not fall back to the filter.
    let with_filter = bulk_delete_ids(
        &sandbox,
        &g,
        b"# nothing\n\n",
        &["--where", "type=IMAGE", "--yes"],
    );
    with_filter.success();
    assert!(sandbox.request_log().is_empty(), "nothing is sent");
    assert!(
        journal_files(sandbox.home.path()).is_empty(),
        "no journal for an empty run"
    );
    // A `--where` matching nothing: exit 0, and no journal either.
    let no_match =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--where", "tag=none", "--yes"]));
    no_match.success();
    assert!(
        journal_files(sandbox.home.path()).is_empty(),
        "no journal for an empty run"
    );
    assert_eq!(sandbox.items(&g), before);
    // Malformed input is still refused, with where it went wrong.
    for bad in ["[", "{\"title\": 1}", "not-an-id\n"] {
        let refused = bulk_delete_ids(&sandbox, &g, bad.as_bytes(), &["--yes"]);
        refused.code(2);
        assert!(
            refused.stderr.contains("stdin"),
            "{bad}: {}",
            refused.stderr
        );
    }
    assert!(sandbox.writes().is_empty());
}
