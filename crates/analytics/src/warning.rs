//! Early warning: weeks of unusual violence against an area's (or an actor's) own history,
//! the first appearance of a group in a district, and back-testing against known escalations.
//!
//! # The count model
//!
//! For every area (admin1, admin2) and every actor family, the weekly number of violent events
//! (battles, explosions/remote violence, violence against civilians) and their fatalities form
//! two count series. The week `t` is compared with a baseline built **only from weeks before
//! `t`** (no look-ahead: adding later events never changes an earlier flag):
//!
//! 1. *Trailing window*: weeks `t-guard-window .. t-guard` (default 52 weeks, ending 2 weeks
//!    before `t`). The guard keeps the first weeks of an escalation out of its own baseline, so
//!    a build-up over three weeks is still flagged in its third week. Mean `m`, variance `v`.
//! 2. *Seasonal term*: the mean of the same weeks ± `seasonal_half_width` in each of the
//!    previous `seasonal_years` years (rainy-season lulls, dry-season offensives). The
//!    expectation is `mu = (1 - w) m + w s` with `w = seasonal_weight` when those years exist,
//!    floored at `min_expected` so an area with a quiet history still has a finite baseline.
//! 3. *Over-dispersion* (quasi-Poisson): `phi = max(1, v / m)`. Conflict counts cluster, and
//!    a Poisson baseline would flag every busy week in a busy district.
//! 4. The observed count `y` is scored by the upper tail of a negative binomial with mean `mu`
//!    and variance `phi * mu` (Poisson when `phi = 1`): `p = P(Y >= y)`, `score = -log10 p`.
//!    A week is flagged when `score >= threshold` (default 2.0, p <= 0.01) **and** `y` reaches
//!    a floor (`min_events` = 3 events, `min_fatalities` = 10 deaths), so going from 0 to 1
//!    event is never an alarm however quiet the area was.
//!
//! *Build-up*: the same test on the number of violent events over the last `build_up_weeks`
//! weeks (default 4), against blocks that end before the block starts, with a floor of twice
//! `min_events`. It catches a rise spread over several weeks that no single week shows.
//!
//! A week is only judged once `min_history_weeks` of data precede it (counted from the first
//! event of the whole table, not of the area, so a district that was quiet for years and then
//! flares is flagged).
//!
//! # New spread
//! The first event of an armed non-state group (identified; "unidentified armed group" is a
//! reporting gap, not an actor) in an admin2 area where it had no event in the previous
//! `spread_months` months (default 12), once the table covers that many months.

use crate::table::{
    day_date, iso_week_label, week_index, week_start, AreaKey, EventTable, Groups, Side, NONE,
};
use chrono::{Months, NaiveDate};
use foldhash::HashMap;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Which kind of series a flag was raised on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Admin1,
    Admin2,
    /// An actor family (as actor1 or actor2), wherever it acts.
    Actor,
}

/// What was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Violent events per week.
    Events,
    /// Fatalities of violent events per week.
    Fatalities,
    /// Violent events over the last `build_up_weeks` weeks (a build-up that no single week
    /// shows); the week of the flag is the last week of the block.
    BuildUp,
}

/// The early-warning parameters (see the module documentation for the model).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WarningConfig {
    /// Trailing baseline length, weeks.
    pub window_weeks: u32,
    /// Most recent weeks left out of the baseline.
    pub guard_weeks: u32,
    /// Weeks of data needed before a week is judged.
    pub min_history_weeks: u32,
    /// Previous years whose same weeks form the seasonal term (0 = none).
    pub seasonal_years: u32,
    /// Half-width, in weeks, of each seasonal window.
    pub seasonal_half_width: u32,
    /// Weight of the seasonal mean in the expectation (0-1).
    pub seasonal_weight: f64,
    /// Minimum `-log10 p` for a flag (2.0 = p <= 0.01).
    pub threshold: f64,
    /// Floor on the observed weekly event count.
    pub min_events: u32,
    /// Floor on the observed weekly fatalities.
    pub min_fatalities: u32,
    /// Floor on the expectation.
    pub min_expected: f64,
    /// Also flag fatality surges.
    pub fatalities: bool,
    /// Length of the build-up block in weeks (0 = no build-up metric).
    pub build_up_weeks: u32,
    pub admin1: bool,
    pub admin2: bool,
    pub actors: bool,
    /// New-spread look-back, months.
    pub spread_months: u32,
    /// Report flags and spread only from this date (baselines still use all earlier weeks).
    pub from: Option<NaiveDate>,
    /// Ignore events after this date (and report up to it).
    pub to: Option<NaiveDate>,
}

impl Default for WarningConfig {
    fn default() -> Self {
        WarningConfig {
            window_weeks: 52,
            guard_weeks: 2,
            min_history_weeks: 26,
            seasonal_years: 2,
            seasonal_half_width: 2,
            seasonal_weight: 0.25,
            threshold: 2.0,
            min_events: 3,
            min_fatalities: 10,
            min_expected: 0.2,
            fatalities: true,
            build_up_weeks: 4,
            admin1: true,
            admin2: true,
            actors: true,
            spread_months: 12,
            from: None,
            to: None,
        }
    }
}

