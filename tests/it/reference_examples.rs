//! The client parses every response example of Wix's reference
//! (`../shared/seeds/pro-gallery-api-reference.txt`, read from the file, not copied): each
//! example is served by a scripted server for requests of its method and path, and the CLI verb
//! that makes that request runs against it and must succeed, printing what the example holds
//! (through the client's own decoding: its typed calls, the reference's key slips, the obsolete
//! item shape kept as unknown fields). The one endpoint the client never calls (the deprecated
//! `DELETE …/items`) goes through `progallery api`. The six webhook envelope examples are signed
//! as Wix would send them and must pass `webhooks verify`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use serde_json::{json, Value};

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;
use crate::webhooks_support::{keys, now, rs256, wix_claims};

/// Where CI and every worktree find the reference: `../shared` beside the crate.
fn reference_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/pro-gallery-api-reference.txt")
}

/// A response example: the request it answers (method, path without query) and its body.
struct Example {
    method: String,
    path: String,
    body: Value,
}

/// The line that introduces the pseudo-JSON outlines of a webhook token (with `//` comments):
/// descriptions of a structure, not examples of a body.
const OUTLINE_INTRO: &str = "The data payload will include the following as an encoded JWT:";

/// The JSON value that starts at `lines[start]` (a line that is just `{`): its end found by
/// counting braces outside strings.
fn block(lines: &[&str], start: usize) -> (String, usize) {
    let (mut depth, mut in_string, mut escaped) = (0i32, false, false);
    for (end, line) in lines.iter().enumerate().skip(start) {
        for ch in line.chars() {
            match (in_string, escaped, ch) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (false, _, '"') => in_string = true,
                (false, _, '{') => depth += 1,
                (false, _, '}') => depth -= 1,
                _ => {}
            }
        }
        if depth == 0 {
            return (lines[start..=end].join("\n"), end);
        }
    }
    panic!("unterminated JSON block from line {}", start + 1);
}

