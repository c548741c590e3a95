//! The PostgreSQL write path one statement at a time: runs, recode relinking, and the replay of
//! a document batch whose bulk write (`bulk.rs`) failed, which names the failing document.
//!
//! Each call is one transaction; an error anywhere returns before `commit`, and dropping the
//! transaction rolls it back. The rules (what is a duplicate, which event a report merges
//! into, what a merged event says) are `rasd-store`'s ([`rasd_store::put_document`],
//! [`rasd_store::place_event`]); [`Writer`] answers their lookups and writes with one statement
//! each (actor ids are cached across transactions; a new event's actor links go in one
//! statement).

use crate::fulltext::tsvector;
use crate::{pg, prepared, Conn, Params};
use chrono::NaiveDate;
use postgres::types::ToSql;
use postgres::{Row, Statement};
use rasd_model::{Document, Event};
use rasd_store::{
    actor_names, actor_norm, bands, coded_json, match_recoded, parse_coded, place_event,
    prepare_document, put_document, recomputed, BatchBackend, ContentHash, DocOutcome, EventId,
    FieldChange, MergeWindow, Origin, Placement, PreparedDocument, RelinkOutcome, Result,
    RunCounts, RunId, RunStatus, StoreError, StoredEvent, EVENT_FIELD_NAMES,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A write transaction with the connection's statement and actor caches.
pub(crate) struct Tx<'c> {
    pub(crate) tx: postgres::Transaction<'c>,
    pub(crate) statements: &'c mut HashMap<String, Statement>,
    /// Committed actors (see [`Conn::actors`]).
    pub(crate) actors: &'c mut HashMap<String, i64>,
    /// Actors created in this transaction: moved to `actors` on commit.
    pub(crate) new_actors: HashMap<String, i64>,
}

