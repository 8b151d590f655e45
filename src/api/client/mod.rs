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
//! This file owns the client's options, the `Call` a typed layer builds and the client's
//! construction; beside it are `retry.rs` (the retry loop and backoff), `exchange.rs` (one
//! request and the decoding of its answer), `upload.rs` (PUTs to upload URLs) and `log.rs`
//! (the `-v` request log, secrets masked).

mod exchange;
mod log;
mod retry;
mod upload;
mod wait;

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use reqwest::Method;
use serde_json::Value;

use super::error::ApiError;
use super::ratelimit::RateLimiter;

pub(crate) use exchange::network_detail;
pub use log::mask_secret;
pub(crate) use retry::backoff;
pub use wait::{Wait, WaitNotice, WaitObserver};

/// Everything the client needs, resolved by the context from flags, environment and profile.
#[derive(Clone)]
pub struct ClientOptions {
    pub base_url: String,
    pub api_key: String,
    pub site_id: Option<String>,
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
    http: reqwest::Client,
    /// For upload URLs: no default headers (no API key to a URL that carries its own token).
    upload_http: std::sync::OnceLock<reqwest::Client>,
    options: ClientOptions,
    limiter: Option<RateLimiter>,
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
        let mut key = HeaderValue::from_str(&options.api_key).map_err(|_| {
            anyhow::anyhow!("the API key contains characters not allowed in a header")
        })?;
        key.set_sensitive(true);
        // The raw key, no `Bearer` prefix (spec/api.md §1).
        headers.insert(AUTHORIZATION, key);
        if let Some(site) = &options.site_id {
            headers.insert(
                "wix-site-id",
                HeaderValue::from_str(site).map_err(|_| {
                    anyhow::anyhow!("the site id contains characters not allowed in a header")
                })?,
            );
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
        })
    }

    pub fn base_url(&self) -> &str {
        &self.options.base_url
    }

    /// The site the calls act on (`wix-site-id`), when one is set.
    pub fn site_id(&self) -> Option<&str> {
        self.options.site_id.as_deref()
    }

    /// Sends a call, retrying as its idempotency allows, and returns the JSON body of the success.
    pub async fn send(&self, call: Call<'_>) -> Result<Value, ApiError> {
        self.send_tracked(call).await.0
    }
}
