//! The `/api/v1` handlers.

use crate::index::{EventIndex, PageKey, Selection};
use crate::ingest::{code_and_store, parse_documents};
use crate::params::Query;
use crate::{AppState, Result, ServerError};
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rasd_model::Evidence;
use rasd_store::{
    CsvExport, EventDetail, EventFilter, EventId, EventWriter, GeoJsonExport, StoredEvent,
};
use serde_json::{json, Value};
use std::sync::Arc;

/// Events per page by default, and the hard cap (a larger `limit` is a 400).
pub const DEFAULT_PAGE: usize = 100;
pub const MAX_PAGE: usize = 1000;
/// Source texts longer than this are left out of an event's detail (fetch the document).
const INLINE_TEXT: usize = 512 * 1024;

/// Require `Authorization: Bearer <token>` when the server has a token (`health` is exempt,
/// for probes).
pub(crate) async fn auth(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !state.requires_token() || req.uri().path().ends_with("/health") {
        return next.run(req).await;
    }
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    if state.token_ok(presented) {
        next.run(req).await
    } else {
        ServerError::Unauthorized.into_response()
    }
}

/// The current index and the rows of it that `filter` (and `ids`, the `ids` parameter) keeps.
pub(crate) async fn compile(
    state: &AppState,
    filter: &EventFilter,
    ids: Option<&[i64]>,
) -> Result<(Arc<EventIndex>, Arc<Selection>)> {
    let index = state.fresh_index().await?;
    let sel = select(state, &index, filter, ids).await?;
    Ok((index, sel))
}

/// The cache key of a selection: the filter and the `ids` as JSON.
pub(crate) fn selection_key(filter: &EventFilter, ids: Option<&[i64]>) -> String {
    format!(
        "{}|{}",
        serde_json::to_string(filter).unwrap_or_default(),
        serde_json::to_string(&ids).unwrap_or_default()
    )
}

/// The rows of `index` that `filter` (and `ids`) keeps: found once per filter and data version
/// (with the full-text ids of the index's version when the filter has a text), on a blocking
/// thread, and shared by every request asking about the same filter meanwhile or later.
pub(crate) async fn select(
    state: &AppState,
    index: &Arc<EventIndex>,
    filter: &EventFilter,
    ids: Option<&[i64]>,
) -> Result<Arc<Selection>> {
    let slot = state.selection_slot(selection_key(filter, ids), index.version);
    slot.get_or_try_init(|| async {
        let text_ids = match &filter.text {
            Some(t) => Some(state.text_ids(t, index.version).await?),
            None => None,
        };
        let (index, filter) = (Arc::clone(index), filter.clone());
        let ids = ids.map(<[i64]>::to_vec);
        crate::db::join(tokio::task::spawn_blocking(move || {
            let m = index.matcher(
                &filter,
                text_ids.as_deref().map(Vec::as_slice),
                ids.as_deref(),
            );
            Ok(Arc::new(index.select(&m)))
        }))
        .await
    })
    .await
    .cloned()
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    GeoJson,
    Csv,
}

#[derive(Clone, Copy, PartialEq)]
enum TableSort {
    DateDesc,
    DateAsc,
    FatalitiesDesc,
    FatalitiesAsc,
}

/// The cursor of an index-paged listing: `f:<fatalities>:<id>` or `d:<day>:<id>`.
fn index_cursor(v: &str, prefix: &str) -> Option<(i64, i64)> {
    let rest = v.strip_prefix(prefix)?;
    let (f, id) = rest.split_once(':')?;
    Some((f.parse().ok()?, id.parse().ok()?))
}

