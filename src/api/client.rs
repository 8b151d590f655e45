//! The one HTTP client of a run: builds requests with the auth headers and the user agent, paces
//! them through the rate limiter, retries what is safe to retry (with exponential backoff, jitter
//! and `Retry-After`), decodes errors and checks that a success really carries JSON.
//!
//! Retry rules (design.md habit 7): reads, updates and deletes retry on 429, 5xx and connection
//! errors. A create retries only when the service certainly did not act on it: a 429 or 503 (both
//! answered before any work, per spec/api.md) or a connection that never opened. Any other failure
//! of a create is reported as *ambiguous* and the typed layer reconciles before trying again.

use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use reqwest::Method;
use serde_json::Value;

use super::error::{describe_body, from_response, ApiError};
use super::ratelimit::RateLimiter;
use crate::output;

/// Everything the client needs, resolved by the context from flags, environment and profile.
#[derive(Clone)]
pub struct ClientOptions {
    pub base_url: String,
    pub api_key: String,
    pub site_id: Option<String>,
    pub timeout: Duration,
    /// Total attempts for a retryable failure (1 = no retry).
    pub attempts: u32,
    /// Requests per minute; `None` = no client-side limit.
    pub rate_limit_per_min: Option<u32>,
    pub verbose: bool,
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

