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

pub use crate::common::media::*;
use crate::common::*;

pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}
