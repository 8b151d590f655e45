//! Helpers for the sandbox-as-sender tests: a sandbox delivering to given URLs with fast retries,
//! JWT bodies decoded by hand from spec §5 (independently of the code under test), the sandbox's
//! own event log as comparable keys, and a loopback receiver that fails the requests a test picks.

use base64::Engine as _;
use serde_json::Value;

use crate::common::fake_server::{Answer, FakeServer};
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
    sandbox
        .events()
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
/// and 200 to the others; `next_request` hands out each request, with the status it got.
pub fn flaky_receiver(fail: fn(usize, &str) -> bool) -> (String, FakeServer) {
    let server = FakeServer::start(move |seen, arrival| {
        let status = if fail(arrival, &seen.body) { 503 } else { 200 };
        Answer::raw(status, "text/plain", b"")
    });
    (format!("{}/hook", server.base_url), server)
}
