//! `build`: raw sources in `../shared/geo` -> the compact gazetteer in `data/geo`.
//!
//! What it repairs, in order:
//! 1. admin names: ACLED spellings ([`crate::names::ACLED_ADMIN`]), source prefixes stripped
//!    ("منطقة", "Région de", "État de"), keys shared by two units of one country dropped (the
//!    WOF French name of Burkina's Centre-Ouest is "Centre-Est");
//! 2. misfiled places: each locality is checked against the polygon of the country it is filed
//!    under and dropped (reported) when it lies more than ~11 km outside (Maltese towns `ML`);
//! 3. place types: `localadmin` rows are towns (Kidal, Ménaka, Ansongo);
//! 4. names: GeoNames alternate names (Arabic among them) are merged by GeoNames id, and places
//!    GeoNames has but WOF lacks are added;
//! 5. the hand-kept `aliases.tsv` (read from the output directory, where it is committed) adds
//!    press spellings in three languages and missing conflict places (Moura, Boulkessi);
//! 6. admin units for every place by point-in-polygon against the simplified polygons the
//!    runtime uses, so build and run time agree.

use crate::admin::{AdminIndex, Shape};
use crate::error::{GeoError, SkipReason, SkippedRow};
use crate::geometry::{haversine_km, simplify_ring, Area, Ring};
use crate::names::{self, country_index, COUNTRIES};
use crate::store::{self, AdminFile, AreaRec, CountryRec, PlaceRec};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Douglas-Peucker tolerance for the committed admin polygons (degrees, ~550 m).
const SIMPLIFY_ADMIN: f64 = 0.005;
/// Tolerance for the country polygons used only to check places (degrees, ~220 m).
const SIMPLIFY_COUNTRY: f64 = 0.002;
/// How far outside its country polygon a place may lie before it counts as misfiled (degrees).
const COUNTRY_SLACK: f64 = 0.1;

/// What a build did: counts by stage and every skipped row with its file and line.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Counts such as `places.wof`, `places.geonames_added`, `areas.admin1`, `aliases.merged`.
    pub counts: BTreeMap<String, usize>,
    pub skipped: Vec<SkippedRow>,
    /// Output files written, with their sizes in bytes.
    pub outputs: Vec<(PathBuf, usize)>,
}

impl BuildReport {
    fn count(&mut self, key: &str, n: usize) {
        *self.counts.entry(key.to_string()).or_default() += n;
    }

    fn skip(&mut self, path: &Path, line: usize, reason: SkipReason) {
        self.skipped.push(SkippedRow {
            path: path.to_path_buf(),
            line,
            reason,
        });
    }
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (k, v) in &self.counts {
            writeln!(f, "{k}: {v}")?;
        }
        for (p, n) in &self.outputs {
            writeln!(f, "wrote {} ({n} bytes)", p.display())?;
        }
        let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
        for s in &self.skipped {
            let k = match s.reason {
                SkipReason::ColumnCount { .. } => "column count",
                SkipReason::BadNumber { .. } => "bad number",
                SkipReason::OutOfRange { .. } => "out of range",
                SkipReason::EmptyName => "empty name",
                SkipReason::UnknownCountry { .. } => "unknown country",
                SkipReason::OutsideCountry { .. } => "outside country",
                SkipReason::NoGeometry => "no geometry",
                SkipReason::BadAlias { .. } => "bad alias",
            };
            *by_kind.entry(k).or_default() += 1;
        }
        for (k, v) in by_kind {
            writeln!(f, "skipped ({k}): {v}")?;
        }
        for s in self.skipped.iter().take(40) {
            writeln!(f, "  {s}")?;
        }
        Ok(())
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, GeoError> {
    std::fs::read(path).map_err(|source| GeoError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The data rows of a TSV source as (line number, columns): the header must start with
/// `header`, blank lines are ignored, and rows with the wrong number of columns are reported by
/// file and line and skipped.
fn tsv_rows<'t>(
    path: &Path,
    text: &'t str,
    header: &'static str,
    columns: usize,
    report: &mut BuildReport,
) -> Result<Vec<(usize, Vec<&'t str>)>, GeoError> {
    let mut lines = text.lines();
    match lines.next() {
        Some(h) if h.starts_with(header) && h[header.len()..].starts_with('\t') => {}
        _ => {
            return Err(GeoError::BadHeader {
                path: path.to_path_buf(),
                line: 1,
                expected: header,
            })
        }
    }
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        let lineno = i + 2;
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != columns {
            report.skip(
                path,
                lineno,
                SkipReason::ColumnCount {
                    found: c.len(),
                    expected: columns,
                },
            );
            continue;
        }
        rows.push((lineno, c));
    }
    Ok(rows)
}

fn read_text(path: &Path) -> Result<String, GeoError> {
    let bytes = read_file(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut s)
            .map_err(|source| GeoError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(s)
    } else {
        String::from_utf8(bytes).map_err(|e| GeoError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    }
}

fn read_features(path: &Path) -> Result<Vec<Value>, GeoError> {
    let bytes = read_file(path)?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|source| GeoError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    match v.get("features").and_then(Value::as_array) {
        Some(f) => Ok(f.clone()),
        None => Err(GeoError::NotFeatureCollection {
            path: path.to_path_buf(),
        }),
    }
}

/// Raw rings of a Polygon or MultiPolygon geometry, `[lon, lat]`.
fn geometry_rings(geom: &Value) -> Vec<Ring> {
    let coords = geom.get("coordinates");
    let polys: Vec<&Value> = match geom.get("type").and_then(Value::as_str) {
        Some("Polygon") => coords.into_iter().collect(),
        Some("MultiPolygon") => coords
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for poly in polys {
        for ring in poly.as_array().into_iter().flatten() {
            let pts: Ring = ring
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| {
                    let a = p.as_array()?;
                    Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?])
                })
                .collect();
            if pts.len() >= 3 {
                out.push(pts);
            }
        }
    }
    out
}

