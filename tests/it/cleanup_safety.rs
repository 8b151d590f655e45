//! Safety rails of a cleanup: `--dry-run` prints exactly the selection in the chosen format and
//! sends no write (checked in the sandbox's request log); `--max-delete` refuses the whole run;
//! confirmation on a terminal (count and sample) and `--yes` off one; the journal is written
//! before the delete and holds exactly what went.

use serde_json::Value;

use crate::cleanup_support::*;
use crate::common::*;

const SELECTION: &str = "title~\"item 1\"";

/// 250 generated items; "item 1" is in the titles of items 1, 10–19 and 100–199: 111 of them.
fn gallery(sandbox: &Sandbox) -> (String, Vec<Value>) {
    let g = sandbox.generated_gallery(250);
    let selected: Vec<Value> = sandbox
        .items(&g)
        .into_iter()
        .filter(|i| i["title"].as_str().unwrap().contains("item 1"))
        .collect();
    assert_eq!(selected.len(), 111);
    (g, selected)
}

#[test]
fn dry_run_prints_exactly_the_selection_in_each_format_and_sends_no_write() {
    let sandbox = Sandbox::empty();
    let (g, selected) = gallery(&sandbox);
    sandbox.clear_request_log();
    let json = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--dry-run",
        "-o",
        "json",
    ]));
    json.success();
    assert_eq!(
        json.json(),
        Value::Array(selected.clone()),
        "the service's objects, exactly"
    );
    assert!(
        json.stderr.contains("dry run: would delete 111 item(s)"),
        "{}",
        json.stderr
    );
    let lines = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--dry-run",
        "-o",
        "jsonl",
    ]));
    assert_eq!(lines.success().json_lines(), selected);
    let ids = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--dry-run",
        "-o",
        "id",
    ]));
    assert_eq!(printed_ids(ids.success()), ids_of(&selected));
    let tsv = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--dry-run",
        "-o",
        "tsv",
    ]));
    assert_eq!(tsv.success().lines().len(), 111);
    // A dry run needs no --yes, even off a terminal, and never asks.
    let log = sandbox.request_log();
    assert!(!log.is_empty());
    assert!(
        log.iter().all(|r| r["method"] == "GET"),
        "only reads: {log:?}"
    );
    assert!(
        !sandbox.home.path().join("data/journals").exists(),
        "no journal for a dry run"
    );
    assert_eq!(sandbox.items(&g).len(), 250);
}

#[test]
fn max_delete_refuses_the_whole_run() {
    let sandbox = Sandbox::empty();
    let (g, _) = gallery(&sandbox);
    sandbox.clear_request_log();
    let refused = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--max-delete",
        "110",
        "--yes",
    ]));
    refused.code(2);
    assert!(
        refused
            .stderr
            .contains("111 items selected, more than --max-delete 110; nothing was deleted"),
        "{}",
        refused.stderr
    );
    assert!(sandbox.writes().is_empty());
    assert_eq!(sandbox.items(&g).len(), 250);
    let allowed = run(sandbox.cli().args([
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
        "--max-delete",
        "111",
        "--yes",
        "-o",
        "id",
    ]));
    allowed.success();
    assert_eq!(allowed.lines().len(), 111);
    assert_eq!(sandbox.items(&g).len(), 139);
}

