//! What to do with each entry before anything is created: recognise what the gallery already
//! holds (and repeats within the input), then give every new entry its `sortOrder` from input
//! order, between the right neighbours.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use futures::{stream, StreamExt};
use serde_json::Value;

use super::job::{same_content, Job};
use super::sources::Source;
use super::video;
use super::{Entry, State};
use crate::api::media::{self, FileDescriptor};
use crate::api::model::Item;
use crate::api::Client;
use crate::commands::items::ordering::{self, Placement, Slot};
use crate::hashcache::{algo_of, Fact, HashCache};

/// Past this many unknown media in a gallery, only those named like a file being added are
/// looked up.
const LOOKUP_ALL_UP_TO: usize = 200;

/// What an item shows, as a key comparable with an entry's. A YouTube or Vimeo video is known by
/// provider and video id, so another spelling of the same link matches.
pub(super) fn item_key(item: &Item) -> Option<String> {
    if let Some(url) = video_link(item) {
        if video::identity(&url).is_some() {
            return Some(video::key(&url));
        }
    }
    let media = item.media();
    (!media.is_empty()).then(|| format!("{}:{media}", item.kind()))
}

/// The URL of a video item that is no Wix media (a YouTube or Vimeo link).
fn video_link(item: &Item) -> Option<String> {
    let video = item.video.as_ref()?;
    if video.get("type").and_then(Value::as_str) == Some("WIX_MEDIA") {
        return None;
    }
    item.video_url()
}

/// The same key for an entry (files by content hash, imports by URL).
pub(super) fn entry_key(source: &Source, hash: Option<&str>) -> Option<String> {
    Some(match source {
        Source::File { .. } => format!("hash:{}", hash?),
        Source::Import { url } => format!("url:{url}"),
        Source::WixMedia { id, .. } => format!("IMAGE:{id}"),
        Source::Video { url, .. } => video::key(url),
        Source::Text { html } => format!("TEXT:{html}"),
        Source::Item { item } => item_key(&serde_json::from_value::<Item>(item.clone()).ok()?)?,
        Source::Broken { .. } => return None,
    })
}

