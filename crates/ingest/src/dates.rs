//! Publication dates as pages, feeds and plain-text files write them.
//!
//! Only the calendar date matters to the coder (it anchors "yesterday" and "on Monday"), so a
//! timestamp keeps the date *in its own offset*: `2024-03-05T23:30:00-01:00` is the 5th, the
//! day the publisher printed, not the 6th in UTC. Numeric dates are read day first
//! (`05/03/2024` is 5 March), as French and Arabic sources write them.

use chrono::{DateTime, NaiveDate};

/// A date in any of the forms this crate meets: ISO 8601 / RFC 3339 (date first, time
/// ignored), RFC 2822 (`Tue, 05 Mar 2024 10:00:00 GMT`), day-first numeric (`05/03/2024`),
/// or written out in English, French or Arabic (`5 March 2024`, `March 5, 2024`,
/// `1er mars 2024`, `٥ مارس ٢٠٢٤`, `5 آذار 2024`).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(d) = iso_prefix(s) {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    let ascii = ascii_digits(s);
    numeric_day_first(&ascii).or_else(|| written(&ascii))
}

/// A date in a strict `YYYY-MM-DD` form (the JSONL contract and ACLED exports).
pub(crate) fn parse_ymd(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` at the start, followed by nothing, a time or a space.
fn iso_prefix(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !(sep == b'-' || sep == b'/') || b[7] != sep {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .collect()
}

/// `DD/MM/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`, possibly followed by a time.
fn numeric_day_first(s: &str) -> Option<NaiveDate> {
    let head = s.split_whitespace().next()?;
    let parts: Vec<&str> = head.split(['/', '-', '.']).collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let d: u32 = parts[0].parse().ok()?;
    let m: u32 = parts[1].parse().ok()?;
    let y: i32 = parts[2].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Month names (lower case, French without accents), English, French and Arabic (Egyptian /
/// Gulf, Maghreb and Levantine names). Multi-word names come first so they win.
const MONTHS: &[(&str, u32)] = &[
    ("كانون الثاني", 1),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("janv", 1),
    ("fevr", 2),
    ("fev", 2),
    ("avr", 4),
    ("juil", 7),
    ("oct", 10),
    ("dec", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("إبريل", 4),
    ("أفريل", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("يوليو", 7),
    ("يوليوز", 7),
    ("جويلية", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("غشت", 8),
    ("أوت", 8),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("جانفي", 1),
    ("فيفري", 2),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
];

fn month_of(token: &str) -> Option<u32> {
    let t = token.trim_end_matches('.');
    MONTHS.iter().find(|(name, _)| *name == t).map(|&(_, m)| m)
}

fn fold_french(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'û' | 'ù' | 'ü' | 'Û' => 'u',
            'à' | 'â' | 'À' | 'Â' => 'a',
            'ô' | 'Ô' => 'o',
            'î' | 'ï' | 'Î' => 'i',
            'ç' | 'Ç' => 'c',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A written-out date: a day (1-31, `1er`, `1st`), a month name and a four-digit year, in
/// either order of day and month. Weekday names and commas are ignored.
fn written(s: &str) -> Option<NaiveDate> {
    let mut folded = fold_french(s);
    // Two-word Levantine month names become one token.
    for (name, m) in MONTHS.iter().filter(|(n, _)| n.contains(' ')) {
        folded = folded.replace(name, &format!(" m{m} "));
    }
    let tokens: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '/' | '-'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for t in &tokens {
        if let Some(m) = t
            .strip_prefix('m')
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|_| t.len() <= 3)
        {
            month.get_or_insert(m);
        } else if let Some(m) = month_of(t) {
            month.get_or_insert(m);
        } else {
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            let suffix = &t[digits.len()..];
            let Ok(n) = digits.parse::<u32>() else {
                continue;
            };
            if digits.len() == 4 && (1900..=2100).contains(&n) && suffix.is_empty() {
                year.get_or_insert(n as i32);
            } else if (1..=31).contains(&n)
                && matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th" | "e")
                && year.is_none()
            {
                day.get_or_insert(n);
            }
        }
        if year.is_some() && month.is_some() && day.is_some() {
            break;
        }
    }
    NaiveDate::from_ymd_opt(year?, month?, day?)
}

/// Labels that open a date line at the top of a plain-text report.
const DATE_LABELS: &[&str] = &[
    "date de publication",
    "date",
    "published on",
    "published",
    "publié le",
    "publie le",
    "publié",
    "mis à jour le",
    "تاريخ النشر",
    "التاريخ",
    "نشر في",
    "بتاريخ",
];

/// If `line` is a date line (`Date: 2024-03-05`, `Publié le 5 mars 2024`,
/// `التاريخ: ٥ مارس ٢٠٢٤`), the date it gives.
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim().trim_start_matches(['#', '*', '_', ' ']);
    let lower = line.to_lowercase();
    let label = DATE_LABELS.iter().find(|l| lower.starts_with(*l))?;
    // Lower-casing keeps the byte length of these labels, so the offset holds for `line`.
    let rest = line.get(label.len()..)?;
    let rest = rest.trim_start_matches([' ', ':', '：', '\t', '*', '_']);
    parse_date(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn forms_of_one_date() {
        let cases = [
            ("2024-03-05", d(2024, 3, 5)),
            ("2024-03-05T23:30:00-01:00", d(2024, 3, 5)),
            ("2024-03-05 08:00", d(2024, 3, 5)),
            ("2024/03/05", d(2024, 3, 5)),
            ("Tue, 05 Mar 2024 10:00:00 GMT", d(2024, 3, 5)),
            ("Tue, 5 Mar 2024 10:00:00 +0100", d(2024, 3, 5)),
            ("05/03/2024", d(2024, 3, 5)),
            ("05.03.2024 14:00", d(2024, 3, 5)),
            ("5 March 2024", d(2024, 3, 5)),
            ("March 5, 2024", d(2024, 3, 5)),
            ("Tuesday 5th March 2024", d(2024, 3, 5)),
            ("mardi 5 mars 2024", d(2024, 3, 5)),
            ("1er février 2024", d(2024, 2, 1)),
            ("15 août 2023", d(2023, 8, 15)),
            ("5 مارس 2024", d(2024, 3, 5)),
            ("٥ مارس ٢٠٢٤", d(2024, 3, 5)),
            ("5 آذار 2024", d(2024, 3, 5)),
            ("3 كانون الثاني 2024", d(2024, 1, 3)),
            ("12 دجنبر 2023", d(2023, 12, 12)),
            ("not a date", None),
            ("2024-13-05", None),
            ("March 2024", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), want, "{input:?}");
        }
    }

    #[test]
    fn date_lines_need_a_label() {
        assert_eq!(date_line("Date: 2024-03-05"), d(2024, 3, 5));
        assert_eq!(date_line("Published: 5 March 2024"), d(2024, 3, 5));
        assert_eq!(date_line("Publié le 5 mars 2024"), d(2024, 3, 5));
        assert_eq!(date_line("التاريخ: ٥ مارس ٢٠٢٤"), d(2024, 3, 5));
        assert_eq!(date_line("**Date:** 05/03/2024"), d(2024, 3, 5));
        assert_eq!(date_line("5 March 2024"), None);
        assert_eq!(date_line("Dates of the attacks are unknown"), None);
    }
}
