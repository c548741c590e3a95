//! `put_batch` in a few round trips per batch instead of several per document.
//!
//! The rules are `rasd-store`'s ([`rasd_store::put_document`]), run document after document as
//! on SQLite; only where their lookups are answered and their writes go differs:
//!
//! 1. Read, in one statement each, what the batch can meet in the database: the stored
//!    documents with one of the batch's ids, content hashes or canonical URLs; the SimHash
//!    band rows of the documents that may be new (and, for the few within near-duplicate
//!    distance, their roots); the Rasd events in the merge windows of their events
//!    ([`rasd_store::MergeWindow`]), and the sources of those that can merge.
//! 2. Run the rules in memory over those rows and what the batch itself adds (a document may
//!    duplicate or merge with an earlier one of the same batch). New documents, events and
//!    links get provisional keys above every stored key, in creation order, so every
//!    "lowest key first" tie breaks as it will with the real keys.
//! 3. Reserve the real keys (one statement), then write each table with one multi-row
//!    `INSERT ... SELECT FROM unnest(arrays)` (events changed by merges: one `UPDATE ... FROM
//!    unnest`), the run's counts and the change counter, and commit.
//!
//! Rare lookups the first step cannot foresee (the events of a stored document a new one
//! nearly duplicates; the sources of an event that became mergeable only after an earlier
//! merge of the batch) are asked when they come up. A failed bulk write is rolled back and
//! the batch replayed one statement at a time (`write::put_batch_direct`), which names the
//! document that fails.

