//! Request bodies: the cap on what an API request may send, reading a body whole under that cap
//! and a deadline (a body cut short or stalled is refused, never half-used), and
//! sharing an upload's body between its handler and the gate, so the gate can drain what nobody
//! read (an injected fault, a refused token, a 413) and the client finishes sending and reads the
//! answer instead of seeing the connection reset under it.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, BodyDataStream, Bytes};
use axum::http::HeaderMap;
use futures::{Stream, StreamExt};

/// Upper bound of a request body; larger ones get a Wix-shaped 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How much of an oversized body is read and thrown away before answering 413, so the client
/// finishes sending and reads the answer instead of seeing a reset connection.
pub const DRAIN_LIMIT: usize = 64 * 1024 * 1024;

/// Time a client has to send a whole API body (at most [`MAX_BODY_BYTES`]): a stalled one is
/// answered 408 and nothing is done.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a body was not read whole. In every case the request is refused before any handler runs:
/// the sandbox never acts on part of a request.
#[derive(Debug)]
pub enum BodyProblem {
    /// Larger than [`MAX_BODY_BYTES`] (read on, and thrown away, up to [`DRAIN_LIMIT`]).
    TooLarge,
    /// The body broke off: fewer bytes than its `Content-Length` before the connection closed,
    /// a chunked body aborted before its last chunk, a reset.
    Broken(String),
    /// Not all there within [`BODY_TIMEOUT`].
    TimedOut,
}

/// Reads a whole body under the cap and the deadline.
pub async fn read_capped(body: Body) -> Result<Bytes, BodyProblem> {
    match tokio::time::timeout(BODY_TIMEOUT, read_all(body)).await {
        Ok(read) => read,
        Err(_) => Err(BodyProblem::TimedOut),
    }
}

async fn read_all(body: Body) -> Result<Bytes, BodyProblem> {
    let mut stream = body.into_data_stream();
    let mut buf = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(_) if seen > MAX_BODY_BYTES => return Err(BodyProblem::TooLarge),
            Err(e) => return Err(BodyProblem::Broken(e.to_string())),
        };
        seen += chunk.len();
        if seen <= MAX_BODY_BYTES {
            buf.extend_from_slice(&chunk);
        } else if seen > DRAIN_LIMIT {
            break;
        }
    }
    if seen > MAX_BODY_BYTES {
        Err(BodyProblem::TooLarge)
    } else {
        Ok(Bytes::from(buf))
    }
}

/// The rest of a shared upload body, held by the gate.
pub struct BodyRemainder {
    shared: Shared,
    expects_continue: bool,
}

#[derive(Clone)]
struct Shared {
    stream: Arc<Mutex<BodyDataStream>>,
    /// Whether anyone asked for body bytes yet (for a client waiting on `100 Continue`, asking is
    /// what makes hyper send it, and so what makes the client start sending).
    polled: Arc<AtomicBool>,
}

struct SharedStream(Shared);

impl Stream for SharedStream {
    type Item = Result<Bytes, axum::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.polled.store(true, Ordering::Relaxed);
        let mut inner = self.0.stream.lock().unwrap_or_else(|p| p.into_inner());
        inner.poll_next_unpin(cx)
    }
}

/// Splits an upload body into one the handler reads and a remainder the gate can drain after the
/// handler answered, whether or not the handler read it.
pub fn share_body(body: Body, headers: &HeaderMap) -> (Body, BodyRemainder) {
    let shared = Shared {
        stream: Arc::new(Mutex::new(body.into_data_stream())),
        polled: Arc::new(AtomicBool::new(false)),
    };
    let expects_continue = headers
        .get("expect")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("100-continue"));
    (
        Body::from_stream(SharedStream(shared.clone())),
        BodyRemainder {
            shared,
            expects_continue,
        },
    )
}

impl BodyRemainder {
    /// Reads and throws away what is left, up to `limit` bytes (past that the connection is
    /// simply closed: a client sending gigabytes after a refusal should not keep us busy). A
    /// client still waiting for `100 Continue` is answered without it, so it sends nothing.
    pub async fn drain(self, limit: u64) {
        if self.expects_continue && !self.shared.polled.load(Ordering::Relaxed) {
            return;
        }
        let mut stream = SharedStream(self.shared);
        let mut seen: u64 = 0;
        while let Some(Ok(chunk)) = stream.next().await {
            seen = seen.saturating_add(chunk.len() as u64);
            if seen > limit {
                break;
            }
        }
    }
}
