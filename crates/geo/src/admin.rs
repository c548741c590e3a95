//! Admin polygons with an R-tree over their bounding boxes, for point-in-polygon look-ups.

use crate::geometry::Area;
use rstar::{RTree, RTreeObject, AABB};

/// One admin unit's shape in the index.
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    /// 1 = admin1, 2 = admin2.
    pub level: u8,
    /// Index into [`crate::names::COUNTRIES`].
    pub country: usize,
    pub area: Area,
}

struct Boxed {
    idx: usize,
    env: AABB<[f64; 2]>,
}

impl RTreeObject for Boxed {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        self.env
    }
}

/// Shapes plus an R-tree (rstar 0.12) of their bounding boxes. Coordinates are `[lon, lat]`.
pub(crate) struct AdminIndex {
    pub shapes: Vec<Shape>,
    tree: RTree<Boxed>,
}

/// Points up to this far (degrees, ~5.5 km) outside every polygon of a country still get the
/// nearest unit: simplified borders and coastlines leave thin gaps.
const SNAP: f64 = 0.05;

impl AdminIndex {
    pub fn new(shapes: Vec<Shape>) -> AdminIndex {
        let boxed = shapes
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.area.is_empty())
            .map(|(idx, s)| Boxed {
                idx,
                env: AABB::from_corners(
                    [s.area.bbox[0], s.area.bbox[1]],
                    [s.area.bbox[2], s.area.bbox[3]],
                ),
            })
            .collect();
        AdminIndex {
            shapes,
            tree: RTree::bulk_load(boxed),
        }
    }

    /// The deepest unit containing the point (admin2 before admin1), restricted to `country`
    /// when given; else the nearest unit within [`SNAP`] degrees. Ties go to the lower index,
    /// so results do not depend on R-tree iteration order.
    pub fn locate(&self, country: Option<usize>, lon: f64, lat: f64) -> Option<usize> {
        let mut best: Option<(u8, usize)> = None;
        let ok = |s: &Shape| country.is_none_or(|c| c == s.country);
        for b in self
            .tree
            .locate_in_envelope_intersecting(&AABB::from_point([lon, lat]))
        {
            let s = &self.shapes[b.idx];
            if ok(s) && s.area.contains(lon, lat) {
                let cand = (s.level, b.idx);
                best = match best {
                    None => Some(cand),
                    Some((l, i)) if s.level > l || (s.level == l && b.idx < i) => Some(cand),
                    keep => keep,
                };
            }
        }
        if let Some((_, i)) = best {
            return Some(i);
        }
        let env = AABB::from_corners([lon - SNAP, lat - SNAP], [lon + SNAP, lat + SNAP]);
        let mut near: Option<(u8, f64, usize)> = None;
        for b in self.tree.locate_in_envelope_intersecting(&env) {
            let s = &self.shapes[b.idx];
            if !ok(s) {
                continue;
            }
            let d = s.area.distance(lon, lat);
            if d > SNAP {
                continue;
            }
            let better = match near {
                None => true,
                Some((l, nd, i)) => {
                    s.level > l || (s.level == l && (d < nd || (d == nd && b.idx < i)))
                }
            };
            if better {
                near = Some((s.level, d, b.idx));
            }
        }
        near.map(|(_, _, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sq(x0: f64, y0: f64, x1: f64, y1: f64) -> Area {
        Area::new(vec![vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]])
    }

    #[test]
    fn deepest_unit_wins_and_snapping() {
        let idx = AdminIndex::new(vec![
            Shape {
                level: 1,
                country: 0,
                area: sq(0.0, 0.0, 10.0, 10.0),
            },
            Shape {
                level: 2,
                country: 0,
                area: sq(0.0, 0.0, 5.0, 5.0),
            },
            Shape {
                level: 1,
                country: 1,
                area: sq(10.0, 0.0, 20.0, 10.0),
            },
        ]);
        assert_eq!(idx.locate(None, 1.0, 1.0), Some(1));
        assert_eq!(idx.locate(None, 7.0, 7.0), Some(0));
        assert_eq!(idx.locate(None, 15.0, 5.0), Some(2));
        assert_eq!(idx.locate(Some(0), 15.0, 5.0), None);
        assert_eq!(idx.locate(None, 20.03, 5.0), Some(2));
        assert_eq!(idx.locate(None, 25.0, 5.0), None);
    }
}
