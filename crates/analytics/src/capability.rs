//! Actor capabilities and tactics over time: drones, IEDs, suicide attacks, shelling,
//! kidnappings, complex attacks on bases, attacks on convoys and roads.
//!
//! Each event is classified once from its sub-event type, its actors' sides and the keyword
//! cues of its notes, tags and location (one automaton, English/French/Arabic, see the
//! `cues` module) and attributed to the family of actor1, the actor who used the
//! capability. Rules:
//!
//! - **Armed drone**: an air/drone strike by a non-state actor (they have no aircraft), or any
//!   violent event whose text mentions a drone (and not only a surveillance drone).
//! - **Surveillance drone**: a surveillance or reconnaissance drone mentioned.
//! - **IED**: sub-event "Remote explosive/landmine/IED", or an IED / mine / explosive-device cue
//!   on a violent event. **VBIED**: a vehicle-borne IED cue.
//! - **Suicide attack**: sub-event "Suicide bomb" or a suicide / kamikaze cue on a violent event.
//! - **Shelling**: sub-event "Shelling/artillery/missile attack" or a mortar / rocket / shell cue.
//! - **Kidnapping**: sub-event "Abduction/forced disappearance"; **of foreigners** when the text
//!   mentions foreigners, expatriates, aid workers or a foreign nationality.
//! - **Complex attack on a base**: a battle a non-state actor initiates against state or external
//!   forces with at least `complex_fatalities` deaths, or with a complex / coordinated attack or
//!   base / camp / garrison cue.
//! - **Convoy or road attack**: a violent event with a convoy / escort / supply or road / axis cue.

use crate::cues::{scan, Cue, Cues};
use crate::table::{day_date, month_start, EventTable, Side, NONE};
use crate::EventRow;
use chrono::{Datelike, NaiveDate};
use rasd_model::{EventType, SubEventType};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// A capability or tactic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    DroneArmed,
    DroneSurveillance,
    Ied,
    Vbied,
    Suicide,
    Shelling,
    Kidnapping,
    KidnappingForeigners,
    ComplexAttackOnBase,
    ConvoyAttack,
}

impl Capability {
    pub const ALL: [Capability; 10] = [
        Capability::DroneArmed,
        Capability::DroneSurveillance,
        Capability::Ied,
        Capability::Vbied,
        Capability::Suicide,
        Capability::Shelling,
        Capability::Kidnapping,
        Capability::KidnappingForeigners,
        Capability::ComplexAttackOnBase,
        Capability::ConvoyAttack,
    ];

    /// A stable snake_case key.
    pub fn key(self) -> &'static str {
        match self {
            Capability::DroneArmed => "drone_armed",
            Capability::DroneSurveillance => "drone_surveillance",
            Capability::Ied => "ied",
            Capability::Vbied => "vbied",
            Capability::Suicide => "suicide",
            Capability::Shelling => "shelling",
            Capability::Kidnapping => "kidnapping",
            Capability::KidnappingForeigners => "kidnapping_foreigners",
            Capability::ComplexAttackOnBase => "complex_attack_on_base",
            Capability::ConvoyAttack => "convoy_attack",
        }
    }

    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of capabilities shown by one event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CapabilitySet(u16);

impl CapabilitySet {
    pub fn contains(self, c: Capability) -> bool {
        self.0 & c.bit() != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }
    fn insert(&mut self, c: Capability) {
        self.0 |= c.bit();
    }
}

/// Classification parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CapabilityConfig {
    /// Deaths that make a non-state battle against state forces a complex attack.
    pub complex_fatalities: u32,
    pub period: Period,
}

impl Default for CapabilityConfig {
    fn default() -> Self {
        CapabilityConfig {
            complex_fatalities: 10,
            period: Period::Month,
        }
    }
}

/// Aggregation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    /// The first day of the month or quarter `d` falls in.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Period::Month => d.with_day(1).unwrap_or(d),
            Period::Quarter => {
                NaiveDate::from_ymd_opt(d.year(), d.month0() / 3 * 3 + 1, 1).unwrap_or(d)
            }
        }
    }

    /// `2019-03` or `2019-Q1`.
    pub fn label(self, d: NaiveDate) -> String {
        match self {
            Period::Month => crate::table::month_label(d),
            Period::Quarter => quarter_label(d),
        }
    }
}

