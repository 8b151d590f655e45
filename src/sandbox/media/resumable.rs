//! The resumable upload Wix recommends for files over 10 MB (spec §6): the subset of the tus 1.0.0
//! protocol a tus client uses, then Wix's own commit.
//!
//! - `POST /site-media/v1/files/generate-resumable-upload-url` `{"mimeType", "fileName"?,
//!   "uploadProtocol"?: "TUS"}` → `{"uploadUrl": "<base>/_sandbox/resumable", "uploadToken",
//!   "uploadProtocol": "TUS"}` (the token is an upload URL token: site, type, name, expiry).
//! - `POST <uploadUrl>` (tus creation) with `Upload-Length` and `Upload-Metadata` (`filename`,
//!   `contentType`, `token`, base64) → `201` with `Location: <uploadUrl>/uploads/<id>`.
//! - `HEAD <location>` → `Upload-Offset` (what the server holds) and `Upload-Length`.
//! - `PATCH <location>` with `Upload-Offset` (must equal the server's, else 409) and
//!   `Content-Type: application/offset+octet-stream`: the bytes are appended as they arrive, so a
//!   connection that drops keeps what came before it; → `204` with the new `Upload-Offset`.
//! - `PUT <uploadUrl>/<uploadToken>?filename=<name>` once every byte is there: the file is stored
//!   as an upload's (`upload::store_upload`: PENDING, then READY or FAILED) → `{"file": …}`.
//!   Repeating the commit answers the same file.
//!
//! Partial bytes live in the media directory as `.resumable-<id>`; a row per upload in SQLite
//! (`media_resumable`) lets any process on the same database continue it. Uploads past their
//! token's expiry are removed, bytes included, when the next one is created.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use futures::StreamExt;
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;

use super::spool::{hash_file, Spooled};
use super::upload::{display_name, grant_token, spool_error, store_upload, valid_token};
use super::{classify_mime, drop_fault, essence};
use crate::sandbox::errors::{ApiError, ApiResult};
use crate::sandbox::site::Site;
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

/// The tus endpoint every resumable upload URL names.
pub const RESUMABLE_PATH: &str = "/_sandbox/resumable";

const TUS_VERSION: &str = "1.0.0";

/// Uploads a PATCH is writing to right now (one writer per upload, as tus requires).
#[derive(Default)]
pub struct Busy(Mutex<HashSet<String>>);

struct Claim<'a> {
    busy: &'a Busy,
    id: String,
}

impl Busy {
    fn claim(&self, id: &str) -> Option<Claim<'_>> {
        let mut set = self.0.lock().unwrap_or_else(|p| p.into_inner());
        set.insert(id.to_string()).then(|| Claim {
            busy: self,
            id: id.to_string(),
        })
    }
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        self.busy
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.id);
    }
}

/// One tus upload as stored.
#[derive(Debug, Clone)]
struct Upload {
    id: String,
    token: String,
    length: u64,
    file_name: Option<String>,
    mime_type: Option<String>,
    path: String,
}

/// `POST /site-media/v1/files/generate-resumable-upload-url`.
pub async fn generate_resumable_upload_url(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    match body.get("uploadProtocol") {
        None | Some(Value::Null) => {}
        Some(Value::String(p)) if p.eq_ignore_ascii_case("TUS") => {}
        Some(_) => {
            return Err(ApiError::invalid(
                "uploadProtocol",
                "only TUS is supported",
                "FORMAT",
            ))
        }
    }
    let token = grant_token(&app, site, &body).await?;
    Ok(Json(json!({
        "uploadUrl": format!("{}{RESUMABLE_PATH}", app.media.base_url),
        "uploadToken": token,
        "uploadProtocol": "TUS",
    })))
}

