//! The dashboard in headless Chromium, driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`; `.ci/run` installs them). Not skipped when they are missing: it fails.
//!
//! Against a store of known events: the map draws points, the timeline and the table show the
//! events, a filter narrows everything and lands in the URL, clicking an event opens its detail
//! with the evidence highlighted, and an Arabic report is shown right-to-left with whole-word
//! highlights. The Analysis tab shows the series, the early-warning flags (the known spike in
//! Bankass among them; clicking it filters the map and table to its events), the control
//! indicator with its inputs and the capabilities table. Screenshots: `<target
//! dir>/dashboard.png`, `dashboard-detail.png` and `dashboard-analysis.png`.

mod common;

use base64::Engine;
use common::*;
use rasd_store::Store;
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// chromedriver, killed on drop.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = std::panic::catch_unwind(|| http(self.addr, "DELETE", &path, &[], None));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        let port = free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "chromedriver is required for the dashboard test \
                 (apt-get install chromium chromium-driver)",
            );
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let mut driver = Driver {
            child,
            addr,
            session: String::new(),
        };
        let t = Instant::now();
        loop {
            if std::net::TcpStream::connect(addr).is_ok() {
                let (status, _, body) = http(addr, "GET", "/status", &[], None);
                let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                if status == 200 && v["value"]["ready"] == true {
                    break;
                }
            }
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=en-US"]
            }
        }}});
        let v = driver.call("POST", "/session", Some(caps));
        driver.session = v["sessionId"].as_str().expect("session id").to_owned();
        driver
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let (status, _, out) = http(
            self.addr,
            method,
            path,
            &[("Content-Type", "application/json")],
            body.as_deref().map(str::as_bytes),
        );
        let v: Value = serde_json::from_slice(&out).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn go(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({ "url": url })));
    }

    fn js(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": script, "args": args})),
        )
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            &self.s("/element"),
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_owned()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/click")),
            Some(json!({})),
        );
    }

    /// Drag the mouse across `css` from `x0` to `x1` (pixels from the element's centre).
    fn drag(&self, css: &str, x0: i64, x1: i64) {
        let e = self.find(css);
        let origin = json!({ "element-6066-11e4-a52e-4f735466cecf": e });
        self.call(
            "POST",
            &self.s("/actions"),
            Some(json!({"actions": [{
                "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                "actions": [
                    {"type": "pointerMove", "origin": origin, "x": x0, "y": 0, "duration": 0},
                    {"type": "pointerDown", "button": 0},
                    {"type": "pointerMove", "origin": origin, "x": (x0 + x1) / 2, "y": 0, "duration": 50},
                    {"type": "pointerMove", "origin": origin, "x": x1, "y": 0, "duration": 50},
                    {"type": "pointerUp", "button": 0}
                ]
            }]})),
        );
        self.call("DELETE", &self.s("/actions"), None);
    }

    fn type_text(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/value")),
            Some(json!({ "text": text })),
        );
    }

    /// Wait until `condition` (a JS expression) is true and no request is in flight.
    fn wait(&self, condition: &str) {
        let script = format!(
            "return !!document.body && document.body.dataset.ready === '1' \
             && document.body.dataset.pending === '0' && !!({condition});"
        );
        let t = Instant::now();
        while self.js(&script, json!([])) != true {
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "timed out waiting for {condition}; error banner: {}",
                self.js(
                    "return document.getElementById('error').textContent",
                    json!([])
                )
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let v = self.call("GET", &self.s("/screenshot"), None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap())
            .unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let path = target_dir().join(name);
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Severe browser console entries (JavaScript errors, failed requests).
    fn severe_logs(&self) -> Vec<String> {
        let v = self.call("POST", &self.s("/se/log"), Some(json!({"type": "browser"})));
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

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
