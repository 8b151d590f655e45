//! The retry loop of a call: how many attempts, which failures may go again (see the rules in
//! `mod.rs`), the wait between attempts (exponential backoff with jitter, or `Retry-After`),
//! whether a failed attempt may have been applied anyway, and the one new token after a 401.

use std::time::Duration;

use rand::Rng;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use serde_json::Value;

use super::exchange::Failure;
use super::{Call, Client, Idempotency};
use crate::api::error::ApiError;

impl Client {
    /// Like [`Client::send`], and also says whether an earlier, failed attempt may have been
    /// applied by the service (a 5xx other than 503, or a connection lost after sending). A bulk
    /// delete needs this: ids missing from the answer of a retry were then most likely deleted
    /// by the attempt whose answer was lost, not "already gone".
    pub async fn send_tracked(&self, call: Call<'_>) -> (Result<Value, ApiError>, bool) {
        let url = format!("{}{}", self.options.base_url, call.path);
        let attempts = self.options.attempts.max(1);
        let mut attempt = 1;
        let mut may_have_landed = false;
        let mut renewed = false;
        let mut patience = Patience::new(self.options.busy_budget);
        loop {
            let (authorization, generation) = match self.authorization(&call.what).await {
                Ok(authorization) => authorization,
                Err(error) => return (Err(error), may_have_landed),
            };
            self.take_turn(&call.what).await;
            let outcome = self.send_once(&call, &url, authorization).await;
            let (error, retry_after) = match outcome {
                Ok(body) => return (Ok(body), may_have_landed),
                // A 401 is a clean refusal: with a new token the call may go again (once).
                Err(Failure::Final(error @ ApiError::Status { status: 401, .. })) => {
                    match self.unauthorized(generation, renewed, error).await {
                        Ok(()) => {
                            renewed = true;
                            continue;
                        }
                        Err(error) => return (Err(error), may_have_landed),
                    }
                }
                Err(Failure::Final(error)) => return (Err(error), may_have_landed),
                Err(Failure::Retryable { error, retry_after }) => (error, retry_after),
            };
            may_have_landed |= match &error {
                ApiError::Status { status, .. } => *status >= 500 && *status != 503,
                ApiError::Network { ambiguous, .. } => *ambiguous,
                ApiError::BadBody { .. } => true,
                ApiError::Credentials { .. } => false,
            };
            let delay = retry_delay(retry_after, attempt);
            let busy = is_busy(&error);
            if busy {
                patience.start();
            }
            let may_retry = attempt < attempts || (busy && patience.allows(delay));
            if !may_retry {
                return (Err(error), may_have_landed);
            }
            let why = retry_reason(&error, retry_after.is_some(), attempt + 1, attempts);
            self.pause(&call.what, &why, delay).await;
            attempt += 1;
        }
    }

    pub(super) async fn send_once(
        &self,
        call: &Call<'_>,
        url: &str,
        authorization: reqwest::header::HeaderValue,
    ) -> Result<Value, Failure> {
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .header(AUTHORIZATION, authorization);
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
}

/// A 429 or 503: the service did nothing and says "not now" (spec/api.md §2).
fn is_busy(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Status {
            status: 429 | 503,
            ..
        }
    )
}

/// The wait before the next attempt: the service's `Retry-After` when it gave a usable one, else
/// the backoff. Never less than [`MIN_DELAY`], so a server answering `Retry-After: 0` to every
/// request cannot turn the retries into a busy loop.
pub(super) fn retry_delay(retry_after: Option<Duration>, attempt: u32) -> Duration {
    retry_after
        .filter(|d| !d.is_zero())
        .unwrap_or_else(|| backoff(attempt))
        .max(MIN_DELAY)
}

/// The shortest wait between two attempts.
const MIN_DELAY: Duration = Duration::from_millis(100);

/// The busy budget of one call: waits for 429/503 answers are allowed while the time since the
/// first busy answer, plus the next wait, stays within it.
struct Patience {
    budget: Duration,
    since: Option<std::time::Instant>,
}

impl Patience {
    fn new(budget: Duration) -> Patience {
        Patience {
            budget,
            since: None,
        }
    }

    /// Starts the clock, at the first busy answer of the call.
    fn start(&mut self) {
        self.since.get_or_insert_with(std::time::Instant::now);
    }

    /// Whether waiting `delay` more still keeps within the budget.
    fn allows(&mut self, delay: Duration) -> bool {
        self.start();
        self.since
            .is_some_and(|since| since.elapsed() + delay <= self.budget)
    }
}

/// Why a retry waits: the answer that made it, and whether the service named the wait.
pub(super) fn retry_reason(
    error: &ApiError,
    service_asked: bool,
    next_attempt: u32,
    attempts: u32,
) -> String {
    let cause = match error {
        ApiError::Status { status: 429, .. } => "rate limited (429)".to_string(),
        ApiError::Status { status: 503, .. } => "service unavailable (503)".to_string(),
        ApiError::Status { status, .. } => format!("server error ({status})"),
        ApiError::Network { .. } => "connection failed".to_string(),
        ApiError::BadBody { .. } => "garbled answer".to_string(),
        ApiError::Credentials { .. } => "no usable credentials".to_string(),
    };
    let how = if service_asked {
        "as its Retry-After asks"
    } else {
        "after a backoff"
    };
    if next_attempt > attempts {
        // Past --retries: a busy service waited out within the busy budget.
        return format!("{cause}, retry {next_attempt} (waiting out a busy service) {how}");
    }
    format!("{cause}, retry {next_attempt}/{attempts} {how}")
}

/// Exponential backoff with jitter: attempt 1 waits 200–400 ms, then doubling, capped at 10 s.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let ceiling_ms = (400u64 << (attempt - 1).min(10)).min(10_000);
    let ms = rand::thread_rng().gen_range(ceiling_ms / 2..=ceiling_ms);
    Duration::from_millis(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_retry_after_does_not_make_a_busy_loop() {
        assert!(retry_delay(Some(Duration::ZERO), 1) >= Duration::from_millis(200));
        assert_eq!(retry_delay(Some(Duration::from_millis(1)), 1), MIN_DELAY);
        assert_eq!(
            retry_delay(Some(Duration::from_secs(7)), 1),
            Duration::from_secs(7)
        );
    }

    #[test]
    fn patience_counts_from_the_first_busy_answer() {
        let mut none = Patience::new(Duration::ZERO);
        assert!(!none.allows(MIN_DELAY));
        let mut minute = Patience::new(Duration::from_secs(60));
        assert!(minute.allows(Duration::from_secs(10)));
        assert!(minute.allows(Duration::from_secs(59)));
        assert!(!minute.allows(Duration::from_secs(61)));
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
