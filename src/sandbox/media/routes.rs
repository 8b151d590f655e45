//! The media endpoints and their router, merged into the sandbox's (so the gate, the request log
//! and the faults apply as for the gallery API):
//! - `POST /site-media/v1/files/generate-upload-url`, `…/generate-resumable-upload-url`,
//!   `POST /site-media/v1/files/import`, `GET /site-media/v1/files/get-file-by-id?fileId=`,
//!   `POST /site-media/v1/files/get-files {"fileIds": [1..100]}` (authenticated, per site);
//! - `PUT /_sandbox/upload/{token}?filename=` (the upload URL; the token is the credential), and
//!   the resumable upload's tus endpoints under `/_sandbox/resumable` (`resumable.rs`);
//! - `GET /_sandbox/media/{id}`: a READY file's bytes with its Content-Type (public, like a Wix
//!   static URL; not logged); `…/{id}/<rendition path>` a video's renditions (the same bytes),
//!   `…/{id}f000.jpg` its posters (a placeholder image);
//! - `GET|PUT /_sandbox/media-settings` `{"maxUploadBytes", "importTimeoutMs",
//!   "uploadUrlLifetimeMs", "imageReadyAfterMs", "videoReadyAfterMs", "refuseUnreadableUploads",
//!   "getFilesUnknownIds"}` (admin, runtime; see `Settings`).

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::{file_not_found, import, resumable, store, upload, video, UnknownIds};
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
        .route(
            "/files/generate-resumable-upload-url",
            post(resumable::generate_resumable_upload_url),
        )
        .route("/files/import", post(import::import_file))
        .route("/files/get-file-by-id", get(get_file_by_id))
        .route("/files/get-files", post(get_files));
    Router::new()
        .nest(PREFIX, api)
        // The upload body is streamed by the handler under its own cap, not the 1 MiB JSON cap.
        .route(
            "/_sandbox/upload/{token}",
            put(upload::put_upload).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(
            resumable::RESUMABLE_PATH,
            post(resumable::create).options(resumable::options),
        )
        .route(
            "/_sandbox/resumable/uploads/{id}",
            axum::routing::head(resumable::head)
                .patch(resumable::patch)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/_sandbox/resumable/{token}", put(resumable::commit))
        .route("/_sandbox/media/{id}", get(serve_bytes))
        .route("/_sandbox/media/{id}/{*rendition}", get(serve_rendition))
        .route(
            "/_sandbox/media-settings",
            get(settings_get).put(settings_put),
        )
        .merge(super::download::router())
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

/// Most ids one `get-files` takes.
const GET_FILES_MAX: usize = 100;

/// `POST /site-media/v1/files/get-files {"fileIds": [..]}` → `{"files": [FileDescriptor]}`, in
/// the order asked. Unknown ids are left out, or fail the request (`getFilesUnknownIds`).
async fn get_files(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let ids: Vec<String> = match body.get("fileIds") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| v.as_str().map(|s| s.trim().to_string()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                ApiError::validation(vec![Violation::wrong_type("fileIds", "an array of ids")])
            })?,
        None | Some(Value::Null) => {
            return Err(ApiError::validation(vec![Violation::required("fileIds")]))
        }
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "fileIds",
                "an array of ids",
            )]))
        }
    };
    if ids.is_empty() || ids.len() > GET_FILES_MAX {
        return Err(ApiError::invalid(
            "fileIds",
            format!("must hold 1 to {GET_FILES_MAX} ids"),
            "MAX_SIZE",
        ));
    }
    let own = app.media.base_url.clone();
    let wanted = ids.clone();
    let (rows, base) = app
        .pool
        .read(move |tx| {
            let rows = store::find_many(tx, &site, &wanted)?;
            Ok((rows, super::servers::public_base(tx, &own)?))
        })
        .await?;
    if app.media.settings().get_files_unknown_ids == UnknownIds::Fail {
        if let Some(missing) = ids.iter().find(|id| !rows.iter().any(|r| &r.id == *id)) {
            return Err(file_not_found(missing));
        }
    }
    let files: Vec<Value> = rows
        .iter()
        .map(|row| store::descriptor(row, &base))
        .collect();
    Ok(Json(json!({ "files": files })))
}

/// `GET /_sandbox/media/{id}/{rendition}`: a READY video's rendition, its original bytes (the
/// sandbox does not transcode).
async fn serve_rendition(
    State(app): State<Arc<App>>,
    Path((id, _rendition)): Path<(String, String)>,
) -> ApiResult<Response> {
    serve_bytes(State(app), Path(id)).await
}

/// A poster of a READY video: a placeholder image.
async fn serve_poster(app: &App, name: &str) -> ApiResult<Response> {
    let owner = video::poster_owner(name).unwrap_or_default().to_string();
    app.pool
        .read(move |tx| store::find_any_site(tx, &owner))
        .await?
        .filter(|row| row.status == store::READY && row.media_type == "VIDEO")
        .ok_or_else(|| file_not_found(name))?;
    let mut response = Body::from(video::POSTER_PLACEHOLDER).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    Ok(response)
}

/// `GET /_sandbox/media/{id}`: the stored bytes, streamed, never read whole into memory.
async fn serve_bytes(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Response> {
    if !super::looks_like_id(&id) {
        return Err(file_not_found(&id));
    }
    let lookup = id.clone();
    let found = app
        .pool
        .read(move |tx| store::find_any_site(tx, &lookup))
        .await?;
    // A name no file has but shaped like a video's poster is that video's poster.
    let row = match found {
        None if video::poster_owner(&id).is_some() => return serve_poster(&app, &id).await,
        found => found
            .filter(|row| row.status == store::READY)
            .ok_or_else(|| file_not_found(&id))?,
    };
    let Some(path) = row.path.as_deref() else {
        return Err(file_not_found(&id));
    };
    let (body, length) = super::stored_body(path, &id).await?;
    let mut response = body.into_response();
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
