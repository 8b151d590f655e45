//! Error paths and exit codes that need a server misbehaving on purpose: garbage bodies, 401,
//! endless 429, a closed pipe. A scripted fake server stands in where the sandbox cannot.

use std::io::Read;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::common::fake_server::{Answer, FakeServer, Gate};
use crate::common::*;

const GALLERY: &str = "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";

#[test]
fn garbage_200_bodies_are_exit_1_with_a_clear_message() {
    let cases: Vec<(&str, Answer, &str)> = vec![
        (
            "html",
            Answer::raw(
                200,
                "text/html",
                b"<!DOCTYPE html><html><head><title>Captive portal</title></head></html>",
            ),
            "HTML page titled \"Captive portal\"",
        ),
        (
            "empty",
            Answer::raw(200, "application/json", b""),
            "the body is empty",
        ),
        (
            "truncated",
            Answer::json(200, r#"{"gallery": {"id": "1b57"#),
            "truncated",
        ),
        ("text", Answer::raw(200, "text/plain", b"hello"), "not JSON"),
        (
            "wrong shape",
            Answer::json(200, r#"{"something": 1}"#),
            "no `gallery` field",
        ),
        ("array", Answer::json(200, "[]"), "no `gallery` field"),
    ];
    for (name, answer, expected) in cases {
        let body = answer.body.clone();
        let content_type = answer.headers[0].1.clone();
        let server = FakeServer::start(move |_, _| Answer::raw(200, &content_type, &body));
        let home = tempfile::tempdir().unwrap();
        let run = run(cli_at(home.path(), &server.base_url).args(["galleries", "get", GALLERY]));
        run.code(1);
        assert!(run.stdout.is_empty(), "{name}: stdout {}", run.stdout);
        assert!(run.stderr.contains(expected), "{name}: {}", run.stderr);
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with("progallery: error:"))
                .count(),
            1
        );
        assert!(run.stderr.contains("hint:"), "{name}: {}", run.stderr);
        // A success with a bad body is not retried: the service did answer.
        assert_eq!(server.requests().len(), 1, "{name}");
    }
}

#[test]
fn unauthenticated_is_exit_4_with_a_login_hint() {
    let server = FakeServer::start(|_, _| {
        Answer::json(
            401,
            r#"{"message":"UNAUTHENTICATED: bad key","details":{"applicationError":{"code":"UNAUTHENTICATED","description":"","data":{}}}}"#,
        )
    });
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args(["galleries", "list"]));
    run.code(4);
    assert!(
        run.stderr.contains("HTTP 401 UNAUTHENTICATED: bad key"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("progallery auth login"),
        "{}",
        run.stderr
    );
    assert_eq!(server.requests().len(), 1, "a 401 is not retried");
}

