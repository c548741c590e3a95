//! Cross-source event merging: when two documents report the same event, and what the stored
//! event then says.
//!
//! [`can_merge`] decides whether a newly coded event is the same event as a stored one. All of
//! these must hold:
//! 1. **Type**: the same ACLED event type, and compatible sub-event types: equal, or two that
//!    reports routinely confuse for one event (the three battle sub-types; the three protest
//!    sub-types; the two riot sub-types; air/drone strike vs shelling; IED vs suicide bomb).
//! 2. **Date**: both dated and at most one day apart. An undated event never merges: without a
//!    date there is no evidence that two reports describe the same day.
//! 3. **Place**: when both have coordinates, at most [`MERGE_RADIUS_KM`] apart (great-circle);
//!    otherwise the same country, admin1 and location name (case-insensitive, all present).
//! 4. **Actors**: the same actor1 (compared by [`rasd_model::actor_family`]: case and dated
//!    periods ignored), or either actor1 is unknown or "Unidentified ...", or, for battles only,
//!    actor1 and actor2 swapped (a clash has no natural side one).
//!
//! The [`MergeMatch`] carries a human-readable reason, stored on the link, e.g.
//! `same type Battles, dates 2019-03-01/2019-03-02, 4.2 km apart, actors JNIM = JNIM`.
//!
//! [`combine_sources`] recomputes a stored event from the events its sources coded, in link
//! order (the first source is the primary one). **Fatalities follow ACLED's conservative rule:
//! the lowest figure among the sources that report one**, because early and partisan reports
//! inflate tolls and ACLED codes the most conservative credible figure. Sources that report no
//! figure do not count (they do not make it 0).

use rasd_model::{actor_family, Event, EventType, SubEventType};

/// Maximum distance between the coordinates of two reports of one event.
pub const MERGE_RADIUS_KM: f64 = 25.0;

/// Great-circle distance in km between two points given as (latitude, longitude) in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * a.sqrt().min(1.0).asin()
}

/// Whether two sub-event types may describe one event (same type, and equal or routinely
/// confused in reports).
pub fn compatible_sub_types(a: SubEventType, b: SubEventType) -> bool {
    use SubEventType::*;
    if a == b {
        return true;
    }
    if a.event_type() != b.event_type() {
        return false;
    }
    match a.event_type() {
        EventType::Battles | EventType::Protests | EventType::Riots => true,
        EventType::ExplosionsRemoteViolence => {
            let pair = |x, y| (a == x && b == y) || (a == y && b == x);
            pair(AirDroneStrike, ShellingArtilleryMissileAttack)
                || pair(RemoteExplosiveLandmineIed, SuicideBomb)
        }
        EventType::ViolenceAgainstCivilians | EventType::StrategicDevelopments => false,
    }
}

/// Unknown, or named "Unidentified ..." (ACLED's convention for unattributed actors).
pub fn is_unidentified(actor: Option<&str>) -> bool {
    match actor {
        None => true,
        Some(a) => {
            let a = a.trim();
            a.is_empty() || a.to_ascii_lowercase().starts_with("unidentified")
        }
    }
}

fn same_actor(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => actor_family(a) == actor_family(b),
        (None, None) => true,
        _ => false,
    }
}

fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (a.trim(), b.trim());
            !a.is_empty() && rasd_text::normalize(a).as_str() == rasd_text::normalize(b).as_str()
        }
        _ => false,
    }
}

/// Why two events are one, and how close they are (to pick the best of several candidates).
#[derive(Debug, Clone, PartialEq)]
pub struct MergeMatch {
    /// Human-readable, stored on the source link.
    pub reason: String,
    /// Great-circle distance when both have coordinates.
    pub distance_km: Option<f64>,
    /// Absolute difference of the event dates.
    pub days_apart: i64,
    /// The sub-event types are equal (not just compatible).
    pub same_sub_type: bool,
}

impl MergeMatch {
    /// Lower is a better candidate: exact sub-type, then distance, then date difference.
    pub fn rank(&self) -> (bool, i64, i64) {
        (
            !self.same_sub_type,
            (self.distance_km.unwrap_or(0.0) * 1000.0) as i64,
            self.days_apart,
        )
    }
}

fn show(a: Option<&str>) -> &str {
    a.unwrap_or("unknown")
}

