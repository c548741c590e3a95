//! National news outlets by country (`data/lexicon/outlets.tsv`): the country a document's
//! `source` field names ("Sidwaya": Burkina Faso). Read from the source field only, never from
//! the text (a report that quotes "Daily Trust" may be about anywhere).

use rasd_text::{is_word_byte_boundary, normalize};
use std::sync::LazyLock;

/// Every (outlet name, ACLED country) line of the file as written, for checks; a line without
/// a tab has an empty name.
pub fn outlets() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../../../data/lexicon/outlets.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (country, name) = l.split_once('\t').unwrap_or((l, ""));
            (name.trim(), country.trim())
        })
}

/// (normalised outlet name, ACLED country name).
static OUTLETS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    outlets()
        .map(|(name, country)| (normalize(name).as_str().to_string(), country))
        .filter(|(name, _)| !name.is_empty())
        .collect()
});

/// The country of the outlets a `source` field names (whole words, after normalisation); none
/// when it names none, or outlets of several countries.
pub fn outlet_country(source: &str) -> Option<&'static str> {
    let norm = normalize(source);
    let text = norm.as_str();
    let mut found: Option<&'static str> = None;
    for (name, country) in OUTLETS.iter() {
        let hit = text.match_indices(name.as_str()).any(|(i, _)| {
            is_word_byte_boundary(text, i) && is_word_byte_boundary(text, i + name.len())
        });
        if hit {
            if found.is_some_and(|f| f != *country) {
                return None;
            }
            found = Some(country);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::outlet_country;

    #[test]
    fn outlets_are_found_as_whole_words_and_conflicting_ones_cancel() {
        assert_eq!(outlet_country("Sidwaya; AFP"), Some("Burkina Faso"));
        assert_eq!(outlet_country("L'Observateur Paalga"), Some("Burkina Faso"));
        assert_eq!(outlet_country("AFP; Reuters"), None);
        assert_eq!(outlet_country("Sidwaya; Studio Tamani"), None);
        // Inside another word it is no outlet.
        assert_eq!(outlet_country("Kibarumedia"), None);
    }
}
