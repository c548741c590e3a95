//! `/api/v1/analytics/*` driven in-process against a store of invented rows with known answers
//! (`common::analytics_acled`: a spike week in Bankass, a territory taken in Gourma-Rharous,
//! IEDs and a drone strike in Soum) beside the usual known events.
//!
//! Index:
//! - `series_counts_events_fatalities_and_sources`
//! - `known_spike_week_is_flagged_with_its_events`, `flag_events_filter_the_event_listing`
//! - `control_indicator_has_known_values_and_inputs`
//! - `capabilities_count_known_tactics`
//! - `bad_analytics_parameters_are_400_naming_the_parameter`
//! - `analytics_agree_with_the_library_on_the_same_rows`, `dated_series_agrees_with_the_library`
//! - `analysis_panel_at_once_answers_as_each_request_alone` (the shared table)
//! - `postgres::*`: the same on a PostgreSQL database (`RASD_TEST_PG`)

mod common;

use axum::http::StatusCode;
use common::*;
use rasd_store::Store;
use serde_json::Value;

fn fixture() -> Fixture {
    let fx = Fixture::with(false);
    fx.store().import_acled(&analytics_acled()).unwrap();
    fx
}

async fn ok(app: &axum::Router, uri: &str) -> Value {
    let a = get(app, uri).await;
    assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
    assert!(a
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json")));
    a.json()
}

/// Event ids by ACLED id (`AN-S0` ...).
fn acled_ids(fx: &Fixture, prefix: &str) -> Vec<i64> {
    let store = fx.store();
    let mut f = rasd_store::EventFilter {
        limit: Some(10_000),
        origin: Some(rasd_store::Origin::Acled),
        ..Default::default()
    };
    f.sort = rasd_store::Sort::DateAsc;
    let mut ids: Vec<i64> = store
        .events(&f)
        .unwrap()
        .events
        .into_iter()
        .filter(|e| {
            e.event_id_cnty
                .as_deref()
                .is_some_and(|c| c.starts_with(prefix))
        })
        .map(|e| e.id.0)
        .collect();
    ids.sort_unstable();
    ids
}

fn sorted_ids(v: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn series_counts_events_fatalities_and_sources() {
    let fx = fixture();
    let app = fx.app();
    // March 2019 in Bankass: only the nine attacks (the last clash was on 2019-02-11).
    let v = ok(
        &app,
        "/api/v1/analytics/series?interval=month&admin2=Bankass&from=2019-02-01&to=2019-03-31",
    )
    .await;
    assert_eq!(v["interval"], "month");
    let b = v["buckets"].as_array().unwrap();
    assert_eq!(b.len(), 2, "{v}");
    assert_eq!(b[0]["period"], "2019-02");
    assert_eq!(
        (b[0]["events"].as_u64(), b[0]["sources"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(b[1]["period"], "2019-03");
    assert_eq!(b[1]["start"], "2019-03-01");
    assert_eq!(b[1]["end"], "2019-03-31");
    assert_eq!(b[1]["events"], 9);
    assert_eq!(b[1]["fatalities"], 27);
    assert_eq!(b[1]["violent"], 9);
    assert_eq!(b[1]["by_type"]["Violence against civilians"], 9);
    // Two outlets, each event reported by both: 18 source reports, 9 multi-source events.
    assert_eq!(b[1]["sources"], 2);
    assert_eq!(b[1]["reports"], 18);
    assert_eq!(b[1]["multi_source"], 9);
    assert_eq!(v["total"]["events"], 10);
    assert_eq!(v["total"]["sources"], 2);

    // Weekly, zero-filled: 2019-W11 is empty, 2019-W12 holds the attacks.
    let v = ok(
        &app,
        "/api/v1/analytics/series?interval=week&admin2=Bankass&from=2019-03-11&to=2019-03-24",
    )
    .await;
    let b = v["buckets"].as_array().unwrap();
    let weeks: Vec<(&str, u64)> = b
        .iter()
        .map(|x| (x["period"].as_str().unwrap(), x["events"].as_u64().unwrap()))
        .collect();
    assert_eq!(weeks, [("2019-W11", 0), ("2019-W12", 9)]);

    // Days, and the other filters: an actor and a type.
    let v = ok(
        &app,
        "/api/v1/analytics/series?interval=day&actor=Dan%20Na&type=Violence%20against%20civilians",
    )
    .await;
    let b = v["buckets"].as_array().unwrap();
    assert_eq!(b.len(), 1);
    assert_eq!(
        (b[0]["period"].as_str(), b[0]["events"].as_u64()),
        (Some("2019-03-23"), Some(9))
    );
    // No match: no buckets, no error.
    let v = ok(&app, "/api/v1/analytics/series?country=Atlantis").await;
    assert_eq!(v["buckets"].as_array().unwrap().len(), 0);
    assert_eq!(v["total"]["events"], 0);
}

#[tokio::test]
async fn known_spike_week_is_flagged_with_its_events() {
    let fx = fixture();
    let app = fx.app();
    let spike = acled_ids(&fx, "AN-S");
    assert_eq!(spike.len(), 9);
    let v = ok(&app, "/api/v1/analytics/warnings?level=admin2").await;
    assert_eq!(v["level"], "admin2");
    assert!(v["method"].as_str().unwrap().contains("negative binomial"));
    let flags = v["flags"].as_array().unwrap();
    let f = flags
        .iter()
        .find(|f| f["area"] == "Mali / Mopti / Bankass" && f["metric"] == "events")
        .unwrap_or_else(|| panic!("no Bankass flag: {v}"));
    assert_eq!(f["week"], "2019-W12");
    assert_eq!(f["week_start"], "2019-03-18");
    assert_eq!(
        (f["from"].as_str(), f["to"].as_str()),
        (Some("2019-03-18"), Some("2019-03-24"))
    );
    assert_eq!(f["observed"], 9);
    assert!(f["expected"].as_f64().unwrap() < 1.5, "{f}");
    assert!(f["score"].as_f64().unwrap() >= 2.0, "{f}");
    let p = f["p_value"].as_f64().unwrap();
    assert!((f["score"].as_f64().unwrap() + p.log10()).abs() < 1e-6);
    assert_eq!(sorted_ids(&f["event_ids"]), spike);
    assert!(f["explanation"]
        .as_str()
        .unwrap()
        .contains("9 violent events in 2019-W12"));
    assert_eq!(f["place"]["admin2"], "Bankass");
    assert_eq!(f["place"]["admin1"], "Mopti");
    // No clash week of the regular two-year rhythm is flagged.
    assert!(
        flags
            .iter()
            .filter(|f| f["area"] == "Mali / Mopti / Bankass")
            .all(|f| f["week_start"].as_str().unwrap() >= "2019-03-18"),
        "{v}"
    );
    // New spread: Dan Na Ambassagou's first events in Bankass.
    let s = v["spread"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["actor"] == DAN_NA)
        .unwrap_or_else(|| panic!("no spread: {v}"));
    assert_eq!(s["area"], "Mali / Mopti / Bankass");
    assert_eq!(s["date"], "2019-03-23");
    assert_eq!(sorted_ids(&s["event_ids"]), spike);

    // `from`/`to` bound the weeks reported, not the baseline: the flag survives a window that
    // starts on the spike's week, and disappears from one that ends before it.
    let v = ok(
        &app,
        "/api/v1/analytics/warnings?from=2019-03-18&to=2019-03-31",
    )
    .await;
    assert!(v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["area"] == "Mali / Mopti / Bankass" && f["week"] == "2019-W12"));
    let v = ok(&app, "/api/v1/analytics/warnings?to=2019-03-17").await;
    assert!(!v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["area"] == "Mali / Mopti / Bankass"));
    // Regions: the same week in Mopti.
    let v = ok(&app, "/api/v1/analytics/warnings?level=admin1&country=Mali").await;
    assert!(v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["area"] == "Mali / Mopti" && f["week"] == "2019-W12" && f["scope"] == "admin1"));
    // A high threshold keeps only stronger flags; limit caps the list, not the count.
    let all = ok(&app, "/api/v1/analytics/warnings").await;
    let strict = ok(&app, "/api/v1/analytics/warnings?threshold=50").await;
    assert!(strict["total_flags"].as_u64() < all["total_flags"].as_u64());
    let one = ok(&app, "/api/v1/analytics/warnings?limit=1").await;
    assert_eq!(one["flags"].as_array().unwrap().len(), 1);
    assert_eq!(one["total_flags"], all["total_flags"]);
}

#[tokio::test]
async fn flag_events_filter_the_event_listing() {
    let fx = fixture();
    let app = fx.app();
    let spike = acled_ids(&fx, "AN-S");
    let list = spike
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    // Listing, paged by date through the index, then the aggregates and map of the same ids.
    let mut seen = Vec::new();
    let mut uri = format!("/api/v1/events?ids={list}&limit=4");
    loop {
        let v = ok(&app, &uri).await;
        assert_eq!(v["total"], 9);
        for e in v["events"].as_array().unwrap() {
            seen.push(e["id"].as_i64().unwrap());
        }
        match v["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/events?ids={list}&limit=4&cursor={}", enc(c)),
            None => break,
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, spike);
    let v = ok(&app, &format!("/api/v1/aggregates?by=admin2&ids={list}")).await;
    assert_eq!(v["total"]["events"], 9);
    assert_eq!(v["buckets"][0]["key"], "Bankass");
    let v = ok(&app, &format!("/api/v1/points?ids={list}&max=100")).await;
    assert_eq!(v["total"], 9);
    // Combined with another filter that excludes them: nothing.
    let v = ok(&app, &format!("/api/v1/events?ids={list}&country=Niger")).await;
    assert_eq!(v["total"], 0);
}

#[tokio::test]
async fn control_indicator_has_known_values_and_inputs() {
    let fx = fixture();
    let app = fx.app();
    let taken = acled_ids(&fx, "AN-C");
    let v = ok(&app, "/api/v1/analytics/control?month=2019-02&level=admin2").await;
    assert_eq!(v["is_indicator"], true);
    assert!(v["indicator"].as_str().unwrap().contains("indicator"));
    assert!(v["note"].as_str().unwrap().contains("not a map of control"));
    assert_eq!(v["month"], "2019-02");
    let cells = v["cells"].as_array().unwrap();
    let c = cells
        .iter()
        .find(|c| c["admin2"] == "Gourma-Rharous")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(c["month"], "2019-02");
    assert_eq!(c["label_kind"], "group_influence");
    assert_eq!(c["label_actor"], "JNIM");
    assert_eq!(c["label"], "JNIM influence");
    assert!(
        (c["total_score"].as_f64().unwrap() - 3.0).abs() < 1e-9,
        "{c}"
    );
    let inputs = c["inputs"].as_array().unwrap();
    assert!(inputs
        .iter()
        .any(|i| i["event_id"] == taken[0] && i["reason"] == "overtakes" && i["weight"] == 3.0));
    assert!(inputs.iter().all(|i| i["event_id"] == taken[0]));
    // The next month carries the score forward with the decay, without inputs.
    let v = ok(&app, "/api/v1/analytics/control?month=2019-03").await;
    let c = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["admin2"] == "Gourma-Rharous")
        .unwrap();
    assert!(
        (c["total_score"].as_f64().unwrap() - 2.4).abs() < 1e-9,
        "{c}"
    );
    assert!(c["inputs"].as_array().unwrap().is_empty());
    // Before the event: no cell for the district.
    let v = ok(&app, "/api/v1/analytics/control?month=2019-01").await;
    assert!(!v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["admin2"] == "Gourma-Rharous"));
    // Filters apply: only Burkina Faso, no Malian district.
    let v = ok(
        &app,
        "/api/v1/analytics/control?month=2019-03&country=Burkina%20Faso",
    )
    .await;
    assert!(v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["country"] == "Burkina Faso"));
    // Without a month: the last month of the data.
    let v = ok(&app, "/api/v1/analytics/control").await;
    assert_eq!(v["month"], v["last_month"].as_str().unwrap()[..7]);
}

