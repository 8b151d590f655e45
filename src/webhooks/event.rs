//! The six Pro Gallery event types and the Wix webhook envelope (spec/api.md §5): building an
//! envelope from a mutation (what the sandbox emits) or from sample data (what `webhooks trigger`
//! sends), and the decoded form every receiver works with.
//!
//! On the wire Wix nests JSON inside JSON strings three levels deep. [`DecodedEvent`] is the same
//! object with every nested string parsed, so `jq .data.actionEvent.body.item` just works.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The `entityFqdn` every example in the reference carries (the prose spells it
/// `wix.pro_gallery.gallery_v2`; receivers accept both, senders use what Wix really sends).
pub const ENTITY_FQDN: &str = "wix.pro_gallery.v2.gallery";

/// `originatedFrom` on the item-deleted events caused by deleting their gallery.
pub const GALLERY_DELETED_ORIGIN: &str = "Gallery Deleted";

/// App id the sandbox and the sample events put in their `identity` (an app made the change).
pub const SANDBOX_APP_ID: &str = "progallery-sandbox";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    GalleryCreated,
    GalleryUpdated,
    GalleryDeleted,
    ItemCreated,
    ItemUpdated,
    ItemDeleted,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::GalleryCreated,
        EventType::GalleryUpdated,
        EventType::GalleryDeleted,
        EventType::ItemCreated,
        EventType::ItemUpdated,
        EventType::ItemDeleted,
    ];

    /// The full `eventType`, e.g. `wix.pro_gallery.gallery_v2_created`.
    pub fn event_type(self) -> &'static str {
        match self {
            EventType::GalleryCreated => "wix.pro_gallery.gallery_v2_created",
            EventType::GalleryUpdated => "wix.pro_gallery.gallery_v2_updated",
            EventType::GalleryDeleted => "wix.pro_gallery.gallery_v2_deleted",
            EventType::ItemCreated => "wix.pro_gallery.gallery_v2_gallery_item_created",
            EventType::ItemUpdated => "wix.pro_gallery.gallery_v2_gallery_item_updated",
            EventType::ItemDeleted => "wix.pro_gallery.gallery_v2_gallery_item_deleted",
        }
    }

    /// The envelope's `slug`, e.g. `gallery_item_deleted`.
    pub fn slug(self) -> &'static str {
        match self {
            EventType::GalleryCreated => "created",
            EventType::GalleryUpdated => "updated",
            EventType::GalleryDeleted => "deleted",
            EventType::ItemCreated => "gallery_item_created",
            EventType::ItemUpdated => "gallery_item_updated",
            EventType::ItemDeleted => "gallery_item_deleted",
        }
    }

    /// Accepts the full `eventType`, the `gallery_v2_…` suffix, or the slug; case-insensitive.
    pub fn parse(text: &str) -> Option<EventType> {
        let lower = text.trim().to_ascii_lowercase();
        let short = lower.strip_prefix("wix.pro_gallery.").unwrap_or(&lower);
        let short = short.strip_prefix("gallery_v2_").unwrap_or(short);
        EventType::ALL.into_iter().find(|t| t.slug() == short)
    }

    /// Every accepted short name, for error messages and help.
    pub fn slugs() -> String {
        EventType::ALL
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A committed change, as the sandbox knows it, to be turned into an event.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub event_type: EventType,
    /// The site's app instance id (`instanceId` in the event); the sandbox passes its site id.
    pub instance_id: String,
    /// The gallery id: every Pro Gallery event carries its gallery as `entityId`.
    pub gallery_id: String,
    /// `GalleryCreated`/`GalleryUpdated`: the gallery object (its `items` are emptied, as Wix does).
    /// `ItemCreated`/`ItemUpdated`: the item object. `ItemDeleted`: the item id as a JSON string,
    /// or an object with `itemId`/`id`. `GalleryDeleted`: ignored.
    pub body: Value,
    /// `Some("Gallery Deleted")` on item-deleted events caused by deleting the gallery.
    pub originated_from: Option<String>,
    /// Who made the change; `None` means the sandbox app (`{"identityType":"APP",…}`).
    pub identity: Option<Value>,
    /// `accountInfo` of the event (`{"siteId", "accountId"?, …}`); `None` sends none.
    pub account_info: Option<Value>,
}

impl Mutation {
    /// A gallery was created; `gallery` is the full Gallery object (its `id` is the entity id).
    pub fn gallery_created(site: &str, gallery: Value) -> Mutation {
        Mutation::about_gallery(EventType::GalleryCreated, site, gallery)
    }