impl Tx<'_> {
    fn st(&mut self, sql: &str) -> Result<Statement> {
        prepared(self.statements, &mut self.tx, sql)
    }

    pub(crate) fn query(
        &mut self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>> {
        let st = self.st(sql)?;
        self.tx.query(&st, params).map_err(pg(op))
    }

    pub(crate) fn query_one(
        &mut self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Row> {
        let st = self.st(sql)?;
        self.tx.query_one(&st, params).map_err(pg(op))
    }

    pub(crate) fn query_opt(
        &mut self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>> {
        let st = self.st(sql)?;
        self.tx.query_opt(&st, params).map_err(pg(op))
    }

    pub(crate) fn execute(
        &mut self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64> {
        let st = self.st(sql)?;
        self.tx.execute(&st, params).map_err(pg(op))
    }

    /// Bump the change counter (so readers of [`rasd_store::Store::data_version`] see the
    /// writes; last, so its row lock is held only until the commit) and commit.
    pub(crate) fn commit(mut self, op: &'static str) -> Result<()> {
        self.execute(op, BUMP_DATA_VERSION, &[])?;
        let Tx {
            tx,
            actors,
            new_actors,
            ..
        } = self;
        tx.commit().map_err(pg(op))?;
        actors.extend(new_actors);
        Ok(())
    }
}

/// Adds one to the change counter (migration 2, `data_version`).
const BUMP_DATA_VERSION: &str = "UPDATE data_version SET version = version + 1";

pub(crate) fn begin_run(
    conn: &mut Conn,
    inputs: &[String],
    coder_version: Option<&str>,
) -> Result<RunId> {
    let inputs = serde_json::to_string(inputs).map_err(|source| StoreError::Json {
        table: "ingest_runs",
        column: "inputs",
        row_id: 0,
        source,
    })?;
    let row = conn
        .query_opt(
            "begin a run",
            // One statement, so the counter moves with the row (no transaction needed).
            "WITH r AS (INSERT INTO ingest_runs (started_at, inputs, coder_version) \
             VALUES ($1, $2, $3) RETURNING id), \
             v AS (UPDATE data_version SET version = version + 1) SELECT id FROM r",
            &[&now(), &inputs, &coder_version],
        )?
        .expect("INSERT ... RETURNING gives a row");
    Ok(RunId(row.get(0)))
}

pub(crate) fn finish_run(conn: &mut Conn, run: RunId, status: RunStatus) -> Result<()> {
    let found = conn.query_opt(
        "finish a run",
        "WITH r AS (UPDATE ingest_runs SET status = $2, finished_at = $3 WHERE id = $1 \
         RETURNING id), v AS (UPDATE data_version SET version = version + 1) SELECT id FROM r",
        &[&run.0, &status.as_str(), &now()],
    )?;
    if found.is_none() {
        return Err(StoreError::RunNotFound { run_id: run.0 });
    }
    Ok(())
}

/// Extra columns of an event row besides the ACLED fields.
struct RowMeta<'a> {
    origin: Origin,
    event_id_cnty: Option<&'a str>,
    notes: Option<&'a str>,
    notes_search: Option<String>,
    source: Option<&'a str>,
    coder_version: Option<&'a str>,
    source_count: i64,
}

/// The values of [`EVENT_FIELD_NAMES`] for an event, typed for the PostgreSQL columns (one
/// conversion for single-row statements and the bulk writes' column arrays).
pub(crate) struct EventRow {
    pub(crate) event_date: Option<NaiveDate>,
    pub(crate) sort_date: String,
    pub(crate) time_precision: Option<i32>,
    pub(crate) event_type: &'static str,
    pub(crate) sub_event_type: &'static str,
    pub(crate) actor1: Option<String>,
    pub(crate) assoc_actor_1: Option<String>,
    pub(crate) inter1: Option<i32>,
    pub(crate) actor2: Option<String>,
    pub(crate) assoc_actor_2: Option<String>,
    pub(crate) inter2: Option<i32>,
    pub(crate) country: Option<String>,
    pub(crate) admin1: Option<String>,
    pub(crate) admin2: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) latitude: Option<f64>,
    pub(crate) longitude: Option<f64>,
    pub(crate) geo_precision: Option<i32>,
    pub(crate) fatalities: Option<i64>,
    pub(crate) confidence: f64,
    pub(crate) tags: String,
}

/// PostgreSQL types of [`EVENT_FIELD_NAMES`], in order (for casts of column arrays).
pub(crate) const EVENT_FIELD_TYPES: [&str; 21] = [
    "date", "text", "int4", "text", "text", "text", "text", "int4", "text", "text", "int4", "text",
    "text", "text", "text", "float8", "float8", "int4", "int8", "float8", "text",
];

impl EventRow {
    pub(crate) fn of(e: &Event) -> Self {
        let small = |v: Option<u8>| v.map(i32::from);
        EventRow {
            event_date: e.event_date,
            sort_date: e.event_date.map(|d| d.to_string()).unwrap_or_default(),
            time_precision: small(e.time_precision),
            event_type: e.event_type.as_acled(),
            sub_event_type: e.sub_event_type.as_acled(),
            actor1: e.actor1.clone(),
            assoc_actor_1: e.assoc_actor_1.clone(),
            inter1: small(e.inter1),
            actor2: e.actor2.clone(),
            assoc_actor_2: e.assoc_actor_2.clone(),
            inter2: small(e.inter2),
            country: e.country.clone(),
            admin1: e.admin1.clone(),
            admin2: e.admin2.clone(),
            location: e.location.clone(),
            latitude: e.latitude,
            longitude: e.longitude,
            geo_precision: small(e.geo_precision),
            fatalities: e.fatalities.map(i64::from),
            confidence: f64::from(e.confidence),
            tags: serde_json::to_string(&e.tags).unwrap_or_else(|_| "[]".into()),
        }
    }
}

fn event_params(e: &Event) -> Params {
    let r = EventRow::of(e);
    vec![
        Box::new(r.event_date),
        Box::new(r.sort_date),
        Box::new(r.time_precision),
        Box::new(r.event_type),
        Box::new(r.sub_event_type),
        Box::new(r.actor1),
        Box::new(r.assoc_actor_1),
        Box::new(r.inter1),
        Box::new(r.actor2),
        Box::new(r.assoc_actor_2),
        Box::new(r.inter2),
        Box::new(r.country),
        Box::new(r.admin1),
        Box::new(r.admin2),
        Box::new(r.location),
        Box::new(r.latitude),
        Box::new(r.longitude),
        Box::new(r.geo_precision),
        Box::new(r.fatalities),
        Box::new(r.confidence),
        Box::new(r.tags),
    ]
}

fn insert_event_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let cols = EVENT_FIELD_NAMES.join(", ");
        // $4 is the notes' search vector, sent as its text literal.
        let marks: Vec<String> = (1..=9 + EVENT_FIELD_NAMES.len())
            .map(|i| match i {
                4 => "$4::text::tsvector".to_owned(),
                _ => format!("${i}"),
            })
            .collect();
        format!(
            "INSERT INTO events (origin, event_id_cnty, notes, notes_search, source, \
             coder_version, source_count, created_at, updated_at, {cols}) VALUES ({}) \
             RETURNING id",
            marks.join(", ")
        )
    })
}

