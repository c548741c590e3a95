//! SQLite access from async handlers: a few read-only connections and one writer, each used on
//! tokio's blocking pool so a slow query never stalls the event loop.

use crate::{Result, ServerError};
use rasd_store::SqliteStore;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// The connections of one store file. WAL mode lets the readers run beside the writer; writers
/// (this server's and other processes') wait for each other up to the store's busy timeout.
#[derive(Debug)]
pub(crate) struct Db {
    readers: Mutex<Vec<SqliteStore>>,
    permits: Semaphore,
    writer: Mutex<SqliteStore>,
}

impl Db {
    /// Open (creating and migrating) the store at `path` with `readers` read connections.
    pub fn open(path: &Path, readers: usize) -> Result<Arc<Db>> {
        let open_err = |source| ServerError::Open {
            path: path.to_owned(),
            source,
        };
        // The writer first: it creates the file and runs the migrations the readers need.
        let writer = SqliteStore::open(path).map_err(open_err)?;
        let n = readers.max(1);
        let mut pool = Vec::with_capacity(n);
        for _ in 0..n {
            pool.push(SqliteStore::open_read_only(path).map_err(open_err)?);
        }
        Ok(Arc::new(Db {
            readers: Mutex::new(pool),
            permits: Semaphore::new(n),
            writer: Mutex::new(writer),
        }))
    }

    /// Run `f` with a read connection on the blocking pool.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T> + Send + 'static,
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
    pub fn read_blocking<T>(&self, f: impl FnOnce(&SqliteStore) -> Result<T>) -> Result<T> {
        let conn = self.take_reader();
        let out = match conn {
            Some(conn) => {
                let out = f(&conn);
                self.readers
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(conn);
                out
            }
            // More blocking callers than connections (the index loader beside handlers): use
            // the writer's connection, which reads just as well.
            None => f(&self.writer.lock().unwrap_or_else(|p| p.into_inner())),
        };
        out
    }

    fn take_reader(&self) -> Option<SqliteStore> {
        self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop()
    }

    /// Run `f` with the writer connection on the blocking pool.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore) -> Result<T> + Send + 'static,
    {
        let db = Arc::clone(self);
        join(tokio::task::spawn_blocking(move || {
            let mut w = db.writer.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut w)
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
