//! A client-side token bucket, so a long `--all` walk or bulk run stays under the service's
//! documented 200 requests per minute instead of collecting 429s and backing off.

use std::time::Duration;

use tokio::sync::Mutex;
// tokio's clock, so a test can pause time and check the pacing exactly instead of timing it.
use tokio::time::Instant;

pub struct RateLimiter {
    per_second: f64,
    capacity: f64,
    state: Mutex<Bucket>,
}

struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    /// `per_minute` requests per minute, with a burst of a tenth of that (at least 1), so that no
    /// sliding minute ever sees much more than the budget.
    pub fn new(per_minute: u32) -> RateLimiter {
        let capacity = (f64::from(per_minute) / 10.0).max(1.0);
        RateLimiter {
            per_second: f64::from(per_minute) / 60.0,
            capacity,
            state: Mutex::new(Bucket {
                tokens: capacity,
                refilled_at: Instant::now(),
            }),
        }
    }

    /// Takes one request's turn, or says how long until the next one is free (the caller
    /// waits, visibly, and asks again).
    pub async fn try_acquire(&self) -> Result<(), Duration> {
        let mut bucket = self.state.lock().await;
        let now = Instant::now();
        let elapsed = now.duration_since(bucket.refilled_at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.per_second).min(self.capacity);
        bucket.refilled_at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        Err(Duration::from_secs_f64(
            (1.0 - bucket.tokens) / self.per_second,
        ))
    }

    /// Waits until one request may be sent.
    #[cfg(test)]
    pub async fn acquire(&self) {
        while let Err(wait) = self.try_acquire().await {
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn burst_then_steady_rate() {
        let limiter = RateLimiter::new(6000); // 100/s, burst 600
        let start = Instant::now();
        for _ in 0..600 {
            limiter.acquire().await;
        }
        // The clock is paused: only the limiter's own sleeps move it.
        assert_eq!(
            start.elapsed(),
            Duration::ZERO,
            "the burst waits for nothing"
        );
        for _ in 0..20 {
            limiter.acquire().await;
        }
        let waited = start.elapsed().as_secs_f64();
        assert!(
            (0.195..=0.205).contains(&waited),
            "20 more at 100/s: {waited}s"
        );
    }
}
