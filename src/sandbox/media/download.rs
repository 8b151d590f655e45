//! Originals out of the Media Manager (spec §6): `POST /site-media/v1/files/generate-file-download-url`
//! `{"fileId", "downloadFileName"?, "expirationInMinutes"?, "assetKeys"?}` answers
//! `{"downloadUrls": [{"url", "assetKey": "src"}]}`, the URL of the original file, and
//! `GET /_sandbox/download/{id}?expires=&name=` serves it (no credentials, like Wix's download URL,
//! whose token is in the URL; refused once `expires` has passed).
//!
//! The bytes are the file's stored upload or import, or for the seeded media the small files of
//! `seed_bytes.rs`. A file of another site, or none, is a 404 (`FILE_NOT_FOUND`): media that is not
//! in the site's Media Manager, such as stock images, must be fetched from its static URL. The
//! URL points at the server that answered, which is up now (the caller downloads at once).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::{file_not_found, looks_like_id, seed_bytes, store, stored_body};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::validate::{body_object, Query};
use crate::sandbox::App;

/// Where download URLs point: `<base>/_sandbox/download/<id>?expires=<ms>&name=<file name>`.
const DOWNLOAD_PATH: &str = "/_sandbox/download/";
/// Lifetime of a download URL unless `expirationInMinutes` says otherwise.
const DEFAULT_EXPIRATION_MINUTES: i64 = 600;

pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route(
            "/site-media/v1/files/generate-file-download-url",
            post(generate_file_download_url),
        )
        .route("/_sandbox/download/{id}", get(download))
}

/// A file id as given: a bare id, or a Wix media URL (`wix:image://v1/<id>/<name>#…`), which
/// Wix accepts wherever a file id goes.
fn file_id(text: &str) -> String {
    let text = text.trim();
    for scheme in ["wix:image://v1/", "wix:video://v1/", "wix:document://v1/"] {
        if let Some(rest) = text.strip_prefix(scheme) {
            return rest
                .split(['/', '#'])
                .next()
                .unwrap_or_default()
                .to_string();
        }
    }
    text.to_string()
}

/// `POST /site-media/v1/files/generate-file-download-url`.
async fn generate_file_download_url(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let id = match body.get("fileId") {
        Some(Value::String(id)) if !id.trim().is_empty() => file_id(id),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(ApiError::validation(vec![Violation::required("fileId")]))
        }
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "fileId", "a string",
            )]))
        }
    };
    let name = match body.get("downloadFileName") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => Some(name.clone()).filter(|n| !n.trim().is_empty()),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "downloadFileName",
                "a string",
            )]))
        }
    };
    let minutes = match body.get("expirationInMinutes") {
        None | Some(Value::Null) => DEFAULT_EXPIRATION_MINUTES,
        Some(value) => value.as_i64().filter(|m| *m > 0).ok_or_else(|| {
            ApiError::validation(vec![Violation::wrong_type(
                "expirationInMinutes",
                "a positive whole number",
            )])
        })?,
    };
    if let Some(keys) = body.get("assetKeys") {
        let keys = keys.as_array().ok_or_else(|| {
            ApiError::validation(vec![Violation::wrong_type(
                "assetKeys",
                "a list of strings",
            )])
        })?;
        if let Some(other) = keys.iter().find(|k| k.as_str() != Some("src")) {
            return Err(ApiError::invalid(
                "assetKeys",
                format!(
                    "{other} is not an asset of this sandbox's files (only \"src\", the original)"
                ),
                "VALUE",
            ));
        }
    }
    let lookup = id.clone();
    let row = app
        .pool
        .read(move |tx| store::find(tx, &site, &lookup))
        .await?
        .ok_or_else(|| file_not_found(&id))?;
    if row.status != store::READY {
        return Err(ApiError::application(
            StatusCode::PRECONDITION_REQUIRED,
            "FILE_NOT_READY",
            format!("file {id} is {}, not READY", row.status),
        ));
    }
    let url = if row.path.is_some() || seed_bytes::bytes_of(&row.id).is_some() {
        let expires = crate::sandbox::store::now()
            .0
            .saturating_add(minutes.saturating_mul(60_000));
        let mut url = url::Url::parse(&format!("{}{DOWNLOAD_PATH}{}", app.media.base_url, row.id))
            .map_err(|e| ApiError::internal(format!("download URL: {e}")))?;
        url.query_pairs_mut()
            .append_pair("expires", &expires.to_string())
            .append_pair("name", name.as_deref().unwrap_or(&row.display_name));
        url.to_string()
    } else {
        // A file known only by where it lives (no stored bytes): that is its original.
        row.url.clone().ok_or_else(|| file_not_found(&id))?
    };
    Ok(Json(
        json!({"downloadUrls": [{"url": url, "assetKey": "src"}]}),
    ))
}

/// `GET /_sandbox/download/{id}?expires=&name=`: the original bytes, streamed, as an attachment.
async fn download(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Response> {
    if !looks_like_id(&id) {
        return Err(file_not_found(&id));
    }
    let query = Query::parse(raw.as_deref());
    let expires = query.first("expires").and_then(|e| e.parse::<i64>().ok());
    let now = crate::sandbox::store::now().0;
    if !matches!(expires, Some(at) if at >= now) {
        return Err(ApiError::application(
            StatusCode::FORBIDDEN,
            "DOWNLOAD_URL_EXPIRED",
            "this download URL has expired: generate a new one",
        ));
    }
    let row = super::ready_file(&app, &id).await?;
    let name = query
        .first("name")
        .map(str::to_string)
        .unwrap_or_else(|| row.display_name.clone());
    let (body, length, mime) = match (&row.path, seed_bytes::bytes_of(&row.id)) {
        (Some(path), _) => {
            let (body, length) = stored_body(path, &id).await?;
            (body, length, row.mime_type.clone())
        }
        (None, Some((bytes, mime))) => (
            Body::from(Bytes::from_static(bytes)),
            Some(bytes.len() as u64),
            Some(mime.to_string()),
        ),
        (None, None) => return Err(file_not_found(&id)),
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    let mime = mime.unwrap_or_else(|| "application/octet-stream".to_string());
    if let Ok(value) = HeaderValue::from_str(&mime) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(length) = length {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    // Quotes and backslashes cannot end the quoted name early; other bytes stay as they are.
    let quoted: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if matches!(c, '"' | '\\') { '_' } else { c })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{quoted}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_ids_as_bare_ids_and_wix_media_urls() {
        assert_eq!(file_id(" 11062b_abc~mv2.jpg "), "11062b_abc~mv2.jpg");
        assert_eq!(
            file_id("wix:image://v1/0abec0_b291~mv2.jpg/leon.jpg#originWidth=3024"),
            "0abec0_b291~mv2.jpg"
        );
        assert_eq!(
            file_id("wix:video://v1/11062b_2012/clip.mp4"),
            "11062b_2012"
        );
    }
}
