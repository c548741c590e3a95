//! The SQLite write path: ingest runs, document batches, recode relinking, ACLED imports.
//!
//! Every public operation is one `BEGIN IMMEDIATE` transaction (immediate, so two writers queue
//! on the busy timeout instead of deadlocking on a read-to-write upgrade). Any error rolls the
//! whole call back: the transaction is dropped without commit.

use crate::batch::{self, BatchBackend, FieldChange, MergeWindow, Placement, PreparedDocument};
use crate::error::SqlContext;
use crate::fingerprint::{bands, ContentHash};
use crate::schema::{
    self, actor_names, actor_norm, event_values, EVENT_COLUMNS, EVENT_FIELD_NAMES,
};
use crate::{
    AcledRecord, DocOutcome, EventId, ImportReport, Origin, RelinkOutcome, Result, RunCounts,
    RunId, RunStatus, StoreError,
};
use rasd_model::{Document, Event};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn immediate<'c>(conn: &'c mut Connection, operation: &'static str) -> Result<Transaction<'c>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .during(operation)
}

pub(crate) fn begin_run(
    conn: &Connection,
    inputs: &[String],
    coder_version: Option<&str>,
) -> Result<RunId> {
    let inputs = serde_json::to_string(inputs).map_err(|source| StoreError::Json {
        table: "ingest_runs",
        column: "inputs",
        row_id: 0,
        source,
    })?;
    conn.execute(
        "INSERT INTO ingest_runs (started_at, inputs, coder_version) VALUES (?1, ?2, ?3)",
        params![now(), inputs, coder_version],
    )
    .during("begin a run")?;
    Ok(RunId(conn.last_insert_rowid()))
}

pub(crate) fn finish_run(conn: &Connection, run: RunId, status: RunStatus) -> Result<()> {
    let n = conn
        .execute(
            "UPDATE ingest_runs SET status = ?2, finished_at = ?3 WHERE id = ?1",
            params![run.0, status.as_str(), now()],
        )
        .during("finish a run")?;
    if n == 0 {
        return Err(StoreError::RunNotFound { run_id: run.0 });
    }
    Ok(())
}

fn insert_event_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let cols = EVENT_FIELD_NAMES.join(", ");
        let marks: Vec<String> = (1..=8 + EVENT_FIELD_NAMES.len())
            .map(|i| format!("?{i}"))
            .collect();
        format!(
            "INSERT INTO events (origin, event_id_cnty, notes, source, coder_version, \
             source_count, created_at, updated_at, {cols}) VALUES ({})",
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
            .map(|(i, c)| format!("{c} = ?{}", i + 7))
            .collect();
        format!(
            "UPDATE events SET notes = ?2, source = ?3, coder_version = coalesce(?4, coder_version), \
             source_count = ?5, updated_at = ?6, {} WHERE id = ?1",
            sets.join(", ")
        )
    })
}

/// The sources of an event, for [`Writer::recompute`] (unordered: see there).
const SOURCES_OF_EVENT_SQL: &str = "SELECT es.id, es.coded_event, \
     (SELECT d.source FROM documents d WHERE d.doc_key = es.doc_key) \
     FROM event_sources es WHERE es.event_id = ?1";

/// Extra columns of an event row besides the ACLED fields.
struct RowMeta<'a> {
    origin: Origin,
    event_id_cnty: Option<&'a str>,
    notes: Option<&'a str>,
    source: Option<&'a str>,
    coder_version: Option<&'a str>,
    source_count: i64,
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::Text(s.to_owned()))
}

/// State of one write transaction.
struct Writer<'t> {
    tx: &'t Transaction<'t>,
    now: i64,
    /// Actor name -> id, valid for this transaction only (dropped with it on rollback).
    actors: HashMap<String, i64>,
    /// FTS rows `(rowid, body, alt)` written by [`Writer::flush_fts`] just before commit.
    fts_documents: Vec<(i64, String, String)>,
    fts_notes: Vec<(i64, String, String)>,
    fts_notes_removed: Vec<i64>,
}

impl<'t> Writer<'t> {
    fn new(tx: &'t Transaction<'t>) -> Self {
        Writer {
            tx,
            now: now(),
            actors: HashMap::new(),
            fts_documents: Vec::new(),
            fts_notes: Vec::new(),
            fts_notes_removed: Vec::new(),
        }
    }

