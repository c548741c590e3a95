//! The SQLite read path: filtered event pages, details, documents, search, stats, aggregates.
//!
//! Filters become SQL from fixed fragments with `?` placeholders; every user value travels as a
//! bound parameter, never inside the SQL text.

use crate::error::SqlContext;
use crate::filter::Sort;
use crate::fulltext::{match_expression, parse_query, snippet};
use crate::schema::{self, actor_norm, like_escape, parse_date, EVENT_COLUMNS};
use crate::{
    Bucket, ContentHash, Cursor, DocumentSummary, EventDetail, EventFilter, EventId, EventPage,
    EventSource, GroupBy, IngestRun, Result, RunCounts, RunId, RunStatus, SearchHit, Stats,
    StoreError, StoredDocument,
};
use rasd_model::{Document, Evidence, Language};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use std::collections::HashSet;

/// Above this many event-actor links, an actor filter tests rows instead of collecting a set.
const ACTOR_SET_LIMIT: i64 = 20_000;

/// Kilometres per degree of latitude (mean Earth radius).
const KM_PER_DEGREE: f64 = 111.195;

/// Below this many indexed points in the box of a `near`/`bbox` filter, the query starts from
/// the R*Tree (few rows, sorted afterwards); above it, from the date-ordered index, testing each
/// row against the box (the first page fills quickly when the box holds many events).
const GEO_DRIVER_LIMIT: i64 = 5_000;

/// The R*Tree search box `[min_lat, max_lat, min_lon, max_lon]` of the geographic filter that
/// may drive the query (`near` first, else `bbox`).
pub fn geo_box(f: &EventFilter) -> Option<[f64; 4]> {
    if let Some(n) = f.near {
        let dlat = n.km / KM_PER_DEGREE;
        let cos = n.lat.to_radians().cos();
        let dlon = if cos < 1e-6 || cos * KM_PER_DEGREE * 180.0 <= n.km {
            180.0
        } else {
            (n.km / (KM_PER_DEGREE * cos)).min(180.0)
        };
        return Some([n.lat - dlat, n.lat + dlat, n.lon - dlon, n.lon + dlon]);
    }
    f.bbox.map(|b| [b.min_lat, b.max_lat, b.min_lon, b.max_lon])
}

/// Whether the query should start from the R*Tree (see [`GEO_DRIVER_LIMIT`]).
fn geo_drives(conn: &Connection, f: &EventFilter) -> Result<bool> {
    let Some(b) = geo_box(f) else {
        return Ok(false);
    };
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT 1 FROM event_geo WHERE max_lat >= ?1 AND min_lat <= ?2 \
             AND max_lon >= ?3 AND min_lon <= ?4 LIMIT ?5)",
        )
        .and_then(|mut s| {
            s.query_row(params![b[0], b[1], b[2], b[3], GEO_DRIVER_LIMIT], |r| {
                r.get(0)
            })
        })
        .during("estimate a geographic filter")?;
    Ok(n < GEO_DRIVER_LIMIT)
}

/// `FROM ...` for a filter: the events table, or the R*Tree joined to it when it drives.
fn push_from(conn: &Connection, sql: &mut Sql, f: &EventFilter) -> Result<bool> {
    let drives = geo_drives(conn, f)?;
    sql.push(if drives {
        // CROSS JOIN fixes the loop order: SQLite cannot estimate R*Tree selectivity.
        " FROM event_geo g CROSS JOIN events e ON e.id = g.id"
    } else {
        " FROM events e"
    });
    Ok(drives)
}

/// SQL text with its parameters, built together so they cannot drift apart.
#[derive(Default)]
struct Sql {
    text: String,
    params: Vec<Value>,
}

impl Sql {
    fn push(&mut self, fragment: &str) {
        self.text.push_str(fragment);
    }

    fn bind(&mut self, v: impl Into<Value>) {
        self.params.push(v.into());
    }
}

