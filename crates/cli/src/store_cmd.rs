//! The event-store commands that read or import: where the database lives, the writer lock,
//! `rasd stats`, `rasd events [show]`, `rasd search`, `rasd export` and `rasd import acled`.
//! Ingesting and recoding (which code documents) are in `ingest_cmd`.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use rasd_model::{EventType, SubEventType};
use rasd_store::{
    CsvExport, EventFilter, EventWriter, ExportFormat, GeoJsonExport, JsonlExport, Near, Origin,
    ParquetExport, SqliteStore, Store, StoredEvent,
};
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status of a command-line mistake (clap uses the same).
pub const EXIT_USAGE: u8 = 2;

/// The database path: `--db`, else `RASD_DB` (clap merges the two, flag first), else
/// `<data dir>/rasd/rasd.db` (`~/.local/share/rasd/rasd.db` on Linux).
pub fn db_path(flag_or_env: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = flag_or_env.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(p);
    }
    let dirs = directories::BaseDirs::new().context(
        "no home directory to put the default database in; pass --db PATH or set RASD_DB",
    )?;
    Ok(dirs.data_dir().join("rasd").join("rasd.db"))
}

/// A store of either backend, chosen by the `--db` value at run time.
pub type AnyStore = Box<dyn Store + Send>;

/// The PostgreSQL URL when `--db` / `RASD_DB` names a server (`postgres://`, `postgresql://`)
/// rather than a SQLite file.
pub fn pg_url(db: &Path) -> Option<&str> {
    db.to_str().filter(|s| rasd_store_pg::is_postgres_url(s))
}

/// How to name the database in messages (a URL without its password).
pub fn shown(db: &Path) -> String {
    match pg_url(db) {
        Some(url) => rasd_store_pg::redact_url(url),
        None => db.display().to_string(),
    }
}

/// Connect to the PostgreSQL server of `url` (creating or migrating the schema).
pub fn connect_pg(url: &str) -> Result<rasd_store_pg::PgStore> {
    rasd_store_pg::PgStore::connect(url).with_context(|| {
        format!(
            "connecting to the PostgreSQL event store {}",
            rasd_store_pg::redact_url(url)
        )
    })
}

/// Open (creating the file and its folder, or the schema on a server, if needed) the store for
/// writing.
pub fn open_store(db: &Path) -> Result<AnyStore> {
    if let Some(url) = pg_url(db) {
        return Ok(Box::new(connect_pg(url)?));
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| {
            format!("cannot create the folder of the database {}", db.display())
        })?;
    }
    let s = SqliteStore::open(db)
        .with_context(|| format!("opening the event store {}", db.display()))?;
    Ok(Box::new(s))
}

/// Open the store for reading: read-only when the file exists and is current (so a reader never
/// waits on an ingest's write lock), else as a writer (creating or migrating it). A PostgreSQL
/// server needs no such care: readers never wait on writers there.
pub fn open_for_reading(db: &Path) -> Result<AnyStore> {
    if pg_url(db).is_none() && db.is_file() {
        if let Ok(s) = SqliteStore::open_read_only(db) {
            return Ok(Box::new(s));
        }
    }
    open_store(db)
}

