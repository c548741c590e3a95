//! The storage trait the pipeline talks to, and the values that cross it.

use crate::{ContentHash, EventFilter, Result, Snippet};
use chrono::NaiveDate;
use rasd_model::{Document, Event, Evidence, Language};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Identifier of a stored event. Stable: merges, recodes that keep an event and re-ingests never
/// change it, and ids of deleted events are never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub i64);

/// Identifier of an ingest run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RunId(pub i64);

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::fmt::Display for RunId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a stored event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Coded by Rasd from stored documents; merged across sources.
    Rasd,
    /// Imported from an ACLED export; never merged with Rasd events.
    Acled,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Rasd => "rasd",
            Origin::Acled => "acled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "rasd" => Some(Origin::Rasd),
            "acled" => Some(Origin::Acled),
            _ => None,
        }
    }
}

/// What [`Store::put_batch`] did with one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DocOutcome {
    /// Stored; its events created `events_new` events and were merged into `events_merged`
    /// existing ones.
    Inserted {
        doc_id: String,
        events_new: usize,
        events_merged: usize,
    },
    /// Nothing stored: a document with the same id and content, the same canonical URL or the
    /// same content hash is already stored (`of` is its id). Re-putting a batch gives this for
    /// every document.
    ExactDuplicate { doc_id: String, of: String },
    /// Stored and linked to the original `of` (SimHash within `distance` bits); its events
    /// created no event but were linked as sources of existing events (`events_linked`).
    NearDuplicate {
        doc_id: String,
        of: String,
        distance: u32,
        events_linked: usize,
    },
    /// Not stored.
    Skipped { doc_id: String, reason: SkipReason },
}

impl DocOutcome {
    pub fn doc_id(&self) -> &str {
        match self {
            DocOutcome::Inserted { doc_id, .. }
            | DocOutcome::ExactDuplicate { doc_id, .. }
            | DocOutcome::NearDuplicate { doc_id, .. }
            | DocOutcome::Skipped { doc_id, .. } => doc_id,
        }
    }
}

/// Why a document was not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Text and title are empty or blank.
    Empty,
    /// The id is empty.
    EmptyId,
    /// A different text is already stored under this id (ids are the caller's; use
    /// [`Store::relink_document`] to recode a stored document).
    IdConflict,
}

/// One row of an ACLED export, as the ingest crate parses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcledRecord {
    pub event: Event,
    /// ACLED's event identifier (`MLI1234`): the idempotency key of imports.
    pub event_id_cnty: String,
    pub notes: Option<String>,
    pub source: Option<String>,
}

/// What [`Store::import_acled`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// New `event_id_cnty`.
    pub inserted: usize,
    /// Known `event_id_cnty` whose fields changed (ACLED revises rows).
    pub updated: usize,
    /// Known and identical.
    pub unchanged: usize,
}

/// What [`Store::relink_document`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelinkOutcome {
    /// Events the document still reports (same sub-event type, date and location as before):
    /// their ids did not change.
    pub kept: Vec<EventId>,
    /// Events created for the new coding.
    pub created: Vec<EventId>,
    /// Existing events (of other documents) the new coding merged into.
    pub merged_into: Vec<EventId>,
    /// Events the document was the last source of and no longer reports.
    pub deleted: Vec<EventId>,
    /// Events whose fields were recomputed because the document left them.
    pub updated: Vec<EventId>,
}

/// A stored event. `event.evidence` is always empty: evidence spans point into one document and
/// live on its source link ([`EventSource::evidence`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    pub id: EventId,
    pub origin: Origin,
    #[serde(flatten)]
    pub event: Event,
    /// ACLED's identifier (ACLED imports only).
    pub event_id_cnty: Option<String>,
    /// ACLED notes (ACLED imports only).
    pub notes: Option<String>,
    /// ACLED's source field, or for Rasd events the distinct sources of its documents, `; `
    /// separated.
    pub source: Option<String>,
    /// Coder version of the last coding that changed this event (Rasd events).
    pub coder_version: Option<String>,
    /// Number of documents reporting it (0 for ACLED imports).
    pub source_count: u32,
    /// Unix seconds of the last change.
    pub updated_at: i64,
}

/// A page of events and the cursor of the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    pub events: Vec<StoredEvent>,
    /// Pass as [`EventFilter::after`] to get the next page; `None` on the last page.
    pub next: Option<crate::Cursor>,
}

/// The fields of a document shown beside an event or a search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<Language>,
}

/// One document reporting an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSource {
    pub document: DocumentSummary,
    /// Spans of the document (text or title) supporting the event.
    pub evidence: Vec<Evidence>,
    /// Fatalities as this document reported them.
    pub fatalities: Option<u32>,
    /// The event as this document coded it (with its evidence).
    pub coded: Event,
    /// Why this document was merged into the event (`None` for the source that created it).
    pub merge_reason: Option<String>,
    pub run_id: Option<RunId>,
}

