//! One HTTP exchange: send a built request, read the answer, and turn it into the JSON of a
//! success or a `Failure` marked retryable or final (a create is final unless the service
//! certainly did not act). Also the wording of network errors.
//!
//! An answer is read a chunk at a time under [`MAX_ANSWER_BYTES`]: the API's answers are far
//! smaller, so a server that sends more (a 200 MB page, an endless stream) is stopped there with
//! a clear error, and memory stays flat whatever it sends. A `Content-Length` above the cap is
//! refused before a byte of the body is read.

use std::time::{Duration, Instant};

use reqwest::header::{AsHeaderName, HeaderMap, CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;

use super::Client;
use crate::api::error::{describe_body, from_response, ApiError};
use crate::output;

/// The largest answer read from the service: 8 MiB. The biggest the API gives is a page of 100
/// items or 10 galleries with their items, well under 1 MiB for real galleries; this leaves
/// room for items with large `exif` blocks and for `progallery api` calls, while a hostile or
/// broken server cannot make the client hold more than this.
pub const MAX_ANSWER_BYTES: usize = 8 * 1024 * 1024;

impl Client {
    /// Sends one request and reads its answer: the JSON of a success, or the failure, marked
    /// retryable when `safe` (or when the service certainly did not act).
    pub(super) async fn exchange(
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
        let headers = response.headers();
        let content_type = header_text(headers, CONTENT_TYPE);
        let request_id = header_text(headers, REQUEST_ID);
        let retry_after = header_text(headers, RETRY_AFTER)
            .as_deref()
            .and_then(parse_retry_after);
        let body = match read_capped(response, MAX_ANSWER_BYTES).await {
            Ok(body) => body,
            Err(Capped::TooLarge { announced }) => {
                let error = ApiError::BadBody {
                    what: call_what.clone(),
                    detail: format!(
                        "the answer (HTTP {status}) is larger than {} MiB{}, far more than any answer of the API: stopped reading it; is the base URL ({}) right?",
                        MAX_ANSWER_BYTES >> 20,
                        announced
                            .map(|n| format!(" (it announced {n} bytes)"))
                            .unwrap_or_default(),
                        self.options.base_url
                    ),
                };
                if self.options.verbose {
                    output::diagnostic(&format!(
                        "< {status}: answer over {MAX_ANSWER_BYTES} bytes, not read"
                    ));
                }
                // The same request would get the same answer: no retry.
                return Err(Failure::Final(error));
            }
            Err(Capped::Broken(e)) => {
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
}

/// The header the service names each answer with, quoted in errors and the verbose log.
pub(super) const REQUEST_ID: &str = "x-wix-request-id";

/// A header's value, when it is there and is text.
pub(super) fn header_text(headers: &HeaderMap, name: impl AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// `Retry-After` as seconds or as an HTTP date (RFC 9110 allows both), capped at a minute: a
/// server asking for longer is waited on for a minute at a time, within the retry rules.
pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    let secs = match value.parse::<u64>() {
        Ok(secs) => secs,
        Err(_) => {
            let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
            let secs = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_seconds();
            u64::try_from(secs).unwrap_or(0)
        }
    };
    Some(Duration::from_secs(secs.min(60)))
}

/// How much of a failure's body is read outside the API's own exchange (uploads, downloads): far
/// more than any error JSON.
pub(crate) const ERROR_BODY_BYTES: usize = 64 * 1024;

/// The start of a failure's body, at most `limit` bytes: enough to decode an error or describe a
/// page that is not one. The rest is never read, so an endless or huge error page from an upload
/// server or a CDN costs neither memory nor time; a body that breaks off gives what came.
pub(crate) async fn read_error_body(mut response: reqwest::Response, limit: usize) -> Vec<u8> {
    let mut body = Vec::new();
    while body.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = limit - body.len();
                body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    body
}

/// Why an answer's body was not read whole.
pub(super) enum Capped {
    /// Over the cap (announced by `Content-Length`, or counted while reading).
    TooLarge {
        announced: Option<u64>,
    },
    Broken(reqwest::Error),
}

/// Reads a body a chunk at a time, never holding more than `limit` bytes.
pub(super) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Capped> {
    let announced = response.content_length();
    if announced.is_some_and(|n| n > limit as u64) {
        return Err(Capped::TooLarge { announced });
    }
    let mut body = Vec::with_capacity(announced.map_or(0, |n| n as usize));
    while let Some(chunk) = response.chunk().await.map_err(Capped::Broken)? {
        if body.len() + chunk.len() > limit {
            return Err(Capped::TooLarge { announced: None });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

pub(super) enum Failure {
    Retryable {
        error: ApiError,
        retry_after: Option<Duration>,
    },
    Final(ApiError),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(parse_retry_after(" 5 "), Some(Duration::from_secs(5)));
        assert_eq!(parse_retry_after("86400"), Some(Duration::from_secs(60)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        let soon = (chrono::Utc::now() + chrono::Duration::seconds(30)).to_rfc2822();
        let parsed = parse_retry_after(&soon).unwrap();
        assert!(parsed <= Duration::from_secs(30) && parsed >= Duration::from_secs(28));
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("-3"), None);
    }
}
