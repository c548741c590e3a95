//! A synthetic workload for `rasd bench analytics` and the criterion bench: many events over
//! ten years and about a thousand admin2 areas, with injected spikes whose detection is
//! checked, so a broken model cannot look fast.

use crate::series::{Interval, Level};
use crate::warning::{Metric, Scope, WarningConfig};
use crate::{EventRow, EventTable};
use chrono::{Days, NaiveDate};
use rasd_model::SubEventType;
use serde::{Deserialize, Serialize};
use std::time::Instant;

/// A small deterministic generator (SplitMix64), so runs are comparable.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A spike injected into the synthetic data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InjectedSpike {
    /// Area label as flags spell it.
    pub area: String,
    /// Monday of the spike week.
    pub week_start: NaiveDate,
    pub events: u32,
}

const COUNTRIES: [&str; 4] = ["Mali", "Burkina Faso", "Niger", "Chad"];
const ACTORS: [(&str, u8); 8] = [
    ("JNIM: Group for Support of Islam and Muslims", 2),
    ("Islamic State (Sahel)", 2),
    ("Military Forces of Mali (2021-)", 1),
    ("Military Forces of Burkina Faso (2022-)", 1),
    ("Military Forces of Niger (2023-)", 1),
    ("Dan Na Ambassagou", 4),
    ("Wagner Group", 8),
    ("Unidentified Armed Group (Mali)", 3),
];
const SUBS: [SubEventType; 8] = [
    SubEventType::ArmedClash,
    SubEventType::ArmedClash,
    SubEventType::Attack,
    SubEventType::Attack,
    SubEventType::RemoteExplosiveLandmineIed,
    SubEventType::AirDroneStrike,
    SubEventType::PeacefulProtest,
    SubEventType::HeadquartersOrBaseEstablished,
];

/// `n_events` synthetic events from 2015-01-01 over ten years in 4 x 25 x 10 = 1,000 admin2
/// areas of very unequal activity, plus one spike in each of 50 areas.
pub fn synthetic(n_events: usize, seed: u64) -> (Vec<EventRow>, Vec<InjectedSpike>) {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(2015, 1, 5).expect("valid date"); // a Monday
    let days = 3640u64;
    let n_areas = 1000usize;
    // Zipf-like weights: a few districts carry most of the violence.
    let weights: Vec<f64> = (0..n_areas)
        .map(|a| 1.0 / ((a % 997 + 1) as f64).powf(0.8))
        .collect();
    let total: f64 = weights.iter().sum();
    let sources: Vec<String> = (0..30).map(|k| format!("Source {k}")).collect();
    let area = |a: usize| {
        let c = COUNTRIES[a / 250];
        (
            c,
            format!("{c} region {}", (a / 10) % 25),
            format!("{c} district {a}"),
        )
    };
    let spikes_areas: Vec<usize> = (0..50).map(|k| (k * 19 + 7) % n_areas).collect();
    let spike_budget: usize = n_events / 100;
    let base_events = n_events - spike_budget.min(n_events);
    let mut rows = Vec::with_capacity(n_events);
    let mut id = 0i64;
    let make = |rng: &mut Rng, a: usize, day: u64, id: i64| {
        let (c, a1, a2) = area(a);
        let sub = SUBS[rng.below(SUBS.len() as u64) as usize];
        let (n1, i1) = ACTORS[rng.below(ACTORS.len() as u64) as usize];
        let (n2, i2) = ACTORS[rng.below(ACTORS.len() as u64) as usize];
        let mut r = EventRow::new(id, start + Days::new(day), sub).at(c, &a1, &a2);
        r = r.actor1(n1, i1).actor2(n2, i2);
        r.fatalities = if sub.event_type().is_violent() {
            rng.below(6) as u32
        } else {
            0
        };
        let k = 1 + rng.below(3) as usize;
        r.source_names = (0..k)
            .map(|_| sources[rng.below(30) as usize].clone())
            .collect();
        r.sources = k as u32;
        r.latitude = Some(10.0 + (a % 50) as f64 * 0.2);
        r.longitude = Some(-10.0 + (a / 50) as f64 * 1.0);
        r
    };
    for (a, w) in weights.iter().enumerate() {
        let n = ((w / total) * base_events as f64).round() as usize;
        for _ in 0..n {
            let day = rng.below(days);
            rows.push(make(&mut rng, a, day, id));
            id += 1;
        }
    }
    let mut spikes = Vec::new();
    let per_spike = (spike_budget / spikes_areas.len()).max(10);
    for (k, &a) in spikes_areas.iter().enumerate() {
        let weekly = (weights[a] / total) * base_events as f64 / (days as f64 / 7.0);
        let events = (per_spike as f64).max(weekly * 8.0).round() as u32;
        let week = 104 + (k as u64 * 37) % 400;
        for _ in 0..events {
            // Violent sub-event types only, so the spike is in the violent count.
            let day = week * 7 + rng.below(7);
            let mut r = make(&mut rng, a, day, id);
            r.sub_event_type = SubEventType::ArmedClash;
            r.event_type = r.sub_event_type.event_type();
            rows.push(r);
            id += 1;
        }
        let (c, a1, a2) = area(a);
        spikes.push(InjectedSpike {
            area: format!("{c} / {a1} / {a2}"),
            week_start: start + Days::new(week * 7),
            events,
        });
    }
    (rows, spikes)
}