/// One flagged week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub scope: Scope,
    /// The area label (`Mali / Mopti / Bankass`) or the actor family's display name.
    pub area: String,
    pub metric: Metric,
    /// ISO week label, `2019-W12`.
    pub week: String,
    /// The Monday of that week.
    pub week_start: NaiveDate,
    pub observed: u32,
    /// The baseline expectation `mu`.
    pub expected: f64,
    /// The over-dispersion factor `phi` used.
    pub dispersion: f64,
    /// `P(Y >= observed)` under the baseline.
    pub p_value: f64,
    /// `-log10 p_value`.
    pub score: f64,
    /// The violent events of that week in that area (or by that actor).
    pub event_ids: Vec<i64>,
}

/// The first events of a group in an admin2 area after a long absence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Actor family display name.
    pub actor: String,
    pub area: AreaKey,
    pub date: NaiveDate,
    /// Its previous event in the area, if any (older than the look-back).
    pub previous: Option<NaiveDate>,
    /// Its events in the area on that date.
    pub event_ids: Vec<i64>,
}

/// How many weeks of one area (or actor) were judged: the denominator of false-alarm rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Monitored {
    pub scope: Scope,
    pub area: String,
    pub weeks: u32,
}

/// Everything the early-warning pass found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warnings {
    /// Sorted by week, then scope, then area.
    pub flags: Vec<Flag>,
    /// Sorted by date.
    pub spread: Vec<Spread>,
    pub monitored: Vec<Monitored>,
}

/// `ln Γ(x)` for `x > 0` (Lanczos, g = 7; relative error below 1e-13).
fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + 7.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The negative binomial's `(r, q)` for mean `mu` and variance `phi * mu` (`(0, 0)` for a
/// Poisson, `phi <= 1`).
fn nb_params(mu: f64, phi: f64) -> (f64, f64) {
    if phi <= 1.0 + 1e-9 {
        (0.0, 0.0)
    } else {
        (mu / (phi - 1.0), (phi - 1.0) / phi)
    }
}

/// `ln P(Y = y)` under the model of [`ln_upper_tail_within`] (its first term; `y > 0`).
fn ln_first_term(y: u32, mu: f64, phi: f64) -> f64 {
    let yf = y as f64;
    if phi <= 1.0 + 1e-9 {
        -mu + yf * mu.ln() - ln_gamma(yf + 1.0)
    } else {
        let (r, q) = nb_params(mu, phi);
        ln_gamma(yf + r) - ln_gamma(r) - ln_gamma(yf + 1.0) + r * (1.0 - q).ln() + yf * q.ln()
    }
}

/// `ln P(Y >= y)` for a negative binomial with mean `mu` and variance `phi * mu` (Poisson when
/// `phi <= 1`). Meant for `y > mu`, where the terms beyond `y` shrink geometrically.
#[cfg(test)]
pub(crate) fn ln_upper_tail(y: u32, mu: f64, phi: f64) -> f64 {
    ln_upper_tail_within(y, mu, phi, f64::NEG_INFINITY).unwrap_or(0.0)
}

/// `ln P(Y >= y)` (see `ln_upper_tail`), or `None` as soon as a partial sum shows that the score
/// `-log10 P(Y >= y)` stays below `threshold` (the terms are positive, so a partial sum bounds
/// the probability from below; the sum's long tail is the slowest part of a scan when the
/// over-dispersion is high). When it returns a value, it is the same value, summed in the same
/// order.
fn ln_upper_tail_within(y: u32, mu: f64, phi: f64, threshold: f64) -> Option<f64> {
    if y == 0 {
        return Some(0.0);
    }
    let yf = y as f64;
    let poisson = phi <= 1.0 + 1e-9;
    let (r, q) = nb_params(mu, phi);
    let ln_first = ln_first_term(y, mu, phi);
    let mut sum = 1.0;
    let mut term = 1.0;
    let mut k = yf;
    for _ in 0..100_000 {
        let ratio = if poisson {
            mu / (k + 1.0)
        } else {
            (k + r) / (k + 1.0) * q
        };
        term *= ratio;
        sum += term;
        k += 1.0;
        if term < sum * 1e-12 {
            break;
        }
        if (k as u64).is_multiple_of(64)
            && -(ln_first + sum.ln()).min(0.0) / std::f64::consts::LN_10 < threshold
        {
            return None;
        }
    }
    Some((ln_first + sum.ln()).min(0.0))
}

/// Prefix sums of a series and of its squares.
struct Prefix {
    s1: Vec<f64>,
    s2: Vec<f64>,
}

impl Prefix {
    fn new(c: &[u32]) -> Prefix {
        let mut s1 = Vec::with_capacity(c.len() + 1);
        let mut s2 = Vec::with_capacity(c.len() + 1);
        let (mut a, mut b) = (0.0, 0.0);
        s1.push(0.0);
        s2.push(0.0);
        for &x in c {
            let x = x as f64;
            a += x;
            b += x * x;
            s1.push(a);
            s2.push(b);
        }
        Prefix { s1, s2 }
    }
    /// Sum and sum of squares over `lo..hi`.
    fn range(&self, lo: usize, hi: usize) -> (f64, f64) {
        (self.s1[hi] - self.s1[lo], self.s2[hi] - self.s2[lo])
    }
}

