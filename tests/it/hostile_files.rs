//! Hostile local input (issue 14, class 3): a config file, manifest, id list, edits file, journal
//! or key that is a FIFO, a device, a folder or a huge file is refused at once (a FIFO with no
//! writer would otherwise hang the run: the test finishing is part of the proof); a NUL byte,
//! bytes that are not UTF-8 or a binary file in an input is exit 2 naming the line, nothing sent;
//! every error path carries a hint; odd string arguments never panic; and an `items add` whose
//! every source failed is not "partial" (exit 3). Each case asserts the exit code, one error
//! line and its hint, empty stdout, and that the sandbox saw no write.

use std::path::{Path, PathBuf};

use crate::common::media::png;
use crate::common::*;

/// A FIFO at `path` (nobody ever writes to it).
fn fifo(path: &Path) -> PathBuf {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) reads a NUL-terminated path and touches nothing else.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
    path.to_path_buf()
}

/// A sparse file of `len` bytes (it takes no disk space).
fn huge(path: &Path, len: u64) -> PathBuf {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
    path.to_path_buf()
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

/// The sandbox saw no write.
#[track_caller]
fn assert_nothing_written(sandbox: &Sandbox, what: &str) {
    let writes = sandbox.writes();
    assert!(writes.is_empty(), "{what}: {writes:#?}");
}

#[test]
fn fifos_devices_folders_and_huge_files_are_refused_at_once() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Untouched");
    sandbox.clear_request_log();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fifo = text(&fifo(&d.join("pipe")));
    let folder = text(d);
    let device = "/dev/zero".to_string();
    let big = text(&huge(&d.join("big.txt"), 300 * 1024 * 1024));
    let big_journal = text(&huge(&d.join("big.jsonl"), 1100 * 1024 * 1024));
    let kinds = [
        ("a FIFO", &fifo, "FIFO"),
        ("a device", &device, "character device"),
        ("a folder", &folder, "a directory"),
    ];
    let mut cases: Vec<(String, Vec<String>, &str)> = Vec::new();
    for (kind, path, says) in kinds {
        let args: Vec<(&str, Vec<String>)> = vec![
            (
                "manifest",
                vec![
                    "items".into(),
                    "add".into(),
                    g.clone(),
                    "--from-file".into(),
                    path.clone(),
                ],
            ),
            (
                "edits",
                vec![
                    "items".into(),
                    "update".into(),
                    g.clone(),
                    "--from-file".into(),
                    path.clone(),
                ],
            ),
            (
                "gallery file",
                vec![
                    "galleries".into(),
                    "create".into(),
                    "--from-file".into(),
                    path.clone(),
                ],
            ),
            (
                "bulk-delete ids",
                vec![
                    "items".into(),
                    "bulk-delete".into(),
                    g.clone(),
                    "--ids-from".into(),
                    path.clone(),
                    "--yes".into(),
                ],
            ),
            (
                "reorder ids",
                vec![
                    "items".into(),
                    "reorder".into(),
                    g.clone(),
                    "--ids-from".into(),
                    path.clone(),
                ],
            ),
            (
                "journal",
                vec![
                    "items".into(),
                    "restore".into(),
                    "--journal".into(),
                    path.clone(),
                ],
            ),
            (
                "gallery journal",
                vec![
                    "galleries".into(),
                    "restore".into(),
                    "--journal".into(),
                    path.clone(),
                ],
            ),
            (
                "search filter",
                vec![
                    "items".into(),
                    "search".into(),
                    "--filter".into(),
                    format!("@{path}"),
                ],
            ),
            (
                "api data",
                vec![
                    "api".into(),
                    "POST".into(),
                    "/progallery/v2/galleries".into(),
                    "--data".into(),
                    format!("@{path}"),
                ],
            ),
            (
                "webhook payload",
                vec![
                    "webhooks".into(),
                    "verify".into(),
                    "--public-key".into(),
                    "/nonexistent.pem".into(),
                    path.clone(),
                ],
            ),
        ];
        for (what, args) in args {
            // verify reads its key first; the payload is reached with a readable key below.
            if what == "webhook payload" {
                continue;
            }
            cases.push((format!("{what} is {kind}"), args, says));
        }
    }
    for (what, args) in [
        ("manifest", vec!["items", "add", &g, "--from-file", &big]),
        (
            "ids",
            vec!["items", "bulk-delete", &g, "--ids-from", &big, "--yes"],
        ),
        (
            "journal",
            vec!["items", "restore", "--journal", &big_journal],
        ),
    ] {
        cases.push((
            format!("a huge {what}"),
            args.iter().map(|a| a.to_string()).collect(),
            "larger than",
        ));
    }
    for (name, args, says) in &cases {
        let out = run(sandbox.cli().args(args));
        assert_one_error_and_a_hint(name, &out, 2, says);
    }
    assert_nothing_written(&sandbox, "refused files");
    assert!(sandbox.items(&g).is_empty());
}

