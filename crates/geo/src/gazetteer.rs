//! The loaded gazetteer: countries, admin units with polygons, localities, and the name index.

use crate::admin::{AdminIndex, Shape};
use crate::error::{EmbeddedProblem, GeoError};
use crate::geometry::Area;
use crate::names::{self, country_index, COUNTRIES};
use crate::resolve::Matcher;
use crate::store::{self, AdminFile};
use std::sync::{LazyLock, OnceLock};

pub(crate) static EMBEDDED_ADMIN: &[u8] = include_bytes!("../../../data/geo/admin.json.gz");
static EMBEDDED_PLACES: &[u8] = include_bytes!("../../../data/geo/places.tsv.gz");

/// Country, admin1 and admin2 as ACLED writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminArea {
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
}

/// What a name in the index can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Target {
    /// Index into [`COUNTRIES`].
    Country(u16),
    /// Index into [`Gazetteer::areas`].
    Area(u32),
    /// Index into [`Gazetteer::places`].
    Place(u32),
}

#[derive(Debug, Clone)]
pub(crate) struct AreaEntry {
    pub level: u8,
    pub country: usize,
    pub name: String,
    pub parent: Option<usize>,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct PlaceEntry {
    pub country: usize,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub area: Option<usize>,
    pub location: String,
    /// From the hand-kept alias file (a known conflict place or press spelling).
    pub curated: bool,
}

/// The gazetteer: admin polygons (for [`Gazetteer::admin_for_point`]) and a name index over
/// countries, admin units and localities (for [`Gazetteer::geoparse`]).
///
/// Loading parses the two embedded files; the trie over all names is built on the first
/// `geoparse` call (or by [`Gazetteer::preload`]), so a process that only needs
/// `admin_for_point` never pays for it.
pub struct Gazetteer {
    pub(crate) country_points: Vec<Option<(f64, f64)>>,
    pub(crate) areas: Vec<AreaEntry>,
    pub(crate) admin: AdminIndex,
    pub(crate) places: Vec<PlaceEntry>,
    /// Normalised name -> what it can refer to.
    pub(crate) names: Names,
    pub(crate) matcher: OnceLock<Matcher>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("areas", &self.areas.len())
            .field("places", &self.places.len())
            .field("names", &self.names.len())
            .finish()
    }
}

/// The name index: distinct normalised names in byte order, each with what it can refer to
/// (countries, admin units, localities, in the order they were listed).
pub(crate) struct Names {
    keys: Vec<String>,
    /// `targets[starts[i]..starts[i + 1]]` are the targets of `keys[i]`.
    starts: Vec<u32>,
    targets: Vec<Target>,
}

impl Names {
    fn new(mut pairs: Vec<(String, Target)>) -> Names {
        // Stable, so each name's targets keep their listing order; an 8-byte prefix settles
        // most comparisons without reading the strings.
        let prefix = |k: &str| {
            let mut p = [0u8; 8];
            let n = k.len().min(8);
            p[..n].copy_from_slice(&k.as_bytes()[..n]);
            u64::from_be_bytes(p)
        };
        let mut order: Vec<(u64, u32)> = pairs
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (prefix(k), i as u32))
            .collect();
        order.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| pairs[a.1 as usize].0.cmp(&pairs[b.1 as usize].0))
        });
        let mut names = Names {
            keys: Vec::new(),
            starts: Vec::new(),
            targets: Vec::with_capacity(pairs.len()),
        };
        for (_, i) in order {
            let (key, target) = &mut pairs[i as usize];
            if names.keys.last() != Some(key) {
                names.keys.push(std::mem::take(key));
                names.starts.push(names.targets.len() as u32);
            }
            names.targets.push(*target);
        }
        names.starts.push(names.targets.len() as u32);
        names
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }

    /// Every name with its targets, in byte order of the names.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &[Target])> {
        self.keys.iter().enumerate().map(|(i, k)| {
            let (a, b) = (self.starts[i] as usize, self.starts[i + 1] as usize);
            (k, &self.targets[a..b])
        })
    }
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_bytes(EMBEDDED_ADMIN, EMBEDDED_PLACES)
        .expect("the embedded gazetteer in data/geo is valid (tested)")
});