/// An exclusive lock on `<db>.lock`, held while a command writes coded documents (ingest,
/// recode). Because only the holder writes runs, a run still marked `running` when the lock is
/// taken belongs to a process that died: it was interrupted. The OS drops the lock when its
/// process ends, however it ends (kill -9 included).
///
/// On PostgreSQL the lock is a session advisory lock held on a connection of its own
/// ([`rasd_store_pg::try_lock_writer`]): the server drops it when the process dies.
/// Held, never read: dropping it releases the lock.
pub enum WriterLock {
    File(#[allow(dead_code)] File),
    Postgres(#[allow(dead_code)] Box<rasd_store_pg::WriterLock>),
}

pub fn lock_writer(db: &Path) -> Result<WriterLock> {
    use fs4::fs_std::FileExt;
    if let Some(url) = pg_url(db) {
        let shown = rasd_store_pg::redact_url(url);
        return match rasd_store_pg::try_lock_writer(url)
            .with_context(|| format!("taking the writer lock on {shown}"))?
        {
            Some(lock) => Ok(WriterLock::Postgres(Box::new(lock))),
            None => bail!(
                "another rasd ingest or recode is writing to {shown} (it holds the writer lock); \
                 wait for it to finish"
            ),
        };
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| {
            format!("cannot create the folder of the database {}", db.display())
        })?;
    }
    let mut name = OsString::from(db.as_os_str());
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot create the lock file {}", path.display()))?;
    if !file
        .try_lock_exclusive()
        .with_context(|| format!("cannot lock {}", path.display()))?
    {
        bail!(
            "another rasd ingest or recode is writing to {} (it holds {}); wait for it to finish",
            db.display(),
            path.display()
        );
    }
    Ok(WriterLock::File(file))
}

/// Unix seconds as `2026-11-25 14:03 UTC`.
pub fn when(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| secs.to_string())
}

// ---------------------------------------------------------------------------------------------
// Filters

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("malformed date `{s}`: expected YYYY-MM-DD, e.g. 2024-03-31"))
}

/// ACLED names, case-insensitive; `-` and `_` may stand for spaces ("violence-against-civilians").
fn loose(s: &str) -> String {
    s.trim().replace(['-', '_'], " ").to_ascii_lowercase()
}

fn parse_event_type(s: &str) -> Result<EventType, String> {
    EventType::from_acled(s)
        .or_else(|| {
            EventType::ALL
                .into_iter()
                .find(|t| loose(t.as_acled()) == loose(s))
        })
        .ok_or_else(|| {
            let names: Vec<&str> = EventType::ALL.iter().map(|t| t.as_acled()).collect();
            format!("unknown event type `{s}`; one of: {}", names.join(", "))
        })
}

fn parse_sub_type(s: &str) -> Result<SubEventType, String> {
    SubEventType::from_acled(s)
        .or_else(|| {
            SubEventType::ALL
                .iter()
                .copied()
                .find(|t| loose(t.as_acled()) == loose(s))
        })
        .ok_or_else(|| {
            let names: Vec<&str> = SubEventType::ALL.iter().map(|t| t.as_acled()).collect();
            format!("unknown sub-event type `{s}`; one of: {}", names.join(", "))
        })
}

/// `LAT,LON,KM`: latitude first, then longitude, then a radius in kilometres.
pub fn parse_near(s: &str) -> Result<Near, String> {
    let usage = "expected LAT,LON,KM (latitude first, radius in km), e.g. 14.1,-1.6,50";
    let Some((point, km)) = s.rsplit_once(',') else {
        return Err(usage.into());
    };
    if !point.contains(',') {
        return Err(usage.into());
    }
    let p = crate::geo_cmd::parse_point(point).map_err(|e| format!("{e} ({usage})"))?;
    let km = match km.trim().parse::<f64>() {
        Ok(k) if k.is_finite() && k >= 0.0 => k,
        _ => {
            return Err(format!(
                "radius `{}` is not a number of km; {usage}",
                km.trim()
            ))
        }
    };
    Ok(Near {
        lat: p.lat,
        lon: p.lon,
        km,
    })
}

fn parse_origin(s: &str) -> Result<Origin, String> {
    Origin::parse(&s.trim().to_ascii_lowercase())
        .ok_or_else(|| format!("unknown origin `{s}`: rasd or acled"))
}

