//! `progallery auth login|logout|status`: profiles in the config file. A profile is one site,
//! reached with an API key and the site's id, or as an app (its id and secret) through its
//! instance on the site. The key or secret is read with hidden input on a terminal or from stdin
//! (`--api-key-stdin`, `--app-secret-stdin`; never from an argument, where it would land in shell
//! history and `ps`), checked against the service, and only then saved.
//!
//! `status` names the identity in use and checks each permission on its own, so a missing one is
//! known before a bulk run fails halfway: gallery read (a one-gallery page), gallery write (see
//! [`probe_gallery_write`]), Media Manager (a read of a file that does not exist) and Site Search
//! (a one-result search).

use std::io::Read;
use std::time::SystemTime;

use anyhow::{Context as _, Result};
use reqwest::Method;
use serde_json::{json, Value};

use super::input::require_guid;
use crate::api::client::{mask_secret, AppCredentials, Call, Credentials, Idempotency};
use crate::api::{galleries, items, ApiError, Client};
use crate::cli::{AuthCmd, AuthLoginArgs, OutputFormat};
use crate::config::{Profile, Source, Sourced};
use crate::context::{normalise_base_url, Context};
use crate::error::{CliError, Kind};

const DEFAULT_PROFILE: &str = "default";

pub async fn run(cmd: AuthCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        AuthCmd::Login(args) => login(args, ctx).await,
        AuthCmd::Logout => logout(ctx).await,
        AuthCmd::Status => status(ctx).await,
    }
}

fn can_prompt(ctx: &Context) -> bool {
    !ctx.global.no_input && ctx.printer.terminal.stdin_tty
}

/// A secret from stdin (`--…-stdin`) or a hidden prompt; checked for being pasteable.
fn read_secret(
    ctx: &Context,
    from_stdin: bool,
    what: &str,
    no_terminal_hint: &str,
) -> Result<String> {
    let secret = if from_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .with_context(|| format!("reading the {what} from stdin"))?;
        text.trim().to_string()
    } else if can_prompt(ctx) {
        let mut prompt = format!("{what} (input hidden): ");
        if let Some(first) = prompt.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        ctx.printer.ask_secret(&prompt)?.trim().to_string()
    } else {
        return Err(
            CliError::usage(format!("no terminal to ask for the {what} on"))
                .with_hint(no_terminal_hint.to_string())
                .into(),
        );
    };
    if secret.is_empty() {
        return Err(CliError::usage(format!("the {what} is empty")).into());
    }
    if secret.chars().any(|c| c.is_control() || c == ' ') {
        return Err(CliError::usage(format!(
            "the {what} contains spaces or control characters; paste it exactly"
        ))
        .into());
    }
    Ok(secret)
}

/// An app or instance id: a GUID, with a hint that says where it comes from.
fn require_app_guid(id: &str, what: &str, hint: &str) -> Result<()> {
    if crate::api::is_guid(id) {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{what} {id:?} is not a valid id (expected a GUID like 1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d)"
    ))
    .with_hint(hint.to_string())
    .into())
}

async fn login(args: AuthLoginArgs, ctx: &Context) -> Result<i32> {
    // Read the config first: a corrupt or unsafe file fails before anything is asked or sent.
    let mut config = ctx.config().await?.clone();
    let name = ctx
        .global
        .profile
        .clone()
        .or_else(|| config.default_profile.clone())
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    if name.trim().is_empty() {
        return Err(CliError::usage("a profile name cannot be empty").into());
    }
    let (credentials, mut profile, described) = match &args.app_id {
        Some(app_id) => app_login(&args, app_id.trim(), ctx)?,
        None => key_login(&args, ctx)?,
    };
    let existing = config.profiles.get(&name).cloned().unwrap_or_default();
    // A --base-url given on the command line is saved with the profile (e.g. a `sandbox serve`).
    let saved_base_url = match (&ctx.global.base_url, ctx.env.base_url_source) {
        (Some(url), Some(Source::Flag)) => Some(normalise_base_url(url)?),
        _ => existing.base_url.clone(),
    };
    if !args.no_verify {
        let base_url = match &ctx.global.base_url {
            Some(url) => normalise_base_url(url)?,
            None => saved_base_url
                .clone()
                .unwrap_or_else(|| crate::api::WIX_BASE_URL.to_string()),
        };
        let client = Client::new(ctx.client_options(base_url, credentials))?;
        if let Err(e) = galleries::list(&client, 0, 1, Some(1)).await {
            return Err(anyhow::Error::new(e)
                .context("the credentials were not saved: checking them failed"));
        }
    }
    profile.base_url = saved_base_url;
    config.profiles.insert(name.clone(), profile);
    if config.default_profile.is_none() {
        config.default_profile = Some(name.clone());
    }
    let path = ctx.paths.config_file();
    config.save(&path)?;
    ctx.printer.notice(&format!(
        "saved profile {name:?} ({described}) to {}{}",
        path.display(),
        if config.default_profile.as_deref() == Some(name.as_str()) {
            " as the default"
        } else {
            ""
        }
    ));
    Ok(0)
}