#[test]
fn a_config_or_key_file_that_is_not_a_regular_file_is_refused_at_once() {
    // config.toml as a FIFO, a folder, or far too big.
    for (kind, make, says) in [
        ("a FIFO", 0, "FIFO"),
        ("a folder", 1, "a directory"),
        ("huge", 2, "larger than"),
    ] {
        let home = tempfile::tempdir().unwrap();
        let config_dir = home.path().join("config");
        std::fs::create_dir_all(&config_dir).unwrap();
        let config = config_dir.join("config.toml");
        match make {
            0 => drop(fifo(&config)),
            1 => std::fs::create_dir(&config).unwrap(),
            _ => drop(huge(&config, 2 * 1024 * 1024)),
        }
        let out = run(cli_in(home.path())
            .env("WIX_API_KEY", TEST_API_KEY)
            .args(["galleries", "list"]));
        assert_one_error_and_a_hint(&format!("config is {kind}"), &out, 1, says);
        assert!(
            out.stderr.contains("cannot read the config file"),
            "{}",
            out.stderr
        );
    }
    // A key file that is a FIFO, and a webhook payload that is one.
    let home = tempfile::tempdir().unwrap();
    let key = fifo(&home.path().join("key.pem"));
    let out = run(cli_in(home.path())
        .args(["webhooks", "verify", "--public-key"])
        .arg(&key)
        .arg("-"));
    assert_one_error_and_a_hint("public key is a FIFO", &out, 2, "FIFO");
    let (_, public) = crate::webhooks_support::keys().files_in(home.path());
    let payload = fifo(&home.path().join("payload.jwt"));
    let out = run(cli_in(home.path())
        .args(["webhooks", "verify", "--public-key"])
        .arg(&public)
        .arg(&payload));
    assert_one_error_and_a_hint("payload is a FIFO", &out, 2, "FIFO");
}

#[test]
fn nul_bytes_bad_utf8_and_binary_input_are_exit_2_naming_the_line_and_nothing_is_sent() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Untouched");
    sandbox.clear_request_log();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let path = d.join(name);
        std::fs::write(&path, bytes).unwrap();
        text(&path)
    };
    let csv_nul = write(
        "nul.csv",
        b"source,title\nhttps://example.com/a.png,ok\nhttps://example.com/b.png,bad\x00title\n",
    );
    let csv_latin1 = write(
        "latin1.csv",
        b"source,title\nhttps://example.com/a.png,caf\xe9\n",
    );
    let image = write("photo.png", &png(4, 4, 100));
    let edits_nul = write(
        "edits.jsonl",
        b"{\"id\": \"0c0c0c0c-0000-4000-8000-000000000001\", \"title\": \"x\"}\n\x00\n",
    );
    let gallery_bin = write("gallery.json", b"{\"gallery\": {\"name\": \"\xff\xfe\"}}");
    /// What it is, its arguments, its stdin, a piece of the error line.
    type Case<'a> = (&'a str, Vec<&'a str>, Option<&'a [u8]>, &'a str);
    let cases: Vec<Case> = vec![
        (
            "a NUL byte in a CSV manifest",
            vec!["items", "add", &g, "--from-file", &csv_nul],
            None,
            "line 3, column 30 holds a NUL byte",
        ),
        (
            "Latin-1 in a CSV manifest",
            vec!["items", "add", &g, "--from-file", &csv_latin1],
            None,
            "line 2, column title: not valid UTF-8",
        ),
        (
            "a PNG as a manifest",
            vec!["items", "add", &g, "--from-file", &image],
            None,
            "line 1",
        ),
        (
            "a NUL byte in edits",
            vec!["items", "update", &g, "--from-file", &edits_nul],
            None,
            "line 2, column 1 holds a NUL byte",
        ),
        (
            "bad UTF-8 in a gallery file",
            vec!["galleries", "create", "--from-file", &gallery_bin],
            None,
            "line 1, column 23 does not contain valid UTF-8",
        ),
        (
            "a NUL byte in ids on stdin",
            vec!["items", "bulk-delete", &g, "--ids-from", "-", "--yes"],
            Some(b"0c0c0c0c-0000-4000-8000-000000000001\n\x00\n"),
            "stdin: line 2, column 1 holds a NUL byte",
        ),
        (
            "binary on stdin as a manifest",
            vec!["items", "add", &g, "--from-file", "-"],
            Some(b"\x89PNG\r\n\x1a\n\x00\x00"),
            "stdin",
        ),
        (
            "a NUL byte in API data",
            vec!["api", "POST", "/progallery/v2/galleries", "--data", "-"],
            Some(b"{\"gallery\": {}}\x00"),
            "holds a NUL byte",
        ),
    ];
    for (name, args, stdin, says) in cases {
        let out = run_with_stdin(sandbox.cli().args(&args), stdin);
        assert_one_error_and_a_hint(name, &out, 2, says);
    }
    assert_nothing_written(&sandbox, "bad bytes");
    assert!(sandbox.items(&g).is_empty());
}

