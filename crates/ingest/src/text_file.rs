//! Plain-text and Markdown reports: the whole file is one document.

use crate::dates::date_line;
use chrono::NaiveDate;

/// What a plain-text report says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextMeta {
    /// The first non-empty line, without Markdown heading marks or emphasis.
    pub title: Option<String>,
    /// From a date line among the first lines (`Date:`, `Published:`, `Publié le`, `التاريخ`).
    pub published: Option<NaiveDate>,
}

/// How many non-empty lines from the top may hold the date line: a title, a byline, a dateline.
const DATE_LINE_WINDOW: usize = 5;

/// Read the title and date of a report. The text itself is kept verbatim as the document text
/// (date line included), so evidence offsets point into the file as the user wrote it.
pub(crate) fn meta(text: &str) -> TextMeta {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    let title = first.map(clean_title).filter(|t| !t.is_empty());
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
    fn arabic_date_line() {
        let m = meta("هجوم على موقع للجيش\nالتاريخ: 2024-03-05\nقتل عشرة جنود");
        assert_eq!(m.title.as_deref(), Some("هجوم على موقع للجيش"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 3, 5));
    }
}
