//! The search form of text, shared by the FTS index, the query parser and snippets.
//!
//! SQLite's tokenizers know nothing of Arabic letter variants, so text is put in search form
//! in Rust before it reaches FTS5: [`rasd_text::normalize`] (lower case, no Latin accents, no
//! Arabic diacritics or tatweel, alef/yaa/taa-marbuta unified, Arabic-Indic digits as ASCII),
//! then words are cut at every non-alphanumeric character (French elisions `l'armée` give
//! `l` + `armee`), and the Arabic definite article with its attached particles (ال وال بال فال
//! كال لل) is removed from words that keep at least two letters.
//!
//! Arabic also writes one-letter proclitics (و ف ب ل ك: "and", "so", "in", "for", "like") onto
//! the word. Removing them blindly would break words that begin with those letters (وزير, بلدة),
//! so the index keeps every word as written in the `body` column (order preserved, for phrase
//! queries) and adds the form without the proclitic to a second `alt` column. A query word is
//! looked up as written in both columns: "مالي" finds "ومالي" and "بمالي" through `alt`,
//! "وزير" finds "وزير" through `body`.
//!
//! The query language is deliberately small: words are ANDed, `"double quotes"` make a phrase,
//! a trailing `*` makes a prefix. Every term is quoted before it reaches FTS5, so no user input
//! is ever interpreted as FTS syntax.

use rasd_text::Normalized;

/// Words of an already normalised text, with their byte offsets.
pub fn words(norm: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut iter = norm.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_alphanumeric() {
                break;
            }
            iter.next();
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, &norm[start..end]))
    })
}

fn is_arabic(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Remove the definite article and the particles fused with it, if at least two letters remain.
fn strip_article(w: &str) -> &str {
    if !is_arabic(w) {
        return w;
    }
    for prefix in ["وال", "فال", "بال", "كال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    w
}

/// The form of an Arabic word without a one-letter proclitic, when it keeps three letters.
fn strip_proclitic(w: &str) -> Option<&str> {
    if !is_arabic(w) {
        return None;
    }
    let mut chars = w.chars();
    let first = chars.next()?;
    if !matches!(first, 'و' | 'ف' | 'ب' | 'ل' | 'ك') {
        return None;
    }
    let rest = chars.as_str();
    let rest = strip_article(rest);
    (rest.chars().count() >= 3).then_some(rest)
}

/// The `(body, alt)` columns of the FTS row for a text.
pub fn index_form(text: &str) -> (String, String) {
    let norm = rasd_text::normalize(text);
    index_form_normalized(&norm)
}

pub fn index_form_normalized(norm: &Normalized) -> (String, String) {
    let mut body = String::with_capacity(norm.len());
    let mut alt = String::new();
    for (_, w) in words(norm.as_str()) {
        if !body.is_empty() {
            body.push(' ');
        }
        let main = strip_article(w);
        body.push_str(main);
        if let Some(a) = strip_proclitic(w) {
            if a != main {
                if !alt.is_empty() {
                    alt.push(' ');
                }
                alt.push_str(a);
            }
        }
    }
    (body, alt)
}

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryPart {
    Term { word: String, prefix: bool },
    Phrase(Vec<String>),
}

/// Parse a user query into search-form parts (see the module docs for the syntax).
pub fn parse_query(query: &str) -> Vec<QueryPart> {
    let mut parts = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let norm = rasd_text::normalize(chunk);
        let in_quotes = i % 2 == 1;
        let mut ws: Vec<(String, bool)> = Vec::new();
        for (start, w) in words(norm.as_str()) {
            let prefix = norm.as_str()[start + w.len()..].starts_with('*');
            ws.push((strip_article(w).to_owned(), prefix));
        }
        if in_quotes && ws.len() > 1 {
            parts.push(QueryPart::Phrase(ws.into_iter().map(|(w, _)| w).collect()));
        } else {
            parts.extend(
                ws.into_iter()
                    .map(|(word, prefix)| QueryPart::Term { word, prefix }),
            );
        }
    }
    parts
}

/// The FTS5 MATCH expression for parsed parts, or `None` when the query has no words.
pub fn match_expression(parts: &[QueryPart]) -> Option<String> {
    if parts.is_empty() {
        return None;
    }
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str(" AND ");
        }
        match p {
            // Words are alphanumeric only, so quoting them is safe; doubling quotes is belt and
            // braces.
            QueryPart::Term { word, prefix } => {
                out.push('"');
                out.push_str(&word.replace('"', "\"\""));
                out.push('"');
                if *prefix {
                    out.push_str(" *");
                }
            }
            QueryPart::Phrase(ws) => {
                out.push_str("body : \"");
                out.push_str(&ws.join(" ").replace('"', "\"\""));
                out.push('"');
            }
        }
    }
    Some(out)
}

