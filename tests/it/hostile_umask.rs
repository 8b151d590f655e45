//! Secrets and files under any umask (issue 14, class 4): run under `umask 000`, everything the
//! tool creates in its data and config dirs — the data dir, the embedded sandbox's database,
//! its media, the media cache, journals, the webhook key pair, the config file — is owner-only
//! (0700 dirs, 0600 files); and an existing key file others can tamper with is refused, with
//! exit 4 and the `chmod` to run, like a config file others can read.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::media::png;
use crate::common::*;

/// The CLI in `home`'s clean environment, started by a shell that first sets `umask 000`.
fn under_umask_000(home: &Path) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("progallery");
    let mut cmd = Command::new("sh");
    cmd.env_clear_test_env(home)
        .stdin(std::process::Stdio::null())
        .args(["-c", "umask 000 && exec \"$0\" \"$@\""])
        .arg(bin);
    cmd
}

/// Every directory under `root` (itself included) is 0700 and every file 0600; returns how many
/// files were looked at.
#[track_caller]
fn assert_owner_only(root: &Path) -> usize {
    assert_eq!(mode(root), 0o700, "{}", root.display());
    let mut files = 0;
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
        if kind.is_dir() {
            files += assert_owner_only(&path);
        } else if kind.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
            files += 1;
        }
    }
    files
}

#[test]
fn everything_made_under_umask_000_is_owner_only() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // The shell really runs the tool under umask 000: a file it creates itself is 0666.
    let probe = run(Command::new("sh")
        .args(["-c", "umask 000 && : > \"$0\""])
        .arg(h.join("probe")));
    probe.success();
    assert_eq!(mode(&h.join("probe")), 0o666);
    std::fs::remove_file(h.join("probe")).unwrap();

    let g = run(under_umask_000(h).args([
        "--sandbox",
        "galleries",
        "create",
        "--name",
        "U",
        "-o",
        "id",
    ]));
    g.success();
    let g = g.stdout.trim().to_string();
    let photo = h.join("photo.png");
    std::fs::write(&photo, png(9, 7, 300)).unwrap();
    let added = run(under_umask_000(h)
        .args(["--sandbox", "items", "add", &g])
        .arg(&photo)
        .args(["-o", "id"]));
    added.success();
    let item = added.stdout.trim().to_string();
    run(under_umask_000(h).args(["--sandbox", "items", "delete", &g, &item, "--yes"])).success();
    let receiver = FakeServer::start(|_, _| Answer::json(200, "{}"));
    run(under_umask_000(h)
        .args(["webhooks", "trigger", "created", "--to"])
        .arg(format!("{}/hooks", receiver.base_url)))
    .success();
    run_with_stdin(
        under_umask_000(h).args([
            "auth",
            "login",
            "--api-key-stdin",
            "--site-id",
            DEFAULT_TEST_SITE,
            "--no-verify",
        ]),
        Some(TEST_API_KEY.as_bytes()),
    )
    .success();

    let data = h.join("data");
    for made in [
        "sandbox.db",
        "journals",
        "media-cache",
        "sandbox-media",
        "webhook-private-key.pem",
        "webhook-public-key.pem",
    ] {
        assert!(
            std::fs::read_dir(&data).unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(made)),
            "{made} was not made: the test proves nothing about it"
        );
    }
    let files = assert_owner_only(&data);
    assert!(files >= 6, "{files} files");
    assert_owner_only(&h.join("config"));
}

#[test]
fn key_files_others_can_tamper_with_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    crate::webhooks_support::install_sandbox_keys(h);
    let private = h.join("data/webhook-private-key.pem");
    let receiver = FakeServer::start(|_, _| Answer::json(200, "{}")).expect_requests(1);
    let url = format!("{}/hooks", receiver.base_url);

    // The sandbox's private key readable or writable by others: refused, nothing sent.
    for loose in [0o644, 0o620, 0o606] {
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(loose)).unwrap();
        let out = run(cli_in(h).args(["webhooks", "trigger", "created", "--to", &url]));
        assert_one_error_and_a_hint(
            &format!("private key {loose:o}"),
            &out,
            4,
            "can be read or written by other users",
        );
        assert!(out.stderr.contains("chmod 600"), "{}", out.stderr);
    }
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A public key in the data dir others could write is not trusted: rewritten owner-only.
    let public = h.join("data/webhook-public-key.pem");
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o666)).unwrap();
    run(cli_in(h).args(["webhooks", "trigger", "created", "--to", &url])).success();
    assert_eq!(mode(&public), 0o600);

    // A --public-key file others can write: whoever replaces it could forge deliveries.
    let (given_private, given_public) = crate::webhooks_support::keys().files_in(h);
    std::fs::set_permissions(&given_public, std::fs::Permissions::from_mode(0o646)).unwrap();
    let token = run(cli_in(h)
        .args(["webhooks", "verify", "--public-key"])
        .arg(&given_public)
        .arg("-"));
    assert_one_error_and_a_hint("public key 646", &token, 4, "can be written by other users");
    // Readable by all is fine for a public key.
    std::fs::set_permissions(&given_public, std::fs::Permissions::from_mode(0o644)).unwrap();
    // A --private-key others can read is refused.
    std::fs::set_permissions(&given_private, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(cli_in(h)
        .args(["webhooks", "trigger", "created", "--private-key"])
        .arg(&given_private)
        .args(["--to", &url]));
    assert_one_error_and_a_hint(
        "--private-key 640",
        &out,
        4,
        "can be read or written by other users",
    );
}
