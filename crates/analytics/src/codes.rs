//! Per-row codes of a fixed set of rows, computed once, from which the table of any subset of
//! those rows is gathered without touching a string.
//!
//! Why: the server keeps every event in memory and builds an [`EventTable`] per filter. Building
//! one from rows ([`EventTable::from_rows`]) trims and interns every actor, area and source
//! name and scans every note for keyword cues; at 100,000 events that is most of an Analysis
//! view's time. [`RowCodes::new`] does that work once per data version (interned ids over the
//! whole set, the cues, the day/week/month indices); [`EventTable::from_codes`] then gathers a
//! subset's columns by index and renumbers the ids in the subset's first-seen order with
//! arrays, which is exactly what `from_rows` over the same rows produces (same ids, same
//! areas, actor families, display names and sides; a test compares the two on every column).

use crate::cues::{scan, Cues};
use crate::row::{sub_index, type_index, EventRow};
use crate::table::{
    day_index, family_display, family_side, month_index, order_by_day, week_index, AreaKey,
    EventTable, Family, Side, NONE,
};
use foldhash::HashMap;
use rasd_model::{actor_family, Inter};

/// The per-row codes of a set of rows (see the module documentation). Owned (it borrows
/// nothing), so it can be kept next to the rows it was built from; it is only meaningful with
/// those same rows, in the same order.
#[derive(Default)]
pub struct RowCodes {
    id: Vec<i64>,
    day: Vec<i32>,
    week: Vec<i32>,
    month: Vec<i32>,
    etype: Vec<u8>,
    sub: Vec<u8>,
    inter: Vec<[Option<Inter>; 2]>,
    fatalities: Vec<u32>,
    sources: Vec<u32>,
    /// Trimmed country name id per row.
    country: Vec<u32>,
    countries: Vec<String>,
    /// Admin1 "spelling" per row: the admin1 group (trimmed country id, trimmed admin1) and
    /// the area key as the first row of that spelling writes it (the key keeps the row's
    /// untrimmed country, as `from_rows` does).
    admin1: Vec<u32>,
    spellings: Vec<(u32, AreaKey)>,
    n_admin1: usize,
    /// Admin2 group (admin1 group, trimmed admin2) per row, and its trimmed name.
    admin2: Vec<u32>,
    admin2_names: Vec<String>,
    /// Trimmed actor name ids: actor1, actor2, assoc_actor_1, assoc_actor_2.
    actors: [Vec<u32>; 4],
    names: Vec<String>,
    /// Per name: its family (an id into `family_keys`) and its display name.
    name_family: Vec<u32>,
    display: Vec<String>,
    family_keys: Vec<String>,
    src_off: Vec<u32>,
    src: Vec<u32>,
    n_sources: usize,
    cues: Vec<Cues>,
}

impl std::fmt::Debug for RowCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowCodes")
            .field("rows", &self.len())
            .field("names", &self.names.len())
            .finish_non_exhaustive()
    }
}

/// Interns owned strings (trimmed, empty = none).
#[derive(Default)]
struct Owned {
    map: HashMap<String, u32>,
    list: Vec<String>,
}

impl Owned {
    fn id(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
            return NONE;
        };
        if let Some(&id) = self.map.get(s) {
            return id;
        }
        let id = self.list.len() as u32;
        self.map.insert(s.to_owned(), id);
        self.list.push(s.to_owned());
        id
    }
}