/// Append ` WHERE ...` for the filter (without the cursor when `with_cursor` is false); returns
/// whether a WHERE was written.
fn push_where(
    conn: &Connection,
    sql: &mut Sql,
    f: &EventFilter,
    with_cursor: bool,
    geo_driven: bool,
) -> Result<bool> {
    f.validate()?;
    let mut first = true;
    let mut and = |sql: &mut Sql, fragment: &str| {
        sql.push(if first { " WHERE " } else { " AND " });
        first = false;
        sql.push(fragment);
    };
    if f.from.is_some() || f.to.is_some() {
        // The lower bound '0' also excludes undated events (sort_date '').
        and(sql, "e.sort_date >= ? AND e.sort_date <= ?");
        sql.bind(f.from.map_or("0".to_owned(), |d| d.to_string()));
        sql.bind(f.to.map_or("9".to_owned(), |d| d.to_string()));
    }
    for (value, fragment) in [
        (&f.country, "e.country = ?"),
        (&f.admin1, "e.admin1 = ?"),
        (&f.admin2, "e.admin2 = ?"),
    ] {
        if let Some(v) = value {
            and(sql, fragment);
            sql.bind(v.trim().to_owned());
        }
    }
    if let Some(t) = f.event_type {
        and(sql, "e.event_type = ?");
        sql.bind(t.as_acled().to_owned());
    }
    if let Some(t) = f.sub_event_type {
        and(sql, "e.sub_event_type = ?");
        sql.bind(t.as_acled().to_owned());
    }
    if let Some(o) = f.origin {
        and(sql, "e.origin = ?");
        sql.bind(o.as_str().to_owned());
    }
    if let Some(c) = f.min_confidence {
        and(sql, "e.confidence >= ?");
        sql.bind(f64::from(c));
    }
    if let Some(actor) = &f.actor {
        let norm = actor_norm(actor.trim());
        if !norm.is_empty() {
            let pattern = format!("%{}%", like_escape(&norm));
            // Two plans. A rare actor: collect its events through event_actors (few rows) and
            // let the other filters run on that set. A common actor: that set would be large,
            // so walk the ordered index of the other filters and test each row's actors (the
            // first page fills after a few hundred rows). A capped count picks the plan.
            let linked: i64 = conn
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE actor_id IN \
                     (SELECT id FROM actors WHERE name_norm LIKE ?1 ESCAPE '\\') LIMIT ?2)",
                )
                .and_then(|mut s| s.query_row(params![pattern, ACTOR_SET_LIMIT], |r| r.get(0)))
                .during("estimate an actor filter")?;
            and(
                sql,
                if linked < ACTOR_SET_LIMIT {
                    "e.id IN (SELECT ea.event_id FROM actors a \
                     JOIN event_actors ea ON ea.actor_id = a.id \
                     WHERE a.name_norm LIKE ? ESCAPE '\\')"
                } else {
                    "EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id \
                     WHERE ea.event_id = e.id AND a.name_norm LIKE ? ESCAPE '\\')"
                },
            );
            sql.bind(pattern);
        }
    }
    if let Some(text) = &f.text {
        let expr = match_expression(&parse_query(text)).ok_or(StoreError::InvalidFilter {
            field: "text",
            reason: "the query has no words",
        })?;
        and(
            sql,
            "(e.id IN (SELECT es.event_id FROM event_sources es WHERE es.doc_key IN \
             (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)) \
             OR e.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?))",
        );
        sql.bind(expr.clone());
        sql.bind(expr);
    }
    // The box of the first geographic filter: a condition on the driving R*Tree, or, when the
    // query walks an ordered index instead, a range test on the coordinates (which the date
    // index carries, so rows outside the box are skipped without being read).
    if let Some(b) = geo_box(f) {
        and(
            sql,
            if geo_driven {
                "g.max_lat >= ? AND g.min_lat <= ? AND g.max_lon >= ? AND g.min_lon <= ?"
            } else {
                "e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?"
            },
        );
        for v in b {
            sql.bind(v);
        }
    }
    // Exact tests on the stored coordinates (the R*Tree holds rounded 32-bit boxes).
    if let Some(n) = f.near {
        and(sql, "rasd_km(e.latitude, e.longitude, ?, ?) <= ?");
        sql.bind(n.lat);
        sql.bind(n.lon);
        sql.bind(n.km);
    }
    if let Some(b) = f.bbox {
        and(
            sql,
            "e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?",
        );
        for v in [b.min_lat, b.max_lat, b.min_lon, b.max_lon] {
            sql.bind(v);
        }
    }
    if with_cursor {
        if let Some(c) = &f.after {
            and(
                sql,
                match f.sort {
                    Sort::DateDesc => "(e.sort_date, e.id) < (?, ?)",
                    Sort::DateAsc => "(e.sort_date, e.id) > (?, ?)",
                },
            );
            sql.bind(c.sort_key());
            sql.bind(c.id.0);
        }
    }
    Ok(!first)
}