fn tus_error(status: StatusCode, message: &str) -> Response {
    let mut response = ApiError::application(status, "TUS", message).into_response();
    response
        .headers_mut()
        .insert("tus-resumable", HeaderValue::from_static(TUS_VERSION));
    response
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// `Upload-Metadata: key base64,key2 base64` → the decoded pairs.
fn metadata(headers: &HeaderMap) -> Vec<(String, String)> {
    header_text(headers, "upload-metadata")
        .unwrap_or("")
        .split(',')
        .filter_map(|pair| {
            let mut parts = pair.trim().splitn(2, ' ');
            let key = parts.next()?.trim();
            let value = parts.next().unwrap_or("").trim();
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(value)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())?;
            (!key.is_empty()).then(|| (key.to_string(), decoded))
        })
        .collect()
}

/// `OPTIONS <uploadUrl>`: what this tus server supports.
pub async fn options(State(app): State<Arc<App>>) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert("tus-resumable", HeaderValue::from_static(TUS_VERSION));
    headers.insert("tus-version", HeaderValue::from_static(TUS_VERSION));
    headers.insert("tus-extension", HeaderValue::from_static("creation"));
    headers.insert(
        "tus-max-size",
        HeaderValue::from(app.media.settings().max_upload_bytes),
    );
    response
}

/// `POST <uploadUrl>`: tus creation.
pub async fn create(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    match create_upload(&app, &headers).await {
        Ok(response) => response,
        Err(response) => response,
    }
}

async fn create_upload(app: &App, headers: &HeaderMap) -> Result<Response, Response> {
    if header_text(headers, "tus-resumable") != Some(TUS_VERSION) {
        return Err(tus_error(
            StatusCode::PRECONDITION_FAILED,
            "Tus-Resumable: 1.0.0 is required",
        ));
    }
    let Some(length) = header_text(headers, "upload-length").and_then(|v| v.parse::<u64>().ok())
    else {
        return Err(tus_error(
            StatusCode::BAD_REQUEST,
            "Upload-Length (a whole number of bytes) is required",
        ));
    };
    let cap = app.media.settings().max_upload_bytes;
    if length > cap {
        return Err(spool_error(super::spool::SpoolError::TooLarge { cap }).into_response());
    }
    let meta = metadata(headers);
    let get = |key: &str| {
        meta.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.trim().is_empty())
    };
    let Some(token) = get("token") else {
        return Err(ApiError::application(
            StatusCode::FORBIDDEN,
            "PERMISSION_DENIED",
            "Upload-Metadata has no `token`: use the uploadToken of generate-resumable-upload-url",
        )
        .into_response());
    };
    let granted = valid_token(app, &token)
        .await
        .map_err(IntoResponse::into_response)?;
    let id = uuid::Uuid::new_v4().simple().to_string();
    let path = app.media.dir.join(format!(".resumable-{id}"));
    // Owner-only, whatever the umask, like every other file of the sandbox's media.
    let created = crate::files::create_private_new(&path);
    created.map_err(|e| {
        ApiError::internal(format!("creating {}: {e}", path.display())).into_response()
    })?;
    let upload = Upload {
        id: id.clone(),
        token,
        length,
        file_name: get("filename"),
        mime_type: get("contentType"),
        path: path.to_string_lossy().into_owned(),
    };
    let expires_ms = granted.expires_ms;
    let stale = app
        .pool
        .write(move |tx| {
            let now = crate::sandbox::store::now().0;
            let stale: Vec<String> = tx
                .prepare_cached("SELECT path FROM media_resumable WHERE expires_ms < ?1")?
                .query_map([now], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.prepare_cached("DELETE FROM media_resumable WHERE expires_ms < ?1")?
                .execute([now])?;
            tx.prepare_cached(
                "INSERT INTO media_resumable (id, token, length, file_name, mime_type, path,
                     expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                upload.id,
                upload.token,
                i64::try_from(upload.length).unwrap_or(i64::MAX),
                upload.file_name,
                upload.mime_type,
                upload.path,
                expires_ms
            ])?;
            Ok(stale)
        })
        .await;
    let stale = match stale {
        Ok(stale) => stale,
        Err(err) => {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(err.into_response());
        }
    };
    for old in stale {
        let _ = tokio::fs::remove_file(old).await;
    }
    let mut response = StatusCode::CREATED.into_response();
    let location = format!("{}{RESUMABLE_PATH}/uploads/{id}", app.media.base_url);
    let headers = response.headers_mut();
    headers.insert("tus-resumable", HeaderValue::from_static(TUS_VERSION));
    if let Ok(value) = HeaderValue::from_str(&location) {
        headers.insert(header::LOCATION, value);
    }
    Ok(response)
}

