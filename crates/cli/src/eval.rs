//! `rasd eval`: reproducible accuracy figures against coded reference data.
//!
//! ACLED: every row's `notes` (the coder's summary of the source report) is one document,
//! published 7 days after the event date, so relative dates must be resolved, not copied. The
//! coder's own best event (highest confidence) is compared with the row; a row with no event
//! counts as wrong on every field. Actors are compared by family ([`rasd_model::actor_family`]).
//!
//! GSR: an Arabic sentence counts as detected when the coder emits an event of the class
//! (ASSAULT: Battles, Violence against civilians, Explosions/Remote violence; PROTEST: Protests,
//! Riots); rows labelled "ambiguous" are skipped.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use rasd_coder::{Coder, CoderConfig};
use rasd_model::{actor_family, Document, Event, EventType, Role};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GsrKind {
    Assault,
    Protest,
}

struct AcledRow {
    id: String,
    date: NaiveDate,
    event_type: String,
    sub_event_type: String,
    actor1: String,
    country: String,
    admin1: String,
    location: String,
    lat: Option<f64>,
    lon: Option<f64>,
    geo_precision: Option<u8>,
    fatalities: Option<u32>,
    notes: String,
    /// The outlets the row cites (`source`; empty when the export has no such column).
    source: String,
}

fn read_acled(path: &Path) -> Result<Vec<AcledRow>> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| -> Result<usize> {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| format!("{}: no column {name:?}", path.display()))
    };
    let c = [
        col("event_id_cnty")?,
        col("event_date")?,
        col("event_type")?,
        col("sub_event_type")?,
        col("actor1")?,
        col("country")?,
        col("admin1")?,
        col("latitude")?,
        col("longitude")?,
        col("geo_precision")?,
        col("fatalities")?,
        col("notes")?,
        col("location")?,
    ];
    let source_col = col("source").ok();
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                eprintln!("rasd eval: {}:{line}: {e}; row skipped", path.display());
                skipped += 1;
                continue;
            }
        };
        let get = |k: usize| rec.get(c[k]).unwrap_or("").trim().to_string();
        let date = get(1);
        let Some(date) = parse_acled_date(&date) else {
            eprintln!(
                "rasd eval: {}:{line}: malformed event_date {date:?}; row skipped",
                path.display()
            );
            skipped += 1;
            continue;
        };
        rows.push(AcledRow {
            id: get(0),
            date,
            event_type: get(2),
            sub_event_type: get(3),
            actor1: get(4),
            country: get(5),
            admin1: get(6),
            location: get(12),
            lat: get(7).parse().ok(),
            lon: get(8).parse().ok(),
            geo_precision: get(9).parse().ok(),
            fatalities: get(10).parse().ok(),
            notes: get(11),
            source: source_col
                .and_then(|k| rec.get(k))
                .unwrap_or("")
                .trim()
                .to_string(),
        });
    }
    if skipped > 0 {
        eprintln!("rasd eval: {}: {skipped} row(s) skipped", path.display());
    }
    Ok(rows)
}

/// ACLED exports write dates as `2019-01-17` or `17 January 2019`.
fn parse_acled_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .ok()
}

fn families(name: &str) -> Vec<String> {
    name.split(" and/or ")
        .map(actor_family)
        .filter(|f| !f.is_empty())
        .collect()
}

/// The coder's best event: highest confidence, first on ties.
fn best(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .fold(None, |acc: Option<&Event>, e| match acc {
            Some(a) if a.confidence >= e.confidence => Some(a),
            _ => Some(e),
        })
}

#[derive(Default, Serialize)]
struct Ratio {
    hit: usize,
    of: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hit += hit as usize;
    }
    fn value(&self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
}

#[derive(Default, Serialize)]
struct AcledMetrics {
    rows: usize,
    with_event: Ratio,
    event_type: Ratio,
    sub_event_type: Ratio,
    actor1_found: Ratio,
    actor1_exact_slot: Ratio,
    event_date: Ratio,
    event_date_when_stated: Ratio,
    event_date_within_7_days: Ratio,
    fatalities: Ratio,
    country: Ratio,
    admin1: Ratio,
    point_within_25km_precision_1_2: Ratio,
    docs_per_second: f64,
}

