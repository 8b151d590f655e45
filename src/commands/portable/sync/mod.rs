//! `progallery items sync GALLERY DIR`: make a gallery match a folder of images and videos. The
//! plan comes first (`plan.rs`) and is shown; `--dry-run` stops there (the plan on stdout), and on a
//! terminal the user is asked before anything changes (`--yes` off one). Then, in this order:
//! removals (`--delete`, under `--max-delete`, journaled like `items bulk-delete`, so `items
//! restore` undoes them), updates and moves, media replacements, additions. A folder and gallery
//! already in step send no write at all: the plan is empty, and the run ends after its reads.
//!
//! Uploads go through `items add`'s code; which file is which item is kept in the folder
//! (`state.rs`). The folder is read flat (no subfolders), hidden files and files that are not
//! images or videos left out.

mod plan;
mod state;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use anyhow::{Context as _, Result};
use futures::{stream, StreamExt};
use serde_json::{json, Map, Value};

use self::plan::{LocalFile, Plan, Step};
use self::state::{Known, State};
use super::media;
use crate::api::model::Item;
use crate::api::{items, ApiError, Client};
use crate::cli::{ItemsSyncArgs, OutputFormat};
use crate::commands::items::add::{self, AddSource, Job, Shared, Uploads};
use crate::commands::items::batches::{self, Stop};
use crate::commands::items::metadata::Meta;
use crate::commands::items::ordering;
use crate::commands::outcome::{Outcome, Report, Rows, Status, Wording};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::hashcache::site_key_of;
use crate::journal::Journal;
use crate::output::Record;

/// The order file read when `--order` is not given.
const ORDER_FILE: &str = "order.txt";
/// The metadata files looked for when `--metadata` is not given, in this order.
const METADATA_FILES: [&str; 3] = ["metadata.csv", "metadata.jsonl", "metadata.json"];
/// Plan lines shown on stderr before the question.
const SHOWN_STEPS: usize = 50;

const SYNCED: Wording = Wording {
    done: "synced",
    preposition: "in",
    unchanged: &[],
    retry_hint: Some(
        "run the same sync again: what is in step is left alone, only the rest is done",
    ),
    interrupted_hint: Some("run the same sync again to finish"),
    stopped_hint: Some("fix the cause, then run the same sync again"),
};

pub async fn run(args: ItemsSyncArgs, ctx: &Context) -> Result<i32> {
    let gallery_id = ctx.resolve_gallery(&args.gallery_id).await?;
    let gallery = gallery_id.as_str();
    let dir = args.dir.as_path();
    if !dir.is_dir() {
        return Err(
            CliError::usage(format!("{} is not a folder", dir.display()))
                .with_hint("give the folder of images and videos the gallery should match")
                .into(),
        );
    }
    let client = ctx.client().await?;
    let mut state = State::open(dir, &site_key_of(ctx, client), gallery)?;
    let files = scan(dir, &state.files).await?;
    let order = order_of(&files, args.order.as_deref(), dir, ctx)?;
    let meta = metadata_of(&files, args.metadata.as_deref(), dir, ctx)?;
    // One consistent listing, even if other writers add while it is read page by page.
    let items = ordering::in_gallery_order(items::list_all(client, gallery).await?);
    let links = plan::link(&files, &items, &state.files);
    let plan = plan::plan(&files, &order, &items, &links, &meta, args.delete);
    let deletes = plan
        .steps
        .iter()
        .filter(|s| matches!(s, Step::Delete { .. }))
        .count();
    if let Some(max) = args.max_delete {
        if deletes as u64 > max {
            return Err(CliError::usage(format!(
                "the sync would remove {deletes} items, more than --max-delete {max}; nothing was changed"
            ))
            .with_hint("look at the plan with --dry-run, or raise --max-delete")
            .into());
        }
    }
    let rows = plan_rows(&plan, &files);
    for item in &plan.kept {
        ctx.printer.notice(&format!(
            "kept: item {} {:?} has no file in the folder (--delete removes such items)",
            item.id.as_deref().unwrap_or("?"),
            item.title.as_deref().unwrap_or("")
        ));
    }
    if args.dry_run {
        let mut out = ctx.printer.list::<PlanRow>()?;
        for row in &rows {
            out.push(row)?;
        }
        out.finish()?;
        ctx.printer
            .notice(&format!("dry run: {}; nothing was sent", counts(&plan)));
        return Ok(0);
    }
    if plan.steps.is_empty() {
        remember_links(&mut state, &plan, &files, &items)?;
        state.compact()?;
        if ctx.printer.format == OutputFormat::Json {
            ctx.printer.list::<Outcome>()?.finish()?;
        }
        ctx.printer.notice(&format!(
            "nothing to do: gallery {gallery} matches {} ({} file(s)); nothing was sent",
            dir.display(),
            files.len()
        ));
        return Ok(0);
    }
    confirm(ctx, &args, &rows, &plan, gallery)?;
    ctx.handle_interrupts();
    apply(
        ctx, client, gallery, &files, &meta, plan, &items, &mut state, &args,
    )
    .await
}

