//! `progallery galleries export GALLERY DIR` (and `--all DIR`): a self-contained folder —
//! `gallery.json` (the gallery and every item exactly as the service returned them, the shape
//! `galleries create --from-file` and `galleries import` read), `media/` (each item's original,
//! named `0001-title.ext`), `manifest.jsonl` (which file is which item's, with media id, size and
//! SHA-256) and `index.html` (the contact sheet). `--no-media` writes `gallery.json` alone.
//!
//! A rerun into the same folder resumes: files an earlier run completed and whose bytes still
//! match their record are kept; the rest are fetched. A folder holding another gallery's export,
//! or anything that is not an export, is refused before anything is written.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use super::files::write_atomically;
use super::manifest::{self, Entry, Partial};
use super::media::{self, Downloads, Job};
use super::naming::{self, html, url_path};
use super::{sheet, whole_gallery};
use crate::api::galleries::GalleryPages;
use crate::api::model::{Gallery, Item};
use crate::api::{ApiError, Client};
use crate::cli::GalleriesExportArgs;
use crate::commands::outcome;
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::output::Record;

pub const GALLERY_JSON: &str = "gallery.json";
pub const MEDIA_DIR: &str = "media";
const INDEX: &str = "index.html";

/// What one export did, as printed.
pub struct Exported {
    pub gallery_id: String,
    pub name: Option<String>,
    pub items: usize,
    pub files: usize,
    pub bytes: u64,
    pub folder: PathBuf,
    pub failures: Vec<Failure>,
}

/// A file that could not be fetched.
pub struct Failure {
    pub label: String,
    pub message: String,
    pub cause: Option<ApiError>,
}

impl Record for Exported {
    const HEADERS: &'static [&'static str] = &["ID", "NAME", "ITEMS", "FILES", "SIZE", "FOLDER"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        vec![
            self.gallery_id.clone(),
            self.name.clone().unwrap_or_default(),
            self.items.to_string(),
            self.files.to_string(),
            if for_table {
                indicatif::HumanBytes(self.bytes).to_string()
            } else {
                self.bytes.to_string()
            },
            self.folder.display().to_string(),
        ]
    }

    fn id(&self) -> String {
        self.gallery_id.clone()
    }

    fn to_json(&self) -> Value {
        json!({
            "galleryId": self.gallery_id,
            "name": self.name,
            "items": self.items,
            "files": self.files,
            "bytes": self.bytes,
            "folder": self.folder.display().to_string(),
            "failed": self.failures.len(),
        })
    }
}

pub async fn run(args: GalleriesExportArgs, ctx: &Context) -> Result<i32> {
    let concurrency = usize::from(args.concurrency);
    let client = ctx.client().await?;
    ctx.handle_interrupts();
    let mut done = Vec::new();
    match (&args.all, &args.gallery_id, &args.dir) {
        (Some(root), _, _) => {
            std::fs::create_dir_all(root)
                .with_context(|| format!("creating {}", root.display()))?;
            let mut galleries = Vec::new();
            let mut pages = GalleryPages::new(client, Some(1));
            while let Some(page) = pages.next_page().await {
                galleries.extend(page?);
            }
            // Check every folder first: nothing is written when one of them is not ours.
            let folders: Vec<(String, PathBuf)> = galleries
                .iter()
                .map(|g| {
                    let id = g.id.clone().unwrap_or_default();
                    (id.clone(), root.join(folder_name(g)))
                })
                .collect();
            for (id, folder) in &folders {
                check_folder(folder, id)?;
            }
            let mut out = ctx.printer.list::<Exported>()?;
            for (id, folder) in folders {
                if ctx.was_interrupted() {
                    break;
                }
                let exported =
                    export_one(ctx, client, &id, &folder, !args.no_media, concurrency).await?;
                out.push(&exported)?;
                out.page_done()?;
                done.push(exported);
            }
            out.finish()?;
            if !args.no_media {
                write_atomically(&root.join(INDEX), site_index(&done).as_bytes())?;
            }
        }
        (None, Some(id), Some(dir)) => {
            let id = &ctx.resolve_gallery(id).await?;
            check_folder(dir, id)?;
            let exported = export_one(ctx, client, id, dir, !args.no_media, concurrency).await?;
            ctx.printer.one(&exported)?;
            done.push(exported);
        }
        _ => {
            return Err(CliError::usage("give a gallery and a folder, or --all FOLDER")
                .with_hint("progallery galleries export GALLERY_ID ./backup, or progallery galleries export --all ./backup")
                .into())
        }
    }
    finish(ctx, done)
}