fn round4(x: f64) -> f64 {
    (x * store::SCALE).round() / store::SCALE
}

/// Simplify and round rings; keep at least the largest ring even when all collapse.
fn simplify(rings: &[Ring], eps: f64) -> Vec<Ring> {
    let mut out: Vec<Ring> = Vec::new();
    for r in rings {
        if let Some(s) = simplify_ring(r, eps) {
            let mut q: Ring = Vec::with_capacity(s.len());
            for p in s {
                let p = [round4(p[0]), round4(p[1])];
                if q.last() != Some(&p) {
                    q.push(p);
                }
            }
            if q.len() >= 3 {
                out.push(q);
            }
        }
    }
    if out.is_empty() {
        if let Some(r) = rings.iter().max_by_key(|r| r.len()) {
            out.push(r.iter().map(|p| [round4(p[0]), round4(p[1])]).collect());
        }
    }
    out
}

fn str_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A search key from a raw name: normalised, admin prefixes and suffixes stripped; `None` for
/// names in other scripts, too short or too long.
pub(crate) fn name_key(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || !raw.chars().all(names::is_name_char) {
        return None;
    }
    let n = rasd_text::normalize(raw);
    let mut k = n
        .as_str()
        .trim_matches(|c: char| c == '.' || c == '-' || c == ' ')
        .to_string();
    for p in names::ADMIN_PREFIXES {
        if let Some(rest) = k.strip_prefix(p) {
            k = rest.trim().to_string();
            break;
        }
    }
    for s in names::ADMIN_SUFFIXES {
        if let Some(rest) = k.strip_suffix(s) {
            k = rest.trim().to_string();
            break;
        }
    }
    let chars = k.chars().filter(|c| c.is_alphanumeric()).count();
    if !(2..=48).contains(&chars) || k.split(' ').count() > 6 || !k.chars().any(char::is_alphabetic)
    {
        return None;
    }
    Some(k)
}

/// GeoNames alternate names include machine transliterations ("zwrghw") and codes ("XZA"):
/// keep names that are capitalised Latin or Arabic script.
fn good_alternate(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let Some(&first) = letters.first() else {
        return false;
    };
    if ('\u{0600}'..='\u{06FF}').contains(&first) {
        return true;
    }
    if !first.is_uppercase() {
        return false;
    }
    !(letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()))
}

struct BuildArea {
    rec: AreaRec,
    src_name: String,
    shape: Area,
}

