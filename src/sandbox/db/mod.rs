//! The SQLite side of the sandbox: opening the database (WAL, busy timeout) and creating its
//! tables (`schema.rs`), a small connection pool, and running each request as exactly one
//! transaction on a blocking thread.
//!
//! Several processes may share one database file (parallel `--sandbox` runs, or `serve` plus CLI
//! calls). Writes therefore start with `BEGIN IMMEDIATE`, which takes the write lock up front and
//! waits for it under the busy timeout, instead of upgrading a read lock mid-transaction (which in WAL
//! mode fails at once with "database is locked"). A request either commits whole or rolls back.
//!
//! Within one process, write transactions also take the pool's writer lock, and a mutation's
//! events are emitted after its commit and before that lock is released (`write_emitting`), so
//! the event log and the webhook queues see each process's changes in commit order. Across
//! processes sharing a file there is no such order, and none is needed: each process emits and
//! delivers only the events of its own writes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::errors::{ApiError, ApiResult};
use super::event_log::Events;
use super::events::Event;

/// How long a connection waits for another writer before giving up (then the request is a 503).
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// The least a write waits for SQLite's lock even after queueing behind this process's writers
/// for the whole busy timeout: enough to ride out a momentary lock (another process's commit)
/// instead of failing at once.
const MIN_PATIENCE: Duration = Duration::from_millis(100);
/// Idle connections kept per file database.
const MAX_IDLE: usize = 8;

/// Where the data lives.
#[derive(Debug, Clone)]
pub enum Database {
    File(PathBuf),
    Memory,
}

/// Connections to one database, and the writer lock of this process (see the module comment).
pub struct Pool {
    conns: Conns,
    /// Held from before `BEGIN IMMEDIATE` until the transaction's events are emitted. SQLite
    /// already lets one writer at a time into the database, so this costs no write concurrency;
    /// what it adds is that the next writer of this process cannot commit (let alone emit) while
    /// the previous one's events are still on their way to the log.
    writer: Mutex<()>,
}

/// A file database hands out pooled connections (each request gets its own, so requests run in
/// parallel and SQLite arbitrates); an in-memory database has exactly one connection, since a
/// private in-memory database cannot be shared between connections.
enum Conns {
    File {
        path: PathBuf,
        idle: Mutex<Vec<Connection>>,
    },
    Memory(Mutex<Connection>),
}

impl Pool {
    /// Opens the database, applies the pragmas and creates the schema if missing. Returns the pool
    /// and whether the database still needs its seed data (a new or reset database).
    pub fn open(database: &Database) -> Result<Arc<Pool>> {
        let conns = match database {
            Database::File(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    crate::files::create_private_dir(dir).with_context(|| {
                        format!("creating the sandbox data directory {}", dir.display())
                    })?;
                }
                // Created owner-only before SQLite opens it (it would use the umask's mode), so
                // its journal and WAL files, which SQLite gives the database's mode, are too.
                crate::files::touch_private(path)
                    .with_context(|| format!("creating the sandbox database {}", path.display()))?;
                let conn = open_file(path)?;
                Conns::File {
                    path: path.clone(),
                    idle: Mutex::new(vec![conn]),
                }
            }
            Database::Memory => {
                let conn = Connection::open_in_memory().context("opening an in-memory database")?;
                configure(&conn)?;
                Conns::Memory(Mutex::new(conn))
            }
        };
        let pool = Pool {
            conns,
            writer: Mutex::new(()),
        };
        pool.with_conn(|conn| -> rusqlite::Result<()> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            super::schema::create(&tx)?;
            tx.commit()
        })
        .and_then(|created| created)
        .context("creating the sandbox schema")?;
        Ok(Arc::new(pool))
    }

    /// Runs `f` with a connection of this pool (opening one if none is idle).
    pub fn with_conn<R>(&self, f: impl FnOnce(&mut Connection) -> R) -> rusqlite::Result<R> {
        match &self.conns {
            Conns::Memory(conn) => {
                let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                Ok(f(&mut guard))
            }
            Conns::File { path, idle } => {
                let taken = idle
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .pop();
                let mut conn = match taken {
                    Some(conn) => conn,
                    None => {
                        let conn = Connection::open(path)?;
                        configure_raw(&conn)?;
                        conn
                    }
                };
                let result = f(&mut conn);
                let mut idle = idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if idle.len() < MAX_IDLE {
                    idle.push(conn);
                }
                Ok(result)
            }
        }
    }

    /// Runs `f` in a read transaction (a consistent snapshot) on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> ApiResult<T> + Send + 'static,
    {
        self.run(false, None, move |tx| Ok((f(tx)?, Vec::new())))
            .await
    }

    /// Runs `f` in a write transaction (`BEGIN IMMEDIATE`) on a blocking thread; commits if `f`
    /// returns Ok, rolls back otherwise, so a request never leaves a half-applied write. For
    /// writes that produce no events (media bookkeeping, generated test data): a mutation with
    /// events goes through [`Pool::write_emitting`], never `write` followed by an emit.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> ApiResult<T> + Send + 'static,
    {
        self.run(true, None, move |tx| Ok((f(tx)?, Vec::new())))
            .await
    }

    /// Like [`Pool::write`], for a mutation: `f` also returns the events of its change, and they
    /// are emitted once the transaction has committed, before the next writer of this process
    /// can begin, so events leave in commit order. A transaction that fails or rolls back emits
    /// nothing. Emitting only appends to the log and queues for delivery (signing and sending
    /// happen on the delivery tasks), so holding the writer lock for it costs little.
    pub async fn write_emitting<T, F>(self: &Arc<Self>, events: &Arc<Events>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> ApiResult<(T, Vec<Event>)> + Send + 'static,
    {
        self.run(true, Some(Arc::clone(events)), f).await
    }

    async fn run<T, F>(
        self: &Arc<Self>,
        write: bool,
        events: Option<Arc<Events>>,
        f: F,
    ) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> ApiResult<(T, Vec<Event>)> + Send + 'static,
    {
        let pool = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let queued = std::time::Instant::now();
            let _writer = write.then(|| pool.writer.lock().unwrap_or_else(|p| p.into_inner()));
            let (value, produced) = pool
                .with_conn(|conn| {
                    // Time spent queueing behind this process's writers counts against the busy
                    // timeout, so a write waits for the lock about that long in all, not that
                    // long per writer ahead of it. Set on every use: connections are reused.
                    let (behavior, patience) = if write {
                        let left = BUSY_TIMEOUT.saturating_sub(queued.elapsed());
                        (TransactionBehavior::Immediate, left.max(MIN_PATIENCE))
                    } else {
                        (TransactionBehavior::Deferred, BUSY_TIMEOUT)
                    };
                    conn.busy_timeout(patience)?;
                    let tx = conn.transaction_with_behavior(behavior)?;
                    let out = f(&tx)?;
                    tx.commit()?;
                    Ok(out)
                })
                .map_err(ApiError::from)
                .and_then(|result| result)?;
            if let Some(events) = events {
                events.emit_all(produced);
            }
            Ok(value)
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(err) => Err(ApiError::internal(format!("request task failed: {err}"))),
        }
    }
}

