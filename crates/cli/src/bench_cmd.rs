//! `rasd bench`: whole-pipeline throughput (documents/s, MB/s, peak memory) on a JSONL corpus.

use anyhow::{Context, Result};
use rasd_coder::{Coder, CoderConfig};
use rasd_model::Document;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(input: &Path, repeat: usize, config: &CoderConfig) -> Result<ExitCode> {
    let text = std::fs::read_to_string(input)
        .with_context(|| format!("cannot read {}", input.display()))?;
    let base: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: not a document", input.display(), i + 1))
        })
        .collect::<Result<_>>()?;
    let docs: Vec<Document> = (0..repeat.max(1))
        .flat_map(|r| {
            base.iter().map(move |d| Document {
                id: format!("{}#{r}", d.id),
                ..d.clone()
            })
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Start-up, timed on its own: compiling the lexicon, loading the gazetteer and building
    // its name index and spelling tables, and coding the first document (which waits for all
    // of them).
    let t_start = std::time::Instant::now();
    let coder = Coder::new(config.clone());
    rasd_geo::Gazetteer::embedded().warm();
    let _ = coder.code(&docs[0]);
    let start_secs = t_start.elapsed().as_secs_f64();
    let t0 = std::time::Instant::now();
    let events: usize = docs.par_iter().map(|d| coder.code(d).events.len()).sum();
    let secs = t0.elapsed().as_secs_f64();
    println!("start-up (s)     {start_secs:.3}");
    println!("documents        {}", docs.len());
    println!("events           {events}");
    println!("threads          {}", rayon::current_num_threads());
    println!("seconds          {secs:.3}");
    println!("documents/s      {:.0}", docs.len() as f64 / secs);
    println!("MB/s             {:.2}", bytes as f64 / 1e6 / secs);
    println!(
        "peak memory (MB) {}",
        peak_memory_mb()
            .map(|m| format!("{m:.1}"))
            .unwrap_or_else(|| "unknown".into())
    );
    Ok(ExitCode::SUCCESS)
}

/// Peak resident set size from /proc (Linux); `None` elsewhere.
pub(crate) fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// `rasd bench store`: the store's own benchmark (bulk load, then p95 latency of filtered
/// queries), on a scratch database unless `path` names one to keep and reuse.
pub fn store(
    events: usize,
    documents: usize,
    repeat: usize,
    path: Option<&Path>,
) -> Result<ExitCode> {
    let scratch = tempfile::tempdir().context("cannot create a scratch directory")?;
    let path = path.map_or_else(|| scratch.path().join("bench.db"), Path::to_path_buf);
    let config = rasd_store::BenchConfig {
        path: path.clone(),
        events,
        documents,
        repeat: repeat.max(1),
        ..Default::default()
    };
    println!(
        "store benchmark: {events} synthetic events, {documents} documents, {} runs per query, {}",
        config.repeat,
        path.display()
    );
    let t0 = std::time::Instant::now();
    let r = match crate::store_cmd::pg_url(&path) {
        Some(url) => pg_store_bench(url, &config)?,
        None => rasd_store::run_bench(&config, |step| eprintln!("  {step}"))?,
    };
    println!(
        "load             {} events in {:.1} s ({:.0} events/s{})",
        r.events,
        r.load_secs,
        r.events_per_sec,
        if r.load_secs == 0.0 { ", reused" } else { "" }
    );
    println!(
        "{:<28} {:>8} {:>8} {:>8} {:>9}",
        "query", "p50 ms", "p95 ms", "max ms", "rows"
    );
    for q in r.queries.iter().chain(&r.aggregates) {
        println!(
            "{:<28} {:>8.2} {:>8.2} {:>8.2} {:>9.1}",
            q.name, q.p50_ms, q.p95_ms, q.max_ms, q.mean_rows
        );
    }
    println!("p95 filtered query {:.2} ms", r.p95_ms);
    if r.documents > 0 {
        println!(
            "put_batch        {} documents in {:.1} s ({:.0} documents/s)",
            r.documents, r.put_secs, r.documents_per_sec
        );
        println!(
            "re-put           {:.2} s, {} stored again (must be 0)",
            r.reput_secs, r.reput_stored
        );
    }
    println!("database         {:.1} MB", r.db_bytes as f64 / 1e6);
    println!("total            {:.1} s", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// The store benchmark on the PostgreSQL database of `url` (kept: a second run reuses the
/// events); the documents go to a scratch database on the same server.
fn pg_store_bench(url: &str, config: &rasd_store::BenchConfig) -> Result<rasd_store::BenchReport> {
    use rasd_store::Store;
    let mut store = crate::store_cmd::connect_pg(url)?;
    let loaded_before = store.stats()?.acled_events;
    let mut progress = |step: &str| eprintln!("  {step}");
    let load = rasd_store::load_events_into(&mut store, config, &mut progress)?;
    store.analyze()?;
    let docs_store = || -> rasd_store::Result<Box<dyn Store>> {
        Ok(Box::new(rasd_store_pg::PgStore::scratch(
            url,
            "bench_docs",
        )?))
    };
    let mut r = rasd_store::bench_loaded(
        &store,
        loaded_before,
        load,
        config,
        docs_store,
        &mut progress,
    )?;
    r.db_bytes = store.database_bytes()?;
    Ok(r)
}

/// `rasd bench serve`: [`rasd_server::bench_serve`] (the dashboard's first view, filter
/// changes and Analysis panel, in-process through the router) on a scratch database unless
/// `path` names one to keep and reuse; prints p50/p95 per scenario and per request.
pub fn serve(events: usize, repeat: usize, path: Option<&Path>) -> Result<ExitCode> {
    let scratch = tempfile::tempdir().context("cannot create a scratch directory")?;
    let path = path.map_or_else(|| scratch.path().join("bench.db"), Path::to_path_buf);
    let config = rasd_server::BenchServeConfig {
        path: path.clone(),
        events,
        repeat: repeat.max(1),
        ..Default::default()
    };
    println!(
        "serve benchmark: {events} synthetic events, {} runs per scenario, {}",
        config.repeat,
        path.display()
    );
    let t0 = std::time::Instant::now();
    let r = rasd_server::bench_serve(&config)?;
    println!(
        "events           {} (index built in {:.2} s)",
        r.events, r.startup_secs
    );
    let line = |t: &rasd_server::RequestTiming| {
        println!(
            "{:<62} {:>5} {:>8.1} {:>8.1} {:>8.1} {:>9}",
            t.name, t.runs, t.p50_ms, t.p95_ms, t.max_ms, t.bytes
        )
    };
    println!(
        "{:<62} {:>5} {:>8} {:>8} {:>8} {:>9}",
        "scenario / request", "runs", "p50 ms", "p95 ms", "max ms", "bytes"
    );
    for t in [
        &r.first_view,
        &r.filter_change,
        &r.filter_repeat,
        &r.text_cold,
        &r.analysis_view,
    ] {
        line(t);
    }
    for t in r.requests.iter().chain(&r.analytics) {
        line(t);
    }
    println!("total            {:.1} s", t0.elapsed().as_secs_f64());
    // A broken endpoint must not look fast.
    anyhow::ensure!(
        r.first_view.bytes > 0
            && r.filter_change.bytes > 0
            && r.analysis_view.bytes > 0
            && r.analytics.iter().all(|t| t.bytes > 0),
        "the benchmark's answers are empty"
    );
    Ok(ExitCode::SUCCESS)
}

/// Places (English / French / Arabic spelling), for synthetic reports.
const BENCH_PLACES: [(&str, &str, &str); 30] = [
    ("Djibo", "Djibo", "جيبو"),
    ("Mopti", "Mopti", "موبتي"),
    ("Gao", "Gao", "غاو"),
    ("Menaka", "Ménaka", "ميناكا"),
    ("Tillaberi", "Tillabéri", "تيلابيري"),
    ("Diffa", "Diffa", "ديفا"),
    ("Kaya", "Kaya", "كايا"),
    ("Timbuktu", "Tombouctou", "تمبكتو"),
    ("Ouahigouya", "Ouahigouya", "واهيغويا"),
    ("Bankass", "Bankass", "بانكاس"),
    ("Kidal", "Kidal", "كيدال"),
    ("Segou", "Ségou", "سيغو"),
    ("Douentza", "Douentza", "دوينتزا"),
    ("Boni", "Boni", "بوني"),
    ("Dori", "Dori", "دوري"),
    ("Fada N'Gourma", "Fada N'Gourma", "فادا نغورما"),
    ("Arbinda", "Arbinda", "أربيندا"),
    ("Gorom-Gorom", "Gorom-Gorom", "غوروم غوروم"),
    ("Tera", "Téra", "تيرا"),
    ("Ayorou", "Ayorou", "أيورو"),
    ("Ouallam", "Ouallam", "والام"),
    ("Tahoua", "Tahoua", "تاهوا"),
    ("Agadez", "Agadez", "أغاديز"),
    ("Niono", "Niono", "نيونو"),
    ("Djenne", "Djenné", "جيني"),
    ("Ansongo", "Ansongo", "أنسونغو"),
    ("Bourem", "Bourem", "بوريم"),
    ("Sebba", "Sebba", "سيبا"),
    ("Titao", "Titao", "تيتاو"),
    ("Diapaga", "Diapaga", "دياباغا"),
];

const BENCH_ACTORS: [(&str, &str, &str); 4] = [
    (
        "JNIM militants",
        "des militants du JNIM",
        "مسلحون من جماعة نصرة الإسلام والمسلمين",
    ),
    (
        "Islamic State Sahel fighters",
        "des combattants de l'État islamique au Sahel",
        "مقاتلون من تنظيم الدولة الإسلامية في الساحل",
    ),
    (
        "unidentified gunmen",
        "des hommes armés non identifiés",
        "مسلحون مجهولون",
    ),
    (
        "suspected jihadists",
        "des jihadistes présumés",
        "جهاديون مشتبه بهم",
    ),
];

const BENCH_TARGETS: [(&str, &str, &str); 4] = [
    ("a military post", "un poste militaire", "موقعا عسكريا"),
    ("a village market", "le marché du village", "سوق القرية"),
    (
        "a gendarmerie checkpoint",
        "un poste de contrôle de la gendarmerie",
        "نقطة تفتيش للدرك",
    ),
    (
        "a convoy of traders",
        "un convoi de commerçants",
        "قافلة للتجار",
    ),
];

const BENCH_DAYS: [(&str, &str, &str); 4] = [
    ("On Monday", "Lundi", "يوم الاثنين"),
    ("On Tuesday", "Mardi", "يوم الثلاثاء"),
    ("On Friday", "Vendredi", "يوم الجمعة"),
    ("On Sunday", "Dimanche", "يوم الأحد"),
];

/// `n` short synthetic reports as `rasd code` JSONL lines. Like a news stream, each synthetic
/// event (place, date over ten years, actor, target, toll) is reported by one to three outlets
/// in different languages (English, French, Arabic), so the store merges some reports and
/// stores the rest as distinct events. Every text is unique (a reference number).
pub fn synthetic_reports(n: usize) -> String {
    let mut out = String::with_capacity(n * 400);
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("date");
    let (mut i, mut event) = (0usize, 0u64);
    while i < n {
        let mut rng = rasd_store::Rng::new(0x5eed ^ event);
        let (pe, pf, pa) = BENCH_PLACES[rng.below(BENCH_PLACES.len())];
        let (ae, af, aa) = BENCH_ACTORS[rng.below(BENCH_ACTORS.len())];
        let (te, tf, ta) = BENCH_TARGETS[rng.below(BENCH_TARGETS.len())];
        let (de, df, da) = BENCH_DAYS[rng.below(BENCH_DAYS.len())];
        let killed = 2 + rng.below(30);
        let wounded = 1 + rng.below(20);
        let published = start + chrono::Days::new(rng.below(3650) as u64);
        let reports = 1 + rng.below(3);
        for k in 0..reports {
            if i >= n {
                break;
            }
            let reference = rng.next_u64() % 1_000_000;
            let text = match (event as usize + k) % 3 {
                0 => format!(
                    "{de}, {ae} attacked {te} near {pe}, killing {killed} people and wounding \
                     {wounded} others, local sources said. Residents fled towards the town. \
                     (ref. {reference}-{i})"
                ),
                1 => format!(
                    "{df}, {af} ont attaqué {tf} près de {pf}, tuant {killed} personnes et en \
                     blessant {wounded} autres, selon des sources locales. Des habitants ont fui \
                     vers la ville. (réf. {reference}-{i})"
                ),
                _ => format!(
                    "{da}، هاجم {aa} {ta} قرب {pa}، ما أدى إلى مقتل {killed} أشخاص وإصابة \
                     {wounded} آخرين، وفق مصادر محلية. وفر السكان نحو المدينة. (مرجع {reference}-{i})"
                ),
            };
            let line = serde_json::json!({
                "id": format!("bench-{i}"),
                "published": published.to_string(),
                "source": format!("Outlet {}", (event as usize * 7 + k) % 40),
                "text": text,
            });
            out.push_str(&line.to_string());
            out.push('\n');
            i += 1;
        }
        event += 1;
    }
    out
}

/// `rasd bench ingest`: write `docs` synthetic reports as JSONL into a scratch directory,
/// ingest them into a database on disk there, then ingest them again.
pub fn ingest(
    docs: usize,
    batch: usize,
    pg_server: Option<&str>,
    config: &CoderConfig,
) -> Result<ExitCode> {
    use crate::ingest_cmd::{self, IngestConfig};
    let dir = tempfile::tempdir().context("cannot create a scratch directory")?;
    let input = dir.path().join("reports.jsonl");
    let scratch_pg = pg_server
        .map(|url| rasd_store_pg::ScratchDatabase::create(url, "bench_ingest"))
        .transpose()?;
    let db = match &scratch_pg {
        Some(s) => PathBuf::from(s.url()),
        None => dir.path().join("bench.db"),
    };
    let t = std::time::Instant::now();
    std::fs::write(&input, synthetic_reports(docs))
        .with_context(|| format!("cannot write {}", input.display()))?;
    let bytes = std::fs::metadata(&input).map_or(0, |m| m.len());
    println!(
        "ingest benchmark: {docs} synthetic reports (en/fr/ar), {:.1} MB, written in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    let coder = Coder::new(config.clone());
    let _ = coder.code(&Document {
        id: "warm-up".into(),
        text: "Gunmen attacked Djibo.".into(),
        ..Default::default()
    });
    let version = crate::code_cmd::coder_version(config);
    let ingest_config = IngestConfig {
        recursive: false,
        max_file_bytes: rasd_ingest::DEFAULT_MAX_FILE_BYTES,
        batch,
        progress: true,
        report_skips: true,
    };
    let inputs = [rasd_ingest::Input::Path(input.clone())];
    let store = crate::store_cmd::open_store(&db)?;
    let (first, store) = ingest_cmd::ingest(store, &inputs, &ingest_config, &coder, &version)?;
    println!(
        "first ingest     {:.1} s, {:.0} documents/s ({} new, {} near duplicates, {} events new, {} merged)",
        first.secs,
        first.read as f64 / first.secs.max(1e-9),
        first.new,
        first.near_duplicates,
        first.events_new,
        first.events_merged
    );
    let (again, store) = ingest_cmd::ingest(store, &inputs, &ingest_config, &coder, &version)?;
    println!(
        "re-ingest        {:.1} s, {:.0} documents/s ({} new, {} exact duplicates, {} coded)",
        again.secs,
        again.read as f64 / again.secs.max(1e-9),
        again.new,
        again.exact_duplicates,
        again.coded
    );
    drop(store);
    let bytes = match &scratch_pg {
        Some(s) => crate::store_cmd::connect_pg(s.url())?.database_bytes()?,
        None => std::fs::metadata(&db).map_or(0, |m| m.len()),
    };
    println!(
        "database         {:.1} MB{}",
        bytes as f64 / 1e6,
        if scratch_pg.is_some() {
            " (PostgreSQL)"
        } else {
            ""
        }
    );
    println!("threads          {}", rayon::current_num_threads());
    println!(
        "peak memory (MB) {}",
        peak_memory_mb()
            .map(|m| format!("{m:.1}"))
            .unwrap_or_else(|| "unknown".into())
    );
    Ok(ExitCode::SUCCESS)
}
