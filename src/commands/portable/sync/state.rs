//! `.progallery-sync.jsonl` in the synced folder: which file is which item, and the content it had
//! when it was last synced (SHA-256, size, modification time), so the next sync knows what changed
//! without asking the service, follows a renamed file (same content, new name) to its item, and
//! never adds a file twice. One JSON line per fact, appended the moment it is true (a sync cut
//! short still remembers what it did); the last line of a file wins, one without an item forgets
//! it; rewritten whole, compacted, at the end of a sync that changed anything. Lines name the site
//! and gallery they are about: a folder synced to another gallery starts afresh.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::commands::portable::files::{json_lines, read_json_lines, write_atomically, Appender};

pub const STATE: &str = ".progallery-sync.jsonl";

/// What a file was when it was last synced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Known {
    pub item_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    pub sha256: String,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch: unchanged with the size, the content is
    /// taken as unchanged without reading it again (as rsync does).
    pub modified: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    target: String,
    gallery: String,
    file: String,
    /// `null`: the file is no item's any more.
    #[serde(default)]
    known: Option<Known>,
}

pub struct State {
    path: PathBuf,
    target: String,
    gallery: String,
    pub files: HashMap<String, Known>,
    out: Option<Appender>,
    changed: bool,
}

impl State {
    pub fn open(dir: &Path, target: &str, gallery: &str) -> Result<State> {
        let path = dir.join(STATE);
        let mut files = HashMap::new();
        for line in read_json_lines::<Line>(&path)? {
            if line.target != target || line.gallery != gallery {
                continue;
            }
            match line.known {
                Some(known) => files.insert(line.file, known),
                None => files.remove(&line.file),
            };
        }
        Ok(State {
            path,
            target: target.to_string(),
            gallery: gallery.to_string(),
            files,
            out: None,
            changed: false,
        })
    }

    /// Records what `file` is now (`None`: it is no item's any more).
    pub fn record(&mut self, file: &str, known: Option<Known>) -> Result<()> {
        if self.files.get(file) == known.as_ref() {
            return Ok(());
        }
        if self.out.is_none() {
            self.out = Some(Appender::open(&self.path)?);
        }
        let line = Line {
            target: self.target.clone(),
            gallery: self.gallery.clone(),
            file: file.to_string(),
            known: known.clone(),
        };
        if let Some(out) = self.out.as_mut() {
            out.append(&line)?;
        }
        match known {
            Some(known) => self.files.insert(file.to_string(), known),
            None => self.files.remove(file),
        };
        self.changed = true;
        Ok(())
    }

    /// Rewrites the file with one line per file, when anything changed.
    pub fn compact(&mut self) -> Result<()> {
        if !self.changed {
            return Ok(());
        }
        self.out = None;
        // Other galleries' lines stay as they were.
        let mut lines: Vec<Line> = read_json_lines::<Line>(&self.path)?
            .into_iter()
            .filter(|l| l.target != self.target || l.gallery != self.gallery)
            .collect();
        let mut names: Vec<&String> = self.files.keys().collect();
        names.sort();
        lines.extend(names.into_iter().map(|name| Line {
            target: self.target.clone(),
            gallery: self.gallery.clone(),
            file: name.clone(),
            known: self.files.get(name).cloned(),
        }));
        write_atomically(&self.path, &json_lines(&lines)?)?;
        self.changed = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(item: &str, sha: &str) -> Known {
        Known {
            item_id: item.into(),
            media_id: None,
            sha256: sha.into(),
            size: 1,
            modified: 2,
        }
    }

    #[test]
    fn last_line_wins_and_other_galleries_are_apart() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = State::open(dir.path(), "site", "g").unwrap();
        state.record("a.jpg", Some(known("i1", "x"))).unwrap();
        state.record("b.jpg", Some(known("i2", "y"))).unwrap();
        state.record("a.jpg", Some(known("i1", "z"))).unwrap();
        state.record("b.jpg", None).unwrap();
        let mut other = State::open(dir.path(), "site", "h").unwrap();
        other.record("a.jpg", Some(known("j1", "x"))).unwrap();
        let again = State::open(dir.path(), "site", "g").unwrap();
        assert_eq!(again.files.len(), 1);
        assert_eq!(again.files["a.jpg"].sha256, "z");
        state.compact().unwrap();
        let text = std::fs::read_to_string(dir.path().join(STATE)).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert_eq!(State::open(dir.path(), "site", "g").unwrap().files.len(), 1);
        assert_eq!(State::open(dir.path(), "site", "h").unwrap().files.len(), 1);
    }
}