/// Marks the entries the gallery already holds (`Present`) or that repeat an earlier entry
/// (`Duplicate`). Files are known by content: first by their SHA-256 in the cache, then, for
/// files still unknown, by the Media Manager's own hash and size of the gallery's media (asked
/// for what the cache has not seen, with get-files), compared where the hash's form tells how.
#[allow(clippy::too_many_arguments)]
pub(super) async fn recognise(
    entries: &[Entry],
    jobs: &mut [Option<Job>],
    states: &mut [State],
    cache: &Mutex<HashCache>,
    gallery_media: &HashMap<String, Item>,
    gallery_keys: &HashMap<String, Item>,
    client: &crate::api::Client,
    concurrency: usize,
    existing: &[Item],
) {
    let check = |i: usize, states: &[State]| -> Option<Item> {
        if !matches!(states[i], State::New) {
            return None;
        }
        let job = jobs[i].as_ref()?;
        let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        let known: Vec<String> = match &job.source {
            Source::File { .. } => cache.media_with_hash(job.hash.as_deref()?).to_vec(),
            Source::Import { url } => cache.media_from_url(url).to_vec(),
            Source::WixMedia { id, .. } => vec![id.clone()],
            _ => Vec::new(),
        };
        known
            .iter()
            .find_map(|id| gallery_media.get(id).cloned())
            .or_else(|| {
                let key = entry_key(&job.source, job.hash.as_deref())?;
                gallery_keys.get(&key).cloned()
            })
    };
    for i in 0..entries.len() {
        if let Some(item) = check(i, states) {
            states[i] = State::Present(item);
        }
    }
    // The names of the files and URLs still unknown, to narrow the lookups in a large gallery.
    let wanted_names: HashSet<String> = (0..entries.len())
        .filter(|i| matches!(states[*i], State::New))
        .filter_map(|i| match &entries[i].source {
            Source::File { .. } | Source::Import { .. } => entries[i].source.file_name(),
            _ => None,
        })
        .map(|name| name.to_lowercase())
        .collect();
    if !wanted_names.is_empty() {
        let unseen: Vec<(String, Option<String>, Option<String>)> = {
            let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
            existing
                .iter()
                .flat_map(|item| {
                    let name = item.uploaded_file_name();
                    item.media_ids()
                        .into_iter()
                        .map(move |id| (id, item.id.clone(), name.clone()))
                })
                .filter(|(id, _, _)| !cache.knows_media(id))
                .collect()
        };
        // Every unknown media of a gallery is looked up once (then cached), up to a point: in a
        // large gallery only those whose file name matches one being added (the hash still
        // decides), so a first add to a gallery of thousands does not cost thousands of calls.
        let narrow = unseen.len() > LOOKUP_ALL_UP_TO;
        let unseen: Vec<(String, Option<String>)> = unseen
            .into_iter()
            .filter(|(_, _, name)| {
                !narrow
                    || name
                        .as_ref()
                        .is_some_and(|n| wanted_names.contains(&n.to_lowercase()))
            })
            .map(|(id, item, _)| (id, item))
            .collect();
        // Asked together: get-files takes up to 100 ids a request.
        let item_of: HashMap<String, Option<String>> = unseen.iter().cloned().collect();
        let ids: Vec<String> = unseen.into_iter().map(|(id, _)| id).collect();
        if let Ok(files) = media::get_files(client, &ids).await {
            let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
            for id in &ids {
                let file = files.iter().find(|f| &f.id == id);
                // Not in this Media Manager (another site's, or gone): remembered too, so it is
                // not asked for again.
                let _ = cache.record(Fact {
                    wix_hash: file.and_then(|f| f.hash.clone()),
                    size: file.and_then(FileDescriptor::size),
                    media_id: Some(id.clone()),
                    item_id: item_of.get(id).cloned().flatten(),
                    ..Fact::default()
                });
            }
        }
        for i in 0..entries.len() {
            if let Some(item) = check(i, states) {
                states[i] = State::Present(item);
            }
        }
    }
    recognise_by_service_hash(
        entries,
        jobs,
        states,
        cache,
        gallery_media,
        client,
        concurrency,
    )
    .await;
    // Repeats within this run: the first one counts.
    let mut seen: HashMap<String, String> = HashMap::new();
    for i in 0..entries.len() {
        if !matches!(states[i], State::New) {
            continue;
        }
        let Some(job) = jobs[i].as_ref() else {
            continue;
        };
        if let Some(key) = entry_key(&job.source, job.hash.as_deref()) {
            match seen.get(&key) {
                Some(first) => states[i] = State::Duplicate(first.clone()),
                None => {
                    seen.insert(key, entries[i].label.clone());
                }
            }
        }
    }
}

/// Local files still unrecognised whose size and content match a media file the gallery shows,
/// by the Media Manager's own hash of it, compared where its form names the algorithm (MD5
/// computed from the file then). A hash of any other form is never compared: the file's bytes
/// are read from its public URL and hashed instead (only for files of the same size). A match is
/// remembered under the file's SHA-256, so the next run knows it from the cache alone.
async fn recognise_by_service_hash(
    entries: &[Entry],
    jobs: &mut [Option<Job>],
    states: &mut [State],
    cache: &Mutex<HashCache>,
    gallery_media: &HashMap<String, Item>,
    client: &Client,
    concurrency: usize,
) {
    // Each unrecognised file with the gallery media of its size: (id, its hash, its URL).
    type Candidate = (String, Option<String>, Option<String>);
    let candidates: Vec<(usize, std::path::PathBuf, Vec<Candidate>)> = {
        let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        (0..entries.len())
            .filter(|i| matches!(states[*i], State::New))
            .filter_map(|i| {
                let job = jobs[i].as_ref()?;
                let Source::File { path, .. } = &job.source else {
                    return None;
                };
                let same_size: Vec<Candidate> = gallery_media
                    .iter()
                    .filter_map(|(id, item)| {
                        let known = cache.known(id)?;
                        let comparable = known.wix_hash.as_deref().and_then(algo_of).is_some();
                        // Without a comparable hash the size must be known to be worth a read.
                        let fits = match known.size {
                            Some(size) => size == job.size,
                            None => comparable,
                        };
                        fits.then(|| (id.clone(), known.wix_hash.clone(), item.media_http_url()))
                    })
                    .collect();
                (!same_size.is_empty()).then(|| (i, path.clone(), same_size))
            })
            .collect()
    };
    if candidates.is_empty() {
        return;
    }
    let checked: Vec<(usize, Option<String>, Option<String>)> = stream::iter(candidates)
        .map(|(i, path, same_size)| {
            let sha256 = jobs[i].as_ref().and_then(|j| j.hash.clone());
            let md5 = jobs[i].as_ref().and_then(|j| j.md5.clone());
            async move {
                let mut md5 = md5;
                for (id, theirs, url) in same_size {
                    let same = match theirs.as_deref().filter(|h| algo_of(h).is_some()) {
                        Some(theirs) => {
                            same_content(theirs, sha256.as_deref(), &mut md5, &path).await
                                == Some(true)
                        }
                        None => match (&url, &sha256) {
                            (Some(url), Some(ours)) => client
                                .sha256_of_url(url)
                                .await
                                .is_ok_and(|(_, theirs)| theirs.eq_ignore_ascii_case(ours)),
                            _ => false,
                        },
                    };
                    if same {
                        return (i, Some(id), md5);
                    }
                }
                (i, None, md5)
            }
        })
        .buffer_unordered(concurrency.max(2))
        .collect()
        .await;
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    for (i, matched, md5) in checked {
        let Some(job) = jobs[i].as_mut() else {
            continue;
        };
        job.md5 = md5;
        let Some(id) = matched else { continue };
        let Some(item) = gallery_media.get(&id) else {
            continue;
        };
        let known = cache.known(&id).cloned().unwrap_or_default();
        let _ = cache.record(Fact {
            hash: job.hash.clone(),
            wix_hash: known.wix_hash,
            size: known.size,
            media_id: Some(id),
            item_id: item.id.clone(),
            ..Fact::default()
        });
        states[i] = State::Present(item.clone());
    }
}