use crate::query::{stored_event, EVENT_COLUMNS};
use crate::write::{
    check_run, content_hash, count_batch, EventRow, Tx, EVENT_FIELD_TYPES, NEAR_ROOT_SQL,
    SOURCES_SQL,
};
use crate::{pg, tsvector, Conn};
use chrono::NaiveDate;
use postgres::types::ToSql;
use rasd_model::{Document, Event};
use rasd_store::{
    actor_names, actor_norm, bands, can_merge, closest_near_duplicate, coded_json, parse_coded,
    prepare_document, put_document, recomputed, AcledRecord, BatchBackend, ContentHash, DocOutcome,
    EventId, ImportReport, MergeWindow, Origin, PreparedDocument, Result, RunCounts, RunId,
    SkipReason, StoreError, StoredEvent, EVENT_FIELD_NAMES,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Provisional keys of rows created by the batch start here (stored keys are far below).
const PROVISIONAL: i64 = 1 << 62;

/// The bulk path: `Ok` when the batch was stored, or the error that rolled it back.
pub(crate) fn put_batch(
    conn: &mut Conn,
    run: RunId,
    batch: &[(Document, Vec<Event>)],
    coder_version: &str,
) -> Result<Vec<DocOutcome>> {
    let mut tx = conn.transaction("begin a batch")?;
    check_run(&mut tx, run)?;
    let prepared: Vec<std::result::Result<PreparedDocument<'_>, SkipReason>> =
        batch.iter().map(|(d, _)| prepare_document(d)).collect();
    let mut w = Bulk::new(&mut tx, batch, run);
    w.prefetch(&prepared)?;
    let mut counts = RunCounts::default();
    let mut out = Vec::with_capacity(batch.len());
    for (i, ((doc, events), p)) in batch.iter().zip(&prepared).enumerate() {
        w.current = i;
        let o = put_document(
            &mut w,
            run,
            doc,
            p.as_ref().map_err(|r| *r),
            events,
            coder_version,
            &mut counts,
        )?;
        out.push(o);
    }
    w.flush()?;
    count_batch(&mut tx, run, &counts)?;
    tx.commit("commit a batch")?;
    Ok(out)
}

/// A document the batch stores.
struct NewDoc {
    /// Index in the batch.
    index: usize,
    hash: ContentHash,
    canonical_url: Option<String>,
    simhash: u64,
    band_keys: Option<[i64; 4]>,
    near_duplicate_of: Option<i64>,
    /// The `tsvector` literal of title and text.
    search: String,
}

/// A Rasd event the batch may read or change.
struct PoolEvent {
    stored: StoredEvent,
    /// The event as read from the database (`None`: created by this batch).
    read: Option<Event>,
    /// Its stored sources, in link order, once read (`Some(empty)` for new events).
    stored_sources: Option<Vec<(Event, Option<String>)>>,
    /// Sources linked by this batch, in link order.
    new_sources: Vec<(Event, Option<String>)>,
    changed: bool,
}

/// A source link the batch adds.
struct NewLink {
    event_id: i64,
    doc_key: i64,
    coded: Event,
    merge_reason: Option<String>,
    run: Option<RunId>,
}

/// One batch's view of the database plus what it adds (see the module docs).
struct Bulk<'t, 'c, 'b> {
    tx: &'t mut Tx<'c>,
    batch: &'b [(Document, Vec<Event>)],
    run: RunId,
    now: i64,
    /// Index in the batch of the document the rules are storing.
    current: usize,
    // Stored documents met by the batch.
    stored_by_id: HashMap<String, ContentHash>,
    stored_by_url: HashMap<String, String>,
    stored_by_hash: HashMap<ContentHash, String>,
    stored_bands: HashMap<i64, Vec<(i64, u64)>>,
    /// doc_key -> (root doc_key, root id).
    stored_roots: HashMap<i64, (i64, String)>,
    /// Ids of documents by key (stored roots, new documents).
    doc_ids: HashMap<i64, String>,
    // What the batch adds.
    new_docs: Vec<NewDoc>,
    new_by_id: HashMap<String, ContentHash>,
    new_by_url: HashMap<String, String>,
    new_by_hash: HashMap<ContentHash, String>,
    new_bands: HashMap<i64, Vec<(i64, u64)>>,
    /// Events each new document is a source of.
    new_doc_events: HashMap<i64, Vec<i64>>,
    new_events: Vec<i64>,
    new_links: Vec<NewLink>,
    /// Rasd events in the batch's merge windows, and those it creates.
    pool: HashMap<i64, PoolEvent>,
    /// (event type, date) -> events of the pool (may hold stale entries: check the window).
    by_day: HashMap<(&'static str, String), Vec<i64>>,
}

impl<'t, 'c, 'b> Bulk<'t, 'c, 'b> {
    fn new(tx: &'t mut Tx<'c>, batch: &'b [(Document, Vec<Event>)], run: RunId) -> Self {
        Bulk {
            tx,
            batch,
            run,
            now: crate::write::now(),
            current: 0,
            stored_by_id: HashMap::new(),
            stored_by_url: HashMap::new(),
            stored_by_hash: HashMap::new(),
            stored_bands: HashMap::new(),
            stored_roots: HashMap::new(),
            doc_ids: HashMap::new(),
            new_docs: Vec::new(),
            new_by_id: HashMap::new(),
            new_by_url: HashMap::new(),
            new_by_hash: HashMap::new(),
            new_bands: HashMap::new(),
            new_doc_events: HashMap::new(),
            new_events: Vec::new(),
            new_links: Vec::new(),
            pool: HashMap::new(),
            by_day: HashMap::new(),
        }
    }

    /// A statement planned for its parameter values (the arrays' lengths matter to the plan).
    fn query_planned(
        &mut self,
        op: &'static str,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>> {
        self.tx.tx.query(sql, params).map_err(pg(op))
    }

    fn index_day(&mut self, id: i64) {
        let e = &self.pool[&id].stored.event;
        let day = e.event_date.map(|d| d.to_string()).unwrap_or_default();
        let list = self
            .by_day
            .entry((e.event_type.as_acled(), day))
            .or_default();
        if !list.contains(&id) {
            list.push(id);
        }
    }

    fn add_stored_event(&mut self, s: StoredEvent) {
        let id = s.id.0;
        if self.pool.contains_key(&id) {
            return;
        }
        self.pool.insert(
            id,
            PoolEvent {
                read: Some(s.event.clone()),
                stored: s,
                stored_sources: None,
                new_sources: Vec::new(),
                changed: false,
            },
        );
        self.index_day(id);
    }

    /// Ids of the pool events in a window.
    fn in_window(&self, w: &MergeWindow) -> Vec<i64> {
        let mut out = Vec::new();
        let Ok(mut day) = w.from.parse::<NaiveDate>() else {
            return out;
        };
        loop {
            let text = day.to_string();
            if text > w.to {
                break;
            }
            if let Some(ids) = self.by_day.get(&(w.event_type, text)) {
                for id in ids {
                    if !out.contains(id) && w.contains(&self.pool[id].stored) {
                        out.push(*id);
                    }
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        out
    }

    /// Step 1 of the module docs.
    fn prefetch(
        &mut self,
        prepared: &[std::result::Result<PreparedDocument<'_>, SkipReason>],
    ) -> Result<()> {
        let docs: Vec<&PreparedDocument<'_>> = prepared.iter().flatten().collect();
        if docs.is_empty() {
            return Ok(());
        }
        // Stored documents with one of the batch's ids, hashes or URLs.
        let ids: Vec<&str> = docs.iter().map(|p| p.doc.id.as_str()).collect();
        let hashes: Vec<&[u8]> = docs.iter().map(|p| &p.hash.0[..]).collect();
        let urls: Vec<&str> = docs
            .iter()
            .filter_map(|p| p.canonical_url.as_deref())
            .collect();
        let rows = self.query_planned(
            "look up documents",
            "SELECT id, content_hash, canonical_url FROM documents \
             WHERE id = ANY($1) OR content_hash = ANY($2) OR canonical_url = ANY($3)",
            &[&ids, &hashes, &urls],
        )?;
        for r in &rows {
            let id: String = r.get(0);
            let hash = content_hash(r.get(1));
            if let Some(url) = r.get::<_, Option<String>>(2) {
                self.stored_by_url.insert(url, id.clone());
            }
            self.stored_by_hash.insert(hash, id.clone());
            self.stored_by_id.insert(id, hash);
        }
        // The documents that may be stored: no stored copy.
        let fresh: Vec<&PreparedDocument<'_>> = docs
            .into_iter()
            .filter(|p| {
                !self.stored_by_id.contains_key(&p.doc.id)
                    && !p
                        .canonical_url
                        .as_ref()
                        .is_some_and(|u| self.stored_by_url.contains_key(u))
                    && !self.stored_by_hash.contains_key(&p.hash)
            })
            .collect();
        if fresh.is_empty() {
            return Ok(());
        }

        // SimHash neighbours, and the roots of those within near-duplicate distance.
        let mut keys: Vec<i64> = fresh
            .iter()
            .filter_map(|p| p.band_keys())
            .flatten()
            .collect();
        keys.sort_unstable();
        keys.dedup();
        if !keys.is_empty() {
            let rows = self.query_planned(
                "find near-duplicates",
                "SELECT band_key, doc_key, simhash FROM document_bands WHERE band_key = ANY($1)",
                &[&keys],
            )?;
            for r in &rows {
                let entry = (r.get::<_, i64>(1), r.get::<_, i64>(2) as u64);
                self.stored_bands.entry(r.get(0)).or_default().push(entry);
            }
            let mut near: Vec<i64> = Vec::new();
            for p in &fresh {
                let sim = p.simhash();
                if !sim.is_comparable() {
                    continue;
                }
                let neighbours = bands(sim.hash)
                    .into_iter()
                    .filter_map(|k| self.stored_bands.get(&k))
                    .flatten()
                    .copied();
                if let Some((_, key)) = closest_near_duplicate(sim.hash, neighbours) {
                    near.push(key);
                }
            }
            if !near.is_empty() {
                near.sort_unstable();
                near.dedup();
                let rows = self.query_planned("find near-duplicates", NEAR_ROOT_SQL, &[&near])?;
                for r in &rows {
                    let (root, id): (i64, String) = (r.get(1), r.get(2));
                    self.doc_ids.insert(root, id.clone());
                    self.stored_roots.insert(r.get(0), (root, id));
                }
            }
        }

        // Rasd events in the merge windows of the fresh documents' events.
        let fresh_ids: HashSet<&str> = fresh.iter().map(|p| p.doc.id.as_str()).collect();
        let events: Vec<&Event> = self
            .batch
            .iter()
            .filter(|(d, _)| fresh_ids.contains(d.id.as_str()))
            .flat_map(|(_, events)| events)
            .collect();
        let mut windows: Vec<(&Event, MergeWindow)> = Vec::new();
        for e in &events {
            if let Some(w) = MergeWindow::of(e) {
                windows.push((e, w));
            }
        }
        if windows.is_empty() {
            return Ok(());
        }
        let mut unique: Vec<&MergeWindow> = Vec::new();
        let mut seen: HashSet<(&str, &str, &'static str, Option<[u64; 4]>)> = HashSet::new();
        for (_, w) in &windows {
            let key = (
                w.from.as_str(),
                w.to.as_str(),
                w.event_type,
                w.bbox.map(|b| b.map(f64::to_bits)),
            );
            if seen.insert(key) {
                unique.push(w);
            }
        }
        for s in events_in_windows(self.tx, &unique)? {
            self.add_stored_event(s);
        }
        // The sources of the candidates some event of the batch can merge with.
        let mut wanted: Vec<i64> = Vec::new();
        for (e, w) in &windows {
            for id in self.in_window(w) {
                if can_merge(&self.pool[&id].stored.event, e).is_some() {
                    wanted.push(id);
                }
            }
        }
        self.read_sources(wanted)
    }

    /// Read the stored sources of pool events that do not have them yet.
    fn read_sources(&mut self, mut ids: Vec<i64>) -> Result<()> {
        ids.retain(|id| {
            self.pool
                .get(id)
                .is_some_and(|p| p.stored_sources.is_none())
        });
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(());
        }
        let rows = self.query_planned("read the sources of events", SOURCES_SQL, &[&ids])?;
        let mut by_event: HashMap<i64, Vec<(Event, Option<String>)>> = HashMap::new();
        for r in &rows {
            let coded = parse_coded(r.get(2), r.get(1))?;
            by_event
                .entry(r.get(0))
                .or_default()
                .push((coded, r.get(3)));
        }
        for id in ids {
            if let Some(p) = self.pool.get_mut(&id) {
                p.stored_sources = Some(by_event.remove(&id).unwrap_or_default());
            }
        }
        Ok(())
    }

    fn new_doc(&self, key: i64) -> Option<&NewDoc> {
        usize::try_from(key - PROVISIONAL)
            .ok()
            .and_then(|i| self.new_docs.get(i))
    }

    /// Step 3 of the module docs.
    fn flush(&mut self) -> Result<()> {
        let changed: Vec<i64> = {
            let mut v: Vec<i64> = self
                .pool
                .iter()
                .filter(|(id, p)| p.changed && **id < PROVISIONAL)
                .map(|(id, _)| *id)
                .collect();
            v.sort_unstable();
            v
        };
        if self.new_docs.is_empty() && self.new_links.is_empty() && changed.is_empty() {
            return Ok(());
        }
        let row = self.tx.query_one(
            "reserve keys",
            "SELECT \
             ARRAY(SELECT nextval(pg_get_serial_sequence('documents', 'doc_key')) \
                   FROM generate_series(1, $1::int)), \
             ARRAY(SELECT nextval(pg_get_serial_sequence('events', 'id')) \
                   FROM generate_series(1, $2::int)), \
             ARRAY(SELECT nextval(pg_get_serial_sequence('event_sources', 'id')) \
                   FROM generate_series(1, $3::int))",
            &[
                &(self.new_docs.len() as i32),
                &(self.new_events.len() as i32),
                &(self.new_links.len() as i32),
            ],
        )?;
        let sorted = |i: usize| {
            let mut v: Vec<i64> = row.get(i);
            v.sort_unstable();
            v
        };
        let (doc_keys, event_ids, link_ids) = (sorted(0), sorted(1), sorted(2));
        let real = |keys: &[i64], k: i64| match usize::try_from(k - PROVISIONAL) {
            Ok(i) => keys[i],
            Err(_) => k,
        };
        let doc_key = |k: i64| real(&doc_keys, k);
        let event_id = |k: i64| real(&event_ids, k);

        // Documents and their SimHash bands.
        if !self.new_docs.is_empty() {
            let mut c = DocColumns::default();
            for (i, d) in self.new_docs.iter().enumerate() {
                let doc = &self.batch[d.index].0;
                c.doc_key.push(doc_keys[i]);
                c.id.push(&doc.id);
                c.title.push(doc.title.as_deref());
                c.text.push(&doc.text);
                c.url.push(doc.url.as_deref());
                c.canonical_url.push(d.canonical_url.as_deref());
                c.source.push(doc.source.as_deref());
                c.published.push(doc.published);
                c.language.push(doc.lang.map(|l| l.as_str()));
                c.content_hash.push(&d.hash.0[..]);
                c.simhash.push(d.simhash as i64);
                c.near_duplicate_of.push(d.near_duplicate_of.map(doc_key));
                c.search.push(&d.search);
                if let Some(keys) = d.band_keys {
                    for k in keys {
                        c.band_key.push(k);
                        c.band_doc.push(doc_keys[i]);
                        c.band_simhash.push(d.simhash as i64);
                    }
                }
            }
            self.tx.execute(
                "insert documents",
                "INSERT INTO documents (doc_key, id, title, text, url, canonical_url, source, \
                 published, language, content_hash, simhash, near_duplicate_of, search, \
                 ingested_at, run_id) OVERRIDING SYSTEM VALUE \
                 SELECT k, i, ti, tx, u, cu, s, pd, l, h, sh, nd, se::tsvector, $14, $15 \
                 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], \
                 $6::text[], $7::text[], $8::date[], $9::text[], $10::bytea[], $11::bigint[], \
                 $12::bigint[], $13::text[]) AS t(k, i, ti, tx, u, cu, s, pd, l, h, sh, nd, se)",
                &[
                    &c.doc_key,
                    &c.id,
                    &c.title,
                    &c.text,
                    &c.url,
                    &c.canonical_url,
                    &c.source,
                    &c.published,
                    &c.language,
                    &c.content_hash,
                    &c.simhash,
                    &c.near_duplicate_of,
                    &c.search,
                    &self.now,
                    &self.run.0,
                ],
            )?;
            if !c.band_key.is_empty() {
                self.tx.execute(
                    "index SimHash bands",
                    "INSERT INTO document_bands (band_key, doc_key, simhash) \
                     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])",
                    &[&c.band_key, &c.band_doc, &c.band_simhash],
                )?;
            }
        }

        // New events, then the stored events merges changed.
        let mut actor_links: Vec<(i64, &Event)> = Vec::new();
        let mut relinked: Vec<i64> = Vec::new();
        for (rows, ids, sql, op) in [
            (
                &self.new_events,
                &event_ids,
                insert_events_sql(),
                "insert events",
            ),
            (&changed, &changed, update_events_sql(), "update events"),
        ] {
            if rows.is_empty() {
                continue;
            }
            let mut c = EventColumns::default();
            for (k, real_id) in rows.iter().zip(ids) {
                let p = &self.pool[k];
                c.push(*real_id, &p.stored);
                match &p.read {
                    None => actor_links.push((*real_id, &p.stored.event)),
                    Some(read) if !same_actors(read, &p.stored.event) => {
                        relinked.push(*real_id);
                        actor_links.push((*real_id, &p.stored.event));
                    }
                    Some(_) => {}
                }
            }
            let mut params = c.params();
            params.push(&self.now);
            self.tx.execute(op, sql, &params)?;
        }

        // Actor links of new events and of events whose actors changed.
        write_actor_links(self.tx, &actor_links, &relinked)?;

        // Source links.
        if !self.new_links.is_empty() {
            let n = self.new_links.len();
            let mut ev: Vec<i64> = Vec::with_capacity(n);
            let mut docs: Vec<i64> = Vec::with_capacity(n);
            let mut evidence: Vec<String> = Vec::with_capacity(n);
            let mut fatalities: Vec<Option<i64>> = Vec::with_capacity(n);
            let mut coded: Vec<String> = Vec::with_capacity(n);
            let mut reasons: Vec<Option<&str>> = Vec::with_capacity(n);
            let mut runs: Vec<Option<i64>> = Vec::with_capacity(n);
            for l in &self.new_links {
                let id = event_id(l.event_id);
                let (json, spans) = coded_json(&l.coded, id)?;
                ev.push(id);
                docs.push(doc_key(l.doc_key));
                evidence.push(spans);
                fatalities.push(l.coded.fatalities.map(i64::from));
                coded.push(json);
                reasons.push(l.merge_reason.as_deref());
                runs.push(l.run.map(|r| r.0));
            }
            self.tx.execute(
                "link sources",
                "INSERT INTO event_sources (id, event_id, doc_key, evidence, fatalities, \
                 coded_event, merge_reason, run_id, linked_at) OVERRIDING SYSTEM VALUE \
                 SELECT *, $8 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], \
                 $4::text[], $5::bigint[], $6::text[], $7::text[], $9::bigint[])",
                &[
                    &link_ids,
                    &ev,
                    &docs,
                    &evidence,
                    &fatalities,
                    &coded,
                    &reasons,
                    &self.now,
                    &runs,
                ],
            )?;
        }
        Ok(())
    }
}

fn same_actors(a: &Event, b: &Event) -> bool {
    a.actor1 == b.actor1
        && a.assoc_actor_1 == b.assoc_actor_1
        && a.actor2 == b.actor2
        && a.assoc_actor_2 == b.assoc_actor_2
}

/// Link events to their actors: `(event id, event)` rows, after removing the links of
/// `relinked` (events whose actors changed). Actor ids come from the caches, then from one
/// statement that finds or adds the rest.
fn write_actor_links(tx: &mut Tx<'_>, events: &[(i64, &Event)], relinked: &[i64]) -> Result<()> {
    let mut names: Vec<&str> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut link_rows: Vec<(i64, &str, i32)> = Vec::new();
    for (id, e) in events {
        for (role, field) in [
            (1, e.actor1.as_deref()),
            (2, e.assoc_actor_1.as_deref()),
            (3, e.actor2.as_deref()),
            (4, e.assoc_actor_2.as_deref()),
        ] {
            for name in actor_names(field) {
                link_rows.push((*id, name, role));
                if !tx.actors.contains_key(name)
                    && !tx.new_actors.contains_key(name)
                    && seen.insert(name)
                {
                    names.push(name);
                }
            }
        }
    }
    resolve_actors(tx, &names)?;
    if !relinked.is_empty() {
        tx.execute(
            "unlink actors",
            "DELETE FROM event_actors WHERE event_id = ANY($1)",
            &[&relinked],
        )?;
    }
    if link_rows.is_empty() {
        return Ok(());
    }
    let mut actor_ids: Vec<i64> = Vec::with_capacity(link_rows.len());
    for (_, name, _) in &link_rows {
        let id = tx
            .actors
            .get(*name)
            .or_else(|| tx.new_actors.get(*name))
            .copied()
            .ok_or_else(|| StoreError::Backend {
                operation: "link actors",
                doc_id: None,
                source: format!("actor {name:?} was neither found nor added").into(),
            })?;
        actor_ids.push(id);
    }
    let ids: Vec<i64> = link_rows.iter().map(|r| r.0).collect();
    let roles: Vec<i32> = link_rows.iter().map(|r| r.2).collect();
    tx.execute(
        "link actors",
        "INSERT INTO event_actors (actor_id, event_id, role) \
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[]) \
         ON CONFLICT DO NOTHING",
        &[&actor_ids, &ids, &roles],
    )?;
    Ok(())
}

/// Ids of actor names (none of them cached): found ones go to the committed cache, added ones
/// to the transaction's. One statement, plus one more for names another writer added
/// meanwhile.
fn resolve_actors(tx: &mut Tx<'_>, names: &[&str]) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let norms: Vec<String> = names.iter().map(|n| actor_norm(n)).collect();
    let rows = tx.query(
        "add actors",
        "WITH input AS (SELECT n, nn, o FROM unnest($1::text[], $2::text[]) \
         WITH ORDINALITY AS t(n, nn, o)), \
         known AS (SELECT a.id, a.name FROM actors a JOIN input ON a.name = input.n), \
         added AS (INSERT INTO actors (name, name_norm) SELECT n, nn FROM input \
         WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.name = input.n) ORDER BY o \
         ON CONFLICT (name) DO NOTHING RETURNING id, name) \
         SELECT id, name, false FROM known UNION ALL SELECT id, name, true FROM added",
        &[&names, &norms],
    )?;
    for r in &rows {
        let (id, name, added): (i64, String, bool) = (r.get(0), r.get(1), r.get(2));
        if added {
            tx.new_actors.insert(name, id);
        } else {
            tx.actors.insert(name, id);
        }
    }
    let missing: Vec<&str> = names
        .iter()
        .filter(|n| !tx.actors.contains_key(**n) && !tx.new_actors.contains_key(**n))
        .copied()
        .collect();
    if !missing.is_empty() {
        let rows = tx.query(
            "look up actors",
            "SELECT id, name FROM actors WHERE name = ANY($1)",
            &[&missing],
        )?;
        for r in &rows {
            tx.actors.insert(r.get(1), r.get(0));
        }
    }
    Ok(())
}

/// What the batch itself added under `key`, else what the database held before it.
fn batch_or_stored<K, Q, V>(new: &HashMap<K, V>, stored: &HashMap<K, V>, key: &Q) -> Option<V>
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
    V: Clone,
{
    new.get(key).or_else(|| stored.get(key)).cloned()
}

impl BatchBackend for Bulk<'_, '_, '_> {
    fn hash_of_id(&mut self, id: &str) -> Result<Option<ContentHash>> {
        Ok(batch_or_stored(&self.new_by_id, &self.stored_by_id, id))
    }

    fn id_of_canonical_url(&mut self, url: &str) -> Result<Option<String>> {
        Ok(batch_or_stored(&self.new_by_url, &self.stored_by_url, url))
    }

    fn id_of_hash(&mut self, hash: &ContentHash) -> Result<Option<String>> {
        Ok(batch_or_stored(
            &self.new_by_hash,
            &self.stored_by_hash,
            hash,
        ))
    }

    fn band_neighbours(&mut self, hash: u64) -> Result<Vec<(i64, u64)>> {
        let mut out = Vec::new();
        for k in bands(hash) {
            for map in [&self.stored_bands, &self.new_bands] {
                if let Some(v) = map.get(&k) {
                    out.extend_from_slice(v);
                }
            }
        }
        Ok(out)
    }

    fn near_root(&mut self, doc_key: i64) -> Result<(i64, String)> {
        if let Some(d) = self.new_doc(doc_key) {
            let root = d.near_duplicate_of.unwrap_or(doc_key);
            let id = self.doc_ids.get(&root).cloned().unwrap_or_default();
            return Ok((root, id));
        }
        if let Some(r) = self.stored_roots.get(&doc_key) {
            return Ok(r.clone());
        }
        let row = self
            .tx
            .query_one("find near-duplicates", NEAR_ROOT_SQL, &[&vec![doc_key]])?;
        let (root, id): (i64, String) = (row.get(1), row.get(2));
        self.doc_ids.insert(root, id.clone());
        self.stored_roots.insert(doc_key, (root, id.clone()));
        Ok((root, id))
    }

    fn insert_document(
        &mut self,
        p: &PreparedDocument<'_>,
        near_duplicate_of: Option<i64>,
        _run: RunId,
    ) -> Result<i64> {
        let key = PROVISIONAL + self.new_docs.len() as i64;
        let doc = &self.batch[self.current].0;
        let sim = p.simhash();
        let band_keys = p.band_keys();
        let (body, alt) = p.index_form();
        if let Some(keys) = band_keys {
            for k in keys {
                self.new_bands.entry(k).or_default().push((key, sim.hash));
            }
        }
        self.new_by_id.insert(doc.id.clone(), p.hash);
        if let Some(u) = &p.canonical_url {
            self.new_by_url.insert(u.clone(), doc.id.clone());
        }
        self.new_by_hash.insert(p.hash, doc.id.clone());
        self.doc_ids.insert(key, doc.id.clone());
        self.new_docs.push(NewDoc {
            index: self.current,
            hash: p.hash,
            canonical_url: p.canonical_url.clone(),
            simhash: sim.hash,
            band_keys,
            near_duplicate_of,
            search: tsvector(&body, &alt),
        });
        Ok(key)
    }

    fn events_of_docs(&mut self, doc_keys: &[i64]) -> Result<HashSet<i64>> {
        let mut out = HashSet::new();
        let mut stored: Vec<i64> = Vec::new();
        for &k in doc_keys {
            if self.new_doc(k).is_some() {
                out.extend(self.new_doc_events.get(&k).into_iter().flatten());
            } else {
                stored.push(k);
            }
        }
        if !stored.is_empty() {
            // Stored documents gain no links in a batch: the stored rows are complete.
            let rows = self.tx.query(
                "read the events of a document",
                "SELECT event_id FROM event_sources WHERE doc_key = ANY($1)",
                &[&stored],
            )?;
            out.extend(rows.iter().map(|r| r.get::<_, i64>(0)));
        }
        Ok(out)
    }

    fn merge_candidates(&mut self, w: &MergeWindow) -> Result<Vec<StoredEvent>> {
        Ok(self
            .in_window(w)
            .into_iter()
            .map(|id| self.pool[&id].stored.clone())
            .collect())
    }

    fn link_source(
        &mut self,
        event_id: i64,
        doc_key: i64,
        coded: &Event,
        merge_reason: Option<&str>,
        run: Option<RunId>,
    ) -> Result<()> {
        let outlet = self
            .new_doc(doc_key)
            .and_then(|d| self.batch[d.index].0.source.clone());
        if let Some(p) = self.pool.get_mut(&event_id) {
            p.new_sources.push((coded.clone(), outlet));
        }
        self.new_doc_events
            .entry(doc_key)
            .or_default()
            .push(event_id);
        self.new_links.push(NewLink {
            event_id,
            doc_key,
            coded: coded.clone(),
            merge_reason: merge_reason.map(str::to_owned),
            run,
        });
        Ok(())
    }

    fn recompute(
        &mut self,
        event_id: i64,
        coder_version: Option<&str>,
        _current: Option<&StoredEvent>,
    ) -> Result<bool> {
        // The batch only adds links, so the event has at least the one just linked.
        self.read_sources(vec![event_id])?;
        let Some(p) = self.pool.get_mut(&event_id) else {
            return Ok(false);
        };
        let sources = p
            .stored_sources
            .iter()
            .flatten()
            .chain(&p.new_sources)
            .map(|(e, o)| (e, o.as_deref()));
        let Some(r) = recomputed(sources, Some(&p.stored)) else {
            return Ok(false);
        };
        p.stored.event = r.event;
        p.stored.source = r.source;
        p.stored.source_count = r.source_count as u32;
        if let Some(cv) = coder_version {
            p.stored.coder_version = Some(cv.to_owned());
        }
        p.stored.updated_at = self.now;
        p.changed = true;
        self.index_day(event_id);
        Ok(true)
    }

    fn create_event(
        &mut self,
        event: &Event,
        doc_source: Option<&str>,
        coder_version: &str,
    ) -> Result<i64> {
        let id = PROVISIONAL + self.new_events.len() as i64;
        self.new_events.push(id);
        self.pool.insert(
            id,
            PoolEvent {
                stored: StoredEvent {
                    id: EventId(id),
                    origin: Origin::Rasd,
                    event: event.clone(),
                    event_id_cnty: None,
                    notes: None,
                    source: doc_source.map(str::to_owned),
                    coder_version: Some(coder_version.to_owned()),
                    source_count: 1,
                    updated_at: self.now,
                },
                read: None,
                stored_sources: Some(Vec::new()),
                new_sources: Vec::new(),
                changed: true,
            },
        );
        self.index_day(id);
        Ok(id)
    }
}

/// Column arrays of merge windows (no box: nulls).
#[derive(Default)]
struct WindowColumns {
    event_type: Vec<&'static str>,
    from: Vec<String>,
    to: Vec<String>,
    min_lat: Vec<Option<f64>>,
    max_lat: Vec<Option<f64>>,
    min_lon: Vec<Option<f64>>,
    max_lon: Vec<Option<f64>>,
}

impl WindowColumns {
    fn push(&mut self, w: &MergeWindow) {
        self.event_type.push(w.event_type);
        self.from.push(w.from.clone());
        self.to.push(w.to.clone());
        let b = w.bbox;
        self.min_lat.push(b.map(|b| b[0]));
        self.max_lat.push(b.map(|b| b[1]));
        self.min_lon.push(b.map(|b| b[2]));
        self.max_lon.push(b.map(|b| b[3]));
    }
}

/// The Rasd events in any of these merge windows, in one statement (planned for its values:
/// the number of windows matters to the plan).
pub(crate) fn events_in_windows(
    tx: &mut Tx<'_>,
    windows: &[&MergeWindow],
) -> Result<Vec<StoredEvent>> {
    if windows.is_empty() {
        return Ok(Vec::new());
    }
    let mut cols = WindowColumns::default();
    for w in windows {
        cols.push(w);
    }
    let rows = tx
        .tx
        .query(
            window_sql(),
            &[
                &cols.event_type,
                &cols.from,
                &cols.to,
                &cols.min_lat,
                &cols.max_lat,
                &cols.min_lon,
                &cols.max_lon,
            ],
        )
        .map_err(pg("find merge candidates"))?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let s = stored_event(r)?;
        // Origin is tested here, so the lookup stays in the index.
        if s.origin == Origin::Rasd {
            out.push(s);
        }
    }
    Ok(out)
}

/// The events in any of the windows `$1..$7` (origin is tested in Rust). A `LATERAL`
/// subquery per window, so each is an index lookup (joined as sets, the planner merged the
/// windows with every event of their type: seconds per batch at 50,000 events); three
/// branches, so that every condition is one the `events_type_date_geo` index checks on its
/// entries (an `OR` of a box and missing coordinates is not): events in the box, events
/// without a latitude or a longitude, and for windows without a box every event of the days.
fn window_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let day = "c.event_type = w.ty AND c.sort_date BETWEEN w.lo AND w.hi";
        format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (\
             SELECT m.id FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], \
             $5::float8[], $6::float8[], $7::float8[]) AS w(ty, lo, hi, a0, a1, b0, b1) \
             CROSS JOIN LATERAL (\
             SELECT c.id FROM events c WHERE {day} \
             AND c.latitude BETWEEN w.a0 AND w.a1 AND c.longitude BETWEEN w.b0 AND w.b1 \
             UNION ALL SELECT c.id FROM events c WHERE w.a0 IS NOT NULL AND {day} \
             AND c.latitude IS NULL \
             UNION ALL SELECT c.id FROM events c WHERE w.a0 IS NOT NULL AND {day} \
             AND c.longitude IS NULL \
             UNION ALL SELECT c.id FROM events c WHERE w.a0 IS NULL AND {day}) m)"
        )
    })
}

