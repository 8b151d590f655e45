//! Items of a gallery: create, read, page, update, delete and bulk delete. An item is stored as its
//! full JSON (so unknown fields, at the top level and inside `image`/`video`/…, round-trip) next
//! to indexed columns for its id and `sortOrder`. Gallery order is `sortOrder`, then creation order
//! (the rowid), read from the `(gallery_pk, sort_order)` index, which ends with the rowid. Whether
//! two items may share a sortOrder is a switch (`readings.rs`): refused by default.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::{Map, Value};

use super::{next_default_sort_order, now, number, GalleryRow};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::readings::{DuplicateSortOrder, Readings};
use crate::sandbox::validate::{check_item, is_kept_item_field, writable_item_fields, Kind};

/// Builds the stored/answered Item object: the fields of spec §3 in its order, then any other
/// field the client sent (`secondaryMedia`, fields this sandbox does not know), then the dates.
fn canonical_item(
    id: &str,
    sort_order: f64,
    fields: &Map<String, Value>,
    kind: Kind,
    created: &str,
    updated: &str,
) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), Value::String(id.to_string()));
    out.insert("sortOrder".into(), number(sort_order));
    for name in ["title", "description"] {
        if let Some(v) = fields.get(name) {
            out.insert(name.into(), v.clone());
        }
    }
    out.insert("type".into(), Value::String(kind.type_name().into()));
    if let Some(v) = fields.get(kind.field()) {
        out.insert(kind.field().into(), v.clone());
    }
    for name in ["link", "tags"] {
        if let Some(v) = fields.get(name) {
            out.insert(name.into(), v.clone());
        }
    }
    for (name, value) in fields {
        if !out.contains_key(name) && name != "sortOrder" {
            out.insert(name.clone(), value.clone());
        }
    }
    out.insert("createdDate".into(), Value::String(created.to_string()));
    out.insert("updatedDate".into(), Value::String(updated.to_string()));
    Value::Object(out)
}

