//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong in the store. Variants carry their context as data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("cannot open the event store at {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A schema migration failed; the database is left at the version before it.
    #[error("schema migration {version} ({name}) failed")]
    Migrate {
        version: i64,
        name: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer version of Rasd.
    #[error("the database has schema version {found}, this build knows up to {supported}")]
    SchemaTooNew { found: i64, supported: i64 },
    /// A statement failed during the named operation.
    #[error("database error during {operation}")]
    Sqlite {
        operation: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// Storing one document of a batch failed; the whole batch was rolled back.
    #[error("storing document {doc_id:?} failed (the whole batch was rolled back)")]
    PutDocument {
        doc_id: String,
        #[source]
        source: rusqlite::Error,
    },
    /// A statement of another backend (PostgreSQL, `rasd-store-pg`) failed during the named
    /// operation; `doc_id` names the document of a batch whose storing failed (the whole batch
    /// was rolled back).
    #[error("database error during {operation}{}", doc_note(doc_id.as_deref()))]
    Backend {
        operation: &'static str,
        doc_id: Option<String>,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// No document with this id is stored.
    #[error("no stored document with id {doc_id:?}")]
    DocumentNotFound { doc_id: String },
    /// No ingest run with this id exists.
    #[error("no ingest run {run_id}")]
    RunNotFound { run_id: i64 },
    /// A filter value is out of range.
    #[error("invalid filter field {field}: {reason}")]
    InvalidFilter {
        field: &'static str,
        reason: &'static str,
    },
    /// A pagination cursor that [`Cursor::encode`](crate::Cursor::encode) did not produce.
    #[error("invalid pagination cursor {cursor:?}")]
    InvalidCursor { cursor: String },
    /// A stored value could not be decoded (written by another tool, or a bug).
    #[error("corrupt value in {table}.{column} (row {row_id}): {value:?}")]
    Corrupt {
        table: &'static str,
        column: &'static str,
        row_id: i64,
        value: String,
    },
    /// A JSON column could not be read or written.
    #[error("JSON of {table}.{column} (row {row_id})")]
    Json {
        table: &'static str,
        column: &'static str,
        row_id: i64,
        #[source]
        source: serde_json::Error,
    },
    /// Writing an export failed.
    #[error("writing the {format} export failed")]
    Export {
        format: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// Writing a Parquet export failed.
    #[cfg(feature = "parquet")]
    #[error("writing the Parquet export failed")]
    Parquet {
        #[source]
        source: parquet::errors::ParquetError,
    },
    /// A value the export format cannot hold in its column (a bug in the export's column table).
    #[error("the {format} export cannot write {value} in column {column}")]
    ExportValue {
        format: &'static str,
        column: &'static str,
        value: String,
    },
    /// This build of the store was compiled without the export format (a cargo feature).
    #[error("this build cannot write {format} (compiled without the `{format}` feature)")]
    FormatNotBuilt { format: &'static str },
}

fn doc_note(doc_id: Option<&str>) -> String {
    doc_id.map_or_else(String::new, |d| {
        format!(" of document {d:?} (the whole batch was rolled back)")
    })
}

/// Shorthand used throughout the crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Attach the operation name to a rusqlite error.
pub(crate) trait SqlContext<T> {
    fn during(self, operation: &'static str) -> Result<T>;
}

impl<T> SqlContext<T> for std::result::Result<T, rusqlite::Error> {
    fn during(self, operation: &'static str) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite { operation, source })
    }
}
