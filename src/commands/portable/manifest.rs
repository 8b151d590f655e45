//! `manifest.jsonl` of an export: one line per item, in gallery order, saying which files on disk
//! are its media (with the media id, size and SHA-256), or its link (YouTube, Vimeo), or why it has
//! no file. While an export runs, each file is also logged to `.manifest.partial.jsonl` the moment
//! it is complete, so a run cut short leaves the record a rerun resumes from; the manifest itself is
//! written whole at the end (temporary file and rename) and the partial log removed.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::files::{self, Appender};
use super::media::MediaFile;

pub const MANIFEST: &str = "manifest.jsonl";
const PARTIAL: &str = ".manifest.partial.jsonl";

/// One item of the export.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// 1-based place in the gallery.
    pub position: usize,
    pub item_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// The original image or video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<MediaFile>,
    /// A video's poster (its still).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<MediaFile>,
    /// A YouTube or Vimeo item's link (nothing is downloaded for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Why a file the item has is not here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A file logged as complete during a run.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Logged {
    item_id: String,
    poster: bool,
    file: MediaFile,
}

/// Files recorded by earlier runs into `dir`: `(item id, poster?)` → the file.
pub fn previous(dir: &Path) -> Result<HashMap<(String, bool), MediaFile>> {
    let mut found = HashMap::new();
    for entry in files::read_json_lines::<Entry>(&dir.join(MANIFEST))? {
        if let Some(media) = entry.media {
            found.insert((entry.item_id.clone(), false), media);
        }
        if let Some(poster) = entry.poster {
            found.insert((entry.item_id.clone(), true), poster);
        }
    }
    for logged in files::read_json_lines::<Logged>(&dir.join(PARTIAL))? {
        found.insert((logged.item_id, logged.poster), logged.file);
    }
    Ok(found)
}

/// The entries of an export's manifest, in gallery order.
pub fn read(dir: &Path) -> Result<Vec<Entry>> {
    let mut entries = files::read_json_lines::<Entry>(&dir.join(MANIFEST))?;
    entries.sort_by_key(|e| e.position);
    Ok(entries)
}

/// The log of files completed during this run.
pub struct Partial(Appender);

impl Partial {
    pub fn open(dir: &Path) -> Result<Partial> {
        Ok(Partial(Appender::open(&dir.join(PARTIAL))?))
    }

    pub fn log(&mut self, item_id: &str, poster: bool, file: &MediaFile) -> Result<()> {
        self.0.append(&Logged {
            item_id: item_id.to_string(),
            poster,
            file: file.clone(),
        })
    }
}

/// Writes the manifest whole and drops the partial log.
pub fn write(dir: &Path, entries: &[Entry]) -> Result<()> {
    files::write_atomically(&dir.join(MANIFEST), &files::json_lines(entries)?)?;
    clear_partial(dir)
}

/// Drops the partial log, once what it says is written whole elsewhere.
pub fn clear_partial(dir: &Path) -> Result<()> {
    match std::fs::remove_file(dir.join(PARTIAL)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}
