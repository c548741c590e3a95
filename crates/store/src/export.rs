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
//! Parquet is not offered: the `parquet`/`arrow` crates would be a third of the workspace's
//! compile time; CSV and JSONL load into every dataframe library.

use crate::{EventFilter, Origin, Result, Store, StoreError, StoredEvent};
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
}

impl ExportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::GeoJson => "geojson",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "jsonl" | "ndjson" => Some(ExportFormat::Jsonl),
            "geojson" => Some(ExportFormat::GeoJson),
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

fn num<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// ACLED's numeric interaction code: both inter codes, lower first; `inter1 * 10` alone.
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u16> {
    let a = u16::from(inter1?);
    Some(match inter2.map(u16::from).filter(|&b| b > 0) {
        Some(b) => a.min(b) * 10 + a.max(b),
        None => a * 10,
    })
}

/// The CSV cells of one event, in [`ACLED_COLUMNS`] order.
pub fn acled_row(s: &StoredEvent) -> [String; 31] {
    let e = &s.event;
    let id = match (s.origin, &s.event_id_cnty) {
        (Origin::Acled, Some(id)) => id.clone(),
        _ => format!("rasd-{}", s.id.0),
    };
    let violent = e.event_type.is_violent()
        || e.sub_event_type == rasd_model::SubEventType::ExcessiveForceAgainstProtesters
        || e.event_type == EventType::Riots;
    let civilian_targeting = if violent && e.inter2 == Some(7) {
        "Civilian targeting"
    } else {
        ""
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        id,
        num(e.event_date),
        num(e.event_date.map(|d| chrono::Datelike::year(&d))),
        num(e.time_precision),
        String::new(),
        e.event_type.as_acled().to_owned(),
        e.sub_event_type.as_acled().to_owned(),
        text(&e.actor1),
        text(&e.assoc_actor_1),
        num(e.inter1),
        text(&e.actor2),
        text(&e.assoc_actor_2),
        num(e.inter2),
        num(interaction(e.inter1, e.inter2)),
        civilian_targeting.to_owned(),
        String::new(),
        String::new(),
        text(&e.country),
        text(&e.admin1),
        text(&e.admin2),
        String::new(),
        text(&e.location),
        num(e.latitude),
        num(e.longitude),
        num(e.geo_precision),
        text(&s.source),
        String::new(),
        text(&s.notes),
        num(e.fatalities),
        e.tags.join("; "),
        s.updated_at.to_string(),
    ]
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
pub fn export_events<S: Store + ?Sized, W: Write>(
    store: &S,
    filter: &EventFilter,
    format: ExportFormat,
    out: W,
) -> Result<ExportSummary> {
    match format {
        ExportFormat::Csv => write_events(store, filter, CsvExport::new(out)?),
        ExportFormat::Jsonl => write_events(store, filter, JsonlExport::new(out)),
        ExportFormat::GeoJson => write_events(store, filter, GeoJsonExport::new(out)?),
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
        ] {
            assert_eq!(ExportFormat::parse(f.as_str()), Some(f));
        }
    }
}
