//! Site Search (spec/api.md §7): `POST /site-search/v1/search` and its public-client spelling
//! `/_api/site-search/v1/search`, over the items of the calling site. They pass the same gate as
//! every API request (auth, faults, request log). A site can be made to lack the Wix Site Search
//! app (`sandbox serve --no-search [SITE,…]`, or `noSearchSites` in `PUT /_sandbox/faults`); its
//! searches are then answered 404, as the service answers a site without the app.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::Value;

use crate::sandbox::errors::{ApiError, ApiResult};
use crate::sandbox::search;
use crate::sandbox::site::Site;
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/site-search/v1/search", post(search_items))
        .route("/_api/site-search/v1/search", post(search_items))
}

async fn search_items(
    State(app): State<Arc<App>>,
    Site(site): Site,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    if app.faults.get().search_disabled_for(&site) {
        return Err(ApiError::application(
            StatusCode::NOT_FOUND,
            "SITE_SEARCH_NOT_INSTALLED",
            format!("the Wix Site Search app is not installed on site {site}"),
        ));
    }
    let body = body_object(&body)?;
    let request = search::parse_request(&body)?;
    let answer = app
        .pool
        .read(move |tx| search::run(tx, &site, &request))
        .await?;
    Ok(Json(answer))
}
