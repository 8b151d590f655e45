//! The webhook receiver behind `webhooks listen`: an axum server that verifies each delivery,
//! drops redeliveries, and hands accepted events to the caller (printing) and to the optional
//! actions (`--forward-to`, `--exec`).
//!
//! Answers: 200 accepted (also for a duplicate or a filtered-out event: the sender must not retry
//! those), 400 not a JWT / malformed event / a body that broke off, 401 refused signature, 404 for
//! another path, 405 for another method, 408 when the body did not arrive in time, 413 past the
//! size cap, 502 when the forward or the exec failed (the id is forgotten, so the sender's retry is
//! accepted: at least once). Actions run one event at a time, in arrival order, because a mirror
//! script applying an update before the matching create would be wrong.
//!
//! Echoes: given an [`EchoCheck`] (the caller's record of its own writes), each accepted event is
//! marked as the echo of one of them or not; the mark travels with the event (`"echo": true` in
//! an echo's JSON, `PROGALLERY_EVENT_ECHO=1|0` for `--exec`), and `skip_echoes` answers echoes
//! 200 without printing, forwarding or running anything for them.
//!
//! Abuse it holds against: a peer has `read_timeout` to send its headers (`server.rs`) and as long
//! again for its body, so stalled connections are dropped; a body announced larger than the cap is
//! refused before a byte of it is read, and one that grows past it is cut off; the bodies being
//! read at once share a memory budget ([`MAX_BUFFERED_BYTES`]) that a stalled peer barely touches
//! (it holds only what it sent), so a hundred stalled connections cannot delay a real delivery.
//! The path is compared as a plain string, never parsed as a route pattern.

use std::future::Future;
use std::process::Stdio;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use futures::StreamExt;
use serde_json::json;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

use super::dedup::RecentIds;
use super::event::DecodedEvent;
use super::jwt::{Verifier, VerifyError};

/// Bodies larger than this are answered 413 without being read further.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Bytes of bodies held at once, across every request being read: bounds the memory a flood of
/// deliveries can take. A body waits for room (within its deadline) when it is spent.
pub const MAX_BUFFERED_BYTES: usize = 64 * 1024 * 1024;
/// On Ctrl-C, how long deliveries in flight may take to finish before the listener stops anyway.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
/// How many recent event ids are remembered for deduplication.
pub const DEDUP_CAPACITY: usize = 10_000;
/// A `--exec` command that runs longer than this is killed and the delivery fails.
pub const EXEC_TIMEOUT: Duration = Duration::from_secs(60);
/// Time allowed for one `--forward-to` POST.
pub const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);

/// Where accepted events and notices go (the command prints them).
pub trait EventSink: Send + Sync {
    /// An accepted event, and whether it is an echo of the caller's own write.
    fn accepted(&self, event: &DecodedEvent, echo: bool);
    fn notice(&self, message: &str);
}

/// Tells whether an event is the echo of a write of the listener's own. It may block (waiting
/// for a write to settle): the listener calls it on a blocking thread.
pub trait EchoCheck: Send + Sync + 'static {
    fn is_echo(&self, event: &DecodedEvent) -> bool;
}

pub struct ListenOptions {
    pub path: String,
    /// Full event types to keep; `None` keeps all.
    pub events: Option<Vec<String>>,
    pub forward_to: Option<String>,
    pub exec: Option<String>,
    pub max_body_bytes: usize,
    pub dedup_capacity: usize,
    /// Marks echoes; `None` marks none.
    pub echo: Option<Arc<dyn EchoCheck>>,
    /// Drop echoes before printing, forwarding or `--exec`.
    pub skip_echoes: bool,
    /// Time a peer has to send its headers, and then as long again for its body.
    pub read_timeout: Duration,
}

/// Counters reported when the listener stops.
#[derive(Debug, Default)]
pub struct Stats {
    pub accepted: AtomicU64,
    pub duplicates: AtomicU64,
    pub filtered: AtomicU64,
    pub rejected: AtomicU64,
    pub malformed: AtomicU64,
    pub failed: AtomicU64,
    /// Echoes dropped by `skip_echoes`.
    pub echoes_skipped: AtomicU64,
}