/// The summary on stderr and the exit code: 130 after Ctrl-C, 3 when some files failed (they
/// are listed), the cause's own code when every file failed for one reason any request would
/// meet (auth, rate limit, no connection).
fn finish(ctx: &Context, done: Vec<Exported>) -> Result<i32> {
    let files: usize = done.iter().map(|e| e.files).sum();
    let bytes: u64 = done.iter().map(|e| e.bytes).sum();
    let items: usize = done.iter().map(|e| e.items).sum();
    let summary = match done.as_slice() {
        [one] => format!(
            "exported gallery {} to {}: {items} item(s), {files} file(s) ({})",
            one.gallery_id,
            one.folder.display(),
            indicatif::HumanBytes(bytes)
        ),
        _ => format!(
            "exported {} galleries, {items} item(s), {files} file(s) ({})",
            done.len(),
            indicatif::HumanBytes(bytes)
        ),
    };
    let failures: Vec<Failure> = done.into_iter().flat_map(|e| e.failures).collect();
    finish_downloads(ctx, summary, files, failures, "export")
}

/// The end of a run that downloads: the failures listed on stderr, then the summary and the exit
/// code — 130 after Ctrl-C, 3 when some files failed, the cause's own code when every file failed
/// for one reason any request would meet (auth, rate limit, no connection).
pub fn finish_downloads(
    ctx: &Context,
    mut summary: String,
    files: usize,
    failures: Vec<Failure>,
    verb: &str,
) -> Result<i32> {
    for failure in failures.iter().take(100) {
        ctx.printer
            .warn(&format!("failed: {} ({})", failure.label, failure.message));
    }
    if failures.len() > 100 {
        ctx.printer
            .warn(&format!("… and {} more failed", failures.len() - 100));
    }
    if ctx.was_interrupted() {
        return Err(
            CliError::new(Kind::Interrupted, format!("interrupted: {summary}"))
                .with_hint(format!(
                    "run the same {verb} again to finish: complete files are kept"
                ))
                .into(),
        );
    }
    if failures.is_empty() {
        ctx.printer.notice(&summary);
        return Ok(0);
    }
    summary.push_str(&format!(
        "; {} file(s) failed (listed above)",
        failures.len()
    ));
    let systemic = failures
        .iter()
        .all(|f| f.cause.as_ref().is_some_and(outcome::is_systemic));
    if files == 0 && systemic {
        if let Some(cause) = failures.into_iter().find_map(|f| f.cause) {
            return Err(anyhow::Error::new(cause).context(summary));
        }
    }
    Err(CliError::new(Kind::Partial, summary)
        .with_hint(format!(
            "run the same {verb} again: complete files are kept and only the rest is fetched"
        ))
        .into())
}

/// `simple-gallery-a59d43f0`: a gallery's folder under `--all`, readable and never shared.
fn folder_name(gallery: &Gallery) -> String {
    let id = gallery.id.clone().unwrap_or_default();
    let short: String = id.chars().take(8).collect();
    let name = gallery
        .name
        .as_deref()
        .map(naming::slug)
        .unwrap_or_default();
    if name.is_empty() {
        format!("gallery-{short}")
    } else {
        format!("{name}-{short}")
    }
}

