//! Hand-written inline SVG: a stacked weekly bar chart by event type, a fatalities line and a
//! point map. No JavaScript, no external assets; the charts read left to right (time) in every
//! language, so each `<svg>` sets `direction="ltr"` inside Arabic pages.

use crate::i18n::{event_type_name, Lang};
use rasd_model::EventType;
use std::fmt::Write;

/// Colours per event type, in [`EventType::ALL`] order.
pub(crate) const TYPE_COLORS: [&str; 6] = [
    "#c0392b", "#8e44ad", "#d35400", "#2980b9", "#16a085", "#7f8c8d",
];

/// Escape text for HTML and SVG.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A map projection: **longitude first, then latitude** (WGS84 degrees) to SVG user units
/// (x right, y down).
pub trait Projection {
    fn project(&self, lon: f64, lat: f64) -> (f64, f64);
}

/// Equirectangular projection fitted to a bounding box, with longitudes scaled by the cosine
/// of the middle latitude so shapes near the equator and at 20°N both look right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Equirectangular {
    min_lon: f64,
    max_lat: f64,
    kx: f64,
    ky: f64,
    pad: f64,
}

impl Equirectangular {
    /// Fit `(min_lon, min_lat, max_lon, max_lat)` into `width x height` with a margin.
    pub fn fit(bbox: (f64, f64, f64, f64), width: f64, height: f64) -> Self {
        let (min_lon, min_lat, max_lon, max_lat) = bbox;
        let pad = 10.0;
        let mid = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.1);
        let dx = ((max_lon - min_lon) * mid).max(1e-6);
        let dy = (max_lat - min_lat).max(1e-6);
        let k = ((width - 2.0 * pad) / dx).min((height - 2.0 * pad) / dy);
        Equirectangular {
            min_lon,
            max_lat,
            kx: k * mid,
            ky: k,
            pad,
        }
    }
}

impl Projection for Equirectangular {
    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.pad + (lon - self.min_lon) * self.kx,
            self.pad + (self.max_lat - lat) * self.ky,
        )
    }
}

/// A point to draw: longitude, latitude (WGS84), type, fatalities.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MapPoint {
    pub longitude: f64,
    pub latitude: f64,
    pub event_type: EventType,
    pub fatalities: u32,
    pub event_id: i64,
}

/// A boundary line as `(longitude, latitude)` pairs, WGS84 degrees.
pub type Polyline = Vec<(f64, f64)>;

fn legend(out: &mut String, lang: Lang, x0: f64, y: f64) {
    let mut x = x0;
    for (k, t) in EventType::ALL.iter().enumerate() {
        let name = escape(event_type_name(lang, *t));
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="10">{name}</text>"#,
            y - 9.0,
            TYPE_COLORS[k],
            x + 13.0,
            y
        );
        x += 13.0 + 6.5 * name.chars().count() as f64 + 12.0;
    }
}

/// Stacked bars: one bar per week, one segment per event type.
pub fn weekly_bars(lang: Lang, title: &str, labels: &[String], by_type: &[[u32; 6]]) -> String {
    let (w, h) = (760.0, 260.0);
    let (left, right, top, bottom) = (40.0, 10.0, 24.0, 50.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let n = by_type.len().max(1) as f64;
    let max = by_type
        .iter()
        .map(|b| b.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" direction="ltr" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    axes(&mut out, left, top, pw, ph, max);
    let bw = pw / n;
    for (k, b) in by_type.iter().enumerate() {
        let x = left + k as f64 * bw;
        let mut y = top + ph;
        for (ti, &c) in b.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let hh = c as f64 / max * ph;
            y -= hh;
            let _ = write!(
                out,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{hh:.1}" fill="{}"><title>{} {}: {c}</title></rect>"#,
                (bw - 1.0).max(0.5),
                TYPE_COLORS[ti],
                escape(labels.get(k).map(String::as_str).unwrap_or("")),
                escape(event_type_name(lang, EventType::ALL[ti])),
            );
        }
    }
    x_labels(&mut out, labels, left, top + ph, bw);
    legend(&mut out, lang, left, h - 8.0);
    out.push_str("</svg>");
    out
}

fn axes(out: &mut String, left: f64, top: f64, pw: f64, ph: f64, max: f64) {
    let _ = write!(
        out,
        r##"<line x1="{left}" y1="{top}" x2="{left}" y2="{b}" stroke="#444"/><line x1="{left}" y1="{b}" x2="{r}" y2="{b}" stroke="#444"/>"##,
        b = top + ph,
        r = left + pw
    );
    for frac in [0.0, 0.5, 1.0] {
        let y = top + ph - frac * ph;
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end">{}</text><line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/>"##,
            left - 4.0,
            y + 3.0,
            (max * frac).round(),
            left + pw
        );
    }
}