async fn find_upload(app: &App, id: &str) -> ApiResult<Option<Upload>> {
    let id = id.to_string();
    app.pool
        .read(move |tx| {
            Ok(tx
                .prepare_cached(
                    "SELECT id, token, length, file_name, mime_type, path FROM media_resumable
                     WHERE id = ?1",
                )?
                .query_row([id], upload_of)
                .optional()?)
        })
        .await
}

fn upload_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Upload> {
    Ok(Upload {
        id: row.get(0)?,
        token: row.get(1)?,
        length: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        file_name: row.get(3)?,
        mime_type: row.get(4)?,
        path: row.get(5)?,
    })
}

/// What the server holds of an upload: the size of its partial file.
async fn offset_of(upload: &Upload) -> u64 {
    tokio::fs::metadata(&upload.path)
        .await
        .map(|m| m.len())
        .unwrap_or(0)
}

fn with_offset(status: StatusCode, offset: u64, length: Option<u64>) -> Response {
    let mut response = status.into_response();
    let headers = response.headers_mut();
    headers.insert("tus-resumable", HeaderValue::from_static(TUS_VERSION));
    headers.insert("upload-offset", HeaderValue::from(offset));
    if let Some(length) = length {
        headers.insert("upload-length", HeaderValue::from(length));
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `HEAD <location>`: the offset to resume from.
pub async fn head(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match find_upload(&app, &id).await {
        Ok(Some(upload)) => with_offset(
            StatusCode::OK,
            offset_of(&upload).await,
            Some(upload.length),
        ),
        Ok(None) => tus_error(StatusCode::NOT_FOUND, "no such upload"),
        Err(err) => err.into_response(),
    }
}

/// `PATCH <location>`: appends the body at the offset the client names, which must be the
/// server's.
pub async fn patch(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if header_text(&headers, "tus-resumable") != Some(TUS_VERSION) {
        return tus_error(
            StatusCode::PRECONDITION_FAILED,
            "Tus-Resumable: 1.0.0 is required",
        );
    }
    if header_text(&headers, "content-type")
        .map(essence)
        .as_deref()
        != Some("application/offset+octet-stream")
    {
        return tus_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type must be application/offset+octet-stream",
        );
    }
    let upload = match find_upload(&app, &id).await {
        Ok(Some(upload)) => upload,
        Ok(None) => return tus_error(StatusCode::NOT_FOUND, "no such upload"),
        Err(err) => return err.into_response(),
    };
    let Some(_claim) = app.media.resumable_busy.claim(&upload.id) else {
        return tus_error(
            StatusCode::CONFLICT,
            "another PATCH is writing to this upload; HEAD for the offset and try again",
        );
    };
    let offset = offset_of(&upload).await;
    let claimed = header_text(&headers, "upload-offset").and_then(|v| v.parse::<u64>().ok());
    if claimed != Some(offset) {
        let mut response = tus_error(
            StatusCode::CONFLICT,
            &format!("Upload-Offset must be the server's offset, {offset}"),
        );
        response
            .headers_mut()
            .insert("upload-offset", HeaderValue::from(offset));
        return response;
    }
    let file = tokio::fs::OpenOptions::new()
        .append(true)
        .open(&upload.path)
        .await;
    let Ok(file) = file else {
        return ApiError::internal("the upload's bytes are gone").into_response();
    };
    let mut file = tokio::io::BufWriter::with_capacity(256 * 1024, file);
    let (mut stream, cut) = drop_fault::wrap(&app, body.into_data_stream());
    let mut written = offset;
    let mut broken = None;
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(e) => {
                broken = Some(e);
                break;
            }
        };
        if written + chunk.len() as u64 > upload.length {
            let _ = file.flush().await;
            return tus_error(
                StatusCode::BAD_REQUEST,
                "more bytes than the Upload-Length given at creation",
            );
        }
        if let Err(e) = file.write_all(&chunk).await {
            return ApiError::internal(format!("writing the upload: {e}")).into_response();
        }
        written += chunk.len() as u64;
    }
    // What arrived is kept, whatever happened to the connection: that is what HEAD answers.
    if let Err(e) = file.flush().await {
        return ApiError::internal(format!("writing the upload: {e}")).into_response();
    }
    if cut.happened() {
        return drop_fault::dropped();
    }
    if let Some(e) = broken {
        return tus_error(StatusCode::BAD_REQUEST, &format!("the body broke off: {e}"));
    }
    with_offset(StatusCode::NO_CONTENT, written, None)
}

