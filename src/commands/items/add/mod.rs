//! `progallery items add`: files, folders, URLs, Wix media, video links, HTML text or a manifest,
//! into a gallery, in input order, never twice.
//!
//! The run, in the order it happens: every source is resolved and every manifest row checked
//! (any problem: exit 2, nothing sent); the gallery's items are read once; local files are hashed
//! (streamed); what the gallery already holds is recognised (by the hash cache, by asking the
//! Media Manager for the hashes of the gallery's media, by media id, link or text) and skipped;
//! the others get their `sortOrder` now, from input order, between their neighbours
//! (`ordering.rs`), so concurrency cannot shuffle them; then uploads, imports and creates run
//! `--concurrency` at a time (`upload.rs`), printed in input order as they finish. A source that
//! fails is reported and the rest go on; the run then exits 3, and running it again adds only
//! what is missing.

mod manifest;
mod sources;
mod upload;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use futures::{stream, StreamExt};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::metadata::Meta;
use super::ordering::{self, Slot};
use crate::api::model::Item;
use crate::api::{media, ApiError};
use crate::cli::ItemsAddArgs;
use crate::commands::{read_input, require_guid};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::hashcache::{site_key, Fact, HashCache};
use sources::Source;
use upload::{Done, Failed, Job, Shared};

/// One thing to add, as resolved from the command line or a manifest.
struct Entry {
    label: String,
    source: Source,
    meta: Meta,
}

/// Where new items go when nothing else decides.
enum Position {
    First,
    Last,
    Before(String),
    After(String),
}

/// What became of an entry.
enum State {
    New,
    /// The gallery already holds it.
    Present(Item),
    /// The same content came earlier in this run.
    Duplicate(String),
    Failed(Failed),
    Added(Item),
    NotSent,
}

fn parse_position(text: Option<&str>) -> Result<Position> {
    let Some(text) = text else {
        return Ok(Position::Last);
    };
    let bad = || {
        CliError::usage(format!(
            "--position {text:?}: expected first, last, before:ITEM_ID or after:ITEM_ID"
        ))
    };
    Ok(match text.trim() {
        "first" => Position::First,
        "last" => Position::Last,
        other => match other.split_once(':') {
            Some(("before", id)) => {
                require_guid(id.trim(), "item id")?;
                Position::Before(id.trim().to_string())
            }
            Some(("after", id)) => {
                require_guid(id.trim(), "item id")?;
                Position::After(id.trim().to_string())
            }
            _ => return Err(bad().into()),
        },
    })
}

