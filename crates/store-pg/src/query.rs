//! The PostgreSQL read path: filtered event pages, details, documents, search, stats,
//! aggregates.
//!
//! Filters become SQL from fixed fragments with `$n` placeholders; every user value travels as
//! a bound parameter. PostgreSQL's planner has statistics on every column, so unlike the
//! SQLite store no plan is chosen by hand: the filters are written once and the planner picks
//! between the date, name, type and spatial (GiST on `point(longitude, latitude)`) indexes.

use crate::fulltext::tsquery;
use crate::{pg, refs, Conn, Params};
use chrono::NaiveDate;
use postgres::types::{FromSql, ToSql};
use postgres::Row;
use rasd_model::{Document, Event, EventType, Evidence, Language, SubEventType};
use rasd_store::{
    actor_norm, geo_box, like_escape, parse_coded, parse_query, snippet, Bucket, ContentHash,
    Cursor, DocumentSummary, EventDetail, EventFilter, EventId, EventPage, EventSource, GroupBy,
    IngestRun, Origin, Result, RunCounts, RunId, RunStatus, SearchHit, Sort, Stats, StoreError,
    StoredDocument, StoredEvent,
};
use std::collections::HashSet;

pub(crate) use rasd_store::EVENT_COLUMNS;

fn get<'a, T: FromSql<'a>>(row: &'a Row, i: usize, operation: &'static str) -> Result<T> {
    row.try_get(i).map_err(pg(operation))
}

fn corrupt(table: &'static str, column: &'static str, row_id: i64, value: String) -> StoreError {
    StoreError::Corrupt {
        table,
        column,
        row_id,
        value,
    }
}

/// A small code (precision, inter) stored as INTEGER.
fn small(row: &Row, i: usize, column: &'static str, id: i64) -> Result<Option<u8>> {
    let v: Option<i32> = get(row, i, "read an event row")?;
    v.map(|v| u8::try_from(v).map_err(|_| corrupt("events", column, id, v.to_string())))
        .transpose()
}

/// Decode a row selected with [`EVENT_COLUMNS`].
pub(crate) fn stored_event(row: &Row) -> Result<StoredEvent> {
    const OP: &str = "read an event row";
    let id: i64 = get(row, 0, OP)?;
    let origin: &str = get(row, 1, OP)?;
    let origin =
        Origin::parse(origin).ok_or_else(|| corrupt("events", "origin", id, origin.into()))?;
    let ty: &str = get(row, 4, OP)?;
    let event_type =
        EventType::from_acled(ty).ok_or_else(|| corrupt("events", "event_type", id, ty.into()))?;
    let sub: &str = get(row, 5, OP)?;
    let sub_event_type = SubEventType::from_acled(sub)
        .ok_or_else(|| corrupt("events", "sub_event_type", id, sub.into()))?;
    let tags: &str = get(row, 21, OP)?;
    let tags = serde_json::from_str(tags).map_err(|source| StoreError::Json {
        table: "events",
        column: "tags",
        row_id: id,
        source,
    })?;
    let fatalities: Option<i64> = get(row, 19, OP)?;
    let fatalities = fatalities
        .map(|f| u32::try_from(f).map_err(|_| corrupt("events", "fatalities", id, f.to_string())))
        .transpose()?;
    let confidence: f64 = get(row, 20, OP)?;
    let source_count: i64 = get(row, 26, OP)?;
    let event = Event {
        event_date: get(row, 2, OP)?,
        time_precision: small(row, 3, "time_precision", id)?,
        event_type,
        sub_event_type,
        actor1: get(row, 6, OP)?,
        assoc_actor_1: get(row, 7, OP)?,
        inter1: small(row, 8, "inter1", id)?,
        actor2: get(row, 9, OP)?,
        assoc_actor_2: get(row, 10, OP)?,
        inter2: small(row, 11, "inter2", id)?,
        country: get(row, 12, OP)?,
        admin1: get(row, 13, OP)?,
        admin2: get(row, 14, OP)?,
        location: get(row, 15, OP)?,
        latitude: get(row, 16, OP)?,
        longitude: get(row, 17, OP)?,
        geo_precision: small(row, 18, "geo_precision", id)?,
        fatalities,
        confidence: confidence as f32,
        tags,
        evidence: Vec::new(),
    };
    Ok(StoredEvent {
        id: EventId(id),
        origin,
        event,
        event_id_cnty: get(row, 22, OP)?,
        notes: get(row, 23, OP)?,
        source: get(row, 24, OP)?,
        coder_version: get(row, 25, OP)?,
        source_count: u32::try_from(source_count).unwrap_or(u32::MAX),
        updated_at: get(row, 27, OP)?,
    })
}

