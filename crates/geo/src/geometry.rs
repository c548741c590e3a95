//! Small planar geometry on lon/lat degrees: rings, point-in-polygon, Douglas-Peucker.
//!
//! Coordinates are always `[lon, lat]` (x, y) in this module, as in GeoJSON. Distances are in
//! degrees with longitude scaled by cos(latitude), good enough for the few-km tolerances used
//! here (the Sahel lies between 4° and 37° N).

/// A closed ring of `[lon, lat]` points (first point not repeated at the end).
pub(crate) type Ring = Vec<[f64; 2]>;

/// An area as a set of rings combined with the even-odd rule: outer rings and holes of every
/// part of a multipolygon together. Even-odd is exact for valid (non-overlapping) polygons and
/// saves keeping the part/hole structure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Area {
    pub rings: Vec<Ring>,
    pub bbox: [f64; 4], // min lon, min lat, max lon, max lat
}

impl Area {
    pub fn new(rings: Vec<Ring>) -> Area {
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for p in rings.iter().flatten() {
            bbox[0] = bbox[0].min(p[0]);
            bbox[1] = bbox[1].min(p[1]);
            bbox[2] = bbox[2].max(p[0]);
            bbox[3] = bbox[3].max(p[1]);
        }
        Area { rings, bbox }
    }

    pub fn is_empty(&self) -> bool {
        self.rings.is_empty()
    }

    pub fn bbox_contains(&self, lon: f64, lat: f64) -> bool {
        lon >= self.bbox[0] && lon <= self.bbox[2] && lat >= self.bbox[1] && lat <= self.bbox[3]
    }

