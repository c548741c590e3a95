//! The dashboard's latency as a user sees it: headless Chromium (Debian's `chromium` and
//! `chromium-driver`) against `rasd serve` on 100,000 synthetic events (the database of
//! `rasd bench serve`; `RASD_BENCH_DB` names another). Prints, for the first view and for
//! filter changes on the Overview and Analysis tabs, p50/p95 from the filter being set to the
//! last panel drawn (a frame after the last answer), and per request (by endpoint) the time
//! from the change to its answer, plus the page's own timings (`window.rasd.timings`) of the
//! last change: per request the wait for its headers (`wait`), then for its body (`body`) and
//! its JSON parse (`parse`), each panel's drawing, and (`~`) when the last answer was drawn,
//! when the next frame started and the long tasks' total.
//!
//! `cargo bench -p rasd-server --bench dashboard` (`-- --repeat N` for N rounds of the filters).

#[path = "../tests/common/mod.rs"]
mod common;

use common::webdriver::Driver;
use rasd_server::{prepare_bench_store, BenchServeConfig, Server, ServerConfig};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Filter changes, each from the previous one (the filter objects `window.rasd.setFilters`
/// takes). Text filters use common words of the synthetic notes, each new to the server.
fn overview_changes(round: usize) -> Vec<Value> {
    let words = ["ambush", "convoy", "market", "patrol", "checkpoint", "camp"];
    vec![
        json!({"country": "Mali"}),
        json!({"type": "Battles"}),
        json!({"from": "2020-01-01", "to": "2020-12-31"}),
        json!({"country": "", "type": "", "from": "", "to": ""}),
        json!({"actor": "jnim"}),
        json!({"actor": "", "text": words[round % words.len()]}),
        json!({"text": "", "country": "Niger", "admin1": "Tillaberi"}),
        json!({"country": "", "admin1": "", "type": "Violence against civilians"}),
        json!({"type": ""}),
    ]
}

/// Analysis-tab changes: the four analytics requests of a new selection, plus the map and table.
fn analysis_changes(round: usize) -> Vec<Value> {
    let years = ["2019", "2020", "2021", "2022"];
    let y = years[round % years.len()];
    vec![
        json!({"country": "Burkina Faso"}),
        json!({"country": "", "type": "Battles"}),
        json!({"type": "", "to": format!("{y}-12-31")}),
        json!({"to": "", "actor": "jnim"}),
        json!({"actor": ""}),
    ]
}

/// Set `filter`, wait for every panel, and return `{ms, requests: [{path, end}], timings}`.
const CHANGE: &str = "
const [filter, done] = arguments;
performance.clearResourceTimings();
for (const k of Object.keys(window.rasd.timings)) delete window.rasd.timings[k];
let busy = 0;
const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) busy += e.duration; });
try { obs.observe({ type: 'longtask' }); } catch (_) { /* no long-task timing */ }
const t0 = performance.now();
window.rasd.setFilters(filter);
const poll = () => {
  if (document.body.dataset.pending !== '0') { setTimeout(poll, 1); return; }
  const idle = performance.now() - t0;
  requestAnimationFrame(() => { const raf = performance.now() - t0; setTimeout(() => {
    const ms = performance.now() - t0;
    obs.disconnect();
    const timings = Object.assign({}, window.rasd.timings);
    timings['~ all answers drawn'] = idle;
    timings['~ next frame starts'] = raf;
    timings['~ long tasks (sum)'] = busy;
    const requests = performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/') && e.responseEnd > 0)
      .map((e) => ({ path: new URL(e.name).pathname + '?' + (new URL(e.name).searchParams.get('by') || new URL(e.name).searchParams.get('level') || ''),
                     end: e.responseEnd - t0, size: e.encodedBodySize }));
    done({ ms, requests, timings });
  }, 0); });
};
poll();
";

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

fn line(name: &str, v: &mut [f64]) {
    if v.is_empty() {
        return;
    }
    let n = v.len();
    let (p50, p95, max) = (pct(v, 0.5), pct(v, 0.95), pct(v, 1.0));
    println!("{name:<44} {n:>5} {p50:>8.1} {p95:>8.1} {max:>8.1}");
}

#[derive(Default)]
struct Scenario {
    total: Vec<f64>,
    requests: BTreeMap<String, Vec<f64>>,
    drawing: BTreeMap<String, Vec<f64>>,
}

