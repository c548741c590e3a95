//! Shared server state: the store's connections, the in-memory event index and its freshness,
//! the boundary files, the coder and the access token.

use crate::db::{join, Db};
use crate::index::EventIndex;
use crate::{Boundaries, Result, ServerConfig, ServerError};
use rasd_coder::Coder;
use rasd_store::EventFilter;
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Instant;

/// Full-text id sets kept (per query text and data version).
const TEXT_CACHE: usize = 16;

/// `(query text, data version, matching event ids)`.
type TextIds = (String, i64, Arc<Vec<i64>>);

/// Analytics answers kept (per request and data version).
const ANALYTICS_CACHE: usize = 32;

/// `(request key, data version, JSON body)`.
type CachedAnswer = (String, i64, Arc<Vec<u8>>);

/// Analytics tables kept (per selection and data version): one Analysis panel view asks for
/// four analyses of one selection, and changing one panel's option asks again.
const TABLE_CACHE: usize = 4;

/// `(selection key, data version, the table, built once by the first request asking)`.
type CachedTable = (
    String,
    i64,
    Arc<tokio::sync::OnceCell<Arc<crate::analytics::SharedTable>>>,
);

/// A cache of values built once per key and data version: `(key, version, slot)`.
type SlotCache<T> = Mutex<Vec<(String, i64, Arc<tokio::sync::OnceCell<T>>)>>;

/// Selections kept (per filter and data version): one dashboard refresh asks about two
/// (every filter, and every filter but the dates for the timeline), the Analysis panel about
/// one more; going back to a previous filter finds it still here.
const SELECTION_CACHE: usize = 16;

/// `(filter key, data version, the rows, found once by the first request asking)`.
type CachedSelection = (
    String,
    i64,
    Arc<tokio::sync::OnceCell<Arc<crate::index::Selection>>>,
);

