//! The store benchmark behind `rasd bench store` and `cargo bench -p rasd-store`: synthetic
//! events and documents, bulk load, then timed filtered queries.
//!
//! The data is generated from a seed (SplitMix64), so runs are comparable. Place and actor
//! names are synthetic except a handful of real country/admin1/actor names that give the
//! filters realistic selectivity (a few very common actors, a long tail of rare ones).

use crate::{AcledRecord, BBox, EventFilter, Near, Result, SqliteStore, Store};
use chrono::NaiveDate;
use rasd_model::{Document, Event, SubEventType};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchConfig {
    /// Database file. An existing bench store that already holds `events` events is reused (the
    /// load is skipped); otherwise events are added to it.
    pub path: PathBuf,
    /// Synthetic ACLED-style events to load (the query benchmark's table size).
    pub events: usize,
    /// Synthetic short documents (one event each) stored through `put_batch` in batches of
    /// 1,000, into `<path>.docs.sqlite` (replaced on each run); 0 skips.
    pub documents: usize,
    /// Timed runs of each query kind.
    pub repeat: usize,
    pub seed: u64,
}

impl Default for BenchConfig {
    fn default() -> Self {
        BenchConfig {
            path: PathBuf::from("rasd-bench.sqlite"),
            events: 1_000_000,
            documents: 100_000,
            repeat: 20,
            seed: 7,
        }
    }
}

/// Latencies of one query kind.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QueryTiming {
    pub name: &'static str,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Average rows returned (a query returning nothing would look fast).
    pub mean_rows: f64,
}

/// Results of [`run_bench`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchReport {
    pub events: u64,
    /// Seconds spent loading events in this run (0 when an existing store was reused).
    pub load_secs: f64,
    pub events_per_sec: f64,
    pub documents: usize,
    pub put_secs: f64,
    /// CPU seconds of this process while storing (Linux `/proc`; `None` elsewhere). On a shared
    /// machine the wall time above includes waiting for other processes; this does not.
    pub put_cpu_secs: Option<f64>,
    pub documents_per_sec: f64,
    /// Seconds to re-ingest the same documents: check them against [`Store::known_hashes`] and
    /// put them again (all exact duplicates).
    pub reput_secs: f64,
    /// Documents the re-ingest stored again (must be 0).
    pub reput_stored: usize,
    pub queries: Vec<QueryTiming>,
    /// p95 over every timed filtered-events query.
    pub p95_ms: f64,
    /// Aggregates and counts, timed but outside the p95 target.
    pub aggregates: Vec<QueryTiming>,
    pub db_bytes: u64,
}

/// SplitMix64: tiny, seedable, good enough for synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Skewed towards 0: index `floor(n * u^3)`.
    pub fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powi(3)) as usize
    }
}

/// A country, four admin1 names, and its box (min_lat, max_lat, min_lon, max_lon).
type Country = (&'static str, [&'static str; 4], (f64, f64, f64, f64));

const COUNTRIES: [Country; 3] = [
    (
        "Mali",
        ["Mopti", "Gao", "Timbuktu", "Segou"],
        (11.0, 20.0, -11.0, 3.5),
    ),
    (
        "Burkina Faso",
        ["Sahel", "Nord", "Est", "Centre-Nord"],
        (9.5, 15.0, -5.0, 2.0),
    ),
    (
        "Niger",
        ["Tillaberi", "Diffa", "Tahoua", "Maradi"],
        (11.8, 23.0, 0.5, 15.5),
    ),
];

const ACTORS: [&str; 8] = [
    "Military Forces of Mali (2021-)",
    "JNIM: Group for Support of Islam and Muslims",
    "Islamic State (Sahel)",
    "Military Forces of Burkina Faso (2022-)",
    "Unidentified Armed Group (Mali)",
    "Dan Na Ambassagou",
    "Military Forces of Niger (2023-)",
    "Civilians (Mali)",
];

const WORDS: [&str; 24] = [
    "attack",
    "village",
    "soldiers",
    "gunmen",
    "market",
    "convoy",
    "road",
    "killed",
    "wounded",
    "motorbikes",
    "checkpoint",
    "patrol",
    "ambush",
    "explosive",
    "camp",
    "residents",
    "fled",
    "burned",
    "cattle",
    "mosque",
    "night",
    "morning",
    "officials",
    "said",
];

