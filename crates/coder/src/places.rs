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
}

/// Find places in a document. `original` is the text `text` was normalised from (Latin place
/// names must be capitalised there); `countries`, `roaming` (homes of groups that cross borders)
/// and admin1 `areas` (`ISO2:Name`) are hints implied by the actors.
pub fn find_places(
    original: &str,
    text: &rasd_text::Normalized,
    countries: &[String],
    roaming: &[String],
    areas: &[String],
) -> Vec<Place> {
    let hints = GeoHints {
        countries: countries.to_vec(),
        roaming: roaming.to_vec(),
        areas: areas.to_vec(),
    };
    let mut mentions = Gazetteer::embedded().geoparse_original(original, text, &hints);
    // The coder looks places up by offset with binary searches.
    mentions.sort_by_key(|m| (m.start, m.end));
    mentions
        .into_iter()
        .map(|m| Place {
            start: m.start,
            end: m.end,
            location: m.location,
            country: m.country,
            admin1: m.admin1,
            admin2: m.admin2,
            latitude: Some(m.latitude),
            longitude: Some(m.longitude),
            geo_precision: m.geo_precision,
            is_country: m.kind == PlaceKind::Country,
            score: m.score,
        })
        .collect()
}
