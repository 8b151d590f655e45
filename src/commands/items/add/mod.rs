//! `progallery items add`: files, folders, URLs, Wix media, video links, HTML text or a manifest,
//! into a gallery, in input order, never twice.
//!
//! The run, in the order it happens: every source is resolved and every manifest row checked
//! (`entries.rs`, `sources.rs`, `manifest.rs`; any problem: exit 2, nothing sent); the gallery's
//! items are read once; local files are hashed (streamed); what the gallery already holds is
//! recognised (by the hash cache, by asking the Media Manager for the hashes of the gallery's
//! media, by media id, link or text) and skipped, and the others get their `sortOrder` now, from
//! input order, between their neighbours (`plan.rs`), so concurrency cannot shuffle them; then
//! uploads, imports and creates run `--concurrency` at a time (`upload.rs`, `import.rs`, what they
//! share in `job.rs`), each waiting until the Media Manager has processed its file (one waiter
//! asks about every waiting file at once, `api::media_wait`), its item built from the READY file
//! (`media_item.rs`), printed in input order as they finish. A source that fails is reported and
//! the rest go on; the run then exits 3, and running it again adds only what is missing. Runs
//! adding to the same gallery on this machine take turns (`lock.rs`), so two runs of one folder
//! at once add each file once.

mod entries;
mod import;
mod job;
mod manifest;
mod media_item;
mod plan;
mod sources;
mod upload;
mod video;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use futures::{stream, StreamExt};

use super::lock;
use super::metadata::Meta;
use super::ordering;
use crate::api::media_wait::Waiter;
use crate::api::model::Item;
use crate::cli::ItemsAddArgs;
use crate::commands::input::require_guid;
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::hashcache::{site_key_of, HashCache};
use job::Done;

