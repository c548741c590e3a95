//! Admin1 boundary lines for the map of a situation report, from the simplified polygons the
//! project ships in `data/geo/admin.json.gz` (embedded, so a report needs no network), read by
//! [`rasd_geo::AdminBoundaries`]. Lines come out as closed [`Polyline`]s: **longitude first**,
//! as the analytics map expects.

use rasd_analytics::Polyline;
use rasd_geo::AdminBoundaries;

/// The closed admin1 rings of the named countries (ACLED spelling, case-insensitive); unknown
/// names are ignored, and an unreadable embedded file gives no lines (the map keeps its points).
pub fn lines_for<'a>(countries: impl Iterator<Item = &'a str>) -> Vec<Polyline> {
    let countries: Vec<&str> = countries.collect();
    if countries.is_empty() {
        return Vec::new();
    }
    let Ok(file) = AdminBoundaries::embedded() else {
        return Vec::new();
    };
    file.admin1_rings(countries)
        .map(|r| {
            let mut line: Polyline = r.iter().map(|&[lon, lat]| (lon, lat)).collect();
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
