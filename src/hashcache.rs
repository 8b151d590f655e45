//! What `items add` remembers between runs, per site and gallery, so that adding the same files
//! again skips what is already there: for every Media Manager file it uploaded or recognised, the
//! SHA-256 of the local content it holds (`hash`: the local identity of a file, whatever the
//! service does), the service's own `hash` of it and its size (`wixHash`, `size`: opaque, compared
//! only when their form names the algorithm, see [`Algo`]), the URL each import came from, and
//! the item made from each file.
//!
//! Caches written before `wixHash` existed keep working: their `hash` is a 64-hex SHA-256 of the
//! content (what the sandbox used to report), and any other form found there (a 32-hex value an
//! older run read from the real service) is taken as the service's own hash.
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

/// A content hash's algorithm, as its form tells it. The Media Manager does not document how it
/// computes `hash` (every example is 32 hex characters, an MD5's length), so a hash is compared
/// only when its form names the algorithm, and one of any other form is never held against a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algo {
    Md5,
    Sha256,
}

/// The algorithm a hash's form names: 32 hex characters MD5, 64 hex characters SHA-256.
pub fn algo_of(hash: &str) -> Option<Algo> {
    if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hash.len() {
        32 => Some(Algo::Md5),
        64 => Some(Algo::Sha256),
        _ => None,
    }
}

/// One remembered fact.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// SHA-256 of the local content the media file holds (see the module comment for older
    /// caches). `None` with a media id and no `wixHash` means "no hash is known" (so it is not
    /// asked for again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// The Media Manager's own `hash` of the file, as it answered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wix_hash: Option<String>,
    /// The file's size in bytes, as the Media Manager answered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The URL an import fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What is known of one media file.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// The service's own hash.
    pub wix_hash: Option<String>,
    pub size: Option<u64>,
    /// SHA-256 of its content, when a local file was found to hold it.
    pub sha256: Option<String>,
}

pub struct HashCache {
    path: PathBuf,
    /// media id → what is known of it (possibly nothing: asked, no hash known).
    known: HashMap<String, Known>,
    /// SHA-256 of content → media ids with that content.
    media_of_hash: HashMap<String, Vec<String>>,
    /// import URL → media ids imported from it.
    media_of_url: HashMap<String, Vec<String>>,
    writer: Mutex<Option<File>>,
}

/// The service name the embedded sandbox (`--sandbox`) is cached under in place of its base URL:
/// it listens on a new port every run, and is always the data dir's own `sandbox.db`.
pub const EMBEDDED_SANDBOX: &str = "embedded-sandbox";

/// The cache's root directory, `<data dir>/media-cache`; one folder per site key below it.
pub fn cache_root(data_dir: &Path) -> PathBuf {
    data_dir.join("media-cache")
}

/// A short stable name for a site: the base URL and site id, hashed (no ids in paths that could
/// collide between a sandbox and the real service).
pub fn site_key(base_url: &str, site_id: Option<&str>) -> String {
    let digest = Sha256::digest(format!("{base_url}\n{}", site_id.unwrap_or("-")).as_bytes());
    crate::digest::hex(&digest[..8])
}

/// The site a run acts on, as everything kept per site in the data dir names it (this cache,
/// the locks, id maps, sync state): the embedded sandbox listens on a new port every run but is
/// one site all the same.
pub fn site_key_of(ctx: &crate::context::Context, client: &crate::api::Client) -> String {
    let service = if ctx.embedded_sandbox() {
        EMBEDDED_SANDBOX
    } else {
        client.base_url()
    };
    site_key(service, client.site_id())
}

