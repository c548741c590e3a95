//! Coded events and their evidence.

use crate::{EventType, Inter, Language, SubEventType};
use serde::{Deserialize, Serialize};

/// Which field of the ACLED record a span of text supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Trigger,
    Actor1,
    Actor2,
    Location,
    Date,
    Fatalities,
}

/// Which document field an evidence span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceField {
    #[default]
    Text,
    Title,
}

impl EvidenceField {
    fn is_text(&self) -> bool {
        *self == EvidenceField::Text
    }
}

/// A byte range `[start, end)` of the original document text (or title) that supports a field.
/// Offsets are UTF-8 byte offsets into the string exactly as received, and always fall on
/// character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub role: Role,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "EvidenceField::is_text")]
    pub field: EvidenceField,
}

/// One event with the ACLED fields. Unknown values are `None` (serialised as `null`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub event_date: Option<chrono::NaiveDate>,
    /// 1 = day known, 2 = week, 3 = month or vaguer.
    pub time_precision: Option<u8>,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: Option<String>,
    pub assoc_actor_1: Option<String>,
    pub actor2: Option<String>,
    pub assoc_actor_2: Option<String>,
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
    pub geo_precision: Option<u8>,
    pub fatalities: Option<u32>,
    /// 0-1: how sure the coder is that this is a real, new event coded right.
    pub confidence: f32,
    /// Free tags for analysis (`drone`, `blockade`, `taxation`, `hedged`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// The output line of `rasd code` for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodedDocument {
    pub id: String,
    pub lang: Language,
    pub events: Vec<Event>,
}
