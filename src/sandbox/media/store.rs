//! The Media Manager's rows in SQLite: files (one per upload or import, per site) and upload
//! tokens (their tables are created in `schema.rs`), and the FileDescriptor JSON of spec §6 built
//! from a row. Every function runs inside the caller's request transaction (see `db/`), so several
//! processes sharing one database file see each other's uploads, tokens and import results.
//!
//! `status` holds a file's outcome (`READY` or `FAILED`; `PENDING` only while an import is still
//! being fetched) and `ready_ms` the moment processing ends: until then every read answers
//! `PENDING` (see `settle`), without a task having to flip the row.

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::{json, Map, Value};

use crate::sandbox::errors::ApiResult;

pub const PENDING: &str = "PENDING";
pub const READY: &str = "READY";
pub const FAILED: &str = "FAILED";

/// One media file as stored.
#[derive(Debug, Clone)]
pub struct MediaRow {
    pub site: String,
    pub id: String,
    pub display_name: String,
    /// `IMAGE` or `VIDEO`.
    pub media_type: String,
    pub mime_type: Option<String>,
    pub status: String,
    pub size_bytes: Option<i64>,
    pub hash: Option<String>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    /// Absolute path of the stored bytes (absolute, so any process sharing the database can
    /// serve them whatever its own data directory).
    pub path: Option<String>,
    /// Where the file is served when that is not the sandbox itself (the seeded files' Wix static
    /// URLs); `None` for the sandbox's own files, served at `<base>/_sandbox/media/<id>`.
    pub url: Option<String>,
    pub source_url: Option<String>,
    pub upload_token: Option<String>,
    /// For a PENDING import: when its fetch must have ended (epoch ms). Past it the import is
    /// answered as FAILED, so a process that died mid-import does not leave it pending forever.
    pub deadline_ms: Option<i64>,
    /// When processing ends (epoch ms): before it, the file reads as PENDING.
    pub ready_ms: Option<i64>,
    /// A video's duration, when its header says.
    pub duration_ms: Option<i64>,
    pub created_date: String,
    pub updated_date: String,
}

/// What a finished upload or import stores.
#[derive(Debug, Clone)]
pub struct Stored {
    pub media_type: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub hash: String,
    pub dimensions: Option<(u32, u32)>,
    pub duration_ms: Option<i64>,
    /// `None` when the bytes could not be processed (the file ends FAILED).
    pub path: Option<String>,
    /// When processing ends (epoch ms).
    pub ready_ms: i64,
}

const COLUMNS: &str = "site, id, display_name, media_type, mime_type, status, size_bytes, hash, \
     width, height, path, source_url, upload_token, deadline_ms, created_date, updated_date, url, \
     ready_ms, duration_ms";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MediaRow> {
    Ok(MediaRow {
        site: row.get(0)?,
        id: row.get(1)?,
        display_name: row.get(2)?,
        media_type: row.get(3)?,
        mime_type: row.get(4)?,
        status: row.get(5)?,
        size_bytes: row.get(6)?,
        hash: row.get(7)?,
        width: row.get(8)?,
        height: row.get(9)?,
        path: row.get(10)?,
        source_url: row.get(11)?,
        upload_token: row.get(12)?,
        deadline_ms: row.get(13)?,
        created_date: row.get(14)?,
        updated_date: row.get(15)?,
        url: row.get(16)?,
        ready_ms: row.get(17)?,
        duration_ms: row.get(18)?,
    })
}

/// The status a row reads as now: PENDING until its processing time has passed; and a PENDING
/// import past its deadline is FAILED (the process that fetched it is gone: its own timeout would
/// have ended the fetch before the deadline).
fn settle(mut row: MediaRow) -> MediaRow {
    let now_ms = crate::sandbox::store::now().0;
    if row.status == PENDING && row.deadline_ms.is_some_and(|deadline| deadline < now_ms) {
        row.status = FAILED.to_string();
    } else if row.status != PENDING && row.ready_ms.is_some_and(|ready| ready > now_ms) {
        row.status = PENDING.to_string();
    }
    row
}

pub fn insert(tx: &Transaction, row: &MediaRow) -> ApiResult<()> {
    insert_with(tx, row, "INSERT")
}

