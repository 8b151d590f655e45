//! `progallery galleries import DIR [--into GALLERY]`: an export (`galleries export`) into the
//! current profile's site, which may be another site than the one it came from. Each media file is
//! uploaded into this site's Media Manager through the same code as `items add` (new media ids),
//! and the items are created in the same order with all their metadata. `galleries copy` runs the
//! same engine with files streamed from the source site instead of read from a folder.
//!
//! Never twice: `idmap.jsonl` (see `idmap.rs`) records the gallery it fills, the position planned
//! for every item (before the first create) and each item made. A rerun after an interruption
//! skips the items the map names, and also the item found at an item's planned position with the
//! same kind, title and description (one created just before a crash, whose line was never
//! written); it creates only the rest. Positions: into an empty gallery the items keep their own
//! `sortOrder` (so the copy orders exactly as the original); into a gallery that holds items they
//! go after its last one, in the same order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use futures::{stream, StreamExt};
use serde_json::{json, Map, Value};

use super::export::GALLERY_JSON;
use super::files;
use super::idmap::{IdMap, IDMAP};
use super::manifest::{self, Entry};
use super::media::{self, Downloads, MediaFile, MediaRef};
use super::naming;
use crate::api::model::{Gallery, Item};
use crate::api::{galleries, items, ApiError, Client};
use crate::cli::GalleriesImportArgs;
use crate::commands::items::add::{self, AddSource as Source, Job, Shared, Uploads};
use crate::commands::items::metadata::Meta;
use crate::commands::items::ordering::{self, Slot};
use crate::commands::outcome::{Outcome, Report, Rows, Status, Wording};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::hashcache::site_key_of;

/// `galleries import` and `galleries copy`.
pub const IMPORTED: Wording = Wording {
    done: "imported",
    preposition: "into",
    unchanged: &[(Status::Present, "already there")],
    retry_hint: Some(
        "run the same command again: what is already there is skipped, only the rest is added",
    ),
    interrupted_hint: Some(
        "run the same command again to finish: what is already there is skipped",
    ),
    stopped_hint: Some(
        "fix the cause, then run the same command again: what is already there is skipped",
    ),
};

/// What the Editor note says when a gallery is created through the API.
pub const EDITOR_NOTE: &str = "a gallery created through the API does not show on the live site until the site owner adds a Pro Gallery in the Editor and connects it to this gallery";

pub async fn run(args: GalleriesImportArgs, ctx: &Context) -> Result<i32> {
    let into = match &args.into {
        Some(into) => Some(ctx.resolve_gallery(into).await?),
        None => None,
    };
    let (gallery, entries) = read_export(&args.dir)?;
    let client = ctx.client().await?;
    let idmap = IdMap::open(&args.dir.join(IDMAP), &site_key_of(ctx, client))?;
    let files = Files::Folder {
        dir: args.dir.clone(),
        entries,
    };
    let target = Target {
        into,
        yes: args.yes,
    };
    import(
        ctx,
        client,
        gallery,
        files,
        idmap,
        target,
        usize::from(args.concurrency),
    )
    .await
}

/// Where the items go.
pub struct Target {
    pub into: Option<String>,
    pub yes: bool,
}

/// Where the media files come from.
pub enum Files<'a> {
    /// An export folder: the manifest says which file is whose.
    Folder {
        dir: PathBuf,
        entries: HashMap<String, Entry>,
    },
    /// The source site itself: each file fetched to a temporary folder just before its upload, and
    /// removed after (`galleries copy` without `--keep`).
    Stream {
        downloads: Downloads<'a>,
        width: usize,
    },
}

impl Files<'_> {
    /// The local file of an item's media, the SHA-256 it must have, and whether it is temporary.
    async fn obtain(
        &self,
        position: usize,
        item: &Item,
        main: MediaRef,
    ) -> Result<(PathBuf, String, bool), Failed> {
        match self {
            Files::Folder { dir, entries } => {
                let id = item.id.clone().unwrap_or_default();
                let file = entries
                    .get(&id)
                    .and_then(|e| e.media.as_ref())
                    .ok_or_else(|| Failed::new("the export has no file for its media"))?;
                let path = files::inside(dir, &file.file).ok_or_else(|| {
                    Failed::new(format!("{:?} is not a path inside the export", file.file))
                })?;
                Ok((path, file.sha256.clone(), false))
            }
            Files::Stream { downloads, width } => {
                let job = media::Job {
                    key: position,
                    poster: false,
                    media: main,
                    stem: naming::stem(position, *width, item.title.as_deref(), item.kind()),
                    previous: None,
                };
                let file: MediaFile = downloads.fetch_one(&job).await.map_err(|f| Failed {
                    message: format!("downloading it from the source site: {}", f.message),
                    cause: f.cause,
                })?;
                Ok((downloads.root.join(&file.file), file.sha256, true))
            }
        }
    }
}

