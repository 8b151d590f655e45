//! Typed calls for galleries (spec/api.md §4, #1–#5), and `GalleryPages`, the one way to read
//! every gallery of a site. They never print.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use super::answer::{self, CreatedSince};
use super::client::{Call, Client};
use super::error::ApiError;
use super::model::Gallery;
use super::paging::{self, Fetch, Mismatch, Page, Walk};
use super::PREFIX;
use crate::echo::{Op, Write};

/// One page of `GET /galleries`.
pub struct GalleryPage {
    pub total: Option<u64>,
    pub galleries: Vec<Gallery>,
}

/// `GET /galleries?offset&limit` (limit 1..10).
pub async fn list(
    client: &Client,
    offset: u64,
    limit: u32,
    item_limit: Option<u32>,
) -> Result<GalleryPage, ApiError> {
    let what = format!("listing galleries (offset {offset})");
    let mut call = Call::new(Method::GET, format!("{PREFIX}/galleries"), &what)
        .query("offset", offset)
        .query("limit", limit);
    if let Some(n) = item_limit {
        call = call.query("itemLimit", n);
    }
    let body = answer::require_object(&what, client.send(call).await?)?;
    // `totalGalleriesCount` and `gallery` are the reference example's slips; accept them too.
    let galleries: Vec<Gallery> = match body.get("galleries").or_else(|| body.get("gallery")) {
        None => Vec::new(),
        Some(_) => answer::field(&what, &body, &["galleries", "gallery"])?,
    };
    let total = body
        .get("totalGalleries")
        .or_else(|| body.get("totalGalleriesCount"))
        .and_then(Value::as_u64);
    Ok(GalleryPage { total, galleries })
}

/// Every gallery of the site, oldest first, page by page (pages of 10): the first answer says
/// how many there are, then the other pages are read a few at a time (see `paging` for when the
/// walk stops). N galleries cost ceil(N/10) requests.
pub struct GalleryPages<'a> {
    walk: Walk<'a, Gallery>,
}

impl<'a> GalleryPages<'a> {
    /// `item_limit` is how many items each gallery embeds (`None`: the service's default).
    pub fn new(client: &'a Client, item_limit: Option<u32>) -> Self {
        let fetch: Fetch<'a, Gallery> = Box::new(move |offset, limit| {
            Box::pin(async move {
                let page = list(client, offset, limit, item_limit).await?;
                Ok(Page {
                    entries: page.galleries,
                    total: page.total,
                })
            })
        });
        let recount: paging::Recount<'a> = Box::new(move || {
            Box::pin(async move { list(client, 0, 1, Some(1)).await.map(|page| page.total) })
        });
        GalleryPages {
            walk: Walk::from_start(fetch, |g: &Gallery| g.id.clone(), paging::GALLERIES.max)
                .recount("listing the galleries".to_string(), "galleries", recount),
        }
    }

    /// Every gallery, oldest first.
    pub async fn all(self) -> Result<Vec<Gallery>, ApiError> {
        self.walk.collect().await
    }

    /// Pages in flight at most (default `paging::CONCURRENT_PAGES`).
    pub fn concurrency(self, pages: usize) -> Self {
        GalleryPages {
            walk: self.walk.concurrency(pages),
        }
    }

    /// The next page of galleries; `None` at the end.
    pub async fn next_page(&mut self) -> Option<Result<Vec<Gallery>, ApiError>> {
        self.walk.next_page().await
    }

    /// After the walk: how many were read, when that differs from the total claimed.
    pub fn mismatch(&self) -> Option<Mismatch> {
        self.walk.mismatch()
    }
}

/// `GET /galleries/{id}?itemOffset&itemLimit`.
pub async fn get(
    client: &Client,
    id: &str,
    item_offset: u64,
    item_limit: Option<u32>,
) -> Result<Gallery, ApiError> {
    let what = format!("getting gallery {id}");
    let mut call = Call::new(Method::GET, format!("{PREFIX}/galleries/{id}"), &what)
        .query("galleryId", id)
        .query("itemOffset", item_offset);
    if let Some(n) = item_limit {
        call = call.query("itemLimit", n);
    }
    let body = client.send(call).await?;
    answer::field(&what, &body, &["gallery"])
}

/// The number of items in a gallery, with the cheapest read there is.
pub async fn total_items(client: &Client, id: &str) -> Result<u64, ApiError> {
    let gallery = get(client, id, 0, Some(1)).await?;
    Ok(gallery.total_items.unwrap_or(0))
}

