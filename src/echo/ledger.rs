//! The ledger file, `<data dir>/echo-ledger.jsonl`: one JSON line per write this tool made
//! (`{"at": ms, "pid", "seq", "op", "gallery", "id", "fields": {name: hash}}`), and before each
//! write is sent a line announcing it (`"state": "pending"`, settled later by the write's own
//! lines or by a `"failed"` one with the same `pid` and `seq`), mode 0600 in an owner-only
//! directory.
//!
//! Several processes append to it at once (a bulk run, a listener's `--exec` commands): each
//! append takes an exclusive lock on the file, checks that the path still names the file it
//! opened (a compaction may have replaced it), and writes its lines in one call. A process keeps
//! its file open between appends ([`Appender`]), so an append is a lock, two stats and a write.
//! It stays small and recent: once it passes [`MAX_BYTES`], or (looked at once per process) its
//! first entry is older than [`MAX_AGE`], the appender that noticed rewrites it (under the same
//! lock) with the entries younger than [`MAX_AGE`], at most [`KEEP_BYTES`] of the newest. Readers
//! take a shared lock and read what was appended since their last look.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The ledger's file name in the data dir.
pub const FILE_NAME: &str = "echo-ledger.jsonl";
/// Past this size the ledger is compacted.
pub const MAX_BYTES: u64 = 4 << 20;
/// What a compaction keeps at most (the newest entries).
pub const KEEP_BYTES: usize = 2 << 20;
/// Entries older than this are dropped at the next compaction.
pub const MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// One write of this tool, as a ledger line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When the write succeeded (or was announced), in milliseconds since the epoch.
    pub at: u64,
    pub pid: u32,
    /// Which write of the process: its announcement and its outcome share it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seq: u64,
    /// `""` for a write that was done, `"pending"` for one announced, `"failed"` for one that
    /// was not done (or whose outcome is not known).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state: String,
    pub op: String,
    pub gallery: String,
    pub id: String,
    /// The fields written (an update's), each with the hash of its value after the write.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

pub const PENDING: &str = "pending";
pub const FAILED: &str = "failed";

impl Entry {
    /// What identifies an entry among all (for "already explained an event").
    pub fn key(&self) -> (u64, u32, String, String) {
        (self.at, self.pid, self.op.clone(), self.id.clone())
    }

    /// A write that was done.
    pub fn is_done(&self) -> bool {
        self.state.is_empty()
    }
}

pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Appends `entries` once (a fresh [`Appender`]; a process that appends often keeps one).
#[cfg(test)]
pub fn append(path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    Appender::new(path.to_path_buf()).append(entries)
}

/// A process's writer of the ledger: the open file, and whether its age was looked at.
#[derive(Debug)]
pub struct Appender {
    path: PathBuf,
    file: Option<File>,
    age_checked: bool,
}

impl Appender {
    pub fn new(path: PathBuf) -> Appender {
        Appender {
            path,
            file: None,
            age_checked: false,
        }
    }

    /// Appends `entries` (nothing for none), compacting when the file is too big or too old.
    pub fn append(&mut self, entries: &[Entry]) -> std::io::Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for entry in entries {
            text.push_str(&serde_json::to_string(entry).map_err(std::io::Error::other)?);
            text.push('\n');
        }
        loop {
            let file = match &mut self.file {
                Some(file) => file,
                None => {
                    if let Some(dir) = self.path.parent() {
                        crate::files::create_private_dir(dir)?;
                    }
                    self.file.insert(open_for_append(&self.path)?)
                }
            };
            lock(file, true)?;
            if !still_at(file, &self.path)? {
                // Replaced by a compaction since we opened it: append to the new file.
                unlock(file)?;
                self.file = None;
                continue;
            }
            let written = file.write_all(text.as_bytes());
            let len = file.metadata()?.len();
            let too_old = !self.age_checked && first_entry_older_than(file, MAX_AGE)?;
            self.age_checked = true;
            let compacted = if written.is_ok() && (len > MAX_BYTES || too_old) {
                Some(compact(&self.path, file))
            } else {
                None
            };
            unlock(file)?;
            if compacted.is_some() {
                // Ours is the old file now.
                self.file = None;
            }
            written?;
            return compacted.unwrap_or(Ok(()));
        }
    }
}

/// Reads the entries appended since `cursor` (all of them the first time), following a
/// compaction by reading the new file from its start.
pub fn read_new(path: &Path, cursor: &mut Cursor) -> std::io::Result<Vec<Entry>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    lock(&file, false)?;
    let identity = file_identity(&file)?;
    let len = file.metadata()?.len();
    if cursor.file != Some(identity) || len < cursor.offset {
        cursor.file = Some(identity);
        cursor.offset = 0;
        cursor.restarted = true;
    }
    file.seek(SeekFrom::Start(cursor.offset))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    unlock(&file)?;
    // Whole lines only (writers write whole lines under the lock, so this is all of it).
    let complete = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    cursor.offset += complete as u64;
    Ok(parse_lines(&bytes[..complete]))
}

/// Where a reader is in the ledger.
#[derive(Debug, Default)]
pub struct Cursor {
    file: Option<(u64, u64)>,
    offset: u64,
    /// Set when the file was read again from its start (the caller drops what it had).
    pub restarted: bool,
}