/// An event and every document reporting it, in link order (the first created it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: StoredEvent,
    pub sources: Vec<EventSource>,
}

/// A stored document with its fingerprints and links.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    pub document: Document,
    pub canonical_url: Option<String>,
    pub content_hash: ContentHash,
    pub simhash: u64,
    /// Id of the document this one nearly duplicates.
    pub near_duplicate_of: Option<String>,
    /// Unix seconds.
    pub ingested_at: i64,
    pub run_id: Option<RunId>,
    /// Events this document is a source of.
    pub events: Vec<EventId>,
}

impl Serialize for ContentHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let bytes: Option<Vec<u8>> = (s.len() == 64)
            .then(|| {
                (0..32)
                    .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
                    .collect()
            })
            .flatten();
        bytes
            .as_deref()
            .and_then(ContentHash::from_slice)
            .ok_or_else(|| serde::de::Error::custom("expected 64 hex digits"))
    }
}

/// A full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub document: DocumentSummary,
    /// FTS5 bm25 rank: lower is better.
    pub rank: f64,
    pub snippet: Snippet,
}

/// Row counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub documents: u64,
    pub events: u64,
    /// Event-source links.
    pub sources: u64,
    pub ingest_runs: u64,
    pub rasd_events: u64,
    pub acled_events: u64,
    /// Stored documents that nearly duplicate another.
    pub near_duplicates: u64,
    pub actors: u64,
}

/// State of an ingest run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Running,
    Finished,
    Failed,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Finished => "finished",
            RunStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "running" => Some(RunStatus::Running),
            "finished" => Some(RunStatus::Finished),
            "failed" => Some(RunStatus::Failed),
            _ => None,
        }
    }
}

/// Counters of an ingest run, summed over its batches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunCounts {
    pub docs_new: u64,
    pub docs_duplicate: u64,
    pub docs_near_duplicate: u64,
    pub docs_skipped: u64,
    pub events_new: u64,
    pub events_merged: u64,
}

/// One ingest run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestRun {
    pub id: RunId,
    /// Unix seconds.
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub status: RunStatus,
    /// What was ingested (paths, feed URLs), as the caller described it.
    pub inputs: Vec<String>,
    pub coder_version: Option<String>,
    pub counts: RunCounts,
}

/// How [`Store::aggregate`] groups events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// `YYYY-MM-DD`.
    Day,
    /// The Monday starting the ISO week, `YYYY-MM-DD`.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
    Country,
    Admin1,
    Admin2,
    /// actor1 and actor2 (an event counts once for each of its two actors).
    Actor,
    EventType,
    SubEventType,
}

/// Events and fatalities of one group. Undated events and events without the grouped field are
/// left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub key: String,
    pub events: u64,
    /// Sum of the events' fatalities (unknown counts as 0).
    pub fatalities: u64,
}

/// The event store the pipeline talks to. [`SqliteStore`](crate::SqliteStore) is the embedded
/// implementation; `rasd_store_pg::PgStore` (crate `rasd-store-pg`) keeps the same store on a
/// shared PostgreSQL server.
///
/// Writes take `&mut self` and are each one transaction: either everything a call stores is
/// visible afterwards or nothing is.
pub trait Store {
    /// Start an ingest run; `inputs` describe what is being ingested.
    fn begin_run(&mut self, inputs: &[String], coder_version: Option<&str>) -> Result<RunId>;

    /// Close a run.
    fn finish_run(&mut self, run: RunId, status: RunStatus) -> Result<()>;

    /// One run, with its counters.
    fn run(&self, run: RunId) -> Result<Option<IngestRun>>;

    /// All runs, newest first.
    fn runs(&self) -> Result<Vec<IngestRun>>;

    /// Store documents with their coded events, in one transaction, returning one outcome per
    /// document in input order. Idempotent: putting the same batch again stores nothing.
    fn put_batch(
        &mut self,
        run: RunId,
        batch: &[(Document, Vec<Event>)],
        coder_version: &str,
    ) -> Result<Vec<DocOutcome>>;

    /// Replace the events a stored document reports (after a recode): its old links are
    /// removed, events left without sources deleted, the events it left recomputed, and the new
    /// events linked or merged as by `put_batch`. An event the document reported before with the
    /// same sub-event type, date and location keeps its id.
    fn relink_document(
        &mut self,
        doc_id: &str,
        events: &[Event],
        coder_version: &str,
    ) -> Result<RelinkOutcome>;

    /// Import ACLED rows, idempotent by `event_id_cnty` (a changed row is updated).
    fn import_acled(&mut self, rows: &[AcledRecord]) -> Result<ImportReport>;

    /// Content hashes ([`document_hash`](crate::document_hash)) of all stored documents, for
    /// skipping known documents before coding (100k hashes load in well under a second).
    fn known_hashes(&self) -> Result<HashSet<ContentHash>>;

