//! Imports (spec §6): `POST /site-media/v1/files/import` `{"url", "displayName"?, "mimeType"?}`
//! records a PENDING file and answers at once; a background task fetches exactly that URL
//! (http/https; a few redirects allowed), streams it to disk under the size cap and the import
//! timeout, and records the outcome, visible once its processing time has passed: READY (images
//! with their header dimensions, videos with their renditions) or FAILED (an HTTP error, bytes
//! that cannot be processed as the type says, too large, too slow, unreachable).
//!
//! What the content is, Wix must know before fetching, as it documents: from `mimeType`, else an
//! extension in `displayName` or in the URL, else the source's answer to HEAD. An import whose
//! type none of these tells is refused (400); the bytes are never sniffed to decide it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::spool::{spool, SpoolError};
use super::store::{self, MediaRow, Stored};
use super::upload::unsupported_mime;
use super::{
    classify_mime, essence, guess_from_name, image_extension, mime_of_extension, new_id, Kind,
};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

/// How long past its fetch timeout an import may still be PENDING before it counts as abandoned.
const ABANDONED_GRACE_MS: i64 = 5_000;
/// Limit of the HEAD asked of a source whose type nothing else tells.
const HEAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

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
    let given_name = optional_string(&body, "displayName")?;
    let display_name = given_name
        .clone()
        .or_else(|| last_segment.clone())
        .unwrap_or_else(|| "file".to_string());
    let mime = match &hint {
        Some(mime) => {
            classify_mime(mime).ok_or_else(|| unsupported_mime("mimeType", mime))?;
            essence(mime)
        }
        None => type_of_source(&app, &url, given_name.as_deref(), last_segment.as_deref()).await?,
    };
    let kind = classify_mime(&mime).ok_or_else(|| unsupported_mime("mimeType", &mime))?;
    let ext = match kind {
        Kind::Image => image_extension(&mime),
        Kind::Video => "",
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
        mime_type: Some(mime.clone()),
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
        ready_ms: None,
        duration_ms: None,
        created_date: now.clone(),
        updated_date: now,
    };
    let inserted = row.clone();
    app.pool
        .write(move |tx| store::insert(tx, &inserted))
        .await?;
    let task_app = Arc::clone(&app);
    tokio::spawn(async move {
        run_import(task_app, id, url, kind, mime).await;
    });
    Ok(Json(json!({"file": app.media.descriptor(&row)})))
}

/// The mime type of an import without `mimeType`: from an extension in the display name or the
/// URL, else from the source's answer to HEAD; else the import is refused, as Wix refuses it.
async fn type_of_source(
    app: &App,
    url: &url::Url,
    display_name: Option<&str>,
    last_segment: Option<&str>,
) -> ApiResult<String> {
    for name in [display_name, last_segment].into_iter().flatten() {
        if let Some((_, ext)) = guess_from_name(name) {
            return Ok(mime_of_extension(ext).to_string());
        }
    }
    let answered = app
        .media
        .http
        .head(url.clone())
        .timeout(HEAD_TIMEOUT)
        .send()
        .await
        .ok()
        .filter(|r| r.status().is_success())
        .and_then(|r| {
            r.headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(essence)
        });
    match answered {
        Some(mime) if classify_mime(&mime).is_some() => Ok(mime),
        Some(mime) => Err(unsupported_mime("mimeType", &mime)),
        None => Err(ApiError::invalid(
            "mimeType",
            "the file's type cannot be known: give mimeType, or a displayName or URL with an \
             extension (the source did not answer HEAD with a Content-Type)",
            "REQUIRED_FIELD",
        )),
    }
}

/// Fetches, stores and records the outcome of one import. Never panics; every failure ends as a
/// FAILED row (unless the database itself is unreachable, when the row stays PENDING).
async fn run_import(app: Arc<App>, id: String, url: url::Url, kind: Kind, mime: String) {
    let outcome = fetch_and_store(&app, &id, url, kind, &mime).await;
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
                if let Some(path) = path {
                    let _ = tokio::fs::remove_file(&path).await;
                }
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
    kind: Kind,
    mime: &str,
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
        // Processed as the type says: an image must have a readable header, a video a known
        // container; else it "cannot be processed" and ends FAILED.
        let (mime_type, dimensions, duration_ms, ok) = match kind {
            Kind::Image => match spooled.image_info().await {
                Ok(info) => (
                    info.format.mime().to_string(),
                    Some((info.width, info.height)),
                    None,
                    true,
                ),
                Err(_) => (mime.to_string(), None, None, false),
            },
            Kind::Video => {
                let info = spooled.video_info().await?;
                (
                    mime.to_string(),
                    info.map(|i| (i.width, i.height)),
                    info.and_then(|i| i.duration_ms)
                        .and_then(|ms| i64::try_from(ms).ok()),
                    info.is_some(),
                )
            }
        };
        let size = spooled.size;
        let hash = settings.hash_form.of(&spooled.hash, spooled.path()).await?;
        let path = if ok {
            Some(
                spooled
                    .keep(&app.media.dir, id)
                    .await
                    .map_err(|e| format!("{e:?}"))?,
            )
        } else {
            spooled.discard().await;
            None
        };
        let wait = i64::try_from(settings.ready_after(kind).as_millis()).unwrap_or(i64::MAX);
        Ok(Stored {
            media_type: kind.media_type().to_string(),
            mime_type,
            size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
            hash,
            dimensions,
            duration_ms,
            path: path.map(|p| p.to_string_lossy().into_owned()),
            ready_ms: crate::sandbox::store::now().0.saturating_add(wait),
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
