//! `sandbox reset` follows the destructive-operation rules (spec/cli.md): off a terminal it needs
//! `--yes`, on one it shows what goes and asks, `--dry-run` shows it and removes nothing; and it
//! removes what the database owns outside itself: its media bytes and the client's media cache
//! for its galleries and for the embedded sandbox, never another service's cache.

use sha2::{Digest, Sha256};

use crate::common::*;
use crate::media_sandbox::{png, upload};

/// `hashcache::site_key("embedded-sandbox", None)`: where `--sandbox` runs keep their cache.
fn embedded_site_key() -> String {
    Sha256::digest(b"embedded-sandbox\n-")[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn reset_asks_or_needs_yes_shows_a_dry_run_and_removes_media_and_cache() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let db = data.join("sandbox.db");
    let sandbox = Sandbox::start_in(home, &["--db", db.to_str().unwrap()]);
    let home = sandbox.home.path().to_path_buf();
    let g = sandbox.new_gallery("To reset");
    sandbox.add_item(&g, image_item("x"));
    let file = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "a.png",
        "image/png",
        &png(3, 2, 10),
    );
    let media_dir = data.join("sandbox-media");
    let stored = media_dir.join(file["id"].as_str().unwrap());
    assert!(
        stored.is_file(),
        "the upload's bytes are at {}",
        stored.display()
    );
    // The client's cache: this gallery's (served from some URL), the embedded sandbox's, and
    // another service's, which must survive.
    let cache = data.join("media-cache");
    let served = cache.join("0123456789abcdef");
    std::fs::create_dir_all(&served).unwrap();
    std::fs::write(served.join(format!("{g}.jsonl")), "{\"mediaId\":\"m\"}\n").unwrap();
    let other = served.join("1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d.jsonl");
    std::fs::write(&other, "{\"mediaId\":\"w\"}\n").unwrap();
    let embedded = cache.join(embedded_site_key());
    std::fs::create_dir_all(&embedded).unwrap();
    std::fs::write(embedded.join("g.jsonl"), "{\"mediaId\":\"e\"}\n").unwrap();
    let untouched = |why: &str| {
        assert!(stored.is_file(), "{why}: media kept");
        assert!(
            served.join(format!("{g}.jsonl")).is_file(),
            "{why}: cache kept"
        );
        assert!(embedded.is_dir(), "{why}: cache kept");
        let status = run(cli_in(&home).args(["sandbox", "status", "-o", "json"])).json();
        assert!(
            !status["sites"].as_array().unwrap().is_empty(),
            "{why}: data kept"
        );
    };

    // Off a terminal: --yes is required.
    let refused = run(cli_in(&home).args(["sandbox", "reset"]));
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    untouched("refused");
    // --no-input on a terminal cannot ask either.
    let no_input = run(cli_in(&home).env("PROGALLERY_FORCE_TTY", "1").args([
        "--no-input",
        "sandbox",
        "reset",
    ]));
    assert_eq!(no_input.code, 2, "{}", no_input.stderr);
    untouched("no input");
    // Dry run: what would go, nothing removed.
    let dry = run(cli_in(&home).args(["sandbox", "reset", "--dry-run", "-o", "json"]));
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    let plan = dry.json();
    assert_eq!(plan["database"], db.to_str().unwrap());
    assert_eq!(plan["mediaFiles"].as_array().unwrap().len(), 1);
    let cached: Vec<&str> = plan["mediaCache"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(cached.len(), 2, "{cached:?}");
    assert!(!cached
        .iter()
        .any(|p| p.ends_with("1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d.jsonl")));
    untouched("dry run");
    // On a terminal: shown, then declined.
    let declined = run_with_stdin(
        cli_in(&home)
            .env("PROGALLERY_FORCE_TTY", "1")
            .args(["sandbox", "reset"]),
        Some(b"n\n"),
    );
    assert_eq!(declined.code, 130, "{}", declined.stderr);
    for shown in [
        db.to_str().unwrap(),
        DEFAULT_TEST_SITE,
        "1 galleries, 1 items",
        "media files  1",
        "[y/N]",
    ] {
        assert!(
            declined.stderr.contains(shown),
            "{shown}: {}",
            declined.stderr
        );
    }
    untouched("declined");

    let done = run(cli_in(&home).args(["sandbox", "reset", "--yes"]));
    assert_eq!(done.code, 0, "{}", done.stderr);
    let status = run(cli_in(&home).args(["sandbox", "status", "-o", "json"])).json();
    assert_eq!(status["sites"], serde_json::json!([]));
    assert!(!stored.exists(), "the media bytes are gone");
    assert!(!media_dir.exists(), "the emptied media dir is gone");
    assert!(get_file_gone(&sandbox, file["id"].as_str().unwrap()));
    assert!(!served.join(format!("{g}.jsonl")).exists());
    assert!(!embedded.exists());
    assert!(other.is_file(), "another service's cache is not touched");
}

/// The Media Manager no longer knows the file.
fn get_file_gone(sandbox: &Sandbox, id: &str) -> bool {
    crate::media_sandbox::get_file(sandbox, DEFAULT_TEST_SITE, id).status == 404
}
