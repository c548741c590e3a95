//! Series and early-warning flags for every admin2 area over ten years of synthetic events.
//! Each iteration asserts its result (every event counted, the injected spikes flagged).

use criterion::{criterion_group, criterion_main, Criterion};
use rasd_analytics::bench::synthetic;
use rasd_analytics::{EventTable, Interval, Level, Metric, Scope, WarningConfig};
use std::time::Duration;

fn analytics(c: &mut Criterion) {
    let n = std::env::var("RASD_BENCH_EVENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000usize);
    let (rows, spikes) = synthetic(n, 42);
    let report = rasd_analytics::bench::run(n);
    println!("{report}");
    assert!(
        report.spikes_found * 10 >= report.spikes_injected * 9,
        "{report}"
    );
    let cfg = WarningConfig {
        admin1: false,
        actors: false,
        ..Default::default()
    };
    let mut group = c.benchmark_group("analytics");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function(
        format!("table+series+flags admin2, {} events", rows.len()),
        |b| {
            b.iter(|| {
                let table = EventTable::new(&rows);
                let series = table.area_series(Level::Admin2, Interval::Week, None, None);
                let counted: u64 = series.iter().map(|s| s.series.events() as u64).sum();
                assert_eq!(counted, rows.len() as u64);
                let w = table.early_warning(&cfg);
                let found = spikes
                    .iter()
                    .filter(|s| {
                        w.flags.iter().any(|f| {
                            f.scope == Scope::Admin2
                                && f.metric == Metric::Events
                                && f.area == s.area
                                && f.week_start == s.week_start
                        })
                    })
                    .count();
                assert!(found * 10 >= spikes.len() * 9);
                w.flags.len()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, analytics);
criterion_main!(benches);