/// The folder's media files, each with its size, modification time, type and SHA-256 (read again
/// only when its size or time differ from what the state recorded). A file that cannot be used is a
/// usage error naming it, before anything is sent.
async fn scan(dir: &Path, known: &HashMap<String, Known>) -> Result<Vec<LocalFile>> {
    let mut found = Vec::new();
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("reading the folder {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading the folder {}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !path.is_file() {
            continue;
        }
        let Some(by_name) = add::mime_from_name(&name) else {
            continue;
        };
        found.push((name, path, by_name));
    }
    found.sort_by(|a, b| add::natural_cmp(&a.0, &b.0));
    let read: Vec<Result<LocalFile, String>> = stream::iter(found)
        .map(|(name, path, by_name)| {
            let known = known.get(&name).cloned();
            async move {
                tokio::task::spawn_blocking(move || inspect(name, path, by_name, known))
                    .await
                    .unwrap_or_else(|e| Err(format!("reading failed: {e}")))
            }
        })
        .buffered(4)
        .collect()
        .await;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for file in read {
        match file {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        let mut message = format!(
            "{}: {} file(s) cannot be synced; nothing was sent:",
            dir.display(),
            problems.len()
        );
        for problem in problems.iter().take(20) {
            message.push_str("\n  ");
            message.push_str(problem);
        }
        return Err(CliError::usage(message)
            .with_hint("fix or move those files out of the folder, then sync again")
            .into());
    }
    Ok(files)
}

fn inspect(
    name: String,
    path: PathBuf,
    by_name: &'static str,
    known: Option<Known>,
) -> Result<LocalFile, String> {
    let meta = std::fs::metadata(&path).map_err(|e| format!("{name}: {e}"))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    let size = meta.len();
    if let Some(known) = known.filter(|k| k.size == size && k.modified == modified && size > 0) {
        return Ok(LocalFile {
            name,
            path,
            size,
            modified,
            sha256: known.sha256,
            mime: by_name,
        });
    }
    let (size, mime, sha256) =
        add::inspect_file(&path, Some(by_name)).map_err(|why| format!("{name}: {why}"))?;
    Ok(LocalFile {
        name,
        path,
        size,
        modified,
        sha256,
        mime: mime.unwrap_or(by_name),
    })
}

