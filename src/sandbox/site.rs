//! The site a request addresses: its `wix-site-id` header, else the default (seeded) site. The
//! handlers of every API (galleries, items, search, media) and the gate (per-site rate
//! limits) all read it here, so none of them depends on another's module for it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// Extracts the request's site in a handler's arguments.
pub struct Site(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Site {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Site(site_of(&parts.headers)))
    }
}

/// The site named by a request's headers.
pub fn site_of(headers: &axum::http::HeaderMap) -> String {
    headers
        .get("wix-site-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or(super::DEFAULT_SITE)
        .to_string()
}
