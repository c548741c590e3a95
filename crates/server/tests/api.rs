//! The HTTP API driven in-process (`tower::ServiceExt::oneshot`, no socket) against a temporary
//! store of known, invented events.
//!
//! Index:
//! - listing: `default_page_and_totals`, `cursor_walks_every_event_once`, `page_size_caps`,
//!   `filters_narrow_as_documented`, `formats_geojson_and_csv`
//! - bad input: `bad_parameters_are_400_naming_the_parameter`, `sql_looking_values_are_data`
//! - detail: `event_detail_has_sources_and_evidence`, `arabic_event_detail`
//! - aggregates and map: `aggregates_add_up`, `index_agrees_with_the_store`, `map_points_cluster`
//! - documents: `document_search_and_detail`, `post_codes_and_stores`, `post_rejects_bad_bodies`
//! - the rest: `every_route_answers`, `token_is_required_when_configured`, `boundaries_gzip_etag`,
//!   `dashboard_assets`, `index_follows_external_writes`, `cached_filters_follow_posted_documents`
//! - `postgres::*`: the store-facing tests again on a PostgreSQL database (`RASD_TEST_PG`), the
//!   server opened on its URL; `index_follows_external_writes` there is another client's write.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use rasd_server::{AppState, ServerConfig, API_ROUTES};
use rasd_store::{EventFilter, GroupBy, Store};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