impl Gazetteer {
    /// The gazetteer embedded in the binary, parsed once on first use.
    ///
    /// The first call also starts loading it and building its name index on a background
    /// thread (see [`Gazetteer::preload`]); a caller that needs it now waits for that thread.
    pub fn embedded() -> &'static Gazetteer {
        Gazetteer::preload();
        &EMBEDDED
    }

    /// Start loading the embedded gazetteer and building its name index on a background
    /// thread, and return at once. Call it early (the coder does when it is built) so that
    /// the load overlaps other start-up work instead of delaying the first document.
    pub fn preload() {
        static WARM: std::sync::Once = std::sync::Once::new();
        WARM.call_once(|| {
            let _ = std::thread::Builder::new()
                .name("rasd-geo-load".into())
                .spawn(|| {
                    let g: &'static Gazetteer = &EMBEDDED;
                    g.warm();
                    // Stay parked: with glibc a finished thread hands its malloc arena, full
                    // of the holes loading left, to the next thread started, often a document
                    // worker (measured: 7 % of coding time in malloc instead of 3 %).
                    loop {
                        std::thread::park();
                    }
                });
        });
    }

    /// Load from the gzip'd files written by [`crate::build`] (`admin.json.gz`,
    /// `places.tsv.gz`).
    pub fn from_bytes(admin_gz: &[u8], places_gz: &[u8]) -> Result<Gazetteer, GeoError> {
        let admin: AdminFile = store::read_admin(admin_gz)?;
        let places_text = store::gunzip(places_gz, "places.tsv.gz")?;
        let place_recs = store::read_places(&places_text, "places.tsv.gz")?;

        let mut country_points = vec![None; COUNTRIES.len()];
        for c in &admin.countries {
            if let Some(ci) = country_index(&c.cc) {
                country_points[ci] = Some((c.lat, c.lon));
            }
        }
        let mut names: Vec<(String, Target)> =
            Vec::with_capacity(place_recs.len() * 2 + admin.areas.len() * 4);
        for (ci, c) in COUNTRIES.iter().enumerate() {
            for n in c.names {
                let k = rasd_text::normalize(n).as_str().to_string();
                names.push((k, Target::Country(ci as u16)));
            }
        }
        let bad_ref = |line: usize, column: &'static str, file: &'static str| GeoError::Embedded {
            file,
            line,
            problem: EmbeddedProblem::BadReference { column },
        };
        let mut areas = Vec::with_capacity(admin.areas.len());
        let mut shapes = Vec::with_capacity(admin.areas.len());
        for (i, a) in admin.areas.into_iter().enumerate() {
            let country = country_index(&a.cc).ok_or_else(|| bad_ref(i, "cc", "admin.json.gz"))?;
            if a.parent.is_some_and(|p| p >= i) {
                return Err(bad_ref(i, "parent", "admin.json.gz"));
            }
            for k in a.keys {
                names.push((k, Target::Area(i as u32)));
            }
            let rings = a.rings.iter().map(|r| store::decode_ring(r)).collect();
            shapes.push(Shape {
                level: a.level,
                country,
                area: Area::new(rings),
            });
            areas.push(AreaEntry {
                level: a.level,
                country,
                name: a.name,
                parent: a.parent,
                lat: a.lat,
                lon: a.lon,
            });
        }
        let mut places = Vec::with_capacity(place_recs.len());
        for (i, p) in place_recs.into_iter().enumerate() {
            let country =
                country_index(p.cc).ok_or_else(|| bad_ref(i + 2, "cc", "places.tsv.gz"))?;
            if p.area.is_some_and(|a| a >= areas.len()) {
                return Err(bad_ref(i + 2, "area", "places.tsv.gz"));
            }
            for k in p.keys() {
                names.push((k.to_string(), Target::Place(i as u32)));
            }
            places.push(PlaceEntry {
                country,
                lat: p.lat,
                lon: p.lon,
                population: p.population,
                area: p.area,
                location: p.location.to_string(),
                curated: p.src.contains("alias"),
            });
        }
        Ok(Gazetteer {
            country_points,
            areas,
            admin: AdminIndex::new(shapes),
            places,
            names: Names::new(names),
            matcher: OnceLock::new(),
        })
    }

    /// Country, admin1, admin2 (ACLED spelling) containing a point (WGS84 `lat`, `lon`, in
    /// that order), by point-in-polygon over the simplified admin polygons with an R-tree.
    /// `None` outside the covered countries.
    pub fn admin_for_point(&self, lat: f64, lon: f64) -> Option<AdminArea> {
        let i = self.admin.locate(None, lon, lat)?;
        Some(self.admin_of_area(i))
    }

    pub(crate) fn admin_of_area(&self, i: usize) -> AdminArea {
        let a = &self.areas[i];
        let country = COUNTRIES[a.country].acled.to_string();
        match (a.level, a.parent) {
            (2, Some(p)) => AdminArea {
                country,
                admin1: Some(self.areas[p].name.clone()),
                admin2: Some(a.name.clone()),
            },
            (2, None) => AdminArea {
                country,
                admin1: None,
                admin2: Some(a.name.clone()),
            },
            _ => {
                let cc = COUNTRIES[a.country].cc;
                let admin2 = names::ADMIN2_FOR_ADMIN1
                    .iter()
                    .find(|(c, a1, _)| *c == cc && *a1 == a.name)
                    .map(|(_, _, a2)| a2.to_string());
                AdminArea {
                    country,
                    admin1: Some(a.name.clone()),
                    admin2,
                }
            }
        }
    }

    /// Number of localities (for diagnostics).
    pub fn place_count(&self) -> usize {
        self.places.len()
    }

    /// Number of distinct normalised names (for diagnostics).
    pub fn name_count(&self) -> usize {
        self.names.len()
    }
}