pub fn acled(
    path: &Path,
    errors: Option<&Path>,
    json: bool,
    with_source: bool,
    config: &CoderConfig,
) -> Result<ExitCode> {
    let rows = read_acled(path)?;
    if rows.is_empty() {
        bail!("{}: no rows to evaluate", path.display());
    }
    let coder = Coder::new(config.clone());
    let t0 = std::time::Instant::now();
    let coded: Vec<Vec<Event>> = rows
        .par_iter()
        .map(|r| {
            let doc = Document {
                id: r.id.clone(),
                text: r.notes.clone(),
                published: r.date.checked_add_days(chrono::Days::new(7)),
                source: (with_source && !r.source.is_empty()).then(|| r.source.clone()),
                ..Default::default()
            };
            coder.code(&doc).events
        })
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    let mut m = AcledMetrics {
        rows: rows.len(),
        docs_per_second: rows.len() as f64 / secs,
        ..Default::default()
    };
    let mut by_sub: BTreeMap<String, Ratio> = BTreeMap::new();
    let mut confusion: HashMap<(String, String), usize> = HashMap::new();
    let mut err_out = match errors {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    for (r, events) in rows.iter().zip(&coded) {
        let e = best(events);
        m.with_event.add(e.is_some());
        let et = e.map(|e| e.event_type.as_acled()).unwrap_or("(none)");
        let st = e.map(|e| e.sub_event_type.as_acled()).unwrap_or("(none)");
        let type_ok = et == r.event_type;
        let sub_ok = st == r.sub_event_type;
        m.event_type.add(type_ok);
        m.sub_event_type.add(sub_ok);
        by_sub
            .entry(r.sub_event_type.clone())
            .or_default()
            .add(sub_ok);
        if !sub_ok {
            *confusion
                .entry((r.sub_event_type.clone(), st.to_string()))
                .or_default() += 1;
        }
        let gold = families(&r.actor1);
        let pred: Vec<String> = e
            .map(|e| {
                [&e.actor1, &e.actor2]
                    .into_iter()
                    .flatten()
                    .flat_map(|a| families(a))
                    .collect()
            })
            .unwrap_or_default();
        let found = pred.iter().any(|p| gold.contains(p));
        m.actor1_found.add(found);
        let a1 = e.and_then(|e| e.actor1.as_deref()).map(actor_family);
        m.actor1_exact_slot
            .add(a1.as_deref() == Some(actor_family(&r.actor1).as_str()));
        let date = e.and_then(|e| e.event_date);
        let date_ok = date == Some(r.date);
        m.event_date.add(date_ok);
        if e.is_some_and(|e| e.evidence.iter().any(|v| v.role == Role::Date)) {
            m.event_date_when_stated.add(date_ok);
        }
        m.event_date_within_7_days
            .add(date.is_some_and(|d| (d - r.date).num_days().abs() <= 7));
        let fat_ok = e.is_some() && e.and_then(|e| e.fatalities) == r.fatalities;
        m.fatalities.add(fat_ok);
        let country = e.and_then(|e| e.country.as_deref());
        m.country
            .add(country.is_some_and(|c| c.eq_ignore_ascii_case(&r.country)));
        let admin1 = e.and_then(|e| e.admin1.as_deref());
        m.admin1
            .add(admin1.is_some_and(|a| fold(a) == fold(&r.admin1)));
        let mut geo_near = None;
        if matches!(r.geo_precision, Some(1 | 2)) {
            let near = match (
                e.and_then(|e| e.latitude.zip(e.longitude)),
                r.lat.zip(r.lon),
            ) {
                (Some((la, lo)), Some((gla, glo))) => {
                    rasd_geo::haversine_km(la, lo, gla, glo) <= 25.0
                }
                _ => false,
            };
            m.point_within_25km_precision_1_2.add(near);
            geo_near = Some(near);
        }
        if let Some(w) = err_out.as_mut() {
            let country_ok = country.is_some_and(|c| c.eq_ignore_ascii_case(&r.country));
            let admin1_ok = admin1.is_some_and(|a| fold(a) == fold(&r.admin1));
            let near_ok = geo_near != Some(false);
            if !(type_ok
                && sub_ok
                && found
                && date_ok
                && fat_ok
                && country_ok
                && admin1_ok
                && near_ok)
            {
                let wrong: Vec<&str> = [
                    (!type_ok).then_some("event_type"),
                    (!sub_ok).then_some("sub_event_type"),
                    (!found).then_some("actor1"),
                    (!date_ok).then_some("event_date"),
                    (!fat_ok).then_some("fatalities"),
                    (!country_ok).then_some("country"),
                    (!admin1_ok).then_some("admin1"),
                    (!near_ok).then_some("point"),
                ]
                .into_iter()
                .flatten()
                .collect();
                let line = serde_json::json!({
                    "id": r.id, "notes": r.notes,
                    "gold": {"date": r.date, "type": r.event_type, "sub": r.sub_event_type, "actor1": r.actor1, "fatalities": r.fatalities, "country": r.country, "admin1": r.admin1, "location": r.location, "lat": r.lat, "lon": r.lon, "geo_precision": r.geo_precision},
                    "pred": e,
                    "wrong": wrong,
                });
                writeln!(w, "{line}")?;
            }
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&m)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "ACLED evaluation: {} ({} rows, {:.0} documents/s)",
        path.display(),
        m.rows,
        m.docs_per_second
    );
    let lines: [(&str, &Ratio); 12] = [
        ("rows with an event", &m.with_event),
        ("event_type", &m.event_type),
        ("sub_event_type", &m.sub_event_type),
        ("actor1 found (family)", &m.actor1_found),
        ("actor1 in actor1 slot", &m.actor1_exact_slot),
        ("event_date exact", &m.event_date),
        ("event_date exact, date stated", &m.event_date_when_stated),
        ("event_date within 7 days", &m.event_date_within_7_days),
        ("fatalities exact", &m.fatalities),
        ("country", &m.country),
        ("admin1", &m.admin1),
        (
            "point within 25 km (geo_precision 1-2)",
            &m.point_within_25km_precision_1_2,
        ),
    ];
    for (name, r) in lines {
        println!("  {name:<40} {:>6.3}  ({}/{})", r.value(), r.hit, r.of);
    }
    println!("  sub_event_type accuracy by reference sub-event type:");
    for (k, r) in &by_sub {
        println!("    {k:<40} {:>6.3}  ({}/{})", r.value(), r.hit, r.of);
    }
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("  most frequent sub-event confusions (reference -> coded):");
    for ((g, p), n) in conf.into_iter().take(12) {
        println!("    {n:>5}  {g} -> {p}");
    }
    Ok(ExitCode::SUCCESS)
}

/// ACLED admin names compared without accents and case ("Ségou" = "Segou").
fn fold(s: &str) -> String {
    rasd_text::normalize(s).as_str().replace(['-', '\''], " ")
}

#[derive(Default, Serialize)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    skipped_ambiguous: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    false_positive_rate_easy_no: f64,
    false_positive_rate_difficult_no: f64,
}

