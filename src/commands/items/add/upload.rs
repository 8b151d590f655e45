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

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Map, Value};

use super::sources::{extension_of_mime, mime_from_name, video_item, Source};
use crate::api::media::{self, FileDescriptor, LocalFile, RESUMABLE_OVER};
use crate::api::media_wait::{WaitEnd, Waiter};
use crate::api::model::Item;
use crate::api::{items, ApiError, Client};
use crate::commands::items::metadata::Meta;
use crate::hashcache::{algo_of, md5_of_file, Algo, Fact, HashCache};

/// An entry ready to run: what to add, its metadata, and where it goes.
pub struct Job {
    pub source: Source,
    pub meta: Meta,
    pub sort_order: Option<f64>,
    /// SHA-256 and size of a local file, and its mime type from its first bytes.
    pub hash: Option<String>,
    pub size: u64,
    pub mime: Option<&'static str>,
    /// The local file's MD5, once something needed it.
    pub md5: Option<String>,
}

/// What every job shares.
pub struct Shared<'a> {
    pub client: &'a Client,
    pub gallery: &'a str,
    pub cache: &'a Mutex<HashCache>,
    pub attempts: u32,
    /// How long to wait for a file to be READY.
    pub ready_timeout: Duration,
    /// Media ids in the gallery, with the item that shows each.
    pub gallery_media: &'a HashMap<String, Item>,
    pub allow_duplicates: bool,
    pub on_bytes: Arc<dyn Fn(u64) + Send + Sync>,
    pub waiter: &'a Waiter,
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

/// The MD5 of a local file, computed off the runtime.
pub async fn md5_of(path: &Path) -> Result<String, String> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || md5_of_file(&path))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("cannot read the file: {e}"))
}

