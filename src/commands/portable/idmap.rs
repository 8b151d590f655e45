//! `idmap.jsonl`: what an import made of what, so ids stay traceable and a rerun never makes
//! anything twice. One JSON line per fact, appended as soon as it is known, each naming the site it
//! is about (`target`, a short hash of the service and site id: one export can be imported into
//! several sites):
//!
//! - `{"kind":"gallery","target","old","new"}`: the source gallery and the gallery it was imported into;
//! - `{"kind":"intent","target","old","name","at"}`: written just before a gallery is created, so a
//!   run killed between the create and its record finds that gallery again (same name, created since);
//! - `{"kind":"plan","target","gallery","old","sortOrder"}`: the position chosen for each item,
//!   written once, before the first create, so every rerun aims at the same places;
//! - `{"kind":"item","target","gallery","old","new","oldMedia"?,"newMedia"?}`: an item created (or
//!   found already there), with its media id before and after.
//!
//! A torn last line (a crash mid-write) is passed over; the gallery itself stays the truth.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::files::{read_json_lines, Appender};

pub const IDMAP: &str = "idmap.jsonl";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Line {
    Gallery {
        target: String,
        old: String,
        new: String,
    },
    Intent {
        target: String,
        old: String,
        name: Option<String>,
        at: String,
    },
    Plan {
        target: String,
        gallery: String,
        old: String,
        #[serde(rename = "sortOrder")]
        sort_order: f64,
    },
    Item {
        target: String,
        gallery: String,
        old: String,
        new: String,
        #[serde(rename = "oldMedia", default, skip_serializing_if = "Option::is_none")]
        old_media: Option<String>,
        #[serde(rename = "newMedia", default, skip_serializing_if = "Option::is_none")]
        new_media: Option<String>,
    },
    #[serde(other)]
    Other,
}

/// The map of one target site, read from the file and appended to.
pub struct IdMap {
    path: PathBuf,
    target: String,
    lines: Vec<Line>,
    out: Option<Appender>,
}

impl IdMap {
    pub fn open(path: &Path, target: &str) -> Result<IdMap> {
        let lines = read_json_lines::<Line>(path)?
            .into_iter()
            .filter(|line| match line {
                Line::Gallery { target: t, .. }
                | Line::Intent { target: t, .. }
                | Line::Plan { target: t, .. }
                | Line::Item { target: t, .. } => t == target,
                Line::Other => false,
            })
            .collect();
        Ok(IdMap {
            path: path.to_path_buf(),
            target: target.to_string(),
            lines,
            out: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn append(&mut self, line: Line) -> Result<()> {
        if self.out.is_none() {
            self.out = Some(Appender::open(&self.path)?);
        }
        if let Some(out) = self.out.as_mut() {
            out.append(&line)?;
        }
        self.lines.push(line);
        Ok(())
    }

    /// The gallery an earlier run imported `old` into, the latest first.
    pub fn gallery_for(&self, old: &str) -> Option<String> {
        self.lines.iter().rev().find_map(|line| match line {
            Line::Gallery { old: o, new, .. } if o == old => Some(new.clone()),
            _ => None,
        })
    }

    /// Whether an earlier run imported into `gallery`.
    pub fn imported_into(&self, gallery: &str) -> bool {
        self.lines
            .iter()
            .any(|line| matches!(line, Line::Gallery { new, .. } if new == gallery))
    }

    /// The last gallery creation begun for `old` and never recorded: its name and start time.
    pub fn unfinished_intent(&self, old: &str) -> Option<(Option<String>, String)> {
        let mut found = None;
        for line in &self.lines {
            match line {
                Line::Intent {
                    old: o, name, at, ..
                } if o == old => found = Some((name.clone(), at.clone())),
                Line::Gallery { old: o, .. } if o == old => found = None,
                _ => {}
            }
        }
        found
    }

    pub fn record_intent(&mut self, old: &str, name: Option<&str>, at: &str) -> Result<()> {
        self.append(Line::Intent {
            target: self.target.clone(),
            old: old.to_string(),
            name: name.map(str::to_string),
            at: at.to_string(),
        })
    }

    pub fn record_gallery(&mut self, old: &str, new: &str) -> Result<()> {
        self.append(Line::Gallery {
            target: self.target.clone(),
            old: old.to_string(),
            new: new.to_string(),
        })?;
        self.sync()
    }

    /// The positions planned for `gallery`'s items by an earlier run (old item id → sortOrder).
    pub fn plan(&self, gallery: &str) -> HashMap<String, f64> {
        self.lines
            .iter()
            .filter_map(|line| match line {
                Line::Plan {
                    gallery: g,
                    old,
                    sort_order,
                    ..
                } if g == gallery => Some((old.clone(), *sort_order)),
                _ => None,
            })
            .collect()
    }

    pub fn record_plan(&mut self, gallery: &str, plan: &[(String, f64)]) -> Result<()> {
        for (old, sort_order) in plan {
            self.append(Line::Plan {
                target: self.target.clone(),
                gallery: gallery.to_string(),
                old: old.clone(),
                sort_order: *sort_order,
            })?;
        }
        self.sync()
    }

    /// Items an earlier run made in `gallery`: old id → new id.
    pub fn items(&self, gallery: &str) -> HashMap<String, String> {
        self.lines
            .iter()
            .filter_map(|line| match line {
                Line::Item {
                    gallery: g,
                    old,
                    new,
                    ..
                } if g == gallery => Some((old.clone(), new.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn record_item(
        &mut self,
        gallery: &str,
        old: &str,
        new: &str,
        old_media: Option<String>,
        new_media: Option<String>,
    ) -> Result<()> {
        self.append(Line::Item {
            target: self.target.clone(),
            gallery: gallery.to_string(),
            old: old.to_string(),
            new: new.to_string(),
            old_media,
            new_media,
        })
    }

    /// Puts what was appended on the disk itself.
    pub fn sync(&self) -> Result<()> {
        match &self.out {
            Some(out) => out.sync(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_other_sites_are_apart_and_a_torn_line_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(IDMAP);
        let mut map = IdMap::open(&path, "site-a").unwrap();
        map.record_intent("g0", Some("Trip"), "2026-01-01T00:00:00Z")
            .unwrap();
        assert_eq!(
            map.unfinished_intent("g0"),
            Some((Some("Trip".into()), "2026-01-01T00:00:00Z".into()))
        );
        map.record_gallery("g0", "g1").unwrap();
        assert_eq!(map.unfinished_intent("g0"), None);
        map.record_plan("g1", &[("i0".into(), 1.5), ("i1".into(), 2.5)])
            .unwrap();
        map.record_item("g1", "i0", "n0", Some("m0".into()), Some("n-m0".into()))
            .unwrap();
        let mut other = IdMap::open(&path, "site-b").unwrap();
        other.record_gallery("g0", "h1").unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"kind\":\"item\",\"tar"))
            .unwrap();
        let again = IdMap::open(&path, "site-a").unwrap();
        assert_eq!(again.gallery_for("g0").as_deref(), Some("g1"));
        assert!(again.imported_into("g1") && !again.imported_into("h1"));
        assert_eq!(again.plan("g1").get("i1"), Some(&2.5));
        assert_eq!(again.items("g1").get("i0").map(String::as_str), Some("n0"));
        assert_eq!(
            IdMap::open(&path, "site-b")
                .unwrap()
                .gallery_for("g0")
                .as_deref(),
            Some("h1")
        );
    }
}