/// Inserts a file unless one with its id exists (seeding again after a reset, which keeps the
/// media rows).
pub fn insert_if_absent(tx: &Transaction, row: &MediaRow) -> ApiResult<()> {
    insert_with(tx, row, "INSERT OR IGNORE")
}

fn insert_with(tx: &Transaction, row: &MediaRow, verb: &str) -> ApiResult<()> {
    tx.prepare_cached(&format!(
        "{verb} INTO media_files (site, id, display_name, media_type, mime_type, status,
             size_bytes, hash, width, height, path, source_url, upload_token, deadline_ms,
             created_date, updated_date, url, ready_ms, duration_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19)"
    ))?
    .execute(params![
        row.site,
        row.id,
        row.display_name,
        row.media_type,
        row.mime_type,
        row.status,
        row.size_bytes,
        row.hash,
        row.width,
        row.height,
        row.path,
        row.source_url,
        row.upload_token,
        row.deadline_ms,
        row.created_date,
        row.updated_date,
        row.url,
        row.ready_ms,
        row.duration_ms,
    ])?;
    Ok(())
}

/// A file of `site` by id (files are per site: another site's id is not found).
pub fn find(tx: &Transaction, site: &str, id: &str) -> ApiResult<Option<MediaRow>> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM media_files WHERE site = ?1 AND id = ?2"
        ))?
        .query_row([site, id], from_row)
        .optional()?
        .map(settle))
}

/// The files of `site` among `ids`, in the order asked (unknown ids left out, repeats once).
pub fn find_many(tx: &Transaction, site: &str, ids: &[String]) -> ApiResult<Vec<MediaRow>> {
    let mut found: Vec<MediaRow> = Vec::new();
    for id in ids {
        if found.iter().any(|row| &row.id == id) {
            continue;
        }
        if let Some(row) = find(tx, site, id)? {
            found.push(row);
        }
    }
    Ok(found)
}

/// A file by id alone, for serving its bytes at its public URL (as Wix's static URLs need no
/// credentials; the id is unguessable).
pub fn find_any_site(tx: &Transaction, id: &str) -> ApiResult<Option<MediaRow>> {
    Ok(tx
        .prepare_cached(&format!("SELECT {COLUMNS} FROM media_files WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .map(settle))
}

/// The file an earlier PUT to the same upload URL stored with the same bytes, so a client that
/// retries a PUT after an ambiguous failure gets the same file instead of a duplicate.
pub fn find_by_token_and_hash(
    tx: &Transaction,
    token: &str,
    hash: &str,
) -> ApiResult<Option<MediaRow>> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM media_files WHERE upload_token = ?1 AND hash = ?2"
        ))?
        .query_row([token, hash], from_row)
        .optional()?
        .map(settle))
}

/// Records what a PENDING import fetched: READY once processed (or FAILED when the bytes could
/// not be processed, `stored.path` being `None`). Returns false when the row is gone, no longer
/// pending, or past its deadline (already answered as FAILED, which must not change): then the
/// caller removes the bytes it stored.
pub fn complete(tx: &Transaction, id: &str, stored: &Stored, now: &str) -> ApiResult<bool> {
    let (width, height) = match stored.dimensions {
        Some((w, h)) => (Some(i64::from(w)), Some(i64::from(h))),
        None => (None, None),
    };
    let outcome = if stored.path.is_some() { READY } else { FAILED };
    let changed = tx
        .prepare_cached(
            "UPDATE media_files SET status = ?2, media_type = ?3, mime_type = ?4, size_bytes = ?5,
                 hash = ?6, width = ?7, height = ?8, path = ?9, updated_date = ?10,
                 ready_ms = ?13, duration_ms = ?14
             WHERE id = ?1 AND status = ?11 AND (deadline_ms IS NULL OR deadline_ms >= ?12)",
        )?
        .execute(params![
            id,
            outcome,
            stored.media_type,
            stored.mime_type,
            stored.size_bytes,
            stored.hash,
            width,
            height,
            stored.path,
            now,
            PENDING,
            crate::sandbox::store::now().0,
            stored.ready_ms,
            stored.duration_ms,
        ])?;
    Ok(changed == 1)
}

/// Marks a PENDING import FAILED, keeping the reason (for whoever reads the database).
pub fn fail(tx: &Transaction, id: &str, reason: &str, now: &str) -> ApiResult<()> {
    tx.prepare_cached(
        "UPDATE media_files SET status = ?2, failure = ?3, updated_date = ?4
         WHERE id = ?1 AND status = ?5",
    )?
    .execute(params![id, FAILED, reason, now, PENDING])?;
    Ok(())
}

