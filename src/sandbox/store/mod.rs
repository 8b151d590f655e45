//! The data model on top of SQLite: galleries and items per site, the default `sortOrder` clock,
//! and the JSON shapes the API answers with. Every function here runs inside the one transaction
//! of its request (see `db.rs`) and returns the events to emit once that transaction commits.

pub mod galleries;
pub mod items;

use rusqlite::{OptionalExtension, Transaction};
use serde_json::{Map, Value};

use super::db::{meta_get, meta_set};
use super::errors::ApiResult;
use super::readings::SortOrderScale;

/// A gallery row.
#[derive(Debug, Clone)]
pub struct GalleryRow {
    pub pk: i64,
    pub id: String,
    pub name: Option<String>,
    pub sort_order: f64,
    pub created_date: String,
    pub item_count: i64,
    /// Changes (to a random value) whenever the gallery's item order changes: an item added,
    /// deleted or moved. Page anchors cached for one version are valid exactly as long as it holds.
    pub order_version: i64,
}

impl GalleryRow {
    /// The Gallery object of spec §3 with the given page of items.
    pub fn to_json(&self, items: Vec<Value>) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), Value::String(self.id.clone()));
        if let Some(name) = &self.name {
            map.insert("name".into(), Value::String(name.clone()));
        }
        map.insert("totalItems".into(), Value::from(self.item_count));
        map.insert("items".into(), Value::Array(items));
        map.insert("sortOrder".into(), number(self.sort_order));
        map.insert(
            "createdDate".into(),
            Value::String(self.created_date.clone()),
        );
        Value::Object(map)
    }
}

/// A double as the service writes it: whole values without a fraction (`1642505672333`, as in the
/// reference's examples, not `1642505672333.0`), others in their shortest form.
pub fn number(value: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every whole double below is exact
    if value.fract() == 0.0 && value.abs() < EXACT {
        return Value::from(value as i64);
    }
    serde_json::Number::from_f64(value)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

const GALLERY_COLUMNS: &str = "pk, id, name, sort_order, created_date, item_count, order_version";

fn gallery_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<GalleryRow> {
    Ok(GalleryRow {
        pk: row.get(0)?,
        id: row.get(1)?,
        name: row.get(2)?,
        sort_order: row.get(3)?,
        created_date: row.get(4)?,
        item_count: row.get(5)?,
        order_version: row.get(6)?,
    })
}

pub fn find_gallery(tx: &Transaction, site: &str, id: &str) -> ApiResult<Option<GalleryRow>> {
    let row = tx
        .prepare_cached(&format!(
            "SELECT {GALLERY_COLUMNS} FROM galleries WHERE site = ?1 AND id = ?2"
        ))?
        .query_row([site, id], gallery_from_row)
        .optional()?;
    Ok(row)
}

/// The current time as (epoch milliseconds, RFC 3339 UTC with milliseconds).
pub fn now() -> (i64, String) {
    let now = chrono::Utc::now();
    (
        now.timestamp_millis(),
        now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    )
}

const CLOCK_KEY: &str = "last_default_sort_order_ms";

/// The next default `sortOrder`: creation time on `scale` (epoch seconds with a millisecond
/// fraction, or epoch milliseconds), but always at least one millisecond past the previous
/// default handed out by *any* process on this database (the counter lives in the database and
/// is read and bumped inside the caller's write transaction), and skipping values an explicit
/// `sortOrder` already took (`taken`).
pub fn next_default_sort_order(
    tx: &Transaction,
    scale: SortOrderScale,
    mut taken: impl FnMut(f64) -> ApiResult<bool>,
) -> ApiResult<f64> {
    let last: i64 = meta_get(tx, CLOCK_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut ms = now().0.max(last.saturating_add(1));
    while taken(scale.from_millis(ms))? {
        ms += 1;
    }
    meta_set(tx, CLOCK_KEY, &ms.to_string())?;
    Ok(scale.from_millis(ms))
}
