//! The columnar event table every analysis runs on.
//!
//! Rows arrive as owned structs ([`EventRow`]); analyses need integer columns they can scan
//! without touching a string: the day, ISO-week and month index of each event, its type as a
//! byte, and interned ids for its areas, actors, actor families and sources. Building the
//! table interns each distinct string once (a hash map keyed by borrowed `&str`, so no string
//! is copied per event) and sorts the row indices by date once; every later grouping (per
//! area, per actor family) is a counting sort of that order, so each group's events come out
//! already in date order.

use crate::cues::{scan, Cues};
use crate::row::{sub_index, type_index, EventRow};
use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;
use rasd_model::{actor_family, EventType, Inter, SubEventType};
use serde::{Deserialize, Serialize};

/// "No value" in an id column.
pub(crate) const NONE: u32 = u32::MAX;

/// Day index of a date (days from the common era; 0001-01-01, a Monday, is day 1).
pub(crate) fn day_index(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// Date of a day index.
pub(crate) fn day_date(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MIN)
}

/// ISO-week index (weeks start on Monday, as ISO 8601 weeks do): consecutive integers, so a
/// weekly series is a plain array and "52 weeks before" is a subtraction.
pub(crate) fn week_index(day: i32) -> i32 {
    (day - 1).div_euclid(7)
}

/// The Monday that starts a week index.
pub(crate) fn week_start(week: i32) -> NaiveDate {
    day_date(week * 7 + 1)
}

/// Month index: `year * 12 + month0`.
pub(crate) fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// The first day of a month index.
pub(crate) fn month_start(month: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(NaiveDate::MIN)
}

/// The month label of a date, `2019-03`.
pub fn month_label(d: NaiveDate) -> String {
    format!("{}-{:02}", d.year(), d.month())
}

/// The ISO week label of a date, `2019-W12`.
pub fn iso_week_label(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Which side of a conflict an actor family is on, from its ACLED inter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// State forces (inter 1).
    State,
    /// External forces (inter 8): Barkhane, MINUSMA, Wagner / Africa Corps.
    External,
    /// Armed non-state groups: rebels, political and identity militias (inter 2-4).
    NonState,
    /// Rioters, protesters, civilians (inter 5-7).
    Unarmed,
    /// No inter code known.
    Unknown,
}

impl Side {
    /// The side of an inter code.
    pub fn from_inter(inter: Option<Inter>) -> Side {
        match inter {
            Some(1) => Side::State,
            Some(8) => Side::External,
            Some(2..=4) => Side::NonState,
            Some(5..=7) => Side::Unarmed,
            _ => Side::Unknown,
        }
    }

    /// Organised and armed.
    pub fn is_armed(self) -> bool {
        matches!(self, Side::State | Side::External | Side::NonState)
    }
}

/// An actor family: actor names compared by [`rasd_model::actor_family`] (dated period and unit
/// suffix dropped, so "Military Forces of Mali (2013-) Gendarmerie" and "(2012-2013)" are one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// The comparison key (lower case).
    pub key: String,
    /// A display name: the first spelling seen, without the dated period.
    pub name: String,
    /// The side, from the first inter code seen with the family.
    pub side: Side,
}

impl Family {
    /// A short label for tables and control labels: the part before a colon ("JNIM: Group for
    /// Support of Islam and Muslims" -> "JNIM"), kept for each side of an ACLED "and/or" name
    /// ("JNIM and/or Islamic State (Greater Sahara)").
    pub fn short(&self) -> String {
        self.name
            .split(" and/or ")
            .map(short_name)
            .collect::<Vec<_>>()
            .join(" and/or ")
    }

    /// An unidentified group ("Unidentified Armed Group (Mali)") is a reporting gap, not an
    /// actor that can spread or hold territory.
    pub fn identified(&self) -> bool {
        !self.key.starts_with("unidentified")
    }
}

/// The part of an actor name before a colon.
pub fn short_name(name: &str) -> &str {
    name.split(':').next().unwrap_or(name).trim()
}

/// An administrative area: admin1 areas have no `admin2`. Admin2 names repeat across
/// countries, so an area is always the whole path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AreaKey {
    pub country: String,
    pub admin1: String,
    pub admin2: Option<String>,
}

impl AreaKey {
    /// `Mali / Mopti / Bankass`.
    pub fn label(&self) -> String {
        match &self.admin2 {
            Some(a2) => format!("{} / {} / {}", self.country, self.admin1, a2),
            None => format!("{} / {}", self.country, self.admin1),
        }
    }

