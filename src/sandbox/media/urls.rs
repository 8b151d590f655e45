//! Item answers name the sandbox's media at a server that is up. An item made from an uploaded
//! or imported file stores the file's URL as the client received it:
//! `http://127.0.0.1:<port>/_sandbox/media/<id>`, the port of whichever server answered then
//! (for an embedded `--sandbox` command, an ephemeral port gone when the command ends). So on
//! the way out, every API answer that holds such a URL (items, galleries with items, search
//! results) gets it rewritten to the server that media URLs should carry now (`servers.rs`), for
//! media this database holds (a file, a video's renditions below it, or its posters); URLs of
//! other media (Wix static URLs, another sandbox's files) are left alone. The stored item is not
//! changed: the rewrite follows whichever server is up.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{looks_like_id, servers, video, MEDIA_PATH};
use crate::sandbox::App;

/// The media id of a URL of the form `http(s)://<host>/_sandbox/media/<id>[/<rendition>]`, and
/// what follows the id.
fn media_ref_of(text: &str) -> Option<(String, String)> {
    if !text.contains(MEDIA_PATH) {
        return None;
    }
    let url = url::Url::parse(text).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.query().is_some() {
        return None;
    }
    let rest = url.path().strip_prefix(MEDIA_PATH)?;
    let (id, tail) = match rest.split_once('/') {
        Some((id, tail)) => (id, format!("/{tail}")),
        None => (rest, String::new()),
    };
    if tail.contains("..") {
        return None;
    }
    looks_like_id(id).then(|| (id.to_string(), tail))
}

#[cfg(test)]
fn media_id_of(text: &str) -> Option<String> {
    media_ref_of(text).map(|(id, _)| id)
}

fn collect_ids(value: &Value, found: &mut HashSet<String>) {
    match value {
        Value::String(s) => {
            if let Some((id, _)) = media_ref_of(s) {
                found.insert(id);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| collect_ids(v, found)),
        Value::Object(map) => map.values().for_each(|v| collect_ids(v, found)),
        _ => {}
    }
}

/// Replaces every URL of a media id in `urls` (id → its URL now) with its new URL, keeping what
/// follows the id (a rendition's path); true if anything changed.
fn rewrite(value: &mut Value, urls: &HashMap<String, String>) -> bool {
    match value {
        Value::String(s) => {
            let new = media_ref_of(s)
                .and_then(|(id, tail)| urls.get(&id).map(|url| format!("{url}{tail}")));
            match new {
                Some(new) if new != *s => {
                    *s = new;
                    true
                }
                _ => false,
            }
        }
        // Every element is visited (no short circuit): all of them may hold URLs.
        Value::Array(list) => {
            let mut changed = false;
            for v in list {
                changed |= rewrite(v, urls);
            }
            changed
        }
        Value::Object(map) => {
            let mut changed = false;
            for v in map.values_mut() {
                changed |= rewrite(v, urls);
            }
            changed
        }
        _ => false,
    }
}

/// Middleware over the item-bearing API routes (see the module comment).
pub async fn current_media_urls(
    State(app): State<Arc<App>>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Answers are built in memory as JSON already; collecting them again costs a copy.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (parts.status, "the answer could not be read").into_response();
    };
    let unchanged = |parts, bytes| Response::from_parts(parts, Body::from(bytes));
    if !bytes
        .windows(MEDIA_PATH.len())
        .any(|w| w == MEDIA_PATH.as_bytes())
    {
        return unchanged(parts, bytes);
    }
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return unchanged(parts, bytes);
    };
    let mut ids = HashSet::new();
    collect_ids(&value, &mut ids);
    let own = app.media.base_url.clone();
    let looked_up = app
        .pool
        .read(move |tx| {
            let base = servers::public_base(tx, &own)?;
            let mut urls = HashMap::new();
            for id in ids {
                // Only the sandbox's own files (no `url` of their own) are served here, and the
                // posters of its own videos.
                let ours = |candidate: &str| -> rusqlite::Result<bool> {
                    tx.prepare_cached(
                        "SELECT COUNT(*) > 0 FROM media_files WHERE id = ?1 AND url IS NULL",
                    )?
                    .query_row([candidate], |row| row.get(0))
                };
                let ours = ours(&id)?
                    || match video::poster_owner(&id) {
                        Some(owner) => ours(owner)?,
                        None => false,
                    };
                if ours {
                    urls.insert(id.clone(), format!("{base}{MEDIA_PATH}{id}"));
                }
            }
            Ok(urls)
        })
        .await;
    let Ok(urls) = looked_up else {
        return unchanged(parts, bytes);
    };
    if urls.is_empty() || !rewrite(&mut value, &urls) {
        return unchanged(parts, bytes);
    }
    match serde_json::to_vec(&value) {
        Ok(body) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(body))
        }
        Err(_) => unchanged(parts, bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_sandbox_media_urls_of_known_ids_are_rewritten() {
        let id = "0a1b2c_0123456789abcdef0123456789abcdef~mv2.png";
        assert_eq!(
            media_id_of(&format!("http://127.0.0.1:4242/_sandbox/media/{id}")),
            Some(id.to_string())
        );
        assert_eq!(
            media_id_of("https://static.wixstatic.com/media/x~mv2.jpg"),
            None
        );
        assert_eq!(media_id_of("/_sandbox/media/../etc"), None);
        let mut item = json!({
            "image": {"imageInfo": {
                "url": format!("http://127.0.0.1:4242/_sandbox/media/{id}"),
                "other": "http://127.0.0.1:4242/_sandbox/media/0a1b2c_ffffffffffffffffffffffffffffffff",
                "title": "/_sandbox/media/ in text"
            }}
        });
        let mut urls = HashMap::new();
        urls.insert(
            id.to_string(),
            format!("http://127.0.0.1:8787/_sandbox/media/{id}"),
        );
        assert!(rewrite(&mut item, &urls));
        let info = &item["image"]["imageInfo"];
        assert_eq!(
            info["url"],
            format!("http://127.0.0.1:8787/_sandbox/media/{id}")
        );
        assert_eq!(
            info["other"],
            "http://127.0.0.1:4242/_sandbox/media/0a1b2c_ffffffffffffffffffffffffffffffff"
        );
        assert!(!rewrite(&mut item, &urls), "a second pass changes nothing");
    }
}