pub(crate) fn events(conn: &Connection, f: &EventFilter) -> Result<EventPage> {
    let limit = f.page_size();
    let mut sql = Sql::default();
    sql.push(&format!("SELECT {EVENT_COLUMNS}"));
    let driven = push_from(conn, &mut sql, f)?;
    push_where(conn, &mut sql, f, true, driven)?;
    sql.push(match f.sort {
        Sort::DateDesc => " ORDER BY e.sort_date DESC, e.id DESC LIMIT ?",
        Sort::DateAsc => " ORDER BY e.sort_date ASC, e.id ASC LIMIT ?",
    });
    sql.bind(limit as i64 + 1);
    let mut stmt = conn.prepare_cached(&sql.text).during("query events")?;
    let mut rows = stmt
        .query(params_from_iter(sql.params.iter()))
        .during("query events")?;
    let mut events = Vec::with_capacity(limit.min(1024));
    let mut more = false;
    while let Some(row) = rows.next().during("query events")? {
        if events.len() == limit {
            more = true;
            break;
        }
        events.push(schema::stored_event(row)?);
    }
    let next = if more {
        events.last().map(|e: &crate::StoredEvent| Cursor {
            date: e.event.event_date,
            id: e.id,
        })
    } else {
        None
    };
    Ok(EventPage { events, next })
}

/// Ids of every event matching `f` (its `sort`, `limit` and `after` are ignored), in no
/// particular order.
///
/// For callers that keep their own copy of the events' fields (the server's in-memory index)
/// and only need the store to answer what they cannot, above all the full-text filter: reading
/// ids alone skips decoding whole rows and the date ordering of [`events`], which made the
/// first filter on a common word take most of a second at 100,000 events.
pub(crate) fn event_ids(conn: &Connection, f: &EventFilter) -> Result<Vec<EventId>> {
    let text_only = EventFilter {
        text: f.text.clone(),
        limit: f.limit,
        after: f.after.clone(),
        sort: f.sort,
        ..Default::default()
    };
    if let (Some(text), true) = (&f.text, *f == text_only) {
        // A text alone: the ids straight from the full-text tables and the source links,
        // without visiting the events table (measured at 100,000 events, a word in 40% of the
        // notes: 5-13 ms instead of 35-100 ms). Every id is a stored event's: source links
        // cascade with their event, and notes leave `notes_fts` with theirs.
        let expr = match_expression(&parse_query(text)).ok_or(StoreError::InvalidFilter {
            field: "text",
            reason: "the query has no words",
        })?;
        let mut stmt = conn
            .prepare_cached(
                "SELECT es.event_id FROM event_sources es WHERE es.doc_key IN \
                 (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1) \
                 UNION SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?1",
            )
            .during("list event ids")?;
        let ids = stmt
            .query_map([expr], |r| r.get(0))
            .during("list event ids")?
            .map(|r| r.map(EventId).during("list event ids"))
            .collect::<Result<Vec<EventId>>>()?;
        return Ok(ids);
    }
    let mut sql = Sql::default();
    sql.push("SELECT e.id");
    let driven = push_from(conn, &mut sql, f)?;
    push_where(conn, &mut sql, f, false, driven)?;
    let mut stmt = conn.prepare_cached(&sql.text).during("list event ids")?;
    let ids = stmt
        .query_map(params_from_iter(sql.params.iter()), |r| r.get(0))
        .during("list event ids")?
        .map(|r| r.map(EventId).during("list event ids"))
        .collect::<Result<Vec<EventId>>>()?;
    Ok(ids)
}

/// The events with `ids`, in the order asked; ids of no stored event are skipped.
pub(crate) fn events_by_id(conn: &Connection, ids: &[EventId]) -> Result<Vec<crate::StoredEvent>> {
    let mut out = Vec::with_capacity(ids.len());
    // Bound in chunks well under SQLite's parameter limit.
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({marks})");
        let mut stmt = conn.prepare_cached(&sql).during("read events by id")?;
        let mut rows = stmt
            .query(params_from_iter(chunk.iter().map(|id| id.0)))
            .during("read events by id")?;
        while let Some(row) = rows.next().during("read events by id")? {
            out.push(schema::stored_event(row)?);
        }
    }
    let order: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (id.0, i)).collect();
    out.sort_by_key(|e| order.get(&e.id.0).copied().unwrap_or(usize::MAX));
    Ok(out)
}