fn ids(v: &Value) -> Vec<i64> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn default_page_and_totals() {
    let fx = Fixture::new();
    let stats = fx.store().stats().unwrap();
    let app = fx.app();
    let a = get(&app, "/api/v1/events").await;
    assert_eq!(a.status, StatusCode::OK);
    let v = a.json();
    assert_eq!(v["limit"], 100);
    assert_eq!(v["total"].as_u64().unwrap(), stats.events);
    assert_eq!(v["events"].as_array().unwrap().len(), 100);
    assert!(v["next_cursor"].is_string());
    assert_eq!(a.header("x-total-count").unwrap(), stats.events.to_string());
    assert!(a.header("link").unwrap().contains("rel=\"next\""));
    // Newest first.
    let dates: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["event_date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
}

async fn walk(app: &axum::Router, query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..100 {
        let uri = match &cursor {
            Some(c) => format!("/api/v1/events?{query}&cursor={}", enc(c)),
            None => format!("/api/v1/events?{query}"),
        };
        let a = get(app, &uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
        let v = a.json();
        out.extend(v["events"].as_array().unwrap().iter().cloned());
        match v["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return out,
        }
    }
    panic!("pagination did not end");
}

#[tokio::test]
async fn cursor_walks_every_event_once() {
    let fx = Fixture::new();
    let total = fx.store().stats().unwrap().events as usize;
    let app = fx.app();
    for sort in ["date_desc", "date_asc", "fatalities_desc", "fatalities_asc"] {
        let all = walk(&app, &format!("limit=37&sort={sort}")).await;
        let seen: HashSet<i64> = all.iter().map(|e| e["id"].as_i64().unwrap()).collect();
        assert_eq!(all.len(), total, "{sort}");
        assert_eq!(seen.len(), total, "{sort}: duplicates");
        if sort.starts_with("fatalities") {
            let f: Vec<i64> = all
                .iter()
                .map(|e| e["fatalities"].as_i64().unwrap_or(-1))
                .collect();
            let ordered = if sort.ends_with("desc") {
                f.windows(2).all(|w| w[0] >= w[1])
            } else {
                f.windows(2).all(|w| w[0] <= w[1])
            };
            assert!(ordered, "{sort}");
        }
    }
    // Filtered pagination: only Mali, every page.
    let mali = walk(&app, "country=Mali&limit=10").await;
    assert!(mali.len() > 10);
    assert!(mali.iter().all(|e| e["country"] == "Mali"));
    // A cursor of one order is refused by the other.
    let v = get(&app, "/api/v1/events?limit=5&sort=fatalities_desc")
        .await
        .json();
    let c = v["next_cursor"].as_str().unwrap();
    get(&app, &format!("/api/v1/events?cursor={}", enc(c)))
        .await
        .assert_error(400, "bad_parameter", Some("cursor"));
}

#[tokio::test]
async fn page_size_caps() {
    let fx = Fixture::new();
    let app = fx.app();
    get(&app, "/api/v1/events?limit=1001")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    get(&app, "/api/v1/events?limit=100000000000000000000")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    get(&app, "/api/v1/events?limit=0")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    get(&app, "/api/v1/events?limit=-3")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    let a = get(&app, "/api/v1/events?limit=1000").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(
        a.json()["events"].as_array().unwrap().len(),
        1000.min(a.json()["total"].as_u64().unwrap() as usize)
    );
}

#[tokio::test]
async fn filters_narrow_as_documented() {
    let fx = Fixture::new();
    let app = fx.app();
    let q = |s: &str| format!("/api/v1/events?limit=1000&{s}");
    // Country, any case.
    let v = get(&app, &q("country=MALI")).await.json();
    assert!(v["total"].as_u64().unwrap() >= 3);
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["country"] == "Mali"));
    // Dates, inclusive.
    let v = get(&app, &q("from=2024-03-03&to=2024-03-03")).await.json();
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["event_date"] == "2024-03-03"));
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["location"] == "Djibo"));
    // Type by ACLED name and by slug; sub-type by name and key.
    let a = get(&app, &q("type=Explosions%2FRemote%20violence"))
        .await
        .json();
    let b = get(&app, &q("type=explosions_remote_violence"))
        .await
        .json();
    assert_eq!(ids(&a), ids(&b));
    assert!(!ids(&a).is_empty());
    let a = get(&app, &q("sub_type=Armed%20clash&origin=rasd"))
        .await
        .json();
    let b = get(&app, &q("sub_type=armed_clash&origin=rasd"))
        .await
        .json();
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a["total"], 1, "the two Djibo reports are one event");
    // Actor substring, case- and accent-insensitive.
    let v = get(&app, &q("actor=jnim&origin=rasd")).await.json();
    let locs: HashSet<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["location"].as_str())
        .collect();
    assert!(locs.contains("Djibo"));
    // Full text in three languages.
    let v = get(&app, &q(&format!("text={}", enc("tuant soldats"))))
        .await
        .json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["events"][0]["location"], "Djibo");
    let v = get(&app, &q(&format!("text={}", enc("غاو")))).await.json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["events"][0]["location"], "Gao");
    // Box (lon first) and circle (lat first) around Djibo.
    let v = get(&app, &q("bbox=-1.7,14.0,-1.5,14.2&origin=rasd"))
        .await
        .json();
    assert_eq!(v["total"], 1);
    let v = get(&app, &q("near=14.1,-1.6,20&origin=rasd")).await.json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["events"][0]["location"], "Djibo");
    // Origin.
    let v = get(&app, &q("origin=rasd")).await.json();
    assert_eq!(v["total"], 6);
    let v = get(&app, &q("origin=acled&country=Niger&admin1="))
        .await
        .json();
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["origin"] == "acled"));
    // Minimum confidence.
    let v = get(&app, &q("min_confidence=0.9&origin=rasd")).await.json();
    assert_eq!(v["total"], 0);
}

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let fx = Fixture::with(false);
    let app = fx.app();
    for (query, code, parameter) in [
        ("from=2024-13-01", "bad_parameter", "from"),
        ("from=03/01/2024", "bad_parameter", "from"),
        ("to=2024-02-30", "bad_parameter", "to"),
        ("from=2024-05-01&to=2024-01-01", "bad_parameter", "from"),
        ("bbox=1,2,3", "bad_parameter", "bbox"),
        ("bbox=3,10,-5,20", "bad_parameter", "bbox"),
        ("bbox=-500,0,0,0", "bad_parameter", "bbox"),
        ("bbox=a,b,c,d", "bad_parameter", "bbox"),
        ("near=14,-1", "bad_parameter", "near"),
        ("near=14,-1,-5", "bad_parameter", "near"),
        ("type=Skirmish", "bad_parameter", "type"),
        ("sub_type=nope", "bad_parameter", "sub_type"),
        ("origin=gdelt", "bad_parameter", "origin"),
        ("min_confidence=2", "bad_parameter", "min_confidence"),
        ("sort=random", "bad_parameter", "sort"),
        ("format=xml", "bad_parameter", "format"),
        ("cursor=garbage", "bad_parameter", "cursor"),
        ("contry=Mali", "unknown_parameter", "contry"),
        ("country=Mali&country=Niger", "bad_parameter", "country"),
        ("text=--", "bad_parameter", "text"),
    ] {
        let a = get(&app, &format!("/api/v1/events?{query}")).await;
        a.assert_error(400, code, Some(parameter));
    }
    get(&app, "/api/v1/aggregates")
        .await
        .assert_error(400, "missing_parameter", Some("by"));
    get(&app, "/api/v1/aggregates?by=planet")
        .await
        .assert_error(400, "bad_parameter", Some("by"));
    get(&app, "/api/v1/aggregates?by=week&limit=0")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    get(&app, "/api/v1/points?view=1,2")
        .await
        .assert_error(400, "bad_parameter", Some("view"));
    get(&app, "/api/v1/points?cell=0")
        .await
        .assert_error(400, "bad_parameter", Some("cell"));
    get(&app, "/api/v1/points?max=20001")
        .await
        .assert_error(400, "bad_parameter", Some("max"));
    get(&app, "/api/v1/documents")
        .await
        .assert_error(400, "missing_parameter", Some("q"));
    get(&app, "/api/v1/documents?q=x&limit=101")
        .await
        .assert_error(400, "bad_parameter", Some("limit"));
    get(&app, "/api/v1/events/abc")
        .await
        .assert_error(400, "bad_parameter", Some("id"));
    get(&app, "/api/v1/events/1?verbose=1").await.assert_error(
        400,
        "unknown_parameter",
        Some("verbose"),
    );
    get(&app, "/api/v1/boundaries?level=7")
        .await
        .assert_error(400, "bad_parameter", Some("level"));
    get(&app, "/api/v1/no-such-route")
        .await
        .assert_error(404, "not_found", None);
    get(&app, "/api/v1/events/999999")
        .await
        .assert_error(404, "not_found", None);
    get(&app, "/api/v1/documents/no-such-doc")
        .await
        .assert_error(404, "not_found", None);
}

