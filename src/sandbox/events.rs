//! Mutation events: what one committed write changed, as the store produces it. What becomes of
//! an event (the log at `GET /_sandbox/events`, webhook delivery) is `event_log.rs`'s and
//! `webhooks.rs`'s business; this type knows neither.

use serde::Serialize;
use serde_json::Value;

/// One committed change. Galleries in events carry the gallery as stored (with `items: []`).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum Event {
    GalleryCreated {
        site: String,
        gallery: Value,
    },
    GalleryUpdated {
        site: String,
        gallery: Value,
    },
    GalleryDeleted {
        site: String,
        gallery_id: String,
    },
    ItemCreated {
        site: String,
        gallery_id: String,
        item: Value,
    },
    ItemUpdated {
        site: String,
        gallery_id: String,
        item: Value,
    },
    /// `gallery_deleted` is true when the item went because its whole gallery was deleted.
    ItemDeleted {
        site: String,
        gallery_id: String,
        item_id: String,
        gallery_deleted: bool,
    },
}
