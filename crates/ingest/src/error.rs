//! The crate's error type.
//!
//! Inputs that cannot become documents are not errors: [`Ingest::items`](crate::Ingest::items)
//! reports them as [`Item::Skipped`](crate::Item::Skipped) with a [`SkipReason`](crate::SkipReason)
//! and goes on. [`Error`] is for calls that return a `Result`: parsing an input argument and
//! reading ACLED exports, where each bad row is one `Err` in the row stream.

use std::path::PathBuf;

/// What went wrong, with the path, line and value involved.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An `http://` or `https://` input that is not a valid URL.
    #[error("{input:?} is not a valid URL: {source}")]
    BadUrl {
        input: String,
        source: url::ParseError,
    },
    /// A `file://` URL that names no local path (`file://server/share/a.txt`).
    #[error("{input:?} is not a local file")]
    NotLocalFile { input: String },
    /// A file that cannot be opened or read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An ACLED export without a column this crate needs.
    #[error("{}: no {column:?} column in the header", path.display())]
    MissingColumn { path: PathBuf, column: &'static str },
    /// A CSV row the csv reader refuses (bad quoting, invalid UTF-8).
    #[error("{}:{line}: {source}", path.display())]
    Csv {
        path: PathBuf,
        line: u64,
        source: csv::Error,
    },
    /// An ACLED `event_date` that is neither `2019-01-17` nor `17 January 2019`.
    #[error("{}:{line}: event_date {value:?} is not a date (2019-01-17 or 17 January 2019)", path.display())]
    BadDate {
        path: PathBuf,
        line: u64,
        value: String,
    },
    /// An `event_type` or `sub_event_type` outside the ACLED taxonomy.
    #[error("{}:{line}: unknown ACLED {column} {value:?}", path.display())]
    UnknownType {
        path: PathBuf,
        line: u64,
        column: &'static str,
        value: String,
    },
    /// A sub-event type under the wrong event type.
    #[error("{}:{line}: sub_event_type {sub_event_type:?} does not belong to event_type {event_type:?}", path.display())]
    TypeMismatch {
        path: PathBuf,
        line: u64,
        event_type: String,
        sub_event_type: String,
    },
    /// A numeric column (coordinates, precision codes, inter codes, fatalities) that does not
    /// parse or is out of range.
    #[error("{}:{line}: {column} {value:?} is not a valid value", path.display())]
    BadNumber {
        path: PathBuf,
        line: u64,
        column: &'static str,
        value: String,
    },
}