#[tokio::test]
async fn sql_looking_values_are_data() {
    let fx = Fixture::new();
    let before = fx.store().stats().unwrap();
    let app = fx.app();
    let evil = "' OR 1=1 --";
    for name in ["country", "admin1", "admin2", "actor", "text"] {
        let a = get(&app, &format!("/api/v1/events?{name}={}", enc(evil))).await;
        assert_eq!(a.status, StatusCode::OK, "{name}: {}", a.text());
        assert_eq!(a.json()["total"], 0, "{name}");
        let a = get(
            &app,
            &format!("/api/v1/aggregates?by=week&{name}={}", enc(evil)),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{name}");
        assert_eq!(a.json()["total"]["events"], 0, "{name}");
    }
    for q in [
        evil,
        "\"; DROP TABLE events; --",
        "NEAR(a b)",
        "a OR b*",
        "رصد' OR '1'='1",
    ] {
        let a = get(&app, &format!("/api/v1/documents?q={}", enc(q))).await;
        assert_eq!(a.status, StatusCode::OK, "{q}: {}", a.text());
    }
    let a = get(&app, &format!("/api/v1/documents/{}", enc(evil))).await;
    a.assert_error(404, "not_found", None);
    assert_eq!(fx.store().stats().unwrap(), before);
}

#[tokio::test]
async fn formats_geojson_and_csv() {
    let fx = Fixture::new();
    let app = fx.app();
    let a = get(
        &app,
        "/api/v1/events?format=geojson&origin=rasd&country=Burkina%20Faso",
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-type").unwrap(), "application/geo+json");
    let v = a.json();
    assert_eq!(v["type"], "FeatureCollection");
    let djibo = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["location"] == "Djibo")
        .expect("Djibo feature");
    // RFC 7946: longitude first.
    assert_eq!(
        djibo["geometry"]["coordinates"][0].as_f64().unwrap(),
        -1.6255
    );
    assert_eq!(
        djibo["geometry"]["coordinates"][1].as_f64().unwrap(),
        14.0994
    );
    // The undated base has no coordinates: not a feature.
    assert_eq!(a.header("x-total-count").unwrap(), "3");
    assert_eq!(v["features"].as_array().unwrap().len(), 2);

    let a = get(&app, "/api/v1/events?format=csv&limit=20&sort=date_asc").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header("content-type").unwrap().starts_with("text/csv"));
    assert!(a.header("x-next-cursor").is_some());
    let text = a.text();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header = rows.headers().unwrap().clone();
    assert_eq!(&header[0], "event_id_cnty");
    assert!(header.iter().any(|h| h == "fatalities"));
    assert_eq!(rows.records().count(), 20);
}

#[tokio::test]
async fn event_detail_has_sources_and_evidence() {
    let fx = Fixture::new();
    let app = fx.app();
    let v = get(&app, "/api/v1/events?origin=rasd&sub_type=armed_clash")
        .await
        .json();
    let id = v["events"][0]["id"].as_i64().unwrap();
    assert_eq!(v["events"][0]["source_count"], 2);
    let a = get(&app, &format!("/api/v1/events/{id}")).await;
    assert_eq!(a.status, StatusCode::OK);
    let d = a.json();
    assert_eq!(d["event"]["location"], "Djibo");
    assert_eq!(d["event"]["fatalities"], 12);
    let sources = d["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0]["document"]["id"], "en-djibo");
    assert!(sources[0]["merge_reason"].is_null());
    assert_eq!(sources[1]["document"]["id"], "fr-djibo");
    assert!(sources[1]["merge_reason"]
        .as_str()
        .unwrap()
        .contains("same type Battles"));
    for s in sources {
        assert_eq!(
            s["document"]["url"]
                .as_str()
                .unwrap()
                .split('/')
                .next_back(),
            s["document"]["id"].as_str()
        );
        assert_eq!(s["document"]["source"], "Example Wire");
        assert!(s["document"]["published"].is_string());
        let text = s["text"].as_str().unwrap();
        assert!(text.contains("Djibo"));
        for ev in s["evidence"].as_array().unwrap() {
            let (start, end) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(ev["quote"].as_str().unwrap(), &text[start..end]);
        }
    }
    let quotes: Vec<&str> = sources[1]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["quote"].as_str().unwrap())
        .collect();
    assert!(quotes.contains(&"ont attaqué"));
    assert!(quotes.contains(&"militants du JNIM"));
}