    /// The most specific name (admin2, else admin1).
    pub fn name(&self) -> &str {
        self.admin2.as_deref().unwrap_or(&self.admin1)
    }
}

/// Case- and accent-insensitive form for comparing names ("Tillabéri" = "TILLABERI"), as every
/// name test of a [`Filter`] uses it; callers filtering results by name use it too.
pub fn fold_name(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Which events a series, report or indicator looks at. Empty fields match everything; names
/// compare case- and accent-insensitively; `actor` is a substring of actor1, actor2 or either
/// associated actor; `from`/`to` are inclusive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub actor: Option<String>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// Whether one row passes (for callers holding rows, not a table).
    pub fn matches_row(&self, r: &EventRow) -> bool {
        let eq = |want: &Option<String>, have: &Option<String>| match want {
            None => true,
            Some(w) => have
                .as_deref()
                .is_some_and(|h| fold_name(h) == fold_name(w)),
        };
        if self.from.is_some_and(|f| r.event_date < f) || self.to.is_some_and(|t| r.event_date > t)
        {
            return false;
        }
        if self.event_type.is_some_and(|t| t != r.event_type)
            || self.sub_event_type.is_some_and(|s| s != r.sub_event_type)
        {
            return false;
        }
        if !eq(&self.country, &r.country)
            || !eq(&self.admin1, &r.admin1)
            || !eq(&self.admin2, &r.admin2)
        {
            return false;
        }
        match &self.actor {
            None => true,
            Some(a) => {
                let a = fold_name(a);
                [&r.actor1, &r.actor2, &r.assoc_actor_1, &r.assoc_actor_2]
                    .iter()
                    .any(|n| n.as_deref().is_some_and(|n| fold_name(n).contains(&a)))
            }
        }
    }

    /// The same filter without its date range.
    pub fn without_dates(&self) -> Filter {
        Filter {
            from: None,
            to: None,
            ..self.clone()
        }
    }
}

/// A filter resolved against a table's interned ids: per-event tests are integer look-ups.
pub(crate) struct CompiledFilter {
    country: Option<Vec<bool>>,
    admin1: Option<Vec<bool>>,
    admin2: Option<Vec<bool>>,
    names: Option<Vec<bool>>,
    event_type: Option<u8>,
    sub: Option<u8>,
    from: Option<i32>,
    to: Option<i32>,
}

impl CompiledFilter {
    pub(crate) fn matches(&self, t: &EventTable<'_>, i: usize) -> bool {
        let ok = |set: &Option<Vec<bool>>, id: u32| match set {
            None => true,
            Some(s) => id != NONE && s[id as usize],
        };
        if self.from.is_some_and(|f| t.day[i] < f) || self.to.is_some_and(|x| t.day[i] > x) {
            return false;
        }
        if self.event_type.is_some_and(|e| e != t.etype[i])
            || self.sub.is_some_and(|s| s != t.sub[i])
        {
            return false;
        }
        if !ok(&self.country, t.country[i])
            || !ok(&self.admin1, t.admin1[i])
            || !ok(&self.admin2, t.admin2[i])
        {
            return false;
        }
        match &self.names {
            None => true,
            Some(s) => [t.name1[i], t.name2[i], t.assoc1[i], t.assoc2[i]]
                .iter()
                .any(|&n| n != NONE && s[n as usize]),
        }
    }
}

/// Groups of row indices (per area or per actor family), each in date order.
pub(crate) struct Groups {
    pub(crate) off: Vec<u32>,
    pub(crate) idx: Vec<u32>,
}

impl Groups {
    pub(crate) fn len(&self) -> usize {
        self.off.len() - 1
    }
    pub(crate) fn get(&self, g: usize) -> &[u32] {
        &self.idx[self.off[g] as usize..self.off[g + 1] as usize]
    }
}

