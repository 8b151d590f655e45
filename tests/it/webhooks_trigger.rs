//! `webhooks trigger` → `webhooks listen` end to end for all six event types, the wire format
//! trigger sends, and its errors.

use serde_json::{json, Value};

use crate::common::{assert_one_error_and_a_hint, cli_in, run};
use crate::webhooks_listen::GALLERY;
use crate::webhooks_support::*;

/// (slug, full eventType, a path that must exist in the envelope)
const SIX: [(&str, &str, &str); 6] = [
    (
        "created",
        "wix.pro_gallery.gallery_v2_created",
        "/createdEvent/entity/id",
    ),
    (
        "updated",
        "wix.pro_gallery.gallery_v2_updated",
        "/updatedEvent/currentEntity/id",
    ),
    (
        "deleted",
        "wix.pro_gallery.gallery_v2_deleted",
        "/deletedEvent",
    ),
    (
        "gallery_item_created",
        "wix.pro_gallery.gallery_v2_gallery_item_created",
        "/actionEvent/body/item/id",
    ),
    (
        "gallery_item_updated",
        "wix.pro_gallery.gallery_v2_gallery_item_updated",
        "/actionEvent/body/updatedItem/id",
    ),
    (
        "gallery_item_deleted",
        "wix.pro_gallery.gallery_v2_gallery_item_deleted",
        "/actionEvent/body/itemId",
    ),
];