#[tokio::test]
async fn arabic_event_detail() {
    let fx = Fixture::new();
    let app = fx.app();
    let v = get(&app, &format!("/api/v1/events?text={}", enc("مسلحون")))
        .await
        .json();
    let id = v["events"][0]["id"].as_i64().unwrap();
    let d = get(&app, &format!("/api/v1/events/{id}")).await.json();
    let s = &d["sources"][0];
    assert_eq!(s["document"]["language"], "ar");
    assert_eq!(s["title"], AR_GAO_TITLE);
    assert_eq!(s["text"], AR_GAO);
    let ev = s["evidence"].as_array().unwrap();
    let quote = |role: &str, field: &str| {
        ev.iter()
            .find(|e| e["role"] == role && e["field"] == field)
            .map(|e| e["quote"].as_str().unwrap().to_owned())
    };
    assert_eq!(quote("trigger", "text").as_deref(), Some("هجوم"));
    assert_eq!(quote("trigger", "title").as_deref(), Some("هجوم"));
    assert_eq!(quote("fatalities", "text").as_deref(), Some("عشرة"));
    assert_eq!(quote("location", "text").as_deref(), Some("غاو"));
}

#[tokio::test]
async fn aggregates_add_up() {
    let fx = Fixture::new();
    let app = fx.app();
    let v = get(&app, "/api/v1/aggregates?by=week&split=type")
        .await
        .json();
    let total = &v["total"];
    let buckets = v["buckets"].as_array().unwrap();
    let sum: u64 = buckets.iter().map(|b| b["events"].as_u64().unwrap()).sum();
    // Every event but the undated one falls in a week.
    assert_eq!(sum + 1, total["events"].as_u64().unwrap());
    for b in buckets {
        let by_type: u64 = b["by_type"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["events"].as_u64().unwrap())
            .sum();
        assert_eq!(by_type, b["events"].as_u64().unwrap());
        let day: chrono::NaiveDate = b["key"].as_str().unwrap().parse().unwrap();
        assert_eq!(chrono::Datelike::weekday(&day), chrono::Weekday::Mon);
    }
    let keys: Vec<&str> = buckets.iter().map(|b| b["key"].as_str().unwrap()).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    // Per-country admin1 groups.
    let v = get(&app, "/api/v1/aggregates?by=admin1&origin=rasd")
        .await
        .json();
    let sahel = v["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "Sahel")
        .unwrap();
    assert_eq!(sahel["country"], "Burkina Faso");
    assert_eq!(sahel["events"], 2);
    assert_eq!(sahel["fatalities"], 15);
    // Actor and type groups, limit.
    let v = get(&app, "/api/v1/aggregates?by=actor&origin=rasd&limit=2")
        .await
        .json();
    assert_eq!(v["buckets"].as_array().unwrap().len(), 2);
    let v = get(&app, "/api/v1/aggregates?by=type&origin=rasd")
        .await
        .json();
    assert_eq!(v["total"]["events"], 6);
    assert_eq!(v["total"]["fatalities"], 25);
    assert_eq!(v["total"]["first_date"], "2023-12-20");
    assert_eq!(v["total"]["last_date"], "2024-05-05");
}

/// The in-memory index must answer exactly as the store would, for every filter kind.
#[tokio::test]
async fn index_agrees_with_the_store() {
    let fx = Fixture::new();
    let store = fx.store();
    let app = fx.app();
    let filters = [
        "",
        "country=mali",
        "country=Burkina%20Faso&admin1=sahel",
        "admin2=Mopti",
        "from=2015-01-01&to=2018-12-31",
        "from=2024-01-01",
        "to=2013-06-30",
        "type=Battles",
        "sub_type=Attack",
        "actor=military%20forces",
        "actor=JNIM",
        "actor=Militia%20(Sahel)%201",
        "text=ambush",
        "text=Djibo",
        "bbox=-5,12,0,16",
        "near=14,-1,150",
        "near=16,-3,400&type=Battles",
        "origin=acled&min_confidence=0.9",
        "country=Niger&from=2020-01-01&to=2022-12-31&actor=forces",
        "country=Atlantis",
    ];
    for f in filters {
        let q = rasd_server_query(f);
        let count = store.count_events(&q).unwrap();
        let v = get(&app, &format!("/api/v1/aggregates?by=type&{f}"))
            .await
            .json();
        assert_eq!(
            v["total"]["events"].as_u64().unwrap(),
            count,
            "count for {f:?}"
        );
        for (by, group) in [
            ("month", GroupBy::Month),
            ("week", GroupBy::Week),
            ("type", GroupBy::EventType),
            ("sub_type", GroupBy::SubEventType),
            ("country", GroupBy::Country),
            ("actor", GroupBy::Actor),
            ("admin1", GroupBy::Admin1),
            ("admin2", GroupBy::Admin2),
        ] {
            let want: BTreeMap<String, (u64, u64)> = store
                .aggregate(&q, group)
                .unwrap()
                .into_iter()
                .map(|b| (b.key, (b.events, b.fatalities)))
                .collect();
            let v = get(&app, &format!("/api/v1/aggregates?by={by}&{f}"))
                .await
                .json();
            // admin1/admin2 are per country in the API: sum namesakes to compare.
            let mut got: BTreeMap<String, (u64, u64)> = BTreeMap::new();
            for b in v["buckets"].as_array().unwrap() {
                let e = got
                    .entry(b["key"].as_str().unwrap().to_owned())
                    .or_default();
                e.0 += b["events"].as_u64().unwrap();
                e.1 += b["fatalities"].as_u64().unwrap();
            }
            assert_eq!(got, want, "by {by} for {f:?}");
        }
        // The table's pages come from the index too: the same events in the store's order.
        let want: Vec<i64> = store
            .events(&EventFilter {
                limit: Some(1000),
                ..q.clone()
            })
            .unwrap()
            .events
            .iter()
            .map(|e| e.id.0)
            .collect();
        let v = get(&app, &format!("/api/v1/events?limit=1000&{f}"))
            .await
            .json();
        assert_eq!(ids(&v), want, "listing for {f:?}");
    }
}

/// The answers cached per filter (the selected rows, the full-text ids) belong to one data
/// version: documents posted through the API show at once in the filters asked before.
#[tokio::test]
async fn cached_filters_follow_posted_documents() {
    let fx = Fixture::new();
    let app = fx.app();
    let count = |v: Value| v["total"]["events"].as_u64().unwrap();
    let queries = [
        "/api/v1/aggregates?by=type&text=Djibo",
        "/api/v1/aggregates?by=type&country=Burkina%20Faso",
        "/api/v1/aggregates?by=week&split=type&actor=jnim",
    ];
    let mut before = Vec::new();
    for q in queries {
        // Asked twice: the second answer comes from the caches.
        let first = count(get(&app, q).await.json());
        assert_eq!(count(get(&app, q).await.json()), first, "{q}");
        before.push(first);
    }
    let listed = ids(&get(&app, "/api/v1/events?text=Djibo").await.json());
    assert_eq!(listed.len() as u64, before[0]);
    let a = post(&app, "/api/v1/documents", README_EXAMPLE).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let id = a.json()["documents"][0]["event_ids"][0].as_i64().unwrap();
    assert!(!listed.contains(&id), "a new event, not a merge");
    for (q, n) in queries.iter().zip(&before) {
        assert_eq!(count(get(&app, q).await.json()), n + 1, "{q}");
    }
    let listed = ids(&get(&app, "/api/v1/events?text=Djibo").await.json());
    assert!(listed.contains(&id), "{listed:?}");
    assert_eq!(listed.len() as u64, before[0] + 1);
}

/// The same filter as the API builds it from a query string.
fn rasd_server_query(q: &str) -> EventFilter {
    let mut f = EventFilter::default();
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        let v = v.into_owned();
        match &*k {
            "country" => f.country = Some(v),
            "admin1" => f.admin1 = Some(v),
            "admin2" => f.admin2 = Some(v),
            "actor" => f.actor = Some(v),
            "text" => f.text = Some(v),
            "from" => f.from = Some(v.parse().unwrap()),
            "to" => f.to = Some(v.parse().unwrap()),
            "type" => f.event_type = rasd_model::EventType::from_acled(&v),
            "sub_type" => f.sub_event_type = rasd_model::SubEventType::from_acled(&v),
            "origin" => f.origin = rasd_store::Origin::parse(&v),
            "min_confidence" => f.min_confidence = Some(v.parse().unwrap()),
            "bbox" => {
                let n: Vec<f64> = v.split(',').map(|x| x.parse().unwrap()).collect();
                f.bbox = Some(rasd_store::BBox {
                    min_lon: n[0],
                    min_lat: n[1],
                    max_lon: n[2],
                    max_lat: n[3],
                });
            }
            "near" => {
                let n: Vec<f64> = v.split(',').map(|x| x.parse().unwrap()).collect();
                f.near = Some(rasd_store::Near {
                    lat: n[0],
                    lon: n[1],
                    km: n[2],
                });
            }
            other => panic!("{other}"),
        }
    }
    f
}

