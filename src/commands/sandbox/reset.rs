//! `progallery sandbox reset [--db PATH] [--yes] [--dry-run]`: removes every site's data from a
//! sandbox database (seeded again on next use), with what the database owns outside itself, under
//! the destructive-operation rules of spec/cli.md: on a terminal it shows what goes and asks; off
//! a terminal or under `--no-input` it needs `--yes` (else exit 2); `--dry-run` shows it and
//! removes nothing.
//!
//! What goes besides the rows:
//! - **media bytes**: the files the database's Media Manager rows point at (they live in
//!   `<data dir>/sandbox-media`, which several `--db` databases served with one data dir share,
//!   so only this database's files are removed, and the directory only if that leaves it empty),
//!   and `<db>.media` whole (a database served without a data dir; it is this database's alone);
//! - **the client's media cache** (`<data dir>/media-cache`, see `hashcache.rs`) for sandbox
//!   sites: the per-gallery files of this database's galleries, whatever URL served them, and,
//!   for the data dir's own `sandbox.db`, the whole folder of the embedded sandbox (`--sandbox`
//!   always uses that database). Left behind, the cache would point `items add` at media ids
//!   that no longer exist. Caches of other services (Wix, other databases) are not touched.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use crate::cli::{OutputFormat, SandboxResetArgs};
use crate::commands::confirm_destructive;
use crate::context::Context;
use crate::hashcache;
use crate::sandbox;

/// Everything a reset would remove.
struct Plan {
    database: PathBuf,
    exists: bool,
    /// Per site: `{"site","default","galleries","items"}` (as `sandbox status` shows them).
    sites: Vec<Value>,
    /// This database's media files in the shared media dir.
    media_files: Vec<PathBuf>,
    /// The shared media dir, removed when the files above were all it held.
    shared_media_dir: Option<PathBuf>,
    /// Directories removed whole (`<db>.media`).
    media_dirs: Vec<PathBuf>,
    /// Cache files and folders.
    cache: Vec<PathBuf>,
}

pub async fn run(args: SandboxResetArgs, ctx: &Context) -> Result<i32> {
    let database = args.db.clone().unwrap_or_else(|| ctx.paths.sandbox_db());
    let is_default = database == ctx.paths.sandbox_db();
    let data_dir = ctx.paths.data_dir.clone();
    let plan = tokio::task::spawn_blocking(move || plan(database, is_default, &data_dir)).await??;
    if plan.is_empty() {
        ctx.printer.notice(&format!(
            "nothing to reset: {} does not exist and no media or cache belongs to it",
            plan.database.display()
        ));
        return Ok(0);
    }
    if args.destructive.dry_run {
        print_plan(&plan, ctx)?;
        ctx.printer
            .notice("dry run: would remove all of the above; nothing was removed");
        return Ok(0);
    }
    let on_terminal = !ctx.global.no_input && ctx.printer.terminal.stdin_tty;
    let question = if on_terminal {
        format!("About to remove:\n{}\nReset the sandbox?", plan.describe())
    } else {
        format!("Reset the sandbox database {}", plan.database.display())
    };
    confirm_destructive(ctx, &args.destructive, &question, None)?;
    let summary = format!(
        "sandbox database {} reset (seeded again on next use)",
        plan.database.display()
    );
    tokio::task::spawn_blocking(move || execute(plan)).await??;
    ctx.printer.notice(&summary);
    Ok(0)
}

impl Plan {
    fn is_empty(&self) -> bool {
        !self.exists
            && self.media_files.is_empty()
            && self.media_dirs.is_empty()
            && self.cache.is_empty()
    }

