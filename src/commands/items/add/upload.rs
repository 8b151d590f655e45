//! One entry of `items add`, from its source to the created item: get the media into Wix (reuse
//! what an earlier run already uploaded or imported, else upload the file streamed from disk —
//! the resumable upload past 10 MB — or import the URL), wait until the Media Manager has
//! processed it (READY; a video is transcoded first), build the item with its metadata and the
//! `sortOrder` planned for it, and create it (the API layer reconciles an ambiguous create
//! against the gallery before any retry). Every fact learnt goes to the hash cache at once.
//!
//! An upload is checked against what the Media Manager reports: its `sizeInBytes`, and its
//! `hash` when the hash's form names the algorithm (MD5 or SHA-256, computed from the local file
//! when needed); a hash of any other form is never held against the file.

use std::path::Path;

use serde_json::{json, Map, Value};

use super::import::import_url;
use super::job::{same_content, Done, Failed, Job, Shared};
use super::media_item::media_value;
use super::sources::{video_item, Source};
use crate::api::media::{self, FileDescriptor, LocalFile, RESUMABLE_OVER};
use crate::api::{items, ApiError};
use crate::hashcache::Fact;

pub async fn run(mut job: Job, shared: &Shared<'_>) -> Result<Done, Failed> {
    let source = job.source.clone();
    let (media_field, media_id, hash) = match &source {
        Source::File { path, .. } => {
            let file = upload_file(&mut job, path, shared).await?;
            let (key, value) = media_value(&file, None)?;
            (Some((key, value)), Some(file.id.clone()), job.hash.clone())
        }
        Source::Import { url } => {
            let file = import_url(url, shared).await?;
            if let Some(existing) = shared.imported_content_present(&file) {
                return Ok(Done::AlreadyThere(existing));
            }
            let (key, value) = media_value(&file, None)?;
            (Some((key, value)), Some(file.id.clone()), None)
        }
        Source::WixMedia { id, url, size } => match size {
            Some((width, height)) => {
                let info = json!({ "id": id, "url": url, "width": width, "height": height });
                (
                    Some(("image", json!({ "type": "WIX_MEDIA", "imageInfo": info }))),
                    Some(id.clone()),
                    None,
                )
            }
            None => {
                let file = match media::get_file(shared.client, id).await {
                    Ok(file) => file,
                    Err(ApiError::Status { status: 404, .. }) => {
                        return Err(Failed::new(format!(
                            "no media file {id} in the site's Media Manager (add --width and --height to use it anyway)"
                        )))
                    }
                    Err(e) => return Err(Failed::api("looking up the media file", e)),
                };
                let file = shared.ready(file, &format!("media file {id}")).await?;
                let (key, value) = media_value(&file, Some(url))?;
                (Some((key, value)), Some(file.id.clone()), None)
            }
        },
        Source::Video { provider, url } => (Some(("video", video_item(provider, url))), None, None),
        Source::Text { html } => (Some(("text", json!({ "html": html }))), None, None),
        Source::Item { .. } => (None, None, None),
        Source::Broken { reason } => return Err(Failed::new(reason.clone())),
    };
    let mut item: Map<String, Value> = match (&source, media_field) {
        (Source::Item { item }, _) => item.as_object().cloned().unwrap_or_default(),
        (_, Some((key, value))) => {
            let mut map = Map::new();
            map.insert(key.into(), value);
            map
        }
        (_, None) => Map::new(),
    };
    // Read-only fields of a whole item would be ignored; a stale id or sortOrder must not travel.
    for field in ["id", "createdDate", "updatedDate", "type"] {
        item.remove(field);
    }
    let mut meta = job.meta.clone();
    if meta.title.is_none() && !item.contains_key("title") {
        meta.title = job.source.default_title();
    }
    meta.apply(&mut item, None);
    match job.sort_order.or(job.meta.sort_order) {
        Some(sort_order) => {
            item.insert("sortOrder".into(), json!(sort_order));
        }
        None => {
            item.remove("sortOrder");
        }
    }
    let created = items::create(
        shared.client,
        shared.gallery,
        &Value::Object(item),
        shared.attempts,
    )
    .await
    .map_err(|e| Failed::api("creating the item", e))?;
    if let Some(media_id) = media_id {
        shared.remember(Fact {
            hash,
            media_id: Some(media_id),
            item_id: created.id.clone(),
            ..Fact::default()
        });
    }
    Ok(Done::Added(created))
}

