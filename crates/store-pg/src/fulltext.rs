//! Full-text search on PostgreSQL with the search form of `rasd-store`.
//!
//! Text is put in search form in Rust ([`rasd_store::index_form`]: rasd_text's normalisation,
//! words cut at every non-alphanumeric character, the Arabic article removed) and written as a
//! `tsvector` literal: the words as written get weight A and their positions (phrases match
//! there only), the Arabic forms without a one-letter proclitic get weight B. Queries parsed
//! by [`rasd_store::parse_query`] become a `tsquery` literal: a term matches either weight, a
//! phrase matches consecutive A positions, `prefix*` is `:*`. No text reaches PostgreSQL's
//! parser or dictionaries, so matching is the SQLite store's, letter for letter.
//!
//! PostgreSQL's limits: positions above 16,383 are stored as 16,383 (phrases deep inside very
//! long documents may match loosely), at most 256 positions are kept per word, and a
//! `tsvector` holds at most 1 MB: past about 900 kB of distinct words, further new words of a
//! huge document are not indexed.

use rasd_store::QueryPart;
use std::collections::BTreeMap;

const MAX_POSITION: u32 = 16_383;
const MAX_POSITIONS_PER_WORD: usize = 256;
const MAX_VECTOR_BYTES: usize = 900_000;

fn quote(word: &str, out: &mut String) {
    out.push('\'');
    for c in word.chars() {
        if c == '\'' || c == '\\' {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
}

/// The `tsvector` literal of `(body, alt)` as [`rasd_store::index_form`] gives them.
pub fn tsvector(body: &str, alt: &str) -> String {
    // word -> (positions with their weight letter)
    let mut words: BTreeMap<&str, Vec<(u32, char)>> = BTreeMap::new();
    let mut bytes = 0usize;
    let mut pos = 0u32;
    let body_words = body.split_whitespace().map(|w| (w, 'A'));
    let alt_words = alt.split_whitespace().map(|w| (w, 'B'));
    for (w, weight) in body_words.chain(alt_words) {
        pos = (pos + 1).min(MAX_POSITION);
        match words.get_mut(w) {
            Some(ps) => {
                if ps.len() < MAX_POSITIONS_PER_WORD && ps.last().is_none_or(|p| p.0 < pos) {
                    ps.push((pos, weight));
                }
            }
            None => {
                if bytes + w.len() + 16 > MAX_VECTOR_BYTES {
                    continue;
                }
                bytes += w.len() + 16;
                words.insert(w, vec![(pos, weight)]);
            }
        }
    }
    let mut out = String::with_capacity(bytes + words.len() * 8);
    for (w, ps) in words {
        if !out.is_empty() {
            out.push(' ');
        }
        quote(w, &mut out);
        for (i, (p, weight)) in ps.into_iter().enumerate() {
            out.push(if i == 0 { ':' } else { ',' });
            out.push_str(&p.to_string());
            out.push(weight);
        }
    }
    out
}

/// The `tsquery` literal of parsed query parts (terms ANDed), or `None` without words.
pub fn tsquery(parts: &[QueryPart]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str(" & ");
        }
        match p {
            QueryPart::Term { word, prefix } => {
                quote(word, &mut out);
                if *prefix {
                    out.push_str(":*");
                }
            }
            QueryPart::Phrase(ws) => {
                out.push('(');
                for (i, w) in ws.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" <-> ");
                    }
                    quote(w, &mut out);
                    out.push_str(":A");
                }
                out.push(')');
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_literal_merges_positions_and_weights() {
        let (body, alt) = rasd_store::index_form("والجيش المالي في بمدينة الجيش");
        assert_eq!(
            tsvector(&body, &alt),
            "'بمدينه':4A 'جيش':1A,5A 'في':3A 'مالي':2A 'مدينه':6B"
        );
    }

    #[test]
    fn quotes_are_escaped() {
        assert_eq!(tsvector("l'a b\\c", ""), "'b\\\\c':2A 'l''a':1A");
    }

    #[test]
    fn query_literal() {
        let parts = rasd_store::parse_query("Ménaka \"l'armée malienne\" attaq*");
        assert_eq!(
            tsquery(&parts).unwrap(),
            "'menaka' & ('l':A <-> 'armee':A <-> 'malienne':A) & 'attaq':*"
        );
        assert_eq!(tsquery(&rasd_store::parse_query(" ?! ")), None);
        // Query syntax in the input is inert: every word is quoted.
        assert_eq!(
            tsquery(&rasd_store::parse_query("a | !b")).unwrap(),
            "'a' & 'b'"
        );
    }

    #[test]
    fn positions_are_capped() {
        let body = vec!["w"; 20_000].join(" ");
        let v = tsvector(&body, "");
        assert_eq!(v.matches(',').count() + 1, MAX_POSITIONS_PER_WORD);
        let many: String = (0..20_000).map(|i| format!("x{i} ")).collect();
        let v = tsvector(&many, "");
        assert!(
            v.contains(&format!("'x{}':{MAX_POSITION}A", 19_999)),
            "last word clamped"
        );
    }
}
