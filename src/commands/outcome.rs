//! One contract for the write verbs that act on many objects (`items delete`, `items
//! bulk-delete`, `items add` with several sources, `items update --from-file`, `items reorder`,
//! `items restore`, `galleries restore`): what happened to each object is an `Outcome`, printed as
//! it is settled, and `Report` is the one builder of what they print, of the summary on stderr
//! and of the exit code.
//!
//! In `-o json` (one array) and `-o jsonl` (one line each, as they come) every outcome is
//!
//! ```text
//! {"id": ID|null, "status": STATUS, "error": TEXT|null,
//!  "originalId"?: ID, "source"?: TEXT, "item"?: {…} | "gallery"?: {…}}
//! ```
//!
//! - `id`: the object's id after the write (a restored or added item's new id); null when there is
//!   none (a create that failed or was not sent).
//! - `status`: done (`deleted`, `added`, `restored`, `updated`, `moved`), nothing to do
//!   (`present`: already there; `skipped`: already gone or already in place; `duplicate`: the same
//!   content earlier in the same input), `failed`, or `not_sent` (Ctrl-C or a stop came first).
//! - `error`: why it failed, or why it was skipped; null otherwise.
//! - `originalId` (restores): the id the journal holds. `source` (add, update): the input it came
//!   from (a file, a URL, a manifest or edits row). `item` / `gallery`: the object as the service
//!   last showed it (after the write; for a delete, as it was before), when the command has it.
//!
//! `-o id` prints the ids of the objects done or present (so `-o id` after an add lists an id per
//! source, and after a delete the ids that went). Tables and TSV keep each verb's own rows: the
//! objects themselves for add, update and reorder, the outcomes (ID, STATUS, ERROR) for deletes
//! and restores; a table leaves out what was simply deleted and what was not sent.
//!
//! The summary counts every outcome ("deleted 998 of 1000 item(s) from gallery G; 2 failed"),
//! failures are listed on stderr, and the exit code is: 130 after Ctrl-C; 3 when some failed (the
//! partial failure); the cause's own code when nothing at all went through and every failure came
//! from the service refusing or being unreachable (auth, rate limit, connection), as one request
//! would have exited; for a verb that asks for it (`items add`), the failures' shared code, else 1,
//! when every object failed; 0 otherwise.

use anyhow::Result;
use serde_json::{json, Value};

use crate::api::model::{Gallery, Item};
use crate::api::ApiError;
use crate::cli::OutputFormat;
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::output::{ListWriter, Record};

/// Failures listed on stderr; the rest are in the -o jsonl outcomes.
const LISTED_FAILURES: usize = 100;
/// Rows of a restore's old → new id table shown on stderr; the file has them all.
const ID_TABLE_SHOWN: usize = 20;

/// What happened to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Deleted,
    Added,
    Restored,
    Updated,
    Moved,
    /// Already there: nothing to do, and the object exists.
    Present,
    /// Nothing to do: already gone, already in place.
    Skipped,
    /// The same content came earlier in the same input.
    Duplicate,
    Failed,
    NotSent,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Deleted => "deleted",
            Status::Added => "added",
            Status::Restored => "restored",
            Status::Updated => "updated",
            Status::Moved => "moved",
            Status::Present => "present",
            Status::Skipped => "skipped",
            Status::Duplicate => "duplicate",
            Status::Failed => "failed",
            Status::NotSent => "not_sent",
        }
    }

    /// The write this command exists for happened.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            Status::Deleted | Status::Added | Status::Restored | Status::Updated | Status::Moved
        )
    }

    /// The object is where the command wanted it: done, or there already (its id is printed by
    /// `-o id`).
    fn leaves_an_id(self) -> bool {
        self.is_done() || self == Status::Present
    }
}

/// The object an outcome is about.
#[derive(Debug, Clone)]
pub enum Object {
    Item(Box<Item>),
    Gallery(Gallery),
}

/// What happened to one object (see the module's comment for its JSON).
#[derive(Debug)]
pub struct Outcome {
    pub id: Option<String>,
    pub status: Status,
    pub error: Option<String>,
    pub original_id: Option<String>,
    pub source: Option<String>,
    pub object: Option<Object>,
    /// The service's error behind a failure (not printed; see `Report::finish`).
    pub cause: Option<Box<ApiError>>,
}

impl Outcome {
    pub fn new(id: Option<String>, status: Status) -> Outcome {
        Outcome {
            id,
            status,
            error: None,
            original_id: None,
            source: None,
            object: None,
            cause: None,
        }
    }

