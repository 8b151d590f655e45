//! Which sandbox server's address the media URLs of a database should carry. Several processes
//! may serve one database file: a long-running `sandbox serve`, and short `--sandbox` commands
//! that each listen on a new ephemeral port for the length of one command. A media URL built from
//! the answering server's own address dies with it, so each server registers itself in the
//! database (`sandbox_servers`: address, start time, a heartbeat every few seconds) and media
//! URLs name the earliest-started server that is still beating, else the answering one. So while
//! a `sandbox serve` runs on a database, every process on it hands out that server's URLs.
//!
//! Only file databases register: an in-memory one has a single server, which is always the answer.
//! A server that stops cleanly removes its row; one that was killed stops beating and is ignored
//! after `STALE_AFTER_MS` (and its row is cleared by the next registration).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{params, OptionalExtension, Transaction};

use crate::sandbox::db::Pool;
use crate::sandbox::errors::ApiResult;
use crate::sandbox::store::now;

/// How often a running server says it is alive.
const HEARTBEAT: Duration = Duration::from_secs(2);
/// Past this without a heartbeat a server counts as gone. Short, because the two mistakes are
/// unequal: a live server taken for gone only makes another hand out its own (working) URLs for
/// a while, a killed one taken for alive makes everyone hand out dead ones.
const STALE_AFTER_MS: i64 = 7_000;

/// This server's row; removed by `deregister`.
pub struct Registration {
    pool: Arc<Pool>,
    instance: String,
}

/// Registers a server listening at `base_url`, and clears rows of servers long gone.
pub async fn register(pool: &Arc<Pool>, base_url: &str) -> ApiResult<Registration> {
    let instance = uuid::Uuid::new_v4().simple().to_string();
    let (row_instance, base_url) = (instance.clone(), base_url.to_string());
    pool.write(move |tx| {
        let at = now().0;
        tx.prepare_cached("DELETE FROM sandbox_servers WHERE seen_ms < ?1")?
            .execute([at - STALE_AFTER_MS])?;
        tx.prepare_cached(
            "INSERT INTO sandbox_servers (instance, base_url, started_ms, seen_ms)
             VALUES (?1, ?2, ?3, ?3)",
        )?
        .execute(params![row_instance, base_url, at])?;
        Ok(())
    })
    .await?;
    Ok(Registration {
        pool: Arc::clone(pool),
        instance,
    })
}

impl Registration {
    /// Beats every `HEARTBEAT` until `stop` is set (a failed beat is retried on the next tick).
    pub fn spawn_heartbeat(&self, stop: Arc<AtomicBool>) {
        let (pool, instance) = (Arc::clone(&self.pool), self.instance.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(HEARTBEAT).await;
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let instance = instance.clone();
                let _ = pool
                    .write(move |tx| {
                        tx.prepare_cached(
                            "UPDATE sandbox_servers SET seen_ms = ?2 WHERE instance = ?1",
                        )?
                        .execute(params![instance, now().0])?;
                        Ok(())
                    })
                    .await;
            }
        });
    }

    /// Removes this server's row (it no longer answers at its address).
    pub async fn deregister(self) {
        let instance = self.instance;
        let _ = self
            .pool
            .write(move |tx| {
                tx.prepare_cached("DELETE FROM sandbox_servers WHERE instance = ?1")?
                    .execute([instance])?;
                Ok(())
            })
            .await;
    }
}

/// The base URL media URLs should carry now: the earliest-started live server's, else `own`.
pub fn public_base(tx: &Transaction, own: &str) -> ApiResult<String> {
    let found: Option<String> = tx
        .prepare_cached(
            "SELECT base_url FROM sandbox_servers WHERE seen_ms >= ?1
             ORDER BY started_ms, instance LIMIT 1",
        )?
        .query_row([now().0 - STALE_AFTER_MS], |row| row.get(0))
        .optional()?;
    Ok(found.unwrap_or_else(|| own.to_string()))
}
