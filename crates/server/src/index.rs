//! The in-memory event index (see [`EventIndex`]).

use crate::Result;
use chrono::{Datelike, NaiveDate};
use rasd_analytics::{EventRow, RowCodes};
use rasd_model::{EventType, SubEventType};
use rasd_store::{BBox, EventFilter, GroupBy, Near, Origin, Store, StoredEvent};
use serde::Serialize;
use std::collections::HashMap;

const NO_DATE: i32 = i32::MIN;
const NO_FATALITIES: u32 = u32::MAX;
const NONE: u32 = u32::MAX;
/// Kilometres per degree of latitude (the store's constant).
const KM_PER_DEGREE: f64 = 111.195;

/// An interned name: the first spelling seen is shown, lookups ignore ASCII case.
#[derive(Debug, Default)]
struct Names {
    shown: Vec<String>,
    by_key: HashMap<String, u32>,
}

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        let key = name.to_ascii_lowercase();
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.shown.len() as u32;
        self.shown.push(name.to_owned());
        self.by_key.insert(key, i);
        i
    }

    fn find(&self, name: &str) -> Option<u32> {
        self.by_key.get(&name.trim().to_ascii_lowercase()).copied()
    }
}

#[derive(Debug)]
struct Actor {
    name: String,
    norm: String,
}

/// An in-memory, column-wise copy of the fields the dashboard filters and groups on, so that
/// aggregates, map points and non-date sorts over 100,000 events take milliseconds.
///
/// Why not ask the store each time: a store aggregate scans the filtered rows in SQLite (about
/// 0.1-0.2 s per aggregate at 100k events on the reference machine), and one dashboard view
/// needs half a dozen of them plus every map point; the filter-change target is 300 ms. The
/// index is rebuilt from the store's public API whenever the database changes (see
/// [`crate::AppState`]), and its filters reproduce the store's semantics exactly (a test
/// compares counts and aggregates with the store's for many filters):
///
/// - dates: `from`/`to` inclusive, undated events never match a date bound;
/// - country/admin1/admin2: equal after trimming the query, ASCII case-insensitive;
/// - actor: substring of the normalised (`rasd_text::normalize`) name of any `;`-separated
///   actor, associated actor included;
/// - near: the store's bounding box and then the great-circle distance;
/// - bbox: inclusive bounds;
/// - text: the ids the store's full-text filter returns (cached per query).
///
/// Rows are in no particular order; `ids[row]` is the event id.
#[derive(Debug, Default)]
pub struct EventIndex {
    ids: Vec<i64>,
    /// Days since 0001-01-01 (`NaiveDate::num_days_from_ce`), or `NO_DATE`.
    dates: Vec<i32>,
    /// WGS84 degrees; NaN when unknown.
    lat: Vec<f64>,
    lon: Vec<f64>,
    event_type: Vec<u8>,
    sub_event_type: Vec<u8>,
    origin: Vec<u8>,
    fatalities: Vec<u32>,
    confidence: Vec<f32>,
    country: Vec<u32>,
    admin1: Vec<u32>,
    admin2: Vec<u32>,
    places: Names,
    /// Actors of row `r`: `actor_refs[actor_start[r]..actor_start[r + 1]]` as (actor, role)
    /// with role 1 actor1, 2 assoc_actor_1, 3 actor2, 4 assoc_actor_2 (the store's numbering).
    actor_start: Vec<u32>,
    actor_refs: Vec<(u32, u8)>,
    actors: Vec<Actor>,
    actor_by_name: HashMap<String, u32>,
    /// The dated events as analytics rows (with notes and outlets), for `/api/v1/analytics/*`;
    /// `analytics_row[r]` is row `r`'s position there, or `NONE` for an undated event.
    analytics: Vec<EventRow>,
    analytics_row: Vec<u32>,
    /// The analytics rows' interned ids, cues and date indices, computed once per data
    /// version, so that a filter's analytics table is gathered from them
    /// ([`rasd_analytics::EventTable::from_codes`]) instead of re-reading every string.
    analytics_codes: RowCodes,
    /// Data version this index was built at (see `AppState`).
    pub(crate) version: i64,
}