fn synthetic_event(rng: &mut Rng, start: NaiveDate, days: usize) -> Event {
    let (country, admins, (lat0, lat1, lon0, lon1)) = COUNTRIES[rng.below(COUNTRIES.len())];
    let admin1 = admins[rng.below(admins.len())];
    let sub = SubEventType::ALL[rng.skewed(SubEventType::ALL.len())];
    let actor1 = if rng.below(4) == 0 {
        // The long tail: ~2000 rare local militias.
        format!("Communal Militia (Sahel) {}", rng.below(2000))
    } else {
        ACTORS[rng.skewed(ACTORS.len())].to_owned()
    };
    let actor2 = (rng.below(3) > 0).then(|| ACTORS[rng.below(ACTORS.len())].to_owned());
    let date = start + chrono::Days::new(rng.below(days) as u64);
    Event {
        event_date: Some(date),
        time_precision: Some(1 + rng.skewed(3) as u8),
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: Some(actor1),
        assoc_actor_1: None,
        inter1: Some(1 + rng.below(8) as u8),
        actor2,
        assoc_actor_2: None,
        inter2: Some(1 + rng.below(8) as u8),
        country: Some(country.to_owned()),
        admin1: Some(admin1.to_owned()),
        admin2: Some(format!("{admin1} District {}", rng.below(8))),
        location: Some(format!("Place {}", rng.below(20_000))),
        latitude: Some(lat0 + (lat1 - lat0) * rng.unit()),
        longitude: Some(lon0 + (lon1 - lon0) * rng.unit()),
        geo_precision: Some(1 + rng.skewed(3) as u8),
        fatalities: Some(rng.skewed(40) as u32),
        confidence: 1.0,
        tags: Vec::new(),
        evidence: Vec::new(),
    }
}

fn sentence(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    s
}

/// `n` synthetic ACLED records (2012-2024) with ids `SYN<offset + i>`.
pub fn synthetic_acled(n: usize, offset: usize, seed: u64) -> Vec<AcledRecord> {
    let mut rng = Rng::new(seed ^ offset as u64);
    let start = NaiveDate::from_ymd_opt(2012, 1, 1).expect("valid date");
    (0..n)
        .map(|i| {
            let event = synthetic_event(&mut rng, start, 13 * 365);
            let notes = format!(
                "On {}, {} in {}. {}",
                event.event_date.map(|d| d.to_string()).unwrap_or_default(),
                sentence(&mut rng, 6),
                event.location.clone().unwrap_or_default(),
                sentence(&mut rng, 5)
            );
            AcledRecord {
                event,
                event_id_cnty: format!("SYN{}", offset + i),
                notes: Some(notes),
                source: Some("Synthetic Wire".to_owned()),
            }
        })
        .collect()
}

/// `n` short synthetic documents (about 40 words, unique), each with one coded event in
/// 2023-2024.
pub fn synthetic_documents(n: usize, seed: u64) -> Vec<(Document, Vec<Event>)> {
    let mut rng = Rng::new(seed.wrapping_mul(31));
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    (0..n)
        .map(|i| {
            let mut event = synthetic_event(&mut rng, start, 730);
            event.confidence = 0.8;
            let text = format!(
                "Report {i}. {} in {}, {}. {} {}.",
                sentence(&mut rng, 12),
                event.location.clone().unwrap_or_default(),
                event.admin1.clone().unwrap_or_default(),
                sentence(&mut rng, 14),
                rng.next_u64()
            );
            let doc = Document {
                id: format!("bench-{i}"),
                text,
                title: Some(format!("Report {i}")),
                published: event.event_date,
                lang: Some(rasd_model::Language::En),
                url: Some(format!("https://news.example/{i}")),
                source: Some(format!("Outlet {}", i % 50)),
            };
            (doc, vec![event])
        })
        .collect()
}

/// User + system CPU seconds of this process, from `/proc/self/stat` (clock ticks of 1/100 s,
/// the Linux default).
fn process_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn timing(name: &'static str, mut samples: Vec<Duration>, rows: usize) -> QueryTiming {
    samples.sort();
    QueryTiming {
        name,
        runs: samples.len(),
        p50_ms: percentile(&samples, 0.5),
        p95_ms: percentile(&samples, 0.95),
        max_ms: samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        mean_rows: rows as f64 / samples.len().max(1) as f64,
    }
}