/// SQL text with its parameters, built together so they cannot drift apart.
#[derive(Default)]
struct Sql {
    text: String,
    params: Params,
}

impl Sql {
    fn push(&mut self, fragment: &str) {
        self.text.push_str(fragment);
    }

    /// Bind a value and return its placeholder.
    fn bind(&mut self, v: impl ToSql + Sync + Send + 'static) -> String {
        self.params.push(Box::new(v));
        format!("${}", self.params.len())
    }
}

/// Above this many event-actor links, an actor filter tests rows instead of collecting a set.
const ACTOR_SET_LIMIT: i64 = 20_000;

/// Append ` WHERE ...` for the filter (without the cursor when `with_cursor` is false); returns
/// whether a WHERE was written.
fn push_where(conn: &mut Conn, sql: &mut Sql, f: &EventFilter, with_cursor: bool) -> Result<bool> {
    f.validate()?;
    let mut conds: Vec<String> = Vec::new();
    if f.from.is_some() || f.to.is_some() {
        // The lower bound '0' also excludes undated events (sort_date '').
        let lo = sql.bind(f.from.map_or("0".to_owned(), |d| d.to_string()));
        let hi = sql.bind(f.to.map_or("9".to_owned(), |d| d.to_string()));
        conds.push(format!("e.sort_date >= {lo} AND e.sort_date <= {hi}"));
    }
    for (value, column) in [
        (&f.country, "country"),
        (&f.admin1, "admin1"),
        (&f.admin2, "admin2"),
    ] {
        if let Some(v) = value {
            let p = sql.bind(v.trim().to_owned());
            conds.push(format!("lower(e.{column}) = lower({p})"));
        }
    }
    if let Some(t) = f.event_type {
        let p = sql.bind(t.as_acled());
        conds.push(format!("e.event_type = {p}"));
    }
    if let Some(t) = f.sub_event_type {
        let p = sql.bind(t.as_acled());
        conds.push(format!("e.sub_event_type = {p}"));
    }
    if let Some(o) = f.origin {
        let p = sql.bind(o.as_str());
        conds.push(format!("e.origin = {p}"));
    }
    if let Some(c) = f.min_confidence {
        let p = sql.bind(f64::from(c));
        conds.push(format!("e.confidence >= {p}"));
    }
    if let Some(actor) = &f.actor {
        let norm = actor_norm(actor.trim());
        if !norm.is_empty() {
            let pattern = format!("%{}%", like_escape(&norm));
            // As in the SQLite store, two plans picked by a capped count: a rare actor's events
            // as a set (few rows), or for a common one a test per row along the ordered index
            // (a page fills after a few hundred rows; a set would hold most of the table).
            // PostgreSQL pulls `IN`/`EXISTS` up into a join either way, so the per-row test is
            // a scalar subquery, which it runs as written.
            let linked: i64 = conn
                .query_planned(
                    "estimate an actor filter",
                    "SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE actor_id IN \
                     (SELECT id FROM actors WHERE name_norm LIKE $1 ESCAPE '\\') LIMIT $2) x",
                    &[&pattern, &ACTOR_SET_LIMIT],
                )?
                .first()
                .map_or(0, |r| r.get(0));
            let p = sql.bind(pattern);
            conds.push(if linked < ACTOR_SET_LIMIT {
                format!(
                    "e.id IN (SELECT ea.event_id FROM actors a \
                     JOIN event_actors ea ON ea.actor_id = a.id \
                     WHERE a.name_norm LIKE {p} ESCAPE '\\')"
                )
            } else {
                format!(
                    "coalesce((SELECT true FROM event_actors ea JOIN actors a \
                     ON a.id = ea.actor_id WHERE ea.event_id = e.id \
                     AND a.name_norm LIKE {p} ESCAPE '\\' LIMIT 1), false)"
                )
            });
        }
    }
    if let Some(text) = &f.text {
        let q = tsquery(&parse_query(text)).ok_or(StoreError::InvalidFilter {
            field: "text",
            reason: "the query has no words",
        })?;
        let p = sql.bind(q);
        // One set from both GIN indexes (documents, ACLED notes): written as `... OR
        // e.notes_search @@ q` the notes test ran on every row (measured 450 ms at 100,000
        // events).
        conds.push(format!(
            "e.id IN (SELECT es.event_id FROM event_sources es JOIN documents d \
             ON d.doc_key = es.doc_key WHERE d.search @@ {p}::text::tsquery \
             UNION SELECT n.id FROM events n WHERE n.notes_search @@ {p}::text::tsquery)"
        ));
    }
    // The box of the first geographic filter on the spatial index (points are x = longitude,
    // y = latitude), then the exact tests.
    if let Some([min_lat, max_lat, min_lon, max_lon]) = geo_box(f) {
        let ps: Vec<String> = [min_lon, min_lat, max_lon, max_lat]
            .into_iter()
            .map(|v| sql.bind(v))
            .collect();
        conds.push(format!(
            "e.latitude IS NOT NULL AND e.longitude IS NOT NULL AND point(e.longitude, e.latitude) \
             <@ box(point({}, {}), point({}, {}))",
            ps[0], ps[1], ps[2], ps[3]
        ));
    }
    if let Some(n) = f.near {
        let (a, b, c) = (sql.bind(n.lat), sql.bind(n.lon), sql.bind(n.km));
        conds.push(format!("rasd_km(e.latitude, e.longitude, {a}, {b}) <= {c}"));
    }
    if let Some(b) = f.bbox {
        let ps: Vec<String> = [b.min_lat, b.max_lat, b.min_lon, b.max_lon]
            .into_iter()
            .map(|v| sql.bind(v))
            .collect();
        conds.push(format!(
            "e.latitude BETWEEN {} AND {} AND e.longitude BETWEEN {} AND {}",
            ps[0], ps[1], ps[2], ps[3]
        ));
    }
    if with_cursor {
        if let Some(c) = &f.after {
            let (d, i) = (sql.bind(c.sort_key()), sql.bind(c.id.0));
            let op = match f.sort {
                Sort::DateDesc => "<",
                Sort::DateAsc => ">",
            };
            conds.push(format!("(e.sort_date, e.id) {op} ({d}, {i})"));
        }
    }
    if conds.is_empty() {
        return Ok(false);
    }
    sql.push(" WHERE ");
    sql.push(&conds.join(" AND "));
    Ok(true)
}