pub async fn run(args: ItemsAddArgs, ctx: &Context) -> Result<i32> {
    require_guid(&args.gallery_id, "gallery id")?;
    let gallery = args.gallery_id.as_str();
    let flags = Meta::from_args(&args.metadata)?;
    let size = match (args.width, args.height) {
        (Some(w), Some(h)) => Some((w, h)),
        (None, None) => None,
        _ => return Err(CliError::usage("give both --width and --height, or neither").into()),
    };
    let position = parse_position(args.position.as_deref())?;
    let (entries, single) = collect_entries(&args, &flags, size)?;
    if entries.is_empty() {
        return Err(CliError::usage("nothing to add: the folders hold no supported files (jpeg, png, gif, webp, bmp, mp4, mov, webm)").into());
    }

    let client = ctx.client().await?;
    ctx.handle_interrupts();
    let existing = ordering::all_items(client, gallery).await?;
    let index_of: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.id.clone().map(|id| (id, i)))
        .collect();
    let default_gap = match &position {
        Position::First => 0,
        Position::Last => existing.len(),
        Position::Before(id) | Position::After(id) => {
            let Some(&at) = index_of.get(id) else {
                return Err(CliError::new(
                    Kind::NotFound,
                    format!("--position: item {id} is not in gallery {gallery}"),
                )
                .into());
            };
            if matches!(position, Position::After(_)) {
                at + 1
            } else {
                at
            }
        }
    };
    let cache = HashCache::open(
        &ctx.paths.data_dir,
        &site_key(client.base_url(), client.site_id()),
        gallery,
    )?;
    let cache = Mutex::new(cache);
    let concurrency = usize::from(args.concurrency);

    // Local files: size, type from the first bytes, content hash (streamed, off the runtime).
    let mut jobs: Vec<Option<Job>> = entries
        .iter()
        .map(|e| {
            Some(Job {
                source: e.source.clone(),
                meta: e.meta.clone(),
                sort_order: None,
                hash: None,
                size: 0,
                mime: None,
            })
        })
        .collect();
    let mut states: Vec<State> = entries.iter().map(|_| State::New).collect();
    let inspected: Vec<(usize, Result<Inspected, String>)> = stream::iter(
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.source {
                Source::File { path, mime } => Some((i, path.clone(), *mime)),
                _ => None,
            }),
    )
    .map(|(i, path, mime)| async move {
        let outcome = tokio::task::spawn_blocking(move || inspect_file(&path, mime))
            .await
            .unwrap_or_else(|e| Err(format!("reading the file failed: {e}")));
        (i, outcome)
    })
    .buffer_unordered(concurrency.max(2))
    .collect()
    .await;
    for (i, outcome) in inspected {
        match outcome {
            Ok((size, mime, hash)) => {
                if let Some(job) = jobs[i].as_mut() {
                    job.size = size;
                    job.mime = mime;
                    job.hash = Some(hash);
                }
            }
            Err(why) => {
                states[i] = State::Failed(Failed {
                    message: why,
                    api: None,
                })
            }
        }
    }

    // What the gallery already holds.
    let mut gallery_media: HashMap<String, Item> = HashMap::new();
    let mut gallery_keys: HashMap<String, Item> = HashMap::new();
    for item in &existing {
        for id in media_ids(item) {
            gallery_media.insert(id, item.clone());
        }
        if let Some(key) = item_key(item) {
            gallery_keys.insert(key, item.clone());
        }
    }
    if !args.allow_duplicates {
        recognise(
            &entries,
            &jobs,
            &mut states,
            &cache,
            &gallery_media,
            &gallery_keys,
            client,
            concurrency,
            &existing,
        )
        .await;
    }

    // Positions, from input order, before anything is created.
    let renumbered = plan_positions(
        &entries,
        &mut jobs,
        &states,
        &existing,
        &index_of,
        default_gap,
    );
    if !renumbered.is_empty() {
        ctx.printer.notice(&format!(
            "making room: moving {} existing item(s) apart",
            renumbered.len()
        ));
        ordering::apply_sort_orders(client, gallery, &renumbered).await?;
    }

    // Run.
    let to_run: Vec<(usize, Job)> = jobs
        .iter_mut()
        .enumerate()
        .filter(|(i, _)| matches!(states[*i], State::New))
        .filter_map(|(i, job)| job.take().map(|job| (i, job)))
        .collect();
    let total_bytes: u64 = to_run
        .iter()
        .filter(|(_, j)| matches!(j.source, Source::File { .. }))
        .map(|(_, j)| j.size)
        .sum();
    let progress = ctx
        .printer
        .transfer_progress(entries.len() as u64, total_bytes);
    let bar = progress.clone();
    let on_bytes: Arc<dyn Fn(u64) + Send + Sync> = Arc::new(move |n| {
        if total_bytes > 0 {
            bar.inc(n);
        }
    });
    let shared = Shared {
        client,
        gallery,
        cache: &cache,
        attempts: ctx.attempts(),
        import_timeout: Duration::from_secs(args.import_timeout),
        gallery_media: &gallery_media,
        allow_duplicates: args.allow_duplicates,
        on_bytes,
    };
    let mut out = if single {
        None
    } else {
        Some(ctx.printer.list::<Item>()?)
    };
    let mut printed = 0;
    let mut finished = 0;
    let total = entries.len();
    let mut report = |states: &mut Vec<State>, printed: &mut usize| -> Result<()> {
        while *printed < states.len() {
            let item = match &states[*printed] {
                State::New => break,
                State::Present(item) | State::Added(item) => Some(item.clone()),
                _ => None,
            };
            if let (Some(item), Some(out)) = (item, out.as_mut()) {
                out.push(&item)?;
                out.page_done()?;
            }
            *printed += 1;
        }
        Ok(())
    };
    // Entries settled before the run (skipped, failed) are reported first, in order.
    for (i, state) in states.iter().enumerate() {
        let label = &entries[i].label;
        match state {
            State::Present(item) => progress.suspend(|| {
                ctx.printer.notice(&format!(
                    "{label}: already in the gallery (item {}), skipped",
                    item.id.as_deref().unwrap_or("?")
                ))
            }),
            State::Duplicate(first) => progress.suspend(|| {
                ctx.printer.notice(&format!(
                    "{label}: same as {first} earlier in this run, skipped"
                ))
            }),
            State::Failed(f) => {
                progress.suspend(|| ctx.printer.warn(&format!("{label}: {}", f.message)))
            }
            _ => {}
        }
        if !matches!(state, State::New) {
            finished += 1;
        }
    }
    progress.set_message(format!("adding items {finished}/{total}"));
    if total_bytes == 0 {
        progress.set_position(finished as u64);
    }
    report(&mut states, &mut printed)?;
    let shared = &shared;
    let mut running = stream::iter(to_run)
        .map(|(i, job)| async move {
            if ctx.was_interrupted() {
                return (i, None);
            }
            (i, Some(upload::run(job, shared).await))
        })
        .buffer_unordered(concurrency);
    while let Some((i, outcome)) = running.next().await {
        let label = &entries[i].label;
        states[i] = match outcome {
            None => State::NotSent,
            Some(Ok(Done::Added(item))) => State::Added(item),
            Some(Ok(Done::AlreadyThere(item))) => {
                progress.suspend(|| {
                    ctx.printer.notice(&format!(
                        "{label}: its content is already in the gallery (item {}), skipped",
                        item.id.as_deref().unwrap_or("?")
                    ))
                });
                State::Present(item)
            }
            Some(Err(failed)) => {
                progress.suspend(|| ctx.printer.warn(&format!("{label}: {}", failed.message)));
                State::Failed(failed)
            }
        };
        finished += 1;
        progress.set_message(format!("adding items {finished}/{total}"));
        if total_bytes == 0 {
            progress.set_position(finished as u64);
        }
        report(&mut states, &mut printed)?;
    }
    drop(running);
    progress.finish_and_clear();
    if let Some(out) = out.take() {
        out.finish()?;
    }
    finish(ctx, gallery, &entries, states, single)
}

