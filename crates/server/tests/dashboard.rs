//! The dashboard in headless Chromium, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`; `.ci/run` installs them). Not skipped when they are missing: it fails.
//!
//! Against a store of known events: the map draws points, the timeline and the table show the
//! events, a filter narrows everything and lands in the URL, clicking an event opens its detail
//! with the evidence highlighted, and an Arabic report is shown right-to-left with whole-word
//! highlights. The Analysis tab shows the series, the early-warning flags (the known spike in
//! Bankass among them; clicking it filters the map and table to its events), the control
//! indicator with its inputs and the capabilities table. Two filter changes in a row cancel the
//! first one's requests. Screenshots: `<target
//! dir>/dashboard.png`, `dashboard-detail.png` and `dashboard-analysis.png`.

mod common;

use common::webdriver::Driver;
use common::*;
use rasd_store::Store;
use serde_json::{json, Value};
use std::time::Instant;

#[test]
fn dashboard_in_headless_chromium() {
    let fx = Fixture::new();
    fx.store().import_acled(&analytics_acled()).unwrap();
    let total = fx.store().stats().unwrap().events;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut config = fx.config();
    config.bind = "127.0.0.1:0".parse().unwrap();
    let server = rt.block_on(rasd_server::Server::bind(config)).unwrap();
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = rt.spawn(server.run_until(async {
        let _ = stopped.await;
    }));
    let base = format!("http://{addr}/");
    let api = |path: &str| -> Value {
        let (status, _, body) = http(addr, "GET", path, &[], None);
        assert_eq!(status, 200, "{path}");
        serde_json::from_slice(&body).unwrap()
    };

    let d = Driver::start();

    // First view: map points, timeline bars, table rows, totals.
    let t = Instant::now();
    d.go(&base);
    d.wait("document.querySelectorAll('#events tbody tr[data-id]').length > 0");
    let first_view = t.elapsed();
    let located = api("/api/v1/aggregates?by=type")["total"]["located"]
        .as_u64()
        .unwrap();
    let shown = d.js(
        "const m = document.getElementById('map').dataset; \
         return [Number(m.points), Number(m.clusters), Number(m.total)];",
        json!([]),
    );
    assert!(
        shown[0].as_u64().unwrap() + shown[1].as_u64().unwrap() > 0,
        "{shown}"
    );
    assert!(shown[2].as_u64().unwrap() > 0 && shown[2].as_u64().unwrap() <= located);
    let timeline = d.js(
        "const s = document.getElementById('timeline'); \
         return [Number(s.dataset.weeks), s.querySelectorAll('path[data-type]').length];",
        json!([]),
    );
    assert!(timeline[0].as_u64().unwrap() > 10, "{timeline}");
    assert!(
        timeline[1].as_u64().unwrap() >= 3,
        "stacked by type: {timeline}"
    );
    let table = d.js(
        "const t = document.getElementById('events'); \
         return [t.tBodies[0].rows.length, Number(t.dataset.total)];",
        json!([]),
    );
    assert_eq!(table[0], 50);
    assert_eq!(table[1].as_u64().unwrap(), total);
    let totals = d.js(
        "return document.getElementById('totals').dataset.events",
        json!([]),
    );
    assert_eq!(totals, total.to_string());
    d.screenshot("dashboard.png");

    // Brushing the timeline selects dates: every panel follows, the URL keeps them.
    d.drag("#timeline", -150, 0);
    d.wait("/from=\\d{4}-\\d\\d-\\d\\d&to=\\d{4}/.test(location.hash) && document.querySelector('#timeline .brush')");
    let range = d.js(
        "const p = new URLSearchParams(location.hash.slice(1)); return [p.get('from'), p.get('to')];",
        json!([]),
    );
    let (from, to) = (range[0].as_str().unwrap(), range[1].as_str().unwrap());
    assert!(from < to, "{range}");
    let in_range = api(&format!("/api/v1/events?from={from}&to={to}&limit=1"))["total"]
        .as_u64()
        .unwrap();
    assert!(in_range > 0 && in_range < total, "{in_range} of {total}");
    d.wait(&format!(
        "document.getElementById('events').dataset.total === '{in_range}' \
         && document.getElementById('totals').dataset.events === '{in_range}'"
    ));
    d.click("#clear-dates");
    d.wait(&format!(
        "!location.hash.includes('from=') && document.getElementById('events').dataset.total === '{total}'"
    ));

    // A filter narrows every panel and lands in the URL.
    d.click("#f-country option[value='Burkina Faso']");
    d.wait("location.hash.includes('country=Burkina+Faso')");
    let bf = api("/api/v1/events?country=Burkina%20Faso&limit=1")["total"]
        .as_u64()
        .unwrap();
    d.wait(&format!(
        "document.getElementById('events').dataset.total === '{bf}'"
    ));
    let places = d.js(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.cells[5].textContent)",
        json!([]),
    );
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p.as_str().unwrap().ends_with("Burkina Faso")));
    assert_eq!(
        d.js(
            "return document.getElementById('totals').dataset.events",
            json!([])
        ),
        bf.to_string()
    );

    // Superseded requests are cancelled: two filter changes in a row abort every panel's
    // request of the first (totals, timeline, map points, breakdown, table), and only the
    // second change's answers are drawn.
    let niger = api("/api/v1/events?country=Niger&limit=1")["total"]
        .as_u64()
        .unwrap();
    let mali = api("/api/v1/events?country=Mali&limit=1")["total"]
        .as_u64()
        .unwrap();
    assert_ne!(niger, mali);
    let before = d.js("return window.rasd.requestStats.superseded", json!([]));
    d.js(
        "window.rasd.setFilters({ country: 'Mali' }); window.rasd.setFilters({ country: 'Niger' });",
        json!([]),
    );
    d.wait(&format!(
        "location.hash.includes('country=Niger') \
         && document.getElementById('events').dataset.total === '{niger}' \
         && document.getElementById('totals').dataset.events === '{niger}'"
    ));
    let cancelled = d
        .js("return window.rasd.requestStats.superseded", json!([]))
        .as_u64()
        .unwrap()
        - before.as_u64().unwrap();
    assert!(
        cancelled >= 5,
        "each panel's superseded request is cancelled: {cancelled}"
    );
    let places = d.js(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.cells[5].textContent)",
        json!([]),
    );
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p.as_str().unwrap().ends_with("Niger")),
        "{places}"
    );
    d.js(
        "window.rasd.setFilters({ country: 'Burkina Faso' });",
        json!([]),
    );
    d.wait(&format!(
        "document.getElementById('events').dataset.total === '{bf}'"
    ));

    // Free text: the Djibo attack, reported in English and French, is one event.
    d.type_text("#f-text", "Djibo");
    d.wait("location.hash.includes('text=Djibo') && document.getElementById('events').dataset.total === '1'");
    // The map draws it as a Battles-coloured point where it is.
    let pixel = d.js(
        "const m = window.rasd.map, c = document.getElementById('map-canvas'); \
         const cos = Math.cos(14 * Math.PI / 180); \
         const x = (-1.6255 - m.lon) * m.k * cos + m.w / 2, y = (m.lat - 14.0994) * m.k + m.h / 2; \
         const p = c.getContext('2d').getImageData(Math.round(x * m.dpr), Math.round(y * m.dpr), 1, 1).data; \
         return [m.points.length, p[0], p[1], p[2]];",
        json!([]),
    );
    assert_eq!(pixel[0], 1, "{pixel}");
    assert_eq!(
        (pixel[1].as_u64(), pixel[2].as_u64(), pixel[3].as_u64()),
        (Some(0xc0), Some(0x39), Some(0x2b)),
        "Battles colour at Djibo: {pixel}"
    );
    d.click("#events tbody tr[data-id]");
    d.wait("!document.getElementById('detail').hidden && document.querySelectorAll('#detail .source').length === 2");
    let marks = d.js(
        "return [...document.querySelectorAll('#detail .source-text mark.ev-trigger')].map(m => m.textContent)",
        json!([]),
    );
    assert_eq!(marks, json!(["attacked", "ont attaqué"]));
    let merged = d.js(
        "return document.querySelectorAll('#detail .source')[1].querySelector('.meta').textContent",
        json!([]),
    );
    assert!(merged.as_str().unwrap().contains("merged"), "{merged}");

    // Reload from a shared URL: an Arabic event, French interface.
    let gao = api(&format!("/api/v1/events?text={}", enc("غاو")))["events"][0]["id"]
        .as_i64()
        .unwrap();
    d.go(&format!("{base}#lang=fr&event={gao}&choro=admin1"));
    d.js("location.reload()", json!([]));
    d.wait(&format!(
        "document.getElementById('detail').dataset.event === '{gao}' && document.querySelector('#detail .source-text')"
    ));
    let ar = d.js(
        "const box = document.querySelector('#detail .source-text'); \
         const marks = [...box.querySelectorAll('mark')]; \
         const arabic = /[\\u0621-\\u064A]/; \
         const whole = marks.every(m => { \
           const before = m.previousSibling ? m.previousSibling.textContent.slice(-1) : ''; \
           const after = m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : ''; \
           return !arabic.test(before) && !arabic.test(after); }); \
         return { dir: box.getAttribute('dir'), lang: box.getAttribute('lang'), \
           text: box.textContent, marks: marks.map(m => m.textContent), whole, \
           direction: getComputedStyle(box).direction, \
           close: document.getElementById('detail-close').textContent, \
           title: document.querySelector('#detail .doc-title mark').textContent };",
        json!([]),
    );
    assert_eq!(ar["dir"], "rtl");
    assert_eq!(ar["direction"], "rtl");
    assert_eq!(ar["lang"], "ar");
    assert_eq!(ar["text"], AR_GAO, "the text is shown whole");
    assert_eq!(ar["marks"], json!(["مسلحون", "عشرة", "هجوم", "غاو"]));
    assert_eq!(ar["whole"], true, "highlights never split a word");
    assert_eq!(ar["title"], "هجوم");
    assert_eq!(ar["close"], "Fermer", "French interface");
    d.screenshot("dashboard-detail.png");

    // The Analysis tab, from a shared URL: series, flags, control indicator, capabilities.
    d.go(&format!("{base}#tab=analysis&cmonth=2019-02&choro=control"));
    d.js("location.reload()", json!([]));
    let bankass = "#flags li[data-area='Mali / Mopti / Bankass'][data-week='2019-W12']";
    d.wait(&format!(
        "!document.getElementById('analysis').hidden \
         && Number(document.getElementById('series-chart').dataset.buckets) > 0 \
         && Number(document.getElementById('flags').dataset.count) > 0 \
         && document.querySelector(\"{bankass}\") \
         && document.querySelector(\"#control-list li[data-area='Mali / Timbuktu / Gourma-Rharous']\") \
         && Number(document.getElementById('cap-table').dataset.rows) > 0"
    ));
    // The tab asked for its four panels and not for the Overview's hidden timeline and
    // breakdown.
    let sent = d.js(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/v1/'))",
        json!([]),
    );
    let sent: Vec<&str> = sent
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for panel in ["series", "warnings", "control", "capabilities"] {
        let path = format!("/api/v1/analytics/{panel}?");
        assert!(sent.iter().any(|u| u.contains(&path)), "{panel}: {sent:?}");
    }
    assert!(
        !sent
            .iter()
            .any(|u| u.contains("split=type") || u.contains("limit=12")),
        "{sent:?}"
    );
    let series = api("/api/v1/analytics/series");
    let shown = d.js(
        "const s = document.getElementById('series-chart'); \
         return [s.dataset.events, s.querySelectorAll('path[data-key]').length, \
           document.getElementById('timeline-title').closest('section').hidden];",
        json!([]),
    );
    assert_eq!(shown[0], series["total"]["events"].to_string(), "{shown}");
    assert_eq!(shown[1], 3, "events, fatalities and sources bands: {shown}");
    assert_eq!(
        shown[2], true,
        "the Analysis panel takes the timeline's place"
    );
    let spike = api("/api/v1/analytics/warnings")["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["area"] == "Mali / Mopti / Bankass" && f["week"] == "2019-W12")
        .expect("the known spike is flagged")["event_ids"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(spike, 9);
    // 50 flags drawn, the others one click away; new spread drawn when opened.
    let warnings = api("/api/v1/analytics/warnings?limit=5000");
    let all_flags = warnings["flags"].as_array().unwrap().len();
    assert!(all_flags > 50, "{all_flags} flags");
    d.wait("document.getElementById('flags').dataset.count === '50' && !document.getElementById('flags-more').hidden");
    d.click("#flags-more");
    d.wait(&format!(
        "document.getElementById('flags').dataset.count === '{all_flags}' \
         && document.getElementById('flags-more').hidden"
    ));
    assert!(warnings["total_spread"].as_u64().unwrap() > 0);
    assert_eq!(
        d.js(
            "return document.querySelectorAll('#spread li').length",
            json!([])
        ),
        0
    );
    d.click("#spread-box summary");
    d.wait("document.querySelectorAll('#spread li[data-area]').length > 0");
    // The control indicator: on the map (legend) and one click from its inputs.
    assert_eq!(
        d.js(
            "return !!document.querySelector('#legend [data-control]')",
            json!([])
        ),
        true
    );
    d.click("#control-list li[data-area='Mali / Timbuktu / Gourma-Rharous']");
    d.wait("!document.getElementById('control-detail').hidden");
    let control = d.js(
        "const b = document.getElementById('control-detail'); \
         return [b.querySelector('h4').textContent, Number(b.querySelector('table.inputs').dataset.rows)];",
        json!([]),
    );
    assert!(
        control[0].as_str().unwrap().contains("JNIM influence"),
        "{control}"
    );
    assert_eq!(control[1], 2, "taken by JNIM, lost by the army: {control}");
    d.screenshot("dashboard-analysis.png");
    // Clicking the flag filters the map and the table to its events.
    d.click(bankass);
    d.wait(&format!(
        "location.hash.includes('ids=') \
         && document.getElementById('events').dataset.total === '{spike}' \
         && document.getElementById('totals').dataset.events === '{spike}' \
         && document.querySelector('#chips [data-chip=ids]')"
    ));
    let places = d.js(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.cells[5].textContent)",
        json!([]),
    );
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p.as_str().unwrap().starts_with("Bankass")),
        "{places}"
    );
    // French labels; the selection is cleared from its chip.
    d.click("#lang option[value='fr']");
    d.wait(
        "document.getElementById('tab-analysis').textContent === 'Analyse' \
            && document.getElementById('flags-count').textContent.includes('alertes')",
    );
    d.click("#chips [data-chip=ids]");
    d.wait(&format!(
        "!location.hash.includes('ids=') && document.getElementById('events').dataset.total === '{total}'"
    ));

    // A filter set on the Analysis tab reaches the Overview's timeline and breakdown when
    // their tab shows again.
    let weeks = |q: &str| {
        api(&format!("/api/v1/aggregates?by=week&split=type{q}"))["buckets"]
            .as_array()
            .unwrap()
            .len()
    };
    let niger_weeks = weeks("&country=Niger");
    assert!(niger_weeks > 0 && niger_weeks != weeks(""));
    d.js("window.rasd.setFilters({ country: 'Niger' });", json!([]));
    d.wait(&format!(
        "document.getElementById('events').dataset.total === '{niger}'"
    ));
    assert_eq!(
        d.js(
            "return document.getElementById('timeline').dataset.weeks",
            json!([])
        ),
        "0",
        "never drawn on the Analysis tab"
    );
    d.click("#tab-overview");
    d.wait(&format!(
        "document.getElementById('timeline').dataset.weeks === '{niger_weeks}' \
         && document.querySelectorAll('#top-list li').length > 0"
    ));

    let severe = d.severe_logs();
    assert!(severe.is_empty(), "browser errors: {severe:?}");
    eprintln!(
        "dashboard first view (navigation to populated table): {} ms",
        first_view.as_millis()
    );
    drop(d);
    stop.send(()).unwrap();
    rt.block_on(running).unwrap().unwrap();
}