/// Build the gazetteer from `src_dir` (the layout of `../shared/geo`) into `out_dir`, which
/// must hold the hand-kept `aliases.tsv` (optional) and receives `admin.json.gz` and
/// `places.tsv.gz`. Bad rows are reported in the [`BuildReport`] and skipped.
pub fn build(src_dir: &Path, out_dir: &Path) -> Result<BuildReport, GeoError> {
    let mut report = BuildReport::default();

    // 1. Countries: simplified polygons for the misfiled check, and a centroid.
    let country_path = src_dir.join("wof/sahel_wof_country.geojson");
    let mut country_shapes: Vec<Option<Area>> = vec![None; COUNTRIES.len()];
    for (i, f) in read_features(&country_path)?.iter().enumerate() {
        let p = &f["properties"];
        let cc = p["cc"].as_str().unwrap_or_default();
        let Some(ci) = country_index(cc) else {
            report.skip(
                &country_path,
                i + 1,
                SkipReason::UnknownCountry { cc: cc.into() },
            );
            continue;
        };
        let rings = geometry_rings(&f["geometry"]);
        if rings.is_empty() {
            report.skip(&country_path, i + 1, SkipReason::NoGeometry);
            continue;
        }
        country_shapes[ci] = Some(Area::new(simplify(&rings, SIMPLIFY_COUNTRY)));
        report.count("countries", 1);
    }

    // 2. Extra admin1 names: Natural Earth alternates by HASC, geoBoundaries for Nigeria.
    let mut extra_names: HashMap<String, Vec<String>> = HashMap::new();
    for c in COUNTRIES {
        let path = src_dir.join(format!("naturalearth-admin1/{}.json", c.iso3));
        if !path.exists() {
            continue;
        }
        for f in read_features(&path)? {
            let p = &f["properties"];
            let Some(hasc) = p["code_hasc"].as_str() else {
                continue;
            };
            let e = extra_names.entry(hasc.to_string()).or_default();
            for k in ["name", "woe_name", "gn_name", "gns_name"] {
                e.extend(str_list(p.get(k)));
            }
            if let Some(alt) = p["name_alt"].as_str() {
                e.extend(alt.split('|').map(str::to_string));
            }
            report.count("naturalearth.admin1", 1);
        }
    }
    let gb_path = src_dir.join("geoboundaries-nga/geoBoundaries-NGA-ADM1_simplified.geojson");
    if gb_path.exists() {
        for f in read_features(&gb_path)? {
            let p = &f["properties"];
            if let (Some(iso), Some(name)) = (p["shapeISO"].as_str(), p["shapeName"].as_str()) {
                extra_names
                    .entry(iso.to_string())
                    .or_default()
                    .push(name.to_string());
                report.count("geoboundaries.admin1", 1);
            }
        }
    }

    // 3. Admin1 and admin2 units.
    let mut areas: Vec<BuildArea> = Vec::new();
    let mut region_ids: HashMap<i64, usize> = HashMap::new();
    for (level, file) in [
        (1u8, "wof/sahel_wof_region.geojson"),
        (2, "wof/sahel_wof_county.geojson"),
    ] {
        let path = src_dir.join(file);
        let mut feats: Vec<(usize, Value)> =
            read_features(&path)?.into_iter().enumerate().collect();
        // Sort by id so the output does not depend on the order of the source file.
        feats.sort_by_key(|(_, f)| f["properties"]["wof_id"].as_i64().unwrap_or(0));
        for (i, f) in feats {
            let p = &f["properties"];
            let cc = p["cc"].as_str().unwrap_or_default().to_string();
            let Some(ci) = country_index(&cc) else {
                report.skip(&path, i + 1, SkipReason::UnknownCountry { cc });
                continue;
            };
            let src_name = p["name"].as_str().unwrap_or_default().trim().to_string();
            if src_name.is_empty() {
                report.skip(&path, i + 1, SkipReason::EmptyName);
                continue;
            }
            let rings = geometry_rings(&f["geometry"]);
            if rings.is_empty() {
                report.skip(&path, i + 1, SkipReason::NoGeometry);
                continue;
            }
            let parent = if level == 2 {
                p["region_id"]
                    .as_i64()
                    .and_then(|r| region_ids.get(&r).copied())
            } else {
                None
            };
            let mut raw_names = vec![src_name.clone()];
            for k in ["name_ara", "name_fra", "name_eng"] {
                raw_names.extend(str_list(p.get(k)));
            }
            for k in ["hasc", "iso"] {
                if let Some(code) = p[k].as_str() {
                    if let Some(extra) = extra_names.get(code) {
                        raw_names.extend(extra.iter().cloned());
                    }
                }
            }
            let acled = names::acled_admin_name(&cc, level, &src_name);
            raw_names.push(acled.clone());
            let keys: BTreeSet<String> = raw_names.iter().filter_map(|n| name_key(n)).collect();
            let rings = simplify(&rings, SIMPLIFY_ADMIN);
            let shape = Area::new(rings.clone());
            let c = shape.centroid();
            if level == 1 {
                if let Some(id) = p["wof_id"].as_i64() {
                    region_ids.insert(id, areas.len());
                }
            }
            debug_assert!(ci < COUNTRIES.len());
            areas.push(BuildArea {
                rec: AreaRec {
                    level,
                    cc,
                    name: acled,
                    parent,
                    lat: round4(c[1]),
                    lon: round4(c[0]),
                    keys: keys.into_iter().collect(),
                    rings: rings.iter().map(|r| store::encode_ring(r)).collect(),
                },
                src_name,
                shape,
            });
            report.count(
                if level == 1 {
                    "areas.admin1"
                } else {
                    "areas.admin2"
                },
                1,
            );
        }
    }
    // Admin2 units without a parent id: the admin1 containing their centroid.
    let admin1_index = AdminIndex::new(
        areas
            .iter()
            .map(|a| Shape {
                level: a.rec.level,
                country: country_index(&a.rec.cc).unwrap_or(0),
                area: if a.rec.level == 1 {
                    a.shape.clone()
                } else {
                    Area::default()
                },
            })
            .collect(),
    );
    for a in areas.iter_mut() {
        if a.rec.level == 2 && a.rec.parent.is_none() {
            let ci = country_index(&a.rec.cc);
            a.rec.parent = admin1_index.locate(ci, a.rec.lon, a.rec.lat);
        }
    }
    drop(admin1_index);
    // The hand-kept admin alias layer: press spellings of admin units that the sources lack.
    let admin_alias_path = out_dir.join("admin_aliases.tsv");
    if admin_alias_path.exists() {
        let text = read_text(&admin_alias_path)?;
        apply_admin_aliases(&text, &admin_alias_path, &mut areas, &mut report);
    }
    dedupe_area_keys(&mut areas, &mut report);

    // Final area order: sorted by (cc, level, parent name, name); remap parents.
    let mut order: Vec<usize> = (0..areas.len()).collect();
    let sort_key = |i: usize| {
        let a = &areas[i].rec;
        let parent = a
            .parent
            .map(|p| areas[p].rec.name.clone())
            .unwrap_or_default();
        (
            a.cc.clone(),
            a.level,
            parent,
            a.name.clone(),
            areas[i].src_name.clone(),
            a.lat.to_bits(),
        )
    };
    order.sort_by_key(|&i| sort_key(i));
    let mut new_index = vec![0; areas.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<BuildArea> = Vec::with_capacity(areas.len());
    let mut slots: Vec<Option<BuildArea>> = areas.into_iter().map(Some).collect();
    for &old in &order {
        let mut a = slots[old].take().expect("each index once");
        a.rec.parent = a.rec.parent.map(|p| new_index[p]);
        sorted.push(a);
    }
    let areas = sorted;
    let index = AdminIndex::new(
        areas
            .iter()
            .map(|a| Shape {
                level: a.rec.level,
                country: country_index(&a.rec.cc).unwrap_or(0),
                area: a.shape.clone(),
            })
            .collect(),
    );

    // 4. Places from WOF.
    let mut places: Vec<PlaceRec> = Vec::new();
    let mut by_gn: HashMap<String, usize> = HashMap::new();
    let wof_path = src_dir.join("wof/sahel_wof_places.tsv.gz");
    let text = read_text(&wof_path)?;
    for (lineno, c) in tsv_rows(&wof_path, &text, "wof_id", 17, &mut report)? {
        match c[1] {
            "locality" | "localadmin" => {}
            other => {
                report.count(&format!("wof.ignored.{other}"), 1);
                continue;
            }
        }
        let Some((lat, lon)) = parse_point(&wof_path, lineno, c[3], c[4], &mut report) else {
            continue;
        };
        let name = c[2].trim();
        if name.is_empty() {
            report.skip(&wof_path, lineno, SkipReason::EmptyName);
            continue;
        }
        let Some(ci) = country_index(c[5]) else {
            report.skip(
                &wof_path,
                lineno,
                SkipReason::UnknownCountry { cc: c[5].into() },
            );
            continue;
        };
        if !check_country(
            &country_shapes,
            ci,
            lat,
            lon,
            &wof_path,
            lineno,
            &mut report,
        ) {
            continue;
        }
        let mut raw = vec![name.to_string()];
        for col in &c[13..17] {
            raw.extend(col.split('|').map(str::to_string));
        }
        if c[1] == "localadmin" {
            report.count("wof.localadmin_as_town", 1);
        }
        let population = c[8]
            .trim()
            .parse::<f64>()
            .map(|p| p.max(0.0) as u64)
            .unwrap_or(0);
        let gn = c[9].trim().to_string();
        if !gn.is_empty() {
            by_gn.insert(gn.clone(), places.len());
        }
        places.push(PlaceRec {
            src: format!("wof:{}", c[0].trim()),
            cc: COUNTRIES[ci].cc.to_string(),
            lat,
            lon,
            population,
            area: None,
            location: names::fold(display_name(name, &c[15..16], &c[14..15])),
            keys: raw,
        });
        report.count("places.wof", 1);
    }

    // 5. GeoNames cities500: alternate names and population by id; missing places added.
    let gn_path = src_dir.join("geonames/cities500_sahel.tsv");
    if gn_path.exists() {
        let text = read_text(&gn_path)?;
        for (lineno, c) in tsv_rows(&gn_path, &text, "geonameid", 8, &mut report)? {
            let Some((lat, lon)) = parse_point(&gn_path, lineno, c[2], c[3], &mut report) else {
                continue;
            };
            let name = c[1].trim();
            if name.is_empty() {
                report.skip(&gn_path, lineno, SkipReason::EmptyName);
                continue;
            }
            let population = c[6].trim().parse::<u64>().unwrap_or(0);
            let alternates = c[7]
                .split('|')
                .filter(|a| good_alternate(a))
                .map(str::to_string);
            if let Some(&pi) = by_gn.get(c[0].trim()) {
                let p = &mut places[pi];
                p.keys.push(name.to_string());
                p.keys.extend(alternates);
                if p.population == 0 {
                    p.population = population;
                }
                report.count("places.geonames_merged", 1);
                continue;
            }
            let Some(ci) = country_index(c[4]) else {
                report.skip(
                    &gn_path,
                    lineno,
                    SkipReason::UnknownCountry { cc: c[4].into() },
                );
                continue;
            };
            if !check_country(&country_shapes, ci, lat, lon, &gn_path, lineno, &mut report) {
                continue;
            }
            let mut keys = vec![name.to_string()];
            keys.extend(alternates);
            places.push(PlaceRec {
                src: format!("gn:{}", c[0].trim()),
                cc: COUNTRIES[ci].cc.to_string(),
                lat,
                lon,
                population,
                area: None,
                location: names::fold(name),
                keys,
            });
            report.count("places.geonames_added", 1);
        }
    }

    // 6. Normalise keys.
    for p in &mut places {
        let keys: BTreeSet<String> = p.keys.iter().filter_map(|k| name_key(k)).collect();
        p.keys = keys.into_iter().collect();
    }
    places.retain(|p| !p.keys.is_empty());

    // 7. The hand-kept alias layer.
    let alias_path = out_dir.join("aliases.tsv");
    if alias_path.exists() {
        let text = read_text(&alias_path)?;
        apply_aliases(
            &text,
            &alias_path,
            &mut places,
            &country_shapes,
            &mut report,
        );
    }

    // 8. Admin units by point-in-polygon.
    for p in &mut places {
        p.area = index.locate(country_index(&p.cc), p.lon, p.lat);
        if p.area.is_none() {
            report.count("places.no_admin", 1);
        }
    }

    // 9. Representative points of areas: the most populous place of the same name inside.
    let mut area_recs: Vec<AreaRec> = areas.into_iter().map(|a| a.rec).collect();
    let mut best_town: HashMap<usize, (u64, f64, f64)> = HashMap::new();
    let area_keys: Vec<Option<String>> = area_recs.iter().map(|a| name_key(&a.name)).collect();
    for p in &places {
        let Some(a) = p.area else { continue };
        let mut hit = |ai: usize| {
            if area_keys[ai].as_ref().is_some_and(|k| p.keys.contains(k)) {
                let e = best_town.entry(ai).or_insert((0, p.lat, p.lon));
                if p.population > e.0 {
                    *e = (p.population, p.lat, p.lon);
                }
            }
        };
        hit(a);
        if let Some(parent) = area_recs[a].parent {
            hit(parent);
        }
    }
    for (ai, (_, lat, lon)) in best_town {
        area_recs[ai].lat = round4(lat);
        area_recs[ai].lon = round4(lon);
    }

    // 10. Write, sorted.
    places.sort_by(|a, b| {
        (&a.cc, &a.location, &a.src)
            .cmp(&(&b.cc, &b.location, &b.src))
            .then(a.lat.total_cmp(&b.lat))
            .then(a.lon.total_cmp(&b.lon))
    });
    places.dedup_by(|a, b| a.src == b.src && a.cc == b.cc);
    for p in &mut places {
        p.lat = (p.lat * 1e5).round() / 1e5;
        p.lon = (p.lon * 1e5).round() / 1e5;
    }
    let countries: Vec<CountryRec> = COUNTRIES
        .iter()
        .zip(&country_shapes)
        .filter_map(|(c, s)| {
            let s = s.as_ref()?;
            let p = s.centroid();
            Some(CountryRec {
                cc: c.cc.into(),
                name: c.acled.into(),
                lat: round4(p[1]),
                lon: round4(p[0]),
            })
        })
        .collect();
    if area_recs.is_empty() {
        return Err(GeoError::Empty {
            path: src_dir.join("wof"),
            what: "admin areas",
        });
    }
    let admin = AdminFile {
        countries,
        areas: area_recs,
    };
    let admin_json = serde_json::to_vec(&admin).map_err(|source| GeoError::Json {
        path: out_dir.join("admin.json.gz"),
        source,
    })?;
    std::fs::create_dir_all(out_dir).map_err(|source| GeoError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    for (name, bytes) in [
        ("admin.json.gz", store::gzip(&admin_json)),
        (
            "places.tsv.gz",
            store::gzip(store::write_places(&places).as_bytes()),
        ),
    ] {
        let path = out_dir.join(name);
        std::fs::write(&path, &bytes).map_err(|source| GeoError::Io {
            path: path.clone(),
            source,
        })?;
        report.outputs.push((path, bytes.len()));
    }
    report.count("places.total", places.len());
    report
        .skipped
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Ok(report)
}

fn parse_point(
    path: &Path,
    line: usize,
    lat: &str,
    lon: &str,
    report: &mut BuildReport,
) -> Option<(f64, f64)> {
    let mut out = [0.0; 2];
    for (k, (col, s, lim)) in [("lat", lat, 90.0), ("lon", lon, 180.0)]
        .into_iter()
        .enumerate()
    {
        match s.trim().parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= lim => out[k] = v,
            Ok(v) => {
                report.skip(
                    path,
                    line,
                    SkipReason::OutOfRange {
                        column: col,
                        value: v,
                    },
                );
                return None;
            }
            Err(_) => {
                report.skip(
                    path,
                    line,
                    SkipReason::BadNumber {
                        column: col,
                        value: s.into(),
                    },
                );
                return None;
            }
        }
    }
    if out == [0.0, 0.0] {
        report.skip(
            path,
            line,
            SkipReason::OutOfRange {
                column: "lat",
                value: 0.0,
            },
        );
        return None;
    }
    Some((out[0], out[1]))
}

fn check_country(
    shapes: &[Option<Area>],
    ci: usize,
    lat: f64,
    lon: f64,
    path: &Path,
    line: usize,
    report: &mut BuildReport,
) -> bool {
    let Some(shape) = &shapes[ci] else {
        return true;
    };
    // Cheap reject first: far outside the bounding box.
    let b = shape.bbox;
    let outside_box = lon < b[0] - COUNTRY_SLACK
        || lon > b[2] + COUNTRY_SLACK
        || lat < b[1] - COUNTRY_SLACK
        || lat > b[3] + COUNTRY_SLACK;
    let d = if outside_box {
        f64::MAX
    } else {
        shape.distance(lon, lat)
    };
    if d <= COUNTRY_SLACK {
        return true;
    }
    let km = if outside_box {
        let c = shape.centroid();
        haversine_km(lat, lon, c[1], c[0])
    } else {
        d * 111.0
    };
    report.skip(
        path,
        line,
        SkipReason::OutsideCountry {
            cc: COUNTRIES[ci].cc.into(),
            km,
        },
    );
    report.count("places.misfiled", 1);
    false
}

/// Keys shared by two units of one country and level are wrong for at least one of them
/// (WOF's French name of Centre-Ouest is "Centre-Est"; Chari-Baguirmi's Arabic name is
/// Kanem's): keep such a key only on the unit whose own name it is.
fn dedupe_area_keys(areas: &mut [BuildArea], report: &mut BuildReport) {
    let mut owners: HashMap<(String, u8, String), Vec<usize>> = HashMap::new();
    for (i, a) in areas.iter().enumerate() {
        for k in &a.rec.keys {
            owners
                .entry((a.rec.cc.clone(), a.rec.level, k.clone()))
                .or_default()
                .push(i);
        }
    }
    let mut drops: Vec<(usize, String)> = Vec::new();
    for ((_, _, k), idx) in owners {
        if idx.len() < 2 {
            continue;
        }
        for &i in &idx {
            let own = [&areas[i].src_name, &areas[i].rec.name]
                .iter()
                .any(|n| name_key(n).as_deref() == Some(k.as_str()));
            if !own {
                drops.push((i, k.clone()));
            }
        }
    }
    drops.sort();
    for (i, k) in drops {
        areas[i].rec.keys.retain(|x| *x != k);
        report.count("areas.conflicting_keys_dropped", 1);
    }
}

/// One row of `aliases.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AliasRow {
    pub location: String,
    pub cc: String,
    pub lat: f64,
    pub lon: f64,
    pub names: Vec<String>,
    /// A row whose note starts "fix:" corrects the point of a misplaced source record (matched within
    /// [`ALIAS_FIX_KM`]).
    pub fix: bool,
}