/// The event filters shared by `rasd events` and `rasd export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// First day, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Country, as ACLED spells it (case-insensitive): "Mali", "Burkina Faso".
    #[arg(long)]
    pub country: Option<String>,
    /// First-level admin area, as ACLED spells it.
    #[arg(long)]
    pub admin1: Option<String>,
    /// Second-level admin area, as ACLED spells it.
    #[arg(long)]
    pub admin2: Option<String>,
    /// Part of an actor name (actor1, actor2 or associated), case- and accent-insensitive.
    #[arg(long)]
    pub actor: Option<String>,
    /// ACLED event type, e.g. "Battles" or violence-against-civilians.
    #[arg(long = "type", value_parser = parse_event_type)]
    pub event_type: Option<EventType>,
    /// ACLED sub-event type, e.g. "Armed clash".
    #[arg(long = "sub-type", value_parser = parse_sub_type)]
    pub sub_event_type: Option<SubEventType>,
    /// Full-text query over the reports of each event (and ACLED notes).
    #[arg(long)]
    pub text: Option<String>,
    /// Within KM kilometres of a point: LAT,LON,KM (latitude first).
    #[arg(long, value_name = "LAT,LON,KM", allow_hyphen_values = true, value_parser = parse_near)]
    pub near: Option<Near>,
    /// Only events coded by Rasd, or only imported ACLED events.
    #[arg(long, value_name = "rasd|acled", value_parser = parse_origin)]
    pub origin: Option<Origin>,
    /// At most this many events (newest first).
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    /// The store filter (without a page size: callers page), checked for values no query can
    /// use (`--from` after `--to`).
    pub fn filter(&self) -> Result<EventFilter, String> {
        let f = EventFilter {
            from: self.from,
            to: self.to,
            country: self.country.clone(),
            admin1: self.admin1.clone(),
            admin2: self.admin2.clone(),
            actor: self.actor.clone(),
            event_type: self.event_type,
            sub_event_type: self.sub_event_type,
            text: self.text.clone(),
            near: self.near,
            origin: self.origin,
            ..Default::default()
        };
        f.validate().map_err(|e| e.to_string())?;
        Ok(f)
    }
}

