//! Waiting for Media Manager files to be processed (spec/api.md §6): an uploaded or imported
//! file is not usable until its `operationStatus` is READY, even after a successful answer, and a
//! video may take minutes while it is transcoded. Every file a run waits for joins one waiter,
//! which asks for all of them together: `get-file-by-id` while only one waits, the bulk
//! `get-files` (up to 100 ids a request) when several do. It starts asking soon (images are
//! usually ready in moments) and less often the longer files wait, so a long transcode is not
//! hammered. Each waiting caller has its own time limit.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{oneshot, Notify};

use super::media::{self, FileDescriptor};
use super::{ApiError, Client};

/// First pause before asking, and the longest one.
const FIRST_PAUSE: Duration = Duration::from_millis(150);
const LONGEST_PAUSE: Duration = Duration::from_secs(3);

/// Why waiting for a file ended without it being READY.
#[derive(Debug, Clone)]
pub enum WaitEnd {
    /// The service could not process it.
    Failed,
    /// Still PENDING when the caller's limit passed.
    TimedOut(Duration),
    /// The Media Manager no longer knows the id.
    Gone,
    Api(ApiError),
}

type Answer = Result<FileDescriptor, WaitEnd>;

#[derive(Default)]
struct State {
    waiting: HashMap<String, Vec<oneshot::Sender<Answer>>>,
    closed: bool,
}

/// Hears how many files are waiting after every round of asking (for a progress bar).
pub type OnWaiting = Arc<dyn Fn(usize) + Send + Sync>;

pub struct Waiter {
    state: Mutex<State>,
    wake: Notify,
    on_waiting: OnWaiting,
}

impl Waiter {
    pub fn new(on_waiting: OnWaiting) -> Waiter {
        Waiter {
            state: Mutex::new(State::default()),
            wake: Notify::new(),
            on_waiting,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// How many files are waiting now.
    pub fn waiting(&self) -> usize {
        self.state().waiting.len()
    }

    /// Waits until the file is READY (its descriptor then), FAILED, gone, or `limit` passes.
    /// Needs [`Waiter::run`] running alongside.
    pub async fn wait(&self, file: FileDescriptor, limit: Duration) -> Answer {
        match file.status() {
            "READY" => return Ok(file),
            "FAILED" => return Err(WaitEnd::Failed),
            _ => {}
        }
        let (send, receive) = oneshot::channel();
        {
            let mut state = self.state();
            state.waiting.entry(file.id.clone()).or_default().push(send);
        }
        (self.on_waiting)(self.waiting());
        self.wake.notify_one();
        match tokio::time::timeout(limit, receive).await {
            Ok(Ok(answer)) => answer,
            // The waiter stopped (the run is ending): as good as a timeout.
            Ok(Err(_)) => Err(WaitEnd::TimedOut(limit)),
            Err(_) => {
                self.forget_closed(&file.id);
                Err(WaitEnd::TimedOut(limit))
            }
        }
    }

    /// Drops the callers of `id` that stopped waiting.
    fn forget_closed(&self, id: &str) {
        let mut state = self.state();
        if let Some(list) = state.waiting.get_mut(id) {
            list.retain(|s| !s.is_closed());
            if list.is_empty() {
                state.waiting.remove(id);
            }
        }
        drop(state);
        (self.on_waiting)(self.waiting());
    }

    /// No more files will join: `run` returns once none is waiting.
    pub fn close(&self) {
        self.state().closed = true;
        self.wake.notify_one();
    }

    /// Runs `work` (whose files join this waiter) while the waiter asks about them, closes the
    /// waiter once `work` ends, however it ends, and hands back `work`'s result when both are done.
    pub async fn alongside<T>(
        &self,
        client: &Client,
        work: impl std::future::Future<Output = T>,
    ) -> T {
        let work = async {
            let result = work.await;
            self.close();
            result
        };
        let (result, ()) = tokio::join!(work, self.run(client));
        result
    }

    /// Asks for the waiting files until closed and none waits.
    pub async fn run(&self, client: &Client) {
        let mut pause = FIRST_PAUSE;
        // Shown on stderr once the wait has lasted a second (`Client::waiting`), cleared as soon
        // as no file waits any more.
        let mut notice = None;
        loop {
            let ids: Vec<String> = {
                let state = self.state();
                if state.waiting.is_empty() {
                    if state.closed {
                        return;
                    }
                    None
                } else {
                    Some(state.waiting.keys().cloned().collect())
                }
            }
            .unwrap_or_default();
            if ids.is_empty() {
                notice = None;
                // Nothing to ask for: sleep until a file joins or the run ends.
                self.wake.notified().await;
                pause = FIRST_PAUSE;
                continue;
            }
            if notice.is_none() {
                notice = Some(client.waiting(
                    &format!("{} media file(s)", ids.len()),
                    "the Media Manager is still processing them (not READY yet)",
                ));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 3 / 2).min(LONGEST_PAUSE);
            let answered = ask(client, &ids).await;
            let mut state = self.state();
            match answered {
                Ok(files) => {
                    for id in &ids {
                        let answer = match files.iter().find(|f| &f.id == id) {
                            Some(file) if file.status() == "READY" => Ok(file.clone()),
                            Some(file) if file.status() == "FAILED" => Err(WaitEnd::Failed),
                            Some(_) => continue,
                            None => Err(WaitEnd::Gone),
                        };
                        resolve(&mut state, id, || answer.clone());
                    }
                }
                // The client already retried what is worth retrying: tell every caller.
                Err(error) => {
                    for id in &ids {
                        resolve(&mut state, id, || Err(WaitEnd::Api(error.clone())));
                    }
                }
            }
            let count = state.waiting.len();
            drop(state);
            (self.on_waiting)(count);
        }
    }
}

fn resolve(state: &mut State, id: &str, answer: impl Fn() -> Answer) {
    if let Some(callers) = state.waiting.remove(id) {
        for caller in callers {
            let _ = caller.send(answer());
        }
    }
}

/// One round: one file by id, several with get-files.
async fn ask(client: &Client, ids: &[String]) -> Result<Vec<FileDescriptor>, ApiError> {
    if let [only] = ids {
        return match media::get_file(client, only).await {
            Ok(file) => Ok(vec![file]),
            Err(ApiError::Status { status: 404, .. }) => Ok(Vec::new()),
            Err(e) => Err(e),
        };
    }
    media::get_files(client, ids).await
}