    /// A gallery's name or sortOrder changed; `gallery` is the Gallery after the change.
    pub fn gallery_updated(site: &str, gallery: Value) -> Mutation {
        Mutation::about_gallery(EventType::GalleryUpdated, site, gallery)
    }

    /// A gallery was deleted (send its items' `item_deleted(…, true)` events first).
    pub fn gallery_deleted(site: &str, gallery_id: &str) -> Mutation {
        Mutation::new(EventType::GalleryDeleted, site, gallery_id, json!({}), None)
    }

    pub fn item_created(site: &str, gallery_id: &str, item: Value) -> Mutation {
        Mutation::new(EventType::ItemCreated, site, gallery_id, item, None)
    }

    /// An item changed; `item` is the Item after the change.
    pub fn item_updated(site: &str, gallery_id: &str, item: Value) -> Mutation {
        Mutation::new(EventType::ItemUpdated, site, gallery_id, item, None)
    }

    /// An item was deleted; `gallery_deleted` when it went with its gallery.
    pub fn item_deleted(
        site: &str,
        gallery_id: &str,
        item_id: &str,
        gallery_deleted: bool,
    ) -> Mutation {
        let origin = gallery_deleted.then(|| GALLERY_DELETED_ORIGIN.to_string());
        Mutation::new(
            EventType::ItemDeleted,
            site,
            gallery_id,
            json!(item_id),
            origin,
        )
    }

    fn about_gallery(event_type: EventType, site: &str, gallery: Value) -> Mutation {
        let gallery_id = gallery
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        Mutation::new(event_type, site, &gallery_id, gallery, None)
    }

    fn new(
        event_type: EventType,
        site: &str,
        gallery_id: &str,
        body: Value,
        originated_from: Option<String>,
    ) -> Mutation {
        Mutation {
            event_type,
            instance_id: site.to_string(),
            gallery_id: gallery_id.to_string(),
            body,
            originated_from,
            identity: None,
            account_info: None,
        }
    }

    /// Names the site in the event's `accountInfo`, as Wix's events of a site do.
    pub fn with_site(mut self, site_id: &str) -> Mutation {
        self.account_info = Some(json!({ "siteId": site_id }));
        self
    }
}

/// An event with every nested JSON string parsed: `{"eventType","instanceId","accountInfo"?,
/// "data": envelope, "identity"}`. This is what `verify` prints, `listen` prints, forwards and
/// pipes to `--exec`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecodedEvent {
    pub event_type: String,
    /// The app instance the event is for (one app on one site).
    pub instance_id: String,
    /// Which account and site (`{"accountId", "parentAccountId", "siteId"}`, any of them), when
    /// the event says; kept as it came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_info: Option<Value>,
    /// The envelope: `id`, `entityFqdn`, `slug`, `entityId`, `eventTime`, … and one body.
    pub data: Value,
    pub identity: Value,
}

impl DecodedEvent {
    /// The envelope's unique event id (receivers deduplicate on it).
    pub fn event_id(&self) -> &str {
        self.data.get("id").and_then(Value::as_str).unwrap_or("")
    }

