//! The Rasd event store on a shared PostgreSQL server, for a team that ingests and queries one
//! database from several machines.
//!
//! - [`PgStore`]: implements [`rasd_store::Store`] exactly as [`rasd_store::SqliteStore`] does
//!   (same outcomes, same event ids semantics, same filters, same search language), on one
//!   connection to a server given by URL (`postgres://user:password@host:5432/rasd`).
//! - [`ScratchDatabase`]: a throw-away database on a server, for tests and benchmarks.
//! - [`is_postgres_url`]: whether a `--db` value names a server rather than a SQLite file.
//!
//! ```no_run
//! use rasd_store::{EventFilter, Store};
//! use rasd_store_pg::PgStore;
//!
//! let store = PgStore::connect("postgres://rasd@db.example/rasd")?;
//! let page = store.events(&EventFilter { country: Some("Mali".into()), ..Default::default() })?;
//! println!("{} events", page.events.len());
//! # Ok::<(), rasd_store::StoreError>(())
//! ```
//!
//! Design notes. Everything that is not SQL comes from `rasd-store`: the merge rule and the
//! recomputation of merged events ([`rasd_store::can_merge`], [`rasd_store::combine_sources`]),
//! content hashes, canonical URLs and SimHash bands, the search form of text
//! ([`rasd_store::index_form`], [`rasd_store::parse_query`]) and snippets, the filter types and
//! the export writers, so both backends give the same answers. Full-text search stores a
//! `tsvector` built in Rust from the search form (never `to_tsvector`, whose parser and
//! dictionaries know nothing of Arabic letter variants) and queries it with a `tsquery` built
//! from the same parsed query; ranks are `-ts_rank` (lower is better, as with SQLite's bm25).
//! Each write call is one transaction (a killed client leaves nothing half-written: the server
//! rolls back what was not committed). `put_batch` and `import_acled` read what a batch can
//! meet in a few statements, run `rasd-store`'s rules ([`rasd_store::put_document`]) in memory
//! and write each table with one multi-row statement (`bulk.rs`): round trips per batch, not per
//! report. Writers of different machines may run at once; a
//! `rasd ingest` or `rasd recode` takes the advisory lock [`PgStore::try_lock_writer`] so that
//! runs left `running` are known to be dead, as the SQLite store's lock file does.

mod blocking;
mod bulk;
mod fulltext;
mod migrate;
mod query;
mod scratch;
mod write;

pub use fulltext::{tsquery, tsvector};
pub use migrate::{MIGRATIONS, SCHEMA_VERSION};
pub use scratch::ScratchDatabase;

use blocking::{off_runtime, OwnedClient};
use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};
use rasd_model::{Document, Event};
use rasd_store::{
    AcledRecord, Bucket, ContentHash, DocOutcome, EventDetail, EventFilter, EventId, EventPage,
    GroupBy, ImportReport, IngestRun, RelinkOutcome, Result, RunId, RunStatus, SearchHit, Stats,
    Store, StoreError, StoredDocument, StoredEvent,
};
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