pub fn gsr(
    path: &Path,
    kind: GsrKind,
    errors: Option<&Path>,
    json: bool,
    config: &CoderConfig,
) -> Result<ExitCode> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| format!("{}: no column {name:?}", path.display()))
    };
    let (c_id, c_label, c_text) = (col("id")?, col("label")?, col("text")?);
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        match rec {
            Ok(r) => rows.push((
                r.get(c_id).unwrap_or("").to_string(),
                r.get(c_label).unwrap_or("").trim().to_string(),
                r.get(c_text).unwrap_or("").to_string(),
            )),
            Err(e) => eprintln!("rasd eval: {}:{}: {e}; row skipped", path.display(), i + 2),
        }
    }
    let coder = Coder::new(config.clone());
    let wanted = |t: EventType| match kind {
        GsrKind::Assault => t.is_violent(),
        GsrKind::Protest => matches!(t, EventType::Protests | EventType::Riots),
    };
    let detected: Vec<bool> = rows
        .par_iter()
        .map(|(id, _, text)| {
            let doc = Document {
                id: id.clone(),
                text: text.clone(),
                ..Default::default()
            };
            coder.code(&doc).events.iter().any(|e| wanted(e.event_type))
        })
        .collect();
    let mut m = Prf::default();
    let (mut easy, mut easy_fp, mut hard, mut hard_fp) = (0usize, 0usize, 0usize, 0usize);
    let mut err_out = match errors {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    for ((id, label, text), &d) in rows.iter().zip(&detected) {
        let positive = match label.as_str() {
            "yes" => true,
            "easy no" | "difficult no" => false,
            _ => {
                m.skipped_ambiguous += 1;
                continue;
            }
        };
        match (positive, d) {
            (true, true) => m.tp += 1,
            (true, false) => m.fn_ += 1,
            (false, true) => m.fp += 1,
            (false, false) => m.tn += 1,
        }
        if label == "easy no" {
            easy += 1;
            easy_fp += d as usize;
        } else if label == "difficult no" {
            hard += 1;
            hard_fp += d as usize;
        }
        if positive != d {
            if let Some(w) = err_out.as_mut() {
                writeln!(
                    w,
                    "{}",
                    serde_json::json!({"id": id, "label": label, "detected": d, "text": text})
                )?;
            }
        }
    }
    m.precision = m.tp as f64 / (m.tp + m.fp).max(1) as f64;
    m.recall = m.tp as f64 / (m.tp + m.fn_).max(1) as f64;
    m.f1 = if m.precision + m.recall > 0.0 {
        2.0 * m.precision * m.recall / (m.precision + m.recall)
    } else {
        0.0
    };
    m.false_positive_rate_easy_no = easy_fp as f64 / easy.max(1) as f64;
    m.false_positive_rate_difficult_no = hard_fp as f64 / hard.max(1) as f64;
    if json {
        println!("{}", serde_json::to_string_pretty(&m)?);
    } else {
        println!("GSR evaluation ({kind:?}): {}", path.display());
        println!(
            "  tp {}  fp {}  fn {}  tn {}  (ambiguous skipped: {})",
            m.tp, m.fp, m.fn_, m.tn, m.skipped_ambiguous
        );
        println!(
            "  precision {:.3}  recall {:.3}  F1 {:.3}",
            m.precision, m.recall, m.f1
        );
        println!(
            "  false-positive rate: easy no {:.3}, difficult no {:.3}",
            m.false_positive_rate_easy_no, m.false_positive_rate_difficult_no
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_or_actors_split_into_families() {
        assert_eq!(
            families("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"),
            vec!["jnim: group for support of islam and muslims", "islamic state (greater sahara)"]
        );
    }

    #[test]
    fn acled_dates_in_both_export_formats() {
        assert_eq!(
            parse_acled_date("2019-01-17"),
            NaiveDate::from_ymd_opt(2019, 1, 17)
        );
        assert_eq!(
            parse_acled_date("17 January 2019"),
            NaiveDate::from_ymd_opt(2019, 1, 17)
        );
        assert_eq!(parse_acled_date("17/01/2019"), None);
    }
}