    /// The outcome of an item: its id and the item.
    pub fn of_item(item: Item, status: Status) -> Outcome {
        Outcome::new(item.id.clone(), status).with_item(item)
    }

    /// A failure, with its message.
    pub fn failed(id: Option<String>, error: impl Into<String>) -> Outcome {
        Outcome::new(id, Status::Failed).with_error(error)
    }

    /// A failure with its message, and the service's error behind it when there is one (for the
    /// exit code and the hint).
    pub fn failed_by(
        id: Option<String>,
        error: impl Into<String>,
        cause: Option<ApiError>,
    ) -> Outcome {
        let outcome = Outcome::failed(id, error);
        match cause {
            Some(cause) => outcome.with_cause(cause),
            None => outcome,
        }
    }

    pub fn with_error(mut self, error: impl Into<String>) -> Outcome {
        self.error = Some(error.into());
        self
    }

    pub fn with_original_id(mut self, id: impl Into<String>) -> Outcome {
        self.original_id = Some(id.into());
        self
    }

    pub fn with_source(mut self, source: impl Into<String>) -> Outcome {
        self.source = Some(source.into());
        self
    }

    pub fn with_item(mut self, item: Item) -> Outcome {
        self.object = Some(Object::Item(Box::new(item)));
        self
    }

    pub fn with_gallery(mut self, gallery: Gallery) -> Outcome {
        self.object = Some(Object::Gallery(gallery));
        self
    }

    /// The service's error behind a failure; its message becomes the outcome's error unless one
    /// was given.
    pub fn with_cause(mut self, cause: ApiError) -> Outcome {
        if self.error.is_none() {
            self.error = Some(cause.to_string());
        }
        self.cause = Some(Box::new(cause));
        self
    }

    /// How a failure is named on stderr: its input, else its original id, else its id.
    fn label(&self) -> String {
        match (&self.source, &self.original_id, &self.id) {
            (Some(source), _, Some(id)) => format!("{source} (item {id})"),
            (Some(source), _, None) => source.clone(),
            (None, Some(original), _) => original.clone(),
            (None, None, Some(id)) => id.clone(),
            (None, None, None) => "?".to_string(),
        }
    }
}

impl Record for Outcome {
    const HEADERS: &'static [&'static str] = &["ID", "STATUS", "ERROR"];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        vec![
            self.id.clone().unwrap_or_default(),
            self.status.as_str().to_string(),
            self.error.clone().unwrap_or_default(),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        let mut value =
            json!({ "id": self.id, "status": self.status.as_str(), "error": self.error });
        if let Some(original) = &self.original_id {
            value["originalId"] = json!(original);
        }
        if let Some(source) = &self.source {
            value["source"] = json!(source);
        }
        match &self.object {
            Some(Object::Item(item)) => value["item"] = item.to_json(),
            Some(Object::Gallery(gallery)) => value["gallery"] = gallery.to_json(),
            None => {}
        }
        value
    }
}

/// An outcome as a restore's row: its original id beside the new one.
pub struct RestoredRow(Outcome);

impl Record for RestoredRow {
    const HEADERS: &'static [&'static str] = &["ID", "ORIGINAL ID", "STATUS", "ERROR"];

    fn cells(&self, _for_table: bool) -> Vec<String> {
        let outcome = &self.0;
        vec![
            outcome.id.clone().unwrap_or_default(),
            outcome.original_id.clone().unwrap_or_default(),
            outcome.status.as_str().to_string(),
            outcome.error.clone().unwrap_or_default(),
        ]
    }

    fn id(&self) -> String {
        self.0.id()
    }

    fn to_json(&self) -> Value {
        self.0.to_json()
    }
}

/// What a table or TSV shows of the outcomes (json, jsonl and id are the same for every verb).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// The outcomes (ID, STATUS, ERROR); a table leaves out what was simply deleted.
    Deletions,
    /// The outcomes with their original ids (ID, ORIGINAL ID, STATUS, ERROR).
    Restorations,
    /// The items done or present, as `items list` shows them.
    Items,
    /// The galleries done or present, as `galleries list` shows them; nothing of their items.
    Galleries,
}

