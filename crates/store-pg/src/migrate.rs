//! Versioned schema migrations for PostgreSQL (`crates/store-pg/migrations/`), each applied in
//! its own transaction with its row in `schema_migrations`; the version is that table's
//! maximum. A transaction-level advisory lock serialises clients migrating one database at once.
//! Append-only: never edit a released file, add the next one.

use crate::pg;
use postgres::Client;
use rasd_store::{Migration, Result, StoreError};

/// All migrations, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "data_version",
        sql: include_str!("../migrations/0002_data_version.sql"),
    },
    Migration {
        version: 3,
        name: "merge_lookup",
        sql: include_str!("../migrations/0003_merge_lookup.sql"),
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// Advisory lock key of migrations ("rasdmigr" folded into an i64).
const MIGRATION_LOCK_KEY: i64 = 0x7261_7364_6d69_6772;

pub(crate) fn current_version(client: &mut impl postgres::GenericClient) -> Result<i64> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])
        .map_err(pg("read the schema version"))?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let v: Option<i64> = client
        .query_one("SELECT max(version) FROM schema_migrations", &[])
        .map_err(pg("read the schema version"))?
        .get(0);
    Ok(v.unwrap_or(0))
}

/// Bring the schema up to [`SCHEMA_VERSION`]; returns the versions applied.
pub(crate) fn migrate(client: &mut Client) -> Result<Vec<i64>> {
    let mut applied = Vec::new();
    for m in MIGRATIONS {
        let mut tx = client.transaction().map_err(pg("begin a migration"))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK_KEY])
            .map_err(pg("lock the schema for migration"))?;
        let found = current_version(&mut tx)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if m.version <= found {
            continue;
        }
        tx.batch_execute(m.sql)
            .map_err(pg("apply a schema migration"))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) \
             VALUES ($1, $2, extract(epoch FROM now())::bigint)",
            &[&m.version, &m.name],
        )
        .map_err(pg("record a schema migration"))?;
        tx.commit().map_err(pg("commit a schema migration"))?;
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
}