impl HashCache {
    /// Reads the cache of a gallery (an absent file is an empty cache).
    pub fn open(data_dir: &Path, site_key: &str, gallery: &str) -> Result<HashCache> {
        let path = cache_root(data_dir)
            .join(site_key)
            .join(format!("{gallery}.jsonl"));
        let mut cache = HashCache {
            path,
            known: HashMap::new(),
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
        // `hash` is the content's SHA-256, unless an older run put the service's hash there.
        let (sha256, older_wix) = match &fact.hash {
            Some(h) if algo_of(h) == Some(Algo::Sha256) => (Some(h.to_ascii_lowercase()), None),
            Some(h) => (None, Some(h.clone())),
            None => (None, None),
        };
        if let Some(hash) = &sha256 {
            let list = self.media_of_hash.entry(hash.clone()).or_default();
            if !list.contains(media) {
                list.push(media.clone());
            }
        }
        let known = self.known.entry(media.clone()).or_default();
        if let Some(wix) = fact.wix_hash.clone().or(older_wix) {
            known.wix_hash = Some(wix);
        }
        if fact.size.is_some() {
            known.size = fact.size;
        }
        if sha256.is_some() {
            known.sha256 = sha256;
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

    /// Media ids known to hold content with this SHA-256.
    pub fn media_with_hash(&self, hash: &str) -> &[String] {
        self.media_of_hash
            .get(&hash.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// What is known of a media file.
    pub fn known(&self, media_id: &str) -> Option<&Known> {
        self.known.get(media_id)
    }

    /// Media ids imported from this URL.
    pub fn media_from_url(&self, url: &str) -> &[String] {
        self.media_of_url.get(url).map_or(&[], Vec::as_slice)
    }

    /// Whether this media id was ever looked up (even if no hash was found).
    pub fn knows_media(&self, media_id: &str) -> bool {
        self.known.contains_key(media_id)
    }

    #[cfg(test)]
    pub fn hash_of(&self, media_id: &str) -> Option<&str> {
        self.known.get(media_id)?.sha256.as_deref()
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
        let h1 = "a".repeat(64);
        cache
            .record(Fact {
                hash: Some(h1.clone()),
                wix_hash: Some("5eb63bbbe01eeed093cb22bb8f5acdc3".into()),
                size: Some(11),
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
        assert_eq!(again.media_with_hash(&h1), ["m1".to_string()]);
        let known = again.known("m1").unwrap();
        assert_eq!(
            (known.wix_hash.as_deref(), known.size),
            (Some("5eb63bbbe01eeed093cb22bb8f5acdc3"), Some(11))
        );
        assert_eq!(again.media_from_url("https://x/a.jpg"), ["m2".to_string()]);
        assert!(again.knows_media("m2"));
        assert_eq!(again.hash_of("m2"), None);
        assert!(again.media_with_hash("h9").is_empty());
        assert_ne!(site_key("http://a", None), site_key("http://b", None));
    }

    #[test]
    fn a_cache_in_the_older_format_keeps_working() {
        let dir = tempfile::tempdir().unwrap();
        let file = cache_root(dir.path()).join("site").join("g.jsonl");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let sha = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
        let md5 = "5eb63bbbe01eeed093cb22bb8f5acdc3";
        // As written before `wixHash`: an upload (content SHA-256), a lookup on the real service
        // (its MD5 in `hash`), a lookup that found nothing, an import.
        std::fs::write(
            &file,
            format!(
                "{{\"hash\":\"{sha}\",\"mediaId\":\"m1\",\"itemId\":\"i1\"}}\n\
                 {{\"hash\":\"{md5}\",\"mediaId\":\"m2\",\"itemId\":\"i2\"}}\n\
                 {{\"mediaId\":\"m3\"}}\n\
                 {{\"mediaId\":\"m4\",\"url\":\"https://x/a.jpg\"}}\n"
            ),
        )
        .unwrap();
        let cache = HashCache::open(dir.path(), "site", "g").unwrap();
        assert_eq!(cache.media_with_hash(sha), ["m1".to_string()]);
        assert_eq!(
            cache.media_with_hash(&sha.to_uppercase()),
            ["m1".to_string()]
        );
        assert_eq!(cache.hash_of("m1"), Some(sha));
        assert!(
            cache.media_with_hash(md5).is_empty(),
            "an MD5 is no content key"
        );
        assert_eq!(cache.known("m2").unwrap().wix_hash.as_deref(), Some(md5));
        assert!(cache.knows_media("m3"));
        assert_eq!(cache.media_from_url("https://x/a.jpg"), ["m4".to_string()]);
    }

    #[test]
    fn hash_forms_name_their_algorithm_or_nothing() {
        assert_eq!(algo_of("5eb63bbbe01eeed093cb22bb8f5acdc3"), Some(Algo::Md5));
        assert_eq!(
            algo_of("B94D27B9934D3E08A52E52D7DA7DABFAC484EFE37A5380EE9088F7ACE2EFCDE9"),
            Some(Algo::Sha256)
        );
        for opaque in [
            "",
            "abc",
            "5eb63bbbe01eeed093cb22bb8f5acdcz",
            "1742551234",
            "sha1:abc",
        ] {
            assert_eq!(algo_of(opaque), None, "{opaque}");
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"hello world").unwrap();
        assert_eq!(
            crate::digest::md5_of_file(&path).unwrap(),
            "5eb63bbbe01eeed093cb22bb8f5acdc3"
        );
    }
}