/// The columnar table. Build it once per analysis run with [`EventTable::new`] (or
/// [`EventTable::from_rows`] for a selection of rows held elsewhere); it borrows the rows
/// (notes and tags are read from them by the keyword scans).
pub struct EventTable<'a> {
    pub(crate) rows: Vec<&'a EventRow>,
    /// Event id of each row (flags and contributions list them: a column, not a pointer chase).
    pub(crate) id: Vec<i64>,
    pub(crate) day: Vec<i32>,
    pub(crate) week: Vec<i32>,
    pub(crate) month: Vec<i32>,
    pub(crate) etype: Vec<u8>,
    pub(crate) sub: Vec<u8>,
    /// ACLED inter codes of actor1 and actor2: read per event by every side test, so kept in
    /// a column rather than behind each row's pointer (a cache miss per event otherwise).
    pub(crate) inter: Vec<[Option<Inter>; 2]>,
    /// Fatalities and number of sources of each row (read by every series and baseline).
    pub(crate) fatalities: Vec<u32>,
    pub(crate) sources: Vec<u32>,
    /// The keyword cues of each row (notes, tags, location), scanned once on first use, in
    /// parallel and in row order (see [`EventTable::cues`]).
    pub(crate) cues: std::sync::OnceLock<Vec<Cues>>,
    pub(crate) country: Vec<u32>,
    pub(crate) admin1: Vec<u32>,
    pub(crate) admin2: Vec<u32>,
    pub(crate) name1: Vec<u32>,
    pub(crate) name2: Vec<u32>,
    pub(crate) assoc1: Vec<u32>,
    pub(crate) assoc2: Vec<u32>,
    pub(crate) fam1: Vec<u32>,
    pub(crate) fam2: Vec<u32>,
    pub(crate) src_off: Vec<u32>,
    pub(crate) src: Vec<u32>,
    /// Row indices in date order.
    pub(crate) by_day: Vec<u32>,
    pub(crate) countries: Vec<String>,
    pub(crate) admin1s: Vec<AreaKey>,
    pub(crate) admin2s: Vec<AreaKey>,
    pub(crate) names: Vec<&'a str>,
    pub(crate) families: Vec<Family>,
    pub(crate) n_sources: usize,
}

struct Interner<'a> {
    map: HashMap<&'a str, u32>,
    list: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn new() -> Self {
        Interner {
            map: HashMap::default(),
            list: Vec::new(),
        }
    }
    fn id(&mut self, s: Option<&'a str>) -> u32 {
        let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
            return NONE;
        };
        if let Some(&id) = self.map.get(s) {
            return id;
        }
        let id = self.list.len() as u32;
        self.map.insert(s, id);
        self.list.push(s);
        id
    }
}

struct DateColumns {
    day: Vec<i32>,
    week: Vec<i32>,
    month: Vec<i32>,
    etype: Vec<u8>,
    sub: Vec<u8>,
    inter: Vec<[Option<Inter>; 2]>,
    fatalities: Vec<u32>,
    sources: Vec<u32>,
    by_day: Vec<u32>,
}

fn date_columns(rows: &[&EventRow]) -> DateColumns {
    let n = rows.len();
    let mut c = DateColumns {
        day: Vec::with_capacity(n),
        week: Vec::with_capacity(n),
        month: Vec::with_capacity(n),
        etype: Vec::with_capacity(n),
        sub: Vec::with_capacity(n),
        inter: Vec::with_capacity(n),
        fatalities: Vec::with_capacity(n),
        sources: Vec::with_capacity(n),
        by_day: Vec::new(),
    };
    for &r in rows {
        let d = day_index(r.event_date);
        c.day.push(d);
        c.week.push(week_index(d));
        c.month.push(month_index(r.event_date));
        c.etype.push(type_index(r.event_type) as u8);
        c.sub.push(sub_index(r.sub_event_type) as u8);
        c.inter.push([r.inter1, r.inter2]);
        c.fatalities.push(r.fatalities);
        c.sources.push(r.sources);
    }
    c.by_day = order_by_day(&c.day);
    c
}

/// Row indices in date order, stable: a counting sort over the day range (ten years are
/// ~3,650 buckets), falling back to a comparison sort for a range wider than the rows.
pub(crate) fn order_by_day(day: &[i32]) -> Vec<u32> {
    let (Some(&lo), Some(&hi)) = (day.iter().min(), day.iter().max()) else {
        return Vec::new();
    };
    let span = (hi as i64 - lo as i64 + 1) as usize;
    if span > 4 * day.len() + 1024 {
        let mut order: Vec<u32> = (0..day.len() as u32).collect();
        order.sort_by_key(|&i| day[i as usize]);
        return order;
    }
    let mut start = vec![0u32; span + 1];
    for &d in day {
        start[(d - lo) as usize + 1] += 1;
    }
    for k in 0..span {
        start[k + 1] += start[k];
    }
    let mut order = vec![0u32; day.len()];
    for (i, &d) in day.iter().enumerate() {
        let slot = &mut start[(d - lo) as usize];
        order[*slot as usize] = i as u32;
        *slot += 1;
    }
    order
}

