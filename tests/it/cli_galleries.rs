//! `galleries` verbs end to end against a sandbox server, and the output formats: table on a
//! terminal (simulated with the hidden PROGALLERY_FORCE_TTY), tsv in a pipe, json, jsonl, id.

use serde_json::Value;

use crate::common::*;

/// Creates a gallery through the CLI (the verb under test here) and returns its JSON.
fn create_gallery(sandbox: &Sandbox, name: &str) -> Value {
    let run = run(sandbox
        .cli()
        .args(["galleries", "create", "--name", name, "-o", "json"]));
    run.success();
    run.json()
}

fn gallery_exists(sandbox: &Sandbox, id: &str) -> bool {
    let resp = sandbox
        .request("GET", &format!("/progallery/v2/galleries/{id}"))
        .send();
    match resp.status {
        200 => true,
        404 => false,
        other => panic!("unexpected {other}: {}", resp.body),
    }
}

#[test]
fn create_get_update_clone_delete() {
    let sandbox = Sandbox::empty();
    let created = create_gallery(&sandbox, "Portfolio");
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["name"], "Portfolio");

    let got = run(sandbox.cli().args(["galleries", "get", &id, "-o", "json"]));
    got.success();
    assert_eq!(got.json()["id"], id.as_str());

    // The SDK habit: ids in the query string too.
    let gets = sandbox.logged("GET", &id);
    assert!(
        gets.iter()
            .any(|r| r["query"].to_string().contains(&format!("galleryId={id}"))),
        "{gets:?}"
    );

    let updated = run(sandbox.cli().args([
        "galleries",
        "update",
        &id,
        "--name",
        "Archive",
        "-o",
        "json",
    ]));
    updated.success();
    assert_eq!(updated.json()["name"], "Archive");
    assert_eq!(sandbox.logged("PATCH", &id).len(), 1, "update is a PATCH");

    let nothing = run(sandbox.cli().args(["galleries", "update", &id]));
    nothing.code(2);

    let clone =
        run(sandbox
            .cli()
            .args(["galleries", "clone", &id, "--name", "Copy", "-o", "json"]));
    clone.success();
    let clone_id = clone.json()["id"].as_str().unwrap().to_string();
    assert_ne!(clone_id, id);
    assert_eq!(clone.json()["name"], "Copy");

    // Off a terminal, deleting needs --yes (exit 2) and nothing is sent.
    sandbox.clear_request_log();
    let refused = run(sandbox.cli().args(["galleries", "delete", &id]));
    refused.code(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert!(sandbox.logged("DELETE", "").is_empty());
    assert!(gallery_exists(&sandbox, &id));

    let dry = run(sandbox
        .cli()
        .args(["galleries", "delete", &id, "--dry-run", "-o", "id"]));
    dry.success();
    assert_eq!(dry.stdout.trim(), id);
    assert!(dry.stderr.contains("dry run"), "{}", dry.stderr);
    assert!(
        sandbox.logged("DELETE", "").is_empty(),
        "a dry run deletes nothing"
    );

    let deleted = run(sandbox
        .cli()
        .args(["galleries", "rm", &id, "--yes", "-o", "id"]));
    deleted.success();
    assert_eq!(deleted.stdout.trim(), id);
    assert!(!gallery_exists(&sandbox, &id));
    assert!(gallery_exists(&sandbox, &clone_id));

    let missing = run(sandbox.cli().args(["galleries", "get", &id]));
    missing.code(5);
    assert!(missing.stderr.contains("404"), "{}", missing.stderr);
}

#[test]
fn terminal_confirmation_needs_the_gallery_name_or_id() {
    let sandbox = Sandbox::empty();
    let id = create_gallery(&sandbox, "Keep me")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let declined = run_with_stdin(
        sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .args(["galleries", "delete", &id]),
        Some(b"yes\n"),
    );
    declined.code(130);
    assert!(
        declined.stderr.contains("Type the gallery's name or id"),
        "{}",
        declined.stderr
    );
    // Declining is the user's choice: reported plainly, not as an error.
    assert!(
        declined
            .stderr
            .contains("progallery: not confirmed; nothing was deleted"),
        "{}",
        declined.stderr
    );
    assert!(!declined.stderr.contains("error"), "{}", declined.stderr);
    assert!(gallery_exists(&sandbox, &id));

    let no_input = run(sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
        "--no-input",
        "galleries",
        "delete",
        &id,
    ]));
    no_input.code(2);
    assert!(gallery_exists(&sandbox, &id));

    let confirmed = run_with_stdin(
        sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .args(["galleries", "delete", &id]),
        Some(b"Keep me\n"),
    );
    confirmed.success();
    assert!(!gallery_exists(&sandbox, &id));
}