fn type_index(t: EventType) -> u8 {
    EventType::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
}

fn sub_index(t: SubEventType) -> u8 {
    SubEventType::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
}

fn origin_index(o: Origin) -> u8 {
    match o {
        Origin::Rasd => 0,
        Origin::Acled => 1,
    }
}

fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn date_of(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// One group of an aggregate (`GET /api/v1/aggregates`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregateBucket {
    pub key: String,
    /// The country of an admin1/admin2 group (namesake regions of two countries are two
    /// groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub events: u64,
    /// Sum of known fatalities.
    pub fatalities: u64,
    /// Per event type (ACLED string), when a split was asked for; types with no event are left
    /// out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_type: Option<Vec<TypeCount>>,
}

/// Events and fatalities of one event type inside a bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeCount {
    #[serde(rename = "type")]
    pub event_type: &'static str,
    pub events: u64,
    pub fatalities: u64,
}

/// Totals over the filtered events.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub events: u64,
    pub fatalities: u64,
    /// Matching events with coordinates.
    pub located: u64,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

/// Map data: single events and grid clusters. Coordinates are `[lon, lat]` like GeoJSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MapPoints {
    /// Matching events with coordinates inside the view.
    pub total: u64,
    /// `[id, lon, lat, type index, fatalities or -1]`, type index into [`EventType::ALL`].
    pub points: Vec<(i64, f64, f64, u8, i64)>,
    /// `[lon, lat, events, fatalities, dominant type index, [events per type]]` at the mean
    /// position of the cell's events.
    pub clusters: Vec<(f64, f64, u64, u64, u8, [u32; 6])>,
    /// Cell size in degrees used for clustering (0 when nothing was clustered).
    pub cell: f64,
}

/// A compiled filter: names resolved to interned ids once per request.
pub(crate) struct Matcher {
    from: i32,
    to: i32,
    dated: bool,
    country: Want,
    admin1: Want,
    admin2: Want,
    event_type: Option<u8>,
    sub_event_type: Option<u8>,
    origin: Option<u8>,
    min_confidence: Option<f64>,
    actors: Option<Vec<bool>>,
    rows: Option<Vec<bool>>,
    near: Option<(Near, [f64; 4])>,
    bbox: Option<BBox>,
}

impl Matcher {
    /// Whether the filter keeps every event (no condition at all).
    fn keeps_all(&self) -> bool {
        !self.dated
            && matches!(self.country, Want::Any)
            && matches!(self.admin1, Want::Any)
            && matches!(self.admin2, Want::Any)
            && self.event_type.is_none()
            && self.sub_event_type.is_none()
            && self.origin.is_none()
            && self.min_confidence.is_none()
            && self.actors.is_none()
            && self.rows.is_none()
            && self.near.is_none()
            && self.bbox.is_none()
    }
}

/// The rows of an index that one filter keeps, ascending: found in one pass by
/// [`EventIndex::select`] and shared (see `AppState::selection_slot`) by the requests of one
/// dashboard refresh, which ask for totals, timeline, choropleth, breakdown, map points and a
/// table page of the same events at once.
#[derive(Debug)]
pub(crate) struct Selection {
    rows: Vec<u32>,
    /// Whether the filter keeps every event.
    all: bool,
}

impl Selection {
    fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows.iter().map(|&r| r as usize)
    }
}

#[derive(Clone, Copy)]
enum Want {
    Any,
    Is(u32),
    Nothing,
}

impl Want {
    fn ok(self, v: u32) -> bool {
        match self {
            Want::Any => true,
            Want::Is(x) => x == v,
            Want::Nothing => false,
        }
    }
}

/// The key a row falls in for a grouping.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Day(i32),
    Place(u32, u32),
    Small(u8),
}

