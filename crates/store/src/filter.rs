//! Event filters and keyset pagination.

use crate::{EventId, Origin, Result, StoreError};
use chrono::NaiveDate;
use rasd_model::{EventType, SubEventType};
use serde::{Deserialize, Serialize};

/// Which events [`Store::events`](crate::Store::events) returns. Every field narrows the result;
/// the default matches every event, newest first, 100 per page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    /// First day, inclusive. Undated events never match a date bound.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Exact name, case-insensitive (ASCII case: accents must match the stored ACLED spelling).
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// Case- and accent-insensitive substring of actor1, actor2 or an associated actor.
    pub actor: Option<String>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    /// Full-text query (see [`Store::search`](crate::Store::search)) over the documents
    /// reporting the event and over ACLED notes.
    pub text: Option<String>,
    /// Within a distance of a point.
    pub near: Option<Near>,
    /// Inside a latitude/longitude box.
    pub bbox: Option<BBox>,
    pub origin: Option<Origin>,
    /// Minimum coder confidence (ACLED imports carry whatever the importer set).
    pub min_confidence: Option<f32>,
    /// Page size, default [`EventFilter::DEFAULT_LIMIT`], at most [`EventFilter::MAX_LIMIT`].
    pub limit: Option<usize>,
    /// Continue after this cursor (from [`EventPage::next`](crate::EventPage::next)).
    pub after: Option<Cursor>,
    pub sort: Sort,
}

impl EventFilter {
    pub const DEFAULT_LIMIT: usize = 100;
    pub const MAX_LIMIT: usize = 10_000;

    /// The effective page size.
    pub fn page_size(&self) -> usize {
        self.limit
            .unwrap_or(Self::DEFAULT_LIMIT)
            .clamp(1, Self::MAX_LIMIT)
    }

    /// Reject values no query can use (an inverted box, a negative radius...).
    pub fn validate(&self) -> Result<()> {
        let bad = |field, reason| Err(StoreError::InvalidFilter { field, reason });
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                return bad("from", "after `to`");
            }
        }
        if let Some(n) = self.near {
            if !(-90.0..=90.0).contains(&n.lat) || !(-180.0..=180.0).contains(&n.lon) {
                return bad(
                    "near",
                    "latitude must be in [-90, 90], longitude in [-180, 180]",
                );
            }
            if !(n.km.is_finite() && n.km >= 0.0) {
                return bad("near", "distance must be a non-negative number of km");
            }
        }
        if let Some(b) = self.bbox {
            if !(b.min_lat <= b.max_lat && b.min_lon <= b.max_lon) {
                return bad(
                    "bbox",
                    "min must not exceed max (boxes across the antimeridian are not supported)",
                );
            }
        }
        Ok(())
    }
}

/// A circle: events within `km` of (`lat`, `lon`). Latitude first, as the field names say.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Near {
    /// WGS84 latitude in degrees.
    pub lat: f64,
    /// WGS84 longitude in degrees.
    pub lon: f64,
    /// Great-circle radius in kilometres.
    pub km: f64,
}

/// A latitude/longitude box, bounds inclusive, in WGS84 degrees. Named fields, because GeoJSON
/// and most web maps give boxes as `[min_lon, min_lat, max_lon, max_lat]` (longitude first)
/// while people say "lat, lon".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub min_lat: f64,
    pub min_lon: f64,
    pub max_lat: f64,
    pub max_lon: f64,
}

/// Result order. Events without a date come last newest-first and first oldest-first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Newest first, then highest id.
    #[default]
    DateDesc,
    /// Oldest first, then lowest id.
    DateAsc,
}

/// Keyset-pagination position: the (date, id) of the last event of a page. Stable under
/// concurrent inserts, and as fast for page 1000 as for page 1 (no OFFSET).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The last event's date; `None` for an undated event.
    pub date: Option<NaiveDate>,
    pub id: EventId,
}

impl Cursor {
    /// An opaque string for URLs: `2019-03-01.1234`, or `.1234` for an undated event.
    pub fn encode(&self) -> String {
        match self.date {
            Some(d) => format!("{d}.{}", self.id.0),
            None => format!(".{}", self.id.0),
        }
    }

    /// Parse what [`Cursor::encode`] produced.
    pub fn decode(s: &str) -> Result<Self> {
        let bad = || StoreError::InvalidCursor {
            cursor: s.to_owned(),
        };
        let (date, id) = s.rsplit_once('.').ok_or_else(bad)?;
        let id = id.parse::<i64>().map_err(|_| bad())?;
        let date = if date.is_empty() {
            None
        } else {
            Some(date.parse::<NaiveDate>().map_err(|_| bad())?)
        };
        Ok(Cursor {
            date,
            id: EventId(id),
        })
    }

    /// The `sort_date` column value.
    pub fn sort_key(&self) -> String {
        self.date.map(|d| d.to_string()).unwrap_or_default()
    }
}

impl Serialize for Cursor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Cursor {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Cursor::decode(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trip() {
        for c in [
            Cursor {
                date: Some(NaiveDate::from_ymd_opt(2019, 3, 1).unwrap()),
                id: EventId(42),
            },
            Cursor {
                date: None,
                id: EventId(7),
            },
        ] {
            assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        }
        for bad in ["", "x", "2019-03-01", "2019-13-01.4", "2019-03-01.x"] {
            assert!(Cursor::decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn validation() {
        let ok = EventFilter::default();
        assert!(ok.validate().is_ok());
        let bad = EventFilter {
            bbox: Some(BBox {
                min_lat: 10.0,
                min_lon: 5.0,
                max_lat: 9.0,
                max_lon: 6.0,
            }),
            ..Default::default()
        };
        assert!(matches!(
            bad.validate(),
            Err(StoreError::InvalidFilter { field: "bbox", .. })
        ));
        let bad = EventFilter {
            near: Some(Near {
                lat: 14.0,
                lon: -4.0,
                km: -1.0,
            }),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        assert_eq!(
            EventFilter {
                limit: Some(0),
                ..ok.clone()
            }
            .page_size(),
            1
        );
    }
}