/// An upload URL's token: which site it uploads into, the declared mime type and file name.
#[derive(Debug, Clone)]
pub struct UploadToken {
    pub site: String,
    pub mime_type: String,
    pub file_name: Option<String>,
    pub expires_ms: i64,
}

pub fn insert_token(tx: &Transaction, token: &str, value: &UploadToken) -> ApiResult<()> {
    // Expired tokens are useless; clearing them here keeps the table small without a sweeper.
    tx.prepare_cached("DELETE FROM media_upload_tokens WHERE expires_ms < ?1")?
        .execute([crate::sandbox::store::now().0])?;
    tx.prepare_cached(
        "INSERT INTO media_upload_tokens (token, site, mime_type, file_name, expires_ms)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        token,
        value.site,
        value.mime_type,
        value.file_name,
        value.expires_ms
    ])?;
    Ok(())
}

pub fn find_token(tx: &Transaction, token: &str) -> ApiResult<Option<UploadToken>> {
    Ok(tx
        .prepare_cached(
            "SELECT site, mime_type, file_name, expires_ms FROM media_upload_tokens
             WHERE token = ?1",
        )?
        .query_row([token], |row| {
            Ok(UploadToken {
                site: row.get(0)?,
                mime_type: row.get(1)?,
                file_name: row.get(2)?,
                expires_ms: row.get(3)?,
            })
        })
        .optional()?)
}

/// The FileDescriptor of spec §6. `base_url` makes the sandbox's own files' `url` absolute (it is
/// computed on every answer, never stored, so it follows the server that answers). Fields without
/// a value yet (a PENDING import has no size or hash) are omitted, as the service omits empty
/// fields; `media` (sizes, renditions, posters) only once the file is READY: "the URLs are not yet
/// available" while it is PENDING (spec §6).
pub fn descriptor(row: &MediaRow, base_url: &str) -> Value {
    let url = row
        .url
        .clone()
        .unwrap_or_else(|| format!("{base_url}{}{}", super::MEDIA_PATH, row.id));
    let mut map = Map::new();
    map.insert("id".into(), json!(row.id));
    map.insert("displayName".into(), json!(row.display_name));
    map.insert("url".into(), json!(url));
    map.insert("parentFolderId".into(), json!("media-root"));
    if let Some(hash) = &row.hash {
        map.insert("hash".into(), json!(hash));
    }
    if let Some(size) = row.size_bytes {
        map.insert("sizeInBytes".into(), json!(size.to_string()));
    }
    map.insert("private".into(), json!(false));
    map.insert("mediaType".into(), json!(row.media_type));
    if row.status == READY {
        if let (Some(width), Some(height)) = (row.width, row.height) {
            if row.media_type == "IMAGE" {
                map.insert(
                    "media".into(),
                    json!({"image": {"image": {
                        "id": row.id,
                        "url": url,
                        "width": width,
                        "height": height,
                        "filename": row.display_name,
                    }}}),
                );
                map.insert("thumbnailUrl".into(), json!(url));
            } else {
                let host = match row.url {
                    Some(_) => super::video::Host::Wix,
                    None => super::video::Host::Sandbox { base: base_url },
                };
                let (w, h) = (
                    u32::try_from(width).unwrap_or(0),
                    u32::try_from(height).unwrap_or(0),
                );
                let duration = row.duration_ms.and_then(|ms| u64::try_from(ms).ok());
                let media = super::video::media(&row.id, w, h, duration, &host);
                if let Some(poster) = media["video"]["posters"][0]["url"].as_str() {
                    map.insert("thumbnailUrl".into(), json!(poster));
                }
                map.insert("media".into(), media);
            }
        }
    }
    map.insert("operationStatus".into(), json!(row.status));
    if let Some(source) = &row.source_url {
        map.insert("sourceUrl".into(), json!(source));
    }
    map.insert("labels".into(), json!([]));
    map.insert("createdDate".into(), json!(row.created_date));
    map.insert("updatedDate".into(), json!(row.updated_date));
    map.insert("siteId".into(), json!(row.site));
    map.insert("state".into(), json!("OK"));
    Value::Object(map)
}
