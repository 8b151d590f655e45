//! What `items sync` will do, worked out before anything is sent: the folder's media files (in
//! name order or an order file's), which item each one is, and from that the steps — add a new
//! file, replace the media of an item whose file changed (its metadata kept), update metadata the
//! sidecar manifest changed, move items so the gallery follows the folder's order, and remove the
//! items whose file is gone (with `--delete`).
//!
//! Which item a file is: the one the sync state names for that file name; else, for a file the
//! state does not know, the one whose recorded file (gone from the folder) had the same content — a
//! renamed file; else the one item that was uploaded under that very file name (a gallery filled by
//! `items add` of the folder). Items that show no Wix media (text, YouTube and Vimeo links,
//! external images) are never a file's and never removed; they keep their place after the item
//! they followed.
//!
//! The order: the files' order, each unmatched item kept after the matched item it followed; the
//! numbers come from `ordering::solve`, which keeps the longest run of items already in order and
//! moves only the others, so a folder that matches the gallery moves nothing.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::state::Known;
use crate::api::model::Item;
use crate::commands::items::metadata::Meta;
use crate::commands::items::ordering::{self, Slot};
use crate::commands::portable::media;

/// A media file of the folder.
#[derive(Debug, Clone)]
pub struct LocalFile {
    pub name: String,
    pub path: PathBuf,
    pub size: u64,
    pub modified: u64,
    pub sha256: String,
    pub mime: &'static str,
}

/// One step of the plan.
#[derive(Debug, Clone)]
pub enum Step {
    /// A new file: uploaded, then an item created at `sort_order`.
    Add { file: usize, sort_order: f64 },
    /// A file whose content changed: uploaded, then the item's media replaced; `changes` are the
    /// other fields to set with it (metadata, a new position).
    Replace {
        file: usize,
        item: Box<Item>,
        changes: Map<String, Value>,
    },
    /// Fields of an item to change (metadata from the sidecar, and/or its position).
    Update {
        file: Option<usize>,
        item: Box<Item>,
        changes: Map<String, Value>,
    },
    /// An item whose file is gone (`--delete`).
    Delete { item: Box<Item> },
}

/// The plan, and what it leaves alone.
#[derive(Debug, Default)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// Items whose file is gone, kept because `--delete` was not given.
    pub kept: Vec<Item>,
    /// Every file matched to an item (file index, item id): the state to record.
    pub links: Vec<(usize, String)>,
    /// Matched files with nothing to do.
    pub unchanged: usize,
}

/// Whether the sync manages an item: it shows Wix media, so a file can be it.
pub fn managed(item: &Item) -> bool {
    media::wix_media_id(item).is_some()
}

/// For each file, the item (index into `items`) it is, and the state it was last synced with.
pub fn link(
    files: &[LocalFile],
    items: &[Item],
    state: &HashMap<String, Known>,
) -> Vec<Option<(usize, Option<Known>)>> {
    let index_of: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| item.id.as_deref().map(|id| (id, i)))
        .collect();
    let mut taken: HashSet<usize> = HashSet::new();
    let mut links: Vec<Option<(usize, Option<Known>)>> = vec![None; files.len()];
    // 1. The state's own record of the file name.
    for (f, file) in files.iter().enumerate() {
        if let Some(known) = state.get(&file.name) {
            if let Some(&i) = index_of.get(known.item_id.as_str()) {
                if managed(&items[i]) && taken.insert(i) {
                    links[f] = Some((i, Some(known.clone())));
                }
            }
        }
    }
    // 2. A renamed file: the content of a recorded file that is gone from the folder.
    let present: HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let mut gone: Vec<(&String, &Known)> = state
        .iter()
        .filter(|(name, _)| !present.contains(name.as_str()))
        .collect();
    gone.sort_by(|a, b| a.0.cmp(b.0));
    for (f, file) in files.iter().enumerate() {
        if links[f].is_some() {
            continue;
        }
        let renamed = gone.iter().find_map(|(_, known)| {
            let i = *index_of.get(known.item_id.as_str())?;
            (known.sha256 == file.sha256 && !taken.contains(&i) && managed(&items[i]))
                .then_some((i, (*known).clone()))
        });
        if let Some((i, known)) = renamed {
            taken.insert(i);
            links[f] = Some((i, Some(known)));
        }
    }
    // 3. The one item uploaded under this file name.
    for (f, file) in files.iter().enumerate() {
        if links[f].is_some() {
            continue;
        }
        let named: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(i, item)| {
                !taken.contains(i)
                    && managed(item)
                    && item.uploaded_file_name().as_deref() == Some(file.name.as_str())
            })
            .map(|(i, _)| i)
            .collect();
        if let [i] = named.as_slice() {
            taken.insert(*i);
            links[f] = Some((*i, None));
        }
    }
    links
}

