//! `progallery galleries restore --journal FILE`: brings back a gallery deleted by `galleries
//! delete` from its journal: the gallery (its name and sortOrder, under a new id) and then every
//! item, as `items restore` does.
//!
//! Idempotence: a site never holds two galleries with the same sortOrder, so a gallery with the
//! journaled sortOrder and name is the restored one (or the original, never deleted): it is reused
//! and only missing items are added. The same sortOrder under another name is a conflict: refused.

use anyhow::Result;
use serde_json::{json, Map};

use super::items::restore;
use super::items::slowdown;
use super::outcome::{self, Outcome, Report, Rows, Status};
use crate::api::galleries::{self, GalleryPages};
use crate::api::model::Gallery;
use crate::api::{ApiError, Client};
use crate::cli::GalleriesRestoreArgs;
use crate::context::Context;
use crate::error::CliError;
use crate::journal;

pub async fn run(args: GalleriesRestoreArgs, ctx: &Context) -> Result<i32> {
    let contents = journal::read(&args.journal)?;
    let Some(original) = contents.gallery else {
        return Err(CliError::usage(format!(
            "{} holds items but no gallery (it was written by `{}`)",
            args.journal.display(),
            contents.command.as_deref().unwrap_or("?")
        ))
        .with_hint("use `progallery items restore --journal FILE` for it")
        .into());
    };
    let client = ctx.client().await?;
    let (gallery, status) = match find_restored(ctx, client, &original).await? {
        Some(found) => {
            ctx.printer.notice(&format!(
                "gallery {} is already back (same name and sortOrder); adding what is missing",
                found.id.as_deref().unwrap_or("?")
            ));
            (found, Status::Present)
        }
        None => {
            let mut spec = Map::new();
            if let Some(name) = &original.name {
                spec.insert("name".into(), json!(name));
            }
            if let Some(sort_order) = &original.sort_order {
                spec.insert("sortOrder".into(), json!(sort_order));
            }
            let spec = serde_json::Value::Object(spec);
            // A busy service pauses the restore instead of failing it, as for the items.
            let created = slowdown::patiently(ctx, || {
                galleries::create(client, spec.clone(), None, ctx.attempts())
            })
            .await?;
            (created, Status::Restored)
        }
    };
    let id = gallery.id.clone().unwrap_or_default();
    // The items' outcomes as for `items restore` (json and jsonl only: a table or `-o id` shows
    // the gallery), then the gallery's own, as it is once its items are back. The summary
    // counts the items.
    let mut report = Report::new(ctx, Rows::Galleries, outcome::RESTORED);
    report.keep_id_table(&args.journal);
    restore::restore_items(ctx, client, &id, &contents.items, &mut report).await?;
    let current = slowdown::patiently(ctx, || galleries::get(client, &id, 0, Some(1))).await?;
    let mut gallery_outcome = Outcome::new(current.id.clone(), status).with_gallery(current);
    if let Some(original_id) = &original.id {
        gallery_outcome = gallery_outcome.with_original_id(original_id.clone());
    }
    report.add_uncounted(gallery_outcome)?;
    let result = report.finish(&id);
    super::items::restore::mark_restored(
        ctx,
        &args.journal,
        "galleries restore",
        &id,
        result.is_ok(),
    );
    result
}

/// The gallery already at the journaled gallery's position, if it has the same name.
async fn find_restored(
    ctx: &Context,
    client: &Client,
    original: &Gallery,
) -> Result<Option<Gallery>> {
    let Some(wanted) = original.sort_order.as_ref().and_then(|n| n.as_f64()) else {
        return Ok(None);
    };
    // A busy service pauses the search and starts it again, as for the items.
    let Some(gallery) = slowdown::patiently(ctx, || at_position(client, wanted)).await? else {
        return Ok(None);
    };
    if gallery.name == original.name {
        return Ok(Some(gallery));
    }
    Err(CliError::usage(format!(
        "gallery {} now holds the deleted gallery's position (sortOrder {wanted}) under another name; not restoring over it",
        gallery.id.as_deref().unwrap_or("?")
    ))
    .with_hint("restore the items elsewhere: `progallery galleries create`, then `progallery items restore --journal FILE --gallery NEW_ID`")
    .into())
}

/// The gallery at position `sort_order`, if any: the site's galleries read one page after
/// another (each with one item, to keep the answers small) until it turns up.
async fn at_position(client: &Client, sort_order: f64) -> Result<Option<Gallery>, ApiError> {
    let mut pages = GalleryPages::new(client, Some(1)).concurrency(1);
    while let Some(page) = pages.next_page().await {
        let found = page?
            .into_iter()
            .find(|g| g.sort_order.as_ref().and_then(|n| n.as_f64()) == Some(sort_order));
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}
