//! Event and fatality series per day, ISO week or month, zero-filled, with the number of
//! distinct sources per bucket.
//!
//! Why sources: a month with twice as many events may be a month with twice as many outlets
//! reporting. Each bucket carries the distinct source names behind its events and the number of
//! events that more than one source reports, so a reader can tell a surge in reporting from a
//! surge in violence (more events, same sources and a stable multi-source share = more
//! violence; more events with as many more sources = look again).

use crate::row::type_index;
use crate::table::{
    day_date, iso_week_label, month_label, month_start, week_start, AreaKey, EventTable, Filter,
    Groups,
};
use chrono::{Datelike, NaiveDate};
use rasd_model::EventType;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    /// ISO week, Monday to Sunday.
    Week,
    /// Calendar month.
    Month,
}

impl Interval {
    /// Parse `day`, `week`, `month`.
    pub fn parse(s: &str) -> Option<Interval> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" => Some(Interval::Day),
            "week" | "weekly" => Some(Interval::Week),
            "month" | "monthly" => Some(Interval::Month),
            _ => None,
        }
    }

    /// The first day of the bucket `d` falls in (a Monday for weeks, the 1st for months).
    pub fn bucket_start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => d,
            Interval::Week => d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday())),
            Interval::Month => d.with_day(1).unwrap_or(d),
        }
    }

    /// The last day of the bucket that starts on `start`.
    pub fn bucket_end(self, start: NaiveDate) -> NaiveDate {
        match self {
            Interval::Day => start,
            Interval::Week => start + chrono::Days::new(6),
            Interval::Month => start
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(start),
        }
    }

    /// The label of the bucket that starts on `start`: `2019-03-04`, `2019-W10`, `2019-03`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Interval::Day => start.to_string(),
            Interval::Week => iso_week_label(start),
            Interval::Month => month_label(start),
        }
    }

    fn key(self, t: &EventTable<'_>, i: usize) -> i32 {
        match self {
            Interval::Day => t.day[i],
            Interval::Week => t.week[i],
            Interval::Month => t.month[i],
        }
    }

    fn key_of_date(self, d: NaiveDate) -> i32 {
        let day = crate::table::day_index(d);
        match self {
            Interval::Day => day,
            Interval::Week => crate::table::week_index(day),
            Interval::Month => crate::table::month_index(d),
        }
    }

    fn start(self, key: i32) -> NaiveDate {
        match self {
            Interval::Day => day_date(key),
            Interval::Week => week_start(key),
            Interval::Month => month_start(key),
        }
    }
}

/// One bucket of a series.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// First day of the bucket (a Monday for weeks, the 1st for months).
    pub start: NaiveDate,
    pub events: u32,
    pub fatalities: u32,
    /// Battles, explosions/remote violence and violence against civilians.
    pub violent: u32,
    /// Events per type, in [`EventType::ALL`] order.
    pub by_type: [u32; 6],
    /// Distinct source names behind the bucket's events (unnamed sources are not counted).
    pub sources: u32,
    /// Events reported by more than one source.
    pub multi_source: u32,
}

impl Bucket {
    /// Events of one type.
    pub fn of_type(&self, t: EventType) -> u32 {
        self.by_type[type_index(t)]
    }
}

/// A zero-filled series: one bucket per interval from `buckets[0].start` to the last one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub interval: Interval,
    pub buckets: Vec<Bucket>,
}

impl Series {
    /// Total events.
    pub fn events(&self) -> u32 {
        self.buckets.iter().map(|b| b.events).sum()
    }

    /// Total fatalities.
    pub fn fatalities(&self) -> u32 {
        self.buckets.iter().map(|b| b.fatalities).sum()
    }
}

/// The series of one area (see [`EventTable::area_series`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaSeries {
    pub area: AreaKey,
    pub series: Series,
}

/// Administrative level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Admin1,
    Admin2,
}

/// Fill buckets `[lo, hi]` from row indices in date order; `scratch` collects source ids.
fn fill(
    t: &EventTable<'_>,
    rows: impl Iterator<Item = usize>,
    interval: Interval,
    lo: i32,
    hi: i32,
    scratch: &mut Vec<u32>,
) -> Series {
    let mut buckets: Vec<Bucket> = (lo..=hi)
        .map(|k| Bucket {
            start: interval.start(k),
            ..Default::default()
        })
        .collect();
    let mut current = i32::MIN;
    let flush = |buckets: &mut Vec<Bucket>, key: i32, scratch: &mut Vec<u32>| {
        if key != i32::MIN && !scratch.is_empty() {
            scratch.sort_unstable();
            scratch.dedup();
            buckets[(key - lo) as usize].sources = scratch.len() as u32;
        }
        scratch.clear();
    };
    for i in rows {
        let k = interval.key(t, i);
        if k < lo || k > hi {
            continue;
        }
        if k != current {
            flush(&mut buckets, current, scratch);
            current = k;
        }
        let b = &mut buckets[(k - lo) as usize];
        b.events += 1;
        b.fatalities += t.fatalities[i];
        b.by_type[t.etype[i] as usize] += 1;
        if t.is_violent(i) {
            b.violent += 1;
        }
        if t.sources[i] > 1 {
            b.multi_source += 1;
        }
        scratch.extend_from_slice(t.sources_of(i));
    }
    flush(&mut buckets, current, scratch);
    Series { interval, buckets }
}

