//! Journals of destructive runs: before anything is deleted, the full JSON of what is about to go
//! is appended to `<data dir>/journals/<UTC time>-<gallery id>.jsonl` and flushed to disk (fsync),
//! so `items restore` / `galleries restore` can put it back even after a crash or Ctrl-C.
//!
//! One file per run, one JSON object per line, each an `Entry` (written and read by this file
//! alone, through the same serde type), told apart by its `kind`:
//! - `{"kind":"run","command":…,"galleryId":…,"startedAt":…,"version":…}` first;
//! - `{"kind":"gallery","gallery":{…}}` for `galleries delete` (the gallery without its items);
//! - `{"kind":"item","galleryId":…,"item":{…}}` per item, in gallery order;
//! - `{"kind":"restore","command":…,"galleryId":…,"at":…,"complete":…}` appended by each restore
//!   that ran from the journal (`journals` shows whether it was restored). Versions before it skip
//!   the line as a kind they do not know, so the journal stays readable to them.
//!
//! A journal lists what was *about to be* deleted; whether it went is for the restore to find out
//! (it re-creates only what is not there).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::api::model::{Gallery, Item};
use crate::error::CliError;

/// One line of a journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Entry {
    /// The first line: which run wrote the journal.
    Run(Run),
    /// The gallery a `galleries delete` removed, without its items (they follow as item lines).
    Gallery { gallery: Gallery },
    /// One item about to be deleted, as the service had it.
    Item {
        #[serde(default, rename = "galleryId", skip_serializing_if = "Option::is_none")]
        gallery_id: Option<String>,
        item: Box<Item>,
    },
    /// A restore that ran from this journal.
    Restore(Restore),
    /// A kind a later version may write: skipped when read, not fatal.
    #[serde(other)]
    Other,
}

/// The run that wrote a journal.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gallery_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A restore that ran from a journal, appended to it when the restore ends.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Restore {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// The gallery the items went into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gallery_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Everything journaled is back (nothing failed, nothing left unsent).
    #[serde(default)]
    pub complete: bool,
}

/// Appends the record of a restore to the journal it read (and syncs it). A journal that cannot
/// take the line (read-only, gone) costs only the "restored" mark of `progallery journals`.
pub fn mark_restored(path: &Path, command: &str, gallery_id: &str, complete: bool) -> Result<()> {
    let line = serde_json::to_string(&Entry::Restore(Restore {
        command: Some(command.to_string()),
        gallery_id: Some(gallery_id.to_string()),
        at: Some(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        complete,
    }))?;
    let mut file = OpenOptions::new()
        .append(true)
        .open(path)
        .with_context(|| format!("marking the journal {} restored", path.display()))?;
    // A journal cut short by a crash ends mid-line: start the mark on a line of its own.
    let ends_cleanly = std::fs::read(path)
        .map(|bytes| bytes.last().map_or(true, |b| *b == b'\n'))
        .unwrap_or(true);
    let text = if ends_cleanly {
        format!("{line}\n")
    } else {
        format!("\n{line}\n")
    };
    file.write_all(text.as_bytes())
        .and_then(|_| file.sync_data())
        .with_context(|| format!("marking the journal {} restored", path.display()))
}

/// What `progallery journals` shows of one journal, read without parsing its item lines.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: PathBuf,
    pub command: Option<String>,
    pub gallery_id: Option<String>,
    pub started_at: Option<String>,
    /// The gallery's name when the journal holds the gallery (`galleries delete`).
    pub gallery_name: Option<String>,
    pub items: u64,
    pub restores: Vec<Restore>,
}

/// The journals under `data_dir/journals`, newest first (their names start with the time).
/// Files that are not journals are passed over.
pub fn summaries(data_dir: &Path) -> Result<Vec<Summary>> {
    let dir = data_dir.join("journals");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("reading {}", dir.display()))),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    paths.reverse();
    Ok(paths.into_iter().filter_map(|p| summary(&p)).collect())
}

