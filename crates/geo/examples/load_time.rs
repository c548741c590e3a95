//! Print how long loading the embedded gazetteer takes, and a few look-ups:
//! `cargo run --release -p rasd-geo --example load_time`
use rasd_geo::{Gazetteer, GeoHints};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let load = t.elapsed();
    println!(
        "load: {load:.1?} ({} places, {} names)",
        g.place_count(),
        g.name_count()
    );
    let t = Instant::now();
    let text = rasd_text::normalize("Attaque près de Djibo");
    let m = g.geoparse(&text, &GeoHints::default());
    println!("first geoparse (builds the automaton): {:.1?}", t.elapsed());
    let t = Instant::now();
    let n = 1000;
    for _ in 0..n {
        let _ = g.geoparse(&text, &GeoHints::default());
    }
    println!("geoparse, short text: {:.1?} per call", t.elapsed() / n);
    for mm in &m {
        println!("{mm:?}");
    }
    let t = Instant::now();
    for (lat, lon) in [
        (14.10, -1.63),
        (16.77, -3.0),
        (18.44, 1.41),
        (13.51, 2.13),
        (12.61, -7.98),
        (11.85, 13.13),
    ] {
        println!("{lat} {lon}: {:?}", g.admin_for_point(lat, lon));
    }
    println!("6 admin_for_point: {:.1?}", t.elapsed());
}
