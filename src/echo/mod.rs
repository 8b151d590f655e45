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
//! Item events name the item, gallery events the gallery; an item deleted with its gallery
//! (`originatedFrom: "Gallery Deleted"`) is the echo of our deleting the gallery.

pub mod ledger;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::webhooks::event::GALLERY_DELETED_ORIGIN;
use crate::webhooks::listen::EchoCheck;
use crate::webhooks::{DecodedEvent, EventType};
use ledger::{Cursor, Entry};

/// What a write did, as the ledger names it (one per event type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    GalleryCreated,
    GalleryUpdated,
    GalleryDeleted,
    ItemCreated,
    ItemUpdated,
    ItemDeleted,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::GalleryCreated => "gallery_created",
            Op::GalleryUpdated => "gallery_updated",
            Op::GalleryDeleted => "gallery_deleted",
            Op::ItemCreated => "item_created",
            Op::ItemUpdated => "item_updated",
            Op::ItemDeleted => "item_deleted",
        }
    }
}

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

/// Where a run records its writes (the data dir's ledger).
#[derive(Debug, Clone)]
pub struct Ledger {
    path: PathBuf,
}

impl Ledger {
    pub fn in_data_dir(data_dir: &Path) -> Ledger {
        Ledger {
            path: ledger::path_in(data_dir),
        }
    }

    /// Records writes; a ledger that cannot be written costs echo detection, never the write,
    /// so the error is only returned for the caller to mention.
    pub fn record(&self, writes: &[Write]) -> std::io::Result<()> {
        let at = ledger::now_millis();
        let pid = std::process::id();
        let entries: Vec<Entry> = writes
            .iter()
            .map(|write| Entry {
                at,
                pid,
                op: write.op.name().to_string(),
                gallery: write.gallery.clone(),
                id: write.id.clone(),
                fields: write
                    .fields
                    .iter()
                    .map(|(name, value)| (name.clone(), Value::String(value_hash(value))))
                    .collect::<Map<String, Value>>(),
            })
            .collect();
        ledger::append(&self.path, &entries)
    }
}