#[tokio::test]
async fn map_points_cluster() {
    let fx = Fixture::new();
    let app = fx.app();
    let located = get(&app, "/api/v1/aggregates?by=type").await.json()["total"]["located"]
        .as_u64()
        .unwrap();
    let v = get(&app, "/api/v1/points").await.json();
    assert_eq!(v["types"].as_array().unwrap().len(), 6);
    assert_eq!(v["total"].as_u64().unwrap(), located);
    assert_eq!(v["points"].as_array().unwrap().len() as u64, located);
    assert!(v["clusters"].as_array().unwrap().is_empty());
    let djibo = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[1].as_f64() == Some(-1.6255))
        .expect("Djibo point");
    assert_eq!(
        djibo[2].as_f64(),
        Some(14.0994),
        "[id, lon, lat, type, fatalities]"
    );
    assert_eq!(djibo[3], 0, "Battles");
    assert_eq!(djibo[4], 12);
    // Over the limit: grid clusters whose counts add up.
    let v = get(&app, "/api/v1/points?max=10&cell=2").await.json();
    let clusters = v["clusters"].as_array().unwrap();
    assert!(!clusters.is_empty());
    let n: u64 = clusters.iter().map(|c| c[2].as_u64().unwrap()).sum::<u64>()
        + v["points"].as_array().unwrap().len() as u64;
    assert_eq!(n, located);
    assert_eq!(v["cell"], 2.0);
    for c in clusters {
        let per_type: u64 = c[5]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .sum();
        assert_eq!(per_type, c[2].as_u64().unwrap(), "{c}");
    }
    // The view narrows; filters apply.
    let v = get(&app, "/api/v1/points?view=-2,13.5,-1,14.5&origin=rasd")
        .await
        .json();
    assert_eq!(v["total"], 1);
}

