//! `progallery items add`: one item from media that already lives in Wix (a Wix media id or a
//! static.wixstatic.com URL, with its size), a YouTube or Vimeo URL, or HTML text; or many items
//! from a JSON/JSONL file. Every item is checked before the first one is sent.

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::metadata_fields;
use crate::api::items;
use crate::api::model::Item;
use crate::cli::ItemsAddArgs;
use crate::commands::{read_input, require_guid};
use crate::context::Context;
use crate::error::{CliError, Kind};

const WIX_MEDIA_BASE: &str = "https://static.wixstatic.com/media/";

pub async fn run(args: ItemsAddArgs, ctx: &Context) -> Result<i32> {
    require_guid(&args.gallery_id, "gallery id")?;
    let batch = match &args.from_file {
        Some(source) => {
            let meta = &args.metadata;
            if meta.title.is_some()
                || meta.description.is_some()
                || meta.alt.is_some()
                || meta.link.is_some()
                || !meta.tags.is_empty()
                || meta.sort_order.is_some()
                || args.width.is_some()
                || args.height.is_some()
            {
                return Err(CliError::usage(
                    "--from-file takes every field from the file; drop the other flags",
                )
                .into());
            }
            items_from_file(source)?
        }
        None => vec![item_from_flags(&args)?],
    };
    let client = ctx.client().await?;
    if args.from_file.is_none() {
        // One item from flags prints like `items get` (an object in json), not as a list.
        let created = items::create(client, &args.gallery_id, &batch[0], ctx.attempts()).await?;
        ctx.printer.one(&created)?;
        return Ok(0);
    }
    ctx.handle_interrupts();
    let mut out = ctx.printer.list::<Item>()?;
    let total = batch.len();
    let progress = ctx.printer.progress(total as u64, "adding items");
    for (index, item) in batch.iter().enumerate() {
        if ctx.was_interrupted() {
            out.finish()?;
            progress.finish_and_clear();
            return Err(CliError::new(
                Kind::Interrupted,
                format!("interrupted: added {index} of {total} items"),
            )
            .into());
        }
        match items::create(client, &args.gallery_id, item, ctx.attempts()).await {
            Ok(created) => {
                out.push(&created)?;
                out.page_done()?;
                progress.inc(1);
            }
            Err(e) => {
                out.finish()?;
                progress.finish_and_clear();
                let error = anyhow::Error::new(e);
                if index == 0 {
                    return Err(error);
                }
                ctx.printer
                    .warn(&format!("item {} of {total}: {error:#}", index + 1));
                return Err(CliError::new(
                    Kind::Partial,
                    format!("added {index} of {total} items; item {} failed (above) and the rest were not sent", index + 1),
                )
                .with_hint("fix the failing item and add the rest from a file without the ones already added")
                .into());
            }
        }
    }
    progress.finish_and_clear();
    out.finish()?;
    if total > 1 {
        ctx.printer.notice(&format!(
            "added {total} items to gallery {}",
            args.gallery_id
        ));
    }
    Ok(0)
}

/// Builds one item from MEDIA / `--text` and the metadata flags.
fn item_from_flags(args: &ItemsAddArgs) -> Result<Value> {
    let mut item = metadata_fields(&args.metadata)?;
    let is_image;
    if let Some(html) = &args.text {
        item.insert("text".into(), json!({ "html": html }));
        is_image = false;
    } else if let Some(media) = &args.media {
        let (key, value) = media_field(media, args.width, args.height)?;
        is_image = key == "image";
        item.insert(key.into(), value);
    } else {
        return Err(CliError::usage("give MEDIA, --text or --from-file").into());
    }
    if !is_image && (args.width.is_some() || args.height.is_some()) {
        return Err(CliError::usage("--width and --height apply to images only").into());
    }
    if let Some(alt) = &args.metadata.alt {
        let info = item
            .get_mut("image")
            .and_then(|image| image.get_mut("imageInfo"))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| CliError::usage("--alt applies to images only"))?;
        info.insert("altText".into(), json!(alt));
    }
    Ok(Value::Object(item))
}

