//! The analytics commands: `rasd series`, `rasd warn`, `rasd control`, `rasd capabilities`,
//! `rasd backtest` and `rasd bench analytics` (the situation report is in `report_cmd`).
//!
//! Each command loads the stored events that pass the usual filters into
//! [`rasd_analytics::EventRow`]s ([`load_parallel`]: keyset pages of 10,000 through the store's
//! public `events()`, date slices on parallel read-only connections), builds one
//! [`EventTable`] and prints what the library computed. The
//! analyses that judge a period against its past (flags, new spread, the control indicator,
//! first-seen capabilities, reports) load every event **up to** `--to` and apply `--from` to
//! what they report, so a flag in the first reported week still has its baseline.

use crate::store_cmd::{open_for_reading, FilterArgs, EXIT_USAGE};
use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use rasd_analytics::{
    backtest, iso_week_label, quarter_label, BacktestConfig, BacktestReport, Capabilities,
    Capability, CapabilityConfig, ControlCell, ControlConfig, Episode, EventRow, EventTable,
    Filter, Flag, Interval, Metric, Period, Scope, Series, Spread, WarningConfig, Warnings,
};
use rasd_model::EventType;
use rasd_store::{EventFilter, Store, StoredEvent};
use serde_json::json;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

// ---------------------------------------------------------------------------------------------
// Arguments shared by the analytics commands

/// Output of `rasd series`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SeriesFormat {
    Table,
    Csv,
    Json,
}

/// Output of `warn`, `control`, `capabilities` and `backtest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// Bucket width of `rasd series`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IntervalArg {
    Day,
    Week,
    Month,
}

impl IntervalArg {
    fn interval(self) -> Interval {
        match self {
            IntervalArg::Day => Interval::Day,
            IntervalArg::Week => Interval::Week,
            IntervalArg::Month => Interval::Month,
        }
    }
}

/// Where `rasd warn` looks for unusual weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WarnLevel {
    Admin1,
    Admin2,
    /// An armed actor family, wherever it acts.
    Actor,
}

/// The areas `rasd backtest` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AreaLevel {
    Admin1,
    Admin2,
}

/// Capability aggregation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeriodArg {
    Month,
    Quarter,
}

/// `--threshold`: the minimum flag score `-log10 p` (2 = p <= 0.01), a positive number.
pub fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 => Ok(x),
        _ => Err(format!(
            "`{s}` is not a positive number; the threshold is -log10 p (2 = p <= 0.01, 3 = p <= 0.001)"
        )),
    }
}

/// `--month YYYY-MM`: the first day of that month.
pub fn parse_month(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .map_err(|_| format!("malformed month `{s}`: expected YYYY-MM, e.g. 2019-03"))
}