fn open_file(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)
        .with_context(|| format!("opening the sandbox database {}", path.display()))?;
    configure(&conn).with_context(|| {
        format!(
            "{} is not a usable sandbox database (corrupt, or not writable?)",
            path.display()
        )
    })?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    configure_raw(conn)?;
    Ok(())
}

fn configure_raw(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Room for every statement the store prepares, so none is re-parsed per request.
    conn.set_prepared_statement_cache_capacity(64);
    // Switching to WAL needs a brief exclusive lock; the busy timeout covers contention, and the
    // query fails here (not later, mid-request) if the file is not a database at all.
    let mode = switch_to_wal(conn)?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some(format!(
                "could not switch the database to WAL mode (got {mode})"
            )),
        ));
    }
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;
         PRAGMA wal_autocheckpoint = 10000;",
    )
}

/// Runs `PRAGMA journal_mode = WAL`, retrying while another process holds the lock.
///
/// When several processes open a new database file at once, SQLite can answer the journal-mode
/// switch with SQLITE_BUSY straight away, without consulting the busy handler, so the busy timeout
/// alone does not cover it. Retrying with a short pause until the same deadline does.
fn switch_to_wal(conn: &Connection) -> rusqlite::Result<String> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(2);
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            other => return other,
        }
    }
}

/// How often the background checkpointer copies the WAL back into the database file.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

/// Checkpoints a file database's WAL in the background.
///
/// SQLite's automatic checkpoint runs inside the commit of whichever request pushed the WAL past
/// its threshold, so a bulk delete of 1,000 ids (thousands of dirty pages) paid for copying them
/// all back within its own response. Request connections therefore only checkpoint past a high
/// threshold (10,000 pages: a safety net for processes too short-lived to run this thread), and
/// this thread runs PASSIVE checkpoints, which never block readers or writers. It stops when `stop`
/// is set; each process sharing the file runs its own, which is harmless.
pub fn spawn_checkpointer(path: &Path, stop: Arc<std::sync::atomic::AtomicBool>) -> Result<()> {
    let conn = Connection::open(path)
        .with_context(|| format!("opening the sandbox database {}", path.display()))?;
    conn.busy_timeout(Duration::from_millis(100))?;
    std::thread::Builder::new()
        .name("sandbox-checkpoint".into())
        .spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::sleep(CHECKPOINT_EVERY);
                // Failures (busy, a file gone away) are retried on the next tick; the WAL stays
                // correct without checkpoints, only larger.
                let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
            }
        })
        .context("starting the sandbox checkpoint thread")?;
    Ok(())
}

/// Reads a meta value.
pub fn meta_get(tx: &Transaction, key: &str) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    tx.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
        row.get(0)
    })
    .optional()
}

/// Writes a meta value.
pub fn meta_set(tx: &Transaction, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
