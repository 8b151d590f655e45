//! Waits you can see: a 429 with `Retry-After: 3` shows what is waited for and for how long on
//! a terminal's stderr, clears it after, logs it under `-v`, and shows nothing under `-q` or in
//! a pipe.

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;

/// Answers the first request 429 with `Retry-After: 3`, then one page with one gallery.
fn rate_limited_once() -> FakeServer {
    FakeServer::start(|_, index| {
        if index == 0 {
            Answer::json(429, r#"{"message":"RATE_LIMITED","details":{}}"#).header("Retry-After", "3")
        } else {
            Answer::json(
                200,
                r#"{"totalGalleries":1,"galleries":[{"id":"1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d","name":"Trip"}]}"#,
            )
        }
    })
    .expect_requests(2)
}

const NOTICE: &str =
    "waiting 3 s · rate limited (429), retry 2/4 as its Retry-After asks · listing galleries (offset 0)";

#[test]
fn a_retry_after_wait_is_shown_on_a_terminal_and_cleared() {
    let home = tempfile::tempdir().unwrap();
    let server = rate_limited_once();
    let out = run(cli_at(home.path(), &server.base_url)
        .env("PROGALLERY_FORCE_TTY", "1")
        .env("COLUMNS", "200")
        .args(["galleries", "list"]));
    out.success();
    assert!(out.stdout.contains("Trip"), "{}", out.stdout);
    // The notice is drawn (a spinner before it, counting down), then its line is erased: after
    // the last drawing comes the erase, and nothing else is written.
    assert!(out.stderr.contains(NOTICE), "no notice in {:?}", out.stderr);
    assert!(
        out.stderr
            .contains(&NOTICE.replace("waiting 3 s", "waiting 1 s")),
        "no countdown in {:?}",
        out.stderr
    );
    let tail = " · listing galleries (offset 0)";
    let last = out.stderr.rfind(tail).unwrap() + tail.len();
    assert_eq!(
        &out.stderr[last..],
        "\r\x1b[2K",
        "the notice is not cleared"
    );
}

#[test]
fn a_retry_after_wait_is_logged_with_v_and_silent_in_a_pipe_or_with_q() {
    let home = tempfile::tempdir().unwrap();
    let server = rate_limited_once();
    let out = run(cli_at(home.path(), &server.base_url).args(["-v", "galleries", "list"]));
    out.success();
    assert!(
        out.stderr.contains("* waiting 3000 ms: rate limited (429), retry 2/4 as its Retry-After asks · listing galleries (offset 0)"),
        "{}",
        out.stderr
    );
    // Not a terminal: no notice, only data.
    assert!(!out.stderr.contains("waiting 3 s"), "{}", out.stderr);
    drop(server);

    let server = rate_limited_once();
    let out = run(cli_at(home.path(), &server.base_url)
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["-q", "galleries", "list"]));
    out.success();
    assert_eq!(out.stderr, "", "-q shows no notice");
}