/// The wanted order of the files (indexes): the order file's names first, in its order, then the
/// others by name.
fn order_of(
    files: &[LocalFile],
    given: Option<&Path>,
    dir: &Path,
    ctx: &Context,
) -> Result<Vec<usize>> {
    let default = dir.join(ORDER_FILE);
    let path = match given {
        Some(path) => path.to_path_buf(),
        None if default.is_file() => default,
        None => return Ok((0..files.len()).collect()),
    };
    let text = crate::commands::input::read_input(&path.display().to_string(), "the order file")
        .map_err(|e| {
            CliError::usage(format!("{e:#}"))
                .with_hint("one file name per line, in the wanted order")
        })?;
    let index = by_name(files);
    let mut order = Vec::new();
    let mut listed = std::collections::HashSet::new();
    for line in text.lines() {
        let name = line.trim();
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let name = name.rsplit('/').next().unwrap_or(name);
        match index.get(name) {
            Some(&i) if listed.insert(i) => order.push(i),
            Some(_) => {}
            None => ctx.printer.warn(&format!(
                "{} names {name:?}, which is not a media file of the folder; passed over",
                path.display()
            )),
        }
    }
    order.extend((0..files.len()).filter(|i| !listed.contains(i)));
    Ok(order)
}

/// Each file's place in `files`, by its name in the folder.
fn by_name(files: &[LocalFile]) -> HashMap<&str, usize> {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name.as_str(), i))
        .collect()
}

/// The sidecar manifest's metadata per file index (rows as `items add --from-file` reads them,
/// their `source` the file name). Every problem is a usage error, before anything is sent.
fn metadata_of(
    files: &[LocalFile],
    given: Option<&Path>,
    dir: &Path,
    ctx: &Context,
) -> Result<HashMap<usize, Meta>> {
    let path = match given {
        Some(path) => path.to_path_buf(),
        None => match METADATA_FILES
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
        {
            Some(path) => path,
            None => return Ok(HashMap::new()),
        },
    };
    let bytes =
        crate::commands::input::read_input_bytes(&path.display().to_string(), "the metadata file")
            .map_err(|e| {
                CliError::usage(format!("{e:#}")).with_hint(
                    "a CSV with a header (source,title,description,alt,link,tags), or JSON lines",
                )
            })?;
    let name = path.display().to_string();
    let (rows, mut problems) = add::parse_manifest(&name, &bytes).map_err(|errors| {
        CliError::usage(errors.join("\n  ")).with_hint(
            "a CSV with a header (source,title,description,alt,link,tags), or JSON lines",
        )
    })?;
    let index = by_name(files);
    let mut found = HashMap::new();
    for row in rows {
        let place = format!("{name} {}", row.place);
        if row.item.is_some() || row.text.is_some() {
            problems.push((
                row.order,
                format!(
                    "{place}: a sync row names a file (column source), not a whole item or a text"
                ),
            ));
            continue;
        }
        if row.meta.sort_order.is_some() {
            problems.push((
                row.order,
                format!(
                    "{place}, column sortOrder: the order comes from the file names or --order"
                ),
            ));
            continue;
        }
        let Some(source) = row.source else { continue };
        let file_name = source.rsplit('/').next().unwrap_or(&source).to_string();
        match index.get(file_name.as_str()) {
            Some(&i) => {
                found.insert(i, row.meta);
            }
            None => ctx.printer.warn(&format!(
                "{place} names {source:?}, which is not a media file of the folder; passed over"
            )),
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|(order, _)| *order);
        let list: Vec<String> = problems.into_iter().map(|(_, p)| p).collect();
        return Err(CliError::usage(format!(
            "{name}: {} problem(s), nothing was sent:\n  {}",
            list.len(),
            list.join("\n  ")
        ))
        .with_hint("fix the rows named and sync again")
        .into());
    }
    Ok(found)
}

/// One step of a plan, as `--dry-run` prints it.
struct PlanRow {
    action: &'static str,
    file: Option<String>,
    item_id: Option<String>,
    changes: Vec<String>,
}

