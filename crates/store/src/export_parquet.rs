//! Parquet export: the CSV export's ACLED columns, typed, for dataframe and big-data engines.
//!
//! Written with the `parquet` crate's column writers (no Arrow: the arrow crates would more
//! than double the compile cost of this feature). Rows are buffered per column and written as a
//! row group every [`ROW_GROUP_ROWS`] events, so memory stays bounded however many events an
//! export holds; pages are Snappy-compressed, the codec every Parquet reader has.

use crate::export::{acled_values, AcledValue, EventWriter, ExportSummary, ACLED_COLUMNS};
use crate::{Result, StoreError, StoredEvent};
use chrono::NaiveDate;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::io::Write;
use std::sync::Arc;

/// Events per row group.
pub const ROW_GROUP_ROWS: usize = 65_536;

/// Physical column types of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// UTF-8 `BYTE_ARRAY (STRING)`.
    Text,
    /// `INT32 (DATE)`: days since 1970-01-01.
    Date,
    Int32,
    Int64,
    Double,
}

/// Type and nullability of each column of [`ACLED_COLUMNS`], in the same order.
const COLUMN_KINDS: [(Kind, bool); 31] = {
    use Kind::*;
    const R: bool = true; // required
    const O: bool = false; // optional (null when unknown)
    [
        (Text, R),   // event_id_cnty
        (Date, O),   // event_date
        (Int32, O),  // year
        (Int32, O),  // time_precision
        (Text, O),   // disorder_type
        (Text, R),   // event_type
        (Text, R),   // sub_event_type
        (Text, O),   // actor1
        (Text, O),   // assoc_actor_1
        (Int32, O),  // inter1
        (Text, O),   // actor2
        (Text, O),   // assoc_actor_2
        (Int32, O),  // inter2
        (Int32, O),  // interaction
        (Text, O),   // civilian_targeting
        (Int32, O),  // iso
        (Text, O),   // region
        (Text, O),   // country
        (Text, O),   // admin1
        (Text, O),   // admin2
        (Text, O),   // admin3
        (Text, O),   // location
        (Double, O), // latitude
        (Double, O), // longitude
        (Int32, O),  // geo_precision
        (Text, O),   // source
        (Text, O),   // source_scale
        (Text, O),   // notes
        (Int64, O),  // fatalities
        (Text, O),   // tags
        (Int64, R),  // timestamp (unix seconds of the last change)
    ]
};

/// The Parquet schema of the export (message `acled_events`).
fn schema() -> Result<Arc<Type>> {
    use parquet::basic::{LogicalType, Repetition, Type as Physical};
    let fields = ACLED_COLUMNS
        .iter()
        .zip(COLUMN_KINDS)
        .map(|(name, (kind, required))| {
            let (physical, logical) = match kind {
                Kind::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                Kind::Date => (Physical::INT32, Some(LogicalType::Date)),
                Kind::Int32 => (Physical::INT32, None),
                Kind::Int64 => (Physical::INT64, None),
                Kind::Double => (Physical::DOUBLE, None),
            };
            let repetition = if required {
                Repetition::REQUIRED
            } else {
                Repetition::OPTIONAL
            };
            Type::primitive_type_builder(name, physical)
                .with_logical_type(logical)
                .with_repetition(repetition)
                .build()
                .map(Arc::new)
        })
        .collect::<parquet::errors::Result<Vec<_>>>()
        .map_err(parquet_err)?;
    Type::group_type_builder("acled_events")
        .with_fields(fields)
        .build()
        .map(Arc::new)
        .map_err(parquet_err)
}

fn parquet_err(source: parquet::errors::ParquetError) -> StoreError {
    StoreError::Parquet { source }
}

/// Values of one column for the rows buffered so far; `defs` holds one definition level per
/// row of an optional column (1 = value, 0 = null), values only for the non-null rows.
#[derive(Debug)]
enum Buffer {
    Text(Vec<ByteArray>),
    Int32(Vec<i32>),
    Int64(Vec<i64>),
    Double(Vec<f64>),
}

#[derive(Debug)]
struct Column {
    buffer: Buffer,
    required: bool,
    defs: Vec<i16>,
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

impl Column {
    fn new((kind, required): (Kind, bool)) -> Self {
        let buffer = match kind {
            Kind::Text => Buffer::Text(Vec::new()),
            Kind::Date | Kind::Int32 => Buffer::Int32(Vec::new()),
            Kind::Int64 => Buffer::Int64(Vec::new()),
            Kind::Double => Buffer::Double(Vec::new()),
        };
        Column {
            buffer,
            required,
            defs: Vec::new(),
        }
    }