/// Why an item was not imported.
struct Failed {
    message: String,
    cause: Option<ApiError>,
}

impl Failed {
    fn new(message: impl Into<String>) -> Failed {
        Failed {
            message: message.into(),
            cause: None,
        }
    }
}

/// Reads and checks an export folder: the gallery with every item, and the manifest's entries by
/// item id. Anything missing is a usage error naming it, before anything is sent.
pub fn read_export(dir: &Path) -> Result<(Gallery, HashMap<String, Entry>)> {
    let path = dir.join(GALLERY_JSON);
    let text =
        crate::commands::input::read_input(&path.display().to_string(), "the export's gallery")
            .map_err(|e| {
                CliError::usage(format!("{e:#}")).with_hint(
                    "give a folder written by `progallery galleries export GALLERY_ID DIR`",
                )
            })?;
    let json: Value = serde_json::from_str(&text).map_err(|e| {
        CliError::usage(format!("{} is not JSON: {e}", path.display()))
            .with_hint("give a folder written by `progallery galleries export GALLERY_ID DIR`")
    })?;
    let json = json.get("gallery").cloned().unwrap_or(json);
    let gallery: Gallery = serde_json::from_value(json).map_err(|e| {
        CliError::usage(format!("{} does not hold a gallery: {e}", path.display()))
            .with_hint("give a folder written by `progallery galleries export GALLERY_ID DIR`")
    })?;
    let items = gallery.items.clone().unwrap_or_default();
    if let Some(total) = gallery.total_items.filter(|t| *t > items.len() as u64) {
        return Err(CliError::usage(format!(
            "{} holds {} of the gallery's {total} items; importing it would lose the rest",
            path.display(),
            items.len()
        ))
        .with_hint("export the gallery whole with `progallery galleries export GALLERY_ID DIR`")
        .into());
    }
    let entries: HashMap<String, Entry> = manifest::read(dir)?
        .into_iter()
        .map(|e| (e.item_id.clone(), e))
        .collect();
    let mut problems = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if !reuploads(item) {
            continue;
        }
        let id = item.id.clone().unwrap_or_default();
        let label = format!("item {} ({id})", index + 1);
        match entries.get(&id).and_then(|e| e.media.as_ref()) {
            None => problems.push(format!("{label}: no media file in the export")),
            Some(file) if files::inside(dir, &file.file).is_none() => problems.push(format!(
                "{label}: the manifest names {:?}, which is not a path inside the export",
                file.file
            )),
            Some(file) => match std::fs::metadata(dir.join(&file.file)) {
                Ok(meta) if meta.len() == file.size => {}
                Ok(meta) => problems.push(format!(
                    "{label}: {} has {} bytes, the export recorded {}",
                    file.file,
                    meta.len(),
                    file.size
                )),
                Err(e) => problems.push(format!("{label}: {}: {e}", file.file)),
            },
        }
    }
    if !problems.is_empty() {
        let count = problems.len();
        let mut message = format!(
            "{}: {count} item(s) lack their media file; nothing was sent:",
            dir.display()
        );
        for problem in problems.iter().take(20) {
            message.push_str("\n  ");
            message.push_str(problem);
        }
        if count > 20 {
            message.push_str(&format!("\n  … and {} more", count - 20));
        }
        let hint = if entries.is_empty() {
            "the export has no media (written with --no-media?): export again without it"
        } else {
            "run the same `galleries export` again into this folder: it fetches what is missing"
        };
        return Err(CliError::usage(message).with_hint(hint).into());
    }
    Ok((gallery, entries))
}

/// Whether an item's media is uploaded again: Wix media (a media id) yes; an external image, a
/// YouTube or Vimeo link, a text item keep what they show.
fn reuploads(item: &Item) -> bool {
    media::wix_media_id(item).is_some()
}

