//! The serving benchmark behind `rasd bench serve` and `cargo bench -p rasd-server`: the
//! requests the dashboard sends on its first view and on a filter change, timed against a
//! store of synthetic events (100,000 by default). `rasd bench serve` prints its report as a
//! table; the criterion bench prints it as JSON.

use crate::{router, AppState, Result, ServerConfig, ServerError};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchServeConfig {
    /// Database file; an existing file holding enough synthetic events is reused.
    pub path: PathBuf,
    pub events: usize,
    /// Timed runs of each scenario.
    pub repeat: usize,
    pub seed: u64,
}

impl Default for BenchServeConfig {
    fn default() -> Self {
        BenchServeConfig {
            path: PathBuf::from("rasd-bench-serve.sqlite"),
            events: 100_000,
            repeat: 20,
            seed: 7,
        }
    }
}

/// Latency of one scenario (all its requests sent at once, as a browser does).
#[derive(Debug, Clone, serde::Serialize)]
pub struct RequestTiming {
    pub name: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Bytes of the answers of one run (a failing request would look fast).
    pub bytes: usize,
}

/// Results of [`bench_serve`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchServeReport {
    pub events: u64,
    /// Seconds to open the store and build the in-memory index (server start-up).
    pub startup_secs: f64,
    /// The dashboard's first view: boundaries, weekly timeline, choropleth, facets, map points,
    /// first table page.
    pub first_view: RequestTiming,
    /// A filter change (timeline, choropleth, type counts, points, table) for several filters,
    /// each cold (every cache emptied first, so a full-text filter asks the store again).
    pub filter_change: RequestTiming,
    /// The same filter changes again, each filter asked before (its selection kept).
    pub filter_repeat: RequestTiming,
    /// The first filter change to a new, broad full-text query (each of [`COLD_WORDS`], about
    /// 40% of the synthetic events each): the store lists the matching ids, then they are
    /// cached.
    pub text_cold: RequestTiming,
    /// Each request of the first view alone, then each request of the filter change as timed
    /// inside its burst (named `filter change: ...`).
    pub requests: Vec<RequestTiming>,
    /// Each `/api/v1/analytics/*` request of the Analysis panel alone, uncached: one sample per
    /// filter (none, then each of [`FILTERS`]), each the first time that query is asked.
    pub analytics: Vec<RequestTiming>,
    /// The Analysis panel's four requests sent at once, uncached, per filter (`repeat` rounds,
    /// each on a fresh server state).
    pub analysis_view: RequestTiming,
}

/// The Analysis panel's requests for `filter` (a query-string fragment, may be empty).
pub fn analysis_requests(filter: &str) -> Vec<String> {
    let and = if filter.is_empty() { "" } else { "&" };
    // The control indicator takes a month, not a date range.
    let control: String = filter
        .split('&')
        .filter(|p| !p.starts_with("from=") && !p.starts_with("to="))
        .collect::<Vec<_>>()
        .join("&");
    let cand = if control.is_empty() { "" } else { "&" };
    vec![
        format!("/api/v1/analytics/series?interval=week{and}{filter}"),
        format!("/api/v1/analytics/warnings?level=admin2{and}{filter}"),
        format!("/api/v1/analytics/control?level=admin2{cand}{control}"),
        format!("/api/v1/analytics/capabilities?period=quarter{and}{filter}"),
    ]
}

/// The map view of the dashboard's first screen (the central Sahel).
const VIEW: &str = "view=-18,4,25,26&cell=0.6&max=3000";

/// The first-view requests (what `assets/app.js` sends on load).
pub const FIRST_VIEW: [&str; 8] = [
    "/api/v1/boundaries?level=1",
    "/api/v1/aggregates?by=week&split=type",
    "/api/v1/aggregates?by=admin1",
    "/api/v1/aggregates?by=country",
    "/api/v1/aggregates?by=type",
    "/api/v1/aggregates?by=actor&limit=300",
    "/api/v1/points?{VIEW}",
    "/api/v1/events?limit=50",
];

/// Common words of the synthetic notes, each the first full-text query of its kind in the
/// cold full-text scenario.
pub const COLD_WORDS: [&str; 8] = [
    "ambush",
    "convoy",
    "market",
    "patrol",
    "checkpoint",
    "camp",
    "mosque",
    "cattle",
];