pub(crate) const ALIAS_COLUMNS: usize = 6;

/// The rows of a hand-kept table (tab-separated, `#` comments, blank lines and the header line
/// starting `header` skipped) with their 1-based line numbers; a row with another number of
/// columns is reported and skipped.
fn table_rows<'t>(
    text: &'t str,
    path: &Path,
    header: &str,
    columns: usize,
    report: &mut BuildReport,
) -> Vec<(usize, Vec<&'t str>)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with(header) {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != columns {
            report.skip(
                path,
                lineno,
                SkipReason::ColumnCount {
                    found: c.len(),
                    expected: columns,
                },
            );
            continue;
        }
        out.push((lineno, c));
    }
    out
}

/// The `|`-separated names of a hand-kept row, trimmed, empty ones dropped; `None` (reported
/// and to be skipped) when one of them has no usable search key.
fn usable_names<'t>(
    field: &'t str,
    path: &Path,
    lineno: usize,
    report: &mut BuildReport,
) -> Option<Vec<&'t str>> {
    let names: Vec<&str> = field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if names.iter().any(|n| name_key(n).is_none()) {
        report.skip(
            path,
            lineno,
            SkipReason::BadAlias {
                problem: "a name has no usable key",
            },
        );
        return None;
    }
    Some(names)
}