pub(crate) fn events(conn: &mut Conn, f: &EventFilter) -> Result<EventPage> {
    let limit = f.page_size();
    let mut sql = Sql::default();
    sql.push(&format!("SELECT {EVENT_COLUMNS} FROM events e"));
    push_where(conn, &mut sql, f, true)?;
    let l = sql.bind(limit as i64 + 1);
    sql.push(&match f.sort {
        Sort::DateDesc => format!(" ORDER BY e.sort_date DESC, e.id DESC LIMIT {l}"),
        Sort::DateAsc => format!(" ORDER BY e.sort_date ASC, e.id ASC LIMIT {l}"),
    });
    let rows = conn.query_planned("query events", &sql.text, &refs(&sql.params))?;
    let more = rows.len() > limit;
    let events = rows
        .iter()
        .take(limit)
        .map(stored_event)
        .collect::<Result<Vec<_>>>()?;
    let next = if more {
        events.last().map(|e| Cursor {
            date: e.event.event_date,
            id: e.id,
        })
    } else {
        None
    };
    Ok(EventPage { events, next })
}

/// Ids of every event matching `f` (its `sort`, `limit` and `after` are ignored), in no
/// particular order: what the server's in-memory index asks for a full-text filter. A text
/// alone reads the two GIN indexes and the source links without the events table.
pub(crate) fn event_ids(conn: &mut Conn, f: &EventFilter) -> Result<Vec<EventId>> {
    let text_only = EventFilter {
        text: f.text.clone(),
        limit: f.limit,
        after: f.after.clone(),
        sort: f.sort,
        ..Default::default()
    };
    let rows = if let (Some(text), true) = (&f.text, *f == text_only) {
        let q = tsquery(&parse_query(text)).ok_or(StoreError::InvalidFilter {
            field: "text",
            reason: "the query has no words",
        })?;
        conn.query_planned(
            "list event ids",
            "SELECT es.event_id FROM event_sources es JOIN documents d \
             ON d.doc_key = es.doc_key WHERE d.search @@ $1::text::tsquery \
             UNION SELECT n.id FROM events n WHERE n.notes_search @@ $1::text::tsquery",
            &[&q],
        )?
    } else {
        let mut sql = Sql::default();
        sql.push("SELECT e.id FROM events e");
        push_where(conn, &mut sql, f, false)?;
        conn.query_planned("list event ids", &sql.text, &refs(&sql.params))?
    };
    rows.iter()
        .map(|r| get::<i64>(r, 0, "list event ids").map(EventId))
        .collect()
}