impl Record for PlanRow {
    const HEADERS: &'static [&'static str] = &["ACTION", "FILE", "ITEM ID", "CHANGES"];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        vec![
            self.action.to_string(),
            self.file.clone().unwrap_or_default(),
            self.item_id.clone().unwrap_or_default(),
            self.changes.join(", "),
        ]
    }

    fn id(&self) -> String {
        self.item_id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        json!({"action": self.action, "file": self.file, "itemId": self.item_id, "changes": self.changes})
    }
}

fn plan_rows(plan: &Plan, files: &[LocalFile]) -> Vec<PlanRow> {
    let name = |f: &usize| Some(files[*f].name.clone());
    plan.steps
        .iter()
        .map(|step| match step {
            Step::Add { file, .. } => PlanRow {
                action: "add",
                file: name(file),
                item_id: None,
                changes: Vec::new(),
            },
            Step::Replace {
                file,
                item,
                changes,
            } => PlanRow {
                action: "replace",
                file: name(file),
                item_id: item.id.clone(),
                changes: std::iter::once("media".to_string())
                    .chain(changes.keys().map(|k| field_word(k)))
                    .collect(),
            },
            Step::Update {
                file,
                item,
                changes,
            } => PlanRow {
                action: if changes.len() == 1 && changes.contains_key("sortOrder") {
                    "move"
                } else {
                    "update"
                },
                file: file.as_ref().and_then(name),
                item_id: item.id.clone(),
                changes: changes.keys().map(|k| field_word(k)).collect(),
            },
            Step::Delete { item } => PlanRow {
                action: "delete",
                file: None,
                item_id: item.id.clone(),
                changes: item.title.iter().cloned().collect(),
            },
        })
        .collect()
}

fn field_word(field: &str) -> String {
    match field {
        "sortOrder" => "position".to_string(),
        "image" => "image details".to_string(),
        other => other.to_string(),
    }
}

fn counts(plan: &Plan) -> String {
    let mut n = [0usize; 5];
    for step in &plan.steps {
        let k = match step {
            Step::Add { .. } => 0,
            Step::Replace { .. } => 1,
            Step::Update { changes, .. }
                if changes.len() == 1 && changes.contains_key("sortOrder") =>
            {
                3
            }
            Step::Update { .. } => 2,
            Step::Delete { .. } => 4,
        };
        n[k] += 1;
    }
    format!(
        "{} to add, {} to replace, {} to update, {} to move, {} to delete; {} in step",
        n[0], n[1], n[2], n[3], n[4], plan.unchanged
    )
}

/// Shows the plan on stderr and asks (on a terminal, unless `--yes`); off a terminal `--yes` is
/// needed.
fn confirm(
    ctx: &Context,
    args: &ItemsSyncArgs,
    rows: &[PlanRow],
    plan: &Plan,
    gallery: &str,
) -> Result<()> {
    ctx.printer.notice(&format!(
        "plan for gallery {gallery} from {}: {}",
        args.dir.display(),
        counts(plan)
    ));
    for row in rows.iter().take(SHOWN_STEPS) {
        let mut line = format!("  {:<8} {}", row.action, row.file.as_deref().unwrap_or("-"));
        if let Some(id) = &row.item_id {
            line.push_str(&format!("  (item {id})"));
        }
        if !row.changes.is_empty() && row.action != "move" {
            line.push_str(&format!(": {}", row.changes.join(", ")));
        }
        ctx.printer.notice(&line);
    }
    if rows.len() > SHOWN_STEPS {
        ctx.printer.notice(&format!(
            "  … and {} more (--dry-run lists them all)",
            rows.len() - SHOWN_STEPS
        ));
    }
    if args.yes {
        return Ok(());
    }
    if ctx.global.no_input || !ctx.printer.terminal.stdin_tty {
        return Err(CliError::usage(format!(
            "refusing to change gallery {gallery} without --yes when not on a terminal; nothing was sent"
        ))
        .with_hint("look at the plan with --dry-run, then add --yes")
        .into());
    }
    if ctx
        .printer
        .confirm(&format!("Apply these {} change(s)?", plan.steps.len()))?
    {
        Ok(())
    } else {
        Err(CliError::new(Kind::Interrupted, "not confirmed; nothing was changed").into())
    }
}