impl EventTable<'_> {
    /// The series of the events that pass `filter`. Buckets run from `filter.from` (or the
    /// first matching event) to `filter.to` (or the last), zero-filled.
    pub fn series(&self, filter: &Filter, interval: Interval) -> Series {
        let cf = self.compile(filter);
        let matched = self
            .by_day
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| cf.matches(self, i));
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for i in matched.clone() {
            let k = interval.key(self, i);
            lo = lo.min(k);
            hi = hi.max(k);
        }
        if let Some(f) = filter.from {
            lo = interval.key_of_date(f);
        }
        if let Some(t) = filter.to {
            hi = interval.key_of_date(t);
        }
        if lo > hi {
            return Series {
                interval,
                buckets: Vec::new(),
            };
        }
        fill(self, matched, interval, lo, hi, &mut Vec::new())
    }

    /// The series of every area of a level over one common bucket range (the whole table, or
    /// `from..=to`), in parallel across areas. Events without that level's area are left out.
    pub fn area_series(
        &self,
        level: Level,
        interval: Interval,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Vec<AreaSeries> {
        let Some((first, last)) = self.date_range() else {
            return Vec::new();
        };
        let lo = interval.key_of_date(from.unwrap_or(first));
        let hi = interval.key_of_date(to.unwrap_or(last));
        let (groups, keys): (Groups, &[AreaKey]) = match level {
            Level::Admin1 => (self.by_admin1(), &self.admin1s),
            Level::Admin2 => (self.by_admin2(), &self.admin2s),
        };
        (0..groups.len())
            .into_par_iter()
            .map_init(Vec::new, |scratch, g| AreaSeries {
                area: keys[g].clone(),
                series: fill(
                    self,
                    groups.get(g).iter().map(|&i| i as usize),
                    interval,
                    lo,
                    hi,
                    scratch,
                ),
            })
            .collect()
    }
}

/// What the sources of the events a series counts add up to (see
/// [`EventTable::source_reports`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceReports {
    /// Per bucket start (ascending, buckets with events only): the events' source reports,
    /// each event counted once per source reporting it ([`crate::EventRow::sources`]).
    pub by_bucket: Vec<(NaiveDate, u64)>,
    /// The reports of all those events.
    pub reports: u64,
    /// Distinct named sources of those events.
    pub sources: usize,
}

impl SourceReports {
    /// The reports of the bucket starting on `start` (0 when it has no event).
    pub fn of_bucket(&self, start: NaiveDate) -> u64 {
        self.by_bucket
            .binary_search_by_key(&start, |b| b.0)
            .map_or(0, |k| self.by_bucket[k].1)
    }
}

impl EventTable<'_> {
    /// The source reports of the events `filter` keeps, per bucket of `interval` and in total,
    /// and their distinct named sources: one pass over integer columns (a series says how many
    /// outlets spoke in each bucket; this says how often).
    pub fn source_reports(&self, filter: &Filter, interval: Interval) -> SourceReports {
        let cf = self.compile(filter);
        let mut out = SourceReports::default();
        let mut seen = vec![false; self.n_sources];
        for i in self.by_day.iter().map(|&i| i as usize) {
            if !cf.matches(self, i) {
                continue;
            }
            let start = interval.start(interval.key(self, i));
            let n = u64::from(self.sources[i]);
            match out.by_bucket.last_mut() {
                Some(b) if b.0 == start => b.1 += n,
                _ => out.by_bucket.push((start, n)),
            }
            out.reports += n;
            for &s in self.sources_of(i) {
                if !seen[s as usize] {
                    seen[s as usize] = true;
                    out.sources += 1;
                }
            }
        }
        out
    }
}