/// The events with `ids`, in the order asked; ids of no stored event are skipped.
pub(crate) fn events_by_id(conn: &mut Conn, ids: &[EventId]) -> Result<Vec<StoredEvent>> {
    let raw: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows = conn.query(
        "read events by id",
        &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ANY($1)"),
        &[&raw],
    )?;
    let mut out = rows.iter().map(stored_event).collect::<Result<Vec<_>>>()?;
    let order: std::collections::HashMap<i64, usize> =
        raw.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    out.sort_by_key(|e| order.get(&e.id.0).copied().unwrap_or(usize::MAX));
    Ok(out)
}

/// The counter every write transaction bumps (`data_version`, migration 2).
pub(crate) fn data_version(conn: &mut Conn) -> Result<i64> {
    let row = conn.query_opt(
        "read the data version",
        "SELECT version FROM data_version",
        &[],
    )?;
    match row {
        Some(r) => get(&r, 0, "read the data version"),
        None => Ok(0),
    }
}

pub(crate) fn count_events(conn: &mut Conn, f: &EventFilter) -> Result<u64> {
    let mut sql = Sql::default();
    sql.push("SELECT count(*) FROM events e");
    push_where(conn, &mut sql, f, false)?;
    let rows = conn.query_planned("count events", &sql.text, &refs(&sql.params))?;
    Ok(get::<i64>(&rows[0], 0, "count events")? as u64)
}

