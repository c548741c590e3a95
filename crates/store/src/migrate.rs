//! Versioned schema migrations.
//!
//! Each migration is an SQL file under `crates/store/migrations/`, compiled in with
//! `include_str!`, applied in version order inside its own transaction together with
//! `PRAGMA user_version = N` (the version lives in the database header, so it commits or rolls
//! back with the schema change). `schema_migrations` keeps a human-readable log. Migrations are
//! append-only: never edit a released file, add the next one.

use crate::{Result, StoreError};
use rusqlite::Connection;

/// One schema step.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// All migrations, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "band simhash",
        sql: include_str!("../migrations/0002_band_simhash.sql"),
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The database's `user_version`.
pub(crate) fn current_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Bring the schema up to [`SCHEMA_VERSION`]; returns the versions applied.
pub(crate) fn migrate(conn: &mut Connection) -> Result<Vec<i64>> {
    let found = current_version(conn).map_err(|source| StoreError::Migrate {
        version: 0,
        name: "read user_version",
        source,
    })?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| m.version > found) {
        let err = |source| StoreError::Migrate {
            version: m.version,
            name: m.name,
            source,
        };
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
            .map_err(err)?;
        tx.execute_batch(m.sql).map_err(err)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, unixepoch())",
            rusqlite::params![m.version, m.name],
        )
        .map_err(err)?;
        // PRAGMA takes no parameters; the version is a compiled-in integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))
            .map_err(err)?;
        tx.commit().map_err(err)?;
        applied.push(m.version);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_increase_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
        }
    }

    #[test]
    fn migrates_empty_database_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), vec![1, 2]);
        assert_eq!(current_version(&conn).unwrap(), SCHEMA_VERSION);
        assert!(migrate(&mut conn).unwrap().is_empty());
        let logged: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(logged, MIGRATIONS.len() as i64);
    }

    #[test]
    fn version_2_copies_simhashes_into_the_bands() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0].sql).unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO documents (doc_key, id, text, content_hash, simhash, ingested_at)
                 VALUES (7, 'a', 'text', x'01', -42, 0);
             INSERT INTO document_bands (band_key, doc_key) VALUES (5, 7), (65541, 7);",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), vec![2]);
        let rows: Vec<(i64, i64, i64)> = conn
            .prepare("SELECT band_key, doc_key, simhash FROM document_bands ORDER BY band_key")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, [(5, 7, -42), (65541, 7, -42)]);
        // Deleting the document still removes its bands.
        conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM documents WHERE doc_key = 7")
            .unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM document_bands", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn refuses_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA user_version = 999").unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::SchemaTooNew { found: 999, .. })
        ));
    }
}
