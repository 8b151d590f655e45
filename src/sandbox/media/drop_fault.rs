//! The dropped-connection fault (`--drop-upload-after BYTES`, `dropUploadAfterBytes` in
//! `/_sandbox/faults`): an upload body (a PUT to an upload URL, or a resumable upload's PATCH) is
//! cut after that many bytes, what arrived is kept as a real server would have it, and the
//! connection is closed under the client without draining the rest, so the client sees what a
//! dropped connection looks like and has to resume from the server's offset.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Bytes;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use futures::{Stream, StreamExt};

use super::ConnectionDropped;
use crate::sandbox::errors::ApiError;
use crate::sandbox::App;

/// Whether a wrapped body was cut.
#[derive(Clone, Default)]
pub struct Cut(Arc<AtomicBool>);

impl Cut {
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A body that ends in an error after `left` bytes (when the fault is armed).
pub struct CutAfter<'a, S> {
    inner: S,
    left: Option<u64>,
    /// The cut point fell inside the last chunk: the next poll cuts.
    cut_next: bool,
    cut: Cut,
    app: &'a App,
}

/// Wraps an upload body in the fault, if it is armed now.
pub fn wrap<S>(app: &App, inner: S) -> (CutAfter<'_, S>, Cut) {
    let cut = Cut::default();
    let stream = CutAfter {
        inner,
        left: app.faults.upload_drop_point(),
        cut_next: false,
        cut: cut.clone(),
        app,
    };
    (stream, cut)
}

impl<S, E> Stream for CutAfter<'_, S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    type Item = Result<Bytes, String>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.cut.happened() {
            return Poll::Ready(None);
        }
        if self.cut_next {
            self.cut.0.store(true, Ordering::Relaxed);
            self.app.faults.record_upload_drop();
            return Poll::Ready(Some(Err(
                "the connection was dropped (injected: dropUploadAfterBytes)".to_string(),
            )));
        }
        match self.inner.poll_next_unpin(cx) {
            Poll::Ready(Some(Ok(mut chunk))) => {
                if let Some(left) = self.left {
                    // Only a body with more to send than the cut point is cut (one of exactly
                    // that length just ends).
                    if chunk.len() as u64 > left {
                        chunk.truncate(left as usize);
                        self.cut_next = true;
                        self.left = Some(0);
                    } else {
                        self.left = Some(left - chunk.len() as u64);
                    }
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.to_string()))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// The answer to a cut upload: the connection closes after it without reading the rest of the
/// body (the gate sees `ConnectionDropped` and does not drain), so the client mostly sees a reset
/// connection, at best this 503.
pub fn dropped() -> Response {
    let mut response = ApiError::unavailable(
        "injected fault (dropUploadAfterBytes): the connection was dropped mid-upload",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response.extensions_mut().insert(ConnectionDropped);
    response
}
