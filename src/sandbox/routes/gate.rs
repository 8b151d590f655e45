//! The gate every API request passes before its handler: request id, body cap, request log, then
//! the injected faults in the order a real gateway would apply them (latency, 503, 429), auth
//! (401/403), ids that always fail (500), and after the handler the 504-after-commit fault.
//!
//! Auth follows spec/api.md §1 as strictly as Wix does. An app's access token (from
//! `/oauth2/token`, see `sandbox/oauth`) names its site and must be live (else 401), and its app
//! must hold the permission the request needs (else 403). Anything else is an API key: checked
//! against `--api-key` when one is set (else 403), and it must name its site with `wix-site-id`,
//! alone: without it, or with `wix-account-id` beside it, the answer is 403. No `Authorization`
//! at all is 401. Upload URLs carry their own credential, and the OAuth endpoints take theirs in
//! the body (which the request log masks).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::sandbox::body::{
    read_capped, share_body, BodyProblem, BODY_TIMEOUT, DRAIN_LIMIT, MAX_BODY_BYTES,
};
use crate::sandbox::errors::ApiError;
use crate::sandbox::media;
use crate::sandbox::oauth::{self, Capability, Grant, Lookup};
use crate::sandbox::site::{site_of, TokenSite};
use crate::sandbox::validate::Query;
use crate::sandbox::{App, DEFAULT_SITE};

pub async fn gate(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    // Upload PUTs (media/upload.rs) are API requests whose body the handler streams to disk.
    let upload = media::is_upload_path(request.uri().path());
    if request.uri().path().starts_with("/_sandbox/") && !upload {
        // Admin endpoints: no faults, no log; with `--api-key`, the key (see admin.rs).
        if let Err(refused) = super::admin::check_key(&app, &request) {
            let request_id = uuid::Uuid::new_v4().to_string();
            let mut response = refused.into_response();
            if let Ok(value) = HeaderValue::from_str(&request_id) {
                response.headers_mut().insert("x-wix-request-id", value);
            }
            return response;
        }
        return next.run(request).await;
    }
    let request_id = uuid::Uuid::new_v4().to_string();
    let (parts, body) = request.into_parts();
    if !upload {
        return buffered(app, parts, body, next, request_id).await;
    }
    let (body, remainder) = share_body(body, &parts.headers);
    let seq = app.requests.start(
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or(""),
        &parts.headers,
        b"",
    );
    let response = guarded(&app, Request::from_parts(parts, body), b"", next).await;
    // A connection the dropped-upload fault cut is left cut: draining would un-drop it.
    if response
        .extensions()
        .get::<media::ConnectionDropped>()
        .is_none()
    {
        remainder.drain(DRAIN_LIMIT as u64).await;
    }
    finish(&app, seq, response, &request_id)
}

async fn buffered(
    app: Arc<App>,
    parts: axum::http::request::Parts,
    body: Body,
    next: Next,
    request_id: String,
) -> Response {
    let read = read_capped(body).await;
    // The OAuth endpoints' bodies hold the app secret or a token: logged masked.
    let logged: Vec<u8> = match &read {
        Ok(bytes) if oauth::is_oauth_path(parts.uri.path()) => oauth::masked_body(bytes),
        Ok(bytes) => bytes.to_vec(),
        Err(_) => Vec::new(),
    };
    let seq = app.requests.start(
        parts.method.as_str(),
        parts.uri.path(),
        parts.uri.query().unwrap_or(""),
        &parts.headers,
        &logged,
    );
    // A body that did not arrive whole is refused before any handler runs: nothing is done on
    // part of a request.
    let response = match read {
        Ok(bytes) => {
            guarded(
                &app,
                Request::from_parts(parts, Body::from(bytes.clone())),
                &bytes,
                next,
            )
            .await
        }
        Err(BodyProblem::TooLarge) => ApiError::application(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            format!("request body is larger than {MAX_BODY_BYTES} bytes"),
        )
        .into_response(),
        Err(BodyProblem::Broken(why)) => ApiError::invalid(
            "request",
            format!("the request body broke off before its end ({why}): nothing was done"),
            "FORMAT",
        )
        .into_response(),
        Err(BodyProblem::TimedOut) => ApiError::application(
            StatusCode::REQUEST_TIMEOUT,
            "REQUEST_TIMEOUT",
            format!(
                "the request body did not arrive within {} s: nothing was done",
                BODY_TIMEOUT.as_secs()
            ),
        )
        .into_response(),
    };
    finish(&app, seq, response, &request_id)
}

fn finish(app: &App, seq: u64, mut response: Response, request_id: &str) -> Response {
    app.requests.finish(seq, response.status().as_u16());
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-wix-request-id", value);
    }
    response
}

