//! Imports (spec §6): `POST /site-media/v1/files/import` `{"url", "displayName"?, "mimeType"?}`
//! records a PENDING file and answers at once; a background task fetches exactly that URL
//! (http/https; a few redirects allowed), streams it to disk under the size cap and the import
//! timeout, and marks the file READY (images with their header dimensions) or FAILED (an HTTP
//! error, neither a readable image nor a video, too large, too slow, unreachable).
//!
//! What the content is: an image if the header reader recognises it; otherwise a video if the
//! response's Content-Type (or the request's `mimeType`) says mp4/mov/webm; otherwise FAILED.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::spool::{spool, SpoolError};
use super::store::{self, MediaRow, Stored};
use super::upload::unsupported_mime;
use super::{classify_mime, essence, guess_from_name, image_extension, new_id, Kind};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

/// How long past its fetch timeout an import may still be PENDING before it counts as abandoned.
const ABANDONED_GRACE_MS: i64 = 5_000;

fn optional_string(
    body: &serde_json::Map<String, Value>,
    field: &str,
) -> ApiResult<Option<String>> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(ApiError::validation(vec![Violation::wrong_type(
            field, "a string",
        )])),
    }
}

/// `POST /site-media/v1/files/import`.
pub async fn import_file(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let Some(url_text) = optional_string(&body, "url")? else {
        return Err(ApiError::validation(vec![Violation::required("url")]));
    };
    let url = url::Url::parse(&url_text)
        .map_err(|e| ApiError::invalid("url", format!("is not a valid URL ({e})"), "FORMAT"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ApiError::invalid(
            "url",
            "must be an http or https URL",
            "FORMAT",
        ));
    }
    let hint = optional_string(&body, "mimeType")?;
    let hinted_kind = match &hint {
        Some(mime) => Some(classify_mime(mime).ok_or_else(|| unsupported_mime("mimeType", mime))?),
        None => None,
    };
    let last_segment = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .filter(|s| !s.is_empty())
        .map(|s| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_else(|| s.to_string())
        });
    let display_name = optional_string(&body, "displayName")?
        .or_else(|| last_segment.clone())
        .unwrap_or_else(|| "file".to_string());

    // The id is fixed now (the client polls by it), so its shape comes from what is known now:
    // the mime type if given, else the URL's extension, else an image.
    let guessed = last_segment.as_deref().and_then(guess_from_name);
    let (kind, ext) = match (hinted_kind, &hint, guessed) {
        (Some(Kind::Image), Some(mime), _) => (Kind::Image, image_extension(mime)),
        (Some(Kind::Video), _, _) => (Kind::Video, ""),
        (_, _, Some((kind, ext))) => (kind, ext),
        _ => (Kind::Image, "jpg"),
    };
    let id = new_id(&site, kind, ext);
    let (now_ms, now) = crate::sandbox::store::now();
    // The fetch ends within the import timeout; the grace covers storing the result.
    let timeout_ms = u64::try_from(app.media.settings().import_timeout.as_millis()).unwrap_or(0);
    let deadline_ms = now_ms
        .saturating_add(i64::try_from(timeout_ms).unwrap_or(i64::MAX))
        .saturating_add(ABANDONED_GRACE_MS);
    let row = MediaRow {
        site,
        id: id.clone(),
        display_name,
        media_type: kind.media_type().to_string(),
        mime_type: hint.as_deref().map(essence),
        status: store::PENDING.to_string(),
        size_bytes: None,
        hash: None,
        width: None,
        height: None,
        path: None,
        url: None,
        source_url: Some(url.to_string()),
        upload_token: None,
        deadline_ms: Some(deadline_ms),
        created_date: now.clone(),
        updated_date: now,
    };
    let inserted = row.clone();
    app.pool
        .write(move |tx| store::insert(tx, &inserted))
        .await?;
    let task_app = Arc::clone(&app);
    tokio::spawn(async move {
        run_import(task_app, id, url, hint).await;
    });
    Ok(Json(json!({"file": app.media.descriptor(&row)})))
}

/// Fetches, stores and records the outcome of one import. Never panics; every failure ends as a
/// FAILED row (unless the database itself is unreachable, when the row stays PENDING).
async fn run_import(app: Arc<App>, id: String, url: url::Url, hint: Option<String>) {
    let outcome = fetch_and_store(&app, &id, url, hint.as_deref()).await;
    let now = crate::sandbox::store::now().1;
    match outcome {
        Ok(stored) => {
            let path = stored.path.clone();
            let update_id = id.clone();
            let done = app
                .pool
                .write(move |tx| store::complete(tx, &update_id, &stored, &now))
                .await;
            if !matches!(done, Ok(true)) {
                let _ = tokio::fs::remove_file(&path).await;
            }
        }
        Err(reason) => {
            let _ = app
                .pool
                .write(move |tx| store::fail(tx, &id, &reason, &now))
                .await;
        }
    }
}

async fn fetch_and_store(
    app: &App,
    id: &str,
    url: url::Url,
    hint: Option<&str>,
) -> Result<Stored, String> {
    let settings = app.media.settings();
    let work = async {
        let response = app
            .media
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| format!("fetching the URL failed: {e}"))?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("the URL answered HTTP {}", status.as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|len| len > settings.max_upload_bytes)
        {
            return Err(format!(
                "the file is larger than the limit of {} bytes",
                settings.max_upload_bytes
            ));
        }
        let served_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(essence);
        let spooled = spool(
            response.bytes_stream(),
            &app.media.dir,
            settings.max_upload_bytes,
        )
        .await
        .map_err(|e| match e {
            SpoolError::TooLarge { cap } => {
                format!("the file is larger than the limit of {cap} bytes")
            }
            SpoolError::Body(m) => format!("downloading failed: {m}"),
            SpoolError::Io(m) => m,
        })?;
        if spooled.size == 0 {
            spooled.discard().await;
            return Err("the URL answered an empty body".to_string());
        }
        let (media_type, mime_type, dimensions) = match spooled.image_info().await {
            Ok(info) => (
                Kind::Image,
                info.format.mime().to_string(),
                Some((info.width, info.height)),
            ),
            Err(image_err) => {
                let video = [served_type.as_deref(), hint]
                    .into_iter()
                    .flatten()
                    .find(|m| classify_mime(m) == Some(Kind::Video));
                match video {
                    Some(mime) => (Kind::Video, essence(mime), None),
                    None => {
                        spooled.discard().await;
                        return Err(format!("neither an image nor a video: {image_err}"));
                    }
                }
            }
        };
        let (size, hash) = (spooled.size, spooled.hash.clone());
        let path = spooled
            .keep(&app.media.dir, id)
            .await
            .map_err(|e| format!("{e:?}"))?;
        Ok(Stored {
            media_type: media_type.media_type().to_string(),
            mime_type,
            size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
            hash,
            dimensions,
            path: path.to_string_lossy().into_owned(),
        })
    };
    // The timeout covers connecting, the headers and the whole body; dropping `work` on timeout
    // drops its partial file too (see `spool.rs`).
    match tokio::time::timeout(settings.import_timeout, work).await {
        Ok(result) => result,
        Err(_) => Err(format!(
            "the import did not finish within {} ms",
            settings.import_timeout.as_millis()
        )),
    }
}
