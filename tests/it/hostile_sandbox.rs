//! The sandbox never acts on a broken request (issue 14, class 6): a create, update, bulk delete
//! or upload whose body was cut short — fewer bytes than its `Content-Length`, a chunked body
//! without its last chunk, the connection closed — changes nothing (raw TCP plays the peer no
//! HTTP client will); with `--api-key` its admin endpoints need the key too; and a flood of
//! short-lived and stalled connections leaves its file descriptors where they started.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};

use serde_json::{json, Value};

use crate::common::http::Request;
use crate::common::media::png;
use crate::common::*;

/// `host:port` of the sandbox.
fn addr(sandbox: &Sandbox) -> String {
    sandbox.base_url.trim_start_matches("http://").to_string()
}

/// Sends `head` and then `body`, closes the sending side (as a client that died would), and
/// returns what the server answered, if anything.
fn cut_short(sandbox: &Sandbox, head: &str, body: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr(sandbox)).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    stream.shutdown(Shutdown::Write).unwrap();
    stream.set_read_timeout(Some(CEILING)).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// The head of an API request with the test credentials.
fn head(method: &str, path: &str, framing: &str) -> String {
    format!(
        "{method} {API}{path} HTTP/1.1\r\nHost: sandbox\r\nAuthorization: {TEST_API_KEY}\r\nwix-site-id: {DEFAULT_TEST_SITE}\r\nContent-Type: application/json\r\n{framing}\r\n"
    )
}

#[test]
fn a_request_body_cut_short_changes_nothing() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Whole", text_items(3));
    let before_items = sandbox.items(&g);
    let item = before_items[0]["id"].as_str().unwrap().to_string();
    let before_galleries = sandbox.call_ok("GET", "/galleries", None);
    let events_before = sandbox.events().len();
    sandbox.clear_request_log();

    // Each body is complete, valid JSON: acting on what arrived would "work". Every one is cut
    // short of what its framing promised.
    let create = br#"{"gallery": {"name": "half a request"}}"#;
    let update = br#"{"item": {"title": "changed by half a request"}}"#;
    let delete = format!(r#"{{"itemIds": ["{item}"]}}"#);
    let add = br#"{"item": {"title": "added by half a request", "text": {"html": "<p>x</p>"}}}"#;
    let chunk = |body: &[u8]| {
        let mut framed = format!("{:x}\r\n", body.len()).into_bytes();
        framed.extend_from_slice(body);
        framed.extend_from_slice(b"\r\n");
        framed
    };
    let cases: Vec<(&str, String, Vec<u8>)> = vec![
        (
            "create, fewer bytes than Content-Length",
            head(
                "POST",
                "/galleries",
                &format!("Content-Length: {}\r\n", create.len() + 40),
            ),
            create.to_vec(),
        ),
        (
            "create, chunked without its last chunk",
            head("POST", "/galleries", "Transfer-Encoding: chunked\r\n"),
            chunk(create),
        ),
        (
            "update, fewer bytes than Content-Length",
            head(
                "PATCH",
                &format!("/galleries/{g}/items/{item}"),
                &format!("Content-Length: {}\r\n", update.len() + 1),
            ),
            update.to_vec(),
        ),
        (
            "update, chunked without its last chunk",
            head(
                "PATCH",
                &format!("/galleries/{g}/items/{item}"),
                "Transfer-Encoding: chunked\r\n",
            ),
            chunk(update),
        ),
        (
            "bulk delete, fewer bytes than Content-Length",
            head(
                "POST",
                &format!("/galleries/{g}/items/delete"),
                &format!("Content-Length: {}\r\n", delete.len() + 10),
            ),
            delete.as_bytes().to_vec(),
        ),
        (
            "add an item, chunked, cut inside a chunk",
            head(
                "POST",
                &format!("/galleries/{g}/items"),
                "Transfer-Encoding: chunked\r\n",
            ),
            {
                let mut framed = format!("{:x}\r\n", add.len() + 20).into_bytes();
                framed.extend_from_slice(add);
                framed
            },
        ),
    ];
    for (name, head, body) in &cases {
        let answer = cut_short(&sandbox, head, body);
        assert!(
            !answer.starts_with("HTTP/1.1 200"),
            "{name}: answered {answer}"
        );
    }
    // Nothing changed: the galleries, the items, the event log; each request was logged refused.
    assert_eq!(sandbox.call_ok("GET", "/galleries", None), before_galleries);
    assert_eq!(sandbox.items(&g), before_items);
    assert_eq!(
        sandbox.events().len(),
        events_before,
        "an event was emitted"
    );
    let refused: Vec<Value> = sandbox
        .request_log()
        .into_iter()
        .filter(|r| r["method"] != "GET")
        .collect();
    assert_eq!(refused.len(), cases.len(), "{refused:#?}");
    assert!(refused.iter().all(|r| r["status"] == 400), "{refused:#?}");
}

#[test]
fn an_upload_cut_short_stores_nothing_and_the_url_still_takes_the_whole_file() {
    let sandbox = Sandbox::empty();
    let url = crate::media_sandbox::upload_url(&sandbox, DEFAULT_TEST_SITE, "image/png");
    let bytes = png(12, 8, 4000);
    let target = url.trim_start_matches(&sandbox.base_url).to_string();
    let answer = cut_short(
        &sandbox,
        &format!(
            "PUT {target}?filename=a.png HTTP/1.1\r\nHost: sandbox\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\r\n",
            bytes.len()
        ),
        &bytes[..bytes.len() / 2],
    );
    assert!(!answer.starts_with("HTTP/1.1 200"), "answered {answer}");
    // The same URL then takes the whole file, as new: the half did not become a file.
    let whole = crate::media_sandbox::put(&url, "a.png", "image/png", &bytes);
    assert_eq!(whole.status, 200, "{}", whole.body);
    let pending = whole.json()["file"].clone();
    let file = crate::media_sandbox::wait_until_processed(
        &sandbox,
        DEFAULT_TEST_SITE,
        pending["id"].as_str().unwrap(),
    );
    assert_eq!(file["operationStatus"], "READY", "{file}");
    assert_eq!(
        file["sizeInBytes"],
        json!(bytes.len().to_string()),
        "{file}"
    );
    assert_eq!(
        crate::media_sandbox::fetch(file["url"].as_str().unwrap()).raw,
        bytes
    );
}

