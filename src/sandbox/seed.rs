//! The seed data: the galleries and items of the reference's examples (an image, a YouTube video, a
//! Wix-hosted video, a text item), with the reference's ids, dates and sortOrders, written into the
//! default site of a new (or reset) database so a newcomer sees real-looking data at once.
//!
//! The seeded site's Media Manager knows the Wix media those items show (their images, posters
//! and Wix-hosted video) as READY files with the items' sizes and Wix static URLs, so
//! `items add G <a seeded media id>` works as it would on the real site. No bytes are stored for
//! them: their `url` stays the Wix one.
//!
//! The reference mixes units in `sortOrder` (some in seconds, some in milliseconds); the seed writes
//! them all in seconds, so an item added later with the default sortOrder (now, in seconds) lands
//! at the end of the gallery, as it would on a real site.

use rusqlite::Transaction;
use serde_json::{json, Map, Value};

use super::db::{meta_get, meta_set};
use super::errors::{ApiError, ApiResult};
use super::media::store::{self as media_store, MediaRow};
use super::store::{find_gallery, galleries, items};
use super::DEFAULT_SITE;

/// Set once a database has been initialised (seeded, or deliberately left empty with `--no-seed`).
const INITIALISED_KEY: &str = "initialised";
/// Set once the seed's media files are in the Media Manager (databases seeded by an earlier
/// build gain them on their next start).
const SEED_MEDIA_KEY: &str = "seed-media";

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
    if let Some(state) = meta_get(tx, INITIALISED_KEY)? {
        if state == "seeded" && meta_get(tx, SEED_MEDIA_KEY)?.is_none() {
            seed_media(tx)?;
        }
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
    seed_media(tx)?;
    Ok(true)
}

/// One Wix media file a seed item shows.
struct SeedFile {
    id: String,
    url: String,
    video: bool,
    width: Option<i64>,
    height: Option<i64>,
    file_name: String,
    created: String,
}

/// The Wix media of the seed items: `WIX_MEDIA` images and videos and every poster, each once.
fn seed_files() -> Vec<SeedFile> {
    let mut files: Vec<SeedFile> = Vec::new();
    let mut add = |info: &Value, video: bool, created: &str| {
        let text = |key: &str| info.get(key).and_then(Value::as_str).unwrap_or_default();
        let (id, url) = (text("id"), text("url"));
        if id.is_empty() || url.is_empty() || files.iter().any(|f| f.id == id) {
            return;
        }
        // A video's size is that of its largest resolution.
        let (width, height) = if video {
            info.get("resolutions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|r| Some((r.get("width")?.as_i64()?, r.get("height")?.as_i64()?)))
                .max_by_key(|(w, h)| w * h)
                .map_or((None, None), |(w, h)| (Some(w), Some(h)))
        } else {
            (
                info.get("width").and_then(Value::as_i64),
                info.get("height").and_then(Value::as_i64),
            )
        };
        files.push(SeedFile {
            id: id.to_string(),
            url: url.to_string(),
            video,
            width,
            height,
            file_name: Some(text("filename"))
                .filter(|n| !n.is_empty())
                .unwrap_or(id)
                .to_string(),
            created: created.to_string(),
        });
    };
    for (_, _, _, items) in seed_galleries() {
        for item in items {
            let created = item["createdDate"].as_str().unwrap_or_default().to_string();
            let image = &item["image"];
            if image["type"] == "WIX_MEDIA" {
                add(&image["imageInfo"], false, &created);
            }
            let video = &item["video"];
            if video["type"] == "WIX_MEDIA" {
                add(&video["videoInfo"], true, &created);
            }
            for poster in video["videoInfo"]["posters"]
                .as_array()
                .into_iter()
                .flatten()
            {
                add(poster, false, &created);
            }
        }
    }
    files
}

/// Puts the seed's media files into the default site's Media Manager (READY, no bytes).
fn seed_media(tx: &Transaction) -> ApiResult<()> {
    for file in seed_files() {
        let mime = if file.video {
            "video/mp4"
        } else if file.id.ends_with(".png") {
            "image/png"
        } else {
            "image/jpeg"
        };
        media_store::insert_if_absent(
            tx,
            &MediaRow {
                site: DEFAULT_SITE.to_string(),
                id: file.id,
                display_name: file.file_name,
                media_type: if file.video { "VIDEO" } else { "IMAGE" }.to_string(),
                mime_type: Some(mime.to_string()),
                status: media_store::READY.to_string(),
                size_bytes: None,
                hash: None,
                width: file.width,
                height: file.height,
                path: None,
                url: Some(file.url),
                source_url: None,
                upload_token: None,
                deadline_ms: None,
                ready_ms: None,
                duration_ms: None,
                created_date: file.created.clone(),
                updated_date: file.created,
            },
        )?;
    }
    meta_set(tx, SEED_MEDIA_KEY, "1")?;
    Ok(())
}

/// Forgets everything: every site's galleries and items, and the initialised mark (so the next
/// start seeds again).
pub fn reset(tx: &Transaction) -> ApiResult<()> {
    tx.execute_batch("DELETE FROM items; DELETE FROM galleries; DELETE FROM meta;")?;
    Ok(())
}
