//! What a command receives: the global flags, the resolved paths, the Printer, the settings
//! (profile, credentials, base URL, each with its source) and the API client. Built once in
//! `main` from the command line and the environment; commands never read either themselves.
//!
//! The config file and the client are resolved lazily, so commands that need neither (`--help`,
//! `completions`, `sandbox serve`) never read the config or build a TLS client. With `--sandbox`,
//! the first use of the client starts the sandbox in this process on 127.0.0.1:0 and points the
//! very same HTTP client at it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Result;
use tokio::sync::OnceCell;

use crate::api::client::{AppCredentials, Credentials};
use crate::api::{self, Client, ClientOptions};
use crate::cli::GlobalArgs;
use crate::config::{Config, Source, Sourced};
use crate::error::{CliError, Kind};
use crate::output::Printer;
use crate::paths::Paths;

/// Values read from the environment by `main`, and where the flags that also have an
/// environment variable got their value.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub wix_api_key: Option<String>,
    pub wix_site_id: Option<String>,
    pub wix_app_id: Option<String>,
    pub wix_app_secret: Option<String>,
    pub wix_instance_id: Option<String>,
    pub wix_access_token: Option<String>,
    pub profile_source: Option<Source>,
    pub base_url_source: Option<Source>,
    pub sandbox_source: Option<Source>,
    pub token_command_source: Option<Source>,
}

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

/// The fixed key sent to the embedded sandbox (it is started without a required key), with the
/// sandbox's seeded site: an API key names its site, there as on Wix.
const SANDBOX_KEY: &str = "progallery-embedded-sandbox";
const DEFAULT_TIMEOUT_SECS: u64 = 30;
const DEFAULT_ATTEMPTS: u32 = 4;
/// The service's documented budget (spec/api.md §1).
const WIX_RATE_LIMIT_PER_MIN: u32 = 200;

pub struct Context {
    pub global: GlobalArgs,
    pub paths: Paths,
    pub printer: Printer,
    pub env: Env,
    /// Set on Ctrl-C; long-running commands check it between steps.
    pub interrupted: AtomicBool,
    /// Set by a command that stops cleanly on Ctrl-C by itself.
    pub graceful_interrupt: AtomicBool,
    config: OnceCell<Config>,
    client: OnceCell<Client>,
    sandbox: Mutex<Option<crate::sandbox::Running>>,
}

impl Context {
    pub fn new(global: GlobalArgs, paths: Paths, printer: Printer, env: Env) -> Context {
        Context {
            global,
            paths,
            printer,
            env,
            interrupted: AtomicBool::new(false),
            graceful_interrupt: AtomicBool::new(false),
            config: OnceCell::new(),
            client: OnceCell::new(),
            sandbox: Mutex::new(None),
        }
    }

    /// True when this run talks to the embedded sandbox.
    pub fn embedded_sandbox(&self) -> bool {
        self.global.sandbox
    }

    /// Declares that the running command checks [`Context::was_interrupted`] and stops cleanly.
    pub fn handle_interrupts(&self) {
        self.graceful_interrupt.store(true, Ordering::SeqCst);
    }

