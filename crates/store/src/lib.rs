//! The Rasd event store: documents, the events coded from them, and where each event came from.
//!
//! The pipeline stores each batch of coded documents in one transaction; the store detects
//! exact and near-duplicate documents, merges reports of the same event from different
//! documents (and languages) into one event with several sources, and answers the filtered,
//! paginated, full-text and spatial queries a dashboard and exports need.
//!
//! - [`Store`]: the trait the pipeline talks to (SQLite here, PostgreSQL in `rasd-store-pg`).
//! - [`SqliteStore`]: the embedded implementation, one SQLite file in WAL mode with versioned
//!   migrations (`crates/store/migrations/`), FTS5 full-text search and an R*Tree index. For a
//!   team's shared PostgreSQL server, `rasd-store-pg` implements the same trait with this
//!   crate's merge rules, fingerprints, search form and export writers.
//! - [`EventFilter`] / [`EventPage`] / [`Cursor`]: filtered queries with keyset pagination.
//! - [`DocOutcome`]: what happened to each document of a batch (inserted, exact duplicate,
//!   near duplicate, skipped).
//!
//! ```
//! use rasd_model::{Document, Event, SubEventType};
//! use rasd_store::{DocOutcome, EventFilter, SqliteStore, Store};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let run = store.begin_run(&["example".into()], Some("coder-1"))?;
//! let doc = Document {
//!     id: "r1".into(),
//!     text: "Gunmen attacked a checkpoint near Sévaré on Monday, killing three soldiers.".into(),
//!     ..Default::default()
//! };
//! let sub = SubEventType::ArmedClash;
//! let event = Event {
//!     event_date: "2019-03-04".parse().ok(), time_precision: Some(1),
//!     event_type: sub.event_type(), sub_event_type: sub,
//!     actor1: Some("Unidentified Armed Group (Mali)".into()), assoc_actor_1: None,
//!     actor2: Some("Military Forces of Mali (2013-)".into()), assoc_actor_2: None,
//!     inter1: Some(3), inter2: Some(1),
//!     country: Some("Mali".into()), admin1: Some("Mopti".into()), admin2: Some("Mopti".into()),
//!     location: Some("Sevare".into()), latitude: Some(14.53), longitude: Some(-4.09),
//!     geo_precision: Some(2), fatalities: Some(3), confidence: 0.8,
//!     tags: vec![], evidence: vec![],
//! };
//! let out = store.put_batch(run, &[(doc.clone(), vec![event.clone()])], "coder-1")?;
//! assert!(matches!(out[0], DocOutcome::Inserted { events_new: 1, .. }));
//! // Idempotent: the same batch again stores nothing.
//! let again = store.put_batch(run, &[(doc, vec![event])], "coder-1")?;
//! assert!(matches!(again[0], DocOutcome::ExactDuplicate { .. }));
//!
//! let page = store.events(&EventFilter { country: Some("mali".into()), ..Default::default() })?;
//! assert_eq!(page.events.len(), 1);
//! // Accent- and case-insensitive full-text search, snippets cut from the original text.
//! let hits = store.search("SEVARE", 10)?;
//! assert_eq!(hits[0].snippet.marked("[", "]").contains("[Sévaré]"), true);
//! # Ok::<(), rasd_store::StoreError>(())
//! ```
//!
//! Design notes. Stored events are recomputed from the events their sources coded (kept as JSON
//! on each link), never edited in place, so a merge can be undone by removing a link
//! ([`Store::relink_document`]). Text is normalised in Rust ([`rasd_text::normalize`]) before it
//! reaches FTS5, so Arabic letter variants and diacritics and French accents match however they
//! are written. Coordinates are always separate `latitude`/`longitude` fields; the one place
//! where the order is a pair is GeoJSON export (`[lon, lat]`, see [`export`](crate::ExportFormat)).

mod batch;
mod bench;
mod error;
mod export;
#[cfg(feature = "parquet")]
mod export_parquet;
mod filter;
mod fingerprint;
mod fulltext;
mod merge;
mod migrate;
mod query;
mod schema;
mod sqlite;
mod store;
mod write;

// The rules of put_batch and relinking, shared with other backends (rasd-store-pg).
pub use batch::{
    closest_near_duplicate, match_recoded, place_event, prepare_document, put_document, recomputed,
    BatchBackend, FieldChange, MergeWindow, Placement, PreparedDocument, Recomputed,
};
pub use bench::{
    bench_filter, bench_loaded, load_events, load_events_into, run_bench, synthetic_acled,
    synthetic_documents, BenchConfig, BenchReport, QueryTiming, Rng, QUERY_KINDS,
};
pub use error::{Result, StoreError};
pub use export::{
    acled_row, acled_values, export_events, interaction, write_events, AcledValue, CsvExport,
    EventWriter, ExportFormat, ExportSummary, GeoJsonExport, JsonlExport, ACLED_COLUMNS,
};
#[cfg(feature = "parquet")]
pub use export_parquet::{ParquetExport, ROW_GROUP_ROWS};
pub use filter::{BBox, Cursor, EventFilter, Near, Sort};
pub use fingerprint::{
    bands, canonical_url, content_hash, document_hash, hamming, simhash, simhash_words,
    stable_hash64, ContentHash, SimHash, MIN_SHINGLES, NEAR_DUPLICATE_DISTANCE,
};
// The search form and query language, shared with other backends (rasd-store-pg).
pub use fulltext::{
    index_form, index_form_normalized, match_expression, parse_query, snippet, words, QueryPart,
    Snippet,
};
pub use merge::{
    best_merge, can_merge, combine_sources, compatible_sub_types, haversine_km, is_unidentified,
    MergeMatch, MERGE_RADIUS_KM,
};
pub use migrate::{Migration, MIGRATIONS, SCHEMA_VERSION};
pub use query::geo_box;
pub use schema::{actor_names, actor_norm, like_escape, EVENT_COLUMNS, EVENT_FIELD_NAMES};
pub use sqlite::SqliteStore;
pub use store::{
    AcledRecord, Bucket, DocOutcome, DocumentSummary, EventDetail, EventId, EventPage, EventSource,
    GroupBy, ImportReport, IngestRun, Origin, RelinkOutcome, RunCounts, RunId, RunStatus,
    SearchHit, SkipReason, Stats, Store, StoredDocument, StoredEvent,
};
pub use write::{coded_json, parse_coded, same_identity};
