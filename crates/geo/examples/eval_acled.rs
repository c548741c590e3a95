//! Development check of geoparsing against an ACLED export (evaluation only: reads the file
//! given on the command line, prints aggregate scores and a few misses; nothing is stored).
//! `cargo run --release -p rasd-geo --example eval_acled -- ../shared/eval/acled/acled_sahel_dev_2012_2019.csv`
use rasd_geo::{haversine_km, Gazetteer, GeoHints, PlaceKind};

fn main() {
    let path = std::env::args().nth(1).expect("path to an ACLED CSV");
    let verbose = std::env::args().nth(2).is_some();
    let g = Gazetteer::embedded();
    let mut rdr = csv::Reader::from_path(&path).expect("readable CSV");
    let headers = rdr.headers().expect("header").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).expect("column");
    let (ci, a1, notes, lat, lon, prec) = (
        col("country"),
        col("admin1"),
        col("notes"),
        col("latitude"),
        col("longitude"),
        col("geo_precision"),
    );
    let (mut n, mut found, mut adm_ok, mut within25, mut prec_ok) = (0, 0, 0, 0, 0);
    let mut shown = 0;
    for rec in rdr.records() {
        let rec = rec.expect("record");
        n += 1;
        let text = rasd_text::normalize(&rec[notes]);
        let hints = GeoHints {
            countries: vec![rec[ci].to_string()],
            ..Default::default()
        };
        let ms = g.geoparse_original(&rec[notes], &text, &hints);
        let best = ms
            .iter()
            .filter(|m| m.kind != PlaceKind::Country)
            .max_by(|a, b| a.score.total_cmp(&b.score));
        let Some(b) = best else {
            if verbose && shown < 40 {
                shown += 1;
                println!("NONE [{}] {}", &rec[a1], &rec[notes]);
            }
            continue;
        };
        found += 1;
        if b.admin1.as_deref() == Some(&rec[a1]) {
            adm_ok += 1;
        } else if verbose && shown < 40 {
            shown += 1;
            println!(
                "ADM1 want {} got {:?} ({} {:?}) | {}",
                &rec[a1], b.admin1, b.location, b.why, &rec[notes]
            );
        }
        let (la, lo): (f64, f64) = (
            rec[lat].parse().unwrap_or(0.0),
            rec[lon].parse().unwrap_or(0.0),
        );
        if haversine_km(la, lo, b.latitude, b.longitude) < 25.0 {
            within25 += 1;
        }
        if rec[prec].parse::<u8>().ok() == Some(b.geo_precision) {
            prec_ok += 1;
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n as f64;
    println!(
        "rows {n}: a place found {:.1}%, admin1 right {:.1}%, within 25 km {:.1}%, precision right {:.1}%",
        pct(found), pct(adm_ok), pct(within25), pct(prec_ok)
    );
}