/// Whether a `--db` value is a PostgreSQL connection URL (`postgres://` or `postgresql://`).
pub fn is_postgres_url(db: &str) -> bool {
    let lower = db.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A URL with its password replaced by `***`, for messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{scheme}://{name}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// The error of a failed statement, with what was being done.
pub(crate) fn pg(operation: &'static str) -> impl FnOnce(postgres::Error) -> StoreError {
    move |e| StoreError::Backend {
        operation,
        doc_id: None,
        source: Box::new(e),
    }
}

/// Parameters of a statement.
pub(crate) type Params = Vec<Box<dyn ToSql + Sync + Send>>;

pub(crate) fn refs(params: &Params) -> Vec<&(dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| p.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

/// One connection and its prepared statements.
pub(crate) struct Conn {
    pub(crate) client: OwnedClient,
    /// Statements prepared on this connection, by SQL text (they outlive transactions).
    statements: HashMap<String, Statement>,
    /// Actor name -> id of committed actors (actors are never deleted, so ids stay valid);
    /// cleared when a write fails, since it may hold ids of a rolled-back transaction.
    pub(crate) actors: HashMap<String, i64>,
    /// Batches whose bulk write failed and were replayed one statement at a time.
    pub(crate) replayed_batches: u64,
}

/// Prepare (once per connection) and cache a statement.
pub(crate) fn prepared(
    statements: &mut HashMap<String, Statement>,
    client: &mut impl postgres::GenericClient,
    sql: &str,
) -> Result<Statement> {
    if let Some(s) = statements.get(sql) {
        return Ok(s.clone());
    }
    let s = client.prepare(sql).map_err(pg("prepare a statement"))?;
    statements.insert(sql.to_owned(), s.clone());
    Ok(s)
}

impl Conn {
    pub(crate) fn query(
        &mut self,
        operation: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>> {
        let st = prepared(&mut self.statements, &mut *self.client, sql)?;
        self.client.query(&st, params).map_err(pg(operation))
    }

    /// Run a statement planned for these parameter values. Filtered reads go this way: a
    /// cached statement switches to a generic plan after five runs, and without the values
    /// the planner cannot tell a rare word or actor from a common one (measured: text and
    /// actor filters 1 ms with their own plan, 0.5-0.8 s with the generic one).
    pub(crate) fn query_planned(
        &mut self,
        operation: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>> {
        self.client.query(sql, params).map_err(pg(operation))
    }

    pub(crate) fn query_opt(
        &mut self,
        operation: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>> {
        let st = prepared(&mut self.statements, &mut *self.client, sql)?;
        self.client.query_opt(&st, params).map_err(pg(operation))
    }

    /// A transaction with access to the statement cache.
    pub(crate) fn transaction(&mut self, operation: &'static str) -> Result<write::Tx<'_>> {
        let tx = self.client.transaction().map_err(pg(operation))?;
        Ok(write::Tx {
            tx,
            statements: &mut self.statements,
            actors: &mut self.actors,
            new_actors: HashMap::new(),
        })
    }
}

/// The event store on a PostgreSQL server: one connection.
///
/// `Send` and `Sync` (the connection sits behind a mutex: calls from several threads take
/// turns); open one store per thread for parallel reads. Usable from any thread, async
/// runtimes' included: there its calls run on a helper thread (see `blocking.rs`). The schema is created or brought up
/// to date by [`PgStore::connect`] (migrations are serialised by an advisory lock, so several
/// clients may connect to a new database at once).
pub struct PgStore {
    conn: Mutex<Conn>,
    url: String,
    /// Dropped after the connection (fields drop in order): the database of
    /// [`PgStore::scratch`].
    _scratch: Option<ScratchDatabase>,
}

/// The variable naming the PostgreSQL server the tests use (any database on it; the tests
/// create their own).
pub const TEST_SERVER_VAR: &str = "RASD_TEST_PG";

/// The test server's URL from [`TEST_SERVER_VAR`]. Panics with how to start one when it is not
/// set: PostgreSQL tests never skip silently.
pub fn test_server_url() -> String {
    match std::env::var(TEST_SERVER_VAR) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!(
            "{TEST_SERVER_VAR} is not set: the PostgreSQL tests need a server. Start a \
             throw-away one with `export {TEST_SERVER_VAR}=\"$(scripts/pg-test-server)\"` \
             (README: Tests), or point it at any server where you may create databases."
        ),
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("url", &redact_url(&self.url))
            .finish_non_exhaustive()
    }
}

/// Key of the advisory lock a writer (`rasd ingest`, `rasd recode`) holds: "rasd" in ASCII.
pub const WRITER_LOCK_KEY: i64 = 0x7261_7364;

/// The session-level writer lock, released when this value is dropped (unlocked explicitly,
/// so the next writer finds it free at once: closing the connection alone frees it only when
/// the server's backend has exited), or by the server when the client process dies however it
/// dies.
pub struct WriterLock {
    client: OwnedClient,
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let client = &mut self.client;
        off_runtime(move || {
            // A failure leaves the server to free it with the connection.
            let _ = client.execute("SELECT pg_advisory_unlock($1)", &[&WRITER_LOCK_KEY]);
        });
    }
}

/// Take the writer lock of the database at `url` on a connection of its own, or `None` when
/// another client holds it.
pub fn try_lock_writer(url: &str) -> Result<Option<WriterLock>> {
    off_runtime(|| {
        let mut client =
            OwnedClient::new(Client::connect(url, NoTls).map_err(pg("connect to PostgreSQL"))?);
        let got: bool = client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&WRITER_LOCK_KEY])
            .map_err(pg("take the writer lock"))?
            .get(0);
        Ok(got.then_some(WriterLock { client }))
    })
}

impl PgStore {
    /// Connect to `url` and create or migrate the schema.
    pub fn connect(url: &str) -> Result<Self> {
        off_runtime(|| {
            let mut client =
                OwnedClient::new(Client::connect(url, NoTls).map_err(pg("connect to PostgreSQL"))?);
            migrate::migrate(&mut client)?;
            Ok(PgStore {
                conn: Mutex::new(Conn {
                    client,
                    statements: HashMap::new(),
                    actors: HashMap::new(),
                    replayed_batches: 0,
                }),
                url: url.to_owned(),
                _scratch: None,
            })
        })
    }

    /// A store in a fresh database on the server of `server_url`, dropped with the store.
    pub fn scratch(server_url: &str, prefix: &str) -> Result<Self> {
        let db = ScratchDatabase::create(server_url, prefix)?;
        let mut store = PgStore::connect(db.url())?;
        store._scratch = Some(db);
        Ok(store)
    }

    /// The URL this store was opened with.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<i64> {
        off_runtime(|| migrate::current_version(&mut *self.lock().client))
    }

    /// Take the writer lock (see [`try_lock_writer`]).
    pub fn try_lock_writer(&self) -> Result<Option<WriterLock>> {
        try_lock_writer(&self.url)
    }

    /// The size of the database on the server, in bytes.
    pub fn database_bytes(&self) -> Result<u64> {
        let rows = off_runtime(|| {
            self.lock().query(
                "measure the database",
                "SELECT pg_database_size(current_database())",
                &[],
            )
        })?;
        Ok(rows[0].get::<_, i64>(0) as u64)
    }

    /// Ids of every stored document, oldest first (what `rasd recode` walks).
    pub fn document_ids(&self) -> Result<Vec<String>> {
        let rows = off_runtime(|| {
            self.lock().query(
                "list documents",
                "SELECT id FROM documents ORDER BY doc_key",
                &[],
            )
        })?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// How many `put_batch` calls of this store failed in bulk and were replayed one statement
    /// at a time (to name the failing document). Stays 0 unless a write fails: a test of the
    /// bulk path checks it, since a replay gives the same answers, only slower.
    pub fn replayed_batches(&self) -> u64 {
        self.lock().replayed_batches
    }

    /// Refresh the planner's statistics (worth it after a bulk load).
    pub fn analyze(&self) -> Result<()> {
        off_runtime(|| {
            self.lock()
                .client
                .batch_execute("ANALYZE")
                .map_err(pg("analyze"))
        })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Conn> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Run a write; on failure forget cached actor ids (they may be rolled back).
    fn write<T: Send>(&self, f: impl FnOnce(&mut Conn) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| {
            let mut conn = self.lock();
            let out = f(&mut conn);
            if out.is_err() {
                conn.actors.clear();
            }
            out
        })
    }

    /// Run a read on the connection.
    fn read<T: Send>(&self, f: impl FnOnce(&mut Conn) -> Result<T> + Send) -> Result<T> {
        off_runtime(|| f(&mut self.lock()))
    }
}

impl Store for PgStore {
    fn begin_run(&mut self, inputs: &[String], coder_version: Option<&str>) -> Result<RunId> {
        self.write(|c| write::begin_run(c, inputs, coder_version))
    }

    fn finish_run(&mut self, run: RunId, status: RunStatus) -> Result<()> {
        self.write(|c| write::finish_run(c, run, status))
    }

    fn run(&self, run: RunId) -> Result<Option<IngestRun>> {
        self.read(|c| query::run(c, run))
    }

    fn runs(&self) -> Result<Vec<IngestRun>> {
        self.read(query::runs)
    }

    fn put_batch(
        &mut self,
        run: RunId,
        batch: &[(Document, Vec<Event>)],
        coder_version: &str,
    ) -> Result<Vec<DocOutcome>> {
        self.write(|c| write::put_batch(c, run, batch, coder_version))
    }

    fn relink_document(
        &mut self,
        doc_id: &str,
        events: &[Event],
        coder_version: &str,
    ) -> Result<RelinkOutcome> {
        self.write(|c| write::relink_document(c, doc_id, events, coder_version))
    }

    fn import_acled(&mut self, rows: &[AcledRecord]) -> Result<ImportReport> {
        self.write(|c| bulk::import_acled(c, rows))
    }

    fn known_hashes(&self) -> Result<HashSet<ContentHash>> {
        self.read(query::known_hashes)
    }

    fn contains_hash(&self, hash: &ContentHash) -> Result<bool> {
        self.read(|c| query::contains_hash(c, hash))
    }

    fn events(&self, filter: &EventFilter) -> Result<EventPage> {
        self.read(|c| query::events(c, filter))
    }

    fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        self.read(|c| query::count_events(c, filter))
    }

    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<EventId>> {
        self.read(|c| query::event_ids(c, filter))
    }

    fn events_by_id(&self, ids: &[EventId]) -> Result<Vec<StoredEvent>> {
        self.read(|c| query::events_by_id(c, ids))
    }

    fn event_detail(&self, id: EventId) -> Result<Option<EventDetail>> {
        self.read(|c| query::event_detail(c, id))
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.read(|c| query::document(c, id))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.read(|c| query::search(c, query, limit))
    }

    fn stats(&self) -> Result<Stats> {
        self.read(query::stats)
    }

    fn aggregate(&self, filter: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>> {
        self.read(|c| query::aggregate(c, filter, by))
    }

    fn data_version(&self) -> Result<i64> {
        self.read(query::data_version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_urls() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("PostgreSQL://h/db"));
        assert!(!is_postgres_url("/tmp/rasd.db"));
        assert!(!is_postgres_url("postgres.db"));
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://rasd:s3cret@db:5432/rasd?sslmode=disable"),
            "postgres://rasd:***@db:5432/rasd?sslmode=disable"
        );
        assert_eq!(
            redact_url("postgres://rasd@db/rasd"),
            "postgres://rasd@db/rasd"
        );
        assert_eq!(redact_url("postgres://db/rasd"), "postgres://db/rasd");
    }
}