#[tokio::test]
async fn document_search_and_detail() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let v = get(&app, "/api/v1/documents?q=Djibo").await.json();
    let hits = v["hits"].as_array().unwrap();
    let found: HashSet<&str> = hits
        .iter()
        .map(|h| h["document"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(found, HashSet::from(["en-djibo", "fr-djibo"]));
    assert!(hits[0]["snippet"]["text"]
        .as_str()
        .unwrap()
        .contains("Djibo"));
    let v = get(&app, &format!("/api/v1/documents?q={}", enc("غاو")))
        .await
        .json();
    assert_eq!(v["hits"][0]["document"]["id"], "ar-gao");

    let d = get(&app, "/api/v1/documents/fr-djibo").await.json();
    assert_eq!(d["document"]["text"], FR_DJIBO);
    assert_eq!(d["document"]["lang"], "fr");
    assert_eq!(d["document"]["content_hash"].as_str().unwrap().len(), 64);
    let events = d["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["sub_event_type"], "Armed clash");
    let quotes: Vec<&str> = events[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["quote"].as_str().unwrap())
        .collect();
    assert_eq!(quotes, ["ont attaqué", "militants du JNIM", "12", "Djibo"]);
}

const README_EXAMPLE: &str = r#"{"id":"a1","published":"2026-01-14","text":"On Monday, suspected JNIM militants attacked a military post near Djibo, killing 12 soldiers."}"#;

#[tokio::test]
async fn post_codes_and_stores() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let a = post(&app, "/api/v1/documents", README_EXAMPLE).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let v = a.json();
    let d = &v["documents"][0];
    assert_eq!(d["outcome"], "inserted");
    assert_eq!(d["doc_id"], "a1");
    assert_eq!(d["lang"], "en");
    assert!(d["events_coded"].as_u64().unwrap() >= 1);
    let id = d["event_ids"][0].as_i64().unwrap();
    // Stored, indexed and listed at once.
    let e = get(&app, &format!("/api/v1/events/{id}")).await.json();
    assert_eq!(e["event"]["event_date"], "2026-01-12");
    assert_eq!(e["sources"][0]["document"]["id"], "a1");
    let v = get(&app, "/api/v1/aggregates?by=week&from=2026-01-01")
        .await
        .json();
    assert!(v["total"]["events"].as_u64().unwrap() >= 1);
    // Again: an exact duplicate, nothing stored.
    let a = post(&app, "/api/v1/documents", README_EXAMPLE).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["documents"][0]["outcome"], "exact_duplicate");
    // A batch, with a numeric id and an Arabic report.
    let batch = serde_json::json!([
        {"id": 42, "text": "Des manifestants ont marché à Niamey le 2 février 2026 pour protester contre la vie chère.", "published": "2026-02-03"},
        {"id": "ar-1", "text": "هاجم مسلحون مركزا للجيش قرب غاو يوم الأحد وقتلوا خمسة جنود.", "published": "2026-02-10", "source": "Test"}
    ]);
    let a = post(&app, "/api/v1/documents", batch.to_string()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text());
    let v = a.json();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    assert_eq!(v["documents"][0]["doc_id"], "42");
    assert_eq!(v["documents"][1]["lang"], "ar");
    let runs = fx.store().runs().unwrap();
    assert!(runs.len() >= 3, "one ingest run per POST");
}

