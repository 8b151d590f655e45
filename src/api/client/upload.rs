//! Uploads of file bytes to the upload URLs the service hands out (spec/api.md §6): a second
//! HTTP client without the API key, a time limit that grows with the size, and retries; the tus
//! protocol of the resumable upload (creation, PATCH from the server's offset, HEAD to learn it
//! again after a broken connection); and the HEAD that asks a URL for its type before an import.
//! The tus subset is a handful of headers over the same reqwest client, so it is written here
//! rather than pulled in as another HTTP stack.

use std::time::Duration;

use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use serde_json::Value;

use super::exchange::{
    header_text, network_detail, read_error_body, Failure, ERROR_BODY_BYTES, REQUEST_ID,
};
use super::retry::backoff;
use super::Client;
use crate::api::error::{from_response, ApiError};
use crate::api::media::{file_body, LocalFile, OnBytes};
use crate::output;

const TUS_VERSION: &str = "1.0.0";

/// How a tus request went (`Done` with its answer, or with what was read from it).
enum TusOutcome<T = reqwest::Response> {
    Done(T),
    /// Worth trying again from the server's offset: a broken connection, 409 (offset moved),
    /// 423 (locked), 429, 5xx.
    Retry(ApiError),
    Final(ApiError),
}

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
        let limit = self.size_limit(length);
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
                output::diagnostic(&format!(
                    "> PUT {} ({length} bytes, {content_type})",
                    shown(url)
                ));
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

    /// The commit of a resumable upload: `PUT <uploadUrl>/<uploadToken>?filename=<name>` with no
    /// body; retried like an upload's PUT (a repeated commit answers the same file).
    pub async fn put_commit(&self, url: &str, what: &str) -> Result<Value, ApiError> {
        let empty = || reqwest::Body::from(Vec::new());
        self.put_upload(url, "application/octet-stream", 0, &empty, what)
            .await
    }

    /// The bytes of a resumable upload with tus 1.0.0: creation at `endpoint` (with the token in
    /// the metadata), then PATCHes from the server's offset until every byte is there. A broken
    /// connection costs only what was in flight: the offset is asked again with HEAD and the
    /// upload goes on from there. It gives up after `--retries` failures in a row that moved
    /// nothing forward.
    pub async fn tus_upload(
        &self,
        endpoint: &str,
        token: &str,
        file: &LocalFile<'_>,
        on_chunk: OnBytes,
        what: &str,
    ) -> Result<(), ApiError> {
        let http = self.upload_http(endpoint)?;
        let attempts = self.options.attempts.max(1);
        let location = self.tus_create(http, endpoint, token, file, what).await?;
        let mut offset = 0u64;
        let mut failures = 0u32;
        let mut progressed_to = 0u64;
        while offset < file.length {
            let remaining = file.length - offset;
            self.take_turn(what).await;
            if self.options.verbose {
                output::diagnostic(&format!(
                    "> PATCH {} (bytes {offset}..{} of {})",
                    shown(&location),
                    file.length,
                    file.length
                ));
            }
            let request = http
                .patch(&location)
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", offset)
                .header(CONTENT_TYPE, "application/offset+octet-stream")
                .header(CONTENT_LENGTH, remaining)
                .timeout(self.size_limit(remaining))
                .body(file_body(file.path, offset, on_chunk.clone()));
            let error = match self.tus_send(request, what).await {
                TusOutcome::Done(response) => {
                    match header_number(&response, "upload-offset") {
                        Some(next) if next > offset && next <= file.length => {
                            offset = next;
                            continue;
                        }
                        // An answer without a usable offset: ask for it.
                        _ => ApiError::Network {
                            what: what.to_string(),
                            detail: "the upload server answered no new Upload-Offset".to_string(),
                            ambiguous: false,
                        },
                    }
                }
                TusOutcome::Retry(error) => error,
                TusOutcome::Final(error) => return Err(error),
            };
            failures += 1;
            self.pause(
                what,
                "the upload connection broke; resuming from the server's offset",
                backoff(failures),
            )
            .await;
            offset = self.tus_offset(http, &location, what).await?;
            if offset > progressed_to {
                progressed_to = offset;
                failures = 0;
            }
            if failures >= attempts {
                return Err(error);
            }
            if self.options.verbose {
                output::diagnostic(&format!(
                    "  the upload broke off ({error}); resuming at byte {offset}"
                ));
            }
        }
        Ok(())
    }

    /// tus creation: the upload's URL (`Location`, resolved against the endpoint).
    async fn tus_create(
        &self,
        http: &reqwest::Client,
        endpoint: &str,
        token: &str,
        file: &LocalFile<'_>,
        what: &str,
    ) -> Result<String, ApiError> {
        use base64::Engine as _;
        let b64 = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
        let metadata = format!(
            "filename {},contentType {},token {}",
            b64(file.name),
            b64(file.mime_type),
            b64(token)
        );
        let request = || {
            if self.options.verbose {
                output::diagnostic(&format!(
                    "> POST {} (tus creation, {} bytes)",
                    shown(endpoint),
                    file.length
                ));
            }
            http.post(endpoint)
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Length", file.length)
                .header("Upload-Metadata", metadata.as_str())
                .header(CONTENT_LENGTH, 0)
                .timeout(self.options.timeout)
        };
        // A creation repeated after a lost answer only leaves an unused upload behind.
        self.tus_retried(what, request, |response| {
            let location = header_text(response.headers(), "location")
                .and_then(|l| url::Url::parse(endpoint).ok()?.join(&l).ok());
            match location {
                Some(location) => TusOutcome::Done(location.to_string()),
                None => TusOutcome::Final(ApiError::BadBody {
                    what: what.to_string(),
                    detail: "the upload server created no upload (no Location)".to_string(),
                }),
            }
        })
        .await
    }

    /// `HEAD <upload>`: the offset the server holds, asked until it answers (within --retries).
    async fn tus_offset(
        &self,
        http: &reqwest::Client,
        location: &str,
        what: &str,
    ) -> Result<u64, ApiError> {
        let request = || {
            http.head(location)
                .header("Tus-Resumable", TUS_VERSION)
                .timeout(self.options.timeout)
        };
        self.tus_retried(what, request, |response| {
            match header_number(&response, "upload-offset") {
                Some(offset) => TusOutcome::Done(offset),
                None => TusOutcome::Retry(ApiError::BadBody {
                    what: what.to_string(),
                    detail: "the upload server's HEAD answer has no Upload-Offset".to_string(),
                }),
            }
        })
        .await
    }

    /// One tus request (creation, HEAD) sent again after a failure worth retrying, within
    /// --retries: `request` builds it for each attempt, `read` takes what is wanted from a 2xx
    /// answer (or says to retry, or to give up).
    async fn tus_retried<T>(
        &self,
        what: &str,
        request: impl Fn() -> reqwest::RequestBuilder,
        read: impl Fn(reqwest::Response) -> TusOutcome<T>,
    ) -> Result<T, ApiError> {
        let attempts = self.options.attempts.max(1);
        let mut attempt = 1;
        loop {
            self.take_turn(what).await;
            let outcome = match self.tus_send(request(), what).await {
                TusOutcome::Done(response) => read(response),
                TusOutcome::Retry(error) => TusOutcome::Retry(error),
                TusOutcome::Final(error) => TusOutcome::Final(error),
            };
            let error = match outcome {
                TusOutcome::Done(value) => return Ok(value),
                TusOutcome::Retry(error) => error,
                TusOutcome::Final(error) => return Err(error),
            };
            if attempt >= attempts {
                return Err(error);
            }
            self.pause(
                what,
                "retrying the resumable upload after a failure",
                backoff(attempt),
            )
            .await;
            attempt += 1;
        }
    }

    async fn tus_send(&self, request: reqwest::RequestBuilder, what: &str) -> TusOutcome {
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => {
                return TusOutcome::Retry(ApiError::Network {
                    what: what.to_string(),
                    detail: network_detail(&e, self.options.timeout),
                    ambiguous: false,
                })
            }
        };
        let status = response.status().as_u16();
        if self.options.verbose {
            output::diagnostic(&format!("< {status}"));
        }
        if response.status().is_success() {
            return TusOutcome::Done(response);
        }
        let content_type = header_text(response.headers(), CONTENT_TYPE);
        let request_id = header_text(response.headers(), REQUEST_ID);
        let body = read_error_body(response, ERROR_BODY_BYTES).await;
        let error = from_response(
            what.to_string(),
            status,
            content_type.as_deref(),
            request_id,
            &body,
            false,
        );
        if matches!(status, 409 | 423 | 429) || status >= 500 {
            TusOutcome::Retry(error)
        } else {
            TusOutcome::Final(error)
        }
    }

    /// The time limit of a request carrying `length` bytes: `--timeout` plus 4 s per MiB (a
    /// floor of 256 KiB/s), so a large file on a slow link is not cut off by a limit meant for
    /// small JSON calls.
    fn size_limit(&self, length: u64) -> Duration {
        self.options.timeout + Duration::from_secs(4 * length.div_ceil(1 << 20))
    }

    /// The type a URL answers HEAD with (its mime type without parameters), asked without the API
    /// key (the URL is someone else's). `None` when it does not answer 2xx with one.
    pub async fn probe_content_type(&self, url: &str) -> Option<String> {
        let http = self.upload_http(url).ok()?;
        let response = http
            .head(url)
            .timeout(self.options.timeout.min(Duration::from_secs(15)))
            .send()
            .await
            .ok()?;
        if !response.status().is_success() {
            return None;
        }
        let value = response.headers().get(CONTENT_TYPE)?.to_str().ok()?;
        let essence = value.split(';').next()?.trim().to_ascii_lowercase();
        (!essence.is_empty()).then_some(essence)
    }

    /// Size and SHA-256 of what a public media URL serves (no API key: a static URL needs none),
    /// streamed, never held in memory. For a file whose `hash` names no algorithm, the only
    /// exact way to tell whether it holds a local file's content.
    pub async fn sha256_of_url(&self, url: &str) -> Result<(u64, String), ApiError> {
        use futures::StreamExt;
        use sha2::{Digest, Sha256};
        let what = format!("reading {url}");
        let http = self.upload_http(url)?;
        let network = |e: reqwest::Error| ApiError::Network {
            what: what.clone(),
            detail: network_detail(&e, self.options.timeout),
            ambiguous: false,
        };
        // The upload client has no read timeout (a long upload reads nothing until it is
        // answered), so a server that stalls here is cut off by `--timeout` per step instead:
        // for the answer's head, then for each piece of its body.
        let stalled = || ApiError::Network {
            what: what.clone(),
            detail: format!(
                "no data within {} s (--timeout)",
                self.options.timeout.as_secs()
            ),
            ambiguous: false,
        };
        let step = self.options.timeout;
        let response = tokio::time::timeout(step, http.get(url).send())
            .await
            .map_err(|_| stalled())?
            .map_err(network)?;
        let status = response.status().as_u16();
        if !response.status().is_success() {
            return Err(from_response(what.clone(), status, None, None, b"", false));
        }
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut body = response.bytes_stream();
        while let Some(chunk) = tokio::time::timeout(step, body.next())
            .await
            .map_err(|_| stalled())?
        {
            let chunk = chunk.map_err(network)?;
            size += chunk.len() as u64;
            hasher.update(&chunk);
        }
        Ok((size, crate::digest::hex(&hasher.finalize())))
    }

    fn upload_http(&self, url: &str) -> Result<&reqwest::Client, ApiError> {
        if let Some(http) = self.upload_http.get() {
            return Ok(http);
        }
        let mut builder = reqwest::Client::builder()
            .user_agent(crate::api::USER_AGENT)
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

/// An upload URL as the verbose log shows it: its last segment may be a token (a credential), so
/// it is left out.
fn shown(url: &str) -> String {
    let path = url.split('?').next().unwrap_or(url);
    match path.rsplit_once('/') {
        Some((head, _)) => format!("{head}/…"),
        None => path.to_string(),
    }
}

fn header_number(response: &reqwest::Response, name: &str) -> Option<u64> {
    response
        .headers()
        .get(name)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
