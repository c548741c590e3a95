//! Coder throughput on short reports in the three languages. Each iteration asserts that the
//! reports still yield events, so a broken coder cannot look fast.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_coder::{Coder, CoderConfig};
use rasd_model::Document;

const REPORTS: &[&str] = &[
    "On Monday, suspected JNIM militants attacked a military post near Djibo, killing 12 soldiers and wounding 5 others.",
    "Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le village de Tamou, tuant cinq civils.",
    "هاجم مسلحون قرية قرب موبتي في وسط مالي يوم السبت، ما أسفر عن مقتل ثمانية مدنيين.",
    "Hundreds of people marched in Niamey on Saturday to protest against the rising cost of fuel.",
];

fn bench(c: &mut Criterion) {
    let coder = Coder::new(CoderConfig::default());
    let docs: Vec<Document> = REPORTS
        .iter()
        .enumerate()
        .map(|(i, t)| Document {
            id: i.to_string(),
            text: t.to_string(),
            published: chrono::NaiveDate::from_ymd_opt(2026, 1, 14),
            ..Default::default()
        })
        .collect();
    let bytes: usize = REPORTS.iter().map(|r| r.len()).sum();
    let mut g = c.benchmark_group("coder");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("code 4 short reports (ar/fr/en)", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| coder.code(d).events.len()).sum();
            assert!(n >= docs.len(), "every report yields an event");
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
