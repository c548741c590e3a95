//! The Rasd HTTP API and the embedded web dashboard.
//!
//! `rasd serve` and `rasd demo` run this crate: a JSON API under `/api/v1` over the event store
//! ([`rasd_store`]) and a dashboard at `/` (map of the Sahel, weekly timeline, event table,
//! event detail with the source text and its evidence highlighted), all assets embedded in the
//! binary: no CDN, no tile server, no network.
//!
//! - [`ServerConfig`]: what the binary passes in (database, bind address, access token, limits).
//! - [`AppState`]: the open store (a SQLite file or a PostgreSQL database, by
//!   [`ServerConfig::db`]: a few read connections, one writer and a change probe, used on
//!   tokio's blocking pool), an in-memory index of the events' filterable fields that serves
//!   aggregates and map points in milliseconds, the boundary files and the coder.
//! - [`router`]: the axum [`Router`](axum::Router) of the whole application, for in-process
//!   use (tests) or any server; [`Server`] binds it, [`serve`] and [`run`] run it.
//! - [`ServerError`]: the one error type; request errors answer
//!   `{"error": {"code", "message", "parameter"?}}` with a stable `code`.
//!
//! Routes: see [`API_ROUTES`] and the OpenAPI document served at `/api/v1/openapi.json`
//! ([`OPENAPI_JSON`]).
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use rasd_server::{router, AppState, ServerConfig};
//! use tower::ServiceExt;
//!
//! let dir = tempfile::tempdir()?;
//! let state = AppState::open(ServerConfig::new(dir.path().join("events.sqlite")))?;
//! let app = router(state);
//! let rt = tokio::runtime::Runtime::new()?;
//! let response = rt.block_on(app.oneshot(
//!     Request::get("/api/v1/events?limit=5000").body(Body::empty())?,
//! ))?;
//! // Page sizes above 1000 are refused, naming the parameter.
//! assert_eq!(response.status(), StatusCode::BAD_REQUEST);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Design notes. The store is reached only through the [`rasd_store::Store`] trait, on blocking
//! threads, so SQLite and PostgreSQL serve the same answers; the store's change counter
//! ([`rasd_store::Store::data_version`]) tells when another process wrote.
//! Aggregates and map points come from the in-memory [`EventIndex`] (its docs say why and
//! how it stays consistent with the store), while event pages, details,
//! documents and full-text search go to the store. Binding anything but a loopback address
//! requires a token ([`ServerConfig::check_binding`]), compared in constant time.

mod analytics;
mod api;
mod assets;
mod boundaries;
mod config;
mod db;
mod error;
mod index;
mod ingest;
mod openapi;
mod params;
mod routes;
mod state;

pub use api::{DEFAULT_PAGE, MAX_PAGE};
pub use assets::ASSETS;
pub use boundaries::{Boundaries, BoundaryFile};
pub use config::{default_coder_version, ServerConfig};
pub use error::{Result, ServerError};
pub use index::{AggregateBucket, EventIndex, MapPoints, Totals, TypeCount};
pub use ingest::{
    code_and_store, load_jsonl, parse_documents, IngestReport, IngestedDocument, WriterLock,
    DOCUMENT_FIELDS, SAMPLE_JSONL,
};
pub use openapi::OPENAPI_JSON;
pub use params::FILTER_PARAMS;
pub use routes::{router, ApiRoute, API_ROUTES};
pub use state::AppState;

mod bench;
pub use bench::{
    analysis_requests, bench_serve, filter_change_requests, first_view_requests,
    prepare_bench_store, BenchServeConfig, BenchServeReport, RequestTiming, COLD_WORDS, FILTERS,
    FIRST_VIEW,
};

use std::future::Future;
use std::net::SocketAddr;

/// A bound, not yet running server: [`Server::local_addr`] is known (bind port 0 for a free
/// port), then [`Server::run_until`] serves.
#[derive(Debug)]
pub struct Server {
    listener: tokio::net::TcpListener,
    state: AppState,
}

impl Server {
    /// Check the binding policy, open the store, build the index and bind the address.
    pub async fn bind(config: ServerConfig) -> Result<Server> {
        config.check_binding()?;
        let addr = config.bind;
        let state = db::join(tokio::task::spawn_blocking(move || AppState::open(config))).await?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind { addr, source })?;
        Ok(Server { listener, state })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> Result<SocketAddr> {
        self.listener
            .local_addr()
            .map_err(|source| ServerError::Io { source })
    }

    /// The shared state (for in-process inspection).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serve until `shutdown` completes, then finish the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<()> {
        axum::serve(self.listener, router(self.state))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|source| ServerError::Io { source })
    }
}

/// Serve `config` until Ctrl-C (SIGINT) or SIGTERM; `on_listening` gets the bound address.
pub async fn serve(config: ServerConfig, on_listening: impl FnOnce(SocketAddr)) -> Result<()> {
    let server = Server::bind(config).await?;
    on_listening(server.local_addr()?);
    server.run_until(shutdown_signal()).await
}

/// [`serve`] on a new multi-threaded tokio runtime, blocking the caller: what `rasd serve` and
/// `rasd demo` call.
pub fn run(config: ServerConfig, on_listening: impl FnOnce(SocketAddr)) -> Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| ServerError::Io { source })?
        .block_on(serve(config, on_listening))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