    /// Write the collected full-text rows. FTS5 keeps pending rows in memory but flushes them
    /// to a new on-disk segment at every statement savepoint, and every insert into `events`
    /// (which has triggers) opens one: interleaved with the other writes, each FTS row became
    /// its own segment and the merges dominated bulk loads (measured: ~90% of the time of a
    /// 1M-event import). Written last, the rows form one segment per transaction.
    fn flush_fts(&mut self) -> Result<()> {
        for id in std::mem::take(&mut self.fts_notes_removed) {
            self.tx
                .prepare_cached("DELETE FROM notes_fts WHERE rowid = ?1")
                .and_then(|mut s| s.execute([id]))
                .during("unindex ACLED notes")?;
        }
        for (table, rows) in [
            ("documents_fts", std::mem::take(&mut self.fts_documents)),
            ("notes_fts", std::mem::take(&mut self.fts_notes)),
        ] {
            if rows.is_empty() {
                continue;
            }
            let sql = format!("INSERT INTO {table} (rowid, body, alt) VALUES (?1, ?2, ?3)");
            let mut stmt = self.tx.prepare_cached(&sql).during("index text")?;
            for (id, body, alt) in rows {
                stmt.execute(params![id, body, alt]).during("index text")?;
            }
        }
        Ok(())
    }

