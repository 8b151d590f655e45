//! `items add` end to end against a sandbox server: local files and folders (`files.rs`), bad
//! sources (`bad_input.rs`), manifests (`manifests.rs`), URL imports from a loopback server
//! (`imports.rs`), ambiguous failures (`faults.rs`), and what the Media Manager does after it
//! accepts a file: PENDING, videos, large files, recognition without the cache (`processing.rs`). Images are hand-built in `common::media`
//! (valid headers, then filler: the sandbox reads headers only).

mod bad_input;
mod embedded;
mod faults;
mod files;
mod imports;
mod manifests;
mod processing;
mod videos;

use std::path::Path;

use serde_json::Value;

pub use crate::common::media::*;
use crate::common::*;

/// (width, height) of each image item, as the service holds it.
pub fn image_sizes(items: &[Value]) -> Vec<(u64, u64)> {
    items
        .iter()
        .map(|i| {
            let info = &i["image"]["imageInfo"];
            (
                info["width"].as_u64().unwrap(),
                info["height"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `items add GALLERY PATH -o id`, which must succeed.
#[track_caller]
pub fn add_path(sandbox: &Sandbox, gallery: &str, path: &Path) -> Run {
    let added = run(sandbox
        .cli()
        .args(["items", "add", gallery])
        .arg(path)
        .args(["-o", "id"]));
    added.success();
    added
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}