/// `PUT <uploadUrl>/<uploadToken>?filename=<name>`: the commit of a finished upload.
pub async fn commit(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let granted = valid_token(&app, &token).await?;
    let lookup = token.clone();
    let (uploads, committed) = app
        .pool
        .read(move |tx| {
            let uploads: Vec<Upload> = tx
                .prepare_cached(
                    "SELECT id, token, length, file_name, mime_type, path FROM media_resumable
                     WHERE token = ?1 ORDER BY rowid DESC",
                )?
                .query_map([&lookup], upload_of)?
                .collect::<rusqlite::Result<_>>()?;
            let committed: Option<String> = tx
                .prepare_cached(
                    "SELECT id FROM media_files WHERE upload_token = ?1 ORDER BY pk DESC LIMIT 1",
                )?
                .query_row([&lookup], |row| row.get(0))
                .optional()?;
            Ok((uploads, committed))
        })
        .await?;
    let mut complete = None;
    for upload in uploads {
        if offset_of(&upload).await == upload.length {
            complete = Some(upload);
            break;
        }
    }
    let Some(upload) = complete else {
        // A commit repeated after its answer was lost: the file it made.
        if let Some(id) = committed {
            let site = granted.site.clone();
            let row = app
                .pool
                .read(move |tx| super::store::find(tx, &site, &id))
                .await?;
            if let Some(row) = row {
                return Ok(Json(json!({ "file": app.media.descriptor(&row) })));
            }
        }
        return Err(ApiError::invalid(
            "uploadToken",
            "no finished upload for this token: send every byte (tus PATCH) before the commit",
            "FORMAT",
        ));
    };
    let name = match (&upload.file_name, raw.as_deref()) {
        (_, Some(query)) if query.contains("filename=") => display_name(Some(query), &granted),
        (Some(name), _) => name.clone(),
        _ => display_name(None, &granted),
    };
    let mime = upload
        .mime_type
        .as_deref()
        .map(essence)
        .filter(|m| classify_mime(m).is_some())
        .unwrap_or_else(|| essence(&granted.mime_type));
    let path = std::path::PathBuf::from(&upload.path);
    let (size, hash) = hash_file(&path).await.map_err(spool_error)?;
    let id = upload.id.clone();
    app.pool
        .write(move |tx| {
            tx.prepare_cached("DELETE FROM media_resumable WHERE id = ?1")?
                .execute([id])?;
            Ok(())
        })
        .await?;
    let spooled = Spooled::adopt(path, size, hash);
    let file = store_upload(&app, granted, &token, spooled, &mime, name).await?;
    Ok(Json(json!({ "file": file })))
}
