//! The Media Manager's settings: the processing times a `sandbox serve` starts with
//! (`MediaOptions`), and the limits and readings changeable at runtime through
//! `PUT /_sandbox/media-settings` (`Settings`), among them the readings of what Wix leaves
//! undocumented: the form of `hash`, what `get-files` does with unknown ids, and whether an
//! unreadable image is refused at upload or fails in processing.

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Map, Value};

use super::Kind;
use crate::sandbox::errors::{ApiError, ApiResult, Violation};

/// Default cap of one upload or import: 1 GiB.
pub(super) const DEFAULT_MAX_UPLOAD_BYTES: u64 = 1024 * 1024 * 1024;
/// Default limit of one import fetch, connect to last byte.
pub(super) const DEFAULT_IMPORT_TIMEOUT: Duration = Duration::from_secs(120);
/// Default lifetime of an upload URL.
pub(super) const DEFAULT_UPLOAD_URL_LIFETIME: Duration = Duration::from_secs(3600);
/// Default processing time of an image: short, but never "ready at once" (spec §6).
pub const DEFAULT_IMAGE_READY_AFTER: Duration = Duration::from_millis(300);
/// Default processing time of a video (its "transcoding"): longer than an image's.
pub const DEFAULT_VIDEO_READY_AFTER: Duration = Duration::from_millis(1500);

/// What `get-files` does with an id the site's Media Manager does not hold: Wix does not say, so
/// both readings are offered (`getFilesUnknownIds` in the media settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownIds {
    /// Answer the files that exist; unknown ids are left out (the default).
    Omit,
    /// Answer 404 FILE_NOT_FOUND for the whole request.
    Fail,
}

/// What the descriptors' `hash` is: Wix does not document its algorithm (every example is 32 hex
/// characters, an MD5's length), so each reading is offered (`hashForm` in the media settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashForm {
    /// Hex MD5 of the bytes (the default, as every example suggests).
    Md5,
    /// Hex SHA-256 of the bytes.
    Sha256,
    /// A value whose form names no algorithm (the MD5 digest in base64), for clients that must
    /// not hold it against a file.
    Opaque,
}

impl HashForm {
    fn name(self) -> &'static str {
        match self {
            HashForm::Md5 => "md5",
            HashForm::Sha256 => "sha256",
            HashForm::Opaque => "opaque",
        }
    }

    /// The `hash` of bytes whose hex MD5 is `md5` and which are at `path` (read again only for
    /// SHA-256, which is the only way this fails).
    pub async fn of(self, md5: &str, path: &Path) -> Result<String, String> {
        match self {
            HashForm::Md5 => Ok(md5.to_string()),
            HashForm::Sha256 => {
                let path = path.to_path_buf();
                tokio::task::spawn_blocking(move || crate::digest::sha256_of_file(&path))
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| format!("hashing the file: {e}"))
            }
            HashForm::Opaque => {
                use base64::Engine as _;
                let bytes: Vec<u8> = (0..md5.len() / 2)
                    .filter_map(|i| u8::from_str_radix(&md5[2 * i..2 * i + 2], 16).ok())
                    .collect();
                Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
            }
        }
    }
}

/// The media part of `sandbox::Options`: how long processing takes (`sandbox serve
/// --media-ready-after / --video-ready-after`).
#[derive(Debug, Clone, Copy)]
pub struct MediaOptions {
    pub image_ready_after: Duration,
    pub video_ready_after: Duration,
}

impl Default for MediaOptions {
    fn default() -> Self {
        MediaOptions {
            image_ready_after: DEFAULT_IMAGE_READY_AFTER,
            video_ready_after: DEFAULT_VIDEO_READY_AFTER,
        }
    }
}

/// Limits changeable at runtime through `PUT /_sandbox/media-settings`.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub max_upload_bytes: u64,
    pub import_timeout: Duration,
    /// How long a new upload URL stays valid (tests shorten it to see expiry).
    pub upload_url_lifetime: Duration,
    /// How long an image stays PENDING after its bytes arrived.
    pub image_ready_after: Duration,
    /// How long a video stays PENDING after its bytes arrived.
    pub video_ready_after: Duration,
    /// Refuse an image whose header cannot be read at upload time (400), instead of accepting it
    /// and letting its processing fail (FAILED, the default): Wix documents FAILED "during media
    /// post processing" and does not say which it does for a corrupt image.
    pub refuse_unreadable_uploads: bool,
    pub get_files_unknown_ids: UnknownIds,
    pub hash_form: HashForm,
}