/// `("image"|"video", value)` for a MEDIA argument.
fn media_field(
    media: &str,
    width: Option<u32>,
    height: Option<u32>,
) -> Result<(&'static str, Value)> {
    let image = |id: &str, url: String| -> Result<(&'static str, Value)> {
        let (Some(width), Some(height)) = (width, height) else {
            return Err(CliError::usage(format!(
                "an image needs its original size: add --width and --height (in pixels) for {media}"
            ))
            .into());
        };
        let mut info = Map::new();
        if !id.is_empty() {
            info.insert("id".into(), json!(id));
        }
        info.insert("url".into(), json!(url));
        info.insert("width".into(), json!(width));
        info.insert("height".into(), json!(height));
        Ok(("image", json!({ "type": "WIX_MEDIA", "imageInfo": info })))
    };
    if media.starts_with("http://") || media.starts_with("https://") {
        let url = url::Url::parse(media)
            .map_err(|e| CliError::usage(format!("{media:?} is not a URL: {e}")))?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        return match host {
            "youtube.com" | "m.youtube.com" | "youtu.be" | "youtube-nocookie.com" => {
                Ok(("video", json!({ "type": "YOUTUBE", "videoInfo": { "url": media } })))
            }
            "vimeo.com" | "player.vimeo.com" => Ok(("video", json!({ "type": "VIMEO", "videoInfo": { "url": media } }))),
            "static.wixstatic.com" => {
                let id = url
                    .path()
                    .strip_prefix("/media/")
                    .and_then(|rest| rest.split('/').next())
                    .filter(|id| !id.is_empty())
                    .ok_or_else(|| CliError::usage(format!("{media} is not a Wix media URL (expected https://static.wixstatic.com/media/<id>)")))?;
                image(id, media.to_string())
            }
            _ => Err(CliError::usage(format!(
                "{media}: only media already in Wix (static.wixstatic.com URLs or media ids) and YouTube/Vimeo URLs can be added for now"
            ))
            .with_hint("upload the file to the site's Media Manager first, then add it by its media id")
            .into()),
        };
    }
    let looks_like_media_id = media.contains('.')
        && !media.contains('/')
        && media
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_~.-".contains(c));
    if !looks_like_media_id {
        return Err(CliError::usage(format!(
            "{media:?} is neither a Wix media id (like 11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg) nor a URL"
        ))
        .into());
    }
    image(media, format!("{WIX_MEDIA_BASE}{media}"))
}

/// Reads items from JSON (one object, an array, `{"item": …}` or `{"items": […]}`) or JSONL, and
/// checks each has exactly one of image/video/text.
fn items_from_file(source: &str) -> Result<Vec<Value>> {
    let text = read_input(source, "items")?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CliError::usage(format!("{source} holds no items")).into());
    }
    let values: Vec<(String, Value)> = match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::Array(list)) => list
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("item {}", i + 1), v))
            .collect(),
        Ok(Value::Object(mut map)) => {
            if let Some(Value::Array(list)) = map.remove("items") {
                list.into_iter()
                    .enumerate()
                    .map(|(i, v)| (format!("item {}", i + 1), v))
                    .collect()
            } else if let Some(item) = map.remove("item") {
                vec![("the item".to_string(), item)]
            } else {
                vec![("the item".to_string(), Value::Object(map))]
            }
        }
        Ok(_) => {
            return Err(CliError::usage(format!("{source} must hold JSON objects (items)")).into())
        }
        Err(whole) => {
            // Not one JSON document: read it as JSON lines.
            let mut values = Vec::new();
            for (number, line) in trimmed.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let value = serde_json::from_str::<Value>(line).map_err(|e| {
                    let why = if trimmed.lines().count() == 1 {
                        whole.to_string()
                    } else {
                        e.to_string()
                    };
                    CliError::usage(format!(
                        "{source} line {}: not valid JSON: {why}",
                        number + 1
                    ))
                })?;
                values.push((format!("line {}", number + 1), value));
            }
            values
        }
    };
    if values.is_empty() {
        return Err(CliError::usage(format!("{source} holds no items")).into());
    }
    let mut checked = Vec::with_capacity(values.len());
    for (place, value) in values {
        let Value::Object(map) = value else {
            return Err(CliError::usage(format!(
                "{source} {place}: an item must be a JSON object"
            ))
            .into());
        };
        let kinds = ["image", "video", "text"]
            .iter()
            .filter(|k| map.contains_key(**k))
            .count();
        if kinds != 1 {
            return Err(CliError::usage(format!(
                "{source} {place}: an item needs exactly one of image, video or text (found {kinds})"
            ))
            .into());
        }
        checked.push(Value::Object(map));
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_kinds() {
        let (k, v) = media_field("https://youtu.be/abc", None, None).unwrap();
        assert_eq!((k, v["type"].as_str()), ("video", Some("YOUTUBE")));
        let (k, v) = media_field("https://vimeo.com/1", None, None).unwrap();
        assert_eq!((k, v["type"].as_str()), ("video", Some("VIMEO")));
        let (k, v) = media_field("11062b_abc~mv2.jpeg", Some(10), Some(20)).unwrap();
        assert_eq!(k, "image");
        assert_eq!(
            v["imageInfo"]["url"],
            "https://static.wixstatic.com/media/11062b_abc~mv2.jpeg"
        );
        let (_, v) = media_field(
            "https://static.wixstatic.com/media/11062b_abc~mv2.jpeg/v1/fill/x.jpg",
            Some(1),
            Some(1),
        )
        .unwrap();
        assert_eq!(v["imageInfo"]["id"], "11062b_abc~mv2.jpeg");
        assert!(media_field("11062b_abc~mv2.jpeg", None, Some(1)).is_err());
        assert!(media_field("https://example.com/a.jpg", Some(1), Some(1)).is_err());
        assert!(media_field("not an id", Some(1), Some(1)).is_err());
    }
}