/// A short excerpt of the original text around the first query match.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Snippet {
    /// The excerpt, cut from the original text at word boundaries, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of `text` that matched a query word.
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The excerpt with every highlight wrapped in `open` and `close` (e.g. `<b>`, `</b>`).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        let mut at = 0;
        for &(s, e) in &self.highlights {
            out.push_str(&self.text[at..s]);
            out.push_str(open);
            out.push_str(&self.text[s..e]);
            out.push_str(close);
            at = e;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

fn word_matches(w: &str, parts: &[QueryPart]) -> bool {
    let forms = [Some(strip_article(w)), strip_proclitic(w)];
    parts.iter().any(|p| {
        let check = |q: &str, prefix: bool| {
            forms
                .iter()
                .flatten()
                .any(|f| if prefix { f.starts_with(q) } else { *f == q })
        };
        match p {
            QueryPart::Term { word, prefix } => check(word, *prefix),
            QueryPart::Phrase(ws) => ws.iter().any(|q| check(q, false)),
        }
    })
}

/// Build a snippet of about `width` bytes of `original` around the first match of `parts`.
pub fn snippet(original: &str, parts: &[QueryPart], width: usize) -> Snippet {
    let norm = rasd_text::normalize(original);
    let hits: Vec<(usize, usize)> = words(norm.as_str())
        .filter(|(_, w)| word_matches(w, parts))
        .map(|(s, w)| norm.original_span(s, s + w.len()))
        .collect();
    let first = hits.first().map_or(0, |h| h.0);
    // Start a third of the width before the first hit, at a word boundary.
    let mut start = first.saturating_sub(width / 3);
    while !original.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        if let Some(sp) = original[start..first].find(char::is_whitespace) {
            start += sp;
            start += original[start..].chars().next().map_or(0, char::len_utf8);
        }
    }
    let mut end = (start + width).min(original.len());
    while !original.is_char_boundary(end) {
        end += 1;
    }
    if end < original.len() {
        if let Some(sp) = original[start..end].rfind(char::is_whitespace) {
            if sp > first.saturating_sub(start) {
                end = start + sp;
            }
        }
    }
    let mut text = String::with_capacity(end - start + 8);
    let lead = if start > 0 { "…" } else { "" };
    text.push_str(lead);
    text.push_str(original[start..end].trim_end());
    let body_end = text.len();
    if end < original.len() {
        text.push('…');
    }
    let highlights = hits
        .into_iter()
        .filter(|&(s, e)| s >= start && e <= end)
        .map(|(s, e)| (s - start + lead.len(), e - start + lead.len()))
        .filter(|&(_, e)| e <= body_end)
        .collect();
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_elision() {
        let n = rasd_text::normalize("L'armée, à Ménaka: 12 morts.");
        let ws: Vec<&str> = words(n.as_str()).map(|(_, w)| w).collect();
        assert_eq!(ws, ["l", "armee", "a", "menaka", "12", "morts"]);
    }

    #[test]
    fn arabic_index_form_strips_articles_and_keeps_proclitic_variants() {
        let (body, alt) = index_form("والجيشُ المالي في بمدينة وزير");
        assert_eq!(body, "جيش مالي في بمدينه وزير");
        assert_eq!(alt, "مدينه زير");
    }

    #[test]
    fn query_parsing() {
        let parts = parse_query("Ménaka \"l'armée malienne\" attaq*");
        assert_eq!(
            parts,
            vec![
                QueryPart::Term {
                    word: "menaka".into(),
                    prefix: false
                },
                QueryPart::Phrase(vec!["l".into(), "armee".into(), "malienne".into()]),
                QueryPart::Term {
                    word: "attaq".into(),
                    prefix: true
                },
            ]
        );
        assert_eq!(
            match_expression(&parts).unwrap(),
            "\"menaka\" AND body : \"l armee malienne\" AND \"attaq\" *"
        );
        assert_eq!(match_expression(&parse_query(" ?! ")), None);
        // FTS syntax in the query is inert.
        let e = match_expression(&parse_query("a OR b NEAR(c) body:d")).unwrap();
        assert_eq!(
            e,
            "\"a\" AND \"or\" AND \"b\" AND \"near\" AND \"c\" AND \"body\" AND \"d\""
        );
    }

    #[test]
    fn snippet_highlights_original_text() {
        let text = "Des hommes armés ont attaqué le marché de Ménaka mardi. Le bilan est lourd.";
        let s = snippet(text, &parse_query("menaka"), 200);
        assert_eq!(s.text, text);
        assert_eq!(s.marked("[", "]"), text.replace("Ménaka", "[Ménaka]"));
        let s = snippet(text, &parse_query("bilan"), 30);
        assert!(s.text.starts_with('…'), "{s:?}");
        assert!(s.marked("[", "]").contains("[bilan]"), "{s:?}");
    }

    #[test]
    fn snippet_in_arabic_maps_back_to_diacritised_text() {
        let text = "قُتل خمسة جنود في هجومٍ على ثكنةٍ بمدينةِ ميناكا";
        let s = snippet(text, &parse_query("مدينة"), 200);
        assert_eq!(s.highlights.len(), 1);
        let (a, b) = s.highlights[0];
        assert_eq!(&s.text[a..b], "بمدينةِ");
    }
}
