//! Echoes: the webhook events this tool's own writes cause. Wix's reference tells a syncing app
//! to ignore the webhook its own write causes, "so you don't create an endless loop of updates".
//!
//! The API layer records every successful write in a small local ledger (`ledger.rs`): the object,
//! what was done, the fields written (each as a hash of its value after the write) and when.
//! `webhooks listen` asks [`Detector`] about each event: it is an *echo* when the ledger holds a
//! write of this machine, within the window (`--echo-window`), of the same kind to the same object,
//! and, for an update, the event shows every field that write set with the value it set (a later
//! change by someone else to one of them is not an echo). Each write explains one event: a second
//! event with the same content is someone else's.
//!
//! A service may deliver a write's event before the writer has read the answer (the sandbox
//! often does). So each write is announced in the ledger before it is sent ([`Intent`]), and
//! settled after: an event that such an announced, unsettled write could explain waits for it
//! to settle (`detector.rs`) before it is judged. Other events never wait.
//!
//! Item events name the item, gallery events the gallery; an item deleted with its gallery
//! (`originatedFrom: "Gallery Deleted"`) is the echo of our deleting the gallery.

pub mod detector;
pub mod ledger;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub use detector::Detector;
use ledger::Entry;

/// What a write did, named by the event it fires; the ledger records its full `eventType`.
pub use crate::webhooks::EventType as Op;

/// One successful write, as the API layer reports it.
#[derive(Debug, Clone)]
pub struct Write {
    pub op: Op,
    pub gallery: String,
    /// The item's id for item writes, the gallery's for gallery writes.
    pub id: String,
    /// For updates: the fields written, with their values as the service answered them.
    pub fields: Vec<(String, Value)>,
}

impl Write {
    pub fn new(op: Op, gallery: &str, id: &str) -> Write {
        Write {
            op,
            gallery: gallery.to_string(),
            id: id.to_string(),
            fields: Vec::new(),
        }
    }

    /// An update of `written` (the request's field names), with the values `after` shows.
    pub fn update(op: Op, gallery: &str, id: &str, written: &Value, after: &Value) -> Write {
        let fields = written
            .as_object()
            .map(|fields| {
                fields
                    .keys()
                    .map(|name| {
                        (
                            name.clone(),
                            after.get(name).cloned().unwrap_or(Value::Null),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Write {
            fields,
            ..Write::new(op, gallery, id)
        }
    }
}

/// Where a run records its writes (the data dir's ledger), through one open file per process.
#[derive(Debug, Clone)]
pub struct Ledger {
    appender: Arc<Mutex<ledger::Appender>>,
}

impl Ledger {
    pub fn in_data_dir(data_dir: &Path) -> Ledger {
        Ledger {
            appender: Arc::new(Mutex::new(ledger::Appender::new(ledger::path_in(data_dir)))),
        }
    }

    fn append(&self, entries: &[Entry]) -> std::io::Result<()> {
        self.appender
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .append(entries)
    }

    /// Announces a write about to be sent (`id` empty when not known yet: a create, or a bulk
    /// delete of several items); settle the intent once its outcome is known. A ledger that
    /// cannot be written costs echo detection, never the write: the intent is then inert.
    pub fn intend(&self, op: Op, gallery: &str, id: &str) -> Intent {
        static SEQ: AtomicU64 = AtomicU64::new(1);
        let seq = SEQ.fetch_add(1, Ordering::Relaxed);
        let entry = Entry {
            at: ledger::now_millis(),
            pid: std::process::id(),
            seq,
            state: ledger::PENDING.to_string(),
            op: op.event_type().to_string(),
            gallery: gallery.to_string(),
            id: id.to_string(),
            fields: Map::new(),
        };
        let announced = self.append(&[entry]);
        Intent {
            ledger: announced.is_ok().then(|| self.clone()),
            seq,
            op,
            error: announced.err(),
        }
    }

    /// Records writes done (settling announcement `seq`, or none with 0).
    fn record(&self, seq: u64, writes: &[Write]) -> std::io::Result<()> {
        let at = ledger::now_millis();
        let pid = std::process::id();
        let entries: Vec<Entry> = writes
            .iter()
            .map(|write| Entry {
                at,
                pid,
                seq,
                state: String::new(),
                op: write.op.event_type().to_string(),
                gallery: write.gallery.clone(),
                id: write.id.clone(),
                fields: write
                    .fields
                    .iter()
                    .map(|(name, value)| (name.clone(), Value::String(value_hash(value))))
                    .collect::<Map<String, Value>>(),
            })
            .collect();
        self.append(&entries)
    }

    /// Marks announcement `seq` as not done.
    fn abandon(&self, seq: u64, op: Op) -> std::io::Result<()> {
        let entry = Entry {
            at: ledger::now_millis(),
            pid: std::process::id(),
            seq,
            state: ledger::FAILED.to_string(),
            op: op.event_type().to_string(),
            gallery: String::new(),
            id: String::new(),
            fields: Map::new(),
        };
        self.append(&[entry])
    }
}

/// A write announced in the ledger and not settled yet. [`Intent::done`] records what it did;
/// dropped without that (the write failed, or its outcome is unknown), it records a failure, so
/// no listener waits for it.
#[must_use = "settle the intent with `done` once the write succeeded"]
pub struct Intent {
    ledger: Option<Ledger>,
    seq: u64,
    op: Op,
    /// Why the announcement could not be written (for `-v`).
    pub error: Option<std::io::Error>,
}

impl Intent {
    /// Records the writes done (none: nothing was done after all).
    pub fn done(mut self, writes: &[Write]) -> std::io::Result<()> {
        let Some(ledger) = self.ledger.take() else {
            return Ok(());
        };
        if writes.is_empty() {
            return ledger.abandon(self.seq, self.op);
        }
        ledger.record(self.seq, writes)
    }
}

impl Drop for Intent {
    fn drop(&mut self) {
        if let Some(ledger) = self.ledger.take() {
            // Best effort: a listener that never sees it waits at most PENDING_WAIT.
            let _ = ledger.abandon(self.seq, self.op);
        }
    }
}

/// A short hash of a JSON value, the same for equal values whatever their key order or number
/// spelling (`5` and `5.0`).
pub fn value_hash(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    let digest = Sha256::digest(text.as_bytes());
    crate::digest::hex(&digest[..8])
}

fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for key in keys {
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical(&map[key], out);
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(list) => {
            out.push('[');
            for entry in list {
                canonical(entry, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Number(n) => match n.as_f64() {
            Some(f) => out.push_str(&f.to_string()),
            None => out.push_str(&n.to_string()),
        },
        other => out.push_str(&other.to_string()),
    }
}