/// Column arrays of documents and their SimHash band rows.
#[derive(Default)]
struct DocColumns<'a> {
    doc_key: Vec<i64>,
    id: Vec<&'a str>,
    title: Vec<Option<&'a str>>,
    text: Vec<&'a str>,
    url: Vec<Option<&'a str>>,
    canonical_url: Vec<Option<&'a str>>,
    source: Vec<Option<&'a str>>,
    published: Vec<Option<NaiveDate>>,
    language: Vec<Option<&'static str>>,
    content_hash: Vec<&'a [u8]>,
    simhash: Vec<i64>,
    near_duplicate_of: Vec<Option<i64>>,
    search: Vec<&'a str>,
    band_key: Vec<i64>,
    band_doc: Vec<i64>,
    band_simhash: Vec<i64>,
}

/// Column arrays of event rows: id, coder version, source, source count, then
/// [`EVENT_FIELD_NAMES`].
#[derive(Default)]
struct EventColumns {
    id: Vec<i64>,
    coder_version: Vec<Option<String>>,
    source: Vec<Option<String>>,
    source_count: Vec<i64>,
    event_date: Vec<Option<NaiveDate>>,
    sort_date: Vec<String>,
    time_precision: Vec<Option<i32>>,
    event_type: Vec<&'static str>,
    sub_event_type: Vec<&'static str>,
    actor1: Vec<Option<String>>,
    assoc_actor_1: Vec<Option<String>>,
    inter1: Vec<Option<i32>>,
    actor2: Vec<Option<String>>,
    assoc_actor_2: Vec<Option<String>>,
    inter2: Vec<Option<i32>>,
    country: Vec<Option<String>>,
    admin1: Vec<Option<String>>,
    admin2: Vec<Option<String>>,
    location: Vec<Option<String>>,
    latitude: Vec<Option<f64>>,
    longitude: Vec<Option<f64>>,
    geo_precision: Vec<Option<i32>>,
    fatalities: Vec<Option<i64>>,
    confidence: Vec<f64>,
    tags: Vec<String>,
}