/// A local file into the site's Media Manager, for a caller that builds the rest of the item
/// itself (`galleries import` and `copy`, `items sync`): the item's media field for it,
/// `("image"|"video", value)`. The same path as `run`'s, so an earlier upload of the same content
/// is reused, not sent again.
pub async fn upload_media(
    job: &mut Job,
    path: &Path,
    shared: &Shared<'_>,
) -> Result<(&'static str, Value, String), Failed> {
    let file = upload_file(job, path, shared).await?;
    let (key, value) = media_value(&file, None)?;
    Ok((key, value, file.id))
}

/// The media of a local file: one an earlier run uploaded (same content, not FAILED), else a
/// fresh upload whose size and (comparable) hash must match the file's; READY either way.
async fn upload_file(
    job: &mut Job,
    path: &Path,
    shared: &Shared<'_>,
) -> Result<FileDescriptor, Failed> {
    let hash = job.hash.clone().unwrap_or_default();
    let known = {
        let cache = shared.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.media_with_hash(&hash).to_vec()
    };
    if let Some(file) = shared.reusable(known, Some((path, &mut *job))).await {
        (shared.on_bytes)(job.size);
        return shared.ready(file, "the upload").await;
    }
    let Some(mime) = job.mime else {
        return Err(Failed::new(
            "not a supported image or video (jpeg, png, gif, webp, bmp, mp4, mov, webm)",
        ));
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_string());
    let local = LocalFile {
        path,
        name: &file_name,
        mime_type: mime,
        length: job.size,
    };
    let uploaded = if job.size > RESUMABLE_OVER {
        let (url, token) = media::generate_resumable_upload_url(shared.client, mime, &file_name)
            .await
            .map_err(|e| Failed::api("asking for a resumable upload URL", e))?;
        media::upload_resumable(shared.client, &url, &token, &local, shared.on_bytes.clone()).await
    } else {
        let url = media::generate_upload_url(shared.client, mime, &file_name)
            .await
            .map_err(|e| Failed::api("asking for an upload URL", e))?;
        media::upload(shared.client, &url, &local, shared.on_bytes.clone()).await
    };
    let file = uploaded.map_err(|e| match &e {
        ApiError::Status { status: 413, .. } => Failed {
            message: format!(
                "the file ({} bytes) is over the Media Manager's size limit",
                job.size
            ),
            api: Some(Box::new(e)),
        },
        ApiError::Status { status: 400, .. } => {
            Failed::api("the Media Manager refused the file", e)
        }
        _ => Failed::api("uploading", e),
    })?;
    check_arrived(&file, job, path).await?;
    // Remembered now, before the wait: a run that stops while Wix processes it reuses the file.
    shared.remember(Fact {
        hash: Some(hash.clone()),
        wix_hash: file.hash.clone(),
        size: file.size(),
        media_id: Some(file.id.clone()),
        ..Fact::default()
    });
    let ready = shared.ready(file, "the upload").await?;
    // The hash may come only once processed.
    check_arrived(&ready, job, path).await?;
    if ready.hash.is_some() {
        shared.remember(Fact {
            hash: Some(hash),
            wix_hash: ready.hash.clone(),
            size: ready.size(),
            media_id: Some(ready.id.clone()),
            ..Fact::default()
        });
    }
    Ok(ready)
}

/// The Media Manager holds what was sent: the same size, and the same hash where its form tells
/// how to compare.
async fn check_arrived(file: &FileDescriptor, job: &mut Job, path: &Path) -> Result<(), Failed> {
    if let Some(theirs) = file.size() {
        if theirs != job.size {
            return Err(Failed::new(format!(
                "the upload arrived damaged (the Media Manager holds {theirs} bytes, the file has {}); run again",
                job.size
            )));
        }
    }
    if let Some(theirs) = &file.hash {
        if same_content(theirs, job.hash.as_deref(), &mut job.md5, path).await == Some(false) {
            return Err(Failed::new(format!(
                "the upload arrived damaged (the Media Manager's hash {theirs} is not the file's); run again"
            )));
        }
    }
    Ok(())
}
