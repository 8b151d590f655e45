//! The Media Manager slice of the sandbox (spec §6): upload URLs and the PUT that stores the bytes
//! (`upload.rs`), the tus resumable upload for large files (`resumable.rs`), imports fetched in
//! the background (`import.rs`), get-file-by-id, get-files and the stored bytes served at each
//! file's URL (`routes.rs`), originals out through download URLs (`download.rs`, with the seeded
//! media's bytes in `seed_bytes.rs`), the rows (`store.rs`), streaming a body to disk under a size cap while
//! hashing it (`spool.rs`), a header-only image size reader (`imagesize.rs`), a video's size and
//! duration from its MP4 header and the renditions and posters built from them (`video.rs`), which
//! server's address media URLs carry when several serve one database (`servers.rs`), and rewriting
//! stored items' media URLs to it on the way out (`urls.rs`).
//!
//! Like Wix, nothing is usable at once: an uploaded or imported file answers `PENDING` until its
//! processing time has passed (images briefly, videos longer, as if transcoded), then `READY`, or
//! `FAILED` when the bytes cannot be processed (an image whose header cannot be read, a video in
//! no container the sandbox knows). The outcome is decided when the bytes arrive and stored with
//! the moment it becomes visible (`ready_ms`), so every process sharing the database agrees.
//!
//! Bytes live in one directory per sandbox: `<data dir>/sandbox-media` for a file database (next
//! to the database as `<db>.media` when there is no data dir), or a temporary directory for an
//! in-memory database, owned by `Running` and removed on shutdown (rows that vanish with the
//! process should not leave files behind).

mod download;
mod drop_fault;
pub mod imagesize;
mod import;
mod resumable;
pub mod routes;
mod seed_bytes;
pub mod servers;
mod settings;
mod spool;
pub mod store;
pub mod upload;
pub mod urls;
mod video;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

pub use resumable::RESUMABLE_PATH;
pub use settings::{HashForm, MediaOptions, Settings, UnknownIds};

use super::db::Database;
use super::errors::{ApiError, ApiResult};
use settings::{DEFAULT_IMPORT_TIMEOUT, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_URL_LIFETIME};

/// Where a file's bytes are served: `<base>/_sandbox/media/<id>`.
pub const MEDIA_PATH: &str = "/_sandbox/media/";
/// Where upload URLs point: `<base>/_sandbox/upload/<token>`.
pub const UPLOAD_PATH: &str = "/_sandbox/upload/";

/// Whether a request path is an upload (a PUT to an upload URL, or any request of the resumable
/// upload): the gate logs it and applies faults like any API request, but leaves its body unread
/// (the handler streams it) and skips the Authorization check (the token is the credential).
pub fn is_upload_path(path: &str) -> bool {
    path.starts_with(UPLOAD_PATH) || path == RESUMABLE_PATH || path.starts_with(RESUMABLE_PREFIX)
}

/// Marks the answer to an upload whose connection the dropped-connection fault cut: the gate
/// must not drain the rest of its body (see `drop_fault.rs`).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionDropped;

/// `RESUMABLE_PATH` followed by a slash: the tus uploads and the final commit live below it.
const RESUMABLE_PREFIX: &str = "/_sandbox/resumable/";

/// The media part of the sandbox's shared state.
pub struct MediaState {
    dir: PathBuf,
    base_url: String,
    settings: Mutex<Settings>,
    /// One client for every import (connection reuse); per-request timeouts come from settings.
    http: reqwest::Client,
    /// Resumable uploads a PATCH is writing to.
    resumable_busy: resumable::Busy,
}

/// Where a file database keeps its media bytes: `<data dir>/sandbox-media` when the sandbox has a
/// data dir (as the CLI always gives it; shared by every database served with it), else
/// `<db>.media` beside the database file.
pub fn dir_for_file_database(db: &Path, data_dir: Option<&Path>) -> PathBuf {
    match data_dir {
        Some(data) => data.join("sandbox-media"),
        None => {
            let mut name = db.as_os_str().to_owned();
            name.push(".media");
            PathBuf::from(name)
        }
    }
}

