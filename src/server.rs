//! The HTTP server loop of the library's two servers (the sandbox and the webhook receiver):
//! accept, serve each connection with hyper (HTTP/1), and stop gracefully.
//!
//! What it adds to `axum::serve`, which has no knobs for it: a peer must send a request's
//! headers within `header_timeout` of the connection being ready for one (its start, or the end
//! of the previous request), so stalled or idle connections are closed instead of being held for
//! ever; and a failed accept (out of file descriptors under a flood, say) never ends the server —
//! it pauses briefly and goes on, and the descriptors come back as the timeouts close stalled
//! peers. Bodies are the handlers' business: each reads its body under its own cap and deadline.

use std::future::Future;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How the server treats its peers.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time allowed to send a request's headers (also the longest a kept-alive connection may
    /// sit idle between requests).
    pub header_timeout: Duration,
    /// Once stopping, how long requests in flight may take to finish before their connections
    /// are dropped (a stalled peer must not hold up a stop).
    pub shutdown_grace: Duration,
}

/// Pause after an accept that failed for lack of resources, before trying again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `app` on `listener` until `shutdown` resolves, then lets the requests in flight finish
/// (connections are closed once idle) and returns once every connection is gone, or after
/// `shutdown_grace`, dropping the rest.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        // Reap finished connection tasks as we go, so the set does not grow with every peer.
        while connections.try_join_next().is_some() {}
        let (stream, _peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    if !is_per_connection(&error) {
                        // EMFILE, ENFILE, ENOBUFS, ENOMEM: wait for descriptors to come back.
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                    }
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            let stopping = async move {
                // Only `true` is ever sent; a closed channel means the server is gone too.
                let _ = stop.changed().await;
            };
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = stopping => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    // Past the grace, the connections still open are dropped with the set.
    let _ = tokio::time::timeout(limits.shutdown_grace, drained).await;
    Ok(())
}

/// Accept errors that concern one connection only (it was reset before we took it): go on at
/// once. Anything else is the server short of something.
fn is_per_connection(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}