/// Refuses a folder that holds another gallery's export, or anything that is not an export.
pub fn check_folder(dir: &Path, gallery_id: &str) -> Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(
                CliError::usage(format!("cannot use {}: {e}", dir.display()))
                    .with_hint("name a folder to create, or an earlier export to resume")
                    .into(),
            )
        }
    };
    let json = dir.join(GALLERY_JSON);
    if json.exists() {
        // A FIFO or device in its place is refused, never waited on (`files`).
        let found = crate::files::open_regular(&json)
            .ok()
            .and_then(|f| serde_json::from_reader::<_, Value>(std::io::BufReader::new(f)).ok())
            .and_then(|v| {
                v.pointer("/gallery/id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            });
        return match found {
            Some(id) if id == gallery_id => Ok(()),
            Some(id) => Err(CliError::usage(format!(
                "{} holds the export of gallery {id}, not of {gallery_id}",
                dir.display()
            ))
            .with_hint("export into a new folder (or the one that holds this gallery's export, to resume it)")
            .into()),
            None => Err(CliError::usage(format!(
                "{} is not an export of progallery (its gallery.json names no gallery)",
                dir.display()
            ))
            .with_hint("export into a new or empty folder")
            .into()),
        };
    }
    if entries.filter_map(Result::ok).next().is_some() {
        return Err(CliError::usage(format!(
            "{} is not empty and holds no export; nothing was written",
            dir.display()
        ))
        .with_hint("export into a new or empty folder")
        .into());
    }
    Ok(())
}

/// Exports one gallery into `dir` (checked by the caller).
pub async fn export_one(
    ctx: &Context,
    client: &Client,
    gallery_id: &str,
    dir: &Path,
    with_media: bool,
    concurrency: usize,
) -> Result<Exported> {
    let gallery = whole_gallery(client, gallery_id, &ctx.printer).await?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let text = serde_json::to_string_pretty(&json!({ "gallery": gallery }))?;
    write_atomically(&dir.join(GALLERY_JSON), format!("{text}\n").as_bytes())?;
    let items = gallery.items.clone().unwrap_or_default();
    let mut exported = Exported {
        gallery_id: gallery_id.to_string(),
        name: gallery.name.clone(),
        items: items.len(),
        files: 0,
        bytes: 0,
        folder: dir.to_path_buf(),
        failures: Vec::new(),
    };
    if !with_media {
        return Ok(exported);
    }
    let mut entries = entries_of(&items);
    let jobs = jobs_for(&items, &manifest::previous(dir)?);
    let downloads = Downloads::new(ctx, client, dir, MEDIA_DIR, concurrency)?;
    let mut partial = Partial::open(dir)?;
    downloads
        .run(jobs, |job, result| {
            let entry = &mut entries[job.key];
            let what = if job.poster { "poster of item" } else { "item" };
            let label = format!("{what} {} ({})", entry.item_id, job.stem);
            match result {
                Some(Ok(file)) => {
                    partial.log(&entry.item_id, job.poster, &file)?;
                    exported.files += 1;
                    exported.bytes += file.size;
                    if job.poster {
                        entry.poster = Some(file);
                    } else {
                        entry.media = Some(file);
                    }
                }
                Some(Err(failure)) => {
                    entry.error = Some(failure.message.clone());
                    exported.failures.push(Failure {
                        label,
                        message: failure.message,
                        cause: failure.cause,
                    });
                }
                None => entry.error = Some("not downloaded: the export was interrupted".into()),
            }
            Ok(())
        })
        .await?;
    manifest::write(dir, &entries)?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let page = sheet::render(&gallery, &items, &entries, &now);
    write_atomically(&dir.join(INDEX), page.as_bytes())?;
    Ok(exported)
}

/// The manifest lines of `items` before any file is fetched: position, id, type, link.
fn entries_of(items: &[Item]) -> Vec<Entry> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| Entry {
            position: index + 1,
            item_id: item.id.clone().unwrap_or_default(),
            kind: item.kind().to_string(),
            link: media::video_link(item),
            ..Entry::default()
        })
        .collect()
}

/// The files to fetch for `items`: each one's original, and a video's poster.
fn jobs_for(
    items: &[Item],
    previous: &std::collections::HashMap<(String, bool), media::MediaFile>,
) -> Vec<Job> {
    let width = naming::position_width(items.len());
    let mut jobs = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let id = item.id.clone().unwrap_or_default();
        let stem = naming::stem(index + 1, width, item.title.as_deref(), item.kind());
        if let Some(main) = media::main_media(item) {
            jobs.push(Job {
                key: index,
                poster: false,
                media: main,
                stem: stem.clone(),
                previous: previous.get(&(id.clone(), false)).cloned(),
            });
        }
        if let Some(poster) = media::poster_media(item) {
            jobs.push(Job {
                key: index,
                poster: true,
                media: poster,
                stem: format!("{stem}.poster"),
                previous: previous.get(&(id, true)).cloned(),
            });
        }
    }
    jobs
}

/// The top `index.html` of `--all`: a link to each gallery's contact sheet.
fn site_index(done: &[Exported]) -> String {
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Galleries</title>\n<style>body{font-family:system-ui,sans-serif;margin:28px;color:#1f1f1f}li{margin:6px 0}.n{color:#6a6a6a}</style>\n</head>\n<body>\n<h1>Galleries</h1>\n<ul>\n",
    );
    for exported in done {
        let folder = exported
            .folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = exported
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("Gallery {}", exported.gallery_id));
        page.push_str(&format!(
            "<li><a href=\"{}/index.html\">{}</a> <span class=\"n\">{} item(s)</span></li>\n",
            url_path(&folder),
            html(&name),
            exported.items
        ));
    }
    page.push_str("</ul>\n</body>\n</html>\n");
    page
}
