//! Helpers for the sandbox-as-sender tests: a sandbox delivering to given URLs with fast retries,
//! API calls, the delivery counters, JWT bodies decoded by hand from spec §5 (independently of
//! the code under test), the sandbox's own event log as comparable keys, and a loopback receiver
//! that fails the requests a test picks.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

use crate::common::Sandbox;
use crate::webhooks_support::Listener;

/// Short retry timing, so tests that make deliveries fail stay fast.
pub const FAST_RETRIES: [&str; 4] = ["--webhook-retry-ms", "50", "--webhook-max-retry-ms", "200"];

/// A seedless in-memory sandbox in `home` delivering to `urls`, with fast retries.
pub fn sandbox_delivering_to(home: tempfile::TempDir, urls: &[&str], extra: &[&str]) -> Sandbox {
    let mut args = vec!["--memory", "--no-seed"];
    for url in urls {
        args.extend(["--webhook-url", url]);
    }
    args.extend(FAST_RETRIES);
    args.extend(extra);
    Sandbox::start_in(home, &args)
}

/// An API call that must succeed; returns the JSON answer.
#[track_caller]
pub fn call(sandbox: &Sandbox, method: &str, path: &str, body: Option<Value>) -> Value {
    let mut request = sandbox.request(method, &format!("/progallery/v2{path}"));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send();
    assert_eq!(response.status, 200, "{method} {path}: {}", response.body);
    response.json()
}

pub fn image_item(title: &str) -> Value {
    json!({"item": {"title": title, "image": {"imageInfo": {
        "url": "https://static.wixstatic.com/media/a.jpg", "width": 640, "height": 480}}}})
}

pub fn webhooks_status(sandbox: &Sandbox) -> Value {
    let response =
        crate::common::ureq_like::Request::new("GET", &sandbox.url("/_sandbox/webhooks")).send();
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()
}

/// Polls `check` every 20 ms for up to 20 s.
#[track_caller]
pub fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The next `n` events printed by a `-o jsonl` listener.
#[track_caller]
pub fn events(listener: &Listener, n: usize) -> Vec<Value> {
    (0..n)
        .map(|_| serde_json::from_str(&listener.next_line()).expect("a JSON line"))
        .collect()
}

pub fn event_type_slug(event: &Value) -> String {
    event["data"]["slug"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The item an event is about (empty for gallery events): what tells events of one gallery apart.
pub fn item_of(envelope: &Value) -> String {
    let body = &envelope["actionEvent"]["body"];
    body["item"]["id"]
        .as_str()
        .or(body["updatedItem"]["id"].as_str())
        .or(body["itemId"].as_str())
        .unwrap_or_default()
        .to_string()
}

/// Decodes a delivered body by hand: JWT claims, then the two JSON strings nested in them.
/// Returns (header, claims, inner data, envelope).
pub fn decode_by_hand(token: &str) -> (Value, Value, Value, Value) {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "not a JWT: {token}");
    let part = |i: usize| -> Value {
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[i])
            .expect("base64url");
        serde_json::from_slice(&bytes).expect("JSON")
    };
    let (header, claims) = (part(0), part(1));
    let inner: Value =
        serde_json::from_str(claims["data"].as_str().expect("claims.data is a string")).unwrap();
    let envelope: Value =
        serde_json::from_str(inner["data"].as_str().expect("data.data is a string")).unwrap();
    assert!(inner["identity"].is_string(), "identity is a JSON string");
    (header, claims, inner, envelope)
}

/// The sandbox's own event log as (gallery id, slug, item id), oldest first.
pub fn sandbox_event_log(sandbox: &Sandbox) -> Vec<(String, String, String)> {
    let response =
        crate::common::ureq_like::Request::new("GET", &sandbox.url("/_sandbox/events")).send();
    assert_eq!(response.status, 200);
    let log = response.json();
    log.as_array()
        .expect("array")
        .iter()
        .map(|e| {
            let gallery = e["galleryId"]
                .as_str()
                .or(e["gallery"]["id"].as_str())
                .unwrap_or_default()
                .to_string();
            let (slug, item) = match e["type"].as_str().unwrap_or_default() {
                "GalleryCreated" => ("created", ""),
                "GalleryUpdated" => ("updated", ""),
                "GalleryDeleted" => ("deleted", ""),
                "ItemCreated" => ("gallery_item_created", e["item"]["id"].as_str().unwrap()),
                "ItemUpdated" => ("gallery_item_updated", e["item"]["id"].as_str().unwrap()),
                "ItemDeleted" => ("gallery_item_deleted", e["itemId"].as_str().unwrap()),
                other => panic!("unknown event {other}"),
            };
            (gallery, slug.to_string(), item.to_string())
        })
        .collect()
}

pub fn key_of(event: &Value) -> (String, String, String) {
    let envelope = &event["data"];
    (
        envelope["entityId"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        event_type_slug(event),
        item_of(envelope),
    )
}

/// A loopback receiver that answers 503 to the requests `fail` picks (by arrival number and body)
/// and 200 to the others, reporting (status, body) of every request; stops after `successes` 200s.
pub fn flaky_receiver(
    fail: fn(usize, &str) -> bool,
    successes: usize,
) -> (String, Receiver<(u16, String)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut served_ok = 0;
        let mut arrival = 0;
        while served_ok < successes {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
            let mut raw = Vec::new();
            let mut buf = [0u8; 16384];
            let body = loop {
                let Ok(n) = stream.read(&mut buf) else { return };
                if n == 0 {
                    return;
                }
                raw.extend_from_slice(&buf[..n]);
                let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
                    continue;
                };
                let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                if raw.len() >= end + 4 + length {
                    break String::from_utf8_lossy(&raw[end + 4..end + 4 + length]).into_owned();
                }
            };
            let status = if fail(arrival, &body) { 503 } else { 200 };
            arrival += 1;
            let reply =
                format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(reply.as_bytes());
            if status == 200 {
                served_ok += 1;
            }
            if tx.send((status, body)).is_err() {
                return;
            }
        }
    });
    (url, rx)
}