/// Imports `source` (the gallery and every item) into the target site.
pub async fn import(
    ctx: &Context,
    client: &Client,
    source: Gallery,
    files: Files<'_>,
    mut idmap: IdMap,
    target: Target,
    concurrency: usize,
) -> Result<i32> {
    let items = source.items.clone().unwrap_or_default();
    let old_gallery = source.id.clone().unwrap_or_default();
    let (gallery_id, gallery_status) =
        target_gallery(ctx, client, &source, &mut idmap, &target, items.len()).await?;
    ctx.handle_interrupts();
    let existing = items::list_all(client, &gallery_id).await?;
    let mut plan = idmap.plan(&gallery_id);
    if items
        .iter()
        .any(|i| !plan.contains_key(i.id.as_deref().unwrap_or("")))
    {
        let planned = plan_positions(&items, &existing);
        let lines: Vec<(String, f64)> = items
            .iter()
            .zip(planned)
            .map(|(item, value)| (item.id.clone().unwrap_or_default(), value))
            .filter(|(old, _)| !plan.contains_key(old))
            .collect();
        idmap.record_plan(&gallery_id, &lines)?;
        plan.extend(lines);
    }
    let mapped = idmap.items(&gallery_id);
    let by_id: HashMap<&str, &Item> = existing
        .iter()
        .filter_map(|i| i.id.as_deref().map(|id| (id, i)))
        .collect();
    let by_position: HashMap<u64, &Item> = existing
        .iter()
        .filter_map(|i| ordering::sort_order_of(i).map(|s| (s.to_bits(), i)))
        .collect();
    let mut report = Report::new(ctx, Rows::Galleries, IMPORTED);
    let mut to_create = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let old = item.id.clone().unwrap_or_default();
        let position = plan.get(&old).copied().unwrap_or_default();
        let known = mapped.get(&old).and_then(|new| by_id.get(new.as_str()));
        let at_place = by_position
            .get(&position.to_bits())
            .filter(|there| same_item(there, item));
        match known.or(at_place) {
            Some(there) => {
                if known.is_none() {
                    let new = there.id.clone().unwrap_or_default();
                    idmap.record_item(
                        &gallery_id,
                        &old,
                        &new,
                        media::wix_media_id(item),
                        media::wix_media_id(there),
                    )?;
                }
                report.add(
                    Outcome::of_item((*there).clone(), Status::Present).with_original_id(old),
                )?;
            }
            None => to_create.push((index, item, position)),
        }
    }
    // Uploaded files are usable once READY: one waiter asks about all of them together.
    let uploads = Uploads::open(ctx, client, &gallery_id)?;
    let shared = uploads.shared(client, &gallery_id, ctx.attempts());
    let progress = ctx
        .printer
        .progress(to_create.len() as u64, "importing items");
    let (shared, files, gallery_ref) = (&shared, &files, gallery_id.as_str());
    let mut running = stream::iter(to_create)
        .map(|(index, item, position)| async move {
            if ctx.was_interrupted() {
                return (item, None);
            }
            let result = create_one(ctx, shared, files, gallery_ref, index, item, position).await;
            (item, Some(result))
        })
        .buffer_unordered(concurrency.max(1));
    // The creates run while the waiter asks the Media Manager about the files they wait for.
    uploads
        .waiter
        .alongside(client, async {
            while let Some((item, result)) = running.next().await {
                let old = item.id.clone().unwrap_or_default();
                let outcome = match result {
                    None => Outcome::new(None, Status::NotSent),
                    Some(Ok(created)) => {
                        let new = created.id.clone().unwrap_or_default();
                        idmap.record_item(
                            &gallery_id,
                            &old,
                            &new,
                            media::wix_media_id(item),
                            media::wix_media_id(&created),
                        )?;
                        Outcome::of_item(created, Status::Added)
                    }
                    Some(Err(failed)) => Outcome::failed_by(None, failed.message, failed.cause),
                };
                progress.inc(1);
                progress.suspend(|| report.add(outcome.with_original_id(old)))?;
            }
            Ok::<(), anyhow::Error>(())
        })
        .await?;
    drop(running);
    progress.finish_and_clear();
    idmap.sync()?;
    let current = galleries::get(client, &gallery_id, 0, Some(1)).await?;
    let mut gallery_outcome = Outcome::new(Some(gallery_id.clone()), gallery_status)
        .with_gallery(current)
        .with_original_id(old_gallery);
    gallery_outcome.source = Some(idmap.path().display().to_string());
    report.add_uncounted(gallery_outcome)?;
    report.closing_notice = Some(format!("old → new ids: {}", idmap.path().display()));
    report.finish(&gallery_id)
}

