//! Test harness: `progallery sandbox serve` on an ephemeral loopback port (`sandbox.rs`, with one
//! helper per fixture), the CLI run against it in a temporary home (`process.rs`), HTTP through
//! reqwest (`http.rs`), a scripted server for what a sandbox will not do (`fake_server.rs`), and
//! hand-built media files (`media.rs`), and the checks the test files share (`checks.rs`).
//!
//! Rules it keeps: every child is stopped with a signal and waited for, so nothing it made is
//! left behind; no wait is a guessed sleep (each waits for the event it needs, with a ceiling that
//! only guards against a hang); a scripted server fails the test when its script panicked or an
//! expected request never came.

mod checks;
pub mod fake_server;
pub mod http;
pub mod media;
mod process;
mod sandbox;
pub mod terminal;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

pub use checks::{assert_one_error_and_a_hint, journal_files, mode, names_in, titles};
pub use process::{
    next_millisecond, now_millis, run, run_with_stdin, wait_for, wait_until_millis, Process, Run,
    Signal, CEILING,
};
pub use sandbox::{
    assert_app_error, assert_violation, image_item, ok, text_item, text_items, video_item, Sandbox,
    API,
};

pub const TEST_API_KEY: &str = "IST.test-key-0123456789abcdef-SECRET";
pub const DEFAULT_TEST_SITE: &str = "11111111-2222-3333-4444-555555555555";
/// A second site, for what must stay apart per site.
pub const OTHER_SITE: &str = "99999999-8888-7777-6666-555555555555";
/// The site a new sandbox database seeds with the reference's examples (an API key reaches it,
/// as any site, by naming it in `wix-site-id`).
pub const SEEDED_SITE: &str = "00000000-0000-0000-0000-000000000000";

/// The CLI with a clean environment rooted at `home`: no real config or data dir is touched.
pub fn cli_in(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("progallery").expect("binary");
    cmd.env_clear_test_env(home).stdin(Stdio::null());
    cmd
}

/// [`cli_in`] pointed at `base_url` (a sandbox's or a scripted server's) with the test API key and
/// site.
pub fn cli_at(home: &Path, base_url: &str) -> Command {
    let mut cmd = cli_in(home);
    cmd.env("PROGALLERY_BASE_URL", base_url)
        .env("WIX_API_KEY", TEST_API_KEY)
        .env("WIX_SITE_ID", DEFAULT_TEST_SITE);
    cmd
}

/// `items bulk-delete GALLERY --ids-from -` against `sandbox`, then `flags`, with `ids` on stdin.
#[track_caller]
pub fn bulk_delete_ids(sandbox: &Sandbox, gallery: &str, ids: &[u8], flags: &[&str]) -> Run {
    run_with_stdin(
        sandbox
            .cli()
            .args(["items", "bulk-delete", gallery, "--ids-from", "-"])
            .args(flags),
        Some(ids),
    )
}

/// A gallery of `count` generated items made through the CLI itself (`progallery api` on the
/// sandbox's admin endpoint `POST /_sandbox/generate`); its id.
#[track_caller]
pub fn generated_by_cli(sandbox: &Sandbox, count: u64) -> String {
    let body = serde_json::json!({ "count": count }).to_string();
    let made = run(sandbox
        .cli()
        .args(["api", "POST", "/_sandbox/generate", "--data", &body]));
    made.success();
    made.json()["galleryId"]
        .as_str()
        .expect("generated gallery id")
        .to_string()
}

/// The config file of a CLI run in `home`.
pub fn config_path(home: &Path) -> PathBuf {
    home.join("config/config.toml")
}

/// Writes the config file of `home` (owner-only, as the CLI requires).
pub fn write_config(home: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = config_path(home);
    std::fs::create_dir_all(path.parent().expect("config dir")).expect("create config dir");
    std::fs::write(&path, text).expect("write config");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod config");
}

/// `auth login` in `home` with `args`, the secret it reads (`--api-key-stdin`,
/// `--app-secret-stdin`) given on stdin.
#[track_caller]
pub fn auth_login(home: &Path, args: &[&str], stdin: &str) -> Run {
    run_with_stdin(
        cli_in(home).args(["auth", "login"]).args(args),
        Some(stdin.as_bytes()),
    )
}

/// Asserts that an `auth login` succeeded and said it saved `profile`.
#[track_caller]
pub fn assert_saved_profile(login: &Run, profile: &str) {
    login.success();
    assert!(
        login
            .stderr
            .contains(&format!("saved profile \"{profile}\"")),
        "{}",
        login.stderr
    );
}

pub trait TestEnv {
    fn env_clear_test_env(&mut self, home: &Path) -> &mut Self;
}

impl TestEnv for Command {
    fn env_clear_test_env(&mut self, home: &Path) -> &mut Self {
        self.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("PROGALLERY_CONFIG_DIR", home.join("config"))
            .env("PROGALLERY_DATA_DIR", home.join("data"))
            .env("NO_COLOR", "1");
        // Temporary files go where the test run's own go.
        if let Some(tmp) = std::env::var_os("TMPDIR") {
            self.env("TMPDIR", tmp);
        }
        self
    }
}

pub fn temp_file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}
