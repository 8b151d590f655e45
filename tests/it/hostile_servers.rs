//! A server cannot make the client loop, hang or balloon (issue 14, class 2): a total that lies
//! (10^12 over empty pages) ends every walk at once with an error, a 200 MB or endless answer is
//! cut off at the cap, HTML or garbage error pages get one error line and a hint, and a burst of
//! 503s in the middle of a selection is ridden out within the busy budget or ends with exit 6 and
//! nothing done. Each case asserts the exit code, the one error line and its hint, stdout, and
//! what the server saw (no write reached it where nothing may be done).

use serde_json::{json, Value};

use crate::common::fake_server::{Answer, FakeServer, Seen};
use crate::common::*;

const GALLERY: &str = "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";
const ITEM: &str = "0c0c0c0c-0000-4000-8000-00000000000a";
const LIE: u64 = 1_000_000_000_000;

/// `galleries get GALLERY` from `server` with no retry, in a fresh home.
fn get_gallery_once(server: &FakeServer) -> Run {
    let home = tempfile::tempdir().unwrap();
    run(cli_at(home.path(), &server.base_url).args(["--retries", "1", "galleries", "get", GALLERY]))
}

/// Requests that would change something (search is a POST that reads).
fn writes(server: &FakeServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .filter(|r| r.method != "GET" && !r.path().ends_with("/search"))
        .map(|r| format!("{} {}", r.method, r.target))
        .collect()
}