struct AreaColumns {
    country: Vec<u32>,
    admin1: Vec<u32>,
    admin2: Vec<u32>,
    countries: Vec<String>,
    admin1s: Vec<AreaKey>,
    admin2s: Vec<AreaKey>,
}

fn area_columns(rows: &[&EventRow]) -> AreaColumns {
    let n = rows.len();
    let mut c = AreaColumns {
        country: Vec::with_capacity(n),
        admin1: Vec::with_capacity(n),
        admin2: Vec::with_capacity(n),
        countries: Vec::new(),
        admin1s: Vec::new(),
        admin2s: Vec::new(),
    };
    let mut countries = Interner::new();
    let mut a1: HashMap<(u32, &str), u32> = HashMap::default();
    let mut a2: HashMap<(u32, &str), u32> = HashMap::default();
    for &r in rows {
        let cid = countries.id(r.country.as_deref());
        c.country.push(cid);
        let adm1 = match r.admin1.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => NONE,
            Some(s) => {
                let next = c.admin1s.len() as u32;
                *a1.entry((cid, s)).or_insert_with(|| {
                    c.admin1s.push(AreaKey {
                        country: r.country.clone().unwrap_or_default(),
                        admin1: s.to_string(),
                        admin2: None,
                    });
                    next
                })
            }
        };
        c.admin1.push(adm1);
        let adm2 = match (
            adm1,
            r.admin2.as_deref().map(str::trim).filter(|s| !s.is_empty()),
        ) {
            (NONE, _) | (_, None) => NONE,
            (p, Some(s)) => {
                let next = c.admin2s.len() as u32;
                *a2.entry((p, s)).or_insert_with(|| {
                    let mut key = c.admin1s[p as usize].clone();
                    key.admin2 = Some(s.to_string());
                    c.admin2s.push(key);
                    next
                })
            }
        };
        c.admin2.push(adm2);
    }
    c.countries = countries.list.iter().map(|s| s.to_string()).collect();
    c
}

/// The display name of an actor family from its first name: without a dated period
/// ("Military Forces of Mali (2013-)" -> "Military Forces of Mali").
pub(crate) fn family_display(name: &str) -> &str {
    match name.find('(') {
        Some(p)
            if name[p..]
                .chars()
                .take_while(|&c| c != ')')
                .any(|c| c.is_ascii_digit()) =>
        {
            name[..p].trim()
        }
        _ => name,
    }
}

/// The side of a new family: from the inter code of its first name, else state forces when the
/// key names them.
pub(crate) fn family_side(key: &str, inter: Option<Inter>) -> Side {
    let side = Side::from_inter(inter);
    if side == Side::Unknown
        && (key.starts_with("military forces of") || key.starts_with("police forces of"))
    {
        Side::State
    } else {
        side
    }
}

struct ActorColumns<'a> {
    name1: Vec<u32>,
    name2: Vec<u32>,
    assoc1: Vec<u32>,
    assoc2: Vec<u32>,
    fam1: Vec<u32>,
    fam2: Vec<u32>,
    names: Vec<&'a str>,
    families: Vec<Family>,
}

fn actor_columns<'a>(rows: &[&'a EventRow]) -> ActorColumns<'a> {
    let n = rows.len();
    let mut names = Interner::new();
    let mut cols: [Vec<u32>; 4] = std::array::from_fn(|_| Vec::with_capacity(n));
    // First inter code seen with each actor name.
    let mut name_inter: Vec<Option<Inter>> = Vec::new();
    for &r in rows {
        for (col, (name, inter)) in [
            (&r.actor1, r.inter1),
            (&r.actor2, r.inter2),
            (&r.assoc_actor_1, None),
            (&r.assoc_actor_2, None),
        ]
        .into_iter()
        .enumerate()
        {
            let id = names.id(name.as_deref());
            if id != NONE {
                if id as usize == name_inter.len() {
                    name_inter.push(inter);
                } else if name_inter[id as usize].is_none() {
                    name_inter[id as usize] = inter;
                }
            }
            cols[col].push(id);
        }
    }
    // Families: one `actor_family` call per distinct name, not per event.
    let mut families: Vec<Family> = Vec::new();
    let mut fam_ids: HashMap<String, u32> = HashMap::default();
    let mut name_family = Vec::with_capacity(names.list.len());
    for (i, name) in names.list.iter().enumerate() {
        let key = actor_family(name);
        let next = families.len() as u32;
        let id = *fam_ids.entry(key.clone()).or_insert_with(|| {
            let side = family_side(&key, name_inter[i]);
            families.push(Family {
                key,
                name: family_display(name).to_string(),
                side,
            });
            next
        });
        if families[id as usize].side == Side::Unknown {
            families[id as usize].side = Side::from_inter(name_inter[i]);
        }
        name_family.push(id);
    }
    let fam = |id: &u32| {
        if *id == NONE {
            NONE
        } else {
            name_family[*id as usize]
        }
    };
    let [name1, name2, assoc1, assoc2] = cols;
    ActorColumns {
        fam1: name1.iter().map(fam).collect(),
        fam2: name2.iter().map(fam).collect(),
        name1,
        name2,
        assoc1,
        assoc2,
        names: names.list,
        families,
    }
}