/// One journal's summary; `None` when the file is no journal. Item lines (written by this file,
/// `kind` first) are counted by their start, not parsed: a journal of 100,000 items is a count.
fn summary(path: &Path) -> Option<Summary> {
    use std::io::BufRead;
    // A FIFO or device named like a journal is passed over, never waited on.
    let file = crate::files::open_regular(path).ok()?;
    let mut summary = Summary {
        path: path.to_path_buf(),
        command: None,
        gallery_id: None,
        started_at: None,
        gallery_name: None,
        items: 0,
        restores: Vec::new(),
    };
    let mut seen_run = false;
    for line in std::io::BufReader::new(file).split(b'\n') {
        let line = line.ok()?;
        if line.starts_with(br#"{"kind":"item""#) {
            summary.items += 1;
            continue;
        }
        match serde_json::from_slice::<Entry>(&line) {
            Ok(Entry::Run(run)) => {
                seen_run = true;
                summary.command = run.command;
                summary.gallery_id = run.gallery_id;
                summary.started_at = run.started_at;
            }
            Ok(Entry::Gallery { gallery }) => summary.gallery_name = gallery.name,
            Ok(Entry::Restore(restore)) => summary.restores.push(restore),
            _ => {}
        }
    }
    seen_run.then_some(summary)
}

pub struct Journal {
    path: PathBuf,
    file: File,
    /// Item lines written so far: a run that recorded none leaves no journal behind.
    items_recorded: usize,
}

impl Journal {
    /// Creates a new journal under `data_dir/journals` for a run of `command` on `gallery_id`.
    pub fn create(data_dir: &Path, command: &str, gallery_id: &str) -> Result<Journal> {
        let dir = data_dir.join("journals");
        // Journals hold whole items: owner-only, whatever the umask.
        crate::files::create_private_dir(&dir)
            .with_context(|| format!("creating the journal directory {}", dir.display()))?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let mut attempt = 0;
        let (path, file) = loop {
            let suffix = if attempt == 0 {
                String::new()
            } else {
                format!("-{attempt}")
            };
            let path = dir.join(format!("{stamp}-{gallery_id}{suffix}.jsonl"));
            match crate::files::create_private_new(&path) {
                Ok(file) => break (path, file),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e)
                        .context(format!("creating the journal {}", path.display())))
                }
            }
        };
        let mut journal = Journal {
            path,
            file,
            items_recorded: 0,
        };
        journal.append(&[Entry::Run(Run {
            command: Some(command.to_string()),
            gallery_id: Some(gallery_id.to_string()),
            started_at: Some(
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            ),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        })])?;
        Ok(journal)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records a gallery (without its items, which follow as item lines).
    pub fn record_gallery(&mut self, gallery: &Gallery) -> Result<()> {
        let mut gallery = gallery.clone();
        gallery.items = None;
        self.append(&[Entry::Gallery { gallery }])
    }

    /// Records items about to be deleted; returns once they are on disk.
    pub fn record_items(&mut self, gallery_id: &str, items: &[Item]) -> Result<()> {
        let lines: Vec<Entry> = items
            .iter()
            .map(|item| Entry::Item {
                gallery_id: Some(gallery_id.to_string()),
                item: Box::new(item.clone()),
            })
            .collect();
        self.append(&lines)?;
        self.items_recorded += items.len();
        Ok(())
    }

    /// Item lines written so far.
    pub fn items_recorded(&self) -> usize {
        self.items_recorded
    }

    /// Removes a journal that turned out to be useless (nothing was recorded to restore).
    pub fn discard(self) -> Result<()> {
        let Journal { path, file, .. } = self;
        drop(file);
        std::fs::remove_file(&path)
            .with_context(|| format!("removing the empty journal {}", path.display()))
    }

    /// Appends lines and syncs them to disk: the delete that follows must not outrun them.
    fn append(&mut self, lines: &[Entry]) -> Result<()> {
        let mut text = String::new();
        for line in lines {
            let json = serde_json::to_string(line)
                .with_context(|| format!("writing the journal {}", self.path.display()))?;
            text.push_str(&json);
            text.push('\n');
        }
        self.file
            .write_all(text.as_bytes())
            .and_then(|_| self.file.sync_data())
            .with_context(|| format!("writing the journal {}", self.path.display()))
    }
}

