//! Galleries you can take with you: `galleries export` (a self-contained folder: the JSON, the
//! media files, a contact sheet), `galleries import` (into any site, re-uploading the media, with
//! an old → new id map), `galleries copy` (both in one step, between two profiles), `items
//! download` (the media of selected items and a mapping) and `items sync` (a gallery kept in step
//! with a folder).
//!
//! The pieces: `naming` (file names and escapes), `files` (atomic writes, JSON lines), `media`
//! (which files an item has, and their downloads), `manifest` (the export's record of its files),
//! `sheet` (the contact sheet), `export`, `download`, `idmap` (old → new ids), `import`, `copy`
//! and `sync`.

pub mod copy;
pub mod download;
pub mod export;
mod files;
mod idmap;
pub mod import;
mod manifest;
mod media;
mod naming;
mod sheet;
pub mod sync;

use crate::api::items::ItemPages;
use crate::api::model::Gallery;
use crate::api::{ApiError, Client};
use crate::output::Printer;

/// A gallery with every item (get-gallery with its first page of 100, then the other pages, a
/// few at once), as `galleries get -o json` and `galleries export` give it: the service's object,
/// its `items` holding them all.
pub async fn whole_gallery(
    client: &Client,
    id: &str,
    printer: &Printer,
) -> Result<Gallery, ApiError> {
    let first = ItemPages::first_page(client, id).await?;
    let mut gallery = first.clone();
    let total = first.total_items.unwrap_or(0);
    let mut pages = ItemPages::after_first_page(client, id, first);
    let mut items = Vec::new();
    let mut progress = None;
    while let Some(page) = pages.next_page().await {
        items.extend(page?);
        if (items.len() as u64) < total {
            progress
                .get_or_insert_with(|| printer.progress(total, "reading items"))
                .set_position(items.len() as u64);
        }
    }
    if let Some(progress) = progress {
        progress.finish_and_clear();
    }
    printer.warn_changed(pages.mismatch(), "items", "the gallery");
    gallery.items = Some(items);
    Ok(gallery)
}