/// Counts of one actor family in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapabilityRow {
    pub actor: String,
    /// First day of the month or quarter.
    pub period_start: NaiveDate,
    /// In [`Capability::ALL`] order.
    pub counts: [u32; 10],
}

impl CapabilityRow {
    pub fn count(&self, c: Capability) -> u32 {
        self.counts[c as usize]
    }
}

/// The first event showing a capability of an actor family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstSeen {
    pub actor: String,
    pub capability: Capability,
    pub date: NaiveDate,
    pub event_id: i64,
    /// `Country / Admin1 / Admin2` where known.
    pub area: Option<String>,
}

/// Capabilities per actor family and period (only periods with at least one count), and
/// first-seen dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capabilities {
    pub period: Period,
    /// Sorted by actor, then period.
    pub rows: Vec<CapabilityRow>,
    /// Sorted by date.
    pub first_seen: Vec<FirstSeen>,
}

/// What the rules read of an event besides its cues and sides: type, sub-event type and
/// fatalities (from the table's columns; the row itself is read only for an abduction's
/// victims).
#[derive(Clone, Copy)]
struct Facts {
    event_type: EventType,
    sub: SubEventType,
    fatalities: u32,
}

impl Facts {
    fn of(row: &EventRow) -> Facts {
        Facts {
            event_type: row.event_type,
            sub: row.sub_event_type,
            fatalities: row.fatalities,
        }
    }
}

fn classify_with(
    facts: Facts,
    row: &EventRow,
    cues: Cues,
    side1: Side,
    side2: Side,
    cfg: &CapabilityConfig,
) -> CapabilitySet {
    let mut s = CapabilitySet::default();
    let sub = facts.sub;
    let violent = facts.event_type.is_violent();
    // A non-state "air strike" whose notes speak of aircraft and no drone is an air force's
    // strike with the actors in ACLED's order, not a drone.
    let aircraft_only = cues.has(Cue::Aircraft) && !cues.has(Cue::Drone);
    if (sub == SubEventType::AirDroneStrike
        && ((side1 == Side::NonState && !aircraft_only) || cues.has(Cue::Drone)))
        || (violent && cues.has(Cue::Drone) && !cues.has(Cue::SurveillanceDrone))
    {
        s.insert(Capability::DroneArmed);
    }
    if cues.has(Cue::SurveillanceDrone) {
        s.insert(Capability::DroneSurveillance);
    }
    if sub == SubEventType::RemoteExplosiveLandmineIed || (violent && cues.has(Cue::Ied)) {
        s.insert(Capability::Ied);
    }
    if cues.has(Cue::Vbied) {
        s.insert(Capability::Vbied);
    }
    if sub == SubEventType::SuicideBomb || (violent && cues.has(Cue::Suicide)) {
        s.insert(Capability::Suicide);
    }
    if sub == SubEventType::ShellingArtilleryMissileAttack || (violent && cues.has(Cue::Shelling)) {
        s.insert(Capability::Shelling);
    }
    if sub == SubEventType::AbductionForcedDisappearance {
        s.insert(Capability::Kidnapping);
        if cues.has(Cue::Foreigner) || foreign_victim(row) {
            s.insert(Capability::KidnappingForeigners);
        }
    }
    if facts.event_type == EventType::Battles
        && side1 == Side::NonState
        && matches!(side2, Side::State | Side::External)
        && (facts.fatalities >= cfg.complex_fatalities
            || cues.has(Cue::Complex)
            || cues.has(Cue::Base))
    {
        s.insert(Capability::ComplexAttackOnBase);
    }
    if violent && (cues.has(Cue::Convoy) || cues.has(Cue::Road)) {
        s.insert(Capability::ConvoyAttack);
    }
    s
}

/// ACLED names victims "Civilians (Germany)": a nationality other than the event's country.
fn foreign_victim(row: &EventRow) -> bool {
    let Some(country) = row.country.as_deref() else {
        return false;
    };
    [&row.actor2, &row.assoc_actor_2].iter().any(|a| {
        a.as_deref()
            .and_then(|a| a.strip_prefix("Civilians ("))
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|nat| !nat.eq_ignore_ascii_case(country))
    })
}

/// The capabilities one event shows (sides from its inter codes).
pub fn classify(row: &EventRow, cfg: &CapabilityConfig) -> CapabilitySet {
    classify_with(
        Facts::of(row),
        row,
        scan(row),
        Side::from_inter(row.inter1),
        Side::from_inter(row.inter2),
        cfg,
    )
}