/// Whether `new` reports the same event as `stored` (see the module docs for the rule).
pub fn can_merge(stored: &Event, new: &Event) -> Option<MergeMatch> {
    if stored.event_type != new.event_type
        || !compatible_sub_types(stored.sub_event_type, new.sub_event_type)
    {
        return None;
    }
    let (d1, d2) = (stored.event_date?, new.event_date?);
    let days_apart = (d1 - d2).num_days().abs();
    if days_apart > 1 {
        return None;
    }
    let (place, distance_km) = match (
        stored.latitude,
        stored.longitude,
        new.latitude,
        new.longitude,
    ) {
        (Some(la1), Some(lo1), Some(la2), Some(lo2)) => {
            let km = haversine_km(la1, lo1, la2, lo2);
            if km > MERGE_RADIUS_KM {
                return None;
            }
            (format!("{km:.1} km apart"), Some(km))
        }
        _ => {
            if !(same_name(stored.country.as_deref(), new.country.as_deref())
                && same_name(stored.admin1.as_deref(), new.admin1.as_deref())
                && same_name(stored.location.as_deref(), new.location.as_deref()))
            {
                return None;
            }
            (
                format!(
                    "same place {}/{}/{}",
                    show(stored.country.as_deref()),
                    show(stored.admin1.as_deref()),
                    show(stored.location.as_deref())
                ),
                None,
            )
        }
    };
    let (a1, b1) = (stored.actor1.as_deref(), new.actor1.as_deref());
    let actors = if same_actor(a1, b1) && a1.is_some() {
        format!("actors {} = {}", show(a1), show(b1))
    } else if is_unidentified(a1) || is_unidentified(b1) {
        format!("actors {} ~ {} (one unidentified)", show(a1), show(b1))
    } else if stored.event_type == EventType::Battles
        && same_actor(a1, new.actor2.as_deref())
        && same_actor(stored.actor2.as_deref(), b1)
    {
        format!(
            "actors {}/{} = {}/{} (swapped)",
            show(a1),
            show(stored.actor2.as_deref()),
            show(b1),
            show(new.actor2.as_deref())
        )
    } else {
        return None;
    };
    let same_sub_type = stored.sub_event_type == new.sub_event_type;
    let kind = if same_sub_type {
        format!("same type {}", stored.event_type.as_acled())
    } else {
        format!(
            "same type {} ({} ~ {})",
            stored.event_type.as_acled(),
            stored.sub_event_type.as_acled(),
            new.sub_event_type.as_acled()
        )
    };
    let dates = if d1 == d2 {
        format!("date {d1}")
    } else {
        format!("dates {d1}/{d2}")
    };
    Some(MergeMatch {
        reason: format!("{kind}, {dates}, {place}, {actors}"),
        distance_km,
        days_apart,
        same_sub_type,
    })
}

/// The candidate to merge `new` into: the best [`MergeMatch::rank`] among the stored events
/// [`can_merge`] accepts, ties to the lower id; events in `exclude` (already linked to the
/// document) and, when `only` is given, events outside it (a near-duplicate's scope) are
/// skipped. Both backends pick with this.
pub fn best_merge(
    candidates: impl IntoIterator<Item = crate::StoredEvent>,
    new: &Event,
    exclude: &std::collections::HashSet<i64>,
    only: Option<&std::collections::HashSet<i64>>,
) -> Option<(crate::StoredEvent, MergeMatch)> {
    let mut best: Option<(crate::StoredEvent, MergeMatch)> = None;
    for cand in candidates {
        let id = cand.id.0;
        if exclude.contains(&id) || only.is_some_and(|o| !o.contains(&id)) {
            continue;
        }
        if let Some(m) = can_merge(&cand.event, new) {
            let better = match &best {
                None => true,
                Some((b, bm)) => (m.rank(), id) < (bm.rank(), b.id.0),
            };
            if better {
                best = Some((cand, m));
            }
        }
    }
    best
}