    pub fn entity_id(&self) -> &str {
        self.data
            .get("entityId")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn slug(&self) -> &str {
        match self.data.get("slug").and_then(Value::as_str) {
            Some(slug) => slug,
            None => EventType::parse(&self.event_type)
                .map(EventType::slug)
                .unwrap_or(""),
        }
    }

    pub fn event_time(&self) -> &str {
        self.data
            .get("eventTime")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn originated_from(&self) -> Option<&str> {
        self.data.get("originatedFrom").and_then(Value::as_str)
    }

    /// The item id an item event is about (from `actionEvent.body`), if any.
    pub fn item_id(&self) -> Option<&str> {
        let body = self.data.get("actionEvent")?.get("body")?;
        body.get("itemId")
            .or_else(|| body.get("item").and_then(|i| i.get("id")))
            .or_else(|| body.get("updatedItem").and_then(|i| i.get("id")))
            .and_then(Value::as_str)
    }
}

/// Builds the decoded event for a mutation, with a fresh event id and `eventTime` = now.
pub fn event_from_mutation(mutation: &Mutation) -> DecodedEvent {
    let event_type = mutation.event_type;
    let mut envelope = Map::new();
    envelope.insert("id".into(), json!(uuid::Uuid::new_v4().to_string()));
    envelope.insert("entityFqdn".into(), json!(ENTITY_FQDN));
    envelope.insert("slug".into(), json!(event_type.slug()));
    envelope.insert("entityId".into(), json!(mutation.gallery_id));
    let (key, body) = envelope_body(event_type, &mutation.body);
    envelope.insert(key.into(), body);
    envelope.insert("eventTime".into(), json!(now_rfc3339()));
    envelope.insert("triggeredByAnonymizeRequest".into(), json!(false));
    if let Some(origin) = &mutation.originated_from {
        envelope.insert("originatedFrom".into(), json!(origin));
    }
    DecodedEvent {
        event_type: event_type.event_type().to_string(),
        instance_id: mutation.instance_id.clone(),
        account_info: mutation.account_info.clone(),
        data: Value::Object(envelope),
        identity: mutation
            .identity
            .clone()
            .unwrap_or_else(|| json!({"identityType": "APP", "appId": SANDBOX_APP_ID})),
    }
}

/// The one body key of an envelope and its value (the table in spec §5).
fn envelope_body(event_type: EventType, body: &Value) -> (&'static str, Value) {
    match event_type {
        EventType::GalleryCreated => (
            "createdEvent",
            json!({"entity": gallery_without_items(body)}),
        ),
        EventType::GalleryUpdated => (
            "updatedEvent",
            json!({"currentEntity": gallery_without_items(body)}),
        ),
        EventType::GalleryDeleted => ("deletedEvent", json!({})),
        EventType::ItemCreated => ("actionEvent", json!({"body": {"item": body}})),
        EventType::ItemUpdated => ("actionEvent", json!({"body": {"updatedItem": body}})),
        EventType::ItemDeleted => {
            let item_id = match body {
                Value::String(id) => id.clone(),
                other => other
                    .get("itemId")
                    .or_else(|| other.get("id"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            };
            ("actionEvent", json!({"body": {"itemId": item_id}}))
        }
    }
}

/// Gallery events never carry items (the reference: "the event data doesn't include gallery items").
fn gallery_without_items(gallery: &Value) -> Value {
    let mut gallery = gallery.clone();
    if let Some(object) = gallery.as_object_mut() {
        object.insert("items".into(), json!([]));
    }
    gallery
}

fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_parse_from_full_names_suffixes_and_slugs() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.event_type()), Some(t));
            assert_eq!(EventType::parse(t.slug()), Some(t));
            assert_eq!(
                EventType::parse(&format!("gallery_v2_{}", t.slug())),
                Some(t)
            );
            assert_eq!(EventType::parse(&t.slug().to_uppercase()), Some(t));
        }
        assert_eq!(EventType::parse("gallery_item"), None);
        assert_eq!(EventType::parse(""), None);
    }

    #[test]
    fn item_deleted_by_gallery_delete_carries_its_origin() {
        let event = event_from_mutation(&Mutation::item_deleted("site", "g", "item-9", true));
        assert_eq!(event.item_id(), Some("item-9"));
        assert_eq!(event.entity_id(), "g");
        assert_eq!(event.originated_from(), Some("Gallery Deleted"));
        assert_eq!(
            event.data["actionEvent"]["body"],
            json!({"itemId": "item-9"})
        );
        assert_eq!(event.instance_id, "site");
        let single = event_from_mutation(&Mutation::item_deleted("site", "g", "item-9", false));
        assert_eq!(single.originated_from(), None);
        assert!(single.data.get("originatedFrom").is_none());
    }

    #[test]
    fn gallery_events_take_the_entity_id_from_the_gallery_and_drop_items() {
        let gallery = json!({"id": "g-5", "name": "N", "totalItems": 2, "items": [{"id": "i"}]});
        let event = event_from_mutation(&Mutation::gallery_created("site", gallery));
        assert_eq!(event.entity_id(), "g-5");
        assert_eq!(event.event_type, "wix.pro_gallery.gallery_v2_created");
        assert_eq!(event.data["createdEvent"]["entity"]["items"], json!([]));
        assert_eq!(event.data["createdEvent"]["entity"]["totalItems"], json!(2));
        let deleted = event_from_mutation(&Mutation::gallery_deleted("site", "g-5"));
        assert_eq!(deleted.data["deletedEvent"], json!({}));
        assert_eq!(deleted.slug(), "deleted");
    }
}