impl EventTable<'_> {
    /// The capability set of every event (in row order), in parallel.
    pub fn capability_sets(&self, cfg: &CapabilityConfig) -> Vec<CapabilitySet> {
        let cues = self.cues();
        (0..self.len())
            .into_par_iter()
            .map(|i| {
                let facts = Facts {
                    event_type: EventType::ALL[self.etype[i] as usize],
                    sub: self.sub_type(i),
                    fatalities: self.fatalities[i],
                };
                classify_with(
                    facts,
                    self.rows[i],
                    cues[i],
                    self.side1(i),
                    self.side2(i),
                    cfg,
                )
            })
            .collect()
    }

    /// Capabilities per actor1 family and period, and first-seen dates.
    pub fn capabilities(&self, cfg: &CapabilityConfig) -> Capabilities {
        let sets = self.capability_sets(cfg);
        let period_of = |i: usize| -> i32 {
            let m = self.month[i];
            match cfg.period {
                Period::Month => m,
                Period::Quarter => m - m.rem_euclid(3),
            }
        };
        // Events in (family, period, date) order.
        let mut idx: Vec<u32> = self
            .by_day
            .iter()
            .copied()
            .filter(|&i| self.fam1[i as usize] != NONE && !sets[i as usize].is_empty())
            .collect();
        idx.sort_by_key(|&i| self.fam1[i as usize]);
        let mut rows: Vec<CapabilityRow> = Vec::new();
        let mut first_seen = Vec::new();
        let mut k = 0;
        while k < idx.len() {
            let fam = self.fam1[idx[k] as usize];
            let name = &self.families[fam as usize].name;
            let mut seen = CapabilitySet::default();
            let mut current: Option<i32> = None;
            while k < idx.len() && self.fam1[idx[k] as usize] == fam {
                let i = idx[k] as usize;
                k += 1;
                let p = period_of(i);
                if current != Some(p) {
                    rows.push(CapabilityRow {
                        actor: name.clone(),
                        period_start: month_start(p),
                        counts: [0; 10],
                    });
                    current = Some(p);
                }
                let row = rows.last_mut().expect("pushed above");
                for c in sets[i].iter() {
                    row.counts[c as usize] += 1;
                    if !seen.contains(c) {
                        seen.insert(c);
                        first_seen.push(FirstSeen {
                            actor: name.clone(),
                            capability: c,
                            date: day_date(self.day[i]),
                            event_id: self.id[i],
                            area: (self.admin2[i] != NONE)
                                .then(|| self.admin2s[self.admin2[i] as usize].label()),
                        });
                    }
                }
            }
        }
        rows.sort_by(|a, b| (&a.actor, a.period_start).cmp(&(&b.actor, b.period_start)));
        first_seen.sort_by(|a: &FirstSeen, b: &FirstSeen| {
            (a.date, &a.actor, a.capability).cmp(&(b.date, &b.actor, b.capability))
        });
        Capabilities {
            period: cfg.period,
            rows,
            first_seen,
        }
    }
}