/// Prints the summary and turns the outcome into the exit code.
fn finish(
    ctx: &Context,
    gallery: &str,
    entries: &[Entry],
    states: Vec<State>,
    single: bool,
) -> Result<i32> {
    let total = entries.len();
    let (mut added, mut present, mut duplicates, mut not_sent) = (0, 0, 0, 0);
    let mut failures: Vec<(String, Failed)> = Vec::new();
    let mut only_item = None;
    for (entry, state) in entries.iter().zip(states) {
        match state {
            State::Added(item) => {
                added += 1;
                only_item = Some(item);
            }
            State::Present(item) => {
                present += 1;
                only_item = Some(item);
            }
            State::Duplicate(_) => duplicates += 1,
            State::Failed(f) => failures.push((entry.label.clone(), f)),
            State::NotSent | State::New => not_sent += 1,
        }
    }
    let mut summary = format!("added {added} of {total} item(s) to gallery {gallery}");
    if present > 0 {
        summary.push_str(&format!("; {present} already there"));
    }
    if duplicates > 0 {
        summary.push_str(&format!("; {duplicates} repeated in the input"));
    }
    if !failures.is_empty() {
        summary.push_str(&format!("; {} failed", failures.len()));
    }
    if not_sent > 0 {
        summary.push_str(&format!("; {not_sent} not sent"));
    }
    if ctx.was_interrupted() {
        return Err(CliError::new(Kind::Interrupted, format!("interrupted: {summary}")).into());
    }
    if failures.is_empty() {
        if single {
            if let Some(item) = only_item {
                ctx.printer.one(&item)?;
            }
        }
        if !single || present > 0 {
            ctx.printer.notice(&summary);
        }
        return Ok(0);
    }
    // Nothing went through and the cause is the service or the credentials, not the sources:
    // that cause's own exit code says more (auth, rate limit, unavailable).
    if added + present == 0 {
        let systemic = failures.iter().all(|(_, f)| {
            matches!(
                f.api,
                Some(ref e) if matches!(**e, ApiError::Status { status: 401 | 403 | 429 | 503, .. } | ApiError::Network { .. })
            )
        });
        if systemic {
            if let Some((label, f)) = failures.into_iter().next() {
                if let Some(e) = f.api {
                    return Err(anyhow::Error::new(*e).context(format!("{label}: {summary}")));
                }
            }
            return Err(CliError::new(Kind::General, summary).into());
        }
    }
    let mut message = summary;
    if single {
        if let Some((label, f)) = failures.first() {
            message = format!("{label}: {}", f.message);
        }
    } else {
        message.push(':');
        for (label, f) in &failures {
            message.push_str(&format!("\n  {label}: {}", f.message));
        }
    }
    Err(CliError::new(Kind::Partial, message)
        .with_hint("fix or remove the failed sources and run the same command again: what is already in the gallery is skipped")
        .into())
}