/// How long a caller that uploads through `upload_media` waits for a file to be READY, as
/// `items add --ready-timeout` does by default.
pub(crate) const DEFAULT_READY_TIMEOUT: Duration = Duration::from_secs(600);
use sources::Source;
// What `galleries import`, `galleries copy` and `items sync` use to upload through the same path.
pub(crate) use entries::inspect_file;
pub(crate) use job::{Failed, Job, Shared, Uploads};
pub(crate) use manifest::parse as parse_manifest;
pub(crate) use sources::Source as AddSource;
pub(crate) use sources::{mime_from_name, natural_cmp};
pub(crate) use upload::upload_media;

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
        .with_hint("e.g. --position first, or --position after:ITEM_ID with an id from `progallery items list GALLERY -o id`")
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
    let flags = Meta::from_args(&args.metadata)?;
    let size = match (args.width, args.height) {
        (Some(w), Some(h)) => Some((w, h)),
        (None, None) => None,
        _ => return Err(CliError::usage("give both --width and --height, or neither").into()),
    };
    let position = parse_position(args.position.as_deref())?;
    let (entries, single) = entries::collect_entries(&args, &flags, size)?;
    if flags.sort_order.is_some() && entries.len() > 1 {
        return Err(CliError::usage(
            "--sort-order sets one item's number; for several items use --position (they keep their input order)",
        )
        .into());
    }
    if entries.is_empty() {
        return Err(CliError::usage("nothing to add: the folders hold no supported files (jpeg, png, gif, webp, bmp, mp4, mov, webm)")
            .with_hint("name the files or a folder that holds them; -r also looks in subfolders")
            .into());
    }

    let gallery = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    // One add per gallery at a time on this machine (`lock.rs`): a second run of the same folder
    // waits, then finds what the first added and skips it. Taken before Ctrl-C is handled here,
    // so a wait can be interrupted at once.
    let site_key = site_key_of(ctx, client);
    let lock_path = lock::add_lock_path(&ctx.paths.data_dir, &site_key, gallery);
    let _add_lock = lock::acquire_or_warn(&ctx.printer, &lock_path, || {
        ctx.printer.notice(&format!(
            "waiting for another progallery items add to gallery {gallery} on this machine to finish"
        ))
    })
    .await;
    ctx.handle_interrupts();
    let existing = ordering::in_gallery_order(crate::api::items::list_all(client, gallery).await?);
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
                .with_hint(format!(
                    "an item of this gallery is needed: `progallery items list {gallery} -o id` lists them; nothing was added"
                ))
                .into());
            };
            if matches!(position, Position::After(_)) {
                at + 1
            } else {
                at
            }
        }
    };
    let cache = HashCache::open(&ctx.paths.data_dir, &site_key, gallery)?;
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
                sort_window: None,
                hash: None,
                size: 0,
                mime: None,
                md5: None,
            })
        })
        .collect();
    let mut states: Vec<State> = entries.iter().map(|_| State::New).collect();
    let inspected: Vec<(usize, Result<entries::Inspected, String>)> = stream::iter(
        entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.source {
                Source::File { path, mime } => Some((i, path.clone(), *mime)),
                _ => None,
            }),
    )
    .map(|(i, path, mime)| async move {
        let outcome = tokio::task::spawn_blocking(move || entries::inspect_file(&path, mime))
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
        for id in item.media_ids() {
            gallery_media.insert(id, item.clone());
        }
        if let Some(key) = plan::item_key(item) {
            gallery_keys.insert(key, item.clone());
        }
    }
    if !args.allow_duplicates {
        plan::recognise(
            &entries,
            &mut jobs,
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
    let renumbered = plan::plan_positions(
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
    // The progress line: items done, and the files the Media Manager is still processing.
    let total = entries.len();
    let finished_count = Arc::new(AtomicUsize::new(0));
    let waiting_count = Arc::new(AtomicUsize::new(0));
    let show = {
        let (bar, finished, waiting) = (
            progress.clone(),
            Arc::clone(&finished_count),
            Arc::clone(&waiting_count),
        );
        move || {
            let done = finished.load(Ordering::Relaxed);
            let message = match waiting.load(Ordering::Relaxed) {
                0 => format!("adding items {done}/{total}"),
                // Short: the bar shares the line with it.
                n => format!("adding items {done}/{total}, {n} processing"),
            };
            bar.set_message(message);
        }
    };
    // `finished` items are done: the line says so, and the bar counts items when no file has
    // bytes to count.
    let advance = |finished: usize| {
        finished_count.store(finished, Ordering::Relaxed);
        show();
        if total_bytes == 0 {
            progress.set_position(finished as u64);
        }
    };
    let waiter = Waiter::new({
        let (show, waiting) = (show.clone(), Arc::clone(&waiting_count));
        Arc::new(move |n| {
            waiting.store(n, Ordering::Relaxed);
            show();
        })
    });
    let shared = Shared {
        client,
        gallery,
        cache: &cache,
        attempts: ctx.attempts(),
        ready_timeout: Duration::from_secs(args.ready_timeout),
        gallery_media: &gallery_media,
        allow_duplicates: args.allow_duplicates,
        on_bytes,
        waiter: &waiter,
    };
    // Several sources: one outcome per entry, in input order as they settle (`commands::outcome`).
    // One source is printed at the end as the item itself, like `items get`.
    let mut outcomes = if single {
        None
    } else {
        // Every source failed is not "partial" (exit 3): see `whole_when_all_fail`.
        Some(Report::new(ctx, Rows::Items, outcome::ADDED).whole_when_all_fail())
    };
    let mut printed = 0;
    let mut finished = 0;
    let mut report = |states: &mut Vec<State>, printed: &mut usize| -> Result<()> {
        while *printed < states.len() {
            if matches!(states[*printed], State::New) {
                break;
            }
            if let Some(outcomes) = outcomes.as_mut() {
                // Reported once: what is left behind is never read again.
                let state = std::mem::replace(&mut states[*printed], State::NotSent);
                outcomes.add(outcome_of(&entries[*printed], state))?;
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
            // Failures are listed with the summary (with one source, the error says it).
            _ => {}
        }
        if !matches!(state, State::New) {
            finished += 1;
        }
    }
    advance(finished);
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
    // The jobs run while the waiter asks the Media Manager about every file they wait for.
    waiter
        .alongside(client, async {
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
                    Some(Err(failed)) => State::Failed(failed),
                };
                finished += 1;
                advance(finished);
                report(&mut states, &mut printed)?;
            }
            Ok::<(), anyhow::Error>(())
        })
        .await?;
    drop(running);
    progress.finish_and_clear();
    match outcomes {
        Some(outcomes) => outcomes.finish(gallery),
        None => finish_single(ctx, gallery, &entries, states),
    }
}

/// The outcome of one entry (several sources).
fn outcome_of(entry: &Entry, state: State) -> Outcome {
    let outcome = match state {
        State::Added(item) => Outcome::of_item(item, Status::Added),
        State::Present(item) => Outcome::of_item(item, Status::Present),
        State::Duplicate(first) => Outcome::new(None, Status::Duplicate)
            .with_error(format!("same as {first} earlier in this run")),
        State::Failed(failed) => Outcome::failed_by(None, failed.message, failed.api.map(|e| *e)),
        State::NotSent | State::New => Outcome::new(None, Status::NotSent),
    };
    outcome.with_source(entry.label.clone())
}

/// One source: the item itself on stdout, the error of a failure as it is.
fn finish_single(
    ctx: &Context,
    gallery: &str,
    entries: &[Entry],
    states: Vec<State>,
) -> Result<i32> {
    let (Some(entry), Some(state)) = (entries.first(), states.into_iter().next()) else {
        return Ok(0);
    };
    let counts = match &state {
        State::Added(_) => "added 1 of 1",
        _ => "added 0 of 1",
    };
    let tail = match &state {
        State::Present(_) => "; 1 already there",
        State::Duplicate(_) => "; 1 repeated in the input",
        State::Failed(_) => "; 1 failed",
        State::NotSent | State::New => "; 1 not sent",
        State::Added(_) => "",
    };
    let summary = format!("{counts} item(s) to gallery {gallery}{tail}");
    if ctx.was_interrupted() {
        return Err(
            CliError::new(Kind::Interrupted, format!("interrupted: {summary}"))
                .with_hint("run the same command again to add the rest: what the gallery already holds is skipped")
                .into(),
        );
    }
    match state {
        State::Added(item) => ctx.printer.one(&item)?,
        State::Present(item) => {
            ctx.printer.one(&item)?;
            ctx.printer.notice(&summary);
        }
        State::Failed(failed) => {
            let label = &entry.label;
            // The cause is the service or the credentials, not the source: its own exit code
            // says more (auth, rate limit, unavailable).
            let api = match failed.api {
                Some(cause) if outcome::is_systemic(&cause) => {
                    return Err(anyhow::Error::new(*cause).context(format!("{label}: {summary}")))
                }
                api => api,
            };
            // The only source failed: nothing went through, so this is not a partial failure
            // (exit 3) but the failure's own code (1 for a local one, such as an unreadable file).
            let kind = api.as_deref().map_or(Kind::General, crate::error::api_kind);
            return Err(CliError::new(kind, format!("{label}: {}", failed.message))
                .with_hint("fix or remove the failed sources and run the same command again: what is already in the gallery is skipped")
                .into());
        }
        State::Duplicate(_) | State::NotSent | State::New => {}
    }
    Ok(0)
}
