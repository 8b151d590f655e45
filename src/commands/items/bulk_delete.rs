//! `progallery items bulk-delete`: select (ids, `--ids-from`, `--all`, `--where`), check the
//! budget (`--max-delete`), show (`--dry-run`) or confirm, journal, then delete in batches (see
//! `batches.rs`). Per-id outcomes go to stdout in the shape every bulk verb prints
//! (`commands::outcome`: only the deleted ids with `-o id`, only what did not simply go in a
//! table), the summary and the journal path to stderr. Exit 3 when some items failed (listed),
//! 130 on Ctrl-C.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use anyhow::Result;

use super::batches::{self, Stop};
use crate::api::model::Item;
use crate::cli::{ItemsBulkDeleteArgs, OutputFormat};
use crate::commands::confirm_destructive;
use crate::commands::input::{read_input, require_guid};
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::CliError;
use crate::journal::Journal;
use crate::select::{self, ids, Criteria};

/// Items shown in a confirmation prompt.
const SAMPLE: usize = 5;

pub async fn run(args: ItemsBulkDeleteArgs, ctx: &Context) -> Result<i32> {
    let criteria = criteria(&args)?;
    // Off a terminal without --yes the answer is known now: refuse before reading anything.
    let on_terminal = !ctx.global.no_input && ctx.printer.terminal.stdin_tty;
    if args.ids_from.as_deref() == Some("-") && !args.destructive.yes && !args.destructive.dry_run {
        return Err(CliError::usage(
            "the ids come from stdin, so stdin cannot answer a confirmation: add --yes",
        )
        .with_hint("check the selection first with --dry-run")
        .into());
    }
    if !on_terminal && !args.destructive.dry_run {
        let named = args.gallery_id.as_deref().unwrap_or("(none given)");
        confirm_destructive(
            ctx,
            &args.destructive,
            &format!("Delete the selected items from gallery {named}?"),
            None,
        )?;
    }
    if criteria.ids.is_empty() && args.ids_from.is_some() {
        // An upstream step that found nothing (`items list --where … -o id | bulk-delete
        // --ids-from -`) leaves nothing to do: that is a success, like a `--where` matching
        // nothing. Nothing is read or sent and no journal is written.
        let name = match args.ids_from.as_deref() {
            Some("-") | None => "stdin",
            Some(path) => path,
        };
        if ctx.printer.format == OutputFormat::Json {
            ctx.printer.list::<Item>()?.finish()?;
        }
        ctx.printer.notice(&format!(
            "nothing to delete: {name} lists no item ids; nothing was sent"
        ));
        return Ok(0);
    }
    let gallery = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    let selection = select::select(client, gallery, &criteria, &ctx.printer).await?;
    let selected = selection.items;
    if let Some(max) = args.max_delete {
        if selected.len() as u64 > max {
            return Err(CliError::usage(format!(
                "{} items selected, more than --max-delete {max}; nothing was deleted",
                selected.len()
            ))
            .with_hint("narrow the selection (check it with --dry-run), or raise --max-delete")
            .into());
        }
    }
    if args.destructive.dry_run {
        let mut out = ctx.printer.list::<Item>()?;
        for (index, item) in selected.iter().enumerate() {
            out.push_at(selection.positions.get(index).copied(), item)?;
        }
        out.finish()?;
        let mut notice = format!(
            "dry run: would delete {} item(s) from gallery {gallery} (of {} looked at)",
            selected.len(),
            selection.scanned
        );
        if !selection.missing.is_empty() {
            notice.push_str(&format!(
                "; {} id(s) are not in the gallery",
                selection.missing.len()
            ));
        }
        ctx.printer
            .notice(&format!("{notice}; nothing was sent to change anything"));
        return Ok(0);
    }
    let mut report = Report::new(ctx, Rows::Deletions, outcome::DELETED);
    for id in &selection.missing {
        report.add(
            Outcome::new(Some(id.clone()), Status::Skipped).with_error("not in the gallery"),
        )?;
    }
    for (id, error) in &selection.unreadable {
        report.add(Outcome::failed(
            Some(id.clone()),
            format!("not deleted: could not read it for the journal: {error}"),
        ))?;
    }
    if !selected.is_empty() {
        if on_terminal {
            // A person sees the count and a sample of what goes.
            confirm_destructive(ctx, &args.destructive, &question(gallery, &selected), None)?;
        }
        let journal = Journal::create(&ctx.paths.data_dir, "items bulk-delete", gallery)?;
        let journal_path = journal.path().display().to_string();
        ctx.printer.notice(&format!("journal: {journal_path}"));
        // Its path was printed as the run began; repeating it whole beside the command wrapped
        // two long paths over several lines for nothing.
        report.closing_notice = Some(format!(
            "undo: progallery items restore --journal {journal_path}"
        ));
        let journal = Mutex::new(journal);
        let by_id: HashMap<&str, &Item> = selected
            .iter()
            .filter_map(|item| item.id.as_deref().map(|id| (id, item)))
            .collect();
        ctx.handle_interrupts();
        let stop = Stop::default();
        let progress = ctx
            .printer
            .progress(selected.len() as u64, "deleting items");
        batches::delete_all(
            ctx,
            client,
            gallery,
            &selected,
            &journal,
            &stop,
            |outcomes| {
                progress.inc(outcomes.len() as u64);
                for outcome in outcomes {
                    // Each outcome carries the item as it was before it went.
                    let item = outcome.id.as_deref().and_then(|id| by_id.get(id));
                    let outcome = match item {
                        Some(item) => outcome.with_item((*item).clone()),
                        None => outcome,
                    };
                    report.add(outcome)?;
                }
                Ok(())
            },
        )
        .await?;
        progress.finish_and_clear();
        if let Some(error) = stop.take() {
            report.stopped(error);
        }
        // Stopped before the first batch (Ctrl-C, an error): the journal holds no item, so it
        // would only be a file that restores nothing.
        let journal = journal.into_inner().unwrap_or_else(|e| e.into_inner());
        if journal.items_recorded() == 0 {
            journal.discard()?;
            report.closing_notice = None;
        }
    }
    report.finish(gallery)
}

