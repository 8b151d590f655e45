//! Typed calls for the items of a gallery (spec/api.md §4, #6–#11), and `ItemPages`, the one
//! way to read every item of a gallery. They never print.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use super::answer::{self, CreatedSince};
use super::client::{Call, Client, Idempotency};
use super::error::ApiError;
use super::galleries;
use super::model::{Gallery, Item};
use super::paging::{self, Fetch, Mismatch, Page, Walk};
use super::PREFIX;
use crate::echo::{Op, Write};

/// Largest bulk delete the service accepts.
pub const MAX_BULK_DELETE: usize = 1000;

/// `GET /galleries/{g}/items?itemOffset&itemLimit`.
pub async fn list(
    client: &Client,
    gallery: &str,
    offset: u64,
    limit: u32,
) -> Result<Vec<Item>, ApiError> {
    let what = format!("listing items of gallery {gallery} (offset {offset})");
    let call = Call::new(
        Method::GET,
        format!("{PREFIX}/galleries/{gallery}/items"),
        &what,
    )
    .query("galleryId", gallery)
    .query("itemOffset", offset)
    .query("itemLimit", limit);
    let body = answer::require_object(&what, client.send(call).await?)?;
    match body.get("items") {
        // An empty list may be sent as an absent field.
        None => Ok(Vec::new()),
        Some(_) => answer::field(&what, &body, &["items"]),
    }
}

/// `GET /galleries/{g}/items/{i}`.
pub async fn get(client: &Client, gallery: &str, item: &str) -> Result<Item, ApiError> {
    let what = format!("getting item {item} of gallery {gallery}");
    let call = Call::new(
        Method::GET,
        format!("{PREFIX}/galleries/{gallery}/items/{item}"),
        &what,
    )
    .query("galleryId", gallery)
    .query("itemId", item);
    let body = client.send(call).await?;
    answer::field(&what, &body, &["item"])
}

/// Times a refused `sortOrder` is replaced by another number of its window before the refusal
/// is reported.
const SORT_ORDER_TRIES: u32 = 4;

/// The open interval of `sortOrder`s that keep an item where it was meant to go: halfway to the
/// numbers planned for its neighbours. When the service refuses the planned number (another
/// writer took it meanwhile), any other number inside keeps the order just as well.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SortWindow {
    pub low: f64,
    pub high: f64,
}

impl SortWindow {
    /// A random number strictly inside the window, other than `not` (random, so that writers
    /// refused at the same number do not all move to the same other one).
    pub fn another(&self, not: f64) -> f64 {
        use rand::Rng;
        let mut rng = rand::thread_rng();
        for _ in 0..64 {
            let value = self.low + (self.high - self.low) * rng.gen_range(0.05..0.95);
            if value > self.low && value < self.high && value != not {
                return value;
            }
        }
        not
    }
}

/// Whether a failure may be the service refusing a `sortOrder` another item holds. Wix documents
/// only that such a write "fails" (and older docs that it is allowed), with no status or code, so
/// any 4xx counts but those that say something else: credentials (401, 403), a missing gallery or
/// item (404), a method or size problem (405, 413), a timeout (408), the rate limit (429).
pub fn may_be_sort_order_refusal(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Status { status, .. }
            if (400..500).contains(status) && !matches!(status, 401 | 403 | 404 | 405 | 408 | 413 | 429)
    )
}

/// `POST /galleries/{g}/items`. After an ambiguous failure it looks for the item among the
/// gallery's newest before sending it again, so a retry never makes a duplicate.
pub async fn create(
    client: &Client,
    gallery: &str,
    item: &Value,
    attempts: u32,
) -> Result<Item, ApiError> {
    create_in(client, gallery, item, attempts, None).await
}