impl EventColumns {
    fn push(&mut self, id: i64, s: &StoredEvent) {
        let r = EventRow::of(&s.event);
        self.id.push(id);
        self.coder_version.push(s.coder_version.clone());
        self.source.push(s.source.clone());
        self.source_count.push(i64::from(s.source_count));
        self.event_date.push(r.event_date);
        self.sort_date.push(r.sort_date);
        self.time_precision.push(r.time_precision);
        self.event_type.push(r.event_type);
        self.sub_event_type.push(r.sub_event_type);
        self.actor1.push(r.actor1);
        self.assoc_actor_1.push(r.assoc_actor_1);
        self.inter1.push(r.inter1);
        self.actor2.push(r.actor2);
        self.assoc_actor_2.push(r.assoc_actor_2);
        self.inter2.push(r.inter2);
        self.country.push(r.country);
        self.admin1.push(r.admin1);
        self.admin2.push(r.admin2);
        self.location.push(r.location);
        self.latitude.push(r.latitude);
        self.longitude.push(r.longitude);
        self.geo_precision.push(r.geo_precision);
        self.fatalities.push(r.fatalities);
        self.confidence.push(r.confidence);
        self.tags.push(r.tags);
    }

    /// `$1..$25` in the order of [`EventColumns`]' fields.
    fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        vec![
            &self.id,
            &self.coder_version,
            &self.source,
            &self.source_count,
            &self.event_date,
            &self.sort_date,
            &self.time_precision,
            &self.event_type,
            &self.sub_event_type,
            &self.actor1,
            &self.assoc_actor_1,
            &self.inter1,
            &self.actor2,
            &self.assoc_actor_2,
            &self.inter2,
            &self.country,
            &self.admin1,
            &self.admin2,
            &self.location,
            &self.latitude,
            &self.longitude,
            &self.geo_precision,
            &self.fatalities,
            &self.confidence,
            &self.tags,
        ]
    }
}