fn trimmed(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl RowCodes {
    /// Compute the codes of `rows` (cost: about one [`EventTable::from_rows`] over them plus
    /// the keyword scan of every row, in parallel).
    pub fn new(rows: &[EventRow]) -> RowCodes {
        let n = rows.len();
        let ((dates, areas), (actors, (sources, cues))) = rayon::join(
            || {
                rayon::join(
                    || {
                        let mut d = (
                            Vec::with_capacity(n),
                            Vec::with_capacity(n),
                            Vec::with_capacity(n),
                        );
                        for r in rows {
                            let day = day_index(r.event_date);
                            d.0.push(day);
                            d.1.push(week_index(day));
                            d.2.push(month_index(r.event_date));
                        }
                        d
                    },
                    || area_codes(rows),
                )
            },
            || {
                rayon::join(
                    || actor_codes(rows),
                    || {
                        rayon::join(
                            || crate::table::source_columns(rows.iter()),
                            || {
                                use rayon::prelude::*;
                                rows.par_iter().map(scan).collect::<Vec<Cues>>()
                            },
                        )
                    },
                )
            },
        );
        let (day, week, month) = dates;
        let (country, countries, admin1, spellings, n_admin1, admin2, admin2_names) = areas;
        let (actors, names, name_family, display, family_keys) = actors;
        let (src_off, src, n_sources) = sources;
        RowCodes {
            id: rows.iter().map(|r| r.id).collect(),
            day,
            week,
            month,
            etype: rows
                .iter()
                .map(|r| type_index(r.event_type) as u8)
                .collect(),
            sub: rows
                .iter()
                .map(|r| sub_index(r.sub_event_type) as u8)
                .collect(),
            inter: rows.iter().map(|r| [r.inter1, r.inter2]).collect(),
            fatalities: rows.iter().map(|r| r.fatalities).collect(),
            sources: rows.iter().map(|r| r.sources).collect(),
            country,
            countries,
            admin1,
            spellings,
            n_admin1,
            admin2,
            admin2_names,
            actors,
            names,
            name_family,
            display,
            family_keys,
            src_off,
            src,
            n_sources,
            cues,
        }
    }

    /// Number of rows coded.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    /// No rows.
    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }
}

type AreaCodes = (
    Vec<u32>,
    Vec<String>,
    Vec<u32>,
    Vec<(u32, AreaKey)>,
    usize,
    Vec<u32>,
    Vec<String>,
);

fn area_codes(rows: &[EventRow]) -> AreaCodes {
    let mut countries = Owned::default();
    let mut country = Vec::with_capacity(rows.len());
    let mut admin1 = Vec::with_capacity(rows.len());
    let mut admin2 = Vec::with_capacity(rows.len());
    let mut groups1: HashMap<(u32, &str), u32> = HashMap::default();
    let mut spelling_ids: HashMap<(u32, Option<&str>), u32> = HashMap::default();
    let mut spellings: Vec<(u32, AreaKey)> = Vec::new();
    let mut groups2: HashMap<(u32, &str), u32> = HashMap::default();
    let mut admin2_names: Vec<String> = Vec::new();
    for r in rows {
        let cid = countries.id(r.country.as_deref());
        country.push(cid);
        let Some(a1) = trimmed(&r.admin1) else {
            admin1.push(NONE);
            admin2.push(NONE);
            continue;
        };
        let next = groups1.len() as u32;
        let g1 = *groups1.entry((cid, a1)).or_insert(next);
        let next = spellings.len() as u32;
        let s = *spelling_ids
            .entry((g1, r.country.as_deref()))
            .or_insert_with(|| {
                spellings.push((
                    g1,
                    AreaKey {
                        country: r.country.clone().unwrap_or_default(),
                        admin1: a1.to_string(),
                        admin2: None,
                    },
                ));
                next
            });
        admin1.push(s);
        admin2.push(match trimmed(&r.admin2) {
            None => NONE,
            Some(a2) => {
                let next = admin2_names.len() as u32;
                *groups2.entry((g1, a2)).or_insert_with(|| {
                    admin2_names.push(a2.to_string());
                    next
                })
            }
        });
    }
    let n_admin1 = groups1.len();
    (
        country,
        countries.list,
        admin1,
        spellings,
        n_admin1,
        admin2,
        admin2_names,
    )
}

type ActorCodes = (
    [Vec<u32>; 4],
    Vec<String>,
    Vec<u32>,
    Vec<String>,
    Vec<String>,
);

fn actor_codes(rows: &[EventRow]) -> ActorCodes {
    let mut names = Owned::default();
    let mut cols: [Vec<u32>; 4] = std::array::from_fn(|_| Vec::with_capacity(rows.len()));
    for r in rows {
        for (col, name) in [&r.actor1, &r.actor2, &r.assoc_actor_1, &r.assoc_actor_2]
            .into_iter()
            .enumerate()
        {
            cols[col].push(names.id(name.as_deref()));
        }
    }
    let mut family_ids: HashMap<String, u32> = HashMap::default();
    let mut family_keys: Vec<String> = Vec::new();
    let mut name_family = Vec::with_capacity(names.list.len());
    let mut display = Vec::with_capacity(names.list.len());
    for name in &names.list {
        let key = actor_family(name);
        let next = family_keys.len() as u32;
        let id = *family_ids.entry(key.clone()).or_insert_with(|| {
            family_keys.push(key);
            next
        });
        name_family.push(id);
        display.push(family_display(name).to_string());
    }
    (cols, names.list, name_family, display, family_keys)
}

