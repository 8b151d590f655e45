//! `progallery items download GALLERY DIR [ITEM_ID…] [--where EXPR]`: the media files of the
//! selected items (all of them by default), named `0001-title.ext` in gallery order, and
//! `mapping.jsonl` — one line per selected item: `{"itemId", "mediaId", "type", "path", "url",
//! "size", "sha256"}` (`path` null for a YouTube/Vimeo link or a text item; `url` the link then),
//! the input another platform's importer needs. The selection is `items list --where`'s, so what
//! a user looked at is what is downloaded. A rerun into the same folder resumes.

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::export::{finish_downloads, Failure};
use super::files::{read_json_lines, write_atomically};
use super::manifest::{self, Partial};
use super::media::{self, Downloads, Job, MediaFile};
use super::naming;
use crate::api::model::Item;
use crate::cli::ItemsDownloadArgs;
use crate::commands::input::require_guid;
use crate::context::Context;
use crate::output::Record;
use crate::select::{self, Criteria};

pub const MAPPING: &str = "mapping.jsonl";

/// One line of `mapping.jsonl`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub item_id: String,
    pub media_id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    /// The file, relative to the folder; null when the item has none (a link, a text).
    pub path: Option<String>,
    /// Where the item shows its media: the original's URL, or the video link.
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Record for Mapping {
    const HEADERS: &'static [&'static str] = &["ID", "TYPE", "FILE", "SIZE"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        let size = self.size.map(|s| {
            if for_table {
                indicatif::HumanBytes(s).to_string()
            } else {
                s.to_string()
            }
        });
        vec![
            self.item_id.clone(),
            self.kind.clone(),
            self.path
                .clone()
                .or_else(|| self.url.clone())
                .unwrap_or_default(),
            size.unwrap_or_default(),
        ]
    }

    fn id(&self) -> String {
        self.item_id.clone()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

pub async fn run(args: ItemsDownloadArgs, ctx: &Context) -> Result<i32> {
    for id in &args.item_ids {
        require_guid(id, "item id")?;
    }
    let filter = match &args.where_expr {
        Some(expr) => Some(select::filter::parse(expr, chrono::Utc::now())?),
        None => None,
    };
    let gallery_id = ctx.resolve_gallery(&args.gallery_id).await?;
    let gallery = gallery_id.as_str();
    let mut ids = args.item_ids.clone();
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    let criteria = Criteria {
        all: ids.is_empty() && filter.is_none(),
        ids,
        filter,
    };
    let client = ctx.client().await?;
    let selection = select::select(client, gallery, &criteria, &ctx.printer).await?;
    for id in &selection.missing {
        ctx.printer
            .warn(&format!("item {id} is not in gallery {gallery}; skipped"));
    }
    let dir = &args.dir;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    ctx.handle_interrupts();
    let items = selection.items;
    let mut previous = manifest::previous(dir)?;
    for line in read_json_lines::<Mapping>(&dir.join(MAPPING))? {
        if let (Some(path), Some(size), Some(sha256)) = (line.path, line.size, line.sha256) {
            previous.entry((line.item_id, false)).or_insert(MediaFile {
                media_id: line.media_id,
                file: path,
                size,
                sha256,
                content_type: None,
                from: String::new(),
                url: line.url,
            });
        }
    }
    let mut rows: Vec<Mapping> = items.iter().map(row_of).collect();
    let jobs = jobs_for(&items, &previous);
    let downloads = Downloads::new(ctx, client, dir, "", usize::from(args.concurrency))?;
    let mut partial = Partial::open(dir)?;
    let mut failures = Vec::new();
    let (mut files, mut bytes) = (0usize, 0u64);
    downloads
        .run(jobs, |job, result| {
            let row = &mut rows[job.key];
            match result {
                Some(Ok(file)) => {
                    partial.log(&row.item_id, false, &file)?;
                    files += 1;
                    bytes += file.size;
                    row.path = Some(file.file);
                    row.size = Some(file.size);
                    row.sha256 = Some(file.sha256);
                }
                Some(Err(failure)) => {
                    row.error = Some(failure.message.clone());
                    failures.push(Failure {
                        label: format!("item {} ({})", row.item_id, job.stem),
                        message: failure.message,
                        cause: failure.cause,
                    });
                }
                None => row.error = Some("not downloaded: interrupted".into()),
            }
            Ok(())
        })
        .await?;
    write_atomically(&dir.join(MAPPING), &super::files::json_lines(&rows)?)?;
    manifest::clear_partial(dir)?;
    let mut out = ctx.printer.list::<Mapping>()?;
    for row in &rows {
        out.push(row)?;
    }
    out.finish()?;
    let summary = format!(
        "downloaded {files} file(s) ({}) of {} selected item(s) of gallery {gallery} into {}; mapping: {}",
        indicatif::HumanBytes(bytes),
        rows.len(),
        dir.display(),
        dir.join(MAPPING).display()
    );
    finish_downloads(ctx, summary, files, failures, "download")
}

/// The mapping line of an item before its file is fetched.
fn row_of(item: &Item) -> Mapping {
    let main = media::main_media(item);
    Mapping {
        item_id: item.id.clone().unwrap_or_default(),
        media_id: main.as_ref().and_then(|m| m.media_id.clone()),
        kind: item.kind().to_string(),
        path: None,
        url: main.and_then(|m| m.url).or_else(|| media::video_link(item)),
        ..Mapping::default()
    }
}

/// One job per selected item that has a file.
fn jobs_for(items: &[Item], previous: &HashMap<(String, bool), MediaFile>) -> Vec<Job> {
    let width = naming::position_width(items.len());
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let id = item.id.clone().unwrap_or_default();
            Some(Job {
                key: index,
                poster: false,
                media: media::main_media(item)?,
                stem: naming::stem(index + 1, width, item.title.as_deref(), item.kind()),
                previous: previous.get(&(id, false)).cloned(),
            })
        })
        .collect()
}