impl MediaState {
    /// Prepares the media directory. Returns the temporary directory to keep alive (and remove
    /// on shutdown) when the database is in memory.
    pub fn open(
        database: &Database,
        data_dir: Option<&Path>,
        base_url: String,
        options: MediaOptions,
    ) -> Result<(MediaState, Option<tempfile::TempDir>)> {
        let (dir, temp) = match (database, data_dir) {
            (Database::Memory, _) => {
                let temp = tempfile::Builder::new()
                    .prefix("progallery-sandbox-media-")
                    .tempdir()
                    .context("creating a temporary directory for sandbox media")?;
                (temp.path().to_path_buf(), Some(temp))
            }
            (Database::File(db), data) => (dir_for_file_database(db, data), None),
        };
        crate::files::create_private_dir(&dir)
            .with_context(|| format!("creating the sandbox media directory {}", dir.display()))?;
        // Stored paths are absolute so another process on the same database can serve them.
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::limited(5))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .context("building the sandbox's import HTTP client")?;
        Ok((
            MediaState {
                dir,
                base_url,
                settings: Mutex::new(Settings {
                    max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
                    import_timeout: DEFAULT_IMPORT_TIMEOUT,
                    upload_url_lifetime: DEFAULT_UPLOAD_URL_LIFETIME,
                    image_ready_after: options.image_ready_after,
                    video_ready_after: options.video_ready_after,
                    refuse_unreadable_uploads: false,
                    get_files_unknown_ids: UnknownIds::Omit,
                    hash_form: HashForm::Md5,
                }),
                http,
                resumable_busy: resumable::Busy::default(),
            },
            temp,
        ))
    }

    pub fn settings(&self) -> Settings {
        *self.settings.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn update_settings(&self, patch: &Map<String, Value>) -> ApiResult<Settings> {
        let mut guard = self.settings.lock().unwrap_or_else(|p| p.into_inner());
        guard.apply(patch)?;
        Ok(*guard)
    }

    pub fn descriptor(&self, row: &store::MediaRow) -> Value {
        store::descriptor(row, &self.base_url)
    }
}

/// What a mime type makes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Image,
    Video,
}

impl Kind {
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Image => "IMAGE",
            Kind::Video => "VIDEO",
        }
    }
}

/// The mime type without parameters, lowercased: `image/JPEG; q=1` → `image/jpeg`.
pub fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The accepted mime types: the images the size reader understands, and mp4/mov/webm videos.
pub fn classify_mime(mime: &str) -> Option<Kind> {
    match essence(mime).as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" | "image/png" | "image/gif" | "image/webp"
        | "image/bmp" | "image/x-ms-bmp" | "image/x-bmp" => Some(Kind::Image),
        "video/mp4" | "video/quicktime" | "video/webm" => Some(Kind::Video),
        _ => None,
    }
}

/// The kind and extension a file name or URL path suggests, for an import that has no mime type.
pub fn guess_from_name(name: &str) -> Option<(Kind, &'static str)> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" => (Kind::Image, "jpg"),
        "png" => (Kind::Image, "png"),
        "gif" => (Kind::Image, "gif"),
        "webp" => (Kind::Image, "webp"),
        "bmp" => (Kind::Image, "bmp"),
        "mp4" | "m4v" => (Kind::Video, "mp4"),
        "mov" => (Kind::Video, "mov"),
        "webm" => (Kind::Video, "webm"),
        _ => return None,
    })
}

/// The mime type an extension of `guess_from_name` stands for.
pub fn mime_of_extension(ext: &str) -> &'static str {
    match ext {
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "mp4" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        _ => "image/jpeg",
    }
}

/// The extension an image mime type stands for.
pub fn image_extension(mime: &str) -> &'static str {
    match essence(mime).as_str() {
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/bmp" | "image/x-ms-bmp" | "image/x-bmp" => "bmp",
        _ => "jpg",
    }
}

