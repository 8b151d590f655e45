//! The sending side of one webhook URL: the dispatcher that keeps a FIFO lane per gallery and
//! the delivery of one event (sign, POST, back off, retry, give up).

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use jsonwebtoken::EncodingKey;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::{Counters, Notify, Queued, RetryPolicy, MAX_LANES, RESIGN_MARGIN_SECS};
use crate::webhooks::event::DecodedEvent;
use crate::webhooks::jwt;

/// What a delivery task needs, shared by every attempt to one URL.
pub(super) struct Sender {
    pub(super) url: String,
    pub(super) http: reqwest::Client,
    pub(super) key: EncodingKey,
    pub(super) policy: RetryPolicy,
    pub(super) counters: Arc<Counters>,
    pub(super) notify: Notify,
}

/// The per-URL dispatcher: lanes per gallery, at most [`MAX_LANES`] in flight.
pub(super) async fn dispatch(
    mut receiver: mpsc::UnboundedReceiver<Arc<Queued>>,
    sender: Arc<Sender>,
) {
    let mut lanes: HashMap<String, VecDeque<Arc<Queued>>> = HashMap::new();
    // Galleries with events waiting and none in flight, oldest first.
    let mut ready: VecDeque<String> = VecDeque::new();
    let mut in_flight: JoinSet<String> = JoinSet::new();
    let mut open = true;
    loop {
        while in_flight.len() < MAX_LANES {
            let Some(lane) = ready.pop_front() else {
                break;
            };
            if let Some(head) = lanes.get(&lane).and_then(|queue| queue.front()).cloned() {
                let sender = sender.clone();
                in_flight.spawn(async move {
                    // A panic must not leave the lane blocked: it counts as a drop.
                    let attempt =
                        std::panic::AssertUnwindSafe(deliver(sender.clone(), head.clone()));
                    if futures::FutureExt::catch_unwind(attempt).await.is_err() {
                        give_up(&sender, &head.event, "the delivery task panicked");
                    }
                    head.lane.clone()
                });
            }
        }
        if !open && in_flight.is_empty() {
            return;
        }
        tokio::select! {
            received = receiver.recv(), if open => match received {
                Some(queued) => {
                    let queue = lanes.entry(queued.lane.clone()).or_default();
                    queue.push_back(queued.clone());
                    if queue.len() == 1 {
                        ready.push_back(queued.lane.clone());
                    }
                }
                None => open = false,
            },
            Some(done) = in_flight.join_next(), if !in_flight.is_empty() => {
                // Tasks are only aborted with the whole set, at shutdown.
                let Ok(lane) = done else { continue };
                sender.counters.pending.fetch_sub(1, Ordering::Relaxed);
                if let Some(queue) = lanes.get_mut(&lane) {
                    queue.pop_front();
                    if queue.is_empty() {
                        lanes.remove(&lane);
                    } else {
                        ready.push_back(lane);
                    }
                }
            }
        }
    }
}

