//! The seed data: the galleries and items of the reference's examples (an image, a YouTube video, a
//! Wix-hosted video, a text item), with the reference's ids, dates and sortOrders, written into the
//! default site of a new (or reset) database so a newcomer sees real-looking data at once.
//!
//! The reference mixes units in `sortOrder` (some in seconds, some in milliseconds); the seed writes
//! them all in seconds, so an item added later with the default sortOrder (now, in seconds) lands
//! at the end of the gallery, as it would on a real site.

use rusqlite::Transaction;
use serde_json::{json, Map, Value};

use super::db::{meta_get, meta_set};
use super::errors::{ApiError, ApiResult};
use super::store::{find_gallery, galleries, items};
use super::DEFAULT_SITE;

/// Set once a database has been initialised (seeded, or deliberately left empty with `--no-seed`).
const INITIALISED_KEY: &str = "initialised";

fn image_item() -> Value {
    json!({
        "id": "a045b201-ee7d-447c-b0c3-746cba83253c",
        "sortOrder": 1644317968.985,
        "title": "Some Title",
        "description": "Some Description",
        "image": {
            "type": "WIX_MEDIA",
            "imageInfo": {
                "id": "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
                "url": "https://static.wixstatic.com/media/11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
                "height": 4298,
                "width": 6446,
                "altText": "Some Alt",
                "filename": "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg"
            }
        },
        "createdDate": "2022-02-08T10:59:29Z",
        "tags": {"values": ["image"]}
    })
}

fn youtube_item() -> Value {
    json!({
        "id": "17c786c6-5d5d-4271-995a-02d007809064",
        "sortOrder": 1642505672.333,
        "title": "Video",
        "description": "Video description",
        "video": {
            "type": "YOUTUBE",
            "videoInfo": {
                "id": "",
                "resolutions": [{
                    "url": "https://www.youtube.com/watch?v=NCtzkaL2t_Y&ab_channel=TheBeatlesVEVO",
                    "height": 0, "width": 0, "format": "Youtube", "quality": null, "filename": null
                }],
                "url": "https://www.youtube.com/watch?v=NCtzkaL2t_Y&ab_channel=TheBeatlesVEVO",
                "posters": [{
                    "id": "468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg",
                    "url": "https://static.wixstatic.com/media/468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg",
                    "height": 720, "width": 1280, "altText": null, "urlExpirationDate": null,
                    "filename": "468ec5_347f032da9a04e5b9c03ad2a14a07b52~mv2.jpg", "sizeInBytes": null
                }]
            }
        },
        "createdDate": "2022-01-18T11:34:34Z"
    })
}

fn wix_video_item() -> Value {
    let media = "11062b_20125b6ebe434abd96c4d7773634d1db";
    let resolution = |height: u32, width: u32| {
        json!({
            "url": format!("https://video.wixstatic.com/video/{media}/{height}p/mp4/file.mp4"),
            "height": height, "width": width, "format": "mp4", "quality": format!("{height}p")
        })
    };
    let poster = |n: u32| {
        let name = format!("{media}f00{n}.jpg");
        json!({
            "id": name,
            "url": format!("https://static.wixstatic.com/media/{name}"),
            "height": 2160, "width": 3840, "filename": name
        })
    };
    json!({
        "id": "975a57a1-eccd-4e28-aac5-265be4dbb4f8",
        "sortOrder": 1646212412.985,
        "title": "Mountainous Landscape",
        "description": "Mountainous Landscape Description",
        "video": {
            "type": "WIX_MEDIA",
            "videoInfo": {
                "id": media,
                "resolutions": [resolution(480, 854), resolution(720, 1280), resolution(1080, 1920)],
                "filename": media,
                "url": format!("https://video.wixstatic.com/video/{media}/1080p/mp4/file.mp4"),
                "posters": [poster(0), poster(1), poster(2), poster(3)]
            },
            "duration": "20000"
        },
        "createdDate": "2022-03-02T09:13:33Z"
    })
}

