//! The sandbox as a webhook sender, end to end: real API calls → signed deliveries → `webhooks
//! listen` (and a raw loopback receiver that decodes the JWT by hand). All six events with the
//! API's own objects, the cascade on gallery delete, and the public key endpoints.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::common::{cli_in, image_item, run, wait_for, Sandbox, DEFAULT_TEST_SITE};
use crate::webhooks_sandbox_support::*;
use crate::webhooks_support::*;

#[test]
fn all_six_events_reach_listen_signed_and_carrying_the_apis_objects() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    let (raw_url, raw) = receiver(200);
    let raw = raw.expect_requests(8);
    let sandbox = sandbox_delivering_to(home, &[&listener.url, &raw_url], &[]);

    let gallery = sandbox.call_ok(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "Hooks"}})),
    )["gallery"]
        .clone();
    let gid = gallery["id"].as_str().unwrap().to_string();
    let first = sandbox.call_ok(
        "POST",
        &format!("/galleries/{gid}/items"),
        Some(json!({"item": image_item("one")})),
    )["item"]
        .clone();
    let second = sandbox.call_ok(
        "POST",
        &format!("/galleries/{gid}/items"),
        Some(json!({"item": image_item("two")})),
    )["item"]
        .clone();
    let renamed = sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{gid}"),
        Some(json!({"gallery": {"name": "Hooks 2"}})),
    )["gallery"]
        .clone();
    let first_id = first["id"].as_str().unwrap().to_string();
    let second_id = second["id"].as_str().unwrap().to_string();
    let retitled = sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{gid}/items/{first_id}"),
        Some(json!({"item": {"title": "uno"}})),
    )["item"]
        .clone();
    sandbox.call_ok(
        "DELETE",
        &format!("/galleries/{gid}/items/{first_id}"),
        None,
    );
    sandbox.call_ok("DELETE", &format!("/galleries/{gid}"), None);

    let got = events(&listener, 8);
    let types: Vec<&str> = got
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "wix.pro_gallery.gallery_v2_created",
            "wix.pro_gallery.gallery_v2_gallery_item_created",
            "wix.pro_gallery.gallery_v2_gallery_item_created",
            "wix.pro_gallery.gallery_v2_updated",
            "wix.pro_gallery.gallery_v2_gallery_item_updated",
            "wix.pro_gallery.gallery_v2_gallery_item_deleted",
            "wix.pro_gallery.gallery_v2_gallery_item_deleted",
            "wix.pro_gallery.gallery_v2_deleted",
        ]
    );
    for event in &got {
        assert_eq!(event["instanceId"], json!(DEFAULT_TEST_SITE), "{event}");
        assert_eq!(event["identity"]["identityType"], json!("APP"), "{event}");
        let envelope = &event["data"];
        assert_eq!(envelope["entityId"], json!(gid), "{event}");
        assert_eq!(envelope["entityFqdn"], json!("wix.pro_gallery.v2.gallery"));
        assert_eq!(envelope["triggeredByAnonymizeRequest"], json!(false));
        assert!(envelope["eventTime"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z')));
    }
    let ids: HashSet<&str> = got
        .iter()
        .map(|e| e["data"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 8, "event ids are unique");

    // Each body is the API's own object (galleries with `items: []`, as Wix sends them).
    assert_eq!(got[0]["data"]["slug"], json!("created"));
    assert_eq!(got[0]["data"]["createdEvent"]["entity"], gallery);
    assert_eq!(got[1]["data"]["actionEvent"]["body"]["item"], first);
    assert_eq!(got[2]["data"]["actionEvent"]["body"]["item"], second);
    let mut renamed_without_items = renamed.clone();
    renamed_without_items["items"] = json!([]);
    assert_eq!(
        got[3]["data"]["updatedEvent"]["currentEntity"],
        renamed_without_items
    );
    assert_eq!(
        got[3]["data"]["updatedEvent"]["currentEntity"]["totalItems"],
        json!(2)
    );
    assert_eq!(
        got[4]["data"]["actionEvent"]["body"]["updatedItem"],
        retitled
    );
    assert_eq!(
        got[5]["data"]["actionEvent"]["body"],
        json!({"itemId": first_id})
    );
    assert!(
        got[5]["data"].get("originatedFrom").is_none(),
        "a plain item delete has no origin"
    );
    assert_eq!(
        got[6]["data"]["actionEvent"]["body"],
        json!({"itemId": second_id})
    );
    assert_eq!(got[6]["data"]["originatedFrom"], json!("Gallery Deleted"));
    assert_eq!(got[7]["data"]["deletedEvent"], json!({}));

    // The second URL got the same events (same ids) on the wire: an RS256 JWT body whose claims
    // nest JSON strings, signed with the data dir's key.
    let key = jsonwebtoken::DecodingKey::from_rsa_pem(keys().public_pem.as_bytes()).unwrap();
    let mut wire_ids = HashSet::new();
    for _ in 0..8 {
        let delivery = raw.next_request();
        assert!(
            delivery
                .header("content-type")
                .is_some_and(|t| t.contains("text/plain")),
            "{delivery:?}"
        );
        let token = String::from_utf8(delivery.raw).unwrap();
        let (header, claims, inner, envelope) = decode_by_hand(&token);
        assert_eq!(header["alg"], json!("RS256"));
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
            3600
        );
        assert_eq!(inner["instanceId"], json!(DEFAULT_TEST_SITE));
        let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        validation.validate_aud = false;
        jsonwebtoken::decode::<Value>(&token, &key, &validation)
            .expect("signed with the sandbox key");
        wire_ids.insert(envelope["id"].as_str().unwrap().to_string());
    }
    assert_eq!(wire_ids, ids.iter().map(|s| s.to_string()).collect());

    // The admin log still works, and tells the same story in the same order.
    let log = sandbox_event_log(&sandbox);
    assert_eq!(log, got.iter().map(key_of).collect::<Vec<_>>());
    let status = sandbox.webhooks_status();
    for target in status["targets"].as_array().unwrap() {
        assert_eq!(target["delivered"], json!(8), "{status}");
        assert_eq!(target["pending"], json!(0), "{status}");
    }
}

#[test]
fn deleting_a_gallery_sends_each_item_deleted_with_its_origin_then_the_gallery_deleted() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    let sandbox = sandbox_delivering_to(home, &[&listener.url], &[]);
    let items: Vec<Value> = (0..5).map(|i| image_item(&format!("n{i}"))).collect();
    let gallery = sandbox.call_ok(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "Cascade", "items": items}})),
    )["gallery"]
        .clone();
    let gid = gallery["id"].as_str().unwrap().to_string();
    let item_ids: HashSet<String> = gallery["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(item_ids.len(), 5);
    sandbox.call_ok("DELETE", &format!("/galleries/{gid}"), None);

    let got = events(&listener, 12);
    let slugs: Vec<String> = got.iter().map(event_type_slug).collect();
    let mut expected = vec!["created".to_string()];
    expected.extend(std::iter::repeat("gallery_item_created".to_string()).take(5));
    expected.extend(std::iter::repeat("gallery_item_deleted".to_string()).take(5));
    expected.push("deleted".to_string());
    assert_eq!(slugs, expected);
    // The created event carries the gallery as the API answered it, items left out: its
    // totalItems counts the items created with it.
    let mut gallery_without_items = gallery.clone();
    gallery_without_items["items"] = json!([]);
    assert_eq!(
        got[0]["data"]["createdEvent"]["entity"],
        gallery_without_items
    );
    assert_eq!(
        got[0]["data"]["createdEvent"]["entity"]["totalItems"],
        json!(5)
    );
    let deleted: HashSet<String> = got[6..11].iter().map(|e| item_of(&e["data"])).collect();
    assert_eq!(deleted, item_ids);
    for event in &got[6..11] {
        assert_eq!(
            event["data"]["originatedFrom"],
            json!("Gallery Deleted"),
            "{event}"
        );
        assert_eq!(event["data"]["entityId"], json!(gid));
    }
    assert!(got[11]["data"].get("originatedFrom").is_none());
    assert_eq!(
        sandbox_event_log(&sandbox),
        got.iter().map(key_of).collect::<Vec<_>>()
    );
    // Everything is delivered; stopped now, the listener has printed nothing more.
    wait_for("the deliveries to settle", || {
        let target = &sandbox.webhooks_status()["targets"][0];
        target["delivered"] == json!(12) && target["pending"] == json!(0)
    });
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(rest.is_empty(), "no extra events: {rest:?}");
}

