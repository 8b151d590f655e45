//! What `items add` remembers between runs, per site and gallery, so that adding the same files
//! again skips what is already there: the content hash (SHA-256, as the Media Manager reports it)
//! of every Media Manager file it uploaded or recognised, the URL each import came from, and the
//! item made from each file.
//!
//! One JSON line per fact, appended as soon as it is known (an upload that finished before a
//! crash or Ctrl-C is still remembered), in `<data dir>/media-cache/<site key>/<gallery id>.jsonl`.
//! Appending single short lines is what keeps concurrent uploads from losing each other's facts;
//! a torn last line (a crash mid-write) is skipped on reading. The cache only speeds things up and
//! saves uploads: the gallery itself stays the truth (an item deleted since is added again).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One remembered fact.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// The media file's content hash; `None` with a media id means "it has no known hash" (so it
    /// is not asked for again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The URL an import fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

pub struct HashCache {
    path: PathBuf,
    /// media id → its content hash (or `None`: asked, no hash known).
    hash_of_media: HashMap<String, Option<String>>,
    /// content hash → media ids with that content.
    media_of_hash: HashMap<String, Vec<String>>,
    /// import URL → media ids imported from it.
    media_of_url: HashMap<String, Vec<String>>,
    writer: Mutex<Option<File>>,
}

/// The service name the embedded sandbox (`--sandbox`) is cached under in place of its base URL:
/// it listens on a new port every run, and is always the data dir's own `sandbox.db`.
/// (`items add` spells the same literal; keep them equal.)
pub const EMBEDDED_SANDBOX: &str = "embedded-sandbox";

/// The cache's root directory, `<data dir>/media-cache`; one folder per site key below it.
pub fn cache_root(data_dir: &Path) -> PathBuf {
    data_dir.join("media-cache")
}

/// A short stable name for a site: the base URL and site id, hashed (no ids in paths that could
/// collide between a sandbox and the real service).
pub fn site_key(base_url: &str, site_id: Option<&str>) -> String {
    let digest = Sha256::digest(format!("{base_url}\n{}", site_id.unwrap_or("-")).as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

impl HashCache {
    /// Reads the cache of a gallery (an absent file is an empty cache).
    pub fn open(data_dir: &Path, site_key: &str, gallery: &str) -> Result<HashCache> {
        let path = cache_root(data_dir)
            .join(site_key)
            .join(format!("{gallery}.jsonl"));
        let mut cache = HashCache {
            path,
            hash_of_media: HashMap::new(),
            media_of_hash: HashMap::new(),
            media_of_url: HashMap::new(),
            writer: Mutex::new(None),
        };
        match File::open(&cache.path) {
            Ok(file) => {
                for line in BufReader::new(file).lines() {
                    let Ok(line) = line else { break };
                    if let Ok(fact) = serde_json::from_str::<Fact>(&line) {
                        cache.learn(&fact);
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("reading {}", cache.path.display()));
            }
        }
        Ok(cache)
    }

    fn learn(&mut self, fact: &Fact) {
        let Some(media) = &fact.media_id else { return };
        if let Some(hash) = &fact.hash {
            let list = self.media_of_hash.entry(hash.clone()).or_default();
            if !list.contains(media) {
                list.push(media.clone());
            }
        }
        let known = self.hash_of_media.entry(media.clone()).or_insert(None);
        if fact.hash.is_some() {
            *known = fact.hash.clone();
        }
        if let Some(url) = &fact.url {
            let list = self.media_of_url.entry(url.clone()).or_default();
            if !list.contains(media) {
                list.push(media.clone());
            }
        }
    }

    /// Remembers a fact now: in memory, and appended to the file.
    pub fn record(&mut self, fact: Fact) -> Result<()> {
        self.learn(&fact);
        let line = serde_json::to_string(&fact)? + "\n";
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if writer.is_none() {
            // Owner-only, whatever the umask: the cache names the site's media.
            if let Some(dir) = self.path.parent() {
                crate::files::create_private_dir(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            let file = crate::files::open_private_append(&self.path)
                .with_context(|| format!("opening {}", self.path.display()))?;
            *writer = Some(file);
        }
        if let Some(file) = writer.as_mut() {
            // One write per line: with O_APPEND, lines from one process never interleave.
            file.write_all(line.as_bytes())
                .with_context(|| format!("writing {}", self.path.display()))?;
        }
        Ok(())
    }

    /// Media ids known to hold content with this hash.
    pub fn media_with_hash(&self, hash: &str) -> &[String] {
        self.media_of_hash.get(hash).map_or(&[], Vec::as_slice)
    }

    /// Media ids imported from this URL.
    pub fn media_from_url(&self, url: &str) -> &[String] {
        self.media_of_url.get(url).map_or(&[], Vec::as_slice)
    }

    /// Whether the hash of this media id was ever looked up (even if none was found).
    pub fn knows_media(&self, media_id: &str) -> bool {
        self.hash_of_media.contains_key(media_id)
    }

    #[cfg(test)]
    pub fn hash_of(&self, media_id: &str) -> Option<&str> {
        self.hash_of_media.get(media_id)?.as_deref()
    }

    #[cfg(test)]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_across_opens_and_skips_torn_lines() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = HashCache::open(dir.path(), "site", "g").unwrap();
        cache
            .record(Fact {
                hash: Some("h1".into()),
                media_id: Some("m1".into()),
                ..Fact::default()
            })
            .unwrap();
        cache
            .record(Fact {
                media_id: Some("m2".into()),
                url: Some("https://x/a.jpg".into()),
                ..Fact::default()
            })
            .unwrap();
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(cache.path())
            .unwrap();
        file.write_all(b"{\"hash\":\"h9\",\"med").unwrap();
        let again = HashCache::open(dir.path(), "site", "g").unwrap();
        assert_eq!(again.media_with_hash("h1"), ["m1".to_string()]);
        assert_eq!(again.media_from_url("https://x/a.jpg"), ["m2".to_string()]);
        assert!(again.knows_media("m2"));
        assert_eq!(again.hash_of("m2"), None);
        assert!(again.media_with_hash("h9").is_empty());
        assert_ne!(site_key("http://a", None), site_key("http://b", None));
    }
}
