//! Every table of the sandbox database in one place: the gallery service's (`meta`, `galleries`,
//! `items`), the Media Manager's (`media_files`, `media_upload_tokens`) and the live servers'
//! (`sandbox_servers`, see `media/servers.rs`), plus the steps that bring a database made by an
//! earlier build up to date. `Pool::open` runs [`create`] once per open, in one transaction;
//! every statement is `IF NOT EXISTS` or checks first, so on an existing database it changes
//! nothing. The modules that read and write the tables only name them in their queries.

use rusqlite::Transaction;

/// The gallery service's tables.
const GALLERIES: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS galleries (
    pk           INTEGER PRIMARY KEY,
    site         TEXT NOT NULL,
    id           TEXT NOT NULL,
    name         TEXT,
    sort_order   REAL NOT NULL,
    created_ms   INTEGER NOT NULL,
    created_date TEXT NOT NULL,
    item_count   INTEGER NOT NULL DEFAULT 0,
    order_version INTEGER NOT NULL DEFAULT 0,
    UNIQUE (site, id),
    UNIQUE (site, sort_order)
);
CREATE INDEX IF NOT EXISTS galleries_by_created ON galleries (site, created_ms, id);
CREATE TABLE IF NOT EXISTS items (
    pk         INTEGER PRIMARY KEY,
    gallery_pk INTEGER NOT NULL,
    id         TEXT NOT NULL,
    sort_order REAL NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (gallery_pk, id),
    UNIQUE (gallery_pk, sort_order)
);
";

/// The Media Manager's tables (`media/store.rs`). They came after the gallery tables, so older
/// sandbox databases simply gain them.
const MEDIA: &str = "
CREATE TABLE IF NOT EXISTS media_files (
    pk            INTEGER PRIMARY KEY,
    site          TEXT NOT NULL,
    id            TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    mime_type     TEXT,
    status        TEXT NOT NULL,
    size_bytes    INTEGER,
    hash          TEXT,
    width         INTEGER,
    height        INTEGER,
    path          TEXT,
    url           TEXT,
    source_url    TEXT,
    upload_token  TEXT,
    failure       TEXT,
    deadline_ms   INTEGER,
    created_date  TEXT NOT NULL,
    updated_date  TEXT NOT NULL,
    ready_ms      INTEGER,
    duration_ms   INTEGER
);
CREATE INDEX IF NOT EXISTS media_files_by_site ON media_files (site, id);
CREATE INDEX IF NOT EXISTS media_files_by_token ON media_files (upload_token, hash);
CREATE TABLE IF NOT EXISTS media_upload_tokens (
    token       TEXT PRIMARY KEY,
    site        TEXT NOT NULL,
    mime_type   TEXT NOT NULL,
    file_name   TEXT,
    expires_ms  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS media_resumable (
    id          TEXT PRIMARY KEY,
    token       TEXT NOT NULL,
    length      INTEGER NOT NULL,
    file_name   TEXT,
    mime_type   TEXT,
    path        TEXT NOT NULL,
    expires_ms  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS media_resumable_by_token ON media_resumable (token);
";

/// The servers serving a file database (`media/servers.rs`).
const SERVERS: &str = "
CREATE TABLE IF NOT EXISTS sandbox_servers (
    instance    TEXT PRIMARY KEY,
    base_url    TEXT NOT NULL,
    started_ms  INTEGER NOT NULL,
    seen_ms     INTEGER NOT NULL
);
";

/// Creates the tables that are missing and brings older ones up to date.
pub fn create(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(GALLERIES)?;
    // `order_version` was added to `galleries` after the first builds.
    if !has_column(tx, "galleries", "order_version")? {
        tx.execute_batch(
            "ALTER TABLE galleries ADD COLUMN order_version INTEGER NOT NULL DEFAULT 0",
        )?;
    }
    tx.execute_batch(MEDIA)?;
    tx.execute_batch(SERVERS)?;
    // `url` came with the seeded files, which live at their Wix static URL, not in the sandbox.
    if !has_column(tx, "media_files", "url")? {
        tx.execute_batch("ALTER TABLE media_files ADD COLUMN url TEXT")?;
    }
    // Processing times and video durations came with PENDING uploads.
    for column in ["ready_ms", "duration_ms"] {
        if !has_column(tx, "media_files", column)? {
            tx.execute_batch(&format!(
                "ALTER TABLE media_files ADD COLUMN {column} INTEGER"
            ))?;
        }
    }
    Ok(())
}

fn has_column(tx: &Transaction, table: &str, column: &str) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT COUNT(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
        [table, column],
        |row| row.get(0),
    )
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn columns(conn: &Connection, table: &str) -> Vec<String> {
        conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap()
            .query_map([table], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn an_older_database_gains_the_later_columns_and_tables_and_keeps_its_rows() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE galleries (pk INTEGER PRIMARY KEY, site TEXT NOT NULL, id TEXT NOT NULL,
                 name TEXT, sort_order REAL NOT NULL, created_ms INTEGER NOT NULL,
                 created_date TEXT NOT NULL, item_count INTEGER NOT NULL DEFAULT 0);
             INSERT INTO galleries (site, id, sort_order, created_ms, created_date)
                 VALUES ('s', 'g', 1.0, 0, 'd');
             CREATE TABLE media_files (pk INTEGER PRIMARY KEY, site TEXT NOT NULL,
                 id TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, media_type TEXT NOT NULL,
                 mime_type TEXT, status TEXT NOT NULL, size_bytes INTEGER, hash TEXT,
                 width INTEGER, height INTEGER, path TEXT, source_url TEXT, upload_token TEXT,
                 failure TEXT, deadline_ms INTEGER, created_date TEXT NOT NULL,
                 updated_date TEXT NOT NULL);",
        )
        .unwrap();
        for _ in 0..2 {
            let tx = conn.transaction().unwrap();
            create(&tx).unwrap();
            tx.commit().unwrap();
        }
        assert!(columns(&conn, "galleries").contains(&"order_version".to_string()));
        for column in ["url", "ready_ms", "duration_ms"] {
            assert!(columns(&conn, "media_files").contains(&column.to_string()));
        }
        for table in [
            "meta",
            "items",
            "media_upload_tokens",
            "media_resumable",
            "sandbox_servers",
        ] {
            assert!(!columns(&conn, table).is_empty(), "{table} was not created");
        }
        let kept: (String, i64) = conn
            .query_row("SELECT id, order_version FROM galleries", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!(kept, ("g".to_string(), 0));
    }
}
