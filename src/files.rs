//! Local files, safe against whatever sits at a path: the one place the tool opens a file it is
//! given (config, manifests, id lists, journals, key files, payloads) and creates a file or a
//! directory of its own (data dir, journals, caches, sandbox files, the webhook key pair).
//!
//! Reading: a path is opened without blocking (`O_NONBLOCK`, so a FIFO with no writer cannot
//! hang the open) and without taking a terminal as controlling terminal (`O_NOCTTY`); what was
//! opened is then looked at, and anything but a regular file — a FIFO, a device, a directory, a
//! socket — is refused at once, as is a file over the caller's size limit. The bytes are read
//! under that limit too, so a file that grows while it is read cannot take more. Stdin (a pipe
//! is its normal form) is read under the same limit.
//!
//! Writing: directories are created `0700` and files `0600`, set explicitly after creation, so
//! the result is owner-only whatever the umask (`umask 000` included). Existing directories are
//! left as their owner set them.
//!
//! It lives in the library so the sandbox and the webhook keys use it as the client does.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why a local file was not read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Something other than a regular file: reading it could block for ever or never end.
    #[error("{} is {kind}, not a regular file", path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    /// Larger than the caller's limit.
    #[error("{what} is larger than {} (the limit for it)", size_text(*limit))]
    TooLarge {
        /// The path, or "stdin".
        what: String,
        limit: u64,
    },
    #[error("cannot read {}: {error}", path.display())]
    Io {
        path: PathBuf,
        // Part of the message, not a source: the cause is said once, on this line.
        error: std::io::Error,
    },
}

impl FileError {
    /// The underlying I/O error, for callers that tell "no such file" apart.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            FileError::Io { error, .. } => Some(error.kind()),
            _ => None,
        }
    }
}

/// A size for people: bytes, KiB, MiB or GiB, whichever reads best.
pub fn size_text(bytes: u64) -> String {
    const KIB: u64 = 1024;
    match bytes {
        b if b >= KIB * KIB * KIB && b % (KIB * KIB * KIB) == 0 => format!("{} GiB", b >> 30),
        b if b >= KIB * KIB && b % (KIB * KIB) == 0 => format!("{} MiB", b >> 20),
        b if b >= KIB && b % KIB == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Opens `path` for reading if it is a regular file, without blocking on a FIFO.
pub fn open_regular(path: &Path) -> Result<File, FileError> {
    let io = |error| FileError::Io {
        path: path.to_path_buf(),
        error,
    };
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(io)?;
    let kind = file.metadata().map_err(io)?.file_type();
    if !kind.is_file() {
        return Err(FileError::NotRegular {
            path: path.to_path_buf(),
            kind: describe_kind(&kind),
        });
    }
    Ok(file)
}

/// The whole of a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path)?;
    let size = file
        .metadata()
        .map_err(|error| FileError::Io {
            path: path.to_path_buf(),
            error,
        })?
        .len();
    let too_large = || FileError::TooLarge {
        what: path.display().to_string(),
        limit,
    };
    if size > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| FileError::Io {
            path: path.to_path_buf(),
            error,
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// All of stdin, at most `limit` bytes.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| FileError::Io {
            path: PathBuf::from("stdin"),
            error,
        })?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge {
            what: "stdin".to_string(),
            limit,
        });
    }
    Ok(bytes)
}

fn describe_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Creates `dir` (and missing parents) owner-only, `0700`, whatever the umask. A directory that
/// already exists is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // The mode given to mkdir is masked by the umask; set it exactly.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Sets a file owner-only (`0600`), whatever the umask gave it at creation.
pub fn make_private(file: &File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

/// Opens `path` for appending, creating it owner-only (`0600`) if it is new; an existing file
/// keeps its mode. The parent directory is created owner-only if missing.
pub fn open_private_append(path: &Path) -> std::io::Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Only a file this call created can be fixed up silently: its size is still 0.
        let meta = file.metadata()?;
        if meta.len() == 0 && meta.permissions().mode() & 0o777 != 0o600 {
            make_private(&file)?;
        }
    }
    Ok(file)
}

/// Creates a new file (failing if it exists) owner-only, `0600`.
pub fn create_private_new(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    make_private(&file)?;
    Ok(file)
}

/// Creates an empty owner-only file at `path` unless something is there already (a database a
/// library will open next, say, which would otherwise create it with the umask's mode).
pub fn touch_private(path: &Path) -> std::io::Result<()> {
    match create_private_new(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Writes `contents` to `path` atomically (a temp file in the same directory, synced, then
/// renamed over it), owner-only. The directory is created owner-only if missing.
pub fn write_private_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    make_private(temp.as_file())?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The permission bits of an existing file that let users other than its owner do `mask`
/// (`0o022`: write, `0o077`: anything), if any.
pub fn exposed_mode(path: &Path, mask: u32) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (mode & mask != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mask);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_under_a_limit_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small");
        std::fs::write(&small, b"hello").unwrap();
        assert_eq!(read_regular(&small, 5).unwrap(), b"hello");
        assert!(matches!(
            read_regular(&small, 4),
            Err(FileError::TooLarge { limit: 4, .. })
        ));
        let err = read_regular(dir.path(), 100).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert_eq!(
            read_regular(&dir.path().join("missing"), 1)
                .unwrap_err()
                .io_kind(),
            Some(std::io::ErrorKind::NotFound)
        );
        #[cfg(unix)]
        {
            let err = read_regular(Path::new("/dev/null"), 100).unwrap_err();
            assert!(err.to_string().contains("character device"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo(3) reads a NUL-terminated path and touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let err = read_regular(&fifo, 100).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn created_files_and_dirs_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let nested = dir.path().join("a/b");
        create_private_dir(&nested).unwrap();
        assert_eq!(mode(&nested), 0o700);
        let file = nested.join("f");
        write_private_atomically(&file, b"x").unwrap();
        assert_eq!(mode(&file), 0o600);
        let log = nested.join("log");
        drop(open_private_append(&log).unwrap());
        assert_eq!(mode(&log), 0o600);
        touch_private(&nested.join("db")).unwrap();
        assert_eq!(mode(&nested.join("db")), 0o600);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o620)).unwrap();
        assert_eq!(exposed_mode(&file, 0o022), Some(0o620));
        assert_eq!(exposed_mode(&log, 0o077), None);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size_text(1024 * 1024), "1 MiB");
        assert_eq!(size_text(256 << 20), "256 MiB");
        assert_eq!(size_text(1 << 30), "1 GiB");
        assert_eq!(size_text(1500), "1500 bytes");
    }
}