#[tokio::test]
async fn capabilities_count_known_tactics() {
    let fx = fixture();
    let app = fx.app();
    let drone = acled_ids(&fx, "AN-K3");
    let v = ok(
        &app,
        "/api/v1/analytics/capabilities?actor=JNIM&period=month",
    )
    .await;
    assert_eq!(v["period"], "month");
    let rows = v["rows"].as_array().unwrap();
    let row = |p: &str| {
        rows.iter()
            .find(|r| r["period"] == p)
            .unwrap_or_else(|| panic!("no {p}: {v}"))
    };
    assert_eq!(row("2019-01")["counts"]["ied"], 2);
    assert_eq!(row("2019-01")["counts"]["drone_armed"], 0);
    assert_eq!(row("2019-03")["counts"]["ied"], 1);
    assert_eq!(row("2019-03")["counts"]["drone_armed"], 1);
    assert!(rows
        .iter()
        .all(|r| r["actor"].as_str().unwrap().starts_with("JNIM")));
    let first = v["first_seen"].as_array().unwrap();
    let d = first
        .iter()
        .find(|f| f["capability"] == "drone_armed")
        .unwrap();
    assert_eq!(d["date"], "2019-03-12");
    assert_eq!(d["event_id"], drone[0]);
    assert_eq!(v["capabilities"].as_array().unwrap().len(), 10);
    // Quarters add the months up; `from` bounds the periods listed.
    let v = ok(
        &app,
        "/api/v1/analytics/capabilities?actor=JNIM&period=quarter&from=2019-01-01",
    )
    .await;
    let q1 = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["period"] == "2019-Q1")
        .unwrap();
    assert_eq!(q1["counts"]["ied"], 3);
    assert!(v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["period_start"].as_str().unwrap() >= "2019-01-01"));
    // Another actor has none of these.
    let v = ok(&app, "/api/v1/analytics/capabilities?actor=Dan%20Na").await;
    assert!(v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["counts"]["ied"] == 0 && r["counts"]["drone_armed"] == 0));
}

