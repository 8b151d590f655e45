//! `items add` end to end against a sandbox server: local files and folders (`files.rs`), bad
//! sources (`bad_input.rs`), manifests (`manifests.rs`), URL imports from a loopback server
//! (`imports.rs`) and ambiguous failures (`faults.rs`). Images are hand-built here and in
//! `media_sandbox` (valid headers, then filler: the sandbox reads headers only).

mod bad_input;
mod embedded;
mod faults;
mod files;
mod imports;
mod manifests;
mod videos;

use std::path::Path;

use serde_json::Value;

use crate::cli_galleries::create_gallery;
use crate::common::*;
pub use crate::media_sandbox::{filler, gif, jpeg, png, sha256_hex, webp};

/// A BMP with a BITMAPINFOHEADER, then filler.
pub fn bmp(width: i32, height: i32, extra: usize) -> Vec<u8> {
    let mut b = b"BM".to_vec();
    b.extend_from_slice(&((54 + extra) as u32).to_le_bytes());
    b.extend_from_slice(&[0, 0, 0, 0, 54, 0, 0, 0]);
    b.extend_from_slice(&40u32.to_le_bytes());
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&[1, 0, 24, 0]);
    b.extend_from_slice(&[0; 24]);
    b.extend(filler(extra, 6));
    b
}

pub fn new_gallery(sandbox: &Sandbox) -> String {
    create_gallery(sandbox, "Media")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// The gallery's items in the gallery's order (straight from the sandbox).
pub fn gallery_items(sandbox: &Sandbox, gallery: &str) -> Vec<Value> {
    let resp = sandbox
        .request(
            "GET",
            &format!("/progallery/v2/galleries/{gallery}/items?itemLimit=100"),
        )
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json()["items"].as_array().cloned().unwrap_or_default()
}

pub fn titles(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Requests in the log whose path contains `fragment`.
pub fn count_logged(sandbox: &Sandbox, method: &str, fragment: &str) -> usize {
    crate::cli_galleries::logged(sandbox, method, fragment).len()
}

/// Changes the sandbox's media limits at runtime.
pub fn media_settings(sandbox: &Sandbox, settings: Value) {
    let resp = ureq_like::Request::new("PUT", &sandbox.url("/_sandbox/media-settings"))
        .json(&settings)
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
}