pub(crate) fn aggregate(conn: &mut Conn, f: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>> {
    let mut sql = Sql::default();
    let (key, present, time) = match by {
        GroupBy::Day => ("e.sort_date", "e.sort_date > ''", true),
        GroupBy::Week => (
            "to_char(e.event_date - (extract(isodow FROM e.event_date)::int - 1), 'YYYY-MM-DD')",
            "e.sort_date > ''",
            true,
        ),
        GroupBy::Month => ("substr(e.sort_date, 1, 7)", "e.sort_date > ''", true),
        GroupBy::Year => ("substr(e.sort_date, 1, 4)", "e.sort_date > ''", true),
        GroupBy::Country => ("e.country", "e.country IS NOT NULL", false),
        GroupBy::Admin1 => ("e.admin1", "e.admin1 IS NOT NULL", false),
        GroupBy::Admin2 => ("e.admin2", "e.admin2 IS NOT NULL", false),
        GroupBy::EventType => ("e.event_type", "e.event_type IS NOT NULL", false),
        GroupBy::SubEventType => ("e.sub_event_type", "e.sub_event_type IS NOT NULL", false),
        GroupBy::Actor => ("", "", false),
    };
    if by == GroupBy::Actor {
        sql.push(
            "SELECT a.name, count(*), sum(x.f)::bigint FROM (SELECT DISTINCT \
             ea.actor_id AS actor_id, e.id AS id, coalesce(e.fatalities, 0) AS f FROM events e \
             JOIN event_actors ea ON ea.event_id = e.id AND ea.role IN (1, 3)",
        );
        push_where(conn, &mut sql, f, false)?;
        sql.push(
            ") x JOIN actors a ON a.id = x.actor_id GROUP BY a.name \
             ORDER BY 2 DESC, a.name COLLATE \"C\"",
        );
    } else {
        sql.push(&format!(
            "SELECT {key} AS k, count(*), sum(coalesce(e.fatalities, 0))::bigint FROM events e"
        ));
        let has_where = push_where(conn, &mut sql, f, false)?;
        sql.push(if has_where { " AND " } else { " WHERE " });
        sql.push(&format!("{present} GROUP BY k"));
        // An output name cannot take a COLLATE in ORDER BY: the key expression does.
        sql.push(&if time {
            format!(" ORDER BY ({key}) COLLATE \"C\"")
        } else {
            format!(" ORDER BY 2 DESC, ({key}) COLLATE \"C\"")
        });
    }
    if let Some(l) = f.limit {
        let p = sql.bind(l as i64);
        sql.push(&format!(" LIMIT {p}"));
    }
    let rows = conn.query_planned("aggregate events", &sql.text, &refs(&sql.params))?;
    rows.iter()
        .map(|r| {
            Ok(Bucket {
                key: get(r, 0, "aggregate events")?,
                events: get::<i64>(r, 1, "aggregate events")? as u64,
                fatalities: get::<i64>(r, 2, "aggregate events")? as u64,
            })
        })
        .collect()
}

const SUMMARY_COLUMNS: &str = "d.id, d.title, d.url, d.source, d.published, d.language";

fn summary_at(row: &Row, at: usize, doc_key: i64) -> Result<DocumentSummary> {
    const OP: &str = "read a document";
    let lang: Option<&str> = get(row, at + 5, OP)?;
    Ok(DocumentSummary {
        id: get(row, at, OP)?,
        title: get(row, at + 1, OP)?,
        url: get(row, at + 2, OP)?,
        source: get(row, at + 3, OP)?,
        published: get(row, at + 4, OP)?,
        language: match lang {
            None => None,
            Some(l) => Some(
                Language::parse(l)
                    .ok_or_else(|| corrupt("documents", "language", doc_key, l.into()))?,
            ),
        },
    })
}

pub(crate) fn event_detail(conn: &mut Conn, id: EventId) -> Result<Option<EventDetail>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1");
    let Some(row) = conn.query_opt("read an event", &sql, &[&id.0])? else {
        return Ok(None);
    };
    let event = stored_event(&row)?;
    let sql = format!(
        "SELECT es.id, d.doc_key, es.evidence, es.fatalities, es.coded_event, es.merge_reason, \
         es.run_id, {SUMMARY_COLUMNS} FROM event_sources es \
         JOIN documents d ON d.doc_key = es.doc_key WHERE es.event_id = $1 ORDER BY es.id"
    );
    const OP: &str = "read event sources";
    let mut sources = Vec::new();
    for row in conn.query(OP, &sql, &[&id.0])? {
        let link_id: i64 = get(&row, 0, OP)?;
        let doc_key: i64 = get(&row, 1, OP)?;
        let evidence: Vec<Evidence> =
            serde_json::from_str(get(&row, 2, OP)?).map_err(|source| StoreError::Json {
                table: "event_sources",
                column: "evidence",
                row_id: link_id,
                source,
            })?;
        let fatalities: Option<i64> = get(&row, 3, OP)?;
        let mut coded = parse_coded(get(&row, 4, OP)?, link_id)?;
        coded.evidence = evidence.clone();
        sources.push(EventSource {
            document: summary_at(&row, 7, doc_key)?,
            evidence,
            fatalities: fatalities.and_then(|f| u32::try_from(f).ok()),
            coded,
            merge_reason: get(&row, 5, OP)?,
            run_id: get::<Option<i64>>(&row, 6, OP)?.map(RunId),
        });
    }
    Ok(Some(EventDetail { event, sources }))
}

