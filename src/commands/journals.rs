//! `progallery journals`: the journals of recent deletes, newest first, each with its time,
//! command, gallery, item count, whether a restore ran from it, and the exact command that
//! restores it. Nothing here talks to the service: it reads the data dir (and the gallery
//! names cache for names), so after a `-q` cleanup the undo is still one command away.

use anyhow::Result;
use serde_json::{json, Value};

use crate::cli::{JournalsArgs, OutputFormat};
use crate::context::Context;
use crate::gallery_names;
use crate::journal::{self, Summary};
use crate::output::Record;

pub fn run(args: JournalsArgs, ctx: &Context) -> Result<i32> {
    let mut journals = journal::summaries(&ctx.paths.data_dir)?;
    if !args.all {
        journals.truncate(args.limit);
    }
    let names = gallery_names::read_cache(&ctx.paths.data_dir)
        .map(|cache| cache.galleries)
        .unwrap_or_default();
    let rows: Vec<Row> = journals
        .into_iter()
        .map(|summary| {
            let cached = summary.gallery_id.as_deref().and_then(|id| {
                names
                    .iter()
                    .find(|g| g.id == id && !g.name.is_empty())
                    .map(|g| g.name.clone())
            });
            Row {
                gallery_name: summary.gallery_name.clone().or(cached),
                summary,
            }
        })
        .collect();
    if ctx.printer.format == OutputFormat::Table && !ctx.printer.has_fields() {
        // Two lines per journal, so the restore command is never cut to the terminal's width.
        let mut text = String::new();
        for row in &rows {
            text.push_str(&format!(
                "{}  {}  {}  {} item(s)  {}\n  {}\n",
                row.time(),
                row.summary.command.as_deref().unwrap_or("?"),
                row.gallery(),
                row.summary.items,
                row.restored(),
                row.restore_command()
            ));
        }
        if rows.is_empty() {
            ctx.printer.notice(&format!(
                "no journals in {}: nothing was deleted from here yet",
                ctx.paths.data_dir.join("journals").display()
            ));
        } else {
            ctx.printer.text(&text)?;
        }
        return Ok(0);
    }
    let mut out = ctx.printer.list::<Row>()?;
    for row in &rows {
        out.push(row)?;
    }
    out.finish()?;
    Ok(0)
}

struct Row {
    summary: Summary,
    gallery_name: Option<String>,
}

impl Row {
    fn path(&self) -> String {
        self.summary.path.display().to_string()
    }

    /// `2026-11-26 19:04:11` (UTC), from the run's start.
    fn time(&self) -> String {
        let started = self.summary.started_at.as_deref().unwrap_or_default();
        chrono::DateTime::parse_from_rfc3339(started)
            .map(|t| {
                t.with_timezone(&chrono::Utc)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .unwrap_or_else(|_| started.to_string())
    }

    fn gallery(&self) -> String {
        let id = self.summary.gallery_id.as_deref().unwrap_or("?");
        match &self.gallery_name {
            Some(name) => format!("{name:?} ({id})"),
            None => id.to_string(),
        }
    }

    /// The last restore that ran from it: "restored …", "partly restored …" (it failed or was
    /// interrupted), or "not restored".
    fn restored(&self) -> String {
        match self.summary.restores.last() {
            None => "not restored".to_string(),
            Some(last) => {
                let at = last.at.as_deref().unwrap_or_default();
                let at = chrono::DateTime::parse_from_rfc3339(at)
                    .map(|t| {
                        t.with_timezone(&chrono::Utc)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default();
                let state = if last.complete {
                    "restored"
                } else {
                    "partly restored"
                };
                format!("{state} {at}").trim_end().to_string()
            }
        }
    }

    fn restore_command(&self) -> String {
        let verb = match self.summary.command.as_deref() {
            Some("galleries delete") => "galleries restore",
            _ => "items restore",
        };
        format!("progallery {verb} --journal {}", shell_quoted(&self.path()))
    }
}

/// A path as a shell reads it back: as it is when it holds only safe characters, else in single
/// quotes.
fn shell_quoted(text: &str) -> String {
    let safe = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-:+=@,%".contains(c));
    if safe {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

impl Record for Row {
    const HEADERS: &'static [&'static str] = &[
        "PATH",
        "TIME",
        "COMMAND",
        "GALLERY",
        "ITEMS",
        "RESTORED",
        "RESTORE WITH",
    ];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        vec![
            self.path(),
            self.summary.started_at.clone().unwrap_or_default(),
            self.summary.command.clone().unwrap_or_default(),
            self.summary.gallery_id.clone().unwrap_or_default(),
            self.summary.items.to_string(),
            self.restored(),
            self.restore_command(),
        ]
    }

    /// The journal's path: `-o id` lists paths for `--journal`.
    fn id(&self) -> String {
        self.path()
    }

    fn to_json(&self) -> Value {
        let restores: Vec<Value> = self
            .summary
            .restores
            .iter()
            .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
            .collect();
        json!({
            "path": self.path(),
            "startedAt": self.summary.started_at,
            "command": self.summary.command,
            "galleryId": self.summary.gallery_id,
            "galleryName": self.gallery_name,
            "items": self.summary.items,
            "restored": self.summary.restores.last().is_some_and(|r| r.complete),
            "restores": restores,
            "restoreCommand": self.restore_command(),
        })
    }
}
