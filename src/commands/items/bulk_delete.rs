//! `progallery items bulk-delete`: ids from the arguments or `--ids-from FILE|-`, checked and
//! de-duplicated before anything is sent, deleted in batches of up to 1000 with a per-id outcome
//! on stdout and a summary on stderr. A failed batch does not stop the others (exit 3); Ctrl-C
//! stops after the batch in flight and reports what was done.

use std::collections::HashSet;

use anyhow::Result;
use serde_json::{json, Value};

use crate::api::items;
use crate::cli::{ItemsBulkDeleteArgs, OutputFormat};
use crate::commands::{confirm_destructive, read_input, require_guid};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::output::Record;

/// What happened to one id.
struct Outcome {
    item_id: String,
    outcome: &'static str,
    error: Option<String>,
}

impl Record for Outcome {
    const HEADERS: &'static [&'static str] = &["ID", "OUTCOME"];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        let outcome = match &self.error {
            Some(e) => format!("{}: {e}", self.outcome),
            None => self.outcome.to_string(),
        };
        vec![self.item_id.clone(), outcome]
    }

    fn id(&self) -> String {
        self.item_id.clone()
    }

    fn to_json(&self) -> Value {
        let mut value = json!({ "itemId": self.item_id, "outcome": self.outcome });
        if let Some(e) = &self.error {
            value["error"] = json!(e);
        }
        value
    }
}

pub async fn run(args: ItemsBulkDeleteArgs, ctx: &Context) -> Result<i32> {
    require_guid(&args.gallery_id, "gallery id")?;
    let ids = collect_ids(&args)?;
    let gallery = args.gallery_id.as_str();
    let batches: Vec<&[String]> = ids.chunks(items::MAX_BULK_DELETE).collect();
    if args.destructive.dry_run {
        let mut out = ctx.printer.list::<Outcome>()?;
        for id in &ids {
            out.push(&Outcome {
                item_id: id.clone(),
                outcome: "would delete",
                error: None,
            })?;
        }
        out.finish()?;
        ctx.printer.notice(&format!(
            "dry run: would ask to delete {} item(s) from gallery {gallery} in {} batch(es); nothing was sent",
            ids.len(),
            batches.len()
        ));
        return Ok(0);
    }
    confirm_destructive(
        ctx,
        &args.destructive,
        &format!("Delete {} item(s) from gallery {gallery}?", ids.len()),
        None,
    )?;
    let client = ctx.client().await?;
    ctx.handle_interrupts();
    let progress = ctx.printer.progress(ids.len() as u64, "deleting items");
    let mut out = ctx.printer.list::<Outcome>()?;
    let only_deleted = ctx.printer.format == OutputFormat::Id;
    let (mut deleted, mut missing, mut failed) = (0usize, 0usize, 0usize);
    let mut first_error = None;
    let mut interrupted_at = None;
    for (number, batch) in batches.iter().enumerate() {
        if ctx.was_interrupted() {
            interrupted_at = Some(number);
            break;
        }
        let outcomes: Vec<Outcome> = match items::bulk_delete(client, gallery, batch).await {
            Ok(gone) => {
                let gone: HashSet<String> = gone.into_iter().collect();
                batch
                    .iter()
                    .map(|id| {
                        let outcome = if gone.contains(id) {
                            "deleted"
                        } else {
                            "not found"
                        };
                        Outcome {
                            item_id: id.clone(),
                            outcome,
                            error: None,
                        }
                    })
                    .collect()
            }
            Err(e) => {
                let message = e.to_string();
                first_error.get_or_insert(e);
                batch
                    .iter()
                    .map(|id| Outcome {
                        item_id: id.clone(),
                        outcome: "failed",
                        error: Some(message.clone()),
                    })
                    .collect()
            }
        };
        for outcome in &outcomes {
            match outcome.outcome {
                "deleted" => deleted += 1,
                "not found" => missing += 1,
                _ => failed += 1,
            }
            if !only_deleted || outcome.outcome == "deleted" {
                out.push(outcome)?;
            }
        }
        out.page_done()?;
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    out.finish()?;
    let not_sent = ids.len() - deleted - missing - failed;
    let mut summary = format!(
        "deleted {deleted} of {} item(s) from gallery {gallery}",
        ids.len()
    );
    if missing > 0 {
        summary.push_str(&format!("; {missing} were not in the gallery"));
    }
    if failed > 0 {
        summary.push_str(&format!("; {failed} failed"));
    }
    if not_sent > 0 {
        summary.push_str(&format!("; {not_sent} not sent"));
    }
    if let Some(batch) = interrupted_at {
        return Err(CliError::new(
            Kind::Interrupted,
            format!("interrupted before batch {}: {summary}", batch + 1),
        )
        .into());
    }
    match first_error {
        None => {
            ctx.printer.notice(&summary);
            Ok(0)
        }
        // Nothing went through: the cause's own exit code (auth, not found, rate limit) says more.
        Some(e) if deleted + missing == 0 => Err(anyhow::Error::new(e).context(summary)),
        Some(e) => Err(
            CliError::new(Kind::Partial, format!("{summary} (first failure: {e})"))
                .with_hint("run the same command again: ids already deleted are skipped")
                .into(),
        ),
    }
}

/// The ids to delete: arguments first, then `--ids-from`; checked, duplicates dropped.
fn collect_ids(args: &ItemsBulkDeleteArgs) -> Result<Vec<String>> {
    let mut ids: Vec<String> = Vec::new();
    for id in &args.item_ids {
        require_guid(id, "item id")?;
        ids.push(id.clone());
    }
    if let Some(source) = &args.ids_from {
        let text = read_input(source, "item ids")?;
        for (number, line) in text.lines().enumerate() {
            let id = line.trim();
            if id.is_empty() || id.starts_with('#') {
                continue;
            }
            require_guid(id, "item id")
                .map_err(|e| e.context(format!("{source} line {}", number + 1)))?;
            ids.push(id.to_string());
        }
    }
    let mut seen = HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    if ids.is_empty() {
        return Err(CliError::usage("no item ids given (arguments or --ids-from)").into());
    }
    Ok(ids)
}
