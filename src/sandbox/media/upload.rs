//! Uploads (spec §6): `POST /site-media/v1/files/generate-upload-url` hands out
//! `<base>/_sandbox/upload/<token>`, where the token (a row in SQLite, so any process on the same
//! database accepts it) binds the site, the declared mime type and file name, and expires after an
//! hour. `PUT <uploadUrl>?filename=<name>` then streams the raw bytes to disk under the size cap
//! and answers `{"file": FileDescriptor}`, PENDING while it is "processed" (then READY, or FAILED
//! for bytes that cannot be processed). A second PUT of the same bytes to the same URL answers
//! the file the first one stored, so a retried PUT never duplicates a file. The resumable upload
//! (`resumable.rs`) ends in the same `store_upload`.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::spool::{spool, SpoolError, Spooled};
use super::store::{self, MediaRow, UploadToken};
use super::{classify_mime, new_id, Kind, UPLOAD_PATH};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::validate::{body_object, Query};
use crate::sandbox::App;

/// `POST /site-media/v1/files/generate-upload-url` `{"mimeType", "fileName"?}`.
pub async fn generate_upload_url(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let token = grant_token(&app, site, &body).await?;
    Ok(Json(json!({
        "uploadUrl": format!("{}{UPLOAD_PATH}{token}", app.media.base_url),
    })))
}

/// Checks `{"mimeType", "fileName"?}` and records a new upload token for `site`.
pub async fn grant_token(
    app: &App,
    site: String,
    body: &serde_json::Map<String, Value>,
) -> ApiResult<String> {
    let mime_type = match body.get("mimeType") {
        Some(Value::String(m)) if !m.trim().is_empty() => m.trim().to_string(),
        Some(Value::String(_)) | None => {
            return Err(ApiError::validation(vec![Violation::required("mimeType")]))
        }
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "mimeType", "a string",
            )]))
        }
    };
    if classify_mime(&mime_type).is_none() {
        return Err(unsupported_mime("mimeType", &mime_type));
    }
    let file_name = match body.get("fileName") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name.clone()).filter(|n| !n.trim().is_empty()),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "fileName", "a string",
            )]))
        }
    };
    let token = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    let lifetime = app.media.settings().upload_url_lifetime;
    let lifetime_ms = i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX);
    let value = UploadToken {
        site,
        mime_type,
        file_name,
        expires_ms: crate::sandbox::store::now().0.saturating_add(lifetime_ms),
    };
    let stored_token = token.clone();
    app.pool
        .write(move |tx| store::insert_token(tx, &stored_token, &value))
        .await?;
    Ok(token)
}

pub fn unsupported_mime(field: &str, mime: &str) -> ApiError {
    ApiError::invalid(
        field,
        format!(
            "{mime:?} is not supported (images: jpeg, png, gif, webp, bmp; videos: mp4, \
             quicktime, webm)"
        ),
        "FORMAT",
    )
}

fn upload_refused(description: &str) -> ApiError {
    ApiError::application(StatusCode::FORBIDDEN, "PERMISSION_DENIED", description)
}

/// `PUT /_sandbox/upload/{token}?filename=<name>` with the raw bytes.
pub async fn put_upload(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let granted = valid_token(&app, &token).await?;
    // The PUT's Content-Type is what the bytes are; the mime type declared when the URL was made
    // stands in when the PUT has none.
    let mime = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(super::essence)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| super::essence(&granted.mime_type));
    if classify_mime(&mime).is_none() {
        return Err(unsupported_mime("Content-Type", &mime));
    }
    let display_name = display_name(raw.as_deref(), &granted);
    let cap = app.media.settings().max_upload_bytes;
    // A declared length past the cap is refused before reading a byte (a client waiting on
    // `100 Continue` then sends nothing); the spool enforces the cap on what actually arrives.
    let declared = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|len| len > cap) {
        return Err(spool_error(SpoolError::TooLarge { cap }));
    }
    let (stream, cut) = super::drop_fault::wrap(&app, body.into_data_stream());
    let spooled = match spool(stream, &app.media.dir, cap).await {
        Ok(spooled) => spooled,
        Err(_) if cut.happened() => return Ok(super::drop_fault::dropped()),
        Err(err) => return Err(spool_error(err)),
    };
    let file = store_upload(&app, granted, &token, spooled, &mime, display_name).await?;
    Ok(Json(json!({ "file": file })).into_response())
}

/// The token of an upload URL, if it is one and has not expired.
pub async fn valid_token(app: &App, token: &str) -> ApiResult<UploadToken> {
    let lookup = token.to_string();
    let Some(granted) = app
        .pool
        .read(move |tx| store::find_token(tx, &lookup))
        .await?
    else {
        return Err(upload_refused("this upload URL is not valid"));
    };
    if granted.expires_ms < crate::sandbox::store::now().0 {
        return Err(upload_refused(
            "this upload URL has expired; generate a new one",
        ));
    }
    Ok(granted)
}

/// The name the file gets: `?filename=`, else the one given when the URL was made.
pub fn display_name(raw_query: Option<&str>, granted: &UploadToken) -> String {
    Query::parse(raw_query)
        .first("filename")
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .or(granted.file_name.clone())
        .unwrap_or_else(|| "file".to_string())
}

/// What processing makes of the bytes: the outcome, the served mime type, the id's extension,
/// and the image size or video size and duration.
struct Processed {
    ready: bool,
    mime: String,
    ext: &'static str,
    dimensions: Option<(u32, u32)>,
    duration_ms: Option<i64>,
}