/// An API key and its site: the credentials to check, the profile to save, a description.
fn key_login(args: &AuthLoginArgs, ctx: &Context) -> Result<(Credentials, Profile, String)> {
    let api_key = read_secret(
        ctx,
        args.api_key_stdin,
        "API key",
        "pipe it in: `printf %s \"$KEY\" | progallery auth login --api-key-stdin --site-id SITE_ID`",
    )?;
    let site_id = match &args.site_id {
        Some(site) => site.trim().to_string(),
        None if can_prompt(ctx) => ctx.printer.ask("Site id: ")?.trim().to_string(),
        None => {
            return Err(CliError::usage("--site-id is required when not on a terminal")
                .with_hint("find it in the site's dashboard URL: https://manage.wix.com/dashboard/<SITE_ID>")
                .into())
        }
    };
    require_guid(&site_id, "site id")?;
    let credentials = Credentials::ApiKey {
        key: api_key.clone(),
        site_id: Some(site_id.clone()),
    };
    let profile = Profile {
        api_key: Some(api_key),
        site_id: Some(site_id.clone()),
        ..Profile::default()
    };
    Ok((credentials, profile, format!("site {site_id}")))
}

/// An app's id, secret and instance: the credentials to check, the profile to save, a
/// description.
fn app_login(
    args: &AuthLoginArgs,
    app_id: &str,
    ctx: &Context,
) -> Result<(Credentials, Profile, String)> {
    require_app_guid(
        app_id,
        "app id",
        "the app id is on your app's OAuth page in the Wix Developers dashboard",
    )?;
    let instance_id = match &args.instance_id {
        Some(instance) => instance.trim().to_string(),
        None if can_prompt(ctx) => ctx.printer.ask("Instance id: ")?.trim().to_string(),
        None => {
            return Err(CliError::usage("--instance-id is required when not on a terminal")
                .with_hint("it is the app's instance on the site: the `instanceId` of the app's webhooks, or the `instance` Wix passes to the app")
                .into())
        }
    };
    require_app_guid(
        &instance_id,
        "instance id",
        "it is the app's instance on the site: the `instanceId` of the app's webhooks, or the `instance` Wix passes to the app",
    )?;
    let app_secret = read_secret(
        ctx,
        args.app_secret_stdin,
        "app secret",
        "pipe it in: `printf %s \"$SECRET\" | progallery auth login --app-id APP_ID --instance-id INSTANCE_ID --app-secret-stdin`",
    )?;
    let credentials = Credentials::App(AppCredentials {
        app_id: app_id.to_string(),
        app_secret: app_secret.clone(),
        instance_id: instance_id.clone(),
    });
    let profile = Profile {
        app_id: Some(app_id.to_string()),
        app_secret: Some(app_secret),
        instance_id: Some(instance_id.clone()),
        ..Profile::default()
    };
    Ok((
        credentials,
        profile,
        format!("app {app_id}, instance {instance_id}"),
    ))
}

