//! Streaming exports of filtered events: ACLED-style CSV, JSON Lines and GeoJSON.
//!
//! Writers take any [`std::io::Write`] and write one event at a time; [`export_events`] pages
//! through the store with the keyset cursor, so memory stays flat however many events match.
//!
//! **CSV** uses ACLED's column names in ACLED's order ([`ACLED_COLUMNS`]; the columns of the
//! ACLED Sahel evaluation file are a subset in the same order, so readers keyed by column name
//! read both). Columns Rasd does not know are left empty: `disorder_type`, `iso`, `region`,
//! `admin3`, `source_scale` (and `notes` for Rasd events). Derived columns: `year` from the
//! date; `interaction` as ACLED's two-digit code (the lower inter code first, `inter1 * 10`
//! without a second actor); `civilian_targeting` = "Civilian targeting" when actor2 is
//! civilians (inter 7) in political violence; `timestamp` = last update (unix seconds). Unknown
//! values (fatalities, inter codes) are empty cells, not ACLED's `0`, so an export never claims
//! "no fatalities" where the sources said nothing. Rasd events get `event_id_cnty` =
//! `rasd-<id>` so rows lead back to [`Store::event_detail`].
//!
//! **GeoJSON** hazard: positions are `[longitude, latitude]` (RFC 7946), the reverse of the
//! "lat, lon" people say and of [`Near`](crate::Near). Events without coordinates cannot be
//! features and are skipped (counted in [`ExportSummary::skipped_without_coordinates`]).
//!
//! **Parquet** ([`ParquetExport`], cargo feature `parquet`, on by default) has the CSV's columns
//! in the same order with types ([`acled_values`] feeds both, so they cannot disagree): dates
//! as `DATE`, codes and years as `INT32`, fatalities and the timestamp as `INT64`, coordinates
//! as `DOUBLE`, text as UTF-8 `STRING`; what the CSV leaves empty is null.

use crate::{EventFilter, Origin, Result, Store, StoreError, StoredEvent};
use chrono::NaiveDate;
use rasd_model::EventType;
use serde_json::json;
use std::io::Write;

/// ACLED's export columns, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Jsonl,
    GeoJson,
    /// Needs the `parquet` feature (on by default).
    Parquet,
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Parquet => "parquet",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "jsonl" | "ndjson" => Some(ExportFormat::Jsonl),
            "geojson" => Some(ExportFormat::GeoJson),
            "parquet" => Some(ExportFormat::Parquet),
            _ => None,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExportSummary {
    pub written: u64,
    /// GeoJSON only: events without coordinates.
    pub skipped_without_coordinates: u64,
}

/// A streaming event writer.
pub trait EventWriter {
    /// Write one event.
    fn write_event(&mut self, event: &StoredEvent) -> Result<()>;
    /// Write any trailer and flush; returns the counts.
    fn finish(self) -> Result<ExportSummary>;
}

fn io_err(format: ExportFormat) -> impl Fn(std::io::Error) -> StoreError {
    move |source| StoreError::Export {
        format: format.as_str(),
        source,
    }
}

/// One typed cell of an ACLED row: the CSV writes it as text (unknown = empty cell), Parquet
/// as a typed column (unknown = null).
#[derive(Debug, Clone, PartialEq)]
pub enum AcledValue {
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Int(Option<i64>),
    Real(Option<f64>),
}

impl AcledValue {
    /// The CSV cell.
    pub fn into_cell(self) -> String {
        fn num<T: ToString>(v: Option<T>) -> String {
            v.map(|v| v.to_string()).unwrap_or_default()
        }
        match self {
            AcledValue::Text(v) => v.unwrap_or_default(),
            AcledValue::Date(v) => num(v),
            AcledValue::Int(v) => num(v),
            AcledValue::Real(v) => num(v),
        }
    }
}

/// ACLED's numeric interaction code: both inter codes, lower first; `inter1 * 10` alone.
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u16> {
    let a = u16::from(inter1?);
    Some(match inter2.map(u16::from).filter(|&b| b > 0) {
        Some(b) => a.min(b) * 10 + a.max(b),
        None => a * 10,
    })
}