#[test]
fn with_an_api_key_the_admin_endpoints_need_it_too() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    let faults_before = sandbox.admin("GET", "/_sandbox/faults").send().json();
    let admin: Vec<(&str, &str, Option<Value>)> = vec![
        ("GET", "/_sandbox/requests", None),
        ("DELETE", "/_sandbox/requests", None),
        ("GET", "/_sandbox/faults", None),
        ("PUT", "/_sandbox/faults", Some(json!({"failRate": 1.0}))),
        ("GET", "/_sandbox/events", None),
        ("DELETE", "/_sandbox/events", None),
        ("GET", "/_sandbox/webhooks", None),
        ("GET", "/_sandbox/webhook-public-key", None),
        ("POST", "/_sandbox/generate", Some(json!({"count": 5}))),
        ("GET", "/_sandbox/media-settings", None),
        (
            "PUT",
            "/_sandbox/media-settings",
            Some(json!({"maxUploadBytes": 1})),
        ),
    ];
    for (method, path, body) in &admin {
        let bare = Request::new(method, &sandbox.url(path));
        let bare = match body {
            Some(body) => bare.json(body),
            None => bare,
        };
        assert_app_error(&bare.send(), 401, "UNAUTHENTICATED");
        let wrong = Request::new(method, &sandbox.url(path)).header("Authorization", "IST.wrong");
        let wrong = match body {
            Some(body) => wrong.json(body),
            None => wrong,
        };
        assert_app_error(&wrong.send(), 403, "PERMISSION_DENIED");
    }
    // Nothing the refused requests asked for happened.
    assert_eq!(
        sandbox.admin("GET", "/_sandbox/faults").send().json(),
        faults_before
    );
    assert_eq!(
        sandbox.call_ok("GET", "/galleries", None)["totalGalleries"],
        0
    );
    // With the key (raw or Bearer) they work; health and media URLs stay public.
    for (method, path, body) in &admin[..3] {
        let with_key = Request::new(method, &sandbox.url(path))
            .header("Authorization", &format!("Bearer {TEST_API_KEY}"));
        let with_key = match body {
            Some(body) => with_key.json(body),
            None => with_key,
        };
        assert_eq!(with_key.send().status, 200, "{method} {path}");
    }
    assert_eq!(
        Request::new("GET", &sandbox.url("/_sandbox/health"))
            .send()
            .json(),
        json!({"ok": true})
    );
    let media = Request::new("GET", &sandbox.url("/_sandbox/media/nothing-here.png")).send();
    assert_eq!(media.status, 404, "public, and not there: {}", media.body);

    // Without --api-key nothing changes: admin endpoints answer anyone.
    let open = Sandbox::empty();
    assert_eq!(
        Request::new("GET", &open.url("/_sandbox/faults"))
            .send()
            .status,
        200
    );
}

/// The sandbox process's open file descriptors.
fn fds(sandbox: &Sandbox) -> usize {
    std::fs::read_dir(format!("/proc/{}/fd", sandbox.pid()))
        .map(|d| d.count())
        .unwrap_or(usize::MAX)
}

#[test]
fn a_flood_of_short_lived_and_stalled_connections_gives_back_every_descriptor() {
    // Header deadline of the sandbox: 30 s; stalled peers below close themselves, so nothing
    // here waits for it.
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Flooded");
    // Warm up: one full request, so what the server keeps for good is already open.
    sandbox.call_ok("GET", &format!("/galleries/{g}"), None);
    let baseline = fds(&sandbox);
    let address = addr(&sandbox);
    let mut held = Vec::new();
    for i in 0..2000 {
        let mut stream = TcpStream::connect(&address).unwrap();
        match i % 4 {
            // Connect and leave.
            0 => {}
            // Half a request, then leave.
            1 => stream.write_all(b"GET /progallery/v2/gall").unwrap(),
            // A whole request, its answer read.
            2 => {
                stream
                    .write_all(format!("GET {API}/galleries HTTP/1.1\r\nHost: s\r\nAuthorization: k\r\nwix-site-id: {DEFAULT_TEST_SITE}\r\nConnection: close\r\n\r\n").as_bytes())
                    .unwrap();
                let mut answer = Vec::new();
                stream.set_read_timeout(Some(CEILING)).unwrap();
                let _ = stream.read_to_end(&mut answer);
                assert!(
                    answer.starts_with(b"HTTP/1.1 200"),
                    "{}",
                    String::from_utf8_lossy(&answer)
                );
            }
            // Garbage instead of HTTP.
            _ => stream
                .write_all(b"\x16\x03\x01\x02\x00 not http at all\r\n\r\n")
                .unwrap(),
        }
        // A few are held open at once, then all let go.
        held.push(stream);
        if held.len() == 200 {
            held.clear();
        }
    }
    drop(held);
    wait_for(
        "the sandbox to close every connection the flood opened",
        || fds(&sandbox) <= baseline,
    );
    // And it still answers, with its data intact.
    assert_eq!(
        sandbox.call_ok("GET", &format!("/galleries/{g}"), None)["gallery"]["name"],
        "Flooded"
    );
}