async fn logout(ctx: &Context) -> Result<i32> {
    let mut config = ctx.config().await?.clone();
    let Some(name) = ctx
        .global
        .profile
        .clone()
        .or_else(|| config.default_profile.clone())
    else {
        return Err(CliError::usage(
            "no profile to log out of: none is the default and --profile was not given",
        )
        .into());
    };
    if config.profiles.remove(&name).is_none() {
        return Err(CliError::usage(format!("no profile named {name:?}"))
            .with_hint("`progallery auth status` shows the profile in use")
            .into());
    }
    if config.default_profile.as_deref() == Some(name.as_str()) {
        config.default_profile = None;
    }
    config.save(&ctx.paths.config_file())?;
    ctx.printer.notice(&format!("removed profile {name:?}"));
    Ok(0)
}

// ---------------------------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------------------------

/// Outcome of one check.
struct Check {
    capability: &'static str,
    state: &'static str,
    detail: String,
    /// Why it is a problem, as an exit code's kind; `None` when it is not one.
    kind: Option<Kind>,
}

impl Check {
    fn ok(capability: &'static str, detail: impl Into<String>) -> Check {
        Check {
            capability,
            state: "OK",
            detail: detail.into(),
            kind: None,
        }
    }

    /// A failed probe: a refusal names the missing permission; anything else says what it was.
    fn failed(capability: &'static str, error: &ApiError) -> Check {
        let (state, kind) = match error {
            ApiError::Status { status: 401, .. } | ApiError::Credentials { .. } => {
                ("unauthenticated", Some(Kind::Auth))
            }
            ApiError::Status { status: 403, .. } => {
                ("missing scope or wrong site", Some(Kind::Auth))
            }
            ApiError::Network { .. } => ("unreachable", Some(Kind::General)),
            ApiError::Status {
                status: 429 | 503, ..
            } => ("rate limited or unavailable", Some(Kind::RateLimited)),
            _ => ("failed", Some(Kind::General)),
        };
        Check {
            capability,
            state,
            detail: error.to_string(),
            kind,
        }
    }

    fn skipped(capability: &'static str, why: &str) -> Check {
        Check {
            capability,
            state: "not checked",
            detail: why.to_string(),
            kind: None,
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "capability": self.capability,
            "ok": self.kind.is_none() && self.state != "not checked",
            "state": self.state,
            "detail": self.detail,
        })
    }
}

const GALLERY_READ: &str = "gallery read";
const GALLERY_WRITE: &str = "gallery write";
const MEDIA: &str = "Media Manager";
const SEARCH: &str = "Site Search";

/// What status shows about the identity: labelled values with their sources.
struct Shown {
    profile: Option<Sourced<String>>,
    base_url: Option<Sourced<String>>,
    identity: Option<&'static str>,
    fields: Vec<(&'static str, &'static str, Option<Sourced<String>>)>,
}

fn shown_identity(settings: &crate::context::Settings) -> (Shown, Option<Kind>) {
    let secret_set = |v: &Option<Sourced<String>>| {
        v.as_ref()
            .map(|s| Sourced::new("(set, not shown)".to_string(), s.source))
    };
    let masked = |v: &Option<Sourced<String>>| {
        v.as_ref()
            .map(|s| Sourced::new(mask_secret(&s.value), s.source))
    };
    let (identity, problem) = match settings.identity() {
        Ok(Some(identity)) => (Some(identity.kind()), None),
        Ok(None) => (None, None),
        Err(_) => (Some("(conflicting credentials)"), Some(Kind::Usage)),
    };
    let mut fields = vec![
        ("site id", "siteId", settings.site_id.clone()),
        ("API key", "apiKey", masked(&settings.api_key)),
    ];
    let is_app = identity == Some("app instance")
        || settings.app_id.is_some()
        || settings.instance_id.is_some();
    if is_app {
        fields.push(("app id", "appId", settings.app_id.clone()));
        fields.push(("app secret", "appSecret", secret_set(&settings.app_secret)));
        fields.push(("instance", "instanceId", settings.instance_id.clone()));
    }
    if settings.access_token.is_some() {
        fields.push(("token", "accessToken", secret_set(&settings.access_token)));
    }
    if settings.token_command.is_some() {
        fields.push(("token cmd", "tokenCommand", settings.token_command.clone()));
    }
    (
        Shown {
            profile: settings.profile.clone(),
            base_url: Some(settings.base_url.clone()),
            identity,
            fields,
        },
        problem,
    )
}