/// The typed cells of one event, in [`ACLED_COLUMNS`] order.
pub fn acled_values(s: &StoredEvent) -> [AcledValue; 31] {
    use AcledValue::{Date, Int, Real, Text};
    let e = &s.event;
    let id = match (s.origin, &s.event_id_cnty) {
        (Origin::Acled, Some(id)) => id.clone(),
        _ => format!("rasd-{}", s.id.0),
    };
    let violent = e.event_type.is_violent()
        || e.sub_event_type == rasd_model::SubEventType::ExcessiveForceAgainstProtesters
        || e.event_type == EventType::Riots;
    let civilian_targeting = (violent && e.inter2 == Some(7)).then(|| "Civilian targeting".into());
    let int = |v: Option<u8>| Int(v.map(i64::from));
    [
        Text(Some(id)),
        Date(e.event_date),
        Int(e.event_date.map(|d| i64::from(chrono::Datelike::year(&d)))),
        int(e.time_precision),
        Text(None),
        Text(Some(e.event_type.as_acled().to_owned())),
        Text(Some(e.sub_event_type.as_acled().to_owned())),
        Text(e.actor1.clone()),
        Text(e.assoc_actor_1.clone()),
        int(e.inter1),
        Text(e.actor2.clone()),
        Text(e.assoc_actor_2.clone()),
        int(e.inter2),
        Int(interaction(e.inter1, e.inter2).map(i64::from)),
        Text(civilian_targeting),
        Int(None),
        Text(None),
        Text(e.country.clone()),
        Text(e.admin1.clone()),
        Text(e.admin2.clone()),
        Text(None),
        Text(e.location.clone()),
        Real(e.latitude),
        Real(e.longitude),
        int(e.geo_precision),
        Text(s.source.clone()),
        Text(None),
        Text(s.notes.clone()),
        Int(e.fatalities.map(i64::from)),
        Text((!e.tags.is_empty()).then(|| e.tags.join("; "))),
        Int(Some(s.updated_at)),
    ]
}

/// The CSV cells of one event, in [`ACLED_COLUMNS`] order.
pub fn acled_row(s: &StoredEvent) -> [String; 31] {
    acled_values(s).map(AcledValue::into_cell)
}

/// CSV with ACLED's header.
pub struct CsvExport<W: Write> {
    out: csv::Writer<W>,
    written: u64,
}

impl<W: Write> CsvExport<W> {
    /// Start the file (writes the header).
    pub fn new(out: W) -> Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(ACLED_COLUMNS)
            .map_err(|e| io_err(ExportFormat::Csv)(e.into()))?;
        Ok(CsvExport { out, written: 0 })
    }
}

