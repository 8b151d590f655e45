//! `progallery auth login|logout|status`: profiles in the config file. A profile is one site,
//! reached with an API key and the site's id, or as an app (its id and secret) through its
//! instance on the site. The key or secret is read with hidden input on a terminal or from stdin
//! (`--api-key-stdin`, `--app-secret-stdin`; never from an argument, where it would land in shell
//! history and `ps`), checked against the service, and only then saved.
//!
//! `status` (`status.rs`) names the identity in use and checks each permission on its own.

use anyhow::Result;

mod checks;
mod status;

use super::input::require_guid;
use crate::api::client::{AppCredentials, Credentials};
use crate::api::{galleries, Client};
use crate::cli::{AuthCmd, AuthLoginArgs};
use crate::config::{Profile, Source};
use crate::context::{normalise_base_url, Context};
use crate::error::CliError;

const DEFAULT_PROFILE: &str = "default";

pub async fn run(cmd: AuthCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        AuthCmd::Login(args) => login(args, ctx).await,
        AuthCmd::Logout => logout(ctx).await,
        AuthCmd::Status => status::status(ctx).await,
    }
}

fn can_prompt(ctx: &Context) -> bool {
    !ctx.global.no_input && ctx.printer.terminal.stdin_tty
}

/// The most a key or secret read from stdin may hold.
const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// A secret from stdin (`--…-stdin`) or a hidden prompt; checked for being pasteable.
fn read_secret(
    ctx: &Context,
    from_stdin: bool,
    what: &str,
    no_terminal_hint: &str,
) -> Result<String> {
    let secret = if from_stdin {
        // A key or secret is a few hundred bytes: a stdin far larger than that (a file piped by
        // mistake, an endless stream) is refused without being held in memory.
        let bytes = crate::files::read_stdin(MAX_SECRET_BYTES).map_err(|e| {
            CliError::usage(format!("cannot read the {what} from stdin: {e}"))
                .with_hint(no_terminal_hint.to_string())
        })?;
        String::from_utf8(bytes)
            .map_err(|_| {
                CliError::usage(format!("the {what} read from stdin is not text"))
                    .with_hint(no_terminal_hint.to_string())
            })?
            .trim()
            .to_string()
    } else if can_prompt(ctx) {
        let mut prompt = format!("{what} (input hidden): ");
        if let Some(first) = prompt.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        ctx.printer.ask_secret(&prompt)?.trim().to_string()
    } else {
        return Err(CliError::usage(format!(
            "cannot ask for the {what} {}",
            crate::commands::why_not_asking(ctx)
        ))
        .with_hint(no_terminal_hint.to_string())
        .into());
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
    let site_id =
        match &args.site_id {
            Some(site) => site.trim().to_string(),
            None if can_prompt(ctx) => ctx.printer.ask("Site id: ")?.trim().to_string(),
            None => return Err(CliError::usage(format!(
                "--site-id is required {}",
                crate::commands::why_not_asking(ctx)
            ))
            .with_hint(
                "find it in the site's dashboard URL: https://manage.wix.com/dashboard/<SITE_ID>",
            )
            .into()),
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
            return Err(CliError::usage(format!(
                "--instance-id is required {}",
                crate::commands::why_not_asking(ctx)
            ))
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