/// `GET /api/v1/events`.
pub(crate) async fn events(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response> {
    let q = Query::parse(raw.as_deref(), true, &["sort", "cursor", "limit", "format"])?;
    let filter = q.filter()?;
    let limit = q.limit("limit", DEFAULT_PAGE, MAX_PAGE)?;
    let format = match q.get("format") {
        None | Some("json") => Format::Json,
        Some("geojson") => Format::GeoJson,
        Some("csv") => Format::Csv,
        Some(_) => return Err(ServerError::bad("format", "one of json, geojson, csv")),
    };
    let sort = match q.get("sort") {
        None | Some("date_desc") => TableSort::DateDesc,
        Some("date_asc") => TableSort::DateAsc,
        Some("fatalities_desc") => TableSort::FatalitiesDesc,
        Some("fatalities_asc") => TableSort::FatalitiesAsc,
        Some(_) => {
            return Err(ServerError::bad(
                "sort",
                "one of date_desc, date_asc, fatalities_desc, fatalities_asc",
            ))
        }
    };
    let ids = q.ids()?;
    let (index, m) = compile(&state, &filter, ids.as_deref()).await?;
    let total = index.totals(&m).events;
    let cursor = q.get("cursor");
    // Pages come from the index, which already holds the selection's rows (the store would
    // run the filter again for every page: a full-text filter on a common word, or an actor
    // substring, took 0.1-0.9 s at 100,000 events); only the page's rows are read from the
    // store. Cursors are `d:<day>:<id>` (date orders) or `f:<fatalities>:<id>`.
    let key = match sort {
        TableSort::FatalitiesDesc | TableSort::FatalitiesAsc => PageKey::Fatalities,
        TableSort::DateDesc | TableSort::DateAsc => PageKey::Date,
    };
    let (events, next): (Vec<StoredEvent>, Option<String>) = {
        let prefix = if key == PageKey::Date { "d:" } else { "f:" };
        let after = cursor
            .map(|c| {
                index_cursor(c, prefix)
                    .ok_or_else(|| ServerError::bad("cursor", "not a cursor of this listing"))
            })
            .transpose()?;
        let descending = matches!(sort, TableSort::FatalitiesDesc | TableSort::DateDesc);
        let (ids, next) = index.page_by(&m, key, descending, after, limit);
        let events = state
            .inner
            .db
            .read(move |s| {
                // An event deleted since the index was built is skipped.
                let ids: Vec<EventId> = ids.into_iter().map(EventId).collect();
                s.events_by_id(&ids)
                    .map_err(|e| ServerError::store("read events", e))
            })
            .await?;
        (events, next.map(|(k, id)| format!("{prefix}{k}:{id}")))
    };
    let mut headers = HeaderMap::new();
    headers.insert("x-total-count", HeaderValue::from(total));
    if let Some(n) = &next {
        if let Ok(v) = HeaderValue::from_str(n) {
            headers.insert("x-next-cursor", v);
        }
        if let Ok(v) = HeaderValue::from_str(&format!(
            "</api/v1/events?{}>; rel=\"next\"",
            with_cursor(raw.as_deref(), n)
        )) {
            headers.insert(header::LINK, v);
        }
    }
    let body = match format {
        Format::Json => {
            let body = json!({
                "events": events,
                "next_cursor": next,
                "limit": limit,
                "total": total,
            });
            return Ok((headers, Json(body)).into_response());
        }
        Format::GeoJson => {
            let body = export(GeoJsonExport::new, &events)?;
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            );
            body
        }
        Format::Csv => {
            let body = export(CsvExport::new, &events)?;
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"rasd-events.csv\""),
            );
            body
        }
    };
    Ok((headers, body).into_response())
}

/// Write `events` with an export writer of the store (the same CSV/GeoJSON as `rasd export`).
fn export<E: EventWriter>(
    make: impl FnOnce(SharedBuf) -> rasd_store::Result<E>,
    events: &[StoredEvent],
) -> Result<Vec<u8>> {
    let err = |e| ServerError::store("write an export", e);
    let buf = SharedBuf::default();
    let mut w = make(buf.clone()).map_err(err)?;
    for e in events {
        w.write_event(e).map_err(err)?;
    }
    w.finish().map_err(err)?;
    Ok(buf.0.take())
}