#[tokio::test]
async fn post_rejects_bad_bodies() {
    let fx = Fixture::with(false);
    let mut config = fx.config();
    config.max_body_bytes = 2000;
    config.max_batch = 3;
    let app = rasd_server::router(AppState::open(config).unwrap());
    post(&app, "/api/v1/documents", "{not json")
        .await
        .assert_error(400, "bad_body", None);
    post(&app, "/api/v1/documents", r#"{"id":"x"}"#)
        .await
        .assert_error(400, "bad_body", None);
    let a = post(
        &app,
        "/api/v1/documents",
        r#"[{"id":"x","text":"a"},{"id":"y","text":"b","colour":"red"}]"#,
    )
    .await;
    a.assert_error(400, "bad_body", None);
    assert_eq!(a.json()["error"]["index"], 1);
    assert!(a.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("colour"));
    post(&app, "/api/v1/documents", r#"[{"id":"1","text":"a"},{"id":"2","text":"a"},{"id":"3","text":"a"},{"id":"4","text":"a"}]"#)
        .await
        .assert_error(400, "bad_body", None);
    let big = serde_json::json!({"id": "big", "text": "x".repeat(5000)}).to_string();
    post(&app, "/api/v1/documents", big)
        .await
        .assert_error(413, "body_too_large", None);
    post(&app, "/api/v1/documents?dry_run=1", README_EXAMPLE)
        .await
        .assert_error(400, "unknown_parameter", Some("dry_run"));
    // While `rasd ingest` holds the writer lock, posting waits for nobody: 503, retry later.
    let lock = rasd_server::WriterLock::try_take(&fx.db).unwrap();
    let a = post(&app, "/api/v1/documents", README_EXAMPLE).await;
    a.assert_error(503, "busy", None);
    assert_eq!(a.header("retry-after"), Some("5"));
    drop(lock);
    assert_eq!(fx.store().stats().unwrap().documents, 7, "nothing stored");
    let a = post(&app, "/api/v1/documents", README_EXAMPLE).await;
    assert_eq!(a.status, StatusCode::CREATED);
    // The server held the lock only while it wrote: a command-line ingest may start now.
    assert!(rasd_server::WriterLock::try_take(&fx.db).is_ok());
}

#[tokio::test]
async fn every_route_answers() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let doc: Value = serde_json::from_str(&get(&app, "/api/v1/openapi.json").await.text()).unwrap();
    assert!(doc["paths"]["/events"]["get"].is_object());
    for r in API_ROUTES {
        for m in r.methods {
            let path = r.path.replace(
                "{id}",
                if r.path.starts_with("/events") {
                    "1"
                } else {
                    "en-djibo"
                },
            );
            let uri = match r.path {
                "/aggregates" => "/api/v1/aggregates?by=week".to_owned(),
                "/documents" if *m == "get" => "/api/v1/documents?q=Djibo".to_owned(),
                _ => format!("/api/v1{path}"),
            };
            let req = Request::builder()
                .method(m.to_uppercase().as_str())
                .uri(&uri)
                .header("content-type", "application/json")
                .body(Body::from(if *m == "post" { README_EXAMPLE } else { "" }))
                .unwrap();
            let a = send(&app, req).await;
            assert!(
                a.status.is_success(),
                "{m} {uri}: {} {}",
                a.status,
                a.text()
            );
        }
    }
    let v = get(&app, "/api/v1/version").await.json();
    assert_eq!(v["api"], "v1");
    if fx.on_postgres() {
        assert_eq!(v["store"], "postgresql");
        assert_eq!(v["schema_version"], rasd_store_pg::SCHEMA_VERSION);
    } else {
        assert_eq!(v["store"], "sqlite");
        assert_eq!(v["schema_version"], rasd_store::SCHEMA_VERSION);
    }
    let v = get(&app, "/api/v1/health").await.json();
    assert_eq!(v["status"], "ok");
}

#[tokio::test]
async fn token_is_required_when_configured() {
    let fx = Fixture::with(false);
    let mut config = fx.config();
    config.token = Some("s3cret-token".into());
    let app = rasd_server::router(AppState::open(config).unwrap());
    let with = |token: Option<&str>| {
        let mut b = Request::get("/api/v1/events");
        if let Some(t) = token {
            b = b.header("authorization", t);
        }
        b.body(Body::empty()).unwrap()
    };
    let a = send(&app, with(None)).await;
    a.assert_error(401, "unauthorized", None);
    assert_eq!(a.header("www-authenticate"), Some("Bearer"));
    send(&app, with(Some("Bearer wrong")))
        .await
        .assert_error(401, "unauthorized", None);
    send(&app, with(Some("Bearer s3cret-token-longer")))
        .await
        .assert_error(401, "unauthorized", None);
    send(&app, with(Some("s3cret-token")))
        .await
        .assert_error(401, "unauthorized", None);
    assert_eq!(
        send(&app, with(Some("Bearer s3cret-token"))).await.status,
        StatusCode::OK
    );
    // Probes and the dashboard's static files need no token; posting does.
    assert_eq!(get(&app, "/api/v1/health").await.status, StatusCode::OK);
    assert_eq!(get(&app, "/").await.status, StatusCode::OK);
    post(&app, "/api/v1/documents", README_EXAMPLE)
        .await
        .assert_error(401, "unauthorized", None);

    // Binding off loopback without a token is refused before anything is opened.
    let mut config = ServerConfig::new(fx.dir.path().join("other.sqlite"));
    config.bind = "0.0.0.0:0".parse().unwrap();
    let err = rasd_server::Server::bind(config.clone()).await.unwrap_err();
    assert!(
        matches!(err, rasd_server::ServerError::TokenRequired { .. }),
        "{err}"
    );
    assert!(!fx.dir.path().join("other.sqlite").exists());
    config.token = Some("t".into());
    assert!(config.check_binding().is_ok());
}

#[tokio::test]
async fn boundaries_gzip_etag() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let req = Request::get("/api/v1/boundaries?level=1")
        .header("accept-encoding", "gzip, br")
        .body(Body::empty())
        .unwrap();
    let a = send(&app, req).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.header("content-encoding"), Some("gzip"));
    assert_eq!(a.header("content-type"), Some("application/geo+json"));
    let mut json = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&a.body[..]), &mut json)
        .unwrap();
    let v: Value = serde_json::from_str(&json).unwrap();
    let features = v["features"].as_array().unwrap();
    assert!(features.iter().any(
        |f| f["properties"]["name"] == "Sahel" && f["properties"]["country"] == "Burkina Faso"
    ));
    assert!(v["countries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "Mali"));
    let etag = a.header("etag").unwrap().to_owned();
    let req = Request::get("/api/v1/boundaries?level=1")
        .header("if-none-match", &etag)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, req).await.status, StatusCode::NOT_MODIFIED);
    // Without gzip: plain JSON. Admin2 units name their admin1.
    let a = get(&app, "/api/v1/boundaries?level=2").await;
    assert!(a.header("content-encoding").is_none());
    let v = a.json();
    assert!(v["features"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["properties"]["name"] == "Soum" && f["properties"]["admin1"] == "Sahel"));
}

