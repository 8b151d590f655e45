//! Media bytes out of Wix (spec/api.md §6): the download URL of a Media Manager file
//! (`generate-file-download-url`, the original in its original quality), and the fetch of any
//! media URL (such a download URL, or the static URL of media that is not in the site's Media
//! Manager) streamed into a file while its SHA-256 is computed, so memory stays flat whatever the
//! size. Fetches use a client of their own that sends no credentials: those URLs are public or
//! carry their own token, and the API key must never travel to a CDN.

use std::path::Path;
use std::time::Duration;

use futures::StreamExt;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::client::{
    backoff, network_detail, read_error_body, Call, Client, Idempotency, ERROR_BODY_BYTES,
};
use super::error::{from_response, ApiError};
use super::media::MEDIA_PREFIX;

pub use super::STATIC_MEDIA_BASE;

/// Bytes buffered before a write to disk.
const WRITE_BUFFER: usize = 256 * 1024;

/// `POST /files/generate-file-download-url {"fileId"}`: a temporary URL of the file's original.
/// `Ok(None)` when the Media Manager does not have the file (stock media, another site's file),
/// which is then fetched from its static URL instead. Wix does not document the answer for such
/// an id: a 404 and a 400 (an id it does not take) both read as "not here". Asking twice only
/// makes another URL, so it retries like a read.
pub async fn generate_file_download_url(
    client: &Client,
    file_id: &str,
) -> Result<Option<String>, ApiError> {
    let what = format!("asking for the download URL of media file {file_id}");
    let body = json!({ "fileId": file_id });
    let call = Call::new(
        Method::POST,
        format!("{MEDIA_PREFIX}/files/generate-file-download-url"),
        &what,
    )
    .body(&body)
    .idempotency(Idempotency::Safe);
    let answer = match client.send(call).await {
        Ok(answer) => answer,
        Err(ApiError::Status {
            status: 400 | 404, ..
        }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let urls = answer
        .get("downloadUrls")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    // The original is the `src` asset; an answer that names no asset has only that one.
    let pick = urls
        .iter()
        .find(|u| u.get("assetKey").and_then(Value::as_str) == Some("src"))
        .or_else(|| urls.first())
        .and_then(|u| u.get("url"))
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    match pick {
        Some(url) => Ok(Some(url.to_string())),
        None => Err(ApiError::BadBody {
            what,
            detail: "the answer has no http(s) `downloadUrls[].url`".to_string(),
        }),
    }
}

/// The original of a media URL: a static.wixstatic.com URL with a resizing suffix (`/v1/fit/…`,
/// `/v1/fill/…`) stands for its original, `https://static.wixstatic.com/media/<id>`.
pub fn original_url(url: &str) -> String {
    match url.strip_prefix(STATIC_MEDIA_BASE) {
        Some(rest) => match rest.split_once("/v1/") {
            Some((id, _)) => format!("{STATIC_MEDIA_BASE}{id}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// What a fetch wrote.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub size: u64,
    pub sha256: String,
    /// The answer's `Content-Type`, without parameters.
    pub content_type: Option<String>,
}

/// Hears how a fetch goes, for a progress bar.
pub trait Watch: Send + Sync {
    /// The answer announced this many bytes (negative: a failed attempt's are withdrawn).
    fn expect(&self, delta: i64);
    /// This many bytes were written (negative: a failed attempt's, thrown away).
    fn received(&self, delta: i64);
}

/// Fetches media URLs into files: no credentials, a connect and a read timeout but no limit on
/// the whole transfer (a large file on a slow link takes what it takes), retries with backoff.
pub struct Fetcher {
    http: reqwest::Client,
    timeout: Duration,
    attempts: u32,
}

impl Fetcher {
    pub fn new(timeout: Duration, attempts: u32) -> anyhow::Result<Fetcher> {
        let http = reqwest::Client::builder()
            .user_agent(super::USER_AGENT)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .read_timeout(timeout)
            .tcp_nodelay(true)
            .build()?;
        Ok(Fetcher {
            http,
            timeout,
            attempts: attempts.max(1),
        })
    }

    /// Streams `url` into `dest` (created or truncated), hashing as it goes; `watch` hears of
    /// the size announced and of every chunk written, and gets both back when a failed attempt is
    /// thrown away before the next (so a progress bar stays true). 429, 5xx, cut-off answers and
    /// lost connections are tried again, up to the attempts given; other answers are final.
    pub async fn fetch(
        &self,
        url: &str,
        dest: &Path,
        watch: &dyn Watch,
    ) -> Result<Fetched, ApiError> {
        let what = format!("downloading {}", shown(url));
        let mut attempt = 1;
        loop {
            let mut written = 0u64;
            let mut announced = 0u64;
            let result = self
                .fetch_once(url, dest, &what, (&mut written, &mut announced), watch)
                .await;
            let retryable = match &result {
                Ok(fetched) => return Ok(fetched.clone()),
                Err(ApiError::Status { status, .. }) => *status == 429 || *status >= 500,
                Err(ApiError::Network { .. }) => true,
                Err(ApiError::BadBody { .. } | ApiError::Credentials { .. }) => false,
            };
            watch.received(-(written as i64));
            watch.expect(-(announced as i64));
            if !retryable || attempt >= self.attempts {
                return result;
            }
            tokio::time::sleep(backoff(attempt)).await;
            attempt += 1;
        }
    }

    async fn fetch_once(
        &self,
        url: &str,
        dest: &Path,
        what: &str,
        (written, announced): (&mut u64, &mut u64),
        watch: &dyn Watch,
    ) -> Result<Fetched, ApiError> {
        let network = |e: reqwest::Error| ApiError::Network {
            what: what.to_string(),
            detail: network_detail(&e, self.timeout),
            ambiguous: false,
        };
        let response = self.http.get(url).send().await.map_err(network)?;
        let status = response.status().as_u16();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(CONTENT_TYPE).map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        let length = header(CONTENT_LENGTH).and_then(|l| l.parse::<u64>().ok());
        if !(200..300).contains(&status) {
            let body = read_error_body(response, ERROR_BODY_BYTES).await;
            return Err(from_response(
                what.to_string(),
                status,
                content_type.as_deref(),
                None,
                &body,
                false,
            ));
        }
        if let Some(length) = length {
            *announced = length;
            watch.expect(length as i64);
        }
        let local = |e: std::io::Error| ApiError::Network {
            what: what.to_string(),
            detail: format!("writing {}: {e}", dest.display()),
            ambiguous: false,
        };
        let file = tokio::fs::File::create(dest).await.map_err(local)?;
        let mut out = tokio::io::BufWriter::with_capacity(WRITE_BUFFER, file);
        let mut hasher = Sha256::new();
        let mut body = response.bytes_stream();
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| ApiError::Network {
                what: what.to_string(),
                detail: format!("the answer broke off: {}", network_detail(&e, self.timeout)),
                ambiguous: false,
            })?;
            hasher.update(&chunk);
            out.write_all(&chunk).await.map_err(local)?;
            *written += chunk.len() as u64;
            if length.is_none() {
                *announced += chunk.len() as u64;
                watch.expect(chunk.len() as i64);
            }
            watch.received(chunk.len() as i64);
        }
        out.flush().await.map_err(local)?;
        out.into_inner().sync_all().await.map_err(local)?;
        if let Some(expected) = length {
            if expected != *written {
                return Err(ApiError::Network {
                    what: what.to_string(),
                    detail: format!(
                        "the answer broke off after {} of {expected} bytes",
                        *written
                    ),
                    ambiguous: false,
                });
            }
        }
        Ok(Fetched {
            size: *written,
            sha256: crate::digest::hex(&hasher.finalize()),
            content_type,
        })
    }
}

/// A URL as shown in messages: without its query (a download URL's token is a credential).
pub fn shown(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resized_static_urls_stand_for_their_original() {
        assert_eq!(
            original_url(
                "https://static.wixstatic.com/media/nsplsh_abc~mv2.jpg/v1/fill/w_640,h_480/x.jpg"
            ),
            "https://static.wixstatic.com/media/nsplsh_abc~mv2.jpg"
        );
        assert_eq!(
            original_url("https://static.wixstatic.com/media/11062b_x~mv2.jpeg"),
            "https://static.wixstatic.com/media/11062b_x~mv2.jpeg"
        );
        assert_eq!(
            original_url("http://127.0.0.1:8787/_sandbox/media/a~mv2.png"),
            "http://127.0.0.1:8787/_sandbox/media/a~mv2.png"
        );
        assert_eq!(shown("https://x/y?token=secret"), "https://x/y");
    }
}