/// The baseline of week `t` of a series: `(mu, phi)`, or `None` when there is too little
/// history. Uses weeks `< t - guard` only.
fn baseline(p: &Prefix, t: usize, cfg: &WarningConfig, block: usize) -> Option<(f64, f64)> {
    // A block of weeks t-block+1..=t is compared with blocks that end before it starts.
    let guard = cfg.guard_weeks as usize + block - 1;
    if t < cfg.min_history_weeks as usize || t <= guard {
        return None;
    }
    let hi = t - guard;
    let lo = hi.saturating_sub(cfg.window_weeks.max(2) as usize);
    let n = (hi - lo) as f64;
    if n < 2.0 {
        return None;
    }
    let (s1, s2) = p.range(lo, hi);
    let m = s1 / n;
    let v = ((s2 - n * m * m) / (n - 1.0)).max(0.0);
    let phi = if m > 0.0 { (v / m).max(1.0) } else { 1.0 };
    let mut mu = m;
    if cfg.seasonal_years > 0 && cfg.seasonal_weight > 0.0 {
        let h = cfg.seasonal_half_width as usize;
        let (mut s, mut k) = (0.0, 0.0);
        for y in 1..=cfg.seasonal_years as usize {
            let Some(center) = t.checked_sub(52 * y) else {
                break;
            };
            let a = center.saturating_sub(h);
            let b = (center + h + 1).min(hi);
            if a < b {
                s += p.range(a, b).0;
                k += (b - a) as f64;
            }
        }
        if k > 0.0 {
            let w = cfg.seasonal_weight.clamp(0.0, 1.0);
            mu = (1.0 - w) * m + w * (s / k);
        }
    }
    Some((mu.max(cfg.min_expected), phi))
}

/// Scratch buffers reused across areas.
#[derive(Default)]
struct Scratch {
    events: Vec<u32>,
    deaths: Vec<u32>,
    blocks: Vec<u32>,
}

struct Candidate {
    metric: Metric,
    week: i32,
    observed: u32,
    expected: f64,
    dispersion: f64,
    ln_p: f64,
}

/// Judge every week `lo..=hi` of one group (row indices in date order).
fn scan_group(
    t: &EventTable<'_>,
    rows: &[u32],
    lo: i32,
    hi: i32,
    report: (i32, i32),
    cfg: &WarningConfig,
    scratch: &mut Scratch,
) -> (Vec<Candidate>, u32) {
    let w = (hi - lo + 1).max(0) as usize;
    scratch.events.clear();
    scratch.events.resize(w, 0);
    scratch.deaths.clear();
    scratch.deaths.resize(w, 0);
    for &i in rows {
        let i = i as usize;
        let wk = t.week[i];
        if wk < lo || wk > hi || !t.is_violent(i) {
            continue;
        }
        scratch.events[(wk - lo) as usize] += 1;
        scratch.deaths[(wk - lo) as usize] += t.fatalities[i];
    }
    let block = cfg.build_up_weeks as usize;
    scratch.blocks.clear();
    if block > 1 {
        let mut sum = 0;
        for k in 0..w {
            sum += scratch.events[k];
            if k >= block {
                sum -= scratch.events[k - block];
            }
            scratch.blocks.push(sum);
        }
    }
    let mut out = Vec::new();
    let mut monitored = 0;
    let mut metrics: Vec<(Metric, &[u32], u32, usize)> =
        vec![(Metric::Events, &scratch.events, cfg.min_events.max(1), 1)];
    if cfg.fatalities {
        metrics.push((
            Metric::Fatalities,
            &scratch.deaths,
            cfg.min_fatalities.max(1),
            1,
        ));
    }
    if block > 1 {
        // The floor scales with the block: two weeks' worth of the weekly floor.
        metrics.push((
            Metric::BuildUp,
            &scratch.blocks,
            2 * cfg.min_events.max(1),
            block,
        ));
    }
    for (mi, &(metric, series, floor, len)) in metrics.iter().enumerate() {
        let prefix = Prefix::new(series);
        for (k, &y) in series.iter().enumerate() {
            let week = lo + k as i32;
            if week < report.0 || week > report.1 {
                continue;
            }
            let Some((mu, phi)) = baseline(&prefix, k, cfg, len) else {
                continue;
            };
            if mi == 0 {
                monitored += 1;
            }
            if y < floor || (y as f64) <= mu {
                continue;
            }
            // P(Y >= y) >= P(Y = y): when that term alone is too likely for a flag, the
            // tail (a sum of terms, the slowest part of the scan) is not needed.
            if -ln_first_term(y, mu, phi).min(0.0) / std::f64::consts::LN_10 < cfg.threshold {
                continue;
            }
            let Some(ln_p) = ln_upper_tail_within(y, mu, phi, cfg.threshold) else {
                continue;
            };
            if -ln_p / std::f64::consts::LN_10 >= cfg.threshold {
                out.push(Candidate {
                    metric,
                    week,
                    observed: y,
                    expected: mu,
                    dispersion: phi,
                    ln_p,
                });
            }
        }
    }
    (out, monitored)
}