/// Renumbers ids of one space in first-seen order.
struct Renumber {
    map: Vec<u32>,
    next: u32,
}

impl Renumber {
    fn new(n: usize) -> Renumber {
        Renumber {
            map: vec![NONE; n],
            next: 0,
        }
    }

    /// The new id of `id` and whether it was first seen now.
    fn id(&mut self, id: u32) -> (u32, bool) {
        if id == NONE {
            return (NONE, false);
        }
        match self.map[id as usize] {
            NONE => {
                let new = self.next;
                self.map[id as usize] = new;
                self.next += 1;
                (new, true)
            }
            new => (new, false),
        }
    }
}

type GatheredAreas = (
    Vec<u32>,
    Vec<String>,
    Vec<u32>,
    Vec<AreaKey>,
    Vec<u32>,
    Vec<AreaKey>,
);

/// Country, admin1 and admin2 ids of the picked rows, renumbered in first-seen order, and the
/// countries and areas in that order.
fn gather_areas(codes: &RowCodes, pick: &[u32]) -> GatheredAreas {
    let mut countries = Renumber::new(codes.countries.len());
    let mut country_list = Vec::new();
    let mut groups1 = Renumber::new(codes.n_admin1);
    let mut admin1s: Vec<AreaKey> = Vec::new();
    let mut groups2 = Renumber::new(codes.admin2_names.len());
    let mut admin2s: Vec<AreaKey> = Vec::new();
    let n = pick.len();
    let (mut country, mut admin1, mut admin2) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for &p in pick {
        let p = p as usize;
        let (c, new) = countries.id(codes.country[p]);
        if new {
            country_list.push(codes.countries[codes.country[p] as usize].clone());
        }
        country.push(c);
        let a1 = match codes.admin1[p] {
            NONE => NONE,
            s => {
                let (g, key) = &codes.spellings[s as usize];
                let (a1, new) = groups1.id(*g);
                if new {
                    admin1s.push(key.clone());
                }
                a1
            }
        };
        admin1.push(a1);
        let a2 = match codes.admin2[p] {
            NONE => NONE,
            b => {
                let (a2, new) = groups2.id(b);
                if new {
                    let mut key = admin1s[a1 as usize].clone();
                    key.admin2 = Some(codes.admin2_names[b as usize].clone());
                    admin2s.push(key);
                }
                a2
            }
        };
        admin2.push(a2);
    }

    (country, country_list, admin1, admin1s, admin2, admin2s)
}

type GatheredActors<'a> = ([Vec<u32>; 4], [Vec<u32>; 2], Vec<&'a str>, Vec<Family>);

/// Actor name ids (actor1, actor2, assoc1, assoc2) and actor1/actor2 family ids of the picked
/// rows; names and families in first-seen order.
fn gather_actors<'a>(codes: &'a RowCodes, pick: &[u32]) -> GatheredActors<'a> {
    let n = pick.len();
    // Actors: names in first-seen order (actor1, actor2, assoc1, assoc2 of each row), the
    // first inter code seen with each, then families in the order of their first name.
    let mut names = Renumber::new(codes.names.len());
    let mut name_list: Vec<u32> = Vec::new();
    let mut name_inter: Vec<Option<Inter>> = Vec::new();
    let mut cols: [Vec<u32>; 4] = std::array::from_fn(|_| Vec::with_capacity(n));
    for &p in pick {
        let p = p as usize;
        let inter = codes.inter[p];
        for (col, out) in cols.iter_mut().enumerate() {
            let base = codes.actors[col][p];
            let (id, new) = names.id(base);
            if id != NONE {
                let inter = if col < 2 { inter[col] } else { None };
                if new {
                    name_list.push(base);
                    name_inter.push(inter);
                } else if name_inter[id as usize].is_none() {
                    name_inter[id as usize] = inter;
                }
            }
            out.push(id);
        }
    }
    let mut fams = Renumber::new(codes.family_keys.len());
    let mut families: Vec<Family> = Vec::new();
    let mut name_family = Vec::with_capacity(name_list.len());
    for (i, &base) in name_list.iter().enumerate() {
        let fk = codes.name_family[base as usize];
        let (id, new) = fams.id(fk);
        if new {
            let key = codes.family_keys[fk as usize].clone();
            let side = family_side(&key, name_inter[i]);
            families.push(Family {
                key,
                name: codes.display[base as usize].clone(),
                side,
            });
        }
        if families[id as usize].side == Side::Unknown {
            families[id as usize].side = Side::from_inter(name_inter[i]);
        }
        name_family.push(id);
    }
    let fam = |&id: &u32| {
        if id == NONE {
            NONE
        } else {
            name_family[id as usize]
        }
    };

    let fam1 = cols[0].iter().map(fam).collect();
    let fam2 = cols[1].iter().map(fam).collect();
    let names = name_list
        .iter()
        .map(|&b| codes.names[b as usize].as_str())
        .collect();
    (cols, [fam1, fam2], names, families)
}