pub(crate) fn document(conn: &mut Conn, id: &str) -> Result<Option<StoredDocument>> {
    const OP: &str = "read a document";
    let Some(r) = conn.query_opt(
        OP,
        "SELECT d.doc_key, d.id, d.title, d.text, d.url, d.canonical_url, d.source, \
         d.published, d.language, d.content_hash, d.simhash, o.id, d.ingested_at, d.run_id \
         FROM documents d LEFT JOIN documents o ON o.doc_key = d.near_duplicate_of \
         WHERE d.id = $1",
        &[&id],
    )?
    else {
        return Ok(None);
    };
    let key: i64 = get(&r, 0, OP)?;
    let hash: &[u8] = get(&r, 9, OP)?;
    let content_hash = ContentHash::from_slice(hash).ok_or_else(|| {
        corrupt(
            "documents",
            "content_hash",
            key,
            format!("{} bytes", hash.len()),
        )
    })?;
    let lang: Option<&str> = get(&r, 8, OP)?;
    let lang = match lang {
        None => None,
        Some(l) => Some(
            Language::parse(l).ok_or_else(|| corrupt("documents", "language", key, l.into()))?,
        ),
    };
    let events = conn.query(
        "read the events of a document",
        "SELECT event_id FROM event_sources WHERE doc_key = $1 ORDER BY id",
        &[&key],
    )?;
    let published: Option<NaiveDate> = get(&r, 7, OP)?;
    let sim: i64 = get(&r, 10, OP)?;
    Ok(Some(StoredDocument {
        document: Document {
            id: get(&r, 1, OP)?,
            text: get(&r, 3, OP)?,
            title: get(&r, 2, OP)?,
            published,
            lang,
            url: get(&r, 4, OP)?,
            source: get(&r, 6, OP)?,
        },
        canonical_url: get(&r, 5, OP)?,
        content_hash,
        simhash: sim as u64,
        near_duplicate_of: get(&r, 11, OP)?,
        ingested_at: get(&r, 12, OP)?,
        run_id: get::<Option<i64>>(&r, 13, OP)?.map(RunId),
        events: events.iter().map(|e| EventId(e.get(0))).collect(),
    }))
}

pub(crate) fn search(conn: &mut Conn, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let parts = parse_query(query);
    let Some(q) = tsquery(&parts) else {
        return Ok(Vec::new());
    };
    const OP: &str = "search documents";
    // Ties (equal rank) go to the older document, as a stable order.
    let sql = format!(
        "SELECT d.doc_key, d.text, -ts_rank(d.search, q)::float8 AS rank, {SUMMARY_COLUMNS} \
         FROM documents d, CAST($1::text AS tsquery) q WHERE d.search @@ q \
         ORDER BY rank, d.doc_key LIMIT $2"
    );
    let rows = conn.query(OP, &sql, &[&q, &(limit.min(10_000) as i64)])?;
    let mut hits = Vec::with_capacity(rows.len());
    for row in rows {
        let key: i64 = get(&row, 0, OP)?;
        let text: &str = get(&row, 1, OP)?;
        let rank: f64 = get(&row, 2, OP)?;
        let document = summary_at(&row, 3, key)?;
        let mut snip = snippet(text, &parts, 200);
        if snip.highlights.is_empty() {
            if let Some(title) = document.title.as_deref() {
                let t = snippet(title, &parts, 200);
                if !t.highlights.is_empty() {
                    snip = t;
                }
            }
        }
        hits.push(SearchHit {
            document,
            rank,
            snippet: snip,
        });
    }
    Ok(hits)
}

