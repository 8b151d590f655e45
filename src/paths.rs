//! Where the tool keeps its files: the config dir (config.toml) and the data dir (the sandbox
//! database, journals of destructive runs, caches). Resolved once, in `main`, from the environment;
//! commands receive the result through the `Context` and never read the environment themselves.
//! Both are created owner-only (`0700`) whatever the umask (see `files`).

use std::path::PathBuf;

use anyhow::Result;

use crate::error::CliError;

#[derive(Debug, Clone)]
pub struct Paths {
    /// Holds `config.toml`: `$PROGALLERY_CONFIG_DIR`, else `<platform config dir>/progallery`.
    pub config_dir: PathBuf,
    /// Holds `sandbox.db`, `journals/`, caches: `$PROGALLERY_DATA_DIR`, else `<platform data dir>/progallery`.
    pub data_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Result<Paths> {
        let config_dir = match std::env::var_os("PROGALLERY_CONFIG_DIR") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => dirs::config_dir()
                .ok_or_else(|| {
                    CliError::usage("cannot find a config directory (no HOME or XDG_CONFIG_HOME)")
                        .with_hint("set PROGALLERY_CONFIG_DIR to the folder for config.toml")
                })?
                .join("progallery"),
        };
        let data_dir = match std::env::var_os("PROGALLERY_DATA_DIR") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => dirs::data_dir()
                .ok_or_else(|| {
                    CliError::usage("cannot find a data directory (no HOME or XDG_DATA_HOME)")
                        .with_hint("set PROGALLERY_DATA_DIR to the folder for the sandbox, journals and caches")
                })?
                .join("progallery"),
        };
        Ok(Paths {
            config_dir,
            data_dir,
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn sandbox_db(&self) -> PathBuf {
        self.data_dir.join("sandbox.db")
    }

    /// Creates the data dir (owner-only) if it is missing; a path that cannot be one is a usage
    /// error naming `PROGALLERY_DATA_DIR`.
    pub fn ensure_data_dir(&self) -> Result<()> {
        crate::files::create_private_dir(&self.data_dir).map_err(|e| {
            CliError::usage(format!(
                "cannot create the data directory {}: {e}",
                self.data_dir.display()
            ))
            .with_hint("point PROGALLERY_DATA_DIR at a folder you can write to")
            .into()
        })
    }
}
