//! Authentication as strict as Wix (spec/api.md §1): an API key names its site with
//! `wix-site-id`, alone, or gets 403 in Wix's error shape; an app's token names its site by
//! itself; `--sandbox` and the README's commands keep working out of the box.

use serde_json::json;

use crate::apps_support::*;
use crate::common::http::Request;
use crate::common::*;

#[test]
fn an_api_key_must_name_its_site_alone() {
    let sb = Sandbox::start();
    let galleries = format!("{API}/galleries");
    let no_site = sb
        .request("GET", &galleries)
        .without_header("wix-site-id")
        .send();
    assert_app_error(&no_site, 403, "PERMISSION_DENIED");
    assert!(no_site.body.contains("wix-site-id"), "{}", no_site.body);
    let both = sb
        .request("GET", &galleries)
        .header("wix-account-id", "6f6f6f6f-0000-4000-8000-000000000000")
        .send();
    assert_app_error(&both, 403, "PERMISSION_DENIED");
    // A write without a site is refused before anything is done.
    let write = sb
        .request("POST", &galleries)
        .without_header("wix-site-id")
        .json(&json!({"gallery": {"name": "nowhere"}}))
        .send();
    assert_app_error(&write, 403, "PERMISSION_DENIED");
    assert!(sb.events().is_empty());
    let seeded = ok(sb
        .request("GET", &galleries)
        .header("wix-site-id", SEEDED_SITE)
        .send());
    assert_eq!(seeded["totalGalleries"], 2);
    let none = Request::new("GET", &sb.url(&galleries)).send();
    assert_app_error(&none, 401, "UNAUTHENTICATED");
}

#[test]
fn an_app_token_names_its_site_and_expired_unknown_or_denied_tokens_are_refused() {
    let sb = app_sandbox(&["--app-deny", &format!("{APP_ID}:search")]);
    let gallery = sb.new_gallery("Mine");
    let token = fetch_token(&sb);
    let galleries = sb.url(&format!("{API}/galleries"));
    let listed = ok(Request::new("GET", &galleries)
        .header("Authorization", &token)
        .send());
    assert_eq!(listed["galleries"][0]["id"], gallery.as_str());
    // `Bearer ` is tolerated.
    ok(Request::new("GET", &galleries)
        .header("Authorization", &format!("Bearer {token}"))
        .send());
    let search = Request::new("POST", &sb.url("/site-search/v1/search"))
        .header("Authorization", &token)
        .json(&json!({"documentType": "PROGALLERY_ITEM", "search": {}}))
        .send();
    assert_app_error(&search, 403, "PERMISSION_DENIED");
    let forged = Request::new("GET", &galleries)
        .header("Authorization", "sandbox-oauth.not-one-of-ours")
        .send();
    assert_app_error(&forged, 401, "UNAUTHENTICATED");
    expire_tokens(&sb);
    let expired = Request::new("GET", &galleries)
        .header("Authorization", &token)
        .send();
    assert_app_error(&expired, 401, "UNAUTHENTICATED");
    assert!(expired.body.contains("expired"), "{}", expired.body);
    let info = Request::new("POST", &sb.url("/oauth2/token-info"))
        .json(&json!({"token": token}))
        .send();
    assert_app_error(&info, 401, "UNAUTHENTICATED");
    // Neither the secret nor a token is in the request log.
    let logged = serde_json::to_string(&sb.request_log()).unwrap();
    assert_no_secret(&logged, Some(&token));
    assert!(logged.contains("\"client_secret\":\"****\""), "{logged}");
}

#[test]
fn the_embedded_sandbox_and_the_readme_commands_work_out_of_the_box() {
    let home = tempfile::tempdir().unwrap();
    let embedded = run(cli_in(home.path()).args(["--sandbox", "galleries", "list", "-o", "id"]));
    embedded.success();
    assert_eq!(embedded.lines().len(), 2, "the seeded galleries");

    // README: a `sandbox serve`, then the CLI with WIX_API_KEY and the seeded site's id.
    let sb = Sandbox::start();
    let readme = run(cli_in(sb.home.path())
        .env("WIX_API_KEY", "dev")
        .env("WIX_SITE_ID", SEEDED_SITE)
        .args(["--base-url", &sb.base_url, "galleries", "list", "-o", "id"]));
    readme.success();
    assert_eq!(readme.lines().len(), 2);
    // Without the site id, the sandbox's refusal says what is missing.
    let no_site = run(cli_in(sb.home.path()).env("WIX_API_KEY", "dev").args([
        "--base-url",
        &sb.base_url,
        "galleries",
        "list",
    ]));
    no_site.code(4);
    assert!(no_site.stderr.contains("wix-site-id"), "{}", no_site.stderr);
}