/// Records the files matched to items and forgets files that are gone.
fn remember_links(
    state: &mut State,
    plan: &Plan,
    files: &[LocalFile],
    items: &[Item],
) -> Result<()> {
    let by_id: HashMap<&str, &Item> = items
        .iter()
        .filter_map(|i| i.id.as_deref().map(|id| (id, i)))
        .collect();
    for (f, item_id) in &plan.links {
        let item = by_id.get(item_id.as_str());
        let media_id = item.and_then(|i| media::wix_media_id(i));
        state.record(&files[*f].name, Some(known(&files[*f], item_id, media_id)))?;
    }
    let present: std::collections::HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let gone: Vec<String> = state
        .files
        .keys()
        .filter(|name| !present.contains(name.as_str()))
        .cloned()
        .collect();
    for name in gone {
        state.record(&name, None)?;
    }
    Ok(())
}

fn known(file: &LocalFile, item_id: &str, media_id: Option<String>) -> Known {
    Known {
        item_id: item_id.to_string(),
        media_id,
        sha256: file.sha256.clone(),
        size: file.size,
        modified: file.modified,
    }
}

/// Runs the plan: removals, updates and moves, replacements, additions.
#[allow(clippy::too_many_arguments)]
async fn apply(
    ctx: &Context,
    client: &Client,
    gallery: &str,
    files: &[LocalFile],
    meta: &HashMap<usize, Meta>,
    plan: Plan,
    items: &[Item],
    state: &mut State,
    args: &ItemsSyncArgs,
) -> Result<i32> {
    remember_links(state, &plan, files, items)?;
    let mut report = Report::new(ctx, Rows::Items, SYNCED);
    let mut deletes = Vec::new();
    let mut updates = Vec::new();
    let mut replaces = Vec::new();
    let mut adds = Vec::new();
    for step in plan.steps {
        match step {
            Step::Delete { item } => deletes.push(*item),
            Step::Update {
                file,
                item,
                changes,
            } => updates.push((file, *item, changes)),
            Step::Replace {
                file,
                item,
                changes,
            } => replaces.push((file, *item, changes)),
            Step::Add { file, sort_order } => adds.push((file, sort_order)),
        }
    }
    let progress = ctx.printer.progress(
        (deletes.len() + updates.len() + replaces.len() + adds.len()) as u64,
        "syncing",
    );
    // 1. Removals, journaled first.
    if !deletes.is_empty() {
        let journal = Journal::create(&ctx.paths.data_dir, "items sync", gallery)?;
        let path = journal.path().display().to_string();
        progress.suspend(|| ctx.printer.notice(&format!("journal: {path}")));
        report.closing_notice = Some(format!(
            "undo the removals: progallery items restore --journal {path}"
        ));
        let journal = Mutex::new(journal);
        let stop = Stop::default();
        let by_id: HashMap<String, Item> = deletes
            .iter()
            .filter_map(|i| i.id.clone().map(|id| (id, i.clone())))
            .collect();
        batches::delete_all(
            ctx,
            client,
            gallery,
            &deletes,
            &journal,
            &stop,
            |outcomes| {
                progress.inc(outcomes.len() as u64);
                for outcome in outcomes {
                    let outcome = match outcome.id.as_ref().and_then(|id| by_id.get(id)) {
                        Some(item) => outcome.with_item(item.clone()),
                        None => outcome,
                    };
                    progress.suspend(|| report.add(outcome))?;
                }
                Ok(())
            },
        )
        .await?;
        if let Some(error) = stop.take() {
            report.stopped(error);
            progress.finish_and_clear();
            return report.finish(gallery);
        }
    }
    // 2. Updates and moves (a position another item still holds is tried again after the others).
    let mut pending = updates;
    for round in 0..3 {
        let results: Vec<_> = stream::iter(pending)
            .map(|(file, item, changes)| async move {
                if ctx.was_interrupted() {
                    return (file, item, changes, None);
                }
                let id = item.id.clone().unwrap_or_default();
                let result =
                    items::update(client, gallery, &id, Value::Object(changes.clone())).await;
                (file, item, changes, Some(result))
            })
            .buffer_unordered(usize::from(args.concurrency))
            .collect()
            .await;
        pending = Vec::new();
        for (file, item, changes, result) in results {
            let moved_only = changes.len() == 1 && changes.contains_key("sortOrder");
            let source = file.map(|f: usize| files[f].name.clone());
            let outcome = match result {
                None => Outcome::new(item.id.clone(), Status::NotSent),
                Some(Err(ApiError::Status { status: 409, .. })) if round < 2 => {
                    pending.push((file, item, changes));
                    continue;
                }
                Some(Ok(updated)) => Outcome::of_item(
                    updated,
                    if moved_only {
                        Status::Moved
                    } else {
                        Status::Updated
                    },
                ),
                Some(Err(e)) => Outcome::new(item.id.clone(), Status::Failed).with_cause(e),
            };
            let outcome = match source {
                Some(name) => outcome.with_source(name),
                None => outcome,
            };
            progress.inc(1);
            progress.suspend(|| report.add(outcome))?;
        }
        if pending.is_empty() {
            break;
        }
    }
    // 3 and 4. Uploads: replacements, then additions.
    // Uploaded files are usable once READY: one waiter asks about all of them together.
    let uploads = Uploads::open(ctx, client, gallery)?;
    let shared = uploads.shared(client, gallery, ctx.attempts());
    let shared = &shared;
    let work: Vec<Work> = replaces
        .into_iter()
        .map(|(file, item, changes)| Work::Replace(file, Box::new(item), changes))
        .chain(
            adds.into_iter()
                .map(|(file, sort_order)| Work::Add(file, sort_order)),
        )
        .collect();
    let mut running = stream::iter(work)
        .map(|work| async move {
            if ctx.was_interrupted() {
                return (work, None);
            }
            let result = run_work(ctx, shared, gallery, files, meta, &work).await;
            (work, Some(result))
        })
        .buffer_unordered(usize::from(args.concurrency));
    // The uploads run while the waiter asks the Media Manager about the files they wait for.
    uploads
        .waiter
        .alongside(client, async {
            while let Some((work, result)) = running.next().await {
                let (file, status) = match &work {
                    Work::Replace(file, _, _) => (*file, Status::Updated),
                    Work::Add(file, _) => (*file, Status::Added),
                };
                let name = files[file].name.clone();
                let outcome = match result {
                    None => Outcome::new(None, Status::NotSent),
                    Some(Ok(item)) => {
                        let id = item.id.clone().unwrap_or_default();
                        let media_id = media::wix_media_id(&item);
                        state.record(&name, Some(known(&files[file], &id, media_id)))?;
                        Outcome::of_item(item, status)
                    }
                    Some(Err((message, cause))) => {
                        let id = match &work {
                            Work::Replace(_, item, _) => item.id.clone(),
                            Work::Add(..) => None,
                        };
                        Outcome::failed_by(id, message, cause)
                    }
                };
                progress.inc(1);
                progress.suspend(|| report.add(outcome.with_source(name)))?;
            }
            Ok::<(), anyhow::Error>(())
        })
        .await?;
    drop(running);
    progress.finish_and_clear();
    state.compact()?;
    report.finish(gallery)
}

