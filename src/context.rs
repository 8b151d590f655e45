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
    pub profile_source: Option<Source>,
    pub base_url_source: Option<Source>,
    pub sandbox_source: Option<Source>,
    /// `PROGALLERY_RETRY_BUDGET`: how long busy answers (429/503) are waited out per request.
    pub retry_budget: Option<Duration>,
}

/// The settings of this run, each with its source.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Option<Sourced<String>>,
    pub api_key: Option<Sourced<String>>,
    pub site_id: Option<Sourced<String>>,
    pub base_url: Sourced<String>,
}

/// The fixed key sent to the embedded sandbox (it is started without a required key).
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
            base_url,
        })
    }

    /// The API client, built on first use (after the credentials are known to be there).
    pub async fn client(&self) -> Result<&Client> {
        self.client.get_or_try_init(|| self.build_client()).await
    }

    async fn build_client(&self) -> Result<Client> {
        let (base_url, api_key, site_id) = if self.embedded_sandbox() {
            (
                self.start_embedded_sandbox().await?,
                SANDBOX_KEY.to_string(),
                None,
            )
        } else {
            let settings = self.settings().await?;
            let api_key = settings.api_key.ok_or_else(|| {
                CliError::new(Kind::Auth, "no API key: no profile is logged in and WIX_API_KEY is not set")
                    .with_hint("run `progallery auth login`, set WIX_API_KEY and WIX_SITE_ID, or try `--sandbox`")
            })?;
            let is_wix = settings.base_url.value == api::WIX_BASE_URL;
            if is_wix && settings.site_id.is_none() {
                return Err(CliError::new(
                    Kind::Auth,
                    "no site id: an API key needs the id of the site it acts on",
                )
                .with_hint("run `progallery auth login --site-id SITE_ID`, or set WIX_SITE_ID")
                .into());
            }
            (
                settings.base_url.value,
                api_key.value,
                settings.site_id.map(|s| s.value),
            )
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
        if let Some(error) = unsendable("API key", &api_key)
            .or_else(|| site_id.as_deref().and_then(|s| unsendable("site id", s)))
        {
            return Err(error.into());
        }
        Client::new(self.client_options(base_url, api_key, site_id))
    }

    /// A client for another saved profile (the site `galleries copy --to-profile` copies into):
    /// its key, site id and base URL from the config file alone. The environment's credentials
    /// and `--base-url` stand for this run's own profile, not for this one.
    pub async fn client_for_profile(&self, name: &str) -> Result<Client> {
        let config = self.config().await?;
        let file = self.paths.config_file();
        let profile = config.profiles.get(name).ok_or_else(|| {
            CliError::usage(format!("no profile named {name:?} in {}", file.display())).with_hint(
                format!("save it first: `progallery auth login --profile {name}`"),
            )
        })?;
        let api_key = profile.api_key.clone().ok_or_else(|| {
            CliError::new(Kind::Auth, format!("profile {name:?} has no API key"))
                .with_hint(format!("run `progallery auth login --profile {name}`"))
        })?;
        let base_url =
            normalise_base_url(profile.base_url.as_deref().unwrap_or(api::WIX_BASE_URL))?;
        if base_url == api::WIX_BASE_URL && profile.site_id.is_none() {
            return Err(CliError::new(
                Kind::Auth,
                format!("profile {name:?} has no site id: an API key needs the id of the site it acts on"),
            )
            .with_hint(format!("run `progallery auth login --profile {name} --site-id SITE_ID`"))
            .into());
        }
        Client::new(self.client_options(base_url, api_key, profile.site_id.clone()))
    }

    /// Client options for these credentials, with this run's timeout, retries, rate limit and
    /// verbosity (used directly by `auth login` to check credentials before saving them).
    pub fn client_options(
        &self,
        base_url: String,
        api_key: String,
        site_id: Option<String>,
    ) -> ClientOptions {
        let is_wix = base_url == api::WIX_BASE_URL;
        let rate_limit_per_min = match self.global.rate_limit {
            Some(0) => None,
            Some(n) => Some(n),
            None if is_wix => Some(WIX_RATE_LIMIT_PER_MIN),
            None => None,
        };
        ClientOptions {
            base_url,
            api_key,
            site_id,
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
        let options = Options {
            database: Database::File(self.paths.sandbox_db()),
            api_key: None,
            seed: true,
            faults: Faults::default(),
            data_dir: Some(self.paths.data_dir.clone()),
            // The embedded sandbox lives for one command: it delivers no webhooks.
            webhooks: Default::default(),
            media: Default::default(),
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
