//! Helpers for the app tests: a sandbox that knows one app (installed on the test site), the CLI
//! signed in as that app only (no API key, no site id anywhere), and the sandbox's OAuth
//! endpoints used directly (a token of one's own, expiring every token at a chosen moment).

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::common::http::Request;
use crate::common::{cli_in, Sandbox, DEFAULT_TEST_SITE};

pub const APP_ID: &str = "a4d1c2e3-0b1a-4c5d-8e9f-0a1b2c3d4e5f";
pub const APP_SECRET: &str = "app-secret-5c1e7d0b9a8f4e3d2c1b0a9f8e7d6c5b";
/// The app's instance on the test site.
pub const INSTANCE_ID: &str = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
/// An instance the sandbox was not told about.
pub const UNKNOWN_INSTANCE: &str = "0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e";

/// `--app` and `--app-instance` for the test app, installed on the test site.
pub fn app_flags() -> Vec<String> {
    vec![
        "--app".into(),
        format!("{APP_ID}:{APP_SECRET}"),
        "--app-instance".into(),
        format!("{APP_ID}:{INSTANCE_ID}={DEFAULT_TEST_SITE}"),
    ]
}

/// An in-memory, seedless sandbox issuing tokens to the test app, plus `extra` flags.
pub fn app_sandbox(extra: &[&str]) -> Sandbox {
    let mut args: Vec<String> = vec!["--memory".into(), "--no-seed".into()];
    args.extend(app_flags());
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Sandbox::start_with(&args)
}

/// The CLI in the sandbox's home, pointed at it, with the app's credentials only.
pub fn app_cli(sandbox: &Sandbox) -> Command {
    app_cli_at(sandbox.home.path(), &sandbox.base_url)
}

/// The CLI in `home`, pointed at `base_url`, with the app's credentials only.
pub fn app_cli_at(home: &Path, base_url: &str) -> Command {
    let mut cmd = cli_in(home);
    cmd.env("PROGALLERY_BASE_URL", base_url)
        .env("WIX_APP_ID", APP_ID)
        .env("WIX_APP_SECRET", APP_SECRET)
        .env("WIX_INSTANCE_ID", INSTANCE_ID);
    cmd
}

/// `POST /oauth2/token` for the test app's instance: the answer's token.
#[track_caller]
pub fn fetch_token(sandbox: &Sandbox) -> String {
    let response = Request::new("POST", &sandbox.url("/oauth2/token"))
        .json(&json!({
            "grant_type": "client_credentials",
            "client_id": APP_ID,
            "client_secret": APP_SECRET,
            "instance_id": INSTANCE_ID,
        }))
        .send();
    assert_eq!(response.status, 200, "{}", response.body);
    response.json()["access_token"]
        .as_str()
        .expect("a token")
        .to_string()
}

/// Expires every token the sandbox issued so far (`DELETE /_sandbox/oauth/tokens`).
#[track_caller]
pub fn expire_tokens(sandbox: &Sandbox) {
    let response = sandbox.admin("DELETE", "/_sandbox/oauth/tokens").send();
    assert_eq!(response.status, 200, "{}", response.body);
}

/// Logged requests to a path ending in `suffix` that got `status`.
pub fn answered(log: &[Value], method: &str, suffix: &str, status: u64) -> usize {
    log.iter()
        .filter(|r| {
            r["method"] == method
                && r["path"].as_str().unwrap_or_default().ends_with(suffix)
                && r["status"] == status
        })
        .count()
}

/// Logged token requests (`POST /oauth2/token`).
pub fn token_requests(log: &[Value]) -> usize {
    log.iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/oauth2/token")
        .count()
}

/// The test's secrets that must never be printed.
pub fn assert_no_secret(text: &str, token: Option<&str>) {
    assert!(
        !text.contains(APP_SECRET),
        "the app secret was printed: {text}"
    );
    if let Some(token) = token {
        assert!(!text.contains(token), "a token was printed: {text}");
    }
    assert!(
        !text.contains("sandbox-oauth."),
        "something token-shaped was printed: {text}"
    );
}