/// An upload and what follows it.
enum Work {
    /// A changed file: its new media into the item, with these other changes.
    Replace(usize, Box<Item>, Map<String, Value>),
    /// A new file, created at this position.
    Add(usize, f64),
}

type WorkError = (String, Option<ApiError>);

async fn run_work(
    ctx: &Context,
    shared: &Shared<'_>,
    gallery: &str,
    files: &[LocalFile],
    meta: &HashMap<usize, Meta>,
    work: &Work,
) -> Result<Item, WorkError> {
    let file_index = match work {
        Work::Replace(file, _, _) | Work::Add(file, _) => *file,
    };
    let file = &files[file_index];
    let mut job = Job {
        source: AddSource::File {
            path: file.path.clone(),
            mime: Some(file.mime),
        },
        meta: Meta::default(),
        sort_order: None,
        sort_window: None,
        hash: Some(file.sha256.clone()),
        size: file.size,
        mime: Some(file.mime),
        md5: None,
    };
    let (key, value, _) = add::upload_media(&mut job, &file.path, shared)
        .await
        .map_err(|failed| (failed.message, failed.api.map(|e| *e)))?;
    match work {
        Work::Replace(_, item, changes) => {
            let current = if key == "image" {
                &item.image
            } else {
                &item.video
            };
            let Some(current) = current else {
                return Err((
                    format!(
                        "the file is now {} but the item is a {}: remove the item (sync with --delete after moving the file out) and sync again",
                        if key == "image" { "an image" } else { "a video" },
                        item.kind().to_lowercase()
                    ),
                    None,
                ));
            };
            let mut body = changes.clone();
            body.insert(key.into(), replaced_media(current, key, &value));
            let id = item.id.clone().unwrap_or_default();
            items::update(shared.client, gallery, &id, Value::Object(body))
                .await
                .map_err(|e| (format!("replacing its media: {e}"), Some(e)))
        }
        Work::Add(_, sort_order) => {
            let mut body = Map::new();
            body.insert(key.into(), value);
            let mut row = meta.get(&file_index).cloned().unwrap_or_default();
            if row.title.is_none() {
                row.title = Some(
                    file.name
                        .rsplit_once('.')
                        .map_or(file.name.as_str(), |(stem, _)| stem)
                        .to_string(),
                );
            }
            row.sort_order = None;
            row.apply(&mut body, None);
            body.insert("sortOrder".into(), json!(sort_order));
            items::create(shared.client, gallery, &Value::Object(body), ctx.attempts())
                .await
                .map_err(|e| (format!("creating the item: {e}"), Some(e)))
        }
    }
}