/// Filters applied in the filter-change scenario, in turn.
pub const FILTERS: [&str; 6] = [
    "country=Mali",
    "type=Battles&from=2020-01-01&to=2020-12-31",
    "actor=jnim",
    "text=ambush",
    "admin1=Sahel&type=Violence%20against%20civilians",
    "bbox=-5,12,0,16",
];

/// The first-view request URIs.
pub fn first_view_requests() -> Vec<String> {
    FIRST_VIEW
        .iter()
        .map(|u| u.replace("{VIEW}", VIEW))
        .collect()
}

/// The requests of a filter change to `filter` (a query-string fragment).
pub fn filter_change_requests(filter: &str) -> Vec<String> {
    vec![
        format!("/api/v1/aggregates?by=week&split=type&{filter}"),
        format!("/api/v1/aggregates?by=admin1&{filter}"),
        format!("/api/v1/aggregates?by=type&{filter}"),
        format!("/api/v1/points?{VIEW}&{filter}"),
        format!("/api/v1/events?limit=50&{filter}"),
    ]
}

async fn get(app: &axum::Router, uri: String) -> Result<usize> {
    let req = Request::get(&uri)
        .header("accept-encoding", "gzip")
        .body(Body::empty())
        .map_err(|e| ServerError::Task {
            message: e.to_string(),
        })?;
    let res = app
        .clone()
        .oneshot(req)
        .await
        .map_err(|e| ServerError::Task {
            message: e.to_string(),
        })?;
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .map_err(|e| ServerError::Task {
            message: e.to_string(),
        })?;
    if status != StatusCode::OK {
        return Err(ServerError::Task {
            message: format!("{uri}: {status}: {}", String::from_utf8_lossy(&body)),
        });
    }
    Ok(body.len())
}

/// Send `uris` concurrently; returns the wall time and the bytes received.
async fn burst(app: &axum::Router, uris: Vec<String>) -> Result<(Duration, usize)> {
    let (d, bytes, _) = burst_each(app, uris).await?;
    Ok((d, bytes))
}

/// [`burst`], also returning each request's own time (from the burst's start to its answer)
/// and bytes.
async fn burst_each(
    app: &axum::Router,
    uris: Vec<String>,
) -> Result<(Duration, usize, Vec<(Duration, usize)>)> {
    let t = Instant::now();
    let tasks: Vec<_> = uris
        .into_iter()
        .map(|u| {
            let app = app.clone();
            tokio::spawn(async move {
                let n = get(&app, u).await?;
                Ok((n, t.elapsed()))
            })
        })
        .collect();
    let mut bytes = 0;
    let mut each = Vec::with_capacity(tasks.len());
    for task in tasks {
        let (n, d) = crate::db::join(task).await?;
        bytes += n;
        each.push((d, n));
    }
    Ok((t.elapsed(), bytes, each))
}

fn timing(name: &str, mut samples: Vec<Duration>, bytes: usize) -> RequestTiming {
    samples.sort();
    let pct = |p: f64| {
        let i = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i].as_secs_f64() * 1000.0
    };
    RequestTiming {
        name: name.to_owned(),
        runs: samples.len(),
        p50_ms: pct(0.5),
        p95_ms: pct(0.95),
        max_ms: pct(1.0),
        bytes,
    }
}

/// Fill the store at `config.path` (a SQLite file or a `postgres://` URL) with synthetic events
/// if it holds fewer than asked.
pub fn prepare_bench_store(config: &BenchServeConfig) -> Result<u64> {
    let store_config = rasd_store::BenchConfig {
        path: config.path.clone(),
        events: config.events,
        documents: 0,
        repeat: 1,
        seed: config.seed,
    };
    let server_config = ServerConfig::new(&config.path);
    let open_err = |source| ServerError::Open {
        store: server_config.shown_db(),
        source,
    };
    let loaded = if let Some(url) = server_config.postgres_url() {
        let mut store = rasd_store_pg::PgStore::connect(url).map_err(open_err)?;
        rasd_store::load_events_into(&mut store, &store_config, &mut |_| {}).and_then(
            |(n, secs)| {
                if secs > 0.0 {
                    store.analyze()?;
                }
                Ok((n, secs))
            },
        )
    } else {
        let mut store = rasd_store::SqliteStore::open(&config.path).map_err(open_err)?;
        rasd_store::load_events(&mut store, &store_config, &mut |_| {})
    };
    let (n, _) = loaded.map_err(|e| ServerError::store("load synthetic events", e))?;
    Ok(n)
}