/// A short hash of a JSON value, the same for equal values whatever their key order or number
/// spelling (`5` and `5.0`).
pub fn value_hash(value: &Value) -> String {
    let mut text = String::new();
    canonical(value, &mut text);
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
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

/// The ledger entry an event would be the echo of: (op, object id, the object as the event
/// shows it, for comparing fields), and whether one write may explain several events.
fn wanted(event: &DecodedEvent) -> Option<(Op, String, Option<&Value>, bool)> {
    let data = &event.data;
    let body = data.get("actionEvent").and_then(|a| a.get("body"));
    let entity = event.entity_id().to_string();
    Some(match EventType::parse(&event.event_type)? {
        EventType::GalleryCreated => (Op::GalleryCreated, entity, None, false),
        EventType::GalleryUpdated => {
            let gallery = data
                .get("updatedEvent")
                .and_then(|u| u.get("currentEntity"));
            (Op::GalleryUpdated, entity, gallery, false)
        }
        EventType::GalleryDeleted => (Op::GalleryDeleted, entity, None, false),
        EventType::ItemCreated => {
            let item = body.and_then(|b| b.get("item"));
            (Op::ItemCreated, id_of(item)?, None, false)
        }
        EventType::ItemUpdated => {
            let item = body.and_then(|b| b.get("updatedItem"));
            (Op::ItemUpdated, id_of(item)?, item, false)
        }
        EventType::ItemDeleted if event.originated_from() == Some(GALLERY_DELETED_ORIGIN) => {
            // Every item of a gallery we deleted: one write, many events.
            (Op::GalleryDeleted, entity, None, true)
        }
        EventType::ItemDeleted => {
            let item = body.and_then(|b| b.get("itemId")).and_then(Value::as_str)?;
            (Op::ItemDeleted, item.to_string(), None, false)
        }
    })
}

fn id_of(object: Option<&Value>) -> Option<String> {
    object?.get("id")?.as_str().map(str::to_string)
}

/// Tells echoes from other events, for `webhooks listen`.
pub struct Detector {
    path: PathBuf,
    window: Duration,
    state: Mutex<DetectorState>,
}

#[derive(Default)]
struct DetectorState {
    cursor: Cursor,
    /// The ledger's entries within the window, oldest first.
    entries: VecDeque<Entry>,
    /// Entries that already explained an event, with that event's id (its redelivery may be
    /// asked about again, and must get the same answer).
    used: HashMap<(u64, u32, String, String), String>,
}

impl Detector {
    pub fn new(data_dir: &Path, window: Duration) -> Detector {
        Detector {
            path: ledger::path_in(data_dir),
            window,
            state: Mutex::new(DetectorState::default()),
        }
    }

    /// The write `event` echoes, if any (it is then marked as explained by this event).
    pub fn echo_of(&self, event: &DecodedEvent) -> Option<Entry> {
        let (op, id, shown, shared) = wanted(event)?;
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let state = &mut *state;
        match ledger::read_new(&self.path, &mut state.cursor) {
            Ok(new) => {
                if std::mem::take(&mut state.cursor.restarted) {
                    state.entries.clear();
                }
                state.entries.extend(new);
            }
            // An unreadable ledger knows of no write: the event is treated as someone else's.
            Err(_) => return None,
        }
        let oldest = ledger::now_millis().saturating_sub(self.window.as_millis() as u64);
        while state.entries.front().is_some_and(|e| e.at < oldest) {
            if let Some(gone) = state.entries.pop_front() {
                state.used.remove(&gone.key());
            }
        }
        let event_id = event.event_id();
        let found = state.entries.iter().find(|entry| {
            entry.op == op.name()
                && entry.id == id
                && entry.at >= oldest
                && (shared
                    || state
                        .used
                        .get(&entry.key())
                        .map_or(true, |by| by == event_id))
                && fields_match(entry, shown)
        })?;
        let found = found.clone();
        if !shared {
            state.used.insert(found.key(), event_id.to_string());
        }
        Some(found)
    }
}

/// Every field the write set shows the value it set (nothing to compare: a match).
fn fields_match(entry: &Entry, shown: Option<&Value>) -> bool {
    if entry.fields.is_empty() {
        return true;
    }
    let Some(shown) = shown else {
        return false;
    };
    entry.fields.iter().all(|(name, hash)| {
        let value = shown.get(name).cloned().unwrap_or(Value::Null);
        hash.as_str() == Some(value_hash(&value).as_str())
    })
}

impl EchoCheck for Detector {
    fn is_echo(&self, event: &DecodedEvent) -> bool {
        self.echo_of(event).is_some()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::webhooks::event::event_from_mutation;

    const DEFAULT_WINDOW: Duration = Duration::from_secs(60 * 60);
    use crate::webhooks::Mutation;

    fn item_updated(item: Value) -> DecodedEvent {
        event_from_mutation(&Mutation::item_updated("site", "g", item))
    }

    #[test]
    fn hashes_ignore_key_order_and_number_spelling() {
        assert_eq!(
            value_hash(&json!({"a": 1, "b": [5.0, "x"]})),
            value_hash(&json!({"b": [5, "x"], "a": 1.0}))
        );
        assert_ne!(value_hash(&json!("a")), value_hash(&json!("b")));
        assert_ne!(value_hash(&Value::Null), value_hash(&json!("")));
    }

    #[test]
    fn an_update_is_an_echo_once_and_only_with_the_values_written() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::in_data_dir(dir.path());
        let detector = Detector::new(dir.path(), DEFAULT_WINDOW);
        let after = json!({"id": "i1", "title": "T", "description": "D"});
        ledger
            .record(&[Write::update(
                Op::ItemUpdated,
                "g",
                "i1",
                &json!({"title": "T"}),
                &after,
            )])
            .unwrap();
        // Someone else changed the title afterwards: not ours.
        let other = item_updated(json!({"id": "i1", "title": "else", "description": "D"}));
        assert!(detector.echo_of(&other).is_none());
        let ours = item_updated(after.clone());
        assert!(detector.echo_of(&ours).is_some());
        // Its redelivery gets the same answer; another event with the same content does not.
        assert!(detector.echo_of(&ours).is_some());
        assert!(detector.echo_of(&item_updated(after)).is_none());
        // Another item: not ours either.
        assert!(detector
            .echo_of(&item_updated(json!({"id": "i2", "title": "T"})))
            .is_none());
    }

    #[test]
    fn creates_deletes_and_gallery_cascades_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::in_data_dir(dir.path());
        let detector = Detector::new(dir.path(), DEFAULT_WINDOW);
        ledger
            .record(&[
                Write::new(Op::ItemCreated, "g", "new-item"),
                Write::new(Op::ItemDeleted, "g", "gone-item"),
                Write::new(Op::GalleryDeleted, "g2", "g2"),
            ])
            .unwrap();
        let created = event_from_mutation(&Mutation::item_created(
            "site",
            "g",
            json!({"id": "new-item"}),
        ));
        assert!(detector.echo_of(&created).is_some());
        let deleted = event_from_mutation(&Mutation::item_deleted("site", "g", "gone-item", false));
        assert!(detector.echo_of(&deleted).is_some());
        for item in ["a", "b"] {
            let cascade = event_from_mutation(&Mutation::item_deleted("site", "g2", item, true));
            assert!(detector.echo_of(&cascade).is_some(), "{item}");
        }
        let gallery = event_from_mutation(&Mutation::gallery_deleted("site", "g2"));
        assert!(detector.echo_of(&gallery).is_some());
        let someone_elses =
            event_from_mutation(&Mutation::item_deleted("site", "g", "other", false));
        assert!(detector.echo_of(&someone_elses).is_none());
    }

    #[test]
    fn writes_older_than_the_window_are_not_echoes() {
        let dir = tempfile::tempdir().unwrap();
        let path = ledger::path_in(dir.path());
        ledger::append(
            &path,
            &[Entry {
                at: ledger::now_millis() - 120_000,
                pid: 1,
                op: "item_created".into(),
                gallery: "g".into(),
                id: "i".into(),
                fields: Map::new(),
            }],
        )
        .unwrap();
        let event = event_from_mutation(&Mutation::item_created("s", "g", json!({"id": "i"})));
        assert!(Detector::new(dir.path(), Duration::from_secs(60))
            .echo_of(&event)
            .is_none());
        assert!(Detector::new(dir.path(), Duration::from_secs(600))
            .echo_of(&event)
            .is_some());
    }
}
