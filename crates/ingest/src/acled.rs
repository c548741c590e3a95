//! ACLED CSV exports to events, read by column name.
//!
//! ACLED exports differ by vintage and by the tool that produced them: with or without `iso`,
//! `region`, `admin3`, `timestamp`, `civilian_targeting`, `tags`; columns in different orders;
//! dates as `2019-01-17` or `17 January 2019`; inter codes as numbers (`1`) or, in newer
//! exports, labels (`State forces`). Columns are therefore found by header name, optional ones
//! may be missing, and each row is checked on its own: a bad row is one `Err` naming the file
//! and line, and the rows after it are still read.

use crate::dates::parse_ymd;
use crate::Error;
use chrono::NaiveDate;
use rasd_model::{Event, EventType, Inter, SubEventType};
use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One ACLED row: the event (with `confidence` 1.0, no evidence) and the row's own fields.
#[derive(Debug, Clone, PartialEq)]
pub struct AcledRow {
    pub event: Event,
    /// ACLED's event id (`MLI1234`).
    pub event_id_cnty: String,
    pub notes: Option<String>,
    /// ACLED's `source` column (the reporting outlets).
    pub source: Option<String>,
}

/// Columns that must be present.
const REQUIRED: [&str; 3] = ["event_id_cnty", "event_date", "sub_event_type"];

/// Rows of an ACLED export; see [`read_acled_csv`].
pub struct AcledReader<R> {
    path: PathBuf,
    csv: csv::Reader<R>,
    columns: HashMap<String, usize>,
    record: csv::StringRecord,
}

impl<R> std::fmt::Debug for AcledReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AcledReader")
            .field("path", &self.path)
            .finish()
    }
}

/// Open an ACLED CSV export. Fails when the file cannot be opened or the header lacks
/// `event_id_cnty`, `event_date` or `sub_event_type`; then yields one `Result` per row.
///
/// ```
/// # let dir = std::env::temp_dir().join(format!("rasd-acled-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let path = dir.join("export.csv");
/// std::fs::write(&path, "event_date,event_id_cnty,sub_event_type,event_type,fatalities\n\
///     2021-06-05,XYZ1,Armed clash,Battles,3\n\
///     someday,XYZ2,Armed clash,Battles,0\n").unwrap();
/// let rows: Vec<_> = rasd_ingest::read_acled_csv(&path).unwrap().collect();
/// let first = rows[0].as_ref().unwrap();
/// assert_eq!(first.event.fatalities, Some(3));
/// assert!(rows[1].as_ref().unwrap_err().to_string().ends_with(":3: event_date \"someday\" is not a date (2019-01-17 or 17 January 2019)"));
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn read_acled_csv(path: impl AsRef<Path>) -> Result<AcledReader<File>, Error> {
    let path = path.as_ref();
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    AcledReader::from_reader(file, path)
}

