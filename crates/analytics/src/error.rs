//! The crate's error type.

use chrono::NaiveDate;

/// What can go wrong when asking for an analysis.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnalyticsError {
    /// A report period that ends before it starts.
    #[error("invalid period: {from} is after {to}")]
    InvalidPeriod { from: NaiveDate, to: NaiveDate },
}
