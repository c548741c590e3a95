//! `/api/v1/analytics/*`: series, early-warning flags, the control indicator and actor
//! capabilities, computed by [`rasd_analytics`] over the events of the in-memory index.
//!
//! Each request selects its events with the index's matcher (the same filter semantics as
//! `/api/v1/events`, so the ids a flag names are exactly what the table shows when filtered by
//! `ids`), builds an [`EventTable`] over references to the index's rows and runs the same
//! library call as the matching `rasd` command (`series`, `warn`, `control`, `capabilities`)
//! on a blocking thread. Analyses that judge a period against its past (flags, control,
//! first-seen capabilities) select every event up to `to` and use `from` only for what they
//! report, as the CLI does; the series selects the same events and reads `from..=to` of them,
//! so the Analysis panel's four requests (sent at once) share one table, built by the first
//! (see [`AppState::table_slot`]). Answers are cached per query and data version, tables per
//! selection and data version.

use crate::index::EventIndex;
use crate::params::Query;
use crate::{AppState, Result, ServerError};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use rasd_analytics::{
    month_label, AreaKey, Capability, CapabilityConfig, ControlConfig, ControlLabel, EventTable,
    Filter, Flag, Interval, Metric, Period, WarningConfig,
};
use rasd_model::EventType;
use rasd_store::EventFilter;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

self_cell::self_cell!(
    /// An analytics table over the rows of one index, kept together (the table borrows the
    /// rows, so it lives as long as the index it was built from).
    pub(crate) struct SharedTable {
        owner: Arc<EventIndex>,
        #[covariant]
        dependent: EventTable,
    }
);

/// The analytics table of the events of `filter` (and `ids`) in the current index, shared:
/// the Analysis panel's requests (series, flags, control, capabilities) select the same events
/// at once, and the first to ask builds the table (on a blocking thread) while the others wait
/// for it. Kept per selection and data version (see [`AppState::table_slot`]).
async fn shared_table(
    state: &AppState,
    filter: &EventFilter,
    ids: Option<&[i64]>,
) -> Result<Arc<SharedTable>> {
    let index = state.fresh_index().await?;
    let slot = state.table_slot(crate::api::selection_key(filter, ids), index.data_version());
    slot.get_or_try_init(|| async {
        let sel = crate::api::select(state, &index, filter, ids).await?;
        crate::db::join(tokio::task::spawn_blocking(move || {
            Ok(Arc::new(SharedTable::new(index, |index| {
                let pick = index.analytics_pick(&sel);
                EventTable::from_codes(index.analytics_codes(), index.analytics_rows(), &pick)
            })))
        }))
        .await
    })
    .await
    .cloned()
}

/// Run `compute` on the (shared) analytics table of the events of `filter` (and `ids`), on a
/// blocking thread (the analyses use rayon). Returns the answer and the data version it was
/// computed from.
async fn analyse(
    state: &AppState,
    filter: &EventFilter,
    ids: Option<&[i64]>,
    compute: impl FnOnce(&EventTable<'_>) -> Value + Send + 'static,
) -> Result<(Value, i64)> {
    let table = shared_table(state, filter, ids).await?;
    crate::db::join(tokio::task::spawn_blocking(move || {
        Ok((
            compute(table.borrow_dependent()),
            table.borrow_owner().data_version(),
        ))
    }))
    .await
}

/// A cached JSON answer for the current data, or `None`.
async fn cached(state: &AppState, key: &str) -> Result<Option<Response>> {
    let version = state.fresh_index().await?.data_version();
    Ok(state.analytics_cached(key, version).map(json_response))
}

fn json_response(body: std::sync::Arc<Vec<u8>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.as_ref().clone(),
    )
        .into_response()
}

/// Serialise, cache under `key` for `version`, answer.
fn answer(state: &AppState, key: String, version: i64, v: &Value) -> Response {
    let body = std::sync::Arc::new(serde_json::to_vec(v).unwrap_or_default());
    state.analytics_store(key, version, std::sync::Arc::clone(&body));
    json_response(body)
}

/// The cache key of a request: the endpoint and its decoded parameters in order.
fn cache_key(endpoint: &str, raw: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.trim().to_owned()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    pairs.sort();
    format!("{endpoint}?{pairs:?}")
}