/// The settings keys, for the error that names an unknown one.
const SETTING_KEYS: &str = "maxUploadBytes, importTimeoutMs, uploadUrlLifetimeMs, \
     imageReadyAfterMs, videoReadyAfterMs, refuseUnreadableUploads, getFilesUnknownIds, hashForm";

impl Settings {
    pub fn to_json(self) -> Value {
        json!({
            "maxUploadBytes": self.max_upload_bytes,
            "importTimeoutMs": millis(self.import_timeout),
            "uploadUrlLifetimeMs": millis(self.upload_url_lifetime),
            "imageReadyAfterMs": millis(self.image_ready_after),
            "videoReadyAfterMs": millis(self.video_ready_after),
            "refuseUnreadableUploads": self.refuse_unreadable_uploads,
            "getFilesUnknownIds": match self.get_files_unknown_ids {
                UnknownIds::Omit => "omit",
                UnknownIds::Fail => "fail",
            },
            "hashForm": self.hash_form.name(),
        })
    }

    /// How long a file of this kind stays PENDING.
    pub fn ready_after(&self, kind: Kind) -> Duration {
        match kind {
            Kind::Image => self.image_ready_after,
            Kind::Video => self.video_ready_after,
        }
    }

    pub(super) fn apply(&mut self, patch: &Map<String, Value>) -> ApiResult<()> {
        let mut violations = Vec::new();
        let mut next = *self;
        for (key, value) in patch {
            let number = value.as_u64().filter(|n| *n > 0);
            match (key.as_str(), number) {
                ("maxUploadBytes", Some(n)) => next.max_upload_bytes = n,
                ("importTimeoutMs", Some(n)) => next.import_timeout = Duration::from_millis(n),
                ("uploadUrlLifetimeMs", Some(n)) => {
                    next.upload_url_lifetime = Duration::from_millis(n)
                }
                ("maxUploadBytes" | "importTimeoutMs" | "uploadUrlLifetimeMs", None) => {
                    violations.push(Violation::wrong_type(key.as_str(), "a positive integer"))
                }
                // Zero is allowed here: an instant READY is a reading a test may want to see.
                ("imageReadyAfterMs" | "videoReadyAfterMs", _) => match value.as_u64() {
                    Some(ms) if key == "imageReadyAfterMs" => {
                        next.image_ready_after = Duration::from_millis(ms)
                    }
                    Some(ms) => next.video_ready_after = Duration::from_millis(ms),
                    None => violations.push(Violation::wrong_type(
                        key.as_str(),
                        "a whole number of milliseconds",
                    )),
                },
                ("refuseUnreadableUploads", _) => match value.as_bool() {
                    Some(refuse) => next.refuse_unreadable_uploads = refuse,
                    None => violations.push(Violation::wrong_type(key.as_str(), "true or false")),
                },
                ("hashForm", _) => match value.as_str() {
                    Some("md5") => next.hash_form = HashForm::Md5,
                    Some("sha256") => next.hash_form = HashForm::Sha256,
                    Some("opaque") => next.hash_form = HashForm::Opaque,
                    _ => violations.push(Violation::wrong_type(
                        key.as_str(),
                        "\"md5\", \"sha256\" or \"opaque\"",
                    )),
                },
                ("getFilesUnknownIds", _) => match value.as_str() {
                    Some("omit") => next.get_files_unknown_ids = UnknownIds::Omit,
                    Some("fail") => next.get_files_unknown_ids = UnknownIds::Fail,
                    _ => {
                        violations.push(Violation::wrong_type(key.as_str(), "\"omit\" or \"fail\""))
                    }
                },
                _ => violations.push(Violation::new(
                    key.as_str(),
                    format!("is not a media setting ({SETTING_KEYS})"),
                    "UNKNOWN_FIELD",
                )),
            }
        }
        if !violations.is_empty() {
            return Err(ApiError::validation(violations));
        }
        *self = next;
        Ok(())
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
