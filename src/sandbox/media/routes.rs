//! The media endpoints and their router, merged into the sandbox's (so the gate, the request log
//! and the faults apply as for the gallery API):
//! - `POST /site-media/v1/files/generate-upload-url`, `POST /site-media/v1/files/import`,
//!   `GET /site-media/v1/files/get-file-by-id?fileId=` (authenticated, per site);
//! - `PUT /_sandbox/upload/{token}?filename=` (the upload URL; the token is the credential);
//! - `GET /_sandbox/media/{id}`: a READY file's bytes with its Content-Type (public, like a Wix
//!   static URL; not logged);
//! - `GET|PUT /_sandbox/media-settings` `{"maxUploadBytes", "importTimeoutMs",
//!   "uploadUrlLifetimeMs"}` (admin, runtime; defaults 1 GiB, 120 s, 1 h).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Value};
use tokio::io::AsyncReadExt;

use super::{import, store, upload};
use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::validate::{body_object, Query};
use crate::sandbox::App;

/// The Media Manager's API prefix (spec §6).
pub const PREFIX: &str = "/site-media/v1";

pub fn router() -> Router<Arc<App>> {
    let api = Router::new()
        .route(
            "/files/generate-upload-url",
            post(upload::generate_upload_url),
        )
        .route("/files/import", post(import::import_file))
        .route("/files/get-file-by-id", get(get_file_by_id));
    Router::new()
        .nest(PREFIX, api)
        // The upload body is streamed by the handler under its own cap, not the 1 MiB JSON cap.
        .route(
            "/_sandbox/upload/{token}",
            put(upload::put_upload).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/_sandbox/media/{id}", get(serve_bytes))
        .route(
            "/_sandbox/media-settings",
            get(settings_get).put(settings_put),
        )
        .merge(super::download::router())
}

fn file_not_found(id: &str) -> ApiError {
    ApiError::application(
        StatusCode::NOT_FOUND,
        "FILE_NOT_FOUND",
        format!("file {id} does not exist"),
    )
}

/// `GET /site-media/v1/files/get-file-by-id?fileId=<id>`.
async fn get_file_by_id(
    State(app): State<Arc<App>>,
    Site(site): Site,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let Some(id) = query
        .first("fileId")
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_string)
    else {
        return Err(ApiError::validation(vec![Violation::required("fileId")]));
    };
    let lookup = id.clone();
    let own = app.media.base_url.clone();
    // The URL names the server media URLs should carry now (see servers.rs), not necessarily
    // this one: an embedded command's port is gone when it ends.
    let (row, base) = app
        .pool
        .read(move |tx| {
            let row = store::find(tx, &site, &lookup)?;
            Ok((row, super::servers::public_base(tx, &own)?))
        })
        .await?;
    let row = row.ok_or_else(|| file_not_found(&id))?;
    Ok(Json(json!({"file": store::descriptor(&row, &base)})))
}

/// Chunk size when streaming a stored file back.
const SERVE_CHUNK: usize = 64 * 1024;

/// `GET /_sandbox/media/{id}`: the stored bytes, streamed, never read whole into memory.
async fn serve_bytes(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    if !super::looks_like_id(&id) {
        return Err(file_not_found(&id));
    }
    let lookup = id.clone();
    let row = app
        .pool
        .read(move |tx| store::find_any_site(tx, &lookup))
        .await?
        .filter(|row| row.status == store::READY)
        .ok_or_else(|| file_not_found(&id))?;
    let Some(path) = row.path.as_deref() else {
        return Err(file_not_found(&id));
    };
    let file = tokio::fs::File::open(path)
        .await
        .map_err(|_| file_not_found(&id))?;
    let length = file.metadata().await.map(|m| m.len()).ok();
    let stream = futures::stream::unfold(Some(file), |state| async move {
        let mut file = state?;
        let mut buf = vec![0u8; SERVE_CHUNK];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<Bytes, std::io::Error>(Bytes::from(buf)), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    });
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    let mime = row
        .mime_type
        .as_deref()
        .unwrap_or("application/octet-stream");
    if let Ok(value) = HeaderValue::from_str(mime) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(length) = length {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    if let Some(hash) = &row.hash {
        if let Ok(value) = HeaderValue::from_str(&format!("\"{hash}\"")) {
            headers.insert(header::ETAG, value);
        }
    }
    Ok(response)
}

async fn settings_get(State(app): State<Arc<App>>) -> Json<Value> {
    Json(app.media.settings().to_json())
}

async fn settings_put(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<Json<Value>> {
    let patch = body_object(&body)?;
    Ok(Json(app.media.update_settings(&patch)?.to_json()))
}