fn usage_error(command: &str, message: &str) -> ExitCode {
    eprintln!("rasd {command}: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// Feed every event matching `filter`, at most `limit`, to `writer` (keyset pages of 1000).
fn write_matching<E: EventWriter>(
    store: &dyn Store,
    filter: &EventFilter,
    limit: Option<usize>,
    mut writer: E,
) -> Result<rasd_store::ExportSummary> {
    let mut f = filter.clone();
    let mut left = limit.unwrap_or(usize::MAX);
    while left > 0 {
        f.limit = Some(left.min(1000));
        let page = store.events(&f)?;
        for e in &page.events {
            writer.write_event(e)?;
        }
        left = left.saturating_sub(page.events.len());
        match page.next {
            Some(c) => f.after = Some(c),
            None => break,
        }
    }
    Ok(writer.finish()?)
}

// ---------------------------------------------------------------------------------------------
// rasd stats

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    Json,
    Table,
}

pub fn stats(db: &Path, format: StatsFormat) -> Result<ExitCode> {
    let store = open_for_reading(db)?;
    let s = store.stats()?;
    let runs = store.runs()?;
    let last = runs.first();
    // The size of a SQLite file (0 for a PostgreSQL server).
    let db_bytes = std::fs::metadata(db).map_or(0, |m| m.len());
    match format {
        StatsFormat::Json => {
            let mut v = serde_json::to_value(s)?;
            v["db"] = serde_json::json!(shown(db));
            v["db_bytes"] = serde_json::json!(db_bytes);
            v["last_run"] = serde_json::to_value(last)?;
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        StatsFormat::Table => {
            match pg_url(db) {
                Some(_) => println!("database          {} (PostgreSQL)", shown(db)),
                None => println!(
                    "database          {} ({:.1} MB)",
                    db.display(),
                    db_bytes as f64 / 1e6
                ),
            }
            println!("documents         {}", s.documents);
            println!("  near duplicates {}", s.near_duplicates);
            println!("events            {}", s.events);
            println!("  coded by rasd   {}", s.rasd_events);
            println!("  imported ACLED  {}", s.acled_events);
            println!("event sources     {}", s.sources);
            println!("actors            {}", s.actors);
            println!("ingest runs       {}", s.ingest_runs);
            if let Some(r) = last {
                println!(
                    "last run          {} ({}, started {}, {} new documents)",
                    r.id,
                    r.status.as_str(),
                    when(r.started_at),
                    r.counts.docs_new
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// rasd events

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
    Csv,
}

/// A cell cut to `width` characters (with `…`), padded to `width` (the tables of the store and
/// analytics commands).
pub(crate) fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Table rows: what a person scans for (full fields: `rasd events show ID`).
struct TableWriter<W: Write> {
    out: W,
    written: u64,
}

const TABLE: [(&str, usize); 9] = [
    ("id", 8),
    ("date", 10),
    ("sub_event_type", 24),
    ("actor1", 28),
    ("actor2", 28),
    ("country", 12),
    ("location", 18),
    ("fat", 4),
    ("src", 4),
];

impl<W: Write> TableWriter<W> {
    fn new(mut out: W) -> Result<Self> {
        let header: Vec<String> = TABLE.iter().map(|(h, w)| cell(h, *w)).collect();
        writeln!(out, "{}", header.join(" ").trim_end())?;
        Ok(TableWriter { out, written: 0 })
    }
}

impl<W: Write> EventWriter for TableWriter<W> {
    fn write_event(&mut self, s: &StoredEvent) -> rasd_store::Result<()> {
        let e = &s.event;
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let values = [
            s.id.to_string(),
            e.event_date.map(|d| d.to_string()).unwrap_or_default(),
            e.sub_event_type.as_acled().to_owned(),
            o(&e.actor1),
            o(&e.actor2),
            o(&e.country),
            o(&e.location),
            e.fatalities.map(|f| f.to_string()).unwrap_or_default(),
            match s.origin {
                Origin::Rasd => s.source_count.to_string(),
                Origin::Acled => "acled".to_owned(),
            },
        ];
        let row: Vec<String> = values
            .iter()
            .zip(TABLE)
            .map(|(v, (_, w))| cell(v, w))
            .collect();
        writeln!(self.out, "{}", row.join(" ").trim_end()).map_err(|source| {
            rasd_store::StoreError::Export {
                format: "table",
                source,
            }
        })?;
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> rasd_store::Result<rasd_store::ExportSummary> {
        self.out
            .flush()
            .map_err(|source| rasd_store::StoreError::Export {
                format: "table",
                source,
            })?;
        Ok(rasd_store::ExportSummary {
            written: self.written,
            skipped_without_coordinates: 0,
        })
    }
}

pub fn events(db: &Path, args: &FilterArgs, format: ListFormat) -> Result<ExitCode> {
    let filter = match args.filter() {
        Ok(f) => f,
        Err(e) => return Ok(usage_error("events", &e)),
    };
    let store = open_for_reading(db)?;
    let limit = Some(args.limit.unwrap_or(EventFilter::DEFAULT_LIMIT));
    let out = BufWriter::new(io::stdout().lock());
    let summary = match format {
        ListFormat::Table => write_matching(&store, &filter, limit, TableWriter::new(out)?)?,
        ListFormat::Jsonl => write_matching(&store, &filter, limit, JsonlExport::new(out))?,
        ListFormat::Csv => write_matching(&store, &filter, limit, CsvExport::new(out)?)?,
    };
    if format == ListFormat::Table {
        let total = store.count_events(&filter)?;
        if total > summary.written {
            eprintln!(
                "rasd events: {} of {total} matching events shown (--limit N for more)",
                summary.written
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `12` or `rasd-12` (the id column of CSV exports).
fn parse_event_id(s: &str) -> Option<rasd_store::EventId> {
    let t = s.trim();
    let t = t.strip_prefix("rasd-").unwrap_or(t);
    t.parse::<i64>().ok().map(rasd_store::EventId)
}

/// The text an evidence span points at, or why it cannot be shown.
fn quote(doc: Option<&rasd_model::Document>, ev: &rasd_model::Evidence) -> String {
    let Some(doc) = doc else {
        return "(document not stored)".to_owned();
    };
    let src = match ev.field {
        rasd_model::EvidenceField::Text => doc.text.as_str(),
        rasd_model::EvidenceField::Title => doc.title.as_deref().unwrap_or(""),
    };
    match src.get(ev.start..ev.end) {
        Some(s) => format!("\u{201c}{}\u{201d}", s.replace('\n', " ")),
        None => format!(
            "(bytes {}..{} are outside the stored text)",
            ev.start, ev.end
        ),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

pub fn show(db: &Path, id: &str, format: ShowFormat) -> Result<ExitCode> {
    let Some(event_id) = parse_event_id(id) else {
        return Ok(usage_error(
            "events show",
            &format!("`{id}` is not an event id (a number, as `rasd events` lists them)"),
        ));
    };
    let store = open_for_reading(db)?;
    let Some(detail) = store.event_detail(event_id)? else {
        eprintln!("rasd events show: no event {event_id} in {}", shown(db));
        return Ok(ExitCode::from(1));
    };
    let docs: Vec<Option<rasd_model::Document>> = detail
        .sources
        .iter()
        .map(|s| {
            store
                .document(&s.document.id)
                .map(|d| d.map(|d| d.document))
        })
        .collect::<rasd_store::Result<_>>()?;
    if format == ShowFormat::Json {
        let mut v = serde_json::to_value(&detail)?;
        // Quote each evidence span beside its offsets.
        if let Some(sources) = v["sources"].as_array_mut() {
            for ((sv, s), doc) in sources.iter_mut().zip(&detail.sources).zip(&docs) {
                if let Some(evs) = sv["evidence"].as_array_mut() {
                    for (evv, ev) in evs.iter_mut().zip(&s.evidence) {
                        let q = quote(doc.as_ref(), ev);
                        evv["quote"] = serde_json::json!(q
                            .trim_start_matches('\u{201c}')
                            .trim_end_matches('\u{201d}'));
                    }
                }
            }
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let s = &detail.event;
    let e = &s.event;
    let mut out = BufWriter::new(io::stdout().lock());
    let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    let n = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
    writeln!(
        out,
        "event {} ({}, {} source document{})",
        s.id,
        s.origin.as_str(),
        s.source_count,
        if s.source_count == 1 { "" } else { "s" }
    )?;
    let fields: Vec<(&str, String)> = vec![
        ("event_id_cnty", o(&s.event_id_cnty)),
        ("event_date", n(e.event_date.map(|d| d.to_string()))),
        ("time_precision", n(e.time_precision.map(|v| v.to_string()))),
        ("event_type", e.event_type.as_acled().to_owned()),
        ("sub_event_type", e.sub_event_type.as_acled().to_owned()),
        ("actor1", o(&e.actor1)),
        ("assoc_actor_1", o(&e.assoc_actor_1)),
        ("inter1", n(e.inter1.map(|v| v.to_string()))),
        ("actor2", o(&e.actor2)),
        ("assoc_actor_2", o(&e.assoc_actor_2)),
        ("inter2", n(e.inter2.map(|v| v.to_string()))),
        ("country", o(&e.country)),
        ("admin1", o(&e.admin1)),
        ("admin2", o(&e.admin2)),
        ("location", o(&e.location)),
        ("latitude", n(e.latitude.map(|v| v.to_string()))),
        ("longitude", n(e.longitude.map(|v| v.to_string()))),
        ("geo_precision", n(e.geo_precision.map(|v| v.to_string()))),
        ("fatalities", n(e.fatalities.map(|v| v.to_string()))),
        ("confidence", format!("{:.2}", e.confidence)),
        (
            "tags",
            if e.tags.is_empty() {
                "-".to_owned()
            } else {
                e.tags.join("; ")
            },
        ),
        ("source", o(&s.source)),
        ("notes", o(&s.notes)),
        ("coder_version", o(&s.coder_version)),
        ("updated", when(s.updated_at)),
    ];
    for (k, v) in fields {
        writeln!(out, "  {k:<15} {v}")?;
    }
    for (i, (src, doc)) in detail.sources.iter().zip(&docs).enumerate() {
        let d = &src.document;
        writeln!(out)?;
        writeln!(out, "source {}: document {}", i + 1, d.id)?;
        writeln!(out, "  title      {}", o(&d.title))?;
        writeln!(out, "  url        {}", o(&d.url))?;
        writeln!(out, "  outlet     {}", o(&d.source))?;
        writeln!(
            out,
            "  published  {}   language {}",
            n(d.published.map(|p| p.to_string())),
            d.language.map_or("-", |l| l.as_str())
        )?;
        match &src.merge_reason {
            None => writeln!(out, "  merge      created the event")?,
            Some(r) => writeln!(out, "  merge      merged: {r}")?,
        }
        if let Some(f) = src.fatalities {
            writeln!(out, "  fatalities {f} (as this document reports them)")?;
        }
        if let Some(run) = src.run_id {
            writeln!(out, "  run        {run}")?;
        }
        if !src.evidence.is_empty() {
            writeln!(out, "  evidence")?;
        }
        for ev in &src.evidence {
            let role = serde_json::to_value(ev.role)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let field = match ev.field {
                rasd_model::EvidenceField::Text => "text",
                rasd_model::EvidenceField::Title => "title",
            };
            writeln!(
                out,
                "    {role:<11} {}  ({field} {}..{})",
                quote(doc.as_ref(), ev),
                ev.start,
                ev.end
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// rasd search

pub fn search(db: &Path, query: &str, limit: usize, format: ShowFormat) -> Result<ExitCode> {
    if query.trim().is_empty() {
        return Ok(usage_error("search", "empty query"));
    }
    let store = open_for_reading(db)?;
    let hits = store.search(query, limit.max(1))?;
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ShowFormat::Json => {
            for h in &hits {
                serde_json::to_writer(&mut out, h)?;
                writeln!(out)?;
            }
        }
        ShowFormat::Text => {
            for (i, h) in hits.iter().enumerate() {
                let d = &h.document;
                writeln!(
                    out,
                    "{}. {}  {}  {}  {}",
                    i + 1,
                    d.id,
                    d.published.map(|p| p.to_string()).unwrap_or_default(),
                    d.source.as_deref().unwrap_or(""),
                    d.title.as_deref().unwrap_or("")
                )?;
                if let Some(u) = &d.url {
                    writeln!(out, "   {u}")?;
                }
                writeln!(out, "   {}", h.snippet.marked("[", "]").replace('\n', " "))?;
            }
            if hits.is_empty() {
                eprintln!("rasd search: no document matches {query:?}");
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// rasd export

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportArg {
    Csv,
    Jsonl,
    Geojson,
    Parquet,
}

pub fn export(
    db: &Path,
    args: &FilterArgs,
    format: ExportArg,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let filter = match args.filter() {
        Ok(f) => f,
        Err(e) => return Ok(usage_error("export", &e)),
    };
    let format = match format {
        ExportArg::Csv => ExportFormat::Csv,
        ExportArg::Jsonl => ExportFormat::Jsonl,
        ExportArg::Geojson => ExportFormat::GeoJson,
        ExportArg::Parquet => ExportFormat::Parquet,
    };
    if format == ExportFormat::Parquet && output.is_none() && io::stdout().is_terminal() {
        return Ok(usage_error(
            "export",
            "Parquet is a binary format: give --output FILE or redirect standard output",
        ));
    }
    let store = open_for_reading(db)?;
    fn write<W: Write + Send>(
        store: &dyn Store,
        filter: &EventFilter,
        limit: Option<usize>,
        format: ExportFormat,
        out: W,
    ) -> Result<rasd_store::ExportSummary> {
        match format {
            ExportFormat::Csv => write_matching(store, filter, limit, CsvExport::new(out)?),
            ExportFormat::Jsonl => write_matching(store, filter, limit, JsonlExport::new(out)),
            ExportFormat::GeoJson => write_matching(store, filter, limit, GeoJsonExport::new(out)?),
            ExportFormat::Parquet => write_matching(store, filter, limit, ParquetExport::new(out)?),
        }
    }
    let summary = match output {
        None => write(
            &store,
            &filter,
            args.limit,
            format,
            BufWriter::new(io::stdout()),
        )?,
        Some(path) => {
            // Write beside the target and rename, so a failed export never leaves half a file
            // under the final name.
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            let summary = write(
                &store,
                &filter,
                args.limit,
                format,
                BufWriter::new(tmp.as_file()),
            )?;
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            summary
        }
    };
    let mut msg = format!(
        "rasd export: {} events written as {}",
        summary.written,
        format.as_str()
    );
    if let Some(p) = output {
        msg.push_str(&format!(" to {}", p.display()));
    }
    if summary.skipped_without_coordinates > 0 {
        msg.push_str(&format!(
            "; {} events without coordinates left out (GeoJSON needs a point)",
            summary.skipped_without_coordinates
        ));
    }
    eprintln!("{msg}");
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// rasd import acled

/// Rows per import transaction.
const IMPORT_CHUNK: usize = 10_000;

pub fn import_acled(db: &Path, file: &Path) -> Result<ExitCode> {
    let rows = rasd_ingest::read_acled_csv(file)?;
    let mut store = open_store(db)?;
    let mut report = rasd_store::ImportReport::default();
    let mut bad = 0usize;
    let mut chunk: Vec<rasd_store::AcledRecord> = Vec::with_capacity(IMPORT_CHUNK);
    let mut flush = |chunk: &mut Vec<rasd_store::AcledRecord>,
                     report: &mut rasd_store::ImportReport|
     -> Result<()> {
        if !chunk.is_empty() {
            let r = store.import_acled(chunk)?;
            report.inserted += r.inserted;
            report.updated += r.updated;
            report.unchanged += r.unchanged;
            chunk.clear();
        }
        Ok(())
    };
    for row in rows {
        match row {
            Ok(r) => {
                chunk.push(rasd_store::AcledRecord {
                    event: r.event,
                    event_id_cnty: r.event_id_cnty,
                    notes: r.notes,
                    source: r.source,
                });
                if chunk.len() >= IMPORT_CHUNK {
                    flush(&mut chunk, &mut report)?;
                }
            }
            Err(e) => {
                bad += 1;
                eprintln!("rasd import acled: {e}; row skipped");
            }
        }
    }
    flush(&mut chunk, &mut report)?;
    println!(
        "imported {}: {} new, {} updated, {} unchanged, {} bad rows skipped",
        file.display(),
        report.inserted,
        report.updated,
        report.unchanged,
        bad
    );
    Ok(if bad > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_parses_latitude_first_and_rejects_nonsense() {
        let n = parse_near("14.1,-1.6,50").unwrap();
        assert_eq!((n.lat, n.lon, n.km), (14.1, -1.6, 50.0));
        for bad in [
            "14.1,-1.6",
            "14.1,-1.6,-5",
            "91,0,10",
            "a,b,c",
            "14,2,x",
            "",
        ] {
            assert!(parse_near(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn types_parse_loosely() {
        assert_eq!(
            parse_event_type("violence-against-civilians").unwrap(),
            EventType::ViolenceAgainstCivilians
        );
        assert_eq!(
            parse_sub_type("armed clash").unwrap(),
            SubEventType::ArmedClash
        );
        assert!(parse_event_type("fight").unwrap_err().contains("Battles"));
        assert!(parse_date("2024-02-30").is_err());
    }

    #[test]
    fn event_ids_accept_export_form() {
        assert_eq!(parse_event_id("rasd-12"), Some(rasd_store::EventId(12)));
        assert_eq!(parse_event_id(" 7 "), Some(rasd_store::EventId(7)));
        assert_eq!(parse_event_id("MLI123"), None);
    }
}
