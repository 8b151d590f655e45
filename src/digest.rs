//! Content hashes as the tool writes them: lowercase hex, and a file's MD5 or SHA-256 read in
//! chunks (memory stays flat whatever its size). The sandbox (the Media Manager's `hash`) and the
//! client (the media cache, exports, resumed downloads) both hash files; this is the one reader
//! they share, so it lives in the library.

use std::io::Read;
use std::path::Path;

use sha2::Digest;

/// How much of a file is read at a time.
const CHUNK: usize = 256 * 1024;

/// Bytes as lowercase hex (`[0x0a, 0xff]` → `"0aff"`).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Size and hex digest of everything `reader` gives, read in chunks.
pub fn of_reader<D: Digest>(reader: &mut impl Read) -> std::io::Result<(u64, String)> {
    let mut hasher = D::new();
    let mut buf = vec![0u8; CHUNK];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hex(&hasher.finalize())))
}

/// Hex MD5 of a file.
pub fn md5_of_file(path: &Path) -> std::io::Result<String> {
    of_reader::<md5::Md5>(&mut std::fs::File::open(path)?).map(|(_, hash)| hash)
}

/// Hex SHA-256 of a file.
pub fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    of_reader::<sha2::Sha256>(&mut std::fs::File::open(path)?).map(|(_, hash)| hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_hash_as_their_bytes_do() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"hello world").unwrap();
        assert_eq!(
            sha256_of_file(&path).unwrap(),
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
        let (size, _) = of_reader::<md5::Md5>(&mut &b"hello world"[..]).unwrap();
        assert_eq!(size, 11);
        assert_eq!(hex(&[0x0a, 0xff]), "0aff");
    }
}