/// Resolves the sources (arguments, `--text` or a manifest) into entries; every problem found is
/// a usage error listing them all, before anything is sent. Also says whether this is a single
/// item (printed as one object, like `items get`).
fn collect_entries(
    args: &ItemsAddArgs,
    flags: &Meta,
    size: Option<(u32, u32)>,
) -> Result<(Vec<Entry>, bool)> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let single;
    if let Some(file) = &args.from_file {
        single = false;
        let text = read_input(file, "the manifest")?;
        let name = if file == "-" { "stdin" } else { file.as_str() };
        let base = if file == "-" {
            PathBuf::from(".")
        } else {
            Path::new(file)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let (rows, row_problems) =
            manifest::parse(name, &text).map_err(|errors| too_many(errors, name))?;
        let mut numbered: Vec<(usize, String)> = row_problems;
        for row in rows {
            let meta = flags.overlay(&row.meta);
            if let Some(item) = row.item {
                entries.push(Entry {
                    label: format!("{name} {}", row.place),
                    source: Source::Item { item },
                    meta: Meta::default(),
                });
                continue;
            }
            if let Some(html) = row.text {
                entries.push(Entry {
                    label: format!("{name} {}", row.place),
                    source: Source::Text { html },
                    meta,
                });
                continue;
            }
            let Some(source) = row.source else { continue };
            match sources::resolve(&source, &base, args.recursive, size) {
                Ok(found) => {
                    for (label, source) in found {
                        if row.meta.touches_image() && source.never_image() {
                            numbered.push((
                                row.order,
                                format!(
                                    "{name} {}, column alt/focalPoint: {label} is not an image",
                                    row.place
                                ),
                            ));
                        }
                        entries.push(Entry {
                            label: format!("{name} {} ({label})", row.place),
                            source,
                            meta: meta.clone(),
                        });
                    }
                }
                Err(why) => numbered.push((
                    row.order,
                    format!("{name} {}, column source: {why}", row.place),
                )),
            }
        }
        if !numbered.is_empty() {
            numbered.sort_by_key(|(order, _)| *order);
            return Err(too_many(numbered.into_iter().map(|(_, p)| p).collect(), name).into());
        }
    } else if let Some(html) = &args.text {
        single = true;
        if flags.touches_image() {
            return Err(CliError::usage(
                "--alt and --focal-point apply to images only, not to text",
            )
            .into());
        }
        entries.push(Entry {
            label: "--text".to_string(),
            source: Source::Text { html: html.clone() },
            meta: flags.clone(),
        });
    } else {
        for text in &args.sources {
            match sources::resolve(text, Path::new("."), args.recursive, size) {
                Ok(found) => {
                    for (label, source) in found {
                        entries.push(Entry {
                            label,
                            source,
                            meta: flags.clone(),
                        });
                    }
                }
                Err(why) => problems.push(why),
            }
        }
        if !problems.is_empty() {
            let mut error = CliError::usage(problems.join("; "));
            error = error.with_hint("a SOURCE is a file, a folder, an http(s) URL, a YouTube/Vimeo link or a Wix media id");
            return Err(error.into());
        }
        single = args.sources.len() == 1
            && entries.len() == 1
            && entries[0].label == args.sources[0].trim();
        if flags.touches_image() && entries.iter().all(|e| e.source.never_image()) {
            return Err(CliError::usage("--alt and --focal-point apply to images only").into());
        }
    }
    if size.is_some()
        && !entries
            .iter()
            .any(|e| matches!(e.source, Source::WixMedia { .. }))
    {
        return Err(CliError::usage(
            "--width and --height apply to Wix media ids only (uploaded and imported files are measured by the Media Manager)",
        )
        .into());
    }
    Ok((entries, single))
}

