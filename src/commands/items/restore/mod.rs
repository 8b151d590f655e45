//! `progallery items restore --journal FILE [--gallery G]`: re-creates journaled items with their
//! sortOrder, titles, descriptions, media, links, tags (and any other field the service keeps).
//!
//! Idempotence without a marker: a gallery never holds two items with the same sortOrder, and a
//! journaled item keeps its original sortOrder, so an item of the target gallery with the same
//! sortOrder *and* the same media (or text) is that item, already back (or never deleted): it is
//! skipped. The same sortOrder with other content is a conflict, reported as failed, never
//! overwritten. Creates reconcile after an ambiguous failure (see `api::items::create`), so a
//! retry inside one run cannot duplicate either. How the creates go (a few at once, patient with
//! a busy service, settled by position when an answer was lost) is in `create.rs`.

mod create;

use std::collections::HashMap;

use anyhow::Result;
use serde_json::Value;

use super::slowdown;
use crate::api::model::Item;
use crate::api::Client;
use crate::cli::ItemsRestoreArgs;
use crate::commands::input::require_guid;
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::journal;
use crate::output::Record;
use crate::select;

pub async fn run(args: ItemsRestoreArgs, ctx: &Context) -> Result<i32> {
    let contents = journal::read(&args.journal)?;
    let target = match (&args.gallery, &contents.gallery_id) {
        (Some(g), _) => ctx.resolve_gallery(g).await?,
        (None, Some(g)) => {
            require_guid(g, "gallery id")?;
            g.clone()
        }
        (None, None) => {
            return Err(CliError::usage("the journal names no gallery: give --gallery").into())
        }
    };
    let client = ctx.client().await?;
    let mut report = Report::new(ctx, Rows::Restorations, outcome::RESTORED);
    report.keep_id_table(&args.journal);
    restore_items(ctx, client, &target, &contents.items, &mut report)
        .await
        .map_err(|e| {
            if args.gallery.is_none() && crate::error::kind_of(&e) == Kind::NotFound {
                e.context(format!(
                    "gallery {target} is gone; restore it with `progallery galleries restore --journal FILE` if its delete was journaled, or pick another with --gallery"
                ))
            } else {
                e
            }
        })?;
    let result = report.finish(&target);
    mark_restored(ctx, &args.journal, "items restore", &target, result.is_ok());
    result
}

/// Appends the restore's record to the journal (what `progallery journals` shows); a journal
/// that cannot take it only loses that mark, so a failure is a warning.
pub fn mark_restored(
    ctx: &Context,
    path: &std::path::Path,
    command: &str,
    gallery: &str,
    complete: bool,
) {
    if let Err(e) = journal::mark_restored(path, command, gallery, complete) {
        ctx.printer.warn(&format!("{e:#}"));
    }
}

/// Re-creates `journaled` items in `gallery` unless already there; adds each one's outcome to
/// `report` as it is settled.
pub async fn restore_items(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    journaled: &[Item],
    report: &mut Report<'_>,
) -> Result<()> {
    let existing =
        slowdown::patiently(ctx, || select::list_gallery(client, gallery, &ctx.printer)).await?;
    let by_sort: HashMap<String, &Item> = existing
        .iter()
        .filter_map(|item| item.sort_order.as_ref().map(|s| (sort_key(s), item)))
        .collect();
    let mut to_create = Vec::new();
    for item in journaled {
        let original_id = item.id.clone().unwrap_or_default();
        let occupant = item
            .sort_order
            .as_ref()
            .and_then(|s| by_sort.get(&sort_key(s)));
        match occupant {
            Some(there) if same_content(there, item) => {
                let present = Outcome::of_item((*there).clone(), Status::Present);
                report.add(present.with_original_id(original_id))?;
            }
            Some(there) => {
                let error = format!(
                    "its sortOrder is taken by item {} with other content; not restored",
                    there.id.as_deref().unwrap_or("?")
                );
                report.add(Outcome::failed(None, error).with_original_id(original_id))?;
            }
            None => to_create.push(item),
        }
    }
    ctx.handle_interrupts();
    create::create_missing(ctx, client, gallery, to_create, report).await
}

/// A sortOrder as a lookup key: its value as a double, so `5` and `5.0` are the same position.
fn sort_key(n: &serde_json::Number) -> String {
    n.as_f64()
        .map(|f| f.to_bits().to_string())
        .unwrap_or_else(|| n.to_string())
}

fn same_content(a: &Item, b: &Item) -> bool {
    a.kind() == b.kind() && a.media() == b.media()
}

/// The journaled item as a create body: everything but what the service sets itself.
fn creatable(item: &Item) -> Value {
    let mut value = item.to_json();
    if let Some(map) = value.as_object_mut() {
        for read_only in ["id", "type", "createdDate", "updatedDate"] {
            map.remove(read_only);
        }
    }
    value
}
