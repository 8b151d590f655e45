//! The site a request addresses: the site of its app's access token when it carries one (the gate
//! puts a [`TokenSite`] in the request's extensions), else its `wix-site-id` header, else the
//! default (seeded) site. The handlers of every API (galleries, items, search, media) and the gate
//! (per-site rate limits) all read it here, so none of them depends on another's module for it.
//! (An API key without `wix-site-id` never reaches a handler: the gate answers it 403.)

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// Extracts the request's site in a handler's arguments.
pub struct Site(pub String);

/// The site an app's access token names (set by the gate once the token is checked).
#[derive(Debug, Clone)]
pub struct TokenSite(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Site {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(TokenSite(site)) = parts.extensions.get::<TokenSite>() {
            return Ok(Site(site.clone()));
        }
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
