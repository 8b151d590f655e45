//! Streams a body (an upload PUT or an import download) into a partial file in the media
//! directory, chunk by chunk, hashing (MD5, the 32-hex `hash` of every Wix example, spec §6) and
//! counting as it goes, so memory stays bounded
//! whatever the file's size. Past the size cap, or on any error, the partial file is removed:
//! nothing half-written is ever left behind. `Spooled::keep` then inspects the bytes (image
//! dimensions from the header only) and renames the file to its final name.

use std::path::{Path, PathBuf};

use bytes::Bytes;
use futures::{Stream, StreamExt};
use md5::{Digest, Md5};
use tokio::io::AsyncWriteExt;

use super::imagesize::{read_image_size, ImageInfo, SizeError};
use super::video::VideoInfo;

#[derive(Debug)]
pub enum SpoolError {
    /// More than the cap arrived (the partial file is already removed).
    TooLarge { cap: u64 },
    /// The body stream failed (client went away, connection reset, download error).
    Body(String),
    /// The disk did (full, permissions).
    Io(String),
}

/// A partial file that removes itself when dropped, unless it was kept. Dropping covers every
/// way a spool can end early, including its future being dropped mid-write (a client that hangs
/// up, an import timeout), where no error path runs.
#[derive(Debug)]
struct Partial {
    path: PathBuf,
    kept: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A body fully written to a partial file.
#[derive(Debug)]
pub struct Spooled {
    partial: Partial,
    pub size: u64,
    /// Lowercase hex MD5 of the content (32 characters).
    pub hash: String,
}

/// Writes `stream` to a new partial file under `dir`, refusing more than `cap` bytes.
pub async fn spool<S, E>(mut stream: S, dir: &Path, cap: u64) -> Result<Spooled, SpoolError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let partial = Partial {
        path: dir.join(format!(".partial-{}", uuid::Uuid::new_v4().simple())),
        kept: false,
    };
    let (size, hash) = write_all(&mut stream, &partial.path, cap).await?;
    Ok(Spooled {
        partial,
        size,
        hash,
    })
}

async fn write_all<S, E>(stream: &mut S, path: &Path, cap: u64) -> Result<(u64, String), SpoolError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let io = |e: std::io::Error| SpoolError::Io(format!("writing {}: {e}", path.display()));
    // Owner-only, whatever the umask (the bytes are the site's media); the name is new.
    let file = tokio::fs::File::from_std(crate::files::create_private_new(path).map_err(io)?);
    // A modest buffer: chunks from hyper are often small, and fewer write calls is cheaper.
    let mut file = tokio::io::BufWriter::with_capacity(256 * 1024, file);
    let mut hasher = Md5::new();
    let mut size: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| SpoolError::Body(e.to_string()))?;
        size = size.saturating_add(chunk.len() as u64);
        if size > cap {
            return Err(SpoolError::TooLarge { cap });
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(io)?;
    }
    // No fsync: the database commits with `synchronous = NORMAL` as well, and a sandbox that loses
    // its last writes on a power cut loses nothing of value, while an fsync per upload would
    // serialise concurrent uploads on the disk.
    file.flush().await.map_err(io)?;
    Ok((size, crate::digest::hex(&hasher.finalize())))
}

/// Size and MD5 of a file already on disk (a finished resumable upload), read in chunks on a
/// blocking thread.
pub async fn hash_file(path: &Path) -> Result<(u64, String), SpoolError> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let io = |e: std::io::Error| SpoolError::Io(format!("reading {}: {e}", path.display()));
        let mut file = std::fs::File::open(&path).map_err(io)?;
        crate::digest::of_reader::<Md5>(&mut file).map_err(io)
    })
    .await
    .unwrap_or_else(|join| Err(SpoolError::Io(join.to_string())))
}

impl Spooled {
    /// A finished file already on disk (a completed resumable upload) taken over as if spooled:
    /// it is removed when dropped unless kept.
    pub fn adopt(path: PathBuf, size: u64, hash: String) -> Spooled {
        Spooled {
            partial: Partial { path, kept: false },
            size,
            hash,
        }
    }

    /// Where the bytes are until kept.
    pub fn path(&self) -> &Path {
        &self.partial.path
    }

    /// Reads the image header of the spooled bytes (on a blocking thread: it is file I/O).
    pub async fn image_info(&self) -> Result<ImageInfo, SizeError> {
        let path = self.partial.path.clone();
        tokio::task::spawn_blocking(move || {
            let mut file = std::fs::File::open(&path)?;
            read_image_size(&mut file)
        })
        .await
        .unwrap_or_else(|join| Err(SizeError::Io(std::io::Error::other(join.to_string()))))
    }

    /// Reads the video container of the spooled bytes (`None`: no container the sandbox knows),
    /// on a blocking thread; the error says what went wrong.
    pub async fn video_info(&self) -> Result<Option<VideoInfo>, String> {
        let path = self.partial.path.clone();
        tokio::task::spawn_blocking(move || {
            let mut file = std::fs::File::open(path)?;
            super::video::inspect(&mut file)
        })
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("reading the video: {e}"))
    }

    /// Moves the bytes to their final name `dir/<id>` and returns that path.
    pub async fn keep(mut self, dir: &Path, id: &str) -> Result<PathBuf, SpoolError> {
        let target = dir.join(id);
        match tokio::fs::rename(&self.partial.path, &target).await {
            Ok(()) => {
                self.partial.kept = true;
                Ok(target)
            }
            Err(e) => Err(SpoolError::Io(format!("storing {}: {e}", target.display()))),
        }
    }

    /// Throws the bytes away (refused content, or a duplicate of an earlier PUT).
    pub async fn discard(self) {
        let path = self.partial.path.clone();
        let mut partial = self.partial;
        partial.kept = true;
        let _ = tokio::fs::remove_file(&path).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: &[&'static [u8]]) -> impl Stream<Item = Result<Bytes, String>> + Unpin {
        futures::stream::iter(
            parts
                .iter()
                .map(|p| Ok(Bytes::from_static(p)))
                .collect::<Vec<_>>(),
        )
    }

    fn files_in(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[tokio::test]
    async fn spools_hashes_and_keeps() {
        let dir = tempfile::tempdir().unwrap();
        let spooled = spool(chunks(&[b"hello ", b"world"]), dir.path(), 100)
            .await
            .unwrap();
        assert_eq!(spooled.size, 11);
        assert_eq!(spooled.hash, "5eb63bbbe01eeed093cb22bb8f5acdc3");
        let kept = spooled.keep(dir.path(), "abc_def").await.unwrap();
        assert_eq!(std::fs::read(kept).unwrap(), b"hello world");
        assert_eq!(files_in(dir.path()), vec!["abc_def".to_string()]);
    }

    #[tokio::test]
    async fn over_the_cap_or_a_broken_body_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let err = spool(chunks(&[b"12345", b"67890", b"x"]), dir.path(), 10)
            .await
            .unwrap_err();
        assert!(matches!(err, SpoolError::TooLarge { cap: 10 }));
        let broken = futures::stream::iter(vec![
            Ok(Bytes::from_static(b"abc")),
            Err("connection reset".to_string()),
        ]);
        let err = spool(broken, dir.path(), 10).await.unwrap_err();
        assert!(matches!(err, SpoolError::Body(ref m) if m.contains("reset")));
        assert!(files_in(dir.path()).is_empty());
    }
}
