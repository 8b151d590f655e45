//! The columns galleries and items show in `table` and `tsv` output (their JSON is the
//! service's object), and the cell shortening a table applies for people.

use serde_json::Value;

use super::Record;
use crate::api::model::{number_text, Gallery, Item};

/// `2021-01-19T11:40:09.208Z` → `2021-01-19 11:40` for tables; tsv keeps RFC 3339.
fn short_time(value: &Option<String>, for_table: bool) -> String {
    let Some(text) = value else {
        return String::new();
    };
    if !for_table {
        return text.clone();
    }
    match chrono::DateTime::parse_from_rfc3339(text) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => text.clone(),
    }
}

pub(crate) fn shorten(text: &str, max: usize, for_table: bool) -> String {
    if !for_table || text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

impl Record for Gallery {
    const HEADERS: &'static [&'static str] = &["ID", "NAME", "ITEMS", "SORT ORDER", "CREATED"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.name.clone().unwrap_or_default(),
            self.total_items.map(|n| n.to_string()).unwrap_or_default(),
            number_text(&self.sort_order),
            short_time(&self.created_date, for_table),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// The Wix media id of an image, or the id of a video hosted by Wix.
fn media_id(item: &Item) -> String {
    let id = |v: Option<&Value>, info: &str| {
        v.and_then(|v| v.get(info))
            .and_then(|i| i.get("id"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let image = id(item.image.as_ref(), "imageInfo");
    if image.is_empty() {
        id(item.video.as_ref(), "videoInfo")
    } else {
        image
    }
}

impl Record for Item {
    const HEADERS: &'static [&'static str] =
        &["ID", "TYPE", "TITLE", "MEDIA", "SORT ORDER", "CREATED"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.kind().to_string(),
            self.title.clone().unwrap_or_default(),
            self.media_url(),
            number_text(&self.sort_order),
            short_time(&self.created_date, for_table),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The columns plus what a list has no room for; fields the item does not have are left
    /// out rather than shown empty.
    fn details(&self) -> Vec<(&'static str, String)> {
        let text = |value: Option<&Value>| value.and_then(Value::as_str).unwrap_or("").to_string();
        let alt = text(
            self.image
                .as_ref()
                .and_then(|image| image.pointer("/imageInfo/altText")),
        );
        let tags = self
            .tags
            .as_ref()
            .and_then(|tags| tags.get("values"))
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let link = self.link.as_ref();
        let mut rows = vec![
            ("ID", self.id()),
            ("TYPE", self.kind().to_string()),
            ("TITLE", self.title.clone().unwrap_or_default()),
            ("DESCRIPTION", self.description.clone().unwrap_or_default()),
            ("MEDIA", self.media_url()),
            ("MEDIA ID", media_id(self)),
            ("ALT TEXT", alt),
            ("LINK", text(link.and_then(|l| l.get("url")))),
            ("LINK TEXT", text(link.and_then(|l| l.get("text")))),
            ("TAGS", tags),
            ("SORT ORDER", number_text(&self.sort_order)),
            ("CREATED", self.created_date.clone().unwrap_or_default()),
            ("UPDATED", self.updated_date.clone().unwrap_or_default()),
        ];
        rows.retain(|(label, value)| !value.is_empty() || matches!(*label, "ID" | "TITLE"));
        rows
    }
}
