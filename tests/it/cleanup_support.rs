//! Helpers of the cleanup tests (selection, safety, journal/restore, faults): a small hand-made
//! gallery covering every filter term, and reading runs' outcomes and items' contents. Galleries
//! of generated items and reading the sandbox back are `Sandbox` helpers (`common`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use crate::common::*;

pub fn ids_of(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// An item without what a re-creation may change: its id and dates.
pub fn content(item: &Value) -> Value {
    let mut item = item.clone();
    if let Some(map) = item.as_object_mut() {
        for key in ["id", "createdDate", "updatedDate"] {
            map.remove(key);
        }
    }
    item
}

/// Items keyed by sortOrder (unique in a gallery), without ids and dates.
pub fn contents_by_position(items: &[Value]) -> BTreeMap<String, Value> {
    items
        .iter()
        .map(|i| (i["sortOrder"].to_string(), content(i)))
        .collect()
}

/// A hand-made gallery covering every filter term; returns its id and item ids by short name.
/// Created in this order (so gallery order), each with a distinct title:
/// sunset (image m1, alt, tag summer), sunset-copy (image m1 again, no alt, tags summer+dup),
/// untitled (image m2, alt), launch (YouTube v1, description "Product launch"),
/// launch-again (v1 again), notes (text), portrait (image m3, no alt, tag draft),
/// old-draft (text, description "DRAFT notes").
pub fn mixed_gallery(sandbox: &Sandbox) -> (String, BTreeMap<&'static str, String>) {
    let gallery = sandbox.new_gallery("Mixed");
    let image = |media: &str, alt: Option<&str>| {
        let mut info = json!({
            "id": media,
            "url": format!("https://static.wixstatic.com/media/{media}"),
            "width": 1200, "height": 800, "filename": media
        });
        if let Some(alt) = alt {
            info["altText"] = json!(alt);
        }
        json!({"type": "WIX_MEDIA", "imageInfo": info, "focalPoint": {"x": 0.25, "y": 0.75}})
    };
    let video = json!({"type": "YOUTUBE", "videoInfo": {"id": "", "url": "https://www.youtube.com/watch?v=v1"}, "duration": "20000"});
    let specs: Vec<(&'static str, Value)> = vec![
        (
            "sunset",
            json!({"title": "Sunset beach", "description": "Golden hour", "image": image("m1~mv2.jpg", Some("A sunset")), "tags": {"values": ["summer"]},
            "link": {"type": "EXTERNAL", "url": "https://example.com/sunset", "target": "_blank", "text": "See more"}}),
        ),
        (
            "sunset-copy",
            json!({"title": "Sunset copy", "image": image("m1~mv2.jpg", None), "tags": {"values": ["summer", "dup"]}}),
        ),
        (
            "untitled",
            json!({"image": image("m2~mv2.jpg", Some("Hills"))}),
        ),
        (
            "launch",
            json!({"title": "Launch video", "description": "Product launch", "video": video.clone()}),
        ),
        (
            "launch-again",
            json!({"title": "Launch video again", "video": video}),
        ),
        (
            "notes",
            json!({"title": "Notes", "text": {"html": "<p>Opening soon</p>", "css": {"backgroundColor": "#fff"}}}),
        ),
        (
            "portrait",
            json!({"title": "Draft portrait", "image": image("m3~mv2.jpg", None), "tags": {"values": ["draft"]}}),
        ),
        (
            "old-draft",
            json!({"title": "Old draft", "description": "DRAFT notes", "text": {"html": "<p>old</p>"}}),
        ),
    ];
    let mut ids = BTreeMap::new();
    for (name, item) in specs {
        let created = sandbox.add_item(&gallery, item);
        ids.insert(name, created["id"].as_str().unwrap().to_string());
    }
    (gallery, ids)
}

/// The ids printed by a run (one per line).
pub fn printed_ids(run: &Run) -> BTreeSet<String> {
    run.stdout.lines().map(str::to_string).collect()
}

/// The jsonl lines of a run.
/// Ids whose outcome line has this status.
pub fn with_status(outcomes: &[Value], status: &str) -> BTreeSet<String> {
    outcomes
        .iter()
        .filter(|o| o["status"] == status)
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect()
}

/// The journal path a destructive run printed on stderr.
pub fn journal_path(run: &Run) -> String {
    run.stderr
        .lines()
        .find_map(|l| l.strip_prefix("journal: "))
        .map(|rest| rest.split(" (undo").next().unwrap().trim().to_string())
        .unwrap_or_else(|| panic!("no journal line in: {}", run.stderr))
}
