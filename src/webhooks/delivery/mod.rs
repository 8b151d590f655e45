//! Sending events to webhook URLs the way Wix does: each event is POSTed as an RS256 JWT body to
//! every URL, asynchronously, at least once, in order per gallery.
//!
//! [`Delivery::enqueue`] never waits and never fails: it puts the event on each URL's queue (or,
//! past [`QUEUE_CAPACITY`] waiting events, drops it with a notice, so a dead target cannot grow
//! memory without bound). One dispatcher task per URL keeps a FIFO lane per gallery (`entityId` is
//! the gallery for all six Pro Gallery events) and works on up to [`MAX_LANES`] galleries at once:
//! a gallery's next event is sent only after its previous one was delivered or given up, while
//! other galleries proceed. A failed attempt (connection error, timeout, any non-2xx answer) is
//! retried with exponential backoff and jitter, capped, until [`RetryPolicy::give_up_after`] has
//! passed since the first attempt; then the event is dropped with a notice. The token is signed
//! when an attempt needs one and signed again (same event, same id) once it is close to expiring,
//! so receivers still deduplicate a late retry.

mod send;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use jsonwebtoken::EncodingKey;
use rand::Rng;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::event::DecodedEvent;
use send::{dispatch, Sender};

/// Events waiting per URL (queued or being retried) before new ones are dropped.
pub const QUEUE_CAPACITY: usize = 100_000;
/// Galleries whose events are in flight at once per URL.
pub const MAX_LANES: usize = 8;
/// A token is signed again when it has less than this left (the receiver's clock may be ahead).
pub(crate) const RESIGN_MARGIN_SECS: i64 = 5 * 60;

/// How hard to try. The defaults follow what webhook senders commonly do: quick first retries,
/// then at most one try every 30 s, for a day.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Wait before the first retry; doubles per failed attempt.
    pub first_retry: Duration,
    /// The longest wait between two attempts.
    pub max_retry: Duration,
    /// After this long since the first attempt, a failing event is dropped.
    pub give_up_after: Duration,
    /// Time allowed for one POST (connect included).
    pub attempt_timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            first_retry: Duration::from_secs(1),
            max_retry: Duration::from_secs(30),
            give_up_after: Duration::from_secs(24 * 60 * 60),
            attempt_timeout: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt number `attempt` (1-based): doubling from `first_retry`,
    /// capped at `max_retry`, with jitter in its upper half so many failing lanes do not retry
    /// in lockstep.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32 << attempt.saturating_sub(1).min(20);
        let ceiling = self
            .first_retry
            .saturating_mul(factor)
            .min(self.max_retry)
            .max(Duration::from_millis(1));
        let ceiling_ms = ceiling.as_millis().max(1) as u64;
        let ms = rand::thread_rng().gen_range(ceiling_ms / 2..=ceiling_ms);
        Duration::from_millis(ms.max(1))
    }
}

/// Where notices about delivery go (the sandbox passes a function printing to stderr).
pub type Notify = Arc<dyn Fn(&str) + Send + Sync>;

/// One event to deliver, shared by every URL's queue.
pub(crate) struct Queued {
    /// The ordering key: the gallery id.
    pub(crate) lane: String,
    pub(crate) event: DecodedEvent,
}

/// Counters of one URL, for `GET /_sandbox/webhooks` and the shutdown report.
#[derive(Default)]
pub(crate) struct Counters {
    pub(crate) enqueued: AtomicU64,
    pub(crate) delivered: AtomicU64,
    /// Failed attempts that were retried.
    pub(crate) retries: AtomicU64,
    /// Given up after the retry window, or refused because the queue was full.
    pub(crate) dropped: AtomicU64,
    /// Accepted by `enqueue` and not yet delivered or dropped.
    pub(crate) pending: AtomicU64,
    /// True between a failed attempt and the next success (notices are printed on the edges).
    pub(crate) failing: AtomicBool,
    /// True while the queue is full (one notice per overflow, not one per event).
    pub(crate) overflowing: AtomicBool,
}

