//! `rasd gazetteer build` (raw sources -> `data/geo`) and `rasd geocode` (place names in a
//! text, or the admin units of a point), over `rasd_geo`.

use anyhow::{bail, Context, Result};
use rasd_geo::{BuildReport, Gazetteer, GeoHints, PlaceCue, PlaceKind};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

/// How many skipped rows `gazetteer build` lists; the rest are only counted.
const MAX_SKIPPED_SHOWN: usize = 20;

/// `rasd gazetteer build --source DIR --out DIR`.
pub fn build(source: &Path, out: &Path) -> Result<ExitCode> {
    if !source.is_dir() {
        bail!(
            "gazetteer source directory {} {} (expected the layout of ../shared/geo: wof/, \
             geonames/, naturalearth-admin1/, geoboundaries-nga/); pass it with --source",
            source.display(),
            if source.exists() {
                "is not a directory"
            } else {
                "does not exist"
            }
        );
    }
    if out.exists() && !out.is_dir() {
        bail!("output {} is not a directory", out.display());
    }
    let aliases = out.join("aliases.tsv");
    if !aliases.exists() {
        eprintln!(
            "rasd gazetteer: warning: {} not found: the hand-kept aliases (press spellings, \
             Moura, Boulkessi) are not applied",
            aliases.display()
        );
    }
    let progress = indicatif::ProgressBar::new_spinner();
    progress.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .expect("static template"),
    );
    progress.set_message(format!(
        "building gazetteer from {} into {}",
        source.display(),
        out.display()
    ));
    progress.enable_steady_tick(Duration::from_millis(120));
    let t0 = std::time::Instant::now();
    let result = rasd_geo::build(source, out);
    progress.finish_and_clear();
    let report = result.with_context(|| {
        format!(
            "gazetteer build from {} into {} failed",
            source.display(),
            out.display()
        )
    })?;
    print!("{}", summary(&report, source, out, t0.elapsed()));
    eprintln!(
        "rasd gazetteer: note: the rasd binary embeds data/geo at compile time; rebuild it \
         to use a new gazetteer"
    );
    Ok(ExitCode::SUCCESS)
}

fn summary(report: &BuildReport, source: &Path, out: &Path, took: Duration) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "built gazetteer from {} into {} in {:.1?}",
        source.display(),
        out.display(),
        took
    );
    let _ = writeln!(s, "counts:");
    for (k, v) in &report.counts {
        let _ = writeln!(s, "  {k}: {v}");
    }
    let _ = writeln!(s, "outputs:");
    for (p, n) in &report.outputs {
        let _ = writeln!(s, "  {} ({n} bytes)", p.display());
    }
    let _ = writeln!(s, "skipped rows: {}", report.skipped.len());
    for row in report.skipped.iter().take(MAX_SKIPPED_SHOWN) {
        let _ = writeln!(s, "  {row}");
    }
    if report.skipped.len() > MAX_SKIPPED_SHOWN {
        let _ = writeln!(
            s,
            "  ... and {} more",
            report.skipped.len() - MAX_SKIPPED_SHOWN
        );
    }
    s
}

/// A `--point LAT,LON` argument.
#[derive(Debug, Clone, Copy)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Clap value parser for `--point`: `LAT,LON` in decimal degrees, latitude first.
pub fn parse_point(s: &str) -> Result<LatLon, String> {
    let usage = "expected LAT,LON in decimal degrees, latitude first (e.g. 12.64,-8.0)";
    let Some((lat, lon)) = s.split_once(',') else {
        return Err(usage.into());
    };
    let num = |what: &str, v: &str, lim: f64| -> Result<f64, String> {
        match v.trim().parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= lim => Ok(x),
            Ok(x) => Err(format!("{what} {x} out of range -{lim}..{lim}")),
            Err(_) => Err(format!("{what} `{}` is not a number; {usage}", v.trim())),
        }
    };
    Ok(LatLon {
        lat: num("latitude", lat, 90.0)?,
        lon: num("longitude", lon, 180.0)?,
    })
}

/// `rasd geocode --point LAT,LON`.
pub fn point(p: LatLon, json: bool) -> Result<ExitCode> {
    let a = Gazetteer::embedded().admin_for_point(p.lat, p.lon);
    if json {
        let v = match &a {
            Some(a) => serde_json::json!({
                "lat": p.lat,
                "lon": p.lon,
                "country": a.country,
                "admin1": a.admin1,
                "admin2": a.admin2,
            }),
            None => serde_json::Value::Null,
        };
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    match a {
        Some(a) => {
            println!("lat {}, lon {}", p.lat, p.lon);
            println!("  country: {}", a.country);
            println!("  admin1:  {}", a.admin1.as_deref().unwrap_or("-"));
            println!("  admin2:  {}", a.admin2.as_deref().unwrap_or("-"));
        }
        None => println!(
            "lat {}, lon {}: outside the countries the gazetteer covers",
            p.lat, p.lon
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// `rasd geocode "TEXT" [--country NAME]... [--json]`.
pub fn text(text: &str, countries: Vec<String>, json: bool) -> Result<ExitCode> {
    let norm = rasd_text::normalize(text);
    let hints = GeoHints {
        countries,
        ..Default::default()
    };
    let mentions = Gazetteer::embedded().geoparse_original(text, &norm, &hints);
    let rows: Vec<serde_json::Value> = mentions
        .iter()
        .map(|m| {
            let (s, e) = norm.original_span(m.start, m.end);
            serde_json::json!({
                "text": &text[s..e],
                "start": s,
                "end": e,
                "location": m.location,
                "country": m.country,
                "admin1": m.admin1,
                "admin2": m.admin2,
                "latitude": m.latitude,
                "longitude": m.longitude,
                "geo_precision": m.geo_precision,
                "kind": kind_name(m.kind),
                "score": (f64::from(m.score) * 1000.0).round() / 1000.0,
                "cue": m.cue.map(cue_name),
                "why": m.why,
            })
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    if !hints.countries.is_empty() {
        println!("country hints: {}", hints.countries.join(", "));
    }
    if mentions.is_empty() {
        println!("no place names found");
        return Ok(ExitCode::SUCCESS);
    }
    for (i, (m, r)) in mentions.iter().zip(&rows).enumerate() {
        let admin = [m.admin1.as_deref(), m.admin2.as_deref()]
            .into_iter()
            .flatten()
            .fold(m.country.clone(), |acc, a| format!("{acc} / {a}"));
        println!(
            "{}. {:?} [{}..{}] -> {} ({admin})",
            i + 1,
            r["text"].as_str().unwrap_or_default(),
            r["start"],
            r["end"],
            m.location,
        );
        println!(
            "   lat {:.5}, lon {:.5}; geo_precision {}; kind {}; score {:.2}; cue {}",
            m.latitude,
            m.longitude,
            m.geo_precision,
            kind_name(m.kind),
            m.score,
            m.cue.map(cue_name).unwrap_or("none"),
        );
        println!("   why: {}", m.why);
    }
    Ok(ExitCode::SUCCESS)
}

fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Admin1 => "admin1",
        PlaceKind::Admin2 => "admin2",
        PlaceKind::Locality => "locality",
    }
}

fn cue_name(c: PlaceCue) -> &'static str {
    match c {
        PlaceCue::In => "in",
        PlaceCue::Near => "near",
        PlaceCue::Between => "between",
        PlaceCue::Road => "road",
        PlaceCue::Area => "area",
        PlaceCue::Region => "region",
        PlaceCue::Commune => "commune",
        PlaceCue::Parenthetical => "parenthetical",
    }
}