fn update_event_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let sets: Vec<String> = EVENT_FIELD_NAMES
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ${}", i + 8))
            .collect();
        format!(
            "UPDATE events SET notes = $2, notes_search = $3::text::tsvector, source = $4, \
             coder_version = coalesce($5, coder_version), source_count = $6, updated_at = $7, \
             {} WHERE id = $1",
            sets.join(", ")
        )
    })
}

/// One transaction's writes.
struct Writer<'t, 'c> {
    tx: &'t mut Tx<'c>,
    now: i64,
}

impl Writer<'_, '_> {
    fn actor_id(&mut self, name: &str) -> Result<i64> {
        if let Some(&id) = self
            .tx
            .actors
            .get(name)
            .or_else(|| self.tx.new_actors.get(name))
        {
            return Ok(id);
        }
        let found = self.tx.query_opt(
            "look up an actor",
            "SELECT id FROM actors WHERE name = $1",
            &[&name],
        )?;
        let id = match found {
            Some(r) => {
                let id = r.get(0);
                self.tx.actors.insert(name.to_owned(), id);
                return Ok(id);
            }
            None => {
                // Another writer may insert the same name meanwhile: then read theirs.
                let inserted = self.tx.query_opt(
                    "add an actor",
                    "INSERT INTO actors (name, name_norm) VALUES ($1, $2) \
                     ON CONFLICT (name) DO NOTHING RETURNING id",
                    &[&name, &actor_norm(name)],
                )?;
                match inserted {
                    Some(r) => r.get(0),
                    None => self
                        .tx
                        .query_one(
                            "look up an actor",
                            "SELECT id FROM actors WHERE name = $1",
                            &[&name],
                        )?
                        .get(0),
                }
            }
        };
        self.tx.new_actors.insert(name.to_owned(), id);
        Ok(id)
    }

    fn link_actors(&mut self, event_id: i64, e: &Event) -> Result<()> {
        let fields = [
            (1, e.actor1.as_deref()),
            (2, e.assoc_actor_1.as_deref()),
            (3, e.actor2.as_deref()),
            (4, e.assoc_actor_2.as_deref()),
        ];
        let mut ids: Vec<i64> = Vec::new();
        let mut roles: Vec<i32> = Vec::new();
        for (role, field) in fields {
            for name in actor_names(field) {
                ids.push(self.actor_id(name)?);
                roles.push(role);
            }
        }
        if ids.is_empty() {
            return Ok(());
        }
        self.tx.execute(
            "link actors",
            "INSERT INTO event_actors (actor_id, event_id, role) \
             SELECT a, $2, r FROM unnest($1::bigint[], $3::int[]) AS t(a, r) \
             ON CONFLICT DO NOTHING",
            &[&ids, &event_id, &roles],
        )?;
        Ok(())
    }

    fn insert_event(&mut self, e: &Event, meta: &RowMeta<'_>) -> Result<i64> {
        let mut params: Params = vec![
            Box::new(meta.origin.as_str()),
            Box::new(meta.event_id_cnty.map(str::to_owned)),
            Box::new(meta.notes.map(str::to_owned)),
            Box::new(meta.notes_search.clone()),
            Box::new(meta.source.map(str::to_owned)),
            Box::new(meta.coder_version.map(str::to_owned)),
            Box::new(meta.source_count),
            Box::new(self.now),
            Box::new(self.now),
        ];
        params.extend(event_params(e));
        let id: i64 = self
            .tx
            .query_one("insert an event", insert_event_sql(), &crate::refs(&params))?
            .get(0);
        self.link_actors(id, e)?;
        Ok(id)
    }

