//! One entry of `items add`, from its source to the created item: get the media into Wix (reuse
//! what an earlier run already uploaded or imported, else upload the file streamed from disk, or
//! import the URL and poll until it is READY), build the item with its metadata and the
//! `sortOrder` planned for it, and create it (the API layer reconciles an ambiguous create
//! against the gallery before any retry). Every fact learnt goes to the hash cache at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Map, Value};

use super::sources::{video_item, Source};
use crate::api::media::{self, FileDescriptor, ImportEnd};
use crate::api::model::Item;
use crate::api::{items, ApiError, Client};
use crate::commands::items::metadata::Meta;
use crate::hashcache::{Fact, HashCache};

/// An entry ready to run: what to add, its metadata, and where it goes.
pub struct Job {
    pub source: Source,
    pub meta: Meta,
    pub sort_order: Option<f64>,
    /// Where `sort_order` may move if the service refuses it (another writer took it meanwhile).
    pub sort_window: Option<items::SortWindow>,
    /// Content hash and size of a local file, and its mime type from its first bytes.
    pub hash: Option<String>,
    pub size: u64,
    pub mime: Option<&'static str>,
}

/// What every job shares.
pub struct Shared<'a> {
    pub client: &'a Client,
    pub gallery: &'a str,
    pub cache: &'a Mutex<HashCache>,
    pub attempts: u32,
    pub import_timeout: Duration,
    /// Media ids in the gallery, with the item that shows each.
    pub gallery_media: &'a HashMap<String, Item>,
    pub allow_duplicates: bool,
    pub on_bytes: Arc<dyn Fn(u64) + Send + Sync>,
}

pub enum Done {
    Added(Item),
    /// Recognised only once its media was known (an import whose content the gallery holds).
    AlreadyThere(Item),
}

/// Why an entry failed: a message for people, and the API error behind it, if any (its kind
/// decides the exit code when nothing at all went through).
pub struct Failed {
    pub message: String,
    pub api: Option<Box<ApiError>>,
}

impl Failed {
    fn new(message: impl Into<String>) -> Failed {
        Failed {
            message: message.into(),
            api: None,
        }
    }

    fn api(context: &str, error: ApiError) -> Failed {
        let message = match &error {
            ApiError::Status {
                status, message, ..
            } => format!("{context}: the service answered {status}: {message}"),
            other => format!("{context}: {other}"),
        };
        Failed {
            message,
            api: Some(Box::new(error)),
        }
    }
}

impl Shared<'_> {
    fn remember(&self, fact: Fact) {
        // A cache that cannot be written costs a later re-upload, not this run.
        let _ = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record(fact);
    }

    /// A media file an earlier run put in Wix, still READY (and with the same content).
    async fn reusable(
        &self,
        candidates: Vec<String>,
        hash: Option<&str>,
    ) -> Option<FileDescriptor> {
        for id in candidates {
            if let Ok(file) = media::get_file(self.client, &id).await {
                let same = hash.is_none() || file.hash.as_deref() == hash;
                if file.status() == "READY" && same {
                    return Some(file);
                }
            }
        }
        None
    }

    fn present(&self, hash: &str) -> Option<Item> {
        if self.allow_duplicates {
            return None;
        }
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .media_with_hash(hash)
            .iter()
            .find_map(|id| self.gallery_media.get(id).cloned())
    }
}

pub async fn run(job: Job, shared: &Shared<'_>) -> Result<Done, Failed> {
    let (media_field, media_id, hash) = match &job.source {
        Source::File { path, .. } => {
            let file = upload_file(&job, path, shared).await?;
            let (key, value) = media_value(&file, None)?;
            (Some((key, value)), Some(file.id.clone()), file.hash.clone())
        }
        Source::Import { url } => {
            let file = import_url(url, shared).await?;
            if let Some(existing) = file.hash.as_deref().and_then(|h| shared.present(h)) {
                return Ok(Done::AlreadyThere(existing));
            }
            let (key, value) = media_value(&file, None)?;
            (Some((key, value)), Some(file.id.clone()), file.hash.clone())
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
                if file.status() != "READY" {
                    return Err(Failed::new(format!(
                        "media file {id} is {}, not READY",
                        file.status()
                    )));
                }
                let (key, value) = media_value(&file, Some(url))?;
                (Some((key, value)), Some(file.id.clone()), file.hash.clone())
            }
        },
        Source::Video { provider, url } => (Some(("video", video_item(provider, url))), None, None),
        Source::Text { html } => (Some(("text", json!({ "html": html }))), None, None),
        Source::Item { .. } => (None, None, None),
        Source::Broken { reason } => return Err(Failed::new(reason.clone())),
    };
    let mut item: Map<String, Value> = match (&job.source, media_field) {
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
    let created = items::create_in(
        shared.client,
        shared.gallery,
        &Value::Object(item),
        shared.attempts,
        job.sort_order.and(job.sort_window),
    )
    .await
    .map_err(|e| Failed::api("creating the item", e))?;
    if let Some(media_id) = media_id {
        shared.remember(Fact {
            hash,
            media_id: Some(media_id),
            item_id: created.id.clone(),
            url: None,
        });
    }
    Ok(Done::Added(created))
}