/// Convenience: build a table and compute one filtered series.
pub fn series(rows: &[crate::EventRow], filter: &Filter, interval: Interval) -> Series {
    EventTable::new(rows).series(filter, interval)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventRow;
    use rasd_model::SubEventType::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn bucket_bounds_and_labels() {
        // 2020-02-27 is a Thursday in ISO week 9 of a leap year.
        let t = d("2020-02-27");
        let cases = [
            (Interval::Day, "2020-02-27", "2020-02-27", "2020-02-27"),
            (Interval::Week, "2020-02-24", "2020-03-01", "2020-W09"),
            (Interval::Month, "2020-02-01", "2020-02-29", "2020-02"),
        ];
        for (interval, start, end, label) in cases {
            let s = interval.bucket_start(t);
            assert_eq!(s, d(start), "{interval:?}");
            assert_eq!(interval.bucket_end(s), d(end), "{interval:?}");
            assert_eq!(interval.label(s), label, "{interval:?}");
        }
        // ISO week years differ from calendar years at the turn of a year.
        assert_eq!(
            Interval::Week.label(Interval::Week.bucket_start(d("2021-01-02"))),
            "2020-W53"
        );
    }

    fn rows() -> Vec<EventRow> {
        vec![
            EventRow::new(1, d("2019-03-04"), ArmedClash)
                .at("Mali", "Mopti", "Bankass")
                .actor1("JNIM: Group for Support of Islam and Muslims", 2)
                .actor2("Military Forces of Mali (2013-)", 1)
                .killed(5)
                .sourced(&["RFI", "AFP"]),
            EventRow::new(2, d("2019-03-06"), Attack)
                .at("Mali", "Mopti", "Bankass")
                .actor1("Dan Na Ambassagou", 4)
                .actor2("Civilians (Mali)", 7)
                .killed(2)
                .sourced(&["RFI"]),
            EventRow::new(3, d("2019-03-20"), PeacefulProtest)
                .at("Mali", "Bamako", "Bamako")
                .sourced(&["Maliweb"]),
            EventRow::new(4, d("2019-04-02"), RemoteExplosiveLandmineIed)
                .at("Mali", "Mopti", "Douentza")
                .actor1("JNIM: Group for Support of Islam and Muslims", 2)
                .killed(1),
        ]
    }

    #[test]
    fn weekly_series_is_zero_filled_and_counts_sources() {
        let rows = rows();
        let t = EventTable::new(&rows);
        let s = t.series(&Filter::default(), Interval::Week);
        // 2019-03-04 (Mon) .. week of 2019-04-02: weeks of 03-04, 03-11, 03-18, 03-25, 04-01.
        assert_eq!(s.buckets.len(), 5);
        assert_eq!(s.buckets[0].start, d("2019-03-04"));
        assert_eq!(s.buckets[0].events, 2);
        assert_eq!(s.buckets[0].fatalities, 7);
        assert_eq!(s.buckets[0].sources, 2, "RFI and AFP, RFI counted once");
        assert_eq!(s.buckets[0].multi_source, 1);
        assert_eq!(s.buckets[0].violent, 2);
        assert_eq!(s.buckets[1].events, 0);
        assert_eq!(s.buckets[2].of_type(EventType::Protests), 1);
        assert_eq!(s.buckets[4].events, 1);
        assert_eq!(s.events(), 4);
    }

    #[test]
    fn filters_by_area_actor_type_and_dates() {
        let rows = rows();
        let t = EventTable::new(&rows);
        let f = Filter {
            admin1: Some("MOPTI".into()),
            actor: Some("jnim".into()),
            ..Default::default()
        };
        let s = t.series(&f, Interval::Month);
        assert_eq!(s.buckets.len(), 2);
        assert_eq!((s.buckets[0].events, s.buckets[1].events), (1, 1));
        let f = Filter {
            event_type: Some(EventType::ViolenceAgainstCivilians),
            from: Some(d("2019-03-01")),
            to: Some(d("2019-03-10")),
            ..Default::default()
        };
        let s = t.series(&f, Interval::Day);
        assert_eq!(s.buckets.len(), 10);
        assert_eq!(s.events(), 1);
        assert_eq!(s.buckets[5].events, 1, "2019-03-06");
        for r in &rows {
            let cf = t.compile(&f);
            let i = rows.iter().position(|x| x.id == r.id).unwrap();
            assert_eq!(cf.matches(&t, i), f.matches_row(r), "row {}", r.id);
        }
    }

    #[test]
    fn area_series_share_one_range() {
        let rows = rows();
        let t = EventTable::new(&rows);
        let all = t.area_series(Level::Admin2, Interval::Week, None, None);
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|a| a.series.buckets.len() == 5));
        let bankass = all.iter().find(|a| a.area.name() == "Bankass").unwrap();
        assert_eq!(bankass.series.events(), 2);
        assert_eq!(bankass.area.label(), "Mali / Mopti / Bankass");
        let a1 = t.area_series(Level::Admin1, Interval::Month, None, None);
        assert_eq!(a1.iter().map(|a| a.series.events()).sum::<u32>(), 4);
    }
}
