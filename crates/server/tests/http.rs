//! The real server on a free loopback port, queried over real HTTP with a tiny std client.

mod common;

use common::*;
use rasd_server::Server;

#[test]
fn real_server_over_http() {
    let fx = Fixture::new();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut config = fx.config();
    config.bind = "127.0.0.1:0".parse().unwrap();
    let server = rt.block_on(Server::bind(config)).unwrap();
    let addr = server.local_addr().unwrap();
    assert!(addr.ip().is_loopback() && addr.port() != 0);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = rt.spawn(server.run_until(async {
        let _ = stopped.await;
    }));

    let (status, _, body) = http(addr, "GET", "/api/v1/health", &[], None);
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["status"], "ok");

    let (status, headers, body) = http(
        addr,
        "GET",
        "/api/v1/events?country=Mali&limit=5",
        &[],
        None,
    );
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 5);
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["country"] == "Mali"));
    assert!(headers.iter().any(|(k, _)| k == "x-total-count"));

    // Errors are JSON over the wire too.
    let (status, _, body) = http(addr, "GET", "/api/v1/events?limit=5000", &[], None);
    assert_eq!(status, 400);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["error"]["parameter"], "limit");

    // Posting a document codes and stores it.
    let doc = br#"{"id":"http-1","published":"2026-01-14","text":"On Monday, suspected JNIM militants attacked a military post near Djibo, killing 12 soldiers."}"#;
    let (status, _, body) = http(
        addr,
        "POST",
        "/api/v1/documents",
        &[("Content-Type", "application/json")],
        Some(doc),
    );
    assert_eq!(status, 201, "{}", String::from_utf8_lossy(&body));
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let id = v["documents"][0]["event_ids"][0].as_i64().unwrap();
    let (status, _, body) = http(addr, "GET", &format!("/api/v1/events/{id}"), &[], None);
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["sources"][0]["document"]["id"], "http-1");

    // Boundaries come gzip-compressed when asked; the dashboard page is served.
    let (status, headers, body) = http(
        addr,
        "GET",
        "/api/v1/boundaries?level=0",
        &[("Accept-Encoding", "gzip")],
        None,
    );
    assert_eq!(status, 200);
    assert!(headers
        .iter()
        .any(|(k, v)| k == "content-encoding" && v == "gzip"));
    assert_eq!(&body[..2], &[0x1f, 0x8b]);
    let (status, _, body) = http(addr, "GET", "/", &[], None);
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("/assets/app.js"));

    stop.send(()).unwrap();
    rt.block_on(running).unwrap().unwrap();
}