    fn actor_id(&mut self, name: &str) -> Result<i64> {
        if let Some(&id) = self.actors.get(name) {
            return Ok(id);
        }
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM actors WHERE name = ?1")
            .and_then(|mut s| s.query_row([name], |r| r.get(0)).optional())
            .during("look up an actor")?;
        let id = match found {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached("INSERT INTO actors (name, name_norm) VALUES (?1, ?2)")
                    .and_then(|mut s| s.execute(params![name, actor_norm(name)]))
                    .during("insert an actor")?;
                self.tx.last_insert_rowid()
            }
        };
        self.actors.insert(name.to_owned(), id);
        Ok(id)
    }

    fn link_actors(&mut self, event_id: i64, e: &Event) -> Result<()> {
        let fields = [
            (1, e.actor1.as_deref()),
            (2, e.assoc_actor_1.as_deref()),
            (3, e.actor2.as_deref()),
            (4, e.assoc_actor_2.as_deref()),
        ];
        for (role, field) in fields {
            for name in actor_names(field) {
                let actor = self.actor_id(name)?;
                self.tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO event_actors (actor_id, event_id, role) \
                         VALUES (?1, ?2, ?3)",
                    )
                    .and_then(|mut s| s.execute(params![actor, event_id, role]))
                    .during("link an actor")?;
            }
        }
        Ok(())
    }

    fn relink_actors(&mut self, event_id: i64, e: &Event) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM event_actors WHERE event_id = ?1")
            .and_then(|mut s| s.execute([event_id]))
            .during("unlink actors")?;
        self.link_actors(event_id, e)
    }

    fn insert_event(&mut self, e: &Event, meta: &RowMeta<'_>) -> Result<i64> {
        let mut values = vec![
            Value::Text(meta.origin.as_str().to_owned()),
            opt(meta.event_id_cnty),
            opt(meta.notes),
            opt(meta.source),
            opt(meta.coder_version),
            Value::Integer(meta.source_count),
            Value::Integer(self.now),
            Value::Integer(self.now),
        ];
        values.extend(event_values(e));
        self.tx
            .prepare_cached(insert_event_sql())
            .and_then(|mut s| s.execute(params_from_iter(values.iter())))
            .during("insert an event")?;
        let id = self.tx.last_insert_rowid();
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
        let mut values = vec![
            Value::Integer(id),
            opt(meta.notes),
            opt(meta.source),
            opt(meta.coder_version),
            Value::Integer(meta.source_count),
            Value::Integer(self.now),
        ];
        values.extend(event_values(e));
        self.tx
            .prepare_cached(update_event_sql())
            .and_then(|mut s| s.execute(params_from_iter(values.iter())))
            .during("update an event")?;
        if relink_actors {
            self.relink_actors(id, e)?;
        }
        Ok(())
    }

    fn insert_link(
        &self,
        event_id: i64,
        doc_key: i64,
        coded: &Event,
        merge_reason: Option<&str>,
        run: Option<RunId>,
    ) -> Result<()> {
        let (coded_json, evidence) = coded_json(coded, event_id)?;
        self.tx
            .prepare_cached(
                "INSERT INTO event_sources (event_id, doc_key, evidence, fatalities, coded_event, \
                 merge_reason, run_id, linked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    event_id,
                    doc_key,
                    evidence,
                    coded.fatalities,
                    coded_json,
                    merge_reason,
                    run.map(|r| r.0),
                    self.now
                ])
            })
            .during("link a source")?;
        Ok(())
    }

    /// Recompute a Rasd event from its sources; delete it when none is left. Returns whether it
    /// still exists.
    ///
    /// `current` is the stored row when the caller has it (a merge): then only what changed is
    /// written. Most merges change no ACLED field (the new report agrees with the event), and
    /// rewriting the whole row touched every index, the R*Tree and the actor links.
    fn recompute_event(
        &mut self,
        event_id: i64,
        coder_version: Option<&str>,
        current: Option<&crate::StoredEvent>,
    ) -> Result<bool> {
        // Sorted here rather than with ORDER BY es.id, and the outlet read by a subquery rather
        // than a join: SQLite plans a one-table equality lookup without looking at the bound
        // value, but with ORDER BY or a join (3.54) it marks the plan as depending on the bound
        // id, and a statement from rusqlite's cache (bindings cleared on return) was then
        // re-prepared on every call (`recompute_statement_is_not_reprepared`).
        let mut rows: Vec<(i64, String, Option<String>)> = self
            .tx
            .prepare_cached(SOURCES_OF_EVENT_SQL)
            .and_then(|mut s| {
                s.query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .during("read the sources of an event")?;
        rows.sort_unstable_by_key(|r| r.0);
        let mut coded = Vec::with_capacity(rows.len());
        for (link_id, json, _) in &rows {
            coded.push(parse_coded(json, *link_id)?);
        }
        let sources = coded.iter().zip(rows.iter().map(|r| r.2.as_deref()));
        let Some(r) = batch::recomputed(sources, current) else {
            self.tx
                .prepare_cached("DELETE FROM events WHERE id = ?1")
                .and_then(|mut s| s.execute([event_id]))
                .during("delete an event without sources")?;
            return Ok(false);
        };
        let meta = RowMeta {
            origin: Origin::Rasd,
            event_id_cnty: None,
            notes: None,
            source: r.source.as_deref(),
            coder_version,
            source_count: r.source_count,
        };
        match r.change {
            FieldChange::Counts => self.update_counts(event_id, &meta)?,
            FieldChange::Fields => self.update_event(event_id, &r.event, &meta, false)?,
            FieldChange::FieldsAndActors => self.update_event(event_id, &r.event, &meta, true)?,
        }
        Ok(true)
    }

    /// The part of [`Writer::update_event`] for an event whose ACLED fields did not change.
    fn update_counts(&mut self, id: i64, meta: &RowMeta<'_>) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE events SET notes = ?2, source = ?3, \
                 coder_version = coalesce(?4, coder_version), source_count = ?5, updated_at = ?6 \
                 WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![
                    id,
                    meta.notes,
                    meta.source,
                    meta.coder_version,
                    meta.source_count,
                    self.now
                ])
            })
            .during("update an event")?;
        Ok(())
    }

    fn lookup_id(&self, sql: &str, value: &dyn rusqlite::ToSql) -> Result<Option<String>> {
        self.tx
            .prepare_cached(sql)
            .and_then(|mut s| s.query_row([value], |r| r.get(0)).optional())
            .during("look up a document")
    }
}

