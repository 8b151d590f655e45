//! Who a run speaks as. [`Settings`] holds what the flags, the environment and the profile give
//! (each value with its source); [`Settings::identity`] picks the kind of credentials given at
//! the highest precedence (an API key, an app's client credentials, a ready token, a token
//! command), and [`credentials_of`] turns it into what the API client sends.

use anyhow::Result;

use crate::api::client::{AppCredentials, Credentials};
use crate::config::{Source, Sourced};
use crate::error::{CliError, Kind};

/// The settings of this run, each with its source. Secrets are here in full: only `auth status`
/// shows any of them, masked.
#[derive(Clone)]
pub struct Settings {
    pub profile: Option<Sourced<String>>,
    pub api_key: Option<Sourced<String>>,
    pub site_id: Option<Sourced<String>>,
    pub app_id: Option<Sourced<String>>,
    pub app_secret: Option<Sourced<String>>,
    pub instance_id: Option<Sourced<String>>,
    pub access_token: Option<Sourced<String>>,
    pub token_command: Option<Sourced<String>>,
    pub base_url: Sourced<String>,
}

/// Who a run speaks as, resolved from the settings (see [`Settings::identity`]).
#[derive(Clone)]
pub enum Identity {
    ApiKey {
        key: Sourced<String>,
        site_id: Option<Sourced<String>>,
    },
    App {
        app_id: Sourced<String>,
        app_secret: Sourced<String>,
        instance_id: Sourced<String>,
    },
    /// `WIX_ACCESS_TOKEN`.
    Token(Sourced<String>),
    /// `--token-command`, `PROGALLERY_TOKEN_COMMAND` or the profile's `token_command`.
    TokenCommand(Sourced<String>),
}

impl Identity {
    /// What `auth status` calls it.
    pub fn kind(&self) -> &'static str {
        match self {
            Identity::ApiKey { .. } => "API key",
            Identity::App { .. } => "app instance",
            Identity::Token(_) => "external access token",
            Identity::TokenCommand(_) => "external token command",
        }
    }
}

fn rank(source: Source) -> u8 {
    match source {
        Source::Flag => 3,
        Source::Env => 2,
        Source::File => 1,
        Source::Default | Source::Sandbox => 0,
    }
}

impl Settings {
    /// The identity of this run: the kind of credentials given at the highest precedence (flag >
    /// environment > config file); two kinds at the same level are a usage error rather than a
    /// silent pick. `None` when nothing at all is given.
    pub fn identity(&self) -> Result<Option<Identity>> {
        // (what it is called, its precedence, the identity; `None` for the app, built below).
        let mut candidates: Vec<(&str, u8, Option<Identity>)> = Vec::new();
        if let Some(command) = &self.token_command {
            let identity = Identity::TokenCommand(command.clone());
            candidates.push(("a token command", rank(command.source), Some(identity)));
        }
        if let Some(token) = &self.access_token {
            let identity = Identity::Token(token.clone());
            candidates.push(("WIX_ACCESS_TOKEN", rank(token.source), Some(identity)));
        }
        let app_rank = [&self.app_id, &self.app_secret, &self.instance_id]
            .iter()
            .filter_map(|f| f.as_ref().map(|v| rank(v.source)))
            .max();
        if let Some(app_rank) = app_rank {
            candidates.push(("an app's credentials", app_rank, None));
        }
        if let Some(key) = &self.api_key {
            let identity = Identity::ApiKey {
                key: key.clone(),
                site_id: self.site_id.clone(),
            };
            candidates.push(("an API key", rank(key.source), Some(identity)));
        }
        let Some(top) = candidates.iter().map(|(_, r, _)| *r).max() else {
            return Ok(None);
        };
        candidates.retain(|(_, r, _)| *r == top);
        if candidates.len() > 1 {
            let level = match top {
                3 => "on the command line",
                2 => "in the environment",
                _ => "in the profile",
            };
            let names: Vec<&str> = candidates.iter().map(|(name, _, _)| *name).collect();
            return Err(CliError::usage(format!(
                "two kinds of credentials {level}: {}; which one to use is not guessed",
                names.join(" and ")
            ))
            .with_hint("keep one: unset the other (WIX_API_KEY, WIX_APP_ID/WIX_APP_SECRET/WIX_INSTANCE_ID, WIX_ACCESS_TOKEN, PROGALLERY_TOKEN_COMMAND) or fix the profile")
            .into());
        }
        if let Some((_, _, Some(identity))) = candidates.pop() {
            return Ok(Some(identity));
        }
        match (&self.app_id, &self.app_secret, &self.instance_id) {
            (Some(app_id), Some(app_secret), Some(instance_id)) => Ok(Some(Identity::App {
                app_id: app_id.clone(),
                app_secret: app_secret.clone(),
                instance_id: instance_id.clone(),
            })),
            (app_id, app_secret, instance_id) => {
                let missing: Vec<&str> = [
                    ("the app id (WIX_APP_ID)", app_id.is_none()),
                    ("the app secret (WIX_APP_SECRET)", app_secret.is_none()),
                    ("the instance id (WIX_INSTANCE_ID)", instance_id.is_none()),
                ]
                .iter()
                .filter(|(_, missing)| *missing)
                .map(|(name, _)| *name)
                .collect();
                Err(CliError::new(
                    Kind::Auth,
                    format!(
                        "an app's credentials are incomplete: {} missing",
                        missing.join(", ")
                    ),
                )
                .with_hint("run `progallery auth login --app-id APP_ID --instance-id INSTANCE_ID`, or set WIX_APP_ID, WIX_APP_SECRET and WIX_INSTANCE_ID together")
                .into())
            }
        }
    }
}

/// The client's credentials for an identity. An API key for Wix needs its site; another server
/// (a sandbox, a proxy) answers for itself when none is given (the sandbox refuses it with 403,
/// as Wix does).
pub fn credentials_of(identity: Identity, base_url: &str) -> Result<Credentials> {
    Ok(match identity {
        Identity::ApiKey { key, site_id } => {
            if site_id.is_none() && base_url == crate::api::WIX_BASE_URL {
                return Err(CliError::new(
                    Kind::Auth,
                    "no site id: an API key needs the id of the site it acts on",
                )
                .with_hint("run `progallery auth login --site-id SITE_ID`, or set WIX_SITE_ID")
                .into());
            }
            Credentials::ApiKey {
                key: key.value,
                site_id: site_id.map(|s| s.value),
            }
        }
        Identity::App {
            app_id,
            app_secret,
            instance_id,
        } => Credentials::App(AppCredentials {
            app_id: app_id.value,
            app_secret: app_secret.value,
            instance_id: instance_id.value,
        }),
        Identity::Token(token) => Credentials::Token {
            token: token.value,
            from: "WIX_ACCESS_TOKEN".to_string(),
        },
        Identity::TokenCommand(command) => Credentials::TokenCommand {
            command: command.value,
        },
    })
}