fn x_labels(out: &mut String, labels: &[String], left: f64, base: f64, bw: f64) {
    let step = (labels.len() / 8).max(1);
    for (k, l) in labels.iter().enumerate().step_by(step) {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="9">{}</text>"#,
            left + k as f64 * bw,
            base + 12.0,
            escape(l)
        );
    }
}

/// A line of weekly fatalities.
pub fn fatalities_line(title: &str, labels: &[String], values: &[u32]) -> String {
    let (w, h) = (760.0, 200.0);
    let (left, right, top, bottom) = (40.0, 10.0, 24.0, 30.0);
    let pw = w - left - right;
    let ph = h - top - bottom;
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = values.len().max(1) as f64;
    let bw = pw / n;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" direction="ltr" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    axes(&mut out, left, top, pw, ph, max);
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            format!(
                "{:.1},{:.1}",
                left + (k as f64 + 0.5) * bw,
                top + ph - v as f64 / max * ph
            )
        })
        .collect();
    let _ = write!(
        out,
        r##"<polyline fill="none" stroke="#c0392b" stroke-width="2" points="{}"/>"##,
        points.join(" ")
    );
    x_labels(&mut out, labels, left, top + ph, bw);
    out.push_str("</svg>");
    out
}

/// Points (radius grows with the square root of fatalities) over optional boundary lines.
/// Without a projection, an [`Equirectangular`] one is fitted to the points and boundaries.
pub fn point_map(
    lang: Lang,
    title: &str,
    points: &[MapPoint],
    boundaries: &[Polyline],
    projection: Option<&dyn Projection>,
) -> String {
    let (w, h) = (760.0, 480.0);
    let fitted;
    let proj: &dyn Projection = match projection {
        Some(p) => p,
        None => {
            let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            let coords = points
                .iter()
                .map(|p| (p.longitude, p.latitude))
                .chain(boundaries.iter().flatten().copied());
            for (lon, lat) in coords {
                bbox = (
                    bbox.0.min(lon),
                    bbox.1.min(lat),
                    bbox.2.max(lon),
                    bbox.3.max(lat),
                );
            }
            if bbox.0 > bbox.2 {
                bbox = (-17.0, 4.0, 24.0, 25.0); // the Sahel, for an empty map
            }
            fitted = Equirectangular::fit(bbox, w, h - 20.0);
            &fitted
        }
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="map" direction="ltr" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    for line in boundaries {
        let pts: Vec<String> = line
            .iter()
            .map(|&(lon, lat)| {
                let (x, y) = proj.project(lon, lat);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            r##"<polyline fill="none" stroke="#999" stroke-width="0.8" points="{}"/>"##,
            pts.join(" ")
        );
    }
    for p in points {
        let (x, y) = proj.project(p.longitude, p.latitude);
        let r = 2.0 + (p.fatalities as f64).sqrt();
        let k = EventType::ALL
            .iter()
            .position(|&t| t == p.event_type)
            .unwrap_or(0);
        let _ = write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{}" fill-opacity="0.6"><title>#{} {}</title></circle>"#,
            TYPE_COLORS[k], p.event_id, p.fatalities
        );
    }
    legend(&mut out, lang, 10.0, h - 6.0);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_north_up_and_west_left() {
        let p = Equirectangular::fit((-12.0, 10.0, 4.0, 25.0), 800.0, 600.0);
        let (xw, yn) = p.project(-12.0, 25.0);
        let (xe, ys) = p.project(4.0, 10.0);
        assert!(xw < xe && yn < ys);
        assert!(xe <= 800.0 && ys <= 600.0 && xw >= 0.0 && yn >= 0.0);
    }

    #[test]
    fn charts_are_svg_with_escaped_text() {
        let labels = vec!["2019-W01".to_string(), "2019-W02".to_string()];
        let s = weekly_bars(Lang::En, "a < b", &labels, &[[1, 2, 0, 0, 0, 0], [0; 6]]);
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.contains("a &lt; b"));
        assert_eq!(
            s.matches("<rect").count(),
            2 + 6,
            "two segments and six legend keys"
        );
        let l = fatalities_line("f", &labels, &[3, 0]);
        assert!(l.contains("<polyline"));
        let pts = [MapPoint {
            longitude: -4.2,
            latitude: 14.5,
            event_type: EventType::Battles,
            fatalities: 9,
            event_id: 7,
        }];
        let m = point_map(
            Lang::Ar,
            "map",
            &pts,
            &[vec![(-5.0, 14.0), (-3.0, 15.0)]],
            None,
        );
        assert!(m.contains("<circle") && m.contains("<polyline") && m.contains("r=\"5.0\""));
    }
}
