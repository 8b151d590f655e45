//! `progallery items update`: one item from flags, or many from a JSONL/JSON file of edits.
//!
//! An update sends only what changes (PATCH). Fields the service replaces whole (`image`, `link`,
//! `tags`) are rebuilt from the item's current value when an edit touches only part of them
//! (alt text and focal point live in the image; `--add-tag` keeps the other tags; `--link-text`
//! keeps the URL), so those edits read the item first. `--clear-link` sends `"link": null`, the
//! one way to remove a field through a PATCH.

use std::collections::HashMap;

use anyhow::Result;
use futures::{stream, StreamExt};
use serde_json::{json, Map, Value};

use super::metadata::{
    check_link_target, check_link_url, check_sort_order, clean_tags, parse_focal_point, LinkSpec,
    Meta,
};
use crate::api::items;
use crate::api::model::Item;
use crate::cli::ItemsUpdateArgs;
use crate::commands::input::{read_input, require_guid};
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::CliError;

/// One item's edit.
#[derive(Debug, Clone, Default)]
struct Edit {
    meta: Meta,
    text: Option<String>,
    clear_link: bool,
    add_tags: Vec<String>,
    remove_tags: Vec<String>,
}

impl Edit {
    fn is_empty(&self) -> bool {
        let m = &self.meta;
        m.title.is_none()
            && m.description.is_none()
            && m.alt.is_none()
            && m.link.is_none()
            && m.tags.is_none()
            && m.focal_point.is_none()
            && m.sort_order.is_none()
            && self.text.is_none()
            && !self.clear_link
            && self.add_tags.is_empty()
            && self.remove_tags.is_empty()
    }

    fn needs_current(&self) -> bool {
        self.meta.touches_image()
            || self.meta.link.is_some()
            || !self.add_tags.is_empty()
            || !self.remove_tags.is_empty()
    }