/// `unnest($1::bigint[], ..., $25::text[]) AS u(id, cv, src, cnt, <field names>)` (`$26` is
/// now), with `acled`: then `$27..$29` as `k, n, ns` ([`AcledColumns`]).
fn event_unnest(acled: bool) -> String {
    let mut arrays = vec![
        "$1::bigint[]".to_owned(),
        "$2::text[]".to_owned(),
        "$3::text[]".to_owned(),
        "$4::bigint[]".to_owned(),
    ];
    arrays.extend(
        EVENT_FIELD_TYPES
            .iter()
            .enumerate()
            .map(|(i, t)| format!("${}::{t}[]", i + 5)),
    );
    let mut names = format!("id, cv, src, cnt, {}", EVENT_FIELD_NAMES.join(", "));
    if acled {
        arrays.extend(["$27::text[]", "$28::text[]", "$29::text[]"].map(str::to_owned));
        names.push_str(", k, n, ns");
    }
    format!("unnest({}) AS u({names})", arrays.join(", "))
}

fn insert_events_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let fields = EVENT_FIELD_NAMES.join(", ");
        format!(
            "INSERT INTO events (id, origin, coder_version, source, source_count, created_at, \
             updated_at, {fields}) OVERRIDING SYSTEM VALUE \
             SELECT id, 'rasd', cv, src, cnt, $26, $26, {fields} FROM {}",
            event_unnest(false)
        )
    })
}

