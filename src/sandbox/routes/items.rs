//! Handlers for the item endpoints (#6–#12 of spec §4): list, create, get, update, delete, bulk
//! delete, and the deprecated `DELETE …/items` with ids in repeated `itemsIds` query parameters.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde_json::{json, Value};

use crate::sandbox::errors::{ApiError, ApiResult};
use crate::sandbox::events::Event;
use crate::sandbox::site::Site;
use crate::sandbox::store::{self, items, GalleryRow};
use crate::sandbox::validate::{body_object, check_id_count, id_list, required_object, Query};
use crate::sandbox::App;

fn gallery(tx: &rusqlite::Transaction, site: &str, gallery_id: &str) -> ApiResult<GalleryRow> {
    store::find_gallery(tx, site, gallery_id)?
        .ok_or_else(|| ApiError::gallery_not_found(gallery_id))
}

/// `GET /galleries/{id}/items`: `itemOffset`/`itemLimit` as for get gallery.
pub async fn list(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let (item_offset, item_limit) = query.item_page()?;
    let page = app
        .pool
        .read(move |tx| {
            let row = gallery(tx, &site, &gallery_id)?;
            items::page(tx, &row, item_offset, item_limit)
        })
        .await?;
    Ok(Json(json!({"items": page})))
}

/// `POST /galleries/{id}/items`: `{"item": Item}`.
pub async fn create(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let input = required_object(&body, "item")?.clone();
    let readings = app.readings;
    let item = app
        .pool
        .write_emitting(&app.events, move |tx| {
            let mut row = gallery(tx, &site, &gallery_id)?;
            let item = items::create_item(
                tx,
                &mut row,
                &input,
                "item",
                items::NewItem {
                    id: None,
                    created: None,
                },
                readings,
            )?;
            let event = Event::ItemCreated {
                site,
                gallery_id,
                item: item.clone(),
            };
            Ok((item, vec![event]))
        })
        .await?;
    Ok(Json(json!({"item": item})))
}

/// `GET /galleries/{id}/items/{itemId}`.
pub async fn get(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path((gallery_id, item_id)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let item = app
        .pool
        .read(move |tx| {
            let row = gallery(tx, &site, &gallery_id)?;
            items::find_item(tx, row.pk, &item_id)?
                .map(|(_, item)| item)
                .ok_or_else(|| ApiError::item_not_found(&gallery_id, &item_id))
        })
        .await?;
    Ok(Json(json!({"item": item})))
}

/// `PATCH /galleries/{id}/items/{itemId}`: `{"item": {partial Item}}`.
pub async fn update(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path((gallery_id, item_id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let patch = required_object(&body, "item")?.clone();
    let readings = app.readings;
    let item = app
        .pool
        .write_emitting(&app.events, move |tx| {
            let row = gallery(tx, &site, &gallery_id)?;
            let item = items::update_item(tx, &row, &item_id, &patch, readings)?;
            let event = Event::ItemUpdated {
                site,
                gallery_id,
                item: item.clone(),
            };
            Ok((item, vec![event]))
        })
        .await?;
    Ok(Json(json!({"item": item})))
}

/// `DELETE /galleries/{id}/items/{itemId}`.
pub async fn delete(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path((gallery_id, item_id)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let id = item_id.clone();
    app.pool
        .write_emitting(&app.events, move |tx| {
            let mut row = gallery(tx, &site, &gallery_id)?;
            let deleted = items::delete_items(tx, &mut row, std::slice::from_ref(&id))?;
            if deleted.is_empty() {
                return Err(ApiError::item_not_found(&gallery_id, &id));
            }
            Ok(((), deleted_events(&site, &gallery_id, &deleted)))
        })
        .await?;
    Ok(Json(json!({"itemId": item_id})))
}

fn deleted_events(site: &str, gallery_id: &str, ids: &[String]) -> Vec<Event> {
    ids.iter()
        .map(|id| Event::ItemDeleted {
            site: site.to_string(),
            gallery_id: gallery_id.to_string(),
            item_id: id.clone(),
            gallery_deleted: false,
        })
        .collect()
}

/// `POST /galleries/{id}/items/delete`: `{"itemIds": [1..1000 ids]}` → the ids actually deleted.
pub async fn bulk_delete(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    let ids = id_list(body.get("itemIds"), "itemIds")?;
    let deleted = app
        .pool
        .write_emitting(&app.events, move |tx| {
            let mut row = gallery(tx, &site, &gallery_id)?;
            let deleted = items::delete_items(tx, &mut row, &ids)?;
            let events = deleted_events(&site, &gallery_id, &deleted);
            Ok((deleted, events))
        })
        .await?;
    Ok(Json(json!({"itemIds": deleted})))
}

/// Deprecated `DELETE /galleries/{id}/items`: ids in repeated `itemsIds` (or `itemIds`) query
/// parameters, or in the body's `itemIds`/`itemsIds`. Answers the gallery after the deletion, with
/// `items: []` as in the reference's example.
pub async fn delete_many_deprecated(
    State(app): State<Arc<App>>,
    Site(site): Site,
    Path(gallery_id): Path<String>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let query = Query::parse(raw.as_deref());
    let mut ids = query.all("itemsIds");
    ids.extend(query.all("itemIds"));
    if ids.is_empty() {
        let body = body_object(&body)?;
        let field = if body.contains_key("itemsIds") {
            "itemsIds"
        } else {
            "itemIds"
        };
        ids = id_list(body.get(field), field)?;
    } else {
        ids = check_id_count(ids, "itemsIds")?;
    }
    let gallery_json = app
        .pool
        .write_emitting(&app.events, move |tx| {
            let mut row = gallery(tx, &site, &gallery_id)?;
            let deleted = items::delete_items(tx, &mut row, &ids)?;
            let events = deleted_events(&site, &gallery_id, &deleted);
            Ok((row.to_json(Vec::new()), events))
        })
        .await?;
    Ok(Json(json!({"gallery": gallery_json})))
}
