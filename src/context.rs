//! What a command receives: the global flags, the resolved paths, the Printer, the settings
//! (profile, credentials, base URL, each with its source) and the API client. Built once in
//! `main` from the command line and the environment; commands never read either themselves.
//!
//! The config file and the client are resolved lazily, so commands that need neither (`--help`,
//! `completions`, `sandbox serve`) never read the config or build a TLS client. With `--sandbox`,
//! the first use of the client starts the sandbox in this process on 127.0.0.1:0 and points the
//! very same HTTP client at it.

mod resolve;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Result;
use tokio::sync::OnceCell;

use crate::api::client::Credentials;
use crate::api::{self, Client, ClientOptions};
use crate::cli::GlobalArgs;
use crate::config::{Config, Source, Sourced};
use crate::error::{CliError, Kind};
use crate::identity::credentials_of;
pub use crate::identity::Settings;
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
    /// `PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER` and `PROGALLERY_SANDBOX_DEFAULT_SORT_ORDER`: the
    /// readings the embedded sandbox follows (`sandbox serve` reads them as its flags' values).
    pub sandbox_duplicate_sort_order: Option<String>,
    pub sandbox_default_sort_order: Option<String>,
    pub token_command_source: Option<Source>,
    /// `PROGALLERY_RETRY_BUDGET`: how long busy answers (429/503) are waited out per request.
    pub retry_budget: Option<Duration>,
}