/// Decides what the bytes of a `kind` file become. An image whose header cannot be read, or a
/// video in no known container, "cannot be processed": FAILED once its processing time is over
/// (or refused at once with `refuseUnreadableUploads`).
async fn process(spooled: &Spooled, kind: Kind, mime: &str, refuse: bool) -> ApiResult<Processed> {
    match kind {
        Kind::Image => match spooled.image_info().await {
            Ok(info) => Ok(Processed {
                ready: true,
                mime: info.format.mime().to_string(),
                ext: info.format.extension(),
                dimensions: Some((info.width, info.height)),
                duration_ms: None,
            }),
            Err(err) if refuse => Err(ApiError::invalid(
                "body",
                format!("the file is not a readable image ({err})"),
                "FORMAT",
            )),
            Err(_) => Ok(Processed {
                ready: false,
                mime: mime.to_string(),
                ext: super::image_extension(mime),
                dimensions: None,
                duration_ms: None,
            }),
        },
        Kind::Video => {
            let info = spooled.video_info().await.map_err(ApiError::internal)?;
            Ok(Processed {
                ready: info.is_some(),
                mime: mime.to_string(),
                ext: "",
                dimensions: info.map(|i| (i.width, i.height)),
                duration_ms: info
                    .and_then(|i| i.duration_ms)
                    .and_then(|ms| i64::try_from(ms).ok()),
            })
        }
    }
}

/// Stores the bytes of a finished upload (a PUT, or a resumable upload's commit) as a file that
/// is PENDING for its processing time, then READY or FAILED; answers its descriptor. A second
/// upload of the same bytes with the same token answers the file the first one stored, so a
/// retried upload never duplicates a file.
pub async fn store_upload(
    app: &App,
    granted: UploadToken,
    token: &str,
    spooled: Spooled,
    mime: &str,
    display_name: String,
) -> ApiResult<Value> {
    if spooled.size == 0 {
        spooled.discard().await;
        return Err(ApiError::invalid(
            "body",
            "the file is empty",
            "REQUIRED_FIELD",
        ));
    }
    let Some(kind) = classify_mime(mime) else {
        spooled.discard().await;
        return Err(unsupported_mime("Content-Type", mime));
    };
    let settings = app.media.settings();
    let processed = match process(&spooled, kind, mime, settings.refuse_unreadable_uploads).await {
        Ok(processed) => processed,
        Err(err) => {
            spooled.discard().await;
            return Err(err);
        }
    };
    let id = new_id(&granted.site, kind, processed.ext);
    let size = spooled.size;
    // On an error the spooled bytes are removed as `spooled` drops.
    let hash = settings
        .hash_form
        .of(&spooled.hash, spooled.path())
        .await
        .map_err(ApiError::internal)?;
    // A file that cannot be processed keeps no bytes: there is nothing to serve.
    let path = if processed.ready {
        Some(
            spooled
                .keep(&app.media.dir, &id)
                .await
                .map_err(spool_error)?,
        )
    } else {
        spooled.discard().await;
        None
    };
    let (now_ms, now) = crate::sandbox::store::now();
    let wait = i64::try_from(settings.ready_after(kind).as_millis()).unwrap_or(i64::MAX);
    let row = MediaRow {
        site: granted.site,
        id,
        display_name,
        media_type: kind.media_type().to_string(),
        mime_type: Some(processed.mime),
        status: if processed.ready {
            store::READY
        } else {
            store::FAILED
        }
        .to_string(),
        size_bytes: Some(i64::try_from(size).unwrap_or(i64::MAX)),
        hash: Some(hash),
        width: processed.dimensions.map(|(w, _)| i64::from(w)),
        height: processed.dimensions.map(|(_, h)| i64::from(h)),
        path: path.as_ref().map(|p| p.to_string_lossy().into_owned()),
        url: None,
        source_url: None,
        upload_token: Some(token.to_string()),
        deadline_ms: None,
        ready_ms: Some(now_ms.saturating_add(wait)),
        duration_ms: processed.duration_ms,
        created_date: now.clone(),
        updated_date: now,
    };
    // One write transaction decides: a retried upload of the same bytes with the same token gets
    // the file the first one stored (checked under the write lock, so two racing retries agree).
    let inserted = row.clone();
    let outcome = app
        .pool
        .write(move |tx| {
            let (token, hash) = (
                inserted.upload_token.as_deref().unwrap_or(""),
                inserted.hash.as_deref().unwrap_or(""),
            );
            if let Some(existing) = store::find_by_token_and_hash(tx, token, hash)? {
                return Ok(Some(existing));
            }
            store::insert(tx, &inserted)?;
            Ok(None)
        })
        .await;
    let remove = || async {
        if let Some(path) = &path {
            let _ = tokio::fs::remove_file(path).await;
        }
    };
    match outcome {
        // Answered as it reads now: PENDING.
        Ok(None) => {
            let mut answered = row;
            answered.status = store::PENDING.to_string();
            Ok(app.media.descriptor(&answered))
        }
        Ok(Some(existing)) => {
            remove().await;
            Ok(app.media.descriptor(&existing))
        }
        Err(err) => {
            // No row, no file: a failed insert must not leave bytes nobody can reach.
            remove().await;
            Err(err)
        }
    }
}

pub fn spool_error(err: SpoolError) -> ApiError {
    match err {
        SpoolError::TooLarge { cap } => ApiError::application(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("the file is larger than the limit of {cap} bytes"),
        ),
        SpoolError::Body(message) => ApiError::invalid(
            "body",
            format!("the upload was cut short: {message}"),
            "FORMAT",
        ),
        SpoolError::Io(message) => ApiError::internal(message),
    }
}