/// The gallery to fill: `--into`, the one an earlier run of this import created (resumed), or a
/// new one named as the source.
async fn target_gallery(
    ctx: &Context,
    client: &Client,
    source: &Gallery,
    idmap: &mut IdMap,
    target: &Target,
    count: usize,
) -> Result<(String, Status)> {
    let old = source.id.clone().unwrap_or_default();
    if let Some(into) = &target.into {
        let total = galleries::total_items(client, into)
            .await
            .with_context(|| format!("looking up gallery {into} (--into)"))?;
        let ours = idmap.imported_into(into);
        if total > 0 && !ours && !target.yes {
            let question = format!(
                "Gallery {into} holds {total} item(s); add the {count} imported item(s) after them?"
            );
            if ctx.global.no_input || !ctx.printer.terminal.stdin_tty {
                return Err(CliError::usage(format!(
                    "{question} Refusing without --yes when not on a terminal"
                ))
                .with_hint(
                    "add --yes to fill it anyway, or import into a new gallery (without --into)",
                )
                .into());
            }
            if !ctx.printer.confirm(&question)? {
                return Err(CliError::new(
                    Kind::Interrupted,
                    "not confirmed; nothing was imported",
                )
                .into());
            }
        }
        if ours {
            ctx.printer
                .notice(&format!("resuming the import into gallery {into}"));
        } else {
            idmap.record_gallery(&old, into)?;
        }
        return Ok((into.clone(), Status::Present));
    }
    if let Some(earlier) = idmap.gallery_for(&old) {
        match galleries::total_items(client, &earlier).await {
            Ok(_) => {
                ctx.printer.notice(&format!(
                    "resuming the import into gallery {earlier}, which an earlier run created"
                ));
                return Ok((earlier, Status::Present));
            }
            Err(ApiError::Status { status: 404, .. }) => ctx.printer.notice(&format!(
                "gallery {earlier}, which an earlier import created, is gone: creating another"
            )),
            Err(e) => return Err(e.into()),
        }
    }
    if let Some((name, at)) = idmap.unfinished_intent(&old) {
        if let Some(found) = created_since(client, name.as_deref(), &at).await? {
            let id = found.id.clone().unwrap_or_default();
            idmap.record_gallery(&old, &id)?;
            ctx.printer.notice(&format!(
                "resuming the import into gallery {id}, which an interrupted run created"
            ));
            return Ok((id, Status::Present));
        }
    }
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    idmap.record_intent(&old, source.name.as_deref(), &at)?;
    idmap.sync()?;
    let mut spec = Map::new();
    if let Some(name) = &source.name {
        spec.insert("name".into(), json!(name));
    }
    let created = galleries::create(client, Value::Object(spec), None, ctx.attempts()).await?;
    let id = created.id.clone().unwrap_or_default();
    idmap.record_gallery(&old, &id)?;
    ctx.printer
        .notice(&format!("created gallery {id}; note: {EDITOR_NOTE}"));
    Ok((id, Status::Added))
}

/// A gallery named `name` created at or after `at` (the newest such).
async fn created_since(client: &Client, name: Option<&str>, at: &str) -> Result<Option<Gallery>> {
    let Ok(since) = chrono::DateTime::parse_from_rfc3339(at) else {
        return Ok(None);
    };
    // A second's slack for a service clock a little behind ours.
    let since = since - chrono::Duration::seconds(1);
    let mut pages = galleries::GalleryPages::new(client, Some(1));
    let mut found = None;
    while let Some(page) = pages.next_page().await {
        for gallery in page? {
            let created = gallery
                .created_date
                .as_deref()
                .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok());
            if gallery.name.as_deref() == name && created.is_some_and(|c| c >= since) {
                found = Some(gallery);
            }
        }
    }
    Ok(found)
}

