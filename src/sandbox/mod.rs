//! The local stand-in for the Pro Gallery service (axum + SQLite), written from
//! `../shared/spec/api.md` on its own: it lives in the library target, where the client's
//! `api` cannot be named, so a field name that is wrong in the client cannot be wrong in the same
//! way here and pass unnoticed.
//!
//! `start` is used both by `progallery sandbox serve` and in-process by the CLI's `--sandbox` mode
//! (on 127.0.0.1:0), so it does no heavy work: open the database, create the schema if missing,
//! seed only a new database, bind, and serve in the background.

mod body;
mod db;
mod errors;
mod event_log;
pub mod events;
mod faults;
mod media;
pub mod oauth;
pub mod readings;
mod requests;
mod routes;
mod schema;
mod search;
mod seed;
mod site;
mod store;
mod validate;
mod webhooks;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

pub use db::Database;
pub use faults::Faults;
pub use media::MediaOptions;
pub use oauth::OAuthOptions;
pub use readings::Readings;
pub use webhooks::WebhookOptions;

use db::Pool;
use event_log::Events;
use faults::FaultState;
use requests::RequestLog;
use webhooks::Webhooks;

/// The site used when a request has no `wix-site-id` header; it is the one that gets seeded.
pub const DEFAULT_SITE: &str = "00000000-0000-0000-0000-000000000000";

/// How long `shutdown` waits for in-flight requests before dropping them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Time a client has to send a request's headers (and the longest a kept-alive connection may
/// sit idle): a stalled or abandoned connection is closed after it, so a flood of them cannot
/// keep the sandbox's file descriptors. Bodies have their own deadline (`body.rs`).
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Options {
    pub database: Database,
    /// Require exactly this `Authorization` value (else 403); without it any value is accepted.
    pub api_key: Option<String>,
    /// Seed a new database with the reference's example galleries.
    pub seed: bool,
    pub faults: Faults,
    /// Where the sandbox may keep files of its own (webhook keys, media); created if missing.
    pub data_dir: Option<PathBuf>,
    /// Signed webhook delivery of every committed change; the default delivers nowhere.
    pub webhooks: WebhookOptions,
    /// How long uploaded and imported files stay PENDING.
    pub media: MediaOptions,
    /// Which reading of the docs to follow where they leave the service's behaviour open.
    pub readings: Readings,
    /// The apps it issues OAuth tokens to (`/oauth2/token`); the default knows none.
    pub oauth: OAuthOptions,
}

/// Shared state of a running sandbox.
pub struct App {
    pool: Arc<Pool>,
    events: Arc<Events>,
    faults: FaultState,
    requests: RequestLog,
    api_key: Option<String>,
    media: media::MediaState,
    webhooks: Arc<Webhooks>,
    readings: Readings,
    oauth: oauth::OAuth,
}

/// A sandbox serving in the background of this process.
pub struct Running {
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub base_url: String,
    pub local_addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    stop_checkpoints: Arc<AtomicBool>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    /// Media bytes of an in-memory sandbox; removed when this is dropped (after `shutdown`).
    _media_temp: Option<tempfile::TempDir>,
    webhooks: Arc<Webhooks>,
    /// This server's row among the database's live servers; removed on shutdown.
    registration: Option<media::servers::Registration>,
}

/// Opens (creating and, if asked, seeding) the database, binds `addr` and serves until `shutdown`.
pub async fn start(addr: SocketAddr, options: Options) -> Result<Running> {
    if let Some(dir) = &options.data_dir {
        crate::files::create_private_dir(dir)
            .with_context(|| format!("creating the sandbox data directory {}", dir.display()))?;
    }
    let database = options.database.clone();
    let checkpoint_path = match &database {
        Database::File(path) => Some(path.clone()),
        Database::Memory => None,
    };
    let seed = options.seed;
    let readings = options.readings;
    let mut webhook_options = options.webhooks;
    webhook_options.instances = options.oauth.webhook_instances();
    let webhooks = Arc::new(
        Webhooks::start(webhook_options, options.data_dir.clone())
            .await
            .context("starting webhook delivery")?,
    );
    let pool = tokio::task::spawn_blocking(move || -> Result<Arc<Pool>> {
        let pool = Pool::open(&database)?;
        initialise(&pool, seed, readings)?;
        Ok(pool)
    })
    .await
    .context("opening the sandbox database")??;

    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding the sandbox to {addr}"))?;
    let local_addr = listener.local_addr()?;
    let stop_checkpoints = Arc::new(AtomicBool::new(false));
    if let Some(path) = &checkpoint_path {
        db::spawn_checkpointer(path, Arc::clone(&stop_checkpoints))?;
    }
    let (media, media_temp) = media::MediaState::open(
        &options.database,
        options.data_dir.as_deref(),
        format!("http://{local_addr}"),
        options.media,
    )?;
    // Media URLs name the longest-running live server of this database (see media/servers.rs).
    let registration = match &options.database {
        Database::File(_) => {
            let registration = media::servers::register(&pool, &format!("http://{local_addr}"))
                .await
                .map_err(api_error)
                .context("registering the sandbox server in its database")?;
            registration.spawn_heartbeat(Arc::clone(&stop_checkpoints));
            Some(registration)
        }
        Database::Memory => None,
    };
    let app = Arc::new(App {
        pool,
        events: Arc::new(Events::new(&webhooks)),
        faults: FaultState::new(options.faults),
        requests: RequestLog::default(),
        api_key: options.api_key.filter(|k| !k.is_empty()),
        media,
        webhooks: Arc::clone(&webhooks),
        readings,
        oauth: oauth::OAuth::new(options.oauth),
    });
    let router = routes::router(app);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let limits = crate::server::Limits {
        header_timeout: HEADER_TIMEOUT,
        shutdown_grace: SHUTDOWN_GRACE,
    };
    let task = tokio::spawn(crate::server::serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    Ok(Running {
        base_url: format!("http://{local_addr}"),
        local_addr,
        stop,
        stop_checkpoints,
        task,
        _media_temp: media_temp,
        webhooks,
        registration,
    })
}

impl Running {
    /// Stops accepting connections, lets in-flight requests finish (briefly), gives queued
    /// webhook deliveries the same grace, and returns.
    pub async fn shutdown(self) -> Result<()> {
        let _ = self.stop.send(());
        self.stop_checkpoints.store(true, Ordering::Relaxed);
        let mut task = self.task;
        let served = match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
            Ok(Ok(served)) => served.context("sandbox server failed"),
            Ok(Err(join)) => Err(anyhow::anyhow!("sandbox server task failed: {join}")),
            Err(_) => {
                task.abort();
                Ok(())
            }
        };
        self.webhooks.shutdown(SHUTDOWN_GRACE).await;
        if let Some(registration) = self.registration {
            registration.deregister().await;
        }
        served
    }
}

