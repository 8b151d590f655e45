//! The config file (`config.toml`) and its profiles, and the resolution of the settings a run uses:
//! flag > environment > config file > built-in default, with the source of each value kept so that
//! `auth status` can show it. Writes go through a temp file and a rename, with mode 0600; a file
//! that others can read is refused, since it holds API keys and app secrets.
//!
//! A profile is one site, reached one way: an API key and the site's id, or an app (its id and
//! secret) and the app's instance on that site. An agency with one app on many sites keeps one
//! profile per site (`auth login --profile client-a --app-id … --instance-id …`), picked with
//! `--profile`; each holds the app's secret.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::error::{CliError, Kind};

/// A config file is a few profiles: anything larger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_id: Option<String>,
    /// An app's id (OAuth client id), with `app_secret` and `instance_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_secret: Option<String>,
    /// The app's instance on the profile's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
    /// A command that prints an access token (like `--token-command`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

// Never print the key or the secret, even in a debug dump.
impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("api_key", &self.api_key.as_ref().map(|_| "<hidden>"))
            .field("site_id", &self.site_id)
            .field("app_id", &self.app_id)
            .field("app_secret", &self.app_secret.as_ref().map(|_| "<hidden>"))
            .field("instance_id", &self.instance_id)
            .field("token_command", &self.token_command)
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl Profile {
    /// True when the profile holds an app's credentials (any of them).
    pub fn is_app(&self) -> bool {
        self.app_id.is_some() || self.app_secret.is_some() || self.instance_id.is_some()
    }
}

/// Where a setting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    File,
    Default,
    Sandbox,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::File => "config file",
            Source::Default => "default",
            Source::Sandbox => "embedded sandbox",
        })
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

impl Config {
    /// Reads the config file; a missing file is an empty config. Anything but a regular file of
    /// at most 1 MiB (a FIFO, a device, a folder) is refused at once, never waited on.
    pub fn load(path: &Path) -> Result<Config> {
        let unreadable = |e: &dyn fmt::Display| -> anyhow::Error {
            CliError::new(
                Kind::General,
                format!("cannot read the config file {}: {e}", path.display()),
            )
            .with_hint("it must be a readable file: fix or remove it, or point PROGALLERY_CONFIG_DIR elsewhere")
            .into()
        };
        let text = match crate::files::read_regular(path, MAX_CONFIG_BYTES) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|e| unreadable(&e))?,
            Err(e) if e.io_kind() == Some(std::io::ErrorKind::NotFound) => {
                return Ok(Config::default())
            }
            Err(e) => return Err(unreadable(&e)),
        };
        check_private(path)?;
        toml::from_str(&text).map_err(|e| {
            let first_line = e.to_string().lines().next().unwrap_or_default().to_string();
            // toml's message can span lines ("invalid array\nexpected `]`"): keep the error on one.
            let detail = e
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            CliError::usage(format!(
                "the config file {} is not valid: {} {}",
                path.display(),
                first_line,
                detail
            ))
            .with_hint(format!(
                "fix or remove {}, then run `progallery auth login`",
                path.display()
            ))
            .into()
        })
    }

    /// Writes the config atomically (temp file in the same directory, then rename), mode 0600.
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        crate::files::create_private_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        let text = toml::to_string_pretty(self).context("serialising the config")?;
        let mut temp = tempfile::Builder::new()
            .prefix(".config.toml.")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        // tempfile creates files 0600 on Unix already; say so explicitly in case that changes.
        set_mode(temp.path(), 0o600)?;
        temp.write_all(text.as_bytes())?;
        temp.as_file().sync_all()?;
        temp.persist(path)
            .map_err(|e| anyhow::Error::new(e.error))
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// The profile a run uses: the named one, else the default one.
    pub fn profile_name(&self, requested: Option<&Sourced<String>>) -> Option<Sourced<String>> {
        match requested {
            Some(name) => Some(name.clone()),
            None => self
                .default_profile
                .clone()
                .map(|n| Sourced::new(n, Source::File)),
        }
    }
}

#[cfg(unix)]
fn check_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(CliError::new(
            Kind::Auth,
            format!(
                "the config file {} holds API keys but is readable by others (mode {mode:o}); refusing to use it",
                path.display()
            ),
        )
        .with_hint(format!("run `chmod 600 {}`", path.display()))
        .into());
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("cannot set the mode of {}", path.display()))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_is_private_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        let mut config = Config {
            default_profile: Some("shop".into()),
            ..Config::default()
        };
        config.profiles.insert(
            "shop".into(),
            Profile {
                api_key: Some("k".into()),
                site_id: Some("s".into()),
                ..Profile::default()
            },
        );
        config.profiles.insert(
            "app".into(),
            Profile {
                app_id: Some("a".into()),
                app_secret: Some("app-s3cret".into()),
                instance_id: Some("i".into()),
                ..Profile::default()
            },
        );
        config.save(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let back = Config::load(&path).unwrap();
        assert_eq!(back.default_profile.as_deref(), Some("shop"));
        assert_eq!(back.profiles["shop"].api_key.as_deref(), Some("k"));
        assert!(!format!("{:?}", back.profiles["shop"]).contains("\"k\""));
        assert_eq!(back.profiles["app"].instance_id.as_deref(), Some("i"));
        assert!(back.profiles["app"].is_app() && !back.profiles["shop"].is_app());
        assert!(!format!("{:?}", back.profiles["app"]).contains("app-s3cret"));
    }
}