/// Source ids per event (CSR: offsets and ids) and the number of distinct sources.
pub(crate) fn source_columns<'a>(
    rows: impl ExactSizeIterator<Item = &'a EventRow>,
) -> (Vec<u32>, Vec<u32>, usize) {
    let mut sources = Interner::new();
    let mut off = Vec::with_capacity(rows.len() + 1);
    let mut ids = Vec::with_capacity(rows.len());
    off.push(0);
    for r in rows {
        for s in &r.source_names {
            let id = sources.id(Some(s.as_str()));
            if id != NONE {
                ids.push(id);
            }
        }
        off.push(ids.len() as u32);
    }
    (off, ids, sources.list.len())
}

impl<'a> EventTable<'a> {
    /// Build the columns. Cost: one pass with a few hash look-ups per row, split in four
    /// independent passes (dates, areas, actors, sources) that run in parallel, then one sort
    /// by date.
    pub fn new(rows: &'a [EventRow]) -> Self {
        Self::from_rows(rows.iter().collect())
    }

    /// Build the columns over a selection of rows kept elsewhere (the server's in-memory
    /// index holds every event once; a filtered analysis passes references to the matching
    /// ones instead of copying them). Rows in any order.
    pub fn from_rows(rows: Vec<&'a EventRow>) -> Self {
        let refs = rows.as_slice();
        let ((dates, areas), (actors, sources)) = rayon::join(
            || rayon::join(|| date_columns(refs), || area_columns(refs)),
            || {
                rayon::join(
                    || actor_columns(refs),
                    || source_columns(refs.iter().copied()),
                )
            },
        );
        let DateColumns {
            day,
            week,
            month,
            etype,
            sub,
            inter,
            fatalities,
            sources: row_sources,
            by_day,
        } = dates;
        let AreaColumns {
            country,
            admin1,
            admin2,
            countries,
            admin1s,
            admin2s,
        } = areas;
        let ActorColumns {
            name1,
            name2,
            assoc1,
            assoc2,
            fam1,
            fam2,
            names,
            families,
        } = actors;
        let (src_off, src, n_sources) = sources;
        EventTable {
            id: rows.iter().map(|r| r.id).collect(),
            rows,
            day,
            week,
            month,
            etype,
            sub,
            inter,
            fatalities,
            sources: row_sources,
            cues: std::sync::OnceLock::new(),
            country,
            admin1,
            admin2,
            name1,
            name2,
            assoc1,
            assoc2,
            fam1,
            fam2,
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

    /// Number of events.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// No events.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows the table was built from.
    pub fn rows(&self) -> &[&'a EventRow] {
        &self.rows
    }

    /// Admin1 areas, indexed by the ids used in outputs.
    pub fn admin1_areas(&self) -> &[AreaKey] {
        &self.admin1s
    }

    /// Admin2 areas.
    pub fn admin2_areas(&self) -> &[AreaKey] {
        &self.admin2s
    }

    /// Actor families.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// Distinct source names.
    pub fn source_count(&self) -> usize {
        self.n_sources
    }

    /// First and last event date.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = *self.by_day.first()? as usize;
        let last = *self.by_day.last()? as usize;
        Some((day_date(self.day[first]), day_date(self.day[last])))
    }

    pub(crate) fn is_violent(&self, i: usize) -> bool {
        EventType::ALL[self.etype[i] as usize].is_violent()
    }

    pub(crate) fn sub_type(&self, i: usize) -> SubEventType {
        SubEventType::ALL[self.sub[i] as usize]
    }

    pub(crate) fn sources_of(&self, i: usize) -> &[u32] {
        &self.src[self.src_off[i] as usize..self.src_off[i + 1] as usize]
    }

    /// Side of actor1 / actor2 of an event: the event's own inter code first, the family's
    /// otherwise.
    pub(crate) fn side1(&self, i: usize) -> Side {
        match Side::from_inter(self.inter[i][0]) {
            Side::Unknown if self.fam1[i] != NONE => self.families[self.fam1[i] as usize].side,
            s => s,
        }
    }

    pub(crate) fn side2(&self, i: usize) -> Side {
        match Side::from_inter(self.inter[i][1]) {
            Side::Unknown if self.fam2[i] != NONE => self.families[self.fam2[i] as usize].side,
            s => s,
        }
    }

    /// The keyword cues of every row, in row order (scanned in parallel on first use, then
    /// shared by the control indicator and the capabilities).
    pub(crate) fn cues(&self) -> &[Cues] {
        self.cues.get_or_init(|| {
            use rayon::prelude::*;
            self.rows.par_iter().map(|r| scan(r)).collect()
        })
    }

    pub(crate) fn compile(&self, f: &Filter) -> CompiledFilter {
        let set = |want: &Option<String>, list: &mut dyn Iterator<Item = &str>| {
            want.as_ref().map(|w| {
                let w = fold_name(w);
                list.map(|s| fold_name(s) == w).collect::<Vec<bool>>()
            })
        };
        let country = set(&f.country, &mut self.countries.iter().map(String::as_str));
        let admin1 = set(
            &f.admin1,
            &mut self.admin1s.iter().map(|a| a.admin1.as_str()),
        );
        let admin2 = set(&f.admin2, &mut self.admin2s.iter().map(|a| a.name()));
        let names = f.actor.as_ref().map(|a| {
            let a = fold_name(a);
            self.names
                .iter()
                .map(|n| fold_name(n).contains(&a))
                .collect()
        });
        CompiledFilter {
            country,
            admin1,
            admin2,
            names,
            event_type: f.event_type.map(|t| type_index(t) as u8),
            sub: f.sub_event_type.map(|s| sub_index(s) as u8),
            from: f.from.map(day_index),
            to: f.to.map(day_index),
        }
    }

    /// Group the date-ordered rows by up to two keys per row (counting sort, stable).
    pub(crate) fn group(&self, n_groups: usize, keys: impl Fn(usize) -> [u32; 2]) -> Groups {
        let mut count = vec![0u32; n_groups + 1];
        for &i in &self.by_day {
            let k = keys(i as usize);
            for (j, &g) in k.iter().enumerate() {
                if g != NONE && (j == 0 || g != k[0]) {
                    count[g as usize + 1] += 1;
                }
            }
        }
        for g in 0..n_groups {
            count[g + 1] += count[g];
        }
        let mut fill = count.clone();
        let mut idx = vec![0u32; count[n_groups] as usize];
        for &i in &self.by_day {
            let k = keys(i as usize);
            for (j, &g) in k.iter().enumerate() {
                if g != NONE && (j == 0 || g != k[0]) {
                    idx[fill[g as usize] as usize] = i;
                    fill[g as usize] += 1;
                }
            }
        }
        Groups { off: count, idx }
    }

    pub(crate) fn by_admin1(&self) -> Groups {
        self.group(self.admin1s.len(), |i| [self.admin1[i], NONE])
    }

    pub(crate) fn by_admin2(&self) -> Groups {
        self.group(self.admin2s.len(), |i| [self.admin2[i], NONE])
    }

    /// Events by actor family (actor1 or actor2; an event counts once per family).
    pub(crate) fn by_family(&self) -> Groups {
        self.group(self.families.len(), |i| [self.fam1[i], self.fam2[i]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_day_is_a_stable_sort() {
        let day = vec![5, 3, 5, 1, 3, 9];
        assert_eq!(order_by_day(&day), vec![3, 1, 4, 0, 2, 5]);
        // A huge span takes the comparison sort, with the same answer.
        let wide = vec![1_000_000, 3, 1_000_000, -7];
        assert_eq!(order_by_day(&wide), vec![3, 1, 0, 2]);
        assert!(order_by_day(&[]).is_empty());
    }
}
