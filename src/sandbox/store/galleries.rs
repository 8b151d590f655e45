//! Galleries of a site: list (by creation, oldest first), create (empty, with items, or as a clone),
//! update (`name`, `sortOrder`), and delete with its items. `UNIQUE (site, sort_order)` enforces
//! the per-site sortOrder rule.

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::{Map, Value};

use super::items::{self, NewItem};
use super::{
    find_gallery, gallery_from_row, next_default_sort_order, now, GalleryRow, GALLERY_COLUMNS,
};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::events::Event;
use crate::sandbox::readings::{Readings, SortOrderScale};

/// One page of a site's galleries, each with its first `item_limit` items, and the site's total.
pub fn list(
    tx: &Transaction,
    site: &str,
    offset: i64,
    limit: i64,
    item_limit: i64,
) -> ApiResult<(i64, Vec<Value>)> {
    let total: i64 = tx
        .prepare_cached("SELECT COUNT(*) FROM galleries WHERE site = ?1")?
        .query_row([site], |row| row.get(0))?;
    let rows: Vec<GalleryRow> = {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT {GALLERY_COLUMNS} FROM galleries WHERE site = ?1
             ORDER BY created_ms, id LIMIT ?2 OFFSET ?3"
        ))?;
        let mapped = stmt.query_map(params![site, limit, offset], gallery_from_row)?;
        mapped.collect::<rusqlite::Result<_>>()?
    };
    let mut galleries = Vec::with_capacity(rows.len());
    for row in rows {
        let page = items::page(tx, &row, 0, item_limit)?;
        galleries.push(row.to_json(page));
    }
    Ok((total, galleries))
}

fn gallery_sort_order_taken(
    tx: &Transaction,
    site: &str,
    sort_order: f64,
    except_pk: Option<i64>,
) -> ApiResult<bool> {
    let found: Option<i64> = tx
        .prepare_cached("SELECT pk FROM galleries WHERE site = ?1 AND sort_order = ?2")?
        .query_row(params![site, sort_order], |row| row.get(0))
        .optional()?;
    Ok(matches!(found, Some(pk) if Some(pk) != except_pk))
}

fn check_name(gallery: &Map<String, Value>) -> ApiResult<Option<Option<String>>> {
    match gallery.get("name") {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) => Ok(Some(Some(s.clone()))),
        Some(_) => Err(ApiError::validation(vec![Violation::wrong_type(
            "gallery.name",
            "a string",
        )])),
    }
}

fn check_sort_order(gallery: &Map<String, Value>) -> ApiResult<Option<f64>> {
    match gallery.get("sortOrder") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| {
            ApiError::validation(vec![Violation::wrong_type("gallery.sortOrder", "a number")])
        }),
    }
}

/// What a new gallery starts from: fixed id/date (seeding) or fresh ones.
pub struct NewGallery {
    pub id: Option<String>,
    pub created: Option<(i64, String)>,
}