    /// Whether a document with this content hash is stored.
    fn contains_hash(&self, hash: &ContentHash) -> Result<bool>;

    /// A page of events matching the filter, in the filter's order.
    fn events(&self, filter: &EventFilter) -> Result<EventPage>;

    /// Number of events matching the filter (ignoring `limit` and `after`).
    fn count_events(&self, filter: &EventFilter) -> Result<u64>;

    /// Ids of every event matching the filter, unordered and unpaged (`sort`, `limit` and
    /// `after` are ignored). The default pages [`Store::events`] to the end; a backend may
    /// answer faster (SQLite reads the full-text tables without the events table).
    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<EventId>> {
        let mut f = filter.clone();
        f.limit = Some(1000);
        f.after = None;
        let mut out = Vec::new();
        loop {
            let page = self.events(&f)?;
            out.extend(page.events.iter().map(|e| e.id));
            match page.next {
                Some(next) => f.after = Some(next),
                None => return Ok(out),
            }
        }
    }

    /// The events with `ids`, in the order asked; ids of no stored event are skipped. For
    /// listings whose order is decided elsewhere (the server pages its in-memory index and
    /// reads only the page's rows).
    fn events_by_id(&self, ids: &[EventId]) -> Result<Vec<StoredEvent>>;

    /// An event and all documents reporting it.
    fn event_detail(&self, id: EventId) -> Result<Option<EventDetail>>;

    /// A stored document by id.
    fn document(&self, id: &str) -> Result<Option<StoredDocument>>;

    /// Full-text search over documents (title and text), best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// Row counts.
    fn stats(&self) -> Result<Stats>;

    /// Event and fatality counts of the filtered events grouped by `by`, in key order (time
    /// groups) or by decreasing event count (the others). `filter.limit` caps the number of
    /// buckets.
    fn aggregate(&self, filter: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>>;

    /// A number that changes whenever a write that other connections can see is committed to
    /// the store, by any process: a reader compares two values to know whether its copy of
    /// the data (the server's in-memory index, cached answers) is stale. Only comparisons of
    /// values read from one store value mean anything.
    ///
    /// SQLite: `PRAGMA data_version`, which counts the commits of *other* connections (a
    /// connection's own writes do not change it, so ask a connection that does not write).
    /// PostgreSQL: a counter row bumped inside every write transaction, so it changes exactly
    /// when the writes become visible, whoever wrote them.
    fn data_version(&self) -> Result<i64>;
}

/// A boxed store is a store (`Box<dyn Store + Send>` lets a program pick the backend at run
/// time, e.g. SQLite for a path and PostgreSQL for a URL).
impl<S: Store + ?Sized> Store for Box<S> {
    fn begin_run(&mut self, inputs: &[String], coder_version: Option<&str>) -> Result<RunId> {
        (**self).begin_run(inputs, coder_version)
    }
    fn finish_run(&mut self, run: RunId, status: RunStatus) -> Result<()> {
        (**self).finish_run(run, status)
    }
    fn run(&self, run: RunId) -> Result<Option<IngestRun>> {
        (**self).run(run)
    }
    fn runs(&self) -> Result<Vec<IngestRun>> {
        (**self).runs()
    }
    fn put_batch(
        &mut self,
        run: RunId,
        batch: &[(Document, Vec<Event>)],
        coder_version: &str,
    ) -> Result<Vec<DocOutcome>> {
        (**self).put_batch(run, batch, coder_version)
    }
    fn relink_document(
        &mut self,
        doc_id: &str,
        events: &[Event],
        coder_version: &str,
    ) -> Result<RelinkOutcome> {
        (**self).relink_document(doc_id, events, coder_version)
    }
    fn import_acled(&mut self, rows: &[AcledRecord]) -> Result<ImportReport> {
        (**self).import_acled(rows)
    }
    fn known_hashes(&self) -> Result<HashSet<ContentHash>> {
        (**self).known_hashes()
    }
    fn contains_hash(&self, hash: &ContentHash) -> Result<bool> {
        (**self).contains_hash(hash)
    }
    fn events(&self, filter: &EventFilter) -> Result<EventPage> {
        (**self).events(filter)
    }
    fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        (**self).count_events(filter)
    }
    fn event_ids(&self, filter: &EventFilter) -> Result<Vec<EventId>> {
        (**self).event_ids(filter)
    }
    fn events_by_id(&self, ids: &[EventId]) -> Result<Vec<StoredEvent>> {
        (**self).events_by_id(ids)
    }
    fn event_detail(&self, id: EventId) -> Result<Option<EventDetail>> {
        (**self).event_detail(id)
    }
    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        (**self).document(id)
    }
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        (**self).search(query, limit)
    }
    fn stats(&self) -> Result<Stats> {
        (**self).stats()
    }
    fn aggregate(&self, filter: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>> {
        (**self).aggregate(filter, by)
    }
    fn data_version(&self) -> Result<i64> {
        (**self).data_version()
    }
}
