//! A small WebDriver client for headless Chromium (Debian's `chromium` and `chromium-driver`),
//! shared by the dashboard test and the dashboard latency bench.

use super::http;
use base64::Engine;
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// chromedriver, killed on drop.
pub struct Driver {
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
    pub fn start() -> Driver {
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

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
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

    pub fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub fn go(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({ "url": url })));
    }

    pub fn js(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Run `script` as an asynchronous WebDriver script: it ends by calling its last
    /// argument with the result.
    pub fn js_async(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            &self.s("/execute/async"),
            Some(json!({"script": script, "args": args})),
        )
    }

    pub fn find(&self, css: &str) -> String {
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

    pub fn click(&self, css: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/click")),
            Some(json!({})),
        );
    }

    /// Drag the mouse across `css` from `x0` to `x1` (pixels from the element's centre).
    pub fn drag(&self, css: &str, x0: i64, x1: i64) {
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

    pub fn type_text(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/value")),
            Some(json!({ "text": text })),
        );
    }

    /// Wait until `condition` (a JS expression) is true and no request is in flight.
    pub fn wait(&self, condition: &str) {
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

    pub fn screenshot(&self, name: &str) -> PathBuf {
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
    pub fn severe_logs(&self) -> Vec<String> {
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
