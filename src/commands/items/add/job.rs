//! What one entry of `items add` carries while it runs (`Job`), what every entry shares
//! (`Shared`: the client, the gallery, the hash cache, the waiter for READY files), how it ends
//! (`Done`, `Failed`), and the checks they share: whether the Media Manager's `hash` of a file
//! says it holds a local file's content, and reusing a file an earlier run put in Wix.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::sources::Source;
use crate::api::media::{self, FileDescriptor};
use crate::api::media_wait::{WaitEnd, Waiter};
use crate::api::model::Item;
use crate::api::{ApiError, Client};
use crate::commands::items::metadata::Meta;
use crate::digest::md5_of_file;
use crate::hashcache::{algo_of, Algo, Fact, HashCache};

/// An entry ready to run: what to add, its metadata, and where it goes.
pub struct Job {
    pub source: Source,
    pub meta: Meta,
    pub sort_order: Option<f64>,
    /// Where `sort_order` may move if the service refuses it (another writer took it meanwhile).
    pub sort_window: Option<crate::api::items::SortWindow>,
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

/// What the uploads of another command (`galleries import`, `items sync`) share with `items add`'s
/// code: the gallery's hash cache and one waiter for READY files, without `items add`'s duplicate
/// check against the gallery's media (the caller decided what to upload), byte counter or
/// `--ready-timeout`.
pub struct Uploads {
    cache: Mutex<HashCache>,
    no_media: HashMap<String, Item>,
    /// Run it alongside the uploads: [`Waiter::alongside`].
    pub waiter: Waiter,
}

impl Uploads {
    /// Opens the media cache of `gallery` on the run's site.
    pub fn open(
        ctx: &crate::context::Context,
        client: &Client,
        gallery: &str,
    ) -> anyhow::Result<Uploads> {
        let site = crate::hashcache::site_key_of(ctx, client);
        Ok(Uploads {
            cache: Mutex::new(HashCache::open(&ctx.paths.data_dir, &site, gallery)?),
            no_media: HashMap::new(),
            waiter: Waiter::new(Arc::new(|_| {})),
        })
    }

    pub fn shared<'a>(&'a self, client: &'a Client, gallery: &'a str, attempts: u32) -> Shared<'a> {
        Shared {
            client,
            gallery,
            cache: &self.cache,
            attempts,
            ready_timeout: super::DEFAULT_READY_TIMEOUT,
            gallery_media: &self.no_media,
            allow_duplicates: true,
            on_bytes: Arc::new(|_| {}),
            waiter: &self.waiter,
        }
    }
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
    pub(super) fn new(message: impl Into<String>) -> Failed {
        Failed {
            message: message.into(),
            api: None,
        }
    }

    pub(super) fn api(context: &str, error: ApiError) -> Failed {
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
    pub(super) fn remember(&self, fact: Fact) {
        // A cache that cannot be written costs a later re-upload, not this run.
        let _ = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record(fact);
    }

    /// Waits until the file is READY; a failure says why for `what` ("the upload").
    pub(super) async fn ready(
        &self,
        file: FileDescriptor,
        what: &str,
    ) -> Result<FileDescriptor, Failed> {
        self.ready_or(file, what, || {
            Failed::new(format!(
                "the Media Manager could not process {what} (FAILED): the file must be an image or video it can read"
            ))
        })
        .await
    }

    /// [`Shared::ready`], with `when_failed` saying why when the Media Manager marks the file
    /// FAILED (an import's reason is the URL, not the file).
    pub(super) async fn ready_or(
        &self,
        file: FileDescriptor,
        what: &str,
        when_failed: impl FnOnce() -> Failed,
    ) -> Result<FileDescriptor, Failed> {
        let id = file.id.clone();
        self.waiter
            .wait(file, self.ready_timeout)
            .await
            .map_err(|end| match end {
                WaitEnd::Failed => when_failed(),
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
    pub(super) async fn reusable(
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