/// Creates a gallery from the request's `gallery` (may be empty) and, when cloning, the source
/// gallery's name and items. Returns the created gallery (first `item_limit` items) and its events.
pub fn create(
    tx: &Transaction,
    site: &str,
    gallery: &Map<String, Value>,
    clone_from: Option<&str>,
    new: NewGallery,
    item_limit: i64,
    readings: Readings,
) -> ApiResult<(Value, Vec<Event>)> {
    let name = check_name(gallery)?;
    let sort_order = check_sort_order(gallery)?;
    let given_items: Option<&Vec<Value>> = match gallery.get("items") {
        None | Some(Value::Null) => None,
        Some(Value::Array(list)) => Some(list),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "gallery.items",
                "an array of items",
            )]))
        }
    };

    // Cloning: copy name and items unless the request overrides them.
    let (source_name, source_items) = match clone_from {
        Some(source_id) => {
            let source = find_gallery(tx, site, source_id)?
                .ok_or_else(|| ApiError::gallery_not_found(source_id))?;
            let copied = items::all_items(tx, source.pk)?;
            (source.name, Some(copied))
        }
        None => (None, None),
    };
    let name = match name {
        Some(given) => given,
        None => source_name,
    };

    let sort_order = match sort_order {
        Some(explicit) => {
            if gallery_sort_order_taken(tx, site, explicit, None)? {
                return Err(ApiError::sort_order_taken(explicit, "gallery of this site"));
            }
            explicit
        }
        // A gallery's default is in seconds (spec §3); the scale switch is about items.
        None => next_default_sort_order(tx, SortOrderScale::Seconds, |candidate| {
            gallery_sort_order_taken(tx, site, candidate, None)
        })?,
    };
    let id = new.id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let (created_ms, created_date) = new.created.unwrap_or_else(now);
    let inserted = tx
        .prepare_cached(
            "INSERT INTO galleries (site, id, name, sort_order, created_ms, created_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            site,
            id,
            name,
            sort_order,
            created_ms,
            created_date
        ])?;
    if inserted == 0 {
        return Err(ApiError::internal(format!(
            "gallery id {id} already exists"
        )));
    }
    let mut row = GalleryRow {
        pk: tx.last_insert_rowid(),
        id: id.clone(),
        name,
        sort_order,
        created_date,
        item_count: 0,
        order_version: 0,
    };

    let mut created_items = Vec::new();
    match given_items {
        Some(list) => {
            for (i, entry) in list.iter().enumerate() {
                let field = format!("gallery.items[{i}]");
                let Some(item) = entry.as_object() else {
                    return Err(ApiError::validation(vec![Violation::wrong_type(
                        field,
                        "an object",
                    )]));
                };
                created_items.push(items::create_item(
                    tx,
                    &mut row,
                    item,
                    &field,
                    NewItem {
                        id: None,
                        created: None,
                    },
                    readings,
                )?);
            }
        }
        None => {
            // Clone: the copies keep their sortOrder (so their relative order) but get new ids
            // and fresh dates.
            for (i, source) in source_items.unwrap_or_default().iter().enumerate() {
                let Some(item) = source.as_object() else {
                    continue;
                };
                created_items.push(items::create_item(
                    tx,
                    &mut row,
                    item,
                    &format!("cloned item {i}"),
                    NewItem {
                        id: None,
                        created: None,
                    },
                    readings,
                )?);
            }
        }
    }
    // The created event carries the gallery as the API answers it (so `totalItems` counts the
    // items created with it), with `items: []` as spec §5 says; its items follow as their own
    // events.
    let mut events = Vec::with_capacity(created_items.len() + 1);
    events.push(Event::GalleryCreated {
        site: site.to_string(),
        gallery: row.to_json(Vec::new()),
    });
    for item in &created_items {
        events.push(Event::ItemCreated {
            site: site.to_string(),
            gallery_id: id.clone(),
            item: item.clone(),
        });
    }
    let page = items::page(tx, &row, 0, item_limit)?;
    Ok((row.to_json(page), events))
}

/// Applies `name` and `sortOrder` from a partial gallery; other fields (including `items`) are
/// ignored. Returns the gallery with a page of items, and its event.
pub fn update(
    tx: &Transaction,
    site: &str,
    id: &str,
    patch: &Map<String, Value>,
    item_offset: i64,
    item_limit: i64,
) -> ApiResult<(Value, Vec<Event>)> {
    let name = check_name(patch)?;
    let sort_order = check_sort_order(patch)?;
    let mut row = find_gallery(tx, site, id)?.ok_or_else(|| ApiError::gallery_not_found(id))?;
    if let Some(name) = name {
        row.name = name;
    }
    if let Some(sort_order) = sort_order {
        if sort_order != row.sort_order
            && gallery_sort_order_taken(tx, site, sort_order, Some(row.pk))?
        {
            return Err(ApiError::sort_order_taken(
                sort_order,
                "gallery of this site",
            ));
        }
        row.sort_order = sort_order;
    }
    tx.prepare_cached("UPDATE galleries SET name = ?1, sort_order = ?2 WHERE pk = ?3")?
        .execute(params![row.name, row.sort_order, row.pk])?;
    let events = vec![Event::GalleryUpdated {
        site: site.to_string(),
        gallery: row.to_json(Vec::new()),
    }];
    let page = items::page(tx, &row, item_offset, item_limit)?;
    Ok((row.to_json(page), events))
}

/// Deletes a gallery and its items: one ItemDeleted event per item, then GalleryDeleted.
pub fn delete(tx: &Transaction, site: &str, id: &str) -> ApiResult<Vec<Event>> {
    let row = find_gallery(tx, site, id)?.ok_or_else(|| ApiError::gallery_not_found(id))?;
    let item_ids = items::all_item_ids(tx, row.pk)?;
    tx.prepare_cached("DELETE FROM items WHERE gallery_pk = ?1")?
        .execute([row.pk])?;
    tx.prepare_cached("DELETE FROM galleries WHERE pk = ?1")?
        .execute([row.pk])?;
    let mut events: Vec<Event> = item_ids
        .into_iter()
        .map(|item_id| Event::ItemDeleted {
            site: site.to_string(),
            gallery_id: id.to_string(),
            item_id,
            gallery_deleted: true,
        })
        .collect();
    events.push(Event::GalleryDeleted {
        site: site.to_string(),
        gallery_id: id.to_string(),
    });
    Ok(events)
}
