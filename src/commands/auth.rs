//! `progallery auth login|logout|status`: profiles in the config file. The key is read with hidden
//! input on a terminal or from stdin with `--api-key-stdin` (never from an argument, where it would
//! land in shell history and `ps`), checked against the service, and only then saved.

use std::io::Read;

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use super::input::require_guid;
use crate::api::client::mask_secret;
use crate::api::{galleries, ApiError, Client};
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
    let api_key = if args.api_key_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the API key from stdin")?;
        text.trim().to_string()
    } else if can_prompt(ctx) {
        ctx.printer
            .ask_secret("API key (input hidden): ")?
            .trim()
            .to_string()
    } else {
        return Err(CliError::usage(format!(
            "cannot ask for the API key {}",
            super::why_not_asking(ctx)
        ))
            .with_hint("pipe it in: `printf %s \"$KEY\" | progallery auth login --api-key-stdin --site-id SITE_ID`")
            .into());
    };
    if api_key.is_empty() {
        return Err(CliError::usage("the API key is empty").into());
    }
    if api_key.chars().any(|c| c.is_control() || c == ' ') {
        return Err(CliError::usage(
            "the API key contains spaces or control characters; paste it exactly",
        )
        .into());
    }
    let site_id =
        match &args.site_id {
            Some(site) => site.trim().to_string(),
            None if can_prompt(ctx) => ctx.printer.ask("Site id: ")?.trim().to_string(),
            None => return Err(CliError::usage(format!(
                "--site-id is required {}",
                super::why_not_asking(ctx)
            ))
            .with_hint(
                "find it in the site's dashboard URL: https://manage.wix.com/dashboard/<SITE_ID>",
            )
            .into()),
        };
    require_guid(&site_id, "site id")?;
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
        let client =
            Client::new(ctx.client_options(base_url, api_key.clone(), Some(site_id.clone())))?;
        if let Err(e) = galleries::list(&client, 0, 1, Some(1)).await {
            return Err(anyhow::Error::new(e)
                .context("the credentials were not saved: checking them failed"));
        }
    }
    config.profiles.insert(
        name.clone(),
        Profile {
            api_key: Some(api_key),
            site_id: Some(site_id.clone()),
            base_url: saved_base_url,
        },
    );
    if config.default_profile.is_none() {
        config.default_profile = Some(name.clone());
    }
    let path = ctx.paths.config_file();
    config.save(&path)?;
    ctx.printer.notice(&format!(
        "saved profile {name:?} (site {site_id}) to {}{}",
        path.display(),
        if config.default_profile.as_deref() == Some(name.as_str()) {
            " as the default"
        } else {
            ""
        }
    ));
    Ok(0)
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

/// Outcome of the live check.
struct Check {
    state: &'static str,
    detail: String,
    kind: Option<Kind>,
}

async fn status(ctx: &Context) -> Result<i32> {
    let (profile, base_url, site_id, api_key) = if ctx.embedded_sandbox() {
        let sandbox = |v: &str| Some(Sourced::new(v.to_string(), Source::Sandbox));
        (
            None,
            sandbox("(started in-process)"),
            None,
            sandbox("(fixed sandbox key)"),
        )
    } else {
        let settings = ctx.settings().await?;
        (
            settings.profile,
            Some(settings.base_url),
            settings.site_id,
            settings
                .api_key
                .map(|k| Sourced::new(mask_secret(&k.value), k.source)),
        )
    };
    let check = if api_key.is_none() {
        Check {
            state: "not logged in",
            detail: "no API key".into(),
            kind: Some(Kind::Auth),
        }
    } else {
        live_check(ctx).await
    };
    let base_url = match (&base_url, ctx.embedded_sandbox()) {
        (_, true) => Some(Sourced::new(
            ctx.client()
                .await
                .map(|c| c.base_url().to_string())
                .unwrap_or_default(),
            Source::Sandbox,
        )),
        (url, false) => url.clone(),
    };
    let field = |v: &Option<Sourced<String>>| match v {
        Some(s) => json!({ "value": s.value, "source": s.source.to_string() }),
        None => Value::Null,
    };
    if matches!(ctx.printer.format, OutputFormat::Json | OutputFormat::Jsonl) {
        ctx.printer.json(&json!({
            "profile": field(&profile),
            "baseUrl": field(&base_url),
            "siteId": field(&site_id),
            "apiKey": field(&api_key),
            "check": { "ok": check.kind.is_none(), "state": check.state, "detail": check.detail },
        }))?;
    } else {
        let line = |label: &str, v: &Option<Sourced<String>>| match v {
            Some(s) => format!("{label:<10}{} ({})", s.value, s.source),
            None => format!("{label:<10}(none)"),
        };
        let text = [
            line("profile", &profile),
            line("base URL", &base_url),
            line("site id", &site_id),
            line("API key", &api_key),
            format!("{:<10}{}: {}", "check", check.state, check.detail),
        ]
        .join("\n");
        ctx.printer.text(&text)?;
    }
    match check.kind {
        None => Ok(0),
        Some(kind) => {
            let hint = match kind {
                Kind::Auth => "run `progallery auth login`",
                _ => "check the base URL and your connection",
            };
            Err(
                CliError::new(kind, format!("credentials check: {}", check.state))
                    .with_hint(hint)
                    .into(),
            )
        }
    }
}

/// One cheap read (a one-gallery page) that tells OK from unauthenticated from missing scope.
async fn live_check(ctx: &Context) -> Check {
    let client = match ctx.client().await {
        Ok(client) => client,
        Err(e) => {
            return Check {
                state: "not usable",
                detail: format!("{e:#}"),
                kind: Some(crate::error::kind_of(&e)),
            }
        }
    };
    match galleries::list(client, 0, 1, Some(1)).await {
        Ok(page) => Check {
            state: "OK",
            detail: match page.total {
                Some(n) => format!("the site has {n} galleries"),
                None => "galleries are readable".into(),
            },
            kind: None,
        },
        Err(e) => {
            let (state, kind) = match &e {
                ApiError::Status { status: 401, .. } => ("unauthenticated", Kind::Auth),
                ApiError::Status { status: 403, .. } => ("missing scope or wrong site", Kind::Auth),
                ApiError::Network { .. } => ("unreachable", Kind::General),
                ApiError::Status {
                    status: 429 | 503, ..
                } => ("rate limited or unavailable", Kind::RateLimited),
                _ => ("failed", Kind::General),
            };
            Check {
                state,
                detail: e.to_string(),
                kind: Some(kind),
            }
        }
    }
}
