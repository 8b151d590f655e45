//! `progallery api`, `--sandbox` (the embedded sandbox) and retries against injected faults.

use serde_json::Value;

use crate::common::*;

#[test]
fn raw_calls_with_data_from_text_file_and_stdin() {
    let sandbox = Sandbox::empty();
    let created = run(sandbox.cli().args([
        "api",
        "POST",
        "/progallery/v2/galleries",
        "--data",
        r#"{"gallery":{"name":"Raw"}}"#,
    ]));
    created.success();
    let id = created.json()["gallery"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let file = temp_file(
        sandbox.home.path(),
        "patch.json",
        r#"{"gallery":{"name":"Patched"}}"#,
    );
    let patched = run(sandbox
        .cli()
        .args(["api", "patch", &format!("/progallery/v2/galleries/{id}")])
        .arg("--data")
        .arg(format!("@{}", file.display())));
    patched.success();
    assert_eq!(patched.json()["gallery"]["name"], "Patched");

    let from_stdin = run_with_stdin(
        sandbox.cli().args([
            "api",
            "PATCH",
            &format!("progallery/v2/galleries/{id}"),
            "--data",
            "-",
        ]),
        Some(br#"{"gallery":{"name":"Stdin"}}"#),
    );
    from_stdin.success();
    let got = run(sandbox.cli().args([
        "api",
        "GET",
        &format!("/progallery/v2/galleries/{id}?itemLimit=1"),
    ]));
    got.success();
    assert_eq!(got.json()["gallery"]["name"], "Stdin");

    sandbox.clear_request_log();
    let malformed =
        run(sandbox
            .cli()
            .args(["api", "POST", "/progallery/v2/galleries", "--data", "{nope"]));
    malformed.code(2);
    assert!(
        malformed.stderr.contains("--data is not valid JSON"),
        "{}",
        malformed.stderr
    );
    let missing_file = run(sandbox.cli().args([
        "api",
        "POST",
        "/progallery/v2/galleries",
        "--data",
        "@/nonexistent/x.json",
    ]));
    missing_file.code(2);
    assert!(sandbox.request_log().is_empty(), "nothing sent");

    let not_found = run(sandbox.cli().args([
        "api",
        "GET",
        "/progallery/v2/galleries/99999999-9999-4999-8999-999999999999",
    ]));
    not_found.code(5);
}

#[test]
fn forbidden_key_is_exit_4() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--api-key",
        "IST.the-one-true-key-0000000000000",
    ]);
    let run = run(sandbox.cli().args(["galleries", "list"]));
    run.code(4);
    assert!(run.stderr.contains("403"), "{}", run.stderr);
    assert!(!run.stderr.contains(TEST_API_KEY));
}

#[test]
fn retries_recover_from_injected_503s() {
    let sandbox = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--fail-rate",
        "0.3",
        "--fault-seed",
        "7",
    ]);
    // Seed a gallery through the flaky server itself, with generous retries.
    let mut created = None;
    for _ in 0..5 {
        let run = run(sandbox.cli().args([
            "--retries",
            "10",
            "galleries",
            "create",
            "--name",
            "Flaky",
            "-o",
            "id",
        ]));
        if run.code == 0 {
            created = Some(run.stdout.trim().to_string());
            break;
        }
    }
    let id = created.expect("a create gets through within 5 runs");
    for i in 0..5 {
        // Distinct texts: adding the same text again would be skipped as already there.
        let html = format!("<p>x{i}</p>");
        run(sandbox
            .cli()
            .args(["--retries", "10", "items", "add", &id, "--text", &html]))
        .success();
    }
    for _ in 0..3 {
        let list = run(sandbox.cli().args([
            "--retries",
            "10",
            "items",
            "list",
            &id,
            "--all",
            "-o",
            "jsonl",
        ]));
        list.success();
        assert_eq!(list.lines().len(), 5, "no duplicates, none missing");
    }
    let log = sandbox.request_log();
    let failures = log.iter().filter(|r| r["status"] == 503).count();
    assert!(failures > 0, "the fault injection produced no 503: {log:?}");
    // Retried creates never duplicated anything.
    let items = run(sandbox
        .cli()
        .args(["--retries", "10", "galleries", "get", &id, "-o", "json"]));
    items.success();
    assert_eq!(items.json()["totalItems"], 5);
}