#[test]
fn every_error_path_carries_a_hint() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Kept");
    let item = sandbox.add_item(&g, text_item("kept"));
    let item_id = item["id"].as_str().unwrap().to_string();
    sandbox.clear_request_log();
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_addr = busy.local_addr().unwrap().to_string();
    // A data dir that is a file; a sandbox database that is not a database; a journals folder
    // that is a file.
    let not_a_dir = temp_file(h, "data-file", "x");
    let garbage_db_dir = h.join("garbage");
    std::fs::create_dir_all(&garbage_db_dir).unwrap();
    std::fs::write(garbage_db_dir.join("sandbox.db"), vec![b'x'; 8192]).unwrap();
    let blocked = h.join("blocked");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("journals"), "not a folder").unwrap();
    let missing_key = h.join("missing.pem");
    struct Walk<'a> {
        name: &'a str,
        env: Vec<(&'a str, String)>,
        args: Vec<String>,
        code: i32,
        says: &'a str,
    }
    let walk = |name, env: Vec<(&'static str, String)>, args: &[&str], code, says| Walk {
        name,
        env,
        args: args.iter().map(|a| a.to_string()).collect(),
        code,
        says,
    };
    let walks = vec![
        walk(
            "an API key with a line break",
            vec![("WIX_API_KEY", "IST.abc\ndef".into())],
            &["galleries", "list"],
            4,
            "characters an HTTP header cannot carry",
        ),
        walk(
            "a site id with a control character",
            vec![("WIX_SITE_ID", "site\u{1}".into())],
            &["galleries", "list"],
            4,
            "site id holds characters",
        ),
        walk(
            "a retry budget that is not a number",
            vec![("PROGALLERY_RETRY_BUDGET", "soon".into())],
            &["galleries", "list"],
            2,
            "PROGALLERY_RETRY_BUDGET",
        ),
        walk(
            "a base URL that is not http",
            vec![("PROGALLERY_BASE_URL", "ftp://example.com".into())],
            &["galleries", "list"],
            2,
            "must be http",
        ),
        walk(
            "an output format that does not exist",
            vec![("PROGALLERY_OUTPUT", "xml".into())],
            &["galleries", "list"],
            2,
            "xml",
        ),
        walk(
            "a data dir that is a file",
            vec![("PROGALLERY_DATA_DIR", text(&not_a_dir))],
            &["--sandbox", "galleries", "list"],
            2,
            "cannot create the data directory",
        ),
        walk(
            "a sandbox database that is not one",
            vec![("PROGALLERY_DATA_DIR", text(&garbage_db_dir))],
            &["--sandbox", "galleries", "list"],
            1,
            "sandbox",
        ),
        walk(
            "serve a database that is not one",
            vec![],
            &[
                "sandbox",
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--db",
                &text(&garbage_db_dir.join("sandbox.db")),
            ],
            1,
            "sandbox",
        ),
        walk(
            "a journals folder that is a file",
            vec![("PROGALLERY_DATA_DIR", text(&blocked))],
            &["items", "delete", &g, &item_id, "--yes"],
            1,
            "journal",
        ),
        walk(
            "--path without a slash",
            vec![],
            &[
                "webhooks",
                "listen",
                "--addr",
                "127.0.0.1:0",
                "--path",
                "hooks",
            ],
            2,
            "must start with '/'",
        ),
        walk(
            "--path with a route pattern",
            vec![],
            &[
                "webhooks",
                "listen",
                "--addr",
                "127.0.0.1:0",
                "--path",
                "/{id}",
            ],
            2,
            "--path",
        ),
        walk(
            "--path with a space",
            vec![],
            &[
                "webhooks",
                "listen",
                "--addr",
                "127.0.0.1:0",
                "--path",
                "/a b",
            ],
            2,
            "spaces",
        ),
        walk(
            "--path with a query",
            vec![],
            &[
                "webhooks",
                "listen",
                "--addr",
                "127.0.0.1:0",
                "--path",
                "/hooks?x=1",
            ],
            2,
            "query",
        ),
        walk(
            "--path with dot segments",
            vec![],
            &[
                "webhooks",
                "listen",
                "--addr",
                "127.0.0.1:0",
                "--path",
                "/a/../b",
            ],
            2,
            "--path",
        ),
        walk(
            "a busy listen address",
            vec![],
            &["webhooks", "listen", "--addr", &busy_addr],
            1,
            "cannot listen",
        ),
        walk(
            "a missing public key",
            vec![],
            &[
                "webhooks",
                "verify",
                "--public-key",
                &text(&missing_key),
                "-",
            ],
            2,
            "cannot read key file",
        ),
        walk(
            "trigger to a URL without a host",
            vec![],
            &["webhooks", "trigger", "created", "--to", "http://"],
            2,
            "--to must be",
        ),
        walk(
            "trigger with an unknown event",
            vec![],
            &["webhooks", "trigger", "made", "--to", "http://127.0.0.1:9/"],
            2,
            "unknown event type",
        ),
    ];
    for w in walks {
        let mut cmd = sandbox.cli();
        for (name, value) in &w.env {
            cmd.env(name, value);
        }
        let out = run(cmd.args(&w.args));
        assert_one_error_and_a_hint(w.name, &out, w.code, w.says);
    }
    drop(busy);
    assert_nothing_written(&sandbox, "error walk");
    assert_eq!(sandbox.item_ids(&g), [item_id]);
}