#[test]
fn rate_limited_until_retries_run_out_is_exit_6_and_honours_retry_after() {
    let server = FakeServer::start(|_, _| {
        Answer::json(429, r#"{"message":"RESOURCE_EXHAUSTED: slow down","details":{"applicationError":{"code":"RESOURCE_EXHAUSTED","description":"","data":{}}}}"#)
            .header("Retry-After", "1")
    });
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let run =
        run(cli_at(home.path(), &server.base_url).args(["--retries", "3", "galleries", "list"]));
    run.code(6);
    assert!(run.stderr.contains("RESOURCE_EXHAUSTED"), "{}", run.stderr);
    assert_eq!(server.requests().len(), 3, "three attempts");
    // Two waits of Retry-After: 1 s each.
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn retries_recover_from_a_transient_503() {
    let server = FakeServer::start(|_, index| {
        if index < 2 {
            Answer::json(503, r#"{"message":"UNAVAILABLE: try later","details":{}}"#)
        } else {
            Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#)
        }
    });
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args(["galleries", "list", "-o", "json"]));
    run.success();
    assert_eq!(run.stdout.trim(), "[]");
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn a_create_is_not_repeated_blindly_after_an_ambiguous_500() {
    // The create fails with 500 (it may have landed); the client must look before it sends again.
    let server = FakeServer::start(|seen, _| {
        if seen.method == "POST" {
            Answer::json(500, r#"{"message":"INTERNAL: oops","details":{}}"#)
        } else {
            Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#)
        }
    });
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args([
        "--retries",
        "2",
        "galleries",
        "create",
        "--name",
        "X",
    ]));
    run.code(1);
    let methods: Vec<String> = server.requests().iter().map(|r| r.method.clone()).collect();
    // POST, then a look (GET) that finds nothing, then a second POST, then a last look.
    assert_eq!(methods.first().map(String::as_str), Some("POST"));
    assert_eq!(methods[1], "GET", "{methods:?}");
    assert_eq!(
        methods.iter().filter(|m| *m == "POST").count(),
        2,
        "{methods:?}"
    );
}

#[test]
fn auth_and_site_headers_are_sent_raw_with_a_versioned_user_agent() {
    let server =
        FakeServer::start(|_, _| Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#));
    let home = tempfile::tempdir().unwrap();
    run(cli_at(home.path(), &server.base_url).args(["galleries", "list"])).success();
    let seen = &server.requests()[0];
    assert_eq!(
        seen.header("authorization"),
        Some(TEST_API_KEY),
        "no Bearer prefix"
    );
    assert_eq!(seen.header("wix-site-id"), Some(DEFAULT_TEST_SITE));
    assert!(seen.header("wix-account-id").is_none());
    assert_eq!(
        seen.header("user-agent"),
        Some(concat!("progallery/", env!("CARGO_PKG_VERSION")))
    );
    assert!(
        seen.target.starts_with("/progallery/v2/galleries?"),
        "{}",
        seen.target
    );
}

#[test]
fn the_api_key_never_appears_in_output_even_verbose_or_failing() {
    let server = FakeServer::start(|seen, _| {
        if seen.target.contains("fail") {
            Answer::json(403, r#"{"message":"PERMISSION_DENIED: no","details":{}}"#)
        } else {
            Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#)
        }
    });
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["-v", "galleries", "list"],
        vec!["--verbose", "api", "GET", "/fail"],
        vec!["-v", "auth", "status"],
        vec!["auth", "status", "-o", "json"],
    ] {
        let run = run(cli_at(home.path(), &server.base_url).args(&args));
        for stream in [&run.stdout, &run.stderr] {
            assert!(
                !stream.contains(TEST_API_KEY),
                "{args:?} leaked the key: {stream}"
            );
            assert!(
                !stream.contains("0123456789abcdef"),
                "{args:?} leaked part of the key: {stream}"
            );
        }
    }
    let verbose = run(cli_at(home.path(), &server.base_url).args(["-v", "galleries", "list"]));
    assert!(
        verbose.stderr.contains("> authorization: IST.…CRET"),
        "{}",
        verbose.stderr
    );
    let denied = run(cli_at(home.path(), &server.base_url).args(["api", "GET", "/fail"]));
    denied.code(4);
}

#[test]
fn connection_refused_is_exit_1_after_retries() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let home = tempfile::tempdir().unwrap();
    let run = run(
        cli_at(home.path(), &format!("http://127.0.0.1:{port}")).args([
            "--retries",
            "2",
            "galleries",
            "list",
        ]),
    );
    run.code(1);
    assert!(run.stderr.contains("cannot connect"), "{}", run.stderr);
}

#[test]
fn a_closed_stdout_pipe_ends_quietly_with_0() {
    // Many pages of galleries; the reader goes away after the first line.
    let server = FakeServer::start(|seen, _| {
        let offset: usize = seen
            .target
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("offset="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let galleries: Vec<String> = (offset..offset + 10)
            .map(|i| {
                format!(
                    r#"{{"id":"00000000-0000-0000-0000-{i:012}","name":"g{i}","totalItems":0}}"#
                )
            })
            .collect();
        Answer::json(
            200,
            &format!(
                r#"{{"totalGalleries":5000,"galleries":[{}]}}"#,
                galleries.join(",")
            ),
        )
    });
    let home = tempfile::tempdir().unwrap();
    let mut cmd = cli_at(home.path(), &server.base_url);
    cmd.args(["galleries", "list", "--all", "-o", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::BufRead;
        let stdout = child.stdout.take().unwrap();
        let mut first = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap();
        assert!(first.contains("\"g0\""), "{first}");
        // Dropping the reader closes the pipe.
    }
    let status = child.wait_timeout(CEILING).unwrap().unwrap_or_else(|| {
        let _ = child.kill();
        panic!("still running {CEILING:?} after its reader went away")
    });
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn version_and_help_need_no_config_or_network() {
    let home = tempfile::tempdir().unwrap();
    // A corrupt config must not matter to --version.
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/config.toml"), "not = [valid").unwrap();
    let run = run(cli_in(home.path()).arg("--version"));
    run.success();
    assert_eq!(
        run.stdout.trim(),
        concat!("progallery ", env!("CARGO_PKG_VERSION"))
    );
    let help = crate::common::run(cli_in(home.path()).args(["items", "--help"]));
    help.success();
    assert!(help.stdout.contains("bulk-delete"));
    assert!(help.stdout.contains("Examples:"));
}

/// A service of `total` galleries paged by `offset`, ten at a time.
fn pages_of_galleries(total: usize) -> FakeServer {
    FakeServer::start(move |seen, _| {
        let offset: usize = seen
            .target
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("offset="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let galleries: Vec<String> = (offset..(offset + 10).min(total))
            .map(|i| format!(r#"{{"id":"00000000-0000-0000-0000-{i:012}"}}"#))
            .collect();
        Answer::json(
            200,
            &format!(
                r#"{{"totalGalleries":{total},"galleries":[{}]}}"#,
                galleries.join(",")
            ),
        )
    })
}

#[test]
fn client_side_rate_limit_paces_requests_only_when_asked() {
    // 14 pages of galleries; at 120/min (2/s, burst 12) the last two wait about a second.
    let server = pages_of_galleries(140);
    let home = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let paced = run(cli_at(home.path(), &server.base_url).args([
        "--rate-limit",
        "120",
        "galleries",
        "list",
        "--all",
        "-o",
        "id",
    ]));
    paced.success();
    assert_eq!(paced.lines().len(), 140);
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn no_rate_limit_is_applied_against_a_host_other_than_wix() {
    // 600 pages: at Wix's own budget (200/min, burst 20) they would take three minutes, which
    // the harness's ceiling on a run does not wait for. Unpaced they take moments.
    let server = pages_of_galleries(6000);
    let home = tempfile::tempdir().unwrap();
    let free =
        run(cli_at(home.path(), &server.base_url).args(["galleries", "list", "--all", "-o", "id"]));
    free.success();
    assert_eq!(free.lines().len(), 6000);
    assert!(server.requests().len() >= 600);
}

#[test]
fn a_slow_server_hits_the_timeout() {
    // The answer is held back until the test is over: only the client's timeout ends the call.
    let gate = Gate::new();
    let held = gate.handle();
    let server = FakeServer::start(move |_, _| {
        held.wait();
        Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#)
    })
    .expect_requests(1);
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args([
        "--timeout",
        "1",
        "--retries",
        "1",
        "galleries",
        "list",
    ]));
    run.code(1);
    assert!(
        run.stderr.contains("no answer within 1 s"),
        "{}",
        run.stderr
    );
    gate.open();
}

#[test]
fn a_list_answered_with_a_non_object_is_garbled_not_empty() {
    let server = FakeServer::start(|_, _| Answer::json(200, "[1, 2]"));
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args(["galleries", "list", "-o", "json"]));
    run.code(1);
    assert!(run.stderr.contains("not an object"), "{}", run.stderr);
}

#[test]
fn json_output_keeps_unknown_fields_and_number_forms() {
    let gallery = r#"{"id":"1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d","name":"N","totalItems":1,"items":[{"id":"a045b201-ee7d-447c-b0c3-746cba83253c","sortOrder":5,"type":"IMAGE","image":{"type":"WIX_MEDIA","imageInfo":{"id":"m~mv2.jpg","width":10,"height":20},"futureImageField":true},"newItemField":{"nested":[1,2.5,"x"]}}],"sortOrder":1611056409.2088726,"createdDate":"2021-01-19T11:40:09.208Z","brandNewField":null}"#;
    let answer = format!(r#"{{"gallery":{gallery}}}"#);
    let server = FakeServer::start(move |_, _| Answer::json(200, &answer));
    let home = tempfile::tempdir().unwrap();
    let run = run(cli_at(home.path(), &server.base_url).args([
        "galleries",
        "get",
        GALLERY,
        "-o",
        "json",
    ]));
    run.success();
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let original: serde_json::Value = serde_json::from_str(gallery).unwrap();
    assert_eq!(printed, original);
    assert!(
        run.stdout.contains("\"sortOrder\": 5,"),
        "an integer stays an integer: {}",
        run.stdout
    );
    assert!(run.stdout.contains("1611056409.2088726"), "{}", run.stdout);
}

#[test]
fn command_line_mistakes_are_one_error_line_and_a_hint_with_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["items", "get"],
            "progallery: error: the following required arguments were not provided: <GALLERY>, <ITEM_ID>",
            "hint: usage: progallery items get <GALLERY> <ITEM_ID>",
        ),
        (
            &["galleries", "list", "--limit", "0"],
            "progallery: error: invalid value '0' for '--limit <N>'",
            "hint: ",
        ),
        (
            &["-o", "xml", "galleries", "list"],
            "progallery: error: invalid value 'xml' for '--output <FMT>' [possible values: table, json, jsonl, tsv, id]",
            "hint: ",
        ),
        (
            &["galleries", "lsx"],
            "progallery: error: unrecognized subcommand 'lsx'",
            "hint: some similar subcommands exist: 'list', 'ls'",
        ),
    ];
    for (args, first, second) in cases {
        let out = run(cli_in(home.path()).args(args));
        out.code(2);
        assert_eq!(out.stdout, "", "{args:?}");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {}", out.stderr);
        assert!(lines[0].starts_with(first), "{args:?}: {}", out.stderr);
        assert!(lines[1].starts_with(second), "{args:?}: {}", out.stderr);
    }
    // Help and version still print to stdout and succeed.
    run(cli_in(home.path()).arg("--version")).success();
    let help = run(cli_in(home.path()).args(["items", "--help"]));
    help.success();
    assert!(help.stdout.contains("Usage: progallery items"));
}
