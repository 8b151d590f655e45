//! No silent truncation: `galleries get -o json` holds every item, `galleries create --from-file`
//! refuses a dump with fewer items than its gallery had, a list showing one page on a terminal says
//! how many more there are, and restores print and keep the old → new id table.

use super::*;

#[test]
fn get_as_json_holds_every_item_and_a_partial_dump_is_refused() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Big", text_items(120));
    let got = run(sandbox.cli().args(["galleries", "get", &g, "-o", "json"]));
    got.success();
    let dump = got.json();
    assert_eq!(dump["totalItems"], 120);
    let items = dump["items"].as_array().unwrap();
    assert_eq!(items.len(), 120);
    assert_eq!(items[119]["title"], "item 119");
    // jsonl too: the gallery on one line, every item in it.
    let line = run(sandbox.cli().args(["galleries", "get", &g, "-o", "jsonl"]));
    assert_eq!(line.json()["items"].as_array().unwrap().len(), 120);
    // That dump makes a whole copy.
    let out = tempfile::tempdir().unwrap();
    let whole = temp_file(out.path(), "whole.json", &got.stdout);
    let copy = run(sandbox
        .cli()
        .args(["galleries", "create", "--from-file"])
        .arg(&whole)
        .args(["-o", "id"]));
    copy.success();
    assert_eq!(sandbox.items(copy.stdout.trim()).len(), 120);

    // A dump of the first 50 only (what `get` used to print): refused, nothing created.
    let mut partial = dump.clone();
    partial["items"] = json!(items[..50].to_vec());
    let partial = temp_file(out.path(), "partial.json", &partial.to_string());
    sandbox.clear_request_log();
    let refused = run(sandbox
        .cli()
        .args(["galleries", "create", "--from-file"])
        .arg(&partial));
    assert_one_error_and_a_hint(
        "a partial dump",
        &refused,
        2,
        "holds 50 of the gallery's 120 items",
    );
    assert!(
        refused.stderr.contains("galleries export"),
        "{}",
        refused.stderr
    );
    assert!(sandbox.request_log().is_empty(), "nothing sent");
}

#[test]
fn one_page_on_a_terminal_says_how_many_more() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Big", text_items(120));
    for n in 0..11 {
        sandbox.new_gallery(&format!("G{n}"));
    }
    let tty = |args: &[&str]| {
        run(sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .env("COLUMNS", "120")
            .args(args))
    };
    let items = tty(&["items", "list", &g]);
    items.success();
    assert!(
        items.stderr.contains(
            "showing 50 of 120 items; 70 more: --all for every one, --offset 50 for the next page"
        ),
        "{}",
        items.stderr
    );
    let next = tty(&["items", "list", &g, "--offset", "50", "--limit", "50"]);
    assert!(
        next.stderr.contains("showing 51–100 of 120 items; 20 more"),
        "{}",
        next.stderr
    );
    let last = tty(&["items", "list", &g, "--offset", "100"]);
    assert!(!last.stderr.contains("showing"), "{}", last.stderr);
    let galleries = tty(&["galleries", "list"]);
    assert!(
        galleries
            .stderr
            .contains("showing 10 of 12 galleries; 2 more"),
        "{}",
        galleries.stderr
    );
    // In a pipe the page is what a script asked for: no notice, and no extra request.
    sandbox.clear_request_log();
    let piped = run(sandbox.cli().args(["items", "list", &g]));
    piped.success();
    assert!(piped.stderr.is_empty(), "{}", piped.stderr);
    assert_eq!(sandbox.request_log().len(), 1);
}

#[test]
fn restores_print_and_keep_the_old_to_new_id_table() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Trip", text_items(3));
    let ids = sandbox.item_ids(&g);
    let deleted = run(sandbox.cli().args(["galleries", "delete", &g, "--yes"]));
    deleted.success();
    let journal = deleted
        .stderr
        .split("galleries restore --journal ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("the journal")
        .trim()
        .to_string();
    let restored =
        run(sandbox
            .cli()
            .args(["galleries", "restore", "--journal", &journal, "-o", "id"]));
    restored.success();
    let new_gallery = restored.stdout.trim().to_string();
    let table =
        std::path::PathBuf::from(journal.trim_end_matches(".jsonl").to_string() + ".ids.tsv");
    assert!(
        restored
            .stderr
            .contains(&format!("old → new ids (also in {}):", table.display())),
        "{}",
        restored.stderr
    );
    let text = std::fs::read_to_string(&table).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(text.lines().next(), Some("kind\told id\tnew id\tstatus"));
    assert_eq!(rows.len(), 4, "{text}");
    let new_items = sandbox.item_ids(&new_gallery);
    for (old, new) in ids.iter().zip(&new_items) {
        assert!(
            rows.contains(&vec!["item", old, new, "restored"]),
            "{old} → {new}: {text}"
        );
        assert!(
            restored
                .stderr
                .contains(&format!("item    {old} → {new}  restored")),
            "{}",
            restored.stderr
        );
    }
    assert!(
        rows.contains(&vec!["gallery", &g, &new_gallery, "restored"]),
        "{text}"
    );
    // Run again: every object present, the table says so.
    let again = run(sandbox
        .cli()
        .args(["galleries", "restore", "--journal", &journal]));
    again.success();
    let text = std::fs::read_to_string(&table).unwrap();
    assert_eq!(
        text.lines().filter(|l| l.ends_with("\tpresent")).count(),
        4,
        "{text}"
    );
}
