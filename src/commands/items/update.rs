//! `progallery items update`: one item from flags, or many from a JSONL/JSON file of edits.
//!
//! Each edit reads its item first, then sends only what changes (PATCH), and nothing at all when
//! the item already has the values asked for: it says "unchanged" (a row's outcome is `skipped`)
//! and prints the item as it is, so a no-op edit fires no webhook (a sync script writing back
//! what it was told about does not loop). Fields the service replaces whole (`image`, `link`,
//! `tags`) are rebuilt from the item's current value when an edit touches only part of them
//! (alt text and focal point live in the image; `--add-tag` keeps the other tags; `--tag` keeps
//! Wix's system tags `_…` unless `--drop-system-tags`; `--link-text` keeps the URL and the link's
//! type). Those read-modify-write edits hold the item's lock (`lock.rs`) from the read to the
//! write, so parallel progallery processes on this machine apply them one on top of the other
//! instead of losing one. The answer is checked for the change: a service that answers without
//! it is an error naming the item, never a reported success. `--clear-link` sends
//! `"link": null`, the one way to remove a field through a PATCH.

use anyhow::Result;
use futures::{stream, StreamExt};
use serde_json::{json, Map, Value};

use super::lock;
use super::metadata::{
    check_link_target, check_link_url, check_sort_order, clean_tags, parse_focal_point, LinkSpec,
    Meta,
};
use crate::api::items;
use crate::api::model::Item;
use crate::api::Client;
use crate::cli::ItemsUpdateArgs;
use crate::commands::input::{read_input, require_guid};
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::{CliError, Kind};

/// One item's edit.
#[derive(Debug, Clone, Default)]
struct Edit {
    meta: Meta,
    text: Option<String>,
    clear_link: bool,
    add_tags: Vec<String>,
    remove_tags: Vec<String>,
    /// With `tags`: the item's system tags (`_…`) go too.
    drop_system_tags: bool,
}

