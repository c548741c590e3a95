//! Numbers in digits and words (placeholder: being written).

/// How exact a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vagueness {
    Exact,
    /// "more than 20", "at least 5": the stated bound.
    AtLeast,
    /// "dozens", "several", "une dizaine": a conservative value.
    Vague,
}

/// A count found in normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub vagueness: Vagueness,
}

/// Find counts in normalised text.
pub fn find_numbers(_normalized: &str) -> Vec<NumberMention> {
    Vec::new()
}