/// [`create`] of an item whose `sortOrder` was planned inside `window`: when the service may have
/// refused that number (another writer's item holds it; see [`may_be_sort_order_refusal`]), it
/// is sent again with another number of the window, a few times, so concurrent writers do not
/// fail each other. Whether the service refuses duplicates or accepts them, the item lands in
/// its window. Without a window (the number is the user's, or a restore's identity) a refusal
/// is reported as it is.
pub async fn create_in(
    client: &Client,
    gallery: &str,
    item: &Value,
    attempts: u32,
    window: Option<SortWindow>,
) -> Result<Item, ApiError> {
    let what = format!("adding an item to gallery {gallery}");
    let mut item = item.clone();
    let intent = client.echo_intent(Op::ItemCreated, gallery, "");
    let mut attempt = 1;
    let mut refused = 0;
    // When an earlier attempt may have landed: since when, and with which number.
    let mut maybe_landed: Option<(DateTime<Utc>, Value)> = None;
    loop {
        let started = Utc::now();
        let body = json!({ "galleryId": gallery, "item": &item });
        let call = Call::new(
            Method::POST,
            format!("{PREFIX}/galleries/{gallery}/items"),
            &what,
        )
        .body(&body);
        match client.send(call).await {
            Ok(reply) => {
                let created: Item = answer::field(&what, &reply, &["item"])?;
                client.echo_done(intent, &created_writes(gallery, &created));
                return Ok(created);
            }
            Err(error)
                if window.is_some()
                    && may_be_sort_order_refusal(&error)
                    && refused + 1 < SORT_ORDER_TRIES =>
            {
                // A number refused right after an attempt that may have landed is most likely
                // held by that very item: look once more before taking another number.
                if let Some((since, sent)) = &maybe_landed {
                    if let Ok(Some(found)) = find_created(client, gallery, sent, *since).await {
                        client.echo_done(intent, &created_writes(gallery, &found));
                        return Ok(found);
                    }
                }
                let (Some(window), Some(taken)) =
                    (window, item.get("sortOrder").and_then(Value::as_f64))
                else {
                    return Err(error);
                };
                refused += 1;
                item["sortOrder"] = json!(window.another(taken));
            }
            Err(error) if error.is_ambiguous() => match find_created(client, gallery, &item, started).await {
                Ok(Some(found)) => {
                    client.echo_done(intent, &created_writes(gallery, &found));
                    return Ok(found);
                }
                Ok(None) if attempt < attempts.max(1) => {
                    maybe_landed.get_or_insert_with(|| (started, item.clone()));
                    attempt += 1;
                }
                Ok(None) => return Err(error),
                Err(check) => {
                    return Err(ApiError::Network {
                        what,
                        detail: format!(
                            "{error}; checking whether the item was added anyway failed too ({check}). \
                             Run `progallery items list {gallery} --all` before trying again, to avoid a duplicate"
                        ),
                        ambiguous: true,
                    })
                }
            },
            Err(error) => return Err(error),
        }
    }
}

fn created_writes(gallery: &str, item: &Item) -> Vec<Write> {
    item.id
        .iter()
        .map(|id| Write::new(Op::ItemCreated, gallery, id))
        .collect()
}

/// Looks for an item created since `started` whose content matches what was sent. New items get
/// the largest default `sortOrder`, so they sit on the last page; an explicit `sortOrder` must
/// match too, which narrows the match to that place wherever it sits: a gallery of up to 1000
/// items is read whole, a bigger one only its last page.
async fn find_created(
    client: &Client,
    gallery: &str,
    sent: &Value,
    started: DateTime<Utc>,
) -> Result<Option<Item>, ApiError> {
    let pages = ItemPages::count_first(client, gallery).await?;
    let total = pages.total();
    let page = paging::ITEMS.max;
    let candidates: Vec<Item> = if total <= 1000 {
        pages.all().await?
    } else {
        let tail = list(client, gallery, total - u64::from(page), page).await?;
        if tail.len() == page as usize {
            tail
        } else {
            // The last page is not where the count says: the gallery changed meanwhile, or the
            // count is wrong. Read it whole (the walk checks the count) rather than miss the item.
            pages.all().await?
        }
    };
    let created = CreatedSince::new(started, sent);
    let sent_item: Item = serde_json::from_value(sent.clone()).unwrap_or_default();
    Ok(candidates.into_iter().rev().find(|candidate| {
        created.admits(
            candidate.created_date.as_deref(),
            candidate.sort_order.as_ref(),
        ) && candidate.media() == sent_item.media()
            && candidate.title == sent_item.title
            && candidate.description == sent_item.description
    }))
}

/// Every item of a gallery, in gallery order, page by page (pages of 100, a few in flight; see
/// `paging` for when the walk stops). List-items carries no total, so the walk starts from one
/// that get-gallery gave: either a cheap count (`count_first`: ceil(N/100)+1 requests) or a
/// get-gallery whose answer embeds the first page (`after_first_page`: ceil(N/100)).
pub struct ItemPages<'a> {
    walk: Walk<'a, Item>,
}

impl<'a> ItemPages<'a> {
    /// Reads the gallery's item count (a get-gallery asking for one item), then its pages.
    pub async fn count_first(client: &'a Client, gallery: &'a str) -> Result<Self, ApiError> {
        let total = galleries::total_items(client, gallery).await?;
        Ok(ItemPages {
            walk: Walk::counted(fetch(client, gallery), key, paging::ITEMS.max, total).recount(
                what(gallery),
                "items",
                recount(client, gallery),
            ),
        })
    }

    /// Continues from a get-gallery answer that embeds the first page (as `first_page` asks
    /// for it: a full page of items): hands that page over, then reads the rest.
    pub fn after_first_page(client: &'a Client, gallery: &'a str, first: Gallery) -> Self {
        let page = Page {
            entries: first.items.unwrap_or_default(),
            total: Some(first.total_items.unwrap_or(0)),
        };
        ItemPages {
            walk: Walk::after_first(fetch(client, gallery), key, paging::ITEMS.max, page).recount(
                what(gallery),
                "items",
                recount(client, gallery),
            ),
        }
    }

