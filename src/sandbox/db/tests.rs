//! The pool's promise to the event log: a write's events are emitted only when its transaction
//! commits, in the order its commits happen.

use std::sync::Arc;

use serde_json::json;

use super::{Database, Pool};
use crate::sandbox::errors::ApiError;
use crate::sandbox::event_log::Events;
use crate::sandbox::events::Event;

fn created(name: &str) -> Event {
    Event::GalleryCreated {
        site: "s".into(),
        gallery: json!({ "name": name }),
    }
}

fn names(events: &Events) -> Vec<String> {
    events
        .snapshot()
        .into_iter()
        .map(|event| match event {
            Event::GalleryCreated { gallery, .. } => gallery["name"].as_str().unwrap_or("").into(),
            other => panic!("unexpected {other:?}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rolled_back_write_emits_nothing_and_a_committed_one_emits_its_events_in_order() {
    let pool = Pool::open(&Database::Memory).expect("open");
    let events = Arc::new(Events::default());

    let failed = pool
        .write_emitting(&events, |tx| -> Result<((), Vec<Event>), ApiError> {
            tx.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')", [])?;
            // The change was made, then the request fails: it is rolled back, and no event of
            // it may reach the log.
            Err(ApiError::internal("refused"))
        })
        .await;
    assert!(failed.is_err());
    assert!(
        events.snapshot().is_empty(),
        "a failed write emitted events"
    );
    let kept: i64 = pool
        .read(|tx| {
            Ok(
                tx.query_row("SELECT COUNT(*) FROM meta WHERE key = 'k'", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .await
        .expect("read");
    assert_eq!(kept, 0, "the failed write was rolled back");

    let answer = pool
        .write_emitting(&events, |tx| {
            tx.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')", [])?;
            Ok((7, vec![created("a"), created("b")]))
        })
        .await
        .expect("write");
    assert_eq!(answer, 7);
    assert_eq!(names(&events), ["a", "b"]);

    // A plain write has no events to emit.
    pool.write(|tx| Ok(tx.execute("DELETE FROM meta WHERE key = 'k'", [])?))
        .await
        .expect("write");
    assert_eq!(names(&events), ["a", "b"]);
}

/// Many writers at once: each takes the next number of a counter inside its transaction and
/// emits it, so the log must count up without a gap or a swap.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_emit_in_commit_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for database in [Database::Memory, Database::File(dir.path().join("t.db"))] {
        let pool = Pool::open(&database).expect("open");
        let events = Arc::new(Events::default());
        let writers: Vec<_> = (0..200)
            .map(|_| {
                let (pool, events) = (Arc::clone(&pool), Arc::clone(&events));
                tokio::spawn(async move {
                    pool.write_emitting(&events, |tx| {
                        let next: i64 = tx.query_row(
                            "SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) + 1 FROM meta
                             WHERE key = 'counter'",
                            [],
                            |r| r.get(0),
                        )?;
                        tx.execute(
                            "INSERT INTO meta (key, value) VALUES ('counter', ?1)
                             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            [next.to_string()],
                        )?;
                        Ok(((), vec![created(&next.to_string())]))
                    })
                    .await
                })
            })
            .collect();
        for writer in writers {
            writer.await.expect("join").expect("write");
        }
        let expected: Vec<String> = (1..=200).map(|n| n.to_string()).collect();
        assert_eq!(names(&events), expected, "{database:?}");
    }
}