/// Run the benchmark (blocking; builds its own runtime).
pub fn bench_serve(config: &BenchServeConfig) -> Result<BenchServeReport> {
    let events = prepare_bench_store(config)?;
    let t = Instant::now();
    let state = AppState::open(ServerConfig::new(&config.path))?;
    let startup_secs = t.elapsed().as_secs_f64();
    let app = router(state.clone());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServerError::Io { source })?;
    let repeat = config.repeat.max(1);
    rt.block_on(async {
        let first: Vec<String> = FIRST_VIEW
            .iter()
            .map(|u| u.replace("{VIEW}", VIEW))
            .collect();
        // Warm-up: builds the boundary files and fills SQLite's page cache.
        burst(&app, first.clone()).await?;
        let mut samples = Vec::new();
        let mut bytes = 0;
        for _ in 0..repeat {
            let (d, b) = burst(&app, first.clone()).await?;
            samples.push(d);
            bytes = b;
        }
        let first_view = timing("first view", samples, bytes);
        let mut requests = Vec::new();
        for uri in &first {
            let mut samples = Vec::new();
            let mut bytes = 0;
            for _ in 0..repeat {
                let (d, b) = burst(&app, vec![uri.clone()]).await?;
                samples.push(d);
                bytes = b;
            }
            requests.push(timing(uri, samples, bytes));
        }
        // New full-text queries: each word is common (about 40% of the synthetic events'
        // notes) and asked for the first time, so its ids come from the store.
        let mut samples = Vec::new();
        let mut bytes = 0;
        for word in COLD_WORDS {
            let (d, b) = burst(&app, filter_change_requests(&format!("text={word}"))).await?;
            samples.push(d);
            bytes = bytes.max(b);
        }
        let text_cold = timing("filter change, new full-text query", samples, bytes);
        let mut samples = Vec::new();
        let mut bytes = 0;
        let kinds = filter_change_requests("");
        let mut each: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
        let mut each_bytes = vec![0; kinds.len()];
        for i in 0..repeat.max(FILTERS.len()) {
            let uris = filter_change_requests(FILTERS[i % FILTERS.len()]);
            // Each change is timed cold, as the first time that filter is asked for.
            state.forget_cached();
            let (d, b, per) = burst_each(&app, uris).await?;
            samples.push(d);
            bytes = bytes.max(b);
            for (k, (d, n)) in per.into_iter().enumerate() {
                each[k].push(d);
                each_bytes[k] = each_bytes[k].max(n);
            }
        }
        let filter_change = timing("filter change", samples, bytes);
        // The same filters again: answered from the selections kept per filter.
        let mut warm = Vec::new();
        for i in 0..repeat.max(FILTERS.len()) {
            let (d, _) = burst(&app, filter_change_requests(FILTERS[i % FILTERS.len()])).await?;
            warm.push(d);
        }
        let filter_repeat = timing("filter change, filter asked before", warm, bytes);
        for ((uri, samples), b) in kinds.iter().zip(each).zip(each_bytes) {
            let name = format!("filter change: {}", uri.trim_end_matches('&'));
            requests.push(timing(&name, samples, b));
        }
        // Analytics, cold: every (request, filter) pair is asked once, so no answer comes
        // from the analytics cache. Each request alone first, then the panel's burst with a
        // fresh server state (an empty cache).
        let filters: Vec<&str> = std::iter::once("").chain(FILTERS).collect();
        let mut analytics = Vec::new();
        for k in 0..4 {
            let mut samples = Vec::new();
            let mut bytes = 0;
            let mut name = String::new();
            for f in &filters {
                let uri = analysis_requests(f).swap_remove(k);
                if name.is_empty() {
                    name = uri.clone();
                }
                let (d, b) = burst(&app, vec![uri]).await?;
                samples.push(d);
                bytes = bytes.max(b);
            }
            analytics.push(timing(&name, samples, bytes));
        }
        // The panel's burst per filter, in `repeat` rounds, each on a fresh state (empty caches).
        let mut samples = Vec::new();
        let mut bytes = 0;
        for _ in 0..repeat {
            let fresh = router(AppState::open(ServerConfig::new(&config.path))?);
            for f in &filters {
                let (d, b) = burst(&fresh, analysis_requests(f)).await?;
                samples.push(d);
                bytes = bytes.max(b);
            }
        }
        let analysis_view = timing("analysis panel", samples, bytes);
        Ok(BenchServeReport {
            events,
            startup_secs,
            first_view,
            filter_change,
            filter_repeat,
            text_cold,
            requests,
            analytics,
            analysis_view,
        })
    })
}
