//! Typed calls for the Media Manager (spec/api.md §6): getting a file into Wix before it becomes
//! a gallery item. Upload = generate-upload-url, then a PUT of the bytes; files over 10 MB go
//! through the resumable upload instead (generate-resumable-upload-url, tus, the commit PUT; see
//! `client/upload.rs`); both stream from disk, never holding a file in memory. Import = the
//! service fetches a URL. Either way the file is PENDING until processed: `media_wait.rs` polls
//! until READY or FAILED. get-file-by-id and get-files read descriptors (size, the service's own
//! hash, image size, video renditions). They never print.

use std::path::Path;
use std::sync::Arc;

use futures::StreamExt;
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tokio::io::{AsyncReadExt, AsyncSeekExt};

use super::client::{Call, Client, Idempotency};
use super::error::ApiError;

/// Path prefix of the Media Manager.
pub const MEDIA_PREFIX: &str = "/site-media/v1";

/// Files larger than this go through the resumable upload Wix recommends for files over 10 MB.
pub const RESUMABLE_OVER: u64 = 10 * 1024 * 1024;

/// Most ids one `get-files` takes.
pub const GET_FILES_MAX: usize = 100;

/// Bytes read from disk per chunk of an upload body.
const UPLOAD_CHUNK: usize = 64 * 1024;

/// A file in the Media Manager, as much of it as the CLI uses (the rest is ignored).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileDescriptor {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The service's own content hash: opaque (see `hashcache::algo_of`).
    #[serde(default)]
    pub hash: Option<String>,
    /// A decimal string on the wire; a number is read too.
    #[serde(default)]
    pub size_in_bytes: Option<Value>,
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub operation_status: Option<String>,
    #[serde(default)]
    pub media: Option<Value>,
}

/// A video as the Media Manager describes it, mapped to what a gallery item's `video` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct VideoMedia {
    /// Playable renditions, best first (storyboards left out).
    pub resolutions: Vec<Value>,
    pub posters: Vec<Value>,
    pub duration_ms: Option<u64>,
}

impl FileDescriptor {
    pub fn status(&self) -> &str {
        self.operation_status.as_deref().unwrap_or("READY")
    }