async fn guarded(app: &App, mut request: Request, body: &[u8], next: Next) -> Response {
    let faults = app.faults.get();
    if faults.latency_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(faults.latency_ms)).await;
    }
    if app.faults.draw(faults.fail_rate) {
        return ApiError::unavailable("injected failure (--fail-rate): nothing was done")
            .into_response();
    }
    // An upload URL carries its own credential (the token), as on Wix; the OAuth endpoints take
    // theirs in the body.
    let path = request.uri().path();
    let exempt = media::is_upload_path(path) || oauth::is_oauth_path(path);
    let auth = if exempt {
        Ok(None)
    } else {
        check_auth(app, &request)
    };
    // The budget is per site (or app instance): a token's site, else the header's.
    let site = match &auth {
        Ok(Some(grant)) => grant.site.clone(),
        _ => site_of(request.headers()),
    };
    if let Err(retry_after) = app.faults.take_token(&site, faults.rate_limit_per_min) {
        let mut error = ApiError::application(
            StatusCode::TOO_MANY_REQUESTS,
            "RESOURCE_EXHAUSTED",
            format!(
                "rate limit of {} requests per minute exceeded",
                faults.rate_limit_per_min
            ),
        );
        error.retry_after = Some(retry_after);
        return error.into_response();
    }
    match auth {
        Ok(Some(grant)) => {
            request.extensions_mut().insert(TokenSite(grant.site));
        }
        Ok(None) => {}
        Err(error) => return error.into_response(),
    }
    if let Some(id) = failing_id(&faults.fail_ids, &request, body) {
        return ApiError::internal(format!("injected failure for id {id} (--fail-id)"))
            .into_response();
    }
    let is_write = request.method() != Method::GET && request.method() != Method::HEAD;
    let response = wix_shaped(next.run(request).await).await;
    if is_write
        && response.status() == StatusCode::OK
        && app.faults.draw(faults.fail_after_commit_rate)
    {
        return ApiError::application(
            StatusCode::GATEWAY_TIMEOUT,
            "DEADLINE_EXCEEDED",
            "injected failure (--fail-after-commit-rate): the change was committed",
        )
        .into_response();
    }
    response
}

/// Rejections produced by axum itself (an undecodable path segment, say) come as plain text; give
/// them the Wix error shape like every other error answer.
async fn wix_shaped(response: Response) -> Response {
    let is_json = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if response.status().is_success() || is_json {
        return response;
    }
    let status = response.status();
    let text = match axum::body::to_bytes(response.into_body(), 64 * 1024).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    };
    let text = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text
    };
    let error = match status {
        StatusCode::BAD_REQUEST => ApiError::invalid("request", text, "FORMAT"),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::application(status, "PAYLOAD_TOO_LARGE", text),
        _ => ApiError::application(status, "INTERNAL", text),
    };
    error.into_response()
}

/// Who may make `request`: the grant of a live app token, or `None` for a valid API key with
/// its site; the Wix-shaped 401/403 otherwise (see the module comment).
fn check_auth(app: &App, request: &Request) -> Result<Option<Grant>, ApiError> {
    let Some(value) = request.headers().get("authorization") else {
        return Err(ApiError::application(
            StatusCode::UNAUTHORIZED,
            "UNAUTHENTICATED",
            "missing Authorization header",
        ));
    };
    // The service tolerates a `Bearer ` prefix in front of the raw key or token.
    let given = oauth::strip_bearer(value.to_str().unwrap_or(""));
    match app.oauth.lookup(given) {
        Lookup::Valid(grant) => {
            let needed = Capability::of_request(request.method().as_str(), request.uri().path());
            return match needed {
                Some(capability) if grant.denied.contains(&capability) => {
                    Err(oauth::denied(&grant, capability))
                }
                _ => Ok(Some(grant)),
            };
        }
        Lookup::Expired => return Err(oauth::expired()),
        Lookup::Unknown => return Err(oauth::unknown()),
        Lookup::NotAToken => {}
    }
    if let Some(expected) = &app.api_key {
        if given != expected {
            return Err(ApiError::application(
                StatusCode::FORBIDDEN,
                "PERMISSION_DENIED",
                "the Authorization value is not valid for this site",
            ));
        }
    }
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    match (header("wix-site-id"), header("wix-account-id")) {
        (Some(_), None) => Ok(None),
        (Some(_), Some(_)) => Err(ApiError::application(
            StatusCode::FORBIDDEN,
            "PERMISSION_DENIED",
            "send either wix-site-id or wix-account-id with an API key, not both",
        )),
        (None, _) => Err(ApiError::application(
            StatusCode::FORBIDDEN,
            "PERMISSION_DENIED",
            format!(
                "an API key acts on the site named by the wix-site-id header, and none was sent (the sandbox's seeded site is {DEFAULT_SITE})"
            ),
        )),
    }
}

/// The first id named by the request (path segment, id query parameters, body id lists or the
/// body item's id) that is configured to fail.
fn failing_id(fail_ids: &[String], request: &Request, body: &[u8]) -> Option<String> {
    if fail_ids.is_empty() {
        return None;
    }
    let mut named: Vec<String> = request
        .uri()
        .path()
        .split('/')
        .map(str::to_string)
        .collect();
    let query = Query::parse(request.uri().query());
    for name in [
        "galleryId",
        "itemId",
        "itemIds",
        "itemsIds",
        "cloneFromGalleryId",
        "fileId",
    ] {
        named.extend(query.all(name));
    }
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        for list in ["itemIds", "itemsIds"] {
            if let Some(Value::Array(ids)) = map.get(list) {
                named.extend(ids.iter().filter_map(|v| v.as_str().map(str::to_string)));
            }
        }
        for key in ["galleryId", "itemId", "cloneFromGalleryId"] {
            if let Some(Value::String(id)) = map.get(key) {
                named.push(id.clone());
            }
        }
    }
    named.into_iter().find(|id| fail_ids.contains(id))
}