/// Wix's own tags (`_fileOrigin_uploaded`, `_unsplash_…`) start with an underscore.
fn is_system_tag(tag: &str) -> bool {
    tag.starts_with('_')
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

    /// Whether the new value is built from the current one (read-modify-write): such edits
    /// hold the item's lock from the read to the write.
    fn rebuilds_from_current(&self) -> bool {
        self.meta.touches_image()
            || self.meta.link.is_some()
            || !self.add_tags.is_empty()
            || !self.remove_tags.is_empty()
            || (self.meta.tags.is_some() && !self.drop_system_tags)
    }

    /// The PATCH body's `item`, from the item as it is.
    fn changes(&self, current: &Item) -> Result<Map<String, Value>, String> {
        let mut changes = Map::new();
        if self.meta.touches_image() {
            let image = current.image.clone().ok_or_else(|| {
                format!(
                    "alt text and focal point apply to images; this is a {} item",
                    current.kind()
                )
            })?;
            changes.insert("image".into(), image);
        }
        let current_link = current.link.as_ref();
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
        let current_tags: Vec<String> = current
            .tags
            .as_ref()
            .and_then(|t| t.get("values"))
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(given) = &self.meta.tags {
            // The tags that stay keep their places (so the same tags again change nothing),
            // then the new ones in the order given.
            let stays =
                |t: &String| given.contains(t) || (is_system_tag(t) && !self.drop_system_tags);
            let mut tags: Vec<String> = current_tags.iter().filter(|t| stays(t)).cloned().collect();
            for tag in given {
                if !tags.contains(tag) {
                    tags.push(tag.clone());
                }
            }
            changes.insert("tags".into(), json!({ "values": tags }));
        }
        if !self.add_tags.is_empty() || !self.remove_tags.is_empty() {
            let mut tags = current_tags;
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

/// Two JSON values that say the same: numbers by value (`5` and `5.0`), objects whatever the
/// order of their keys.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Whether `got` holds everything of `sent` (the service may add fields of its own).
fn holds_json(got: &Value, sent: &Value) -> bool {
    match (got, sent) {
        (Value::Object(g), Value::Object(s)) => s.iter().all(|(k, v)| match g.get(k) {
            Some(w) => holds_json(w, v),
            None => v.is_null(),
        }),
        _ => same_json(got, sent),
    }
}

fn field_of<'a>(item: &'a Value, name: &str) -> Option<&'a Value> {
    item.get(name).filter(|v| !v.is_null())
}

/// Whether the item already has every value of `changes` (a null: the field is absent).
fn unchanged(changes: &Map<String, Value>, current: &Item) -> bool {
    let current = serde_json::to_value(current).unwrap_or_default();
    changes
        .iter()
        .all(|(name, value)| match (field_of(&current, name), value) {
            (None, Value::Null) => true,
            (Some(now), wanted) => same_json(now, wanted),
            (None, _) => false,
        })
}

/// The first field of `changes` the service's answer does not show.
fn missing_change(changes: &Map<String, Value>, updated: &Item) -> Option<String> {
    let updated = serde_json::to_value(updated).unwrap_or_default();
    changes
        .iter()
        .find(|(name, value)| match (field_of(&updated, name), value) {
            (None, Value::Null) => false,
            (Some(got), sent) => !holds_json(got, sent),
            (None, _) => true,
        })
        .map(|(name, _)| name.clone())
}

/// How one edit ended.
enum Applied {
    Updated(Item),
    /// Nothing sent: the item already had the values.
    Unchanged(Item),
}

/// Why an edit was not applied: a mistake in the edit for this item, or the service.
enum Refused {
    Edit(String),
    Api(crate::api::ApiError),
    /// The service answered success without the change.
    NotApplied(String),
}

/// Reads the item, and unless it already has the values, writes the change and checks the
/// answer holds it. A read-modify-write edit holds the item's lock throughout.
async fn apply(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    item_id: &str,
    edit: &Edit,
    say_waiting: bool,
) -> Result<Applied, Refused> {
    let _held = if edit.rebuilds_from_current() {
        let path = lock::edit_lock_path(
            &ctx.paths.data_dir,
            &crate::hashcache::site_key_of(ctx, client),
            gallery,
            item_id,
        );
        lock::acquire_or_warn(&ctx.printer, &path, || {
            if say_waiting {
                ctx.printer.notice(&format!(
                    "waiting for another progallery process editing item {item_id} on this machine"
                ));
            }
        })
        .await
    } else {
        None
    };
    let current = items::get(client, gallery, item_id)
        .await
        .map_err(Refused::Api)?;
    let changes = edit.changes(&current).map_err(Refused::Edit)?;
    if unchanged(&changes, &current) {
        return Ok(Applied::Unchanged(current));
    }
    let updated = items::update(client, gallery, item_id, Value::Object(changes.clone()))
        .await
        .map_err(Refused::Api)?;
    match missing_change(&changes, &updated) {
        Some(field) => Err(Refused::NotApplied(format!(
            "the service answered success, but item {item_id} does not show the new {field}"
        ))),
        None => Ok(Applied::Updated(updated)),
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
        drop_system_tags: args.drop_system_tags,
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
    let gallery = gallery.as_str();
    match apply(ctx, client, gallery, item_id, &edit, true).await {
        Ok(Applied::Updated(updated)) => ctx.printer.one(&updated)?,
        Ok(Applied::Unchanged(current)) => {
            ctx.printer.one(&current)?;
            ctx.printer.notice(&format!(
                "item {item_id} unchanged: it already has these values; nothing was sent"
            ));
        }
        Err(Refused::Edit(why)) => {
            return Err(CliError::usage(format!("item {item_id}: {why}")).into())
        }
        Err(Refused::Api(e)) => return Err(e.into()),
        Err(Refused::NotApplied(why)) => {
            return Err(CliError::new(Kind::General, why)
                .with_hint(format!(
                    "look at it with `progallery items get {gallery} {item_id}`, then run the same update again"
                ))
                .into())
        }
    }
    Ok(0)
}

/// Edits for many items: every row is checked first (exit 2 naming line and field, nothing
/// sent); rows then go `--concurrency` at a time, each reading its item just before writing it,
/// their outcomes printed in file order (`commands::outcome`); a failed row is reported and the
/// others go on (exit 3).
async fn from_file(args: ItemsUpdateArgs, ctx: &Context) -> Result<i32> {
    let source = args.from_file.as_deref().unwrap_or("-");
    let name = if source == "-" { "stdin" } else { source };
    let text = read_input(source, "edits")?;
    let rows = parse_edits(name, &text)?;
    let gallery = ctx.resolve_gallery(&args.gallery_id).await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    ctx.handle_interrupts();
    let progress = ctx.printer.progress(rows.len() as u64, "updating items");
    let mut results = stream::iter(rows)
        .map(|(place, id, edit)| async move {
            let source = format!("{name} {place}");
            if ctx.was_interrupted() {
                return Outcome::new(Some(id), Status::NotSent).with_source(source);
            }
            let outcome = match apply(ctx, client, gallery, &id, &edit, false).await {
                Ok(Applied::Updated(updated)) => Outcome::of_item(updated, Status::Updated),
                Ok(Applied::Unchanged(current)) => Outcome::of_item(current, Status::Skipped)
                    .with_error("unchanged: it already has these values"),
                Err(Refused::Edit(why) | Refused::NotApplied(why)) => {
                    Outcome::failed(Some(id.clone()), why)
                }
                Err(Refused::Api(e)) => {
                    Outcome::new(Some(id.clone()), Status::Failed).with_cause(e)
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
                "dropSystemTags" => {
                    edit.drop_system_tags = value.as_bool().ok_or("must be true or false")?
                }
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
                _ => return Err("unknown field (known: id, title, description, alt, link, linkText, linkTarget, clearLink, tags, dropSystemTags, addTags, removeTags, focalPoint, sortOrder, text)".to_string()),
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
    if edit.drop_system_tags && edit.meta.tags.is_none() {
        errors
            .push("field dropSystemTags: goes with tags (the list that replaces them)".to_string());
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
