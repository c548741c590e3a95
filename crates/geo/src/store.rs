//! The on-disk form of the gazetteer under `data/geo/`, written by [`crate::build`] and read
//! at start-up.
//!
//! - `admin.json.gz`: countries and admin1/admin2 units with ACLED names, search keys and
//!   simplified rings as integer `[lon, lat]` pairs scaled by 10^4 (about 11 m), flattened.
//! - `places.tsv.gz`: one locality per line, `src cc lat lon population area location keys`,
//!   where `area` indexes `admin.json`'s `areas` (deepest unit containing the point) and `keys`
//!   are `|`-separated names already in `rasd_text::normalize` form.
//!
//! Both are sorted and gzip'd with a zero timestamp, so the same sources give the same bytes.

use crate::error::{EmbeddedProblem, GeoError};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

pub(crate) const SCALE: f64 = 10_000.0;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct AdminFile {
    pub countries: Vec<CountryRec>,
    pub areas: Vec<AreaRec>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct CountryRec {
    pub cc: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct AreaRec {
    pub level: u8,
    pub cc: String,
    /// ACLED spelling.
    pub name: String,
    /// Index of the admin1 unit for an admin2 unit.
    pub parent: Option<usize>,
    /// Representative point: the unit's main town of the same name when there is one, else a
    /// point inside the largest ring.
    pub lat: f64,
    pub lon: f64,
    pub keys: Vec<String>,
    /// Rings of `[lon, lat]` * 10^4, flattened: `[x0, y0, x1, y1, ...]`.
    pub rings: Vec<Vec<i32>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceRec {
    pub src: String,
    pub cc: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub area: Option<usize>,
    pub location: String,
    pub keys: Vec<String>,
}

pub(crate) const PLACES_HEADER: &str = "src\tcc\tlat\tlon\tpopulation\tarea\tlocation\tkeys";

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail")
}

pub(crate) fn gunzip(bytes: &[u8], file: &'static str) -> Result<String, GeoError> {
    let mut s = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut s)
        .map_err(|_| GeoError::Embedded {
            file,
            line: 0,
            problem: EmbeddedProblem::Gzip,
        })?;
    Ok(s)
}

/// Parse a gzip'd `admin.json`.
pub(crate) fn read_admin(admin_gz: &[u8]) -> Result<AdminFile, GeoError> {
    let text = gunzip(admin_gz, "admin.json.gz")?;
    serde_json::from_str(&text).map_err(|_| GeoError::Embedded {
        file: "admin.json.gz",
        line: 0,
        problem: EmbeddedProblem::BadJson,
    })
}

pub(crate) fn write_places(places: &[PlaceRec]) -> String {
    let mut out = String::with_capacity(places.len() * 80);
    out.push_str(PLACES_HEADER);
    out.push('\n');
    for p in places {
        let area = p.area.map(|a| a.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{}\t{}\t{:.5}\t{:.5}\t{}\t{}\t{}\t{}\n",
            p.src,
            p.cc,
            p.lat,
            p.lon,
            p.population,
            area,
            p.location,
            p.keys.join("|")
        ));
    }
    out
}

/// A row of `places.tsv` as read at load time: text fields borrow from the decompressed file,
/// so loading allocates only what the gazetteer keeps (each short-lived string would be a hole
/// in the heap of the thread that loads it, which a document thread may inherit).
pub(crate) struct PlaceRow<'a> {
    pub src: &'a str,
    pub cc: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub area: Option<usize>,
    pub location: &'a str,
    keys: &'a str,
}

impl<'a> PlaceRow<'a> {
    /// The row's normalised name keys.
    pub fn keys(&self) -> impl Iterator<Item = &'a str> {
        self.keys.split('|').filter(|k| !k.is_empty())
    }
}

pub(crate) fn read_places<'a>(
    text: &'a str,
    file: &'static str,
) -> Result<Vec<PlaceRow<'a>>, GeoError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let err = |problem| GeoError::Embedded {
            file,
            line: i + 1,
            problem,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 8 {
            return Err(err(EmbeddedProblem::ColumnCount {
                found: cols.len(),
                expected: 8,
            }));
        }
        let num = |c: &'static str, s: &str| {
            s.parse::<f64>()
                .map_err(|_| err(EmbeddedProblem::BadNumber { column: c }))
        };
        out.push(PlaceRow {
            src: cols[0],
            cc: cols[1],
            lat: num("lat", cols[2])?,
            lon: num("lon", cols[3])?,
            population: cols[4].parse().map_err(|_| {
                err(EmbeddedProblem::BadNumber {
                    column: "population",
                })
            })?,
            area: if cols[5].is_empty() {
                None
            } else {
                Some(
                    cols[5]
                        .parse()
                        .map_err(|_| err(EmbeddedProblem::BadNumber { column: "area" }))?,
                )
            },
            location: cols[6],
            keys: cols[7],
        });
    }
    Ok(out)
}

pub(crate) fn encode_ring(ring: &[[f64; 2]]) -> Vec<i32> {
    ring.iter()
        .flat_map(|p| [(p[0] * SCALE).round() as i32, (p[1] * SCALE).round() as i32])
        .collect()
}

pub(crate) fn decode_ring(flat: &[i32]) -> Vec<[f64; 2]> {
    flat.chunks_exact(2)
        .map(|c| [c[0] as f64 / SCALE, c[1] as f64 / SCALE])
        .collect()
}