/// The name a place is shown under: ACLED writes places in Latin script, so a place whose
/// Who's On First name is Arabic ("سبها") takes its first English name, else its first French
/// one ("Sabha", "Sebha"); the Arabic name stays a key.
fn display_name<'a>(name: &'a str, eng: &[&'a str], fra: &[&'a str]) -> &'a str {
    if !name.chars().any(crate::resolve::is_arabic) {
        return name;
    }
    eng.iter()
        .chain(fra)
        .flat_map(|col| col.split('|'))
        .map(str::trim)
        .find(|n| !n.is_empty() && !n.chars().any(crate::resolve::is_arabic))
        .unwrap_or(name)
}

/// Parse the alias file: `location  cc  lat  lon  names(|)  note`; `#` comments.
pub(crate) fn parse_aliases(
    text: &str,
    path: &Path,
    report: &mut BuildReport,
) -> Vec<(usize, AliasRow)> {
    let mut out = Vec::new();
    for (lineno, c) in table_rows(text, path, "location\t", ALIAS_COLUMNS, report) {
        let Some((lat, lon)) = parse_point(path, lineno, c[2], c[3], report) else {
            continue;
        };
        if c[0].trim().is_empty() {
            report.skip(path, lineno, SkipReason::EmptyName);
            continue;
        }
        if country_index(c[1].trim()).is_none() {
            report.skip(path, lineno, SkipReason::UnknownCountry { cc: c[1].into() });
            continue;
        }
        let Some(names) = usable_names(c[4], path, lineno, report) else {
            continue;
        };
        let names: Vec<String> = names.into_iter().map(str::to_string).collect();
        out.push((
            lineno,
            AliasRow {
                location: c[0].trim().into(),
                cc: c[1].trim().into(),
                lat,
                lon,
                names,
                fix: c[5].trim().starts_with("fix:"),
            },
        ));
    }
    out
}

