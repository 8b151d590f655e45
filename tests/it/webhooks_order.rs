//! Events of one gallery leave the sandbox in commit order, even when many requests write to that
//! gallery at once (issue 6: "in order per entity"). Commit order is observable without trusting
//! the code under test: every item created without a `sortOrder` gets the next value of a clock
//! read and bumped inside its write transaction, so the items' `sortOrder`s increase strictly in
//! the order their transactions committed; and a gallery-updated event carries the gallery's
//! `totalItems`, the number of items committed before it. The event log and the deliveries must
//! tell that same story.

use serde_json::{json, Value};

use crate::common::{image_item, Sandbox};
use crate::webhooks_sandbox_support::*;

/// Concurrent writers and requests per writer: enough that, without ordered emission, some
/// requests' events overtake those of requests that committed just before them.
const WRITERS: usize = 8;
const PER_WRITER: usize = 40;

/// Runs `request(writer, n)` from WRITERS threads at once, PER_WRITER times each; returns the
/// answers.
fn hammer(request: impl Fn(usize, usize) -> Value + Sync) -> Vec<Value> {
    let start = std::sync::Barrier::new(WRITERS);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (start, request) = (&start, &request);
                scope.spawn(move || {
                    start.wait();
                    (0..PER_WRITER).map(|n| request(w, n)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("writer thread"))
            .collect()
    })
}

/// What the events of one gallery say about the order of its commits, in the order given:
/// the created items' `sortOrder`s, and for each gallery update whether its `totalItems` equals
/// the number of item-created events before it (it counts exactly the items committed before it).
struct Story {
    sort_orders: Vec<f64>,
    updates: usize,
    /// (position, totalItems carried, item events before it) of each update that disagrees.
    misplaced_updates: Vec<(usize, i64, usize)>,
}

/// `events` are (kind, entity) pairs: kind "item" with the created item, or "gallery" with the
/// updated gallery.
fn story(events: impl Iterator<Item = (&'static str, Value)>) -> Story {
    let mut out = Story {
        sort_orders: Vec::new(),
        updates: 0,
        misplaced_updates: Vec::new(),
    };
    for (position, (kind, entity)) in events.enumerate() {
        if kind == "item" {
            let sort_order = entity["sortOrder"].as_f64().expect("a numeric sortOrder");
            out.sort_orders.push(sort_order);
        } else {
            out.updates += 1;
            let total = entity["totalItems"].as_i64().expect("totalItems");
            if total != out.sort_orders.len() as i64 {
                out.misplaced_updates
                    .push((position, total, out.sort_orders.len()));
            }
        }
    }
    out
}

#[track_caller]
fn assert_in_commit_order(what: &str, story: &Story, committed: &[f64]) {
    let behind: Vec<(usize, f64, f64)> = story
        .sort_orders
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair[0] >= pair[1])
        .map(|(i, pair)| (i + 1, pair[0], pair[1]))
        .collect();
    assert!(
        behind.is_empty() && story.misplaced_updates.is_empty(),
        "{what}: {} of {} item events come after a later commit, e.g. (position, previous, this) \
         {:?}; {} of {} gallery updates are out of place, e.g. (position, totalItems, items \
         before) {:?}",
        behind.len(),
        story.sort_orders.len(),
        &behind[..behind.len().min(5)],
        story.misplaced_updates.len(),
        story.updates,
        &story.misplaced_updates[..story.misplaced_updates.len().min(5)],
    );
    assert_eq!(
        story.sort_orders, committed,
        "{what}: one event per created item"
    );
    assert_eq!(
        story.updates,
        WRITERS / 2 * PER_WRITER,
        "{what}: one event per update"
    );
}

/// Half the writers add items to one gallery, the other half rename it, all at once; the event
/// log and the deliveries must both tell the story in commit order.
fn concurrent_writes_are_emitted_and_delivered_in_commit_order(database: &[&str]) {
    let total = WRITERS * PER_WRITER;
    let (url, deliveries) = flaky_receiver(|_, _| false);
    let deliveries = deliveries.expect_requests(total + 1);
    let home = tempfile::tempdir().unwrap();
    let mut args = database.to_vec();
    args.extend(["--no-seed", "--webhook-url", &url]);
    args.extend(FAST_RETRIES);
    let sandbox = Sandbox::start_in(home, &args);

    let gallery = sandbox.call_ok(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "Busy"}})),
    );
    let gid = gallery["gallery"]["id"].as_str().unwrap().to_string();
    let answers = hammer(|w, n| {
        if w % 2 == 0 {
            sandbox.call_ok(
                "POST",
                &format!("/galleries/{gid}/items"),
                Some(json!({"item": image_item(&format!("w{w}-{n}"))})),
            )["item"]
                .clone()
        } else {
            sandbox.call_ok(
                "PATCH",
                &format!("/galleries/{gid}"),
                Some(json!({"gallery": {"name": format!("w{w}-{n}")}})),
            );
            Value::Null
        }
    });
    let mut committed: Vec<f64> = answers
        .iter()
        .filter_map(|item| item["sortOrder"].as_f64())
        .collect();
    committed.sort_by(f64::total_cmp);
    assert_eq!(committed.len(), WRITERS / 2 * PER_WRITER);

    // The event log, oldest first.
    let logged = sandbox.events();
    assert_eq!(logged.len(), total + 1, "one event per write");
    assert_eq!(logged[0]["type"], json!("GalleryCreated"));
    let logged = story(logged[1..].iter().map(|e| match e["type"].as_str() {
        Some("ItemCreated") => ("item", e["item"].clone()),
        Some("GalleryUpdated") => ("gallery", e["gallery"].clone()),
        _ => panic!("unexpected event {e}"),
    }));
    assert_in_commit_order("/_sandbox/events", &logged, &committed);

    // The deliveries, in arrival order (one gallery is one lane: one at a time, in queue order).
    let mut delivered = Vec::new();
    for _ in 0..=total {
        let delivery = deliveries.next_request();
        assert_eq!(delivery.status, 200);
        let (_, _, inner, envelope) = decode_by_hand(&delivery.body);
        delivered.push((inner["eventType"].as_str().unwrap().to_string(), envelope));
    }
    assert_eq!(delivered[0].0, "wix.pro_gallery.gallery_v2_created");
    let delivered =
        story(
            delivered[1..]
                .iter()
                .map(|(event_type, envelope)| match event_type.as_str() {
                    "wix.pro_gallery.gallery_v2_gallery_item_created" => {
                        ("item", envelope["actionEvent"]["body"]["item"].clone())
                    }
                    "wix.pro_gallery.gallery_v2_updated" => {
                        ("gallery", envelope["updatedEvent"]["currentEntity"].clone())
                    }
                    other => panic!("unexpected delivery {other}"),
                }),
        );
    assert_in_commit_order("the deliveries", &delivered, &committed);
}

#[test]
fn concurrent_writes_to_one_gallery_are_emitted_in_commit_order_in_memory() {
    concurrent_writes_are_emitted_and_delivered_in_commit_order(&["--memory"]);
}

#[test]
fn concurrent_writes_to_one_gallery_are_emitted_in_commit_order_on_a_file_database() {
    concurrent_writes_are_emitted_and_delivered_in_commit_order(&[]);
}
