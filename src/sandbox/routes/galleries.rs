//! Handlers for the gallery endpoints (#1–#5 of spec §4). They parse and check the request, run
//! one transaction through the store (whose events the pool emits once it commits), and answer
//! HTTP 200 with JSON.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::sandbox::errors::{ApiError, ApiResult, Violation};
use crate::sandbox::site::Site;
use crate::sandbox::store::{self, galleries, items};
use crate::sandbox::validate::{body_object, required_object, Query};
use crate::sandbox::App;

/// `GET /galleries`: `offset` ≥ 0, `limit` 1..10 (default 10), `itemLimit` 1..100 (default 10).
pub async fn list(
    State(app): State<Arc<App>>,
    Site(site): Site,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let offset = query.int("offset", 0, 0, None)?;
    let limit = query.int("limit", 10, 1, Some(10))?;
    let item_limit = query.int("itemLimit", 10, 1, Some(100))?;
    let (total, list) = app
        .pool
        .read(move |tx| galleries::list(tx, &site, offset, limit, item_limit))
        .await?;
    Ok(Json(json!({"totalGalleries": total, "galleries": list})))
}

/// `POST /galleries`: `{"gallery"?: Gallery, "cloneFromGalleryId"?: id}`.
pub async fn create(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let gallery = match body.get("gallery") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "gallery",
                "an object",
            )]))
        }
    };
    let clone_from = match body.get("cloneFromGalleryId") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(ApiError::validation(vec![Violation::wrong_type(
                "cloneFromGalleryId",
                "a string",
            )]))
        }
    };
    let readings = app.readings;
    let created = app
        .pool
        .write_emitting(&app.events, move |tx| {
            galleries::create(
                tx,
                &site,
                &gallery,
                clone_from.as_deref(),
                galleries::NewGallery {
                    id: None,
                    created: None,
                },
                50,
                readings,
            )
        })
        .await?;
    Ok(Json(json!({"gallery": created})))
}

/// `GET /galleries/{id}`: `itemOffset` ≥ 0, `itemLimit` 1..100 (default 50). `offset`/`limit` are
/// not this endpoint's names and are ignored, like any unknown parameter.
pub async fn get(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let (item_offset, item_limit) = query.item_page()?;
    let gallery = app
        .pool
        .read(move |tx| {
            let row = store::find_gallery(tx, &site, &gallery_id)?
                .ok_or_else(|| ApiError::gallery_not_found(&gallery_id))?;
            let page = items::page(tx, &row, item_offset, item_limit)?;
            Ok(row.to_json(page))
        })
        .await?;
    Ok(Json(json!({"gallery": gallery})))
}

/// `PATCH` (the SDK) or `PUT` (the reference's curl) `/galleries/{id}`: `{"gallery": {name?, sortOrder?}}`.
pub async fn update(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let (item_offset, item_limit) = query.item_page()?;
    let body = body_object(&body)?;
    let patch = required_object(&body, "gallery")?.clone();
    let gallery = app
        .pool
        .write_emitting(&app.events, move |tx| {
            galleries::update(tx, &site, &gallery_id, &patch, item_offset, item_limit)
        })
        .await?;
    Ok(Json(json!({"gallery": gallery})))
}

/// `DELETE /galleries/{id}`: removes the gallery and its items.
pub async fn delete(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
) -> ApiResult<Json<Value>> {
    let id = gallery_id.clone();
    app.pool
        .write_emitting(&app.events, move |tx| {
            Ok(((), galleries::delete(tx, &site, &id)?))
        })
        .await?;
    Ok(Json(json!({"galleryId": gallery_id})))
}
