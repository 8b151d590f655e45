//! `webhooks listen`: HTTP answers for hostile payloads, deduplication, `--events`, `--exec`,
//! `--forward-to`, and 1,000 concurrent deliveries each accepted exactly once.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::common::http::Request;
use crate::common::{cli_in, run};
use crate::webhooks_support::*;

pub const GALLERY: &str = "4937b26c-b9d3-4c43-b772-f1f3ba840b3d";

#[test]
fn listen_answers_hostile_payloads_with_the_right_status_and_prints_nothing() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    let mut refused = 0;
    let mut malformed = 0;
    for (what, payload, _code, status) in bad_payloads() {
        let resp = listener.post(payload.as_bytes());
        assert_eq!(resp.status, status, "{what}: {}", resp.body);
        assert!(resp.json()["error"].is_string(), "{what}: {}", resp.body);
        if status == 401 {
            refused += 1
        } else {
            malformed += 1
        }
    }
    // Past the size cap.
    let big = vec![b'a'; 1024 * 1024 + 1];
    let resp = listener.post(&big);
    assert_eq!(resp.status, 413);
    // Wrong path and wrong method.
    let wrong_path = listener.url.replace("/webhooks", "/other");
    let resp = Request::new("POST", &wrong_path)
        .raw_body("text/plain", valid_token("p").as_bytes())
        .send();
    assert_eq!(resp.status, 404);
    let resp = Request::new("GET", &listener.url).send();
    assert_eq!(resp.status, 405);
    // Still serving: a valid delivery goes through.
    let resp = listener.post(valid_token("after-the-storm").as_bytes());
    assert_eq!(resp.status, 200, "{}", resp.body);
    let line: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(line["data"]["id"], json!("after-the-storm"));
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0);
    assert!(rest.is_empty(), "hostile payloads printed events: {rest:?}");
    assert!(
        stderr.contains(&format!("{refused} refused, {malformed} malformed")),
        "{stderr}"
    );
}

#[test]
fn listen_drops_duplicate_event_ids() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    let token = valid_token("dup-1");
    let first = listener.post(token.as_bytes());
    assert_eq!(first.json()["status"], json!("accepted"));
    // A redelivery is the same token; a re-signed redelivery is a new token with the same id.
    let again = listener.post(token.as_bytes());
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["status"], json!("duplicate"));
    let resigned = listener.post(valid_token("dup-1").as_bytes());
    assert_eq!(resigned.json()["status"], json!("duplicate"));
    let other = listener.post(valid_token("dup-2").as_bytes());
    assert_eq!(other.json()["status"], json!("accepted"));
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0);
    let ids: Vec<Value> = rest
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["data"]["id"].clone())
        .collect();
    assert_eq!(ids, vec![json!("dup-1"), json!("dup-2")]);
    assert!(stderr.contains("2 accepted, 2 duplicates"), "{stderr}");
}

#[test]
fn listen_filters_event_types_and_prints_human_lines_as_table() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(
        home.path(),
        &["-o", "table", "--events", "deleted,gallery_item_created"],
    );
    for slug in [
        "created",
        "gallery_item_created",
        "deleted",
        "gallery_item_updated",
    ] {
        run(cli_in(home.path())
            .args(["webhooks", "trigger", slug, "--gallery", GALLERY, "--to"])
            .arg(&listener.url))
        .success();
    }
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0);
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert!(
        rest[0].contains("gallery_item_created") && rest[0].contains(GALLERY),
        "{}",
        rest[0]
    );
    assert!(rest[0].contains("item "), "{}", rest[0]);
    // The time to the second ("2026-11-26 20:01:50Z  "), not the event's microseconds.
    let time = &rest[0][..22];
    assert!(
        chrono::NaiveDateTime::parse_from_str(time, "%Y-%m-%d %H:%M:%SZ  ").is_ok(),
        "{}",
        rest[0]
    );
    assert!(
        rest[1].contains(" deleted ") || rest[1].contains("deleted  "),
        "{}",
        rest[1]
    );
    assert!(
        stderr.contains("2 accepted") && stderr.contains("2 filtered out"),
        "{stderr}"
    );
    // An unknown type in --events is a usage error.
    let out = run(cli_in(home.path()).args([
        "webhooks",
        "listen",
        "--addr",
        "127.0.0.1:0",
        "--events",
        "nope",
    ]));
    out.code(2);
}