/// How a verb words its summary and its hints.
#[derive(Debug, Clone, Copy)]
pub struct Wording {
    /// "deleted", "added", …: what the done statuses did.
    pub done: &'static str,
    /// "from gallery G", "into gallery G", …
    pub preposition: &'static str,
    /// The nothing-to-do statuses this verb has, and how the summary counts them.
    pub unchanged: &'static [(Status, &'static str)],
    /// The hint under a partial failure.
    pub retry_hint: Option<&'static str>,
    /// The hint after Ctrl-C.
    pub interrupted_hint: Option<&'static str>,
    /// The hint when the run stopped early on an error after some objects were done.
    pub stopped_hint: Option<&'static str>,
}

/// `items delete` and `items bulk-delete`.
pub const DELETED: Wording = Wording {
    done: "deleted",
    preposition: "from",
    unchanged: &[(Status::Skipped, "skipped (already gone)")],
    retry_hint: Some(
        "run the same command again to retry the failed ones: what is gone is skipped",
    ),
    interrupted_hint: Some("run the same command again to finish: what is gone is skipped"),
    stopped_hint: Some("fix the cause, then run the same command again: what is gone is skipped"),
};

/// `items restore` and `galleries restore`.
pub const RESTORED: Wording = Wording {
    done: "restored",
    preposition: "into",
    unchanged: &[(Status::Present, "already there (skipped)")],
    retry_hint: None,
    interrupted_hint: Some("run the same restore again to finish: what is back is skipped"),
    stopped_hint: None,
};

/// `items add` with several sources.
pub const ADDED: Wording = Wording {
    done: "added",
    preposition: "to",
    unchanged: &[
        (Status::Present, "already there"),
        (Status::Duplicate, "repeated in the input"),
    ],
    retry_hint: Some("fix or remove the failed sources and run the same command again: what is already in the gallery is skipped"),
    interrupted_hint: Some("run the same command again to add the rest: what the gallery already holds is skipped"),
    stopped_hint: None,
};

/// `items update --from-file`.
pub const UPDATED: Wording = Wording {
    done: "updated",
    preposition: "in",
    unchanged: &[(Status::Skipped, "unchanged (nothing sent)")],
    retry_hint: Some("fix the failed rows and run them again: updates are safe to repeat"),
    interrupted_hint: None,
    stopped_hint: None,
};

/// `items reorder`.
pub const MOVED: Wording = Wording {
    done: "moved",
    preposition: "in",
    unchanged: &[(Status::Skipped, "already in place")],
    retry_hint: None,
    interrupted_hint: None,
    stopped_hint: None,
};

