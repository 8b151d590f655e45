//! Galleries you can take with you, end to end: the sandbox's download URLs and seeded bytes
//! (`sandbox.rs`), `galleries export` (`export.rs`), `galleries import` and its rerun after a kill
//! (`import.rs`), the 1,000-item round trip into another site (`roundtrip.rs`), `galleries copy`
//! (`copy.rs`), `items download` (`download.rs`), `items sync` (`sync.rs`), the contact sheet in a
//! real headless Chromium (`sheet.rs`), and the whole gallery in `galleries get -o json`, the
//! refusal of a partial dump, the "N more" notices and restores' id tables (`whole.rs`).

mod copy;
mod download;
mod export;
mod import;
mod roundtrip;
mod sandbox;
mod sheet;
mod sync;
mod whole;

use std::path::Path;

use serde_json::{json, Value};

pub use crate::common::media::*;
pub use crate::common::*;
use crate::media_sandbox::upload as put_file;

/// Uploads a file to `site`'s Media Manager, waits until it is processed (a media service
/// answers PENDING first) and requires it READY; its descriptor.
#[track_caller]
pub fn upload(sandbox: &Sandbox, site: &str, name: &str, mime: &str, bytes: &[u8]) -> Value {
    let ready = put_file(sandbox, site, name, mime, bytes);
    assert_eq!(ready["operationStatus"], "READY", "{name}: {ready}");
    ready
}

/// The site the sandbox seeds (its default site).
pub const SEED_SITE: &str = "00000000-0000-0000-0000-000000000000";
/// The seeded gallery of the reference's examples (a YouTube video, an image, a Wix video, a text).
pub const SEEDED: &str = "e481d9b4-14b9-4a98-ae52-67f4170e3a63";
/// The other seeded gallery: one image without alt text.
pub const SEEDED_SIMPLE: &str = "a59d43f0-0023-4ef2-8593-e38d2b668795";

/// Real pictures and a real video (the sandbox's own seeded media), for what a browser must
/// decode and a media service might check.
pub const DUNES: &[u8] = include_bytes!("../../../src/sandbox/media/seed/dunes.jpg");
pub const MOUNTAINS: [&[u8]; 4] = [
    include_bytes!("../../../src/sandbox/media/seed/mountains-0.jpg"),
    include_bytes!("../../../src/sandbox/media/seed/mountains-1.jpg"),
    include_bytes!("../../../src/sandbox/media/seed/mountains-2.jpg"),
    include_bytes!("../../../src/sandbox/media/seed/mountains-3.jpg"),
];
pub const VIDEO: &[u8] = include_bytes!("../../../src/sandbox/media/seed/mountains.mp4");

#[track_caller]
pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[track_caller]
pub fn read_lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// An item with what differs between two sites taken out: ids, dates, and the media's own id and
/// URL (a copy's media are new files of the other site's Media Manager).
pub fn comparable(item: &Value) -> Value {
    let mut item = item.clone();
    if let Some(map) = item.as_object_mut() {
        for key in ["id", "createdDate", "updatedDate"] {
            map.remove(key);
        }
    }
    for info in ["/image/imageInfo", "/video/videoInfo"] {
        if let Some(map) = item.pointer_mut(info).and_then(Value::as_object_mut) {
            map.remove("id");
            map.remove("url");
        }
    }
    // A Wix video's renditions and posters are what the Media Manager holding the file made of
    // it: a copy's are the target site's own (`assert_renditions_of_its_own_media` checks them).
    if item.pointer("/video/type") == Some(&Value::from("WIX_MEDIA")) {
        if let Some(map) = item
            .pointer_mut("/video/videoInfo")
            .and_then(Value::as_object_mut)
        {
            map.remove("resolutions");
            map.remove("posters");
        }
    }
    item
}