    /// Like [`Client::send`], and also says whether an earlier, failed attempt may have been
    /// applied by the service (a 5xx other than 503, or a connection lost after sending). A bulk
    /// delete needs this: ids missing from the answer of a retry were then most likely deleted
    /// by the attempt whose answer was lost, not "already gone".
    pub async fn send_tracked(&self, call: Call<'_>) -> (Result<Value, ApiError>, bool) {
        let url = format!("{}{}", self.options.base_url, call.path);
        let attempts = self.options.attempts.max(1);
        let mut attempt = 1;
        let mut may_have_landed = false;
        loop {
            if let Some(limiter) = &self.limiter {
                limiter.acquire().await;
            }
            let outcome = self.send_once(&call, &url).await;
            let (error, retry_after) = match outcome {
                Ok(body) => return (Ok(body), may_have_landed),
                Err(Failure::Final(error)) => return (Err(error), may_have_landed),
                Err(Failure::Retryable { error, retry_after }) => (error, retry_after),
            };
            may_have_landed |= match &error {
                ApiError::Status { status, .. } => *status >= 500 && *status != 503,
                ApiError::Network { ambiguous, .. } => *ambiguous,
                ApiError::BadBody { .. } => true,
            };
            if attempt >= attempts {
                return (Err(error), may_have_landed);
            }
            let delay = retry_after.unwrap_or_else(|| backoff(attempt));
            if self.options.verbose {
                output::diagnostic(&format!(
                    "* retrying in {} ms (attempt {} of {attempts}) after: {error}",
                    delay.as_millis(),
                    attempt + 1
                ));
            }
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    async fn send_once(&self, call: &Call<'_>, url: &str) -> Result<Value, Failure> {
        let mut request = self.http.request(call.method.clone(), url);
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        if let Some(body) = call.body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(serde_json::to_vec(body).unwrap_or_default());
        }
        let request = request.build().map_err(|e| {
            Failure::Final(ApiError::Network {
                what: call.what.clone(),
                detail: format!("cannot build the request: {e}"),
                ambiguous: false,
            })
        })?;
        if self.options.verbose {
            self.log_request(&request, call.body);
        }
        let safe = call.idempotency == Idempotency::Safe;
        self.exchange(&self.http, request, &call.what, safe).await
    }

    /// Sends one request and reads its answer: the JSON of a success, or the failure, marked
    /// retryable when `safe` (or when the service certainly did not act).
    async fn exchange(
        &self,
        http: &reqwest::Client,
        request: reqwest::Request,
        what: &str,
        safe: bool,
    ) -> Result<Value, Failure> {
        let call_what = what.to_string();
        let started = Instant::now();
        let response = match http.execute(request).await {
            Ok(response) => response,
            Err(e) => {
                let never_sent = e.is_connect();
                let error = ApiError::Network {
                    what: call_what.clone(),
                    detail: network_detail(&e, self.options.timeout),
                    ambiguous: !never_sent,
                };
                if self.options.verbose {
                    output::diagnostic(&format!(
                        "< no answer: {}",
                        network_detail(&e, self.options.timeout)
                    ));
                }
                return Err(if safe || never_sent {
                    Failure::Retryable {
                        error,
                        retry_after: None,
                    }
                } else {
                    Failure::Final(error)
                });
            }
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let content_type = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let request_id = headers
            .get("x-wix-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(|secs| Duration::from_secs(secs.min(60)));
        let body = match response.bytes().await {
            Ok(body) => body,
            Err(e) => {
                let error = ApiError::Network {
                    what: call_what.clone(),
                    detail: format!(
                        "the answer broke off: {}",
                        network_detail(&e, self.options.timeout)
                    ),
                    ambiguous: true,
                };
                return Err(if safe {
                    Failure::Retryable {
                        error,
                        retry_after: None,
                    }
                } else {
                    Failure::Final(error)
                });
            }
        };
        if self.options.verbose {
            output::diagnostic(&format!(
                "< {status} ({} ms, {} bytes){}",
                started.elapsed().as_millis(),
                body.len(),
                request_id
                    .as_deref()
                    .map(|r| format!(" x-wix-request-id: {r}"))
                    .unwrap_or_default()
            ));
        }
        if (200..300).contains(&status) {
            return match serde_json::from_slice::<Value>(&body) {
                // Any JSON is accepted here (`api` may read arrays); typed calls check the shape.
                Ok(json) => Ok(json),
                _ => Err(Failure::Final(ApiError::BadBody {
                    what: call_what.clone(),
                    detail: format!(
                        "the service answered {status} but {}; is the base URL ({}) right?",
                        describe_body(content_type.as_deref(), &body),
                        self.options.base_url
                    ),
                })),
            };
        }
        // 429 and 503 are answered before any work is done, so even a create may go again.
        let not_processed = status == 429 || status == 503;
        let retryable = status == 429 || status >= 500;
        let error = from_response(
            call_what.clone(),
            status,
            content_type.as_deref(),
            request_id,
            &body,
            !safe && retryable && !not_processed,
        );
        if retryable && (safe || not_processed) {
            Err(Failure::Retryable { error, retry_after })
        } else {
            Err(Failure::Final(error))
        }
    }

    /// `PUT` of a file's bytes to an upload URL (spec/api.md §6): an absolute URL whose token is
    /// the credential, so no auth header goes with it (a second client without default headers
    /// sends it). `body` makes a fresh streamed body for each attempt; a PUT of the same bytes to
    /// the same URL answers the same file, so every failure may be retried. The time limit grows
    /// with the size (`--timeout` plus 4 s per MiB, i.e. a floor of 256 KiB/s), so a large file on
    /// a slow link is not cut off by a limit meant for small JSON calls.
    pub async fn put_upload(
        &self,
        url: &str,
        content_type: &str,
        length: u64,
        body: &(dyn Fn() -> reqwest::Body + Send + Sync),
        what: &str,
    ) -> Result<Value, ApiError> {
        let http = self.upload_http(url)?;
        let limit = self.options.timeout + Duration::from_secs(4 * length.div_ceil(1 << 20));
        let attempts = self.options.attempts.max(1);
        let mut attempt = 1;
        loop {
            if let Some(limiter) = &self.limiter {
                limiter.acquire().await;
            }
            let request = http
                .put(url)
                .header(CONTENT_TYPE, content_type)
                .header(reqwest::header::CONTENT_LENGTH, length)
                .timeout(limit)
                .body(body())
                .build()
                .map_err(|e| ApiError::Network {
                    what: what.to_string(),
                    detail: format!("cannot build the upload request: {e}"),
                    ambiguous: false,
                })?;
            if self.options.verbose {
                // The URL's token is a credential: show where it goes, not the token.
                let shown = url.split('?').next().unwrap_or(url);
                let shown = shown.rsplit_once('/').map_or(shown, |(head, _)| head);
                output::diagnostic(&format!("> PUT {shown}/… ({length} bytes, {content_type})"));
            }
            let (error, retry_after) = match self.exchange(http, request, what, true).await {
                Ok(answer) => return Ok(answer),
                Err(Failure::Final(error)) => return Err(error),
                Err(Failure::Retryable { error, retry_after }) => (error, retry_after),
            };
            if attempt >= attempts {
                return Err(error);
            }
            tokio::time::sleep(retry_after.unwrap_or_else(|| backoff(attempt))).await;
            attempt += 1;
        }
    }

    fn upload_http(&self, url: &str) -> Result<&reqwest::Client, ApiError> {
        if let Some(http) = self.upload_http.get() {
            return Ok(http);
        }
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("progallery/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(self.options.timeout.min(Duration::from_secs(10)))
            .tcp_nodelay(true);
        if url.starts_with("http://") {
            builder = builder.tls_built_in_root_certs(false);
        }
        let http = builder.build().map_err(|e| ApiError::Network {
            what: "preparing uploads".to_string(),
            detail: e.to_string(),
            ambiguous: false,
        })?;
        Ok(self.upload_http.get_or_init(|| http))
    }

    fn log_request(&self, request: &reqwest::Request, body: Option<&Value>) {
        output::diagnostic(&format!("> {} {}", request.method(), request.url()));
        // The default headers are added by reqwest when sending; show them here, key masked.
        output::diagnostic(&format!(
            "> authorization: {}",
            mask_secret(&self.options.api_key)
        ));
        if let Some(site) = &self.options.site_id {
            output::diagnostic(&format!("> wix-site-id: {site}"));
        }
        for (name, value) in request.headers() {
            let shown = if name == AUTHORIZATION {
                mask_secret(&self.options.api_key)
            } else {
                value.to_str().unwrap_or("<binary>").to_string()
            };
            output::diagnostic(&format!("> {name}: {shown}"));
        }
        output::diagnostic(&format!(
            "> user-agent: progallery/{}",
            env!("CARGO_PKG_VERSION")
        ));
        if let Some(body) = body {
            let text = body.to_string();
            let shown: String = text.chars().take(2000).collect();
            output::diagnostic(&format!("> {shown}"));
        }
    }
}

enum Failure {
    Retryable {
        error: ApiError,
        retry_after: Option<Duration>,
    },
    Final(ApiError),
}

/// Exponential backoff with jitter: attempt 1 waits 200–400 ms, then doubling, capped at 10 s.
fn backoff(attempt: u32) -> Duration {
    let ceiling_ms = (400u64 << (attempt - 1).min(10)).min(10_000);
    let ms = rand::thread_rng().gen_range(ceiling_ms / 2..=ceiling_ms);
    Duration::from_millis(ms)
}

pub(crate) fn network_detail(e: &reqwest::Error, timeout: Duration) -> String {
    if e.is_timeout() {
        return format!("no answer within {} s (--timeout)", timeout.as_secs());
    }
    // reqwest's top-level message is generic; the innermost cause says what happened.
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if e.is_connect() {
        format!("cannot connect: {cause}")
    } else {
        format!("connection failed: {cause}")
    }
}

/// A secret shown as its first 4 and last 4 characters; short secrets are hidden entirely.
pub fn mask_secret(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < 16 {
        return "****".to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_secret("IST.abcdefghijklmnopXYZW"), "IST.…XYZW");
        assert_eq!(mask_secret("short"), "****");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        for attempt in 1..30 {
            let d = backoff(attempt);
            assert!(d <= Duration::from_secs(10));
        }
        assert!(backoff(1) <= Duration::from_millis(400));
        assert!(backoff(4) >= Duration::from_millis(1600));
    }
}
