//! Sample events for `webhooks trigger`: a gallery and an image item shaped like the reference's
//! examples, wrapped in the same [`Mutation`] the sandbox emits, so a sample goes through exactly
//! the signing path real events take.

use serde_json::json;

use super::event::{EventType, Mutation};

/// Instance id used by sample events when the caller gives none.
pub const SAMPLE_INSTANCE_ID: &str = "5b0c1a44-6a5e-4d1c-9b53-000000000001";

/// A sample mutation of `event_type` about `gallery_id` (random when `None`), with data shaped like
/// the reference's examples: what `webhooks trigger` sends. `gallery_deleted` marks an item-deleted
/// event as part of a gallery delete (`originatedFrom: "Gallery Deleted"`).
pub fn sample_mutation(
    event_type: EventType,
    gallery_id: Option<&str>,
    instance_id: &str,
    gallery_deleted: bool,
) -> Mutation {
    let gallery_id = gallery_id
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let item_id = uuid::Uuid::new_v4().to_string();
    let now = chrono::Utc::now();
    let created = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let gallery = json!({
        "id": gallery_id,
        "name": "Sample gallery",
        "totalItems": 1,
        "items": [],
        "sortOrder": now.timestamp_millis() as f64 / 1000.0,
        "createdDate": created,
    });
    let item = json!({
        "id": item_id,
        "sortOrder": now.timestamp_millis() as f64 / 1000.0,
        "title": "Sample item",
        "description": "Sent by progallery webhooks trigger",
        "type": "IMAGE",
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
        "createdDate": created,
        "updatedDate": created,
    });
    match event_type {
        EventType::GalleryCreated => Mutation::gallery_created(instance_id, gallery),
        EventType::GalleryUpdated => Mutation::gallery_updated(instance_id, gallery),
        EventType::GalleryDeleted => Mutation::gallery_deleted(instance_id, &gallery_id),
        EventType::ItemCreated => Mutation::item_created(instance_id, &gallery_id, item),
        EventType::ItemUpdated => Mutation::item_updated(instance_id, &gallery_id, item),
        EventType::ItemDeleted => {
            Mutation::item_deleted(instance_id, &gallery_id, &item_id, gallery_deleted)
        }
    }
}
