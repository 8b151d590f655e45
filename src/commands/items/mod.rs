//! `progallery items list|get|add|update|move|reorder|delete|bulk-delete`. Adding, updating,
//! moving, reordering and bulk deleting have their own files (they grow: local files and the
//! Media Manager, positions, filters and journals); `ordering` is the positioning they share.

pub(crate) mod add;
pub(crate) mod batches;
mod bulk_delete;
mod lock;
pub(crate) mod metadata;
mod move_;
pub(crate) mod ordering;
mod reorder;
pub mod restore;
mod search;
pub mod slowdown;
mod update;

use anyhow::Result;

use super::confirm_destructive;
use super::input::require_guid;
use crate::api::items::{self, ItemPages};
use crate::api::model::Item;
use crate::api::paging;
use crate::cli::{ItemRef, ItemsCmd, ItemsDeleteArgs, ItemsListArgs};
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::journal::Journal;

pub async fn run(cmd: ItemsCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        ItemsCmd::List(args) => list(args, ctx).await,
        ItemsCmd::Get(args) => get(args, ctx).await,
        ItemsCmd::Add(args) => add::run(args, ctx).await,
        ItemsCmd::Update(args) => update::run(args, ctx).await,
        ItemsCmd::Move(args) => move_::run(args, ctx).await,
        ItemsCmd::Reorder(args) => reorder::run(args, ctx).await,
        ItemsCmd::Delete(args) => delete(args, ctx).await,
        ItemsCmd::BulkDelete(args) => bulk_delete::run(args, ctx).await,
        ItemsCmd::Search(args) => search::run(args, ctx).await,
        ItemsCmd::Restore(args) => restore::run(args, ctx).await,
        ItemsCmd::Download(args) => crate::commands::portable::download::run(args, ctx).await,
        ItemsCmd::Sync(args) => crate::commands::portable::sync::run(args, ctx).await,
    }
}

async fn list(args: ItemsListArgs, ctx: &Context) -> Result<i32> {
    // A --where mistake is reported before any request, the gallery's lookup included.
    let filter = match &args.where_expr {
        Some(expr) => Some(crate::select::filter::parse(expr, chrono::Utc::now())?),
        None => None,
    };
    let gallery = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    if let Some(filter) = filter {
        return list_where(&gallery, filter, ctx).await;
    }
    let client = ctx.client().await?;
    let gallery = gallery.as_str();
    let mut out = ctx.printer.list::<Item>()?;
    if !args.paging.all {
        let limit = args.limit.unwrap_or(paging::ITEMS.default);
        let page = items::list(client, gallery, args.paging.offset, limit).await?;
        for (index, item) in page.iter().enumerate() {
            out.push_at(Some(args.paging.offset + index as u64 + 1), item)?;
        }
        out.finish()?;
        // List-items carries no total: only a full page on a terminal asks for it.
        if ctx.printer.terminal.stdout_tty && page.len() as u64 == u64::from(limit) {
            let total = crate::api::galleries::total_items(client, gallery).await?;
            super::say_how_many_more(ctx, args.paging.offset, page.len(), total, "items");
        }
        return Ok(0);
    }
    // List items carries no total: one cheap get-gallery reads it, then every page is known and
    // they are fetched concurrently but printed in order as they come: ceil(N/100)+1 requests.
    let mut pages = ItemPages::count_first(client, gallery).await?;
    let progress = ctx.printer.progress(pages.total(), "listing items");
    let mut position = 0;
    while let Some(page_items) = pages.next_page().await {
        let page_items = page_items?;
        for item in &page_items {
            position += 1;
            out.push_at(Some(position), item)?;
        }
        progress.inc(page_items.len() as u64);
        out.page_done()?;
    }
    progress.finish_and_clear();
    out.finish()?;
    ctx.printer
        .warn_changed(pages.mismatch(), "items", "the gallery");
    Ok(0)
}

/// `items list --where EXPR`: the whole gallery, filtered exactly as `bulk-delete --where`
/// would select (the same code), so a user can look before deleting.
async fn list_where(
    gallery: &str,
    filter: crate::select::filter::Filter,
    ctx: &Context,
) -> Result<i32> {
    let criteria = crate::select::Criteria {
        filter: Some(filter),
        ..Default::default()
    };
    let client = ctx.client().await?;
    let selection = crate::select::select(client, gallery, &criteria, &ctx.printer).await?;
    let mut out = ctx.printer.list::<Item>()?;
    for (index, item) in selection.items.iter().enumerate() {
        out.push_at(selection.positions.get(index).copied(), item)?;
    }
    out.finish()?;
    ctx.printer.notice(&format!(
        "{} of {} item(s) match",
        selection.items.len(),
        selection.scanned
    ));
    Ok(0)
}

async fn get(args: ItemRef, ctx: &Context) -> Result<i32> {
    require_guid(&args.item_id, "item id")?;
    let gallery = ctx.resolve_gallery(&args.gallery_id).await?;
    let client = ctx.client().await?;
    let item = items::get(client, &gallery, &args.item_id).await?;
    ctx.printer.detail(&item)?;
    Ok(0)
}

async fn delete(args: ItemsDeleteArgs, ctx: &Context) -> Result<i32> {
    for id in &args.item_ids {
        require_guid(id, "item id")?;
    }
    // An id named twice is one item: deleted, journaled and counted once (as bulk-delete does).
    let mut seen = std::collections::HashSet::new();
    let item_ids: Vec<&String> = args.item_ids.iter().filter(|id| seen.insert(*id)).collect();
    let gallery = ctx.resolve_gallery(&args.gallery_id).await?;
    let client = ctx.client().await?;
    let gallery = gallery.as_str();
    // Read them first: a wrong id fails before anything is deleted, and the dry run shows them.
    let mut targets = Vec::new();
    for id in item_ids {
        targets.push(items::get(client, gallery, id).await?);
    }
    if args.destructive.dry_run {
        let mut out = ctx.printer.list::<Item>()?;
        for item in &targets {
            out.push(item)?;
        }
        out.finish()?;
        ctx.printer.notice(&format!(
            "dry run: would delete {} item(s) from gallery {gallery}; nothing was sent",
            targets.len()
        ));
        return Ok(0);
    }
    let question = match targets.as_slice() {
        [one] => format!(
            "Delete item {:?} ({}) from gallery {gallery}?",
            one.title.as_deref().unwrap_or(""),
            args.item_ids[0]
        ),
        many => format!("Delete {} items from gallery {gallery}?", many.len()),
    };
    confirm_destructive(ctx, &args.destructive, &question, None)?;
    let mut journal = Journal::create(&ctx.paths.data_dir, "items delete", gallery)?;
    journal.record_items(gallery, &targets)?;
    ctx.printer.notice(&format!(
        "journal: {} (undo: progallery items restore --journal {})",
        journal.path().display(),
        journal.path().display()
    ));
    // The same outcomes, summary and exit code as bulk-delete (`commands::outcome`).
    let mut report = Report::new(ctx, Rows::Deletions, outcome::DELETED);
    for item in targets {
        let id = item.id.clone().unwrap_or_default();
        let outcome = match items::delete(client, gallery, &id).await {
            Ok(()) => Outcome::of_item(item, Status::Deleted),
            Err(e) => Outcome::new(Some(id), Status::Failed)
                .with_item(item)
                .with_cause(e),
        };
        report.add(outcome)?;
    }
    report.finish(gallery)
}