/// Every response example (after its `curl`) and every webhook envelope example.
fn examples() -> (Vec<Example>, Vec<Value>) {
    let path = reference_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the reference lives in ../shared beside the crate)",
            path.display()
        )
    });
    let lines: Vec<&str> = text.lines().collect();
    let (mut responses, mut envelopes) = (Vec::new(), Vec::new());
    let mut request: Option<(String, String)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if let Some(method) = line.strip_prefix("curl -X ") {
            let url = lines[i + 1]
                .trim()
                .trim_end_matches('\\')
                .trim()
                .trim_matches('\'');
            let path = url
                .trim_start_matches("https://www.wixapis.com")
                .split('?')
                .next()
                .unwrap_or_default();
            request = Some((
                method.trim_end_matches(['\\', ' ']).to_string(),
                path.to_string(),
            ));
            i += 2;
            continue;
        }
        if line.starts_with("-d '") {
            // A request body, up to its closing quote.
            while !lines[i].trim_end().ends_with('\'') {
                i += 1;
            }
            i += 1;
            continue;
        }
        if line.trim() == "{" {
            let (json, end) = block(&lines, i);
            if lines[i - 1].trim() != OUTLINE_INTRO {
                let value: Value = serde_json::from_str(&json)
                    .unwrap_or_else(|e| panic!("example at line {}: {e}", i + 1));
                if value.get("entityFqdn").is_some() {
                    envelopes.push(value);
                } else {
                    let (method, path) = request
                        .take()
                        .unwrap_or_else(|| panic!("a response at line {} without its curl", i + 1));
                    responses.push(Example {
                        method,
                        path,
                        body: value,
                    });
                }
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    (responses, envelopes)
}

/// A path with its ids replaced by `{}`, so requests for other ids find the example.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let guid = segment.len() == 36 && segment.chars().filter(|c| *c == '-').count() == 4;
            if guid {
                "{}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn the_client_parses_every_response_example_of_the_reference() {
    let (responses, envelopes) = examples();
    assert_eq!(responses.len(), 12, "twelve endpoints, one example each");
    assert_eq!(envelopes.len(), 6, "six webhook events");
    let mut by_request: HashMap<(String, String), Value> = HashMap::new();
    for example in &responses {
        let key = (example.method.clone(), shape(&example.path));
        assert!(
            by_request
                .insert(key.clone(), example.body.clone())
                .is_none(),
            "two examples for {key:?}"
        );
        // The reference's curl updates a gallery with PUT; the client sends PATCH (the SDK's).
        if example.method == "PUT" {
            by_request.insert(("PATCH".into(), shape(&example.path)), example.body.clone());
        }
    }
    // For the bulk delete, a listing that holds the ids the example answers as deleted.
    let answered_deleted: Vec<String> = by_request[&(
        "POST".to_string(),
        "/progallery/v2/galleries/{}/items/delete".to_string(),
    )]["itemIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let answered: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
    let listing = Mutex::new(None::<Value>);
    let served = std::sync::Arc::new((by_request, answered, listing));
    let state = std::sync::Arc::clone(&served);
    let server = FakeServer::start(move |seen, _| {
        let (examples, answered, listing) = &*state;
        let key = (seen.method.clone(), shape(seen.path()));
        // A listing of other items, for the bulk delete: in get-gallery's page and list-items.
        if let (Some(list), "GET") = (listing.lock().unwrap().clone(), key.0.as_str()) {
            if key.1.ends_with("/items") {
                return Answer::json(200, &json!({ "items": list }).to_string());
            }
            if let Some(mut gallery) = examples.get(&key).cloned() {
                if gallery.get("gallery").is_some() {
                    gallery["gallery"]["totalItems"] = json!(list.as_array().map_or(0, Vec::len));
                    gallery["gallery"]["items"] = list;
                    return Answer::json(200, &gallery.to_string());
                }
            }
        }
        match examples.get(&key) {
            Some(body) => {
                answered.lock().unwrap().push(key);
                Answer::json(200, &body.to_string())
            }
            None => Answer::json(
                404,
                &json!({"message": format!("no example for {key:?}")}).to_string(),
            ),
        }
    });
    let home = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| -> Run {
        let run = run(cli_at(home.path(), &server.base_url).args(args));
        run.success();
        run
    };
    let g = "e481d9b4-14b9-4a98-ae52-67f4170e3a63";
    let item = "a045b201-ee7d-447c-b0c3-746cba83253c";

    // List galleries: the example's `totalGalleriesCount` and `gallery` (slips) are read.
    let listed = cli(&["galleries", "list", "-o", "json"]).json();
    assert_eq!(listed[0]["id"], g);
    assert_eq!(listed[0]["items"][2]["video"]["duration"], "20000");
    // Create gallery: the obsolete item shape of its answer is kept whole.
    let created = cli(&[
        "galleries",
        "create",
        "--name",
        "Simple Gallery",
        "-o",
        "json",
    ])
    .json();
    assert_eq!(created["id"], "a59d43f0-0023-4ef2-8593-e38d2b668795");
    assert_eq!(created["items"][0]["dataType"], "PHOTO");
    assert_eq!(created["items"][0]["photoMetadata"]["width"], 2869);
    // Get gallery.
    let got = cli(&[
        "galleries",
        "get",
        "432c362d-1440-4205-b9cb-35ea11a22682",
        "-o",
        "json",
    ])
    .json();
    assert_eq!(got["totalItems"], 3);
    assert_eq!(got["items"][1]["sortOrder"], json!(1642505672333_u64));
    // List items: seconds and milliseconds side by side, numbers as they came.
    let items = cli(&["items", "list", g, "-o", "json"]);
    assert!(items.stdout.contains("1657439075188"), "{}", items.stdout);
    assert!(items.stdout.contains("1644317968.985"), "{}", items.stdout);
    // Get item.
    let one = cli(&["items", "get", g, item, "-o", "json"]).json();
    assert_eq!(one["image"]["imageInfo"]["altText"], "Some Alt");
    // Create item: an obsolete answer (mediaUrl, dataType) is still the created item.
    let added = cli(&["items", "add", g, "--text", "<p>new</p>", "-o", "json"]).json();
    assert_eq!(added["id"], "3bd99e6f-0d1a-4a97-a7dc-a57a5257a6a8");
    assert_eq!(
        added["tags"]["tags"],
        json!(["_unsplash", "_unsplash_qWBg64lnD5Q"])
    );
    // Update item and update gallery (each read first, then written).
    let updated = cli(&[
        "items",
        "update",
        "2113aed5-8ebd-418a-a60b-74a799ce50e0",
        "d02bd19a-c0a3-456a-9c82-32c08ceb6712",
        "--title",
        "Newly Updated Item1",
        "-o",
        "json",
    ])
    .json();
    assert_eq!(updated["title"], "Newly Updated Item1");
    let renamed = cli(&[
        "galleries",
        "update",
        "a59d43f0-0023-4ef2-8593-e38d2b668795",
        "--name",
        "Partially Updated Gallery123",
        "-o",
        "json",
    ])
    .json();
    assert_eq!(renamed["name"], "Partially Updated Gallery123");
    // Delete item, delete gallery.
    cli(&["items", "delete", g, item, "--yes", "-o", "jsonl"]);
    cli(&[
        "galleries",
        "delete",
        "c68c0dc5-088f-4205-b202-3eef797ea0ab",
        "--yes",
    ]);
    // Bulk delete: the answer's ids are read as the ones deleted.
    let mut list = served.0[&(
        "GET".to_string(),
        "/progallery/v2/galleries/{}/items".to_string(),
    )]["items"]
        .clone();
    for (k, id) in answered_deleted.iter().enumerate() {
        list[k]["id"] = json!(id);
    }
    *served.2.lock().unwrap() = Some(list);
    let ids = answered_deleted.join("\n");
    let bulk = run_with_stdin(
        cli_at(home.path(), &server.base_url).args([
            "items",
            "bulk-delete",
            "432c362d-1440-4205-b9cb-35ea11a22682",
            "--ids-from",
            "-",
            "--yes",
            "-o",
            "id",
        ]),
        Some(ids.as_bytes()),
    );
    bulk.success();
    assert_eq!(bulk.lines(), answered_deleted, "{}", bulk.stderr);
    *served.2.lock().unwrap() = None;
    // The deprecated delete, which the client never calls, through the raw call.
    let raw = cli(&[
        "api",
        "DELETE",
        "/progallery/v2/galleries/432c362d-1440-4205-b9cb-35ea11a22682/items?itemsIds=fa499c86-aee9-11ea-8c85-12879e2400f0",
    ])
    .json();
    assert_eq!(raw["gallery"]["name"], "Simple Gallery");

    // Every example was served at least once.
    let answered = served.1.lock().unwrap().clone();
    for example in &responses {
        let key = (example.method.clone(), shape(&example.path));
        let also_patch = ("PATCH".to_string(), key.1.clone());
        assert!(
            answered.contains(&key) || (key.0 == "PUT" && answered.contains(&also_patch)),
            "the example for {key:?} was never requested"
        );
    }

    // Webhooks: each envelope, signed as Wix sends it, is verified and decoded.
    let public = home.path().join("wix-public.pem");
    std::fs::write(&public, &keys().public_pem).unwrap();
    for envelope in envelopes {
        let slug = envelope["slug"].as_str().unwrap();
        let event_type = format!("wix.pro_gallery.gallery_v2_{slug}");
        let token = rs256(
            &wix_claims(&event_type, &envelope, now(), now() + 600),
            &keys().private_pem,
        );
        let file = temp_file(home.path(), "payload.jwt", &token);
        let verified = run(cli_in(home.path()).args([
            "webhooks",
            "verify",
            "--public-key",
            public.to_str().unwrap(),
            file.to_str().unwrap(),
        ]));
        verified.success();
        let decoded = verified.json();
        assert_eq!(decoded["eventType"], event_type.as_str());
        assert_eq!(decoded["data"]["id"], envelope["id"], "{slug}");
        assert_eq!(decoded["data"]["entityId"], envelope["entityId"], "{slug}");
    }
}