/// An item's media field with a new file in it: the new file's id, URL, size, name and renditions;
/// the rest (alt text, focal point, …) as the item had it.
fn replaced_media(current: &Value, key: &str, new: &Value) -> Value {
    let info_key = if key == "image" {
        "imageInfo"
    } else {
        "videoInfo"
    };
    let mut field = current.as_object().cloned().unwrap_or_default();
    field.insert("type".into(), json!("WIX_MEDIA"));
    let mut info = field
        .get(info_key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    if let Some(new_info) = new.get(info_key).and_then(Value::as_object) {
        for (name, value) in new_info {
            info.insert(name.clone(), value.clone());
        }
    }
    field.insert(info_key.into(), Value::Object(info));
    Value::Object(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_keeps_alt_text_and_focal_point() {
        let current = json!({"type": "WIX_MEDIA", "focalPoint": {"x": 0.2, "y": 0.3},
            "imageInfo": {"id": "old", "url": "u1", "width": 10, "height": 10, "altText": "Alt", "filename": "a.jpg"}});
        let new = json!({"type": "WIX_MEDIA", "imageInfo": {"id": "new", "url": "u2", "width": 20, "height": 30, "filename": "a.jpg"}});
        assert_eq!(
            replaced_media(&current, "image", &new),
            json!({"type": "WIX_MEDIA", "focalPoint": {"x": 0.2, "y": 0.3},
                "imageInfo": {"id": "new", "url": "u2", "width": 20, "height": 30, "altText": "Alt", "filename": "a.jpg"}})
        );
    }
}