#[test]
fn embedded_sandbox_needs_no_account_and_persists_in_the_data_dir() {
    let home = tempfile::tempdir().unwrap();
    let list = run(cli_in(home.path()).args(["--sandbox", "galleries", "list", "-o", "json"]));
    list.success();
    assert!(list.json().is_array());
    assert!(home.path().join("data/sandbox.db").exists());
    let created = run(cli_in(home.path()).args([
        "--sandbox",
        "galleries",
        "create",
        "--name",
        "Local",
        "-o",
        "id",
    ]));
    created.success();
    let id = created.stdout.trim().to_string();
    let again = run(cli_in(home.path()).env("PROGALLERY_SANDBOX", "1").args([
        "galleries",
        "get",
        &id,
        "-o",
        "json",
    ]));
    again.success();
    assert_eq!(again.json()["name"], "Local");
    let status = run(cli_in(home.path()).args(["--sandbox", "auth", "status"]));
    status.success();
    assert!(
        status.stdout.contains("embedded sandbox"),
        "{}",
        status.stdout
    );

    let both = run(cli_in(home.path()).args([
        "--sandbox",
        "--base-url",
        "http://127.0.0.1:9",
        "galleries",
        "list",
    ]));
    both.code(2);
}

#[test]
fn verbose_logs_exchanges_on_stderr_only() {
    let sandbox = Sandbox::empty();
    let run = run(sandbox
        .cli()
        .args(["-v", "galleries", "list", "-o", "json"]));
    run.success();
    assert_eq!(run.stdout.trim(), "[]");
    assert!(run.stderr.contains("> GET "), "{}", run.stderr);
    assert!(run.stderr.contains("< 200"), "{}", run.stderr);
    assert!(!run.stderr.contains(TEST_API_KEY));
    let logged_request = &sandbox.logged("GET", "/galleries")[0];
    let agent = logged_request["headers"]["user-agent"]
        .as_str()
        .unwrap_or_default();
    assert!(agent.starts_with("progallery/"), "{logged_request:?}");
}

#[test]
fn an_ambiguous_create_is_reconciled_not_duplicated() {
    // Every write commits and then answers 504: the client cannot know it landed without looking.
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--fail-after-commit-rate", "1"]);
    let gallery =
        run(sandbox
            .cli()
            .args(["galleries", "create", "--name", "Ambiguous", "-o", "json"]));
    gallery.success();
    assert_eq!(gallery.json()["name"], "Ambiguous");
    let id = gallery.json()["id"].as_str().unwrap().to_string();
    let added = run(sandbox.cli().args([
        "items",
        "add",
        &id,
        "--text",
        "<p>once</p>",
        "--title",
        "Once",
        "-o",
        "json",
    ]));
    added.success();
    assert_eq!(added.json()["title"], "Once");

    let clone = run(sandbox
        .cli()
        .args(["galleries", "clone", &id, "-o", "json"]));
    clone.success();
    assert_ne!(clone.json()["id"], id.as_str(), "the clone, not its source");
    assert_eq!(clone.json()["name"], "Ambiguous");

    let posts = sandbox.logged("POST", "/progallery/v2/galleries");
    assert_eq!(
        posts.len(),
        3,
        "one create per object, never repeated: {posts:?}"
    );
    assert!(posts.iter().all(|p| p["status"] == 504));
    let galleries = sandbox
        .request("GET", "/progallery/v2/galleries")
        .send()
        .json();
    assert_eq!(galleries["totalGalleries"], 2);
    let items = sandbox
        .request("GET", &format!("/progallery/v2/galleries/{id}?itemLimit=1"))
        .send()
        .json();
    assert_eq!(items["gallery"]["totalItems"], 1);
}

#[test]
fn raw_calls_print_any_json_the_server_answers() {
    let sandbox = Sandbox::empty();
    run(sandbox.cli().args(["galleries", "list"])).success();
    // The sandbox's request log is a JSON array.
    let log = run(sandbox
        .cli()
        .args(["api", "GET", "/_sandbox/requests", "-o", "jsonl"]));
    log.success();
    let parsed: Value = serde_json::from_str(log.stdout.trim()).unwrap();
    assert!(
        parsed.as_array().is_some_and(|a| !a.is_empty()),
        "{}",
        log.stdout
    );
}
