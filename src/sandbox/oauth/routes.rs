//! The OAuth endpoints, merged into the sandbox's router:
//! - `POST /oauth2/token`, `POST /oauth2/token-info` (API endpoints: they pass the gate, so faults
//!   and the request log apply, but need no `Authorization`: the body is the credential, and it
//!   is masked in the log);
//! - `GET /_sandbox/oauth` (admin): apps, instances, denials, token counts, never a secret;
//! - `DELETE /_sandbox/oauth/tokens` (admin): expire every token issued so far, now.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::sandbox::errors::ApiResult;
use crate::sandbox::validate::body_object;
use crate::sandbox::App;

/// Paths of the OAuth API endpoints (the gate lets them through without `Authorization`).
pub const TOKEN_PATH: &str = "/oauth2/token";
pub const TOKEN_INFO_PATH: &str = "/oauth2/token-info";

pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route(TOKEN_PATH, post(token))
        .route(TOKEN_INFO_PATH, post(token_info))
        .route("/_sandbox/oauth", get(status))
        .route("/_sandbox/oauth/tokens", delete(expire_all))
}

/// True for the OAuth API paths.
pub fn is_oauth_path(path: &str) -> bool {
    path == TOKEN_PATH || path == TOKEN_INFO_PATH
}

async fn token(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    Ok(Json(app.oauth.issue(&body)?))
}

async fn token_info(State(app): State<Arc<App>>, body: Bytes) -> ApiResult<Json<Value>> {
    let body = body_object(&body)?;
    Ok(Json(app.oauth.info(&body)?))
}

async fn status(State(app): State<Arc<App>>) -> Json<Value> {
    Json(app.oauth.status())
}

async fn expire_all(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!({"expired": app.oauth.expire_all()}))
}
