//! The crate's one error type, and the reasons a source row is skipped by [`crate::build`].

use std::fmt;
use std::path::PathBuf;

/// What can stop a gazetteer build or load. Bad *rows* do not stop a build: they are skipped
/// and listed in [`crate::BuildReport::skipped`]; these errors are for files that cannot be used
/// at all.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: invalid JSON: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path}: not a GeoJSON FeatureCollection")]
    NotFeatureCollection { path: PathBuf },
    #[error("{path}:{line}: header does not start with the expected column `{expected}`")]
    BadHeader {
        path: PathBuf,
        line: usize,
        expected: &'static str,
    },
    #[error("{path}: no usable {what} in the file")]
    Empty { path: PathBuf, what: &'static str },
    #[error("embedded gazetteer file {file}:{line}: {problem}")]
    Embedded {
        file: &'static str,
        line: usize,
        problem: EmbeddedProblem,
    },
}

/// Why a line of an embedded data file could not be read (only a corrupt build causes these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbeddedProblem {
    ColumnCount { found: usize, expected: usize },
    BadNumber { column: &'static str },
    BadReference { column: &'static str },
    BadJson,
    Gzip,
}

impl fmt::Display for EmbeddedProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmbeddedProblem::ColumnCount { found, expected } => {
                write!(f, "{found} columns, expected {expected}")
            }
            EmbeddedProblem::BadNumber { column } => write!(f, "bad number in column {column}"),
            EmbeddedProblem::BadReference { column } => {
                write!(f, "reference out of range in column {column}")
            }
            EmbeddedProblem::BadJson => write!(f, "invalid JSON"),
            EmbeddedProblem::Gzip => write!(f, "invalid gzip stream"),
        }
    }
}

/// Why one input row was skipped by the build.
#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    ColumnCount {
        found: usize,
        expected: usize,
    },
    BadNumber {
        column: &'static str,
        value: String,
    },
    OutOfRange {
        column: &'static str,
        value: f64,
    },
    EmptyName,
    UnknownCountry {
        cc: String,
    },
    /// The point lies `km` kilometres outside the polygon of the country it is filed under
    /// (e.g. Maltese towns tagged `ML`).
    OutsideCountry {
        cc: String,
        km: f64,
    },
    /// A feature without a usable polygon.
    NoGeometry,
    /// A hand-kept alias row that does not parse.
    BadAlias {
        problem: &'static str,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::ColumnCount { found, expected } => {
                write!(f, "{found} columns, expected {expected}")
            }
            SkipReason::BadNumber { column, value } => {
                write!(f, "column {column}: `{value}` is not a number")
            }
            SkipReason::OutOfRange { column, value } => {
                write!(f, "column {column}: {value} out of range")
            }
            SkipReason::EmptyName => write!(f, "empty name"),
            SkipReason::UnknownCountry { cc } => write!(f, "country `{cc}` not covered"),
            SkipReason::OutsideCountry { cc, km } => {
                write!(f, "point lies {km:.0} km outside {cc}: misfiled record")
            }
            SkipReason::NoGeometry => write!(f, "no polygon geometry"),
            SkipReason::BadAlias { problem } => write!(f, "bad alias row: {problem}"),
        }
    }
}

/// One skipped input row, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedRow {
    pub path: PathBuf,
    /// 1-based line number (for GeoJSON files: the 1-based feature index).
    pub line: usize,
    pub reason: SkipReason,
}

impl fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason)
    }
}