/// The export writers own their output and do not give it back: they write into this shared
/// buffer instead.
#[derive(Clone, Default)]
struct SharedBuf(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The query string with `cursor` replaced.
fn with_cursor(raw: Option<&str>, cursor: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        if k != "cursor" {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair("cursor", cursor);
    out.finish()
}

/// Evidence with the quoted text, when the span is inside the field it names.
fn evidence_json(ev: &[Evidence], text: &str, title: Option<&str>) -> Vec<Value> {
    ev.iter()
        .map(|e| {
            let field = match e.field {
                rasd_model::EvidenceField::Text => Some(text),
                rasd_model::EvidenceField::Title => title,
            };
            let quote = field.and_then(|f| f.get(e.start..e.end));
            let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
            v["field"] = json!(match e.field {
                rasd_model::EvidenceField::Text => "text",
                rasd_model::EvidenceField::Title => "title",
            });
            v["quote"] = json!(quote);
            v
        })
        .collect()
}

fn event_id(v: &str) -> Result<EventId> {
    v.parse::<i64>()
        .ok()
        .filter(|&i| i > 0)
        .map(EventId)
        .ok_or_else(|| ServerError::bad("id", "expected a positive integer event id"))
}

/// `GET /api/v1/events/{id}`.
pub(crate) async fn event_detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>> {
    Query::parse(raw.as_deref(), false, &[])?;
    let id = event_id(&id)?;
    let out = state
        .inner
        .db
        .read(move |s| {
            let Some(EventDetail { event, sources }) = s
                .event_detail(id)
                .map_err(|e| ServerError::store("read an event", e))?
            else {
                return Err(ServerError::NotFound {
                    what: "event",
                    id: id.to_string(),
                });
            };
            let mut out_sources = Vec::with_capacity(sources.len());
            for src in sources {
                let doc = s
                    .document(&src.document.id)
                    .map_err(|e| ServerError::store("read a source document", e))?;
                let (text, title) = doc
                    .map(|d| (d.document.text, d.document.title))
                    .unwrap_or_default();
                let evidence = evidence_json(&src.evidence, &text, title.as_deref());
                let inline = text.len() <= INLINE_TEXT;
                out_sources.push(json!({
                    "document": src.document,
                    "merge_reason": src.merge_reason,
                    "fatalities": src.fatalities,
                    "coded": src.coded,
                    "run_id": src.run_id,
                    "evidence": evidence,
                    "title": title,
                    "text": if inline { Some(text) } else { None },
                    "text_omitted": !inline,
                }));
            }
            Ok(json!({ "event": event, "sources": out_sources }))
        })
        .await?;
    Ok(Json(out))
}

/// `GET /api/v1/aggregates`.
pub(crate) async fn aggregates(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>> {
    let q = Query::parse(raw.as_deref(), true, &["by", "split", "limit"])?;
    let filter = q.filter()?;
    let by = q.group_by("by")?;
    let split = match q.get("split") {
        None => false,
        Some("type") => true,
        Some(_) => return Err(ServerError::bad("split", "only `type` is supported")),
    };
    let limit = q
        .get("limit")
        .map(|_| q.limit("limit", 0, EventFilter::MAX_LIMIT))
        .transpose()?;
    let ids = q.ids()?;
    let (index, m) = compile(&state, &filter, ids.as_deref()).await?;
    let buckets = index.aggregate(&m, by, split, limit);
    Ok(Json(json!({
        "by": q.get("by"),
        "split": q.get("split"),
        "total": index.totals(&m),
        "buckets": buckets,
    })))
}

/// `GET /api/v1/points`.
pub(crate) async fn points(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>> {
    let q = Query::parse(raw.as_deref(), true, &["view", "cell", "max"])?;
    let filter = q.filter()?;
    let view = q
        .get("view")
        .map(|v| crate::params::bbox("view", v))
        .transpose()?;
    let cell = q.number("cell")?.unwrap_or(0.5);
    if !(cell > 0.0 && cell <= 90.0) {
        return Err(ServerError::bad("cell", "must be in (0, 90] degrees"));
    }
    let max = q.limit("max", 3000, 20_000)?;
    let ids = q.ids()?;
    let (index, m) = compile(&state, &filter, ids.as_deref()).await?;
    let out = index.points(&m, view, cell, max);
    Ok(Json(json!({
        "types": rasd_model::EventType::ALL.map(|t| t.as_acled()),
        "total": out.total,
        "cell": out.cell,
        "points": out.points,
        "clusters": out.clusters,
    })))
}

/// `GET /api/v1/documents?q=`.
pub(crate) async fn search_documents(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>> {
    let q = Query::parse(raw.as_deref(), false, &["q", "limit"])?;
    let text = q
        .get("q")
        .ok_or(ServerError::MissingParameter { parameter: "q" })?
        .to_owned();
    let limit = q.limit("limit", 20, 100)?;
    let hits = state
        .inner
        .db
        .read(move |s| {
            s.search(&text, limit)
                .map_err(|e| ServerError::store("search documents", e))
        })
        .await?;
    Ok(Json(json!({ "hits": hits })))
}

/// `GET /api/v1/documents/{id}`.
pub(crate) async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Value>> {
    Query::parse(raw.as_deref(), false, &[])?;
    let out = state
        .inner
        .db
        .read(move |s| {
            let err = |op| move |e| ServerError::store(op, e);
            let Some(d) = s.document(&id).map_err(err("read a document"))? else {
                return Err(ServerError::NotFound {
                    what: "document",
                    id,
                });
            };
            let doc = &d.document;
            let mut events = Vec::new();
            for ev in &d.events {
                let Some(detail) = s.event_detail(*ev).map_err(err("read an event"))? else {
                    continue;
                };
                let evidence: Vec<Evidence> = detail
                    .sources
                    .iter()
                    .find(|src| src.document.id == doc.id)
                    .map(|src| src.evidence.clone())
                    .unwrap_or_default();
                let e = &detail.event.event;
                events.push(json!({
                    "id": ev.0,
                    "event_date": e.event_date,
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "location": e.location,
                    "fatalities": e.fatalities,
                    "evidence": evidence_json(&evidence, &doc.text, doc.title.as_deref()),
                }));
            }
            Ok(json!({
                "document": {
                    "id": doc.id,
                    "title": doc.title,
                    "text": doc.text,
                    "url": doc.url,
                    "source": doc.source,
                    "published": doc.published,
                    "lang": doc.lang,
                    "canonical_url": d.canonical_url,
                    "content_hash": d.content_hash.to_hex(),
                    "near_duplicate_of": d.near_duplicate_of,
                    "ingested_at": d.ingested_at,
                    "run_id": d.run_id,
                },
                "events": events,
            }))
        })
        .await?;
    Ok(Json(out))
}

/// `POST /api/v1/documents`.
pub(crate) async fn post_documents(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    Query::parse(raw.as_deref(), false, &[])?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ServerError::BodyTooLarge {
                limit: state.config().max_body_bytes,
            }
        } else {
            ServerError::BadBody {
                index: None,
                message: e.body_text(),
            }
        }
    })?;
    let docs = parse_documents(&body, state.config().max_batch)?;
    // Build the coder (first call: about a second) off the async threads.
    let s = state.clone();
    crate::db::join(tokio::task::spawn_blocking(move || {
        s.coder();
        Ok(())
    }))
    .await?;
    let s = state.clone();
    let report = state
        .inner
        .db
        .write(move |store| {
            let _lock = crate::ingest::WriterLock::try_take(&s.config().db)?;
            let version = s.config().coder_version.clone();
            code_and_store(store, s.coder(), docs, &version, "POST /api/v1/documents")
        })
        .await?;
    state.refresh_index().await?;
    let created = report.documents.iter().any(|d| {
        matches!(
            d.outcome,
            rasd_store::DocOutcome::Inserted { .. } | rasd_store::DocOutcome::NearDuplicate { .. }
        )
    });
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)).into_response())
}