#[tokio::test]
async fn bad_analytics_parameters_are_400_naming_the_parameter() {
    let fx = fixture();
    let app = fx.app();
    let cases: &[(&str, &str, &str)] = &[
        (
            "/api/v1/analytics/series?interval=year",
            "bad_parameter",
            "interval",
        ),
        (
            "/api/v1/analytics/series?from=2019-13-01",
            "bad_parameter",
            "from",
        ),
        ("/api/v1/analytics/series?ids=1,x", "bad_parameter", "ids"),
        ("/api/v1/analytics/series?ids=0", "bad_parameter", "ids"),
        (
            "/api/v1/analytics/series?bogus=1",
            "unknown_parameter",
            "bogus",
        ),
        (
            "/api/v1/analytics/warnings?level=admin3",
            "bad_parameter",
            "level",
        ),
        (
            "/api/v1/analytics/warnings?threshold=-1",
            "bad_parameter",
            "threshold",
        ),
        (
            "/api/v1/analytics/warnings?threshold=abc",
            "bad_parameter",
            "threshold",
        ),
        (
            "/api/v1/analytics/warnings?spread_months=0",
            "bad_parameter",
            "spread_months",
        ),
        (
            "/api/v1/analytics/warnings?limit=100000",
            "bad_parameter",
            "limit",
        ),
        (
            "/api/v1/analytics/warnings?interval=week",
            "unknown_parameter",
            "interval",
        ),
        (
            "/api/v1/analytics/control?month=2019-13",
            "bad_parameter",
            "month",
        ),
        (
            "/api/v1/analytics/control?month=2019-3",
            "bad_parameter",
            "month",
        ),
        (
            "/api/v1/analytics/control?month=March",
            "bad_parameter",
            "month",
        ),
        (
            "/api/v1/analytics/control?level=admin1",
            "bad_parameter",
            "level",
        ),
        (
            "/api/v1/analytics/control?from=2019-01-01",
            "bad_parameter",
            "from",
        ),
        (
            "/api/v1/analytics/control?to=2019-01-01",
            "bad_parameter",
            "to",
        ),
        (
            "/api/v1/analytics/capabilities?period=year",
            "bad_parameter",
            "period",
        ),
        (
            "/api/v1/analytics/capabilities?type=Nope",
            "bad_parameter",
            "type",
        ),
        ("/api/v1/events?ids=1;2", "bad_parameter", "ids"),
    ];
    for (uri, code, parameter) in cases {
        let a = get(&app, uri).await;
        a.assert_error(400, code, Some(parameter));
    }
    // Too many ids.
    let many = (1..=2001)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    get(&app, &format!("/api/v1/events?ids={many}"))
        .await
        .assert_error(400, "bad_parameter", Some("ids"));
    // SQL-looking text is data.
    let v = ok(
        &app,
        &format!("/api/v1/analytics/series?actor={}", enc("' OR 1=1 --")),
    )
    .await;
    assert_eq!(v["total"]["events"], 0);
}