/// A usage error listing problems (the first 20).
fn too_many(problems: Vec<String>, name: &str) -> CliError {
    let count = problems.len();
    let mut message = format!("{name}: {count} problem(s), nothing was sent:");
    for problem in problems.iter().take(20) {
        message.push_str("\n  ");
        message.push_str(problem);
    }
    if count > 20 {
        message.push_str(&format!("\n  … and {} more", count - 20));
    }
    CliError::usage(message)
}

/// A local file's size, mime type and content hash.
type Inspected = (u64, Option<&'static str>, String);

/// Size, type (from the first bytes, else the extension) and SHA-256 of a local file, read in
/// chunks so that memory stays flat whatever its size.
fn inspect_file(path: &Path, by_name: Option<&'static str>) -> Result<Inspected, String> {
    let mut file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let size = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?
        .len();
    if size == 0 {
        return Err("the file is empty".to_string());
    }
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut head: Vec<u8> = Vec::new();
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| format!("cannot read the file: {e}"))?;
        if n == 0 {
            break;
        }
        if head.len() < 32 {
            head.extend_from_slice(&buf[..n.min(32 - head.len())]);
        }
        hasher.update(&buf[..n]);
    }
    let mime = sources::mime_from_magic(&head).or(by_name);
    if mime.is_none() {
        return Err(
            "not a supported image or video (jpeg, png, gif, webp, bmp, mp4, mov, webm)"
                .to_string(),
        );
    }
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((size, mime, hash))
}

/// The Wix media ids an item shows.
fn media_ids(item: &Item) -> Vec<String> {
    let mut out = Vec::new();
    for (field, info) in [(&item.image, "imageInfo"), (&item.video, "videoInfo")] {
        if let Some(id) = field
            .as_ref()
            .and_then(|v| v.get(info))
            .and_then(|i| i.get("id"))
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
        {
            out.push(id.to_string());
        }
    }
    out
}

/// What an item shows, as a key comparable with an entry's.
fn item_key(item: &Item) -> Option<String> {
    let media = item.media();
    (!media.is_empty()).then(|| format!("{}:{media}", item.kind()))
}

/// The same key for an entry (files by content hash, imports by URL).
fn entry_key(source: &Source, hash: Option<&str>) -> Option<String> {
    Some(match source {
        Source::File { .. } => format!("hash:{}", hash?),
        Source::Import { url } => format!("url:{url}"),
        Source::WixMedia { id, .. } => format!("IMAGE:{id}"),
        Source::Video { url, .. } => format!("VIDEO:{url}"),
        Source::Text { html } => format!("TEXT:{html}"),
        Source::Item { item } => item_key(&serde_json::from_value::<Item>(item.clone()).ok()?)?,
        Source::Broken { .. } => return None,
    })
}

/// Marks the entries the gallery already holds (`Present`) or that repeat an earlier entry
/// (`Duplicate`). Files are known by content hash: first from the cache, then, for files still
/// unknown, by asking the Media Manager for the hashes of the gallery's media it has not seen.
#[allow(clippy::too_many_arguments)]
async fn recognise(
    entries: &[Entry],
    jobs: &[Option<Job>],
    states: &mut [State],
    cache: &Mutex<HashCache>,
    gallery_media: &HashMap<String, Item>,
    gallery_keys: &HashMap<String, Item>,
    client: &crate::api::Client,
    concurrency: usize,
    existing: &[Item],
) {
    let check = |i: usize, states: &[State]| -> Option<Item> {
        if !matches!(states[i], State::New) {
            return None;
        }
        let job = jobs[i].as_ref()?;
        let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        let known: Vec<String> = match &job.source {
            Source::File { .. } => cache.media_with_hash(job.hash.as_deref()?).to_vec(),
            Source::Import { url } => cache.media_from_url(url).to_vec(),
            Source::WixMedia { id, .. } => vec![id.clone()],
            _ => Vec::new(),
        };
        known
            .iter()
            .find_map(|id| gallery_media.get(id).cloned())
            .or_else(|| {
                let key = entry_key(&job.source, job.hash.as_deref())?;
                gallery_keys.get(&key).cloned()
            })
    };
    for i in 0..entries.len() {
        if let Some(item) = check(i, states) {
            states[i] = State::Present(item);
        }
    }
    let files_unknown = (0..entries.len()).any(|i| {
        matches!(states[i], State::New)
            && matches!(
                entries[i].source,
                Source::File { .. } | Source::Import { .. }
            )
    });
    if files_unknown {
        let unseen: Vec<(String, Option<String>)> = {
            let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
            existing
                .iter()
                .flat_map(|item| media_ids(item).into_iter().map(|id| (id, item.id.clone())))
                .filter(|(id, _)| !cache.knows_media(id))
                .collect()
        };
        let learnt: Vec<Fact> = stream::iter(unseen)
            .map(|(id, item_id)| async move {
                match media::get_file(client, &id).await {
                    Ok(file) => Some(Fact {
                        hash: file.hash,
                        media_id: Some(id),
                        item_id,
                        url: None,
                    }),
                    // Not in this Media Manager (another site's, or gone): remember that too.
                    Err(ApiError::Status { status: 404, .. }) => Some(Fact {
                        media_id: Some(id),
                        item_id,
                        ..Fact::default()
                    }),
                    Err(_) => None,
                }
            })
            .buffer_unordered(concurrency)
            .filter_map(|fact| async move { fact })
            .collect()
            .await;
        {
            let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
            for fact in learnt {
                let _ = cache.record(fact);
            }
        }
        for i in 0..entries.len() {
            if let Some(item) = check(i, states) {
                states[i] = State::Present(item);
            }
        }
    }
    // Repeats within this run: the first one counts.
    let mut seen: HashMap<String, String> = HashMap::new();
    for i in 0..entries.len() {
        if !matches!(states[i], State::New) {
            continue;
        }
        let Some(job) = jobs[i].as_ref() else {
            continue;
        };
        if let Some(key) = entry_key(&job.source, job.hash.as_deref()) {
            match seen.get(&key) {
                Some(first) => states[i] = State::Duplicate(first.clone()),
                None => {
                    seen.insert(key, entries[i].label.clone());
                }
            }
        }
    }
}