    fn update_event(
        &mut self,
        id: i64,
        e: &Event,
        meta: &RowMeta<'_>,
        relink_actors: bool,
    ) -> Result<()> {
        let mut params: Params = vec![
            Box::new(id),
            Box::new(meta.notes.map(str::to_owned)),
            Box::new(meta.notes_search.clone()),
            Box::new(meta.source.map(str::to_owned)),
            Box::new(meta.coder_version.map(str::to_owned)),
            Box::new(meta.source_count),
            Box::new(self.now),
        ];
        params.extend(event_params(e));
        self.tx
            .execute("update an event", update_event_sql(), &crate::refs(&params))?;
        if relink_actors {
            self.tx.execute(
                "unlink actors",
                "DELETE FROM event_actors WHERE event_id = $1",
                &[&id],
            )?;
            self.link_actors(id, e)?;
        }
        Ok(())
    }

    fn insert_link(
        &mut self,
        event_id: i64,
        doc_key: i64,
        coded: &Event,
        merge_reason: Option<&str>,
        run: Option<RunId>,
    ) -> Result<()> {
        let (coded_json, evidence) = coded_json(coded, event_id)?;
        self.tx.execute(
            "link a source",
            "INSERT INTO event_sources (event_id, doc_key, evidence, fatalities, coded_event, \
             merge_reason, run_id, linked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &event_id,
                &doc_key,
                &evidence,
                &coded.fatalities.map(i64::from),
                &coded_json,
                &merge_reason,
                &run.map(|r| r.0),
                &self.now,
            ],
        )?;
        Ok(())
    }

    /// Recompute a Rasd event from its sources; delete it when none is left. Returns whether it
    /// still exists. With the stored row (`current`), a merge that changes no ACLED field
    /// writes only the counts and the outlets.
    fn recompute_event(
        &mut self,
        event_id: i64,
        coder_version: Option<&str>,
        current: Option<&StoredEvent>,
    ) -> Result<bool> {
        let rows = self.tx.query(
            "read the sources of an event",
            SOURCES_SQL,
            &[&vec![event_id]],
        )?;
        let mut coded = Vec::with_capacity(rows.len());
        for row in &rows {
            coded.push(parse_coded(row.get(2), row.get(1))?);
        }
        let outlets = rows.iter().map(|r| r.get::<_, Option<&str>>(3));
        let Some(r) = recomputed(coded.iter().zip(outlets), current) else {
            self.tx.execute(
                "delete an event without sources",
                "DELETE FROM events WHERE id = $1",
                &[&event_id],
            )?;
            return Ok(false);
        };
        let meta = RowMeta {
            origin: Origin::Rasd,
            event_id_cnty: None,
            notes: None,
            notes_search: None,
            source: r.source.as_deref(),
            coder_version,
            source_count: r.source_count,
        };
        match r.change {
            FieldChange::Counts => {
                self.tx.execute(
                    "update an event",
                    "UPDATE events SET source = $2, coder_version = coalesce($3, coder_version), \
                     source_count = $4, updated_at = $5 WHERE id = $1",
                    &[
                        &event_id,
                        &meta.source,
                        &meta.coder_version,
                        &meta.source_count,
                        &self.now,
                    ],
                )?;
            }
            FieldChange::Fields => self.update_event(event_id, &r.event, &meta, false)?,
            FieldChange::FieldsAndActors => self.update_event(event_id, &r.event, &meta, true)?,
        }
        Ok(true)
    }
}

/// Each lookup and write a statement of its own: relinking (one document) and, when a batch
/// fails in [`crate::bulk`], the replay that names the failing document.
impl BatchBackend for Writer<'_, '_> {
    fn hash_of_id(&mut self, id: &str) -> Result<Option<ContentHash>> {
        let row = self.tx.query_opt(
            "look up a document",
            "SELECT content_hash FROM documents WHERE id = $1",
            &[&id],
        )?;
        Ok(row.map(|r| content_hash(r.get(0))))
    }