#[tokio::test]
async fn dashboard_assets() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let a = get(&app, "/").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header("content-type").unwrap().starts_with("text/html"));
    assert!(a
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'self'"));
    let html = a.text();
    for (name, _, _) in rasd_server::ASSETS {
        assert!(
            html.contains(&format!("/assets/{name}")),
            "{name} not linked"
        );
        let a = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(a.status, StatusCode::OK);
    }
    // No file is fetched from elsewhere.
    for (name, _, body) in rasd_server::ASSETS {
        assert!(
            !body.contains("http://")
                || *name == "favicon.svg"
                || body.contains("http://www.w3.org/2000/svg"),
            "{name}"
        );
        assert!(
            !body.contains("https://") || !body.contains("cdn"),
            "{name}"
        );
    }
    get(&app, "/assets/missing.js")
        .await
        .assert_error(404, "not_found", None);
}

/// Another process (here another connection) writes: the index notices and rebuilds.
#[tokio::test]
async fn index_follows_external_writes() {
    let fx = Fixture::with(false);
    let app = fx.app();
    let before = get(&app, "/api/v1/aggregates?by=type").await.json()["total"]["events"]
        .as_u64()
        .unwrap();
    let mut store = fx.store();
    store
        .import_acled(&rasd_store::synthetic_acled(25, 1000, 3))
        .unwrap();
    drop(store);
    let mut now = before;
    for _ in 0..100 {
        now = get(&app, "/api/v1/aggregates?by=type").await.json()["total"]["events"]
            .as_u64()
            .unwrap();
        if now == before + 25 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(now, before + 25);
}

on_postgres!(
    default_page_and_totals,
    cursor_walks_every_event_once,
    page_size_caps,
    filters_narrow_as_documented,
    bad_parameters_are_400_naming_the_parameter,
    sql_looking_values_are_data,
    formats_geojson_and_csv,
    event_detail_has_sources_and_evidence,
    arabic_event_detail,
    aggregates_add_up,
    index_agrees_with_the_store,
    cached_filters_follow_posted_documents,
    map_points_cluster,
    document_search_and_detail,
    post_codes_and_stores,
    post_rejects_bad_bodies,
    every_route_answers,
    index_follows_external_writes,
);