/// Source ids of the picked rows (offsets, ids, renumbered) and how many distinct.
fn gather_sources(codes: &RowCodes, pick: &[u32]) -> (Vec<u32>, Vec<u32>, usize) {
    let n = pick.len();
    let mut sources = Renumber::new(codes.n_sources);
    let mut src_off = Vec::with_capacity(n + 1);
    let mut src = Vec::with_capacity(n);
    src_off.push(0);
    for &p in pick {
        let p = p as usize;
        for &s in &codes.src[codes.src_off[p] as usize..codes.src_off[p + 1] as usize] {
            src.push(sources.id(s).0);
        }
        src_off.push(src.len() as u32);
    }

    (src_off, src, sources.next as usize)
}

impl<'a> EventTable<'a> {
    /// The table of the rows `pick` (positions into `rows`, ascending) from codes computed once
    /// over all of `rows` ([`RowCodes::new`]): the same table as [`EventTable::from_rows`]
    /// over those rows in that order, without reading a string (the columns are gathered by
    /// index and the ids renumbered in the subset's first-seen order; the cues come scanned).
    ///
    /// # Panics
    /// When `codes` were not computed over `rows` (lengths differ) or a position is out of
    /// range.
    pub fn from_codes(codes: &'a RowCodes, rows: &'a [EventRow], pick: &[u32]) -> Self {
        assert_eq!(codes.len(), rows.len(), "codes of other rows");
        let gather = |col: &[i32]| pick.iter().map(|&p| col[p as usize]).collect::<Vec<i32>>();
        let gather_u32 = |col: &[u32]| pick.iter().map(|&p| col[p as usize]).collect::<Vec<u32>>();
        let gather_u8 = |col: &[u8]| pick.iter().map(|&p| col[p as usize]).collect::<Vec<u8>>();
        let day = gather(&codes.day);
        let by_day = order_by_day(&day);

        let (((country, countries, admin1, admin1s, admin2, admin2s), actors), (sources, rows)) =
            rayon::join(
                || rayon::join(|| gather_areas(codes, pick), || gather_actors(codes, pick)),
                || {
                    rayon::join(
                        || gather_sources(codes, pick),
                        || pick.iter().map(|&p| &rows[p as usize]).collect::<Vec<_>>(),
                    )
                },
            );
        let ([name1, name2, assoc1, assoc2], [fam1, fam2], names, families) = actors;
        let (src_off, src, n_sources) = sources;
        let cues = std::sync::OnceLock::new();
        let _ = cues.set(pick.iter().map(|&p| codes.cues[p as usize]).collect());
        EventTable {
            id: pick.iter().map(|&p| codes.id[p as usize]).collect(),
            rows,
            week: gather(&codes.week),
            month: gather(&codes.month),
            day,
            etype: gather_u8(&codes.etype),
            sub: gather_u8(&codes.sub),
            inter: pick.iter().map(|&p| codes.inter[p as usize]).collect(),
            fatalities: gather_u32(&codes.fatalities),
            sources: gather_u32(&codes.sources),
            cues,
            country,
            admin1,
            admin2,
            fam1,
            fam2,
            name1,
            name2,
            assoc1,
            assoc2,
            src_off,
            src,
            by_day,
            countries,
            admin1s,
            admin2s,
            names,
            families,
            n_sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rasd_model::SubEventType::{self, *};

    /// Every column and dictionary of two tables, compared one by one (a failure names it).
    fn assert_same(a: &EventTable<'_>, b: &EventTable<'_>, what: &str) {
        let ids = |t: &EventTable<'_>| t.rows.iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(a), ids(b), "{what}: rows");
        assert_eq!(ids(a), a.id, "{what}: id column");
        assert_eq!(a.id, b.id, "{what}: id");
        assert_eq!(a.day, b.day, "{what}: day");
        assert_eq!(a.week, b.week, "{what}: week");
        assert_eq!(a.month, b.month, "{what}: month");
        assert_eq!(a.etype, b.etype, "{what}: etype");
        assert_eq!(a.sub, b.sub, "{what}: sub");
        assert_eq!(a.inter, b.inter, "{what}: inter");
        assert_eq!(a.fatalities, b.fatalities, "{what}: fatalities");
        assert_eq!(a.sources, b.sources, "{what}: sources");
        assert_eq!(a.cues(), b.cues(), "{what}: cues");
        assert_eq!(a.country, b.country, "{what}: country");
        assert_eq!(a.admin1, b.admin1, "{what}: admin1");
        assert_eq!(a.admin2, b.admin2, "{what}: admin2");
        assert_eq!(a.name1, b.name1, "{what}: name1");
        assert_eq!(a.name2, b.name2, "{what}: name2");
        assert_eq!(a.assoc1, b.assoc1, "{what}: assoc1");
        assert_eq!(a.assoc2, b.assoc2, "{what}: assoc2");
        assert_eq!(a.fam1, b.fam1, "{what}: fam1");
        assert_eq!(a.fam2, b.fam2, "{what}: fam2");
        assert_eq!(a.src_off, b.src_off, "{what}: src_off");
        assert_eq!(a.src, b.src, "{what}: src");
        assert_eq!(a.by_day, b.by_day, "{what}: by_day");
        assert_eq!(a.countries, b.countries, "{what}: countries");
        assert_eq!(a.admin1s, b.admin1s, "{what}: admin1s");
        assert_eq!(a.admin2s, b.admin2s, "{what}: admin2s");
        assert_eq!(a.names, b.names, "{what}: names");
        assert_eq!(a.families, b.families, "{what}: families");
        assert_eq!(a.n_sources, b.n_sources, "{what}: n_sources");
    }

    /// Rows with the awkward cases of interning: padded and blank names, a country spelt with
    /// and without spaces, admin2 without admin1, namesake admin1 in two countries, dated actor
    /// names of one family, a name first seen without an inter code, blank sources, cue words.
    fn rows() -> Vec<EventRow> {
        let day = |k: u64| {
            NaiveDate::from_ymd_opt(2019, 1, 1).unwrap() + chrono::Days::new((k * 37) % 900)
        };
        let subs: [SubEventType; 6] = [
            ArmedClash,
            Attack,
            RemoteExplosiveLandmineIed,
            AirDroneStrike,
            NonStateActorOvertakesTerritory,
            Arrests,
        ];
        let countries = [
            Some("Mali"),
            Some(" Mali "),
            Some("Niger"),
            None,
            Some("  "),
        ];
        let admin1s = [
            Some("Mopti"),
            Some(" Mopti"),
            Some("Tillaberi"),
            None,
            Some(""),
        ];
        let admin2s = [Some("Bankass"), Some("Bankass "), Some("Ouallam"), None];
        let actors = [
            Some("Military Forces of Mali (2013-)"),
            Some("Military Forces of Mali (2021-) Gendarmerie"),
            Some(" JNIM: Group for Support of Islam and Muslims"),
            Some("Islamic State (Greater Sahara)"),
            Some("Civilians (Mali)"),
            Some("Civilians (Germany)"),
            Some("Police Forces of Niger (2021-)"),
            Some("   "),
            None,
        ];
        let notes = [
            Some("an IED struck the convoy near the camp"),
            Some("des drones de surveillance ont survolé"),
            Some("انفجار سيارة مفخخة قرب معسكر"),
            Some("jihadists imposed zakat and a blockade"),
            None,
        ];
        let outlets = [&["RFI", " AFP"][..], &["", "RFI"], &[], &["Studio Tamani"]];
        (0..400u64)
            .map(|k| {
                let i = k as usize;
                let mut r = EventRow::new(k as i64 + 1, day(k), subs[i % subs.len()]);
                r.country = countries[i % 5].map(str::to_string);
                r.admin1 = admin1s[(i / 3) % 5].map(str::to_string);
                r.admin2 = admin2s[(i / 7) % 4].map(str::to_string);
                r.actor1 = actors[(i * 5 + 1) % 9].map(str::to_string);
                r.actor2 = actors[(i * 7 + 3) % 9].map(str::to_string);
                r.assoc_actor_1 = actors[(i * 3) % 9].map(str::to_string);
                r.assoc_actor_2 = actors[(i / 2) % 9].map(str::to_string);
                // Inter codes appear only on some rows, so some names are seen first without.
                r.inter1 = (!i.is_multiple_of(3)).then_some(((i % 8) + 1) as u8);
                r.inter2 = (i % 4 == 1).then_some((((i / 4) % 8) + 1) as u8);
                r.fatalities = (k % 13) as u32;
                r.notes = notes[i % 5].map(str::to_string);
                if i.is_multiple_of(11) {
                    r.tags.push("base_abandoned".into());
                }
                r.source_names = outlets[i % 4].iter().map(|s| s.to_string()).collect();
                r.sources = 1 + (i % 3) as u32;
                r
            })
            .collect()
    }

    #[test]
    fn a_table_from_codes_is_the_table_from_rows() {
        let all = rows();
        let codes = RowCodes::new(&all);
        let n = all.len() as u32;
        let picks: Vec<(&str, Vec<u32>)> = vec![
            ("every row", (0..n).collect()),
            ("none", Vec::new()),
            ("one", vec![17]),
            ("every third", (0..n).step_by(3).collect()),
            ("the second half", (n / 2..n).collect()),
            (
                "scattered",
                (0..n).filter(|k| (k * 7919) % 13 < 4).collect(),
            ),
        ];
        for (what, pick) in &picks {
            let refs: Vec<&EventRow> = pick.iter().map(|&p| &all[p as usize]).collect();
            let from_rows = EventTable::from_rows(refs);
            let from_codes = EventTable::from_codes(&codes, &all, pick);
            assert_same(&from_rows, &from_codes, what);
        }
        // The cases above are really there: padded spellings, one family with two dated
        // names, a family whose side comes from a later name.
        let t = EventTable::new(&all);
        assert!(t.admin1s.iter().any(|a| a.country == " Mali "));
        assert!(t
            .families
            .iter()
            .any(|f| f.key == "military forces of mali"));
        assert!(t.names.len() > t.families.len());
    }

    #[test]
    fn analyses_agree_on_a_table_from_codes() {
        let all = rows();
        let codes = RowCodes::new(&all);
        let pick: Vec<u32> = (0..all.len() as u32).filter(|k| k % 5 != 2).collect();
        let refs: Vec<&EventRow> = pick.iter().map(|&p| &all[p as usize]).collect();
        let a = EventTable::from_rows(refs);
        let b = EventTable::from_codes(&codes, &all, &pick);
        let cfg = crate::WarningConfig {
            min_history_weeks: 4,
            spread_months: 2,
            ..Default::default()
        };
        let (wa, wb) = (a.early_warning(&cfg), b.early_warning(&cfg));
        assert!(!wa.monitored.is_empty());
        assert_eq!(wa, wb);
        let (ca, cb) = (
            a.control(&crate::ControlConfig::default()),
            b.control(&crate::ControlConfig::default()),
        );
        assert!(!ca.is_empty());
        assert_eq!(ca, cb);
        let cfg = crate::CapabilityConfig::default();
        let (pa, pb) = (a.capabilities(&cfg), b.capabilities(&cfg));
        assert!(!pa.rows.is_empty());
        assert_eq!(pa, pb);
        let f = crate::Filter::default();
        assert_eq!(
            a.series(&f, crate::Interval::Week),
            b.series(&f, crate::Interval::Week)
        );
    }
}