#[test]
fn odd_string_arguments_never_panic() {
    let home = tempfile::tempdir().unwrap();
    let g = "e481d9b4-14b9-4a98-ae52-67f4170e3a63";
    let odd = [
        "",
        " ",
        "{",
        "}",
        "{}",
        "/{",
        "/{x}",
        "/{*x}",
        "/:x",
        "/*",
        "//",
        "/%",
        "/%zz",
        "/é",
        "💥",
        "-",
        "../..",
        "\n",
        "\t",
        "-1",
        "18446744073709551616",
        "1e309",
        "NaN",
        "[",
        "\"",
        "\\",
        "?",
        "#",
        "127.0.0.1:99999",
        "@",
        "@/nonexistent",
        "http://[",
        "after:",
        ",",
    ];
    let long = "x".repeat(100_000);
    // `listen` gets an address it cannot bind, so a path it accepts ends there instead of serving.
    let templates: Vec<Vec<&str>> = vec![
        vec![
            "webhooks",
            "listen",
            "--addr",
            "256.0.0.1:1",
            "--path",
            "{}",
        ],
        vec!["webhooks", "listen", "--addr", "{}", "--path", "/hooks"],
        vec![
            "webhooks",
            "listen",
            "--addr",
            "256.0.0.1:1",
            "--events",
            "{}",
        ],
        vec![
            "webhooks",
            "listen",
            "--addr",
            "256.0.0.1:1",
            "--forward-to",
            "{}",
        ],
        vec!["webhooks", "trigger", "{}", "--to", "{}"],
        vec!["items", "list", g, "--where", "{}"],
        vec!["items", "add", g, "{}", "--position", "{}"],
        vec![
            "items",
            "add",
            g,
            "--text",
            "<p>x</p>",
            "--focal-point",
            "{}",
        ],
        vec!["items", "search", "--filter", "{}"],
        vec!["galleries", "create", "--sort-order", "{}"],
        vec!["api", "{}", "{}"],
        vec!["sandbox", "serve", "--addr", "{}", "--memory"],
        vec!["--base-url", "{}", "galleries", "list"],
    ];
    for template in &templates {
        for value in odd.iter().copied().chain([long.as_str()]) {
            let args: Vec<&str> = template
                .iter()
                .map(|a| if *a == "{}" { value } else { a })
                .collect();
            // The embedded sandbox stands behind every gallery command, so nothing leaves loopback.
            let out = run(cli_in(home.path())
                .env("PROGALLERY_SANDBOX", "1")
                .args(&args));
            let shown: Vec<String> = args.iter().map(|a| a.chars().take(40).collect()).collect();
            assert!(
                out.code != 101 && !out.stderr.contains("panicked"),
                "{shown:?} panicked: {}",
                out.stderr
            );
            if out.code != 0 {
                let errors = out
                    .stderr
                    .lines()
                    .filter(|l| l.starts_with("progallery: error:"))
                    .count();
                assert_eq!(errors, 1, "{shown:?}: {}", out.stderr);
                assert!(out.stderr.contains("\nhint: "), "{shown:?}: {}", out.stderr);
            }
        }
    }
}

