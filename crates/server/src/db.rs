//! Store access from async handlers: a few read connections, one writer and a change probe,
//! each used on tokio's blocking pool so a slow query never stalls the event loop.
//!
//! The backend is chosen by [`ServerConfig::db`]: a `postgres://` or `postgresql://` URL opens
//! [`rasd_store_pg::PgStore`]s on that server, anything else is a SQLite file
//! ([`rasd_store::SqliteStore`]). Handlers see only the [`Store`] trait.

use crate::{Result, ServerConfig, ServerError};
use rasd_store::{SqliteStore, Store, StoreError};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// A store of either backend.
pub(crate) type AnyStore = Box<dyn Store + Send>;

/// Where the store of a configuration lives.
enum Location<'a> {
    Sqlite(&'a std::path::Path),
    Postgres(&'a str),
}

fn location(config: &ServerConfig) -> Location<'_> {
    match config.postgres_url() {
        Some(url) => Location::Postgres(url),
        None => Location::Sqlite(&config.db),
    }
}

/// Open (creating and migrating it if needed) the store of `config` for writing.
pub(crate) fn open_writer(config: &ServerConfig) -> Result<AnyStore> {
    let opened: std::result::Result<AnyStore, StoreError> = match location(config) {
        Location::Sqlite(path) => SqliteStore::open(path).map(|s| Box::new(s) as AnyStore),
        Location::Postgres(url) => {
            rasd_store_pg::PgStore::connect(url).map(|s| Box::new(s) as AnyStore)
        }
    };
    opened.map_err(|source| open_error(config, source))
}

/// Open a read connection to the store of `config` (whose schema the writer brought up to
/// date): read-only on SQLite; a plain connection on PostgreSQL, where readers never wait
/// for writers.
fn open_reader(config: &ServerConfig) -> Result<AnyStore> {
    let opened: std::result::Result<AnyStore, StoreError> = match location(config) {
        Location::Sqlite(path) => {
            SqliteStore::open_read_only(path).map(|s| Box::new(s) as AnyStore)
        }
        Location::Postgres(url) => {
            rasd_store_pg::PgStore::connect(url).map(|s| Box::new(s) as AnyStore)
        }
    };
    opened.map_err(|source| open_error(config, source))
}

fn open_error(config: &ServerConfig, source: StoreError) -> ServerError {
    ServerError::Open {
        store: config.shown_db(),
        source,
    }
}

/// The connections of one store. SQLite's WAL mode lets the readers run beside the writer;
/// writers (this server's and other processes') wait for each other up to the store's busy
/// timeout. PostgreSQL readers never wait for writers.
pub(crate) struct Db {
    readers: Mutex<Vec<AnyStore>>,
    permits: Semaphore,
    writer: Mutex<AnyStore>,
    /// A connection that never writes, asked only for [`Store::data_version`] (SQLite's
    /// counter ignores the asking connection's own commits, so it must not be the writer).
    probe: Mutex<AnyStore>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("readers", &self.permits.available_permits())
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Open (creating and migrating) the store of `config` with its
    /// [`ServerConfig::read_connections`] read connections.
    pub fn open(config: &ServerConfig) -> Result<Arc<Db>> {
        // The writer first: it creates the store and runs the migrations the readers need.
        let writer = open_writer(config)?;
        let n = config.read_connections.max(1);
        let mut pool = Vec::with_capacity(n);
        for _ in 0..n {
            pool.push(open_reader(config)?);
        }
        let probe = open_reader(config)?;
        Ok(Arc::new(Db {
            readers: Mutex::new(pool),
            permits: Semaphore::new(n),
            writer: Mutex::new(writer),
            probe: Mutex::new(probe),
        }))
    }

    /// The store's change counter ([`Store::data_version`]), on the calling thread.
    pub fn data_version(&self) -> Result<i64> {
        self.probe
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .data_version()
            .map_err(|e| ServerError::store("read the data version", e))
    }

    /// Run `f` with a read connection on the blocking pool.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ServerError::Task {
                message: "the connection pool is closed".into(),
            })?;
        let db = Arc::clone(self);
        join(tokio::task::spawn_blocking(move || db.read_blocking(f))).await
    }

    /// Run `f` with a read connection on the calling thread (outside the async runtime, or
    /// already on a blocking thread).
    pub fn read_blocking<T>(&self, f: impl FnOnce(&dyn Store) -> Result<T>) -> Result<T> {
        let conn = self.take_reader();
        let out = match conn {
            Some(conn) => {
                let out = f(&*conn);
                self.readers
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(conn);
                out
            }
            // More blocking callers than connections (the index loader beside handlers): use
            // the writer's connection, which reads just as well.
            None => f(&**self.writer.lock().unwrap_or_else(|p| p.into_inner())),
        };
        out
    }

    fn take_reader(&self) -> Option<AnyStore> {
        self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }

    /// Run `f` with the writer connection on the blocking pool.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T> + Send + 'static,
    {
        let db = Arc::clone(self);
        join(tokio::task::spawn_blocking(move || {
            let mut w = db.writer.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut **w)
        }))
        .await
    }
}

/// Await a blocking task, turning a panic into an error answer rather than a dropped connection.
pub(crate) async fn join<T>(handle: tokio::task::JoinHandle<Result<T>>) -> Result<T> {
    match handle.await {
        Ok(r) => r,
        Err(e) => Err(ServerError::Task {
            message: e.to_string(),
        }),
    }
}