/// Where each item goes: its own `sortOrder` into an empty gallery (when they are all there and
/// strictly increasing, as a gallery's are), else after the gallery's last item, in order.
fn plan_positions(items: &[Item], existing: &[Item]) -> Vec<f64> {
    let own: Option<Vec<f64>> = items.iter().map(ordering::sort_order_of).collect();
    if existing.is_empty() {
        if let Some(own) = own.filter(|v| v.windows(2).all(|w| w[0] < w[1])) {
            return own;
        }
    }
    let last = existing
        .iter()
        .filter_map(ordering::sort_order_of)
        .fold(None, |max: Option<f64>, v| {
            Some(max.map_or(v, |m| m.max(v)))
        });
    let mut slots: Vec<Slot> = last
        .map(|value| Some(ordering::Fixed { value, rank: 0 }))
        .into_iter()
        .collect();
    let skip = slots.len();
    slots.extend(std::iter::repeat(None).take(items.len()));
    ordering::solve_in(&slots, existing)[skip..].to_vec()
}

/// The same item, seen in the target: kind, title and description (media ids differ by design).
fn same_item(there: &Item, item: &Item) -> bool {
    there.kind() == item.kind()
        && there.title == item.title
        && there.description == item.description
}

/// One item: its media uploaded (when it has Wix media), then the item created at its place.
async fn create_one(
    ctx: &Context,
    shared: &Shared<'_>,
    files: &Files<'_>,
    gallery: &str,
    index: usize,
    item: &Item,
    position: f64,
) -> Result<Item, Failed> {
    let mut body = creatable(item);
    body.insert("sortOrder".into(), json!(position));
    if reuploads(item) {
        let main = media::main_media(item).ok_or_else(|| Failed::new("no media"))?;
        let (path, expected, temporary) = files.obtain(index + 1, item, main).await?;
        let uploaded = upload(shared, &path, &expected).await;
        if temporary {
            let _ = std::fs::remove_file(&path);
        }
        let (key, value) = uploaded?;
        merge_media(&mut body, key, value);
    }
    let created = items::create(shared.client, gallery, &Value::Object(body), ctx.attempts())
        .await
        .map_err(|e| Failed {
            message: match &e {
                ApiError::Status { status: 409, .. } => format!(
                    "its position (sortOrder {position}) is taken by another item of gallery {gallery}: {e}"
                ),
                _ => format!("creating the item: {e}"),
            },
            cause: Some(e),
        })?;
    Ok(created)
}

/// Uploads a local file through `items add`'s code; its bytes must be the ones recorded.
async fn upload(
    shared: &Shared<'_>,
    path: &Path,
    expected: &str,
) -> Result<(&'static str, Value), Failed> {
    let owned = path.to_path_buf();
    let by_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(add::mime_from_name);
    let inspected = tokio::task::spawn_blocking(move || add::inspect_file(&owned, by_name))
        .await
        .unwrap_or_else(|e| Err(format!("reading the file failed: {e}")))
        .map_err(|why| Failed::new(format!("{}: {why}", path.display())))?;
    let (size, mime, hash) = inspected;
    if !expected.is_empty() && !hash.eq_ignore_ascii_case(expected) {
        return Err(Failed::new(format!(
            "{} changed since it was exported (its SHA-256 is not the one recorded)",
            path.display()
        )));
    }
    let mut job = Job {
        source: Source::File {
            path: path.to_path_buf(),
            mime,
        },
        meta: Meta::default(),
        sort_order: None,
        sort_window: None,
        hash: Some(hash),
        size,
        mime,
        md5: None,
    };
    let (key, value, _) = add::upload_media(&mut job, path, shared)
        .await
        .map_err(|failed| Failed {
            message: failed.message,
            cause: failed.api.map(|e| *e),
        })?;
    Ok((key, value))
}

/// An item as a create body: everything but what the service sets itself.
fn creatable(item: &Item) -> Map<String, Value> {
    let mut map = match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    for read_only in ["id", "type", "createdDate", "updatedDate"] {
        map.remove(read_only);
    }
    map
}