pub(crate) fn count_events(conn: &Connection, f: &EventFilter) -> Result<u64> {
    let mut sql = Sql::default();
    sql.push("SELECT count(*)");
    let driven = push_from(conn, &mut sql, f)?;
    push_where(conn, &mut sql, f, false, driven)?;
    let n: i64 = conn
        .prepare_cached(&sql.text)
        .and_then(|mut s| s.query_row(params_from_iter(sql.params.iter()), |r| r.get(0)))
        .during("count events")?;
    Ok(n as u64)
}

pub(crate) fn aggregate(conn: &Connection, f: &EventFilter, by: GroupBy) -> Result<Vec<Bucket>> {
    let mut sql = Sql::default();
    // Time keys use sort_date (in the indexes; '' when undated, excluded by `sort_date > ''`).
    // Column keys carry a unary `+`, which stops SQLite from choosing that column's index just
    // to avoid a sort: it would then skip-scan every value of the column over the date range
    // and read each row to test the other filters (measured 40x slower for one country).
    let (key, present, time) = match by {
        GroupBy::Day => ("e.sort_date", "e.sort_date > ''", true),
        GroupBy::Week => (
            "date(e.sort_date, '-6 days', 'weekday 1')",
            "e.sort_date > ''",
            true,
        ),
        GroupBy::Month => ("substr(e.sort_date, 1, 7)", "e.sort_date > ''", true),
        GroupBy::Year => ("substr(e.sort_date, 1, 4)", "e.sort_date > ''", true),
        GroupBy::Country => ("+e.country", "+e.country IS NOT NULL", false),
        GroupBy::Admin1 => ("+e.admin1", "+e.admin1 IS NOT NULL", false),
        GroupBy::Admin2 => ("+e.admin2", "+e.admin2 IS NOT NULL", false),
        GroupBy::EventType => ("+e.event_type", "+e.event_type IS NOT NULL", false),
        GroupBy::SubEventType => ("+e.sub_event_type", "+e.sub_event_type IS NOT NULL", false),
        GroupBy::Actor => ("", "", false),
    };
    if by == GroupBy::Actor {
        sql.push(
            "SELECT a.name, count(*), sum(x.f) FROM (SELECT DISTINCT ea.actor_id AS actor_id, \
             e.id AS id, coalesce(e.fatalities, 0) AS f FROM events e \
             JOIN event_actors ea ON ea.event_id = e.id AND ea.role IN (1, 3)",
        );
        push_where(conn, &mut sql, f, false, false)?;
        sql.push(") x JOIN actors a ON a.id = x.actor_id GROUP BY a.name ORDER BY 2 DESC, 1");
    } else {
        sql.push(&format!(
            "SELECT {key} AS k, count(*), sum(coalesce(e.fatalities, 0))"
        ));
        let driven = push_from(conn, &mut sql, f)?;
        let has_where = push_where(conn, &mut sql, f, false, driven)?;
        sql.push(if has_where { " AND " } else { " WHERE " });
        sql.push(&format!("{present} GROUP BY k"));
        sql.push(if time {
            " ORDER BY k"
        } else {
            " ORDER BY 2 DESC, k"
        });
    }
    if let Some(l) = f.limit {
        sql.push(" LIMIT ?");
        sql.bind(l as i64);
    }
    let mut stmt = conn.prepare_cached(&sql.text).during("aggregate events")?;
    let rows = stmt
        .query_map(params_from_iter(sql.params.iter()), |r| {
            Ok(Bucket {
                key: r.get(0)?,
                events: r.get::<_, i64>(1)? as u64,
                fatalities: r.get::<_, i64>(2)? as u64,
            })
        })
        .during("aggregate events")?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .during("aggregate events")
}

fn summary_at(row: &Row<'_>, at: usize) -> rusqlite::Result<(DocumentSummary, Option<String>)> {
    let published: Option<String> = row.get(at + 4)?;
    let lang: Option<String> = row.get(at + 5)?;
    Ok((
        DocumentSummary {
            id: row.get(at)?,
            title: row.get(at + 1)?,
            url: row.get(at + 2)?,
            source: row.get(at + 3)?,
            published: None,
            language: lang.as_deref().and_then(Language::parse),
        },
        published,
    ))
}

const SUMMARY_COLUMNS: &str = "d.id, d.title, d.url, d.source, d.published, d.language";

fn with_published(
    (mut s, published): (DocumentSummary, Option<String>),
    doc_key: i64,
) -> Result<DocumentSummary> {
    s.published = parse_date("documents", "published", doc_key, published)?;
    Ok(s)
}