/// Delivers one event to one URL, retrying until it is accepted or the retry window is over.
async fn deliver(sender: Arc<Sender>, queued: Arc<Queued>) {
    let event = &queued.event;
    let started = Instant::now();
    let mut token: Option<(String, i64)> = None;
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        let now = chrono::Utc::now().timestamp();
        let expires = token.as_ref().map(|(_, expires)| *expires);
        let fresh = if needs_signing(expires, now) {
            Some(sign(&sender, &queued, now).await)
        } else {
            None
        };
        match fresh {
            Some(Ok(signed)) => token = Some((signed, now + jwt::TOKEN_TTL_SECS)),
            Some(Err(err)) => {
                // Signing with a loaded key does not fail in practice; if it does, retrying
                // cannot help.
                give_up(&sender, event, &format!("{err:#}"));
                return;
            }
            None => {}
        }
        let body = token.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
        let failure = match sender
            .http
            .post(&sender.url)
            .header("content-type", "text/plain; charset=utf-8")
            .body(body)
            .send()
            .await
        {
            Ok(response) if response.status().is_success() => None,
            Ok(response) => Some(format!("answered {}", response.status())),
            Err(err) => Some(describe(&err)),
        };
        let Some(failure) = failure else {
            sender.counters.delivered.fetch_add(1, Ordering::Relaxed);
            if sender.counters.failing.swap(false, Ordering::Relaxed) {
                (sender.notify)(&format!(
                    "webhooks: {} accepts deliveries again",
                    sender.url
                ));
            }
            return;
        };
        if !sender.counters.failing.swap(true, Ordering::Relaxed) {
            (sender.notify)(&format!(
                "webhooks: delivery to {} failed ({failure}); retrying with backoff, in order per gallery",
                sender.url
            ));
        }
        let elapsed = started.elapsed();
        if elapsed >= sender.policy.give_up_after {
            give_up(
                &sender,
                event,
                &format!("{failure}, still failing after {attempt} attempts"),
            );
            return;
        }
        sender.counters.retries.fetch_add(1, Ordering::Relaxed);
        let wait = sender
            .policy
            .backoff(attempt)
            .min(sender.policy.give_up_after - elapsed);
        tokio::time::sleep(wait).await;
    }
}

/// Signs on the blocking pool: an RSA signature is CPU work that must not hold up the runtime
/// threads serving the API.
async fn sign(sender: &Arc<Sender>, queued: &Arc<Queued>, now: i64) -> anyhow::Result<String> {
    let (sender, queued) = (Arc::clone(sender), Arc::clone(queued));
    tokio::task::spawn_blocking(move || {
        jwt::sign_event(&queued.event, &sender.key, now, jwt::TOKEN_TTL_SECS)
    })
    .await
    .map_err(|e| anyhow::anyhow!("signing task failed: {e}"))?
}

/// True when an attempt at `now` needs a new token: none yet, or the one it has expires within
/// [`RESIGN_MARGIN_SECS`].
fn needs_signing(expires: Option<i64>, now: i64) -> bool {
    expires.map_or(true, |expires| expires - now <= RESIGN_MARGIN_SECS)
}

fn give_up(sender: &Sender, event: &DecodedEvent, why: &str) {
    sender.counters.dropped.fetch_add(1, Ordering::Relaxed);
    (sender.notify)(&format!(
        "webhooks: gave up on {} event {} for gallery {} to {}: {why}",
        event.slug(),
        event.event_id(),
        event.entity_id(),
        sender.url
    ));
}

/// reqwest's top-level message is generic; the innermost cause says what happened.
fn describe(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        return "no answer in time".to_string();
    }
    let mut cause: &dyn std::error::Error = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhooks::{KeyPair, Mutation, Verifier};

    #[test]
    fn a_late_retry_is_signed_again_with_the_same_event() {
        let now = 1_700_000_000;
        assert!(needs_signing(None, now));
        assert!(!needs_signing(Some(now + jwt::TOKEN_TTL_SECS), now));
        assert!(needs_signing(Some(now + RESIGN_MARGIN_SECS), now));
        assert!(needs_signing(Some(now - 1), now));

        // What a retry an hour and a half later sends: a token valid now, same event id.
        let pair = KeyPair::generate().expect("pair");
        let event =
            crate::webhooks::event::event_from_mutation(&Mutation::gallery_deleted("s", "g"));
        let first =
            jwt::sign_event(&event, &pair.encoding, now - 5400, jwt::TOKEN_TTL_SECS).expect("sign");
        let verifier = Verifier::new(pair.decoding.clone());
        assert!(
            verifier.verify(&first).is_err(),
            "the first token has expired"
        );
        let current = chrono::Utc::now().timestamp();
        assert!(needs_signing(
            Some(now - 5400 + jwt::TOKEN_TTL_SECS),
            current
        ));
        let again =
            jwt::sign_event(&event, &pair.encoding, current, jwt::TOKEN_TTL_SECS).expect("sign");
        assert_eq!(
            verifier.verify(&again).expect("valid").event_id(),
            event.event_id()
        );
    }
}
