//! The RSA key pair events are signed with: generation, PEM files, and the sandbox's own pair kept
//! in the data dir (`webhook-private-key.pem`, mode 0600, and `webhook-public-key.pem`).
//!
//! The private key is the source of truth: the public file is derived from it and rewritten when
//! missing, so a crash between the two writes never leaves a mismatched pair. The private file is
//! created through a temp file and a no-clobber link, so two processes starting at once (a sandbox
//! and a listener) end up sharing one pair instead of overwriting each other.
//!
//! Both files, and the data dir when this creates it, are owner-only (`0600`, `0700`) whatever
//! the umask. A key file is read through `files` (a regular file, at most 1 MiB) and refused when
//! others could tamper with it: a private key others can read or write, a public key others can
//! write (whoever can replace it can forge deliveries that verify).

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use base64::Engine as _;
use jsonwebtoken::{DecodingKey, EncodingKey};
use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use rsa::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding,
};
use rsa::{RsaPrivateKey, RsaPublicKey};

/// Wix signs with RSA keys; 2048 bits is what RS256 deployments use.
const KEY_BITS: usize = 2048;

pub const PRIVATE_KEY_FILE: &str = "webhook-private-key.pem";
pub const PUBLIC_KEY_FILE: &str = "webhook-public-key.pem";

pub fn private_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(PRIVATE_KEY_FILE)
}

pub fn public_key_path(data_dir: &Path) -> PathBuf {
    data_dir.join(PUBLIC_KEY_FILE)
}

/// A key that cannot be used because of what the caller gave: a file that cannot be read or does
/// not hold an RSA key in PEM. It travels in the `anyhow` chain, so a caller can tell bad input
/// apart from a failure of its own (the CLI makes it a usage error, exit 2, with a hint).
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read key file {}: {error}", path.display())]
    Unreadable {
        path: PathBuf,
        // Part of the message, not a source: the cause is said once, on this line.
        error: std::io::Error,
    },
    #[error("not an RSA private key in PEM (PKCS#8 or PKCS#1)")]
    NotPrivateKey,
    #[error("{} is not an RSA public key (a PEM file, -----BEGIN PUBLIC KEY-----, or its bare base64 body)", path.display())]
    NotPublicKey { path: PathBuf },
    /// A key file others could tamper with (or, for a private key, read): refused, like a config
    /// file readable by others.
    #[error("the key file {} can be {} by other users (mode {mode:o}); refusing to use it", path.display(), if *private { "read or written" } else { "written" })]
    Exposed {
        path: PathBuf,
        mode: u32,
        private: bool,
    },
}

/// Key files are a few KiB; anything larger is not one.
const MAX_KEY_BYTES: u64 = 1024 * 1024;

/// Reads a key file (`private`: it holds a secret), refusing what others could tamper with.
fn read_key(path: &Path, private: bool) -> Result<String, KeyError> {
    let mask = if private { 0o077 } else { 0o022 };
    let unreadable = |error: std::io::Error| KeyError::Unreadable {
        path: path.to_path_buf(),
        error,
    };
    let bytes = crate::files::read_regular(path, MAX_KEY_BYTES).map_err(|e| match e {
        crate::files::FileError::Io { error, .. } => unreadable(error),
        other => unreadable(std::io::Error::other(other.to_string())),
    })?;
    if let Some(mode) = crate::files::exposed_mode(path, mask) {
        return Err(KeyError::Exposed {
            path: path.to_path_buf(),
            mode,
            private,
        });
    }
    String::from_utf8(bytes).map_err(|_| {
        unreadable(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not UTF-8 text (a PEM file is)",
        ))
    })
}