/// Gives every new entry (without an explicit sortOrder) its number, from input order: a run of
/// new entries goes right after the entry before it that the gallery already holds (so a re-run
/// puts what was missing back in its place), else right before the one after it, else at
/// `--position`. Each also gets the window its number may move in if the service refuses it.
/// Returns the existing items that had to move to make room.
pub(super) fn plan_positions(
    entries: &[Entry],
    jobs: &mut [Option<Job>],
    states: &[State],
    existing: &[Item],
    index_of: &HashMap<String, usize>,
    default_gap: usize,
) -> Vec<Placement> {
    let mut gaps: Vec<Vec<usize>> = vec![Vec::new(); existing.len() + 1];
    let mut run: Vec<usize> = Vec::new();
    let mut last_present: Option<usize> = None;
    for i in 0..entries.len() {
        match &states[i] {
            State::Present(item) => {
                let at = item.id.as_ref().and_then(|id| index_of.get(id)).copied();
                if !run.is_empty() {
                    let gap = match (last_present, at) {
                        (Some(p), _) => p + 1,
                        (None, Some(next)) => next,
                        (None, None) => default_gap,
                    };
                    gaps[gap].append(&mut run);
                }
                if at.is_some() {
                    last_present = at;
                }
            }
            State::New => {
                let explicit = jobs[i]
                    .as_ref()
                    .is_some_and(|j| j.meta.sort_order.is_some());
                if !explicit {
                    run.push(i);
                }
            }
            _ => {}
        }
    }
    if !run.is_empty() {
        let gap = last_present.map_or(default_gap, |p| p + 1);
        gaps[gap].append(&mut run);
    }
    if gaps.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    // The wanted sequence: existing items keep their numbers, new ones need one.
    enum Owner {
        New(usize),
        Existing(usize),
    }
    let mut slots: Vec<Slot> = Vec::new();
    let mut owners: Vec<Owner> = Vec::new();
    for (gap, news) in gaps.iter().enumerate() {
        for &i in news {
            slots.push(None);
            owners.push(Owner::New(i));
        }
        if let Some(item) = existing.get(gap) {
            slots.push(ordering::fixed(item, gap));
            owners.push(Owner::Existing(gap));
        }
    }
    let values = ordering::solve_in(&slots, existing);
    let windows = ordering::windows(&values);
    let mut moved = Vec::new();
    for (((owner, slot), value), window) in owners.iter().zip(&slots).zip(values).zip(windows) {
        match owner {
            Owner::New(i) => {
                if let Some(job) = jobs[*i].as_mut() {
                    job.sort_order = Some(value);
                    job.sort_window = Some(window);
                }
            }
            Owner::Existing(at) => {
                if slot.map(|f| f.value) != Some(value) {
                    if let Some(id) = &existing[*at].id {
                        moved.push(Placement {
                            id: id.clone(),
                            value,
                            window,
                        });
                    }
                }
            }
        }
    }
    moved
}