impl BatchBackend for Writer<'_> {
    fn hash_of_id(&mut self, id: &str) -> Result<Option<ContentHash>> {
        let stored: Option<Vec<u8>> = self
            .tx
            .prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .during("look up a document")?;
        // A hash of another length (never written by this store) matches nothing.
        Ok(stored.map(|h| ContentHash::from_slice(&h).unwrap_or(ContentHash([0; 32]))))
    }

    fn id_of_canonical_url(&mut self, url: &str) -> Result<Option<String>> {
        self.lookup_id("SELECT id FROM documents WHERE canonical_url = ?1", &url)
    }

    fn id_of_hash(&mut self, hash: &ContentHash) -> Result<Option<String>> {
        self.lookup_id(
            "SELECT id FROM documents WHERE content_hash = ?1",
            &&hash.0[..],
        )
    }

    /// Candidates share a band; their SimHashes are read from the band rows (index only).
    fn band_neighbours(&mut self, hash: u64) -> Result<Vec<(i64, u64)>> {
        let keys = bands(hash);
        self.tx
            .prepare_cached(
                "SELECT doc_key, simhash FROM document_bands WHERE band_key IN (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut s| {
                s.query_map(params![keys[0], keys[1], keys[2], keys[3]], |r| {
                    Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
                })?
                .collect()
            })
            .during("find near-duplicates")
    }

    fn near_root(&mut self, doc_key: i64) -> Result<(i64, String)> {
        self.tx
            .prepare_cached(
                "SELECT r.doc_key, r.id FROM documents d JOIN documents r \
                 ON r.doc_key = coalesce(d.near_duplicate_of, d.doc_key) WHERE d.doc_key = ?1",
            )
            .and_then(|mut s| s.query_row([doc_key], |r| Ok((r.get(0)?, r.get(1)?))))
            .during("find near-duplicates")
    }

    fn insert_document(
        &mut self,
        p: &PreparedDocument<'_>,
        near_duplicate_of: Option<i64>,
        run: RunId,
    ) -> Result<i64> {
        let doc = p.doc;
        let sim = p.simhash();
        self.tx
            .prepare_cached(
                "INSERT INTO documents (id, title, text, url, canonical_url, source, published, \
                 language, content_hash, simhash, near_duplicate_of, ingested_at, run_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    doc.id,
                    doc.title,
                    doc.text,
                    doc.url,
                    p.canonical_url,
                    doc.source,
                    doc.published.map(|d| d.to_string()),
                    doc.lang.map(|l| l.as_str()),
                    &p.hash.0[..],
                    sim.hash as i64,
                    near_duplicate_of,
                    self.now,
                    run.0
                ])
            })
            .during("insert a document")?;
        let doc_key = self.tx.last_insert_rowid();
        let (body, alt) = p.index_form();
        self.fts_documents.push((doc_key, body, alt));
        if let Some(keys) = p.band_keys() {
            let mut stmt = self
                .tx
                .prepare_cached(
                    "INSERT INTO document_bands (band_key, doc_key, simhash) VALUES (?1, ?2, ?3)",
                )
                .during("index SimHash bands")?;
            for key in keys {
                stmt.execute(params![key, doc_key, sim.hash as i64])
                    .during("index SimHash bands")?;
            }
        }
        Ok(doc_key)
    }

    fn events_of_docs(&mut self, doc_keys: &[i64]) -> Result<HashSet<i64>> {
        let mut out = HashSet::new();
        for &k in doc_keys {
            let ids: Vec<i64> = self
                .tx
                .prepare_cached("SELECT event_id FROM event_sources WHERE doc_key = ?1")
                .and_then(|mut s| s.query_map([k], |r| r.get(0))?.collect())
                .during("read the events of a document")?;
            out.extend(ids);
        }
        Ok(out)
    }

    fn merge_candidates(&mut self, w: &MergeWindow) -> Result<Vec<crate::StoredEvent>> {
        static SQL: OnceLock<[String; 2]> = OnceLock::new();
        let [plain, boxed] = SQL.get_or_init(|| {
            let plain = format!(
                "SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_type = ?1 \
                 AND e.sort_date BETWEEN ?2 AND ?3"
            );
            let boxed = format!(
                "{plain} AND (e.latitude IS NULL OR e.longitude IS NULL OR \
                 (e.latitude BETWEEN ?4 AND ?5 AND e.longitude BETWEEN ?6 AND ?7))"
            );
            [plain, boxed]
        });
        let mut sql = plain;
        let mut values: Vec<Value> = vec![
            Value::Text(w.event_type.to_owned()),
            Value::Text(w.from.clone()),
            Value::Text(w.to.clone()),
        ];
        if let Some(bbox) = w.bbox {
            sql = boxed;
            values.extend(bbox.map(Value::Real));
        }
        let mut stmt = self
            .tx
            .prepare_cached(sql)
            .during("find merge candidates")?;
        let mut rows = stmt
            .query(params_from_iter(values.iter()))
            .during("find merge candidates")?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().during("find merge candidates")? {
            // Origin is tested here, not in SQL, so the lookup never leaves the index for rows
            // outside the box.
            let e = schema::stored_event(row)?;
            if e.origin == Origin::Rasd {
                out.push(e);
            }
        }
        Ok(out)
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
        current: Option<&crate::StoredEvent>,
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
            source: doc_source,
            coder_version: Some(coder_version),
            source_count: 1,
        };
        self.insert_event(event, &meta)
    }
}