/// What a journal holds.
#[derive(Debug, Default)]
pub struct Contents {
    pub command: Option<String>,
    pub gallery_id: Option<String>,
    pub gallery: Option<Gallery>,
    /// Items in journal order, duplicates (an item journaled twice by a re-run) dropped.
    pub items: Vec<Item>,
}

/// Every complaint about a journal's contents points at where the real ones are.
const NOT_A_JOURNAL_HINT: &str = "pass a journal written by a delete: they live in the data dir under journals/, and the path was printed when the delete ran";

/// The largest journal read: a delete of 100,000 items journals about 150 MB.
const MAX_JOURNAL_BYTES: u64 = 1024 * 1024 * 1024;

/// Reads a journal. A torn last line (a crash mid-write) is ignored; any other bad line is an error.
/// Anything but a regular file (a FIFO, a device, a folder), or one over 1 GiB, is refused at once.
pub fn read(path: &Path) -> Result<Contents> {
    let cannot_read = |e: &dyn std::fmt::Display| {
        CliError::usage(format!("cannot read the journal {}: {e}", path.display()))
            .with_hint("journals live in the data dir under journals/; the path was printed when the delete ran")
    };
    let bytes = crate::files::read_regular(path, MAX_JOURNAL_BYTES).map_err(|e| cannot_read(&e))?;
    let text = String::from_utf8(bytes).map_err(|e| cannot_read(&e))?;
    let mut contents = Contents::default();
    let mut seen = std::collections::HashSet::new();
    let lines: Vec<&str> = text.lines().collect();
    for (number, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = match serde_json::from_str(line) {
            Ok(entry) => entry,
            // A crash in the middle of a write leaves a torn last line: what came before holds.
            Err(_) if number + 1 == lines.len() && !text.ends_with('\n') => break,
            Err(e) => {
                return Err(CliError::usage(format!(
                    "{} line {} is not a journal entry: {e}",
                    path.display(),
                    number + 1
                ))
                .with_hint(NOT_A_JOURNAL_HINT)
                .into())
            }
        };
        match entry {
            Entry::Run(run) => {
                contents.command = run.command;
                contents.gallery_id = run.gallery_id;
            }
            Entry::Gallery { gallery } => contents.gallery = Some(gallery),
            Entry::Item { item, .. } => {
                let key = item.id.clone().unwrap_or_else(|| format!("line {number}"));
                if seen.insert(key) {
                    contents.items.push(*item);
                }
            }
            Entry::Restore(_) | Entry::Other => {}
        }
    }
    if contents.command.is_none() {
        return Err(CliError::usage(format!(
            "{} is not a progallery journal (no run entry)",
            path.display()
        ))
        .with_hint(NOT_A_JOURNAL_HINT)
        .into());
    }
    Ok(contents)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// A journal as versions before the serde type wrote it (each line built by hand with
    /// `json!`), with a line of a kind this version does not know.
    const WRITTEN_BEFORE: &str = concat!(
        r#"{"kind":"run","command":"galleries delete","galleryId":"g1","startedAt":"2026-01-02T03:04:05.678Z","version":"0.1.0"}"#,
        "\n",
        r#"{"kind":"gallery","gallery":{"id":"g1","name":"Trip","totalItems":2,"sortOrder":1611056409.2088726,"createdDate":"2021-01-19T11:40:09.208Z"}}"#,
        "\n",
        r#"{"kind":"item","galleryId":"g1","item":{"id":"a","sortOrder":1642505672333,"title":"A","image":{"imageInfo":{"id":"x~mv2.jpg","width":10,"height":20}},"secondaryMedia":{"k":[1]}}}"#,
        "\n",
        r#"{"kind":"note","text":"from a later version"}"#,
        "\n",
        r#"{"kind":"item","galleryId":"g1","item":{"id":"b","sortOrder":1644317968.985,"text":{"html":"<p>b</p>"}}}"#,
        "\n",
    );

    #[test]
    fn journals_written_before_still_read_and_lines_are_written_alike() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.jsonl");
        std::fs::write(&path, WRITTEN_BEFORE).unwrap();
        let contents = read(&path).unwrap();
        assert_eq!(contents.command.as_deref(), Some("galleries delete"));
        assert_eq!(contents.gallery_id.as_deref(), Some("g1"));
        let gallery = contents.gallery.unwrap();
        assert_eq!(gallery.name.as_deref(), Some("Trip"));
        assert_eq!(
            serde_json::to_value(&gallery).unwrap()["sortOrder"],
            json!(1611056409.2088726)
        );
        let items: Vec<serde_json::Value> = contents
            .items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap())
            .collect();
        let old_lines: Vec<serde_json::Value> = WRITTEN_BEFORE
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            items,
            [old_lines[2]["item"].clone(), old_lines[4]["item"].clone()]
        );

        // The lines this version writes are the same shape, key for key.
        let mut journal = Journal::create(dir.path(), "galleries delete", "g1").unwrap();
        let item: Item = serde_json::from_value(old_lines[2]["item"].clone()).unwrap();
        let gallery: Gallery = serde_json::from_value(old_lines[1]["gallery"].clone()).unwrap();
        journal.record_gallery(&gallery).unwrap();
        journal.record_items("g1", &[item]).unwrap();
        let written = std::fs::read_to_string(journal.path()).unwrap();
        let written: Vec<serde_json::Value> = written
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&written[0]), keys(&old_lines[0]));
        assert_eq!(written[1], old_lines[1]);
        assert_eq!(written[2], old_lines[2]);
    }

    #[test]
    fn round_trip_dedup_and_a_torn_last_line() {
        let dir = tempfile::tempdir().unwrap();
        let gallery: Gallery = serde_json::from_value(
            json!({"id": "g", "name": "G", "sortOrder": 5, "items": [{"id": "x"}]}),
        )
        .unwrap();
        let item = |id: &str| -> Item {
            serde_json::from_value(
                json!({"id": id, "sortOrder": 1.5, "title": "t", "futureField": [1]}),
            )
            .unwrap()
        };
        let mut journal = Journal::create(dir.path(), "galleries delete", "g").unwrap();
        journal.record_gallery(&gallery).unwrap();
        journal.record_items("g", &[item("a"), item("b")]).unwrap();
        journal.record_items("g", &[item("a")]).unwrap();
        let path = journal.path().to_path_buf();
        assert!(path.starts_with(dir.path().join("journals")));
        // A crash in the middle of a write leaves half a line.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"kind\":\"item\",\"item\":{\"id\":")
            .unwrap();
        let contents = read(&path).unwrap();
        assert_eq!(contents.command.as_deref(), Some("galleries delete"));
        assert_eq!(contents.gallery_id.as_deref(), Some("g"));
        let restored_gallery = contents.gallery.unwrap();
        assert_eq!(restored_gallery.name.as_deref(), Some("G"));
        assert!(
            restored_gallery.items.is_none(),
            "items are journaled as their own lines"
        );
        let ids: Vec<_> = contents
            .items
            .iter()
            .map(|i| i.id.clone().unwrap())
            .collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(
            serde_json::to_value(&contents.items[0]).unwrap(),
            serde_json::to_value(item("a")).unwrap()
        );
        // Two journals in the same millisecond do not collide.
        let second = Journal::create(dir.path(), "items delete", "g").unwrap();
        let third = Journal::create(dir.path(), "items delete", "g").unwrap();
        assert_ne!(second.path(), third.path());
        // A file that is not a journal is refused.
        let other = dir.path().join("other.jsonl");
        std::fs::write(&other, "{\"id\": 1}\n").unwrap();
        assert!(read(&other).is_err());
    }
}