#[test]
fn trigger_to_listen_end_to_end_for_all_six_event_types() {
    // Default keys on both sides: the sandbox's pair in the data dir, created by the first user.
    let home = tempfile::tempdir().unwrap();
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    assert!(
        home.path().join("data/webhook-private-key.pem").exists(),
        "listen creates the sandbox key pair"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(home.path().join("data/webhook-private-key.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "private key mode {mode:o}");
    }
    for (i, (slug, full, body_path)) in SIX.iter().enumerate() {
        // Alternate the short and the full name.
        let name = if i % 2 == 0 { *slug } else { *full };
        let sent = run(cli_in(home.path())
            .args(["webhooks", "trigger", name, "--gallery", GALLERY, "--to"])
            .arg(&listener.url));
        sent.success();
        assert!(sent.stderr.contains("200"), "{}", sent.stderr);
        let sent_event = sent.json();
        let line = listener.next_line();
        let received: Value = serde_json::from_str(&line).expect("listen prints JSONL");
        assert_eq!(
            received, sent_event,
            "{slug}: what listen decoded is what trigger sent"
        );
        assert_eq!(received["eventType"], json!(full));
        let envelope = &received["data"];
        assert_eq!(envelope["slug"], json!(slug));
        assert_eq!(envelope["entityId"], json!(GALLERY));
        assert_eq!(envelope["entityFqdn"], json!("wix.pro_gallery.v2.gallery"));
        assert!(envelope["id"].as_str().is_some_and(|id| id.len() == 36));
        assert!(
            envelope.pointer(body_path).is_some(),
            "{slug}: no {body_path} in {envelope}"
        );
        assert!(received["identity"]["identityType"].is_string());
        // Gallery events never carry items.
        if let Some(gallery) = envelope
            .pointer("/createdEvent/entity")
            .or_else(|| envelope.pointer("/updatedEvent/currentEntity"))
        {
            assert_eq!(gallery["items"], json!([]), "{slug}");
            assert_eq!(gallery["id"], json!(GALLERY), "{slug}");
        }
    }
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(rest.is_empty(), "unexpected extra lines: {rest:?}");
    assert!(stderr.contains("6 accepted"), "{stderr}");
}

#[test]
fn trigger_marks_a_cascade_delete_and_uses_an_explicit_key_pair() {
    let home = tempfile::tempdir().unwrap();
    let (private, public) = keys().files_in(home.path());
    let listener = Listener::start(
        home.path(),
        &["-o", "jsonl", "--public-key", public.to_str().unwrap()],
    );
    let sent = run(cli_in(home.path())
        .args([
            "webhooks",
            "trigger",
            "gallery_item_deleted",
            "--gallery-deleted",
            "--private-key",
        ])
        .arg(&private)
        .args(["--instance-id", "site-7", "--to"])
        .arg(&listener.url));
    sent.success();
    let received: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(received["data"]["originatedFrom"], json!("Gallery Deleted"));
    assert_eq!(received["instanceId"], json!("site-7"));
    // Signed with a key the listener does not trust: refused, and trigger says so with exit 4.
    let refused = run(cli_in(home.path())
        .args(["webhooks", "trigger", "created", "--private-key"])
        .arg(other_keys().files_in(home.path()).0)
        .arg("--to")
        .arg(&listener.url));
    refused.code(4);
    assert!(refused.stderr.contains("401"), "{}", refused.stderr);
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0);
    assert!(rest.is_empty(), "{rest:?}");
    assert!(
        stderr.contains("1 accepted") && stderr.contains("1 refused"),
        "{stderr}"
    );
    assert!(
        !home.path().join("data/webhook-private-key.pem").exists(),
        "explicit keys create nothing"
    );
}

#[test]
fn trigger_rejects_unknown_event_types_and_bad_urls() {
    let home = tempfile::tempdir().unwrap();
    let out = run(cli_in(home.path()).args([
        "webhooks",
        "trigger",
        "gallery_exploded",
        "--to",
        "http://127.0.0.1:9/",
    ]));
    out.code(2);
    assert!(
        out.stderr.contains("gallery_item_created"),
        "lists valid types: {}",
        out.stderr
    );
    let out =
        run(cli_in(home.path()).args(["webhooks", "trigger", "created", "--to", "not a url"]));
    out.code(2);
}

#[test]
fn trigger_sends_the_exact_wire_format_wix_sends() {
    // Received raw (not through listen, which is lenient): the body is a bare RS256 JWT whose
    // claims nest JSON strings, as spec §5 says.
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let (target, received) = receiver(200);
    let received = received.expect_requests(1);
    run(cli_in(home.path())
        .args([
            "webhooks",
            "trigger",
            "gallery_item_updated",
            "--gallery",
            GALLERY,
            "--to",
        ])
        .arg(&target))
    .success();
    let delivery = received.next_request();
    assert_eq!(
        (delivery.method.as_str(), delivery.target.as_str()),
        ("POST", "/hook")
    );
    let token = String::from_utf8(delivery.raw).expect("utf-8 body");
    let key = jsonwebtoken::DecodingKey::from_rsa_pem(keys().public_pem.as_bytes()).unwrap();
    let header = jsonwebtoken::decode_header(&token).expect("a JWT");
    assert_eq!(header.alg, jsonwebtoken::Algorithm::RS256);
    let claims = jsonwebtoken::decode::<Value>(
        &token,
        &key,
        &jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256),
    )
    .expect("signed with the sandbox key")
    .claims;
    let (iat, exp) = (
        claims["iat"].as_i64().unwrap(),
        claims["exp"].as_i64().unwrap(),
    );
    assert!(exp > iat && (iat - now()).abs() < 60, "iat {iat} exp {exp}");
    let outer: Value =
        serde_json::from_str(claims["data"].as_str().expect("data is a string")).unwrap();
    assert_eq!(
        outer["eventType"],
        json!("wix.pro_gallery.gallery_v2_gallery_item_updated")
    );
    assert!(outer["instanceId"].is_string());
    let envelope: Value =
        serde_json::from_str(outer["data"].as_str().expect("data.data is a string")).unwrap();
    let identity: Value =
        serde_json::from_str(outer["identity"].as_str().expect("identity is a string")).unwrap();
    assert_eq!(envelope["slug"], json!("gallery_item_updated"));
    assert_eq!(envelope["entityId"], json!(GALLERY));
    assert_eq!(envelope["triggeredByAnonymizeRequest"], json!(false));
    assert!(envelope["eventTime"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
    assert!(envelope.get("originatedFrom").is_none());
    assert!(identity["identityType"].is_string());
}

#[test]
fn trigger_to_a_closed_port_says_why_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let to = format!("http://127.0.0.1:{port}/webhooks");
    let out = run(cli_in(home.path()).args(["webhooks", "trigger", "created", "--to", &to]));
    assert_one_error_and_a_hint("a closed port", &out, 1, "cannot connect");
}
