//! Telling an echo from someone else's event (see the module above): the ledger's entries within
//! the window, which of them already explained an event, and the wait for an announced write of
//! ours that could explain this one.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::ledger::{self, Cursor, Entry};
use super::{value_hash, Op};
use crate::webhooks::event::GALLERY_DELETED_ORIGIN;
use crate::webhooks::listen::EchoCheck;
use crate::webhooks::{DecodedEvent, EventType};

/// The longest an event waits for an announced write of ours to settle (a write outlasting its
/// request's own time limit and retries is taken as failed).
pub const PENDING_WAIT: Duration = Duration::from_secs(120);

/// How often a waiting event looks at the ledger again.
const PENDING_POLL: Duration = Duration::from_millis(20);

/// Whether an announced, unsettled write `pending` could be the cause of an event wanting
/// (`op`, `id`) in gallery `gallery`.
fn could_cause(pending: &Entry, op: Op, id: &str, gallery: &str) -> bool {
    let same_op = pending.op == op.event_type();
    match op {
        // A create's id is known only once it is answered: any create in that gallery (or of a
        // gallery, whose items come with it).
        Op::ItemCreated => {
            (same_op && pending.gallery == gallery) || pending.op == Op::GalleryCreated.event_type()
        }
        Op::GalleryCreated => same_op,
        // A bulk delete names its gallery, not each item.
        Op::ItemDeleted => {
            same_op && (pending.id == id || (pending.id.is_empty() && pending.gallery == gallery))
        }
        _ => same_op && pending.id == id,
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

    /// The write `event` echoes, if any (it is then marked as explained by this event). When
    /// an announced write of ours that could explain it has not settled yet, this waits for it
    /// (blocking: call it off the async runtime).
    pub fn echo_of(&self, event: &DecodedEvent) -> Option<Entry> {
        let (op, id, shown, shared) = wanted(event)?;
        let gallery = event.entity_id();
        let event_id = event.event_id();
        let started = Instant::now();
        loop {
            {
                let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                let state = &mut *state;
                match ledger::read_new(&self.path, &mut state.cursor) {
                    Ok(new) => {
                        if std::mem::take(&mut state.cursor.restarted) {
                            state.entries.clear();
                        }
                        state.entries.extend(new);
                    }
                    // An unreadable ledger knows of no write: someone else's event.
                    Err(_) => return None,
                }
                let now = ledger::now_millis();
                let oldest = now.saturating_sub(self.window.as_millis() as u64);
                while state.entries.front().is_some_and(|e| e.at < oldest) {
                    if let Some(gone) = state.entries.pop_front() {
                        state.used.remove(&gone.key());
                    }
                }
                let found = state.entries.iter().find(|entry| {
                    entry.is_done()
                        && entry.op == op.event_type()
                        && entry.id == id
                        && (shared
                            || state
                                .used
                                .get(&entry.key())
                                .map_or(true, |by| by == event_id))
                        && fields_match(entry, shown)
                });
                if let Some(found) = found.cloned() {
                    if !shared {
                        state.used.insert(found.key(), event_id.to_string());
                    }
                    return Some(found);
                }
                // Announced writes settle with entries of the same pid and seq.
                let settled: HashSet<(u32, u64)> = state
                    .entries
                    .iter()
                    .filter(|e| !e.is_done() || e.seq != 0)
                    .filter(|e| e.state != ledger::PENDING)
                    .map(|e| (e.pid, e.seq))
                    .collect();
                let fresh = now.saturating_sub(PENDING_WAIT.as_millis() as u64);
                let waiting = state.entries.iter().any(|e| {
                    e.state == ledger::PENDING
                        && e.at >= fresh
                        && !settled.contains(&(e.pid, e.seq))
                        && could_cause(e, op, &id, gallery)
                });
                if !waiting || started.elapsed() >= PENDING_WAIT {
                    return None;
                }
            }
            std::thread::sleep(PENDING_POLL);
        }
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
    use serde_json::{json, Map};

    use super::*;
    use crate::echo::{Ledger, Write};
    use crate::webhooks::event::event_from_mutation;
    use crate::webhooks::Mutation;

    const DEFAULT_WINDOW: Duration = Duration::from_secs(60 * 60);

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
            .intend(Op::ItemUpdated, "g", "i1")
            .done(&[Write::update(
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
            .record(
                0,
                &[
                    Write::new(Op::ItemCreated, "g", "new-item"),
                    Write::new(Op::ItemDeleted, "g", "gone-item"),
                    Write::new(Op::GalleryDeleted, "g2", "g2"),
                ],
            )
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
                seq: 0,
                state: String::new(),
                op: Op::ItemCreated.event_type().into(),
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

    #[test]
    fn an_event_waits_for_an_announced_write_to_settle_and_no_longer() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::in_data_dir(dir.path());
        let detector = Detector::new(dir.path(), DEFAULT_WINDOW);
        let created =
            event_from_mutation(&Mutation::item_created("site", "g", json!({"id": "fresh"})));
        // The event arrives while the create is announced but not answered yet.
        let intent = ledger.intend(Op::ItemCreated, "g", "");
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(100));
            intent
                .done(&[Write::new(Op::ItemCreated, "g", "fresh")])
                .unwrap();
        });
        assert!(detector.echo_of(&created).is_some());
        writer.join().unwrap();
        // A write announced and dropped (it failed) holds nothing up and explains nothing.
        drop(ledger.intend(Op::ItemCreated, "g", ""));
        let other = event_from_mutation(&Mutation::item_created(
            "site",
            "g",
            json!({"id": "theirs"}),
        ));
        assert!(detector.echo_of(&other).is_none());
        // An announcement for another gallery does not hold this one's events either.
        let _elsewhere = ledger.intend(Op::ItemCreated, "g-other", "");
        let third =
            event_from_mutation(&Mutation::item_created("site", "g", json!({"id": "third"})));
        assert!(detector.echo_of(&third).is_none());
    }
}
