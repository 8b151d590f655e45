//! `webhooks verify`: valid payloads decode fully; every hostile or broken payload gets the right
//! exit code (4 refused, 2 not a JWT) and prints nothing on stdout.

use serde_json::{json, Value};

use crate::common::{cli_in, run, run_with_stdin, temp_file};
use crate::webhooks_support::*;

fn verify_stdin(home: &std::path::Path, payload: &[u8]) -> crate::common::Run {
    let (_, public) = keys().files_in(home);
    run_with_stdin(
        cli_in(home)
            .args(["webhooks", "verify", "--public-key"])
            .arg(&public)
            .arg("-"),
        Some(payload),
    )
}

#[test]
fn verify_decodes_every_nested_level() {
    let home = tempfile::tempdir().unwrap();
    let envelope = item_created_envelope("evt-verify-1", "gal-1");
    let claims = wix_claims(
        "wix.pro_gallery.gallery_v2_gallery_item_created",
        &envelope,
        now(),
        now() + 600,
    );
    let token = rs256(&claims, &keys().private_pem);
    // From a file, with the trailing newline an editor adds.
    let file = temp_file(home.path(), "payload.jwt", &format!("{token}\n"));
    let out = run(cli_in(home.path())
        .args(["webhooks", "verify", "--public-key"])
        .arg(keys().files_in(home.path()).1)
        .arg(&file));
    out.success();
    let decoded = out.json();
    assert_eq!(
        decoded,
        json!({
            "eventType": "wix.pro_gallery.gallery_v2_gallery_item_created",
            "instanceId": "instance-1",
            "data": envelope,
            "identity": {"identityType": "WIX_USER", "wixUserId": "user-1"},
        })
    );
    // And from stdin.
    let out = verify_stdin(home.path(), token.as_bytes());
    out.success();
    assert_eq!(out.json(), decoded);
}

#[test]
fn verify_refuses_forged_and_broken_payloads_with_the_right_exit_code() {
    let home = tempfile::tempdir().unwrap();
    for (what, payload, code, _status) in bad_payloads() {
        let out = verify_stdin(home.path(), payload.as_bytes());
        assert_eq!(
            out.code, code,
            "{what}: stdout {} stderr {}",
            out.stdout, out.stderr
        );
        assert!(out.stdout.is_empty(), "{what}: printed {}", out.stdout);
        assert!(
            out.stderr.contains("progallery: error:"),
            "{what}: {}",
            out.stderr
        );
    }
}

#[test]
fn verify_names_the_reason_for_refusing() {
    let home = tempfile::tempdir().unwrap();
    let reasons: Vec<(String, String)> = bad_payloads()
        .into_iter()
        .map(|(what, payload, _, _)| {
            (
                what.to_string(),
                verify_stdin(home.path(), payload.as_bytes()).stderr,
            )
        })
        .collect();
    let reason = |what: &str| {
        reasons
            .iter()
            .find(|(w, _)| w == what)
            .map(|(_, e)| e.clone())
            .unwrap()
    };
    assert!(
        reason("alg none").contains("only RS256"),
        "{}",
        reason("alg none")
    );
    assert!(reason("HS256 with the public key as secret").contains("only RS256"));
    assert!(
        reason("expired").contains("expired"),
        "{}",
        reason("expired")
    );
    assert!(
        reason("wrong key").contains("signature"),
        "{}",
        reason("wrong key")
    );
}

#[test]
fn verify_refuses_an_oversized_payload_as_bad_input() {
    let home = tempfile::tempdir().unwrap();
    let big = format!("{}.{}.{}", "a".repeat(10), "b".repeat(2 * 1024 * 1024), "c");
    // From a file: verify stops reading past the cap, which would break a stdin pipe mid-write.
    let file = temp_file(home.path(), "big.jwt", &big);
    let out = run(cli_in(home.path())
        .args(["webhooks", "verify", "--public-key"])
        .arg(keys().files_in(home.path()).1)
        .arg(&file));
    out.code(2);
    assert!(out.stderr.contains("larger than"), "{}", out.stderr);
}

#[test]
fn verify_accepts_an_envelope_sent_as_objects_and_the_prose_fqdn() {
    // Lenient on input: a sender that forgot to stringify the nested levels still decodes.
    let home = tempfile::tempdir().unwrap();
    let mut envelope = item_created_envelope("evt-objects", "gal-2");
    envelope["entityFqdn"] = json!("wix.pro_gallery.gallery_v2");
    let claims = json!({
        "data": {"eventType": "wix.pro_gallery.gallery_v2_gallery_item_created",
                 "instanceId": "i", "data": envelope, "identity": {"identityType": "APP", "appId": "a"}},
        "iat": now(), "exp": now() + 60,
    });
    let out = verify_stdin(home.path(), rs256(&claims, &keys().private_pem).as_bytes());
    out.success();
    assert_eq!(out.json()["data"], envelope);
}

#[test]
fn verify_without_a_key_says_how_to_pass_one() {
    let home = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        cli_in(home.path()).args(["webhooks", "verify"]),
        Some(valid_token("x").as_bytes()),
    );
    out.code(2);
    assert!(out.stderr.contains("--public-key"), "{}", out.stderr);
    // The sandbox's key in the data dir is the default.
    install_sandbox_keys(home.path());
    let out = run_with_stdin(
        cli_in(home.path()).args(["webhooks", "verify"]),
        Some(valid_token("x").as_bytes()),
    );
    out.success();
    assert_eq!(out.json()["data"]["id"], Value::from("x"));
}

#[test]
fn verify_rejects_a_file_that_is_not_a_key() {
    let home = tempfile::tempdir().unwrap();
    let bogus = temp_file(home.path(), "key.pem", "not a key");
    let out = run_with_stdin(
        cli_in(home.path())
            .args(["webhooks", "verify", "--public-key"])
            .arg(&bogus),
        Some(valid_token("x").as_bytes()),
    );
    out.code(2);
    assert!(
        out.stderr.contains("not an RSA public key"),
        "{}",
        out.stderr
    );
}
