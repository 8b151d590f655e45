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
use serde_json::{json, Value};

use super::slowdown;
use crate::api::model::Item;
use crate::api::Client;
use crate::cli::{ItemsRestoreArgs, OutputFormat};
use crate::commands::input::require_guid;
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::journal;
use crate::output::Record;
use crate::select;

/// What happened to one journaled item: `{"id","originalId","status","error"}`.
pub struct Outcome {
    /// The item's id now (new when restored, the existing one when already there).
    pub id: Option<String>,
    pub original_id: String,
    /// `restored`, `present` or `failed`.
    pub status: &'static str,
    pub error: Option<String>,
}

impl Record for Outcome {
    const HEADERS: &'static [&'static str] = &["ID", "ORIGINAL ID", "STATUS", "ERROR"];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.original_id.clone(),
            self.status.to_string(),
            self.error.clone().unwrap_or_default(),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        json!({"id": self.id, "originalId": self.original_id, "status": self.status, "error": self.error})
    }
}

/// Counts of a restore.
#[derive(Debug, Default)]
pub struct Tally {
    pub restored: usize,
    pub present: usize,
    pub failed: Vec<(String, String)>,
    pub not_sent: usize,
}

pub async fn run(args: ItemsRestoreArgs, ctx: &Context) -> Result<i32> {
    let contents = journal::read(&args.journal)?;
    let target = match (&args.gallery, &contents.gallery_id) {
        (Some(g), _) => g.clone(),
        (None, Some(g)) => g.clone(),
        (None, None) => {
            return Err(CliError::usage("the journal names no gallery: give --gallery").into())
        }
    };
    require_guid(&target, "gallery id")?;
    let client = ctx.client().await?;
    let mut out = ctx.printer.list::<Outcome>()?;
    let tally = restore_items(ctx, client, &target, &contents.items, |outcome| {
        if ctx.printer.format != OutputFormat::Id || outcome.status != "failed" {
            out.push(&outcome)?;
            out.page_done()?;
        }
        Ok(())
    })
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
    out.finish()?;
    finish(ctx, &target, &tally)
}

/// The summary and exit code of a restore.
pub fn finish(ctx: &Context, gallery: &str, tally: &Tally) -> Result<i32> {
    let total = tally.restored + tally.present + tally.failed.len() + tally.not_sent;
    let mut summary = format!(
        "restored {} of {total} item(s) into gallery {gallery}",
        tally.restored
    );
    if tally.present > 0 {
        summary.push_str(&format!("; {} already there (skipped)", tally.present));
    }
    if !tally.failed.is_empty() {
        summary.push_str(&format!("; {} failed", tally.failed.len()));
    }
    if tally.not_sent > 0 {
        summary.push_str(&format!("; {} not sent", tally.not_sent));
    }
    for (id, error) in &tally.failed {
        ctx.printer.warn(&format!("failed: {id} ({error})"));
    }
    if ctx.was_interrupted() {
        return Err(
            CliError::new(Kind::Interrupted, format!("interrupted: {summary}"))
                .with_hint("run the same restore again to finish: what is back is skipped")
                .into(),
        );
    }
    if !tally.failed.is_empty() {
        return Err(CliError::new(Kind::Partial, format!("{summary} (listed above)")).into());
    }
    ctx.printer.notice(&summary);
    Ok(0)
}

/// Re-creates `journaled` items in `gallery` unless already there; calls `report` per item.
pub async fn restore_items(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    journaled: &[Item],
    mut report: impl FnMut(Outcome) -> std::io::Result<()>,
) -> Result<Tally> {
    let existing =
        slowdown::patiently(ctx, || select::list_gallery(client, gallery, &ctx.printer)).await?;
    let by_sort: HashMap<String, &Item> = existing
        .iter()
        .filter_map(|item| item.sort_order.as_ref().map(|s| (sort_key(s), item)))
        .collect();
    let mut tally = Tally::default();
    let mut to_create = Vec::new();
    for item in journaled {
        let original_id = item.id.clone().unwrap_or_default();
        let occupant = item
            .sort_order
            .as_ref()
            .and_then(|s| by_sort.get(&sort_key(s)));
        match occupant {
            Some(there) if same_content(there, item) => {
                tally.present += 1;
                report(Outcome {
                    id: there.id.clone(),
                    original_id,
                    status: "present",
                    error: None,
                })?;
            }
            Some(there) => {
                let error = format!(
                    "its sortOrder is taken by item {} with other content; not restored",
                    there.id.as_deref().unwrap_or("?")
                );
                tally.failed.push((original_id.clone(), error.clone()));
                report(Outcome {
                    id: None,
                    original_id,
                    status: "failed",
                    error: Some(error),
                })?;
            }
            None => to_create.push(item),
        }
    }
    ctx.handle_interrupts();
    create::create_missing(ctx, client, gallery, to_create, &mut tally, &mut report).await?;
    Ok(tally)
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