/// The filter of query kind `kind` for run `i` (parameters vary per run).
pub fn bench_filter(kind: &str, rng: &mut Rng) -> EventFilter {
    let (country, admins, (lat0, lat1, lon0, lon1)) = COUNTRIES[rng.below(COUNTRIES.len())];
    let year = 2012 + rng.below(13) as i32;
    let from = NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1);
    let to = from.map(|d| d + chrono::Days::new(90));
    let mut f = EventFilter::default();
    match kind {
        "latest" => {}
        "country+quarter" => {
            f.country = Some(country.to_owned());
            f.from = from;
            f.to = to;
        }
        "admin1" => f.admin1 = Some(admins[rng.below(4)].to_owned()),
        "type+quarter" => {
            f.event_type = Some(rasd_model::EventType::ALL[rng.below(6)]);
            f.from = from;
            f.to = to;
        }
        "rare sub-type" => f.sub_event_type = Some(SubEventType::ALL[20 + rng.below(5)]),
        "actor common" => f.actor = Some("military forces".to_owned()),
        "actor rare" => f.actor = Some(format!("Militia (Sahel) {} ", rng.below(2000))),
        "near 50 km" => {
            f.near = Some(Near {
                lat: lat0 + (lat1 - lat0) * rng.unit(),
                lon: lon0 + (lon1 - lon0) * rng.unit(),
                km: 50.0,
            })
        }
        "bbox 1 deg" => {
            let lat = lat0 + (lat1 - lat0) * rng.unit();
            let lon = lon0 + (lon1 - lon0) * rng.unit();
            f.bbox = Some(BBox {
                min_lat: lat,
                min_lon: lon,
                max_lat: lat + 1.0,
                max_lon: lon + 1.0,
            })
        }
        "text" => f.text = Some(format!("ambush \"Place {}\"", rng.below(20_000))),
        "country+type+actor+year" => {
            f.country = Some(country.to_owned());
            f.event_type = Some(rasd_model::EventType::Battles);
            f.actor = Some("jnim".to_owned());
            f.from = NaiveDate::from_ymd_opt(year, 1, 1);
            f.to = NaiveDate::from_ymd_opt(year, 12, 31);
        }
        _ => {}
    }
    f
}

/// Query kinds timed by [`run_bench`] (besides "page 5", which follows cursors).
pub const QUERY_KINDS: [&str; 11] = [
    "latest",
    "country+quarter",
    "admin1",
    "type+quarter",
    "rare sub-type",
    "actor common",
    "actor rare",
    "near 50 km",
    "bbox 1 deg",
    "text",
    "country+type+actor+year",
];