async fn status(ctx: &Context) -> Result<i32> {
    let sandbox = |v: &str| Some(Sourced::new(v.to_string(), Source::Sandbox));
    let (mut shown, conflict) = if ctx.embedded_sandbox() {
        (
            Shown {
                profile: None,
                base_url: None,
                identity: Some("API key"),
                fields: vec![
                    ("site id", "siteId", sandbox(crate::sandbox::DEFAULT_SITE)),
                    ("API key", "apiKey", sandbox("(fixed sandbox key)")),
                ],
            },
            None,
        )
    } else {
        let settings = ctx.settings().await?;
        shown_identity(&settings)
    };
    let (checks, token) = if shown.identity.is_none() {
        (
            vec![Check {
                capability: GALLERY_READ,
                state: "not logged in",
                detail: "no credentials".into(),
                kind: Some(Kind::Auth),
            }],
            None,
        )
    } else if conflict.is_some() {
        let error = ctx.settings().await?.identity().err();
        (
            vec![Check {
                capability: GALLERY_READ,
                state: "not usable",
                detail: error.map(|e| format!("{e:#}")).unwrap_or_default(),
                kind: conflict,
            }],
            None,
        )
    } else {
        match ctx.client().await {
            Ok(client) => {
                let token = token_line(client).await;
                (capability_checks(client).await, token)
            }
            Err(e) => (
                vec![Check {
                    capability: GALLERY_READ,
                    state: "not usable",
                    detail: format!("{e:#}"),
                    kind: Some(crate::error::kind_of(&e)),
                }],
                None,
            ),
        }
    };
    if ctx.embedded_sandbox() {
        shown.base_url = Some(Sourced::new(
            ctx.client()
                .await
                .map(|c| c.base_url().to_string())
                .unwrap_or_default(),
            Source::Sandbox,
        ));
    }
    // The first problem decides the overall state and the exit code.
    let first_problem = checks.iter().find(|c| c.kind.is_some());
    let overall = match first_problem {
        None => {
            json!({"ok": true, "state": "OK", "detail": checks.first().map(|c| c.detail.clone()).unwrap_or_default()})
        }
        Some(check) => {
            json!({"ok": false, "state": check.state, "detail": format!("{}: {}", check.capability, check.detail)})
        }
    };
    let field = |v: &Option<Sourced<String>>| match v {
        Some(s) => json!({ "value": s.value, "source": s.source.to_string() }),
        None => Value::Null,
    };
    if matches!(ctx.printer.format, OutputFormat::Json | OutputFormat::Jsonl) {
        let mut out = json!({
            "profile": field(&shown.profile),
            "baseUrl": field(&shown.base_url),
            "identity": shown.identity,
        });
        for (_, key, value) in &shown.fields {
            out[*key] = field(value);
        }
        out["token"] = token.as_ref().map_or(Value::Null, |t| t.json.clone());
        out["checks"] = Value::Array(checks.iter().map(Check::to_json).collect());
        out["check"] = overall;
        ctx.printer.json(&out)?;
    } else {
        let line = |label: &str, v: &Option<Sourced<String>>| match v {
            Some(s) => format!("{label:<14}{} ({})", s.value, s.source),
            None => format!("{label:<14}(none)"),
        };
        let mut lines = vec![
            line("profile", &shown.profile),
            line("base URL", &shown.base_url),
            format!(
                "{:<14}{}",
                "identity",
                shown.identity.unwrap_or("(none: not logged in)")
            ),
        ];
        for (label, _, value) in &shown.fields {
            if value.is_some() || matches!(*label, "site id" | "API key") {
                lines.push(line(label, value));
            }
        }
        if let Some(token) = &token {
            lines.push(format!("{:<14}{}", "token", token.text));
        }
        for check in &checks {
            let detail = if check.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", check.detail)
            };
            lines.push(format!("{:<14}{}{detail}", check.capability, check.state));
        }
        ctx.printer.text(&lines.join("\n"))?;
    }
    match first_problem {
        None => Ok(0),
        Some(check) => {
            let kind = check.kind.unwrap_or(Kind::General);
            let hint = match (kind, check.state) {
                (Kind::Auth, "missing scope or wrong site") => {
                    "give the key or the app this permission (for an app: its Permissions page in the Wix Developers dashboard), then check again"
                }
                (Kind::Auth, _) => "run `progallery auth login`",
                (Kind::Usage, _) => "keep one kind of credentials: see the message above",
                _ => "check the base URL and your connection",
            };
            let message = match check.state {
                "missing scope or wrong site" => {
                    format!("missing permission: {}", check.capability)
                }
                state => format!("credentials check: {state}"),
            };
            Err(CliError::new(kind, message).with_hint(hint).into())
        }
    }
}

