//! Admin1 boundary lines for the map of a situation report, from the simplified polygons the
//! project ships in `data/geo/admin.json.gz` (embedded, so a report needs no network).
//!
//! The file holds `{"countries": [{cc, name}], "areas": [{level, cc, rings}]}` with each ring
//! flattened as `[lon, lat, lon, lat, ...]` integers scaled by 10^4. Lines come out as
//! [`Polyline`]s: **longitude first**, as the analytics map expects.

use rasd_analytics::Polyline;
use serde::Deserialize;
use std::io::Read;

static ADMIN_GZ: &[u8] = include_bytes!("../../../data/geo/admin.json.gz");
const SCALE: f64 = 10_000.0;

#[derive(Deserialize)]
struct AdminFile {
    countries: Vec<CountryRec>,
    areas: Vec<AreaRec>,
}

#[derive(Deserialize)]
struct CountryRec {
    cc: String,
    name: String,
}

#[derive(Deserialize)]
struct AreaRec {
    level: u8,
    cc: String,
    rings: Vec<Vec<i32>>,
}

/// The closed admin1 rings of the named countries (ACLED spelling, case-insensitive); unknown
/// names are ignored, and an unreadable embedded file gives no lines (the map keeps its points).
pub fn lines_for<'a>(countries: impl Iterator<Item = &'a str>) -> Vec<Polyline> {
    let wanted: Vec<String> = countries.map(|c| c.trim().to_lowercase()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut text = String::new();
    if flate2::read::GzDecoder::new(ADMIN_GZ)
        .read_to_string(&mut text)
        .is_err()
    {
        return Vec::new();
    }
    let Ok(file) = serde_json::from_str::<AdminFile>(&text) else {
        return Vec::new();
    };
    let codes: Vec<&str> = file
        .countries
        .iter()
        .filter(|c| wanted.contains(&c.name.to_lowercase()))
        .map(|c| c.cc.as_str())
        .collect();
    file.areas
        .iter()
        .filter(|a| a.level == 1 && codes.contains(&a.cc.as_str()))
        .flat_map(|a| &a.rings)
        .filter(|r| r.len() >= 6)
        .map(|r| {
            let mut line: Polyline = r
                .chunks_exact(2)
                .map(|c| (f64::from(c[0]) / SCALE, f64::from(c[1]) / SCALE))
                .collect();
            line.push(line[0]);
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mali_has_admin1_lines_in_its_longitude_latitude_box() {
        let lines = lines_for(["Mali"].into_iter());
        assert!(lines.len() >= 8, "{} rings", lines.len());
        for &(lon, lat) in lines.iter().flatten() {
            assert!((-13.0..=5.0).contains(&lon), "lon {lon}");
            assert!((9.0..=26.0).contains(&lat), "lat {lat}");
        }
        assert!(lines.iter().all(|l| l.first() == l.last()));
        assert!(lines_for(["Atlantis"].into_iter()).is_empty());
    }
}