/// A Wix-like media id: six hex digits derived from the site (Wix puts the owner's prefix there),
/// an underscore, 32 random hex digits, and for images `~mv2.<ext>` (`1a2b3c_…~mv2.jpg`). Video
/// ids have no suffix, as on Wix.
pub fn new_id(site: &str, kind: Kind, image_ext: &str) -> String {
    let digest = Sha256::digest(site.as_bytes());
    let prefix = crate::digest::hex(&digest[..3]);
    let random = uuid::Uuid::new_v4().simple().to_string();
    match kind {
        Kind::Image => format!("{prefix}_{random}~mv2.{image_ext}"),
        Kind::Video => format!("{prefix}_{random}"),
    }
}

/// Whether a path segment could be a media id made by `new_id` (and so is safe as a file name).
pub fn looks_like_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '~' | '.'))
}

/// 404 FILE_NOT_FOUND: the Media Manager holds no file `id` (or none it can serve).
fn file_not_found(id: &str) -> ApiError {
    ApiError::application(
        StatusCode::NOT_FOUND,
        "FILE_NOT_FOUND",
        format!("file {id} does not exist"),
    )
}

/// The READY file `id`, whichever site holds it (a file's URL names no site), or FILE_NOT_FOUND.
async fn ready_file(app: &crate::sandbox::App, id: &str) -> ApiResult<store::MediaRow> {
    let lookup = id.to_string();
    app.pool
        .read(move |tx| store::find_any_site(tx, &lookup))
        .await?
        .filter(|row| row.status == store::READY)
        .ok_or_else(|| file_not_found(id))
}

/// Chunk size when streaming a stored file back.
const SERVE_CHUNK: usize = 64 * 1024;

/// The stored bytes of file `id` (at `path`) as a body read a chunk at a time, never whole into
/// memory, and their length when the file system tells it; FILE_NOT_FOUND if they cannot be
/// opened.
async fn stored_body(path: &str, id: &str) -> ApiResult<(Body, Option<u64>)> {
    let file = tokio::fs::File::open(path)
        .await
        .map_err(|_| file_not_found(id))?;
    let length = file.metadata().await.map(|m| m.len()).ok();
    let chunks = futures::stream::unfold(Some(file), |state| async move {
        let mut file = state?;
        let mut buf = vec![0u8; SERVE_CHUNK];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok::<Bytes, std::io::Error>(Bytes::from(buf)), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    });
    Ok((Body::from_stream(chunks), length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_wix_shaped_and_safe_file_names() {
        let image = new_id("site-a", Kind::Image, "png");
        let (prefix, rest) = image.split_once('_').unwrap();
        assert_eq!(prefix.len(), 6);
        assert!(rest.ends_with("~mv2.png"));
        assert_eq!(rest.len(), 32 + "~mv2.png".len());
        assert!(looks_like_id(&image));
        let video = new_id("site-a", Kind::Video, "jpg");
        assert_eq!(video.len(), 6 + 1 + 32);
        assert!(video.starts_with(prefix));
        assert_ne!(
            new_id("site-b", Kind::Video, "").split('_').next(),
            Some(prefix)
        );
        for bad in ["", "../etc", ".hidden", "a/b", "a b"] {
            assert!(!looks_like_id(bad), "{bad}");
        }
    }

    #[test]
    fn mime_types_are_classified() {
        assert_eq!(classify_mime("image/JPEG; charset=x"), Some(Kind::Image));
        assert_eq!(classify_mime("video/quicktime"), Some(Kind::Video));
        assert_eq!(classify_mime("application/pdf"), None);
        assert_eq!(classify_mime(""), None);
        assert_eq!(guess_from_name("/a/b/Cat.JPEG"), Some((Kind::Image, "jpg")));
        assert_eq!(guess_from_name("clip.webm"), Some((Kind::Video, "webm")));
        assert_eq!(guess_from_name("noext"), None);
    }
}