/// The writer of whichever form the chosen format prints.
enum Writer<'c> {
    Outcomes(ListWriter<'c, Outcome>),
    Restored(ListWriter<'c, RestoredRow>),
    Items(ListWriter<'c, Item>),
    Galleries(ListWriter<'c, Gallery>),
}

impl Writer<'_> {
    fn page_done(&self) -> std::io::Result<()> {
        match self {
            Writer::Outcomes(w) => w.page_done(),
            Writer::Restored(w) => w.page_done(),
            Writer::Items(w) => w.page_done(),
            Writer::Galleries(w) => w.page_done(),
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Writer::Outcomes(w) => w.finish(),
            Writer::Restored(w) => w.finish(),
            Writer::Items(w) => w.finish(),
            Writer::Galleries(w) => w.finish(),
        }
    }
}

/// Prints outcomes as they come, counts them, and ends with the summary and the exit code.
pub struct Report<'c> {
    ctx: &'c Context,
    rows: Rows,
    wording: Wording,
    writer: Option<Writer<'c>>,
    total: usize,
    done: usize,
    unchanged: Vec<usize>,
    not_sent: usize,
    failed: usize,
    /// The first failures, named for stderr.
    listed: Vec<String>,
    /// Whether every failure so far has a cause that would end any request the same way.
    all_systemic: bool,
    first_cause: Option<(String, Box<ApiError>)>,
    stopped_by: Option<anyhow::Error>,
    /// A notice printed with the summary, before the failures (the undo command of a delete).
    pub closing_notice: Option<String>,
    /// When every object failed, the run is not a partial failure (see `whole_when_all_fail`).
    whole_when_all_fail: bool,
    /// The exit-code kind every failure so far shares: `None` before the first, `Some(None)`
    /// once two differ.
    failure_kind: Option<Option<Kind>>,
    /// Restores: the old → new id table, written to this file and shown on stderr at the end.
    id_table: Option<(std::path::PathBuf, Vec<[String; 4]>)>,
}

impl<'c> Report<'c> {
    pub fn new(ctx: &'c Context, rows: Rows, wording: Wording) -> Report<'c> {
        Report {
            ctx,
            rows,
            wording,
            writer: None,
            total: 0,
            done: 0,
            unchanged: vec![0; wording.unchanged.len()],
            not_sent: 0,
            failed: 0,
            listed: Vec::new(),
            all_systemic: true,
            first_cause: None,
            stopped_by: None,
            closing_notice: None,
            whole_when_all_fail: false,
            failure_kind: None,
            id_table: None,
        }
    }

    /// Keeps the old → new id table of a restore (the service gives restored objects new ids):
    /// written beside the journal (`<journal>.ids.tsv`: kind, old id, new id, status) and shown
    /// on stderr when the run ends.
    pub fn keep_id_table(&mut self, journal: &std::path::Path) {
        let mut name = journal.file_stem().unwrap_or_default().to_os_string();
        name.push(".ids.tsv");
        self.id_table = Some((journal.with_file_name(name), Vec::new()));
    }

    fn note_ids(&mut self, outcome: &Outcome) {
        let (Some((_, rows)), Some(original)) = (self.id_table.as_mut(), &outcome.original_id)
        else {
            return;
        };
        let kind = match outcome.object {
            Some(Object::Gallery(_)) => "gallery",
            _ => "item",
        };
        rows.push([
            kind.to_string(),
            original.clone(),
            outcome.id.clone().unwrap_or_default(),
            outcome.status.as_str().to_string(),
        ]);
    }

    /// Writes the id table and shows it (the first rows) on stderr.
    fn write_id_table(&mut self) -> Result<()> {
        let Some((path, rows)) = self.id_table.take() else {
            return Ok(());
        };
        if rows.is_empty() {
            return Ok(());
        }
        let mut text = String::from("kind\told id\tnew id\tstatus\n");
        for row in &rows {
            text.push_str(&row.join("\t"));
            text.push('\n');
        }
        crate::files::write_private_atomically(&path, text.as_bytes())?;
        let printer = &self.ctx.printer;
        printer.notice(&format!("old → new ids (also in {}):", path.display()));
        for row in rows.iter().take(ID_TABLE_SHOWN) {
            let new = if row[2].is_empty() { "-" } else { &row[2] };
            printer.notice(&format!("  {:<7} {} → {new}  {}", row[0], row[1], row[3]));
        }
        if rows.len() > ID_TABLE_SHOWN {
            printer.notice(&format!(
                "  … and {} more in the file",
                rows.len() - ID_TABLE_SHOWN
            ));
        }
        Ok(())
    }

    /// A run where every object failed ends with the failures' own exit code (their shared kind:
    /// 5 when the gallery is not found, 2 when the service refused the input, …; 1 when they
    /// differ or were local), not 3: nothing at all went through, so nothing was partial.
    pub fn whole_when_all_fail(mut self) -> Report<'c> {
        self.whole_when_all_fail = true;
        self
    }

    /// Counts an outcome and prints it in the chosen format (flushed at once, so a pipe sees it).
    pub fn add(&mut self, mut outcome: Outcome) -> std::io::Result<()> {
        self.note_ids(&outcome);
        self.total += 1;
        match outcome.status {
            Status::Failed => {
                self.failed += 1;
                let kind = outcome
                    .cause
                    .as_deref()
                    .map_or(Kind::General, crate::error::api_kind);
                self.failure_kind = match self.failure_kind {
                    None => Some(Some(kind)),
                    Some(Some(shared)) if shared == kind => Some(Some(kind)),
                    Some(_) => Some(None),
                };
                let label = outcome.label();
                let error = outcome.error.as_deref().unwrap_or("unknown error");
                if self.listed.len() < LISTED_FAILURES {
                    self.listed.push(format!("failed: {label} ({error})"));
                }
                match outcome.cause.take() {
                    Some(cause) if is_systemic(&cause) => {
                        self.first_cause.get_or_insert((label, cause));
                    }
                    _ => self.all_systemic = false,
                }
            }
            Status::NotSent => self.not_sent += 1,
            status if status.is_done() => self.done += 1,
            status => {
                if let Some(k) = self
                    .wording
                    .unchanged
                    .iter()
                    .position(|(s, _)| *s == status)
                {
                    self.unchanged[k] += 1;
                }
            }
        }
        self.print(outcome)
    }

    /// Prints an outcome without counting it (a galleries restore's gallery, beside its items).
    pub fn add_uncounted(&mut self, outcome: Outcome) -> std::io::Result<()> {
        self.note_ids(&outcome);
        self.print(outcome)
    }

    /// The run stopped early on this error (auth, the gallery gone, a journal that cannot be
    /// written): the outcomes already added are what happened.
    pub fn stopped(&mut self, error: anyhow::Error) {
        self.stopped_by.get_or_insert(error);
    }

    fn print(&mut self, outcome: Outcome) -> std::io::Result<()> {
        let printer = &self.ctx.printer;
        let format = printer.format;
        let row_form = matches!(format, OutputFormat::Table | OutputFormat::Tsv);
        if !row_form {
            let wanted = match format {
                OutputFormat::Id => {
                    outcome.status.leaves_an_id()
                        && outcome.id.is_some()
                        && (self.rows != Rows::Galleries
                            || matches!(outcome.object, Some(Object::Gallery(_))))
                }
                _ => true,
            };
            if wanted {
                if self.writer.is_none() {
                    self.writer = Some(Writer::Outcomes(printer.list()?));
                }
                if let Some(Writer::Outcomes(w)) = &mut self.writer {
                    w.push(&outcome)?;
                }
            }
        } else {
            let in_table = format == OutputFormat::Table;
            match self.rows {
                Rows::Deletions | Rows::Restorations => {
                    let hidden = in_table
                        && (outcome.status == Status::NotSent
                            || (self.rows == Rows::Deletions && outcome.status == Status::Deleted));
                    if hidden {
                        return Ok(());
                    }
                    if self.rows == Rows::Deletions {
                        if self.writer.is_none() {
                            self.writer = Some(Writer::Outcomes(printer.list()?));
                        }
                        if let Some(Writer::Outcomes(w)) = &mut self.writer {
                            w.push(&outcome)?;
                        }
                    } else {
                        if self.writer.is_none() {
                            self.writer = Some(Writer::Restored(printer.list()?));
                        }
                        if let Some(Writer::Restored(w)) = &mut self.writer {
                            w.push(&RestoredRow(outcome))?;
                        }
                    }
                }
                Rows::Items | Rows::Galleries => {
                    if !outcome.status.leaves_an_id() {
                        return Ok(());
                    }
                    match (self.rows, outcome.object) {
                        (Rows::Items, Some(Object::Item(item))) => {
                            if self.writer.is_none() {
                                self.writer = Some(Writer::Items(printer.list()?));
                            }
                            if let Some(Writer::Items(w)) = &mut self.writer {
                                w.push(&item)?;
                            }
                        }
                        (Rows::Galleries, Some(Object::Gallery(gallery))) => {
                            if self.writer.is_none() {
                                self.writer = Some(Writer::Galleries(printer.list()?));
                            }
                            if let Some(Writer::Galleries(w)) = &mut self.writer {
                                w.push(&gallery)?;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        match &self.writer {
            Some(w) => w.page_done(),
            None => Ok(()),
        }
    }

    /// Ends the output (an empty list is still `[]` in json, and a table of objects still has
    /// its header), prints the summary and the failures on stderr, and gives the exit code.
    pub fn finish(mut self, gallery: &str) -> Result<i32> {
        let printer = &self.ctx.printer;
        match self.writer.take() {
            Some(writer) => writer.finish()?,
            None => match (printer.format, self.rows) {
                (OutputFormat::Json, _) => printer.list::<Outcome>()?.finish()?,
                (OutputFormat::Table, Rows::Items) => printer.list::<Item>()?.finish()?,
                (OutputFormat::Table, Rows::Galleries) => printer.list::<Gallery>()?.finish()?,
                _ => {}
            },
        }
        let wording = self.wording;
        let mut summary = format!(
            "{} {} of {} item(s) {} gallery {gallery}",
            wording.done, self.done, self.total, wording.preposition
        );
        for ((_, phrase), count) in wording.unchanged.iter().zip(&self.unchanged) {
            if *count > 0 {
                summary.push_str(&format!("; {count} {phrase}"));
            }
        }
        if self.failed > 0 {
            summary.push_str(&format!("; {} failed", self.failed));
        }
        if self.not_sent > 0 {
            summary.push_str(&format!("; {} not sent", self.not_sent));
        }
        self.write_id_table()?;
        let printer = &self.ctx.printer;
        if let Some(line) = &self.closing_notice {
            printer.notice(line);
        }
        for failure in &self.listed {
            printer.warn(failure);
        }
        if self.failed > self.listed.len() {
            printer.warn(&format!(
                "… and {} more failed (see -o jsonl)",
                self.failed - self.listed.len()
            ));
        }
        let hinted = |error: CliError, hint: Option<&str>| -> anyhow::Error {
            match hint {
                Some(hint) => error.with_hint(hint).into(),
                None => error.into(),
            }
        };
        if self.ctx.was_interrupted() {
            let error = CliError::new(Kind::Interrupted, format!("interrupted: {summary}"));
            return Err(hinted(error, wording.interrupted_hint));
        }
        if let Some(error) = self.stopped_by.take() {
            if self.done == 0 {
                return Err(error.context(summary));
            }
            let error = CliError::new(Kind::Partial, format!("{summary}; stopped: {error:#}"));
            return Err(hinted(error, wording.stopped_hint));
        }
        if self.failed > 0 {
            let nothing_went = self.done == 0 && self.unchanged.iter().all(|c| *c == 0);
            if nothing_went && self.all_systemic {
                if let Some((label, cause)) = self.first_cause.take() {
                    return Err(anyhow::Error::new(*cause).context(format!("{label}: {summary}")));
                }
            }
            if nothing_went && self.not_sent == 0 && self.whole_when_all_fail {
                // A service error's kind is never Partial (`api_kind`): nothing was partial.
                let kind = self.failure_kind.flatten().unwrap_or(Kind::General);
                let error = CliError::new(
                    kind,
                    format!("{summary}: every one failed, nothing was done (listed above)"),
                );
                return Err(hinted(error, wording.retry_hint));
            }
            let error = CliError::new(Kind::Partial, format!("{summary} (listed above)"));
            return Err(hinted(error, wording.retry_hint));
        }
        printer.notice(&summary);
        Ok(0)
    }
}

/// A failure any request would meet the same way: refused credentials, a rate limit or an
/// unavailable service outlasting the retries, no connection.
pub fn is_systemic(error: &ApiError) -> bool {
    matches!(
        error,
        ApiError::Status {
            status: 401 | 403 | 429 | 503,
            ..
        } | ApiError::Network { .. }
            | ApiError::Credentials { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_shape_is_the_contract() {
        let item: Item = serde_json::from_value(json!({"id": "i", "title": "T"})).unwrap();
        let added = Outcome::of_item(item, Status::Added).with_source("a.png");
        assert_eq!(
            added.to_json(),
            json!({"id": "i", "status": "added", "error": null, "source": "a.png", "item": {"id": "i", "title": "T"}})
        );
        let keys: Vec<String> = added
            .to_json()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ["id", "status", "error", "source", "item"]);
        let failed = Outcome::failed(None, "boom").with_original_id("o");
        assert_eq!(
            failed.to_json(),
            json!({"id": null, "status": "failed", "error": "boom", "originalId": "o"})
        );
        assert_eq!(failed.label(), "o");
        let gone = Outcome::new(Some("x".into()), Status::Skipped).with_error("already gone");
        assert_eq!(
            gone.to_json(),
            json!({"id": "x", "status": "skipped", "error": "already gone"})
        );
        let row = Outcome::failed(Some("i".into()), "no").with_source("edits.jsonl line 3");
        assert_eq!(row.label(), "edits.jsonl line 3 (item i)");
    }

    #[test]
    fn statuses_and_what_they_leave() {
        for done in [
            Status::Deleted,
            Status::Added,
            Status::Restored,
            Status::Updated,
            Status::Moved,
        ] {
            assert!(done.is_done() && done.leaves_an_id(), "{done:?}");
        }
        assert!(Status::Present.leaves_an_id() && !Status::Present.is_done());
        for other in [
            Status::Skipped,
            Status::Duplicate,
            Status::Failed,
            Status::NotSent,
        ] {
            assert!(!other.leaves_an_id(), "{other:?}");
        }
        assert_eq!(Status::NotSent.as_str(), "not_sent");
    }

    #[test]
    fn only_refusals_and_lost_connections_are_systemic() {
        let status = |status| ApiError::Status {
            what: "w".into(),
            status,
            code: None,
            message: "m".into(),
            request_id: None,
            ambiguous: false,
        };
        for code in [401, 403, 429, 503] {
            assert!(is_systemic(&status(code)), "{code}");
        }
        for code in [400, 404, 409, 500, 504] {
            assert!(!is_systemic(&status(code)), "{code}");
        }
        assert!(is_systemic(&ApiError::Network {
            what: "w".into(),
            detail: "d".into(),
            ambiguous: true
        }));
    }
}