/// A service that counts 10^12 of everything and serves nothing: galleries, a gallery's items,
/// search hits. Writes are answered 500 (and the tests check none came).
fn liar(_: &Seen, _: usize) -> Answer {
    Answer::json(500, r#"{"message": "INTERNAL: this service only lies"}"#)
}

fn lying_answer(seen: &Seen) -> Answer {
    let path = seen.path();
    let body = if seen.method == "POST" && path.ends_with("/search") {
        json!({"siteDocumentItems": [], "pagingOffsetMetadata": {"count": 0, "offset": 0, "total": LIE}})
    } else if seen.method != "GET" {
        return liar(seen, 0);
    } else if path.ends_with("/items") {
        json!({"items": []})
    } else if path.ends_with("/galleries") {
        json!({"totalGalleries": LIE, "galleries": []})
    } else {
        json!({"gallery": {"id": GALLERY, "name": "Liar", "totalItems": LIE, "items": []}})
    };
    Answer::json(200, &body.to_string())
}

#[test]
fn a_lying_total_over_empty_pages_ends_every_walk_at_once_with_an_error() {
    let home = tempfile::tempdir().unwrap();
    let ids = temp_file(home.path(), "ids.txt", &format!("{ITEM}\n"));
    let ids = ids.display().to_string();
    // Every command that reads a whole resource, through each paginator.
    let callers: Vec<(&str, Vec<&str>, &str)> = vec![
        (
            "items list --all",
            vec!["items", "list", GALLERY, "--all", "-o", "jsonl"],
            "items",
        ),
        (
            "items list --where",
            vec!["items", "list", GALLERY, "--where", "type=IMAGE"],
            "items",
        ),
        (
            "bulk-delete --all",
            vec!["items", "bulk-delete", GALLERY, "--all", "--yes"],
            "items",
        ),
        (
            "bulk-delete --where --dry-run",
            vec![
                "items",
                "bulk-delete",
                GALLERY,
                "--where",
                "alt-missing",
                "--dry-run",
            ],
            "items",
        ),
        (
            "reorder",
            vec!["items", "reorder", GALLERY, "--ids-from", &ids],
            "items",
        ),
        (
            "move",
            vec!["items", "move", GALLERY, ITEM, "--first"],
            "items",
        ),
        (
            "galleries list --all",
            vec!["galleries", "list", "--all", "-o", "jsonl"],
            "galleries",
        ),
        (
            "galleries get -o json (every item)",
            vec!["galleries", "get", GALLERY, "-o", "json"],
            "items",
        ),
        (
            "search --all",
            vec!["items", "search", "--all", "-o", "jsonl"],
            "matches",
        ),
    ];
    for (name, args, noun) in callers {
        let server = FakeServer::start(|seen, _| lying_answer(seen));
        let out = run(cli_at(home.path(), &server.base_url).args(&args));
        assert_one_error_and_a_hint(name, &out, 1, "cannot be trusted");
        assert!(
            out.stderr.contains(&format!("counts {LIE} {noun}")),
            "{name}: {}",
            out.stderr
        );
        // A count, the pages in flight at once (the first empty one ended the walk), and one
        // count again: a handful of requests, not 10^10.
        let asked = server.requests().len();
        assert!(asked <= 8, "{name}: {asked} requests");
        assert!(writes(&server).is_empty(), "{name}: {:?}", writes(&server));
    }
}

#[test]
fn a_count_that_agrees_when_asked_again_is_a_change_and_only_a_warning() {
    // The first count says 150; the gallery then holds 30, and says so when counted again: it
    // changed while it was read.
    let counts = std::sync::atomic::AtomicUsize::new(0);
    let server = FakeServer::start(move |seen, _| {
        let body = if seen.path().ends_with("/items") {
            let items: Vec<Value> = (0..30)
                .map(|i| json!({"id": format!("0c0c0c0c-0000-4000-8000-{i:012}"), "sortOrder": i, "text": {"html": "x"}}))
                .collect();
            json!({ "items": items })
        } else {
            let first = counts.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0;
            json!({"gallery": {"id": GALLERY, "totalItems": if first { 150 } else { 30 }}})
        };
        Answer::json(200, &body.to_string())
    });
    let home = tempfile::tempdir().unwrap();
    let out =
        run(cli_at(home.path(), &server.base_url)
            .args(["items", "list", GALLERY, "--all", "-o", "id"]));
    out.success();
    assert_eq!(out.lines().len(), 30);
    assert_eq!(
        out.stderr.trim(),
        "progallery: warning: the service counted 150 items but 30 were read: the gallery changed while it was read"
    );
    assert!(writes(&server).is_empty());
}

#[test]
fn a_200_mb_or_endless_answer_is_cut_off_at_the_cap_with_a_clear_error() {
    for (name, answer) in [
        ("200 MB announced", Answer::huge(200, 200 * 1024 * 1024)),
        ("endless", Answer::endless(200)),
        ("endless error page", Answer::endless(500)),
    ] {
        let answer = std::sync::Mutex::new(Some(answer));
        let server = FakeServer::start(move |_, _| {
            answer
                .lock()
                .unwrap()
                .take()
                .unwrap_or_else(|| Answer::json(500, "{}"))
        })
        .expect_requests(1);
        let out = get_gallery_once(&server);
        assert_one_error_and_a_hint(name, &out, 1, "larger than 8 MiB");
        assert!(
            out.stderr.contains("stopped reading it"),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn html_and_garbage_error_pages_get_one_error_line_and_a_hint() {
    let html = b"<!DOCTYPE html>\n<html><head><title>502 Bad\nGateway</title></head><body>nginx</body></html>";
    /// What it is, status, content type, body, exit code, a piece of the error, of the hint.
    type Case = (
        &'static str,
        u16,
        &'static str,
        Vec<u8>,
        i32,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "HTML 404 from a proxy",
            404,
            "text/html",
            html.to_vec(),
            5,
            "HTML page",
            "did not come from the gallery API",
        ),
        (
            "HTML 500",
            500,
            "text/html",
            html.to_vec(),
            1,
            "HTML page",
            "did not come from the gallery API",
        ),
        (
            "HTML 403",
            403,
            "text/html",
            html.to_vec(),
            4,
            "HTML page",
            "did not come from the gallery API",
        ),
        (
            "HTML 502 from a gateway",
            502,
            "text/html",
            html.to_vec(),
            1,
            "HTML page",
            "unavailable",
        ),
        (
            "empty 500",
            500,
            "application/json",
            Vec::new(),
            1,
            "the body is empty",
            "did not come from the gallery API",
        ),
        (
            "truncated JSON 409",
            409,
            "application/json",
            br#"{"message": "CONF"#.to_vec(),
            1,
            "truncated",
            "did not come from the gallery API",
        ),
        (
            "binary 418",
            418,
            "application/octet-stream",
            b"\x00\x01\x02\xff".to_vec(),
            1,
            "not JSON",
            "did not come from the gallery API",
        ),
        (
            "a redirect not followed",
            304,
            "text/plain",
            Vec::new(),
            1,
            "HTTP 304",
            "did not come from the gallery API",
        ),
        (
            "a Wix-shaped 409",
            409,
            "application/json",
            br#"{"message": "CONFLICT: no"}"#.to_vec(),
            1,
            "HTTP 409 CONFLICT: no",
            "refused the request",
        ),
        (
            "a Wix message over lines, with escapes",
            500,
            "application/json",
            br#"{"message": "INTERNAL: first line\nsecond line \u001b[2J\u001b[31mred\r\nthird"}"#
                .to_vec(),
            1,
            "first line second line",
            "failed on its side",
        ),
    ];
    for (name, status, content_type, body, code, says, hint) in cases {
        let server = FakeServer::start(move |_, _| Answer::raw(status, content_type, &body));
        let out = get_gallery_once(&server);
        assert_one_error_and_a_hint(name, &out, code, says);
        assert!(out.stderr.contains(hint), "{name}: {}", out.stderr);
        assert!(
            !out.stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{name}: control characters reached the terminal: {:?}",
            out.stderr
        );
    }
}

/// A gallery of 150 text items (two pages) whose second page answers 503 `burst` times (all the
/// time for `None`) before it is served; bulk deletes are answered with the ids asked for.
fn gallery_with_a_burst(burst: Option<usize>) -> FakeServer {
    let ids: Vec<String> = (0..150)
        .map(|i| format!("0c0c0c0c-0000-4000-8000-{i:012}"))
        .collect();
    let item = |id: &str, n: usize| json!({"id": id, "sortOrder": n, "title": id, "type": "TEXT", "text": {"html": "x"}});
    let first: Vec<Value> = ids[..100]
        .iter()
        .enumerate()
        .map(|(n, id)| item(id, n))
        .collect();
    let second: Vec<Value> = ids[100..]
        .iter()
        .enumerate()
        .map(|(n, id)| item(id, 100 + n))
        .collect();
    let failures = std::sync::atomic::AtomicUsize::new(0);
    FakeServer::start(move |seen, _| {
        if seen.method == "POST" {
            let asked: Value = serde_json::from_str(&seen.body).unwrap();
            return Answer::json(200, &json!({"itemIds": asked["itemIds"]}).to_string());
        }
        if seen.path().ends_with("/items") {
            let so_far = failures.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if burst.map_or(true, |n| so_far < n) {
                return Answer::json(503, r#"{"message": "UNAVAILABLE: back soon"}"#);
            }
            return Answer::json(200, &json!({ "items": second }).to_string());
        }
        Answer::json(
            200,
            &json!({"gallery": {"id": GALLERY, "totalItems": 150, "items": first}}).to_string(),
        )
    })
}

/// `items bulk-delete GALLERY --all` with two attempts a request and a busy budget of `budget`
/// seconds.
fn bulk_delete_all(server: &FakeServer, home: &std::path::Path, budget: &str) -> Run {
    run(cli_at(home, &server.base_url)
        .env("PROGALLERY_RETRY_BUDGET", budget)
        .args([
            "--retries",
            "2",
            "items",
            "bulk-delete",
            GALLERY,
            "--all",
            "--yes",
            "-o",
            "id",
        ]))
}

#[test]
fn a_burst_of_503s_mid_selection_is_ridden_out_past_the_retries() {
    // Three 503s in a row on the second page: more than the two attempts of --retries 2, within
    // the busy budget (set explicitly: with --retries given it is otherwise off).
    let server = gallery_with_a_burst(Some(3));
    let home = tempfile::tempdir().unwrap();
    let out = bulk_delete_all(&server, home.path(), "60");
    out.success();
    assert_eq!(out.lines().len(), 150);
    let pages = server
        .requests()
        .iter()
        .filter(|r| r.path().ends_with("/items"))
        .count();
    assert_eq!(pages, 4, "three 503s, then the page");
    assert_eq!(writes(&server).len(), 1, "one bulk delete of the 150");
}

#[test]
fn a_503_outage_longer_than_the_budget_is_exit_6_with_nothing_done() {
    let server = gallery_with_a_burst(None);
    let home = tempfile::tempdir().unwrap();
    // A budget of 1 s let a third try through or not, by the backoff's jitter (200-400 ms, then
    // 400-800 ms, counted from the first 503): 3 s always allows it, and still ends the outage.
    let out = bulk_delete_all(&server, home.path(), "3");
    assert_one_error_and_a_hint("outage", &out, 6, "HTTP 503");
    assert!(out.stderr.contains("unavailable"), "{}", out.stderr);
    assert!(writes(&server).is_empty(), "{:?}", writes(&server));
    // More tries than --retries allows on its own: the budget kept it going.
    let pages = server
        .requests()
        .iter()
        .filter(|r| r.path().ends_with("/items"))
        .count();
    assert!(pages > 2, "{pages} tries");
    // Nothing was about to be deleted, so no journal was left behind.
    let left = journal_files(home.path());
    assert!(left.is_empty(), "a journal was left: {left:?}");
}

#[test]
fn an_outage_ended_by_the_sandbox_faults_is_waited_out_and_the_run_finishes() {
    // The fault injection ends the burst, not a timer: every request is answered 503 until the
    // test has seen the client come back past its attempts, then the faults are lifted.
    let sandbox = Sandbox::empty();
    let g = sandbox.generated_gallery(150);
    sandbox.set_faults(json!({"failRate": 1.0}));
    sandbox.clear_request_log();
    let mut cmd = sandbox.cli();
    cmd.env("PROGALLERY_RETRY_BUDGET", "60").args([
        "--retries",
        "2",
        "items",
        "bulk-delete",
        &g,
        "--all",
        "--yes",
        "-o",
        "id",
    ]);
    let child = Process::spawn(&mut cmd);
    wait_for("three 503s, one more than --retries 2 allows", || {
        sandbox
            .request_log()
            .iter()
            .filter(|r| r["status"] == 503)
            .count()
            >= 3
    });
    sandbox.set_faults(json!({"failRate": 0.0}));
    let out = child.finish();
    out.success();
    assert_eq!(out.lines().len(), 150);
    assert!(sandbox.items(&g).is_empty(), "every item is gone");
}

#[test]
fn an_endless_error_page_from_a_media_url_is_read_no_further_than_its_start() {
    // The export's download of a media file meets a CDN that answers 500 with a body that never
    // ends: the error is decoded from the body's start and the run ends, instead of reading (and
    // holding) the page for ever.
    let server = FakeServer::start(|seen, _| {
        let host = seen.header("host").unwrap_or_default().to_string();
        match (seen.method.as_str(), seen.path()) {
            ("GET", path) if path == format!("{API}/galleries/{GALLERY}") => Answer::json(
                200,
                &json!({"gallery": {"id": GALLERY, "name": "Stock", "totalItems": 1, "items": [{
                    "id": ITEM, "title": "Sea", "sortOrder": 1, "type": "IMAGE",
                    "image": {"type": "WIX_MEDIA", "imageInfo": {
                        "id": "nsplsh_4d4d4d~mv2.jpg", "url": format!("http://{host}/media/nsplsh_4d4d4d~mv2.jpg"),
                        "width": 480, "height": 320}}}]}})
                .to_string(),
            ),
            ("POST", "/site-media/v1/files/generate-file-download-url") => {
                Answer::json(404, r#"{"message": "NOT_FOUND: file"}"#)
            }
            ("GET", "/media/nsplsh_4d4d4d~mv2.jpg") => Answer::endless(500),
            _ => Answer::json(404, "{}"),
        }
    });
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("export");
    let out = run(cli_at(home.path(), &server.base_url)
        .args(["--retries", "1", "galleries", "export", GALLERY])
        .arg(&dir));
    assert_eq!(out.code, 3, "{}", out.stderr);
    // The 500 is named from the first 64 KiB of its page, and nothing of it was kept.
    assert!(
        out.stderr
            .contains("HTTP 500: the JSON body is truncated (65536 bytes received)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("1 file(s) failed"), "{}", out.stderr);
    let left: Vec<_> = std::fs::read_dir(dir.join("media"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let fetched = server
        .requests()
        .iter()
        .filter(|r| r.path().starts_with("/media/"))
        .count();
    assert_eq!(fetched, 1, "one attempt (--retries 1)");
}