fn violent_ids(t: &EventTable<'_>, rows: &[u32], first_week: i32, week: i32) -> Vec<i64> {
    let a = rows.partition_point(|&i| t.week[i as usize] < first_week);
    let b = rows.partition_point(|&i| t.week[i as usize] <= week);
    rows[a..b]
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| t.is_violent(i))
        .map(|i| t.id[i])
        .collect()
}

fn scan_scope(
    t: &EventTable<'_>,
    scope: Scope,
    groups: &Groups,
    label: &(dyn Fn(usize) -> Option<String> + Sync),
    range: (i32, i32),
    report: (i32, i32),
    cfg: &WarningConfig,
) -> (Vec<Flag>, Vec<Monitored>) {
    let per: Vec<(Vec<Flag>, Option<Monitored>)> = (0..groups.len())
        .into_par_iter()
        .map_init(Scratch::default, |scratch, g| {
            let Some(name) = label(g) else {
                return (Vec::new(), None);
            };
            let rows = groups.get(g);
            let (cands, weeks) = scan_group(t, rows, range.0, range.1, report, cfg, scratch);
            let flags = cands
                .into_iter()
                .map(|c| Flag {
                    scope,
                    area: name.clone(),
                    metric: c.metric,
                    week: iso_week_label(week_start(c.week)),
                    week_start: week_start(c.week),
                    observed: c.observed,
                    expected: c.expected,
                    dispersion: c.dispersion,
                    p_value: c.ln_p.exp(),
                    score: -c.ln_p / std::f64::consts::LN_10,
                    event_ids: {
                        let first = match c.metric {
                            Metric::BuildUp => c.week - cfg.build_up_weeks as i32 + 1,
                            _ => c.week,
                        };
                        violent_ids(t, rows, first, c.week)
                    },
                })
                .collect();
            (
                flags,
                Some(Monitored {
                    scope,
                    area: name,
                    weeks,
                }),
            )
        })
        .collect();
    let mut flags = Vec::new();
    let mut monitored = Vec::new();
    for (f, m) in per {
        flags.extend(f);
        monitored.extend(m);
    }
    (flags, monitored)
}

impl EventTable<'_> {
    /// Run the early-warning model over every admin1, admin2 and actor family (as enabled in
    /// `cfg`) and find new spread.
    pub fn early_warning(&self, cfg: &WarningConfig) -> Warnings {
        let empty = Warnings {
            flags: Vec::new(),
            spread: Vec::new(),
            monitored: Vec::new(),
        };
        let Some((first, last)) = self.date_range() else {
            return empty;
        };
        let last = cfg.to.map_or(last, |t| t.min(last));
        if last < first {
            return empty;
        }
        let lo = week_index(crate::table::day_index(first));
        let hi = week_index(crate::table::day_index(last));
        let report = (
            cfg.from
                .map_or(lo, |f| week_index(crate::table::day_index(f)))
                .max(lo),
            hi,
        );
        let mut flags = Vec::new();
        let mut monitored = Vec::new();
        if cfg.admin1 {
            let g = self.by_admin1();
            let (f, m) = scan_scope(
                self,
                Scope::Admin1,
                &g,
                &|k| Some(self.admin1s[k].label()),
                (lo, hi),
                report,
                cfg,
            );
            flags.extend(f);
            monitored.extend(m);
        }
        if cfg.admin2 {
            let g = self.by_admin2();
            let (f, m) = scan_scope(
                self,
                Scope::Admin2,
                &g,
                &|k| Some(self.admin2s[k].label()),
                (lo, hi),
                report,
                cfg,
            );
            flags.extend(f);
            monitored.extend(m);
        }
        if cfg.actors {
            let g = self.by_family();
            let (f, m) = scan_scope(
                self,
                Scope::Actor,
                &g,
                &|k| {
                    let fam = &self.families[k];
                    (fam.side.is_armed() && fam.identified()).then(|| fam.name.clone())
                },
                (lo, hi),
                report,
                cfg,
            );
            flags.extend(f);
            monitored.extend(m);
        }
        flags.sort_by(|a, b| {
            (a.week_start, a.scope, &a.area, a.metric).cmp(&(
                b.week_start,
                b.scope,
                &b.area,
                b.metric,
            ))
        });
        let spread = self.new_spread(cfg.spread_months, cfg.from, Some(last));
        Warnings {
            flags,
            spread,
            monitored,
        }
    }

    /// New spread: see the module documentation. Reported for dates in `from..=to`.
    pub fn new_spread(
        &self,
        months: u32,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Vec<Spread> {
        let Some((first, _)) = self.date_range() else {
            return Vec::new();
        };
        let warm = first
            .checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX);
        // Per district (parallel), the last day each eligible family acted there.
        let eligible: Vec<bool> = self
            .families
            .iter()
            .map(|f| f.side == Side::NonState && f.identified())
            .collect();
        let lo = from.map_or(i32::MIN, crate::table::day_index);
        let hi = to.map_or(i32::MAX, crate::table::day_index);
        let warm = crate::table::day_index(warm);
        // More than `months` months apart: certain beyond 31 days a month, impossible within
        // 28, exact calendar arithmetic in between.
        let absent_since = |prev: i32, day: i32| {
            let gap = day - prev;
            if gap > 31 * months as i32 {
                true
            } else if gap <= 28 * months as i32 {
                false
            } else {
                day_date(prev)
                    .checked_add_months(Months::new(months))
                    .is_some_and(|limit| day_date(day) > limit)
            }
        };
        let groups = self.by_admin2();
        // Per family: the last day it acted in the current district (`UNSEEN` when it has not)
        // and the spread opened that day, if any; one array per worker, reset after each
        // district through the list of families it touched (a district can see hundreds of
        // families, so a linear search per event would dominate).
        const UNSEEN: i32 = i32::MIN;
        let n_fam = self.families.len();
        let mut out: Vec<Spread> = (0..groups.len())
            .into_par_iter()
            .map_init(
                || (vec![(UNSEEN, NONE); n_fam], Vec::<u32>::new()),
                |(last, touched), g| {
                    let mut found: Vec<Spread> = Vec::new();
                    for &i in groups.get(g) {
                        let i = i as usize;
                        let day = self.day[i];
                        let (f1, f2) = (self.fam1[i], self.fam2[i]);
                        for (k, fam) in [f1, f2].into_iter().enumerate() {
                            if fam == NONE || !eligible[fam as usize] || (k == 1 && f1 == f2) {
                                continue;
                            }
                            let e = &mut last[fam as usize];
                            let prev = if e.0 == UNSEEN {
                                touched.push(fam);
                                *e = (day, NONE);
                                None
                            } else {
                                if e.0 == day {
                                    if e.1 != NONE {
                                        let id = self.id[i];
                                        let spread = &mut found[e.1 as usize];
                                        if spread.event_ids.last() != Some(&id) {
                                            spread.event_ids.push(id);
                                        }
                                    }
                                    continue;
                                }
                                let p = e.0;
                                *e = (day, NONE);
                                Some(p)
                            };
                            let absent = prev.is_none_or(|p| absent_since(p, day));
                            if absent && day >= warm && day >= lo && day <= hi {
                                e.1 = found.len() as u32;
                                found.push(Spread {
                                    actor: self.families[fam as usize].name.clone(),
                                    area: self.admin2s[g].clone(),
                                    date: day_date(day),
                                    previous: prev.map(day_date),
                                    event_ids: vec![self.id[i]],
                                });
                            }
                        }
                    }
                    for f in touched.drain(..) {
                        last[f as usize] = (UNSEEN, NONE);
                    }
                    found
                },
            )
            .flat_map_iter(Vec::into_iter)
            .collect();
        out.sort_by(|a, b| (a.date, &a.actor, &a.area).cmp(&(b.date, &b.actor, &b.area)));
        out
    }
}

