//! Places as the coder sees them, whatever the geoparser behind them.

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
}

/// Find places in a document. `countries` are hints implied by the actors.
pub fn find_places(_text: &rasd_text::Normalized, _countries: &[String]) -> Vec<Place> {
    Vec::new()
}
