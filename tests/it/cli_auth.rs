//! Profiles and credentials: `auth login|logout|status`, the config file's mode, and precedence
//! flag > environment > config file > default, checked on what actually reaches the server.

use std::path::Path;

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::terminal::Terminal;
use crate::common::*;

const SITE_A: &str = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const SITE_B: &str = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const KEY_A: &str = "IST.profile-a-key-aaaaaaaaaaaaaaaa-AAAA";
const KEY_B: &str = "IST.profile-b-key-bbbbbbbbbbbbbbbb-BBBB";
const KEY_ENV: &str = "IST.environment-key-eeeeeeeeeeeee-EEEE";

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn ok_server() -> FakeServer {
    FakeServer::start(|_, _| Answer::json(200, r#"{"totalGalleries":0,"galleries":[]}"#))
}

fn two_profiles(base_url: &str) -> String {
    format!(
        "default_profile = \"a\"\n\n[profiles.a]\napi_key = \"{KEY_A}\"\nsite_id = \"{SITE_A}\"\nbase_url = \"{base_url}\"\n\n[profiles.b]\napi_key = \"{KEY_B}\"\nsite_id = \"{SITE_B}\"\nbase_url = \"{base_url}\"\n"
    )
}

/// (authorization, wix-site-id) of the last request the server saw.
fn last_credentials(server: &FakeServer) -> (String, String) {
    let seen = server.requests().pop().expect("a request");
    (
        seen.header("authorization").unwrap_or_default().to_string(),
        seen.header("wix-site-id").unwrap_or_default().to_string(),
    )
}

#[test]
fn login_saves_a_private_profile_that_later_runs_use() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--api-key", TEST_API_KEY]);
    let home = tempfile::tempdir().unwrap();
    let login = auth_login(
        home.path(),
        &[
            "--api-key-stdin",
            "--site-id",
            DEFAULT_TEST_SITE,
            "--base-url",
            &sandbox.base_url,
        ],
        &format!("{TEST_API_KEY}\n"),
    );
    assert_saved_profile(&login, "default");
    let path = config_path(home.path());
    assert_eq!(mode(&path), 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("default_profile = \"default\""), "{text}");
    // No temp files left beside it.
    assert_eq!(
        std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
        1
    );

    // Later runs need nothing else.
    let list = run(cli_in(home.path()).args(["galleries", "list", "-o", "json"]));
    list.success();
    assert_eq!(list.stdout.trim(), "[]");

    let status = run(cli_in(home.path()).args(["auth", "status"]));
    status.success();
    assert!(
        status.stdout.contains("IST.…CRET (config file)"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("default (config file)"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("OK"), "{}", status.stdout);
    assert!(!status.stdout.contains(TEST_API_KEY));

    // A second profile with a bad key is refused and nothing is written.
    let before = std::fs::read_to_string(&path).unwrap();
    let bad = auth_login(
        home.path(),
        &[
            "--profile",
            "other",
            "--api-key-stdin",
            "--site-id",
            SITE_B,
            "--base-url",
            &sandbox.base_url,
        ],
        "IST.wrong-key-000000000000000000000",
    );
    bad.code(4);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    let logout = run(cli_in(home.path()).args(["auth", "logout"]));
    logout.success();
    let after = run(cli_in(home.path()).args(["galleries", "list"]));
    after.code(4);
    assert!(
        after.stderr.contains("progallery auth login"),
        "{}",
        after.stderr
    );
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn login_off_a_terminal_needs_the_key_on_stdin_and_a_site_id() {
    let home = tempfile::tempdir().unwrap();
    let no_key = run(cli_in(home.path()).args(["auth", "login", "--site-id", SITE_A]));
    no_key.code(2);
    assert!(
        no_key.stderr.contains("--api-key-stdin"),
        "{}",
        no_key.stderr
    );
    let no_site = auth_login(home.path(), &["--api-key-stdin"], KEY_A);
    no_site.code(2);
    let bad_site = auth_login(home.path(), &["--api-key-stdin", "--site-id", "xyz"], KEY_A);
    bad_site.code(2);
    // The hint says where a site id comes from (not `galleries list`, which prints gallery ids).
    assert!(
        bad_site
            .stderr
            .contains("hint: a site id is the GUID in the site's dashboard URL: https://manage.wix.com/dashboard/<SITE_ID>"),
        "{}",
        bad_site.stderr
    );
    assert!(
        !bad_site.stderr.contains("galleries list"),
        "{}",
        bad_site.stderr
    );
    assert!(!config_path(home.path()).exists(), "nothing written");
}

#[test]
fn a_config_file_readable_by_others_is_refused() {
    // Nothing may be sent.
    let server = ok_server().expect_requests(0);
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), &two_profiles(&server.base_url));
    set_mode(&config_path(home.path()), 0o644);
    let run = run(cli_in(home.path()).args(["galleries", "list"]));
    run.code(4);
    assert!(run.stderr.contains("readable by others"), "{}", run.stderr);
    assert!(run.stderr.contains("chmod 600"), "{}", run.stderr);
    assert!(server.requests().is_empty());
}

#[test]
fn corrupt_config_unknown_profile_and_missing_credentials() {
    // Nothing may be sent.
    let server = ok_server().expect_requests(0);
    let home = tempfile::tempdir().unwrap();
    write_config(
        home.path(),
        "default_profile = \"a\"\n[profiles.a\napi_key = 1\n",
    );
    let corrupt = run(cli_in(home.path()).args(["galleries", "list"]));
    corrupt.code(2);
    assert!(
        corrupt.stderr.contains("is not valid"),
        "{}",
        corrupt.stderr
    );
    let login = auth_login(
        home.path(),
        &["--api-key-stdin", "--site-id", SITE_A, "--no-verify"],
        KEY_A,
    );
    login.code(2);
    assert!(
        std::fs::read_to_string(config_path(home.path()))
            .unwrap()
            .contains("[profiles.a\n"),
        "a corrupt file is not overwritten"
    );

    write_config(home.path(), &two_profiles(&server.base_url));
    let unknown = run(cli_in(home.path()).args(["--profile", "nope", "galleries", "list"]));
    unknown.code(2);
    assert!(
        unknown.stderr.contains("no profile named \"nope\""),
        "{}",
        unknown.stderr
    );
    let unknown_env = run(cli_in(home.path())
        .env("PROGALLERY_PROFILE", "nope")
        .args(["galleries", "list"]));
    unknown_env.code(2);
    assert!(server.requests().is_empty());

    let empty_home = tempfile::tempdir().unwrap();
    let missing = run(cli_in(empty_home.path()).args(["galleries", "list"]));
    missing.code(4);
    assert_eq!(
        missing.stderr.lines().count(),
        2,
        "one error line and one hint: {}",
        missing.stderr
    );
}

#[test]
fn precedence_is_flag_then_env_then_file() {
    let server = ok_server();
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), &two_profiles(&server.base_url));
    let list = |cmd: &mut std::process::Command| {
        run(cmd.args(["galleries", "list"])).success();
        last_credentials(&server)
    };
    // File: the default profile.
    assert_eq!(
        list(&mut cli_in(home.path())),
        (KEY_A.into(), SITE_A.into())
    );
    // Env beats the file's default profile.
    assert_eq!(
        list(cli_in(home.path()).env("PROGALLERY_PROFILE", "b")),
        (KEY_B.into(), SITE_B.into())
    );
    // The flag beats the environment.
    assert_eq!(
        list(
            cli_in(home.path())
                .env("PROGALLERY_PROFILE", "b")
                .args(["--profile", "a"])
        ),
        (KEY_A.into(), SITE_A.into())
    );
    // WIX_API_KEY / WIX_SITE_ID beat the profile's values.
    assert_eq!(
        list(
            cli_in(home.path())
                .env("WIX_API_KEY", KEY_ENV)
                .env("WIX_SITE_ID", SITE_B)
        ),
        (KEY_ENV.into(), SITE_B.into())
    );
    // Base URL: flag > env > file.
    let other = ok_server();
    run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", &other.base_url)
        .args(["galleries", "list"]))
    .success();
    assert_eq!(other.requests().len(), 1);
    let third = ok_server();
    run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", &other.base_url)
        .args(["--base-url", &third.base_url, "galleries", "list"]))
    .success();
    assert_eq!((other.requests().len(), third.requests().len()), (1, 1));

    let status = run(cli_in(home.path())
        .env("WIX_API_KEY", KEY_ENV)
        .args(["auth", "status", "-o", "json"]));
    status.success();
    let status = status.json();
    assert_eq!(status["apiKey"]["source"], "env");
    assert_eq!(status["apiKey"]["value"], "IST.…EEEE");
    assert_eq!(status["siteId"]["source"], "config file");
    assert_eq!(status["profile"]["value"], "a");
    assert_eq!(status["check"]["ok"], true);
}