/// The JSON of a coded event without its evidence, and the evidence JSON.
pub fn coded_json(coded: &Event, event_id: i64) -> Result<(String, String)> {
    let json_err = |source| StoreError::Json {
        table: "event_sources",
        column: "coded_event",
        row_id: event_id,
        source,
    };
    let evidence = serde_json::to_string(&coded.evidence).map_err(json_err)?;
    let mut bare = coded.clone();
    bare.evidence.clear();
    let json = serde_json::to_string(&bare).map_err(json_err)?;
    Ok((json, evidence))
}

pub fn parse_coded(json: &str, link_id: i64) -> Result<Event> {
    serde_json::from_str(json).map_err(|source| StoreError::Json {
        table: "event_sources",
        column: "coded_event",
        row_id: link_id,
        source,
    })
}

fn check_run(tx: &Transaction<'_>, run: RunId) -> Result<()> {
    let exists: Option<i64> = tx
        .query_row("SELECT id FROM ingest_runs WHERE id = ?1", [run.0], |r| {
            r.get(0)
        })
        .optional()
        .during("look up a run")?;
    if exists.is_none() {
        return Err(StoreError::RunNotFound { run_id: run.0 });
    }
    Ok(())
}

pub(crate) fn put_batch(
    conn: &mut Connection,
    run: RunId,
    batch: &[(Document, Vec<Event>)],
    coder_version: &str,
) -> Result<Vec<DocOutcome>> {
    let tx = immediate(conn, "begin a batch")?;
    check_run(&tx, run)?;
    let mut counts = RunCounts::default();
    let mut out = Vec::with_capacity(batch.len());
    let mut w = Writer::new(&tx);
    {
        for (doc, events) in batch {
            let prepared = batch::prepare_document(doc);
            let o = batch::put_document(
                &mut w,
                run,
                doc,
                prepared.as_ref().map_err(|r| *r),
                events,
                coder_version,
                &mut counts,
            )
            .map_err(|e| match e {
                StoreError::Sqlite { source, .. } => StoreError::PutDocument {
                    doc_id: doc.id.clone(),
                    source,
                },
                other => other,
            })?;
            out.push(o);
        }
    }
    w.flush_fts()?;
    drop(w);
    tx.execute(
        "UPDATE ingest_runs SET docs_new = docs_new + ?2, docs_duplicate = docs_duplicate + ?3, \
         docs_near_duplicate = docs_near_duplicate + ?4, docs_skipped = docs_skipped + ?5, \
         events_new = events_new + ?6, events_merged = events_merged + ?7 WHERE id = ?1",
        params![
            run.0,
            counts.docs_new as i64,
            counts.docs_duplicate as i64,
            counts.docs_near_duplicate as i64,
            counts.docs_skipped as i64,
            counts.events_new as i64,
            counts.events_merged as i64
        ],
    )
    .during("count a batch")?;
    tx.commit().during("commit a batch")?;
    Ok(out)
}

/// Same sub-event type, date and place names: a recode of the same event.
pub fn same_identity(a: &Event, b: &Event) -> bool {
    let norm = |s: &Option<String>| {
        s.as_deref()
            .map(|s| rasd_text::normalize(s.trim()).as_str().to_owned())
    };
    a.sub_event_type == b.sub_event_type
        && a.event_date == b.event_date
        && norm(&a.location) == norm(&b.location)
        && norm(&a.admin1) == norm(&b.admin1)
        && norm(&a.country) == norm(&b.country)
}

