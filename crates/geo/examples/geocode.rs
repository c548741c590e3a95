//! Print the place mentions of a text: `cargo run -p rasd-geo --example geocode -- "text" [Country]`
use rasd_geo::{Gazetteer, GeoHints};

fn main() {
    let text = std::env::args().nth(1).expect("a text");
    let countries = std::env::args().skip(2).collect();
    let n = rasd_text::normalize(&text);
    for m in Gazetteer::embedded().geoparse_original(
        &text,
        &n,
        &GeoHints {
            countries,
            ..Default::default()
        },
    ) {
        println!(
            "{:?} {} | {} / {:?} / {:?} | {:.4},{:.4} p{} {:?} {:.2} | {}",
            m.kind,
            &n.as_str()[m.start..m.end],
            m.country,
            m.admin1,
            m.admin2,
            m.latitude,
            m.longitude,
            m.geo_precision,
            m.cue,
            m.score,
            m.why
        );
    }
}
