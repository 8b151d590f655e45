//! `progallery galleries list|get|create|clone|update|delete`.

use anyhow::{Context as _, Result};
use serde_json::{json, Map, Value};

use super::confirm_destructive;
use super::input::{parse_json, read_input};
use crate::api::galleries::{self, GalleryPages};
use crate::api::model::Gallery;
use crate::api::paging;
use crate::cli::OutputFormat;
use crate::cli::{
    GalleriesCloneArgs, GalleriesCmd, GalleriesCreateArgs, GalleriesDeleteArgs, GalleriesListArgs,
    GalleriesUpdateArgs, GalleryIdArg,
};
use crate::context::Context;
use crate::error::CliError;
use crate::journal::Journal;

pub async fn run(cmd: GalleriesCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        GalleriesCmd::List(args) => list(args, ctx).await,
        GalleriesCmd::Get(args) => get(args, ctx).await,
        GalleriesCmd::Create(args) => create(args, ctx).await,
        GalleriesCmd::Clone(args) => clone(args, ctx).await,
        GalleriesCmd::Update(args) => update(args, ctx).await,
        GalleriesCmd::Delete(args) => delete(args, ctx).await,
        GalleriesCmd::Restore(args) => super::galleries_restore::run(args, ctx).await,
        GalleriesCmd::Export(args) => super::portable::export::run(args, ctx).await,
        GalleriesCmd::Import(args) => super::portable::import::run(args, ctx).await,
        GalleriesCmd::Copy(args) => super::portable::copy::run(args, ctx).await,
    }
}

async fn list(args: GalleriesListArgs, ctx: &Context) -> Result<i32> {
    let client = ctx.client().await?;
    let mut out = ctx.printer.list::<Gallery>()?;
    if !args.paging.all {
        let limit = args.limit.unwrap_or(paging::GALLERIES.default);
        let page = galleries::list(client, args.paging.offset, limit, None).await?;
        for gallery in &page.galleries {
            out.push(gallery)?;
        }
        out.finish()?;
        // A first page that holds them all is the whole list: completion gets their names.
        let whole = page.total.is_some_and(|t| t <= page.galleries.len() as u64);
        if args.paging.offset == 0 && whole {
            ctx.remember_gallery_names(&page.galleries);
        }
        if let Some(total) = page.total {
            super::say_how_many_more(
                ctx,
                args.paging.offset,
                page.galleries.len(),
                total,
                "galleries",
            );
        }
        return Ok(0);
    }
    // The first page says how many there are; the rest are fetched a few at a time, in order.
    let mut pages = GalleryPages::new(client, None);
    let mut all = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page?;
        for gallery in &page {
            out.push(gallery)?;
        }
        out.page_done()?;
        all.extend(page.into_iter().map(|mut g| {
            g.items = None;
            g
        }));
    }
    out.finish()?;
    ctx.remember_gallery_names(&all);
    ctx.printer
        .warn_changed(pages.mismatch(), "galleries", "the site");
    Ok(0)
}

async fn get(args: GalleryIdArg, ctx: &Context) -> Result<i32> {
    let id = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let client = ctx.client().await?;
    // JSON is the gallery and every item (what `galleries create --from-file` reads back);
    // the other forms show the gallery's own fields and its item count.
    let gallery = match ctx.printer.format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            super::portable::whole_gallery(client, &id, &ctx.printer).await?
        }
        _ => galleries::get(client, &id, 0, Some(1)).await?,
    };
    ctx.printer.detail(&gallery)?;
    Ok(0)
}

/// Reads a gallery from a file: `{"gallery": {...}}` or the bare object (`galleries get -o json`).
fn gallery_from_file(source: &str) -> Result<Value> {
    let text = read_input(source, "the gallery")?;
    let json = parse_json(&text, &format!("the gallery in {source}"))?;
    let gallery = match json {
        Value::Object(mut map) if map.contains_key("gallery") => {
            map.remove("gallery").unwrap_or_default()
        }
        other => other,
    };
    if !gallery.is_object() {
        return Err(
            CliError::usage(format!("{source} must hold a JSON object (a gallery)"))
                .with_hint("give `{\"gallery\": {…}}` or the bare object, as `progallery galleries get ID -o json` prints it")
                .into(),
        );
    }
    Ok(gallery)
}

async fn create(args: GalleriesCreateArgs, ctx: &Context) -> Result<i32> {
    let mut gallery = match &args.from_file {
        Some(source) => {
            let mut gallery = gallery_from_file(source)?;
            refuse_a_partial_dump(source, &gallery)?;
            // A gallery's sortOrder is unique on its site: the one in a dump (`galleries get -o
            // json`) belongs to the original, so the copy gets a fresh one unless --sort-order says.
            if let Some(map) = gallery.as_object_mut() {
                map.remove("sortOrder");
            }
            gallery
        }
        None => Value::Object(Map::new()),
    };
    if let Some(name) = &args.name {
        gallery["name"] = json!(name);
    }
    if let Some(sort_order) = args.sort_order {
        gallery["sortOrder"] = json!(finite_sort_order(sort_order)?);
    }
    let client = ctx.client().await?;
    let created = galleries::create(client, gallery, None, ctx.attempts()).await?;
    ctx.printer.one(&created)?;
    Ok(0)
}