pub(crate) fn relink_document(
    conn: &mut Connection,
    doc_id: &str,
    events: &[Event],
    coder_version: &str,
) -> Result<RelinkOutcome> {
    let tx = immediate(conn, "begin a relink")?;
    let mut outcome = RelinkOutcome::default();
    {
        let mut w = Writer::new(&tx);
        type DocRow = (i64, Option<i64>, Option<String>, Option<i64>);
        let doc: Option<DocRow> = tx
            .query_row(
                "SELECT doc_key, near_duplicate_of, source, run_id FROM documents WHERE id = ?1",
                [doc_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .during("look up a document")?;
        let Some((doc_key, near_of, doc_source, run)) = doc else {
            return Err(StoreError::DocumentNotFound {
                doc_id: doc_id.to_owned(),
            });
        };
        let run = run.map(RunId);
        let old: Vec<(i64, i64, String)> = tx
            .prepare(
                "SELECT id, event_id, coded_event FROM event_sources WHERE doc_key = ?1 ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([doc_key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect()
            })
            .during("read the links of a document")?;
        let mut old_coded = Vec::with_capacity(old.len());
        for (link_id, event_id, json) in old {
            old_coded.push((link_id, event_id, parse_coded(&json, link_id)?));
        }

        // 1. New events that are the same as an old one keep its link (and so its event id).
        let mut matched_old = vec![false; old_coded.len()];
        let mut unmatched_new = Vec::new();
        let mut touched: Vec<i64> = Vec::new();
        let old_events: Vec<&Event> = old_coded.iter().map(|(_, _, c)| c).collect();
        for (e, hit) in events.iter().zip(batch::match_recoded(&old_events, events)) {
            match hit {
                Some(i) => {
                    matched_old[i] = true;
                    let (link_id, event_id, _) = &old_coded[i];
                    let (json, evidence) = coded_json(e, *event_id)?;
                    tx.prepare_cached(
                        "UPDATE event_sources SET coded_event = ?2, evidence = ?3, fatalities = ?4, \
                         linked_at = ?5 WHERE id = ?1",
                    )
                    .and_then(|mut s| {
                        s.execute(params![link_id, json, evidence, e.fatalities, w.now])
                    })
                    .during("update a link")?;
                    outcome.kept.push(EventId(*event_id));
                    touched.push(*event_id);
                }
                None => unmatched_new.push(e),
            }
        }
        // 2. Old links with no counterpart go.
        for (i, (link_id, event_id, _)) in old_coded.iter().enumerate() {
            if !matched_old[i] {
                tx.prepare_cached("DELETE FROM event_sources WHERE id = ?1")
                    .and_then(|mut s| s.execute([link_id]))
                    .during("remove a link")?;
                touched.push(*event_id);
            }
        }
        // 3. Recompute (or delete) every event the document was a source of.
        touched.sort_unstable();
        touched.dedup();
        for id in touched {
            let kept = outcome.kept.contains(&EventId(id));
            let cv = kept.then_some(coder_version);
            if w.recompute_event(id, cv, None)? {
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
            match batch::place_event(
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
    tx.commit().during("commit a relink")?;
    Ok(outcome)
}

pub(crate) fn import_acled(conn: &mut Connection, rows: &[AcledRecord]) -> Result<ImportReport> {
    let tx = immediate(conn, "begin an ACLED import")?;
    let mut report = ImportReport::default();
    {
        let mut w = Writer::new(&tx);
        let select = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id_cnty = ?1");
        for rec in rows {
            let mut event = rec.event.clone();
            event.evidence.clear();
            let existing = {
                let mut stmt = tx
                    .prepare_cached(&select)
                    .during("look up an ACLED event")?;
                let mut q = stmt
                    .query([&rec.event_id_cnty])
                    .during("look up an ACLED event")?;
                match q.next().during("look up an ACLED event")? {
                    Some(row) => Some(schema::stored_event(row)?),
                    None => None,
                }
            };
            let meta = RowMeta {
                origin: Origin::Acled,
                event_id_cnty: Some(&rec.event_id_cnty),
                notes: rec.notes.as_deref(),
                source: rec.source.as_deref(),
                coder_version: None,
                source_count: 0,
            };
            let id = match existing {
                Some(s) if s.origin != Origin::Acled => {
                    // Cannot happen: only imports set event_id_cnty.
                    return Err(StoreError::Corrupt {
                        table: "events",
                        column: "origin",
                        row_id: s.id.0,
                        value: s.origin.as_str().to_owned(),
                    });
                }
                Some(s) if s.event == event && s.notes == rec.notes && s.source == rec.source => {
                    report.unchanged += 1;
                    continue;
                }
                Some(s) => {
                    w.update_event(s.id.0, &event, &meta, true)?;
                    w.fts_notes_removed.push(s.id.0);
                    report.updated += 1;
                    s.id.0
                }
                None => {
                    report.inserted += 1;
                    w.insert_event(&event, &meta)?
                }
            };
            if let Some(notes) = rec.notes.as_deref() {
                let (body, alt) = crate::fulltext::index_form(notes);
                w.fts_notes.push((id, body, alt));
            }
        }
        w.flush_fts()?;
    }
    tx.commit().during("commit an ACLED import")?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{combine_sources, SqliteStore, Store};

    /// Documents of `n` distinct events, each reported by two documents of different words.
    fn two_reports_each(n: usize) -> Vec<(Document, Vec<Event>)> {
        let mut out = Vec::new();
        for (i, (doc, events)) in crate::synthetic_documents(n, 7).into_iter().enumerate() {
            let mut other = doc.clone();
            other.id = format!("{}-again", doc.id);
            other.text = format!(
                "A second outlet, in its own words: number {i}, code {}.",
                i * 7
            );
            other.url = None;
            other.source = Some("Second Outlet".into());
            out.push((doc, events.clone()));
            out.push((other, events));
        }
        out
    }

    #[test]
    fn recompute_statement_is_not_reprepared() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let run = store.begin_run(&[], None).unwrap();
        for chunk in two_reports_each(200).chunks(100) {
            store.put_batch(run, chunk, "v1").unwrap();
        }
        let merged = store.run(run).unwrap().unwrap().counts.events_merged;
        assert!(merged >= 150, "the fixture must merge: {merged}");
        let stmt = store.conn.prepare_cached(SOURCES_OF_EVENT_SQL).unwrap();
        let runs = stmt.get_status(rusqlite::StatementStatus::Run);
        let reprepared = stmt.get_status(rusqlite::StatementStatus::RePrepare);
        assert!(runs as u64 >= merged, "{runs} runs for {merged} merges");
        assert!(
            reprepared <= 1,
            "re-prepared {reprepared} times in {runs} runs"
        );
    }

    /// A merge that changes no ACLED field writes only the counts and the outlets.
    #[test]
    fn agreeing_merge_updates_sources_and_keeps_fields() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let run = store.begin_run(&[], None).unwrap();
        let docs = two_reports_each(50);
        store.put_batch(run, &docs, "v1").unwrap();
        let all = crate::EventFilter {
            limit: Some(1000),
            ..Default::default()
        };
        let page = store.events(&all).unwrap();
        let merged: Vec<_> = page.events.iter().filter(|e| e.source_count == 2).collect();
        assert!(
            merged.len() >= 40,
            "{} of {}",
            merged.len(),
            page.events.len()
        );
        for e in merged {
            let detail = store.event_detail(e.id).unwrap().unwrap();
            let first = &detail.sources[0];
            let outlet = first.document.source.clone().unwrap();
            assert_eq!(
                e.source.as_deref(),
                Some(&*format!("{outlet}; Second Outlet"))
            );
            assert_eq!(
                Some(e.event.clone()),
                combine_sources(std::slice::from_ref(&first.coded))
            );
            // Actor links survive: the actor filter still finds the event.
            if let Some(actor) = e.event.actor1.as_deref() {
                let found = store
                    .events(&crate::EventFilter {
                        actor: Some(actor.to_owned()),
                        limit: Some(1000),
                        ..Default::default()
                    })
                    .unwrap();
                assert!(found.events.iter().any(|f| f.id == e.id), "{actor}");
            }
        }
    }
}
