//! Geoparsing throughput on short reports in the three languages.
//! `cargo bench -p rasd-geo --bench geoparse`
//!
//! Each document is checked once before timing: it must yield its expected place, so a broken
//! stage (an empty automaton, a gate that drops everything) cannot look fast.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_geo::{Gazetteer, GeoHints};
use std::hint::black_box;

const DOCS: &[(&str, &str, &str)] = &[
    (
        "en",
        "On 5 May, unidentified gunmen attacked the village of Koutougou in Soum province, \
         killing five civilians, the governor of the Sahel region said in Dori.",
        "Koutougou",
    ),
    (
        "fr",
        "Des hommes armés ont attaqué un poste de gendarmerie près de Djibo dans la nuit de \
         lundi, selon une source sécuritaire jointe depuis Ouagadougou.",
        "Djibo",
    ),
    (
        "ar",
        "قتل خمسة جنود في هجوم على قرية قرب موبتي وسط مالي، حسبما أفاد مصدر أمني في باماكو.",
        "Mopti",
    ),
];

fn bench(c: &mut Criterion) {
    let g = Gazetteer::embedded();
    let hints = GeoHints::default();
    let mut group = c.benchmark_group("geoparse");
    for &(lang, text, want) in DOCS {
        let norm = rasd_text::normalize(text);
        let ms = g.geoparse_original(text, &norm, &hints);
        let top = ms
            .iter()
            .filter(|m| m.kind != rasd_geo::PlaceKind::Country)
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .unwrap_or_else(|| panic!("{lang}: no place in {ms:?}"));
        assert_eq!(
            top.location, want,
            "{lang}: the event's place should score highest: {ms:#?}"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(lang, |b| {
            b.iter(|| g.geoparse_original(black_box(text), black_box(&norm), &hints))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
