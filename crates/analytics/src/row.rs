//! The input row: one stored event as the analytics see it.

use chrono::NaiveDate;
use rasd_model::{Event, EventType, Inter, SubEventType};
use serde::{Deserialize, Serialize};

/// One event handed over by the caller (the CLI loads them from the store).
///
/// Owned strings so that a row outlives the query that produced it; building one from a
/// [`rasd_model::Event`] clones it ([`EventRow::from_event`]). Coordinates are two
/// named fields, WGS84 degrees, never a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// The store's event id; every flag, indicator and notable event points back to these.
    pub id: i64,
    pub event_date: NaiveDate,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
    /// ACLED inter code of `actor1` (1 state, 2 rebels, 3 political militias, 4 identity
    /// militias, 5 rioters, 6 protesters, 7 civilians, 8 external forces).
    pub inter1: Option<Inter>,
    pub inter2: Option<Inter>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<String>,
    /// WGS84 latitude in degrees.
    pub latitude: Option<f64>,
    /// WGS84 longitude in degrees.
    pub longitude: Option<f64>,
    pub fatalities: u32,
    /// Free tags (`drone`, `blockade`, `taxation`, `base_abandoned`, ...).
    pub tags: Vec<String>,
    /// ACLED notes or a summary; scanned for capability and control keywords (en/fr/ar).
    pub notes: Option<String>,
    /// How many source documents report this event (at least 1 for a coded event).
    pub sources: u32,
    /// The names of those sources (outlets); counted per bucket to separate more reporting
    /// from more violence.
    pub source_names: Vec<String>,
}

impl EventRow {
    /// A row from a coded event and its store id, or `None` when the event has no date (an
    /// undated event cannot be placed in any series). Sources default to one unnamed source;
    /// set `sources`, `source_names` and `notes` from the store when known.
    pub fn from_event(id: i64, event: &Event) -> Option<Self> {
        event.event_date?;
        EventRow::from_stored(id, event.clone(), None, None, 0)
    }

    /// A row from the fields the event store keeps for a stored event (`rasd_store::StoredEvent`:
    /// id, event, notes, `source` and `source_count`), moving the event's strings; `None` when
    /// the event has no date. The server's index and the CLI's loader both build rows with
    /// this, so an analysis means the same in `rasd warn` and `/api/v1/analytics/warnings`.
    ///
    /// `source` is the store's `;`-separated outlet field (ACLED's source column, or the
    /// distinct outlets of a Rasd event's documents): it becomes [`EventRow::source_names`].
    /// Rasd events count their documents (`source_count`), ACLED rows (`source_count` 0) their
    /// named outlets; at least one.
    pub fn from_stored(
        id: i64,
        event: Event,
        notes: Option<String>,
        source: Option<&str>,
        source_count: u32,
    ) -> Option<Self> {
        let e = event;
        let event_date = e.event_date?;
        let source_names = source_names(source);
        let sources = (source_count as usize).max(source_names.len()).max(1) as u32;
        Some(EventRow {
            id,
            event_date,
            event_type: e.event_type,
            sub_event_type: e.sub_event_type,
            actor1: e.actor1,
            assoc_actor_1: e.assoc_actor_1,
            actor2: e.actor2,
            assoc_actor_2: e.assoc_actor_2,
            inter1: e.inter1,
            inter2: e.inter2,
            country: e.country,
            admin1: e.admin1,
            admin2: e.admin2,
            location: e.location,
            latitude: e.latitude,
            longitude: e.longitude,
            fatalities: e.fatalities.unwrap_or(0),
            tags: e.tags,
            notes,
            sources,
            source_names,
        })
    }

    /// A minimal row (used by tests, examples and the synthetic benchmark); every optional
    /// field empty, one source.
    pub fn new(id: i64, event_date: NaiveDate, sub_event_type: SubEventType) -> Self {
        EventRow {
            id,
            event_date,
            event_type: sub_event_type.event_type(),
            sub_event_type,
            actor1: None,
            assoc_actor_1: None,
            actor2: None,
            assoc_actor_2: None,
            inter1: None,
            inter2: None,
            country: None,
            admin1: None,
            admin2: None,
            location: None,
            latitude: None,
            longitude: None,
            fatalities: 0,
            tags: Vec::new(),
            notes: None,
            sources: 1,
            source_names: Vec::new(),
        }
    }

