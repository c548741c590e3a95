//! Query-string parsing: strict, so that a typo or a malformed value is a 400 naming the
//! parameter instead of a silently wider (or failing) query.

use crate::{Result, ServerError};
use chrono::NaiveDate;
use rasd_model::{EventType, SubEventType};
use rasd_store::{BBox, EventFilter, GroupBy, Near, Origin};

/// The event filter parameters every event endpoint accepts.
pub const FILTER_PARAMS: [&str; 14] = [
    "from",
    "to",
    "country",
    "admin1",
    "admin2",
    "actor",
    "type",
    "sub_type",
    "text",
    "bbox",
    "near",
    "origin",
    "min_confidence",
    "ids",
];

/// Longest accepted value of a text parameter (bytes).
const MAX_VALUE: usize = 1000;
/// Longest accepted `ids` list (bytes) and most ids in it.
const MAX_IDS_VALUE: usize = 24_000;
pub const MAX_IDS: usize = 2000;

/// The decoded query string of one request.
#[derive(Debug, Default)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Decode `raw` and check every name is in `filters` (when true, [`FILTER_PARAMS`]) or
    /// `extra`, and given once. Empty values count as absent.
    pub fn parse(raw: Option<&str>, filters: bool, extra: &[&str]) -> Result<Query> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let known = (filters && FILTER_PARAMS.contains(&&*k)) || extra.contains(&&*k);
            if !known {
                let mut allowed: Vec<&str> = Vec::new();
                if filters {
                    allowed.extend(FILTER_PARAMS);
                }
                allowed.extend(extra);
                return Err(ServerError::UnknownParameter {
                    parameter: k.chars().take(100).collect(),
                    allowed: allowed.join(", "),
                });
            }
            if pairs.iter().any(|(p, _)| *p == k) {
                return Err(ServerError::bad(k, "given more than once"));
            }
            let max = if k == "ids" { MAX_IDS_VALUE } else { MAX_VALUE };
            if v.len() > max {
                return Err(ServerError::bad(k, format!("longer than {max} bytes")));
            }
            pairs.push((k.into_owned(), v.trim().to_owned()));
        }
        Ok(Query { pairs })
    }

    /// A non-empty value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// A positive integer at most `max` (above it: 400, never a silent clamp).
    pub fn limit(&self, name: &str, default: usize, max: usize) -> Result<usize> {
        let Some(v) = self.get(name) else {
            return Ok(default);
        };
        let n: usize = v
            .parse()
            .map_err(|_| ServerError::bad(name, "expected a positive integer"))?;
        if n == 0 {
            return Err(ServerError::bad(name, "must be at least 1"));
        }
        if n > max {
            return Err(ServerError::bad(name, format!("must be at most {max}")));
        }
        Ok(n)
    }

    /// A finite number.
    pub fn number(&self, name: &str) -> Result<Option<f64>> {
        self.get(name)
            .map(|v| {
                v.parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .ok_or_else(|| ServerError::bad(name, "expected a number"))
            })
            .transpose()
    }

    /// `ids=1,2,3`: only these events (at most [`MAX_IDS`] positive ids), e.g. the events
    /// behind an early-warning flag.
    pub fn ids(&self) -> Result<Option<Vec<i64>>> {
        let Some(v) = self.get("ids") else {
            return Ok(None);
        };
        let ids: Vec<i64> = v
            .split(',')
            .map(|p| p.trim().parse::<i64>().ok().filter(|&i| i > 0))
            .collect::<Option<_>>()
            .ok_or_else(|| {
                ServerError::bad("ids", "expected positive event ids separated by commas")
            })?;
        if ids.len() > MAX_IDS {
            return Err(ServerError::bad("ids", format!("at most {MAX_IDS} ids")));
        }
        Ok(Some(ids))
    }

    /// The event filter of the request.
    pub fn filter(&self) -> Result<EventFilter> {
        let mut f = EventFilter {
            from: self.get("from").map(|v| date("from", v)).transpose()?,
            to: self.get("to").map(|v| date("to", v)).transpose()?,
            country: self.get("country").map(str::to_owned),
            admin1: self.get("admin1").map(str::to_owned),
            admin2: self.get("admin2").map(str::to_owned),
            actor: self.get("actor").map(str::to_owned),
            text: self.get("text").map(str::to_owned),
            ..Default::default()
        };
        if let (Some(a), Some(b)) = (f.from, f.to) {
            if a > b {
                return Err(ServerError::bad("from", "is after `to`"));
            }
        }
        if let Some(v) = self.get("type") {
            f.event_type = Some(event_type(v).ok_or_else(|| {
                ServerError::bad(
                    "type",
                    format!(
                        "unknown event type; one of: {}",
                        EventType::ALL.map(|t| t.as_acled()).join(", ")
                    ),
                )
            })?);
        }
        if let Some(v) = self.get("sub_type") {
            f.sub_event_type = Some(sub_event_type(v).ok_or_else(|| {
                ServerError::bad("sub_type", "unknown sub-event type (ACLED name or key)")
            })?);
        }
        if let Some(v) = self.get("origin") {
            f.origin = Some(
                Origin::parse(v)
                    .ok_or_else(|| ServerError::bad("origin", "expected `rasd` or `acled`"))?,
            );
        }
        if let Some(c) = self.number("min_confidence")? {
            if !(0.0..=1.0).contains(&c) {
                return Err(ServerError::bad("min_confidence", "must be within [0, 1]"));
            }
            f.min_confidence = Some(c as f32);
        }
        if let Some(v) = self.get("bbox") {
            f.bbox = Some(bbox("bbox", v)?);
        }
        if let Some(v) = self.get("near") {
            f.near = Some(near(v)?);
        }
        Ok(f)
    }

    /// A grouping (`by`).
    pub fn group_by(&self, name: &str) -> Result<GroupBy> {
        let v = self
            .get(name)
            .ok_or(ServerError::MissingParameter { parameter: "by" })?;
        Ok(match v {
            "day" => GroupBy::Day,
            "week" => GroupBy::Week,
            "month" => GroupBy::Month,
            "year" => GroupBy::Year,
            "country" => GroupBy::Country,
            "admin1" => GroupBy::Admin1,
            "admin2" => GroupBy::Admin2,
            "actor" => GroupBy::Actor,
            "type" => GroupBy::EventType,
            "sub_type" => GroupBy::SubEventType,
            _ => {
                return Err(ServerError::bad(
                    name,
                    "one of day, week, month, year, country, admin1, admin2, actor, type, sub_type",
                ))
            }
        })
    }
}

