//! The one HTTP client of a run: builds requests with the auth headers and the user agent, paces
//! them through the rate limiter, retries what is safe to retry (with exponential backoff, jitter
//! and `Retry-After`), decodes errors and checks that a success really carries JSON.
//!
//! Retry rules (design.md habit 7): reads, updates and deletes retry on 429, 5xx and connection
//! errors. A create retries only when the service certainly did not act on it: a 429 or 503 (both
//! answered before any work, per spec/api.md) or a connection that never opened. Any other failure
//! of a create is reported as *ambiguous* and the typed layer reconciles before trying again.
//! Busy answers (429, 503) are waited out longer than other failures: past `--retries`, for up to
//! the busy budget (60 s by default), so a short outage or a burst of rate limiting in the middle
//! of a long run does not end it.
//!
//! A 401 to a request made with an app's token (or a `--token-command` token) is answered by
//! getting a new token once and sending the request again, creates included: a 401 is a clean
//! refusal, nothing was done (`auth.rs`).
//!
//! This file owns the client's options, the `Call` a typed layer builds and the client's
//! construction; beside it are `credentials.rs` (who the client is), `auth.rs` (the
//! `Authorization` of each request, the renewal after a 401), `token.rs` (getting, caching and
//! renewing access tokens), `retry.rs` (the retry loop and backoff), `exchange.rs` (one request and the decoding of its answer),
//! `upload.rs` (PUTs to upload URLs) and `log.rs` (the `-v` request log, secrets masked).

mod auth;
mod credentials;
mod exchange;
mod log;
mod retry;
mod token;
mod token_cache;
mod upload;
mod wait;

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::Method;
use serde_json::Value;

use super::error::ApiError;
use super::ratelimit::RateLimiter;

pub use credentials::{AppCredentials, Credentials};
pub(crate) use exchange::{network_detail, read_error_body, ERROR_BODY_BYTES};
pub use log::mask_secret;
pub(crate) use retry::backoff;
pub use wait::{Wait, WaitNotice, WaitObserver};

/// Everything the client needs, resolved by the context from flags, environment and profile.
#[derive(Clone)]
pub struct ClientOptions {
    pub base_url: String,
    pub credentials: Credentials,
    /// Where an app's access tokens are cached (`<data dir>/tokens`); `None`: memory only.
    pub token_cache_dir: Option<std::path::PathBuf>,
    /// Where this run's successful writes are recorded, so `webhooks listen` can tell their
    /// events (echoes) from others; `None` records nothing.
    pub echo_ledger: Option<crate::echo::Ledger>,
    pub timeout: Duration,
    /// Total attempts for a retryable failure (1 = no retry).
    pub attempts: u32,
    /// How long a call keeps waiting out 429/503 answers ("busy": nothing was done) past its
    /// `attempts`, counted from the first busy answer; `ZERO` stops at `attempts`.
    pub busy_budget: Duration,
    /// Requests per minute; `None` = no client-side limit.
    pub rate_limit_per_min: Option<u32>,
    pub verbose: bool,
    /// Shown every wait (`wait.rs`); `None` shows nothing.
    pub wait_observer: wait::Observer,
}

/// Whether a request may be sent again after a failure whose effect is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads, updates, deletes: repeating them is harmless.
    Safe,
    /// Creates: repeat only when the service certainly did not act.
    Create,
}

pub struct Client {
    /// Sends `wix-site-id` (API keys) by default, never `Authorization`: that is set per request.
    http: reqwest::Client,
    /// For upload URLs: no default headers (no API key to a URL that carries its own token).
    upload_http: std::sync::OnceLock<reqwest::Client>,
    options: ClientOptions,
    limiter: Option<RateLimiter>,
    /// The API key as a header value (marked sensitive), when the credentials are one.
    api_key_header: Option<HeaderValue>,
    /// The access token in use and its renewal (`auth.rs`).
    tokens: tokio::sync::Mutex<token::TokenState>,
}

/// One request to make.
pub struct Call<'a> {
    pub method: Method,
    /// Path starting with `/`, may carry a query string.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<&'a Value>,
    pub idempotency: Idempotency,
    /// What the call does, for error messages ("getting gallery 1b57…").
    pub what: String,
}