    /// Builder: place the event (country, admin1, admin2).
    pub fn at(mut self, country: &str, admin1: &str, admin2: &str) -> Self {
        self.country = Some(country.to_string());
        self.admin1 = Some(admin1.to_string());
        self.admin2 = Some(admin2.to_string());
        self
    }

    /// Builder: actor1 and its inter code.
    pub fn actor1(mut self, name: &str, inter: Inter) -> Self {
        self.actor1 = Some(name.to_string());
        self.inter1 = Some(inter);
        self
    }

    /// Builder: actor2 and its inter code.
    pub fn actor2(mut self, name: &str, inter: Inter) -> Self {
        self.actor2 = Some(name.to_string());
        self.inter2 = Some(inter);
        self
    }

    /// Builder: fatalities.
    pub fn killed(mut self, fatalities: u32) -> Self {
        self.fatalities = fatalities;
        self
    }

    /// Builder: notes.
    pub fn notes(mut self, notes: &str) -> Self {
        self.notes = Some(notes.to_string());
        self
    }

    /// Builder: one tag.
    pub fn tag(mut self, tag: &str) -> Self {
        self.tags.push(tag.to_string());
        self
    }

    /// Builder: the sources that report the event (sets `sources` to their number).
    pub fn sourced(mut self, names: &[&str]) -> Self {
        self.source_names = names.iter().map(|s| s.to_string()).collect();
        self.sources = self.source_names.len().max(1) as u32;
        self
    }

    /// Builder: coordinates, given as latitude then longitude (the field order of the row).
    pub fn lat_lon(mut self, latitude: f64, longitude: f64) -> Self {
        self.latitude = Some(latitude);
        self.longitude = Some(longitude);
        self
    }
}

/// The outlets of a store `source` field (`"RFI; Studio Tamani"`), distinct, in order.
pub fn source_names(source: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for s in source.unwrap_or_default().split(';') {
        let s = s.trim();
        if !s.is_empty() && !names.iter().any(|n| n == s) {
            names.push(s.to_string());
        }
    }
    names
}

/// Index of an event type in [`EventType::ALL`] (a dense array index).
pub(crate) fn type_index(t: EventType) -> usize {
    EventType::ALL.iter().position(|&x| x == t).unwrap_or(0)
}

/// Index of a sub-event type in [`SubEventType::ALL`].
pub(crate) fn sub_index(s: SubEventType) -> usize {
    SubEventType::ALL.iter().position(|&x| x == s).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_source_fields_split_into_distinct_outlets() {
        assert_eq!(
            source_names(Some("RFI; Studio Tamani;RFI; ")),
            ["RFI", "Studio Tamani"]
        );
        assert!(source_names(None).is_empty());
    }

    #[test]
    fn stored_fields_become_a_row() {
        let mut e = Event {
            event_date: "2024-03-03".parse().ok(),
            time_precision: Some(1),
            event_type: EventType::Battles,
            sub_event_type: SubEventType::ArmedClash,
            actor1: None,
            assoc_actor_1: None,
            actor2: None,
            assoc_actor_2: None,
            inter1: None,
            inter2: None,
            country: Some("Mali".into()),
            admin1: None,
            admin2: None,
            location: None,
            latitude: None,
            longitude: None,
            geo_precision: None,
            fatalities: Some(4),
            confidence: 0.9,
            tags: Vec::new(),
            evidence: Vec::new(),
        };
        let r = EventRow::from_stored(7, e.clone(), None, Some("RFI; AFP"), 0).unwrap();
        assert_eq!((r.id, r.sources, r.fatalities), (7, 2, 4));
        assert_eq!(r.source_names, ["RFI", "AFP"]);
        // A Rasd event reported by three documents of one unnamed outlet.
        let r = EventRow::from_stored(8, e.clone(), None, None, 3).unwrap();
        assert_eq!((r.sources, r.source_names.len()), (3, 0));
        e.event_date = None;
        assert!(EventRow::from_stored(9, e, None, None, 1).is_none());
    }
}