/// A strict `YYYY-MM-DD` date.
pub fn date(name: &str, v: &str) -> Result<NaiveDate> {
    let b = v.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| ServerError::bad(name, "expected a calendar date YYYY-MM-DD"))
}

/// `snake_case` of an ACLED name: "Explosions/Remote violence" -> "explosions_remote_violence".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// An event type by ACLED name (any case) or slug.
pub fn event_type(v: &str) -> Option<EventType> {
    EventType::from_acled(v).or_else(|| {
        let s = slug(v);
        EventType::ALL.into_iter().find(|t| slug(t.as_acled()) == s)
    })
}

/// A sub-event type by ACLED name (any case), slug or model key.
pub fn sub_event_type(v: &str) -> Option<SubEventType> {
    SubEventType::from_acled(v)
        .or_else(|| SubEventType::from_key(v))
        .or_else(|| {
            let s = slug(v);
            SubEventType::ALL
                .iter()
                .copied()
                .find(|t| slug(t.as_acled()) == s)
        })
}

fn numbers<const N: usize>(name: &str, v: &str, what: &str) -> Result<[f64; N]> {
    let bad = || ServerError::bad(name, format!("expected {what}"));
    let parts: Vec<f64> = v
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    parts.try_into().map_err(|_| bad())
}

/// `minlon,minlat,maxlon,maxlat` (GeoJSON order: longitude first).
pub fn bbox(name: &str, v: &str) -> Result<BBox> {
    let [min_lon, min_lat, max_lon, max_lat] =
        numbers::<4>(name, v, "minlon,minlat,maxlon,maxlat (four numbers)")?;
    let lat_ok = |x: f64| (-90.0..=90.0).contains(&x);
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    if !(lat_ok(min_lat) && lat_ok(max_lat) && lon_ok(min_lon) && lon_ok(max_lon)) {
        return Err(ServerError::bad(
            name,
            "latitudes must be within [-90, 90], longitudes within [-180, 180]",
        ));
    }
    if min_lon > max_lon || min_lat > max_lat {
        return Err(ServerError::bad(
            name,
            "min must not exceed max (minlon,minlat,maxlon,maxlat)",
        ));
    }
    Ok(BBox {
        min_lat,
        min_lon,
        max_lat,
        max_lon,
    })
}

/// `lat,lon,km` (latitude first, as people say it).
pub fn near(v: &str) -> Result<Near> {
    let [lat, lon, km] = numbers::<3>("near", v, "lat,lon,km (three numbers)")?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(ServerError::bad(
            "near",
            "latitude must be within [-90, 90], longitude within [-180, 180]",
        ));
    }
    if !(km > 0.0 && km <= 5000.0) {
        return Err(ServerError::bad("near", "distance must be in (0, 5000] km"));
    }
    Ok(Near { lat, lon, km })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(date("from", "2024-01-05").is_ok());
        for bad in [
            "2024-1-5",
            "2024-13-01",
            "2024-02-30",
            "05/01/2024",
            "",
            "2024-01-05x",
        ] {
            assert!(date("from", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn types_by_name_or_slug() {
        assert_eq!(event_type("Battles"), Some(EventType::Battles));
        assert_eq!(
            event_type("explosions_remote_violence"),
            Some(EventType::ExplosionsRemoteViolence)
        );
        assert_eq!(
            sub_event_type("Remote explosive/landmine/IED"),
            Some(SubEventType::RemoteExplosiveLandmineIed)
        );
        assert_eq!(
            sub_event_type("armed_clash"),
            Some(SubEventType::ArmedClash)
        );
        assert_eq!(event_type("' OR 1=1 --"), None);
    }

    #[test]
    fn unknown_and_repeated_parameters_are_rejected() {
        assert!(matches!(
            Query::parse(Some("contry=Mali"), true, &[]),
            Err(ServerError::UnknownParameter { .. })
        ));
        assert!(Query::parse(Some("country=Mali&country=Niger"), true, &[]).is_err());
        let q = Query::parse(Some("country=&type=Battles"), true, &[]).unwrap();
        assert_eq!(q.get("country"), None);
    }

    #[test]
    fn boxes_and_circles() {
        let b = bbox("bbox", "-5,10,3,20").unwrap();
        assert_eq!(
            (b.min_lon, b.min_lat, b.max_lon, b.max_lat),
            (-5.0, 10.0, 3.0, 20.0)
        );
        for bad in ["1,2,3", "3,10,-5,20", "a,b,c,d", "-500,0,0,0", "NaN,1,2,3"] {
            assert!(bbox("bbox", bad).is_err(), "{bad}");
        }
        assert!(near("14.1,-1.6,50").is_ok());
        assert!(near("14.1,-1.6,-5").is_err());
    }
}