pub(crate) fn known_hashes(conn: &mut Conn) -> Result<HashSet<ContentHash>> {
    let rows = conn.query(
        "read content hashes",
        "SELECT content_hash FROM documents",
        &[],
    )?;
    Ok(rows
        .iter()
        .filter_map(|r| ContentHash::from_slice(r.get::<_, &[u8]>(0)))
        .collect())
}

pub(crate) fn contains_hash(conn: &mut Conn, hash: &ContentHash) -> Result<bool> {
    Ok(conn
        .query_opt(
            "look up a content hash",
            "SELECT 1 FROM documents WHERE content_hash = $1",
            &[&&hash.0[..]],
        )?
        .is_some())
}

pub(crate) fn stats(conn: &mut Conn) -> Result<Stats> {
    let r = conn
        .query(
            "count rows",
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), \
             (SELECT count(*) FROM event_sources), (SELECT count(*) FROM ingest_runs), \
             (SELECT count(*) FROM events WHERE origin = 'rasd'), \
             (SELECT count(*) FROM events WHERE origin = 'acled'), \
             (SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL), \
             (SELECT count(*) FROM actors)",
            &[],
        )?
        .remove(0);
    let n = |i| get::<i64>(&r, i, "count rows").map(|v| v as u64);
    Ok(Stats {
        documents: n(0)?,
        events: n(1)?,
        sources: n(2)?,
        ingest_runs: n(3)?,
        rasd_events: n(4)?,
        acled_events: n(5)?,
        near_duplicates: n(6)?,
        actors: n(7)?,
    })
}

const RUN_COLUMNS: &str = "id, started_at, finished_at, status, inputs, coder_version, docs_new, \
    docs_duplicate, docs_near_duplicate, docs_skipped, events_new, events_merged";

fn ingest_run(row: &Row) -> Result<IngestRun> {
    const OP: &str = "read a run";
    let id: i64 = get(row, 0, OP)?;
    let status: &str = get(row, 3, OP)?;
    let inputs: &str = get(row, 4, OP)?;
    let n = |i| get::<i64>(row, i, OP).map(|v| v as u64);
    Ok(IngestRun {
        id: RunId(id),
        started_at: get(row, 1, OP)?,
        finished_at: get(row, 2, OP)?,
        status: RunStatus::parse(status)
            .ok_or_else(|| corrupt("ingest_runs", "status", id, status.into()))?,
        inputs: serde_json::from_str(inputs).map_err(|source| StoreError::Json {
            table: "ingest_runs",
            column: "inputs",
            row_id: id,
            source,
        })?,
        coder_version: get(row, 5, OP)?,
        counts: RunCounts {
            docs_new: n(6)?,
            docs_duplicate: n(7)?,
            docs_near_duplicate: n(8)?,
            docs_skipped: n(9)?,
            events_new: n(10)?,
            events_merged: n(11)?,
        },
    })
}

pub(crate) fn run(conn: &mut Conn, run: RunId) -> Result<Option<IngestRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM ingest_runs WHERE id = $1");
    conn.query_opt("read a run", &sql, &[&run.0])?
        .map(|r| ingest_run(&r))
        .transpose()
}

pub(crate) fn runs(conn: &mut Conn) -> Result<Vec<IngestRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM ingest_runs ORDER BY id DESC");
    conn.query("read runs", &sql, &[])?
        .iter()
        .map(ingest_run)
        .collect()
}
