//! Patience with a busy service, shared by the bulk verbs (`items bulk-delete`, `items restore`,
//! `galleries restore`): a 429 or 503 that outlasts the client's own retries (`--retries`) means
//! "not now", not "never" — both are answered before the service does any work (spec/api.md), so
//! the same request may go again. The run pauses (0.5 s, doubling, at most 30 s; about two
//! minutes in all) and tries again instead of failing, and Ctrl-C cuts a pause short.

use std::future::Future;
use std::time::Duration;

use crate::api::ApiError;
use crate::context::Context;

/// Pauses before a request still answered 429/503 counts as failed.
pub const ROUNDS: u32 = 8;

/// A 429 or 503 that certainly was not acted on: worth a pause and the same request again.
pub fn is_busy(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Status {
            status: 429 | 503,
            ..
        }
    ) && !error.is_ambiguous()
}

/// Pause before round `round` (0-based): 0.5 s, doubling, at most 30 s.
pub fn pause(round: u32) -> Duration {
    Duration::from_millis((500u64 << round.min(6)).min(30_000))
}

/// Waits out pause `round`; false when Ctrl-C came meanwhile (the caller stops).
pub async fn wait(ctx: &Context, round: u32) -> bool {
    let length = pause(round);
    let _notice = ctx
        .printer
        .wait_observer()
        .begin(&crate::api::client::Wait {
            what: "the run",
            why: "the service keeps answering 429/503 (busy); pausing, then trying again",
            length: Some(length),
        });
    if ctx.global.verbose {
        crate::output::diagnostic(&format!(
            "* waiting {} ms: the service is busy (429/503 beyond --retries)",
            length.as_millis()
        ));
    }
    let until = tokio::time::Instant::now() + length;
    while !ctx.was_interrupted() && tokio::time::Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    !ctx.was_interrupted()
}

/// Runs `call` (a read, or a create the service certainly did not act on) until it gets an
/// answer other than busy, pausing between rounds; the last busy error after `ROUNDS` pauses,
/// or on Ctrl-C.
pub async fn patiently<T, F, Fut>(ctx: &Context, mut call: F) -> Result<T, ApiError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut round = 0;
    loop {
        match call().await {
            Err(error) if is_busy(&error) && round < ROUNDS => {
                if !wait(ctx, round).await {
                    return Err(error);
                }
                round += 1;
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_and_are_capped() {
        assert_eq!(pause(0), Duration::from_millis(500));
        assert_eq!(pause(1), Duration::from_secs(1));
        assert_eq!(pause(20), Duration::from_secs(30));
    }
}