#[test]
fn listen_exec_receives_the_envelope_on_stdin_and_failures_are_retried() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let out_file = home.path().join("events.jsonl");
    let gate = home.path().join("gate");
    // Fails until the gate file exists; then appends stdin and the event id from the environment.
    let command = format!(
        "test -f '{}' || exit 3; cat >> '{}'; echo \"$WIX_EVENT_ID $WIX_EVENT_TYPE\" >> '{}.env'",
        gate.display(),
        out_file.display(),
        out_file.display()
    );
    let listener = Listener::start(home.path(), &["-o", "jsonl", "--exec", &command]);
    let token = valid_token("exec-1");
    let resp = listener.post(token.as_bytes());
    assert_eq!(
        resp.status, 502,
        "a failing --exec must make the sender retry: {}",
        resp.body
    );
    assert!(!out_file.exists());
    std::fs::write(&gate, "").unwrap();
    // The retry of the same delivery is accepted, not dropped as a duplicate.
    let resp = listener.post(token.as_bytes());
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(resp.json()["status"], json!("accepted"));
    let written = std::fs::read_to_string(&out_file).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines.len(), 1, "{written}");
    let event: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(event["data"]["id"], json!("exec-1"));
    assert_eq!(
        event["data"]["actionEvent"]["body"]["item"]["title"],
        json!("Some Title")
    );
    let env = std::fs::read_to_string(format!("{}.env", out_file.display())).unwrap();
    assert_eq!(
        env.trim(),
        "exec-1 wix.pro_gallery.gallery_v2_gallery_item_created"
    );
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0);
    assert_eq!(
        rest.len(),
        1,
        "only the accepted delivery is printed: {rest:?}"
    );
    assert!(
        stderr.contains("1 accepted") && stderr.contains("1 failed"),
        "{stderr}"
    );
}

#[test]
fn listen_forwards_the_decoded_envelope() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let (target, received) = receiver(200);
    let received = received.expect_requests(1);
    let listener = Listener::start(home.path(), &["-o", "jsonl", "--forward-to", &target]);
    let resp = listener.post(valid_token("fwd-1").as_bytes());
    assert_eq!(resp.status, 200, "{}", resp.body);
    let forwarded = received.next_request();
    assert_eq!(
        (forwarded.method.as_str(), forwarded.target.as_str()),
        ("POST", "/hook")
    );
    assert!(
        forwarded
            .header("content-type")
            .is_some_and(|t| t.contains("application/json")),
        "{forwarded:?}"
    );
    let event: Value = serde_json::from_str(&forwarded.body).unwrap();
    assert_eq!(
        event["eventType"],
        json!("wix.pro_gallery.gallery_v2_gallery_item_created")
    );
    assert_eq!(event["data"]["id"], json!("fwd-1"));
    assert_eq!(event["identity"]["wixUserId"], json!("user-1"));
    // A target that fails makes the delivery fail, so the sender retries.
    let (down, _down_server) = receiver(500);
    let listener2 = Listener::start(home.path(), &["-o", "jsonl", "--forward-to", &down]);
    let resp = listener2.post(valid_token("fwd-2").as_bytes());
    assert_eq!(resp.status, 502, "{}", resp.body);
    let (code, rest, _) = listener2.stop();
    assert_eq!(code, 0);
    assert!(rest.is_empty(), "{rest:?}");
    let (code, rest, _) = listener.stop();
    assert_eq!(code, 0);
    assert_eq!(rest.len(), 1);
}

#[test]
fn listen_accepts_1000_concurrent_deliveries_exactly_once() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    const TOTAL: usize = 1000;
    const SENDERS: usize = 16;
    let started = std::time::Instant::now();
    let tokens: Vec<String> = (0..TOTAL)
        .map(|i| valid_token(&format!("load-{i}")))
        .collect();
    let signing = started.elapsed();
    let url = listener.url.clone();
    let chunks: Vec<Vec<String>> = tokens
        .chunks(TOTAL / SENDERS + 1)
        .map(|c| c.to_vec())
        .collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .enumerate()
        .map(|(sender, chunk)| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut statuses = Vec::new();
                for (n, token) in chunk.iter().enumerate() {
                    let resp = Request::new("POST", &url)
                        .raw_body("text/plain", token.as_bytes())
                        .send();
                    statuses.push((resp.status, resp.json()["status"].clone()));
                    // Every tenth delivery is redelivered at once, as a retrying sender would.
                    if (n + sender) % 10 == 0 {
                        let again = Request::new("POST", &url)
                            .raw_body("text/plain", token.as_bytes())
                            .send();
                        assert_eq!(again.status, 200);
                        assert_eq!(again.json()["status"], json!("duplicate"));
                    }
                }
                statuses
            })
        })
        .collect();
    let mut accepted = 0;
    for handle in handles {
        for (status, outcome) in handle.join().expect("sender thread") {
            assert_eq!(status, 200);
            assert_eq!(outcome, json!("accepted"));
            accepted += 1;
        }
    }
    assert_eq!(accepted, TOTAL);
    let mut lines = Vec::new();
    while lines.len() < TOTAL {
        lines.push(listener.next_line());
    }
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        rest.is_empty(),
        "more lines than deliveries: {}",
        rest.len()
    );
    let ids: HashSet<String> = lines
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["data"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids.len(), TOTAL, "each event printed exactly once");
    assert!(stderr.contains("1000 accepted"), "{stderr}");
    eprintln!(
        "1000 deliveries: signing {signing:?}, whole test {:?}",
        started.elapsed()
    );
}