impl Scenario {
    fn add(&mut self, v: &Value) {
        self.total.push(v["ms"].as_f64().expect("a time"));
        for r in v["requests"].as_array().into_iter().flatten() {
            let path = r["path"].as_str().unwrap_or("").to_owned();
            self.requests
                .entry(path)
                .or_default()
                .push(r["end"].as_f64().unwrap_or(0.0));
        }
        for (k, t) in v["timings"].as_object().into_iter().flatten() {
            if let Some(t) = t.as_f64() {
                self.drawing.entry(k.clone()).or_default().push(t);
            }
        }
    }

    fn print(&mut self, name: &str) {
        line(name, &mut self.total);
        for (k, v) in &mut self.requests {
            line(&format!("  answer {k}"), v);
        }
        for (k, v) in &mut self.drawing {
            // Drawing times are named by panel; the others say what they are.
            let what = if k.contains(' ') { "" } else { "draw " };
            line(&format!("  {what}{k}"), v);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let repeat = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(3usize);
    let path = std::env::var_os("RASD_BENCH_DB").map_or_else(
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-serve-100k.sqlite"),
        PathBuf::from,
    );
    let config = BenchServeConfig {
        path: path.clone(),
        ..Default::default()
    };
    let events = prepare_bench_store(&config).expect("the benchmark's store");
    let rt = tokio::runtime::Runtime::new().unwrap();
    // `RASD_BENCH_URL` times a server already running (e.g. another build's `rasd serve` on
    // the same database) instead of starting one.
    let (base, server) = match std::env::var("RASD_BENCH_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let mut server_config = ServerConfig::new(&path);
            server_config.bind = "127.0.0.1:0".parse().unwrap();
            let server = rt.block_on(Server::bind(server_config)).unwrap();
            let addr = server.local_addr().unwrap();
            let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
            let running = rt.spawn(server.run_until(async {
                let _ = stopped.await;
            }));
            (format!("http://{addr}/"), Some((stop, running)))
        }
    };
    let d = Driver::start();
    let wait_ready = |d: &Driver| {
        let t = Instant::now();
        while d.js(
            "return document.body.dataset.ready === '1' && document.body.dataset.pending === '0'",
            json!([]),
        ) != true
        {
            assert!(
                t.elapsed() < Duration::from_secs(60),
                "the dashboard never got ready: {}",
                d.js(
                    "return [document.body.dataset.ready, document.body.dataset.pending, \
                     document.getElementById('error').textContent]",
                    json!([])
                )
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    println!(
        "dashboard latency in headless Chromium: {events} events, {} rounds",
        repeat
    );
    println!(
        "{:<44} {:>5} {:>8} {:>8} {:>8}",
        "scenario (ms from the change)", "runs", "p50", "p95", "max"
    );
    // First view: navigation start to every panel drawn (the page's own `readyMs`), each load
    // on a fresh page (the server's caches are warm after the first).
    let mut first = Vec::new();
    for i in 0..=repeat {
        d.go(&format!("{base}#r={i}"));
        // Cleared first, so the old page is never taken for the new one.
        d.js(
            "document.body.dataset.ready = ''; location.reload()",
            json!([]),
        );
        std::thread::sleep(Duration::from_millis(50));
        wait_ready(&d);
        let ms = d.js("return Number(document.body.dataset.readyMs)", json!([]));
        if i > 0 {
            first.push(ms.as_f64().unwrap());
        }
    }
    line("first view (warm server)", &mut first);

    let mut overview = Scenario::default();
    for round in 0..repeat {
        for f in overview_changes(round) {
            let v = d.js_async(CHANGE, json!([f]));
            overview.add(&v);
        }
    }
    overview.print("filter change, Overview tab");

    // The Analysis tab opened from a shared link: its first view, each on a fresh page.
    let mut first = Vec::new();
    for i in 0..=repeat {
        d.go(&format!("{base}#tab=analysis&r={i}"));
        // Cleared first, so the old page is never taken for the new one.
        d.js(
            "document.body.dataset.ready = ''; location.reload()",
            json!([]),
        );
        std::thread::sleep(Duration::from_millis(50));
        wait_ready(&d);
        let ms = d.js("return Number(document.body.dataset.readyMs)", json!([]));
        if i > 0 {
            first.push(ms.as_f64().unwrap());
        }
    }
    line("first view, Analysis tab (warm server)", &mut first);
    let mut analysis = Scenario::default();
    for round in 0..repeat {
        for f in analysis_changes(round) {
            let v = d.js_async(CHANGE, json!([f]));
            analysis.add(&v);
        }
    }
    analysis.print("filter change, Analysis tab");
    let superseded = d.js(
        "return (window.rasd.requestStats || {}).superseded",
        json!([]),
    );
    println!("superseded requests cancelled: {superseded}");
    drop(d);
    if let Some((stop, running)) = server {
        stop.send(()).unwrap();
        rt.block_on(running).unwrap().unwrap();
    }
}
