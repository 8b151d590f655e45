//! One HTTP exchange: send a built request, read the answer, and turn it into the JSON of a
//! success or a `Failure` marked retryable or final (a create is final unless the service
//! certainly did not act). Also the wording of network errors.

use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;

use super::Client;
use crate::api::error::{describe_body, from_response, ApiError};
use crate::output;

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