async fn clone(args: GalleriesCloneArgs, ctx: &Context) -> Result<i32> {
    let id = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let mut overrides = Map::new();
    if let Some(name) = &args.name {
        overrides.insert("name".into(), json!(name));
    }
    let client = ctx.client().await?;
    let created =
        galleries::create(client, Value::Object(overrides), Some(&id), ctx.attempts()).await?;
    ctx.printer.one(&created)?;
    Ok(0)
}

async fn update(args: GalleriesUpdateArgs, ctx: &Context) -> Result<i32> {
    let mut changes = Map::new();
    if let Some(name) = &args.name {
        changes.insert("name".into(), json!(name));
    }
    if let Some(sort_order) = args.sort_order {
        changes.insert("sortOrder".into(), json!(finite_sort_order(sort_order)?));
    }
    if changes.is_empty() {
        return Err(
            CliError::usage("nothing to change: give --name and/or --sort-order")
                .with_hint(format!(
                    "progallery galleries update {} --name \"New name\"",
                    args.gallery_id.as_deref().unwrap_or("GALLERY")
                ))
                .into(),
        );
    }
    let id = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let client = ctx.client().await?;
    let updated = galleries::update(client, &id, Value::Object(changes)).await?;
    ctx.printer.one(&updated)?;
    Ok(0)
}

async fn delete(args: GalleriesDeleteArgs, ctx: &Context) -> Result<i32> {
    let id = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let client = ctx.client().await?;
    // Read it first: the confirmation and the dry run show what goes, and a wrong id is a 404 now.
    let gallery = galleries::get(client, &id, 0, Some(1))
        .await
        .context("looking up the gallery to delete")?;
    let name = gallery.name.clone().unwrap_or_default();
    let items = gallery.total_items.unwrap_or(0);
    let description = if name.is_empty() {
        format!("gallery {} ({items} items)", id)
    } else {
        format!("gallery {:?} {} ({items} items)", name, id)
    };
    if args.destructive.dry_run {
        ctx.printer.one(&gallery)?;
        ctx.printer.notice(&format!(
            "dry run: would delete {description}; nothing was sent"
        ));
        return Ok(0);
    }
    let mut accepted = vec![id.clone()];
    if !name.is_empty() {
        accepted.push(name.clone());
    }
    confirm_destructive(
        ctx,
        &args.destructive,
        &format!("Delete {description}?"),
        Some(&accepted),
    )?;
    // Journal the gallery and every item before anything goes (`galleries restore` reads it).
    let items = crate::select::list_gallery(client, &id, &ctx.printer)
        .await
        .context("reading the gallery's items for the journal")?;
    let mut journal = Journal::create(&ctx.paths.data_dir, "galleries delete", &id)?;
    journal.record_gallery(&gallery)?;
    journal.record_items(&id, &items)?;
    ctx.printer.notice(&format!(
        "journal: {} (undo: progallery galleries restore --journal {})",
        journal.path().display(),
        journal.path().display()
    ));
    galleries::delete(client, &id).await?;
    ctx.printer.notice(&format!("deleted {description}"));
    // For scripts, the data of a delete is what went (`-o id` gives its id); a person has the notice.
    if ctx.printer.format != crate::cli::OutputFormat::Table {
        ctx.printer.one(&gallery)?;
    }
    Ok(0)
}

/// A dump that holds fewer items than its gallery had (`galleries get -o json` of an older
/// version held one page) would make a copy that silently lacks the rest: refused, naming the
/// verbs that copy a gallery whole.
fn refuse_a_partial_dump(source: &str, gallery: &Value) -> Result<()> {
    let total = gallery
        .get("totalItems")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let held = gallery
        .get("items")
        .and_then(Value::as_array)
        .map_or(0, Vec::len) as u64;
    if held >= total {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{source} holds {held} of the gallery's {total} items (totalItems); a gallery made from it would lack {}; nothing was created",
        total - held
    ))
    .with_hint("take the whole gallery: `progallery galleries export GALLERY_ID DIR` then `progallery galleries import DIR` (or `progallery galleries get GALLERY_ID -o json`, which holds every item)")
    .into())
}

/// `--sort-order nan` or `inf` parse as numbers but JSON has no such values (serde would send
/// `null`, silently clearing the field): refuse them before anything is sent.
fn finite_sort_order(value: f64) -> Result<f64> {
    if value.is_finite() {
        return Ok(value);
    }
    Err(
        CliError::usage(format!("--sort-order {value} is not a finite number"))
            .with_hint("give a plain number such as 3 or -1.5")
            .into(),
    )
}