impl EventIndex {
    /// Read every event through the store's public API (pages of 10,000).
    pub fn load(store: &dyn Store, version: i64) -> Result<EventIndex> {
        let mut index = EventIndex {
            version,
            actor_start: vec![0],
            ..Default::default()
        };
        let mut filter = EventFilter {
            limit: Some(EventFilter::MAX_LIMIT),
            ..Default::default()
        };
        loop {
            let page = store
                .events(&filter)
                .map_err(|e| crate::ServerError::store("load the event index", e))?;
            for e in page.events {
                index.push(&e);
                let row = EventRow::from_stored(
                    e.id.0,
                    e.event,
                    e.notes,
                    e.source.as_deref(),
                    e.source_count,
                );
                match row {
                    Some(row) => {
                        index.analytics_row.push(index.analytics.len() as u32);
                        index.analytics.push(row);
                    }
                    None => index.analytics_row.push(NONE),
                }
            }
            match page.next {
                Some(c) => filter.after = Some(c),
                None => break,
            }
        }
        index.analytics_codes = RowCodes::new(&index.analytics);
        Ok(index)
    }

    fn push(&mut self, s: &StoredEvent) {
        let e = &s.event;
        self.ids.push(s.id.0);
        self.dates.push(e.event_date.map_or(NO_DATE, day));
        self.lat.push(e.latitude.unwrap_or(f64::NAN));
        self.lon.push(e.longitude.unwrap_or(f64::NAN));
        self.event_type.push(type_index(e.event_type));
        self.sub_event_type.push(sub_index(e.sub_event_type));
        self.origin.push(origin_index(s.origin));
        self.fatalities.push(e.fatalities.unwrap_or(NO_FATALITIES));
        self.confidence.push(e.confidence);
        let mut place = |v: &Option<String>| v.as_deref().map_or(NONE, |n| self.places.intern(n));
        let (c, a1, a2) = (place(&e.country), place(&e.admin1), place(&e.admin2));
        self.country.push(c);
        self.admin1.push(a1);
        self.admin2.push(a2);
        for (role, field) in [
            (1u8, &e.actor1),
            (2, &e.assoc_actor_1),
            (3, &e.actor2),
            (4, &e.assoc_actor_2),
        ] {
            let names = field.as_deref().into_iter().flat_map(|f| f.split(';'));
            for name in names.map(str::trim).filter(|n| !n.is_empty()) {
                let a = self.actor(name);
                if !self.actor_refs[self.actor_start[self.actor_start.len() - 1] as usize..]
                    .contains(&(a, role))
                {
                    self.actor_refs.push((a, role));
                }
            }
        }
        self.actor_start.push(self.actor_refs.len() as u32);
    }

