//! Writing the files of an export folder safely: whole files through a temporary file renamed into
//! place (a reader never sees half a file, a crash leaves the old one), and JSON-lines logs appended
//! a line at a time (what was written before a crash stays readable; a torn last line is skipped).

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use anyhow::{Context as _, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Writes `contents` to `path` through a temporary file in the same folder and a rename. The file
/// gets the mode any new file would (the umask decides): these are the user's documents, to be
/// opened, shared or served like the media files beside them.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".progallery-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("writing {}", path.display()))?;
    temp.write_all(contents)
        .and_then(|_| temp.as_file().sync_all())
        .with_context(|| format!("writing {}", path.display()))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// `relative` (as a manifest records it, `/`-separated) inside `dir`, or `None` when it would lead
/// out of it (absolute, `..`): an export folder from elsewhere must not make a command read or
/// upload a file of its choosing.
pub fn inside(dir: &Path, relative: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(relative);
    let plain = !relative.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    plain.then(|| dir.join(path))
}

/// JSON lines as one file's contents.
pub fn json_lines<T: Serialize>(rows: &[T]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for row in rows {
        serde_json::to_writer(&mut out, row)?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Every line of a JSON-lines file that reads as `T`; an absent file is empty. A line that does
/// not read (a torn last line, a line a later version wrote) is passed over: these files only save
/// work, and what they do not say is done again.
pub fn read_json_lines<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    // A FIFO or device in its place is refused, never waited on (`files`).
    let file = match crate::files::open_regular(path) {
        Ok(file) => file,
        Err(e) if e.io_kind() == Some(std::io::ErrorKind::NotFound) => return Ok(Vec::new()),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
    };
    let mut rows = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if let Ok(row) = serde_json::from_str(&line) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// A JSON-lines file appended to one line at a time, each line written whole and flushed.
pub struct Appender {
    file: File,
    path: std::path::PathBuf,
}

impl Appender {
    pub fn open(path: &Path) -> Result<Appender> {
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(path)
            .with_context(|| format!("opening {}", path.display()))?;
        Ok(Appender {
            file,
            path: path.to_path_buf(),
        })
    }

    pub fn append<T: Serialize>(&mut self, row: &T) -> Result<()> {
        let mut line = serde_json::to_vec(row)?;
        line.push(b'\n');
        self.file
            .write_all(&line)
            .with_context(|| format!("writing {}", self.path.display()))
    }

    /// Flushes what was appended to the disk itself.
    pub fn sync(&self) -> Result<()> {
        self.file
            .sync_data()
            .with_context(|| format!("writing {}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_paths_stay_inside_their_folder() {
        let dir = Path::new("/x/export");
        assert_eq!(
            inside(dir, "media/0001-a.jpg"),
            Some(dir.join("media/0001-a.jpg"))
        );
        for outside in [
            "../secret",
            "/etc/passwd",
            "media/../../x",
            "",
            "./media/a.jpg",
        ] {
            assert_eq!(inside(dir, outside), None, "{outside}");
        }
    }
}