    fn id_of_canonical_url(&mut self, url: &str) -> Result<Option<String>> {
        let row = self.tx.query_opt(
            "look up a document",
            "SELECT id FROM documents WHERE canonical_url = $1",
            &[&url],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn id_of_hash(&mut self, hash: &ContentHash) -> Result<Option<String>> {
        let row = self.tx.query_opt(
            "look up a document",
            "SELECT id FROM documents WHERE content_hash = $1",
            &[&&hash.0[..]],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn band_neighbours(&mut self, hash: u64) -> Result<Vec<(i64, u64)>> {
        let keys = bands(hash).to_vec();
        let rows = self.tx.query(
            "find near-duplicates",
            "SELECT doc_key, simhash FROM document_bands WHERE band_key = ANY($1)",
            &[&keys],
        )?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as u64))
            .collect())
    }

    fn near_root(&mut self, doc_key: i64) -> Result<(i64, String)> {
        let row = self
            .tx
            .query_one("find near-duplicates", NEAR_ROOT_SQL, &[&vec![doc_key]])?;
        Ok((row.get(1), row.get(2)))
    }

    fn insert_document(
        &mut self,
        p: &PreparedDocument<'_>,
        near_duplicate_of: Option<i64>,
        run: RunId,
    ) -> Result<i64> {
        let doc = p.doc;
        let sim = p.simhash();
        let (body, alt) = p.index_form();
        let search = tsvector(&body, &alt);
        let doc_key: i64 = self
            .tx
            .query_one(
                "insert a document",
                "INSERT INTO documents (id, title, text, url, canonical_url, source, published, \
                 language, content_hash, simhash, near_duplicate_of, ingested_at, run_id, search) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
                 $14::text::tsvector) RETURNING doc_key",
                &[
                    &doc.id,
                    &doc.title,
                    &doc.text,
                    &doc.url,
                    &p.canonical_url,
                    &doc.source,
                    &doc.published,
                    &doc.lang.map(|l| l.as_str()),
                    &&p.hash.0[..],
                    &(sim.hash as i64),
                    &near_duplicate_of,
                    &self.now,
                    &run.0,
                    &search,
                ],
            )?
            .get(0);
        if let Some(keys) = p.band_keys() {
            self.tx.execute(
                "index SimHash bands",
                "INSERT INTO document_bands (band_key, doc_key, simhash) \
                 SELECT k, $2, $3 FROM unnest($1::bigint[]) AS t(k)",
                &[&keys.to_vec(), &doc_key, &(sim.hash as i64)],
            )?;
        }
        Ok(doc_key)
    }