    pub fn was_interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Per-request timeout (`--timeout`).
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.global.timeout.unwrap_or(DEFAULT_TIMEOUT_SECS))
    }

    /// Attempts for retryable failures (`--retries`).
    pub fn attempts(&self) -> u32 {
        self.global.retries.unwrap_or(DEFAULT_ATTEMPTS)
    }

    /// The config file, read once.
    pub async fn config(&self) -> Result<&Config> {
        self.config
            .get_or_try_init(|| async { Config::load(&self.paths.config_file()) })
            .await
    }

    /// The profile named by `--profile`/`PROGALLERY_PROFILE`, if any.
    pub fn requested_profile(&self) -> Option<Sourced<String>> {
        self.global
            .profile
            .clone()
            .map(|name| Sourced::new(name, self.env.profile_source.unwrap_or(Source::Flag)))
    }

    /// Resolves profile, credentials and base URL: flag > environment > config file > default.
    pub async fn settings(&self) -> Result<Settings> {
        let config = self.config().await?;
        let requested = self.requested_profile();
        let profile_name = config.profile_name(requested.as_ref());
        let profile = match &profile_name {
            Some(name) => match config.profiles.get(&name.value) {
                Some(profile) => Some(profile),
                None => {
                    return Err(CliError::usage(format!(
                        "no profile named {:?} in {} (from {})",
                        name.value,
                        self.paths.config_file().display(),
                        name.source
                    ))
                    .with_hint(format!(
                        "run `progallery auth login --profile {}`, or pick one with `progallery auth status`",
                        name.value
                    ))
                    .into())
                }
            },
            None => None,
        };
        let from_file =
            |value: Option<&String>| value.map(|v| Sourced::new(v.clone(), Source::File));
        let api_key = self
            .env
            .wix_api_key
            .clone()
            .map(|k| Sourced::new(k, Source::Env))
            .or_else(|| from_file(profile.and_then(|p| p.api_key.as_ref())));
        let site_id = self
            .env
            .wix_site_id
            .clone()
            .map(|s| Sourced::new(s, Source::Env))
            .or_else(|| from_file(profile.and_then(|p| p.site_id.as_ref())));
        let env_or_file = |env: &Option<String>, file: Option<&String>| {
            env.clone()
                .map(|v| Sourced::new(v, Source::Env))
                .or_else(|| from_file(file))
        };
        let app_id = env_or_file(
            &self.env.wix_app_id,
            profile.and_then(|p| p.app_id.as_ref()),
        );
        let app_secret = env_or_file(
            &self.env.wix_app_secret,
            profile.and_then(|p| p.app_secret.as_ref()),
        );
        let instance_id = env_or_file(
            &self.env.wix_instance_id,
            profile.and_then(|p| p.instance_id.as_ref()),
        );
        let access_token = self
            .env
            .wix_access_token
            .clone()
            .map(|t| Sourced::new(t, Source::Env));
        let token_command = match &self.global.token_command {
            Some(command) => Some(Sourced::new(
                command.clone(),
                self.env.token_command_source.unwrap_or(Source::Flag),
            )),
            None => from_file(profile.and_then(|p| p.token_command.as_ref())),
        };
        if let (Some(name), Some(profile)) = (&profile_name, profile) {
            if profile.is_app() && profile.api_key.is_some() {
                return Err(CliError::usage(format!(
                    "profile {:?} holds both an API key and an app's credentials",
                    name.value
                ))
                .with_hint(format!(
                    "log in again: `progallery auth login --profile {}` with one of them",
                    name.value
                ))
                .into());
            }
        }
        let base_url = match &self.global.base_url {
            Some(url) => Sourced::new(
                url.clone(),
                self.env.base_url_source.unwrap_or(Source::Flag),
            ),
            None => from_file(profile.and_then(|p| p.base_url.as_ref()))
                .unwrap_or_else(|| Sourced::new(api::WIX_BASE_URL.to_string(), Source::Default)),
        };
        let base_url = Sourced::new(normalise_base_url(&base_url.value)?, base_url.source);
        Ok(Settings {
            profile: profile_name,
            api_key,
            site_id,
            app_id,
            app_secret,
            instance_id,
            access_token,
            token_command,
            base_url,
        })
    }

    /// The API client, built on first use (after the credentials are known to be there).
    pub async fn client(&self) -> Result<&Client> {
        self.client.get_or_try_init(|| self.build_client()).await
    }

    async fn build_client(&self) -> Result<Client> {
        if self.embedded_sandbox() {
            let base_url = self.start_embedded_sandbox().await?;
            let credentials = Credentials::ApiKey {
                key: SANDBOX_KEY.to_string(),
                site_id: Some(crate::sandbox::DEFAULT_SITE.to_string()),
            };
            return Client::new(self.client_options(base_url, credentials));
        }
        let settings = self.settings().await?;
        let credentials = match settings.identity()? {
            None => {
                return Err(CliError::new(
                    Kind::Auth,
                    "no credentials: no profile is logged in and WIX_API_KEY is not set",
                )
                .with_hint("run `progallery auth login` (an API key) or `progallery auth login --app-id ID --instance-id ID` (an app), set WIX_API_KEY and WIX_SITE_ID, or try `--sandbox`")
                .into())
            }
            Some(identity) => credentials_of(identity, &settings.base_url.value)?,
        };
        Client::new(self.client_options(settings.base_url.value, credentials))
    }

    /// Client options for these credentials, with this run's timeout, retries, rate limit,
    /// verbosity and token cache (used directly by `auth login` to check credentials before
    /// saving them).
    pub fn client_options(&self, base_url: String, credentials: Credentials) -> ClientOptions {
        let is_wix = base_url == api::WIX_BASE_URL;
        let rate_limit_per_min = match self.global.rate_limit {
            Some(0) => None,
            Some(n) => Some(n),
            None if is_wix => Some(WIX_RATE_LIMIT_PER_MIN),
            None => None,
        };
        ClientOptions {
            base_url,
            credentials,
            token_cache_dir: Some(self.paths.data_dir.join("tokens")),
            // The embedded sandbox sends no webhooks: its writes would echo nowhere.
            echo_ledger: (!self.embedded_sandbox())
                .then(|| crate::echo::Ledger::in_data_dir(&self.paths.data_dir)),
            timeout: self.timeout(),
            attempts: self.attempts(),
            rate_limit_per_min,
            verbose: self.global.verbose,
        }
    }

    /// A plain HTTP client for servers other than the gallery service (a webhook receiver for
    /// `webhooks trigger`): this run's `--timeout` and the tool's user agent, no credentials.
    pub fn plain_http_client(&self) -> Result<reqwest::Client> {
        let timeout = self.timeout();
        Ok(reqwest::Client::builder()
            .user_agent(api::USER_AGENT)
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .build()?)
    }

    async fn start_embedded_sandbox(&self) -> Result<String> {
        use crate::sandbox::{Database, Faults, Options};
        std::fs::create_dir_all(&self.paths.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "cannot create the data directory {}: {e}",
                self.paths.data_dir.display()
            )
        })?;
        let options = Options {
            database: Database::File(self.paths.sandbox_db()),
            api_key: None,
            seed: true,
            faults: Faults::default(),
            data_dir: Some(self.paths.data_dir.clone()),
            // The embedded sandbox lives for one command: it delivers no webhooks.
            webhooks: Default::default(),
            oauth: Default::default(),
        };
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        let running = crate::sandbox::start(addr, options)
            .await
            .map_err(|e| e.context("starting the embedded sandbox"))?;
        let url = running.base_url.clone();
        *self.sandbox.lock().unwrap_or_else(|e| e.into_inner()) = Some(running);
        Ok(url)
    }

    /// Stops the embedded sandbox, if one was started.
    pub async fn shutdown(&self) {
        let running = self
            .sandbox
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(running) = running {
            if let Err(e) = running.shutdown().await {
                self.printer
                    .warn(&format!("stopping the embedded sandbox: {e:#}"));
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
            if site_id.is_none() && base_url == api::WIX_BASE_URL {
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

/// Checks a base URL and strips its trailing slash.
pub fn normalise_base_url(url: &str) -> Result<String> {
    let parsed = url::Url::parse(url).map_err(|e| {
        CliError::usage(format!("the base URL {url:?} is not a URL: {e}"))
            .with_hint("pass something like `--base-url http://127.0.0.1:8787`")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(CliError::usage(format!(
            "the base URL {url:?} must be http:// or https:// with a host"
        ))
        .with_hint("pass something like `--base-url http://127.0.0.1:8787`")
        .into());
    }
    Ok(url.trim_end_matches('/').to_string())
}