fn text_item() -> Value {
    json!({
        "id": "534264c7-0c61-45ce-b414-891aacadf4c2",
        "sortOrder": 1657439075.188,
        "title": "Text Item 1",
        "description": "This is a text item in my gallery.",
        "text": {
            "html": "<div class=\"te-pro-gallery-text-item\" style=\"padding: 30px; width: 420px; height: 420px; background-color: rgba(232, 230, 230, 0.7);\"><p style=\"text-align:center\"><span style=\"font-size:50px\">woohoo</span></p></div>",
            "css": {
                "backgroundColor": "rgba(232, 230, 230, 0.7)",
                "googleFonts": [],
                "height": 420,
                "textVerticalAlignment": "middle",
                "canvasLayout": "square",
                "ratio": -50,
                "padding": 30,
                "width": 420
            }
        },
        "createdDate": "2021-03-30T15:23:22Z"
    })
}

fn focal_image_item() -> Value {
    json!({
        "id": "1ee25150-8271-41b2-9601-6befea43fb7a",
        "sortOrder": 1563813116.8060222,
        "title": "I'm an image title",
        "description": "Describe your image here.",
        "image": {
            "type": "WIX_MEDIA",
            "imageInfo": {
                "id": "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
                "url": "https://static.wixstatic.com/media/11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
                "height": 4298,
                "width": 6446
            },
            "focalPoint": {"x": 0.5, "y": 0.5}
        },
        "createdDate": "2020-08-17T14:10:55.486Z"
    })
}

/// (gallery id, name, created, items) of each seeded gallery.
fn seed_galleries() -> Vec<(&'static str, Option<&'static str>, &'static str, Vec<Value>)> {
    vec![
        (
            // The gallery of the reference's list examples; made in the Editor, so no name.
            "e481d9b4-14b9-4a98-ae52-67f4170e3a63",
            None,
            "2020-08-04T10:01:50Z",
            vec![text_item(), image_item(), youtube_item(), wix_video_item()],
        ),
        (
            "a59d43f0-0023-4ef2-8593-e38d2b668795",
            Some("Simple Gallery"),
            "2020-08-17T14:10:55.483Z",
            vec![focal_image_item()],
        ),
    ]
}

/// Marks a new database as initialised and, if `seed`, fills the default site. Runs inside the
/// caller's write transaction, so concurrent first starts on one file seed it once.
pub fn initialise(tx: &Transaction, seed: bool) -> ApiResult<bool> {
    if meta_get(tx, INITIALISED_KEY)?.is_some() {
        return Ok(false);
    }
    meta_set(tx, INITIALISED_KEY, if seed { "seeded" } else { "empty" })?;
    if !seed {
        return Ok(false);
    }
    for (id, name, created, list) in seed_galleries() {
        let created_at = chrono::DateTime::parse_from_rfc3339(created)
            .map_err(|e| ApiError::internal(format!("seed date {created}: {e}")))?;
        let created_ms = created_at.timestamp_millis();
        let mut spec = Map::new();
        if let Some(name) = name {
            spec.insert("name".into(), json!(name));
        }
        spec.insert("sortOrder".into(), json!(created_ms as f64 / 1000.0));
        galleries::create(
            tx,
            DEFAULT_SITE,
            &spec,
            None,
            galleries::NewGallery {
                id: Some(id.to_string()),
                created: Some((created_ms, created.to_string())),
            },
            1,
        )?;
        let mut row = find_gallery(tx, DEFAULT_SITE, id)?
            .ok_or_else(|| ApiError::internal("seed gallery missing"))?;
        for item in list {
            let Value::Object(item) = item else {
                continue;
            };
            let item_id = item.get("id").and_then(Value::as_str).map(str::to_string);
            let item_created = item
                .get("createdDate")
                .and_then(Value::as_str)
                .map(str::to_string);
            items::create_item(
                tx,
                &mut row,
                &item,
                "seed item",
                items::NewItem {
                    id: item_id,
                    created: item_created,
                },
            )?;
        }
    }
    Ok(true)
}

/// Forgets everything: every site's galleries and items, and the initialised mark (so the next
/// start seeds again).
pub fn reset(tx: &Transaction) -> ApiResult<()> {
    tx.execute_batch("DELETE FROM items; DELETE FROM galleries; DELETE FROM meta;")?;
    Ok(())
}
