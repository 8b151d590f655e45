//! Which items of a gallery a command acts on: ids (arguments or `--ids-from`, see `ids`), `--all`,
//! and `--where` (see `filter`), resolved against the gallery as listed now. Shared by
//! `items list --where` (look) and `items bulk-delete` (act), so what a user looked at is exactly
//! what gets deleted.
//!
//! Request budget: the whole gallery is read in pages of 100 (`api::items::ItemPages`), the first
//! through get-gallery (which also says how many items there are), so N items cost ceil(N/100)
//! reads. A handful of ids in a big gallery are read one by one instead, when that is fewer
//! requests.

pub mod filter;
pub mod ids;

use std::collections::{HashMap, HashSet};

use futures::{stream, StreamExt};

use crate::api::items::{self, ItemPages};
use crate::api::model::{Gallery, Item};
use crate::api::{paging, ApiError, Client};
use crate::output::Printer;
pub use filter::{Filter, GalleryFacts};

/// Single items read at once: as many as pages in a walk.
const CONCURRENT_READS: usize = paging::CONCURRENT_PAGES;

/// What to select. Ids and a filter together select the given ids that match the filter.
#[derive(Debug, Default)]
pub struct Criteria {
    /// Explicit ids, de-duplicated, in input order.
    pub ids: Vec<String>,
    pub all: bool,
    pub filter: Option<Filter>,
}

/// The outcome of a selection.
#[derive(Debug, Default)]
pub struct Selection {
    /// The selected items as the service has them now: gallery order, or input order for ids
    /// read one by one.
    pub items: Vec<Item>,
    /// Explicit ids that are not in the gallery (already gone).
    pub missing: Vec<String>,
    /// Explicit ids that could not be read, with the error.
    pub unreadable: Vec<(String, String)>,
    /// Items looked at.
    pub scanned: u64,
    /// Each selected item's 1-based position in the gallery, when the whole gallery was read
    /// (empty otherwise).
    pub positions: Vec<u64>,
}

/// Reads every item of a gallery, in gallery order, with a progress bar when on a terminal.
pub async fn list_gallery(
    client: &Client,
    gallery: &str,
    printer: &Printer,
) -> Result<Vec<Item>, ApiError> {
    let first = ItemPages::first_page(client, gallery).await?;
    read_whole(client, gallery, printer, first).await
}

/// Reads the whole gallery from a get-gallery answer holding its first page; a progress bar
/// when there is more to read than that page.
async fn read_whole(
    client: &Client,
    gallery: &str,
    printer: &Printer,
    first: Gallery,
) -> Result<Vec<Item>, ApiError> {
    let total = first.total_items.unwrap_or(0);
    let mut pages = ItemPages::after_first_page(client, gallery, first);
    let mut all = Vec::new();
    let mut progress = None;
    while let Some(page) = pages.next_page().await {
        let page = page?;
        all.extend(page);
        let read = all.len() as u64;
        if read < total {
            progress
                .get_or_insert_with(|| printer.progress(total, "listing items"))
                .set_position(read);
        }
    }
    if let Some(progress) = progress {
        progress.finish_and_clear();
    }
    printer.warn_changed(pages.mismatch(), "items", "the gallery");
    Ok(all)
}

/// Resolves `criteria` against the gallery.
pub async fn select(
    client: &Client,
    gallery: &str,
    criteria: &Criteria,
    printer: &Printer,
) -> Result<Selection, ApiError> {
    let first = ItemPages::first_page(client, gallery).await?;
    let total = first.total_items.unwrap_or(0);
    let whole_gallery = criteria.all || criteria.filter.is_some();
    if !whole_gallery {
        let listed = first.items.as_deref().unwrap_or_default();
        let on_first_page: HashSet<&str> = listed.iter().filter_map(|i| i.id.as_deref()).collect();
        let unresolved = criteria
            .ids
            .iter()
            .filter(|id| !on_first_page.contains(id.as_str()))
            .count() as u64;
        let pages_left = total
            .saturating_sub(listed.len() as u64)
            .div_ceil(u64::from(paging::ITEMS.max));
        if unresolved <= pages_left {
            let first_page = first.items.unwrap_or_default();
            return select_one_by_one(client, gallery, criteria, first_page).await;
        }
    }
    let listed = read_whole(client, gallery, printer, first).await?;
    let scanned = listed.len() as u64;
    let facts = match &criteria.filter {
        Some(filter) if filter.needs_facts() => GalleryFacts::of(&listed),
        _ => GalleryFacts::default(),
    };
    let wanted: Option<HashSet<&str>> = if criteria.ids.is_empty() {
        None
    } else {
        Some(criteria.ids.iter().map(String::as_str).collect())
    };
    let mut found = HashSet::new();
    let mut selected = Vec::new();
    let mut positions = Vec::new();
    for (index, item) in listed.into_iter().enumerate() {
        let id = item.id.clone().unwrap_or_default();
        if let Some(wanted) = &wanted {
            if !wanted.contains(id.as_str()) {
                continue;
            }
            found.insert(id.clone());
        }
        if criteria
            .filter
            .as_ref()
            .map_or(true, |filter| filter.matches(&item, &facts))
        {
            selected.push(item);
            positions.push(index as u64 + 1);
        }
    }
    let missing = criteria
        .ids
        .iter()
        .filter(|id| !found.contains(*id))
        .cloned()
        .collect();
    Ok(Selection {
        items: selected,
        missing,
        unreadable: Vec::new(),
        scanned,
        positions,
    })
}

/// A few ids: those on the first page are known already; the others are read one by one.
async fn select_one_by_one(
    client: &Client,
    gallery: &str,
    criteria: &Criteria,
    first_page: Vec<Item>,
) -> Result<Selection, ApiError> {
    let mut known: HashMap<String, Item> = first_page
        .into_iter()
        .filter_map(|item| item.id.clone().map(|id| (id, item)))
        .collect();
    let to_read: Vec<&String> = criteria
        .ids
        .iter()
        .filter(|id| !known.contains_key(id.as_str()))
        .collect();
    let read: Vec<(String, Result<Item, ApiError>)> = stream::iter(to_read)
        .map(|id| async move { (id.clone(), items::get(client, gallery, id).await) })
        .buffered(CONCURRENT_READS)
        .collect()
        .await;
    let mut selection = Selection::default();
    let mut outcomes: HashMap<String, Result<Item, ApiError>> = read.into_iter().collect();
    for id in &criteria.ids {
        let outcome = match known.remove(id) {
            Some(item) => Ok(item),
            None => match outcomes.remove(id) {
                Some(outcome) => outcome,
                // A duplicate id already handled.
                None => continue,
            },
        };
        selection.scanned += 1;
        match outcome {
            Ok(item) => selection.items.push(item),
            Err(ApiError::Status { status: 404, .. }) => selection.missing.push(id.clone()),
            // The gallery itself is unusable: no point going on.
            Err(
                e @ ApiError::Status {
                    status: 401 | 403, ..
                },
            ) => return Err(e),
            Err(e) => selection.unreadable.push((id.clone(), e.to_string())),
        }
    }
    Ok(selection)
}
