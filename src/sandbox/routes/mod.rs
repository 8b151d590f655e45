//! The HTTP surface: the twelve Pro Gallery endpoints of spec §4 under both path prefixes, the
//! `/_sandbox/*` admin endpoints, and the gate every API request passes first (see `gate.rs`).

mod admin;
mod galleries;
mod gate;
mod items;
mod search;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;

use super::body::MAX_BODY_BYTES;
use super::errors::ApiError;
use super::App;

/// The two spellings of the API prefix; both reach the same handlers.
pub const PREFIXES: [&str; 2] = ["/progallery/v2", "/pro-gallery/v2"];

pub fn router(app: Arc<App>) -> Router {
    let api = Router::new()
        .route("/galleries", get(galleries::list).post(galleries::create))
        .route(
            "/galleries/{gallery_id}",
            get(galleries::get)
                .patch(galleries::update)
                .put(galleries::update)
                .delete(galleries::delete),
        )
        .route(
            "/galleries/{gallery_id}/items",
            get(items::list)
                .post(items::create)
                .delete(items::delete_many_deprecated),
        )
        .route(
            "/galleries/{gallery_id}/items/delete",
            post(items::bulk_delete),
        )
        .route(
            "/galleries/{gallery_id}/items/{item_id}",
            get(items::get).patch(items::update).delete(items::delete),
        );
    // Stored items may name the sandbox's media at a server long gone; answers name a live one.
    let current_media_urls = || {
        axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            crate::sandbox::media::urls::current_media_urls,
        )
    };
    let api = api.layer(current_media_urls());
    let mut router = Router::new();
    for prefix in PREFIXES {
        router = router.nest(prefix, api.clone());
    }
    router
        .merge(admin::router())
        .merge(search::router().layer(current_media_urls()))
        .merge(crate::sandbox::media::routes::router())
        .merge(crate::sandbox::oauth::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            gate::gate,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(app)
}

async fn not_found() -> ApiError {
    ApiError::application(StatusCode::NOT_FOUND, "NOT_FOUND", "no such endpoint")
}

async fn method_not_allowed() -> ApiError {
    ApiError::application(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        "this endpoint does not accept that method",
    )
}
