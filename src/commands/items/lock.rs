//! Locks between the progallery processes of one machine (one data dir), for the writes the
//! service cannot make safe by itself: it offers no conditional update (items carry no revision
//! to compare) and no idempotency key for creates. Two are taken:
//!
//! - **`items add`, per site and gallery**, for the whole run: a second run adding to the same
//!   gallery (the same folder from two terminals, a cron job overlapping itself) waits, then
//!   reads the gallery and the media cache the first one left and skips what it added, so every
//!   file is added once. Runs on other galleries go on in parallel.
//! - **An item's read-modify-write edits** (`--add-tag`, `--remove-tag`, `--tag` keeping the
//!   system tags, alt text, focal point, part of a link), from the read to the write: parallel
//!   edits of one item are applied one after the other, each on top of the other's result,
//!   instead of the later one silently putting back what the earlier one changed. Items hash to
//!   one of `EDIT_STRIPES` lock files, so the lock directory stays small.
//!
//! Locks are advisory file locks (`flock`, through `fs4`), released when the process ends however
//! it ends.
//! Processes on other machines are not covered (see the README).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use sha2::{Digest, Sha256};

/// Lock files the item edits are spread over.
const EDIT_STRIPES: u64 = 256;

/// A lock held until dropped.
#[derive(Debug)]
pub struct Held {
    _file: File,
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

fn lock_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("locks")
}

/// The lock file of `items add` runs on one gallery of one site.
pub fn add_lock_path(data_dir: &Path, site: &str, gallery: &str) -> PathBuf {
    let hash = digest(&format!("items add\n{site}\n{gallery}"));
    let name = crate::digest::hex(&hash[..12]);
    lock_dir(data_dir).join(format!("add-{name}.lock"))
}

/// The lock file the read-modify-write edits of one item take.
pub fn edit_lock_path(data_dir: &Path, site: &str, gallery: &str, item: &str) -> PathBuf {
    let hash = digest(&format!("item edit\n{site}\n{gallery}\n{item}"));
    let stripe = u64::from_be_bytes(hash[..8].try_into().unwrap_or_default()) % EDIT_STRIPES;
    lock_dir(data_dir).join(format!("edit-{stripe:03}.lock"))
}

fn open(path: &Path) -> Result<File> {
    if let Some(dir) = path.parent() {
        crate::files::create_private_dir(dir)
            .with_context(|| format!("creating the lock directory {}", dir.display()))?;
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .with_context(|| format!("opening the lock file {}", path.display()))
}

/// Takes the lock at `path`, calling `waiting` first when another process holds it (to say so),
/// then waiting as long as it takes: the holder is a progallery command that ends.
pub async fn acquire(path: &Path, waiting: impl FnOnce()) -> Result<Held> {
    let file = open(path)?;
    // Named in full: on Rust 1.89+ std's own File::lock would be picked, past our rust-version.
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => return Ok(Held { _file: file }),
        Err(fs4::TryLockError::WouldBlock) => waiting(),
        Err(fs4::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
    let shown = path.display().to_string();
    tokio::task::spawn_blocking(move || fs4::FileExt::lock(&file).map(|()| Held { _file: file }))
        .await
        .context("waiting for a lock")?
        .with_context(|| format!("locking {shown}"))
}

/// [`acquire`], or, where locks cannot be had (a data dir that is read-only, a file system
/// without `flock`), nothing but a warning: the command still works, unprotected against a
/// parallel run on this machine.
pub async fn acquire_or_warn(
    printer: &crate::output::Printer,
    path: &Path,
    waiting: impl FnOnce(),
) -> Option<Held> {
    match acquire(path, waiting).await {
        Ok(held) => Some(held),
        Err(e) => {
            printer.warn(&format!(
                "{e:#}; going on without it, so a parallel progallery run on this machine could interfere"
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_second_taker_waits_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = add_lock_path(dir.path(), "site", "gallery");
        assert_eq!(path, add_lock_path(dir.path(), "site", "gallery"));
        assert_ne!(path, add_lock_path(dir.path(), "site", "other"));
        let first = acquire(&path, || panic!("nobody holds it yet"))
            .await
            .unwrap();
        let (told, mut heard) = tokio::sync::mpsc::unbounded_channel();
        let second = {
            let path = path.clone();
            tokio::spawn(async move {
                acquire(&path, move || {
                    let _ = told.send(());
                })
                .await
                .map(|_| ())
            })
        };
        // The second taker says it waits; it gets the lock only once the first is dropped.
        heard.recv().await.expect("told it waits");
        assert!(!second.is_finished());
        drop(first);
        second.await.unwrap().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn item_edits_spread_over_a_bounded_set_of_files() {
        let dir = Path::new("/data");
        let names: std::collections::HashSet<PathBuf> = (0..2000)
            .map(|n| edit_lock_path(dir, "s", "g", &format!("item {n}")))
            .collect();
        assert!(names.len() <= EDIT_STRIPES as usize);
        assert!(names.len() > 200, "spread out: {}", names.len());
    }
}
