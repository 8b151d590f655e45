//! Bad-input cases that need their own setup: webhook payloads refused by `webhooks verify`, a
//! config file that does not parse, and a sandbox answering 401/403/429/503. Each must end with one
//! error line and a hint naming the fix, under the documented exit code.

use crate::common::*;
use crate::webhooks_support::{bad_payloads, install_sandbox_keys};

#[test]
fn every_refused_webhook_payload_gets_one_error_line_and_a_hint() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    for (what, payload, code, _status) in bad_payloads() {
        let run = run_with_stdin(
            cli_in(home.path()).args(["webhooks", "verify", "-"]),
            Some(payload.as_bytes()),
        );
        assert_one_error_and_a_hint(what, &run, code, "");
        let hint = run.stderr.lines().nth(1).unwrap_or_default().to_string();
        if code == 4 {
            assert!(hint.contains("--public-key"), "{what}: {hint}");
        }
    }
}

#[test]
fn a_config_file_that_does_not_parse_is_one_line_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    let config = config_dir.join("config.toml");
    // toml reports this one over two lines ("invalid array" / "expected `]`").
    std::fs::write(&config, "default_profile = [").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let run = run(cli_in(home.path()).args(["galleries", "list"]));
    assert_one_error_and_a_hint("corrupt config", &run, 2, "is not valid");
    assert!(run.stderr.contains("config.toml"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "default_profile = [",
        "the broken file is left for the user to fix"
    );
}

#[test]
fn a_config_path_that_is_a_folder_is_reported_with_a_hint() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/config.toml")).unwrap();
    let run = run(cli_in(home.path())
        .env("WIX_API_KEY", TEST_API_KEY)
        .args(["galleries", "list"]));
    assert_one_error_and_a_hint("config is a folder", &run, 1, "cannot read the config file");
}

#[test]
fn service_refusals_are_one_line_with_a_hint_and_their_exit_code() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    let run1 = run(sandbox
        .cli()
        .env("WIX_API_KEY", "IST.some-other-key-0123456789")
        .args(["galleries", "list"]));
    assert_one_error_and_a_hint("wrong key", &run1, 4, "403");

    sandbox.set_faults(serde_json::json!({"failRate": 1.0}));
    let run2 = run(sandbox.cli().args(["--retries", "1", "galleries", "list"]));
    assert_one_error_and_a_hint("unavailable", &run2, 6, "503");

    sandbox.set_faults(serde_json::json!({"failRate": 0.0, "rateLimitPerMin": 1}));
    run(sandbox.cli().args(["galleries", "list"])).success();
    let run3 = run(sandbox.cli().args(["--retries", "1", "galleries", "list"]));
    assert_one_error_and_a_hint("rate limited", &run3, 6, "429");
}
