//! Dates in Arabic, French and English (placeholder: being written).
use chrono::NaiveDate;

/// A date expression found in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    /// ACLED time precision: 1 = day, 2 = week, 3 = month.
    pub precision: u8,
    /// Resolved against the publication date ("yesterday", "on Monday").
    pub relative: bool,
}

/// Find date expressions in normalised text; relative ones need `published`.
pub fn find_dates(_normalized: &str, _published: Option<NaiveDate>) -> Vec<DateMention> {
    Vec::new()
}
