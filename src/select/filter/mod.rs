//! The `--where` filter language, evaluated on listed items (the service has no server-side item
//! filter): terms such as `type=VIDEO`, `title~draft`, `created<30d`, `alt-missing` and
//! `duplicate-media`, combined with `and`, `or`, `not` and parentheses (`not` binds tightest,
//! then `and`, then `or`). Parsing happens before anything is sent; a bad expression is a usage
//! error that shows where it went wrong.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::api::model::Item;

mod parse;
#[cfg(test)]
mod tests;

pub use parse::parse;

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Type(String),
    TitleIs(String),
    TitleContains(String),
    DescriptionContains(String),
    Tag(String),
    Created(Compare, DateTime<Utc>),
    Updated(Compare, DateTime<Utc>),
    Media(String),
    AltMissing,
    TitleMissing,
    DuplicateMedia,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Before,
    After,
}

/// What an expression needs to know about the whole gallery (computed once per listing).
#[derive(Debug, Default)]
pub struct GalleryFacts {
    /// Ids of the items that point at media an earlier item (in gallery order) already shows.
    pub duplicate_media: HashSet<String>,
}

impl GalleryFacts {
    /// Facts of a gallery from its items, in gallery order.
    pub fn of(items: &[Item]) -> GalleryFacts {
        let mut seen = HashSet::new();
        let mut duplicate_media = HashSet::new();
        for item in items {
            if let (Some(key), Some(id)) = (media_key(item), item.id.as_ref()) {
                if !seen.insert(key) {
                    duplicate_media.insert(id.clone());
                }
            }
        }
        GalleryFacts { duplicate_media }
    }
}

impl Filter {
    /// True when `expr` needs gallery-wide facts (only `duplicate-media` does).
    pub fn needs_facts(&self) -> bool {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => a.needs_facts() || b.needs_facts(),
            Filter::Not(a) => a.needs_facts(),
            Filter::DuplicateMedia => true,
            _ => false,
        }
    }

    pub fn matches(&self, item: &Item, facts: &GalleryFacts) -> bool {
        match self {
            Filter::And(a, b) => a.matches(item, facts) && b.matches(item, facts),
            Filter::Or(a, b) => a.matches(item, facts) || b.matches(item, facts),
            Filter::Not(a) => !a.matches(item, facts),
            Filter::Type(kind) => item.kind().eq_ignore_ascii_case(kind),
            Filter::TitleIs(title) => item.title.as_deref().unwrap_or("") == title,
            Filter::TitleContains(part) => contains(item.title.as_deref(), part),
            Filter::DescriptionContains(part) => contains(item.description.as_deref(), part),
            Filter::Tag(tag) => tags(item).any(|t| t == tag),
            Filter::Created(cmp, at) => compare(item.created_date.as_deref(), *cmp, at),
            Filter::Updated(cmp, at) => compare(item.updated_date.as_deref(), *cmp, at),
            Filter::Media(id) => media_names(item).any(|m| m == id),
            Filter::AltMissing => {
                item.kind() == "IMAGE"
                    && item
                        .image
                        .as_ref()
                        .and_then(|i| i.get("imageInfo"))
                        .and_then(|i| i.get("altText"))
                        .and_then(Value::as_str)
                        .map_or(true, |alt| alt.trim().is_empty())
            }
            Filter::TitleMissing => item.title.as_deref().map_or(true, |t| t.trim().is_empty()),
            Filter::DuplicateMedia => item
                .id
                .as_ref()
                .is_some_and(|id| facts.duplicate_media.contains(id)),
        }
    }
}

fn contains(text: Option<&str>, part: &str) -> bool {
    text.is_some_and(|t| t.to_lowercase().contains(&part.to_lowercase()))
}

fn tags(item: &Item) -> impl Iterator<Item = &str> {
    item.tags
        .as_ref()
        .and_then(|t| t.get("values"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// An item without a date never matches a date comparison: nothing is known about it.
fn compare(date: Option<&str>, cmp: Compare, at: &DateTime<Utc>) -> bool {
    let Some(date) = date.and_then(|d| DateTime::parse_from_rfc3339(d).ok()) else {
        return false;
    };
    match cmp {
        Compare::Before => date < *at,
        Compare::After => date > *at,
    }
}

/// Every name under which an item's media can be referred to: the Wix media id and URL of an
/// image, the id and URL of a video.
fn media_names(item: &Item) -> impl Iterator<Item = &str> {
    let image = item.image.as_ref().and_then(|i| i.get("imageInfo"));
    let video = item.video.as_ref().and_then(|v| v.get("videoInfo"));
    [
        image.and_then(|i| i.get("id")),
        image.and_then(|i| i.get("url")),
        video.and_then(|v| v.get("id")),
        video.and_then(|v| v.get("url")),
    ]
    .into_iter()
    .flatten()
    .filter_map(Value::as_str)
    .filter(|s| !s.is_empty())
}

/// The one key that says which media an item shows: the media id when there is one, else the
/// URL. Text items show no media and are never duplicates.
pub fn media_key(item: &Item) -> Option<String> {
    let pick = |info: Option<&Value>| -> Option<String> {
        let info = info?;
        ["id", "url"]
            .iter()
            .filter_map(|k| info.get(*k).and_then(Value::as_str))
            .find(|s| !s.is_empty())
            .map(str::to_string)
    };
    pick(item.image.as_ref().and_then(|i| i.get("imageInfo")))
        .map(|k| format!("image:{k}"))
        .or_else(|| {
            pick(item.video.as_ref().and_then(|v| v.get("videoInfo"))).map(|k| format!("video:{k}"))
        })
}