/// Everything the handlers share; cheap to clone (one `Arc`).
///
/// Build it with [`AppState::open`], then hand it to [`crate::router`].
#[derive(Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub db: Arc<Db>,
    pub config: ServerConfig,
    index: RwLock<Arc<EventIndex>>,
    rebuilding: AtomicBool,
    text_cache: Mutex<Vec<TextIds>>,
    /// The last analytics answers: one dashboard view asks for the same analyses again when
    /// only an unrelated panel changed.
    analytics_cache: Mutex<Vec<CachedAnswer>>,
    /// The last analytics tables (each holds the index it was built from).
    table_cache: Mutex<Vec<CachedTable>>,
    /// The rows of the last filters asked about.
    selection_cache: Mutex<Vec<CachedSelection>>,
    /// One full-text lookup at a time: the requests of one dashboard refresh ask for the same
    /// ids at once, and only the first should query the store.
    text_flight: tokio::sync::Mutex<()>,
    coder: OnceLock<Coder>,
    token: Option<[u8; 32]>,
    pub boundaries: Boundaries,
    pub started: Instant,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("db", &self.inner.config.db)
            .field("events", &self.index().len())
            .finish_non_exhaustive()
    }
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl AppState {
    /// Open the store (creating and migrating it if needed) and build the event index. Blocking:
    /// call it before starting the runtime or from `spawn_blocking`.
    pub fn open(config: ServerConfig) -> Result<AppState> {
        let db = Db::open(&config)?;
        let version = db.data_version()?;
        let index = db.read_blocking(|s| EventIndex::load(s, version))?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db,
                token: config
                    .token
                    .as_deref()
                    .filter(|t| !t.is_empty())
                    .map(digest),
                config,
                index: RwLock::new(Arc::new(index)),
                rebuilding: AtomicBool::new(false),
                text_cache: Mutex::new(Vec::new()),
                analytics_cache: Mutex::new(Vec::new()),
                table_cache: Mutex::new(Vec::new()),
                selection_cache: Mutex::new(Vec::new()),
                text_flight: tokio::sync::Mutex::new(()),
                coder: OnceLock::new(),
                boundaries: Boundaries::default(),
                started: Instant::now(),
            }),
        })
    }

    /// The configuration the state was opened with.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// Whether `presented` is the configured token (constant time over SHA-256 digests, so
    /// neither content nor length leaks through timing). True when no token is configured.
    pub fn token_ok(&self, presented: Option<&str>) -> bool {
        use subtle::ConstantTimeEq;
        match (&self.inner.token, presented) {
            (None, _) => true,
            (Some(want), Some(p)) => bool::from(want.ct_eq(&digest(p))),
            (Some(_), None) => false,
        }
    }

    /// Whether requests must carry a token.
    pub fn requires_token(&self) -> bool {
        self.inner.token.is_some()
    }

    /// The current index, without checking freshness.
    pub(crate) fn index(&self) -> Arc<EventIndex> {
        Arc::clone(&self.inner.index.read().unwrap_or_else(|p| p.into_inner()))
    }

    /// The store's change counter: it moves whenever a write is committed, by this server
    /// or another process (`rasd ingest` on this machine, or another machine's client of the
    /// same PostgreSQL database).
    fn version(&self) -> Result<i64> {
        self.inner.db.data_version()
    }

    /// The index, starting a background rebuild when the database changed since it was built.
    /// Requests meanwhile get the previous index (a few hundred ms stale at 100k events) rather
    /// than waiting.
    pub(crate) async fn fresh_index(&self) -> Result<Arc<EventIndex>> {
        let current = self.index();
        // On a blocking thread: on PostgreSQL the probe is a round trip to the server.
        let db = Arc::clone(&self.inner.db);
        let version = join(tokio::task::spawn_blocking(move || db.data_version())).await?;
        if version != current.version && !self.inner.rebuilding.swap(true, Ordering::AcqRel) {
            let state = self.clone();
            tokio::task::spawn_blocking(move || {
                let r = state.rebuild_blocking(version);
                state.inner.rebuilding.store(false, Ordering::Release);
                r
            });
        }
        Ok(current)
    }

    /// Rebuild the index now (after this server's own writes, so the answer reflects them).
    pub(crate) async fn refresh_index(&self) -> Result<Arc<EventIndex>> {
        let state = self.clone();
        join(tokio::task::spawn_blocking(move || {
            let version = state.version()?;
            state.rebuild_blocking(version)
        }))
        .await
    }

    fn rebuild_blocking(&self, version: i64) -> Result<Arc<EventIndex>> {
        let index = Arc::new(
            self.inner
                .db
                .read_blocking(|s| EventIndex::load(s, version))?,
        );
        *self.inner.index.write().unwrap_or_else(|p| p.into_inner()) = Arc::clone(&index);
        // Cached tables hold the previous index: let it go (and the previous selections).
        self.inner
            .table_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|(_, v, _)| *v == version);
        self.inner
            .selection_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|(_, v, _)| *v == version);
        Ok(index)
    }

    /// Ids of the events the store's full-text filter matches for `text` (cached per data
    /// version).
    pub(crate) async fn text_ids(&self, text: &str, version: i64) -> Result<Arc<Vec<i64>>> {
        if let Some(ids) = self.cached_text_ids(text, version) {
            return Ok(ids);
        }
        let _flight = self.inner.text_flight.lock().await;
        if let Some(ids) = self.cached_text_ids(text, version) {
            return Ok(ids);
        }
        let query = text.to_owned();
        let ids = self
            .inner
            .db
            .read(move |s| {
                let f = EventFilter {
                    text: Some(query),
                    ..Default::default()
                };
                let mut ids: Vec<i64> = s
                    .event_ids(&f)
                    .map_err(|e| ServerError::store("full-text filter", e))?
                    .into_iter()
                    .map(|id| id.0)
                    .collect();
                ids.sort_unstable();
                Ok(ids)
            })
            .await?;
        let ids = Arc::new(ids);
        let mut cache = self
            .inner
            .text_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cache.retain(|(_, v, _)| *v == version);
        if cache.len() >= TEXT_CACHE {
            cache.remove(0);
        }
        cache.push((text.to_owned(), version, Arc::clone(&ids)));
        Ok(ids)
    }

    fn cached_text_ids(&self, text: &str, version: i64) -> Option<Arc<Vec<i64>>> {
        let cache = self
            .inner
            .text_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cache
            .iter()
            .find(|(t, v, _)| t == text && *v == version)
            .map(|(_, _, ids)| Arc::clone(ids))
    }

    /// A cached analytics answer for `key` at data `version`.
    pub(crate) fn analytics_cached(&self, key: &str, version: i64) -> Option<Arc<Vec<u8>>> {
        let cache = self
            .inner
            .analytics_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cache
            .iter()
            .find(|(k, v, _)| k == key && *v == version)
            .map(|(_, _, body)| Arc::clone(body))
    }

    /// Keep an analytics answer (the oldest goes when the cache is full).
    pub(crate) fn analytics_store(&self, key: String, version: i64, body: Arc<Vec<u8>>) {
        let mut cache = self
            .inner
            .analytics_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cache.retain(|(k, v, _)| *v == version && *k != key);
        if cache.len() >= ANALYTICS_CACHE {
            cache.remove(0);
        }
        cache.push((key, version, body));
    }

    /// The slot of the analytics table of a selection at data `version`: the same slot for
    /// every request of that selection, empty until the first of them builds the table. Tables
    /// of other versions are dropped; the least recently asked goes when the cache is full.
    pub(crate) fn table_slot(
        &self,
        key: String,
        version: i64,
    ) -> Arc<tokio::sync::OnceCell<Arc<crate::analytics::SharedTable>>> {
        slot(&self.inner.table_cache, key, version, TABLE_CACHE)
    }

    /// The slot of the rows a filter selects at data `version`, shared like [`Self::table_slot`]:
    /// the requests of one dashboard refresh arrive together, the first finds the rows and the
    /// others wait for them.
    pub(crate) fn selection_slot(
        &self,
        key: String,
        version: i64,
    ) -> Arc<tokio::sync::OnceCell<Arc<crate::index::Selection>>> {
        slot(&self.inner.selection_cache, key, version, SELECTION_CACHE)
    }

    /// Drop every cached answer, selection, table and full-text id set (the benchmark's cold
    /// runs).
    pub(crate) fn forget_cached(&self) {
        let inner = &self.inner;
        inner
            .text_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        inner
            .analytics_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        inner
            .table_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        inner
            .selection_cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// The coder, built on first use (compiling the lexicon and loading the gazetteer takes
    /// about a second, which a read-only server never pays).
    pub(crate) fn coder(&self) -> &Coder {
        self.inner
            .coder
            .get_or_init(|| Coder::new(self.inner.config.coder.clone()))
    }
}

/// The entry for `key` at `version` in a cache of once-built values, created empty if missing.
/// Entries of other versions are dropped; the least recently asked goes when the cache holds
/// `cap`.
fn slot<T>(
    cache: &SlotCache<T>,
    key: String,
    version: i64,
    cap: usize,
) -> Arc<tokio::sync::OnceCell<T>> {
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    cache.retain(|(_, v, _)| *v == version);
    let entry = match cache.iter().position(|(k, _, _)| *k == key) {
        Some(i) => cache.remove(i),
        None => {
            if cache.len() >= cap {
                cache.remove(0);
            }
            (key, version, Arc::default())
        }
    };
    let slot = Arc::clone(&entry.2);
    cache.push(entry);
    slot
}