/// The media of a local file: one an earlier run uploaded (same content, still READY), else a
/// fresh upload whose hash must match the file's.
async fn upload_file(
    job: &Job,
    path: &Path,
    shared: &Shared<'_>,
) -> Result<FileDescriptor, Failed> {
    let hash = job.hash.clone().unwrap_or_default();
    let known = {
        let cache = shared.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.media_with_hash(&hash).to_vec()
    };
    if let Some(file) = shared.reusable(known, Some(&hash)).await {
        (shared.on_bytes)(job.size);
        return Ok(file);
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
    let upload_url = media::generate_upload_url(shared.client, mime, &file_name)
        .await
        .map_err(|e| Failed::api("asking for an upload URL", e))?;
    let file = media::upload(
        shared.client,
        &upload_url,
        path,
        &file_name,
        mime,
        job.size,
        shared.on_bytes.clone(),
    )
    .await
    .map_err(|e| match &e {
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
    if let Some(theirs) = &file.hash {
        if !theirs.eq_ignore_ascii_case(&hash) {
            return Err(Failed::new(format!(
                "the upload arrived damaged (the Media Manager's hash {theirs} is not the file's {hash}); run again"
            )));
        }
    }
    shared.remember(Fact {
        hash: Some(hash),
        media_id: Some(file.id.clone()),
        item_id: None,
        url: None,
    });
    Ok(file)
}

/// The media of a URL: one an earlier run imported from it (still READY), else a fresh import
/// polled until READY, FAILED or the timeout.
async fn import_url(url: &str, shared: &Shared<'_>) -> Result<FileDescriptor, Failed> {
    let known = {
        let cache = shared.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.media_from_url(url).to_vec()
    };
    if let Some(file) = shared.reusable(known, None).await {
        return Ok(file);
    }
    let pending = media::import(shared.client, url, None)
        .await
        .map_err(|e| Failed::api("asking the Media Manager to import it", e))?;
    shared.remember(Fact {
        media_id: Some(pending.id.clone()),
        url: Some(url.to_string()),
        ..Fact::default()
    });
    let file = match pending.status() {
        "READY" => pending,
        "FAILED" => return Err(import_failed()),
        _ => media::wait_until_ready(shared.client, &pending.id, shared.import_timeout)
            .await
            .map_err(|end| match end {
                ImportEnd::Failed => import_failed(),
                ImportEnd::TimedOut(limit) => Failed::new(format!(
                    "the import was not ready after {} s (--import-timeout); it may still finish: run again later",
                    limit.as_secs()
                )),
                ImportEnd::Api(e) => Failed::api("waiting for the import", e),
            })?,
    };
    shared.remember(Fact {
        hash: file.hash.clone(),
        media_id: Some(file.id.clone()),
        url: Some(url.to_string()),
        item_id: None,
    });
    Ok(file)
}

fn import_failed() -> Failed {
    Failed::new(
        "the Media Manager could not import it (FAILED): the URL must answer 200 with an image or video it accepts",
    )
}

/// `("image"|"video", value)` for a Media Manager file.
fn media_value(
    file: &FileDescriptor,
    url: Option<&String>,
) -> Result<(&'static str, Value), Failed> {
    let name = file.display_name.clone();
    if file.is_video() {
        // A video plays from the Media Manager's URL (video.wixstatic.com/…), not from the
        // static.wixstatic.com/media/<id> form a bare media id is given as.
        let url = file
            .url
            .clone()
            .or_else(|| url.cloned())
            .unwrap_or_default();
        let mut info = json!({ "id": file.id, "url": url });
        if let Some(name) = name {
            info["filename"] = json!(name);
        }
        return Ok(("video", json!({ "type": "WIX_MEDIA", "videoInfo": info })));
    }
    let url = url
        .cloned()
        .or_else(|| file.url.clone())
        .unwrap_or_default();
    let Some((width, height)) = file.image_size() else {
        return Err(Failed::new(format!(
            "the Media Manager did not report the size of image {}",
            file.id
        )));
    };
    let mut info = json!({ "id": file.id, "url": url, "width": width, "height": height });
    if let Some(name) = name {
        info["filename"] = json!(name);
    }
    Ok(("image", json!({ "type": "WIX_MEDIA", "imageInfo": info })))
}