    /// Even-odd point-in-polygon over all rings.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        if !self.bbox_contains(lon, lat) {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let n = ring.len();
            if n < 3 {
                continue;
            }
            let mut j = n - 1;
            for i in 0..n {
                let [xi, yi] = ring[i];
                let [xj, yj] = ring[j];
                if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    /// Distance in (lat-scaled) degrees from a point to the nearest edge; 0 inside.
    pub fn distance(&self, lon: f64, lat: f64) -> f64 {
        if self.contains(lon, lat) {
            return 0.0;
        }
        let k = lat.to_radians().cos().max(0.1);
        let mut best = f64::MAX;
        for ring in &self.rings {
            let n = ring.len();
            for i in 0..n {
                let a = ring[i];
                let b = ring[(i + 1) % n];
                best = best.min(segment_distance(
                    [lon * k, lat],
                    [a[0] * k, a[1]],
                    [b[0] * k, b[1]],
                ));
            }
        }
        best
    }

    /// Area-weighted centroid of the largest ring (a label point, not exact for holes).
    pub fn centroid(&self) -> [f64; 2] {
        let ring = self
            .rings
            .iter()
            .max_by(|a, b| ring_area(a).abs().total_cmp(&ring_area(b).abs()));
        let Some(ring) = ring else { return [0.0, 0.0] };
        let a = ring_area(ring);
        if a.abs() < 1e-12 {
            let n = ring.len() as f64;
            let s = ring
                .iter()
                .fold([0.0, 0.0], |s, p| [s[0] + p[0], s[1] + p[1]]);
            return [s[0] / n, s[1] / n];
        }
        let (mut cx, mut cy) = (0.0, 0.0);
        let n = ring.len();
        for i in 0..n {
            let [x0, y0] = ring[i];
            let [x1, y1] = ring[(i + 1) % n];
            let c = x0 * y1 - x1 * y0;
            cx += (x0 + x1) * c;
            cy += (y0 + y1) * c;
        }
        let c = [cx / (6.0 * a), cy / (6.0 * a)];
        if self.contains(c[0], c[1]) {
            return c;
        }
        // Concave shape: fall back to the ring vertex mean nudged inside by scanning.
        let mid_lat = c[1];
        let mut xs: Vec<f64> = Vec::new();
        for i in 0..n {
            let [x0, y0] = ring[i];
            let [x1, y1] = ring[(i + 1) % n];
            if (y0 > mid_lat) != (y1 > mid_lat) {
                xs.push(x0 + (mid_lat - y0) * (x1 - x0) / (y1 - y0));
            }
        }
        xs.sort_by(f64::total_cmp);
        let mut best = c;
        let mut width = 0.0;
        for w in xs.chunks(2) {
            if w.len() == 2 && w[1] - w[0] > width {
                width = w[1] - w[0];
                best = [(w[0] + w[1]) / 2.0, mid_lat];
            }
        }
        best
    }
}

fn ring_area(ring: &Ring) -> f64 {
    let n = ring.len();
    let mut s = 0.0;
    for i in 0..n {
        let [x0, y0] = ring[i];
        let [x1, y1] = ring[(i + 1) % n];
        s += x0 * y1 - x1 * y0;
    }
    s / 2.0
}

fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// Douglas-Peucker simplification of a closed ring with tolerance `eps` degrees. Returns `None`
/// when the ring collapses (fewer than 4 points left or its extent is below `eps`).
pub(crate) fn simplify_ring(ring: &[[f64; 2]], eps: f64) -> Option<Ring> {
    let mut pts: Vec<[f64; 2]> = ring.to_vec();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return None;
    }
    let (mut minx, mut miny, mut maxx, mut maxy) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in &pts {
        minx = minx.min(p[0]);
        miny = miny.min(p[1]);
        maxx = maxx.max(p[0]);
        maxy = maxy.max(p[1]);
    }
    if maxx - minx < eps && maxy - miny < eps {
        return None;
    }
    // Split the closed ring at the point farthest from the first one, simplify both halves.
    let far = (1..pts.len())
        .max_by(|&i, &j| dist2(pts[0], pts[i]).total_cmp(&dist2(pts[0], pts[j])))
        .unwrap_or(1);
    let mut keep = vec![false; pts.len() + 1];
    keep[0] = true;
    keep[far] = true;
    keep[pts.len()] = true;
    let mut closed = pts.clone();
    closed.push(pts[0]);
    dp(&closed, 0, far, eps, &mut keep);
    dp(&closed, far, pts.len(), eps, &mut keep);
    let out: Ring = (0..pts.len())
        .filter(|&i| keep[i])
        .map(|i| pts[i])
        .collect();
    if out.len() < 3 {
        None
    } else {
        Some(out)
    }
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

fn dp(pts: &[[f64; 2]], first: usize, last: usize, eps: f64, keep: &mut [bool]) {
    // Iterative to avoid deep recursion on long coastlines.
    let mut stack = vec![(first, last)];
    while let Some((f, l)) = stack.pop() {
        if l <= f + 1 {
            continue;
        }
        let mut best = 0.0;
        let mut idx = f;
        for i in f + 1..l {
            let d = segment_distance(pts[i], pts[f], pts[l]);
            if d > best {
                best = d;
                idx = i;
            }
        }
        if best > eps {
            keep[idx] = true;
            stack.push((f, idx));
            stack.push((idx, l));
        }
    }
}

/// Great-circle distance in km between two lat/lon points.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Area {
        Area::new(vec![vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]])
    }

    #[test]
    fn point_in_square_and_hole() {
        let mut a = square();
        assert!(a.contains(1.0, 1.0));
        assert!(!a.contains(3.0, 1.0));
        a = Area::new(vec![
            a.rings[0].clone(),
            vec![[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5]],
        ]);
        assert!(!a.contains(1.0, 1.0));
        assert!(a.contains(0.2, 0.2));
    }

    #[test]
    fn distance_outside() {
        let a = square();
        assert_eq!(a.distance(1.0, 1.0), 0.0);
        assert!((a.distance(1.0, 3.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn simplify_drops_collinear_points() {
        let ring = vec![
            [0.0, 0.0],
            [1.0, 0.0001],
            [2.0, 0.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [0.0, 0.0],
        ];
        let s = simplify_ring(&ring, 0.01).unwrap();
        assert_eq!(s.len(), 4);
        assert!(simplify_ring(&[[0.0, 0.0], [0.001, 0.0], [0.0, 0.001]], 0.01).is_none());
    }

    #[test]
    fn centroid_inside() {
        let a = square();
        let c = a.centroid();
        assert!((c[0] - 1.0).abs() < 1e-9 && (c[1] - 1.0).abs() < 1e-9);
    }

    #[test]
    fn haversine_one_degree() {
        let d = haversine_km(0.0, 0.0, 1.0, 0.0);
        assert!((d - 111.2).abs() < 0.5);
    }
}