fn sort_order_taken(
    tx: &Transaction,
    gallery_pk: i64,
    sort_order: f64,
    except_pk: Option<i64>,
) -> ApiResult<bool> {
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT pk FROM items WHERE gallery_pk = ?1 AND sort_order = ?2 AND pk != ?3 LIMIT 1",
        )?
        .query_row(
            params![gallery_pk, sort_order, except_pk.unwrap_or(-1)],
            |row| row.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// What a create needs besides the validated fields: fixed id and dates (seeding, cloning keeps
/// the order but not the ids) or fresh ones.
pub struct NewItem {
    pub id: Option<String>,
    pub created: Option<String>,
}

/// Validates `input` (an incoming Item object; `field` is its path in the request) and inserts it
/// into `gallery`. Returns the created item.
pub fn create_item(
    tx: &Transaction,
    gallery: &mut GalleryRow,
    input: &Map<String, Value>,
    field: &str,
    new: NewItem,
    readings: Readings,
) -> ApiResult<Value> {
    let mut fields = writable_item_fields(input);
    let kind = check_item(&mut fields, field)?;
    let sort_order = match fields.get("sortOrder").and_then(Value::as_f64) {
        Some(explicit) => {
            if readings.duplicate_sort_order == DuplicateSortOrder::Reject
                && sort_order_taken(tx, gallery.pk, explicit, None)?
            {
                return Err(ApiError::sort_order_taken(explicit, "item of this gallery"));
            }
            explicit
        }
        // Defaults never repeat a number, whatever the reading: each is a new creation time.
        None => {
            let pk = gallery.pk;
            next_default_sort_order(tx, readings.default_sort_order, |candidate| {
                sort_order_taken(tx, pk, candidate, None)
            })?
        }
    };
    let id = new.id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let created = new.created.unwrap_or_else(|| now().1);
    let item = canonical_item(&id, sort_order, &fields, kind, &created, &created);
    let inserted = tx
        .prepare_cached(
            "INSERT INTO items (gallery_pk, id, sort_order, body) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![gallery.pk, id, sort_order, item.to_string()])?;
    if inserted == 0 {
        return Err(ApiError::internal(format!(
            "item id {id} already exists in gallery {}",
            gallery.id
        )));
    }
    tx.prepare_cached(
        "UPDATE galleries SET item_count = item_count + 1, order_version = random() WHERE pk = ?1",
    )?
    .execute([gallery.pk])?;
    gallery.item_count += 1;
    Ok(item)
}

fn parse_body(text: &str) -> ApiResult<Value> {
    serde_json::from_str(text)
        .map_err(|e| ApiError::internal(format!("stored item is corrupt: {e}")))
}

/// One item of a gallery, with its row key.
pub fn find_item(tx: &Transaction, gallery_pk: i64, id: &str) -> ApiResult<Option<(i64, Value)>> {
    let row: Option<(i64, String)> = tx
        .prepare_cached("SELECT pk, body FROM items WHERE gallery_pk = ?1 AND id = ?2")?
        .query_row(params![gallery_pk, id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    match row {
        Some((pk, body)) => Ok(Some((pk, parse_body(&body)?))),
        None => Ok(None),
    }
}

/// Distance between two page anchors (positions whose sortOrder is remembered).
const ANCHOR_STRIDE: i64 = 256;
/// Galleries whose anchors are kept; past this the cache starts over.
const MAX_ANCHORED_GALLERIES: usize = 64;

/// A place in gallery order: an item's sortOrder and rowid.
type Place = (f64, i64);

/// Page anchors per (gallery row, order version): `anchors[k]` is the place of the item at
/// position `k * ANCHOR_STRIDE`. A page at offset N then starts from anchor `N / STRIDE` with
/// `(sort_order, pk) >= anchor` and skips fewer than STRIDE index entries, instead of N.
///
/// The key includes the gallery's `order_version`, a random value replaced in the same
/// transaction as every change of the gallery's order, by whichever process makes it; a page read
/// sees the version of its own snapshot, so anchors are never used for an order they do not
/// describe. Process-wide rather than per database: the random 64-bit version makes a clash
/// between two databases' galleries with the same row id negligible.
type AnchorCache = HashMap<(i64, i64), Arc<Vec<Place>>>;

fn anchor_cache() -> &'static Mutex<AnchorCache> {
    static CACHE: OnceLock<Mutex<AnchorCache>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Anchor `k` of `gallery` at its current version (None past the end). The cached anchor list is
/// extended on demand, by jumps of ANCHOR_STRIDE inside SQLite, only as far as `k`: the first deep
/// page after a change costs about what a plain OFFSET would, later ones almost nothing.
fn anchor(tx: &Transaction, gallery: &GalleryRow, k: usize) -> ApiResult<Option<Place>> {
    let key = (gallery.pk, gallery.order_version);
    let cached = anchor_cache()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
        .cloned();
    if let Some(found) = cached.as_ref().and_then(|list| list.get(k)) {
        return Ok(Some(*found));
    }
    let mut list: Vec<Place> = cached.map(|list| list.as_ref().clone()).unwrap_or_default();
    if list.is_empty() {
        let first: Option<Place> = tx
            .prepare_cached(
                "SELECT sort_order, pk FROM items WHERE gallery_pk = ?1
                 ORDER BY sort_order, pk LIMIT 1",
            )?
            .query_row([gallery.pk], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        match first {
            Some(first) => list.push(first),
            None => return Ok(None),
        }
    }
    {
        let mut stmt = tx.prepare_cached(
            "SELECT sort_order, pk FROM items WHERE gallery_pk = ?1 AND (sort_order, pk) > (?2, ?3)
             ORDER BY sort_order, pk LIMIT 1 OFFSET ?4",
        )?;
        while list.len() <= k {
            let (last_sort, last_pk) = list[list.len() - 1];
            let next: Option<Place> = stmt
                .query_row(
                    params![gallery.pk, last_sort, last_pk, ANCHOR_STRIDE - 1],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            match next {
                Some(value) => list.push(value),
                None => break,
            }
        }
    }
    let found = list.get(k).copied();
    let mut cache = anchor_cache().lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= MAX_ANCHORED_GALLERIES {
        cache.clear();
    }
    cache.insert(key, Arc::new(list));
    Ok(found)
}

/// A page of a gallery's items in gallery order (`sortOrder`, then creation order).
///
/// The rowids of the page come from the covering `(gallery_pk, sort_order)` index alone, so a
/// skipped row costs one index step and no table read. Small offsets skip from the start; larger
/// ones start from the nearest page anchor (see `anchor`), so any page of a 100,000-item gallery
/// skips fewer than ANCHOR_STRIDE entries.
pub fn page(
    tx: &Transaction,
    gallery: &GalleryRow,
    offset: i64,
    limit: i64,
) -> ApiResult<Vec<Value>> {
    let total = gallery.item_count;
    if offset >= total || limit <= 0 {
        return Ok(Vec::new());
    }
    let take = limit.min(total - offset);
    let anchored = if offset >= ANCHOR_STRIDE {
        anchor(tx, gallery, (offset / ANCHOR_STRIDE) as usize)?
            .map(|value| (value, offset % ANCHOR_STRIDE))
    } else {
        None
    };
    let mut items = Vec::with_capacity(take as usize);
    let mut push = |body: rusqlite::Result<String>| -> ApiResult<()> {
        items.push(parse_body(&body?)?);
        Ok(())
    };
    match anchored {
        Some(((anchor_sort, anchor_pk), skip)) => {
            let mut stmt = tx.prepare_cached(
                "SELECT body FROM items WHERE pk IN (
                     SELECT pk FROM items WHERE gallery_pk = ?1 AND (sort_order, pk) >= (?2, ?3)
                     ORDER BY sort_order, pk LIMIT ?4 OFFSET ?5)
                 ORDER BY sort_order, pk",
            )?;
            let rows = stmt.query_map(
                params![gallery.pk, anchor_sort, anchor_pk, take, skip],
                |row| row.get(0),
            )?;
            for body in rows {
                push(body)?;
            }
        }
        None => {
            let mut stmt = tx.prepare_cached(
                "SELECT body FROM items WHERE pk IN (
                     SELECT pk FROM items WHERE gallery_pk = ?1
                     ORDER BY sort_order, pk LIMIT ?2 OFFSET ?3)
                 ORDER BY sort_order, pk",
            )?;
            let rows = stmt.query_map(params![gallery.pk, take, offset], |row| row.get(0))?;
            for body in rows {
                push(body)?;
            }
        }
    }
    Ok(items)
}

/// Applies a partial item (`patch`, the request's `item`) to the stored item `item_id`.
pub fn update_item(
    tx: &Transaction,
    gallery: &GalleryRow,
    item_id: &str,
    patch: &Map<String, Value>,
    readings: Readings,
) -> ApiResult<Value> {
    if let Some(body_id) = patch.get("id") {
        match body_id {
            Value::Null => {}
            Value::String(s) if s == item_id || s.is_empty() => {}
            _ => {
                return Err(ApiError::validation(vec![Violation::new(
                    "item.id",
                    format!("does not match the item id in the path ({item_id})"),
                    "OTHER",
                )]))
            }
        }
    }
    let Some((pk, stored)) = find_item(tx, gallery.pk, item_id)? else {
        return Err(ApiError::item_not_found(&gallery.id, item_id));
    };
    let stored = stored
        .as_object()
        .cloned()
        .ok_or_else(|| ApiError::internal("stored item is not an object"))?;
    let old_kind = Kind::of(&stored).first().copied();
    let mut fields = writable_item_fields(&stored);
    // A present top-level field replaces the stored one whole; an explicit null clears it.
    for (name, value) in patch {
        if !is_kept_item_field(name) {
            continue;
        }
        if value.is_null() {
            if name != "sortOrder" {
                fields.remove(name);
            }
        } else {
            fields.insert(name.clone(), value.clone());
        }
    }
    let patch_kinds = Kind::of(patch);
    if let (Some(old), Some(new)) = (old_kind, patch_kinds.first()) {
        if patch_kinds.iter().any(|k| *k != old) {
            return Err(ApiError::validation(vec![Violation::new(
                format!("item.{}", new.field()),
                format!(
                    "cannot change the item's type from {} to {}",
                    old.type_name(),
                    new.type_name()
                ),
                "OTHER",
            )]));
        }
    }
    let kind = check_item(&mut fields, "item")?;
    let old_sort = stored
        .get("sortOrder")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let sort_order = fields
        .get("sortOrder")
        .and_then(Value::as_f64)
        .unwrap_or(old_sort);
    if sort_order != old_sort
        && readings.duplicate_sort_order == DuplicateSortOrder::Reject
        && sort_order_taken(tx, gallery.pk, sort_order, Some(pk))?
    {
        return Err(ApiError::sort_order_taken(
            sort_order,
            "item of this gallery",
        ));
    }
    let created = stored
        .get("createdDate")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| now().1);
    let item = canonical_item(item_id, sort_order, &fields, kind, &created, &now().1);
    tx.prepare_cached("UPDATE items SET sort_order = ?1, body = ?2 WHERE pk = ?3")?
        .execute(params![sort_order, item.to_string(), pk])?;
    if sort_order != old_sort {
        tx.prepare_cached("UPDATE galleries SET order_version = random() WHERE pk = ?1")?
            .execute([gallery.pk])?;
    }
    Ok(item)
}

/// Deletes the listed items that exist in `gallery` (unknown ids are skipped) and returns exactly
/// the ids deleted, in request order, each once.
pub fn delete_items(
    tx: &Transaction,
    gallery: &mut GalleryRow,
    ids: &[String],
) -> ApiResult<Vec<String>> {
    // Deleting in id order walks the id index forward instead of jumping around it; the answer
    // still lists the deleted ids in request order, each once.
    let mut sorted: Vec<&String> = ids.iter().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut gone = std::collections::HashSet::new();
    {
        let mut stmt = tx.prepare_cached("DELETE FROM items WHERE gallery_pk = ?1 AND id = ?2")?;
        for id in sorted {
            if stmt.execute(params![gallery.pk, id])? > 0 {
                gone.insert(id.as_str());
            }
        }
    }
    let mut deleted = Vec::with_capacity(gone.len());
    for id in ids {
        if gone.remove(id.as_str()) {
            deleted.push(id.clone());
        }
    }
    if !deleted.is_empty() {
        tx.prepare_cached(
            "UPDATE galleries SET item_count = item_count - ?1, order_version = random()
             WHERE pk = ?2",
        )?
        .execute(params![deleted.len() as i64, gallery.pk])?;
        gallery.item_count -= deleted.len() as i64;
    }
    Ok(deleted)
}

/// Every item of a gallery, in gallery order (for clones).
pub fn all_items(tx: &Transaction, gallery_pk: i64) -> ApiResult<Vec<Value>> {
    let mut stmt =
        tx.prepare_cached("SELECT body FROM items WHERE gallery_pk = ?1 ORDER BY sort_order, pk")?;
    let rows = stmt.query_map([gallery_pk], |row| row.get::<_, String>(0))?;
    let mut items = Vec::new();
    for body in rows {
        items.push(parse_body(&body?)?);
    }
    Ok(items)
}

/// Every item id of a gallery, in gallery order (for cascading deletes).
pub fn all_item_ids(tx: &Transaction, gallery_pk: i64) -> ApiResult<Vec<String>> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM items WHERE gallery_pk = ?1 ORDER BY sort_order, pk")?;
    let rows = stmt.query_map([gallery_pk], |row| row.get::<_, String>(0))?;
    let mut ids = Vec::new();
    for id in rows {
        ids.push(id?);
    }
    Ok(ids)
}