/// Parses the selection flags; a bad expression or id fails here, before anything is sent.
fn criteria(args: &ItemsBulkDeleteArgs) -> Result<Criteria> {
    let filter = match &args.where_expr {
        Some(expr) => Some(select::filter::parse(expr, chrono::Utc::now())?),
        None => None,
    };
    let mut ids_given = Vec::new();
    for id in &args.item_ids {
        require_guid(id, "item id")?;
        ids_given.push(id.clone());
    }
    if let Some(source) = &args.ids_from {
        let text = read_input(source, "item ids")?;
        let name = if source == "-" { "stdin" } else { source };
        // Empty input (no ids, `[]`) is a valid, empty selection (see `run`); only input that
        // is not ids at all is an error.
        ids_given.extend(ids::parse_ids(&text, name)?);
    }
    let mut seen = HashSet::new();
    ids_given.retain(|id| seen.insert(id.clone()));
    if ids_given.is_empty() && args.ids_from.is_none() && !args.all && filter.is_none() {
        return Err(CliError::usage(
            "nothing selected: give item ids, --ids-from FILE, --where EXPR or --all",
        )
        .with_hint(
            "e.g. `--where 'type=VIDEO'`; look at a selection first with `progallery items list GALLERY --where EXPR`",
        )
        .into());
    }
    Ok(Criteria {
        ids: ids_given,
        all: args.all,
        filter,
    })
}

/// "Delete 1203 items from gallery G?" with the first few of them, so a person sees what goes.
fn question(gallery: &str, selected: &[Item]) -> String {
    let mut text = format!(
        "About to delete {} item(s) from gallery {gallery}, for example:",
        selected.len()
    );
    for item in selected.iter().take(SAMPLE) {
        let title = item.title.as_deref().unwrap_or("");
        text.push_str(&format!(
            "\n  {}  {:<5}  {}",
            item.id.as_deref().unwrap_or(""),
            item.kind(),
            title.chars().take(50).collect::<String>()
        ));
    }
    if selected.len() > SAMPLE {
        text.push_str(&format!("\n  … and {} more", selected.len() - SAMPLE));
    }
    text.push_str(&format!("\nDelete these {} item(s)?", selected.len()));
    text
}