fn update_events_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let sets: Vec<String> = EVENT_FIELD_NAMES
            .iter()
            .map(|c| format!("{c} = u.{c}"))
            .collect();
        format!(
            "UPDATE events e SET coder_version = coalesce(u.cv, e.coder_version), source = u.src, \
             source_count = u.cnt, updated_at = $26, {} FROM {} WHERE e.id = u.id",
            sets.join(", "),
            event_unnest(false)
        )
    })
}

/// `import_acled` in a few statements per call: one lookup of the known `event_id_cnty`, the
/// decisions in memory (an export may hold one id twice: the second row then updates the
/// first), one multi-row insert, one multi-row update, the actor links.
pub(crate) fn import_acled(conn: &mut Conn, rows: &[AcledRecord]) -> Result<ImportReport> {
    let mut tx = conn.transaction("begin an ACLED import")?;
    let now = crate::write::now();
    let mut report = ImportReport::default();
    let keys: Vec<&str> = rows.iter().map(|r| r.event_id_cnty.as_str()).collect();
    let select = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id_cnty = ANY($1)");
    let mut known: HashMap<String, StoredEvent> = HashMap::new();
    for row in tx.query("look up ACLED events", &select, &[&keys])? {
        let e = stored_event(&row)?;
        if let Some(k) = e.event_id_cnty.clone() {
            known.insert(k, e);
        }
    }
    // New rows (provisional ids, in order) and changed stored rows, as they will be written.
    let mut new_rows: Vec<StoredEvent> = Vec::new();
    let mut changed: Vec<StoredEvent> = Vec::new();
    let mut changed_at: HashMap<i64, usize> = HashMap::new();
    for rec in rows {
        let mut event = rec.event.clone();
        event.evidence.clear();
        let row = StoredEvent {
            id: EventId(0),
            origin: Origin::Acled,
            event,
            event_id_cnty: Some(rec.event_id_cnty.clone()),
            notes: rec.notes.clone(),
            source: rec.source.clone(),
            coder_version: None,
            source_count: 0,
            updated_at: now,
        };
        let row = match known.get(&rec.event_id_cnty) {
            Some(s) if s.origin != Origin::Acled => {
                // Cannot happen: only imports set event_id_cnty.
                return Err(StoreError::Corrupt {
                    table: "events",
                    column: "origin",
                    row_id: s.id.0,
                    value: s.origin.as_str().to_owned(),
                });
            }
            Some(s) if s.event == row.event && s.notes == row.notes && s.source == row.source => {
                report.unchanged += 1;
                continue;
            }
            Some(s) => {
                report.updated += 1;
                let row = StoredEvent {
                    id: s.id,
                    coder_version: s.coder_version.clone(),
                    ..row
                };
                match usize::try_from(s.id.0 - PROVISIONAL) {
                    Ok(i) => new_rows[i] = row.clone(),
                    Err(_) => match changed_at.get(&s.id.0) {
                        Some(&i) => changed[i] = row.clone(),
                        None => {
                            changed_at.insert(s.id.0, changed.len());
                            changed.push(row.clone());
                        }
                    },
                }
                row
            }
            None => {
                report.inserted += 1;
                let row = StoredEvent {
                    id: EventId(PROVISIONAL + new_rows.len() as i64),
                    ..row
                };
                new_rows.push(row.clone());
                row
            }
        };
        known.insert(rec.event_id_cnty.clone(), row);
    }
    let mut ids: Vec<i64> = Vec::new();
    if !new_rows.is_empty() {
        ids = tx
            .query_one(
                "reserve keys",
                "SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('events', 'id')) \
                 FROM generate_series(1, $1::int))",
                &[&(new_rows.len() as i32)],
            )?
            .get(0);
        ids.sort_unstable();
    }
    let changed_ids: Vec<i64> = changed.iter().map(|r| r.id.0).collect();
    for (rows, ids, sql, op) in [
        (&new_rows, &ids, insert_acled_sql(), "insert ACLED events"),
        (
            &changed,
            &changed_ids,
            update_acled_sql(),
            "update ACLED events",
        ),
    ] {
        if rows.is_empty() {
            continue;
        }
        let mut c = EventColumns::default();
        let mut a = AcledColumns::default();
        for (row, id) in rows.iter().zip(ids) {
            c.push(*id, row);
            a.push(row);
        }
        let mut params = c.params();
        params.push(&now);
        params.extend(a.params());
        tx.execute(op, sql, &params)?;
    }
    let links: Vec<(i64, &Event)> = ids
        .iter()
        .zip(&new_rows)
        .chain(changed_ids.iter().zip(&changed))
        .map(|(id, row)| (*id, &row.event))
        .collect();
    write_actor_links(&mut tx, &links, &changed_ids)?;
    tx.commit("commit an ACLED import")?;
    Ok(report)
}