impl<W: Write> EventWriter for CsvExport<W> {
    fn write_event(&mut self, event: &StoredEvent) -> Result<()> {
        self.out
            .write_record(acled_row(event))
            .map_err(|e| io_err(ExportFormat::Csv)(e.into()))?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<ExportSummary> {
        self.out.flush().map_err(io_err(ExportFormat::Csv))?;
        Ok(ExportSummary {
            written: self.written,
            skipped_without_coordinates: 0,
        })
    }
}

/// One [`StoredEvent`] JSON object per line.
pub struct JsonlExport<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> JsonlExport<W> {
    pub fn new(out: W) -> Self {
        JsonlExport { out, written: 0 }
    }
}

impl<W: Write> EventWriter for JsonlExport<W> {
    fn write_event(&mut self, event: &StoredEvent) -> Result<()> {
        serde_json::to_writer(&mut self.out, event)
            .map_err(|e| io_err(ExportFormat::Jsonl)(e.into()))?;
        self.out
            .write_all(b"\n")
            .map_err(io_err(ExportFormat::Jsonl))?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<ExportSummary> {
        self.out.flush().map_err(io_err(ExportFormat::Jsonl))?;
        Ok(ExportSummary {
            written: self.written,
            skipped_without_coordinates: 0,
        })
    }
}

/// A GeoJSON FeatureCollection of Point features, streamed. Coordinates are
/// `[longitude, latitude]`.
pub struct GeoJsonExport<W: Write> {
    out: W,
    written: u64,
    skipped: u64,
}

impl<W: Write> GeoJsonExport<W> {
    /// Start the collection (writes its opening).
    pub fn new(mut out: W) -> Result<Self> {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
            .map_err(io_err(ExportFormat::GeoJson))?;
        Ok(GeoJsonExport {
            out,
            written: 0,
            skipped: 0,
        })
    }
}

impl<W: Write> EventWriter for GeoJsonExport<W> {
    fn write_event(&mut self, s: &StoredEvent) -> Result<()> {
        let (Some(lat), Some(lon)) = (s.event.latitude, s.event.longitude) else {
            self.skipped += 1;
            return Ok(());
        };
        let mut properties =
            serde_json::to_value(s).map_err(|e| io_err(ExportFormat::GeoJson)(e.into()))?;
        if let Some(p) = properties.as_object_mut() {
            p.remove("evidence");
        }
        let feature = json!({
            "type": "Feature",
            "id": s.id.0,
            // RFC 7946: longitude first.
            "geometry": { "type": "Point", "coordinates": [lon, lat] },
            "properties": properties,
        });
        if self.written > 0 {
            self.out
                .write_all(b",\n")
                .map_err(io_err(ExportFormat::GeoJson))?;
        }
        serde_json::to_writer(&mut self.out, &feature)
            .map_err(|e| io_err(ExportFormat::GeoJson)(e.into()))?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<ExportSummary> {
        self.out
            .write_all(b"\n]}\n")
            .and_then(|_| self.out.flush())
            .map_err(io_err(ExportFormat::GeoJson))?;
        Ok(ExportSummary {
            written: self.written,
            skipped_without_coordinates: self.skipped,
        })
    }
}

/// Page through every event matching `filter` (its `limit` and `after` are ignored) and feed
/// them to `writer`.
pub fn write_events<S: Store + ?Sized, E: EventWriter>(
    store: &S,
    filter: &EventFilter,
    mut writer: E,
) -> Result<ExportSummary> {
    let mut page_filter = filter.clone();
    page_filter.limit = Some(1000);
    page_filter.after = None;
    loop {
        let page = store.events(&page_filter)?;
        for e in &page.events {
            writer.write_event(e)?;
        }
        match page.next {
            Some(c) => page_filter.after = Some(c),
            None => break,
        }
    }
    writer.finish()
}

/// Export every event matching `filter` to `out` in `format`.
pub fn export_events<S: Store + ?Sized, W: Write + Send>(
    store: &S,
    filter: &EventFilter,
    format: ExportFormat,
    out: W,
) -> Result<ExportSummary> {
    match format {
        ExportFormat::Csv => write_events(store, filter, CsvExport::new(out)?),
        ExportFormat::Jsonl => write_events(store, filter, JsonlExport::new(out)),
        ExportFormat::GeoJson => write_events(store, filter, GeoJsonExport::new(out)?),
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => write_events(store, filter, crate::ParquetExport::new(out)?),
        #[cfg(not(feature = "parquet"))]
        ExportFormat::Parquet => Err(StoreError::FormatNotBuilt { format: "parquet" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_codes() {
        assert_eq!(interaction(Some(2), Some(1)), Some(12));
        assert_eq!(interaction(Some(1), Some(7)), Some(17));
        assert_eq!(interaction(Some(6), None), Some(60));
        assert_eq!(interaction(Some(3), Some(0)), Some(30));
        assert_eq!(interaction(None, Some(1)), None);
    }

    #[test]
    fn formats_parse() {
        for f in [
            ExportFormat::Csv,
            ExportFormat::Jsonl,
            ExportFormat::GeoJson,
            ExportFormat::Parquet,
        ] {
            assert_eq!(ExportFormat::parse(f.as_str()), Some(f));
        }
    }
}
