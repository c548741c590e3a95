//! The embedded SQLite implementation of [`Store`].

use crate::error::SqlContext;
use crate::{
    merge, migrate, AcledRecord, Bucket, ContentHash, DocOutcome, EventDetail, EventFilter,
    EventId, EventPage, GroupBy, ImportReport, IngestRun, RelinkOutcome, Result, RunId, RunStatus,
    SearchHit, Stats, Store, StoreError, StoredDocument,
};
use rasd_model::{Document, Event};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The event store in one SQLite file (WAL mode).
///
/// One `SqliteStore` is one connection: it is `Send` but not `Sync`. A server opens one per
/// worker (WAL lets readers run beside the single writer); writers wait up to
/// [`SqliteStore::BUSY_TIMEOUT`] for each other.
///
/// Pragmas and why: `journal_mode=WAL` (readers never block the writer, and a crash loses at
/// most the uncommitted transaction), `synchronous=NORMAL` (safe under WAL: a power cut may
/// drop the last commits but never corrupts the file), `foreign_keys=ON` (links cannot dangle),
/// a page cache of up to 256 MiB and 1 GiB of memory-mapped I/O (address space, not memory) for the 1M-event query target, and
/// `PRAGMA optimize` at open so the planner has statistics for the filter indexes.
#[derive(Debug)]
pub struct SqliteStore {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl SqliteStore {
    /// How long a write waits for another connection's write before failing.
    pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

    /// Open (creating if needed) the store at `path` and bring its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let err = |source| StoreError::Open {
            path: path.to_owned(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        Self::setup(conn, Some(path.to_owned()), true)
    }

    /// Open an existing store read-only (for a server's reader connections). The schema must
    /// already be current.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;
        Self::setup(conn, Some(path.to_owned()), false)
    }

    /// A private in-memory store (tests, one-off runs).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Open {
            path: PathBuf::from(":memory:"),
            source,
        })?;
        Self::setup(conn, None, true)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>, writable: bool) -> Result<Self> {
        let shown = path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        let err = |source| StoreError::Open {
            path: shown.clone(),
            source,
        };
        conn.busy_timeout(Self::BUSY_TIMEOUT).map_err(err)?;
        if writable {
            // journal_mode returns a row; query it rather than execute.
            let _mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(err)?;
        }
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -262144;
             PRAGMA mmap_size = 1073741824;
             PRAGMA analysis_limit = 1000;",
        )
        .map_err(err)?;
        conn.set_prepared_statement_cache_capacity(64);
        conn.create_scalar_function(
            "rasd_km",
            4,
            FunctionFlags::SQLITE_UTF8
                | FunctionFlags::SQLITE_DETERMINISTIC
                | FunctionFlags::SQLITE_INNOCUOUS,
            |ctx| {
                let get = |i| ctx.get::<Option<f64>>(i);
                Ok(match (get(0)?, get(1)?, get(2)?, get(3)?) {
                    (Some(a), Some(b), Some(c), Some(d)) => Some(merge::haversine_km(a, b, c, d)),
                    _ => None,
                })
            },
        )
        .map_err(err)?;
        if writable {
            migrate::migrate(&mut conn)?;
            conn.execute_batch("PRAGMA optimize = 0x10002")
                .map_err(err)?;
        } else {
            let found = migrate::current_version(&conn).map_err(err)?;
            if found != migrate::SCHEMA_VERSION {
                return Err(StoreError::SchemaTooNew {
                    found,
                    supported: migrate::SCHEMA_VERSION,
                });
            }
        }
        Ok(SqliteStore { conn, path })
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        migrate::current_version(&self.conn).during("read the schema version")
    }

    /// Refresh the query planner's statistics (cheap; run after large imports).
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA optimize")
            .during("optimize")
    }

    /// Rebuild the planner's statistics from every row (slower than [`SqliteStore::optimize`];
    /// worth it once after a bulk load of millions of events).
    pub fn analyze(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA analysis_limit = 0; ANALYZE; PRAGMA analysis_limit = 1000;")
            .during("analyze")
    }
}

impl Store for SqliteStore {
    fn begin_run(&mut self, inputs: &[String], coder_version: Option<&str>) -> Result<RunId> {
        crate::write::begin_run(&self.conn, inputs, coder_version)
    }

    fn finish_run(&mut self, run: RunId, status: RunStatus) -> Result<()> {
        crate::write::finish_run(&self.conn, run, status)
    }

    fn run(&self, run: RunId) -> Result<Option<IngestRun>> {
        crate::query::run(&self.conn, run)
    }

    fn runs(&self) -> Result<Vec<IngestRun>> {
        crate::query::runs(&self.conn)
    }

    fn put_batch(
        &mut self,
        run: RunId,
        batch: &[(Document, Vec<Event>)],
        coder_version: &str,
    ) -> Result<Vec<DocOutcome>> {
        crate::write::put_batch(&mut self.conn, run, batch, coder_version)
    }

    fn relink_document(
        &mut self,
        doc_id: &str,
        events: &[Event],
        coder_version: &str,
    ) -> Result<RelinkOutcome> {
        crate::write::relink_document(&mut self.conn, doc_id, events, coder_version)
    }

    fn import_acled(&mut self, rows: &[AcledRecord]) -> Result<ImportReport> {
        crate::write::import_acled(&mut self.conn, rows)
    }

    fn known_hashes(&self) -> Result<HashSet<ContentHash>> {
        crate::query::known_hashes(&self.conn)
    }

    fn contains_hash(&self, hash: &ContentHash) -> Result<bool> {
        crate::query::contains_hash(&self.conn, hash)
    }

    fn events(&self, filter: &EventFilter) -> Result<EventPage> {
        crate::query::events(&self.conn, filter)
    }

    fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        crate::query::count_events(&self.conn, filter)
    }

    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<crate::EventId>> {
        crate::query::event_ids(&self.conn, filter)
    }

    fn events_by_id(&self, ids: &[EventId]) -> Result<Vec<crate::StoredEvent>> {
        crate::query::events_by_id(&self.conn, ids)
    }

    fn event_detail(&self, id: EventId) -> Result<Option<EventDetail>> {
        crate::query::event_detail(&self.conn, id)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        crate::query::document(&self.conn, id)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        crate::query::search(&self.conn, query, limit)
    }

    fn stats(&self) -> Result<Stats> {
        crate::query::stats(&self.conn)
    }

    fn aggregate(&self, filter: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>> {
        crate::query::aggregate(&self.conn, filter, by)
    }

    fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .during("read the data version")
    }
}
