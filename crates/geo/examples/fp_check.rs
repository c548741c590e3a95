//! Development check of toponym false positives and salience (evaluation only: reads files
//! given on the command line and prints aggregates and samples; nothing is stored).
//!
//! - `fp_check gsr FILE.csv...`: Arabic newswire sentences (column `text`, mostly about Iraq,
//!   Lebanon, Pakistan, Sudan): counts place mentions by kind, the most frequent matched words,
//!   and writes every mention with its sentence to `$FP_OUT` (default /tmp/gsr_mentions.txt).
//! - `fp_check acled FILE.csv`: ACLED notes with the row's country as hint: mentions whose
//!   word is in none of the row's location/admin columns and that lie over 25 km from the
//!   row's point (likely false positives, most frequent first), and salience: among notes with
//!   2+ resolved sub-national places, how often the highest-scored one is the row's location
//!   (same name or within 25 km).
use rasd_geo::{haversine_km, Gazetteer, GeoHints, PlaceKind};
use std::collections::HashMap;

fn fold(s: &str) -> String {
    rasd_text::normalize(s).as_str().replace(['-', '\''], " ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let g = Gazetteer::embedded();
    match args.first().map(String::as_str) {
        Some("gsr") => gsr(g, &args[1..]),
        Some("acled") => acled(g, &args[1]),
        _ => eprintln!("usage: fp_check gsr FILE... | fp_check acled FILE"),
    }
}

fn gsr(g: &Gazetteer, files: &[String]) {
    let out_path = std::env::var("FP_OUT").unwrap_or_else(|_| "/tmp/gsr_mentions.txt".into());
    let mut out = String::new();
    let (mut n, mut with) = (0, 0);
    let mut by_kind: HashMap<String, usize> = HashMap::new();
    let mut words: HashMap<String, usize> = HashMap::new();
    for f in files {
        let mut rdr = csv::Reader::from_path(f).expect("readable CSV");
        let headers = rdr.headers().expect("header").clone();
        let ti = headers
            .iter()
            .position(|h| h == "text")
            .expect("text column");
        for rec in rdr.records() {
            let rec = rec.expect("record");
            let text = &rec[ti];
            n += 1;
            let norm = rasd_text::normalize(text);
            let ms = g.geoparse_original(text, &norm, &GeoHints::default());
            if !ms.is_empty() {
                with += 1;
            }
            for m in ms {
                let (os, oe) = norm.original_span(m.start, m.end);
                let word = &text[os..oe];
                *by_kind.entry(format!("{:?}", m.kind)).or_default() += 1;
                *words
                    .entry(format!("{word} -> {} ({})", m.location, m.country))
                    .or_default() += 1;
                out.push_str(&format!(
                    "{word}\t{}\t{}\t{:?}\t{:.2}\t{}\t{}\n",
                    m.location, m.country, m.kind, m.score, m.why, text
                ));
            }
        }
    }
    std::fs::write(&out_path, out).expect("writable output");
    let total: usize = by_kind.values().sum();
    println!("sentences {n}, with a place {with}, mentions {total}: {by_kind:?}");
    let mut w: Vec<_> = words.into_iter().collect();
    w.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, c) in w.iter().take(60) {
        println!("{c:5} {k}");
    }
    println!("all mentions: {out_path}");
}

fn acled(g: &Gazetteer, path: &str) {
    let verbose = std::env::var("FP_VERBOSE").is_ok();
    let mut rdr = csv::Reader::from_path(path).expect("readable CSV");
    let headers = rdr.headers().expect("header").clone();
    let col = |n: &str| headers.iter().position(|h| h == n).expect("column");
    let (ci, notes, lat, lon) = (
        col("country"),
        col("notes"),
        col("latitude"),
        col("longitude"),
    );
    let admin_cols = [col("location"), col("admin1"), col("admin2"), col("admin3")];
    let loc = col("location");
    let (mut n, mut mentions, mut wrong) = (0usize, 0usize, 0usize);
    let mut wrong_words: HashMap<String, usize> = HashMap::new();
    let (mut multi, mut top_right, mut any_right) = (0usize, 0usize, 0usize);
    let mut shown = 0;
    for rec in rdr.records() {
        let rec = rec.expect("record");
        n += 1;
        let text = &rec[notes];
        let norm = rasd_text::normalize(text);
        let hints = GeoHints {
            countries: vec![rec[ci].to_string()],
            ..Default::default()
        };
        let ms = g.geoparse_original(text, &norm, &hints);
        let (la, lo): (f64, f64) = (
            rec[lat].parse().unwrap_or(0.0),
            rec[lon].parse().unwrap_or(0.0),
        );
        let cols: Vec<String> = admin_cols.iter().map(|&c| fold(&rec[c])).collect();
        let right = |m: &rasd_geo::PlaceMention| {
            fold(&m.location) == fold(&rec[loc])
                || haversine_km(la, lo, m.latitude, m.longitude) < 25.0
        };
        let subs: Vec<_> = ms.iter().filter(|m| m.kind != PlaceKind::Country).collect();
        for m in &subs {
            mentions += 1;
            let (os, oe) = norm.original_span(m.start, m.end);
            let word = fold(&text[os..oe]);
            let in_cols = cols
                .iter()
                .any(|c| c.contains(&word) || word.contains(c.as_str()) && !c.is_empty());
            let near = haversine_km(la, lo, m.latitude, m.longitude) < 25.0;
            if !in_cols && !near {
                wrong += 1;
                *wrong_words
                    .entry(format!("{} -> {}", &text[os..oe], m.location))
                    .or_default() += 1;
            }
        }
        if subs.len() >= 2 {
            multi += 1;
            let top = subs
                .iter()
                .max_by(|a, b| a.score.total_cmp(&b.score))
                .expect("2+");
            if right(top) {
                top_right += 1;
            } else if verbose && shown < 40 && subs.iter().any(|m| right(m)) {
                shown += 1;
                let list: Vec<String> = subs
                    .iter()
                    .map(|m| format!("{} {:.2} [{}]", m.location, m.score, m.why))
                    .collect();
                println!(
                    "SAL want {} | {}\n    {}",
                    &rec[loc],
                    list.join(" | "),
                    text
                );
            }
            if subs.iter().any(|m| right(m)) {
                any_right += 1;
            }
        }
    }
    println!(
        "rows {n}, sub-national mentions {mentions}, not the row's place (word not in its \
         columns, >25 km) {wrong} ({:.1}%)",
        100.0 * wrong as f64 / mentions.max(1) as f64
    );
    println!(
        "salience: notes with 2+ places {multi}, top-scored is the row's place {top_right} \
         ({:.1}%), some mention is {any_right} ({:.1}%)",
        100.0 * top_right as f64 / multi.max(1) as f64,
        100.0 * any_right as f64 / multi.max(1) as f64
    );
    let mut w: Vec<_> = wrong_words.into_iter().collect();
    w.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (k, c) in w.iter().take(400) {
        println!("{c:5} {k}");
    }
}