    /// The get-gallery request whose answer `after_first_page` continues from.
    pub async fn first_page(client: &Client, gallery: &str) -> Result<Gallery, ApiError> {
        galleries::get(client, gallery, 0, Some(paging::ITEMS.max)).await
    }

    /// The number of items the service said the gallery holds.
    pub fn total(&self) -> u64 {
        self.walk.total().unwrap_or(0)
    }

    /// The next page of items, in gallery order; `None` at the end.
    pub async fn next_page(&mut self) -> Option<Result<Vec<Item>, ApiError>> {
        self.walk.next_page().await
    }

    /// After the walk: how many were read, when that differs from the total claimed.
    pub fn mismatch(&self) -> Option<Mismatch> {
        self.walk.mismatch()
    }

    /// Every item, in gallery order.
    pub async fn all(self) -> Result<Vec<Item>, ApiError> {
        self.walk.collect().await
    }
}

fn fetch<'a>(client: &'a Client, gallery: &'a str) -> Fetch<'a, Item> {
    Box::new(move |offset, limit| {
        Box::pin(async move {
            let entries = list(client, gallery, offset, limit).await?;
            Ok(Page {
                entries,
                total: None,
            })
        })
    })
}

/// Counts the gallery's items again (a get-gallery asking for one item).
fn recount<'a>(client: &'a Client, gallery: &'a str) -> paging::Recount<'a> {
    Box::new(move || {
        Box::pin(async move { galleries::total_items(client, gallery).await.map(Some) })
    })
}

fn what(gallery: &str) -> String {
    format!("listing the items of gallery {gallery}")
}

fn key(item: &Item) -> Option<String> {
    item.id.clone()
}

/// Every item of a gallery, in gallery order (`ItemPages::count_first`, read whole).
pub async fn list_all(client: &Client, gallery: &str) -> Result<Vec<Item>, ApiError> {
    ItemPages::count_first(client, gallery).await?.all().await
}

/// `PATCH /galleries/{g}/items/{i}` with the fields to change.
pub async fn update(
    client: &Client,
    gallery: &str,
    item: &str,
    changes: Value,
) -> Result<Item, ApiError> {
    let what = format!("updating item {item} of gallery {gallery}");
    let body = json!({ "galleryId": gallery, "itemId": item, "item": changes });
    let call = Call::new(
        Method::PATCH,
        format!("{PREFIX}/galleries/{gallery}/items/{item}"),
        &what,
    )
    .body(&body);
    let intent = client.echo_intent(Op::ItemUpdated, gallery, item);
    let reply = client.send(call).await?;
    let updated: Item = answer::field(&what, &reply, &["item"])?;
    let after = serde_json::to_value(&updated).unwrap_or(Value::Null);
    client.echo_done(
        intent,
        &[Write::update(
            Op::ItemUpdated,
            gallery,
            item,
            &body["item"],
            &after,
        )],
    );
    Ok(updated)
}

/// `DELETE /galleries/{g}/items/{i}`.
pub async fn delete(client: &Client, gallery: &str, item: &str) -> Result<(), ApiError> {
    let what = format!("deleting item {item} of gallery {gallery}");
    let call = Call::new(
        Method::DELETE,
        format!("{PREFIX}/galleries/{gallery}/items/{item}"),
        &what,
    )
    .query("galleryId", gallery)
    .query("itemId", item);
    let intent = client.echo_intent(Op::ItemDeleted, gallery, item);
    client.send(call).await?;
    client.echo_done(intent, &[Write::new(Op::ItemDeleted, gallery, item)]);
    Ok(())
}

/// `POST /galleries/{g}/items/delete` with 1..1000 ids; returns the ids actually deleted, and
/// whether an earlier attempt may have been applied although its answer was lost (then ids missing
/// from the answer were most likely deleted by that attempt). Repeating it is harmless (ids already
/// gone are skipped), so it retries like a delete.
pub async fn bulk_delete_tracked(
    client: &Client,
    gallery: &str,
    ids: &[String],
) -> (Result<Vec<String>, ApiError>, bool) {
    let what = format!("deleting {} items of gallery {gallery}", ids.len());
    let body = json!({ "galleryId": gallery, "itemIds": ids });
    let call = Call::new(
        Method::POST,
        format!("{PREFIX}/galleries/{gallery}/items/delete"),
        &what,
    )
    .body(&body)
    .idempotency(Idempotency::Safe);
    let intent = client.echo_intent(Op::ItemDeleted, gallery, "");
    let (sent, may_have_landed) = client.send_tracked(call).await;
    let decoded = sent
        .and_then(|reply| answer::require_object(&what, reply))
        .and_then(|reply| match reply.get("itemIds") {
            None => Ok(Vec::new()),
            Some(_) => answer::field(&what, &reply, &["itemIds"]),
        });
    if let Ok(deleted) = &decoded {
        let writes: Vec<Write> = deleted
            .iter()
            .map(|id: &String| Write::new(Op::ItemDeleted, gallery, id))
            .collect();
        client.echo_done(intent, &writes);
    }
    (decoded, may_have_landed)
}