/// A known escalation: the area label as flags spell it and any date in its peak week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Episode {
    pub area: String,
    pub peak: NaiveDate,
}

/// Back-test parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BacktestConfig {
    /// Flags up to this many weeks before a peak count as warnings of it.
    pub max_lead_weeks: u32,
    /// ... and up to this many weeks after it (late detection, lead < 0).
    pub after_weeks: u32,
    /// Which flags and monitored areas to score.
    pub scope: Scope,
    /// Only flags on this metric (None: both).
    pub metric: Option<Metric>,
}

impl Default for BacktestConfig {
    fn default() -> Self {
        BacktestConfig {
            max_lead_weeks: 12,
            after_weeks: 1,
            scope: Scope::Admin2,
            metric: None,
        }
    }
}

/// How one episode was warned of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpisodeResult {
    pub episode: Episode,
    /// Week of the first flag in the warning window, if any.
    pub first_flag: Option<NaiveDate>,
    /// Weeks from that flag to the peak week (0 = flagged in the peak week, negative = late).
    pub lead_weeks: Option<i32>,
    /// Flagged weeks inside the window.
    pub flagged_weeks: u32,
}

/// False alarms of one area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaAlarms {
    pub area: String,
    /// Runs of consecutive flagged weeks that fall in no episode window.
    pub false_alarms: u32,
    pub years: f64,
}

/// The back-test result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BacktestReport {
    pub episodes: Vec<EpisodeResult>,
    pub detected: u32,
    pub missed: u32,
    pub median_lead_weeks: Option<f64>,
    /// Alarm runs (consecutive flagged weeks of one area merged) outside every window.
    pub false_alarms: u32,
    /// Monitored area-years of the scope (weeks / 52.1775).
    pub area_years: f64,
    pub false_alarms_per_area_year: f64,
    /// The same over the areas that have episodes only.
    pub episode_area_years: f64,
    pub episode_area_false_alarms_per_year: f64,
    /// Areas with false alarms, most first.
    pub by_area: Vec<AreaAlarms>,
}