    /// Append one cell. A value that does not fit the column (an integer beyond `INT32`, which
    /// the ACLED fields never hold) is written as null rather than wrapped.
    fn push(&mut self, value: AcledValue, name: &'static str) -> Result<()> {
        let present = match (&mut self.buffer, value) {
            (Buffer::Text(v), AcledValue::Text(t)) => t.map(|t| v.push(t.into_bytes().into())),
            (Buffer::Int32(v), AcledValue::Date(d)) => d
                .and_then(|d| i32::try_from((d - EPOCH).num_days()).ok())
                .map(|d| v.push(d)),
            (Buffer::Int32(v), AcledValue::Int(i)) => {
                i.and_then(|i| i32::try_from(i).ok()).map(|i| v.push(i))
            }
            (Buffer::Int64(v), AcledValue::Int(i)) => i.map(|i| v.push(i)),
            (Buffer::Double(v), AcledValue::Real(r)) => r.map(|r| v.push(r)),
            (_, value) => {
                return Err(StoreError::ExportValue {
                    format: "parquet",
                    column: name,
                    value: format!("{value:?}"),
                })
            }
        };
        match (present.is_some(), self.required) {
            (true, false) => self.defs.push(1),
            (false, false) => self.defs.push(0),
            (true, true) => {}
            (false, true) => {
                return Err(StoreError::ExportValue {
                    format: "parquet",
                    column: name,
                    value: "null in a required column".into(),
                })
            }
        }
        Ok(())
    }

    fn clear(&mut self) {
        self.defs.clear();
        match &mut self.buffer {
            Buffer::Text(v) => v.clear(),
            Buffer::Int32(v) => v.clear(),
            Buffer::Int64(v) => v.clear(),
            Buffer::Double(v) => v.clear(),
        }
    }
}

/// Parquet file of events with the ACLED columns of the CSV export, typed (see the module docs).
///
/// `W` needs no `Seek`: the writer tracks its own offsets, so a pipe or stdout works.
pub struct ParquetExport<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<Column>,
    buffered: usize,
    written: u64,
    row_group_rows: usize,
}

impl<W: Write + Send> ParquetExport<W> {
    /// Start the file (writes the magic bytes), with row groups of [`ROW_GROUP_ROWS`] events.
    pub fn new(out: W) -> Result<Self> {
        Self::with_row_group_rows(out, ROW_GROUP_ROWS)
    }

    /// Start the file with row groups of `rows` events (at least 1).
    pub fn with_row_group_rows(out: W, rows: usize) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("rasd {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer =
            SerializedFileWriter::new(out, schema()?, Arc::new(props)).map_err(parquet_err)?;
        Ok(ParquetExport {
            writer,
            columns: COLUMN_KINDS.into_iter().map(Column::new).collect(),
            buffered: 0,
            written: 0,
            row_group_rows: rows.max(1),
        })
    }

    fn flush_row_group(&mut self) -> Result<()> {
        if self.buffered == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(parquet_err)?;
        for column in &mut self.columns {
            let Some(mut w) = group.next_column().map_err(parquet_err)? else {
                break;
            };
            let defs = (!column.required).then_some(column.defs.as_slice());
            match &column.buffer {
                Buffer::Text(v) => w.typed::<ByteArrayType>().write_batch(v, defs, None),
                Buffer::Int32(v) => w.typed::<Int32Type>().write_batch(v, defs, None),
                Buffer::Int64(v) => w.typed::<Int64Type>().write_batch(v, defs, None),
                Buffer::Double(v) => w.typed::<DoubleType>().write_batch(v, defs, None),
            }
            .map_err(parquet_err)?;
            w.close().map_err(parquet_err)?;
            column.clear();
        }
        group.close().map_err(parquet_err)?;
        self.buffered = 0;
        Ok(())
    }
}

impl<W: Write + Send> EventWriter for ParquetExport<W> {
    fn write_event(&mut self, event: &StoredEvent) -> Result<()> {
        for ((column, value), name) in self
            .columns
            .iter_mut()
            .zip(acled_values(event))
            .zip(ACLED_COLUMNS)
        {
            column.push(value, name)?;
        }
        self.buffered += 1;
        self.written += 1;
        if self.buffered >= self.row_group_rows {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<ExportSummary> {
        self.flush_row_group()?;
        self.writer.close().map_err(parquet_err)?;
        Ok(ExportSummary {
            written: self.written,
            skipped_without_coordinates: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_has_the_csv_columns_in_order() {
        let s = schema().unwrap();
        let names: Vec<&str> = s.get_fields().iter().map(|f| f.name()).collect();
        assert_eq!(names, ACLED_COLUMNS);
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_an_error_naming_the_column() {
        let mut c = Column::new((Kind::Double, false));
        let err = c
            .push(AcledValue::Text(Some("x".into())), "latitude")
            .unwrap_err();
        assert!(err.to_string().contains("latitude"), "{err}");
        let mut c = Column::new((Kind::Text, true));
        assert!(c.push(AcledValue::Text(None), "event_type").is_err());
    }
}
