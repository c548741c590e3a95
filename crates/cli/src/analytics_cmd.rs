//! The analytics commands: `rasd series`, `rasd warn`, `rasd control`, `rasd capabilities` and
//! `rasd bench analytics` (the situation report is in `report_cmd`, the back-test in
//! `backtest_cmd`), with the argument types and table helpers they share.
//!
//! Each command loads the stored events that pass the usual filters (`rows::load`), builds one
//! [`EventTable`] and prints what the library computed: a table for people, JSON (and CSV for
//! series) for programs. The analyses that judge a period against its past (flags, new spread,
//! the control indicator, first-seen capabilities, reports) load every event **up to** `--to`
//! and apply `--from` to what they report, so a flag in the first reported week still has its
//! baseline.

use crate::rows::load;
use crate::store_cmd::{cell, FilterArgs, EXIT_USAGE};
use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rasd_analytics::{
    fold_name, iso_week_label, month_label, Capabilities, Capability, CapabilityConfig,
    ControlCell, ControlConfig, EventTable, Filter, Flag, Interval, Metric, Period, Scope, Series,
    Spread, WarningConfig, Warnings,
};
use rasd_model::EventType;
use rasd_store::EventFilter;
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

pub(crate) fn usage(command: &str, message: &str) -> ExitCode {
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
// Small formatting helpers

/// Event ids, the first `max` then `(+N more)`.
fn ids(list: &[i64], max: usize) -> String {
    let mut s: Vec<String> = list.iter().take(max).map(i64::to_string).collect();
    if list.len() > max {
        s.push(format!("(+{} more)", list.len() - max));
    }
    s.join(",")
}

/// Width of a column holding these labels, between `min` and `max`.
pub(crate) fn width<'a>(labels: impl Iterator<Item = &'a str>, min: usize, max: usize) -> usize {
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

pub(crate) fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Snake-case key of an event type (`explosions_remote_violence`).
fn type_key(t: EventType) -> String {
    t.as_acled().to_ascii_lowercase().replace(['/', ' '], "_")
}

// ---------------------------------------------------------------------------------------------
// rasd series

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
                        "period": s.interval.label(b.start),
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
                    s.interval.label(b.start),
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
                    s.interval.label(b.start),
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
pub(crate) fn history_filter(command: &str, args: &FilterArgs) -> Result<EventFilter, ExitCode> {
    let mut f = store_filter(command, args)?;
    f.from = None;
    Ok(f)
}

pub(crate) fn warning_config(
    level: Option<WarnLevel>,
    threshold: f64,
    args: &FilterArgs,
) -> WarningConfig {
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

pub(crate) fn scope_of(level: WarnLevel) -> Scope {
    match level {
        WarnLevel::Admin1 => Scope::Admin1,
        WarnLevel::Admin2 => Scope::Admin2,
        WarnLevel::Actor => Scope::Actor,
    }
}

pub(crate) fn scope_name(s: Scope) -> &'static str {
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
    // The months shown: --month, else --from..--to; without --from, the last month of the
    // range (of the data when there is no --to).
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
    let (from, to) = match (from, to.or(table.date_range().map(|r| r.1))) {
        (None, Some(end)) => (Some(end.with_day(1).unwrap_or(end)), Some(end)),
        range => range,
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
    let actor = args.actor.as_deref().map(fold_name);
    let actor_ok = |name: &str| actor.as_ref().is_none_or(|a| fold_name(name).contains(a));
    caps.rows.retain(|r| {
        args.from
            .is_none_or(|f| r.period_start >= cfg.period.start(f))
            && actor_ok(&r.actor)
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
                        "period": cfg.period.label(r.period_start),
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
            caps.period.label(r.period_start)
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
// rasd bench analytics

/// `rasd bench analytics`: the library's synthetic workload (series and flags for every admin2
/// area), then a situation report of the last month built and rendered.
pub fn bench(events: usize) -> Result<ExitCode> {
    let r = rasd_analytics::bench::run(events);
    println!(
        "analytics benchmark: {} synthetic events (ten years, spikes injected), {} districts x {} weeks, {} threads",
        r.events, r.admin2_areas, r.weeks, r.threads
    );
    println!(
        "table            {:.0} ms\nadmin2 series    {:.0} ms\nadmin2 flags     {:.0} ms ({} flags, with new spread)\n\
         series + flags   {:.0} ms (table included)\nall scopes       {:.0} ms (admin1, admin2, actors, spread)",
        r.table_ms, r.series_ms, r.flags_ms, r.admin2_flags, r.total_ms, r.all_scopes_ms
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