fn usage(command: &str, message: &str) -> ExitCode {
    eprintln!("rasd {command}: error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// The store filter of the flags, or the usage error to return. `--limit` (a flag of
/// `rasd events`, hidden here) has no meaning for an analysis of all matching events.
fn store_filter(command: &str, args: &FilterArgs) -> Result<EventFilter, ExitCode> {
    if args.limit.is_some() {
        return Err(usage(
            command,
            "--limit does not apply: analytics read every matching event",
        ));
    }
    args.filter().map_err(|e| usage(command, &e))
}

/// The analytics filter with the same scope as the flags (the store already applied it; this
/// one names the scope in reports and bounds zero-filled series).
pub fn analytics_filter(args: &FilterArgs) -> Filter {
    Filter {
        country: args.country.clone(),
        admin1: args.admin1.clone(),
        admin2: args.admin2.clone(),
        actor: args.actor.clone(),
        event_type: args.event_type,
        sub_event_type: args.sub_event_type,
        from: args.from,
        to: args.to,
    }
}

// ---------------------------------------------------------------------------------------------
// Loading

/// Stored events as analytics rows.
pub struct Loaded {
    pub rows: Vec<EventRow>,
    /// Matching events without a date (no series can place them): left out.
    pub undated: u64,
    pub secs: f64,
}

/// Page size of the loader: the store's maximum (one query per 10,000 events).
const PAGE: usize = EventFilter::MAX_LIMIT;

/// Append the rows of every page of `filter` (oldest first); returns the undated events seen.
fn load_into(store: &dyn Store, filter: &EventFilter, rows: &mut Vec<EventRow>) -> Result<u64> {
    let mut f = EventFilter {
        limit: Some(PAGE),
        after: None,
        sort: rasd_store::Sort::DateAsc,
        ..filter.clone()
    };
    let mut undated = 0;
    loop {
        let page = store.events(&f).context("reading events from the store")?;
        rows.reserve_exact(page.events.len());
        for e in page.events {
            match to_row(e) {
                Some(r) => rows.push(r),
                None => undated += 1,
            }
        }
        match page.next {
            Some(c) => f.after = Some(c),
            None => break,
        }
    }
    Ok(undated)
}

/// The first and last event date matching `filter`, and how many undated events match (they
/// sort first in date order).
fn date_span(
    store: &dyn Store,
    filter: &EventFilter,
) -> Result<(Option<(NaiveDate, NaiveDate)>, u64)> {
    let one = |sort| EventFilter {
        limit: Some(1),
        after: None,
        sort,
        ..filter.clone()
    };
    // Undated events sort first oldest-first: count them until the first dated one, the
    // earliest date (one row when there are none, as usual).
    let mut undated = 0;
    let mut f = one(rasd_store::Sort::DateAsc);
    let first = 'scan: loop {
        let page = store.events(&f)?;
        for e in &page.events {
            match e.event.event_date {
                Some(d) => break 'scan d,
                None => undated += 1,
            }
        }
        match page.next {
            Some(c) => {
                f.after = Some(c);
                f.limit = Some(PAGE);
            }
            None => return Ok((None, undated)),
        }
    };
    let last = store
        .events(&one(rasd_store::Sort::DateDesc))?
        .events
        .first()
        .and_then(|e| e.event.event_date)
        .unwrap_or(first);
    Ok((Some((first, last)), undated))
}

/// Every stored event matching `filter`, in date order, read in parallel: the date span is cut
/// into slices, each paged through on its own read-only connection (SQLite decoding, not the
/// disk, is the cost: ~5 µs an event on one core), and the slices are joined in order.
/// Concurrent writers may add events while slices are read; each slice is one consistent
/// snapshot per page.
pub fn load_parallel(db: &Path, filter: &EventFilter) -> Result<Loaded> {
    let t = Instant::now();
    let store = open_for_reading(db)?;
    let (span, undated) = date_span(&store, filter)?;
    let Some((first, last)) = span else {
        return Ok(Loaded {
            rows: Vec::new(),
            undated,
            secs: t.elapsed().as_secs_f64(),
        });
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let days = (last - first).num_days() + 1;
    let n_slices = if threads == 1 {
        1
    } else {
        (threads * 4).min(days as usize)
    };
    let bounds: Vec<(NaiveDate, NaiveDate)> = (0..n_slices as i64)
        .map(|k| {
            let a = first + chrono::Days::new((days * k / n_slices as i64) as u64);
            let b = first + chrono::Days::new((days * (k + 1) / n_slices as i64 - 1) as u64);
            (a, b)
        })
        .collect();
    // Workers take slices in date order and send each back; this thread appends them in
    // order as they arrive, so few finished slices wait and memory stays near one copy.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut first_conn = Some(store);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<Vec<EventRow>>)>();
    let mut rows: Vec<EventRow> = Vec::new();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads.min(n_slices) {
            let (next, bounds, tx) = (&next, &bounds, tx.clone());
            // The first worker takes the open connection; the others open their own.
            let mine = first_conn.take();
            scope.spawn(move || {
                let conn = match mine {
                    Some(c) => Ok(c),
                    None => rasd_store::SqliteStore::open_read_only(db)
                        .with_context(|| format!("opening the event store {}", db.display())),
                };
                loop {
                    let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(a, b)) = bounds.get(k) else {
                        break;
                    };
                    let f = EventFilter {
                        from: Some(filter.from.map_or(a, |x| x.max(a))),
                        to: Some(filter.to.map_or(b, |x| x.min(b))),
                        ..filter.clone()
                    };
                    let part = match &conn {
                        Ok(c) => {
                            let mut part = Vec::new();
                            load_into(c, &f, &mut part).map(|_| part)
                        }
                        Err(e) => Err(anyhow::anyhow!("{e:#}")),
                    };
                    if tx.send((k, part)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        for (k, part) in rx {
            pending.insert(k, part?);
            while let Some(mut part) = pending.remove(&want) {
                rows.reserve_exact(part.len());
                rows.append(&mut part);
                want += 1;
            }
        }
        Ok(())
    })?;
    Ok(Loaded {
        rows,
        undated,
        secs: t.elapsed().as_secs_f64(),
    })
}

/// The outlets of a store `source` field (`"RFI; Studio Tamani"`), distinct, in order.
fn source_names(source: Option<&str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for s in source.unwrap_or_default().split(';') {
        let s = s.trim();
        if !s.is_empty() && !names.iter().any(|n| n == s) {
            names.push(s.to_string());
        }
    }
    names
}

/// A stored event as a row, moving its strings; `None` when it has no date.
fn to_row(s: StoredEvent) -> Option<EventRow> {
    let e = s.event;
    let event_date = e.event_date?;
    let source_names = source_names(s.source.as_deref());
    // Rasd events count their documents; ACLED rows (source_count 0) their named outlets.
    let sources = (s.source_count as usize).max(source_names.len()).max(1) as u32;
    Some(EventRow {
        id: s.id.0,
        event_date,
        event_type: e.event_type,
        sub_event_type: e.sub_event_type,
        actor1: e.actor1,
        assoc_actor_1: e.assoc_actor_1,
        actor2: e.actor2,
        assoc_actor_2: e.assoc_actor_2,
        inter1: e.inter1,
        inter2: e.inter2,
        country: e.country,
        admin1: e.admin1,
        admin2: e.admin2,
        location: e.location,
        latitude: e.latitude,
        longitude: e.longitude,
        fatalities: e.fatalities.unwrap_or(0),
        tags: e.tags,
        notes: s.notes,
        sources,
        source_names,
    })
}

/// Open the store and load; prints the count and time on stderr (stdout stays data).
pub fn load(db: &Path, filter: &EventFilter) -> Result<Loaded> {
    let loaded = load_parallel(db, filter)?;
    eprintln!(
        "loaded {} events in {:.2} s{}",
        loaded.rows.len(),
        loaded.secs,
        if loaded.undated > 0 {
            format!(" ({} undated events left out)", loaded.undated)
        } else {
            String::new()
        }
    );
    Ok(loaded)
}

// ---------------------------------------------------------------------------------------------
// Small formatting helpers

/// A cell cut to `width` characters (with `…`), padded to `width`.
fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Event ids, the first `max` then `(+N more)`.
fn ids(list: &[i64], max: usize) -> String {
    let mut s: Vec<String> = list.iter().take(max).map(i64::to_string).collect();
    if list.len() > max {
        s.push(format!("(+{} more)", list.len() - max));
    }
    s.join(",")
}

/// Width of a column holding these labels, between `min` and `max`.
fn width<'a>(labels: impl Iterator<Item = &'a str>, min: usize, max: usize) -> usize {
    labels
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(min, max)
}

/// A short actor label for tables: the part before a colon, for each side of an ACLED
/// "and/or" name ("JNIM and/or Islamic State (Greater Sahara)"); JSON keeps full names.
fn short(name: &str) -> String {
    name.split(" and/or ")
        .map(rasd_analytics::short_name)
        .collect::<Vec<_>>()
        .join(" and/or ")
}

/// A probability without trailing zeros (`0.01`).
fn prob(p: f64) -> String {
    let s = format!("{p:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Snake-case key of an event type (`explosions_remote_violence`).
fn type_key(t: EventType) -> String {
    t.as_acled().to_ascii_lowercase().replace(['/', ' '], "_")
}

// ---------------------------------------------------------------------------------------------
// rasd series

fn bucket_label(interval: Interval, start: NaiveDate) -> String {
    match interval {
        Interval::Day => start.to_string(),
        Interval::Week => iso_week_label(start),
        Interval::Month => format!("{}-{:02}", start.year(), start.month()),
    }
}

pub fn series(
    db: &Path,
    args: &FilterArgs,
    interval: IntervalArg,
    format: SeriesFormat,
) -> Result<ExitCode> {
    let filter = match store_filter("series", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    // The store applied the scope; the date bounds also fix the zero-filled bucket range.
    let bounds = Filter {
        from: args.from,
        to: args.to,
        ..Default::default()
    };
    let s = table.series(&bounds, interval.interval());
    write_series(&s, format)?;
    Ok(ExitCode::SUCCESS)
}

fn write_series(s: &Series, format: SeriesFormat) -> Result<()> {
    let mut out = stdout();
    let types = EventType::ALL;
    match format {
        SeriesFormat::Json => {
            let buckets: Vec<serde_json::Value> = s
                .buckets
                .iter()
                .map(|b| {
                    let by_type: serde_json::Map<String, serde_json::Value> = types
                        .iter()
                        .map(|&t| (t.as_acled().to_string(), json!(b.of_type(t))))
                        .collect();
                    json!({
                        "period": bucket_label(s.interval, b.start),
                        "start": b.start,
                        "events": b.events,
                        "fatalities": b.fatalities,
                        "violent": b.violent,
                        "by_type": by_type,
                        "sources": b.sources,
                        "multi_source": b.multi_source,
                    })
                })
                .collect();
            let v = json!({
                "interval": s.interval,
                "events": s.events(),
                "fatalities": s.fatalities(),
                "buckets": buckets,
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        SeriesFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let mut head = vec![
                "period".to_string(),
                "start".into(),
                "events".into(),
                "fatalities".into(),
                "violent".into(),
            ];
            head.extend(types.iter().map(|&t| type_key(t)));
            head.extend(["sources".to_string(), "multi_source".into()]);
            w.write_record(&head)?;
            for b in &s.buckets {
                let mut r = vec![
                    bucket_label(s.interval, b.start),
                    b.start.to_string(),
                    b.events.to_string(),
                    b.fatalities.to_string(),
                    b.violent.to_string(),
                ];
                r.extend(types.iter().map(|&t| b.of_type(t).to_string()));
                r.extend([b.sources.to_string(), b.multi_source.to_string()]);
                w.write_record(&r)?;
            }
            w.flush()?;
        }
        SeriesFormat::Table => {
            let short = ["battles", "explos", "vac", "protest", "riots", "strat"];
            let mut head = format!(
                "{:<10} {:>7} {:>7} {:>7}",
                "period", "events", "fatal", "violent"
            );
            for h in short {
                head.push_str(&format!(" {h:>7}"));
            }
            head.push_str(&format!(" {:>7} {:>7}", "sources", "multi"));
            writeln!(out, "{head}")?;
            for b in &s.buckets {
                let mut line = format!(
                    "{:<10} {:>7} {:>7} {:>7}",
                    bucket_label(s.interval, b.start),
                    b.events,
                    b.fatalities,
                    b.violent
                );
                for &t in &types {
                    line.push_str(&format!(" {:>7}", b.of_type(t)));
                }
                line.push_str(&format!(" {:>7} {:>7}", b.sources, b.multi_source));
                writeln!(out, "{line}")?;
            }
            writeln!(
                out,
                "total      {:>7} {:>7}   (sources: distinct outlets per bucket; multi: events reported by more than one)",
                s.events(),
                s.fatalities()
            )?;
            out.flush()?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// rasd warn

/// Parameters of `rasd warn` besides the filters.
pub struct WarnArgs {
    pub level: WarnLevel,
    pub threshold: f64,
    pub spread_months: u32,
    pub format: Format,
}

/// Load everything up to `--to` (the baselines need the weeks before `--from`).
fn history_filter(command: &str, args: &FilterArgs) -> Result<EventFilter, ExitCode> {
    let mut f = store_filter(command, args)?;
    f.from = None;
    Ok(f)
}

fn warning_config(level: Option<WarnLevel>, threshold: f64, args: &FilterArgs) -> WarningConfig {
    WarningConfig {
        threshold,
        admin1: level == Some(WarnLevel::Admin1),
        admin2: level == Some(WarnLevel::Admin2),
        actors: level == Some(WarnLevel::Actor),
        from: args.from,
        to: args.to,
        ..Default::default()
    }
}

pub fn warn(db: &Path, args: &FilterArgs, w: &WarnArgs) -> Result<ExitCode> {
    let filter = match history_filter("warn", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    let cfg = WarningConfig {
        spread_months: w.spread_months,
        ..warning_config(Some(w.level), w.threshold, args)
    };
    let warnings = table.early_warning(&cfg);
    match w.format {
        Format::Json => {
            let v = json!({
                "level": scope_name(scope_of(w.level)),
                "threshold": cfg.threshold,
                "from": args.from,
                "to": args.to,
                "spread_months": cfg.spread_months,
                "monitored": warnings.monitored.len(),
                "flags": warnings.flags,
                "spread": warnings.spread,
            });
            let mut out = stdout();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Table => write_warnings(&warnings, &cfg, w.level)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn scope_of(level: WarnLevel) -> Scope {
    match level {
        WarnLevel::Admin1 => Scope::Admin1,
        WarnLevel::Admin2 => Scope::Admin2,
        WarnLevel::Actor => Scope::Actor,
    }
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Admin1 => "admin1",
        Scope::Admin2 => "admin2",
        Scope::Actor => "actor",
    }
}

fn metric_name(m: Metric) -> &'static str {
    match m {
        Metric::Events => "events",
        Metric::Fatalities => "fatalities",
        Metric::BuildUp => "build-up",
    }
}

fn write_warnings(w: &Warnings, cfg: &WarningConfig, level: WarnLevel) -> Result<()> {
    let mut out = stdout();
    let mut areas: Vec<&str> = w.flags.iter().map(|f| f.area.as_str()).collect();
    areas.sort_unstable();
    areas.dedup();
    writeln!(
        out,
        "early-warning flags by {} (threshold {} = p <= {}; violent events and fatalities per ISO week \
         against the area's own past weeks){}: {} flags in {} of {} monitored",
        scope_name(scope_of(level)),
        cfg.threshold,
        prob(10f64.powf(-cfg.threshold)),
        match (cfg.from, cfg.to) {
            (None, None) => String::new(),
            (f, t) => format!(
                ", weeks {} .. {}",
                f.map_or("start".into(), iso_week_label),
                t.map_or("end".into(), iso_week_label)
            ),
        },
        w.flags.len(),
        areas.len(),
        w.monitored.len()
    )?;
    if !w.flags.is_empty() {
        let aw = width(w.flags.iter().map(|f| f.area.as_str()), 4, 48);
        writeln!(
            out,
            "{:<8}  {} {:<10} {:>8} {:>8} {:>6}  event ids",
            "week",
            cell("area", aw),
            "metric",
            "observed",
            "expected",
            "score"
        )?;
        for f in &w.flags {
            write_flag(&mut out, f, aw)?;
        }
    }
    writeln!(
        out,
        "\nnew spread (an armed group's first event in a district after {} months without one): {}",
        cfg.spread_months,
        w.spread.len()
    )?;
    if !w.spread.is_empty() {
        let names: Vec<String> = w.spread.iter().map(|s| short(&s.actor)).collect();
        let aw = width(names.iter().map(String::as_str), 5, 40);
        writeln!(
            out,
            "{:<10}  {} {:<44} {:<10}  event ids",
            "date",
            cell("actor", aw),
            "area",
            "previous"
        )?;
        for s in &w.spread {
            write_spread(&mut out, s, aw)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_flag(out: &mut impl Write, f: &Flag, aw: usize) -> io::Result<()> {
    writeln!(
        out,
        "{:<8}  {} {:<10} {:>8} {:>8.2} {:>6.2}  {}",
        f.week,
        cell(&f.area, aw),
        metric_name(f.metric),
        f.observed,
        f.expected,
        f.score,
        ids(&f.event_ids, 12)
    )
}

fn write_spread(out: &mut impl Write, s: &Spread, aw: usize) -> io::Result<()> {
    writeln!(
        out,
        "{:<10}  {} {} {:<10}  {}",
        s.date,
        cell(&short(&s.actor), aw),
        cell(&s.area.label(), 44),
        s.previous.map_or("never".to_string(), |d| d.to_string()),
        ids(&s.event_ids, 12)
    )
}

// ---------------------------------------------------------------------------------------------
// rasd control

pub fn control(
    db: &Path,
    args: &FilterArgs,
    month: Option<NaiveDate>,
    format: Format,
) -> Result<ExitCode> {
    if month.is_some() && (args.from.is_some() || args.to.is_some()) {
        return Ok(usage(
            "control",
            "give either --month or --from/--to, not both",
        ));
    }
    let mut filter = match history_filter("control", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    // The months shown: --month, else --from..--to, else the last month with events.
    let month_end = |m: NaiveDate| {
        m.checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(m)
    };
    let (from, to) = match month {
        Some(m) => (Some(m), Some(month_end(m))),
        None => (args.from, args.to),
    };
    filter.to = to;
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    let (from, to) = match (month, from, table.date_range()) {
        (None, None, Some((_, last))) if to.is_none() => {
            let m = last.with_day(1).unwrap_or(last);
            (Some(m), Some(last))
        }
        _ => (from, to),
    };
    let cells = table.control_between(&ControlConfig::default(), from, to);
    let note = "indicator built from reported events: who acts where, weighted by what the events \
                reveal about control (territory taken or retaken, bases, blockades, taxation, \
                governance, state operations); not a map of control, and absence of reports is \
                not absence of control";
    match format {
        Format::Json => {
            let v = json!({
                "indicator": "territorial control / influence",
                "note": note,
                "from": from,
                "to": to,
                "cells": cells,
            });
            let mut out = stdout();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Table => write_control(&cells, note, from, to)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn month_label(d: NaiveDate) -> String {
    format!("{}-{:02}", d.year(), d.month())
}

fn write_control(
    cells: &[ControlCell],
    note: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<()> {
    let mut out = stdout();
    // Districts whose scores have all decayed away and that had no event that month say
    // nothing; JSON keeps them.
    let silent = cells
        .iter()
        .filter(|c| c.scores.is_empty() && c.contributions.is_empty())
        .count();
    let cells: Vec<&ControlCell> = cells
        .iter()
        .filter(|c| !c.scores.is_empty() || !c.contributions.is_empty())
        .collect();
    writeln!(
        out,
        "TERRITORIAL CONTROL / INFLUENCE INDICATOR per district and month, {} .. {} ({} district-months; {} without any signal not shown)",
        from.map_or("start".into(), month_label),
        to.map_or("end".into(), month_label),
        cells.len(),
        silent
    )?;
    writeln!(out, "({note})")?;
    if cells.is_empty() {
        out.flush()?;
        return Ok(());
    }
    let labels: Vec<String> = cells.iter().map(|c| c.area.label()).collect();
    let aw = width(labels.iter().map(String::as_str), 4, 44);
    writeln!(
        out,
        "{} {:<7}  {:<24} {:<40}  contributing events (id reason weight)",
        cell("area", aw),
        "month",
        "indicator label",
        "scores"
    )?;
    for (c, label) in cells.iter().zip(&labels) {
        let scores: Vec<String> = c
            .scores
            .iter()
            .take(3)
            .map(|s| format!("{} {:.1}", short(&s.actor), s.score))
            .collect();
        let contrib: Vec<String> = c
            .contributions
            .iter()
            .take(6)
            .map(|k| {
                let reason = serde_json::to_value(k.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                format!("{} {} {:+.2}", k.event_id, reason, k.weight)
            })
            .collect();
        let more = c.contributions.len().saturating_sub(6);
        writeln!(
            out,
            "{} {:<7}  {:<24} {}  {}{}",
            cell(label, aw),
            month_label(c.month),
            cell(&c.label.to_string(), 24),
            cell(&scores.join(", "), 40),
            contrib.join("; "),
            if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            }
        )?;
    }
    out.flush()?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// rasd capabilities

fn period_label(period: Period, d: NaiveDate) -> String {
    match period {
        Period::Month => month_label(d),
        Period::Quarter => quarter_label(d),
    }
}

fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

pub fn capabilities(
    db: &Path,
    args: &FilterArgs,
    period: PeriodArg,
    format: Format,
) -> Result<ExitCode> {
    let filter = match history_filter("capabilities", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    let cfg = CapabilityConfig {
        period: match period {
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
        },
        ..Default::default()
    };
    let mut caps = table.capabilities(&cfg);
    // Counts of the periods asked for; first-seen dates over all history, listed when they
    // fall in the window (a capability "first seen" in the window is new then).
    let period_start = |d: NaiveDate| match cfg.period {
        Period::Month => d.with_day(1).unwrap_or(d),
        Period::Quarter => {
            NaiveDate::from_ymd_opt(d.year(), d.month0() / 3 * 3 + 1, 1).unwrap_or(d)
        }
    };
    let actor = args.actor.as_deref().map(fold);
    let actor_ok = |name: &str| actor.as_ref().is_none_or(|a| fold(name).contains(a));
    caps.rows.retain(|r| {
        args.from.is_none_or(|f| r.period_start >= period_start(f)) && actor_ok(&r.actor)
    });
    caps.first_seen
        .retain(|s| args.from.is_none_or(|f| s.date >= f) && actor_ok(&s.actor));
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = caps
                .rows
                .iter()
                .map(|r| {
                    let counts: serde_json::Map<String, serde_json::Value> = Capability::ALL
                        .iter()
                        .map(|&c| (c.key().to_string(), json!(r.count(c))))
                        .collect();
                    json!({
                        "actor": r.actor,
                        "period": period_label(cfg.period, r.period_start),
                        "period_start": r.period_start,
                        "counts": counts,
                    })
                })
                .collect();
            let v = json!({
                "period": cfg.period,
                "rows": rows,
                "first_seen": caps.first_seen,
            });
            let mut out = stdout();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Table => write_capabilities(&caps)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Column headers of the capability table, in [`Capability::ALL`] order.
const CAP_HEADS: [&str; 10] = [
    "drone", "sdrone", "ied", "vbied", "suicide", "shell", "kidnap", "kid-for", "base", "convoy",
];

fn write_capabilities(caps: &Capabilities) -> Result<()> {
    let mut out = stdout();
    writeln!(
        out,
        "capabilities and tactics per actor (actor1 of each event) and {}; drone = armed drone, \
         sdrone = surveillance drone, kid-for = kidnappings of foreigners (also in kidnap), \
         base = complex attacks on bases, convoy = attacks on convoys and roads",
        match caps.period {
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    )?;
    let names: Vec<String> = caps.rows.iter().map(|r| short(&r.actor)).collect();
    let aw = width(names.iter().map(String::as_str), 5, 48);
    let mut head = format!("{} {:<8}", cell("actor", aw), "period");
    for h in CAP_HEADS {
        head.push_str(&format!(" {h:>7}"));
    }
    writeln!(out, "{head}")?;
    for (r, name) in caps.rows.iter().zip(&names) {
        let mut line = format!(
            "{} {:<8}",
            cell(name, aw),
            period_label(caps.period, r.period_start)
        );
        for c in Capability::ALL {
            let n = r.count(c);
            if n == 0 {
                line.push_str(&format!(" {:>7}", "."));
            } else {
                line.push_str(&format!(" {n:>7}"));
            }
        }
        writeln!(out, "{line}")?;
    }
    writeln!(out, "\nfirst seen ({}):", caps.first_seen.len())?;
    let first: Vec<String> = caps.first_seen.iter().map(|s| short(&s.actor)).collect();
    let fw = width(first.iter().map(String::as_str), 5, 48);
    for (s, name) in caps.first_seen.iter().zip(&first) {
        writeln!(
            out,
            "{:<10}  {} {:<22} event {:<8} {}",
            s.date,
            cell(name, fw),
            s.capability.key(),
            s.event_id,
            s.area.as_deref().unwrap_or("")
        )?;
    }
    out.flush()?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// rasd backtest

/// Parameters of `rasd backtest` besides the filters.
pub struct BacktestArgs<'a> {
    pub episodes: &'a Path,
    pub level: AreaLevel,
    pub threshold: f64,
    pub max_lead_weeks: u32,
    pub format: Format,
}

/// One line of the episodes file: the area as written and the peak week's Monday.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeLine {
    pub line: u64,
    pub area: String,
    pub peak: NaiveDate,
}

/// `2019-03-23` (any day of the peak week) or the ISO week `2019-W12` (its Monday).
pub fn parse_peak(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let (y, w) = s.split_once(['-', ' '])?;
    let w = w.trim_start_matches(['W', 'w']);
    NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)
}

/// Read `area,peak_week` lines (a header line and `#` comments allowed).
pub fn read_episodes(path: &Path) -> Result<Vec<EpisodeLine>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the episodes file {}", path.display()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("{}: not CSV", path.display()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let area = rec.get(0).unwrap_or_default();
        let peak = rec.get(1).unwrap_or_default();
        if area.is_empty() && peak.is_empty() {
            continue;
        }
        if out.is_empty() && area.eq_ignore_ascii_case("area") {
            continue; // the header
        }
        let Some(peak) = parse_peak(peak) else {
            anyhow::bail!(
                "{}:{line}: peak week `{peak}` is neither YYYY-MM-DD nor YYYY-Www",
                path.display()
            );
        };
        if area.is_empty() {
            anyhow::bail!("{}:{line}: no area", path.display());
        }
        out.push(EpisodeLine {
            line,
            area: area.to_string(),
            peak,
        });
    }
    Ok(out)
}

/// The area labels (as flags spell them) that a written area names: `Bankass`,
/// `Mopti / Bankass` or `Mali / Mopti / Bankass`, compared case- and accent-insensitively from
/// the most specific part.
fn resolve_area<'a>(written: &str, labels: &'a [String]) -> Vec<&'a str> {
    let want: Vec<String> = written.split('/').map(fold).collect();
    labels
        .iter()
        .filter(|l| {
            let have: Vec<String> = l.split(" / ").map(fold).collect();
            have.len() >= want.len() && have[have.len() - want.len()..] == want[..]
        })
        .map(String::as_str)
        .collect()
}

pub fn backtest_cmd(db: &Path, args: &FilterArgs, b: &BacktestArgs<'_>) -> Result<ExitCode> {
    let filter = match history_filter("backtest", args) {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let lines = read_episodes(b.episodes)?;
    if lines.is_empty() {
        return Ok(usage(
            "backtest",
            &format!("{} lists no episodes", b.episodes.display()),
        ));
    }
    let loaded = load(db, &filter)?;
    let table = EventTable::new(&loaded.rows);
    let level = match b.level {
        AreaLevel::Admin1 => WarnLevel::Admin1,
        AreaLevel::Admin2 => WarnLevel::Admin2,
    };
    let labels: Vec<String> = match b.level {
        AreaLevel::Admin1 => table.admin1_areas().iter().map(|a| a.label()).collect(),
        AreaLevel::Admin2 => table.admin2_areas().iter().map(|a| a.label()).collect(),
    };
    let mut episodes = Vec::new();
    let mut skipped = 0;
    for e in &lines {
        match resolve_area(&e.area, &labels)[..] {
            [one] => episodes.push(Episode {
                area: one.to_string(),
                peak: e.peak,
            }),
            [] => {
                skipped += 1;
                eprintln!(
                    "{}:{}: no {} area `{}` among the stored events: episode skipped",
                    b.episodes.display(),
                    e.line,
                    scope_name(scope_of(level)),
                    e.area
                );
            }
            ref many => {
                skipped += 1;
                eprintln!(
                    "{}:{}: `{}` names {} areas ({}): write it as Country / Admin1{}; episode skipped",
                    b.episodes.display(),
                    e.line,
                    e.area,
                    many.len(),
                    many.join("; "),
                    if b.level == AreaLevel::Admin2 {
                        " / Admin2"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    // One pass over all weeks is the week-by-week run: each week's flag uses earlier weeks
    // only (the library's no-look-ahead rule), so later events never change it.
    let cfg = warning_config(Some(level), b.threshold, args);
    let warnings = table.early_warning(&cfg);
    let bcfg = BacktestConfig {
        max_lead_weeks: b.max_lead_weeks,
        scope: scope_of(level),
        ..Default::default()
    };
    let report = backtest(&warnings, &episodes, &bcfg);
    match b.format {
        Format::Json => {
            let v = json!({
                "level": scope_name(scope_of(level)),
                "threshold": b.threshold,
                "max_lead_weeks": b.max_lead_weeks,
                "after_weeks": bcfg.after_weeks,
                "skipped_episodes": skipped,
                "report": report,
            });
            let mut out = stdout();
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        Format::Table => write_backtest(&report, b, &bcfg)?,
    }
    Ok(if skipped > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_backtest(r: &BacktestReport, b: &BacktestArgs<'_>, cfg: &BacktestConfig) -> Result<()> {
    let mut out = stdout();
    writeln!(
        out,
        "back-test of the early warning ({} flags, threshold {}; a flag from {} weeks before to {} week after a peak warns of it)",
        scope_name(cfg.scope),
        b.threshold,
        cfg.max_lead_weeks,
        cfg.after_weeks
    )?;
    let aw = width(r.episodes.iter().map(|e| e.episode.area.as_str()), 4, 48);
    writeln!(
        out,
        "{} {:<10} {:<9} {:<10} {:>10} {:>8}",
        cell("area", aw),
        "peak week",
        "result",
        "first flag",
        "lead weeks",
        "flagged"
    )?;
    for e in &r.episodes {
        writeln!(
            out,
            "{} {:<10} {:<9} {:<10} {:>10} {:>8}",
            cell(&e.episode.area, aw),
            iso_week_label(e.episode.peak),
            if e.first_flag.is_some() {
                "detected"
            } else {
                "missed"
            },
            e.first_flag.map_or("-".into(), iso_week_label),
            e.lead_weeks.map_or("-".into(), |l| l.to_string()),
            e.flagged_weeks
        )?;
    }
    writeln!(
        out,
        "\ndetected {} of {} episodes; median lead {} weeks",
        r.detected,
        r.detected + r.missed,
        r.median_lead_weeks
            .map_or("-".into(), |m| format!("{m:.1}"))
    )?;
    writeln!(
        out,
        "false alarms (runs of flagged weeks outside every episode window): {} over {:.1} monitored area-years = {:.3} per area-year",
        r.false_alarms, r.area_years, r.false_alarms_per_area_year
    )?;
    writeln!(
        out,
        "  in the episodes' own areas: {:.3} per area-year over {:.1} area-years",
        r.episode_area_false_alarms_per_year, r.episode_area_years
    )?;
    writeln!(
        out,
        "  (every flag outside the listed episodes counts as false: list more episodes for a fairer rate)"
    )?;
    if !r.by_area.is_empty() {
        writeln!(out, "areas with the most false alarms:")?;
        for a in r.by_area.iter().take(10) {
            writeln!(
                out,
                "  {} {:>3} over {:.1} years",
                cell(&a.area, aw.max(30)),
                a.false_alarms,
                a.years
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// rasd bench analytics

/// `rasd bench analytics`: the library's synthetic workload (series and flags for every admin2
/// area), then a situation report of the last month built and rendered.
pub fn bench(events: usize) -> Result<ExitCode> {
    println!("analytics benchmark: {events} synthetic events over ten years, ~1,000 districts");
    let r = rasd_analytics::bench::run(events);
    println!("{r}");
    println!(
        "table            {:.0} ms\nadmin2 series    {:.0} ms\nadmin2 flags     {:.0} ms (with new spread)\n\
         series + flags   {:.0} ms (table included)\nall scopes       {:.0} ms (admin1, admin2, actors, spread)",
        r.table_ms, r.series_ms, r.flags_ms, r.total_ms, r.all_scopes_ms
    );
    println!(
        "injected spikes  {}/{} flagged in their week",
        r.spikes_found, r.spikes_injected
    );
    let (rows, _) = rasd_analytics::bench::synthetic(events, 42);
    let Some(last) = rows.iter().map(|r| r.event_date).max() else {
        return Ok(ExitCode::SUCCESS);
    };
    let from = last.with_day(1).unwrap_or(last);
    let t = Instant::now();
    let rep = rasd_analytics::SitRep::build(&rows, from, last, &Filter::default())?;
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let html = rep.to_html(rasd_analytics::Lang::Ar);
    let md = rep.to_markdown(rasd_analytics::Lang::Fr);
    let render_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "report           {build_ms:.0} ms to build ({from} .. {last}, {} events, {} flags), {render_ms:.0} ms to render (HTML {} kB, Markdown {} kB)",
        rep.events.current,
        rep.flags.len(),
        html.len() / 1000,
        md.len() / 1000
    );
    if let Some(m) = crate::bench_cmd::peak_memory_mb() {
        println!("peak memory      {m:.0} MB");
    }
    // A broken model must not look fast.
    anyhow::ensure!(
        r.series_events == r.events as u64 && r.spikes_found * 10 >= r.spikes_injected * 9,
        "the benchmark's checks failed: {r}"
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peak_weeks_parse_as_dates_or_iso_weeks() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(parse_peak("2019-03-23"), Some(d("2019-03-23")));
        assert_eq!(parse_peak("2019-W12"), Some(d("2019-03-18")));
        assert_eq!(parse_peak("2020-W01"), Some(d("2019-12-30")));
        assert_eq!(parse_peak("2019-W54"), None);
        assert_eq!(parse_peak("March 2019"), None);
    }

    #[test]
    fn areas_resolve_from_the_most_specific_part() {
        let labels: Vec<String> = [
            "Mali / Mopti / Bankass",
            "Mali / Mopti / Douentza",
            "Niger / Tillabéri / Ayorou",
            "Niger / Tahoua / Bankass",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            resolve_area("Douentza", &labels),
            ["Mali / Mopti / Douentza"]
        );
        assert_eq!(
            resolve_area("tillaberi/AYOROU", &labels),
            ["Niger / Tillabéri / Ayorou"]
        );
        assert_eq!(resolve_area("Bankass", &labels).len(), 2);
        assert_eq!(
            resolve_area("Mopti / Bankass", &labels),
            ["Mali / Mopti / Bankass"]
        );
        assert!(resolve_area("Gao", &labels).is_empty());
    }

    #[test]
    fn parallel_load_equals_one_sequential_pass_and_counts_undated_events() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rasd.db");
        let mut store = rasd_store::SqliteStore::open(&db).unwrap();
        let mut records = rasd_store::synthetic_acled(3_000, 0, 7);
        for r in records.iter_mut().step_by(500) {
            r.event.event_date = None;
        }
        store.import_acled(&records).unwrap();
        let sequential = |f: &EventFilter| {
            let mut rows = Vec::new();
            let undated = load_into(&store, f, &mut rows).unwrap();
            (rows.iter().map(|r| r.id).collect::<Vec<i64>>(), undated)
        };
        let all = EventFilter::default();
        let one = load_parallel(&db, &all).unwrap();
        let (ids, undated) = sequential(&all);
        assert_eq!((one.undated, undated), (6, 6));
        assert_eq!(one.rows.len(), 3_000 - 6);
        assert_eq!(one.rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
        assert!(one
            .rows
            .windows(2)
            .all(|w| w[0].event_date <= w[1].event_date));
        // With filters and date bounds that cut through the slices.
        let country = records[1].event.country.clone();
        let f = EventFilter {
            country,
            from: "2014-02-03".parse().ok(),
            to: "2019-11-30".parse().ok(),
            ..Default::default()
        };
        let some = load_parallel(&db, &f).unwrap();
        let (ids, undated) = sequential(&f);
        assert!(!ids.is_empty() && ids.len() < 3_000);
        assert_eq!(some.rows.iter().map(|r| r.id).collect::<Vec<_>>(), ids);
        assert_eq!((some.undated, undated), (0, 0));
        // Nothing matches: no rows, no error.
        let none = EventFilter {
            country: Some("Atlantis".into()),
            ..Default::default()
        };
        assert!(load_parallel(&db, &none).unwrap().rows.is_empty());
    }

    #[test]
    fn acled_source_fields_split_into_distinct_outlets() {
        assert_eq!(
            source_names(Some("RFI; Studio Tamani;RFI; ")),
            ["RFI", "Studio Tamani"]
        );
        assert!(source_names(None).is_empty());
    }
}