/// Whether the service's `hash` of a file says it holds this local content: `Some(true|false)`
/// when the form names an algorithm (computing the local MD5 if needed, kept in `md5`), `None`
/// when it cannot be told.
pub async fn same_content(
    theirs: &str,
    sha256: Option<&str>,
    md5: &mut Option<String>,
    path: &Path,
) -> Option<bool> {
    match algo_of(theirs)? {
        Algo::Sha256 => Some(theirs.eq_ignore_ascii_case(sha256?)),
        Algo::Md5 => {
            if md5.is_none() {
                *md5 = md5_of(path).await.ok();
            }
            Some(theirs.eq_ignore_ascii_case(md5.as_deref()?))
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

    /// Waits until the file is READY; a failure says why for `what` ("the upload").
    async fn ready(&self, file: FileDescriptor, what: &str) -> Result<FileDescriptor, Failed> {
        let id = file.id.clone();
        self.waiter
            .wait(file, self.ready_timeout)
            .await
            .map_err(|end| match end {
                WaitEnd::Failed => Failed::new(format!(
                    "the Media Manager could not process {what} (FAILED): the file must be an image or video it can read"
                )),
                WaitEnd::TimedOut(limit) => Failed::new(format!(
                    "{what} was not ready after {} s (--ready-timeout); it may still finish: run again later",
                    limit.as_secs()
                )),
                WaitEnd::Gone => Failed::new(format!(
                    "the Media Manager no longer has media file {id}"
                )),
                WaitEnd::Api(e) => Failed::api("waiting for the Media Manager", e),
            })
    }

    /// A media file an earlier run put in Wix, not FAILED, still holding the local content (when
    /// `local` is given: same size, and same hash where that can be told).
    async fn reusable(
        &self,
        candidates: Vec<String>,
        mut local: Option<(&Path, &mut Job)>,
    ) -> Option<FileDescriptor> {
        for id in candidates {
            let Ok(file) = media::get_file(self.client, &id).await else {
                continue;
            };
            if file.status() == "FAILED" {
                continue;
            }
            if let Some((path, job)) = local.as_mut() {
                if file.size().is_some_and(|size| size != job.size) {
                    continue;
                }
                let recorded = {
                    let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
                    cache.known(&id).and_then(|k| k.wix_hash.clone())
                };
                if let Some(theirs) = &file.hash {
                    // The hash the cache recorded when the content was checked: the same file.
                    let checked = recorded
                        .as_deref()
                        .is_some_and(|r| r.eq_ignore_ascii_case(theirs));
                    if !checked
                        && same_content(theirs, job.hash.as_deref(), &mut job.md5, path).await
                            == Some(false)
                    {
                        continue;
                    }
                }
            }
            return Some(file);
        }
        None
    }
}

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

/// The type and name an import is sent with (Wix must know the type, spec §6): the type from the
/// URL's extension, else from the URL's answer to HEAD; the name is the URL's last segment, with
/// the type's extension added when it has none.
async fn import_type(url: &str, shared: &Shared<'_>) -> (Option<String>, String) {
    let name = Source::Import {
        url: url.to_string(),
    }
    .file_name()
    .unwrap_or_else(|| "import".to_string());
    let mime = match mime_from_name(&name) {
        Some(mime) => Some(mime.to_string()),
        None => shared
            .client
            .probe_content_type(url)
            .await
            .filter(|m| extension_of_mime(m).is_some()),
    };
    let name = match (
        mime_from_name(&name),
        mime.as_deref().and_then(extension_of_mime),
    ) {
        (None, Some(ext)) => format!("{name}.{ext}"),
        _ => name,
    };
    (mime, name)
}

/// The media of a URL: one an earlier run imported from it (not FAILED), else a fresh import;
/// READY either way, or failed, or timed out.
async fn import_url(url: &str, shared: &Shared<'_>) -> Result<FileDescriptor, Failed> {
    let known = {
        let cache = shared.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.media_from_url(url).to_vec()
    };
    if let Some(file) = shared.reusable(known, None).await {
        return shared.ready(file, "the import").await.map_err(|f| {
            if f.message.contains("FAILED") {
                import_failed()
            } else {
                f
            }
        });
    }
    let (mime, name) = import_type(url, shared).await;
    let pending = media::import(shared.client, url, Some(&name), mime.as_deref())
        .await
        .map_err(|e| Failed::api("asking the Media Manager to import it", e))?;
    shared.remember(Fact {
        media_id: Some(pending.id.clone()),
        url: Some(url.to_string()),
        ..Fact::default()
    });
    let file = match shared.ready(pending, "the import").await {
        Ok(file) => file,
        Err(failed) if failed.message.contains("(FAILED)") => return Err(import_failed()),
        Err(failed) => return Err(failed),
    };
    shared.remember(Fact {
        wix_hash: file.hash.clone(),
        size: file.size(),
        media_id: Some(file.id.clone()),
        url: Some(url.to_string()),
        ..Fact::default()
    });
    Ok(file)
}

impl Shared<'_> {
    /// An item of the gallery showing the content an import brought: the same service hash and
    /// size as a media file the gallery already shows.
    fn imported_content_present(&self, file: &FileDescriptor) -> Option<Item> {
        if self.allow_duplicates {
            return None;
        }
        let theirs = file.hash.as_deref()?;
        algo_of(theirs)?;
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        self.gallery_media
            .iter()
            .filter(|(id, _)| **id != file.id)
            .find(|(id, _)| {
                cache.known(id).is_some_and(|k| {
                    k.wix_hash
                        .as_deref()
                        .is_some_and(|h| h.eq_ignore_ascii_case(theirs))
                        && (k.size.is_none() || file.size().is_none() || k.size == file.size())
                })
            })
            .map(|(_, item)| item.clone())
    }
}

fn import_failed() -> Failed {
    Failed::new(
        "the Media Manager could not import it (FAILED): the URL must answer 200 with an image or video it accepts",
    )
}

/// `("image"|"video", value)` for a Media Manager file (READY).
fn media_value(
    file: &FileDescriptor,
    url: Option<&String>,
) -> Result<(&'static str, Value), Failed> {
    let name = file.display_name.clone();
    if file.is_video() {
        return Ok(("video", video_value(file, url)));
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

/// A Media Manager video as a gallery item's `video`, as Wix builds it: the playable renditions
/// best first, the posters, the file name, the best rendition's URL and the duration.
fn video_value(file: &FileDescriptor, url: Option<&String>) -> Value {
    let described = file.video();
    // A video plays from the Media Manager's URLs (video.wixstatic.com/…), not from the
    // static.wixstatic.com/media/<id> form a bare media id is given as.
    let best = described
        .as_ref()
        .and_then(|v| v.resolutions.first())
        .and_then(|r| r.get("url"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let url = best
        .or_else(|| file.url.clone())
        .or_else(|| url.cloned())
        .unwrap_or_default();
    let mut info = json!({ "id": file.id, "url": url });
    if let Some(name) = &file.display_name {
        info["filename"] = json!(name);
    }
    let mut video = json!({ "type": "WIX_MEDIA" });
    if let Some(described) = described {
        if !described.resolutions.is_empty() {
            info["resolutions"] = Value::Array(described.resolutions);
        }
        if !described.posters.is_empty() {
            info["posters"] = Value::Array(described.posters);
        }
        if let Some(ms) = described.duration_ms {
            video["durationInMillis"] = json!(ms);
        }
    }
    video["videoInfo"] = info;
    video
}
