//! A territorial control and influence **indicator** per admin2 area and month.
//!
//! This is an indicator built from reported events, not a map of control: events reveal who
//! acts where, and some kinds of event reveal more about control than others. Absence of
//! reports is not absence of control, and a group that rules quietly generates few events.
//!
//! # Construction
//! Each event adds a signed weight to one or two actors (the state side is one actor, "State
//! forces"; each identified armed non-state family is its own; unidentified groups, civilians,
//! protesters and rioters are left out):
//!
//! | evidence | to whom | default weight |
//! |---|---|---|
//! | Non-state actor overtakes territory | actor1 / actor2 | +3 / -1.5 |
//! | Government regains territory | actor1 / actor2 | +3 / -1.5 |
//! | Non-violent transfer of territory | actor1 (a withdrawal cue: -2.5) | +2.5 |
//! | Headquarters or base established | actor1 (an abandonment cue or tag: -2.5) | +2.5 |
//! | Change to group/activity with an abandonment cue | actor1 | -2.5 |
//! | Blockade or siege (tag or notes) | actor1 | +1.5 |
//! | Taxation, zakat, extortion (tag or notes) | actor1 | +2 |
//! | Governance: agreement with communities, courts, sharia, preaching, truces | actor1 | +2 |
//! | State-initiated battle | state | +1 |
//! | Arrest by state forces | state | +0.75 |
//! | Patrol by state forces (notes) | state | +0.5 |
//! | Any other violent event an armed actor initiates | actor1 | +0.5 |
//!
//! Scores carry forward month to month with a decay (default 0.8, a half-life of about three
//! months), so a month without events keeps the previous picture, weakened, instead of going
//! blank; negative totals are clamped at zero. The month's label: "no signal" when the scores
//! sum to less than `min_signal`; "`<actor>` influence" when one actor holds at least
//! `dominance` (default 60%) of the total; "contested" otherwise. Each cell lists the events
//! that contributed that month with their weights, and the share of that month's violent events
//! each actor initiated.

use crate::cues::Cue;
use crate::table::{month_start, AreaKey, EventTable, Side, NONE};
use rasd_model::{EventType, SubEventType};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Why an event counts (see the module table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Overtakes,
    LostTerritory,
    Regains,
    Transfer,
    Withdrawal,
    BaseEstablished,
    BaseAbandoned,
    Blockade,
    Taxation,
    Governance,
    StateBattle,
    Arrest,
    Patrol,
    Violence,
}

/// Weights and label thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ControlConfig {
    pub territory: f64,
    pub transfer: f64,
    pub base: f64,
    pub blockade: f64,
    pub taxation: f64,
    pub governance: f64,
    pub state_battle: f64,
    pub arrest: f64,
    pub patrol: f64,
    pub violence: f64,
    /// Monthly carry-forward factor (0-1).
    pub decay: f64,
    /// Minimum total score for any label.
    pub min_signal: f64,
    /// Share of the total one actor needs for "`<actor>` influence".
    pub dominance: f64,
    /// Count external forces (inter 8: Barkhane, MINUSMA, Wagner / Africa Corps) on the
    /// state side: in the Sahel they fight alongside or in place of national armies.
    pub external_with_state: bool,
}

impl Default for ControlConfig {
    fn default() -> Self {
        ControlConfig {
            territory: 3.0,
            transfer: 2.5,
            base: 2.5,
            blockade: 1.5,
            taxation: 2.0,
            governance: 2.0,
            state_battle: 1.0,
            arrest: 0.75,
            patrol: 0.5,
            violence: 0.5,
            decay: 0.8,
            min_signal: 1.0,
            dominance: 0.6,
            external_with_state: true,
        }
    }
}

/// An actor's score in a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorScore {
    /// "State forces" or the family's display name.
    pub actor: String,
    pub state: bool,
    pub score: f64,
}

/// One event's part in a cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub event_id: i64,
    pub actor: String,
    pub reason: Reason,
    pub weight: f64,
}