const ADMIN_ALIAS_COLUMNS: usize = 4;

/// Add the names of `admin_aliases.tsv` (`cc  level  name  names(|)`; `#` comments) to the
/// admin unit of that country and level whose ACLED name is `name` ("NG 1 Zamfara زامفارا").
/// A row naming no such unit, or a name with no key, is reported with its line and skipped.
fn apply_admin_aliases(text: &str, path: &Path, areas: &mut [BuildArea], report: &mut BuildReport) {
    for (lineno, c) in table_rows(text, path, "cc\t", ADMIN_ALIAS_COLUMNS, report) {
        let (cc, name) = (c[0].trim(), c[2].trim());
        let Ok(level) = c[1].trim().parse::<u8>() else {
            report.skip(
                path,
                lineno,
                SkipReason::BadNumber {
                    column: "level",
                    value: c[1].into(),
                },
            );
            continue;
        };
        let Some(names) = usable_names(c[3], path, lineno, report) else {
            continue;
        };
        let keys: Vec<String> = names.into_iter().filter_map(name_key).collect();
        let Some(area) = areas
            .iter_mut()
            .find(|a| a.rec.cc == cc && a.rec.level == level && a.rec.name == name)
        else {
            report.skip(
                path,
                lineno,
                SkipReason::BadAlias {
                    problem: "no admin unit of that country, level and name",
                },
            );
            continue;
        };
        for k in keys {
            if !area.rec.keys.contains(&k) {
                area.rec.keys.push(k);
                report.count("admin_aliases.names", 1);
            }
        }
    }
}