/// Gives every new entry (without an explicit sortOrder) its number, from input order: a run of
/// new entries goes right after the entry before it that the gallery already holds (so a re-run
/// puts what was missing back in its place), else right before the one after it, else at
/// `--position`. Returns the existing items that had to move to make room.
fn plan_positions(
    entries: &[Entry],
    jobs: &mut [Option<Job>],
    states: &[State],
    existing: &[Item],
    index_of: &HashMap<String, usize>,
    default_gap: usize,
) -> Vec<(String, f64)> {
    let mut gaps: Vec<Vec<usize>> = vec![Vec::new(); existing.len() + 1];
    let mut run: Vec<usize> = Vec::new();
    let mut last_present: Option<usize> = None;
    for i in 0..entries.len() {
        match &states[i] {
            State::Present(item) => {
                let at = item.id.as_ref().and_then(|id| index_of.get(id)).copied();
                if !run.is_empty() {
                    let gap = match (last_present, at) {
                        (Some(p), _) => p + 1,
                        (None, Some(next)) => next,
                        (None, None) => default_gap,
                    };
                    gaps[gap].append(&mut run);
                }
                if at.is_some() {
                    last_present = at;
                }
            }
            State::New => {
                let explicit = jobs[i]
                    .as_ref()
                    .is_some_and(|j| j.meta.sort_order.is_some());
                if !explicit {
                    run.push(i);
                }
            }
            _ => {}
        }
    }
    if !run.is_empty() {
        let gap = last_present.map_or(default_gap, |p| p + 1);
        gaps[gap].append(&mut run);
    }
    if gaps.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    // The wanted sequence: existing items keep their numbers, new ones need one.
    enum Owner {
        New(usize),
        Existing(usize),
    }
    let mut slots: Vec<Slot> = Vec::new();
    let mut owners: Vec<Owner> = Vec::new();
    for (gap, news) in gaps.iter().enumerate() {
        for &i in news {
            slots.push(None);
            owners.push(Owner::New(i));
        }
        if let Some(item) = existing.get(gap) {
            slots.push(ordering::sort_order_of(item));
            owners.push(Owner::Existing(gap));
        }
    }
    let values = ordering::solve(&slots, ordering::now_seconds());
    let mut moved = Vec::new();
    for ((owner, slot), value) in owners.iter().zip(&slots).zip(values) {
        match owner {
            Owner::New(i) => {
                if let Some(job) = jobs[*i].as_mut() {
                    job.sort_order = Some(value);
                }
            }
            Owner::Existing(at) => {
                if *slot != Some(value) {
                    if let Some(id) = &existing[*at].id {
                        moved.push((id.clone(), value));
                    }
                }
            }
        }
    }
    moved
}