    /// The plan as lines for a person.
    fn describe(&self) -> String {
        let mut lines = vec![format!("  database     {}", self.database.display())];
        if !self.exists {
            lines[0].push_str(" (does not exist)");
        }
        for site in &self.sites {
            let default = if site["default"] == true {
                " (default)"
            } else {
                ""
            };
            lines.push(format!(
                "  site         {}{default}: {} galleries, {} items",
                site["site"].as_str().unwrap_or(""),
                site["galleries"],
                site["items"]
            ));
        }
        if self.exists && self.sites.is_empty() {
            lines.push("  (no galleries)".to_string());
        }
        if let Some(dir) = &self.shared_media_dir {
            if !self.media_files.is_empty() {
                lines.push(format!(
                    "  media files  {} in {}",
                    self.media_files.len(),
                    dir.display()
                ));
            }
        }
        for dir in &self.media_dirs {
            lines.push(format!("  media dir    {}", dir.display()));
        }
        for path in &self.cache {
            lines.push(format!("  media cache  {}", path.display()));
        }
        lines.join("\n")
    }

    fn to_json(&self) -> Value {
        let paths = |list: &[PathBuf]| -> Vec<String> {
            list.iter().map(|p| p.display().to_string()).collect()
        };
        json!({
            "database": self.database.display().to_string(),
            "exists": self.exists,
            "sites": self.sites,
            "mediaFiles": paths(&self.media_files),
            "mediaDirs": paths(&self.media_dirs),
            "mediaCache": paths(&self.cache),
        })
    }
}

fn print_plan(plan: &Plan, ctx: &Context) -> Result<()> {
    match ctx.printer.format {
        OutputFormat::Json | OutputFormat::Jsonl => ctx.printer.json(&plan.to_json())?,
        _ => ctx.printer.text(&plan.describe())?,
    }
    Ok(())
}

/// Finds what belongs to `database` (blocking: SQLite and the file system).
fn plan(database: PathBuf, is_default: bool, data_dir: &Path) -> Result<Plan> {
    let status = sandbox::status(&database)?;
    let exists = status["exists"] == true;
    let sites = status["sites"].as_array().cloned().unwrap_or_default();
    let owned = sandbox::owned_files(&database)?;
    let dirs = sandbox::media_dirs(&database, Some(data_dir));
    let shared = dirs[0].clone();
    // Stored paths are canonical; only files inside a media dir are ever removed, whatever the
    // database says.
    let shared_canonical = std::fs::canonicalize(&shared).ok();
    let media_files: Vec<PathBuf> = owned
        .media_files
        .into_iter()
        .filter(|file| {
            shared_canonical
                .as_deref()
                .is_some_and(|dir| file.parent() == Some(dir))
                && file.is_file()
        })
        .collect();
    let media_dirs: Vec<PathBuf> = dirs[1..].iter().filter(|d| d.is_dir()).cloned().collect();
    let root = hashcache::cache_root(data_dir);
    let mut cache = Vec::new();
    let embedded = root.join(hashcache::site_key(hashcache::EMBEDDED_SANDBOX, None));
    if is_default && embedded.is_dir() {
        cache.push(embedded.clone());
    }
    if let Ok(site_dirs) = std::fs::read_dir(&root) {
        for site_dir in site_dirs.flatten().map(|e| e.path()) {
            if cache.contains(&site_dir) {
                continue;
            }
            for gallery in &owned.gallery_ids {
                let file = site_dir.join(format!("{gallery}.jsonl"));
                if file.is_file() {
                    cache.push(file);
                }
            }
        }
    }
    Ok(Plan {
        database,
        exists,
        sites,
        media_files,
        shared_media_dir: Some(shared),
        media_dirs,
        cache,
    })
}

/// Removes what the plan lists: the rows first (if that fails, nothing else goes), then the
/// files.
fn execute(plan: Plan) -> Result<()> {
    if plan.exists {
        sandbox::reset(&plan.database)?;
    }
    for file in &plan.media_files {
        remove_file(file)?;
    }
    if let Some(dir) = &plan.shared_media_dir {
        // Only when nothing else (another database's media) is left in it.
        let _ = std::fs::remove_dir(dir);
    }
    for dir in &plan.media_dirs {
        std::fs::remove_dir_all(dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    for path in &plan.cache {
        if path.is_dir() {
            std::fs::remove_dir_all(path)
                .with_context(|| format!("removing {}", path.display()))?;
        } else {
            remove_file(path)?;
        }
    }
    Ok(())
}

fn remove_file(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context(format!("removing {}", path.display()))),
    }
}