/// The label of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "actor", rename_all = "snake_case")]
pub enum ControlLabel {
    NoSignal,
    Contested,
    StateInfluence,
    /// A non-state group's influence (its short name: "JNIM").
    GroupInfluence(String),
}

impl std::fmt::Display for ControlLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ControlLabel::NoSignal => f.write_str("no signal"),
            ControlLabel::Contested => f.write_str("contested"),
            ControlLabel::StateInfluence => f.write_str("state influence"),
            ControlLabel::GroupInfluence(g) => write!(f, "{g} influence"),
        }
    }
}

/// The indicator for one admin2 area and month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlCell {
    pub area: AreaKey,
    /// First day of the month.
    pub month: chrono::NaiveDate,
    /// Highest first; actors whose decayed score fell below 0.01 are dropped.
    pub scores: Vec<ActorScore>,
    pub dominant: Option<String>,
    pub label: ControlLabel,
    /// Share of the month's violent events in the area each actor initiated (actor1).
    pub violence_share: Vec<(String, f64)>,
    /// The month's events that moved the scores.
    pub contributions: Vec<Contribution>,
}

/// The state side's pseudo-family id.
const STATE: u32 = u32::MAX - 1;

impl EventTable<'_> {
    fn control_actor(&self, fam: u32, side: Side, cfg: &ControlConfig) -> Option<u32> {
        match side {
            Side::State => Some(STATE),
            Side::External if cfg.external_with_state => Some(STATE),
            Side::NonState | Side::External
                if fam != NONE && self.families[fam as usize].identified() =>
            {
                Some(fam)
            }
            _ => None,
        }
    }

    fn actor_name(&self, a: u32) -> String {
        if a == STATE {
            "State forces".to_string()
        } else {
            self.families[a as usize].name.clone()
        }
    }

    /// The contributions of event `i`: `(actor, reason, weight)`.
    fn contributions(&self, i: usize, cfg: &ControlConfig, out: &mut Vec<(u32, Reason, f64)>) {
        out.clear();
        let a1 = self.control_actor(self.fam1[i], self.side1(i), cfg);
        let a2 = self.control_actor(self.fam2[i], self.side2(i), cfg);
        let sub = self.sub_type(i);
        let cues = self.cues()[i];
        let abandon = cues.has(Cue::Abandon);
        let Some(a1) = a1 else {
            return;
        };
        let mut push = |a: u32, r: Reason, w: f64| out.push((a, r, w));
        match sub {
            SubEventType::NonStateActorOvertakesTerritory
            | SubEventType::GovernmentRegainsTerritory => {
                let r = if sub == SubEventType::GovernmentRegainsTerritory {
                    Reason::Regains
                } else {
                    Reason::Overtakes
                };
                push(a1, r, cfg.territory);
                if let Some(a2) = a2.filter(|&a2| a2 != a1) {
                    push(a2, Reason::LostTerritory, -cfg.territory / 2.0);
                }
            }
            SubEventType::NonViolentTransferOfTerritory => {
                if abandon {
                    push(a1, Reason::Withdrawal, -cfg.transfer);
                } else {
                    push(a1, Reason::Transfer, cfg.transfer);
                }
            }
            SubEventType::HeadquartersOrBaseEstablished => {
                if abandon {
                    push(a1, Reason::BaseAbandoned, -cfg.base);
                } else {
                    push(a1, Reason::BaseEstablished, cfg.base);
                }
            }
            SubEventType::ChangeToGroupActivity if abandon => {
                push(a1, Reason::BaseAbandoned, -cfg.base);
            }
            SubEventType::Agreement if a1 != STATE => {
                push(a1, Reason::Governance, cfg.governance);
            }
            SubEventType::Arrests if a1 == STATE => push(a1, Reason::Arrest, cfg.arrest),
            _ => {}
        }
        if cues.has(Cue::Blockade) {
            push(a1, Reason::Blockade, cfg.blockade);
        }
        if cues.has(Cue::Taxation) {
            push(a1, Reason::Taxation, cfg.taxation);
        }
        if cues.has(Cue::Governance) && sub != SubEventType::Agreement && a1 != STATE {
            push(a1, Reason::Governance, cfg.governance);
        }
        if cues.has(Cue::Patrol) && a1 == STATE {
            push(a1, Reason::Patrol, cfg.patrol);
        }
        let territorial = matches!(
            sub,
            SubEventType::NonStateActorOvertakesTerritory
                | SubEventType::GovernmentRegainsTerritory
        );
        if self.is_violent(i) && !territorial {
            let battle = EventType::ALL[self.etype[i] as usize] == EventType::Battles;
            if a1 == STATE && battle {
                push(a1, Reason::StateBattle, cfg.state_battle);
            } else {
                push(a1, Reason::Violence, cfg.violence);
            }
        }
    }

    /// The control indicator for every admin2 area, month by month from the area's first
    /// contributing event to the table's last month (in parallel across areas). Sorted by area,
    /// then month.
    pub fn control(&self, cfg: &ControlConfig) -> Vec<ControlCell> {
        self.control_between(cfg, None, None)
    }

    /// The indicator for the months of `from..=to` only. Scores still carry forward from all
    /// earlier events (the same values as [`EventTable::control`]); events after `to` are not
    /// read. Cheaper when only a few months are wanted (a situation report).
    pub fn control_between(
        &self,
        cfg: &ControlConfig,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Vec<ControlCell> {
        let Some((_, last)) = self.date_range() else {
            return Vec::new();
        };
        let last_month = crate::table::month_index(to.map_or(last, |t| t.min(last)));
        let emit_from = from.map_or(i32::MIN, crate::table::month_index);
        let groups = self.by_admin2();
        // Scan the cues here, outside the parallel loop: a rayon worker that waited for a scan
        // started elsewhere (a table shared by several requests) would hold a thread the scan
        // needs, and the pool could deadlock.
        self.cues();
        let mut cells: Vec<ControlCell> = (0..groups.len())
            .into_par_iter()
            .flat_map_iter(|g| self.control_area(g, groups.get(g), (emit_from, last_month), cfg))
            .collect();
        cells.sort_by(|a, b| (&a.area, a.month).cmp(&(&b.area, b.month)));
        cells
    }

    fn control_area(
        &self,
        g: usize,
        rows: &[u32],
        (emit_from, last_month): (i32, i32),
        cfg: &ControlConfig,
    ) -> Vec<ControlCell> {
        let mut out = Vec::new();
        let mut scores: Vec<(u32, f64)> = Vec::new();
        let mut buf = Vec::new();
        let mut k = 0;
        let mut month = match rows.first() {
            Some(&i) => self.month[i as usize],
            None => return out,
        };
        let mut started = false;
        while month <= last_month {
            for s in &mut scores {
                s.1 *= cfg.decay;
            }
            let emit = month >= emit_from;
            let mut contributions = Vec::new();
            let mut contributed = false;
            let mut initiated: Vec<(u32, u32)> = Vec::new();
            let mut violent = 0u32;
            while k < rows.len() && self.month[rows[k] as usize] == month {
                let i = rows[k] as usize;
                k += 1;
                self.contributions(i, cfg, &mut buf);
                for &(a, reason, w) in &buf {
                    match scores.iter_mut().find(|s| s.0 == a) {
                        Some(s) => s.1 += w,
                        None => scores.push((a, w)),
                    }
                    contributed = true;
                    if emit {
                        contributions.push(Contribution {
                            event_id: self.id[i],
                            actor: self.actor_name(a),
                            reason,
                            weight: w,
                        });
                    }
                }
                if self.is_violent(i) {
                    violent += 1;
                    if let Some(a) = self.control_actor(self.fam1[i], self.side1(i), cfg) {
                        match initiated.iter_mut().find(|x| x.0 == a) {
                            Some(x) => x.1 += 1,
                            None => initiated.push((a, 1)),
                        }
                    }
                }
            }
            for s in &mut scores {
                s.1 = s.1.max(0.0);
            }
            scores.retain(|s| s.1 >= 0.01);
            started |= contributed;
            if started && emit {
                scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                let total: f64 = scores.iter().map(|s| s.1).sum();
                let (label, dominant) = match scores.first() {
                    _ if total < cfg.min_signal => (ControlLabel::NoSignal, None),
                    Some(&(a, s)) if s / total >= cfg.dominance => {
                        let label = if a == STATE {
                            ControlLabel::StateInfluence
                        } else {
                            ControlLabel::GroupInfluence(self.families[a as usize].short())
                        };
                        (label, Some(self.actor_name(a)))
                    }
                    Some(&(a, _)) => (ControlLabel::Contested, Some(self.actor_name(a))),
                    None => (ControlLabel::NoSignal, None),
                };
                out.push(ControlCell {
                    area: self.admin2s[g].clone(),
                    month: month_start(month),
                    scores: scores
                        .iter()
                        .map(|&(a, s)| ActorScore {
                            actor: self.actor_name(a),
                            state: a == STATE,
                            score: s,
                        })
                        .collect(),
                    dominant,
                    label,
                    violence_share: initiated
                        .iter()
                        .map(|&(a, n)| (self.actor_name(a), n as f64 / violent.max(1) as f64))
                        .collect(),
                    contributions,
                });
            }
            month += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventRow;
    use chrono::NaiveDate;
    use rasd_model::SubEventType::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
    const FAMA: &str = "Military Forces of Mali (2013-)";

    fn at(r: EventRow) -> EventRow {
        r.at("Mali", "Mopti", "Djenne")
    }

    fn story() -> Vec<EventRow> {
        vec![
            // January: the army patrols and clashes: state influence.
            at(EventRow::new(1, d("2020-01-05"), ArmedClash)
                .actor1(FAMA, 1)
                .actor2(JNIM, 2)
                .notes("During a patrol, FAMa clashed with JNIM militants.")),
            // March: JNIM establishes a base and taxes herders.
            at(EventRow::new(2, d("2020-03-02"), HeadquartersOrBaseEstablished).actor1(JNIM, 2)),
            at(
                EventRow::new(3, d("2020-03-20"), LootingPropertyDestruction)
                    .actor1(JNIM, 2)
                    .actor2("Civilians (Mali)", 7)
                    .notes("JNIM militants collected zakat from herders."),
            ),
            // June: the state retakes the town.
            at(
                EventRow::new(4, d("2020-06-10"), GovernmentRegainsTerritory)
                    .actor1(FAMA, 1)
                    .actor2(JNIM, 2),
            ),
            at(
                EventRow::new(5, d("2020-06-11"), HeadquartersOrBaseEstablished)
                    .actor1(JNIM, 2)
                    .tag("base_abandoned"),
            ),
        ]
    }

    fn label_at(cells: &[ControlCell], month: &str) -> ControlLabel {
        cells
            .iter()
            .find(|c| c.month == d(month))
            .map(|c| c.label.clone())
            .unwrap()
    }

    #[test]
    fn shared_table_control_and_capabilities_at_once_do_not_deadlock() {
        // Two threads outside rayon (a server's requests) analyse one table at once: the one
        // that scans the cues uses the pool, so no pool worker may wait for that scan.
        let rows: Vec<EventRow> = (0..4000)
            .map(|i| {
                let sub = if i % 2 == 0 {
                    Attack
                } else {
                    RemoteExplosiveLandmineIed
                };
                EventRow::new(i, d("2020-01-01") + chrono::Days::new(i as u64 % 700), sub)
                    .at("Mali", "Mopti", &format!("District {}", i % 97))
                    .actor1(JNIM, 2)
                    .actor2("Civilians (Mali)", 7)
                    .notes("Militants set up a checkpoint and collected zakat from the villagers.")
            })
            .collect();
        let rows: &'static [EventRow] = Box::leak(rows.into_boxed_slice());
        let table: &'static EventTable<'static> = Box::leak(Box::new(EventTable::new(rows)));
        let (tx, rx) = std::sync::mpsc::channel();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            let n = table
                .capabilities(&crate::CapabilityConfig::default())
                .rows
                .len();
            tx.send(("capabilities", n)).unwrap();
        });
        std::thread::spawn(move || {
            let n = table.control(&ControlConfig::default()).len();
            tx2.send(("control", n)).unwrap();
        });
        for _ in 0..2 {
            let (what, n) = rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .expect("both analyses finish");
            assert!(n > 0, "{what}: no output");
        }
    }

    #[test]
    fn label_follows_base_taxation_and_state_retaking() {
        let rows = story();
        let t = EventTable::new(&rows);
        let cells = t.control(&ControlConfig::default());
        assert_eq!(cells.first().unwrap().month, d("2020-01-01"));
        assert_eq!(cells.last().unwrap().month, d("2020-06-01"));
        // January: state battle 1 + patrol 0.5 vs nothing for JNIM (it did not initiate).
        assert_eq!(label_at(&cells, "2020-01-01"), ControlLabel::StateInfluence);
        // A window gives the same cells for its months.
        let window = t.control_between(
            &ControlConfig::default(),
            Some(d("2020-03-15")),
            Some(d("2020-05-31")),
        );
        let months: Vec<NaiveDate> = window.iter().map(|c| c.month).collect();
        assert_eq!(
            months,
            vec![d("2020-03-01"), d("2020-04-01"), d("2020-05-01")]
        );
        assert_eq!(window[..], cells[2..5]);
        // February: no events; the state picture carries forward, weakened.
        let feb = cells.iter().find(|c| c.month == d("2020-02-01")).unwrap();
        assert!(feb.contributions.is_empty());
        assert!((feb.scores[0].score - 1.5 * 0.8).abs() < 1e-9);
        assert_eq!(feb.label, ControlLabel::StateInfluence);
        // March: base + zakat: JNIM influence, with the two events and their weights.
        let mar = cells.iter().find(|c| c.month == d("2020-03-01")).unwrap();
        assert_eq!(mar.label, ControlLabel::GroupInfluence("JNIM".into()));
        assert_eq!(mar.label.to_string(), "JNIM influence");
        assert_eq!(mar.dominant.as_deref(), Some(JNIM));
        let reasons: Vec<(i64, Reason)> = mar
            .contributions
            .iter()
            .map(|c| (c.event_id, c.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![(2, Reason::BaseEstablished), (3, Reason::Taxation)],
            "looting is not a violent event type: no violence weight"
        );
        // June: the state regains the town and JNIM abandons its base.
        let jun = cells.iter().find(|c| c.month == d("2020-06-01")).unwrap();
        assert_eq!(jun.label, ControlLabel::StateInfluence, "{jun:?}");
        assert!(jun
            .contributions
            .iter()
            .any(|c| c.event_id == 5 && c.reason == Reason::BaseAbandoned && c.weight < 0.0));
    }

    #[test]
    fn contested_when_no_one_dominates_and_violence_shares_add_up() {
        let mut rows = vec![];
        for k in 0..5 {
            rows.push(at(EventRow::new(k, d("2020-01-05"), ArmedClash)
                .actor1(FAMA, 1)
                .actor2(JNIM, 2)));
        }
        for k in 0..4 {
            rows.push(at(EventRow::new(10 + k, d("2020-01-06"), Attack)
                .actor1(JNIM, 2)
                .actor2("Civilians (Mali)", 7)));
        }
        // 5 x 1.0 for the state vs 4 x 0.5 for JNIM: 71% state -> state influence; add JNIM
        // taxation (+2) and the state holds 56%: contested.
        let t = EventTable::new(&rows);
        let c = &t.control(&ControlConfig::default())[0];
        assert_eq!(c.label, ControlLabel::StateInfluence);
        let shares: f64 = c.violence_share.iter().map(|s| s.1).sum();
        assert!((shares - 1.0).abs() < 1e-9);
        rows.push(at(EventRow::new(99, d("2020-01-20"), Other)
            .actor1(JNIM, 2)
            .tag("taxation")));
        let t = EventTable::new(&rows);
        let c = &t.control(&ControlConfig::default())[0];
        assert_eq!(c.label, ControlLabel::Contested);
        assert_eq!(c.dominant.as_deref(), Some("State forces"));
    }
}