/// `GET /api/v1/boundaries?level=0|1|2`.
pub(crate) async fn boundaries(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Result<Response> {
    let q = Query::parse(raw.as_deref(), false, &["level"])?;
    let level = match q.get("level") {
        None | Some("1") => 1,
        Some("0") => 0,
        Some("2") => 2,
        Some(_) => return Err(ServerError::bad("level", "one of 0, 1, 2")),
    };
    let s = state.clone();
    let file = crate::db::join(tokio::task::spawn_blocking(move || {
        s.inner
            .boundaries
            .get(level)
            .map(|f| (f.etag.clone(), f.json.len()))
            .map_err(|message| ServerError::Task { message })
    }))
    .await?;
    let f = state
        .inner
        .boundaries
        .get(level)
        .map_err(|message| ServerError::Task { message })?;
    let mut h = HeaderMap::new();
    h.insert(
        header::ETAG,
        HeaderValue::from_str(&file.0).expect("ascii etag"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == file.0.as_bytes())
    {
        return Ok((StatusCode::NOT_MODIFIED, h).into_response());
    }
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    let gzip = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    let body = if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        Body::from(f.gzip.clone())
    } else {
        Body::from(f.json.clone())
    };
    Ok((h, body).into_response())
}

/// `GET /api/v1/health`.
pub(crate) async fn health(State(state): State<AppState>) -> Result<Json<Value>> {
    let index = state.fresh_index().await?;
    Ok(Json(json!({
        "status": "ok",
        "events": index.len(),
        "uptime_secs": state.inner.started.elapsed().as_secs(),
    })))
}

/// `GET /api/v1/version`.
pub(crate) async fn version(State(state): State<AppState>) -> Json<Value> {
    let (store, schema_version) = match state.config().postgres_url() {
        Some(_) => ("postgresql", rasd_store_pg::SCHEMA_VERSION),
        None => ("sqlite", rasd_store::SCHEMA_VERSION),
    };
    Json(json!({
        "name": "rasd",
        "version": env!("CARGO_PKG_VERSION"),
        "api": "v1",
        "store": store,
        "schema_version": schema_version,
        "coder_version": state.config().coder_version,
    }))
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::OPENAPI_JSON,
    )
        .into_response()
}

/// Unknown `/api` paths.
pub(crate) async fn api_not_found(req: Request) -> ServerError {
    ServerError::NotFound {
        what: "route",
        id: req.uri().path().to_owned(),
    }
}