#[test]
fn status_reports_a_rejected_key() {
    let server = FakeServer::start(|_, _| {
        Answer::json(
            403,
            r#"{"message":"PERMISSION_DENIED: missing scope","details":{}}"#,
        )
    });
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), &two_profiles(&server.base_url));
    let status = run(cli_in(home.path()).args(["auth", "status"]));
    status.code(4);
    assert!(
        status.stdout.contains("missing scope or wrong site"),
        "{}",
        status.stdout
    );
}

#[test]
fn login_on_a_real_terminal_hides_the_key() {
    // On a terminal of the test's own, the key is typed once the prompt is shown and the
    // terminal no longer echoes: any echo of it would be the CLI's fault.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = cli_in(home.path());
    cmd.env("TERM", "dumb")
        .args(["auth", "login", "--no-verify"]);
    let terminal = Terminal::spawn(cmd);
    terminal.wait_for_text("API key (input hidden):");
    wait_for("the terminal to stop echoing", || !terminal.echoes());
    terminal.type_line(KEY_A);
    terminal.wait_for_text("Site id:");
    terminal.type_line(SITE_A);
    let (status, transcript) = terminal.finish();
    assert!(status.success(), "{status}: {transcript}");
    assert!(
        !transcript.contains(KEY_A),
        "the key was echoed: {transcript}"
    );
    let saved = std::fs::read_to_string(config_path(home.path())).unwrap();
    assert!(saved.contains(KEY_A) && saved.contains(SITE_A), "{saved}");
    assert_eq!(mode(&config_path(home.path())), 0o600);
}