struct Target {
    url: String,
    counters: Arc<Counters>,
    sender: Mutex<Option<mpsc::UnboundedSender<Arc<Queued>>>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Handle on the delivery tasks; cheap to clone. Must be created inside a tokio runtime.
#[derive(Clone)]
pub struct Delivery {
    targets: Arc<Vec<Target>>,
    notify: Notify,
}

impl Delivery {
    /// Starts one dispatcher per URL. URLs must be http(s); the caller checks them for users.
    pub fn start(
        urls: &[String],
        key: EncodingKey,
        policy: RetryPolicy,
        notify: Notify,
    ) -> Result<Delivery> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("progallery-sandbox/", env!("CARGO_PKG_VERSION")))
            .timeout(policy.attempt_timeout)
            .connect_timeout(policy.attempt_timeout)
            .tcp_nodelay(true)
            .build()
            .context("building the webhook HTTP client")?;
        let mut targets = Vec::with_capacity(urls.len());
        for url in urls {
            let parsed = url::Url::parse(url)
                .with_context(|| format!("webhook URL {url:?} is not a URL"))?;
            anyhow::ensure!(
                matches!(parsed.scheme(), "http" | "https"),
                "webhook URL {url:?} must be http:// or https://"
            );
            let counters = Arc::new(Counters::default());
            let (sender, receiver) = mpsc::unbounded_channel();
            let worker = Arc::new(Sender {
                url: url.clone(),
                http: http.clone(),
                key: key.clone(),
                policy: policy.clone(),
                counters: counters.clone(),
                notify: notify.clone(),
            });
            let task = tokio::spawn(dispatch(receiver, worker));
            targets.push(Target {
                url: url.clone(),
                counters,
                sender: Mutex::new(Some(sender)),
                task: Mutex::new(Some(task)),
            });
        }
        Ok(Delivery {
            targets: Arc::new(targets),
            notify,
        })
    }

    /// Queues `event` for every URL, ordered after earlier events of gallery `lane`. Never waits.
    pub fn enqueue(&self, lane: &str, event: DecodedEvent) {
        let queued = Arc::new(Queued {
            lane: lane.to_string(),
            event,
        });
        for target in self.targets.iter() {
            let counters = &target.counters;
            counters.enqueued.fetch_add(1, Ordering::Relaxed);
            if counters.pending.load(Ordering::Relaxed) >= QUEUE_CAPACITY as u64 {
                counters.dropped.fetch_add(1, Ordering::Relaxed);
                if !counters.overflowing.swap(true, Ordering::Relaxed) {
                    (self.notify)(&format!(
                        "webhooks: {QUEUE_CAPACITY} events already wait for {}; dropping new ones until it catches up",
                        target.url
                    ));
                }
                continue;
            }
            // Re-armed only once the backlog has really shrunk, so a queue hovering at the limit
            // prints one notice, not one per event.
            if counters.pending.load(Ordering::Relaxed) < (QUEUE_CAPACITY as u64) * 9 / 10 {
                counters.overflowing.store(false, Ordering::Relaxed);
            }
            // Counted before it is sent: the dispatcher may finish it (and count it down) at once.
            counters.pending.fetch_add(1, Ordering::Relaxed);
            let guard = target.sender.lock().unwrap_or_else(|e| e.into_inner());
            let sent = guard
                .as_ref()
                .is_some_and(|sender| sender.send(queued.clone()).is_ok());
            if !sent {
                // Shutting down: nothing will send it.
                counters.pending.fetch_sub(1, Ordering::Relaxed);
                counters.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Per-URL settings and counters, for `GET /_sandbox/webhooks`.
    pub fn status(&self) -> Value {
        let targets: Vec<Value> = self
            .targets
            .iter()
            .map(|target| {
                let c = &target.counters;
                json!({
                    "url": target.url,
                    "enqueued": c.enqueued.load(Ordering::Relaxed),
                    "delivered": c.delivered.load(Ordering::Relaxed),
                    "pending": c.pending.load(Ordering::Relaxed),
                    "retries": c.retries.load(Ordering::Relaxed),
                    "dropped": c.dropped.load(Ordering::Relaxed),
                    "failing": c.failing.load(Ordering::Relaxed),
                })
            })
            .collect();
        Value::Array(targets)
    }

    /// Stops taking events, keeps delivering what is queued for up to `grace`, then abandons the
    /// rest. Returns (url, events not delivered) for each URL that had some left.
    pub async fn shutdown(&self, grace: Duration) -> Vec<(String, u64)> {
        let deadline = tokio::time::Instant::now() + grace;
        for target in self.targets.iter() {
            // Dropping the sender ends the dispatcher once its queue and lanes are empty.
            target
                .sender
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
        }
        let mut left = Vec::new();
        for target in self.targets.iter() {
            let task = target.task.lock().unwrap_or_else(|e| e.into_inner()).take();
            if let Some(mut task) = task {
                if tokio::time::timeout_at(deadline, &mut task).await.is_err() {
                    task.abort();
                }
            }
            let pending = target.counters.pending.load(Ordering::Relaxed);
            if pending > 0 {
                left.push((target.url.clone(), pending));
            }
        }
        left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_the_first_retry_and_is_capped() {
        let policy = RetryPolicy {
            first_retry: Duration::from_millis(100),
            max_retry: Duration::from_millis(1000),
            ..RetryPolicy::default()
        };
        for _ in 0..50 {
            let first = policy.backoff(1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = policy.backoff(3);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let late = policy.backoff(40);
            assert!(late >= Duration::from_millis(500) && late <= Duration::from_millis(1000));
        }
    }
}