    /// `sizeInBytes` as a number.
    pub fn size(&self) -> Option<u64> {
        match self.size_in_bytes.as_ref()? {
            Value::String(s) => s.trim().parse().ok(),
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// `media.image.image` of an image: `(width, height)`.
    pub fn image_size(&self) -> Option<(u64, u64)> {
        let image = self.media.as_ref()?.get("image")?.get("image")?;
        Some((
            image.get("width")?.as_u64()?,
            image.get("height")?.as_u64()?,
        ))
    }

    pub fn is_video(&self) -> bool {
        self.media_type.as_deref() == Some("VIDEO")
    }

    /// `media.video`, as an item's `videoInfo` wants it: playable renditions only, best first;
    /// the posters; the duration (`durationInMillis`, or the older `duration` string).
    pub fn video(&self) -> Option<VideoMedia> {
        let video = self.media.as_ref()?.get("video")?;
        let mut resolutions: Vec<Value> = video
            .get("resolutions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|r| playable(r))
            .map(|r| {
                keep(
                    r,
                    &["url", "width", "height", "format", "quality", "filename"],
                )
            })
            .collect();
        // Best first: the most pixels; a stable sort keeps the service's order among equals.
        let pixels = |r: &Value| {
            let dim = |k: &str| r.get(k).and_then(Value::as_u64).unwrap_or(0);
            dim("width") * dim("height")
        };
        resolutions.sort_by_key(|r| std::cmp::Reverse(pixels(r)));
        let posters = video
            .get("posters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|p| {
                p.get("url")
                    .and_then(Value::as_str)
                    .is_some_and(|u| !u.is_empty())
            })
            .map(|p| keep(p, &["id", "url", "width", "height", "filename", "altText"]))
            .collect();
        Some(VideoMedia {
            resolutions,
            posters,
            duration_ms: duration_of(video),
        })
    }
}

/// A rendition a player can play: it has a URL and is no storyboard (the thumbnail strips Wix
/// lists among a video's resolutions).
fn playable(rendition: &Value) -> bool {
    let text = |k: &str| rendition.get(k).and_then(Value::as_str).unwrap_or_default();
    !text("url").is_empty()
        && !text("format").to_ascii_lowercase().contains("storyboard")
        && !text("quality").to_ascii_lowercase().contains("storyboard")
        && !text("url").contains("/storyboard/")
}

/// The named fields of an object that are present and not null.
fn keep(value: &Value, fields: &[&str]) -> Value {
    let mut out = Map::new();
    for field in fields {
        if let Some(v) = value.get(*field).filter(|v| !v.is_null()) {
            out.insert((*field).to_string(), v.clone());
        }
    }
    Value::Object(out)
}

/// A duration in milliseconds: `durationInMillis` (a number, the current field) or `duration`
/// (an int64 as a string, or a number).
pub fn duration_of(value: &Value) -> Option<u64> {
    let read = |v: &Value| match v {
        Value::Number(n) => n.as_u64().or_else(|| n.as_f64().map(|f| f.max(0.0) as u64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    value
        .get("durationInMillis")
        .and_then(read)
        .or_else(|| value.get("duration").and_then(read))
        .filter(|ms| *ms > 0)
}

fn decode_file(what: &str, body: &Value) -> Result<FileDescriptor, ApiError> {
    let file: FileDescriptor = super::answer::field(what, body, &["file"])?;
    if file.id.is_empty() {
        return Err(ApiError::BadBody {
            what: what.to_string(),
            detail: "the answer's file has no id".to_string(),
        });
    }
    Ok(file)
}

/// `POST /files/generate-upload-url`. Asking twice only makes an unused URL, so it retries like
/// a read.
pub async fn generate_upload_url(
    client: &Client,
    mime_type: &str,
    file_name: &str,
) -> Result<String, ApiError> {
    let what = format!("asking for an upload URL for {file_name}");
    let body = json!({ "mimeType": mime_type, "fileName": file_name });
    let call = Call::new(
        Method::POST,
        format!("{MEDIA_PREFIX}/files/generate-upload-url"),
        &what,
    )
    .body(&body)
    .idempotency(Idempotency::Safe);
    let answer = client.send(call).await?;
    http_url(&answer, "uploadUrl", &what)
}

fn http_url(answer: &Value, field: &str, what: &str) -> Result<String, ApiError> {
    answer
        .get(field)
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .ok_or_else(|| ApiError::BadBody {
            what: what.to_string(),
            detail: format!("the answer has no http(s) `{field}`"),
        })
}

/// `POST /files/generate-resumable-upload-url` → `(uploadUrl, uploadToken)` for the tus protocol.
pub async fn generate_resumable_upload_url(
    client: &Client,
    mime_type: &str,
    file_name: &str,
) -> Result<(String, String), ApiError> {
    let what = format!("asking for a resumable upload URL for {file_name}");
    let body = json!({ "mimeType": mime_type, "fileName": file_name, "uploadProtocol": "TUS" });
    let call = Call::new(
        Method::POST,
        format!("{MEDIA_PREFIX}/files/generate-resumable-upload-url"),
        &what,
    )
    .body(&body)
    .idempotency(Idempotency::Safe);
    let answer = client.send(call).await?;
    let url = http_url(&answer, "uploadUrl", &what)?;
    let token = answer
        .get("uploadToken")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::BadBody {
            what,
            detail: "the answer has no `uploadToken`".to_string(),
        })?;
    Ok((url, token.to_string()))
}

/// Progress of an upload: bytes read and sent (a resent range counts again, so a caller should
/// treat it as activity, not an exact total).
pub type OnBytes = Arc<dyn Fn(u64) + Send + Sync>;

/// A fresh streamed body of `path` from byte `from` on, reporting each chunk to `on_chunk`.
pub fn file_body(path: &Path, from: u64, on_chunk: OnBytes) -> reqwest::Body {
    let path = path.to_path_buf();
    let state = (None::<tokio::fs::File>, path, false);
    let stream = futures::stream::unfold(state, move |(file, path, done)| {
        let on_chunk = on_chunk.clone();
        async move {
            if done {
                return None;
            }
            let mut file = match file {
                Some(file) => file,
                None => {
                    let opened = async {
                        let mut file = tokio::fs::File::open(&path).await?;
                        file.seek(std::io::SeekFrom::Start(from)).await?;
                        Ok::<_, std::io::Error>(file)
                    };
                    match opened.await {
                        Ok(file) => file,
                        Err(e) => return Some((Err(e), (None, path, true))),
                    }
                }
            };
            let mut buf = vec![0u8; UPLOAD_CHUNK];
            match file.read(&mut buf).await {
                Ok(0) => None,
                Ok(n) => {
                    buf.truncate(n);
                    on_chunk(n as u64);
                    Some((Ok(bytes::Bytes::from(buf)), (Some(file), path, false)))
                }
                Err(e) => Some((Err(e), (None, path, true))),
            }
        }
    });
    reqwest::Body::wrap_stream(stream.boxed())
}

/// What to upload: a local file, its name in the Media Manager, its type and size.
pub struct LocalFile<'a> {
    pub path: &'a Path,
    pub name: &'a str,
    pub mime_type: &'a str,
    pub length: u64,
}

/// Streams a file to an upload URL (`PUT <url>?filename=<name>`); the file as answered.
pub async fn upload(
    client: &Client,
    upload_url: &str,
    file: &LocalFile<'_>,
    on_chunk: OnBytes,
) -> Result<FileDescriptor, ApiError> {
    let what = format!("uploading {}", file.path.display());
    let url = with_file_name(upload_url, file.name, &what)?;
    let path = file.path.to_path_buf();
    let make_body = move || file_body(&path, 0, on_chunk.clone());
    let answer = client
        .put_upload(&url, file.mime_type, file.length, &make_body, &what)
        .await?;
    decode_file(&what, &answer)
}

fn with_file_name(url: &str, name: &str, what: &str) -> Result<String, ApiError> {
    let mut url = url::Url::parse(url).map_err(|e| ApiError::BadBody {
        what: what.to_string(),
        detail: format!("the upload URL is not a URL: {e}"),
    })?;
    url.query_pairs_mut().append_pair("filename", name);
    Ok(url.to_string())
}

/// The resumable upload of a large file: the bytes with the tus protocol (resuming from the
/// server's offset after a broken connection), then the commit `PUT <uploadUrl>/<uploadToken>
/// ?filename=<name>`; the file as answered.
pub async fn upload_resumable(
    client: &Client,
    upload_url: &str,
    token: &str,
    file: &LocalFile<'_>,
    on_chunk: OnBytes,
) -> Result<FileDescriptor, ApiError> {
    let what = format!("uploading {}", file.path.display());
    client
        .tus_upload(upload_url, token, file, on_chunk, &what)
        .await?;
    let commit = format!("{}/{token}", upload_url.trim_end_matches('/'));
    let commit = with_file_name(&commit, file.name, &what)?;
    let answer = client.put_commit(&commit, &what).await?;
    decode_file(&what, &answer)
}

/// `POST /files/import`: the service fetches `url` itself. Answers the PENDING file.
pub async fn import(
    client: &Client,
    url: &str,
    display_name: Option<&str>,
    mime_type: Option<&str>,
) -> Result<FileDescriptor, ApiError> {
    let what = format!("importing {url}");
    let mut body = json!({ "url": url });
    if let Some(name) = display_name {
        body["displayName"] = json!(name);
    }
    if let Some(mime) = mime_type {
        body["mimeType"] = json!(mime);
    }
    // An import that landed but whose answer was lost leaves a stray copy in the Media Manager,
    // never a gallery item; repeating it is the lesser harm than giving up, so it retries.
    let call = Call::new(Method::POST, format!("{MEDIA_PREFIX}/files/import"), &what)
        .body(&body)
        .idempotency(Idempotency::Safe);
    let answer = client.send(call).await?;
    decode_file(&what, &answer)
}

/// `GET /files/get-file-by-id?fileId=`.
pub async fn get_file(client: &Client, id: &str) -> Result<FileDescriptor, ApiError> {
    let what = format!("getting media file {id}");
    let call = Call::new(
        Method::GET,
        format!("{MEDIA_PREFIX}/files/get-file-by-id"),
        &what,
    )
    .query("fileId", id);
    let answer = client.send(call).await?;
    decode_file(&what, &answer)
}

/// The files among `ids` the Media Manager holds (unknown ids are simply absent): `POST
/// /files/get-files` with up to 100 ids a request. Whether Wix leaves an unknown id out or fails
/// the whole request is undocumented; on a 404 the ids of that request are asked one by one, so
/// the answer is the same under either behaviour.
pub async fn get_files(client: &Client, ids: &[String]) -> Result<Vec<FileDescriptor>, ApiError> {
    let mut found = Vec::new();
    for chunk in ids.chunks(GET_FILES_MAX) {
        let what = format!("getting {} media file(s)", chunk.len());
        let body = json!({ "fileIds": chunk });
        let call = Call::new(
            Method::POST,
            format!("{MEDIA_PREFIX}/files/get-files"),
            &what,
        )
        .body(&body)
        .idempotency(Idempotency::Safe);
        match client.send(call).await {
            Ok(answer) => {
                let files: Vec<FileDescriptor> = super::answer::field(&what, &answer, &["files"])?;
                found.extend(files.into_iter().filter(|f| !f.id.is_empty()));
            }
            Err(ApiError::Status { status: 404, .. }) => {
                for id in chunk {
                    match get_file(client, id).await {
                        Ok(file) => found.push(file),
                        Err(ApiError::Status { status: 404, .. }) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(value: Value) -> FileDescriptor {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_video_descriptor_maps_to_playable_renditions_best_first() {
        let described = file(json!({
            "id": "v", "mediaType": "VIDEO", "sizeInBytes": "1234",
            "media": {"video": {
                "id": "v",
                "resolutions": [
                    {"url": "u/480", "width": 854, "height": 480, "format": "mp4", "quality": "480p", "poster": null},
                    {"url": "u/1080", "width": 1920, "height": 1080, "format": "mp4", "quality": "1080p"},
                    {"url": "u/sb", "width": 256, "height": 144, "format": "storyboard", "quality": "144p"},
                    {"url": "u/720", "width": 1280, "height": 720, "format": "mp4", "quality": "720p"},
                    {"url": "", "width": 9, "height": 9, "format": "mp4"}
                ],
                "posters": [{"id": "p0", "url": "u/p0", "width": 1920, "height": 1080, "urlExpirationDate": null}],
                "duration": "20000"
            }}
        }));
        assert_eq!(described.size(), Some(1234));
        let video = described.video().unwrap();
        let urls: Vec<&str> = video
            .resolutions
            .iter()
            .map(|r| r["url"].as_str().unwrap())
            .collect();
        assert_eq!(urls, ["u/1080", "u/720", "u/480"]);
        assert!(video.resolutions[2].get("poster").is_none());
        assert_eq!(
            video.posters,
            [json!({"id": "p0", "url": "u/p0", "width": 1920, "height": 1080})]
        );
        assert_eq!(video.duration_ms, Some(20_000));
        // The current SDK field wins; a number is read too.
        assert_eq!(
            duration_of(&json!({"durationInMillis": 1500, "duration": "9"})),
            Some(1500)
        );
        assert_eq!(duration_of(&json!({"duration": 42})), Some(42));
        assert_eq!(duration_of(&json!({"duration": "soon"})), None);
        assert_eq!(file(json!({"id": "x", "sizeInBytes": 7})).size(), Some(7));
        assert!(file(json!({"id": "x"})).video().is_none());
    }
}
