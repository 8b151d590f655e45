//! Every table of the sandbox database in one place: the gallery service's (`meta`, `galleries`,
//! `items`), the Media Manager's (`media_files`, `media_upload_tokens`) and the live servers'
//! (`sandbox_servers`, see `media/servers.rs`), plus the steps that bring a database made by an
//! earlier build up to date. `Pool::open` runs [`create`] once per open, in one transaction;
//! every statement is `IF NOT EXISTS` or checks first, so on an existing database it changes
//! nothing. The modules that read and write the tables only name them in their queries.

use rusqlite::Transaction;

/// The gallery service's tables but `items` (its columns are [`ITEM_COLUMNS`]).
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
";

/// The columns and constraints of `items`, for creating it and for rebuilding it without a
/// constraint an earlier build had.
const ITEM_COLUMNS: &str = "
    pk         INTEGER PRIMARY KEY,
    gallery_pk INTEGER NOT NULL,
    id         TEXT NOT NULL,
    sort_order REAL NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (gallery_pk, id)
";

/// Items in gallery order: by `sortOrder`, then (the rowid every SQLite index ends with) in
/// creation order. Not unique: whether a gallery may hold two items at one sortOrder is a switch
/// (`readings.rs`), checked by the store.
const ITEM_ORDER: &str =
    "CREATE INDEX IF NOT EXISTS items_by_order ON items (gallery_pk, sort_order);";

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
    tx.execute_batch(&format!(
        "CREATE TABLE IF NOT EXISTS items ({ITEM_COLUMNS});"
    ))?;
    // `order_version` was added to `galleries` after the first builds.
    if !has_column(tx, "galleries", "order_version")? {
        tx.execute_batch(
            "ALTER TABLE galleries ADD COLUMN order_version INTEGER NOT NULL DEFAULT 0",
        )?;
    }
    // Items were once `UNIQUE (gallery_pk, sort_order)`; the rule is the store's now.
    if has_unique_index(tx, "items", &["gallery_pk", "sort_order"])? {
        rebuild_items_without_unique_sort_order(tx)?;
    }
    tx.execute_batch(ITEM_ORDER)?;
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

/// Whether `table` has a UNIQUE index (a constraint or an index) on exactly `columns`, in order.
fn has_unique_index(tx: &Transaction, table: &str, columns: &[&str]) -> rusqlite::Result<bool> {
    let unique: Vec<String> = tx
        .prepare("SELECT name FROM pragma_index_list(?1) WHERE \"unique\" = 1")?
        .query_map([table], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for index in unique {
        let named: Vec<String> = tx
            .prepare("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")?
            .query_map([&index], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if named.iter().map(String::as_str).eq(columns.iter().copied()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A table constraint cannot be dropped in SQLite: the table is copied into one without it,
/// keeping every row and its rowid (the creation order of items that share a sortOrder).
fn rebuild_items_without_unique_sort_order(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(&format!(
        "CREATE TABLE items_rebuilt ({ITEM_COLUMNS});
         INSERT INTO items_rebuilt (pk, gallery_pk, id, sort_order, body)
             SELECT pk, gallery_pk, id, sort_order, body FROM items;
         DROP TABLE items;
         ALTER TABLE items_rebuilt RENAME TO items;"
    ))
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
            "CREATE TABLE items (pk INTEGER PRIMARY KEY, gallery_pk INTEGER NOT NULL,
                 id TEXT NOT NULL, sort_order REAL NOT NULL, body TEXT NOT NULL,
                 UNIQUE (gallery_pk, id), UNIQUE (gallery_pk, sort_order));
             INSERT INTO items (pk, gallery_pk, id, sort_order, body) VALUES (7, 1, 'i', 2.5, '{}');
             CREATE TABLE galleries (pk INTEGER PRIMARY KEY, site TEXT NOT NULL, id TEXT NOT NULL,
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
        // Items lost the unique sortOrder, kept their rows and rowids, and gained the order index.
        let tx = conn.transaction().unwrap();
        assert!(!has_unique_index(&tx, "items", &["gallery_pk", "sort_order"]).unwrap());
        assert!(has_unique_index(&tx, "items", &["gallery_pk", "id"]).unwrap());
        tx.commit().unwrap();
        let item: (i64, String, f64) = conn
            .query_row("SELECT pk, id, sort_order FROM items", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })
            .unwrap();
        assert_eq!(item, (7, "i".to_string(), 2.5));
        let order_index: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM pragma_index_list('items') WHERE name = 'items_by_order'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(order_index, 1);
    }
}