impl<R: Read> AcledReader<R> {
    /// Read an export from any reader; `path` names it in errors.
    pub fn from_reader(reader: R, path: impl Into<PathBuf>) -> Result<Self, Error> {
        let path = path.into();
        let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers = csv.headers().map_err(|source| Error::Csv {
            path: path.clone(),
            line: 1,
            source,
        })?;
        let columns: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                (
                    h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase(),
                    i,
                )
            })
            .collect();
        for column in REQUIRED {
            if !columns.contains_key(column) {
                return Err(Error::MissingColumn { path, column });
            }
        }
        Ok(AcledReader {
            path,
            csv,
            columns,
            record: csv::StringRecord::new(),
        })
    }

    fn get(&self, column: &str) -> Option<&str> {
        let i = *self.columns.get(column)?;
        self.record.get(i).map(str::trim).filter(|v| !v.is_empty())
    }

    fn string(&self, column: &str) -> Option<String> {
        self.get(column).map(str::to_owned)
    }

    fn number<T: std::str::FromStr>(
        &self,
        line: u64,
        column: &'static str,
        ok: impl Fn(&T) -> bool,
    ) -> Result<Option<T>, Error> {
        let Some(value) = self.get(column) else {
            return Ok(None);
        };
        match value.parse::<T>() {
            Ok(v) if ok(&v) => Ok(Some(v)),
            _ => Err(self.bad_number(line, column, value)),
        }
    }

    fn bad_number(&self, line: u64, column: &'static str, value: &str) -> Error {
        Error::BadNumber {
            path: self.path.clone(),
            line,
            column,
            value: value.to_owned(),
        }
    }

    fn inter(&self, line: u64, column: &'static str) -> Result<Option<Inter>, Error> {
        let Some(value) = self.get(column) else {
            return Ok(None);
        };
        parse_inter(value).ok_or_else(|| self.bad_number(line, column, value))
    }

    fn row(&self, line: u64) -> Result<AcledRow, Error> {
        let date_text = self.get("event_date").unwrap_or("");
        let event_date = parse_acled_date(date_text).ok_or_else(|| Error::BadDate {
            path: self.path.clone(),
            line,
            value: date_text.to_owned(),
        })?;
        let unknown = |column: &'static str, value: &str| Error::UnknownType {
            path: self.path.clone(),
            line,
            column,
            value: value.to_owned(),
        };
        let sub_text = self.get("sub_event_type").unwrap_or("");
        let sub_event_type = SubEventType::from_acled(sub_text)
            .ok_or_else(|| unknown("sub_event_type", sub_text))?;
        let event_type = match self.get("event_type") {
            None => sub_event_type.event_type(),
            Some(t) => {
                let et = EventType::from_acled(t).ok_or_else(|| unknown("event_type", t))?;
                if et != sub_event_type.event_type() {
                    return Err(Error::TypeMismatch {
                        path: self.path.clone(),
                        line,
                        event_type: t.to_owned(),
                        sub_event_type: sub_text.to_owned(),
                    });
                }
                et
            }
        };
        let event = Event {
            event_date: Some(event_date),
            time_precision: self.number(line, "time_precision", |p: &u8| (1..=3).contains(p))?,
            event_type,
            sub_event_type,
            actor1: self.string("actor1"),
            assoc_actor_1: self.string("assoc_actor_1"),
            actor2: self.string("actor2"),
            assoc_actor_2: self.string("assoc_actor_2"),
            inter1: self.inter(line, "inter1")?,
            inter2: self.inter(line, "inter2")?,
            country: self.string("country"),
            admin1: self.string("admin1"),
            admin2: self.string("admin2"),
            location: self.string("location"),
            latitude: self.number(line, "latitude", |v: &f64| (-90.0..=90.0).contains(v))?,
            longitude: self.number(line, "longitude", |v: &f64| (-180.0..=180.0).contains(v))?,
            geo_precision: self.number(line, "geo_precision", |p: &u8| (1..=3).contains(p))?,
            fatalities: self.number(line, "fatalities", |_: &u32| true)?,
            confidence: 1.0,
            tags: Vec::new(),
            evidence: Vec::new(),
        };
        Ok(AcledRow {
            event,
            event_id_cnty: self.string("event_id_cnty").unwrap_or_default(),
            notes: self.string("notes"),
            source: self.string("source"),
        })
    }
}

impl<R: Read> Iterator for AcledReader<R> {
    type Item = Result<AcledRow, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = std::mem::take(&mut self.record);
        let read = self.csv.read_record(&mut record);
        self.record = record;
        match read {
            Ok(false) => None,
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                Some(self.row(line))
            }
            Err(source) => {
                let line = source.position().map_or(0, |p| p.line());
                Some(Err(Error::Csv {
                    path: self.path.clone(),
                    line,
                    source,
                }))
            }
        }
    }
}

/// ACLED writes `2019-01-17` or `17 January 2019`.
fn parse_acled_date(s: &str) -> Option<NaiveDate> {
    parse_ymd(s).or_else(|| NaiveDate::parse_from_str(s.trim(), "%d %B %Y").ok())
}

/// An inter code: `1`-`8`, `0` (no such actor), or a newer export's label.
fn parse_inter(s: &str) -> Option<Option<Inter>> {
    if let Ok(n) = s.parse::<u8>() {
        return match n {
            0 => Some(None),
            1..=8 => Some(Some(n)),
            _ => None,
        };
    }
    let code = match s.to_ascii_lowercase().as_str() {
        "state forces" => 1,
        "rebel group" | "rebel groups" => 2,
        "political militia" | "political militias" => 3,
        "identity militia" | "identity militias" => 4,
        "rioters" => 5,
        "protesters" => 6,
        "civilians" => 7,
        "external/other forces" | "external/other force" | "other forces" => 8,
        _ => return None,
    };
    Some(Some(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inter_codes_and_labels() {
        assert_eq!(parse_inter("1"), Some(Some(1)));
        assert_eq!(parse_inter("0"), Some(None));
        assert_eq!(parse_inter("9"), None);
        assert_eq!(parse_inter("State forces"), Some(Some(1)));
        assert_eq!(parse_inter("External/Other forces"), Some(Some(8)));
        assert_eq!(parse_inter("aliens"), None);
    }

    #[test]
    fn both_date_forms() {
        let d = NaiveDate::from_ymd_opt(2019, 1, 17);
        assert_eq!(parse_acled_date("2019-01-17"), d);
        assert_eq!(parse_acled_date("17 January 2019"), d);
        let first = NaiveDate::from_ymd_opt(2019, 1, 1);
        assert_eq!(parse_acled_date("01 January 2019"), first);
        assert_eq!(parse_acled_date("1 January 2019"), first);
        assert_eq!(parse_acled_date("17/01/2019"), None);
    }
}