pub(crate) fn event_detail(conn: &Connection, id: EventId) -> Result<Option<EventDetail>> {
    let event = {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1");
        let mut stmt = conn.prepare_cached(&sql).during("read an event")?;
        let mut rows = stmt.query([id.0]).during("read an event")?;
        match rows.next().during("read an event")? {
            Some(row) => schema::stored_event(row)?,
            None => return Ok(None),
        }
    };
    let sql = format!(
        "SELECT es.id, d.doc_key, es.evidence, es.fatalities, es.coded_event, es.merge_reason, \
         es.run_id, {SUMMARY_COLUMNS} FROM event_sources es \
         JOIN documents d ON d.doc_key = es.doc_key WHERE es.event_id = ?1 ORDER BY es.id"
    );
    let mut stmt = conn.prepare_cached(&sql).during("read event sources")?;
    let mut rows = stmt.query([id.0]).during("read event sources")?;
    let mut sources = Vec::new();
    while let Some(row) = rows.next().during("read event sources")? {
        let g = |e| StoreError::Sqlite {
            operation: "read event sources",
            source: e,
        };
        let link_id: i64 = row.get(0).map_err(g)?;
        let doc_key: i64 = row.get(1).map_err(g)?;
        let evidence: String = row.get(2).map_err(g)?;
        let evidence: Vec<Evidence> =
            serde_json::from_str(&evidence).map_err(|source| StoreError::Json {
                table: "event_sources",
                column: "evidence",
                row_id: link_id,
                source,
            })?;
        let coded: String = row.get(4).map_err(g)?;
        let mut coded = crate::write::parse_coded(&coded, link_id)?;
        coded.evidence = evidence.clone();
        sources.push(EventSource {
            document: with_published(summary_at(row, 7).map_err(g)?, doc_key)?,
            evidence,
            fatalities: row.get(3).map_err(g)?,
            coded,
            merge_reason: row.get(5).map_err(g)?,
            run_id: row.get::<_, Option<i64>>(6).map_err(g)?.map(RunId),
        });
    }
    Ok(Some(EventDetail { event, sources }))
}

pub(crate) fn document(conn: &Connection, id: &str) -> Result<Option<StoredDocument>> {
    type DocRow = (
        i64,
        String,
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Vec<u8>,
        i64,
        Option<String>,
        i64,
        Option<i64>,
    );
    let row: Option<DocRow> = conn
        .prepare_cached(
            "SELECT d.doc_key, d.id, d.title, d.text, d.url, d.canonical_url, d.source, \
             d.published, d.language, d.content_hash, d.simhash, o.id, d.ingested_at, d.run_id \
             FROM documents d LEFT JOIN documents o ON o.doc_key = d.near_duplicate_of \
             WHERE d.id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    r.get(12)?,
                    r.get(13)?,
                ))
            })
            .optional()
        })
        .during("read a document")?;
    let Some((
        key,
        id,
        title,
        text,
        url,
        canonical,
        source,
        published,
        lang,
        hash,
        sim,
        near,
        at,
        run,
    )) = row
    else {
        return Ok(None);
    };
    let content_hash = ContentHash::from_slice(&hash).ok_or_else(|| StoreError::Corrupt {
        table: "documents",
        column: "content_hash",
        row_id: key,
        value: format!("{} bytes", hash.len()),
    })?;
    let language = match lang {
        None => None,
        Some(l) => Some(Language::parse(&l).ok_or(StoreError::Corrupt {
            table: "documents",
            column: "language",
            row_id: key,
            value: l,
        })?),
    };
    let events: Vec<i64> = conn
        .prepare_cached("SELECT event_id FROM event_sources WHERE doc_key = ?1 ORDER BY id")
        .and_then(|mut s| s.query_map([key], |r| r.get(0))?.collect())
        .during("read the events of a document")?;
    Ok(Some(StoredDocument {
        document: Document {
            id,
            text,
            title,
            published: parse_date("documents", "published", key, published)?,
            lang: language,
            url,
            source,
        },
        canonical_url: canonical,
        content_hash,
        simhash: sim as u64,
        near_duplicate_of: near,
        ingested_at: at,
        run_id: run.map(RunId),
        events: events.into_iter().map(EventId).collect(),
    }))
}

