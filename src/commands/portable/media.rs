//! The media files of items, out of Wix and onto disk: which files an item has (its image or
//! video original, a video's poster; YouTube and Vimeo items keep their links, text items have
//! none), where each comes from (a Media Manager file through the download URL the Media Manager
//! gives; anything else — stock media, an external image — from its own URL), and the downloads
//! themselves: a few at once, streamed to a hidden temporary file renamed when complete, with one
//! progress bar by bytes. A file an earlier run left complete and whose bytes still hash as
//! recorded is kept, not fetched again, so a rerun resumes.
//!
//! Shared by `galleries export`, `galleries copy` and `items download`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use futures::{stream, StreamExt};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::naming;
use crate::api::download::{self, Fetcher, STATIC_MEDIA_BASE};
use crate::api::model::Item;
use crate::api::{ApiError, Client};
use crate::context::Context;

/// One file on disk, as the manifest records it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaFile {
    /// The Wix media id, when the item names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// Where it is, relative to the folder (`media/0001-sunset.jpg`).
    pub file: String,
    pub size: u64,
    /// SHA-256 of the bytes, computed while they were written.
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `mediaManager` (its download URL) or `url` (the item's own URL for it).
    pub from: String,
    /// The URL the item shows it at (a resized static URL's original).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A file an item shows, before it is fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaRef {
    /// Asked of the Media Manager first, when the item names one.
    pub media_id: Option<String>,
    /// The item's URL for it.
    pub url: Option<String>,
    /// A name that may carry its extension (the file name the item records, else its id).
    pub name_hint: Option<String>,
    pub video: bool,
}

impl MediaRef {
    fn from_info(info: &Value, video: bool, ask_media_manager: bool) -> Option<MediaRef> {
        let text = |key: &str| {
            info.get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let media_id = text("id");
        let url = text("url").map(|u| download::original_url(&u));
        if media_id.is_none() && url.is_none() {
            return None;
        }
        let name_hint = text("filename")
            .or_else(|| media_id.clone())
            .or_else(|| url.clone());
        Some(MediaRef {
            media_id: media_id.filter(|_| ask_media_manager),
            url,
            name_hint,
            video,
        })
    }

    /// Whether this is the same file as the one a record was made from.
    fn same_as(&self, record: &MediaFile) -> bool {
        self.media_id == record.media_id && self.url == record.url
    }
}

/// The original of what an item shows: an image, or a Wix-hosted video. `None` for a text item
/// and for a YouTube or Vimeo video (its link is what it shows).
pub fn main_media(item: &Item) -> Option<MediaRef> {
    if let Some(image) = &item.image {
        let external = image.get("type").and_then(Value::as_str) == Some("EXTERNAL");
        return MediaRef::from_info(image.get("imageInfo")?, false, !external);
    }
    let video = item.video.as_ref()?;
    if video_link(item).is_some() {
        return None;
    }
    MediaRef::from_info(video.get("videoInfo")?, true, true)
}

/// The Wix media id of what an item shows (`None` for text, links and external images): what an
/// import uploads again and what a sync can match to a file.
pub fn wix_media_id(item: &Item) -> Option<String> {
    main_media(item).and_then(|m| m.media_id)
}

/// A video's first poster (its still, for the contact sheet).
pub fn poster_media(item: &Item) -> Option<MediaRef> {
    let poster = item
        .video
        .as_ref()?
        .get("videoInfo")?
        .get("posters")?
        .as_array()?
        .first()?;
    MediaRef::from_info(poster, false, true)
}

/// The link of a YouTube or Vimeo video item.
pub fn video_link(item: &Item) -> Option<String> {
    let video = item.video.as_ref()?;
    let kind = video.get("type").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "YOUTUBE" | "VIMEO") {
        return None;
    }
    item.video_url()
}

/// One file to fetch.
pub struct Job {
    /// Which item and which of its files (the caller's key, handed back with the result).
    pub key: usize,
    pub poster: bool,
    pub media: MediaRef,
    /// The file name without its extension (`0001-sunset`, `0001-sunset.poster`).
    pub stem: String,
    /// What an earlier run recorded for it, if anything.
    pub previous: Option<MediaFile>,
}

/// Why a file could not be fetched.
pub struct Failure {
    pub message: String,
    pub cause: Option<ApiError>,
}

/// Fetches files into `<root>/<folder>/`.
pub struct Downloads<'a> {
    pub ctx: &'a Context,
    pub client: &'a Client,
    pub root: PathBuf,
    pub folder: &'static str,
    pub concurrency: usize,
    fetcher: Fetcher,
    /// Set once the Media Manager refused a download URL (403): the rest go by their URLs.
    refused: AtomicBool,
}

