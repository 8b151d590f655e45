//! Signing in as a Wix app, end to end against `sandbox serve` acting as the OAuth server: a run
//! with app credentials only, tokens that expire in the middle of it, each way the credentials
//! can fail (one error line, exit 4, nothing sent after), `auth status` naming a missing
//! permission, `auth login` for an app, external tokens, and secrets kept out of every output.

use serde_json::{json, Value};

use crate::apps_support::*;
use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;

/// `n` text items with distinct content (so none is "already there"), as a JSON manifest.
fn text_manifest(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let items: Vec<Value> = (0..n)
        .map(
            |i| json!({"title": format!("note {i}"), "text": {"html": format!("<p>note {i}</p>")}}),
        )
        .collect();
    let path = dir.join("items.json");
    std::fs::write(&path, Value::Array(items).to_string()).unwrap();
    path
}

#[test]
fn an_app_alone_lists_adds_300_and_bulk_deletes_200_while_its_token_expires_mid_run() {
    // Every token dies after 100 requests: the 300 creates outlive two of them, wherever the
    // machine's speed puts the moments; one more is expired before the bulk delete starts.
    let sandbox = app_sandbox(&["--token-max-uses", "100"]);
    let listed = run(app_cli(&sandbox).args(["galleries", "list", "-o", "json"]));
    listed.success();
    assert_eq!(listed.json(), json!([]));
    let created =
        run(app_cli(&sandbox).args(["galleries", "create", "--name", "App run", "-o", "id"]));
    created.success();
    let gallery = created.stdout.trim().to_string();

    let manifest = text_manifest(sandbox.home.path(), 300);
    let added = run(app_cli(&sandbox)
        .args(["items", "add", &gallery, "--from-file"])
        .arg(&manifest)
        .args(["-o", "id"]));
    added.success();
    assert_eq!(added.lines().len(), 300, "{}", added.stderr);
    assert_no_secret(&added.stderr, None);

    let all = run(app_cli(&sandbox).args(["items", "list", &gallery, "--all", "-o", "id"]));
    all.success();
    let ids: Vec<String> = all.lines().iter().map(|l| l.to_string()).collect();
    assert_eq!(ids.len(), 300);
    // The next process finds a cached token the service no longer takes.
    expire_tokens(&sandbox);
    let to_delete = ids[..200].join("\n");
    let deleted = run_with_stdin(
        app_cli(&sandbox).args(["items", "bulk-delete", &gallery, "--ids-from", "-", "--yes"]),
        Some(to_delete.as_bytes()),
    );
    deleted.success();
    assert!(
        deleted.stderr.contains("deleted 200 of 200"),
        "{}",
        deleted.stderr
    );

    // (The log first: the checks below read the sandbox with the harness's own key.)
    let log = sandbox.request_log();
    // Everything exactly once: the gallery holds the other 100, in order.
    assert_eq!(sandbox.item_ids(&gallery), ids[200..].to_vec());
    let events = sandbox.events();
    let count = |kind: &str| events.iter().filter(|e| e["type"] == kind).count();
    assert_eq!((count("ItemCreated"), count("ItemDeleted")), (300, 200));
    assert_eq!(
        answered(&log, "POST", &format!("{gallery}/items"), 200),
        300
    );
    let bulk: Vec<&Value> = log
        .iter()
        .filter(|r| {
            r["path"]
                .as_str()
                .unwrap_or_default()
                .ends_with("/items/delete")
        })
        .collect();
    let sent_ids: usize = bulk
        .iter()
        .filter(|r| r["status"] == 200)
        .map(|r| r["body"]["itemIds"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(sent_ids, 200, "each id sent once: {bulk:?}");
    // The token expired mid-run (twice at least, and once more before the delete): each time
    // one request was refused, a new token fetched, and the request sent again.
    let refused = log.iter().filter(|r| r["status"] == 401).count();
    assert!(refused >= 3, "{refused} refusals");
    assert!(
        token_requests(&log) >= 4,
        "{} token requests",
        token_requests(&log)
    );
    // App credentials only: no request named a site, every API request carried a token.
    for request in &log {
        assert!(request["headers"].get("wix-site-id").is_none(), "{request}");
        if request["path"] != "/oauth2/token" {
            assert_eq!(request["headers"]["authorization"], "****", "{request}");
        }
    }
}

#[test]
fn a_token_is_renewed_before_it_expires_without_a_refusal() {
    // Tokens live 3 s and are renewed a fifth early; each request takes 1.5 s (injected
    // latency, before the token is checked), so the walk (token, count, pages) outlives the
    // first token: the pages go with a new one, fetched before the old one was refused.
    let sandbox = app_sandbox(&["--token-ttl", "3"]);
    let gallery = sandbox.gallery_with_items("Pages", text_items(150));
    sandbox.set_faults(json!({"latencyMs": 1500}));
    let walked = run(app_cli(&sandbox).args(["items", "list", &gallery, "--all", "-o", "id"]));
    walked.success();
    assert_eq!(walked.lines().len(), 150);
    let log = sandbox.request_log();
    assert!(token_requests(&log) >= 2, "{log:?}");
    assert_eq!(log.iter().filter(|r| r["status"] == 401).count(), 0);
}

/// One line of error and one of hint, exit 4, no secret.
#[track_caller]
fn assert_one_auth_error(run: &Run, wanted: &str) {
    assert_one_error_and_a_hint("refused credentials", run, 4, wanted);
    assert_no_secret(&run.stderr, None);
    assert_no_secret(&run.stdout, None);
}

#[test]
fn refused_credentials_fail_with_one_line_and_nothing_sent_after() {
    let sandbox = app_sandbox(&[]);
    let gallery = sandbox.gallery_with_items("G", text_items(3));
    let manifest = text_manifest(sandbox.home.path(), 20);
    let add = |cmd: &mut std::process::Command| {
        run(cmd
            .args(["items", "add", &gallery, "--from-file"])
            .arg(&manifest))
    };

    // A wrong secret: the token endpoint refuses it, and that is the only request.
    sandbox.clear_request_log();
    let wrong = add(app_cli(&sandbox).env("WIX_APP_SECRET", "not-the-secret-0000"));
    assert_one_auth_error(&wrong, "the app's credentials were refused (HTTP 401");
    let log = sandbox.request_log();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["path"], "/oauth2/token");

    // An instance the app is not installed on.
    sandbox.clear_request_log();
    let unknown = add(app_cli(&sandbox).env("WIX_INSTANCE_ID", UNKNOWN_INSTANCE));
    assert_one_auth_error(&unknown, "is not installed on instance");
    assert_eq!(sandbox.request_log().len(), 1);

    // A token from elsewhere that has expired: refused once, not renewable, nothing after.
    let token = fetch_token(&sandbox);
    expire_tokens(&sandbox);
    sandbox.clear_request_log();
    let expired = add(app_cli(&sandbox)
        .env_remove("WIX_APP_ID")
        .env_remove("WIX_APP_SECRET")
        .env_remove("WIX_INSTANCE_ID")
        .env("WIX_ACCESS_TOKEN", &token));
    assert_one_auth_error(&expired, "WIX_ACCESS_TOKEN (HTTP 401");
    assert_no_secret(&expired.stderr, Some(&token));
    let log = sandbox.request_log();
    assert_eq!(log.len(), 1, "nothing after the refusal: {log:?}");
    assert_eq!(log[0]["status"], 401);
    assert_eq!(sandbox.item_ids(&gallery).len(), 3, "nothing was added");
}

#[test]
fn a_token_endpoint_answering_garbage_fails_with_one_line_and_nothing_sent_after() {
    // A gateway page where the token should be: 200, but no token. Only the exchange comes.
    let server = FakeServer::start(|_, _| {
        Answer::raw(
            200,
            "text/html",
            b"<html><title>Portal</title>sandbox-oauth.fake</html>",
        )
    })
    .expect_targets(&["/oauth2/token"]);
    let home = tempfile::tempdir().unwrap();
    let garbage = run(app_cli_at(home.path(), &server.base_url).args(["galleries", "list"]));
    assert_one_auth_error(&garbage, "answered 200 but its answer is not JSON");
    let seen = server.requests();
    assert_eq!(seen.len(), 1, "{seen:?}");
    // The exchange itself: client credentials in a JSON body, no Authorization header.
    let body: Value = serde_json::from_str(&seen[0].body).unwrap();
    assert_eq!(body["grant_type"], "client_credentials");
    assert_eq!(body["client_id"], APP_ID);
    assert_eq!(body["instance_id"], INSTANCE_ID);
    assert!(seen[0].header("authorization").is_none());
}

#[test]
fn a_token_endpoint_answering_without_end_is_cut_off_at_the_cap() {
    // A token answer that never ends is read no further than the cap of any answer (8 MiB): the
    // credentials fail at once with one line, instead of the client holding what comes for as
    // long as the time limit allows.
    let server = FakeServer::start(|_, _| Answer::endless(200)).expect_targets(&["/oauth2/token"]);
    let home = tempfile::tempdir().unwrap();
    let endless = run(app_cli_at(home.path(), &server.base_url).args(["galleries", "list"]));
    assert_one_auth_error(&endless, "with more than 8 MiB, far more than a token");
    assert_eq!(server.requests().len(), 1, "nothing sent after the refusal");
}

#[test]
fn auth_status_names_the_permission_an_app_lacks_and_changes_nothing() {
    let sandbox = app_sandbox(&["--app-deny", &format!("{APP_ID}:gallery-write")]);
    sandbox.gallery_with_items("Kept", text_items(2));
    let before = sandbox.events().len();
    let status = run(app_cli(&sandbox).args(["auth", "status"]));
    status.code(4);
    assert!(
        status.stderr.contains("missing permission: gallery write"),
        "{}",
        status.stderr
    );
    let line = |label: &str| {
        status
            .stdout
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line: {}", status.stdout))
            .to_string()
    };
    assert!(line("identity").contains("app instance"));
    assert!(line("gallery read").contains("OK"), "{}", status.stdout);
    assert!(
        line("gallery write").contains("missing scope"),
        "{}",
        status.stdout
    );
    assert!(line("Media Manager").contains("OK"), "{}", status.stdout);
    assert!(line("Site Search").contains("OK"), "{}", status.stdout);
    assert!(line("token").contains("expires"), "{}", status.stdout);
    assert!(
        line("app secret").contains("not shown"),
        "{}",
        status.stdout
    );
    assert_no_secret(&status.stdout, None);
    // The write probe changed nothing.
    assert_eq!(sandbox.events().len(), before);

    let json = run(app_cli(&sandbox).args(["auth", "status", "-o", "json"]));
    json.code(4);
    let json = json.json();
    assert_eq!(json["identity"], "app instance");
    let checks: Vec<(String, bool)> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["capability"].as_str().unwrap().to_string(),
                c["ok"] == true,
            )
        })
        .collect();
    assert_eq!(
        checks,
        [
            ("gallery read".to_string(), true),
            ("gallery write".to_string(), false),
            ("Media Manager".to_string(), true),
            ("Site Search".to_string(), true)
        ]
    );

    // With every permission, the probes pass and still change nothing.
    let full = app_sandbox(&[]);
    full.gallery_with_items("Kept", text_items(2));
    let before = full.events().len();
    let ok = run(app_cli(&full).args(["auth", "status"]));
    ok.success();
    assert_eq!(full.events().len(), before);
    let probes: Vec<Value> = full
        .logged("POST", "/items/delete")
        .iter()
        .map(|r| r["status"].clone())
        .collect();
    assert_eq!(probes, [200], "one write probe, accepted");
}

