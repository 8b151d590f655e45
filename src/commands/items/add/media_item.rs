//! The `image` or `video` of an item made from a READY Media Manager file, as Wix builds it: an
//! image's id, URL, size and file name; a video's playable renditions best first, its posters, the
//! file name, the best rendition's URL and `durationInMillis`.

use serde_json::{json, Value};

use super::job::Failed;
use crate::api::media::FileDescriptor;

/// `("image"|"video", value)` for a Media Manager file (READY).
pub(super) fn media_value(
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
