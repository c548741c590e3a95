//! Country, admin1 and admin2 boundaries as GeoJSON, derived from the simplified polygons the
//! project ships in `data/geo/admin.json.gz` (embedded in the binary and read by
//! [`rasd_geo::AdminBoundaries`], so the map needs no tile server and no network).
//!
//! The file has no country polygons: a country is the union of its admin1 units (level 0
//! features are MultiPolygons of those). Each ring becomes a polygon, or a hole of the polygon
//! whose ring contains it. Built once per level on first request and kept gzip-compressed.

use rasd_geo::AdminBoundaries;
use serde_json::{json, Value};
use std::io::Write;
use std::sync::OnceLock;

/// One level's GeoJSON, plain and gzip-compressed.
#[derive(Debug)]
pub struct BoundaryFile {
    pub json: Vec<u8>,
    pub gzip: Vec<u8>,
    /// Strong validator for caching (`"<level>-<length>-<crc>"`).
    pub etag: String,
}

/// Boundary files per level (0 countries, 1 admin1, 2 admin2), built lazily.
#[derive(Debug, Default)]
pub struct Boundaries {
    levels: [OnceLock<Result<BoundaryFile, String>>; 3],
}

impl Boundaries {
    /// The GeoJSON FeatureCollection of `level` (0-2).
    pub fn get(&self, level: u8) -> Result<&BoundaryFile, String> {
        let slot = self
            .levels
            .get(usize::from(level))
            .ok_or_else(|| format!("no boundary level {level}"))?;
        slot.get_or_init(|| build(level))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// Even-odd point-in-ring test (`[lon, lat]`).
fn inside(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut c = false;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            c = !c;
        }
    }
    c
}

/// Polygons (outer ring then holes) from rings: a ring inside an odd number of the others is a
/// hole of the smallest ring containing it.
fn polygons(rings: &[Vec<[f64; 2]>]) -> Vec<Vec<Vec<[f64; 2]>>> {
    let rings: Vec<&[[f64; 2]]> = rings
        .iter()
        .filter(|r| r.len() >= 3)
        .map(Vec::as_slice)
        .collect();
    let area = |r: &[[f64; 2]]| {
        let n = r.len();
        (0..n)
            .map(|i| r[i][0] * r[(i + 1) % n][1] - r[(i + 1) % n][0] * r[i][1])
            .sum::<f64>()
            .abs()
    };
    let containers: Vec<Vec<usize>> = (0..rings.len())
        .map(|i| {
            (0..rings.len())
                .filter(|&j| j != i && inside(rings[i][0], rings[j]))
                .collect()
        })
        .collect();
    let mut outer_of: Vec<Option<usize>> = vec![None; rings.len()];
    for i in 0..rings.len() {
        if containers[i].len() & 1 == 1 {
            outer_of[i] = containers[i]
                .iter()
                .copied()
                .filter(|&j| containers[j].len() & 1 == 0)
                .min_by(|&a, &b| area(rings[a]).total_cmp(&area(rings[b])));
        }
    }
    let mut out = Vec::new();
    for i in 0..rings.len() {
        if outer_of[i].is_some() {
            continue;
        }
        let mut poly = vec![closed(rings[i])];
        for (j, o) in outer_of.iter().enumerate() {
            if *o == Some(i) {
                poly.push(closed(rings[j]));
            }
        }
        out.push(poly);
    }
    out
}

/// GeoJSON rings repeat their first position at the end.
fn closed(r: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut v = r.to_vec();
    if v.first() != v.last() {
        v.push(v[0]);
    }
    v
}

fn build(level: u8) -> Result<BoundaryFile, String> {
    let file = AdminBoundaries::embedded().map_err(|e| e.to_string())?;
    let country = |cc: &str| file.country_name(cc);
    let mut features: Vec<Value> = Vec::new();
    if level == 0 {
        for c in &file.countries {
            let polys: Vec<_> = file
                .areas
                .iter()
                .filter(|a| a.level == 1 && a.cc == c.cc)
                .flat_map(|a| polygons(&a.rings))
                .collect();
            if polys.is_empty() {
                continue;
            }
            features.push(json!({
                "type": "Feature",
                "properties": {"level": 0, "cc": c.cc, "country": c.name, "name": c.name,
                               "lat": c.lat, "lon": c.lon},
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }));
        }
    } else {
        for a in file.areas.iter().filter(|a| a.level == level) {
            let admin1 = match level {
                1 => Some(a.name.as_str()),
                _ => a
                    .parent
                    .and_then(|p| file.areas.get(p))
                    .map(|p| p.name.as_str()),
            };
            features.push(json!({
                "type": "Feature",
                "properties": {"level": level, "cc": a.cc, "country": country(&a.cc),
                               "admin1": admin1, "name": a.name, "lat": a.lat, "lon": a.lon},
                "geometry": {"type": "MultiPolygon", "coordinates": polygons(&a.rings)},
            }));
        }
    }
    let collection = json!({
        "type": "FeatureCollection",
        "attribution": "Boundaries simplified from geoBoundaries / Natural Earth (see NOTICE)",
        // Label points of the countries (a foreign member: GeoJSON readers ignore it).
        "countries": file.countries.iter()
            .map(|c| json!({"cc": c.cc, "name": c.name, "lat": c.lat, "lon": c.lon}))
            .collect::<Vec<_>>(),
        "features": features,
    });
    let json = serde_json::to_vec(&collection).map_err(|e| e.to_string())?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&json).map_err(|e| e.to_string())?;
    let gzip = gz.finish().map_err(|e| e.to_string())?;
    let mut crc = flate2::Crc::new();
    crc.update(&json);
    Ok(BoundaryFile {
        etag: format!("\"b{level}-{}-{:08x}\"", json.len(), crc.sum()),
        json,
        gzip,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_builds() {
        let b = Boundaries::default();
        for level in 0..3 {
            let f = b.get(level).unwrap();
            let v: Value = serde_json::from_slice(&f.json).unwrap();
            let features = v["features"].as_array().unwrap();
            assert!(!features.is_empty(), "level {level}");
            assert!(f.gzip.len() < f.json.len());
        }
        let v: Value = serde_json::from_slice(&b.get(1).unwrap().json).unwrap();
        let mopti = v["features"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["properties"]["name"] == "Mopti")
            .expect("Mopti");
        assert_eq!(mopti["properties"]["country"], "Mali");
        assert!(b.get(3).is_err());
    }

    #[test]
    fn holes_go_inside_their_ring() {
        let square =
            |x0: f64, y0: f64, s: f64| vec![[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]];
        let p = polygons(&[
            square(0.0, 0.0, 0.01),
            square(0.001, 0.001, 0.001),
            square(0.05, 0.05, 0.001),
        ]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].len(), 2, "the outer square has one hole");
        assert_eq!(p[0][0].first(), p[0][0].last());
    }
}