struct Shared {
    verifier: Verifier,
    options: ListenOptions,
    recent: Mutex<RecentIds>,
    /// Held while actions run, so they run one at a time in arrival order.
    actions: tokio::sync::Mutex<()>,
    http: reqwest::Client,
    sink: Arc<dyn EventSink>,
    stats: Arc<Stats>,
    /// Room for body bytes (see [`MAX_BUFFERED_BYTES`]), one permit per byte.
    buffered: Arc<tokio::sync::Semaphore>,
}

/// Serves on `listener` until `shutdown` resolves; returns the counters.
pub async fn serve(
    listener: TcpListener,
    verifier: Verifier,
    options: ListenOptions,
    sink: Arc<dyn EventSink>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<Arc<Stats>> {
    let http = reqwest::Client::builder()
        .timeout(FORWARD_TIMEOUT)
        .build()
        .context("building the HTTP client for --forward-to")?;
    let stats = Arc::new(Stats::default());
    let limits = crate::server::Limits {
        header_timeout: options.read_timeout,
        shutdown_grace: SHUTDOWN_GRACE,
    };
    let shared = Arc::new(Shared {
        verifier,
        recent: Mutex::new(RecentIds::new(options.dedup_capacity)),
        options,
        actions: tokio::sync::Mutex::new(()),
        http,
        sink,
        stats: stats.clone(),
        buffered: Arc::new(tokio::sync::Semaphore::new(MAX_BUFFERED_BYTES)),
    });
    // Every request reaches `receive`, which compares the path itself: `--path` is any string
    // starting with '/', never a route pattern (axum's patterns panic on some).
    let app = Router::new().fallback(receive).with_state(shared);
    crate::server::serve(listener, app, limits, shutdown)
        .await
        .context("serving webhooks")?;
    Ok(stats)
}

/// Why a delivery's body was not read.
enum BodyRefusal {
    TooLarge,
    Broken,
    TimedOut,
}

/// A body's bytes, read under the size cap, the deadline and the shared memory budget. The
/// permits held for the bytes are returned with them and released when the request is done.
async fn read_body(
    shared: &Shared,
    body: Body,
    deadline: tokio::time::Instant,
) -> Result<(Vec<u8>, tokio::sync::OwnedSemaphorePermit), BodyRefusal> {
    let cap = shared.options.max_body_bytes;
    let mut held = Arc::clone(&shared.buffered)
        .try_acquire_many_owned(0)
        .map_err(|_| BodyRefusal::TimedOut)?;
    let mut bytes = Vec::new();
    let mut stream = body.into_data_stream();
    loop {
        let chunk = match tokio::time::timeout_at(deadline, stream.next()).await {
            Err(_) => return Err(BodyRefusal::TimedOut),
            Ok(None) => break,
            Ok(Some(Err(_))) => return Err(BodyRefusal::Broken),
            Ok(Some(Ok(chunk))) => chunk,
        };
        if bytes.len() + chunk.len() > cap {
            return Err(BodyRefusal::TooLarge);
        }
        let room = Arc::clone(&shared.buffered).acquire_many_owned(chunk.len() as u32);
        match tokio::time::timeout_at(deadline, room).await {
            Ok(Ok(permit)) => held.merge(permit),
            _ => return Err(BodyRefusal::TimedOut),
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok((bytes, held))
}

fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    (status, Json(body)).into_response()
}

async fn receive(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let deadline = tokio::time::Instant::now() + shared.options.read_timeout;
    if request.uri().path() != shared.options.path {
        return answer(StatusCode::NOT_FOUND, json!({"error": "no such path"}));
    }
    if request.method() != Method::POST {
        return answer(
            StatusCode::METHOD_NOT_ALLOWED,
            json!({"error": "deliveries are POSTed"}),
        );
    }
    // Refusals before the body was read whole are not counted: no event was looked at.
    let too_large = || {
        answer(
            StatusCode::PAYLOAD_TOO_LARGE,
            json!({"error": format!("body larger than {} bytes", shared.options.max_body_bytes)}),
        )
    };
    // Refused on its announced length, before a byte of it is read.
    let announced = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if announced.is_some_and(|n| n > shared.options.max_body_bytes as u64) {
        return too_large();
    }
    let (body, _room) = match read_body(&shared, request.into_body(), deadline).await {
        Ok(read) => read,
        Err(BodyRefusal::TooLarge) => return too_large(),
        Err(BodyRefusal::Broken) => {
            return answer(
                StatusCode::BAD_REQUEST,
                json!({"error": "the body broke off before its end"}),
            );
        }
        Err(BodyRefusal::TimedOut) => {
            return answer(
                StatusCode::REQUEST_TIMEOUT,
                json!({"error": "the body did not arrive in time"}),
            );
        }
    };
    accept(&shared, &body).await
}

async fn accept(shared: &Shared, body: &[u8]) -> Response {
    let stats = &shared.stats;
    let Ok(text) = std::str::from_utf8(body) else {
        stats.malformed.fetch_add(1, Ordering::Relaxed);
        return answer(
            StatusCode::BAD_REQUEST,
            json!({"error": "body is not UTF-8"}),
        );
    };
    let event = match shared.verifier.verify(text) {
        Ok(event) => event,
        Err(err @ VerifyError::Rejected(_)) => {
            stats.rejected.fetch_add(1, Ordering::Relaxed);
            shared.sink.notice(&format!("refused a delivery: {err}"));
            return answer(StatusCode::UNAUTHORIZED, json!({"error": err.to_string()}));
        }
        Err(err) => {
            stats.malformed.fetch_add(1, Ordering::Relaxed);
            shared.sink.notice(&format!("refused a delivery: {err}"));
            return answer(StatusCode::BAD_REQUEST, json!({"error": err.to_string()}));
        }
    };
    let id = event.event_id().to_string();
    if let Some(wanted) = &shared.options.events {
        if !wanted.contains(&event.event_type) {
            stats.filtered.fetch_add(1, Ordering::Relaxed);
            return answer(StatusCode::OK, json!({"status": "ignored", "id": id}));
        }
    }
    let fresh = match shared.recent.lock() {
        Ok(mut recent) => recent.insert(&id),
        Err(poisoned) => poisoned.into_inner().insert(&id),
    };
    if !fresh {
        stats.duplicates.fetch_add(1, Ordering::Relaxed);
        return answer(StatusCode::OK, json!({"status": "duplicate", "id": id}));
    }
    // One event at a time, in arrival order, from here on: telling an echo may wait for a
    // write of ours to settle, and a later event must not overtake it.
    let _turn = shared.actions.lock().await;
    let echo = match &shared.options.echo {
        Some(check) => {
            let (check, event) = (Arc::clone(check), event.clone());
            tokio::task::spawn_blocking(move || check.is_echo(&event))
                .await
                .unwrap_or(false)
        }
        None => false,
    };
    if echo && shared.options.skip_echoes {
        stats.echoes_skipped.fetch_add(1, Ordering::Relaxed);
        return answer(StatusCode::OK, json!({"status": "echo", "id": id}));
    }
    if shared.options.forward_to.is_some() || shared.options.exec.is_some() {
        // The turn taken above keeps actions one at a time, in arrival order.
        if let Err(err) = run_actions(shared, &event, echo).await {
            match shared.recent.lock() {
                Ok(mut recent) => recent.forget(&id),
                Err(poisoned) => poisoned.into_inner().forget(&id),
            }
            stats.failed.fetch_add(1, Ordering::Relaxed);
            let message = format!("event {id}: {err:#}");
            shared.sink.notice(&message);
            return answer(StatusCode::BAD_GATEWAY, json!({"error": message}));
        }
    }
    shared.sink.accepted(&event, echo);
    stats.accepted.fetch_add(1, Ordering::Relaxed);
    answer(StatusCode::OK, json!({"status": "accepted", "id": id}))
}

/// The decoded event as the listener hands it on: the event's JSON, plus `"echo": true` when it
/// is the echo of the caller's own write (other events are exactly the decoded event, so
/// `jq -e .echo` tells them apart).
pub fn event_json(event: &DecodedEvent, echo: bool) -> Result<serde_json::Value> {
    let mut json = serde_json::to_value(event).context("encoding the event")?;
    if let (true, Some(object)) = (echo, json.as_object_mut()) {
        object.insert("echo".into(), serde_json::Value::Bool(true));
    }
    Ok(json)
}

async fn run_actions(shared: &Shared, event: &DecodedEvent, echo: bool) -> Result<()> {
    let marked = shared.options.echo.as_ref().map(|_| echo);
    let body = serde_json::to_vec(&event_json(event, echo)?).context("encoding the event")?;
    if let Some(url) = &shared.options.forward_to {
        forward(&shared.http, url, event, body.clone()).await?;
    }
    if let Some(command) = &shared.options.exec {
        exec(command, event, &body, marked).await?;
    }
    Ok(())
}

async fn forward(
    http: &reqwest::Client,
    url: &str,
    event: &DecodedEvent,
    body: Vec<u8>,
) -> Result<()> {
    let response = http
        .post(url)
        .header("content-type", "application/json")
        .header("x-progallery-event-type", &event.event_type)
        .header("x-progallery-event-id", event.event_id())
        .body(body)
        .send()
        .await
        .with_context(|| format!("forwarding to {url}"))?;
    let status = response.status();
    anyhow::ensure!(
        status.is_success(),
        "forwarding to {url}: answered {status}"
    );
    Ok(())
}

/// Runs `sh -c COMMAND` with the decoded event (one JSON line) on stdin and its main facts in the
/// environment (`WIX_EVENT_TYPE`, `WIX_EVENT_SLUG`, `WIX_EVENT_ID`, `WIX_ENTITY_ID` (the gallery),
/// `WIX_ITEM_ID` (item events), `WIX_INSTANCE_ID`, `WIX_ORIGINATED_FROM` when set, and
/// `PROGALLERY_EVENT_ECHO=1|0` when echoes are told apart). Its stdout and stderr go to our
/// stderr: our stdout carries only the listener's own data.
async fn exec(command: &str, event: &DecodedEvent, body: &[u8], echo: Option<bool>) -> Result<()> {
    let stderr = std::os::fd::AsFd::as_fd(&std::io::stderr())
        .try_clone_to_owned()
        .context("duplicating stderr for --exec")?;
    let stderr_again = stderr
        .try_clone()
        .context("duplicating stderr for --exec")?;
    let mut child = tokio::process::Command::new("sh");
    child
        .arg("-c")
        .arg(command)
        .env("WIX_EVENT_TYPE", &event.event_type)
        .env("WIX_EVENT_SLUG", event.slug())
        .env("WIX_EVENT_ID", event.event_id())
        .env("WIX_ENTITY_ID", event.entity_id())
        .env("WIX_INSTANCE_ID", &event.instance_id)
        // Not inherited from the listener's own environment: absent means absent here.
        .env_remove("WIX_ITEM_ID")
        .env_remove("WIX_ORIGINATED_FROM")
        .env_remove("PROGALLERY_EVENT_ECHO");
    if let Some(item) = event.item_id() {
        child.env("WIX_ITEM_ID", item);
    }
    if let Some(origin) = event.originated_from() {
        child.env("WIX_ORIGINATED_FROM", origin);
    }
    if let Some(echo) = echo {
        child.env("PROGALLERY_EVENT_ECHO", if echo { "1" } else { "0" });
    }
    let mut child = child
        .stdin(Stdio::piped())
        .stdout(Stdio::from(stderr))
        .stderr(Stdio::from(stderr_again))
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("starting --exec {command:?}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        let mut line = body.to_vec();
        line.push(b'\n');
        // A command that does not read its input is fine: ignore the broken pipe.
        let _ = stdin.write_all(&line).await;
        drop(stdin);
    }
    let status = tokio::time::timeout(EXEC_TIMEOUT, child.wait())
        .await
        .map_err(|_| anyhow::anyhow!("--exec did not finish within {EXEC_TIMEOUT:?}"))?
        .context("waiting for --exec")?;
    anyhow::ensure!(status.success(), "--exec exited with {status}");
    Ok(())
}