/// A signing key pair: PEM texts plus the parsed keys jsonwebtoken needs.
#[derive(Clone)]
pub struct KeyPair {
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`); only ever written to the 0600 key file.
    private_pem: String,
    /// SPKI PEM (`-----BEGIN PUBLIC KEY-----`), the format Wix shows in an app's dashboard.
    pub public_pem: String,
    pub encoding: EncodingKey,
    pub decoding: DecodingKey,
}

// Never print the private key, even in a debug dump.
impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyPair")
            .field("public_pem", &self.public_pem)
            .finish_non_exhaustive()
    }
}

impl KeyPair {
    /// A new random 2048-bit pair.
    pub fn generate() -> Result<KeyPair> {
        let private = RsaPrivateKey::new(&mut rand::rngs::OsRng, KEY_BITS)
            .context("generating an RSA key pair")?;
        KeyPair::from_private(&private)
    }

    /// Parses a private key in PKCS#8 or PKCS#1 PEM.
    pub fn from_private_pem(pem: &str) -> Result<KeyPair> {
        let private = RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| KeyError::NotPrivateKey)?;
        KeyPair::from_private(&private)
    }

    fn from_private(private: &RsaPrivateKey) -> Result<KeyPair> {
        let private_pem = private
            .to_pkcs8_pem(LineEnding::LF)
            .context("encoding the private key")?
            .to_string();
        let public_pem = private
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .context("encoding the public key")?;
        let encoding = EncodingKey::from_rsa_pem(private_pem.as_bytes())
            .context("loading the private key for signing")?;
        let decoding = DecodingKey::from_rsa_pem(public_pem.as_bytes())
            .context("loading the public key for verification")?;
        Ok(KeyPair {
            private_pem,
            public_pem,
            encoding,
            decoding,
        })
    }
}

/// The sandbox's key pair in `data_dir`, generated (and the dir created) on first use.
/// Returns the pair and whether it was created by this call.
pub fn load_or_create(data_dir: &Path) -> Result<(KeyPair, bool)> {
    let private_path = private_key_path(data_dir);
    let (pair, created) = match read_key(&private_path, true) {
        Ok(pem) => (
            KeyPair::from_private_pem(&pem)
                .with_context(|| format!("reading {}", private_path.display()))?,
            false,
        ),
        Err(KeyError::Unreadable { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            create(data_dir)?
        }
        Err(err) => return Err(err.into()),
    };
    let public_path = public_key_path(data_dir);
    // Missing, unreadable or exposed: rewritten below, like one that does not match.
    let public_matches = read_key(&public_path, false).is_ok_and(|text| text == pair.public_pem);
    if !public_matches {
        // Rewritten owner-only: one others could write is replaced, not trusted.
        crate::files::write_private_atomically(&public_path, pair.public_pem.as_bytes())
            .with_context(|| format!("writing {}", public_path.display()))?;
    }
    Ok((pair, created))
}

/// Loads the sandbox's existing pair without creating one.
pub fn load_existing(data_dir: &Path) -> Result<Option<KeyPair>> {
    let private_path = private_key_path(data_dir);
    match read_key(&private_path, true) {
        Ok(pem) => Ok(Some(
            KeyPair::from_private_pem(&pem)
                .with_context(|| format!("reading {}", private_path.display()))?,
        )),
        Err(KeyError::Unreadable { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(err) => Err(err.into()),
    }
}

fn create(data_dir: &Path) -> Result<(KeyPair, bool)> {
    crate::files::create_private_dir(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let pair = KeyPair::generate()?;
    let path = private_key_path(data_dir);
    let mut temp = tempfile::NamedTempFile::new_in(data_dir)
        .with_context(|| format!("creating a temp file in {}", data_dir.display()))?;
    // tempfile asks for 0600, which the umask can only narrow; set it exactly.
    crate::files::make_private(temp.as_file())
        .with_context(|| format!("setting the mode of {}", path.display()))?;
    temp.write_all(pair.private_pem.as_bytes())
        .and_then(|_| temp.as_file().sync_all())
        .context("writing the private key")?;
    match temp.persist_noclobber(&path) {
        Ok(_) => Ok((pair, true)),
        // Someone else created it meanwhile: theirs wins, so both processes share one pair.
        Err(err) if err.error.kind() == std::io::ErrorKind::AlreadyExists => {
            let pem = read_key(&path, true)?;
            Ok((KeyPair::from_private_pem(&pem)?, false))
        }
        Err(err) => Err(err.error).with_context(|| format!("writing {}", path.display())),
    }
}

/// A signing key from a PEM file (`--private-key`).
pub fn encoding_key_from_file(path: &Path) -> Result<EncodingKey> {
    let pem = read_key(path, true)?;
    Ok(KeyPair::from_private_pem(&pem)
        .with_context(|| format!("reading {}", path.display()))?
        .encoding)
}

/// A verification key from a file (`--public-key`), in the forms Wix hands an app's key out in:
/// a PEM (SPKI `-----BEGIN PUBLIC KEY-----` or PKCS#1 `-----BEGIN RSA PUBLIC KEY-----`), the
/// same with its line breaks written as `\n` (as pasted into an environment variable), or the bare
/// base64 body of either without the armour lines (as the dashboard shows it). A private key is
/// accepted too (its public half is used).
pub fn decoding_key_from_file(path: &Path) -> Result<DecodingKey> {
    let text = read_key(path, false)?;
    // `\n` written out (a key pasted on one line) means a line break.
    let text = text.replace("\\n", "\n");
    if text.contains("PRIVATE KEY-----") {
        // A private key given to verify with is still a secret: refused if others can read it.
        if let Some(mode) = crate::files::exposed_mode(path, 0o077) {
            return Err(KeyError::Exposed {
                path: path.to_path_buf(),
                mode,
                private: true,
            }
            .into());
        }
        return Ok(KeyPair::from_private_pem(&text)
            .with_context(|| format!("reading {}", path.display()))?
            .decoding);
    }
    public_key_from_text(&text)
        .and_then(|key| key.to_public_key_pem(LineEnding::LF).ok())
        .and_then(|pem| DecodingKey::from_rsa_pem(pem.as_bytes()).ok())
        .ok_or_else(|| {
            KeyError::NotPublicKey {
                path: path.to_path_buf(),
            }
            .into()
        })
}

/// An RSA public key from a PEM text or a bare base64 DER body (SPKI or PKCS#1).
fn public_key_from_text(text: &str) -> Option<RsaPublicKey> {
    let text = text.trim();
    if text.contains("-----BEGIN") {
        return RsaPublicKey::from_public_key_pem(text)
            .ok()
            .or_else(|| RsaPublicKey::from_pkcs1_pem(text).ok());
    }
    let body: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let der = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(body.trim_end_matches('='))
        .ok()?;
    RsaPublicKey::from_public_key_der(&der)
        .ok()
        .or_else(|| RsaPublicKey::from_pkcs1_der(&der).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_keys_are_read_as_pem_one_line_pem_and_bare_base64() {
        let pair = KeyPair::generate().unwrap();
        let pem = pair.public_pem.clone();
        let body: String = pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<Vec<_>>()
            .join("\n");
        let one_line = pem.trim().replace('\n', "\\n");
        let public = RsaPrivateKey::from_pkcs8_pem(&pair.private_pem)
            .unwrap()
            .to_public_key();
        let pkcs1 = rsa::pkcs1::EncodeRsaPublicKey::to_pkcs1_pem(&public, LineEnding::LF).unwrap();
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("pem", pem.as_str()),
            ("bare", body.as_str()),
            ("one-line", one_line.as_str()),
            ("pkcs1", pkcs1.as_str()),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            assert!(decoding_key_from_file(&path).is_ok(), "{name}: {text}");
        }
        let bad = dir.path().join("bad");
        std::fs::write(&bad, "bm90IGEga2V5").unwrap();
        assert!(decoding_key_from_file(&bad).is_err());
    }
}