#[test]
fn the_public_key_is_served_and_shown_by_status_without_any_webhook_url() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let status = run(cli_in(home.path()).args(["sandbox", "status"]));
    status.success();
    assert!(
        status.stdout.contains(keys().public_pem.trim()),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("webhook-public-key.pem"),
        "{}",
        status.stdout
    );
    let as_json = run(cli_in(home.path()).args(["sandbox", "status", "-o", "json"]));
    as_json.success();
    assert_eq!(
        as_json.json()["webhooks"]["publicKey"],
        json!(keys().public_pem)
    );

    let sandbox = Sandbox::start_in(home, &["--memory"]);
    let response = sandbox.admin("GET", "/_sandbox/webhook-public-key").send();
    assert_eq!(response.status, 200);
    assert!(response
        .header("content-type")
        .unwrap_or_default()
        .starts_with("text/plain"));
    assert_eq!(response.body, keys().public_pem);
    assert_eq!(sandbox.webhooks_status()["urls"], json!([]));
    // No URL: mutations are logged, nothing is delivered.
    sandbox.call_ok(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "quiet"}})),
    );
    assert_eq!(sandbox.webhooks_status()["targets"], json!([]));
}

#[test]
fn status_never_creates_a_key_and_the_embedded_sandbox_never_loads_one() {
    let home = tempfile::tempdir().unwrap();
    let status = run(cli_in(home.path()).args(["sandbox", "status"]));
    status.success();
    assert!(
        status.stdout.contains("not created yet"),
        "{}",
        status.stdout
    );
    let created = run(cli_in(home.path()).args([
        "--sandbox",
        "galleries",
        "create",
        "--name",
        "X",
        "-o",
        "json",
    ]));
    created.success();
    assert!(
        !home.path().join("data/webhook-private-key.pem").exists(),
        "the embedded sandbox made a key pair"
    );
}

#[test]
fn serve_refuses_a_webhook_url_that_is_not_http() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli_in(home.path()).args([
        "sandbox",
        "serve",
        "--memory",
        "--addr",
        "127.0.0.1:0",
        "--webhook-url",
        "ftp://example.com/x",
    ]));
    out.code(2);
    assert!(out.stderr.contains("--webhook-url"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}