/// The stored event for sources given in link order (the first is the primary source).
///
/// - type and sub-type: the primary source's;
/// - date and time precision: the most precise source (lowest `time_precision`), ties to the
///   earlier link;
/// - the actor block (actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2): from the
///   source naming the most actors ("Unidentified ..." does not count), ties to the earlier link;
/// - the place block (country, admin1, admin2, location, latitude, longitude, geo_precision):
///   from the most precise source (lowest `geo_precision`, then one with coordinates), ties to
///   the earlier link; blocks are never mixed, so coordinates always belong to their location;
/// - fatalities: the **lowest** figure reported (ACLED's conservative rule), `None` if no source
///   reports one;
/// - confidence: the highest; tags: the union in order of first appearance;
/// - evidence: empty (evidence spans point into one document; they stay on the source links).
///
/// Returns `None` for an empty slice.
pub fn combine_sources(sources: &[Event]) -> Option<Event> {
    let primary = sources.first()?;
    let mut out = primary.clone();
    out.evidence.clear();

    let precision = |p: Option<u8>| p.unwrap_or(u8::MAX);
    let dated = sources
        .iter()
        .filter(|e| e.event_date.is_some())
        .min_by_key(|e| precision(e.time_precision));
    if let Some(d) = dated {
        out.event_date = d.event_date;
        out.time_precision = d.time_precision;
    }

    let named = |e: &Event| {
        usize::from(!is_unidentified(e.actor1.as_deref()))
            + usize::from(!is_unidentified(e.actor2.as_deref()))
    };
    // max_by_key keeps the last of equals: iterate in reverse so ties go to the earlier link.
    if let Some(a) = sources.iter().rev().max_by_key(|e| named(e)) {
        out.actor1 = a.actor1.clone();
        out.assoc_actor_1 = a.assoc_actor_1.clone();
        out.inter1 = a.inter1;
        out.actor2 = a.actor2.clone();
        out.assoc_actor_2 = a.assoc_actor_2.clone();
        out.inter2 = a.inter2;
    }

    if let Some(p) = sources.iter().min_by_key(|e| {
        (
            precision(e.geo_precision),
            e.latitude.is_none() || e.longitude.is_none(),
        )
    }) {
        out.country = p.country.clone();
        out.admin1 = p.admin1.clone();
        out.admin2 = p.admin2.clone();
        out.location = p.location.clone();
        out.latitude = p.latitude;
        out.longitude = p.longitude;
        out.geo_precision = p.geo_precision;
    }

    out.fatalities = sources.iter().filter_map(|e| e.fatalities).min();
    out.confidence = sources
        .iter()
        .map(|e| e.confidence)
        .fold(f32::NEG_INFINITY, f32::max);
    out.tags.clear();
    for t in sources.iter().flat_map(|e| &e.tags) {
        if !out.tags.contains(t) {
            out.tags.push(t.clone());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    pub(crate) fn ev(sub: SubEventType, date: &str, lat: f64, lon: f64, a1: &str) -> Event {
        Event {
            event_date: Some(date.parse::<NaiveDate>().unwrap()),
            time_precision: Some(1),
            event_type: sub.event_type(),
            sub_event_type: sub,
            actor1: (!a1.is_empty()).then(|| a1.to_owned()),
            assoc_actor_1: None,
            actor2: Some("Military Forces of Mali (2021-)".into()),
            assoc_actor_2: None,
            inter1: Some(2),
            inter2: Some(1),
            country: Some("Mali".into()),
            admin1: Some("Mopti".into()),
            admin2: Some("Mopti".into()),
            location: Some("Sevare".into()),
            latitude: Some(lat),
            longitude: Some(lon),
            geo_precision: Some(1),
            fatalities: Some(5),
            confidence: 0.8,
            tags: vec![],
            evidence: vec![],
        }
    }

    const CLASH: SubEventType = SubEventType::ArmedClash;

    #[test]
    fn distance_is_sane() {
        // Mopti to Sevare, about 11 km.
        let d = haversine_km(14.4843, -4.1827, 14.5333, -4.0833);
        assert!((10.0..13.0).contains(&d), "{d}");
        assert_eq!(haversine_km(1.0, 2.0, 1.0, 2.0), 0.0);
    }

    #[test]
    fn merge_rule_cases() {
        struct Case {
            name: &'static str,
            other: Event,
            merges: bool,
        }
        let base = ev(CLASH, "2019-03-01", 14.5, -4.1, "JNIM");
        let mut swapped = ev(
            CLASH,
            "2019-03-01",
            14.5,
            -4.1,
            "Military Forces of Mali (2021-)",
        );
        swapped.actor2 = Some("JNIM".into());
        let mut no_coords = ev(CLASH, "2019-03-02", 0.0, 0.0, "JNIM");
        no_coords.latitude = None;
        no_coords.longitude = None;
        let mut other_town = no_coords.clone();
        other_town.location = Some("Mopti".into());
        let mut undated = base.clone();
        undated.event_date = None;
        let cases = [
            Case {
                name: "same",
                other: base.clone(),
                merges: true,
            },
            Case {
                name: "next day, 4 km",
                other: ev(CLASH, "2019-03-02", 14.53, -4.1, "JNIM"),
                merges: true,
            },
            Case {
                name: "two days",
                other: ev(CLASH, "2019-03-03", 14.5, -4.1, "JNIM"),
                merges: false,
            },
            Case {
                name: "40 km",
                other: ev(CLASH, "2019-03-01", 14.86, -4.1, "JNIM"),
                merges: false,
            },
            Case {
                name: "other type",
                other: ev(SubEventType::Attack, "2019-03-01", 14.5, -4.1, "JNIM"),
                merges: false,
            },
            Case {
                name: "compatible sub-type",
                other: ev(
                    SubEventType::GovernmentRegainsTerritory,
                    "2019-03-01",
                    14.5,
                    -4.1,
                    "JNIM",
                ),
                merges: true,
            },
            Case {
                name: "other actor",
                other: ev(CLASH, "2019-03-01", 14.5, -4.1, "ISGS"),
                merges: false,
            },
            Case {
                name: "unidentified actor",
                other: ev(
                    CLASH,
                    "2019-03-01",
                    14.5,
                    -4.1,
                    "Unidentified Armed Group (Mali)",
                ),
                merges: true,
            },
            Case {
                name: "no actor",
                other: ev(CLASH, "2019-03-01", 14.5, -4.1, ""),
                merges: true,
            },
            Case {
                name: "swapped battle",
                other: swapped,
                merges: true,
            },
            Case {
                name: "same names, no coordinates",
                other: no_coords,
                merges: true,
            },
            Case {
                name: "other town, no coordinates",
                other: other_town,
                merges: false,
            },
            Case {
                name: "undated",
                other: undated,
                merges: false,
            },
        ];
        let mut names: Vec<_> = cases.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), cases.len(), "case names must be unique");
        for c in &cases {
            assert_eq!(can_merge(&base, &c.other).is_some(), c.merges, "{}", c.name);
        }
    }

    #[test]
    fn reason_is_readable() {
        let a = ev(CLASH, "2019-03-01", 14.5, -4.1, "JNIM");
        let b = ev(CLASH, "2019-03-02", 14.537, -4.1, "JNIM");
        let m = can_merge(&a, &b).unwrap();
        assert_eq!(
            m.reason,
            "same type Battles, dates 2019-03-01/2019-03-02, 4.1 km apart, actors JNIM = JNIM"
        );
    }

    #[test]
    fn swapped_actors_only_for_battles() {
        let mut a = ev(SubEventType::Attack, "2019-03-01", 14.5, -4.1, "JNIM");
        a.actor2 = Some("Civilians (Mali)".into());
        let mut b = a.clone();
        b.actor1 = Some("Civilians (Mali)".into());
        b.actor2 = Some("JNIM".into());
        assert!(can_merge(&a, &b).is_none());
    }

    #[test]
    fn combine_takes_lowest_fatalities_and_named_actors() {
        let mut a = ev(
            CLASH,
            "2019-03-01",
            14.5,
            -4.1,
            "Unidentified Armed Group (Mali)",
        );
        a.fatalities = Some(12);
        a.tags = vec!["hedged".into()];
        let mut b = ev(CLASH, "2019-03-02", 14.6, -4.2, "JNIM");
        b.fatalities = Some(7);
        b.geo_precision = Some(2);
        b.tags = vec!["claim".into(), "hedged".into()];
        let mut c = ev(CLASH, "2019-03-01", 14.6, -4.2, "JNIM");
        c.fatalities = None;
        c.confidence = 0.95;
        let e = combine_sources(&[a.clone(), b, c]).unwrap();
        assert_eq!(e.fatalities, Some(7));
        assert_eq!(e.actor1.as_deref(), Some("JNIM"));
        assert_eq!(
            e.latitude, a.latitude,
            "precision ties go to the primary source"
        );
        assert_eq!(e.event_date, a.event_date);
        assert_eq!(e.confidence, 0.95);
        assert_eq!(e.tags, ["hedged", "claim"]);
        assert!(combine_sources(&[]).is_none());
    }
}
