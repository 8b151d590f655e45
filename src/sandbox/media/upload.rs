//! Uploads (spec §6): `POST /site-media/v1/files/generate-upload-url` hands out
//! `<base>/_sandbox/upload/<token>`, where the token (a row in SQLite, so any process on the same
//! database accepts it) binds the site, the declared mime type and file name, and expires after an
//! hour. `PUT <uploadUrl>?filename=<name>` then streams the raw bytes to disk under the size cap
//! and answers `{"file": FileDescriptor}` READY. A second PUT of the same bytes to the same URL
//! answers the file the first one stored, so a retried PUT never duplicates a file.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};

use super::spool::{spool, SpoolError};
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
    Ok(Json(json!({
        "uploadUrl": format!("{}{UPLOAD_PATH}{token}", app.media.base_url),
    })))
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
) -> ApiResult<Json<Value>> {
    let lookup = token.clone();
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
    // The PUT's Content-Type is what the bytes are; the mime type declared when the URL was made
    // stands in when the PUT has none.
    let mime = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(super::essence)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| super::essence(&granted.mime_type));
    let Some(kind) = classify_mime(&mime) else {
        return Err(unsupported_mime("Content-Type", &mime));
    };
    let display_name = Query::parse(raw.as_deref())
        .first("filename")
        .map(str::to_string)
        .filter(|n| !n.trim().is_empty())
        .or(granted.file_name.clone())
        .unwrap_or_else(|| "file".to_string());

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
    let spooled = spool(body.into_data_stream(), &app.media.dir, cap)
        .await
        .map_err(spool_error)?;
    if spooled.size == 0 {
        spooled.discard().await;
        return Err(ApiError::invalid(
            "body",
            "the file is empty",
            "REQUIRED_FIELD",
        ));
    }
    let (mime, ext, dimensions) = match kind {
        Kind::Image => match spooled.image_info().await {
            Ok(info) => (
                info.format.mime().to_string(),
                info.format.extension(),
                Some((info.width, info.height)),
            ),
            Err(err) => {
                spooled.discard().await;
                return Err(ApiError::invalid(
                    "body",
                    format!("the file is not a readable image ({err})"),
                    "FORMAT",
                ));
            }
        },
        // Videos are accepted as declared, without probing their dimensions.
        Kind::Video => (mime, "", None),
    };

    let id = new_id(&granted.site, kind, ext);
    let (size, hash) = (spooled.size, spooled.hash.clone());
    let path = spooled
        .keep(&app.media.dir, &id)
        .await
        .map_err(spool_error)?;
    let now = crate::sandbox::store::now().1;
    let row = MediaRow {
        site: granted.site,
        id,
        display_name,
        media_type: kind.media_type().to_string(),
        mime_type: Some(mime),
        status: store::READY.to_string(),
        size_bytes: Some(i64::try_from(size).unwrap_or(i64::MAX)),
        hash: Some(hash),
        width: dimensions.map(|(w, _)| i64::from(w)),
        height: dimensions.map(|(_, h)| i64::from(h)),
        path: Some(path.to_string_lossy().into_owned()),
        url: None,
        source_url: None,
        upload_token: Some(token),
        deadline_ms: None,
        created_date: now.clone(),
        updated_date: now,
    };
    // One write transaction decides: a retried PUT of the same bytes to the same URL gets the
    // file the first one stored (checked under the write lock, so two racing retries agree).
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
    match outcome {
        Ok(None) => Ok(Json(json!({"file": app.media.descriptor(&row)}))),
        Ok(Some(existing)) => {
            let _ = tokio::fs::remove_file(&path).await;
            Ok(Json(json!({"file": app.media.descriptor(&existing)})))
        }
        Err(err) => {
            // No row, no file: a failed insert must not leave bytes nobody can reach.
            let _ = tokio::fs::remove_file(&path).await;
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