/// The store's events of `f` as the library's rows (as the CLI loads them).
fn library_rows(fx: &Fixture, f: &rasd_store::EventFilter) -> Vec<rasd_analytics::EventRow> {
    fx.store()
        .events(f)
        .unwrap()
        .events
        .into_iter()
        .filter_map(|s| {
            rasd_analytics::EventRow::from_stored(
                s.id.0,
                s.event,
                s.notes,
                s.source.as_deref(),
                s.source_count,
            )
        })
        .collect()
}

#[tokio::test]
async fn analytics_agree_with_the_library_on_the_same_rows() {
    // The server's answer for a filter equals the library run on the store's events for it.
    let fx = fixture();
    let app = fx.app();
    let f = rasd_store::EventFilter {
        country: Some("Mali".into()),
        limit: Some(10_000),
        ..Default::default()
    };
    let rows = library_rows(&fx, &f);
    let table = rasd_analytics::EventTable::new(&rows);
    let want = table.series(
        &rasd_analytics::Filter::default(),
        rasd_analytics::Interval::Month,
    );
    let v = ok(&app, "/api/v1/analytics/series?country=Mali&interval=month").await;
    let got: Vec<(u64, u64, u64)> = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["events"].as_u64().unwrap(),
                b["fatalities"].as_u64().unwrap(),
                b["sources"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(u64, u64, u64)> = want
        .buckets
        .iter()
        .map(|b| (b.events.into(), b.fatalities.into(), b.sources.into()))
        .collect();
    assert_eq!(got, want);
    let w = table.early_warning(&rasd_analytics::WarningConfig {
        admin1: false,
        actors: false,
        ..Default::default()
    });
    let v = ok(&app, "/api/v1/analytics/warnings?country=Mali&limit=5000").await;
    assert_eq!(v["total_flags"].as_u64().unwrap(), w.flags.len() as u64);
}

#[tokio::test]
async fn dated_series_agrees_with_the_library() {
    // The series reads `from..=to` of the table it shares with the flags (every event up to
    // `to`): its buckets, reports and outlets are those of the events in the range alone.
    let fx = fixture();
    let app = fx.app();
    let (from, to) = ("2018-11-15", "2019-03-20");
    let f = rasd_store::EventFilter {
        country: Some("Mali".into()),
        from: from.parse().ok(),
        to: to.parse().ok(),
        limit: Some(10_000),
        ..Default::default()
    };
    let rows = library_rows(&fx, &f);
    assert!(rows.len() > 5, "{} rows", rows.len());
    let bounds = rasd_analytics::Filter {
        from: f.from,
        to: f.to,
        ..Default::default()
    };
    let want =
        rasd_analytics::EventTable::new(&rows).series(&bounds, rasd_analytics::Interval::Week);
    let v = ok(
        &app,
        &format!("/api/v1/analytics/series?country=Mali&interval=week&from={from}&to={to}"),
    )
    .await;
    let got: Vec<(String, u64, u64, u64, u64)> = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["start"].as_str().unwrap().to_owned(),
                b["events"].as_u64().unwrap(),
                b["fatalities"].as_u64().unwrap(),
                b["sources"].as_u64().unwrap(),
                b["multi_source"].as_u64().unwrap(),
            )
        })
        .collect();
    let want_buckets: Vec<(String, u64, u64, u64, u64)> = want
        .buckets
        .iter()
        .map(|b| {
            (
                b.start.to_string(),
                b.events.into(),
                b.fatalities.into(),
                b.sources.into(),
                b.multi_source.into(),
            )
        })
        .collect();
    assert_eq!(got, want_buckets);
    let mut outlets: Vec<&str> = rows
        .iter()
        .flat_map(|r| r.source_names.iter().map(String::as_str))
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    assert_eq!(v["total"]["sources"].as_u64(), Some(outlets.len() as u64));
    let reports: u64 = rows.iter().map(|r| u64::from(r.sources)).sum();
    assert_eq!(v["total"]["reports"].as_u64(), Some(reports));
    let bucket_reports: u64 = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reports"].as_u64().unwrap())
        .sum();
    assert_eq!(bucket_reports, reports);
}