#[test]
fn a_folder_with_a_symlink_loop_and_a_fifo_is_walked_once() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Loop");
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    std::fs::create_dir_all(photos.join("sub")).unwrap();
    std::fs::write(photos.join("a.png"), png(5, 5, 100)).unwrap();
    std::fs::write(photos.join("sub/b.png"), png(6, 6, 100)).unwrap();
    std::os::unix::fs::symlink(&photos, photos.join("sub/loop")).unwrap();
    fifo(&photos.join("c.png"));
    let out = run(sandbox.cli().args(["items", "add", &g]).arg(&photos).args([
        "--recursive",
        "-o",
        "jsonl",
    ]));
    // The FIFO fails alone (never opened for reading), the two images go in, once each.
    out.code(3);
    let outcomes = out.json_lines();
    let statuses: Vec<(&str, &str)> = outcomes
        .iter()
        .map(|o| (o["source"].as_str().unwrap(), o["status"].as_str().unwrap()))
        .collect();
    let name = photos.display().to_string();
    assert_eq!(
        statuses,
        [
            (format!("{name}/a.png").as_str(), "added"),
            (format!("{name}/c.png").as_str(), "failed"),
            (format!("{name}/sub/b.png").as_str(), "added"),
        ]
    );
    assert!(
        outcomes[1]["error"].as_str().unwrap().contains("FIFO"),
        "{}",
        outcomes[1]
    );
    assert_eq!(sandbox.items(&g).len(), 2);
}

#[test]
fn an_items_add_where_every_source_failed_is_not_a_partial_failure() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Nothing added");
    sandbox.clear_request_log();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.png"), b"").unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"hello").unwrap();
    let out = run(sandbox.cli().current_dir(dir.path()).args([
        "items",
        "add",
        &g,
        "empty.png",
        "notes.txt",
        "-o",
        "jsonl",
    ]));
    // Every source failed on this side: exit 1, not 3.
    out.code(1);
    let outcomes = out.json_lines();
    assert_eq!(outcomes.len(), 2);
    assert!(outcomes
        .iter()
        .all(|o| o["status"] == "failed" && o["id"].is_null()));
    let error_lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("progallery: error:"))
        .collect();
    assert_eq!(error_lines.len(), 1, "{}", out.stderr);
    assert!(
        error_lines[0].contains("every one failed, nothing was done"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.lines().last().unwrap().starts_with("hint: "),
        "{}",
        out.stderr
    );
    assert!(sandbox.items(&g).is_empty());
    assert_nothing_written(&sandbox, "every source failed");
}