/// The fields of `item` that `meta` would change, as a PATCH body (a changed alt text or focal
/// point sends the whole `image`, which an update replaces whole).
pub fn metadata_changes(item: &Item, meta: &Meta) -> Map<String, Value> {
    let current = match serde_json::to_value(item) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut wanted = current.clone();
    let mut meta = meta.clone();
    meta.sort_order = None;
    meta.apply(&mut wanted, item.link.as_ref());
    let mut changes = Map::new();
    for field in ["title", "description", "link", "tags", "image"] {
        if wanted.get(field) != current.get(field) {
            if let Some(value) = wanted.get(field) {
                changes.insert(field.to_string(), value.clone());
            }
        }
    }
    changes
}

/// Builds the plan. `order` lists file indexes in the gallery's wanted order; `meta` is the
/// sidecar's metadata per file index.
pub fn plan(
    files: &[LocalFile],
    order: &[usize],
    items: &[Item],
    links: &[Option<(usize, Option<Known>)>],
    meta: &HashMap<usize, Meta>,
    delete: bool,
) -> Plan {
    let mut plan = Plan::default();
    let file_of: HashMap<usize, usize> = links
        .iter()
        .enumerate()
        .filter_map(|(f, link)| link.as_ref().map(|(i, _)| (*i, f)))
        .collect();
    // Unmatched items: removed (managed, with --delete) or kept after the item they followed.
    let mut anchored: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut last_linked: Option<usize> = None;
    for (i, item) in items.iter().enumerate() {
        if file_of.contains_key(&i) {
            last_linked = Some(i);
            continue;
        }
        if managed(item) {
            if delete {
                plan.steps.push(Step::Delete {
                    item: Box::new(item.clone()),
                });
                continue;
            }
            plan.kept.push(item.clone());
        }
        anchored.entry(last_linked).or_default().push(i);
    }
    // The wanted sequence: existing items and new files.
    enum Place {
        Existing(usize),
        New(usize),
    }
    let mut wanted: Vec<Place> = Vec::new();
    wanted.extend(
        anchored
            .get(&None)
            .into_iter()
            .flatten()
            .map(|i| Place::Existing(*i)),
    );
    for &f in order {
        match &links[f] {
            Some((i, _)) => {
                wanted.push(Place::Existing(*i));
                wanted.extend(
                    anchored
                        .get(&Some(*i))
                        .into_iter()
                        .flatten()
                        .map(|j| Place::Existing(*j)),
                );
            }
            None => wanted.push(Place::New(f)),
        }
    }
    let slots: Vec<Slot> = wanted
        .iter()
        .map(|place| match place {
            Place::Existing(i) => ordering::fixed(&items[*i], *i),
            Place::New(_) => None,
        })
        .collect();
    let values = ordering::solve_in(&slots, items);
    let mut moved: HashMap<usize, f64> = HashMap::new();
    for ((place, slot), value) in wanted.iter().zip(&slots).zip(&values) {
        match place {
            Place::New(f) => plan.steps.push(Step::Add {
                file: *f,
                sort_order: *value,
            }),
            Place::Existing(i) => {
                if slot.map(|f| f.value) != Some(*value) {
                    moved.insert(*i, *value);
                }
            }
        }
    }
    // Matched files: content, metadata, position.
    for &f in order {
        let Some((i, known)) = &links[f] else {
            continue;
        };
        let item = &items[*i];
        plan.links.push((f, item.id.clone().unwrap_or_default()));
        let mut changes = meta
            .get(&f)
            .map(|m| metadata_changes(item, m))
            .unwrap_or_default();
        if let Some(value) = moved.remove(i) {
            changes.insert("sortOrder".into(), serde_json::json!(value));
        }
        let changed = known.as_ref().is_some_and(|k| k.sha256 != files[f].sha256);
        if changed {
            plan.steps.push(Step::Replace {
                file: f,
                item: Box::new(item.clone()),
                changes,
            });
        } else if !changes.is_empty() {
            plan.steps.push(Step::Update {
                file: Some(f),
                item: Box::new(item.clone()),
                changes,
            });
        } else {
            plan.unchanged += 1;
        }
    }
    // Unmatched items kept that must move to keep their place.
    let mut rest: Vec<(usize, f64)> = moved.into_iter().collect();
    rest.sort_by_key(|(i, _)| *i);
    for (i, value) in rest {
        let mut changes = Map::new();
        changes.insert("sortOrder".into(), serde_json::json!(value));
        plan.steps.push(Step::Update {
            file: None,
            item: Box::new(items[i].clone()),
            changes,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn file(name: &str, sha: &str) -> LocalFile {
        LocalFile {
            name: name.into(),
            path: PathBuf::from(name),
            size: 1,
            modified: 1,
            sha256: sha.into(),
            mime: "image/jpeg",
        }
    }

    fn image(id: &str, sort: f64, filename: &str) -> Item {
        serde_json::from_value(json!({
            "id": id, "sortOrder": sort, "title": id,
            "image": {"type": "WIX_MEDIA", "imageInfo": {"id": format!("m-{id}"), "filename": filename, "width": 1, "height": 1}}
        }))
        .unwrap()
    }

    fn known(item: &str, sha: &str) -> Known {
        Known {
            item_id: item.into(),
            media_id: None,
            sha256: sha.into(),
            size: 1,
            modified: 1,
        }
    }

    #[test]
    fn a_folder_that_matches_plans_nothing() {
        let files = vec![file("a.jpg", "1"), file("b.jpg", "2")];
        let items = vec![image("A", 1.0, "a.jpg"), image("B", 2.0, "b.jpg")];
        let state: HashMap<String, Known> = [
            ("a.jpg".into(), known("A", "1")),
            ("b.jpg".into(), known("B", "2")),
        ]
        .into();
        let links = link(&files, &items, &state);
        let plan = plan(&files, &[0, 1], &items, &links, &HashMap::new(), true);
        assert!(plan.steps.is_empty(), "{:?}", plan.steps);
        assert_eq!(plan.unchanged, 2);
    }

    #[test]
    fn adds_replaces_renames_deletes_and_keeps_text_in_place() {
        let files = vec![
            file("a.jpg", "1-new"),
            file("c.jpg", "3"),
            file("z-renamed-b.jpg", "2"),
        ];
        let text: Item =
            serde_json::from_value(json!({"id": "T", "sortOrder": 1.5, "text": {"html": "<p/>"}}))
                .unwrap();
        let items = vec![
            image("A", 1.0, "a.jpg"),
            text,
            image("B", 2.0, "b.jpg"),
            image("D", 3.0, "d.jpg"),
        ];
        let state: HashMap<String, Known> = [
            ("a.jpg".into(), known("A", "1")),
            ("b.jpg".into(), known("B", "2")),
            ("d.jpg".into(), known("D", "4")),
        ]
        .into();
        let links = link(&files, &items, &state);
        assert_eq!(links[0].as_ref().map(|l| l.0), Some(0));
        assert!(links[1].is_none());
        assert_eq!(
            links[2].as_ref().map(|l| l.0),
            Some(2),
            "the renamed file is B"
        );
        let plan = plan(&files, &[0, 1, 2], &items, &links, &HashMap::new(), true);
        let kinds: Vec<String> = plan
            .steps
            .iter()
            .map(|s| match s {
                Step::Add { file, .. } => format!("add {}", files[*file].name),
                Step::Replace { item, .. } => format!("replace {}", item.id.as_deref().unwrap()),
                Step::Update { item, .. } => format!("update {}", item.id.as_deref().unwrap()),
                Step::Delete { item } => format!("delete {}", item.id.as_deref().unwrap()),
            })
            .collect();
        // D's file is gone; c.jpg is new, between A (and the text after it) and B.
        assert_eq!(kinds, ["delete D", "add c.jpg", "replace A"], "{kinds:?}");
        let Step::Add { sort_order, .. } = plan.steps[1] else {
            panic!()
        };
        assert!(sort_order > 1.5 && sort_order < 2.0, "{sort_order}");
        // Without --delete D stays, and is reported as kept.
        let plan = super::plan(&files, &[0, 1, 2], &items, &links, &HashMap::new(), false);
        assert_eq!(plan.kept.len(), 1);
    }

    #[test]
    fn a_new_order_moves_only_what_it_must_and_metadata_is_compared() {
        let files = vec![file("a.jpg", "1"), file("b.jpg", "2"), file("c.jpg", "3")];
        let items = vec![
            image("A", 1.0, "a.jpg"),
            image("B", 2.0, "b.jpg"),
            image("C", 3.0, "c.jpg"),
        ];
        let links = link(&files, &items, &HashMap::new());
        assert!(
            links.iter().all(Option::is_some),
            "matched by uploaded file name"
        );
        let meta: HashMap<usize, Meta> = [(
            1,
            Meta {
                title: Some("B".into()),
                alt: Some("Bee".into()),
                ..Meta::default()
            },
        )]
        .into();
        let plan = plan(&files, &[2, 0, 1], &items, &links, &meta, false);
        let moved: Vec<(&str, Vec<&String>)> = plan
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Update { item, changes, .. } => {
                    Some((item.id.as_deref().unwrap(), changes.keys().collect()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(moved.len(), 2, "{moved:?}");
        assert!(
            moved.contains(&("C", vec![&"sortOrder".to_string()])),
            "{moved:?}"
        );
        assert!(
            moved.contains(&("B", vec![&"image".to_string()])),
            "the title is unchanged: {moved:?}"
        );
    }
}
