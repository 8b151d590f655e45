//! `progallery items bulk-delete`: select (ids, `--ids-from`, `--all`, `--where`), check the
//! budget (`--max-delete`), show (`--dry-run`) or confirm, journal, then delete in batches (see
//! `batches.rs`). Per-id outcomes go to stdout (`{"id","status","error"}` in json/jsonl; only
//! the deleted ids with `-o id`; only what did not simply go in a table), the summary and the
//! journal path to stderr. Exit 3 when some items failed (listed), 130 on Ctrl-C.

use std::collections::HashSet;
use std::sync::Mutex;

use anyhow::Result;

use super::batches::{self, Outcome, Status, Stop};
use crate::api::model::Item;
use crate::cli::{ItemsBulkDeleteArgs, OutputFormat};
use crate::commands::confirm_destructive;
use crate::commands::input::{read_input, require_guid};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::journal::Journal;
use crate::select::{self, ids, Criteria};

/// Items shown in a confirmation prompt.
const SAMPLE: usize = 5;
/// Failed ids listed on stderr; the rest are in the -o jsonl outcomes.
const LISTED_FAILURES: usize = 100;

pub async fn run(args: ItemsBulkDeleteArgs, ctx: &Context) -> Result<i32> {
    require_guid(&args.gallery_id, "gallery id")?;
    let criteria = criteria(&args)?;
    let gallery = args.gallery_id.as_str();
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
        confirm_destructive(
            ctx,
            &args.destructive,
            &format!("Delete the selected items from gallery {gallery}?"),
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
        for item in &selected {
            out.push(item)?;
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
    let mut report = Report::new(ctx);
    for id in &selection.missing {
        report.add(Outcome::new(
            id,
            Status::Skipped,
            Some("not in the gallery".to_string()),
        ))?;
    }
    for (id, error) in &selection.unreadable {
        report.add(Outcome::new(
            id,
            Status::Failed,
            Some(format!(
                "not deleted: could not read it for the journal: {error}"
            )),
        ))?;
    }
    if !selected.is_empty() {
        if on_terminal {
            // A person sees the count and a sample of what goes.
            confirm_destructive(ctx, &args.destructive, &question(gallery, &selected), None)?;
        }
        let journal = Journal::create(&ctx.paths.data_dir, "items bulk-delete", gallery)?;
        let journal_path = journal.path().to_path_buf();
        ctx.printer
            .notice(&format!("journal: {}", journal_path.display()));
        report.journal = Some(journal_path);
        let journal = Mutex::new(journal);
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
                    report.add(outcome)?;
                }
                Ok(())
            },
        )
        .await?;
        progress.finish_and_clear();
        report.stopped_by = stop.take();
        // Stopped before the first batch (Ctrl-C, an error): the journal holds no item, so it
        // would only be a file that restores nothing.
        let journal = journal.into_inner().unwrap_or_else(|e| e.into_inner());
        if journal.items_recorded() == 0 {
            journal.discard()?;
            report.journal = None;
        }
    }
    report.finish(
        gallery,
        selected.len() + selection.missing.len() + selection.unreadable.len(),
    )
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
        return Err(
            CliError::usage("nothing selected: give ids, --ids-from, --where or --all").into(),
        );
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

/// Collects outcomes, prints them as they come, and ends with the summary and exit code.
struct Report<'c> {
    ctx: &'c Context,
    out: Option<crate::output::ListWriter<'c, Outcome>>,
    /// In a table only what failed or was skipped is shown; collected to print once.
    table_rows: Vec<Outcome>,
    deleted: usize,
    skipped: usize,
    not_sent: usize,
    failed: Vec<Outcome>,
    journal: Option<std::path::PathBuf>,
    stopped_by: Option<anyhow::Error>,
}

impl<'c> Report<'c> {
    fn new(ctx: &'c Context) -> Report<'c> {
        Report {
            ctx,
            out: None,
            table_rows: Vec::new(),
            deleted: 0,
            skipped: 0,
            not_sent: 0,
            failed: Vec::new(),
            journal: None,
            stopped_by: None,
        }
    }

    fn add(&mut self, outcome: Outcome) -> std::io::Result<()> {
        match outcome.status {
            Status::Deleted => self.deleted += 1,
            Status::Skipped => self.skipped += 1,
            Status::NotSent => self.not_sent += 1,
            Status::Failed => self.failed.push(outcome.clone()),
        }
        let format = self.ctx.printer.format;
        match format {
            OutputFormat::Table => {
                // Ids never sent after a Ctrl-C are counted in the summary, whose hint (run it
                // again) is all a person needs: listing thousands of them buried the failures.
                if !matches!(outcome.status, Status::Deleted | Status::NotSent) {
                    self.table_rows.push(outcome);
                }
            }
            OutputFormat::Id if outcome.status != Status::Deleted => {}
            _ => {
                if self.out.is_none() {
                    self.out = Some(self.ctx.printer.list::<Outcome>()?);
                }
                if let Some(out) = self.out.as_mut() {
                    out.push(&outcome)?;
                    out.page_done()?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self, gallery: &str, total: usize) -> Result<i32> {
        let printer = &self.ctx.printer;
        if !self.table_rows.is_empty() {
            let mut out = printer.list::<Outcome>()?;
            for row in &self.table_rows {
                out.push(row)?;
            }
            out.finish()?;
        }
        match self.out.take() {
            Some(out) => out.finish()?,
            // An empty json list is still a list.
            None if printer.format == OutputFormat::Json => printer.list::<Outcome>()?.finish()?,
            None => {}
        }
        let mut summary = format!(
            "deleted {} of {total} item(s) from gallery {gallery}",
            self.deleted
        );
        if self.skipped > 0 {
            summary.push_str(&format!("; {} skipped (already gone)", self.skipped));
        }
        if !self.failed.is_empty() {
            summary.push_str(&format!("; {} failed", self.failed.len()));
        }
        if self.not_sent > 0 {
            summary.push_str(&format!("; {} not sent", self.not_sent));
        }
        if let Some(path) = &self.journal {
            let path = path.display();
            // Its path was printed as the run began; repeating it whole beside the command
            // wrapped two long paths over several lines for nothing.
            printer.notice(&format!("undo: progallery items restore --journal {path}"));
        }
        for failure in self.failed.iter().take(LISTED_FAILURES) {
            printer.warn(&format!(
                "failed: {} ({})",
                failure.id,
                failure.error.as_deref().unwrap_or("unknown error")
            ));
        }
        if self.failed.len() > LISTED_FAILURES {
            printer.warn(&format!(
                "… and {} more failed (see -o jsonl)",
                self.failed.len() - LISTED_FAILURES
            ));
        }
        if self.ctx.was_interrupted() {
            return Err(
                CliError::new(Kind::Interrupted, format!("interrupted: {summary}"))
                    .with_hint("run the same command again to finish: what is gone is skipped")
                    .into(),
            );
        }
        if let Some(error) = self.stopped_by.take() {
            if self.deleted == 0 {
                return Err(error.context(summary));
            }
            return Err(
                CliError::new(Kind::Partial, format!("{summary}; stopped: {error:#}"))
                    .with_hint(
                        "fix the cause, then run the same command again: what is gone is skipped",
                    )
                    .into(),
            );
        }
        if !self.failed.is_empty() {
            return Err(CliError::new(Kind::Partial, format!("{summary} (listed above)"))
                .with_hint("run the same command again to retry the failed ones: what is gone is skipped")
                .into());
        }
        printer.notice(&summary);
        Ok(0)
    }
}
