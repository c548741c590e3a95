//! Plain-text and Markdown reports: the whole file is one document.

use crate::dates::date_line;
use chrono::NaiveDate;

/// What a plain-text report says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextMeta {
    /// The first non-empty line, without Markdown heading marks or emphasis, when it is short
    /// and more text follows it.
    pub title: Option<String>,
    /// From a date line among the first lines (`Date:`, `Published:`, `Publié le`, `التاريخ`).
    pub published: Option<NaiveDate>,
}

/// A first line longer than this is the opening paragraph, not a title: taking it as the title
/// would show the coder the same sentences twice.
const MAX_TITLE_CHARS: usize = 200;

/// How many non-empty lines from the top may hold the date line: a title, a byline, a dateline.
const DATE_LINE_WINDOW: usize = 5;

/// Read the title and date of a report. The text itself is kept verbatim as the document text
/// (date line included), so evidence offsets point into the file as the user wrote it.
pub(crate) fn meta(text: &str) -> TextMeta {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    let has_body = lines.clone().next().is_some();
    let title = first
        .filter(|l| has_body && l.chars().count() <= MAX_TITLE_CHARS)
        .map(clean_title)
        .filter(|t| !t.is_empty());
    let published = first
        .into_iter()
        .chain(lines)
        .take(DATE_LINE_WINDOW)
        .find_map(date_line);
    TextMeta { title, published }
}

fn clean_title(line: &str) -> String {
    line.trim_start_matches('#')
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_title_and_date_line() {
        let m = meta("\n\n# Attaque à Boulkessi\n\nPublié le 5 mars 2024\n\nDes hommes armés...\n");
        assert_eq!(m.title.as_deref(), Some("Attaque à Boulkessi"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn no_date_line_means_no_date() {
        let m = meta("Clashes near Menaka\nGunmen attacked on 5 March 2024.\n");
        assert_eq!(m.title.as_deref(), Some("Clashes near Menaka"));
        assert_eq!(m.published, None);
    }

    #[test]
    fn a_paragraph_is_not_a_title() {
        let long = "Gunmen attacked a village near Djibo on Monday, killing seven traders, burning \
                    stalls and stealing livestock, according to local sources who spoke to reporters \
                    by telephone from the town on Tuesday morning after the attackers had left.";
        assert_eq!(meta(&format!("{long}\nMore text.")).title, None);
        assert_eq!(meta("Only one line of text.").title, None);
    }

    #[test]
    fn arabic_date_line() {
        let m = meta("هجوم على موقع للجيش\nالتاريخ: 2024-03-05\nقتل عشرة جنود");
        assert_eq!(m.title.as_deref(), Some("هجوم على موقع للجيش"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    }
}
