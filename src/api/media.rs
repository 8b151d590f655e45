//! Typed calls for the Media Manager (spec/api.md §6): getting a file into Wix before it becomes
//! a gallery item. Upload = generate-upload-url, then a PUT of the bytes (streamed from disk,
//! never held in memory); import = the service fetches a URL, and the file is polled until READY
//! or FAILED; get-file-by-id reads a file's descriptor (its size, hash and image dimensions).
//! They never print.

use std::path::Path;
use std::time::{Duration, Instant};

use futures::StreamExt;
use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::AsyncReadExt;

use super::client::{Call, Client, Idempotency};
use super::error::ApiError;

/// Path prefix of the Media Manager.
pub const MEDIA_PREFIX: &str = "/site-media/v1";

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
    #[serde(default)]
    pub hash: Option<String>,
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub operation_status: Option<String>,
    #[serde(default)]
    pub media: Option<Value>,
}

impl FileDescriptor {
    pub fn status(&self) -> &str {
        self.operation_status.as_deref().unwrap_or("READY")
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
    answer
        .get("uploadUrl")
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .ok_or_else(|| ApiError::BadBody {
            what,
            detail: "the answer has no http(s) `uploadUrl`".to_string(),
        })
}

/// Streams `path` to an upload URL (`PUT <url>?filename=<name>`); `on_chunk` hears of every
/// chunk sent (for a progress bar; a retried attempt counts again, so the caller should treat
/// it as activity, not an exact total).
pub async fn upload(
    client: &Client,
    upload_url: &str,
    path: &Path,
    file_name: &str,
    mime_type: &str,
    length: u64,
    on_chunk: std::sync::Arc<dyn Fn(u64) + Send + Sync>,
) -> Result<FileDescriptor, ApiError> {
    let what = format!("uploading {}", path.display());
    let mut url = url::Url::parse(upload_url).map_err(|e| ApiError::BadBody {
        what: what.clone(),
        detail: format!("the upload URL is not a URL: {e}"),
    })?;
    url.query_pairs_mut().append_pair("filename", file_name);
    let owned = path.to_path_buf();
    let make_body = move || {
        let path = owned.clone();
        let on_chunk = on_chunk.clone();
        let state = (None::<tokio::fs::File>, path, false);
        let stream = futures::stream::unfold(state, move |(file, path, done)| {
            let on_chunk = on_chunk.clone();
            async move {
                if done {
                    return None;
                }
                let mut file = match file {
                    Some(file) => file,
                    None => match tokio::fs::File::open(&path).await {
                        Ok(file) => file,
                        Err(e) => return Some((Err(e), (None, path, true))),
                    },
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
    };
    let answer = client
        .put_upload(url.as_str(), mime_type, length, &make_body, &what)
        .await?;
    decode_file(&what, &answer)
}

/// `POST /files/import`: the service fetches `url` itself. Answers the PENDING file.
pub async fn import(
    client: &Client,
    url: &str,
    display_name: Option<&str>,
) -> Result<FileDescriptor, ApiError> {
    let what = format!("importing {url}");
    let mut body = json!({ "url": url });
    if let Some(name) = display_name {
        body["displayName"] = json!(name);
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

/// Why polling an import ended without a READY file.
#[derive(Debug)]
pub enum ImportEnd {
    Failed,
    TimedOut(Duration),
    Api(ApiError),
}

/// Polls a PENDING file until READY or FAILED, or `limit` passes. The interval starts short
/// (small files are ready at once) and grows to 5 s (large ones are not hammered).
pub async fn wait_until_ready(
    client: &Client,
    id: &str,
    limit: Duration,
) -> Result<FileDescriptor, ImportEnd> {
    let started = Instant::now();
    let mut interval = Duration::from_millis(100);
    // Shown once it has lasted a second (`Client::waiting`), cleared when this returns.
    let _notice = client.waiting(
        &format!("media file {id}"),
        "the Media Manager is still processing it (not READY yet)",
    );
    loop {
        let file = get_file(client, id).await.map_err(ImportEnd::Api)?;
        match file.status() {
            "READY" => return Ok(file),
            "FAILED" => return Err(ImportEnd::Failed),
            _ => {}
        }
        if started.elapsed() >= limit {
            return Err(ImportEnd::TimedOut(limit));
        }
        tokio::time::sleep(interval.min(limit.saturating_sub(started.elapsed()))).await;
        interval = (interval * 2).min(Duration::from_secs(5));
    }
}
