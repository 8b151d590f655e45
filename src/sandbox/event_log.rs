//! The event log. Each committed write's events are emitted by `Pool::write_emitting` (db/)
//! right after its commit, while this process's next writer is still held back, so they arrive
//! here in commit order: the most recent are kept in a bounded in-memory log served at
//! `GET /_sandbox/events`, and, when the sandbox has `--webhook-url`s, each one is queued for
//! signed delivery (see `webhooks.rs`) in that same order. `emit_all` must stay cheap (no signing,
//! no I/O): it runs under the writer lock.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use super::events::Event;
use super::webhooks::Webhooks;

/// Events kept for `/_sandbox/events`; older ones are dropped first.
const MAX_EVENTS: usize = 10_000;

#[derive(Default)]
pub struct Events {
    log: Mutex<VecDeque<Event>>,
    /// Set when events are delivered as webhooks.
    webhooks: Option<Arc<Webhooks>>,
}

impl Events {
    pub fn new(webhooks: &Arc<Webhooks>) -> Events {
        Events {
            log: Mutex::default(),
            webhooks: webhooks.delivering().then(|| Arc::clone(webhooks)),
        }
    }

    /// Logs and queues the events of one committed transaction, in order. Only
    /// `Pool::write_emitting` calls this, under the writer lock: an event emitted anywhere else
    /// could overtake (or fall behind) the events of a neighbouring commit.
    pub(super) fn emit_all(&self, events: Vec<Event>) {
        if events.is_empty() {
            return;
        }
        let mut log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        for event in events {
            // Queued under the log's lock, so deliveries go out in the order the log shows.
            if let Some(webhooks) = &self.webhooks {
                webhooks.emit(&event);
            }
            if log.len() >= MAX_EVENTS {
                log.pop_front();
            }
            log.push_back(event);
        }
    }

    /// The retained events, oldest first.
    pub fn snapshot(&self) -> Vec<Event> {
        let log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        log.iter().cloned().collect()
    }

    pub fn clear(&self) {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