/// `YYYY-MM`, strict.
fn parse_month(name: &str, v: &str) -> Result<NaiveDate> {
    let b = v.as_bytes();
    let shape = b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| ServerError::bad(name, "expected a month YYYY-MM, e.g. 2019-03"))
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/analytics/series

/// `GET /api/v1/analytics/series`.
pub(crate) async fn series(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response> {
    let q = Query::parse(raw.as_deref(), true, &["interval"])?;
    let filter = q.filter()?;
    let ids = q.ids()?;
    let interval = match q.get("interval") {
        None => Interval::Week,
        Some(v) => match v {
            "day" => Interval::Day,
            "week" => Interval::Week,
            "month" => Interval::Month,
            _ => return Err(ServerError::bad("interval", "one of day, week, month")),
        },
    };
    let key = cache_key("series", raw.as_deref());
    if let Some(r) = cached(&state, &key).await? {
        return Ok(r);
    }
    let (from, to) = (filter.from, filter.to);
    // The table of every event up to `to`, as the flags and capabilities of the same filter
    // use (one table for the Analysis panel); the series reads `from..=to` of it.
    let history = EventFilter {
        from: None,
        ..filter
    };
    let (v, version) = analyse(&state, &history, ids.as_deref(), move |table| {
        let bounds = Filter {
            from,
            to,
            ..Default::default()
        };
        let s = table.series(&bounds, interval);
        // Source reports per bucket: each event counted once per document (Rasd) or named
        // outlet (ACLED) reporting it; and the distinct outlets of the period's events.
        let reports = table.source_reports(&bounds, interval);
        let buckets: Vec<Value> = s
            .buckets
            .iter()
            .map(|b| {
                let by_type: serde_json::Map<String, Value> = EventType::ALL
                    .iter()
                    .map(|&t| (t.as_acled().to_string(), json!(b.of_type(t))))
                    .collect();
                json!({
                    "period": interval.label(b.start),
                    "start": b.start,
                    "end": interval.bucket_end(b.start),
                    "events": b.events,
                    "fatalities": b.fatalities,
                    "violent": b.violent,
                    "by_type": by_type,
                    "sources": b.sources,
                    "multi_source": b.multi_source,
                    "reports": reports.of_bucket(b.start),
                })
            })
            .collect();
        json!({
            "interval": interval,
            "from": from,
            "to": to,
            "total": {
                "events": s.events(),
                "fatalities": s.fatalities(),
                "sources": reports.sources,
                "reports": reports.reports,
            },
            "note": "sources: distinct outlets named by the period's events; reports: each event \
                     counted once per document (or named outlet) reporting it; multi_source: events \
                     reported by more than one. More events with as many more sources or reports \
                     may be more reporting, not more violence.",
            "buckets": buckets,
        })
    })
    .await?;
    Ok(answer(&state, key, version, &v))
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/analytics/warnings

const WARNING_METHOD: &str = "Violent events (battles, explosions/remote violence, violence \
against civilians) and their fatalities per ISO week and area, each week against a baseline \
built only from earlier weeks: the mean of the area's previous 52 weeks (leaving out the 2 most \
recent), blended with the same weeks (±2) of the 2 previous years (seasonal weight 0.25), with \
over-dispersion phi = max(1, variance/mean); the observed count is scored by the upper tail of a \
negative binomial, score = -log10 P(Y >= observed). A week is flagged when the score reaches the \
threshold and the count reaches a floor (3 events, 10 deaths); build-up flags test 4-week \
blocks. New spread: an armed group's first event in a district after `spread_months` months \
without one. No look-ahead: later events never change an earlier flag.";

fn metric_name(m: Metric) -> &'static str {
    match m {
        Metric::Events => "events",
        Metric::Fatalities => "fatalities",
        Metric::BuildUp => "build_up",
    }
}

/// One sentence saying why a week was flagged.
fn explain(f: &Flag, cfg: &WarningConfig) -> String {
    let what = match f.metric {
        Metric::Events => format!("{} violent events in {}", f.observed, f.week),
        Metric::Fatalities => format!("{} deaths in violent events in {}", f.observed, f.week),
        Metric::BuildUp => format!(
            "{} violent events over the {} weeks ending {}",
            f.observed, cfg.build_up_weeks, f.week
        ),
    };
    format!(
        "{what}, against {:.2} expected from the area's own past (previous {} weeks and the same \
         season of the {} previous years); over-dispersion {:.2}; P(>= {}) = {:.1e}, score {:.2} \
         >= threshold {}",
        f.expected,
        cfg.window_weeks,
        cfg.seasonal_years,
        f.dispersion,
        f.observed,
        f.p_value,
        f.score,
        cfg.threshold
    )
}

fn area_json(a: &AreaKey) -> Value {
    json!({
        "label": a.label(),
        "country": a.country,
        "admin1": a.admin1,
        "admin2": a.admin2,
    })
}

/// `GET /api/v1/analytics/warnings`.
pub(crate) async fn warnings(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response> {
    let q = Query::parse(
        raw.as_deref(),
        true,
        &["level", "threshold", "spread_months", "limit"],
    )?;
    let filter = q.filter()?;
    let ids = q.ids()?;
    let level = q.get("level").unwrap_or("admin2");
    if !["admin1", "admin2", "actor"].contains(&level) {
        return Err(ServerError::bad("level", "one of admin1, admin2, actor"));
    }
    let threshold = q.number("threshold")?.unwrap_or(2.0);
    if threshold <= 0.0 {
        return Err(ServerError::bad(
            "threshold",
            "a positive number: -log10 p (2 = p <= 0.01)",
        ));
    }
    let spread_months = q.limit("spread_months", 12, 120)? as u32;
    let limit = q.limit("limit", 200, 5000)?;
    let key = cache_key("warnings", raw.as_deref());
    if let Some(r) = cached(&state, &key).await? {
        return Ok(r);
    }
    // Baselines need the weeks before `from`: select everything up to `to`.
    let history = EventFilter {
        from: None,
        ..filter.clone()
    };
    let level = level.to_owned();
    let (v, version) = analyse(&state, &history, ids.as_deref(), move |table| {
        let cfg = WarningConfig {
            threshold,
            spread_months,
            admin1: level == "admin1",
            admin2: level == "admin2",
            actors: level == "actor",
            from: filter.from,
            to: filter.to,
            ..Default::default()
        };
        let w = table.early_warning(&cfg);
        let areas: HashMap<String, &AreaKey> = table
            .admin1_areas()
            .iter()
            .chain(table.admin2_areas())
            .map(|a| (a.label(), a))
            .collect();
        let mut flags: Vec<&Flag> = w.flags.iter().collect();
        // Newest first, then the strongest.
        flags.sort_by(|a, b| {
            b.week_start
                .cmp(&a.week_start)
                .then(b.score.total_cmp(&a.score))
                .then(a.area.cmp(&b.area))
        });
        let total = flags.len();
        flags.truncate(limit);
        let flags: Vec<Value> = flags
            .iter()
            .map(|f| {
                let (from, to) = match f.metric {
                    Metric::BuildUp => (
                        f.week_start
                            - chrono::Days::new(7 * u64::from(cfg.build_up_weeks.max(1) - 1)),
                        f.week_start + chrono::Days::new(6),
                    ),
                    _ => (f.week_start, f.week_start + chrono::Days::new(6)),
                };
                json!({
                    "scope": f.scope,
                    "area": f.area,
                    "place": areas.get(&f.area).map(|a| area_json(a)),
                    "metric": metric_name(f.metric),
                    "week": f.week,
                    "week_start": f.week_start,
                    "from": from,
                    "to": to,
                    "observed": f.observed,
                    "expected": f.expected,
                    "dispersion": f.dispersion,
                    "p_value": f.p_value,
                    "score": f.score,
                    "explanation": explain(f, &cfg),
                    "event_ids": f.event_ids,
                })
            })
            .collect();
        let spread: Vec<Value> = w
            .spread
            .iter()
            .rev()
            .take(limit)
            .map(|s| {
                json!({
                    "actor": s.actor,
                    "area": s.area.label(),
                    "place": area_json(&s.area),
                    "date": s.date,
                    "previous": s.previous,
                    "explanation": match s.previous {
                        Some(p) => format!(
                            "first event of {} in {} since {p} (more than {} months without one)",
                            s.actor, s.area.label(), spread_months
                        ),
                        None => format!(
                            "first event of {} in {} on record (data cover at least {} months before)",
                            s.actor, s.area.label(), spread_months
                        ),
                    },
                    "event_ids": s.event_ids,
                })
            })
            .collect();
        json!({
            "level": level,
            "threshold": threshold,
            "spread_months": spread_months,
            "from": filter.from,
            "to": filter.to,
            "method": WARNING_METHOD,
            "monitored": w.monitored.len(),
            "total_flags": total,
            "flags": flags,
            "total_spread": w.spread.len(),
            "spread": spread,
        })
    })
    .await?;
    Ok(answer(&state, key, version, &v))
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/analytics/control

const CONTROL_NOTE: &str = "An indicator built from reported events, not a map of control: who \
acts where, weighted by what the events reveal about control (territory taken or retaken +3 / \
lost -1.5, bases established +2.5 or abandoned -2.5, blockades +1.5, taxation +2, governance +2, \
state-initiated battles +1, arrests +0.75, patrols +0.5, other violence an armed actor initiates \
+0.5), carried forward month to month with a decay of 0.8. A label names an actor holding at \
least 60% of the scores, 'contested' otherwise. Absence of reports is not absence of control.";

fn label_text(l: &ControlLabel) -> String {
    l.to_string()
}

/// `GET /api/v1/analytics/control`.
pub(crate) async fn control(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response> {
    let q = Query::parse(raw.as_deref(), true, &["month", "level"])?;
    for p in ["from", "to"] {
        if q.get(p).is_some() {
            return Err(ServerError::bad(
                p,
                "the control indicator is per month: give `month` (YYYY-MM) instead",
            ));
        }
    }
    let month = q
        .get("month")
        .map(|v| parse_month("month", v))
        .transpose()?;
    match q.get("level") {
        None | Some("admin2") => {}
        Some(_) => {
            return Err(ServerError::bad(
                "level",
                "the indicator is computed per admin2 area: `admin2`",
            ))
        }
    }
    let mut filter = q.filter()?;
    let ids = q.ids()?;
    let key = cache_key("control", raw.as_deref());
    if let Some(r) = cached(&state, &key).await? {
        return Ok(r);
    }
    // Scores carry forward from every earlier event; nothing after the month is read.
    filter.to = month.map(|m| Interval::Month.bucket_end(m));
    let (v, version) = analyse(&state, &filter, ids.as_deref(), move |table| {
        let range = table.date_range();
        let month = month.or(range.map(|r| r.1.with_day(1).unwrap_or(r.1)));
        let cells = match month {
            Some(m) => table.control_between(
                &ControlConfig::default(),
                Some(m),
                Some(Interval::Month.bucket_end(m)),
            ),
            None => Vec::new(),
        };
        let silent = cells
            .iter()
            .filter(|c| c.scores.is_empty() && c.contributions.is_empty())
            .count();
        let cells: Vec<Value> = cells
            .iter()
            .filter(|c| !c.scores.is_empty() || !c.contributions.is_empty())
            .map(|c| {
                let (kind, actor) = match &c.label {
                    ControlLabel::NoSignal => ("no_signal", None),
                    ControlLabel::Contested => ("contested", None),
                    ControlLabel::StateInfluence => ("state_influence", None),
                    ControlLabel::GroupInfluence(g) => ("group_influence", Some(g.clone())),
                };
                json!({
                    "area": c.area.label(),
                    "country": c.area.country,
                    "admin1": c.area.admin1,
                    "admin2": c.area.admin2,
                    "month": month_label(c.month),
                    "label": label_text(&c.label),
                    "label_kind": kind,
                    "label_actor": actor,
                    "dominant": c.dominant,
                    "scores": c.scores,
                    "total_score": c.scores.iter().map(|s| s.score).sum::<f64>(),
                    "violence_share": c.violence_share,
                    "inputs": c.contributions,
                })
            })
            .collect();
        json!({
            "indicator": "territorial control / influence indicator",
            "is_indicator": true,
            "note": CONTROL_NOTE,
            "level": "admin2",
            "month": month.map(month_label),
            "first_month": range.map(|r| month_label(r.0)),
            "last_month": range.map(|r| month_label(r.1)),
            "silent_areas": silent,
            "cells": cells,
        })
    })
    .await?;
    Ok(answer(&state, key, version, &v))
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/analytics/capabilities

/// What each capability key counts (the rules are in `rasd_analytics`'s capability module).
const CAPABILITY_HELP: [(&str, &str); 10] = [
    ("drone_armed", "armed drone strikes (a non-state air/drone strike, or a drone named in a violent event)"),
    ("drone_surveillance", "surveillance or reconnaissance drones"),
    ("ied", "IEDs, mines, explosive devices"),
    ("vbied", "vehicle-borne IEDs"),
    ("suicide", "suicide attacks"),
    ("shelling", "mortar, rocket, artillery and missile fire"),
    ("kidnapping", "kidnappings and forced disappearances"),
    ("kidnapping_foreigners", "kidnappings of foreigners (also counted in kidnapping)"),
    ("complex_attack_on_base", "complex attacks on military bases (non-state battles against state or foreign forces with 10+ deaths, or a complex / base cue)"),
    ("convoy_attack", "attacks on convoys, escorts, supply lines and roads"),
];

/// `GET /api/v1/analytics/capabilities`.
pub(crate) async fn capabilities(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response> {
    let q = Query::parse(raw.as_deref(), true, &["period", "limit"])?;
    let limit = q.limit("limit", 25, 1000)?;
    let filter = q.filter()?;
    let ids = q.ids()?;
    let period = match q.get("period") {
        None | Some("month") => Period::Month,
        Some("quarter") => Period::Quarter,
        Some(_) => return Err(ServerError::bad("period", "one of month, quarter")),
    };
    let key = cache_key("capabilities", raw.as_deref());
    if let Some(r) = cached(&state, &key).await? {
        return Ok(r);
    }
    // First-seen dates look at all history up to `to`.
    let history = EventFilter {
        from: None,
        ..filter.clone()
    };
    let (v, version) = analyse(&state, &history, ids.as_deref(), move |table| {
        let cfg = CapabilityConfig {
            period,
            ..Default::default()
        };
        let mut caps = table.capabilities(&cfg);
        // The rows selected are events the actor took part in; the capability is actor1's.
        let wanted = filter
            .actor
            .as_deref()
            .map(|a| rasd_text::normalize(a.trim()).as_str().to_owned());
        let actor_ok = |name: &str| {
            wanted
                .as_deref()
                .is_none_or(|a| rasd_text::normalize(name).as_str().contains(a))
        };
        let from = filter.from;
        caps.rows.retain(|r| {
            from.is_none_or(|f| r.period_start >= period.start(f)) && actor_ok(&r.actor)
        });
        caps.first_seen
            .retain(|s| from.is_none_or(|f| s.date >= f) && actor_ok(&s.actor));
        let label = |d: NaiveDate| period.label(d);
        let counts = |c: &rasd_analytics::CapabilityRow| -> serde_json::Map<String, Value> {
            Capability::ALL
                .iter()
                .map(|&k| (k.key().to_string(), json!(c.count(k))))
                .collect()
        };
        // Totals per actor, for choosing one.
        let mut per_actor: HashMap<&str, u32> = HashMap::new();
        for r in &caps.rows {
            *per_actor.entry(r.actor.as_str()).or_default() += r.counts.iter().sum::<u32>();
        }
        let mut actors: Vec<(String, u32)> = per_actor
            .into_iter()
            .map(|(a, n)| (a.to_owned(), n))
            .collect();
        actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // The `limit` actors showing the most capabilities.
        let total_actors = actors.len();
        actors.truncate(limit);
        let kept: std::collections::HashSet<&str> = actors.iter().map(|a| a.0.as_str()).collect();
        caps.rows.retain(|r| kept.contains(r.actor.as_str()));
        caps.first_seen.retain(|f| kept.contains(f.actor.as_str()));
        let out_rows: Vec<Value> = caps
            .rows
            .iter()
            .map(|r| {
                json!({
                    "actor": r.actor,
                    "period": label(r.period_start),
                    "period_start": r.period_start,
                    "counts": counts(r),
                })
            })
            .collect();
        json!({
            "period": period,
            "actor": filter.actor,
            "from": filter.from,
            "to": filter.to,
            "capabilities": CAPABILITY_HELP
                .iter()
                .map(|(k, d)| json!({"key": k, "description": d}))
                .collect::<Vec<_>>(),
            "total_actors": total_actors,
            "actors": actors
                .iter()
                .map(|(a, n)| json!({"actor": a, "events": n}))
                .collect::<Vec<_>>(),
            "rows": out_rows,
            "first_seen": caps.first_seen,
        })
    })
    .await?;
    Ok(answer(&state, key, version, &v))
}