/// The token line of `status`: its expiry as the client knows it (or as `/oauth2/token-info`
/// says, for a token from elsewhere).
struct TokenLine {
    text: String,
    json: Value,
}

async fn token_line(client: &Client) -> Option<TokenLine> {
    let external = match client.credentials() {
        Credentials::ApiKey { .. } => return None,
        Credentials::App(_) => false,
        Credentials::Token { .. } | Credentials::TokenCommand { .. } => true,
    };
    let status = match client.token_status().await {
        Ok(status) => status,
        Err(e) => {
            return Some(TokenLine {
                text: format!("not obtained: {e}"),
                json: json!({"obtained": false, "error": e.to_string()}),
            })
        }
    };
    let mut expires_at = status.as_ref().and_then(|s| s.expires_at);
    let mut said_by = "as received";
    if expires_at.is_none() && external {
        // A token from elsewhere says nothing of its expiry: ask the service.
        if let Ok(Some(info)) = client.token_info().await {
            expires_at = info_expiry(&info);
            said_by = "per /oauth2/token-info";
        }
    }
    let cached = status.as_ref().is_some_and(|s| s.from_cache);
    let when = expires_at.map(|at| {
        chrono::DateTime::<chrono::Utc>::from(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    });
    let left = expires_at.and_then(|at| at.duration_since(SystemTime::now()).ok());
    let text = match (&when, left) {
        (Some(when), Some(left)) => format!(
            "expires {when} (in {}; {said_by}{})",
            human_duration(left.as_secs()),
            if cached { ", from the cache" } else { "" }
        ),
        (Some(when), None) => format!("expired {when}"),
        (None, _) => "expiry unknown (renewed when refused)".to_string(),
    };
    Some(TokenLine {
        text,
        json: json!({"obtained": true, "expiresAt": when, "cached": cached}),
    })
}

/// `exp` of a token-info answer: seconds since the epoch as a number or a string (milliseconds
/// when it is that large).
fn info_expiry(info: &Value) -> Option<SystemTime> {
    let exp = info.get("exp").or_else(|| info.get("expiresAt"))?;
    let number = match exp {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    let secs = if number > 1e11 {
        number / 1000.0
    } else {
        number
    };
    (secs.is_finite() && secs > 0.0)
        .then(|| SystemTime::UNIX_EPOCH + std::time::Duration::from_secs_f64(secs))
}

fn human_duration(secs: u64) -> String {
    match secs {
        0..=119 => format!("{secs} s"),
        120..=7199 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, (secs % 3600) / 60),
    }
}

/// The four checks. Once the credentials themselves are refused, the rest are not tried (they
/// would fail the same way, and nothing more is sent with refused credentials).
async fn capability_checks(client: &Client) -> Vec<Check> {
    let mut checks = Vec::new();
    let first_gallery = match galleries::list(client, 0, 1, Some(1)).await {
        Ok(page) => {
            checks.push(Check::ok(
                GALLERY_READ,
                match page.total {
                    Some(n) => format!("the site has {n} galleries"),
                    None => "galleries are readable".into(),
                },
            ));
            page.galleries.into_iter().find_map(|g| g.id)
        }
        Err(e) => {
            let check = Check::failed(GALLERY_READ, &e);
            let refused = check.state == "unauthenticated";
            checks.push(check);
            if refused {
                for capability in [GALLERY_WRITE, MEDIA, SEARCH] {
                    checks.push(Check::skipped(capability, "the credentials were refused"));
                }
                return checks;
            }
            None
        }
    };
    checks.push(probe_gallery_write(client, first_gallery.as_deref()).await);
    checks.push(probe_media(client).await);
    checks.push(probe_search(client).await);
    checks
}

/// Gallery write, tried without changing anything: a bulk delete of one freshly made random
/// item id. Ids a gallery does not hold are skipped, not errors (spec/api.md §4), and a random
/// GUID is held by no gallery, so nothing is deleted and no webhook fires; yet it is a write, so
/// the service checks the write permission (401/403 when it is missing). It is sent to the
/// site's first gallery when there is one (200 then means allowed); a site without galleries
/// gets it for a random gallery, where the 404 for the gallery comes after the permission check.
/// (An update of a missing item would be a write too, but its body must be valid for the
/// service to get that far, and a no-op update is exactly what the echo-loop rules avoid.)
async fn probe_gallery_write(client: &Client, gallery: Option<&str>) -> Check {
    let random_gallery = uuid::Uuid::new_v4().to_string();
    let target = gallery.unwrap_or(&random_gallery);
    let probe = vec![uuid::Uuid::new_v4().to_string()];
    let (answer, _) = items::bulk_delete_tracked(client, target, &probe).await;
    match answer {
        Ok(deleted) if deleted.is_empty() => Check::ok(
            GALLERY_WRITE,
            "a bulk delete of a random item id was accepted (it deleted nothing)",
        ),
        Ok(deleted) => Check {
            capability: GALLERY_WRITE,
            state: "OK",
            detail: format!("the probe was accepted, and the service says it deleted {deleted:?}"),
            kind: None,
        },
        Err(ApiError::Status { status: 404, .. }) if gallery.is_none() => Check::ok(
            GALLERY_WRITE,
            "no gallery to try on: a write to a random one got 404, past the permission check",
        ),
        Err(e) => Check::failed(GALLERY_WRITE, &e),
    }
}

/// Media Manager: a read of a file id that cannot exist; 404 (or any answer but a refusal)
/// means the Media Manager lets these credentials in.
async fn probe_media(client: &Client) -> Check {
    let what = "reading the Media Manager (a file that does not exist)";
    let call = Call::new(
        Method::GET,
        format!("{}/files/get-file-by-id", crate::api::media::MEDIA_PREFIX),
        what,
    )
    .query(
        "fileId",
        format!("progallery-probe-{}", uuid::Uuid::new_v4()),
    );
    match client.send(call).await {
        Ok(_) => Check::ok(MEDIA, "readable"),
        Err(ApiError::Status {
            status: 400 | 404, ..
        }) => Check::ok(
            MEDIA,
            "readable (the probe's file does not exist, as expected)",
        ),
        Err(e) => Check::failed(MEDIA, &e),
    }
}

/// Site Search: a one-result search. A 404 is a site without the Site Search app, not a
/// missing permission.
async fn probe_search(client: &Client) -> Check {
    let what = "searching gallery items (one result)";
    let body =
        json!({"documentType": "PROGALLERY_ITEM", "search": {"paging": {"limit": 1, "offset": 0}}});
    let call = Call::new(Method::POST, crate::api::search::PATH.to_string(), what)
        .body(&body)
        .idempotency(Idempotency::Safe);
    match client.send(call).await {
        Ok(_) => Check::ok(SEARCH, "searchable"),
        Err(ApiError::Status { status: 404, .. }) => Check {
            capability: SEARCH,
            state: "not installed",
            detail: "the site has no Wix Site Search app (`items search` answers 404)".into(),
            kind: None,
        },
        Err(e) => Check::failed(SEARCH, &e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Identity;

    #[test]
    fn token_info_expiry_is_read_as_seconds_or_milliseconds_numbers_or_strings() {
        let at = |v: Value| info_expiry(&json!({ "exp": v }));
        let secs = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_900_000_000);
        assert_eq!(at(json!(1_900_000_000)), Some(secs));
        assert_eq!(at(json!("1900000000")), Some(secs));
        assert_eq!(at(json!(1_900_000_000_000u64)), Some(secs));
        assert_eq!(at(json!("soon")), None);
    }

    #[test]
    fn durations_read_like_a_person_would_say_them() {
        assert_eq!(human_duration(59), "59 s");
        assert_eq!(human_duration(600), "10 min");
        assert_eq!(human_duration(4 * 3600 + 61), "4 h 1 min");
    }

    #[test]
    fn identities_are_named() {
        let id = Identity::Token(Sourced::new("t".into(), Source::Env));
        assert_eq!(id.kind(), "external access token");
    }
}