fn api_error(err: errors::ApiError) -> anyhow::Error {
    let message = err.body["message"]
        .as_str()
        .unwrap_or("database error")
        .to_string();
    anyhow::anyhow!(message)
}

fn write_blocking<T>(
    pool: &Pool,
    f: impl FnOnce(&rusqlite::Transaction) -> errors::ApiResult<T>,
) -> Result<T> {
    pool.with_conn(|conn| -> errors::ApiResult<T> {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    })
    .map_err(anyhow::Error::from)?
    .map_err(api_error)
}

fn initialise(pool: &Pool, seed: bool, readings: Readings) -> Result<()> {
    write_blocking(pool, |tx| seed::initialise(tx, seed, readings))
        .context("initialising the sandbox database")?;
    Ok(())
}

/// `sandbox reset`: removes every site's data from the database file (seeded again on next use).
/// A missing file is left missing (there is nothing to reset).
pub fn reset(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let pool = Pool::open(&Database::File(path.to_path_buf()))?;
    write_blocking(&pool, |tx| {
        seed::reset(tx)?;
        // The Media Manager's rows go too: their bytes are removed by the caller (see
        // `owned_files`), and a descriptor left pointing at a removed file would be a lie.
        tx.execute_batch(
            "DELETE FROM media_files; DELETE FROM media_upload_tokens; \
             DELETE FROM media_resumable;",
        )?;
        Ok(())
    })
    .context("resetting the sandbox database")
}

/// What a database file owns beyond its rows, for `sandbox reset` to remove with them.
#[derive(Debug, Default)]
pub struct OwnedFiles {
    /// Ids of every gallery, any site (the client keeps per-gallery caches named by them).
    pub gallery_ids: Vec<String>,
    /// The stored bytes of its Media Manager files, as recorded (absolute paths).
    pub media_files: Vec<PathBuf>,
}

/// Reads what `path` owns (nothing for a missing file).
pub fn owned_files(path: &Path) -> Result<OwnedFiles> {
    if !path.exists() {
        return Ok(OwnedFiles::default());
    }
    let pool = Pool::open(&Database::File(path.to_path_buf()))?;
    pool.with_conn(|conn| -> rusqlite::Result<OwnedFiles> {
        let gallery_ids = conn
            .prepare("SELECT id FROM galleries ORDER BY id")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // Unfinished resumable uploads' partial files too.
        let media_files = conn
            .prepare(
                "SELECT path FROM media_files WHERE path IS NOT NULL
                 UNION SELECT path FROM media_resumable ORDER BY path",
            )?
            .query_map([], |row| row.get::<_, String>(0))?
            .map(|p| p.map(PathBuf::from))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(OwnedFiles {
            gallery_ids,
            media_files,
        })
    })
    .and_then(|rows| rows)
    .context("reading the sandbox database")
}

/// The directories a file database's media bytes may live in: the one it gets when served with
/// this data dir, and the one it gets when served without any (it may have been either).
pub fn media_dirs(path: &Path, data_dir: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if data_dir.is_some() {
        dirs.push(media::dir_for_file_database(path, data_dir));
    }
    dirs.push(media::dir_for_file_database(path, None));
    dirs
}

/// `sandbox status`: the database path and, per site, its gallery and item counts.
pub fn status(path: &Path) -> Result<Value> {
    let exists = path.exists();
    let mut sites = Vec::new();
    if exists {
        let pool = Pool::open(&Database::File(path.to_path_buf()))?;
        sites = pool
            .with_conn(|conn| -> rusqlite::Result<Vec<Value>> {
                let mut stmt = conn.prepare(
                    "SELECT site, COUNT(*), COALESCE(SUM(item_count), 0) FROM galleries
                     GROUP BY site ORDER BY site",
                )?;
                let rows = stmt.query_map([], |row| {
                    let site: String = row.get(0)?;
                    let galleries: i64 = row.get(1)?;
                    let items: i64 = row.get(2)?;
                    Ok(json!({
                        "site": site,
                        "default": site == DEFAULT_SITE,
                        "galleries": galleries,
                        "items": items,
                    }))
                })?;
                rows.collect()
            })
            .and_then(|rows| rows)
            .context("reading the sandbox database")?;
    }
    Ok(json!({
        "database": path.display().to_string(),
        "exists": exists,
        "sites": sites,
    }))
}

#[cfg(test)]
mod tests;