    fn actor(&mut self, name: &str) -> u32 {
        if let Some(&a) = self.actor_by_name.get(name) {
            return a;
        }
        let a = self.actors.len() as u32;
        self.actors.push(Actor {
            name: name.to_owned(),
            norm: rasd_text::normalize(name).as_str().to_owned(),
        });
        self.actor_by_name.insert(name.to_owned(), a);
        a
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the index holds no event.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Compile a filter. `text_ids` are the ids the store's full-text filter matched (required
    /// when `filter.text` is set; ignored otherwise); `ids`, when given, keeps only those
    /// events (the `ids` parameter). `limit`, `after` and `sort` are ignored.
    pub(crate) fn matcher(
        &self,
        f: &EventFilter,
        text_ids: Option<&[i64]>,
        ids: Option<&[i64]>,
    ) -> Matcher {
        let want = |v: &Option<String>| match v {
            None => Want::Any,
            Some(name) => self.places.find(name).map_or(Want::Nothing, Want::Is),
        };
        let dated = f.from.is_some() || f.to.is_some();
        let actors = f.actor.as_deref().and_then(|a| {
            let norm = rasd_text::normalize(a.trim()).as_str().to_owned();
            (!norm.is_empty()).then(|| self.actors.iter().map(|x| x.norm.contains(&norm)).collect())
        });
        let set = |list: &[i64]| {
            let wanted: std::collections::HashSet<i64> = list.iter().copied().collect();
            self.ids
                .iter()
                .map(|id| wanted.contains(id))
                .collect::<Vec<bool>>()
        };
        let text_rows = f.text.as_ref().map(|_| set(text_ids.unwrap_or(&[])));
        let rows = match (text_rows, ids.map(set)) {
            (Some(a), Some(b)) => Some(a.iter().zip(&b).map(|(x, y)| *x && *y).collect()),
            (a, b) => a.or(b),
        };
        let near = f.near.map(|n| {
            // The store's R-tree pre-filter box, reproduced so results agree at the edges.
            let dlat = n.km / KM_PER_DEGREE;
            let cos = n.lat.to_radians().cos();
            let dlon = if cos * KM_PER_DEGREE * 180.0 <= n.km || cos < 1e-6 {
                180.0
            } else {
                (n.km / (KM_PER_DEGREE * cos)).min(180.0)
            };
            (n, [n.lat - dlat, n.lat + dlat, n.lon - dlon, n.lon + dlon])
        });
        Matcher {
            from: f.from.map_or(i32::MIN + 1, day),
            to: f.to.map_or(i32::MAX, day),
            dated,
            country: want(&f.country),
            admin1: want(&f.admin1),
            admin2: want(&f.admin2),
            event_type: f.event_type.map(type_index),
            sub_event_type: f.sub_event_type.map(sub_index),
            origin: f.origin.map(origin_index),
            min_confidence: f.min_confidence.map(f64::from),
            actors,
            rows,
            near,
            bbox: f.bbox,
        }
    }

    fn matches(&self, m: &Matcher, r: usize) -> bool {
        if m.dated {
            let d = self.dates[r];
            if d == NO_DATE || d < m.from || d > m.to {
                return false;
            }
        }
        if !(m.country.ok(self.country[r])
            && m.admin1.ok(self.admin1[r])
            && m.admin2.ok(self.admin2[r]))
        {
            return false;
        }
        if m.event_type.is_some_and(|t| t != self.event_type[r])
            || m.sub_event_type
                .is_some_and(|t| t != self.sub_event_type[r])
            || m.origin.is_some_and(|o| o != self.origin[r])
            || m.min_confidence
                .is_some_and(|c| f64::from(self.confidence[r]) < c)
        {
            return false;
        }
        if let Some(rows) = &m.rows {
            if !rows[r] {
                return false;
            }
        }
        if let Some(ok) = &m.actors {
            let refs =
                &self.actor_refs[self.actor_start[r] as usize..self.actor_start[r + 1] as usize];
            if !refs.iter().any(|&(a, _)| ok[a as usize]) {
                return false;
            }
        }
        let (lat, lon) = (self.lat[r], self.lon[r]);
        if let Some((n, [lat0, lat1, lon0, lon1])) = m.near {
            if lat.is_nan() || lon.is_nan() {
                return false;
            }
            if lat < lat0 || lat > lat1 || lon < lon0 || lon > lon1 {
                return false;
            }
            if rasd_store::haversine_km(lat, lon, n.lat, n.lon) > n.km {
                return false;
            }
        }
        if let Some(b) = m.bbox {
            if !(lat >= b.min_lat && lat <= b.max_lat && lon >= b.min_lon && lon <= b.max_lon) {
                return false;
            }
        }
        true
    }

    /// The rows matching `m`: one pass over the index, done once per filter and shared by
    /// every answer about it (see [`Selection`]).
    pub(crate) fn select(&self, m: &Matcher) -> Selection {
        let all = m.keeps_all();
        let rows = if all {
            (0..self.ids.len() as u32).collect()
        } else {
            (0..self.ids.len())
                .filter(|&r| self.matches(m, r))
                .map(|r| r as u32)
                .collect()
        };
        Selection { rows, all }
    }

    fn fatal(&self, r: usize) -> u64 {
        match self.fatalities[r] {
            NO_FATALITIES => 0,
            f => u64::from(f),
        }
    }

    /// Totals of the matching events.
    pub(crate) fn totals(&self, m: &Selection) -> Totals {
        let mut t = Totals::default();
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for r in m.rows() {
            t.events += 1;
            t.fatalities += self.fatal(r);
            if !self.lat[r].is_nan() && !self.lon[r].is_nan() {
                t.located += 1;
            }
            let d = self.dates[r];
            if d != NO_DATE {
                lo = lo.min(d);
                hi = hi.max(d);
            }
        }
        if lo <= hi {
            t.first_date = date_of(lo);
            t.last_date = date_of(hi);
        }
        t
    }

    /// Event and fatality counts grouped like [`Store::aggregate`] (time groups in key order,
    /// the others by decreasing count then name; events without the grouped field are left
    /// out), except that admin1/admin2 groups are per country. `split_by_type` adds the counts
    /// per event type to each bucket; `limit` caps the number of buckets.
    pub(crate) fn aggregate(
        &self,
        m: &Selection,
        by: GroupBy,
        split_by_type: bool,
        limit: Option<usize>,
    ) -> Vec<AggregateBucket> {
        type Acc = (u64, u64, [(u64, u64); 6]);
        let mut groups: HashMap<Key, Acc> = HashMap::new();
        let mut add = |k: Key, r: usize, f: u64| {
            let acc = groups.entry(k).or_insert((0, 0, [(0, 0); 6]));
            acc.0 += 1;
            acc.1 += f;
            let t = &mut acc.2[self.event_type[r] as usize];
            t.0 += 1;
            t.1 += f;
        };
        let mut seen: Vec<u32> = Vec::new();
        for r in m.rows() {
            let f = self.fatal(r);
            let d = self.dates[r];
            let key = match by {
                GroupBy::Day | GroupBy::Week | GroupBy::Month | GroupBy::Year => {
                    if d == NO_DATE {
                        continue;
                    }
                    Key::Day(time_key(by, d))
                }
                GroupBy::Country if self.country[r] != NONE => Key::Place(self.country[r], NONE),
                GroupBy::Admin1 if self.admin1[r] != NONE => {
                    Key::Place(self.country[r], self.admin1[r])
                }
                GroupBy::Admin2 if self.admin2[r] != NONE => {
                    Key::Place(self.country[r], self.admin2[r])
                }
                GroupBy::EventType => Key::Small(self.event_type[r]),
                GroupBy::SubEventType => Key::Small(self.sub_event_type[r]),
                GroupBy::Actor => {
                    // Each distinct actor of actor1/actor2 counts the event once.
                    seen.clear();
                    let refs = &self.actor_refs
                        [self.actor_start[r] as usize..self.actor_start[r + 1] as usize];
                    for &(a, role) in refs {
                        if (role == 1 || role == 3) && !seen.contains(&a) {
                            seen.push(a);
                            add(Key::Place(a, NONE), r, f);
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            add(key, r, f);
        }
        let mut out: Vec<(Key, Acc)> = groups.into_iter().collect();
        let time = matches!(
            by,
            GroupBy::Day | GroupBy::Week | GroupBy::Month | GroupBy::Year
        );
        let name = |k: &Key| -> String {
            match *k {
                Key::Day(d) => time_label(by, d),
                Key::Place(a, b) => match by {
                    GroupBy::Actor => self.actors[a as usize].name.clone(),
                    GroupBy::Country => self.places.shown[a as usize].clone(),
                    _ => self.places.shown[b as usize].clone(),
                },
                Key::Small(t) => match by {
                    GroupBy::SubEventType => SubEventType::ALL[t as usize].as_acled().to_owned(),
                    _ => EventType::ALL[t as usize].as_acled().to_owned(),
                },
            }
        };
        if time {
            out.sort_by_key(|(k, _)| *k);
        } else {
            let mut named: Vec<(String, Key, Acc)> =
                out.into_iter().map(|(k, a)| (name(&k), k, a)).collect();
            let place = matches!(by, GroupBy::Country | GroupBy::Admin1 | GroupBy::Admin2);
            named.sort_by(|a, b| {
                b.2 .0.cmp(&a.2 .0).then_with(|| {
                    if place {
                        a.0.to_ascii_lowercase().cmp(&b.0.to_ascii_lowercase())
                    } else {
                        a.0.cmp(&b.0)
                    }
                })
            });
            out = named.into_iter().map(|(_, k, a)| (k, a)).collect();
        }
        if let Some(l) = limit {
            out.truncate(l);
        }
        out.into_iter()
            .map(|(k, (events, fatalities, types))| AggregateBucket {
                key: name(&k),
                country: match (by, k) {
                    (GroupBy::Admin1 | GroupBy::Admin2, Key::Place(c, _)) if c != NONE => {
                        Some(self.places.shown[c as usize].clone())
                    }
                    _ => None,
                },
                events,
                fatalities,
                by_type: split_by_type.then(|| {
                    EventType::ALL
                        .iter()
                        .zip(types)
                        .filter(|(_, (n, _))| *n > 0)
                        .map(|(t, (events, fatalities))| TypeCount {
                            event_type: t.as_acled(),
                            events,
                            fatalities,
                        })
                        .collect()
                }),
            })
            .collect()
    }

    /// Matching events with coordinates inside `view`, as single points when there are at most
    /// `max_points`, otherwise grouped into square cells of `cell` degrees (cells holding one
    /// event stay points).
    pub(crate) fn points(
        &self,
        m: &Selection,
        view: Option<BBox>,
        cell: f64,
        max_points: usize,
    ) -> MapPoints {
        let inside = |r: usize| {
            let (lat, lon) = (self.lat[r], self.lon[r]);
            !lat.is_nan()
                && !lon.is_nan()
                && view.is_none_or(|v| {
                    lat >= v.min_lat && lat <= v.max_lat && lon >= v.min_lon && lon <= v.max_lon
                })
        };
        let rows: Vec<usize> = m.rows().filter(|&r| inside(r)).collect();
        let point = |r: usize| {
            let f = match self.fatalities[r] {
                NO_FATALITIES => -1,
                f => i64::from(f),
            };
            (self.ids[r], self.lon[r], self.lat[r], self.event_type[r], f)
        };
        let mut out = MapPoints {
            total: rows.len() as u64,
            ..Default::default()
        };
        if rows.len() <= max_points || !(cell.is_finite() && cell > 0.0) {
            out.points = rows.into_iter().map(point).collect();
            return out;
        }
        out.cell = cell;
        // Per cell: count, fatalities, sum lon, sum lat, events per type, one row.
        type Cell = (u64, u64, f64, f64, [u32; 6], usize);
        let mut cells: HashMap<(i64, i64), Cell> = HashMap::new();
        for r in rows {
            let k = (
                (self.lon[r] / cell).floor() as i64,
                (self.lat[r] / cell).floor() as i64,
            );
            let c = cells.entry(k).or_insert((0, 0, 0.0, 0.0, [0; 6], r));
            c.0 += 1;
            c.1 += self.fatal(r);
            c.2 += self.lon[r];
            c.3 += self.lat[r];
            c.4[self.event_type[r] as usize] += 1;
        }
        let mut cells: Vec<((i64, i64), Cell)> = cells.into_iter().collect();
        cells.sort_by_key(|(k, _)| *k);
        for (_, (n, f, slon, slat, types, r)) in cells {
            if n == 1 {
                out.points.push(point(r));
            } else {
                let dominant = (0..6).max_by_key(|&t| (types[t], 6 - t)).unwrap_or(0) as u8;
                let mean = |s: f64| (s / n as f64 * 1e5).round() / 1e5;
                out.clusters
                    .push((mean(slon), mean(slat), n, f, dominant, types));
            }
        }
        out
    }

    /// One page of matching event ids ordered by `key` (fatalities, unknown counts below 0; or
    /// the date, undated events first), then id, after the `(key, id)` position `after`; and
    /// the position of the page's last row when more follow.
    pub(crate) fn page_by(
        &self,
        m: &Selection,
        key: PageKey,
        descending: bool,
        after: Option<(i64, i64)>,
        limit: usize,
    ) -> (Vec<i64>, Option<(i64, i64)>) {
        let key = |r: usize| {
            let k = match key {
                PageKey::Fatalities => match self.fatalities[r] {
                    NO_FATALITIES => -1,
                    f => i64::from(f),
                },
                PageKey::Date => i64::from(self.dates[r]),
            };
            (k, self.ids[r])
        };
        let mut keys: Vec<(i64, i64)> = m
            .rows()
            .map(key)
            .filter(|k| match after {
                None => true,
                Some(a) if descending => *k < a,
                Some(a) => *k > a,
            })
            .collect();
        let take = (limit + 1).min(keys.len());
        if descending {
            if take < keys.len() {
                keys.select_nth_unstable_by(take, |a, b| b.cmp(a));
                keys.truncate(take);
            }
            keys.sort_unstable_by(|a, b| b.cmp(a));
        } else {
            if take < keys.len() {
                keys.select_nth_unstable(take);
                keys.truncate(take);
            }
            keys.sort_unstable();
        }
        let more = keys.len() > limit;
        keys.truncate(limit);
        let next = if more { keys.last().copied() } else { None };
        (keys.into_iter().map(|(_, id)| id).collect(), next)
    }

    /// The positions of the matching dated events among [`Self::analytics_rows`], ascending
    /// (what [`rasd_analytics::EventTable::from_codes`] gathers).
    pub(crate) fn analytics_pick(&self, m: &Selection) -> Vec<u32> {
        if m.all {
            return (0..self.analytics.len() as u32).collect();
        }
        m.rows()
            .map(|r| self.analytics_row[r])
            .filter(|&a| a != NONE)
            .collect()
    }

    /// Every dated event as an analytics row, in index order.
    pub(crate) fn analytics_rows(&self) -> &[EventRow] {
        &self.analytics
    }

    /// The codes of [`Self::analytics_rows`].
    pub(crate) fn analytics_codes(&self) -> &RowCodes {
        &self.analytics_codes
    }

    /// The version of the data this index was built from (see [`crate::AppState`]).
    pub(crate) fn data_version(&self) -> i64 {
        self.version
    }
}

/// The order of an index-paged listing ([`EventIndex::page_by`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKey {
    Fatalities,
    Date,
}

/// The day number a date falls in for a time grouping (the first day of its week, month, year).
fn time_key(by: GroupBy, d: i32) -> i32 {
    let Some(date) = date_of(d) else { return d };
    let first = match by {
        GroupBy::Week => date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday())),
        GroupBy::Month => date.with_day(1).unwrap_or(date),
        GroupBy::Year => date.with_ordinal(1).unwrap_or(date),
        _ => date,
    };
    day(first)
}

/// The store's label of a time group: `YYYY-MM-DD` (day, week's Monday), `YYYY-MM`, `YYYY`.
fn time_label(by: GroupBy, d: i32) -> String {
    let Some(date) = date_of(d) else {
        return String::new();
    };
    match by {
        GroupBy::Month => date.format("%Y-%m").to_string(),
        GroupBy::Year => date.format("%Y").to_string(),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let d = |s: &str| day(s.parse().unwrap());
        // 2024-01-07 is a Sunday: its week starts on Monday 2024-01-01.
        assert_eq!(
            time_label(GroupBy::Week, time_key(GroupBy::Week, d("2024-01-07"))),
            "2024-01-01"
        );
        assert_eq!(
            time_label(GroupBy::Week, time_key(GroupBy::Week, d("2024-01-08"))),
            "2024-01-08"
        );
        assert_eq!(
            time_label(GroupBy::Month, time_key(GroupBy::Month, d("2024-02-29"))),
            "2024-02"
        );
    }
}