/// Score flags against known escalation episodes: lead time before each peak and false alarms
/// per monitored area-year.
pub fn backtest(w: &Warnings, episodes: &[Episode], cfg: &BacktestConfig) -> BacktestReport {
    let weeks_per_year = 365.2425 / 7.0;
    let wk = |d: NaiveDate| week_index(crate::table::day_index(d));
    // Flagged weeks per area (both metrics merged).
    let mut flagged: HashMap<&str, Vec<i32>> = HashMap::default();
    for f in &w.flags {
        if f.scope == cfg.scope && cfg.metric.is_none_or(|m| m == f.metric) {
            flagged.entry(&f.area).or_default().push(wk(f.week_start));
        }
    }
    for v in flagged.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    let window = |e: &Episode| {
        let p = wk(e.peak);
        (p - cfg.max_lead_weeks as i32, p + cfg.after_weeks as i32, p)
    };
    let mut results = Vec::new();
    let mut leads = Vec::new();
    for e in episodes {
        let (a, b, p) = window(e);
        let weeks: Vec<i32> = flagged
            .get(e.area.as_str())
            .map(|v| v.iter().copied().filter(|&x| x >= a && x <= b).collect())
            .unwrap_or_default();
        let first = weeks.first().copied();
        if let Some(f) = first {
            leads.push((p - f) as f64);
        }
        results.push(EpisodeResult {
            episode: e.clone(),
            first_flag: first.map(week_start),
            lead_weeks: first.map(|f| p - f),
            flagged_weeks: weeks.len() as u32,
        });
    }
    let mut by_area = Vec::new();
    let mut false_alarms = 0;
    let monitored: HashMap<&str, u32> = w
        .monitored
        .iter()
        .filter(|m| m.scope == cfg.scope)
        .map(|m| (m.area.as_str(), m.weeks))
        .collect();
    for (area, weeks) in &flagged {
        let windows: Vec<(i32, i32, i32)> = episodes
            .iter()
            .filter(|e| e.area == *area)
            .map(window)
            .collect();
        let mut runs = 0;
        let mut prev: Option<i32> = None;
        let mut run_is_true = false;
        let close = |run_is_true: bool, runs: &mut u32| {
            if !run_is_true {
                *runs += 1;
            }
        };
        for &x in weeks {
            let inside = windows.iter().any(|&(a, b, _)| x >= a && x <= b);
            match prev {
                Some(p) if x - p <= 1 => run_is_true |= inside,
                Some(_) => {
                    close(run_is_true, &mut runs);
                    run_is_true = inside;
                }
                None => run_is_true = inside,
            }
            prev = Some(x);
        }
        if prev.is_some() {
            close(run_is_true, &mut runs);
        }
        if runs > 0 {
            false_alarms += runs;
            by_area.push(AreaAlarms {
                area: area.to_string(),
                false_alarms: runs,
                years: monitored.get(area).copied().unwrap_or(0) as f64 / weeks_per_year,
            });
        }
    }
    by_area.sort_by(|a, b| {
        b.false_alarms
            .cmp(&a.false_alarms)
            .then(a.area.cmp(&b.area))
    });
    let area_years = monitored.values().map(|&w| w as f64).sum::<f64>() / weeks_per_year;
    let mut ep_areas: Vec<&str> = episodes.iter().map(|e| e.area.as_str()).collect();
    ep_areas.sort_unstable();
    ep_areas.dedup();
    let episode_area_years = ep_areas
        .iter()
        .map(|a| monitored.get(a).copied().unwrap_or(0) as f64)
        .sum::<f64>()
        / weeks_per_year;
    let ep_false: u32 = by_area
        .iter()
        .filter(|a| ep_areas.contains(&a.area.as_str()))
        .map(|a| a.false_alarms)
        .sum();
    leads.sort_by(|a, b| a.total_cmp(b));
    let median = (!leads.is_empty()).then(|| {
        let n = leads.len();
        if n % 2 == 1 {
            leads[n / 2]
        } else {
            (leads[n / 2 - 1] + leads[n / 2]) / 2.0
        }
    });
    let detected = results.iter().filter(|r| r.first_flag.is_some()).count() as u32;
    let rate = |n: u32, y: f64| if y > 0.0 { n as f64 / y } else { 0.0 };
    BacktestReport {
        detected,
        missed: results.len() as u32 - detected,
        episodes: results,
        median_lead_weeks: median,
        false_alarms,
        area_years,
        false_alarms_per_area_year: rate(false_alarms, area_years),
        episode_area_years,
        episode_area_false_alarms_per_year: rate(ep_false, episode_area_years),
        by_area,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventRow;
    use rasd_model::SubEventType::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// One armed clash every other week in Bankass for two years, then a spike of 9 in the
    /// week of 2019-03-18; a second district with a single event per quarter.
    fn history() -> Vec<EventRow> {
        let mut rows = Vec::new();
        let start = d("2017-01-02");
        let mut id = 0;
        for w in 0..115 {
            let day = start + chrono::Days::new(7 * w);
            if w % 2 == 0 {
                id += 1;
                rows.push(
                    EventRow::new(id, day, ArmedClash)
                        .at("Mali", "Mopti", "Bankass")
                        .actor1("JNIM: Group for Support of Islam and Muslims", 2)
                        .actor2("Military Forces of Mali (2013-)", 1)
                        .killed(1),
                );
            }
            if w % 13 == 0 {
                id += 1;
                rows.push(
                    EventRow::new(id, day, Attack)
                        .at("Mali", "Mopti", "Koro")
                        .actor1("Dan Na Ambassagou", 4)
                        .actor2("Civilians (Mali)", 7),
                );
            }
        }
        for k in 0..9 {
            rows.push(
                EventRow::new(1000 + k, d("2019-03-19"), Attack)
                    .at("Mali", "Mopti", "Bankass")
                    .actor1("Dan Na Ambassagou", 4)
                    .actor2("Civilians (Mali)", 7)
                    .killed(4),
            );
        }
        rows
    }

    fn admin2_flags(w: &Warnings, area: &str, metric: Metric) -> Vec<NaiveDate> {
        w.flags
            .iter()
            .filter(|f| f.scope == Scope::Admin2 && f.area.ends_with(area) && f.metric == metric)
            .map(|f| f.week_start)
            .collect()
    }

    #[test]
    fn ln_gamma_and_tails_match_known_values() {
        assert!((ln_gamma(1.0)).abs() < 1e-12);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
        // Poisson(1): P(Y >= 3) = 1 - e^-1 (1 + 1 + 1/2).
        let p = ln_upper_tail(3, 1.0, 1.0).exp();
        assert!((p - (1.0 - (-1f64).exp() * 2.5)).abs() < 1e-12, "{p}");
        // NB with phi = 2, mu = 2: r = 2, q = 1/2; P(Y >= 1) = 1 - (1/2)^2.
        let p = ln_upper_tail(1, 2.0, 2.0).exp();
        assert!((p - 0.75).abs() < 1e-12, "{p}");
        // Over-dispersion makes the same count less surprising.
        assert!(ln_upper_tail(10, 2.0, 4.0) > ln_upper_tail(10, 2.0, 1.0));
        // Huge counts do not underflow to p = 1.
        assert!(ln_upper_tail(5000, 100.0, 3.0) < -100.0);
    }

    #[test]
    fn flags_the_spike_with_its_events_and_not_the_routine() {
        let rows = history();
        let t = EventTable::new(&rows);
        let w = t.early_warning(&WarningConfig::default());
        let bankass = admin2_flags(&w, "Bankass", Metric::Events);
        assert_eq!(bankass, vec![d("2019-03-18")]);
        let f = w
            .flags
            .iter()
            .find(|f| f.area == "Mali / Mopti / Bankass" && f.metric == Metric::Events)
            .unwrap();
        assert_eq!(f.observed, 9, "the spike, plus no routine clash that week");
        assert!(f.expected > 0.4 && f.expected < 0.6, "{}", f.expected);
        assert!(f.score >= 2.0);
        assert_eq!(f.week, "2019-W12");
        let mut ids = f.event_ids.clone();
        ids.sort_unstable();
        assert_eq!(ids, (1000..1009).collect::<Vec<i64>>());
        // 36 deaths against ~0.5 a week: a fatality flag too.
        assert_eq!(
            admin2_flags(&w, "Bankass", Metric::Fatalities),
            vec![d("2019-03-18")]
        );
        // The routine alternation of 0 and 1 never flags.
        assert!(admin2_flags(&w, "Koro", Metric::Events).is_empty());
        // The admin1 and the actor series see it too.
        assert!(w
            .flags
            .iter()
            .any(|f| f.scope == Scope::Admin1 && f.week_start == d("2019-03-18")));
        assert!(w.flags.iter().any(|f| f.scope == Scope::Actor
            && f.area == "Dan Na Ambassagou"
            && f.week_start == d("2019-03-18")));
    }

    #[test]
    fn the_floor_keeps_small_counts_quiet() {
        // A district silent for a year, then 2 events in a week: p is tiny, but 2 < floor 3.
        let mut rows = history();
        rows.push(
            EventRow::new(5000, d("2018-06-05"), ArmedClash)
                .at("Mali", "Tombouctou", "Goundam")
                .actor1("JNIM: Group for Support of Islam and Muslims", 2),
        );
        rows.push(
            EventRow::new(5001, d("2018-06-06"), ArmedClash)
                .at("Mali", "Tombouctou", "Goundam")
                .actor1("JNIM: Group for Support of Islam and Muslims", 2),
        );
        let t = EventTable::new(&rows);
        let w = t.early_warning(&WarningConfig::default());
        assert!(admin2_flags(&w, "Goundam", Metric::Events).is_empty());
        // Lowering the floor to 2 (and the expectation floor, so 2 is surprising enough) makes
        // it a flag: the floor is what held it back.
        let cfg = WarningConfig {
            min_events: 2,
            min_expected: 0.05,
            ..Default::default()
        };
        let w = t.early_warning(&cfg);
        assert_eq!(
            admin2_flags(&w, "Goundam", Metric::Events),
            vec![d("2018-06-04")]
        );
    }

    #[test]
    fn no_look_ahead_future_events_do_not_change_past_flags() {
        let rows = history();
        let before = EventTable::new(&rows).early_warning(&WarningConfig::default());
        let mut more = rows.clone();
        // A much more violent future: 20 events a week in Bankass for 10 weeks after the spike.
        for w in 0..10u64 {
            for k in 0..20 {
                more.push(
                    EventRow::new(
                        9000 + (w * 20 + k) as i64,
                        d("2019-05-06") + chrono::Days::new(7 * w),
                        ArmedClash,
                    )
                    .at("Mali", "Mopti", "Bankass")
                    .actor1("JNIM: Group for Support of Islam and Muslims", 2),
                );
            }
        }
        let after = EventTable::new(&more).early_warning(&WarningConfig::default());
        let past = |w: &Warnings, cut: NaiveDate| -> Vec<Flag> {
            w.flags
                .iter()
                .filter(|f| f.week_start < cut)
                .cloned()
                .collect()
        };
        // Every week the shorter table covers (its data ends in 2019-W12) is judged the same.
        let covered = d("2019-03-25");
        assert_eq!(past(&before, covered), past(&after, covered));
        assert!(!past(&before, covered).is_empty());
        assert!(after.flags.len() > before.flags.len());
        // And `to` cuts the future off explicitly: the same flags as the full table's up to it.
        let cfg = WarningConfig {
            to: Some(d("2019-05-05")),
            ..Default::default()
        };
        assert_eq!(
            EventTable::new(&more).early_warning(&cfg).flags,
            past(&after, d("2019-05-06"))
        );
    }

    #[test]
    fn build_up_over_weeks_is_flagged_when_no_week_is() {
        // Koro: one attack a quarter, then two a week for four weeks from 2018-11-05.
        let mut rows = history();
        for w in 0..4u64 {
            for k in 0..2 {
                rows.push(
                    EventRow::new(
                        8000 + (w * 2 + k) as i64,
                        d("2018-11-06") + chrono::Days::new(7 * w),
                        Attack,
                    )
                    .at("Mali", "Mopti", "Koro")
                    .actor1("Dan Na Ambassagou", 4),
                );
            }
        }
        let t = EventTable::new(&rows);
        let w = t.early_warning(&WarningConfig::default());
        assert!(admin2_flags(&w, "Koro", Metric::Events).is_empty());
        let build = admin2_flags(&w, "Koro", Metric::BuildUp);
        // The third week brings the four-week count to 6, the floor.
        assert_eq!(build.first(), Some(&d("2018-11-19")), "{build:?}");
        let f = w
            .flags
            .iter()
            .find(|f| f.area.ends_with("Koro") && f.metric == Metric::BuildUp)
            .unwrap();
        assert_eq!(f.observed, 6);
        assert_eq!(f.event_ids.len(), 6);
        let off = t.early_warning(&WarningConfig {
            build_up_weeks: 0,
            ..Default::default()
        });
        assert!(admin2_flags(&off, "Koro", Metric::BuildUp).is_empty());
    }

    #[test]
    fn new_spread_after_a_year_of_absence() {
        let mut rows = history();
        // JNIM appears in Koro for the first time on 2018-09-12 (two events that day), again a
        // month later (not new), and in Bankass it is present throughout (never new).
        for (id, date) in [
            (7000, "2018-09-12"),
            (7001, "2018-09-12"),
            (7002, "2018-10-10"),
        ] {
            rows.push(
                EventRow::new(id, d(date), ArmedClash)
                    .at("Mali", "Mopti", "Koro")
                    .actor1("JNIM: Group for Support of Islam and Muslims", 2)
                    .actor2("Dan Na Ambassagou", 4),
            );
        }
        let t = EventTable::new(&rows);
        let spread = t.new_spread(12, None, None);
        let jnim: Vec<&Spread> = spread
            .iter()
            .filter(|s| s.actor.starts_with("JNIM"))
            .collect();
        assert_eq!(jnim.len(), 1, "{spread:?}");
        assert_eq!(jnim[0].area.name(), "Koro");
        assert_eq!(jnim[0].date, d("2018-09-12"));
        assert_eq!(jnim[0].event_ids, vec![7000, 7001]);
        assert_eq!(jnim[0].previous, None);
        // Dan Na Ambassagou first acts in Bankass at the spike (2019-03-19), after more than
        // 12 months of data: new spread. In Koro it acts from the start (warm-up): not new.
        let dna: Vec<&Spread> = spread
            .iter()
            .filter(|s| s.actor == "Dan Na Ambassagou")
            .collect();
        assert_eq!(dna.len(), 1, "{dna:?}");
        assert_eq!(dna[0].area.name(), "Bankass");
        assert_eq!(dna[0].event_ids.len(), 9);
        // With a 6-month look-back, state forces never count (not a non-state group).
        assert!(t
            .new_spread(6, None, None)
            .iter()
            .all(|s| !s.actor.starts_with("Military")));
    }

    #[test]
    fn backtest_counts_lead_weeks_and_false_alarms() {
        let rows = history();
        let t = EventTable::new(&rows);
        let w = t.early_warning(&WarningConfig::default());
        let episodes = vec![
            Episode {
                area: "Mali / Mopti / Bankass".into(),
                peak: d("2019-04-03"),
            },
            Episode {
                area: "Mali / Mopti / Koro".into(),
                peak: d("2018-01-10"),
            },
        ];
        let r = backtest(&w, &episodes, &BacktestConfig::default());
        assert_eq!(r.detected, 1);
        assert_eq!(r.missed, 1);
        assert_eq!(r.episodes[0].lead_weeks, Some(2));
        assert_eq!(r.false_alarms, 0);
        // Without the episode the same flag is one false alarm (two metrics, one week: one run).
        let r = backtest(&w, &episodes[1..], &BacktestConfig::default());
        assert_eq!(r.false_alarms, 1);
        assert_eq!(r.by_area[0].area, "Mali / Mopti / Bankass");
        assert!(r.area_years > 2.0 && r.false_alarms_per_area_year > 0.0);
    }
}
