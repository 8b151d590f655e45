//! The delete engine behind `items bulk-delete`: batches of up to 1000 ids, a few in flight at
//! once, each journaled (and fsynced) before it is sent, each answer checked against what was
//! asked. A batch that keeps failing with a server error is split (into tenths, down to single
//! ids) so that one permanently failing item does not fail its 999 neighbours; 429s and 503s that
//! outlast the client's own retries slow the run down instead of failing it (`slowdown.rs`); auth, a vanished
//! gallery or a lost connection stop the run. On Ctrl-C no new batch starts; the ones in flight
//! finish and are reported.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use futures::future::BoxFuture;
use futures::{stream, StreamExt};

use super::slowdown;
use crate::api::model::Item;
use crate::api::{items, ApiError, Client};
use crate::commands::outcome::{Outcome, Status};
use crate::context::Context;
use crate::journal::Journal;

/// Batches in flight at once: the service's limit is per minute, not per connection, so two
/// are enough to keep a slow answer from idling the run.
const CONCURRENT_BATCHES: usize = 2;
/// A failing batch is split into this many parts, recursively, to isolate the failing ids.
const SPLIT_INTO: usize = 10;
/// Parts of a split batch in flight at once, at each level (three levels split 1,000 ids down to
/// one): at most 2 × 2 × 2 single-id requests per batch, whatever the service answers.
const ISOLATE_AT_ONCE: usize = 2;

/// What happened to one id (the outcome contract of every bulk verb: `commands::outcome`).
fn outcome(id: &str, status: Status, error: Option<String>) -> Outcome {
    let outcome = Outcome::new(Some(id.to_string()), status);
    match error {
        Some(error) => outcome.with_error(error),
        None => outcome,
    }
}

/// The first error that stopped the run (auth, gallery gone, connection lost, journal write).
#[derive(Default)]
pub struct Stop {
    stopped: AtomicBool,
    error: Mutex<Option<anyhow::Error>>,
}

impl Stop {
    fn set(&self, error: anyhow::Error) {
        self.stopped.store(true, Ordering::SeqCst);
        let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
        slot.get_or_insert(error);
    }

    fn is_set(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }

    pub fn take(&self) -> Option<anyhow::Error> {
        self.error.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// Deletes `selected` (items of `gallery`) in batches, calling `report` with each batch's
/// outcomes as it finishes, in batch order.
pub async fn delete_all(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    selected: &[Item],
    journal: &Mutex<Journal>,
    stop: &Stop,
    mut report: impl FnMut(Vec<Outcome>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let batches = selected.chunks(items::MAX_BULK_DELETE);
    let mut results = stream::iter(batches)
        .map(|batch| async move {
            let ids: Vec<String> = batch.iter().filter_map(|i| i.id.clone()).collect();
            if ctx.was_interrupted() || stop.is_set() {
                return not_sent(&ids);
            }
            // Journal first: if this write fails, the batch is not sent.
            let journaled = journal
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .record_items(gallery, batch);
            if let Err(e) = journaled {
                stop.set(e);
                return not_sent(&ids);
            }
            delete_isolating(ctx, client, gallery, ids, false, stop).await
        })
        .buffered(CONCURRENT_BATCHES);
    while let Some(outcomes) = results.next().await {
        report(outcomes)?;
    }
    Ok(())
}

fn not_sent(ids: &[String]) -> Vec<Outcome> {
    ids.iter()
        .map(|id| outcome(id, Status::NotSent, None))
        .collect()
}

enum Class {
    /// Rate limited or unavailable: wait and send the same batch again.
    SlowDown,
    /// A server error that may belong to one id: split the batch.
    Isolate,
    /// Nothing more can succeed (auth, gallery gone, no connection): stop the run.
    Stop,
    /// This batch failed; the others may not.
    Fail,
}

fn classify(error: &ApiError) -> Class {
    match error {
        ApiError::Status { status, .. } => match status {
            429 | 503 => Class::SlowDown,
            401 | 403 | 404 => Class::Stop,
            400 | 409 | 500..=599 => Class::Isolate,
            _ => Class::Fail,
        },
        ApiError::BadBody { .. } => Class::Isolate,
        ApiError::Network { .. } | ApiError::Credentials { .. } => Class::Stop,
    }
}

/// Deletes `ids` with one request, or, when that keeps failing, in smaller and smaller parts.
/// `landed_before` says an earlier request for these ids may have been applied.
fn delete_isolating<'a>(
    ctx: &'a Context,
    client: &'a Client,
    gallery: &'a str,
    ids: Vec<String>,
    landed_before: bool,
    stop: &'a Stop,
) -> BoxFuture<'a, Vec<Outcome>> {
    Box::pin(async move {
        let mut round = 0;
        let mut landed = landed_before;
        loop {
            let (result, may_have_landed) = items::bulk_delete_tracked(client, gallery, &ids).await;
            landed |= may_have_landed;
            let error = match result {
                Ok(gone) => return verify(&ids, gone, landed),
                Err(error) => error,
            };
            match classify(&error) {
                Class::SlowDown if round < slowdown::ROUNDS && !stop.is_set() => {
                    // Ctrl-C does not wait out a rate limit.
                    if !slowdown::wait(ctx, round).await {
                        return interrupted_while_waiting(&ids, landed, &error);
                    }
                    round += 1;
                }
                Class::Isolate if ids.len() > 1 && !stop.is_set() => {
                    let part = ids.len().div_ceil(SPLIT_INTO);
                    // A few parts at a time: a batch failing for a reason no id explains (a
                    // service answering 500 to everything) would otherwise fan out into
                    // hundreds of single-id requests at once.
                    let parts: Vec<BoxFuture<'a, Vec<Outcome>>> = ids
                        .chunks(part)
                        .map(|chunk| {
                            delete_isolating(ctx, client, gallery, chunk.to_vec(), landed, stop)
                        })
                        .collect();
                    let outcomes: Vec<Vec<Outcome>> = stream::iter(parts)
                        .buffered(ISOLATE_AT_ONCE)
                        .collect()
                        .await;
                    return outcomes.into_iter().flatten().collect();
                }
                class => {
                    let message = error.to_string();
                    if matches!(class, Class::Stop) {
                        stop.set(error.into());
                    }
                    return ids
                        .iter()
                        .map(|id| outcome(id, Status::Failed, Some(message.clone())))
                        .collect();
                }
            }
        }
    })
}

/// Ids of a batch left waiting for the rate limit when Ctrl-C came: not deleted, unless an
/// earlier answer was lost (then they may have been: the re-run settles it).
fn interrupted_while_waiting(ids: &[String], landed: bool, error: &ApiError) -> Vec<Outcome> {
    ids.iter()
        .map(|id| {
            if landed {
                outcome(
                    id,
                    Status::Failed,
                    Some(format!(
                        "interrupted while rate limited after an answer was lost; run again to settle ({error})"
                    )),
                )
            } else {
                outcome(id, Status::NotSent, None)
            }
        })
        .collect()
}

/// Checks the service's answer against the request: asked-for ids it reports are deleted; the
/// others were already gone (skipped), unless an earlier attempt whose answer was lost may have
/// deleted them (then they count as deleted by this run). Ids it reports but were not asked for
/// are a service fault, reported as such.
fn verify(requested: &[String], gone: Vec<String>, landed: bool) -> Vec<Outcome> {
    let gone: HashSet<String> = gone.into_iter().collect();
    let asked: HashSet<&str> = requested.iter().map(String::as_str).collect();
    let mut outcomes: Vec<Outcome> = requested
        .iter()
        .map(|id| {
            if gone.contains(id) || landed {
                outcome(id, Status::Deleted, None)
            } else {
                outcome(id, Status::Skipped, Some("already gone".to_string()))
            }
        })
        .collect();
    for stranger in gone.iter().filter(|id| !asked.contains(id.as_str())) {
        outcomes.push(outcome(
            stranger,
            Status::Failed,
            Some("the service reports deleting this id, which was not asked for".to_string()),
        ));
    }
    outcomes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verification_sorts_ids() {
        let asked = vec!["a".to_string(), "b".to_string()];
        let out = verify(&asked, vec!["a".into(), "z".into()], false);
        let statuses: Vec<(&str, Status)> = out
            .iter()
            .map(|o| (o.id.as_deref().unwrap_or(""), o.status))
            .collect();
        assert_eq!(
            statuses,
            vec![
                ("a", Status::Deleted),
                ("b", Status::Skipped),
                ("z", Status::Failed)
            ]
        );
        let after_lost_answer = verify(&asked, vec![], true);
        assert!(after_lost_answer
            .iter()
            .all(|o| o.status == Status::Deleted));
    }
}