#[test]
fn confirmation_on_a_terminal_and_yes_off_one() {
    let sandbox = Sandbox::empty();
    let (g, selected) = gallery(&sandbox);
    sandbox.clear_request_log();
    // Off a terminal: --yes is required; one short line, nothing sent.
    let refused = run(sandbox
        .cli()
        .args(["items", "bulk-delete", &g, "--where", SELECTION]));
    refused.code(2);
    assert!(
        refused
            .stderr
            .contains("refusing without --yes when stdin is not a terminal"),
        "{}",
        refused.stderr
    );
    assert!(
        !refused.stderr.contains("for example"),
        "{}",
        refused.stderr
    );
    // A terminal with --no-input cannot ask either.
    let no_input = run(sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
        "--no-input",
        "items",
        "bulk-delete",
        &g,
        "--where",
        SELECTION,
    ]));
    no_input.code(2);
    // On a terminal: the count and a sample, then a declined answer deletes nothing (130).
    let declined = run_with_stdin(
        sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
            "items",
            "bulk-delete",
            &g,
            "--where",
            SELECTION,
        ]),
        Some(b"n\n"),
    );
    declined.code(130);
    assert!(
        declined.stderr.contains("About to delete 111 item(s)"),
        "{}",
        declined.stderr
    );
    let first = selected[0]["id"].as_str().unwrap();
    assert!(
        declined.stderr.contains(first),
        "a sample is shown: {}",
        declined.stderr
    );
    assert!(
        declined.stderr.contains("… and 106 more"),
        "{}",
        declined.stderr
    );
    assert!(declined.stderr.contains("[y/N]"), "{}", declined.stderr);
    assert!(sandbox.writes().is_empty());
    // Ids read from stdin leave no stdin to answer with: --yes is required even on a terminal.
    let piped = run_with_stdin(
        sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
            "items",
            "bulk-delete",
            &g,
            "--ids-from",
            "-",
        ]),
        Some(format!("{first}\n").as_bytes()),
    );
    piped.code(2);
    assert!(
        piped.stderr.contains("stdin cannot answer a confirmation"),
        "{}",
        piped.stderr
    );
    assert!(sandbox.writes().is_empty());
    // Accepted: they go.
    let accepted = run_with_stdin(
        sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
            "items",
            "bulk-delete",
            &g,
            "--where",
            SELECTION,
        ]),
        Some(b"y\n"),
    );
    accepted.success();
    assert!(
        accepted.stderr.contains("deleted 111 of 111 item(s)"),
        "{}",
        accepted.stderr
    );
    assert_eq!(sandbox.items(&g).len(), 139);
}

#[test]
fn the_journal_holds_each_batch_before_it_is_sent() {
    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(1500);
    let before = sandbox.items(&g);
    let done =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g, "--all", "--yes", "-o", "jsonl"]));
    done.success();
    let path = journal_path(&done);
    assert!(
        path.starts_with(sandbox.home.path().join("data/journals").to_str().unwrap()),
        "{path}"
    );
    assert!(path.ends_with(&format!("-{g}.jsonl")), "{path}");
    let lines: Vec<Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["kind"], "run");
    assert_eq!(lines[0]["command"], "items bulk-delete");
    let journaled: Vec<Value> = lines[1..].iter().map(|l| l["item"].clone()).collect();
    assert_eq!(journaled, before, "every item, whole, in gallery order");
    assert_eq!(with_status(&done.json_lines(), "deleted"), ids_of(&before));
    assert!(
        done.stderr
            .contains("undo: progallery items restore --journal"),
        "{}",
        done.stderr
    );
    // Two batches of at most 1000.
    let mut sizes: Vec<usize> = sandbox
        .writes()
        .iter()
        .map(|w| w["body"]["itemIds"].as_array().unwrap().len())
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, vec![500, 1000]);
}

#[test]
fn a_progress_bar_with_count_rate_and_eta_on_a_real_terminal_only() {
    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(2000);
    // Slow answers, so the bar is drawn more than once.
    sandbox.set_faults(serde_json::json!({"latencyMs": 150}));
    let bin = assert_cmd::cargo::cargo_bin("progallery");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec"])
        .arg(format!(
            "{} items bulk-delete {g} --all --yes -o id > /dev/null",
            bin.display()
        ))
        .arg("/dev/null")
        .env_clear_test_env(sandbox.home.path())
        .env("PROGALLERY_BASE_URL", &sandbox.base_url)
        .env("WIX_API_KEY", TEST_API_KEY)
        .env("WIX_SITE_ID", DEFAULT_TEST_SITE)
        .env("TERM", "xterm");
    let on_terminal = run(&mut cmd);
    on_terminal.success();
    let transcript = on_terminal.stdout.replace('\r', "\n");
    assert!(transcript.contains("listing items ["), "{transcript}");
    assert!(
        transcript
            .lines()
            .any(|l| l.contains("/2000 (") && l.contains("/s, ETA ")),
        "count, rate and ETA: {transcript}"
    );
    assert!(transcript.contains("deleted 2000 of 2000"), "{transcript}");
    // In a pipe: no bar at all, just the summary.
    let g2 = sandbox.generated_gallery(300);
    let piped =
        run(sandbox
            .cli()
            .args(["items", "bulk-delete", &g2, "--all", "--yes", "-o", "id"]));
    piped.success();
    assert!(!piped.stderr.contains('['), "{}", piped.stderr);
}