/// ACLED columns of event rows: `$27..$29` after [`EventColumns`] and `$26` (now).
#[derive(Default)]
struct AcledColumns {
    event_id_cnty: Vec<Option<String>>,
    notes: Vec<Option<String>>,
    notes_search: Vec<Option<String>>,
}

impl AcledColumns {
    fn push(&mut self, s: &StoredEvent) {
        self.event_id_cnty.push(s.event_id_cnty.clone());
        self.notes.push(s.notes.clone());
        self.notes_search.push(s.notes.as_deref().map(|n| {
            let (body, alt) = rasd_store::index_form(n);
            tsvector(&body, &alt)
        }));
    }

    fn params(&self) -> [&(dyn ToSql + Sync); 3] {
        [&self.event_id_cnty, &self.notes, &self.notes_search]
    }
}

fn insert_acled_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let fields = EVENT_FIELD_NAMES.join(", ");
        format!(
            "INSERT INTO events (id, origin, coder_version, source, source_count, created_at, \
             updated_at, event_id_cnty, notes, notes_search, {fields}) OVERRIDING SYSTEM VALUE \
             SELECT id, 'acled', cv, src, cnt, $26, $26, k, n, ns::tsvector, {fields} FROM {}",
            event_unnest(true)
        )
    })
}

fn update_acled_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let sets: Vec<String> = EVENT_FIELD_NAMES
            .iter()
            .map(|c| format!("{c} = u.{c}"))
            .collect();
        format!(
            "UPDATE events e SET notes = u.n, notes_search = u.ns::tsvector, source = u.src, \
             coder_version = coalesce(u.cv, e.coder_version), source_count = u.cnt, \
             updated_at = $26, {} FROM {} WHERE e.id = u.id",
            sets.join(", "),
            event_unnest(true)
        )
    })
}