/// How close (km) an existing place must be to an alias row to receive its names.
const ALIAS_MERGE_KM: f64 = 20.0;

/// How far (km) a source record may lie from the point a `fix` row gives it: a sign or digit
/// error in the source (Tessit at 0.3°W instead of 0.3°E) moves a place tens of kilometres.
const ALIAS_FIX_KM: f64 = 150.0;

fn apply_aliases(
    text: &str,
    path: &Path,
    places: &mut Vec<PlaceRec>,
    countries: &[Option<Area>],
    report: &mut BuildReport,
) {
    let rows = parse_aliases(text, path, report);
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        for k in &p.keys {
            by_key.entry(k.clone()).or_default().push(i);
        }
    }
    for (lineno, row) in rows {
        let ci = country_index(&row.cc).expect("checked while parsing");
        if !check_country(countries, ci, row.lat, row.lon, path, lineno, report) {
            continue;
        }
        let mut keys: Vec<String> = row.names.iter().filter_map(|n| name_key(n)).collect();
        keys.extend(name_key(&row.location));
        // The nearest existing place of this country that already has one of the names.
        let mut best: Option<(f64, usize)> = None;
        for k in &keys {
            for &pi in by_key.get(k).into_iter().flatten() {
                let p = &places[pi];
                if p.cc != row.cc {
                    continue;
                }
                let d = haversine_km(row.lat, row.lon, p.lat, p.lon);
                let reach = if row.fix {
                    ALIAS_FIX_KM
                } else {
                    ALIAS_MERGE_KM
                };
                if d <= reach && best.is_none_or(|(bd, bi)| d < bd || (d == bd && pi < bi)) {
                    best = Some((d, pi));
                }
            }
        }
        let target = match best {
            Some((_, pi)) => {
                report.count("aliases.merged", 1);
                pi
            }
            None => {
                places.push(PlaceRec {
                    src: format!("alias:{lineno}"),
                    cc: row.cc.clone(),
                    lat: row.lat,
                    lon: row.lon,
                    population: 0,
                    area: None,
                    location: row.location.clone(),
                    keys: Vec::new(),
                });
                report.count("aliases.added", 1);
                places.len() - 1
            }
        };
        let p = &mut places[target];
        p.location = row.location.clone();
        if row.fix {
            // The source's point is wrong: the row's replaces it.
            (p.lat, p.lon) = (row.lat, row.lon);
            report.count("aliases.fixed", 1);
        }
        if !p.src.starts_with("alias:") && !p.src.contains("+alias") {
            p.src.push_str("+alias");
        }
        let mut all: BTreeSet<String> = p.keys.iter().cloned().collect();
        for k in keys {
            if all.insert(k.clone()) {
                by_key.entry(k).or_default().push(target);
            }
        }
        p.keys = all.into_iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::display_name;

    #[test]
    fn arabic_wof_names_show_in_latin_script() {
        assert_eq!(display_name("سبها", &["Sabha"], &["Sebha"]), "Sabha");
        assert_eq!(display_name("درنة", &[""], &["Derna|Darnah"]), "Derna");
        assert_eq!(display_name("Gao", &["Gao"], &["Gao"]), "Gao");
        // With no Latin name at all the Arabic one stays rather than nothing.
        assert_eq!(display_name("الطايف", &[""], &[""]), "الطايف");
    }
}
