//! Places as the coder sees them: resolved mentions from the geoparser (`rasd-geo`).

use rasd_geo::{Gazetteer, GeoHints, PlaceKind};

/// A resolved place mention (byte range in the normalised text).
#[derive(Debug, Clone)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub location: String,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// WGS84 latitude, degrees.
    pub latitude: Option<f64>,
    /// WGS84 longitude, degrees.
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    /// The mention names a whole country (not a place where an event can be pinned).
    pub is_country: bool,
    /// How likely this is the event's place rather than one mentioned in passing (0-1).
    pub score: f32,
    /// Where something was said, not done ("in a statement issued in Bamako").
    pub said: bool,
    /// Named in passing: where fighters came from or fled to ("came from the Sambisa axis").
    pub passing: bool,
    /// A cue stands by the name ("village of", "near", "région de").
    pub cued: bool,
}

/// Find places in a document. `original` is the text `text` was normalised from (Latin place
/// names must be capitalised there); `countries`, `roaming` (homes of groups that cross borders)
/// and admin1 `areas` (`ISO2:Name`) are hints implied by the actors; `local_areas` are those of
/// the communities the text names.
pub fn find_places(
    original: &str,
    text: &rasd_text::Normalized,
    countries: &[String],
    roaming: &[String],
    (areas, local_areas): (Vec<String>, Vec<String>),
) -> Vec<Place> {
    let hints = GeoHints {
        countries: countries.to_vec(),
        roaming: roaming.to_vec(),
        areas,
        local_areas,
    };
    let mut mentions = Gazetteer::embedded().geoparse_original(original, text, &hints);
    // The coder looks places up by offset with binary searches.
    mentions.sort_by_key(|m| (m.start, m.end));
    mentions
        .into_iter()
        .map(|m| Place {
            start: m.start,
            end: m.end,
            // A town is named as the report writes it ("Malam Fatori", "Douekire"); regions
            // and countries keep ACLED's names.
            location: (m.kind == PlaceKind::Locality)
                .then(|| {
                    let (a, b) = text.original_span(m.start, m.end);
                    original.get(a..b).and_then(rasd_geo::written_name)
                })
                .flatten()
                .unwrap_or(m.location),
            country: m.country,
            admin1: m.admin1,
            admin2: m.admin2,
            latitude: Some(m.latitude),
            longitude: Some(m.longitude),
            geo_precision: m.geo_precision,
            is_country: m.kind == PlaceKind::Country,
            score: m.score,
            said: m.said,
            passing: m.passing,
            cued: m.cue.is_some(),
        })
        .collect()
}

/// "Teachers marched in the capital", "in Niger's capital", "manifestation dans la capitale",
/// "في العاصمة": the
/// capital of the document's `country`, placed at the phrase. "The capital of Israel" names
/// another country's and is left alone.
pub fn capital_places(text: &rasd_text::Normalized, country: &str) -> Vec<Place> {
    use std::sync::OnceLock;
    static PHRASES: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        aho_corasick::AhoCorasick::new(["the capital", "la capitale", "العاصمه", "'s capital"])
            .expect("four fixed phrases compile")
    });
    let t = text.as_str();
    let spans: Vec<(usize, usize)> = phrases
        .find_iter(t)
        .map(|m| (m.start(), m.end()))
        .filter(|&(i, end)| {
            // Arabic takes clitics before the article ("بالعاصمه", "في العاصمه").
            // "Niger's capital": the possessive follows the country's name.
            let starts = t[i..].starts_with(['ا', '\'']) || rasd_text::is_word_byte_boundary(t, i);
            let rest = t[end..].trim_start();
            // "200 kilometers north of the capital", "à 60 km au nord de la capitale", "شمال
            // العاصمه": the capital locates another place.
            let before = &t[..i];
            let landmark = rasd_geo::direction_before(before);
            starts
                && !landmark
                && rasd_text::is_word_byte_boundary(t, end)
                && !["of ", "de ", "d'", "du ", "des "]
                    .iter()
                    .any(|w| rest.starts_with(w))
        })
        .collect();
    // "Mali's capital" in a report about Niger is not Niamey (the text is lower case).
    let own = |i: usize| {
        let before = &t.as_bytes()[..i];
        before.len() >= country.len()
            && before[before.len() - country.len()..].eq_ignore_ascii_case(country.as_bytes())
    };
    let spans: Vec<(usize, usize)> = spans
        .into_iter()
        .filter(|&(i, _)| !t[i..].starts_with('\'') || own(i))
        .collect();
    if spans.is_empty() {
        return Vec::new();
    }
    let Some(m) = capital(country) else {
        return Vec::new();
    };
    spans
        .into_iter()
        .map(|(start, end)| Place {
            start,
            end,
            location: m.location.clone(),
            country: m.country.clone(),
            admin1: m.admin1.clone(),
            admin2: m.admin2.clone(),
            latitude: Some(m.latitude),
            longitude: Some(m.longitude),
            geo_precision: m.geo_precision,
            is_country: false,
            score: m.score,
            said: false,
            passing: false,
            cued: false,
        })
        .collect()
}

/// The gazetteer's entry for `country`'s capital, looked up once for every covered country.
fn capital(country: &str) -> Option<&'static rasd_geo::PlaceMention> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static CAPITALS: OnceLock<HashMap<&'static str, rasd_geo::PlaceMention>> = OnceLock::new();
    CAPITALS
        .get_or_init(|| {
            rasd_geo::capitals()
                .filter_map(|(country, name)| {
                    let hints = GeoHints {
                        countries: vec![country.to_string()],
                        roaming: Vec::new(),
                        ..Default::default()
                    };
                    let norm = rasd_text::normalize(name);
                    Gazetteer::embedded()
                        .geoparse_original(name, &norm, &hints)
                        .into_iter()
                        .find(|m| m.country == country && m.kind != PlaceKind::Country)
                        .map(|m| (country, m))
                })
                .collect()
        })
        .get(country)
}