impl<'a> Downloads<'a> {
    pub fn new(
        ctx: &'a Context,
        client: &'a Client,
        root: &Path,
        folder: &'static str,
        concurrency: usize,
    ) -> anyhow::Result<Downloads<'a>> {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir)
            .map_err(|e| anyhow::anyhow!("creating {}: {e}", dir.display()))?;
        Ok(Downloads {
            ctx,
            client,
            root: root.to_path_buf(),
            folder,
            concurrency: concurrency.max(1),
            fetcher: Fetcher::new(ctx.timeout(), ctx.attempts())?,
            refused: AtomicBool::new(false),
        })
    }

    /// Runs `jobs`, `concurrency` at a time, calling `done` with each result as it comes (in no
    /// particular order). After Ctrl-C no new download starts; those not started are handed back
    /// as `None`.
    pub async fn run(
        &self,
        jobs: Vec<Job>,
        mut done: impl FnMut(&Job, Option<Result<MediaFile, Failure>>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let count = jobs.len();
        // Bytes are added to the bar's length as each answer says its size.
        let bar = self.ctx.printer.transfer_progress(count as u64, 1);
        bar.set_length(0);
        bar.set_message(format!("downloading 0/{count} files"));
        let progress = Progress(bar.clone());
        let progress = &progress;
        let mut finished = 0;
        let mut running = stream::iter(jobs)
            .map(|job| async move {
                if self.ctx.was_interrupted() {
                    return (job, None);
                }
                let result = self.one(&job, progress).await;
                (job, Some(result))
            })
            .buffer_unordered(self.concurrency);
        while let Some((job, result)) = running.next().await {
            finished += 1;
            bar.set_message(format!("downloading {finished}/{count} files"));
            bar.suspend(|| done(&job, result))?;
        }
        bar.finish_and_clear();
        Ok(())
    }

    /// One file, fetched without a progress bar of its own (a copy's, one item at a time).
    pub async fn fetch_one(&self, job: &Job) -> Result<MediaFile, Failure> {
        self.one(job, &Progress(indicatif::ProgressBar::hidden()))
            .await
    }

    /// One file: kept if an earlier run left it complete and intact, else fetched.
    async fn one(&self, job: &Job, progress: &Progress) -> Result<MediaFile, Failure> {
        if let Some(previous) = job.previous.as_ref().filter(|p| job.media.same_as(p)) {
            if self.still_intact(previous).await {
                progress.grow(previous.size as i64);
                progress.advance(previous.size as i64);
                return Ok(previous.clone());
            }
        }
        let (url, from) = self.source_of(&job.media).await?;
        let dir = self.root.join(self.folder);
        let temp = dir.join(format!(".{}.part", job.stem));
        let fetched = self
            .fetcher
            .fetch(&url, &temp, progress)
            .await
            .map_err(|e| {
                let _ = std::fs::remove_file(&temp);
                Failure {
                    message: e.to_string(),
                    cause: Some(e),
                }
            })?;
        let extension = job
            .media
            .name_hint
            .as_deref()
            .and_then(naming::extension_of)
            .or_else(|| job.media.url.as_deref().and_then(naming::extension_of))
            .or_else(|| {
                fetched
                    .content_type
                    .as_deref()
                    .and_then(naming::extension_for_type)
                    .map(str::to_string)
            })
            .unwrap_or_else(|| if job.media.video { "mp4" } else { "jpg" }.to_string());
        let name = format!("{}.{extension}", job.stem);
        std::fs::rename(&temp, dir.join(&name)).map_err(|e| Failure {
            message: format!("saving {name}: {e}"),
            cause: None,
        })?;
        Ok(MediaFile {
            media_id: job.media.media_id.clone(),
            file: if self.folder.is_empty() {
                name
            } else {
                format!("{}/{name}", self.folder)
            },
            size: fetched.size,
            sha256: fetched.sha256,
            content_type: fetched.content_type,
            from: from.to_string(),
            url: job.media.url.clone(),
        })
    }

    /// The URL to fetch: a Media Manager file's download URL, else the item's own URL (or the
    /// static URL of its media id).
    async fn source_of(&self, media: &MediaRef) -> Result<(String, &'static str), Failure> {
        if let Some(id) = media.media_id.as_deref() {
            if !self.refused.load(Ordering::Relaxed) {
                match download::generate_file_download_url(self.client, id).await {
                    Ok(Some(url)) => return Ok((url, "mediaManager")),
                    Ok(None) => {}
                    Err(ApiError::Status { status: 403, .. }) => {
                        if !self.refused.swap(true, Ordering::Relaxed) {
                            self.ctx.printer.warn(
                                "the Media Manager refused a download URL (403: the credentials may lack its permission); fetching media from their public URLs instead",
                            );
                        }
                    }
                    Err(e) => {
                        return Err(Failure {
                            message: e.to_string(),
                            cause: Some(e),
                        })
                    }
                }
            }
        }
        let url = media.url.clone().or_else(|| {
            media
                .media_id
                .as_ref()
                .map(|id| format!("{STATIC_MEDIA_BASE}{id}"))
        });
        match url {
            Some(url) => Ok((url, "url")),
            None => Err(Failure {
                message: "the item names no URL for its media".to_string(),
                cause: None,
            }),
        }
    }

    /// Whether a recorded file is still there with the bytes it had (size, then SHA-256).
    async fn still_intact(&self, record: &MediaFile) -> bool {
        let Some(path) = super::files::inside(&self.root, &record.file) else {
            return false;
        };
        let expected = record.sha256.clone();
        let size = record.size;
        tokio::task::spawn_blocking(move || {
            matches!(std::fs::metadata(&path), Ok(m) if m.len() == size)
                && crate::digest::sha256_of_file(&path).is_ok_and(|hash| hash == expected)
        })
        .await
        .unwrap_or(false)
    }
}

/// The byte bar: its length grows as answers say their size.
struct Progress(indicatif::ProgressBar);

impl Progress {
    fn grow(&self, delta: i64) {
        let length = self.0.length().unwrap_or(0) as i64;
        self.0.set_length((length + delta).max(0) as u64);
    }

    fn advance(&self, delta: i64) {
        let position = self.0.position() as i64;
        self.0.set_position((position + delta).max(0) as u64);
    }
}

impl download::Watch for Progress {
    fn expect(&self, delta: i64) {
        self.grow(delta);
    }

    fn received(&self, delta: i64) {
        self.advance(delta);
    }
}
