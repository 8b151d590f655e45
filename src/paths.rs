//! Where the tool keeps its files: the config dir (config.toml) and the data dir (the sandbox
//! database, journals of destructive runs, caches). Resolved once, in `main`, from the environment;
//! commands receive the result through the `Context` and never read the environment themselves.

use std::path::PathBuf;

use anyhow::{anyhow, Result};

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
                    anyhow!("cannot find a config directory; set PROGALLERY_CONFIG_DIR")
                })?
                .join("progallery"),
        };
        let data_dir = match std::env::var_os("PROGALLERY_DATA_DIR") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => dirs::data_dir()
                .ok_or_else(|| anyhow!("cannot find a data directory; set PROGALLERY_DATA_DIR"))?
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
}