#[test]
fn list_all_walks_every_page_in_order() {
    let sandbox = Sandbox::empty();
    for i in 0..23 {
        sandbox.new_gallery(&format!("g{i:02}"));
    }
    // The service's own order, page by page.
    let mut ids = Vec::new();
    for offset in [0, 10, 20] {
        let resp = sandbox
            .request(
                "GET",
                &format!("/progallery/v2/galleries?offset={offset}&limit=10"),
            )
            .send();
        for g in resp.json()["galleries"].as_array().unwrap() {
            ids.push(g["id"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(ids.len(), 23);
    sandbox.clear_request_log();
    let all = run(sandbox
        .cli()
        .args(["galleries", "list", "--all", "-o", "id"]));
    all.success();
    assert_eq!(
        all.lines(),
        ids.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(
        sandbox.logged("GET", "/galleries").len(),
        3,
        "ceil(23/10) pages"
    );

    let one_page = run(sandbox.cli().args(["galleries", "list", "-o", "id"]));
    assert_eq!(one_page.lines().len(), 10, "one page by default");
    let offset = run(sandbox.cli().args([
        "galleries",
        "list",
        "--offset",
        "20",
        "--limit",
        "5",
        "-o",
        "id",
    ]));
    assert_eq!(
        offset.lines(),
        ids[20..].iter().map(String::as_str).collect::<Vec<_>>()
    );

    let bad = run(sandbox.cli().args(["galleries", "list", "--limit", "11"]));
    bad.code(2);
}

#[test]
fn output_formats_terminal_and_pipe() {
    let sandbox = Sandbox::empty();
    let gallery = create_gallery(&sandbox, "Shown\tname");
    let id = gallery["id"].as_str().unwrap();
    let created = gallery["createdDate"].as_str().unwrap();

    // A terminal gets a table with the documented columns.
    let table = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["galleries", "list"]));
    table.success();
    for column in ["ID", "NAME", "ITEMS", "SORT ORDER", "CREATED"] {
        assert!(table.stdout.contains(column), "{}", table.stdout);
    }
    assert!(table.stdout.contains(id), "{}", table.stdout);
    assert!(!table.stdout.contains('\x1b'), "no colour under NO_COLOR");

    // A pipe gets tsv: no header, RFC 3339 times, tabs escaped, nothing truncated.
    let tsv = run(sandbox.cli().args(["galleries", "list"]));
    tsv.success();
    let line = tsv.stdout.lines().next().unwrap();
    let cells: Vec<&str> = line.split('\t').collect();
    assert_eq!(cells.len(), 5, "{line}");
    assert_eq!(cells[0], id);
    assert_eq!(cells[1], "Shown\\tname");
    assert_eq!(cells[4], created);
    assert!(!tsv.stdout.contains("SORT ORDER"));

    // json: one array of the service's objects; jsonl: one per line; id: one id per line.
    let json = run(sandbox.cli().args(["galleries", "list", "-o", "json"]));
    assert_eq!(json.json().as_array().unwrap().len(), 1);
    assert_eq!(json.json()[0]["id"], id);
    let jsonl = run(sandbox.cli().args(["galleries", "list", "-o", "jsonl"]));
    assert_eq!(jsonl.lines().len(), 1);
    assert_eq!(
        serde_json::from_str::<Value>(jsonl.lines()[0]).unwrap()["id"],
        id
    );
    let env_format = run(sandbox
        .cli()
        .env("PROGALLERY_OUTPUT", "id")
        .args(["galleries", "list"]));
    assert_eq!(env_format.stdout.trim(), id);
    let flag_beats_env = run(sandbox.cli().env("PROGALLERY_OUTPUT", "id").args([
        "galleries",
        "list",
        "-o",
        "jsonl",
    ]));
    assert!(flag_beats_env.stdout.starts_with('{'));
}

#[test]
fn empty_lists_are_exit_0() {
    let sandbox = Sandbox::empty();
    let json = run(sandbox.cli().args(["galleries", "list", "-o", "json"]));
    json.success();
    assert_eq!(json.stdout.trim(), "[]");
    let tsv = run(sandbox.cli().args(["galleries", "list", "--all"]));
    tsv.success();
    assert_eq!(tsv.stdout, "");
    let table = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["galleries", "list"]));
    table.success();
    assert!(table.stdout.contains("NAME"));
}

#[test]
fn create_from_a_get_json_round_trips() {
    let sandbox = Sandbox::empty();
    let source = sandbox.gallery_with_items("Source", text_items(3));
    let home = &sandbox.home;
    let dumped = run(sandbox
        .cli()
        .args(["galleries", "get", &source, "-o", "json"]));
    dumped.success();
    let file = temp_file(home.path(), "gallery.json", &dumped.stdout);
    let created = run(sandbox
        .cli()
        .args(["galleries", "create", "--name", "Copy"])
        .arg("--from-file")
        .arg(&file)
        .arg("-o")
        .arg("json"));
    created.success();
    assert_eq!(created.json()["name"], "Copy");
    assert_eq!(created.json()["totalItems"], 3);

    let broken = temp_file(home.path(), "broken.json", "{\"gallery\": ");
    sandbox.clear_request_log();
    let bad = run(sandbox
        .cli()
        .args(["galleries", "create"])
        .arg("--from-file")
        .arg(&broken));
    bad.code(2);
    assert_eq!(
        bad.stderr
            .lines()
            .filter(|l| l.starts_with("progallery: error"))
            .count(),
        1
    );
    assert!(sandbox.request_log().is_empty(), "nothing sent");
}

#[test]
fn not_a_guid_is_exit_2_and_nothing_is_sent() {
    let sandbox = Sandbox::empty();
    // A gallery that is no id is looked up by name (reads only); no such name is exit 2.
    for args in [
        vec!["galleries", "get", "nope"],
        vec!["galleries", "delete", "123", "--yes"],
        vec!["items", "list", "x"],
    ] {
        let run = run(sandbox.cli().args(&args));
        run.code(2);
        assert!(
            run.stderr.contains("no gallery is named"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
    sandbox.clear_request_log();
    let run = run(sandbox.cli().args([
        "items",
        "get",
        "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d",
        "not-an-id",
    ]));
    run.code(2);
    assert!(run.stderr.contains("not a valid id"), "{}", run.stderr);
    assert!(sandbox.request_log().is_empty());
}