/// Every Wix video of `items` plays from renditions and shows posters of its own media id (the
/// target Media Manager's, not the source's).
#[track_caller]
pub fn assert_renditions_of_its_own_media(items: &[Value]) {
    for item in items {
        if item.pointer("/video/type") != Some(&Value::from("WIX_MEDIA")) {
            continue;
        }
        let info = &item["video"]["videoInfo"];
        let id = info["id"].as_str().expect("a Wix video has a media id");
        let stem = id.split('.').next().unwrap_or(id);
        let resolutions = info["resolutions"].as_array().cloned().unwrap_or_default();
        assert!(!resolutions.is_empty(), "no renditions: {item}");
        for rendition in &resolutions {
            let url = rendition["url"].as_str().unwrap_or("");
            assert!(url.contains(stem), "rendition of other media: {url} ({id})");
        }
        let posters = info["posters"].as_array().cloned().unwrap_or_default();
        assert!(!posters.is_empty(), "no posters: {item}");
        for poster in &posters {
            let poster_id = poster["id"].as_str().unwrap_or("");
            assert!(
                poster_id.starts_with(stem),
                "poster of other media: {poster_id} ({id})"
            );
        }
    }
}

/// A gallery of `site` whose `count` items are images, Wix videos, texts and YouTube links, in
/// turn, with every kind of metadata; the media are real files uploaded to the site's Media
/// Manager (a few, shown by many items). Its id.
#[track_caller]
pub fn mixed_gallery(sandbox: &Sandbox, site: &str, name: &str, count: usize) -> String {
    let mut images = Vec::new();
    for (k, bytes) in MOUNTAINS.iter().chain([&DUNES]).enumerate() {
        images.push(upload(
            sandbox,
            site,
            &format!("photo-{k}.jpg"),
            "image/jpeg",
            bytes,
        ));
    }
    let png = png(320 + 7, 200, 900);
    images.push(upload(sandbox, site, "plan.png", "image/png", &png));
    let mut longer = VIDEO.to_vec();
    longer.extend_from_slice(b"trailing bytes of a second clip");
    let videos = [
        upload(sandbox, site, "clip.mp4", "video/mp4", VIDEO),
        upload(sandbox, site, "clip-2.mp4", "video/mp4", &longer),
    ];
    let items: Vec<Value> = (0..count)
        .map(|i| {
            let title = format!("Item {i:04}");
            match i % 10 {
                0..=5 => {
                    let file = &images[i % images.len()];
                    let mut info = json!({
                        "id": file["id"], "url": file["url"],
                        "width": file["media"]["image"]["image"]["width"],
                        "height": file["media"]["image"]["image"]["height"],
                        "filename": format!("photo-{i}.jpg"),
                    });
                    if i % 3 != 0 {
                        info["altText"] = json!(format!("Alt text {i}"));
                    }
                    let mut item = json!({
                        "title": title,
                        "description": format!("Description of item {i}"),
                        "image": {"type": "WIX_MEDIA", "imageInfo": info},
                        "tags": {"values": [format!("tag-{}", i % 4), "_fileOrigin_uploaded"]},
                    });
                    if i % 4 == 1 {
                        item["image"]["focalPoint"] = json!({"x": 0.25, "y": 0.75});
                        item["link"] = json!({"type": "EXTERNAL", "url": format!("https://example.com/{i}"), "text": "More", "target": "_blank"});
                    }
                    item
                }
                6 | 7 => {
                    let file = &videos[i % 2];
                    json!({
                        "title": title,
                        "video": {"type": "WIX_MEDIA", "videoInfo": {"id": file["id"], "url": file["url"], "filename": "clip.mp4"}, "durationInMillis": 2000},
                    })
                }
                8 => json!({
                    "title": title,
                    "description": "words",
                    "text": {"html": format!("<p>Text number {i}</p>"), "css": {"backgroundColor": "#eeeeee", "width": 420, "height": 420}},
                }),
                _ => json!({
                    "title": title,
                    "video": {"type": "YOUTUBE", "videoInfo": {"id": "", "url": format!("https://www.youtube.com/watch?v=video{i}")}},
                }),
            }
        })
        .collect();
    sandbox.gallery_on_site(site, name, items)
}

/// Every gallery of `site`.
#[track_caller]
pub fn galleries_of(sandbox: &Sandbox, site: &str) -> Vec<Value> {
    let mut all = Vec::new();
    loop {
        let response = sandbox
            .request(
                "GET",
                &format!("{API}/galleries?offset={}&limit=10&itemLimit=1", all.len()),
            )
            .header("wix-site-id", site)
            .send();
        let page = ok(response)["galleries"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let done = page.len() < 10;
        all.extend(page);
        if done {
            return all;
        }
    }
}