/// Timings and checks of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchReport {
    pub events: usize,
    pub admin2_areas: usize,
    pub weeks: usize,
    pub threads: usize,
    /// Building the columnar table.
    pub table_ms: f64,
    /// Weekly series of every admin2 area.
    pub series_ms: f64,
    /// Flags (events and fatalities) for every admin2 area, plus new spread.
    pub flags_ms: f64,
    /// table + series + admin2 flags.
    pub total_ms: f64,
    /// Flags of every scope (admin1, admin2, actors) and spread, for reference.
    pub all_scopes_ms: f64,
    pub admin2_flags: usize,
    pub spikes_injected: usize,
    /// Injected spikes flagged in their week.
    pub spikes_found: usize,
    /// Events counted by the admin2 series (must equal the events with an admin2).
    pub series_events: u64,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} events, {} admin2 areas x {} weeks on {} threads: table {:.0} ms, series {:.0} ms, \
             flags {:.0} ms, total {:.0} ms (all scopes {:.0} ms); {} admin2 flags, {}/{} injected spikes found",
            self.events,
            self.admin2_areas,
            self.weeks,
            self.threads,
            self.table_ms,
            self.series_ms,
            self.flags_ms,
            self.total_ms,
            self.all_scopes_ms,
            self.admin2_flags,
            self.spikes_found,
            self.spikes_injected
        )
    }
}

/// Generate `n_events` synthetic events and time the table, the admin2 weekly series and the
/// admin2 flags.
pub fn run(n_events: usize) -> BenchReport {
    let (rows, spikes) = synthetic(n_events, 42);
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1e3;
    let t0 = Instant::now();
    let table = EventTable::new(&rows);
    let table_ms = ms(t0);
    let t1 = Instant::now();
    let series = table.area_series(Level::Admin2, Interval::Week, None, None);
    let series_ms = ms(t1);
    let t2 = Instant::now();
    let cfg = WarningConfig {
        admin1: false,
        actors: false,
        ..Default::default()
    };
    let warnings = table.early_warning(&cfg);
    let flags_ms = ms(t2);
    let t3 = Instant::now();
    let all = table.early_warning(&WarningConfig::default());
    let all_scopes_ms = ms(t3);
    let spikes_found = spikes
        .iter()
        .filter(|s| {
            warnings.flags.iter().any(|f| {
                f.scope == Scope::Admin2
                    && f.metric == Metric::Events
                    && f.area == s.area
                    && f.week_start == s.week_start
            })
        })
        .count();
    debug_assert!(all.flags.len() >= warnings.flags.len());
    BenchReport {
        events: rows.len(),
        admin2_areas: table.admin2_areas().len(),
        weeks: series.first().map_or(0, |s| s.series.buckets.len()),
        threads: rayon::current_num_threads(),
        table_ms,
        series_ms,
        flags_ms,
        total_ms: table_ms + series_ms + flags_ms,
        all_scopes_ms,
        admin2_flags: warnings.flags.len(),
        spikes_injected: spikes.len(),
        spikes_found,
        series_events: series.iter().map(|s| s.series.events() as u64).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_run_finds_its_spikes() {
        let r = run(50_000);
        assert!(r.events.abs_diff(50_000) < 1_000, "{r}");
        assert_eq!(r.series_events, r.events as u64);
        assert_eq!(r.admin2_areas, 1000);
        assert!(r.spikes_found >= r.spikes_injected * 9 / 10, "{r}");
    }
}