/// Load (if needed) `config.events` synthetic events into `config.path`.
pub fn load_events(
    store: &mut SqliteStore,
    config: &BenchConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<(u64, f64)> {
    let (n, secs) = load_events_into(store, config, progress)?;
    if secs > 0.0 {
        store.analyze()?;
    }
    Ok((n, secs))
}

/// Load (if needed) `config.events` synthetic events into any store (the caller refreshes the
/// planner's statistics afterwards); returns the events held and the seconds spent loading.
pub fn load_events_into(
    store: &mut dyn Store,
    config: &BenchConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<(u64, f64)> {
    let have = store.stats()?.acled_events as usize;
    if have >= config.events {
        return Ok((have as u64, 0.0));
    }
    let t = Instant::now();
    const CHUNK: usize = 50_000;
    let mut at = have;
    while at < config.events {
        let n = CHUNK.min(config.events - at);
        let rows = synthetic_acled(n, at, config.seed);
        store.import_acled(&rows)?;
        at += n;
        progress(&format!("loaded {at} / {} events", config.events));
    }
    Ok((at as u64, t.elapsed().as_secs_f64()))
}

/// Run the whole benchmark. `progress` receives one line per step.
pub fn run_bench(config: &BenchConfig, mut progress: impl FnMut(&str)) -> Result<BenchReport> {
    let mut store = SqliteStore::open(&config.path)?;
    let loaded_before = store.stats()?.acled_events;
    let load = load_events(&mut store, config, &mut progress)?;
    // Documents go into a fresh file beside the events file (the bench's own scratch file,
    // replaced on every run), so reruns stay comparable.
    let docs_path = config.path.with_extension("docs.sqlite");
    let docs_store = || -> Result<Box<dyn Store>> {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = docs_path.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
        Ok(Box::new(SqliteStore::open(&docs_path)?))
    };
    let mut r = bench_loaded(
        &store,
        loaded_before,
        load,
        config,
        docs_store,
        &mut progress,
    )?;
    r.db_bytes = std::fs::metadata(&config.path).map_or(0, |m| m.len());
    Ok(r)
}

/// The timed part of [`run_bench`] on any store already holding the events (`loaded_before`
/// of them before this run; `load` as [`load_events_into`] returned): filtered queries,
/// cursor pages, aggregates, then `config.documents` documents put into the fresh store that
/// `docs_store` opens, and put again. `db_bytes` is left 0 for the caller.
pub fn bench_loaded(
    store: &dyn Store,
    loaded_before: u64,
    (events, load_secs): (u64, f64),
    config: &BenchConfig,
    docs_store: impl FnOnce() -> Result<Box<dyn Store>>,
    progress: &mut dyn FnMut(&str),
) -> Result<BenchReport> {
    let mut rng = Rng::new(config.seed ^ 0x5eed);
    let mut queries = Vec::new();
    let mut all = Vec::new();
    for kind in QUERY_KINDS {
        let mut samples = Vec::with_capacity(config.repeat);
        let mut rows = 0;
        for _ in 0..config.repeat {
            let f = bench_filter(kind, &mut rng);
            let t = Instant::now();
            let page = store.events(&f)?;
            samples.push(t.elapsed());
            rows += page.events.len();
        }
        all.extend(samples.iter().copied());
        progress(&format!("query {kind}: done"));
        queries.push(timing(kind, samples, rows));
    }
    // Page 5 of a filtered listing, following cursors (each page timed).
    let mut samples = Vec::new();
    let mut rows = 0;
    for _ in 0..config.repeat {
        let mut f = bench_filter("country+quarter", &mut rng);
        f.from = None;
        f.to = None;
        for _ in 0..5 {
            let t = Instant::now();
            let page = store.events(&f)?;
            samples.push(t.elapsed());
            rows += page.events.len();
            match page.next {
                Some(c) => f.after = Some(c),
                None => break,
            }
        }
    }
    all.extend(samples.iter().copied());
    queries.push(timing("pages 1-5 (cursor)", samples, rows));
    all.sort();
    let p95_ms = percentile(&all, 0.95);

    let mut aggregates = Vec::new();
    for (name, by, whole) in [
        (
            "count by month, one country-year",
            crate::GroupBy::Month,
            false,
        ),
        (
            "count by admin1, one country-year",
            crate::GroupBy::Admin1,
            false,
        ),
        (
            "count by type, one country-year",
            crate::GroupBy::EventType,
            false,
        ),
        ("count by month, everything", crate::GroupBy::Month, true),
    ] {
        let mut samples = Vec::new();
        let mut rows = 0;
        for _ in 0..config.repeat.clamp(1, 5) {
            let mut f = bench_filter("country+quarter", &mut rng);
            f.from = NaiveDate::from_ymd_opt(2020, 1, 1);
            f.to = NaiveDate::from_ymd_opt(2020, 12, 31);
            if whole {
                f = EventFilter::default();
            }
            let t = Instant::now();
            rows += store.aggregate(&f, by)?.len();
            samples.push(t.elapsed());
        }
        aggregates.push(timing(name, samples, rows));
    }

    let (mut put_secs, mut reput_secs, mut reput_stored) = (0.0, 0.0, 0);
    let mut put_cpu_secs = None;
    if config.documents > 0 {
        let docs = synthetic_documents(config.documents, config.seed);
        let mut docs_store = docs_store()?;
        let run = docs_store.begin_run(&["bench".to_owned()], Some("bench"))?;
        let t = Instant::now();
        let cpu = process_cpu_secs();
        for chunk in docs.chunks(1000) {
            docs_store.put_batch(run, chunk, "bench")?;
        }
        put_secs = t.elapsed().as_secs_f64();
        put_cpu_secs = cpu.zip(process_cpu_secs()).map(|(a, b)| b - a);
        progress(&format!(
            "stored {} documents in {put_secs:.1} s",
            docs.len()
        ));
        let t = Instant::now();
        let known = docs_store.known_hashes()?;
        // What an ingester does: skip known texts before coding, put the rest.
        let fresh: Vec<_> = docs
            .iter()
            .filter(|(d, _)| !known.contains(&crate::document_hash(d)))
            .cloned()
            .collect();
        for chunk in docs.chunks(1000) {
            let out = docs_store.put_batch(run, chunk, "bench")?;
            reput_stored += out
                .iter()
                .filter(|o| !matches!(o, crate::DocOutcome::ExactDuplicate { .. }))
                .count();
        }
        reput_stored += fresh.len();
        reput_secs = t.elapsed().as_secs_f64();
    }
    Ok(BenchReport {
        events,
        load_secs,
        events_per_sec: if load_secs > 0.0 {
            (events - loaded_before) as f64 / load_secs
        } else {
            0.0
        },
        documents: config.documents,
        put_secs,
        put_cpu_secs,
        documents_per_sec: if put_secs > 0.0 {
            config.documents as f64 / put_secs
        } else {
            0.0
        },
        reput_secs,
        reput_stored,
        queries,
        p95_ms,
        aggregates,
        db_bytes: 0,
    })
}