fn parse_lines(bytes: &[u8]) -> Vec<Entry> {
    // A line that does not parse (a foreign edit, a future format) is skipped, not fatal.
    String::from_utf8_lossy(bytes)
        .lines()
        .filter_map(|line| serde_json::from_str::<Entry>(line).ok())
        .collect()
}

/// An advisory lock on the whole file (flock, through `fs4` as `items::lock`'s), shared or
/// exclusive, waiting for it. Named in full: on Rust 1.89+ std's own File::lock would be picked.
#[cfg(unix)]
fn lock(file: &File, exclusive: bool) -> std::io::Result<()> {
    if exclusive {
        fs4::FileExt::lock(file)
    } else {
        fs4::FileExt::lock_shared(file)
    }
}

#[cfg(unix)]
fn unlock(file: &File) -> std::io::Result<()> {
    fs4::FileExt::unlock(file)
}

/// Elsewhere appends are single writes of whole lines, without a lock.
#[cfg(not(unix))]
fn lock(_file: &File, _exclusive: bool) -> std::io::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
fn unlock(_file: &File) -> std::io::Result<()> {
    Ok(())
}

fn open_for_append(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn file_identity(file: &File) -> std::io::Result<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata()?;
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_identity(file: &File) -> std::io::Result<(u64, u64)> {
    Ok((0, file.metadata()?.len()))
}

#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(path) {
        Ok(meta) => Ok(file_identity(file)? == (meta.dev(), meta.ino())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, _path: &Path) -> std::io::Result<bool> {
    Ok(true)
}

fn first_entry_older_than(file: &mut File, age: Duration) -> std::io::Result<bool> {
    file.seek(SeekFrom::Start(0))?;
    let mut head = vec![0u8; 4096];
    let read = file.read(&mut head)?;
    head.truncate(read);
    let first = head.split(|b| *b == b'\n').next().unwrap_or_default();
    Ok(match serde_json::from_slice::<Entry>(first) {
        Ok(entry) => entry.at + (age.as_millis() as u64) < now_millis(),
        Err(_) => false,
    })
}

/// Rewrites the ledger (the caller holds its lock) with its recent entries only.
fn compact(path: &Path, file: &mut File) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let oldest = now_millis().saturating_sub(MAX_AGE.as_millis() as u64);
    let recent: Vec<&str> = std::str::from_utf8(&bytes)
        .unwrap_or_default()
        .lines()
        .filter(|line| {
            serde_json::from_str::<Entry>(line)
                .map(|e| e.at >= oldest)
                .unwrap_or(false)
        })
        .collect();
    // The newest entries up to KEEP_BYTES.
    let mut kept = Vec::new();
    let mut size = 0;
    for line in recent.iter().rev() {
        size += line.len() + 1;
        if size > KEEP_BYTES {
            break;
        }
        kept.push(*line);
    }
    kept.reverse();
    let dir = path.parent().unwrap_or(Path::new("."));
    // tempfile makes it 0600, like the file it replaces.
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    for line in kept {
        temp.write_all(line.as_bytes())?;
        temp.write_all(b"\n")?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The ledger of a data dir.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(at: u64, id: &str) -> Entry {
        Entry {
            at,
            pid: 1,
            seq: 0,
            state: String::new(),
            op: crate::echo::Op::ItemUpdated.event_type().into(),
            gallery: "g".into(),
            id: id.into(),
            fields: Map::new(),
        }
    }

    #[test]
    fn appends_are_read_back_incrementally_and_the_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data").join(FILE_NAME);
        let mut cursor = Cursor::default();
        assert!(read_new(&path, &mut cursor).unwrap().is_empty());
        let now = now_millis();
        append(&path, &[entry(now, "a"), entry(now, "b")]).unwrap();
        let first = read_new(&path, &mut cursor).unwrap();
        assert_eq!(
            first.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        append(&path, &[entry(now, "c")]).unwrap();
        let next = read_new(&path, &mut cursor).unwrap();
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].id, "c");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
    }

    #[test]
    fn old_entries_go_at_the_next_append_and_readers_follow_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let day_and_more = MAX_AGE.as_millis() as u64 + 60_000;
        append(&path, &[entry(now_millis() - day_and_more, "old")]).unwrap();
        let mut cursor = Cursor::default();
        // The append that finds the old first entry compacts: only the new one stays.
        append(&path, &[entry(now_millis(), "new")]).unwrap();
        let read = read_new(&path, &mut cursor).unwrap();
        assert_eq!(
            read.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["new"]
        );
    }

    #[test]
    fn the_file_stays_bounded_and_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let now = now_millis();
        let batch: Vec<Entry> = (0..2000)
            .map(|i| entry(now, &format!("{i:0>200}")))
            .collect();
        let mut last = String::new();
        for round in 0..12 {
            let mut entries = batch.clone();
            last = format!("last-{round}");
            entries.push(entry(now, &last));
            append(&path, &entries).unwrap();
        }
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(size <= MAX_BYTES, "{size}");
        let mut cursor = Cursor::default();
        let read = read_new(&path, &mut cursor).unwrap();
        assert_eq!(read.last().map(|e| e.id.as_str()), Some(last.as_str()));
    }

    #[test]
    fn concurrent_appenders_lose_no_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for i in 0..50 {
                        append(&path, &[entry(now_millis(), &format!("{t}-{i}"))]).unwrap();
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let mut cursor = Cursor::default();
        assert_eq!(read_new(&path, &mut cursor).unwrap().len(), 400);
    }
}
