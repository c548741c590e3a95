//! Serving latency at 100,000 stored events: the dashboard's first view (8 requests sent at
//! once, as a browser does) and a filter change (5 requests), in-process through the router.
//! Asserts the answers (a broken endpoint must not look fast) and prints the
//! [`rasd_server::bench_serve`] report (p50/p95 of both scenarios, each request alone).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use criterion::{criterion_group, criterion_main, Criterion};
use rasd_server::{
    bench_serve, filter_change_requests, first_view_requests, router, AppState, BenchServeConfig,
    ServerConfig, FILTERS,
};
use std::path::PathBuf;
use tower::ServiceExt;

async fn fetch_all(app: &axum::Router, uris: &[String]) -> usize {
    let tasks: Vec<_> = uris
        .iter()
        .map(|u| {
            let app = app.clone();
            let req = Request::get(u)
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap();
            tokio::spawn(async move {
                let res = app.oneshot(req).await.unwrap();
                assert_eq!(res.status(), StatusCode::OK);
                axum::body::to_bytes(res.into_body(), usize::MAX)
                    .await
                    .unwrap()
                    .len()
            })
        })
        .collect();
    let mut n = 0;
    for t in tasks {
        n += t.await.unwrap();
    }
    n
}

fn serve(c: &mut Criterion) {
    let config = BenchServeConfig {
        path: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-serve-100k.sqlite"),
        events: 100_000,
        repeat: 10,
        seed: 7,
    };
    let report = bench_serve(&config).expect("serving benchmark");
    eprintln!("{}", serde_json::to_string_pretty(&report).unwrap());
    assert!(report.events >= 100_000);
    assert!(report.first_view.bytes > 100_000, "answers look empty");
    assert!(report.filter_change.bytes > 1_000, "answers look empty");
    assert!(
        report.analytics.iter().all(|r| r.bytes > 100),
        "analytics answers look empty"
    );

    let app = router(AppState::open(ServerConfig::new(&config.path)).unwrap());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let first = first_view_requests();
    let mut group = c.benchmark_group("serve 100k events");
    group.sample_size(20);
    group.bench_function("first view", |b| {
        b.iter(|| assert!(rt.block_on(fetch_all(&app, &first)) > 100_000))
    });
    let mut i = 0;
    group.bench_function("filter change", |b| {
        b.iter(|| {
            i += 1;
            let uris = filter_change_requests(FILTERS[i % FILTERS.len()]);
            assert!(rt.block_on(fetch_all(&app, &uris)) > 0)
        })
    });
    group.finish();
}

criterion_group!(benches, serve);
criterion_main!(benches);
