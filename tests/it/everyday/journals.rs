//! `progallery journals`: after a delete, a bulk-delete and a galleries delete, each journal is
//! listed (newest first) with its command, gallery, item count and the exact restore command,
//! which works; a restore marks it restored. Under `-q` the deletes print no journal line, and
//! `journals` still finds it.

use serde_json::Value;

use crate::common::*;

fn journals(sandbox: &Sandbox) -> Vec<Value> {
    let out = run(sandbox.cli().args(["journals", "-o", "json"]));
    out.success();
    out.json().as_array().cloned().unwrap()
}

/// Runs a journal's restore command as `journals` printed it (split on spaces: the test's paths
/// have none).
fn run_restore(sandbox: &Sandbox, command: &str) -> Run {
    let words: Vec<&str> = command.split(' ').collect();
    assert_eq!(words[0], "progallery");
    run(sandbox.cli().args(&words[1..]).arg("-q"))
}

#[test]
fn journals_after_a_delete_a_bulk_delete_and_a_restore() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Trip", text_items(5));
    let ids = sandbox.item_ids(&g);
    // Quiet deletes: nothing on stderr says where the journal went.
    let out = run(sandbox
        .cli()
        .args(["-q", "items", "delete", "Trip", &ids[0], "--yes"]));
    out.success();
    assert!(!out.stderr.contains("journal"), "{}", out.stderr);
    next_millisecond();
    let out = run(sandbox.cli().args([
        "-q",
        "items",
        "bulk-delete",
        "Trip",
        "--where",
        "title~item",
        "--yes",
    ]));
    out.success();
    assert!(!out.stderr.contains("journal"), "{}", out.stderr);
    assert!(sandbox.items(&g).is_empty());

    let listed = journals(&sandbox);
    assert_eq!(listed.len(), 2, "{listed:?}");
    let (bulk, single) = (&listed[0], &listed[1]);
    assert_eq!(bulk["command"], "items bulk-delete");
    assert_eq!(bulk["items"], 4);
    assert_eq!(single["command"], "items delete");
    assert_eq!(single["items"], 1);
    for journal in &listed {
        assert_eq!(journal["galleryId"], g.as_str());
        assert_eq!(journal["restored"], false);
        assert_eq!(
            journal["restoreCommand"],
            format!(
                "progallery items restore --journal {}",
                journal["path"].as_str().unwrap()
            )
        );
    }
    // The table a person reads: two lines per journal, the command in full.
    let out = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["journals"]));
    out.success();
    let lines = out.lines();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    assert!(lines[0].contains("  items bulk-delete  "), "{}", lines[0]);
    // The name comes from the names cache (the lookup of "Trip" wrote it).
    assert!(
        lines[0].ends_with(&format!("\"Trip\" ({g})  4 item(s)  not restored")),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        format!("  {}", bulk["restoreCommand"].as_str().unwrap())
    );

    // Its restore command works, and the journal is then marked restored; the other is not.
    run_restore(&sandbox, bulk["restoreCommand"].as_str().unwrap()).success();
    assert_eq!(sandbox.items(&g).len(), 4);
    let listed = journals(&sandbox);
    assert_eq!(listed[0]["restored"], true, "{:?}", listed[0]);
    assert_eq!(listed[0]["restores"][0]["command"], "items restore");
    assert_eq!(listed[0]["restores"][0]["galleryId"], g.as_str());
    assert_eq!(listed[1]["restored"], false);
    let out = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["journals", "--limit", "1"]));
    assert!(
        out.lines()[0].contains("4 item(s)  restored 20"),
        "{}",
        out.stdout
    );
    // The restored journal still reads as a journal (the mark is a line of its own kind).
    run_restore(&sandbox, listed[1]["restoreCommand"].as_str().unwrap()).success();
    assert_eq!(sandbox.items(&g).len(), 5);
    // `-o id` prints the paths, newest first.
    let out = run(sandbox.cli().args(["journals", "-o", "id"]));
    assert_eq!(
        out.lines(),
        [
            listed[0]["path"].as_str().unwrap(),
            listed[1]["path"].as_str().unwrap()
        ]
    );
}

#[test]
fn a_galleries_delete_journal_names_its_gallery_and_restores_with_galleries_restore() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Portfolio", text_items(2));
    run(sandbox
        .cli()
        .args(["-q", "galleries", "delete", "Portfolio", "--yes"]))
    .success();
    let listed = journals(&sandbox);
    assert_eq!(listed[0]["command"], "galleries delete");
    assert_eq!(listed[0]["galleryId"], g.as_str());
    assert_eq!(listed[0]["galleryName"], "Portfolio");
    assert_eq!(listed[0]["items"], 2);
    let command = listed[0]["restoreCommand"].as_str().unwrap();
    assert!(
        command.starts_with("progallery galleries restore --journal "),
        "{command}"
    );
    run_restore(&sandbox, command).success();
    assert_eq!(journals(&sandbox)[0]["restored"], true);
}

#[test]
fn no_journals_is_an_empty_list() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli_in(home.path()).args(["journals", "-o", "json"]));
    out.success();
    assert_eq!(out.stdout, "[]\n");
}
