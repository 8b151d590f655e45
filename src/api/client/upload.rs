//! Uploads of file bytes to the upload URLs the service hands out (spec/api.md §6): a second
//! HTTP client without the API key, a time limit that grows with the size, and retries.

use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use serde_json::Value;

use super::exchange::Failure;
use super::retry::backoff;
use super::Client;
use crate::api::error::ApiError;
use crate::output;

impl Client {
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
            self.take_turn(what).await;
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
            let why =
                super::retry::retry_reason(&error, retry_after.is_some(), attempt + 1, attempts);
            self.pause(what, &why, retry_after.unwrap_or_else(|| backoff(attempt)))
                .await;
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
}