#[tokio::test]
async fn analysis_panel_at_once_answers_as_each_request_alone() {
    // The panel's four requests share one table per selection; sent at once on one server they
    // must answer exactly as each sent alone to a server of its own.
    let fx = fixture();
    for filter in [
        "",
        "country=Mali",
        "country=Mali&from=2019-01-01&to=2019-03-31",
    ] {
        let uris = rasd_server::analysis_requests(filter);
        let app = fx.app();
        let together = futures_join(&app, &uris).await;
        for (uri, body) in uris.iter().zip(together) {
            let alone = get(&fx.app(), uri).await;
            assert_eq!(alone.status, StatusCode::OK, "{uri}");
            assert_eq!(body, alone.body, "{uri}");
        }
    }
}

/// Send `uris` concurrently; the bodies in order.
async fn futures_join(app: &axum::Router, uris: &[String]) -> Vec<Vec<u8>> {
    let tasks: Vec<_> = uris
        .iter()
        .map(|u| {
            let (app, u) = (app.clone(), u.clone());
            tokio::spawn(async move {
                let a = get(&app, &u).await;
                assert_eq!(a.status, StatusCode::OK, "{u}");
                a.body
            })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

on_postgres!(
    series_counts_events_fatalities_and_sources,
    known_spike_week_is_flagged_with_its_events,
    flag_events_filter_the_event_listing,
    control_indicator_has_known_values_and_inputs,
    capabilities_count_known_tactics,
    analytics_agree_with_the_library_on_the_same_rows,
    dated_series_agrees_with_the_library,
);
