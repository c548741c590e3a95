//! How model types map onto rows: column lists, encoders and decoders shared by the SQLite
//! reader and writer.

use crate::{EventId, Origin, Result, StoreError, StoredEvent};
use chrono::NaiveDate;
use rasd_model::{Event, EventType, SubEventType};
use rusqlite::types::Value;
use rusqlite::Row;

/// Columns of an event row (the decoders read them in this order), for `SELECT ... FROM events e`.
pub const EVENT_COLUMNS: &str = "e.id, e.origin, e.event_date, e.time_precision, \
    e.event_type, e.sub_event_type, e.actor1, e.assoc_actor_1, e.inter1, e.actor2, \
    e.assoc_actor_2, e.inter2, e.country, e.admin1, e.admin2, e.location, e.latitude, \
    e.longitude, e.geo_precision, e.fatalities, e.confidence, e.tags, e.event_id_cnty, e.notes, \
    e.source, e.coder_version, e.source_count, e.updated_at";

/// Number of columns in [`EVENT_COLUMNS`].
#[cfg(test)]
pub(crate) const EVENT_COLUMN_COUNT: usize = 28;

/// The ACLED fields of an event (and the `sort_date` key derived from its date), in column order.
pub const EVENT_FIELD_NAMES: [&str; 21] = [
    "event_date",
    "sort_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "confidence",
    "tags",
];

pub(crate) fn date_text(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::Text(d.to_string()))
}

fn opt_text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::Text(s.clone()))
}

fn opt_int<T: Into<i64> + Copy>(v: Option<T>) -> Value {
    v.map_or(Value::Null, |v| Value::Integer(v.into()))
}

fn opt_real(v: Option<f64>) -> Value {
    v.map_or(Value::Null, Value::Real)
}

/// The values of [`EVENT_FIELD_NAMES`] for an event.
pub(crate) fn event_values(e: &Event) -> [Value; 21] {
    [
        date_text(e.event_date),
        Value::Text(e.event_date.map(|d| d.to_string()).unwrap_or_default()),
        opt_int(e.time_precision),
        Value::Text(e.event_type.as_acled().to_owned()),
        Value::Text(e.sub_event_type.as_acled().to_owned()),
        opt_text(&e.actor1),
        opt_text(&e.assoc_actor_1),
        opt_int(e.inter1),
        opt_text(&e.actor2),
        opt_text(&e.assoc_actor_2),
        opt_int(e.inter2),
        opt_text(&e.country),
        opt_text(&e.admin1),
        opt_text(&e.admin2),
        opt_text(&e.location),
        opt_real(e.latitude),
        opt_real(e.longitude),
        opt_int(e.geo_precision),
        opt_int(e.fatalities),
        Value::Real(f64::from(e.confidence)),
        Value::Text(serde_json::to_string(&e.tags).unwrap_or_else(|_| "[]".into())),
    ]
}

fn corrupt(column: &'static str, row_id: i64, value: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        table: "events",
        column,
        row_id,
        value: value.into(),
    }
}

pub(crate) fn parse_date(
    table: &'static str,
    column: &'static str,
    row_id: i64,
    s: Option<String>,
) -> Result<Option<NaiveDate>> {
    match s {
        None => Ok(None),
        Some(s) => s
            .parse::<NaiveDate>()
            .map(Some)
            .map_err(|_| StoreError::Corrupt {
                table,
                column,
                row_id,
                value: s,
            }),
    }
}

/// Decode a row selected with [`EVENT_COLUMNS`] starting at column `at`.
pub(crate) fn stored_event_at(row: &Row<'_>, at: usize) -> Result<StoredEvent> {
    let g = |e: rusqlite::Error| StoreError::Sqlite {
        operation: "read an event row",
        source: e,
    };
    let id: i64 = row.get(at).map_err(g)?;
    let origin: String = row.get(at + 1).map_err(g)?;
    let origin = Origin::parse(&origin).ok_or_else(|| corrupt("origin", id, origin.clone()))?;
    let event_type: String = row.get(at + 4).map_err(g)?;
    let event_type = EventType::from_acled(&event_type)
        .ok_or_else(|| corrupt("event_type", id, &*event_type))?;
    let sub: String = row.get(at + 5).map_err(g)?;
    let sub_event_type =
        SubEventType::from_acled(&sub).ok_or_else(|| corrupt("sub_event_type", id, &*sub))?;
    let tags: String = row.get(at + 21).map_err(g)?;
    let tags = serde_json::from_str(&tags).map_err(|source| StoreError::Json {
        table: "events",
        column: "tags",
        row_id: id,
        source,
    })?;
    let confidence: f64 = row.get(at + 20).map_err(g)?;
    let event = Event {
        event_date: parse_date("events", "event_date", id, row.get(at + 2).map_err(g)?)?,
        time_precision: row.get(at + 3).map_err(g)?,
        event_type,
        sub_event_type,
        actor1: row.get(at + 6).map_err(g)?,
        assoc_actor_1: row.get(at + 7).map_err(g)?,
        inter1: row.get(at + 8).map_err(g)?,
        actor2: row.get(at + 9).map_err(g)?,
        assoc_actor_2: row.get(at + 10).map_err(g)?,
        inter2: row.get(at + 11).map_err(g)?,
        country: row.get(at + 12).map_err(g)?,
        admin1: row.get(at + 13).map_err(g)?,
        admin2: row.get(at + 14).map_err(g)?,
        location: row.get(at + 15).map_err(g)?,
        latitude: row.get(at + 16).map_err(g)?,
        longitude: row.get(at + 17).map_err(g)?,
        geo_precision: row.get(at + 18).map_err(g)?,
        fatalities: row.get(at + 19).map_err(g)?,
        confidence: confidence as f32,
        tags,
        evidence: Vec::new(),
    };
    Ok(StoredEvent {
        id: EventId(id),
        origin,
        event,
        event_id_cnty: row.get(at + 22).map_err(g)?,
        notes: row.get(at + 23).map_err(g)?,
        source: row.get(at + 24).map_err(g)?,
        coder_version: row.get(at + 25).map_err(g)?,
        source_count: row.get(at + 26).map_err(g)?,
        updated_at: row.get(at + 27).map_err(g)?,
    })
}

/// Decode a row selected with [`EVENT_COLUMNS`] first.
pub(crate) fn stored_event(row: &Row<'_>) -> Result<StoredEvent> {
    stored_event_at(row, 0)
}

/// The names an actor field holds: ACLED separates several associated actors with `;`.
pub fn actor_names(field: Option<&str>) -> impl Iterator<Item = &str> {
    field
        .into_iter()
        .flat_map(|f| f.split(';'))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Lower-case, accent-free form of an actor name for substring search.
pub fn actor_norm(name: &str) -> String {
    rasd_text::normalize(name).as_str().to_owned()
}

/// Escape `%`, `_` and `\` for `LIKE ... ESCAPE '\'`.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_names_split_lists() {
        let v: Vec<&str> = actor_names(Some("Dan Na Ambassagou; Dozo Militia ;")).collect();
        assert_eq!(v, ["Dan Na Ambassagou", "Dozo Militia"]);
        assert_eq!(actor_names(None).count(), 0);
    }

    #[test]
    fn like_escaping() {
        assert_eq!(like_escape("50%_a\\b"), "50\\%\\_a\\\\b");
    }

    #[test]
    fn column_lists_agree() {
        assert_eq!(EVENT_COLUMNS.split(',').count(), EVENT_COLUMN_COUNT);
    }
}