impl<'a> Call<'a> {
    pub fn new(method: Method, path: String, what: impl Into<String>) -> Call<'a> {
        let idempotency = if method == Method::POST {
            Idempotency::Create
        } else {
            Idempotency::Safe
        };
        Call {
            method,
            path,
            query: Vec::new(),
            body: None,
            idempotency,
            what: what.into(),
        }
    }

    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    pub fn body(mut self, body: &'a Value) -> Self {
        self.body = Some(body);
        self
    }

    pub fn idempotency(mut self, idempotency: Idempotency) -> Self {
        self.idempotency = idempotency;
        self
    }
}

impl Client {
    pub fn new(options: ClientOptions) -> anyhow::Result<Client> {
        let mut headers = HeaderMap::new();
        let mut api_key_header = None;
        // An app's token names its site; only an API key says which site it acts on.
        if let Credentials::ApiKey { key, site_id } = &options.credentials {
            // The raw key, no `Bearer` prefix (spec/api.md §1).
            let mut key = HeaderValue::from_str(key).map_err(|_| {
                anyhow::anyhow!("the API key contains characters not allowed in a header")
            })?;
            key.set_sensitive(true);
            api_key_header = Some(key);
            if let Some(site) = site_id {
                headers.insert(
                    "wix-site-id",
                    HeaderValue::from_str(site).map_err(|_| {
                        anyhow::anyhow!("the site id contains characters not allowed in a header")
                    })?,
                );
            }
        }
        let mut builder = reqwest::Client::builder()
            .user_agent(super::USER_AGENT)
            .default_headers(headers)
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .tcp_nodelay(true);
        // Plain-HTTP servers (a local sandbox) need no TLS roots: skip loading them.
        if options.base_url.starts_with("http://") {
            builder = builder.tls_built_in_root_certs(false);
        }
        let http = builder.build()?;
        let limiter = options
            .rate_limit_per_min
            .filter(|n| *n > 0)
            .map(RateLimiter::new);
        Ok(Client {
            http,
            upload_http: std::sync::OnceLock::new(),
            options,
            limiter,
            api_key_header,
            tokens: tokio::sync::Mutex::new(token::TokenState::default()),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.options.base_url
    }

    /// The site the calls act on, as far as the client knows it: the `wix-site-id` of an API
    /// key, or an app's instance id (one instance is one site). A ready token names its site
    /// only to the service: `None`.
    pub fn site_id(&self) -> Option<&str> {
        match &self.options.credentials {
            Credentials::ApiKey { site_id, .. } => site_id.as_deref(),
            Credentials::App(app) => Some(&app.instance_id),
            Credentials::Token { .. } | Credentials::TokenCommand { .. } => None,
        }
    }

    /// Sends a call, retrying as its idempotency allows, and returns the JSON body of the success.
    pub async fn send(&self, call: Call<'_>) -> Result<Value, ApiError> {
        self.send_tracked(call).await.0
    }

    /// Announces a write in the echo ledger before it is sent (see `crate::echo`): the typed
    /// calls do, and settle it with [`Client::echo_done`] after a success (dropped unsettled,
    /// it records a failure). `None` when this run keeps no ledger.
    pub fn echo_intent(
        &self,
        op: crate::echo::Op,
        gallery: &str,
        id: &str,
    ) -> Option<crate::echo::Intent> {
        let ledger = self.options.echo_ledger.as_ref()?;
        let intent = ledger.intend(op, gallery, id);
        if let Some(e) = &intent.error {
            self.ledger_trouble(e);
        }
        Some(intent)
    }

    /// Records what an announced write did. A ledger that cannot be written costs only echo
    /// detection, never the write.
    pub fn echo_done(&self, intent: Option<crate::echo::Intent>, writes: &[crate::echo::Write]) {
        if let Some(intent) = intent {
            if let Err(e) = intent.done(writes) {
                self.ledger_trouble(&e);
            }
        }
    }

    fn ledger_trouble(&self, error: &std::io::Error) {
        if self.options.verbose {
            crate::output::diagnostic(&format!(
                "* the echo ledger was not written ({error}): `webhooks listen` will not know this write as ours"
            ));
        }
    }
}