/// The fixed key sent to the embedded sandbox (it is started without a required key), with the
/// sandbox's seeded site: an API key names its site, there as on Wix.
const SANDBOX_KEY: &str = "progallery-embedded-sandbox";
const DEFAULT_TIMEOUT_SECS: u64 = 30;
const DEFAULT_ATTEMPTS: u32 = 4;
/// How long a request waits out 429/503 answers before giving up (exit 6): long enough for a
/// short outage or a minute of rate limiting (the service counts requests per minute).
const DEFAULT_BUSY_BUDGET: Duration = Duration::from_secs(60);
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
    /// GUID-shaped gallery arguments used as ids without a lookup (see `explain_not_found`).
    ids_taken_as_given: Mutex<Vec<String>>,
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
            ids_taken_as_given: Mutex::new(Vec::new()),
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

    /// How long busy answers (429/503) are waited out past the attempts: `PROGALLERY_RETRY_BUDGET`,
    /// else none when `--retries` was given (the user chose the attempts), else a minute.
    pub fn busy_budget(&self) -> Duration {
        match (self.env.retry_budget, self.global.retries) {
            (Some(budget), _) => budget,
            (None, Some(_)) => Duration::ZERO,
            (None, None) => DEFAULT_BUSY_BUDGET,
        }
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
        // A key or site id a header cannot carry (a line break pasted with it, say) is the
        // credentials' fault, named with where it came from.
        let unsendable = |what: &str, value: &str| {
            reqwest::header::HeaderValue::from_str(value).is_err().then(|| {
                CliError::new(
                    Kind::Auth,
                    format!("the {what} holds characters an HTTP header cannot carry (a line break or a control character?)"),
                )
                .with_hint(format!(
                    "copy the {what} again without them (WIX_API_KEY / WIX_SITE_ID, or `progallery auth login`); `progallery auth status` shows where it comes from"
                ))
            })
        };
        if let Credentials::ApiKey { key, site_id } = &credentials {
            if let Some(error) = unsendable("API key", key)
                .or_else(|| site_id.as_deref().and_then(|s| unsendable("site id", s)))
            {
                return Err(error.into());
            }
        }
        Client::new(self.client_options(settings.base_url.value, credentials))
    }

    /// A client for another saved profile (the site `galleries copy --to-profile` copies into):
    /// its credentials (an API key with its site, an app instance or a token command) and base
    /// URL from the config file alone. The environment's credentials and `--base-url` stand for
    /// this run's own profile, not for this one.
    pub async fn client_for_profile(&self, name: &str) -> Result<Client> {
        let config = self.config().await?;
        let file = self.paths.config_file();
        let profile = config.profiles.get(name).ok_or_else(|| {
            CliError::usage(format!("no profile named {name:?} in {}", file.display())).with_hint(
                format!("save it first: `progallery auth login --profile {name}`"),
            )
        })?;
        let from_file = |value: &Option<String>| {
            value
                .as_ref()
                .map(|v| Sourced::new(v.clone(), Source::File))
        };
        let base_url =
            normalise_base_url(profile.base_url.as_deref().unwrap_or(api::WIX_BASE_URL))?;
        let settings = Settings {
            profile: Some(Sourced::new(name.to_string(), Source::Flag)),
            api_key: from_file(&profile.api_key),
            site_id: from_file(&profile.site_id),
            app_id: from_file(&profile.app_id),
            app_secret: from_file(&profile.app_secret),
            instance_id: from_file(&profile.instance_id),
            access_token: None,
            token_command: from_file(&profile.token_command),
            base_url: Sourced::new(base_url.clone(), Source::File),
        };
        let identity = settings.identity()?.ok_or_else(|| {
            CliError::new(Kind::Auth, format!("profile {name:?} holds no credentials"))
                .with_hint(format!("run `progallery auth login --profile {name}`"))
        })?;
        let credentials = credentials_of(identity, &base_url)?;
        Client::new(self.client_options(base_url, credentials))
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
            busy_budget: self.busy_budget(),
            rate_limit_per_min,
            verbose: self.global.verbose,
            wait_observer: Some(self.printer.wait_observer()),
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
        self.paths.ensure_data_dir()?;
        let readings = sandbox_readings(
            self.env.sandbox_duplicate_sort_order.as_deref(),
            self.env.sandbox_default_sort_order.as_deref(),
        )?;
        let options = Options {
            readings,
            database: Database::File(self.paths.sandbox_db()),
            api_key: None,
            seed: true,
            faults: Faults::default(),
            data_dir: Some(self.paths.data_dir.clone()),
            // The embedded sandbox lives for one command: it delivers no webhooks.
            webhooks: Default::default(),
            media: Default::default(),
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

/// The sandbox's readings from their names (`None`: the default), for `sandbox serve` and the
/// embedded `--sandbox`; a wrong name is a usage error naming the switch and its variable.
pub fn sandbox_readings(
    duplicate_sort_order: Option<&str>,
    default_sort_order: Option<&str>,
) -> Result<crate::sandbox::Readings> {
    let bad = |flag: &str, env: &str, err: crate::sandbox::readings::UnknownReading| {
        CliError::usage(format!("--{flag} (or {env}): {err}")).with_hint(format!(
            "set {env} to one of {}, or unset it for the default ({})",
            err.expected.join(", "),
            err.expected[0]
        ))
    };
    let mut readings = crate::sandbox::Readings::default();
    if let Some(name) = duplicate_sort_order {
        readings.duplicate_sort_order = name.parse().map_err(|e| {
            bad(
                "duplicate-sort-order",
                "PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER",
                e,
            )
        })?;
    }
    if let Some(name) = default_sort_order {
        readings.default_sort_order = name.parse().map_err(|e| {
            bad(
                "default-sort-order",
                "PROGALLERY_SANDBOX_DEFAULT_SORT_ORDER",
                e,
            )
        })?;
    }
    Ok(readings)
}

/// Reads `PROGALLERY_RETRY_BUDGET` (seconds, `0` for none).
pub fn parse_retry_budget(value: Option<&str>) -> Result<Option<Duration>> {
    let Some(value) = value else {
        return Ok(None);
    };
    match value.trim().parse::<u32>() {
        Ok(secs) => Ok(Some(Duration::from_secs(u64::from(secs)))),
        Err(_) => Err(CliError::usage(format!(
            "PROGALLERY_RETRY_BUDGET must be a number of seconds, not {value:?}"
        ))
        .with_hint("set it to how long 429/503 answers may be waited out, e.g. PROGALLERY_RETRY_BUDGET=60 (0: not past --retries), or unset it")
        .into()),
    }
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
