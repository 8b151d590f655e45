//! The import of a URL by the Media Manager (spec §6): the type and name it is sent with (Wix must
//! be able to tell the type: from the URL's extension, else from the URL's answer to HEAD; the name
//! gets the type's extension when the URL has none), reuse of what an earlier run imported from the
//! same URL, the wait until READY, and recognising imported content the gallery already shows.

use super::job::{Failed, Shared};
use super::sources::{extension_of_mime, mime_from_name, Source};
use crate::api::media::{self, FileDescriptor};
use crate::api::model::Item;
use crate::hashcache::{algo_of, Fact};

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
pub(super) async fn import_url(url: &str, shared: &Shared<'_>) -> Result<FileDescriptor, Failed> {
    let known = {
        let cache = shared.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.media_from_url(url).to_vec()
    };
    if let Some(file) = shared.reusable(known, None).await {
        return shared.ready_or(file, "the import", import_failed).await;
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
    let file = shared
        .ready_or(pending, "the import", import_failed)
        .await?;
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
    pub(super) fn imported_content_present(&self, file: &FileDescriptor) -> Option<Item> {
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
