//! The admin boundaries the project ships in `data/geo/admin.json.gz`, for drawing: report maps
//! (`rasd report`) and the dashboard's GeoJSON (`rasd-server`) read them here, from the same
//! bytes the [`crate::Gazetteer`] embeds, so the binary carries the file once.
//!
//! Rings are **`[lon, lat]`** (x, y), as in GeoJSON, decoded from the file's integers scaled by
//! 10^4, without the first point repeated at the end. The file has no country polygons: a
//! country is the union of its admin1 units.

use crate::error::GeoError;
use crate::store;

/// A country of the boundary file, with its label point.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryCountry {
    /// ISO 3166-1 alpha-2 code.
    pub cc: String,
    /// ACLED spelling.
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// One admin1 or admin2 unit.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryArea {
    /// 1 (admin1) or 2 (admin2).
    pub level: u8,
    /// The country's ISO code.
    pub cc: String,
    /// ACLED spelling.
    pub name: String,
    /// Index into [`AdminBoundaries::areas`] of the admin1 unit of an admin2 unit.
    pub parent: Option<usize>,
    /// Label point.
    pub lat: f64,
    pub lon: f64,
    /// Simplified rings of `[lon, lat]` points (outer rings and holes together).
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// Countries and admin units with their simplified rings.
#[derive(Debug, Clone, PartialEq)]
pub struct AdminBoundaries {
    pub countries: Vec<BoundaryCountry>,
    pub areas: Vec<BoundaryArea>,
}

impl AdminBoundaries {
    /// The boundaries embedded in the binary, parsed on each call (callers keep what they
    /// derive from them: a report its lines, the server its GeoJSON).
    pub fn embedded() -> Result<AdminBoundaries, GeoError> {
        AdminBoundaries::from_gz(crate::gazetteer::EMBEDDED_ADMIN)
    }

    /// Read a gzip'd `admin.json` as written by [`crate::build`].
    pub fn from_gz(admin_gz: &[u8]) -> Result<AdminBoundaries, GeoError> {
        let file = store::read_admin(admin_gz)?;
        Ok(AdminBoundaries {
            countries: file
                .countries
                .into_iter()
                .map(|c| BoundaryCountry {
                    cc: c.cc,
                    name: c.name,
                    lat: c.lat,
                    lon: c.lon,
                })
                .collect(),
            areas: file
                .areas
                .into_iter()
                .map(|a| BoundaryArea {
                    level: a.level,
                    cc: a.cc,
                    name: a.name,
                    parent: a.parent,
                    lat: a.lat,
                    lon: a.lon,
                    rings: a.rings.iter().map(|r| store::decode_ring(r)).collect(),
                })
                .collect(),
        })
    }

    /// The ACLED name of the country with ISO code `cc`.
    pub fn country_name(&self, cc: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.cc == cc)
            .map(|c| c.name.as_str())
    }

    /// The admin1 rings (`[lon, lat]`, at least three points) of the named countries (ACLED
    /// spelling, case-insensitive); unknown names are ignored.
    pub fn admin1_rings<'a, 'b>(
        &'a self,
        countries: impl IntoIterator<Item = &'b str>,
    ) -> impl Iterator<Item = &'a [[f64; 2]]> + 'a {
        let wanted: Vec<String> = countries
            .into_iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        let codes: Vec<&str> = self
            .countries
            .iter()
            .filter(|c| wanted.contains(&c.name.to_lowercase()))
            .map(|c| c.cc.as_str())
            .collect();
        self.areas
            .iter()
            .filter(move |a| a.level == 1 && codes.contains(&a.cc.as_str()))
            .flat_map(|a| &a.rings)
            .filter(|r| r.len() >= 3)
            .map(Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mali_admin1_rings_lie_in_its_longitude_latitude_box() {
        let b = AdminBoundaries::embedded().unwrap();
        let rings: Vec<_> = b.admin1_rings(["mali "]).collect();
        assert!(rings.len() >= 8, "{} rings", rings.len());
        for &[lon, lat] in rings.iter().copied().flatten() {
            assert!((-13.0..=5.0).contains(&lon), "lon {lon}");
            assert!((9.0..=26.0).contains(&lat), "lat {lat}");
        }
        assert_eq!(b.admin1_rings(["Atlantis"]).count(), 0);
        assert_eq!(b.country_name("ML"), Some("Mali"));
    }

    #[test]
    fn admin2_parents_are_admin1_units() {
        let b = AdminBoundaries::embedded().unwrap();
        let admin2: Vec<_> = b.areas.iter().filter(|a| a.level == 2).collect();
        assert!(!admin2.is_empty());
        for a in admin2 {
            let p = &b.areas[a.parent.expect("admin2 has a parent")];
            assert_eq!(p.level, 1, "{}", a.name);
        }
        let bankass = b.areas.iter().find(|a| a.name == "Bankass").unwrap();
        assert_eq!(b.areas[bankass.parent.unwrap()].name, "Mopti");
    }

    #[test]
    fn corrupt_bytes_are_an_error() {
        assert!(AdminBoundaries::from_gz(b"not gzip").is_err());
    }
}