#[test]
fn auth_login_saves_an_app_profile_that_later_runs_use() {
    let sandbox = app_sandbox(&[]);
    let home = tempfile::tempdir().unwrap();
    // `auth login` as the test app, saving `profile`.
    let app_login = |profile: &str, secret: &str| {
        auth_login(
            home.path(),
            &[
                "--profile",
                profile,
                "--app-id",
                APP_ID,
                "--instance-id",
                INSTANCE_ID,
                "--app-secret-stdin",
                "--base-url",
                &sandbox.base_url,
            ],
            secret,
        )
    };
    let login = app_login("client-a", &format!("{APP_SECRET}\n"));
    assert_saved_profile(&login, "client-a");
    assert_no_secret(&login.stderr, None);
    let path = config_path(home.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(APP_ID) && text.contains(INSTANCE_ID),
        "{text}"
    );
    assert!(
        !text.contains("api_key") && !text.contains("site_id"),
        "{text}"
    );
    assert_eq!(mode(&path), 0o600);
    let tokens = home.path().join("data/tokens");
    assert_eq!(mode(&tokens), 0o700, "the token cache is the owner's alone");
    for file in std::fs::read_dir(&tokens).unwrap() {
        assert_eq!(mode(&file.unwrap().path()), 0o600);
    }
    // Later runs need nothing else; the verbose log shows no secret and no token.
    let listed = run(cli_in(home.path()).args(["-v", "galleries", "list", "-o", "json"]));
    listed.success();
    assert!(
        listed.stderr.contains("authorization: ****"),
        "{}",
        listed.stderr
    );
    let token_files: Vec<_> = std::fs::read_dir(home.path().join("data/tokens"))
        .unwrap()
        .collect();
    let cached: Value = serde_json::from_str(
        &std::fs::read_to_string(token_files[0].as_ref().unwrap().path()).unwrap(),
    )
    .unwrap();
    let token = cached["accessToken"].as_str().unwrap();
    assert_no_secret(&listed.stderr, Some(token));
    let status = run(cli_in(home.path()).args(["auth", "status"]));
    status.success();
    assert!(
        status.stdout.contains("client-a (config file)"),
        "{}",
        status.stdout
    );
    assert_no_secret(&status.stdout, Some(token));
    // The request log never held the secret either.
    let logged = serde_json::to_string(&sandbox.request_log()).unwrap();
    assert_no_secret(&logged, Some(token));

    // A wrong secret is refused at login, and nothing is written.
    let before = std::fs::read_to_string(&path).unwrap();
    let bad = app_login("client-b", "wrong-secret-000000000");
    bad.code(4);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_token_command_is_run_again_when_its_token_is_refused() {
    let sandbox = app_sandbox(&[]);
    let gallery = sandbox.gallery_with_items("G", text_items(1));
    // The command prints the next of two tokens each time it runs; the first will be dead.
    let first = fetch_token(&sandbox);
    expire_tokens(&sandbox);
    let second = fetch_token(&sandbox);
    let dir = sandbox.home.path();
    std::fs::write(dir.join("tokens.txt"), format!("{first}\n{second}\n")).unwrap();
    let script = dir.join("token.sh");
    std::fs::write(
        &script,
        "n=$(cat \"$D/count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$D/count\"; sed -n \"${n}p\" \"$D/tokens.txt\"\n",
    )
    .unwrap();
    let listed = run(cli_in(dir)
        .env("PROGALLERY_BASE_URL", &sandbox.base_url)
        .env("D", dir)
        .args(["--token-command"])
        .arg(format!("sh {}", script.display()))
        .args(["items", "list", &gallery, "-o", "id"]));
    listed.success();
    assert_eq!(listed.lines().len(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.join("count")).unwrap().trim(),
        "2"
    );
    assert_no_secret(&listed.stderr, Some(&second));

    // A token from WIX_ACCESS_TOKEN works as it is; status reads its expiry from token-info.
    let status = run(cli_in(dir)
        .env("PROGALLERY_BASE_URL", &sandbox.base_url)
        .env("WIX_ACCESS_TOKEN", &second)
        .args(["auth", "status", "-o", "json"]));
    status.success();
    let status = status.json();
    assert_eq!(status["identity"], "external access token");
    assert!(status["token"]["expiresAt"].is_string(), "{status}");
    assert_eq!(status["accessToken"]["value"], "(set, not shown)");
    assert!(!status.to_string().contains(&second));
}

#[test]
fn two_kinds_of_credentials_at_one_level_are_refused_before_anything_is_sent() {
    let server = FakeServer::start(|_, _| Answer::json(200, "{}")).expect_requests(0);
    let home = tempfile::tempdir().unwrap();
    let both = run(app_cli_at(home.path(), &server.base_url)
        .env("WIX_API_KEY", TEST_API_KEY)
        .env("WIX_SITE_ID", DEFAULT_TEST_SITE)
        .args(["galleries", "list"]));
    both.code(2);
    assert!(
        both.stderr.contains("two kinds of credentials"),
        "{}",
        both.stderr
    );
    let partial = run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", &server.base_url)
        .env("WIX_APP_ID", APP_ID)
        .args(["galleries", "list"]));
    partial.code(4);
    assert!(partial.stderr.contains("incomplete"), "{}", partial.stderr);
    assert!(server.requests().is_empty());
}

#[test]
fn app_login_on_a_real_terminal_hides_the_secret() {
    // The secret is typed once the prompt is shown and the terminal no longer echoes: any echo
    // of it would be the CLI's fault.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = cli_in(home.path());
    cmd.env("TERM", "dumb").args([
        "auth",
        "login",
        "--no-verify",
        "--profile",
        "client-a",
        "--app-id",
        APP_ID,
    ]);
    let terminal = crate::common::terminal::Terminal::spawn(cmd);
    terminal.wait_for_text("Instance id:");
    terminal.type_line(INSTANCE_ID);
    terminal.wait_for_text("App secret (input hidden):");
    wait_for("the terminal to stop echoing", || !terminal.echoes());
    terminal.type_line(APP_SECRET);
    let (status, transcript) = terminal.finish();
    assert!(status.success(), "{status}: {transcript}");
    assert_no_secret(&transcript, None);
    let saved = std::fs::read_to_string(config_path(home.path())).unwrap();
    assert!(
        saved.contains(APP_SECRET) && saved.contains(INSTANCE_ID),
        "{saved}"
    );
}
