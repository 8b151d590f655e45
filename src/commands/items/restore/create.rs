//! The creates of a restore: a few at once, patient with a busy service, and settled by position
//! when an answer was lost.
//!
//! - **Concurrency.** Journaled items carry their sortOrder, and the service places an item by its
//!   sortOrder, not by when it arrived, so the order in which creates complete does not matter:
//!   up to `CONCURRENT_CREATES` are in flight (within the client's rate limiter), each outcome
//!   reported as it completes. Items without a sortOrder would get the next default position, and
//!   items sharing one are listed in creation order by a service that accepts that, so then the
//!   creates go one at a time, in journal order.
//! - **A busy service** (429/503 beyond `--retries`, never acted on) pauses that create and sends
//!   it again (`slowdown.rs`), like bulk-delete's batches, instead of failing the item.
//! - **Lost answers and refused positions.** `api::items::create` reconciles before it repeats a
//!   create after an ambiguous failure (a 5xx after sending, a timeout). What it cannot settle —
//!   its check failed too, or the create was refused with a 4xx that may mean "that sortOrder is
//!   taken" (the docs name no status or code for it: `may_be_sort_order_refusal`), most likely by
//!   our own unseen create or by another writer — is settled here once the creates in flight are
//!   done: one read of the gallery says whether the item is at its position (restored),
//!   something else is (a conflict, failed), or nothing is (sent again, in a later pass). A
//!   restored item keeps its journaled sortOrder (it is how a re-run recognises it), so it is
//!   never moved to another number; under a service that accepts duplicates no create is refused
//!   and each pass checks the position first, so no pass duplicates either.
//! - **Ctrl-C**: no new create starts, the ones in flight finish and are reported, pauses are
//!   cut short; the caller reports and exits 130.

use anyhow::Result;
use futures::{stream, StreamExt};

use super::{by_sort_order, creatable, occupant_of, same_content};
use crate::api::model::Item;
use crate::api::{items, ApiError, Client};
use crate::commands::items::slowdown;
use crate::commands::outcome::{Outcome, Report, Status};
use crate::context::Context;
use crate::select;

/// Creates in flight at once.
const CONCURRENT_CREATES: usize = 4;
/// Rounds of "create what is missing, then settle what is unknown by reading the gallery".
const PASSES: usize = 3;

/// How one create ended.
enum Attempt {
    /// Created: the new item.
    Created(Box<Item>),
    /// Not sent: Ctrl-C came first (or during a pause after a 429/503, which did nothing).
    NotSent,
    /// It may or may not be there: settled by position after the creates in flight.
    Unsettled(String),
    Failed(ApiError),
}

/// Creates `to_create` in `gallery`, adding each one's outcome to `report`.
pub(super) async fn create_missing(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    to_create: Vec<&Item>,
    report: &mut Report<'_>,
) -> Result<()> {
    // Items sharing a sortOrder (a service that accepts that lists them in creation order) are
    // created in journal order, one at a time, like items without one.
    let mut numbers = std::collections::HashSet::new();
    let all_distinct = to_create.iter().all(|item| {
        item.sort_order
            .as_ref()
            .is_some_and(|s| numbers.insert(super::sort_key(s)))
    });
    let concurrency = if all_distinct { CONCURRENT_CREATES } else { 1 };
    let progress = ctx
        .printer
        .progress(to_create.len() as u64, "restoring items");
    let mut pending = to_create;
    for pass in 1..=PASSES {
        let mut unsettled: Vec<(&Item, String)> = Vec::new();
        let mut attempts = stream::iter(pending)
            .map(|item| async move { (item, create_one(ctx, client, gallery, item).await) })
            .buffer_unordered(concurrency);
        while let Some((item, attempt)) = attempts.next().await {
            let original_id = item.id.clone().unwrap_or_default();
            match attempt {
                Attempt::Unsettled(why) => {
                    unsettled.push((item, why));
                    continue;
                }
                Attempt::NotSent => {
                    report.add(Outcome::new(None, Status::NotSent).with_original_id(original_id))?
                }
                Attempt::Created(new) => report
                    .add(Outcome::of_item(*new, Status::Restored).with_original_id(original_id))?,
                Attempt::Failed(error) => report.add(
                    Outcome::new(None, Status::Failed)
                        .with_cause(error)
                        .with_original_id(original_id),
                )?,
            }
            progress.inc(1);
        }
        drop(attempts);
        pending = Vec::new();
        if unsettled.is_empty() {
            break;
        }
        if ctx.was_interrupted() {
            for (item, why) in unsettled {
                let why = format!(
                    "interrupted before it could be checked ({why}); run the restore again to settle it"
                );
                let original_id = item.id.clone().unwrap_or_default();
                report.add(Outcome::failed(None, why).with_original_id(original_id))?;
            }
            break;
        }
        // Every create of this pass has its answer: the gallery as read now is the truth.
        let now = slowdown::patiently(ctx, || select::list_gallery(client, gallery, &ctx.printer))
            .await?;
        let by_sort = by_sort_order(&now);
        for (item, why) in unsettled {
            let original_id = item.id.clone().unwrap_or_default();
            let occupant = occupant_of(&by_sort, item);
            match occupant {
                Some(there) if same_content(there, item) => report.add(
                    Outcome::of_item((*there).clone(), Status::Restored)
                        .with_original_id(original_id),
                )?,
                Some(there) => {
                    let why = format!(
                        "its sortOrder is taken by item {} with other content, and the service refused a second item there; not restored",
                        there.id.as_deref().unwrap_or("?")
                    );
                    report.add(Outcome::failed(None, why).with_original_id(original_id))?
                }
                // Not there: the lost answer was of a create that did not land. Send it again.
                None if pass < PASSES => {
                    pending.push(item);
                    continue;
                }
                None => report.add(Outcome::failed(None, why).with_original_id(original_id))?,
            }
            progress.inc(1);
        }
        if pending.is_empty() {
            break;
        }
    }
    progress.finish_and_clear();
    Ok(())
}

/// One create, sent again after pauses while the service is busy.
async fn create_one(ctx: &Context, client: &Client, gallery: &str, item: &Item) -> Attempt {
    let body = creatable(item);
    let mut round = 0;
    loop {
        if ctx.was_interrupted() {
            return Attempt::NotSent;
        }
        let error = match items::create(client, gallery, &body, ctx.attempts()).await {
            Ok(new) => return Attempt::Created(Box::new(new)),
            Err(error) => error,
        };
        let positioned = item.sort_order.is_some();
        match error {
            // Answered before any work: nothing landed, the same create may go again.
            ref busy if slowdown::is_busy(busy) && round < slowdown::ROUNDS => {
                if !slowdown::wait(ctx, round).await {
                    return Attempt::NotSent;
                }
                round += 1;
            }
            ref refused if positioned && items::may_be_sort_order_refusal(refused) => {
                return Attempt::Unsettled(format!(
                    "the service refused it, maybe for its sortOrder ({refused})"
                ))
            }
            ref lost if lost.is_ambiguous() && positioned => {
                return Attempt::Unsettled(lost.to_string())
            }
            other => return Attempt::Failed(other),
        }
    }
}