/// Puts a new upload's media into an item that showed other media: the new file's id and URL
/// (and, for a video, its renditions and posters when the Media Manager gave them), everything
/// else as the item had it (alt text, file name, focal point, size).
fn merge_media(body: &mut Map<String, Value>, key: &str, new: Value) {
    let info_key = if key == "image" {
        "imageInfo"
    } else {
        "videoInfo"
    };
    let other = if key == "image" { "video" } else { "image" };
    if body.remove(other).is_some() || !body.get(key).is_some_and(Value::is_object) {
        body.insert(key.into(), new);
        return;
    }
    let Some(field) = body.get_mut(key).and_then(Value::as_object_mut) else {
        return;
    };
    field.insert("type".into(), json!("WIX_MEDIA"));
    let new_info = new.get(info_key).and_then(Value::as_object).cloned();
    let info = field
        .entry(info_key)
        .or_insert_with(|| json!({}))
        .as_object_mut();
    let (Some(info), Some(new_info)) = (info, new_info) else {
        return;
    };
    for replaced in ["id", "url", "resolutions", "posters"] {
        if let Some(value) = new_info.get(replaced) {
            info.insert(replaced.into(), value.clone());
        }
    }
    for kept in ["width", "height", "filename"] {
        if let Some(value) = new_info.get(kept) {
            info.entry(kept).or_insert_with(|| value.clone());
        }
    }
    // The source's own duration wins: `durationInMillis` is added only where it has neither form.
    let has_duration = field.contains_key("duration") || field.contains_key("durationInMillis");
    if let Some(new_field) = new.as_object() {
        for (name, value) in new_field {
            if name == "durationInMillis" && has_duration {
                continue;
            }
            if name != info_key && name != "type" {
                field.entry(name.clone()).or_insert_with(|| value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(value: Value) -> Item {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn new_media_replaces_ids_and_urls_only() {
        let mut body = creatable(&item(json!({
            "id": "old", "type": "IMAGE", "title": "T", "sortOrder": 5,
            "image": {"type": "WIX_MEDIA", "focalPoint": {"x": 0.1, "y": 0.2},
                      "imageInfo": {"id": "a~mv2.jpg", "url": "https://x/a", "width": 10, "height": 20,
                                    "altText": "Alt", "filename": "a.jpg"}},
            "createdDate": "2020-01-01T00:00:00Z"
        })));
        assert!(!body.contains_key("id") && !body.contains_key("type"));
        merge_media(
            &mut body,
            "image",
            json!({"type": "WIX_MEDIA", "imageInfo": {"id": "b~mv2.jpg", "url": "https://y/b", "width": 10, "height": 20, "filename": "0001-t.jpg"}}),
        );
        assert_eq!(
            body["image"],
            json!({"type": "WIX_MEDIA", "focalPoint": {"x": 0.1, "y": 0.2},
                   "imageInfo": {"id": "b~mv2.jpg", "url": "https://y/b", "width": 10, "height": 20,
                                 "altText": "Alt", "filename": "a.jpg"}})
        );
        let mut video = creatable(&item(json!({
            "video": {"type": "WIX_MEDIA", "videoInfo": {"id": "v", "url": "https://v/1080p", "resolutions": [{"url": "https://v/480p"}]}, "duration": "20000"}
        })));
        merge_media(
            &mut video,
            "video",
            json!({"type": "WIX_MEDIA", "videoInfo": {"id": "w", "url": "https://w/file"}}),
        );
        assert_eq!(video["video"]["videoInfo"]["id"], "w");
        assert_eq!(video["video"]["videoInfo"]["url"], "https://w/file");
        assert_eq!(
            video["video"]["videoInfo"]["resolutions"][0]["url"],
            "https://v/480p"
        );
        assert_eq!(video["video"]["duration"], "20000");
    }

    #[test]
    fn positions_keep_their_own_into_an_empty_gallery_else_follow_the_last() {
        let items: Vec<Item> = [3.0, 1_642_505_672_333.0, 1_644_317_968_985.5]
            .iter()
            .map(|s| item(json!({"sortOrder": s})))
            .collect();
        assert_eq!(
            plan_positions(&items, &[]),
            vec![3.0, 1_642_505_672_333.0, 1_644_317_968_985.5]
        );
        let existing = vec![item(json!({"sortOrder": 1_700_000_000_000.0}))];
        let after = plan_positions(&items, &existing);
        assert!(
            after[0] > 1_700_000_000_000.0 && after.windows(2).all(|w| w[0] < w[1]),
            "{after:?}"
        );
        let tied: Vec<Item> = [2.0, 2.0]
            .iter()
            .map(|s| item(json!({"sortOrder": s})))
            .collect();
        let fresh = plan_positions(&tied, &[]);
        assert!(fresh[0] < fresh[1], "{fresh:?}");
    }
}
