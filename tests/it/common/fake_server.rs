//! A scripted HTTP server on 127.0.0.1:<ephemeral> (axum, on a runtime of its own) for what a
//! real sandbox does not produce on demand: garbage bodies, 401s, endless 429s, a webhook
//! receiver that fails the attempts a test picks, and the exact requests a client sent.
//!
//! It cannot lie about what happened. A panic in the script is not lost with its connection: the
//! client gets a 500 and the test fails when the server is dropped. So does a server that no
//! request reached (every script answers something, so one that was never asked proved nothing),
//! or that did not get the requests a test declared with `expect_requests`/`expect_targets`.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{header, StatusCode};

use super::process::CEILING;

/// A request as the fake server saw it (header names lowercased), and what it answered.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy).
    pub body: String,
    /// The body as sent.
    pub raw: Vec<u8>,
    /// The status it was answered with (0 while the script is still deciding).
    pub status: u16,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The target without its query.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }
}

/// An answer: status, extra headers, body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// A body made as it is sent instead of `body`: `Some(n)` bytes of JSON-looking filler
    /// (announced with `Content-Length`), or endless (`None`, chunked), so a test can send a
    /// 200 MB or endless answer without holding it.
    pub streamed: Option<Option<u64>>,
}

impl Answer {
    pub fn json(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
            streamed: None,
        }
    }

    pub fn raw(status: u16, content_type: &str, body: &[u8]) -> Answer {
        Answer {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.to_vec(),
            streamed: None,
        }
    }

    /// A JSON answer of `size` bytes, announced with `Content-Length`, made as it is sent.
    pub fn huge(status: u16, size: u64) -> Answer {
        Answer {
            streamed: Some(Some(size)),
            ..Answer::json(status, "")
        }
    }

    /// A JSON answer that never ends (chunked), made as it is sent.
    pub fn endless(status: u16) -> Answer {
        Answer {
            streamed: Some(None),
            ..Answer::json(status, "")
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Answer {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A point a script waits at until the test opens it: a server that must be slow is slow exactly
/// as long as the scenario needs, not for a guessed number of seconds. The gate a test made opens
/// by itself when the test drops it (also when the test fails), so no handler is left waiting.
pub struct Gate {
    state: Arc<(Mutex<bool>, Condvar)>,
    owner: bool,
}

impl Gate {
    pub fn new() -> Gate {
        Gate {
            state: Arc::new((Mutex::new(false), Condvar::new())),
            owner: true,
        }
    }

    /// Another handle on the same gate, for a script; it does not open the gate when dropped.
    pub fn handle(&self) -> Gate {
        Gate {
            state: Arc::clone(&self.state),
            owner: false,
        }
    }

    pub fn open(&self) {
        let (open, changed) = &*self.state;
        *open.lock().unwrap_or_else(|p| p.into_inner()) = true;
        changed.notify_all();
    }

    /// Blocks until the gate is open (a script's hang guard: panics after the ceiling).
    pub fn wait(&self) {
        let (open, changed) = &*self.state;
        let guard = open.lock().unwrap_or_else(|p| p.into_inner());
        let (guard, timeout) = changed
            .wait_timeout_while(guard, CEILING, |open| !*open)
            .unwrap_or_else(|p| p.into_inner());
        drop(guard);
        assert!(!timeout.timed_out(), "a gate stayed shut for {CEILING:?}");
    }
}

impl Default for Gate {
    fn default() -> Gate {
        Gate::new()
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        if self.owner {
            self.open();
        }
    }
}

type Script = dyn Fn(&Seen, usize) -> Answer + Send + Sync;

#[derive(Default)]
struct Shared {
    /// Every request in arrival order; `status` is filled in once answered.
    seen: Mutex<Vec<Seen>>,
    answered: Condvar,
    /// Messages of panics in the script.
    panics: Mutex<Vec<String>>,
}

impl Shared {
    fn seen(&self) -> MutexGuard<'_, Vec<Seen>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub struct FakeServer {
    pub base_url: String,
    shared: Arc<Shared>,
    /// Requests already handed out by `next_request`.
    taken: Mutex<usize>,
    /// None: at least one request.
    expected_count: Option<usize>,
    expected_targets: Vec<String>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeServer {
    /// Starts a server that answers each request with `script(request, index)`, `index` counting
    /// requests from 0 in arrival order.
    pub fn start(script: impl Fn(&Seen, usize) -> Answer + Send + Sync + 'static) -> FakeServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind fake server");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let addr = listener.local_addr().expect("fake server address");
        let shared = Arc::new(Shared::default());
        let script: Arc<Script> = Arc::new(script);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let state = Arc::clone(&shared);
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("fake server runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let app = axum::Router::new()
                    .fallback(move |request: axum::extract::Request| {
                        answer(Arc::clone(&state), Arc::clone(&script), request)
                    })
                    .layer(DefaultBodyLimit::disable());
                tokio::select! {
                    _ = axum::serve(listener, app) => {}
                    _ = stopped => {}
                }
            });
            // Handlers still waiting (at a gate, say) are left to finish on their own.
            runtime.shutdown_background();
        });
        FakeServer {
            base_url: format!("http://{addr}"),
            shared,
            taken: Mutex::new(0),
            expected_count: None,
            expected_targets: Vec::new(),
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The test fails unless exactly `count` requests arrive.
    pub fn expect_requests(mut self, count: usize) -> FakeServer {
        self.expected_count = Some(count);
        self
    }

    /// The test fails unless each of these paths (query aside) is requested at least once.
    pub fn expect_targets(mut self, paths: &[&str]) -> FakeServer {
        self.expected_targets
            .extend(paths.iter().map(|p| p.to_string()));
        self
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Seen> {
        self.shared.seen().clone()
    }

    /// The next request not handed out yet, once it has been answered (waiting up to the
    /// ceiling for it to arrive).
    #[track_caller]
    pub fn next_request(&self) -> Seen {
        let mut taken = self.taken.lock().expect("cursor");
        let deadline = Instant::now() + CEILING;
        let mut seen = self.shared.seen();
        loop {
            if let Some(request) = seen.get(*taken).filter(|r| r.status != 0) {
                *taken += 1;
                return request.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "request {} never reached the fake server (it saw {})",
                *taken + 1,
                seen.len()
            );
            seen = self
                .shared
                .answered
                .wait_timeout(seen, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        if std::thread::panicking() {
            return;
        }
        let panics = self
            .shared
            .panics
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        assert!(
            panics.is_empty(),
            "the fake server's script panicked: {}",
            panics.join("; ")
        );
        let seen = self.requests();
        match self.expected_count {
            Some(count) => assert_eq!(
                seen.len(),
                count,
                "the fake server expected {count} request(s), got: {:?}",
                targets(&seen)
            ),
            None => assert!(
                !seen.is_empty(),
                "no request reached the fake server: the test proved nothing"
            ),
        }
        let reached: HashSet<&str> = seen.iter().map(Seen::path).collect();
        let missing: Vec<&String> = self
            .expected_targets
            .iter()
            .filter(|t| !reached.contains(t.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "expected requests never reached the fake server: {missing:?} (it saw {:?})",
            targets(&seen)
        );
    }
}

fn targets(seen: &[Seen]) -> Vec<String> {
    seen.iter()
        .map(|s| format!("{} {}", s.method, s.target))
        .collect()
}

async fn answer(
    shared: Arc<Shared>,
    script: Arc<Script>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let request = Seen {
        method: parts.method.to_string(),
        target: parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
        raw: body.to_vec(),
        status: 0,
    };
    let index = {
        let mut seen = shared.seen();
        seen.push(request.clone());
        seen.len() - 1
    };
    // Off the runtime: a script may block (a slow server, a gate).
    let outcome = tokio::task::spawn_blocking(move || {
        std::panic::catch_unwind(AssertUnwindSafe(|| script(&request, index)))
    })
    .await;
    let answer = match outcome {
        Ok(Ok(answer)) => answer,
        Ok(Err(panic)) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic without a message".to_string());
            shared
                .panics
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(format!("request {index}: {message}"));
            Answer::raw(500, "text/plain", b"the fake server's script panicked")
        }
        Err(join) => {
            shared
                .panics
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(format!("request {index}: {join}"));
            Answer::raw(500, "text/plain", b"the fake server's script failed")
        }
    };
    shared.seen()[index].status = answer.status;
    shared.answered.notify_all();
    let mut response = axum::response::Response::builder()
        .status(StatusCode::from_u16(answer.status).expect("a valid status"))
        // One answer per connection, as a simple server would.
        .header(header::CONNECTION, "close");
    for (name, value) in &answer.headers {
        response = response.header(name.as_str(), value.as_str());
    }
    let body = match answer.streamed {
        None => Body::from(answer.body),
        Some(size) => {
            if let Some(size) = size {
                response = response.header(header::CONTENT_LENGTH, size);
            }
            Body::from_stream(filler(size))
        }
    };
    response.body(body).expect("a valid answer")
}

/// `{"items": [` followed by filler, 64 KiB a chunk: `size` bytes in all, or for ever.
fn filler(
    size: Option<u64>,
) -> impl futures::Stream<Item = Result<axum::body::Bytes, std::convert::Infallible>> {
    const CHUNK: usize = 64 * 1024;
    let head = axum::body::Bytes::from_static(b"{\"items\": [");
    let fill = axum::body::Bytes::from(vec![b' '; CHUNK]);
    let mut sent: u64 = 0;
    futures::stream::iter(std::iter::from_fn(move || {
        let left = size.map_or(u64::MAX, |s| s - sent);
        if left == 0 {
            return None;
        }
        let chunk = if sent == 0 {
            head.clone()
        } else {
            fill.clone()
        };
        let chunk = chunk.slice(..(chunk.len() as u64).min(left) as usize);
        sent += chunk.len() as u64;
        Some(Ok(chunk))
    }))
}