/// Quarter label, `2019-Q3`.
pub fn quarter_label(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::SubEventType::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn period_starts_and_labels() {
        assert_eq!(Period::Month.start(d("2019-08-17")), d("2019-08-01"));
        assert_eq!(Period::Quarter.start(d("2019-08-17")), d("2019-07-01"));
        assert_eq!(Period::Quarter.start(d("2019-12-31")), d("2019-10-01"));
        assert_eq!(Period::Month.label(d("2019-08-01")), "2019-08");
        assert_eq!(Period::Quarter.label(d("2019-07-01")), "2019-Q3");
    }

    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
    const ISGS: &str = "Islamic State (Greater Sahara)";
    const FAMA: &str = "Military Forces of Mali (2013-)";

    fn rows() -> Vec<EventRow> {
        vec![
            EventRow::new(1, d("2019-01-10"), RemoteExplosiveLandmineIed)
                .actor1(JNIM, 2)
                .actor2(FAMA, 1)
                .notes("An IED struck a FAMa convoy on the Boni-Douentza axis."),
            EventRow::new(2, d("2019-02-03"), ArmedClash)
                .actor1(JNIM, 2)
                .actor2(FAMA, 1)
                .killed(3)
                .notes("Complex attack on the military camp of Dioura with a car bomb."),
            EventRow::new(3, d("2019-02-20"), AbductionForcedDisappearance)
                .actor1(ISGS, 2)
                .actor2("Civilians (Niger)", 7)
                .notes("Un ressortissant allemand a été enlevé près d'Ayorou."),
            EventRow::new(4, d("2019-03-01"), AbductionForcedDisappearance)
                .actor1(ISGS, 2)
                .actor2("Civilians (Niger)", 7)
                .notes("Two herders abducted."),
            EventRow::new(5, d("2023-08-15"), AirDroneStrike)
                .actor1(JNIM, 2)
                .actor2(FAMA, 1)
                .notes("هاجمت الجماعة معسكر الجيش بطائرات مسيرة"),
            EventRow::new(6, d("2023-09-01"), AirDroneStrike)
                .actor1(FAMA, 1)
                .actor2(JNIM, 2)
                .notes("FAMa airstrike on a JNIM position"),
            EventRow::new(8, d("2015-11-05"), AirDroneStrike)
                .actor1("Islamic State (West Africa)", 2)
                .actor2("Military Forces of Niger (2011-)", 1)
                .notes("The Niger army launched airstrikes against Boko Haram near Dagaya."),
            EventRow::new(9, d("2018-04-11"), AbductionForcedDisappearance)
                .at("Niger", "Tillaberi", "Tillaberi")
                .actor1(ISGS, 2)
                .actor2("Civilians (Germany)", 7)
                .notes("Militants abducted an aid worker south of In-Ates."),
            EventRow::new(7, d("2019-01-25"), ArmedClash)
                .actor1(JNIM, 2)
                .actor2(FAMA, 1)
                .killed(2)
                .notes("Clashes in the bush."),
        ]
    }

    #[test]
    fn classifies_events_in_three_languages() {
        let cfg = CapabilityConfig::default();
        let rows = rows();
        let sets: Vec<CapabilitySet> = rows.iter().map(|r| classify(r, &cfg)).collect();
        let has = |k: usize, c| sets[k].contains(c);
        assert!(has(0, Capability::Ied) && has(0, Capability::ConvoyAttack));
        assert!(has(1, Capability::ComplexAttackOnBase) && has(1, Capability::Vbied));
        assert!(has(2, Capability::Kidnapping) && has(2, Capability::KidnappingForeigners));
        assert!(has(3, Capability::Kidnapping) && !has(3, Capability::KidnappingForeigners));
        // A drone strike on a camp: drone use; complex attacks are battles only.
        assert!(has(4, Capability::DroneArmed) && !has(4, Capability::ComplexAttackOnBase));
        // A state air strike without a drone mention is not drone use.
        assert!(sets[5].is_empty(), "{:?}", sets[5]);
        assert!(sets[8].is_empty());
        // ACLED's actor order on an army's airstrike is not a group's drone.
        assert!(sets[6].is_empty(), "{:?}", sets[6]);
        // A victim of another nationality is a foreigner even when the notes do not say so.
        assert!(has(7, Capability::KidnappingForeigners));
    }

    #[test]
    fn counts_per_quarter_and_first_seen() {
        let rows = rows();
        let t = EventTable::new(&rows);
        let caps = t.capabilities(&CapabilityConfig {
            period: Period::Quarter,
            ..Default::default()
        });
        let jnim_q1 = caps
            .rows
            .iter()
            .find(|r| r.actor.starts_with("JNIM") && r.period_start == d("2019-01-01"))
            .unwrap();
        assert_eq!(jnim_q1.count(Capability::Ied), 1);
        assert_eq!(jnim_q1.count(Capability::ComplexAttackOnBase), 1);
        assert_eq!(jnim_q1.count(Capability::DroneArmed), 0);
        let first = |actor: &str, c: Capability| {
            caps.first_seen
                .iter()
                .find(|f| f.actor.starts_with(actor) && f.capability == c)
                .map(|f| (f.date, f.event_id))
        };
        assert_eq!(
            first("JNIM", Capability::DroneArmed),
            Some((d("2023-08-15"), 5))
        );
        assert_eq!(first("JNIM", Capability::Ied), Some((d("2019-01-10"), 1)));
        assert_eq!(
            first("Islamic State (Greater", Capability::KidnappingForeigners),
            Some((d("2018-04-11"), 9))
        );
        assert_eq!(first("Military", Capability::DroneArmed), None);
        assert_eq!(quarter_label(d("2023-08-15")), "2023-Q3");
        let months = t.capabilities(&CapabilityConfig::default());
        assert!(months.rows.len() > caps.rows.len());
    }
}