pub(crate) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let parts = parse_query(query);
    let Some(expr) = match_expression(&parts) else {
        return Ok(Vec::new());
    };
    let sql = format!(
        "SELECT d.doc_key, d.text, bm25(documents_fts, 1.0, 0.5) AS rank, {SUMMARY_COLUMNS} \
         FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid \
         WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2"
    );
    let mut stmt = conn.prepare_cached(&sql).during("search documents")?;
    let mut rows = stmt
        .query(params![expr, limit.min(10_000) as i64])
        .during("search documents")?;
    let mut hits = Vec::new();
    while let Some(row) = rows.next().during("search documents")? {
        let g = |e| StoreError::Sqlite {
            operation: "search documents",
            source: e,
        };
        let key: i64 = row.get(0).map_err(g)?;
        let text: String = row.get(1).map_err(g)?;
        let rank: f64 = row.get(2).map_err(g)?;
        let document = with_published(summary_at(row, 3).map_err(g)?, key)?;
        let mut snip = snippet(&text, &parts, 200);
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

pub(crate) fn known_hashes(conn: &Connection) -> Result<HashSet<ContentHash>> {
    let mut stmt = conn
        .prepare_cached("SELECT content_hash FROM documents")
        .during("read content hashes")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .during("read content hashes")?;
    let mut out = HashSet::new();
    for r in rows {
        if let Some(h) = ContentHash::from_slice(&r.during("read content hashes")?) {
            out.insert(h);
        }
    }
    Ok(out)
}

pub(crate) fn contains_hash(conn: &Connection, hash: &ContentHash) -> Result<bool> {
    conn.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")
        .and_then(|mut s| s.exists([&hash.0[..]]))
        .during("look up a content hash")
}

pub(crate) fn stats(conn: &Connection) -> Result<Stats> {
    let count = |sql: &str| -> Result<u64> {
        conn.query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .during("count rows")
    };
    Ok(Stats {
        documents: count("SELECT count(*) FROM documents")?,
        events: count("SELECT count(*) FROM events")?,
        sources: count("SELECT count(*) FROM event_sources")?,
        ingest_runs: count("SELECT count(*) FROM ingest_runs")?,
        rasd_events: count("SELECT count(*) FROM events WHERE origin = 'rasd'")?,
        acled_events: count("SELECT count(*) FROM events WHERE origin = 'acled'")?,
        near_duplicates: count(
            "SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL",
        )?,
        actors: count("SELECT count(*) FROM actors")?,
    })
}

const RUN_COLUMNS: &str = "id, started_at, finished_at, status, inputs, coder_version, docs_new, \
    docs_duplicate, docs_near_duplicate, docs_skipped, events_new, events_merged";

fn ingest_run(row: &Row<'_>) -> Result<IngestRun> {
    let g = |e| StoreError::Sqlite {
        operation: "read a run",
        source: e,
    };
    let id: i64 = row.get(0).map_err(g)?;
    let status: String = row.get(3).map_err(g)?;
    let inputs: String = row.get(4).map_err(g)?;
    let n = |i| row.get::<_, i64>(i).map(|v| v as u64).map_err(g);
    Ok(IngestRun {
        id: RunId(id),
        started_at: row.get(1).map_err(g)?,
        finished_at: row.get(2).map_err(g)?,
        status: RunStatus::parse(&status).ok_or(StoreError::Corrupt {
            table: "ingest_runs",
            column: "status",
            row_id: id,
            value: status.clone(),
        })?,
        inputs: serde_json::from_str(&inputs).map_err(|source| StoreError::Json {
            table: "ingest_runs",
            column: "inputs",
            row_id: id,
            source,
        })?,
        coder_version: row.get(5).map_err(g)?,
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

pub(crate) fn run(conn: &Connection, run: RunId) -> Result<Option<IngestRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM ingest_runs WHERE id = ?1");
    let mut stmt = conn.prepare_cached(&sql).during("read a run")?;
    let mut rows = stmt.query([run.0]).during("read a run")?;
    match rows.next().during("read a run")? {
        Some(row) => Ok(Some(ingest_run(row)?)),
        None => Ok(None),
    }
}

pub(crate) fn runs(conn: &Connection) -> Result<Vec<IngestRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM ingest_runs ORDER BY id DESC");
    let mut stmt = conn.prepare_cached(&sql).during("read runs")?;
    let mut rows = stmt.query([]).during("read runs")?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().during("read runs")? {
        out.push(ingest_run(row)?);
    }
    Ok(out)
}
