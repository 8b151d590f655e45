//! The `/_sandbox/*` admin endpoints, for tests, rehearsals and benchmarks. They are not subject
//! to faults and not recorded in the request log. A sandbox started with `--api-key` requires
//! that key on them too (`check_key`): whoever can reach the port must not be able to read the
//! request log (it holds request bodies), change the faults or fill the database without it.
//! The exceptions are what a key-less client must reach: the media URLs answers hand out
//! (`/_sandbox/media/…`, public like Wix's static URLs), the download URLs (`/_sandbox/download/…`,
//! public like Wix's), the upload URLs, simple and resumable (their token is the credential) and
//! `/_sandbox/health`. The endpoints:
//! - `GET|DELETE /_sandbox/requests`: the request log (see `requests.rs`);
//! - `GET|PUT /_sandbox/faults`: read or change fault injection at runtime (partial bodies allowed);
//! - `GET|DELETE /_sandbox/events`: the committed mutation events, oldest first;
//! - `GET /_sandbox/health`: `{"ok": true}`;
//! - `GET /_sandbox/webhook-public-key`: the PEM webhook receivers verify with (text/plain);
//! - `GET /_sandbox/webhooks`: the `--webhook-url`s, the key file and per-URL delivery counters;
//! - `POST /_sandbox/generate` `{"count": N, "galleryId"?: id}`: bulk-creates N image items in one
//!   transaction (into a new gallery unless one is named) of the request's site, without events.
//!   It exists so a benchmark can fill a 100,000-item gallery in seconds rather than minutes.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::site_of;
use crate::sandbox::store::{self, galleries, items, next_default_sort_order};
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

/// Largest `count` accepted by `/_sandbox/generate`.
const MAX_GENERATE: i64 = 1_000_000;

/// Admin paths anyone may reach, even with `--api-key` (see the module's comment); the upload
/// paths are let through before this is asked.
fn is_public(path: &str) -> bool {
    path == "/_sandbox/health"
        || path.starts_with("/_sandbox/media/")
        || path.starts_with("/_sandbox/download/")
}

/// With `--api-key`, an admin request must carry it (raw, or after `Bearer `): missing is 401,
/// another value 403, as on the API.
pub fn check_key(app: &App, request: &axum::extract::Request) -> Result<(), ApiError> {
    let Some(expected) = &app.api_key else {
        return Ok(());
    };
    if is_public(request.uri().path()) {
        return Ok(());
    }
    let Some(value) = request.headers().get(header::AUTHORIZATION) else {
        return Err(ApiError::application(
            StatusCode::UNAUTHORIZED,
            "UNAUTHENTICATED",
            "the sandbox was started with --api-key: its admin endpoints need the key too",
        ));
    };
    let given = crate::sandbox::oauth::strip_bearer(value.to_str().unwrap_or(""));
    if given == expected {
        Ok(())
    } else {
        Err(ApiError::application(
            StatusCode::FORBIDDEN,
            "PERMISSION_DENIED",
            "the Authorization value is not the sandbox's --api-key",
        ))
    }
}

pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route(
            "/_sandbox/requests",
            get(requests_get).delete(requests_clear),
        )
        .route("/_sandbox/faults", get(faults_get).put(faults_put))
        .route("/_sandbox/events", get(events_get).delete(events_clear))
        .route("/_sandbox/health", get(health))
        .route("/_sandbox/webhook-public-key", get(webhook_public_key))
        .route("/_sandbox/webhooks", get(webhooks_status))
        .route("/_sandbox/generate", post(generate))
}

async fn requests_get(State(app): State<Arc<App>>) -> Json<Value> {
    Json(Value::Array(app.requests.snapshot()))
}

async fn requests_clear(State(app): State<Arc<App>>) -> Json<Value> {
    app.requests.clear();
    Json(json!({}))
}

async fn faults_get(State(app): State<Arc<App>>) -> Json<Value> {
    Json(app.faults.get().to_json())
}

async fn faults_put(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<Json<Value>> {
    let patch = body_object(&body)?;
    let faults = app.faults.update(&patch)?;
    Ok(Json(faults.to_json()))
}

async fn events_get(State(app): State<Arc<App>>) -> ApiResult<Json<Value>> {
    let events = serde_json::to_value(app.events.snapshot())
        .map_err(|e| ApiError::internal(format!("serialising events: {e}")))?;
    Ok(Json(events))
}

async fn events_clear(State(app): State<Arc<App>>) -> Json<Value> {
    app.events.clear();
    Json(json!({}))
}

async fn health() -> Json<Value> {
    Json(json!({"ok": true}))
}

async fn webhook_public_key(State(app): State<Arc<App>>) -> ApiResult<Response> {
    let pair = app
        .webhooks
        .key_pair()
        .await
        .map_err(|e| ApiError::internal(format!("{e:#}")))?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        pair.public_pem.clone(),
    )
        .into_response())
}

async fn webhooks_status(State(app): State<Arc<App>>) -> Json<Value> {
    Json(app.webhooks.status())
}

async fn generate(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let site = site_of(&headers);
    let body = body_object(&body)?;
    let count = body
        .get("count")
        .and_then(Value::as_i64)
        .filter(|n| (1..=MAX_GENERATE).contains(n))
        .ok_or_else(|| {
            ApiError::validation(vec![Violation::new(
                "count",
                format!("must be a whole number between 1 and {MAX_GENERATE}"),
                "FORMAT",
            )])
        })?;
    let gallery_id = match body.get("galleryId") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "galleryId",
                "a string",
            )]))
        }
    };
    let readings = app.readings;
    let (id, total) = app
        .pool
        .write(move |tx| {
            let mut row = match gallery_id {
                Some(id) => store::find_gallery(tx, &site, &id)?
                    .ok_or_else(|| ApiError::gallery_not_found(&id))?,
                None => {
                    let mut spec = Map::new();
                    spec.insert("name".into(), json!(format!("Generated ({count} items)")));
                    let (created, _events) = galleries::create(
                        tx,
                        &site,
                        &spec,
                        None,
                        galleries::NewGallery {
                            id: None,
                            created: None,
                        },
                        1,
                        readings,
                    )?;
                    let id = created["id"].as_str().unwrap_or_default().to_string();
                    store::find_gallery(tx, &site, &id)?
                        .ok_or_else(|| ApiError::internal("generated gallery vanished"))?
                }
            };
            for n in 0..count {
                let sort_order =
                    next_default_sort_order(tx, readings.default_sort_order, |_| Ok(false))?;
                let media = format!("generated_{n:07}~mv2.jpg");
                let item = json!({
                    "sortOrder": sort_order,
                    "title": format!("Generated item {n}"),
                    "description": "Made by POST /_sandbox/generate",
                    "image": {
                        "type": "WIX_MEDIA",
                        "imageInfo": {
                            "id": media,
                            "url": format!("https://static.wixstatic.com/media/{media}"),
                            "width": 1920,
                            "height": 1080,
                            "filename": media,
                        }
                    },
                    "tags": {"values": ["generated"]},
                });
                let Value::Object(item) = item else {
                    continue;
                };
                items::create_item(
                    tx,
                    &mut row,
                    &item,
                    "item",
                    items::NewItem {
                        id: None,
                        created: None,
                    },
                    readings,
                )?;
            }
            Ok((row.id.clone(), row.item_count))
        })
        .await?;
    Ok(Json(
        json!({"galleryId": id, "created": count, "totalItems": total}),
    ))
}
