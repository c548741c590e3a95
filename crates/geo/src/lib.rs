//! Gazetteer, toponym resolution and admin polygons for the Sahel.
//!
//! - [`Gazetteer`]: the embedded gazetteer (`data/geo/`, built by [`build`] from Who's On First,
//!   GeoNames, Natural Earth and geoBoundaries plus the hand-kept `aliases.tsv`), loaded once
//!   with [`Gazetteer::embedded`].
//! - [`Gazetteer::geoparse`]: finds place names in [`rasd_text::Normalized`] text (Arabic,
//!   French, English), reads their cues ("near X", "au nord de X", "قرب X", "cercle de X",
//!   "(Solle, Loroum)") and resolves each to one place with an ACLED `geo_precision`.
//! - [`Gazetteer::admin_for_point`]: country / admin1 / admin2 in ACLED spelling for a point,
//!   by point-in-polygon over an R-tree.
//! - [`AdminBoundaries`]: the same simplified admin rings for drawing (report maps, the
//!   dashboard's GeoJSON).
//!
//! ```
//! use rasd_geo::{Gazetteer, GeoHints};
//! let g = Gazetteer::embedded();
//! let a = g.admin_for_point(14.10, -1.63).unwrap(); // lat, lon: Djibo
//! assert_eq!(a.country, "Burkina Faso");
//! assert_eq!(a.admin1.as_deref(), Some("Sahel"));
//! let text = rasd_text::normalize("Des hommes armés ont attaqué un poste près de Djibo.");
//! let m = g.geoparse(&text, &GeoHints::default());
//! assert_eq!(m[0].location, "Djibo");
//! assert_eq!(m[0].geo_precision, 2);
//! ```
//!
//! Why names are resolved against polygons rather than by their admin names: sources disagree
//! on admin names and eras (Mali's 2023 regions), and ACLED codes the admin units of the point.
//! Coordinates: the public API takes and returns `lat`, `lon` in that order; inside the crate,
//! geometry is `[lon, lat]` as in GeoJSON.

mod admin;
mod boundaries;
mod build;
mod common;
mod error;
mod gazetteer;
mod geometry;
mod names;
mod resolve;
mod store;
mod trie;

pub use boundaries::{AdminBoundaries, BoundaryArea, BoundaryCountry};
pub use build::{build, BuildReport};
pub use error::{EmbeddedProblem, GeoError, SkipReason, SkippedRow};
pub use gazetteer::{AdminArea, Gazetteer};
pub use geometry::haversine_km;
pub use names::{acled_country, admin1_in_year, capital_of, capitals, written_name};
pub use resolve::{direction_before, GeoHints, PlaceCue, PlaceKind, PlaceMention};