    fn events_of_docs(&mut self, doc_keys: &[i64]) -> Result<HashSet<i64>> {
        let rows = self.tx.query(
            "read the events of a document",
            "SELECT event_id FROM event_sources WHERE doc_key = ANY($1)",
            &[&doc_keys],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn merge_candidates(&mut self, w: &MergeWindow) -> Result<Vec<StoredEvent>> {
        crate::bulk::events_in_windows(self.tx, &[w])
    }

    fn link_source(
        &mut self,
        event_id: i64,
        doc_key: i64,
        coded: &Event,
        merge_reason: Option<&str>,
        run: Option<RunId>,
    ) -> Result<()> {
        self.insert_link(event_id, doc_key, coded, merge_reason, run)
    }

    fn recompute(
        &mut self,
        event_id: i64,
        coder_version: Option<&str>,
        current: Option<&StoredEvent>,
    ) -> Result<bool> {
        self.recompute_event(event_id, coder_version, current)
    }

    fn create_event(
        &mut self,
        event: &Event,
        doc_source: Option<&str>,
        coder_version: &str,
    ) -> Result<i64> {
        let meta = RowMeta {
            origin: Origin::Rasd,
            event_id_cnty: None,
            notes: None,
            notes_search: None,
            source: doc_source,
            coder_version: Some(coder_version),
            source_count: 1,
        };
        self.insert_event(event, &meta)
    }
}

/// `(event_id, link id, coded_event, outlet)` of the sources of the events `$1`, in link order.
pub(crate) const SOURCES_SQL: &str = "SELECT es.event_id, es.id, es.coded_event, d.source \
     FROM event_sources es JOIN documents d ON d.doc_key = es.doc_key \
     WHERE es.event_id = ANY($1) ORDER BY es.event_id, es.id";

/// `(doc_key, root doc_key, root id)` of the documents `$1` (`root`: the document each nearly
/// duplicates, or itself).
pub(crate) const NEAR_ROOT_SQL: &str = "SELECT d.doc_key, r.doc_key, r.id FROM documents d \
     JOIN documents r ON r.doc_key = coalesce(d.near_duplicate_of, d.doc_key) \
     WHERE d.doc_key = ANY($1)";

/// A content hash as stored (a column of another length matches nothing).
pub(crate) fn content_hash(bytes: &[u8]) -> ContentHash {
    ContentHash::from_slice(bytes).unwrap_or(ContentHash([0; 32]))
}

/// Name the document whose storing failed.
fn in_document(doc_id: &str) -> impl FnOnce(StoreError) -> StoreError + '_ {
    move |e| match e {
        StoreError::Backend {
            operation,
            doc_id: None,
            source,
        } => StoreError::Backend {
            operation,
            doc_id: Some(doc_id.to_owned()),
            source,
        },
        other => other,
    }
}

/// [`rasd_store::Store::put_batch`]: in bulk ([`crate::bulk`]); when that fails, replayed
/// one statement at a time, so the error names the document that fails (or the replay
/// succeeds, when the failure was another writer's doing).
pub(crate) fn put_batch(
    conn: &mut Conn,
    run: RunId,
    batch: &[(Document, Vec<Event>)],
    coder_version: &str,
) -> Result<Vec<DocOutcome>> {
    match crate::bulk::put_batch(conn, run, batch, coder_version) {
        Err(StoreError::Backend { .. }) => {
            // Ids of actors added by the rolled-back transaction are gone with it.
            conn.actors.clear();
            conn.replayed_batches += 1;
            put_batch_direct(conn, run, batch, coder_version)
        }
        other => other,
    }
}

/// [`rasd_store::Store::put_batch`] one statement at a time (about eight round trips per
/// document): the replay of a batch whose bulk write ([`crate::bulk`]) failed, which names
/// the document that fails.
pub(crate) fn put_batch_direct(
    conn: &mut Conn,
    run: RunId,
    batch: &[(Document, Vec<Event>)],
    coder_version: &str,
) -> Result<Vec<DocOutcome>> {
    let mut tx = conn.transaction("begin a batch")?;
    check_run(&mut tx, run)?;
    let mut counts = RunCounts::default();
    let mut out = Vec::with_capacity(batch.len());
    {
        let mut w = Writer {
            tx: &mut tx,
            now: now(),
        };
        for (doc, events) in batch {
            let prepared = prepare_document(doc);
            let o = put_document(
                &mut w,
                run,
                doc,
                prepared.as_ref().map_err(|r| *r),
                events,
                coder_version,
                &mut counts,
            )
            .map_err(in_document(&doc.id))?;
            out.push(o);
        }
    }
    count_batch(&mut tx, run, &counts)?;
    tx.commit("commit a batch")?;
    Ok(out)
}

/// Add a batch's counts to its run.
pub(crate) fn count_batch(tx: &mut Tx<'_>, run: RunId, counts: &RunCounts) -> Result<()> {
    let n = |v: u64| v as i64;
    tx.execute(
        "count a batch",
        "UPDATE ingest_runs SET docs_new = docs_new + $2, docs_duplicate = docs_duplicate + $3, \
         docs_near_duplicate = docs_near_duplicate + $4, docs_skipped = docs_skipped + $5, \
         events_new = events_new + $6, events_merged = events_merged + $7 WHERE id = $1",
        &[
            &run.0,
            &n(counts.docs_new),
            &n(counts.docs_duplicate),
            &n(counts.docs_near_duplicate),
            &n(counts.docs_skipped),
            &n(counts.events_new),
            &n(counts.events_merged),
        ],
    )?;
    Ok(())
}

/// Fail unless the run exists.
pub(crate) fn check_run(tx: &mut Tx<'_>, run: RunId) -> Result<()> {
    let exists = tx.query_opt(
        "look up a run",
        "SELECT id FROM ingest_runs WHERE id = $1",
        &[&run.0],
    )?;
    if exists.is_none() {
        return Err(StoreError::RunNotFound { run_id: run.0 });
    }
    Ok(())
}

pub(crate) fn relink_document(
    conn: &mut Conn,
    doc_id: &str,
    events: &[Event],
    coder_version: &str,
) -> Result<RelinkOutcome> {
    let mut tx = conn.transaction("begin a relink")?;
    let mut outcome = RelinkOutcome::default();
    {
        let now = now();
        let doc = tx.query_opt(
            "look up a document",
            // FOR UPDATE: two recodes of one document queue instead of interleaving.
            "SELECT doc_key, near_duplicate_of, source, run_id FROM documents WHERE id = $1 \
             FOR UPDATE",
            &[&doc_id],
        )?;
        let Some(doc) = doc else {
            return Err(StoreError::DocumentNotFound {
                doc_id: doc_id.to_owned(),
            });
        };
        let doc_key: i64 = doc.get(0);
        let near_of: Option<i64> = doc.get(1);
        let doc_source: Option<String> = doc.get(2);
        let run = doc.get::<_, Option<i64>>(3).map(RunId);
        let old = tx.query(
            "read the links of a document",
            "SELECT id, event_id, coded_event FROM event_sources WHERE doc_key = $1 ORDER BY id",
            &[&doc_key],
        )?;
        let mut old_coded = Vec::with_capacity(old.len());
        for r in &old {
            let link_id: i64 = r.get(0);
            old_coded.push((link_id, r.get::<_, i64>(1), parse_coded(r.get(2), link_id)?));
        }
        let mut w = Writer { tx: &mut tx, now };
        // 1. New events that are the same as an old one keep its link (and so its event id).
        let mut matched_old = vec![false; old_coded.len()];
        let mut unmatched_new = Vec::new();
        let mut touched: Vec<i64> = Vec::new();
        let old_events: Vec<&Event> = old_coded.iter().map(|(_, _, c)| c).collect();
        for (e, hit) in events.iter().zip(match_recoded(&old_events, events)) {
            match hit {
                Some(i) => {
                    matched_old[i] = true;
                    let (link_id, event_id, _) = &old_coded[i];
                    let (json, evidence) = coded_json(e, *event_id)?;
                    w.tx.execute(
                        "update a link",
                        "UPDATE event_sources SET coded_event = $2, evidence = $3, \
                         fatalities = $4, linked_at = $5 WHERE id = $1",
                        &[
                            link_id,
                            &json,
                            &evidence,
                            &e.fatalities.map(i64::from),
                            &now,
                        ],
                    )?;
                    outcome.kept.push(EventId(*event_id));
                    touched.push(*event_id);
                }
                None => unmatched_new.push(e),
            }
        }
        // 2. Old links with no counterpart go.
        for (i, (link_id, event_id, _)) in old_coded.iter().enumerate() {
            if !matched_old[i] {
                w.tx.execute(
                    "remove a link",
                    "DELETE FROM event_sources WHERE id = $1",
                    &[link_id],
                )?;
                touched.push(*event_id);
            }
        }
        // 3. Recompute (or delete) every event the document was a source of.
        touched.sort_unstable();
        touched.dedup();
        for id in touched {
            let kept = outcome.kept.contains(&EventId(id));
            if w.recompute_event(id, kept.then_some(coder_version), None)? {
                if !kept {
                    outcome.updated.push(EventId(id));
                }
            } else {
                outcome.deleted.push(EventId(id));
            }
        }
        // 4. The rest is placed as in put_batch.
        let scope = match near_of {
            Some(root) => Some(w.events_of_docs(&[root])?),
            None => None,
        };
        let mut linked: HashSet<i64> = outcome.kept.iter().map(|e| e.0).collect();
        for e in unmatched_new {
            match place_event(
                &mut w,
                e,
                doc_key,
                doc_source.as_deref(),
                run,
                coder_version,
                &mut linked,
                scope.as_ref(),
            )? {
                Placement::New(id) => outcome.created.push(EventId(id)),
                Placement::Merged(id) => outcome.merged_into.push(EventId(id)),
                Placement::Dropped => {}
            }
        }
    }
    tx.commit("commit a relink")?;
    Ok(outcome)
}