/// `POST /galleries`: `gallery` (may be empty) and/or `clone_from`. After an ambiguous failure
/// (the request may have landed) it looks for the new gallery before trying again, so a retry
/// never makes a duplicate.
pub async fn create(
    client: &Client,
    gallery: Value,
    clone_from: Option<&str>,
    attempts: u32,
) -> Result<Gallery, ApiError> {
    let what = match clone_from {
        Some(source) => format!("cloning gallery {source}"),
        None => "creating a gallery".to_string(),
    };
    let mut body = json!({ "gallery": gallery });
    if let Some(source) = clone_from {
        body["cloneFromGalleryId"] = json!(source);
    }
    let intent = client.echo_intent(Op::GalleryCreated, "", "");
    let mut attempt = 1;
    loop {
        let started = Utc::now();
        let call = Call::new(Method::POST, format!("{PREFIX}/galleries"), &what).body(&body);
        match client.send(call).await {
            Ok(reply) => {
                let created: Gallery = answer::field(&what, &reply, &["gallery"])?;
                client.echo_done(intent, &created_writes(&created));
                return Ok(created);
            }
            Err(error) if error.is_ambiguous() => {
                // The name to look for: the one sent, else (a clone) the source's.
                let expected_name = match (gallery.get("name"), clone_from) {
                    (Some(name), _) => Ok(name.as_str().map(str::to_string)),
                    (None, Some(source)) => get(client, source, 0, Some(1)).await.map(|g| g.name),
                    (None, None) => Ok(None),
                };
                let found = match expected_name {
                    Ok(name) => {
                        find_created(client, name.as_deref(), &gallery, clone_from, started).await
                    }
                    Err(e) => Err(e),
                };
                match found {
                    Ok(Some(found)) => {
                        client.echo_done(intent, &created_writes(&found));
                        return Ok(found);
                    }
                    Ok(None) if attempt < attempts.max(1) => attempt += 1,
                    Ok(None) => return Err(error),
                    Err(check) => {
                        return Err(ApiError::Network {
                            what,
                            detail: format!(
                                "{error}; checking whether the gallery was created anyway failed too ({check}). \
                                 Run `progallery galleries list --all` before trying again, to avoid a duplicate"
                            ),
                            ambiguous: true,
                        })
                    }
                }
            }
            Err(error) => return Err(error),
        }
    }
}

/// A new gallery, and the items its answer shows (created with it, or cloned into it).
fn created_writes(gallery: &Gallery) -> Vec<Write> {
    let Some(id) = &gallery.id else {
        return Vec::new();
    };
    let mut writes = vec![Write::new(Op::GalleryCreated, id, id)];
    for item in gallery.items.iter().flatten() {
        if let Some(item_id) = &item.id {
            writes.push(Write::new(Op::ItemCreated, id, item_id));
        }
    }
    writes
}

/// Looks among the newest galleries for one created since `started` that matches what was sent.
async fn find_created(
    client: &Client,
    name: Option<&str>,
    sent: &Value,
    clone_source: Option<&str>,
    started: DateTime<Utc>,
) -> Result<Option<Gallery>, ApiError> {
    // Galleries are listed oldest first, so the new one is on the last page.
    let first = list(client, 0, 10, Some(1)).await?;
    let total = first.total.unwrap_or(first.galleries.len() as u64);
    let tail = if total > 10 {
        let tail = list(client, total - 10, 10, Some(1)).await?.galleries;
        if tail.len() == 10 {
            tail
        } else {
            // Not where the count says: the site changed meanwhile, or the count is wrong. Read
            // every gallery (the walk checks the count) rather than miss the new one.
            GalleryPages::new(client, Some(1)).all().await?
        }
    } else {
        first.galleries
    };
    let created = CreatedSince::new(started, sent);
    Ok(tail.into_iter().rev().find(|g| {
        // A clone has the source's name; never mistake the source for it.
        let not_source = clone_source.is_none() || g.id.as_deref() != clone_source;
        created.admits(g.created_date.as_deref(), g.sort_order.as_ref())
            && not_source
            && g.name.as_deref() == name
    }))
}

/// `PATCH /galleries/{id}` with the fields to change.
pub async fn update(client: &Client, id: &str, changes: Value) -> Result<Gallery, ApiError> {
    let what = format!("updating gallery {id}");
    let body = json!({ "galleryId": id, "gallery": changes });
    let call = Call::new(Method::PATCH, format!("{PREFIX}/galleries/{id}"), &what).body(&body);
    let intent = client.echo_intent(Op::GalleryUpdated, id, id);
    let reply = client.send(call).await?;
    let updated: Gallery = answer::field(&what, &reply, &["gallery"])?;
    let after = serde_json::to_value(&updated).unwrap_or(Value::Null);
    client.echo_done(
        intent,
        &[Write::update(
            Op::GalleryUpdated,
            id,
            id,
            &body["gallery"],
            &after,
        )],
    );
    Ok(updated)
}

/// `DELETE /galleries/{id}`.
pub async fn delete(client: &Client, id: &str) -> Result<(), ApiError> {
    let what = format!("deleting gallery {id}");
    let call =
        Call::new(Method::DELETE, format!("{PREFIX}/galleries/{id}"), &what).query("galleryId", id);
    let intent = client.echo_intent(Op::GalleryDeleted, id, id);
    client.send(call).await?;
    client.echo_done(intent, &[Write::new(Op::GalleryDeleted, id, id)]);
    Ok(())
}