    /// The PATCH body's `item`; `current` is the item as it is (when `needs_current`).
    fn changes(&self, current: Option<&Item>) -> Result<Map<String, Value>, String> {
        let mut changes = Map::new();
        if self.meta.touches_image() {
            let image = current.and_then(|c| c.image.clone()).ok_or_else(|| {
                format!(
                    "alt text and focal point apply to images; this is a {} item",
                    current.map_or("non-image", |c| c.kind())
                )
            })?;
            changes.insert("image".into(), image);
        }
        let current_link = current.and_then(|c| c.link.as_ref());
        if let Some(link) = &self.meta.link {
            let has_url = current_link
                .and_then(|l| l.get("url"))
                .and_then(Value::as_str)
                .is_some_and(|u| !u.is_empty());
            if link.url.is_none() && !has_url {
                return Err(
                    "the item has no link yet: give its URL too (--link / link)".to_string()
                );
            }
        }
        self.meta.apply(&mut changes, current_link);
        if self.clear_link {
            changes.insert("link".into(), Value::Null);
        }
        if let Some(html) = &self.text {
            changes.insert("text".into(), json!({ "html": html }));
        }
        if !self.add_tags.is_empty() || !self.remove_tags.is_empty() {
            let mut tags: Vec<String> = current
                .and_then(|c| c.tags.as_ref())
                .and_then(|t| t.get("values"))
                .and_then(Value::as_array)
                .map(|values| {
                    values
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            for tag in &self.add_tags {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
            tags.retain(|t| !self.remove_tags.contains(t));
            changes.insert("tags".into(), json!({ "values": tags }));
        }
        Ok(changes)
    }
}

/// What `--from-file` expects, for every error about its contents.
const EDITS_HINT: &str = "give one JSON object per line (or a JSON array), each with the item's \"id\" and the fields to change, e.g. {\"id\": \"…\", \"title\": \"New\"}";

pub async fn run(args: ItemsUpdateArgs, ctx: &Context) -> Result<i32> {
    if args.from_file.is_some() {
        return from_file(args, ctx).await;
    }
    let Some(item_id) = args.item_id.as_deref() else {
        return Err(
            CliError::usage("give ITEM_ID, or --from-file for many items")
                .with_hint("progallery items update GALLERY ITEM_ID --title \"New title\"")
                .into(),
        );
    };
    require_guid(item_id, "item id")?;
    let edit = Edit {
        meta: Meta::from_args(&args.metadata)?,
        text: args.text.clone(),
        clear_link: args.clear_link,
        add_tags: clean_tags(args.add_tags.iter().cloned()),
        remove_tags: clean_tags(args.remove_tags.iter().cloned()),
    };
    if edit.is_empty() {
        return Err(CliError::usage(
            "nothing to change: give --title, --description, --alt, --link, --tag, --add-tag, --remove-tag, --clear-link, --focal-point, --sort-order or --text",
        )
        .with_hint(format!("progallery items update {} {item_id} --title \"New title\"", args.gallery_id))
        .into());
    }
    let gallery = ctx.resolve_gallery(&args.gallery_id).await?;
    let client = ctx.client().await?;
    let current = if edit.needs_current() {
        Some(items::get(client, &gallery, item_id).await?)
    } else {
        None
    };
    let changes = edit
        .changes(current.as_ref())
        .map_err(|why| CliError::usage(format!("item {item_id}: {why}")))?;
    let updated = items::update(client, &gallery, item_id, Value::Object(changes)).await?;
    ctx.printer.one(&updated)?;
    Ok(0)
}

/// Edits for many items: every row is checked first (exit 2 naming line and field, nothing
/// sent); rows then go `--concurrency` at a time, their outcomes printed in file order
/// (`commands::outcome`); a failed row is reported and the others go on (exit 3).
async fn from_file(args: ItemsUpdateArgs, ctx: &Context) -> Result<i32> {
    let source = args.from_file.as_deref().unwrap_or("-");
    let name = if source == "-" { "stdin" } else { source };
    let text = read_input(source, "edits")?;
    let rows = parse_edits(name, &text)?;
    let gallery = ctx.resolve_gallery(&args.gallery_id).await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    ctx.handle_interrupts();
    let current: HashMap<String, Item> = if rows.iter().any(|(_, _, e)| e.needs_current()) {
        items::list_all(client, gallery)
            .await?
            .into_iter()
            .filter_map(|item| item.id.clone().map(|id| (id, item)))
            .collect()
    } else {
        HashMap::new()
    };
    let progress = ctx.printer.progress(rows.len() as u64, "updating items");
    let current = &current;
    let mut results = stream::iter(rows)
        .map(|(place, id, edit)| async move {
            let source = format!("{name} {place}");
            if ctx.was_interrupted() {
                return Outcome::new(Some(id), Status::NotSent).with_source(source);
            }
            let item = current.get(&id);
            let outcome = if edit.needs_current() && item.is_none() {
                Outcome::failed(
                    Some(id.clone()),
                    format!("item {id} is not in gallery {gallery}"),
                )
            } else {
                match edit.changes(item) {
                    Err(why) => Outcome::failed(Some(id.clone()), why),
                    Ok(changes) => {
                        match items::update(client, gallery, &id, Value::Object(changes)).await {
                            Ok(updated) => Outcome::of_item(updated, Status::Updated),
                            Err(e) => Outcome::new(Some(id.clone()), Status::Failed).with_cause(e),
                        }
                    }
                }
            };
            outcome.with_source(source)
        })
        .buffered(usize::from(args.concurrency));
    let mut report = Report::new(ctx, Rows::Items, outcome::UPDATED);
    while let Some(outcome) = results.next().await {
        report.add(outcome)?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    report.finish(gallery)
}

/// `(place, item id, edit)` per row of JSONL or a JSON array; all problems reported together.
fn parse_edits(name: &str, text: &str) -> Result<Vec<(String, String, Edit)>> {
    let trimmed = text.trim();
    let values: Vec<(String, Value)> = match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::Array(list)) => list
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("entry {}", i + 1), v))
            .collect(),
        Ok(other) if trimmed.lines().count() <= 1 => vec![("line 1".to_string(), other)],
        _ => {
            let mut values = Vec::new();
            for (number, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let value = serde_json::from_str::<Value>(line).map_err(|e| {
                    CliError::usage(format!("{name} line {}: not valid JSON: {e}", number + 1))
                        .with_hint(EDITS_HINT)
                })?;
                values.push((format!("line {}", number + 1), value));
            }
            values
        }
    };
    if values.is_empty() {
        return Err(CliError::usage(format!("{name} holds no edits"))
            .with_hint(EDITS_HINT)
            .into());
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (place, value) in values {
        let Value::Object(map) = value else {
            problems.push(format!("{name} {place}: an edit must be a JSON object"));
            continue;
        };
        match edit_row(&map) {
            Ok((id, edit)) => rows.push((place, id, edit)),
            Err(errors) => {
                problems.extend(errors.into_iter().map(|e| format!("{name} {place}, {e}")))
            }
        }
    }
    if !problems.is_empty() {
        // One problem fits on the error line; several are listed under it.
        let mut message = if let [only] = problems.as_slice() {
            format!("{only} (nothing was sent)")
        } else {
            format!("{name}: {} problem(s), nothing was sent:", problems.len())
        };
        if problems.len() > 1 {
            for p in problems.iter().take(20) {
                message.push_str("\n  ");
                message.push_str(p);
            }
        }
        return Err(CliError::usage(message).with_hint(EDITS_HINT).into());
    }
    Ok(rows)
}

fn edit_row(map: &Map<String, Value>) -> Result<(String, Edit), Vec<String>> {
    let mut edit = Edit::default();
    let mut errors = Vec::new();
    let mut id = None;
    let mut link = LinkSpec::default();
    let string = |v: &Value| -> Result<String, String> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("must be text, not {v}"))
    };
    let strings = |v: &Value| -> Result<Vec<String>, String> {
        match v {
            Value::String(s) => Ok(clean_tags(s.split(',').map(str::to_string))),
            Value::Array(list) => list
                .iter()
                .map(|t| {
                    t.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| format!("must be text, not {t}"))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(clean_tags),
            other => Err(format!("must be a list of text, not {other}")),
        }
    };
    for (key, value) in map {
        let result: Result<(), String> = (|| {
            match key.as_str() {
                "id" | "itemId" => {
                    let text = string(value)?;
                    if !crate::api::is_guid(&text) {
                        return Err(format!("{text:?} is not an item id (a GUID)"));
                    }
                    id = Some(text);
                }
                "title" => edit.meta.title = Some(string(value)?),
                "description" => edit.meta.description = Some(string(value)?),
                "alt" | "altText" => edit.meta.alt = Some(string(value)?),
                "text" => edit.text = Some(string(value)?),
                "link" => link.url = Some(check_link_url(&string(value)?)?),
                "linkText" => link.text = Some(string(value)?),
                "linkTarget" => link.target = Some(check_link_target(&string(value)?)?),
                "clearLink" => {
                    edit.clear_link = value.as_bool().ok_or("must be true or false")?
                }
                "tags" => edit.meta.tags = Some(strings(value)?),
                "addTags" => edit.add_tags = strings(value)?,
                "removeTags" => edit.remove_tags = strings(value)?,
                "focalPoint" => {
                    let text = match value {
                        Value::Object(p) => format!(
                            "{},{}",
                            p.get("x").unwrap_or(&Value::Null),
                            p.get("y").unwrap_or(&Value::Null)
                        ),
                        other => string(other)?,
                    };
                    edit.meta.focal_point = Some(parse_focal_point(&text)?);
                }
                "sortOrder" => {
                    let n = value.as_f64().ok_or("must be a number")?;
                    edit.meta.sort_order = Some(check_sort_order(n)?);
                }
                _ => return Err("unknown field (known: id, title, description, alt, link, linkText, linkTarget, clearLink, tags, addTags, removeTags, focalPoint, sortOrder, text)".to_string()),
            }
            Ok(())
        })();
        if let Err(why) = result {
            errors.push(format!("field {key}: {why}"));
        }
    }
    if link != LinkSpec::default() {
        if edit.clear_link {
            errors.push("field clearLink: cannot both set and clear the link".to_string());
        }
        edit.meta.link = Some(link);
    }
    if edit.meta.tags.is_some() && (!edit.add_tags.is_empty() || !edit.remove_tags.is_empty()) {
        errors.push("field tags: give tags, or addTags/removeTags, not both".to_string());
    }
    if id.is_none() {
        errors.push("field id: missing (the item to change)".to_string());
    } else if edit.is_empty() {
        errors.push("nothing to change".to_string());
    }
    match (id, errors.is_empty()) {
        (Some(id), true) => Ok((id, edit)),
        _ => Err(errors),
    }
}
