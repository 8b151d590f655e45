//! The per-instance cache of an app's access tokens in the data dir (`tokens/<key>.json`): 0600
//! files in a directory only the owner can enter, keyed by base URL, app, instance and secret (a
//! new secret never reuses a token of the old one), read back until the token's renewal time.
//! A cache that cannot be read or written only costs an exchange.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::credentials::AppCredentials;
use super::token::{describe_expiry, header_value, Held};
use super::Client;
use crate::output;

impl Client {
    fn cache_path(&self, app: &AppCredentials) -> Option<PathBuf> {
        let dir = self.options.token_cache_dir.as_ref()?;
        // The secret is part of the key: a changed secret never reuses a token of the old one.
        let digest = Sha256::digest(
            format!(
                "{}\0{}\0{}\0{}",
                self.options.base_url, app.app_id, app.instance_id, app.app_secret
            )
            .as_bytes(),
        );
        let name = crate::digest::hex(&digest[..16]);
        Some(dir.join(format!("{name}.json")))
    }

    pub(super) fn read_cached(&self, app: &AppCredentials) -> Option<Held> {
        let path = self.cache_path(app)?;
        let held = read_cache_file(&path)?;
        if self.options.verbose {
            output::diagnostic(&format!(
                "* access token of instance {} from the cache{}",
                app.instance_id,
                describe_expiry(held.expires_at)
            ));
        }
        Some(held)
    }

    pub(super) fn write_cached(&self, app: &AppCredentials, held: &Held) {
        let Some(path) = self.cache_path(app) else {
            return;
        };
        // A cache that cannot be written only costs an exchange next time.
        if let Err(e) = write_cache_file(&path, held) {
            if self.options.verbose {
                output::diagnostic(&format!("* the token cache was not written: {e}"));
            }
        }
    }

    pub(super) fn forget_cached(&self, app: &AppCredentials) {
        if let Some(path) = self.cache_path(app) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn unix_secs(time: SystemTime) -> f64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn from_unix_secs(secs: f64) -> Option<SystemTime> {
    (secs.is_finite() && secs >= 0.0).then(|| UNIX_EPOCH + Duration::from_secs_f64(secs))
}

/// A cached token still worth using (its renewal time not reached), else `None`.
fn read_cache_file(path: &Path) -> Option<Held> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let token = json.get("accessToken")?.as_str()?;
    let expires_at = from_unix_secs(json.get("expiresAt")?.as_f64()?)?;
    let refresh_at = from_unix_secs(json.get("refreshAt")?.as_f64()?)?;
    if SystemTime::now() >= refresh_at {
        return None;
    }
    Some(Held {
        value: header_value(token).ok()?,
        refresh_at: Some(refresh_at),
        expires_at: Some(expires_at),
        from_cache: true,
    })
}

fn write_cache_file(path: &Path, held: &Held) -> std::io::Result<()> {
    // A token without an expiry is not cached: there would be no telling when it ends.
    let (Some(expires_at), Some(refresh_at)) = (held.expires_at, held.refresh_at) else {
        return Ok(());
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let text = json!({
        "accessToken": held.value.to_str().unwrap_or_default(),
        "expiresAt": unix_secs(expires_at),
        "refreshAt": unix_secs(refresh_at),
    })
    .to_string();
    // A 0600 temporary file renamed over the old one: never readable by others, not even briefly.
    crate::files::write_private_atomically(path, text.as_bytes())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    crate::files::create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An existing directory others can enter is closed to them: it holds tokens.
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::client::token::held_for;

    #[test]
    fn the_cache_file_is_private_and_read_back_until_its_renewal_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens/x.json");
        let now = SystemTime::now();
        let held = held_for(
            header_value("cached").unwrap(),
            now,
            Some(Duration::from_secs(600)),
        );
        write_cache_file(&path, &held).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        let back = read_cache_file(&path).expect("still valid");
        assert_eq!(back.value.to_str().unwrap(), "cached");
        assert!(back.from_cache);
        let stale = held_for(
            header_value("old").unwrap(),
            now - Duration::from_secs(1000),
            Some(Duration::from_secs(600)),
        );
        write_cache_file(&path, &stale).unwrap();
        assert!(read_cache_file(&path).is_none(), "past its renewal time");
    }
}
