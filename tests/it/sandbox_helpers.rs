//! Shared helpers of the sandbox tests: the API prefix, request shortcuts, sample items and
//! assertions on the Wix-shaped error bodies.

use serde_json::{json, Value};

use crate::common::ureq_like::Response;
use crate::common::Sandbox;

pub const P: &str = "/progallery/v2";

/// Sends `method path` (relative to the API prefix) with an optional JSON body, with the test
/// key and site.
pub fn call(sb: &Sandbox, method: &str, path: &str, body: Option<Value>) -> Response {
    let request = sb.request(method, &format!("{P}{path}"));
    match body {
        Some(body) => request.json(&body).send(),
        None => request.send(),
    }
}

#[track_caller]
pub fn ok(resp: Response) -> Value {
    assert_eq!(resp.status, 200, "body: {}", resp.body);
    resp.json()
}

pub fn image_item(title: &str) -> Value {
    json!({
        "title": title,
        "image": {
            "type": "WIX_MEDIA",
            "imageInfo": {"id": "11062b_abc~mv2.jpg", "url": "https://static.wixstatic.com/media/11062b_abc~mv2.jpg", "width": 640, "height": 480}
        }
    })
}

pub fn video_item(title: &str) -> Value {
    json!({
        "title": title,
        "video": {"type": "YOUTUBE", "videoInfo": {"id": "", "url": "https://www.youtube.com/watch?v=x"}, "duration": "20000"}
    })
}

pub fn text_item(title: &str) -> Value {
    json!({"title": title, "text": {"html": "<p>hi</p>", "css": {"width": 420}}})
}

/// Creates a gallery (optionally named) and returns its id.
pub fn new_gallery(sb: &Sandbox, name: &str) -> String {
    let body = ok(call(
        sb,
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": name}})),
    ));
    body["gallery"]["id"]
        .as_str()
        .expect("gallery id")
        .to_string()
}

/// Creates a gallery holding `items` (each created as by create-item) and returns its id.
pub fn gallery_with_items(sb: &Sandbox, items: Vec<Value>) -> String {
    let body = ok(call(
        sb,
        "POST",
        "/galleries",
        Some(json!({"gallery": {"items": items}})),
    ));
    body["gallery"]["id"]
        .as_str()
        .expect("gallery id")
        .to_string()
}

/// Adds an item to a gallery and returns it.
pub fn add_item(sb: &Sandbox, gallery: &str, item: Value) -> Value {
    ok(call(
        sb,
        "POST",
        &format!("/galleries/{gallery}/items"),
        Some(json!({"item": item})),
    ))["item"]
        .clone()
}

/// Asserts an `applicationError` body with `code` and the `x-wix-request-id` header.
#[track_caller]
pub fn assert_app_error(resp: &Response, status: u16, code: &str) {
    assert_eq!(resp.status, status, "body: {}", resp.body);
    let body = resp.json();
    assert_eq!(
        body["details"]["applicationError"]["code"], code,
        "body: {body}"
    );
    assert!(
        body["message"].as_str().unwrap_or("").starts_with(code),
        "body: {body}"
    );
    assert!(
        resp.header("x-wix-request-id").is_some(),
        "no request id header"
    );
}

/// Asserts a 400 `validationError` naming `field` (exactly) and returns its violation.
#[track_caller]
pub fn assert_violation(resp: &Response, field: &str) -> Value {
    assert_eq!(resp.status, 400, "body: {}", resp.body);
    let body = resp.json();
    assert!(
        body["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("INVALID_ARGUMENT"),
        "body: {body}"
    );
    let list = body["details"]["validationError"]["fieldViolations"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no fieldViolations: {body}"));
    list.into_iter()
        .find(|v| v["field"] == field)
        .unwrap_or_else(|| panic!("no violation for {field}: {body}"))
}
